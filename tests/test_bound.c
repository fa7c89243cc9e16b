#include "common.h"
#include "run_cli.h"

#include <jansson.h>

/* Certified sup norms: containment of independent exact maxima, the
   paper's closed forms, and the public sanity values. */

#define REL 50

static void
certify(unroll_bound_result_t r, const unroll_scheme_t s,
        const unroll_spectrum_t spec, slong t, int stage)
{
    char msg[UNROLL_MSG_LEN];

    cr_assert_eq(unroll_bound_sup_stage(r, s, spec, t, stage, REL, msg),
                 UNROLL_SUCCESS, "t = %ld: %s", (long) t, msg);
}

/* hi - lo <= 2^-REL lo: the width asked for. */
static void
assert_width(const unroll_bound_max_struct * m, const char * what, slong t)
{
    arf_t w;

    arf_init(w);
    arf_sub(w, &m->hi, &m->lo, 200, ARF_RND_UP);
    arf_mul_2exp_si(w, w, REL);
    cr_assert(arf_cmp(&m->lo, &m->hi) <= 0, "%s t=%ld: lo > hi", what,
              (long) t);
    cr_assert(arf_cmp(w, &m->lo) <= 0, "accuracy: %s t=%ld wider than "
              "2^-%d", what, (long) t, REL);
    arf_clear(w);
}

/* The certified [lo, hi] meets the ball x (which contains the truth). */
static int
meets(const unroll_bound_max_struct * m, const arb_t x)
{
    arb_t b;
    int r;

    arb_init(b);
    arb_set_interval_arf(b, &m->lo, &m->hi, 256);
    r = arb_overlaps(b, x);
    arb_clear(b);
    return r;
}

typedef struct
{
    char name[24];
    char alpha[8];
    char eta[8];
    char h[16];
    int stage;
    char value[24];
}
sanity_t;

ParameterizedTestParameters(bound, math_sanity_b5)
{
    static sanity_t cases[] =
    {
        { "gd", "", "", "1/10", UNROLL_STAGE_X, "0.9774075" },
        { "gd", "", "", "4/21", UNROLL_STAGE_X, "5.77559198463" },
        { "chebyshev", "", "", "", UNROLL_STAGE_X, "10.5093252300" },
        { "gegenbauer", "1", "", "", UNROLL_STAGE_X, "8.72300936644" },
        { "sobolev", "1", "20", "", UNROLL_STAGE_Z, "10.4719309154" },
        { "sobolev", "1", "20", "", UNROLL_STAGE_X, "1.36809554457" },
    };
    return cr_make_param_array(sanity_t, cases, 6);
}

/* The published values carry 12 digits: they must lie within half a
   unit of the last digit of the certified interval. */
ParameterizedTest(sanity_t * c, bound, math_sanity_b5)
{
    unroll_scheme_t s;
    unroll_bound_result_t r;
    unroll_spectrum_t spec;
    fmpq_t v;
    arb_t x, u;

    unroll_scheme_init(s);
    arb_init(u);
    unroll_bound_result_init(r);
    unroll_spectrum_init(spec);
    fmpq_init(v);
    arb_init(x);

    test_scheme(s, c->name, "1/2", "10", c->alpha[0] ? c->alpha : NULL,
                c->eta[0] ? c->eta : NULL, c->h[0] ? c->h : NULL, NULL, 5);
    test_spectrum(spec, "1/2", "10");
    certify(r, s, spec, 5, c->stage);
    /* One unit in the last written decimal. */
    test_fmpq(v, c->value);
    arb_set_fmpq(x, v, 128);
    arb_set_ui(u, 10);
    arb_pow_ui(u, u, strlen(strchr(c->value, '.') + 1), 128);
    arb_inv(u, u, 128);
    arb_add_error(x, u);
    cr_assert(meets(&r->B, x), "%s: B_5 = [%g, %g], expected %s", c->name,
              arf_get_d(&r->B.lo, ARF_RND_DOWN),
              arf_get_d(&r->B.hi, ARF_RND_UP), c->value);
    assert_width(&r->B, c->name, 5);

    arb_clear(u);
    arb_clear(x);
    fmpq_clear(v);
    unroll_spectrum_clear(spec);
    unroll_bound_result_clear(r);
    unroll_scheme_clear(s);
}

