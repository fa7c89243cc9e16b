#include <float.h>
#include <math.h>

#include "impl.h"

#define K (UNROLL_POINT_ORDER_MAX + 1)
#define W UNROLL_FAST_LANES

/* The points of one run are the lanes of these vectors (GCC's vector
   extension, also understood by clang): every operation below acts on
   all lanes at once, in IEEE double precision lane by lane, so a lane's
   results are the same bits whatever the instruction set (contraction
   into fused multiply-adds is off for the whole project). */
typedef double vd __attribute__((vector_size(W * sizeof(double))));
typedef unsigned long long vu
    __attribute__((vector_size(W * sizeof(unsigned long long))));

#define INLINE static inline __attribute__((always_inline))

/* The order loops run n <= K times with n a constant in each expansion
   of the kernel: unrolled, they keep the jets in registers. */
#define UNROLL_ORDERS _Pragma("GCC unroll 4")

/* GCC warns that vectors wider than the baseline's registers change the
   calling convention; the helpers taking and returning them are always
   inlined, so no call ever passes one. */
#if defined(__clang__)
#pragma clang diagnostic ignored "-Wpsabi"
#elif defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

/* The kernel is compiled for AVX-512 and AVX2 besides the baseline where
   the compiler can, and the loader picks the best one the processor has;
   the results do not depend on the choice. */
#if UNROLL_HAVE_TARGET_CLONES
#define CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define CLONES
#endif

INLINE vd
vabs(vd x)
{
    /* Negation flips the sign bit: every lane of sign is -0.0. */
    const vd sign = -(vd) { 0 };

    return (vd) ((vu) x & ~(vu) sign);
}

/* Error bounds are evaluated in round-to-nearest on nonnegative numbers
   by expressions of fewer than a hundred operations: the computed value
   times 1 + 100u, plus far more than a hundred times the largest
   absolute error of an operation on subnormals (2^-1075), bounds the
   exact one.  The absolute term, 2^-1000, is negligible against the
   values, which rescaling keeps above 2^-400, and keeps the radii
   themselves out of the subnormal range. */
INLINE vd
up(vd x)
{
    return x * (1.0 + 0x1p-46) + 0x1p-1000;
}

/* Relative rounding error of an expression of at most four roundings
   (4u = 2^-51), with a factor two of margin. */
#define ROUND 0x1p-50

/* The midpoints of the running sequences (y1 = y_{t-1}, y2 = y_{t-2},
   z1, z2 likewise, x = x_{t-1}) of every lane, lane i multiplied by
   2^-scale[i].  The error of (y1, y2) is A r with A = [[c, -s], [s, c]]
   the frame and |r_i| <= r1, r2; the other sequences carry plain
   radii.  lam, dlam: the point and its radius. */
typedef struct
{
    vd y1[K], y2[K], r1[K], r2[K];
    vd z1[K], z2[K], rz1[K], rz2[K];
    vd x[K], rx[K];
    vd c, s;
    vd lam, dlam;
    slong scale[W];
    int n;          /* orders carried: order + 1 */
    int averaged;
}
lanes_t;

static void
lanes_init(lanes_t * st, int order, int averaged)
{
    const vd zero = { 0 }, one = zero + 1.0;
    int k, i;

    for (k = 0; k < K; k++)
    {
        st->y1[k] = st->y2[k] = st->z1[k] = st->z2[k] = st->x[k] = zero;
        st->r1[k] = st->r2[k] = st->rz1[k] = st->rz2[k] = zero;
        st->rx[k] = zero;
    }
    st->y1[0] = st->y2[0] = st->z1[0] = st->z2[0] = st->x[0] = one;
    st->c = one;
    st->s = zero;
    st->lam = st->dlam = zero;
    for (i = 0; i < W; i++)
        st->scale[i] = 0;
    st->n = order + 1;
    st->averaged = averaged;
}

