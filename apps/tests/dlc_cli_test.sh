#!/bin/sh
# Tests of the `dlc` command that run the real binaries: dlc_cli_test.sh <case>
#
# Environment: DLC, the dlc executable (its runners dlc-lessons-student and dlc-lessons-solution
# beside it); DLC_SOURCE_DIR, the source tree. Data: $DLC_SHARED_DATA/catvnoncat (default
# $DLC_SOURCE_DIR/../shared/data/catvnoncat) and $DLC_FASHION_MNIST (default
# /usr/share/datasets/fashion-mnist). A case that needs absent data exits 77, which CTest shows
# as skipped (SKIP_RETURN_CODE), after saying what is missing.
#
# Each command is echoed with its exit code, stdout and stderr, so a failure shows everything.

set -u
: "${DLC:?set DLC to the dlc executable}"
: "${DLC_SOURCE_DIR:?set DLC_SOURCE_DIR to the source tree}"
BIN=$(dirname "$DLC")
CAT_DIR=${DLC_SHARED_DATA:-$DLC_SOURCE_DIR/../shared/data}/catvnoncat
FASHION_DIR=${DLC_FASHION_MNIST:-/usr/share/datasets/fashion-mnist}
# The runs read Fashion-MNIST from its default folder unless DLC_FASHION_MNIST names another.
FASHION_ARGS=${DLC_FASHION_MNIST:+--fashion-dir $DLC_FASHION_MNIST}

TMP=$(mktemp -d "${TMPDIR:-/tmp}/dlc-cli-test.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM
OUT=$TMP/stdout
ERR=$TMP/stderr

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
skip() {
  echo "SKIPPED: $*"
  exit 77
}
REG2D_DIR=${DLC_SHARED_DATA:-$DLC_SOURCE_DIR/../shared/data}/reg2d
have_cat() { [ -f "$CAT_DIR/train_catvnoncat.h5" ] && [ -f "$CAT_DIR/test_catvnoncat.h5" ]; }
have_fashion() { [ -f "$FASHION_DIR/train-images-idx3-ubyte.gz" ]; }
need_cat() { have_cat || skip "the cat files are not in $CAT_DIR (set DLC_SHARED_DATA)"; }
need_reg2d() {
  [ -f "$REG2D_DIR/data.mat" ] || skip "the regularization notebook's data.mat is not in $REG2D_DIR (set DLC_SHARED_DATA)"
}
need_fashion() {
  have_fashion || skip "Fashion-MNIST is not in $FASHION_DIR (install dataset-fashion-mnist)"
}

# expect CODE COMMAND...: runs COMMAND, shows its output, checks its exit code.
expect() {
  expected=$1
  shift
  echo "\$ $*"
  "$@" >"$OUT" 2>"$ERR"
  code=$?
  sed -n '1,60s/^/  out| /p' "$OUT"
  sed -n '1,20s/^/  err| /p' "$ERR"
  echo "  exit code $code"
  [ "$code" -eq "$expected" ] || fail "exit code $code, expected $expected: $*"
}
# Checks on the last command's output: a line matching a basic regex, an exact line, line counts.
out_has() { grep -q -e "$1" "$OUT" || fail "stdout has no line matching: $1"; }
err_has() { grep -q -e "$1" "$ERR" || fail "stderr has no line matching: $1"; }
out_line() { grep -q -x -F -e "$1" "$OUT" || fail "stdout lacks the line: $1"; }
out_lacks() { ! grep -q -e "$1" "$OUT" || fail "stdout should not match: $1"; }
err_lines() {
  n=$(wc -l <"$ERR")
  [ "$n" -eq "$1" ] || fail "stderr has $n lines, expected $1"
}
out_lines() {
  n=$(wc -l <"$OUT")
  [ "$n" -eq "$1" ] || fail "stdout has $n lines, expected $1"
}

# usage_error PATTERN COMMAND...: exit code 2, nothing on stdout, one line matching PATTERN and
# one usage line on stderr.
usage_error() {
  pattern=$1
  shift
  expect 2 "$@"
  err_lines 2
  out_lines 0
  grep -q -e "^dlc: .*$pattern" "$ERR" || fail "the error line does not match: $pattern"
  sed -n 2p "$ERR" | grep -q '^usage: dlc run' || fail "the second line is not a usage line"
}

# A data set for the cases that need one but do not care which: Fashion-MNIST, else the cat files.
any_data() {
  if have_fashion; then
    DATA_ARGS="$FASHION_ARGS --train-size 300 --test-size 100"
  elif have_cat; then
    DATA_ARGS="--data-dir $CAT_DIR --train-size 100 --test-size 20"
  else
    skip "neither Fashion-MNIST ($FASHION_DIR) nor the cat files ($CAT_DIR) are present"
  fi
}

# The lines "Cost after iteration i: c" must be at least $1 and strictly decreasing.
costs_decrease() {
  awk -v min="$1" -F': ' '/^Cost after iteration/ {
      c = $2 + 0; if (n++ > 0 && c >= prev) bad = 1; prev = c }
    END { if (n < min || bad) { print "costs: " n " lines, decreasing: " (bad ? "no" : "yes");
                                exit 1 } }' "$OUT" || fail "the costs do not decrease"
}

case_help() {
  expect 0 "$DLC" --help
  out_has '^usage: dlc <command>'
  out_has '^  run <program>'
  expect 0 "$DLC" --version
  out_has '^dlc [0-9]'
  expect 2 "$DLC"
  err_has '^usage: dlc <command>'
  expect 0 "$DLC" run --help
  for p in week1.neuron week1.housing week2.images week2.logreg week2.graph \
    week2.vectorization week2.broadcasting week3.representation week3.activations week3.linear \
    week3.planar week3.sweep week3.logreg week3.symmetry; do
    out_has "^  $p  "
  done
  out_has '^    --learning-rate X .*(default: 0.005)'
  out_has '^    --train-size N'
  expect 0 "$DLC" run week2.logreg --help
  out_has '^usage: dlc run week2.logreg'
  out_has '^  --iterations N .*(default: 2000)'
  expect 0 "$DLC" run week2.graph --solution --help
  out_has '^  --a X'
  # The runners answer --help themselves too.
  expect 0 "$BIN/dlc-lessons-student" --help
  out_has '^  week2.logreg  '
}

case_unknown_command() {
  expect 2 "$DLC" frobnicate
  err_has '^dlc: unknown command frobnicate$'
  err_has '^usage: dlc <command>'
  expect 2 "$DLC" --frobnicate
  err_has '^dlc: unknown option --frobnicate$'
  err_has '^usage: dlc <command>'
}

case_unknown_flag() {
  usage_error 'unknown option --frobnicate for week2.logreg' \
    "$DLC" run week2.logreg --frobnicate
  usage_error 'unknown option --frobnicate' "$DLC" run week2.logreg --solution --frobnicate
  usage_error 'unknown option --iterations for week2.broadcasting' \
    "$DLC" run week2.broadcasting --iterations 3
  usage_error 'unexpected argument "extra"' "$DLC" run week2.graph extra
  usage_error 'unknown option -x' "$DLC" run week2.graph -x
  # The runners are as strict on their own.
  for flavour in student solution; do
    usage_error 'unknown option --frobnicate' "$BIN/dlc-lessons-$flavour" week2.logreg --frobnicate
    usage_error '--learning-rate: "abc" is not a number' \
      "$BIN/dlc-lessons-$flavour" week2.logreg --learning-rate abc
  done
}

case_bad_numbers() {
  usage_error '--learning-rate: "abc" is not a number' "$DLC" run week2.logreg --learning-rate abc
  usage_error '--learning-rate must be a positive number, not -1' \
    "$DLC" run week2.logreg --learning-rate -1
  usage_error '--learning-rate must be a positive number, not 0' \
    "$DLC" run week2.logreg --learning-rate=0
  usage_error '--learning-rate: "nan" is not a number' "$DLC" run week2.logreg --learning-rate nan
  usage_error '--learning-rate: "1e999" is out of range' \
    "$DLC" run week2.logreg --learning-rate 1e999
  usage_error '--learning-rate: "0.1x" is not a number' \
    "$DLC" run week2.logreg --learning-rate 0.1x
  usage_error '--iterations: "x" is not a whole number' "$DLC" run week2.logreg --iterations x
  usage_error '--iterations: "1.5" is not a whole number' "$DLC" run week2.logreg --iterations 1.5
  usage_error '--iterations must be 0 or more, not -1' "$DLC" run week2.logreg --iterations -1
  usage_error '--iterations: "99999999999999999999" is too large' \
    "$DLC" run week2.logreg --iterations 99999999999999999999
  usage_error '--print-every must be at least 1, not 0' "$DLC" run week2.logreg --print-every 0
  usage_error '--train-size must be at least 1, not 0' "$DLC" run week2.logreg --train-size 0
  usage_error '--iterations needs a value (N)' "$DLC" run week2.logreg --iterations
  usage_error '--iterations: "--json" is not a whole number' \
    "$DLC" run week2.logreg --iterations --json
  usage_error '--iterations is given twice' "$DLC" run week2.logreg --iterations 5 --iterations 6
  usage_error '--json takes no value' "$DLC" run week2.logreg --json=yes
  usage_error '--n must be at least 1, not 0' "$DLC" run week2.vectorization --n 0
  usage_error '--n must be at most 100000000, not 1000000000' \
    "$DLC" run week2.vectorization --n 1000000000
  usage_error '--repeats: "two" is not a whole number' "$DLC" run week2.vectorization --repeats two
  usage_error '--a: "x" is not a number' "$DLC" run week2.graph --a x
  # Negative and fractional inputs are fine where the lecture allows them.
  expect 0 "$DLC" run week2.graph --solution --a -1.5 --b=0.5 --c 2
}

case_unknown_program() {
  usage_error 'unknown program "week2.nope"; the programs are week1.neuron, week1.housing, ' \
    "$DLC" run week2.nope
  usage_error 'unknown program "week2.nope"' "$DLC" run week2.nope --solution
  usage_error 'run: which program?' "$DLC" run
  usage_error 'run: which program?' "$DLC" run --solution
  usage_error "run: the program's name comes first, before --json" "$DLC" run --json week2.logreg
  usage_error 'unknown program "week2.nope"' "$BIN/dlc-lessons-solution" week2.nope
}

case_bad_data_options() {
  usage_error 'unknown --dataset "dogs"; choose one of: cat, fashion-mnist' \
    "$DLC" run week2.logreg --dataset dogs
  usage_error '--dataset cat needs --data-dir DIR' "$DLC" run week2.logreg --dataset cat
  usage_error '--data-dir is the cat files' \
    "$DLC" run week2.images --data-dir d --dataset fashion-mnist
  usage_error '--classes chooses Fashion-MNIST classes' \
    "$DLC" run week2.logreg --data-dir d --classes 1,2
  usage_error '--fashion-dir cannot go with the cat data' \
    "$DLC" run week2.logreg --data-dir d --fashion-dir d
  usage_error '--classes: "7,7" names the same class twice' "$DLC" run week2.logreg --classes 7,7
  usage_error '--classes: "7" is not two classes' "$DLC" run week2.logreg --classes 7
  usage_error '--classes: "7,10" is not two classes A,B, each a number from 0 to 9' \
    "$DLC" run week2.logreg --classes 7,10
  usage_error '--data-dir needs a value (DIR)' "$DLC" run week2.logreg --data-dir
  usage_error '--data-dir needs a value (DIR)' "$DLC" run week2.logreg --data-dir --json
}

case_runner_missing() {
  mkdir "$TMP/alone" || fail "cannot make $TMP/alone"
  cp "$DLC" "$TMP/alone/dlc" || fail "cannot copy $DLC"
  expect 1 "$TMP/alone/dlc" run week2.graph
  err_lines 1
  err_has "the lesson runner $TMP/alone/dlc-lessons-student is missing"
  err_has "cmake --build --preset release"
  expect 1 "$TMP/alone/dlc" run week2.graph --solution
  err_has "dlc-lessons-solution is missing"
  # The command line is still checked without a runner.
  usage_error '--iterations: "x" is not a whole number' \
    "$TMP/alone/dlc" run week2.logreg --iterations x
}

case_missing_data_dir() {
  for flavour in --solution ""; do
    # shellcheck disable=SC2086
    expect 1 "$DLC" run week2.logreg $flavour --data-dir /nonexistent
    err_lines 1
    err_has '^dlc: .*/nonexistent'
  done
  expect 1 "$DLC" run week2.images --solution --data-dir /nonexistent
  err_lines 1
  err_has '^dlc: .*/nonexistent'
  expect 1 "$DLC" run week2.logreg --solution --fashion-dir /nonexistent
  err_lines 1
  err_has '^dlc: .*/nonexistent'
}

case_corrupt_data() {
  mkdir "$TMP/cat" "$TMP/fashion" || fail "cannot make folders in $TMP"
  printf 'this is not an HDF5 file\n' >"$TMP/cat/train_catvnoncat.h5"
  printf 'nor is this\n' >"$TMP/cat/test_catvnoncat.h5"
  expect 1 "$DLC" run week2.logreg --solution --data-dir "$TMP/cat"
  err_lines 1
  err_has '^dlc: .*train_catvnoncat\.h5'
  for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte \
    t10k-labels-idx1-ubyte; do
    printf '\037\213 not really gzip' >"$TMP/fashion/$f.gz"
  done
  expect 1 "$DLC" run week2.logreg --solution --fashion-dir "$TMP/fashion"
  err_lines 1
  err_has '^dlc: .*-idx[13]-ubyte\.gz'
}

case_graph() {
  expect 0 "$DLC" run week2.graph --solution
  out_has '^  u = bc *= 6$'
  out_has '^  v = a + u *= 11$'
  out_has '^  J = 3v *= 33$'
  out_has '^  dv = dJ/dv *= 3$'
  out_has '^  da = .*= 3$'
  out_has '^  du = .*= 3$'
  out_has '^  db = dJ/du \* du/db = du \* c = 6$'
  out_has '^  dc = dJ/du \* du/dc = du \* b = 9$'
  expect 0 "$DLC" run week2.graph --solution --a 1 --b 2 --c 3
  out_has '^  J = 3v *= 21$'
  out_has '^  db = .*= 9$'
  out_has '^  dc = .*= 6$'
  expect 3 "$DLC" run week2.graph
  err_lines 1
  err_has '^not implemented yet: week2.graph_forward — write it in week2/computation_graph.cpp, or'
  err_has ", or run with --solution ('dlc hint week2.graph_forward' gives a hint)$"
}

case_broadcasting() {
  expect 0 "$DLC" run week2.broadcasting --solution
  out_has '^\[\[94.91525424 '
  out_has '^\[\[ 59\. '
  out_has '^  ShapeError: divide: cannot broadcast (3, 4) with (1, 3)'
  expect 3 "$DLC" run week2.broadcasting
  err_lines 1
  err_has '^not implemented yet: week2.calorie_percentages — write it in week2/broadcasting.cpp'
}

case_vectorization() {
  expect 0 "$DLC" run week2.vectorization --solution --n 100000 --repeats 2
  out_has '^Vectorized version: [0-9]*\.[0-9]*ms$'
  out_has '^For loop: [0-9]*\.[0-9]*ms$'
  out_has '^The results agree'
  [ "$(grep -c '^c = [0-9]' "$OUT")" -eq 2 ] || fail "expected both results"
  expect 3 "$DLC" run week2.vectorization --n 1000
  err_has '^not implemented yet: week2.dot_vectorized — write it in week2/vectorization.cpp'
}

case_student_stubs() {
  any_data
  # shellcheck disable=SC2086
  expect 3 "$DLC" run week2.logreg $DATA_ARGS
  out_has '^Data: '
  err_lines 1
  err_has '^not implemented yet: week2.flatten_images — write it in week2/images.cpp, or run with'
  # shellcheck disable=SC2086
  expect 3 "$DLC" run week2.images $DATA_ARGS
  err_has '^not implemented yet: week2.flatten_images'
}

case_diverging() {
  any_data
  # shellcheck disable=SC2086
  expect 1 "$DLC" run week2.logreg --solution $DATA_ARGS --learning-rate 1e6 --iterations 100 \
    --no-plots
  err_lines 1
  err_has '^dlc: training diverged: the cost is .* at iteration [0-9]* (learning rate 1000000.0)'
  out_lacks 'accuracy'
}

