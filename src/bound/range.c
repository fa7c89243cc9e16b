#include "impl.h"

/* The range version shares the grid work between degrees: one run of
   the recurrences at a grid point gives the jets of every t up to the
   block's largest t1 (unroll_scheme_fast_jets), so a block of degrees
   costs (2 t1 + 1) runs of t1 steps instead of about 2t runs of t steps
   for each t.  Every t of the block uses the grid of t1 (M = 2 t1 cells,
   at least the 2t the search needs) and then refines its own cells with
   single-t evaluations, exactly as unroll_bound_sup_stage.  The stored
   grid values are rounded to rel_bits + 64 bits, far below their
   radii's relevance, and their number is capped, which sets the block
   size.

   The maxima of the paper's methods sit at l or L (u = 1 or 0): the
   block evaluates those two nodes in balls for all its degrees at once,
   and the monotony test closes the cells next to them.  Geometric nodes
   next to the ends (2^-k / M, k = 1..ENDS) are possible but now cost
   more than they save: each sits within a hair of the maximum, so each
   would need its own ball evaluation per degree. */
#define GRID_BALLS_MAX (2 * 1000 * 1000)
#define ENDS 0

/* Nodes next to each end evaluated in balls for the whole block. */
#define END_BALLS 8

typedef struct
{
    slong t0;
    slong t1;
    slong M;            /* uniform spacing 1 / M */
    slong n;            /* nodes 0..n, n = M + 2 ENDS */
    slong prec;
    arf_struct * u;
    arf_struct * lam;
    int * precise;      /* per node: values from the ball interpreter */
    arb_ptr g;          /* 6 balls per (t, node), t-major */
}
block_t;

static arb_ptr
values(const block_t * b, slong t, slong j)
{
    return b->g + 6 * ((t - b->t0) * (b->n + 1) + j);
}

/* u_0 = 0 < 2^-ENDS / M < ... < 1 / (2M) < 1 / M < ... < (M - 1) / M
   < 1 - 1 / (2M) < ... < 1 - 2^-ENDS / M < 1, all exact dyadics. */
static void
block_nodes(block_t * b)
{
    arf_t h;
    slong j, k = 0;

    arf_init(h);
    arf_one(h);
    arf_div_si(h, h, b->M, 64, ARF_RND_NEAR);
    arf_zero(b->u + k++);
    for (j = ENDS; j >= 1; j--)
        arf_mul_2exp_si(b->u + k++, h, -j);
    for (j = 1; j < b->M; j++)
    {
        arf_set_si(b->u + k, j);
        arf_div_si(b->u + k, b->u + k, b->M, 64, ARF_RND_NEAR);
        k++;
    }
    for (j = 1; j <= ENDS; j++)
    {
        arf_mul_2exp_si(b->u + k, h, -j);
        arf_sub_ui(b->u + k, b->u + k, 1, 64, ARF_RND_NEAR);
        arf_neg(b->u + k, b->u + k);
        k++;
    }
    arf_one(b->u + k);
    arf_clear(h);
}

static void
block_init(block_t * b, slong t0, slong t1, slong prec)
{
    slong j;

    b->t0 = t0;
    b->t1 = t1;
    b->M = FLINT_MAX(2, 2 * t1);
    b->n = b->M + 2 * ENDS;
    b->prec = prec;
    b->u = flint_malloc(sizeof(arf_struct) * (b->n + 1));
    b->lam = flint_malloc(sizeof(arf_struct) * (b->n + 1));
    b->precise = flint_malloc(sizeof(int) * (b->n + 1));
    for (j = 0; j <= b->n; j++)
    {
        arf_init(b->u + j);
        arf_init(b->lam + j);
    }
    block_nodes(b);
    b->g = _arb_vec_init(6 * (t1 - t0 + 1) * (b->n + 1));
}

static void
block_clear(block_t * b)
{
    slong j;

    for (j = 0; j <= b->n; j++)
    {
        arf_clear(b->u + j);
        arf_clear(b->lam + j);
    }
    flint_free(b->u);
    flint_free(b->lam);
    flint_free(b->precise);
    _arb_vec_clear(b->g, 6 * (b->t1 - b->t0 + 1) * (b->n + 1));
}

/* The grid values of node j for every t of the block from its jets
   (jets + 4 t for step t). */
static void
block_store(block_t * b, const _unroll_bound_ctx_t * ctx, slong j,
            const arb_t lam, const arb_t s, const arb_t c, arb_srcptr jets,
            slong rel_bits)
{
    arb_ptr v;
    slong t;
    int i;

    arf_set(b->lam + j, arb_midref(lam));
    for (t = b->t0; t <= b->t1; t++)
    {
        v = values(b, t, j);
        _unroll_bound_derive((arb_struct (*)[3]) v, lam, s, c, jets + 4 * t,
                             ctx);
        for (i = 0; i < 6; i++)
            arb_set_round(v + i, v + i, rel_bits + 64);
    }
}

/* The grid values of every t of the block: one run per node, the
   floating-point ones UNROLL_FAST_LANES nodes side by side. */
