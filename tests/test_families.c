#include <stdio.h>
#include <string.h>

#include "common.h"

/* The spectrum of MATH's sanity table. */
#define L_LO "1/2"
#define L_HI "10"

static void
check_known(const unroll_scheme_t s, int coef, slong t, const char * want)
{
    fmpq_t w;

    fmpq_init(w);
    test_fmpq(w, want);
    cr_assert(fmpq_equal(unroll_scheme_q(s, coef, t), w),
              "%s_%ld differs from %s", unroll_scheme_coef_name(coef),
              (long) t, want);
    fmpq_clear(w);
}

Test(families, published_values)
{
    unroll_scheme_t s;

    unroll_scheme_init(s);

    test_scheme(s, "chebyshev", L_LO, L_HI, NULL, NULL, NULL, NULL, 4);
    check_known(s, UNROLL_COEF_H, 2, "168/521");
    check_known(s, UNROLL_COEF_M, 2, "361/521");
    check_known(s, UNROLL_COEF_H, 3, "4168/14301");
    check_known(s, UNROLL_COEF_M, 3, "361/681");
    check_known(s, UNROLL_COEF_H, 4, "114408/412561");
    check_known(s, UNROLL_COEF_M, 4, "188081/412561");

    test_scheme(s, "gegenbauer", L_LO, L_HI, "1", NULL, NULL, NULL, 4);
    check_known(s, UNROLL_COEF_H, 2, "336/1403");
    check_known(s, UNROLL_COEF_M, 2, "361/1403");
    check_known(s, UNROLL_COEF_H, 3, "2806/10941");
    check_known(s, UNROLL_COEF_M, 3, "361/1042");
    check_known(s, UNROLL_COEF_H, 4, "350112/1331605");
    check_known(s, UNROLL_COEF_M, 4, "506483/1331605");

    test_scheme(s, "sobolev", L_LO, L_HI, "1", "20", NULL, NULL, 3);
    check_known(s, UNROLL_COEF_C1, 3, "130321/1247842");
    check_known(s, UNROLL_COEF_C2, 3, "854961/623921");
    check_known(s, UNROLL_COEF_C3, 3, "592401/1247842");
    check_known(s, UNROLL_COEF_a, 1, "588/547");
    check_known(s, UNROLL_COEF_A, 1, "1135/547");

    unroll_scheme_clear(s);
}

/* Every method of the toolkit, as (family, alpha, eta, h, m). */
typedef struct
{
    const char * name;
    const char * alpha;
    const char * eta;
    const char * h;
    const char * m;
}
method_case_t;

static method_case_t all_methods[] =
{
    { "gd", NULL, NULL, "1/10", NULL },
    { "gd", NULL, NULL, "4/21", NULL },
    { "heavy-ball", NULL, NULL, "1/7", "2/5" },
    { "chebyshev", NULL, NULL, NULL, NULL },
    { "gegenbauer", "1", NULL, NULL, NULL },
    { "gegenbauer", "-1/4", NULL, NULL, NULL },
    { "gegenbauer", "7/3", NULL, NULL, NULL },
    { "sobolev", "1", "20", NULL, NULL },
    { "sobolev", "1/2", "1", NULL, NULL },
    { "sobolev", "-1/3", "5/2", NULL, NULL },
    { "sobolev", "0", "0", NULL, NULL },
};

#define NMETHODS ((int) (sizeof(all_methods) / sizeof(all_methods[0])))

