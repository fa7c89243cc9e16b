/* Fuzzes the coefficient-table reader (unroll_family_table_read), CSV and
   JSON alike: the same input is a CSV file unless it starts with '{'.

   Invariants: the status is SUCCESS or DOMAIN (the file is readable), an
   error is one line that starts with the file name; on success T >= 1 is
   the scheme's length, the kind is momentum or averaged, exact values are
   canonical and balls finite, A_t is nonzero; the residual of y has
   P_t(0) = 1 at small t, those of z and x have P_t(0) equal to the
   scalar recurrence at lambda = 0 (so 1 for a consistent table); and the
   scheme written back by unroll_table_write_coeffs, as CSV and as JSON,
   reads back to the same values (balls: to enclosures of them). */
#include "fuzz.h"

#define PREC 128
#define T_SMALL 4

/* Coefficient k at step t as a ball. */
static void
coef(arb_t res, const unroll_scheme_t s, int k, slong t)
{
    unroll_scheme_get_arb(res, s, k, t, PREC);
}

/* P_t(0) of every stage from the scalar recurrence: y = 1, then
   z_t = c1 z_{t-2} + c2 - c3 and x_t = (A_{t-1} x_{t-1} + a_t z_t) / A_t,
   with z_{-1} = z_0 = x_0 = 1.  v receives z_t and x_t for t <= tmax. */
static void
scalar_residuals(arb_ptr vz, arb_ptr vx, const unroll_scheme_t s,
                 slong tmax)
{
    arb_t c, w;
    slong t;

    arb_init(c);
    arb_init(w);
    arb_one(vz + 0);
    arb_one(vx + 0);
    for (t = 1; t <= tmax; t++)
    {
        coef(c, s, UNROLL_COEF_C1, t);
        arb_mul(vz + t, c, vz + FLINT_MAX(t - 2, 0), PREC);
        coef(c, s, UNROLL_COEF_C2, t);
        arb_add(vz + t, vz + t, c, PREC);
        coef(c, s, UNROLL_COEF_C3, t);
        arb_sub(vz + t, vz + t, c, PREC);
        coef(c, s, UNROLL_COEF_A, t - 1);
        arb_mul(vx + t, c, vx + t - 1, PREC);
        coef(c, s, UNROLL_COEF_a, t);
        arb_addmul(vx + t, c, vz + t, PREC);
        coef(w, s, UNROLL_COEF_A, t);
        arb_div(vx + t, vx + t, w, PREC);
    }
    arb_clear(w);
    arb_clear(c);
}

/* The residual of the stage at t, at lambda = 0, as a ball. */
static void
residual_at_zero(arb_t res, const unroll_scheme_t s, slong t, int stage)
{
    fmpq_poly_t P;
    arb_poly_t B;
    fmpq_t c;

    if (s->exact)
    {
        fmpq_poly_init(P);
        fmpq_init(c);
        unroll_scheme_poly_residual(P, s, t, stage);
        fmpq_poly_get_coeff_fmpq(c, P, 0);
        arb_set_fmpq(res, c, PREC);
        fmpq_clear(c);
        fmpq_poly_clear(P);
    }
    else
    {
        arb_poly_init(B);
        unroll_scheme_arb_poly_residual(B, s, t, stage, PREC);
        arb_poly_get_coeff_arb(res, B, 0);
        arb_poly_clear(B);
    }
}

static void
check_residuals(const unroll_scheme_t s, slong T)
{
    slong t, tmax = FLINT_MIN(T, T_SMALL);
    arb_ptr vz = _arb_vec_init(tmax + 1), vx = _arb_vec_init(tmax + 1);
    arb_t r;

    arb_init(r);
    if (s->kind == UNROLL_SCHEME_AVERAGED)
        scalar_residuals(vz, vx, s, tmax);
    for (t = 0; t <= tmax; t++)
    {
        residual_at_zero(r, s, t, UNROLL_STAGE_Y);
        FUZZ_CHECK(s->exact ? arb_is_one(r) : arb_contains_si(r, 1));
        if (s->kind != UNROLL_SCHEME_AVERAGED)
            continue;
        residual_at_zero(r, s, t, UNROLL_STAGE_Z);
        FUZZ_CHECK(arb_overlaps(r, vz + t));
        residual_at_zero(r, s, t, UNROLL_STAGE_X);
        FUZZ_CHECK(arb_overlaps(r, vx + t));
    }
    arb_clear(r);
    _arb_vec_clear(vx, tmax + 1);
    _arb_vec_clear(vz, tmax + 1);
}

