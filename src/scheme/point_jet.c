#include "unroll/scheme.h"

#define K (UNROLL_POINT_ORDER_MAX + 1)

/* The jets of the running sequences: y1 = y_{t-1}, y2 = y_{t-2},
   z1 = z_{t-1}, z2 = z_{t-2}, x = x_{t-1}, plus scratch. */
typedef struct
{
    arb_struct y1[K], y2[K], yn[K];
    arb_struct z1[K], z2[K], zn[K];
    arb_struct x[K];
    arb_t a, tmp;
}
jets_t;

static void
jets_init(jets_t * j)
{
    arb_init(j->a);
    arb_init(j->tmp);
    for (int k = 0; k < K; k++)
    {
        arb_init(j->y1 + k);
        arb_init(j->y2 + k);
        arb_init(j->yn + k);
        arb_init(j->z1 + k);
        arb_init(j->z2 + k);
        arb_init(j->zn + k);
        arb_init(j->x + k);
    }
    /* y_{-1} = y_0 = z_{-1} = z_0 = x_0 = 1: the residual of the start. */
    arb_one(j->y1);
    arb_one(j->y2);
    arb_one(j->z1);
    arb_one(j->z2);
    arb_one(j->x);
}

static void
jets_clear(jets_t * j)
{
    for (int k = 0; k < K; k++)
    {
        arb_clear(j->y1 + k);
        arb_clear(j->y2 + k);
        arb_clear(j->yn + k);
        arb_clear(j->z1 + k);
        arb_clear(j->z2 + k);
        arb_clear(j->zn + k);
        arb_clear(j->x + k);
    }
    arb_clear(j->tmp);
    arb_clear(j->a);
}

#define COEF(row) unroll_scheme_point_coef(pt, row, t)

/* y_t = (1 + m - h lambda) y_{t-1} - m y_{t-2}, differentiated k times
   by Leibniz: the factor is linear in lambda, so only the term
   -k h y_{t-1}^(k-1) is added. */
static void
momentum_step(jets_t * j, const unroll_scheme_point_t pt,
              const arb_t lambda, slong t, int order, slong prec)
{
    int k;

    arb_mul(j->a, COEF(UNROLL_POINT_H), lambda, prec);
    arb_sub(j->a, COEF(UNROLL_POINT_ONEM), j->a, prec);
    for (k = 0; k <= order; k++)
    {
        arb_mul(j->yn + k, j->a, j->y1 + k, prec);
        arb_submul(j->yn + k, COEF(UNROLL_POINT_M), j->y2 + k, prec);
        if (k > 0)
        {
            arb_mul_ui(j->tmp, j->y1 + k - 1, k, prec);
            arb_submul(j->yn + k, COEF(UNROLL_POINT_H), j->tmp, prec);
        }
    }
}

/* z_t = c1 z_{t-2} + c2 y_t - c3 y_{t-2} and
   x_t = (A_{t-1} / A_t) x_{t-1} + (a_t / A_t) z_t, term by term. */
static void
average_step(jets_t * j, const unroll_scheme_point_t pt, slong t,
             int order, slong prec)
{
    int k;

    for (k = 0; k <= order; k++)
    {
        arb_mul(j->zn + k, COEF(UNROLL_POINT_C1), j->z2 + k, prec);
        arb_addmul(j->zn + k, COEF(UNROLL_POINT_C2), j->yn + k, prec);
        arb_submul(j->zn + k, COEF(UNROLL_POINT_C3), j->y2 + k, prec);
        arb_mul(j->x + k, j->x + k, COEF(UNROLL_POINT_WX), prec);
        arb_addmul(j->x + k, COEF(UNROLL_POINT_WZ), j->zn + k, prec);
    }
}

static void
rotate(arb_ptr a, arb_ptr b, arb_ptr c, int order)
{
    /* (a, b, c) <- (b, c, a): the newest becomes the previous. */
    for (int k = 0; k <= order; k++)
    {
        arb_swap(a + k, b + k);
        arb_swap(b + k, c + k);
    }
}

static void
copy_out(arb_ptr jet, const jets_t * j, const unroll_scheme_point_t pt,
         int stage, int order)
{
    arb_srcptr out;
    int k;

    if (pt->kind == UNROLL_SCHEME_MOMENTUM || stage == UNROLL_STAGE_Y)
        out = j->y1;
    else if (stage == UNROLL_STAGE_Z)
        out = j->z1;
    else
        out = j->x;
    for (k = 0; k <= order; k++)
        arb_set(jet + k, out + k);
}

/* Runs the recurrences up to step t; when all is not NULL, the jet after
   each step i = 0..t is copied to all + i (order + 1). */
static void
run(arb_ptr jet, arb_ptr all, const unroll_scheme_point_t pt,
    const arb_t lambda, slong t, int stage, int order, slong prec)
{
    jets_t j;
    slong i;

    if (t < 0 || t > pt->T || order < 0 || order > UNROLL_POINT_ORDER_MAX)
        flint_abort();

    jets_init(&j);

    if (all != NULL)
        copy_out(all, &j, pt, stage, order);
    for (i = 1; i <= t; i++)
    {
        momentum_step(&j, pt, lambda, i, order, prec);
        if (pt->kind == UNROLL_SCHEME_AVERAGED)
        {
            average_step(&j, pt, i, order, prec);
            rotate(j.z2, j.z1, j.zn, order);
        }
        rotate(j.y2, j.y1, j.yn, order);
        if (all != NULL)
            copy_out(all + i * (order + 1), &j, pt, stage, order);
    }
    if (jet != NULL)
        copy_out(jet, &j, pt, stage, order);

    jets_clear(&j);
}

void
unroll_scheme_point_jet(arb_ptr jet, const unroll_scheme_point_t pt,
                        const arb_t lambda, slong t, int stage, int order,
                        slong prec)
{
    run(jet, NULL, pt, lambda, t, stage, order, prec);
}

void
unroll_scheme_point_jets(arb_ptr jets, const unroll_scheme_point_t pt,
                         const arb_t lambda, slong T, int stage, int order,
                         slong prec)
{
    run(NULL, jets, pt, lambda, T, stage, order, prec);
}
