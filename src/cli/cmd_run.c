#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cblas.h>

#include "cli.h"

/* Limitation: the problem is stored dense, so datasets are capped at the
   driver's 2^27 entries and 4096 features (unroll/driver.h); the synthetic
   sizes are checked against them before anything is allocated. */
#define RUN_CELLS_MAX UNROLL_DRIVER_ENTRIES_MAX
#define RUN_D_MAX UNROLL_DRIVER_FEATURES_MAX

static const char usage[] =
"Usage: unroll run [--problem P] [--data NAME|FILE] [--theta X]\n"
"                  -m METHOD [method options] -T N [--every K] [-o FILE]\n"
"Runs a method in double precision on a problem, carrying the iterate and\n"
"its Jacobian dx_t/dtheta (forward mode), and writes a trace: t,\n"
"f(x_t) - f*, ||x_t - x*||, ||dx_t - dx*||_F, the prediction of the last\n"
"one through the eigendecomposition of H (ridge), the certified bound\n"
"B_t ||dx_0 - dx*|| + D_t ||g|| on the problem's spectrum (ridge), and an\n"
"a-posteriori bound that needs no x*.  Columns are doubles (approximate).\n"
"The spectrum [l, L] of the method defaults to the problem's own.\n"
"\n"
"      --problem P      ridge (default), ridge-diag (one theta per\n"
"                       feature) or logistic\n"
"      --data D         synthetic (default), breast-cancer, bodyfat, or a\n"
"                       file: CSV with a header, or LIBSVM (.svm, .libsvm,\n"
"                       .svmlight, .txt)\n"
"      --label NAME     label column of a CSV file (default: the last)\n"
"      --standardize    scale every feature to mean 0, variance 1\n"
"      --data-dir DIR   where breast-cancer and bodyfat live (default\n"
"                       $UNROLL_DATA_DIR, else ./data)\n"
"      --n N, --d D     synthetic sizes (default 200 x 20, N <= 10^6); for\n"
"                       logistic the classes are the signs of the labels\n"
"                       (d <= 4096 and n d <= 2^27 for any dataset)\n"
"      --seed S         synthetic seed, 0 <= S < 2^31 (default 1)\n"
"      --theta X        regularisation, X > 0 (default 1e-3)\n"
"      --storage S      ridge: hessian (default, H precomputed) or\n"
"                       matrix-free (A then A^T)\n"
"      --step auto      gd on any problem: the step with the fastest\n"
"                       measured asymptotic rate on a grid\n"
"  -T N                 number of steps, 0 <= N <= 10000\n"
"      --every K        write every K-th step, 1 <= K <= 10^6 (default 1;\n"
"                       t = T always)\n"
"      --no-bound       leave out the certified bound column (ridge)\n"
"      --threads K      1 (default) or 2 threads for the pass over H or A\n"
"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
"  -v, --verbose        report the problem ([l, L], Newton steps)\n"
"  -q, --quiet          no warnings\n"
"  -h, --help           show this help\n";

enum
{
    OPT_PROBLEM = OPT_FIRST_FREE,
    OPT_DATA,
    OPT_LABEL,
    OPT_STANDARDIZE,
    OPT_DATA_DIR,
    OPT_N,
    OPT_D,
    OPT_SEED,
    OPT_THETA,
    OPT_STORAGE,
    OPT_EVERY,
    OPT_NO_BOUND,
    OPT_THREADS
};

static const struct option options[] =
{
    CLI_METHOD_OPTIONS,
    { "problem", required_argument, NULL, OPT_PROBLEM },
    { "data", required_argument, NULL, OPT_DATA },
    { "label", required_argument, NULL, OPT_LABEL },
    { "standardize", no_argument, NULL, OPT_STANDARDIZE },
    { "data-dir", required_argument, NULL, OPT_DATA_DIR },
    { "n", required_argument, NULL, OPT_N },
    { "d", required_argument, NULL, OPT_D },
    { "seed", required_argument, NULL, OPT_SEED },
    { "theta", required_argument, NULL, OPT_THETA },
    { "storage", required_argument, NULL, OPT_STORAGE },
    { "every", required_argument, NULL, OPT_EVERY },
    { "no-bound", no_argument, NULL, OPT_NO_BOUND },
    { "threads", required_argument, NULL, OPT_THREADS },
    { "output", required_argument, NULL, 'o' },
    { "verbose", no_argument, NULL, 'v' },
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
};

