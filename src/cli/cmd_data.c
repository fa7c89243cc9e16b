#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

static const char usage[] =
"Usage: unroll data fetch [--dir DIR] [--from FILE.deb]\n"
"       unroll data check [--dir DIR]\n"
"fetch puts the breast-cancer dataset (UCI Wisconsin Diagnostic, 569 x\n"
"30) into DIR/breast_cancer.csv: it downloads Debian's python3-sklearn\n"
"package with 'apt-get download' (nothing is installed), extracts that\n"
"one file with dpkg-deb and tar, and verifies its SHA-256.  check\n"
"verifies an existing copy.\n"
"\n"
"      --dir DIR        data directory (default $UNROLL_DATA_DIR, else\n"
"                       ./data)\n"
"      --from FILE.deb  use this python3-sklearn package file instead of\n"
"                       downloading one\n"
"  -h, --help           show this help\n";

/* The member of python3-sklearn (Debian 12) that holds the dataset. */
static const char member[] =
    "./usr/lib/python3/dist-packages/sklearn/datasets/data/breast_cancer.csv";

enum
{
    OPT_DIR = OPT_FIRST_FREE,
    OPT_FROM
};

static const struct option options[] =
{
    { "dir", required_argument, NULL, OPT_DIR },
    { "from", required_argument, NULL, OPT_FROM },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
};

/* Runs argv[0] from PATH in directory dir with stdin from /dev/null,
   stdout into out_path (or /dev/null) and stderr to /dev/null: a failure
   is reported as one line of ours.  Returns the exit status, or -1 if
   the program could not be started. */
static int
spawn(char * const * argv, const char * dir, const char * out_path)
{
    pid_t pid;
    int status;

    pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0)
    {
        int in = open("/dev/null", O_RDONLY);
        int out = open(out_path != NULL ? out_path : "/dev/null",
                       O_WRONLY | O_CREAT | O_TRUNC, 0600);
        int err = open("/dev/null", O_WRONLY);

        if (in < 0 || out < 0 || err < 0 || dup2(in, 0) < 0
            || dup2(out, 1) < 0 || dup2(err, 2) < 0
            || (dir != NULL && chdir(dir) != 0))
            _exit(127);
        execvp(argv[0], argv);
        _exit(127);
    }
    if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

/* The path of the first *.deb in dir (malloc'd), or NULL. */
static char *
find_deb(const char * dir)
{
    DIR * d = opendir(dir);
    struct dirent * e;
    char * res = NULL;
    size_t n;

    if (d == NULL)
        return NULL;
    while (res == NULL && (e = readdir(d)) != NULL)
    {
        n = strlen(e->d_name);
        if (n > 4 && strcmp(e->d_name + n - 4, ".deb") == 0)
        {
            res = malloc(strlen(dir) + n + 2);
            if (res != NULL)
                sprintf(res, "%s/%s", dir, e->d_name);
        }
    }
    closedir(d);
    return res;
}

/* Removes what the extraction left in tmp: the file, then its parent
   directories up to tmp itself. */
static void
cleanup(const char * tmp, const char * deb_owned)
{
    char path[4096];
    char * slash;

    snprintf(path, sizeof(path), "%s/%s", tmp, member + 2);
    remove(path);
    while ((slash = strrchr(path, '/')) != NULL
           && (size_t) (slash - path) > strlen(tmp))
    {
        *slash = '\0';
        rmdir(path);
    }
    snprintf(path, sizeof(path), "%s/data.tar", tmp);
    remove(path);
    if (deb_owned != NULL)
        remove(deb_owned);
    rmdir(tmp);
}

/* Extracts the member from deb into tmp; returns an exit code. */
static int
extract(const char * deb, const char * tmp)
{
    char tar_path[4096];
    char * dpkg[] = { "dpkg-deb", "--fsys-tarfile", (char *) deb, NULL };
    char * tar[] = { "tar", "-x", "-f", tar_path, "-C", (char *) tmp,
                     (char *) member, NULL };

    snprintf(tar_path, sizeof(tar_path), "%s/data.tar", tmp);
    if (spawn(dpkg, NULL, tar_path) != 0)
        return cli_error(EXIT_IO, "data", "dpkg-deb --fsys-tarfile failed "
                         "(is dpkg installed and the package file valid?)");
    if (spawn(tar, NULL, NULL) != 0)
        return cli_error(EXIT_IO, "data", "tar could not extract "
                         "sklearn/datasets/data/breast_cancer.csv");
    return EXIT_OK;
}

