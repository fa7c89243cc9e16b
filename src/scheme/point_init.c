#include "unroll/scheme.h"

#define ROW_ONEM UNROLL_POINT_ONEM
#define ROW_H UNROLL_POINT_H
#define ROW_M UNROLL_POINT_M
#define ROW_C1 UNROLL_POINT_C1
#define ROW_C2 UNROLL_POINT_C2
#define ROW_C3 UNROLL_POINT_C3
#define ROW_WZ UNROLL_POINT_WZ
#define ROW_WX UNROLL_POINT_WX
#define NROWS UNROLL_POINT_NROWS

arb_srcptr
unroll_scheme_point_coef(const unroll_scheme_point_t pt, int row, slong t)
{
    return pt->c + row * (pt->T + 1) + t;
}

static arb_ptr
cell(unroll_scheme_point_t pt, int row, slong t)
{
    return pt->c + row * (pt->T + 1) + t;
}

/* Rounding each coefficient once here (rather than at every evaluation)
   matters: at t = 100 the exact Sobolev a_t has 900-digit numerators,
   and an arb_set_fmpq costs a big division. */
void
unroll_scheme_point_init(unroll_scheme_point_t pt, const unroll_scheme_t s,
                         slong T, slong prec)
{
    arb_t a, b;
    slong t;

    if (T < 0 || T > s->T)
        flint_abort();

    pt->kind = s->kind;
    pt->T = T;
    pt->prec = prec;
    pt->c = _arb_vec_init(NROWS * (T + 1));
    arb_init(a);
    arb_init(b);

    for (t = 1; t <= T; t++)
    {
        unroll_scheme_get_arb(cell(pt, ROW_H, t), s, UNROLL_COEF_H, t, prec);
        unroll_scheme_get_arb(cell(pt, ROW_M, t), s, UNROLL_COEF_M, t, prec);
        arb_add_ui(cell(pt, ROW_ONEM, t), cell(pt, ROW_M, t), 1, prec);
        if (s->kind != UNROLL_SCHEME_AVERAGED)
            continue;
        unroll_scheme_get_arb(cell(pt, ROW_C1, t), s, UNROLL_COEF_C1, t,
                              prec);
        unroll_scheme_get_arb(cell(pt, ROW_C2, t), s, UNROLL_COEF_C2, t,
                              prec);
        unroll_scheme_get_arb(cell(pt, ROW_C3, t), s, UNROLL_COEF_C3, t,
                              prec);
        unroll_scheme_get_arb(a, s, UNROLL_COEF_A, t, prec);
        unroll_scheme_get_arb(b, s, UNROLL_COEF_a, t, prec);
        arb_div(cell(pt, ROW_WZ, t), b, a, prec);
        unroll_scheme_get_arb(b, s, UNROLL_COEF_A, t - 1, prec);
        arb_div(cell(pt, ROW_WX, t), b, a, prec);
    }

    arb_clear(b);
    arb_clear(a);
}

void
unroll_scheme_point_clear(unroll_scheme_point_t pt)
{
    _arb_vec_clear(pt->c, NROWS * (pt->T + 1));
    pt->c = NULL;
}