case_json() {
  any_data
  # shellcheck disable=SC2086
  expect 0 "$DLC" run week2.logreg --solution $DATA_ARGS --json --iterations 30 --print-every 10 \
    --no-plots
  out_lines 1
  err_lines 0
  num='-\{0,1\}[0-9][0-9.e+-]*'
  cost="{\"iteration\":[0-9]*,\"cost\":$num}"
  if have_fashion; then
    data='"dataset":"fashion-mnist","classes":\["Sneaker","Ankle boot"\],'
    data=$data'"m_train":300,"m_test":100,"n_x":784'
  else
    data='"dataset":"cat","classes":\["non-cat","cat"\],"m_train":100,"m_test":20,"n_x":12288'
  fi
  json='{"program":"week2\.logreg","flavour":"solution",'$data','
  json=$json'"iterations":30,"learning_rate":0\.005,"print_every":10,'
  json=$json'"costs":\[{"iteration":0,"cost":0\.69314718[0-9]*},'$cost','$cost'\],'
  json=$json'"train_accuracy":'$num',"test_accuracy":'$num',"pictures":\[\]}'
  grep -q -x -e "$json" "$OUT" || fail "the JSON object does not match: $json"
  # A second opinion from a real JSON parser, when Debian's Python is there (not required).
  if [ -x /usr/bin/python3 ]; then
    /usr/bin/python3 -c 'import json, sys
d = json.load(sys.stdin)
assert d["iterations"] == 30 and len(d["costs"]) == 3, d
assert d["costs"][0]["cost"] > d["costs"][2]["cost"], d["costs"]
print("python3: the JSON parses;", len(d), "keys")' <"$OUT" || fail "python3 cannot read the JSON"
  fi
  # --json with the student's stubs still says what is missing, on stderr, and exits 3.
  # shellcheck disable=SC2086
  expect 3 "$DLC" run week2.logreg $DATA_ARGS --json
  out_lines 0
  err_has '^not implemented yet: week2.flatten_images'
}

case_images_cat() {
  need_cat
  expect 0 "$DLC" run week2.images --solution --data-dir "$CAT_DIR"
  out_line 'Data: cat vs non-cat, 209 training and 50 test images of 64x64x3 (n_x = 12288)'
  out_line 'train_set_x shape: (209, 64, 64, 3)'
  out_line 'test_set_x shape: (50, 64, 64, 3)'
  out_line 'train_set_x_flatten shape: (12288, 209)'
  out_line 'test_set_x_flatten shape: (12288, 50)'
  out_line 'train_set_y shape: (1, 209)'
  out_line 'sanity check after reshaping: [17 31 56 22 33]'
}

case_images_fashion() {
  need_fashion
  # shellcheck disable=SC2086
  expect 0 "$DLC" run week2.images --solution $FASHION_ARGS --train-size 100 --test-size 10 \
    --classes 0,1
  out_line "Data: Fashion-MNIST T-shirt/top (class 0, y = 0) vs Trouser (class 1, y = 1), \
100 training and 10 test images of 28x28x1 (n_x = 784)"
  out_line 'train_set_x shape: (100, 28, 28, 1)'
  out_line 'train_set_x_flatten shape: (784, 100)'
  out_line 'test_set_x_flatten shape: (784, 10)'
  out_has '^sanity check after reshaping: \[[0-9 ]*\]$'
}

case_cat_notebook() {
  need_cat
  start=$(date +%s.%N)
  expect 0 "$DLC" run week2.logreg --solution --data-dir "$CAT_DIR" --no-plots
  end=$(date +%s.%N)
  echo "wall time: $(echo "$start $end" | awk '{ printf "%.2f s", $2 - $1 }')"
  # from the course's notebook (Logistic Regression with a Neural Network mindset)
  out_line 'Data: cat vs non-cat, 209 training and 50 test images of 64x64x3 (n_x = 12288)'
  out_line 'Cost after iteration 0: 0.693147'
  out_line 'Cost after iteration 100: 0.584508'
  out_line 'Cost after iteration 1900: 0.140872'
  out_line 'train accuracy: 99.04306220095694 %'
  out_line 'test accuracy: 70.0 %'
  [ "$(grep -c '^Cost after iteration' "$OUT")" -eq 20 ] || fail "expected 20 cost lines"
  costs_decrease 20
  err_lines 0
}

case_fashion_trains() {
  need_fashion
  # shellcheck disable=SC2086
  expect 0 "$DLC" run week2.logreg --solution $FASHION_ARGS --iterations 300 --print-every 50 \
    --plots "$TMP/plots"
  out_line "Data: Fashion-MNIST Sneaker (class 7, y = 0) vs Ankle boot (class 9, y = 1), \
12000 training and 2000 test images of 28x28x1 (n_x = 784)"
  costs_decrease 6
  # The notebook's plot of the costs it printed.
  out_line "Picture saved: $TMP/plots/logreg_cost.png (the cost during training)"
  png_ok "$TMP/plots/logreg_cost.png"
  out_has '^train accuracy: [0-9.]* %$'
  out_has '^test accuracy: [0-9.]* %$'
  # Sneakers and ankle boots are told apart far better than by chance even after 300 steps.
  awk '/^(train|test) accuracy: / { if ($3 + 0 < 80) bad = 1; n++ }
       END { exit (n != 2 || bad) }' "$OUT" || fail "an accuracy is below 80 %"
}

# png_ok FILE: a PNG (by its eight-byte signature) of a sane size.
png_ok() {
  [ -f "$1" ] || fail "no picture $1"
  sig=$(od -An -tx1 -N8 "$1" | tr -d ' \n')
  [ "$sig" = 89504e470d0a1a0a ] || fail "$1 is not a PNG (it starts with $sig)"
  size=$(wc -c <"$1")
  [ "$size" -gt 5000 ] && [ "$size" -lt 5000000 ] || fail "$1 has $size bytes"
  echo "  picture $1: PNG, $size bytes"
}

# in_dir DIR COMMAND...: runs COMMAND in DIR (for the default picture folder).
in_dir() {
  (
    cd "$1" || exit 1
    shift
    exec "$@"
  )
}

case_week3_planar() {
  start=$(date +%s.%N)
  expect 0 "$DLC" run week3.planar --solution --plots "$TMP/plots"
  end=$(date +%s.%N)
  echo "wall time: $(echo "$start $end" | awk '{ printf "%.2f s", $2 - $1 }')"
  # from the course's notebook (Planar data classification with one hidden layer); after
  # iteration 6000 the run is chaotic, so the later lines are not compared.
  out_line 'Cost after iteration 0: 0.693162'
  out_line 'Cost after iteration 1000: 0.258625'
  out_line 'Cost after iteration 2000: 0.239334'
  out_line 'Cost after iteration 3000: 0.230802'
  out_line 'Cost after iteration 4000: 0.225528'
  out_line 'Cost after iteration 5000: 0.221845'
  out_line 'Cost after iteration 6000: 0.219094'
  out_line 'Accuracy: 90%'
  [ "$(grep -c '^Cost after iteration' "$OUT")" -eq 10 ] || fail "expected 10 cost lines"
  # stderr is not a terminal here: no progress bar, nothing at all.
  err_lines 0
  out_line "Picture saved: $TMP/plots/planar_data.png (the data set)"
  out_line "Picture saved: $TMP/plots/planar_boundary_nn.png (the network's decision boundary)"
  out_line "Picture saved: $TMP/plots/planar_cost.png (the cost during training)"
  for f in planar_data planar_boundary_nn planar_cost; do png_ok "$TMP/plots/$f.png"; done
  [ "$(ls "$TMP/plots" | wc -l)" -eq 3 ] || fail "expected exactly three files in $TMP/plots"

  expect 0 "$DLC" run week3.planar --solution --no-plots --iterations 2001 --json
  out_lines 1
  err_lines 0
  json='{"program":"week3\.planar","flavour":"solution","m":400,"n_h":4,"iterations":2001,'
  json=$json'"learning_rate":1\.2,"seed":3,"print_every":1000,"costs":\[{"iteration":0,'
  json=$json'"cost":0\.69316216614029[0-9]*},{"iteration":1000,"cost":0\.2586250[0-9]*},'
  json=$json'{"iteration":2000,"cost":0\.2393335[0-9]*}\],"accuracy":[0-9.]*,"pictures":\[\]}'
  grep -q -x -e "$json" "$OUT" || fail "the JSON object does not match: $json"

  # Other sizes and seeds train too; the student's stubs say what is missing.
  expect 0 "$DLC" run week3.planar --solution --no-plots --hidden 2 --seed 7 --iterations 300 \
    --print-every 100 --learning-rate 0.5
  [ "$(grep -c '^Cost after iteration' "$OUT")" -eq 3 ] || fail "expected 3 cost lines"
  out_has '^Accuracy: [0-9]*%$'
  expect 3 "$DLC" run week3.planar --no-plots
  err_lines 1
  err_has '^not implemented yet: week3.nn_model — write it in week3/shallow_network.cpp, or run'
}

case_week3_no_plots() {
  mkdir "$TMP/work" || fail "cannot make $TMP/work"
  expect 0 in_dir "$TMP/work" "$DLC" run week3.planar --solution --no-plots --iterations 1000
  out_lacks '^Picture'
  [ -z "$(ls -A "$TMP/work")" ] || fail "--no-plots wrote: $(ls -A "$TMP/work")"
  # Without --no-plots the pictures go to dlc-plots in the current folder.
  expect 0 in_dir "$TMP/work" "$DLC" run week3.logreg --solution
  out_line 'Picture saved: dlc-plots/planar_boundary_logreg.png (logistic regression'"'"'s decision boundary)'
  png_ok "$TMP/work/dlc-plots/planar_boundary_logreg.png"
  # --no-plots needs no gnuplot at all.
  expect 0 env PATH= "$DLC" run week3.planar --solution --no-plots --iterations 10
  out_line 'Cost after iteration 0: 0.693162'
}

case_week3_sweep() {
  start=$(date +%s.%N)
  expect 0 "$DLC" run week3.sweep --solution --plots "$TMP/plots"
  end=$(date +%s.%N)
  echo "wall time: $(echo "$start $end" | awk '{ printf "%.2f s", $2 - $1 }')"
  # from the course's notebook: "Accuracy for {} hidden units: {} %"
  out_line 'Accuracy for 1 hidden units: 67.5 %'
  out_line 'Accuracy for 2 hidden units: 67.25 %'
  out_line 'Accuracy for 3 hidden units: 90.75 %'
  out_line 'Accuracy for 4 hidden units: 90.5 %'
  out_line 'Accuracy for 5 hidden units: 91.25 %'
  out_line 'Accuracy for 20 hidden units: 91.0 %'
  out_line 'Accuracy for 50 hidden units: 90.25 %'
  err_lines 0
  png_ok "$TMP/plots/planar_sweep.png"
  png_ok "$TMP/plots/planar_sweep_cost.png"
  out_line "Picture saved: $TMP/plots/planar_sweep.png (a decision boundary for each hidden-layer size)"
}

case_week3_logreg() {
  expect 0 "$DLC" run week3.logreg --solution --plots "$TMP/plots"
  # from the course's notebook (there with scikit-learn's LogisticRegressionCV)
  out_line 'Accuracy of logistic regression: 47 % (percentage of correctly labelled datapoints)'
  err_lines 0
  png_ok "$TMP/plots/planar_boundary_logreg.png"
  expect 3 "$DLC" run week3.logreg --no-plots
  err_has '^not implemented yet: week2\.'
}

case_week3_bad_input() {
  usage_error '--hidden must be at least 1, not 0' "$DLC" run week3.planar --hidden 0
  usage_error '--hidden must be at most 1000, not 1001' "$DLC" run week3.planar --hidden 1001
  usage_error '--hidden: "four" is not a whole number' "$DLC" run week3.planar --hidden four
  usage_error '--learning-rate must be a positive number, not -1' \
    "$DLC" run week3.planar --learning-rate -1
  usage_error '--learning-rate: "abc" is not a number' "$DLC" run week3.planar --learning-rate abc
  usage_error '--learning-rate must be a positive number, not 0' \
    "$DLC" run week3.sweep --learning-rate 0
  usage_error '--iterations must be 0 or more, not -5' "$DLC" run week3.logreg --iterations -5
  usage_error 'unknown option --frobnicate for week3.planar' "$DLC" run week3.planar --frobnicate
  usage_error 'unknown option --hidden for week3.sweep' "$DLC" run week3.sweep --hidden 3
  usage_error '--sizes: "1,0" has the size 0; each size must be from 1 to 1000' \
    "$DLC" run week3.sweep --sizes 1,0
  usage_error '--sizes: "1,,2" is not a list of hidden-layer sizes such as 1,2,3,4,5,20,50' \
    "$DLC" run week3.sweep --sizes 1,,2
  usage_error '--sizes needs a non-empty value' "$DLC" run week3.sweep --sizes ''
  usage_error '--sizes: "1,2,3,4,5,6,7,8,9,10,11,12,13" has 13 sizes; at most 12' \
    "$DLC" run week3.sweep --sizes 1,2,3,4,5,6,7,8,9,10,11,12,13
  usage_error '--plots and --no-plots cannot go together' \
    "$DLC" run week3.planar --plots "$TMP/p" --no-plots
  usage_error '--plots needs a value (DIR)' "$DLC" run week3.planar --plots
  for flavour in student solution; do
    usage_error '--hidden must be at least 1, not 0' "$BIN/dlc-lessons-$flavour" week3.planar \
      --hidden 0
  done
  # Run-time errors: one line, exit code 1, before any training when the pictures cannot be made.
  expect 1 env PATH= "$DLC" run week3.planar --solution --plots "$TMP/p"
  err_lines 1
  out_lines 0
  err_has "^dlc: gnuplot not found; install Debian's gnuplot-nox (or run with --no-plots)\$"
  : >"$TMP/file"
  expect 1 "$DLC" run week3.sweep --solution --plots "$TMP/file/pictures"
  err_lines 1
  out_lines 0
  err_has "^dlc: cannot make the folder for the pictures $TMP/file/pictures: "
  expect 1 "$DLC" run week3.planar --solution --no-plots --learning-rate 1e6
  err_lines 1
  err_has '^dlc: training diverged: the cost is nan at iteration 1 (learning rate 1000000.0)'
  out_lacks '^Accuracy'
}

case_week1_neuron() {
  expect 0 "$DLC" run week1.neuron --solution --plots "$TMP/plots"
  # week1/neuron.hpp's expected output: the cost from 46848.99 down to the least-squares line's.
  out_line 'Cost after iteration 0: 46848.992083'
  out_line 'Cost after iteration 200: 17.968103'
  out_line 'Cost after the last iteration: 17.450438'
  [ "$(grep -c '^Cost after iteration' "$OUT")" -eq 10 ] || fail "expected 10 cost lines"
  out_has '^Fitted: w = 140\.249, b = -26\.238 '
  out_has '^ *850 *90 *93\.0$'
  out_has '^ *2600 *340 *338\.4$'
  out_line 'A 2000 square-foot house would sell for about 254.3 thousand dollars.'
  out_lacks 'dead'
  err_lines 0
  out_line "Picture saved: $TMP/plots/week1_neuron.png (the six houses and the fitted ReLU line)"
  png_ok "$TMP/plots/week1_neuron.png"
  [ "$(ls "$TMP/plots" | wc -l)" -eq 1 ] || fail "expected exactly one file in $TMP/plots"
  # A learning rate far too large kills the neuron: every prediction 0, and the program says so.
  expect 0 "$DLC" run week1.neuron --solution --no-plots --learning-rate 1 --iterations 50 \
    --print-every 10
  out_line 'Cost after iteration 10: 47600.000000'
  out_has '^Every prediction is 0: the neuron is dead'
  out_lacks '^Picture'
  # The default folder, and the student's stub.
  mkdir "$TMP/work" || fail "cannot make $TMP/work"
  expect 0 in_dir "$TMP/work" "$DLC" run week1.neuron --solution --iterations 100
  png_ok "$TMP/work/dlc-plots/week1_neuron.png"
  expect 3 "$DLC" run week1.neuron --no-plots
  err_lines 1
  err_has '^not implemented yet: week1.neuron_step — write it in week1/neuron.cpp, or run with'
}

case_week1_housing() {
  expect 0 "$DLC" run week1.housing --solution
  out_line '  family size    = ReLU(size + 0.5 bedrooms - 1)'
  out_line '  walkability    = ReLU(4 zip code - 1)'
  out_line '  school quality = ReLU(2 zip code + 3 wealth - 1)'
  out_line '  price          = ReLU(60 family size + 30 walkability + 40 school quality + 50)'
  # One house per column, as X; week1/neuron.hpp's house is house 4 (2.5, 1, 3.6 and 374) and
  # the test's second one house 2 (0.4, 0, 0 and 74), both worked out there by hand.
  out_line '                    house 1  house 2  house 3  house 4  house 5'
  out_line '  size                 0.85      0.9      1.4        2      2.6'
  out_line '  wealth                0.4      0.2      0.8      1.2        2'
  out_line '  family size          0.35     0.40     1.40     2.50     3.60'
  out_line '  walkability          0.00     0.00     1.40     1.00     0.00'
  out_line '  school quality       0.60     0.00     2.60     3.60     5.20'
  out_line '  price ($1000s)       95.0     74.0    280.0    374.0    474.0'
  err_lines 0
  expect 0 "$DLC" run week1.housing --solution --house 1.2,2,0.9,0.5
  out_line '                    house 1  house 2  house 3  house 4  house 5    yours'
  out_line '  school quality       0.60     0.00     2.60     3.60     5.20     2.30'
  out_line '  price ($1000s)       95.0     74.0    280.0    374.0    474.0    292.0'
  usage_error '--house: "1,2,3" has 3 numbers; give 4' "$DLC" run week1.housing --house 1,2,3
  usage_error '--house: "2,3,1.5,1" has a zip-code centrality outside 0 to 1' \
    "$DLC" run week1.housing --house 2,3,1.5,1
  usage_error '--house: "2,3,x,1" is not a list of numbers' "$DLC" run week1.housing --house 2,3,x,1
  # The stub: the formulas (given code) print, then the exercise says it is missing.
  expect 3 "$DLC" run week1.housing
  out_has '^  family size    = ReLU'
  err_lines 1
  err_has '^not implemented yet: week1.housing_forward — write it in week1/neuron.cpp'
}

