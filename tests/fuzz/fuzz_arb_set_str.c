/* Fuzzes the ball reader (unroll_arith_arb_set_str), which reads the
   "[m +/- r]" cells of coefficient tables.

   Invariants: the status is SUCCESS or DOMAIN, an error comes with one
   non-empty line, a result is a finite ball, and the ball printed by
   unroll_arith_arb_get_str reads back as a ball that contains it (the
   printing contract: no digit the radius does not support, and an
   enclosure on reading). */
#include "fuzz.h"

#define PREC 128
#define DIGITS 40

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    char msg[UNROLL_MSG_LEN];
    char * s = fuzz_strndup(data, size), * str;
    arb_t b, c;
    int status;

    arb_init(b);
    arb_init(c);

    msg[0] = '\0';
    status = unroll_arith_arb_set_str(b, s, PREC, msg);
    FUZZ_STATUS_IN(status, UNROLL_DOMAIN);
    if (status == UNROLL_SUCCESS)
    {
        FUZZ_CHECK(arb_is_finite(b));
        str = unroll_arith_arb_get_str(b, DIGITS);
        msg[0] = '\0';
        status = unroll_arith_arb_set_str(c, str, PREC, msg);
        if (status != UNROLL_SUCCESS || !arb_contains(c, b))
        {
            fprintf(stderr, "printed '%s' from '%s' reads back as ", str,
                    s);
            arb_fprintd(stderr, c, 30);
            fprintf(stderr, " (%s)\n", msg);
        }
        FUZZ_CHECK(status == UNROLL_SUCCESS && arb_contains(c, b));
        flint_free(str);
    }
    else
        fuzz_check_msg(msg);

    arb_clear(c);
    arb_clear(b);
    free(s);
    return 0;
}
