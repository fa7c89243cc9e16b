#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "impl.h"

#if UNROLL_HAVE_FLINT3
#include <flint/arb_mat.h>
#else
#include <arb_mat.h>
#endif

/* rho > 0: minimise max |E| + rho max |P'| over residual P of degree t.
   E'(x0) = 0 makes E' = (x - x0) G in x with G free of degree t - 2, so
   with Et = E e0 (e0 = 1 / J scales the optimum to J = 1) the problem
   is the linear programme

     max e0 = Et(x0)  subject to  |Et| <= u, |Ds| <= v, u + rho v <= 1,
     Et(x) = ec + int_{-1}^x (v - x0) G,  Ds(x) = K - c int_{-1}^x G,

   where Ds = e0 P' and G = sum g_k T_k; every entry is a Chebyshev
   quantity on [-1, 1] of size O(1), only the objective is large.  The
   constraints are imposed on a finite set of points, exchanged until
   the maxima over [-1, 1] agree with the programme (as Remez does);
   a dual feasible point of the final programme, recomputed in ball
   arithmetic, certifies 1 / J* <= its value. */

#define MIX_MAXIT 40
#define MIX_TOL 1e-12
#define MIX_ACCEPT 1e-10
#define MIX_GRID 16

/* Row kinds of the programme at one point, and the norm row. */
enum { ROW_EP = 0, ROW_EM, ROW_DP, ROW_DM, ROW_NORM };

typedef struct
{
    slong t;
    slong n;        /* variables: g_0..g_{t-2}, ec, K, u, v */
    double x0;
    double c;
    double rho;
}
mix_t;

/* psi_j = int_{-1}^x T_j and phi_k = int_{-1}^x (v - x0) T_k, for
   j, k <= t - 2 (psi up to t - 1 is needed by phi). */
static void
basis_d(double * phi, double * psi, double * T, const mix_t * p, double x)
{
    slong j, t = p->t;

    T[0] = 1.0;
    T[1] = x;
    for (j = 2; j <= t + 1; j++)
        T[j] = 2.0 * x * T[j - 1] - T[j - 2];
    psi[0] = x + 1.0;
    if (t >= 2)
        psi[1] = (x * x - 1.0) / 2.0;
    for (j = 2; j <= t - 1; j++)
        psi[j] = (T[j + 1] / (j + 1) - T[j - 1] / (j - 1)) / 2.0
                 - ((j % 2 ? 1.0 : -1.0) / (j + 1)
                    - (j % 2 ? 1.0 : -1.0) / (j - 1)) / 2.0;
    for (j = 0; j <= t - 2; j++)
        phi[j] = (j == 0 ? psi[1] : (psi[j + 1] + psi[j - 1]) / 2.0)
                 - p->x0 * psi[j];
}

/* Et(x) and Ds(x) of the solution z. */
static void
solution_at(double * e, double * d, double * work, const double * z,
            const mix_t * p, double x)
{
    double * phi = work, * psi = work + p->t + 2, * T = psi + p->t + 2;
    slong k;

    basis_d(phi, psi, T, p, x);
    *e = z[p->t - 1];
    *d = z[p->t];
    for (k = 0; k <= p->t - 2; k++)
    {
        *e += z[k] * phi[k];
        *d -= p->c * z[k] * psi[k];
    }
}

/* Row r of the constraint matrix A (A z <= b) for point x and kind,
   written into column `col` of M = A^T (n x m, row-major). */
static void
put_row(double * M, slong m, slong col, double * work, const mix_t * p,
        double x, int kind)
{
    double * phi = work, * psi = work + p->t + 2, * T = psi + p->t + 2;
    double s = (kind == ROW_EP || kind == ROW_DP) ? 1.0 : -1.0;
    slong k, n = p->n;

    for (k = 0; k < n; k++)
        M[k * m + col] = 0.0;
    if (kind == ROW_NORM)
    {
        M[(n - 2) * m + col] = 1.0;
        M[(n - 1) * m + col] = p->rho;
        return;
    }
    basis_d(phi, psi, T, p, x);
    for (k = 0; k <= p->t - 2; k++)
        M[k * m + col] = kind <= ROW_EM ? s * phi[k] : -s * p->c * psi[k];
    if (kind <= ROW_EM)
    {
        M[(p->t - 1) * m + col] = s;
        M[(n - 2) * m + col] = -1.0;
    }
    else
    {
        M[p->t * m + col] = s;
        M[(n - 1) * m + col] = -1.0;
    }
}

