/// \file
/// \brief The last results of grading a student's own tree, kept in the build folder so that
/// `dlc list` answers at once and `dlc watch` knows where the student stands.
///
/// Every `dlc grade` of the student's own tree (not `--solution`, not a submission) stores, for
/// each exercise it graded, the outcome, its one-line summary, the points, and the content hash
/// of the lesson's student file as it was graded. A later grade of some exercises replaces their
/// entries and keeps the others. The file is written whole (a temporary file, then renamed); a
/// reader that finds it truncated or corrupt treats it as "no results" and says so in one line.
///
///     const std::string path = dlc::grader::results_file(build_dir, source_dir);
///     dlc::grader::store_results(path, source_dir, report);        // after dlc grade
///     const dlc::grader::StoredResults stored = dlc::grader::read_results(path, source_dir);
///     dlc::grader::ExerciseStatus s = dlc::grader::exercise_status(stored, "week2.sigmoid",
///                                                                  source_dir, hashes);
///     s.text(40);  // "passing", "failing: ...", "changed since graded (was passing)" ...
#pragma once

#include <map>
#include <string>
#include <vector>

#include "apps/grader/grader.hpp"

namespace dlc::grader {

/// The format's version, the first line of the file: `dlc-results 1`.
constexpr int kResultsFormatVersion = 1;

/// One exercise's last result.
struct StoredResult {
  std::string id;                       ///< `week2.sigmoid`
  Outcome outcome = Outcome::kNoTests;  ///< what became of it
  int score = 0;                        ///< the points it earned
  int points = 0;                       ///< the points it was worth
  std::string file;       ///< its lesson's student file: `week2/logistic_regression.cpp`
  std::string file_hash;  ///< content_hash() of that file as it was graded
  std::string summary;    ///< the grader's one line (`not implemented yet`, `failed: ...`)
};

/// The stored results of one tree.
struct StoredResults {
  std::vector<StoredResult> results;  ///< in the order they were written
  /// Empty, or one line saying why the file was not read (truncated, corrupt, another version).
  std::string note;
  /// The result of the exercise `id`, or nullptr when it was never graded.
  const StoredResult* find(const std::string& id) const;
};

/// \brief A hash of a file's content (64-bit FNV-1a, 16 hex digits): tells a changed file from
/// the one graded.
std::string content_hash(const std::string& text);

/// \brief Where the results of `source_dir` graded with the build `build_dir` are kept:
/// `<build_dir>/dlc-results.txt` for the tree the build was configured from, and
/// `<build_dir>/dlc-results-<hash of the tree's path>.txt` for another tree graded with it
/// (`dlc grade --source-dir COPY`), so that grading a copy never replaces the tree's results.
std::string results_file(const std::string& build_dir, const std::string& source_dir);

/// \brief Reads stored results from text; `name` is used in the note. A malformed file (a wrong
/// first line, a line without its seven fields, an unknown outcome, a count that does not match,
/// no `end` line) gives no results and a note naming the line.
StoredResults parse_results(const std::string& text, const std::string& name,
                            const std::string& source_dir);

/// \brief Reads the results file; a missing file is no results without a note, an unreadable,
/// oversized, truncated or corrupt one no results with a note.
StoredResults read_results(const std::string& path, const std::string& source_dir);

/// \brief The results as the file holds them (see parse_results()).
std::string format_results(const StoredResults& results, const std::string& source_dir);

/// \brief Merges the exercises of `report` into `results`: each replaces its entry, or is added;
/// exercises without a lesson file are left out.
void merge_results(StoredResults& results, const GradeReport& report);

/// \brief Merges the exercises of `report` into the stored results of `path` (replacing their
/// entries, keeping the others) and writes the file whole. Exercises without a lesson file are
/// not stored. Returns what was written.
/// \throws std::runtime_error naming the file when it cannot be written.
StoredResults store_results(const std::string& path, const std::string& source_dir,
                            const GradeReport& report);

/// What `dlc list` and `dlc watch` say of one exercise.
struct ExerciseStatus {
  const StoredResult* stored = nullptr;  ///< its last result, or nullptr: never graded
  bool changed = false;  ///< its lesson's file differs now from the one graded (or is gone)
  /// Graded, unchanged since, and passed.
  bool passing() const;
  /// `passing`, `failing: <summary>` (cut to `width` characters), `not implemented yet`,
  /// `not graded yet`, `changed since graded (was passing)`.
  std::string text(std::size_t width) const;
};

/// \brief The status of exercise `id` from `stored`, its lesson's file read now from
/// `source_dir`; `hashes` caches the hash of each file read (by relative path).
ExerciseStatus exercise_status(const StoredResults& stored, const std::string& id,
                               const std::string& source_dir,
                               std::map<std::string, std::string>& hashes);

}  // namespace dlc::grader
