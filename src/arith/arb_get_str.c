#include "unroll/arith.h"

char *
unroll_arith_arb_get_str(const arb_t x, slong digits)
{
    /* arb_get_str guarantees that the printed ball, read back, contains x
       and prints no digit beyond what the radius supports. */
    return arb_get_str(x, digits, 0);
}
