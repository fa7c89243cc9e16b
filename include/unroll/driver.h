/*
    The numeric driver: a scheme run in double precision on a real problem
    (ridge, ridge with one parameter per feature, regularised logistic
    regression), carrying the iterate and its forward-mode tangent (the
    Jacobian columns dx_t/dtheta) through the same per-step rule, beside
    the exact solution, the exact Jacobian and error estimates.

    Every number of this module is an approximation in double precision,
    not a certified value.  Dense linear algebra goes through CBLAS and
    LAPACKE.  Matrices are stored column-major.
*/
#ifndef UNROLL_DRIVER_H
#define UNROLL_DRIVER_H

#include <stdint.h>

#include "unroll/arith.h"
#include "unroll/scheme.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- datasets ----------------------------------------------------------- */

/* A design matrix A (n x d, column-major) with one label per row. */
typedef struct
{
    slong n;
    slong d;
    double * A;     /* A[i + j * n] = feature j of sample i */
    double * y;     /* n labels */
}
unroll_driver_data_struct;

typedef unroll_driver_data_struct unroll_driver_data_t[1];

/* The SHA-256 of the breast-cancer file as shipped by Debian 12's
   python3-sklearn (sklearn/datasets/data/breast_cancer.csv). */
#define UNROLL_DRIVER_BREAST_CANCER_SHA256 \
    "fed3eb72d0575ef6192293f5093c6e801b1476b577d0386bf4455504522172ed"

/* The file name of that dataset inside the data directory. */
#define UNROLL_DRIVER_BREAST_CANCER_FILE "breast_cancer.csv"

/* Caps on datasets: the readers enforce the first before they store a
   row, unroll_driver_problem_set both before it allocates.  Limitation:
   the matrix is stored dense, n d doubles (1 GiB at the cap), and ridge
   keeps d x d matrices (H, its eigenvectors: 128 MiB each at the cap)
   with an O(d^3) eigendecomposition of about a minute at d = 4096. */
#define UNROLL_DRIVER_ENTRIES_MAX ((slong) 1 << 27)
#define UNROLL_DRIVER_FEATURES_MAX 4096

/* init makes an empty dataset (n = d = 0); clear frees it. */
void unroll_driver_data_init(unroll_driver_data_t data);
void unroll_driver_data_clear(unroll_driver_data_t data);

/* Resizes data to n x d, all zero. */
void unroll_driver_data_fit(unroll_driver_data_t data, slong n, slong d);

/* The generator of the synthetic dataset, the same on every platform:
   splitmix64 (Steele, Lea and Flood 2014) gives 64-bit words, the top 53
   bits of a word give a uniform double in (0, 1), and Marsaglia's polar
   method turns pairs of uniforms into standard Gaussians.  Its logarithm
   is the project's own (unroll_driver_rng_log), built from IEEE
   operations only, so that no libm difference changes the data. */
typedef struct
{
    uint64_t state;
    double spare;
    int has_spare;
}
unroll_driver_rng_struct;

typedef unroll_driver_rng_struct unroll_driver_rng_t[1];

void unroll_driver_rng_init(unroll_driver_rng_t r, uint64_t seed);
uint64_t unroll_driver_rng_next(unroll_driver_rng_t r);
double unroll_driver_rng_uniform(unroll_driver_rng_t r);
double unroll_driver_rng_normal(unroll_driver_rng_t r);

/* log(x) for finite x > 0 from frexp, + - * / only, in a fixed order:
   the result has a relative error below 4e-16 and is bit-identical on
   every IEEE machine compiled without contraction of a * b + c. */
double unroll_driver_rng_log(double x);

/* The synthetic dataset: A with n x d standard Gaussian entries drawn
   column by column from the generator seeded with seed, then a planted
   w with Gaussian entries and labels y = A w + e with Gaussian noise e
   (also from the generator, after A).  Requires n, d >= 1. */
void unroll_driver_data_synthetic(unroll_driver_data_t data, slong n,
                                  slong d, uint64_t seed);

/* Reads a CSV file with a header row of column names.  The label is the
   column called label, or the last column when label is NULL; every
   other column is a feature.  Returns UNROLL_DOMAIN with "FILE:LINE:
   problem" in msg for an empty file, a header without rows, a ragged row,
   an empty, non-numeric, NaN or infinite cell, an unknown label name, or
   n d > UNROLL_DRIVER_ENTRIES_MAX (refused on the row that passes it);
   UNROLL_IO when the file cannot be read. */
