#include <math.h>

#include "impl.h"

static void
widen(double * lo, double * hi, double v)
{
    if (isnan(v))
        return;
    *lo = FLINT_MIN(*lo, v);
    *hi = FLINT_MAX(*hi, v);
}

int
_unroll_plot_panel_range(double * xmin, double * xmax, double * ymin,
                         double * ymax, const unroll_plot_panel_struct * p)
{
    const unroll_plot_series_struct * s;
    slong i, j;
    double pad;

    *xmin = *ymin = INFINITY;
    *xmax = *ymax = -INFINITY;
    for (i = 0; i < p->nseries; i++)
    {
        s = p->series + i;
        for (j = 0; j < s->n; j++)
        {
            if (!isfinite(s->x[j]))
                continue;
            if (s->y != NULL && !isnan(_unroll_plot_coord(s->y[j], p->logy)))
                widen(xmin, xmax, s->x[j]);
            if (s->y != NULL)
                widen(ymin, ymax, _unroll_plot_coord(s->y[j], p->logy));
            if (s->lo != NULL && s->hi != NULL)
            {
                widen(ymin, ymax, _unroll_plot_coord(s->lo[j], p->logy));
                widen(ymin, ymax, _unroll_plot_coord(s->hi[j], p->logy));
                widen(xmin, xmax, s->x[j]);
            }
        }
    }
    if (!(*xmin <= *xmax) || !(*ymin <= *ymax))
        return 0;

    /* A flat panel still needs a window of positive height. */
    pad = 0.04 * (*ymax - *ymin);
    if (pad == 0)
        pad = p->logy ? 0.5 : FLINT_MAX(1e-12, 0.05 * fabs(*ymax));
    *ymin -= pad;
    *ymax += pad;

    /* Log axes are labelled at powers of ten: widen to whole decades so
       that every panel carries at least two labels. */
    if (p->logy)
    {
        *ymin = floor(*ymin);
        *ymax = ceil(*ymax);
    }
    if (*xmin == *xmax)
        *xmax = *xmin + 1;
    return 1;
}