case_week3_representation() {
  expect 0 "$DLC" run week3.representation --solution
  # week3/representation.hpp's expected output
  out_line '  z1 = W1 x + b1   = (-0.5, 0, 0)^T'
  out_line '  a1 = tanh(z1)    = (-0.462117, 0, 0)^T'
  out_line '  z2 = W2 a1 + b2  = -0.962117'
  out_line '  a2 = sigmoid(z2) = 0.276455  (y_hat)'
  out_line 'forward_vectorized on the same x, as a (2, 1) matrix X: A2 = 0.276455'
  out_has '^m = 10000 random examples, n_x = 2, n_h = 4, n_y = 1'
  out_has '^  a loop over the examples, forward_one_example on each column: *[0-9.e-]* ms$'
  out_has '^  forward_vectorized, all the columns at once: *[0-9.e-]* ms$'
  # The two agree up to rounding: a difference of 0 or of the order of 1e-15.
  out_has '^  Largest difference between the two, over Z1, A1, Z2 and A2: \(0\|[0-9.]*e-1[4-7]\)$'
  err_lines 0
  expect 0 "$DLC" run week3.representation --solution --examples 7 --hidden 3 --repeats 1 --seed 9
  out_has '^m = 7 random examples, n_x = 2, n_h = 3, n_y = 1'
  usage_error '--examples must be at least 1, not 0' "$DLC" run week3.representation --examples 0
  usage_error '--examples 100000 with --hidden 41 makes Z1 and A1 of 4100000 numbers each' \
    "$DLC" run week3.representation --examples 100000 --hidden 41
  usage_error '--hidden must be at most 1000, not 1001' \
    "$DLC" run week3.representation --hidden 1001
  expect 3 "$DLC" run week3.representation
  err_has '^not implemented yet: week3.forward_one_example — write it in week3/representation.cpp'
}

case_week3_activations() {
  expect 0 "$DLC" run week3.activations --solution --plots "$TMP/plots"
  # week3/activations.hpp's expected output, and the left slopes at exactly 0.
  out_has '^ *z = -4 *z = -2 *z = 0 *z = 2 *z = 4$'
  out_has '^sigmoid(z) *0\.017986 *0\.119203 *0\.5 *0\.880797 *0\.982014$'
  out_has "^sigmoid'(z) *0\.017663 *0\.104994 *0\.25 *0\.104994 *0\.017663\$"
  out_has '^tanh(z) *-0\.999329 *-0\.964028 *0 *0\.964028 *0\.999329$'
  out_has "^tanh'(z) *0\.001341 *0\.070651 *1 *0\.070651 *0\.001341\$"
  out_has '^ReLU(z) *0 *0 *0 *2 *4$'
  out_has "^ReLU'(z) *0 *0 *0 *1 *1\$"
  out_has '^leaky ReLU(z) *-0\.04 *-0\.02 *0 *2 *4$'
  out_has "^leaky ReLU'(z) *0\.01 *0\.01 *0\.01 *1 *1\$"
  out_has "This code takes the left slope: ReLU'(0) = 0,"
  out_has "relu_backward does, and leaky ReLU'(0) = 0\.01\.\$"
  err_lines 0
  out_line "Picture saved: $TMP/plots/activations.png (the four activations and their derivatives)"
  png_ok "$TMP/plots/activations.png"
  expect 0 "$DLC" run week3.activations --solution --no-plots --z=-0.5,1e-3
  out_has '^ *z = -0\.5 *z = 0\.001$'
  out_lacks '^Picture'
  usage_error '--z: "1,2,3,4,5,6,7,8,9,10" has 10 numbers; give 1 to 9' \
    "$DLC" run week3.activations --z 1,2,3,4,5,6,7,8,9,10
  usage_error '--z: "1,abc" is not a list of numbers' "$DLC" run week3.activations --z 1,abc
  usage_error '--plots and --no-plots cannot go together' \
    "$DLC" run week3.activations --plots "$TMP/p" --no-plots
  expect 3 "$DLC" run week3.activations --no-plots
  err_lines 1
  err_has '^not implemented yet: week3.sigmoid — write it in week3/activations.cpp'
}

case_week3_linear() {
  expect 0 "$DLC" run week3.linear --solution
  out_has '^W1 = \[\[ 1\.62434536 -0\.61175641 -0\.52817175\]$'
  out_line "W' = W2 W1 = [[0.59014977 0.16578404 0.92428332]]"
  out_line "b' = W2 b1 + b2 = [[-1.30105272]]"
  # Identity activations: rounding only. tanh: a difference of order 1.
  out_has "^  largest difference between linear_network_forward(X) and W' X + b': \(0\|[0-9.]*e-1[4-7]\)\$"
  out_has '^  largest gap of the test f(u) + f(v) = f(u + v) + f(0): \(0\|[0-9.]*e-1[4-7]\)$'
  out_line '    (rounding: it passes, as every linear layer does)'
  out_has "^  largest difference between the network and W' X + b': [1-9]"
  out_has '^  largest gap of the test f(u) + f(v) = f(u + v) + f(0): [0-9]\.'
  out_line '    (it fails: no linear layer at all computes this network)'
  err_lines 0
  expect 0 "$DLC" run week3.linear --solution --features 2 --hidden 5 --outputs 3 --examples 10
  out_has "^W' = W2 W1 = \[\[.*\]\$"
  [ "$(grep -c '^ *\[.*\]\]*$' "$OUT")" -ge 3 ] || fail "expected a W' of 3 rows"
  usage_error '--features must be at most 20, not 21' "$DLC" run week3.linear --features 21
  usage_error 'unknown option --plots for week3.linear' "$DLC" run week3.linear --plots x
  expect 3 "$DLC" run week3.linear
  out_has '^b2 = '
  err_has '^not implemented yet: week3.collapse_linear_network — write it in'
}

case_week3_symmetry() {
  expect 0 "$DLC" run week3.symmetry --solution
  [ "$(grep -c '^  every hidden unit identical (equal rows of W1, equal entries of b1): yes$' \
    "$OUT")" -eq 2 ] || fail "expected the zero and the equal starts to stay identical"
  out_line '  every hidden unit identical (equal rows of W1, equal entries of b1): no'
  # From the notebook's initialization (RandomState(3)), 1000 iterations: planar's cost there.
  out_line '  cost 0.693162 -> 0.258625, accuracy 89.25 %'
  out_line '  cost 0.693147 -> 0.693147, accuracy 50 %'
  out_has '^  s = 0\.01: 0\.99[0-9]*  z near 0'
  out_has '^  s = 1: *0\.[1-8][0-9]* '
  out_has '^  s = 10: *0\.0[0-9]* *|z| large'
  err_lines 0
  expect 0 "$DLC" run week3.symmetry --solution --hidden 2 --iterations 10 --seed 5
  out_has '^The network of lecture 3.9 (2 inputs, 2 tanh hidden units'
  usage_error '--hidden must be at most 20, not 50' "$DLC" run week3.symmetry --hidden 50
  expect 1 "$DLC" run week3.symmetry --solution --learning-rate 1e9 --iterations 5
  err_lines 1
  err_has '^dlc: training diverged'
  # The stub: zero and equal starts use given code only; initialize_random is the exercise.
  expect 3 "$DLC" run week3.symmetry
  out_has '^2\. Equal non-zero weights'
  out_lacks '^3\.'
  err_has '^not implemented yet: week3.initialize_random — write it in week3/initialization.cpp'
}

case_week4_learning_rates() {
  need_fashion
  start=$(date +%s.%N)
  expect 0 "$DLC" run week4.learning_rates --solution $FASHION_ARGS --plots "$TMP/plots"
  end=$(date +%s.%N)
  echo "wall time: $(echo "$start $end" | awk '{ printf "%.2f s", $2 - $1 }')"
  out_line 'Data: Fashion-MNIST Sneaker (class 7, y = 0) vs Ankle boot (class 9, y = 1), 500 training images of 28x28x1 (n_x = 784)'
  out_has '^Network: layers 784-20-7-5-1, 300 iterations for each learning rate, seed 1'
  out_has '^Cost after iteration 0 (before the first step, the same for every rate): 0\.[0-9]*$'
  [ "$(grep -c '^alpha = ' "$OUT")" -eq 6 ] || fail "expected one line per learning rate"
  # Too small: hardly moves from the first cost; a good rate: far lower; too large: diverges.
  first=$(sed -n 's/^Cost after iteration 0 .*: //p' "$OUT")
  tiny=$(sed -n 's/^alpha = 0\.001: final cost \([0-9.]*\) after 300 iterations$/\1/p' "$OUT")
  good=$(sed -n 's/^alpha = 0\.1: final cost \([0-9.]*\) after 300 iterations$/\1/p' "$OUT")
  [ -n "$tiny" ] && [ -n "$good" ] || fail "no final cost for alpha = 0.001 or 0.1"
  awk -v f="$first" -v t="$tiny" -v g="$good" \
    'BEGIN { exit !(f - t > 0 && f - t < 0.05 && g < 0.5 * t) }' ||
    fail "expected a slow alpha = 0.001 ($first -> $tiny) and a fast alpha = 0.1 ($good)"
  out_has '^alpha = 10: diverged at iteration [1-9][0-9]* (largest cost before: [0-9.]*)$'
  err_lines 0
  png_ok "$TMP/plots/learning_rates.png"
  out_line "Picture saved: $TMP/plots/learning_rates.png (the cost curves of every learning rate)"
  # Other rates and layers, on fewer images.
  expect 0 "$DLC" run week4.learning_rates --solution $FASHION_ARGS --train-size 100 \
    --rates 0.05,1000 --hidden 3 --iterations 20 --no-plots
  out_has '^Network: layers 784-3-1, 20 iterations for each learning rate, seed 1'
  out_has '^alpha = 0\.05: final cost 0\.[0-9]* after 20 iterations$'
  out_has '^alpha = 1000: diverged at iteration [0-9]'
  out_lacks '^Picture saved'
  if have_cat; then
    expect 0 "$DLC" run week4.learning_rates --solution --data-dir "$CAT_DIR" --rates 0.0075 \
      --iterations 5 --no-plots
    out_line 'Data: cat vs non-cat, 209 training images of 64x64x3 (n_x = 12288)'
    out_has '^alpha = 0\.0075: final cost 0\.[0-9]* after 5 iterations$'
  fi
  usage_error '--rates: "0.1,-1" has -1; every learning rate must be a positive number' \
    "$DLC" run week4.learning_rates --rates 0.1,-1
  usage_error '--rates: "0.1,x" is not a list of numbers' "$DLC" run week4.learning_rates --rates 0.1,x
  usage_error '--hidden: "20,0" has 0; each size must be a whole number from 1 to 1000' \
    "$DLC" run week4.learning_rates --hidden 20,0
  usage_error '--hidden: "2.5" has 2.5; each size must be a whole number' \
    "$DLC" run week4.learning_rates --hidden 2.5
  usage_error '--iterations must be at least 1, not 0' "$DLC" run week4.learning_rates --iterations 0
  usage_error '--plots and --no-plots cannot go together' \
    "$DLC" run week4.learning_rates --plots d --no-plots
  # The stubs: the sweep is the first unwritten exercise it reaches.
  expect 3 "$DLC" run week4.learning_rates $FASHION_ARGS --train-size 50 --iterations 2 --no-plots
  out_has '^Network: layers 784-20-7-5-1'
  err_lines 1
  err_has '^not implemented yet: week4.learning_rate_sweep — write it in week4/hyperparameters.cpp'
}

case_week1_scale() {
  need_fashion
  start=$(date +%s.%N)
  expect 0 "$DLC" run week1.scale --solution $FASHION_ARGS --plots "$TMP/plots"
  end=$(date +%s.%N)
  echo "wall time: $(echo "$start $end" | awk '{ printf "%.2f s", $2 - $1 }')"
  out_has '^Data: Fashion-MNIST Shirt (class 6, y = 0) vs T-shirt/top (class 0, y = 1): the first m of a balanced, seeded shuffle of 12000 training images; 2000 test images (n_x = 784)$'
  out_has '^ *m *logistic regression *small network *medium network *large network$'
  for m in 16 64 256 1024 3000; do
    out_has "^ *$m\\( *0\\.[0-9][0-9][0-9][0-9]\\)\\{4\\}   ([0-9.]* s)\$"
  done
  out_has '^logistic regression (784-1): test accuracy 0\.[0-9]* at m = 16, 0\.[0-9]* at m = 3000'
  out_has '^large network (784-64-16-1): test accuracy 0\.[0-9]* at m = 16, 0\.[0-9]* at m = 3000'
  # More data helps every model here: each ends above where it started.
  awk -F'test accuracy ' '/: test accuracy/ { split($2, a, " ");
      if (!(a[6] + 0 > a[1] + 0)) bad = 1; n++ }
    END { exit (n != 4 || bad) }' "$OUT" || fail "expected four curves that rise with m"
  err_lines 0
  png_ok "$TMP/plots/scale.png"
  out_line "Picture saved: $TMP/plots/scale.png (test accuracy against m, one curve per model)"
  # Other sizes and classes, quickly.
  expect 0 "$DLC" run week1.scale --solution $FASHION_ARGS --classes 2,4 --sizes 10,40 \
    --iterations 20 --test-size 200 --no-plots
  out_has '^Data: Fashion-MNIST Pullover (class 2, y = 0) vs Coat (class 4, y = 1)'
  out_has '^ *40\( *0\.[0-9][0-9][0-9][0-9]\)\{4\}   '
  out_lacks '^Picture saved'
  usage_error '--sizes: "1,40" has 1; each size must be a whole number from 2 to 12000' \
    "$DLC" run week1.scale --sizes 1,40
  usage_error '--sizes: "20000" has 20000; each size must be a whole number from 2 to 12000' \
    "$DLC" run week1.scale --sizes 20000
  usage_error '--classes: "3,3" names the same class twice' "$DLC" run week1.scale --classes 3,3
  usage_error '--learning-rate must be a positive number, not 0' \
    "$DLC" run week1.scale --learning-rate 0
  usage_error 'unknown option --data-dir for week1.scale' "$DLC" run week1.scale --data-dir d
  # The stubs: learning_curve is the first unwritten exercise it reaches.
  expect 3 "$DLC" run week1.scale $FASHION_ARGS --sizes 10 --iterations 2 --no-plots
  out_has '^Test accuracy:'
  err_lines 1
  err_has '^not implemented yet: week1.learning_curve — write it in week1/scale.cpp'
}

# ---- week 4: the deep network and the cat notebook ----

case_week4_shapes() {
  expect 0 "$DLC" run week4.shapes --solution
  out_line 'layer_dims = [12288, 20, 7, 5, 1] (L = 4), m = 209'
  out_has '^0   -  *-  *-  *(12288, 209)$'
  out_has '^1   (20, 12288)  *(20, 1)  *(20, 209)  *(20, 209)$'
  out_has '^4   (1, 5)  *(1, 1)  *(1, 209)  *(1, 209)$'
  expect 0 "$DLC" run week4.shapes --solution --layers 2,3,1 --examples 5
  out_has '^1   (3, 2)  *(3, 1)  *(3, 5)  *(3, 5)$'
  out_has '^2   (1, 3)  *(1, 1)  *(1, 5)  *(1, 5)$'
  usage_error '--layers: "3,0" has the size 0; each size must be from 1' \
    "$DLC" run week4.shapes --layers 3,0
  usage_error '--layers: "5,-3,1" has the size -3' "$DLC" run week4.shapes --layers 5,-3,1
  usage_error '--layers: "5" has 1 size; it needs at least 2' "$DLC" run week4.shapes --layers 5
  usage_error '--layers: "5,x" is not a list of layer sizes' "$DLC" run week4.shapes --layers 5,x
  # The stubs: layer_shapes is not written yet.
  expect 3 "$DLC" run week4.shapes
  err_has '^not implemented yet: week4.layer_shapes — write it in week4/dimensions.cpp'
}

