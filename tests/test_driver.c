#include <float.h>
#include <stdio.h>

#include "common.h"

/* The numeric driver: forward-mode Jacobians against finite differences,
   the master identity's prediction, the certified and a-posteriori
   bounds, against the measured errors. */

#define NMETHODS 6

/* A method by name with parameters that suit a problem with spectrum
   [l, L]; inline strings, since Criterion copies parameters. */
typedef struct
{
    char name[24];
    char alpha[8];
    char eta[8];
    char step[16];
    char momentum[16];
}
method_case_t;

static const method_case_t methods[NMETHODS] =
{
    { "gd", "", "", "1/L", "" },
    { "heavy-ball", "", "", "1/L", "1/2" },
    { "chebyshev", "", "", "", "" },
    { "gegenbauer", "1", "", "", "" },
    { "sobolev", "1", "L/l", "", "" },
    { "sobolev-asymptotic", "", "", "", "" },
};

static const char *
opt(const char * s)
{
    return s[0] != '\0' ? s : NULL;
}

/* Builds the coefficients of method mc on the problem's [l, L] rounded
   to 17 digits (the method need not match the spectrum exactly). */
static void
make_coeffs(unroll_driver_coeffs_t c, const method_case_t * mc,
            const unroll_driver_problem_t p, slong T)
{
    unroll_scheme_t s;
    char l[40], L[40], h[64], msg[UNROLL_MSG_LEN];
    double dl = p->l, dL = p->L;

    snprintf(l, sizeof(l), "%.17g", dl);
    snprintf(L, sizeof(L), "%.17g", dL);
    if (mc->step[0] != '\0')
        snprintf(h, sizeof(h), "1/%.17g", dL);
    unroll_scheme_init(s);
    test_scheme(s, mc->name, l, L, opt(mc->alpha),
                strcmp(mc->eta, "L/l") == 0 ? "20" : opt(mc->eta),
                mc->step[0] != '\0' ? h : NULL, opt(mc->momentum), T);
    cr_assert_eq(unroll_driver_coeffs_set(c, s, T, msg), UNROLL_SUCCESS,
                 "%s", msg);
    unroll_scheme_clear(s);
}

/* Runs T steps from x_0 = 0 and copies the final x_t block to X. */
static void
iterate(double * X, const unroll_driver_problem_t p,
        const unroll_driver_coeffs_t c, slong T)
{
    slong t, N = p->d * (p->k + 1);
    double * G = calloc(2 * N, sizeof(double));
    unroll_driver_state_t st;

    unroll_driver_state_init(st, c->kind, N, G + N);
    for (t = 1; t <= T; t++)
    {
        unroll_driver_problem_grad(G, p, st->y1);
        unroll_driver_state_step(st, c, t, G);
    }
    memcpy(X, st->x, sizeof(double) * N);
    unroll_driver_state_clear(st);
    free(G);
}

static void
make_problem(unroll_driver_problem_t p, int kind, int storage, double theta,
             slong n, slong d, uint64_t seed)
{
    unroll_driver_data_t data;
    char msg[UNROLL_MSG_LEN];

    unroll_driver_data_init(data);
    unroll_driver_data_synthetic(data, n, d, seed);
    if (kind == UNROLL_DRIVER_LOGISTIC)
    {
        slong i;

        for (i = 0; i < n; i++)
            data->y[i] = data->y[i] > 0.0;
    }
    unroll_driver_problem_init(p);
    cr_assert_eq(unroll_driver_problem_set(p, data, kind, theta, storage,
                                           msg), UNROLL_SUCCESS, "%s", msg);
    unroll_driver_data_clear(data);
}

/* Central differences in theta of the iterate after T steps against the
   forward-mode tangent (for ridge-diag: the sum of the k columns, which
   is the derivative along theta_i = theta for all i).  Tolerance: 1e-6
   relative to the largest tangent entry, far above the O(eps^2/3)
   error of a central difference with step 1e-5 theta, far below any
   wrong tangent. */
