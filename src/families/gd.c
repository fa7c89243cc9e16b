#include "unroll/families.h"

void
unroll_family_gd(unroll_scheme_t s, const fmpq_t h, slong T)
{
    slong t;

    unroll_scheme_fit(s, UNROLL_SCHEME_MOMENTUM, 1, T, 0);
    for (t = 1; t <= T; t++)
        fmpq_set(unroll_scheme_q(s, UNROLL_COEF_H, t), h);
}
