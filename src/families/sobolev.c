#include "impl.h"

void
_unroll_sobolev_seq_init(_unroll_sobolev_seq_t q, slong T)
{
    q->len = T + 1;
    q->N = _fmpq_vec_init(q->len);
    q->pi = _fmpq_vec_init(q->len);
    q->e = _fmpq_vec_init(q->len);
    q->d = _fmpq_vec_init(q->len);
    q->K = _fmpq_vec_init(q->len);
    q->sigma = _fmpq_vec_init(q->len);
    q->rho = _fmpq_vec_init(q->len);
    q->D = _fmpq_vec_init(q->len);
}

void
_unroll_sobolev_seq_clear(_unroll_sobolev_seq_t q)
{
    _fmpq_vec_clear(q->N, q->len);
    _fmpq_vec_clear(q->pi, q->len);
    _fmpq_vec_clear(q->e, q->len);
    _fmpq_vec_clear(q->d, q->len);
    _fmpq_vec_clear(q->K, q->len);
    _fmpq_vec_clear(q->sigma, q->len);
    _fmpq_vec_clear(q->rho, q->len);
    _fmpq_vec_clear(q->D, q->len);
}

/* e_n = -n (n - 1) / (4 (n + alpha - 1) (n + alpha - 2)) for n >= 3: the
   multiple of p_{n-2} that makes R_n = p_n + e_n p_{n-2} satisfy
   R_n' = n p_{n-1}. */
static void
structural_e(fmpq_t res, const fmpq_t alpha, slong n)
{
    fmpq_t a;

    fmpq_init(a);

    fmpq_add_si(res, alpha, n - 1);
    fmpq_add_si(a, alpha, n - 2);
    fmpq_mul(res, res, a);
    fmpq_mul_2exp(res, res, 2);
    fmpq_inv(res, res);
    fmpq_mul_si(res, res, -n * (n - 1));

    fmpq_clear(a);
}

/* D_n = K_n / N_{n-1} = eta_x n^2 + gamma_n + (d_n - e_n) n /
   (n + 2 alpha - 2), the last term only for n >= 3 (n + 2 alpha - 2 > 0
   there since alpha > -1/2).  It follows from K_n = N_n + eta_x n^2
   N_{n-1} + e_n N_{n-2} (e_n - d_n) and e_n / gamma_{n-1} =
   -n / (n + 2 alpha - 2). */
static void
norm_ratio(fmpq_t D, const fmpq_t alpha, const fmpq_t eta_x,
           const fmpq_t gam, const fmpq_t e, const fmpq_t d, slong n)
{
    fmpq_t r;

    fmpq_init(r);

    if (n >= 3)
    {
        fmpq_mul_2exp(r, alpha, 1);
        fmpq_add_si(r, r, n - 2);
        fmpq_inv(r, r);
        fmpq_mul_si(r, r, n);
        fmpq_sub(D, d, e);
        fmpq_mul(r, r, D);
    }
    fmpq_mul_si(D, eta_x, n * n);
    fmpq_add(D, D, gam);
    fmpq_add(D, D, r);

    fmpq_clear(r);
}

/* The norm-free recurrence: d_n = e_n N_{n-2} / K_{n-2} (from
   <s_n, s_{n-2}> = 0) is e_n gamma_{n-2} / D_{n-2}, and K_n = N_{n-1} D_n.
   Each step combines the one large rational D_{n-2} with small ones, so
   no large gcd is needed for d_n; sigma_n = rho_n - d_n sigma_{n-2} with
   rho_n = pi_n + e_n pi_{n-2}. */
static void
norms(_unroll_sobolev_seq_t q, const fmpq_t alpha, const fmpq_t eta_x,
      const fmpq_t x0, slong T)
{
    fmpq * D = q->D;
    fmpq_t g, tmp;
    slong n;

    fmpq_init(g);
    fmpq_init(tmp);

    _unroll_gegenbauer_pi(q->pi, alpha, x0, T);
    fmpq_one(q->N + 0);
    fmpq_one(q->K + 0);
    fmpq_one(q->D + 0);
    fmpq_one(q->rho + 0);
    fmpq_one(q->sigma + 0);
    for (n = 1; n <= T; n++)
    {
        _unroll_gegenbauer_gamma(g, alpha, n);
        fmpq_mul(q->N + n, q->N + n - 1, g);
        fmpq_set(q->rho + n, q->pi + n);
        if (n >= 3)
        {
            structural_e(q->e + n, alpha, n);
            _unroll_gegenbauer_gamma(tmp, alpha, n - 2);
            fmpq_mul(tmp, tmp, q->e + n);
            fmpq_div(q->d + n, tmp, D + n - 2);
            fmpq_addmul(q->rho + n, q->e + n, q->pi + n - 2);
        }
        norm_ratio(D + n, alpha, eta_x, g, q->e + n, q->d + n, n);
        fmpq_mul(q->K + n, q->N + n - 1, D + n);

        fmpq_set(q->sigma + n, q->rho + n);
        if (n >= 3)
            fmpq_submul(q->sigma + n, q->d + n, q->sigma + n - 2);
    }

    fmpq_clear(tmp);
    fmpq_clear(g);
}

