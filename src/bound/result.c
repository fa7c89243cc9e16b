#include "unroll/bound.h"

static void
max_init(unroll_bound_max_struct * m)
{
    arf_init(&m->lo);
    arf_init(&m->hi);
    arf_init(&m->at);
}

static void
max_clear(unroll_bound_max_struct * m)
{
    arf_clear(&m->lo);
    arf_clear(&m->hi);
    arf_clear(&m->at);
}

void
unroll_bound_result_init(unroll_bound_result_t res)
{
    res->t = 0;
    max_init(&res->B);
    max_init(&res->D);
    res->prec = 0;
    res->evals = 0;
}

void
unroll_bound_result_clear(unroll_bound_result_t res)
{
    max_clear(&res->B);
    max_clear(&res->D);
}

unroll_bound_result_struct *
_unroll_bound_result_vec_init(slong n)
{
    unroll_bound_result_struct * v;
    slong i;

    v = flint_malloc(sizeof(unroll_bound_result_struct) * FLINT_MAX(n, 1));
    for (i = 0; i < n; i++)
        unroll_bound_result_init(v + i);
    return v;
}

void
_unroll_bound_result_vec_clear(unroll_bound_result_struct * v, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
        unroll_bound_result_clear(v + i);
    flint_free(v);
}
