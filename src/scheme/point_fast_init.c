#include <math.h>

#include "impl.h"

int
_unroll_scheme_fast_ball(double * d, double * e, const arb_t x)
{
    arb_t y;
    arf_t a;
    int ok = 1;

    if (!arb_is_finite(x))
        return 0;
    if (!arf_is_zero(arb_midref(x))
        && (arf_cmpabs_2exp_si(arb_midref(x), _UNROLL_FAST_EXP_LIMIT) > 0
            || arf_cmpabs_2exp_si(arb_midref(x), -_UNROLL_FAST_EXP_LIMIT) < 0))
        return 0;

    arb_init(y);
    arf_init(a);

    *d = arf_get_d(arb_midref(x), ARF_RND_NEAR);
    arb_set_d(y, *d);
    arb_sub(y, x, y, 2 * _UNROLL_FAST_EXP_LIMIT + 64);
    arb_get_abs_ubound_arf(a, y, 53);
    *e = arf_get_d(a, ARF_RND_UP);
    if (!isfinite(*e) || arf_cmpabs_2exp_si(a, _UNROLL_FAST_EXP_LIMIT) > 0)
        ok = 0;

    arf_clear(a);
    arb_clear(y);
    return ok;
}

void
unroll_scheme_fast_init(unroll_scheme_fast_t ft,
                        const unroll_scheme_point_t pt)
{
    slong n = UNROLL_POINT_NROWS * (pt->T + 1), t;
    int row, rows;

    ft->kind = pt->kind;
    ft->T = pt->T;
    ft->ok = 1;
    ft->mid = flint_calloc(n, sizeof(double));
    ft->err = flint_calloc(n, sizeof(double));

    /* Row t = 0 is never read; a momentum scheme leaves the averaging
       rows unset. */
    rows = pt->kind == UNROLL_SCHEME_AVERAGED ? UNROLL_POINT_NROWS
                                              : UNROLL_POINT_M + 1;
    for (row = 0; row < rows && ft->ok; row++)
        for (t = 1; t <= pt->T && ft->ok; t++)
            ft->ok = _unroll_scheme_fast_ball(ft->mid + row * (pt->T + 1) + t,
                                    ft->err + row * (pt->T + 1) + t,
                                    unroll_scheme_point_coef(pt, row, t));
}

void
unroll_scheme_fast_clear(unroll_scheme_fast_t ft)
{
    flint_free(ft->mid);
    flint_free(ft->err);
    ft->mid = NULL;
    ft->err = NULL;
}
