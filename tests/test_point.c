#include "common.h"

/* The point interpreters: the ball one against exact polynomials, the
   floating-point one against the ball one at high precision. */

typedef struct
{
    const char * family;
    const char * alpha;
    const char * eta;
    int stage;
}
fam_t;

static const fam_t fams[] = {
    { "gd", NULL, NULL, UNROLL_STAGE_X },
    { "heavy-ball", NULL, NULL, UNROLL_STAGE_X },
    { "chebyshev", NULL, NULL, UNROLL_STAGE_X },
    { "gegenbauer", "1", NULL, UNROLL_STAGE_X },
    { "gegenbauer", "-2/5", NULL, UNROLL_STAGE_X },
    { "sobolev", "1", "20", UNROLL_STAGE_Y },
    { "sobolev", "1", "20", UNROLL_STAGE_Z },
    { "sobolev", "1/2", "1", UNROLL_STAGE_X },
    { "sobolev", "0", "0", UNROLL_STAGE_X },
};

#define NFAMS ((slong) (sizeof(fams) / sizeof(fams[0])))

/* The method of fams[i] on [1/2, 10] (h = 1/10, m = 1/2 where asked). */
static void
method(unroll_method_t meth, slong i)
{
    unroll_method_init(meth);
    meth->family = unroll_family_from_name(fams[i].family);
    test_fmpq(&meth->spec.l, "1/2");
    test_fmpq(&meth->spec.L, "10");
    meth->has_spec = 1;
    test_fmpq(&meth->h, "1/10");
    test_fmpq(&meth->m, "1/2");
    meth->has_h = meth->has_m = 1;
    if (fams[i].alpha != NULL)
    {
        test_fmpq(&meth->alpha, fams[i].alpha);
        meth->has_alpha = 1;
    }
    if (fams[i].eta != NULL)
    {
        test_fmpq(&meth->eta, fams[i].eta);
        meth->has_eta = 1;
    }
}

/* lambda_j = 1/2 + 19 j / (2 n), j = 0..n: both ends and the inside. */
static void
grid_point(fmpq_t lam, slong j, slong n)
{
    fmpq_set_si(lam, 19 * j + n, 2 * n);
}

/* Both ball interpreters (majorant and frames, the latter at a low 80
   bits) contain the exact derivatives at exact rational points. */
Test(point, ball_jets_contain_exact_derivatives)
{
    const slong T = 30, n = 11;
    unroll_method_t meth;
    unroll_scheme_t s;
    unroll_scheme_point_t pt;
    fmpq_poly_t P;
    fmpq_t lam, v;
    arb_ptr jets, fjets;
    arb_t x;
    char msg[UNROLL_MSG_LEN];
    slong i, j, t;
    int k;

    fmpq_poly_init(P);
    fmpq_init(lam);
    fmpq_init(v);
    arb_init(x);
    jets = _arb_vec_init(4 * (T + 1));
    fjets = _arb_vec_init(4 * (T + 1));

    for (i = 0; i < NFAMS; i++)
    {
        method(meth, i);
        unroll_scheme_init(s);
        cr_assert_eq(unroll_method_scheme(s, meth, T, 64, msg), UNROLL_SUCCESS,
                     "%s", msg);
        unroll_scheme_point_init(pt, s, T, 256);
        for (j = 0; j <= n; j++)
        {
            grid_point(lam, j, n);
            arb_set_fmpq(x, lam, 256);
            unroll_scheme_point_jets(jets, pt, x, T, fams[i].stage, 3, 256);
            unroll_scheme_point_jets_frame(fjets, pt, x, T, fams[i].stage,
                                           3, 80);
            for (t = 0; t <= T; t++)
            {
                unroll_scheme_poly_residual(P, s, t, fams[i].stage);
                for (k = 0; k <= 3; k++)
                {
                    fmpq_poly_evaluate_fmpq(v, P, lam);
                    cr_assert(arb_contains_fmpq(jets + 4 * t + k, v)
                              && arb_contains_fmpq(fjets + 4 * t + k, v),
                              "%s stage %d t=%ld k=%d j=%ld",
                              fams[i].family, fams[i].stage, (long) t, k,
                              (long) j);
                    fmpq_poly_derivative(P, P);
                }
            }
        }
        unroll_scheme_point_clear(pt);
        unroll_scheme_clear(s);
        unroll_method_clear(meth);
    }

    _arb_vec_clear(jets, 4 * (T + 1));
    _arb_vec_clear(fjets, 4 * (T + 1));
    arb_clear(x);
    fmpq_clear(v);
    fmpq_clear(lam);
    fmpq_poly_clear(P);
}

