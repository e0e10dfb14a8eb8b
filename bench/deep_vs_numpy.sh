#!/bin/sh
# The cat notebook's L-layer training, timed twice on the same data and the same machine: the
# course's numpy code (bench/deep_numpy.py, Debian's python3-numpy and python3-h5py) and
# L_layer_model of the reference solution (`dlc run week4.deep --solution`). Checks that both
# print the same costs to six decimals, then prints the two training times and their ratio.
#
# usage: bench/deep_vs_numpy.sh [DATA_DIR [ITERATIONS]]
#   DATA_DIR    the folder of train_catvnoncat.h5 (default: ../shared/data/catvnoncat)
#   ITERATIONS  gradient-descent steps (default: the notebook's 2500)
# Environment: DLC, the dlc executable (default: build/release/bin/dlc); PYTHON, a Python with
# numpy and h5py (default: /usr/bin/python3).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA_DIR=${1:-$ROOT/../shared/data/catvnoncat}
ITERATIONS=${2:-2500}
DLC=${DLC:-$ROOT/build/release/bin/dlc}
PYTHON=${PYTHON:-/usr/bin/python3}

die() {
  echo "deep_vs_numpy: $*" >&2
  exit 1
}
[ -f "$DATA_DIR/train_catvnoncat.h5" ] || die "no train_catvnoncat.h5 in $DATA_DIR (give the folder as the first argument)"
[ -x "$DLC" ] || die "no dlc at $DLC: build first (cmake --preset release && cmake --build --preset release), or set DLC"
"$PYTHON" -c 'import numpy, h5py' 2>/dev/null ||
  die "$PYTHON cannot import numpy and h5py: sudo apt-get install python3-numpy python3-h5py (or set PYTHON)"
case $ITERATIONS in '' | *[!0-9]*) die "ITERATIONS must be a whole number, not '$ITERATIONS'" ;; esac

TMP=$(mktemp -d "${TMPDIR:-/tmp}/deep-vs-numpy.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

echo "numpy $("$PYTHON" -c 'import numpy; print(numpy.__version__)'): the notebook's code, $ITERATIONS iterations ..."
"$PYTHON" "$ROOT/bench/deep_numpy.py" "$DATA_DIR" "$ITERATIONS" >"$TMP/numpy.txt"
echo "C++: dlc run week4.deep --solution, $ITERATIONS iterations ..."
"$DLC" run week4.deep --solution --data-dir "$DATA_DIR" --iterations "$ITERATIONS" --no-plots \
  >"$TMP/cpp.txt" 2>"$TMP/cpp.err" || {
  cat "$TMP/cpp.txt" "$TMP/cpp.err" >&2
  die "dlc run week4.deep failed"
}

# The printed costs, to six decimals: the two runs must agree.
costs() { grep '^Cost after iteration' "$1" | awk '{ printf "%s %.6f\n", $4, $5 }'; }
costs "$TMP/numpy.txt" >"$TMP/numpy.costs"
costs "$TMP/cpp.txt" >"$TMP/cpp.costs"
if ! cmp -s "$TMP/numpy.costs" "$TMP/cpp.costs"; then
  diff "$TMP/numpy.costs" "$TMP/cpp.costs" >&2 || true
  die "the costs differ (numpy on the left)"
fi
echo "Both print the same $(wc -l <"$TMP/cpp.costs") costs to six decimals; the last: $(grep "^Cost after" "$TMP/cpp.txt" | tail -n 1)"

numpy_s=$(sed -n 's/^training: \([0-9.]*\) seconds$/\1/p' "$TMP/numpy.txt")
cpp_s=$(sed -n 's/^L_layer_model: .* in \([0-9.]*\) s .*$/\1/p' "$TMP/cpp.txt")
[ -n "$numpy_s" ] && [ -n "$cpp_s" ] || die "could not read the two training times"
awk -v n="$numpy_s" -v c="$cpp_s" 'BEGIN {
  printf "numpy:         %8.2f s\n", n
  printf "L_layer_model: %8.2f s\n", c
  printf "ratio:         %8.2f (the C++ run takes %.0f %% of numpy'"'"'s time)\n", n / c, 100 * c / n
}'
