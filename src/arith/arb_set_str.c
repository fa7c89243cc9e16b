#include <string.h>

#include "unroll/arith.h"

int
unroll_arith_arb_set_str(arb_t res, const char * s, slong prec, char * msg)
{
    fmpq_t q;
    int status;

    /* A ball "[m +/- r]" (or Arb's other decimal forms) goes to Arb's own
       reader, which rounds outward; p/q and decimals stay exact. */
    if (s != NULL && strchr(s, '[') != NULL)
    {
        if (arb_set_str(res, s, prec) != 0 || !arb_is_finite(res))
        {
            unroll_arith_msg(msg, "'%s': malformed ball", s);
            return UNROLL_DOMAIN;
        }
        return UNROLL_SUCCESS;
    }

    fmpq_init(q);
    status = unroll_arith_parse_fmpq(q, s, NULL, NULL, 0, msg);
    if (status == UNROLL_SUCCESS)
        arb_set_fmpq(res, q, prec);
    fmpq_clear(q);
    return status;
}
