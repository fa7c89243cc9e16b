#include "impl.h"

#define K (UNROLL_POINT_ORDER_MAX + 1)

/* The ball interpreter with the error of the momentum pair kept in a
   moving frame (Lohner's QR method, as in the floating-point
   interpreter), so that it needs a working precision of the accuracy
   asked plus a few times log2 t bits instead of about 1.3 t.

   Invariant after step t: (y_t, y_{t-1})^(k) lies in y1[k], y2[k] (exact
   midpoints) plus A [-r1[k], r1[k]] x [-r2[k], r2[k]] with the exact
   frame A = [[c, -s], [s, c]]; z1, z2 and x are plain balls. */
typedef struct
{
    arf_struct y1[K], y2[K], yn[K];
    mag_struct r1[K], r2[K], n1[K], n2[K], f[K];
    arb_struct z1[K], z2[K], zn[K], x[K];
    arf_t c, s, cn, sn;
    arb_t a, t1, t2, q;
    arb_struct C[4], W[4], V[2], B[2];
    mag_t w[4], v[2], b[2], m;
}
fstate_t;

static void
fstate_init(fstate_t * st)
{
    int k, i;

    for (k = 0; k < K; k++)
    {
        arf_init(st->y1 + k);
        arf_init(st->y2 + k);
        arf_init(st->yn + k);
        mag_init(st->r1 + k);
        mag_init(st->r2 + k);
        mag_init(st->n1 + k);
        mag_init(st->n2 + k);
        mag_init(st->f + k);
        arb_init(st->z1 + k);
        arb_init(st->z2 + k);
        arb_init(st->zn + k);
        arb_init(st->x + k);
    }
    arf_init(st->c);
    arf_init(st->s);
    arf_init(st->cn);
    arf_init(st->sn);
    arb_init(st->a);
    arb_init(st->t1);
    arb_init(st->t2);
    arb_init(st->q);
    for (i = 0; i < 4; i++)
    {
        arb_init(st->C + i);
        arb_init(st->W + i);
        mag_init(st->w[i]);
    }
    for (i = 0; i < 2; i++)
    {
        arb_init(st->V + i);
        arb_init(st->B + i);
        mag_init(st->v[i]);
        mag_init(st->b[i]);
    }
    mag_init(st->m);

    /* The start: every sequence equals 1 exactly, A = I. */
    arf_one(st->y1);
    arf_one(st->y2);
    arb_one(st->z1);
    arb_one(st->z2);
    arb_one(st->x);
    arf_one(st->c);
}

static void
fstate_clear(fstate_t * st)
{
    int k, i;

    for (k = 0; k < K; k++)
    {
        arf_clear(st->y1 + k);
        arf_clear(st->y2 + k);
        arf_clear(st->yn + k);
        mag_clear(st->r1 + k);
        mag_clear(st->r2 + k);
        mag_clear(st->n1 + k);
        mag_clear(st->n2 + k);
        mag_clear(st->f + k);
        arb_clear(st->z1 + k);
        arb_clear(st->z2 + k);
        arb_clear(st->zn + k);
        arb_clear(st->x + k);
    }
    arf_clear(st->c);
    arf_clear(st->s);
    arf_clear(st->cn);
    arf_clear(st->sn);
    arb_clear(st->a);
    arb_clear(st->t1);
    arb_clear(st->t2);
    arb_clear(st->q);
    for (i = 0; i < 4; i++)
    {
        arb_clear(st->C + i);
        arb_clear(st->W + i);
        mag_clear(st->w[i]);
    }
    for (i = 0; i < 2; i++)
    {
        arb_clear(st->V + i);
        arb_clear(st->B + i);
        mag_clear(st->v[i]);
        mag_clear(st->b[i]);
    }
    mag_clear(st->m);
}

#define COEF(row) unroll_scheme_point_coef(pt, row, t)

/* |e| of a frame box: |c| r1 + |s| r2 (first component) or |s| r1 +
   |c| r2 (second). */
static void
box(mag_t res, const arf_t u, const mag_t r1, const arf_t v,
    const mag_t r2, mag_t tmp)
{
    arf_get_mag(tmp, u);
    mag_mul(res, tmp, r1);
    arf_get_mag(tmp, v);
    mag_addmul(res, tmp, r2);
}

/* The new midpoints and their rounding and coefficient errors f, with
   a = 1 + m - h lambda a ball: the ball of the new value contains
   M v for every admissible exact M, so f covers both. */
