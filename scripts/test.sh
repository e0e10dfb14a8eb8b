#!/usr/bin/env bash
# Quick start, second command: build everything (both flavours, the docs) and run the test suite.
# In a release (`dlc release`: no solutions/), build the student's code and grade it instead.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dlc_ensure_packages
dlc_build
cd "$dlc_root"
if [[ ! -d solutions ]]; then
  build/release/bin/dlc grade
  exit
fi
cmake --build --preset release --target format-check
ctest --preset release
