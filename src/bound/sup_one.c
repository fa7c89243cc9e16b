#include <float.h>
#include <math.h>

#include "impl.h"

/* A cell [u_a, u_b] between two evaluated nodes, with an upper bound of
   |g| on it.  The cells wait in a max-heap on that bound: refining the
   worst cell first raises the best value found quickly, and the search
   stops as soon as the worst remaining bound is within the tolerance. */
typedef struct
{
    slong a;
    slong b;
    int mono;           /* -1: not tested yet; 1: |g| monotone on it */
    int npre;           /* ends that were precise when bound was set */
    arf_struct bound;
}
cell_t;

typedef struct
{
    cell_t * v;
    slong len;
    slong alloc;
}
heap_t;

static void
heap_swap(heap_t * H, slong i, slong j)
{
    cell_t c = H->v[i];

    H->v[i] = H->v[j];
    H->v[j] = c;
}

static void
heap_push(heap_t * H, slong a, slong b, int mono, int npre,
          const arf_t bound)
{
    slong i, p;

    if (H->len == H->alloc)
    {
        H->alloc = FLINT_MAX(64, 2 * H->alloc);
        H->v = flint_realloc(H->v, sizeof(cell_t) * H->alloc);
    }
    i = H->len++;
    H->v[i].a = a;
    H->v[i].b = b;
    H->v[i].mono = mono;
    H->v[i].npre = npre;
    arf_init(&H->v[i].bound);
    arf_set(&H->v[i].bound, bound);
    for (; i > 0 && arf_cmp(&H->v[p = (i - 1) / 2].bound,
                            &H->v[i].bound) < 0; i = p)
        heap_swap(H, i, p);
}

/* Removes the top cell (the caller has copied what it needs). */
static void
heap_pop(heap_t * H)
{
    slong i = 0, c;

    arf_clear(&H->v[0].bound);
    H->v[0] = H->v[--H->len];
    while ((c = 2 * i + 1) < H->len)
    {
        if (c + 1 < H->len && arf_cmp(&H->v[c + 1].bound,
                                      &H->v[c].bound) > 0)
            c++;
        if (arf_cmp(&H->v[i].bound, &H->v[c].bound) >= 0)
            break;
        heap_swap(H, i, c);
        i = c;
    }
}

static void
heap_clear(heap_t * H)
{
    slong i;

    for (i = 0; i < H->len; i++)
        arf_clear(&H->v[i].bound);
    flint_free(H->v);
}

/* The state of one search: the function, Bernstein's constants
   B1 >= max |g'|, B2 >= max |g''| / 2 and B3 >= max |g'''| / 6, and
   the best value found. */
typedef struct
{
    _unroll_bound_ctx_t * ctx;
    int f;
    arf_t b1;
    arf_t b2;
    arf_t b3;
    arf_t lo;
    slong best;
    slong cprec;        /* precision of the cell bounds */
    slong escale;       /* the double screen works in units 2^escale */
    double lo_d;        /* lo in those units, rounded down */
    double db[3];       /* B1, B2, B3 in those units, rounded up */
    arf_t tmp;
    mag_t tmag;
}
search_t;

/* An upper bound of |g(u_0 + s)| over s in [0, h] from the jet (g0, g1,
   g2) at u_0: the least of the Taylor bounds of order 2, 1 and 0, whose
   remainders use Bernstein's constants.  The lower orders decide where
   the floating-point radius of g'' (or g') dwarfs its value, as happens
   away from the ends at large t: the cubic bound is useless there, the
   others still settle the cell. */
