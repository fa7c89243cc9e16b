#include <stdio.h>
#include <sys/stat.h>

#include "common.h"
#include "run_cli.h"

/* Datasets of the numeric driver and the run and data commands: loaders,
   malformed files (exit 2, one line naming file, line and problem), the
   generator, and a diverging run. */

/* The source tree, from the environment meson sets for the tests. */
static const char *
source_root(void)
{
    const char * s = getenv("UNROLL_SOURCE_ROOT");

    cr_assert_not_null(s, "UNROLL_SOURCE_ROOT is not set");
    return s;
}

static void
fixture(char * path, size_t size, const char * name)
{
    snprintf(path, size, "%s/tests/data/%s", source_root(), name);
}

static int
exists(const char * path)
{
    struct stat st;

    return stat(path, &st) == 0;
}

Test(driver, breast_cancer_569_by_30)
{
    unroll_driver_data_t data;
    char path[4096], msg[UNROLL_MSG_LEN];
    slong i, ones = 0, zeros = 0;

    snprintf(path, sizeof(path), "%s/data/%s", source_root(),
             UNROLL_DRIVER_BREAST_CANCER_FILE);
    if (!exists(path))
        cr_skip_test("%s is absent: run 'unroll data fetch' in the source "
                     "tree to test the breast-cancer loader", path);
    unroll_driver_data_init(data);
    cr_assert_eq(unroll_driver_data_read_breast_cancer(data, path, msg),
                 UNROLL_SUCCESS, "%s", msg);
    cr_expect_eq(data->n, 569);
    cr_expect_eq(data->d, 30);
    for (i = 0; i < data->n; i++)
    {
        ones += data->y[i] == 1.0;
        zeros += data->y[i] == 0.0;
    }
    cr_expect_eq(zeros, 212, "malignant (0): %ld", (long) zeros);
    cr_expect_eq(ones, 357, "benign (1): %ld", (long) ones);
    unroll_driver_data_clear(data);
}

Test(driver, bodyfat_252_by_14)
{
    unroll_driver_data_t data;
    char path[4096], msg[UNROLL_MSG_LEN];
    const char * env = getenv("UNROLL_BODYFAT");

    if (env != NULL)
        snprintf(path, sizeof(path), "%s", env);
    else
        snprintf(path, sizeof(path), "%s/../shared/data/bodyfat.csv",
                 source_root());
    if (!exists(path))
        cr_skip_test("%s is absent (set UNROLL_BODYFAT to a copy of the "
                     "StatLib bodyfat data as CSV)", path);
    unroll_driver_data_init(data);
    cr_assert_eq(unroll_driver_data_read_csv(data, path, "bodyfat_siri",
                                             msg), UNROLL_SUCCESS, "%s", msg);
    cr_expect_eq(data->n, 252);
    cr_expect_eq(data->d, 14);
    unroll_driver_data_clear(data);
}

Test(driver, libsvm_one_based_sparse)
{
    unroll_driver_data_t data;
    char path[4096], msg[UNROLL_MSG_LEN];

    fixture(path, sizeof(path), "small.svm");
    unroll_driver_data_init(data);
    cr_assert_eq(unroll_driver_data_read(data, path, NULL, msg),
                 UNROLL_SUCCESS, "%s", msg);
    cr_assert_eq(data->n, 3);
    cr_assert_eq(data->d, 3);
    /* "1 1:0.5 3:2", "-1 2:1.5", "1 1:-1 2:2 3:3": index i is column
       i - 1, absent entries are zero. */
    cr_expect_eq(data->A[0 + 0 * 3], 0.5);
    cr_expect_eq(data->A[0 + 1 * 3], 0.0);
    cr_expect_eq(data->A[0 + 2 * 3], 2.0);
    cr_expect_eq(data->A[1 + 1 * 3], 1.5);
    cr_expect_eq(data->A[2 + 2 * 3], 3.0);
    cr_expect_eq(data->y[1], -1.0);
    unroll_driver_data_clear(data);
}

