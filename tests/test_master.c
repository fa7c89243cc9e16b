#include "common.h"

/* The master identity of unrolled differentiation, checked exactly.
   Ridge: f(x, theta) = 1/2 ||A x - y||^2 + theta/2 ||x||^2, so
   H = A^T A + theta I, grad f = H x - A^T y, dH/dtheta = I, and the
   solution derivative is dx* = -H^{-1} x*.  The start x_0 = theta v
   depends on theta, so the total derivative g = x_0 + H v matters. */

#define D 3
#define N 4

typedef struct
{
    fmpq_mat_t H;
    fmpq_mat_t b;      /* -A^T y */
    fmpq_mat_t xs;     /* x* */
    fmpq_mat_t dxs;    /* dx* / dtheta */
    fmpq_mat_t x0;
    fmpq_mat_t dx0;
}
ridge_t;

static void
ridge_init(ridge_t * r, const fmpq_t theta)
{
    static const slong A[N][D] = { { 1, 2, 0 }, { -1, 3, 1 },
                                   { 2, 0, -2 }, { 0, 1, 5 } };
    static const slong y[N] = { 3, -1, 4, 2 };
    static const slong v[D] = { 1, -2, 1 };
    fmpq_mat_t Am, At, ym, Hinv;
    slong i, j;

    fmpq_mat_init(r->H, D, D);
    fmpq_mat_init(r->b, D, 1);
    fmpq_mat_init(r->xs, D, 1);
    fmpq_mat_init(r->dxs, D, 1);
    fmpq_mat_init(r->x0, D, 1);
    fmpq_mat_init(r->dx0, D, 1);
    fmpq_mat_init(Am, N, D);
    fmpq_mat_init(At, D, N);
    fmpq_mat_init(ym, N, 1);
    fmpq_mat_init(Hinv, D, D);

    for (i = 0; i < N; i++)
    {
        for (j = 0; j < D; j++)
            fmpq_set_si(fmpq_mat_entry(Am, i, j), A[i][j], 1);
        fmpq_set_si(fmpq_mat_entry(ym, i, 0), y[i], 1);
    }
    fmpq_mat_transpose(At, Am);
    fmpq_mat_mul(r->H, At, Am);
    for (i = 0; i < D; i++)
        fmpq_add(fmpq_mat_entry(r->H, i, i), fmpq_mat_entry(r->H, i, i),
                 theta);
    fmpq_mat_mul(r->b, At, ym);
    fmpq_mat_neg(r->b, r->b);

    cr_assert(fmpq_mat_inv(Hinv, r->H));
    fmpq_mat_mul(r->xs, Hinv, r->b);
    fmpq_mat_neg(r->xs, r->xs);
    fmpq_mat_mul(r->dxs, Hinv, r->xs);
    fmpq_mat_neg(r->dxs, r->dxs);

    for (i = 0; i < D; i++)
    {
        fmpq_set_si(fmpq_mat_entry(r->dx0, i, 0), v[i], 1);
        fmpq_mul(fmpq_mat_entry(r->x0, i, 0), fmpq_mat_entry(r->dx0, i, 0),
                 theta);
    }

    fmpq_mat_clear(Hinv);
    fmpq_mat_clear(ym);
    fmpq_mat_clear(At);
    fmpq_mat_clear(Am);
}

static void
ridge_clear(ridge_t * r)
{
    fmpq_mat_clear(r->H);
    fmpq_mat_clear(r->b);
    fmpq_mat_clear(r->xs);
    fmpq_mat_clear(r->dxs);
    fmpq_mat_clear(r->x0);
    fmpq_mat_clear(r->dx0);
}

/* A sequence element and its theta-derivative. */
typedef struct
{
    fmpq_mat_t v;
    fmpq_mat_t dv;
}
dual_t;

