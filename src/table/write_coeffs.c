#include <stdlib.h>

#include <jansson.h>

#include "impl.h"

/* Every double is decided before anything is written. */
static int
round_all(double * d, const unroll_scheme_t s, slong T, int ncoef,
          char * msg)
{
    slong t;

    for (t = 1; t <= T; t++)
        if (_unroll_table_round_row(d + (t - 1) * ncoef, s, t, ncoef, msg)
            != UNROLL_SUCCESS)
            return UNROLL_UNABLE;
    return UNROLL_SUCCESS;
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
            str = _unroll_table_exact_str(s, k, t);
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
            str = _unroll_table_exact_str(s, k, t);
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