static void
half_bound(arf_t res, const search_t * S, const arb_t g0, const arb_t g1,
           const arb_t g2, const arf_t h)
{
    slong prec = S->cprec;
    arf_t r, q;
    arb_t v;

    arf_init(r);
    arf_init(q);
    arb_init(v);

    _unroll_bound_quad_max(res, g0, g1, g2, h, prec);
    arf_mul(r, h, h, prec, ARF_RND_UP);
    arf_mul(r, r, h, prec, ARF_RND_UP);
    arf_mul(r, r, S->b3, prec, ARF_RND_UP);
    arf_add(res, res, r, prec, ARF_RND_UP);

    /* A line is largest in absolute value at an end of [0, h]. */
    arb_get_abs_ubound_arf(q, g0, prec);
    arb_mul_arf(v, g1, h, prec);
    arb_add(v, v, g0, prec);
    arb_get_abs_ubound_arf(r, v, prec);
    arf_max(q, q, r);
    arf_mul(r, h, h, prec, ARF_RND_UP);
    arf_mul(r, r, S->b2, prec, ARF_RND_UP);
    arf_add(q, q, r, prec, ARF_RND_UP);
    arf_min(res, res, q);

    arb_get_abs_ubound_arf(q, g0, prec);
    arf_mul(r, h, S->b1, prec, ARF_RND_UP);
    arf_add(q, q, r, prec, ARF_RND_UP);
    arf_min(res, res, q);

    arb_clear(v);
    arf_clear(q);
    arf_clear(r);
}

/* ---- the same bounds in double precision, as a screen ---------------

   Most cells lie far below the target, and their bound needs no
   multiprecision arithmetic: the jets are read as doubles scaled by
   2^-escale (escale the exponent of the largest grid value, so that
   the values that matter are near 1), the bounds of half_bound are
   evaluated in round-to-nearest on nonnegative terms with explicit
   terms for the rounding of the signed ones, and the result is
   inflated by 1 + 2^-40 (some 40 roundings) plus 2^-1000 (underflow).
   A cell is settled this way when that bound is at most lo, read
   rounded down; otherwise half_bound decides. */

#define DROUND 0x1p-50

/* A ball as [m - r, m + r] in scaled doubles: r bounds the radius and
   the rounding of the midpoint (half an ulp, or 2^-1075 below the
   normal range). */
static void
scaled(double * m, double * r, search_t * S, const arb_t x)
{
    arf_mul_2exp_si(S->tmp, arb_midref(x), -S->escale);
    *m = arf_get_d(S->tmp, ARF_RND_NEAR);
    mag_mul_2exp_si(S->tmag, arb_radref(x), -S->escale);
    *r = (mag_get_d(S->tmag) + fabs(*m) * 0x1p-52 + 0x1p-1074)
         * (1.0 + 0x1p-50);
}

/* The three bounds of half_bound for the jet (m, r) over [0, h]. */
static double
half_bound_d(const search_t * S, const double * m, const double * r,
             double h)
{
    double a, lin, q, v, s, quad, res;

    a = fabs(m[0]) + r[0];
    res = a + S->db[0] * h;

    lin = fabs(m[0] + m[1] * h) + DROUND * (fabs(m[0]) + fabs(m[1]) * h)
          + r[0] + r[1] * h;
    res = fmin(res, fmax(a, lin) + S->db[1] * h * h);

    /* |q| on [0, h] for the midpoint quadratic: at an end or at the
       vertex -m1 / m2, whose value m0 - m1^2 / (2 m2) is taken when the
       computed vertex lies in [0, h] up to a margin far above its
       rounding. */
    if (!(r[2] <= DBL_MAX) || !isfinite(m[2]))
        return res;
    q = fabs(m[0] + m[1] * h + 0.5 * m[2] * h * h)
        + DROUND * (fabs(m[0]) + fabs(m[1]) * h + 0.5 * fabs(m[2]) * h * h);
    quad = fmax(fabs(m[0]), q);
    if (m[2] != 0)
    {
        s = -m[1] / m[2];
        if (s > -h / 8 && s < h + h / 8)
        {
            v = m[1] * m[1] / (2 * m[2]);
            quad = fmax(quad, fabs(m[0] - v)
                        + DROUND * (fabs(m[0]) + fabs(v)));
        }
    }
    quad += r[0] + r[1] * h + 0.5 * r[2] * h * h + S->db[2] * h * h * h;
    return fmin(res, quad);
}

/* Settles [u_a, u_b] in double precision if it can: sets res to a
   rigorous bound at most lo and returns 1, else returns 0. */
