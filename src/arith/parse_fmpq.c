#include <ctype.h>
#include <string.h>

#include "unroll/arith.h"

#define MAX_DEPTH 64

/* A recursive-descent parser over exact rationals:
     expr    := term (('+' | '-') term)*
     term    := unary (('*' | '/') unary)*
     unary   := ('+' | '-') unary | primary
     primary := number | name | '(' expr ')'
     number  := digits ['.' digits] [('e' | 'E') ['+' | '-'] digits]
   Every value stays an fmpq, so "0.1" is exactly 1/10. */
typedef struct
{
    const char * s;
    const char * pos;
    const char * const * names;
    const fmpq * vals;
    slong nvars;
    int depth;
    char * msg;
}
parser_t;

static int parse_expr(fmpq_t res, parser_t * p);

static void
skip_space(parser_t * p)
{
    while (isspace((unsigned char) *p->pos))
        p->pos++;
}

static int
fail(parser_t * p, const char * why)
{
    /* The input is quoted short so that the reason always fits. */
    unroll_arith_msg(p->msg, "'%.40s%s': %s at offset %ld", p->s,
                     strlen(p->s) > 40 ? "..." : "", why,
                     (long) (p->pos - p->s));
    return UNROLL_DOMAIN;
}

/* Reads a run of n decimal digits into the integer acc (acc = 10^n acc +
   the run), adding n to *count.  Long runs go through fmpz_set_str, which
   is subquadratic: digit by digit, a 400000-digit cell of a coefficient
   file took 20 s. */
static void
read_digits(fmpz_t acc, slong * count, parser_t * p)
{
    size_t n = 0;
    char * run;
    fmpz_t v;

    while (isdigit((unsigned char) p->pos[n]))
        n++;
    if (n == 0)
        return;

    fmpz_init(v);
    run = flint_malloc(n + 1);
    memcpy(run, p->pos, n);
    run[n] = '\0';
    fmpz_set_str(v, run, 10);
    flint_free(run);
    if (!fmpz_is_zero(acc))
    {
        fmpz_t e;

        fmpz_init(e);
        fmpz_ui_pow_ui(e, 10, n);
        fmpz_mul(acc, acc, e);
        fmpz_clear(e);
    }
    fmpz_add(acc, acc, v);
    fmpz_clear(v);

    p->pos += n;
    *count += (slong) n;
}

static int
read_exponent(slong * e, parser_t * p)
{
    int sign = 1;
    slong ndig = 0;

    if (*p->pos == '+' || *p->pos == '-')
        sign = (*p->pos++ == '-') ? -1 : 1;
    if (!isdigit((unsigned char) *p->pos))
        return fail(p, "exponent without digits");

    *e = 0;
    while (isdigit((unsigned char) *p->pos))
    {
        if (*e <= UNROLL_PARSE_EXP_MAX)
            *e = 10 * *e + (*p->pos - '0');
        p->pos++;
        ndig++;
    }
    if (*e > UNROLL_PARSE_EXP_MAX)
        return fail(p, "exponent out of range");

    *e *= sign;
    return UNROLL_SUCCESS;
}

static int
parse_number(fmpq_t res, parser_t * p)
{
    fmpz_t num, ten;
    slong nint = 0, nfrac = 0, e = 0;
    int status = UNROLL_SUCCESS;

    fmpz_init(num);
    fmpz_init(ten);

    read_digits(num, &nint, p);
    if (*p->pos == '.')
    {
        p->pos++;
        read_digits(num, &nfrac, p);
    }
    if (nint + nfrac == 0)
        status = fail(p, "expected a number");
    else if (*p->pos == 'e' || *p->pos == 'E')
    {
        p->pos++;
        status = read_exponent(&e, p);
    }

    /* value = num * 10^(e - nfrac), kept exact. */
    if (status == UNROLL_SUCCESS)
    {
        e -= nfrac;
        fmpz_set_ui(ten, 10);
        fmpz_pow_ui(ten, ten, (ulong) FLINT_ABS(e));
        if (e >= 0)
        {
            fmpz_mul(num, num, ten);
            fmpz_one(ten);
            fmpq_set_fmpz_frac(res, num, ten);
        }
        else
            fmpq_set_fmpz_frac(res, num, ten);
    }

    fmpz_clear(ten);
    fmpz_clear(num);
    return status;
}

