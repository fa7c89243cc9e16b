#include "common.h"
#include "run_cli.h"

/*
    Certified sup norms under stress: many random methods, spectra and
    degrees, including the extreme regimes (L / l near 1 and huge,
    spectra far from 1 in absolute size, alpha near -1/2, eta = 0 and
    large), through unroll_bound_sup_stage, unroll_bound_sup_range and
    `unroll bound`.  Every certified enclosure [lo, hi] of B_t and D_t
    must contain an independent reference value, or the engine must say
    that it could not certify (UNROLL_UNABLE).  A wrong enclosure is never
    acceptable; not certifying is, and is counted (cr_log_info).

    The reference.  The residual polynomial comes from the families API
    (unroll_method_poly_residual: exact, and for the orthogonal families
    computed by another algorithm than the scheme interpreter the engine
    reads).  In x = phi(lambda), which maps [l, L] onto [-1, 1], the
    critical points of E = P - lambda P' and of P' are the real roots of
    P'' (E' = -lambda P'' and lambda > 0 on [l, L]).  They are isolated
    exactly (square-free part of the integer polynomial, Arb's complex
    root isolation to REF_ROOT_BITS bits, real roots with an exactly zero
    imaginary part); |E| and |P'| are evaluated exactly at both ends and
    at REF_PREC bits on each root ball, in mean value form.  The
    reference ball V has as lower end the largest lower end over the ends
    and the real roots certainly in [-1, 1], and as upper end the largest
    upper end over the ends and every root ball that may be real and in
    [-1, 1], so V contains the maximum even when a root sits at an end.
    For ball coefficients (sobolev-asymptotic) P is computed in ball
    arithmetic at REF_PREC bits, V is the reference of the exact midpoint
    polynomial widened by sum_k |1 - k| r_k L^k (E) or
    sum_k k r_k L^(k-1) (P'), r_k the radii.

    What is asserted for every certified enclosure: lo <= hi, hi - lo <=
    2^-rel lo (the width asked); at in [l, L] up to one rounding
    (2^-(rel + 32) relative; strictly outside is counted); the reference
    is far narrower than the enclosure, rad V <= 2^-(rel + 64) |V|; and
    containment: lo <= lower end of V and upper end of V <= hi, so the
    whole reference ball, and with it the true maximum, lies in
    [lo, hi].  A V disjoint from [lo, hi] is reported as a wrong
    certificate, a V that only overlaps it as an inconclusive reference.
    For the command line, the printed (outward rounded) decimal ends must
    bracket the whole of V.
*/

#define REF_PREC 1024
#define REF_ROOT_BITS 384

/* Relative accuracy of a reference that is far narrower than any
   enclosure asked for (at most 2^-100 in this suite). */
#define REF_GOOD_BITS 300

/* Largest horizon of the minimax cases: its exchange costs like t^3. */
#define MINIMAX_T 16

typedef struct
{
    unroll_method_t meth;   /* the method (for a table: its source) */
    int table;              /* certify through a coefficient file */
    slong t;
    int stage;
    slong rel;
}
stress_case_t;

typedef struct
{
    const char * regime;
    slong cases;            /* degrees examined */
    slong certified;
    slong uncertified;      /* UNROLL_UNABLE from the engine */
    slong unbuilt;          /* the family could not build the method */
    slong at_outside;       /* B.at or D.at rounded just outside [l, L] */
}
tally_t;

static void
case_init(stress_case_t * c)
{
    unroll_method_init(c->meth);
    c->table = 0;
    c->t = 1;
    c->stage = UNROLL_STAGE_X;
    c->rel = UNROLL_BOUND_REL_BITS;
}

static void
case_clear(stress_case_t * c)
{
    unroll_method_clear(c->meth);
}

static void
set_spectrum(stress_case_t * c, const fmpq_t l, const fmpq_t L)
{
    cr_assert_eq(unroll_spectrum_set(&c->meth->spec, l, L, NULL),
                 UNROLL_SUCCESS);
    c->meth->has_spec = 1;
}

/* ---- describing a case for failure messages and logs ------------------ */

static void
put_q(char * buf, size_t n, const char * name, const fmpq_t x, int has)
{
    char * s;
    size_t k = strlen(buf);

    if (!has || k + 1 >= n)
        return;
    s = fmpq_get_str(NULL, 10, x);
    snprintf(buf + k, n - k, " %s=%s", name, s);
    flint_free(s);
}

static void
describe(char * buf, size_t n, const stress_case_t * c)
{
    const unroll_method_struct * m = c->meth;

    snprintf(buf, n, "%s%s t=%ld stage=%c rel=%ld", c->table ? "table of "
             : "", unroll_family_name(m->family), (long) c->t,
             "yzx"[c->stage], (long) c->rel);
    put_q(buf, n, "l", &m->spec.l, m->has_spec);
    put_q(buf, n, "L", &m->spec.L, m->has_spec);
    put_q(buf, n, "alpha", &m->alpha, m->has_alpha);
    put_q(buf, n, "eta", &m->eta, m->has_eta);
    put_q(buf, n, "h", &m->h, m->has_h);
    put_q(buf, n, "m", &m->m, m->has_m);
    put_q(buf, n, "rho", &m->rho, m->has_rho);
}

/* ---- the reference maximum -------------------------------------------- */

/* F(l + (x + 1) w) with w = (L - l) / 2: the polynomial in x. */
static void
to_x(fmpq_poly_t res, const fmpq_poly_t F, const unroll_spectrum_t spec)
{
    fmpq_poly_t lin;
    fmpq_t w, c;

    fmpq_poly_init(lin);
    fmpq_init(w);
    fmpq_init(c);

    fmpq_sub(w, &spec->L, &spec->l);
    fmpq_div_2exp(w, w, 1);
    fmpq_add(c, &spec->l, w);
    fmpq_poly_set_fmpq(lin, c);
    fmpq_poly_set_coeff_fmpq(lin, 1, w);
    fmpq_poly_compose(res, F, lin);

    fmpq_clear(c);
    fmpq_clear(w);
    fmpq_poly_clear(lin);
}

