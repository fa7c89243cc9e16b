#include "common.h"

/* The minimiser of <P, P>_eta over P(0) = 1, deg P <= t, by a direct
   exact solve of the normal equations in the monomial basis:
   P = 1 + sum_k c_k lambda^k with G[1.., 1..] c = -G[1.., 0]. */
static void
direct_optimum(fmpq_poly_t P, const unroll_spectrum_t spec,
               const fmpq_t alpha, const fmpq_t eta, slong t)
{
    fmpq_mat_t G, rhs, c;
    fmpq_poly_t a, b;
    fmpq_t v;
    slong j, k;

    fmpq_mat_init(G, t, t);
    fmpq_mat_init(rhs, t, 1);
    fmpq_mat_init(c, t, 1);
    fmpq_poly_init(a);
    fmpq_poly_init(b);
    fmpq_init(v);

    for (j = 1; j <= t; j++)
    {
        fmpq_poly_zero(a);
        fmpq_poly_set_coeff_si(a, j, 1);
        for (k = 0; k <= t; k++)
        {
            fmpq_poly_zero(b);
            fmpq_poly_set_coeff_si(b, k, 1);
            cr_assert_eq(unroll_spectrum_inner(v, spec, alpha, eta, a, b),
                         UNROLL_SUCCESS);
            if (k == 0)
                fmpq_neg(fmpq_mat_entry(rhs, j - 1, 0), v);
            else
                fmpq_set(fmpq_mat_entry(G, j - 1, k - 1), v);
        }
    }
    cr_assert(fmpq_mat_solve_fraction_free(c, G, rhs));

    fmpq_poly_one(P);
    for (k = 1; k <= t; k++)
        fmpq_poly_set_coeff_fmpq(P, k, fmpq_mat_entry(c, k - 1, 0));

    fmpq_clear(v);
    fmpq_poly_clear(b);
    fmpq_poly_clear(a);
    fmpq_mat_clear(c);
    fmpq_mat_clear(rhs);
    fmpq_mat_clear(G);
}

static void
check_optimal(const char * alpha_s, const char * eta_s, slong T)
{
    unroll_scheme_t s;
    unroll_spectrum_t spec;
    fmpq_poly_t P, R;
    fmpq_t alpha, eta, n2, inv;
    slong t;

    unroll_scheme_init(s);
    unroll_spectrum_init(spec);
    fmpq_poly_init(P);
    fmpq_poly_init(R);
    fmpq_init(alpha);
    fmpq_init(eta);
    fmpq_init(n2);
    fmpq_init(inv);

    test_spectrum(spec, "1/2", "10");
    test_fmpq(alpha, alpha_s);
    test_fmpq(eta, eta_s);
    test_scheme(s, "sobolev", "1/2", "10", alpha_s, eta_s, NULL, NULL, T);

    for (t = 0; t <= T; t++)
    {
        unroll_scheme_poly_residual(P, s, t, UNROLL_STAGE_X);
        direct_optimum(R, spec, alpha, eta, t);
        cr_assert(fmpq_poly_equal(P, R), "alpha=%s eta=%s t=%ld: P* is not "
                  "the direct minimiser", alpha_s, eta_s, (long) t);

        cr_assert_eq(unroll_spectrum_inner(n2, spec, alpha, eta, P, P),
                     UNROLL_SUCCESS);
        fmpq_inv(inv, unroll_scheme_q(s, UNROLL_COEF_A, t));
        cr_assert(fmpq_equal(n2, inv), "alpha=%s eta=%s t=%ld: ||P*||^2 != "
                  "1/A_t", alpha_s, eta_s, (long) t);
    }

    fmpq_clear(inv);
    fmpq_clear(n2);
    fmpq_clear(eta);
    fmpq_clear(alpha);
    fmpq_poly_clear(R);
    fmpq_poly_clear(P);
    unroll_spectrum_clear(spec);
    unroll_scheme_clear(s);
}

Test(optimal, minimises_sobolev_norm)
{
    check_optimal("1", "20", 9);
    check_optimal("1", "1", 9);
    check_optimal("1/3", "5/2", 8);
    check_optimal("-1/4", "1/7", 8);
}

/* |coefficient_t - limit| for the momentum coefficients at step t. */
static void
distance_to_limit(arb_t dh, arb_t dm, const unroll_scheme_t s, slong t,
                  const arb_t h, const arb_t m)
{
    unroll_scheme_get_arb(dh, s, UNROLL_COEF_H, t, 256);
    arb_sub(dh, dh, h, 256);
    arb_abs(dh, dh);
    unroll_scheme_get_arb(dm, s, UNROLL_COEF_M, t, 256);
    arb_sub(dm, dm, m, 256);
    arb_abs(dm, dm);
}