static void
dual_init(dual_t * a, const fmpq_mat_t v, const fmpq_mat_t dv)
{
    fmpq_mat_init(a->v, D, 1);
    fmpq_mat_init(a->dv, D, 1);
    fmpq_mat_set(a->v, v);
    fmpq_mat_set(a->dv, dv);
}

static void
dual_clear(dual_t * a)
{
    fmpq_mat_clear(a->v);
    fmpq_mat_clear(a->dv);
}

/* res = sum c[i] a[i] for value and tangent; res may not alias a[i]. */
static void
dual_lincomb(dual_t * res, fmpq * c, dual_t ** a, int n)
{
    slong r;
    int i;

    fmpq_mat_zero(res->v);
    fmpq_mat_zero(res->dv);
    for (i = 0; i < n; i++)
        for (r = 0; r < D; r++)
        {
            fmpq_addmul(fmpq_mat_entry(res->v, r, 0), c + i,
                        fmpq_mat_entry(a[i]->v, r, 0));
            fmpq_addmul(fmpq_mat_entry(res->dv, r, 0), c + i,
                        fmpq_mat_entry(a[i]->dv, r, 0));
        }
}

/* The gradient H y + b and its forward-mode tangent y + H dy
   (dH/dtheta = I, db/dtheta = 0). */
static void
dual_grad(dual_t * g, const dual_t * y, const ridge_t * r)
{
    fmpq_mat_mul(g->v, r->H, y->v);
    fmpq_mat_add(g->v, g->v, r->b);
    fmpq_mat_mul(g->dv, r->H, y->dv);
    fmpq_mat_add(g->dv, g->dv, y->v);
}

/* zn = c1 z2 + c2 yn - c3 y2 and xn = (A_{k-1} x + a_k zn) / A_k. */
static void
average(dual_t * zn, dual_t * xn, dual_t * x, dual_t * z2, dual_t * yn,
        dual_t * y2, const unroll_scheme_t s, slong k, fmpq * c)
{
    dual_t * terms[3];

    fmpq_set(c + 0, unroll_scheme_q(s, UNROLL_COEF_C1, k));
    fmpq_set(c + 1, unroll_scheme_q(s, UNROLL_COEF_C2, k));
    fmpq_neg(c + 2, unroll_scheme_q(s, UNROLL_COEF_C3, k));
    terms[0] = z2;
    terms[1] = yn;
    terms[2] = y2;
    dual_lincomb(zn, c, terms, 3);

    fmpq_div(c + 0, unroll_scheme_q(s, UNROLL_COEF_A, k - 1),
             unroll_scheme_q(s, UNROLL_COEF_A, k));
    fmpq_div(c + 1, unroll_scheme_q(s, UNROLL_COEF_a, k),
             unroll_scheme_q(s, UNROLL_COEF_A, k));
    terms[0] = x;
    terms[1] = zn;
    dual_lincomb(xn, c, terms, 2);
}

/* Runs t steps of the scheme on the ridge problem exactly; dx gets the
   tangent of the output stage. */
