#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cblas.h>

#include "impl.h"
#include "unroll/bound.h"

void
_unroll_trace_init(_unroll_trace_t * tr)
{
    memset(tr, 0, sizeof(*tr));
}

void
_unroll_trace_clear(_unroll_trace_t * tr)
{
    free(tr->t);
    free(tr->gap);
    free(tr->jerr);
    free(tr->bound);
    memset(tr, 0, sizeof(*tr));
}

static double *
grow(double * v, slong n)
{
    v = realloc(v, sizeof(double) * (size_t) n);
    if (v == NULL)
        flint_abort();
    return v;
}

/* What a run needs to turn driver rows into trace rows. */
typedef struct
{
    _unroll_trace_t * tr;
    const unroll_method_struct * meth;
    const unroll_scheme_struct * s;
    int bound;
    double e0;
    double G;
    int failed;
    char why[UNROLL_MSG_LEN];
}
run_ctx_t;

/* Certified B_t and D_t, upper ends as doubles rounded up.  Gradient
   descent and Chebyshev have proven closed forms (Theorems 2 and 3),
   evaluated in ball arithmetic; other methods go through the sup-norm
   engine. */
static int
certified_BD(double * B, double * D, run_ctx_t * c, slong t)
{
    unroll_bound_result_t res;
    arb_t b, d;
    int status = UNROLL_SUCCESS;

    arb_init(b);
    arb_init(d);
    unroll_bound_result_init(res);

    if (c->meth->family == UNROLL_FAMILY_GD)
        unroll_bound_gd(b, d, &c->meth->spec, &c->meth->h, t, 64);
    else if (c->meth->family == UNROLL_FAMILY_CHEBYSHEV)
        unroll_bound_chebyshev(b, d, &c->meth->spec, t, 64);
    else
    {
        status = unroll_bound_sup(res, c->s, &c->meth->spec, t, 16, c->why);
        arb_set_arf(b, &res->B.hi);
        arb_set_arf(d, &res->D.hi);
    }
    *B = arf_get_d(arb_midref(b), ARF_RND_UP);
    *D = arf_get_d(arb_midref(d), ARF_RND_UP);
    *B += mag_get_d(arb_radref(b));
    *D += mag_get_d(arb_radref(d));

    unroll_bound_result_clear(res);
    arb_clear(d);
    arb_clear(b);
    return status;
}

static int
emit(const unroll_driver_row_t * row, void * arg)
{
    run_ctx_t * c = arg;
    _unroll_trace_t * tr = c->tr;
    double B, D;

    if (tr->n == tr->alloc)
    {
        tr->alloc = FLINT_MAX(64, 2 * tr->alloc);
        tr->t = grow(tr->t, tr->alloc);
        tr->gap = grow(tr->gap, tr->alloc);
        tr->jerr = grow(tr->jerr, tr->alloc);
        tr->bound = grow(tr->bound, tr->alloc);
    }
    tr->t[tr->n] = (double) row->t;
    tr->gap[tr->n] = row->gap;
    tr->jerr[tr->n] = row->jerr;
    tr->bound[tr->n] = NAN;
    if (c->bound && certified_BD(&B, &D, c, row->t) == UNROLL_SUCCESS)
        tr->bound[tr->n] = (B * c->e0 + D * c->G) * (1 + 8 * DBL_EPSILON);
    else if (c->bound)
        c->failed = 1;
    tr->n++;
    return 0;
}

/* Fills meth for the named family on the problem's bracketed spectrum. */
static int
method_for(unroll_method_t meth, const unroll_driver_problem_t p,
           const char * family, const char * step, const char * alpha,
           const char * eta, char * msg)
{
    static const char * const names[] = { "l", "L" };
    fmpq_t l, L;
    fmpq vals[2];
    int status;

    fmpq_init(l);
    fmpq_init(L);
    meth->family = unroll_family_from_name(family);
    status = unroll_driver_problem_spectrum(l, L, p, msg);
    if (status == UNROLL_SUCCESS)
        status = unroll_spectrum_set(&meth->spec, l, L, msg);
    meth->has_spec = status == UNROLL_SUCCESS;

    vals[0] = *l;
    vals[1] = *L;
    if (status == UNROLL_SUCCESS && step != NULL)
        status = unroll_arith_parse_fmpq(&meth->h, step, names, vals, 2, msg);
    meth->has_h = step != NULL;
    if (status == UNROLL_SUCCESS && alpha != NULL)
        status = unroll_arith_parse_fmpq(&meth->alpha, alpha, NULL, NULL, 0,
                                         msg);
    meth->has_alpha = alpha != NULL;
    if (status == UNROLL_SUCCESS && eta != NULL)
        status = unroll_arith_parse_fmpq(&meth->eta, eta, names, vals, 2,
                                         msg);
    meth->has_eta = eta != NULL;

    fmpq_clear(L);
    fmpq_clear(l);
    return status;
}

int
_unroll_report_run(_unroll_trace_t * tr, const unroll_driver_problem_t p,
                   const char * method, const char * step,
                   const char * alpha, const char * eta, slong T, int bound,
                   char * msg)
{
    unroll_method_t meth;
    unroll_scheme_t s;
    unroll_driver_coeffs_t c;
    run_ctx_t ctx;
    int status;

    unroll_method_init(meth);
    unroll_scheme_init(s);
    unroll_driver_coeffs_init(c);

    /* Ball coefficients: the exact ones of the orthogonal-polynomial
       methods grow by several digits per step on the problem's
       spectrum, and only their doubles are used here. */
    status = method_for(meth, p, method, step, alpha, eta, msg);
    if (status == UNROLL_SUCCESS)
        status = unroll_method_scheme_arb(s, meth, T, 192, msg);
    if (status == UNROLL_SUCCESS)
        status = unroll_driver_coeffs_set(c, s, T, msg);

    memset(&ctx, 0, sizeof(ctx));
    ctx.tr = tr;
    ctx.meth = meth;
    ctx.s = s;
    ctx.bound = bound && p->kind == UNROLL_DRIVER_RIDGE;
    ctx.e0 = cblas_dnrm2((int) (p->d * p->k), p->dxstar, 1);
    ctx.G = unroll_driver_problem_g0(p);
    if (status == UNROLL_SUCCESS)
        status = unroll_driver_run(p, c, T, 1, emit, &ctx, msg);
    if (status == UNROLL_SUCCESS && ctx.failed)
    {
        unroll_arith_msg(msg, "%s: bound not certified: %s", method,
                         ctx.why);
        status = UNROLL_UNABLE;
    }

    unroll_driver_coeffs_clear(c);
    unroll_scheme_clear(s);
    unroll_method_clear(meth);
    return status;
}

void
_unroll_report_csv_trace(FILE * f, int fig, const char * dataset,
                         const char * method, const _unroll_trace_t * tr)
{
    slong i;

    for (i = 0; i < tr->n; i++)
        fprintf(f, "%d,%s,%s,%.0f,%.17g,%.17g,%.17g\n", fig, dataset, method,
                tr->t[i], tr->gap[i], tr->jerr[i], tr->bound[i]);
}
