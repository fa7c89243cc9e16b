#include <sys/stat.h>

#include "common.h"
#include "run_cli.h"

/* Every example of the man pages runs and exits 0.  Examples are the
   lines "$ unroll ..." inside .EX/.EE blocks; "\-" is troff for "-", and
   single quotes group words as in the shell. */

#define MAXARGS 32

/* Splits line into argv in place (buf is modified). */
static int
split_words(const char ** argv, char * buf)
{
    char * r = buf, * w = buf;
    int n = 0, quoted = 0;

    while (*r == ' ')
        r++;
    while (*r && n < MAXARGS)
    {
        argv[n++] = w;
        for (; *r && (quoted || *r != ' '); r++)
        {
            if (*r == '\'')
                quoted = !quoted;
            else if (r[0] == '\\' && r[1] == '-')
                *w++ = *++r;
            else
                *w++ = *r;
        }
        /* w never passes r, so step r over the separator before the
           terminator may land on it. */
        if (*r == ' ')
            r++;
        *w++ = '\0';
        while (*r == ' ')
            r++;
    }
    argv[n] = NULL;
    return n;
}

static int
run_examples(const char * page, const char * dir)
{
    char line[512], copy[512];
    const char * argv[MAXARGS + 1];
    cli_result_t r;
    FILE * f = fopen(page, "r");
    int in_ex = 0, count = 0;

    cr_assert_not_null(f, "cannot open %s", page);
    while (fgets(line, sizeof(line), f) != NULL)
    {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, ".EX", 3) == 0)
            in_ex = 1;
        else if (strncmp(line, ".EE", 3) == 0)
            in_ex = 0;
        else if (in_ex && strncmp(line, "$ unroll ", 9) == 0)
        {
            strcpy(copy, line + 2);
            split_words(argv, copy);
            run_cli_in(&r, argv, dir);
            cr_expect_eq(r.code, 0, "%s: '%s' exited %d: %s", page, line,
                         r.code, r.err);
            cr_expect(r.out[0] != '\0' || strstr(line, " \\-o ") != NULL
                      || strstr(line, " \\-\\-out ") != NULL,
                      "'%s' printed nothing", line);
            cli_result_clear(&r);
            count++;
        }
    }
    fclose(f);
    return count;
}

Test(man, examples_run)
{
    const char * pages = getenv("UNROLL_MAN_PAGES");
    char dir[] = "/tmp/unroll-test-man-XXXXXX";
    char list[1024], cmd[1100];
    char * page, * save = NULL;
    int total = 0;

    cr_assert_not_null(pages, "UNROLL_MAN_PAGES is not set");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(list, sizeof(list), "%s", pages);
    for (page = strtok_r(list, ":", &save); page != NULL;
         page = strtok_r(NULL, ":", &save))
        total += run_examples(page, dir);
    cr_assert(total > 0, "no examples found in %s", pages);

    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}
