#include <math.h>
#include <stdlib.h>

#include "impl.h"

/* Draws the runs of consecutive drawable points as separate polylines, so
   that a value a log axis cannot show breaks the line instead of
   joining its neighbours across the gap. */
static void
draw_line(const unroll_plot_series_struct * s, int logy)
{
    PLFLT * x = malloc(sizeof(PLFLT) * (size_t) s->n);
    PLFLT * y = malloc(sizeof(PLFLT) * (size_t) s->n);
    slong i, k = 0;
    double v;

    for (i = 0; i <= s->n; i++)
    {
        v = i < s->n ? _unroll_plot_coord(s->y[i], logy) : NAN;
        if (!isnan(v) && isfinite(s->x[i]))
        {
            x[k] = s->x[i];
            y[k++] = v;
        }
        else
        {
            if (k > 1)
                plline((PLINT) k, x, y);
            k = 0;
        }
    }
    free(y);
    free(x);
}

/* The band is one polygon per run of points where both ends are
   drawable: lower edge left to right, upper edge back. */
static void
draw_band(const unroll_plot_series_struct * s, int logy)
{
    PLFLT * x = malloc(sizeof(PLFLT) * 2 * (size_t) s->n);
    PLFLT * y = malloc(sizeof(PLFLT) * 2 * (size_t) s->n);
    slong i, j, start = 0, k;
    double lo, hi;

    for (i = 0; i <= s->n; i++)
    {
        lo = i < s->n ? _unroll_plot_coord(s->lo[i], logy) : NAN;
        hi = i < s->n ? _unroll_plot_coord(s->hi[i], logy) : NAN;
        if (!isnan(lo) && !isnan(hi))
            continue;
        k = 0;
        for (j = start; j < i; j++, k++)
        {
            x[k] = s->x[j];
            y[k] = _unroll_plot_coord(s->lo[j], logy);
        }
        for (j = i - 1; j >= start; j--, k++)
        {
            x[k] = s->x[j];
            y[k] = _unroll_plot_coord(s->hi[j], logy);
        }
        if (k > 2)
            plfill((PLINT) k, x, y);
        start = i + 1;
    }
    free(y);
    free(x);
}

static void
draw_markers(const unroll_plot_series_struct * s, int logy)
{
    const char * m = _unroll_plot_marker(s->style);
    slong i, every = FLINT_MAX(1, s->n / 12);
    PLFLT x, y;

    if (m[0] == '\0' || s->y == NULL)
        return;
    plschr(4.6, 0.7);
    for (i = every / 2; i < s->n; i += every)
    {
        y = _unroll_plot_coord(s->y[i], logy);
        x = s->x[i];
        if (!isnan(y))
            plstring(1, &x, &y, m);
    }
    plschr(4.6, 1.0);
}

void
_unroll_plot_series(const unroll_plot_series_struct * s, int logy)
{
    PLINT r, g, b;
    int col = _unroll_plot_color(s->style, s->shade);

    /* Bands use the series colour, translucent, in the spare entry
       _UNROLL_PLOT_BAND so that overlapping bands stay readable. */
    if (s->lo != NULL && s->hi != NULL)
    {
        plgcol0(col, &r, &g, &b);
        plscol0a(_UNROLL_PLOT_BAND, r, g, b, 0.3);
        plcol0(_UNROLL_PLOT_BAND);
        draw_band(s, logy);
    }
    if (s->y == NULL)
        return;

    plcol0(col);
    plwidth(2.0);
    pllsty(s->dashed ? 2 : 1);
    draw_line(s, logy);
    pllsty(1);
    plwidth(1.0);
    draw_markers(s, logy);
}
