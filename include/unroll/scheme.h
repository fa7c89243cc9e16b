/*
    A scheme is a first-order method written as per-step linear rules.
    Every method of the toolkit has at most three sequences:

      y_t = y_{t-1} - h_t grad f(y_{t-1}) + m_t (y_{t-1} - y_{t-2})
      z_t = c1_t z_{t-2} + c2_t y_t - c3_t y_{t-2}
      x_t = (A_{t-1} / A_t) x_{t-1} + (a_t / A_t) z_t

    with y_{-1} = y_0 = z_{-1} = z_0 = x_0.  A momentum scheme has only the
    first rule (x = z = y).  The coefficients come from a family or from a
    table file; the interpreters below read them and nothing else, so the
    polynomial, the certified bound and the numeric run of a method are
    three readings of one object.
*/
#ifndef UNROLL_SCHEME_H
#define UNROLL_SCHEME_H

#include "unroll/arith.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Coefficient names, in the order of MATH-style tables:
   h, m, c1, c2, c3, a, A.  A momentum scheme uses the first two. */
enum
{
    UNROLL_COEF_H = 0,
    UNROLL_COEF_M,
    UNROLL_COEF_C1,
    UNROLL_COEF_C2,
    UNROLL_COEF_C3,
    UNROLL_COEF_a,
    UNROLL_COEF_A,
    UNROLL_NCOEF
};

/* Scheme kinds: the number of sequences. */
#define UNROLL_SCHEME_MOMENTUM 1
#define UNROLL_SCHEME_AVERAGED 3

/* Stages of an averaged scheme.  For a momentum scheme all three name the
   single sequence. */
#define UNROLL_STAGE_Y 0
#define UNROLL_STAGE_Z 1
#define UNROLL_STAGE_X 2

/* Largest degree accepted by the exact interpreters and exact families.
   Limitation: exact monomial coefficients grow about 2.6 bits per degree
   per coefficient (P_1000 weighs 1.2 MB), so beyond this cap use ball
   arithmetic. */
#define UNROLL_T_MAX_EXACT 10000

typedef struct
{
    int kind;       /* UNROLL_SCHEME_MOMENTUM or UNROLL_SCHEME_AVERAGED */
    int exact;      /* 1: q holds exact values; 0: only the balls b */
    slong T;        /* coefficients exist for t = 0..T */
    slong prec;     /* precision of the balls in b */
    fmpq * q;       /* UNROLL_NCOEF rows of T + 1 values, or NULL */
    arb_ptr b;      /* UNROLL_NCOEF rows of T + 1 balls, or NULL */
}
unroll_scheme_struct;

typedef unroll_scheme_struct unroll_scheme_t[1];

/* ---- memory ------------------------------------------------------------- */

/* init makes an empty scheme (T = -1); clear frees it. */
void unroll_scheme_init(unroll_scheme_t s);
void unroll_scheme_clear(unroll_scheme_t s);

/* Resizes s to hold coefficients for t = 0..T of the given kind, all zero
   except the neutral ones (c2 = 1, a_0 = A_0 = 1).  exact selects the
   storage: rationals (exact = 1) or balls at precision prec. */
void unroll_scheme_fit(unroll_scheme_t s, int kind, int exact, slong T,
                       slong prec);

/* ---- construction ------------------------------------------------------- */

/* Pointers to coefficient `coef` at step t (0 <= t <= T). */
fmpq * unroll_scheme_q(const unroll_scheme_t s, int coef, slong t);
arb_ptr unroll_scheme_b(const unroll_scheme_t s, int coef, slong t);

/* The number of named coefficients of the kind: 2 or 7. */
int unroll_scheme_ncoef(const unroll_scheme_t s);

/* The name of a coefficient ("h", "m", "c1", "c2", "c3", "a", "A"). */
const char * unroll_scheme_coef_name(int coef);

/* ---- conversions -------------------------------------------------------- */

/* res = coefficient coef at step t as a ball at precision prec (rounded
   from the exact value, or the stored ball). */
void unroll_scheme_get_arb(arb_t res, const unroll_scheme_t s, int coef,
                           slong t, slong prec);

/* ---- evaluation: the polynomial interpreter ---------------------------- */

/* Sets P to the residual polynomial (in lambda) of the given stage after
   t steps: the polynomial with stage_t - x* = P(H) (x_0 - x*).  P(0) = 1
   for every consistent scheme.  Requires an exact scheme and
   0 <= t <= min(T, UNROLL_T_MAX_EXACT). */
