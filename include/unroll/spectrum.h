/*
    The spectrum [l, L] of the Hessian, the affine map onto [-1, 1] and the
    Gegenbauer density that the average-case methods are built for.
*/
#ifndef UNROLL_SPECTRUM_H
#define UNROLL_SPECTRUM_H

#include "unroll/arith.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An interval 0 < l < L with exact rational ends. */
typedef struct
{
    fmpq l;
    fmpq L;
}
unroll_spectrum_struct;

typedef unroll_spectrum_struct unroll_spectrum_t[1];

/* ---- memory ------------------------------------------------------------- */

/* init sets [l, L] = [1/2, 1]; clear frees. */
void unroll_spectrum_init(unroll_spectrum_t s);
void unroll_spectrum_clear(unroll_spectrum_t s);

/* ---- construction ------------------------------------------------------- */

/* Sets s to [l, L].  Returns UNROLL_DOMAIN (s unchanged, reason in msg)
   unless 0 < l < L. */
int unroll_spectrum_set(unroll_spectrum_t s, const fmpq_t l,
                        const fmpq_t L, char * msg) UNROLL_MUST_CHECK;

void unroll_spectrum_set_spectrum(unroll_spectrum_t res,
                                  const unroll_spectrum_t s);

/* ---- evaluation --------------------------------------------------------- */

/* kappa = l / L. */
void unroll_spectrum_kappa(fmpq_t res, const unroll_spectrum_t s);

/* The slope c = 2 / (L - l) of the map phi(lambda) = (2 lambda - L - l) /
   (L - l), which sends [l, L] onto [-1, 1]. */
void unroll_spectrum_scale(fmpq_t res, const unroll_spectrum_t s);

/* x0 = phi(0) = -(L + l) / (L - l), which lies below -1. */
void unroll_spectrum_x0(fmpq_t res, const unroll_spectrum_t s);

/* res = phi(lambda); exact and ball versions. */
void unroll_spectrum_map(fmpq_t res, const unroll_spectrum_t s,
                         const fmpq_t lambda);
void unroll_spectrum_map_arb(arb_t res, const unroll_spectrum_t s,
                             const arb_t lambda, slong prec);

/* xi = (1 - sqrt(kappa)) / (1 + sqrt(kappa)), as a ball. */
void unroll_spectrum_xi_arb(arb_t res, const unroll_spectrum_t s,
                            slong prec);

/* The heavy-ball limits h = (2 / (sqrt(l) + sqrt(L)))^2 and m = xi^2 that
   every momentum family of the toolkit tends to, as balls. */
void unroll_spectrum_heavy_ball_arb(arb_t h, arb_t m,
                                    const unroll_spectrum_t s, slong prec);

/* ---- the Gegenbauer density ------------------------------------------- */

/* The k-th moment of the probability density proportional to
   (1 - x^2)^(alpha - 1/2) on [-1, 1]: zero for odd k and
   prod_{j < k/2} (j + 1/2) / (j + alpha + 1) for even k.  Requires
   alpha > -1/2 (returns UNROLL_DOMAIN otherwise). */
int unroll_spectrum_moment_x(fmpq_t res, const fmpq_t alpha, ulong k)
    UNROLL_MUST_CHECK;

/* The Sobolev inner product <P, R>_eta = int P R dmu + eta int P' R' dmu
   of two polynomials in lambda, exactly, for the Gegenbauer density mu of
   parameter alpha carried to [l, L] by phi and normalised to mass 1
   (derivatives in lambda).  eta = 0 gives the L2 product.  Returns
   UNROLL_DOMAIN unless alpha > -1/2 and eta >= 0. */
int unroll_spectrum_inner(fmpq_t res, const unroll_spectrum_t s,
                          const fmpq_t alpha, const fmpq_t eta,
                          const fmpq_poly_t P, const fmpq_poly_t R)
    UNROLL_MUST_CHECK;

#ifdef __cplusplus
}
#endif

#endif