static void
run_exact(fmpq_mat_t dx, const unroll_scheme_t s, const ridge_t * r,
          slong t)
{
    dual_t y1, y2, yn, z1, z2, zn, x, xn, g;
    dual_t * terms[3];
    fmpq c[3];
    slong k;
    int i;

    dual_init(&y1, r->x0, r->dx0);
    dual_init(&y2, r->x0, r->dx0);
    dual_init(&yn, r->x0, r->dx0);
    dual_init(&z1, r->x0, r->dx0);
    dual_init(&z2, r->x0, r->dx0);
    dual_init(&zn, r->x0, r->dx0);
    dual_init(&x, r->x0, r->dx0);
    dual_init(&xn, r->x0, r->dx0);
    dual_init(&g, r->x0, r->dx0);
    for (i = 0; i < 3; i++)
        fmpq_init(c + i);

    for (k = 1; k <= t; k++)
    {
        dual_grad(&g, &y1, r);
        fmpq_add_ui(c + 0, unroll_scheme_q(s, UNROLL_COEF_M, k), 1);
        fmpq_neg(c + 1, unroll_scheme_q(s, UNROLL_COEF_M, k));
        fmpq_neg(c + 2, unroll_scheme_q(s, UNROLL_COEF_H, k));
        terms[0] = &y1; terms[1] = &y2; terms[2] = &g;
        dual_lincomb(&yn, c, terms, 3);

        if (s->kind == UNROLL_SCHEME_MOMENTUM)
        {
            /* One sequence: z = x = y. */
            terms[0] = &yn;
            fmpq_one(c + 0);
            dual_lincomb(&zn, c, terms, 1);
            dual_lincomb(&xn, c, terms, 1);
        }
        else
            average(&zn, &xn, &x, &z2, &yn, &y2, s, k, c);


        fmpq_mat_swap(y2.v, y1.v); fmpq_mat_swap(y2.dv, y1.dv);
        fmpq_mat_swap(y1.v, yn.v); fmpq_mat_swap(y1.dv, yn.dv);
        fmpq_mat_swap(z2.v, z1.v); fmpq_mat_swap(z2.dv, z1.dv);
        fmpq_mat_swap(z1.v, zn.v); fmpq_mat_swap(z1.dv, zn.dv);
        fmpq_mat_swap(x.v, xn.v); fmpq_mat_swap(x.dv, xn.dv);
    }
    fmpq_mat_set(dx, x.dv);

    for (i = 0; i < 3; i++)
        fmpq_clear(c + i);
    dual_clear(&g);
    dual_clear(&xn);
    dual_clear(&x);
    dual_clear(&zn);
    dual_clear(&z2);
    dual_clear(&z1);
    dual_clear(&yn);
    dual_clear(&y2);
    dual_clear(&y1);
}

/* res = p(H) v by Horner's rule. */
static void
poly_apply(fmpq_mat_t res, const fmpq_poly_t p, const fmpq_mat_t H,
           const fmpq_mat_t v)
{
    fmpq_mat_t acc, tmp;
    fmpq_t c;
    slong k, i;

    fmpq_mat_init(acc, D, 1);
    fmpq_mat_init(tmp, D, 1);
    fmpq_init(c);

    for (k = fmpq_poly_degree(p); k >= 0; k--)
    {
        fmpq_mat_mul(tmp, H, acc);
        fmpq_poly_get_coeff_fmpq(c, p, k);
        for (i = 0; i < D; i++)
            fmpq_addmul(fmpq_mat_entry(tmp, i, 0), c,
                        fmpq_mat_entry(v, i, 0));
        fmpq_mat_swap(acc, tmp);
    }
    fmpq_mat_set(res, acc);

    fmpq_clear(c);
    fmpq_mat_clear(tmp);
    fmpq_mat_clear(acc);
}

