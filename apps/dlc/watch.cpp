// `dlc watch` (watch.hpp): looks at the lesson files every interval, grades a lesson whose file
// was saved with new content, and shows where the student stands.
//
// The files are read and hashed at each look rather than trusted by their modification time, so
// an editor that saves by writing a new file and renaming it over the old one, a file system with
// coarse times, or a file briefly missing in between are all seen for what they are: a file whose
// content differs from the one last graded. A content seen for the first time is read again a
// moment later, and graded only when it has stopped changing.

#include "apps/dlc/watch.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>
#include <thread>
#include <vector>

#include "apps/grader/catch_report.hpp"
#include "apps/grader/internal.hpp"
#include "apps/grader/lessons.hpp"
#include "apps/grader/results_store.hpp"
#include "common/files.hpp"

namespace dlc::watch {

namespace fs = std::filesystem;
using grader::Exercise;
using grader::ExerciseResult;
using grader::GradeReport;
using grader::Lesson;
using grader::Outcome;
using grader::StoredResults;

namespace {

/// How long a new content must stay the same before it is graded.
constexpr double kSettleSeconds = 0.15;
/// The lines of a failure's detail shown under the table.
constexpr std::size_t kDetailLines = 20;

/// One watched lesson file.
struct WatchedFile {
  const Lesson* lesson = nullptr;
  fs::path path;            ///< absolute
  std::string graded_hash;  ///< of the content last graded (or seen at the start)
};

void sleep_seconds(double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); }

/// The content hash of `path`, or nothing while it cannot be read (between a rename and the next).
std::optional<std::string> hash_of(const fs::path& path) {
  const auto text = read_file(path);
  if (!text) return std::nullopt;
  return grader::content_hash(*text);
}

std::string points_text(int points) {
  return std::to_string(points) + (points == 1 ? " point" : " points");
}

std::string pad(const std::string& s, std::size_t width) {
  return s + std::string(width > s.size() ? width - s.size() : 0, ' ');
}

/// What the watch knows: the manifest's selected exercises, their lessons, the stored results.
struct State {
  std::string source;
  std::string results_path;
  std::vector<Exercise> selected;                  // course order
  std::vector<Lesson> lessons;                     // every lesson of the build
  std::map<std::string, const Lesson*> lesson_of;  // by exercise id
  StoredResults stored;
  std::string current;  // the exercise shown, empty when every one passes

  grader::ExerciseStatus status(const std::string& id) const {
    std::map<std::string, std::string> hashes;
    return grader::exercise_status(stored, id, source, hashes);
  }
  /// The first selected exercise, in course order, that does not pass (or empty).
  std::string first_not_passing() const {
    std::map<std::string, std::string> hashes;
    for (const Exercise& e : selected)
      if (!grader::exercise_status(stored, e.id, source, hashes).passing()) return e.id;
    return {};
  }
  const Exercise* exercise(const std::string& id) const {
    for (const Exercise& e : selected)
      if (e.id == id) return &e;
    return nullptr;
  }
};

/// `Now: week2.sigmoid (lecture 2.2, 1 point): <title>`, the file to edit and its status.
void show_current(std::ostream& out, const State& state) {
  const Exercise* e = state.exercise(state.current);
  if (e == nullptr) return;
  const auto lesson = state.lesson_of.find(e->id);
  out << "Now: " << e->id << " (lecture " << e->lecture << ", " << points_text(e->points)
      << "): " << e->title << "\n";
  if (lesson != state.lesson_of.end())
    out << "  edit " << lesson->second->student_file() << "; ";
  else
    out << "  ";
  out << "status: " << state.status(e->id).text(200) << "\n";
}

void show_all_pass(std::ostream& out, const State& state, bool everything) {
  int points = 0;
  for (const Exercise& e : state.selected) points += e.points;
  if (everything)
    out << "Every exercise passes: " << points << " / " << points << " points.\n";
  else
    out << "Every exercise watched passes (" << state.selected.size() << " of them, " << points
        << " / " << points << " points).\n";
}

/// The short table of one lesson's grades, then the detail of the first failure: the current
/// exercise's when it failed, else the first exercise that failed (a stub's is not shown).
void show_grades(std::ostream& out, const GradeReport& report, const std::string& current) {
  std::size_t id_width = 8;
  for (const auto& r : report.exercises) id_width = std::max(id_width, r.id.size());
  for (const auto& r : report.exercises) {
    out << (r.id == current ? "> " : "  ") << pad(r.id, id_width + 2)
        << pad(std::to_string(r.score) + " / " + std::to_string(r.points), 9)
        << (r.outcome == Outcome::kPassed ? std::string("passed")
                                          : grader::one_line(r.summary, 100))
        << "\n";
  }
  const ExerciseResult* shown = nullptr;
  for (const auto& r : report.exercises)
    if (r.id == current && r.outcome != Outcome::kPassed && r.outcome != Outcome::kNotImplemented)
      shown = &r;
  for (const auto& r : report.exercises)
    if (shown == nullptr && r.outcome != Outcome::kPassed && r.outcome != Outcome::kNotImplemented)
      shown = &r;
  if (shown == nullptr) return;
  out << "First failure, " << shown->id << ": " << grader::one_line(shown->summary, 400) << "\n";
  std::istringstream in(shown->detail);
  std::size_t n = 0;
  for (std::string line; std::getline(in, line);) {
    if (n++ == kDetailLines) {
      out << "    ... ('dlc grade " << shown->id << "' shows it all)\n";
      break;
    }
    out << "    " << line << "\n";
  }
}

}  // namespace

