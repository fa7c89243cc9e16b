#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "unroll/report.h"

static const char usage[] =
"Usage: unroll report [--out DIR] [--format png|svg|pdf] [-T N]\n"
"                     [--data-dir DIR] [--bodyfat FILE]\n"
"Writes the paper's five figures (with their CSV files), the certified\n"
"bound tables of the figure settings, the theorem checks and an\n"
"index.html that shows them, into DIR (default: report).  A dataset\n"
"that is missing is left out with a note.  Progress goes to standard\n"
"error when it is a terminal.\n"
"\n"
"      --out DIR        output directory (default report)\n"
"      --format F       png (default), svg or pdf\n"
"  -T N                 iterations or degrees, N <= 10000 (default: per\n"
"                       figure)\n"
"      --data-dir DIR   where breast_cancer.csv lives (default\n"
"                       $UNROLL_DATA_DIR, else ./data)\n"
"      --bodyfat FILE   the bodyfat CSV (figure 4; left out without it)\n"
"      --tables DIR     the certified tables to include (default tables)\n"
"  -q, --quiet          no progress and no notes\n"
"  -h, --help           show this help\n";

static const struct option options[] =
{
    { "out", required_argument, NULL, OPT_REPORT_OUT },
    { "format", required_argument, NULL, OPT_FORMAT },
    { "data-dir", required_argument, NULL, OPT_REPORT_DATA_DIR },
    { "bodyfat", required_argument, NULL, OPT_REPORT_BODYFAT },
    { "tables", required_argument, NULL, OPT_REPORT_TABLES },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
};

static void
progress(const char * what, void * arg)
{
    (void) arg;
    fprintf(stderr, "\runroll: report: %-60s", what);
    fflush(stderr);
}

int
cmd_report(int argc, char ** argv)
{
    unroll_report_opts_t opts;
    char why[UNROLL_MSG_LEN];
    int opt, code, i, status, quiet = 0;

    unroll_report_opts_init(opts);
    opts->outdir = "report";
    if (getenv("UNROLL_DATA_DIR") != NULL)
        opts->data_dir = getenv("UNROLL_DATA_DIR");
    while ((opt = getopt_long(argc, argv, "T:qh", options, NULL)) != -1)
    {
        if (opt == 'h')
        {
            fputs(usage, stdout);
            return EXIT_OK;
        }
        if (opt == OPT_REPORT_TABLES)
        {
            opts->tables = optarg;
            continue;
        }
        if (opt == 'q')
        {
            quiet = 1;
            continue;
        }
        code = cli_report_option(opts, opt, optarg, "report");
        if (code > 0)
            return code;
        if (code < 0)
            return cli_bad_option("report", argv[optind - 1]);
    }
    if (optind != argc)
        return cli_usage_error("report", "unexpected argument");

    code = cli_report_mkdir(opts->outdir, "report");
    if (code != EXIT_OK)
        return code;
    if (!quiet && isatty(2))
        opts->progress = progress;
    status = unroll_report_write(opts, why);
    if (opts->progress != NULL)
        fputs("\n", stderr);
    for (i = 0; i < opts->nnotes && !quiet; i++)
        fprintf(stderr, "unroll: note: %s\n", opts->notes[i]);
    if (status == UNROLL_SUCCESS && !quiet)
        fprintf(stderr, "unroll: report: open %s/index.html\n",
                opts->outdir);
    return cli_report_status(status, "report", why);
}