static int
cell_bound_d(arf_t res, search_t * S, slong a, slong b)
{
    const arb_struct * g[2] = { S->ctx->nodes[a].g[S->f],
                                S->ctx->nodes[b].g[S->f] };
    double m[3], r[3], h, w = 0;
    int i, k;

    if (!(S->lo_d > 0))
        return 0;
    arf_sub(S->tmp, &S->ctx->nodes[b].u, &S->ctx->nodes[a].u,
            ARF_PREC_EXACT, ARF_RND_DOWN);
    h = 0.5 * arf_get_d(S->tmp, ARF_RND_UP);

    for (i = 0; i < 2; i++)
    {
        for (k = 0; k < 3; k++)
            scaled(m + k, r + k, S, g[i] + k);
        /* fmin and fmax would drop a NaN term: only finite values and
           derivatives enter (g'' may be unknown, then it is skipped). */
        for (k = 0; k < 2; k++)
            if (!isfinite(m[k]) || !(r[k] <= DBL_MAX))
                return 0;
        if (i == 1)
            m[1] = -m[1];
        w = fmax(w, half_bound_d(S, m, r, h));
    }
    w = w * (1.0 + 0x1p-40) + 0x1p-1000;
    if (!(w <= S->lo_d))
        return 0;
    arf_set_d(res, w);
    arf_mul_2exp_si(res, res, S->escale);
    return 1;
}

/* Upper bound of |g| on [u_a, u_b]: from each end over half the cell
   (from u_b the cell runs backwards, so g' changes sign). */
static void
cell_bound(arf_t res, search_t * S, slong a, slong b)
{
    const arb_struct * ga = S->ctx->nodes[a].g[S->f];
    const arb_struct * gb = S->ctx->nodes[b].g[S->f];
    arf_t h, q;
    arb_t d;

    if (cell_bound_d(res, S, a, b))
        return;

    arf_init(h);
    arf_init(q);
    arb_init(d);

    arf_sub(h, &S->ctx->nodes[b].u, &S->ctx->nodes[a].u, ARF_PREC_EXACT,
            ARF_RND_DOWN);
    arf_mul_2exp_si(h, h, -1);
    half_bound(res, S, ga, ga + 1, ga + 2, h);
    arb_neg(d, gb + 1);
    half_bound(q, S, gb, d, gb + 2, h);
    arf_max(res, res, q);

    arb_clear(d);
    arf_clear(q);
    arf_clear(h);
}

static void
consider(search_t * S, slong i)
{
    arf_t a;

    arf_init(a);
    arb_get_abs_lbound_arf(a, &S->ctx->nodes[i].g[S->f][0], S->ctx->prec);
    if (S->best < 0 || arf_cmp(a, S->lo) > 0)
    {
        arf_swap(S->lo, a);
        S->best = i;
        arf_mul_2exp_si(S->tmp, S->lo, -S->escale);
        S->lo_d = arf_get_d(S->tmp, ARF_RND_DOWN);
    }
    arf_clear(a);
}

/* Bernstein: g(u) = f(lambda(u)) is a trigonometric polynomial of degree
   n in pi u, so the k-th derivative of g (which is that of g - c for any
   constant c) is at most (pi n)^k V in absolute value, with
   V = max |g - c|; take c = (max g + min g) / 2, so V is half the
   oscillation of g.  The maximum and the minimum of g are critical
   points of the even periodic g (the ends u = 0, 1 included), so the
   nearest grid node lies within half a spacing d / 2 of each and
   2V <= (grid max - grid min) + (pi n d)^2 V / 4, that is
   V <= osc / (2 (1 - (pi n d)^2 / 8)).  Then B_k = (pi n)^k V / k!
   bounds the k-th derivative over k!, for k = 1, 2, 3.  Using the
   oscillation rather than max |g| makes nearly constant functions
   (E_1 = 1) cheap. */
