#!/usr/bin/env bash
# Gradescope's setup.sh: run once, as root, in /autograder/source (the unzipped package that
# `dlc gradescope DIR` writes), when Gradescope builds the autograder's image.
#
# It installs the Debian packages the project builds with (scripts/lib.sh's list; nothing when
# they are all there, so no network is needed then), builds what grading needs and nothing else
# (the `grading` target: dlc, dlc-run-as, each lesson's judge and reference objects), adds the
# unprivileged user dlc-sandbox that run_autograder's user sandbox runs a submission as, and
# makes the tree (the solutions, the tests, the judges) readable by root alone.
#
# DLC_AUTOGRADER_ROOT: the root to use instead of /autograder (a test's simulated one).
set -euo pipefail

root=${DLC_AUTOGRADER_ROOT:-/autograder}
source_dir=$root/source
sandbox_user=dlc-sandbox

# shellcheck source=../lib.sh
source "$source_dir/scripts/lib.sh"
dlc_ensure_packages

cd "$source_dir"
cmake --preset release -DDLC_BUILD_DOCS=OFF -DDLC_BUILD_BENCHMARKS=OFF
cmake --build --preset release --target grading

if ! id -u "$sandbox_user" >/dev/null 2>&1; then
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
    --user-group "$sandbox_user"
fi

# The answers out of the sandbox's reach: no one but root reads or searches the tree.
chown -R root:root "$source_dir"
chmod -R go-rwx "$source_dir"
echo "setup.sh: built $source_dir/build/release; the tree is root's alone"
