#include <math.h>

#include "impl.h"

void
unroll_driver_coeffs_init(unroll_driver_coeffs_t c)
{
    c->kind = UNROLL_SCHEME_MOMENTUM;
    c->T = -1;
    c->h = c->m = c->c1 = c->c2 = c->c3 = c->wold = c->wnew = NULL;
}

void
unroll_driver_coeffs_clear(unroll_driver_coeffs_t c)
{
    flint_free(c->h);
    flint_free(c->m);
    flint_free(c->c1);
    flint_free(c->c2);
    flint_free(c->c3);
    flint_free(c->wold);
    flint_free(c->wnew);
    unroll_driver_coeffs_init(c);
}

/* A ball too wide to decide its double still has a midpoint within its
   radius of the value: good enough for a double-precision run. */
static int
ball_get_d(double * res, const arb_t x)
{
    int status = unroll_arith_arb_get_d(res, x);

    if (status == UNROLL_UNABLE && arb_is_finite(x))
    {
        *res = arf_get_d(arb_midref(x), ARF_RND_NEAR);
        status = UNROLL_SUCCESS;
    }
    return status;
}

/* The coefficient num (or num / den when den >= 0) at step t. */
static int
get(double * res, const unroll_scheme_t s, int num, int den, slong t,
    slong tden)
{
    fmpq_t q;
    arb_t a, b;
    int status;

    if (s->exact)
    {
        fmpq_init(q);
        fmpq_set(q, unroll_scheme_q(s, num, t));
        if (den >= 0)
            fmpq_div(q, q, unroll_scheme_q(s, den, tden));
        status = unroll_arith_fmpq_get_d(res, q);
        fmpq_clear(q);
        return status;
    }
    arb_init(a);
    arb_init(b);
    unroll_scheme_get_arb(a, s, num, t, s->prec);
    if (den >= 0)
    {
        unroll_scheme_get_arb(b, s, den, tden, s->prec);
        arb_div(a, a, b, s->prec);
    }
    status = ball_get_d(res, a);
    arb_clear(b);
    arb_clear(a);
    return status;
}

static double *
row(slong T)
{
    return _unroll_driver_alloc(T + 1, sizeof(double));
}

int
unroll_driver_coeffs_set(unroll_driver_coeffs_t c, const unroll_scheme_t s,
                         slong T, char * msg)
{
    slong t;
    int status = UNROLL_SUCCESS, avg = s->kind == UNROLL_SCHEME_AVERAGED;

    unroll_driver_coeffs_clear(c);
    c->kind = s->kind;
    c->T = T;
    c->h = row(T); c->m = row(T); c->c1 = row(T); c->c2 = row(T);
    c->c3 = row(T); c->wold = row(T); c->wnew = row(T);
    for (t = 1; t <= T && status == UNROLL_SUCCESS; t++)
    {
        status |= get(c->h + t, s, UNROLL_COEF_H, -1, t, 0);
        status |= get(c->m + t, s, UNROLL_COEF_M, -1, t, 0);
        if (!avg)
            continue;
        /* The rules for z and x exist only in averaged schemes. */
        status |= get(c->c1 + t, s, UNROLL_COEF_C1, -1, t, 0);
        status |= get(c->c2 + t, s, UNROLL_COEF_C2, -1, t, 0);
        status |= get(c->c3 + t, s, UNROLL_COEF_C3, -1, t, 0);
        status |= get(c->wold + t, s, UNROLL_COEF_A, UNROLL_COEF_A, t - 1, t);
        status |= get(c->wnew + t, s, UNROLL_COEF_a, UNROLL_COEF_A, t, t);
    }
    if (status != UNROLL_SUCCESS)
    {
        unroll_arith_msg(msg, "the coefficients at t = %ld are not finite "
                         "doubles", (long) t - 1);
        return UNROLL_DOMAIN;
    }
    return UNROLL_SUCCESS;
}
