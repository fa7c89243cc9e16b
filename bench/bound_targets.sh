#!/bin/sh
# The certified bound engine against the speed aims: B_t and D_t of
# chebyshev, gd (h = 1/L) and sobolev (alpha = 1, eta = 1) on [1/2, 10]
# at relative width 2^-50, for t = 100, 1000, 10000 and for the whole
# range t = 1..1000, in CPU seconds, with the ratio aim / ours (above 1:
# the aim is met).  Each run is killed after BOUND_TIMEOUT seconds (600
# by default) and then reported as "> BOUND_TIMEOUT".
#
# Usage: bench/bound_targets.sh BUILD_DIR
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
bench=$1/bench/bound_bench
timeout_s=${BOUND_TIMEOUT:-600}
if [ ! -x "$bench" ]; then
    echo "$0: $bench not found; build first (ninja -C $1)" >&2
    exit 2
fi

# row METHOD LABEL AIM ARGS...: one line of the table.
row() {
    method=$1
    label=$2
    aim=$3
    shift 3
    set +e
    out=$(timeout "$timeout_s" "$bench" "$method" "$@")
    rc=$?
    set -e
    if [ $rc -eq 124 ]; then
        printf '%-10s %-12s %-14s %-8s %s\n' "$method" "$label" \
            "> $timeout_s" "$aim" "< $(awk -v a="$aim" -v b="$timeout_s" \
            'BEGIN { printf "%.3g", a / b }')"
        return
    fi
    ours=$(echo "$out" | awk '{ print $6 }')
    printf '%-10s %-12s %-14s %-8s %s\n' "$method" "$label" "$ours" "$aim" \
        "$(awk -v a="$aim" -v b="$ours" 'BEGIN { printf "%.3g", a / b }')"
}

printf '%-10s %-12s %-14s %-8s %s\n' method case ours_s aim_s aim/ours
for m in chebyshev gd sobolev; do
    row "$m" "t=100" 0.005 100 3
    row "$m" "t=1000" 0.05 1000 1
    row "$m" "t=10000" 2 10000 1
    row "$m" "t=1..1000" 10 range 1000
done
