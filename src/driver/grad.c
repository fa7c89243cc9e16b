#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>

#include <cblas.h>

#include "impl.h"

/* Bytes of H or A kept in the L2 cache while every column of the block
   uses them (the machine's L2 is 512 KB to 1 MB per core). */
#define CACHE_BYTES (512 * 1024)

/* Up to this many columns the passes below use level-2 BLAS on cached
   pieces; wider blocks (ridge-diag) go to dgemm, which reuses H anyway.
   So does a Hessian of up to SMALL_D columns, which stays in the caches
   from one iteration to the next: there the call count matters more
   than the traffic. */
#define NARROW 4
#define SMALL_D 1024

/* A second thread costs a thread creation per pass (tens of
   microseconds): only for passes over at least this many entries. */
#define THREAD_MIN 1000000

/* G += H X over the panels of columns [j0, j1) of the upper triangle of
   H: each panel is read from memory once and then used by all c columns
   from the cache (the off-diagonal block in both directions, since H is
   symmetric), so that one pass reads the triangle, d^2/2 entries, once
   for the whole block. */
static void
sym_panels(double * G, const unroll_driver_problem_t p, const double * X,
           slong c, slong j0, slong j1)
{
    slong d = p->d, j, w, q;
    const double * H = p->H;

    for (j = j0; j < j1; j += w)
    {
        w = CACHE_BYTES / (8 * FLINT_MAX(j, 1));
        w = FLINT_MIN(FLINT_MAX(w, 8), FLINT_MIN(64, j1 - j));
        for (q = 0; q < c && j > 0; q++)
        {
            cblas_dgemv(CblasColMajor, CblasNoTrans, (int) j, (int) w, 1.0,
                        H + j * d, (int) d, X + q * d + j, 1, 1.0, G + q * d,
                        1);
            cblas_dgemv(CblasColMajor, CblasTrans, (int) j, (int) w, 1.0,
                        H + j * d, (int) d, X + q * d, 1, 1.0,
                        G + q * d + j, 1);
        }
        for (q = 0; q < c; q++)
            cblas_dsymv(CblasColMajor, CblasUpper, (int) w, 1.0,
                        H + j + j * d, (int) d, X + q * d + j, 1, 1.0,
                        G + q * d + j, 1);
    }
}

/* G += A^T f(A X) over rows [i0, i1) of A, taken in chunks that stay in
   the cache between the product with A and the one with A^T: one pass
   over those rows of A for the whole block. */
static void
atwa_rows(double * G, const unroll_driver_problem_t p, const double * X,
          slong c, slong i0, slong i1, _unroll_driver_rowfn_t rowfn)
{
    slong n = p->n, d = p->d, i, r, q;
    slong chunk = FLINT_MAX(4, CACHE_BYTES / (8 * d));
    const double * Ac;
    double * W = p->work;

    for (i = i0; i < i1; i += r)
    {
        r = FLINT_MIN(chunk, i1 - i);
        Ac = p->At + i * d;
        for (q = 0; q < c; q++)
            cblas_dgemv(CblasColMajor, CblasTrans, (int) d, (int) r, 1.0, Ac,
                        (int) d, X + q * d, 1, 0.0, W + q * n + i, 1);
        rowfn(W, n, i, r, p);
        for (q = 0; q < c; q++)
            cblas_dgemv(CblasColMajor, CblasNoTrans, (int) d, (int) r, 1.0,
                        Ac, (int) d, W + q * n + i, 1, 1.0, G + q * d, 1);
    }
}

/* The same with dgemm, for wide blocks. */
static void
atwa_wide(double * G, const unroll_driver_problem_t p, const double * X,
          slong c, _unroll_driver_rowfn_t rowfn)
{
    slong n = p->n, d = p->d;

    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, (int) n, (int) c,
                (int) d, 1.0, p->At, (int) d, X, (int) d, 0.0, p->work,
                (int) n);
    rowfn(p->work, n, 0, n, p);
    cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, (int) d, (int) c,
                (int) n, 1.0, p->At, (int) d, p->work, (int) n, 1.0, G,
                (int) d);
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

