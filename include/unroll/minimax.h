/*
    The worst-case optimal method for unrolled differentiation.

    With G = 0 the Jacobian error of a method after t steps is governed by
    B_t = max |E_t| on [l, L], E_t = P_t - lambda P_t'.  The map
    P -> P - lambda P' multiplies the coefficient of lambda^k by 1 - k, so
    it sends the residual polynomials of degree t (P(0) = 1) onto the
    polynomials E = 1 + e_2 lambda^2 + ... + e_t lambda^t, and the linear
    coefficient of P is free.  The best B_t of any first-order method is
    therefore the constrained Chebyshev value

      B*_t = min max_[l, L] |1 + e_2 lambda^2 + ... + e_t lambda^t|.

    lambda^2, ..., lambda^t is a Haar system on [l, L] (l > 0), so the
    minimiser is unique and equioscillates at t points.  It is computed by
    a Remez exchange in the Chebyshev basis of x = phi(lambda), made exact,
    and certified from both sides:

      upper end: the certified sup norm of the returned E, from the
        isolated real roots of P'' (the critical points of E and P');
      lower end: de la Vallee Poussin's theorem for this system: if an
        admissible E has E(x_1), ..., E(x_t) of alternating signs at
        l <= x_1 < ... < x_t <= L, then every admissible F has
        max |F| >= min_i |E(x_i)|.  (Otherwise F - E = lambda^2 r with
        deg r <= t - 2 would alternate at the x_i and give r t - 1 zeros
        in (l, L).)

    The free linear coefficient of P is chosen to minimise D_t = max |P'|
    (the rho -> 0 limit of the combined bound below), up to rounding of
    the midpoint of the range of P': D_t is certified, its optimality for
    the given E only approximately.
*/
#ifndef UNROLL_MINIMAX_H
#define UNROLL_MINIMAX_H

#include "unroll/arith.h"
#include "unroll/spectrum.h"
#include "unroll/scheme.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Default relative width of the certified optimal value: 2^-30 < 1e-9. */
#define UNROLL_MINIMAX_REL_BITS 30

/* Largest horizon accepted.  Limitation: certification isolates all
   complex roots of a polynomial of degree t - 2 and works with exact
   coefficients of about 4 t bits, so its cost grows like t^3 (0.8 s at
   t = 100); beyond this cap the exchanges in double precision are not
   trusted either. */
#define UNROLL_MINIMAX_T_MAX 500

/* A solved instance: the optimal residual polynomial and its certified
   values.  B and D are balls [lo, hi] enclosing max |E_t| and max |P_t'|
   of P on [l, L]; lo and hi enclose the optimal value itself. */
typedef struct
{
    slong t;
    fmpq_poly_struct P;     /* residual polynomial in lambda, P(0) = 1 */
    arf_struct lo;          /* certified lower end of the optimum */
    arf_struct hi;          /* certified upper end of the optimum */
    arb_struct B;           /* certified max |P - lambda P'| of P */
    arb_struct D;           /* certified max |P'| of P */
    slong iterations;       /* Remez exchanges used */
}
unroll_minimax_struct;

typedef unroll_minimax_struct unroll_minimax_t[1];

/* ---- memory ------------------------------------------------------------- */

void unroll_minimax_init(unroll_minimax_t res);
void unroll_minimax_clear(unroll_minimax_t res);

/* ---- construction ------------------------------------------------------- */

/* Solves the problem of horizon t on spec for the ratio rho = G / R and
   certifies it: res->P is the residual polynomial (exact rational
   coefficients, P(0) = 1) and res->lo <= OPT <= res->hi, where OPT is the
   minimum over residual polynomials of degree <= t of

     max |P - lambda P'| + rho max |P'|     (over [l, L]).

   rho = 0: Remez exchange, upper end the certified sup norm, lower end
   de la Vallee Poussin's theorem (see above).  rho > 0: with
   Et = E / J* the problem is a linear programme (max Et(x0) subject to
   max |Et| + rho max |Et(x0) P'| <= 1), solved on a finite point set by
   a dense simplex and exchanged until the maxima on [l, L] agree; upper
   end the certified max |E| + rho max |P'| of the returned P, lower end
   1 / y_norm for a dual feasible point y of the final programme, which
   is recomputed in ball arithmetic (weak duality; the programme on
   finitely many points is a relaxation).

   Guarantee: both ends are rigorous; hi - lo <= 2^-rel_bits hi is
   checked.  res->B and res->D enclose max |E| and max |P'| of the
   returned P.  Not guaranteed: that the tie-break of the free linear
   coefficient (rho = 0: smallest D) is exactly optimal.

   Returns UNROLL_DOMAIN for t outside 1..UNROLL_MINIMAX_T_MAX, rho < 0,
   or rel_bits outside 1..200; UNROLL_UNABLE (reason in msg) when the
   exchange does not converge or the certificate is wider than asked.
   Limitation: both exchanges run in double precision, so rel_bits above
   about 36 fail with UNROLL_UNABLE; and for rho > 0 the simplex loses
   its way when the objective spans more than about 19 decades (t beyond
   about 70 on [1/2, 10] at rho = 1; less for very large rho), which also
   ends in UNROLL_UNABLE. */
