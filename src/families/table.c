#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "unroll/families.h"

/* Reading a coefficient file back as a scheme.  Both formats are first
   reduced to a grid of strings, one row per step t = 1..T and one column
   per coefficient name, so that the exact-or-ball decision and the
   validation are shared.  The text and the grid, which grow with the
   file, are allocated through FLINT so that exhaustion takes the path
   the caller installed (unroll(1): one line, exit status 3). */
typedef struct
{
    slong nrows;
    slong alloc;
    int present[UNROLL_NCOEF];
    char ** cell;       /* cell[row * UNROLL_NCOEF + coef], owned */
    slong * line;       /* source line (CSV) or row number (JSON) */
}
grid_t;

static void
grid_init(grid_t * g)
{
    memset(g, 0, sizeof(*g));
}

static void
grid_clear(grid_t * g)
{
    slong i;

    for (i = 0; i < g->nrows * UNROLL_NCOEF; i++)
        flint_free(g->cell[i]);
    flint_free(g->cell);
    flint_free(g->line);
}

static void
grid_add_row(grid_t * g, slong line)
{
    slong i;

    if (g->nrows == g->alloc)
    {
        g->alloc = FLINT_MAX(16, 2 * g->alloc);
        g->cell = flint_realloc(g->cell,
                                sizeof(char *) * UNROLL_NCOEF * g->alloc);
        g->line = flint_realloc(g->line, sizeof(slong) * g->alloc);
    }
    for (i = 0; i < UNROLL_NCOEF; i++)
        g->cell[g->nrows * UNROLL_NCOEF + i] = NULL;
    g->line[g->nrows] = line;
    g->nrows++;
}

static char *
dup_range(const char * s, size_t n)
{
    char * r = flint_malloc(n + 1);

    memcpy(r, s, n);
    r[n] = '\0';
    return r;
}

static int
coef_index(const char * name, size_t n)
{
    int i;

    for (i = 0; i < UNROLL_NCOEF; i++)
        if (strlen(unroll_scheme_coef_name(i)) == n
            && strncmp(unroll_scheme_coef_name(i), name, n) == 0)
            return i;
    return -1;
}

static int
read_file(char ** text, const char * path, char * msg)
{
    FILE * f = fopen(path, "rb");
    size_t n = 0, cap = 4096, got;

    if (f == NULL)
    {
        unroll_arith_msg(msg, "%s: %s", path, strerror(errno));
        return UNROLL_IO;
    }

    *text = flint_malloc(cap);
    while ((got = fread(*text + n, 1, cap - n - 1, f)) > 0)
    {
        n += got;
        if (n + 1 == cap)
            *text = flint_realloc(*text, cap *= 2);
    }
    if (ferror(f))
    {
        fclose(f);
        flint_free(*text);
        unroll_arith_msg(msg, "%s: read error", path);
        return UNROLL_IO;
    }
    (*text)[n] = '\0';
    fclose(f);
    return UNROLL_SUCCESS;
}

/* Splits one CSV line (no quoting: coefficient files never need it) into
   fields, calling back with each field's text and column number. */
static int
csv_header(int * map, slong * ncols, const char * line, size_t len,
           const char * path, char * msg)
{
    size_t i = 0, start;
    slong col = 0, j;
    int k, seen_t = 0;

    while (i <= len)
    {
        start = i;
        while (i < len && line[i] != ',')
            i++;
        if (col >= 64)
            break;
        k = coef_index(line + start, i - start);
        /* a second column of one coefficient would be ambiguous */
        for (j = 0; j < col && k >= 0; j++)
            if (map[j] == k)
            {
                unroll_arith_msg(msg, "%s:1: duplicate column %s", path,
                                 unroll_scheme_coef_name(k));
                return UNROLL_DOMAIN;
            }
        map[col] = k;
        if (i - start == 1 && line[start] == 't' && col == 0)
            seen_t = 1;
        col++;
        i++;
    }
    *ncols = col;

    if (!seen_t)
    {
        unroll_arith_msg(msg, "%s:1: header must start with column t",
                         path);
        return UNROLL_DOMAIN;
    }
    return UNROLL_SUCCESS;
}