Test(families, residual_is_one_at_zero)
{
    unroll_scheme_t s;
    fmpq_poly_t P;
    fmpq_t v;
    slong t;
    int i, stage;

    unroll_scheme_init(s);
    fmpq_poly_init(P);
    fmpq_init(v);

    for (i = 0; i < NMETHODS; i++)
    {
        method_case_t * c = all_methods + i;

        test_scheme(s, c->name, L_LO, L_HI, c->alpha, c->eta, c->h, c->m,
                    60);
        for (t = 0; t <= 60; t += (t < 12 ? 1 : 7))
            for (stage = 0; stage < 3; stage++)
            {
                unroll_scheme_poly_residual(P, s, t, stage);
                fmpq_poly_get_coeff_fmpq(v, P, 0);
                cr_assert(fmpq_is_one(v), "%s t=%ld stage %d: P(0) != 1",
                          c->name, (long) t, stage);
                cr_assert(fmpq_poly_degree(P) <= t);
            }
    }

    fmpq_clear(v);
    fmpq_poly_clear(P);
    unroll_scheme_clear(s);
}

Test(families, gd_is_a_power)
{
    unroll_scheme_t s;
    fmpq_poly_t P, R;
    fmpq_t h;
    slong t;

    unroll_scheme_init(s);
    fmpq_poly_init(P);
    fmpq_poly_init(R);
    fmpq_init(h);

    test_fmpq(h, "3/17");
    test_scheme(s, "gd", NULL, NULL, NULL, NULL, "3/17", NULL, 40);
    for (t = 0; t <= 40; t++)
    {
        fmpq_poly_one(R);
        fmpq_neg(h, h);
        fmpq_poly_set_coeff_fmpq(R, 1, h);
        fmpq_neg(h, h);
        fmpq_poly_pow(R, R, (ulong) t);
        unroll_scheme_poly_residual(P, s, t, UNROLL_STAGE_X);
        cr_assert(fmpq_poly_equal(P, R), "gd t=%ld", (long) t);
    }

    fmpq_clear(h);
    fmpq_poly_clear(R);
    fmpq_poly_clear(P);
    unroll_scheme_clear(s);
}

/* T_t(phi(lambda)) / T_t(phi(0)) from FLINT's own Chebyshev polynomials,
   composed with the affine map. */
static void
chebyshev_reference(fmpq_poly_t R, const unroll_spectrum_t spec, slong t)
{
    fmpz_poly_t T;
    fmpq_poly_t phi;
    fmpq_t c, x0, v;

    fmpz_poly_init(T);
    fmpq_poly_init(phi);
    fmpq_init(c);
    fmpq_init(x0);
    fmpq_init(v);

    fmpz_poly_chebyshev_t(T, (ulong) t);
    unroll_spectrum_scale(c, spec);
    unroll_spectrum_x0(x0, spec);
    fmpq_poly_set_coeff_fmpq(phi, 1, c);
    fmpq_poly_set_coeff_fmpq(phi, 0, x0);
    fmpq_poly_set_fmpz_poly(R, T);
    fmpq_poly_compose(R, R, phi);
    fmpq_poly_get_coeff_fmpq(v, R, 0);
    fmpq_poly_scalar_div_fmpq(R, R, v);

    fmpq_clear(v);
    fmpq_clear(x0);
    fmpq_clear(c);
    fmpq_poly_clear(phi);
    fmpz_poly_clear(T);
}

Test(families, chebyshev_matches_flint)
{
    unroll_scheme_t s;
    unroll_spectrum_t spec;
    fmpq_poly_t P, R;
    slong t;
    int k;
    const char * spectra[][2] = { { "1/2", "10" }, { "1e-3", "1" },
                                  { "3/7", "22/7" } };

    unroll_scheme_init(s);
    unroll_spectrum_init(spec);
    fmpq_poly_init(P);
    fmpq_poly_init(R);

    for (k = 0; k < 3; k++)
    {
        test_spectrum(spec, spectra[k][0], spectra[k][1]);
        test_scheme(s, "chebyshev", spectra[k][0], spectra[k][1], NULL,
                    NULL, NULL, NULL, 60);
        for (t = 0; t <= 60; t++)
        {
            unroll_scheme_poly_residual(P, s, t, UNROLL_STAGE_X);
            chebyshev_reference(R, spec, t);
            cr_assert(fmpq_poly_equal(P, R), "chebyshev [%s, %s] t=%ld",
                      spectra[k][0], spectra[k][1], (long) t);
        }
    }

    fmpq_poly_clear(R);
    fmpq_poly_clear(P);
    unroll_spectrum_clear(spec);
    unroll_scheme_clear(s);
}