int unroll_minimax_solve(unroll_minimax_t res, const unroll_spectrum_t spec,
                         slong t, const fmpq_t rho, slong rel_bits,
                         char * msg) UNROLL_MUST_CHECK;

/* The polynomial of unroll_minimax_solve alone, uncertified (the same
   P, at a fraction of the cost).  Same domain errors. */
int unroll_minimax_poly(fmpq_poly_t P, const unroll_spectrum_t spec,
                        slong t, const fmpq_t rho, char * msg)
    UNROLL_MUST_CHECK;

/* The certified optimal value alone: lo <= OPT <= hi, as above. */
int unroll_minimax_value(arf_t lo, arf_t hi, const unroll_spectrum_t spec,
                         slong t, const fmpq_t rho, slong rel_bits,
                         char * msg) UNROLL_MUST_CHECK;

/* The weights w_0..w_t of P = sum_k w_k Y_k, where Y_k(lambda) =
   (-1)^k T_k(2 lambda / L - 1) are the residuals of the Chebyshev method
   on [0, L] (|Y_k| <= 1 on [0, L]); sum_k w_k = P(0) = 1 exactly.  w must
   have room for t + 1 entries, t = deg P or more. */
void unroll_minimax_weights(fmpq * w, const fmpq_poly_t P,
                            const unroll_spectrum_t spec, slong t);

/* ---- bounds ------------------------------------------------------------- */

/* Certified B = max |P - lambda P'| and D = max |P'| over [l, L] for an
   exact residual polynomial P in lambda: each ball is [lo, hi] with lo
   attained (up to rounding) and hi a rigorous upper bound.  Critical
   points are the real roots of P'' in (l, L), isolated rigorously; values
   are taken in the Chebyshev basis of x = phi(lambda), where no
   cancellation occurs.  Returns UNROLL_UNABLE when the radius of B or D
   exceeds 2^-rel_bits of its value at the largest precision tried. */
int unroll_minimax_sup(arb_t B, arb_t D, const fmpq_poly_t P,
                       const unroll_spectrum_t spec, slong rel_bits,
                       char * msg) UNROLL_MUST_CHECK;

/* ---- comparison data ---------------------------------------------------- */

/* Methods compared by unroll_minimax_compare, in column order. */
enum
{
    UNROLL_MINIMAX_CMP_GD = 0,      /* gradient descent, h = 2 / (L + l) */
    UNROLL_MINIMAX_CMP_CHEBYSHEV,
    UNROLL_MINIMAX_CMP_SOBOLEV,     /* P_t*, alpha = 1, eta = 20 */
    UNROLL_MINIMAX_CMP_MINIMAX,     /* the certified B of the optimum */
    UNROLL_MINIMAX_CMP_PROP1,       /* Proposition 1: 1 / T_t(xbar) */
    UNROLL_MINIMAX_CMP_LOWER,       /* certified lower end of B*_t */
    UNROLL_MINIMAX_NCMP
};

/* Name of column j ("gd", "chebyshev", "sobolev", "minimax", "prop1",
   "true_lower_bound"). */
const char * unroll_minimax_cmp_name(int j);

/* Data for the comparison figure and table on spec.  Fills
   val[j * T + (t - 1)] (j < UNROLL_MINIMAX_NCMP, t = 1..T) with a
   certified ball of B_t for column j: gd, chebyshev, sobolev and
   minimax are enclosures of max |E_t| of each method (minimax: the
   optimal polynomial of horizon t), prop1 of Proposition 1's bound and
   true_lower_bound is the ball [lo, hi] of the optimum B*_t.  Sets
   iters[j] to the least t <= max(T, Tmax) at which the ball of column j
   lies below eps (for prop1 and true_lower_bound: at which its lower end
   does), or -1; rows beyond T are computed only for the columns still
   above eps.  The count of true_lower_bound is a certified floor: no
   first-order method has B_t < eps for t < iters[LOWER].  val must hold
   UNROLL_MINIMAX_NCMP * T initialised balls and iters UNROLL_MINIMAX_NCMP
   entries.  Returns the first failing status of the solvers. */
int unroll_minimax_compare(arb_ptr val, slong * iters,
                           const unroll_spectrum_t spec, slong T,
                           slong Tmax, double eps, char * msg)
    UNROLL_MUST_CHECK;

#ifdef __cplusplus
}
#endif

#endif
