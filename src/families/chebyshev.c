#include "unroll/families.h"

/* With xbar = (L + l) / (L - l), delta_1 = 1 / xbar and
   delta_t = 1 / (2 xbar - delta_{t-1}), the Chebyshev method has
   h_1 = 2 / (L + l), h_t = 4 delta_t / (L - l) and
   m_t = delta_t delta_{t-1}.  delta_t = T_{t-1}(xbar) / T_t(xbar) follows
   from the three-term recurrence of T_t, which keeps every step a single
   rational operation. */
void
unroll_family_chebyshev(unroll_scheme_t s, const unroll_spectrum_t spec,
                        slong T)
{
    fmpq_t xbar, width, delta, prev, tmp;
    slong t;

    unroll_scheme_fit(s, UNROLL_SCHEME_MOMENTUM, 1, T, 0);
    if (T == 0)
        return;

    fmpq_init(xbar);
    fmpq_init(width);
    fmpq_init(delta);
    fmpq_init(prev);
    fmpq_init(tmp);

    unroll_spectrum_x0(xbar, spec);
    fmpq_neg(xbar, xbar);
    fmpq_sub(width, &spec->L, &spec->l);

    fmpq_add(tmp, &spec->L, &spec->l);
    fmpq_inv(tmp, tmp);
    fmpq_mul_2exp(unroll_scheme_q(s, UNROLL_COEF_H, 1), tmp, 1);
    fmpq_inv(delta, xbar);

    for (t = 2; t <= T; t++)
    {
        fmpq_swap(prev, delta);
        fmpq_mul_2exp(tmp, xbar, 1);
        fmpq_sub(tmp, tmp, prev);
        fmpq_inv(delta, tmp);

        fmpq_div(tmp, delta, width);
        fmpq_mul_2exp(unroll_scheme_q(s, UNROLL_COEF_H, t), tmp, 2);
        fmpq_mul(unroll_scheme_q(s, UNROLL_COEF_M, t), delta, prev);
    }

    fmpq_clear(tmp);
    fmpq_clear(prev);
    fmpq_clear(delta);
    fmpq_clear(width);
    fmpq_clear(xbar);
}
