#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"Usage: unroll coeffs -m METHOD [method options] -T N [--format csv|json]\n"
"                     [-o FILE]\n"
"Prints the iteration coefficients of a method for t = 1..N: each\n"
"coefficient exactly (p/q, or a ball where it is irrational) and as the\n"
"correctly rounded double NAME_f64.\n"
"\n"
"  -T N                 number of steps, 0 <= N <= 10000\n"
"      --format F       csv (default) or json\n"
"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
"  -h, --help           show this help\n";

static const struct option options[] =
{
    CLI_METHOD_OPTIONS,
    { "format", required_argument, NULL, OPT_FORMAT },
    { "output", required_argument, NULL, 'o' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
};

/* Ball coefficients are recomputed with more bits until each one decides
   its double; 2^12 bits is far beyond what any finite method needs. */
static int
write_coeffs(const unroll_method_t meth, slong T, int format,
             const char * path)
{
    unroll_scheme_t s;
    unroll_table_out_t out;
    char why[UNROLL_MSG_LEN];
    slong prec;
    int code = EXIT_OK, status = UNROLL_UNABLE;

    unroll_scheme_init(s);

    if (unroll_table_out_open(out, path, why) != UNROLL_SUCCESS)
        code = cli_error(EXIT_IO, "coeffs", why);
    for (prec = 128; code == EXIT_OK && status == UNROLL_UNABLE
         && prec <= 4096; prec *= 2)
    {
        code = cli_build_scheme(s, meth, T, prec, "coeffs");
        if (code == EXIT_OK)
            status = unroll_table_write_coeffs(out->f, s, meth, T, format,
                                               why);
    }

    if (code == EXIT_OK && status != UNROLL_SUCCESS)
        code = cli_error(status == UNROLL_IO ? EXIT_IO : EXIT_USAGE,
                         "coeffs", why);
    if (code == EXIT_OK && unroll_table_out_commit(out, why) != UNROLL_SUCCESS)
        code = cli_error(EXIT_IO, "coeffs", why);
    else if (code != EXIT_OK)
        unroll_table_out_abort(out);

    unroll_scheme_clear(s);
    return code;
}

int
cmd_coeffs(int argc, char ** argv)
{
    cli_method_args_t margs;
    unroll_method_t meth;
    const char * output = NULL;
    long T = -1;
    int opt, format = UNROLL_FORMAT_CSV, code = EXIT_OK;

    memset(&margs, 0, sizeof(margs));
    while (code == EXIT_OK
           && (opt = getopt_long(argc, argv, "m:T:o:h", options, NULL)) != -1)
    {
        if (cli_method_option(&margs, opt, optarg))
            continue;
        switch (opt)
        {
        case 'T':
            code = cli_parse_count(&T, optarg, UNROLL_T_MAX_EXACT, "coeffs",
                                   "-T");
            break;
        case OPT_FORMAT:
            code = cli_parse_format(&format, optarg, 0, "coeffs");
            break;
        case 'o':
            output = optarg;
            break;
        case 'h':
            fputs(usage, stdout);
            fputs(cli_method_help, stdout);
            return EXIT_OK;
        default:
            return cli_bad_option("coeffs", argv[optind - 1]);
        }
    }
    if (code != EXIT_OK)
        return code;
    if (optind < argc)
        return cli_usage_error("coeffs", "unexpected argument");
    if (T < 0)
        return cli_error(EXIT_USAGE, "coeffs", "missing -T");

    unroll_method_init(meth);
    code = cli_method_resolve(meth, &margs, "coeffs");
    if (code == EXIT_OK)
        code = write_coeffs(meth, T, format, output);
    unroll_method_clear(meth);
    return code;
}
