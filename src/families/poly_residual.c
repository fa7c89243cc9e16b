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
    variable and one normalisation P(0) = 1.  A single p_t needs even
    less: its differential equation gives its Taylor coefficients at x0,
    which are the lambda coefficients up to powers of c, in O(t) integer
    operations.
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

/* eps_j = e_{j+2} u_j u_{j+1}. */
static void
structure_eps(fmpq_t eps, const fmpq * e, const fmpz * u, slong j)
{
    fmpq_mul_fmpz(eps, e + j + 2, u + j);
    fmpq_mul_fmpz(eps, eps, u + j + 1);
}

/* Integer numerators C_j with sum_j g_j p_j = (sum_j C_j hat p_j) / den
   for some den > 0, where g_j = beta_j + e_{j+2} beta_{j+2} (e = NULL:
   g = beta).  With b_j = beta_j / D_j and eps_j = e_{j+2} D_{j+2} / D_j =
   e_{j+2} u_j u_{j+1}, g_j / D_j = b_j + eps_j b_{j+2}: the one lcm of
   large denominators is taken over the b_j, and the small eps_j cost
   only products by small integers. */
static void
common_numerators(fmpz * C, const fmpq * beta, const fmpq * e,
                  const fmpz * u, const fmpz * D, slong t)
{
    fmpq * b = _fmpq_vec_init(t + 1);
    fmpq_t eps;
    fmpz_t den, M, k;
    slong j;

    fmpq_init(eps);
    fmpz_init(den);
    fmpz_init(M);
    fmpz_init(k);

    fmpz_one(den);
    for (j = 0; j <= t; j++)
    {
        fmpq_div_fmpz(b + j, beta + j, D + j);
        if (!fmpz_is_one(fmpq_denref(b + j)))
            fmpz_lcm(den, den, fmpq_denref(b + j));
    }
    for (j = 0; j <= t; j++)
    {
        fmpz_divexact(k, den, fmpq_denref(b + j));
        fmpz_mul(C + j, fmpq_numref(b + j), k);
    }

    fmpz_one(M);
    for (j = 0; e != NULL && j + 2 <= t; j++)
    {
        structure_eps(eps, e, u, j);
        fmpz_lcm(M, M, fmpq_denref(eps));
    }
    for (j = 0; e != NULL && j <= t; j++)
    {
        fmpz_mul(C + j, C + j, M);
        if (j + 2 > t)
            continue;
        structure_eps(eps, e, u, j);
        fmpz_divexact(k, M, fmpq_denref(eps));
        fmpz_mul(k, k, fmpq_numref(eps));
        fmpz_addmul(C + j, k, C + j + 2);
    }

    fmpz_clear(k);
    fmpz_clear(M);
    fmpz_clear(den);
    fmpq_clear(eps);
    _fmpq_vec_clear(b, t + 1);
}

/* f = sum_{j <= t} C_j hat p_j by Clenshaw's recurrence
   b_j = C_j + u_j x b_{j+1} - v_{j+1} b_{j+2}, f = b_0: t steps of
   integer vector operations, each a product by a small integer.  b_j
   overwrites b_{j+2} in place, so two buffers suffice, and v = 1 (the
   common case) costs a negation, which moves no limbs. */
