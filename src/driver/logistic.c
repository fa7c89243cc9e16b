#include <math.h>
#include <string.h>

#include <cblas.h>
#include <lapacke.h>

#include "impl.h"

/* The largest |sigma''(s)| = |sigma (1 - sigma) (1 - 2 sigma)|, reached
   where sigma = 1/2 - 1/(2 sqrt 3): 1 / (6 sqrt 3). */
#define SIGMA2_MAX 0.09622504486493763

/* Maps the labels to +-1: the larger of exactly two values is +1. */
static int
signs(unroll_driver_problem_t p, char * msg)
{
    slong i;
    double lo = p->y[0], hi = p->y[0];

    for (i = 1; i < p->n; i++)
    {
        lo = FLINT_MIN(lo, p->y[i]);
        hi = FLINT_MAX(hi, p->y[i]);
    }
    for (i = 0; i < p->n; i++)
    {
        if (p->y[i] != lo && p->y[i] != hi)
            break;
    }
    if (lo == hi || i < p->n)
    {
        unroll_arith_msg(msg, "logistic regression needs labels with "
                         "exactly two distinct values");
        return UNROLL_DOMAIN;
    }
    for (i = 0; i < p->n; i++)
        p->y[i] = p->y[i] == hi ? 1.0 : -1.0;
    return UNROLL_SUCCESS;
}

double
_unroll_driver_logistic_f(const unroll_driver_problem_t p, const double * x)
{
    slong i;
    double f = 0.0, * s = p->work;

    cblas_dgemv(CblasColMajor, CblasNoTrans, (int) p->n, (int) p->d, 1.0,
                p->A, (int) p->n, x, 1, 0.0, s, 1);
    for (i = 0; i < p->n; i++)
        f += _unroll_driver_log1pexp_neg(p->y[i] * s[i]);
    return f + 0.5 * p->theta * cblas_ddot((int) p->d, x, 1, x, 1);
}

/* g = grad f(x) and H = A^T D A + theta I (upper triangle and, when full
   is set, the lower one too) with D = sigma(s) sigma(-s). */
static void
grad_hess(double * g, double * H, const unroll_driver_problem_t p,
          const double * x, int full)
{
    slong i, j, n = p->n, d = p->d;
    double * s = p->work, * B;
    double sg;

    B = _unroll_driver_alloc((size_t) n * d, sizeof(double));
    cblas_dgemv(CblasColMajor, CblasNoTrans, (int) n, (int) d, 1.0, p->A,
                (int) n, x, 1, 0.0, s, 1);
    for (i = 0; i < n; i++)
    {
        sg = _unroll_driver_sigmoid(p->y[i] * s[i]);
        s[i] = sqrt(sg * (1.0 - sg));
        for (j = 0; j < d; j++)
            B[i + j * n] = s[i] * p->A[i + j * n];
        s[i] = -p->y[i] * (1.0 - sg);
    }
    memcpy(g, x, sizeof(double) * d);
    cblas_dgemv(CblasColMajor, CblasTrans, (int) n, (int) d, 1.0, p->A,
                (int) n, s, 1, p->theta, g, 1);
    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, (int) d, (int) n, 1.0,
                B, (int) n, 0.0, H, (int) d);
    for (j = 0; j < d; j++)
    {
        H[j + j * d] += p->theta;
        for (i = j + 1; full && i < d; i++)
            H[i + j * d] = H[j + i * d];
    }
    flint_free(B);
}

/* One damped Newton step from x: the direction -H^-1 g, halved until f
   does not increase (Armijo with constant 1e-4, at most 60 halvings).
   Returns ||g|| before the step, or -1 if the factorisation failed. */
static double
newton_step(unroll_driver_problem_t p, double * x, double * H, double * g,
            double * dir, double * xn)
{
    slong d = p->d;
    double f0, t = 1.0, gnorm, slope;
    int k;

    grad_hess(g, H, p, x, 0);
    gnorm = _unroll_driver_norm(g, d);
    memcpy(dir, g, sizeof(double) * d);
    if (LAPACKE_dposv(LAPACK_COL_MAJOR, 'U', (lapack_int) d, 1, H,
                      (lapack_int) d, dir, (lapack_int) d) != 0)
        return -1.0;
    f0 = _unroll_driver_logistic_f(p, x);
    slope = cblas_ddot((int) d, g, 1, dir, 1);
    for (k = 0; k < 60; k++, t *= 0.5)
    {
        memcpy(xn, x, sizeof(double) * d);
        cblas_daxpy((int) d, -t, dir, 1, xn, 1);
        if (_unroll_driver_logistic_f(p, xn) <= f0 - 1e-4 * t * slope)
            break;
    }
    if (k < 60)
        memcpy(x, xn, sizeof(double) * d);
    return gnorm;
}