typedef struct
{
    cli_method_args_t margs;
    const char * problem;
    const char * data;
    const char * label;
    const char * data_dir;
    const char * output;
    long n, d, seed, T, every, threads;
    double theta;
    int kind, storage, standardize, no_bound, verbose, quiet;
}
run_args_t;

/* Parses --theta: an exact number, rounded to the nearest double. */
static int
parse_theta(double * res, const char * arg)
{
    char why[UNROLL_MSG_LEN], line[2 * UNROLL_MSG_LEN];
    fmpq_t q;
    int status;

    fmpq_init(q);
    status = unroll_arith_parse_fmpq(q, arg, NULL, NULL, 0, why);
    if (status == UNROLL_SUCCESS)
    {
        status = unroll_arith_fmpq_get_d(res, q);
        if (status == UNROLL_SUCCESS && !(*res > 0.0))
            status = UNROLL_DOMAIN;
        snprintf(why, sizeof(why), "must be a positive double");
    }
    fmpq_clear(q);
    if (status != UNROLL_SUCCESS)
    {
        snprintf(line, sizeof(line), "--theta: %s", why);
        return cli_error(EXIT_USAGE, "run", line);
    }
    return EXIT_OK;
}

static int
parse_name(int * res, const char * arg, const char * const * names,
           int count, const char * opt)
{
    char why[UNROLL_MSG_LEN];
    int i;

    for (i = 0; i < count; i++)
    {
        if (strcmp(arg, names[i]) == 0)
        {
            *res = i;
            return EXIT_OK;
        }
    }
    snprintf(why, sizeof(why), "%s: unknown value '%.32s'", opt, arg);
    return cli_error(EXIT_USAGE, "run", why);
}

static int
run_option(run_args_t * a, int opt, const char * arg)
{
    static const char * const problems[] = { "ridge", "ridge-diag",
                                             "logistic" };
    static const char * const storages[] = { "hessian", "matrix-free" };

    switch (opt)
    {
    case OPT_PROBLEM:
        return parse_name(&a->kind, arg, problems, 3, "--problem");
    case OPT_STORAGE:
        return parse_name(&a->storage, arg, storages, 2, "--storage");
    case OPT_DATA: a->data = arg; return EXIT_OK;
    case OPT_LABEL: a->label = arg; return EXIT_OK;
    case OPT_STANDARDIZE: a->standardize = 1; return EXIT_OK;
    case OPT_DATA_DIR: a->data_dir = arg; return EXIT_OK;
    case OPT_N: return cli_parse_count(&a->n, arg, 1000000, "run", "--n");
    case OPT_D: return cli_parse_count(&a->d, arg, RUN_D_MAX, "run", "--d");
    case OPT_SEED:
        return cli_parse_count(&a->seed, arg, 2147483647L, "run", "--seed");
    case OPT_THETA: return parse_theta(&a->theta, arg);
    case OPT_EVERY:
        return cli_parse_count(&a->every, arg, 1000000, "run", "--every");
    case 'T':
        return cli_parse_count(&a->T, arg, UNROLL_T_MAX_EXACT, "run", "-T");
    case OPT_NO_BOUND: a->no_bound = 1; return EXIT_OK;
    case OPT_THREADS:
        return cli_parse_count(&a->threads, arg, 2, "run", "--threads");
    case 'o': a->output = arg; return EXIT_OK;
    case 'v': a->verbose = 1; return EXIT_OK;
    case 'q': a->quiet = 1; return EXIT_OK;
    default: return -1;
    }
}

static void
run_defaults(run_args_t * a)
{
    memset(a, 0, sizeof(*a));
    a->data = "synthetic";
    a->n = 200;
    a->d = 20;
    a->seed = 1;
    a->T = -1;
    a->every = 1;
    a->threads = 1;
    a->theta = 1e-3;
    a->data_dir = getenv("UNROLL_DATA_DIR");
    if (a->data_dir == NULL || a->data_dir[0] == '\0')
        a->data_dir = "data";
}