void watch(const WatchOptions& options, std::ostream& out) {
  const grader::GradeOptions& base = options.grade;
  State state;
  state.source = base.source_dir;
  const grader::Manifest manifest =
      grader::read_manifest((fs::path(base.source_dir) / "exercises.ini").string());
  state.selected = grader::select_exercises(manifest, base.selection);
  std::error_code ec;
  if (base.build_dir.empty() || !fs::is_directory(base.build_dir, ec))
    throw grader::GradeError("no build folder " + base.build_dir +
                             " (configure and build the project first: cmake --preset release "
                             "&& cmake --build --preset release)");
  state.lessons = grader::read_lessons(base.source_dir, base.build_dir);
  for (const Lesson& l : state.lessons)
    for (const auto& id : l.exercise_ids) state.lesson_of.emplace(id, &l);
  state.results_path = grader::results_file(base.build_dir, base.source_dir);
  state.stored = grader::read_results(state.results_path, base.source_dir);
  if (!state.stored.note.empty()) out << "dlc watch: " << state.stored.note << "\n";

  // The files of the lessons of the selected exercises, in the lessons' order.
  std::vector<WatchedFile> files;
  for (const Lesson& l : state.lessons) {
    const bool wanted =
        std::any_of(state.selected.begin(), state.selected.end(), [&](const Exercise& e) {
          const auto it = state.lesson_of.find(e.id);
          return it != state.lesson_of.end() && it->second == &l;
        });
    if (!wanted) continue;
    WatchedFile f;
    f.lesson = &l;
    f.path = fs::path(base.source_dir) / l.student_file();
    f.graded_hash = hash_of(f.path).value_or("");
    files.push_back(f);
  }
  const bool everything = base.selection.empty();

  out << "dlc watch: watching " << files.size() << (files.size() == 1 ? " file" : " files");
  if (files.size() == 1) out << " (" << files.front().lesson->student_file() << ")";
  out << "; each time you save one, its exercises are graded. Ctrl-C stops.\n";
  state.current = state.first_not_passing();
  if (state.current.empty())
    show_all_pass(out, state, everything);
  else
    show_current(out, state);
  out << std::flush;

  bool build = base.build;
  for (;;) {
    sleep_seconds(options.interval_seconds);
    for (WatchedFile& f : files) {
      const auto seen = hash_of(f.path);
      if (!seen || *seen == f.graded_hash) continue;
      // Graded only once it has stopped changing (an editor may still be writing it).
      sleep_seconds(kSettleSeconds);
      if (hash_of(f.path) != seen) continue;

      grader::GradeOptions one = base;
      one.selection.clear();
      for (const auto& id : f.lesson->exercise_ids)
        if (manifest.find(id) != nullptr) one.selection.push_back(id);
      one.build = build;
      one.progress = nullptr;
      out << "\n"
          << f.lesson->student_file() << " changed: grading its " << one.selection.size()
          << (one.selection.size() == 1 ? " exercise" : " exercises") << " ...\n"
          << std::flush;
      f.graded_hash = *seen;
      GradeReport report;
      try {
        report = grader::grade(one);
      } catch (const std::exception& e) {
        out << "dlc watch: cannot grade " << f.lesson->student_file() << ": " << e.what()
            << "\n(save the file again to retry)\n"
            << std::flush;
        continue;
      }
      build = false;  // the reference is built; the student's file is compiled at each grading
      if (!report.exercises.empty() && !report.exercises.front().file_hash.empty())
        f.graded_hash = report.exercises.front().file_hash;
      try {
        state.stored = grader::store_results(state.results_path, base.source_dir, report);
      } catch (const std::exception& e) {
        grader::merge_results(state.stored, report);
        out << "dlc watch: cannot store the results: " << e.what() << "\n";
      }
      show_grades(out, report, state.current);
      out << "Graded in " << grader::fixed(report.seconds, 1) << " s: " << report.score << " / "
          << report.max_score << " points in this file.\n";

      const std::string previous = state.current;
      state.current = state.first_not_passing();
      if (state.current.empty()) {
        if (!previous.empty() && state.exercise(previous) != nullptr)
          out << previous << " passes.\n";
        show_all_pass(out, state, everything);
      } else if (state.current != previous) {
        if (!previous.empty() && state.status(previous).passing()) out << previous << " passes.\n";
        show_current(out, state);
      } else if (state.lesson_of.count(state.current) != 0 &&
                 state.lesson_of.at(state.current) == f.lesson) {
        out << state.current << ": " << state.status(state.current).text(200)
            << ". Save the file again to regrade it.\n";
      } else {
        out << "Still first to do: " << state.current << " (";
        if (state.lesson_of.count(state.current) != 0)
          out << state.lesson_of.at(state.current)->student_file() << ", ";
        out << state.status(state.current).text(200) << ").\n";
      }
      out << std::flush;
    }
  }
}

}  // namespace dlc::watch