/* max |F| over the candidates of MATH section 7: l, L and the real roots
   of P'' in [l, L], found by exact root isolation of the square-free
   part of the integer multiple of P'' and evaluated at 1024 bits. */
static void
eval_max(arb_t res, const arb_poly_t F, const acb_struct * roots, slong nr,
         const arb_t l, const arb_t L)
{
    arb_t v, a;
    slong i;

    arb_init(v);
    arb_init(a);
    arb_poly_evaluate(v, F, l, 1024);
    arb_abs(res, v);
    arb_poly_evaluate(v, F, L, 1024);
    arb_abs(v, v);
    arb_max(res, res, v, 1024);
    for (i = 0; i < nr; i++)
    {
        if (!arb_contains_zero(acb_imagref(roots + i))
            || arb_lt(acb_realref(roots + i), l)
            || arb_gt(acb_realref(roots + i), L))
            continue;
        arb_poly_evaluate(v, F, acb_realref(roots + i), 1024);
        arb_abs(v, v);
        arb_max(res, res, v, 1024);
    }
    arb_clear(a);
    arb_clear(v);
}

static void
exact_maxima(arb_t B, arb_t D, const fmpq_poly_t P, const unroll_spectrum_t
             spec)
{
    fmpq_poly_t E, d1, d2;
    fmpz_poly_t z, g, dz;
    arb_poly_t F;
    arb_t l, L;
    acb_ptr roots;
    slong nr = 0;

    fmpq_poly_init(E); fmpq_poly_init(d1); fmpq_poly_init(d2);
    fmpz_poly_init(z); fmpz_poly_init(g); fmpz_poly_init(dz);
    arb_poly_init(F); arb_init(l); arb_init(L);

    unroll_scheme_poly_error(E, P);
    fmpq_poly_derivative(d1, P);
    fmpq_poly_derivative(d2, d1);
    roots = _acb_vec_init(FLINT_MAX(1, fmpq_poly_degree(d2)));
    if (fmpq_poly_degree(d2) > 0)
    {
        fmpq_poly_get_numerator(z, d2);
        fmpz_poly_derivative(dz, z);
        fmpz_poly_gcd(g, z, dz);
        fmpz_poly_div(z, z, g);
        nr = fmpz_poly_degree(z);
        arb_fmpz_poly_complex_roots(roots, z, 0, 1024);
    }
    arb_set_fmpq(l, &spec->l, 1024);
    arb_set_fmpq(L, &spec->L, 1024);
    arb_poly_set_fmpq_poly(F, E, 1024);
    eval_max(B, F, roots, nr, l, L);
    arb_poly_set_fmpq_poly(F, d1, 1024);
    eval_max(D, F, roots, nr, l, L);

    _acb_vec_clear(roots, FLINT_MAX(1, fmpq_poly_degree(d2)));
    arb_clear(L); arb_clear(l); arb_poly_clear(F);
    fmpz_poly_clear(dz); fmpz_poly_clear(g); fmpz_poly_clear(z);
    fmpq_poly_clear(d2); fmpq_poly_clear(d1); fmpq_poly_clear(E);
}

/* A random small method: family, spectrum, parameters and degree drawn
   from the seeded state, written as strings for the failure message. */
static void
random_case(char fam[24], char l[16], char L[16], char a[16], char e[16],
            char h[16], char m[16], slong * t, flint_rand_t st)
{
    static const char * fams[] = { "gd", "heavy-ball", "chebyshev",
                                   "gegenbauer", "sobolev" };
    ulong lo = 1 + n_randint(st, 20), hi = lo + 1 + n_randint(st, 60);

    strcpy(fam, fams[n_randint(st, 5)]);
    snprintf(l, 16, "%lu/%lu", lo, 1 + n_randint(st, 4));
    snprintf(L, 16, "%lu", hi);
    snprintf(a, 16, "%lu/4", n_randint(st, 9));
    snprintf(e, 16, "%lu/3", n_randint(st, 61));
    snprintf(h, 16, "%lu/%lu", 1 + n_randint(st, 30), 10 * hi);
    snprintf(m, 16, "%lu/10", n_randint(st, 10));
    *t = 1 + n_randint(st, 12);
}

