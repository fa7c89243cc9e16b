#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

const char cli_method_help[] =
"Method options:\n"
"  -m, --method NAME    gd, heavy-ball, chebyshev, gegenbauer, sobolev,\n"
"                       sobolev-asymptotic, minimax or table\n"
"      --ell A          lower end l of the spectrum (0 < l < L)\n"
"      --L B            upper end L of the spectrum\n"
"      --alpha a        Gegenbauer parameter, a > -1/2\n"
"      --eta e          Sobolev weight, e >= 0\n"
"      --step h         step size (gd, heavy-ball), h > 0\n"
"      --momentum m     momentum (heavy-ball), 0 <= m < 1\n"
"      --coeffs FILE    coefficient file of method table\n"
"      --rho r          G/R ratio of method minimax, r >= 0 (default 0)\n"
"Numbers are exact: 1/2, 0.5, 1e-3, -3/7, and expressions in l and L\n"
"such as 2/(L+l).\n";

int
cli_error(int code, const char * cmd, const char * why)
{
    fprintf(stderr, "unroll: error: %s: %s\n", cmd, why);
    return code;
}

int
cli_usage_error(const char * cmd, const char * what)
{
    fprintf(stderr, "unroll: error: %s: %s (try 'unroll %s --help')\n",
            cmd, what, cmd);
    return EXIT_USAGE;
}

int
cli_bad_option(const char * cmd, const char * arg)
{
    char why[UNROLL_MSG_LEN];

    snprintf(why, sizeof(why), "unknown option or missing value '%.64s'",
             arg);
    return cli_usage_error(cmd, why);
}

int
cli_method_option(cli_method_args_t * a, int opt, const char * arg)
{
    switch (opt)
    {
    case 'm': a->method = arg; return 1;
    case OPT_ELL: a->ell = arg; return 1;
    case OPT_L: a->L = arg; return 1;
    case OPT_ALPHA: a->alpha = arg; return 1;
    case OPT_ETA: a->eta = arg; return 1;
    case OPT_STEP: a->step = arg; return 1;
    case OPT_MOMENTUM: a->momentum = arg; return 1;
    case OPT_COEFFS: a->coeffs = arg; return 1;
    case OPT_RHO: a->rho = arg; return 1;
    default: return 0;
    }
}

/* Parses one optional parameter with l and L in scope. */
static int
parse_param(fmpq_t res, int * has, const char * arg, const char * name,
            const unroll_method_t meth, const char * cmd)
{
    static const char * const names[] = { "l", "ell", "L" };
    char why[UNROLL_MSG_LEN], line[2 * UNROLL_MSG_LEN];
    fmpq vals[3];
    slong nvars = meth->has_spec ? 3 : 0;

    if (arg == NULL)
        return EXIT_OK;

    vals[0] = meth->spec.l;
    vals[1] = meth->spec.l;
    vals[2] = meth->spec.L;
    if (unroll_arith_parse_fmpq(res, arg, names, vals, nvars, why)
        != UNROLL_SUCCESS)
    {
        snprintf(line, sizeof(line), "--%s: %s", name, why);
        return cli_error(EXIT_USAGE, cmd, line);
    }
    *has = 1;
    return EXIT_OK;
}

static int
resolve_spectrum(unroll_method_t meth, const cli_method_args_t * a,
                 const char * cmd)
{
    fmpq_t l, L;
    int code = EXIT_OK, hl = 0, hL = 0;
    char why[UNROLL_MSG_LEN];

    if (a->ell == NULL && a->L == NULL)
        return EXIT_OK;
    if (a->ell == NULL || a->L == NULL)
        return cli_error(EXIT_USAGE, cmd, "--ell and --L go together");

    fmpq_init(l);
    fmpq_init(L);
    code = parse_param(l, &hl, a->ell, "ell", meth, cmd);
    if (code == EXIT_OK)
        code = parse_param(L, &hL, a->L, "L", meth, cmd);
    if (code == EXIT_OK)
    {
        if (unroll_spectrum_set(&meth->spec, l, L, why) != UNROLL_SUCCESS)
            code = cli_error(EXIT_USAGE, cmd, why);
        else
            meth->has_spec = 1;
    }
    fmpq_clear(L);
    fmpq_clear(l);
    return code;
}

