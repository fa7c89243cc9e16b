#include "impl.h"

int
_unroll_report_figure3(unroll_report_opts_t opts, char * msg)
{
    (void) opts;
    unroll_arith_msg(msg, "figure 3 is not built yet");
    return UNROLL_UNABLE;
}
