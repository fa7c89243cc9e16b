/* Declarations private to the table module. */
#ifndef UNROLL_TABLE_IMPL_H
#define UNROLL_TABLE_IMPL_H

#include "unroll/table.h"

/* The exact text of coefficient k at step t: p/q, or a ball with enough
   digits that a 53-bit rounding is decided when the ball decides it.
   Free with flint_free. */
char * _unroll_table_exact_str(const unroll_scheme_t s, int k, slong t);

/* Rounds the ncoef coefficients of step t to doubles d.  A value beyond
   the double range rounds to +-inf, which is IEEE round-to-nearest (a_t
   and A_t of the sobolev method grow like xi^(-2t)); only a ball too
   wide to decide its double fails, with UNROLL_UNABLE and msg. */
int _unroll_table_round_row(double * d, const unroll_scheme_t s, slong t,
                            int ncoef, char * msg);

#endif
