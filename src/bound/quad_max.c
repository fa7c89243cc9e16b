#include "impl.h"

static void
update(arf_t res, const arb_t v, slong prec)
{
    arf_t a;

    arf_init(a);
    arb_get_abs_ubound_arf(a, v, prec);
    arf_max(res, res, a);
    arf_clear(a);
}

/* |q| on [0, h] is largest at an end or at the vertex s* = -g1 / g2
   when s* lies inside, where q(s*) = g0 - g1^2 / (2 g2).  When g2 may
   vanish, q is evaluated on the whole interval ball [0, h] instead,
   which is valid but wider. */
void
_unroll_bound_quad_max(arf_t res, const arb_t g0, const arb_t g1,
                       const arb_t g2, const arf_t h, slong prec)
{
    arb_t s, q, v;

    arb_init(s);
    arb_init(q);
    arb_init(v);

    arb_get_abs_ubound_arf(res, g0, prec);
    arb_set_arf(s, h);
    arb_mul_2exp_si(q, g2, -1);
    arb_mul(q, q, s, prec);
    arb_add(q, q, g1, prec);
    arb_mul(q, q, s, prec);
    arb_add(q, q, g0, prec);
    update(res, q, prec);

    if (!arb_contains_zero(g2))
    {
        arb_div(v, g1, g2, prec);
        arb_neg(v, v);
        if (!arb_is_negative(v) && !arb_gt(v, s))
        {
            arb_sqr(q, g1, prec);
            arb_div(q, q, g2, prec);
            arb_mul_2exp_si(q, q, -1);
            arb_sub(q, g0, q, prec);
            update(res, q, prec);
        }
    }
    else
    {
        /* v = [h/2 +/- h/2] contains [0, h]. */
        arb_mul_2exp_si(v, s, -1);
        arf_get_mag(arb_radref(v), arb_midref(v));
        arb_mul_2exp_si(q, g2, -1);
        arb_mul(q, q, v, prec);
        arb_add(q, q, g1, prec);
        arb_mul(q, q, v, prec);
        arb_add(q, q, g0, prec);
        update(res, q, prec);
    }

    arb_clear(v);
    arb_clear(q);
    arb_clear(s);
}
