/// \file
/// \brief `dlc watch`: regrades the exercise being edited each time its file is saved.
#pragma once

#include <iosfwd>
#include <string>

#include "apps/grader/grader.hpp"

namespace dlc::watch {

/// What to watch and how.
struct WatchOptions {
  /// The tree, its build, the exercises or blocks to watch (empty: all) and the time limit.
  grader::GradeOptions grade;
  /// How often the lesson files are looked at, in seconds.
  double interval_seconds = 0.5;
};

/// \brief Watches the student files of the lessons of the selected exercises and, each time one
/// is saved with new content, grades every exercise of that lesson, prints them in a short table
/// with the first failure's detail, stores the results (results_store.hpp) and shows the first
/// selected exercise, in course order, that does not pass yet; says so when every one passes.
/// A file that does not compile, a crashing exercise or a grader that cannot build is reported
/// and watched again. Runs until interrupted (the grading in progress is killed with it).
/// \throws grader::ManifestError, grader::GradeError, grader::SelectionError when it cannot start
///         (a broken manifest, no build folder, an unknown exercise).
[[noreturn]] void watch(const WatchOptions& options, std::ostream& out);

}  // namespace dlc::watch
