#include "unroll/scheme.h"

/* The ball twin of poly_residual.c: same recurrences on arb_poly, for
   schemes whose coefficients are irrational (the asymptotic method). */
typedef struct
{
    const unroll_scheme_struct * s;
    slong prec;
    arb_t c;
}
coef_reader_t;

static arb_srcptr
coef(coef_reader_t * r, int name, slong t)
{
    unroll_scheme_get_arb(r->c, r->s, name, t, r->prec);
    return r->c;
}

static void
momentum_step(arb_poly_t yn, const arb_poly_t y1, const arb_poly_t y2,
              coef_reader_t * r, slong t, arb_poly_t tmp)
{
    slong prec = r->prec;

    arb_poly_shift_left(tmp, y1, 1);
    arb_poly_scalar_mul(tmp, tmp, coef(r, UNROLL_COEF_H, t), prec);
    arb_poly_scalar_mul(yn, y1, coef(r, UNROLL_COEF_M, t), prec);
    arb_poly_add(yn, yn, y1, prec);
    arb_poly_sub(yn, yn, tmp, prec);
    arb_poly_scalar_mul(tmp, y2, coef(r, UNROLL_COEF_M, t), prec);
    arb_poly_sub(yn, yn, tmp, prec);
}

static void
average_step(arb_poly_t zn, arb_poly_t x, const arb_poly_t z2,
             const arb_poly_t y, const arb_poly_t y2, coef_reader_t * r,
             slong t, arb_poly_t tmp)
{
    slong prec = r->prec;

    arb_poly_scalar_mul(zn, z2, coef(r, UNROLL_COEF_C1, t), prec);
    arb_poly_scalar_mul(tmp, y, coef(r, UNROLL_COEF_C2, t), prec);
    arb_poly_add(zn, zn, tmp, prec);
    arb_poly_scalar_mul(tmp, y2, coef(r, UNROLL_COEF_C3, t), prec);
    arb_poly_sub(zn, zn, tmp, prec);

    arb_poly_scalar_mul(x, x, coef(r, UNROLL_COEF_A, t - 1), prec);
    arb_poly_scalar_mul(tmp, zn, coef(r, UNROLL_COEF_a, t), prec);
    arb_poly_add(x, x, tmp, prec);
    arb_poly_scalar_div(x, x, coef(r, UNROLL_COEF_A, t), prec);
}

void
unroll_scheme_arb_poly_residual(arb_poly_t P, const unroll_scheme_t s,
                                slong t, int stage, slong prec)
{
    arb_poly_t y1, y2, yn, z1, z2, zn, x, tmp;
    coef_reader_t r;
    slong k;

    if (t < 0 || t > s->T)
        flint_abort();

    r.s = s;
    r.prec = prec;
    arb_init(r.c);
    arb_poly_init(y1);
    arb_poly_init(y2);
    arb_poly_init(yn);
    arb_poly_init(z1);
    arb_poly_init(z2);
    arb_poly_init(zn);
    arb_poly_init(x);
    arb_poly_init(tmp);
    arb_poly_one(y1);
    arb_poly_one(y2);
    arb_poly_one(z1);
    arb_poly_one(z2);
    arb_poly_one(x);

    for (k = 1; k <= t; k++)
    {
        momentum_step(yn, y1, y2, &r, k, tmp);
        if (s->kind == UNROLL_SCHEME_AVERAGED)
        {
            average_step(zn, x, z2, yn, y2, &r, k, tmp);
            arb_poly_swap(z2, z1);
            arb_poly_swap(z1, zn);
        }
        arb_poly_swap(y2, y1);
        arb_poly_swap(y1, yn);
    }

    if (s->kind == UNROLL_SCHEME_MOMENTUM || stage == UNROLL_STAGE_Y)
        arb_poly_swap(P, y1);
    else if (stage == UNROLL_STAGE_Z)
        arb_poly_swap(P, z1);
    else
        arb_poly_swap(P, x);

    arb_poly_clear(tmp);
    arb_poly_clear(x);
    arb_poly_clear(zn);
    arb_poly_clear(z2);
    arb_poly_clear(z1);
    arb_poly_clear(yn);
    arb_poly_clear(y2);
    arb_poly_clear(y1);
    arb_clear(r.c);
}
