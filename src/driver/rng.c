#include <math.h>

#include "impl.h"

/* The generator behind the synthetic dataset.  Everything here is IEEE
   arithmetic on doubles and 64-bit integer arithmetic in a fixed order,
   so the same seed gives the same bits on every platform. */

void
unroll_driver_rng_init(unroll_driver_rng_t r, uint64_t seed)
{
    r->state = seed;
    r->spare = 0.0;
    r->has_spare = 0;
}

/* splitmix64: a Weyl sequence with step 0x9e3779b97f4a7c15 (the odd
   integer nearest 2^64 / golden ratio) through a bijective mixer. */
uint64_t
unroll_driver_rng_next(unroll_driver_rng_t r)
{
    uint64_t z;

    r->state += UINT64_C(0x9e3779b97f4a7c15);
    z = r->state;
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

/* The top 53 bits plus one half: a double in (0, 1), never 0, so that
   the logarithm below is always defined. */
double
unroll_driver_rng_uniform(unroll_driver_rng_t r)
{
    uint64_t u = unroll_driver_rng_next(r) >> 11;

    return ((double) u + 0.5) * 0x1.0p-53;
}

/* log x = e log 2 + log m with x = m 2^e, m in [sqrt(1/2), sqrt(2)), and
   log m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...) with s = (m-1)/(m+1),
   |s| < 0.1716.  Twelve terms leave a truncation error below s^25 / 25
   < 1e-20 relative.  log 2 is split into a head with few bits and a tail
   so that e * head is exact. */
double
unroll_driver_rng_log(double x)
{
    const double ln2_hi = 0x1.62e42fee00000p-1;
    const double ln2_lo = 0x1.a39ef35793c76p-33;
    double m, s, s2, sum, term;
    int e, k;

    m = frexp(x, &e);
    if (m < 0.70710678118654752)
    {
        m *= 2.0;
        e -= 1;
    }
    s = (m - 1.0) / (m + 1.0);
    s2 = s * s;
    sum = 0.0;
    for (k = 23; k >= 1; k -= 2)
    {
        term = 1.0 / (double) k;
        sum = sum * s2 + term;
    }
    return ((double) e * ln2_lo + 2.0 * s * sum) + (double) e * ln2_hi;
}

/* Marsaglia's polar method: (u, v) uniform in the unit disc, then
   u sqrt(-2 log q / q) and v sqrt(-2 log q / q) are independent standard
   Gaussians (q = u^2 + v^2).  sqrt is correctly rounded by IEEE 754. */
double
unroll_driver_rng_normal(unroll_driver_rng_t r)
{
    double u, v, q, f;

    if (r->has_spare)
    {
        r->has_spare = 0;
        return r->spare;
    }
    do
    {
        u = 2.0 * unroll_driver_rng_uniform(r) - 1.0;
        v = 2.0 * unroll_driver_rng_uniform(r) - 1.0;
        q = u * u + v * v;
    }
    while (q >= 1.0 || q == 0.0);
    f = sqrt(-2.0 * unroll_driver_rng_log(q) / q);
    r->spare = v * f;
    r->has_spare = 1;
    return u * f;
}
