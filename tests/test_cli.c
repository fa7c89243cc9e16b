#include <sys/stat.h>

#include "common.h"
#include "run_cli.h"

#define MAXARGS 16

/* A command line and a word the one-line error must contain.  Inline
   arrays, since Criterion hands parameters to a fresh process. */
typedef struct
{
    char args[MAXARGS][48];
    char needle[32];
}
bad_case_t;

static void
run_case(cli_result_t * r, const bad_case_t * c)
{
    const char * argv[MAXARGS + 2];
    int i, n = 0;

    argv[n++] = "unroll";
    for (i = 0; i < MAXARGS && c->args[i][0] != '\0'; i++)
        argv[n++] = c->args[i];
    argv[n] = NULL;
    run_cli(r, argv);
}

ParameterizedTestParameters(cli, bad_input_exits_2)
{
    static bad_case_t cases[] =
    {
        { { "coeffs", "-m", "chebyshev", "--ell", "0", "--L", "10", "-T",
            "3" }, "positive" },
        { { "coeffs", "-m", "chebyshev", "--ell", "-1", "--L", "10", "-T",
            "3" }, "positive" },
        { { "coeffs", "-m", "chebyshev", "--ell", "10", "--L", "10", "-T",
            "3" }, "smaller than L" },
        { { "coeffs", "-m", "chebyshev", "--ell", "11", "--L", "10", "-T",
            "3" }, "smaller than L" },
        { { "coeffs", "-m", "gegenbauer", "--ell", "1", "--L", "10",
            "--alpha", "-1/2", "-T", "3" }, "alpha" },
        { { "coeffs", "-m", "sobolev", "--ell", "1", "--L", "10", "--alpha",
            "1", "--eta", "-1e-9", "-T", "3" }, "eta" },
        { { "coeffs", "-m", "gd", "--step", "0", "-T", "3" }, "step" },
        { { "coeffs", "-m", "gd", "--step", "-1/2", "-T", "3" }, "step" },
        { { "coeffs", "-m", "heavy-ball", "--step", "1", "--momentum", "1",
            "-T", "3" }, "momentum" },
        { { "coeffs", "-m", "gd", "--step", "1", "-T", "-1" }, "-T" },
        { { "coeffs", "-m", "gd", "--step", "1", "-T", "10001" }, "-T" },
        { { "coeffs", "-m", "gd", "--step", "1", "-T", "1e3" }, "-T" },
        { { "poly", "-m", "gd", "--step", "1", "-t", "-3" }, "-t" },
        { { "poly", "-m", "gd", "--step", "1", "-t", "3001" }, "-t" },
        { { "coeffs", "-m", "newton", "-T", "3" }, "unknown method" },
        { { "coeffs", "-m", "chebyshev", "--ell", "1/2x", "--L", "10", "-T",
            "3" }, "--ell" },
        { { "coeffs", "-m", "chebyshev", "--ell", "nan", "--L", "10", "-T",
            "3" }, "--ell" },
        { { "coeffs", "-m", "chebyshev", "--ell", "1", "--L", "inf", "-T",
            "3" }, "--L" },
        { { "coeffs", "-m", "chebyshev", "--ell", "1", "--L", "1/0", "-T",
            "3" }, "--L" },
        { { "coeffs", "-m", "chebyshev", "-T", "3" }, "spectrum" },
        { { "coeffs", "-m", "chebyshev", "--ell", "1", "-T", "3" }, "--L" },
        { { "coeffs", "-m", "gegenbauer", "--ell", "1", "--L", "2", "-T",
            "3" }, "--alpha" },
        { { "coeffs", "-m", "sobolev", "--ell", "1", "--L", "2", "--alpha",
            "1", "-T", "3" }, "--eta" },
        { { "coeffs", "-m", "gd", "-T", "3" }, "--step" },
        { { "coeffs", "-m", "heavy-ball", "--step", "1", "-T", "3" },
          "--momentum" },
        { { "coeffs", "-m", "table", "-T", "3" }, "--coeffs" },
        { { "coeffs", "--ell", "1", "--L", "2", "-T", "3" }, "--method" },
        { { "coeffs", "-m", "gd", "--step", "1" }, "-T" },
        { { "coeffs", "-m", "gd", "--step", "1", "-T", "3", "--bogus" },
          "--bogus" },
        { { "coeffs", "-m", "gd", "--step", "1", "-T", "3", "--format",
            "xml" }, "format" },
        { { "poly", "-m", "chebyshev", "--ell", "1", "--L", "2", "-t", "3",
            "--which", "Z" }, "--which" },
        { { "poly", "-m", "chebyshev", "--ell", "1", "--L", "2", "-t", "3",
            "--which", "S" }, "three-stage" },
        { { "frobnicate" }, "unknown command" },
        { { "figure", "7" }, "1..6" },
        { { "figure", "0x1" }, "1..6" },
        { { "figure" }, "figure number" },
        { { "figure", "3", "--format", "gif" }, "format" },
        { { "figure", "3", "-T", "-2" }, "-T" },
        { { "report", "--format", "jpeg" }, "format" },
        { { "report", "extra" }, "unexpected" },
    };
    return cr_make_param_array(bad_case_t, cases,
                               sizeof(cases) / sizeof(cases[0]));
}

