#!/bin/sh
# The optimization notebook's model on the moons, timed twice on the same data and the same
# machine: the course's numpy code (bench/optimization_numpy.py, Debian's python3-numpy) and the
# reference solution (`dlc run course2.optimization --solution`). Both train [2, 5, 2, 1] (He
# initialization after seed 3) on make_moons(300, noise=.2) after np.random.seed(3), with
# mini-batches of 64 reshuffled each epoch, for 5000 epochs. Checks that both print the same
# costs to six decimals and the same accuracy, then prints the two training times and their
# ratio. It reads from each run the lines `Cost after epoch i: c`, `Accuracy: a` and its training
# time, `training: S seconds, ...` (numpy) and `training: S s ...` (dlc); it runs dlc as
# `dlc run course2.optimization --solution --optimizer OPTIMIZER --epochs EPOCHS --no-plots`.
#
# usage: bench/optimization_vs_numpy.sh [OPTIMIZER [EPOCHS]]
#   OPTIMIZER  gd, momentum or adam (default: adam)
#   EPOCHS     passes over the data (default: the notebook's 5000)
# Environment: DLC, the dlc executable (default: build/release/bin/dlc); PYTHON, a Python with
# numpy (default: /usr/bin/python3).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OPTIMIZER=${1:-adam}
EPOCHS=${2:-5000}
DLC=${DLC:-$ROOT/build/release/bin/dlc}
PYTHON=${PYTHON:-/usr/bin/python3}

die() {
  echo "optimization_vs_numpy: $*" >&2
  exit 1
}
case $OPTIMIZER in gd | momentum | adam) ;; *) die "OPTIMIZER must be gd, momentum or adam, not '$OPTIMIZER'" ;; esac
case $EPOCHS in '' | *[!0-9]*) die "EPOCHS must be a whole number, not '$EPOCHS'" ;; esac
[ "$EPOCHS" -ge 1 ] || die "EPOCHS must be at least 1"
[ -x "$DLC" ] || die "no dlc at $DLC: build first (cmake --preset release && cmake --build --preset release), or set DLC"
"$PYTHON" -c 'import numpy' 2>/dev/null ||
  die "$PYTHON cannot import numpy: sudo apt-get install python3-numpy (or set PYTHON)"
# dlc's list of programs: the C++ side must exist before anything is timed.
"$DLC" run --help 2>/dev/null | grep -q 'course2\.optimization\b' ||
  die "dlc has no program course2.optimization ('$DLC run --help' does not list it): this build has no optimization lesson yet"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/optimization-vs-numpy.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

echo "numpy $("$PYTHON" -c 'import numpy; print(numpy.__version__)'): the notebook's code, $OPTIMIZER, $EPOCHS epochs ..."
"$PYTHON" "$ROOT/bench/optimization_numpy.py" --optimizer "$OPTIMIZER" --epochs "$EPOCHS" \
  >"$TMP/numpy.txt" || die "bench/optimization_numpy.py failed"
echo "C++: dlc run course2.optimization --solution --optimizer $OPTIMIZER, $EPOCHS epochs ..."
"$DLC" run course2.optimization --solution --optimizer "$OPTIMIZER" --epochs "$EPOCHS" \
  --no-plots >"$TMP/cpp.txt" 2>"$TMP/cpp.err" || {
  cat "$TMP/cpp.txt" "$TMP/cpp.err" >&2
  die "dlc run course2.optimization failed"
}

# The printed costs, to six decimals, and the accuracy: the two runs must agree.
costs() { sed -n 's/^Cost after epoch \([0-9]*\): \([0-9.]*\)$/\1 \2/p' "$1" | awk '{ printf "%s %.6f\n", $1, $2 }'; }
costs "$TMP/numpy.txt" >"$TMP/numpy.costs"
costs "$TMP/cpp.txt" >"$TMP/cpp.costs"
[ -s "$TMP/numpy.costs" ] || die "numpy printed no cost"
if ! cmp -s "$TMP/numpy.costs" "$TMP/cpp.costs"; then
  diff "$TMP/numpy.costs" "$TMP/cpp.costs" >&2 || true
  die "the costs differ (numpy on the left)"
fi
numpy_acc=$(grep '^Accuracy:' "$TMP/numpy.txt" | head -n 1)
cpp_acc=$(grep '^Accuracy:' "$TMP/cpp.txt" | head -n 1)
[ "$numpy_acc" = "$cpp_acc" ] || die "the accuracies differ: numpy '$numpy_acc', C++ '$cpp_acc'"
echo "Both print the same $(wc -l <"$TMP/cpp.costs") costs to six decimals ($(grep '^Cost after' "$TMP/cpp.txt" | tail -n 1)) and $cpp_acc"

numpy_s=$(sed -n 's/^training: \([0-9.]*\) seconds,.*$/\1/p' "$TMP/numpy.txt")
cpp_s=$(sed -n 's/^training: \([0-9.]*\) s\b.*$/\1/p' "$TMP/cpp.txt" | head -n 1)
[ -n "$numpy_s" ] || die "could not read numpy's training time"
[ -n "$cpp_s" ] || die "could not read the C++ training time: dlc run course2.optimization prints no line 'training: S s ...'"
awk -v n="$numpy_s" -v c="$cpp_s" -v e="$EPOCHS" 'BEGIN {
  printf "numpy:  %8.2f s  (%.3f ms per epoch)\n", n, 1000 * n / e
  printf "C++:    %8.2f s  (%.3f ms per epoch)\n", c, 1000 * c / e
  if (c > 0) printf "ratio:  %8.2f (the C++ run takes %.1f %% of numpy'"'"'s time)\n", n / c, 100 * c / n
}'
