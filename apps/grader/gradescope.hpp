/// \file
/// \brief `dlc gradescope DIR`: Gradescope's autograder package of the course.
///
///     const std::string zip = dlc::grader::write_gradescope_package(source_dir, "out");
///     // out/autograder.zip: setup.sh, run_autograder and the course tree at its root
///
/// Gradescope unzips the package into `/autograder/source`, runs `setup.sh` there once when it
/// builds the autograder's image (as root: it installs the Debian packages of scripts/lib.sh,
/// builds the `grading` target, makes the tree root's alone and adds the sandbox's user), then,
/// for each submission, runs `run_autograder`, which grades `/autograder/submission` into
/// `/autograder/results/results.json`. Both scripts are scripts/gradescope/ of the tree.
#pragma once

#include <string>

namespace dlc::grader {

/// \brief Writes `<out_dir>/autograder.zip` (made by `cmake -E tar --format=zip`): at its root
/// `setup.sh` and `run_autograder` (executable) and the tree `source_dir` without its build
/// folders (any folder holding a CMakeCache.txt, `build/`, `out/`), `.git`, and editors' and
/// temporary files.
/// \return the zip's path.
/// \throws GradeError, with nothing written, when `out_dir` exists and is not an empty folder,
///         is inside `source_dir`, or the package cannot be made.
std::string write_gradescope_package(const std::string& source_dir, const std::string& out_dir);

}  // namespace dlc::grader