/* Orthogonality checked with moments from the closed form of the
   density, independent of the recurrence coefficients. */
static void
check_orthogonal(const char * name, const char * alpha, const char * eta,
                 int stage, slong T)
{
    unroll_scheme_t s;
    unroll_spectrum_t spec;
    fmpq_poly_t * P;
    fmpq_t a, e, ip;
    slong i, j;

    unroll_scheme_init(s);
    unroll_spectrum_init(spec);
    fmpq_init(a);
    fmpq_init(e);
    fmpq_init(ip);
    P = flint_malloc(sizeof(fmpq_poly_t) * (T + 1));

    test_spectrum(spec, L_LO, L_HI);
    test_fmpq(a, alpha);
    test_fmpq(e, eta);
    test_scheme(s, name, L_LO, L_HI, alpha, name[0] == 's' ? eta : NULL,
                NULL, NULL, T);
    for (i = 0; i <= T; i++)
    {
        fmpq_poly_init(P[i]);
        unroll_scheme_poly_residual(P[i], s, i, stage);
    }

    for (i = 0; i <= T; i++)
        for (j = 0; j < i; j++)
        {
            cr_assert_eq(unroll_spectrum_inner(ip, spec, a, e, P[i], P[j]),
                         UNROLL_SUCCESS);
            cr_assert(fmpq_is_zero(ip), "%s alpha=%s eta=%s: <%ld, %ld> != 0",
                      name, alpha, eta, (long) i, (long) j);
        }

    for (i = 0; i <= T; i++)
        fmpq_poly_clear(P[i]);
    flint_free(P);
    fmpq_clear(ip);
    fmpq_clear(e);
    fmpq_clear(a);
    unroll_spectrum_clear(spec);
    unroll_scheme_clear(s);
}

Test(families, gegenbauer_orthogonal)
{
    check_orthogonal("gegenbauer", "1", "0", UNROLL_STAGE_X, 12);
    check_orthogonal("gegenbauer", "-1/4", "0", UNROLL_STAGE_X, 12);
    check_orthogonal("gegenbauer", "5/3", "0", UNROLL_STAGE_X, 12);
    check_orthogonal("chebyshev", "0", "0", UNROLL_STAGE_X, 12);
}

Test(families, sobolev_orthogonal)
{
    check_orthogonal("sobolev", "1", "20", UNROLL_STAGE_Z, 12);
    check_orthogonal("sobolev", "1/3", "5/2", UNROLL_STAGE_Z, 12);
    check_orthogonal("sobolev", "-1/4", "1/7", UNROLL_STAGE_Z, 12);
    check_orthogonal("sobolev", "0", "1", UNROLL_STAGE_Z, 12);
    check_orthogonal("sobolev", "1/2", "3", UNROLL_STAGE_Z, 12);
}

/* The ball generator of the Sobolev method contains the exact
   coefficients (containment), with balls narrow enough to decide the
   doubles (accuracy), for several parameters. */
