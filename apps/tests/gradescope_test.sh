#!/bin/sh
# The Gradescope package, end to end, in a simulated /autograder root: gradescope_test.sh
#
# `dlc gradescope` writes the zip; it is unzipped into $T/autograder/source; its setup.sh installs
# nothing (the packages are there) and builds the `grading` target; then run_autograder grades a
# submission holding the reference solution of week1/neuron (full marks), attacks at compile time
# on week2/vectorization (#include of its solution by absolute path) and week2/computation_graph
# (the solution .incbin'ed by the assembler), and one at run time on week2/broadcasting (it
# prints the solution, the tests and the judges' reports it can open, writes results.json and
# leaves a daemon rewriting it). results.json must be valid, give the expected
# scores, 0 to the attacked exercises, and hold no line of the solutions. It runs once with the
# bubblewrap sandbox and once with the user sandbox (as root only); each half skips, saying why,
# where it cannot run.
#
# Environment: DLC, the dlc executable; DLC_SOURCE_DIR, the source tree.

set -u
: "${DLC:?set DLC to the dlc executable}"
: "${DLC_SOURCE_DIR:?set DLC_SOURCE_DIR to the source tree}"
PYTHON=/usr/bin/python3

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
now() { date +%s.%N; }
since() { echo "$1 $(now)" | awk '{ printf "%.1f s", $2 - $1 }'; }
[ -x "$PYTHON" ] || { echo "SKIPPED: $PYTHON is missing (it reads results.json)"; exit 77; }

# In /tmp: the user sandbox's user must be able to reach the grading folders made under it.
T=$(mktemp -d /tmp/dlc-gradescope-test.XXXXXX) || exit 1
trap 'rm -rf "$T"' EXIT INT TERM
ROOT=$T/autograder
SOURCE=$ROOT/source
start=$(now)

echo "\$ dlc gradescope $T/package"
"$DLC" gradescope "$T/package" || fail "dlc gradescope failed"
ls -l "$T/package/autograder.zip"
mkdir -p "$SOURCE" "$ROOT/submission"
(cd "$SOURCE" && cmake -E tar xf "$T/package/autograder.zip") || fail "cannot unzip the package"
[ -x "$SOURCE/setup.sh" ] && [ -x "$SOURCE/run_autograder" ] ||
  fail "setup.sh and run_autograder are not executable after unzipping"
[ ! -e "$SOURCE/.git" ] && [ ! -e "$SOURCE/build" ] || fail "the package holds .git or build/"

echo "\$ setup.sh"
t=$(now)
(cd "$SOURCE" && DLC_AUTOGRADER_ROOT=$ROOT ./setup.sh) >"$T/setup.log" 2>&1 || {
  tail -n 40 "$T/setup.log"
  fail "setup.sh failed"
}
tail -n 3 "$T/setup.log"
grep -q "Installing from Debian" "$T/setup.log" && fail "setup.sh installed packages"
echo "setup.sh: $(since "$t")"
[ "$(stat -c %a "$SOURCE")" = 700 ] || fail "setup.sh left $SOURCE readable by others"
cp "$SOURCE/run_autograder" "$ROOT/run_autograder"

# The submission: week1's reference; the attacks.
SUB=$ROOT/submission
mkdir -p "$SUB/week1" "$SUB/week2"
cp "$DLC_SOURCE_DIR/solutions/week1/neuron.cpp" "$SUB/week1/neuron.cpp"
cat >"$SUB/week2/vectorization.cpp" <<EOF
// Reads the answers at compile time: the solution, by absolute path.
#include "$SOURCE/solutions/week2/vectorization.cpp"
EOF
cat >"$SUB/week2/computation_graph.cpp" <<EOF
// Reads the answers at compile time: the solution, into the object, by the assembler.
#include "week2/computation_graph.hpp"
asm(".section .rodata\n.globl dlc_leak\ndlc_leak:\n"
    ".incbin \"$SOURCE/solutions/week2/computation_graph.cpp\"\n.byte 0\n.previous");
EOF
cat >"$SUB/week2/broadcasting.cpp" <<EOF
// Reads the answers at run time, prints them, forges results.json and leaves a daemon that
// rewrites it.
#include "week2/broadcasting.hpp"

#include <glob.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

namespace {
std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "(cannot read " + path + ")\n";
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
}  // namespace

namespace dlc::week2 {

Matrix calories_table() {
  return Matrix{{56.0, 0.0, 4.4, 68.0}, {1.2, 104.0, 52.0, 8.0}, {1.8, 135.0, 99.0, 0.9}};
}

Matrix calorie_percentages(const Matrix& A) {
  std::string all = "uid " + std::to_string(::getuid()) + "\n";
  all += slurp("$SOURCE/solutions/week2/broadcasting.cpp");
  all += slurp("$SOURCE/tests/week2/test_broadcasting.cpp");
  for (const char* pattern : {"/tmp/dlc-grade-*/judge/*", "../judge/*", "/tmp/*/judge/*"}) {
    glob_t found{};
    if (::glob(pattern, 0, nullptr, &found) == 0)
      for (size_t i = 0; i < found.gl_pathc; ++i) all += slurp(found.gl_pathv[i]);
    ::globfree(&found);
  }
  std::ofstream("$ROOT/results/results.json") << "{\"score\": 1000}";
  if (::fork() == 0) {
    ::setsid();
    if (::fork() == 0)
      ::execl("/bin/sh", "sh", "-c",
              "while :; do echo '{\"score\": 1000}' > '$ROOT/results/results.json'; sleep 0.05; "
              "done",
              (char*)nullptr);
    ::_exit(0);
  }
  ::wait(nullptr);
  std::cout << all << std::flush;
  return A;
}

}  // namespace dlc::week2
EOF

