#!/usr/bin/env bash
# Quick start, second command: build everything (both flavours, the docs) and run the test suite.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
dlc_ensure_packages
dlc_build
cd "$dlc_root"
cmake --build --preset release --target format-check
ctest --preset release
