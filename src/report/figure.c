#include "impl.h"

int
unroll_report_figure(unroll_report_opts_t opts, int n, char * msg)
{
    static int (* const figures[UNROLL_REPORT_NFIGURES])(
        unroll_report_opts_t, char *) =
    {
        _unroll_report_figure1, _unroll_report_figure2,
        _unroll_report_figure3, _unroll_report_figure4,
        _unroll_report_figure5, _unroll_report_figure6,
    };

    if (n < 1 || n > UNROLL_REPORT_NFIGURES)
    {
        unroll_arith_msg(msg, "there is no figure %d (1..%d)", n,
                         UNROLL_REPORT_NFIGURES);
        return UNROLL_DOMAIN;
    }
    return figures[n - 1](opts, msg);
}
