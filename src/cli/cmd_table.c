#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Limitation: the exact coefficients of the sobolev method reach
   thousands of digits near t = 1000 and every row of a bound table costs
   a certified sup norm, so tables stop at this length. */
#define TABLE_T_MAX 1000

enum
{
    OPT_REL = OPT_FIRST_FREE,
    OPT_STAGE
};

static const char usage[] =
"Usage: unroll table -d DIR [-T N] [--rel-width W]\n"
"       unroll table -m METHOD [method options] -T N [--stage y|z|x]\n"
"                    [--rel-width W] -o FILE\n"
"Writes certified bound tables: per t = 1..N the exact and correctly\n"
"rounded coefficients of 'unroll coeffs' and the enclosures of B_t and\n"
"D_t, with a JSON sidecar FILE.json (format: unroll-tables(5)).\n"
"The first form writes the paper's tables (Figure 3 setting: l = 1/2,\n"
"L = 10, alpha = 1, eta = 20 and 1; N = 200 by default) into DIR.\n"
"\n"
"  -d, --dir DIR        write the paper's tables into DIR\n"
"  -T N                 rows t = 1..N, N <= 1000\n"
"      --rel-width W    relative width of the enclosures,\n"
"                       2^-1000 <= W < 1, a number or 2^-K (default 2^-50)\n"
"      --stage S        y, z (Sobolev S_t) or x (default)\n"
"  -o, --output FILE    the table to write (FILE.json beside it)\n"
"  -h, --help           show this help\n";

