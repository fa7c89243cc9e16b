/* Bad input across every subcommand: each case runs in a fresh directory
   that holds an output file with known content, and must exit with the
   expected status, print one line on stderr naming the problem, print
   nothing on stdout, and leave the directory exactly as it was. */
#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

#include "common.h"
#include "run_cli.h"

#define MAXARGS 18
#define ARGLEN 48

/* Inline arrays, since Criterion hands parameters to a fresh process.
   Arguments may use the placeholders expand() replaces: "@D/NAME" is
   tests/data/NAME, "@EMPTY" the empty string, "@BIG" a 100000-digit
   integer, "@BIGEXP" a number with a 100000-digit exponent, "@DEEP" a
   number in 65 nested pairs of parentheses, one past the cap, and three
   files made in the case's directory: "@BIGCSV" is big.csv, whose cell h
   has a million digits, "@LONGCSV" long.csv, a coefficient file of
   10001 steps, and "@WIDECSV" wide.csv, a dataset of 4097 features. */
typedef struct
{
    char args[MAXARGS][ARGLEN];
    int code;
    char needle[40];
}
bad_case_t;

/* What every case finds in its directory: the output file, a directory
   (to give where a file is expected) and a read-only directory. */
static const char old_content[] = "t,old\n1,kept byte for byte\n";

#define CHEB "-m", "chebyshev", "--ell", "1/2", "--L", "10"
#define GD "-m", "gd", "--step", "1/10"
#define OUT "-o", "out.csv"

