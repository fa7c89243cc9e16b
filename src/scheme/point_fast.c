#include <math.h>

#include "impl.h"

#define K (UNROLL_POINT_ORDER_MAX + 1)

/* Error bounds are evaluated in round-to-nearest on nonnegative numbers
   by expressions of fewer than a hundred operations: the computed value
   times 1 + 100u, plus a hundred times the largest absolute error of an
   operation on subnormals (2^-1075), bounds the exact one. */
static inline double
up(double x)
{
    return x * (1.0 + 0x1p-46) + 0x1p-1050;
}

/* Relative rounding error of an expression of at most four roundings
   (4u = 2^-51), with a factor two of margin. */
#define ROUND 0x1p-50

/* The midpoints of the running sequences (y1 = y_{t-1}, y2 = y_{t-2},
   z1, z2 likewise, x = x_{t-1}), all multiplied by 2^-scale.  The error
   of (y1, y2) is A r with A = [[c, -s], [s, c]] the frame and |r_i| <=
   r1, r2; the other sequences carry plain radii. */
typedef struct
{
    double y1[K], y2[K], r1[K], r2[K];
    double z1[K], z2[K], rz1[K], rz2[K];
    double x[K], rx[K];
    double c, s;
    slong scale;
    int n;          /* orders carried: order + 1 */
}
state_t;

/* The coefficients of step t and the point. */
typedef struct
{
    double h, dh, m, dm, o, dor;
    double lam, dlam;
}
coefs_t;

static void
state_init(state_t * st, int order)
{
    int k;

    for (k = 0; k < K; k++)
    {
        st->y1[k] = st->y2[k] = st->z1[k] = st->z2[k] = st->x[k] = 0;
        st->r1[k] = st->r2[k] = st->rz1[k] = st->rz2[k] = st->rx[k] = 0;
    }
    st->y1[0] = st->y2[0] = st->z1[0] = st->z2[0] = st->x[0] = 1;
    st->c = 1;
    st->s = 0;
    st->scale = 0;
    st->n = order + 1;
}

#define MID(ft, row, t) ((ft)->mid[(row) * ((ft)->T + 1) + (t)])
#define ERR(ft, row, t) ((ft)->err[(row) * ((ft)->T + 1) + (t)])

/* The frame step: with M = [[a, -m], [1, 0]] and C = M A, the new frame
   A' has the direction of C's first column, and in the new coordinates
   the step is W = A'^-1 M A, upper triangular up to rounding.  A' is
   exactly [[cn, -sn], [sn, cn]] with cn^2 + sn^2 = q close to 1, so
   A'^-1 = A'^T / q exactly and everything below bounds the exact W and
   A'^-1 entrywise.  Row two of M is exact. */
typedef struct
{
    double cn, sn;
    double w11, w12, w21, w22;
    double b1, b2;          /* |A'^-1| applied to (1, 0) */
}
frame_t;

static void
frame_step(frame_t * fr, double a, double m, double c, double s)
{
    double C11, C12, C21, C22, E11, E12, n, ib;

    C11 = a * c - m * s;
    C12 = -(a * s) - m * c;
    C21 = c;
    C22 = -s;
    E11 = ROUND * (fabs(a * c) + fabs(m * s));
    E12 = ROUND * (fabs(a * s) + fabs(m * c));

    /* Any invertible frame is valid; a degenerate column keeps I.  The
       plain square root is exact enough (the frame need not be
       orthonormal) and hypot is only needed when the squares overflow. */
    n = sqrt(C11 * C11 + C21 * C21);
    if (!isfinite(n))
        n = hypot(C11, C21);
    fr->cn = 1;
    fr->sn = 0;
    if (n > 0 && isfinite(n))
    {
        fr->cn = C11 / n;
        fr->sn = C21 / n;
    }

    /* q is computed within a relative 2^-51; 1 / q within u. */
    ib = (1.0 + 0x1p-46) / (fr->cn * fr->cn + fr->sn * fr->sn);
    fr->w11 = up(ib * (fabs(fr->cn * C11 + fr->sn * C21) + fabs(fr->cn) * E11
                       + ROUND * (fabs(fr->cn * C11) + fabs(fr->sn * C21))));
    fr->w12 = up(ib * (fabs(fr->cn * C12 + fr->sn * C22) + fabs(fr->cn) * E12
                       + ROUND * (fabs(fr->cn * C12) + fabs(fr->sn * C22))));
    fr->w21 = up(ib * (fabs(fr->cn * C21 - fr->sn * C11) + fabs(fr->sn) * E11
                       + ROUND * (fabs(fr->cn * C21) + fabs(fr->sn * C11))));
    fr->w22 = up(ib * (fabs(fr->cn * C22 - fr->sn * C12) + fabs(fr->sn) * E12
                       + ROUND * (fabs(fr->cn * C22) + fabs(fr->sn * C12))));
    fr->b1 = up(ib * fabs(fr->cn));
    fr->b2 = up(ib * fabs(fr->sn));
}

