#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "impl.h"

/* Entries are collected as (row, index, value) triples and placed into
   the dense matrix once the largest index, hence d, is known. */
typedef struct
{
    const char * path;
    _unroll_driver_vec_t labels;
    _unroll_driver_vec_t trip;      /* row, index, value (as doubles) */
    slong d;
}
svm_t;

/* Parses "i:v" at *s; advances *s past it.  Returns a reason or NULL. */
static const char *
parse_pair(long * idx, double * val, char ** s)
{
    char * end, * colon, * tok = *s;
    char save;
    const char * why;
    size_t n = strcspn(tok, " \t");

    save = tok[n];
    tok[n] = '\0';
    *s = tok + n + (save != '\0');
    colon = strchr(tok, ':');
    if (colon == NULL)
        return "malformed pair (expected index:value)";
    errno = 0;
    *idx = strtol(tok, &end, 10);
    if (end != colon || end == tok || errno != 0)
        return "malformed index";
    if (*idx <= 0)
        return "feature index must be 1 or more (indices are 1-based)";
    why = _unroll_driver_parse_double(val, colon + 1);
    return why;
}

/* n d with the sample being read counted, against the cap: checked before
   each entry is stored, since one line "1 999999999:1" would otherwise
   ask for 8 GB (and a long line for its triples). */
static int
dense_limit(const svm_t * c, slong lineno, char * msg)
{
    if ((c->labels.len + 1) * c->d <= UNROLL_DRIVER_ENTRIES_MAX)
        return UNROLL_SUCCESS;
    unroll_arith_msg(msg, "%s:%ld: %ld samples x %ld features exceed the "
                     "dense limit of 2^27 entries", c->path, (long) lineno,
                     (long) c->labels.len + 1, (long) c->d);
    return UNROLL_DOMAIN;
}

static int
read_line(svm_t * c, char * line, slong lineno, char * msg)
{
    char * s = line, * hash = strchr(line, '#');
    const char * why;
    long idx, last = 0;
    double lab, val;
    size_t n;

    if (hash != NULL)
        *hash = '\0';
    s += strspn(s, " \t");
    if (*s == '\0')
        return UNROLL_SUCCESS;
    n = strcspn(s, " \t");
    if (s[n] != '\0')
        s[n++] = '\0';
    why = _unroll_driver_parse_double(&lab, s);
    if (why != NULL)
    {
        unroll_arith_msg(msg, "%s:%ld: label: %s", c->path, (long) lineno,
                         why);
        return UNROLL_DOMAIN;
    }
    s += n;
    for (s += strspn(s, " \t"); *s != '\0'; s += strspn(s, " \t"))
    {
        why = parse_pair(&idx, &val, &s);
        if (why == NULL && idx == last)
            why = "duplicate feature index";
        else if (why == NULL && idx < last)
            why = "feature indices must increase";
        else if (why == NULL && idx > INT_MAX / 2)
            why = "feature index too large";
        if (why != NULL)
        {
            unroll_arith_msg(msg, "%s:%ld: %s", c->path, (long) lineno, why);
            return UNROLL_DOMAIN;
        }
        last = idx;
        c->d = FLINT_MAX(c->d, idx);
        if (dense_limit(c, lineno, msg) != UNROLL_SUCCESS)
            return UNROLL_DOMAIN;
        _unroll_driver_vec_push(&c->trip, (double) c->labels.len);
        _unroll_driver_vec_push(&c->trip, (double) idx);
        _unroll_driver_vec_push(&c->trip, val);
    }
    /* a line without entries still adds a row of d zeros */
    if (dense_limit(c, lineno, msg) != UNROLL_SUCCESS)
        return UNROLL_DOMAIN;
    _unroll_driver_vec_push(&c->labels, lab);
    return UNROLL_SUCCESS;
}

static void
store(unroll_driver_data_t data, const svm_t * c)
{
    slong t, n = c->labels.len, row, col;

    unroll_driver_data_fit(data, n, c->d);
    memcpy(data->y, c->labels.v, sizeof(double) * n);
    for (t = 0; t < c->trip.len; t += 3)
    {
        row = (slong) c->trip.v[t];
        col = (slong) c->trip.v[t + 1] - 1;
        data->A[row + col * n] = c->trip.v[t + 2];
    }
}

int
unroll_driver_data_read_libsvm(unroll_driver_data_t data, const char * path,
                               char * msg)
{
    svm_t c;
    FILE * f;
    char * line = NULL;
    size_t cap = 0;
    slong lineno = 0;
    int status = UNROLL_SUCCESS;

    memset(&c, 0, sizeof(c));
    c.path = path;
    f = fopen(path, "r");
    if (f == NULL)
    {
        unroll_arith_msg(msg, "%s: %s", path, strerror(errno));
        return UNROLL_IO;
    }
    while (status == UNROLL_SUCCESS && _unroll_driver_getline(&line, &cap, f))
        status = read_line(&c, line, ++lineno, msg);
    flint_free(line);
    if (ferror(f))
    {
        unroll_arith_msg(msg, "%s: read error", path);
        status = UNROLL_IO;
    }
    fclose(f);
    if (status == UNROLL_SUCCESS && (c.labels.len == 0 || c.d == 0))
    {
        unroll_arith_msg(msg, "%s:%ld: %s", path, (long) lineno + 1,
                         c.labels.len == 0 ? "empty file, no samples"
                                           : "no feature in any sample");
        status = UNROLL_DOMAIN;
    }
    if (status == UNROLL_SUCCESS)
        store(data, &c);
    flint_free(c.labels.v);
    flint_free(c.trip.v);
    return status;
}
