#!/usr/bin/env bash
# Quick start, first command: build and run the demos of weeks 2 to 4 and of Course 2's first two
# weeks with the reference solutions (pictures go to ./dlc-plots).
#   scripts/demo.sh                    (logistic regression and the deep network on a two-class
#                                       Fashion-MNIST subset)
#   DLC_DATA_DIR=DIR scripts/demo.sh   (on the course's cat files in DIR instead)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dlc_ensure_packages
dlc_build --target dlc dlc-lessons-solution
dlc="$dlc_root/build/release/bin/dlc"
run() {
  printf '\n$ dlc run %s\n' "$*"
  "$dlc" run "$@"
}
run week2.graph --solution
run week2.broadcasting --solution
run week2.vectorization --solution
data=()
[[ -n ${DLC_DATA_DIR:-} ]] && data=(--data-dir "$DLC_DATA_DIR")
run week2.logreg --solution "${data[@]}"
run week3.planar --solution --plots "$PWD/dlc-plots"
run week4.shapes --solution --layers 12288,20,7,5,1
run week4.deep --solution "${data[@]}" --plots "$PWD/dlc-plots"
run course2.initialization --solution --plots "$PWD/dlc-plots"
run course2.gradient_checking --solution
run course2.optimization --solution --optimizer adam --plots "$PWD/dlc-plots"
