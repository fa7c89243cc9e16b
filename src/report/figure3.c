#include <math.h>
#include <string.h>

#include "impl.h"
#include "unroll/bound.h"

/* Figure 3: certified worst-case Jacobian rates B_t (G = 0) at
   l = 1/2, L = 10, alpha = 1, as enclosures, with Proposition 1's lower
   bound.  The heavy ball with the limits of the Chebyshev coefficients
   stands for Chebyshev's asymptotic variant; sobolev-asymptotic for the
   Sobolev method's. */

#define NMETH 6
#define DEFAULT_T 100

typedef struct
{
    const char * label;
    const char * family;
    const char * step;
    const char * eta;
    int style;
}
fig3_method_t;

static const fig3_method_t methods[NMETH] =
{
    { "GD h = 1/L", "gd", "1/L", NULL, UNROLL_STYLE_GD_1_L },
    { "GD h = 2/(L+l)", "gd", "2/(L+l)", NULL, UNROLL_STYLE_GD_2_LL },
    { "Chebyshev", "chebyshev", NULL, NULL, UNROLL_STYLE_CHEBYSHEV },
    { "heavy ball (Chebyshev's limit)", NULL, NULL, NULL,
      UNROLL_STYLE_HEAVY_BALL },
    { "Sobolev P* (eta = L/l)", "sobolev", NULL, "L/l",
      UNROLL_STYLE_SOBOLEV },
    { "Sobolev asymptotic", "sobolev-asymptotic", NULL, NULL,
      UNROLL_STYLE_ASYMPTOTIC },
};

/* Polyak's heavy ball with h = (2 / (sqrt l + sqrt L))^2, m = xi^2: the
   limit of the Chebyshev coefficients, irrational, so held as balls. */
static void
heavy_ball_limit(unroll_scheme_t s, const unroll_spectrum_t spec, slong T,
                 slong prec)
{
    arb_t h, m;
    slong t;

    arb_init(h);
    arb_init(m);
    unroll_spectrum_heavy_ball_arb(h, m, spec, prec);
    unroll_scheme_fit(s, UNROLL_SCHEME_MOMENTUM, 0, T, prec);
    for (t = 1; t <= T; t++)
    {
        arb_set(unroll_scheme_b(s, UNROLL_COEF_H, t), h);
        if (t >= 2)
            arb_set(unroll_scheme_b(s, UNROLL_COEF_M, t), m);
    }
    arb_clear(m);
    arb_clear(h);
}

/* The scheme of method f; the heavy-ball limit is built here, the others
   as in the theorem checks. */
static int
build(unroll_scheme_t s, unroll_method_t meth, const fig3_method_t * f,
      slong T, slong prec, char * msg)
{
    if (f->family != NULL)
        return _unroll_report_fig3_scheme(s, meth, f->family, f->step,
                                          f->eta, T, prec, msg);

    fmpq_set_si(&meth->spec.l, 1, 2);
    fmpq_set_si(&meth->spec.L, 10, 1);
    heavy_ball_limit(s, &meth->spec, T, prec);
    return UNROLL_SUCCESS;
}

/* One method's rows: method,t,B_lo,B_hi,B_at,D_lo,D_hi,D_at, printed as
   `unroll bound` prints them, then Proposition 1's lower bound. */
static void
put_rows(FILE * f, const fig3_method_t * m,
         const unroll_bound_result_struct * res, const arb_ptr lower,
         slong T)
{
    arf_t lo;
    slong i;

    arf_init(lo);
    for (i = 0; i < T; i++)
    {
        fprintf(f, "%s,%ld,", m->label, (long) res[i].t);
        unroll_arith_fprint_arf(f, &res[i].B.lo, -1);
        fputc(',', f);
        unroll_arith_fprint_arf(f, &res[i].B.hi, 1);
        fputc(',', f);
        unroll_arith_fprint_arf(f, &res[i].B.at, 0);
        fputc(',', f);
        unroll_arith_fprint_arf(f, &res[i].D.lo, -1);
        fputc(',', f);
        unroll_arith_fprint_arf(f, &res[i].D.hi, 1);
        fputc(',', f);
        unroll_arith_fprint_arf(f, &res[i].D.at, 0);
        fputc(',', f);
        arb_get_lbound_arf(lo, lower + i, 64);
        unroll_arith_fprint_arf(f, lo, -1);
        fputc('\n', f);
    }
    arf_clear(lo);
}

