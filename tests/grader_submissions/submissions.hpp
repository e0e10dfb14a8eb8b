// What the tests of this folder share: the course as the grader sees it, scratch folders, and
// submissions written from the reference solutions.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <iomanip>
#include <map>
#include <ostream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "apps/grader/grader.hpp"
#include "apps/grader/lessons.hpp"
#include "tests/mutants/mutants.hpp"

namespace dlc::grader_tests {

namespace fs = std::filesystem;

inline const std::string kSource = DLC_SOURCE_DIR;
inline const std::string kBuild = DLC_BUILD_DIR;

/// The course as the grader sees it: the manifest, the lessons, which lesson holds each exercise
/// and which lessons each one depends on (its DEPENDS in lessons.cmake, transitively).
struct Course {
  dlc::grader::Manifest manifest;
  std::vector<dlc::grader::Lesson> lessons;
  std::map<std::string, std::string> lesson_of;             // exercise id -> lesson path
  std::map<std::string, std::set<std::string>> depends_on;  // lesson path -> lesson paths

  /// Whether grading a mutant of lesson `a` together with one of lesson `b` could mix them up.
  bool related(const std::string& a, const std::string& b) const {
    auto on = [&](const std::string& x, const std::string& y) {
      const auto it = depends_on.find(x);
      return it != depends_on.end() && it->second.count(y) != 0;
    };
    return a == b || on(a, b) || on(b, a);
  }
};

inline Course read_course() {
  Course c;
  c.manifest = dlc::grader::read_manifest(kSource + "/exercises.ini");
  c.lessons = dlc::grader::read_lessons(kSource, kBuild);
  for (const dlc::grader::Lesson& l : c.lessons)
    for (const std::string& id : l.exercise_ids) c.lesson_of.emplace(id, l.path());
  for (const dlc::grader::Lesson& l : c.lessons)
    c.depends_on[l.path()].insert(l.depends.begin(), l.depends.end());
  for (bool grew = true; grew;) {  // the transitive closure
    grew = false;
    for (auto& [lesson, deps] : c.depends_on) {
      for (const std::string& d : std::set<std::string>(deps)) {
        const auto it = c.depends_on.find(d);
        if (it == c.depends_on.end()) continue;
        for (const std::string& dd : it->second) grew = deps.insert(dd).second || grew;
      }
    }
  }
  return c;
}

/// Every mutant of the `.mutants` files of `folder`.
inline std::vector<dlc::mutants::Mutant> load_mutants(const std::string& folder) {
  std::vector<dlc::mutants::Mutant> all;
  for (const std::string& file : dlc::mutants::list_files(kSource, folder))
    for (dlc::mutants::Mutant& m : dlc::mutants::load(kSource, file)) all.push_back(std::move(m));
  return all;
}

/// A folder of its own under the build folder, removed at the end.
class Scratch {
 public:
  explicit Scratch(const std::string& name)
      : path_(fs::path(kBuild) / (name + "-" + std::to_string(::getpid()))) {
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  fs::path operator/(const std::string& name) const { return path_ / name; }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

/// Writes a submission to `dir`: every lesson's solution, then each mutant's file mutated.
inline void write_submission(const Course& course, const fs::path& dir,
                             const std::vector<const dlc::mutants::Mutant*>& mutants) {
  fs::remove_all(dir);
  for (const dlc::grader::Lesson& l : course.lessons) {
    fs::create_directories(dir / l.block);
    fs::copy_file(fs::path(kSource) / "solutions" / (l.path() + ".cpp"), dir / l.student_file(),
                  fs::copy_options::overwrite_existing);
  }
  for (const dlc::mutants::Mutant* m : mutants)
    dlc::mutants::write_submission(*m, kSource, dir.string());
}

/// What the harness grades with: the grader's limits unless said.
inline dlc::grader::GradeOptions options_for(const fs::path& submission,
                                             std::vector<std::string> selection,
                                             std::ostream& progress) {
  dlc::grader::GradeOptions o;
  o.source_dir = kSource;
  o.build_dir = kBuild;
  o.submission_dir = submission.string();
  o.build = false;  // CTest runs after the build
  o.selection = std::move(selection);
  o.progress = &progress;
  return o;
}

inline const dlc::grader::ExerciseResult* find_result(const dlc::grader::GradeReport& report,
                                                      const std::string& id) {
  for (const dlc::grader::ExerciseResult& r : report.exercises)
    if (r.id == id) return &r;
  return nullptr;
}

inline std::string seconds(double s) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(1) << s << " s";
  return os.str();
}

}  // namespace dlc::grader_tests
