#include "impl.h"

/* Accuracy (bits) of the roots behind the tie-break. */
#define TIE_PREC 64

/* The exact admissible polynomial from the Remez coefficients: c_t is
   corrected so that Et'(x0) = 0 holds in Q (T_k'(x0) = k U_{k-1}(x0),
   and |T_t'(x0)| is the largest, so the correction is of the order of
   the rounding of the other terms), and E = Et / Et(x0) in x. */
static int
exact_error(fmpq_poly_t Ex, const double * cd, const fmpq_t x0, slong t)
{
    fmpq * c;
    fmpq_t u0, u1, u, s, v;
    slong k;
    int status = UNROLL_SUCCESS;

    c = _fmpq_vec_init(t + 1);
    fmpq_init(u0);
    fmpq_init(u1);
    fmpq_init(u);
    fmpq_init(s);
    fmpq_init(v);

    for (k = 0; k <= t; k++)
        _unroll_minimax_fmpq_set_d(c + k, cd[k]);
    fmpq_one(u0);           /* U_{k-1}(x0) at the top of step k */
    for (k = 1; k <= t; k++)
    {
        fmpq_mul_si(v, u0, k);
        if (k < t)
            fmpq_addmul(s, c + k, v);
        fmpq_mul(u, x0, u0);
        fmpq_mul_2exp(u, u, 1);
        fmpq_sub(u, u, u1);
        fmpq_swap(u1, u0);
        fmpq_swap(u0, u);
    }
    /* v = T_t'(x0) */
    fmpq_div(s, s, v);
    fmpq_neg(c + t, s);
    if (t == 0)
        fmpq_zero(c + t);

    _unroll_minimax_mono_from_cheb(Ex, c, t);
    fmpq_poly_evaluate_fmpq(v, Ex, x0);
    if (fmpq_is_zero(v))
        status = UNROLL_UNABLE;
    else
        fmpq_poly_scalar_div_fmpq(Ex, Ex, v);

    fmpq_clear(v);
    fmpq_clear(s);
    fmpq_clear(u);
    fmpq_clear(u1);
    fmpq_clear(u0);
    _fmpq_vec_clear(c, t + 1);
    return status;
}

void
_unroll_minimax_integral_from(fmpq_poly_t res, const fmpq_poly_t f,
                              const fmpq_t a)
{
    fmpq_t v;

    fmpq_init(v);
    fmpq_poly_integral(res, f);
    fmpq_poly_evaluate_fmpq(v, res, a);
    fmpq_neg(v, v);
    fmpq_poly_add_fmpq(res, res, v);
    fmpq_clear(v);
}

/* The midpoint of the range of F on [-1, 1], rounded to a dyadic: the
   constant K that makes max |F + K| smallest (to rounding).  pts holds
   the critical points of F (the roots of G). */
static void
mid_range(fmpq_t K, const fmpq_poly_t F, arb_srcptr pts, slong np)
{
    arb_t fmax, fmin;

    arb_init(fmax);
    arb_init(fmin);

    _unroll_minimax_range(fmax, fmin, F, pts, np, 128);
    arb_add(fmax, fmax, fmin, 128);
    arb_mul_2exp_si(fmax, fmax, -1);
    arf_neg(arb_midref(fmax), arb_midref(fmax));
    _unroll_minimax_fmpq_set_arf(K, arb_midref(fmax));

    arb_clear(fmin);
    arb_clear(fmax);
}

/* P from E (in x, E(x0) = 1, E'(x0) = 0): P'' = -E'(lambda) / lambda,
   so P'(lambda) = F(x) + K with F = -c int_{-1}^x E'(v) / (v - x0) dv
   (the division is exact since E'(x0) = 0) and K free; the tie-break
   picks K at the midpoint of the range of F, which minimises
   D = max |P'|.  Then P = 1 + (1/c) int_{x0}^x (F + K). */
