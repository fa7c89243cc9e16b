#include <stdio.h>
#include <stdlib.h>

#include "impl.h"
#include "unroll/bound.h"

/* A comma, then x with 17 significant digits rounded down (dir < 0) or
   up: the written lower end is below, and the upper end above, the
   certified one. */
static void
put_arf(FILE * f, const arf_t x, int dir)
{
    fputc(',', f);
    unroll_arith_fprint_arf(f, x, dir);
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
        if (_unroll_table_round_row(d, s, t, ncoef, msg) != UNROLL_SUCCESS)
            return UNROLL_UNABLE;

    fprintf(f, "t");
    for (k = 0; k < ncoef; k++)
        fprintf(f, ",%s,%s_f64", unroll_scheme_coef_name(k),
                unroll_scheme_coef_name(k));
    fprintf(f, ",B_lo,B_hi,D_lo,D_hi\n");
    for (t = 1; t <= T; t++)
    {
        _unroll_table_round_row(d, s, t, ncoef, msg);
        fprintf(f, "%ld", (long) t);
        for (k = 0; k < ncoef; k++)
        {
            str = _unroll_table_exact_str(s, k, t);
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
