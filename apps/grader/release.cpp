// dlc release: what students get; and the grading of a tree without solutions/.

#include "apps/grader/release.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>
#include <sstream>

#include "apps/grader/internal.hpp"
#include "apps/grader/lessons.hpp"
#include "apps/grader/results_store.hpp"
#include "common/files.hpp"
#include "tools/stubgen_lib.hpp"

namespace dlc::grader {

namespace fs = std::filesystem;

namespace {

// ---- what a release holds: the one list -------------------------------------------------------

/// Files and folders (copied whole, less kLeftOut) of the source tree a release holds, besides
/// each lecture block's folder (`week2/`: its headers and the student's stubs) and its tests
/// (`tests/week2/`). Never `solutions/`, the planted mistakes (`tests/mutants/`,
/// `tests/grader_submissions/`), the benchmarks of the reference (`bench/`), the docs' sources
/// (the HTML is shipped) or the tools' tests, which need the reference.
constexpr const char* kReleased[] = {
    "CMakeLists.txt",
    "CMakePresets.json",
    "lessons.cmake",
    "exercises.ini",
    "README.md",
    ".clang-format",
    ".editorconfig",
    ".gitignore",
    "cmake",
    "common",
    "apps",
    "tests/CMakeLists.txt",
    "tests/catch_main.cpp",
    "tests/support",
    "tools/CMakeLists.txt",
    "tools/stubgen_lib.cpp",
    "tools/stubgen_lib.hpp",
    "tools/text.hpp",
    "scripts/lib.sh",
    "scripts/test.sh",
};
/// Inside the folders of kReleased, what stays out: the tests of the tools themselves, which
/// grade the reference solutions and read the docs' sources.
constexpr const char* kLeftOut[] = {"apps/tests", "apps/grader/tests"};
/// Where the docs' HTML goes in the release, from `<build>/docs/html`.
constexpr const char* kDocsHtml = "docs/html";

const char* const kNoSolutions =
    "this release has no reference solutions (they are in the instructor's tree)";
const char* const kNoSubmissions =
    "grading submissions needs the instructor's tree (with solutions/); a release grades only "
    "its own files";

using Clock = std::chrono::steady_clock;

/// The regular files under `dir` (relative to `root`), less kLeftOut.
void add_files(const fs::path& root, const std::string& entry, std::set<std::string>& out) {
  std::error_code ec;
  const fs::path path = root / entry;
  if (fs::is_regular_file(path, ec)) {
    out.insert(entry);
    return;
  }
  if (!fs::is_directory(path, ec)) return;
  for (auto it = fs::recursive_directory_iterator(path, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string relative = it->path().lexically_relative(root).generic_string();
    const bool left_out = std::any_of(std::begin(kLeftOut), std::end(kLeftOut),
                                      [&](const char* l) { return inside(relative, l); });
    if (left_out) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) out.insert(relative);
  }
}

/// The release's kLessonExercisesFile: each lesson's exercise ids, from its solution's markers.
std::string lesson_exercises_text(const std::vector<Lesson>& lessons) {
  std::string text =
      "# The exercises of each lesson, in its file's order: `<block>/<lesson> <id> ...`.\n"
      "# Written by `dlc release` from the markers of the reference solutions, which a release\n"
      "# does not have; `dlc grade` reads it.\n";
  for (const Lesson& l : lessons) {
    text += l.path();
    for (const auto& id : l.exercise_ids) text += " " + id;
    text += "\n";
  }
  return text;
}

}  // namespace

bool has_solutions(const std::string& source_dir) {
  std::error_code ec;
  return fs::is_directory(fs::path(source_dir) / "solutions", ec);
}

std::vector<std::string> released_exercise_ids(const std::string& source_dir,
                                               const std::string& lesson) {
  const fs::path file = fs::path(source_dir) / kLessonExercisesFile;
  const auto text = read_file(file);
  if (!text)
    throw GradeError(file.string() + ": cannot read (" + std::strerror(errno) +
                     "); a release lists its lessons' exercises there (dlc release writes it)");
  std::istringstream in(*text);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string path;
    if (!(words >> path) || path[0] == '#' || path != lesson) continue;
    std::vector<std::string> ids;
    for (std::string id; words >> id;) ids.push_back(id);
    return ids;
  }
  throw GradeError(file.string() + " does not list the lesson " + lesson +
                   " of lessons.cmake; write the release again with dlc release");
}