static void
check_fd(int kind, int storage, const method_case_t * mc)
{
    unroll_driver_problem_t p, pp, pm;
    unroll_driver_coeffs_t c;
    const double theta = 0.5, eps = 1e-5 * theta;
    slong i, j, d = 6, T = 25;
    double * X, * Xp, * Xm, fd, jac, scale = 0.0, worst = 0.0;

    make_problem(p, kind, storage, theta, 40, d, 7);
    make_problem(pp, kind, storage, theta + eps, 40, d, 7);
    make_problem(pm, kind, storage, theta - eps, 40, d, 7);
    unroll_driver_coeffs_init(c);
    make_coeffs(c, mc, p, T);
    X = calloc(d * (p->k + 1), sizeof(double));
    Xp = calloc(d * (p->k + 1), sizeof(double));
    Xm = calloc(d * (p->k + 1), sizeof(double));
    iterate(X, p, c, T);
    iterate(Xp, pp, c, T);
    iterate(Xm, pm, c, T);
    for (i = 0; i < d; i++)
    {
        for (j = 1, jac = 0.0; j <= p->k; j++)
            jac += X[i + j * d];
        fd = (Xp[i] - Xm[i]) / (2 * eps);
        scale = fmax(scale, fabs(jac));
        worst = fmax(worst, fabs(fd - jac));
    }
    cr_expect_leq(worst, 1e-6 * scale, "accuracy: %s, problem %d: "
                  "|fd - jacobian| = %g, scale %g", mc->name, kind, worst,
                  scale);
    free(X); free(Xp); free(Xm);
    unroll_driver_coeffs_clear(c);
    unroll_driver_problem_clear(p);
    unroll_driver_problem_clear(pp);
    unroll_driver_problem_clear(pm);
}

ParameterizedTestParameters(driver, jacobian_matches_finite_differences)
{
    return cr_make_param_array(method_case_t, (method_case_t *) methods,
                               NMETHODS);
}

ParameterizedTest(method_case_t * mc, driver,
                  jacobian_matches_finite_differences)
{
    check_fd(UNROLL_DRIVER_RIDGE, UNROLL_DRIVER_HESSIAN, mc);
    check_fd(UNROLL_DRIVER_RIDGE, UNROLL_DRIVER_MATRIX_FREE, mc);
    check_fd(UNROLL_DRIVER_RIDGE_DIAG, UNROLL_DRIVER_HESSIAN, mc);
    check_fd(UNROLL_DRIVER_LOGISTIC, UNROLL_DRIVER_MATRIX_FREE, mc);
}

/* What a trace callback checks, row by row. */
typedef struct
{
    double tol;         /* allowed |jerr - jpred| */
    slong rows;
    int check_pred;
    const char * name;
}
trace_check_t;

static int
check_row(const unroll_driver_row_t * r, void * arg)
{
    trace_check_t * tc = arg;

    tc->rows++;
    if (tc->check_pred)
        cr_expect_leq(fabs(r->jerr - r->jpred), tc->tol, "accuracy: %s, "
                      "t = %ld: measured %.17g, predicted %.17g", tc->name,
                      (long) r->t, r->jerr, r->jpred);
    cr_expect_geq(r->jpost, r->jerr, "containment: %s, t = %ld: "
                  "a-posteriori %.17g below the true error %.17g", tc->name,
                  (long) r->t, r->jpost, r->jerr);
    return 0;
}

/* The rounding floor of the measured error: the iterate carries errors
   of order eps ||x*|| per step, which the tangent turns into about
   eps ||x*|| / l; 1e3 covers the step count and the dimension. */
static double
rounding_floor(const unroll_driver_problem_t p)
{
    double xs = 0.0, js = 0.0;
    slong i;

    for (i = 0; i < p->d; i++)
        xs += p->xstar[i] * p->xstar[i];
    for (i = 0; i < p->d * p->k; i++)
        js += p->dxstar[i] * p->dxstar[i];
    return 1e3 * DBL_EPSILON * (sqrt(js) + sqrt(xs) / p->l);
}

ParameterizedTestParameters(driver, prediction_and_aposteriori)
{
    return cr_make_param_array(method_case_t, (method_case_t *) methods,
                               NMETHODS);
}

ParameterizedTest(method_case_t * mc, driver, prediction_and_aposteriori)
{
    static const int kinds[3] = { UNROLL_DRIVER_RIDGE,
                                  UNROLL_DRIVER_RIDGE_DIAG,
                                  UNROLL_DRIVER_LOGISTIC };
    unroll_driver_problem_t p;
    unroll_driver_coeffs_t c;
    trace_check_t tc;
    char msg[UNROLL_MSG_LEN];
    int i;

    for (i = 0; i < 3; i++)
    {
        make_problem(p, kinds[i], UNROLL_DRIVER_HESSIAN, 1e-2, 60, 8,
                     test_seed() + i);
        unroll_driver_coeffs_init(c);
        make_coeffs(c, mc, p, 80);
        memset(&tc, 0, sizeof(tc));
        tc.name = mc->name;
        tc.check_pred = kinds[i] == UNROLL_DRIVER_RIDGE;
        tc.tol = rounding_floor(p);
        cr_assert_eq(unroll_driver_run(p, c, 80, 1, check_row, &tc, msg),
                     UNROLL_SUCCESS, "%s", msg);
        cr_expect_eq(tc.rows, 81);
        unroll_driver_coeffs_clear(c);
        unroll_driver_problem_clear(p);
    }
}