void unroll_scheme_poly_residual(fmpq_poly_t P, const unroll_scheme_t s,
                                 slong t, int stage);

/* Ball version, for schemes with irrational coefficients: P contains the
   exact residual polynomial.  Works for exact schemes too. */
void unroll_scheme_arb_poly_residual(arb_poly_t P, const unroll_scheme_t s,
                                     slong t, int stage, slong prec);

/* E = P - lambda P', the polynomial behind the Jacobian error.  E may
   alias P. */
void unroll_scheme_poly_error(fmpq_poly_t E, const fmpq_poly_t P);
void unroll_scheme_arb_poly_error(arb_poly_t E, const arb_poly_t P,
                                  slong prec);


/* ---- evaluation: the point interpreter --------------------------------- */

/* The point interpreter evaluates the residual of a scheme, with its
   first derivatives, at one Arb ball lambda by running the scheme's
   recurrences on jets (value and derivatives) instead of polynomials:
   O(t) ball operations, no monomial coefficients.  The momentum rule
   differentiates as
     y_t^(k) = (1 + m_t - h_t lambda) y_{t-1}^(k) - k h_t y_{t-1}^(k-1)
               - m_t y_{t-2}^(k),
   and the z and x rules are linear with constant coefficients.

   Rigor: every output ball contains the exact derivative of the exact
   residual at every point of lambda.  Limitation: ball radii follow the
   majorant recurrence (absolute values of the coefficients), so for the
   oscillating residuals of accelerated methods the relative radius grows
   by up to about 1.3 bits per step at points of [l, L]; give prec about
   1.3 t + 64 bits plus the accuracy wanted, or use the frame version
   below, which needs only a few times log2 t extra bits. */

/* Rows of the coefficient cache. */
enum
{
    UNROLL_POINT_ONEM = 0,  /* 1 + m_t */
    UNROLL_POINT_H,         /* h_t */
    UNROLL_POINT_M,         /* m_t */
    UNROLL_POINT_C1,
    UNROLL_POINT_C2,
    UNROLL_POINT_C3,
    UNROLL_POINT_WZ,        /* a_t / A_t */
    UNROLL_POINT_WX,        /* A_{t-1} / A_t */
    UNROLL_POINT_NROWS
};

/* Highest derivative order the jets carry. */
#define UNROLL_POINT_ORDER_MAX 3

/* The coefficients of a scheme for t = 0..T as balls at one precision,
   rounded once so that an evaluation does no big-number division. */
typedef struct
{
    int kind;
    slong T;
    slong prec;
    arb_ptr c;      /* UNROLL_POINT_NROWS rows of T + 1 balls */
}
unroll_scheme_point_struct;

typedef unroll_scheme_point_struct unroll_scheme_point_t[1];

/* init rounds the coefficients of s for t = 0..T (T <= s->T) to balls at
   precision prec; clear frees. */
void unroll_scheme_point_init(unroll_scheme_point_t pt,
                              const unroll_scheme_t s, slong T, slong prec);
void unroll_scheme_point_clear(unroll_scheme_point_t pt);

/* The cached ball of row `row` at step t. */
arb_srcptr unroll_scheme_point_coef(const unroll_scheme_point_t pt, int row,
                                    slong t);

/* Sets jet[k] (k = 0..order, order <= UNROLL_POINT_ORDER_MAX) to the k-th
   derivative in lambda of the residual of the given stage after t steps
   (0 <= t <= pt->T), evaluated on the ball lambda: each ball contains the
   exact value at every point of lambda.  jet must not alias lambda. */
void unroll_scheme_point_jet(arb_ptr jet, const unroll_scheme_point_t pt,
                             const arb_t lambda, slong t, int stage,
                             int order, slong prec);

/* The jets after every step at once: jets + t (order + 1) receives the
   jet of step t, for t = 0..T, from one run of the recurrences (the
   cost of the single step T). */
void unroll_scheme_point_jets(arb_ptr jets, const unroll_scheme_point_t pt,
                              const arb_t lambda, slong T, int stage,
                              int order, slong prec);

/* The same jets with the error of the momentum recurrence kept in a
   moving frame (Lohner's QR method, see the floating-point interpreter
   below) instead of the majorant: every output ball contains the exact
   value at every point of lambda, like unroll_scheme_point_jet, but the
   relative radii grow polynomially in t, so prec needs only the
   accuracy wanted plus a few times log2 t bits.  About four times the
   operations of unroll_scheme_point_jet per step; the better choice
   beyond t of about 50 for the accelerated methods. */
