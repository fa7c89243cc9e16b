#include <math.h>
#include <string.h>

#include "impl.h"

void
unroll_driver_data_init(unroll_driver_data_t data)
{
    data->n = 0;
    data->d = 0;
    data->A = NULL;
    data->y = NULL;
}

void
unroll_driver_data_clear(unroll_driver_data_t data)
{
    flint_free(data->A);
    flint_free(data->y);
    unroll_driver_data_init(data);
}

void
unroll_driver_data_fit(unroll_driver_data_t data, slong n, slong d)
{
    flint_free(data->A);
    flint_free(data->y);
    data->n = n;
    data->d = d;
    data->A = _unroll_driver_alloc((size_t) n * d, sizeof(double));
    data->y = _unroll_driver_alloc(n, sizeof(double));
}

/* Two passes per column (mean, then the centred sum of squares) rather
   than the one-pass formula, which cancels badly for large means. */
void
unroll_driver_data_standardize(unroll_driver_data_t data)
{
    slong i, j, n = data->n;
    double * col;
    double mean, ss;

    for (j = 0; j < data->d; j++)
    {
        col = data->A + j * n;
        mean = 0.0;
        for (i = 0; i < n; i++)
            mean += col[i];
        mean /= (double) n;
        ss = 0.0;
        for (i = 0; i < n; i++)
            ss += (col[i] - mean) * (col[i] - mean);
        ss = sqrt(ss / (double) n);
        for (i = 0; i < n; i++)
            col[i] = ss > 0.0 ? (col[i] - mean) / ss : 0.0;
    }
}

void
unroll_driver_data_synthetic(unroll_driver_data_t data, slong n, slong d,
                             uint64_t seed)
{
    unroll_driver_rng_t r;
    double * w;
    slong i, j;

    unroll_driver_data_fit(data, n, d);
    unroll_driver_rng_init(r, seed);
    for (i = 0; i < n * d; i++)
        data->A[i] = unroll_driver_rng_normal(r);

    /* The labels are a plain sum, not a BLAS product, so that they too
       are the same bits on every platform. */
    w = _unroll_driver_alloc(d, sizeof(double));
    for (j = 0; j < d; j++)
        w[j] = unroll_driver_rng_normal(r);
    for (i = 0; i < n; i++)
    {
        data->y[i] = unroll_driver_rng_normal(r);
        for (j = 0; j < d; j++)
            data->y[i] += data->A[i + j * n] * w[j];
    }
    flint_free(w);
}

int
unroll_driver_data_read(unroll_driver_data_t data, const char * path,
                        const char * label, char * msg)
{
    static const char * const exts[] = { ".svm", ".libsvm", ".svmlight",
                                         ".txt" };
    size_t i, n = strlen(path), e;

    for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
    {
        e = strlen(exts[i]);
        if (n > e && strcmp(path + n - e, exts[i]) == 0)
            return unroll_driver_data_read_libsvm(data, path, msg);
    }
    return unroll_driver_data_read_csv(data, path, label, msg);
}
