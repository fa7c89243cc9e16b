/* Declarations private to the arith module. */
#ifndef UNROLL_ARITH_IMPL_H
#define UNROLL_ARITH_IMPL_H

#include <mpfr.h>

#include "unroll/arith.h"

/* MPFR rounds correctly within its current exponent range.  Restricting
   the range to binary64's (emin = -1073 counts the subnormals, emax =
   1024) and then calling mpfr_subnormalize with the ternary value of the
   first rounding makes a 53-bit MPFR rounding identical to IEEE
   round-to-nearest-even into a double, without double rounding.  The
   range is global MPFR state, so enter saves it and leave restores it. */
typedef struct
{
    mpfr_exp_t emin;
    mpfr_exp_t emax;
}
_unroll_arith_range_t;

void _unroll_arith_range_enter(_unroll_arith_range_t * saved);
void _unroll_arith_range_leave(const _unroll_arith_range_t * saved);

/* Finishes a rounding started in the double range: r has 53 bits and
   inex is the ternary value of the rounding that produced it.  Sets *res
   and returns UNROLL_DOMAIN on overflow. */
int _unroll_arith_finish_d(double * res, mpfr_t r, int inex);

/* Rounds the exact binary number x to the nearest double. */
int _unroll_arith_arf_get_d(double * res, const arf_t x);

#endif