std::string release_refusal(const GradeOptions& options, bool submissions) {
  if (options.source_dir.empty() || has_solutions(options.source_dir)) return {};
  if (options.solution) return kNoSolutions;
  if (submissions || !options.submission_dir.empty()) return kNoSubmissions;
  return {};
}

GradeReport grade_release(const GradeOptions& options) {
  const auto start = Clock::now();
  if (const std::string why = release_refusal(options, false); !why.empty()) throw GradeError(why);
  GradeReport report;
  std::ostream* progress = options.progress;
  const GradingPlan plan(options);
  const std::string& source = plan.source;
  const std::string& build = plan.build;
  const std::vector<Exercise>& selected = plan.selected;
  const auto& lesson_of = plan.lesson_of;
  const std::vector<const Lesson*>& needed = plan.needed;
  std::error_code ec;

  // Each lesson's file as it is graded, for the results 'dlc list' shows (results_store.hpp).
  std::map<std::string, std::string> graded_hash;  // by lesson path
  for (const Lesson* l : needed)
    graded_hash.emplace(
        l->path(),
        content_hash(read_file(fs::path(source) / l->student_file()).value_or(std::string())));

  // The student's test programs: all at once; when that fails, lesson by lesson, to know which
  // do not build and why (those already built are then up to date at once).
  std::map<std::string, BuildResult> failed;  // by lesson path
  if (options.build && !needed.empty()) {
    std::vector<std::string> targets;
    for (const Lesson* l : needed) targets.push_back(l->test_target(false));
    if (progress != nullptr)
      *progress << "building the tests of " << needed.size()
                << (needed.size() == 1 ? " lesson" : " lessons") << " with your code in " << build
                << "\n"
                << std::flush;
    if (!run_build(build, targets, {source, build}).ok) {
      for (const Lesson* l : needed) {
        BuildResult b = run_build(build, {l->test_target(false)}, {source, build});
        if (!b.ok) failed.emplace(l->path(), std::move(b));
      }
    }
  }
  report.notes.push_back(
      "graded in-process: this release has no reference solutions, so each exercise's tests ran "
      "in your own test program; this grade is yours, not the trusted one");
  if (progress != nullptr) *progress << "note: " << report.notes.back() << "\n";

  std::size_t index = 0;
  for (const Exercise& e : selected) {
    ++index;
    ExerciseResult r;
    const auto it = lesson_of.find(e.id);
    const fs::path program = it == lesson_of.end()
                                 ? fs::path()
                                 : fs::path(build) / "bin" / it->second->test_target(false);
    if (it == lesson_of.end()) {
      r = without_run(e, Outcome::kNoTests, "no lesson of lessons.cmake lists " + e.id,
                      std::string(kLessonExercisesFile) + " lists " + e.id + " in no lesson\n");
    } else if (const auto f = failed.find(it->second->path()); f != failed.end()) {
      r = without_run(e, Outcome::kDoesNotCompile, "does not compile: " + f->second.first_error,
                      f->second.context);
    } else if (!fs::is_regular_file(program, ec)) {
      r = without_run(
          e, Outcome::kDoesNotCompile,
          "does not compile: " + program.filename().string() + " is not built",
          "build it: cmake --build " + build + " --target " + program.filename().string() + "\n");
    } else {
      r = grade_program(e, program.string(), options);
    }
    if (it != lesson_of.end()) {
      r.file = it->second->student_file();
      r.file_hash = graded_hash.at(it->second->path());
    }
    add_result(report, std::move(r), index, selected.size(), progress);
  }
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return report;
}

std::vector<std::string> release_files(const std::string& source_dir,
                                       const std::vector<std::string>& blocks) {
  const fs::path root(source_dir);
  std::set<std::string> files;
  for (const char* entry : kReleased) add_files(root, entry, files);
  for (const std::string& block : blocks) {
    add_files(root, block, files);
    add_files(root, "tests/" + block, files);
  }
  return {files.begin(), files.end()};
}