ParameterizedTestParameters(badinput, matrix)
{
    static bad_case_t cases[] =
    {
        /* spectrum */
        { { "coeffs", "-m", "chebyshev", "--ell", "0", "--L", "10", "-T",
            "3", OUT }, 2, "positive" },
        { { "coeffs", "-m", "chebyshev", "--ell", "-1/2", "--L", "10", "-T",
            "3", OUT }, 2, "positive" },
        { { "coeffs", "-m", "chebyshev", "--ell", "10", "--L", "10", "-T",
            "3", OUT }, 2, "smaller than L" },
        { { "poly", "-m", "chebyshev", "--ell", "12", "--L", "10", "-t",
            "3", OUT }, 2, "smaller than L" },
        { { "coeffs", "-m", "chebyshev", "--ell", "1", "--L", "inf", "-T",
            "3", OUT }, 2, "--L" },
        { { "coeffs", "-m", "chebyshev", "--ell", "1", "--L", "NaN", "-T",
            "3", OUT }, 2, "--L" },
        { { "bound", "-m", "chebyshev", "--ell", "1", "--L", "Infinity",
            "-T", "3", OUT }, 2, "--L" },
        { { "bound", "-m", "chebyshev", "--ell", "1", "--L", "1e999999",
            "-T", "3", OUT }, 2, "exponent" },
        { { "coeffs", "-m", "chebyshev", "--ell", "@BIG", "--L", "10", "-T",
            "3", OUT }, 2, "smaller than L" },
        { { "coeffs", "-m", "chebyshev", "--ell", "1", "--L", "@BIGEXP",
            "-T", "3", OUT }, 2, "exponent" },
        { { "coeffs", "-m", "chebyshev", "--ell", "1", "--L", "1e-@BIG",
            "-T", "3", OUT }, 2, "exponent" },
        /* malformed rationals */
        { { "coeffs", "-m", "chebyshev", "--ell", "1//2", "--L", "10", "-T",
            "3", OUT }, 2, "--ell" },
        { { "coeffs", "-m", "chebyshev", "--ell", "1/0", "--L", "10", "-T",
            "3", OUT }, 2, "--ell" },
        { { "coeffs", "-m", "chebyshev", "--ell", "0x10", "--L", "100",
            "-T", "3", OUT }, 2, "--ell" },
        { { "coeffs", "-m", "chebyshev", "--ell", "@EMPTY", "--L", "10",
            "-T", "3", OUT }, 2, "--ell" },
        { { "coeffs", "-m", "gd", "--step", "1e", "-T", "3", OUT }, 2,
          "--step" },
        { { "coeffs", "-m", "gd", "--step", "((((1))", "-T", "3", OUT }, 2,
          "--step" },
        { { "coeffs", "-m", "gd", "--step", "@DEEP", "-T", "3", OUT }, 2,
          "nesting too deep" },
        /* steps t and T */
        { { "coeffs", GD, "-T", "-1", OUT }, 2, "-T" },
        { { "coeffs", GD, "-T", "1000000000000000000000000000000", OUT }, 2,
          "-T" },
        { { "coeffs", GD, "-T", "10001", OUT }, 2, "-T" },
        { { "poly", GD, "-t", "-1", OUT }, 2, "-t" },
        { { "poly", GD, "-t", "3001", OUT }, 2, "-t" },
        { { "bound", CHEB, "-T", "10001", OUT }, 2, "-T" },
        { { "bound", CHEB, "-t", "1000000000000000000000000000000", OUT }, 2,
          "-t" },
        { { "bound", CHEB, "-T", "0", OUT }, 2, "-T" },
        { { "bound", CHEB, "-T", "501", "--lower-bound", OUT }, 2, "500" },
        { { "table", CHEB, "-T", "1001", OUT }, 2, "-T" },
        { { "coeffs", "-m", "minimax", "--ell", "1/2", "--L", "10", "-T",
            "501", OUT }, 2, "500" },
        { { "run", GD, "-T", "3", "--every", "1000001", OUT }, 2,
          "--every" },
        { { "run", GD, "-T", "10001", OUT }, 2, "-T" },
        { { "run", GD, "-T", "-1", OUT }, 2, "-T" },
        { { "figure", "3", "-T", "1000000000000000000000000000000" }, 2,
          "-T" },
        { { "figure", "3", "-T", "10001" }, 2, "at most 10000" },
        { { "report", "-T", "-5" }, 2, "-T" },
        /* method parameters */
        { { "coeffs", "-m", "gegenbauer", "--ell", "1/2", "--L", "10",
            "--alpha", "-1/2", "-T", "3", OUT }, 2, "alpha" },
        { { "bound", "-m", "gegenbauer", "--ell", "1/2", "--L", "10",
            "--alpha", "-7/10", "-T", "3", OUT }, 2, "alpha" },
        { { "coeffs", "-m", "sobolev", "--ell", "1/2", "--L", "10",
            "--alpha", "1", "--eta", "-1/1000", "-T", "3", OUT }, 2, "eta" },
        { { "table", "-m", "sobolev", "--ell", "1/2", "--L", "10",
            "--alpha", "1", "--eta", "-1", "-T", "3", OUT }, 2, "eta" },
        { { "coeffs", "-m", "heavy-ball", "--step", "1", "--momentum", "1",
            "-T", "3", OUT }, 2, "momentum" },
        { { "coeffs", "-m", "minimax", "--ell", "1/2", "--L", "10", "--rho",
            "-1", "-T", "3", OUT }, 2, "rho" },
        /* --rel-width */
        { { "bound", CHEB, "-T", "3", "--rel-width", "0", OUT }, 2,
          "--rel-width" },
        { { "bound", CHEB, "-T", "3", "--rel-width", "1", OUT }, 2,
          "--rel-width" },
        { { "bound", CHEB, "-T", "3", "--rel-width", "-1/2", OUT }, 2,
          "--rel-width" },
        { { "bound", CHEB, "-T", "3", "--rel-width", "2^-0", OUT }, 2,
          "--rel-width" },
        { { "bound", CHEB, "-T", "3", "--rel-width", "2^-1001", OUT }, 2,
          "--rel-width" },
        { { "bound", CHEB, "-T", "3", "--rel-width", "1e-302", OUT }, 2,
          "--rel-width too small" },
        { { "table", CHEB, "-T", "3", "--rel-width", "3/2", OUT }, 2,
          "--rel-width" },
        /* unknown names, options and missing values */
        { { "coeffs", "-m", "newton", "-T", "3", OUT }, 2,
          "unknown method" },
        { { "run", "-m", "adam", "-T", "3", OUT }, 2, "unknown method" },
        { { "coeffs", GD, "-T", "3", "--bogus", OUT }, 2, "--bogus" },
        { { "bound", CHEB, "-T", "3", "--stage", "q", OUT }, 2, "--stage" },
        { { "bound", CHEB, "-T", "3", "--jacobian-bound", "1", OUT }, 2,
          "--jacobian-bound" },
        { { "bound", CHEB, "-T", "3", "--tol", "0", "--summary", OUT }, 2,
          "--tol" },
        { { "poly", CHEB, "-t", "3", "--which", "Z", OUT }, 2, "--which" },
        { { "poly", CHEB, "-t", "3", "--format", "xml", OUT }, 2,
          "format" },
        { { "coeffs", GD, OUT, "-T" }, 2, "-T" },
        { { "bound", CHEB, OUT, "--rel-width" }, 2, "--rel-width" },
        { { "coeffs", "-m", "chebyshev", "--ell", "1/2", "-T", "3", OUT },
          2, "--L" },
        { { "run", GD, "-T", "3", "--problem", "lasso", OUT }, 2,
          "--problem" },
        { { "run", GD, "-T", "3", "--storage", "disk", OUT }, 2,
          "--storage" },
        { { "run", GD, "-T", "3", "--theta", "0", OUT }, 2, "--theta" },
        { { "run", GD, "-T", "3", "--theta", "nan", OUT }, 2, "--theta" },
        { { "run", GD, "-T", "3", "--every", "0", OUT }, 2, "--every" },
        { { "run", GD, "-T", "3", "--n", "0", OUT }, 2, "--n" },
        { { "run", GD, "-T", "3", "--n", "1000001", OUT }, 2,
          "--n must be at most 1000000" },
        { { "run", GD, "-T", "3", "--d", "1000000000000", OUT }, 2, "--d" },
        { { "run", GD, "-T", "3", "--threads", "3", OUT }, 2, "--threads" },
        { { "run", "-m", "chebyshev", "--step", "auto", "-T", "3", OUT }, 2,
          "--step auto" },
        { { "table", "-d", "dir", "-o", "out.csv" }, 2, "-d" },
        { { "data", "check", "--bogus" }, 2, "--bogus" },
        { { "data", "frobnicate" }, 2, "action" },
        { { "figure", "7" }, 2, "1..6" },
        { { "figure", "3", "--format", "gif" }, 2, "format" },
        { { "figure", "3", "-T" }, 2, "-T" },
        { { "report", "--format", "bmp" }, 2, "format" },
        { { "report", "--bogus" }, 2, "--bogus" },
        { { "frobnicate" }, 2, "unknown command" },
        /* missing files and directories given as files */
        { { "poly", "-m", "table", "--coeffs", "missing.csv", "-t", "2",
            OUT }, 3, "missing.csv" },
        { { "poly", "-m", "table", "--coeffs", "dir", "-t", "2", OUT }, 3,
          "dir" },
        { { "run", GD, "-T", "3", "--data", "missing.csv", OUT }, 3,
          "missing.csv" },
        { { "run", GD, "-T", "3", "--data", "dir", OUT }, 3, "dir" },
        { { "run", GD, "-T", "3", "--data", "breast-cancer", "--data-dir",
            "missing", OUT }, 3, "missing" },
        { { "data", "check", "--dir", "missing" }, 3, "missing" },
        { { "data", "check", "--dir", "out.csv" }, 3, "out.csv" },
        { { "data", "check", "--dir", "@D/badsum" }, 2, "checksum" },
        { { "data", "fetch", "--dir", "newdir", "--from", "missing.deb" }, 3,
          "missing.deb" },
        { { "data", "fetch", "--dir", "newdir", "--from", "out.csv" }, 3,
          "dpkg-deb" },
        /* unwritable outputs */
        { { "coeffs", GD, "-T", "3", "-o", "out.csv/x.csv" }, 3,
          "out.csv/x.csv" },
        { { "coeffs", GD, "-T", "3", "-o", "ro/x.csv" }, 3, "ro/x.csv" },
        { { "coeffs", GD, "-T", "3", "-o", "dir" }, 3, "dir" },
        { { "poly", CHEB, "-t", "3", "-o", "out.csv/x.csv" }, 3,
          "out.csv/x.csv" },
        { { "bound", CHEB, "-T", "3", "-o", "out.csv/x.csv" }, 3,
          "out.csv/x.csv" },
        { { "bound", CHEB, "-T", "3", "-o", "ro/x.csv" }, 3, "ro/x.csv" },
        { { "table", CHEB, "-T", "2", "-o", "out.csv/x.csv" }, 3,
          "out.csv/x.csv" },
        { { "table", "-d", "out.csv", "-T", "2" }, 3, "out.csv" },
        { { "table", CHEB, "-T", "2", "-o", "out.csv" }, 3, "out.csv.json" },
        { { "run", GD, "-T", "3", "-o", "out.csv/x.csv" }, 3,
          "out.csv/x.csv" },
        { { "figure", "3", "-T", "3", "--out", "out.csv" }, 3, "out.csv" },
        { { "figure", "3", "-T", "3", "--out", "ro/figs" }, 3, "ro/figs" },
        { { "report", "-T", "3", "--out", "out.csv/r" }, 3, "out.csv/r" },
        /* coefficient tables read back with -m table */
        { { "poly", "-m", "table", "--coeffs", "@D/coeffs_truncated.csv",
            "-t", "2", OUT }, 2, "coeffs_truncated.csv" },
        { { "poly", "-m", "table", "--coeffs", "@D/coeffs_truncated.json",
            "-t", "1", OUT }, 2, "coeffs_truncated.json" },
        { { "coeffs", "-m", "table", "--coeffs", "@D/coeffs_badcell.csv",
            "-T", "2", OUT }, 2, "coeffs_badcell.csv" },
        { { "bound", "-m", "table", "--coeffs", "@D/coeffs_nan.csv", "--ell",
            "1/2", "--L", "10", "-T", "1", OUT }, 2, "coeffs_nan.csv" },
        { { "run", "-m", "table", "--coeffs", "@D/coeffs_header_only.csv",
            "-T", "1", OUT }, 2, "coeffs_header_only.csv" },
        { { "poly", "-m", "table", "--coeffs", "@D/coeffs_binary.csv", "-t",
            "1", OUT }, 2, "coeffs_binary.csv" },
        { { "poly", "-m", "table", "--coeffs", "@D/good.csv", "-t", "1",
            OUT }, 2, "good.csv" },
        { { "poly", "-m", "table", "--coeffs", "@BIGCSV", "-t", "1", OUT },
          2, "big.csv:2: column m" },
        { { "poly", "-m", "table", "--coeffs", "@LONGCSV", "-t", "1", OUT },
          2, "long.csv:10002: more than 10000 steps" },
        /* datasets */
        { { "run", GD, "-T", "3", "--data", "@D/nan.csv", OUT }, 2,
          "nan.csv:3" },
        { { "run", GD, "-T", "3", "--data", "@D/inf.csv", OUT }, 2,
          "inf.csv:3" },
        { { "run", GD, "-T", "3", "--data", "@D/ragged.csv", OUT }, 2,
          "ragged" },
        { { "run", GD, "-T", "3", "--data", "@D/nonnumeric.csv", OUT }, 2,
          "nonnumeric.csv:3" },
        { { "run", GD, "-T", "3", "--data", "@D/header_only.csv", OUT }, 2,
          "no data rows" },
        { { "run", GD, "-T", "3", "--data", "@D/empty.csv", OUT }, 2,
          "empty" },
        { { "run", GD, "-T", "3", "--data", "@D/single_col.csv", OUT }, 2,
          "single_col.csv" },
        { { "run", GD, "-T", "3", "--data", "@D/good.csv", "--label", "z",
            OUT }, 2, "'z'" },
        { { "run", GD, "-T", "3", "--data", "@D/zero.svm", OUT }, 2,
          "zero.svm:1" },
        { { "run", GD, "-T", "3", "--data", "@D/dup.svm", OUT }, 2,
          "duplicate" },
        { { "run", GD, "-T", "3", "--data", "@D/bad_index.svm", OUT }, 2,
          "bad_index.svm:1" },
        { { "run", GD, "-T", "3", "--data", "@D/neg_index.svm", OUT }, 2,
          "neg_index.svm:1" },
        { { "run", GD, "-T", "3", "--data", "@D/decreasing.svm", OUT }, 2,
          "increase" },
        { { "run", GD, "-T", "3", "--data", "@D/nan.svm", OUT }, 2,
          "nan.svm:1" },
        { { "run", GD, "-T", "3", "--data", "@D/huge_index.svm", OUT }, 2,
          "huge_index.svm" },
        { { "run", GD, "-T", "3", "--data", "@D/wide.svm", OUT }, 2,
          "wide.svm" },
        { { "run", GD, "-T", "3", "--data", "@WIDECSV", OUT }, 2,
          "wide.csv: 2 samples x 4097 features" },
        { { "run", GD, "-T", "3", "--n", "1000000", "--d", "4000", OUT },
          2, "--n" },
    };
    return cr_make_param_array(bad_case_t, cases,
                               sizeof(cases) / sizeof(cases[0]));
}

