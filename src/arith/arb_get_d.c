#include <math.h>

#include "impl.h"

int
unroll_arith_arb_get_d(double * res, const arb_t x)
{
    arf_t lo, hi;
    double dlo, dhi;
    int status;

    if (!arb_is_finite(x))
    {
        *res = NAN;
        return UNROLL_UNABLE;
    }

    arf_init(lo);
    arf_init(hi);

    /* The bounds are rounded outward, so [lo, hi] contains the ball; if
       both ends round to one double, every point between them does. */
    arb_get_lbound_arf(lo, x, 2 * FLINT_BITS + arb_bits(x));
    arb_get_ubound_arf(hi, x, 2 * FLINT_BITS + arb_bits(x));
    status = _unroll_arith_arf_get_d(&dlo, lo);
    status |= _unroll_arith_arf_get_d(&dhi, hi);

    /* Both ends overflowing to the same infinity is a decided rounding
       too; it is reported as UNROLL_DOMAIN with *res set. */
    if (dlo != dhi)
        status = UNROLL_UNABLE;
    else
        *res = dlo;

    arf_clear(hi);
    arf_clear(lo);
    return status;
}
