#include <string.h>

#include "impl.h"

/* Figure 2: the two phases of unrolling.  Gradient descent with
   h = 2/(L+l) and the Chebyshev method on the ridge problem of Figure 1,
   each measured Jacobian error under its certified worst-case bound
   B_t ||dx_0 - dx*|| + D_t G (Theorems 2 and 3, evaluated in ball
   arithmetic on the problem's bracketed spectrum). */

#define DEFAULT_T_GD 8000
#define DEFAULT_T_CHEB 1000

static void
panel_series(unroll_plot_series_struct * s, const _unroll_trace_t * tr,
             const char * label, int style)
{
    memset(s, 0, 2 * sizeof(*s));
    s[0].label = label;
    s[0].style = style;
    s[0].n = tr->n;
    s[0].x = tr->t;
    s[0].y = tr->jerr;
    s[1].label = "certified bound";
    s[1].style = UNROLL_STYLE_BOUND;
    s[1].dashed = 1;
    s[1].n = tr->n;
    s[1].x = tr->t;
    s[1].y = tr->bound;
}

int
_unroll_report_figure2(unroll_report_opts_t opts, char * msg)
{
    unroll_driver_data_t data;
    unroll_driver_problem_t p;
    unroll_table_out_t out;
    _unroll_trace_t gd, ch;
    unroll_plot_series_struct sg[2], sc[2];
    unroll_plot_panel_struct panels[2];
    int status;

    unroll_driver_data_init(data);
    unroll_driver_problem_init(p);
    _unroll_trace_init(&gd);
    _unroll_trace_init(&ch);

    status = _unroll_report_data(data, opts, "breast-cancer", msg);
    if (status == UNROLL_SUCCESS)
        status = _unroll_report_problem(p, data, UNROLL_DRIVER_RIDGE, msg);
    if (status == UNROLL_SUCCESS)
        status = _unroll_report_run(&gd, p, "gd", "2/(L+l)", NULL, NULL,
                                    opts->T > 0 ? opts->T : DEFAULT_T_GD, 1,
                                    msg);
    if (status == UNROLL_SUCCESS)
        status = _unroll_report_run(&ch, p, "chebyshev", NULL, NULL, NULL,
                                    opts->T > 0 ? opts->T : DEFAULT_T_CHEB,
                                    1, msg);

    if (status == UNROLL_SUCCESS)
        status = _unroll_report_csv_begin(out, opts, 2,
                                          _UNROLL_REPORT_TRACE_HEADER, msg);
    if (status == UNROLL_SUCCESS)
    {
        _unroll_report_csv_trace(out->f, 2, "breast-cancer", "gd-2/(L+l)",
                                 &gd);
        _unroll_report_csv_trace(out->f, 2, "breast-cancer", "chebyshev",
                                 &ch);
        status = unroll_table_out_commit(out, msg);
    }

    panel_series(sg, &gd, "GD h = 2/(L+l)", UNROLL_STYLE_GD_2_LL);
    panel_series(sc, &ch, "Chebyshev", UNROLL_STYLE_CHEBYSHEV);
    panels[0] = (unroll_plot_panel_struct) { "Gradient descent (ridge, "
        "breast-cancer)", "iteration t", "||dx_t - dx*||_F", 1, 2, sg };
    panels[1] = (unroll_plot_panel_struct) { "Chebyshev method",
        "iteration t", "||dx_t - dx*||_F", 1, 2, sc };
    if (status == UNROLL_SUCCESS)
        status = _unroll_report_plot(opts, 2, panels, 2, msg);

    _unroll_trace_clear(&ch);
    _unroll_trace_clear(&gd);
    unroll_driver_problem_clear(p);
    unroll_driver_data_clear(data);
    return status;
}