# check_costs FILE: each "i c" line of FILE must be printed as "Cost after iteration i: ..." with
# the same six decimals (the last digits of the 16 may differ with the BLAS).
check_costs() {
  while read -r i c; do
    printed=$(sed -n "s/^Cost after iteration $i: //p" "$OUT")
    [ -n "$printed" ] || fail "no cost printed for iteration $i"
    [ "$(printf '%.6f' "$printed")" = "$(printf '%.6f' "$c")" ] ||
      fail "iteration $i: printed $printed, the notebook $c"
  done <"$1"
}

case_week4_cat_deep() {
  need_cat
  expect 0 "$DLC" run week4.deep --solution --data-dir "$CAT_DIR" --no-plots
  # from the course's notebook (Deep Neural Network - Application, L_layer_model)
  out_line 'Data: cat vs non-cat, 209 training and 50 test images of 64x64x3 (n_x = 12288)'
  out_line 'layers_dims = [12288, 20, 7, 5, 1]; learning rate 0.0075, 2500 iterations, seed 1'
  cat >"$TMP/costs" <<'COSTS'
0 0.7717493284237686
100 0.6720534400822914
200 0.6482632048575212
1000 0.3151869888600615
2000 0.1138206066863371
2400 0.09287821526472395
2499 0.088439943441702
COSTS
  check_costs "$TMP/costs"
  [ "$(grep -c '^Cost after iteration' "$OUT")" -eq 26 ] || fail "expected 26 cost lines"
  [ "$(grep -x -c 'Accuracy: 0.9856459330143539' "$OUT")" -eq 1 ] || fail "train accuracy"
  [ "$(grep -x -c 'Accuracy: 0.8' "$OUT")" -eq 1 ] || fail "test accuracy"
  out_has '^L_layer_model: 2500 iterations in [0-9.]* s'
}

case_week4_cat_two_layer() {
  need_cat
  expect 0 "$DLC" run week4.two_layer --solution --data-dir "$CAT_DIR" --no-plots
  # from the course's notebook (Deep Neural Network - Application, two_layer_model)
  out_line 'layers_dims = [12288, 7, 1]; learning rate 0.0075, 2500 iterations, seed 1'
  cat >"$TMP/costs" <<'COSTS'
0 0.6930497356599888
100 0.6464320953428849
1000 0.3394281538366412
2000 0.07439078704319081
2499 0.04421498215868956
COSTS
  check_costs "$TMP/costs"
  [ "$(grep -x -c 'Accuracy: 0.9999999999999998' "$OUT")" -eq 1 ] || fail "train accuracy"
  [ "$(grep -x -c 'Accuracy: 0.72' "$OUT")" -eq 1 ] || fail "test accuracy"
}

case_week4_fashion() {
  need_fashion
  # shellcheck disable=SC2086
  expect 0 "$DLC" run week4.deep --solution $FASHION_ARGS --iterations 301 --plots "$TMP/plots"
  out_line "Data: Fashion-MNIST Sneaker (class 7, y = 0) vs Ankle boot (class 9, y = 1), \
2000 training and 2000 test images of 28x28x1 (n_x = 784)"
  out_line 'layers_dims = [784, 20, 7, 5, 1]; learning rate 0.0075, 301 iterations, seed 1'
  costs_decrease 4
  out_has '^Cost after iteration 300: '
  [ -s "$TMP/plots/deep_cost.png" ] || fail "no deep_cost.png"
  # Sneakers and ankle boots: far better than chance after 300 steps.
  awk '/^Accuracy: / { if ($2 + 0 < 0.8) bad = 1; n++ } END { exit (n != 2 || bad) }' "$OUT" ||
    fail "an accuracy is below 0.8"
  # shellcheck disable=SC2086
  expect 0 "$DLC" run week4.two_layer --solution $FASHION_ARGS --classes 0,1 --iterations 100 \
    --train-size 500 --test-size 200 --no-plots
  out_line 'layers_dims = [784, 7, 1]; learning rate 0.0075, 100 iterations, seed 1'
  costs_decrease 2
}

case_week4_bad_input() {
  need_fashion
  # Layers that do not start with the data's 784 features.
  # shellcheck disable=SC2086
  expect 1 "$DLC" run week4.deep --solution $FASHION_ARGS --layers 12288,20,1 --no-plots
  err_lines 1
  err_has '^dlc: .*layer_dims\[0\] is 12288 but X has 784 rows (features)'
  # Two outputs for a yes/no question.
  # shellcheck disable=SC2086
  expect 1 "$DLC" run week4.deep --solution $FASHION_ARGS --layers 784,20,2 --no-plots
  err_has '^dlc: .*the last layer size is 2 but the output is one sigmoid unit'
  usage_error 'the two-layer model takes three sizes' \
    "$DLC" run week4.two_layer --layers 784,7,3,1
  # Divergence stops the run, naming the iteration and the learning rate.
  # shellcheck disable=SC2086
  expect 1 "$DLC" run week4.deep --solution $FASHION_ARGS --learning-rate 50 --iterations 100 \
    --train-size 500 --no-plots
  err_has '^dlc: training diverged: the cost is nan at iteration [0-9]* (learning rate 50.0)'
  # An image file whose size does not match its header: two 28x28 images announced, 10 bytes.
  mkdir "$TMP/short" || fail "cannot make a folder in $TMP"
  printf '\000\000\010\003\000\000\000\002\000\000\000\034\000\000\000\0340123456789' \
    >"$TMP/short/train-images-idx3-ubyte"
  printf '\000\000\010\001\000\000\000\002\007\011' >"$TMP/short/train-labels-idx1-ubyte"
  cp "$TMP/short/train-images-idx3-ubyte" "$TMP/short/t10k-images-idx3-ubyte"
  cp "$TMP/short/train-labels-idx1-ubyte" "$TMP/short/t10k-labels-idx1-ubyte"
  expect 1 "$DLC" run week4.deep --solution --fashion-dir "$TMP/short" --no-plots
  err_lines 1
  err_has '^dlc: .*train-images-idx3-ubyte'
  # The stubs: the first unwritten exercise the model reaches.
  # shellcheck disable=SC2086
  expect 3 "$DLC" run week4.deep $FASHION_ARGS --iterations 5 --no-plots
  err_has '^not implemented yet: week4\.'
}

case_week4_parity() {
  expect 0 "$DLC" run week4.parity --solution
  # The sizes: the deep tree against 2^(n-1) pattern units (n, layers, units, parameters).
  out_line '   8               3     14         121               128            1281'
  out_line '  16               4     30         457             32768          589825'
  out_line '  Y = [0 1 1 0 1 0 0 1]'
  # Each built network right on all 2^n inputs, n = 1..10, with the cost log(1 + e^-10).
  [ "$(grep -c '^ *[0-9]*   \([0-9]*\)/\1, cost 4.54e-05 *\1/\1, cost 4.54e-05 *\1/\1, cost 4.54e-05$' \
    "$OUT")" -eq 10 ] || fail "expected the three built networks exact for n = 1..10"
  out_line '  10   1024/1024, cost 4.54e-05    1024/1024, cost 4.54e-05    1024/1024, cost 4.54e-05'
  # Training: three shapes, five runs each; 2^(n-1) units fit the 64 inputs in most runs.
  out_has "^  deep, the tree's shape  *{6, 6, 3, 2, 1}  *11 units  *74 parameters$"
  out_has '^  one hidden layer, as many units  *{6, 11, 1}  *11 units  *89 parameters$'
  out_has '^  one hidden layer, 2^(n-1) units  *{6, 32, 1}  *32 units  *257 parameters$'
  [ "$(grep -c '^    mean [0-9.]* %, all 64 right in [0-5] of 5 runs$' "$OUT")" -eq 3 ] ||
    fail "expected three summaries of five runs"
  out_has '^    mean 9[0-9.]* %, all 64 right in [3-5] of 5 runs$'
  out_has '^With 11 units, the deep shape.s mean is '
  err_lines 0
  # Smaller runs, the table's end and the bounds of the options.
  expect 0 "$DLC" run week4.parity --solution --bits 3 --train-bits 3 --iterations 10 --seeds 1 \
    --seed 7
  out_line '   3               2      5          23                 4              21'
  out_lacks '^   4  '
  out_has 'from the random starts of RandomState(7)$'
  usage_error '--bits must be at most 31, not 32' "$DLC" run week4.parity --bits 32
  usage_error '--train-bits must be at most 10, not 11' "$DLC" run week4.parity --train-bits 11
  usage_error '--seeds' "$DLC" run week4.parity --seeds 0
  # The stub: the sizes table is given code; parity_data is the first exercise.
  expect 3 "$DLC" run week4.parity
  out_line '  16               4     30         457             32768          589825'
  out_lacks '^parity_data(3)'
  err_lines 1
  err_has '^not implemented yet: week4.parity_data — write it in week4/why_deep.cpp'
}

case_course2_initialization() {
  # The notebook's three runs (costs to six decimals, accuracies exactly).
  expect 0 "$DLC" run course2.initialization --solution
  out_has '^Cost after iteration 0: 0\.883053[0-9]*$'
  out_has '^Cost after iteration 14000: 0\.073578[0-9]*$'
  out_line 'On the train set:'
  out_line 'Accuracy: 0.9933333333333333'
  out_line 'Accuracy: 0.96'
  out_lines 20
  err_lines 0
  expect 0 "$DLC" run course2.initialization --solution --init zeros
  [ "$(grep -c '^Cost after iteration [0-9]*: 0\.693147[0-9]*$' "$OUT")" -eq 15 ] ||
    fail "expected the cost log 2 at each of the 15 prints"
  [ "$(grep -c -x 'Accuracy: 0.5' "$OUT")" -eq 2 ] || fail "expected 0.5 on both sets"
  expect 0 "$DLC" run course2.initialization --solution --init random
  out_line 'Cost after iteration 0: inf'
  out_line 'Accuracy: 0.83'
  out_line 'Accuracy: 0.86'
  expect 0 "$DLC" run course2.initialization --solution --init all --iterations 1000
  out_line 'initialization = "random"'
  [ "$(grep -c '^Accuracy: ' "$OUT")" -eq 6 ] || fail "expected two accuracies of each start"
  usage_error '--init' "$DLC" run course2.initialization --init xavier
  usage_error '--learning-rate' "$DLC" run course2.initialization --learning-rate 0
  # A learning rate that overflows the weights stops at the iteration whose output is NaN.
  expect 1 "$DLC" run course2.initialization --solution --learning-rate 1e200
  err_has 'at iteration 2'
  # The stubs: the chosen initialization is not written yet.
  expect 3 "$DLC" run course2.initialization
  err_has '^not implemented yet: course2.initialize_parameters_he — write it in course2/initialization.cpp'
}

case_course2_exploding() {
  expect 0 "$DLC" run course2.exploding --solution
  out_has '^   20 *3250\.65 *3250\.65 *9\.32276e-07 *9\.32276e-07$'
  out_has '^    1 *1\.46634 *7\.20615e+06 *0\.488781 *1\.77818e-12$'
  out_line 'w = 1.5: A[L] is 1.5^20 = 3325.256730079651 times the input'"'"'s scale; w = 0.5: 0.5^20 = 9.5367431640625e-07 times.'
  expect 0 "$DLC" run course2.exploding --depth 3 --width 2
  out_has '^    3 '
  out_lacks '^    4 '
  usage_error '--depth must be at most 200' "$DLC" run course2.exploding --depth 201
}

case_course2_normalizing_inputs() {
  start=$(date +%s.%N)
  expect 0 "$DLC" run course2.normalizing_inputs --solution --plots "$TMP/plots"
  end=$(date +%s.%N)
  echo "wall time: $(echo "$start $end" | awk '{ printf "%.2f s", $2 - $1 }')"
  # mu and sigma from the training set: x1 about centered, x2 = 100 x2 + 300 about 300.
  out_has '^On the training set (300 examples): mu = 0\.00029173670681180[0-9]*, 300\.00521985931[0-9]*; sigma = 0\.6468132903662[0-9]*, 64\.193579976629[0-9]*\.$'
  # Raw inputs never train (the units facing x2 > 0 with a negative weight never fire);
  # normalized, the same network from the same start reaches the target.
  [ "$(grep -c '^  [0-9.e-]*  *not in 10000 (0\.6931, 1[0-9] dead)  ' "$OUT")" -eq 5 ] ||
    fail "expected every raw run stuck at log 2"
  out_line '  0.01            not in 10000 (0.6931, 13 dead)    6986'
  out_line '  0.1             not in 10000 (0.6931, 14 dead)    697'
  out_line '  1               not in 10000 (0.6931, 14 dead)    410'
  out_has '^Normalized, learning rate 1: train accuracy 0\.8866666666666667, test accuracy 0\.9 '
  out_has 'raw more than 25 (alpha = 0\.0691), normalized 3 (alpha = 1\.3754)\.$'
  err_lines 0
  png_ok "$TMP/plots/normalizing_contours.png"
  out_line "Picture saved: $TMP/plots/normalizing_contours.png (the cost's contours, raw and normalized, with gradient descent on each)"
  # A milder stretch: the raw network learns too, only more slowly.
  expect 0 "$DLC" run course2.normalizing_inputs --solution --scale 10 --shift 0 --rates 0.1 \
    --no-plots
  out_has '^so that x1 lies in about \[-1, 1\] and x2 in about \[-10, 10\]\.$'
  out_line '  0.1             3626                              697'
  out_lacks '^Picture'
  usage_error '--rates: "0.1,-1" has -1; every learning rate must be a positive number' \
    "$DLC" run course2.normalizing_inputs --rates 0.1,-1
  usage_error '--scale must be a positive number, not 0' "$DLC" run course2.normalizing_inputs \
    --scale 0
  usage_error '--iterations must be at least 1, not 0' "$DLC" run course2.normalizing_inputs \
    --iterations 0
  usage_error '--plots and --no-plots cannot go together' \
    "$DLC" run course2.normalizing_inputs --plots d --no-plots
  # The stub: normalize_train_test is the first exercise it reaches.
  expect 3 "$DLC" run course2.normalizing_inputs --no-plots
  out_has '^Lecture C2 1\.9'
  out_lacks '^On the training set'
  err_lines 1
  err_has '^not implemented yet: course2.normalize_train_test — write it in course2/normalizing_inputs.cpp'
}

case_course2_gradient_checking() {
  expect 0 "$DLC" run course2.gradient_checking --solution
  # The lecture's theta^3, then the notebook's three differences (6 significant digits at least).
  out_has '^  (J(theta + eps) - J(theta - eps)) / 2 eps = 3\.0001  (error 0\.0001, like eps^2)$'
  out_has '^  (J(theta + eps) - J(theta)) / eps *= 3\.0301  (error 0\.0301, like eps)$'
  out_has '^Your backward propagation works perfectly fine! difference = 2\.91933[0-9]*e-10$'
  out_has '^There is a mistake in the backward propagation! difference = 0\.285093[0-9]*$'
  out_has '^Your backward propagation works perfectly fine! difference = 1\.18909[0-9]*e-07$'
  out_has "^  each parameter's own difference:  W1 [0-9.]*e-0[78]  b1 0\.6  W2 0\.333  b2 "
  [ "$(grep -c 'difference = ' "$OUT")" -eq 3 ] || fail "expected three checks"
  out_lacks "$(printf '\033')"
  err_lines 0
  # epsilon = 1e-12 drowns even theta x's slope in rounding.
  expect 0 "$DLC" run course2.gradient_checking --solution --x 3 --theta -1 --epsilon 1e-12
  out_has '^C2 1\.13, gradient checking in one dimension: J(theta) = theta x, x = 3, theta = -1, epsilon = 1e-12$'
  [ "$(grep -c '^There is a mistake in the backward propagation! difference = ' "$OUT")" -eq 3 ] ||
    fail "expected three failed checks at epsilon = 1e-12"
  usage_error '--epsilon must be a positive number, not 0' \
    "$DLC" run course2.gradient_checking --epsilon 0
  expect 3 "$DLC" run course2.gradient_checking
  out_has '^gradient_check(x, theta):$'
  out_lacks 'difference = '
  err_lines 1
  err_has '^not implemented yet: course2.gradient_check — write it in course2/gradient_checking.cpp'
}