/* All complex roots of the square-free part of R (exact, in x), real
   ones first with exactly zero imaginary parts; returns their number.
   roots must hold deg R entries. */
static slong
isolate_roots(acb_ptr roots, const fmpq_poly_t R)
{
    fmpz_poly_t z, dz, g;
    slong n = 0;

    if (fmpq_poly_degree(R) <= 0)
        return 0;
    fmpz_poly_init(z);
    fmpz_poly_init(dz);
    fmpz_poly_init(g);

    fmpq_poly_get_numerator(z, R);
    fmpz_poly_primitive_part(z, z);
    fmpz_poly_derivative(dz, z);
    fmpz_poly_gcd(g, z, dz);
    fmpz_poly_div(z, z, g);
    n = fmpz_poly_degree(z);
    if (n > 0)
        arb_fmpz_poly_complex_roots(roots, z, 0, REF_ROOT_BITS);

    fmpz_poly_clear(g);
    fmpz_poly_clear(dz);
    fmpz_poly_clear(z);
    return FLINT_MAX(n, 0);
}

/* [lo, hi] = |F(x)| at one end x = +-1, evaluated exactly. */
static void
end_value(arf_t lo, arf_t hi, const fmpq_poly_t F, slong x)
{
    fmpq_t a, v;
    arb_t b;

    fmpq_init(a);
    fmpq_init(v);
    arb_init(b);

    fmpq_set_si(a, x, 1);
    fmpq_poly_evaluate_fmpq(v, F, a);
    fmpq_abs(v, v);
    arb_set_fmpq(b, v, REF_PREC);
    arb_get_lbound_arf(lo, b, REF_PREC);
    arb_get_ubound_arf(hi, b, REF_PREC);

    arb_clear(b);
    fmpq_clear(v);
    fmpq_clear(a);
}

static void
arf_max_into(arf_t res, const arf_t x)
{
    if (arf_cmp(x, res) > 0)
        arf_set(res, x);
}

/* Whether the real ball x lies in [-1, 1] (1), is disjoint from it (-1),
   or straddles an end (0). */
static int
where(const arb_t x)
{
    arb_t one;
    int r;

    arb_init(one);
    arb_one(one);
    arb_abs(one, x);
    arb_sub_ui(one, one, 1, REF_PREC);
    r = arb_is_nonpositive(one) ? 1 : arb_is_positive(one) ? -1 : 0;
    arb_clear(one);
    return r;
}

/* v contains |F(x)| for every x in the ball r, a small ball around a
   root of F': by the mean value theorem F(x) lies in F(m) + F'(r) (x - m)
   for the midpoint m, and F' is small on r, so the radius of v is of the
   order of rad(r)^2. */
static void
eval_near_root(arb_t v, const arb_poly_t F, const arb_t r)
{
    arb_t m, d, dx;

    arb_init(m);
    arb_init(d);
    arb_init(dx);

    arb_set_arf(m, arb_midref(r));
    arb_poly_evaluate2(dx, d, F, r, REF_PREC);
    arb_poly_evaluate(v, F, m, REF_PREC);
    arb_zero(dx);
    mag_set(arb_radref(dx), arb_radref(r));
    arb_addmul(v, d, dx, REF_PREC);
    arb_abs(v, v);

    arb_clear(dx);
    arb_clear(d);
    arb_clear(m);
}

/* V contains max |F| over [-1, 1] given the roots of F' (see the top of
   the file for why both ends of V are valid). */
static void
max_abs(arb_t V, const fmpq_poly_t F, const acb_struct * roots, slong n)
{
    arb_poly_t G;
    arb_t v;
    arf_t lo, hi, a, b;
    slong i;
    int w;

    arb_poly_init(G);
    arb_init(v);
    arf_init(lo); arf_init(hi); arf_init(a); arf_init(b);

    arb_poly_set_fmpq_poly(G, F, REF_PREC);
    end_value(lo, hi, F, -1);
    end_value(a, b, F, 1);
    arf_max_into(lo, a);
    arf_max_into(hi, b);
    for (i = 0; i < n; i++)
    {
        w = where(acb_realref(roots + i));
        if (!arb_contains_zero(acb_imagref(roots + i)) || w < 0)
            continue;
        eval_near_root(v, G, acb_realref(roots + i));
        arb_get_ubound_arf(b, v, REF_PREC);
        arf_max_into(hi, b);
        /* Only a root certainly real and in [-1, 1] is attained. */
        arb_get_lbound_arf(a, v, REF_PREC);
        if (w > 0 && arb_is_zero(acb_imagref(roots + i)))
            arf_max_into(lo, a);
    }
    arb_set_interval_arf(V, lo, hi, REF_PREC);

    arf_clear(b); arf_clear(a); arf_clear(hi); arf_clear(lo);
    arb_clear(v);
    arb_poly_clear(G);
}

/* E = P - lambda P', computed here rather than by the library. */
static void
error_poly(fmpq_poly_t E, const fmpq_poly_t P)
{
    fmpq_poly_t d;

    fmpq_poly_init(d);
    fmpq_poly_derivative(d, P);
    fmpq_poly_shift_left(d, d, 1);
    fmpq_poly_sub(E, P, d);
    fmpq_poly_clear(d);
}

/* B and D contain max |P - lambda P'| and max |P'| over [l, L] for the
   exact polynomial P. */
static void
ref_exact(arb_t B, arb_t D, const fmpq_poly_t P,
          const unroll_spectrum_t spec)
{
    fmpq_poly_t Q, E, d;
    acb_ptr roots;
    slong n, len;

    fmpq_poly_init(Q);
    fmpq_poly_init(E);
    fmpq_poly_init(d);

    /* Critical points: the roots of d^2/dx^2 P(lambda(x)). */
    to_x(Q, P, spec);
    fmpq_poly_derivative(Q, Q);
    fmpq_poly_derivative(Q, Q);
    len = FLINT_MAX(1, fmpq_poly_degree(Q));
    roots = _acb_vec_init(len);
    n = isolate_roots(roots, Q);

    error_poly(E, P);
    to_x(E, E, spec);
    max_abs(B, E, roots, n);
    fmpq_poly_derivative(d, P);
    to_x(d, d, spec);
    max_abs(D, d, roots, n);

    _acb_vec_clear(roots, len);
    fmpq_poly_clear(d);
    fmpq_poly_clear(E);
    fmpq_poly_clear(Q);
}