static const struct option options[] =
{
    CLI_METHOD_OPTIONS,
    { "dir", required_argument, NULL, 'd' },
    { "rel-width", required_argument, NULL, OPT_REL },
    { "stage", required_argument, NULL, OPT_STAGE },
    { "output", required_argument, NULL, 'o' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
};

/* The paper's tables: name, then the method options as typed. */
typedef struct
{
    const char * name;
    const char * method;
    const char * alpha;
    const char * eta;
    const char * step;
    int stage;
}
paper_table_t;

static const paper_table_t paper[] =
{
    { "fig3-gd-1_L", "gd", NULL, NULL, "1/L", UNROLL_STAGE_X },
    { "fig3-gd-2_Lpl", "gd", NULL, NULL, "2/(L+l)", UNROLL_STAGE_X },
    { "fig3-chebyshev", "chebyshev", NULL, NULL, NULL, UNROLL_STAGE_X },
    { "fig3-gegenbauer", "gegenbauer", "1", NULL, NULL, UNROLL_STAGE_X },
    { "fig3-sobolev-eta20", "sobolev", "1", "20", NULL, UNROLL_STAGE_X },
    { "fig3-sobolev-eta1", "sobolev", "1", "1", NULL, UNROLL_STAGE_X },
    { "fig3-sobolev-S-eta20", "sobolev", "1", "20", NULL, UNROLL_STAGE_Z },
    { "fig3-sobolev-asymptotic", "sobolev-asymptotic", NULL, NULL, NULL,
      UNROLL_STAGE_X },
};

#define NPAPER ((int) (sizeof(paper) / sizeof(paper[0])))

/* Writes path atomically with one of the two writers. */
/* Writes the table and its sidecar, both through temporary files that
   are renamed only once both are complete: a failure on either leaves
   both targets as they were.
   Limitation: two renames are not one atomic step; if the second fails
   (the first has just succeeded in the same directory, so this needs a
   race with another process), the new sidecar sits beside the old
   table. */
static int
write_files(const char * path, const char * meta,
            const unroll_method_t meth, const unroll_scheme_t s,
            const unroll_bound_result_struct * res, int stage, slong T,
            slong rel_bits)
{
    unroll_table_out_t out, side;
    char why[UNROLL_MSG_LEN];
    int status;

    if (unroll_table_out_open(out, path, why) != UNROLL_SUCCESS)
        return cli_error(EXIT_IO, "table", why);
    if (unroll_table_out_open(side, meta, why) != UNROLL_SUCCESS)
    {
        unroll_table_out_abort(out);
        return cli_error(EXIT_IO, "table", why);
    }
    status = unroll_table_write_bounds(out->f, s, res, T, why);
    if (status == UNROLL_SUCCESS)
        status = unroll_table_write_bounds_meta(side->f, meth, s, stage, T,
                                                rel_bits, why);
    if (status != UNROLL_SUCCESS)
    {
        unroll_table_out_abort(side);
        unroll_table_out_abort(out);
        return cli_error(status == UNROLL_IO ? EXIT_IO : EXIT_UNCERTIFIED,
                         "table", why);
    }
    if (unroll_table_out_commit(side, why) != UNROLL_SUCCESS)
    {
        unroll_table_out_abort(out);
        return cli_error(EXIT_IO, "table", why);
    }
    if (unroll_table_out_commit(out, why) != UNROLL_SUCCESS)
        return cli_error(EXIT_IO, "table", why);
    return EXIT_OK;
}

/* One table: the scheme (balls with the bits the recurrences lose to
   spare), every t certified, then the CSV and its sidecar. */
static int
one_table(const char * path, const unroll_method_t meth, int stage,
          slong T, slong rel_bits)
{
    unroll_scheme_t s;
    unroll_bound_result_struct * res = _unroll_bound_result_vec_init(T);
    char why[UNROLL_MSG_LEN], * meta;
    int code;

    unroll_scheme_init(s);
    /* flint_malloc ends the command cleanly when memory is exhausted. */
    meta = flint_malloc(strlen(path) + 6);
    sprintf(meta, "%s.json", path);

    code = cli_build_scheme(s, meth, T, rel_bits + 128 + 2 * T, "table");
    if (code == EXIT_OK && stage != UNROLL_STAGE_X
        && s->kind != UNROLL_SCHEME_AVERAGED)
        code = cli_error(EXIT_USAGE, "table", "--stage needs a three-stage "
                         "method");
    if (code == EXIT_OK && unroll_bound_sup_range(res, NULL, s, &meth->spec,
                                                  T, stage, rel_bits, why))
        code = cli_error(EXIT_UNCERTIFIED, "table", why);
    if (code == EXIT_OK)
        code = write_files(path, meta, meth, s, res, stage, T, rel_bits);

    flint_free(meta);
    unroll_scheme_clear(s);
    _unroll_bound_result_vec_clear(res, T);
    return code;
}

static int
paper_tables(const char * dir, slong T, slong rel_bits)
{
    cli_method_args_t a;
    unroll_method_t meth;
    char * path;
    int i, code = EXIT_OK;

    for (i = 0; i < NPAPER && code == EXIT_OK; i++)
    {
        memset(&a, 0, sizeof(a));
        a.method = paper[i].method;
        a.ell = "1/2";
        a.L = "10";
        a.alpha = paper[i].alpha;
        a.eta = paper[i].eta;
        a.step = paper[i].step;
        path = flint_malloc(strlen(dir) + strlen(paper[i].name) + 8);
        sprintf(path, "%s/%s.csv", dir, paper[i].name);

        unroll_method_init(meth);
        code = cli_method_resolve(meth, &a, "table");
        if (code == EXIT_OK)
            code = one_table(path, meth, paper[i].stage, T, rel_bits);
        unroll_method_clear(meth);
        flint_free(path);
    }
    return code;
}

static int
parse_stage(int * stage, const char * arg)
{
    const char * names = "yzx";
    const char * p = strchr(names, arg[0]);

    if (p == NULL || arg[0] == '\0' || arg[1] != '\0')
        return cli_error(EXIT_USAGE, "table", "--stage must be y, z or x");
    *stage = (int) (p - names);
    return EXIT_OK;
}

static int
finish(const cli_method_args_t * margs, const char * dir, const char * out,
       long T, int stage, slong rel_bits)
{
    unroll_method_t meth;
    int code;

    if ((dir == NULL) == (out == NULL))
        return cli_error(EXIT_USAGE, "table", "give exactly one of -d and "
                         "-o");
    if (dir != NULL)
    {
        if (margs->method != NULL)
            return cli_error(EXIT_USAGE, "table", "-d writes the paper's "
                             "tables and takes no method");
        return paper_tables(dir, T < 0 ? 200 : T, rel_bits);
    }
    if (T < 1)
        return cli_error(EXIT_USAGE, "table", "missing -T (at least 1)");

    unroll_method_init(meth);
    code = cli_method_resolve(meth, margs, "table");
    if (code == EXIT_OK && !meth->has_spec)
        code = cli_error(EXIT_USAGE, "table", "the spectrum (--ell and "
                         "--L) is required");
    if (code == EXIT_OK)
        code = one_table(out, meth, stage, T, rel_bits);
    unroll_method_clear(meth);
    return code;
}

int
cmd_table(int argc, char ** argv)
{
    cli_method_args_t margs;
    const char * dir = NULL, * out = NULL;
    slong rel_bits = UNROLL_BOUND_REL_BITS;
    long T = -1;
    int opt, stage = UNROLL_STAGE_X, code = EXIT_OK;

    memset(&margs, 0, sizeof(margs));
    while (code == EXIT_OK
           && (opt = getopt_long(argc, argv, "m:T:d:o:h", options, NULL))
              != -1)
    {
        if (cli_method_option(&margs, opt, optarg))
            continue;
        switch (opt)
        {
        case 'T':
            code = cli_parse_count(&T, optarg, TABLE_T_MAX, "table", "-T");
            break;
        case OPT_REL:
            code = cli_parse_rel_width(&rel_bits, optarg, "table");
            break;
        case OPT_STAGE: code = parse_stage(&stage, optarg); break;
        case 'd': dir = optarg; break;
        case 'o': out = optarg; break;
        case 'h':
            fputs(usage, stdout);
            fputs(cli_method_help, stdout);
            return EXIT_OK;
        default:
            return cli_bad_option("table", argv[optind - 1]);
        }
    }
    if (code != EXIT_OK)
        return code;
    if (optind < argc)
        return cli_usage_error("table", "unexpected argument");
    return finish(&margs, dir, out, T, stage, rel_bits);
}
