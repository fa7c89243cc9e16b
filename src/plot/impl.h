/* Declarations private to the plot module. */
#ifndef UNROLL_PLOT_IMPL_H
#define UNROLL_PLOT_IMPL_H

#include <plplot.h>

#include "unroll/plot.h"

/* The range of the finite (and, on a log panel, positive) values of a
   panel, in plot coordinates (log10 on a log panel).  Returns 0 when the
   panel has no such value. */
int _unroll_plot_panel_range(double * xmin, double * xmax, double * ymin,
                             double * ymax,
                             const unroll_plot_panel_struct * p);

/* Plot coordinate of a data value: v, or log10 v on a log panel; NAN
   when it cannot be drawn. */
double _unroll_plot_coord(double v, int logy);

/* The colour-map entry kept for translucent bands. */
#define _UNROLL_PLOT_BAND 15

/* Sets the colour-map entries of the method styles. */
void _unroll_plot_palette(void);

/* Colour index and marker code of a style, with its shade variant. */
int _unroll_plot_color(int style, int shade);
const char * _unroll_plot_marker(int style);

/* Labels of a log axis (values in log10 units): "10^k" as PLplot text,
   for plslabelfunc. */
void _unroll_plot_log_label(PLINT axis, PLFLT value, char * label,
                            PLINT length, PLPointer data);

/* Draws one series in the current window. */
void _unroll_plot_series(const unroll_plot_series_struct * s, int logy);

/* Draws the legend of all panels in the viewport given. */
void _unroll_plot_legend(const unroll_plot_panel_struct * panels,
                         slong npanels, double x0, double x1, double y0,
                         double y1);

#endif
