#include "impl.h"

void
_unroll_gegenbauer_gamma(fmpq_t res, const fmpq_t alpha, slong n)
{
    fmpq_t a, b;

    if (n == 1)
    {
        fmpq_add_ui(res, alpha, 1);
        fmpq_mul_2exp(res, res, 1);
        fmpq_inv(res, res);
        return;
    }

    fmpq_init(a);
    fmpq_init(b);

    /* numerator n (n + 2 alpha - 1), denominator 4 (n + alpha)
       (n + alpha - 1); the latter is nonzero for alpha > -1/2, n >= 2. */
    fmpq_mul_2exp(a, alpha, 1);
    fmpq_add_si(a, a, n - 1);
    fmpq_mul_si(a, a, n);
    fmpq_add_si(b, alpha, n);
    fmpq_add_si(res, alpha, n - 1);
    fmpq_mul(b, b, res);
    fmpq_mul_2exp(b, b, 2);
    fmpq_div(res, a, b);

    fmpq_clear(b);
    fmpq_clear(a);
}

void
_unroll_gegenbauer_pi(fmpq * pi, const fmpq_t alpha, const fmpq_t x0,
                      slong T)
{
    fmpq_t g;
    slong n;

    fmpq_init(g);

    fmpq_one(pi + 0);
    if (T >= 1)
        fmpq_set(pi + 1, x0);
    for (n = 1; n < T; n++)
    {
        _unroll_gegenbauer_gamma(g, alpha, n);
        fmpq_mul(g, g, pi + n - 1);
        fmpq_mul(pi + n + 1, x0, pi + n);
        fmpq_sub(pi + n + 1, pi + n + 1, g);
    }

    fmpq_clear(g);
}

void
_unroll_gegenbauer_coeffs(unroll_scheme_t s, const fmpq * pi,
                          const unroll_spectrum_t spec, const fmpq_t alpha,
                          slong T)
{
    fmpq_t c, g;
    slong t;

    if (T == 0)
        return;

    fmpq_init(c);
    fmpq_init(g);

    fmpq_add(c, &spec->L, &spec->l);
    fmpq_inv(c, c);
    fmpq_mul_2exp(unroll_scheme_q(s, UNROLL_COEF_H, 1), c, 1);

    /* pi_t never vanishes: x0 < -1 lies outside the interval that holds
       every zero of p_t. */
    unroll_spectrum_scale(c, spec);
    fmpq_neg(c, c);
    for (t = 2; t <= T; t++)
    {
        fmpq_div(g, pi + t - 1, pi + t);
        fmpq_mul(unroll_scheme_q(s, UNROLL_COEF_H, t), c, g);

        _unroll_gegenbauer_gamma(g, alpha, t - 1);
        fmpq_mul(g, g, pi + t - 2);
        fmpq_div(unroll_scheme_q(s, UNROLL_COEF_M, t), g, pi + t);
    }

    fmpq_clear(g);
    fmpq_clear(c);
}

void
unroll_family_gegenbauer(unroll_scheme_t s, const unroll_spectrum_t spec,
                         const fmpq_t alpha, slong T)
{
    fmpq * pi;
    fmpq_t x0;

    fmpq_init(x0);
    pi = _fmpq_vec_init(T + 1);

    unroll_scheme_fit(s, UNROLL_SCHEME_MOMENTUM, 1, T, 0);
    unroll_spectrum_x0(x0, spec);
    _unroll_gegenbauer_pi(pi, alpha, x0, T);
    _unroll_gegenbauer_coeffs(s, pi, spec, alpha, T);

    _fmpq_vec_clear(pi, T + 1);
    fmpq_clear(x0);
}
