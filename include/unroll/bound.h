/*
    Certified bounds: the sup norms on [l, L] of the two error polynomials
    of unrolled differentiation,
      B_t = max |E_t|, E_t = P_t - lambda P_t'   and   D_t = max |P_t'|,
    for any scheme, and the paper's closed forms beside them.
*/
#ifndef UNROLL_BOUND_H
#define UNROLL_BOUND_H

#include <stdio.h>

#include "unroll/arith.h"
#include "unroll/spectrum.h"
#include "unroll/scheme.h"
#include "unroll/families.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Default accuracy: enclosures of relative width at most 2^-50. */
#define UNROLL_BOUND_REL_BITS 50

/* Largest accepted rel_bits (the working precision grows with it). */
#define UNROLL_BOUND_REL_BITS_MAX 1000

/* A certified maximum: lo <= max <= hi, and `at`, a point of [l, L]
   where the value lo (or more) is attained, rounded to a binary number
   (approximate: not certified to be the argmax). */
typedef struct
{
    arf_struct lo;
    arf_struct hi;
    arf_struct at;
}
unroll_bound_max_struct;

/* The result for one t: B_t and D_t, plus diagnostics. */
typedef struct
{
    slong t;
    unroll_bound_max_struct B;
    unroll_bound_max_struct D;
    slong prec;     /* working precision that succeeded */
    slong evals;    /* point evaluations (jets) used */
}
unroll_bound_result_struct;

typedef unroll_bound_result_struct unroll_bound_result_t[1];

/* ---- memory ------------------------------------------------------------- */

void unroll_bound_result_init(unroll_bound_result_t res);
void unroll_bound_result_clear(unroll_bound_result_t res);

/* Arrays of n results (for the range version). */
unroll_bound_result_struct * _unroll_bound_result_vec_init(slong n);
void _unroll_bound_result_vec_clear(unroll_bound_result_struct * v,
                                    slong n);

/* ---- bounds ------------------------------------------------------------- */

/* Certified B_t = max |P_t - lambda P_t'| and D_t = max |P_t'| over
   lambda in [l, L] = spec, for the residual P_t of the last stage of s
   (x; the only one of a momentum scheme).

   Guarantee: res->B.lo <= B_t <= res->B.hi with
   B.hi - B.lo <= 2^-rel_bits B.lo, and the same for D; both ends are
   rigorous (ball arithmetic on exact or ball coefficients).  B.at and
   D.at are points where a value within the enclosure is attained; they
   are approximate locations of the maxima, not certified.

   Algorithm: the point interpreters on a grid in theta, where
   lambda = (cos theta + xbar) / c; Bernstein's inequality for the
   trigonometric polynomial g(theta) = E_t(lambda(theta)) (degree t)
   bounds |g^(k)| by t^k times half the oscillation of g, which turns
   the grid values into an upper bound of that oscillation and each
   grid cell into Taylor enclosures of order 0, 1 and 2 (the least
   wins); cells that may exceed the best value found are handled worst
   first until the enclosure is as narrow as asked.  The grid (jets to
   P'') and new nodes (to P''') are evaluated in floating point with
   rigorous error bounds (unroll_scheme_fast_jet), eight points per run,
   and most cells are settled by bounds computed in double precision
   with explicit rounding terms.  A cell that stays on top gets g'' at
   its ends if it lacks it, is closed at once if P'' has no root on it
   (then |g| is monotone there), is bisected while wider than an eighth
   of the grid spacing, and only then has its ends evaluated again in
   ball arithmetic with Lohner frames (unroll_scheme_point_jet_frame).

   Fails with UNROLL_UNABLE ("could not certify", reason in msg) when
   the precision cap or the evaluation budget is reached; precision is
   raised automatically before that.  Returns UNROLL_DOMAIN for t < 0,
   t > s->T, or rel_bits outside 1..UNROLL_BOUND_REL_BITS_MAX.  Not
   guaranteed: tightness beyond the asked width.

   Cost: about 2t grid evaluations of t floating-point steps each, so
   2 t^2 steps of 10 to 15 ns, plus a few evaluations in balls: a few
   milliseconds at t = 100, some 30 ms at t = 1000, about 2 s at
   t = 10000 (gd, chebyshev).  Limitation: the stage x of a three-stage
   scheme (sobolev) cancels its much larger stage y near l and L, so
   that tens of nodes there need balls at large t (5 s at t = 10000).
   Limitation: schemes whose coefficients or spectrum leave
   [2^-900, 2^900] run wholly in ball arithmetic, several times
   slower. */
