/* Declarations private to the report module. */
#ifndef UNROLL_REPORT_IMPL_H
#define UNROLL_REPORT_IMPL_H

#include <stdio.h>

#include "unroll/report.h"
#include "unroll/driver.h"
#include "unroll/families.h"
#include "unroll/plot.h"
#include "unroll/table.h"

/* One numeric run: the rows the driver emitted. */
typedef struct
{
    slong n;
    slong alloc;
    double * t;
    double * gap;
    double * jerr;
    double * bound;     /* certified bound per row, or NaN */
}
_unroll_trace_t;

void _unroll_trace_init(_unroll_trace_t * tr);
void _unroll_trace_clear(_unroll_trace_t * tr);

/* A dataset of the experiments, loaded and standardised.  name is
   "breast-cancer", "bodyfat" or "synthetic".  Returns UNROLL_IO (or
   UNROLL_DOMAIN) with msg when it cannot be read. */
int _unroll_report_data(unroll_driver_data_t data,
                        const unroll_report_opts_t opts, const char * name,
                        char * msg);

/* The ridge or logistic problem of the experiments on data: the loss is
   the mean over samples plus theta/2 ||x||^2 with theta = 1e-3, which the
   driver's summed loss reproduces with theta * n (the iterates of every
   method are the same, up to the scale of the step). */
int _unroll_report_problem(unroll_driver_problem_t p,
                           const unroll_driver_data_t data, int kind,
                           char * msg);

/* Runs a method on p for T steps, keeping every row.  method is a family
   name; step (for gd) an expression in l and L such as "2/(L+l)";
   alpha and eta may be NULL.  The method's spectrum is the problem's,
   bracketed outward by rationals.  With bound set, each row also gets
   the certified worst-case bound B_t ||dx_0 - dx*|| + D_t G (ridge). */
int _unroll_report_run(_unroll_trace_t * tr, const unroll_driver_problem_t p,
                       const char * method, const char * step,
                       const char * alpha, const char * eta, slong T,
                       int bound, char * msg);

/* A method of the Figure 3 setting (l = 1/2, L = 10, alpha = 1): meth
   gets the family with its step and eta (expressions in l and L, or
   NULL), s its exact scheme for t = 0..T (balls at prec where
   irrational). */
int _unroll_report_fig3_scheme(unroll_scheme_t s, unroll_method_t meth,
                               const char * family, const char * step,
                               const char * eta, slong T, slong prec,
                               char * msg);

/* Adds a note to opts (dropped beyond UNROLL_REPORT_MAX_NOTES). */
void _unroll_report_note(unroll_report_opts_t opts, const char * fmt, ...);

/* Calls the progress callback, if any. */
void _unroll_report_progress(const unroll_report_opts_t opts,
                             const char * what);

/* Opens outdir/figureN.EXT for the plot and outdir/figureN.csv for the
   data; the CSV goes through a temporary file (commit or abort it). */
void _unroll_report_path(char * path, size_t len,
                         const unroll_report_opts_t opts, int n,
                         const char * ext);

/* Writes the rows of a trace to the figure's CSV:
   figure,dataset,method,t,gap,jerr,bound. */
void _unroll_report_csv_trace(FILE * f, int fig, const char * dataset,
                              const char * method,
                              const _unroll_trace_t * tr);

/* Opens outdir/figureN.csv through a temporary file and writes the
   header line (none when header is empty). */
int _unroll_report_csv_begin(unroll_table_out_t out,
                             const unroll_report_opts_t opts, int n,
                             const char * header, char * msg);

/* Draws the panels into outdir/figureN.EXT. */
int _unroll_report_plot(const unroll_report_opts_t opts, int n,
                        const unroll_plot_panel_struct * panels,
                        slong npanels, char * msg);

/* The header of the trace CSV files. */
#define _UNROLL_REPORT_TRACE_HEADER \
    "figure,dataset,method,t,gap,jerr,bound"

/* Writes the theorem checks as an HTML section into f.  Returns
   UNROLL_UNABLE (msg) when a check fails or cannot be certified. */
int _unroll_report_checks(FILE * f, unroll_report_opts_t opts, char * msg);

/* The figures. */
int _unroll_report_figure1(unroll_report_opts_t opts, char * msg);
int _unroll_report_figure2(unroll_report_opts_t opts, char * msg);
int _unroll_report_figure3(unroll_report_opts_t opts, char * msg);
int _unroll_report_figure4(unroll_report_opts_t opts, char * msg);
int _unroll_report_figure5(unroll_report_opts_t opts, char * msg);
int _unroll_report_figure6(unroll_report_opts_t opts, char * msg);

#endif
