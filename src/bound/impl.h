/* Declarations private to the bound module: the state of one sup-norm
   computation (the nodes evaluated so far and the scheme's cached
   coefficients). */
#ifndef UNROLL_BOUND_IMPL_H
#define UNROLL_BOUND_IMPL_H

#include "unroll/bound.h"

/* The two functions whose maxima are certified. */
#define _UNROLL_F_E 0   /* E_t = P_t - lambda P_t', degree t */
#define _UNROLL_F_D 1   /* P_t', degree t - 1 */

/* A point u of [0, 1] (theta = pi u, an exact dyadic number) and, for
   both functions, g(u), g'(u), g''(u) with g(u) = f(lambda(u)). */
typedef struct
{
    arf_struct u;
    arf_struct lam;          /* midpoint of lambda(u), for reporting */
    arb_struct g[2][3];
    int precise;             /* 1: from the ball interpreter at prec */
    int full;                /* 1: g'' known (else 0 +/- inf) */
}
_unroll_bound_node_t;

typedef struct
{
    const unroll_scheme_point_struct * pt;
    const unroll_scheme_fast_struct * ft;   /* NULL: balls only */
    int majorant;            /* 1: balls by the majorant interpreter */
    const unroll_spectrum_struct * spec;
    slong t;
    int stage;
    slong prec;
    arb_t w;                 /* (L - l) / 2 = 1 / c */
    arb_t xbar;              /* (L + l) / (L - l) */
    arb_t pi;
    slong N;                 /* nodes 0..N are the initial nodes, in
                                increasing u, ends included */
    slong spacing;           /* no two initial nodes are more than
                                1 / spacing (+ 2^-62) apart */
    _unroll_bound_node_t * nodes;
    slong len;
    slong alloc;
}
_unroll_bound_ctx_t;

void _unroll_bound_ctx_init(_unroll_bound_ctx_t * ctx,
                            const unroll_scheme_point_t pt,
                            const unroll_spectrum_t spec, slong t,
                            int stage, slong prec);
void _unroll_bound_ctx_clear(_unroll_bound_ctx_t * ctx);

/* Forgets the nodes (keeping memory) and switches to precision prec. */
void _unroll_bound_ctx_reset(_unroll_bound_ctx_t * ctx, slong prec);

/* Appends the node at u (exact, 0 <= u <= 1), evaluating the jet of the
   residual there, in floating point with error bounds when ctx->ft is
   set and that succeeds (the node is then not `precise`), else with the
   ball interpreter at ctx->prec; returns its index. */
slong _unroll_bound_node_add(_unroll_bound_ctx_t * ctx, const arf_t u);

/* Appends the nodes at u + i, i = 0..n-1 (n <= UNROLL_FAST_LANES), in
   one floating-point run (ball fallback per node), in that order.  With
   order 2 the jets stop at P'', which gives g and g' of both functions
   but not g'' (set to 0 +/- inf, the node not `full`): a third less
   work for a grid whose cells mostly settle without g''. */
void _unroll_bound_nodes_add(_unroll_bound_ctx_t * ctx, arf_srcptr u,
                             slong n, int order);

/* Evaluates the values g (not g', g'') of node i again with the ball
   interpreter at prec bits, unless it is precise: what Bernstein's
   constant needs of the grid, at a fraction of the cost of the whole
   jet at the working precision.  The node stays not `precise`. */
void _unroll_bound_node_sharpen_value(_unroll_bound_ctx_t * ctx, slong i,
                                      slong prec);

/* Evaluates node i again in floating point to order 3 if it is not
   `full` (ball fallback), so that its g'' becomes known. */
void _unroll_bound_node_complete(_unroll_bound_ctx_t * ctx, slong i);

/* Evaluates node i again with the ball interpreter at ctx->prec, whose
   radii are far smaller than the floating-point ones near a maximum. */
void _unroll_bound_node_sharpen(_unroll_bound_ctx_t * ctx, slong i);

/* lambda(u) as a ball (exact at u = 0 and 1), with sin(pi u), cos(pi u). */
void _unroll_bound_point(arb_t lam, arb_t s, arb_t c,
                         const _unroll_bound_ctx_t * ctx, const arf_t u);

/* g, g', g'' in u of E and P' from the jet (P and its first three
   derivatives) at lambda(u), by the chain rule. */
void _unroll_bound_derive(arb_struct g[2][3], const arb_t lam,
                          const arb_t s, const arb_t c, arb_srcptr jet,
                          const _unroll_bound_ctx_t * ctx);

/* Appends a node whose values were computed elsewhere, precise or not. */
slong _unroll_bound_node_push(_unroll_bound_ctx_t * ctx, const arf_t u,
                              const arf_t lam, arb_struct g[2][3],
                              int precise);

/* The working precision for t: the accuracy asked, the measured loss and
   margins. */
slong _unroll_bound_first_prec(slong rel_bits, slong loss, slong t);

/* Certifies the maximum of |f| for one function: fills res (lo, hi, at)
   with hi - lo <= 2^-rel_bits lo, adding nodes as needed.  Returns
   UNROLL_UNABLE when the evaluation budget runs out or a cell becomes
   too narrow (usually: precision too low). */
int _unroll_bound_sup_one(unroll_bound_max_struct * res,
                          _unroll_bound_ctx_t * ctx, int f, slong rel_bits);

/* An upper bound of max |g0 + g1 s + g2 s^2 / 2| over s in [0, h]. */
void _unroll_bound_quad_max(arf_t res, const arb_t g0, const arb_t g1,
                            const arb_t g2, const arf_t h, slong prec);

/* Precision guess: the bits the recurrences lose at the ends of the
   spectrum, measured by a probe evaluation; grows the coefficient cache
   pt (of s) as the probe needs. */
slong _unroll_bound_loss(unroll_scheme_point_t pt, const unroll_scheme_t s,
                         const unroll_spectrum_t spec, slong t, int stage,
                         int majorant);

/* Makes sure the cached coefficients carry at least prec bits, rounding
   them again (at prec plus an eighth, so that a slowly growing demand
   rebuilds rarely) if not.  Coefficients much more precise than the
   working precision would only slow every multiplication down. */
void _unroll_bound_cache_fit(unroll_scheme_point_t pt,
                             const unroll_scheme_t s, slong prec);

/* The per-t work of unroll_bound_sup_stage with a coefficient cache pt
   (rebuilt at higher precision when needed), its floating-point copy ft
   (NULL: balls only) and a loss estimate. */
int _unroll_bound_sup_cached(unroll_bound_result_t res,
                             unroll_scheme_point_t pt,
                             const unroll_scheme_fast_struct * ft,
                             const unroll_scheme_t s,
                             const unroll_spectrum_t spec, slong t,
                             int stage, slong rel_bits, slong loss,
                             char * msg);

#endif
