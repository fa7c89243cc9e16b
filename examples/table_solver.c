/*
    Feeding a coefficient table into a solver of your own.

    The table comes from `unroll coeffs` (CSV or JSON), for example

        unroll coeffs -m chebyshev --ell 1/10 --L 41/10 -T 300 -o cheb.csv
        table_solver cheb.csv

    This program solves (K + theta I) x = b for the 1-D Laplacian K
    (tridiagonal 2, -1, whose eigenvalues lie in (0, 4)) with theta = 1/10,
    so the spectrum of the system lies in [1/10, 41/10].  It carries the
    derivative dx/dtheta along (forward mode: the tangent obeys the same
    rule, with the gradient's tangent (K + theta I) J + x) and prints the
    residual and the tangent's residual every few steps.  The solver is
    the caller's: libunroll only reads the table and rounds each
    coefficient correctly to double.

    Build: cc table_solver.c $(pkg-config --cflags --libs unroll) -lm
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <unroll.h>

#define N 200
#define THETA 0.1

/* y = (K + theta I) v for the tridiagonal K. */
static void
apply(double * y, const double * v)
{
    int i;

    for (i = 0; i < N; i++)
        y[i] = (2.0 + THETA) * v[i] - (i > 0 ? v[i - 1] : 0.0)
             - (i + 1 < N ? v[i + 1] : 0.0);
}

/* The gradient of 1/2 x^T (K + theta I) x - b^T x at x (first N entries)
   and its tangent at J (next N entries): A x - b and A J + x. */
static void
gradient(double * g, const double * X, const double * b)
{
    int i;

    apply(g, X);
    apply(g + N, X + N);
    for (i = 0; i < N; i++)
    {
        g[i] -= b[i];
        g[N + i] += X[i];
    }
}

static double
norm(const double * v, int n)
{
    double s = 0.0;
    int i;

    for (i = 0; i < n; i++)
        s += v[i] * v[i];
    return sqrt(s);
}

int
main(int argc, char ** argv)
{
    unroll_scheme_t s;
    unroll_driver_coeffs_t c;
    unroll_driver_state_t st;
    char msg[UNROLL_MSG_LEN];
    double X0[2 * N] = { 0 }, b[N], g[2 * N];
    slong T, t;
    int i;

    if (argc != 2)
    {
        fprintf(stderr, "usage: %s TABLE.csv\n", argv[0]);
        return 2;
    }
    unroll_scheme_init(s);
    unroll_driver_coeffs_init(c);
    if (unroll_family_table_read(s, &T, argv[1], 128, msg) != UNROLL_SUCCESS
        || unroll_driver_coeffs_set(c, s, T, msg) != UNROLL_SUCCESS)
    {
        fprintf(stderr, "%s: %s\n", argv[0], msg);
        unroll_driver_coeffs_clear(c);
        unroll_scheme_clear(s);
        return 2;
    }
    for (i = 0; i < N; i++)
        b[i] = sin(0.1 * i);

    /* The same rule moves the iterate and its tangent: one state of 2N. */
    unroll_driver_state_init(st, c->kind, 2 * N, X0);
    printf("t,residual,tangent_residual\n");
    for (t = 1; t <= T; t++)
    {
        gradient(g, st->y1, b);
        unroll_driver_state_step(st, c, t, g);
        if (t % 25 == 0 || t == T)
        {
            gradient(g, st->x, b);
            printf("%ld,%.3e,%.3e\n", (long) t, norm(g, N), norm(g + N, N));
        }
    }
    unroll_driver_state_clear(st);
    unroll_driver_coeffs_clear(c);
    unroll_scheme_clear(s);
    return 0;
}