static int
csv_row(grid_t * g, const int * map, slong ncols, const char * line,
        size_t len, slong lineno, const char * path, char * msg)
{
    size_t i = 0, start;
    slong col = 0;
    char * field, * endp;
    long t;
    int bad;

    /* checked before the row is stored: no file that 'unroll coeffs'
       writes is longer */
    if (g->nrows >= UNROLL_T_MAX_EXACT)
    {
        unroll_arith_msg(msg, "%s:%ld: more than %d steps", path,
                         (long) lineno, UNROLL_T_MAX_EXACT);
        return UNROLL_DOMAIN;
    }
    grid_add_row(g, lineno);
    while (i <= len && col < ncols)
    {
        start = i;
        while (i < len && line[i] != ',')
            i++;
        field = dup_range(line + start, i - start);
        if (col == 0)
        {
            t = strtol(field, &endp, 10);
            bad = (*field == '\0' || *endp != '\0');
            flint_free(field);
            if (bad || t != g->nrows)
            {
                unroll_arith_msg(msg, "%s:%ld: expected t = %ld", path,
                                 (long) lineno, (long) g->nrows);
                return UNROLL_DOMAIN;
            }
        }
        else if (map[col] >= 0)
            g->cell[(g->nrows - 1) * UNROLL_NCOEF + map[col]] = field;
        else
            flint_free(field);
        col++;
        i++;
    }

    if (col != ncols || i <= len)
    {
        unroll_arith_msg(msg, "%s:%ld: expected %ld fields", path,
                         (long) lineno, (long) ncols);
        return UNROLL_DOMAIN;
    }
    return UNROLL_SUCCESS;
}

static int
parse_csv(grid_t * g, const char * text, const char * path, char * msg)
{
    int map[64];
    slong ncols = 0, lineno = 0;
    const char * p = text, * end, * next;
    size_t len;
    int status = UNROLL_SUCCESS, k;

    while (status == UNROLL_SUCCESS && *p != '\0')
    {
        end = strchr(p, '\n');
        len = end ? (size_t) (end - p) : strlen(p);
        /* taken before the '\r' is dropped, so that a last line ending in
           "\r" alone still moves past it */
        next = end ? end + 1 : p + len;
        lineno++;
        if (len > 0 && p[len - 1] == '\r')
            len--;
        if (lineno == 1)
            status = csv_header(map, &ncols, p, len, path, msg);
        else if (len > 0)
            status = csv_row(g, map, ncols, p, len, lineno, path, msg);
        p = next;
    }

    for (k = 0; k < ncols && k < 64; k++)
        if (map[k] >= 0)
            g->present[map[k]] = 1;
    if (status == UNROLL_SUCCESS && lineno == 0)
    {
        unroll_arith_msg(msg, "%s: empty file", path);
        status = UNROLL_DOMAIN;
    }
    return status;
}

static int
parse_json(grid_t * g, const char * text, const char * path, char * msg)
{
    json_error_t err;
    json_t * root, * rows, * row, * v;
    size_t i;
    int k, status = UNROLL_SUCCESS;

    root = json_loads(text, JSON_REJECT_DUPLICATES, &err);
    if (root == NULL)
    {
        unroll_arith_msg(msg, "%s:%d: %s", path, err.line, err.text);
        return UNROLL_DOMAIN;
    }
    rows = json_object_get(root, "rows");
    if (!json_is_array(rows))
    {
        unroll_arith_msg(msg, "%s: no \"rows\" array", path);
        status = UNROLL_DOMAIN;
    }

    json_array_foreach(rows, i, row)
    {
        if (status != UNROLL_SUCCESS)
            break;
        if (g->nrows >= UNROLL_T_MAX_EXACT)
        {
            unroll_arith_msg(msg, "%s: row %ld: more than %d steps", path,
                             (long) i + 1, UNROLL_T_MAX_EXACT);
            status = UNROLL_DOMAIN;
            break;
        }
        grid_add_row(g, (slong) i + 1);
        v = json_object_get(row, "t");
        if (!json_is_integer(v) || json_integer_value(v) != (json_int_t) i + 1)
        {
            unroll_arith_msg(msg, "%s: row %ld: expected t = %ld", path,
                             (long) i + 1, (long) i + 1);
            status = UNROLL_DOMAIN;
        }
        for (k = 0; k < UNROLL_NCOEF && status == UNROLL_SUCCESS; k++)
        {
            v = json_object_get(row, unroll_scheme_coef_name(k));
            if (json_is_string(v))
            {
                g->present[k] = 1;
                g->cell[i * UNROLL_NCOEF + k] =
                    dup_range(json_string_value(v),
                              json_string_length(v));
            }
        }
    }

    json_decref(root);
    return status;
}

