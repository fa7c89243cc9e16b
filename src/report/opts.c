#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "impl.h"

void
unroll_report_opts_init(unroll_report_opts_t opts)
{
    memset(opts, 0, sizeof(*opts));
    opts->outdir = ".";
    opts->format = UNROLL_PLOT_PNG;
    opts->data_dir = "data";
    opts->tables = "tables";
    opts->synth_n = 500;
    opts->synth_d = 400;
    opts->seed = 1;
}

void
_unroll_report_note(unroll_report_opts_t opts, const char * fmt, ...)
{
    va_list ap;

    if (opts->nnotes >= UNROLL_REPORT_MAX_NOTES)
        return;
    va_start(ap, fmt);
    vsnprintf(opts->notes[opts->nnotes++], UNROLL_MSG_LEN, fmt, ap);
    va_end(ap);
}

void
_unroll_report_progress(const unroll_report_opts_t opts, const char * what)
{
    if (opts->progress != NULL)
        opts->progress(what, opts->progress_arg);
}

void
_unroll_report_path(char * path, size_t len, const unroll_report_opts_t opts,
                    int n, const char * ext)
{
    snprintf(path, len, "%s/figure%d.%s", opts->outdir, n, ext);
}

int
_unroll_report_csv_begin(unroll_table_out_t out,
                         const unroll_report_opts_t opts, int n,
                         const char * header, char * msg)
{
    char path[1024];
    int status;

    _unroll_report_path(path, sizeof(path), opts, n, "csv");
    status = unroll_table_out_open(out, path, msg);
    if (status == UNROLL_SUCCESS && header[0] != '\0')
        fprintf(out->f, "%s\n", header);
    return status;
}

int
_unroll_report_plot(const unroll_report_opts_t opts, int n,
                    const unroll_plot_panel_struct * panels, slong npanels,
                    char * msg)
{
    char path[1024];

    _unroll_report_path(path, sizeof(path), opts, n,
                        unroll_plot_format_ext(opts->format));
    return unroll_plot_write(path, opts->format, panels, npanels, msg);
}
