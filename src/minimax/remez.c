#include <math.h>
#include <stdlib.h>

#include "impl.h"

/* pi to double precision (PI_D is not C11). */
#define PI_D 3.14159265358979323846

/* Limits of the exchange: the spread (max |E| - level) / max |E| that
   counts as converged, the most exchanges, and the grid density (points
   per degree, uniform in the angle x = -cos theta). */
#define REMEZ_TOL 1e-12
#define REMEZ_ACCEPT 1e-11
#define REMEZ_MAXIT 60
#define REMEZ_GRID 16

/* Clenshaw sum of sum_{k <= n} c[k] T_k(x). */
static double
cheb_d(const double * c, slong n, double x)
{
    double b1 = 0.0, b2 = 0.0, b;
    slong k;

    for (k = n; k >= 1; k--)
    {
        b = c[k] + 2.0 * x * b1 - b2;
        b2 = b1;
        b1 = b;
    }
    return c[0] + x * b1 - b2;
}

/* d[0..n-1] = the Chebyshev coefficients of the derivative of c[0..n],
   from d_{k-1} = d_{k+1} + 2 k c_k. */
static void
cheb_diff_d(double * d, const double * c, slong n)
{
    slong k;

    if (n == 0)
    {
        d[0] = 0.0;
        return;
    }
    for (k = n; k >= 1; k--)
        d[k - 1] = (k + 1 <= n - 1 ? d[k + 1] : 0.0) + 2.0 * k * c[k];
    d[0] /= 2.0;
}

/* Solves the n x n system A u = b (row-major, overwritten) by Gaussian
   elimination with partial pivoting; returns 0 if singular. */
static int
solve_d(double * A, double * b, slong n)
{
    slong i, j, k, p;
    double f, tmp;

    for (k = 0; k < n; k++)
    {
        p = k;
        for (i = k + 1; i < n; i++)
            if (fabs(A[i * n + k]) > fabs(A[p * n + k]))
                p = i;
        if (A[p * n + k] == 0.0)
            return 0;
        for (j = 0; j < n && p != k; j++)
        {
            tmp = A[k * n + j]; A[k * n + j] = A[p * n + j];
            A[p * n + j] = tmp;
        }
        tmp = b[k]; b[k] = b[p]; b[p] = tmp;
        for (i = k + 1; i < n; i++)
        {
            f = A[i * n + k] / A[k * n + k];
            for (j = k; j < n; j++)
                A[i * n + j] -= f * A[k * n + j];
            b[i] -= f * b[k];
        }
    }
    for (k = n - 1; k >= 0; k--)
    {
        for (j = k + 1; j < n; j++)
            b[k] -= A[k * n + j] * b[j];
        b[k] /= A[k * n + k];
    }
    return 1;
}

/* The constraint row T_k'(x0) = k U_{k-1}(x0), k = 0..t, scaled by a
   common positive factor: U grows like (|x0| + sqrt(x0^2 - 1))^k and
   would overflow, and only the direction of the row matters. */
static void
derivative_row(double * row, double x0, slong t)
{
    double u1 = 0.0, u0 = 1.0, u, big = 0.0;
    slong k, j;

    row[0] = 0.0;
    for (k = 1; k <= t; k++)
    {
        row[k] = k * u0;    /* u0 = U_{k-1}(x0) */
        u = 2.0 * x0 * u0 - u1;
        u1 = u0;
        u0 = u;
        if (fabs(u0) > 1e200)
        {
            for (j = 0; j <= k; j++)
                row[j] *= 1e-200;
            u0 *= 1e-200;
            u1 *= 1e-200;
        }
    }
    for (k = 0; k <= t; k++)
        big = fmax(big, fabs(row[k]));
    for (k = 0; k <= t; k++)
        row[k] /= big;
}

/* One reference solve: E(ref_i) = (-1)^i, E'(x0) = 0. */
static int
reference_solve(double * c, double * A, const double * ref,
                const double * drow, slong t)
{
    slong n = t + 1, i, k;
    double tk, tk1, tk2;

    for (i = 0; i < t; i++)
    {
        tk2 = 1.0;
        tk1 = ref[i];
        A[i * n] = 1.0;
        if (t >= 1)
            A[i * n + 1] = ref[i];
        for (k = 2; k <= t; k++)
        {
            tk = 2.0 * ref[i] * tk1 - tk2;
            A[i * n + k] = tk;
            tk2 = tk1;
            tk1 = tk;
        }
        c[i] = (i % 2 == 0) ? 1.0 : -1.0;
    }
    for (k = 0; k <= t; k++)
        A[t * n + k] = drow[k];
    c[t] = 0.0;
    return solve_d(A, c, n);
}

