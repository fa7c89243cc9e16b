#include <errno.h>
#include <string.h>

#include "impl.h"

static slong
count_cells(const char * line)
{
    slong n = 1;

    for (; *line; line++)
        n += (*line == ',');
    return n;
}

/* Splits line at commas in place; cells[] point into it. */
static void
split(char ** cells, char * line)
{
    slong n = 0;
    char * p = line;

    for (;;)
    {
        cells[n++] = p;
        p = strchr(p, ',');
        if (p == NULL)
            break;
        *p++ = '\0';
    }
}

static int
blank(const char * s)
{
    return s[strspn(s, " \t")] == '\0';
}

/* Trims blanks and one pair of double quotes around a header name. */
static char *
trim_name(char * s)
{
    size_t n;

    s += strspn(s, " \t");
    n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    if (n >= 2 && s[0] == '"' && s[n - 1] == '"')
    {
        s[n - 1] = '\0';
        s++;
    }
    return s;
}

typedef struct
{
    const char * path;
    slong ncols;        /* 0: not known yet (counts header) */
    slong label;        /* label column, -1: last */
    _unroll_driver_vec_t rows;
    slong nrows;
}
csv_t;

/* Finds the label column in the header line. */
static int
read_header(csv_t * c, char * line, const char * label, char * msg)
{
    slong i, n = count_cells(line);
    char ** cells = _unroll_driver_alloc(n, sizeof(char *));

    split(cells, line);
    c->ncols = n;
    c->label = n - 1;
    if (label != NULL)
    {
        c->label = -2;
        for (i = 0; i < n; i++)
            if (strcmp(trim_name(cells[i]), label) == 0)
                c->label = i;
    }
    flint_free(cells);
    if (c->label == -2)
    {
        unroll_arith_msg(msg, "%s:1: no column named '%.64s'", c->path,
                         label);
        return UNROLL_DOMAIN;
    }
    if (n < 2)
    {
        unroll_arith_msg(msg, "%s:1: need a label and at least one feature "
                         "column", c->path);
        return UNROLL_DOMAIN;
    }
    return UNROLL_SUCCESS;
}

/* Parses one data row; the label is stored last. */
static int
read_row(csv_t * c, char * line, slong lineno, char * msg)
{
    slong i, n = count_cells(line);
    char ** cells;
    const char * why = NULL;
    double v, lab = 0.0;

    if (c->ncols == 0)
        c->ncols = n;
    if (n != c->ncols)
    {
        unroll_arith_msg(msg, "%s:%ld: ragged row (%ld cells, expected %ld)",
                         c->path, (long) lineno, (long) n, (long) c->ncols);
        return UNROLL_DOMAIN;
    }
    /* Checked before the row is stored.  A single column (refused at the
       end, as it has no feature) counts as one feature, so that its rows
       are capped too. */
    if ((c->nrows + 1) * FLINT_MAX(n - 1, 1) > UNROLL_DRIVER_ENTRIES_MAX)
    {
        unroll_arith_msg(msg, "%s:%ld: %ld samples x %ld features exceed the "
                         "dense limit of 2^27 entries", c->path,
                         (long) lineno, (long) c->nrows + 1, (long) n - 1);
        return UNROLL_DOMAIN;
    }
    cells = _unroll_driver_alloc(n, sizeof(char *));
    split(cells, line);
    for (i = 0; i < n && why == NULL; i++)
    {
        why = _unroll_driver_parse_double(&v, cells[i]);
        if (why == NULL && i == (c->label < 0 ? n - 1 : c->label))
            lab = v;
        else if (why == NULL)
            _unroll_driver_vec_push(&c->rows, v);
    }
    flint_free(cells);
    if (why != NULL)
    {
        unroll_arith_msg(msg, "%s:%ld: column %ld: %s", c->path,
                         (long) lineno, (long) i, why);
        return UNROLL_DOMAIN;
    }
    _unroll_driver_vec_push(&c->rows, lab);
    c->nrows++;
    return UNROLL_SUCCESS;
}

/* Moves the row-major rows (features then label) into data. */
static void
store(unroll_driver_data_t data, const csv_t * c)
{
    slong i, j, d = c->ncols - 1, n = c->nrows;

    unroll_driver_data_fit(data, n, d);
    for (i = 0; i < n; i++)
    {
        for (j = 0; j < d; j++)
            data->A[i + j * n] = c->rows.v[i * (d + 1) + j];
        data->y[i] = c->rows.v[i * (d + 1) + d];
    }
}

static int
read_lines(csv_t * c, FILE * f, const char * label, int counts_header,
           char * msg)
{
    char * line = NULL;
    size_t cap = 0;
    slong lineno = 0;
    int status = UNROLL_SUCCESS, seen_header = 0;

    while (status == UNROLL_SUCCESS && _unroll_driver_getline(&line, &cap, f))
    {
        lineno++;
        if (blank(line))
            continue;
        if (!seen_header)
        {
            seen_header = 1;
            if (!counts_header)
                status = read_header(c, line, label, msg);
        }
        else
            status = read_row(c, line, lineno, msg);
    }
    flint_free(line);
    if (status == UNROLL_SUCCESS && !seen_header)
    {
        unroll_arith_msg(msg, "%s:1: empty file", c->path);
        status = UNROLL_DOMAIN;
    }
    else if (status == UNROLL_SUCCESS && c->nrows == 0)
    {
        unroll_arith_msg(msg, "%s:%ld: header only, no data rows", c->path,
                         (long) lineno + 1);
        status = UNROLL_DOMAIN;
    }
    return status;
}

int
_unroll_driver_read_csv(unroll_driver_data_t data, const char * path,
                        const char * label, int counts_header, char * msg)
{
    csv_t c;
    FILE * f;
    int status;

    memset(&c, 0, sizeof(c));
    c.path = path;
    c.label = -1;
    f = fopen(path, "r");
    if (f == NULL)
    {
        unroll_arith_msg(msg, "%s: %s", path, strerror(errno));
        return UNROLL_IO;
    }
    status = read_lines(&c, f, label, counts_header, msg);
    /* A read error (a directory, say) ends the lines early: it is the
       cause, not the "empty file" it would look like. */
    if (ferror(f))
    {
        unroll_arith_msg(msg, "%s: read error", path);
        status = UNROLL_IO;
    }
    fclose(f);
    if (status == UNROLL_SUCCESS && c.ncols < 2)
    {
        unroll_arith_msg(msg, "%s:2: need a label and at least one feature "
                         "column", path);
        status = UNROLL_DOMAIN;
    }
    if (status == UNROLL_SUCCESS)
        store(data, &c);
    flint_free(c.rows.v);
    return status;
}

int
unroll_driver_data_read_csv(unroll_driver_data_t data, const char * path,
                            const char * label, char * msg)
{
    return _unroll_driver_read_csv(data, path, label, 0, msg);
}

int
unroll_driver_data_read_breast_cancer(unroll_driver_data_t data,
                                      const char * path, char * msg)
{
    char hex[65];
    int status;

    status = unroll_driver_sha256_file(hex, path, msg);
    if (status != UNROLL_SUCCESS)
        return status;
    if (strcmp(hex, UNROLL_DRIVER_BREAST_CANCER_SHA256) != 0)
    {
        unroll_arith_msg(msg, "%s: checksum mismatch (sha256 %.12s..., "
                         "expected %.12s...)", path, hex,
                         UNROLL_DRIVER_BREAST_CANCER_SHA256);
        return UNROLL_DOMAIN;
    }
    return _unroll_driver_read_csv(data, path, NULL, 1, msg);
}
