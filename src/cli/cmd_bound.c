#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <mpfr.h>

#include "cli.h"

/* Limitation: the certified bound costs about 2 t^2 floating-point steps
   (a second or two at t = 10000, more for sobolev); degrees are capped
   with the exact families. */
#define BOUND_T_MAX UNROLL_T_MAX_EXACT

enum
{
    OPT_REL = OPT_FIRST_FREE,
    OPT_JAC,
    OPT_SUMMARY,
    OPT_TOL,
    OPT_STAGE,
    OPT_LOWER
};

static const char usage[] =
"Usage: unroll bound -m METHOD [method options] (-T N | -t T)\n"
"                    [--rel-width W] [--stage y|z|x]\n"
"                    [--jacobian-bound R,G] [--summary [--tol TOL]]\n"
"                    [--format csv|json] [-o FILE]\n"
"Certifies B_t = max |P_t - lambda P_t'| and D_t = max |P_t'| over\n"
"[l, L] and prints them beside the paper's closed forms: one row per t\n"
"with columns t,B_lo,B_hi,B_at,D_lo,D_hi,D_at,paper_bound,lower_bound,\n"
"holds.  Lower ends are rounded down and upper ends up.\n"
"\n"
"  -T N                 every t = 1..N (N <= 10000)\n"
"  -t T                 the single degree T (T <= 10000)\n"
"      --rel-width W    relative width of each enclosure,\n"
"                       2^-1000 <= W < 1,\n"
"                       a number or 2^-K (default 2^-50)\n"
"      --stage S        residual of stage y, z (Sobolev S_t) or x\n"
"                       (default, the method's output)\n"
"      --jacobian-bound R,G\n"
"                       add the column jacobian_bound = B_t R + D_t G\n"
"      --summary        print the burn-in instead of the rows: the peak t\n"
"                       and value of B_t and the first t with B_t < TOL\n"
"      --tol TOL        tolerance of --summary (default 1e-6)\n"
"      --lower-bound    add the column true_lower_bound: the certified\n"
"                       lower end of the best B_t of any first-order\n"
"                       method (the minimax optimum, t <= 500)\n"
"      --format F       csv (default) or json\n"
"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
"  -h, --help           show this help\n"
"The spectrum (--ell, --L) is required for every method.\n";

