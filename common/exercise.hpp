/// \file
/// \brief The exercise mechanism: `DLC_TODO` and `dlc::NotImplemented`.
///
/// Each graded function of a lesson has a reference body in `solutions/<block>/<lesson>.cpp`
/// between two marker lines,
///
///     // BEGIN SOLUTION week2.sigmoid: the hint shown to the student
///     return 1.0 / (1.0 + exp(-z));
///     // END SOLUTION
///
/// and `dlc-stubgen` writes the student's file `<block>/<lesson>.cpp` from it, with each marked
/// region replaced by one line
///
///     DLC_TODO("week2.sigmoid", "the hint shown to the student");
///
/// The stub compiles and, when called, throws `dlc::NotImplemented` naming the exercise, so an
/// untouched exercise reports "not implemented yet" instead of crashing or passing.
#pragma once

#include <stdexcept>
#include <string>

namespace dlc {

/// Thrown by an exercise the student has not written yet.
class NotImplemented : public std::logic_error {
 public:
  /// The error for exercise `exercise` (e.g. `week2.sigmoid`), carrying the stub's `hint`.
  NotImplemented(std::string exercise, std::string hint);
  /// The exercise id, e.g. `week2.sigmoid`.
  const std::string& exercise() const { return exercise_; }
  /// The hint the stub carries.
  const std::string& hint() const { return hint_; }

 private:
  std::string exercise_;
  std::string hint_;
};

/// Throws `NotImplemented(exercise, hint)`; what `DLC_TODO` expands to.
[[noreturn]] void not_implemented(const char* exercise, const char* hint);

}  // namespace dlc

/// Marks the place where the student writes the body of exercise `id` (a string literal such
/// as `"week2.sigmoid"`). Until it is replaced it throws `dlc::NotImplemented`.
#define DLC_TODO(id, hint) ::dlc::not_implemented(id, hint)