static void
residual_from_error(fmpq_poly_t P, arb_ptr pts, slong * np,
                    const fmpq_poly_t Ex, const unroll_spectrum_t spec,
                    slong rprec)
{
    fmpq_poly_t G, F, r, lin;
    fmpq_t c, x0, K;

    fmpq_poly_init(G);
    fmpq_poly_init(F);
    fmpq_poly_init(r);
    fmpq_poly_init(lin);
    fmpq_init(c);
    fmpq_init(x0);
    fmpq_init(K);

    unroll_spectrum_scale(c, spec);
    unroll_spectrum_x0(x0, spec);
    fmpq_poly_derivative(F, Ex);
    fmpq_neg(K, x0);
    fmpq_poly_set_coeff_si(lin, 1, 1);
    fmpq_poly_set_coeff_fmpq(lin, 0, K);
    fmpq_poly_divrem(G, r, F, lin);
    fmpq_set_si(K, -1, 1);
    _unroll_minimax_integral_from(F, G, K);
    fmpq_poly_scalar_mul_fmpq(F, F, c);
    fmpq_poly_neg(F, F);
    /* K comes from roots at a fixed accuracy, so that P does not
       depend on the accuracy the caller asks of the certificate. */
    *np = 0;
    if (fmpq_poly_degree(G) >= 1)
        *np = _unroll_minimax_critical(pts, G, TIE_PREC, 2 * TIE_PREC);
    mid_range(K, F, pts, *np);
    if (fmpq_poly_degree(G) >= 1 && rprec > TIE_PREC)
        *np = _unroll_minimax_critical(pts, G, rprec, 2 * rprec + 64);
    fmpq_poly_add_fmpq(F, F, K);

    _unroll_minimax_integral_from(P, F, x0);
    fmpq_poly_scalar_div_fmpq(P, P, c);
    fmpq_poly_add_si(P, P, 1);
    /* back to lambda: x = c lambda + x0 */
    fmpq_poly_set_coeff_fmpq(lin, 1, c);
    fmpq_poly_set_coeff_fmpq(lin, 0, x0);
    fmpq_poly_compose(P, P, lin);

    fmpq_clear(K);
    fmpq_clear(x0);
    fmpq_clear(c);
    fmpq_poly_clear(lin);
    fmpq_poly_clear(r);
    fmpq_poly_clear(F);
    fmpq_poly_clear(G);
}

int
_unroll_minimax_poly_pts(fmpq_poly_t P, arb_ptr pts, slong * np,
                         double * ref, slong * iters,
                         const unroll_spectrum_t spec, slong t, slong rprec,
                         char * msg)
{
    double * c;
    fmpq_t x0;
    fmpq_poly_t Ex;
    int status;

    c = flint_malloc(sizeof(double) * (t + 1));
    fmpq_init(x0);
    fmpq_poly_init(Ex);

    unroll_spectrum_x0(x0, spec);
    status = _unroll_minimax_remez(c, ref, iters, fmpq_get_d(x0), t, msg);
    if (status == UNROLL_SUCCESS)
    {
        status = exact_error(Ex, c, x0, t);
        if (status != UNROLL_SUCCESS)
            unroll_arith_msg(msg, "E(0) vanishes at t = %ld", (long) t);
    }
    if (status == UNROLL_SUCCESS)
        residual_from_error(P, pts, np, Ex, spec, rprec);

    fmpq_poly_clear(Ex);
    fmpq_clear(x0);
    flint_free(c);
    return status;
}

int
_unroll_minimax_poly(fmpq_poly_t P, double * ref, slong * iters,
                     const unroll_spectrum_t spec, slong t, char * msg)
{
    arb_ptr pts;
    slong np, n = FLINT_MAX(t - 2, 1);
    int status;

    pts = _arb_vec_init(n);
    status = _unroll_minimax_poly_pts(P, pts, &np, ref, iters, spec, t,
                                      TIE_PREC, msg);
    _arb_vec_clear(pts, n);
    return status;
}
