#include "unroll/families.h"

int
unroll_method_scheme_arb(unroll_scheme_t s, const unroll_method_t meth,
                         slong T, slong prec, char * msg)
{
    fmpq_t zero;
    int status = UNROLL_UNABLE, f = meth->family;

    if (unroll_method_check(meth, msg) != UNROLL_SUCCESS || T < 0)
        return unroll_method_scheme(s, meth, T, prec, msg);

    fmpq_init(zero);
    if (f == UNROLL_FAMILY_CHEBYSHEV)
        status = unroll_family_gegenbauer_arb(s, &meth->spec, zero, T, prec);
    else if (f == UNROLL_FAMILY_GEGENBAUER)
        status = unroll_family_gegenbauer_arb(s, &meth->spec, &meth->alpha,
                                              T, prec);
    else if (f == UNROLL_FAMILY_SOBOLEV)
        status = unroll_family_sobolev_arb(s, &meth->spec, &meth->alpha,
                                           &meth->eta, T, prec);
    fmpq_clear(zero);

    /* Other families, and the rare undecided ball run, go exact. */
    if (status != UNROLL_SUCCESS)
        status = unroll_method_scheme(s, meth, T, prec, msg);
    return status;
}
