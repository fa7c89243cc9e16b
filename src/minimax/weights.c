#include "impl.h"

/* With u = 2 lambda / L - 1, P(lambda(u)) = sum_k b_k T_k(u) and
   Y_k = T_k(u) / T_k(-1) = (-1)^k T_k(u), so w_k = (-1)^k b_k; the
   weights sum to P(0) = P(u = -1). */
void
unroll_minimax_weights(fmpq * w, const fmpq_poly_t P,
                       const unroll_spectrum_t spec, slong t)
{
    fmpq_poly_t lam, Pu;
    fmpq_t h;
    slong k;

    fmpq_poly_init(lam);
    fmpq_poly_init(Pu);
    fmpq_init(h);

    fmpq_div_2exp(h, &spec->L, 1);
    fmpq_poly_set_coeff_fmpq(lam, 0, h);
    fmpq_poly_set_coeff_fmpq(lam, 1, h);
    fmpq_poly_compose(Pu, P, lam);
    _unroll_minimax_cheb_from_mono(w, Pu, t);
    for (k = 1; k <= t; k += 2)
        fmpq_neg(w + k, w + k);

    fmpq_clear(h);
    fmpq_poly_clear(Pu);
    fmpq_poly_clear(lam);
}