/* The same for a ball polynomial P: the reference of its exact midpoint,
   widened by the largest change the radii r_k allow on [0, L]. */
static void
ref_ball(arb_t B, arb_t D, const arb_poly_t P, const unroll_spectrum_t spec)
{
    slong k, len = arb_poly_length(P);
    fmpq_poly_t M;
    fmpq_t c;
    arb_t eB, eD, L, pw, r;

    fmpq_poly_init(M);
    fmpq_init(c);
    arb_init(eB); arb_init(eD); arb_init(L); arb_init(pw); arb_init(r);

    arb_set_fmpq(L, &spec->L, REF_PREC);
    arb_one(pw);
    for (k = 0; k < len; k++)
    {
        arf_get_fmpq(c, arb_midref(P->coeffs + k));
        fmpq_poly_set_coeff_fmpq(M, k, c);
        arb_zero(r);
        arf_set_mag(arb_midref(r), arb_radref(P->coeffs + k));
        if (k == 0)
        {
            arb_add(eB, eB, r, REF_PREC);
            continue;
        }
        /* pw = L^(k-1): eD += k r_k L^(k-1), eB += (k - 1) r_k L^k. */
        arb_mul(r, r, pw, REF_PREC);
        arb_addmul_si(eD, r, k, REF_PREC);
        arb_mul(r, r, L, REF_PREC);
        arb_addmul_si(eB, r, k - 1, REF_PREC);
        arb_mul(pw, pw, L, REF_PREC);
    }
    ref_exact(B, D, M, spec);
    arb_get_ubound_arf(arb_midref(r), eB, REF_PREC);
    arb_add_error_arf(B, arb_midref(r));
    arb_get_ubound_arf(arb_midref(r), eD, REF_PREC);
    arb_add_error_arf(D, arb_midref(r));

    arb_clear(r); arb_clear(pw); arb_clear(L); arb_clear(eD); arb_clear(eB);
    fmpq_clear(c);
    fmpq_poly_clear(M);
}

/* The reference maxima of case c (at degree c->t), independent of the
   scheme the engine reads: the families API for exact methods, a scheme
   built at REF_PREC bits and read by the ball polynomial interpreter for
   the asymptotic method. */
static void
reference(arb_t B, arb_t D, const stress_case_t * c, const char * ctx)
{
    char msg[UNROLL_MSG_LEN];
    slong prec = REF_PREC + 8 * c->t;
    unroll_scheme_t s;
    fmpq_poly_t P;
    arb_poly_t Pb;

    unroll_scheme_init(s);
    fmpq_poly_init(P);
    arb_poly_init(Pb);

    /* The maxima may be far below the monomial coefficients (2^-1260 at
       t = 60 for L / l = 1 + 2^-20), so the ball polynomial is redone at
       twice the precision until the reference is narrow. */
    for (; c->meth->family == UNROLL_FAMILY_SOBOLEV_ASYMPTOTIC; prec *= 2)
    {
        cr_assert_eq(unroll_method_scheme(s, c->meth, c->t, prec, msg),
                     UNROLL_SUCCESS, "%s: reference: %s", ctx, msg);
        unroll_scheme_arb_poly_residual(Pb, s, c->t, c->stage, prec);
        ref_ball(B, D, Pb, &c->meth->spec);
        if ((arb_rel_accuracy_bits(B) > REF_GOOD_BITS
             && arb_rel_accuracy_bits(D) > REF_GOOD_BITS)
            || prec > 16 * REF_PREC)
            break;
    }
    if (c->meth->family != UNROLL_FAMILY_SOBOLEV_ASYMPTOTIC)
    {
        cr_assert_eq(unroll_method_poly_residual(P, c->meth, c->t, c->stage,
                                                 msg), UNROLL_SUCCESS,
                     "%s: reference: %s", ctx, msg);
        ref_exact(B, D, P, &c->meth->spec);
    }

    arb_poly_clear(Pb);
    fmpq_poly_clear(P);
    unroll_scheme_clear(s);
}

/* ---- the scheme the engine certifies ---------------------------------- */

/* The coefficients of c's method written to a CSV file and read back as
   method table. */
static int
build_table(unroll_scheme_t s, const stress_case_t * c, slong T,
            slong prec, char * msg)
{
    char path[] = "/tmp/unroll-stress-XXXXXX";
    unroll_scheme_t src;
    unroll_method_t tm;
    FILE * f;
    int fd, status;

    unroll_scheme_init(src);
    unroll_method_init(tm);
    fd = mkstemp(path);
    cr_assert(fd >= 0);
    f = fdopen(fd, "w");
    cr_assert_not_null(f);

    status = unroll_method_scheme(src, c->meth, T, prec, msg);
    if (status == UNROLL_SUCCESS)
        status = unroll_table_write_coeffs(f, src, c->meth, T,
                                           UNROLL_FORMAT_CSV, msg);
    cr_assert_eq(fclose(f), 0);
    tm->family = UNROLL_FAMILY_TABLE;
    unroll_method_set_path(tm, path);
    if (status == UNROLL_SUCCESS)
        status = unroll_method_scheme(s, tm, T, prec, msg);
    remove(path);

    unroll_method_clear(tm);
    unroll_scheme_clear(src);
    return status;
}

/* The scheme for t = 0..T, ball coefficients with the precision the CLI
   gives them. */
static int
build(unroll_scheme_t s, const stress_case_t * c, slong T, char * msg)
{
    slong prec = c->rel + 128 + 2 * T;

    if (c->table)
        return build_table(s, c, T, prec, msg);
    return unroll_method_scheme(s, c->meth, T, prec, msg);
}

/* ---- the checks -------------------------------------------------------- */

static char *
arf_text(char buf[64], const arf_t x)
{
    char * s = arf_get_str(x, 30);

    snprintf(buf, 64, "%s", s);
    flint_free(s);
    return buf;
}

