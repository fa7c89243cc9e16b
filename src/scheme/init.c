#include <stdlib.h>

#include "unroll/scheme.h"

static const char * coef_names[UNROLL_NCOEF] =
    { "h", "m", "c1", "c2", "c3", "a", "A" };

void
unroll_scheme_init(unroll_scheme_t s)
{
    s->kind = UNROLL_SCHEME_MOMENTUM;
    s->exact = 1;
    s->T = -1;
    s->prec = 0;
    s->q = NULL;
    s->b = NULL;
}

static void
release(unroll_scheme_t s)
{
    if (s->q != NULL)
        _fmpq_vec_clear(s->q, UNROLL_NCOEF * (s->T + 1));
    if (s->b != NULL)
        _arb_vec_clear(s->b, UNROLL_NCOEF * (s->T + 1));
    s->q = NULL;
    s->b = NULL;
}

void
unroll_scheme_clear(unroll_scheme_t s)
{
    release(s);
}

void
unroll_scheme_fit(unroll_scheme_t s, int kind, int exact, slong T,
                  slong prec)
{
    slong t;

    if (T < 0)
        flint_abort();

    release(s);
    s->kind = kind;
    s->exact = exact;
    s->T = T;
    s->prec = exact ? 0 : prec;

    if (exact)
        s->q = _fmpq_vec_init(UNROLL_NCOEF * (T + 1));
    else
        s->b = _arb_vec_init(UNROLL_NCOEF * (T + 1));

    /* Neutral values: c2 = 1 makes z = y, and a_0 = A_0 = 1 is the
       start of every averaged family.  The z and x rules of a momentum
       scheme are never read (its interpreters stop after y). */
    for (t = 0; t <= T; t++)
    {
        if (exact)
        {
            fmpq_one(unroll_scheme_q(s, UNROLL_COEF_C2, t));
            fmpq_one(unroll_scheme_q(s, UNROLL_COEF_a, t));
            fmpq_one(unroll_scheme_q(s, UNROLL_COEF_A, t));
        }
        else
        {
            arb_one(unroll_scheme_b(s, UNROLL_COEF_C2, t));
            arb_one(unroll_scheme_b(s, UNROLL_COEF_a, t));
            arb_one(unroll_scheme_b(s, UNROLL_COEF_A, t));
        }
    }
}

fmpq *
unroll_scheme_q(const unroll_scheme_t s, int coef, slong t)
{
    return s->q + coef * (s->T + 1) + t;
}

arb_ptr
unroll_scheme_b(const unroll_scheme_t s, int coef, slong t)
{
    return s->b + coef * (s->T + 1) + t;
}

int
unroll_scheme_ncoef(const unroll_scheme_t s)
{
    return s->kind == UNROLL_SCHEME_MOMENTUM ? 2 : UNROLL_NCOEF;
}

const char *
unroll_scheme_coef_name(int coef)
{
    return coef_names[coef];
}

void
unroll_scheme_get_arb(arb_t res, const unroll_scheme_t s, int coef,
                      slong t, slong prec)
{
    if (s->exact)
        arb_set_fmpq(res, unroll_scheme_q(s, coef, t), prec);
    else
        arb_set_round(res, unroll_scheme_b(s, coef, t), prec);
}
