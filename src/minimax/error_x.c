#include "impl.h"

/* With x = phi(lambda) = c lambda + x0, a polynomial in lambda becomes
   one in x by composing with lambda = (x - x0) / c. */
static void
to_x(fmpq_poly_t res, const fmpq_poly_t p, const unroll_spectrum_t spec)
{
    fmpq_poly_t lam;
    fmpq_t c, x0, v;

    fmpq_poly_init(lam);
    fmpq_init(c);
    fmpq_init(x0);
    fmpq_init(v);

    unroll_spectrum_scale(c, spec);
    unroll_spectrum_x0(x0, spec);
    fmpq_inv(v, c);
    fmpq_poly_set_coeff_fmpq(lam, 1, v);
    fmpq_mul(v, v, x0);
    fmpq_neg(v, v);
    fmpq_poly_set_coeff_fmpq(lam, 0, v);
    fmpq_poly_compose(res, p, lam);

    fmpq_clear(v);
    fmpq_clear(x0);
    fmpq_clear(c);
    fmpq_poly_clear(lam);
}

void
_unroll_minimax_error_x(fmpq_poly_t Ex, fmpq_poly_t Dx, fmpq_poly_t D2x,
                        const fmpq_poly_t P, const unroll_spectrum_t spec)
{
    fmpq_poly_t d, e;

    fmpq_poly_init(d);
    fmpq_poly_init(e);

    fmpq_poly_derivative(d, P);
    fmpq_poly_shift_left(e, d, 1);
    fmpq_poly_sub(e, P, e);
    to_x(Ex, e, spec);
    to_x(Dx, d, spec);
    fmpq_poly_derivative(e, d);
    to_x(D2x, e, spec);

    fmpq_poly_clear(e);
    fmpq_poly_clear(d);
}