static void
block_fill(block_t * b, const unroll_scheme_point_t pt,
           const unroll_scheme_fast_t ft, const unroll_spectrum_t spec,
           int stage, slong rel_bits)
{
    const slong W = UNROLL_FAST_LANES, len = 4 * (b->t1 + 1);
    _unroll_bound_ctx_t ctx;
    arb_ptr jets = _arb_vec_init(W * len);
    arb_ptr lam = _arb_vec_init(W), s = _arb_vec_init(W);
    arb_ptr c = _arb_vec_init(W);
    int ok[UNROLL_FAST_LANES];
    slong j, k, i, n;

    _unroll_bound_ctx_init(&ctx, pt, spec, b->t1, stage, b->prec);

    /* The ends l and L hold most maxima, and for the smaller t of the
       block the first nodes are nearly as high: balls there at once,
       for every t, spare each t its own evaluations. */
    for (j = 0; j <= b->n; j++)
        b->precise[j] = j <= END_BALLS || j >= b->n - END_BALLS;

    /* Nodes j..j+n-1 form a batch: one node in balls, or up to W in
       floating point (a lane the run declines gets balls). */
    for (j = 0; j <= b->n; j += n)
    {
        for (n = 1; n < W && j + n <= b->n && !b->precise[j]
             && !b->precise[j + n]; n++)
            ;
        for (i = 0; i < n; i++)
        {
            _unroll_bound_point(lam + i, s + i, c + i, &ctx, b->u + j + i);
            ok[i] = 0;
        }
        if (!b->precise[j])
            unroll_scheme_fast_jets_vec(jets, ok, ft, lam, n, b->t1, stage,
                                        3);
        for (i = 0; i < n; i++)
        {
            k = j + i;
            b->precise[k] = !ok[i];
            if (b->precise[k])
                unroll_scheme_point_jets_frame(jets + i * len, pt, lam + i,
                                               b->t1, stage, 3, b->prec);
            block_store(b, &ctx, k, lam + i, s + i, c + i, jets + i * len,
                        rel_bits);
        }
    }

    _unroll_bound_ctx_clear(&ctx);
    _arb_vec_clear(c, W);
    _arb_vec_clear(s, W);
    _arb_vec_clear(lam, W);
    _arb_vec_clear(jets, W * len);
}

/* One t from the stored grid; UNROLL_UNABLE sends it to the fallback. */
static int
one_t(unroll_bound_result_t res, const block_t * b,
      const unroll_scheme_point_t pt, const unroll_scheme_fast_t ft,
      const unroll_spectrum_t spec, slong t, int stage, slong rel_bits)
{
    _unroll_bound_ctx_t ctx;
    slong j;
    int status;

    _unroll_bound_ctx_init(&ctx, pt, spec, t, stage, b->prec);
    ctx.ft = ft;
    ctx.N = b->n;
    ctx.spacing = b->M;
    for (j = 0; j <= b->n; j++)
        _unroll_bound_node_push(&ctx, b->u + j, b->lam + j,
                                (arb_struct (*)[3]) values(b, t, j),
                                b->precise[j]);
    status = _unroll_bound_sup_one(&res->B, &ctx, _UNROLL_F_E, rel_bits);
    if (status == UNROLL_SUCCESS)
        status = _unroll_bound_sup_one(&res->D, &ctx, _UNROLL_F_D,
                                       rel_bits);
    res->t = t;
    res->prec = b->prec;
    res->evals = ctx.len - (b->n + 1);
    _unroll_bound_ctx_clear(&ctx);
    return status;
}

/* Certifies t = t0..t1 from one block; a t whose search fails at the
   block's precision is redone alone, with its own precision loop. */
static int
do_block(unroll_bound_result_struct * res, slong * done,
         unroll_scheme_point_t pt, const unroll_scheme_fast_t ft,
         const unroll_scheme_t s,
         const unroll_spectrum_t spec, slong t0, slong t1, int stage,
         slong rel_bits, char * msg)
{
    block_t b;
    slong t, loss;
    int status = UNROLL_SUCCESS;

    loss = _unroll_bound_loss(pt, s, spec, t1, stage, 0);
    block_init(&b, t0, t1, _unroll_bound_first_prec(rel_bits, loss, t1));
    _unroll_bound_cache_fit(pt, s, b.prec + 16);
    block_fill(&b, pt, ft, spec, stage, rel_bits);

    for (t = t0; t <= t1 && status == UNROLL_SUCCESS; t++)
    {
        if (one_t(res + t - 1, &b, pt, ft, spec, t, stage, rel_bits)
            != UNROLL_SUCCESS)
        {
            loss = _unroll_bound_loss(pt, s, spec, t, stage, 0);
            status = _unroll_bound_sup_cached(res + t - 1, pt, ft, s, spec,
                                              t, stage, rel_bits, loss, msg);
        }
        if (status == UNROLL_SUCCESS && done != NULL)
            *done = t;
    }

    block_clear(&b);
    return status;
}

int
unroll_bound_sup_range(unroll_bound_result_struct * res, slong * done,
                       const unroll_scheme_t s, const unroll_spectrum_t spec,
                       slong N, int stage, slong rel_bits, char * msg)
{
    unroll_scheme_point_t pt;
    unroll_scheme_fast_t ft;
    slong t0, t1;
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

    /* One rounding of the cache for the probes and the first attempts,
       as in unroll_bound_sup_stage. */
    unroll_scheme_point_init(pt, s, N, rel_bits + 128);
    unroll_scheme_fast_init(ft, pt);
    for (t0 = 1; t0 <= N && status == UNROLL_SUCCESS; t0 = t1 + 1)
    {
        /* The largest block whose stored grid stays under the cap. */
        t1 = t0 + GRID_BALLS_MAX / (6 * (2 * N + 2 * ENDS + 1)) - 1;
        t1 = FLINT_MIN(N, FLINT_MAX(t0, t1));
        status = do_block(res, done, pt, ft, s, spec, t0, t1, stage,
                          rel_bits, msg);
    }
    unroll_scheme_fast_clear(ft);
    unroll_scheme_point_clear(pt);
    return status;
}
