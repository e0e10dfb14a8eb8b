/// \file
/// \brief Mutants: small patches of a reference solution, each with what grading it must give.
///
/// A `.mutants` file (`tests/mutants/week2.mutants`, `tests/grader_submissions/week2.mutants`)
/// holds mutants one after the other:
///
///     # A comment: a line whose first non-blank character is `#`. Blank lines are ignored.
///     mutant week2.propagate: forgets the 1/m in dw
///     - out.grads.dw = (1.0 / m) * dot(X, dZ.T());  // dw = 1/m X dZ^T, (n_x, 1)
///     + out.grads.dw = dot(X, dZ.T());
///     expect lost_points
///
/// - `mutant <exercise>: <what the mistake is>` starts a mutant of that exercise. Its file is the
///   solution that marks the exercise, `// BEGIN SOLUTION <exercise>`, in
///   `solutions/<block>/`; a `file solutions/<block>/<lesson>.cpp` line may name it instead.
/// - `grade <exercise or block> ...` (optional, and may be repeated) lists the exercises to grade.
///   Without it a planted mistake (`expect lost_points`) grades its exercise alone, and the other
///   expectations grade every exercise of its file.
/// - Then one or more hunks: one or more `-` lines, the lines to take out, then zero or more `+`
///   lines, what to put in their place. A blank line, a comment or another `-` after a `+` ends a
///   hunk. The `-` lines are compared with the solution's lines ignoring every space and tab;
///   each hunk's `-` lines must match consecutive lines inside the exercise's marked region(s),
///   in exactly one place, so that a mutant cannot silently go stale when its solution changes.
///   A `+` line is written with the indentation of the first line it replaces, plus whatever it
///   has beyond the one space after `+`.
/// - `expect <outcome> ["text"]` ends the mutant. The outcomes:
///   | outcome            | what grading the mutated solution must give                       |
///   | ---                | ---                                                               |
///   | `lost_points`      | the exercise compiles but scores less than its points (a planted  |
///   |                    | mistake: its tests catch it)                                      |
///   | `failed`           | the exercise scores 0 because its tests fail                      |
///   | `crashed`          | the exercise scores 0, reported as killed by a signal             |
///   | `timed_out`        | the exercise scores 0, reported as hanging                        |
///   | `exited_early`     | the exercise scores 0, reported as ending before its tests did    |
///   | `threw`            | the exercise scores 0, reported as throwing an exception          |
///   | `does_not_compile` | every graded exercise of the file scores 0, with the first error  |
///   | `forged`           | the exercise scores 0, reported as sending what is not an answer  |
///   For every outcome but `lost_points`, each other graded exercise must keep its full points
///   (for `does_not_compile`: each graded exercise of another file). The optional quoted text
///   must appear in the exercise's one-line summary.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dlc::mutants {

/// A malformed `.mutants` file or a mutant that no longer applies; `what()` is one line that
/// starts with `file:line: `.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What grading a mutated solution must give (see the table above).
enum class Expect {
  kLostPoints,
  kFailed,
  kCrashed,
  kTimedOut,
  kExitedEarly,
  kThrew,
  kDoesNotCompile,
  kForged
};

/// The outcome's spelling in a `.mutants` file, e.g. `timed_out`.
const char* to_string(Expect expect);

/// One hunk: lines to take out of the solution and what to put in their place.
struct Hunk {
  std::size_t line = 0;             ///< the line of its first `-` line in the `.mutants` file
  std::vector<std::string> remove;  ///< the `-` lines, after the marker and one space
  std::vector<std::string> add;     ///< the `+` lines, after the marker and one space
};

/// One mutant of a `.mutants` file.
struct Mutant {
  std::string source;              ///< the `.mutants` file, as named to `parse`
  std::size_t line = 0;            ///< the line of its `mutant` line
  std::string exercise;            ///< e.g. `week2.propagate`
  std::string description;         ///< e.g. `forgets the 1/m in dw`
  std::string file;                ///< its `file` line, or empty: the file marking `exercise`
  std::vector<std::string> grade;  ///< its `grade` lines' words, or empty: the default
  std::vector<Hunk> hunks;         ///< at least one
  Expect expect = Expect::kLostPoints;
  std::string expect_text;  ///< the quoted text of its `expect` line, or empty

  /// `source:line`, for messages.
  std::string where() const;
  /// `exercise: description`, for reports.
  std::string name() const;
};

/// Parses the text of a `.mutants` file named `path` (used in messages only).
/// \throws Error naming `path:line` for the first malformed line
std::vector<Mutant> parse(std::string_view text, std::string_view path);

/// Reads and parses the file `root / relative_path`; messages name `relative_path`.
/// \throws Error when the file cannot be read or is malformed
std::vector<Mutant> load(const std::string& root, const std::string& relative_path);

/// Every `.mutants` file under `root / folder`, as paths relative to `root`, sorted.
std::vector<std::string> list_files(const std::string& root, const std::string& folder);

/// The solution file of `mutant` relative to the source root `root`: its `file` line, or the
/// one `solutions/<block>/*.cpp` whose BEGIN SOLUTION marker names the exercise.
/// \throws Error when no solution (or more than one) marks the exercise
std::string solution_file(const Mutant& mutant, const std::string& root);

/// The exercise ids of a solution's text (the file `path`, `solutions/<block>/<lesson>.cpp`), in
/// the order of their first BEGIN SOLUTION marker.
/// \throws Error for a malformed marker
std::vector<std::string> exercises_of(std::string_view solution, std::string_view path);

/// `solution` (the text of `path`) with the mutant's hunks applied.
/// \throws Error naming the mutant's `.mutants` file and line when a hunk's `-` lines match no
///         place, or several places, of the exercise's regions, when two hunks overlap, or when
///         the mutant changes nothing
std::string apply(const Mutant& mutant, std::string_view solution, std::string_view path);

/// Writes the mutated solution of `mutant` as a student's submission would hold it: the solution
/// `solutions/<block>/<lesson>.cpp` of the source root `root`, patched, to
/// `submission / <block>/<lesson>.cpp` (folders made as needed). Returns `<block>/<lesson>.cpp`.
/// \throws Error as `solution_file` and `apply` do, or when the file cannot be written
std::string write_submission(const Mutant& mutant, const std::string& root,
                             const std::string& submission);

/// A line with every space and tab removed: how `-` lines are compared with the solution's.
std::string squeeze(std::string_view line);

}  // namespace dlc::mutants
