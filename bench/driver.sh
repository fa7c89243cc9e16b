#!/bin/sh
# Times the numeric driver's loop against the same loop in numpy and
# against a STREAM-style triad, in one run, and prints the ratios.
#
# Usage: bench/driver.sh BUILD_DIR [N D]
#
# BUILD_DIR is a meson build directory where bench/driver_bench is built.
# Debian's python3-numpy is installed with apt-get when /usr/bin/python3
# cannot import numpy (only here: the project itself never needs it).
# Both sides use one core for BLAS (OPENBLAS_NUM_THREADS=1); the driver is
# also timed with its own second thread (column "threads" = 2).
# Setting: ridge, synthetic Gaussian data, theta = 1e-3, iterate plus one
# Jacobian column, gradient descent and Chebyshev; sizes (569, 30),
# (5000, 500), (20000, 2000) unless N D are given.  Timings depend on the
# load of the machine: run it on an otherwise idle one.
set -eu

if [ $# -ne 1 ] && [ $# -ne 3 ]; then
    echo "usage: $0 BUILD_DIR [N D]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
prog=$1/bench/driver_bench
if [ ! -x "$prog" ]; then
    echo "$0: $prog not found; build first (ninja -C $1)" >&2
    exit 2
fi
shift

if ! /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y -q python3-numpy >/dev/null 2>&1 \
        || { $sudo apt-get update -q >/dev/null \
             && $sudo apt-get install -y -q python3-numpy >/dev/null; }
fi

export OPENBLAS_NUM_THREADS=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$prog" "$@" > "$tmp/c.txt"
/usr/bin/python3 "$here/driver_numpy.py" "$@" > "$tmp/np.txt"

/usr/bin/python3 - "$tmp/c.txt" "$tmp/np.txt" <<'PY'
import sys
c = [l.split() for l in open(sys.argv[1])]
npy = {tuple(l.split()[:4]): float(l.split()[5]) for l in open(sys.argv[2])}
bw = float([l for l in c if l[0] == "triad"][0][2])
floor = {(l[1], l[2], l[3]): float(l[5]) for l in c if l[0] == "floor"}
print(f"triad (one core): {bw:.1f} GB/s")
print(f"{'storage':12} {'method':10} {'n':>6} {'d':>5} {'thr':>3} "
      f"{'C us':>10} {'numpy us':>10} {'numpy/C':>8} {'C/floor':>8}")
for l in c:
    if l[0] not in ("hessian", "matrix-free"):
        continue
    us = float(l[5])
    ref = npy.get(tuple(l[:4]))
    fl = floor.get((l[0], l[2], l[3]))
    print(f"{l[0]:12} {l[1]:10} {l[2]:>6} {l[3]:>5} {l[4]:>3} {us:10.4g} "
          f"{ref if ref else float('nan'):10.4g} "
          f"{ref / us if ref else float('nan'):8.2f} "
          f"{us / fl if fl else float('nan'):8.2f}")
PY
