#include <jansson.h>

#include "unroll/table.h"
#include "unroll/bound.h"

static const char * stage_names[] = { "y", "z", "x" };

int
unroll_table_write_bounds_meta(FILE * f, const unroll_method_t meth,
                               const unroll_scheme_t s, int stage, slong T,
                               slong rel_bits, char * msg)
{
    json_t * root = json_object(), * cols = json_array();
    int k, ncoef = unroll_scheme_ncoef(s), bad;

    json_object_set_new(root, "format", json_string("unroll-bound-table"));
    json_object_set_new(root, "format_version", json_integer(1));
    unroll_table_method_json(root, meth);
    json_object_set_new(root, "kind", json_string(
        s->kind == UNROLL_SCHEME_MOMENTUM ? "momentum" : "averaged"));
    json_object_set_new(root, "stage", json_string(stage_names[stage]));
    json_object_set_new(root, "T", json_integer(T));
    json_object_set_new(root, "rel_width_bits", json_integer(rel_bits));
    json_array_append_new(cols, json_string("t"));
    for (k = 0; k < ncoef; k++)
    {
        char name[16];

        json_array_append_new(cols,
                              json_string(unroll_scheme_coef_name(k)));
        snprintf(name, sizeof(name), "%s_f64", unroll_scheme_coef_name(k));
        json_array_append_new(cols, json_string(name));
    }
    json_array_append_new(cols, json_string("B_lo"));
    json_array_append_new(cols, json_string("B_hi"));
    json_array_append_new(cols, json_string("D_lo"));
    json_array_append_new(cols, json_string("D_hi"));
    json_object_set_new(root, "columns", cols);
    json_object_set_new(root, "B", json_string(
        "max over [l, L] of |P_t - lambda P_t'|, enclosed in [B_lo, B_hi]"));
    json_object_set_new(root, "D", json_string(
        "max over [l, L] of |P_t'|, enclosed in [D_lo, D_hi]"));

    bad = json_dumpf(root, f, JSON_INDENT(1) | JSON_PRESERVE_ORDER) != 0;
    fputc('\n', f);
    json_decref(root);
    if (bad || ferror(f))
    {
        unroll_arith_msg(msg, "write error");
        return UNROLL_IO;
    }
    return UNROLL_SUCCESS;
}
