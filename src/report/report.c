#include <stdio.h>
#include <string.h>
#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "impl.h"

static const char * captions[UNROLL_REPORT_NFIGURES] =
{
    "Gradient descent on ridge regression (breast-cancer, standardised, "
    "theta = 1e-3 on the mean loss, x_0 = 0) for four step sizes.  Steps "
    "up to 1.9/L lower the function suboptimality (right) faster; h = "
    "2/(L+l) is slow on f, whose error sits at the top of the spectrum.  "
    "Unlike the paper's figure, the measured Jacobian suboptimality "
    "(left) shows no burn-in here: its error dx_0 - dx* = -dx* = H^-1 x* "
    "has almost no weight at the large eigenvalues where the bump of "
    "E_t = P_t - lambda P_t' lives.  Figure 2 shows the bump in the "
    "certified worst case.",
    "Gradient descent (h = 2/(L+l)) and the Chebyshev method on the same "
    "problem, each under its certified worst-case bound B_t ||dx_0 - dx*|| "
    "(Theorems 2 and 3, evaluated in ball arithmetic, dashed; G = 0 since "
    "x_0 = 0).  The bounds show the two phases: Chebyshev's worst case "
    "peaks near t = 1.03/sqrt(kappa), about the square root of gradient "
    "descent's 1/(2 kappa).  The measured errors stay below their bounds "
    "but, as in Figure 1, without a visible bump on this problem.",
    "Certified worst-case Jacobian rates B_t = max |P_t - lambda P_t'| "
    "over [1/2, 10] (alpha = 1, G = 0), drawn as enclosures (at 2^-50 "
    "the bands are thinner than the lines), with Proposition 1's lower "
    "bound.  Gradient descent with 2/(L+l) peaks at t = 10 (7.37), "
    "Chebyshev at t = 5 (10.5), as does the heavy ball with its limit "
    "coefficients and the asymptotic Sobolev method; the Sobolev-optimal "
    "P* keeps its burn-in below 1.7 and has the accelerated rate.",
    "The Sobolev method (alpha = 1, eta = 1), Chebyshev and gradient "
    "descent (2/(L+l)) on three ridge problems.  Sobolev and Chebyshev "
    "both converge at the accelerated rate, far ahead of gradient "
    "descent; with x_0 = 0 none of them shows a burn-in on these data "
    "(see Figure 1), so Sobolev's advantage of the worst case does not "
    "show, and on breast-cancer Chebyshev is slightly ahead.  The flat "
    "tails are the rounding floor of double precision.",
    "Gradient descent with the step of fastest measured asymptotic rate on "
    "regularised logistic regression, outside the quadratic theory.  On "
    "breast-cancer the Jacobian error rises over the first steps before "
    "its linear phase; on the synthetic data it does not.  The floors are "
    "rounding: f(x_t) - f* near 1e-14, and the Jacobian near 1e-6 on "
    "breast-cancer, where the Hessian is taken at x_t, itself only "
    "accurate to about the square root of that.",
    "Beyond the paper: the worst-case optimal unrolling method.  With "
    "G = 0 the best B_t of any first-order method solves a Chebyshev "
    "problem with E(0) = 1, E'(0) = 0; its certified value B*_t (the true "
    "lower bound, black dashed) lies well above Proposition 1 (grey) and "
    "is attained by the minimax method, which has no burn-in.",
};

/* Runs every figure; a failing one is noted and the others go on. */
static void
figures(unroll_report_opts_t opts, int * ok)
{
    char what[64], why[UNROLL_MSG_LEN];
    int n;

    for (n = 1; n <= UNROLL_REPORT_NFIGURES; n++)
    {
        snprintf(what, sizeof(what), "figure %d", n);
        _unroll_report_progress(opts, what);
        ok[n - 1] = unroll_report_figure(opts, n, why) == UNROLL_SUCCESS;
        if (!ok[n - 1])
            _unroll_report_note(opts, "figure %d not drawn: %s", n, why);
    }
}

/* Writes s with the characters HTML reserves escaped. */
static void
put_html(FILE * f, const char * s)
{
    for (; *s; s++)
    {
        if (*s == '<')
            fputs("&lt;", f);
        else if (*s == '>')
            fputs("&gt;", f);
        else if (*s == '&')
            fputs("&amp;", f);
        else
            fputc(*s, f);
    }
}

static int
exists(const unroll_report_opts_t opts, const char * name)
{
    char path[1024];

    snprintf(path, sizeof(path), "%s/%s", opts->outdir, name);
    return access(path, R_OK) == 0;
}

static void
index_figures(FILE * f, const unroll_report_opts_t opts)
{
    const char * ext = unroll_plot_format_ext(opts->format);
    char img[32], csv[32];
    int n;

    for (n = 1; n <= UNROLL_REPORT_NFIGURES; n++)
    {
        snprintf(img, sizeof(img), "figure%d.%s", n, ext);
        snprintf(csv, sizeof(csv), "figure%d.csv", n);
        fprintf(f, "<h2>Figure %d</h2>\n", n);
        if (exists(opts, img) && opts->format == UNROLL_PLOT_PDF)
            fprintf(f, "<p><a href=\"%s\">%s</a></p>\n", img, img);
        else if (exists(opts, img))
            fprintf(f, "<p><img src=\"%s\" alt=\"figure %d\" "
                    "style=\"max-width:100%%\"></p>\n", img, n);
        else
            fputs("<p><em>not drawn (see the notes)</em></p>\n", f);
        fputs("<p>", f);
        put_html(f, captions[n - 1]);
        if (exists(opts, csv))
            fprintf(f, " Data: <a href=\"%s\">%s</a>.", csv, csv);
        fputs("</p>\n", f);
    }
}