/* y_t^(k) = a y_{t-1}^(k) - m y_{t-2}^(k) - k h y_{t-1}^(k-1) on the
   midpoints.  The error of step t obeys the same recurrence with the
   exact coefficients, forced by f: the rounding of the midpoints and
   the coefficients' own errors (da, dm, dh) times the values they
   multiply.  The lower order's error term k h e^(k-1) is forcing too.
   Errors are at most R = r1 + r2 (times 1 + 2^-48) in each component,
   since the frame's entries are at most 1 + 2^-50 in magnitude.  The
   loops have no dependence between orders, so that they vectorise. */
static void
momentum_step(state_t * st, double * yn, double * n1, double * n2,
              double * R, frame_t * fr, const coefs_t * q)
{
    static const double km[K] = { 0, 1, 2, 3 };
    double a, da, hl, p, r, g, f, py[K], pR[K];
    int k;

    hl = q->h * q->lam;
    a = q->o - hl;
    da = up(ROUND * (fabs(q->o) + fabs(hl)) + q->dor
            + q->dh * (fabs(q->lam) + q->dlam) + fabs(q->h) * q->dlam);
    frame_step(fr, a, q->m, st->c, st->s);

    for (k = 0; k < st->n; k++)
        R[k] = (st->r1[k] + st->r2[k]) * (1.0 + 0x1p-46);
    py[0] = pR[0] = 0;
    for (k = 1; k < st->n; k++)
    {
        py[k] = st->y1[k - 1];
        pR[k] = R[k - 1];
    }

    for (k = 0; k < st->n; k++)
    {
        p = a * st->y1[k];
        r = q->m * st->y2[k];
        g = (km[k] * q->h) * py[k];
        yn[k] = p - r - g;
        f = up(ROUND * (fabs(p) + fabs(r) + fabs(g))
               + da * (fabs(st->y1[k]) + R[k])
               + q->dm * (fabs(st->y2[k]) + R[k])
               + km[k] * (q->dh * fabs(py[k])
                          + (fabs(q->h) + q->dh) * pR[k]));
        n1[k] = up(fr->w11 * st->r1[k] + fr->w12 * st->r2[k] + fr->b1 * f);
        n2[k] = up(fr->w21 * st->r1[k] + fr->w22 * st->r2[k] + fr->b2 * f);
    }
}

/* z_t = c1 z_{t-2} + c2 y_t - c3 y_{t-2} and x_t = wx x_{t-1} + wz z_t
   with plain radii: the rules are first order, so their majorants do
   not outgrow them. */
static void
average_step(state_t * st, double * zn, double * rzn, const double * yn,
             const double * Ryn, const double * R2,
             const unroll_scheme_fast_t ft, slong t)
{
    double c1 = MID(ft, UNROLL_POINT_C1, t), d1 = ERR(ft, UNROLL_POINT_C1, t);
    double c2 = MID(ft, UNROLL_POINT_C2, t), d2 = ERR(ft, UNROLL_POINT_C2, t);
    double c3 = MID(ft, UNROLL_POINT_C3, t), d3 = ERR(ft, UNROLL_POINT_C3, t);
    double wz = MID(ft, UNROLL_POINT_WZ, t), dz = ERR(ft, UNROLL_POINT_WZ, t);
    double wx = MID(ft, UNROLL_POINT_WX, t), dx = ERR(ft, UNROLL_POINT_WX, t);
    double p1, p2, p3;
    int k;

    for (k = 0; k < st->n; k++)
    {
        p1 = c1 * st->z2[k];
        p2 = c2 * yn[k];
        p3 = c3 * st->y2[k];
        zn[k] = p1 + p2 - p3;
        rzn[k] = up(ROUND * (fabs(p1) + fabs(p2) + fabs(p3))
                    + (fabs(c1) + d1) * st->rz2[k] + d1 * fabs(st->z2[k])
                    + (fabs(c2) + d2) * Ryn[k] + d2 * fabs(yn[k])
                    + (fabs(c3) + d3) * R2[k] + d3 * fabs(st->y2[k]));

        p1 = wx * st->x[k];
        p2 = wz * zn[k];
        st->rx[k] = up(ROUND * (fabs(p1) + fabs(p2))
                       + (fabs(wx) + dx) * st->rx[k] + dx * fabs(st->x[k])
                       + (fabs(wz) + dz) * rzn[k] + dz * fabs(zn[k]));
        st->x[k] = p1 + p2;
    }
}

/* Multiplies the first n arrays of midpoints and radii by 2^-e (exact)
   and records it.
   The state is linear and homogeneous, so a common factor is harmless;
   keeping the largest entry near 1 avoids overflow and subnormals. */
static void
rescale(state_t * st, int n)
{
    double * v[10] = { st->y1, st->y2, st->r1, st->r2, st->z1, st->z2,
                       st->rz1, st->rz2, st->x, st->rx };
    double mx = 0;
    int i, k, e;

    for (i = 0; i < n; i++)
        for (k = 0; k < st->n; k++)
            if (fabs(v[i][k]) > mx)
                mx = fabs(v[i][k]);
    if (!(mx > 0x1p-400 && mx < 0x1p400) && mx > 0 && isfinite(mx))
    {
        frexp(mx, &e);
        for (i = 0; i < n; i++)
            for (k = 0; k < st->n; k++)
                v[i][k] = ldexp(v[i][k], -e);
        st->scale += e;
    }
}