int unroll_driver_data_read_csv(unroll_driver_data_t data, const char * path,
                                const char * label, char * msg)
    UNROLL_MUST_CHECK;

/* Reads a LIBSVM/svmlight file: one sample per line, "LABEL i:v i:v ...",
   with 1-based feature indices in increasing order; absent entries are
   zero and d is the largest index.  Blank lines and "#" comments are
   skipped.  Returns UNROLL_DOMAIN with "FILE:LINE: problem" for a zero,
   negative, duplicate or decreasing index, a malformed pair, a non-finite
   value, an empty file, or n d > UNROLL_DRIVER_ENTRIES_MAX (refused at
   the entry that passes it); UNROLL_IO when the file cannot be read.
   Limitation: the matrix is stored dense (n d doubles, at most 1 GiB), so
   very sparse files with large d are refused. */
int unroll_driver_data_read_libsvm(unroll_driver_data_t data,
                                   const char * path, char * msg)
    UNROLL_MUST_CHECK;

/* Reads the breast-cancer file in the layout sklearn ships (a first line
   "569,30,malignant,benign", then 30 features and the 0/1 label per row)
   after checking its SHA-256 against UNROLL_DRIVER_BREAST_CANCER_SHA256.
   Returns UNROLL_DOMAIN with "FILE: checksum mismatch" or "FILE:LINE:
   problem", UNROLL_IO when the file cannot be read. */
int unroll_driver_data_read_breast_cancer(unroll_driver_data_t data,
                                          const char * path, char * msg)
    UNROLL_MUST_CHECK;

/* Reads path as LIBSVM when its name ends in .svm, .libsvm, .svmlight or
   .txt, as CSV otherwise (label as in unroll_driver_data_read_csv). */
int unroll_driver_data_read(unroll_driver_data_t data, const char * path,
                            const char * label, char * msg)
    UNROLL_MUST_CHECK;

/* Standardises every feature column to mean 0 and population standard
   deviation 1; a constant column becomes all zero.  Labels are kept. */
void unroll_driver_data_standardize(unroll_driver_data_t data);

/* Writes the lower-case hex SHA-256 (64 characters and a NUL) of the file
   at path into hex.  Returns UNROLL_IO with a message on a read error. */
int unroll_driver_sha256_file(char * hex, const char * path, char * msg)
    UNROLL_MUST_CHECK;

/* The same for a buffer in memory. */
void unroll_driver_sha256(char * hex, const void * buf, size_t len);

/* ---- problems ----------------------------------------------------------- */

#define UNROLL_DRIVER_RIDGE 0       /* scalar theta */
#define UNROLL_DRIVER_RIDGE_DIAG 1  /* one theta_i per feature, k = d */
#define UNROLL_DRIVER_LOGISTIC 2    /* l2-regularised logistic regression */

#define UNROLL_DRIVER_HESSIAN 0     /* ridge: H precomputed, one pass */
#define UNROLL_DRIVER_MATRIX_FREE 1 /* A then A^T, one blocked pass over A */

/* A problem with its exact reference.  The functions are

     ridge:      f = 1/2 (||A x - y||^2 + theta ||x||^2)
     ridge-diag: f = 1/2 (||A x - y||^2 + sum_i theta_i x_i^2)
     logistic:   f = sum_i log(1 + exp(-s_i a_i^T x)) + theta/2 ||x||^2

   (x_bar = 0; s_i = +1 for the larger of the two label values, -1 for the
   smaller; every theta_i of ridge-diag equals theta).  The iterate and
   its Jacobian columns are stored as one d x (k + 1) block X: column 0 is
   x, columns 1..k are dx/dtheta (k = 1, or k = d for ridge-diag). */
typedef struct
{
    int kind;
    int storage;
    slong n;
    slong d;
    slong k;
    double theta;
    double * A;         /* n x d, a copy of the data */
    double * y;         /* labels (+-1 for logistic) */
    double * H;         /* d x d Hessian (ridge, HESSIAN storage) or NULL */
    double * b;         /* ridge: -A^T y, so that grad = H x + b */
    double * xstar;     /* d */
    double * dxstar;    /* d x k */
    double * evals;     /* d eigenvalues of H (logistic: at x*) */
    double * evecs;     /* d x d eigenvectors, columns */
    double l;           /* smallest and largest eigenvalue */
    double L;
    double l_lower;     /* l minus a bound on the eigensolver's error */
    double L_upper;
    double fstar;       /* f(x*) */
    double hess_lip;    /* logistic: Lipschitz constant of the Hessian */
    slong newton_iters; /* logistic: Newton steps taken */
    double * At;        /* d x n: A transposed, so that each row of A is
                           contiguous (matrix-free storage only) */
    int threads;        /* 1 or 2: threads of the gradient's pass */
    int force_pass;     /* 1: the blocked one-pass product and the second
                           thread at any size (tests and benchmarks) */
    double * work;      /* n x (k + 1) scratch, then a second gradient
                           block for the second thread */
}
unroll_driver_problem_struct;