/* The work of one gradient pass, split in two halves of equal traffic
   when two threads are asked for: the second half goes to its own
   thread and its own output block, added at the end. */
typedef struct
{
    double * G;
    const unroll_driver_problem_struct * p;
    const double * X;
    slong c;
    slong lo;
    slong hi;
}
half_t;

static void *
run_half(void * arg)
{
    half_t * h = arg;
    const unroll_driver_problem_struct * p = h->p;

    memset(h->G, 0, sizeof(double) * p->d * h->c);
    if (p->H != NULL)
        sym_panels(h->G, p, h->X, h->c, h->lo, h->hi);
    else
        atwa_rows(h->G, p, h->X, h->c, h->lo, h->hi,
                  p->kind == UNROLL_DRIVER_LOGISTIC ? logistic_rows
                                                    : ridge_rows);
    return NULL;
}

/* G = H X or A^T f(A X), the pass over the data. */
static void
data_pass(double * G, const unroll_driver_problem_t p, const double * X,
          slong c)
{
    half_t h[2];
    pthread_t th;
    slong total = p->H != NULL ? p->d : p->n, mid, i;
    int two = p->threads > 1 && (p->force_pass || (p->H != NULL
              ? p->d * p->d / 2 : p->n * p->d) >= THREAD_MIN);

    /* The triangle's columns [0, j) hold j^2 / 2 entries: cut at
       d / sqrt 2 for equal halves. */
    mid = p->H != NULL ? (slong) (total / 1.4142135623730951) : total / 2;
    h[0].G = G; h[0].p = p; h[0].X = X; h[0].c = c;
    h[0].lo = 0; h[0].hi = two ? mid : total;
    h[1] = h[0];
    h[1].G = p->work + p->n * c;
    h[1].lo = mid; h[1].hi = total;
    if (two && pthread_create(&th, NULL, run_half, &h[1]) != 0)
    {
        two = 0;
        h[0].hi = total;
    }
    run_half(&h[0]);
    if (two)
    {
        pthread_join(th, NULL);
        for (i = 0; i < p->d * c; i++)
            G[i] += h[1].G[i];
    }
}

void
unroll_driver_problem_grad(double * G, const unroll_driver_problem_t p,
                           const double * X)
{
    slong d = p->d, c = p->k + 1;

    if (p->H != NULL && (c > NARROW || (d <= SMALL_D && !p->force_pass)))
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, (int) d,
                    (int) c, (int) d, 1.0, p->H, (int) d, X, (int) d, 0.0, G,
                    (int) d);
    else if (p->H == NULL && c > NARROW)
    {
        memset(G, 0, sizeof(double) * d * c);
        atwa_wide(G, p, X, c, p->kind == UNROLL_DRIVER_LOGISTIC
                  ? logistic_rows : ridge_rows);
    }
    else
        data_pass(G, p, X, c);
    if (p->H != NULL)
        cblas_daxpy((int) d, 1.0, p->b, 1, G, 1);
    else
        cblas_daxpy((int) (d * c), p->theta, X, 1, G, 1);
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
        flint_free(e);
        return _unroll_driver_logistic_f(p, x) - p->fstar;
    }
    /* f(x) - f(x*) = 1/2 (x - x*)^T H (x - x*) for a quadratic. */
    memcpy(e, x, sizeof(double) * d);
    cblas_daxpy((int) d, -1.0, p->xstar, 1, e, 1);
    cblas_dgemv(CblasColMajor, CblasNoTrans, (int) p->n, (int) d, 1.0, p->A,
                (int) p->n, e, 1, 0.0, p->work, 1);
    ae = cblas_ddot((int) p->n, p->work, 1, p->work, 1);
    gap = 0.5 * (ae + p->theta * cblas_ddot((int) d, e, 1, e, 1));
    flint_free(e);
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
        * (fabs(p->L_upper) * jn * sqrt((double) d)
           + _unroll_driver_norm(X, d));
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
    flint_free(G);
    flint_free(X);
    return res;
}
