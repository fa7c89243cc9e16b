#!/bin/sh
# Certified sup norms side by side with Sollya's supnorm.
#
# Usage: bench/bound_sollya.sh BUILD_DIR [METHOD]
#
# BUILD_DIR is a meson build directory where ninja has already built
# src/cli/unroll and bench/bound_bench.  Debian's sollya is installed
# with apt-get when missing.  Setting: [1/2, 10], METHOD chebyshev by
# default (gd means h = 1/L, sobolev alpha = 1, eta = 1), relative width
# 2^-50 for both tools.  For t = 10, 20, 50, 100, 200, ... the table
# shows our certification time (CPU, best of three), Sollya's supnorm
# time on E_t exported exactly by `unroll poly --which E --format sollya`
# (the CPU time of the sollya process, user + system, which includes
# parsing the exact polynomial; precision 2t + 165 bits as needed for
# the monomial form), both enclosures, and the ratio Sollya / ours.
# CPU times rather than wall-clock keep the ratio meaningful on a loaded
# machine.
# The sweep stops after the first t where Sollya takes over a minute
# (each run is killed after SOLLYA_TIMEOUT seconds, 300 by default).
set -eu

if [ $# -lt 1 ]; then
    echo "usage: $0 BUILD_DIR [METHOD]" >&2
    exit 2
fi
build=$1
method=${2:-chebyshev}
unroll=$build/src/cli/unroll
bench=$build/bench/bound_bench
timeout_s=${SOLLYA_TIMEOUT:-300}
for p in "$unroll" "$bench"; do
    if [ ! -x "$p" ]; then
        echo "$0: $p not found; build first (ninja -C $build)" >&2
        exit 2
    fi
done

if ! command -v sollya >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y -q sollya >/dev/null 2>&1 \
        || { $sudo apt-get update -q >/dev/null \
             && $sudo apt-get install -y -q sollya >/dev/null; }
fi

case $method in
    gd) margs="-m gd --step 1/L" ;;
    sobolev) margs="-m sobolev --alpha 1 --eta 1" ;;
    *) margs="-m $method" ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '%-6s %-12s %-12s %-8s %s\n' t ours_s sollya_s ratio \
    "B_t (ours) / Sollya's enclosure"
for t in 10 20 50 100 200 300 500 700 1000; do
    # shellcheck disable=SC2086
    "$unroll" poly $margs --ell 1/2 --L 10 -t "$t" --which E \
        --format sollya -o "$work/e.sollya"
    cat > "$work/run.sol" <<SOL
prec = $((2 * t + 165))!;
E = parse(readfile("$work/e.sollya"));
r = supnorm(E, 0, [1/2;10], absolute, 2^-50);
print(r);
quit;
SOL
    out=$("$bench" "$method" "$t" 3)
    ours=$(echo "$out" | awk '{ print $6 }')
    encl=$(echo "$out" | awk '{ printf "[%s, %s]", $7, $8 }')
    set +e
    res=$(timeout "$timeout_s" /usr/bin/time -f 'cpu %U %S' \
          sollya --nocolor "$work/run.sol" 2>&1)
    rc=$?
    set -e
    if [ $rc -eq 124 ]; then
        printf '%-6s %-12s %-12s %-8s %s\n' "$t" "$ours" "> $timeout_s" \
            "> $(awk -v a="$timeout_s" -v b="$ours" \
                 'BEGIN { printf "%.0f", a / b }')" "$encl"
        break
    fi
    theirs=$(echo "$res" | awk '/^cpu / { printf "%.3f", $2 + $3 }')
    sencl=$(echo "$res" | grep '^\[' | cut -c1-44)
    ratio=$(awk -v a="$theirs" -v b="$ours" 'BEGIN { printf "%.1f", a / b }')
    printf '%-6s %-12s %-12s %-8s %s / %s\n' "$t" "$ours" "$theirs" \
        "$ratio" "$encl" "$sencl"
    if awk -v a="$theirs" 'BEGIN { exit !(a > 60) }'; then
        break
    fi
done
