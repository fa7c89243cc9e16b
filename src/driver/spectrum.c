#include "unroll/driver.h"

/* 24 significant bits keep the exact coefficients of long runs small;
   rounding outward (below 1e-7 relative) keeps the bracket valid for the
   true eigenvalues, and so keeps certified bounds on it valid. */
int
unroll_driver_problem_spectrum(fmpq_t l, fmpq_t L,
                               const unroll_driver_problem_t p, char * msg)
{
    arf_t f;

    if (!(p->l_lower > 0.0) || !(p->L_upper > p->l_lower))
    {
        unroll_arith_msg(msg, "H is too ill-conditioned to bracket its "
                              "spectrum in double precision; increase "
                              "theta");
        return UNROLL_DOMAIN;
    }

    arf_init(f);
    arf_set_d(f, p->l_lower);
    arf_set_round(f, f, 24, ARF_RND_FLOOR);
    arf_get_fmpq(l, f);
    arf_set_d(f, p->L_upper);
    arf_set_round(f, f, 24, ARF_RND_CEIL);
    arf_get_fmpq(L, f);
    arf_clear(f);
    return UNROLL_SUCCESS;
}
