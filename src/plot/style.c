#include <math.h>
#include <stdio.h>
#include <string.h>

#include "impl.h"

/* A colour-blind friendly palette (Okabe and Ito) plus black and grey;
   entries 16.. hold lighter shades for step-size variants. */
static const int rgb[UNROLL_NSTYLES][3] =
{
    { 0, 114, 178 },     /* gd 1/L: blue */
    { 86, 180, 233 },    /* gd 2/(L+l): sky blue */
    { 0, 158, 115 },     /* gd, other steps: green */
    { 213, 94, 0 },      /* chebyshev: vermilion */
    { 204, 121, 167 },   /* gegenbauer: purple */
    { 230, 159, 0 },     /* sobolev: orange */
    { 140, 86, 75 },     /* asymptotic: brown */
    { 200, 0, 40 },      /* minimax: crimson */
    { 100, 100, 180 },   /* heavy ball: slate */
    { 128, 128, 0 },     /* table: olive */
    { 0, 0, 0 },         /* bound: black */
    { 150, 150, 150 },   /* lower bound: grey */
};

/* Markers: Unicode geometric shapes of similar weight, drawn with
   plstring through the cairo driver's fonts. */
static const char * markers[UNROLL_NSTYLES] =
{
    "#[0x25CF]", "#[0x25CB]", "#[0x25C6]", "#[0x25A0]", "#[0x25B2]",
    "#[0x2605]", "#[0x25BC]", "#[0x271A]", "#[0x25A1]", "#[0x00D7]", "",
    "",
};

#define SHADES 4
#define SHADE_BASE 16

void
_unroll_plot_palette(void)
{
    int i, k, c[3], j;

    plscmap0n(SHADE_BASE + UNROLL_NSTYLES * SHADES);
    plscol0(0, 255, 255, 255);
    plscol0(1, 0, 0, 0);
    plscol0(2, 110, 110, 110);
    for (i = 0; i < UNROLL_NSTYLES; i++)
    {
        plscol0(3 + i, rgb[i][0], rgb[i][1], rgb[i][2]);

        /* Shade k mixes the colour k/(SHADES+1) of the way to black,
           which keeps variants of one method recognisably related. */
        for (k = 0; k < SHADES; k++)
        {
            for (j = 0; j < 3; j++)
                c[j] = rgb[i][j] * (SHADES - k) / (SHADES + 1);
            plscol0(SHADE_BASE + i * SHADES + k, c[0], c[1], c[2]);
        }
    }
}

int
_unroll_plot_color(int style, int shade)
{
    if (shade <= 0)
        return 3 + style;
    return SHADE_BASE + style * SHADES + (shade - 1) % SHADES;
}

const char *
_unroll_plot_marker(int style)
{
    return markers[style];
}

double
_unroll_plot_coord(double v, int logy)
{
    if (!isfinite(v))
        return NAN;
    if (!logy)
        return v;
    return v > 0 ? log10(v) : NAN;
}

int
unroll_plot_format_from_name(const char * name)
{
    static const char * names[] = { "png", "svg", "pdf" };
    int i;

    for (i = 0; i < 3; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

const char *
unroll_plot_format_ext(int format)
{
    return format == UNROLL_PLOT_SVG ? "svg"
         : format == UNROLL_PLOT_PDF ? "pdf" : "png";
}

void
_unroll_plot_log_label(PLINT axis, PLFLT value, char * label, PLINT length,
                       PLPointer data)
{
    (void) axis;
    (void) data;
    snprintf(label, (size_t) length, "10#u%ld#d", lround(value));
}
