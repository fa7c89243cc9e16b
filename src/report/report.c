#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "impl.h"

static const char * captions[UNROLL_REPORT_NFIGURES] =
{
    "Gradient descent on ridge regression (breast-cancer, theta = 1e-3 on "
    "the mean loss) for four step sizes.  Larger steps lower the function "
    "suboptimality (right) faster, yet the Jacobian suboptimality (left) "
    "first rises: a burn-in whose length grows with the step.",
    "Gradient descent (h = 2/(L+l)) and the Chebyshev method on the same "
    "problem, each under its certified worst-case bound (Theorems 2 and "
    "3, dashed).  Both rise, then converge linearly; Chebyshev peaks after "
    "about the square root of gradient descent's burn-in.",
    "Certified worst-case Jacobian rates B_t = max |P_t - lambda P_t'| "
    "over [1/2, 10] (alpha = 1, G = 0), drawn as enclosures, with "
    "Proposition 1's lower bound.",
    "The Sobolev method (alpha = 1, eta = 1), Chebyshev and gradient "
    "descent on three ridge problems: Sobolev has the shortest burn-in "
    "and an accelerated rate.",
    "Gradient descent with the step of fastest measured asymptotic rate on "
    "regularised logistic regression: the two phases persist outside the "
    "quadratic theory.",
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

static int
write_index(const unroll_report_opts_t opts, char * msg)
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
    fputs("</body>\n</html>\n", out->f);
    return unroll_table_out_commit(out, msg);
}

int
unroll_report_write(unroll_report_opts_t opts, char * msg)
{
    int ok[UNROLL_REPORT_NFIGURES];

    figures(opts, ok);
    _unroll_report_progress(opts, "index.html");
    return write_index(opts, msg);
}