Test(bound, containment_exact_maximum)
{
    flint_rand_t st;
    slong iter, t;

    unroll_arith_randinit(st);
    flint_randseed(st, test_seed(), test_seed() ^ 0x5bd1e995UL);
    for (iter = 0; iter < test_iters(24); iter++)
    {
        char fam[24], l[16], L[16], a[16], e[16], h[16], m[16];
        unroll_scheme_t s;
        unroll_spectrum_t spec;
        unroll_bound_result_t r;
        fmpq_poly_t P;
        arb_t B, D;
        int hm;

        random_case(fam, l, L, a, e, h, m, &t, st);
        hm = strcmp(fam, "gd") == 0 || strcmp(fam, "heavy-ball") == 0;
        unroll_scheme_init(s);
        unroll_spectrum_init(spec);
        unroll_bound_result_init(r);
        fmpq_poly_init(P);
        arb_init(B);
        arb_init(D);

        test_scheme(s, fam, l, L, strcmp(fam, "gegenbauer") == 0
                    || strcmp(fam, "sobolev") == 0 ? a : NULL,
                    strcmp(fam, "sobolev") == 0 ? e : NULL, hm ? h : NULL,
                    strcmp(fam, "heavy-ball") == 0 ? m : NULL, t);
        test_spectrum(spec, l, L);
        certify(r, s, spec, t, UNROLL_STAGE_X);
        unroll_scheme_poly_residual(P, s, t, UNROLL_STAGE_X);
        exact_maxima(B, D, P, spec);
        cr_assert(meets(&r->B, B) && meets(&r->D, D), "containment: seed "
                  "%lu iter %ld: %s l=%s L=%s alpha=%s eta=%s h=%s m=%s "
                  "t=%ld", test_seed(), (long) iter, fam, l, L, a, e, h, m,
                  (long) t);
        assert_width(&r->B, fam, t);
        assert_width(&r->D, fam, t);

        arb_clear(D);
        arb_clear(B);
        fmpq_poly_clear(P);
        unroll_bound_result_clear(r);
        unroll_spectrum_clear(spec);
        unroll_scheme_clear(s);
    }
    unroll_arith_randclear(st);
}

/* Theorem 2 / Corollary 1 (gd, both steps and an arbitrary one) and
   Theorem 3 (chebyshev): the closed forms are exact, so the certified
   interval must meet them. */
Test(bound, closed_forms_gd_chebyshev)
{
    static const char * steps[] = { "1/10", "4/21", "3/20" };
    unroll_spectrum_t spec;
    unroll_bound_result_t r;
    unroll_scheme_t s;
    arb_t B, D;
    fmpq_t h;
    slong t;
    int i;

    unroll_spectrum_init(spec);
    unroll_bound_result_init(r);
    unroll_scheme_init(s);
    arb_init(B);
    arb_init(D);
    fmpq_init(h);
    test_spectrum(spec, "1/2", "10");

    for (i = 0; i < 4; i++)
    {
        if (i < 3)
            test_scheme(s, "gd", NULL, NULL, NULL, NULL, steps[i], NULL, 40);
        else
            test_scheme(s, "chebyshev", "1/2", "10", NULL, NULL, NULL, NULL,
                        40);
        for (t = 1; t <= 40; t += 3)
        {
            certify(r, s, spec, t, UNROLL_STAGE_X);
            if (i < 3)
            {
                test_fmpq(h, steps[i]);
                unroll_bound_gd(B, D, spec, h, t, 256);
            }
            else
                unroll_bound_chebyshev(B, D, spec, t, 256);
            cr_assert(meets(&r->B, B) && meets(&r->D, D), "method %d, t = "
                      "%ld: certified B or D misses the closed form", i,
                      (long) t);
        }
    }

    fmpq_clear(h);
    arb_clear(D);
    arb_clear(B);
    unroll_scheme_clear(s);
    unroll_bound_result_clear(r);
    unroll_spectrum_clear(spec);
}

/* Past the exact limit unroll bound certifies from the ball generators:
   the scheme is made of balls, and the certified interval of Theorem
   3's exact maximum (chebyshev, attained at L) still meets the closed
   form at t in the thousands, on two spectra. */
