#include "impl.h"

void
_unroll_bound_ctx_init(_unroll_bound_ctx_t * ctx,
                       const unroll_scheme_point_t pt,
                       const unroll_spectrum_t spec, slong t, int stage,
                       slong prec)
{
    ctx->pt = pt;
    ctx->ft = NULL;
    ctx->majorant = 0;
    ctx->spec = spec;
    ctx->t = t;
    ctx->stage = stage;
    ctx->nodes = NULL;
    ctx->len = 0;
    ctx->alloc = 0;
    arb_init(ctx->w);
    arb_init(ctx->xbar);
    arb_init(ctx->pi);
    _unroll_bound_ctx_reset(ctx, prec);
}

static void
node_clear(_unroll_bound_node_t * n)
{
    int f, k;

    arf_clear(&n->u);
    arf_clear(&n->lam);
    for (f = 0; f < 2; f++)
        for (k = 0; k < 3; k++)
            arb_clear(&n->g[f][k]);
}

void
_unroll_bound_ctx_clear(_unroll_bound_ctx_t * ctx)
{
    slong i;

    for (i = 0; i < ctx->alloc; i++)
        node_clear(ctx->nodes + i);
    flint_free(ctx->nodes);
    arb_clear(ctx->w);
    arb_clear(ctx->xbar);
    arb_clear(ctx->pi);
}

void
_unroll_bound_ctx_reset(_unroll_bound_ctx_t * ctx, slong prec)
{
    fmpq_t a;

    fmpq_init(a);

    ctx->prec = prec;
    ctx->len = 0;
    fmpq_sub(a, &ctx->spec->L, &ctx->spec->l);
    fmpq_div_2exp(a, a, 1);
    arb_set_fmpq(ctx->w, a, prec);
    unroll_spectrum_x0(a, ctx->spec);
    fmpq_neg(a, a);
    arb_set_fmpq(ctx->xbar, a, prec);
    arb_const_pi(ctx->pi, prec);

    fmpq_clear(a);
}