static double
sumsq(const double * v, slong n)
{
    double s = 0.0;
    slong i;

    for (i = 0; i < n; i++)
        s += v[i] * v[i];
    return s;
}

/* The certified bound of the bound engine, evaluated as unroll run does,
   is never below the measured error (up to the rounding floor). */
static int
check_bound_row(const unroll_driver_row_t * r, void * arg)
{
    void ** a = arg;
    const unroll_scheme_struct * s = a[0];
    const unroll_spectrum_struct * spec = a[1];
    const double * e = a[2];
    unroll_bound_result_t res;
    char msg[UNROLL_MSG_LEN];
    double B;

    unroll_bound_result_init(res);
    cr_assert_eq(unroll_bound_sup(res, s, spec, r->t, 16, msg),
                 UNROLL_SUCCESS, "%s", msg);
    B = arf_get_d(&res->B.hi, ARF_RND_UP);
    cr_expect_leq(r->jerr, B * e[0] + e[1], "containment: t = %ld: "
                  "measured %.17g above B_t ||dx*|| = %.17g", (long) r->t,
                  r->jerr, B * e[0]);
    unroll_bound_result_clear(res);
    return 0;
}

Test(driver, measured_error_below_certified_bound)
{
    unroll_driver_problem_t p;
    unroll_driver_coeffs_t c;
    unroll_scheme_t s;
    unroll_spectrum_t spec;
    fmpq_t l, L;
    char msg[UNROLL_MSG_LEN];
    double e[2];
    void * arg[3];

    make_problem(p, UNROLL_DRIVER_RIDGE, UNROLL_DRIVER_HESSIAN, 1e-2, 60, 8,
                 test_seed());
    fmpq_init(l);
    fmpq_init(L);
    /* [l, L] = the eigenvalues widened by 1e-6 relative: a bracket. */
    fmpq_set_si(l, (slong) floor(p->l * (1 - 1e-6) * 1e6), 1000000);
    fmpq_set_si(L, (slong) ceil(p->L * (1 + 1e-6) * 1e6), 1000000);
    unroll_spectrum_init(spec);
    cr_assert_eq(unroll_spectrum_set(spec, l, L, msg), UNROLL_SUCCESS);
    unroll_scheme_init(s);
    unroll_family_chebyshev(s, spec, 40);
    unroll_driver_coeffs_init(c);
    cr_assert_eq(unroll_driver_coeffs_set(c, s, 40, msg), UNROLL_SUCCESS);
    e[0] = sqrt(sumsq(p->dxstar, p->d));
    e[1] = rounding_floor(p);
    arg[0] = s; arg[1] = spec; arg[2] = e;
    cr_assert_eq(unroll_driver_run(p, c, 40, 1, check_bound_row, arg, msg),
                 UNROLL_SUCCESS, "%s", msg);
    unroll_driver_coeffs_clear(c);
    unroll_scheme_clear(s);
    unroll_spectrum_clear(spec);
    fmpq_clear(l);
    fmpq_clear(L);
    unroll_driver_problem_clear(p);
}

/* The blocked one-pass products, on one thread and on two, agree with
   plain dgemm products (ridge) to rounding: the panels only reorder the
   sums. */
Test(driver, blocked_passes_and_threads_agree)
{
    static const int storages[2] = { UNROLL_DRIVER_HESSIAN,
                                     UNROLL_DRIVER_MATRIX_FREE };
    unroll_driver_problem_t p, q;
    slong i, d = 90, N = 2 * d;
    double * X = calloc(3 * N, sizeof(double)), * G0 = X + N, * G = G0 + N;
    double worst, scale;
    int s, th;

    for (i = 0; i < N; i++)
        X[i] = sin(1.0 + i);
    make_problem(q, UNROLL_DRIVER_RIDGE, UNROLL_DRIVER_HESSIAN, 0.1, 700, d,
                 test_seed());
    unroll_driver_problem_grad(G0, q, X);
    for (s = 0; s < 2; s++)
    {
        make_problem(p, UNROLL_DRIVER_RIDGE, storages[s], 0.1, 700, d,
                     test_seed());
        p->force_pass = 1;
        for (th = 1; th <= 2; th++)
        {
            p->threads = th;
            unroll_driver_problem_grad(G, p, X);
            for (i = 0, worst = 0.0, scale = 0.0; i < N; i++)
            {
                worst = fmax(worst, fabs(G[i] - G0[i]));
                scale = fmax(scale, fabs(G0[i]));
            }
            cr_expect_leq(worst, 1e-12 * scale, "accuracy: storage %d, %d "
                          "threads: %g", s, th, worst);
        }
        unroll_driver_problem_clear(p);
    }
    unroll_driver_problem_clear(q);
    free(X);
}
