#include "unroll/spectrum.h"

void
unroll_spectrum_init(unroll_spectrum_t s)
{
    fmpq_init(&s->l);
    fmpq_init(&s->L);
    fmpq_set_si(&s->l, 1, 2);
    fmpq_one(&s->L);
}

void
unroll_spectrum_clear(unroll_spectrum_t s)
{
    fmpq_clear(&s->l);
    fmpq_clear(&s->L);
}

void
unroll_spectrum_set_spectrum(unroll_spectrum_t res,
                             const unroll_spectrum_t s)
{
    fmpq_set(&res->l, &s->l);
    fmpq_set(&res->L, &s->L);
}

int
unroll_spectrum_set(unroll_spectrum_t s, const fmpq_t l, const fmpq_t L,
                    char * msg)
{
    if (fmpq_sgn(l) <= 0)
    {
        unroll_arith_msg(msg, "l must be positive");
        return UNROLL_DOMAIN;
    }
    if (fmpq_cmp(l, L) >= 0)
    {
        unroll_arith_msg(msg, "l must be smaller than L");
        return UNROLL_DOMAIN;
    }

    fmpq_set(&s->l, l);
    fmpq_set(&s->L, L);
    return UNROLL_SUCCESS;
}
