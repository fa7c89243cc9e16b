#include <gmp.h>

#include "impl.h"

int
unroll_arith_fmpq_get_d(double * res, const fmpq_t x)
{
    _unroll_arith_range_t saved;
    mpq_t q;
    mpfr_t r;
    int inex, status;

    mpq_init(q);
    mpfr_init2(r, 53);
    fmpq_get_mpq(q, x);

    /* One rounding of the exact rational, then the subnormal fix-up. */
    _unroll_arith_range_enter(&saved);
    inex = mpfr_set_q(r, q, MPFR_RNDN);
    status = _unroll_arith_finish_d(res, r, inex);
    _unroll_arith_range_leave(&saved);

    mpfr_clear(r);
    mpq_clear(q);
    return status;
}