static int
parse_name(fmpq_t res, parser_t * p)
{
    const char * start = p->pos;
    size_t len;
    slong i;

    while (isalnum((unsigned char) *p->pos) || *p->pos == '_')
        p->pos++;
    len = (size_t) (p->pos - start);

    for (i = 0; i < p->nvars; i++)
    {
        if (strlen(p->names[i]) == len
            && strncmp(p->names[i], start, len) == 0)
        {
            fmpq_set(res, p->vals + i);
            return UNROLL_SUCCESS;
        }
    }

    p->pos = start;
    return fail(p, "unknown name (NaN, infinity and words are not "
                   "numbers)");
}

static int
parse_primary(fmpq_t res, parser_t * p)
{
    int status;

    skip_space(p);
    if (*p->pos == '(')
    {
        if (++p->depth > MAX_DEPTH)
            return fail(p, "nesting too deep");
        p->pos++;
        status = parse_expr(res, p);
        skip_space(p);
        if (status == UNROLL_SUCCESS && *p->pos != ')')
            status = fail(p, "missing ')'");
        if (status == UNROLL_SUCCESS)
            p->pos++;
        p->depth--;
        return status;
    }
    if (isalpha((unsigned char) *p->pos) || *p->pos == '_')
        return parse_name(res, p);
    return parse_number(res, p);
}

static int
parse_unary(fmpq_t res, parser_t * p)
{
    int status;

    skip_space(p);
    if (*p->pos != '-' && *p->pos != '+')
        return parse_primary(res, p);

    if (++p->depth > MAX_DEPTH)
        return fail(p, "nesting too deep");
    if (*p->pos++ == '-')
    {
        status = parse_unary(res, p);
        fmpq_neg(res, res);
    }
    else
        status = parse_unary(res, p);
    p->depth--;
    return status;
}

static int
parse_term(fmpq_t res, parser_t * p)
{
    fmpq_t rhs;
    char op;
    int status;

    fmpq_init(rhs);

    status = parse_unary(res, p);
    for (skip_space(p); status == UNROLL_SUCCESS
         && (*p->pos == '*' || *p->pos == '/'); skip_space(p))
    {
        op = *p->pos++;
        status = parse_unary(rhs, p);
        if (status != UNROLL_SUCCESS)
            break;
        if (op == '*')
            fmpq_mul(res, res, rhs);
        else if (fmpq_is_zero(rhs))
            status = fail(p, "division by zero");
        else
            fmpq_div(res, res, rhs);
    }

    fmpq_clear(rhs);
    return status;
}

static int
parse_expr(fmpq_t res, parser_t * p)
{
    fmpq_t rhs;
    char op;
    int status;

    fmpq_init(rhs);

    status = parse_term(res, p);
    for (skip_space(p); status == UNROLL_SUCCESS
         && (*p->pos == '+' || *p->pos == '-'); skip_space(p))
    {
        op = *p->pos++;
        status = parse_term(rhs, p);
        if (status != UNROLL_SUCCESS)
            break;
        if (op == '+')
            fmpq_add(res, res, rhs);
        else
            fmpq_sub(res, res, rhs);
    }

    fmpq_clear(rhs);
    return status;
}

int
unroll_arith_parse_fmpq(fmpq_t res, const char * s,
                        const char * const * names, const fmpq * vals,
                        slong nvars, char * msg)
{
    parser_t p;
    int status;

    if (s == NULL)
    {
        unroll_arith_msg(msg, "missing value");
        return UNROLL_DOMAIN;
    }

    p.s = s;
    p.pos = s;
    p.names = names;
    p.vals = vals;
    p.nvars = nvars;
    p.depth = 0;
    p.msg = msg;

    skip_space(&p);
    if (*p.pos == '\0')
    {
        unroll_arith_msg(msg, "empty number");
        return UNROLL_DOMAIN;
    }

    status = parse_expr(res, &p);
    skip_space(&p);
    if (status == UNROLL_SUCCESS && *p.pos != '\0')
        status = fail(&p, "unexpected character");
    return status;
}
