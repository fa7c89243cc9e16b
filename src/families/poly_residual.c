#include "impl.h"

/*
    The structured families are orthogonal-polynomial constructions in the
    variable x = phi(lambda) = c lambda + x0, where their polynomials are
    monic with small coefficients.  Every residual polynomial of these
    families is a combination sum_j g_j p_j(x) of the monic Gegenbauer
    polynomials of the density (alpha = 0 for Chebyshev):

      Q_t = p_t / pi_t;
      S_t = s_t / sigma_t with s_t = sum_k (-d_t)...(-d_{t-2k+2}) R_{t-2k}
            and R_n = p_n + e_n p_{n-2}, from s_n = R_n - d_n s_{n-2};
      P*_t = sum_n (sigma_n / K_n) s_n / A_t, as a_n S_n = sigma_n s_n / K_n.

    So the work is: the scalars g_j (O(t) rational operations), one
    Clenshaw summation over integer-scaled p_j with small integer
    multipliers (nothing canonicalised per step), one affine change of
    variable and one normalisation P(0) = 1.
*/

/* The integer form of the Gegenbauer recurrence: with D_0 = D_1 = 1 and
   D_{n+1} = u_n D_n, the polynomials hat p_n = D_n p_n have integer
   coefficients and satisfy hat p_{n+1} = u_n x hat p_n - v_n hat p_{n-1},
   where u_0 = 1 and, for gamma_n = g / h in lowest terms,
   u_n = h / gcd(h, u_{n-1} g) (the least multiplier that clears the
   denominator of v_n = u_n u_{n-1} gamma_n).  u and v have t + 1 entries,
   D has t + 1 entries (v_0 unused). */
static void
integer_recurrence(fmpz * u, fmpz * v, fmpz * D, const fmpq_t alpha,
                   slong t)
{
    fmpq_t gam;
    fmpz_t g;
    slong n;

    fmpq_init(gam);
    fmpz_init(g);

    fmpz_one(u + 0);
    fmpz_one(D + 0);
    if (t >= 1)
        fmpz_one(D + 1);
    for (n = 1; n <= t; n++)
    {
        _unroll_gegenbauer_gamma(gam, alpha, n);
        fmpz_mul(g, u + n - 1, fmpq_numref(gam));
        fmpz_gcd(g, g, fmpq_denref(gam));
        fmpz_divexact(u + n, fmpq_denref(gam), g);
        fmpz_mul(v + n, u + n, u + n - 1);
        fmpz_mul(v + n, v + n, fmpq_numref(gam));
        fmpz_divexact(v + n, v + n, fmpq_denref(gam));
        if (n < t)
            fmpz_mul(D + n + 1, D + n, u + n);
    }

    fmpz_clear(g);
    fmpq_clear(gam);
}

/* Integer numerators C_j with sum_j g_j p_j = (sum_j C_j hat p_j) / den
   for some den > 0: C_j = (g_j / D_j) * lcm of all denominators. */
static void
common_numerators(fmpz * C, const fmpq * g, const fmpz * D, slong t)
{
    fmpq * c = _fmpq_vec_init(t + 1);
    fmpz_t den, q;
    slong j;

    fmpz_init(den);
    fmpz_init(q);

    fmpz_one(den);
    for (j = 0; j <= t; j++)
    {
        fmpq_div_fmpz(c + j, g + j, D + j);
        if (!fmpz_is_one(fmpq_denref(c + j)))
            fmpz_lcm(den, den, fmpq_denref(c + j));
    }
    for (j = 0; j <= t; j++)
    {
        fmpz_divexact(q, den, fmpq_denref(c + j));
        fmpz_mul(C + j, fmpq_numref(c + j), q);
    }

    fmpz_clear(q);
    fmpz_clear(den);
    _fmpq_vec_clear(c, t + 1);
}

/* f = sum_{j <= t} C_j hat p_j by Clenshaw's recurrence
   b_j = C_j + u_j x b_{j+1} - v_{j+1} b_{j+2}, f = b_0: t steps of
   integer vector operations, each a product by a small integer. */