/* The ball of the chosen stage: midpoint and radius times 2^scale.
   Returns 0 if they are not finite. */
static int
put(arb_ptr jet, const state_t * st, int momentum, int stage, int order)
{
    double m, r;
    int k;

    for (k = 0; k <= order; k++)
    {
        if (momentum || stage == UNROLL_STAGE_Y)
        {
            m = st->y1[k];
            r = up(fabs(st->c) * st->r1[k] + fabs(st->s) * st->r2[k]);
        }
        else if (stage == UNROLL_STAGE_Z)
        {
            m = st->z1[k];
            r = st->rz1[k];
        }
        else
        {
            m = st->x[k];
            r = st->rx[k];
        }
        if (!isfinite(m) || !isfinite(r))
            return 0;
        arb_set_d(jet + k, m);
        mag_set_d(arb_radref(jet + k), r);
        arb_mul_2exp_si(jet + k, jet + k, st->scale);
    }
    return 1;
}

static void
load(coefs_t * q, const unroll_scheme_fast_t ft, slong t)
{
    q->h = MID(ft, UNROLL_POINT_H, t);
    q->dh = ERR(ft, UNROLL_POINT_H, t);
    q->m = MID(ft, UNROLL_POINT_M, t);
    q->dm = ERR(ft, UNROLL_POINT_M, t);
    q->o = MID(ft, UNROLL_POINT_ONEM, t);
    q->dor = ERR(ft, UNROLL_POINT_ONEM, t);
}

/* One step of every rule, then the shift of the sequences. */
static void
step(state_t * st, const unroll_scheme_fast_t ft, coefs_t * q, slong t)
{
    double yn[K], n1[K], n2[K], R2[K], Ryn[K], zn[K], rzn[K];
    frame_t fr;
    int k;

    load(q, ft, t);
    momentum_step(st, yn, n1, n2, R2, &fr, q);
    if (ft->kind == UNROLL_SCHEME_AVERAGED)
    {
        for (k = 0; k < st->n; k++)
            Ryn[k] = up(fabs(fr.cn) * n1[k] + fabs(fr.sn) * n2[k]);
        average_step(st, zn, rzn, yn, Ryn, R2, ft, t);
    }

    for (k = 0; k < st->n; k++)
    {
        st->y2[k] = st->y1[k];
        st->y1[k] = yn[k];
        st->r1[k] = n1[k];
        st->r2[k] = n2[k];
        if (ft->kind != UNROLL_SCHEME_AVERAGED)
            continue;
        st->z2[k] = st->z1[k];
        st->rz2[k] = st->rz1[k];
        st->z1[k] = zn[k];
        st->rz1[k] = rzn[k];
    }
    st->c = fr.cn;
    st->s = fr.sn;
    /* The unused z and x of a momentum scheme must not count. */
    if ((t & 31) == 0)
        rescale(st, ft->kind == UNROLL_SCHEME_AVERAGED ? 10 : 4);
}

/* Runs n <= UNROLL_FAST_LANES points side by side: their recurrences
   are independent, so the processor overlaps the long latency chains
   of one step (a square root and divisions in the frame) across
   points.  Lane i writes jet + i (order + 1), or all + (i (T + 1) + t)
   (order + 1) after every step t, and sets ok[i]. */
static int
run(arb_ptr jet, arb_ptr all, int * ok, const unroll_scheme_fast_t ft,
    arb_srcptr lambda, slong n, slong T, int stage, int order)
{
    int momentum = ft->kind != UNROLL_SCHEME_AVERAGED, done = 0;
    state_t st[UNROLL_FAST_LANES];
    coefs_t q[UNROLL_FAST_LANES];
    slong t, i, w = order + 1;

    if (T < 0 || T > ft->T || order < 0 || order > UNROLL_POINT_ORDER_MAX
        || n < 1 || n > UNROLL_FAST_LANES)
        flint_abort();

    for (i = 0; i < n; i++)
    {
        ok[i] = ft->ok && _unroll_scheme_fast_ball(&q[i].lam, &q[i].dlam,
                                                   lambda + i);
        state_init(st + i, order);
        if (ok[i] && all != NULL)
            ok[i] = put(all + i * (T + 1) * w, st + i, momentum, stage,
                        order);
    }
    for (t = 1; t <= T; t++)
        for (i = 0; i < n; i++)
        {
            step(st + i, ft, q + i, t);
            if (ok[i] && all != NULL)
                ok[i] = put(all + (i * (T + 1) + t) * w, st + i, momentum,
                            stage, order);
        }
    for (i = 0; i < n; i++)
    {
        if (ok[i] && jet != NULL)
            ok[i] = put(jet + i * w, st + i, momentum, stage, order);
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
