/* Helpers shared by the test suites: the property-test seed and size,
   and small builders for methods. */
#ifndef UNROLL_TEST_COMMON_H
#define UNROLL_TEST_COMMON_H

#include <stdlib.h>

#include <criterion/criterion.h>
#include <criterion/parameterized.h>
#include <flint/fmpq_mat.h>
#include <math.h>

#include "unroll.h"

/* UNROLL_TEST_SEED overrides the fixed default seed; a failing property
   prints the seed it ran with. */
static inline ulong
test_seed(void)
{
    const char * s = getenv("UNROLL_TEST_SEED");

    return s != NULL ? strtoul(s, NULL, 10) : 20221128UL;
}

/* UNROLL_TEST_MULTIPLIER scales the number of property iterations. */
static inline slong
test_iters(slong base)
{
    const char * s = getenv("UNROLL_TEST_MULTIPLIER");
    double m = s != NULL ? atof(s) : 1.0;

    return FLINT_MAX(1, (slong) (base * m));
}

static inline void
test_fmpq(fmpq_t res, const char * s)
{
    cr_assert_eq(unroll_arith_parse_fmpq(res, s, NULL, NULL, 0, NULL),
                 UNROLL_SUCCESS, "cannot parse %s", s);
}

static inline void
test_spectrum(unroll_spectrum_t spec, const char * l, const char * L)
{
    fmpq_t a, b;

    fmpq_init(a);
    fmpq_init(b);
    test_fmpq(a, l);
    test_fmpq(b, L);
    cr_assert_eq(unroll_spectrum_set(spec, a, b, NULL), UNROLL_SUCCESS);
    fmpq_clear(b);
    fmpq_clear(a);
}

/* Fills meth for family name on [l, L] with optional parameters (NULL
   when absent) and builds its scheme for t = 0..T. */
static inline void
test_scheme(unroll_scheme_t s, const char * name, const char * l,
            const char * L, const char * alpha, const char * eta,
            const char * h, const char * m, slong T)
{
    unroll_method_t meth;
    char msg[UNROLL_MSG_LEN];

    unroll_method_init(meth);
    meth->family = unroll_family_from_name(name);
    if (l != NULL)
    {
        test_spectrum(&meth->spec, l, L);
        meth->has_spec = 1;
    }
    if (alpha != NULL)
    {
        test_fmpq(&meth->alpha, alpha);
        meth->has_alpha = 1;
    }
    if (eta != NULL)
    {
        test_fmpq(&meth->eta, eta);
        meth->has_eta = 1;
    }
    if (h != NULL)
    {
        test_fmpq(&meth->h, h);
        meth->has_h = 1;
    }
    if (m != NULL)
    {
        test_fmpq(&meth->m, m);
        meth->has_m = 1;
    }
    cr_assert_eq(unroll_method_scheme(s, meth, T, 128, msg), UNROLL_SUCCESS,
                 "%s: %s", name, msg);
    unroll_method_clear(meth);
}

#endif