static void
clenshaw(fmpz_poly_t f, const fmpz * C, const fmpz * u, const fmpz * v,
         slong t)
{
    fmpz * b[3];
    slong j, len;
    int i0 = 0, i1 = 1, i2 = 2, tmp;

    for (j = 0; j < 3; j++)
        b[j] = _fmpz_vec_init(t + 1);

    /* b[i1] = b_{j+1} has length t - j, b[i2] = b_{j+2} length t - j - 1;
       entries past a length are zero. */
    for (j = t; j >= 0; j--)
    {
        len = t - j;
        fmpz_set(b[i0], C + j);
        _fmpz_vec_scalar_mul_fmpz(b[i0] + 1, b[i1], len, u + j);
        if (len >= 2)
            _fmpz_vec_scalar_submul_fmpz(b[i0], b[i2], len - 1, v + j + 1);
        tmp = i2;
        i2 = i1;
        i1 = i0;
        i0 = tmp;
    }

    fmpz_poly_fit_length(f, t + 1);
    _fmpz_vec_swap(f->coeffs, b[i1], t + 1);
    _fmpz_poly_set_length(f, t + 1);
    _fmpz_poly_normalise(f);

    for (j = 0; j < 3; j++)
        _fmpz_vec_clear(b[j], t + 1);
}

/* P(lambda) = f(c lambda + x0) / f(x0).  With x = (A lambda + B) / q in
   integers, q^n f(x) = sum_k f_k q^(n-k) (A lambda + B)^k: scale by
   powers of q, shift by B, scale coefficient k by A^k; the factor q^n
   cancels in the normalisation.  Returns UNROLL_DOMAIN if f(x0) = 0. */
static int
to_lambda(fmpq_poly_t P, fmpz_poly_t f, const unroll_spectrum_t spec)
{
    fmpq_t c, x0;
    fmpz_t q, A, B, pw;
    slong k, n = fmpz_poly_degree(f);
    int status = UNROLL_SUCCESS;

    fmpq_init(c);
    fmpq_init(x0);
    fmpz_init(q);
    fmpz_init(A);
    fmpz_init(B);
    fmpz_init(pw);

    unroll_spectrum_scale(c, spec);
    unroll_spectrum_x0(x0, spec);
    fmpz_lcm(q, fmpq_denref(c), fmpq_denref(x0));
    fmpz_divexact(A, q, fmpq_denref(c));
    fmpz_mul(A, A, fmpq_numref(c));
    fmpz_divexact(B, q, fmpq_denref(x0));
    fmpz_mul(B, B, fmpq_numref(x0));

    fmpz_one(pw);
    for (k = n - 1; k >= 0; k--)
    {
        fmpz_mul(pw, pw, q);
        fmpz_mul(f->coeffs + k, f->coeffs + k, pw);
    }
    fmpz_poly_taylor_shift(f, f, B);
    fmpz_one(pw);
    for (k = 1; k <= n; k++)
    {
        fmpz_mul(pw, pw, A);
        fmpz_mul(f->coeffs + k, f->coeffs + k, pw);
    }

    if (n < 0 || fmpz_is_zero(f->coeffs + 0))
        status = UNROLL_DOMAIN;
    else
    {
        fmpq_poly_set_fmpz_poly(P, f);
        fmpq_poly_scalar_div_fmpz(P, P, f->coeffs + 0);
    }

    fmpz_clear(pw);
    fmpz_clear(B);
    fmpz_clear(A);
    fmpz_clear(q);
    fmpq_clear(x0);
    fmpq_clear(c);
    return status;
}

/* Gegenbauer coordinates of the Sobolev stages, up to a nonzero factor
   that the normalisation P(0) = 1 removes.  With beta_m the coefficient of
   R_m, g_j = beta_j + e_{j+2} beta_{j+2}.  Stage z: beta_t = 1 and
   beta_m = -d_{m+2} beta_{m+2}.  Stage x: beta_m = w_m - d_{m+2}
   beta_{m+2} with w_m = sigma_m / K_m, summing every s_n, n <= t. */
static void
sobolev_coords(fmpq * g, const _unroll_sobolev_seq_t q, slong t, int stage)
{
    fmpq * beta = _fmpq_vec_init(t + 3);
    fmpq_t w;
    slong m;

    fmpq_init(w);

    for (m = t; m >= 0; m--)
    {
        if (m + 2 <= t)
        {
            fmpq_mul(beta + m, q->d + m + 2, beta + m + 2);
            fmpq_neg(beta + m, beta + m);
        }
        if (stage == UNROLL_STAGE_X)
        {
            fmpq_div(w, q->sigma + m, q->K + m);
            fmpq_add(beta + m, beta + m, w);
        }
        else if (m == t)
            fmpq_one(beta + m);
    }
    for (m = 0; m <= t; m++)
    {
        fmpq_set(g + m, beta + m);
        if (m + 2 <= t)
            fmpq_addmul(g + m, q->e + m + 2, beta + m + 2);
    }

    fmpq_clear(w);
    _fmpq_vec_clear(beta, t + 3);
}

