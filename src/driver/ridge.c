#include <math.h>
#include <string.h>

#include <cblas.h>
#include <lapacke.h>

#include "impl.h"

/* H = A^T A + theta I, full (both triangles), so that the iteration may
   use either dsymm or dgemm on it. */
static double *
hessian(const unroll_driver_problem_t p)
{
    slong i, j, d = p->d;
    double * H = _unroll_driver_alloc((size_t) d * d, sizeof(double));

    cblas_dsyrk(CblasColMajor, CblasUpper, CblasTrans, (int) d, (int) p->n,
                1.0, p->A, (int) p->n, 0.0, H, (int) d);
    for (j = 0; j < d; j++)
    {
        H[j + j * d] += p->theta;
        for (i = j + 1; i < d; i++)
            H[i + j * d] = H[j + i * d];
    }
    return H;
}

/* x* solves H x = A^T y; differentiating H(theta) x*(theta) = A^T y in
   theta gives H dx* = -x* (scalar theta) and H dx*_i = -x*_i e_i (one
   theta_i per feature), so the Jacobian is -H^-1 diag(x*). */
static int
solve(unroll_driver_problem_t p, const double * H, char * msg)
{
    slong i, d = p->d;
    double * C = _unroll_driver_alloc((size_t) d * d, sizeof(double));
    lapack_int info;

    memcpy(C, H, sizeof(double) * d * d);
    info = LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'U', (lapack_int) d, C,
                          (lapack_int) d);
    if (info == 0)
    {
        for (i = 0; i < d; i++)
            p->xstar[i] = -p->b[i];
        info = LAPACKE_dpotrs(LAPACK_COL_MAJOR, 'U', (lapack_int) d, 1, C,
                              (lapack_int) d, p->xstar, (lapack_int) d);
    }
    if (info == 0)
    {
        for (i = 0; i < d; i++)
        {
            if (p->k == 1)
                p->dxstar[i] = -p->xstar[i];
            else
                p->dxstar[i + i * d] = -p->xstar[i];
        }
        info = LAPACKE_dpotrs(LAPACK_COL_MAJOR, 'U', (lapack_int) d,
                              (lapack_int) p->k, C, (lapack_int) d,
                              p->dxstar, (lapack_int) d);
    }
    flint_free(C);
    if (info != 0)
    {
        unroll_arith_msg(msg, "the Cholesky factorisation of H failed "
                         "(H is not positive definite in double precision;"
                         " increase theta)");
        return UNROLL_DOMAIN;
    }
    return UNROLL_SUCCESS;
}

int
_unroll_driver_ridge_solve(unroll_driver_problem_t p, char * msg)
{
    slong d = p->d;
    double * H = hessian(p);
    int status;

    p->b = _unroll_driver_alloc(d, sizeof(double));
    cblas_dgemv(CblasColMajor, CblasTrans, (int) p->n, (int) d, -1.0, p->A,
                (int) p->n, p->y, 1, 0.0, p->b, 1);
    status = solve(p, H, msg);
    if (status == UNROLL_SUCCESS)
    {
        memcpy(p->evecs, H, sizeof(double) * d * d);
        if (_unroll_driver_eigen(p->evals, p->evecs, d))
        {
            unroll_arith_msg(msg, "the symmetric eigensolver failed");
            status = UNROLL_DOMAIN;
        }
    }
    if (status == UNROLL_SUCCESS && p->storage == UNROLL_DRIVER_HESSIAN)
        p->H = H;
    else
        flint_free(H);
    p->fstar = 0.0;
    return status;
}
