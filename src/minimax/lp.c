#include <math.h>
#include <string.h>

#include "impl.h"

/* Dense two-phase simplex on a tableau of n + 1 rows and m + n + 1
   columns (m structural columns, n artificial ones, the right-hand side
   last); the last row holds the reduced costs.  Small problems only:
   the exchange keeps m a few times n. */
/* The tableau is kept in long double: on x86-64 its 64-bit mantissa
   buys three decimal digits for objectives spanning many decades. */
typedef long double lp_real;

typedef struct
{
    slong n, m, w;
    lp_real * a;     /* (n + 1) x w, w = m + n + 1 */
    slong * basis;  /* n basic columns */
}
tableau_t;

#define TAB(T, i, j) ((T)->a[(i) * (T)->w + (j)])
#define LP_EPS 1e-12

static void
pivot(tableau_t * T, slong r, slong c)
{
    slong i, j;
    lp_real p = TAB(T, r, c), f;

    for (j = 0; j < T->w; j++)
        TAB(T, r, j) /= p;
    for (i = 0; i <= T->n; i++)
    {
        f = TAB(T, i, c);
        if (i == r || f == 0.0)
            continue;
        for (j = 0; j < T->w; j++)
            TAB(T, i, j) -= f * TAB(T, r, j);
    }
    T->basis[r] = c;
}

/* Dantzig's rule over the columns below `last`; ratio test with the
   smallest basis index on ties.  Returns 1 optimal, 0 unbounded or
   stalled. */
static int
iterate(tableau_t * T, slong last)
{
    slong it, i, j, r, c;
    lp_real best, ratio, rbest;

    for (it = 0; it < 50 * (T->n + T->m); it++)
    {
        c = -1;
        best = -LP_EPS;
        for (j = 0; j < last; j++)
            if (TAB(T, T->n, j) < best)
            {
                best = TAB(T, T->n, j);
                c = j;
            }
        if (c < 0)
            return 1;
        r = -1;
        rbest = HUGE_VALL;
        for (i = 0; i < T->n; i++)
        {
            if (TAB(T, i, c) <= LP_EPS)
                continue;
            ratio = TAB(T, i, T->w - 1) / TAB(T, i, c);
            if (ratio < rbest - 1e-15 || (ratio <= rbest + 1e-15 && r >= 0
                                   && T->basis[i] < T->basis[r]))
            {
                rbest = ratio;
                r = i;
            }
        }
        if (r < 0)
            return 0;
        pivot(T, r, c);
    }
    return 0;
}

/* The reduced-cost row for the costs cost[0..m-1] (artificials cost 0
   in phase 2, 1 in phase 1). */
static void
price(tableau_t * T, const double * cost, int phase1)
{
    slong i, j, b;
    lp_real cb;

    for (j = 0; j < T->w; j++)
    {
        if (phase1)
            TAB(T, T->n, j) = (j >= T->m && j < T->w - 1) ? 1.0 : 0.0;
        else
            TAB(T, T->n, j) = j < T->m ? cost[j] : 0.0;
    }
    for (i = 0; i < T->n; i++)
    {
        b = T->basis[i];
        cb = phase1 ? (b >= T->m ? 1.0 : 0.0) : (b < T->m ? cost[b] : 0.0);
        if (cb == 0.0)
            continue;
        for (j = 0; j < T->w; j++)
            TAB(T, T->n, j) -= cb * TAB(T, i, j);
    }
}

/* Artificials left in the basis at level zero are pivoted out. */
static void
drive_out(tableau_t * T)
{
    slong i, j;

    for (i = 0; i < T->n; i++)
    {
        if (T->basis[i] < T->m)
            continue;
        for (j = 0; j < T->m; j++)
            if (fabsl(TAB(T, i, j)) > 1e-9L)
            {
                pivot(T, i, j);
                break;
            }
    }
}

int
_unroll_minimax_lp(double * pi, slong * basis, const double * M,
                   const double * rhs, const double * cost, slong n,
                   slong m)
{
    tableau_t T;
    slong i, j;
    double s;
    int ok;

    T.n = n;
    T.m = m;
    T.w = m + n + 1;
    T.a = flint_calloc((n + 1) * T.w, sizeof(lp_real));
    T.basis = basis;
    for (i = 0; i < n; i++)
    {
        s = rhs[i] < 0 ? -1.0 : 1.0;
        for (j = 0; j < m; j++)
            TAB(&T, i, j) = s * M[i * m + j];
        TAB(&T, i, m + i) = 1.0;
        TAB(&T, i, T.w - 1) = s * rhs[i];
        basis[i] = m + i;
    }
    price(&T, cost, 1);
    ok = iterate(&T, T.w - 1) && fabsl(TAB(&T, n, T.w - 1)) < 1e-9L;
    if (ok)
    {
        drive_out(&T);
        price(&T, cost, 0);
        ok = iterate(&T, m);
    }
    /* multipliers: the reduced cost of artificial i is -pi_i s_i */
    for (i = 0; i < n && ok; i++)
        pi[i] = (double) (-TAB(&T, n, m + i)
                          * (rhs[i] < 0 ? -1.0L : 1.0L));
    for (i = 0; i < n && ok; i++)
        ok = basis[i] < m;
    flint_free(T.a);
    return ok ? UNROLL_SUCCESS : UNROLL_UNABLE;
}
