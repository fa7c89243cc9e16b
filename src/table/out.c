#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unroll/table.h"

/* The temporary files of the outputs now open.  SIGINT, SIGTERM and
   SIGHUP remove them before taking their default course, so that an
   interrupted command leaves neither a temporary file nor a changed
   target.  The handler reads this table only, with async-signal-safe
   calls (unlink, sigaction, raise); a slot is published once its name is
   complete and cleared before the name is freed.
   Limitation: beyond OUT_SLOTS outputs open at once, the further ones
   are not removed on a signal (the targets still stay intact). */
#define OUT_SLOTS 8

static char * volatile pending[OUT_SLOTS];
static const int caught[] = { SIGINT, SIGTERM, SIGHUP };

void
unroll_table_out_cleanup(void)
{
    int i;

    for (i = 0; i < OUT_SLOTS; i++)
        if (pending[i] != NULL)
            unlink(pending[i]);
}

static void
on_signal(int sig)
{
    struct sigaction dfl;

    unroll_table_out_cleanup();
    memset(&dfl, 0, sizeof(dfl));
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    /* Delivered with the default action once the handler returns. */
    raise(sig);
}

/* Installs the handler where the signal has its default action only: an
   ignored signal (nohup) or a caller's own handler is left alone. */
static void
install_handlers(void)
{
    static int done = 0;
    struct sigaction sa, old;
    size_t i;

    if (done)
        return;
    done = 1;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
        sigaddset(&sa.sa_mask, caught[i]);
    for (i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
        if (sigaction(caught[i], NULL, &old) == 0
            && old.sa_handler == SIG_DFL)
            sigaction(caught[i], &sa, NULL);
}

static void
block_signals(sigset_t * old)
{
    sigset_t set;
    size_t i;

    sigemptyset(&set);
    for (i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
        sigaddset(&set, caught[i]);
    sigprocmask(SIG_BLOCK, &set, old);
}

static void
set_pending(const char * old_name, char * new_name)
{
    int i;

    for (i = 0; i < OUT_SLOTS; i++)
    {
        if (pending[i] == old_name)
        {
            pending[i] = new_name;
            return;
        }
    }
}

int
unroll_table_out_open(unroll_table_out_t out, const char * path, char * msg)
{
    sigset_t mask;
    size_t n;
    mode_t um;
    int fd;

    out->f = NULL;
    out->path = NULL;
    out->tmp = NULL;
    if (path == NULL || strcmp(path, "-") == 0)
    {
        out->f = stdout;
        return UNROLL_SUCCESS;
    }

    /* The temporary file sits in the target's directory so that the final
       rename stays on one file system and is atomic. */
    n = strlen(path);
    /* flint_malloc: exhaustion takes the allocator's path (FLINT's abort,
       or the CLI's one-line exit). */
    out->path = flint_malloc(n + 1);
    out->tmp = flint_malloc(n + 16);
    memcpy(out->path, path, n + 1);
    snprintf(out->tmp, n + 16, "%s.tmp.XXXXXX", path);

    /* mkstemp creates the file private; give it the usual umask mode.
       Signals wait until the new name is in the table. */
    install_handlers();
    block_signals(&mask);
    fd = mkstemp(out->tmp);
    if (fd >= 0)
        set_pending(NULL, out->tmp);
    sigprocmask(SIG_SETMASK, &mask, NULL);
    um = umask(0);
    umask(um);
    if (fd >= 0 && fchmod(fd, 0666 & ~um) == 0)
        out->f = fdopen(fd, "w");
    if (out->f == NULL)
    {
        unroll_arith_msg(msg, "%s: %s", path, strerror(errno));
        if (fd >= 0)
        {
            close(fd);
            remove(out->tmp);
        }
        set_pending(out->tmp, NULL);
        flint_free(out->path);
        flint_free(out->tmp);
        out->path = out->tmp = NULL;
        return UNROLL_IO;
    }
    return UNROLL_SUCCESS;
}

int
unroll_table_out_commit(unroll_table_out_t out, char * msg)
{
    int bad;

    if (out->tmp == NULL)
    {
        bad = fflush(out->f) != 0 || ferror(out->f);
        if (bad)
            unroll_arith_msg(msg, "standard output: write error");
        return bad ? UNROLL_IO : UNROLL_SUCCESS;
    }

    bad = fflush(out->f) != 0 || ferror(out->f);
    bad |= fclose(out->f) != 0;
    out->f = NULL;
    if (!bad && rename(out->tmp, out->path) != 0)
        bad = 1;
    if (bad)
    {
        unroll_arith_msg(msg, "%s: %s", out->path, strerror(errno));
        remove(out->tmp);
    }
    set_pending(out->tmp, NULL);

    flint_free(out->path);
    flint_free(out->tmp);
    out->path = out->tmp = NULL;
    return bad ? UNROLL_IO : UNROLL_SUCCESS;
}

void
unroll_table_out_abort(unroll_table_out_t out)
{
    if (out->tmp != NULL)
    {
        if (out->f != NULL)
            fclose(out->f);
        remove(out->tmp);
        set_pending(out->tmp, NULL);
    }
    flint_free(out->path);
    flint_free(out->tmp);
    out->f = NULL;
    out->path = out->tmp = NULL;
}