case_course2_regularization() {
  need_reg2d
  # from the course's notebook (Regularization): its three runs, six decimals and exact accuracies
  expect 0 "$DLC" run course2.regularization --solution --data-dir "$REG2D_DIR" --plots "$TMP/plots"
  cat >"$TMP/costs" <<'COSTS'
0 0.6557412523481002
10000 0.16329987525724188
20000 0.13851642423250857
COSTS
  check_costs "$TMP/costs"
  out_line 'On the training set:'
  out_line 'Accuracy: 0.9478672985781991'
  out_line 'On the test set:'
  out_line 'Accuracy: 0.915'
  err_lines 0
  png_ok "$TMP/plots/regularization_none.png"
  out_line "Picture saved: $TMP/plots/regularization_none.png (the decision boundary on the training set)"
  expect 0 "$DLC" run course2.regularization --solution --lambd 0.7 --no-plots
  cat >"$TMP/costs" <<'COSTS'
0 0.6974484493131264
10000 0.2684918873282239
20000 0.26809163371273015
COSTS
  check_costs "$TMP/costs"
  out_line 'Accuracy: 0.9383886255924171'
  out_line 'Accuracy: 0.93'
  expect 0 "$DLC" run course2.regularization --solution --keep-prob 0.86 --no-plots
  cat >"$TMP/costs" <<'COSTS'
0 0.6543912405149825
10000 0.0610169865749056
20000 0.060582435798513114
COSTS
  check_costs "$TMP/costs"
  out_line 'Accuracy: 0.9289099526066351'
  out_line 'Accuracy: 0.95'
  # Bad options, missing and corrupt data, the stubs.
  usage_error '--lambd and --keep-prob cannot go together' \
    "$DLC" run course2.regularization --lambd 0.7 --keep-prob 0.86
  usage_error '--keep-prob must be at most 1' "$DLC" run course2.regularization --keep-prob 1.5
  usage_error '--keep-prob' "$DLC" run course2.regularization --keep-prob 0
  usage_error '--lambd' "$DLC" run course2.regularization --lambd -1
  expect 1 "$DLC" run course2.regularization --solution --data-dir "$TMP/none" --no-plots
  err_lines 1
  err_has "none/data.mat: no such file"
  mkdir -p "$TMP/cut"
  head -c 3000 "$REG2D_DIR/data.mat" >"$TMP/cut/data.mat"
  expect 1 "$DLC" run course2.regularization --solution --data-dir "$TMP/cut" --no-plots
  err_lines 1
  err_has "cut/data.mat: .*truncated"
  expect 3 "$DLC" run course2.regularization --lambd 0.7 --no-plots
  err_has '^not implemented yet: course2.compute_cost_with_regularization'
  expect 3 "$DLC" run course2.regularization --keep-prob 0.86 --no-plots
  err_has '^not implemented yet: course2.forward_propagation_with_dropout'
}

case_course2_early_stopping() {
  need_reg2d
  start=$(date +%s.%N)
  expect 0 "$DLC" run course2.early_stopping --solution --plots "$TMP/plots"
  end=$(date +%s.%N)
  echo "wall time: $(echo "$start $end" | awk '{ printf "%.2f s", $2 - $1 }')"
  out_has '^          0     0.655741   0.638741$'
  out_line 'The dev cost is lowest at iteration 3600: 0.269595 (train cost 0.179673)'
  out_line 'Stopped there:  train accuracy 0.9383886255924171, dev accuracy 0.935'
  out_line 'After 30000 iterations: train accuracy 0.9478672985781991, dev accuracy 0.915, dev cost 0.501115'
  png_ok "$TMP/plots/early_stopping.png"
  err_lines 0
  expect 0 "$DLC" run course2.early_stopping --solution --iterations 1000 --every 50 --no-plots
  out_has '^The dev cost is lowest at iteration [0-9]*: 0\.[0-9]* (train cost 0\.[0-9]*)$'
  usage_error '--every' "$DLC" run course2.early_stopping --every 0
}

case_course2_bias_variance() {
  need_reg2d
  start=$(date +%s.%N)
  expect 0 "$DLC" run course2.bias_variance --solution
  end=$(date +%s.%N)
  echo "wall time: $(echo "$start $end" | awk '{ printf "%.2f s", $2 - $1 }')"
  out_has '^  tiny network  *7\.6 %  *6\.5 %   high bias (underfitting)'
  out_has '^  L2, lambda = 0\.7  *6\.2 %  *7\.0 %   low bias, low variance'
  out_has '^  no regularization  *4\.3 %  *8\.5 %   high variance (overfitting)'
  err_lines 0
  expect 0 "$DLC" run course2.bias_variance --solution --base-error 0 --margin 0.01
  out_has '^  L2, lambda = 0\.7 .*high bias'
  usage_error '--margin' "$DLC" run course2.bias_variance --margin 0
}

case_course2_ewa() {
  expect 0 "$DLC" run course2.ewa --solution --plots "$TMP/plots"
  out_has '^Lectures C2 2\.3-2\.5: 200 days of temperatures (degrees F),$'
  # Day 1: v_1 = (1 - beta) theta_1 for each beta; corrected and from theta_1 it is theta_1.
  out_line '    1    43.70       4.37       0.87     21.85       43.70         43.70'
  out_line '    2    32.44       7.18       1.51     27.14       38.01         43.47'
  out_line '  200    80.20      76.91      67.36     78.95       68.56         68.13'
  out_line '  beta 0.9   about 10 days  (0.9^10 = 0.349; 1/e = 0.368)'
  out_line '  beta 0.98  about 50 days  (0.98^50 = 0.364; 1/e = 0.368)'
  out_line '  beta 0.5   about  2 days  (0.5^2 = 0.25; 1/e = 0.368)'
  err_lines 0
  png_ok "$TMP/plots/ewa_temperatures.png"
  png_ok "$TMP/plots/ewa_bias_correction.png"
  out_line "Picture saved: $TMP/plots/ewa_bias_correction.png (the start of beta = 0.98: from 0, corrected, and from the first value)"
  # A short series: the table stops at its last day.
  expect 0 "$DLC" run course2.ewa --solution --days 30 --rows 3 --seed 2 --no-plots
  out_has 'with z = RandomState(2)\.randn(1, 30)\.$'
  [ "$(awk 'NF == 7 && $1 ~ /^[0-9]+$/ { printf "%s ", $1 }' "$OUT")" = "1 2 3 25 30 " ] ||
    fail "expected the rows of days 1, 2, 3, 25 and 30"
  out_has '^   30 '
  out_lacks '^Picture'
  usage_error '--days must be at least 1, not 0' "$DLC" run course2.ewa --days 0
  usage_error '--rows' "$DLC" run course2.ewa --rows -1
  usage_error '--seed' "$DLC" run course2.ewa --seed -1
  # The stub: exponentially_weighted_average is the first exercise it reaches.
  expect 3 "$DLC" run course2.ewa --no-plots
  out_has '^Lectures C2 2\.3-2\.5'
  out_lacks '^  day'
  err_lines 1
  err_has '^not implemented yet: course2.exponentially_weighted_average — write it in course2/exponentially_weighted_averages.cpp'
}

case_course2_optimization() {
  # from the course's notebook (Optimization methods): its seven runs, six decimals and exact
  # accuracies, first and last cost of each
  opt_run() {
    expect 0 "$DLC" run course2.optimization --solution --no-plots "$@"
  }
  opt_run --optimizer gd
  out_line 'Cost after epoch 0: 0.702405'
  out_line 'Cost after epoch 4000: 0.573367'
  out_line 'Accuracy: 0.7166666666666667'
  out_has '^training: [0-9.]* s (5000 epochs)$'
  out_lines 7
  err_lines 0
  opt_run --optimizer momentum
  out_line 'Cost after epoch 0: 0.702413'
  out_line 'Cost after epoch 4000: 0.573444'
  out_line 'Accuracy: 0.7166666666666667'
  opt_run --optimizer adam
  out_line 'Cost after epoch 0: 0.702166'
  out_line 'Cost after epoch 4000: 0.136066'
  out_line 'Accuracy: 0.9433333333333334'
  opt_run --optimizer gd --learning-rate 0.1 --decay update_lr
  out_line 'Cost after epoch 0: 0.701091'
  out_line 'learning rate after epoch 1000: 0.000100'
  out_line 'Cost after epoch 4000: 0.655486'
  out_line 'Accuracy: 0.6533333333333333'
  out_lines 12
  opt_run --optimizer gd --learning-rate 0.1 --decay schedule
  out_line 'Cost after epoch 0: 0.701091'
  out_line 'learning rate after epoch 1000: 0.050000'
  out_line 'Cost after epoch 4000: 0.117512'
  out_line 'Accuracy: 0.9433333333333334'
  opt_run --optimizer momentum --learning-rate 0.1 --decay schedule
  out_line 'Cost after epoch 0: 0.702226'
  out_line 'Cost after epoch 4000: 0.123218'
  out_line 'Accuracy: 0.9533333333333334'
  opt_run --optimizer adam --learning-rate 0.01 --decay schedule
  out_line 'Cost after epoch 0: 0.699346'
  out_line 'learning rate after epoch 4000: 0.002000'
  out_line 'Cost after epoch 4000: 0.128361'
  out_line 'Accuracy: 0.94'
  # The pictures, and the options the notebook's model takes.
  expect 0 "$DLC" run course2.optimization --solution --optimizer momentum --epochs 200 \
    --mini-batch-size 300 --beta 0.5 --plots "$TMP/plots"
  out_line 'Cost after epoch 0: 0.702414'
  [ -s "$TMP/plots/optimization_momentum_boundary.png" ] || fail "no boundary picture"
  [ -s "$TMP/plots/optimization_momentum_cost.png" ] || fail "no cost picture"
  # Bad input: one message each.
  usage_error '--optimizer' "$DLC" run course2.optimization --optimizer rmsprop
  usage_error '--decay' "$DLC" run course2.optimization --decay exponential
  for bad in "--beta 1" "--beta1 -0.1" "--beta2 1.5" "--epsilon 0" "--mini-batch-size 0"; do
    # shellcheck disable=SC2086
    expect 1 "$DLC" run course2.optimization --solution --epochs 1 --no-plots $bad
    err_lines 1
  done
  err_has 'mini_batch_size is 0'
  expect 1 "$DLC" run course2.optimization --solution --no-plots --learning-rate 1e300 \
    --mini-batch-size 1 --epochs 5
  err_has '^dlc: training diverged at epoch 0 (learning rate 1e+300): the cost is nan'
  # The stubs: the week-1 exercise the model starts from, or this week's.
  expect 3 "$DLC" run course2.optimization --no-plots
  err_has '^not implemented yet: course2\.'
}

case_course2_learning_rate_decay() {
  expect 0 "$DLC" run course2.learning_rate_decay --solution --plots "$TMP/plots"
  out_line '  epoch 2: alpha = 0.067'
  out_line '  epoch 4: alpha = 0.040'
  out_has '^     1000  *9\.99001e-05  *0\.05  *0\.0367695  *0\.05$'
  out_has '^     2000  *4\.9975e-05  *0\.0333333  *0\.01352  *0\.025$'
  [ -s "$TMP/plots/learning_rate_decay.png" ] || fail "no picture"
  expect 0 "$DLC" run course2.learning_rate_decay --solution --no-plots --epochs 10 --interval 3 \
    --factor 0.1
  out_has '^        3  .*  0\.01$'
  expect 1 "$DLC" run course2.learning_rate_decay --solution --no-plots --base 1.5
  err_has 'base is 1.5'
  expect 3 "$DLC" run course2.learning_rate_decay --no-plots
  err_has '^not implemented yet: course2.update_lr'
}

case_course2_batch_sizes() {
  # The rows, never the timings' values.
  expect 0 "$DLC" run course2.batch_sizes --solution --updates 200 --epochs 3 --plots "$TMP/plots"
  out_has '^  batch (size m = 300)  *200\.0 '
  out_has '^  mini-batch (size 64)  *40\.0 '
  out_has '^  stochastic (size 1)  *0\.7 '
  out_has '^    size    batches   ms per epoch   us per example$'
  for row in '1  *300' '8  *38' '32  *10' '64  *5' '128  *3' '256  *2' '300  *1'; do
    out_has "^  *$row  *[0-9.]*  *[0-9.]*\$"
  done
  [ -s "$TMP/plots/batch_sizes_cost.png" ] || fail "no cost picture"
  [ -s "$TMP/plots/batch_sizes_time.png" ] || fail "no time picture"
  # Bad input: one message each.
  usage_error '--updates' "$DLC" run course2.batch_sizes --updates 0
  usage_error '--epochs' "$DLC" run course2.batch_sizes --epochs -1
  usage_error '--learning-rate' "$DLC" run course2.batch_sizes --learning-rate 0
  usage_error '--seed' "$DLC" run course2.batch_sizes --seed x
  expect 1 "$DLC" run course2.batch_sizes --solution --no-plots --learning-rate 1e300 \
    --updates 5 --epochs 1
  err_has '^dlc: training diverged with mini-batches of 300'
  # The stubs: the exercises the training runs.
  expect 3 "$DLC" run course2.batch_sizes --no-plots
  err_has '^not implemented yet: course2\.'
}

case_course2_optimizer_paths() {
  expect 0 "$DLC" run course2.optimizer_paths --solution --plots "$TMP/plots"
  out_has '^J after step  *gd  *momentum  *rmsprop  *adam$'
  out_has '^           0  *3\.30e+01  *3\.30e+01  *3\.30e+01  *3\.30e+01$'
  out_has '^         100  *6\.44e-03  *2\.64e-04  *1\.58e-02  *4\.45e-04$'
  out_line '  gd 100, momentum 24, rmsprop 46, adam 6 (of 100).'
  out_line '  gd       step 201'
  out_line '  adam     step 11'
  # At the last step momentum and Adam are below gradient descent.
  grep '^         100 ' "$OUT" | awk '{ exit !($3 + 0 < $2 + 0 && $5 + 0 < $2 + 0) }' ||
    fail "momentum and adam not below gd at step 100"
  for png in optimizer_paths optimizer_paths_cost optimizer_saddle; do
    [ -s "$TMP/plots/$png.png" ] || fail "no picture $png.png"
  done
  expect 0 "$DLC" run course2.optimizer_paths --solution --no-plots --steps 5 --learning-rate 0.01
  out_has '^           5 '
  out_has '^alpha  *0\.01  *0\.01  *0\.01  *0\.01$'
  # Bad input: one message each.
  usage_error '--steps' "$DLC" run course2.optimizer_paths --solution --steps 0
  usage_error '--steps' "$DLC" run course2.optimizer_paths --solution --steps x
  usage_error '--learning-rate' "$DLC" run course2.optimizer_paths --solution --learning-rate 0
  usage_error '--learning-rate' "$DLC" run course2.optimizer_paths --solution --learning-rate -1
  expect 3 "$DLC" run course2.optimizer_paths --no-plots
  err_has '^not implemented yet: course2\.'
}

case_softmax_regions() {
  # The costs and the accuracy are numpy's, for the same blobs and the same steps.
  expect 0 "$DLC" run course2.softmax_regions --solution --plots "$TMP/plots"
  out_has '^Lectures C2 3\.8-3\.9: softmax regression with no hidden layer, Z = W X + b, on 3 Gaussian blobs$'
  out_line 'Cost after iteration 0: 1.098612'
  out_line 'Cost after iteration 100: 0.182129'
  out_line 'Cost after iteration 1000: 0.179719'
  out_line 'Training accuracy: 0.92'
  awk -F': ' '/^Cost after iteration/ { c = $2 + 0; if (n++ > 0 && c > prev) bad = 1; prev = c }
    END { exit (n == 11 && !bad) ? 0 : 1 }' "$OUT" || fail "expected 11 costs, never rising"
  err_lines 0
  png_ok "$TMP/plots/softmax_regions.png"
  out_line "Picture saved: $TMP/plots/softmax_regions.png (the blobs and the straight boundaries between the predicted classes)"
  expect 0 "$DLC" run course2.softmax_regions --solution --classes 4 --no-plots
  out_line 'Cost after iteration 0: 1.386294'
  out_line 'Training accuracy: 0.83'
  out_lacks '^Picture'
  usage_error '--classes must be at least 2, not 1' "$DLC" run course2.softmax_regions --classes 1
  usage_error '--classes must be at most 6, not 7' "$DLC" run course2.softmax_regions --classes 7
  usage_error '--learning-rate' "$DLC" run course2.softmax_regions --learning-rate 0
  # The stub: one_hot is the first exercise it reaches.
  expect 3 "$DLC" run course2.softmax_regions --no-plots
  out_has '^Lectures C2 3\.8-3\.9'
  out_lacks '^Cost after'
  err_lines 1
  err_has '^not implemented yet: course2.one_hot — write it in course2/softmax.cpp'
}

