#include "impl.h"

void
_unroll_minimax_fmpq_set_arf(fmpq_t res, const arf_t x)
{
    fmpz_t man, e;

    fmpz_init(man);
    fmpz_init(e);

    arf_get_fmpz_2exp(man, e, x);
    fmpz_set(fmpq_numref(res), man);
    fmpz_one(fmpq_denref(res));
    if (fmpz_sgn(e) >= 0)
        fmpq_mul_2exp(res, res, fmpz_get_ui(e));
    else
    {
        fmpz_neg(e, e);
        fmpq_div_2exp(res, res, fmpz_get_ui(e));
    }

    fmpz_clear(e);
    fmpz_clear(man);
}

void
_unroll_minimax_fmpq_set_d(fmpq_t res, double x)
{
    arf_t a;

    arf_init(a);
    arf_set_d(a, x);
    _unroll_minimax_fmpq_set_arf(res, a);
    arf_clear(a);
}

/* FLINT 2.9 has no _fmpq_vec_set or _fmpq_vec_zero. */
static void
vec_set(fmpq * r, const fmpq * a, slong n)
{
    slong i;

    for (i = 0; i < n; i++)
        fmpq_set(r + i, a + i);
}

/* Horner's rule in the Chebyshev basis: S <- x S + a_k, with
   x T_0 = T_1 and x T_j = (T_{j+1} + T_{j-1}) / 2, exact in Q. */
void
_unroll_minimax_cheb_from_mono(fmpq * c, const fmpq_poly_t p, slong n)
{
    fmpq * s;
    fmpq_t a;
    slong k, j, len = fmpq_poly_length(p);

    s = _fmpq_vec_init(n + 2);
    fmpq_init(a);

    for (k = len - 1; k >= 0; k--)
    {
        /* s <- x s, from the top so that s[j - 1] is still old. */
        for (j = 0; j <= n; j++)
            fmpq_zero(c + j);
        for (j = 0; j <= n; j++)
        {
            if (fmpq_is_zero(s + j))
                continue;
            if (j == 0)
                fmpq_add(c + 1, c + 1, s);
            else
            {
                fmpq_div_2exp(a, s + j, 1);
                if (j + 1 <= n)
                    fmpq_add(c + j + 1, c + j + 1, a);
                fmpq_add(c + j - 1, c + j - 1, a);
            }
        }
        fmpq_poly_get_coeff_fmpq(a, p, k);
        fmpq_add(c, c, a);
        vec_set(s, c, n + 1);
    }
    vec_set(c, s, n + 1);

    fmpq_clear(a);
    _fmpq_vec_clear(s, n + 2);
}

/* Clenshaw's recurrence b_k = c_k + 2 x b_{k+1} - b_{k+2} on
   polynomials: exact, O(n^2) rational operations. */
void
_unroll_minimax_mono_from_cheb(fmpq_poly_t p, const fmpq * c, slong n)
{
    fmpq_poly_t b1, b2, b;
    fmpq_t a;

    fmpq_poly_init(b1);
    fmpq_poly_init(b2);
    fmpq_poly_init(b);
    fmpq_init(a);

    for (; n >= 1; n--)
    {
        fmpq_poly_shift_left(b, b1, 1);
        fmpq_poly_scalar_mul_si(b, b, 2);
        fmpq_poly_sub(b, b, b2);
        fmpq_poly_get_coeff_fmpq(a, b, 0);
        fmpq_add(a, a, c + n);
        fmpq_poly_set_coeff_fmpq(b, 0, a);
        fmpq_poly_swap(b2, b1);
        fmpq_poly_swap(b1, b);
    }
    /* p = c_0 + x b1 - b2 */
    fmpq_poly_shift_left(p, b1, 1);
    fmpq_poly_sub(p, p, b2);
    fmpq_poly_get_coeff_fmpq(a, p, 0);
    fmpq_add(a, a, c);
    fmpq_poly_set_coeff_fmpq(p, 0, a);

    fmpq_clear(a);
    fmpq_poly_clear(b);
    fmpq_poly_clear(b2);
    fmpq_poly_clear(b1);
}

void
_unroll_minimax_cheb_eval(arb_t y, arb_srcptr c, slong n, const arb_t x,
                          slong prec)
{
    arb_t b1, b2, b;
    slong k;

    arb_init(b1);
    arb_init(b2);
    arb_init(b);

    for (k = n; k >= 1; k--)
    {
        arb_mul(b, x, b1, prec);
        arb_mul_2exp_si(b, b, 1);
        arb_sub(b, b, b2, prec);
        arb_add(b, b, c + k, prec);
        arb_swap(b2, b1);
        arb_swap(b1, b);
    }
    arb_mul(y, x, b1, prec);
    arb_sub(y, y, b2, prec);
    arb_add(y, y, c, prec);

    arb_clear(b);
    arb_clear(b2);
    arb_clear(b1);
}