#define MID(ft, row, t) ((ft)->mid[(row) * ((ft)->T + 1) + (t)])
#define ERR(ft, row, t) ((ft)->err[(row) * ((ft)->T + 1) + (t)])

/* The frame step: with M = [[a, -m], [1, 0]] and C = M A, the new frame
   A' has the direction of C's first column, and in the new coordinates
   the step is W = A'^-1 M A, upper triangular up to rounding.  A' is
   exactly [[cn, -sn], [sn, cn]], whatever cn and sn are (any invertible
   frame is valid), so A'^-1 = A'^T / q exactly with q = cn^2 + sn^2,
   and everything below bounds the exact W and A'^-1 entrywise.  Row
   two of M is exact. */
typedef struct
{
    vd cn, sn;
    vd w11, w12, w21, w22;
    vd b1, b2;          /* |A'^-1| applied to (1, 0) */
}
frame_t;

INLINE void
frame_step(frame_t * fr, vd a, double m, vd c, vd s)
{
    vd C11, C12, C21, C22, E11, E12, n, p, ib;

    C11 = a * c - m * s;
    C12 = -(a * s) - m * c;
    C21 = c;
    C22 = -s;
    E11 = ROUND * (vabs(a * c) + vabs(m * s));
    E12 = ROUND * (vabs(a * s) + vabs(m * c));

    /* The column times the power of two p that brings its 1-norm n
       into [1/2, 1), read off n's exponent bits: exact, and no
       division on the chain from one frame to the next, so q lies in
       [1/8, 1).  The tiny term makes a zero column (gd at lambda =
       1 / h) keep a valid frame, and changes any other by far less than
       it matters; no lane takes a branch.  A column that is not finite
       stays so (p is finite and nonzero for every bit pattern of n),
       which reaches the radii and makes the lane fail. */
    n = vabs(C11) + vabs(C21) + 0x1p-1000;
    p = (vd) ((2045 - (((vu) n >> 52) & 0x7ff)) << 52);
    fr->cn = (C11 + 0x1p-1000) * p;
    fr->sn = C21 * p;

    /* q is computed within a relative 2^-51; 1 / q within u. */
    ib = (1.0 + 0x1p-46) / (fr->cn * fr->cn + fr->sn * fr->sn);
    fr->w11 = up(ib * (vabs(fr->cn * C11 + fr->sn * C21) + vabs(fr->cn) * E11
                       + ROUND * (vabs(fr->cn * C11) + vabs(fr->sn * C21))));
    fr->w12 = up(ib * (vabs(fr->cn * C12 + fr->sn * C22) + vabs(fr->cn) * E12
                       + ROUND * (vabs(fr->cn * C12) + vabs(fr->sn * C22))));
    fr->w21 = up(ib * (vabs(fr->cn * C21 - fr->sn * C11) + vabs(fr->sn) * E11
                       + ROUND * (vabs(fr->cn * C21) + vabs(fr->sn * C11))));
    fr->w22 = up(ib * (vabs(fr->cn * C22 - fr->sn * C12) + vabs(fr->sn) * E12
                       + ROUND * (vabs(fr->cn * C22) + vabs(fr->sn * C12))));
    fr->b1 = up(ib * vabs(fr->cn));
    fr->b2 = up(ib * vabs(fr->sn));
}

/* y_t^(k) = a y_{t-1}^(k) - m y_{t-2}^(k) - k h y_{t-1}^(k-1) on the
   midpoints, with a = 1 + m - h lambda.  The error of step t obeys the
   same recurrence with the exact coefficients, forced by f: the
   rounding of the midpoints and the coefficients' own errors (da, dm,
   dh) times the values they multiply.  The lower order's error term
   k h e^(k-1) is forcing too.  Errors are at most R = r1 + r2 (times
   1 + 2^-48) in each component, since the frame's entries are at most
   1 + 2^-52 in magnitude. */
