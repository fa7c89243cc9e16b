#include "unroll/spectrum.h"

void
unroll_spectrum_kappa(fmpq_t res, const unroll_spectrum_t s)
{
    fmpq_div(res, &s->l, &s->L);
}

void
unroll_spectrum_scale(fmpq_t res, const unroll_spectrum_t s)
{
    fmpq_sub(res, &s->L, &s->l);
    fmpq_inv(res, res);
    fmpq_mul_2exp(res, res, 1);
}

void
unroll_spectrum_x0(fmpq_t res, const unroll_spectrum_t s)
{
    fmpq_t d;

    fmpq_init(d);

    fmpq_sub(d, &s->L, &s->l);
    fmpq_add(res, &s->L, &s->l);
    fmpq_div(res, res, d);
    fmpq_neg(res, res);

    fmpq_clear(d);
}

void
unroll_spectrum_map(fmpq_t res, const unroll_spectrum_t s,
                    const fmpq_t lambda)
{
    fmpq_t c, x0;

    fmpq_init(c);
    fmpq_init(x0);

    /* phi(lambda) = c lambda + x0 */
    unroll_spectrum_scale(c, s);
    unroll_spectrum_x0(x0, s);
    fmpq_mul(c, c, lambda);
    fmpq_add(res, c, x0);

    fmpq_clear(x0);
    fmpq_clear(c);
}

void
unroll_spectrum_map_arb(arb_t res, const unroll_spectrum_t s,
                        const arb_t lambda, slong prec)
{
    fmpq_t c, x0;
    arb_t a;

    fmpq_init(c);
    fmpq_init(x0);
    arb_init(a);

    /* phi(lambda) = c lambda + x0 with exact c and x0: one rounding in
       the product and one in the sum. */
    unroll_spectrum_scale(c, s);
    unroll_spectrum_x0(x0, s);
    arb_set_fmpq(a, x0, prec);
    arb_mul_fmpz(res, lambda, fmpq_numref(c), prec);
    arb_div_fmpz(res, res, fmpq_denref(c), prec);
    arb_add(res, res, a, prec);

    arb_clear(a);
    fmpq_clear(x0);
    fmpq_clear(c);
}

void
unroll_spectrum_xi_arb(arb_t res, const unroll_spectrum_t s, slong prec)
{
    arb_t a, b;

    arb_init(a);
    arb_init(b);

    /* (sqrt L - sqrt l) / (sqrt L + sqrt l) avoids forming sqrt(l/L). */
    arb_set_fmpq(a, &s->L, prec);
    arb_sqrt(a, a, prec);
    arb_set_fmpq(b, &s->l, prec);
    arb_sqrt(b, b, prec);
    arb_sub(res, a, b, prec);
    arb_add(a, a, b, prec);
    arb_div(res, res, a, prec);

    arb_clear(b);
    arb_clear(a);
}

void
unroll_spectrum_heavy_ball_arb(arb_t h, arb_t m, const unroll_spectrum_t s,
                               slong prec)
{
    arb_t a, b;

    arb_init(a);
    arb_init(b);

    arb_set_fmpq(a, &s->L, prec);
    arb_sqrt(a, a, prec);
    arb_set_fmpq(b, &s->l, prec);
    arb_sqrt(b, b, prec);
    arb_add(a, a, b, prec);
    arb_ui_div(a, 2, a, prec);
    arb_sqr(h, a, prec);

    unroll_spectrum_xi_arb(m, s, prec);
    arb_sqr(m, m, prec);

    arb_clear(b);
    arb_clear(a);
}
