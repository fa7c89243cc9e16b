#include "common.h"

/* The fast exact path of the structured families against the scheme
   interpreter: both must give the same rational polynomial, for every
   stage, and P(0) = 1. */

typedef struct
{
    const char * name;
    const char * l;
    const char * L;
    const char * alpha;
    const char * eta;
}
exact_case_t;

static exact_case_t cases[] =
{
    { "chebyshev", "1/2", "10", NULL, NULL },
    { "chebyshev", "1e-3", "1", NULL, NULL },
    { "chebyshev", "3/7", "22/7", NULL, NULL },
    { "gegenbauer", "1/2", "10", "1", NULL },
    { "gegenbauer", "1/2", "10", "-1/4", NULL },
    { "gegenbauer", "1e-3", "1", "0", NULL },
    { "gegenbauer", "3/7", "22/7", "7/3", NULL },
    { "sobolev", "1/2", "10", "1", "1" },
    { "sobolev", "1/2", "10", "1", "20" },
    { "sobolev", "1/2", "10", "1/2", "1" },
    { "sobolev", "1/2", "10", "-1/3", "5/2" },
    { "sobolev", "1/2", "10", "0", "0" },
    { "sobolev", "1e-3", "1", "0", "3/7" },
    { "sobolev", "3/7", "22/7", "7/3", "3/7" },
    { "sobolev", "3/7", "22/7", "-2/5", "1e-2" },
};

#define NCASES ((slong) (sizeof(cases) / sizeof(cases[0])))

static void
fill_method(unroll_method_t meth, const exact_case_t * c)
{
    meth->family = unroll_family_from_name(c->name);
    test_spectrum(&meth->spec, c->l, c->L);
    meth->has_spec = 1;
    if (c->alpha != NULL)
    {
        test_fmpq(&meth->alpha, c->alpha);
        meth->has_alpha = 1;
    }
    if (c->eta != NULL)
    {
        test_fmpq(&meth->eta, c->eta);
        meth->has_eta = 1;
    }
}

/* Compares both paths for t = 0..T (every t up to 12, then a stride) and
   every stage; the message names the case. */
static void
check_case(const unroll_method_t meth, const char * what, slong T)
{
    unroll_scheme_t s;
    fmpq_poly_t P, R;
    fmpq_t v;
    char msg[UNROLL_MSG_LEN];
    slong t;
    int stage;

    unroll_scheme_init(s);
    fmpq_poly_init(P);
    fmpq_poly_init(R);
    fmpq_init(v);

    cr_assert_eq(unroll_method_scheme(s, meth, T, 64, msg), UNROLL_SUCCESS,
                 "%s: %s", what, msg);
    for (t = 0; t <= T; t += (t < 12 ? 1 : 7))
        for (stage = 0; stage < 3; stage++)
        {
            cr_assert_eq(unroll_method_poly_residual(P, meth, t, stage, msg),
                         UNROLL_SUCCESS, "%s t=%ld: %s", what, (long) t, msg);
            unroll_scheme_poly_residual(R, s, t, stage);
            cr_assert(fmpq_poly_equal(P, R), "accuracy: %s t=%ld stage %d: "
                      "fast path differs from the interpreter", what,
                      (long) t, stage);
            fmpq_poly_get_coeff_fmpq(v, P, 0);
            cr_assert(fmpq_is_one(v), "%s t=%ld stage %d: P(0) != 1", what,
                      (long) t, stage);
            cr_assert(fmpq_poly_degree(P) == t, "%s t=%ld stage %d: degree "
                      "%ld", what, (long) t, stage,
                      (long) fmpq_poly_degree(P));
        }

    fmpq_clear(v);
    fmpq_poly_clear(R);
    fmpq_poly_clear(P);
    unroll_scheme_clear(s);
}

Test(exact, matches_interpreter)
{
    unroll_method_t meth;
    char what[160];
    slong i;

    for (i = 0; i < NCASES; i++)
    {
        unroll_method_init(meth);
        fill_method(meth, cases + i);
        snprintf(what, sizeof(what), "%s on [%s, %s] alpha=%s eta=%s",
                 cases[i].name, cases[i].l, cases[i].L,
                 cases[i].alpha ? cases[i].alpha : "-",
                 cases[i].eta ? cases[i].eta : "-");
        check_case(meth, what, 60);
        unroll_method_clear(meth);
    }
}

/* Random rational alpha in (-1/2, 3), eta in [0, 4) and spectra: the
   seed and every input are printed on failure. */
Test(exact, random_parameters)
{
    flint_rand_t state;
    unroll_method_t meth;
    fmpq_t l, L;
    char what[400];
    slong iter, n = test_iters(10);
    ulong seed = test_seed();
    char * a, * e, * ls, * Ls;

    unroll_arith_randinit(state);
    flint_randseed(state, seed, seed ^ 0x9e3779b9UL);
    fmpq_init(l);
    fmpq_init(L);

    for (iter = 0; iter < n; iter++)
    {
        unroll_method_init(meth);
        meth->family = UNROLL_FAMILY_SOBOLEV - (iter % 3 == 2);
        fmpq_set_si(&meth->alpha, (slong) n_randint(state, 70) - 9, 20);
        fmpq_set_si(&meth->eta, (slong) n_randint(state, 40),
                    1 + n_randint(state, 9));
        fmpq_set_si(l, 1 + (slong) n_randint(state, 30),
                    1 + n_randint(state, 30));
        fmpq_set_si(L, 1 + (slong) n_randint(state, 10), 1);
        fmpq_add(L, L, l);
        cr_assert_eq(unroll_spectrum_set(&meth->spec, l, L, NULL),
                     UNROLL_SUCCESS);
        meth->has_spec = meth->has_alpha = meth->has_eta = 1;

        a = fmpq_get_str(NULL, 10, &meth->alpha);
        e = fmpq_get_str(NULL, 10, &meth->eta);
        ls = fmpq_get_str(NULL, 10, l);
        Ls = fmpq_get_str(NULL, 10, L);
        snprintf(what, sizeof(what), "seed %lu iter %ld: %s on [%s, %s] "
                 "alpha=%s eta=%s", seed, (long) iter,
                 unroll_family_name(meth->family), ls, Ls, a, e);
        check_case(meth, what, 30);
        flint_free(a);
        flint_free(e);
        flint_free(ls);
        flint_free(Ls);
        unroll_method_clear(meth);
    }

    fmpq_clear(L);
    fmpq_clear(l);
    unroll_arith_randclear(state);
}

