#include "impl.h"

/* max |f| from the enclosures of max f and min f. */
static void
abs_max(arb_t res, const arb_t fmax, const arb_t fmin, slong prec)
{
    arb_t m;

    arb_init(m);
    arb_neg(m, fmin);
    arb_max(res, fmax, m, prec);
    arb_clear(m);
}

slong
_unroll_minimax_root_prec(slong rel_bits, slong t)
{
    return (rel_bits + 4 * FLINT_BIT_COUNT(t + 1) + 16) / 2 + 8;
}

void
_unroll_minimax_sup_pts(arb_t B, arb_t D, const fmpq_poly_t Ex,
                        const fmpq_poly_t Dx, arb_srcptr pts, slong np,
                        slong prec)
{
    arb_t fmax, fmin;

    arb_init(fmax);
    arb_init(fmin);
    _unroll_minimax_range(fmax, fmin, Ex, pts, np, prec);
    abs_max(B, fmax, fmin, prec);
    _unroll_minimax_range(fmax, fmin, Dx, pts, np, prec);
    abs_max(D, fmax, fmin, prec);
    arb_clear(fmin);
    arb_clear(fmax);
}

/* Both maxima come from one root isolation: the critical points of E
   (E' = -lambda P'') and of P' are the real roots of P''.  A P of
   degree <= 1 has P'' = 0: then E = 1 and P' is constant. */
static void
sup_at(arb_t B, arb_t D, const fmpq_poly_t Ex, const fmpq_poly_t Dx,
       const fmpq_poly_t D2x, slong rprec, slong prec)
{
    arb_ptr pts;
    slong n = FLINT_MAX(fmpq_poly_degree(D2x), 1), np = 0;

    pts = _arb_vec_init(n);
    if (!fmpq_poly_is_zero(D2x))
        np = _unroll_minimax_critical(pts, D2x, rprec, prec);
    _unroll_minimax_sup_pts(B, D, Ex, Dx, pts, np, prec);
    _arb_vec_clear(pts, n);
}

static int
narrow(const arb_t x, slong rel_bits)
{
    return arb_is_zero(x) || arb_rel_accuracy_bits(x) >= rel_bits;
}

int
unroll_minimax_sup(arb_t B, arb_t D, const fmpq_poly_t P,
                   const unroll_spectrum_t spec, slong rel_bits, char * msg)
{
    fmpq_poly_t Ex, Dx, D2x;
    slong prec, lg = fmpq_poly_length(P);
    int status = UNROLL_UNABLE;

    if (rel_bits < 1 || rel_bits > 1000)
    {
        unroll_arith_msg(msg, "rel_bits must lie in 1..1000");
        return UNROLL_DOMAIN;
    }
    fmpq_poly_init(Ex);
    fmpq_poly_init(Dx);
    fmpq_poly_init(D2x);

    _unroll_minimax_error_x(Ex, Dx, D2x, P, spec);
    for (prec = rel_bits + 32; prec <= 8 * (rel_bits + 64); prec *= 2)
    {
        sup_at(B, D, Ex, Dx, D2x,
               _unroll_minimax_root_prec(prec - 32, lg), prec);
        if (narrow(B, rel_bits + 1) && narrow(D, rel_bits + 1))
        {
            status = UNROLL_SUCCESS;
            break;
        }
    }
    if (status != UNROLL_SUCCESS)
        unroll_arith_msg(msg, "could not certify the sup norms to %ld "
                         "bits", (long) rel_bits);

    fmpq_poly_clear(D2x);
    fmpq_poly_clear(Dx);
    fmpq_poly_clear(Ex);
    return status;
}
