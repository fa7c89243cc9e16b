#include <math.h>

#include "impl.h"

void
_unroll_arith_range_enter(_unroll_arith_range_t * saved)
{
    saved->emin = mpfr_get_emin();
    saved->emax = mpfr_get_emax();
    mpfr_set_emin(-1073);
    mpfr_set_emax(1024);
}

void
_unroll_arith_range_leave(const _unroll_arith_range_t * saved)
{
    mpfr_set_emin(saved->emin);
    mpfr_set_emax(saved->emax);
}

int
_unroll_arith_finish_d(double * res, mpfr_t r, int inex)
{
    mpfr_subnormalize(r, inex, MPFR_RNDN);
    *res = mpfr_get_d(r, MPFR_RNDN);
    return isinf(*res) ? UNROLL_DOMAIN : UNROLL_SUCCESS;
}
