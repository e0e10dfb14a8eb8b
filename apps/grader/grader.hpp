/// \file
/// \brief The autograder: grades a student's tree (or a submission folder) exercise by
/// exercise, and survives anything a submission does.
///
/// Each exercise of the manifest (`exercises.ini`) is graded by running the tests tagged with its
/// id (`[week2.sigmoid]`) in its lesson's test program linked with the reference solutions (the
/// judge), which sends every call of the exercise to a runner linked from the student's file
/// (common/remote.hpp). Every process that touches the student's code (compiler, linker, runner)
/// runs in a sandbox (sandbox.hpp), within the submission's control group, under a time limit.
/// A pass counts only from the judge's Catch2 XML report, complete and well-formed, with every
/// test case successful, from a judge that exited normally with code 0.
///
///     dlc::grader::GradeOptions options;
///     options.source_dir = "/path/to/dl-companion";
///     options.build_dir = "/path/to/dl-companion/build/release";
///     const dlc::grader::GradeReport report = dlc::grader::grade(options);
///     dlc::grader::write_table(std::cout, report);  // ... Total: 0 / 19 points
///
/// The library links no lesson code and no BLAS: the judges and runners are separate programs.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dlc::grader {

/// One graded exercise of the manifest.
struct Exercise {
  std::string id;                  ///< `week2.sigmoid`: the DLC_TODO id and the tests' tag
  std::string lecture;             ///< the lecture section to read: `2.2`, `2.7-2.8`
  std::string title;               ///< one line for `dlc list` and the reports
  int points = 1;                  ///< what passing all of its tests earns
  double timeout_seconds = 0;      ///< its tests' time limit; 0: the grader's default
  std::vector<std::string> hints;  ///< shown one at a time by `dlc hint`
  /// The lecture block the id starts with: `week2` for `week2.sigmoid`.
  std::string block() const;
};

/// Every exercise of the course, in the manifest's order (the course order).
struct Manifest {
  std::vector<Exercise> exercises;  ///< file order = course order
  /// The exercise with this id, or nullptr.
  const Exercise* find(const std::string& id) const;
  /// The sum of every exercise's points.
  int total_points() const;
};

/// A malformed manifest; `what()` is one line, `exercises.ini:12: what was wrong`.
class ManifestError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// \brief Reads the manifest (see the comment at the top of `exercises.ini` for its format).
/// \param[in] path the file, usually `<source_dir>/exercises.ini`
/// \throws ManifestError naming `file:line` for an unreadable file, a malformed line, a key
///         outside a section, an unknown or repeated key, a duplicate or malformed id, a missing
///         field (lecture, title, points), points that are not a whole number of at least 1, or
///         a timeout that is not a positive number.
Manifest read_manifest(const std::string& path);

/// \brief Reads a manifest from text; `name` is the file name used in messages.
/// \throws ManifestError as read_manifest().
Manifest parse_manifest(const std::string& text, const std::string& name);

/// What became of one exercise.
enum class Outcome {
  kPassed,          ///< every test case of the exercise passed
  kFailed,          ///< a check failed (a wrong value)
  kNotImplemented,  ///< every failure is a stub's "not implemented yet"
  kCrashed,         ///< killed by a signal (segmentation fault, abort, file size limit ...)
  kTimedOut,        ///< still running at its time limit; its process group was killed
  kExitedEarly,     ///< exited before Catch2's report was complete (exit(0) in a test ...)
  kThrew,           ///< a test stopped at an exception the test did not expect
  kDoesNotCompile,  ///< its lesson's code did not build
  kNoTests,         ///< no test case is tagged with its id
  /// Its process sent the judge bytes that are not an answer (a forged or corrupted reply): never
  /// a pass, whatever it sent.
  kForged,
};

/// The outcome's name in the reports: `passed`, `failed`, `not_implemented`, `crashed`,
/// `timed_out`, `exited_early`, `threw`, `does_not_compile`, `no_tests`, `forged`.
std::string outcome_name(Outcome outcome);

/// The grade of one exercise.
struct ExerciseResult {
  std::string id;       ///< `week2.sigmoid`
  std::string lecture;  ///< `2.2`
  std::string title;    ///< from the manifest
  int points = 0;       ///< what it is worth
  int score = 0;        ///< what it earned: `points` when passed, else 0
  Outcome outcome = Outcome::kNoTests;
  /// One line: `not implemented yet`, `crashed with signal 11 (Segmentation fault)`,
  /// `timed out after 3 s`, `exited early (exit code 0) before its tests finished`,
  /// `threw an exception: ...`, `threw an exception that is not a std::exception`,
  /// `failed: <test case>: <check as written> with expansion <expanded>`,
  /// `does not compile: week2/x.cpp:12:3: error: ...`.
  std::string summary;
  /// More lines: the first failed check in full (file:line, the check as written, the values as
  /// Catch2 expanded them, the messages captured with it), then the captured output (capped).
  std::string detail;
  double seconds = 0;  ///< how long its tests ran
  /// Its lesson's student file (`week2/logistic_regression.cpp`), empty when it has no lesson.
  std::string file;
  /// The content hash (content_hash() of results_store.hpp) of that file as it was graded.
  std::string file_hash;
};

