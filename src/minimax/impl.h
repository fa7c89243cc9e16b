/* Declarations private to the minimax module. */
#ifndef UNROLL_MINIMAX_IMPL_H
#define UNROLL_MINIMAX_IMPL_H

#include "unroll/minimax.h"

/* The Remez exchange for the constrained Chebyshev problem in
   x = phi(lambda), in double precision: on return c[0..t] are the
   Chebyshev coefficients of a polynomial Et with Et'(x0) = 0 that
   equioscillates at ref[0..t-1] (ascending, in [-1, 1]) with level about
   1, so that Et / Et(x0) is the optimal E.  *iters counts exchanges.
   Returns UNROLL_UNABLE (reason in msg) if the exchange does not reach a
   relative spread of 1e-11 between the reference level and the maximum.
   Requires t >= 1 and x0 < -1. */
int _unroll_minimax_remez(double * c, double * ref, slong * iters,
                          double x0, slong t, char * msg)
    UNROLL_MUST_CHECK;

/* res = x exactly (x finite). */
void _unroll_minimax_fmpq_set_d(fmpq_t res, double x);
void _unroll_minimax_fmpq_set_arf(fmpq_t res, const arf_t x);

/* c[0..n] = the Chebyshev coefficients of p (deg p <= n), exactly. */
void _unroll_minimax_cheb_from_mono(fmpq * c, const fmpq_poly_t p,
                                    slong n);

/* p = sum_k c[k] T_k(x), k = 0..n, exactly. */
void _unroll_minimax_mono_from_cheb(fmpq_poly_t p, const fmpq * c,
                                    slong n);

/* y = sum_k c[k] T_k(x) by Clenshaw's recurrence in ball arithmetic: y
   contains the value at every point of x.  y must not alias x. */
void _unroll_minimax_cheb_eval(arb_t y, arb_srcptr c, slong n,
                               const arb_t x, slong prec);

/* The real roots of g (a nonzero polynomial in x) that may lie in
   [-1, 1], isolated to rprec bits, as balls clipped to [-1, 1]: each
   real root of g in [-1, 1] lies in one of them.  pts needs max(deg g,
   1) entries.  Returns the number of balls. */
slong _unroll_minimax_critical(arb_ptr pts, const fmpq_poly_t g,
                               slong rprec, slong prec);

/* Certified range of the exact polynomial f (in x) on [-1, 1]: fmax and
   fmin enclose max f and min f, given balls pts[0..np-1] that contain
   every critical point of f in (-1, 1) and in which f' vanishes at the
   roots they isolate (from _unroll_minimax_critical on a multiple of
   f', or on a polynomial whose roots f' shares). */
void _unroll_minimax_range(arb_t fmax, arb_t fmin, const fmpq_poly_t f,
                           arb_srcptr pts, slong np, slong prec);

/* Certified max |E| and max |P'| on [l, L] from the polynomials of
   _unroll_minimax_error_x and the critical balls of D2x. */
void _unroll_minimax_sup_pts(arb_t B, arb_t D, const fmpq_poly_t Ex,
                             const fmpq_poly_t Dx, arb_srcptr pts,
                             slong np, slong prec);

/* Accuracy (bits) asked of the critical points for a relative width of
   2^-rel_bits at degree t (the second-order mean-value form needs about
   half the bits). */
slong _unroll_minimax_root_prec(slong rel_bits, slong t);

/* The optimal residual polynomial of horizon t (rho = 0) in lambda,
   uncertified, and the reference points ref[0..t-1] (in x) at which its
   E alternates (ref needs t entries).  Returns UNROLL_UNABLE with msg if
   the exchange fails. */
int _unroll_minimax_poly(fmpq_poly_t P, double * ref, slong * iters,
                         const unroll_spectrum_t spec, slong t, char * msg)
    UNROLL_MUST_CHECK;

/* The same, and the critical balls pts[0..*np-1] of P'' in x isolated
   to rprec bits (pts needs max(t - 2, 1) entries). */
int _unroll_minimax_poly_pts(fmpq_poly_t P, arb_ptr pts, slong * np,
                             double * ref, slong * iters,
                             const unroll_spectrum_t spec, slong t,
                             slong rprec, char * msg) UNROLL_MUST_CHECK;

/* The lower end of de la Vallee Poussin's theorem: lo = min_i |E(x_i)|
   rounded down, where E = P - lambda P' and x_i = ref[i] (i < t) in the
   x variable; returns 0 and sets lo = 0 if the signs of E(x_i) are not
   certified to alternate. */
int _unroll_minimax_dvp(arf_t lo, const fmpq_poly_t P, const double * ref,
                        const unroll_spectrum_t spec, slong t, slong prec);

/* The polynomials in x of E = P - lambda P' and of P' for P in lambda,
   and of P'' (whose roots are the critical points of both). */
void _unroll_minimax_error_x(fmpq_poly_t Ex, fmpq_poly_t Dx,
                             fmpq_poly_t D2x, const fmpq_poly_t P,
                             const unroll_spectrum_t spec);

/* Solves min cost^T y subject to M y = rhs, y >= 0 (M is n x m,
   row-major) by a dense two-phase simplex in double precision.  On
   success basis[0..n-1] are the basic columns and pi[0..n-1] the
   simplex multipliers, which solve the dual max rhs^T pi subject to
   M^T pi <= cost.  Returns UNROLL_UNABLE when infeasible, unbounded,
   degenerate beyond repair or out of iterations. */
int _unroll_minimax_lp(double * pi, slong * basis, const double * M,
                       const double * rhs, const double * cost, slong n,
                       slong m) UNROLL_MUST_CHECK;

/* The problem with rho > 0, solved and certified like
   unroll_minimax_solve (same contract). */
int _unroll_minimax_solve_mixed(unroll_minimax_t res,
                                const unroll_spectrum_t spec, slong t,
                                const fmpq_t rho, slong rel_bits,
                                char * msg) UNROLL_MUST_CHECK;

/* Its polynomial alone. */
int _unroll_minimax_poly_mixed(fmpq_poly_t P, const unroll_spectrum_t spec,
                               slong t, const fmpq_t rho, char * msg)
    UNROLL_MUST_CHECK;

/* res = the integral of f from a to x, as a polynomial in x. */
void _unroll_minimax_integral_from(fmpq_poly_t res, const fmpq_poly_t f,
                                   const fmpq_t a);

#endif
