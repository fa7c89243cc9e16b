#include "impl.h"

/* The Gegenbauer-Sobolev coefficients in ball arithmetic.  Exact
   coefficients grow by about nine digits per step, which makes long exact
   runs slow (seconds at T = 1000, minutes beyond); a numeric solver needs
   only the correctly rounded doubles, which balls of a few hundred bits
   decide.

   The sequences of sobolev.c are not run as they stand: pi_n alternates
   in sign, so pi_n = x0 pi_{n-1} - gamma_{n-1} pi_{n-2} subtracts, and
   ball radii would grow like 1.3^n while pi_n decays like 0.8^n.  Every
   quantity is instead carried relative to pi_n, through maps that
   contract errors:
     r_n = pi_n / pi_{n-1} = x0 - gamma_{n-1} / r_{n-1},
     rho_n / pi_n = 1 + e_n / (r_n r_{n-1}),
     u_n = sigma_n / pi_n = rho_n / pi_n - d_n u_{n-2} / (r_n r_{n-1}),
     Q_n = pi_n^2 / N_{n-1} = Q_{n-1} r_n^2 / gamma_{n-1},
   with d_n = e_n gamma_{n-2} / D_{n-2} and D_n = K_n / N_{n-1} as in the
   exact family, so that a_n = sigma_n^2 / K_n = u_n^2 Q_n / D_n. */

typedef struct
{
    arb_t x0;
    arb_t eta_x;
    arb_ptr r;      /* pi_n / pi_{n-1} */
    arb_ptr u;      /* sigma_n / pi_n */
    arb_ptr rho;    /* rho_n / pi_n */
    arb_ptr Q;      /* pi_n^2 / N_{n-1} */
    arb_ptr D;
    arb_ptr d;
    arb_ptr e;
    slong len;
}
seq_t;

static void
seq_init(seq_t * q, slong T)
{
    q->len = T + 1;
    arb_init(q->x0);
    arb_init(q->eta_x);
    q->r = _arb_vec_init(q->len);
    q->u = _arb_vec_init(q->len);
    q->rho = _arb_vec_init(q->len);
    q->Q = _arb_vec_init(q->len);
    q->D = _arb_vec_init(q->len);
    q->d = _arb_vec_init(q->len);
    q->e = _arb_vec_init(q->len);
}

static void
seq_clear(seq_t * q)
{
    arb_clear(q->x0);
    arb_clear(q->eta_x);
    _arb_vec_clear(q->r, q->len);
    _arb_vec_clear(q->u, q->len);
    _arb_vec_clear(q->rho, q->len);
    _arb_vec_clear(q->Q, q->len);
    _arb_vec_clear(q->D, q->len);
    _arb_vec_clear(q->d, q->len);
    _arb_vec_clear(q->e, q->len);
}

/* gamma_n and e_n are small exact rationals, rounded once. */
static void
small_terms(arb_t gam, arb_t e, const fmpq_t alpha, slong n, slong prec)
{
    fmpq_t g, a;

    fmpq_init(g);
    fmpq_init(a);

    _unroll_gegenbauer_gamma(g, alpha, n);
    arb_set_fmpq(gam, g, prec);
    if (n >= 3)
    {
        /* e_n = -n (n - 1) / (4 (n + alpha - 1) (n + alpha - 2)) */
        fmpq_add_si(g, alpha, n - 1);
        fmpq_add_si(a, alpha, n - 2);
        fmpq_mul(g, g, a);
        fmpq_mul_2exp(g, g, 2);
        fmpq_inv(g, g);
        fmpq_mul_si(g, g, -n * (n - 1));
        arb_set_fmpq(e, g, prec);
    }
    else
        arb_zero(e);

    fmpq_clear(a);
    fmpq_clear(g);
}

/* D_n = eta_x n^2 + gamma_n + (d_n - e_n) n / (n + 2 alpha - 2). */
static void
norm_ratio(arb_t D, const seq_t * q, const fmpq_t alpha, const arb_t gam,
           slong n, slong prec)
{
    fmpq_t r;
    arb_t t;

    fmpq_init(r);
    arb_init(t);

    arb_mul_si(D, q->eta_x, n * n, prec);
    arb_add(D, D, gam, prec);
    if (n >= 3)
    {
        fmpq_mul_2exp(r, alpha, 1);
        fmpq_add_si(r, r, n - 2);
        fmpq_inv(r, r);
        fmpq_mul_si(r, r, n);
        arb_sub(t, q->d + n, q->e + n, prec);
        arb_mul_fmpz(t, t, fmpq_numref(r), prec);
        arb_div_fmpz(t, t, fmpq_denref(r), prec);
        arb_add(D, D, t, prec);
    }

    arb_clear(t);
    fmpq_clear(r);
}

/* One step n >= 1 of the relative sequences (see the top of the file);
   rr = r_n r_{n-1} for n >= 2. */
