#include "impl.h"

static void
node_init(_unroll_bound_node_t * n)
{
    int f, k;

    arf_init(&n->u);
    arf_init(&n->lam);
    for (f = 0; f < 2; f++)
        for (k = 0; k < 3; k++)
            arb_init(&n->g[f][k]);
}

static _unroll_bound_node_t *
node_new(_unroll_bound_ctx_t * ctx)
{
    slong i, alloc;

    if (ctx->len == ctx->alloc)
    {
        alloc = FLINT_MAX(64, 2 * ctx->alloc);
        ctx->nodes = flint_realloc(ctx->nodes,
                                   sizeof(_unroll_bound_node_t) * alloc);
        for (i = ctx->alloc; i < alloc; i++)
            node_init(ctx->nodes + i);
        ctx->alloc = alloc;
    }
    return ctx->nodes + ctx->len++;
}

/* lambda(u) = (cos(pi u) + xbar) (L - l) / 2 maps u = 0 to L and u = 1
   to l.  The ends are set exactly, since the maxima usually sit there and
   their values are the ones reported. */
void
_unroll_bound_point(arb_t lam, arb_t s, arb_t c,
                    const _unroll_bound_ctx_t * ctx, const arf_t u)
{
    slong prec = ctx->prec;

    if (arf_is_zero(u) || arf_is_one(u))
    {
        arb_zero(s);
        arb_set_si(c, arf_is_zero(u) ? 1 : -1);
        arb_set_fmpq(lam, arf_is_zero(u) ? &ctx->spec->L : &ctx->spec->l,
                     prec);
        return;
    }
    arb_set_arf(lam, u);
    arb_sin_cos_pi(s, c, lam, prec);
    arb_add(lam, c, ctx->xbar, prec);
    arb_mul(lam, lam, ctx->w, prec);
}

/* With f0, f1, f2 the derivatives in lambda and lambda' = -pi sin(pi u) w,
   lambda'' = -pi^2 cos(pi u) w, the chain rule gives
   g' = f1 lambda' and g'' = f2 lambda'^2 + f1 lambda''. */
static void
chain(arb_struct * g, const arb_t f1, const arb_t f2, const arb_t d1,
      const arb_t d2, slong prec)
{
    arb_mul(g + 1, f1, d1, prec);
    arb_mul(g + 2, f2, d1, prec);
    arb_mul(g + 2, g + 2, d1, prec);
    arb_addmul(g + 2, f1, d2, prec);
}

/* g[f][k] from the jet of P at lambda, with s = sin(pi u) and
   c = cos(pi u). */
void
_unroll_bound_derive(arb_struct g[2][3], const arb_t lam, const arb_t s,
                     const arb_t c, arb_srcptr jet,
                     const _unroll_bound_ctx_t * ctx)
{
    slong prec = ctx->prec;
    arb_t d1, d2, f1, f2;

    arb_init(d1);
    arb_init(d2);
    arb_init(f1);
    arb_init(f2);

    /* d1 = lambda' and d2 = lambda''. */
    arb_mul(d1, s, ctx->pi, prec);
    arb_mul(d1, d1, ctx->w, prec);
    arb_neg(d1, d1);
    arb_mul(d2, c, ctx->pi, prec);
    arb_mul(d2, d2, ctx->pi, prec);
    arb_mul(d2, d2, ctx->w, prec);
    arb_neg(d2, d2);

    /* E = P - lambda P', E' = -lambda P'', E'' = -P'' - lambda P'''. */
    arb_mul(&g[_UNROLL_F_E][0], lam, jet + 1, prec);
    arb_sub(&g[_UNROLL_F_E][0], jet + 0, &g[_UNROLL_F_E][0], prec);
    arb_mul(f1, lam, jet + 2, prec);
    arb_neg(f1, f1);
    arb_mul(f2, lam, jet + 3, prec);
    arb_add(f2, f2, jet + 2, prec);
    arb_neg(f2, f2);
    chain(g[_UNROLL_F_E], f1, f2, d1, d2, prec);

    arb_set(&g[_UNROLL_F_D][0], jet + 1);
    chain(g[_UNROLL_F_D], jet + 2, jet + 3, d1, d2, prec);

    arb_clear(f2);
    arb_clear(f1);
    arb_clear(d2);
    arb_clear(d1);
}

slong
_unroll_bound_node_push(_unroll_bound_ctx_t * ctx, const arf_t u,
                        const arf_t lam, arb_struct g[2][3],
                        int precise)
{
    _unroll_bound_node_t * n = node_new(ctx);
    int f, k;

    arf_set(&n->u, u);
    arf_set(&n->lam, lam);
    n->precise = precise;
    n->full = 1;
    for (f = 0; f < 2; f++)
        for (k = 0; k < 3; k++)
            arb_set(&n->g[f][k], &g[f][k]);
    return ctx->len - 1;
}

