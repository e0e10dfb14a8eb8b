/// \file
/// \brief The lessons of the course as the grader sees them: the lessons of lessons.cmake, as the
/// build lists them, with the exercise ids each one's solution marks.
#pragma once

#include <string>
#include <vector>

namespace dlc::grader {

/// One lesson: the student's file `<block>/<name>.cpp`, its tests' programs
/// `bin/test_<block>_<name>_student` and `bin/test_<block>_<name>_solution`.
struct Lesson {
  std::string block;                      ///< `week2`
  std::string name;                       ///< `logistic_regression`
  std::vector<std::string> exercise_ids;  ///< marked in its solution, in file order
  std::vector<std::string> functions;  ///< the qualified C++ function of each exercise, same order
  std::vector<std::string> depends;    ///< the lessons it builds on: `week4/dimensions`
  /// `week2/logistic_regression`
  std::string path() const { return block + "/" + name; }
  /// The student's file, relative to the source tree: `week2/logistic_regression.cpp`.
  std::string student_file() const { return path() + ".cpp"; }
  /// The test program's target: `test_week2_logistic_regression_student`.
  std::string test_target(bool solution) const {
    return "test_" + block + "_" + name + (solution ? "_solution" : "_student");
  }
};

/// \brief The lessons of the configured build `build_dir` (its `lessons.txt`, which CMake writes
/// from lessons.cmake: one `<block>/<lesson>` a line, then the lessons it depends on), in their
/// order, each with the exercise
/// ids marked in `<source_dir>/solutions/<block>/<name>.cpp` (in a release, which has no
/// solutions/, the ids `dlc release` wrote into its `lesson_exercises.txt`; no functions).
/// \throws GradeError when the list or a solution cannot be read, or a marker is malformed.
std::vector<Lesson> read_lessons(const std::string& source_dir, const std::string& build_dir);

}  // namespace dlc::grader
