/*
    unroll: exact residual polynomials, certified bounds and numeric runs
    for unrolled differentiation of first-order methods.
*/
#ifndef UNROLL_H
#define UNROLL_H

#include "unroll/arith.h"
#include "unroll/spectrum.h"
#include "unroll/scheme.h"
#include "unroll/families.h"
#include "unroll/bound.h"
#include "unroll/minimax.h"
#include "unroll/table.h"
#include "unroll/plot.h"
#include "unroll/report.h"
#include "unroll/driver.h"

#endif