typedef unroll_driver_problem_struct unroll_driver_problem_t[1];

void unroll_driver_problem_init(unroll_driver_problem_t p);
void unroll_driver_problem_clear(unroll_driver_problem_t p);

/* Sets up the problem of the given kind on data with regularisation
   theta > 0: the exact x* and dx* (ridge: Cholesky of H, dx* = -H^-1 x*
   or -H^-1 diag(x*); logistic: damped Newton until the gradient stops
   decreasing, then implicit differentiation dx* = -H(x*)^-1 x*), and the
   eigendecomposition of H (at x* for logistic).  storage selects how the
   gradient is applied (logistic is always matrix-free).  Returns
   UNROLL_DOMAIN with msg when theta <= 0 or not finite, the data are
   empty or pass UNROLL_DRIVER_FEATURES_MAX features or
   UNROLL_DRIVER_ENTRIES_MAX entries (checked before anything is
   allocated), logistic labels do not take exactly two values, or a
   factorisation fails (H not positive definite in floating point). */
int unroll_driver_problem_set(unroll_driver_problem_t p,
                              const unroll_driver_data_t data, int kind,
                              double theta, int storage, char * msg)
    UNROLL_MUST_CHECK;

/* The problem's spectrum as exact rationals bracketing it outward: the
   eigensolver's bracket [l_lower, L_upper] rounded down and up to 24
   significant bits.  Returns UNROLL_DOMAIN (msg) when no positive
   bracket exists in double precision. */
int unroll_driver_problem_spectrum(fmpq_t l, fmpq_t L,
                                   const unroll_driver_problem_t p,
                                   char * msg) UNROLL_MUST_CHECK;

/* G = the gradient of f at column 0 of X (column 0 of G) and its tangent
   H(x) J + d_theta grad f(x) (columns 1..k), for the d x (k + 1) block
   X = [x, J].  G must not alias X. */
void unroll_driver_problem_grad(double * G, const unroll_driver_problem_t p,
                                const double * X);

/* f(x) - f(x*), computed as 1/2 e^T H e for ridge (no cancellation). */
double unroll_driver_problem_gap(const unroll_driver_problem_t p,
                                 const double * x);

/* The a-posteriori bound on ||J - dx*||_F at the block X = [x, J], from
   quantities that need no x*: with G = grad block at X, r = the tangent
   columns of G and g0 = ||column 0 of G||,

     ridge:    (||r||_F + rho + g0 / l) / l
     logistic: (||r||_F + rho + (1 + M ||J||_F) g0 / theta) / theta

   where l is a lower bound of the smallest eigenvalue of H, M a Lipschitz
   constant of the Hessian (|sigma''| <= 1/(6 sqrt 3) times max_i ||a_i||
   times ||A||_2^2) and rho a bound on the rounding error of r.  It rests
   on H*(J - dx*) = r - (H(x) - H*) J - (x - x*) and ||x - x*|| <= g0 / l.
   G is the gradient block at X as computed by the caller. */
double unroll_driver_problem_aposteriori(const unroll_driver_problem_t p,
                                         const double * X, const double * G);

/* ---- the vector interpreter -------------------------------------------- */

/* The per-step coefficients of a scheme as doubles: h, m, c1, c2, c3 and
   the two averaging weights A_{t-1}/A_t and a_t/A_t, each the double
   nearest to the exact value (the weights are exact ratios rounded once,
   since a_t and A_t themselves overflow double for long runs). */
typedef struct
{
    int kind;
    slong T;
    double * h;
    double * m;
    double * c1;
    double * c2;
    double * c3;
    double * wold;      /* A_{t-1} / A_t */
    double * wnew;      /* a_t / A_t */
}
unroll_driver_coeffs_struct;

typedef unroll_driver_coeffs_struct unroll_driver_coeffs_t[1];

