#include "unroll/bound.h"

/* 2 / (xi^t + xi^-t) = 1 / T_t(xbar): the smallest possible max |R| over
   [l, L] of a residual polynomial R of degree t, which E_t is. */
void
unroll_bound_lower(arb_t res, const unroll_spectrum_t spec, slong t,
                   slong prec)
{
    arb_t xi, a;

    arb_init(xi);
    arb_init(a);

    unroll_spectrum_xi_arb(xi, spec, prec + 16);
    arb_pow_ui(xi, xi, t, prec + 16);
    arb_inv(a, xi, prec + 16);
    arb_add(a, a, xi, prec + 16);
    arb_ui_div(res, 2, a, prec);

    arb_clear(a);
    arb_clear(xi);
}
