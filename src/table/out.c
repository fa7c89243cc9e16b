#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unroll/table.h"

int
unroll_table_out_open(unroll_table_out_t out, const char * path, char * msg)
{
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
    out->path = malloc(n + 1);
    out->tmp = malloc(n + 16);
    if (out->path == NULL || out->tmp == NULL)
        flint_abort();
    memcpy(out->path, path, n + 1);
    snprintf(out->tmp, n + 16, "%s.tmp.XXXXXX", path);

    /* mkstemp creates the file private; give it the usual umask mode. */
    fd = mkstemp(out->tmp);
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
        free(out->path);
        free(out->tmp);
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

    free(out->path);
    free(out->tmp);
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
    }
    free(out->path);
    free(out->tmp);
    out->f = NULL;
    out->path = out->tmp = NULL;
}
