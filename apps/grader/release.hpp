/// \file
/// \brief `dlc release DIR`: what students get, as nbgrader's release step writes it, and how
/// such a tree (one without `solutions/`) grades itself.
///
/// A release holds the course's headers and the student's stubs, `common/`, the lessons' tests,
/// `apps/` (the `dlc` command, the grader, the lesson programs), the build files, the hints and
/// the docs as HTML; never `solutions/`, the planted mistakes or the benchmarks of the
/// reference. Without the reference there is no judge: a release grades in-process, each
/// exercise's tests run in the student's own test program (grade_program()), a student grading
/// their own code. That grade is the student's, not the trusted one (see grader.hpp).
///
///     dlc::grader::ReleaseOptions options;
///     options.source_dir = "/path/to/dl-companion";
///     options.build_dir = "/path/to/dl-companion/build/release";
///     options.target_dir = "/tmp/course-release";
///     dlc::grader::write_release(options);  // then: cmake --preset release && dlc grade
#pragma once

#include <cstdint>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "apps/grader/grader.hpp"

namespace dlc::grader {

/// The file, beside `lessons.cmake`, in which `dlc release` writes the exercise ids of each
/// lesson (read from the solutions' markers), since a release has no solutions to read them
/// from: one line per lesson, `<block>/<lesson> <id> <id> ...`; `#` starts a comment.
inline constexpr const char* kLessonExercisesFile = "lesson_exercises.txt";

/// \brief Whether `source_dir` is the instructor's tree: it has `solutions/`. A tree without it
/// is a release.
bool has_solutions(const std::string& source_dir);

/// \brief The exercise ids of `lesson` (`week2/logistic_regression`) in the release
/// `source_dir`, from its kLessonExercisesFile.
/// \throws GradeError when the file cannot be read or does not list the lesson.
std::vector<std::string> released_exercise_ids(const std::string& source_dir,
                                               const std::string& lesson);

/// \brief Why `dlc grade` with these options cannot run in a release (the reference solutions,
/// a submission, a folder of submissions), on one line; empty when it can, or when `source_dir`
/// is the instructor's tree.
std::string release_refusal(const GradeOptions& options, bool submissions);

/// \brief grade() in a release: builds the student's test programs
/// (`test_<block>_<lesson>_student`) and runs each exercise's tagged tests in them with
/// grade_program(). A lesson that does not build, or builds on one that does not, gives
/// `does not compile: <first error>` for each of its exercises.
/// \throws GradeError as grade() does, and for the reference solutions or a submission, which a
///         release cannot grade.
GradeReport grade_release(const GradeOptions& options);

/// What to release and where.
struct ReleaseOptions {
  std::string source_dir;            ///< the instructor's tree (with solutions/)
  std::string build_dir;             ///< its configured build: docs/html, lessons.txt
  std::string target_dir;            ///< where the release goes: a new or empty folder outside both
  std::ostream* progress = nullptr;  ///< what is done, one line each, when set
};

/// What write_release() wrote.
struct ReleaseSummary {
  std::string target_dir;        ///< absolute
  std::size_t files = 0;         ///< files written
  std::uintmax_t bytes = 0;      ///< their size
  bool docs_built = false;       ///< the docs target had to be built first
  std::vector<std::string> top;  ///< the release's top-level entries, sorted
};

/// The instructor's problem with a release: a folder that is not empty or lies inside the tree,
/// stubs out of date, docs that do not build. `what()` is one line; nothing was written.
class ReleaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// \brief The files of the release of `source_dir`, relative to it, sorted: the one list of what
/// a release holds (see release.cpp). The built docs and kLessonExercisesFile are added by
/// write_release().
/// \param[in] blocks the lecture blocks (`week1`, ..., `course2`): their folders and their tests
std::vector<std::string> release_files(const std::string& source_dir,
                                       const std::vector<std::string>& blocks);

/// \brief Writes the release: checks everything first (the source is the instructor's tree, the
/// target is new or empty and outside the source and the build, the committed stubs are what
/// their solutions generate, the docs are built or build), then copies release_files(), the
/// docs' HTML (`<build>/docs/html` to `docs/html`) and writes kLessonExercisesFile. A folder that
/// does not exist is created, with its parents.
/// \throws ReleaseError for each refusal, before anything is written; and when a copy fails, after
///         removing what it wrote.
ReleaseSummary write_release(const ReleaseOptions& options);

}  // namespace dlc::grader
