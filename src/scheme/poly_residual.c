#include "unroll/scheme.h"

/* One momentum step on residual polynomials:
   Q_new = (1 + m - h lambda) Q1 - m Q2, where Q1 = Q_{t-1}, Q2 = Q_{t-2}.
   tmp is scratch. */
static void
momentum_step(fmpq_poly_t Qnew, const fmpq_poly_t Q1, const fmpq_poly_t Q2,
              const fmpq_t h, const fmpq_t m, fmpq_poly_t tmp)
{
    fmpq_t one_m;

    fmpq_init(one_m);

    fmpq_add_ui(one_m, m, 1);
    fmpq_poly_shift_left(tmp, Q1, 1);
    fmpq_poly_scalar_mul_fmpq(tmp, tmp, h);
    fmpq_poly_scalar_mul_fmpq(Qnew, Q1, one_m);
    fmpq_poly_sub(Qnew, Qnew, tmp);
    fmpq_poly_scalar_mul_fmpq(tmp, Q2, m);
    fmpq_poly_sub(Qnew, Qnew, tmp);

    fmpq_clear(one_m);
}

/* z_t = c1 z_{t-2} + c2 y_t - c3 y_{t-2} and
   x_t = (A_{t-1} x_{t-1} + a_t z_t) / A_t. */
static void
average_step(fmpq_poly_t Znew, fmpq_poly_t X, const fmpq_poly_t Z2,
             const fmpq_poly_t Y, const fmpq_poly_t Y2,
             const unroll_scheme_t s, slong t, fmpq_poly_t tmp)
{
    fmpq_poly_scalar_mul_fmpq(Znew, Z2, unroll_scheme_q(s, UNROLL_COEF_C1,
                                                         t));
    fmpq_poly_scalar_mul_fmpq(tmp, Y, unroll_scheme_q(s, UNROLL_COEF_C2, t));
    fmpq_poly_add(Znew, Znew, tmp);
    fmpq_poly_scalar_mul_fmpq(tmp, Y2, unroll_scheme_q(s, UNROLL_COEF_C3,
                                                        t));
    fmpq_poly_sub(Znew, Znew, tmp);

    fmpq_poly_scalar_mul_fmpq(X, X, unroll_scheme_q(s, UNROLL_COEF_A,
                                                     t - 1));
    fmpq_poly_scalar_mul_fmpq(tmp, Znew, unroll_scheme_q(s, UNROLL_COEF_a,
                                                          t));
    fmpq_poly_add(X, X, tmp);
    fmpq_poly_scalar_div_fmpq(X, X, unroll_scheme_q(s, UNROLL_COEF_A, t));
}

void
unroll_scheme_poly_residual(fmpq_poly_t P, const unroll_scheme_t s,
                            slong t, int stage)
{
    fmpq_poly_t y1, y2, yn, z1, z2, zn, x, tmp;
    slong k;

    if (!s->exact || t < 0 || t > s->T || t > UNROLL_T_MAX_EXACT)
        flint_abort();

    fmpq_poly_init(y1);
    fmpq_poly_init(y2);
    fmpq_poly_init(yn);
    fmpq_poly_init(z1);
    fmpq_poly_init(z2);
    fmpq_poly_init(zn);
    fmpq_poly_init(x);
    fmpq_poly_init(tmp);
    fmpq_poly_one(y1);
    fmpq_poly_one(y2);
    fmpq_poly_one(z1);
    fmpq_poly_one(z2);
    fmpq_poly_one(x);

    /* At the top of step k: y1 = y_{k-1}, y2 = y_{k-2}, z1 = z_{k-1},
       z2 = z_{k-2} and x = x_{k-1}. */
    for (k = 1; k <= t; k++)
    {
        momentum_step(yn, y1, y2, unroll_scheme_q(s, UNROLL_COEF_H, k),
                      unroll_scheme_q(s, UNROLL_COEF_M, k), tmp);
        if (s->kind == UNROLL_SCHEME_AVERAGED)
        {
            average_step(zn, x, z2, yn, y2, s, k, tmp);
            fmpq_poly_swap(z2, z1);
            fmpq_poly_swap(z1, zn);
        }
        fmpq_poly_swap(y2, y1);
        fmpq_poly_swap(y1, yn);
    }

    if (s->kind == UNROLL_SCHEME_MOMENTUM || stage == UNROLL_STAGE_Y)
        fmpq_poly_swap(P, y1);
    else if (stage == UNROLL_STAGE_Z)
        fmpq_poly_swap(P, z1);
    else
        fmpq_poly_swap(P, x);

    fmpq_poly_clear(tmp);
    fmpq_poly_clear(x);
    fmpq_poly_clear(zn);
    fmpq_poly_clear(z2);
    fmpq_poly_clear(z1);
    fmpq_poly_clear(yn);
    fmpq_poly_clear(y2);
    fmpq_poly_clear(y1);
}
