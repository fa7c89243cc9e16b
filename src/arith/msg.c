#include <stdarg.h>
#include <stdio.h>

#include "unroll/arith.h"

void
unroll_arith_msg(char * msg, const char * fmt, ...)
{
    va_list ap;

    if (msg == NULL)
        return;

    va_start(ap, fmt);
    vsnprintf(msg, UNROLL_MSG_LEN, fmt, ap);
    va_end(ap);
}
