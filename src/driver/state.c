#include <string.h>

#include "impl.h"

void
unroll_driver_state_init(unroll_driver_state_t st, int kind, slong N,
                         const double * x0)
{
    int i, nseq = kind == UNROLL_SCHEME_AVERAGED ? 5 : 2;
    double ** seq[5];

    st->kind = kind;
    st->N = N;
    seq[0] = &st->y1; seq[1] = &st->y2; seq[2] = &st->z1;
    seq[3] = &st->z2; seq[4] = &st->x;
    st->z1 = st->z2 = st->x = NULL;
    for (i = 0; i < nseq; i++)
    {
        *seq[i] = _unroll_driver_alloc(N, sizeof(double));
        memcpy(*seq[i], x0, sizeof(double) * N);
    }
    if (kind != UNROLL_SCHEME_AVERAGED)
        st->x = st->y1;
}

void
unroll_driver_state_clear(unroll_driver_state_t st)
{
    flint_free(st->y1);
    flint_free(st->y2);
    if (st->kind == UNROLL_SCHEME_AVERAGED)
    {
        flint_free(st->z1);
        flint_free(st->z2);
        flint_free(st->x);
    }
}

static void
swap(double ** a, double ** b)
{
    double * t = *a;

    *a = *b;
    *b = t;
}

/* y_t overwrites y_{t-2} entry by entry (each entry of y_{t-2} is read
   before it is replaced), then the names rotate; likewise for z.  One
   fused loop keeps the step a single pass over the state. */
void
unroll_driver_state_step(unroll_driver_state_t st,
                         const unroll_driver_coeffs_t c, slong t,
                         const double * grad)
{
    slong i, N = st->N;
    double h = c->h[t], m = c->m[t], yn, zn;
    double c1 = c->c1[t], c2 = c->c2[t], c3 = c->c3[t];
    double wo = c->wold[t], wn = c->wnew[t];

    if (st->kind != UNROLL_SCHEME_AVERAGED)
    {
        for (i = 0; i < N; i++)
            st->y2[i] = (1.0 + m) * st->y1[i] - m * st->y2[i] - h * grad[i];
        swap(&st->y1, &st->y2);
        st->x = st->y1;
        return;
    }
    for (i = 0; i < N; i++)
    {
        yn = (1.0 + m) * st->y1[i] - m * st->y2[i] - h * grad[i];
        zn = t <= 2 ? yn : c1 * st->z2[i] + c2 * yn - c3 * st->y2[i];
        st->x[i] = wo * st->x[i] + wn * zn;
        st->y2[i] = yn;
        st->z2[i] = zn;
    }
    swap(&st->y1, &st->y2);
    swap(&st->z1, &st->z2);
}
