#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "cli.h"

#define FORMAT_SOLLYA 2

/* Limitation: the exact monomial form costs O(t^2) big-number work and
   about t^2 bytes (P_1000 weighs 1.2 MB); degrees above this cap are
   refused.  The certified bounds never need the monomial form. */
#define POLY_T_MAX 3000

static const char usage[] =
"Usage: unroll poly -m METHOD [method options] -t T [--which P|dP|ddP|E|Q|S]\n"
"                   [--format csv|json|sollya] [-o FILE]\n"
"Prints a polynomial of the method after T steps, in lambda, with exact\n"
"p/q coefficients (balls for the asymptotic method).\n"
"\n"
"  -t T                 degree, 0 <= T <= 3000\n"
"      --which W        P (residual, default), dP, ddP (derivatives),\n"
"                       E = P - lambda P', Q (momentum stage y),\n"
"                       S (Sobolev stage z of the sobolev methods)\n"
"      --format F       csv (default: k,coefficient), json, or sollya (an\n"
"                       expression in x for Sollya's parse)\n"
"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
"  -h, --help           show this help\n";

static const struct option options[] =
{
    CLI_METHOD_OPTIONS,
    { "which", required_argument, NULL, OPT_WHICH },
    { "format", required_argument, NULL, OPT_FORMAT },
    { "output", required_argument, NULL, 'o' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
};

static const char * which_names[] = { "P", "dP", "ddP", "E", "Q", "S" };
#define NWHICH 6

/* The polynomial asked for: residual of a stage, a derivative, or E.
   The structured families take the library's fast path in phi(lambda);
   it gives the interpreter's values exactly, and the interpreter stays
   the fallback for every other family. */
static void
exact_poly(fmpq_poly_t P, const unroll_method_t meth,
           const unroll_scheme_t s, slong t, int which)
{
    char why[UNROLL_MSG_LEN];
    int stage = which == 4 ? UNROLL_STAGE_Y
              : which == 5 ? UNROLL_STAGE_Z : UNROLL_STAGE_X;
    int f = meth->family;

    if ((f != UNROLL_FAMILY_CHEBYSHEV && f != UNROLL_FAMILY_GEGENBAUER
         && f != UNROLL_FAMILY_SOBOLEV)
        || unroll_method_poly_residual(P, meth, t, stage, why)
           != UNROLL_SUCCESS)
        unroll_scheme_poly_residual(P, s, t, stage);
    if (which == 1 || which == 2)
        fmpq_poly_derivative(P, P);
    if (which == 2)
        fmpq_poly_derivative(P, P);
    if (which == 3)
        unroll_scheme_poly_error(P, P);
}

static void
ball_poly(arb_poly_t P, const unroll_scheme_t s, slong t, int which,
          slong prec)
{
    int stage = which == 4 ? UNROLL_STAGE_Y
              : which == 5 ? UNROLL_STAGE_Z : UNROLL_STAGE_X;

    unroll_scheme_arb_poly_residual(P, s, t, stage, prec);
    if (which == 1 || which == 2)
        arb_poly_derivative(P, P, prec);
    if (which == 2)
        arb_poly_derivative(P, P, prec);
    if (which == 3)
        unroll_scheme_arb_poly_error(P, P, prec);
}

/* Coefficient k as text: exact p/q, or a ball. */
static char *
coeff_str(const fmpq_poly_t P, const arb_poly_t B, int exact, slong k)
{
    fmpq_t c;
    char * str;

    if (!exact)
        return unroll_arith_arb_get_str(arb_poly_get_coeff_ptr(B, k), 40);

    fmpq_init(c);
    fmpq_poly_get_coeff_fmpq(c, P, k);
    str = fmpq_get_str(NULL, 10, c);
    fmpq_clear(c);
    return str;
}

/* CSV rows "k,coefficient", or a Sollya expression: the sum of the
   nonzero terms "(p/q)*x^k", which Sollya's parse reads exactly. */
static void
print_text(FILE * f, const fmpq_poly_t P, const arb_poly_t B, int exact,
           slong len, int format)
{
    slong k, terms = 0;
    char * str;

    if (format == UNROLL_FORMAT_CSV)
        fprintf(f, "k,coefficient\n");
    for (k = 0; k < len; k++)
    {
        str = coeff_str(P, B, exact, k);
        if (format == UNROLL_FORMAT_CSV)
            fprintf(f, "%ld,%s\n", (long) k, str);
        else if (strcmp(str, "0") != 0)
            fprintf(f, "%s(%s)*x^%ld", terms++ ? " + " : "", str, (long) k);
        flint_free(str);
    }
    if (format == FORMAT_SOLLYA)
        fprintf(f, "%s;\n", terms == 0 ? "0" : "");
}

static int
print_json(FILE * f, const fmpq_poly_t P, const arb_poly_t B, int exact,
           slong len, const unroll_method_t meth, slong t, int which)
{
    json_t * root = json_object(), * co = json_array();
    slong k;
    char * str;
    int bad;

    unroll_table_method_json(root, meth);
    json_object_set_new(root, "t", json_integer(t));
    json_object_set_new(root, "which", json_string(which_names[which]));
    json_object_set_new(root, "variable", json_string("lambda"));
    for (k = 0; k < len; k++)
    {
        str = coeff_str(P, B, exact, k);
        json_array_append_new(co, json_string(str));
        flint_free(str);
    }
    json_object_set_new(root, "coefficients", co);

    bad = json_dumpf(root, f, JSON_INDENT(1) | JSON_PRESERVE_ORDER) != 0;
    fputc('\n', f);
    json_decref(root);
    return bad;
}

static int
write_poly(FILE * f, const unroll_method_t meth, const unroll_scheme_t s,
           slong t, int which, int format)
{
    fmpq_poly_t P;
    arb_poly_t B;
    slong len;
    int bad = 0;

    fmpq_poly_init(P);
    arb_poly_init(B);

    if (s->exact)
    {
        exact_poly(P, meth, s, t, which);
        len = fmpq_poly_length(P);
    }
    else
    {
        ball_poly(B, s, t, which, 64 + 4 * t);
        len = arb_poly_length(B);
    }

    if (format == UNROLL_FORMAT_JSON)
        bad = print_json(f, P, B, s->exact, len, meth, t, which);
    else
        print_text(f, P, B, s->exact, len, format);

    arb_poly_clear(B);
    fmpq_poly_clear(P);
    return bad ? EXIT_IO : EXIT_OK;
}

static int
run(const unroll_method_t meth, slong t, int which, int format,
    const char * path)
{
    unroll_scheme_t s;
    unroll_table_out_t out;
    char why[UNROLL_MSG_LEN];
    int code;

    unroll_scheme_init(s);

    code = cli_build_scheme(s, meth, t, 128, "poly");
    if (code == EXIT_OK && !s->exact && format == FORMAT_SOLLYA)
        code = cli_error(EXIT_USAGE, "poly", "the sollya format needs an "
                         "exact method; this one has irrational "
                         "coefficients");
    if (code == EXIT_OK && which == 5 && s->kind != UNROLL_SCHEME_AVERAGED)
        code = cli_error(EXIT_USAGE, "poly", "--which S needs a "
                         "three-stage method (sobolev, sobolev-asymptotic)");
    if (code == EXIT_OK && unroll_table_out_open(out, path, why) != 0)
        code = cli_error(EXIT_IO, "poly", why);
    if (code == EXIT_OK)
    {
        code = write_poly(out->f, meth, s, t, which, format);
        if (code == EXIT_OK && unroll_table_out_commit(out, why) != 0)
            code = cli_error(EXIT_IO, "poly", why);
        else if (code != EXIT_OK)
        {
            unroll_table_out_abort(out);
            cli_error(code, "poly", "write error");
        }
    }

    unroll_scheme_clear(s);
    return code;
}

static int
parse_which(int * which, const char * arg)
{
    char why[UNROLL_MSG_LEN];
    int i;

    for (i = 0; i < NWHICH; i++)
        if (strcmp(arg, which_names[i]) == 0)
        {
            *which = i;
            return EXIT_OK;
        }
    snprintf(why, sizeof(why), "--which: unknown polynomial '%.32s'", arg);
    return cli_error(EXIT_USAGE, "poly", why);
}

int
cmd_poly(int argc, char ** argv)
{
    cli_method_args_t margs;
    unroll_method_t meth;
    const char * output = NULL;
    long t = -1;
    int opt, format = UNROLL_FORMAT_CSV, which = 0, code = EXIT_OK;

    memset(&margs, 0, sizeof(margs));
    while (code == EXIT_OK
           && (opt = getopt_long(argc, argv, "m:t:o:h", options, NULL)) != -1)
    {
        if (cli_method_option(&margs, opt, optarg))
            continue;
        switch (opt)
        {
        case 't':
            code = cli_parse_count(&t, optarg, POLY_T_MAX, "poly", "-t");
            break;
        case OPT_WHICH:
            code = parse_which(&which, optarg);
            break;
        case OPT_FORMAT:
            code = cli_parse_format(&format, optarg, 1, "poly");
            break;
        case 'o':
            output = optarg;
            break;
        case 'h':
            fputs(usage, stdout);
            fputs(cli_method_help, stdout);
            return EXIT_OK;
        default:
            return cli_bad_option("poly", argv[optind - 1]);
        }
    }
    if (code != EXIT_OK)
        return code;
    if (optind < argc)
        return cli_usage_error("poly", "unexpected argument");
    if (t < 0)
        return cli_error(EXIT_USAGE, "poly", "missing -t");

    unroll_method_init(meth);
    code = cli_method_resolve(meth, &margs, "poly");
    if (code == EXIT_OK)
        code = run(meth, t, which, format, output);
    unroll_method_clear(meth);
    return code;
}
