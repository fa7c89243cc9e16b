#include <string.h>

#include "impl.h"

/* Figure 4: the Sobolev method (alpha = 1, eta = 1), Chebyshev and
   gradient descent (h = 2/(L+l)) on three datasets.  A dataset that
   cannot be read is left out with a note. */

#define NDATA 3
#define NMETH 3
#define DEFAULT_T 1000

static const char * datasets[NDATA] = { "breast-cancer", "bodyfat",
                                        "synthetic" };
static const char * labels[NMETH] = { "Sobolev (alpha = 1, eta = 1)",
                                      "Chebyshev", "GD h = 2/(L+l)" };
static const char * methods[NMETH] = { "sobolev", "chebyshev", "gd" };
static const int styles[NMETH] = { UNROLL_STYLE_SOBOLEV,
                                   UNROLL_STYLE_CHEBYSHEV,
                                   UNROLL_STYLE_GD_2_LL };

/* Runs the three methods on one dataset; UNROLL_IO means the dataset
   could not be read. */
static int
one_dataset(_unroll_trace_t * tr, unroll_report_opts_t opts,
            const char * name, slong T, char * msg)
{
    unroll_driver_data_t data;
    unroll_driver_problem_t p;
    int k, status;

    unroll_driver_data_init(data);
    unroll_driver_problem_init(p);

    status = _unroll_report_data(data, opts, name, msg);
    if (status == UNROLL_SUCCESS)
        status = _unroll_report_problem(p, data, UNROLL_DRIVER_RIDGE, msg);
    for (k = 0; k < NMETH && status == UNROLL_SUCCESS; k++)
        status = _unroll_report_run(tr + k, p, methods[k],
                                    k == 2 ? "2/(L+l)" : NULL,
                                    k == 0 ? "1" : NULL, k == 0 ? "1" : NULL,
                                    T, 0, msg);

    unroll_driver_problem_clear(p);
    unroll_driver_data_clear(data);
    return status;
}

int
_unroll_report_figure4(unroll_report_opts_t opts, char * msg)
{
    _unroll_trace_t tr[NDATA][NMETH];
    unroll_plot_series_struct s[NDATA][NMETH];
    unroll_plot_panel_struct panels[NDATA];
    unroll_table_out_t out;
    char titles[NDATA][64], why[UNROLL_MSG_LEN];
    slong T = opts->T > 0 ? opts->T : DEFAULT_T, np = 0;
    int i, k, status = UNROLL_SUCCESS, have[NDATA];

    for (i = 0; i < NDATA; i++)
        for (k = 0; k < NMETH; k++)
            _unroll_trace_init(&tr[i][k]);

    for (i = 0; i < NDATA && status == UNROLL_SUCCESS; i++)
    {
        status = one_dataset(tr[i], opts, datasets[i], T, why);
        have[i] = status == UNROLL_SUCCESS;
        if (status == UNROLL_IO)
        {
            _unroll_report_note(opts, "figure 4: %s left out: %s",
                                datasets[i], why);
            status = UNROLL_SUCCESS;
        }
        else if (status != UNROLL_SUCCESS)
            unroll_arith_msg(msg, "%s: %s", datasets[i], why);
    }

    if (status == UNROLL_SUCCESS)
        status = _unroll_report_csv_begin(out, opts, 4,
                                          _UNROLL_REPORT_TRACE_HEADER, msg);
    if (status == UNROLL_SUCCESS)
    {
        for (i = 0; i < NDATA; i++)
            for (k = 0; k < NMETH && have[i]; k++)
                _unroll_report_csv_trace(out->f, 4, datasets[i], methods[k],
                                         &tr[i][k]);
        status = unroll_table_out_commit(out, msg);
    }

    for (i = 0; i < NDATA && status == UNROLL_SUCCESS; i++)
    {
        if (!have[i])
            continue;
        for (k = 0; k < NMETH; k++)
            s[i][k] = (unroll_plot_series_struct) { labels[k], styles[k], 0,
                0, tr[i][k].n, tr[i][k].t, tr[i][k].jerr, NULL, NULL };
        snprintf(titles[i], sizeof(titles[i]), "ridge, %s", datasets[i]);
        panels[np++] = (unroll_plot_panel_struct) { titles[i],
            "iteration t", "||dx_t - dx*||_F", 1, NMETH, s[i] };
    }
    if (status == UNROLL_SUCCESS)
        status = _unroll_report_plot(opts, 4, panels, np, msg);

    for (i = 0; i < NDATA; i++)
        for (k = 0; k < NMETH; k++)
            _unroll_trace_clear(&tr[i][k]);
    return status;
}