Test(bound, certify_scheme_balls_past_exact_limit)
{
    static const char * spectra[][2] = { { "1/2", "10" }, { "1", "1000" } };
    const slong T = UNROLL_CERTIFY_EXACT_T_MAX + 500;
    unroll_method_t meth;
    unroll_bound_result_t r;
    unroll_scheme_t s;
    char msg[UNROLL_MSG_LEN];
    arb_t B, D;
    int i;

    unroll_bound_result_init(r);
    arb_init(B);
    arb_init(D);

    for (i = 0; i < 2; i++)
    {
        unroll_method_init(meth);
        unroll_scheme_init(s);
        meth->family = UNROLL_FAMILY_CHEBYSHEV;
        test_spectrum(&meth->spec, spectra[i][0], spectra[i][1]);
        meth->has_spec = 1;
        cr_assert_eq(unroll_method_scheme_certify(s, meth, T, REL + 192,
                                                  msg), UNROLL_SUCCESS,
                     "%s", msg);
        cr_assert(!s->exact, "T = %ld: expected ball coefficients", (long) T);
        certify(r, s, &meth->spec, T, UNROLL_STAGE_X);
        assert_width(&r->B, "B", T);
        unroll_bound_chebyshev(B, D, &meth->spec, T, 256);
        cr_assert(meets(&r->B, B) && meets(&r->D, D), "containment: "
                  "spectrum [%s, %s], t = %ld misses Theorem 3",
                  spectra[i][0], spectra[i][1], (long) T);
        unroll_scheme_clear(s);
        unroll_method_clear(meth);
    }

    arb_clear(D);
    arb_clear(B);
    unroll_bound_result_clear(r);
}

/* Proposition 1: B_t >= 1 / T_t(xbar) for every method. */
Test(bound, proposition1_lower_bound)
{
    static const char * fams[] = { "gd", "heavy-ball", "chebyshev",
                                   "gegenbauer", "sobolev",
                                   "sobolev-asymptotic" };
    unroll_spectrum_t spec;
    unroll_bound_result_t r;
    unroll_scheme_t s;
    arb_t low, b;
    slong t;
    int i;

    unroll_spectrum_init(spec);
    unroll_bound_result_init(r);
    unroll_scheme_init(s);
    arb_init(low);
    arb_init(b);
    test_spectrum(spec, "1/2", "10");

    for (i = 0; i < 6; i++)
    {
        test_scheme(s, fams[i], "1/2", "10", i >= 3 && i <= 4 ? "1" : NULL,
                    i == 4 ? "20" : NULL, i < 2 ? "1/8" : NULL,
                    i == 1 ? "1/2" : NULL, 30);
        for (t = 1; t <= 30; t += 4)
        {
            certify(r, s, spec, t, UNROLL_STAGE_X);
            unroll_bound_lower(low, spec, t, 128);
            arb_set_interval_arf(b, &r->B.lo, &r->B.hi, 128);
            cr_assert(!arb_lt(b, low), "%s t = %ld: B_t below "
                      "Proposition 1", fams[i], (long) t);
        }
    }

    arb_clear(b);
    arb_clear(low);
    unroll_scheme_clear(s);
    unroll_bound_result_clear(r);
    unroll_spectrum_clear(spec);
}

/* Corollary 2: below sqrt(2)/L B_t decreases strictly (certified, each
   interval above the next); above it, B_2 > B_1 = 1. */
