/*
    Benchmark of the minimax module on the paper's spectrum [1/2, 10]:
    the time to certify the optimal value B*_t for t = 1..100, then the
    comparison data (certified B_t of gd, chebyshev, sobolev and minimax,
    Proposition 1 and the certified optimum) as CSV on stdout, and the
    number of steps each needs to bring B_t below 1e-6.

    Usage: minimax_bench [T] (default 100).
*/
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "unroll.h"

static double
seconds(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int
time_values(const unroll_spectrum_t spec, slong T)
{
    fmpq_t rho;
    arf_t lo, hi;
    char msg[UNROLL_MSG_LEN];
    double t0 = seconds();
    clock_t c0 = clock();
    slong t;
    int status = UNROLL_SUCCESS;

    fmpq_init(rho);
    arf_init(lo);
    arf_init(hi);
    for (t = 1; t <= T && status == UNROLL_SUCCESS; t++)
        status = unroll_minimax_value(lo, hi, spec, t, rho,
                                      UNROLL_MINIMAX_REL_BITS, msg);
    if (status != UNROLL_SUCCESS)
        fprintf(stderr, "minimax_bench: %s\n", msg);
    else
        fprintf(stderr, "certified B*_t for t = 1..%ld: %.2f s wall, "
                "%.2f s CPU\n", (long) T, seconds() - t0,
                (double) (clock() - c0) / CLOCKS_PER_SEC);
    arf_clear(hi);
    arf_clear(lo);
    fmpq_clear(rho);
    return status;
}

static void
print_table(arb_srcptr val, const slong * iters, slong T)
{
    arf_t lo;
    slong t;
    int j;

    arf_init(lo);
    printf("t");
    for (j = 0; j < UNROLL_MINIMAX_NCMP; j++)
        printf(",%s", unroll_minimax_cmp_name(j));
    printf(",true_lower_bound_lo\n");
    for (t = 1; t <= T; t++)
    {
        printf("%ld", (long) t);
        for (j = 0; j < UNROLL_MINIMAX_NCMP; j++)
            printf(",%.10e", arf_get_d(arb_midref(val + j * T + t - 1),
                                       ARF_RND_NEAR));
        arb_get_lbound_arf(lo, val + UNROLL_MINIMAX_CMP_LOWER * T + t - 1,
                           64);
        printf(",%.10e\n", arf_get_d(lo, ARF_RND_DOWN));
    }
    arf_clear(lo);
    for (j = 0; j < UNROLL_MINIMAX_NCMP; j++)
        fprintf(stderr, "steps to B_t < 1e-6: %-17s %ld\n",
                unroll_minimax_cmp_name(j), (long) iters[j]);
}

int
main(int argc, char ** argv)
{
    unroll_spectrum_t spec;
    fmpq_t l, L;
    arb_ptr val;
    slong T = argc > 1 ? atol(argv[1]) : 100, iters[UNROLL_MINIMAX_NCMP];
    char msg[UNROLL_MSG_LEN];
    double t0;
    int status;

    unroll_spectrum_init(spec);
    fmpq_init(l);
    fmpq_init(L);
    fmpq_set_si(l, 1, 2);
    fmpq_set_si(L, 10, 1);
    if (T < 1 || unroll_spectrum_set(spec, l, L, msg) != UNROLL_SUCCESS)
        return 2;

    status = time_values(spec, T);
    val = _arb_vec_init(UNROLL_MINIMAX_NCMP * T);
    t0 = seconds();
    if (status == UNROLL_SUCCESS)
        status = unroll_minimax_compare(val, iters, spec, T, 400, 1e-6,
                                        msg);
    if (status == UNROLL_SUCCESS)
    {
        fprintf(stderr, "comparison data: %.2f s\n", seconds() - t0);
        print_table(val, iters, T);
    }
    else
        fprintf(stderr, "minimax_bench: %s\n", msg);

    _arb_vec_clear(val, UNROLL_MINIMAX_NCMP * T);
    fmpq_clear(L);
    fmpq_clear(l);
    unroll_spectrum_clear(spec);
    return status == UNROLL_SUCCESS ? 0 : 1;
}
