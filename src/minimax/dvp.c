#include "impl.h"

/* de la Vallee Poussin for the Haar system lambda^2..lambda^t on
   [l, L]: if E alternates in sign at t points there, every admissible F
   (F(0) = 1, F'(0) = 0, deg F <= t) has max |F| >= min |E(x_i)|.  The
   points are exact binary numbers (the doubles of ref, which lie in
   [-1, 1]), the values balls in the Chebyshev basis of x. */
int
_unroll_minimax_dvp(arf_t lo, const fmpq_poly_t P, const double * ref,
                    const unroll_spectrum_t spec, slong t, slong prec)
{
    fmpq_poly_t Ex, Dx, D2x;
    fmpq * cq;
    arb_ptr c;
    arb_t x, v;
    arf_t a;
    slong n, i;
    int ok = 1, sign = 0, s;

    fmpq_poly_init(Ex);
    fmpq_poly_init(Dx);
    fmpq_poly_init(D2x);
    arb_init(x);
    arb_init(v);
    arf_init(a);

    _unroll_minimax_error_x(Ex, Dx, D2x, P, spec);
    n = FLINT_MAX(fmpq_poly_degree(Ex), 0);
    /* Clenshaw's rounding errors grow like (1 + sqrt 2)^n. */
    prec += (13 * n) / 10 + 16;
    cq = _fmpq_vec_init(n + 1);
    c = _arb_vec_init(n + 1);
    _unroll_minimax_cheb_from_mono(cq, Ex, n);
    for (i = 0; i <= n; i++)
        arb_set_fmpq(c + i, cq + i, prec);

    arf_pos_inf(lo);
    for (i = 0; i < t && ok; i++)
    {
        arb_set_d(x, ref[i]);
        _unroll_minimax_cheb_eval(v, c, n, x, prec);
        s = arb_is_positive(v) ? 1 : (arb_is_negative(v) ? -1 : 0);
        ok = s != 0 && s != sign && (i == 0 || ref[i] > ref[i - 1]);
        sign = s;
        arb_get_abs_lbound_arf(a, v, prec);
        if (arf_cmp(a, lo) < 0)
            arf_set(lo, a);
    }
    if (!ok)
        arf_zero(lo);

    _arb_vec_clear(c, n + 1);
    _fmpq_vec_clear(cq, n + 1);
    arf_clear(a);
    arb_clear(v);
    arb_clear(x);
    fmpq_poly_clear(D2x);
    fmpq_poly_clear(Dx);
    fmpq_poly_clear(Ex);
    return ok;
}