# The exercises graded: those of the three lessons.
EXERCISES="week1.relu week1.neuron_step week1.housing_forward week2.calorie_percentages
week2.dot_loop week2.dot_vectorized week2.graph_forward week2.graph_backward"

# check_results SANDBOX: results.json as it must be.
check_results() {
  json=$ROOT/results/results.json
  [ "$(stat -c %a "$ROOT/results")" = 700 ] || fail "the results folder is readable by others"
  cp "$json" "$T/first.json"
  sleep 1
  cmp -s "$json" "$T/first.json" || fail "results.json changed after run_autograder ended"
  "$PYTHON" - "$json" "$DLC_SOURCE_DIR" <<'EOF' || fail "results.json is not as expected ($1)"
import json, re, sys
path, source = sys.argv[1], sys.argv[2]
text = open(path).read()
r = json.loads(text)
def by_id(i):
    for t in r["tests"]:
        if i in t["name"] or i == t.get("extra_data", {}).get("id"):
            return t
    sys.exit("no test for " + i + " in " + path)
week1 = [by_id(i) for i in ("week1.relu", "week1.neuron_step", "week1.housing_forward")]
for t in week1:
    assert t["score"] == t["max_score"] > 0, t
attacked = ("week2.calorie_percentages", "week2.dot_loop", "week2.dot_vectorized",
            "week2.graph_forward", "week2.graph_backward")
for i in attacked:
    assert by_id(i)["score"] == 0, by_id(i)
for i in attacked[1:]:
    assert "does not compile" in by_id(i)["output"], by_id(i)
assert r["score"] == sum(t["max_score"] for t in week1), r["score"]
# No line of the solutions' answers appears anywhere in it.
leaks = []
for lesson in ("week2/broadcasting", "week2/vectorization", "week2/computation_graph"):
    inside = False
    for line in open(source + "/solutions/" + lesson + ".cpp"):
        line = line.strip()
        if "BEGIN SOLUTION" in line:
            inside = True
        elif "END SOLUTION" in line:
            inside = False
        elif inside and len(line) >= 8 and line in json.dumps(r) + text:
            leaks.append(line)
assert not leaks, "results.json holds lines of the solutions: %r" % leaks
print("results.json: score", r["score"], "of", r.get("max_score"), "-", len(r["tests"]),
      "exercises, the attacked ones 0, no line of the solutions")
EOF
}

ran=0
# run_grading SANDBOX: run_autograder with DLC_AUTOGRADER_SANDBOX=SANDBOX, then the checks.
run_grading() {
  echo "\$ DLC_AUTOGRADER_SANDBOX=$1 run_autograder $(echo $EXERCISES)"
  t=$(now)
  # shellcheck disable=SC2086
  DLC_AUTOGRADER_ROOT=$ROOT DLC_AUTOGRADER_SANDBOX=$1 "$ROOT/run_autograder" $EXERCISES \
    >"$T/run.log" 2>&1 || fail "run_autograder failed"
  sed 's/^/  | /' "$T/run.log" | head -n 40
  echo "run_autograder ($1): $(since "$t")"
  check_results "$1"
  ran=$((ran + 1))
}

if bwrap --unshare-all --die-with-parent --ro-bind / / true >/dev/null 2>&1; then
  run_grading bwrap
else
  echo "SKIPPED the bubblewrap half: bwrap cannot make a sandbox here"
fi

if [ "$(id -u)" -eq 0 ]; then
  run_grading user
  pgrep -u dlc-sandbox >/dev/null && fail "processes of dlc-sandbox outlived the grading"
  # A tree its user can read: refused, saying why, in a results.json of score 0.
  chmod o+x "$T" "$ROOT" "$SOURCE"
  chmod -R o+rX "$SOURCE/solutions"
  DLC_AUTOGRADER_ROOT=$ROOT DLC_AUTOGRADER_SANDBOX=user "$ROOT/run_autograder" week1.relu \
    >"$T/run.log" 2>&1 || fail "run_autograder failed"
  cat "$ROOT/results/results.json"
  "$PYTHON" -c 'import json, sys
r = json.load(open(sys.argv[1]))
assert r["score"] == 0 and "can reach" in r["output"] and "solutions" in r["output"], r' \
    "$ROOT/results/results.json" || fail "a readable tree was not refused"
else
  echo "SKIPPED the user sandbox's half: it needs root (the grader becomes dlc-sandbox)"
fi

echo "total: $(since "$start")"
[ "$ran" -gt 0 ] || { echo "SKIPPED: neither sandbox can run here"; exit 77; }
echo "PASS"