INLINE void
momentum_step(lanes_t * st, vd * yn, vd * n1, vd * n2, vd * R,
              frame_t * fr, const unroll_scheme_fast_struct * ft, slong t,
              int n)
{
    const double h = MID(ft, UNROLL_POINT_H, t);
    const double dh = ERR(ft, UNROLL_POINT_H, t);
    const double m = MID(ft, UNROLL_POINT_M, t);
    const double dm = ERR(ft, UNROLL_POINT_M, t);
    const double o = MID(ft, UNROLL_POINT_ONEM, t);
    const double dor = ERR(ft, UNROLL_POINT_ONEM, t);
    const vd zero = { 0 };
    vd a, da, hl, p, r, g, f, py, pR;
    int k;

    hl = h * st->lam;
    a = o - hl;
    da = up(ROUND * (fabs(o) + vabs(hl)) + dor
            + dh * (vabs(st->lam) + st->dlam) + fabs(h) * st->dlam);
    frame_step(fr, a, m, st->c, st->s);

    UNROLL_ORDERS
    for (k = 0; k < n; k++)
        R[k] = (st->r1[k] + st->r2[k]) * (1.0 + 0x1p-46);

    UNROLL_ORDERS
    for (k = 0; k < n; k++)
    {
        py = k > 0 ? st->y1[k - 1] : zero;
        pR = k > 0 ? R[k - 1] : zero;
        p = a * st->y1[k];
        r = m * st->y2[k];
        g = ((double) k * h) * py;
        yn[k] = p - r - g;
        f = up(ROUND * (vabs(p) + vabs(r) + vabs(g))
               + da * (vabs(st->y1[k]) + R[k])
               + dm * (vabs(st->y2[k]) + R[k])
               + (double) k * (dh * vabs(py) + (fabs(h) + dh) * pR));
        n1[k] = up(fr->w11 * st->r1[k] + fr->w12 * st->r2[k] + fr->b1 * f);
        n2[k] = up(fr->w21 * st->r1[k] + fr->w22 * st->r2[k] + fr->b2 * f);
    }
}

/* z_t = c1 z_{t-2} + c2 y_t - c3 y_{t-2} and x_t = wx x_{t-1} + wz z_t
   with plain radii: the rules are first order, so their majorants do
   not outgrow them. */
INLINE void
average_step(lanes_t * st, vd * zn, vd * rzn, const vd * yn,
             const vd * Ryn, const vd * R2,
             const unroll_scheme_fast_struct * ft, slong t, int n)
{
    const double c1 = MID(ft, UNROLL_POINT_C1, t);
    const double d1 = ERR(ft, UNROLL_POINT_C1, t);
    const double c2 = MID(ft, UNROLL_POINT_C2, t);
    const double d2 = ERR(ft, UNROLL_POINT_C2, t);
    const double c3 = MID(ft, UNROLL_POINT_C3, t);
    const double d3 = ERR(ft, UNROLL_POINT_C3, t);
    const double wz = MID(ft, UNROLL_POINT_WZ, t);
    const double dz = ERR(ft, UNROLL_POINT_WZ, t);
    const double wx = MID(ft, UNROLL_POINT_WX, t);
    const double dx = ERR(ft, UNROLL_POINT_WX, t);
    vd p1, p2, p3;
    int k;

    UNROLL_ORDERS
    for (k = 0; k < n; k++)
    {
        p1 = c1 * st->z2[k];
        p2 = c2 * yn[k];
        p3 = c3 * st->y2[k];
        zn[k] = p1 + p2 - p3;
        rzn[k] = up(ROUND * (vabs(p1) + vabs(p2) + vabs(p3))
                    + (fabs(c1) + d1) * st->rz2[k] + d1 * vabs(st->z2[k])
                    + (fabs(c2) + d2) * Ryn[k] + d2 * vabs(yn[k])
                    + (fabs(c3) + d3) * R2[k] + d3 * vabs(st->y2[k]));

        p1 = wx * st->x[k];
        p2 = wz * zn[k];
        st->rx[k] = up(ROUND * (vabs(p1) + vabs(p2))
                       + (fabs(wx) + dx) * st->rx[k] + dx * vabs(st->x[k])
                       + (fabs(wz) + dz) * rzn[k] + dz * vabs(zn[k]));
        st->x[k] = p1 + p2;
    }
}