static void
midpoints(fstate_t * st, const unroll_scheme_point_t pt, slong t,
          int order, slong prec)
{
    int k;

    for (k = 0; k <= order; k++)
    {
        arb_mul_arf(st->t1, st->a, st->y1 + k, prec);
        arb_submul_arf(st->t1, COEF(UNROLL_POINT_M), st->y2 + k, prec);
        if (k > 0)
        {
            arb_mul_arf(st->t2, COEF(UNROLL_POINT_H), st->y1 + k - 1, prec);
            arb_mul_ui(st->t2, st->t2, k, prec);
            arb_sub(st->t1, st->t1, st->t2, prec);
        }
        arf_set(st->yn + k, arb_midref(st->t1));
        mag_set(st->f + k, arb_radref(st->t1));
    }
}

/* The new frame follows the first column of C = M A, scaled by a power
   of two and rounded to 64 bits: any exact invertible frame is valid,
   and this one makes W = A'^-1 M A nearly upper triangular. */
static void
frame(fstate_t * st, const unroll_scheme_point_t pt, slong t, slong prec)
{
    arb_srcptr m = COEF(UNROLL_POINT_M);
    slong e;

    arb_mul_arf(st->C + 0, st->a, st->c, prec);
    arb_submul_arf(st->C + 0, m, st->s, prec);
    arb_mul_arf(st->C + 1, st->a, st->s, prec);
    arb_addmul_arf(st->C + 1, m, st->c, prec);
    arb_neg(st->C + 1, st->C + 1);
    arb_set_arf(st->C + 2, st->c);
    arb_set_arf(st->C + 3, st->s);
    arb_neg(st->C + 3, st->C + 3);

    arf_set_round(st->cn, arb_midref(st->C + 0), 64, ARF_RND_NEAR);
    arf_set_round(st->sn, st->c, 64, ARF_RND_NEAR);
    if (arf_is_zero(st->cn) && arf_is_zero(st->sn))
        arf_one(st->cn);
    e = FLINT_MAX(arf_is_zero(st->cn) ? WORD_MIN
                  : fmpz_get_si(ARF_EXPREF(st->cn)),
                  arf_is_zero(st->sn) ? WORD_MIN
                  : fmpz_get_si(ARF_EXPREF(st->sn)));
    arf_mul_2exp_si(st->cn, st->cn, -e);
    arf_mul_2exp_si(st->sn, st->sn, -e);
}

/* W = A'^-1 C, with A'^-1 = [[cn, sn], [-sn, cn]] / q exactly (q =
   cn^2 + sn^2 in a ball); b = |A'^-1 (1, 0)^T|, which carries the
   forcing, and v = |A'^-1 N A| / |h| entrywise, N = d M / d lambda =
   [[-h, 0], [0, 0]], which carries the lower derivative's error. */
static void
transform(fstate_t * st, const unroll_scheme_point_t pt, slong t,
          slong prec)
{
    int j;

    arb_set_arf(st->q, st->cn);
    arb_sqr(st->q, st->q, prec);
    arb_set_arf(st->t1, st->sn);
    arb_addmul(st->q, st->t1, st->t1, prec);

    for (j = 0; j < 2; j++)
    {
        arb_mul_arf(st->W + j, st->C + j, st->cn, prec);
        arb_addmul_arf(st->W + j, st->C + 2 + j, st->sn, prec);
        arb_div(st->W + j, st->W + j, st->q, prec);
        arb_mul_arf(st->W + 2 + j, st->C + 2 + j, st->cn, prec);
        arb_submul_arf(st->W + 2 + j, st->C + j, st->sn, prec);
        arb_div(st->W + 2 + j, st->W + 2 + j, st->q, prec);
    }
    for (j = 0; j < 4; j++)
        arb_get_mag(st->w[j], st->W + j);

    arb_set_arf(st->B + 0, st->cn);
    arb_div(st->B + 0, st->B + 0, st->q, prec);
    arb_set_arf(st->B + 1, st->sn);
    arb_div(st->B + 1, st->B + 1, st->q, prec);
    arb_get_mag(st->b[0], st->B + 0);
    arb_get_mag(st->b[1], st->B + 1);

    /* v holds |h c| and |h s|; v_ij = b_i v_j. */
    arb_get_mag(st->m, COEF(UNROLL_POINT_H));
    arf_get_mag(st->v[0], st->c);
    mag_mul(st->v[0], st->v[0], st->m);
    arf_get_mag(st->v[1], st->s);
    mag_mul(st->v[1], st->v[1], st->m);
}

/* r' = |W| r + k |V| r^(k-1) + b f for each order. */
static void
radii(fstate_t * st, int order)
{
    mag_t u;
    int k, i;

    mag_init(u);
    for (k = 0; k <= order; k++)
    {
        mag_struct * n[2] = { st->n1 + k, st->n2 + k };

        for (i = 0; i < 2; i++)
        {
            mag_mul(n[i], st->w[2 * i], st->r1 + k);
            mag_addmul(n[i], st->w[2 * i + 1], st->r2 + k);
            mag_addmul(n[i], st->b[i], st->f + k);
            if (k == 0)
                continue;
            mag_mul(u, st->v[0], st->r1 + k - 1);
            mag_addmul(u, st->v[1], st->r2 + k - 1);
            mag_mul(u, u, st->b[i]);
            mag_mul_ui(u, u, k);
            mag_add(n[i], n[i], u);
        }
    }
    mag_clear(u);
}

