#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
"Usage: unroll COMMAND [options]\n"
"Exact residual polynomials and iteration coefficients of first-order\n"
"methods, for the analysis of unrolled differentiation.\n"
"\n"
"Commands:\n"
"  bound     certified B_t and D_t beside the paper's closed forms\n"
"  coeffs    iteration coefficients of a method, exact and as doubles\n"
"  poly      a residual or error polynomial, exactly\n"
"  table     the certified bound tables (unroll-tables(5))\n"
"  run       a method on ridge or logistic regression, with its Jacobian\n"
"  data      fetch or check the breast-cancer dataset\n"
"  figure    one of the paper's figures, with the numbers it draws\n"
"  report    every figure, the certified tables and the theorem checks\n"
"\n"
"  -h, --help       show this help\n"
"  -V, --version    show the version\n"
"Run 'unroll COMMAND --help' for the options of a command.\n";

typedef struct
{
    const char * name;
    int (* run)(int argc, char ** argv);
}
command_t;

static const command_t commands[] =
{
    { "bound", cmd_bound },
    { "coeffs", cmd_coeffs },
    { "poly", cmd_poly },
    { "table", cmd_table },
    { "run", cmd_run },
    { "data", cmd_data },
    { "figure", cmd_figure },
    { "report", cmd_report },
};

int
main(int argc, char ** argv)
{
    size_t i;
    int code;

    cli_memory_init();
    if (argc < 2)
    {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
    {
        fputs(usage, stdout);
        return EXIT_OK;
    }
    if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0)
    {
        printf("unroll %s\n", UNROLL_VERSION);
        return EXIT_OK;
    }

    /* getopt's own messages are replaced by one line of ours. */
    opterr = 0;
    for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
    {
        if (strcmp(argv[1], commands[i].name) == 0)
        {
            code = commands[i].run(argc - 1, argv + 1);
            flint_cleanup_master();
            return code;
        }
    }

    fprintf(stderr, "unroll: error: unknown command '%.64s' (try 'unroll "
                    "--help')\n", argv[1]);
    return EXIT_USAGE;
}