/* The shape of a scheme that was read. */
static void
check_scheme(const unroll_scheme_t s, slong T)
{
    slong t;
    int k;

    FUZZ_CHECK(T >= 1 && s->T == T);
    FUZZ_CHECK(s->kind == UNROLL_SCHEME_MOMENTUM
               || s->kind == UNROLL_SCHEME_AVERAGED);
    for (t = 0; t <= T; t++)
        for (k = 0; k < unroll_scheme_ncoef(s); k++)
            FUZZ_CHECK(s->exact
                       ? fmpq_is_canonical(unroll_scheme_q(s, k, t))
                       : arb_is_finite(unroll_scheme_b(s, k, t)));
    if (s->kind == UNROLL_SCHEME_AVERAGED)
        for (t = 1; t <= T; t++)
            FUZZ_CHECK(s->exact
                ? !fmpq_is_zero(unroll_scheme_q(s, UNROLL_COEF_A, t))
                : !arb_contains_zero(unroll_scheme_b(s, UNROLL_COEF_A, t)));
}

/* Writes s in the format and reads it back through the file f. */
static void
check_round_trip(const unroll_scheme_t s, slong T, int format,
                 fuzz_file_t * f)
{
    char msg[UNROLL_MSG_LEN], * buf = NULL;
    size_t len = 0;
    FILE * out = open_memstream(&buf, &len);
    unroll_scheme_t back;
    arb_t x, y;
    slong t, T2 = -1;
    int k, status;

    status = unroll_table_write_coeffs(out, s, NULL, T, format, msg);
    fclose(out);
    /* a ball too wide to round to a double is not written */
    FUZZ_CHECK(status == UNROLL_SUCCESS
               || (status == UNROLL_UNABLE && !s->exact));
    if (status == UNROLL_SUCCESS)
    {
        fuzz_file_set(f, buf, len);
        unroll_scheme_init(back);
        status = unroll_family_table_read(back, &T2, f->path, PREC, msg);
        if (status != UNROLL_SUCCESS)
            fprintf(stderr, "written table does not read back: %s\n", msg);
        FUZZ_CHECK(status == UNROLL_SUCCESS && T2 == T);
        /* balls of radius zero print as plain decimals, so a ball
           scheme may come back exact, never the other way round */
        FUZZ_CHECK(back->kind == s->kind && back->exact >= s->exact);
        arb_init(x);
        arb_init(y);
        for (t = 1; t <= T; t++)
            for (k = 0; k < unroll_scheme_ncoef(s); k++)
            {
                unroll_scheme_get_arb(x, s, k, t, PREC);
                unroll_scheme_get_arb(y, back, k, t, PREC);
                FUZZ_CHECK(s->exact
                    ? fmpq_equal(unroll_scheme_q(back, k, t),
                                 unroll_scheme_q(s, k, t))
                    : arb_contains(y, x));
            }
        arb_clear(y);
        arb_clear(x);
        unroll_scheme_clear(back);
    }
    free(buf);
}

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    static fuzz_file_t in, out;
    static int ready = 0;
    char msg[UNROLL_MSG_LEN];
    unroll_scheme_t s;
    slong T = -1;
    int status;

    if (!ready)
    {
        fuzz_file_init(&in, "in.coeffs");
        fuzz_file_init(&out, "out.coeffs");
        ready = 1;
    }
    fuzz_file_set(&in, data, size);

    unroll_scheme_init(s);
    msg[0] = '\0';
    status = unroll_family_table_read(s, &T, in.path, PREC, msg);
    FUZZ_STATUS_IN(status, UNROLL_DOMAIN);
    if (status == UNROLL_SUCCESS)
    {
        check_scheme(s, T);
        check_residuals(s, T);
        check_round_trip(s, T, UNROLL_FORMAT_CSV, &out);
        check_round_trip(s, T, UNROLL_FORMAT_JSON, &out);
    }
    else
        fuzz_check_file_msg(msg, in.path);
    unroll_scheme_clear(s);
    return 0;
}