ParameterizedTest(bad_case_t * c, cli, bad_input_exits_2)
{
    cli_result_t r;

    run_case(&r, c);
    cr_expect_eq(r.code, 2, "%s %s: exit %d", c->args[0], c->args[2],
                 r.code);
    cr_expect_str_empty(r.out, "stdout not empty: %.80s", r.out);
    cr_expect_eq(count_lines(r.err), 1, "stderr is not one line: %s", r.err);
    cr_expect(strncmp(r.err, "unroll: error: ", 15) == 0, "%s", r.err);
    cr_expect(strstr(r.err, c->needle) != NULL, "'%s' not in: %s",
              c->needle, r.err);
    cli_result_clear(&r);
}

Test(cli, help_and_version)
{
    static const char * const help[] = { "unroll", "--help", NULL };
    static const char * const ver[] = { "unroll", "--version", NULL };
    static const char * const sub[] = { "unroll", "poly", "-h", NULL };
    cli_result_t r;

    run_cli(&r, help);
    cr_assert(r.code == 0 && strstr(r.out, "coeffs") && r.err[0] == '\0');
    cli_result_clear(&r);
    run_cli(&r, ver);
    cr_assert(r.code == 0 && strncmp(r.out, "unroll ", 7) == 0);
    cli_result_clear(&r);
    run_cli(&r, sub);
    cr_assert(r.code == 0 && strstr(r.out, "--which") != NULL);
    cli_result_clear(&r);
}

/* Every data row of a CSV has as many fields as its header. */
static void
check_rectangular(const char * csv, int rows)
{
    const char * p = csv;
    int fields, header = -1, n = 0;

    while (*p)
    {
        fields = 1;
        for (; *p && *p != '\n'; p++)
            fields += (*p == ',');
        if (header < 0)
            header = fields;
        else
            cr_assert_eq(fields, header, "row %d has %d fields, header %d",
                         n, fields, header);
        n++;
        p += (*p == '\n');
    }
    cr_assert_eq(n, rows + 1, "expected %d rows, got %d", rows, n - 1);
}

/* Writes the coefficients of a method to a file with -o, reads the file
   back with -m table, and compares the polynomials exactly. */
static void
round_trip(const char * const * method, int nmethod, const char * format,
           const char * which)
{
    char path[] = "/tmp/unroll-test-coeffs-XXXXXX";
    const char * argv[32];
    cli_result_t a, b;
    int n, i, fd;

    fd = mkstemp(path);
    cr_assert(fd >= 0);
    close(fd);

    n = 0;
    argv[n++] = "unroll";
    argv[n++] = "coeffs";
    for (i = 0; i < nmethod; i++)
        argv[n++] = method[i];
    argv[n++] = "-T";
    argv[n++] = "9";
    argv[n++] = "--format";
    argv[n++] = format;
    argv[n++] = "-o";
    argv[n++] = path;
    argv[n] = NULL;
    run_cli(&a, argv);
    cr_assert_eq(a.code, 0, "coeffs failed: %s", a.err);
    cr_assert_str_empty(a.out);
    cli_result_clear(&a);

    n = 1;
    argv[n++] = "poly";
    for (i = 0; i < nmethod; i++)
        argv[n++] = method[i];
    argv[n++] = "-t";
    argv[n++] = "9";
    argv[n++] = "--which";
    argv[n++] = which;
    argv[n] = NULL;
    run_cli(&a, argv);
    cr_assert_eq(a.code, 0, "poly failed: %s", a.err);

    n = 1;
    argv[n++] = "poly";
    argv[n++] = "-m";
    argv[n++] = "table";
    argv[n++] = "--coeffs";
    argv[n++] = path;
    argv[n++] = "-t";
    argv[n++] = "9";
    argv[n++] = "--which";
    argv[n++] = which;
    argv[n] = NULL;
    run_cli(&b, argv);
    cr_assert_eq(b.code, 0, "poly -m table failed: %s", b.err);
    cr_assert_str_eq(a.out, b.out, "%s %s: polynomials differ", method[1],
                     which);

    cli_result_clear(&b);
    cli_result_clear(&a);
    unlink(path);
}

Test(cli, table_round_trip_is_exact)
{
    static const char * const gd[] = { "-m", "gd", "--step", "2/(L+l)",
                                       "--ell", "1/2", "--L", "10" };
    static const char * const hb[] = { "-m", "heavy-ball", "--step", "1/7",
                                       "--momentum", "0.3" };
    static const char * const ch[] = { "-m", "chebyshev", "--ell", "1/2",
                                       "--L", "10" };
    static const char * const ge[] = { "-m", "gegenbauer", "--ell", "1/2",
                                       "--L", "10", "--alpha", "-1/3" };
    static const char * const so[] = { "-m", "sobolev", "--ell", "1/2",
                                       "--L", "10", "--alpha", "1",
                                       "--eta", "20" };

    round_trip(gd, 8, "csv", "P");
    round_trip(hb, 6, "json", "E");
    round_trip(ch, 6, "csv", "dP");
    round_trip(ge, 8, "json", "P");
    round_trip(so, 10, "csv", "P");
    round_trip(so, 10, "json", "S");
    round_trip(so, 10, "csv", "E");
}

