#include <math.h>
#include <string.h>

#include "impl.h"

/* Distance to x* along gradient descent; records e at every step. */
static slong
descend(double * e, const unroll_driver_problem_t p, double h, slong T)
{
    slong t, i, d = p->d, N = d * (p->k + 1);
    double * X = _unroll_driver_alloc(2 * N, sizeof(double));
    double * G = X + N;
    double s;

    e[0] = _unroll_driver_norm(p->xstar, d);
    for (t = 1; t <= T; t++)
    {
        unroll_driver_problem_grad(G, p, X);
        for (i = 0; i < d; i++)
            X[i] -= h * G[i];
        for (i = 0, s = 0.0; i < d; i++)
            s += (X[i] - p->xstar[i]) * (X[i] - p->xstar[i]);
        e[t] = sqrt(s);
        if (!(e[t] <= 1e10 * e[0]))
            break;
        /* Below this the distance is rounding noise, not the rate. */
        if (e[t] <= 1e-9 * e[0])
            break;
    }
    flint_free(X);
    return t;
}

/* The asymptotic rate is read off the second half of the run, when the
   slowest eigen-component dominates: (e_t / e_{t/2})^(2/t). */
double
unroll_driver_gd_rate(const unroll_driver_problem_t p, double h, slong T)
{
    double * e = _unroll_driver_alloc(T + 1, sizeof(double));
    slong t = descend(e, p, h, T);
    double rate;

    if (t <= T && !(e[t] <= 1e10 * e[0]))
        rate = 2.0;
    else
    {
        t = FLINT_MIN(t, T);
        if (t < 2 || e[t / 2] == 0.0 || e[0] == 0.0)
            rate = 0.0;
        else
            rate = pow(e[t] / e[t / 2], 1.0 / (double) (t - t / 2));
    }
    flint_free(e);
    return rate;
}

double
unroll_driver_step_auto(double * rate, const unroll_driver_problem_t p,
                        slong npts, slong T)
{
    slong j;
    double h, best = 0.0, r, lo = 0.1 / p->L, hi = 2.0 / p->L;

    *rate = INFINITY;
    for (j = 0; j < npts; j++)
    {
        h = lo * pow(hi / lo, npts > 1 ? (double) j / (npts - 1) : 0.0);
        r = unroll_driver_gd_rate(p, h, T);
        if (r < *rate)
        {
            *rate = r;
            best = h;
        }
    }
    return best;
}