/* Returns EXIT_OK, an error code, or -1 after --help. */
static int
parse_args(run_args_t * a, int argc, char ** argv)
{
    int opt, code = EXIT_OK;

    run_defaults(a);
    while (code == EXIT_OK
           && (opt = getopt_long(argc, argv, "m:T:o:vqh", options, NULL))
              != -1)
    {
        if (cli_method_option(&a->margs, opt, optarg))
            continue;
        if (opt == 'h')
        {
            fputs(usage, stdout);
            fputs(cli_method_help, stdout);
            return -1;
        }
        code = run_option(a, opt, optarg);
        if (code == -1)
            return cli_bad_option("run", argv[optind - 1]);
    }
    if (code != EXIT_OK)
        return code;
    if (optind < argc)
        return cli_usage_error("run", "unexpected argument");
    if (a->T < 0)
        return cli_error(EXIT_USAGE, "run", "missing -T");
    if (a->every < 1)
        return cli_error(EXIT_USAGE, "run", "--every must be at least 1");
    if (a->threads < 1)
        return cli_error(EXIT_USAGE, "run", "--threads must be 1 or 2");
    if (a->n < 1 || a->d < 1)
        return cli_error(EXIT_USAGE, "run", "--n and --d must be positive");
    if (a->n > RUN_CELLS_MAX / a->d)
        return cli_error(EXIT_USAGE, "run", "--n times --d must be at most "
                         "2^27");
    return EXIT_OK;
}

/* Loads the dataset named or pointed to by a->data. */
static int
load_data(unroll_driver_data_t data, const run_args_t * a)
{
    char why[UNROLL_MSG_LEN], path[4096];
    slong i;
    int status;

    if (strcmp(a->data, "synthetic") == 0)
    {
        unroll_driver_data_synthetic(data, a->n, a->d, (uint64_t) a->seed);
        /* Classes for logistic regression: the sign of A w + e. */
        for (i = 0; a->kind == UNROLL_DRIVER_LOGISTIC && i < data->n; i++)
            data->y[i] = data->y[i] > 0.0;
        status = UNROLL_SUCCESS;
    }
    else if (strcmp(a->data, "breast-cancer") == 0)
    {
        snprintf(path, sizeof(path), "%s/%s", a->data_dir,
                 UNROLL_DRIVER_BREAST_CANCER_FILE);
        status = unroll_driver_data_read_breast_cancer(data, path, why);
        if (status == UNROLL_IO)
            snprintf(why + strlen(why), sizeof(why) - strlen(why),
                     " (run 'unroll data fetch')");
    }
    else
    {
        snprintf(path, sizeof(path), "%s/bodyfat.csv", a->data_dir);
        status = unroll_driver_data_read(data, strcmp(a->data, "bodyfat")
                                         == 0 ? path : a->data, a->label,
                                         why);
    }
    if (status == UNROLL_IO)
        return cli_error(EXIT_IO, "run", why);
    if (status != UNROLL_SUCCESS)
        return cli_error(EXIT_USAGE, "run", why);
    if (data->d > RUN_D_MAX || data->n > RUN_CELLS_MAX / data->d)
    {
        snprintf(why, sizeof(why), "%.160s: %ld samples x %ld features: at "
                 "most 4096 features and 2^27 entries", a->data,
                 (long) data->n, (long) data->d);
        return cli_error(EXIT_USAGE, "run", why);
    }
    if (a->standardize)
        unroll_driver_data_standardize(data);
    return EXIT_OK;
}

/* The exact rational value of a double, as "p/q" (flint_free it). */
static char *
double_str(double x)
{
    arf_t f;
    fmpq_t q;
    char * s;

    arf_init(f);
    fmpq_init(q);
    arf_set_d(f, x);
    arf_get_fmpq(q, f);
    s = fmpq_get_str(NULL, 10, q);
    fmpq_clear(q);
    arf_clear(f);
    return s;
}

/* --step auto: the paper's grid search for gradient descent. */
static int
step_auto(char ** step, const unroll_driver_problem_t p,
          const run_args_t * a)
{
    double h, rate;

    if (a->margs.method == NULL || strcmp(a->margs.method, "gd") != 0)
        return cli_error(EXIT_USAGE, "run", "--step auto needs -m gd");
    h = unroll_driver_step_auto(&rate, p, 41, 4000);
    if (!a->quiet)
        fprintf(stderr, "unroll: run: --step auto chose h = %.6g = %.4g / L"
                " (measured rate %.6f per step)\n", h, h * p->L, rate);
    *step = double_str(h);
    return EXIT_OK;
}

