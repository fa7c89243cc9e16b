/* Fuzzes the exact number parser (unroll_arith_parse_fmpq), as every
   command-line number and every exact table cell reaches it.

   Invariants: the status is SUCCESS or DOMAIN; an error comes with one
   non-empty line; a result is canonical and reads back from its p/q form
   to the same rational; surrounding blanks change nothing and "-(s)"
   negates; binding the names l, ell and L changes nothing for an input
   that does not use them; the ball reader agrees with the exact one on
   inputs without '['; and a plain decimal rounds to the same double as
   the C library's correctly rounded strtod. */
#include <ctype.h>
#include <math.h>

#include "fuzz.h"

/* [+-]digits[.digits][(e|E)[+-]digits], with at least one digit in the
   mantissa: the language both this parser and strtod read alike. */
static int
plain_decimal(const char * s)
{
    slong nd = 0;

    if (*s == '+' || *s == '-')
        s++;
    for (; isdigit((unsigned char) *s); s++)
        nd++;
    if (*s == '.')
        for (s++; isdigit((unsigned char) *s); s++)
            nd++;
    if (nd == 0)
        return 0;
    if (*s == 'e' || *s == 'E')
    {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!isdigit((unsigned char) *s))
            return 0;
        while (isdigit((unsigned char) *s))
            s++;
    }
    return *s == '\0';
}

/* The p/q form of q reads back as q. */
static void
check_round_trip(const fmpq_t q)
{
    char msg[UNROLL_MSG_LEN];
    char * str = fmpq_get_str(NULL, 10, q);
    fmpq_t r;

    fmpq_init(r);
    FUZZ_CHECK(unroll_arith_parse_fmpq(r, str, NULL, NULL, 0, msg)
               == UNROLL_SUCCESS);
    FUZZ_CHECK(fmpq_equal(r, q));
    fmpq_clear(r);
    flint_free(str);
}

/* Rounding to double: the documented statuses, and for a plain decimal
   the same double as strtod (glibc rounds correctly, ties to even). */
static void
check_double(const fmpq_t q, const char * s)
{
    double d, ref;
    int status = unroll_arith_fmpq_get_d(&d, q);

    FUZZ_STATUS_IN(status, UNROLL_DOMAIN);
    FUZZ_CHECK(status == UNROLL_SUCCESS ? isfinite(d) : isinf(d));
    if (plain_decimal(s))
    {
        ref = strtod(s, NULL);
        /* "-0" is the rational 0: compare values, not signs of zero. */
        FUZZ_CHECK(d == ref);
    }
}

/* The ball reader sends inputs without '[' to the exact parser: same
   status, and a ball that contains the exact value. */
static void
check_ball(const fmpq_t q, const char * s, int status)
{
    char msg[UNROLL_MSG_LEN];
    arb_t b;
    int bstatus;

    arb_init(b);
    bstatus = unroll_arith_arb_set_str(b, s, 64, msg);
    FUZZ_CHECK(bstatus == status);
    if (status == UNROLL_SUCCESS)
        FUZZ_CHECK(arb_contains_fmpq(b, q));
    else
        fuzz_check_msg(msg);
    arb_clear(b);
}

/* Surrounding blanks change nothing; "-(s)" is the negation of s unless
   the extra parentheses pass the nesting limit. */
static void
check_wrapped(const fmpq_t q, const char * s, int status)
{
    char msg[UNROLL_MSG_LEN];
    size_t n = strlen(s);
    char * w = malloc(n + 4);
    fmpq_t r;
    int wstatus;

    fmpq_init(r);
    sprintf(w, " %s\t", s);
    wstatus = unroll_arith_parse_fmpq(r, w, NULL, NULL, 0, msg);
    FUZZ_CHECK(wstatus == status);
    FUZZ_CHECK(status != UNROLL_SUCCESS || fmpq_equal(r, q));

    sprintf(w, "-(%s)", s);
    msg[0] = '\0';
    wstatus = unroll_arith_parse_fmpq(r, w, NULL, NULL, 0, msg);
    if (status == UNROLL_SUCCESS && wstatus == UNROLL_SUCCESS)
    {
        fmpq_neg(r, r);
        FUZZ_CHECK(fmpq_equal(r, q));
    }
    else if (status == UNROLL_SUCCESS)
        FUZZ_CHECK(strstr(msg, "nesting too deep") != NULL);
    fmpq_clear(r);
    free(w);
}

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    static const char * const names[] = { "l", "ell", "L" };
    char msg[UNROLL_MSG_LEN];
    char * s = fuzz_strndup(data, size);
    fmpq vals[3];
    fmpq_t q, r;
    int status, nstatus;

    fmpq_init(q);
    fmpq_init(r);
    fmpq_init(vals + 0);
    fmpq_init(vals + 2);
    fmpq_set_si(vals + 0, 1, 10);
    vals[1] = vals[0];
    fmpq_set_si(vals + 2, 1, 1);

    msg[0] = '\0';
    status = unroll_arith_parse_fmpq(q, s, NULL, NULL, 0, msg);
    FUZZ_STATUS_IN(status, UNROLL_DOMAIN);
    if (status == UNROLL_SUCCESS)
    {
        FUZZ_CHECK(fmpq_is_canonical(q));
        check_round_trip(q);
        check_double(q, s);
    }
    else
        fuzz_check_msg(msg);
    if (strchr(s, '[') == NULL)
        check_ball(q, s, status);
    check_wrapped(q, s, status);

    msg[0] = '\0';
    nstatus = unroll_arith_parse_fmpq(r, s, names, vals, 3, msg);
    FUZZ_STATUS_IN(nstatus, UNROLL_DOMAIN);
    if (nstatus != UNROLL_SUCCESS)
        fuzz_check_msg(msg);
    if (status == UNROLL_SUCCESS)
        FUZZ_CHECK(nstatus == UNROLL_SUCCESS && fmpq_equal(q, r));

    fmpq_clear(vals + 2);
    fmpq_clear(vals + 0);
    fmpq_clear(r);
    fmpq_clear(q);
    free(s);
    return 0;
}