/* The programme on the points pts[0..np-1]: z (n) and the basis. */
static int
solve_lp(double * z, slong * basis, const double * pts, slong np,
         const mix_t * p, double * work)
{
    slong m = 4 * np + 1, n = p->n, j, k;
    double * M, * rhs, * cost, * sc, big = 0.0;
    int status;

    M = flint_malloc(sizeof(double) * (n * m + 2 * n + m));
    rhs = M + n * m;
    cost = rhs + n;
    sc = cost + m;
    for (j = 0; j < np; j++)
        for (k = 0; k < 4; k++)
            put_row(M, m, 4 * j + k, work, p, pts[j], (int) k);
    put_row(M, m, m - 1, work, p, 0.0, ROW_NORM);
    for (j = 0; j < m; j++)
        cost[j] = j == m - 1 ? 1.0 : 0.0;
    /* the objective Et(x0): phi_k(x0), 1 for ec */
    basis_d(work, work + p->t + 2, work + 2 * (p->t + 2), p, p->x0);
    for (k = 0; k < n; k++)
        rhs[k] = k <= p->t - 2 ? work[k] : (k == p->t - 1 ? 1.0 : 0.0);
    for (k = 0; k < n; k++)
        big = fmax(big, fabs(rhs[k]));
    /* equilibrate the equations (rows of M): row k scaled by sc[k]
       scales multiplier k by 1 / sc[k] */
    for (k = 0; k < n; k++)
    {
        sc[k] = 0.0;
        for (j = 0; j < m; j++)
            sc[k] = fmax(sc[k], fabs(M[k * m + j]));
        sc[k] = sc[k] > 0.0 ? 1.0 / sc[k] : 1.0;
        for (j = 0; j < m; j++)
            M[k * m + j] *= sc[k];
        rhs[k] *= sc[k] / big;
    }
    status = _unroll_minimax_lp(z, basis, M, rhs, cost, n, m);
    for (k = 0; k < n; k++)
        z[k] *= sc[k];
    flint_free(M);
    return status;
}

/* Local maxima of |f| on a grid uniform in angle, refined by golden
   section inside their bracket; f is Et (which = 0) or Ds (1).  Appends
   to out and returns the new count; *top is the largest |f|. */
static slong
local_maxima(double * out, slong n, double * top, const double * z,
             const mix_t * p, double * work, int which)
{
    slong N = MIX_GRID * (p->t + 1), j, it;
    double v[3], e, d, a, b, x1, x2, f1, f2, g = 0.6180339887498949;

    *top = 0.0;
    for (j = 0; j <= N; j++)
    {
        for (it = -1; it <= 1; it++)
        {
            solution_at(&e, &d, work, z, p,
                        -cos(3.141592653589793 * FLINT_MIN(FLINT_MAX(j + it,
                                                     0), N) / N));
            v[it + 1] = fabs(which ? d : e);
        }
        if (!(v[1] >= v[0] && v[1] >= v[2]) || v[1] == 0.0)
            continue;
        a = -cos(3.141592653589793 * FLINT_MAX(j - 1, 0) / N);
        b = -cos(3.141592653589793 * FLINT_MIN(j + 1, N) / N);
        for (it = 0; it < 60 && j > 0 && j < N; it++)
        {
            x1 = b - g * (b - a);
            x2 = a + g * (b - a);
            solution_at(&e, &d, work, z, p, x1);
            f1 = fabs(which ? d : e);
            solution_at(&e, &d, work, z, p, x2);
            f2 = fabs(which ? d : e);
            if (f1 >= f2)
                b = x2;
            else
                a = x1;
        }
        out[n] = (j == 0 || j == N) ? -cos(3.141592653589793 * j / N)
                                    : (a + b) / 2.0;
        solution_at(&e, &d, work, z, p, out[n]);
        *top = fmax(*top, fabs(which ? d : e));
        n++;
    }
    return n;
}