Test(cli, coeffs_csv_shape)
{
    static const char * const argv[] = { "unroll", "coeffs", "-m", "sobolev",
        "--ell", "1/2", "--L", "10", "--alpha", "1", "--eta", "1", "-T",
        "25", NULL };
    static const char * const asy[] = { "unroll", "coeffs", "-m",
        "sobolev-asymptotic", "--ell", "1/2", "--L", "10", "-T", "7", NULL };
    cli_result_t r;

    run_cli(&r, argv);
    cr_assert_eq(r.code, 0, "%s", r.err);
    cr_assert(strncmp(r.out, "t,h,h_f64,m,m_f64,c1,c1_f64,c2,c2_f64,c3,"
                      "c3_f64,a,a_f64,A,A_f64\n", 60) == 0);
    check_rectangular(r.out, 25);
    cli_result_clear(&r);

    run_cli(&r, asy);
    cr_assert_eq(r.code, 0, "%s", r.err);
    check_rectangular(r.out, 7);
    cr_assert(strstr(r.out, "+/-") != NULL, "irrational values are balls");
    cli_result_clear(&r);
}

/* A failing command must not leave a partial output file behind, and
   must not clobber an existing one. */
Test(cli, output_is_atomic)
{
    char dir[] = "/tmp/unroll-test-dir-XXXXXX";
    char path[128];
    const char * argv[16];
    struct stat st;
    cli_result_t r;
    FILE * f;

    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof(path), "%s/out.csv", dir);
    f = fopen(path, "w");
    fputs("keep me\n", f);
    fclose(f);

    argv[0] = "unroll";
    argv[1] = "coeffs";
    argv[2] = "-m";
    argv[3] = "gd";
    argv[4] = "--step";
    argv[5] = "0";
    argv[6] = "-T";
    argv[7] = "3";
    argv[8] = "-o";
    argv[9] = path;
    argv[10] = NULL;
    run_cli(&r, argv);
    cr_assert_eq(r.code, 2);
    cli_result_clear(&r);
    f = fopen(path, "r");
    cr_assert(f != NULL && fgetc(f) == 'k');
    fclose(f);

    argv[5] = "1/3";
    run_cli(&r, argv);
    cr_assert_eq(r.code, 0, "%s", r.err);
    cli_result_clear(&r);
    cr_assert(stat(path, &st) == 0 && st.st_size > 10);

    argv[9] = "/nonexistent-dir/out.csv";
    run_cli(&r, argv);
    cr_assert_eq(r.code, 3, "unwritable output must exit 3: %s", r.err);
    cr_assert_eq(count_lines(r.err), 1);
    cli_result_clear(&r);

    unlink(path);
    rmdir(dir);
}

/* Malformed coefficient files name the file and line. */
Test(cli, malformed_table)
{
    char path[] = "/tmp/unroll-test-bad-XXXXXX";
    const char * argv[] = { "unroll", "poly", "-m", "table", "--coeffs",
                            path, "-t", "2", NULL };
    static const char * bodies[] =
    {
        "t,h,m\n1,1/2,0\n3,1/2,1/3\n",
        "t,h,m\n1,1/2,0\n2,1/2\n",
        "t,h,m\n1,1/2,0\n2,x,1/3\n",
        "t,h\n1,1/2\n2,1/2\n",
        "",
        "t,h,m\n",
        "{\"rows\": [{\"t\": 1, \"h\": \"1/2\"}]\n",
    };
    cli_result_t r;
    size_t i;
    FILE * f;
    int fd;

    fd = mkstemp(path);
    cr_assert(fd >= 0);
    close(fd);
    for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++)
    {
        f = fopen(path, "w");
        fputs(bodies[i], f);
        fclose(f);
        run_cli(&r, argv);
        cr_expect_eq(r.code, 2, "body %zu: exit %d", i, r.code);
        cr_expect_eq(count_lines(r.err), 1, "body %zu: %s", i, r.err);
        cr_expect(strstr(r.err, path) != NULL, "body %zu: %s", i, r.err);
        cr_expect_str_empty(r.out);
        cli_result_clear(&r);
    }
    unlink(path);

    /* An unreadable file is an I/O error, exit 3, still one line. */
    argv[5] = "/nonexistent/c.csv";
    run_cli(&r, argv);
    cr_expect_eq(r.code, 3, "missing file: exit %d", r.code);
    cr_expect_eq(count_lines(r.err), 1, "%s", r.err);
    cr_expect(strstr(r.err, "nonexistent") != NULL, "%s", r.err);
    cli_result_clear(&r);
}