/* c1_t = -d_t sigma_{t-2} / sigma_t, c2_t = pi_t / sigma_t,
   c3_t = -e_t pi_{t-2} / sigma_t, a_t = sigma_t^2 / K_t, A_t = A_{t-1} +
   a_t.  Since sigma_t = rho_t - d_t sigma_{t-2}, c1_t = 1 - rho_t /
   sigma_t: every quotient by the large sigma_t then has a numerator of
   moderate size (pi, rho), which keeps the gcds of canonicalisation
   cheap.  sigma_t^2 is canonical as it stands.  For t <= 2, S_t = Q_t and
   the neutral c1 = c3 = 0, c2 = 1 of unroll_scheme_fit stay. */
static void
stage_coeffs(unroll_scheme_t s, const _unroll_sobolev_seq_t q, slong T)
{
    fmpq_t inv, tmp;
    slong t;

    fmpq_init(inv);
    fmpq_init(tmp);

    for (t = 1; t <= T; t++)
    {
        if (t >= 3)
        {
            fmpq_inv(inv, q->sigma + t);
            fmpq_mul(tmp, q->rho + t, inv);
            fmpq_sub_si(unroll_scheme_q(s, UNROLL_COEF_C1, t), tmp, 1);
            fmpq_neg(unroll_scheme_q(s, UNROLL_COEF_C1, t),
                     unroll_scheme_q(s, UNROLL_COEF_C1, t));
            fmpq_mul(unroll_scheme_q(s, UNROLL_COEF_C2, t), q->pi + t, inv);
            fmpq_mul(tmp, q->e + t, q->pi + t - 2);
            fmpq_neg(tmp, tmp);
            fmpq_mul(unroll_scheme_q(s, UNROLL_COEF_C3, t), tmp, inv);
        }

        fmpz_mul(fmpq_numref(tmp), fmpq_numref(q->sigma + t),
                 fmpq_numref(q->sigma + t));
        fmpz_mul(fmpq_denref(tmp), fmpq_denref(q->sigma + t),
                 fmpq_denref(q->sigma + t));
        fmpq_div(unroll_scheme_q(s, UNROLL_COEF_a, t), tmp, q->K + t);
        fmpq_add(unroll_scheme_q(s, UNROLL_COEF_A, t),
                 unroll_scheme_q(s, UNROLL_COEF_A, t - 1),
                 unroll_scheme_q(s, UNROLL_COEF_a, t));
    }

    fmpq_clear(tmp);
    fmpq_clear(inv);
}

int
_unroll_sobolev_seq_compute(_unroll_sobolev_seq_t q,
                            const unroll_spectrum_t spec, const fmpq_t alpha,
                            const fmpq_t eta, slong T)
{
    fmpq_t x0, eta_x;
    slong t;
    int status = UNROLL_SUCCESS;

    fmpq_init(x0);
    fmpq_init(eta_x);

    unroll_spectrum_x0(x0, spec);
    unroll_spectrum_scale(eta_x, spec);
    fmpq_mul(eta_x, eta_x, eta_x);
    fmpq_mul(eta_x, eta_x, eta);
    norms(q, alpha, eta_x, x0, T);

    for (t = 0; t <= T; t++)
        if (fmpq_is_zero(q->sigma + t))
            status = UNROLL_DOMAIN;

    fmpq_clear(eta_x);
    fmpq_clear(x0);
    return status;
}

int
unroll_family_sobolev(unroll_scheme_t s, const unroll_spectrum_t spec,
                      const fmpq_t alpha, const fmpq_t eta, slong T)
{
    _unroll_sobolev_seq_t q;
    int status;

    _unroll_sobolev_seq_init(q, T);

    status = _unroll_sobolev_seq_compute(q, spec, alpha, eta, T);
    unroll_scheme_fit(s, UNROLL_SCHEME_AVERAGED, 1, T, 0);
    if (status == UNROLL_SUCCESS)
    {
        _unroll_gegenbauer_coeffs(s, q->pi, spec, alpha, T);
        stage_coeffs(s, q, T);
    }

    _unroll_sobolev_seq_clear(q);
    return status;
}
