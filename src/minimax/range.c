#include "impl.h"

#if UNROLL_HAVE_FLINT3
#include <flint/acb.h>
#else
#include <acb.h>
#endif

/* The squarefree integer polynomial with the roots of g: the numerator
   of g divided by its gcd with its derivative (complex root isolation
   needs simple roots). */
static void
squarefree_numerator(fmpz_poly_t h, const fmpq_poly_t g)
{
    fmpz_poly_t d, q;

    fmpz_poly_init(d);
    fmpz_poly_init(q);

    fmpq_poly_get_numerator(h, g);
    fmpz_poly_derivative(d, h);
    fmpz_poly_gcd(d, h, d);
    if (fmpz_poly_degree(d) > 0)
    {
        fmpz_poly_div(q, h, d);
        fmpz_poly_swap(h, q);
    }

    fmpz_poly_clear(q);
    fmpz_poly_clear(d);
}

/* Folds the values of f at one candidate into the running enclosures
   of max f and min f: vlo is attained at a point of [-1, 1] and bounds
   the maximum from below (the minimum from above); vhi encloses the
   value at the critical point and bounds them from the other side. */
static void
fold(arf_t maxlo, arf_t maxhi, arf_t minlo, arf_t minhi, const arb_t vlo,
     const arb_t vhi, int first)
{
    arf_t a, b;

    arf_init(a);
    arf_init(b);
    arb_get_lbound_arf(a, vlo, ARF_PREC_EXACT);
    arb_get_ubound_arf(b, vhi, ARF_PREC_EXACT);
    if (first || arf_cmp(a, maxlo) > 0)
        arf_set(maxlo, a);
    if (first || arf_cmp(b, maxhi) > 0)
        arf_set(maxhi, b);
    arb_get_lbound_arf(a, vhi, ARF_PREC_EXACT);
    arb_get_ubound_arf(b, vlo, ARF_PREC_EXACT);
    if (first || arf_cmp(a, minlo) < 0)
        arf_set(minlo, a);
    if (first || arf_cmp(b, minhi) < 0)
        arf_set(minhi, b);
    arf_clear(b);
    arf_clear(a);
}

/* The real roots of g that may lie in [-1, 1], as balls clipped to
   [-1, 1]. */
slong
_unroll_minimax_critical(arb_ptr pts, const fmpq_poly_t g, slong rprec,
                         slong prec)
{
    fmpz_poly_t h;
    acb_ptr r;
    arf_t a, b, m1, p1;
    slong d, i, n = 0;

    fmpz_poly_init(h);
    arf_init(a);
    arf_init(b);
    arf_init(m1);
    arf_init(p1);
    arf_set_si(m1, -1);
    arf_one(p1);

    squarefree_numerator(h, g);
    d = fmpz_poly_degree(h);
    r = _acb_vec_init(FLINT_MAX(d, 1));
    if (d >= 1)
        arb_fmpz_poly_complex_roots(r, h, 0, rprec);
    for (i = 0; i < d && arb_is_zero(acb_imagref(r + i)); i++)
    {
        arb_get_lbound_arf(a, acb_realref(r + i), prec);
        arb_get_ubound_arf(b, acb_realref(r + i), prec);
        if (arf_cmp(b, m1) < 0 || arf_cmp(a, p1) > 0)
            continue;
        if (arf_cmp(a, m1) < 0)
            arf_set(a, m1);
        if (arf_cmp(b, p1) > 0)
            arf_set(b, p1);
        arb_set_interval_arf(pts + n, a, b, prec);
        n++;
    }

    _acb_vec_clear(r, FLINT_MAX(d, 1));
    arf_clear(p1);
    arf_clear(m1);
    arf_clear(b);
    arf_clear(a);
    fmpz_poly_clear(h);
    return n;
}

/* Second-order mean-value form: the critical point z in the ball
   m +- r has f'(z) = 0, so |f'(m)| <= r S2 and |f(z) - f(m)| <=
   (3/2) r^2 S2, where S2 = sum k^2 (k^2 - 1) |c_k| / 3 bounds |f''| on
   [-1, 1] (Markov's bound for T_k'').  Evaluating f at the exact point
   m only also avoids the exponential radius growth of Clenshaw's
   recurrence on a ball (its majorant grows like (1 + sqrt 2)^k); the
   rounding errors meet that growth too, which the working precision
   absorbs (about 1.3 bits per degree).  vlo is f(m), vhi the enclosure
   of f(z). */
static void
eval_ball(arb_t vlo, arb_t vhi, arb_srcptr c, slong n, const mag_t s2,
          const arb_t x, slong prec)
{
    arb_t m;
    mag_t r;

    arb_init(m);
    mag_init(r);

    arf_set(arb_midref(m), arb_midref(x));
    mag_zero(arb_radref(m));
    _unroll_minimax_cheb_eval(vlo, c, n, m, prec);
    mag_mul(r, arb_radref(x), arb_radref(x));
    mag_mul(r, r, s2);
    mag_mul_ui(r, r, 3);
    mag_mul_2exp_si(r, r, -1);
    arb_set(vhi, vlo);
    arb_add_error_mag(vhi, r);

    mag_clear(r);
    arb_clear(m);
}

/* The maximum of f on [-1, 1] is at +-1 or at a real root of f' in
   (-1, 1); every such root lies in one of the critical balls pts, so
   the enclosures of f there bound the maximum from above, and the values
   at the midpoints (points of [-1, 1]) bound it from below.  A ball
   whose root lies outside [-1, 1] only adds a candidate.  The same holds
   for the minimum. */
void
_unroll_minimax_range(arb_t fmax, arb_t fmin, const fmpq_poly_t f,
                      arb_srcptr pts, slong np, slong prec)
{
    slong n = FLINT_MAX(fmpq_poly_degree(f), 0), i;
    slong wp = prec + (13 * n) / 10 + 16;
    fmpq * cq;
    arb_ptr c;
    arb_t x, vlo, vhi;
    mag_t s2, a;
    arf_t maxlo, maxhi, minlo, minhi;

    cq = _fmpq_vec_init(n + 1);
    c = _arb_vec_init(n + 1);
    arb_init(x);
    arb_init(vlo);
    arb_init(vhi);
    mag_init(s2);
    mag_init(a);
    arf_init(maxlo);
    arf_init(maxhi);
    arf_init(minlo);
    arf_init(minhi);

    _unroll_minimax_cheb_from_mono(cq, f, n);
    for (i = 0; i <= n; i++)
    {
        arb_set_fmpq(c + i, cq + i, wp);
        arb_get_mag(a, c + i);
        mag_mul_ui(a, a, (ulong) (i * i) * (ulong) (i * i));
        mag_div_ui(a, a, 3);
        mag_add(s2, s2, a);
    }
    for (i = -2; i < np; i++)
    {
        if (i < 0)
            arb_set_si(x, 2 * i + 3);
        else
            arb_set(x, pts + i);
        eval_ball(vlo, vhi, c, n, s2, x, wp);
        fold(maxlo, maxhi, minlo, minhi, vlo, vhi, i == -2);
    }
    arb_set_interval_arf(fmax, maxlo, maxhi, prec);
    arb_set_interval_arf(fmin, minlo, minhi, prec);

    arf_clear(minhi);
    arf_clear(minlo);
    arf_clear(maxhi);
    arf_clear(maxlo);
    mag_clear(a);
    mag_clear(s2);
    arb_clear(vhi);
    arb_clear(vlo);
    arb_clear(x);
    _arb_vec_clear(c, n + 1);
    _fmpq_vec_clear(cq, n + 1);
}
