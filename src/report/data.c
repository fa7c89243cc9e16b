#include <string.h>

#include "impl.h"

int
_unroll_report_data(unroll_driver_data_t data,
                    const unroll_report_opts_t opts, const char * name,
                    char * msg)
{
    char path[1024];
    int status;

    if (strcmp(name, "synthetic") == 0)
    {
        unroll_driver_data_synthetic(data, opts->synth_n, opts->synth_d,
                                     opts->seed);
        return UNROLL_SUCCESS;
    }
    if (strcmp(name, "breast-cancer") == 0)
    {
        snprintf(path, sizeof(path), "%s/%s", opts->data_dir,
                 UNROLL_DRIVER_BREAST_CANCER_FILE);
        status = unroll_driver_data_read_breast_cancer(data, path, msg);
    }
    else if (opts->bodyfat != NULL)
        status = unroll_driver_data_read(data, opts->bodyfat, NULL, msg);
    else
    {
        unroll_arith_msg(msg, "no bodyfat file given");
        return UNROLL_IO;
    }

    /* Features on their own scales make H needlessly ill-conditioned
       (breast-cancer spans five orders of magnitude); the experiments
       standardise them. */
    if (status == UNROLL_SUCCESS)
        unroll_driver_data_standardize(data);
    return status;
}

#define THETA 1e-3

int
_unroll_report_problem(unroll_driver_problem_t p,
                       const unroll_driver_data_t data, int kind, char * msg)
{
    return unroll_driver_problem_set(p, data, kind, THETA * (double) data->n,
                                     UNROLL_DRIVER_HESSIAN, msg);
}

int
_unroll_report_fig3_scheme(unroll_scheme_t s, unroll_method_t meth,
                           const char * family, const char * step,
                           const char * eta, slong T, slong prec, char * msg)
{
    static const char * const names[] = { "l", "L" };
    fmpq vals[2];
    int status = UNROLL_SUCCESS;

    fmpq_set_si(&meth->spec.l, 1, 2);
    fmpq_set_si(&meth->spec.L, 10, 1);
    meth->has_spec = 1;
    vals[0] = meth->spec.l;
    vals[1] = meth->spec.L;
    meth->family = unroll_family_from_name(family);
    fmpq_one(&meth->alpha);
    meth->has_alpha = 1;
    if (step != NULL)
        status |= unroll_arith_parse_fmpq(&meth->h, step, names, vals, 2,
                                          msg);
    meth->has_h = step != NULL;
    if (eta != NULL)
        status |= unroll_arith_parse_fmpq(&meth->eta, eta, names, vals, 2,
                                          msg);
    meth->has_eta = eta != NULL;
    if (status == UNROLL_SUCCESS)
        status = unroll_method_scheme(s, meth, T, prec, msg);
    return status;
}
