#include "impl.h"
#include "unroll/families.h"

static const char * cmp_names[] =
{
    "gd", "chebyshev", "sobolev", "minimax", "prop1", "true_lower_bound"
};

const char *
unroll_minimax_cmp_name(int j)
{
    return (j >= 0 && j < UNROLL_MINIMAX_NCMP) ? cmp_names[j] : "";
}

/* Proposition 1: 1 / T_t(xbar), from T_t = 2 xbar T_{t-1} - T_{t-2}. */
static void
prop1(arb_t res, const unroll_spectrum_t spec, slong t, slong prec)
{
    fmpq_t xbar, a, b, c;
    slong k;

    fmpq_init(xbar);
    fmpq_init(a);
    fmpq_init(b);
    fmpq_init(c);

    unroll_spectrum_x0(xbar, spec);
    fmpq_neg(xbar, xbar);
    fmpq_one(a);
    fmpq_set(b, xbar);
    for (k = 2; k <= t; k++)
    {
        fmpq_mul(c, xbar, b);
        fmpq_mul_2exp(c, c, 1);
        fmpq_sub(c, c, a);
        fmpq_swap(a, b);
        fmpq_swap(b, c);
    }
    fmpq_inv(b, b);
    arb_set_fmpq(res, b, prec);

    fmpq_clear(c);
    fmpq_clear(b);
    fmpq_clear(a);
    fmpq_clear(xbar);
}

/* The method of column j (gd, chebyshev or sobolev) on spec. */
static void
column_method(unroll_method_t meth, const unroll_spectrum_t spec, int j)
{
    unroll_spectrum_set_spectrum(&meth->spec, spec);
    meth->has_spec = 1;
    if (j == UNROLL_MINIMAX_CMP_GD)
    {
        meth->family = UNROLL_FAMILY_GD;
        fmpq_add(&meth->h, &spec->L, &spec->l);
        fmpq_inv(&meth->h, &meth->h);
        fmpq_mul_2exp(&meth->h, &meth->h, 1);
        meth->has_h = 1;
    }
    else if (j == UNROLL_MINIMAX_CMP_CHEBYSHEV)
        meth->family = UNROLL_FAMILY_CHEBYSHEV;
    else
    {
        meth->family = UNROLL_FAMILY_SOBOLEV;
        fmpq_set_si(&meth->alpha, 1, 1);
        fmpq_set_si(&meth->eta, 20, 1);
        meth->has_alpha = meth->has_eta = 1;
    }
}

/* B_t of the gd, chebyshev or sobolev column, certified. */
static int
family_value(arb_t v, int j, const unroll_spectrum_t spec, slong t,
             char * msg)
{
    unroll_method_t meth;
    fmpq_poly_t P;
    arb_t D;
    int status;

    unroll_method_init(meth);
    fmpq_poly_init(P);
    arb_init(D);

    column_method(meth, spec, j);
    status = unroll_method_poly_residual(P, meth, t, UNROLL_STAGE_X, msg);
    if (status == UNROLL_SUCCESS)
        status = unroll_minimax_sup(v, D, P, spec, UNROLL_MINIMAX_REL_BITS,
                                    msg);

    arb_clear(D);
    fmpq_poly_clear(P);
    unroll_method_clear(meth);
    return status;
}

/* Every column at t into v[0..NCMP-1]; only those with want[j] set. */
static int
row_values(arb_ptr v, const int * want, const unroll_spectrum_t spec,
           slong t, char * msg)
{
    unroll_minimax_t res;
    fmpq_t zero;
    int j, status = UNROLL_SUCCESS;

    unroll_minimax_init(res);
    fmpq_init(zero);

    for (j = 0; j < UNROLL_MINIMAX_CMP_MINIMAX && status == 0; j++)
        if (want[j])
            status = family_value(v + j, j, spec, t, msg);
    if (status == UNROLL_SUCCESS && (want[UNROLL_MINIMAX_CMP_MINIMAX]
                                     || want[UNROLL_MINIMAX_CMP_LOWER]))
    {
        status = unroll_minimax_solve(res, spec, t, zero,
                                      UNROLL_MINIMAX_REL_BITS, msg);
        arb_set(v + UNROLL_MINIMAX_CMP_MINIMAX, &res->B);
        arb_set_interval_arf(v + UNROLL_MINIMAX_CMP_LOWER, &res->lo,
                             &res->hi, 128);
    }
    if (want[UNROLL_MINIMAX_CMP_PROP1])
        prop1(v + UNROLL_MINIMAX_CMP_PROP1, spec, t, 128);

    fmpq_clear(zero);
    unroll_minimax_clear(res);
    return status;
}

int
unroll_minimax_compare(arb_ptr val, slong * iters,
                       const unroll_spectrum_t spec, slong T, slong Tmax,
                       double eps, char * msg)
{
    arb_ptr v;
    arb_t e;
    int want[UNROLL_MINIMAX_NCMP], j, left, below, status = UNROLL_SUCCESS;
    slong t;

    v = _arb_vec_init(UNROLL_MINIMAX_NCMP);
    arb_init(e);
    arb_set_d(e, eps);
    for (j = 0; j < UNROLL_MINIMAX_NCMP; j++)
        iters[j] = -1;

    /* Methods count when certainly below eps; the two lower bounds
       when possibly below, so that theirs is a certified floor. */
    left = 1;
    for (t = 1; t <= FLINT_MAX(T, Tmax) && status == 0
                && (t <= T || left); t++)
    {
        left = 0;
        for (j = 0; j < UNROLL_MINIMAX_NCMP; j++)
            want[j] = t <= T || iters[j] < 0;
        status = row_values(v, want, spec, t, msg);
        for (j = 0; j < UNROLL_MINIMAX_NCMP && status == 0; j++)
        {
            if (t <= T)
                arb_set(val + j * T + (t - 1), v + j);
            below = j >= UNROLL_MINIMAX_CMP_PROP1 ? !arb_ge(v + j, e)
                                                  : arb_lt(v + j, e);
            if (want[j] && iters[j] < 0 && below)
                iters[j] = t;
            left |= iters[j] < 0;
        }
    }

    arb_clear(e);
    _arb_vec_clear(v, UNROLL_MINIMAX_NCMP);
    return status;
}
