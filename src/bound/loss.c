#include "impl.h"

/* Bits of accuracy of x relative to the magnitude 2^e: e - exp(rad). */
static slong
accuracy(const arb_t x, slong e)
{
    if (mag_is_zero(arb_radref(x)))
        return WORD_MAX / 4;
    return e - fmpz_get_si(MAG_EXPREF(arb_radref(x)));
}

/* Runs the ball jets (frame interpreter) at l and L at a low probe
   precision and reads off how many bits the radii lost against the
   largest value found there.  With frames the loss grows like a few
   times log2 t, so one probe at 64 bits usually decides; it is repeated
   at twice the precision while it is swamped.  The coefficients are
   kept a little more precise than the probe, so that what is measured
   is the loss of the recurrence. */
void
_unroll_bound_cache_fit(unroll_scheme_point_t pt, const unroll_scheme_t s,
                        slong prec)
{
    if (pt->prec >= prec)
        return;
    unroll_scheme_point_clear(pt);
    unroll_scheme_point_init(pt, s, pt->T, prec + prec / 8);
}

slong
_unroll_bound_loss(unroll_scheme_point_t pt, const unroll_scheme_t s,
                   const unroll_spectrum_t spec, slong t, int stage,
                   int majorant)
{
    _unroll_bound_ctx_t ctx;
    arf_t u;
    slong prec, e, acc, i;
    int f;

    arf_init(u);
    for (prec = 64; ; prec *= 2)
    {
        _unroll_bound_cache_fit(pt, s, prec + 64);
        _unroll_bound_ctx_init(&ctx, pt, spec, t, stage, prec);
        ctx.majorant = majorant;
        arf_zero(u);
        _unroll_bound_node_add(&ctx, u);
        arf_one(u);
        _unroll_bound_node_add(&ctx, u);

        e = WORD_MIN / 4;
        acc = WORD_MAX / 4;
        for (i = 0; i < 2; i++)
            for (f = 0; f < 2; f++)
                if (!arf_is_zero(arb_midref(&ctx.nodes[i].g[f][0])))
                    e = FLINT_MAX(e, fmpz_get_si(ARF_EXPREF(
                        arb_midref(&ctx.nodes[i].g[f][0]))));
        for (i = 0; i < 2; i++)
            for (f = 0; f < 2; f++)
                acc = FLINT_MIN(acc, accuracy(&ctx.nodes[i].g[f][0], e));

        _unroll_bound_ctx_clear(&ctx);
        if (acc >= 16 || (!s->exact && prec > s->prec)
            || prec > 64 * (t + 64))
            break;
    }
    arf_clear(u);
    return FLINT_MAX(0, prec - FLINT_MIN(acc, prec));
}