/* Newton converges quadratically, then the gradient stalls at rounding
   level: stop when it is small and no longer halves, or after 100
   steps. */
static int
newton(unroll_driver_problem_t p, double * H, char * msg)
{
    slong d = p->d, it;
    double * g = _unroll_driver_alloc(3 * d, sizeof(double));
    double gn = 0.0, g0 = -1.0, prev = INFINITY;

    for (it = 0; it < 100; it++)
    {
        gn = newton_step(p, p->xstar, H, g, g + d, g + 2 * d);
        if (g0 < 0.0)
            g0 = gn;
        if (gn <= 0.0 || (!(gn < 0.5 * prev) && gn <= 1e-6 * g0))
            break;
        prev = gn;
    }
    p->newton_iters = it;
    flint_free(g);
    if (gn < 0.0)
    {
        unroll_arith_msg(msg, "Newton's method: the Hessian is not positive "
                         "definite in double precision");
        return UNROLL_DOMAIN;
    }
    return UNROLL_SUCCESS;
}

/* M = SIGMA2_MAX max_i ||a_i|| ||A||_2^2 bounds ||H(x) - H(x')|| / ||x -
   x'||, since the Hessians differ by A^T diag(sigma'(s_i) - sigma'(s_i'))
   A and |s_i - s_i'| <= ||a_i|| ||x - x'||. */
static void
hessian_lipschitz(unroll_driver_problem_t p)
{
    slong i, d = p->d, n = p->n;
    double * M = _unroll_driver_alloc((size_t) d * d, sizeof(double));
    double * w = _unroll_driver_alloc(d, sizeof(double));
    double amax = 0.0;

    for (i = 0; i < n; i++)
        amax = FLINT_MAX(amax, cblas_dnrm2((int) d, p->A + i, (int) n));
    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, (int) d, (int) n, 1.0,
                p->A, (int) n, 0.0, M, (int) d);
    LAPACKE_dsyevd(LAPACK_COL_MAJOR, 'N', 'U', (lapack_int) d, M,
                   (lapack_int) d, w);
    /* Eigenvalues carry an error of order d eps ||A||^2: pad upwards. */
    p->hess_lip = SIGMA2_MAX * amax * w[d - 1] * (1.0 + 1e-10);
    flint_free(w);
    flint_free(M);
}

int
_unroll_driver_logistic_solve(unroll_driver_problem_t p, char * msg)
{
    slong i, d = p->d;
    double * H = _unroll_driver_alloc((size_t) d * d, sizeof(double));
    double * g = _unroll_driver_alloc(d, sizeof(double));
    int status;

    status = signs(p, msg);
    if (status == UNROLL_SUCCESS)
        status = newton(p, H, msg);
    if (status == UNROLL_SUCCESS)
    {
        /* Implicit differentiation of grad f(x*, theta) = 0 in theta:
           H(x*) dx* + x* = 0. */
        grad_hess(g, H, p, p->xstar, 1);
        memcpy(p->evecs, H, sizeof(double) * d * d);
        for (i = 0; i < d; i++)
            p->dxstar[i] = -p->xstar[i];
        if (LAPACKE_dposv(LAPACK_COL_MAJOR, 'U', (lapack_int) d, 1, H,
                          (lapack_int) d, p->dxstar, (lapack_int) d) != 0
            || _unroll_driver_eigen(p->evals, p->evecs, d))
        {
            unroll_arith_msg(msg, "the Hessian at x* is not positive "
                             "definite in double precision");
            status = UNROLL_DOMAIN;
        }
    }
    if (status == UNROLL_SUCCESS)
    {
        p->fstar = _unroll_driver_logistic_f(p, p->xstar);
        hessian_lipschitz(p);
    }
    flint_free(g);
    flint_free(H);
    return status;
}
