#!/usr/bin/env bash
# Quick start, first command: build and run the demos of weeks 2 and 3 with the reference
# solutions (pictures go to ./dlc-plots).
#   scripts/demo.sh                    (logistic regression on a two-class Fashion-MNIST subset)
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
if [[ -n ${DLC_DATA_DIR:-} ]]; then
  run week2.logreg --solution --data-dir "$DLC_DATA_DIR"
else
  run week2.logreg --solution
fi
run week3.planar --solution --plots "$PWD/dlc-plots"
