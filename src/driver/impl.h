/* Declarations private to the driver module. */
#ifndef UNROLL_DRIVER_IMPL_H
#define UNROLL_DRIVER_IMPL_H

#include <stdio.h>

#include "unroll/driver.h"

/* Zeroed memory through FLINT's allocator, like every buffer of the
   driver (the datasets and the growable arrays below included), so that
   exhaustion takes the path the caller installed with FLINT's memory
   functions: unroll(1) prints one line and exits 3, where a bare calloc
   and flint_abort ended in SIGABRT.  Free with flint_free. */
void * _unroll_driver_alloc(size_t n, size_t size);

/* Growable array of doubles. */
typedef struct
{
    double * v;
    slong len;
    slong alloc;
}
_unroll_driver_vec_t;

void _unroll_driver_vec_push(_unroll_driver_vec_t * a, double x);

/* Reads one line of any length into *buf (NUL-terminated, newline and a
   trailing carriage return removed).  Returns 0 at end of file. */
int _unroll_driver_getline(char ** buf, size_t * cap, FILE * f);

/* Parses the whole of s (surrounding blanks allowed) as a finite double.
   Returns 0 on success, or a static reason. */
const char * _unroll_driver_parse_double(double * res, const char * s);

/* Reads a CSV file.  When counts_header is set the first line is not a
   list of names (sklearn's "n,d,names..." line) and the label is last. */
int _unroll_driver_read_csv(unroll_driver_data_t data, const char * path,
                            const char * label, int counts_header,
                            char * msg);

/* ||v|| of n doubles. */
double _unroll_driver_norm(const double * v, slong n);

/* The sigmoid 1 / (1 + exp(-s)) and log(1 + exp(-s)), without overflow. */
double _unroll_driver_sigmoid(double s);
double _unroll_driver_log1pexp_neg(double s);

/* Eigendecomposition of the symmetric d x d matrix M (overwritten by the
   eigenvectors): ascending eigenvalues in w.  Returns nonzero on
   failure. */
int _unroll_driver_eigen(double * w, double * M, slong d);

/* Sets p->l, p->L and the outward bracket l_lower, L_upper from evals. */
void _unroll_driver_bracket(unroll_driver_problem_t p);

/* Logistic regression: x* by Newton, dx*, the Hessian at x*. */
int _unroll_driver_logistic_solve(unroll_driver_problem_t p, char * msg);

/* Ridge: H, b, x*, dx*. */
int _unroll_driver_ridge_solve(unroll_driver_problem_t p, char * msg);

/* The logistic objective f(x). */
double _unroll_driver_logistic_f(const unroll_driver_problem_t p,
                                 const double * x);

/* Changes rows [i0, i0 + rows) of the n x c block W (leading dimension
   ldw) from A X into what A^T must multiply: the matrix-free gradient. */
typedef void (* _unroll_driver_rowfn_t)(double * W, slong ldw, slong i0,
                                        slong rows,
                                        const unroll_driver_problem_struct
                                        * p);

#endif