int
cli_method_resolve(unroll_method_t meth, const cli_method_args_t * a,
                   const char * cmd)
{
    char why[UNROLL_MSG_LEN];
    int code;

    if (a->method == NULL)
        return cli_error(EXIT_USAGE, cmd, "missing --method");
    meth->family = unroll_family_from_name(a->method);
    if (meth->family == UNROLL_FAMILY_NONE)
    {
        snprintf(why, sizeof(why), "unknown method '%.64s'", a->method);
        return cli_error(EXIT_USAGE, cmd, why);
    }

    code = resolve_spectrum(meth, a, cmd);
    if (code == EXIT_OK)
        code = parse_param(&meth->alpha, &meth->has_alpha, a->alpha,
                           "alpha", meth, cmd);
    if (code == EXIT_OK)
        code = parse_param(&meth->eta, &meth->has_eta, a->eta, "eta", meth,
                           cmd);
    if (code == EXIT_OK)
        code = parse_param(&meth->h, &meth->has_h, a->step, "step", meth,
                           cmd);
    if (code == EXIT_OK)
        code = parse_param(&meth->m, &meth->has_m, a->momentum, "momentum",
                           meth, cmd);
    if (code == EXIT_OK)
        code = parse_param(&meth->rho, &meth->has_rho, a->rho, "rho", meth,
                           cmd);
    if (code != EXIT_OK)
        return code;

    if (a->coeffs != NULL)
        unroll_method_set_path(meth, a->coeffs);
    if (unroll_method_check(meth, why) != UNROLL_SUCCESS)
        return cli_error(EXIT_USAGE, cmd, why);
    return EXIT_OK;
}

int
cli_parse_count(long * res, const char * arg, long max, const char * cmd,
                const char * name)
{
    char why[UNROLL_MSG_LEN];
    char * end;
    long v;

    errno = 0;
    v = strtol(arg, &end, 10);
    if (*arg == '\0' || *end != '\0' || errno != 0)
        snprintf(why, sizeof(why), "%s: '%.32s' is not an integer", name,
                 arg);
    else if (v < 0)
        snprintf(why, sizeof(why), "%s must be nonnegative", name);
    else if (v > max)
        snprintf(why, sizeof(why), "%s must be at most %ld", name, max);
    else
    {
        *res = v;
        return EXIT_OK;
    }
    return cli_error(EXIT_USAGE, cmd, why);
}

int
cli_parse_format(int * res, const char * arg, int allow_sollya,
                 const char * cmd)
{
    char why[UNROLL_MSG_LEN];

    if (strcmp(arg, "csv") == 0)
        *res = UNROLL_FORMAT_CSV;
    else if (strcmp(arg, "json") == 0)
        *res = UNROLL_FORMAT_JSON;
    else if (allow_sollya && strcmp(arg, "sollya") == 0)
        *res = 2;
    else
    {
        snprintf(why, sizeof(why), "unknown format '%.32s'", arg);
        return cli_error(EXIT_USAGE, cmd, why);
    }
    return EXIT_OK;
}

/* The three ways of building a scheme, with the same error mapping. */
typedef int (* builder_t)(unroll_scheme_t, const unroll_method_t, slong,
                          slong, char *);

static int
build_with(builder_t build, unroll_scheme_t s, const unroll_method_t meth,
           slong T, slong prec, const char * cmd)
{
    char why[UNROLL_MSG_LEN];
    int status;

    status = build(s, meth, T, prec, why);
    if (status == UNROLL_IO)
        return cli_error(EXIT_IO, cmd, why);
    if (status != UNROLL_SUCCESS)
        return cli_error(EXIT_USAGE, cmd, why);
    return EXIT_OK;
}

int
cli_build_scheme(unroll_scheme_t s, const unroll_method_t meth, slong T,
                 slong prec, const char * cmd)
{
    return build_with(unroll_method_scheme, s, meth, T, prec, cmd);
}

int
cli_build_scheme_certify(unroll_scheme_t s, const unroll_method_t meth,
                         slong T, slong prec, const char * cmd)
{
    return build_with(unroll_method_scheme_certify, s, meth, T, prec, cmd);
}

int
cli_build_scheme_numeric(unroll_scheme_t s, const unroll_method_t meth,
                         slong T, slong prec, const char * cmd)
{
    return build_with(unroll_method_scheme_arb, s, meth, T, prec, cmd);
}