/* The reference V is far narrower than the enclosure m asked for. */
static void
check_ref_width(const arb_t V, const stress_case_t * c, const char * what,
                const char * ctx)
{
    arf_t w;

    arf_init(w);
    arf_set_mag(w, arb_radref(V));
    arf_mul_2exp_si(w, w, c->rel + 64);
    cr_assert(arf_cmpabs(w, arb_midref(V)) <= 0, "reference too wide: %s "
              "%s: radius %g, value %g", ctx, what, mag_get_d(arb_radref(V)),
              arf_get_d(arb_midref(V), ARF_RND_NEAR));
    arf_clear(w);
}

/* V (which contains the true maximum) lies in [m->lo, m->hi]. */
static void
check_contains(const unroll_bound_max_struct * m, const arb_t V,
               const char * what, const char * ctx)
{
    char b1[64], b2[64], b3[64], b4[64];
    arf_t a, b;
    int inside, apart;

    arf_init(a);
    arf_init(b);
    arb_get_lbound_arf(a, V, REF_PREC);
    arb_get_ubound_arf(b, V, REF_PREC);
    inside = arf_cmp(a, &m->lo) >= 0 && arf_cmp(b, &m->hi) <= 0;
    apart = arf_cmp(b, &m->lo) < 0 || arf_cmp(a, &m->hi) > 0;
    cr_assert(inside, "%s: %s: %s: certified [%s, %s], true value in "
              "[%s, %s]", apart ? "containment: WRONG CERTIFICATE"
              : "containment: reference inconclusive", ctx, what,
              arf_text(b1, &m->lo), arf_text(b2, &m->hi), arf_text(b3, a),
              arf_text(b4, b));
    arf_clear(b);
    arf_clear(a);
}

/* at lies in [l, L] up to one rounding: the contract makes it a point of
   [l, L] rounded to a binary number, and the ends are rounded to nearest
   at the working precision (more than rel + 40 bits), so at l
   |at - l| <= 2^-(rel + 32) l.  Points strictly outside are counted. */
static void
check_at(tally_t * tl, const arf_t at, const unroll_spectrum_t spec,
         slong rel, const char * what, const char * ctx)
{
    fmpq_t a, lo, hi;

    fmpq_init(a);
    fmpq_init(lo);
    fmpq_init(hi);

    cr_assert(arf_is_finite(at), "%s: %s: at not finite", ctx, what);
    arf_get_fmpq(a, at);
    fmpq_div_2exp(lo, &spec->l, rel + 32);
    fmpq_sub(lo, &spec->l, lo);
    fmpq_div_2exp(hi, &spec->L, rel + 32);
    fmpq_add(hi, &spec->L, hi);
    cr_assert(fmpq_cmp(a, lo) >= 0 && fmpq_cmp(a, hi) <= 0, "%s: %s: at = "
              "%g outside [l, L]", ctx, what, arf_get_d(at, ARF_RND_NEAR));
    if (fmpq_cmp(a, &spec->l) < 0 || fmpq_cmp(a, &spec->L) > 0)
        tl->at_outside++;

    fmpq_clear(hi);
    fmpq_clear(lo);
    fmpq_clear(a);
}

/* Every property of one certified maximum (see the top of the file). */
static void
check_max(tally_t * tl, const unroll_bound_max_struct * m, const arb_t V,
          const stress_case_t * c, const char * what, const char * ctx)
{
    arf_t w;

    arf_init(w);

    cr_assert(arf_is_finite(&m->lo) && arf_is_finite(&m->hi)
              && arf_cmp(&m->lo, &m->hi) <= 0 && arf_sgn(&m->lo) >= 0,
              "%s: %s: lo > hi, negative or not finite", ctx, what);
    arf_sub(w, &m->hi, &m->lo, ARF_PREC_EXACT, ARF_RND_DOWN);
    arf_mul_2exp_si(w, w, c->rel);
    cr_assert(arf_cmp(w, &m->lo) <= 0, "accuracy: %s: %s wider than "
              "2^-%ld", ctx, what, (long) c->rel);
    check_at(tl, &m->at, &c->meth->spec, c->rel, what, ctx);
    check_ref_width(V, c, what, ctx);
    check_contains(m, V, what, ctx);

    arf_clear(w);
}

/* ---- running cases ----------------------------------------------------- */

static void
context(char * ctx, size_t n, const tally_t * tl, const stress_case_t * c)
{
    char d[400];

    describe(d, sizeof(d), c);
    snprintf(ctx, n, "%s, seed %lu, case %ld: %s", tl->regime,
             test_seed(), (long) tl->cases, d);
}

/* Checks one certified row against the reference at its degree. */
static void
check_row(tally_t * tl, const unroll_bound_result_t r,
          const stress_case_t * c, const char * ctx)
{
    arb_t B, D;

    arb_init(B);
    arb_init(D);
    cr_assert_eq(r->t, c->t, "%s: result for t = %ld", ctx, (long) r->t);
    reference(B, D, c, ctx);
    check_max(tl, &r->B, B, c, "B", ctx);
    check_max(tl, &r->D, D, c, "D", ctx);
    arb_clear(D);
    arb_clear(B);
}

/* Whether the engine's status is acceptable: success, or UNABLE with a
   reason; never a domain error on valid input. */
static int
certified(int status, const char * msg, const char * ctx)
{
    cr_assert(status == UNROLL_SUCCESS || status == UNROLL_UNABLE,
              "%s: status %d: %s", ctx, status, msg);
    if (status == UNROLL_SUCCESS)
        return 1;
    cr_assert(msg[0] != '\0', "%s: UNABLE without a reason", ctx);
    cr_log_info("%s: not certified: %s", ctx, msg);
    return 0;
}

