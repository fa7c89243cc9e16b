#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "common.h"
#include "run_cli.h"

/* Figures and the report, through the command line, on small sizes. */

static char *
read_text(const char * path)
{
    FILE * f = fopen(path, "rb");
    long n;
    char * s;

    cr_assert_not_null(f, "cannot open %s", path);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    rewind(f);
    s = malloc((size_t) n + 1);
    cr_assert_eq(fread(s, 1, (size_t) n, f), (size_t) n);
    s[n] = '\0';
    fclose(f);
    return s;
}

/* Removes a temporary directory the test made. */
static void
remove_dir(const char * dir)
{
    char cmd[1100];

    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

static int
have_breast_cancer(char * dir, size_t len)
{
    const char * root = getenv("UNROLL_SOURCE_ROOT");
    char path[1024];

    snprintf(dir, len, "%s/data", root ? root : ".");
    snprintf(path, sizeof(path), "%s/breast_cancer.csv", dir);
    return access(path, R_OK) == 0;
}

/* Runs "unroll figure N" into dir and checks the CSV header and its
   number of data rows. */
static void
figure(const char * n, const char * format, const char * T,
       const char * dir, const char * data, const char * header, int rows)
{
    const char * argv[] = { "unroll", "figure", n, "--out", dir, "--format",
                            format, "-T", T, "--data-dir", data, NULL };
    char path[1024];
    cli_result_t r;
    char * csv;

    run_cli(&r, argv);
    cr_assert_eq(r.code, 0, "figure %s: %s", n, r.err);
    cli_result_clear(&r);

    snprintf(path, sizeof(path), "%s/figure%s.csv", dir, n);
    csv = read_text(path);
    cr_assert(strncmp(csv, header, strlen(header)) == 0,
              "figure %s: header %.60s", n, csv);
    cr_assert_eq(count_lines(csv) - 1, rows, "figure %s: %d rows", n,
                 count_lines(csv) - 1);
    free(csv);
}

static void
check_png(const char * path)
{
    unsigned char b[24];
    FILE * f = fopen(path, "rb");

    cr_assert_not_null(f, "no %s", path);
    cr_assert_eq(fread(b, 1, 24, f), 24);
    fclose(f);
    cr_assert(memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(b + 12,
              "IHDR", 4) == 0, "%s is not a PNG", path);
    cr_assert(b[16] == 0 && b[17] == 0 && b[20] == 0 && b[21] == 0
              && (b[18] << 8 | b[19]) >= 600 && (b[22] << 8 | b[23]) >= 400,
              "%s: unexpected size", path);
}

Test(report, figure3_png_svg_and_csv)
{
    char dir[] = "/tmp/unroll-test-fig-XXXXXX", path[1024];
    char * svg;

    cr_assert_not_null(mkdtemp(dir));
    figure("3", "png", "8", dir, ".", "method,t,B_lo,B_hi,", 6 * 8);
    snprintf(path, sizeof(path), "%s/figure3.png", dir);
    check_png(path);
    figure("3", "svg", "5", dir, ".", "method,t,B_lo,B_hi,", 6 * 5);
    snprintf(path, sizeof(path), "%s/figure3.svg", dir);
    svg = read_text(path);
    cr_assert(strstr(svg, "<svg") != NULL && strstr(svg, "</svg>") != NULL);
    free(svg);
    remove_dir(dir);
}

/* The numbers drawn are the numbers computed: each method's rows of
   figure3.csv equal the rows of `unroll bound` in the same setting. */
Test(report, figure3_csv_equals_bound)
{
    static const char * methods[][5] =
    {
        { "GD h = 1/L", "gd", "--step", "1/L", NULL },
        { "GD h = 2/(L+l)", "gd", "--step", "2/(L+l)", NULL },
        { "Chebyshev", "chebyshev", NULL, NULL, NULL },
        { "Sobolev P* (eta = L/l)", "sobolev", "--eta", "20", "--alpha" },
        { "Sobolev asymptotic", "sobolev-asymptotic", NULL, NULL, NULL },
    };
    char dir[] = "/tmp/unroll-test-fig-XXXXXX", path[1024], want[256];
    const char * argv[16];
    cli_result_t r;
    char * csv, * line, * p;
    int k, n;

    cr_assert_not_null(mkdtemp(dir));
    figure("3", "png", "6", dir, ".", "method,", 36);
    snprintf(path, sizeof(path), "%s/figure3.csv", dir);
    csv = read_text(path);

    for (k = 0; k < 5; k++)
    {
        n = 0;
        argv[n++] = "unroll";
        argv[n++] = "bound";
        argv[n++] = "-m";
        argv[n++] = methods[k][1];
        argv[n++] = "--ell";
        argv[n++] = "1/2";
        argv[n++] = "--L";
        argv[n++] = "10";
        if (methods[k][2] != NULL)
        {
            argv[n++] = methods[k][2];
            argv[n++] = methods[k][3];
        }
        if (methods[k][4] != NULL)
        {
            argv[n++] = "--alpha";
            argv[n++] = "1";
        }
        argv[n++] = "-T";
        argv[n++] = "6";
        argv[n] = NULL;
        run_cli(&r, argv);
        cr_assert_eq(r.code, 0, "bound %s: %s", methods[k][1], r.err);

        /* Each bound row "t,B_lo,...,D_at,..." must appear in the figure's
           CSV as "label,t,B_lo,...,D_at,". */
        for (line = strchr(r.out, '\n') + 1; *line; line = p + 1)
        {
            p = line;
            for (n = 0; n < 7; n++)
                p = strchr(p, ',') + 1;
            snprintf(want, sizeof(want), "%s,%.*s", methods[k][0],
                     (int) (p - line), line);
            cr_assert(strstr(csv, want) != NULL, "not in figure3.csv: %s",
                      want);
            p = strchr(line, '\n');
        }
        cli_result_clear(&r);
    }
    free(csv);
    remove_dir(dir);
}

Test(report, trace_figures)
{
    char dir[] = "/tmp/unroll-test-fig-XXXXXX", data[1024], path[1024];

    if (!have_breast_cancer(data, sizeof(data)))
        cr_skip_test("breast-cancer not fetched (scripts/fetch-data)");
    cr_assert_not_null(mkdtemp(dir));

    /* One row per t = 0..T and method. */
    figure("1", "png", "20", dir, data, "figure,dataset,method,t,gap,jerr,"
           "bound", 4 * 21);
    figure("2", "png", "20", dir, data, "figure,", 2 * 21);
    figure("4", "svg", "20", dir, data, "figure,", 2 * 3 * 21);
    figure("5", "png", "20", dir, data, "figure,", 2 * 21);
    snprintf(path, sizeof(path), "%s/figure1.png", dir);
    check_png(path);
    remove_dir(dir);
}

/* Checks every target of attr="..." in html exists under dir; returns
   how many there were. */
static int
check_links(const char * html, const char * attr, const char * dir)
{
    char path[1100];
    const char * p = html, * q;
    size_t n = strlen(attr);
    int links = 0;

    while ((p = strstr(p, attr)) != NULL)
    {
        p += n;
        q = strchr(p, '"');
        cr_assert_not_null(q);
        snprintf(path, sizeof(path), "%s/%.*s", dir, (int) (q - p), p);
        cr_assert(access(path, R_OK) == 0, "index.html links missing %s",
                  path);
        links++;
        p = q;
    }
    return links;
}

/* index.html links only files that exist, and says what was left out. */
Test(report, index_links_exist)
{
    char dir[] = "/tmp/unroll-test-rep-XXXXXX", data[1024], path[1100];
    const char * argv[] = { "unroll", "report", "--out", dir, "-T", "6",
                            "--data-dir", data, "--tables", "/nonexistent",
                            NULL };
    cli_result_t r;
    char * html;

    have_breast_cancer(data, sizeof(data));
    cr_assert_not_null(mkdtemp(dir));
    run_cli(&r, argv);
    cr_assert(r.code == 0, "report: %d %s", r.code, r.err);
    cli_result_clear(&r);

    snprintf(path, sizeof(path), "%s/index.html", dir);
    html = read_text(path);
    cr_assert(check_links(html, "src=\"", dir)
              + check_links(html, "href=\"", dir) >= 2, "too few links");
    cr_assert(strstr(html, "bodyfat") != NULL, "no note on bodyfat");
    cr_assert(strstr(html, "Theorem checks") != NULL, "no checks");
    free(html);
    remove_dir(dir);
}
