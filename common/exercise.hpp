/// \file
/// \brief The exercise mechanism: `DLC_TODO` and `dlc::NotImplemented`.
///
/// Each graded function of a lesson has a reference body in `solutions/<block>/<lesson>.cpp`
/// between two marker lines,
///
///     // BEGIN SOLUTION <block>.<exercise>
///     ...  the reference code, which the student writes
///     // END SOLUTION
///
/// and `dlc-stubgen` writes the student's file `<block>/<lesson>.cpp` from it, with each marked
/// region replaced by one line
///
///     DLC_TODO("<block>.<exercise>");
///
/// The stub compiles and, when called, throws `dlc::NotImplemented` naming the exercise and the
/// file it is written in, so an untouched exercise reports "not implemented yet" instead of
/// crashing or passing. The exercise's hints are in `exercises.ini`: `dlc hint week2.sigmoid`
/// shows one more each time.
#pragma once

#include <stdexcept>
#include <string>

namespace dlc {

/// Thrown by an exercise the student has not written yet.
class NotImplemented : public std::logic_error {
 public:
  /// The error for exercise `exercise` (e.g. `week2.sigmoid`), written in `file`.
  NotImplemented(std::string exercise, std::string file);
  /// The exercise id, e.g. `week2.sigmoid`.
  const std::string& exercise() const { return exercise_; }
  /// The student's file that holds the exercise, as the build names it:
  /// `week2/logistic_regression.cpp` (the lessons are compiled with the source folder removed
  /// from `__FILE__`).
  const std::string& file() const { return file_; }

 private:
  std::string exercise_;
  std::string file_;
};

/// Throws `NotImplemented(exercise, file)`; what `DLC_TODO` expands to.
[[noreturn]] void not_implemented(const char* exercise, const char* file);

}  // namespace dlc

/// Marks the place where the student writes the body of exercise `id` (a string literal such
/// as `"week2.sigmoid"`). Until it is replaced it throws `dlc::NotImplemented`, which names the
/// exercise and this file.
#define DLC_TODO(id) ::dlc::not_implemented(id, __FILE__)