static void
step(seq_t * q, const fmpq_t alpha, const arb_t gam, arb_t rr, slong n,
     slong prec)
{
    arb_t g, unused, t;

    arb_init(g);
    arb_init(unused);
    arb_init(t);

    if (n == 1)
    {
        arb_set(q->r + 1, q->x0);
        arb_sqr(q->Q + 1, q->x0, prec);
    }
    else
    {
        small_terms(g, unused, alpha, n - 1, prec);
        arb_div(t, g, q->r + n - 1, prec);
        arb_sub(q->r + n, q->x0, t, prec);
        arb_sqr(t, q->r + n, prec);
        arb_mul(t, t, q->Q + n - 1, prec);
        arb_div(q->Q + n, t, g, prec);
        arb_mul(rr, q->r + n, q->r + n - 1, prec);
    }

    arb_one(q->rho + n);
    if (n >= 3)
    {
        small_terms(g, unused, alpha, n - 2, prec);
        arb_mul(t, g, q->e + n, prec);
        arb_div(q->d + n, t, q->D + n - 2, prec);
        arb_div(t, q->e + n, rr, prec);
        arb_add(q->rho + n, q->rho + n, t, prec);
    }
    norm_ratio(q->D + n, q, alpha, gam, n, prec);

    arb_set(q->u + n, q->rho + n);
    if (n >= 3)
    {
        arb_mul(t, q->d + n, q->u + n - 2, prec);
        arb_div(t, t, rr, prec);
        arb_sub(q->u + n, q->u + n, t, prec);
    }

    arb_clear(t);
    arb_clear(unused);
    arb_clear(g);
}

static void
recurrences(seq_t * q, const fmpq_t alpha, slong T, slong prec)
{
    arb_t gam, rr;
    slong n;

    arb_init(gam);
    arb_init(rr);

    arb_one(q->u + 0);
    arb_one(q->D + 0);
    for (n = 1; n <= T; n++)
    {
        small_terms(gam, q->e + n, alpha, n, prec);
        step(q, alpha, gam, rr, n, prec);
    }

    arb_clear(rr);
    arb_clear(gam);
}

/* The scheme's coefficients: the Gegenbauer momentum h_t = -c / r_t,
   m_t = gamma_{t-1} / (r_t r_{t-1}), and the Sobolev stage
   c1 = 1 - rho_t / sigma_t, c2 = pi_t / sigma_t,
   c3 = -e_t pi_{t-2} / sigma_t, a_t = sigma_t^2 / K_t. */
static void
coefficients(unroll_scheme_t s, const seq_t * q, const fmpq_t alpha,
             const unroll_spectrum_t spec, slong T, slong prec)
{
    fmpq_t c;
    arb_t g, rr, unused;
    slong t;

    fmpq_init(c);
    arb_init(g);
    arb_init(rr);
    arb_init(unused);

    unroll_spectrum_scale(c, spec);
    for (t = 1; t <= T; t++)
    {
        arb_set_fmpq(g, c, prec);
        arb_div(g, g, q->r + t, prec);
        arb_neg(unroll_scheme_b(s, UNROLL_COEF_H, t), g);
        if (t >= 2)
        {
            arb_mul(rr, q->r + t, q->r + t - 1, prec);
            small_terms(g, unused, alpha, t - 1, prec);
            arb_div(unroll_scheme_b(s, UNROLL_COEF_M, t), g, rr, prec);
        }
        if (t >= 3)
        {
            arb_div(g, q->rho + t, q->u + t, prec);
            arb_sub_ui(g, g, 1, prec);
            arb_neg(unroll_scheme_b(s, UNROLL_COEF_C1, t), g);
            arb_inv(unroll_scheme_b(s, UNROLL_COEF_C2, t), q->u + t, prec);
            arb_mul(g, rr, q->u + t, prec);
            arb_div(g, q->e + t, g, prec);
            arb_neg(unroll_scheme_b(s, UNROLL_COEF_C3, t), g);
        }
        arb_sqr(g, q->u + t, prec);
        arb_mul(g, g, q->Q + t, prec);
        arb_div(unroll_scheme_b(s, UNROLL_COEF_a, t), g, q->D + t, prec);
        arb_add(unroll_scheme_b(s, UNROLL_COEF_A, t),
                unroll_scheme_b(s, UNROLL_COEF_A, t - 1),
                unroll_scheme_b(s, UNROLL_COEF_a, t), prec);
    }

    arb_clear(unused);
    arb_clear(rr);
    arb_clear(g);
    fmpq_clear(c);
}

int
unroll_family_sobolev_arb(unroll_scheme_t s, const unroll_spectrum_t spec,
                          const fmpq_t alpha, const fmpq_t eta, slong T,
                          slong prec)
{
    seq_t q;
    fmpq_t v;
    slong t;
    int status = UNROLL_SUCCESS;

    fmpq_init(v);
    seq_init(&q, T);

    unroll_spectrum_x0(v, spec);
    arb_set_fmpq(q.x0, v, prec);
    unroll_spectrum_scale(v, spec);
    fmpq_mul(v, v, v);
    fmpq_mul(v, v, eta);
    arb_set_fmpq(q.eta_x, v, prec);
    recurrences(&q, alpha, T, prec);

    /* A sigma_t that may vanish cannot normalise S_t(0) = 1 here: the
       exact family decides whether it really does. */
    for (t = 1; t <= T; t++)
        if (arb_contains_zero(q.u + t) || arb_contains_zero(q.r + t))
            status = UNROLL_UNABLE;

    unroll_scheme_fit(s, UNROLL_SCHEME_AVERAGED, 0, T, prec);
    if (status == UNROLL_SUCCESS)
        coefficients(s, &q, alpha, spec, T, prec);

    seq_clear(&q);
    fmpq_clear(v);
    return status;
}
