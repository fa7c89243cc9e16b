#include "impl.h"

#define BALL_DIGITS 40

char *
_unroll_table_exact_str(const unroll_scheme_t s, int k, slong t)
{
    if (s->exact)
        return fmpq_get_str(NULL, 10, unroll_scheme_q(s, k, t));
    return unroll_arith_arb_get_str(unroll_scheme_b(s, k, t), BALL_DIGITS);
}

int
_unroll_table_round_row(double * d, const unroll_scheme_t s, slong t,
                        int ncoef, char * msg)
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
