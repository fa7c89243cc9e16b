#include "impl.h"

void
unroll_minimax_init(unroll_minimax_t res)
{
    res->t = 0;
    fmpq_poly_init(&res->P);
    arf_init(&res->lo);
    arf_init(&res->hi);
    arb_init(&res->B);
    arb_init(&res->D);
    res->iterations = 0;
}

void
unroll_minimax_clear(unroll_minimax_t res)
{
    fmpq_poly_clear(&res->P);
    arf_clear(&res->lo);
    arf_clear(&res->hi);
    arb_clear(&res->B);
    arb_clear(&res->D);
}

static int
check_args(const unroll_spectrum_t spec, slong t, const fmpq_t rho,
           slong rel_bits, char * msg)
{
    (void) spec;
    if (t < 1 || t > UNROLL_MINIMAX_T_MAX)
        unroll_arith_msg(msg, "t must lie in 1..%d", UNROLL_MINIMAX_T_MAX);
    else if (fmpq_sgn(rho) < 0)
        unroll_arith_msg(msg, "rho must be nonnegative");
    else if (rel_bits < 1 || rel_bits > 200)
        unroll_arith_msg(msg, "rel_bits must lie in 1..200");
    else
        return UNROLL_SUCCESS;
    return UNROLL_DOMAIN;
}

/* rho = 0: hi is the certified sup norm of the returned E, lo the lower
   end of de la Vallee Poussin's bound at the final reference. */
static int
solve_remez(unroll_minimax_t res, const unroll_spectrum_t spec, slong t,
            slong rel_bits, char * msg)
{
    double * ref;
    arb_ptr pts;
    fmpq_poly_t Ex, Dx, D2x;
    slong np, n = FLINT_MAX(t - 2, 1), prec = 2 * rel_bits + 64;
    int status;

    ref = flint_malloc(sizeof(double) * t);
    pts = _arb_vec_init(n);
    fmpq_poly_init(Ex);
    fmpq_poly_init(Dx);
    fmpq_poly_init(D2x);

    status = _unroll_minimax_poly_pts(&res->P, pts, &np, ref,
                 &res->iterations, spec, t,
                 _unroll_minimax_root_prec(rel_bits + 4, t), msg);
    if (status == UNROLL_SUCCESS)
    {
        /* P'' in x is a multiple of E_x' / (x - x0): same roots. */
        _unroll_minimax_error_x(Ex, Dx, D2x, &res->P, spec);
        _unroll_minimax_sup_pts(&res->B, &res->D, Ex, Dx, pts, np, prec);
        arb_get_ubound_arf(&res->hi, &res->B, prec);
        if (!_unroll_minimax_dvp(&res->lo, &res->P, ref, spec, t, prec))
        {
            unroll_arith_msg(msg, "no certified alternation at t = %ld",
                             (long) t);
            status = UNROLL_UNABLE;
        }
    }

    fmpq_poly_clear(D2x);
    fmpq_poly_clear(Dx);
    fmpq_poly_clear(Ex);
    _arb_vec_clear(pts, n);
    flint_free(ref);
    return status;
}

int
unroll_minimax_solve(unroll_minimax_t res, const unroll_spectrum_t spec,
                     slong t, const fmpq_t rho, slong rel_bits, char * msg)
{
    arf_t w;
    int status;

    status = check_args(spec, t, rho, rel_bits, msg);
    if (status != UNROLL_SUCCESS)
        return status;

    res->t = t;
    if (fmpq_sgn(rho) > 0)
        status = _unroll_minimax_solve_mixed(res, spec, t, rho, rel_bits,
                                             msg);
    else
        status = solve_remez(res, spec, t, rel_bits, msg);

    arf_init(w);
    if (status == UNROLL_SUCCESS)
    {
        /* hi - lo <= 2^-rel_bits hi */
        arf_sub(w, &res->hi, &res->lo, ARF_PREC_EXACT, ARF_RND_DOWN);
        arf_mul_2exp_si(w, w, rel_bits);
        if (arf_cmp(w, &res->hi) > 0)
        {
            unroll_arith_msg(msg, "certified interval wider than 2^-%ld "
                             "at t = %ld", (long) rel_bits, (long) t);
            status = UNROLL_UNABLE;
        }
    }
    arf_clear(w);
    return status;
}

int
unroll_minimax_value(arf_t lo, arf_t hi, const unroll_spectrum_t spec,
                     slong t, const fmpq_t rho, slong rel_bits, char * msg)
{
    unroll_minimax_t res;
    int status;

    unroll_minimax_init(res);
    status = unroll_minimax_solve(res, spec, t, rho, rel_bits, msg);
    arf_set(lo, &res->lo);
    arf_set(hi, &res->hi);
    unroll_minimax_clear(res);
    return status;
}

int
unroll_minimax_poly(fmpq_poly_t P, const unroll_spectrum_t spec, slong t,
                    const fmpq_t rho, char * msg)
{
    double * ref;
    slong iters;
    int status;

    status = check_args(spec, t, rho, UNROLL_MINIMAX_REL_BITS, msg);
    if (status != UNROLL_SUCCESS)
        return status;
    if (fmpq_sgn(rho) > 0)
        return _unroll_minimax_poly_mixed(P, spec, t, rho, msg);
    ref = flint_malloc(sizeof(double) * t);
    status = _unroll_minimax_poly(P, ref, &iters, spec, t, msg);
    flint_free(ref);
    return status;
}
