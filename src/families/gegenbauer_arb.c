#include "impl.h"

/* The Gegenbauer momentum coefficients in ball arithmetic, through the
   ratios r_n = pi_n / pi_{n-1} = x0 - gamma_{n-1} / r_{n-1}: the map
   contracts errors (pi is the dominant solution of its recurrence), so
   the balls stay as narrow as the working precision, while exact
   coefficients grow by several digits per step.  Then h_t = -c / r_t and
   m_t = gamma_{t-1} / (r_t r_{t-1}); alpha = 0 is the Chebyshev method. */
int
unroll_family_gegenbauer_arb(unroll_scheme_t s,
                             const unroll_spectrum_t spec,
                             const fmpq_t alpha, slong T, slong prec)
{
    fmpq_t q;
    arb_t x0, c, g, r1, r;
    slong t;
    int status = UNROLL_SUCCESS;

    fmpq_init(q);
    arb_init(x0);
    arb_init(c);
    arb_init(g);
    arb_init(r1);
    arb_init(r);

    unroll_scheme_fit(s, UNROLL_SCHEME_MOMENTUM, 0, T, prec);
    unroll_spectrum_x0(q, spec);
    arb_set_fmpq(x0, q, prec);
    unroll_spectrum_scale(q, spec);
    arb_set_fmpq(c, q, prec);

    for (t = 1; t <= T && status == UNROLL_SUCCESS; t++)
    {
        if (t == 1)
            arb_set(r, x0);
        else
        {
            _unroll_gegenbauer_gamma(q, alpha, t - 1);
            arb_set_fmpq(g, q, prec);
            arb_div(r, g, r1, prec);
            arb_sub(r, x0, r, prec);
            arb_mul(unroll_scheme_b(s, UNROLL_COEF_M, t), r, r1, prec);
            arb_div(unroll_scheme_b(s, UNROLL_COEF_M, t), g,
                    unroll_scheme_b(s, UNROLL_COEF_M, t), prec);
        }
        if (arb_contains_zero(r))
            status = UNROLL_UNABLE;
        arb_div(unroll_scheme_b(s, UNROLL_COEF_H, t), c, r, prec);
        arb_neg(unroll_scheme_b(s, UNROLL_COEF_H, t),
                unroll_scheme_b(s, UNROLL_COEF_H, t));
        arb_swap(r1, r);
    }

    arb_clear(r);
    arb_clear(r1);
    arb_clear(g);
    arb_clear(c);
    arb_clear(x0);
    fmpq_clear(q);
    return status;
}
