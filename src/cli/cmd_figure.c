#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "unroll/report.h"

static const char usage[] =
"Usage: unroll figure N [--out DIR] [--format png|svg|pdf] [-T N]\n"
"                       [--data-dir DIR] [--bodyfat FILE]\n"
"Draws figure N (1..6) of the paper from this toolkit's own numbers and\n"
"writes figureN.png (or .svg, .pdf) and figureN.csv, the numbers drawn.\n"
"  1  gradient descent on ridge (breast-cancer) for several steps:\n"
"     Jacobian and function suboptimality\n"
"  2  GD and Chebyshev Jacobian suboptimality under their certified\n"
"     worst-case bounds\n"
"  3  certified worst-case rates B_t at l = 1/2, L = 10, alpha = 1\n"
"  4  Sobolev, Chebyshev and GD on breast-cancer, bodyfat, synthetic\n"
"  5  two phases on logistic regression\n"
"  6  beyond the paper: the worst-case optimal method and the true lower\n"
"     bound, with Proposition 1\n"
"\n"
"      --out DIR        output directory (default .; created if missing)\n"
"      --format F       png (default), svg or pdf\n"
"  -T N                 iterations or degrees, N <= 10000 (default: per\n"
"                       figure)\n"
"      --data-dir DIR   where breast_cancer.csv lives (default\n"
"                       $UNROLL_DATA_DIR, else ./data)\n"
"      --bodyfat FILE   the bodyfat CSV (figure 4; left out without it)\n"
"  -h, --help           show this help\n";

static const struct option options[] =
{
    { "out", required_argument, NULL, OPT_REPORT_OUT },
    { "format", required_argument, NULL, OPT_FORMAT },
    { "data-dir", required_argument, NULL, OPT_REPORT_DATA_DIR },
    { "bodyfat", required_argument, NULL, OPT_REPORT_BODYFAT },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
};

int
cli_report_mkdir(const char * dir, const char * cmd)
{
    char why[UNROLL_MSG_LEN];
    struct stat st;

    if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return EXIT_OK;
    if (mkdir(dir, 0777) == 0)
        return EXIT_OK;
    snprintf(why, sizeof(why), "%.200s: cannot create the directory", dir);
    return cli_error(EXIT_IO, cmd, why);
}

int
cli_report_option(unroll_report_opts_t opts, int opt, const char * arg,
                  const char * cmd)
{
    long T;
    char why[UNROLL_MSG_LEN];

    switch (opt)
    {
    case OPT_REPORT_OUT:
        opts->outdir = arg;
        return EXIT_OK;
    case OPT_FORMAT:
        opts->format = unroll_plot_format_from_name(arg);
        if (opts->format >= 0)
            return EXIT_OK;
        snprintf(why, sizeof(why), "--format: unknown format '%.32s'", arg);
        return cli_error(EXIT_USAGE, cmd, why);
    case 'T':
        if (cli_parse_count(&T, arg, UNROLL_T_MAX_EXACT, cmd, "-T")
            != EXIT_OK)
            return EXIT_USAGE;
        opts->T = T;
        return EXIT_OK;
    case OPT_REPORT_DATA_DIR:
        opts->data_dir = arg;
        return EXIT_OK;
    case OPT_REPORT_BODYFAT:
        opts->bodyfat = arg;
        return EXIT_OK;
    default:
        return -1;
    }
}

/* The status of a figure or report as an exit code and one line. */
int
cli_report_status(int status, const char * cmd, const char * why)
{
    if (status == UNROLL_SUCCESS)
        return EXIT_OK;
    return cli_error(status == UNROLL_IO ? EXIT_IO
                     : status == UNROLL_UNABLE ? EXIT_UNCERTIFIED
                     : EXIT_USAGE, cmd, why);
}

int
cmd_figure(int argc, char ** argv)
{
    unroll_report_opts_t opts;
    char why[UNROLL_MSG_LEN], * end;
    long n;
    int opt, code, i, status;

    unroll_report_opts_init(opts);
    if (getenv("UNROLL_DATA_DIR") != NULL)
        opts->data_dir = getenv("UNROLL_DATA_DIR");
    while ((opt = getopt_long(argc, argv, "T:h", options, NULL)) != -1)
    {
        if (opt == 'h')
        {
            fputs(usage, stdout);
            return EXIT_OK;
        }
        code = cli_report_option(opts, opt, optarg, "figure");
        if (code > 0)
            return code;
        if (code < 0)
            return cli_bad_option("figure", argv[optind - 1]);
    }
    if (optind + 1 != argc)
        return cli_usage_error("figure", "expected one figure number");
    n = strtol(argv[optind], &end, 10);
    if (*argv[optind] == '\0' || *end != '\0' || n < 1
        || n > UNROLL_REPORT_NFIGURES)
        return cli_usage_error("figure", "the figure number must be 1..6");

    code = cli_report_mkdir(opts->outdir, "figure");
    if (code != EXIT_OK)
        return code;
    status = unroll_report_figure(opts, (int) n, why);
    for (i = 0; i < opts->nnotes; i++)
        fprintf(stderr, "unroll: note: %s\n", opts->notes[i]);
    return cli_report_status(status, "figure", why);
}
