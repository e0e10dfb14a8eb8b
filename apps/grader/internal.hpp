/// \file
/// \brief What the grader's own files share (grader.cpp, release.cpp, gradescope.cpp, batch.cpp,
/// and `dlc` itself): building
/// some targets, paths, the folder a package is written into, and an exercise graded without a
/// run.
#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "apps/grader/grader.hpp"
#include "apps/grader/lessons.hpp"

namespace dlc::grader {

/// \brief What a grading works on, read once: the tree and its build (absolute), the exercises
/// selected, the lessons of the build and which of them hold the selected exercises.
/// \throws ManifestError, SelectionError, GradeError as grade() does: a broken manifest, a word
///         that names nothing, no build folder, an unreadable lesson list.
class GradingPlan {
 public:
  explicit GradingPlan(const GradeOptions& options);
  // lesson_of, by_path and needed point into lessons.
  GradingPlan(const GradingPlan&) = delete;
  GradingPlan& operator=(const GradingPlan&) = delete;

  std::string source;
  std::string build;
  std::vector<Exercise> selected;                  ///< in course order
  std::vector<Lesson> lessons;                     ///< of lessons.txt, in its order
  std::map<std::string, const Lesson*> lesson_of;  ///< by exercise id
  std::map<std::string, const Lesson*> by_path;    ///< by `week2/logistic_regression`
  std::vector<const Lesson*> needed;               ///< those holding a selected exercise
};

/// `path` made absolute and normal, symbolic links resolved as far as they exist.
std::string absolute(const std::string& path);

/// Whether `path` is `dir` or lies inside it (both absolute and normal).
bool inside(const std::string& path, const std::string& dir);

/// `x` with `digits` decimals: `fixed(38.24, 1)` is `38.2`.
std::string fixed(double x, int digits);

/// Seconds as the reports print them: `0.25`, `12.5`.
std::string seconds_text(double s);

/// \brief Why `given` (absolute: `target`) cannot receive a package (a release, Gradescope's
/// zip): it lies inside one of `trees` (each a pair of a name such as "the source tree" and a
/// folder), or it exists and is not a folder, or not empty. Empty when it can; nothing is
/// written either way.
std::string output_folder_refusal(const std::string& given, const std::string& target,
                                  const std::vector<std::pair<std::string, std::string>>& trees);

/// An exercise that was not run: its lesson does not compile, it has no tests ...
ExerciseResult without_run(const Exercise& e, Outcome outcome, std::string summary,
                           std::string detail);

/// \brief Adds `r`, the `index`-th of `total` exercises, to `report`, and prints its progress
/// line (`[3/19] week2.sigmoid: 1 / 1  passed (0.12 s)`) when `progress` is set.
void add_result(GradeReport& report, ExerciseResult r, std::size_t index, std::size_t total,
                std::ostream* progress);

/// How a build went.
struct BuildResult {
  bool ok = false;
  std::string first_error;  ///< one line: `week2/x.cpp:12:3: error: ...`
  std::string context;      ///< the lines around it
};

/// \brief Builds `targets` of the configured build `build_dir` (`cmake --build`, on every core),
/// under the grader's time, memory and output limits.
/// \param[in] prefixes folders removed from the file names of the messages (the source and build
///            folders), so that an error reads `week2/x.cpp:12:3: error: ...`
BuildResult run_build(const std::string& build_dir, const std::vector<std::string>& targets,
                      const std::vector<std::string>& prefixes);

}  // namespace dlc::grader
