#include <stdio.h>

#include <mpfr.h>

#include "unroll/arith.h"

void
unroll_arith_fprint_arf(FILE * f, const arf_t x, int dir)
{
    mpfr_t m;
    mpfr_rnd_t rnd = dir < 0 ? MPFR_RNDD : dir > 0 ? MPFR_RNDU : MPFR_RNDN;

    /* Converted exactly (enough bits), then rounded once by the printf
       conversion in the asked direction. */
    mpfr_init2(m, FLINT_MAX(64, arf_bits(x)));
    arf_get_mpfr(m, x, rnd);
    if (mpfr_zero_p(m))
        fputs("0", f);
    else if (dir < 0)
        mpfr_fprintf(f, "%.16RDe", m);
    else if (dir > 0)
        mpfr_fprintf(f, "%.16RUe", m);
    else
        mpfr_fprintf(f, "%.16RNe", m);
    mpfr_clear(m);
}
