/* Helpers shared by the libFuzzer targets: invariant checks that abort
   (libFuzzer records the input as a crash), and an in-memory file for the
   readers that take a path. */
#ifndef UNROLL_FUZZ_H
#define UNROLL_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "unroll.h"

/* A violated invariant: say which, then abort so that libFuzzer keeps the
   input. */
#define FUZZ_CHECK(cond) \
    do \
    { \
        if (!(cond)) \
        { \
            fprintf(stderr, "invariant violated: %s (%s:%d)\n", #cond, \
                    __FILE__, __LINE__); \
            abort(); \
        } \
    } \
    while (0)

/* A status must be one of the codes the contract lists. */
#define FUZZ_STATUS_IN(status, allowed) \
    FUZZ_CHECK((status) == UNROLL_SUCCESS \
               || ((status) & ~(allowed)) == 0)

/* An error message is one non-empty line that fits its buffer. */
static inline void
fuzz_check_msg(const char * msg)
{
    size_t n = strnlen(msg, UNROLL_MSG_LEN);

    FUZZ_CHECK(n > 0 && n < UNROLL_MSG_LEN);
    FUZZ_CHECK(strpbrk(msg, "\n\r") == NULL);
}

/* The input as a NUL-terminated string (cut at its first NUL byte, as a
   command-line argument would be).  Free with free(). */
static inline char *
fuzz_strndup(const uint8_t * data, size_t size)
{
    char * s = malloc(size + 1);

    FUZZ_CHECK(s != NULL);
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* A file that lives in memory, reached through /proc/self/fd: the readers
   under test open it by path like any other file. */
typedef struct
{
    int fd;
    char path[64];
}
fuzz_file_t;

static inline void
fuzz_file_init(fuzz_file_t * f, const char * name)
{
    f->fd = memfd_create(name, 0);
    FUZZ_CHECK(f->fd >= 0);
    snprintf(f->path, sizeof(f->path), "/proc/self/fd/%d", f->fd);
}

/* Replaces the content of the file with data. */
static inline void
fuzz_file_set(fuzz_file_t * f, const void * data, size_t size)
{
    const char * p = data;
    ssize_t got;

    FUZZ_CHECK(ftruncate(f->fd, 0) == 0);
    while (size > 0)
    {
        got = pwrite(f->fd, p, size, p - (const char *) data);
        FUZZ_CHECK(got > 0);
        p += got;
        size -= (size_t) got;
    }
}

/* The message of a reader starts with the path it was given. */
static inline void
fuzz_check_file_msg(const char * msg, const char * path)
{
    size_t n = strlen(path);

    fuzz_check_msg(msg);
    FUZZ_CHECK(strncmp(msg, path, n) == 0 && msg[n] == ':');
}

#endif
