#include "unroll/families.h"

void
unroll_family_sobolev_asymptotic(unroll_scheme_t s,
                                 const unroll_spectrum_t spec, slong T,
                                 slong prec)
{
    arb_t h, m, one_m, inv_m;
    slong t;

    arb_init(h);
    arb_init(m);
    arb_init(one_m);
    arb_init(inv_m);

    unroll_scheme_fit(s, UNROLL_SCHEME_AVERAGED, 0, T, prec);
    unroll_spectrum_heavy_ball_arb(h, m, spec, prec);
    arb_sub_ui(one_m, m, 1, prec);
    arb_neg(one_m, one_m);
    arb_inv(inv_m, m, prec);

    /* a_t = (1 - m) m^-t and A_t = m^-t give the weights
       A_{t-1} / A_t = m and a_t / A_t = 1 - m of the limit iteration,
       while keeping the table columns of the finite method. */
    for (t = 1; t <= T; t++)
    {
        arb_set(unroll_scheme_b(s, UNROLL_COEF_H, t), h);
        if (t >= 2)
            arb_set(unroll_scheme_b(s, UNROLL_COEF_M, t), m);
        arb_zero(unroll_scheme_b(s, UNROLL_COEF_C1, t));
        arb_inv(unroll_scheme_b(s, UNROLL_COEF_C2, t), one_m, prec);
        arb_div(unroll_scheme_b(s, UNROLL_COEF_C3, t), m, one_m, prec);
        arb_mul(unroll_scheme_b(s, UNROLL_COEF_A, t),
                unroll_scheme_b(s, UNROLL_COEF_A, t - 1), inv_m, prec);
        arb_mul(unroll_scheme_b(s, UNROLL_COEF_a, t),
                unroll_scheme_b(s, UNROLL_COEF_A, t), one_m, prec);
    }

    arb_clear(inv_m);
    arb_clear(one_m);
    arb_clear(m);
    arb_clear(h);
}
