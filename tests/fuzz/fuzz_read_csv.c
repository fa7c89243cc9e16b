/* Fuzzes the CSV dataset reader (unroll_driver_data_read_csv).  The input
   is the file; when it starts with '@', its first line (after the '@')
   names the label column and the rest is the file; when it starts with
   '!', the rest is read in sklearn's layout (a first line of counts, not
   names: the reader behind unroll_driver_data_read_breast_cancer).

   Invariants: the status is SUCCESS or DOMAIN (the file is readable), an
   error is one line "FILE:LINE: problem" with 1 <= LINE <= lines + 1; on
   success n and d are the non-blank lines after the header and the header
   cells less the label, every value is finite, and the data written back
   as CSV with 17 digits reads back bit for bit. */
#include <math.h>

#include "fuzz.h"
#include "../../src/driver/impl.h"

/* Counts the lines as the reader sees them: split at '\n', one trailing
   '\r' dropped, cut at a NUL byte; a line of blanks and tabs only is
   skipped.  Sets *ncells to the comma count + 1 of non-blank line number
   `which` (0 or 1); returns the number of non-blank lines and sets
   *nlines to all. */
static slong
count_lines(slong * ncells, slong * nlines, const char * p, size_t size,
            slong which)
{
    const char * end = p + size, * nl, * q;
    slong nonblank = 0, len;

    *ncells = 0;
    *nlines = 0;
    while (p < end)
    {
        nl = memchr(p, '\n', (size_t) (end - p));
        len = (nl != NULL ? nl : end) - p;
        (*nlines)++;
        if (len > 0 && p[len - 1] == '\r')
            len--;
        q = memchr(p, '\0', (size_t) len);
        if (q != NULL)
            len = q - p;
        q = p;
        while (q < p + len && (*q == ' ' || *q == '\t'))
            q++;
        if (q < p + len && nonblank++ == which)
            for (*ncells = 1, q = p; q < p + len; q++)
                *ncells += (*q == ',');
        p = nl != NULL ? nl + 1 : end;
    }
    return nonblank;
}

/* An error message is "PATH:LINE: ..." with a line number in range. */
static void
check_error(const char * msg, const char * path, slong nlines)
{
    const char * p = msg + strlen(path) + 1;
    char * end;
    long line;

    fuzz_check_file_msg(msg, path);
    line = strtol(p, &end, 10);
    FUZZ_CHECK(end > p && *end == ':');
    FUZZ_CHECK(line >= 1 && line <= nlines + 1);
}

/* Writes data as CSV (label last) and reads it back. */
static void
check_round_trip(const unroll_driver_data_t data, fuzz_file_t * f)
{
    char msg[UNROLL_MSG_LEN], * buf = NULL;
    size_t len = 0;
    FILE * out = open_memstream(&buf, &len);
    unroll_driver_data_t back;
    slong i, j, n = data->n;

    for (j = 0; j < data->d; j++)
        fprintf(out, "x%ld,", (long) j);
    fprintf(out, "y\n");
    for (i = 0; i < n; i++)
    {
        for (j = 0; j < data->d; j++)
            fprintf(out, "%.17g,", data->A[i + j * n]);
        fprintf(out, "%.17g\n", data->y[i]);
    }
    fclose(out);
    fuzz_file_set(f, buf, len);
    free(buf);

    unroll_driver_data_init(back);
    FUZZ_CHECK(unroll_driver_data_read_csv(back, f->path, NULL, msg)
               == UNROLL_SUCCESS);
    FUZZ_CHECK(back->n == n && back->d == data->d);
    FUZZ_CHECK(memcmp(back->A, data->A, sizeof(double) * n * data->d)
               == 0);
    FUZZ_CHECK(memcmp(back->y, data->y, sizeof(double) * n) == 0);
    unroll_driver_data_clear(back);
}

static void
check_data(const unroll_driver_data_t data, slong rows, slong ncells)
{
    slong i;

    FUZZ_CHECK(data->n == rows && data->n >= 1);
    FUZZ_CHECK(data->d == ncells - 1 && data->d >= 1);
    for (i = 0; i < data->n * data->d; i++)
        FUZZ_CHECK(isfinite(data->A[i]));
    for (i = 0; i < data->n; i++)
        FUZZ_CHECK(isfinite(data->y[i]));
}

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    static fuzz_file_t in, out;
    static int ready = 0;
    char msg[UNROLL_MSG_LEN], label[UNROLL_MSG_LEN];
    const char * file = (const char *) data, * nl;
    unroll_driver_data_t d;
    slong ncells, nlines, nonblank;
    int status, has_label = 0, counts = 0;

    if (!ready)
    {
        fuzz_file_init(&in, "in.csv");
        fuzz_file_init(&out, "out.csv");
        ready = 1;
    }
    if (size > 0 && data[0] == '@')
    {
        nl = memchr(data, '\n', size);
        if (nl == NULL || (size_t) (nl - file) >= sizeof(label))
            return 0;
        memcpy(label, file + 1, (size_t) (nl - file) - 1);
        label[nl - file - 1] = '\0';
        has_label = 1;
        size -= (size_t) (nl + 1 - file);
        file = nl + 1;
    }
    else if (size > 0 && data[0] == '!')
    {
        counts = 1;
        size--;
        file++;
    }
    fuzz_file_set(&in, file, size);
    nonblank = count_lines(&ncells, &nlines, file, size, counts);

    unroll_driver_data_init(d);
    msg[0] = '\0';
    status = _unroll_driver_read_csv(d, in.path, has_label ? label : NULL,
                                     counts, msg);
    FUZZ_STATUS_IN(status, UNROLL_DOMAIN);
    if (status == UNROLL_SUCCESS)
    {
        check_data(d, nonblank - 1, ncells);
        check_round_trip(d, &out);
    }
    else
        check_error(msg, in.path, nlines);
    unroll_driver_data_clear(d);
    return 0;
}