/* Multiplies the live arrays of lane i by 2^-e (exact but for
   underflow, whose loss the absolute terms of up cover) and records it,
   for the lanes whose entries have left [2^-400, 2^400] in size.  The
   state is linear and homogeneous, so a common factor per lane is
   harmless; keeping the entries at most 1, and the largest of the 40
   not far below, avoids overflow and subnormals.  The size is the sum
   of the absolute values, which needs no comparison between lanes. */
INLINE void
rescale(lanes_t * st, int n)
{
    vd * v[10] = { st->y1, st->y2, st->r1, st->r2, st->z1, st->z2,
                   st->rz1, st->rz2, st->x, st->rx };
    int live = st->averaged ? 10 : 4, a, k, i, e;
    vd size = { 0 };
    double d;

    /* The unused z and x of a momentum scheme must not count. */
    for (a = 0; a < live; a++)
        UNROLL_ORDERS
        for (k = 0; k < n; k++)
            size += vabs(v[a][k]);

    for (i = 0; i < W; i++)
    {
        d = size[i];
        if ((d > 0x1p-400 && d < 0x1p400) || !(d > 0 && d <= DBL_MAX))
            continue;
        frexp(d, &e);
        for (a = 0; a < live; a++)
            UNROLL_ORDERS
            for (k = 0; k < n; k++)
                v[a][k][i] = ldexp(v[a][k][i], -e);
        st->scale[i] += e;
    }
}

/* One step of every rule, then the shift of the sequences. */
INLINE void
step(lanes_t * st, const unroll_scheme_fast_struct * ft, slong t, int n)
{
    vd yn[K], n1[K], n2[K], R2[K], Ryn[K], zn[K], rzn[K];
    frame_t fr;
    int k;

    momentum_step(st, yn, n1, n2, R2, &fr, ft, t, n);
    if (st->averaged)
    {
        UNROLL_ORDERS
        for (k = 0; k < n; k++)
            Ryn[k] = up(vabs(fr.cn) * n1[k] + vabs(fr.sn) * n2[k]);
        average_step(st, zn, rzn, yn, Ryn, R2, ft, t, n);
    }

    UNROLL_ORDERS
    for (k = 0; k < n; k++)
    {
        st->y2[k] = st->y1[k];
        st->y1[k] = yn[k];
        st->r1[k] = n1[k];
        st->r2[k] = n2[k];
    }
    if (st->averaged)
        UNROLL_ORDERS
        for (k = 0; k < n; k++)
        {
            st->z2[k] = st->z1[k];
            st->rz2[k] = st->rz1[k];
            st->z1[k] = zn[k];
            st->rz1[k] = rzn[k];
        }
    st->c = fr.cn;
    st->s = fr.sn;
}

/* Steps t0 + 1..t1 of every lane, n orders.  The state is copied in
   and out so that the compiler may keep it in registers (the
   coefficient arrays could otherwise alias it), and n is a constant
   in each expansion so that the order loops unroll. */
INLINE void
steps_n(lanes_t * out, const unroll_scheme_fast_struct * ft, slong t0,
        slong t1, int n)
{
    lanes_t st = *out;
    slong t;

    for (t = t0 + 1; t <= t1; t++)
    {
        step(&st, ft, t, n);
        if ((t & 31) == 0)
            rescale(&st, n);
    }
    *out = st;
}

static CLONES void
steps(lanes_t * st, const unroll_scheme_fast_struct * ft, slong t0,
      slong t1)
{
    switch (st->n)
    {
        case 1:
            steps_n(st, ft, t0, t1, 1);
            break;
        case 2:
            steps_n(st, ft, t0, t1, 2);
            break;
        case 3:
            steps_n(st, ft, t0, t1, 3);
            break;
        default:
            steps_n(st, ft, t0, t1, K);
    }
}

