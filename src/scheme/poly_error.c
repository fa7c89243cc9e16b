#include "unroll/scheme.h"

/* The coefficient of lambda^k in P - lambda P' is (1 - k) p_k, so the map
   kills the linear term and keeps E(0) = P(0). */
void
unroll_scheme_poly_error(fmpq_poly_t E, const fmpq_poly_t P)
{
    fmpq_poly_t D;

    fmpq_poly_init(D);

    fmpq_poly_derivative(D, P);
    fmpq_poly_shift_left(D, D, 1);
    fmpq_poly_sub(E, P, D);

    fmpq_poly_clear(D);
}

void
unroll_scheme_arb_poly_error(arb_poly_t E, const arb_poly_t P, slong prec)
{
    arb_poly_t D;

    arb_poly_init(D);

    arb_poly_derivative(D, P, prec);
    arb_poly_shift_left(D, D, 1);
    arb_poly_sub(E, P, D, prec);

    arb_poly_clear(D);
}
