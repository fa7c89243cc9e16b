#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "common.h"

static double xs[50], ys[50], lo[50], hi[50];

static void
fill_data(void)
{
    int i;

    for (i = 0; i < 50; i++)
    {
        xs[i] = i + 1;
        ys[i] = (1 + 0.5 * i) * pow(0.8, i);
        lo[i] = 0.9 * ys[i];
        hi[i] = 1.1 * ys[i];
    }
    ys[7] = 0.0;        /* a value a log axis cannot show */
}

static int
draw(const char * path, int format)
{
    unroll_plot_series_struct s[2] =
    {
        { "method A", UNROLL_STYLE_CHEBYSHEV, 0, 0, 50, xs, ys, lo, hi },
        { "bound", UNROLL_STYLE_BOUND, 1, 0, 50, xs, hi, NULL, NULL },
    };
    unroll_plot_panel_struct p[2] =
    {
        { "left", "t", "value", 1, 2, s },
        { "right", "t", "value", 0, 1, s },
    };
    char msg[UNROLL_MSG_LEN];

    fill_data();
    return unroll_plot_write(path, format, p, 2, msg);
}

static unsigned long
be32(const unsigned char * p)
{
    return ((unsigned long) p[0] << 24) | ((unsigned long) p[1] << 16)
           | ((unsigned long) p[2] << 8) | p[3];
}

Test(plot, png_header_and_size)
{
    char path[] = "/tmp/unroll-test-plot-XXXXXX";
    unsigned char buf[32];
    FILE * f;
    int fd = mkstemp(path);

    cr_assert(fd >= 0);
    close(fd);
    cr_assert_eq(draw(path, UNROLL_PLOT_PNG), UNROLL_SUCCESS);

    f = fopen(path, "rb");
    cr_assert_not_null(f);
    cr_assert_eq(fread(buf, 1, 24, f), 24);
    fclose(f);
    cr_assert(memcmp(buf, "\x89PNG\r\n\x1a\n", 8) == 0, "no PNG signature");
    cr_assert(memcmp(buf + 12, "IHDR", 4) == 0, "first chunk is not IHDR");
    cr_assert(be32(buf + 16) >= 600 && be32(buf + 16) <= 4000,
              "width %lu", be32(buf + 16));
    cr_assert(be32(buf + 20) >= 400 && be32(buf + 20) <= 1200, "height %lu",
              be32(buf + 20));
    unlink(path);
}

/* A small well-formedness check: every start tag is closed in order,
   ignoring the prolog, comments and self-closing tags. */
static int
xml_balanced(const char * s)
{
    char stack[64][32];
    int depth = 0, n;
    const char * p = s, * q;

    while ((p = strchr(p, '<')) != NULL)
    {
        if (p[1] == '?' || p[1] == '!')
        {
            p = strchr(p, '>');
            if (p == NULL)
                return 0;
            continue;
        }
        q = strchr(p, '>');
        if (q == NULL)
            return 0;
        n = (int) strcspn(p + 1 + (p[1] == '/'), " \t\n/>");
        if (p[1] == '/')
        {
            if (depth == 0 || n >= 32 || strncmp(stack[depth - 1], p + 2,
                                                  (size_t) n) != 0)
                return 0;
            depth--;
        }
        else if (q[-1] != '/')
        {
            if (depth == 64 || n >= 32)
                return 0;
            memcpy(stack[depth], p + 1, (size_t) n);
            stack[depth++][n] = '\0';
        }
        p = q;
    }
    return depth == 0;
}

Test(plot, svg_well_formed)
{
    char path[] = "/tmp/unroll-test-plot-XXXXXX";
    char * text;
    long size;
    FILE * f;
    int fd = mkstemp(path);

    cr_assert(fd >= 0);
    close(fd);
    cr_assert_eq(draw(path, UNROLL_PLOT_SVG), UNROLL_SUCCESS);

    f = fopen(path, "rb");
    cr_assert_not_null(f);
    fseek(f, 0, SEEK_END);
    size = ftell(f);
    rewind(f);
    text = malloc((size_t) size + 1);
    cr_assert_eq(fread(text, 1, (size_t) size, f), (size_t) size);
    text[size] = '\0';
    fclose(f);

    cr_assert(strstr(text, "<svg") != NULL, "no svg element");
    cr_assert(xml_balanced(text), "SVG is not well formed");
    cr_assert(!xml_balanced("<svg><g></svg></g>"), "checker too lax");
    free(text);
    unlink(path);
}

Test(plot, refuses_without_leaving_files)
{
    unroll_plot_panel_struct empty = { "e", "x", "y", 1, 0, NULL };
    char msg[UNROLL_MSG_LEN];

    cr_assert_eq(unroll_plot_write("/tmp/unroll-test-never.png",
                                   UNROLL_PLOT_PNG, &empty, 1, msg),
                 UNROLL_DOMAIN);
    cr_assert(access("/tmp/unroll-test-never.png", F_OK) != 0);
    cr_assert_eq(draw("/nonexistent-dir/f.png", UNROLL_PLOT_PNG), UNROLL_IO);
}
