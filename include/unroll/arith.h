/*
    The arithmetic layer of unroll: the one place that knows whether FLINT 3
    (with Arb inside) or FLINT 2.9 with the separate Arb 2.23 is in use,
    plus exact parsing of user numbers and provably correct rounding of
    exact and ball values to double.
*/
#ifndef UNROLL_ARITH_H
#define UNROLL_ARITH_H

#include <stdio.h>

#include "unroll/config.h"

#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpz_vec.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpq.h>
#include <flint/fmpq_vec.h>
#include <flint/fmpq_poly.h>

/* FLINT 3 splits its headers further than Arb 2.23 did (arb_fmpz_poly.h
   no longer brings acb.h, nor fmpq.h the vector functions), so every
   header used is named here. */
#if UNROLL_HAVE_FLINT3
#include <flint/arf.h>
#include <flint/arb.h>
#include <flint/acb.h>
#include <flint/arb_poly.h>
#include <flint/acb_poly.h>
#include <flint/arb_fmpz_poly.h>
#else
#include <arf.h>
#include <arb.h>
#include <acb.h>
#include <arb_poly.h>
#include <acb_poly.h>
#include <arb_fmpz_poly.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define UNROLL_MUST_CHECK __attribute__((warn_unused_result))
#else
#define UNROLL_MUST_CHECK
#endif

/* Status codes, one bit each.  Combine with |= and test once. */
#define UNROLL_SUCCESS 0
#define UNROLL_DOMAIN 1
#define UNROLL_UNABLE 2
#define UNROLL_IO 4     /* a file could not be read or written */

/* Size of the message buffers that parse and I/O functions fill. */
#define UNROLL_MSG_LEN 256

/* Largest decimal exponent accepted by the number parser: "1e4096" is
   fine, "1e100000" is refused before it allocates a huge integer. */
#define UNROLL_PARSE_EXP_MAX 4096

/* Writes a formatted one-line message into msg (of UNROLL_MSG_LEN bytes)
   when msg is not NULL; control characters (line breaks in echoed input)
   become '?'.  Used by every function that reports a reason. */
void unroll_arith_msg(char * msg, const char * fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Random state, hiding flint_randinit (FLINT <= 3.1) versus
   flint_rand_init (FLINT >= 3.2). */
void unroll_arith_randinit(flint_rand_t state);
void unroll_arith_randclear(flint_rand_t state);

/* ---- conversions -------------------------------------------------------- */

/* Parses s exactly into res.  Accepted: integers, decimals and scientific
   notation ("0.5", "1e-3", "-2.5E+2"), and arithmetic over them with
   + - * / and parentheses ("2/(10+1/2)").  When nvars > 0, the names
   names[i] stand for the exact values vals[i] ("2/(L+l)").  Whitespace is
   ignored.  Returns UNROLL_DOMAIN with a reason in msg for anything else:
   empty input, stray characters, NaN or infinity, division by zero,
   exponents beyond UNROLL_PARSE_EXP_MAX, nesting deeper than 64.
   On failure res is unspecified. */
int unroll_arith_parse_fmpq(fmpq_t res, const char * s,
                            const char * const * names, const fmpq * vals,
                            slong nvars, char * msg) UNROLL_MUST_CHECK;

/* Sets res to the double nearest to x (ties to even), as MPFR rounds:
   the result is the correctly rounded value, subnormals included.
   Returns UNROLL_DOMAIN if |x| overflows the double range; *res is then
   +-inf, the IEEE round-to-nearest result. */
int unroll_arith_fmpq_get_d(double * res, const fmpq_t x) UNROLL_MUST_CHECK;

/* Sets res to the double nearest to every point of the ball x.  Rounding
   to nearest is monotone, so when both ends of x round to the same double
   that double is the correctly rounded value of the exact number inside
   x.  Returns UNROLL_UNABLE when the ends round differently or x is not
   finite (recompute x at higher precision), and UNROLL_DOMAIN with *res
   = +-inf when every point of x overflows the double range. */
int unroll_arith_arb_get_d(double * res, const arb_t x) UNROLL_MUST_CHECK;

/* Returns a newly allocated (flint_free) decimal string for the ball x
   that reads back as a ball containing x: "[m +/- r]" or an exact
   decimal, with no digit the radius does not support. */
char * unroll_arith_arb_get_str(const arb_t x, slong digits);

/* Prints the binary number x in decimal with 17 significant digits,
   rounded down (dir < 0), up (dir > 0) or to nearest (dir = 0), so that a
   printed lower end stays below and a printed upper end above x.  Zero
   prints as "0". */
void unroll_arith_fprint_arf(FILE * f, const arf_t x, int dir);

/* Parses a ball written by unroll_arith_arb_get_str, or any number the
   rational parser accepts, into res (at precision prec).  The result
   contains the written value.  Returns UNROLL_DOMAIN with a message on
   malformed input. */
int unroll_arith_arb_set_str(arb_t res, const char * s, slong prec,
                             char * msg) UNROLL_MUST_CHECK;

#ifdef __cplusplus
}
#endif

#endif
