/* Declarations private to the scheme module. */
#ifndef UNROLL_SCHEME_IMPL_H
#define UNROLL_SCHEME_IMPL_H

#include "unroll/scheme.h"

/* Doubles stay far from overflow and from subnormals inside
   [2^-LIMIT, 2^LIMIT], so that the relative error bounds of the floating
   point interpreter hold for its inputs. */
#define _UNROLL_FAST_EXP_LIMIT 900

/* Rounds the ball x to the double *d and bounds |y - *d| by *e for every
   point y of x.  Returns 0 when x is not finite or its midpoint is
   outside the range above. */
int _unroll_scheme_fast_ball(double * d, double * e, const arb_t x);

#endif
