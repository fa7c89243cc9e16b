#include "unroll/bound.h"

/* Theorem 3: E_t and P_t' of C_t = T_t(phi) / T_t(phi(0)) peak at L,
   where T_t'(1) = t^2 gives |P_t'(L)| = c t^2 / T_t(xbar). */
void
unroll_bound_chebyshev(arb_t B, arb_t D, const unroll_spectrum_t spec,
                       slong t, slong prec)
{
    fmpq_t k, w;
    arb_t low;

    if (t == 0)
    {
        arb_one(B);
        arb_zero(D);
        return;
    }

    fmpq_init(k);
    fmpq_init(w);
    arb_init(low);

    unroll_bound_lower(low, spec, t, prec + 8);

    /* B = (2 t^2 / (1 - kappa) - 1) / T_t(xbar), exact factor first. */
    unroll_spectrum_kappa(k, spec);
    fmpq_sub_si(k, k, 1);
    fmpq_neg(k, k);
    fmpq_inv(k, k);
    fmpq_mul_si(k, k, 2 * t * t);
    fmpq_sub_si(k, k, 1);
    arb_mul_fmpz(B, low, fmpq_numref(k), prec);
    arb_div_fmpz(B, B, fmpq_denref(k), prec);

    fmpq_sub(w, &spec->L, &spec->l);
    fmpq_inv(w, w);
    fmpq_mul_si(w, w, 2 * t * t);
    arb_mul_fmpz(D, low, fmpq_numref(w), prec);
    arb_div_fmpz(D, D, fmpq_denref(w), prec);

    arb_clear(low);
    fmpq_clear(w);
    fmpq_clear(k);
}