/* One degree through unroll_bound_sup_stage. */
static void
run_case(tally_t * tl, const stress_case_t * c)
{
    char ctx[512], msg[UNROLL_MSG_LEN] = "";
    unroll_scheme_t s;
    unroll_bound_result_t r;
    int status;

    unroll_scheme_init(s);
    unroll_bound_result_init(r);
    context(ctx, sizeof(ctx), tl, c);
    tl->cases++;

    status = build(s, c, c->t, msg);
    if (status != UNROLL_SUCCESS)
    {
        tl->unbuilt++;
        cr_log_info("%s: method not built: %s", ctx, msg);
    }
    else
    {
        status = unroll_bound_sup_stage(r, s, &c->meth->spec, c->t,
                                        c->stage, c->rel, msg);
        if (certified(status, msg, ctx))
        {
            tl->certified++;
            check_row(tl, r, c, ctx);
        }
        else
            tl->uncertified++;
    }

    unroll_bound_result_clear(r);
    unroll_scheme_clear(s);
}

/* Degrees 1..N through unroll_bound_sup_range: the rows before a failure
   must be right, the others count as not certified. */
static void
run_range(tally_t * tl, stress_case_t * c, slong N)
{
    char ctx[512], msg[UNROLL_MSG_LEN] = "";
    unroll_bound_result_struct * r = _unroll_bound_result_vec_init(N);
    unroll_scheme_t s;
    slong i, done = 0;
    int status, built;

    unroll_scheme_init(s);
    c->t = N;
    context(ctx, sizeof(ctx), tl, c);
    built = build(s, c, N, msg) == UNROLL_SUCCESS;
    if (built)
    {
        status = unroll_bound_sup_range(r, &done, s, &c->meth->spec, N,
                                        c->stage, c->rel, msg);
        done = certified(status, msg, ctx) ? N : done;
        cr_assert(done >= 0 && done <= N, "%s: done = %ld", ctx,
                  (long) done);
    }
    else
        cr_log_info("%s: method not built: %s", ctx, msg);
    for (i = 0; i < N; i++)
    {
        c->t = i + 1;
        context(ctx, sizeof(ctx), tl, c);
        tl->cases++;
        tl->certified += i < done;
        tl->uncertified += built && i >= done;
        tl->unbuilt += !built;
        if (i < done)
            check_row(tl, r + i, c, ctx);
    }

    unroll_scheme_clear(s);
    _unroll_bound_result_vec_clear(r, N);
}

static void
tally_log(const tally_t * tl)
{
    cr_log_info("%s: %ld cases, %ld certified, %ld not certified, %ld "
                "methods not built; %ld maxima located just outside "
                "[l, L]", tl->regime, (long) tl->cases, (long) tl->certified,
                (long) tl->uncertified, (long) tl->unbuilt,
                (long) tl->at_outside);
}

/* ---- drawing cases ----------------------------------------------------- */

static const int families[] =
{
    UNROLL_FAMILY_GD, UNROLL_FAMILY_HEAVY_BALL, UNROLL_FAMILY_CHEBYSHEV,
    UNROLL_FAMILY_GEGENBAUER, UNROLL_FAMILY_SOBOLEV,
    UNROLL_FAMILY_SOBOLEV_ASYMPTOTIC, UNROLL_FAMILY_MINIMAX,
    UNROLL_FAMILY_TABLE
};

#define NFAM 8

/* Random degree: up to 60, or MINIMAX_T for the minimax method. */
static slong
random_t(const stress_case_t * c, flint_rand_t st)
{
    return 1 + n_randint(st, c->meth->family == UNROLL_FAMILY_MINIMAX
                         ? MINIMAX_T : 60);
}

/* Family fam (a table: of a random other family but minimax) with random
   parameters on the spectrum already set: alpha in (-1/2, 7/2], eta in
   [0, 20], h up to 5/(2L) (gd diverges beyond 2/L), m in [0, 9/10],
   rho in {0, 1/10, 1}, any stage of the three-stage methods. */
static void
random_method(stress_case_t * c, int fam, flint_rand_t st)
{
    static const slong rels[] = { 10, 30, 50, 50, 100 };
    unroll_method_struct * m = c->meth;
    int three;

    c->table = fam == UNROLL_FAMILY_TABLE;
    if (c->table)
        fam = families[n_randint(st, 6)];
    three = fam == UNROLL_FAMILY_SOBOLEV
        || fam == UNROLL_FAMILY_SOBOLEV_ASYMPTOTIC;
    m->family = fam;
    m->has_alpha = fam == UNROLL_FAMILY_GEGENBAUER
        || fam == UNROLL_FAMILY_SOBOLEV;
    m->has_eta = fam == UNROLL_FAMILY_SOBOLEV;
    m->has_h = fam == UNROLL_FAMILY_GD || fam == UNROLL_FAMILY_HEAVY_BALL;
    m->has_m = fam == UNROLL_FAMILY_HEAVY_BALL;
    m->has_rho = fam == UNROLL_FAMILY_MINIMAX;
    fmpq_set_si(&m->alpha, (slong) n_randint(st, 64) - 7, 16);
    fmpq_set_si(&m->eta, n_randint(st, 61), 3);
    fmpq_set_si(&m->h, 1 + n_randint(st, 25), 10);
    fmpq_div(&m->h, &m->h, &m->spec.L);
    fmpq_set_si(&m->m, n_randint(st, 10), 10);
    fmpq_set_si(&m->rho, n_randint(st, 3) == 2, n_randint(st, 2) ? 1 : 10);
    c->stage = three ? (int) n_randint(st, 3) : UNROLL_STAGE_X;
    c->t = random_t(c, st);
    c->rel = rels[n_randint(st, 5)];
}

/* A random rational in [1/1000, 10^4]. */
static void
random_q(fmpq_t x, flint_rand_t st)
{
    fmpq_set_si(x, 1 + n_randint(st, 10000), 1 + n_randint(st, 1000));
}

/* Every family on [l, L] at a random degree, one random family at degree
   60 (MINIMAX_T for minimax), and one range run of degrees 1..16. */
static void
run_spectrum(tally_t * tl, const fmpq_t l, const fmpq_t L, flint_rand_t st)
{
    stress_case_t c;
    int f;

    for (f = 0; f < NFAM + 2; f++)
    {
        case_init(&c);
        set_spectrum(&c, l, L);
        random_method(&c, families[f < NFAM ? (ulong) f : n_randint(st,
                      f == NFAM ? NFAM : 6)], st);
        if (f == NFAM)
            c.t = c.meth->family == UNROLL_FAMILY_MINIMAX ? MINIMAX_T : 60;
        if (f <= NFAM)
            run_case(tl, &c);
        else
            run_range(tl, &c, 16);
        case_clear(&c);
    }
}