static void
check_identity(const char * name, const char * alpha, const char * eta,
               const char * h, const char * m, slong T)
{
    unroll_scheme_t s;
    ridge_t r;
    fmpq_poly_t P, E, dP;
    fmpq_mat_t dx, lhs, rhs, e0, g, tmp;
    fmpq_t theta;
    slong t;

    fmpq_init(theta);
    fmpq_set_si(theta, 1, 3);
    ridge_init(&r, theta);
    unroll_scheme_init(s);
    fmpq_poly_init(P);
    fmpq_poly_init(E);
    fmpq_poly_init(dP);
    fmpq_mat_init(dx, D, 1);
    fmpq_mat_init(lhs, D, 1);
    fmpq_mat_init(rhs, D, 1);
    fmpq_mat_init(e0, D, 1);
    fmpq_mat_init(g, D, 1);
    fmpq_mat_init(tmp, D, 1);

    /* The spectrum parameters of the method need not be the Hessian's:
       the identity holds for any coefficients. */
    test_scheme(s, name, "1", "40", alpha, eta, h, m, T);
    fmpq_mat_sub(e0, r.dx0, r.dxs);
    fmpq_mat_mul(g, r.H, r.dx0);
    fmpq_mat_add(g, g, r.x0);

    for (t = 0; t <= T; t++)
    {
        run_exact(dx, s, &r, t);
        fmpq_mat_sub(lhs, dx, r.dxs);

        unroll_scheme_poly_residual(P, s, t, UNROLL_STAGE_X);
        unroll_scheme_poly_error(E, P);
        fmpq_poly_derivative(dP, P);
        poly_apply(rhs, E, r.H, e0);
        poly_apply(tmp, dP, r.H, g);
        fmpq_mat_add(rhs, rhs, tmp);
        cr_assert(fmpq_mat_equal(lhs, rhs), "%s t=%ld: master identity "
                  "fails", name, (long) t);
    }

    fmpq_mat_clear(tmp);
    fmpq_mat_clear(g);
    fmpq_mat_clear(e0);
    fmpq_mat_clear(rhs);
    fmpq_mat_clear(lhs);
    fmpq_mat_clear(dx);
    fmpq_poly_clear(dP);
    fmpq_poly_clear(E);
    fmpq_poly_clear(P);
    unroll_scheme_clear(s);
    ridge_clear(&r);
    fmpq_clear(theta);
}

Test(master, identity_holds_exactly)
{
    check_identity("gd", NULL, NULL, "1/40", NULL, 6);
    check_identity("heavy-ball", NULL, NULL, "1/30", "1/3", 6);
    check_identity("chebyshev", NULL, NULL, NULL, NULL, 6);
    check_identity("gegenbauer", "1/2", NULL, NULL, NULL, 6);
    check_identity("sobolev", "1", "2", NULL, NULL, 6);
}

/* The identity must be able to fail: with the partial derivative of the
   gradient in place of the total one (g without H dx_0), it does. */
Test(master, partial_derivative_is_wrong)
{
    unroll_scheme_t s;
    ridge_t r;
    fmpq_poly_t P, E, dP;
    fmpq_mat_t dx, lhs, rhs, e0, tmp;
    fmpq_t theta;

    fmpq_init(theta);
    fmpq_set_si(theta, 1, 3);
    ridge_init(&r, theta);
    unroll_scheme_init(s);
    fmpq_poly_init(P);
    fmpq_poly_init(E);
    fmpq_poly_init(dP);
    fmpq_mat_init(dx, D, 1);
    fmpq_mat_init(lhs, D, 1);
    fmpq_mat_init(rhs, D, 1);
    fmpq_mat_init(e0, D, 1);
    fmpq_mat_init(tmp, D, 1);

    test_scheme(s, "chebyshev", "1", "40", NULL, NULL, NULL, NULL, 3);
    fmpq_mat_sub(e0, r.dx0, r.dxs);
    run_exact(dx, s, &r, 3);
    fmpq_mat_sub(lhs, dx, r.dxs);
    unroll_scheme_poly_residual(P, s, 3, UNROLL_STAGE_X);
    unroll_scheme_poly_error(E, P);
    fmpq_poly_derivative(dP, P);
    poly_apply(rhs, E, r.H, e0);
    poly_apply(tmp, dP, r.H, r.x0);
    fmpq_mat_add(rhs, rhs, tmp);
    cr_assert(!fmpq_mat_equal(lhs, rhs));

    fmpq_mat_clear(tmp);
    fmpq_mat_clear(e0);
    fmpq_mat_clear(rhs);
    fmpq_mat_clear(lhs);
    fmpq_mat_clear(dx);
    fmpq_poly_clear(dP);
    fmpq_poly_clear(E);
    fmpq_poly_clear(P);
    unroll_scheme_clear(s);
    ridge_clear(&r);
    fmpq_clear(theta);
}
