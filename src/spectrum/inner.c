#include "unroll/spectrum.h"

int
unroll_spectrum_moment_x(fmpq_t res, const fmpq_t alpha, ulong k)
{
    fmpq_t f, lim;
    ulong j;

    fmpq_init(lim);
    fmpq_set_si(lim, -1, 2);
    if (fmpq_cmp(alpha, lim) <= 0)
    {
        fmpq_clear(lim);
        return UNROLL_DOMAIN;
    }
    fmpq_clear(lim);

    if (k % 2 == 1)
    {
        fmpq_zero(res);
        return UNROLL_SUCCESS;
    }

    fmpq_init(f);
    fmpq_one(res);
    for (j = 0; j < k / 2; j++)
    {
        /* (j + 1/2) / (j + alpha + 1) */
        fmpq_add_ui(f, alpha, j + 1);
        fmpq_inv(f, f);
        fmpq_mul_ui(f, f, 2 * j + 1);
        fmpq_div_2exp(f, f, 1);
        fmpq_mul(res, res, f);
    }
    fmpq_clear(f);
    return UNROLL_SUCCESS;
}

/* int U dmu for a polynomial U in x, from the exact moments. */
static int
integrate_x(fmpq_t res, const fmpq_t alpha, const fmpq_poly_t U)
{
    fmpq_t c, mom;
    slong k;
    int status = UNROLL_SUCCESS;

    fmpq_init(c);
    fmpq_init(mom);
    fmpq_zero(res);

    for (k = 0; k < fmpq_poly_length(U); k += 2)
    {
        fmpq_poly_get_coeff_fmpq(c, U, k);
        status |= unroll_spectrum_moment_x(mom, alpha, (ulong) k);
        fmpq_addmul(res, c, mom);
    }

    fmpq_clear(mom);
    fmpq_clear(c);
    return status;
}

/* Rewrites a polynomial in lambda as one in x: lambda = (x - x0) / c. */
static void
to_x(fmpq_poly_t res, const unroll_spectrum_t s, const fmpq_poly_t P)
{
    fmpq_poly_t lam;
    fmpq_t c, x0;

    fmpq_poly_init(lam);
    fmpq_init(c);
    fmpq_init(x0);

    unroll_spectrum_scale(c, s);
    unroll_spectrum_x0(x0, s);
    fmpq_inv(c, c);
    fmpq_poly_set_coeff_fmpq(lam, 1, c);
    fmpq_mul(x0, x0, c);
    fmpq_neg(x0, x0);
    fmpq_poly_set_coeff_fmpq(lam, 0, x0);
    fmpq_poly_compose(res, P, lam);

    fmpq_clear(x0);
    fmpq_clear(c);
    fmpq_poly_clear(lam);
}

int
unroll_spectrum_inner(fmpq_t res, const unroll_spectrum_t s,
                      const fmpq_t alpha, const fmpq_t eta,
                      const fmpq_poly_t P, const fmpq_poly_t R)
{
    fmpq_poly_t a, b, u;
    fmpq_t d;
    int status = UNROLL_SUCCESS;

    if (fmpq_sgn(eta) < 0)
        return UNROLL_DOMAIN;

    fmpq_poly_init(a);
    fmpq_poly_init(b);
    fmpq_poly_init(u);
    fmpq_init(d);

    /* L2 part: int P R dmu. */
    fmpq_poly_mul(u, P, R);
    to_x(u, s, u);
    status |= integrate_x(res, alpha, u);

    /* Derivative part, with derivatives taken in lambda before the
       change of variable, so no chain-rule factor is needed here. */
    fmpq_poly_derivative(a, P);
    fmpq_poly_derivative(b, R);
    fmpq_poly_mul(u, a, b);
    to_x(u, s, u);
    status |= integrate_x(d, alpha, u);
    fmpq_addmul(res, eta, d);

    fmpq_clear(d);
    fmpq_poly_clear(u);
    fmpq_poly_clear(b);
    fmpq_poly_clear(a);
    return status;
}
