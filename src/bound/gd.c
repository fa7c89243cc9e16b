#include "unroll/bound.h"

/* |E_t(lambda)| and |P_t'(lambda)| / (h t) at one end, with
   E_t = (1 - h lambda)^(t-1) (1 + (t-1) h lambda) and
   P_t' = -h t (1 - h lambda)^(t-1). */
static void
at_end(arb_t e, arb_t d, const fmpq_t h, const fmpq_t lambda, slong t,
       slong prec)
{
    fmpq_t hl;
    arb_t a;

    fmpq_init(hl);
    arb_init(a);

    fmpq_mul(hl, h, lambda);
    arb_set_fmpq(a, hl, prec);
    arb_mul_si(e, a, t - 1, prec);
    arb_add_ui(e, e, 1, prec);
    arb_sub_ui(a, a, 1, prec);
    arb_pow_ui(d, a, t - 1, prec);
    arb_abs(d, d);
    arb_mul(e, e, d, prec);
    arb_abs(e, e);

    arb_clear(a);
    fmpq_clear(hl);
}

void
unroll_bound_gd(arb_t B, arb_t D, const unroll_spectrum_t spec,
                const fmpq_t h, slong t, slong prec)
{
    arb_t e, d;

    if (t == 0)
    {
        arb_one(B);
        arb_zero(D);
        return;
    }

    arb_init(e);
    arb_init(d);

    /* The only interior critical point of both is 1/h, where both vanish,
       so the maxima are at l or L (Theorem 2). */
    at_end(B, D, h, &spec->l, t, prec);
    at_end(e, d, h, &spec->L, t, prec);
    arb_max(B, B, e, prec);
    arb_max(D, D, d, prec);
    arb_mul_fmpz(D, D, fmpq_numref(h), prec);
    arb_div_fmpz(D, D, fmpq_denref(h), prec);
    arb_mul_si(D, D, t, prec);

    arb_clear(d);
    arb_clear(e);
}