void unroll_driver_coeffs_init(unroll_driver_coeffs_t c);
void unroll_driver_coeffs_clear(unroll_driver_coeffs_t c);

/* Rounds the coefficients of s for t = 1..T (T <= s->T).  Returns
   UNROLL_DOMAIN with msg when a coefficient is not a finite double. */
int unroll_driver_coeffs_set(unroll_driver_coeffs_t c,
                             const unroll_scheme_t s, slong T, char * msg)
    UNROLL_MUST_CHECK;

/* The state of the three sequences, each an array of N doubles. */
typedef struct
{
    int kind;
    slong N;
    double * y1;    /* y_{t-1} */
    double * y2;    /* y_{t-2} */
    double * z1;    /* z_{t-1} (averaged schemes) */
    double * z2;    /* z_{t-2} */
    double * x;     /* x_{t-1}: the output sequence */
}
unroll_driver_state_struct;

typedef unroll_driver_state_struct unroll_driver_state_t[1];

/* Allocates a state of N doubles per sequence, every sequence set to x0
   (y_{-1} = y_0 = z_{-1} = z_0 = x_0).  For a momentum scheme x is y1. */
void unroll_driver_state_init(unroll_driver_state_t st, int kind, slong N,
                              const double * x0);
void unroll_driver_state_clear(unroll_driver_state_t st);

/* One step t >= 1 of the scheme, given grad = the gradient at y_{t-1}
   (st->y1), elementwise over the N entries:

     y_t = (1 + m_t) y_{t-1} - m_t y_{t-2} - h_t grad
     z_t = y_t (t <= 2), c1_t z_{t-2} + c2_t y_t - c3_t y_{t-2} (t >= 3)
     x_t = (A_{t-1} / A_t) x_{t-1} + (a_t / A_t) z_t

   The same rule serves the iterate with its tangent and the scalar jets
   of the prediction. */
void unroll_driver_state_step(unroll_driver_state_t st,
                              const unroll_driver_coeffs_t c, slong t,
                              const double * grad);

/* One row of a trace.  Columns that do not apply are NaN. */
typedef struct
{
    slong t;
    double gap;         /* f(x_t) - f* */
    double xerr;        /* ||x_t - x*|| */
    double jerr;        /* ||dx_t - dx*||_F */
    double jpred;       /* the eigendecomposition's prediction of jerr */
    double jpost;       /* the a-posteriori bound on jerr */
}
unroll_driver_row_t;

/* Runs t = 1..T steps of the scheme with coefficients c from x_0 = 0,
   dx_0 = 0 and calls emit(row, arg) for t = 0, every `every` steps and
   t = T.  jpred is filled for ridge (scalar theta) only: by the master
   identity dx_t - dx* = E_t(H)(dx_0 - dx*) + P_t'(H) g, evaluated in the
   eigenbasis of H by the same rule run on the jets (P_t, P_t') of every
   eigenvalue.  Returns UNROLL_DOMAIN with msg naming t when the iterate
   or its tangent stops being finite (rows before t have been emitted).
   emit returning nonzero stops the run with UNROLL_IO. */
int unroll_driver_run(const unroll_driver_problem_t p,
                      const unroll_driver_coeffs_t c, slong T, slong every,
                      int (* emit)(const unroll_driver_row_t * row,
                                   void * arg),
                      void * arg, char * msg) UNROLL_MUST_CHECK;

/* G = ||g||_F, the total derivative of grad f at (x_0, theta) with
   x_0 = 0, dx_0 = 0 (the D_t term of the certified bound). */
double unroll_driver_problem_g0(const unroll_driver_problem_t p);

/* The asymptotic rate of gradient descent with step h on the problem:
   measured on the iterates (no Jacobian) as (e_T / e_{T/2})^(2/T) with
   e = ||x_t - x*||, or 2 (worse than any rate) if the run diverges. */
double unroll_driver_gd_rate(const unroll_driver_problem_t p, double h,
                             slong T);

/* The grid search of the paper for gradient descent: the step among
   npts steps spread geometrically over [0.1/L, 2/L] (L the largest
   eigenvalue of the Hessian at x*, or of H) with the fastest measured
   asymptotic rate over T iterations.  Sets *rate to that rate. */
double unroll_driver_step_auto(double * rate,
                               const unroll_driver_problem_t p, slong npts,
                               slong T);

#ifdef __cplusplus
}
#endif

#endif