/// What to grade and how.
struct GradeOptions {
  /// The instructor's tree: it has exercises.ini, lessons.cmake and solutions/.
  std::string source_dir;
  /// A configured build of `source_dir`; its bin/ holds the test programs.
  std::string build_dir;
  /// Empty: grade the tree's own week*/ course2/ files. Else a folder holding a student's files
  /// (`week2/logistic_regression.cpp` ...): only the lessons' student files are taken from it.
  std::string submission_dir;
  /// Grade the reference solutions instead of the student's files.
  bool solution = false;
  /// Exercise ids or blocks (`week2`) to grade; empty: all.
  std::vector<std::string> selection;
  /// Each exercise's time limit, unless the manifest sets one.
  double timeout_seconds = 5;
  /// The address-space limit of each test process (0: none).
  std::size_t memory_limit_bytes = 2ull << 30;
  /// The memory of all the processes of one submission together, where a control group can
  /// enforce it (see SubmissionCgroup).
  std::size_t submission_memory_bytes = 4ull << 30;
  /// The processes (and threads) of one submission at once.
  int max_processes = 64;
  /// Grade even where no sandbox can be made (sandbox_unavailable_reason() is not empty): the
  /// submission's code then runs with the grader's rights.
  bool unsafe_no_sandbox = false;
  /// How long compiling or linking one student's file may take (`#include "/dev/zero"` is
  /// "does not compile" after it, never retried).
  double compile_timeout_seconds = 120;
  /// How much of each test process's output (stdout and stderr) is kept.
  std::size_t output_limit_bytes = 64 << 10;
  /// One line per exercise as it is graded, when set.
  std::ostream* progress = nullptr;
  /// Build the test programs before grading (`cmake --build`); false grades them as built.
  bool build = true;
  /// Build what grading the selection needs (when `build`), then stop, grading nothing: what a
  /// batch does once before its submissions are graded (see grade_submissions()).
  bool build_only = false;
  /// Empty: the submission's code runs in a bubblewrap sandbox (sandbox.hpp). Else the name of
  /// an unprivileged user it runs as instead (user_sandbox.hpp), for machines where bubblewrap
  /// cannot make namespaces: the grader must run as root, and refuses to grade when that user
  /// can read `<source_dir>/solutions`, the tests or the build.
  std::string sandbox_user;
};

/// The grades of every exercise graded, in course order.
struct GradeReport {
  std::vector<ExerciseResult> exercises;  ///< in the manifest's order
  int score = 0;                          ///< points earned
  int max_score = 0;                      ///< points available
  double seconds = 0;                     ///< the whole grading, building included
  /// Remarks on the grading as a whole: lessons missing from a submission (graded as the
  /// untouched stub), files of the submission that were ignored ...
  std::vector<std::string> notes;
};

/// The instructor's own problem: no build dir, no manifest, a broken lessons.cmake, a submission
/// folder that does not exist, a build tree that cannot be configured.
class GradeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A selection word that is neither an exercise id of the manifest nor a block.
class SelectionError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

/// \brief The exercises a selection names, in course order.
/// \param[in] manifest the course's exercises
/// \param[in] selection exercise ids (`week2.sigmoid`) or blocks (`week2`); empty: all
/// \throws SelectionError for a word that names neither.
std::vector<Exercise> select_exercises(const Manifest& manifest,
                                       const std::vector<std::string>& selection);

/// \brief ` (did you mean week2.compute_cost or week3.compute_cost?)` when `word` is the name of
/// exercises without their block, else empty.
std::string did_you_mean(const Manifest& manifest, const std::string& word);

/// \brief Builds what is needed and grades every selected exercise, each in its own process.
/// \throws ManifestError, GradeError, SelectionError: only for the instructor's problems
///         (no build dir, a broken manifest); never for anything a submission does.
GradeReport grade(const GradeOptions& options);

/// \brief Grades one exercise by running the tests of `program` (a Catch2 test program) tagged
/// with its id, with no runner (the program's own code is graded): in a process of its own, under the limits of
/// `options` (timeout_seconds unless the exercise sets one, memory_limit_bytes,
/// output_limit_bytes), in a temporary folder. Nothing is built; `options.source_dir`, when set,
/// is removed from file names in the messages.
ExerciseResult grade_program(const Exercise& exercise, const std::string& program,
                             const GradeOptions& options);

/// \brief The table of a report: exercise, lecture, points earned / points, outcome; under each
/// exercise that did not pass, its detail, indented; last line `Total: 0 / 19 points`.
void write_table(std::ostream& os, const GradeReport& report);

/// \brief Gradescope's `results.json` (score, max_score, execution_time, output, tests[] with
/// name, number, score, max_score, status, output, visibility, extra_data), written to a
/// temporary file beside `path` and renamed over it.
/// \throws std::runtime_error when the file cannot be written.
void write_gradescope_json(const std::string& path, const GradeReport& report);

/// \brief A JUnit XML report (one testsuite, one testcase per exercise; a failure for a wrong
/// value or a stub, an error for a crash, a timeout, an early exit, an exception or code that
/// does not compile), written to a temporary file and renamed.
/// \throws std::runtime_error when the file cannot be written.
void write_junit(const std::string& path, const GradeReport& report);

/// \brief `text` as valid UTF-8 without control characters other than tab and newline, as the
/// reports write what a submission printed: invalid bytes become U+FFFD, control characters
/// `\xNN`.
std::string printable(std::string_view text);

/// \brief How many hints of each exercise `dlc hint` has shown, from its state file (one line
/// `<id> <count>` each); a missing file is an empty state, and malformed lines are skipped.
std::vector<std::pair<std::string, int>> read_hint_state(const std::string& path);

/// \brief Writes the hint state (see read_hint_state()) whole, with write_file_atomically().
void write_hint_state(const std::string& path,
                      const std::vector<std::pair<std::string, int>>& state);

/// \brief Writes `text` to `path` whole: to a temporary file in the same folder, then renamed
/// over `path`, so a reader never sees half a file.
/// \throws std::runtime_error naming the file when it cannot be written.
void write_file_atomically(const std::string& path, const std::string& text);

}  // namespace dlc::grader
