/*
    The paper's figures and a one-directory report: traces of the numeric
    driver and certified bounds, written as CSV files and drawn through
    the plot module, plus an index.html that shows them.
*/
#ifndef UNROLL_REPORT_H
#define UNROLL_REPORT_H

#include <stdint.h>

#include "unroll/arith.h"

#ifdef __cplusplus
extern "C" {
#endif

#define UNROLL_REPORT_NFIGURES 6
#define UNROLL_REPORT_MAX_NOTES 16

/* Settings shared by the figures.  Every field has a default (see
   unroll_report_opts_init); T = 0 means each figure's own length. */
typedef struct
{
    const char * outdir;    /* existing directory for every file */
    int format;             /* UNROLL_PLOT_PNG, _SVG or _PDF */
    slong T;                /* iterations (traces) or degrees (bounds) */
    const char * data_dir;  /* where breast_cancer.csv lives */
    const char * bodyfat;   /* bodyfat CSV, or NULL to skip it */
    const char * tables;    /* directory of the committed bound tables */
    slong synth_n;          /* synthetic data: n x d, seed */
    slong synth_d;
    uint64_t seed;
    void (* progress)(const char * what, void * arg);
    void * progress_arg;
    /* Filled while running: datasets skipped and other remarks that the
       caller should show; the report writes them into index.html. */
    char notes[UNROLL_REPORT_MAX_NOTES][UNROLL_MSG_LEN];
    int nnotes;
    /* Filled by figure 6: steps each compared method needs to bring B_t
       below 1e-6 (in the column order of unroll_minimax_compare). */
    slong iters[8];
    int have_iters;
}
unroll_report_opts_struct;

typedef unroll_report_opts_struct unroll_report_opts_t[1];

/* ---- construction ------------------------------------------------------- */

/* Defaults: outdir ".", PNG, figure lengths, data_dir "data", no bodyfat,
   tables "tables", synthetic 500 x 400 with seed 1, no progress
   callback. */
void unroll_report_opts_init(unroll_report_opts_t opts);

/* ---- I/O ---------------------------------------------------------------- */

/* Computes figure n (1..6; 6 is the worst-case optimal method) and
   writes figureN.csv (the numbers plotted) and figureN.png/.svg/.pdf into
   opts->outdir.  A dataset that cannot be
   read (bodyfat without a path, breast-cancer not fetched) is left out
   with a note in opts->notes; the figure fails with UNROLL_DOMAIN only
   when nothing is left to draw.  Returns UNROLL_DOMAIN for n outside
   1..6, UNROLL_UNABLE when a certified bound cannot be certified,
   UNROLL_IO on write errors; msg gets the reason.  Traces are double
   precision (approximate); bound curves are certified enclosures. */
int unroll_report_figure(unroll_report_opts_t opts, int n, char * msg)
    UNROLL_MUST_CHECK;

/* The whole report into opts->outdir: every figure (a figure that fails
   becomes a note, not a failure of the report), the certified tables of
   the Figure 3 setting, the theorem checks, and index.html, which links
   only files that exist.  Returns UNROLL_IO when index.html cannot be
   written, UNROLL_UNABLE when a theorem check fails or a value could not
   be certified (the report is still written). */
int unroll_report_write(unroll_report_opts_t opts, char * msg)
    UNROLL_MUST_CHECK;

#ifdef __cplusplus
}
#endif

#endif