/* Checks the columns: h and m always, and c1, c2, c3, a, A together. */
static int
check_columns(int * kind, const grid_t * g, const char * path, char * msg)
{
    int k, nav = 0;

    if (!g->present[UNROLL_COEF_H] || !g->present[UNROLL_COEF_M])
    {
        unroll_arith_msg(msg, "%s: columns h and m are required", path);
        return UNROLL_DOMAIN;
    }
    for (k = UNROLL_COEF_C1; k < UNROLL_NCOEF; k++)
        nav += g->present[k];
    if (nav != 0 && nav != UNROLL_NCOEF - 2)
    {
        unroll_arith_msg(msg, "%s: columns c1, c2, c3, a, A go together",
                         path);
        return UNROLL_DOMAIN;
    }
    *kind = nav ? UNROLL_SCHEME_AVERAGED : UNROLL_SCHEME_MOMENTUM;
    return UNROLL_SUCCESS;
}

static int
fill_scheme(unroll_scheme_t s, const grid_t * g, slong prec,
            const char * path, char * msg)
{
    char why[UNROLL_MSG_LEN];
    int kind = UNROLL_SCHEME_MOMENTUM, exact = 1, k, status;
    slong r, ncoef;
    const char * c;

    status = check_columns(&kind, g, path, msg);
    ncoef = kind == UNROLL_SCHEME_MOMENTUM ? 2 : UNROLL_NCOEF;
    for (r = 0; r < g->nrows * UNROLL_NCOEF; r++)
        if (g->cell[r] != NULL && strchr(g->cell[r], '[') != NULL)
            exact = 0;
    if (status != UNROLL_SUCCESS)
        return status;

    unroll_scheme_fit(s, kind, exact, g->nrows, prec);
    for (r = 0; r < g->nrows && status == UNROLL_SUCCESS; r++)
    {
        for (k = 0; k < ncoef && status == UNROLL_SUCCESS; k++)
        {
            c = g->cell[r * UNROLL_NCOEF + k];
            if (exact)
                status = unroll_arith_parse_fmpq(
                    unroll_scheme_q(s, k, r + 1), c, NULL, NULL, 0, why);
            else
                status = unroll_arith_arb_set_str(
                    unroll_scheme_b(s, k, r + 1), c, prec, why);
            if (status != UNROLL_SUCCESS)
                unroll_arith_msg(msg, "%s:%ld: column %s: %s", path,
                                 (long) g->line[r],
                                 unroll_scheme_coef_name(k),
                                 c == NULL ? "missing value" : why);
        }
        if (status == UNROLL_SUCCESS && kind == UNROLL_SCHEME_AVERAGED
            && (exact ? fmpq_is_zero(unroll_scheme_q(s, UNROLL_COEF_A, r + 1))
                : arb_contains_zero(unroll_scheme_b(s, UNROLL_COEF_A, r + 1))))
        {
            unroll_arith_msg(msg, "%s:%ld: A must not be zero", path,
                             (long) g->line[r]);
            status = UNROLL_DOMAIN;
        }
    }
    return status;
}

int
unroll_family_table_read(unroll_scheme_t s, slong * T, const char * path,
                         slong prec, char * msg)
{
    grid_t g;
    char * text = NULL;
    const char * p;
    int status;

    status = read_file(&text, path, msg);
    if (status != UNROLL_SUCCESS)
        return status;

    grid_init(&g);
    for (p = text; *p == ' ' || *p == '\n' || *p == '\t'; p++)
        ;
    if (*p == '{')
        status = parse_json(&g, text, path, msg);
    else
        status = parse_csv(&g, text, path, msg);
    if (status == UNROLL_SUCCESS && g.nrows == 0)
    {
        unroll_arith_msg(msg, "%s: no coefficient rows", path);
        status = UNROLL_DOMAIN;
    }
    if (status == UNROLL_SUCCESS)
        status = fill_scheme(s, &g, prec, path, msg);
    if (status == UNROLL_SUCCESS)
        *T = g.nrows;

    grid_clear(&g);
    flint_free(text);
    return status;
}
