// grade_submissions(): a folder of submissions graded N at a time, and the batch's CSV files.

#include "apps/grader/batch.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <mutex>
#include <ostream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <utility>

#include "apps/grader/catch_report.hpp"
#include "apps/grader/internal.hpp"

namespace dlc::grader {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

/// The most entries of a submission looked at for files that are not lesson files.
constexpr std::size_t kWalkLimit = 10000;
/// How many of them a note names.
constexpr std::size_t kNamesShown = 3;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// `first, second, third ...`: the first kNamesShown of `names`, each on one line.
std::string some_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < kNamesShown; ++i)
    out += (i == 0 ? "" : ", ") + one_line(names[i], 80);
  return out + (names.size() > kNamesShown ? ", ..." : "");
}

/// Grades the submission `dir/name`, its progress to `progress`.
SubmissionGrade grade_one(const GradeOptions& options, const std::string& dir,
                          const std::string& name, std::ostream* progress) {
  SubmissionGrade s;
  s.name = name;
  GradeOptions one = options;
  one.submission_dir = (fs::path(dir) / name).string();
  one.solution = false;
  one.build = false;  // built once, before the batch
  one.build_only = false;
  one.progress = progress;
  const auto start = Clock::now();
  try {
    s.report = grade(one);
    s.graded = true;
    for (const auto& n : s.report.notes) s.note += (s.note.empty() ? "" : "; ") + n;
  } catch (const ManifestError&) {
    throw;
  } catch (const SelectionError&) {
    throw;
  } catch (const std::exception& e) {
    s.note = one_line(std::string("not graded: ") + e.what(), 1000);
    if (progress != nullptr) *progress << s.note << "\n" << std::flush;
  }
  s.seconds = seconds_since(start);
  return s;
}

/// The ids of the exercises of `s` that timed out.
std::vector<std::string> timed_out(const SubmissionGrade& s) {
  std::vector<std::string> ids;
  if (s.graded)
    for (const auto& r : s.report.exercises)
      if (r.outcome == Outcome::kTimedOut) ids.push_back(r.id);
  return ids;
}

/// Grades again, alone, the exercises of `s` that timed out, and puts their new grades in.
void regrade_alone(const GradeOptions& options, const std::string& dir, SubmissionGrade& s,
                   const std::vector<std::string>& ids) {
  GradeOptions alone = options;
  alone.selection = ids;
  alone.progress = nullptr;
  const SubmissionGrade again = grade_one(alone, dir, s.name, nullptr);
  if (!again.graded) return;  // the first grades stand
  for (const auto& r : again.report.exercises) {
    const auto it = std::find_if(s.report.exercises.begin(), s.report.exercises.end(),
                                 [&](const ExerciseResult& x) { return x.id == r.id; });
    if (it == s.report.exercises.end()) continue;
    s.report.score += r.score - it->score;
    *it = r;
  }
}

}  // namespace

double BatchReport::seconds_per_submission() const {
  if (submissions.size() < 2) return 0;
  return (seconds - first_seconds) / static_cast<double>(submissions.size() - 1);
}

std::string batch_summary(const BatchReport& batch) {
  const std::size_t n = batch.submissions.size();
  std::string out = "graded " + std::to_string(n) + (n == 1 ? " submission" : " submissions") +
                    " in " + fixed(batch.seconds, 1) + " s, " + std::to_string(batch.jobs) +
                    " at a time";
  if (n > 1)
    out += ": " + fixed(batch.seconds_per_submission(), 1) + " s per submission after the first";
  return out;
}

std::string ignored_entries_note(const BatchReport& batch, const std::string& dir) {
  if (batch.ignored.empty()) return {};
  const std::size_t n = batch.ignored.size();
  return "ignored " + std::to_string(n) + (n == 1 ? " entry of " : " entries of ") + dir +
         (n == 1 ? " that is not a submission" : " that are not submissions") +
         " (files, hidden folders): " + some_names(batch.ignored);
}