/* The ball of y_t (new frame, first component) or y_{t-2} (old frame,
   second component). */
static void
y_ball(arb_t res, const arf_t mid, const arf_t u, const mag_t r1,
       const arf_t v, const mag_t r2)
{
    mag_t tmp;

    mag_init(tmp);
    arb_set_arf(res, mid);
    box(arb_radref(res), u, r1, v, r2, tmp);
    mag_clear(tmp);
}

/* z_t = c1 z_{t-2} + c2 y_t - c3 y_{t-2}, x_t = wx x_{t-1} + wz z_t in
   plain balls: first-order rules do not wrap. */
static void
average(fstate_t * st, const unroll_scheme_point_t pt, slong t,
        int order, slong prec)
{
    int k;

    for (k = 0; k <= order; k++)
    {
        arb_mul(st->zn + k, COEF(UNROLL_POINT_C1), st->z2 + k, prec);
        y_ball(st->t1, st->yn + k, st->cn, st->n1 + k, st->sn, st->n2 + k);
        arb_addmul(st->zn + k, COEF(UNROLL_POINT_C2), st->t1, prec);
        y_ball(st->t1, st->y2 + k, st->s, st->r1 + k, st->c, st->r2 + k);
        arb_submul(st->zn + k, COEF(UNROLL_POINT_C3), st->t1, prec);
        arb_mul(st->x + k, st->x + k, COEF(UNROLL_POINT_WX), prec);
        arb_addmul(st->x + k, COEF(UNROLL_POINT_WZ), st->zn + k, prec);
    }
}

static void
step(fstate_t * st, const unroll_scheme_point_t pt, const arb_t lambda,
     slong t, int order, slong prec)
{
    int k;

    arb_mul(st->a, COEF(UNROLL_POINT_H), lambda, prec);
    arb_sub(st->a, COEF(UNROLL_POINT_ONEM), st->a, prec);
    midpoints(st, pt, t, order, prec);
    frame(st, pt, t, prec);
    transform(st, pt, t, prec);
    radii(st, order);
    if (pt->kind == UNROLL_SCHEME_AVERAGED)
        average(st, pt, t, order, prec);

    for (k = 0; k <= order; k++)
    {
        arf_swap(st->y2 + k, st->y1 + k);
        arf_swap(st->y1 + k, st->yn + k);
        mag_swap(st->r1 + k, st->n1 + k);
        mag_swap(st->r2 + k, st->n2 + k);
        arb_swap(st->z2 + k, st->z1 + k);
        arb_swap(st->z1 + k, st->zn + k);
    }
    arf_swap(st->c, st->cn);
    arf_swap(st->s, st->sn);
}

static void
put(arb_ptr jet, const fstate_t * st, int kind, int stage, int order)
{
    int k;

    for (k = 0; k <= order; k++)
    {
        if (kind != UNROLL_SCHEME_AVERAGED || stage == UNROLL_STAGE_Y)
            y_ball(jet + k, st->y1 + k, st->c, st->r1 + k, st->s,
                   st->r2 + k);
        else if (stage == UNROLL_STAGE_Z)
            arb_set(jet + k, st->z1 + k);
        else
            arb_set(jet + k, st->x + k);
    }
}

static void
run(arb_ptr jet, arb_ptr all, const unroll_scheme_point_t pt,
    const arb_t lambda, slong T, int stage, int order, slong prec)
{
    fstate_t st;
    slong t;

    if (T < 0 || T > pt->T || order < 0 || order > UNROLL_POINT_ORDER_MAX)
        flint_abort();

    fstate_init(&st);
    if (all != NULL)
        put(all, &st, pt->kind, stage, order);
    for (t = 1; t <= T; t++)
    {
        step(&st, pt, lambda, t, order, prec);
        if (all != NULL)
            put(all + t * (order + 1), &st, pt->kind, stage, order);
    }
    if (jet != NULL)
        put(jet, &st, pt->kind, stage, order);
    fstate_clear(&st);
}

void
unroll_scheme_point_jet_frame(arb_ptr jet, const unroll_scheme_point_t pt,
                              const arb_t lambda, slong t, int stage,
                              int order, slong prec)
{
    run(jet, NULL, pt, lambda, t, stage, order, prec);
}

void
unroll_scheme_point_jets_frame(arb_ptr jets,
                               const unroll_scheme_point_t pt,
                               const arb_t lambda, slong T, int stage,
                               int order, slong prec)
{
    run(NULL, jets, pt, lambda, T, stage, order, prec);
}
