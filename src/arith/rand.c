#include "unroll/arith.h"

/* FLINT 3.2 renamed flint_randinit/flint_randclear to flint_rand_init and
   flint_rand_clear; the old names are gone there. */
#if UNROLL_HAVE_FLINT3 && defined(__FLINT_RELEASE) && __FLINT_RELEASE >= 30200
#define UNROLL_RAND_INIT flint_rand_init
#define UNROLL_RAND_CLEAR flint_rand_clear
#else
#define UNROLL_RAND_INIT flint_randinit
#define UNROLL_RAND_CLEAR flint_randclear
#endif

void
unroll_arith_randinit(flint_rand_t state)
{
    UNROLL_RAND_INIT(state);
}

void
unroll_arith_randclear(flint_rand_t state)
{
    UNROLL_RAND_CLEAR(state);
}