std::string ignored_files_note(const std::string& submission_dir,
                               const std::vector<Lesson>& lessons) {
  std::set<std::string> lesson_files;
  for (const Lesson& l : lessons) lesson_files.insert(l.student_file());
  std::vector<std::string> ignored;
  bool more = false;
  std::error_code ec;
  const fs::path root(submission_dir);
  std::size_t seen = 0;
  // Symbolic links are not followed: a link is a file that is not a lesson file.
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec),
       end;
       !ec && it != end; it.increment(ec)) {
    if (++seen > kWalkLimit) {
      more = true;
      break;
    }
    std::error_code status_error;
    if (it->is_directory(status_error) && !it->is_symlink(status_error)) continue;
    const std::string name = it->path().lexically_relative(root).generic_string();
    if (lesson_files.count(name) == 0) ignored.push_back(name);
  }
  if (ignored.empty()) return {};
  std::sort(ignored.begin(), ignored.end());
  const bool one = ignored.size() == 1 && !more;
  std::string note =
      "ignored " + std::string(more ? "more than " : "") + std::to_string(ignored.size()) +
      (one ? " file that is not a lesson file: " : " files that are not lesson files: ") +
      some_names(ignored);
  // A lesson's file put in the wrong folder (or none) is the likely mistake: say where it goes.
  for (const auto& name : ignored) {
    const std::string base = fs::path(name).filename().string();
    for (const auto& file : lesson_files) {
      if (fs::path(file).filename().string() == base)
        return note + " (" + file + " must be at that path in the submission)";
    }
  }
  return note;
}

