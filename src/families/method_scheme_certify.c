#include "unroll/families.h"

/* Past UNROLL_CERTIFY_EXACT_T_MAX the exact coefficients of the
   orthogonal-polynomial families stop paying for themselves: the
   numerators and denominators of sobolev's A_t grow by about 32 bits a
   step, so that building the exact scheme costs some t^3 bit operations
   (20 s at t = 4000, minutes at 10000) while the certification itself
   runs in O(t^2) double operations.  Their ball generators contain the
   exact values and cost O(t) operations at prec bits; the other
   families go exact inside unroll_method_scheme_arb anyway. */
int
unroll_method_scheme_certify(unroll_scheme_t s, const unroll_method_t meth,
                             slong T, slong prec, char * msg)
{
    if (T > UNROLL_CERTIFY_EXACT_T_MAX)
        return unroll_method_scheme_arb(s, meth, T, prec, msg);
    return unroll_method_scheme(s, meth, T, prec, msg);
}