static void
clenshaw(fmpz_poly_t f, const fmpz * C, const fmpz * u, const fmpz * v,
         slong t)
{
    fmpz * b1 = _fmpz_vec_init(t + 1);
    fmpz * b2 = _fmpz_vec_init(t + 1);
    fmpz * tmp;
    fmpz_t w;
    slong j, len;

    fmpz_init(w);

    /* b1 = b_{j+1} has length t - j, b2 = b_{j+2} length t - j - 1;
       entries past a length are zero. */
    for (j = t; j >= 0; j--)
    {
        len = t - j;
        if (len >= 2 && fmpz_is_one(v + j + 1))
            _fmpz_vec_neg(b2, b2, len - 1);
        else if (len >= 2)
        {
            fmpz_neg(w, v + j + 1);
            _fmpz_vec_scalar_mul_fmpz(b2, b2, len - 1, w);
        }
        _fmpz_vec_scalar_addmul_fmpz(b2 + 1, b1, len, u + j);
        fmpz_add(b2, b2, C + j);
        tmp = b1;
        b1 = b2;
        b2 = tmp;
    }

    fmpz_poly_fit_length(f, t + 1);
    _fmpz_vec_swap(f->coeffs, b1, t + 1);
    _fmpz_poly_set_length(f, t + 1);
    _fmpz_poly_normalise(f);

    fmpz_clear(w);
    _fmpz_vec_clear(b2, t + 1);
    _fmpz_vec_clear(b1, t + 1);
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

/* Coordinates beta_m of a Sobolev stage on R_m = p_m + e_m p_{m-2}
   (R_m = p_m for m <= 2), up to a nonzero factor that the normalisation
   P(0) = 1 removes.  From s_n = R_n - d_n s_{n-2}, the coordinates obey
   beta_m = x_m - d_{m+2} beta_{m+2}: stage z has beta_t = 1 and x = 0,
   stage x sums every s_n (n <= t) with weight w_n = sigma_n / K_n, so
   x_m = w_m.  With d_{m+2} = e_{m+2} gamma_m / D_m and K_m = N_{m-1} D_m
   (m >= 1), beta_m = (sigma_m / N_{m-1} - e_{m+2} gamma_m beta_{m+2}) /
   D_m: one division by the large D_m per step, the other factors being
   small or of moderate size. */
static void
sobolev_coords(fmpq * beta, const _unroll_sobolev_seq_t q,
               const fmpq_t alpha, slong t, int stage)
{
    fmpq_t x, y;
    slong m;

    fmpq_init(x);
    fmpq_init(y);

    fmpq_one(beta + t);
    for (m = t - (stage == UNROLL_STAGE_Z); m >= 1; m--)
    {
        fmpq_zero(x);
        if (m + 2 <= t)
        {
            _unroll_gegenbauer_gamma(x, alpha, m);
            fmpq_mul(x, x, q->e + m + 2);
            fmpq_mul(x, x, beta + m + 2);
            fmpq_neg(x, x);
        }
        if (stage == UNROLL_STAGE_X)
        {
            fmpq_div(y, q->sigma + m, q->N + m - 1);
            fmpq_add(x, x, y);
        }
        fmpq_div(beta + m, x, q->D + m);
    }
    /* d_2 = 0: beta_0 = x_0, that is w_0 = 1 for stage x. */
    if (t >= 1)
    {
        if (stage == UNROLL_STAGE_X)
            fmpq_one(beta + 0);
        else
            fmpq_zero(beta + 0);
    }

    fmpq_clear(y);
    fmpq_clear(x);
}

/* E = x_d^t hat p_t(x0) and E' = x_d^(t-1) hat p_t'(x0), integers for
   x0 = x_n / x_d, from the integer recurrence and its derivative
   hat p'_{n+1} = u_n (hat p_n + x hat p'_n) - v_n hat p'_{n-1}. */
static void
value_and_slope(fmpz_t E, fmpz_t dE, const fmpz * u, const fmpz * v,
                const fmpz_t xn, const fmpz_t xd, slong t)
{
    fmpz_t E0, dE0, xd2, a;
    slong n;

    fmpz_init(E0);
    fmpz_init(dE0);
    fmpz_init(xd2);
    fmpz_init(a);

    fmpz_mul(xd2, xd, xd);
    fmpz_one(E0);
    fmpz_set(E, xn);
    fmpz_one(dE);
    for (n = 1; n < t; n++)
    {
        /* (E, E0) <- (E_{n+1}, E_n), same for the slopes. */
        fmpz_mul(a, xn, dE);
        fmpz_add(a, a, E);
        fmpz_mul(a, a, u + n);
        fmpz_mul(dE0, dE0, v + n);
        fmpz_submul(a, dE0, xd2);
        fmpz_swap(dE0, dE);
        fmpz_swap(dE, a);

        fmpz_mul(a, xn, E);
        fmpz_mul(a, a, u + n);
        fmpz_mul(E0, E0, v + n);
        fmpz_submul(a, E0, xd2);
        fmpz_swap(E0, E);
        fmpz_swap(E, a);
    }

    fmpz_clear(a);
    fmpz_clear(xd2);
    fmpz_clear(dE0);
    fmpz_clear(E0);
}

/* b_k *= z^k for k = 0..t (z^(t-k) when reverse), z > 0; shifts when z
   is a power of two. */
static void
scale_powers(fmpz * b, const fmpz_t z, slong t, int reverse)
{
    fmpz_t r;
    ulong e = fmpz_val2(z);
    int pow2 = fmpz_bits(z) == e + 1;
    slong k, i;

    if (fmpz_is_one(z))
        return;

    fmpz_init(r);

    fmpz_one(r);
    for (k = 1; k <= t; k++)
    {
        i = reverse ? t - k : k;
        if (pow2)
            fmpz_mul_2exp(b + i, b + i, e * (ulong) k);
        else
        {
            fmpz_mul(r, r, z);
            fmpz_mul(b + i, b + i, r);
        }
    }

    fmpz_clear(r);
}

/* Q_t = p_t(phi(lambda)) / p_t(x0) by its Taylor expansion at x0, in
   O(t) operations on integers.  p_t solves (1 - x^2) y'' - (2 alpha + 1)
   x y' + t (t + 2 alpha) y = 0, so its Taylor coefficients a_k at x0 obey
   (1 - x0^2) (k + 1) (k + 2) a_{k+2} = (2k + 2 alpha + 1) x0 (k + 1)
   a_{k+1} - (t - k) (t + k + 2 alpha) a_k.  For the integer polynomial
   hat p_t, b_k = x_d^(t-k) a_k is an integer, so the recurrence, cleared
   of the denominators of x0 and alpha, divides exactly.  Then the lambda
   coefficients are a_k c^k / a_0 = b_k (x_d c)^k / b_0. */
static void
momentum_taylor(fmpq_poly_t P, const fmpz * u, const fmpz * v,
                const fmpq_t x0, const fmpq_t c, const fmpq_t alpha,
                slong t)
{
    const fmpz * xn = fmpq_numref(x0), * xd = fmpq_denref(x0);
    const fmpz * an = fmpq_numref(alpha), * ad = fmpq_denref(alpha);
    fmpz * b = _fmpz_vec_init(t + 1);
    fmpz_t r, p, q, den;
    fmpq_t rho;
    slong k;

    fmpq_init(rho);
    fmpz_init(r);
    fmpz_init(p);
    fmpz_init(q);
    fmpz_init(den);

    value_and_slope(b + 0, b + 1, u, v, xn, xd, t);
    fmpz_mul(den, xd, xd);
    fmpz_submul(den, xn, xn);
    fmpz_mul(den, den, ad);
    for (k = 0; k + 2 <= t; k++)
    {
        /* p = (2k + 1) ad + 2 an, q = (t - k) ((t + k) ad + 2 an). */
        fmpz_mul_si(p, ad, 2 * k + 1);
        fmpz_addmul_ui(p, an, 2);
        fmpz_mul(p, p, xn);
        fmpz_mul_si(p, p, k + 1);
        fmpz_mul_si(q, ad, t + k);
        fmpz_addmul_ui(q, an, 2);
        fmpz_mul_si(q, q, t - k);
        fmpz_mul(r, p, b + k + 1);
        fmpz_submul(r, q, b + k);
        fmpz_mul_si(q, den, (k + 1) * (k + 2));
        fmpz_divexact(b + k + 2, r, q);
    }

    /* b_k rho^k / b_0 with rho = x_d c = rn / rd: b_k rn^k rd^(t-k) over
       b_0 rd^t.  Often rd = 1 and rn a power of two (x_d = den(c)). */
    fmpq_mul_fmpz(rho, c, xd);
    scale_powers(b, fmpq_numref(rho), t, 0);
    scale_powers(b, fmpq_denref(rho), t, 1);
    fmpz_set(den, b + 0);
    fmpq_poly_fit_length(P, t + 1);
    _fmpq_poly_set_length(P, t + 1);
    _fmpz_vec_swap(P->coeffs, b, t + 1);
    fmpz_one(P->den);
    fmpq_poly_scalar_div_fmpz(P, P, den);

    fmpz_clear(den);
    fmpz_clear(q);
    fmpz_clear(p);
    fmpz_clear(r);
    fmpq_clear(rho);
    _fmpz_vec_clear(b, t + 1);
}

/* The structured path.  A single Gegenbauer polynomial (the momentum
   families, and stage y of sobolev) goes by its Taylor expansion at x0;
   the Sobolev stages z and x by their coordinates beta on R_m, Clenshaw
   and the change of variable.  alpha is 0 for Chebyshev.  q is NULL for
   the momentum families. */
static int
structured(fmpq_poly_t P, const unroll_spectrum_t spec, const fmpq_t alpha,
           const _unroll_sobolev_seq_t q, slong t, int stage)
{
    fmpq * beta = _fmpq_vec_init(t + 1);
    fmpz * u = _fmpz_vec_init(t + 1);
    fmpz * v = _fmpz_vec_init(t + 1);
    fmpz * D = _fmpz_vec_init(t + 1);
    fmpz * C = _fmpz_vec_init(t + 1);
    fmpz_poly_t f;
    fmpq_t x0, c;
    int status = UNROLL_SUCCESS;

    fmpz_poly_init(f);
    fmpq_init(x0);
    fmpq_init(c);

    integer_recurrence(u, v, D, alpha, t);
    unroll_spectrum_x0(x0, spec);
    unroll_spectrum_scale(c, spec);
    if (t == 0)
        fmpq_poly_one(P);
    else if (q == NULL || stage == UNROLL_STAGE_Y)
        momentum_taylor(P, u, v, x0, c, alpha, t);
    else
    {
        sobolev_coords(beta, q, alpha, t, stage);
        common_numerators(C, beta, q->e, u, D, t);
        clenshaw(f, C, u, v, t);
        status = to_lambda(P, f, spec);
    }

    fmpq_clear(c);
    fmpq_clear(x0);
    fmpz_poly_clear(f);
    _fmpz_vec_clear(C, t + 1);
    _fmpz_vec_clear(D, t + 1);
    _fmpz_vec_clear(v, t + 1);
    _fmpz_vec_clear(u, t + 1);
    _fmpq_vec_clear(beta, t + 1);
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