case_course2_fashion() {
  need_fashion
  # The ten classes, five epochs: the numbers of bench/fashion_numpy.py's same run, and at least
  # 0.88 on the test set.
  # shellcheck disable=SC2086
  expect 0 "$DLC" run course2.fashion --solution $FASHION_ARGS --plots "$TMP/plots"
  out_line 'Fashion-MNIST: 60000 training and 10000 test images of 28x28, ten classes'
  out_line 'Epoch 1: cost 0.4371115529573581, train accuracy 0.8414833333333334, test accuracy 0.8632'
  awk -F'test accuracy ' '/^Epoch 5: / { found = 1; if ($2 + 0 < 0.88) low = 1 }
    END { exit (found && !low) ? 0 : 1 }' "$OUT" || fail "epoch 5 does not reach 0.88 on the test set"
  out_has '^training: [0-9.]* s (5 epochs)$'
  err_lines 0
  for picture in fashion_cost fashion_confusion fashion_predictions; do
    png_ok "$TMP/plots/$picture.png"
  done
  # Without batch norm, on 1000 images: numpy's numbers again.
  # shellcheck disable=SC2086
  expect 0 "$DLC" run course2.fashion --solution $FASHION_ARGS --no-batch-norm --train-size 1000 \
    --epochs 2 --no-plots
  out_line 'Epoch 2: cost 0.7539845588802914, train accuracy 0.737, test accuracy 0.7382'
  # 65 images in mini-batches of 64 leave one alone: said, and left out.
  # shellcheck disable=SC2086
  expect 0 "$DLC" run course2.fashion --solution $FASHION_ARGS --train-size 65 --epochs 1 --no-plots
  out_has '^note: 65 examples in mini-batches of 64 leave one example alone'
  # Bad input: one message each, nothing drawn.
  usage_error '--batch-size' "$DLC" run course2.fashion --batch-size 0
  usage_error '--train-size' "$DLC" run course2.fashion --train-size 60001
  usage_error '--learning-rate' "$DLC" run course2.fashion --learning-rate -1
  # shellcheck disable=SC2086
  expect 1 "$DLC" run course2.fashion --solution $FASHION_ARGS --batch-size 1 --no-plots
  err_lines 1
  err_has 'batch norm needs mini-batches of at least 2 examples'
  expect 1 "$DLC" run course2.fashion --solution --fashion-dir "$TMP/nowhere" --no-plots
  err_lines 1
  err_has 'nowhere'
  mkdir -p "$TMP/truncated"
  for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte \
    t10k-labels-idx1-ubyte; do
    cp "$FASHION_DIR/$f.gz" "$TMP/truncated/$f.gz"
  done
  gzip -dc "$FASHION_DIR/t10k-images-idx3-ubyte.gz" | head -c 100000 | gzip >"$TMP/truncated/t10k-images-idx3-ubyte.gz"
  expect 1 "$DLC" run course2.fashion --solution --fashion-dir "$TMP/truncated" --no-plots
  err_lines 1
  err_has 't10k-images-idx3-ubyte.gz: .*truncated'
  # The stubs: the first exercise the training reaches.
  # shellcheck disable=SC2086
  expect 3 "$DLC" run course2.fashion $FASHION_ARGS --no-plots
  err_has '^not implemented yet: course2\.'
}

case_course2_batch_norm_shift() {
  need_fashion
  # shellcheck disable=SC2086
  expect 0 "$DLC" run course2.batch_norm_shift --solution $FASHION_ARGS --train-size 2000 \
    --learning-rates 0.001,0.3 --plots "$TMP/plots"
  out_has '^Unit 0 of hidden layer 2: its input to the relu'
  out_line 'without batch norm:'
  out_line 'with batch norm:'
  out_has '^  step     1: 15\.9% .* spread '
  out_has '^ *0\.3  *diverged  *0\.[0-9]*$'
  png_ok "$TMP/plots/batch_norm_shift.png"
  png_ok "$TMP/plots/batch_norm_learning_rates.png"
  usage_error '--learning-rates: 0 is not a learning rate' "$DLC" run course2.batch_norm_shift \
    --learning-rates 0.01,0
  usage_error '--unit' "$DLC" run course2.batch_norm_shift --unit 128
  expect 3 "$DLC" run course2.batch_norm_shift $FASHION_ARGS --train-size 200 --no-plots
  err_has '^not implemented yet: course2\.'
}

case_course2_grid_vs_random() {
  expect 0 "$DLC" run course2.grid_vs_random --solution --plots "$TMP/plots"
  out_has '^Lecture C2 3\.1: 25 trials of each search over alpha in \[0\.0001, 0\.1\]'
  out_line 'grid search (5 x 5): 5 distinct values of alpha'
  out_line '  0.0001     0.7167 with every epsilon'
  out_line 'best accuracy: 0.94 at alpha = 0.01778, epsilon = 1e-10'
  out_line 'random search (25 points, seed 1): 25 distinct values of alpha'
  out_line 'best accuracy: 0.9433333333333334 at alpha = 0.00561, epsilon = 2.64e-10'
  png_ok "$TMP/plots/grid_vs_random_trials.png"
  png_ok "$TMP/plots/grid_vs_random_accuracy.png"
  err_lines 0
  expect 0 "$DLC" run course2.grid_vs_random --solution --no-plots --per-axis 2 --epochs 10
  out_line 'grid search (2 x 2): 2 distinct values of alpha'
  out_line 'random search (4 points, seed 1): 4 distinct values of alpha'
  usage_error '--per-axis must be at least 2, not 1' "$DLC" run course2.grid_vs_random --per-axis 1
  usage_error '--per-axis' "$DLC" run course2.grid_vs_random --per-axis 11
  usage_error '--epochs' "$DLC" run course2.grid_vs_random --epochs 0
  # The stubs: the first exercise the trials reach.
  expect 3 "$DLC" run course2.grid_vs_random --no-plots
  err_has '^not implemented yet: course2\.'
}

case_course2_sampling_scale() {
  expect 0 "$DLC" run course2.sampling_scale --solution --plots "$TMP/plots"
  # numpy: np.random.seed(0); u = np.random.rand(1, 10000); shares of 0.0001 + 0.9999 u and
  # 10 ** (-4 u) in [0.0001, 0.1]
  out_line '  [0.0001, 0.1]         0.1021       0.745'
  out_line '  beta 0.9 -> 0.9005: 1 / (1 - beta) from 10 to 10.05'
  out_line '  beta 0.999 -> 0.9995: 1 / (1 - beta) from 1000 to 2000'
  out_line '  [0.9, 0.99]          0.9089      0.5064'
  png_ok "$TMP/plots/sampling_scale_alpha.png"
  png_ok "$TMP/plots/sampling_scale_beta.png"
  err_lines 0
  usage_error '--samples' "$DLC" run course2.sampling_scale --samples 0
  expect 3 "$DLC" run course2.sampling_scale --no-plots
  err_has '^not implemented yet: course2.sample_log_uniform — write it in course2/tuning.cpp'
}

case_course2_coarse_to_fine() {
  expect 0 "$DLC" run course2.coarse_to_fine --solution --plots "$TMP/plots"
  out_line 'round 1: 20 random trials, alpha in [0.0001, 1], mini-batch size in [16, 256]'
  out_line 'zoom_box around the best 0.2 of the trials: alpha in [0.005017, 0.03004], mini-batch size in [17.69, 242.5]'
  out_line 'round 2: 20 random trials, alpha in [0.005017, 0.03004], mini-batch size in [17.69, 242.5]'
  out_line '  best accuracy: 0.9433333333333334; median accuracy: 0.94'
  png_ok "$TMP/plots/coarse_to_fine.png"
  err_lines 0
  usage_error '--keep must be at most 1, not 1.5' "$DLC" run course2.coarse_to_fine --keep 1.5
  usage_error '--keep' "$DLC" run course2.coarse_to_fine --keep 0
  usage_error '--trials' "$DLC" run course2.coarse_to_fine --trials 0
  expect 3 "$DLC" run course2.coarse_to_fine --no-plots
  err_has '^not implemented yet: course2\.'
}

case_course2_panda() {
  # A run stopped with SIGINT (Ctrl-C) after its first checkpoint, then resumed: the same costs,
  # the same accuracy and, bit for bit, the same final checkpoint as a run never stopped.
  ck=$TMP/run.ckpt
  echo "\$ $DLC run course2.panda --solution --epochs 100000000 --every 500 --checkpoint $ck & (then kill -INT)"
  "$DLC" run course2.panda --solution --epochs 100000000 --every 500 --checkpoint "$ck" \
    >"$TMP/stopped.out" 2>"$TMP/stopped.err" &
  pid=$!
  n=0
  while ! grep -q '^Checkpoint saved: ' "$TMP/stopped.out" 2>/dev/null; do
    n=$((n + 1))
    [ $n -lt 600 ] || { kill -KILL $pid; fail "no checkpoint saved after 30 s"; }
    sleep 0.05
  done
  kill -INT $pid
  wait $pid
  code=$?
  sed 's/^/  out| /' "$TMP/stopped.out"
  sed 's/^/  err| /' "$TMP/stopped.err"
  echo "  exit code $code"
  [ "$code" -eq 130 ] || fail "exit code $code after SIGINT, expected 130"
  [ ! -s "$TMP/stopped.err" ] || fail "a stopped run writes nothing on stderr"
  done_epochs=$(sed -n 's/^Interrupted after epoch [0-9]*: the run is in .*, \([0-9]*\) epochs done\.$/\1/p' \
    "$TMP/stopped.out")
  [ -n "$done_epochs" ] || fail "no line 'Interrupted after epoch ...'"
  grep -q -x -F "Checkpoint saved: $ck ($done_epochs epochs done)" "$TMP/stopped.out" ||
    fail "the last checkpoint is not saved at the epoch it stopped"
  grep -q -x -F "To continue: dlc run course2.panda --solution --resume --checkpoint $ck --epochs 100000000 [--learning-rate X]" \
    "$TMP/stopped.out" || fail "no line saying how to continue"
  [ -s "$ck" ] || fail "no checkpoint file"
  ls -a "$TMP" | grep -q '^\.run\.ckpt\.' && fail "a temporary checkpoint file is left"
  total=$((done_epochs + 1500))
  cp "$ck" "$TMP/copy.ckpt"
  expect 0 "$DLC" run course2.panda --solution --resume --checkpoint "$ck" --epochs $total
  out_line "Resuming $ck after epoch $((done_epochs - 1)) ($done_epochs epochs done), learning rate 0.0007"
  out_line "Checkpoint saved: $ck ($total epochs done)"
  cp "$OUT" "$TMP/resumed.out"
  expect 0 "$DLC" run course2.panda --solution --epochs $total --every 500 --checkpoint "$TMP/whole.ckpt"
  out_line 'Cost after epoch 0: 0.701907'
  out_line 'Cost after epoch 1000: 0.169080'
  err_lines 0
  grep '^Cost after\|^Accuracy' "$OUT" >"$TMP/whole.costs"
  cat "$TMP/stopped.out" "$TMP/resumed.out" | grep '^Cost after\|^Accuracy' >"$TMP/two.costs"
  diff "$TMP/whole.costs" "$TMP/two.costs" || fail "the resumed run's costs differ"
  cmp "$TMP/whole.ckpt" "$ck" || fail "the resumed run's final checkpoint differs"
  # The panda's babysitting: resumed with a lower learning rate.
  expect 0 "$DLC" run course2.panda --solution --resume --checkpoint "$TMP/copy.ckpt" \
    --epochs $total --learning-rate 0.0001
  out_line "Resuming $TMP/copy.ckpt after epoch $((done_epochs - 1)) ($done_epochs epochs done), learning rate 0.0001 (was 0.0007)"
  out_has '^Accuracy: '
  # Bad input: one message each and a non-zero exit.
  head -c 1000 "$ck" >"$TMP/cut.ckpt"
  expect 1 "$DLC" run course2.panda --solution --resume --checkpoint "$TMP/cut.ckpt"
  err_lines 1
  err_has "^dlc: $TMP/cut.ckpt: truncated: 1000 bytes"
  expect 1 "$DLC" run course2.panda --solution --resume --checkpoint "$ck" --hidden 10,2
  err_lines 1
  err_has "^dlc: $ck: a checkpoint of the network \[2, 5, 2, 1\], not of this run's \[2, 10, 2, 1\]$"
  expect 1 "$DLC" run course2.panda --solution --resume --checkpoint "$TMP/none.ckpt"
  err_lines 1
  err_has "^dlc: $TMP/none.ckpt: no such checkpoint"
  expect 1 "$DLC" run course2.panda --solution --checkpoint "$ck"
  err_lines 1
  err_has "^dlc: $ck exists: continue its run with --resume"
  usage_error '--every' "$DLC" run course2.panda --solution --every 0
  usage_error '--hidden' "$DLC" run course2.panda --solution --hidden 5
  expect 3 "$DLC" run course2.panda --checkpoint "$TMP/stub.ckpt"
  err_has '^not implemented yet: course2\.'
}

# dlc tune's search of the tests and the docs: 12 random trials of 1000 epochs over alpha, beta1
# and the mini-batch size.
TUNE_SPACE=learning_rate=log:0.0001:0.1,beta1=one_minus_log:0.8:0.99,mini_batch_size=log2:16:256
# The notebook's Adam run (5000 epochs) reaches this accuracy on the training set.
NOTEBOOK_ADAM=0.9433333333333334

# tune_best CSV: the best accuracy of results.csv's trials that ended ok.
tune_best() {
  awk -F, 'NR > 1 && $2 == "ok" && $3 > best { best = $3 } END { print best }' "$1"
}
# tune_same CSV1 CSV2: the same trials with the same status, accuracy and cost (not the seconds).
tune_same() {
  cut -d, -f1-4,6- "$1" >"$TMP/a.csv"
  cut -d, -f1-4,6- "$2" >"$TMP/b.csv"
  cmp -s "$TMP/a.csv" "$TMP/b.csv" || { diff "$TMP/a.csv" "$TMP/b.csv"; fail "$1 and $2 differ"; }
}

case_course2_tune() {
  dir=$TMP/search
  expect 0 "$DLC" tune --space "$TUNE_SPACE" --trials 12 --epochs 1000 --seed 1 --out "$dir"
  out_has '^Running 12 trials, [0-9]* at a time$'
  out_line '12 trials planned: 12 ok'
  err_lines 0
  [ "$(wc -l <"$dir/results.csv")" -eq 13 ] || fail "results.csv has not 12 rows"
  head -1 "$dir/results.csv" | grep -q -x -F \
    'trial,status,accuracy,cost,seconds,learning_rate,beta1,mini_batch_size,detail' ||
    fail "results.csv's columns"
  best=$(tune_best "$dir/results.csv")
  echo "  best accuracy $best"
  awk "BEGIN { exit !($best >= $NOTEBOOK_ADAM) }" || fail "the best accuracy $best is below $NOTEBOOK_ADAM"
  out_line "best accuracy: $best (trial 3)"
  for name in learning_rate beta1 mini_batch_size; do png_ok "$dir/accuracy_vs_$name.png"; done
  [ "$(grep -c '^[0-9]' "$dir/plan.txt")" -eq 12 ] || fail "plan.txt has not 12 trials"
  cp "$dir/results.csv" "$TMP/first.csv"
  # Again: every trial has its result, none runs again.
  expect 0 "$DLC" tune --space "$TUNE_SPACE" --trials 12 --epochs 1000 --seed 1 --out "$dir" --no-plots
  out_line '12 of the 12 trials planned have their result already and are not run again'
  out_lacks '^Running'
  tune_same "$TMP/first.csv" "$dir/results.csv"
  # A planted corrupt result file and a half-written one: reported, counted, skipped.
  echo 'not a result' >"$dir/results/trial-0004.txt"
  head -c 40 "$dir/results/trial-0007.txt" >"$TMP/cut" && cp "$TMP/cut" "$dir/results/trial-0007.txt"
  expect 0 "$DLC" tune --collect --out "$dir" --no-plots
  err_lines 2
  err_has "^dlc tune: skipped $dir/results/trial-0004.txt: not a whole result"
  err_has "^dlc tune: skipped $dir/results/trial-0007.txt: not a whole result"
  out_line '12 trials planned: 10 ok, 2 corrupt'
  grep -q '^4,corrupt,' "$dir/results.csv" || fail "trial 4 is not a corrupt row"
  # Resumed, the search runs those two trials alone, and finds the same results.
  expect 0 "$DLC" tune --space "$TUNE_SPACE" --trials 12 --epochs 1000 --seed 1 --out "$dir" --no-plots
  out_line '10 of the 12 trials planned have their result already and are not run again'
  out_has '^Running 2 trials, [0-9]* at a time$'
  tune_same "$TMP/first.csv" "$dir/results.csv"
  # Another search in the same folder is refused.
  expect 1 "$DLC" tune --space "$TUNE_SPACE" --trials 13 --out "$dir"
  err_lines 1
  err_has "^dlc: $dir/plan.txt holds another search's plan"
  # The trial program on its own, and dlc run's name for the search.
  expect 0 "$DLC" run course2.tune_trial --solution --epochs 100 --trial 5 --result "$TMP/one.txt"
  grep -q -x 'trial: 5' "$TMP/one.txt" && grep -q -x 'status: ok' "$TMP/one.txt" &&
    grep -q -x 'epsilon: 1e-08' "$TMP/one.txt" || fail "the trial's result file"
  expect 0 "$DLC" run course2.tune --solution --collect --out "$dir" --no-plots
  out_line '12 trials planned: 12 ok'
  # Coarse to fine: round 2 is planned after round 1's results, in the zoomed box.
  expect 0 "$DLC" tune --space learning_rate=log:0.0001:1,beta1=one_minus_log:0.5:0.999 \
    --search coarse-to-fine --trials 6 --epochs 300 --out "$TMP/fine" --no-plots
  out_has '^Round 2 zooms to learning_rate=log:'
  # Round 1's trial 5 (alpha 0.427) diverges: a result, not a failure.
  out_line '12 trials planned: 11 ok, 1 diverged'
  grep -q '^5,diverged,,,[0-9.]*,0\.427[0-9]*,0\.99[0-9]*,the cost is nan at epoch 35$' "$TMP/fine/results.csv" ||
    fail "trial 5 is not recorded as diverged"
  grep -q '^round 2: learning_rate=log:' "$TMP/fine/plan.txt" || fail "no round 2 in the plan"
  # A grid: 3 x 3 of 12 trials.
  expect 0 "$DLC" tune --space learning_rate=log:0.0001:0.1,mini_batch_size=log2:16:256 \
    --search grid --trials 12 --epochs 300 --out "$TMP/grid" --no-plots
  out_line '9 trials planned: 9 ok'
  grep -q -x '4 0.0031622776601683794 64' "$TMP/grid/plan.txt" || fail "the grid's middle point"
}

