#include <string.h>

#include "impl.h"

#define MAX_ENTRIES 32

/* One legend for the whole figure, in its own viewport beside the panels:
   curves are never covered, and a label shared by several panels (the
   same method) appears once. */
void
_unroll_plot_legend(const unroll_plot_panel_struct * panels, slong npanels,
                    double x0, double x1, double y0, double y1)
{
    const char * text[MAX_ENTRIES], * sym[MAX_ENTRIES];
    PLINT opt[MAX_ENTRIES], col[MAX_ENTRIES], lsty[MAX_ENTRIES];
    PLINT nsym[MAX_ENTRIES], box_pat[MAX_ENTRIES];
    PLFLT lw[MAX_ENTRIES], ssc[MAX_ENTRIES], bsc[MAX_ENTRIES];
    PLFLT blw[MAX_ENTRIES], w, h;
    slong p, i, k, n = 0;
    const unroll_plot_series_struct * s;

    for (p = 0; p < npanels; p++)
        for (i = 0; i < panels[p].nseries && n < MAX_ENTRIES; i++)
        {
            s = panels[p].series + i;
            for (k = 0; k < n && strcmp(text[k], s->label) != 0; k++)
                ;
            if (k < n || s->label == NULL || s->label[0] == '\0')
                continue;
            text[n] = s->label;
            sym[n] = _unroll_plot_marker(s->style);
            col[n] = _unroll_plot_color(s->style, s->shade);
            opt[n] = PL_LEGEND_LINE
                     | (sym[n][0] != '\0' ? PL_LEGEND_SYMBOL : 0);
            lsty[n] = s->dashed ? 2 : 1;
            lw[n] = 2.0;
            nsym[n] = 1;
            ssc[n] = 1.0;
            box_pat[n] = 0;
            bsc[n] = 1.0;
            blw[n] = 1.0;
            n++;
        }
    if (n == 0)
        return;

    plvpor(x0, x1, y0, y1);
    plwind(0.0, 1.0, 0.0, 1.0);
    pllegend(&w, &h, PL_LEGEND_BACKGROUND, PL_POSITION_VIEWPORT
             | PL_POSITION_INSIDE | PL_POSITION_TOP | PL_POSITION_LEFT,
             0.0, 0.0, 0.16, 0, 1, 1, 0, 0, (PLINT) n, opt, 0.6, 0.85, 2.0,
             0.0, col, text, col, box_pat, bsc, blw, col, lsty, lw, col,
             ssc, nsym, sym);
}
