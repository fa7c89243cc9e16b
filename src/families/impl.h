/* Declarations private to the families module. */
#ifndef UNROLL_FAMILIES_IMPL_H
#define UNROLL_FAMILIES_IMPL_H

#include "unroll/families.h"

/* gamma_n of the monic Gegenbauer recurrence p_{n+1} = x p_n -
   gamma_n p_{n-1}:  gamma_1 = 1 / (2 (alpha + 1)) and, for n >= 2,
   gamma_n = n (n + 2 alpha - 1) / (4 (n + alpha) (n + alpha - 1)). */
void _unroll_gegenbauer_gamma(fmpq_t res, const fmpq_t alpha, slong n);

/* pi[n] = p_n(x0) for n = 0..T, with the same recurrence; pi must have
   room for T + 1 entries. */
void _unroll_gegenbauer_pi(fmpq * pi, const fmpq_t alpha, const fmpq_t x0,
                           slong T);

/* Writes the Gegenbauer momentum coefficients h_t, m_t (t = 1..T) of the
   scheme from pi: h_1 = 2 / (L + l), h_t = -c pi_{t-1} / pi_t and
   m_t = gamma_{t-1} pi_{t-2} / pi_t. */
void _unroll_gegenbauer_coeffs(unroll_scheme_t s, const fmpq * pi,
                               const unroll_spectrum_t spec,
                               const fmpq_t alpha, slong T);

/* Working sequences of the Gegenbauer-Sobolev construction for n = 0..T,
   all in the x variable with the x-derivative weight eta_x = eta c^2:
   N_n = ||p_n||^2, pi_n = p_n(x0), e_n and d_n of the structural relation
   s_n + d_n s_{n-2} = p_n + e_n p_{n-2} (zero for n <= 2),
   K_n = <s_n, s_n>, D_n = K_n / N_{n-1} (D_0 = 1), sigma_n = s_n(x0) and
   rho_n = pi_n + e_n pi_{n-2} (so that sigma_n = rho_n - d_n sigma_{n-2}
   and d_n = e_n gamma_{n-2} / D_{n-2}). */
typedef struct
{
    fmpq * N;
    fmpq * pi;
    fmpq * e;
    fmpq * d;
    fmpq * K;
    fmpq * sigma;
    fmpq * rho;
    fmpq * D;
    slong len;
}
_unroll_sobolev_seq_struct;

typedef _unroll_sobolev_seq_struct _unroll_sobolev_seq_t[1];

void _unroll_sobolev_seq_init(_unroll_sobolev_seq_t q, slong T);
void _unroll_sobolev_seq_clear(_unroll_sobolev_seq_t q);

/* Fills q for n = 0..T.  Returns UNROLL_DOMAIN when some sigma_n
   vanishes (S_n cannot be normalised by S_n(0) = 1). */
int _unroll_sobolev_seq_compute(_unroll_sobolev_seq_t q,
                                const unroll_spectrum_t spec,
                                const fmpq_t alpha, const fmpq_t eta,
                                slong T) UNROLL_MUST_CHECK;

#endif
