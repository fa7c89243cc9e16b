#!/bin/sh
# Times the exact core against SymPy, side by side in one run.
#
# Usage: bench/exact.sh BUILD_DIR
#
# BUILD_DIR is a meson build directory where ninja has already built
# bench/exact_bench; nothing is compiled here.  Debian's python3-sympy is
# installed with apt-get when /usr/bin/python3 cannot import sympy.
# Setting: spectrum [1/2, 10], alpha = 1, eta = 1.  For each row the
# table shows our time (in-process CPU time, best of up to five runs), the
# time of the generic scheme interpreter for polynomials, SymPy's time for
# the same computation (bench/exact_sympy.py, CPU time, best of up to
# three runs, each row capped at SYMPY_TIMEOUT seconds of wall-clock
# time, 600 by default) and the ratio SymPy / ours.
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
prog=$1/bench/exact_bench
timeout_s=${SYMPY_TIMEOUT:-600}
if [ ! -x "$prog" ]; then
    echo "$0: $prog not found; build first (ninja -C $1)" >&2
    exit 2
fi

if ! /usr/bin/python3 -c 'import sympy' 2>/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y -q python3-sympy >/dev/null 2>&1 \
        || { $sudo apt-get update -q >/dev/null \
             && $sudo apt-get install -y -q python3-sympy >/dev/null; }
fi
sympy_version=$(/usr/bin/python3 -c 'import sympy; print(sympy.__version__)')

# ours METHOD WHAT T: seconds, from the timing program.
ours() {
    "$prog" "$1" "$2" "$3" 5 | awk '{ print $4 }'
}

# theirs METHOD WHAT T: seconds, or "> N s" on timeout.
theirs() {
    set +e
    out=$(timeout "$timeout_s" /usr/bin/python3 "$here/exact_sympy.py" \
          "$1" "$2" "$3")
    rc=$?
    set -e
    if [ $rc -eq 124 ]; then
        echo "> $timeout_s s"
    elif [ $rc -ne 0 ]; then
        echo "failed"
    else
        echo "$out" | awk '{ print $1 }'
    fi
}

row() {
    method=$1 what=$2 T=$3
    fast=$(ours "$method" "$what" "$T")
    generic=-
    if [ "$what" = poly ]; then
        generic=$(ours "$method" poly-generic "$T")
    fi
    slow=$(theirs "$method" "$what" "$T")
    echo "$what $method $T $fast $generic $slow" | awk '{
        s = $6; r = "-";
        if (s == ">") { s = "> " $7 " s"; r = sprintf("> %.0fx", $7 / $4) }
        else if (s != "failed") { r = sprintf("%.0fx", s / $4);
                                  s = sprintf("%.4f", s) }
        g = $5 == "-" ? "-" : sprintf("%.6f", $5);
        printf "%-7s %-10s %5d %10.6f %10s %12s %10s\n", $1, $2, $3, $4,
               g, s, r }'
}

echo "exact core vs SymPy $sympy_version, [l, L] = [1/2, 10], alpha = 1," \
     "eta = 1; CPU seconds"
printf "%-7s %-10s %5s %10s %10s %12s %10s\n" what method T ours \
       generic sympy ratio
row chebyshev coeffs 1000
row sobolev coeffs 1000
for T in 100 300 1000; do
    row chebyshev poly "$T"
done
for T in 100 200 400 1000; do
    row sobolev poly "$T"
done
echo "ours: unroll_method_scheme (coeffs) or unroll_method_poly_residual"
echo "(poly, coefficients included); generic: unroll_method_scheme then"
echo "unroll_scheme_poly_residual; ratio: sympy / ours."
