#include "impl.h"

/* Working precision: the accuracy asked, the bits the recurrences lose
   (measured), and a margin for the grid's interior points, whose
   majorant may grow a little faster than at the ends. */
slong
_unroll_bound_first_prec(slong rel_bits, slong loss, slong t)
{
    return rel_bits + 40 + loss + loss / 8 + FLINT_BIT_COUNT(t);
}

/* One attempt at a fixed precision: the grid u_j ~ j / N (rounded to
   64-bit dyadics, so that every cell end is exact) with N = 2n, which
   makes Bernstein's factor at most 1.45, then the search for both
   functions on the shared nodes. */
static int
attempt(unroll_bound_result_t res, _unroll_bound_ctx_t * ctx,
        slong rel_bits)
{
    slong j, i, n, N = FLINT_MAX(2, 2 * ctx->t);
    arf_struct u[UNROLL_FAST_LANES];
    int status;

    for (i = 0; i < UNROLL_FAST_LANES; i++)
        arf_init(u + i);

    ctx->N = N;
    ctx->spacing = N;
    for (j = 0; j <= N; j += n)
    {
        n = FLINT_MIN(UNROLL_FAST_LANES, N + 1 - j);
        for (i = 0; i < n; i++)
        {
            arf_set_si(u + i, j + i);
            arf_div_si(u + i, u + i, N, 64, ARF_RND_NEAR);
        }
        _unroll_bound_nodes_add(ctx, u, n, 2);
    }
    status = _unroll_bound_sup_one(&res->B, ctx, _UNROLL_F_E, rel_bits);
    if (status == UNROLL_SUCCESS)
        status = _unroll_bound_sup_one(&res->D, ctx, _UNROLL_F_D, rel_bits);
    res->evals += ctx->len;

    for (i = 0; i < UNROLL_FAST_LANES; i++)
        arf_clear(u + i);
    return status;
}

/* The precision loop of one way of evaluating: fast nodes (ft) screened
   by balls of the frame or the majorant interpreter.  *cap receives the
   largest precision allowed. */
static int
search(unroll_bound_result_t res, unroll_scheme_point_t pt,
       const unroll_scheme_fast_struct * ft, int majorant,
       const unroll_scheme_t s, const unroll_spectrum_t spec, slong t,
       int stage, slong rel_bits, slong loss, slong * cap)
{
    _unroll_bound_ctx_t ctx;
    slong prec = _unroll_bound_first_prec(rel_bits, loss, t);
    int status = UNROLL_UNABLE;

    /* Ball coefficients cap the accuracy: beyond their own precision
       more working bits cannot help. */
    *cap = 3 * prec + 256;
    if (!s->exact)
        *cap = FLINT_MIN(*cap, FLINT_MAX(prec, s->prec));

    for (; prec <= *cap; prec += prec / 2 + 32)
    {
        _unroll_bound_cache_fit(pt, s, prec + 16);
        _unroll_bound_ctx_init(&ctx, pt, spec, t, stage, prec);
        ctx.ft = ft;
        ctx.majorant = majorant;
        status = attempt(res, &ctx, rel_bits);
        _unroll_bound_ctx_clear(&ctx);
        if (status == UNROLL_SUCCESS)
            break;
    }
    res->prec = prec;
    return status;
}

/* Shared by the single and the range versions: pt holds the rounded
   coefficients and is rebuilt at a higher precision when asked for.
   Should the fast way fail (its frames are not proven to beat the
   majorant everywhere), the plain ball search of the majorant
   interpreter is tried before giving up. */
int
_unroll_bound_sup_cached(unroll_bound_result_t res,
                         unroll_scheme_point_t pt,
                         const unroll_scheme_fast_struct * ft,
                         const unroll_scheme_t s,
                         const unroll_spectrum_t spec, slong t, int stage,
                         slong rel_bits, slong loss, char * msg)
{
    slong cap;
    int status;

    res->t = t;
    res->evals = 0;
    status = search(res, pt, ft, 0, s, spec, t, stage, rel_bits, loss,
                    &cap);
    if (status != UNROLL_SUCCESS)
    {
        loss = _unroll_bound_loss(pt, s, spec, t, stage, 1);
        status = search(res, pt, NULL, 1, s, spec, t, stage, rel_bits,
                        loss, &cap);
    }
    if (status != UNROLL_SUCCESS)
        unroll_arith_msg(msg, "could not certify t = %ld within %ld bits of "
                         "precision%s", (long) t, (long) cap, s->exact ? ""
                         : " (rebuild the scheme's balls at more bits)");
    return status;
}

static int
check_args(const unroll_scheme_t s, slong t, int stage, slong rel_bits,
           char * msg)
{
    if (t < 0 || t > s->T)
        unroll_arith_msg(msg, "t = %ld outside 0..%ld", (long) t,
                         (long) s->T);
    else if (rel_bits < 1 || rel_bits > UNROLL_BOUND_REL_BITS_MAX)
        unroll_arith_msg(msg, "relative width 2^-%ld outside 2^-1.."
                         "2^-%d", (long) rel_bits,
                         UNROLL_BOUND_REL_BITS_MAX);
    else if (stage < UNROLL_STAGE_Y || stage > UNROLL_STAGE_X)
        unroll_arith_msg(msg, "unknown stage %d", stage);
    else
        return UNROLL_SUCCESS;
    return UNROLL_DOMAIN;
}

int
unroll_bound_sup_stage(unroll_bound_result_t res, const unroll_scheme_t s,
                       const unroll_spectrum_t spec, slong t, int stage,
                       slong rel_bits, char * msg)
{
    unroll_scheme_point_t pt;
    unroll_scheme_fast_t ft;
    slong loss;
    int status;

    status = check_args(s, t, stage, rel_bits, msg);
    if (status != UNROLL_SUCCESS)
        return status;

    /* Rounded once at a precision that the probe (128 bits) and the
       usual first attempt (rel_bits + 40 + loss) both fit in: with
       exact coefficients of tens of thousands of bits (sobolev's A_t)
       each rounding of the whole cache costs a division per entry. */
    unroll_scheme_point_init(pt, s, t, rel_bits + 128);
    unroll_scheme_fast_init(ft, pt);
    loss = _unroll_bound_loss(pt, s, spec, t, stage, 0);
    status = _unroll_bound_sup_cached(res, pt, ft, s, spec, t, stage,
                                      rel_bits, loss, msg);
    unroll_scheme_fast_clear(ft);
    unroll_scheme_point_clear(pt);
    return status;
}

int
unroll_bound_sup(unroll_bound_result_t res, const unroll_scheme_t s,
                 const unroll_spectrum_t spec, slong t, slong rel_bits,
                 char * msg)
{
    return unroll_bound_sup_stage(res, s, spec, t, UNROLL_STAGE_X, rel_bits,
                                  msg);
}