int unroll_bound_sup(unroll_bound_result_t res, const unroll_scheme_t s,
                     const unroll_spectrum_t spec, slong t, slong rel_bits,
                     char * msg) UNROLL_MUST_CHECK;

/* The same for the residual of a chosen stage (UNROLL_STAGE_Y, _Z or
   _X) of an averaged scheme: UNROLL_STAGE_Z gives the Sobolev S_t. */
int unroll_bound_sup_stage(unroll_bound_result_t res,
                           const unroll_scheme_t s,
                           const unroll_spectrum_t spec, slong t, int stage,
                           slong rel_bits, char * msg) UNROLL_MUST_CHECK;

/* res[i] for t = i + 1, i = 0..N-1 (N <= s->T): the same guarantee for
   every row, much faster than N calls.  One run of the recurrences at a
   grid point yields the jets of every t at once, so degrees are
   certified in blocks that share their grid (that of the block's largest
   t, plus geometric nodes next to l and L where the maxima usually sit);
   each t then refines its own cells.  A t whose search fails is redone
   alone with its own precision loop.  The enclosures may differ in their
   last bits from unroll_bound_sup's (both are valid).  res[i].evals counts
   the evaluations of t alone.  On UNROLL_UNABLE, the rows before the
   failing t are valid and *done (if not NULL) is their count. */
int unroll_bound_sup_range(unroll_bound_result_struct * res,
                           slong * done, const unroll_scheme_t s,
                           const unroll_spectrum_t spec, slong N, int stage,
                           slong rel_bits, char * msg) UNROLL_MUST_CHECK;

/* ---- closed forms (the paper's theorems) ------------------------------ */

/* Proposition 1: every residual method has B_t >= 2 / (xi^t + xi^-t)
   = 1 / T_t(xbar).  res encloses that value. */
void unroll_bound_lower(arb_t res, const unroll_spectrum_t spec, slong t,
                        slong prec);

/* Theorem 2 for gradient descent with step h > 0: E_t = (1 - h lambda)
   ^(t-1) (1 + (t-1) h lambda) and P_t' = -h t (1 - h lambda)^(t-1) have
   their maxima on {l, L}, so B and D enclose the exact values of B_t and
   D_t (Corollary 1 is the case h = 1/L or h = 2/(L+l)). */
void unroll_bound_gd(arb_t B, arb_t D, const unroll_spectrum_t spec,
                     const fmpq_t h, slong t, slong prec);

/* Theorem 3: for the Chebyshev method B_t = (2t^2 / (1 - kappa) - 1)
   / T_t(xbar) and D_t = 2 t^2 / ((L - l) T_t(xbar)), attained at L. */
void unroll_bound_chebyshev(arb_t B, arb_t D, const unroll_spectrum_t spec,
                            slong t, slong prec);

/* Corollary 2: with G = 0, B_t of gradient descent decreases strictly
   in t for every t >= 1 iff 0 < h < sqrt(2) / L.  Returns 1 if h lies
   below the threshold, 0 otherwise (h^2 L^2 < 2, decided exactly). */
int unroll_bound_gd_monotone(const unroll_spectrum_t spec, const fmpq_t h);

/* ---- I/O: certified bound tables (see unroll-tables(5)) -------------- */

/* Writes the CSV bound table of s for t = 1..T: per row t, the
   coefficient columns of `unroll coeffs` (exact NAME and correctly
   rounded NAME_f64), then B_lo, B_hi, D_lo, D_hi from res[t - 1] in
   decimal with 17 significant digits, lower ends rounded down and upper
   ends up.  Nothing is written (UNROLL_UNABLE) if a ball coefficient is
   too wide to round; UNROLL_IO on a write error. */
int unroll_table_write_bounds(FILE * f, const unroll_scheme_t s,
                              const unroll_bound_result_struct * res,
                              slong T, char * msg) UNROLL_MUST_CHECK;

/* Writes the JSON sidecar of a bound table: format name and version,
   the method and its exact parameters, the stage, T, the relative width
   2^-rel_bits, the columns and their meaning.  UNROLL_IO on error. */
int unroll_table_write_bounds_meta(FILE * f, const unroll_method_t meth,
                                   const unroll_scheme_t s, int stage,
                                   slong T, slong rel_bits, char * msg)
    UNROLL_MUST_CHECK;

#ifdef __cplusplus
}
#endif

#endif
