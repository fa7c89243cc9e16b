#include <stdio.h>
#include <string.h>

#include "impl.h"

/* Figure 5: the two phases on regularised logistic regression, outside
   the quadratic theory.  Gradient descent with the step of fastest
   measured asymptotic rate (the paper's grid search) on synthetic and
   breast-cancer data. */

#define NDATA 2
#define DEFAULT_T 3000
#define GRID_POINTS 21
#define GRID_T 1500

static const char * datasets[NDATA] = { "synthetic", "breast-cancer" };

/* Logistic regression needs two label values: the synthetic regression
   labels are turned into their signs. */
static void
binarize(unroll_driver_data_t data)
{
    slong i;

    for (i = 0; i < data->n; i++)
        data->y[i] = data->y[i] > 0 ? 1.0 : 0.0;
}

static int
one_dataset(_unroll_trace_t * tr, double * step, unroll_report_opts_t opts,
            const char * name, slong T, char * msg)
{
    unroll_report_opts_t small;
    unroll_driver_data_t data;
    unroll_driver_problem_t p;
    char h[64];
    double rate;
    int status;

    unroll_driver_data_init(data);
    unroll_driver_problem_init(p);

    /* A quarter of the features keeps the grid search quick. */
    *small = *opts;
    small->synth_d = FLINT_MAX(1, opts->synth_d / 4);
    status = _unroll_report_data(data, small, name, msg);
    if (status == UNROLL_SUCCESS && strcmp(name, "synthetic") == 0)
        binarize(data);
    if (status == UNROLL_SUCCESS)
        status = _unroll_report_problem(p, data, UNROLL_DRIVER_LOGISTIC,
                                        msg);
    if (status == UNROLL_SUCCESS)
    {
        *step = unroll_driver_step_auto(&rate, p, GRID_POINTS, GRID_T);
        snprintf(h, sizeof(h), "%.17g", *step);
        status = _unroll_report_run(tr, p, "gd", h, NULL, NULL, T, 0, msg);
    }

    unroll_driver_problem_clear(p);
    unroll_driver_data_clear(data);
    return status;
}

int
_unroll_report_figure5(unroll_report_opts_t opts, char * msg)
{
    _unroll_trace_t tr[NDATA];
    unroll_plot_series_struct s[NDATA][2];
    unroll_plot_panel_struct panels[NDATA];
    unroll_table_out_t out;
    char titles[NDATA][96], why[UNROLL_MSG_LEN];
    double step[NDATA];
    slong T = opts->T > 0 ? opts->T : DEFAULT_T, np = 0;
    int i, status = UNROLL_SUCCESS, have[NDATA];

    for (i = 0; i < NDATA; i++)
        _unroll_trace_init(tr + i);

    for (i = 0; i < NDATA && status == UNROLL_SUCCESS; i++)
    {
        status = one_dataset(tr + i, step + i, opts, datasets[i], T, why);
        have[i] = status == UNROLL_SUCCESS;
        if (status == UNROLL_IO)
        {
            _unroll_report_note(opts, "figure 5: %s left out: %s",
                                datasets[i], why);
            status = UNROLL_SUCCESS;
        }
        else if (status != UNROLL_SUCCESS)
            unroll_arith_msg(msg, "%s: %s", datasets[i], why);
    }

    if (status == UNROLL_SUCCESS)
        status = _unroll_report_csv_begin(out, opts, 5,
                                          _UNROLL_REPORT_TRACE_HEADER, msg);
    for (i = 0; i < NDATA && status == UNROLL_SUCCESS; i++)
        if (have[i])
            _unroll_report_csv_trace(out->f, 5, datasets[i], "gd-auto",
                                     tr + i);
    if (status == UNROLL_SUCCESS)
        status = unroll_table_out_commit(out, msg);

    for (i = 0; i < NDATA && status == UNROLL_SUCCESS; i++)
    {
        if (!have[i])
            continue;
        s[i][0] = (unroll_plot_series_struct) { "Jacobian suboptimality",
            UNROLL_STYLE_GD_OTHER, 0, 0, tr[i].n, tr[i].t, tr[i].jerr,
            NULL, NULL };
        s[i][1] = (unroll_plot_series_struct) { "function suboptimality",
            UNROLL_STYLE_GD_OTHER, 1, 2, tr[i].n, tr[i].t, tr[i].gap,
            NULL, NULL };
        snprintf(titles[i], sizeof(titles[i]), "logistic, %s, GD h = %.3g",
                 datasets[i], step[i]);
        panels[np++] = (unroll_plot_panel_struct) { titles[i],
            "iteration t", "suboptimality", 1, 2, s[i] };
    }
    if (status == UNROLL_SUCCESS)
        status = _unroll_report_plot(opts, 5, panels, np, msg);

    for (i = 0; i < NDATA; i++)
        _unroll_trace_clear(tr + i);
    return status;
}
