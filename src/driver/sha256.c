#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "impl.h"

/* SHA-256 as specified in FIPS 180-4, used to verify downloaded data. */

typedef struct
{
    uint32_t h[8];
    uint64_t len;
    unsigned char buf[64];
    size_t fill;
}
sha_t;

/* The first 32 bits of the fractional parts of the cube roots of the
   first 64 primes (FIPS 180-4, section 4.2.2). */
static const uint32_t K[64] =
{
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
    0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
    0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
    0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
    0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
    0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

static void
sha_block(sha_t * s, const unsigned char * p)
{
    uint32_t w[64], v[8], t1, t2;
    int i;

    for (i = 0; i < 16; i++)
        w[i] = ((uint32_t) p[4 * i] << 24) | ((uint32_t) p[4 * i + 1] << 16)
             | ((uint32_t) p[4 * i + 2] << 8) | (uint32_t) p[4 * i + 3];
    for (i = 16; i < 64; i++)
        w[i] = (ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10))
             + w[i - 7]
             + (ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3))
             + w[i - 16];
    memcpy(v, s->h, sizeof(v));
    for (i = 0; i < 64; i++)
    {
        t1 = v[7] + (ROTR(v[4], 6) ^ ROTR(v[4], 11) ^ ROTR(v[4], 25))
           + ((v[4] & v[5]) ^ (~v[4] & v[6])) + K[i] + w[i];
        t2 = (ROTR(v[0], 2) ^ ROTR(v[0], 13) ^ ROTR(v[0], 22))
           + ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof(uint32_t));
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (i = 0; i < 8; i++)
        s->h[i] += v[i];
}

static void
sha_init(sha_t * s)
{
    /* Fractional parts of the square roots of the first 8 primes. */
    static const uint32_t h0[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372,
        0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };

    memcpy(s->h, h0, sizeof(h0));
    s->len = 0;
    s->fill = 0;
}

static void
sha_update(sha_t * s, const unsigned char * p, size_t n)
{
    size_t take;

    s->len += n;
    while (n > 0)
    {
        take = FLINT_MIN(n, 64 - s->fill);
        memcpy(s->buf + s->fill, p, take);
        s->fill += take;
        p += take;
        n -= take;
        if (s->fill == 64)
        {
            sha_block(s, s->buf);
            s->fill = 0;
        }
    }
}

/* Padding: a 1 bit, zeros, then the message length in bits, big-endian,
   so that the total is a multiple of 512 bits. */
static void
sha_final(char * hex, sha_t * s)
{
    unsigned char pad[128] = { 0x80 };
    uint64_t bits = s->len * 8;
    size_t npad = (s->fill < 56) ? 56 - s->fill : 120 - s->fill;
    int i;

    for (i = 0; i < 8; i++)
        pad[npad + i] = (unsigned char) (bits >> (56 - 8 * i));
    sha_update(s, pad, npad + 8);
    for (i = 0; i < 32; i++)
        sprintf(hex + 2 * i, "%02x",
                (unsigned) ((s->h[i / 4] >> (24 - 8 * (i % 4))) & 0xff));
}

void
unroll_driver_sha256(char * hex, const void * buf, size_t len)
{
    sha_t s;

    sha_init(&s);
    sha_update(&s, buf, len);
    sha_final(hex, &s);
}

int
unroll_driver_sha256_file(char * hex, const char * path, char * msg)
{
    unsigned char buf[65536];
    sha_t s;
    size_t got;
    FILE * f = fopen(path, "rb");

    if (f == NULL)
    {
        unroll_arith_msg(msg, "%s: %s", path, strerror(errno));
        return UNROLL_IO;
    }
    sha_init(&s);
    while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
        sha_update(&s, buf, got);
    if (ferror(f))
    {
        fclose(f);
        unroll_arith_msg(msg, "%s: read error", path);
        return UNROLL_IO;
    }
    fclose(f);
    sha_final(hex, &s);
    return UNROLL_SUCCESS;
}