/* Replaces a placeholder argument by its text (malloc'd). */
static char *
expand(const char * arg)
{
    const char * root = getenv("UNROLL_SOURCE_ROOT");
    const char * at = strchr(arg, '@');
    size_t n = 100000, pre = at == NULL ? 0 : (size_t) (at - arg);
    char * s;
    size_t i;

    if (at == NULL)
        return strdup(arg);
    if (strcmp(at, "@EMPTY") == 0)
        return strdup("");
    if (strcmp(at, "@BIGCSV") == 0)
        return strdup("big.csv");
    if (strcmp(at, "@DEEP") == 0)
    {
        s = malloc(2 * 65 + 2);
        cr_assert_not_null(s);
        memset(s, '(', 65);
        s[65] = '1';
        memset(s + 66, ')', 65);
        s[131] = '\0';
        return s;
    }
    if (strcmp(at, "@LONGCSV") == 0)
        return strdup("long.csv");
    if (strcmp(at, "@WIDECSV") == 0)
        return strdup("wide.csv");
    if (strncmp(at, "@D/", 3) == 0)
    {
        cr_assert_not_null(root, "UNROLL_SOURCE_ROOT is not set");
        s = malloc(strlen(root) + strlen(arg) + 16);
        cr_assert_not_null(s);
        sprintf(s, "%s/tests/data/%s", root, at + 3);
        return s;
    }
    s = malloc(pre + n + 8);
    cr_assert_not_null(s);
    memcpy(s, arg, pre);
    if (strcmp(at, "@BIGEXP") == 0)
    {
        memcpy(s + pre, "1e", 2);
        pre += 2;
    }
    for (i = 0; i < n; i++)
        s[pre + i] = (char) ('1' + i % 9);
    s[pre + n] = '\0';
    return s;
}