ReleaseSummary write_release(const ReleaseOptions& options) {
  std::ostream* progress = options.progress;
  std::error_code ec;
  if (options.target_dir.empty()) throw ReleaseError("no folder given for the release");
  const std::string source = absolute(options.source_dir);
  if (!has_solutions(source))
    throw ReleaseError(source +
                       " has no solutions/: it is a release already; dlc release needs the "
                       "instructor's tree");
  if (options.build_dir.empty() || !fs::is_directory(options.build_dir, ec))
    throw ReleaseError("no build folder " + options.build_dir +
                       " (configure the project first: cmake --preset release)");
  const std::string build = absolute(options.build_dir);

  // The folder: new, or empty, and outside the tree and its build.
  const std::string target = absolute(options.target_dir);
  if (const std::string why = output_folder_refusal(
          options.target_dir, target, {{"the source tree", source}, {"the build folder", build}});
      !why.empty())
    throw ReleaseError(why);
  const bool existed = fs::exists(fs::symlink_status(target, ec));

  // The stubs must be what their solutions generate: a release ships them as they are.
  std::ostringstream out, err;
  if (stubgen::run({"--check", source}, out, err) != 0) {
    const std::string first = err.str().substr(0, err.str().find('\n'));
    throw ReleaseError("a committed stub differs from what its solution generates (" + first +
                       "); regenerate them: cmake --build " + build + " --target stubs");
  }

  // The docs, as HTML.
  ReleaseSummary summary;
  const fs::path html = fs::path(build) / "docs" / "html";
  if (!fs::is_regular_file(html / "index.html", ec)) {
    if (progress != nullptr)
      *progress << "the docs are not built (no " << (html / "index.html").string()
                << "): building the docs target first\n"
                << std::flush;
    const BuildResult b = run_build(build, {"docs"}, {source, build});
    if (!b.ok) throw ReleaseError("the docs do not build: " + b.first_error);
    if (!fs::is_regular_file(html / "index.html", ec))
      throw ReleaseError("the docs target wrote no " + (html / "index.html").string());
    summary.docs_built = true;
  }

  const std::vector<Lesson> lessons = read_lessons(source, build);
  std::vector<std::string> blocks;
  for (const Lesson& l : lessons)
    if (std::find(blocks.begin(), blocks.end(), l.block) == blocks.end()) blocks.push_back(l.block);
  const std::vector<std::string> files = release_files(source, blocks);

  // Writing. A failure removes what was written, and the folder when it was made here.
  const fs::path root(target);
  try {
    fs::create_directories(root);
    auto copy = [&](const fs::path& from, const std::string& relative) {
      const fs::path to = root / relative;
      fs::create_directories(to.parent_path());
      fs::copy_file(from, to);
      ++summary.files;
      summary.bytes += fs::file_size(to);
    };
    for (const std::string& f : files) copy(fs::path(source) / f, f);
    for (auto it = fs::recursive_directory_iterator(html); it != fs::recursive_directory_iterator();
         ++it)
      if (it->is_regular_file())
        copy(it->path(),
             (fs::path(kDocsHtml) / it->path().lexically_relative(html)).generic_string());
    write_file_atomically((root / kLessonExercisesFile).string(), lesson_exercises_text(lessons));
    ++summary.files;
    summary.bytes += fs::file_size(root / kLessonExercisesFile);
  } catch (const std::exception& e) {
    if (existed) {
      for (auto it = fs::directory_iterator(root, ec); !ec && it != fs::directory_iterator();
           it.increment(ec))
        fs::remove_all(it->path(), ec);
    } else {
      fs::remove_all(root, ec);
    }
    throw ReleaseError(std::string("cannot write the release: ") + e.what());
  }
  summary.target_dir = target;
  for (const auto& entry : fs::directory_iterator(root))
    summary.top.push_back(entry.path().filename().string());
  std::sort(summary.top.begin(), summary.top.end());
  return summary;
}

}  // namespace dlc::grader
