#include "common.h"
#include "run_cli.h"

/* The spectrum of the paper's figures. */
#define ELL "1/2"
#define BIG_L "10"

/* The upper end of x is at least a: x may hold a value >= a. */
static int
upper_at_least(const arb_t x, const arf_t a)
{
    arf_t u;
    int r;

    arf_init(u);
    arb_get_ubound_arf(u, x, 128);
    r = arf_cmp(u, a) >= 0;
    arf_clear(u);
    return r;
}

/* The lower end of x is at most a. */
static int
lower_at_most(const arb_t x, const arf_t a)
{
    arf_t u;
    int r;

    arf_init(u);
    arb_get_lbound_arf(u, x, 128);
    r = arf_cmp(u, a) <= 0;
    arf_clear(u);
    return r;
}

static void
solve(unroll_minimax_t res, const unroll_spectrum_t spec, slong t)
{
    fmpq_t rho;
    char msg[UNROLL_MSG_LEN];

    fmpq_init(rho);
    cr_assert_eq(unroll_minimax_solve(res, spec, t, rho,
                                      UNROLL_MINIMAX_REL_BITS, msg),
                 UNROLL_SUCCESS, "t = %ld: %s", (long) t, msg);
    fmpq_clear(rho);
}

/* |E(lambda)| for E = P - lambda P' as a ball, lambda = l + (L - l) u. */
static void
abs_error_at(arb_t v, const fmpq_poly_t E, const unroll_spectrum_t spec,
             double u)
{
    fmpq_t lam, q;

    fmpq_init(lam);
    fmpq_init(q);
    fmpq_sub(lam, &spec->L, &spec->l);
    fmpq_set_si(q, (slong) (u * 1048576.0), 1048576);
    fmpq_mul(lam, lam, q);
    fmpq_add(lam, lam, &spec->l);
    fmpq_poly_evaluate_fmpq(q, E, lam);
    arb_set_fmpq(v, q, 128);
    arb_abs(v, v);
    fmpq_clear(q);
    fmpq_clear(lam);
}

/* The largest |E| on a grid uniform in the angle of x = phi(lambda),
   refined around the best grid point: exact rational values. */
static void
grid_max(arb_t best, const fmpq_poly_t E, const unroll_spectrum_t spec,
         slong n)
{
    arb_t v;
    slong j, jbest = 0;
    double u, step = 3.141592653589793 / n;

    arb_init(v);
    arb_zero(best);
    for (j = 0; j <= n; j++)
    {
        abs_error_at(v, E, spec, (1.0 - cos(j * step)) / 2.0);
        if (arb_gt(v, best) || j == 0)
        {
            arb_set(best, v);
            jbest = j;
        }
    }
    for (j = -100; j <= 100; j++)
    {
        u = (1.0 - cos((jbest + j / 100.0) * step)) / 2.0;
        if (u < 0.0 || u > 1.0)
            continue;
        abs_error_at(v, E, spec, u);
        if (arb_gt(v, best))
            arb_set(best, v);
    }
    arb_clear(v);
}