/* Reads text as a LIBSVM file through a temporary file. */
static int
read_libsvm_text(unroll_driver_data_t data, const char * text, char * msg)
{
    char path[] = "/tmp/unroll-test-svm-XXXXXX";
    int fd = mkstemp(path), status;
    FILE * f;

    cr_assert_geq(fd, 0, "mkstemp failed");
    f = fdopen(fd, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
    status = unroll_driver_data_read_libsvm(data, path, msg);
    unlink(path);
    return status;
}

/* A short file must not ask for gigabytes: one large index made the
   dense matrix 8 GB (found by tests/fuzz).  n d above 2^27 is refused on
   the line that passes it. */
Test(driver, libsvm_dense_limit)
{
    unroll_driver_data_t data;
    char msg[UNROLL_MSG_LEN];

    unroll_driver_data_init(data);
    cr_expect_eq(read_libsvm_text(data, "1 999999999:1\n", msg),
                 UNROLL_DOMAIN);
    cr_expect_not_null(strstr(msg, ":1: 1 samples x 999999999 features"),
                       "%s", msg);
    cr_expect_eq(read_libsvm_text(data, "1 67108865:1\n-1 1:2\n", msg),
                 UNROLL_DOMAIN);
    cr_expect_not_null(strstr(msg, ":2: 2 samples x 67108865 features"),
                       "%s", msg);
    cr_expect_eq(count_lines(msg), 0, "%s", msg);
    cr_assert_eq(read_libsvm_text(data, "1 5:1\n-1 1:2\n", msg),
                 UNROLL_SUCCESS, "%s", msg);
    cr_expect(data->n == 2 && data->d == 5);
    unroll_driver_data_clear(data);
}

/* A problem past the feature cap is refused before its d x d matrices
   are allocated: the figures read a bodyfat file of any width, and one
   of 4097 features ran an eigendecomposition of that size. */
Test(driver, problem_feature_cap)
{
    unroll_driver_data_t data;
    unroll_driver_problem_t p;
    char msg[UNROLL_MSG_LEN];

    unroll_driver_data_init(data);
    unroll_driver_problem_init(p);
    unroll_driver_data_synthetic(data, 3, UNROLL_DRIVER_FEATURES_MAX + 1, 1);
    cr_expect_eq(unroll_driver_problem_set(p, data, UNROLL_DRIVER_RIDGE,
                                           1.0, UNROLL_DRIVER_HESSIAN, msg),
                 UNROLL_DOMAIN);
    cr_expect_str_eq(msg, "3 samples x 4097 features: at most 4096 "
                     "features and 2^27 entries");
    cr_expect_null(p->H);
    cr_expect_null(p->evecs);
    unroll_driver_problem_clear(p);
    unroll_driver_data_clear(data);
}

Test(driver, csv_label_by_name_and_standardize)
{
    unroll_driver_data_t data;
    char path[4096], msg[UNROLL_MSG_LEN];
    slong j;
    double mean, var;

    fixture(path, sizeof(path), "good.csv");
    unroll_driver_data_init(data);
    cr_assert_eq(unroll_driver_data_read_csv(data, path, "a", msg),
                 UNROLL_SUCCESS, "%s", msg);
    cr_assert_eq(data->d, 2);
    cr_expect_eq(data->y[2], 5.0);
    cr_expect_eq(data->A[2 + 0 * 3], 7.0);
    unroll_driver_data_standardize(data);
    for (j = 0; j < data->d; j++)
    {
        mean = (data->A[3 * j] + data->A[3 * j + 1] + data->A[3 * j + 2]);
        var = data->A[3 * j] * data->A[3 * j]
            + data->A[3 * j + 1] * data->A[3 * j + 1]
            + data->A[3 * j + 2] * data->A[3 * j + 2];
        cr_expect_leq(fabs(mean), 1e-15);
        cr_expect_leq(fabs(var / 3 - 1), 1e-15);
    }
    unroll_driver_data_clear(data);
}

/* A bad input file: the fixture, extra arguments, and what the message
   must contain besides the file name. */
typedef struct
{
    char file[32];
    char extra[2][24];
    char needle[40];
}
bad_file_t;

ParameterizedTestParameters(driver, malformed_file_exits_2)
{
    static bad_file_t cases[] =
    {
        { "ragged.csv", { "", "" }, ":3: ragged row" },
        { "nonnumeric.csv", { "", "" }, ":3: column 2: non-numeric" },
        { "nan.csv", { "", "" }, ":3: column 2: NaN or infinite" },
        { "inf.csv", { "", "" }, ":3: column 3: NaN or infinite" },
        { "empty.csv", { "", "" }, ":1: empty file" },
        { "header_only.csv", { "", "" }, ":2: header only" },
        { "good.csv", { "--label", "target" }, ":1: no column named" },
        { "dup.svm", { "", "" }, ":1: duplicate feature index" },
        { "zero.svm", { "", "" }, ":1: feature index must be 1" },
        { "badsum", { "", "" }, "checksum mismatch" },
    };

    return cr_make_param_array(bad_file_t, cases,
                               sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(bad_file_t * c, driver, malformed_file_exits_2)
{
    char path[4096];
    const char * argv[16];
    cli_result_t r;
    int n = 0;

    fixture(path, sizeof(path), c->file);
    argv[n++] = "unroll";
    argv[n++] = "run";
    argv[n++] = "-m";
    argv[n++] = "gd";
    argv[n++] = "--step";
    argv[n++] = "1/L";
    argv[n++] = "-T";
    argv[n++] = "3";
    argv[n++] = "--data";
    if (strcmp(c->file, "badsum") == 0)
    {
        argv[n++] = "breast-cancer";
        argv[n++] = "--data-dir";
    }
    argv[n++] = path;
    if (c->extra[0][0] != '\0')
    {
        argv[n++] = c->extra[0];
        argv[n++] = c->extra[1];
    }
    argv[n] = NULL;
    run_cli(&r, argv);
    cr_expect_eq(r.code, 2, "%s: exit %d, stderr: %s", c->file, r.code,
                 r.err);
    cr_expect_eq(count_lines(r.err), 1, "%s: stderr: %s", c->file, r.err);
    cr_expect_not_null(strstr(r.err, c->file), "%s: %s", c->file, r.err);
    cr_expect_not_null(strstr(r.err, c->needle), "%s: %s", c->file, r.err);
    cr_expect_str_empty(r.out);
    cli_result_clear(&r);
}

Test(driver, diverging_run_refused_and_trace_kept)
{
    char out[] = "/tmp/unroll-test-trace-XXXXXX";
    const char * argv[] = { "unroll", "run", "-m", "gd", "--step", "7/L",
                            "-T", "4000", "--no-bound", "-o", out, NULL };
    cli_result_t r;
    FILE * f;
    char line[1024];
    long rows = 0, last = -1;
    int fd = mkstemp(out);

    cr_assert(fd >= 0);
    close(fd);
    run_cli(&r, argv);
    cr_expect_eq(r.code, 2, "exit %d: %s", r.code, r.err);
    cr_expect_not_null(strstr(r.err, "diverged at t = "), "%s", r.err);
    cr_expect_eq(count_lines(r.err), 1, "%s", r.err);
    f = fopen(out, "r");
    cr_assert_not_null(f, "the trace was not kept");
    while (fgets(line, sizeof(line), f) != NULL)
        if (rows++ > 0)
            last = atol(line);
    fclose(f);
    unlink(out);
    /* Every row before the failing t is there, and no row after. */
    cr_expect_gt(rows, 2);
    cr_expect_eq(last + 1, atol(strstr(r.err, "t = ") + 4), "last row %ld,"
                 " %s", last, r.err);
    cli_result_clear(&r);
}

Test(driver, generator_log_and_determinism)
{
    unroll_driver_rng_t r;
    unroll_driver_data_t a, b;
    slong i, n = test_iters(20000);
    double x, err, worst = 0.0;

    unroll_driver_rng_init(r, test_seed());
    for (i = 0; i < n; i++)
    {
        x = unroll_driver_rng_uniform(r);
        cr_assert(x > 0.0 && x < 1.0);
        x = ldexp(x, (int) (unroll_driver_rng_next(r) % 200) - 100);
        err = fabs(unroll_driver_rng_log(x) - log(x))
            / fmax(fabs(log(x)), 1e-300);
        worst = fmax(worst, err);
    }
    cr_expect_leq(worst, 4e-16, "accuracy: seed %lu, relative error %g",
                  test_seed(), worst);

    unroll_driver_data_init(a);
    unroll_driver_data_init(b);
    unroll_driver_data_synthetic(a, 50, 7, 42);
    unroll_driver_data_synthetic(b, 50, 7, 42);
    cr_expect_eq(memcmp(a->A, b->A, sizeof(double) * 350), 0);
    cr_expect_eq(memcmp(a->y, b->y, sizeof(double) * 50), 0);
    /* Sample moments of 350 standard Gaussians. */
    for (i = 0, x = 0.0, err = 0.0; i < 350; i++)
    {
        x += a->A[i];
        err += a->A[i] * a->A[i];
    }
    cr_expect_leq(fabs(x / 350), 0.25);
    cr_expect_leq(fabs(err / 350 - 1), 0.25);
    unroll_driver_data_clear(a);
    unroll_driver_data_clear(b);
}

Test(driver, sha256_of_known_messages)
{
    char hex[65];
    const char * abc = "abc";
    const char * two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmno"
                       "mnopnopq";

    unroll_driver_sha256(hex, abc, 3);
    cr_expect_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223"
                          "b00361a396177a9cb410ff61f20015ad");
    unroll_driver_sha256(hex, two, strlen(two));
    cr_expect_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039"
                          "a33ce45964ff2167f6ecedd419db06c1");
    unroll_driver_sha256(hex, "", 0);
    cr_expect_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb924"
                          "27ae41e4649b934ca495991b7852b855");
}
