#include <stdlib.h>
#include <unistd.h>

#include <gmp.h>
#include <jansson.h>

#include "cli.h"

/* Exhausted memory ends the command with one line and exit status 3
   instead of FLINT's or GMP's abort.  The temporary files of open
   outputs are removed, so the targets stay as they were.  _exit skips
   the libraries' exit handlers: OpenBLAS's joins worker threads that may
   themselves be stuck retrying an allocation. */
static void
out_of_memory(void)
{
    static const char line[] = "unroll: error: out of memory\n";
    ssize_t ignored;

    /* write(2) allocates nothing, unlike a first fprintf might. */
    ignored = write(2, line, sizeof(line) - 1);
    (void) ignored;
    unroll_table_out_cleanup();
    _exit(EXIT_IO);
}

static void *
checked_malloc(size_t n)
{
    void * p = malloc(n == 0 ? 1 : n);

    if (p == NULL)
        out_of_memory();
    return p;
}

static void *
checked_calloc(size_t n, size_t size)
{
    void * p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size);

    if (p == NULL)
        out_of_memory();
    return p;
}

static void *
checked_realloc(void * p, size_t n)
{
    p = realloc(p, n == 0 ? 1 : n);
    if (p == NULL)
        out_of_memory();
    return p;
}

static void *
gmp_realloc(void * p, size_t old, size_t n)
{
    (void) old;
    return checked_realloc(p, n);
}

static void
gmp_free(void * p, size_t n)
{
    (void) n;
    free(p);
}

/* FLINT 2.9 and FLINT 3 both name the setter __flint_set_memory_functions
   (flint.h); GMP's integers, which fmpz uses beyond one limb, and MPFR
   allocate through GMP's functions, and JSON documents through
   jansson's, set alongside (json_dumps then fails only on bad input). */
void
cli_memory_init(void)
{
    __flint_set_memory_functions(checked_malloc, checked_calloc,
                                 checked_realloc, free);
    mp_set_memory_functions(checked_malloc, gmp_realloc, gmp_free);
    json_set_alloc_funcs(checked_malloc, free);
}
