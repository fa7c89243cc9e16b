#include <stdarg.h>
#include <stdio.h>

#include "unroll/arith.h"

void
unroll_arith_msg(char * msg, const char * fmt, ...)
{
    va_list ap;
    char * p;

    if (msg == NULL)
        return;

    va_start(ap, fmt);
    vsnprintf(msg, UNROLL_MSG_LEN, fmt, ap);
    va_end(ap);

    /* Messages echo what the user gave (a number, a cell, a label), which
       may hold line breaks: keep the message on one line. */
    for (p = msg; *p != '\0'; p++)
        if ((unsigned char) *p < 0x20 || *p == 0x7f)
            *p = '?';
}