/* The ball of lane i for the chosen stage: midpoint and radius times
   2^scale.  Returns 0 if they are not finite. */
static int
put(arb_ptr jet, const lanes_t * st, slong i, int stage, int order)
{
    double m, r;
    int k;

    for (k = 0; k <= order; k++)
    {
        if (!st->averaged || stage == UNROLL_STAGE_Y)
        {
            m = st->y1[k][i];
            r = fabs(st->c[i]) * st->r1[k][i] + fabs(st->s[i]) * st->r2[k][i];
            r = r * (1.0 + 0x1p-46) + 0x1p-1050;
        }
        else if (stage == UNROLL_STAGE_Z)
        {
            m = st->z1[k][i];
            r = st->rz1[k][i];
        }
        else
        {
            m = st->x[k][i];
            r = st->rx[k][i];
        }
        if (!isfinite(m) || !isfinite(r))
            return 0;
        arb_set_d(jet + k, m);
        mag_set_d(arb_radref(jet + k), r);
        arb_mul_2exp_si(jet + k, jet + k, st->scale[i]);
    }
    return 1;
}

/* Runs n <= W points side by side, one lane each; unused lanes run at
   lambda = 0.  Lane i writes jet + i (order + 1), or all + (i (T + 1) +
   t) (order + 1) after every step t, and sets ok[i]. */
static int
run(arb_ptr jet, arb_ptr all, int * ok, const unroll_scheme_fast_t ft,
    arb_srcptr lambda, slong n, slong T, int stage, int order)
{
    lanes_t st;
    slong t, i, w = order + 1;
    double d, e;
    int done = 0;

    if (T < 0 || T > ft->T || order < 0 || order > UNROLL_POINT_ORDER_MAX
        || n < 1 || n > W)
        flint_abort();

    lanes_init(&st, order, ft->kind == UNROLL_SCHEME_AVERAGED);
    for (i = 0; i < n; i++)
    {
        ok[i] = ft->ok && _unroll_scheme_fast_ball(&d, &e, lambda + i);
        if (ok[i])
        {
            st.lam[i] = d;
            st.dlam[i] = e;
        }
    }

    if (all == NULL)
        steps(&st, ft, 0, T);
    else
        for (t = 0; t <= T; t++)
        {
            if (t > 0)
                steps(&st, ft, t - 1, t);
            for (i = 0; i < n; i++)
                if (ok[i])
                    ok[i] = put(all + (i * (T + 1) + t) * w, &st, i, stage,
                                order);
        }

    for (i = 0; i < n; i++)
    {
        if (ok[i] && jet != NULL)
            ok[i] = put(jet + i * w, &st, i, stage, order);
        done += ok[i];
    }
    return done;
}

int
unroll_scheme_fast_jet(arb_ptr jet, const unroll_scheme_fast_t ft,
                       const arb_t lambda, slong t, int stage, int order)
{
    int ok;

    return run(jet, NULL, &ok, ft, lambda, 1, t, stage, order);
}

int
unroll_scheme_fast_jet_vec(arb_ptr jets, int * ok,
                           const unroll_scheme_fast_t ft, arb_srcptr lambdas,
                           slong n, slong t, int stage, int order)
{
    return run(jets, NULL, ok, ft, lambdas, n, t, stage, order);
}

int
unroll_scheme_fast_jets(arb_ptr jets, const unroll_scheme_fast_t ft,
                        const arb_t lambda, slong T, int stage, int order)
{
    int ok;

    return run(NULL, jets, &ok, ft, lambda, 1, T, stage, order);
}

int
unroll_scheme_fast_jets_vec(arb_ptr jets, int * ok,
                            const unroll_scheme_fast_t ft,
                            arb_srcptr lambdas, slong n, slong T, int stage,
                            int order)
{
    return run(NULL, jets, ok, ft, lambdas, n, T, stage, order);
}
