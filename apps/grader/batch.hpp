/// \file
/// \brief A class at a time: `dlc grade --submissions DIR --jobs N` grades every submission of a
/// folder, N at once, each as grade() grades one (in its own sandboxes, temporary folder and
/// control group), and writes what became of each exercise of each submission as CSV.
///
///     dlc::grader::GradeOptions options;  // source_dir, build_dir, selection ...
///     const auto batch = dlc::grader::grade_submissions(options, "/path/to/submissions", 2);
///     std::cout << dlc::grader::scores_csv(exercises, batch.submissions);
///     std::cerr << dlc::grader::batch_summary(batch) << "\n";
///     // graded 4 submissions in 31.2 s, 2 at a time: 6.1 s per submission after the first
#pragma once

#include <string>
#include <vector>

#include "apps/grader/grader.hpp"
#include "apps/grader/lessons.hpp"

namespace dlc::grader {

/// One submission of a batch.
struct SubmissionGrade {
  std::string name;     ///< the submission's folder name
  bool graded = false;  ///< false: it could not be graded (see `note`); it scores 0
  GradeReport report;   ///< its grades, when graded
  std::string note;     ///< why it was not graded, or the report's notes, on one line
  double seconds = 0;   ///< how long its grading took
};

/// A batch's grades, and how long it took.
struct BatchReport {
  std::vector<SubmissionGrade> submissions;  ///< in name order
  /// The entries of the folder that are not submissions (files, hidden folders), sorted.
  std::vector<std::string> ignored;
  int jobs = 1;              ///< how many submissions were graded at once
  double build_seconds = 0;  ///< building the reference, once, before any submission
  double seconds = 0;        ///< from the first submission's start to the last one's end
  double first_seconds = 0;  ///< from the first submission's start to the first end of one
  /// \brief The time each submission after the first added: (seconds - first_seconds) / (n - 1);
  /// 0 for a batch of one.
  double seconds_per_submission() const;
};

/// \brief Grades every folder of `submissions_dir` (sorted by name; its files and hidden
/// folders are ignored and listed in `ignored`) as grade() grades one submission, with `options`
/// (its `submission_dir` set to each), `jobs` at a time. The reference is built once, first
/// (when `options.build`). With `jobs` above 1, an exercise that timed out is graded again alone
/// once every submission is done, so that a classmate's busy code graded beside it never costs it
/// points: the results are those of `jobs` = 1. A submission that cannot be graded (a
/// GradeError of its own) scores 0 with the reason in its note, and the batch goes on.
/// Progress (when `options.progress` is set) is written a submission at a time: live with one
/// job, else each submission's lines whole when it ends.
/// \throws ManifestError, GradeError for the instructor's own problems, found before the first
///         submission: a broken manifest, no build folder, no such folder, a folder holding no
///         submission, a reference that does not build; std::invalid_argument for `jobs` < 1.
BatchReport grade_submissions(const GradeOptions& options, const std::string& submissions_dir,
                              int jobs = 1);

/// \brief One line on the batch's time: `graded 12 submissions in 95.2 s, 2 at a time: 7.4 s per
/// submission after the first` (see BatchReport::seconds_per_submission()).
std::string batch_summary(const BatchReport& batch);

/// \brief What the submissions folder `dir` holds besides submissions, said in one line:
/// `ignored 2 entries of DIR that are not submissions (files, hidden folders): a.zip, notes.txt`;
/// empty when there is none.
std::string ignored_entries_note(const BatchReport& batch, const std::string& dir);

/// \brief The files of the submission `submission_dir` that are not the student file of a
/// lesson of `lessons` (so are never read), said in one line: `ignored 3 files that are not
/// lesson files: notes.txt, week2/foo.cpp, week2/old.cpp` (the first three, in name order, then
/// `...`); empty when there is none.
std::string ignored_files_note(const std::string& submission_dir,
                               const std::vector<Lesson>& lessons);

/// \brief A field of a CSV file as RFC 4180 writes it: quoted (with its quotes doubled) when it
/// holds a comma, a quote or a line break; its text made printable() first.
std::string csv_field(std::string_view text);

/// \brief The gradebook of a batch, one row per submission (in the order given):
/// `submission,status,score,max_score`, then the points of each of `exercises` (a column named by
/// its id), then its outcome (a column `<id>:outcome`: `passed`, `failed`, `not_implemented`
/// ..., or `not_graded`), then `note`. `status` is `graded` or `not_graded`; a submission not
/// graded scores 0 of the exercises' points, with `not graded: <why>` as its note.
std::string scores_csv(const std::vector<Exercise>& exercises,
                       const std::vector<SubmissionGrade>& submissions);

/// \brief What became of each exercise of each submission, one row each (submissions in the
/// order given, exercises in course order):
/// `submission,exercise,lecture,score,max_score,outcome,reason`, `reason` being the one-line
/// summary of the table (`failed: ...`, `does not compile: week2/x.cpp:12:3: error: ...`); the
/// exercises of a submission not graded are `not_graded` with its note as the reason.
std::string outcomes_csv(const std::vector<Exercise>& exercises,
                         const std::vector<SubmissionGrade>& submissions);

}  // namespace dlc::grader
