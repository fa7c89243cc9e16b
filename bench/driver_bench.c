/*
    Time per iteration of the numeric driver's loop (ridge, iterate and
    one Jacobian column, synthetic data) for gradient descent and the
    Chebyshev method, with H precomputed and matrix-free, on 1 and 2
    threads, beside a STREAM-style triad measured in the same run.

    Output: one line per case, "storage method n d threads us_per_iter",
    then "triad GBps X" and the bandwidth floors.  bench/driver.sh runs
    it beside the same loop in numpy and prints the ratios.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <cblas.h>

#include "unroll.h"

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* Best of five passes of a[i] = b[i] + s c[i] over 3 x 160 MB: bytes
   moved (24 per entry, as STREAM counts them) per second. */
static double
triad(void)
{
    const size_t n = 20000000;
    double * a = malloc(n * sizeof(double));
    double * b = malloc(n * sizeof(double));
    double * c = malloc(n * sizeof(double));
    double best = 1e30, t0;
    size_t i;
    int r;

    for (i = 0; i < n; i++)
    {
        a[i] = 0.0;
        b[i] = 1.0;
        c[i] = 2.0;
    }
    for (r = 0; r < 5; r++)
    {
        t0 = now();
        for (i = 0; i < n; i++)
            a[i] = b[i] + 3.0 * c[i];
        best = fmin(best, now() - t0);
    }
    if (a[n / 2] != 7.0)
        abort();
    free(a);
    free(b);
    free(c);
    return 24.0 * n / best;
}

/* Seconds per iteration of the scheme on p, repeated for ~0.3 s.  The
   step index cycles through 3..T: the values do not change the cost. */
static double
time_loop(const unroll_driver_problem_t p, const unroll_driver_coeffs_t c)
{
    slong N = p->d * 2, t, iters = 0, i;
    double * G = calloc(2 * N, sizeof(double));
    unroll_driver_state_t st;
    double t0, el;

    unroll_driver_state_init(st, c->kind, N, G + N);
    for (t = 1; t <= 3; t++)
    {
        unroll_driver_problem_grad(G, p, st->y1);
        unroll_driver_state_step(st, c, t, G);
    }
    t0 = now();
    do
    {
        for (i = 0; i < 20; i++, iters++)
        {
            t = 3 + iters % (c->T - 2);
            unroll_driver_problem_grad(G, p, st->y1);
            unroll_driver_state_step(st, c, t, G);
        }
        el = now() - t0;
    }
    while (el < 0.3);
    unroll_driver_state_clear(st);
    free(G);
    return el / (double) iters;
}

static void
coeffs(unroll_driver_coeffs_t c, const char * name,
       const unroll_driver_problem_t p, slong T)
{
    unroll_scheme_t s;
    unroll_spectrum_t spec;
    fmpq_t l, L, h;
    char msg[UNROLL_MSG_LEN];

    fmpq_init(l); fmpq_init(L); fmpq_init(h);
    /* Any spectrum inside the true one keeps the run finite enough for
       timing; values do not change the cost. */
    fmpq_set_si(l, 1, 1);
    fmpq_set_si(L, (slong) (p->L + 2.0), 1);
    fmpq_set_si(h, 1, (slong) (p->L + 2.0));
    unroll_spectrum_init(spec);
    if (unroll_spectrum_set(spec, l, L, msg) != UNROLL_SUCCESS)
        abort();
    unroll_scheme_init(s);
    if (name[0] == 'g')
        unroll_family_gd(s, h, T);
    else
        unroll_family_chebyshev(s, spec, T);
    if (unroll_driver_coeffs_set(c, s, T, msg) != UNROLL_SUCCESS)
        abort();
    unroll_scheme_clear(s);
    unroll_spectrum_clear(spec);
    fmpq_clear(l); fmpq_clear(L); fmpq_clear(h);
}

static void
bench_size(slong n, slong d, slong T)
{
    static const char * const methods[2] = { "gd", "chebyshev" };
    static const char * const storages[2] = { "hessian", "matrix-free" };
    unroll_driver_data_t data;
    unroll_driver_problem_t p;
    unroll_driver_coeffs_t c;
    char msg[UNROLL_MSG_LEN];
    int st, m, th;

    unroll_driver_data_init(data);
    unroll_driver_data_synthetic(data, n, d, 1);
    for (st = 0; st < 2; st++)
    {
        unroll_driver_problem_init(p);
        if (unroll_driver_problem_set(p, data, UNROLL_DRIVER_RIDGE, 1e-3, st,
                                      msg) != UNROLL_SUCCESS)
            abort();
        for (m = 0; m < 2; m++)
        {
            unroll_driver_coeffs_init(c);
            coeffs(c, methods[m], p, T);
            for (th = 1; th <= 2; th++)
            {
                p->threads = th;
                printf("%s %s %ld %ld %d %.4g\n", storages[st], methods[m],
                       (long) n, (long) d, th, 1e6 * time_loop(p, c));
                fflush(stdout);
            }
            unroll_driver_coeffs_clear(c);
        }
        unroll_driver_problem_clear(p);
    }
    unroll_driver_data_clear(data);
}

int
main(int argc, char ** argv)
{
    double bw;

    /* The driver's second thread is its own; BLAS calls stay serial. */
    openblas_set_num_threads(1);
    bw = triad();

    printf("triad GBps %.4g\n", bw * 1e-9);
    printf("floor hessian 20000 2000 us %.4g\n",
           1e6 * 8.0 * 2000 * 2001 / 2 / bw);
    printf("floor matrix-free 20000 2000 us %.4g\n",
           1e6 * 8.0 * 20000 * 2000 / bw);
    fflush(stdout);
    if (argc == 3)
        bench_size(atol(argv[1]), atol(argv[2]), 1000);
    else
    {
        bench_size(569, 30, 1000);
        bench_size(5000, 500, 1000);
        bench_size(20000, 2000, 1000);
    }
    flint_cleanup_master();
    return 0;
}