/* Appends "NAME TYPE SIZE" for every entry under dir (recursively) to
   lines[*k]; strdup'd. */
static void
list_into(char ** lines, size_t * k, const char * dir, const char * rel)
{
    char path[1024], line[1200];
    struct dirent * e;
    struct stat st;
    DIR * d = opendir(dir);

    cr_assert_not_null(d, "cannot list %s", dir);
    while ((e = readdir(d)) != NULL)
    {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        cr_assert_eq(lstat(path, &st), 0);
        snprintf(line, sizeof(line), "%s%s %s %lld", rel, e->d_name,
                 S_ISDIR(st.st_mode) ? "dir" : "file",
                 S_ISDIR(st.st_mode) ? 0LL : (long long) st.st_size);
        cr_assert_lt(*k, 256);
        lines[(*k)++] = strdup(line);
        if (S_ISDIR(st.st_mode))
        {
            snprintf(line, sizeof(line), "%s%s/", rel, e->d_name);
            list_into(lines, k, path, line);
        }
    }
    closedir(d);
}

static int
cmp_lines(const void * a, const void * b)
{
    return strcmp(*(char * const *) a, *(char * const *) b);
}

/* The directory's entries, sorted, as one string (malloc'd). */
static char *
listing(const char * dir)
{
    char * lines[256], * res;
    size_t i, k = 0, len = 1;

    list_into(lines, &k, dir, "");
    qsort(lines, k, sizeof(char *), cmp_lines);
    for (i = 0; i < k; i++)
        len += strlen(lines[i]) + 1;
    res = malloc(len);
    cr_assert_not_null(res);
    res[0] = '\0';
    for (i = 0; i < k; i++)
    {
        strcat(strcat(res, lines[i]), "\n");
        free(lines[i]);
    }
    return res;
}