Test(bound, corollary2_threshold)
{
    static const char * steps[] = { "1/10", "7/50", "3/20", "1/5" };
    unroll_spectrum_t spec;
    unroll_bound_result_struct * r;
    unroll_scheme_t s;
    char msg[UNROLL_MSG_LEN];
    fmpq_t h;
    slong t, N = 25;
    int i, mono;

    unroll_spectrum_init(spec);
    unroll_scheme_init(s);
    fmpq_init(h);
    test_spectrum(spec, "1/2", "10");

    for (i = 0; i < 4; i++)
    {
        test_fmpq(h, steps[i]);
        mono = unroll_bound_gd_monotone(spec, h);
        cr_assert_eq(mono, i < 2, "step %s: threshold misjudged", steps[i]);
        test_scheme(s, "gd", NULL, NULL, NULL, NULL, steps[i], NULL, N);
        r = _unroll_bound_result_vec_init(N);
        cr_assert_eq(unroll_bound_sup_range(r, NULL, s, spec, N,
                                            UNROLL_STAGE_X, REL, msg),
                     UNROLL_SUCCESS, "%s", msg);
        for (t = 1; mono && t < N; t++)
            cr_assert(arf_cmp(&r[t].B.hi, &r[t - 1].B.lo) < 0, "step %s: "
                      "B_%ld not below B_%ld", steps[i], (long) t + 1,
                      (long) t);
        if (!mono)
            cr_assert(arf_cmp(&r[1].B.lo, &r[0].B.hi) > 0, "step %s: B_2 "
                      "not above B_1", steps[i]);
        _unroll_bound_result_vec_clear(r, N);
    }

    fmpq_clear(h);
    unroll_scheme_clear(s);
    unroll_spectrum_clear(spec);
}

Test(bound, bad_arguments)
{
    unroll_spectrum_t spec;
    unroll_bound_result_t r;
    unroll_scheme_t s;

    unroll_spectrum_init(spec);
    unroll_bound_result_init(r);
    unroll_scheme_init(s);
    test_scheme(s, "chebyshev", "1/2", "10", NULL, NULL, NULL, NULL, 5);
    test_spectrum(spec, "1/2", "10");

    cr_assert_eq(unroll_bound_sup(r, s, spec, 6, REL, NULL), UNROLL_DOMAIN);
    cr_assert_eq(unroll_bound_sup(r, s, spec, -1, REL, NULL), UNROLL_DOMAIN);
    cr_assert_eq(unroll_bound_sup(r, s, spec, 3, 0, NULL), UNROLL_DOMAIN);

    unroll_scheme_clear(s);
    unroll_bound_result_clear(r);
    unroll_spectrum_clear(spec);
}

typedef struct
{
    char args[12][24];
}
cli_case_t;

ParameterizedTestParameters(bound, cli_bad_input_exits_2)
{
    static cli_case_t cases[] =
    {
        { { "-m", "chebyshev", "--ell", "1/2", "--L", "10", "-t", "3",
            "--rel-width", "0" } },
        { { "-m", "chebyshev", "--ell", "1/2", "--L", "10", "-t", "3",
            "--rel-width", "1" } },
        { { "-m", "chebyshev", "--ell", "1/2", "--L", "10", "-t", "3",
            "--rel-width", "-1/2" } },
        { { "-m", "chebyshev", "--ell", "1/2", "--L", "10", "-t", "3",
            "--rel-width", "2^-0" } },
        { { "-m", "chebyshev", "--ell", "1/2", "--L", "10", "-t", "3",
            "--rel-width", "abc" } },
        { { "-m", "chebyshev", "--ell", "1/2", "--L", "10" } },
        { { "-m", "chebyshev", "--ell", "1/2", "--L", "10", "-t", "3",
            "-T", "4" } },
        { { "-m", "gd", "--step", "1", "-t", "3" } },
        { { "-m", "chebyshev", "--ell", "1/2", "--L", "10", "-t", "3",
            "--jacobian-bound", "1" } },
        { { "-m", "chebyshev", "--ell", "10", "--L", "1", "-t", "3" } },
    };
    return cr_make_param_array(cli_case_t, cases, 10);
}

ParameterizedTest(cli_case_t * c, bound, cli_bad_input_exits_2)
{
    const char * argv[16];
    cli_result_t r;
    int i, n = 0;

    argv[n++] = "unroll";
    argv[n++] = "bound";
    for (i = 0; i < 12 && c->args[i][0] != '\0'; i++)
        argv[n++] = c->args[i];
    argv[n] = NULL;
    run_cli(&r, argv);
    cr_assert_eq(r.code, 2, "%s %s: exit %d", c->args[6], c->args[9],
                 r.code);
    cr_assert_eq(r.out[0], '\0', "nothing on stdout");
    cr_assert(strstr(r.err, "unroll: error: bound:") != NULL);
    cli_result_clear(&r);
}