static void
report(const unroll_driver_problem_t p, const run_args_t * a)
{
    if (p->kind == UNROLL_DRIVER_RIDGE_DIAG && !a->quiet)
        fputs("unroll: warning: run: ridge-diag: H and dH/dtheta_i do not "
              "commute, so the scalar theory (prediction, bound) does not "
              "apply; those columns are left out\n", stderr);
    if (!a->verbose)
        return;
    fprintf(stderr, "unroll: run: n = %ld, d = %ld, k = %ld, theta = %.17g\n"
            "unroll: run: spectrum of H%s: l = %.17g, L = %.17g, "
            "kappa = %.6g\n", (long) p->n, (long) p->d, (long) p->k,
            p->theta, p->kind == UNROLL_DRIVER_LOGISTIC ? " at x*" : "",
            p->l, p->L, p->l / p->L);
    if (p->kind == UNROLL_DRIVER_LOGISTIC)
        fprintf(stderr, "unroll: run: Newton: %ld steps, f* = %.17g\n",
                (long) p->newton_iters, p->fstar);
}

/* The trace output: the file, which optional columns it carries, and
   what the certified bound needs. */
typedef struct
{
    FILE * f;
    int pred;
    int bound;
    const unroll_scheme_struct * s;
    unroll_spectrum_struct * spec;
    double e0;      /* ||dx_0 - dx*||_F */
    double G;       /* ||g||_F */
    int failed;     /* some bound could not be certified */
    char why[UNROLL_MSG_LEN];
}
trace_t;

/* Width asked of the enclosures of B_t and D_t: the column needs a few
   digits, not fifty bits. */
#define BOUND_REL_BITS 16

/* The certified worst-case bound B_t ||dx_0 - dx*||_F + D_t G, from the
   upper ends of the enclosures of B_t and D_t on the problem's own
   bracketed spectrum.  The two norms are doubles, so the column is a
   double evaluation of a certified bound, rounded up by a few ulps. */
static double
bound_at(trace_t * tr, slong t)
{
    unroll_bound_result_t res;
    double B, D, v = NAN;

    unroll_bound_result_init(res);
    if (unroll_bound_sup(res, tr->s, tr->spec, t, BOUND_REL_BITS, tr->why)
        == UNROLL_SUCCESS)
    {
        B = arf_get_d(&res->B.hi, ARF_RND_UP);
        D = arf_get_d(&res->D.hi, ARF_RND_UP);
        v = (B * tr->e0 + D * tr->G) * (1.0 + 8.0 * DBL_EPSILON);
    }
    else
        tr->failed = 1;
    unroll_bound_result_clear(res);
    return v;
}

static int
emit_row(const unroll_driver_row_t * r, void * arg)
{
    trace_t * tr = arg;

    fprintf(tr->f, "%ld,%.17g,%.17g,%.17g,", (long) r->t, r->gap, r->xerr,
            r->jerr);
    if (tr->pred)
        fprintf(tr->f, "%.17g,", r->jpred);
    if (tr->bound)
        fprintf(tr->f, "%.17g,", bound_at(tr, r->t));
    return fprintf(tr->f, "%.17g\n", r->jpost) < 0;
}

/* The bound column exists for ridge with scalar theta, where the master
   identity holds, unless --no-bound. */
static void
trace_setup(trace_t * tr, FILE * f, const unroll_driver_problem_t p,
            const unroll_scheme_t s, const fmpq_t l, const fmpq_t L,
            const run_args_t * a)
{
    memset(tr, 0, sizeof(*tr));
    tr->f = f;
    tr->pred = p->kind == UNROLL_DRIVER_RIDGE;
    tr->bound = tr->pred && !a->no_bound;
    tr->s = s;
    tr->spec = flint_malloc(sizeof(unroll_spectrum_struct));
    unroll_spectrum_init(tr->spec);
    if (unroll_spectrum_set(tr->spec, l, L, tr->why) != UNROLL_SUCCESS)
        tr->bound = 0;
    tr->e0 = cblas_dnrm2((int) (p->d * p->k), p->dxstar, 1);
    tr->G = unroll_driver_problem_g0(p);
}

/* Runs the scheme on the problem and writes the trace; a diverging run
   keeps the rows written so far. */
