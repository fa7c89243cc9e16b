#include <math.h>
#include <string.h>

#include <cblas.h>

#include "impl.h"

/* The prediction of ||dx_t - dx*||_F for ridge with scalar theta: in the
   eigenbasis H = Q diag(lambda) Q^T the master identity decouples into
   e_i = (P_t - lambda_i P_t')(lambda_i) u_i + P_t'(lambda_i) v_i with
   u = Q^T (dx_0 - dx*) and v = Q^T g.  The jets (P_t, P_t') at each
   eigenvalue follow the scheme's own rule, with the gradient of a
   residual R being lambda R and its derivative R + lambda R'. */
typedef struct
{
    int on;
    slong d;
    unroll_driver_state_t st;
    double * grad;
    double * u;
    double * v;
}
predict_t;

static void
predict_init(predict_t * pr, const unroll_driver_problem_t p, int kind,
             const double * G0)
{
    slong i, d = p->d;
    double * jet0;

    pr->on = p->kind == UNROLL_DRIVER_RIDGE;
    if (!pr->on)
        return;
    pr->d = d;
    jet0 = _unroll_driver_alloc(2 * d, sizeof(double));
    for (i = 0; i < d; i++)
        jet0[i] = 1.0;
    unroll_driver_state_init(pr->st, kind, 2 * d, jet0);
    flint_free(jet0);
    pr->grad = _unroll_driver_alloc(2 * d, sizeof(double));
    pr->u = _unroll_driver_alloc(d, sizeof(double));
    pr->v = _unroll_driver_alloc(d, sizeof(double));
    cblas_dgemv(CblasColMajor, CblasTrans, (int) d, (int) d, -1.0, p->evecs,
                (int) d, p->dxstar, 1, 0.0, pr->u, 1);
    cblas_dgemv(CblasColMajor, CblasTrans, (int) d, (int) d, 1.0, p->evecs,
                (int) d, G0 + d, 1, 0.0, pr->v, 1);
}

static void
predict_clear(predict_t * pr)
{
    if (!pr->on)
        return;
    unroll_driver_state_clear(pr->st);
    flint_free(pr->grad);
    flint_free(pr->u);
    flint_free(pr->v);
}

static void
predict_step(predict_t * pr, const unroll_driver_problem_t p,
             const unroll_driver_coeffs_t c, slong t)
{
    slong i, d = pr->d;
    const double * y = pr->st->y1;

    if (!pr->on)
        return;
    for (i = 0; i < d; i++)
    {
        pr->grad[i] = p->evals[i] * y[i];
        pr->grad[d + i] = y[i] + p->evals[i] * y[d + i];
    }
    unroll_driver_state_step(pr->st, c, t, pr->grad);
}

static double
predict_value(const predict_t * pr, const unroll_driver_problem_t p)
{
    slong i, d = pr->d;
    const double * x = pr->st->x;
    double s = 0.0, e;

    if (!pr->on)
        return NAN;
    for (i = 0; i < d; i++)
    {
        e = (x[i] - p->evals[i] * x[d + i]) * pr->u[i] + x[d + i] * pr->v[i];
        s += e * e;
    }
    return sqrt(s);
}

static int
finite_block(const double * X, slong N)
{
    slong i;
    double s = 0.0;

    /* A NaN or infinity anywhere makes the sum non-finite. */
    for (i = 0; i < N; i++)
        s += X[i] * 0.0;
    return s == 0.0;
}

/* The trace row at the current x_t, with G as scratch. */
static void
make_row(unroll_driver_row_t * row, const unroll_driver_problem_t p,
         const double * X, double * G, const predict_t * pr, slong t)
{
    slong d = p->d, k = p->k;
    double * e = G + d * (k + 1);

    memcpy(e, X, sizeof(double) * d * (k + 1));
    cblas_daxpy((int) d, -1.0, p->xstar, 1, e, 1);
    cblas_daxpy((int) (d * k), -1.0, p->dxstar, 1, e + d, 1);
    row->t = t;
    row->gap = unroll_driver_problem_gap(p, X);
    row->xerr = _unroll_driver_norm(e, d);
    row->jerr = _unroll_driver_norm(e + d, d * k);
    row->jpred = predict_value(pr, p);
    unroll_driver_problem_grad(G, p, X);
    row->jpost = unroll_driver_problem_aposteriori(p, X, G);
}

int
unroll_driver_run(const unroll_driver_problem_t p,
                  const unroll_driver_coeffs_t c, slong T, slong every,
                  int (* emit)(const unroll_driver_row_t * row, void * arg),
                  void * arg, char * msg)
{
    slong t, N = p->d * (p->k + 1);
    double * G = _unroll_driver_alloc(2 * N, sizeof(double));
    unroll_driver_state_t st;
    unroll_driver_row_t row;
    predict_t pr;
    int status = UNROLL_SUCCESS;

    unroll_driver_state_init(st, c->kind, N, G + N);
    unroll_driver_problem_grad(G, p, st->x);
    predict_init(&pr, p, c->kind, G);
    make_row(&row, p, st->x, G, &pr, 0);
    if (emit(&row, arg))
        status = UNROLL_IO;
    for (t = 1; t <= T && status == UNROLL_SUCCESS; t++)
    {
        unroll_driver_problem_grad(G, p, st->y1);
        unroll_driver_state_step(st, c, t, G);
        predict_step(&pr, p, c, t);
        if (!finite_block(st->x, N) || !finite_block(st->y1, N))
        {
            unroll_arith_msg(msg, "diverged at t = %ld: the iterate or its "
                             "Jacobian is no longer finite", (long) t);
            status = UNROLL_DOMAIN;
        }
        else if (t % every == 0 || t == T)
        {
            make_row(&row, p, st->x, G, &pr, t);
            if (emit(&row, arg))
                status = UNROLL_IO;
        }
    }
    predict_clear(&pr);
    unroll_driver_state_clear(st);
    flint_free(G);
    return status;
}