/* The printed B_lo, B_hi of a CSV row, read back exactly, enclose the
   library's certified interval for the same t. */
static void
assert_row_encloses(const char * row, slong t, slong N)
{
    unroll_scheme_t s;
    unroll_spectrum_t spec;
    unroll_bound_result_struct * r;
    char buf[64];
    fmpq_t lo, hi, x;
    size_t n;

    unroll_scheme_init(s);
    unroll_spectrum_init(spec);
    fmpq_init(lo);
    fmpq_init(hi);
    fmpq_init(x);

    /* The CLI certifies -T N with the range version: compare with it. */
    test_scheme(s, "chebyshev", "1/2", "10", NULL, NULL, NULL, NULL, N);
    test_spectrum(spec, "1/2", "10");
    r = _unroll_bound_result_vec_init(N);
    cr_assert_eq(unroll_bound_sup_range(r, NULL, s, spec, N, UNROLL_STAGE_X,
                                        REL, NULL), UNROLL_SUCCESS);
    r += t - 1;
    row = strchr(row, ',') + 1;
    n = strcspn(row, ",");
    cr_assert(n < sizeof(buf));
    memcpy(buf, row, n);
    buf[n] = '\0';
    test_fmpq(lo, buf);
    row += n + 1;
    n = strcspn(row, ",");
    memcpy(buf, row, n);
    buf[n] = '\0';
    test_fmpq(hi, buf);
    arf_get_fmpq(x, &r->B.lo);
    cr_assert(fmpq_cmp(lo, x) <= 0, "printed B_lo above the certified one");
    arf_get_fmpq(x, &r->B.hi);
    cr_assert(fmpq_cmp(hi, x) >= 0, "printed B_hi below the certified one");

    fmpq_clear(x);
    fmpq_clear(hi);
    fmpq_clear(lo);
    _unroll_bound_result_vec_clear(r - (t - 1), N);
    unroll_spectrum_clear(spec);
    unroll_scheme_clear(s);
}

/* The CLI rows: columns, outward rounding that still encloses the
   library's interval, and exit 0 when every check holds. */
Test(bound, cli_rows_enclose)
{
    static const char head[] = "t,B_lo,B_hi,B_at,D_lo,D_hi,D_at,"
        "paper_bound,lower_bound,holds,jacobian_bound\n";
    const char * argv[] = { "unroll", "bound", "-m", "chebyshev", "--ell",
                            "1/2", "--L", "10", "-T", "6",
                            "--jacobian-bound", "1,2", NULL };
    cli_result_t r;

    run_cli(&r, argv);
    cr_assert_eq(r.code, 0, "exit %d: %s", r.code, r.err);
    cr_assert(strncmp(r.out, head, strlen(head)) == 0, "%s", r.out);
    cr_assert_eq(count_lines(r.out), 7);
    assert_row_encloses(strstr(r.out, "\n5,") + 1, 5, 6);
    cli_result_clear(&r);
}