/* Verifies src and copies it atomically to dst. */
static int
install_file(const char * src, const char * dst)
{
    char hex[65], why[UNROLL_MSG_LEN], buf[65536];
    unroll_table_out_t out;
    FILE * f;
    size_t got;
    int code = EXIT_OK;

    if (unroll_driver_sha256_file(hex, src, why) != UNROLL_SUCCESS)
        return cli_error(EXIT_IO, "data", why);
    if (strcmp(hex, UNROLL_DRIVER_BREAST_CANCER_SHA256) != 0)
    {
        snprintf(why, sizeof(why), "%.160s: checksum mismatch (sha256 "
                 "%.12s..., expected %.12s...)", src, hex,
                 UNROLL_DRIVER_BREAST_CANCER_SHA256);
        return cli_error(EXIT_USAGE, "data", why);
    }
    if (unroll_table_out_open(out, dst, why) != UNROLL_SUCCESS)
        return cli_error(EXIT_IO, "data", why);
    f = fopen(src, "rb");
    while (f != NULL && (got = fread(buf, 1, sizeof(buf), f)) > 0)
        if (fwrite(buf, 1, got, out->f) != got)
            break;
    if (f == NULL || ferror(f) || ferror(out->f))
    {
        unroll_table_out_abort(out);
        code = cli_error(EXIT_IO, "data", "copy failed");
    }
    else if (unroll_table_out_commit(out, why) != UNROLL_SUCCESS)
        code = cli_error(EXIT_IO, "data", why);
    if (f != NULL)
        fclose(f);
    return code;
}

static int
fetch(const char * dir, const char * from)
{
    char tmp[] = "/tmp/unroll-fetch-XXXXXX";
    char src[4096], dst[4096], why[UNROLL_MSG_LEN];
    char * apt[] = { "apt-get", "download", "-q", "python3-sklearn", NULL };
    char * deb = NULL;
    int code = EXIT_OK;
    FILE * f;

    /* Nothing is created before the inputs are known to be readable. */
    if (from != NULL && (f = fopen(from, "rb")) == NULL)
    {
        snprintf(why, sizeof(why), "%.200s: %s", from, strerror(errno));
        return cli_error(EXIT_IO, "data", why);
    }
    if (from != NULL)
        fclose(f);
    if (mkdtemp(tmp) == NULL)
        return cli_error(EXIT_IO, "data", strerror(errno));
    if (from == NULL)
    {
        if (spawn(apt, tmp, NULL) != 0 || (deb = find_deb(tmp)) == NULL)
            code = cli_error(EXIT_IO, "data", "apt-get download "
                             "python3-sklearn failed (needs Debian's package"
                             " lists: apt-get update)");
    }
    if (code == EXIT_OK)
        code = extract(from != NULL ? from : deb, tmp);
    snprintf(src, sizeof(src), "%s/%s", tmp, member + 2);
    snprintf(dst, sizeof(dst), "%s/%s", dir,
             UNROLL_DRIVER_BREAST_CANCER_FILE);
    if (code == EXIT_OK && mkdir(dir, 0755) != 0 && errno != EEXIST)
    {
        snprintf(why, sizeof(why), "%.200s: %s", dir, strerror(errno));
        code = cli_error(EXIT_IO, "data", why);
    }
    if (code == EXIT_OK)
        code = install_file(src, dst);
    cleanup(tmp, deb);
    free(deb);
    if (code == EXIT_OK)
        printf("%s\n", dst);
    return code;
}

static int
check(const char * dir)
{
    unroll_driver_data_t data;
    char path[4096], why[UNROLL_MSG_LEN];
    int status;

    snprintf(path, sizeof(path), "%s/%s", dir,
             UNROLL_DRIVER_BREAST_CANCER_FILE);
    unroll_driver_data_init(data);
    status = unroll_driver_data_read_breast_cancer(data, path, why);
    if (status == UNROLL_SUCCESS)
        printf("%s: %ld x %ld, sha256 ok\n", path, (long) data->n,
               (long) data->d);
    unroll_driver_data_clear(data);
    if (status == UNROLL_IO)
        return cli_error(EXIT_IO, "data", why);
    if (status != UNROLL_SUCCESS)
        return cli_error(EXIT_USAGE, "data", why);
    return EXIT_OK;
}

int
cmd_data(int argc, char ** argv)
{
    const char * dir = getenv("UNROLL_DATA_DIR"), * from = NULL, * action;
    int opt;

    if (dir == NULL || dir[0] == '\0')
        dir = "data";
    while ((opt = getopt_long(argc, argv, "h", options, NULL)) != -1)
    {
        if (opt == 'h')
        {
            fputs(usage, stdout);
            return EXIT_OK;
        }
        if (opt == OPT_DIR)
            dir = optarg;
        else if (opt == OPT_FROM)
            from = optarg;
        else
            return cli_bad_option("data", argv[optind - 1]);
    }
    if (optind + 1 != argc)
        return cli_usage_error("data", "expected one action: fetch or check");
    action = argv[optind];
    if (strcmp(action, "fetch") == 0)
        return fetch(dir, from);
    if (strcmp(action, "check") == 0)
        return check(dir);
    return cli_usage_error("data", "unknown action (fetch or check)");
}
