#include <stdlib.h>

#include <jansson.h>

#include "unroll/table.h"

/* Digits printed for a ball: enough that a 53-bit rounding is decided
   whenever the ball itself decides it. */
#define BALL_DIGITS 40

/* The exact text of coefficient k at step t: p/q or a ball. */
static char *
exact_str(const unroll_scheme_t s, int k, slong t)
{
    if (s->exact)
        return fmpq_get_str(NULL, 10, unroll_scheme_q(s, k, t));
    return unroll_arith_arb_get_str(unroll_scheme_b(s, k, t), BALL_DIGITS);
}

/* Rounds every coefficient before anything is written.  A value beyond
   the double range rounds to +-inf, which is what IEEE round-to-nearest
   gives; that happens for a_t and A_t of the sobolev method, which grow
   like xi^(-2t).  Only a ball too wide to decide its double fails. */
static int
round_all(double * d, const unroll_scheme_t s, slong T, int ncoef,
          char * msg)
{
    slong t;
    int k, status = UNROLL_SUCCESS;

    for (t = 1; t <= T && status != UNROLL_UNABLE; t++)
        for (k = 0; k < ncoef && status != UNROLL_UNABLE; k++)
        {
            if (s->exact)
                status = unroll_arith_fmpq_get_d(d + (t - 1) * ncoef + k,
                                                 unroll_scheme_q(s, k, t));
            else
                status = unroll_arith_arb_get_d(d + (t - 1) * ncoef + k,
                                                unroll_scheme_b(s, k, t));
            if (status == UNROLL_UNABLE)
                unroll_arith_msg(msg, "t = %ld, %s: ball too wide to round "
                                 "correctly", (long) t,
                                 unroll_scheme_coef_name(k));
        }
    return status == UNROLL_UNABLE ? status : UNROLL_SUCCESS;
}

static void
write_csv(FILE * f, const unroll_scheme_t s, const double * d, slong T,
          int ncoef)
{
    slong t;
    int k;
    char * str;

    fprintf(f, "t");
    for (k = 0; k < ncoef; k++)
        fprintf(f, ",%s,%s_f64", unroll_scheme_coef_name(k),
                unroll_scheme_coef_name(k));
    fprintf(f, "\n");

    for (t = 1; t <= T; t++)
    {
        fprintf(f, "%ld", (long) t);
        for (k = 0; k < ncoef; k++)
        {
            str = exact_str(s, k, t);
            fprintf(f, ",%s,%.17g", str, d[(t - 1) * ncoef + k]);
            flint_free(str);
        }
        fprintf(f, "\n");
    }
}

static void
put_fmpq(json_t * obj, const char * key, const fmpq_t x)
{
    char * str = fmpq_get_str(NULL, 10, x);

    json_object_set_new(obj, key, json_string(str));
    flint_free(str);
}

void
unroll_table_method_json(void * obj, const unroll_method_t meth)
{
    json_t * o = obj, * par = json_object();

    json_object_set_new(o, "method",
                        json_string(unroll_family_name(meth->family)));
    if (meth->has_spec)
    {
        put_fmpq(par, "l", &meth->spec.l);
        put_fmpq(par, "L", &meth->spec.L);
    }
    if (meth->has_alpha)
        put_fmpq(par, "alpha", &meth->alpha);
    if (meth->has_eta)
        put_fmpq(par, "eta", &meth->eta);
    if (meth->has_h)
        put_fmpq(par, "h", &meth->h);
    if (meth->has_m)
        put_fmpq(par, "m", &meth->m);
    if (meth->has_rho)
        put_fmpq(par, "rho", &meth->rho);
    if (meth->path != NULL)
        json_object_set_new(par, "coeffs", json_string(meth->path));
    json_object_set_new(o, "parameters", par);
}

static int
write_json(FILE * f, const unroll_scheme_t s, const unroll_method_t meth,
           const double * d, slong T, int ncoef)
{
    json_t * root = json_object(), * cols = json_array();
    json_t * rows = json_array(), * row;
    char name[16], * str;
    slong t;
    int k, bad;

    if (meth != NULL)
        unroll_table_method_json(root, meth);
    json_object_set_new(root, "kind", json_string(
        s->kind == UNROLL_SCHEME_MOMENTUM ? "momentum" : "averaged"));
    for (k = 0; k < ncoef; k++)
        json_array_append_new(cols, json_string(unroll_scheme_coef_name(k)));
    json_object_set_new(root, "columns", cols);

    for (t = 1; t <= T; t++)
    {
        row = json_object();
        json_object_set_new(row, "t", json_integer(t));
        for (k = 0; k < ncoef; k++)
        {
            str = exact_str(s, k, t);
            json_object_set_new(row, unroll_scheme_coef_name(k),
                                json_string(str));
            flint_free(str);
            snprintf(name, sizeof(name), "%s_f64", unroll_scheme_coef_name(k));
            json_object_set_new(row, name, json_real(d[(t - 1) * ncoef + k]));
        }
        json_array_append_new(rows, row);
    }
    json_object_set_new(root, "rows", rows);

    bad = json_dumpf(root, f, JSON_INDENT(1) | JSON_PRESERVE_ORDER
                     | JSON_REAL_PRECISION(17)) != 0;
    fputc('\n', f);
    json_decref(root);
    return bad ? UNROLL_IO : UNROLL_SUCCESS;
}

int
unroll_table_write_coeffs(FILE * f, const unroll_scheme_t s,
                          const unroll_method_t meth, slong T, int format,
                          char * msg)
{
    int ncoef = unroll_scheme_ncoef(s), status;
    double * d;

    if (T < 0 || T > s->T)
        flint_abort();

    d = flint_malloc(sizeof(double) * (size_t) FLINT_MAX(1, T * ncoef));
    status = round_all(d, s, T, ncoef, msg);
    if (status == UNROLL_SUCCESS)
    {
        if (format == UNROLL_FORMAT_JSON)
            status = write_json(f, s, meth, d, T, ncoef);
        else
            write_csv(f, s, d, T, ncoef);
        if (status == UNROLL_SUCCESS && ferror(f))
            status = UNROLL_IO;
        if (status != UNROLL_SUCCESS)
            unroll_arith_msg(msg, "write error");
    }

    flint_free(d);
    return status;
}