/* l random, L = l r. */
static void
run_ratio(tally_t * tl, const fmpq_t r, flint_rand_t st)
{
    fmpq_t l, L;

    fmpq_init(l);
    fmpq_init(L);
    random_q(l, st);
    fmpq_mul(L, l, r);
    run_spectrum(tl, l, L, st);
    fmpq_clear(L);
    fmpq_clear(l);
}

static void
seed(flint_rand_t st, ulong salt)
{
    unroll_arith_randinit(st);
    flint_randseed(st, test_seed() ^ salt, test_seed() + salt);
}

/* ---- the regimes ------------------------------------------------------- */

/* Random rational spectra and methods: nearly every case must be
   certified, so that the containment checks are not vacuous. */
Test(stress, ordinary)
{
    tally_t tl = { "ordinary", 0, 0, 0, 0, 0 };
    flint_rand_t st;
    stress_case_t c;
    fmpq_t l, L;
    slong i, n = test_iters(40);

    fmpq_init(l);
    fmpq_init(L);
    seed(st, 1);

    for (i = 0; i < n + 2; i++)
    {
        random_q(l, st);
        random_q(L, st);
        fmpq_add(L, L, l);
        case_init(&c);
        set_spectrum(&c, l, L);
        random_method(&c, families[i < n ? n_randint(st, NFAM)
                                   : n_randint(st, 6)], st);
        if (i < n)
            run_case(&tl, &c);
        else
            run_range(&tl, &c, 30);
        case_clear(&c);
    }
    tally_log(&tl);
    cr_assert(tl.unbuilt * 10 <= tl.cases, "ordinary: %ld of %ld methods "
              "not built", (long) tl.unbuilt, (long) tl.cases);
    cr_assert(tl.certified * 10 >= 9 * (tl.cases - tl.unbuilt), "ordinary: "
              "only %ld of %ld certified", (long) tl.certified,
              (long) (tl.cases - tl.unbuilt));

    unroll_arith_randclear(st);
    fmpq_clear(L);
    fmpq_clear(l);
}

/* L / l = 1 + 2^-20 and 1 + 1/1000. */
Test(stress, kappa_near_one)
{
    tally_t tl = { "kappa near 1", 0, 0, 0, 0, 0 };
    flint_rand_t st;
    fmpq_t r;
    slong i;

    fmpq_init(r);
    seed(st, 2);
    for (i = 0; i < test_iters(1); i++)
    {
        fmpq_set_si(r, (1 << 20) + 1, 1 << 20);
        run_ratio(&tl, r, st);
        fmpq_set_si(r, 1001, 1000);
        run_ratio(&tl, r, st);
    }
    tally_log(&tl);
    cr_assert(tl.certified > 0, "kappa near 1: nothing certified");
    unroll_arith_randclear(st);
    fmpq_clear(r);
}

/* L / l = 10^6 and 10^12. */
Test(stress, kappa_huge)
{
    tally_t tl = { "kappa huge", 0, 0, 0, 0, 0 };
    flint_rand_t st;
    fmpq_t r;
    slong i;

    fmpq_init(r);
    seed(st, 3);
    for (i = 0; i < test_iters(1); i++)
    {
        fmpq_set_si(r, 1000000, 1);
        run_ratio(&tl, r, st);
        fmpq_mul(r, r, r);
        run_ratio(&tl, r, st);
    }
    tally_log(&tl);
    cr_assert(tl.certified > 0, "kappa huge: nothing certified");
    unroll_arith_randclear(st);
    fmpq_clear(r);
}

/* Spectra far from 1: [2^-40, 2^-30] and [10^6, 10^9]. */
Test(stress, extreme_scale)
{
    tally_t tl = { "extreme scale", 0, 0, 0, 0, 0 };
    flint_rand_t st;
    fmpq_t l, L;
    slong i;

    fmpq_init(l);
    fmpq_init(L);
    seed(st, 4);
    for (i = 0; i < test_iters(1); i++)
    {
        fmpq_one(l);
        fmpq_div_2exp(l, l, 40);
        fmpq_mul_2exp(L, l, 10);
        run_spectrum(&tl, l, L, st);
        fmpq_set_si(l, 1000000, 1);
        fmpq_set_si(L, 1000000000, 1);
        run_spectrum(&tl, l, L, st);
    }
    tally_log(&tl);
    cr_assert(tl.certified > 0, "extreme scale: nothing certified");
    unroll_arith_randclear(st);
    fmpq_clear(L);
    fmpq_clear(l);
}

/* Spectrum number k: random, then L / l = 1 + 1/1000, 10^6, 1 + 2^-20,
   10^12 for a random l, then [2^-40, 2^-30]. */
static void
some_spectrum(fmpq_t l, fmpq_t L, int k, flint_rand_t st)
{
    static const slong num[] = { 1001, 1000000, 1048577, 1000000 };
    static const slong den[] = { 1000, 1, 1048576, 1 };
    fmpq_t r;

    random_q(l, st);
    random_q(L, st);
    fmpq_add(L, L, l);
    if (k >= 1 && k <= 4)
    {
        fmpq_init(r);
        fmpq_set_si(r, num[k - 1], den[k - 1]);
        fmpq_mul(L, l, r);
        if (k == 4)
            fmpq_mul(L, L, r);
        fmpq_clear(r);
    }
    else if (k == 5)
    {
        fmpq_one(l);
        fmpq_div_2exp(l, l, 40);
        fmpq_mul_2exp(L, l, 10);
    }
}

/* The Gegenbauer method and every stage of the Sobolev one (the last
   also through a table) with a fixed alpha (and eta when eta is not
   NULL) on spectrum k, at random degrees, one of them raised to 60. */
