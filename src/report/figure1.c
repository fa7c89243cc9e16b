#include <string.h>

#include "impl.h"

/* Figure 1: gradient descent on ridge regression (breast-cancer) for
   several step sizes; Jacobian and function suboptimality side by side.
   Larger steps converge faster in f but have a longer burn-in in the
   Jacobian. */

#define NSTEPS 4

static const char * steps[NSTEPS] = { "1/L", "3/(2*L)", "19/(10*L)",
                                      "2/(L+l)" };
static const char * labels[NSTEPS] = { "GD h = 1/L", "GD h = 1.5/L",
                                       "GD h = 1.9/L", "GD h = 2/(L+l)" };
static const int styles[NSTEPS][2] = { { UNROLL_STYLE_GD_1_L, 0 },
                                       { UNROLL_STYLE_GD_OTHER, 0 },
                                       { UNROLL_STYLE_GD_OTHER, 2 },
                                       { UNROLL_STYLE_GD_2_LL, 0 } };

#define DEFAULT_T 8000

static void
series_of(unroll_plot_series_struct * js, unroll_plot_series_struct * fs,
          const _unroll_trace_t * tr, int i)
{
    memset(js, 0, sizeof(*js));
    js->label = labels[i];
    js->style = styles[i][0];
    js->shade = styles[i][1];
    js->n = tr->n;
    js->x = tr->t;
    js->y = tr->jerr;
    *fs = *js;
    fs->y = tr->gap;
}

int
_unroll_report_figure1(unroll_report_opts_t opts, char * msg)
{
    unroll_driver_data_t data;
    unroll_driver_problem_t p;
    unroll_table_out_t out;
    _unroll_trace_t tr[NSTEPS];
    unroll_plot_series_struct js[NSTEPS], fs[NSTEPS];
    unroll_plot_panel_struct panels[2];
    slong T = opts->T > 0 ? opts->T : DEFAULT_T;
    int i, status;

    unroll_driver_data_init(data);
    unroll_driver_problem_init(p);
    for (i = 0; i < NSTEPS; i++)
        _unroll_trace_init(tr + i);

    status = _unroll_report_data(data, opts, "breast-cancer", msg);
    if (status == UNROLL_SUCCESS)
        status = _unroll_report_problem(p, data, UNROLL_DRIVER_RIDGE, msg);
    for (i = 0; i < NSTEPS && status == UNROLL_SUCCESS; i++)
        status = _unroll_report_run(tr + i, p, "gd", steps[i], NULL, NULL,
                                    T, 0, msg);

    if (status == UNROLL_SUCCESS)
        status = _unroll_report_csv_begin(out, opts, 1,
                                          _UNROLL_REPORT_TRACE_HEADER, msg);
    if (status == UNROLL_SUCCESS)
    {
        for (i = 0; i < NSTEPS; i++)
        {
            _unroll_report_csv_trace(out->f, 1, "breast-cancer", labels[i],
                                     tr + i);
            series_of(js + i, fs + i, tr + i, i);
        }
        status = unroll_table_out_commit(out, msg);
    }

    panels[0] = (unroll_plot_panel_struct) { "Jacobian suboptimality "
        "(ridge, breast-cancer)", "iteration t", "||dx_t - dx*||_F", 1,
        NSTEPS, js };
    panels[1] = (unroll_plot_panel_struct) { "Function suboptimality",
        "iteration t", "f(x_t) - f*", 1, NSTEPS, fs };
    if (status == UNROLL_SUCCESS)
        status = _unroll_report_plot(opts, 1, panels, 2, msg);

    for (i = 0; i < NSTEPS; i++)
        _unroll_trace_clear(tr + i);
    unroll_driver_problem_clear(p);
    unroll_driver_data_clear(data);
    return status;
}