void unroll_scheme_point_jet_frame(arb_ptr jet,
                                   const unroll_scheme_point_t pt,
                                   const arb_t lambda, slong t, int stage,
                                   int order, slong prec);
void unroll_scheme_point_jets_frame(arb_ptr jets,
                                    const unroll_scheme_point_t pt,
                                    const arb_t lambda, slong T,
                                    int stage, int order, slong prec);

/* ---- evaluation: the point interpreter in floating point -------------- */

/* The same jets computed in double precision, with rigorous error bounds
   that do not wrap.  Ball arithmetic bounds the error of the momentum
   recurrence by its majorant and loses about 1.3 bits per step; here the
   error of the pair (y_t, y_{t-1}) is kept as a box in a moving frame
   instead (Lohner's QR method, with a frame scaled by powers of two
   rather than orthonormalised): the frame follows the
   first column of the product of the step matrices, so that in frame
   coordinates every step is upper triangular and the box grows like the
   recurrence itself, polynomially in t relative to the values.  The z
   and x rules are first order with constant coefficients and carry
   plain radii.  Values are kept scaled by an exact power of two, so
   neither overflow nor underflow limits t.

   Points run side by side in vector lanes (UNROLL_FAST_LANES of them),
   with a kernel compiled for AVX-512, AVX2 and the baseline where the
   compiler can and chosen at load time; every lane computes the same
   IEEE operations, so results do not depend on the processor.

   Cost: about 150 floating-point operations per step and point, some
   10 to 15 ns per point-step for eight lanes on one x86-64 core,
   against some 16 multiprecision operations at 1.3 t bits for the ball
   interpreter with majorants. */

typedef struct
{
    int kind;
    slong T;
    int ok;         /* 1: every coefficient fits a double */
    double * mid;   /* UNROLL_POINT_NROWS rows of T + 1 midpoints */
    double * err;   /* absolute error bounds of the midpoints */
}
unroll_scheme_fast_struct;

typedef unroll_scheme_fast_struct unroll_scheme_fast_t[1];

/* init rounds the cached balls of pt to doubles with error bounds; ok is
   0 when a coefficient is not finite or outside [2^-900, 2^900] in
   magnitude (then every evaluation fails).  clear frees. */
void unroll_scheme_fast_init(unroll_scheme_fast_t ft,
                             const unroll_scheme_point_t pt);
void unroll_scheme_fast_clear(unroll_scheme_fast_t ft);

/* Sets jet[k], k = 0..order (order <= UNROLL_POINT_ORDER_MAX), to balls
   containing the k-th derivative of the residual of the given stage
   after t steps at every point of lambda, like unroll_scheme_point_jet.
   unroll_scheme_fast_jets sets jets + t (order + 1) for every t = 0..T.
   Returns 1 on success and 0 when doubles cannot carry the computation
   (lambda or a coefficient out of range, a value not finite); the
   outputs are then unspecified and the caller falls back to the ball
   interpreter.  Rigor: as the ball interpreter; the radii are upper
   bounds computed in round-to-nearest and inflated by the relative
   error of at most eight operations. */
int unroll_scheme_fast_jet(arb_ptr jet, const unroll_scheme_fast_t ft,
                           const arb_t lambda, slong t, int stage,
                           int order);
int unroll_scheme_fast_jets(arb_ptr jets, const unroll_scheme_fast_t ft,
                            const arb_t lambda, slong T, int stage,
                            int order);

/* Up to this many points at once. */
#define UNROLL_FAST_LANES 8

/* The same for the n <= UNROLL_FAST_LANES points lambdas + i, side by
   side (a run costs the same for one point as for eight): point i writes
   jets + i (order + 1) (one t), or jets + (i (T + 1) + t) (order + 1)
   (every t), and ok[i] (1 on success).  Returns the number of points
   that succeeded. */
int unroll_scheme_fast_jet_vec(arb_ptr jets, int * ok,
                               const unroll_scheme_fast_t ft,
                               arb_srcptr lambdas, slong n, slong t,
                               int stage, int order);
int unroll_scheme_fast_jets_vec(arb_ptr jets, int * ok,
                                const unroll_scheme_fast_t ft,
                                arb_srcptr lambdas, slong n, slong T,
                                int stage, int order);

#ifdef __cplusplus
}
#endif

#endif
