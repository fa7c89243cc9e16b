#include <math.h>

#include "impl.h"

/* Exponents far outside binary64's range are replaced by a stand-in with
   the same rounding: anything below 2^-1100 in magnitude rounds to zero
   and anything above 2^1100 overflows, so clamping the binary exponent
   there changes no result and keeps mpfr_exp_t from overflowing. */
#define CLAMP_EXP 1100

int
_unroll_arith_arf_get_d(double * res, const arf_t x)
{
    _unroll_arith_range_t saved;
    fmpz_t man, e;
    mpz_t zman;
    mpfr_t r;
    slong bits;
    int inex, status;

    if (arf_is_zero(x))
    {
        *res = 0.0;
        return UNROLL_SUCCESS;
    }
    if (!arf_is_finite(x))
        return UNROLL_DOMAIN;

    fmpz_init(man);
    fmpz_init(e);
    mpz_init(zman);
    mpfr_init2(r, 53);

    /* x = man * 2^e exactly; clamp the scale of |x| = 2^(e + bits). */
    arf_get_fmpz_2exp(man, e, x);
    bits = fmpz_bits(man);
    if (fmpz_cmp_si(e, CLAMP_EXP - bits) > 0)
        fmpz_set_si(e, CLAMP_EXP - bits);
    else if (fmpz_cmp_si(e, -CLAMP_EXP - bits) < 0)
        fmpz_set_si(e, -CLAMP_EXP - bits);
    fmpz_get_mpz(zman, man);

    _unroll_arith_range_enter(&saved);
    inex = mpfr_set_z_2exp(r, zman, fmpz_get_si(e), MPFR_RNDN);
    status = _unroll_arith_finish_d(res, r, inex);
    _unroll_arith_range_leave(&saved);

    mpfr_clear(r);
    mpz_clear(zman);
    fmpz_clear(e);
    fmpz_clear(man);
    return status;
}