Test(families, sobolev_balls_contain_exact)
{
    static const char * params[][4] = { { "1/2", "10", "1", "1" },
                                        { "1/2", "10", "1", "20" },
                                        { "3/7", "22/7", "1/3", "5/2" },
                                        { "1e-3", "1", "-1/4", "1/7" },
                                        { "1/2", "10", "0", "0" } };
    unroll_scheme_t ex, ba;
    unroll_spectrum_t spec;
    fmpq_t alpha, eta;
    arb_t b;
    double d;
    slong t, T = 150;
    int k, c;

    unroll_scheme_init(ex);
    unroll_scheme_init(ba);
    unroll_spectrum_init(spec);
    fmpq_init(alpha);
    fmpq_init(eta);
    arb_init(b);

    for (k = 0; k < 5; k++)
    {
        test_spectrum(spec, params[k][0], params[k][1]);
        test_fmpq(alpha, params[k][2]);
        test_fmpq(eta, params[k][3]);
        cr_assert_eq(unroll_family_sobolev(ex, spec, alpha, eta, T),
                     UNROLL_SUCCESS);
        cr_assert_eq(unroll_family_sobolev_arb(ba, spec, alpha, eta, T, 256),
                     UNROLL_SUCCESS, "case %d: balls not decided", k);
        for (t = 1; t <= T; t++)
            for (c = 0; c < UNROLL_NCOEF; c++)
            {
                arb_set(b, unroll_scheme_b(ba, c, t));
                cr_assert(arb_contains_fmpq(b, unroll_scheme_q(ex, c, t)),
                          "containment: case %d t=%ld %s", k, (long) t,
                          unroll_scheme_coef_name(c));
                cr_assert(unroll_arith_arb_get_d(&d, b) != UNROLL_UNABLE,
                          "accuracy: case %d t=%ld %s too wide", k, (long) t,
                          unroll_scheme_coef_name(c));
            }
    }

    arb_clear(b);
    fmpq_clear(eta);
    fmpq_clear(alpha);
    unroll_spectrum_clear(spec);
    unroll_scheme_clear(ba);
    unroll_scheme_clear(ex);
}

/* The ball Gegenbauer generator contains the exact coefficients of the
   Gegenbauer family, and at alpha = 0 those of the Chebyshev family. */
Test(families, gegenbauer_balls_contain_exact)
{
    static const char * params[][3] = { { "1/2", "10", "0" },
                                        { "1/2", "10", "1" },
                                        { "1e-4", "1", "-1/3" },
                                        { "3/7", "22/7", "5/2" } };
    unroll_scheme_t ex, ba;
    unroll_spectrum_t spec;
    fmpq_t alpha;
    slong t, T = 300;
    int k, c;

    unroll_scheme_init(ex);
    unroll_scheme_init(ba);
    unroll_spectrum_init(spec);
    fmpq_init(alpha);

    for (k = 0; k < 4; k++)
    {
        test_spectrum(spec, params[k][0], params[k][1]);
        test_fmpq(alpha, params[k][2]);
        if (k == 0)
            unroll_family_chebyshev(ex, spec, T);
        else
            unroll_family_gegenbauer(ex, spec, alpha, T);
        cr_assert_eq(unroll_family_gegenbauer_arb(ba, spec, alpha, T, 128),
                     UNROLL_SUCCESS);
        for (t = 1; t <= T; t++)
            for (c = 0; c < 2; c++)
            {
                cr_assert(arb_contains_fmpq(unroll_scheme_b(ba, c, t),
                                            unroll_scheme_q(ex, c, t)),
                          "containment: case %d t=%ld %s", k, (long) t,
                          unroll_scheme_coef_name(c));
                cr_assert(arb_rel_accuracy_bits(unroll_scheme_b(ba, c, t))
                          > 100 || arb_is_zero(unroll_scheme_b(ba, c, t)),
                          "accuracy: case %d t=%ld %s", k, (long) t,
                          unroll_scheme_coef_name(c));
            }
    }

    fmpq_clear(alpha);
    unroll_spectrum_clear(spec);
    unroll_scheme_clear(ba);
    unroll_scheme_clear(ex);
}

