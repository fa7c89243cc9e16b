#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "impl.h"

/* Page geometry in pixels: each panel PANEL_W wide with a left margin
   for the axis labels inside it, and a legend column LEGEND_W wide at the
   right, whatever the number of panels. */
#define PANEL_W 600
#define LEGEND_W 300
#define MARGIN_L 95
#define MARGIN_R 25
#define PAGE_H 520

static const char * devices[] = { "pngcairo", "svgcairo", "pdfcairo" };

static double
page_width(slong n)
{
    return (double) (n * PANEL_W + LEGEND_W);
}

/* Log axes label every decade by default; a long range gets a label every
   few decades so that the labels do not run into each other. */
static void
draw_panel(const unroll_plot_panel_struct * p, slong i, slong n,
           double xmin, double xmax, double ymin, double ymax)
{
    double W = page_width(n), ytick = 0.0;
    slong k;

    if (p->logy)
        ytick = FLINT_MAX(1.0, ceil((ymax - ymin) / 8));
    plvpor((i * PANEL_W + MARGIN_L) / W, ((i + 1) * PANEL_W - MARGIN_R) / W,
           0.14, 0.88);
    plwind(xmin, xmax, ymin, ymax);
    plcol0(2);
    plslabelfunc(p->logy ? _unroll_plot_log_label : NULL, NULL);
    plbox("bcgnst", 0.0, 0, p->logy ? "bcgnstov" : "bcgnstv", ytick,
          p->logy ? 1 : 0);
    plslabelfunc(NULL, NULL);
    plcol0(1);
    pllab(p->xlabel, p->ylabel, p->title);
    for (k = 0; k < p->nseries; k++)
        _unroll_plot_series(p->series + k, p->logy);
}

/* Checks every panel before PLplot starts, since its own errors end the
   process. */
static int
check_panels(double * range, const unroll_plot_panel_struct * panels,
             slong npanels, char * msg)
{
    slong i;

    if (npanels <= 0)
    {
        unroll_arith_msg(msg, "a figure needs at least one panel");
        return UNROLL_DOMAIN;
    }
    for (i = 0; i < npanels; i++)
        if (!_unroll_plot_panel_range(range + 4 * i, range + 4 * i + 1,
                                      range + 4 * i + 2, range + 4 * i + 3,
                                      panels + i))
        {
            unroll_arith_msg(msg, "panel '%s' has nothing to draw",
                             panels[i].title ? panels[i].title : "");
            return UNROLL_DOMAIN;
        }
    return UNROLL_SUCCESS;
}

int
unroll_plot_write(const char * path, int format,
                  const unroll_plot_panel_struct * panels, slong npanels,
                  char * msg)
{
    double * range = malloc(sizeof(double) * 4 * (size_t) FLINT_MAX(1,
                                                                 npanels));
    size_t len = strlen(path) + 16;
    char * tmp = malloc(len);
    slong i;
    mode_t um;
    int status, fd;

    status = check_panels(range, panels, npanels, msg);

    /* The temporary name is reserved with mkstemp, then handed to the
       driver, which reopens it by name. */
    snprintf(tmp, len, "%s.tmp.XXXXXX", path);
    fd = status == UNROLL_SUCCESS ? mkstemp(tmp) : -1;
    if (status == UNROLL_SUCCESS && fd < 0)
    {
        unroll_arith_msg(msg, "%s: %s", path, strerror(errno));
        status = UNROLL_IO;
    }

    if (status == UNROLL_SUCCESS)
    {
        /* mkstemp makes the file private; give it the usual mode. */
        um = umask(0);
        umask(um);
        if (fchmod(fd, 0666 & ~um) != 0)
            status = UNROLL_IO;
        close(fd);
        plsdev(devices[format]);
        plsfnam(tmp);
        plspage(0, 0, (PLINT) page_width(npanels), PAGE_H, 0, 0);
        _unroll_plot_palette();
        plinit();
        pladv(0);
        /* An absolute character height (mm), the same in every figure
           whatever its number of panels. */
        plschr(4.6, 1.0);
        for (i = 0; i < npanels; i++)
            draw_panel(panels + i, i, npanels, range[4 * i],
                       range[4 * i + 1], range[4 * i + 2], range[4 * i + 3]);
        _unroll_plot_legend(panels, npanels,
                            (npanels * PANEL_W + 5) / page_width(npanels),
                            0.99, 0.14, 0.88);
        plend();

        if (rename(tmp, path) != 0)
        {
            unroll_arith_msg(msg, "%s: %s", path, strerror(errno));
            remove(tmp);
            status = UNROLL_IO;
        }
    }

    free(tmp);
    free(range);
    return status;
}