static char *
read_all(const char * path, size_t * n)
{
    FILE * f = fopen(path, "rb");
    char * buf;
    long len;

    cr_assert_not_null(f, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = malloc(len + 1);
    cr_assert_eq(fread(buf, 1, len, f), (size_t) len);
    fclose(f);
    *n = len;
    return buf;
}

/* A single table: the rows hold the coefficients of `unroll coeffs`
   followed by the bound columns, and the sidecar names them. */
Test(bound, table_single_and_sidecar)
{
    char tmp[] = "/tmp/unroll-table-XXXXXX", path[256], meta[256];
    const char * argv[] = { "unroll", "table", "-m", "chebyshev", "--ell",
                            "1/2", "--L", "10", "-T", "5", "-o", path,
                            NULL };
    const char * coeffs[] = { "unroll", "coeffs", "-m", "chebyshev",
                              "--ell", "1/2", "--L", "10", "-T", "5",
                              NULL };
    cli_result_t r, c;
    char * text, * line, * cl, * save1, * save2;
    size_t n;

    cr_assert_not_null(mkdtemp(tmp));
    snprintf(path, sizeof(path), "%s/t.csv", tmp);
    snprintf(meta, sizeof(meta), "%s/t.csv.json", tmp);
    run_cli(&r, argv);
    cr_assert_eq(r.code, 0, "%s", r.err);
    run_cli(&c, coeffs);
    cr_assert_eq(c.code, 0);

    /* Each table line starts with the coeffs line (without newline). */
    text = read_all(path, &n);
    text[n] = '\0';
    line = strtok_r(text, "\n", &save1);
    cl = strtok_r(c.out, "\n", &save2);
    for (; line != NULL && cl != NULL; line = strtok_r(NULL, "\n", &save1),
         cl = strtok_r(NULL, "\n", &save2))
        cr_assert(strncmp(line, cl, strlen(cl)) == 0 && line[strlen(cl)]
                  == ',', "table line '%s' does not extend '%s'", line, cl);
    cr_assert(line == NULL && cl == NULL, "row counts differ");
    free(text);

    text = read_all(meta, &n);
    text[n] = '\0';
    cr_assert(strstr(text, "\"unroll-bound-table\"") != NULL);
    cr_assert(strstr(text, "\"B_hi\"") != NULL);
    free(text);

    remove(path);
    remove(meta);
    rmdir(tmp);
    cli_result_clear(&c);
    cli_result_clear(&r);
}

/* MATH section 5: for alpha = 1/2 the Sobolev polynomials have zeros
   within about 1e-50 of l and L; the certified maxima of S_t and P*_t
   must still contain the exact ones. */
Test(bound, containment_alpha_half_near_end_roots)
{
    unroll_scheme_t s;
    unroll_spectrum_t spec;
    unroll_bound_result_t r;
    fmpq_poly_t P;
    arb_t B, D;
    int stage;

    unroll_scheme_init(s);
    unroll_spectrum_init(spec);
    unroll_bound_result_init(r);
    fmpq_poly_init(P);
    arb_init(B);
    arb_init(D);

    test_scheme(s, "sobolev", "1/2", "10", "1/2", "20", NULL, NULL, 30);
    test_spectrum(spec, "1/2", "10");
    for (stage = UNROLL_STAGE_Z; stage <= UNROLL_STAGE_X; stage++)
    {
        certify(r, s, spec, 30, stage);
        unroll_scheme_poly_residual(P, s, 30, stage);
        exact_maxima(B, D, P, spec);
        cr_assert(meets(&r->B, B) && meets(&r->D, D), "containment: "
                  "stage %d", stage);
        assert_width(&r->B, "sobolev alpha 1/2", 30);
    }

    arb_clear(D);
    arb_clear(B);
    fmpq_poly_clear(P);
    unroll_bound_result_clear(r);
    unroll_spectrum_clear(spec);
    unroll_scheme_clear(s);
}

/* JSON rows parse, and a coefficient table read back as a scheme gives
   the same certified rows as the family itself. */
Test(bound, cli_json_and_table_readback)
{
    char tmp[] = "/tmp/unroll-bound-XXXXXX", path[256];
    const char * coeffs[] = { "unroll", "coeffs", "-m", "chebyshev", "--ell",
                              "1/2", "--L", "10", "-T", "8", "-o", path,
                              NULL };
    const char * direct[] = { "unroll", "bound", "-m", "chebyshev", "--ell",
                              "1/2", "--L", "10", "-T", "8", "--format",
                              "json", NULL };
    const char * table[] = { "unroll", "bound", "-m", "table", "--coeffs",
                             path, "--ell", "1/2", "--L", "10", "-T", "8",
                             "--format", "json", NULL };
    static const char * keys[] = { "B_lo", "B_hi", "D_lo", "D_hi" };
    cli_result_t a, b, c;
    json_t * root, * other, * rows;
    int i, k;

    cr_assert_not_null(mkdtemp(tmp));
    snprintf(path, sizeof(path), "%s/c.csv", tmp);
    run_cli(&c, coeffs);
    cr_assert_eq(c.code, 0, "%s", c.err);
    run_cli(&a, direct);
    run_cli(&b, table);
    cr_assert_eq(a.code, 0, "%s", a.err);
    cr_assert_eq(b.code, 0, "%s", b.err);

    root = json_loads(a.out, 0, NULL);
    other = json_loads(b.out, 0, NULL);
    cr_assert(root != NULL && other != NULL, "not JSON: %s", a.out);
    rows = json_object_get(root, "rows");
    cr_assert_eq(json_array_size(rows), 8);
    /* Same enclosures; only the method (and so paper_bound) differs. */
    for (i = 0; i < 8; i++)
        for (k = 0; k < 4; k++)
            cr_assert(json_number_value(json_object_get(json_array_get(rows,
                      i), keys[k])) == json_number_value(json_object_get(
                      json_array_get(json_object_get(other, "rows"), i),
                      keys[k])), "row %d %s differs", i + 1, keys[k]);
    json_decref(other);
    json_decref(root);

    remove(path);
    rmdir(tmp);
    cli_result_clear(&c);
    cli_result_clear(&b);
    cli_result_clear(&a);
}

/* The burn-in of gd with h = 2/(L+l) against Theorem 2's closed form:
   the peak t and the first t with B_t < 1. */
Test(bound, cli_summary_burn_in)
{
    const char * argv[] = { "unroll", "bound", "-m", "gd", "--step",
                            "2/(L+l)", "--ell", "1/2", "--L", "10", "-T",
                            "80", "--summary", "--tol", "1", NULL };
    unroll_spectrum_t spec;
    arb_t B, D, best;
    fmpq_t h;
    cli_result_t r;
    long peak, below, want_peak = 0, want_below = 0, t;

    unroll_spectrum_init(spec);
    arb_init(B);
    arb_init(D);
    arb_init(best);
    fmpq_init(h);
    test_spectrum(spec, "1/2", "10");
    test_fmpq(h, "4/21");
    for (t = 1; t <= 80; t++)
    {
        unroll_bound_gd(B, D, spec, h, t, 128);
        if (t == 1 || arb_gt(B, best))
        {
            arb_set(best, B);
            want_peak = t;
        }
        if (want_below == 0 && arf_cmp_si(arb_midref(B), 1) < 0)
            want_below = t;
    }

    run_cli(&r, argv);
    cr_assert_eq(r.code, 0, "%s", r.err);
    cr_assert(strncmp(r.out, "peak_t,peak_B_lo,peak_B_hi,peak_certified,"
                      "tol,first_below_t\n", 58) == 0, "%s", r.out);
    cr_assert_eq(sscanf(strchr(r.out, '\n') + 1, "%ld,", &peak), 1);
    cr_assert_eq(peak, want_peak, "%s", r.out);
    below = atol(strrchr(r.out, ',') + 1);
    cr_assert_eq(below, want_below, "%s", r.out);

    cli_result_clear(&r);
    fmpq_clear(h);
    arb_clear(best);
    arb_clear(D);
    arb_clear(B);
    unroll_spectrum_clear(spec);
}

/* Corollary 2 in the holds column: below sqrt(2) / L every row from
   t = 2 on must be certified below its predecessor, and is; just above
   the threshold B_2 > B_1, which the check does not claim to forbid. */
Test(bound, cli_corollary2_rows)
{
    const char * below[] = { "unroll", "bound", "-m", "gd", "--step",
                             "1/10", "--ell", "1/2", "--L", "10", "-T",
                             "40", NULL };
    const char * above[] = { "unroll", "bound", "-m", "gd", "--step",
                             "1/7", "--ell", "1/2", "--L", "10", "-T",
                             "3", NULL };
    cli_result_t r;
    const char * line, * end;
    double prev = 2, b;
    long rows = 0;

    run_cli(&r, below);
    cr_assert_eq(r.code, 0, "%s", r.err);
    for (line = strchr(r.out, '\n'); line != NULL && line[1] != '\0';
         line = end)
    {
        end = strchr(line + 1, '\n');
        cr_assert_not_null(end);
        cr_assert_eq(sscanf(line + 1, "%*d,%lf,", &b), 1, "%s", line);
        cr_assert(b < prev, "%.60s", line + 1);
        cr_assert(end[-2] == ',' && end[-1] == '1', "holds: %.60s",
                  line + 1);
        prev = b;
        rows++;
    }
    cr_assert_eq(rows, 40);
    cli_result_clear(&r);

    run_cli(&r, above);
    cr_assert_eq(r.code, 0, "%s", r.err);
    cli_result_clear(&r);
}