case_course2_tune_parallel() {
  # The same search through GNU parallel, for real: the same results as run locally.
  command -v parallel >/dev/null 2>&1 || skip "GNU parallel is not installed (Debian's parallel)"
  expect 0 "$DLC" tune --space "$TUNE_SPACE" --trials 12 --epochs 1000 --seed 1 --out "$TMP/local" --no-plots
  dir=$TMP/par
  expect 0 "$DLC" tune --space "$TUNE_SPACE" --trials 12 --epochs 1000 --seed 1 --out "$dir" \
    --emit parallel --jobs 2 --sshlogin node1,node2
  out_line "  parallel --jobs 2 < $dir/commands.txt"
  out_line "  parallel --jobs 2 --sshlogin node1,node2 < $dir/commands.txt"
  out_line "  dlc tune --collect --out $dir"
  [ "$(wc -l <"$dir/commands.txt")" -eq 12 ] || fail "commands.txt has not 12 lines"
  [ ! -e "$dir/results/trial-0000.txt" ] || fail "--emit ran a trial"
  echo "\$ parallel --jobs 2 < $dir/commands.txt"
  parallel --jobs 2 <"$dir/commands.txt" || fail "parallel failed"
  expect 0 "$DLC" tune --collect --out "$dir"
  out_line '12 trials planned: 12 ok'
  png_ok "$dir/accuracy_vs_learning_rate.png"
  tune_same "$TMP/local/results.csv" "$dir/results.csv"
  best=$(tune_best "$dir/results.csv")
  out_line "best accuracy: $best (trial 3)"
}

case_course2_tune_slurm() {
  # The Slurm job-array script, run by a stand-in for Slurm that sets SLURM_ARRAY_TASK_ID.
  dir=$TMP/slurm
  expect 0 "$DLC" tune --space "$TUNE_SPACE" --trials 12 --epochs 1000 --seed 1 --out "$dir" --emit slurm
  out_line "  sbatch $dir/tune.sbatch"
  grep -q -x '#SBATCH --array=0-11' "$dir/tune.sbatch" || fail "no array of 12 tasks"
  k=0
  while [ $k -lt 12 ]; do
    echo "\$ SLURM_ARRAY_TASK_ID=$k sh $dir/tune.sbatch"
    SLURM_ARRAY_TASK_ID=$k sh "$dir/tune.sbatch" || fail "task $k failed"
    k=$((k + 1))
  done
  expect 1 env SLURM_ARRAY_TASK_ID=12 sh "$dir/tune.sbatch"
  err_has "no line 13 in $dir/commands.txt"
  expect 0 "$DLC" tune --collect --out "$dir" --no-plots
  out_line '12 trials planned: 12 ok'
  out_has "^best accuracy: $NOTEBOOK_ADAM (trial 3)\$"
  # The trials already done are not emitted again.
  expect 0 "$DLC" tune --space "$TUNE_SPACE" --trials 12 --epochs 1000 --seed 1 --out "$dir" --emit slurm
  out_has '^Every trial of the plan has its result'
}

case_course2_tune_killed() {
  # Trials that crash (beta1 >= 1 on a linear scale) are recorded as crashed, the others kept.
  dir=$TMP/crash
  expect 0 "$DLC" tune --space learning_rate=log:0.001:0.1,beta1=linear:0.5:1.5 --trials 8 \
    --epochs 300 --out "$dir" --no-plots
  out_line '8 trials planned: 4 ok, 4 crashed'
  grep -q '^1,crashed,,,.*,"exit code 1: dlc: invalid argument: model: beta1 is 1.0388' "$dir/results.csv" ||
    fail "trial 1 is not recorded as crashed with its exit code"
  grep -q '^0,ok,0\.' "$dir/results.csv" || fail "trial 0's result is lost"
  # A trial killed with SIGKILL is recorded as killed; Ctrl-C then stops the search after the
  # trials in progress, and the search resumes with the trial never started.
  dir=$TMP/kill
  set -- --space learning_rate=log:0.001:0.01 --trials 4 --jobs 2 --epochs 30000 --out "$dir" --no-plots
  echo "\$ $DLC tune $* & (kill -KILL trial 1, then kill -INT)"
  "$DLC" tune "$@" >"$TMP/stopped.out" 2>"$TMP/stopped.err" &
  pid=$!
  n=0
  child=
  while [ -z "$child" ]; do
    child=$(pgrep -f -- "--result $dir/results/trial-0001.txt")
    n=$((n + 1))
    [ $n -lt 600 ] || { kill -KILL $pid; fail "trial 1 did not start in 30 s"; }
    sleep 0.05
  done
  kill -KILL $child
  n=0
  while ! grep -q 'trial 1: killed' "$TMP/stopped.out"; do
    n=$((n + 1))
    [ $n -lt 600 ] || { kill -KILL $pid; fail "trial 1 not recorded as killed in 30 s"; }
    sleep 0.05
  done
  kill -INT $pid
  wait $pid
  code=$?
  sed 's/^/  out| /' "$TMP/stopped.out"
  sed 's/^/  err| /' "$TMP/stopped.err"
  echo "  exit code $code"
  [ "$code" -eq 130 ] || fail "exit code $code after SIGINT, expected 130"
  grep -q -x -F '[1/4] trial 1: killed (signal 9 (Killed))' "$TMP/stopped.out" || fail "trial 1 not killed"
  grep -q '^Stopping: waiting for the 2 trials in progress' "$TMP/stopped.out" || fail "no stopping line"
  grep -q '^Stopped\. .* run the same command again to resume' "$TMP/stopped.out" || fail "no resume line"
  [ ! -e "$dir/results/trial-0003.txt" ] || fail "trial 3 ran after Ctrl-C"
  expect 0 "$DLC" tune "$@"
  out_line '3 of the 4 trials planned have their result already and are not run again'
  out_has '^\[1/1\] trial 3: ok'
  out_line '4 trials planned: 3 ok, 1 killed'
}

case_course2_tune_bad_input() {
  usage_error "learning_rate's range \[0.1, 0.1\] is empty" "$DLC" tune --space learning_rate=log:0.1:0.1
  usage_error "learning_rate's range \[0.1, 0.001\] is reversed" "$DLC" tune --space learning_rate=log:0.1:0.001
  usage_error "range \[0, 0.1\] includes 0 .* log scale" "$DLC" tune --space learning_rate=log:0:0.1
  usage_error "unknown hyperparameter 'alpha'" "$DLC" tune --space alpha=log:0.001:0.1
  usage_error "--trials must be at least 1, not 0" "$DLC" tune --space learning_rate=log:0.001:0.1 --trials 0
  usage_error "unknown scale 'cubic'" "$DLC" tune --space learning_rate=cubic:0.001:0.1
  usage_error "beta1's range \[0.9, 1\] is not inside \[0, 1)" "$DLC" tune --space beta1=one_minus_log:0.9:1
  usage_error "coarse-to-fine zooms over two hyperparameters" "$DLC" tune --space learning_rate=log:0.001:0.1 --search coarse-to-fine
  printf 'learning_rate log 0.001 0.1\nepsilon log 1e-8\n' >"$TMP/space.txt"
  usage_error "$TMP/space.txt line 2: is not 'name scale low high'" "$DLC" tune --space "$TMP/space.txt"
  usage_error "cannot read the file '$TMP/none.txt'" "$DLC" tune --space "$TMP/none.txt"
  expect 1 "$DLC" tune --collect --out "$TMP/empty"
  err_lines 1
  err_has "^dlc: --collect: $TMP/empty holds no plan.txt"
}

# grade_usage_error PATTERN ARGS...: `dlc grade ARGS` is a bad command line: exit code 2, nothing
# on stdout, the error line matching PATTERN, then grade's usage line.
grade_usage_error() {
  pattern=$1
  shift
  expect 2 "$DLC" grade "$@"
  err_lines 2
  out_lines 0
  grep -q -e "^dlc: grade: .*$pattern" "$ERR" || fail "the error line does not match: $pattern"
  sed -n 2p "$ERR" | grep -q '^usage: dlc grade' || fail "the second line is not grade's usage line"
}

# csv_value FILE ROW COLUMN: the field of COLUMN (a header's name) in the row whose first field is
# ROW; for the columns before the last, whose fields hold no comma.
csv_value() {
  awk -F, -v row="$2" -v column="$3" 'NR == 1 { for (i = 1; i <= NF; ++i) if ($i == column) c = i }
    NR > 1 && $1 == row && c { print $c; found = 1 }
    END { if (!found) exit 1 }' "$1" || fail "$1 has no column $3 in row $2"
}