/* The floating-point jets contain the ball jets computed at 2T + 200
   bits (whose radii are negligible), for every t, at exact points, at
   the ends and on balls of radius 2^-40; and they are useful: per t,
   the largest radius is at most 2^-20 of the largest value.  The frame
   interpreter at 160 bits meets the same balls and keeps radii below
   2^-100 of the values, where the majorant would need 1.3 T more bits. */
static void
check_fast(const unroll_scheme_t s, int stage, const char * what, slong T)
{
    const slong n = 23, prec = 2 * T + 200;
    unroll_scheme_point_t pt;
    unroll_scheme_fast_t ft;
    arb_ptr J1 = _arb_vec_init(4 * (T + 1)), J2 = _arb_vec_init(4 * (T + 1));
    double * vmax = flint_calloc(T + 1, sizeof(double));
    double * rmax = flint_calloc(T + 1, sizeof(double));
    double * frmax = flint_calloc(T + 1, sizeof(double));
    fmpq_t lam;
    arb_t x, y, z;
    slong j, t;
    int k, e;

    fmpq_init(lam);
    arb_init(x);
    arb_init(y);
    arb_init(z);
    unroll_scheme_point_init(pt, s, T, prec);
    unroll_scheme_fast_init(ft, pt);

    for (j = 0; j <= n; j++)
    {
        grid_point(lam, j, n);
        arb_set_fmpq(x, lam, prec);
        if (j % 5 == 2)
            arb_add_error_2exp_si(x, -40);
        cr_assert(unroll_scheme_fast_jets(J1, ft, x, T, stage, 3),
                  "%s: declined at j=%ld", what, (long) j);

        /* On a ball, the values at its ends and centre must be in. */
        for (e = (j % 5 == 2 ? -1 : 0); e <= (j % 5 == 2 ? 1 : 0); e++)
        {
            arb_set_fmpq(y, lam, prec);
            arb_set_si(z, e);
            arb_mul_2exp_si(z, z, -40);
            arb_add(y, y, z, prec);
            unroll_scheme_point_jets(J2, pt, y, T, stage, 3, prec);
            for (t = 0; t <= T; t++)
                for (k = 0; k <= 3; k++)
                    cr_assert(arb_contains(J1 + 4 * t + k, J2 + 4 * t + k),
                              "%s: t=%ld k=%d j=%ld", what, (long) t, k,
                              (long) j);
        }
        for (t = 0; t <= T && j % 5 != 2; t++)
        {
            vmax[t] = fmax(vmax[t], fabs(arf_get_d(arb_midref(J2 + 4 * t),
                                                   ARF_RND_NEAR)));
            rmax[t] = fmax(rmax[t], mag_get_d(arb_radref(J1 + 4 * t)));
        }
        if (j % 5 == 2)
            continue;
        arb_set_fmpq(x, lam, prec);
        unroll_scheme_point_jets_frame(J1, pt, x, T, stage, 3, 160);
        for (t = 0; t <= T; t++)
        {
            cr_assert(arb_overlaps(J1 + 4 * t, J2 + 4 * t), "%s: frame "
                      "t=%ld j=%ld", what, (long) t, (long) j);
            frmax[t] = fmax(frmax[t], mag_get_d(arb_radref(J1 + 4 * t)));
        }
    }
    for (t = 0; t <= T; t++)
        cr_assert(rmax[t] <= ldexp(vmax[t], -20), "%s: t=%ld radius %g "
                  "against values up to %g", what, (long) t, rmax[t],
                  vmax[t]);
    for (t = 0; t <= T; t++)
        cr_assert(fmax(frmax[t], ldexp(vmax[t], -200))
                  <= ldexp(vmax[t], -100), "%s: frame t=%ld radius %g "
                  "against values up to %g", what, (long) t, frmax[t],
                  vmax[t]);

    unroll_scheme_fast_clear(ft);
    unroll_scheme_point_clear(pt);
    arb_clear(x);
    arb_clear(y);
    arb_clear(z);
    fmpq_clear(lam);
    flint_free(vmax);
    flint_free(rmax);
    flint_free(frmax);
    _arb_vec_clear(J1, 4 * (T + 1));
    _arb_vec_clear(J2, 4 * (T + 1));
}