static void
check_limit(const char * name, const char * alpha, slong t1, slong t2,
            double tol)
{
    unroll_scheme_t s;
    unroll_spectrum_t spec;
    arb_t h, m, dh1, dm1, dh2, dm2;

    unroll_scheme_init(s);
    unroll_spectrum_init(spec);
    arb_init(h);
    arb_init(m);
    arb_init(dh1);
    arb_init(dm1);
    arb_init(dh2);
    arb_init(dm2);

    test_spectrum(spec, "1/2", "10");
    unroll_spectrum_heavy_ball_arb(h, m, spec, 256);
    test_scheme(s, name, "1/2", "10", alpha, NULL, NULL, NULL, t2);
    distance_to_limit(dh1, dm1, s, t1, h, m);
    distance_to_limit(dh2, dm2, s, t2, h, m);

    /* Decreasing towards the limit, and close at t2. */
    cr_assert(arb_lt(dh2, dh1) && arb_lt(dm2, dm1), "%s alpha=%s: not "
              "approaching the heavy-ball limits", name, alpha);
    cr_assert(arf_cmpabs_d(arb_midref(dh2), tol) < 0
              && arf_cmpabs_d(arb_midref(dm2), tol) < 0,
              "%s alpha=%s: t=%ld still %g away", name, alpha, (long) t2,
              arf_get_d(arb_midref(dh2), ARF_RND_NEAR));

    arb_clear(dm2);
    arb_clear(dh2);
    arb_clear(dm1);
    arb_clear(dh1);
    arb_clear(m);
    arb_clear(h);
    unroll_spectrum_clear(spec);
    unroll_scheme_clear(s);
}

Test(optimal, heavy_ball_limits)
{
    /* Geometric for Chebyshev and alpha = 1, O(t^-2) otherwise. */
    check_limit("chebyshev", NULL, 20, 80, 1e-20);
    check_limit("gegenbauer", "1", 20, 80, 1e-20);
    check_limit("gegenbauer", "1/2", 50, 400, 1e-5);
    check_limit("gegenbauer", "3", 50, 400, 1e-4);
}

/* max |P| over a grid of [l, L], from the ball residual polynomial at a
   generous precision (a rate check, not a certified value). */
static double
grid_max(const unroll_scheme_t s, slong t)
{
    arb_poly_t P;
    arb_t lam, v;
    double best = 0, d;
    slong i, n = 2000, prec = 64 + 8 * t;

    arb_poly_init(P);
    arb_init(lam);
    arb_init(v);

    unroll_scheme_arb_poly_residual(P, s, t, UNROLL_STAGE_X, prec);
    for (i = 0; i <= n; i++)
    {
        /* lambda = 1/2 + 19 i / (2 n) = (n + 19 i) / (2 n) */
        arb_set_si(lam, n + 19 * i);
        arb_div_si(lam, lam, 2 * n, prec);
        arb_poly_evaluate(v, P, lam, prec);
        d = fabs(arf_get_d(arb_midref(v), ARF_RND_NEAR));
        best = FLINT_MAX(best, d);
    }

    arb_clear(v);
    arb_clear(lam);
    arb_poly_clear(P);
    return best;
}

Test(optimal, asymptotic_rate)
{
    unroll_scheme_t s;
    unroll_spectrum_t spec;
    arb_t xi;
    double r, x;
    int k;

    unroll_scheme_init(s);
    unroll_spectrum_init(spec);
    arb_init(xi);

    test_spectrum(spec, "1/2", "10");
    unroll_spectrum_xi_arb(xi, spec, 64);
    x = arf_get_d(arb_midref(xi), ARF_RND_NEAR);

    /* (max_80 / max_40)^(1/40) = xi times a polynomial factor at most
       2^(2/40) for the t^2 prefactor these methods can carry. */
    for (k = 0; k < 2; k++)
    {
        /* The monomial form cancels about 2.6 bits per degree, so the
           asymptotic coefficients need many more bits than 80 steps. */
        if (k == 0)
            test_scheme(s, "sobolev", "1/2", "10", "1", "1", NULL, NULL, 80);
        else
            unroll_family_sobolev_asymptotic(s, spec, 80, 64 + 8 * 80);
        r = pow(grid_max(s, 80) / grid_max(s, 40), 1.0 / 40);
        cr_assert(r > 0.97 * x && r < 1.04 * x, "%s: rate %g, xi = %g",
                  k == 0 ? "sobolev" : "asymptotic", r, x);
    }

    arb_clear(xi);
    unroll_spectrum_clear(spec);
    unroll_scheme_clear(s);
}
