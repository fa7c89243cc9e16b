#include <string.h>

#include "impl.h"
#include "unroll/minimax.h"

/* Figure 6 (beyond the paper): certified B_t of gradient descent,
   Chebyshev, Sobolev and the worst-case optimal (minimax) method at
   l = 1/2, L = 10, with Proposition 1 and the true lower bound B*_t, and
   the number of steps each needs to bring B_t below 1e-6. */

#define DEFAULT_T 60
#define TMAX 250
#define EPS 1e-6

static const char * labels[UNROLL_MINIMAX_NCMP] =
{
    "GD h = 2/(L+l)", "Chebyshev", "Sobolev P* (eta = L/l)",
    "minimax (optimal at each t)", "lower bound (Proposition 1)",
    "true lower bound B*_t",
};

static const int styles[UNROLL_MINIMAX_NCMP] =
{
    UNROLL_STYLE_GD_2_LL, UNROLL_STYLE_CHEBYSHEV, UNROLL_STYLE_SOBOLEV,
    UNROLL_STYLE_MINIMAX, UNROLL_STYLE_LOWER, UNROLL_STYLE_BOUND,
};

static void
put_csv(FILE * f, const arb_srcptr val, slong T)
{
    arf_t e;
    slong t;
    int j;

    arf_init(e);
    fputs("t", f);
    for (j = 0; j < UNROLL_MINIMAX_NCMP; j++)
        fprintf(f, ",%s_lo,%s_hi", unroll_minimax_cmp_name(j),
                unroll_minimax_cmp_name(j));
    fputc('\n', f);
    for (t = 1; t <= T; t++)
    {
        fprintf(f, "%ld", (long) t);
        for (j = 0; j < UNROLL_MINIMAX_NCMP; j++)
        {
            fputc(',', f);
            arb_get_lbound_arf(e, val + j * T + t - 1, 64);
            unroll_arith_fprint_arf(f, e, -1);
            fputc(',', f);
            arb_get_ubound_arf(e, val + j * T + t - 1, 64);
            unroll_arith_fprint_arf(f, e, 1);
        }
        fputc('\n', f);
    }
    arf_clear(e);
}

int
_unroll_report_figure6(unroll_report_opts_t opts, char * msg)
{
    slong T = opts->T > 0 ? opts->T : DEFAULT_T, t;
    arb_ptr val = _arb_vec_init(UNROLL_MINIMAX_NCMP * T);
    double * x = flint_malloc(sizeof(double) * T);
    double * lo = flint_malloc(sizeof(double) * UNROLL_MINIMAX_NCMP * T);
    double * hi = flint_malloc(sizeof(double) * UNROLL_MINIMAX_NCMP * T);
    unroll_plot_series_struct s[UNROLL_MINIMAX_NCMP];
    unroll_plot_panel_struct panel;
    unroll_spectrum_t spec;
    unroll_table_out_t out;
    int j, status;

    unroll_spectrum_init(spec);
    fmpq_set_si(&spec->L, 10, 1);

    status = unroll_minimax_compare(val, opts->iters, spec, T, TMAX, EPS,
                                    msg);
    opts->have_iters = status == UNROLL_SUCCESS;
    for (j = 0; j < UNROLL_MINIMAX_NCMP && status == UNROLL_SUCCESS; j++)
    {
        for (t = 0; t < T; t++)
        {
            x[t] = (double) (t + 1);
            lo[j * T + t] = arf_get_d(arb_midref(val + j * T + t),
                                      ARF_RND_DOWN)
                            - mag_get_d(arb_radref(val + j * T + t));
            hi[j * T + t] = arf_get_d(arb_midref(val + j * T + t),
                                      ARF_RND_UP)
                            + mag_get_d(arb_radref(val + j * T + t));
        }
        s[j] = (unroll_plot_series_struct) { labels[j], styles[j],
            j >= UNROLL_MINIMAX_CMP_PROP1, 0, T, x, hi + j * T, lo + j * T,
            hi + j * T };
    }

    if (status == UNROLL_SUCCESS)
        status = _unroll_report_csv_begin(out, opts, 6, "", msg);
    if (status == UNROLL_SUCCESS)
    {
        put_csv(out->f, val, T);
        status = unroll_table_out_commit(out, msg);
    }
    panel = (unroll_plot_panel_struct) { "Worst-case optimal unrolling, "
        "l = 1/2, L = 10, G = 0", "iteration t",
        "B_t = max |P_t - lambda P_t'|", 1, UNROLL_MINIMAX_NCMP, s };
    if (status == UNROLL_SUCCESS)
        status = _unroll_report_plot(opts, 6, &panel, 1, msg);

    unroll_spectrum_clear(spec);
    flint_free(hi);
    flint_free(lo);
    flint_free(x);
    _arb_vec_clear(val, UNROLL_MINIMAX_NCMP * T);
    return status;
}