Test(minimax, certified_interval_is_narrow_and_contains_grid_values)
{
    static const slong ts[] = { 1, 2, 3, 5, 8, 13, 21 };
    unroll_spectrum_t spec;
    unroll_minimax_t res;
    fmpq_poly_t E;
    arb_t g;
    arf_t w;
    slong i, t;

    unroll_spectrum_init(spec);
    test_spectrum(spec, ELL, BIG_L);
    fmpq_poly_init(E);
    arb_init(g);
    arf_init(w);

    for (i = 0; i < (slong) (sizeof(ts) / sizeof(ts[0])); i++)
    {
        t = ts[i];
        unroll_minimax_init(res);
        solve(res, spec, t);
        /* width: hi - lo <= 2^-30 hi */
        arf_sub(w, &res->hi, &res->lo, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(w, w, UNROLL_MINIMAX_REL_BITS);
        cr_expect(arf_sgn(&res->lo) > 0 && arf_cmp(w, &res->hi) <= 0,
                  "accuracy: t = %ld: interval too wide", (long) t);
        /* the grid maximum of the returned E lies below hi and is at
           least the optimum, hence at least lo */
        unroll_scheme_poly_error(E, &res->P);
        grid_max(g, E, spec, 400);
        cr_expect(upper_at_least(g, &res->lo),
                  "containment: t = %ld: lo above the grid maximum",
                  (long) t);
        cr_expect(lower_at_most(g, &res->hi),
                  "containment: t = %ld: grid value above hi", (long) t);
        unroll_minimax_clear(res);
    }

    arf_clear(w);
    arb_clear(g);
    fmpq_poly_clear(E);
    unroll_spectrum_clear(spec);
}

/* t = 1: E = 1 is the only admissible polynomial.  t = 2: E = 1 + e
   lambda^2 equioscillates at l and L, e = -2 / (l^2 + L^2), so the
   optimum is (L^2 - l^2) / (L^2 + l^2) exactly. */
Test(minimax, closed_forms_for_t_up_to_2)
{
    static const char * ends[][2] = { { "1/2", "10" }, { "1", "2" },
                                      { "1/100", "1" } };
    unroll_spectrum_t spec;
    unroll_minimax_t res;
    fmpq_t a, b, x_num;
    arb_t v;
    slong i;

    unroll_spectrum_init(spec);
    fmpq_init(a);
    fmpq_init(b);
    fmpq_init(x_num);
    arb_init(v);

    for (i = 0; i < 3; i++)
    {
        test_spectrum(spec, ends[i][0], ends[i][1]);
        unroll_minimax_init(res);
        solve(res, spec, 1);
        cr_expect(arf_is_one(&res->lo) && arf_is_one(&res->hi),
                  "t = 1 on [%s, %s]", ends[i][0], ends[i][1]);
        unroll_minimax_clear(res);
        unroll_minimax_init(res);
        solve(res, spec, 2);
        fmpq_mul(a, &spec->L, &spec->L);
        fmpq_mul(b, &spec->l, &spec->l);
        fmpq_sub(x_num, a, b);
        fmpq_add(b, a, b);
        fmpq_div(a, x_num, b);
        arb_set_fmpq(v, a, 256);
        cr_expect(upper_at_least(v, &res->lo) && lower_at_most(v, &res->hi),
                  "containment: t = 2 on [%s, %s]", ends[i][0], ends[i][1]);
        unroll_minimax_clear(res);
    }

    arb_clear(v);
    fmpq_clear(x_num);
    fmpq_clear(b);
    fmpq_clear(a);
    unroll_spectrum_clear(spec);
}

/* Proposition 1 <= OPT <= B_t of every method, and the bound module's
   independent certified sup of the minimax scheme overlaps [lo, hi]. */
Test(minimax, between_proposition_1_and_the_families)
{
    static const slong ts[] = { 1, 2, 3, 4, 6, 10, 20, 30 };
    static const char * fam[][4] = {
        { "gd", NULL, NULL, "4/21" }, { "gd", NULL, NULL, "1/10" },
        { "chebyshev", NULL, NULL, NULL }, { "sobolev", "1", "20", NULL },
        { "gegenbauer", "1", NULL, NULL } };
    unroll_spectrum_t spec;
    unroll_scheme_t s;
    unroll_bound_result_t b;
    unroll_minimax_t res;
    char msg[UNROLL_MSG_LEN];
    arb_t p1;
    slong i, j, t;

    unroll_spectrum_init(spec);
    test_spectrum(spec, ELL, BIG_L);
    unroll_scheme_init(s);
    unroll_bound_result_init(b);
    arb_init(p1);

    for (i = 0; i < (slong) (sizeof(ts) / sizeof(ts[0])); i++)
    {
        t = ts[i];
        unroll_minimax_init(res);
        solve(res, spec, t);
        unroll_bound_lower(p1, spec, t, 128);
        cr_expect(lower_at_most(p1, &res->hi),
                  "containment: t = %ld below Proposition 1", (long) t);
        for (j = 0; j < 5; j++)
        {
            test_scheme(s, fam[j][0], ELL, BIG_L, fam[j][1], fam[j][2],
                        fam[j][3], NULL, t);
            cr_assert_eq(unroll_bound_sup(b, s, spec, t, 30, msg),
                         UNROLL_SUCCESS, "%s", msg);
            cr_expect(arf_cmp(&res->lo, &b->B.hi) <= 0,
                      "containment: t = %ld above %s", (long) t, fam[j][0]);
        }
        test_scheme(s, "minimax", ELL, BIG_L, NULL, NULL, NULL, NULL, t);
        cr_assert_eq(unroll_bound_sup(b, s, spec, t, 30, msg),
                     UNROLL_SUCCESS, "%s", msg);
        cr_expect(arf_cmp(&b->B.lo, &res->hi) <= 0
                  && arf_cmp(&res->lo, &b->B.hi) <= 0,
                  "containment: t = %ld: two sup engines disagree",
                  (long) t);
        unroll_minimax_clear(res);
    }

    arb_clear(p1);
    unroll_bound_result_clear(b);
    unroll_scheme_clear(s);
    unroll_spectrum_clear(spec);
}

/* Every admissible polynomial has max |E| >= lo: random perturbations
   of the optimum in the directions lambda^2..lambda^t. */
Test(minimax, perturbations_stay_above_the_lower_end)
{
    unroll_spectrum_t spec;
    unroll_minimax_t res;
    fmpq_poly_t Q;
    fmpq_t c, scale;
    arb_t B, D;
    flint_rand_t state;
    char msg[UNROLL_MSG_LEN];
    slong it, k, t = 9;

    unroll_spectrum_init(spec);
    test_spectrum(spec, ELL, BIG_L);
    fmpq_poly_init(Q);
    fmpq_init(c);
    fmpq_init(scale);
    arb_init(B);
    arb_init(D);
    unroll_arith_randinit(state);
    flint_randseed(state, test_seed(), test_seed() + 1);
    unroll_minimax_init(res);
    solve(res, spec, t);

    for (it = 0; it < test_iters(8); it++)
    {
        /* P + sum r_k (lambda / L)^k / (1 - k) changes E by
           sum r_k (lambda / L)^k, with |r_k| <= 2^-12 */
        fmpq_poly_set(Q, &res->P);
        for (k = 2; k <= t; k++)
        {
            fmpq_set_si(c, (slong) n_randint(state, 2001) - 1000,
                        1000 * 4096 * (1 - k));
            fmpq_pow_si(scale, &spec->L, k);
            fmpq_div(c, c, scale);
            fmpq_poly_get_coeff_fmpq(scale, Q, k);
            fmpq_add(c, c, scale);
            fmpq_poly_set_coeff_fmpq(Q, k, c);
        }
        cr_assert_eq(unroll_minimax_sup(B, D, Q, spec, 30, msg),
                     UNROLL_SUCCESS, "%s", msg);
        cr_expect(upper_at_least(B, &res->lo),
                  "containment: seed %lu, iteration %ld: an admissible E "
                  "below the lower end", test_seed(), (long) it);
    }

    unroll_minimax_clear(res);
    unroll_arith_randclear(state);
    arb_clear(D);
    arb_clear(B);
    fmpq_clear(scale);
    fmpq_clear(c);
    fmpq_poly_clear(Q);
    unroll_spectrum_clear(spec);
}

/* The tie-break: P' + delta has max |P' + delta| = D + |delta| when
   the range of P' is centred, so moving the free linear coefficient of P
   either way by delta = 2^-20 D must raise D by about delta. */
Test(minimax, tie_break_minimises_D)
{
    unroll_spectrum_t spec;
    unroll_minimax_t res;
    fmpq_poly_t Q;
    fmpq_t c, d;
    arb_t B, D, want;
    char msg[UNROLL_MSG_LEN];
    int sgn;

    unroll_spectrum_init(spec);
    test_spectrum(spec, ELL, BIG_L);
    fmpq_poly_init(Q);
    fmpq_init(c);
    fmpq_init(d);
    arb_init(B);
    arb_init(D);
    arb_init(want);
    unroll_minimax_init(res);
    solve(res, spec, 12);

    for (sgn = -1; sgn <= 1; sgn += 2)
    {
        /* d = sgn 2^-20 D, rounded to a nearby rational */
        fmpq_set_si(d, (slong) (arf_get_d(arb_midref(&res->D),
                                          ARF_RND_NEAR) * 1e15), 1);
        fmpq_div_2exp(d, d, 20);
        fmpq_set_si(c, 1000000000, 1);
        fmpq_mul_si(c, c, 1000000);
        fmpq_div(d, d, c);
        if (sgn < 0)
            fmpq_neg(d, d);
        fmpq_poly_set(Q, &res->P);
        fmpq_poly_get_coeff_fmpq(c, Q, 1);
        fmpq_add(c, c, d);
        fmpq_poly_set_coeff_fmpq(Q, 1, c);
        cr_assert_eq(unroll_minimax_sup(B, D, Q, spec, 30, msg),
                     UNROLL_SUCCESS, "%s", msg);
        /* want = D(P) + |d| / 2 */
        fmpq_abs(d, d);
        arb_set_fmpq(want, d, 128);
        arb_mul_2exp_si(want, want, -1);
        arb_add(want, want, &res->D, 128);
        cr_expect(!arb_lt(D, want), "accuracy: D fell when the free "
                  "coefficient moved by %+d 2^-20 D", sgn);
    }

    unroll_minimax_clear(res);
    arb_clear(want);
    arb_clear(D);
    arb_clear(B);
    fmpq_clear(d);
    fmpq_clear(c);
    fmpq_poly_clear(Q);
    unroll_spectrum_clear(spec);
}

/* The scheme of horizon T reproduces the optimal polynomial exactly,
   and its double-precision run (the driver's vector rule on the jets
   (P, P') at one eigenvalue) follows the exact E within rounding: the
   weights of the expansion stay small, so nothing cancels. */
Test(minimax, scheme_matches_polynomial_in_exact_and_double)
{
    static const slong Ts[] = { 1, 2, 7, 30, 60 };
    unroll_spectrum_t spec;
    unroll_scheme_t s;
    unroll_driver_coeffs_t dc;
    unroll_driver_state_t st;
    fmpq_poly_t P, Q, E;
    fmpq_t zero, lam, v;
    double x0[2] = { 1.0, 0.0 }, grad[2], ld, err;
    char msg[UNROLL_MSG_LEN];
    slong i, j, t, T;

    unroll_spectrum_init(spec);
    test_spectrum(spec, ELL, BIG_L);
    unroll_scheme_init(s);
    fmpq_poly_init(P);
    fmpq_poly_init(Q);
    fmpq_poly_init(E);
    fmpq_init(zero);
    fmpq_init(lam);
    fmpq_init(v);

    for (i = 0; i < (slong) (sizeof(Ts) / sizeof(Ts[0])); i++)
    {
        T = Ts[i];
        test_scheme(s, "minimax", ELL, BIG_L, NULL, NULL, NULL, NULL, T);
        unroll_scheme_poly_residual(P, s, T, UNROLL_STAGE_X);
        cr_assert_eq(unroll_minimax_poly(Q, spec, T, zero, msg),
                     UNROLL_SUCCESS, "%s", msg);
        cr_expect(fmpq_poly_equal(P, Q), "T = %ld: scheme differs", (long) T);
        fmpq_poly_evaluate_fmpq(v, P, zero);
        cr_expect(fmpq_is_one(v), "T = %ld: P(0) != 1", (long) T);
        unroll_scheme_poly_error(E, P);

        unroll_driver_coeffs_init(dc);
        cr_assert_eq(unroll_driver_coeffs_set(dc, s, T, msg),
                     UNROLL_SUCCESS, "%s", msg);
        for (j = 0; j <= 40; j++)
        {
            fmpq_set_si(lam, 20 + 380 * j / 40, 40);    /* [1/2, 10] */
            ld = fmpq_get_d(lam);
            unroll_driver_state_init(st, s->kind, 2, x0);
            for (t = 1; t <= T; t++)
            {
                grad[0] = ld * st->y1[0];
                grad[1] = st->y1[0] + ld * st->y1[1];
                unroll_driver_state_step(st, dc, t, grad);
            }
            fmpq_poly_evaluate_fmpq(v, E, lam);
            err = fabs(st->x[0] - ld * st->x[1] - fmpq_get_d(v));
            cr_expect(err < 1e-13, "accuracy: T = %ld, lambda = %g: double "
                      "run off by %g", (long) T, ld, err);
            unroll_driver_state_clear(st);
        }
        unroll_driver_coeffs_clear(dc);
    }

    fmpq_clear(v);
    fmpq_clear(lam);
    fmpq_clear(zero);
    fmpq_poly_clear(E);
    fmpq_poly_clear(Q);
    fmpq_poly_clear(P);
    unroll_scheme_clear(s);
    unroll_spectrum_clear(spec);
}

typedef struct
{
    slong T;
    double jerr;
    double jpred;
}
last_row_t;

static int
keep_last(const unroll_driver_row_t * row, void * arg)
{
    last_row_t * r = arg;

    if (row->t == r->T)
    {
        r->jerr = row->jerr;
        r->jpred = row->jpred;
    }
    return 0;
}

/* rational of a double, exactly */
static void
fmpq_of_double(fmpq_t res, double x)
{
    arf_t a;
    fmpz_t m, e;

    arf_init(a);
    fmpz_init(m);
    fmpz_init(e);
    arf_set_d(a, x);
    arf_get_fmpz_2exp(m, e, a);
    fmpz_set(fmpq_numref(res), m);
    fmpz_one(fmpq_denref(res));
    if (fmpz_sgn(e) >= 0)
        fmpq_mul_2exp(res, res, fmpz_get_ui(e));
    else
        fmpq_div_2exp(res, res, -fmpz_get_si(e));
    fmpz_clear(e);
    fmpz_clear(m);
    arf_clear(a);
}

/* On ridge (x_0 = 0, so g = 0 and the Jacobian error is E_T(H) dx*),
   the driver's measured error at the horizon follows its eigenbasis
   prediction and stays below the certified B_T ||dx*||. */
Test(minimax, driver_on_ridge_follows_the_certified_value)
{
    unroll_driver_data_t data;
    unroll_driver_problem_t p;
    unroll_driver_coeffs_t dc;
    unroll_spectrum_t spec;
    unroll_scheme_t s;
    unroll_minimax_t res;
    fmpq_t l, L;
    last_row_t last;
    char msg[UNROLL_MSG_LEN];
    double nrm = 0.0, B;
    slong i;

    unroll_driver_data_init(data);
    unroll_driver_problem_init(p);
    unroll_spectrum_init(spec);
    unroll_scheme_init(s);
    fmpq_init(l);
    fmpq_init(L);

    unroll_driver_data_synthetic(data, 60, 8, 7);
    cr_assert_eq(unroll_driver_problem_set(p, data, UNROLL_DRIVER_RIDGE,
                                           1.0, UNROLL_DRIVER_HESSIAN, msg),
                 UNROLL_SUCCESS, "%s", msg);
    fmpq_of_double(l, p->l_lower);
    fmpq_of_double(L, p->L_upper);
    cr_assert_eq(unroll_spectrum_set(spec, l, L, msg), UNROLL_SUCCESS);
    for (i = 0; i < p->d; i++)
        nrm += p->dxstar[i] * p->dxstar[i];
    nrm = sqrt(nrm);

    last.T = 12;
    unroll_minimax_init(res);
    solve(res, spec, last.T);
    B = arf_get_d(&res->hi, ARF_RND_UP);
    fmpq_zero(l);
    cr_assert_eq(unroll_family_minimax(s, spec, l, last.T, msg),
                 UNROLL_SUCCESS, "%s", msg);
    unroll_driver_coeffs_init(dc);
    cr_assert_eq(unroll_driver_coeffs_set(dc, s, last.T, msg),
                 UNROLL_SUCCESS, "%s", msg);
    cr_assert_eq(unroll_driver_run(p, dc, last.T, 1, keep_last, &last, msg),
                 UNROLL_SUCCESS, "%s", msg);
    cr_expect(last.jerr <= B * nrm * (1 + 1e-9) + 1e-13 * nrm,
              "accuracy: measured %g above certified %g", last.jerr,
              B * nrm);
    cr_expect(fabs(last.jerr - last.jpred) <= 1e-6 * last.jerr
              + 1e-13 * nrm, "accuracy: measured %g, predicted %g",
              last.jerr, last.jpred);

    unroll_driver_coeffs_clear(dc);
    unroll_minimax_clear(res);
    fmpq_clear(L);
    fmpq_clear(l);
    unroll_scheme_clear(s);
    unroll_spectrum_clear(spec);
    unroll_driver_problem_clear(p);
    unroll_driver_data_clear(data);
}

/* Inputs outside the domain are refused with a status, not an abort. */
Test(minimax, domain_errors)
{
    unroll_spectrum_t spec;
    fmpq_poly_t P;
    fmpq_t rho;
    arf_t lo, hi;
    char msg[UNROLL_MSG_LEN];

    unroll_spectrum_init(spec);
    fmpq_poly_init(P);
    fmpq_init(rho);
    arf_init(lo);
    arf_init(hi);

    cr_expect_eq(unroll_minimax_value(lo, hi, spec, 0, rho, 30, msg),
                 UNROLL_DOMAIN);
    cr_expect_eq(unroll_minimax_value(lo, hi, spec, UNROLL_MINIMAX_T_MAX
                                      + 1, rho, 30, msg), UNROLL_DOMAIN);
    cr_expect_eq(unroll_minimax_value(lo, hi, spec, 3, rho, 0, msg),
                 UNROLL_DOMAIN);
    fmpq_set_si(rho, -1, 2);
    cr_expect_eq(unroll_minimax_poly(P, spec, 3, rho, msg), UNROLL_DOMAIN);

    arf_clear(hi);
    arf_clear(lo);
    fmpq_clear(rho);
    fmpq_poly_clear(P);
    unroll_spectrum_clear(spec);
}

/* The two limits of the combined bound: OPT(rho) lies between OPT(0)
   and OPT(0) + rho D of the rho = 0 polynomial (which stays feasible),
   never decreases with rho and never exceeds 1 = J(P = 1); for large
   rho the returned P has D <= J / rho and the optimum is P = 1. */
Test(minimax, rho_limits)
{
    static const slong ts[] = { 4, 11 };
    unroll_spectrum_t spec;
    unroll_minimax_t r0, r;
    fmpq_t rho;
    arf_t prev, w;
    arb_t v;
    char msg[UNROLL_MSG_LEN];
    slong i, e;

    unroll_spectrum_init(spec);
    test_spectrum(spec, ELL, BIG_L);
    fmpq_init(rho);
    arf_init(prev);
    arf_init(w);
    arb_init(v);

    for (i = 0; i < 2; i++)
    {
        unroll_minimax_init(r0);
        solve(r0, spec, ts[i]);
        arf_set(prev, &r0->lo);
        for (e = -6; e <= 4; e += 2)
        {
            fmpq_one(rho);
            fmpz_ui_pow_ui(e < 0 ? fmpq_denref(rho) : fmpq_numref(rho), 10,
                           (ulong) (e < 0 ? -e : e));
            unroll_minimax_init(r);
            cr_assert_eq(unroll_minimax_solve(r, spec, ts[i], rho,
                                              UNROLL_MINIMAX_REL_BITS, msg),
                         UNROLL_SUCCESS, "t = %ld, rho = 10^%ld: %s",
                         (long) ts[i], (long) e, msg);
            arf_sub(w, &r->hi, &r->lo, ARF_PREC_EXACT, ARF_RND_DOWN);
            arf_mul_2exp_si(w, w, UNROLL_MINIMAX_REL_BITS);
            cr_expect(arf_cmp(w, &r->hi) <= 0, "accuracy: rho = 10^%ld: "
                      "interval too wide", (long) e);
            cr_expect(arf_cmp(&r->hi, prev) >= 0, "containment: t = %ld, "
                      "rho = 10^%ld: below a smaller rho", (long) ts[i],
                      (long) e);
            arf_set(prev, &r->lo);
            arb_set_fmpq(v, rho, 128);
            arb_mul(v, v, &r0->D, 128);
            arb_add_arf(v, v, &r0->hi, 128);
            cr_expect(upper_at_least(v, &r->lo), "containment: t = %ld, "
                      "rho = 10^%ld: above OPT(0) + rho D(0)",
                      (long) ts[i], (long) e);
            cr_expect(arf_cmp_si(&r->lo, 1) <= 0, "containment: t = %ld, "
                      "rho = 10^%ld: above 1", (long) ts[i], (long) e);
            arb_set_fmpq(v, rho, 128);
            arb_mul(v, v, &r->D, 128);
            cr_expect(lower_at_most(v, &r->hi), "containment: rho D > J");
            if (e == 4 && ts[i] == 4)
            {
                arb_one(v);
                cr_expect(upper_at_least(v, &r->lo) && lower_at_most(v,
                          &r->hi), "large rho: the optimum is not P = 1");
            }
            unroll_minimax_clear(r);
        }
        unroll_minimax_clear(r0);
    }

    arb_clear(v);
    arf_clear(w);
    arf_clear(prev);
    fmpq_clear(rho);
    unroll_spectrum_clear(spec);
}

/* unroll bound --lower-bound: the extra column lies between Proposition
   1 and the method's certified B_t on every row; bad input exits 2. */
Test(minimax, cli_lower_bound_column)
{
    const char * argv[] = { "unroll", "bound", "-m", "gd", "--step",
                            "1/10", "--ell", "1/2", "--L", "10", "-T", "8",
                            "--lower-bound", NULL };
    const char * bad[] = { "unroll", "coeffs", "-m", "minimax", "--ell",
                           "1/2", "--L", "10", "-T", "3", "--rho", "-1",
                           NULL };
    cli_result_t r;
    char * line, * save = NULL, * f, * fsave;
    double v[12];
    int k, rows = 0;

    run_cli(&r, argv);
    cr_assert_eq(r.code, 0, "%s", r.err);
    line = strtok_r(r.out, "\n", &save);
    cr_assert(line != NULL && strstr(line, ",true_lower_bound") != NULL);
    while ((line = strtok_r(NULL, "\n", &save)) != NULL)
    {
        for (k = 0, f = strtok_r(line, ",", &fsave); f != NULL && k < 12;
             f = strtok_r(NULL, ",", &fsave))
            v[k++] = atof(f);
        cr_assert_eq(k, 11, "row %d has %d columns", rows, k);
        /* B_hi is column 2, Proposition 1 column 8, the new one 10 */
        cr_expect(v[10] <= v[2] && v[10] >= v[8], "row %d: %g not in "
                  "[%g, %g]", rows, v[10], v[8], v[2]);
        rows++;
    }
    cr_expect_eq(rows, 8);
    cli_result_clear(&r);

    run_cli(&r, bad);
    cr_expect_eq(r.code, 2);
    cr_expect_eq(count_lines(r.err), 1);
    cli_result_clear(&r);
}