BatchReport grade_submissions(const GradeOptions& options, const std::string& submissions_dir,
                              int jobs) {
  if (jobs < 1)
    throw std::invalid_argument("grade_submissions: jobs is " + std::to_string(jobs) +
                                "; it must be at least 1");
  // The instructor's own problems stop the batch before it starts.
  read_manifest((fs::path(options.source_dir) / "exercises.ini").string());
  std::error_code ec;
  if (options.build_dir.empty() || !fs::is_directory(options.build_dir, ec))
    throw GradeError("no build folder " + options.build_dir);
  if (!fs::is_directory(submissions_dir, ec))
    throw GradeError("the submissions folder " + submissions_dir + " is not a folder");
  BatchReport batch;
  batch.jobs = jobs;
  std::vector<std::string> names;
  for (auto it = fs::directory_iterator(submissions_dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code status_error;
    if (it->is_directory(status_error) && name.front() != '.') {
      names.push_back(name);
    } else {
      batch.ignored.push_back(name);
    }
  }
  if (ec)
    throw GradeError("cannot read the submissions folder " + submissions_dir + ": " + ec.message());
  std::sort(names.begin(), names.end());
  std::sort(batch.ignored.begin(), batch.ignored.end());
  if (names.empty())
    throw GradeError("the submissions folder " + submissions_dir +
                     " holds no submission (a submission is a folder: " + submissions_dir +
                     "/alice/week2/logistic_regression.cpp ...)" +
                     (batch.ignored.empty() ? "" : ", only " + some_names(batch.ignored)));

  // The reference, once: every submission is graded against the same build.
  const auto build_start = Clock::now();
  if (options.build) {
    GradeOptions build = options;
    build.submission_dir.clear();
    build.solution = false;
    build.build_only = true;
    grade(build);
  }
  batch.build_seconds = seconds_since(build_start);

  const std::size_t n = names.size();
  batch.submissions.resize(n);
  const auto start = Clock::now();
  std::atomic<std::size_t> next{0};
  std::mutex mutex;  // guards what follows and options.progress
  std::size_t done = 0;
  std::exception_ptr failure;
  auto work = [&]() {
    try {
      for (std::size_t k = next++; k < n; k = next++) {
        {
          const std::lock_guard<std::mutex> lock(mutex);
          if (failure) return;
        }
        std::ostringstream buffer;
        std::ostream* progress = options.progress;
        if (progress != nullptr && jobs == 1) {
          *progress << "== " << names[k] << "\n" << std::flush;
        } else if (progress != nullptr) {
          progress = &buffer;
        }
        SubmissionGrade s = grade_one(options, submissions_dir, names[k], progress);
        const std::lock_guard<std::mutex> lock(mutex);
        if (++done == 1) batch.first_seconds = seconds_since(start);
        if (options.progress != nullptr) {
          if (jobs > 1) *options.progress << "== " << names[k] << "\n" << buffer.str();
          *options.progress << "[" << done << "/" << n << "] " << names[k] << ": "
                            << (s.graded ? std::to_string(s.report.score) + " / " +
                                               std::to_string(s.report.max_score) + " points"
                                         : std::string("not graded"))
                            << " (" << fixed(s.seconds, 1) << " s)\n"
                            << std::flush;
        }
        batch.submissions[k] = std::move(s);
      }
    } catch (...) {
      const std::lock_guard<std::mutex> lock(mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  if (jobs == 1) {
    work();
  } else {
    std::vector<std::thread> workers;
    for (std::size_t w = 0; w < std::min<std::size_t>(static_cast<std::size_t>(jobs), n); ++w)
      workers.emplace_back(work);
    for (auto& t : workers) t.join();
  }
  if (failure) std::rethrow_exception(failure);

  // A time limit is wall time: what timed out beside other submissions is graded again alone.
  if (jobs > 1) {
    for (SubmissionGrade& s : batch.submissions) {
      const std::vector<std::string> ids = timed_out(s);
      if (ids.empty()) continue;
      if (options.progress != nullptr)
        *options.progress << s.name << ": grading again alone what timed out beside other "
                          << "submissions: " << some_names(ids) << "\n"
                          << std::flush;
      regrade_alone(options, submissions_dir, s, ids);
    }
  }
  batch.seconds = seconds_since(start);
  return batch;
}

std::string csv_field(std::string_view text) {
  const std::string s = printable(text);
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string scores_csv(const std::vector<Exercise>& exercises,
                       const std::vector<SubmissionGrade>& submissions) {
  std::string out = "submission,status,score,max_score";
  int max_score = 0;
  for (const auto& e : exercises) {
    out += "," + csv_field(e.id);
    max_score += e.points;
  }
  for (const auto& e : exercises) out += "," + csv_field(e.id + ":outcome");
  out += ",note\n";
  for (const auto& s : submissions) {
    out += csv_field(s.name) + (s.graded ? ",graded," : ",not_graded,");
    out += s.graded ? std::to_string(s.report.score) + "," + std::to_string(s.report.max_score)
                    : "0," + std::to_string(max_score);
    std::string outcomes;
    for (const auto& e : exercises) {
      const ExerciseResult* r = nullptr;
      if (s.graded)
        for (const auto& x : s.report.exercises)
          if (x.id == e.id) r = &x;
      out += "," + std::to_string(r != nullptr ? r->score : 0);
      outcomes += "," + (r != nullptr ? outcome_name(r->outcome) : std::string("not_graded"));
    }
    out += outcomes + "," + csv_field(s.note) + "\n";
  }
  return out;
}

std::string outcomes_csv(const std::vector<Exercise>& exercises,
                         const std::vector<SubmissionGrade>& submissions) {
  std::string out = "submission,exercise,lecture,score,max_score,outcome,reason\n";
  for (const auto& s : submissions) {
    for (const auto& e : exercises) {
      const ExerciseResult* r = nullptr;
      if (s.graded)
        for (const auto& x : s.report.exercises)
          if (x.id == e.id) r = &x;
      out += csv_field(s.name) + "," + csv_field(e.id) + "," + csv_field(e.lecture) + "," +
             std::to_string(r != nullptr ? r->score : 0) + "," + std::to_string(e.points) + "," +
             (r != nullptr ? outcome_name(r->outcome) : std::string("not_graded")) + "," +
             csv_field(r != nullptr ? r->summary : s.note) + "\n";
    }
  }
  return out;
}

}  // namespace dlc::grader