/* Removes dir and everything under it. */
static void
remove_tree(const char * dir)
{
    char path[1024];
    struct dirent * e;
    struct stat st;
    DIR * d;

    chmod(dir, 0700);
    d = opendir(dir);
    while (d != NULL && (e = readdir(d)) != NULL)
    {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(path);
        else
            unlink(path);
    }
    if (d != NULL)
        closedir(d);
    rmdir(dir);
}

/* A fresh directory with out.csv, dir/, ro/ (read-only) and the
   directory out.csv.json/, where unroll table puts the sidecar of
   out.csv. */
static void
make_dir(char * dir)
{
    char path[256];
    FILE * f;

    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/out.csv", dir);
    f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(old_content, f);
    fclose(f);
    snprintf(path, sizeof(path), "%s/dir", dir);
    cr_assert_eq(mkdir(path, 0755), 0);
    snprintf(path, sizeof(path), "%s/ro", dir);
    cr_assert_eq(mkdir(path, 0555), 0);
    snprintf(path, sizeof(path), "%s/out.csv.json", dir);
    cr_assert_eq(mkdir(path, 0755), 0);
}

/* A coefficient file whose first h has 10^6 digits and whose m is not
   a number: the parser must get through the digits quickly. */
static void
make_big_csv(const char * dir)
{
    char path[256];
    FILE * f;
    long i;

    snprintf(path, sizeof(path), "%s/big.csv", dir);
    f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("t,h,m\n1,", f);
    for (i = 0; i < 1000000; i++)
        fputc('1' + (int) (i % 9), f);
    fputs(",x\n", f);
    cr_assert_eq(fclose(f), 0);
}

