#include <float.h>
#include <math.h>
#include <string.h>

#include <cblas.h>

#include "impl.h"

/* Rows of A per chunk of the one-pass product: the chunk (rows x d
   doubles) should stay in the L2 cache between A X and A^T W. */
#define CHUNK_BYTES (256 * 1024)

void
_unroll_driver_atwa(double * G, const unroll_driver_problem_t p,
                    const double * X, slong c,
                    void (* rowfn)(double * W, slong ldw, slong i0,
                                   slong rows,
                                   const unroll_driver_problem_t p))
{
    slong n = p->n, d = p->d, i0, rows;
    slong chunk = FLINT_MAX(8, CHUNK_BYTES / (8 * d));
    double * W = p->work;

    for (i0 = 0; i0 < n; i0 += chunk)
    {
        rows = FLINT_MIN(chunk, n - i0);
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, (int) rows,
                    (int) c, (int) d, 1.0, p->A + i0, (int) n, X, (int) d,
                    0.0, W + i0, (int) n);
        rowfn(W, n, i0, rows, p);
        cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, (int) d, (int) c,
                    (int) rows, 1.0, p->A + i0, (int) n, W + i0, (int) n,
                    i0 == 0 ? 0.0 : 1.0, G, (int) d);
    }
}

/* Ridge: the residual A x - y in column 0; the tangent columns A J are
   already right. */
static void
ridge_rows(double * W, slong ldw, slong i0, slong rows,
           const unroll_driver_problem_t p)
{
    slong i;

    (void) ldw;
    for (i = i0; i < i0 + rows; i++)
        W[i] -= p->y[i];
}

/* Logistic: column 0 becomes the loss derivative -s_i sigma(-s_i a_i^T
   x), the tangent columns are scaled by the curvature sigma (1 - sigma)
   of the loss, so that A^T W is the gradient and the Hessian product. */
static void
logistic_rows(double * W, slong ldw, slong i0, slong rows,
              const unroll_driver_problem_t p)
{
    slong i, j;
    double sg, dd;

    for (i = i0; i < i0 + rows; i++)
    {
        sg = _unroll_driver_sigmoid(p->y[i] * W[i]);
        dd = sg * (1.0 - sg);
        W[i] = -p->y[i] * (1.0 - sg);
        for (j = 1; j <= p->k; j++)
            W[i + j * ldw] *= dd;
    }
}

/* Adds d_theta grad f(x) to the tangent columns: x (scalar theta) or
   x_i e_i (theta_i). */
static void
add_dtheta(double * G, const unroll_driver_problem_t p, const double * x)
{
    slong i, d = p->d;

    if (p->k == 1)
        cblas_daxpy((int) d, 1.0, x, 1, G + d, 1);
    else
        for (i = 0; i < d; i++)
            G[i + (i + 1) * d] += x[i];
}

void
unroll_driver_problem_grad(double * G, const unroll_driver_problem_t p,
                           const double * X)
{
    slong d = p->d, c = p->k + 1;

    if (p->H != NULL)
    {
        /* One pass over H for all k + 1 columns. */
        cblas_dsymm(CblasColMajor, CblasLeft, CblasUpper, (int) d, (int) c,
                    1.0, p->H, (int) d, X, (int) d, 0.0, G, (int) d);
        cblas_daxpy((int) d, 1.0, p->b, 1, G, 1);
    }
    else
    {
        _unroll_driver_atwa(G, p, X, c, p->kind == UNROLL_DRIVER_LOGISTIC
                            ? logistic_rows : ridge_rows);
        cblas_daxpy((int) (d * c), p->theta, X, 1, G, 1);
    }
    add_dtheta(G, p, X);
}

double
unroll_driver_problem_gap(const unroll_driver_problem_t p, const double * x)
{
    slong d = p->d;
    double * e = _unroll_driver_alloc(d, sizeof(double));
    double gap, ae;

    if (p->kind == UNROLL_DRIVER_LOGISTIC)
    {
        free(e);
        return _unroll_driver_logistic_f(p, x) - p->fstar;
    }
    /* f(x) - f(x*) = 1/2 (x - x*)^T H (x - x*) for a quadratic. */
    memcpy(e, x, sizeof(double) * d);
    cblas_daxpy((int) d, -1.0, p->xstar, 1, e, 1);
    cblas_dgemv(CblasColMajor, CblasNoTrans, (int) p->n, (int) d, 1.0, p->A,
                (int) p->n, e, 1, 0.0, p->work, 1);
    ae = cblas_ddot((int) p->n, p->work, 1, p->work, 1);
    gap = 0.5 * (ae + p->theta * cblas_ddot((int) d, e, 1, e, 1));
    free(e);
    return gap;
}

double
unroll_driver_problem_aposteriori(const unroll_driver_problem_t p,
                                  const double * X, const double * G)
{
    slong d = p->d, k = p->k;
    double r, g0, jn, rho, l;

    r = _unroll_driver_norm(G + d, d * k);
    g0 = _unroll_driver_norm(G, d);
    jn = _unroll_driver_norm(X + d, d * k);
    /* The computed r differs from the exact residual by at most
       gamma_{n+d} (|H| |J| + |x|) in each entry; bounded loosely in norm
       with ||H|| <= L (and ||A||^2 + theta for the matrix-free form). */
    rho = 2.0 * (double) (p->n + d + 2) * DBL_EPSILON
        * (fabs(p->L_upper) * jn * sqrt((double) d) + _unroll_driver_norm(X, d));
    if (p->kind == UNROLL_DRIVER_LOGISTIC)
    {
        l = p->theta;
        return (r + rho + (1.0 + p->hess_lip * jn) * g0 / l) / l;
    }
    l = p->l_lower;
    if (!(l > 0.0))
        return INFINITY;
    return (r + rho + g0 / l) / l;
}

double
unroll_driver_problem_g0(const unroll_driver_problem_t p)
{
    slong d = p->d, c = p->k + 1;
    double * X = _unroll_driver_alloc((size_t) d * c, sizeof(double));
    double * G = _unroll_driver_alloc((size_t) d * c, sizeof(double));
    double res;

    unroll_driver_problem_grad(G, p, X);
    res = _unroll_driver_norm(G + d, d * p->k);
    free(G);
    free(X);
    return res;
}