/* The structured path: Gegenbauer coordinates g, then Clenshaw and the
   change of variable.  alpha is 0 for Chebyshev.  q is NULL for the
   momentum families (the polynomial is Q_t at every stage). */
static int
structured(fmpq_poly_t P, const unroll_spectrum_t spec, const fmpq_t alpha,
           const _unroll_sobolev_seq_t q, slong t, int stage)
{
    fmpq * g = _fmpq_vec_init(t + 1);
    fmpz * u = _fmpz_vec_init(t + 1);
    fmpz * v = _fmpz_vec_init(t + 1);
    fmpz * D = _fmpz_vec_init(t + 1);
    fmpz * C = _fmpz_vec_init(t + 1);
    fmpz_poly_t f;
    int status;

    fmpz_poly_init(f);

    if (q == NULL || stage == UNROLL_STAGE_Y)
        fmpq_one(g + t);
    else
        sobolev_coords(g, q, t, stage);
    integer_recurrence(u, v, D, alpha, t);
    common_numerators(C, g, D, t);
    clenshaw(f, C, u, v, t);
    status = to_lambda(P, f, spec);

    fmpz_poly_clear(f);
    _fmpz_vec_clear(C, t + 1);
    _fmpz_vec_clear(D, t + 1);
    _fmpz_vec_clear(v, t + 1);
    _fmpz_vec_clear(u, t + 1);
    _fmpq_vec_clear(g, t + 1);
    return status;
}

/* Every other family: build the scheme and run the interpreter. */
static int
generic(fmpq_poly_t P, const unroll_method_t meth, slong t, int stage,
        char * msg)
{
    unroll_scheme_t s;
    int status;

    unroll_scheme_init(s);

    status = unroll_method_scheme(s, meth, t, 64, msg);
    if (status == UNROLL_SUCCESS && !s->exact)
    {
        unroll_arith_msg(msg, "method %s has irrational coefficients: no "
                         "exact polynomial", unroll_family_name(meth->family));
        status = UNROLL_DOMAIN;
    }
    if (status == UNROLL_SUCCESS)
        unroll_scheme_poly_residual(P, s, t, stage);

    unroll_scheme_clear(s);
    return status;
}

int
unroll_method_poly_residual(fmpq_poly_t P, const unroll_method_t meth,
                            slong t, int stage, char * msg)
{
    _unroll_sobolev_seq_t q;
    fmpq_t zero;
    int status, f = meth->family;

    if (f != UNROLL_FAMILY_CHEBYSHEV && f != UNROLL_FAMILY_GEGENBAUER
        && f != UNROLL_FAMILY_SOBOLEV)
        return generic(P, meth, t, stage, msg);

    status = unroll_method_check(meth, msg);
    if (status != UNROLL_SUCCESS)
        return status;
    if (t < 0 || t > UNROLL_T_MAX_EXACT)
    {
        unroll_arith_msg(msg, "t must lie in 0..%d", UNROLL_T_MAX_EXACT);
        return UNROLL_DOMAIN;
    }

    fmpq_init(zero);
    if (f == UNROLL_FAMILY_CHEBYSHEV)
        status = structured(P, &meth->spec, zero, NULL, t, stage);
    else if (f == UNROLL_FAMILY_GEGENBAUER)
        status = structured(P, &meth->spec, &meth->alpha, NULL, t, stage);
    else
    {
        _unroll_sobolev_seq_init(q, t);
        status = _unroll_sobolev_seq_compute(q, &meth->spec, &meth->alpha,
                                             &meth->eta, t);
        if (status == UNROLL_SUCCESS)
            status = structured(P, &meth->spec, &meth->alpha, q, t, stage);
        _unroll_sobolev_seq_clear(q);
    }
    fmpq_clear(zero);

    if (status != UNROLL_SUCCESS)
        unroll_arith_msg(msg, "S_t(0) = 0 for some t: the Sobolev "
                              "polynomials cannot be normalised");
    return status;
}