static int
cmp_double(const void * a, const void * b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

/* Sorts pts and removes repeated points; returns the new count. */
static slong
unique(double * pts, slong np)
{
    slong i, k = 0;

    qsort(pts, np, sizeof(double), cmp_double);
    for (i = 0; i < np; i++)
        if (k == 0 || pts[i] != pts[k - 1])
            pts[k++] = pts[i];
    return k;
}

/* The programme's solution, basis and points after a successful solve,
   kept while the exchange tries the next point set. */
typedef struct
{
    double * z;
    slong * basis;
    double * pts;
    slong np;
    double spread;
}
kept_t;

static void
keep(kept_t * k, const double * z, const slong * basis, const double * pts,
     slong np, slong n, double spread)
{
    memcpy(k->z, z, n * sizeof(double));
    memcpy(k->basis, basis, n * sizeof(slong));
    memcpy(k->pts, pts, np * sizeof(double));
    k->np = np;
    k->spread = spread;
}

/* One step: solve on pts, collect the points of the basic rows and the
   local maxima of |Et| and |Ds| into next; returns the spread
   max |Et| + rho max |Ds| - 1 (the programme makes it 0 on pts), or a
   negative value when the simplex fails. */
static double
exchange_step(double * z, slong * basis, double * next, slong * nnext,
              const double * pts, slong np, const mix_t * p, double * work)
{
    double emax, dmax;
    slong j, k = 0;

    if (solve_lp(z, basis, pts, np, p, work) != UNROLL_SUCCESS)
        return -1.0;
    for (j = 0; j < p->n; j++)
        if (basis[j] < 4 * np)
            next[k++] = pts[basis[j] / 4];
    k = local_maxima(next, k, &emax, z, p, work, 0);
    k = local_maxima(next, k, &dmax, z, p, work, 1);
    *nnext = unique(next, k);
    return fmax(emax + p->rho * dmax - 1.0, 0.0);
}

/* The exchange, from a grid of 4 (t + 1) + 1 points, until the spread is
   below MIX_TOL or has not improved for four steps (the simplex works in
   double precision); the best programme is kept, and
   accepted if its spread is below MIX_ACCEPT.  On success k holds the
   final solution, basis and points. */
static int
exchange(kept_t * k, slong * iters, const mix_t * p, double * work,
         char * msg)
{
    slong N = MIX_GRID * (p->t + 1), it, j, nn, np = 4 * (p->t + 1) + 1;
    slong stale, cap = 4 * (N + 1) + 4 * p->n;
    double * pts = flint_malloc(sizeof(double) * (2 * cap + p->n));
    double * next = pts + cap, * z = next + cap, spread;
    slong * basis = flint_malloc(sizeof(slong) * p->n);

    for (j = 0; j < np; j++)
        pts[j] = -cos(3.141592653589793 * j / (np - 1));
    k->spread = HUGE_VAL;
    for (it = 0, stale = 0; it < MIX_MAXIT && k->spread >= MIX_TOL
                            && stale < 4; it++)
    {
        spread = exchange_step(z, basis, next, &nn, pts, np, p, work);
        if (spread < 0.0)
            break;
        stale = spread < k->spread ? 0 : stale + 1;
        if (spread < k->spread)
            keep(k, z, basis, pts, np, p->n, spread);
        np = nn;
        memcpy(pts, next, nn * sizeof(double));
    }
    *iters = it;
    flint_free(basis);
    flint_free(pts);
    if (k->spread < MIX_ACCEPT)
        return UNROLL_SUCCESS;
    unroll_arith_msg(msg, "exchange for rho > 0 failed at t = %ld (spread "
                     "%.3g)", (long) p->t, k->spread);
    return UNROLL_UNABLE;
}

/* The exact residual polynomial of the solution z (its binary values
   read as exact rationals): Et and Ds as in the programme, then
   P' = Ds / Et(x0) and P = 1 + (1/c) int_{x0}^x P'. */
static int
exact_poly(fmpq_poly_t P, const double * z, const unroll_spectrum_t spec,
           slong t)
{
    fmpq * g;
    fmpq_t c, x0, e0, one;
    fmpq_poly_t G, W, lin;
    slong k;
    int status = UNROLL_SUCCESS;

    g = _fmpq_vec_init(t + 1);
    fmpq_init(c);
    fmpq_init(x0);
    fmpq_init(e0);
    fmpq_init(one);
    fmpq_poly_init(G);
    fmpq_poly_init(W);
    fmpq_poly_init(lin);

    unroll_spectrum_scale(c, spec);
    unroll_spectrum_x0(x0, spec);
    for (k = 0; k <= t; k++)
        _unroll_minimax_fmpq_set_d(g + k, z[k]);
    if (t >= 2)
        _unroll_minimax_mono_from_cheb(G, g, t - 2);
    fmpq_set_si(one, -1, 1);
    fmpq_poly_set_coeff_si(lin, 1, 1);
    fmpq_neg(e0, x0);
    fmpq_poly_set_coeff_fmpq(lin, 0, e0);
    fmpq_poly_mul(W, G, lin);
    _unroll_minimax_integral_from(W, W, one);
    fmpq_poly_add_fmpq(W, W, g + t - 1);         /* Et */
    fmpq_poly_evaluate_fmpq(e0, W, x0);
    _unroll_minimax_integral_from(G, G, one);
    fmpq_poly_scalar_mul_fmpq(G, G, c);
    fmpq_poly_neg(G, G);
    fmpq_poly_add_fmpq(G, G, g + t);              /* Ds */
    if (fmpq_sgn(e0) <= 0)
        status = UNROLL_UNABLE;
    else
    {
        fmpq_mul(e0, e0, c);
        fmpq_poly_scalar_div_fmpq(G, G, e0);
        _unroll_minimax_integral_from(P, G, x0);
        fmpq_poly_add_si(P, P, 1);
        fmpq_poly_set_coeff_fmpq(lin, 1, c);
        fmpq_poly_set_coeff_fmpq(lin, 0, x0);
        fmpq_poly_compose(P, P, lin);
    }

    fmpq_poly_clear(lin);
    fmpq_poly_clear(W);
    fmpq_poly_clear(G);
    fmpq_clear(one);
    fmpq_clear(e0);
    fmpq_clear(x0);
    fmpq_clear(c);
    _fmpq_vec_clear(g, t + 1);
    return status;
}

/* basis_d in ball arithmetic, for exact x, x0 (balls). */
static void
basis_arb(arb_ptr phi, arb_ptr psi, arb_ptr T, const arb_t x,
          const arb_t x0, slong t, slong prec)
{
    arb_t a, b;
    slong j;

    arb_init(a);
    arb_init(b);
    arb_one(T);
    arb_set(T + 1, x);
    for (j = 2; j <= t + 1; j++)
    {
        arb_mul(a, x, T + j - 1, prec);
        arb_mul_2exp_si(a, a, 1);
        arb_sub(T + j, a, T + j - 2, prec);
    }
    arb_add_si(psi, x, 1, prec);
    if (t >= 2)
    {
        arb_mul(a, x, x, prec);
        arb_sub_si(a, a, 1, prec);
        arb_mul_2exp_si(psi + 1, a, -1);
    }
    for (j = 2; j <= t - 1; j++)
    {
        /* (T_{j+1} - s) / (j + 1) - (T_{j-1} - s) / (j - 1), halved,
           with s = T_{j+1}(-1) = T_{j-1}(-1) = (-1)^{j+1} */
        arb_sub_si(a, T + j + 1, j % 2 ? 1 : -1, prec);
        arb_div_si(a, a, j + 1, prec);
        arb_sub_si(b, T + j - 1, j % 2 ? 1 : -1, prec);
        arb_div_si(b, b, j - 1, prec);
        arb_sub(a, a, b, prec);
        arb_mul_2exp_si(psi + j, a, -1);
    }
    for (j = 0; j <= t - 2; j++)
    {
        if (j == 0)
            arb_set(a, psi + 1);
        else
        {
            arb_add(a, psi + j + 1, psi + j - 1, prec);
            arb_mul_2exp_si(a, a, -1);
        }
        arb_submul(a, x0, psi + j, prec);
        arb_set(phi + j, a);
    }
    arb_clear(b);
    arb_clear(a);
}

/* Row basis[r] of A as column r of A_B^T, in ball arithmetic. */
static void
put_row_arb(arb_mat_t A, slong r, arb_ptr work, const mix_t * p,
            const arb_t x, const arb_t x0, const arb_t c, const arb_t rho,
            int kind, slong prec)
{
    arb_ptr phi = work, psi = work + p->t + 2, T = psi + p->t + 2;
    slong k, n = p->n, s = (kind == ROW_EP || kind == ROW_DP) ? 1 : -1;

    for (k = 0; k < n; k++)
        arb_zero(arb_mat_entry(A, k, r));
    if (kind == ROW_NORM)
    {
        arb_one(arb_mat_entry(A, n - 2, r));
        arb_set(arb_mat_entry(A, n - 1, r), rho);
        return;
    }
    basis_arb(phi, psi, T, x, x0, p->t, prec);
    for (k = 0; k <= p->t - 2; k++)
    {
        if (kind <= ROW_EM)
            arb_mul_si(arb_mat_entry(A, k, r), phi + k, s, prec);
        else
        {
            arb_mul(arb_mat_entry(A, k, r), psi + k, c, prec);
            arb_mul_si(arb_mat_entry(A, k, r), arb_mat_entry(A, k, r), -s,
                       prec);
        }
    }
    arb_set_si(arb_mat_entry(A, kind <= ROW_EM ? p->t - 1 : p->t, r), s);
    arb_set_si(arb_mat_entry(A, kind <= ROW_EM ? n - 2 : n - 1, r), -1);
}

/* Weak duality: y >= 0 with A_B^T y = (objective) gives, for every
   feasible z, Et(x0) = y^T A_B z <= y^T b_B = y_norm, so J* >= 1 /
   y_norm.  y is the exact solution of the square system, enclosed by
   ball Gaussian elimination; lo = 0 when some y may be negative. */
static void
dual_bound(arf_t lo, const double * pts, slong np, const slong * basis,
           const mix_t * p, const unroll_spectrum_t spec, const fmpq_t rho,
           slong prec)
{
    slong n = p->n, r, k, m = 4 * np + 1;
    arb_mat_t A, y, b;
    arb_ptr work;
    arb_t x, x0, c, rh;
    fmpq_t q;
    int ok = 1;

    arb_mat_init(A, n, n);
    arb_mat_init(y, n, 1);
    arb_mat_init(b, n, 1);
    work = _arb_vec_init(3 * (p->t + 2));
    arb_init(x);
    arb_init(x0);
    arb_init(c);
    arb_init(rh);
    fmpq_init(q);

    unroll_spectrum_x0(q, spec);
    arb_set_fmpq(x0, q, prec);
    unroll_spectrum_scale(q, spec);
    arb_set_fmpq(c, q, prec);
    arb_set_fmpq(rh, rho, prec);
    for (r = 0; r < n; r++)
    {
        if (basis[r] < m - 1)
            arb_set_d(x, pts[basis[r] / 4]);
        put_row_arb(A, r, work, p, x, x0, c, rh,
                    basis[r] < m - 1 ? (int) (basis[r] % 4) : ROW_NORM,
                    prec);
    }
    basis_arb(work, work + p->t + 2, work + 2 * (p->t + 2), x0, x0, p->t,
              prec);
    for (k = 0; k < n; k++)
    {
        if (k <= p->t - 2)
            arb_set(arb_mat_entry(b, k, 0), work + k);
        else
            arb_set_si(arb_mat_entry(b, k, 0), k == p->t - 1);
    }
    ok = arb_mat_solve(y, A, b, prec);
    arf_zero(lo);
    for (r = 0; r < n && ok; r++)
        ok = arb_is_nonnegative(arb_mat_entry(y, r, 0));
    for (r = 0; r < n && ok; r++)
        if (basis[r] == m - 1)
        {
            arb_inv(x, arb_mat_entry(y, r, 0), prec);
            arb_get_lbound_arf(lo, x, prec);
        }

    fmpq_clear(q);
    arb_clear(rh);
    arb_clear(c);
    arb_clear(x0);
    arb_clear(x);
    _arb_vec_clear(work, 3 * (p->t + 2));
    arb_mat_clear(b);
    arb_mat_clear(y);
    arb_mat_clear(A);
}

static void
mix_init(mix_t * p, const unroll_spectrum_t spec, slong t, const fmpq_t rho)
{
    fmpq_t q;

    fmpq_init(q);
    p->t = t;
    p->n = t + 3;
    unroll_spectrum_x0(q, spec);
    p->x0 = fmpq_get_d(q);
    unroll_spectrum_scale(q, spec);
    p->c = fmpq_get_d(q);
    p->rho = fmpq_get_d(rho);
    fmpq_clear(q);
}

static void
kept_init(kept_t * k, slong t)
{
    slong cap = 4 * (MIX_GRID * (t + 1) + 1) + 4 * (t + 3);

    k->z = flint_malloc(sizeof(double) * (t + 3 + cap));
    k->pts = k->z + t + 3;
    k->basis = flint_malloc(sizeof(slong) * (t + 3));
    k->np = 0;
}

static void
kept_clear(kept_t * k)
{
    flint_free(k->basis);
    flint_free(k->z);
}

/* The exchange and the exact polynomial of its solution. */
static int
mixed_poly(fmpq_poly_t P, kept_t * k, slong * iters, const mix_t * p,
           const unroll_spectrum_t spec, char * msg)
{
    double * work;
    int status;

    work = flint_malloc(sizeof(double) * 3 * (p->t + 2));
    status = exchange(k, iters, p, work, msg);
    if (status == UNROLL_SUCCESS)
    {
        status = exact_poly(P, k->z, spec, p->t);
        if (status != UNROLL_SUCCESS)
            unroll_arith_msg(msg, "E(0) vanishes at t = %ld", (long) p->t);
    }
    flint_free(work);
    return status;
}

int
_unroll_minimax_poly_mixed(fmpq_poly_t P, const unroll_spectrum_t spec,
                           slong t, const fmpq_t rho, char * msg)
{
    mix_t p;
    kept_t k;
    slong iters;
    int status;

    mix_init(&p, spec, t, rho);
    kept_init(&k, t);
    status = mixed_poly(P, &k, &iters, &p, spec, msg);
    kept_clear(&k);
    return status;
}

/* hi = certified max |E| + rho max |P'| of the returned P. */
static void
upper_value(unroll_minimax_t res, const unroll_spectrum_t spec,
            const fmpq_t rho, slong rel_bits, slong prec)
{
    fmpq_poly_t Ex, Dx, D2x;
    arb_ptr pts;
    arb_t v;
    slong n = FLINT_MAX(res->t - 2, 1), np = 0;

    fmpq_poly_init(Ex);
    fmpq_poly_init(Dx);
    fmpq_poly_init(D2x);
    pts = _arb_vec_init(n);
    arb_init(v);

    _unroll_minimax_error_x(Ex, Dx, D2x, &res->P, spec);
    if (!fmpq_poly_is_zero(D2x))
        np = _unroll_minimax_critical(pts, D2x,
                 _unroll_minimax_root_prec(rel_bits + 4, res->t), prec);
    _unroll_minimax_sup_pts(&res->B, &res->D, Ex, Dx, pts, np, prec);
    arb_set_fmpq(v, rho, prec);
    arb_mul(v, v, &res->D, prec);
    arb_add(v, v, &res->B, prec);
    arb_get_ubound_arf(&res->hi, v, prec);

    arb_clear(v);
    _arb_vec_clear(pts, n);
    fmpq_poly_clear(D2x);
    fmpq_poly_clear(Dx);
    fmpq_poly_clear(Ex);
}

int
_unroll_minimax_solve_mixed(unroll_minimax_t res,
                            const unroll_spectrum_t spec, slong t,
                            const fmpq_t rho, slong rel_bits, char * msg)
{
    mix_t p;
    kept_t k;
    slong prec = 2 * rel_bits + 64 + 2 * t;
    int status;

    mix_init(&p, spec, t, rho);
    kept_init(&k, t);
    res->t = t;
    status = mixed_poly(&res->P, &k, &res->iterations, &p, spec, msg);
    if (status == UNROLL_SUCCESS)
    {
        upper_value(res, spec, rho, rel_bits, prec);
        dual_bound(&res->lo, k.pts, k.np, k.basis, &p, spec, rho, prec);
        if (arf_is_zero(&res->lo))
        {
            unroll_arith_msg(msg, "no certified dual point at t = %ld",
                             (long) t);
            status = UNROLL_UNABLE;
        }
    }
    kept_clear(&k);
    return status;
}
