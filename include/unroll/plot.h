/*
    Plots: line and band charts of traces and bounds, drawn by PLplot's
    cairo driver into PNG, SVG or PDF files, written atomically.
*/
#ifndef UNROLL_PLOT_H
#define UNROLL_PLOT_H

#include "unroll/arith.h"

#ifdef __cplusplus
extern "C" {
#endif

#define UNROLL_PLOT_PNG 0
#define UNROLL_PLOT_SVG 1
#define UNROLL_PLOT_PDF 2

/* Styles: one colour and marker per method, the same in every figure. */
enum
{
    UNROLL_STYLE_GD_1_L = 0,     /* gradient descent, h = 1/L */
    UNROLL_STYLE_GD_2_LL,        /* gradient descent, h = 2/(L+l) */
    UNROLL_STYLE_GD_OTHER,       /* gradient descent, other steps */
    UNROLL_STYLE_CHEBYSHEV,
    UNROLL_STYLE_GEGENBAUER,
    UNROLL_STYLE_SOBOLEV,
    UNROLL_STYLE_ASYMPTOTIC,
    UNROLL_STYLE_MINIMAX,
    UNROLL_STYLE_HEAVY_BALL,
    UNROLL_STYLE_TABLE,
    UNROLL_STYLE_BOUND,          /* certified bounds: black */
    UNROLL_STYLE_LOWER,          /* lower bounds: grey */
    UNROLL_NSTYLES
};

/* One curve: y against x (y may be NULL), optionally with a shaded band
   [lo, hi] (both NULL for none).  Non-positive values are left out of a
   logarithmic panel, breaking the line there.  dashed draws the line
   dashed; shade marks the one-based number of a lighter variant (for
   several step sizes of one method), 0 for the method's own colour. */
typedef struct
{
    const char * label;
    int style;
    int dashed;
    int shade;
    slong n;
    const double * x;
    const double * y;
    const double * lo;
    const double * hi;
}
unroll_plot_series_struct;

/* One panel of a figure. */
typedef struct
{
    const char * title;
    const char * xlabel;
    const char * ylabel;
    int logy;
    slong nseries;
    const unroll_plot_series_struct * series;
}
unroll_plot_panel_struct;

/* ---- I/O ---------------------------------------------------------------- */

/* Draws the panels side by side, with one legend (each label once) to the
   right of them so that no curve is hidden, and writes the figure to path
   in the given format through a temporary file.  Returns UNROLL_DOMAIN for
   an empty figure or a series without finite points, UNROLL_IO when the
   file cannot be written; msg gets the reason. */
int unroll_plot_write(const char * path, int format,
                      const unroll_plot_panel_struct * panels,
                      slong npanels, char * msg) UNROLL_MUST_CHECK;

/* Parses "png", "svg" or "pdf"; returns -1 otherwise. */
int unroll_plot_format_from_name(const char * name);

/* The file extension of a format ("png", ...). */
const char * unroll_plot_format_ext(int format);

#ifdef __cplusplus
}
#endif

#endif
