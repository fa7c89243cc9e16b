#include "unroll/families.h"
#include "unroll/minimax.h"

/* The optimal P_T is realised on the Chebyshev method of [0, L]:
   y_t has residual Y_t(lambda) = (-1)^t T_t(2 lambda / L - 1), bounded
   by 1 on [0, L] (h_1 = 2 / L; h_t = 4 / L and m_t = 1 for t >= 2, the
   Chebyshev coefficients with l = 0), z = y, and x_T = sum_k w_k y_k is
   the expansion of P_T in the Y_k.  The weights stay of the size of P
   on [0, L], so the average does not amplify rounding errors, unlike
   an expansion in the Chebyshev residuals of [l, L], whose weights grow
   like xi^-k and cancel.  a_k = w_k / w_0 and A_k = (w_0 + ... + w_k) /
   w_0, so that a_0 = A_0 = 1. */
static int
set_weights(unroll_scheme_t s, const fmpq * w, slong T, char * msg)
{
    slong k;

    if (fmpq_is_zero(w))
    {
        unroll_arith_msg(msg, "minimax: w_0 = 0, no averaged form");
        return UNROLL_UNABLE;
    }
    for (k = 1; k <= T; k++)
    {
        fmpq_div(unroll_scheme_q(s, UNROLL_COEF_a, k), w + k, w);
        fmpq_add(unroll_scheme_q(s, UNROLL_COEF_A, k),
                 unroll_scheme_q(s, UNROLL_COEF_A, k - 1),
                 unroll_scheme_q(s, UNROLL_COEF_a, k));
        if (fmpq_is_zero(unroll_scheme_q(s, UNROLL_COEF_A, k)))
        {
            unroll_arith_msg(msg, "minimax: a partial sum of the weights "
                             "vanishes at t = %ld", (long) k);
            return UNROLL_UNABLE;
        }
    }
    return UNROLL_SUCCESS;
}

static void
set_steps(unroll_scheme_t s, const unroll_spectrum_t spec, slong T)
{
    slong k;

    if (T >= 1)
    {
        fmpq_inv(unroll_scheme_q(s, UNROLL_COEF_H, 1), &spec->L);
        fmpq_mul_2exp(unroll_scheme_q(s, UNROLL_COEF_H, 1),
                      unroll_scheme_q(s, UNROLL_COEF_H, 1), 1);
    }
    for (k = 2; k <= T; k++)
    {
        fmpq_mul_2exp(unroll_scheme_q(s, UNROLL_COEF_H, k),
                      unroll_scheme_q(s, UNROLL_COEF_H, 1), 1);
        fmpq_one(unroll_scheme_q(s, UNROLL_COEF_M, k));
    }
}

int
unroll_family_minimax(unroll_scheme_t s, const unroll_spectrum_t spec,
                      const fmpq_t rho, slong T, char * msg)
{
    fmpq_poly_t P;
    fmpq * w;
    int status = UNROLL_SUCCESS;

    unroll_scheme_fit(s, UNROLL_SCHEME_AVERAGED, 1, T, 0);
    if (T == 0)
        return UNROLL_SUCCESS;

    fmpq_poly_init(P);
    w = _fmpq_vec_init(T + 1);

    status = unroll_minimax_poly(P, spec, T, rho, msg);
    if (status == UNROLL_SUCCESS)
    {
        unroll_minimax_weights(w, P, spec, T);
        set_steps(s, spec, T);
        status = set_weights(s, w, T, msg);
    }

    _fmpq_vec_clear(w, T + 1);
    fmpq_poly_clear(P);
    return status;
}