/* Newton's method on E' from a grid extremum, kept inside the bracket
   [a, b]; returns the refined point if it improves |E|. */
static double
refine(const double * c, const double * d, const double * dd, slong t,
       double x, double a, double b)
{
    double y = x, f1, f2;
    int it;

    for (it = 0; it < 8; it++)
    {
        f1 = cheb_d(d, t - 1, y);
        f2 = t >= 2 ? cheb_d(dd, t - 2, y) : 0.0;
        if (f2 == 0.0)
            break;
        y -= f1 / f2;
        if (!(y > a && y < b))
            return x;
    }
    return fabs(cheb_d(c, t, y)) >= fabs(cheb_d(c, t, x)) ? y : x;
}

/* The local extrema of E on the grid, refined, merged into an
   alternating sequence (of two neighbours of equal sign the larger
   stays).  Returns their number; xs, vs need room for the grid. */
static slong
alternants(double * xs, double * vs, double * grid, const double * c,
           const double * d, const double * dd, slong t)
{
    slong N = REMEZ_GRID * (t + 1), j, n = 0;
    double x, v, lo, hi;

    for (j = 0; j <= N; j++)
        grid[j] = cheb_d(c, t, -cos(PI_D * j / N));
    for (j = 0; j <= N; j++)
    {
        v = grid[j];
        lo = j > 0 ? grid[j - 1] : -v;
        hi = j < N ? grid[j + 1] : -v;
        if (!((v > 0 && v >= lo && v >= hi) || (v < 0 && v <= lo
                                                 && v <= hi)))
            continue;
        x = -cos(PI_D * j / N);
        if (j > 0 && j < N)
            x = refine(c, d, dd, t, x, -cos(PI_D * (j - 1) / N),
                       -cos(PI_D * (j + 1) / N));
        v = cheb_d(c, t, x);
        if (n > 0 && (vs[n - 1] > 0) == (v > 0))
        {
            if (fabs(v) > fabs(vs[n - 1]))
            {
                xs[n - 1] = x;
                vs[n - 1] = v;
            }
            continue;
        }
        xs[n] = x;
        vs[n] = v;
        n++;
    }
    return n;
}

/* Keeps t of the n alternants: drops the smaller end until t remain,
   which never drops the largest value.  Returns the spread between the
   largest value and the smallest kept one, relative to the largest. */
static double
select_reference(double * ref, const double * xs, const double * vs,
                 slong n, slong t)
{
    slong a = 0, b = n - 1, i;
    double big = 0.0, small = HUGE_VAL;

    for (i = 0; i < n; i++)
        big = fmax(big, fabs(vs[i]));
    while (b - a + 1 > t)
    {
        if (fabs(vs[a]) < fabs(vs[b]))
            a++;
        else
            b--;
    }
    for (i = 0; i < t; i++)
    {
        ref[i] = xs[a + i];
        small = fmin(small, fabs(vs[a + i]));
    }
    return (big - small) / big;
}

static void
initial_reference(double * ref, slong t)
{
    slong i;

    if (t == 1)
        ref[0] = 1.0;
    for (i = 0; i < t && t > 1; i++)
        ref[i] = -cos(PI_D * i / (t - 1));
}

int
_unroll_minimax_remez(double * c, double * ref, slong * iters, double x0,
                      slong t, char * msg)
{
    slong N = REMEZ_GRID * (t + 1) + 1, n = 0, it;
    double * A, * drow, * d, * dd, * xs, * vs, * grid;
    double spread = HUGE_VAL;
    int status = UNROLL_SUCCESS;

    A = flint_malloc(sizeof(double) * ((t + 1) * (t + 1) + 3 * (t + 2)
                                       + 3 * N));
    drow = A + (t + 1) * (t + 1);
    d = drow + t + 2;
    dd = d + t + 2;
    xs = dd + t + 2;
    vs = xs + N;
    grid = vs + N;

    derivative_row(drow, x0, t);
    initial_reference(ref, t);
    for (it = 0; it < REMEZ_MAXIT && spread > REMEZ_TOL; it++)
    {
        if (!reference_solve(c, A, ref, drow, t))
            break;
        if (t == 1)
        {
            spread = 0.0;
            break;
        }
        cheb_diff_d(d, c, t);
        cheb_diff_d(dd, d, t - 1);
        n = alternants(xs, vs, grid, c, d, dd, t);
        if (n < t)
            break;
        spread = select_reference(ref, xs, vs, n, t);
    }
    *iters = it;

    if (!(spread <= REMEZ_ACCEPT))
    {
        unroll_arith_msg(msg, "Remez exchange stalled at t = %ld "
                         "(spread %.3g)", (long) t, spread);
        status = UNROLL_UNABLE;
    }
    flint_free(A);
    return status;
}