static int
write_trace(const unroll_driver_problem_t p, const unroll_scheme_t s,
            const fmpq_t l, const fmpq_t L, const run_args_t * a)
{
    unroll_driver_coeffs_t c;
    unroll_table_out_t out;
    trace_t tr;
    char why[UNROLL_MSG_LEN], cwhy[UNROLL_MSG_LEN];
    int status, code = EXIT_OK;

    unroll_driver_coeffs_init(c);
    status = unroll_driver_coeffs_set(c, s, a->T, why);
    if (status != UNROLL_SUCCESS)
        code = cli_error(EXIT_USAGE, "run", why);
    else if (unroll_table_out_open(out, a->output, why) != UNROLL_SUCCESS)
        code = cli_error(EXIT_IO, "run", why);
    if (code == EXIT_OK)
    {
        trace_setup(&tr, out->f, p, s, l, L, a);
        fprintf(tr.f, "t,f_gap_f64,x_err_f64,jac_err_f64,%s%sjac_apost_f64"
                "\n", tr.pred ? "jac_pred_f64," : "",
                tr.bound ? "jac_bound_f64," : "");
        status = unroll_driver_run(p, c, a->T, a->every, emit_row, &tr, why);
        if (status == UNROLL_IO)
            snprintf(why, sizeof(why), "write error");
        if (unroll_table_out_commit(out, cwhy) != UNROLL_SUCCESS)
            code = cli_error(EXIT_IO, "run", cwhy);
        else if (status != UNROLL_SUCCESS)
            code = cli_error(status == UNROLL_IO ? EXIT_IO : EXIT_USAGE,
                             "run", why);
        else if (tr.failed)
            code = cli_error(EXIT_UNCERTIFIED, "run", tr.why);
        unroll_spectrum_clear(tr.spec);
        flint_free(tr.spec);
    }
    unroll_driver_coeffs_clear(c);
    return code;
}

/* Resolves the method with the problem's [l, L] as default spectrum (and
   the grid-searched step for --step auto), then runs. */
static int
run_method(const unroll_driver_problem_t p, run_args_t * a)
{
    char * ell = NULL, * L = NULL, * step = NULL;
    char why[UNROLL_MSG_LEN];
    fmpq_t lq, Lq;
    unroll_method_t meth;
    unroll_scheme_t s;
    int code = EXIT_OK;

    fmpq_init(lq);
    fmpq_init(Lq);
    if (unroll_driver_problem_spectrum(lq, Lq, p, why) != UNROLL_SUCCESS)
        code = cli_error(EXIT_USAGE, "run", why);
    if (code == EXIT_OK && a->margs.ell == NULL && a->margs.L == NULL)
    {
        a->margs.ell = ell = fmpq_get_str(NULL, 10, lq);
        a->margs.L = L = fmpq_get_str(NULL, 10, Lq);
    }
    if (code == EXIT_OK && a->margs.step != NULL
        && strcmp(a->margs.step, "auto") == 0)
    {
        code = step_auto(&step, p, a);
        a->margs.step = step;
    }
    unroll_method_init(meth);
    unroll_scheme_init(s);
    if (code == EXIT_OK)
        code = cli_method_resolve(meth, &a->margs, "run");
    if (code == EXIT_OK)
        code = cli_build_scheme_numeric(s, meth, a->T, 192, "run");
    if (code == EXIT_OK)
        code = write_trace(p, s, lq, Lq, a);
    fmpq_clear(lq);
    fmpq_clear(Lq);
    unroll_scheme_clear(s);
    unroll_method_clear(meth);
    flint_free(ell);
    flint_free(L);
    flint_free(step);
    return code;
}

int
cmd_run(int argc, char ** argv)
{
    run_args_t a;
    unroll_driver_data_t data;
    unroll_driver_problem_t p;
    char why[UNROLL_MSG_LEN];
    int code;

    code = parse_args(&a, argc, argv);
    if (code != EXIT_OK)
        return code == -1 ? EXIT_OK : code;

    unroll_driver_data_init(data);
    unroll_driver_problem_init(p);
    code = load_data(data, &a);
    if (code == EXIT_OK && unroll_driver_problem_set(p, data, a.kind,
                               a.theta, a.storage, why) != UNROLL_SUCCESS)
        code = cli_error(EXIT_USAGE, "run", why);
    if (code == EXIT_OK)
    {
        p->threads = (int) a.threads;
        report(p, &a);
        code = run_method(p, &a);
    }
    unroll_driver_problem_clear(p);
    unroll_driver_data_clear(data);
    return code;
}
