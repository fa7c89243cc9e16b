/*
    Times the exact core in-process: the exact iteration coefficients for
    t = 1..T, and the exact residual polynomial P_T in lambda, for one
    method.  Prints one line "coeffs|poly METHOD T SECONDS" per measure,
    with the best time of REPS runs (fewer when the runs take over 2 s in
    total).  Times are the CPU time of the calling thread, which a busy
    machine disturbs less than wall-clock time and which leaves out the
    idle OpenBLAS threads spinning beside it.

    Usage: exact_bench METHOD coeffs|poly|poly-generic T [REPS]
    with METHOD chebyshev or sobolev on [1/2, 10], alpha = 1, eta = 1.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "unroll.h"

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static void
set_method(unroll_method_t meth, const char * name)
{
    fmpq_t l, L;
    char msg[UNROLL_MSG_LEN];

    fmpq_init(l);
    fmpq_init(L);

    meth->family = unroll_family_from_name(name);
    fmpq_set_si(l, 1, 2);
    fmpq_set_si(L, 10, 1);
    if (unroll_spectrum_set(&meth->spec, l, L, msg) != UNROLL_SUCCESS)
        abort();
    meth->has_spec = 1;
    fmpq_one(&meth->alpha);
    fmpq_one(&meth->eta);
    meth->has_alpha = meth->has_eta = 1;

    fmpq_clear(L);
    fmpq_clear(l);
}

/* One run; returns its CPU time.  The coefficient measure builds
   the scheme for t = 0..T; the polynomial measures compute P_T from
   nothing (coefficients included), by the family's fast path or by the
   generic scheme interpreter. */
static double
run_once(const unroll_method_t meth, const char * what, slong T)
{
    unroll_scheme_t s;
    fmpq_poly_t P;
    char msg[UNROLL_MSG_LEN];
    double t0, t1;
    int status = UNROLL_SUCCESS;

    unroll_scheme_init(s);
    fmpq_poly_init(P);

    t0 = now();
    if (strcmp(what, "coeffs") == 0)
        status = unroll_method_scheme(s, meth, T, 128, msg);
    else if (strcmp(what, "poly") == 0)
        status = unroll_method_poly_residual(P, meth, T, UNROLL_STAGE_X,
                                             msg);
    else
    {
        status = unroll_method_scheme(s, meth, T, 128, msg);
        if (status == UNROLL_SUCCESS)
            unroll_scheme_poly_residual(P, s, T, UNROLL_STAGE_X);
    }
    t1 = now();
    if (status != UNROLL_SUCCESS)
    {
        fprintf(stderr, "exact_bench: %s\n", msg);
        exit(1);
    }

    fmpq_poly_clear(P);
    unroll_scheme_clear(s);
    return t1 - t0;
}

int
main(int argc, char ** argv)
{
    unroll_method_t meth;
    double best = 0.0, spent = 0.0, t;
    long T, reps, i;

    if (argc < 4 || (strcmp(argv[1], "chebyshev") != 0
                     && strcmp(argv[1], "sobolev") != 0))
    {
        fprintf(stderr, "usage: exact_bench chebyshev|sobolev "
                        "coeffs|poly|poly-generic T [REPS]\n");
        return 2;
    }
    T = strtol(argv[3], NULL, 10);
    reps = argc > 4 ? strtol(argv[4], NULL, 10) : 5;
    if (T < 0 || T > UNROLL_T_MAX_EXACT || reps < 1)
        return 2;

    unroll_method_init(meth);
    set_method(meth, argv[1]);
    /* Stop early once 2 s are spent: slow rows need no repetition. */
    for (i = 0; i < reps && spent < 2.0; i++)
    {
        t = run_once(meth, argv[2], T);
        spent += t;
        if (i == 0 || t < best)
            best = t;
    }
    printf("%s %s %ld %.6f\n", argv[2], argv[1], T, best);
    unroll_method_clear(meth);
    flint_cleanup();
    return 0;
}
