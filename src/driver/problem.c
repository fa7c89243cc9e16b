#include <float.h>
#include <math.h>
#include <string.h>

#include <cblas.h>
#include <lapacke.h>

#include "impl.h"

void
unroll_driver_problem_init(unroll_driver_problem_t p)
{
    memset(p, 0, sizeof(*p));
}

void
unroll_driver_problem_clear(unroll_driver_problem_t p)
{
    flint_free(p->A);
    flint_free(p->y);
    flint_free(p->H);
    flint_free(p->b);
    flint_free(p->xstar);
    flint_free(p->dxstar);
    flint_free(p->evals);
    flint_free(p->evecs);
    flint_free(p->work);
    flint_free(p->At);
    unroll_driver_problem_init(p);
}

int
_unroll_driver_eigen(double * w, double * M, slong d)
{
    return LAPACKE_dsyevd(LAPACK_COL_MAJOR, 'V', 'U', (lapack_int) d, M,
                          (lapack_int) d, w) != 0;
}

/* A backward-stable symmetric eigensolver returns the exact eigenvalues
   of H + E with ||E|| <= c d eps ||H|| for a modest c, and by Weyl's
   inequality each eigenvalue moves by at most ||E||; 4 d eps L covers
   the usual c with room to spare. */
void
_unroll_driver_bracket(unroll_driver_problem_t p)
{
    double delta;

    p->l = p->evals[0];
    p->L = p->evals[p->d - 1];
    delta = 4.0 * (double) p->d * DBL_EPSILON * fabs(p->L);
    p->l_lower = p->l - delta;
    p->L_upper = p->L + delta;
}

/* A copy of the n x d column-major A with its rows contiguous. */
static double *
transpose(const double * A, slong n, slong d)
{
    double * At = _unroll_driver_alloc((size_t) n * d, sizeof(double));
    slong i, j;

    for (j = 0; j < d; j++)
        for (i = 0; i < n; i++)
            At[j + i * d] = A[i + j * n];
    return At;
}

static int
check_args(const unroll_driver_data_t data, int kind, double theta,
           char * msg)
{
    if (!(theta > 0.0) || !isfinite(theta))
    {
        unroll_arith_msg(msg, "theta must be positive and finite");
        return UNROLL_DOMAIN;
    }
    if (data->n < 1 || data->d < 1)
    {
        unroll_arith_msg(msg, "the dataset is empty");
        return UNROLL_DOMAIN;
    }
    /* before the d x d matrices and the copies of A are allocated */
    if (data->d > UNROLL_DRIVER_FEATURES_MAX
        || data->n > UNROLL_DRIVER_ENTRIES_MAX / data->d)
    {
        unroll_arith_msg(msg, "%ld samples x %ld features: at most %d "
                         "features and 2^27 entries", (long) data->n,
                         (long) data->d, UNROLL_DRIVER_FEATURES_MAX);
        return UNROLL_DOMAIN;
    }
    if (kind != UNROLL_DRIVER_RIDGE && kind != UNROLL_DRIVER_RIDGE_DIAG
        && kind != UNROLL_DRIVER_LOGISTIC)
    {
        unroll_arith_msg(msg, "unknown problem kind %d", kind);
        return UNROLL_DOMAIN;
    }
    return UNROLL_SUCCESS;
}

int
unroll_driver_problem_set(unroll_driver_problem_t p,
                          const unroll_driver_data_t data, int kind,
                          double theta, int storage, char * msg)
{
    slong n = data->n, d = data->d;
    int status;

    status = check_args(data, kind, theta, msg);
    if (status != UNROLL_SUCCESS)
        return status;

    unroll_driver_problem_clear(p);
    p->kind = kind;
    p->storage = kind == UNROLL_DRIVER_LOGISTIC ? UNROLL_DRIVER_MATRIX_FREE
                                                : storage;
    p->n = n;
    p->d = d;
    p->k = kind == UNROLL_DRIVER_RIDGE_DIAG ? d : 1;
    p->theta = theta;
    p->A = _unroll_driver_alloc((size_t) n * d, sizeof(double));
    memcpy(p->A, data->A, sizeof(double) * n * d);
    p->y = _unroll_driver_alloc(n, sizeof(double));
    memcpy(p->y, data->y, sizeof(double) * n);
    p->xstar = _unroll_driver_alloc(d, sizeof(double));
    p->dxstar = _unroll_driver_alloc((size_t) d * p->k, sizeof(double));
    p->evals = _unroll_driver_alloc(d, sizeof(double));
    p->evecs = _unroll_driver_alloc((size_t) d * d, sizeof(double));
    p->work = _unroll_driver_alloc((size_t) (n + d) * (p->k + 1),
                                   sizeof(double));
    p->threads = 1;
    if (p->storage == UNROLL_DRIVER_MATRIX_FREE)
        p->At = transpose(data->A, n, d);

    if (kind == UNROLL_DRIVER_LOGISTIC)
        status = _unroll_driver_logistic_solve(p, msg);
    else
        status = _unroll_driver_ridge_solve(p, msg);
    if (status == UNROLL_SUCCESS)
        _unroll_driver_bracket(p);
    return status;
}