/* Copies the certified tables (fig3-*.csv and their .json sidecars) into
   outdir/tables, each through a temporary file; returns how many. */
static int
copy_tables(unroll_report_opts_t opts)
{
    char src[1024], dst[1024], why[UNROLL_MSG_LEN], buf[65536];
    unroll_table_out_t out;
    struct dirent * e;
    DIR * d = opendir(opts->tables);
    FILE * in;
    size_t n;
    int count = 0;

    if (d == NULL)
        return 0;
    snprintf(dst, sizeof(dst), "%s/tables", opts->outdir);
    mkdir(dst, 0777);
    while ((e = readdir(d)) != NULL)
    {
        if (strncmp(e->d_name, "fig3-", 5) != 0)
            continue;
        snprintf(src, sizeof(src), "%s/%s", opts->tables, e->d_name);
        snprintf(dst, sizeof(dst), "%s/tables/%s", opts->outdir, e->d_name);
        in = fopen(src, "rb");
        if (in == NULL || unroll_table_out_open(out, dst, why) != 0)
        {
            if (in != NULL)
                fclose(in);
            continue;
        }
        while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
            fwrite(buf, 1, n, out->f);
        fclose(in);
        count += unroll_table_out_commit(out, why) == UNROLL_SUCCESS;
    }
    closedir(d);
    return count;
}

/* Links every copied table. */
static void
index_tables(FILE * f, const unroll_report_opts_t opts)
{
    char dir[1024];
    struct dirent * e;
    DIR * d;

    snprintf(dir, sizeof(dir), "%s/tables", opts->outdir);
    d = opendir(dir);
    if (d == NULL)
        return;
    fputs("<h2>Certified tables</h2>\n<p>Coefficients (exact and "
          "correctly rounded) with certified B_t and D_t for t = 1..200 "
          "at the Figure 3 setting; the format is unroll-tables(5).</p>"
          "\n<ul>\n", f);
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            fprintf(f, "<li><a href=\"tables/%s\">%s</a></li>\n",
                    e->d_name, e->d_name);
    fputs("</ul>\n", f);
    closedir(d);
}

/* How many steps each method needs to bring B_t below 1e-6. */
static void
index_iters(FILE * f, const unroll_report_opts_t opts)
{
    static const char * names[6] = { "gradient descent, h = 2/(L+l)",
        "Chebyshev", "Sobolev P* (alpha = 1, eta = L/l)",
        "minimax (the optimum at each t)", "Proposition 1 (a floor)",
        "certified floor from B*_t" };
    int j;

    if (!opts->have_iters)
        return;
    fputs("<h3>Steps to a worst-case Jacobian error below 1e-6 "
          "(l = 1/2, L = 10, G = 0)</h3>\n<table border=\"1\" "
          "cellpadding=\"4\">\n<tr><th>method</th><th>steps</th></tr>\n",
          f);
    for (j = 0; j < 6; j++)
    {
        if (opts->iters[j] > 0)
            fprintf(f, "<tr><td>%s</td><td>%ld</td></tr>\n", names[j],
                    (long) opts->iters[j]);
        else
            fprintf(f, "<tr><td>%s</td><td>beyond the range computed"
                    "</td></tr>\n", names[j]);
    }
    fputs("</table>\n", f);
}

static int
write_index(const unroll_report_opts_t opts, const char * checks,
            char * msg)
{
    unroll_table_out_t out;
    char path[1024];
    int i, status;

    snprintf(path, sizeof(path), "%s/index.html", opts->outdir);
    status = unroll_table_out_open(out, path, msg);
    if (status != UNROLL_SUCCESS)
        return status;

    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset="
          "\"utf-8\">\n<title>unroll report</title>\n</head>\n<body>\n"
          "<h1>The curse of unrolling: figures, certified bounds and "
          "checks</h1>\n", out->f);
    if (opts->nnotes > 0)
    {
        fputs("<h2>Notes</h2>\n<ul>\n", out->f);
        for (i = 0; i < opts->nnotes; i++)
        {
            fputs("<li>", out->f);
            put_html(out->f, opts->notes[i]);
            fputs("</li>\n", out->f);
        }
        fputs("</ul>\n", out->f);
    }
    index_figures(out->f, opts);
    index_iters(out->f, opts);
    fputs(checks, out->f);
    index_tables(out->f, opts);
    fputs("</body>\n</html>\n", out->f);
    return unroll_table_out_commit(out, msg);
}

int
unroll_report_write(unroll_report_opts_t opts, char * msg)
{
    int ok[UNROLL_REPORT_NFIGURES], status, checked;
    char * checks = NULL;
    size_t len = 0;
    FILE * mem;

    figures(opts, ok);

    /* The checks go to memory first: index.html is written last, whole,
       so that it only links files that exist. */
    mem = open_memstream(&checks, &len);
    if (mem == NULL)
        flint_abort();
    checked = _unroll_report_checks(mem, opts, msg);
    fclose(mem);

    _unroll_report_progress(opts, "certified tables");
    if (copy_tables(opts) == 0)
        _unroll_report_note(opts, "certified tables not found in %s/ (they "
                            "are written by 'unroll table')", opts->tables);
    _unroll_report_progress(opts, "index.html");
    status = write_index(opts, checks, msg);
    free(checks);
    return status != UNROLL_SUCCESS ? status : checked;
}