/* gd and heavy-ball go through the interpreter; the asymptotic method has
   no exact polynomial; bad parameters are refused. */
Test(exact, other_families_and_bad_input)
{
    unroll_method_t meth;
    fmpq_poly_t P;
    char msg[UNROLL_MSG_LEN];

    fmpq_poly_init(P);

    unroll_method_init(meth);
    meth->family = UNROLL_FAMILY_HEAVY_BALL;
    test_fmpq(&meth->h, "1/7");
    test_fmpq(&meth->m, "2/5");
    meth->has_h = meth->has_m = 1;
    check_case(meth, "heavy-ball h=1/7 m=2/5", 40);
    meth->family = UNROLL_FAMILY_GD;
    check_case(meth, "gd h=1/7", 40);
    unroll_method_clear(meth);

    unroll_method_init(meth);
    meth->family = UNROLL_FAMILY_SOBOLEV_ASYMPTOTIC;
    test_spectrum(&meth->spec, "1/2", "10");
    meth->has_spec = 1;
    cr_assert_eq(unroll_method_poly_residual(P, meth, 5, UNROLL_STAGE_X, msg),
                 UNROLL_DOMAIN, "irrational method accepted");
    meth->family = UNROLL_FAMILY_SOBOLEV;
    cr_assert_eq(unroll_method_poly_residual(P, meth, 5, UNROLL_STAGE_X, msg),
                 UNROLL_DOMAIN, "sobolev without alpha and eta accepted");
    meth->family = UNROLL_FAMILY_CHEBYSHEV;
    cr_assert_eq(unroll_method_poly_residual(P, meth, -1, UNROLL_STAGE_X,
                                             msg),
                 UNROLL_DOMAIN, "t < 0 accepted");
    cr_assert_eq(unroll_method_poly_residual(P, meth,
                                             UNROLL_T_MAX_EXACT + 1,
                                             UNROLL_STAGE_X, msg),
                 UNROLL_DOMAIN, "t above the cap accepted");
    meth->family = UNROLL_FAMILY_GEGENBAUER;
    test_fmpq(&meth->alpha, "-1/2");
    meth->has_alpha = 1;
    cr_assert_eq(unroll_method_poly_residual(P, meth, 5, UNROLL_STAGE_X, msg),
                 UNROLL_DOMAIN, "alpha = -1/2 accepted");
    unroll_method_clear(meth);

    fmpq_poly_clear(P);
}

/* An independent check at larger degrees: the fast Chebyshev polynomial
   equals T_t(phi(lambda)) / T_t(phi(0)) built from FLINT's own T_t. */
Test(exact, chebyshev_matches_flint)
{
    unroll_method_t meth;
    fmpz_poly_t T;
    fmpq_poly_t P, R, phi;
    fmpq_t c, x0, v;
    char msg[UNROLL_MSG_LEN];
    slong t;

    unroll_method_init(meth);
    fmpz_poly_init(T);
    fmpq_poly_init(P);
    fmpq_poly_init(R);
    fmpq_poly_init(phi);
    fmpq_init(c);
    fmpq_init(x0);
    fmpq_init(v);

    meth->family = UNROLL_FAMILY_CHEBYSHEV;
    test_spectrum(&meth->spec, "3/7", "22/7");
    meth->has_spec = 1;
    unroll_spectrum_scale(c, &meth->spec);
    unroll_spectrum_x0(x0, &meth->spec);
    fmpq_poly_set_coeff_fmpq(phi, 1, c);
    fmpq_poly_set_coeff_fmpq(phi, 0, x0);
    for (t = 97; t <= 251; t += 77)
    {
        fmpz_poly_chebyshev_t(T, (ulong) t);
        fmpq_poly_set_fmpz_poly(R, T);
        fmpq_poly_compose(R, R, phi);
        fmpq_poly_get_coeff_fmpq(v, R, 0);
        fmpq_poly_scalar_div_fmpq(R, R, v);
        cr_assert_eq(unroll_method_poly_residual(P, meth, t, UNROLL_STAGE_X,
                                                 msg), UNROLL_SUCCESS);
        cr_assert(fmpq_poly_equal(P, R), "accuracy: chebyshev t=%ld differs "
                  "from FLINT's T_t", (long) t);
    }

    fmpq_clear(v);
    fmpq_clear(x0);
    fmpq_clear(c);
    fmpq_poly_clear(phi);
    fmpq_poly_clear(R);
    fmpq_poly_clear(P);
    fmpz_poly_clear(T);
    unroll_method_clear(meth);
}
