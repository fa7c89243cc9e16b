/* Running the unroll executable from a test: its path comes from the
   UNROLL_BIN environment variable set by meson, and its standard output
   and standard error are captured into memory. */
#ifndef UNROLL_TEST_RUN_CLI_H
#define UNROLL_TEST_RUN_CLI_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <criterion/criterion.h>

typedef struct
{
    int code;       /* exit status, or -1 if killed by a signal */
    char * out;     /* captured stdout, NUL-terminated */
    char * err;     /* captured stderr */
}
cli_result_t;

static inline char *
slurp_fd(int fd)
{
    size_t n = 0, cap = 4096;
    ssize_t got;
    char * buf = malloc(cap);

    cr_assert_not_null(buf);
    while ((got = read(fd, buf + n, cap - n - 1)) > 0)
    {
        n += (size_t) got;
        if (n + 1 == cap)
        {
            buf = realloc(buf, cap *= 2);
            cr_assert_not_null(buf);
        }
    }
    buf[n] = '\0';
    return buf;
}

/* Runs UNROLL_BIN with argv (NULL-terminated, argv[0] ignored) in the
   directory dir (NULL: the current one).  stdout
   and stderr go to temporary files, read back after the child exits,
   which avoids pipe deadlocks on large outputs. */
static inline void
run_cli_in(cli_result_t * r, const char * const * argv, const char * dir)
{
    const char * bin = getenv("UNROLL_BIN");
    char out_name[] = "/tmp/unroll-test-out-XXXXXX";
    char err_name[] = "/tmp/unroll-test-err-XXXXXX";
    int fo, fe, status;
    pid_t pid;

    cr_assert_not_null(bin, "UNROLL_BIN is not set");
    fo = mkstemp(out_name);
    fe = mkstemp(err_name);
    cr_assert(fo >= 0 && fe >= 0);

    pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0)
    {
        dup2(fo, 1);
        dup2(fe, 2);
        if (dir != NULL && chdir(dir) != 0)
            _exit(126);
        execv(bin, (char * const *) argv);
        _exit(127);
    }
    waitpid(pid, &status, 0);
    r->code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;

    lseek(fo, 0, SEEK_SET);
    lseek(fe, 0, SEEK_SET);
    r->out = slurp_fd(fo);
    r->err = slurp_fd(fe);
    close(fo);
    close(fe);
    unlink(out_name);
    unlink(err_name);
}

static inline void
run_cli(cli_result_t * r, const char * const * argv)
{
    run_cli_in(r, argv, NULL);
}

static inline void
cli_result_clear(cli_result_t * r)
{
    free(r->out);
    free(r->err);
}

/* Number of newline-terminated lines in s. */
static inline int
count_lines(const char * s)
{
    int n = 0;

    for (; *s; s++)
        n += (*s == '\n');
    return n;
}

#endif
