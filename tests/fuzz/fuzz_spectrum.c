/* Fuzzes the spectrum options as the command line reads them: the input
   is "ELL\nL\nEXPR"; ELL and L are exact numbers (unroll_arith_parse_fmpq
   without names), unroll_spectrum_set checks them, and EXPR is a method
   parameter in l, ell and L (as --step 2/(L+l)).

   Invariants: statuses are SUCCESS or DOMAIN with a one-line message;
   unroll_spectrum_set succeeds exactly when 0 < l < L, stores l and L, and
   on failure leaves the spectrum as it was; and EXPR has the value of the
   same text with each name replaced by its value in parentheses (unless
   the extra parentheses pass the nesting limit). */
#include <ctype.h>

#include "fuzz.h"

/* Cuts s at its first newline; returns the rest, or "" when none. */
static char *
next_line(char * s)
{
    char * nl = strchr(s, '\n');

    if (nl == NULL)
        return s + strlen(s);
    *nl = '\0';
    return nl + 1;
}

/* Appends the text of x in parentheses to out at *n. */
static void
put_value(char * out, size_t * n, const fmpq_t x)
{
    char * str = fmpq_get_str(NULL, 10, x);

    *n += (size_t) sprintf(out + *n, "(%s)", str);
    flint_free(str);
}

/* expr with every whole word l, ell, L replaced by "(p/q)".  A word is a
   maximal run of letters, digits, '_' and '.', so digits of numbers and
   exponents ("1e5") stay as they are. */
static char *
substitute(const char * expr, const unroll_spectrum_t spec)
{
    size_t len = strlen(expr), n = 0, w;
    size_t cap = len * (fmpz_bits(fmpq_denref(&spec->L))
                        + fmpz_bits(fmpq_numref(&spec->L))
                        + fmpz_bits(fmpq_denref(&spec->l))
                        + fmpz_bits(fmpq_numref(&spec->l)) + 8) + 1;
    char * out = malloc(cap);

    FUZZ_CHECK(out != NULL);
    while (*expr != '\0')
    {
        for (w = 0; isalnum((unsigned char) expr[w]) || expr[w] == '_'
             || expr[w] == '.'; w++)
            ;
        if (w == 0)
            out[n++] = *expr++;
        else if ((w == 1 && *expr == 'l') || (w == 3
                 && strncmp(expr, "ell", 3) == 0))
            put_value(out, &n, &spec->l);
        else if (w == 1 && *expr == 'L')
            put_value(out, &n, &spec->L);
        else
            memcpy(out + n, expr, w), n += w;
        expr += w;
    }
    out[n] = '\0';
    return out;
}

static void
check_expr(const char * expr, const unroll_spectrum_t spec)
{
    static const char * const names[] = { "l", "ell", "L" };
    char msg[UNROLL_MSG_LEN], msg2[UNROLL_MSG_LEN];
    char * sub = substitute(expr, spec);
    fmpq vals[3];
    fmpq_t q, r;
    int status, sstatus;

    fmpq_init(q);
    fmpq_init(r);
    vals[0] = spec->l;
    vals[1] = spec->l;
    vals[2] = spec->L;

    msg[0] = msg2[0] = '\0';
    status = unroll_arith_parse_fmpq(q, expr, names, vals, 3, msg);
    FUZZ_STATUS_IN(status, UNROLL_DOMAIN);
    sstatus = unroll_arith_parse_fmpq(r, sub, NULL, NULL, 0, msg2);
    FUZZ_STATUS_IN(sstatus, UNROLL_DOMAIN);
    if (status != UNROLL_SUCCESS)
        fuzz_check_msg(msg);
    if (sstatus != UNROLL_SUCCESS)
        fuzz_check_msg(msg2);
    if (status == UNROLL_SUCCESS && sstatus == UNROLL_SUCCESS)
        FUZZ_CHECK(fmpq_equal(q, r));
    else if (status == UNROLL_SUCCESS)
        FUZZ_CHECK(strstr(msg2, "nesting too deep") != NULL);

    fmpq_clear(r);
    fmpq_clear(q);
    free(sub);
}

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    char msg[UNROLL_MSG_LEN];
    char * s = fuzz_strndup(data, size), * Ls, * expr;
    unroll_spectrum_t spec;
    fmpq_t l, L;
    int status;

    Ls = next_line(s);
    expr = next_line(Ls);
    fmpq_init(l);
    fmpq_init(L);
    unroll_spectrum_init(spec);

    status = unroll_arith_parse_fmpq(l, s, NULL, NULL, 0, msg);
    if (status == UNROLL_SUCCESS)
        status = unroll_arith_parse_fmpq(L, Ls, NULL, NULL, 0, msg);
    FUZZ_STATUS_IN(status, UNROLL_DOMAIN);
    if (status == UNROLL_SUCCESS)
    {
        msg[0] = '\0';
        status = unroll_spectrum_set(spec, l, L, msg);
        FUZZ_STATUS_IN(status, UNROLL_DOMAIN);
        FUZZ_CHECK((status == UNROLL_SUCCESS)
                   == (fmpq_sgn(l) > 0 && fmpq_cmp(l, L) < 0));
    }
    if (status == UNROLL_SUCCESS)
    {
        FUZZ_CHECK(fmpq_equal(&spec->l, l) && fmpq_equal(&spec->L, L));
        check_expr(expr, spec);
    }
    else
    {
        fuzz_check_msg(msg);
        /* the default [1/2, 1] is untouched */
        FUZZ_CHECK(fmpq_cmp_si(&spec->L, 1) == 0);
        fmpq_mul_2exp(l, &spec->l, 1);
        FUZZ_CHECK(fmpq_is_one(l));
    }

    unroll_spectrum_clear(spec);
    fmpq_clear(L);
    fmpq_clear(l);
    free(s);
    return 0;
}
