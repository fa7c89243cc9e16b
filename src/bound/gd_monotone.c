#include "unroll/bound.h"

/* Corollary 2's threshold h < sqrt(2) / L, decided exactly as
   h^2 L^2 < 2. */
int
unroll_bound_gd_monotone(const unroll_spectrum_t spec, const fmpq_t h)
{
    fmpq_t a;
    int r;

    fmpq_init(a);
    fmpq_mul(a, h, &spec->L);
    fmpq_mul(a, a, a);
    r = fmpq_cmp_si(a, 2) < 0;
    fmpq_clear(a);
    return r;
}