/* A coefficient file of 10001 steps, one past what the reader takes. */
static void
make_long_csv(const char * dir)
{
    char path[256];
    FILE * f;
    long t;

    snprintf(path, sizeof(path), "%s/long.csv", dir);
    f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("t,h,m\n", f);
    for (t = 1; t <= 10001; t++)
        fprintf(f, "%ld,1/10,0\n", t);
    cr_assert_eq(fclose(f), 0);
}

/* A dataset of two samples and 4097 features, one past the cap. */
static void
make_wide_csv(const char * dir)
{
    char path[256];
    FILE * f;
    long i, j;

    snprintf(path, sizeof(path), "%s/wide.csv", dir);
    f = fopen(path, "w");
    cr_assert_not_null(f);
    for (j = 1; j <= 4097; j++)
        fprintf(f, "x%ld,", j);
    fputs("y\n", f);
    for (i = 0; i < 2; i++)
    {
        for (j = 0; j < 4097; j++)
            fprintf(f, "%ld,", (i + j) % 3);
        fprintf(f, "%ld\n", i);
    }
    cr_assert_eq(fclose(f), 0);
}

static void
expect_old_content(const char * dir)
{
    char path[256];
    char * text;
    int fd;

    snprintf(path, sizeof(path), "%s/out.csv", dir);
    fd = open(path, O_RDONLY);
    cr_assert(fd >= 0, "out.csv is gone");
    text = slurp_fd(fd);
    close(fd);
    cr_expect_str_eq(text, old_content, "out.csv was modified");
    free(text);
}

ParameterizedTest(bad_case_t * c, badinput, matrix)
{
    char dir[] = "/tmp/unroll-badinput-XXXXXX";
    char * argv[MAXARGS + 2], * before, * after;
    cli_result_t r;
    int i, n = 0, ro = 0;

    argv[n++] = strdup("unroll");
    for (i = 0; i < MAXARGS && c->args[i][0] != '\0'; i++)
    {
        ro |= strncmp(c->args[i], "ro/", 3) == 0;
        argv[n++] = expand(c->args[i]);
    }
    argv[n] = NULL;
    if (ro && geteuid() == 0)
        cr_skip_test("permissions do not bind the superuser");

    make_dir(dir);
    for (i = 0; i < MAXARGS; i++)
    {
        if (strcmp(c->args[i], "@BIGCSV") == 0)
            make_big_csv(dir);
        else if (strcmp(c->args[i], "@LONGCSV") == 0)
            make_long_csv(dir);
        else if (strcmp(c->args[i], "@WIDECSV") == 0)
            make_wide_csv(dir);
    }
    before = listing(dir);
    run_cli_in(&r, (const char * const *) argv, dir);
    after = listing(dir);

    cr_expect_eq(r.code, c->code, "%s %s: exit %d, expected %d: %s",
                 c->args[0], c->args[1], r.code, c->code, r.err);
    cr_expect_str_empty(r.out, "%s: stdout not empty: %.80s", c->args[0],
                        r.out);
    cr_expect_eq(count_lines(r.err), 1, "stderr is not one line: %.400s",
                 r.err);
    cr_expect(strncmp(r.err, "unroll: error: ", 15) == 0, "%.200s", r.err);
    cr_expect(strstr(r.err, c->needle) != NULL, "'%s' not in: %.300s",
              c->needle, r.err);
    cr_expect_str_eq(after, before, "the directory changed");
    expect_old_content(dir);

    remove_tree(dir);
    free(before);
    free(after);
    cli_result_clear(&r);
    for (i = 0; i < n; i++)
        free(argv[i]);
}