/* The jet of the residual at node n, fast when allowed and possible. */
static void
evaluate(_unroll_bound_node_t * n, _unroll_bound_ctx_t * ctx, int fast)
{
    arb_struct jet[UNROLL_POINT_ORDER_MAX + 1];
    arb_t lam, s, c;
    int k;

    for (k = 0; k <= UNROLL_POINT_ORDER_MAX; k++)
        arb_init(jet + k);
    arb_init(lam);
    arb_init(s);
    arb_init(c);

    _unroll_bound_point(lam, s, c, ctx, &n->u);
    arf_set(&n->lam, arb_midref(lam));
    n->full = 1;
    n->precise = !(fast && ctx->ft != NULL
                   && unroll_scheme_fast_jet(jet, ctx->ft, lam, ctx->t,
                                             ctx->stage, 3));
    if (n->precise && ctx->majorant)
        unroll_scheme_point_jet(jet, ctx->pt, lam, ctx->t, ctx->stage, 3,
                                ctx->prec);
    else if (n->precise)
        unroll_scheme_point_jet_frame(jet, ctx->pt, lam, ctx->t,
                                      ctx->stage, 3, ctx->prec);
    _unroll_bound_derive(n->g, lam, s, c, jet, ctx);

    arb_clear(c);
    arb_clear(s);
    arb_clear(lam);
    for (k = 0; k <= UNROLL_POINT_ORDER_MAX; k++)
        arb_clear(jet + k);
}

slong
_unroll_bound_node_add(_unroll_bound_ctx_t * ctx, const arf_t u)
{
    _unroll_bound_node_t * n = node_new(ctx);

    arf_set(&n->u, u);
    evaluate(n, ctx, 1);
    return ctx->len - 1;
}

void
_unroll_bound_node_sharpen(_unroll_bound_ctx_t * ctx, slong i)
{
    if (!ctx->nodes[i].precise)
        evaluate(ctx->nodes + i, ctx, 0);
}

/* The values at node i in balls at prec bits, to order 1:
   E = P - lambda P' and P'. */
void
_unroll_bound_node_sharpen_value(_unroll_bound_ctx_t * ctx, slong i,
                                 slong prec)
{
    _unroll_bound_node_t * n = ctx->nodes + i;
    arb_struct jet[2];
    arb_t lam, s, c;

    if (n->precise)
        return;

    arb_init(jet + 0);
    arb_init(jet + 1);
    arb_init(lam);
    arb_init(s);
    arb_init(c);

    _unroll_bound_point(lam, s, c, ctx, &n->u);
    if (ctx->majorant)
        unroll_scheme_point_jet(jet, ctx->pt, lam, ctx->t, ctx->stage, 1,
                                prec);
    else
        unroll_scheme_point_jet_frame(jet, ctx->pt, lam, ctx->t,
                                      ctx->stage, 1, prec);
    arb_mul(&n->g[_UNROLL_F_E][0], lam, jet + 1, prec);
    arb_sub(&n->g[_UNROLL_F_E][0], jet + 0, &n->g[_UNROLL_F_E][0], prec);
    arb_set(&n->g[_UNROLL_F_D][0], jet + 1);

    arb_clear(c);
    arb_clear(s);
    arb_clear(lam);
    arb_clear(jet + 1);
    arb_clear(jet + 0);
}

void
_unroll_bound_node_complete(_unroll_bound_ctx_t * ctx, slong i)
{
    if (!ctx->nodes[i].full)
        evaluate(ctx->nodes + i, ctx, 1);
}

void
_unroll_bound_nodes_add(_unroll_bound_ctx_t * ctx, arf_srcptr u, slong n,
                        int order)
{
    arb_ptr lam = _arb_vec_init(n), s = _arb_vec_init(n);
    arb_ptr c = _arb_vec_init(n), jets = _arb_vec_init(4 * n);
    _unroll_bound_node_t * node;
    int ok[UNROLL_FAST_LANES] = { 0 }, k;
    arb_struct full[4];
    slong i;

    if (n < 1 || n > UNROLL_FAST_LANES || order < 2 || order > 3)
        flint_abort();

    for (k = 0; k < 4; k++)
        arb_init(full + k);
    for (i = 0; i < n; i++)
        _unroll_bound_point(lam + i, s + i, c + i, ctx, u + i);
    if (ctx->ft != NULL)
        unroll_scheme_fast_jet_vec(jets, ok, ctx->ft, lam, n, ctx->t,
                                   ctx->stage, order);

    for (i = 0; i < n; i++)
    {
        node = node_new(ctx);
        arf_set(&node->u, u + i);
        if (!ok[i])
        {
            evaluate(node, ctx, 0);
            continue;
        }
        arf_set(&node->lam, arb_midref(lam + i));
        node->precise = 0;
        node->full = order == 3;
        /* Point i's jet sits at (order + 1) i; an unknown P''' makes g''
           unknown. */
        for (k = 0; k <= order; k++)
            arb_set(full + k, jets + (order + 1) * i + k);
        if (order < 3)
            arb_zero_pm_inf(full + 3);
        _unroll_bound_derive(node->g, lam + i, s + i, c + i, full, ctx);
    }

    _arb_vec_clear(lam, n);
    _arb_vec_clear(s, n);
    _arb_vec_clear(c, n);
    _arb_vec_clear(jets, 4 * n);
    for (k = 0; k < 4; k++)
        arb_clear(full + k);
}