/* Certifies B_t, t = 1..T, of method m; fills the plot arrays. */
static int
certify(double * lo, double * hi, unroll_bound_result_struct * res,
        const fig3_method_t * m, slong T, char * msg)
{
    unroll_method_t meth;
    unroll_scheme_t s;
    slong i, rel_bits = UNROLL_BOUND_REL_BITS;
    int status;

    unroll_method_init(meth);
    unroll_scheme_init(s);

    /* The precision of `unroll bound`, so that both print the same. */
    status = build(s, meth, m, T, rel_bits + 128 + 2 * T, msg);
    if (status == UNROLL_SUCCESS)
        status = unroll_bound_sup_range(res, NULL, s, &meth->spec, T,
                                        UNROLL_STAGE_X, rel_bits, msg);
    for (i = 0; i < T && status == UNROLL_SUCCESS; i++)
    {
        lo[i] = arf_get_d(&res[i].B.lo, ARF_RND_DOWN);
        hi[i] = arf_get_d(&res[i].B.hi, ARF_RND_UP);
    }

    unroll_scheme_clear(s);
    unroll_method_clear(meth);
    return status;
}

int
_unroll_report_figure3(unroll_report_opts_t opts, char * msg)
{
    slong T = opts->T > 0 ? opts->T : DEFAULT_T, i;
    double * x = flint_malloc(sizeof(double) * T);
    double * band = flint_malloc(sizeof(double) * 2 * NMETH * T);
    double * low = flint_malloc(sizeof(double) * T);
    unroll_bound_result_struct * res = _unroll_bound_result_vec_init(T);
    arb_ptr lower = _arb_vec_init(T);
    unroll_plot_series_struct s[NMETH + 1];
    unroll_plot_panel_struct panel;
    unroll_spectrum_t spec;
    unroll_table_out_t out;
    char what[96];
    int k, status;

    unroll_spectrum_init(spec);
    fmpq_set_si(&spec->L, 10, 1);
    for (i = 0; i < T; i++)
    {
        x[i] = (double) (i + 1);
        unroll_bound_lower(lower + i, spec, i + 1, 128);
        low[i] = arf_get_d(arb_midref(lower + i), ARF_RND_DOWN);
    }

    status = _unroll_report_csv_begin(out, opts, 3, "method,t,B_lo,B_hi,"
                                      "B_at,D_lo,D_hi,D_at,lower_bound",
                                      msg);
    for (k = 0; k < NMETH && status == UNROLL_SUCCESS; k++)
    {
        snprintf(what, sizeof(what), "figure 3: %s", methods[k].label);
        _unroll_report_progress(opts, what);
        status = certify(band + 2 * k * T, band + (2 * k + 1) * T, res,
                         methods + k, T, msg);
        if (status == UNROLL_SUCCESS)
            put_rows(out->f, methods + k, res, lower, T);
        s[k] = (unroll_plot_series_struct) { methods[k].label,
            methods[k].style, 0, 0, T, x, band + (2 * k + 1) * T,
            band + 2 * k * T, band + (2 * k + 1) * T };
    }
    if (status == UNROLL_SUCCESS)
        status = unroll_table_out_commit(out, msg);
    else
        unroll_table_out_abort(out);

    s[NMETH] = (unroll_plot_series_struct) { "lower bound (Proposition 1)",
        UNROLL_STYLE_LOWER, 1, 0, T, x, low, NULL, NULL };
    panel = (unroll_plot_panel_struct) { "Certified worst-case rates, "
        "l = 1/2, L = 10, alpha = 1, G = 0", "iteration t",
        "B_t = max |P_t - lambda P_t'|", 1, NMETH + 1, s };
    if (status == UNROLL_SUCCESS)
        status = _unroll_report_plot(opts, 3, &panel, 1, msg);

    unroll_spectrum_clear(spec);
    _arb_vec_clear(lower, T);
    _unroll_bound_result_vec_clear(res, T);
    flint_free(low);
    flint_free(band);
    flint_free(x);
    return status;
}