/* Starts a long run writing out.csv in dir and returns once its
   temporary file holds data, so that a signal finds it mid-write. */
static pid_t
start_long_run(const char * dir)
{
    static const char * const argv[] = { "unroll", "run", "-m",
        "chebyshev", "-T", "10000", "-o", "out.csv", NULL };
    const char * bin = getenv("UNROLL_BIN");
    char path[1024];
    struct timespec nap = { 0, 10 * 1000 * 1000 };
    struct dirent * e;
    struct stat st;
    int found = 0, i, status, null;
    pid_t pid;
    DIR * d;

    cr_assert_not_null(bin, "UNROLL_BIN is not set");
    pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0)
    {
        /* A shell may start the suite with SIGINT ignored. */
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        null = open("/dev/null", O_WRONLY);
        if (null < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0
            || chdir(dir) != 0)
            _exit(126);
        execv(bin, (char * const *) argv);
        _exit(127);
    }
    /* Up to 10 minutes: valgrind starts the run slowly. */
    for (i = 0; i < 60000 && !found; i++)
    {
        cr_assert_eq(waitpid(pid, &status, WNOHANG), 0,
                     "the run ended before writing anything");
        nanosleep(&nap, NULL);
        d = opendir(dir);
        cr_assert_not_null(d);
        while (!found && (e = readdir(d)) != NULL)
        {
            snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
            found = strncmp(e->d_name, "out.csv.tmp.", 12) == 0
                    && stat(path, &st) == 0 && st.st_size > 0;
        }
        closedir(d);
    }
    cr_assert(found, "no temporary file appeared");
    return pid;
}

/* SIGKILL cannot be caught: the temporary file stays, but the target
   must be exactly the old file. */