static void
bernstein(search_t * S, slong n)
{
    const _unroll_bound_ctx_t * ctx = S->ctx;
    slong prec = ctx->prec, j;
    arb_t m, k, one;
    arf_t a, gmax, gmin;

    arb_init(m);
    arb_init(k);
    arb_init(one);
    arf_init(a);
    arf_init(gmax);
    arf_init(gmin);

    arb_get_ubound_arf(gmax, &ctx->nodes[0].g[S->f][0], prec);
    arb_get_lbound_arf(gmin, &ctx->nodes[0].g[S->f][0], prec);
    for (j = 1; j <= ctx->N; j++)
    {
        arb_get_ubound_arf(a, &ctx->nodes[j].g[S->f][0], prec);
        arf_max(gmax, gmax, a);
        arb_get_lbound_arf(a, &ctx->nodes[j].g[S->f][0], prec);
        arf_min(gmin, gmin, a);
    }
    arf_sub(arb_midref(m), gmax, gmin, prec, ARF_RND_UP);
    arb_mul_2exp_si(m, m, -1);

    /* The grid spacing is 1/N up to the rounding of the nodes to 64-bit
       dyadics: at most 1/N + 2^-62. */
    arb_one(k);
    arb_div_si(k, k, ctx->spacing, prec);
    arb_add_error_2exp_si(k, -62);
    arb_mul_si(k, k, n, prec);
    arb_mul(k, k, ctx->pi, prec);
    arb_sqr(k, k, prec);
    arb_mul_2exp_si(k, k, -3);
    arb_one(one);
    arb_sub(k, one, k, prec);
    arb_div(m, m, k, prec);

    /* m = V, then (pi n) V, (pi n)^2 V / 2 and (pi n)^3 V / 6. */
    arb_mul_si(k, ctx->pi, n, prec);
    arb_mul(m, m, k, prec);
    arb_get_ubound_arf(S->b1, m, prec);
    arb_mul(m, m, k, prec);
    arb_mul_2exp_si(m, m, -1);
    arb_get_ubound_arf(S->b2, m, prec);
    arb_mul(m, m, k, prec);
    arb_div_ui(m, m, 3, prec);
    arb_get_ubound_arf(S->b3, m, prec);
    for (j = 0; j < 3; j++)
    {
        arf_mul_2exp_si(S->tmp, j == 0 ? S->b1 : j == 1 ? S->b2 : S->b3,
                        -S->escale);
        S->db[j] = arf_get_d(S->tmp, ARF_RND_UP);
    }

    arf_clear(gmin);
    arf_clear(gmax);
    arf_clear(a);
    arb_clear(one);
    arb_clear(k);
    arb_clear(m);
}

/* If P'' has no root for lambda in the cell, then g is monotone there
   for both functions (E' = -lambda P'', g' = f'(lambda) lambda'(u) and
   lambda' keeps its sign), so |g| is at most its value at an end.  One
   floating-point evaluation on the whole cell decides it, which ends
   the search next to a maximum at l or L, where Taylor cells would be
   bisected some twenty times. */
static int
is_monotone(const search_t * S, slong a, slong b)
{
    const _unroll_bound_ctx_t * ctx = S->ctx;
    arb_struct jet[UNROLL_POINT_ORDER_MAX + 1];
    arb_t la, lb, s, c;
    int k, res;

    for (k = 0; k <= UNROLL_POINT_ORDER_MAX; k++)
        arb_init(jet + k);
    arb_init(la);
    arb_init(lb);
    arb_init(s);
    arb_init(c);

    _unroll_bound_point(la, s, c, ctx, &ctx->nodes[a].u);
    _unroll_bound_point(lb, s, c, ctx, &ctx->nodes[b].u);
    arb_union(la, la, lb, ctx->prec);
    res = ctx->ft != NULL
        && unroll_scheme_fast_jet(jet, ctx->ft, la, ctx->t, ctx->stage, 2)
        && !arb_contains_zero(jet + 2);

    arb_clear(c);
    arb_clear(s);
    arb_clear(lb);
    arb_clear(la);
    for (k = 0; k <= UNROLL_POINT_ORDER_MAX; k++)
        arb_clear(jet + k);
    return res;
}

/* The bound of a cell: Taylor, and on a monotone cell the larger end. */
static void
full_bound(arf_t res, search_t * S, slong a, slong b, int mono)
{
    slong prec = S->ctx->prec;
    arf_t x, y;

    cell_bound(res, S, a, b);
    if (mono != 1)
        return;

    arf_init(x);
    arf_init(y);
    arb_get_abs_ubound_arf(x, &S->ctx->nodes[a].g[S->f][0], prec);
    arb_get_abs_ubound_arf(y, &S->ctx->nodes[b].g[S->f][0], prec);
    arf_max(x, x, y);
    arf_min(res, res, x);
    arf_clear(x);
    arf_clear(y);
}

