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

#endif