Test(badinput, sigkill_keeps_old_output)
{
    char dir[] = "/tmp/unroll-badinput-XXXXXX";
    int status;
    pid_t pid;

    make_dir(dir);
    pid = start_long_run(dir);
    cr_assert_eq(kill(pid, SIGKILL), 0);
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_expect(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    expect_old_content(dir);
    remove_tree(dir);
}

/* SIGTERM and SIGINT remove the temporary file, keep the target, and
   still kill the process by the signal. */
static void
signal_cleans_up(int sig)
{
    char dir[] = "/tmp/unroll-badinput-XXXXXX";
    char * before, * after;
    int status;
    pid_t pid;

    make_dir(dir);
    before = listing(dir);
    pid = start_long_run(dir);
    cr_assert_eq(kill(pid, sig), 0);
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    after = listing(dir);
    cr_expect(WIFSIGNALED(status) && WTERMSIG(status) == sig,
              "status %#x after signal %d", status, sig);
    cr_expect_str_eq(after, before, "a temporary file was left behind");
    expect_old_content(dir);
    free(after);
    free(before);
    remove_tree(dir);
}

Test(badinput, sigterm_removes_temporary_file)
{
    signal_cleans_up(SIGTERM);
}

Test(badinput, sigint_removes_temporary_file)
{
    signal_cleans_up(SIGINT);
}

/* AddressSanitizer reserves terabytes of address space, and valgrind
   replaces the allocator: neither runs under a small RLIMIT_AS. */
#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

static int
rlimit_unusable(void)
{
    const char * pre = getenv("LD_PRELOAD");

#ifdef UNDER_ASAN
    return 1;
#endif
    return pre != NULL && strstr(pre, "valgrind") != NULL;
}

/* Runs argv in a fresh directory with 100 MB of address space (after
   make, when not NULL, has put its input there): the command must say
   "out of memory" in one line, exit 3, and leave the old output and no
   temporary file. */
static void
expect_out_of_memory(const char * const * argv, void (* make)(const char *))
{
    char dir[] = "/tmp/unroll-badinput-XXXXXX";
    char err_name[] = "/tmp/unroll-test-err-XXXXXX";
    const char * bin = getenv("UNROLL_BIN");
    struct rlimit as = { 100L << 20, 100L << 20 }, cpu = { 120, 120 };
    char * before, * after, * err;
    int status, fe;
    pid_t pid;

    if (rlimit_unusable())
        cr_skip_test("a small RLIMIT_AS does not work under ASan or "
                     "valgrind");
    cr_assert_not_null(bin, "UNROLL_BIN is not set");
    make_dir(dir);
    if (make != NULL)
        make(dir);
    before = listing(dir);
    fe = mkstemp(err_name);
    cr_assert(fe >= 0);

    pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0)
    {
        /* The CPU limit ends a child that would hang instead. */
        if (dup2(fe, 2) < 0 || chdir(dir) != 0
            || setrlimit(RLIMIT_AS, &as) != 0
            || setrlimit(RLIMIT_CPU, &cpu) != 0)
            _exit(126);
        execv(bin, (char * const *) argv);
        _exit(127);
    }
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    lseek(fe, 0, SEEK_SET);
    err = slurp_fd(fe);
    close(fe);
    unlink(err_name);
    after = listing(dir);

    cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 3,
              "status %#x: %s", status, err);
    cr_expect_str_eq(err, "unroll: error: out of memory\n");
    cr_expect_str_eq(after, before, "a temporary file was left behind");
    expect_old_content(dir);
    free(err);
    free(after);
    free(before);
    remove_tree(dir);
}

/* The exact P_3000 of the sobolev method does not fit in 100 MB. */
Test(badinput, out_of_memory_is_one_line)
{
    static const char * const argv[] = { "unroll", "poly", "-m", "sobolev",
        "--alpha", "1", "--eta", "20", "--ell", "1/2", "--L", "10", "-t",
        "3000", "-o", "out.csv", NULL };

    expect_out_of_memory(argv, NULL);
}

/* tall.csv: 4 million rows of two columns (16 MB), whose 8 million
   doubles pass 100 MB while the reader grows its array. */
static void
make_tall_csv(const char * dir)
{
    char path[256];
    FILE * f;
    long i;

    snprintf(path, sizeof(path), "%s/tall.csv", dir);
    f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("x,y\n", f);
    for (i = 0; i < 4000000; i++)
        fprintf(f, "%ld,%ld\n", i % 7, i % 3);
    cr_assert_eq(fclose(f), 0);
}

/* The dataset readers allocated with calloc and realloc and ended in
   flint_abort (SIGABRT, no message) when memory ran out. */
Test(badinput, dataset_out_of_memory_is_one_line)
{
    static const char * const argv[] = { "unroll", "run", "--data",
        "tall.csv", "-m", "gd", "--step", "1/L", "-T", "1", "-o", "out.csv",
        NULL };

    expect_out_of_memory(argv, make_tall_csv);
}

/* fat.csv: a coefficient file of 10000 steps whose cells have 2000 digits
   (40 MB), which the table reader holds whole with its grid of cells. */
static void
make_fat_csv(const char * dir)
{
    char path[256], digits[2001];
    FILE * f;
    long t;

    memset(digits, '1', 2000);
    digits[2000] = '\0';
    snprintf(path, sizeof(path), "%s/fat.csv", dir);
    f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("t,h,m\n", f);
    for (t = 1; t <= 10000; t++)
        fprintf(f, "%ld,%s,%s\n", t, digits, digits);
    cr_assert_eq(fclose(f), 0);
}

/* The table reader allocated its text and grid with malloc and realloc
   and ended in flint_abort, or said "read error", when memory ran out. */
Test(badinput, table_out_of_memory_is_one_line)
{
    static const char * const argv[] = { "unroll", "poly", "-m", "table",
        "--coeffs", "fat.csv", "-t", "1", "-o", "out.csv", NULL };

    expect_out_of_memory(argv, make_fat_csv);
}