Test(point, fast_jets_contain_ball_jets)
{
    const slong T = 240;
    unroll_method_t meth;
    unroll_scheme_t s;
    char msg[UNROLL_MSG_LEN], what[64];
    slong i;

    for (i = 0; i < NFAMS; i++)
    {
        method(meth, i);
        unroll_scheme_init(s);
        cr_assert_eq(unroll_method_scheme_arb(s, meth, T, 4 * T + 128, msg),
                     UNROLL_SUCCESS, "%s", msg);
        snprintf(what, sizeof(what), "%s stage %d", fams[i].family,
                 fams[i].stage);
        check_fast(s, fams[i].stage, what, T);
        unroll_scheme_clear(s);
        unroll_method_clear(meth);
    }
}

/* Values below 2^-900 (here lambda) are refused, not mishandled. */
Test(point, fast_declines_out_of_range)
{
    unroll_scheme_t s;
    unroll_scheme_point_t pt;
    unroll_scheme_fast_t ft;
    arb_struct jet[4];
    fmpq_t h;
    arb_t x;
    int k;

    fmpq_init(h);
    arb_init(x);
    for (k = 0; k < 4; k++)
        arb_init(jet + k);
    unroll_scheme_init(s);

    fmpq_set_si(h, 1, 3);
    unroll_family_gd(s, h, 10);
    unroll_scheme_point_init(pt, s, 10, 64);
    unroll_scheme_fast_init(ft, pt);
    cr_assert(ft->ok);
    arb_one(x);
    arb_mul_2exp_si(x, x, -950);
    cr_assert_not(unroll_scheme_fast_jet(jet, ft, x, 10, UNROLL_STAGE_X, 3));
    arb_one(x);
    cr_assert(unroll_scheme_fast_jet(jet, ft, x, 10, UNROLL_STAGE_X, 3));

    unroll_scheme_fast_clear(ft);
    unroll_scheme_point_clear(pt);
    unroll_scheme_clear(s);
    for (k = 0; k < 4; k++)
        arb_clear(jet + k);
    arb_clear(x);
    fmpq_clear(h);
}

/* Long runs leave the range of doubles (P_1800 of Chebyshev is about
   1e-355 on [1/2, 10]): the scaled floating-point jets still meet the
   frame jets and keep 16 bits or more at l and L. */
Test(point, fast_scales_below_double_range)
{
    const slong T = 1800;
    unroll_scheme_t s;
    unroll_spectrum_t spec;
    unroll_scheme_point_t pt;
    unroll_scheme_fast_t ft;
    arb_struct J1[4], J2[4];
    fmpq_t l, L;
    arb_t x;
    slong j;
    int k;

    fmpq_init(l);
    fmpq_init(L);
    arb_init(x);
    for (k = 0; k < 4; k++)
    {
        arb_init(J1 + k);
        arb_init(J2 + k);
    }
    unroll_spectrum_init(spec);
    unroll_scheme_init(s);
    test_fmpq(l, "1/2");
    test_fmpq(L, "10");
    cr_assert_eq(unroll_spectrum_set(spec, l, L, NULL), UNROLL_SUCCESS);
    unroll_family_chebyshev(s, spec, T);
    unroll_scheme_point_init(pt, s, T, 128);
    unroll_scheme_fast_init(ft, pt);

    for (j = 0; j <= 4; j++)
    {
        arb_set_si(x, 4 + 19 * j);
        arb_mul_2exp_si(x, x, -3);
        cr_assert(unroll_scheme_fast_jet(J1, ft, x, T, UNROLL_STAGE_X, 3));
        unroll_scheme_point_jet_frame(J2, pt, x, T, UNROLL_STAGE_X, 3, 200);
        cr_assert(arf_cmpabs_2exp_si(arb_midref(J2), -1000) < 0);
        for (k = 0; k < 4; k++)
        {
            cr_assert(arb_overlaps(J1 + k, J2 + k), "j=%ld k=%d", (long) j,
                      k);
            /* Inside, a value may sit next to a root; at l and L none
               does. */
            cr_assert((j > 0 && j < 4) || arb_rel_accuracy_bits(J1 + k)
                      >= 16, "j=%ld k=%d: %ld bits", (long) j, k,
                      arb_rel_accuracy_bits(J1 + k));
        }
    }

    unroll_scheme_fast_clear(ft);
    unroll_scheme_point_clear(pt);
    unroll_scheme_clear(s);
    unroll_spectrum_clear(spec);
    for (k = 0; k < 4; k++)
    {
        arb_clear(J1 + k);
        arb_clear(J2 + k);
    }
    arb_clear(x);
    fmpq_clear(l);
    fmpq_clear(L);
}
