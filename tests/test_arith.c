#include <float.h>
#include <math.h>
#include <string.h>

#include "common.h"

/* Criterion hands parameters to a fresh process, so they hold their
   text inline rather than pointers. */
typedef struct
{
    char text[32];
    char exact[16];
}
parse_case_t;

typedef struct
{
    char text[16];
}
bad_case_t;

ParameterizedTestParameters(arith, parse_accepts)
{
    static parse_case_t cases[] =
    {
        { "1/2", "1/2" }, { "0.5", "1/2" }, { "1e-3", "1/1000" },
        { "-3/7", "-3/7" }, { " 2.5E+2 ", "250" }, { ".25", "1/4" },
        { "2/(10+1/2)", "4/21" }, { "-(1-3)*2", "4" }, { "+7", "7" },
        { "1e0", "1" }, { "0.1", "1/10" }, { "3.", "3" },
    };
    return cr_make_param_array(parse_case_t, cases,
                               sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(parse_case_t * c, arith, parse_accepts)
{
    fmpq_t x;
    char * str;

    fmpq_init(x);
    cr_assert_eq(unroll_arith_parse_fmpq(x, c->text, NULL, NULL, 0, NULL),
                 UNROLL_SUCCESS, "rejected '%s'", c->text);
    str = fmpq_get_str(NULL, 10, x);
    cr_assert_str_eq(str, c->exact, "'%s' parsed as %s", c->text, str);
    flint_free(str);
    fmpq_clear(x);
}

ParameterizedTestParameters(arith, parse_rejects)
{
    static bad_case_t cases[] =
    {
        { "" }, { "   " }, { "nan" }, { "NaN" }, { "inf" }, { "-inf" },
        { "1/0" }, { "1/(2-2)" }, { "1.2.3" }, { "1e" }, { "1e+" },
        { "0x10" }, { "1,5" }, { "(1" }, { "1)" }, { "--" }, { "1e99999" },
        { "2*" }, { "l" }, { "1 2" },
    };
    return cr_make_param_array(bad_case_t, cases,
                               sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(bad_case_t * c, arith, parse_rejects)
{
    fmpq_t x;
    char msg[UNROLL_MSG_LEN] = "";

    fmpq_init(x);
    cr_assert_eq(unroll_arith_parse_fmpq(x, c->text, NULL, NULL, 0, msg),
                 UNROLL_DOMAIN, "accepted '%s'", c->text);
    cr_assert(strlen(msg) > 0 && strchr(msg, '\n') == NULL,
              "no one-line message for '%s'", c->text);
    fmpq_clear(x);
}

/* Messages echo the input; line breaks in it must not split the message
   (inputs found by tests/fuzz: "1" and "e4096" on separate lines, a ball
   cut by a newline). */
Test(arith, messages_stay_on_one_line)
{
    static const char * const bad[] = { "1\n\n\ne4096", "0.10.1\n+/-",
                                         "2/\r(3", "[1\n+/- x]" };
    char msg[UNROLL_MSG_LEN];
    fmpq_t x;
    arb_t b;
    size_t i;

    fmpq_init(x);
    arb_init(b);
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
    {
        msg[0] = '\0';
        cr_expect_eq(unroll_arith_arb_set_str(b, bad[i], 64, msg),
                     UNROLL_DOMAIN, "accepted case %zu", i);
        cr_expect(strlen(msg) > 0 && strpbrk(msg, "\n\r") == NULL,
                  "case %zu: message '%s'", i, msg);
        if (strchr(bad[i], '[') != NULL)
            continue;
        msg[0] = '\0';
        cr_expect_eq(unroll_arith_parse_fmpq(x, bad[i], NULL, NULL, 0, msg),
                     UNROLL_DOMAIN, "accepted case %zu", i);
        cr_expect(strlen(msg) > 0 && strpbrk(msg, "\n\r") == NULL,
                  "case %zu: message '%s'", i, msg);
    }
    arb_clear(b);
    fmpq_clear(x);
}

Test(arith, parse_names)
{
    static const char * const names[] = { "l", "L" };
    fmpq vals[2];
    fmpq_t x, want;

    fmpq_init(vals + 0);
    fmpq_init(vals + 1);
    fmpq_init(x);
    fmpq_init(want);
    fmpq_set_si(vals + 0, 1, 2);
    fmpq_set_si(vals + 1, 10, 1);

    cr_assert_eq(unroll_arith_parse_fmpq(x, "2/(L+l)", names, vals, 2, NULL),
                 UNROLL_SUCCESS);
    fmpq_set_si(want, 4, 21);
    cr_assert(fmpq_equal(x, want));
    cr_assert_eq(unroll_arith_parse_fmpq(x, "1/Lx", names, vals, 2, NULL),
                 UNROLL_DOMAIN);

    fmpq_clear(want);
    fmpq_clear(x);
    fmpq_clear(vals + 1);
    fmpq_clear(vals + 0);
}

/* IEEE division of two exactly representable integers is correctly
   rounded, which gives an independent reference for fmpq_get_d. */
Test(arith, fmpq_get_d_matches_ieee_division)
{
    flint_rand_t state;
    fmpq_t x;
    slong i, iters = test_iters(20000);
    double d, ref;
    slong p, q;

    unroll_arith_randinit(state);
    flint_randseed(state, test_seed(), 1);
    fmpq_init(x);

    for (i = 0; i < iters; i++)
    {
        p = (slong) n_randint(state, UWORD(1) << 53) - (WORD(1) << 52);
        q = 1 + (slong) n_randint(state, UWORD(1) << 53);
        fmpq_set_si(x, p, (ulong) q);
        cr_assert_eq(unroll_arith_fmpq_get_d(&d, x), UNROLL_SUCCESS);
        ref = (double) p / (double) q;
        cr_assert(d == ref, "accuracy: seed %lu iter %ld: %ld/%ld gave %.17g,"
                  " IEEE %.17g", test_seed(), (long) i, (long) p, (long) q,
                  d, ref);
    }

    fmpq_clear(x);
    unroll_arith_randclear(state);
}

/* Sets x = num / 2^e exactly. */
static void
set_dyadic(fmpq_t x, ulong num, ulong e)
{
    fmpz_set_ui(fmpq_numref(x), num);
    fmpz_one(fmpq_denref(x));
    fmpz_mul_2exp(fmpq_denref(x), fmpq_denref(x), e);
    fmpq_canonicalise(x);
}

Test(arith, fmpq_get_d_edges)
{
    fmpq_t x;
    double d;

    fmpq_init(x);

    /* 2^-1074 is the smallest subnormal: 3/4 of it rounds up to it, and
       1/2 of it is a tie that rounds to the even neighbour 0. */
    set_dyadic(x, 3, 1076);
    cr_assert_eq(unroll_arith_fmpq_get_d(&d, x), UNROLL_SUCCESS);
    cr_assert(d == 0x1p-1074, "3*2^-1076 gave %a", d);
    set_dyadic(x, 1, 1075);
    cr_assert_eq(unroll_arith_fmpq_get_d(&d, x), UNROLL_SUCCESS);
    cr_assert(d == 0.0, "2^-1075 gave %a", d);

    /* A subnormal that double rounding would get wrong: just above the
       tie 2^-1075 + 2^-1130 must round up. */
    fmpz_set_ui(fmpq_numref(x), 1);
    fmpz_mul_2exp(fmpq_numref(x), fmpq_numref(x), 55);
    fmpz_add_ui(fmpq_numref(x), fmpq_numref(x), 1);
    fmpz_one(fmpq_denref(x));
    fmpz_mul_2exp(fmpq_denref(x), fmpq_denref(x), 1130);
    cr_assert_eq(unroll_arith_fmpq_get_d(&d, x), UNROLL_SUCCESS);
    cr_assert(d == 0x1p-1074, "just above the tie gave %a", d);

    /* 1 + 2^-53 is a tie between 1 and 1 + 2^-52: even is 1. */
    set_dyadic(x, (UWORD(1) << 53) + 1, 53);
    cr_assert_eq(unroll_arith_fmpq_get_d(&d, x), UNROLL_SUCCESS);
    cr_assert(d == 1.0);

    /* 2^1024 overflows to inf, IEEE's round-to-nearest answer. */
    fmpz_one(fmpq_numref(x));
    fmpz_mul_2exp(fmpq_numref(x), fmpq_numref(x), 1024);
    fmpz_one(fmpq_denref(x));
    cr_assert_eq(unroll_arith_fmpq_get_d(&d, x), UNROLL_DOMAIN);
    cr_assert(isinf(d) && d > 0);

    fmpq_clear(x);
}

Test(arith, arb_get_d_decides_or_refuses)
{
    arb_t x;
    fmpq_t q;
    double d, ref;

    arb_init(x);
    fmpq_init(q);

    /* A narrow ball around 1/3 decides the double of 1/3. */
    fmpq_set_si(q, 1, 3);
    arb_set_fmpq(x, q, 200);
    cr_assert_eq(unroll_arith_arb_get_d(&d, x), UNROLL_SUCCESS);
    cr_assert(unroll_arith_fmpq_get_d(&ref, q) == UNROLL_SUCCESS && d == ref);

    /* A ball straddling a rounding boundary cannot decide. */
    arb_set_d(x, 1.0);
    arb_add_error_2exp_si(x, -40);
    cr_assert_eq(unroll_arith_arb_get_d(&d, x), UNROLL_UNABLE);

    fmpq_clear(q);
    arb_clear(x);
}

Test(arith, arb_str_round_trip_contains)
{
    arb_t x, y;
    char * s;

    arb_init(x);
    arb_init(y);

    arb_const_pi(x, 300);
    arb_sqrt_ui(y, 2, 300);
    arb_mul(x, x, y, 300);
    s = unroll_arith_arb_get_str(x, 40);
    cr_assert_eq(unroll_arith_arb_set_str(y, s, 300, NULL), UNROLL_SUCCESS);
    cr_assert(arb_contains(y, x), "%s does not contain the value", s);
    flint_free(s);

    arb_clear(y);
    arb_clear(x);
}
