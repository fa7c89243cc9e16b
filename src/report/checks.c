#include <math.h>
#include <stdio.h>
#include <string.h>

#include "impl.h"
#include "unroll/bound.h"

/* The theorem checks of the report, at the Figure 3 setting
   (l = 1/2, L = 10, alpha = 1, G = 0): each method's certified B_t for
   t = 1..T beside the paper's closed form where a theorem gives one and
   Proposition 1's lower bound, the certified burn-in peak, and the
   monotonicity that Corollary 2 predicts. */

#define NCHECK 5
#define CHECK_T 60

typedef struct
{
    const char * label;
    const char * family;
    const char * step;
    const char * eta;
    const char * paper_peak;    /* the paper's stated peak, or NULL */
    const char * math_peak;     /* the corrected asymptotic location */
}
check_method_t;

static const check_method_t methods[NCHECK] =
{
    { "GD h = 1/L", "gd", "1/L", NULL, NULL,
      "none: B_t decreases (Corollary 1)" },
    { "GD h = 2/(L+l)", "gd", "2/(L+l)", NULL, "t ~ 1/kappa = 20",
      "t ~ 1/(2 kappa) = 10, height ~ 1/(e kappa) = 7.4" },
    { "Chebyshev", "chebyshev", NULL, NULL,
      "t ~ 2/sqrt(kappa) = 8.9, height O(2/kappa) = 40",
      "t ~ 1.03/sqrt(kappa) = 4.6, height ~ 0.53/kappa = 10.6" },
    { "Sobolev P* (eta = L/l)", "sobolev", NULL, "L/l", NULL,
      "small burn-in (about 1.6)" },
    { "Sobolev asymptotic", "sobolev-asymptotic", NULL, NULL, NULL,
      "tracks Chebyshev (about 10.6 at t = 4-5)" },
};

typedef struct
{
    int holds;          /* every t: lower <= B_t <= paper */
    int has_paper;
    double tight;       /* max over t of (paper - B_lo) / paper */
    slong peak_t;       /* argmax of B_hi */
    double peak;        /* B_hi there */
    int peak_certified; /* B_lo(peak) > B_hi(t) for every other t */
    int decreasing;     /* 1 proven decreasing, 0 proven not, -1 open */
}
check_result_t;

/* Compares row t with the closed forms and updates the summary. */
static void
compare(check_result_t * c, const unroll_method_t meth,
        const unroll_bound_result_struct * r)
{
    arb_t paper, d, lower, b;
    double p;

    arb_init(paper);
    arb_init(d);
    arb_init(lower);
    arb_init(b);

    arb_set_interval_arf(b, &r->B.lo, &r->B.hi, 128);
    unroll_bound_lower(lower, &meth->spec, r->t, 128);
    c->holds = c->holds && !arb_lt(b, lower);
    if (c->has_paper)
    {
        if (meth->family == UNROLL_FAMILY_GD)
            unroll_bound_gd(paper, d, &meth->spec, &meth->h, r->t, 128);
        else
            unroll_bound_chebyshev(paper, d, &meth->spec, r->t, 128);
        c->holds = c->holds && !arb_gt(b, paper);
        p = arf_get_d(arb_midref(paper), ARF_RND_NEAR);
        c->tight = FLINT_MAX(c->tight, (p - arf_get_d(&r->B.lo,
                                                      ARF_RND_DOWN)) / p);
    }

    arb_clear(b);
    arb_clear(lower);
    arb_clear(d);
    arb_clear(paper);
}

/* The peak of B_t and whether B_t provably decreases. */
static void
shape(check_result_t * c, const unroll_bound_result_struct * r, slong T)
{
    slong i;
    int up = 0, down = 1;

    c->peak_t = 1;
    for (i = 1; i < T; i++)
    {
        if (arf_cmp(&r[i].B.hi, &r[c->peak_t - 1].B.hi) > 0)
            c->peak_t = i + 1;
        if (arf_cmp(&r[i].B.lo, &r[i - 1].B.hi) > 0)
            up = 1;
        if (arf_cmp(&r[i].B.hi, &r[i - 1].B.lo) >= 0)
            down = 0;
    }
    c->decreasing = down ? 1 : up ? 0 : -1;
    c->peak = arf_get_d(&r[c->peak_t - 1].B.hi, ARF_RND_UP);
    c->peak_certified = 1;
    for (i = 0; i < T; i++)
        if (i != c->peak_t - 1
            && arf_cmp(&r[i].B.hi, &r[c->peak_t - 1].B.lo) >= 0)
            c->peak_certified = 0;
}