# A class of four graded twice, one at a time and two at a time: the same gradebook and the same
# outcomes, in name order, each saying why; the time per submission after the first is printed.
case_batch_submissions() {
  dir=$TMP/submissions
  solutions=$DLC_SOURCE_DIR/solutions/week2
  for s in a-full b-mistake c-broken d-stray; do mkdir -p "$dir/$s/week2"; done
  for s in a-full b-mistake c-broken; do cp "$solutions"/*.cpp "$dir/$s/week2/"; done
  # b: a planted mistake of tests/mutants (sigmoid with e^z), written by dlc-mutants.
  mutants=tests/mutants/week2.mutants
  line=$(grep -n '^mutant week2.sigmoid: e^{z} instead of e^{-z}' "$DLC_SOURCE_DIR/$mutants" | cut -d: -f1)
  [ -n "$line" ] || fail "$mutants has no mutant 'week2.sigmoid: e^{z} instead of e^{-z}'"
  expect 0 "$BIN/dlc-mutants" write "$DLC_SOURCE_DIR" "$mutants:$line" "$dir/b-mistake"
  # c: images.cpp does not compile (a message with quotes and a comma); sigmoid sends the judge
  # bytes that are not an answer.
  echo 'static_assert(false, "a \"quoted\", message");' >>"$dir/c-broken/week2/images.cpp"
  sed -i -e '1i #include <unistd.h>' \
    -e '/BEGIN SOLUTION week2.sigmoid/a const char forged[8] = {-1, -1, -1, -1, -1, -1, -1, -1};\nif (::write(4, forged, sizeof forged) < 0) return z;' \
    "$dir/c-broken/week2/logistic_regression.cpp"
  # d: a lesson's file out of its folder, and files that are not lesson files.
  cp "$solutions/logistic_regression.cpp" "$dir/d-stray/"
  echo notes >"$dir/d-stray/notes.txt"
  echo old >"$dir/d-stray/week2/old.cpp"
  # Not submissions: a file and a hidden folder.
  echo x >"$dir/README.txt"
  mkdir -p "$dir/.git"

  for jobs in 1 2; do
    expect 0 "$DLC" grade week2 --submissions "$dir" --jobs "$jobs" --csv "$TMP/scores-$jobs.csv" \
      --outcomes "$TMP/outcomes-$jobs.csv"
    err_has "^graded 4 submissions in [0-9.]* s, $jobs at a time: [0-9.]* s per submission after the first$"
    err_has "^dlc grade: ignored 2 entries of $dir that are not submissions (files, hidden folders): .git, README.txt$"
    grep "per submission after the first" "$ERR"
    # Each submission's progress whole: its lines follow its own header.
    awk '/^== / { name = $2 } /^\[[0-9]\/4\] / { sub(":", "", $2); if ($2 != name) exit 1 }' "$ERR" ||
      fail "the progress of the submissions is interleaved"
  done
  cmp "$TMP/scores-1.csv" "$TMP/scores-2.csv" || fail "the gradebooks of --jobs 1 and --jobs 2 differ"
  cmp "$TMP/outcomes-1.csv" "$TMP/outcomes-2.csv" || fail "the outcomes of --jobs 1 and --jobs 2 differ"
  scores=$TMP/scores-2.csv
  outcomes=$TMP/outcomes-2.csv
  cat "$scores"
  [ "$(cut -d, -f1 "$scores" | tr '\n' ' ')" = "submission a-full b-mistake c-broken d-stray " ] ||
    fail "the rows are not in name order"
  max=$(csv_value "$scores" a-full max_score)
  [ "$(csv_value "$scores" a-full status)" = graded ] || fail "a-full is not graded"
  [ "$(csv_value "$scores" a-full score)" = "$max" ] || fail "a-full has not full marks"
  sigmoid=$(csv_value "$scores" a-full week2.sigmoid)
  [ "$(csv_value "$scores" b-mistake score)" -eq $((max - sigmoid)) ] ||
    fail "b-mistake should lose sigmoid's $sigmoid points only"
  [ "$(csv_value "$scores" b-mistake week2.sigmoid:outcome)" = failed ] || fail "b-mistake's sigmoid"
  [ "$(csv_value "$scores" c-broken week2.flatten_images:outcome)" = does_not_compile ] ||
    fail "c-broken's flatten_images"
  [ "$(csv_value "$scores" c-broken week2.sigmoid:outcome)" = forged ] || fail "c-broken's sigmoid"
  [ "$(csv_value "$scores" c-broken week2.propagate:outcome)" = passed ] || fail "c-broken's propagate"
  [ "$(csv_value "$scores" d-stray score)" = 0 ] || fail "d-stray has points"
  [ "$(csv_value "$scores" d-stray week2.model:outcome)" = not_implemented ] || fail "d-stray's model"
  grep -q '^d-stray,.*ignored 3 files that are not lesson files: logistic_regression.cpp, notes.txt, week2/old.cpp (week2/logistic_regression.cpp must be at that path in the submission)' "$scores" ||
    fail "d-stray's note does not list the files ignored"
  # The reasons, quoted as RFC 4180 asks: the compiler's quotes doubled, its comma inside quotes.
  grep -q '^b-mistake,week2.sigmoid,2.2,0,[0-9]*,failed,"failed: sigmoid: ' "$outcomes" ||
    fail "b-mistake's sigmoid has no reason"
  grep -q '^c-broken,week2.flatten_images,2.1,0,[0-9]*,does_not_compile,"does not compile: week2/images.cpp:[0-9]*:[0-9]*: error: static assertion failed: a ""quoted"", message"$' "$outcomes" ||
    fail "c-broken's compiler message is not in the outcomes, quoted"
  grep -q '^c-broken,week2.sigmoid,2.2,0,[0-9]*,forged,forged: the exercise.s process sent ' "$outcomes" ||
    fail "c-broken's sigmoid is not forged"
  if [ -x /usr/bin/python3 ]; then
    /usr/bin/python3 -c 'import csv, sys
for name, width in ((sys.argv[1], None), (sys.argv[2], 7)):
    rows = list(csv.reader(open(name, newline="")))
    width = width or len(rows[0])
    assert all(len(r) == width for r in rows), name + ": rows of other widths than the header"
    print("python3:", name, len(rows), "records of", width, "fields")' "$scores" "$outcomes" ||
      fail "python3 cannot read the CSV files"
  fi
}

# The batch's bad input: a folder with no submission in it (exit 1, one line), --jobs 0, negative
# or not a number, and --jobs or --outcomes without --submissions (exit 2).
case_batch_bad_input() {
  mkdir -p "$TMP/empty" "$TMP/files"
  expect 1 "$DLC" grade week2 --submissions "$TMP/empty"
  err_lines 1
  err_has "^dlc grade: the submissions folder $TMP/empty holds no submission (a submission is a folder: "
  echo x >"$TMP/files/alice.zip"
  expect 1 "$DLC" grade week2 --submissions "$TMP/files" --csv "$TMP/files/scores.csv"
  err_lines 1
  err_has "holds no submission .*, only alice.zip$"
  [ ! -e "$TMP/files/scores.csv" ] || fail "a CSV was written"
  expect 1 "$DLC" grade week2 --submissions "$TMP/none"
  err_lines 1
  err_has "^dlc grade: the submissions folder $TMP/none is not a folder$"
  grade_usage_error "--jobs must be at least 1" --submissions "$TMP/empty" --jobs 0
  grade_usage_error "--jobs must be at least 1" --submissions "$TMP/empty" --jobs -2
  grade_usage_error "--jobs" --submissions "$TMP/empty" --jobs two
  grade_usage_error "--jobs" --submissions "$TMP/empty" --jobs 1.5
  grade_usage_error "--jobs is for --submissions DIR" week2 --jobs 2
  grade_usage_error "--outcomes is for --submissions DIR" --outcomes "$TMP/o.csv"
  grade_usage_error "--sandbox user:NAME grades one submission at a time" --submissions "$TMP/empty" \
    --sandbox user:nobody --jobs 2
}

# An exercise that times out beside other submissions is graded again alone before the batch ends
# (time limits are wall time): here it loops forever, so it times out again, as with --jobs 1.
case_batch_timed_out_alone() {
  dir=$TMP/submissions
  mkdir -p "$dir/a-full/week2"
  cp "$DLC_SOURCE_DIR/solutions/week2/broadcasting.cpp" "$dir/a-full/week2/"
  mutants=tests/grader_submissions/week2.mutants
  line=$(grep -n '^mutant week2.calorie_percentages: loops forever' "$DLC_SOURCE_DIR/$mutants" | cut -d: -f1)
  [ -n "$line" ] || fail "$mutants has no mutant 'week2.calorie_percentages: loops forever'"
  expect 0 "$BIN/dlc-mutants" write "$DLC_SOURCE_DIR" "$mutants:$line" "$dir/b-loop"
  for jobs in 1 2; do
    expect 0 "$DLC" grade week2.calorie_percentages --timeout 1 --submissions "$dir" --jobs "$jobs" \
      --csv "$TMP/scores-$jobs.csv"
    cat "$TMP/scores-$jobs.csv"
  done
  err_has "^b-loop: grading again alone what timed out beside other submissions: week2.calorie_percentages$"
  cmp "$TMP/scores-1.csv" "$TMP/scores-2.csv" || fail "the gradebooks of --jobs 1 and --jobs 2 differ"
  [ "$(csv_value "$TMP/scores-2.csv" b-loop week2.calorie_percentages:outcome)" = timed_out ] ||
    fail "b-loop did not time out"
  [ "$(csv_value "$TMP/scores-2.csv" a-full week2.calorie_percentages:outcome)" = passed ] ||
    fail "a-full did not pass"
}

# dlc gradescope DIR: the zip holds setup.sh and run_autograder (executable) and the tree, without
# its builds and .git.
case_gradescope_package() {
  expect 0 "$DLC" gradescope "$TMP/package"
  out_has "^wrote $TMP/package/autograder.zip ([0-9]* MiB)"
  [ "$(ls "$TMP/package")" = autograder.zip ] || fail "the folder holds more than the zip"
  mkdir "$TMP/unzipped"
  (cd "$TMP/unzipped" && cmake -E tar xf "$TMP/package/autograder.zip") || fail "cannot unzip"
  for f in setup.sh run_autograder exercises.ini solutions/week2/logistic_regression.cpp \
    tests/week2/test_logistic_regression.cpp scripts/lib.sh; do
    [ -f "$TMP/unzipped/$f" ] || fail "the zip has no $f"
  done
  [ -x "$TMP/unzipped/setup.sh" ] && [ -x "$TMP/unzipped/run_autograder" ] ||
    fail "the scripts lost their exec bits"
  [ ! -e "$TMP/unzipped/.git" ] && [ ! -e "$TMP/unzipped/build" ] || fail "the zip holds .git or build/"
}

# dlc gradescope into a folder that is not empty, or inside the source tree: one line, exit code
# 1, nothing written.
case_gradescope_bad_input() {
  mkdir "$TMP/full"
  echo keep >"$TMP/full/notes.txt"
  expect 1 "$DLC" gradescope "$TMP/full"
  err_lines 1
  out_lines 0
  err_has "^dlc gradescope: $TMP/full is not empty; nothing written"
  [ "$(ls "$TMP/full")" = notes.txt ] && [ "$(cat "$TMP/full/notes.txt")" = keep ] ||
    fail "the folder was changed"
  expect 1 "$DLC" gradescope "$DLC_SOURCE_DIR/gradescope-package"
  err_lines 1
  err_has "^dlc gradescope: .*gradescope-package is inside the source tree .*nothing written"
  [ ! -e "$DLC_SOURCE_DIR/gradescope-package" ] || fail "a folder was made in the source tree"
  expect 2 "$DLC" gradescope
  err_has "^dlc: gradescope: which folder?"
  expect 2 "$DLC" grade --sandbox user: --submission "$TMP/full"
  err_has "^dlc: grade: --sandbox is bwrap or user:NAME"
}

# dlc release DIR into a folder that is not empty, or is a file: one line, exit code 1, nothing
# written or removed.
case_release_not_empty() {
  mkdir -p "$TMP/full/week2" && echo mine >"$TMP/full/week2/notes.txt"
  expect 1 "$DLC" release "$TMP/full"
  err_lines 1
  out_lines 0
  err_has "^dlc release: $TMP/full is not empty; nothing written (choose a new or an empty folder)$"
  [ "$(find "$TMP/full" | sort | tr '\n' ' ')" = "$TMP/full $TMP/full/week2 $TMP/full/week2/notes.txt " ] ||
    fail "the folder changed"
  [ "$(cat "$TMP/full/week2/notes.txt")" = mine ] || fail "a file of the folder changed"
  echo mine >"$TMP/file"
  expect 1 "$DLC" release "$TMP/file"
  err_lines 1
  err_has "^dlc release: $TMP/file exists and is not a folder; nothing written$"
  expect 2 "$DLC" release
  err_has "^dlc: release: into which folder?$"
}

# dlc release DIR inside the source tree or its build: one line, exit code 1, nothing made.
case_release_inside_tree() {
  expect 1 "$DLC" release "$DLC_SOURCE_DIR/release/new"
  err_lines 1
  out_lines 0
  err_has "^dlc release: $DLC_SOURCE_DIR/release/new is inside the source tree "
  [ ! -e "$DLC_SOURCE_DIR/release" ] || fail "dlc release made $DLC_SOURCE_DIR/release"
  expect 1 "$DLC" release "$BIN/../dlc-release"
  err_lines 1
  err_has "^dlc release: .* is inside the \(source tree\|build folder\) "
  [ ! -e "$BIN/../dlc-release" ] || fail "dlc release made $BIN/../dlc-release"
}

# ---- dlc watch, and dlc list from the stored results ------------------------------------------
# These cases grade a copy of the tree's student files in $TMP/tree (--source-dir) against the
# build beside $DLC, so that no file of the repository is written; the results of the copy are
# kept in the build folder in a file of their own, removed at the end (forget_results).
BUILD_DIR=$(dirname "$BIN")

# copy_tree FILE...: $TMP/tree with the manifest, the solutions and the student files named.
copy_tree() {
  mkdir -p "$TMP/tree"
  cp "$DLC_SOURCE_DIR/exercises.ini" "$TMP/tree/"
  cp -R "$DLC_SOURCE_DIR/solutions" "$TMP/tree/"
  for f in "$@"; do
    mkdir -p "$TMP/tree/$(dirname "$f")"
    cp "$DLC_SOURCE_DIR/$f" "$TMP/tree/$f"
  done
  trap 'forget_results; rm -rf "$TMP"' EXIT INT TERM
}
# The results files of the copies of this run, found by their source line.
forget_results() {
  for f in "$BUILD_DIR"/dlc-results-*.txt; do
    [ -f "$f" ] && sed -n 2p "$f" | grep -q -F "source $TMP/" && rm -f "$f"
  done
  return 0
}
results_of_copy() {
  for f in "$BUILD_DIR"/dlc-results-*.txt; do
    [ -f "$f" ] && sed -n 2p "$f" | grep -q -x -F "source $TMP/tree" && echo "$f"
  done
}
# wait_for FILE PATTERN SECONDS PID: until a line of FILE matches PATTERN, while PID runs.
wait_for() {
  waited=0
  until grep -q -e "$2" "$1"; do
    kill -0 "$4" 2>/dev/null || { sed 's/^/  watch| /' "$1"; fail "dlc watch ended before: $2"; }
    [ "$waited" -lt $(($3 * 5)) ] || { sed 's/^/  watch| /' "$1"; fail "no line matching '$2' in $3 s"; }
    sleep 0.2
    waited=$((waited + 1))
  done
}
# The lines between // BEGIN SOLUTION <id> and // END SOLUTION of a solution file.
solution_body() {
  awk -v id="$1" '$0 ~ "// BEGIN SOLUTION " id "$" {f = 1; next} /\/\/ END SOLUTION/ {f = 0} f' "$2"
}

case_watch_regrades_on_save() {
  lesson=week2/logistic_regression.cpp
  copy_tree "$lesson"
  cp "$DLC_SOURCE_DIR/$lesson" "$TMP/before.cpp"
  "$DLC" watch week2.sigmoid --source-dir "$TMP/tree" --interval 0.2 >"$TMP/watch.out" 2>&1 &
  pid=$!
  wait_for "$TMP/watch.out" '^Now: week2.sigmoid (lecture 2.2' 30 "$pid"
  grep -q "^  edit $lesson; status: not graded yet" "$TMP/watch.out" || fail "no file to edit"
  # The reference's body in place of the stub's DLC_TODO, saved as an editor does: a new file
  # renamed over the old one.
  solution_body week2.sigmoid "$DLC_SOURCE_DIR/solutions/$lesson" >"$TMP/body"
  [ -s "$TMP/body" ] || fail "no solution of week2.sigmoid in solutions/$lesson"
  awk -v body="$TMP/body" '/DLC_TODO\("week2.sigmoid"/ { while ((getline l < body) > 0) print l; next }
    { print }' "$TMP/tree/$lesson" >"$TMP/tree/$lesson.new"
  mv "$TMP/tree/$lesson.new" "$TMP/tree/$lesson"
  wait_for "$TMP/watch.out" '^week2.sigmoid passes\.$' 60 "$pid"
  kill -INT "$pid"
  wait "$pid"
  code=$?
  sed 's/^/  watch| /' "$TMP/watch.out"
  [ "$code" -eq 130 ] || fail "dlc watch exited with $code after Ctrl-C, expected 130"
  grep -q "^$lesson changed: grading its [0-9]* exercises" "$TMP/watch.out" || fail "no grading line"
  grep -q '^> week2.sigmoid  *1 / 1  *passed$' "$TMP/watch.out" || fail "no passing row"
  grep -q '^  week2.propagate  *0 / 2  *not implemented yet$' "$TMP/watch.out" ||
    fail "the lesson's other exercises are not in the table"
  grep -q '^Every exercise watched passes (1 of them, 1 / 1 points)\.$' "$TMP/watch.out" ||
    fail "no line saying every exercise watched passes"
  cmp -s "$TMP/before.cpp" "$DLC_SOURCE_DIR/$lesson" || fail "the tree's own $lesson was changed"
  # What it graded is stored: dlc list shows it.
  expect 0 "$DLC" list week2 --source-dir "$TMP/tree"
  out_has '^week2.sigmoid  *2.2  *1  *passing  '
  out_has '^week2.propagate  *2.10-2.11  *2  *not implemented yet  '
  out_has '^week2.graph_forward .* not graded yet  '
}

case_watch_bad_input() {
  for args in "sigmoid|no exercise or block is called \"sigmoid\" (did you mean week2.sigmoid or week3.sigmoid?)" \
    "week2.sigmod|no exercise or block is called \"week2.sigmod\"$" \
    "week2 week3|one exercise or block at a time" \
    "--interval 0|--interval"; do
    pattern=${args#*|}
    # shellcheck disable=SC2086
    expect 2 "$DLC" watch ${args%%|*}
    err_lines 2
    out_lines 0
    grep -q -e "^dlc: watch: .*$pattern" "$ERR" || fail "the error line does not match: $pattern"
    sed -n 2p "$ERR" | grep -q '^usage: dlc watch' || fail "the second line is not a usage line"
  done
}

case_watch_list_stored() {
  copy_tree week2/images.cpp week2/logistic_regression.cpp week2/computation_graph.cpp \
    week2/vectorization.cpp week2/broadcasting.cpp
  expect 0 "$DLC" grade week2 --source-dir "$TMP/tree" --quiet
  [ -n "$(results_of_copy)" ] || fail "dlc grade stored no results"
  start=$(date +%s%N)
  expect 0 "$DLC" list --source-dir "$TMP/tree"
  ms=$((($(date +%s%N) - start) / 1000000))
  echo "  dlc list answered in $ms ms"
  [ "$ms" -lt 1000 ] || fail "dlc list took $ms ms, more than a second"
  out_has '^week2.sigmoid  *2.2  *1  *not implemented yet  *The sigmoid function$'
  out_has '^week2.calorie_percentages .* not implemented yet  '
  out_has '^week1.relu .* not graded yet  '
  out_has '^0 of [0-9]* exercises passing ([0-9]* not graded yet)$'
  out_has '^Total: 0 / [0-9]* points at the last grading$'
  out_line "These are the last results stored; 'dlc grade' (or 'dlc list --regrade') grades again."
  # A saved change to one lesson's file: its exercises are no longer what was graded.
  echo '// a change' >>"$TMP/tree/week2/logistic_regression.cpp"
  expect 0 "$DLC" list week2 --source-dir "$TMP/tree"
  out_has '^week2.sigmoid .* changed since graded (was not implemented yet)  '
  out_has '^week2.model .* changed since graded '
  out_has '^week2.graph_forward .* not implemented yet  '
  out_has '^0 of [0-9]* exercises passing ([0-9]* changed since graded)$'
  # A partial grade updates only what it grades.
  expect 0 "$DLC" grade week2.sigmoid --source-dir "$TMP/tree" --quiet
  expect 0 "$DLC" list week2 --source-dir "$TMP/tree"
  out_has '^week2.sigmoid .* not implemented yet  '
  out_has '^week2.propagate .* changed since graded '
  # --regrade grades first.
  expect 0 "$DLC" list week2.propagate --regrade --source-dir "$TMP/tree"
  out_has '^week2.propagate .* not implemented yet  '
  out_lacks 'last results stored'
}

case_watch_corrupt_results() {
  copy_tree week2/logistic_regression.cpp
  expect 0 "$DLC" grade week2.sigmoid --source-dir "$TMP/tree" --quiet
  file=$(results_of_copy)
  [ -n "$file" ] || fail "dlc grade stored no results"
  head -n 3 "$file" >"$TMP/cut" && cat "$TMP/cut" >"$file"
  expect 0 "$DLC" list week2.sigmoid --source-dir "$TMP/tree"
  err_lines 1
  err_has "^dlc list: ignored the stored results in $file (line 4: no end line: the file is truncated); 'dlc grade' stores them again$"
  out_has '^week2.sigmoid .* not graded yet  '
  printf 'dlc-results 1\nsource %s\n\001\002\377\tpassed\n' "$TMP/tree" >"$file"
  expect 0 "$DLC" list week2.sigmoid --source-dir "$TMP/tree"
  err_lines 1
  err_has "^dlc list: ignored the stored results in $file (line 3: expected 7 fields"
  out_has '^week2.sigmoid .* not graded yet  '
  # dlc watch says it too, and starts.
  "$DLC" watch week2.sigmoid --source-dir "$TMP/tree" >"$TMP/watch.out" 2>&1 &
  pid=$!
  wait_for "$TMP/watch.out" '^Now: week2.sigmoid' 30 "$pid"
  kill -INT "$pid"
  wait "$pid"
  code=$?
  sed 's/^/  watch| /' "$TMP/watch.out"
  [ "$code" -eq 130 ] || fail "dlc watch exited with $code after Ctrl-C, expected 130"
  grep -q "^dlc watch: ignored the stored results in $file (line 3" "$TMP/watch.out" ||
    fail "dlc watch did not say it ignored the results"
  # The next grading writes them whole again.
  expect 0 "$DLC" grade week2.sigmoid --source-dir "$TMP/tree" --quiet
  expect 0 "$DLC" list week2.sigmoid --source-dir "$TMP/tree"
  err_lines 0
  out_has '^week2.sigmoid .* not implemented yet  '
}

[ $# -eq 1 ] || fail "usage: dlc_cli_test.sh <case>"
command -v "case_$1" >/dev/null 2>&1 || fail "no such case: $1"
"case_$1"
echo "PASS: $1"
