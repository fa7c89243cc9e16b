/*
    Writing tables: coefficient tables of a scheme (exact p/q columns and
    correctly rounded doubles) in CSV or JSON, written atomically.
*/
#ifndef UNROLL_TABLE_H
#define UNROLL_TABLE_H

#include <stdio.h>

#include "unroll/arith.h"
#include "unroll/families.h"

#ifdef __cplusplus
extern "C" {
#endif

#define UNROLL_FORMAT_CSV 0
#define UNROLL_FORMAT_JSON 1

/* An output that is either stdout or a file written whole or not at all:
   data goes to a temporary file beside the target, renamed over it only
   by unroll_table_out_commit. */
typedef struct
{
    FILE * f;
    char * path;
    char * tmp;
}
unroll_table_out_struct;

typedef unroll_table_out_struct unroll_table_out_t[1];

/* ---- I/O ---------------------------------------------------------------- */

/* Opens path for writing through a temporary name, or stdout when path is
   NULL or "-".  Returns UNROLL_IO with a message on failure.  Where
   SIGINT, SIGTERM and SIGHUP still have their default action, the first
   call installs a handler that removes the temporary files of the open
   outputs and then lets the signal kill the process as before. */
int unroll_table_out_open(unroll_table_out_t out, const char * path,
                          char * msg) UNROLL_MUST_CHECK;

/* Flushes and closes the output and renames the temporary file onto the
   target.  On any error the temporary file is removed, the target is left
   as it was, and UNROLL_IO is returned with a message. */
int unroll_table_out_commit(unroll_table_out_t out, char * msg)
    UNROLL_MUST_CHECK;

/* Abandons the output: closes it and removes the temporary file. */
void unroll_table_out_abort(unroll_table_out_t out);

/* Removes the temporary files of every output still open, for a process
   about to end abruptly (the CLI's out-of-memory exit).  Uses only
   async-signal-safe calls and frees nothing. */
void unroll_table_out_cleanup(void);

/* Writes the coefficients of s for t = 1..T (T <= s->T) to f: per
   coefficient of the scheme's kind an exact column NAME (p/q, or a ball
   "[m +/- r]" that contains the value when it is irrational) and a column
   NAME_f64 holding the double nearest to the value.  CSV has one header
   row "t,h,h_f64,m,m_f64,..."; JSON is an object with "method",
   "parameters", "columns" and "rows".  meth may be NULL (no metadata).
   Every double is computed before anything is written: returns
   UNROLL_UNABLE, writing nothing, when a ball is too wide to round
   correctly (rebuild the scheme at higher precision), and UNROLL_IO on a
   write error. */
int unroll_table_write_coeffs(FILE * f, const unroll_scheme_t s,
                              const unroll_method_t meth, slong T,
                              int format, char * msg) UNROLL_MUST_CHECK;

/* Adds the method's family and exact parameters to a JSON object. */
void unroll_table_method_json(void * obj, const unroll_method_t meth);

#ifdef __cplusplus
}
#endif

#endif