static void
run_fixed(tally_t * tl, const fmpq_t alpha, const fmpq_t eta, slong k,
          flint_rand_t st)
{
    stress_case_t c;
    fmpq_t l, L;
    int j, top;

    fmpq_init(l);
    fmpq_init(L);
    some_spectrum(l, L, k, st);
    top = 1 + n_randint(st, 4);
    for (j = eta == NULL ? 0 : 1; j < 5; j++)
    {
        case_init(&c);
        set_spectrum(&c, l, L);
        random_method(&c, j == 0 ? UNROLL_FAMILY_GEGENBAUER
                      : UNROLL_FAMILY_SOBOLEV, st);
        fmpq_set(&c.meth->alpha, alpha);
        if (eta != NULL)
            fmpq_set(&c.meth->eta, eta);
        c.stage = j == 0 ? UNROLL_STAGE_X : FLINT_MIN(j - 1, 2);
        c.table = j == 4;
        c.t = j == top ? 60 : c.t;
        run_case(tl, &c);
        case_clear(&c);
    }
    fmpq_clear(L);
    fmpq_clear(l);
}

/* alpha = -1/2 + 2^-20: the density is nearly not integrable. */
Test(stress, alpha_near_minus_half)
{
    tally_t tl = { "alpha near -1/2", 0, 0, 0, 0, 0 };
    flint_rand_t st;
    fmpq_t a;
    slong k;

    fmpq_init(a);
    seed(st, 5);
    fmpq_set_si(a, -(1 << 19) + 1, 1 << 20);
    for (k = 0; k < 6 * test_iters(1); k++)
        run_fixed(&tl, a, NULL, k % 6, st);
    tally_log(&tl);
    cr_assert(tl.certified > 0, "alpha near -1/2: nothing certified");
    unroll_arith_randclear(st);
    fmpq_clear(a);
}

/* eta = 0 (no derivative term) and eta = 10^6 (the derivative term
   dominates), random alpha. */
Test(stress, eta_extremes)
{
    tally_t tl = { "eta 0 and 10^6", 0, 0, 0, 0, 0 };
    flint_rand_t st;
    fmpq_t a, e;
    slong k;

    fmpq_init(a);
    fmpq_init(e);
    seed(st, 6);
    for (k = 0; k < 6 * test_iters(1); k++)
    {
        fmpq_set_si(a, (slong) n_randint(st, 64) - 7, 16);
        fmpq_set_si(e, k % 2 ? 1000000 : 0, 1);
        run_fixed(&tl, a, e, k % 6, st);
    }
    tally_log(&tl);
    cr_assert(tl.certified > 0, "eta extremes: nothing certified");
    unroll_arith_randclear(st);
    fmpq_clear(e);
    fmpq_clear(a);
}

/* ---- the reference itself ---------------------------------------------- */

/* The reference against the paper's exact closed forms (Theorem 2 for gd
   with h = 1/L and 2/(L+l), Theorem 3 for chebyshev) on the extreme
   spectra, without the engine: a check of the checker. */
Test(stress, reference_matches_closed_forms)
{
    static const slong ts[] = { 1, 17, 60 };
    tally_t tl = { "closed forms", 0, 0, 0, 0, 0 };
    stress_case_t c;
    char ctx[512];
    fmpq_t l, L;
    arb_t B, D, Bc, Dc;
    int k, j, f;

    fmpq_init(l); fmpq_init(L);
    arb_init(B); arb_init(D); arb_init(Bc); arb_init(Dc);

    for (k = 0; k < 18; k++)
    {
        flint_rand_t st;

        seed(st, 7 + k);
        some_spectrum(l, L, k % 6, st);
        unroll_arith_randclear(st);
        f = k / 6;
        case_init(&c);
        set_spectrum(&c, l, L);
        c.meth->family = f < 2 ? UNROLL_FAMILY_GD : UNROLL_FAMILY_CHEBYSHEV;
        c.meth->has_h = f < 2;
        fmpq_add(&c.meth->h, l, L);
        fmpq_inv(&c.meth->h, f == 0 ? L : &c.meth->h);
        fmpq_mul_2exp(&c.meth->h, &c.meth->h, f == 1);
        for (j = 0; j < 3; j++)
        {
            c.t = ts[j];
            context(ctx, sizeof(ctx), &tl, &c);
            reference(B, D, &c, ctx);
            if (f < 2)
                unroll_bound_gd(Bc, Dc, &c.meth->spec, &c.meth->h, c.t,
                                REF_PREC);
            else
                unroll_bound_chebyshev(Bc, Dc, &c.meth->spec, c.t,
                                       REF_PREC);
            cr_assert(arb_overlaps(B, Bc) && arb_overlaps(D, Dc), "%s: "
                      "reference misses the closed form", ctx);
            cr_assert(arb_rel_accuracy_bits(B) > 300
                      && arb_rel_accuracy_bits(D) > 300, "%s: reference "
                      "too wide", ctx);
        }
        case_clear(&c);
    }

    arb_clear(Dc); arb_clear(Bc); arb_clear(D); arb_clear(B);
    fmpq_clear(L); fmpq_clear(l);
}

/* ---- end to end: unroll bound ------------------------------------------ */

typedef struct
{
    char regime[24];
    char method[24];
    char ell[24];
    char L[24];
    char alpha[24];
    char eta[24];
    char step[24];
    char mom[24];
    char stage[4];
    int t;
}
cli_stress_t;

ParameterizedTestParameters(stress, cli_brackets_reference)
{
    static cli_stress_t cases[] =
    {
        { "kappa 1 + 2^-20", "chebyshev", "1", "1048577/1048576", "", "",
          "", "", "x", 40 },
        { "kappa 1 + 1/1000", "heavy-ball", "1000", "1001", "", "",
          "1/1001", "1/2", "x", 50 },
        { "kappa 10^6", "gegenbauer", "3/7", "3000000/7", "3/2", "", "",
          "", "x", 60 },
        { "kappa 10^12", "sobolev", "1", "1000000000000", "1/2", "1", "",
          "", "x", 40 },
        { "l = 2^-40, L = 2^-30", "gd", "1/1099511627776", "1/1073741824",
          "", "", "1073741824", "", "x", 60 },
        { "l = 10^6, L = 10^9", "sobolev-asymptotic", "1000000",
          "1000000000", "", "", "", "", "z", 30 },
        { "alpha = -1/2 + 2^-20", "sobolev", "1/2", "10", "-524287/1048576",
          "1", "", "", "z", 50 },
        { "eta = 10^6", "sobolev", "1", "100", "1", "1000000", "", "", "x",
          40 },
        { "eta = 0", "sobolev", "2/3", "7", "0", "0", "", "", "y", 45 },
        { "minimax, kappa 10^6", "minimax", "1", "1000000", "", "", "", "",
          "x", 12 },
    };
    return cr_make_param_array(cli_stress_t, cases, 10);
}

