/* Fuzzes the LIBSVM/svmlight reader (unroll_driver_data_read_libsvm).

   Invariants: the status is SUCCESS or DOMAIN (the file is readable), an
   error is one line "FILE:LINE: problem" with 1 <= LINE <= lines + 1; on
   success n is the number of lines with content (after '#' comments),
   n, d >= 1, every value is finite, and the data written back as LIBSVM
   (nonzero entries, 17 digits) reads back to the same matrix. */
#include <math.h>

#include "fuzz.h"

/* Past this many entries the dense matrix is not scanned or rewritten
   (the reader's own limit still applies). */
#define SCAN_MAX (1 << 22)

/* Lines as the reader sees them: split at '\n', cut at a NUL byte and at
   '#'; returns those with a character other than blank or tab, and sets
   *nlines to all. */
static slong
count_samples(slong * nlines, const char * p, size_t size)
{
    const char * end = p + size, * nl, * q;
    slong n = 0, len;

    *nlines = 0;
    while (p < end)
    {
        nl = memchr(p, '\n', (size_t) (end - p));
        len = (nl != NULL ? nl : end) - p;
        (*nlines)++;
        /* a '\r' elsewhere than at the end of a line makes the reader
           fail, so counting it as a blank only matters on failure */
        for (q = p; q < p + len; q++)
            if (*q != ' ' && *q != '\t' && *q != '\r')
                break;
        if (q < p + len && *q != '\0' && *q != '#')
            n++;
        p = nl != NULL ? nl + 1 : end;
    }
    return n;
}

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

/* Writes one sample: its nonzero entries, and entry d of the first row
   even when zero, so that d survives. */
static void
write_row(FILE * out, const unroll_driver_data_t data, slong i)
{
    slong j, n = data->n;
    double v;

    fprintf(out, "%.17g", data->y[i]);
    for (j = 0; j < data->d; j++)
    {
        v = data->A[i + j * n];
        if (v != 0 || (i == 0 && j == data->d - 1))
            fprintf(out, " %ld:%.17g", (long) j + 1, v);
    }
    fprintf(out, "\n");
}

static void
check_round_trip(const unroll_driver_data_t data, fuzz_file_t * f)
{
    char msg[UNROLL_MSG_LEN], * buf = NULL;
    size_t len = 0;
    FILE * out = open_memstream(&buf, &len);
    unroll_driver_data_t back;
    slong i;

    for (i = 0; i < data->n; i++)
        write_row(out, data, i);
    fclose(out);
    fuzz_file_set(f, buf, len);
    free(buf);

    unroll_driver_data_init(back);
    FUZZ_CHECK(unroll_driver_data_read_libsvm(back, f->path, msg)
               == UNROLL_SUCCESS);
    FUZZ_CHECK(back->n == data->n && back->d == data->d);
    for (i = 0; i < data->n * data->d; i++)
        FUZZ_CHECK(back->A[i] == data->A[i]);
    FUZZ_CHECK(memcmp(back->y, data->y, sizeof(double) * data->n) == 0);
    unroll_driver_data_clear(back);
}

int
LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    static fuzz_file_t in, out;
    static int ready = 0;
    char msg[UNROLL_MSG_LEN];
    unroll_driver_data_t d;
    slong nlines, samples, i;
    int status;

    if (!ready)
    {
        fuzz_file_init(&in, "in.svm");
        fuzz_file_init(&out, "out.svm");
        ready = 1;
    }
    fuzz_file_set(&in, data, size);
    samples = count_samples(&nlines, (const char *) data, size);

    unroll_driver_data_init(d);
    msg[0] = '\0';
    status = unroll_driver_data_read_libsvm(d, in.path, msg);
    FUZZ_STATUS_IN(status, UNROLL_DOMAIN);
    if (status == UNROLL_SUCCESS)
    {
        FUZZ_CHECK(d->n == samples && d->n >= 1 && d->d >= 1);
        for (i = 0; i < d->n; i++)
            FUZZ_CHECK(isfinite(d->y[i]));
        if (d->n * d->d <= SCAN_MAX)
        {
            for (i = 0; i < d->n * d->d; i++)
                FUZZ_CHECK(isfinite(d->A[i]));
            check_round_trip(d, &out);
        }
    }
    else
        check_error(msg, in.path, nlines);
    unroll_driver_data_clear(d);
    return 0;
}
