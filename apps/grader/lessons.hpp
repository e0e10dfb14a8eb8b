/// \file
/// \brief The lessons of the course as the grader sees them: each line `dlc_lesson(<block>
/// <lesson> ...)` of lessons.cmake, with the exercise ids its solution marks.
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
  /// `week2/logistic_regression`
  std::string path() const { return block + "/" + name; }
  /// The student's file, relative to the source tree: `week2/logistic_regression.cpp`.
  std::string student_file() const { return path() + ".cpp"; }
  /// The test program's target: `test_week2_logistic_regression_student`.
  std::string test_target(bool solution) const {
    return "test_" + block + "_" + name + (solution ? "_solution" : "_student");
  }
};

/// \brief The lessons of `<source_dir>/lessons.cmake`, in its order, each with the exercise ids
/// marked in `solutions/<block>/<name>.cpp`.
/// \throws GradeError when lessons.cmake or a solution cannot be read, or a marker is malformed.
std::vector<Lesson> read_lessons(const std::string& source_dir);

}  // namespace dlc::grader