/* The method of a CLI case as a stress case, for its reference. */
static void
cli_case(stress_case_t * c, const cli_stress_t * p)
{
    unroll_method_struct * m = c->meth;
    fmpq_t l, L;

    fmpq_init(l);
    fmpq_init(L);
    test_fmpq(l, p->ell);
    test_fmpq(L, p->L);
    set_spectrum(c, l, L);
    m->family = unroll_family_from_name(p->method);
    if ((m->has_alpha = p->alpha[0] != '\0'))
        test_fmpq(&m->alpha, p->alpha);
    if ((m->has_eta = p->eta[0] != '\0'))
        test_fmpq(&m->eta, p->eta);
    if ((m->has_h = p->step[0] != '\0'))
        test_fmpq(&m->h, p->step);
    if ((m->has_m = p->mom[0] != '\0'))
        test_fmpq(&m->m, p->mom);
    c->t = p->t;
    c->stage = p->stage[0] == 'y' ? UNROLL_STAGE_Y : p->stage[0] == 'z'
        ? UNROLL_STAGE_Z : UNROLL_STAGE_X;
    fmpq_clear(L);
    fmpq_clear(l);
}

/* The command line of a CLI case, in argv (room for 24 entries). */
static void
cli_argv(const char ** argv, char tbuf[16], const cli_stress_t * p)
{
    int n = 0;

    argv[n++] = "unroll";
    argv[n++] = "bound";
    argv[n++] = "-m";
    argv[n++] = p->method;
    argv[n++] = "--ell";
    argv[n++] = p->ell;
    argv[n++] = "--L";
    argv[n++] = p->L;
    snprintf(tbuf, 16, "%d", p->t);
    argv[n++] = "-t";
    argv[n++] = tbuf;
    argv[n++] = "--stage";
    argv[n++] = p->stage;
    if (p->alpha[0] != '\0')
        argv[n++] = "--alpha", argv[n++] = p->alpha;
    if (p->eta[0] != '\0')
        argv[n++] = "--eta", argv[n++] = p->eta;
    if (p->step[0] != '\0')
        argv[n++] = "--step", argv[n++] = p->step;
    if (p->mom[0] != '\0')
        argv[n++] = "--momentum", argv[n++] = p->mom;
    argv[n] = NULL;
}

/* Field k (0-based) of the CSV line row, read exactly. */
static void
csv_field(fmpq_t res, const char * row, int k)
{
    char buf[64];
    size_t n;

    for (; k > 0; k--)
    {
        row = strchr(row, ',');
        cr_assert_not_null(row, "short row");
        row++;
    }
    n = strcspn(row, ",\n");
    cr_assert(n > 0 && n < sizeof(buf), "bad field");
    memcpy(buf, row, n);
    buf[n] = '\0';
    test_fmpq(res, buf);
}

/* The printed [lo, hi] in fields k, k + 1 brackets the whole reference
   ball V (a wide V could only make this fail). */
static void
assert_brackets(const char * row, int k, const arb_t V, const char * what,
                const char * regime)
{
    fmpq_t lo, hi, a, b;
    arf_t x;

    fmpq_init(lo); fmpq_init(hi); fmpq_init(a); fmpq_init(b);
    arf_init(x);

    csv_field(lo, row, k);
    csv_field(hi, row, k + 1);
    arb_get_lbound_arf(x, V, REF_PREC);
    arf_get_fmpq(a, x);
    arb_get_ubound_arf(x, V, REF_PREC);
    arf_get_fmpq(b, x);
    cr_assert(fmpq_cmp(lo, a) <= 0 && fmpq_cmp(b, hi) <= 0, "containment: "
              "%s: printed %s interval misses the reference %g: %s", regime,
              what, arf_get_d(arb_midref(V), ARF_RND_NEAR), row);

    arf_clear(x);
    fmpq_clear(b); fmpq_clear(a); fmpq_clear(hi); fmpq_clear(lo);
}

/* One run of unroll bound per extreme regime: exit 0 and a row whose
   printed B and D intervals bracket the reference, or exit 1 saying it
   could not certify. */
ParameterizedTest(cli_stress_t * p, stress, cli_brackets_reference)
{
    const char * argv[24];
    char tbuf[16], ctx[512];
    stress_case_t c;
    cli_result_t r;
    const char * row;
    arb_t B, D;

    case_init(&c);
    arb_init(B);
    arb_init(D);

    cli_case(&c, p);
    cli_argv(argv, tbuf, p);
    run_cli(&r, argv);
    snprintf(ctx, sizeof(ctx), "%s (exit %d): %s", p->regime, r.code,
             r.err);
    if (r.code == 1 && strstr(r.err, "could not certify") != NULL)
        cr_log_info("%s: not certified", ctx);
    else
    {
        cr_assert_eq(r.code, 0, "%s", ctx);
        row = strchr(r.out, '\n');
        cr_assert(row != NULL && strncmp(r.out, "t,B_lo,B_hi,", 12) == 0,
                  "%s: %s", ctx, r.out);
        row++;
        cr_assert_eq(atoi(row), p->t, "%s: %s", ctx, row);
        reference(B, D, &c, ctx);
        assert_brackets(row, 1, B, "B", p->regime);
        assert_brackets(row, 4, D, "D", p->regime);
    }

    cli_result_clear(&r);
    arb_clear(D);
    arb_clear(B);
    case_clear(&c);
}
