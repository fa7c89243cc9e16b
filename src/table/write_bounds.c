#include <stdio.h>
#include <stdlib.h>

#include "unroll/table.h"
#include "unroll/bound.h"

/* Enough digits that a 53-bit rounding is decided by a ball that decides
   it, as in the coefficient tables. */
#define BALL_DIGITS 40

static char *
exact_str(const unroll_scheme_t s, int k, slong t)
{
    if (s->exact)
        return fmpq_get_str(NULL, 10, unroll_scheme_q(s, k, t));
    return unroll_arith_arb_get_str(unroll_scheme_b(s, k, t), BALL_DIGITS);
}

/* A comma, then x with 17 significant digits rounded down (dir < 0) or
   up: the written lower end is below, and the upper end above, the
   certified one. */
static void
put_arf(FILE * f, const arf_t x, int dir)
{
    fputc(',', f);
    unroll_arith_fprint_arf(f, x, dir);
}

/* Every double is decided before anything is written. */
static int
round_row(double * d, const unroll_scheme_t s, slong t, int ncoef,
          char * msg)
{
    int k, status;

    for (k = 0; k < ncoef; k++)
    {
        if (s->exact)
            status = unroll_arith_fmpq_get_d(d + k, unroll_scheme_q(s, k, t));
        else
            status = unroll_arith_arb_get_d(d + k, unroll_scheme_b(s, k, t));
        if (status == UNROLL_UNABLE)
        {
            unroll_arith_msg(msg, "t = %ld, %s: ball too wide to round "
                             "correctly", (long) t,
                             unroll_scheme_coef_name(k));
            return UNROLL_UNABLE;
        }
    }
    return UNROLL_SUCCESS;
}

int
unroll_table_write_bounds(FILE * f, const unroll_scheme_t s,
                          const unroll_bound_result_struct * res, slong T,
                          char * msg)
{
    int ncoef = unroll_scheme_ncoef(s), k;
    double d[UNROLL_NCOEF];
    char * str;
    slong t;

    for (t = 1; t <= T; t++)
        if (round_row(d, s, t, ncoef, msg) != UNROLL_SUCCESS)
            return UNROLL_UNABLE;

    fprintf(f, "t");
    for (k = 0; k < ncoef; k++)
        fprintf(f, ",%s,%s_f64", unroll_scheme_coef_name(k),
                unroll_scheme_coef_name(k));
    fprintf(f, ",B_lo,B_hi,D_lo,D_hi\n");
    for (t = 1; t <= T; t++)
    {
        round_row(d, s, t, ncoef, msg);
        fprintf(f, "%ld", (long) t);
        for (k = 0; k < ncoef; k++)
        {
            str = exact_str(s, k, t);
            fprintf(f, ",%s,%.17g", str, d[k]);
            flint_free(str);
        }
        put_arf(f, &res[t - 1].B.lo, -1);
        put_arf(f, &res[t - 1].B.hi, 1);
        put_arf(f, &res[t - 1].D.lo, -1);
        put_arf(f, &res[t - 1].D.hi, 1);
        fputc('\n', f);
    }
    if (ferror(f))
    {
        unroll_arith_msg(msg, "write error");
        return UNROLL_IO;
    }
    return UNROLL_SUCCESS;
}
