#!/bin/sh
# The headline benchmark: one epoch of Course 2 week 3's Fashion-MNIST network (784-256-128-10,
# batch norm in the hidden layers, softmax, Adam, mini-batches of 64 over all 60000 training
# images) trained three ways, one after the other, in one run on the same machine and data:
#   - this project, in double precision: `dlc run course2.fashion --solution`;
#   - the same algorithm in numpy float64, as the course's notebooks write numpy
#     (bench/fashion_numpy.py; Debian's python3-numpy);
#   - PyTorch float32 (bench/fashion_torch.py: nn.Sequential, BatchNorm1d, optim.Adam;
#     Debian's python3-torch), on its default number of threads.
# Each program times its training steps alone (not loading the data, not testing). The C++ and
# numpy runs train the very same network from the same random numbers, so the script also
# checks that their epoch costs agree to five decimals. It prints the three epoch times and the
# ratios; the project's targets are at most 0.4 times numpy's time and less than PyTorch's.
#
# usage: bench/fashion_vs_peers.sh [EPOCHS [batch-norm|no-batch-norm]]
#   EPOCHS  epochs each program trains (default 1; the times printed are per epoch)
# Environment: DLC, the dlc executable (default: build/release/bin/dlc); PYTHON, a Python with
# numpy and torch (default: /usr/bin/python3); FASHION_DIR, the data's folder (default: Debian's
# /usr/share/datasets/fashion-mnist).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
EPOCHS=${1:-1}
VARIANT=${2:-batch-norm}
DLC=${DLC:-$ROOT/build/release/bin/dlc}
PYTHON=${PYTHON:-/usr/bin/python3}
FASHION_DIR=${FASHION_DIR:-/usr/share/datasets/fashion-mnist}

die() {
  echo "fashion_vs_peers: $*" >&2
  exit 1
}
case $EPOCHS in '' | *[!0-9]*) die "EPOCHS must be a whole number, not '$EPOCHS'" ;; esac
[ "$EPOCHS" -ge 1 ] || die "EPOCHS must be at least 1"
case $VARIANT in
  batch-norm) FLAG= ;;
  no-batch-norm) FLAG=--no-batch-norm ;;
  *) die "the second argument must be batch-norm or no-batch-norm, not '$VARIANT'" ;;
esac
[ -x "$DLC" ] || die "no dlc at $DLC: build first (cmake --preset release && cmake --build --preset release), or set DLC"
[ -r "$FASHION_DIR/train-images-idx3-ubyte.gz" ] ||
  die "no Fashion-MNIST in $FASHION_DIR: sudo apt-get install dataset-fashion-mnist (or set FASHION_DIR)"
"$PYTHON" -c 'import numpy' 2>/dev/null ||
  die "$PYTHON cannot import numpy: sudo apt-get install python3-numpy (or set PYTHON)"
"$PYTHON" -c 'import torch' 2>/dev/null ||
  die "$PYTHON cannot import torch: sudo apt-get install python3-torch (or set PYTHON)"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fashion-vs-peers.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM

echo "machine: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1), $(nproc) cores"
echo "network: 784-256-128-10, $VARIANT, Adam, mini-batches of 64, $EPOCHS epoch(s) of 60000 images"
echo "C++ (double): dlc run course2.fashion --solution ..."
# shellcheck disable=SC2086
"$DLC" run course2.fashion --solution --epochs "$EPOCHS" $FLAG --fashion-dir "$FASHION_DIR" \
  --no-plots >"$TMP/cpp.txt" 2>"$TMP/cpp.err" || {
  cat "$TMP/cpp.txt" "$TMP/cpp.err" >&2
  die "dlc run course2.fashion failed"
}
echo "numpy $("$PYTHON" -c 'import numpy; print(numpy.__version__)') (float64): bench/fashion_numpy.py ..."
# shellcheck disable=SC2086
"$PYTHON" "$ROOT/bench/fashion_numpy.py" --epochs "$EPOCHS" $FLAG --fashion-dir "$FASHION_DIR" \
  >"$TMP/numpy.txt" || die "bench/fashion_numpy.py failed"
echo "PyTorch $("$PYTHON" -c 'import torch; print(torch.__version__)') (float32): bench/fashion_torch.py ..."
# shellcheck disable=SC2086
"$PYTHON" "$ROOT/bench/fashion_torch.py" --epochs "$EPOCHS" $FLAG --fashion-dir "$FASHION_DIR" \
  >"$TMP/torch.txt" || die "bench/fashion_torch.py failed"
for run in cpp numpy torch; do sed 's/^/  '"$run"': /' "$TMP/$run.txt"; done

# The C++ and numpy runs are one algorithm from one set of random numbers: their costs agree.
costs() { sed -n 's/^Epoch \([0-9]*\): cost \([0-9.e-]*\),.*$/\1 \2/p' "$1" | awk '{ printf "%s %.5f\n", $1, $2 }'; }
costs "$TMP/cpp.txt" >"$TMP/cpp.costs"
costs "$TMP/numpy.txt" >"$TMP/numpy.costs"
[ -s "$TMP/cpp.costs" ] || die "dlc printed no 'Epoch N: cost ...' line"
cmp -s "$TMP/cpp.costs" "$TMP/numpy.costs" || {
  diff "$TMP/numpy.costs" "$TMP/cpp.costs" >&2 || true
  die "the C++ and numpy costs differ (numpy on the left)"
}
echo "C++ and numpy print the same cost for every epoch, to five decimals"

seconds() { sed -n 's/^training: \([0-9.]*\) s.*$/\1/p' "$1" | head -n 1; }
cpp_s=$(seconds "$TMP/cpp.txt")
numpy_s=$(seconds "$TMP/numpy.txt")
torch_s=$(seconds "$TMP/torch.txt")
[ -n "$cpp_s" ] && [ -n "$numpy_s" ] && [ -n "$torch_s" ] || die "could not read the three training times"
awk -v c="$cpp_s" -v n="$numpy_s" -v t="$torch_s" -v e="$EPOCHS" 'BEGIN {
  printf "seconds per epoch:  C++ double %.3f   numpy float64 %.3f   PyTorch float32 %.3f\n", c / e, n / e, t / e
  printf "C++ / numpy   = %.2f (target: at most 0.40)\n", c / n
  printf "C++ / PyTorch = %.2f (target: below 1)\n", c / t
}'