/* Reads text as a coefficient file through a temporary file. */
static int
read_table_text(unroll_scheme_t s, slong * T, const char * text,
                char * msg)
{
    char path[] = "/tmp/unroll-table-XXXXXX";
    int fd = mkstemp(path), status;
    FILE * f;

    cr_assert_geq(fd, 0, "mkstemp failed");
    f = fdopen(fd, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    status = unroll_family_table_read(s, T, path, 64, msg);
    remove(path);
    return status;
}

/* A coefficient given twice is refused, not silently overwritten (the
   CSV case leaked the first cell; found by tests/fuzz). */
Test(families, table_rejects_duplicate_columns)
{
    static const char * const bad[] = {
        "t,h,t,h,m\n1,1,1,2,0\n",
        "t,h,m,m\n1,1,0,0\n",
        "{\"rows\":[{\"t\":1,\"h\":\"1\",\"h\":\"2\",\"m\":\"0\"}]}",
    };
    char msg[UNROLL_MSG_LEN];
    unroll_scheme_t s;
    slong T = -1;
    size_t i;

    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
    {
        unroll_scheme_init(s);
        msg[0] = '\0';
        cr_expect_eq(read_table_text(s, &T, bad[i], msg), UNROLL_DOMAIN,
                     "accepted case %zu", i);
        cr_expect(strlen(msg) > 0 && strchr(msg, '\n') == NULL,
                  "case %zu: message '%s'", i, msg);
        unroll_scheme_clear(s);
    }

    /* one column of each still reads */
    unroll_scheme_init(s);
    cr_assert_eq(read_table_text(s, &T, "t,h,m\n1,1/2,0\n", msg),
                 UNROLL_SUCCESS, "%s", msg);
    cr_expect_eq(T, 1);
    unroll_scheme_clear(s);
}

/* A last line that ends in "\r" without "\n" looped for ever (found by
   tests/fuzz); CR LF and lone CR endings read like LF ones. */
Test(families, table_carriage_return_at_end, .timeout = 20)
{
    static const char * const good[] = {
        "t,h,m\r\n1,1/2,0\r", "t,h,m\r\n1,1/2,0\r\n", "t,h,m\n1,1/2,0",
    };
    char msg[UNROLL_MSG_LEN];
    unroll_scheme_t s;
    slong T = -1;
    size_t i;

    for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
    {
        unroll_scheme_init(s);
        cr_expect_eq(read_table_text(s, &T, good[i], msg), UNROLL_SUCCESS,
                     "case %zu: %s", i, msg);
        cr_expect_eq(T, 1, "case %zu", i);
        unroll_scheme_clear(s);
    }
    unroll_scheme_init(s);
    cr_expect_eq(read_table_text(s, &T, "t,h,m\r\n1,1,(0\r", msg),
                 UNROLL_DOMAIN);
    unroll_scheme_clear(s);
}

/* A coefficient file is refused past UNROLL_T_MAX_EXACT rows, the most
   that 'unroll coeffs' writes, on the row that passes it; a file of
   exactly that many rows reads, as CSV and as JSON. */
Test(families, table_row_cap)
{
    char msg[UNROLL_MSG_LEN], * text, * p;
    unroll_scheme_t s;
    slong T = -1, t, n;
    int json, status;

    text = malloc(64 * (UNROLL_T_MAX_EXACT + 2));
    cr_assert_not_null(text);
    for (json = 0; json <= 1; json++)
        for (n = UNROLL_T_MAX_EXACT; n <= UNROLL_T_MAX_EXACT + 1; n++)
        {
            p = text + sprintf(text, json ? "{\"rows\": [" : "t,h,m\n");
            for (t = 1; t <= n; t++)
                p += sprintf(p, json ? "%s{\"t\": %ld, \"h\": \"1/10\", "
                             "\"m\": \"0\"}" : "%s%ld,1/10,0\n",
                             json && t > 1 ? ", " : "", (long) t);
            if (json)
                strcpy(p, "]}");
            unroll_scheme_init(s);
            msg[0] = '\0';
            status = read_table_text(s, &T, text, msg);
            if (n == UNROLL_T_MAX_EXACT)
            {
                cr_expect_eq(status, UNROLL_SUCCESS, "%s", msg);
                cr_expect_eq(T, n);
            }
            else
            {
                cr_expect_eq(status, UNROLL_DOMAIN);
                cr_expect_not_null(strstr(msg, json
                                   ? ": row 10001: more than 10000 steps"
                                   : ":10002: more than 10000 steps"),
                                   "%s", msg);
            }
            unroll_scheme_clear(s);
        }
    free(text);
}
