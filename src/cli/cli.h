/* Shared pieces of the unroll command line. */
#ifndef UNROLL_CLI_H
#define UNROLL_CLI_H

#include <getopt.h>

#include "unroll.h"

/* Exit codes of every subcommand. */
enum
{
    EXIT_OK = 0,          /* all results certified */
    EXIT_UNCERTIFIED = 1, /* a result was not certified or a check failed */
    EXIT_USAGE = 2,       /* usage error or invalid input */
    EXIT_IO = 3           /* I/O or system error */
};

/* Long-option values of the method options shared by coeffs, poly and
   the later subcommands, above the range of short options. */
enum
{
    OPT_ELL = 256,
    OPT_L,
    OPT_ALPHA,
    OPT_ETA,
    OPT_STEP,
    OPT_MOMENTUM,
    OPT_COEFFS,
    OPT_FORMAT,
    OPT_WHICH,
    OPT_RHO,
    OPT_FIRST_FREE
};

/* The method options as typed, resolved once every option is read so
   that a step may refer to l and L ("--step 2/(L+l)"). */
typedef struct
{
    const char * method;
    const char * ell;
    const char * L;
    const char * alpha;
    const char * eta;
    const char * step;
    const char * momentum;
    const char * coeffs;
    const char * rho;
}
cli_method_args_t;

/* The getopt_long entries of the method options, ended by a zero entry;
   subcommands copy them into their own tables. */
#define CLI_METHOD_OPTIONS \
    { "method", required_argument, NULL, 'm' }, \
    { "ell", required_argument, NULL, OPT_ELL }, \
    { "L", required_argument, NULL, OPT_L }, \
    { "alpha", required_argument, NULL, OPT_ALPHA }, \
    { "eta", required_argument, NULL, OPT_ETA }, \
    { "step", required_argument, NULL, OPT_STEP }, \
    { "momentum", required_argument, NULL, OPT_MOMENTUM }, \
    { "coeffs", required_argument, NULL, OPT_COEFFS }, \
    { "rho", required_argument, NULL, OPT_RHO }

/* The help text of those options. */
extern const char cli_method_help[];

/* Records a method option; returns 1 if opt was one, 0 otherwise. */
int cli_method_option(cli_method_args_t * a, int opt, const char * arg);

/* Turns the typed options into a checked method.  Prints the error and
   returns EXIT_USAGE on failure. */
int cli_method_resolve(unroll_method_t meth, const cli_method_args_t * a,
                       const char * cmd);

/* Parses a nonnegative integer no larger than max for option name. */
int cli_parse_count(long * res, const char * arg, long max,
                    const char * cmd, const char * name);

/* Parses "csv", "json" (and, when allow_sollya, "sollya" = 2). */
int cli_parse_format(int * res, const char * arg, int allow_sollya,
                     const char * cmd);

/* Prints "unroll: error: CMD: WHY" and returns code. */
int cli_error(int code, const char * cmd, const char * why);

/* Prints "unroll: error: CMD: WHAT (try 'unroll CMD --help')". */
int cli_usage_error(const char * cmd, const char * what);

/* The same for an option getopt rejected (opterr is off). */
int cli_bad_option(const char * cmd, const char * arg);

/* Builds the scheme of meth for t = 0..T (balls, where needed, at
   precision prec).  Prints errors; returns an exit code. */
int cli_build_scheme(unroll_scheme_t s, const unroll_method_t meth, slong T,
                     slong prec, const char * cmd);

/* The same with ball coefficients for the orthogonal-polynomial families
   (unroll_method_scheme_arb), for numeric runs and bounds. */
int cli_build_scheme_numeric(unroll_scheme_t s, const unroll_method_t meth,
                             slong T, slong prec, const char * cmd);

/* The same with the scheme certified bounds are computed from
   (unroll_method_scheme_certify: exact up to a degree, then balls). */
int cli_build_scheme_certify(unroll_scheme_t s, const unroll_method_t meth,
                             slong T, slong prec, const char * cmd);

/* Makes exhausted memory in FLINT and GMP one error line and exit 3. */
void cli_memory_init(void);

int cmd_bound(int argc, char ** argv);
int cli_parse_rel_width(slong * rel_bits, const char * arg, const char * cmd);
int cmd_coeffs(int argc, char ** argv);
int cmd_poly(int argc, char ** argv);
int cmd_table(int argc, char ** argv);
int cmd_run(int argc, char ** argv);
int cmd_data(int argc, char ** argv);
int cmd_figure(int argc, char ** argv);
int cmd_report(int argc, char ** argv);

/* Shared by figure and report (cmd_figure.c): creates dir if missing;
   applies a figure option (returns -1 if opt is not one, otherwise an
   exit code); maps a report status to an exit code, printing why. */
enum
{
    OPT_REPORT_OUT = OPT_FIRST_FREE,
    OPT_REPORT_DATA_DIR,
    OPT_REPORT_BODYFAT,
    OPT_REPORT_TABLES
};

int cli_report_mkdir(const char * dir, const char * cmd);
int cli_report_option(unroll_report_opts_t opts, int opt, const char * arg,
                      const char * cmd);
int cli_report_status(int status, const char * cmd, const char * why);

#endif