/* Whether node i's value may exceed the target (an end of a monotone
   cell that could hold the maximum). */
static int
may_exceed(const search_t * S, slong i, const arf_t target)
{
    arf_t x;
    int res;

    arf_init(x);
    arb_get_abs_ubound_arf(x, &S->ctx->nodes[i].g[S->f][0], S->cprec);
    res = arf_cmp(x, target) > 0;
    arf_clear(x);
    return res;
}

/* Whether the radii of the ends are what keeps the Taylor cell [a, b]
   above the target: the same bound from the midpoints alone (not an
   enclosure, only a guide) would be below it.  Otherwise the cell is
   too wide for its Bernstein remainders, and halving it, with
   floating-point nodes, is far cheaper than balls at its ends. */
static int
radii_matter(const search_t * S, slong a, slong b, const arf_t target)
{
    const _unroll_bound_node_t * n[2] = { S->ctx->nodes + a,
                                          S->ctx->nodes + b };
    arb_struct g[2][3];
    arf_t h, w, q;
    int i, k, res;

    arf_init(h);
    arf_init(w);
    arf_init(q);
    for (i = 0; i < 2; i++)
        for (k = 0; k < 3; k++)
        {
            arb_init(&g[i][k]);
            arf_set(arb_midref(&g[i][k]), arb_midref(&n[i]->g[S->f][k]));
        }

    arf_sub(h, &n[1]->u, &n[0]->u, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_mul_2exp_si(h, h, -1);
    arb_neg(&g[1][1], &g[1][1]);
    half_bound(w, S, g[0], g[0] + 1, g[0] + 2, h);
    half_bound(q, S, g[1], g[1] + 1, g[1] + 2, h);
    arf_max(w, w, q);
    res = arf_cmp(w, target) <= 0;

    for (i = 0; i < 2; i++)
        for (k = 0; k < 3; k++)
            arb_clear(&g[i][k]);
    arf_clear(q);
    arf_clear(w);
    arf_clear(h);
    return res;
}

/* Whether [u_a, u_b] is wider than an eighth of the grid spacing.  Near
   the ends the floating-point radii of g' and g'' are large, so that
   only the bound of order 0 settles a cell there, and only once it is
   narrow: three halvings (floating-point nodes, some t operations
   each) cost less than balls at one end (t multiprecision steps). */
static int
wide(const search_t * S, slong a, slong b)
{
    arf_t w;
    int res;

    arf_init(w);
    arf_sub(w, &S->ctx->nodes[b].u, &S->ctx->nodes[a].u, ARF_PREC_EXACT,
            ARF_RND_DOWN);
    arf_mul_si(w, w, 8 * S->ctx->spacing, ARF_PREC_EXACT, ARF_RND_DOWN);
    res = arf_cmp_si(w, 1) > 0;
    arf_clear(w);
    return res;
}

/* How many ends of [u_a, u_b] are precise. */
static int
precise_ends(const search_t * S, slong a, slong b)
{
    return S->ctx->nodes[a].precise + S->ctx->nodes[b].precise;
}

/* What the top cell needs before its bound is worth recomputing.  A
   monotone cell needs balls at an end whose value may exceed the
   target.  A Taylor cell first needs g'' at grid ends that lack it
   (floating point), then balls at its ends if their radii are what
   matters.  Either way a bound set before an end became precise (by a
   neighbour) is worth recomputing.  Returns 0 when nothing would help:
   bisect, which ends, if balls are too wide to decide, at the
   narrowest cell allowed (UNROLL_UNABLE and more precision). */
static int
improve(search_t * S, slong a, slong b, int mono, int npre,
        const arf_t target)
{
    _unroll_bound_ctx_t * ctx = S->ctx;
    const _unroll_bound_node_t * na = ctx->nodes + a, * nb = ctx->nodes + b;

    if (mono == 1)
    {
        int sa = !na->precise && may_exceed(S, a, target);
        int sb = !nb->precise && may_exceed(S, b, target);

        if (sa)
            _unroll_bound_node_sharpen(ctx, a);
        if (sb)
            _unroll_bound_node_sharpen(ctx, b);
        return sa || sb || precise_ends(S, a, b) > npre;
    }
    if (!na->full || !nb->full)
    {
        _unroll_bound_node_complete(ctx, a);
        _unroll_bound_node_complete(ctx, b);
        return 1;
    }
    if (precise_ends(S, a, b) == 2)
        return npre < 2;
    if (wide(S, a, b) || !radii_matter(S, a, b, target))
        return 0;
    _unroll_bound_node_sharpen(ctx, a);
    _unroll_bound_node_sharpen(ctx, b);
    return 1;
}

/* Settles the top cell without bisecting it, if it can: first the
   monotony test, then the better evaluations of improve, after which
   the bound is recomputed (also when it was computed before an end was
   made precise by a neighbour).  Floating point thus screens the grid
   and balls are spent only where the maximum is decided.  Returns 0
   when only bisection is left. */
static int
settle(search_t * S, heap_t * H, const arf_t target)
{
    slong a = H->v[0].a, b = H->v[0].b;
    int mono = H->v[0].mono;
    arf_t w;

    if (mono >= 0 && !improve(S, a, b, mono, H->v[0].npre, target))
        return 0;

    heap_pop(H);
    if (mono < 0)
        mono = is_monotone(S, a, b);
    consider(S, a);
    consider(S, b);
    arf_init(w);
    full_bound(w, S, a, b, mono);
    heap_push(H, a, b, mono, precise_ends(S, a, b), w);
    arf_clear(w);
    return 1;
}

/* Evaluates again in balls, before Bernstein's constant is taken, the
   values at the grid nodes whose floating-point radius exceeds an
   eighth of the oscillation of the midpoints: the constant (from the
   oscillation of the balls) would be dominated by such radii and cells
   bisected without end.  Only the values enter the constant, so only
   they are recomputed.  A nearly constant g (oscillation below 2^-16
   of its size: g = E_1 = 1 exactly, or a = 1 + m - h lambda computed
   with cancellation when L / l is close to 1) is evaluated in balls
   everywhere.  Such radii appear next to the ends at large t, most
   where the stage x of a three-stage scheme cancels its much larger
   stage y. */
static void
unblur(_unroll_bound_ctx_t * ctx, int f, slong rel_bits)
{
    /* An eighth of the oscillation needs a few bits, not rel_bits:
       the working precision less the width asked, plus a margin. */
    slong prec = FLINT_MAX(64, ctx->prec - rel_bits + 24), j;
    arf_t lo, hi, x;
    int flat;

    arf_init(lo);
    arf_init(hi);
    arf_init(x);

    arf_set(lo, arb_midref(&ctx->nodes[0].g[f][0]));
    arf_set(hi, lo);
    for (j = 0; j <= ctx->N; j++)
    {
        arf_min(lo, lo, arb_midref(&ctx->nodes[j].g[f][0]));
        arf_max(hi, hi, arb_midref(&ctx->nodes[j].g[f][0]));
    }
    arf_sub(x, hi, lo, 64, ARF_RND_DOWN);
    arf_mul_2exp_si(x, x, 16);
    flat = arf_cmpabs(x, hi) < 0 && arf_cmpabs(x, lo) < 0;
    arf_mul_2exp_si(x, x, -19);
    for (j = 0; j <= ctx->N; j++)
        if (flat)
            _unroll_bound_node_sharpen(ctx, j);
        else if (arf_cmpabs_mag(x, arb_radref(&ctx->nodes[j].g[f][0])) < 0)
            _unroll_bound_node_sharpen_value(ctx, j, prec);

    arf_clear(x);
    arf_clear(hi);
    arf_clear(lo);
}

/* Bisects the worst cell until every cell is below lo (1 + 2^-(rel+1)).
   The budget and the narrowest cell guard against a precision too low
   to separate values (radii larger than the tolerance). */
static int
refine(arf_t hi, search_t * S, heap_t * H, slong rel_bits)
{
    _unroll_bound_ctx_t * ctx = S->ctx;
    slong budget = 8 * (ctx->N + 1) + 64 * rel_bits + 1024, a, b, m;
    arf_t target, u, w;
    int status = UNROLL_SUCCESS;

    arf_init(target);
    arf_init(u);
    arf_init(w);

    for (;;)
    {
        arf_mul_2exp_si(target, S->lo, -(rel_bits + 1));
        arf_add(target, target, S->lo, ctx->prec, ARF_RND_DOWN);
        if (arf_cmp(&H->v[0].bound, target) <= 0)
            break;
        if (settle(S, H, target))
            continue;
        a = H->v[0].a;
        b = H->v[0].b;
        arf_sub(w, &ctx->nodes[b].u, &ctx->nodes[a].u, ARF_PREC_EXACT,
                ARF_RND_DOWN);
        if (ctx->len >= budget || arf_cmpabs_2exp_si(w, -rel_bits - 64) < 0)
        {
            status = UNROLL_UNABLE;
            break;
        }
        heap_pop(H);
        arf_add(u, &ctx->nodes[a].u, &ctx->nodes[b].u, ARF_PREC_EXACT,
                ARF_RND_DOWN);
        arf_mul_2exp_si(u, u, -1);
        m = _unroll_bound_node_add(ctx, u);
        consider(S, m);
        cell_bound(w, S, a, m);
        heap_push(H, a, m, -1, precise_ends(S, a, m), w);
        cell_bound(w, S, m, b);
        heap_push(H, m, b, -1, precise_ends(S, m, b), w);
    }
    arf_set(hi, &H->v[0].bound);

    arf_clear(w);
    arf_clear(u);
    arf_clear(target);
    return status;
}

/* The exponent of the largest grid value of |g| (0 if all vanish). */
static slong
grid_scale(const _unroll_bound_ctx_t * ctx, int f)
{
    arf_t a, m;
    slong j, e = 0;

    arf_init(a);
    arf_init(m);
    for (j = 0; j <= ctx->N; j++)
    {
        arb_get_abs_ubound_arf(a, &ctx->nodes[j].g[f][0], 64);
        arf_max(m, m, a);
    }
    if (!arf_is_zero(m) && arf_is_finite(m))
        e = fmpz_get_si(ARF_EXPREF(m));
    arf_clear(m);
    arf_clear(a);
    return e;
}

int
_unroll_bound_sup_one(unroll_bound_max_struct * res,
                      _unroll_bound_ctx_t * ctx, int f, slong rel_bits)
{
    slong n = f == _UNROLL_F_E ? ctx->t : ctx->t - 1, j;
    search_t S;
    heap_t H = { NULL, 0, 0 };
    arf_t w;
    int status = UNROLL_SUCCESS;

    S.ctx = ctx;
    S.f = f;
    S.best = -1;
    /* Cell bounds are upper bounds rounded up, compared with the target
       lo (1 + 2^-(rel + 1)): a few guard bits beyond rel_bits decide
       that as well as the working precision would, at a fraction of
       the cost of its multiprecision arithmetic. */
    S.cprec = FLINT_MIN(ctx->prec, rel_bits + 24);
    arf_init(S.b1);
    arf_init(S.b2);
    arf_init(S.b3);
    arf_init(S.lo);
    arf_init(S.tmp);
    mag_init(S.tmag);
    S.lo_d = 0;
    S.db[0] = S.db[1] = S.db[2] = 0;
    arf_init(w);

    /* Degree 0 (and below: P_0' = 0) makes g constant: B_k = 0. */
    if (n > 0)
        unblur(ctx, f, rel_bits);
    S.escale = grid_scale(ctx, f);
    if (n > 0)
        bernstein(&S, n);
    for (j = 0; j < ctx->len; j++)
        consider(&S, j);
    for (j = 0; j < ctx->N; j++)
    {
        cell_bound(w, &S, j, j + 1);
        heap_push(&H, j, j + 1, -1, precise_ends(&S, j, j + 1), w);
    }
    status = refine(&res->hi, &S, &H, rel_bits);
    arf_set(&res->lo, S.lo);
    arf_set(&res->at, &ctx->nodes[S.best].lam);

    heap_clear(&H);
    arf_clear(w);
    arf_clear(S.lo);
    arf_clear(S.b3);
    arf_clear(S.b2);
    arf_clear(S.b1);
    arf_clear(S.tmp);
    mag_clear(S.tmag);
    return status;
}
