#include <stdlib.h>
#include <string.h>

#include "unroll/families.h"
#include "unroll/minimax.h"

static const char * family_names[] =
{
    "none", "gd", "heavy-ball", "chebyshev", "gegenbauer", "sobolev",
    "sobolev-asymptotic", "table", "minimax"
};

#define NFAMILIES ((int) (sizeof(family_names) / sizeof(family_names[0])))

void
unroll_method_init(unroll_method_t meth)
{
    meth->family = UNROLL_FAMILY_NONE;
    unroll_spectrum_init(&meth->spec);
    meth->has_spec = 0;
    fmpq_init(&meth->alpha);
    fmpq_init(&meth->eta);
    fmpq_init(&meth->h);
    fmpq_init(&meth->m);
    fmpq_init(&meth->rho);
    meth->has_rho = 0;
    meth->has_alpha = meth->has_eta = meth->has_h = meth->has_m = 0;
    meth->path = NULL;
}

void
unroll_method_clear(unroll_method_t meth)
{
    unroll_spectrum_clear(&meth->spec);
    fmpq_clear(&meth->alpha);
    fmpq_clear(&meth->eta);
    fmpq_clear(&meth->h);
    fmpq_clear(&meth->m);
    fmpq_clear(&meth->rho);
    free(meth->path);
}

int
unroll_family_from_name(const char * name)
{
    int i;

    for (i = 1; i < NFAMILIES; i++)
        if (strcmp(name, family_names[i]) == 0)
            return i;
    return UNROLL_FAMILY_NONE;
}

const char *
unroll_family_name(int family)
{
    if (family < 0 || family >= NFAMILIES)
        return family_names[0];
    return family_names[family];
}

void
unroll_method_set_path(unroll_method_t meth, const char * path)
{
    size_t n = strlen(path) + 1;

    free(meth->path);
    meth->path = malloc(n);
    if (meth->path == NULL)
        flint_abort();
    memcpy(meth->path, path, n);
}

static int
needs_spectrum(int family)
{
    return family == UNROLL_FAMILY_CHEBYSHEV
        || family == UNROLL_FAMILY_GEGENBAUER
        || family == UNROLL_FAMILY_SOBOLEV
        || family == UNROLL_FAMILY_SOBOLEV_ASYMPTOTIC
        || family == UNROLL_FAMILY_MINIMAX;
}

static int
missing(char * msg, const char * what, int family)
{
    unroll_arith_msg(msg, "method %s needs %s", unroll_family_name(family),
                     what);
    return UNROLL_DOMAIN;
}

/* The parameter ranges: alpha > -1/2 keeps the density integrable,
   h > 0 and 0 <= m < 1 are what a descent method means. */
static int
check_ranges(const unroll_method_t meth, char * msg)
{
    fmpq_t half;
    int bad;

    fmpq_init(half);
    fmpq_set_si(half, -1, 2);
    bad = meth->has_alpha && fmpq_cmp(&meth->alpha, half) <= 0;
    fmpq_clear(half);

    if (bad)
        unroll_arith_msg(msg, "alpha must be greater than -1/2");
    else if (meth->has_eta && fmpq_sgn(&meth->eta) < 0)
        unroll_arith_msg(msg, "eta must be nonnegative");
    else if (meth->has_h && fmpq_sgn(&meth->h) <= 0)
        unroll_arith_msg(msg, "step h must be positive");
    else if (meth->has_m && (fmpq_sgn(&meth->m) < 0
                             || fmpz_cmp(fmpq_numref(&meth->m),
                                         fmpq_denref(&meth->m)) >= 0))
        unroll_arith_msg(msg, "momentum m must lie in [0, 1)");
    else if (meth->has_rho && fmpq_sgn(&meth->rho) < 0)
        unroll_arith_msg(msg, "rho must be nonnegative");
    else
        return UNROLL_SUCCESS;
    return UNROLL_DOMAIN;
}

int
unroll_method_check(const unroll_method_t meth, char * msg)
{
    int f = meth->family;

    if (f == UNROLL_FAMILY_NONE)
    {
        unroll_arith_msg(msg, "no method given");
        return UNROLL_DOMAIN;
    }
    if (needs_spectrum(f) && !meth->has_spec)
        return missing(msg, "the spectrum (--ell and --L)", f);
    if ((f == UNROLL_FAMILY_GD || f == UNROLL_FAMILY_HEAVY_BALL)
        && !meth->has_h)
        return missing(msg, "a step (--step)", f);
    if (f == UNROLL_FAMILY_HEAVY_BALL && !meth->has_m)
        return missing(msg, "a momentum (--momentum)", f);
    if ((f == UNROLL_FAMILY_GEGENBAUER || f == UNROLL_FAMILY_SOBOLEV)
        && !meth->has_alpha)
        return missing(msg, "--alpha", f);
    if (f == UNROLL_FAMILY_SOBOLEV && !meth->has_eta)
        return missing(msg, "--eta", f);
    if (f == UNROLL_FAMILY_TABLE && meth->path == NULL)
        return missing(msg, "a coefficient file (--coeffs)", f);

    return check_ranges(meth, msg);
}

int
unroll_method_scheme(unroll_scheme_t s, const unroll_method_t meth,
                     slong T, slong prec, char * msg)
{
    slong Tfile;
    int status;

    status = unroll_method_check(meth, msg);
    if (status != UNROLL_SUCCESS)
        return status;
    if (T < 0 || (meth->family != UNROLL_FAMILY_SOBOLEV_ASYMPTOTIC
                  && T > UNROLL_T_MAX_EXACT))
    {
        unroll_arith_msg(msg, "t must lie in 0..%d", UNROLL_T_MAX_EXACT);
        return UNROLL_DOMAIN;
    }

    switch (meth->family)
    {
    case UNROLL_FAMILY_GD:
        unroll_family_gd(s, &meth->h, T);
        break;
    case UNROLL_FAMILY_HEAVY_BALL:
        unroll_family_heavy_ball(s, &meth->h, &meth->m, T);
        break;
    case UNROLL_FAMILY_CHEBYSHEV:
        unroll_family_chebyshev(s, &meth->spec, T);
        break;
    case UNROLL_FAMILY_GEGENBAUER:
        unroll_family_gegenbauer(s, &meth->spec, &meth->alpha, T);
        break;
    case UNROLL_FAMILY_SOBOLEV:
        status = unroll_family_sobolev(s, &meth->spec, &meth->alpha,
                                       &meth->eta, T);
        if (status != UNROLL_SUCCESS)
            unroll_arith_msg(msg, "S_t(0) = 0 for some t: the Sobolev "
                                  "polynomials cannot be normalised");
        break;
    case UNROLL_FAMILY_SOBOLEV_ASYMPTOTIC:
        unroll_family_sobolev_asymptotic(s, &meth->spec, T, prec);
        break;
    case UNROLL_FAMILY_MINIMAX:
        status = unroll_family_minimax(s, &meth->spec, &meth->rho, T, msg);
        break;
    default:
        status = unroll_family_table_read(s, &Tfile, meth->path, prec, msg);
        if (status == UNROLL_SUCCESS && Tfile < T)
        {
            unroll_arith_msg(msg, "%s: has %ld steps, %ld asked",
                             meth->path, (long) Tfile, (long) T);
            status = UNROLL_DOMAIN;
        }
    }
    return status;
}
