#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cblas.h>

#include "impl.h"

void *
_unroll_driver_alloc(size_t n, size_t size)
{
    return flint_calloc(n == 0 ? 1 : n, size);
}

void
_unroll_driver_vec_push(_unroll_driver_vec_t * a, double x)
{
    if (a->len == a->alloc)
    {
        a->alloc = FLINT_MAX(64, 2 * a->alloc);
        a->v = flint_realloc(a->v, sizeof(double) * a->alloc);
    }
    a->v[a->len++] = x;
}

int
_unroll_driver_getline(char ** buf, size_t * cap, FILE * f)
{
    size_t n = 0;
    int ch;

    if (*buf == NULL)
    {
        *cap = 256;
        *buf = _unroll_driver_alloc(*cap, 1);
    }
    while ((ch = getc(f)) != EOF && ch != '\n')
    {
        if (n + 1 >= *cap)
        {
            *cap *= 2;
            *buf = flint_realloc(*buf, *cap);
        }
        (*buf)[n++] = (char) ch;
    }
    if (n > 0 && (*buf)[n - 1] == '\r')
        n--;
    (*buf)[n] = '\0';
    return !(ch == EOF && n == 0);
}

/* strtod accepts "nan" and "inf", which are data errors here; a cell is
   refused unless it is a decimal number that gives a finite double. */
const char *
_unroll_driver_parse_double(double * res, const char * s)
{
    char * end;
    const char * p = s;

    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '\0')
        return "empty cell";
    if (strpbrk(p, "nNiI") != NULL && strpbrk(p, "eE") == NULL)
        return "NaN or infinite value";
    errno = 0;
    *res = strtod(p, &end);
    while (*end == ' ' || *end == '\t')
        end++;
    if (end == p || *end != '\0')
        return "non-numeric cell";
    if (!isfinite(*res))
        return "NaN or infinite value";
    if (errno == ERANGE && fabs(*res) > 1.0)
        return "NaN or infinite value";
    return NULL;
}

double
_unroll_driver_norm(const double * v, slong n)
{
    return cblas_dnrm2((int) n, v, 1);
}

double
_unroll_driver_sigmoid(double s)
{
    double e;

    if (s >= 0)
        return 1.0 / (1.0 + exp(-s));
    e = exp(s);
    return e / (1.0 + e);
}

double
_unroll_driver_log1pexp_neg(double s)
{
    if (s > 0)
        return log1p(exp(-s));
    return -s + log1p(exp(s));
}
