#include "impl.h"

/* The coefficients are rounded for all t at once and again only when
   the precision needed grows by an eighth, and each t starts from its
   own loss probe, which costs two evaluations. */
int
unroll_bound_sup_range(unroll_bound_result_struct * res, slong * done,
                       const unroll_scheme_t s, const unroll_spectrum_t spec,
                       slong N, int stage, slong rel_bits, char * msg)
{
    unroll_scheme_point_t pt;
    slong t, loss;
    int status = UNROLL_SUCCESS;

    if (done != NULL)
        *done = 0;
    if (N < 0 || N > s->T || rel_bits < 1
        || rel_bits > UNROLL_BOUND_REL_BITS_MAX)
    {
        unroll_arith_msg(msg, "bad range 1..%ld or relative width",
                         (long) N);
        return UNROLL_DOMAIN;
    }
    if (N == 0)
        return UNROLL_SUCCESS;

    unroll_scheme_point_init(pt, s, N, 64);
    for (t = 1; t <= N && status == UNROLL_SUCCESS; t++)
    {
        loss = _unroll_bound_loss(pt, s, spec, t, stage);
        status = _unroll_bound_sup_cached(res + t - 1, pt, s, spec, t, stage,
                                          rel_bits, loss, msg);
        if (status == UNROLL_SUCCESS && done != NULL)
            *done = t;
    }
    unroll_scheme_point_clear(pt);
    return status;
}
