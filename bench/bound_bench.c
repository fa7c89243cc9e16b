/* Times the certified bound engine.

   Usage: bound_bench METHOD T [REPS]       one degree
          bound_bench METHOD range N        every t = 1..N

   METHOD is chebyshev, gd (h = 1/L) or sobolev (alpha = 1, eta = 1), on
   [1/2, 10], relative width 2^-50.  Prints "METHOD T build SECONDS
   bound SECONDS B_lo B_hi evals E prec P": the construction of the
   scheme that unroll bound certifies (exact up to t = 1000, balls
   beyond) and the certification separately (CPU time, best of REPS
   runs), then the last degree's point evaluations and working
   precision. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "unroll.h"

/* CPU time of this thread: OpenBLAS's idle threads (the library links
   it for the numeric driver) spin at start-up and would otherwise be
   counted, nearly doubling the times on two cores. */
static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int
build(unroll_scheme_t s, unroll_spectrum_t spec, const char * name,
      slong T)
{
    unroll_method_t meth;
    char msg[UNROLL_MSG_LEN];
    fmpq_t l, L;
    int status;

    unroll_method_init(meth);
    fmpq_init(l);
    fmpq_init(L);
    fmpq_set_si(l, 1, 2);
    fmpq_set_si(L, 10, 1);
    status = unroll_spectrum_set(spec, l, L, msg);
    status |= unroll_spectrum_set(&meth->spec, l, L, msg);
    meth->has_spec = 1;
    meth->family = unroll_family_from_name(name);
    fmpq_set_si(&meth->h, 1, 10);
    meth->has_h = strcmp(name, "gd") == 0;
    fmpq_one(&meth->alpha);
    fmpq_one(&meth->eta);
    meth->has_alpha = meth->has_eta = strcmp(name, "sobolev") == 0;
    if (status == UNROLL_SUCCESS)
        status = unroll_method_scheme_certify(s, meth, T, 50 + 192, msg);
    if (status != UNROLL_SUCCESS)
        fprintf(stderr, "bound_bench: %s\n", msg);
    fmpq_clear(L);
    fmpq_clear(l);
    unroll_method_clear(meth);
    return status;
}

int
main(int argc, char ** argv)
{
    unroll_scheme_t s;
    unroll_spectrum_t spec;
    unroll_bound_result_struct * r;
    char msg[UNROLL_MSG_LEN];
    int range = argc > 2 && strcmp(argv[2], "range") == 0;
    slong T = argc > 2 ? atol(argv[range ? 3 : 2]) : 0, n, i;
    int reps = !range && argc > 3 ? atoi(argv[3]) : 1, status = 0;
    double t0, tb, best = 1e300;

    if (argc < 3 || T < 1 || (range && argc < 4))
    {
        fprintf(stderr, "usage: bound_bench METHOD T [REPS] | METHOD "
                "range N\n");
        return 2;
    }
    unroll_scheme_init(s);
    unroll_spectrum_init(spec);
    t0 = now();
    if (build(s, spec, argv[1], T) != UNROLL_SUCCESS)
        return 2;
    tb = now() - t0;
    n = range ? T : 1;
    r = _unroll_bound_result_vec_init(n);
    for (i = 0; i < reps && status == 0; i++)
    {
        t0 = now();
        if (range)
            status = unroll_bound_sup_range(r, NULL, s, spec, T,
                                            UNROLL_STAGE_X, 50, msg);
        else
            status = unroll_bound_sup(r, s, spec, T, 50, msg);
        best = FLINT_MIN(best, now() - t0);
    }
    if (status != 0)
        fprintf(stderr, "bound_bench: %s\n", msg);
    else
        printf("%s %ld build %.6f bound %.6f %.17g %.17g evals %ld prec "
               "%ld\n", argv[1], (long) T, tb, best,
               arf_get_d(&r[n - 1].B.lo, ARF_RND_DOWN),
               arf_get_d(&r[n - 1].B.hi, ARF_RND_UP), (long) r[n - 1].evals,
               (long) r[n - 1].prec);

    _unroll_bound_result_vec_clear(r, n);
    unroll_spectrum_clear(spec);
    unroll_scheme_clear(s);
    flint_cleanup_master();
    return status != 0;
}