static int
check_one(check_result_t * c, const check_method_t * m, slong T,
          char * msg)
{
    unroll_method_t meth;
    unroll_scheme_t s;
    unroll_bound_result_struct * r = _unroll_bound_result_vec_init(T);
    slong i;
    int status;

    unroll_method_init(meth);
    unroll_scheme_init(s);
    memset(c, 0, sizeof(*c));
    c->holds = 1;

    status = _unroll_report_fig3_scheme(s, meth, m->family, m->step, m->eta,
                                        T, 256 + 2 * T, msg);
    c->has_paper = meth->family == UNROLL_FAMILY_GD
                   || meth->family == UNROLL_FAMILY_CHEBYSHEV;
    if (status == UNROLL_SUCCESS)
        status = unroll_bound_sup_range(r, NULL, s, &meth->spec, T,
                                        UNROLL_STAGE_X, 50, msg);
    for (i = 0; i < T && status == UNROLL_SUCCESS; i++)
        compare(c, meth, r + i);
    if (status == UNROLL_SUCCESS)
        shape(c, r, T);

    _unroll_bound_result_vec_clear(r, T);
    unroll_scheme_clear(s);
    unroll_method_clear(meth);
    return status;
}

static const char *
yes_no(int v)
{
    return v == 1 ? "yes" : v == 0 ? "no" : "undecided";
}

static void
put_row(FILE * f, const check_method_t * m, const check_result_t * c)
{
    fprintf(f, "<tr><td>%s</td><td>%s</td>", m->label,
            c->holds ? "yes" : "<strong>NO</strong>");
    if (c->has_paper)
        fprintf(f, "<td>within %.1e (bound attained)</td>", c->tight);
    else
        fputs("<td>no closed form</td>", f);
    fprintf(f, "<td>t = %ld, B = %.4g%s</td><td>%s</td><td>%s</td>"
            "<td>%s</td></tr>\n", (long) c->peak_t, c->peak,
            c->peak_certified ? " (certified)" : "",
            m->paper_peak ? m->paper_peak : "-", m->math_peak,
            yes_no(c->decreasing));
}

int
_unroll_report_checks(FILE * f, unroll_report_opts_t opts, char * msg)
{
    check_result_t c;
    char why[UNROLL_MSG_LEN];
    int k, status = UNROLL_SUCCESS, st;

    fprintf(f, "<h2>Theorem checks</h2>\n<p>Certified B_t for t = 1..%d at "
            "l = 1/2, L = 10 (kappa = 1/20), alpha = 1, G = 0, relative "
            "width 2^-50.  A check holds when the certified interval lies "
            "above Proposition 1's lower bound and, where a theorem gives "
            "a closed form (Theorem 2 for gradient descent, Theorem 3 for "
            "Chebyshev), below it.  Peaks are the certified maxima over t; "
            "the paper's stated locations are beside the corrected ones.  "
            "Corollary 2 predicts a decreasing B_t for h = 1/L &lt; "
            "sqrt(2)/L and not for h = 2/(L+l).</p>\n<table border=\"1\" "
            "cellpadding=\"4\">\n<tr><th>method</th><th>holds</th>"
            "<th>tightness</th><th>peak (ours)</th><th>paper's peak</th>"
            "<th>corrected</th><th>decreasing</th></tr>\n", CHECK_T);
    for (k = 0; k < NCHECK; k++)
    {
        _unroll_report_progress(opts, methods[k].label);
        st = check_one(&c, methods + k, CHECK_T, why);
        if (st != UNROLL_SUCCESS)
        {
            fprintf(f, "<tr><td>%s</td><td colspan=\"6\">not certified: "
                    "%s</td></tr>\n", methods[k].label, why);
            unroll_arith_msg(msg, "%s: %s", methods[k].label, why);
            status = UNROLL_UNABLE;
            continue;
        }
        put_row(f, methods + k, &c);
        if (!c.holds)
        {
            unroll_arith_msg(msg, "%s: a theorem check fails",
                             methods[k].label);
            status = UNROLL_UNABLE;
        }
    }
    fputs("</table>\n", f);
    return status;
}