static const struct option options[] =
{
    CLI_METHOD_OPTIONS,
    { "rel-width", required_argument, NULL, OPT_REL },
    { "stage", required_argument, NULL, OPT_STAGE },
    { "jacobian-bound", required_argument, NULL, OPT_JAC },
    { "summary", no_argument, NULL, OPT_SUMMARY },
    { "tol", required_argument, NULL, OPT_TOL },
    { "lower-bound", no_argument, NULL, OPT_LOWER },
    { "format", required_argument, NULL, OPT_FORMAT },
    { "output", required_argument, NULL, 'o' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
};

typedef struct
{
    long N;
    long t;
    slong rel_bits;
    int stage;
    int format;
    int summary;
    int jac;
    fmpq_t R;
    fmpq_t G;
    fmpq_t tol;
    const char * output;
    int lower;
    arb_ptr tlb;        /* --lower-bound: B*_t lower ends (midpoints) */
}
bound_args_t;

/* Prints x with 17 significant digits rounded in direction rnd (MPFR's
   down, up or nearest), so that a printed lower end stays below and an
   upper end above the certified one. */
static void
put_arf(FILE * f, const arf_t x, mpfr_rnd_t rnd)
{
    unroll_arith_fprint_arf(f, x, rnd == MPFR_RNDD ? -1
                                  : rnd == MPFR_RNDU ? 1 : 0);
}

/* Upper or lower end of a ball, printed outward. */
static void
put_end(FILE * f, const arb_t x, int upper)
{
    arf_t a;

    arf_init(a);
    if (upper)
        arb_get_ubound_arf(a, x, 64);
    else
        arb_get_lbound_arf(a, x, 64);
    put_arf(f, a, upper ? MPFR_RNDU : MPFR_RNDD);
    arf_clear(a);
}

/* The paper's numbers for one row: the closed-form value of B_t where a
   theorem gives one (gd: Theorem 2, chebyshev: Theorem 3; they are
   exact, so the certified interval must meet them), Proposition 1's
   lower bound, and whether the certified B_t and D_t respect them.
   For gd with h < sqrt(2) / L, Corollary 2 (B_t decreases strictly for
   t >= 1) is checked against the previous row, when there is one. */
typedef struct
{
    int has_paper;
    arb_t paper;
    arb_t lower;
    int holds;
}
checks_t;

static void
checks(checks_t * c, const unroll_method_t meth,
       const unroll_bound_result_t r,
       const unroll_bound_result_struct * prev, int stage)
{
    arb_t d, b;

    arb_init(d);
    arb_init(b);

    c->has_paper = stage == UNROLL_STAGE_X
        && (meth->family == UNROLL_FAMILY_GD
            || meth->family == UNROLL_FAMILY_CHEBYSHEV);
    if (meth->family == UNROLL_FAMILY_GD)
        unroll_bound_gd(c->paper, d, &meth->spec, &meth->h, r->t, 128);
    else if (c->has_paper)
        unroll_bound_chebyshev(c->paper, d, &meth->spec, r->t, 128);
    unroll_bound_lower(c->lower, &meth->spec, r->t, 128);

    /* A check fails only when the certified interval proves it.  The
       theorems bound D_t as well; that check has no column of its own. */
    arb_set_interval_arf(b, &r->B.lo, &r->B.hi, 128);
    c->holds = !arb_lt(b, c->lower);
    if (c->has_paper)
        c->holds = c->holds && !arb_gt(b, c->paper);
    arb_set_interval_arf(b, &r->D.lo, &r->D.hi, 128);
    if (c->has_paper)
        c->holds = c->holds && !arb_gt(b, d);
    if (meth->family == UNROLL_FAMILY_GD && stage == UNROLL_STAGE_X
        && prev != NULL && prev->t >= 1 && prev->t == r->t - 1
        && unroll_bound_gd_monotone(&meth->spec, &meth->h))
        c->holds = c->holds && arf_cmp(&r->B.lo, &prev->B.hi) < 0;

    arb_clear(b);
    arb_clear(d);
}

static int
all_hold(const unroll_method_t meth, const unroll_bound_result_struct * res,
         slong n, int stage)
{
    checks_t c;
    slong i;
    int holds = 1;

    arb_init(c.paper);
    arb_init(c.lower);
    for (i = 0; i < n; i++)
    {
        checks(&c, meth, res + i, i > 0 ? res + i - 1 : NULL, stage);
        holds = holds && c.holds;
    }
    arb_clear(c.lower);
    arb_clear(c.paper);
    return holds;
}

/* jacobian_bound = B_hi R + D_hi G, rounded up. */
static void
put_jacobian(FILE * f, const unroll_bound_result_t r, const bound_args_t * a)
{
    arb_t x, y;

    arb_init(x);
    arb_init(y);
    arb_set_arf(x, &r->B.hi);
    arb_mul_fmpz(x, x, fmpq_numref(a->R), 128);
    arb_div_fmpz(x, x, fmpq_denref(a->R), 128);
    arb_set_arf(y, &r->D.hi);
    arb_mul_fmpz(y, y, fmpq_numref(a->G), 128);
    arb_div_fmpz(y, y, fmpq_denref(a->G), 128);
    arb_add(x, x, y, 128);
    put_end(f, x, 1);
    arb_clear(y);
    arb_clear(x);
}

static const char * col_names[] =
{
    "t", "B_lo", "B_hi", "B_at", "D_lo", "D_hi", "D_at", "paper_bound",
    "lower_bound", "holds", "jacobian_bound"
};

/* One row; JSON rows are objects whose numbers are the same decimal
   text as the CSV (JSON numbers have no precision limit). */
static void
put_row(FILE * f, const unroll_method_t meth, const unroll_bound_result_t r,
        const unroll_bound_result_struct * prev, const bound_args_t * a,
        int * holds)
{
    int json = a->format == UNROLL_FORMAT_JSON, ncol = a->jac ? 11 : 10, k;
    const char * sep = json ? ", " : ",";
    const arf_struct * tlb;
    checks_t c;

    arb_init(c.paper);
    arb_init(c.lower);
    checks(&c, meth, r, prev, a->stage);
    *holds = *holds && c.holds;

    for (k = 0; k < ncol; k++)
    {
        fputs(k == 0 ? (json ? "  {" : "") : sep, f);
        if (json)
            fprintf(f, "\"%s\": ", col_names[k]);
        switch (k)
        {
        case 0: fprintf(f, "%ld", (long) r->t); break;
        case 1: put_arf(f, &r->B.lo, MPFR_RNDD); break;
        case 2: put_arf(f, &r->B.hi, MPFR_RNDU); break;
        case 3: put_arf(f, &r->B.at, MPFR_RNDN); break;
        case 4: put_arf(f, &r->D.lo, MPFR_RNDD); break;
        case 5: put_arf(f, &r->D.hi, MPFR_RNDU); break;
        case 6: put_arf(f, &r->D.at, MPFR_RNDN); break;
        case 7:
            if (c.has_paper)
                put_end(f, c.paper, 1);
            else if (json)
                fputs("null", f);
            break;
        case 8: put_end(f, c.lower, 0); break;
        case 9: fputs(c.holds ? "1" : "0", f); break;
        default: put_jacobian(f, r, a);
        }
    }
    if (a->tlb != NULL)
    {
        tlb = arb_midref(a->tlb + r->t - (a->t >= 0 ? a->t : 1));
        fprintf(f, "%s%s", sep, json ? "\"true_lower_bound\": " : "");
        put_arf(f, tlb, MPFR_RNDD);
        *holds = *holds && arf_cmp(&r->B.hi, tlb) >= 0;
    }
    fputs(json ? "}" : "\n", f);

    arb_clear(c.lower);
    arb_clear(c.paper);
}

static void
put_rows(FILE * f, const unroll_method_t meth,
         const unroll_bound_result_struct * res, slong n,
         const bound_args_t * a, int * holds)
{
    slong i;
    int k;
    json_t * obj;
    char * str;

    if (a->format == UNROLL_FORMAT_JSON)
    {
        obj = json_object();
        unroll_table_method_json(obj, meth);
        json_object_set_new(obj, "rel_width_bits", json_integer(a->rel_bits));
        str = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
        /* The metadata object is reopened to append the rows. */
        fprintf(f, "%.*s, \"rows\": [\n", (int) strlen(str) - 1, str);
        free(str);
        json_decref(obj);
    }
    else
    {
        for (k = 0; k < (a->jac ? 11 : 10); k++)
            fprintf(f, "%s%s", k ? "," : "", col_names[k]);
        fputs(a->tlb != NULL ? ",true_lower_bound\n" : "\n", f);
    }
    for (i = 0; i < n; i++)
    {
        put_row(f, meth, res + i, i > 0 ? res + i - 1 : NULL, a, holds);
        if (a->format == UNROLL_FORMAT_JSON)
            fputs(i + 1 < n ? ",\n" : "\n", f);
    }
    if (a->format == UNROLL_FORMAT_JSON)
        fputs("]}\n", f);
}

/* The burn-in: the t with the largest certified lower end of B_t (and
   whether its interval lies above every other, which certifies it as
   the peak), and the first t whose B_t is certified below tol. */
static void
put_summary(FILE * f, const unroll_bound_result_struct * res, slong n,
            const bound_args_t * a)
{
    slong i, peak = 0, below = -1;
    int certain = 1;
    arb_t tol;

    arb_init(tol);
    arb_set_fmpq(tol, a->tol, 128);

    for (i = 1; i < n; i++)
        if (arf_cmp(&res[i].B.lo, &res[peak].B.lo) > 0)
            peak = i;
    for (i = 0; i < n; i++)
    {
        if (i != peak && arf_cmp(&res[i].B.hi, &res[peak].B.lo) >= 0)
            certain = 0;
    }
    for (i = 0; i < n && below < 0; i++)
    {
        arb_t b;

        arb_init(b);
        arb_set_arf(b, &res[i].B.hi);
        if (arb_lt(b, tol))
            below = i;
        arb_clear(b);
    }

    fputs("peak_t,peak_B_lo,peak_B_hi,peak_certified,tol,first_below_t\n",
          f);
    fprintf(f, "%ld,", (long) res[peak].t);
    put_arf(f, &res[peak].B.lo, MPFR_RNDD);
    fputc(',', f);
    put_arf(f, &res[peak].B.hi, MPFR_RNDU);
    fprintf(f, ",%d,", certain);
    put_end(f, tol, 0);
    if (below >= 0)
        fprintf(f, ",%ld", (long) res[below].t);
    fputc('\n', f);

    arb_clear(tol);
}

/* One certification of the rows from the scheme built at prec bits:
   all t = lo..hi through the range version, or the single t.  Sets
   *unable, printing nothing, when a ball scheme proved too wide (why
   then holds the engine's reason). */
static int
compute_at(unroll_bound_result_struct * res, int * unable, char * why,
           const unroll_method_t meth, const bound_args_t * a, slong lo,
           slong hi, slong prec)
{
    unroll_scheme_t s;
    int code, status;

    *unable = 0;
    unroll_scheme_init(s);
    code = cli_build_scheme_certify(s, meth, hi, prec, "bound");
    if (code == EXIT_OK && a->stage != UNROLL_STAGE_X
        && s->kind != UNROLL_SCHEME_AVERAGED)
        code = cli_error(EXIT_USAGE, "bound", "--stage needs a three-stage "
                         "method (sobolev, sobolev-asymptotic)");
    if (code == EXIT_OK)
    {
        if (lo == hi)
            status = unroll_bound_sup_stage(res, s, &meth->spec, hi,
                                            a->stage, a->rel_bits, why);
        else
            status = unroll_bound_sup_range(res, NULL, s, &meth->spec, hi,
                                            a->stage, a->rel_bits, why);
        *unable = status == UNROLL_UNABLE && !s->exact;
        if (*unable)
            code = EXIT_UNCERTIFIED;
        else if (status != UNROLL_SUCCESS)
            code = cli_error(status == UNROLL_UNABLE ? EXIT_UNCERTIFIED
                             : EXIT_USAGE, "bound", why);
    }
    unroll_scheme_clear(s);
    return code;
}

/* Certifies the rows.  The asymptotic method's ball coefficients get
   two bits per step to spare (their square roots are computed once);
   past UNROLL_CERTIFY_EXACT_T_MAX the orthogonal-polynomial families
   come as balls from their stable generators, which lose a few bits in
   all, and are rebuilt at twice the precision while the engine finds
   them too wide. */
static int
compute(unroll_bound_result_struct * res, const unroll_method_t meth,
        const bound_args_t * a, slong lo, slong hi)
{
    slong prec = a->rel_bits + 128 + 2 * hi;
    char why[UNROLL_MSG_LEN];
    int code, unable, tries;

    if (hi > UNROLL_CERTIFY_EXACT_T_MAX)
        prec = a->rel_bits + 192;
    for (tries = 0; ; tries++, prec *= 2)
    {
        code = compute_at(res, &unable, why, meth, a, lo, hi, prec);
        if (!unable)
            return code;
        if (tries == 3)
            return cli_error(code, "bound", why);
    }
}

static int
run(const unroll_method_t meth, const bound_args_t * a)
{
    slong lo = a->t >= 0 ? a->t : 1, hi = a->t >= 0 ? a->t : a->N;
    slong n = hi - lo + 1;
    unroll_bound_result_struct * res = _unroll_bound_result_vec_init(n);
    unroll_table_out_t out;
    char why[UNROLL_MSG_LEN];
    int code, holds = 1;

    code = compute(res, meth, a, lo, hi);
    if (code == EXIT_OK && unroll_table_out_open(out, a->output, why) != 0)
        code = cli_error(EXIT_IO, "bound", why);
    if (code == EXIT_OK)
    {
        if (a->summary)
        {
            put_summary(out->f, res, n, a);
            holds = all_hold(meth, res, n, a->stage);
        }
        else
            put_rows(out->f, meth, res, n, a, &holds);
        if (unroll_table_out_commit(out, why) != UNROLL_SUCCESS)
            code = cli_error(EXIT_IO, "bound", why);
        else if (!holds)
            code = cli_error(EXIT_UNCERTIFIED, "bound", "a theorem check "
                             "failed (holds = 0)");
    }

    _unroll_bound_result_vec_clear(res, n);
    return code;
}

/* W as "2^-K" or a number in (0, 1); rel_bits is the least K with
   2^-K <= W, so the width delivered is never wider than asked.  Shared
   with the table command. */
int
cli_parse_rel_width(slong * rel_bits, const char * arg, const char * cmd)
{
    char why[UNROLL_MSG_LEN];
    fmpq_t w;
    fmpz_t p;
    long k;
    int code = EXIT_OK;

    fmpq_init(w);
    fmpz_init(p);

    if (strncmp(arg, "2^-", 3) == 0)
    {
        code = cli_parse_count(&k, arg + 3, UNROLL_BOUND_REL_BITS_MAX,
                               cmd, "--rel-width 2^-K");
        if (code == EXIT_OK && k < 1)
            code = cli_error(EXIT_USAGE, cmd, "--rel-width must lie in "
                             "(0, 1)");
        *rel_bits = k;
    }
    else if (unroll_arith_parse_fmpq(w, arg, NULL, NULL, 0, why) != 0)
        code = cli_error(EXIT_USAGE, cmd, "--rel-width: not a number");
    else if (fmpq_sgn(w) <= 0 || fmpq_cmp_si(w, 1) >= 0)
        code = cli_error(EXIT_USAGE, cmd, "--rel-width must lie in "
                         "(0, 1)");
    else
    {
        /* smallest K with den <= num 2^K */
        for (k = 0; k <= UNROLL_BOUND_REL_BITS_MAX; k++)
        {
            fmpz_mul_2exp(p, fmpq_numref(w), k);
            if (fmpz_cmp(p, fmpq_denref(w)) >= 0)
                break;
        }
        if (k > UNROLL_BOUND_REL_BITS_MAX)
            code = cli_error(EXIT_USAGE, cmd, "--rel-width too small");
        *rel_bits = k;
    }

    fmpz_clear(p);
    fmpq_clear(w);
    return code;
}

/* "R,G" with R, G >= 0. */
static int
parse_jac(bound_args_t * a, const char * arg)
{
    const char * comma = strchr(arg, ',');
    char left[UNROLL_MSG_LEN];
    size_t n;

    n = comma == NULL ? 0 : (size_t) (comma - arg);
    if (comma == NULL || n >= sizeof(left))
        return cli_error(EXIT_USAGE, "bound", "--jacobian-bound needs R,G");
    memcpy(left, arg, n);
    left[n] = '\0';
    if (unroll_arith_parse_fmpq(a->R, left, NULL, NULL, 0, NULL) != 0
        || unroll_arith_parse_fmpq(a->G, comma + 1, NULL, NULL, 0, NULL) != 0
        || fmpq_sgn(a->R) < 0 || fmpq_sgn(a->G) < 0)
        return cli_error(EXIT_USAGE, "bound", "--jacobian-bound: R and G "
                         "must be numbers >= 0");
    a->jac = 1;
    return EXIT_OK;
}

static int
parse_stage(int * stage, const char * arg)
{
    if (strcmp(arg, "y") == 0)
        *stage = UNROLL_STAGE_Y;
    else if (strcmp(arg, "z") == 0)
        *stage = UNROLL_STAGE_Z;
    else if (strcmp(arg, "x") == 0)
        *stage = UNROLL_STAGE_X;
    else
        return cli_error(EXIT_USAGE, "bound", "--stage must be y, z or x");
    return EXIT_OK;
}

static int
parse_tol(fmpq_t tol, const char * arg)
{
    if (unroll_arith_parse_fmpq(tol, arg, NULL, NULL, 0, NULL) != 0
        || fmpq_sgn(tol) <= 0)
        return cli_error(EXIT_USAGE, "bound", "--tol must be a positive "
                         "number");
    return EXIT_OK;
}

static int
parse_option(bound_args_t * a, int opt, const char * arg)
{
    switch (opt)
    {
    case 'T':
        return cli_parse_count(&a->N, arg, BOUND_T_MAX, "bound", "-T");
    case 't':
        return cli_parse_count(&a->t, arg, BOUND_T_MAX, "bound", "-t");
    case OPT_REL: return cli_parse_rel_width(&a->rel_bits, arg, "bound");
    case OPT_STAGE: return parse_stage(&a->stage, arg);
    case OPT_JAC: return parse_jac(a, arg);
    case OPT_SUMMARY: a->summary = 1; return EXIT_OK;
    case OPT_TOL: return parse_tol(a->tol, arg);
    case OPT_LOWER: a->lower = 1; return EXIT_OK;
    case OPT_FORMAT: return cli_parse_format(&a->format, arg, 0, "bound");
    case 'o': a->output = arg; return EXIT_OK;
    default: return -1;
    }
}

/* --lower-bound: the certified lower end of the optimum B*_t over all
   first-order methods, per row, at the minimax module's default width
   (a lower bound needs no more). */
static int
true_lower(bound_args_t * a, const unroll_method_t meth)
{
    slong lo = a->t >= 0 ? a->t : 1, hi = a->t >= 0 ? a->t : a->N, t;
    char why[UNROLL_MSG_LEN];
    fmpq_t rho;
    arf_t up;
    int status = UNROLL_SUCCESS;

    if (hi > UNROLL_MINIMAX_T_MAX)
        return cli_error(EXIT_USAGE, "bound", "--lower-bound needs t <= "
                         "500");
    fmpq_init(rho);
    arf_init(up);
    a->tlb = _arb_vec_init(hi - lo + 1);
    for (t = lo; t <= hi && status == UNROLL_SUCCESS; t++)
        status = unroll_minimax_value(arb_midref(a->tlb + t - lo), up,
                                      &meth->spec, t, rho,
                                      UNROLL_MINIMAX_REL_BITS, why);
    arf_clear(up);
    fmpq_clear(rho);
    if (status != UNROLL_SUCCESS)
        return cli_error(status == UNROLL_UNABLE ? EXIT_UNCERTIFIED
                         : EXIT_USAGE, "bound", why);
    return EXIT_OK;
}

static int
finish(const cli_method_args_t * margs, bound_args_t * a)
{
    unroll_method_t meth;
    int code;

    if ((a->N < 0) == (a->t < 0))
        return cli_error(EXIT_USAGE, "bound", "give exactly one of -T and "
                         "-t");
    if (a->N == 0)
        return cli_error(EXIT_USAGE, "bound", "-T must be at least 1");
    if (margs->ell == NULL)
        return cli_error(EXIT_USAGE, "bound", "the spectrum (--ell and "
                         "--L) is required");

    unroll_method_init(meth);
    code = cli_method_resolve(meth, margs, "bound");
    if (code == EXIT_OK && a->lower && !a->summary)
        code = true_lower(a, meth);
    if (code == EXIT_OK)
        code = run(meth, a);
    if (a->tlb != NULL)
        _arb_vec_clear(a->tlb, a->t >= 0 ? 1 : a->N);
    unroll_method_clear(meth);
    return code;
}

int
cmd_bound(int argc, char ** argv)
{
    cli_method_args_t margs;
    bound_args_t a;
    int opt, code = EXIT_OK;

    memset(&margs, 0, sizeof(margs));
    a.N = a.t = -1;
    a.rel_bits = UNROLL_BOUND_REL_BITS;
    a.stage = UNROLL_STAGE_X;
    a.format = UNROLL_FORMAT_CSV;
    a.summary = a.jac = a.lower = 0;
    a.tlb = NULL;
    a.output = NULL;
    fmpq_init(a.R);
    fmpq_init(a.G);
    fmpq_init(a.tol);
    fmpq_set_si(a.tol, 1, 1000000);

    while (code == EXIT_OK
           && (opt = getopt_long(argc, argv, "m:T:t:o:h", options, NULL))
              != -1)
    {
        if (cli_method_option(&margs, opt, optarg))
            continue;
        if (opt == 'h')
        {
            fputs(usage, stdout);
            fputs(cli_method_help, stdout);
            code = -1;
            break;
        }
        code = parse_option(&a, opt, optarg);
        if (code == -1)
            code = cli_bad_option("bound", argv[optind - 1]);
    }
    if (code == EXIT_OK && optind < argc)
        code = cli_usage_error("bound", "unexpected argument");
    if (code == EXIT_OK)
        code = finish(&margs, &a);

    fmpq_clear(a.tol);
    fmpq_clear(a.G);
    fmpq_clear(a.R);
    return code == -1 ? EXIT_OK : code;
}
