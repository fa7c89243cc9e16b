/*
    Families: the coefficient generators behind every method, and the
    method description that names a family with its parameters.
*/
#ifndef UNROLL_FAMILIES_H
#define UNROLL_FAMILIES_H

#include "unroll/arith.h"
#include "unroll/spectrum.h"
#include "unroll/scheme.h"

#ifdef __cplusplus
extern "C" {
#endif

enum
{
    UNROLL_FAMILY_NONE = 0,
    UNROLL_FAMILY_GD,
    UNROLL_FAMILY_HEAVY_BALL,
    UNROLL_FAMILY_CHEBYSHEV,
    UNROLL_FAMILY_GEGENBAUER,
    UNROLL_FAMILY_SOBOLEV,
    UNROLL_FAMILY_SOBOLEV_ASYMPTOTIC,
    UNROLL_FAMILY_TABLE,
    UNROLL_FAMILY_MINIMAX
};

/* A method: a family and its parameters, each with a flag saying whether
   it was given.  The spectrum is needed by every family but gd,
   heavy-ball and table. */
typedef struct
{
    int family;
    unroll_spectrum_struct spec;
    int has_spec;
    fmpq alpha;
    fmpq eta;
    fmpq h;
    fmpq m;
    int has_alpha;
    int has_eta;
    int has_h;
    int has_m;
    char * path;
    fmpq rho;       /* minimax: G / R >= 0 */
    int has_rho;
}
unroll_method_struct;

typedef unroll_method_struct unroll_method_t[1];

/* ---- memory ------------------------------------------------------------- */

void unroll_method_init(unroll_method_t meth);
void unroll_method_clear(unroll_method_t meth);

/* ---- construction ------------------------------------------------------- */

/* The family called name ("gd", "heavy-ball", "chebyshev", "gegenbauer",
   "sobolev", "sobolev-asymptotic", "table"), or UNROLL_FAMILY_NONE. */
int unroll_family_from_name(const char * name);
const char * unroll_family_name(int family);

/* Sets meth->path (copied). */
void unroll_method_set_path(unroll_method_t meth, const char * path);

/* Checks that every parameter the family needs is present and in its
   domain: 0 < l < L, alpha > -1/2, eta >= 0, h > 0, 0 <= m < 1.
   Returns UNROLL_DOMAIN with a one-line reason otherwise. */
int unroll_method_check(const unroll_method_t meth, char * msg)
    UNROLL_MUST_CHECK;

/* Builds the scheme of meth with coefficients for t = 0..T.  Exact
   families give exact schemes; the asymptotic method gives balls at
   precision prec.  Returns UNROLL_DOMAIN (with msg) for invalid
   parameters, T < 0 or T > UNROLL_T_MAX_EXACT for an exact family, and
   whatever the table reader returns for tables. */
int unroll_method_scheme(unroll_scheme_t s, const unroll_method_t meth,
                         slong T, slong prec, char * msg)
    UNROLL_MUST_CHECK;

/* The exact residual polynomial (in lambda, P(0) = 1) of the given stage
   after t steps, equal to what unroll_scheme_poly_residual computes from
   the scheme of meth.  chebyshev, gegenbauer and sobolev work in
   x = phi(lambda), where their polynomials are monic with small
   coefficients: a single Gegenbauer polynomial (chebyshev, gegenbauer,
   stage y of sobolev) by its Taylor expansion at phi(0), O(t) integer
   operations; the Sobolev stages z and x by one Clenshaw sum over integer
   polynomials and one change of variable, O(t^2) products of large by
   small integers, nothing canonicalised per step.  Other exact families
   go through the scheme interpreter.  Returns UNROLL_DOMAIN (with msg)
   for invalid parameters, t outside 0..UNROLL_T_MAX_EXACT, a method with
   irrational coefficients (sobolev-asymptotic, a table of balls), or a
   Sobolev polynomial that cannot be normalised; UNROLL_IO for an
   unreadable table.  Limitation: the coefficients of the sobolev stage x
   grow by about 30 bits per step (P_1000 is about 20 MB in decimal), so
   its cost grows like t^3 in bit operations (0.7 s at t = 1000). */
int unroll_method_poly_residual(fmpq_poly_t P, const unroll_method_t meth,
                                slong t, int stage, char * msg)
    UNROLL_MUST_CHECK;

/* The scheme of meth for numeric use: like unroll_method_scheme, except
   that the chebyshev, gegenbauer and sobolev families are generated in
   ball arithmetic at precision prec (unroll_family_gegenbauer_arb,
   unroll_family_sobolev_arb), whose cost does not grow with the size of
   exact coefficients.  Falls back to the exact family when a ball
   generator cannot decide. */
int unroll_method_scheme_arb(unroll_scheme_t s, const unroll_method_t meth,
                             slong T, slong prec, char * msg)
    UNROLL_MUST_CHECK;

/* Degrees up to which unroll_method_scheme_certify is exact. */
#define UNROLL_CERTIFY_EXACT_T_MAX 1000

/* The scheme whose bounds unroll bound certifies up to T: exact
   (unroll_method_scheme) for T <= UNROLL_CERTIFY_EXACT_T_MAX and for
   the families without a ball generator; beyond, the chebyshev,
   gegenbauer and sobolev schemes of unroll_method_scheme_arb at
   precision prec, whose balls contain the exact coefficients (their
   exact size grows like t bits per step and their construction like
   t^3).  The certified enclosures are rigorous either way; built from
   balls they may differ in their last bits from the exact scheme's.
   Returns as unroll_method_scheme. */
int unroll_method_scheme_certify(unroll_scheme_t s,
                                 const unroll_method_t meth, slong T,
                                 slong prec, char * msg)
    UNROLL_MUST_CHECK;

/* ---- the families (exact unless stated) ------------------------------- */

/* Gradient descent with constant step h: h_t = h, m_t = 0. */
void unroll_family_gd(unroll_scheme_t s, const fmpq_t h, slong T);

/* Heavy ball with constant h and m (m_1 = 0: with x_{-1} = x_0 the
   first momentum term vanishes). */
void unroll_family_heavy_ball(unroll_scheme_t s, const fmpq_t h,
                              const fmpq_t m, slong T);

/* The Chebyshev method on spec: the residual polynomial is
   T_t(phi(lambda)) / T_t(phi(0)). */
void unroll_family_chebyshev(unroll_scheme_t s, const unroll_spectrum_t spec,
                             slong T);

/* The average-case optimal momentum method for the Gegenbauer density of
   parameter alpha > -1/2: Q_t = p_t(phi(lambda)) / p_t(phi(0)) with p_t
   the monic Gegenbauer polynomials. */
void unroll_family_gegenbauer(unroll_scheme_t s,
                              const unroll_spectrum_t spec,
                              const fmpq_t alpha, slong T);

/* The accelerated unrolling method (three stages): y follows the
   Gegenbauer method, z the Sobolev-orthogonal S_t with S_t(0) = 1, and x
   the optimal P_t* = sum a_i S_i / A_t with a_i = 1 / ||S_i||^2_eta
   (density of mass 1, derivatives in lambda).  alpha > -1/2, eta >= 0.
   Returns UNROLL_DOMAIN in the degenerate case where some s_t vanishes at
   phi(0), so that S_t cannot be normalised by S_t(0) = 1. */
int unroll_family_sobolev(unroll_scheme_t s, const unroll_spectrum_t spec,
                          const fmpq_t alpha, const fmpq_t eta, slong T)
    UNROLL_MUST_CHECK;

/* The Gegenbauer method (alpha = 0: the Chebyshev method) with ball
   coefficients at precision prec, each containing the exact one; for
   long numeric runs.  Returns UNROLL_UNABLE if a normalising value is not
   provably nonzero at this precision. */
int unroll_family_gegenbauer_arb(unroll_scheme_t s,
                                 const unroll_spectrum_t spec,
                                 const fmpq_t alpha, slong T, slong prec)
    UNROLL_MUST_CHECK;

/* The same method with ball coefficients at precision prec, from the
   same recurrences run in ball arithmetic: each ball contains the exact
   coefficient.  For long numeric runs, whose solvers need only doubles
   (exact coefficients gain about nine digits per step).  Returns
   UNROLL_UNABLE when a normalising value is not provably nonzero at this
   precision. */
int unroll_family_sobolev_arb(unroll_scheme_t s,
                              const unroll_spectrum_t spec,
                              const fmpq_t alpha, const fmpq_t eta, slong T,
                              slong prec) UNROLL_MUST_CHECK;

/* The limit iteration of the accelerated method: constant heavy-ball
   h, m for y, c1 = 0, c2 = 1 / (1 - m), c3 = m / (1 - m), and a_t =
   (1 - m) m^-t, A_t = m^-t, so that x_t = y_t + m (x_{t-1} - y_{t-2}).
   The coefficients are irrational: balls at precision prec. */
void unroll_family_sobolev_asymptotic(unroll_scheme_t s,
                                      const unroll_spectrum_t spec,
                                      slong T, slong prec);

/* The worst-case optimal method for the Jacobian error at horizon T
   (include/unroll/minimax.h), rho = G / R >= 0: y is the Chebyshev
   method of [0, L] (h_1 = 2/L, h_t = 4/L, m_t = 1), z = y, and x_T =
   sum_k w_k y_k is the optimal P_T expanded in those residuals.  Only
   x_T is optimal: rows t < T are partial averages of the horizon-T
   method.  Returns UNROLL_DOMAIN for T > UNROLL_MINIMAX_T_MAX or
   rho < 0, UNROLL_UNABLE if the exchange fails (see
   unroll_minimax_solve) or a partial sum of the weights vanishes (then
   the averaged form does not exist). */
int unroll_family_minimax(unroll_scheme_t s, const unroll_spectrum_t spec,
                          const fmpq_t rho, slong T, char * msg)
    UNROLL_MUST_CHECK;

/* Reads a coefficient file written by `unroll coeffs` (CSV or JSON) as a
   scheme.  Exact p/q values give an exact scheme; a file with any ball
   gives a ball scheme at precision prec.  *T is set to the number of
   steps in the file.  Returns UNROLL_DOMAIN with "FILE:LINE: reason" in
   msg on malformed content or more than UNROLL_T_MAX_EXACT rows (refused
   before the row past it is stored), and UNROLL_IO when the file cannot
   be read.  Limitation: the whole file is held in memory while it is
   read (a chebyshev file of 10000 rows is about 300 MB). */
int unroll_family_table_read(unroll_scheme_t s, slong * T,
                             const char * path, slong prec, char * msg)
    UNROLL_MUST_CHECK;

#ifdef __cplusplus
}
#endif

#endif
