#!/usr/bin/env bash
# Quick start, first command: build and run the week 2 demos with the reference solutions.
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
