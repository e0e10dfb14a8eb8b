// grade(): builds what is needed, then runs each exercise's tests in a process of its own.

#include "apps/grader/grader.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>

#include "apps/grader/catch_report.hpp"
#include "apps/grader/lessons.hpp"
#include "apps/grader/sandbox.hpp"
#include "common/files.hpp"
#include "common/process.hpp"
#include "tools/stubgen_lib.hpp"

namespace dlc::grader {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

/// The largest report read; a larger one is cut (and so fails to parse as complete). A test
/// process cannot write more anyway: its file size limit is the same.
constexpr std::size_t kReportLimit = 64u << 20;
/// How long one `cmake --build` may take, how much of its output is kept, and how much memory
/// each compiler may use (a submission can make a compiler read /dev/zero or recurse without
/// end: that is "does not compile", not a grader that hangs).
constexpr double kBuildTimeout = 1800;
constexpr std::size_t kBuildOutputLimit = 4u << 20;
constexpr std::size_t kBuildMemoryLimit = std::size_t{4} << 30;
/// The largest student file taken from a submission.
constexpr std::uintmax_t kSubmissionFileLimit = 4u << 20;

std::string absolute(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) p = fs::absolute(path);
  return p.lexically_normal().string();
}

bool is_inside(const fs::path& path, const fs::path& dir) {
  const std::string p = path.lexically_normal().string() + "/";
  std::string d = dir.lexically_normal().string();
  if (d.empty() || d.back() != '/') d += "/";
  return p.compare(0, d.size(), d) == 0;
}

std::string seconds_text(double s) {
  std::ostringstream os;
  os.setf(std::ios::fixed);
  os.precision(s < 10 ? 2 : 1);
  os << s;
  return os.str();
}

/// An exclusive lock on a work folder, so two gradings never build in it at once.
class FolderLock {
 public:
  FolderLock(const fs::path& dir, std::ostream* progress) {
    const std::string file = (dir / ".dlc-grade.lock").string();
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw GradeError("cannot lock " + file + ": " + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      if (progress != nullptr)
        *progress << "waiting for another grading that is using " << dir.string() << "\n";
      while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
      }
    }
  }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;
  ~FolderLock() {
    if (fd_ >= 0) ::close(fd_);
  }

 private:
  int fd_ = -1;
};

// ---- building ------------------------------------------------------------------------------

struct BuildResult {
  bool ok = false;
  std::string first_error;  // one line
  std::string context;      // the lines around it
};

std::string strip_prefixes(std::string line, const std::vector<std::string>& prefixes) {
  for (const auto& p : prefixes) {
    if (p.empty()) continue;
    const std::string dir = p.back() == '/' ? p : p + "/";
    std::string::size_type at = 0;
    while ((at = line.find(dir, at)) != std::string::npos) line.erase(at, dir.size());
  }
  return line;
}

/// The first line of a build's output that says what went wrong, and the lines after it.
BuildResult build_failure(const ProcessResult& run, const std::vector<std::string>& prefixes) {
  BuildResult b;
  std::vector<std::string> lines;
  std::istringstream in(run.output);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const char* markers[] = {": error:",
                           ": fatal error:",
                           "undefined reference to",
                           "multiple definition of",
                           "out of memory",
                           "internal compiler error",
                           "Killed signal terminated program",
                           "No rule to make target",
                           "Error:",
                           "error:"};
  std::size_t found = lines.size();
  for (const char* m : markers) {
    for (std::size_t i = 0; i < lines.size() && i < found; ++i)
      if (lines[i].find(m) != std::string::npos) found = i;
    if (found < lines.size()) break;
  }
  if (!run.started) {
    b.first_error = run.start_error;
  } else if (run.timed_out) {
    b.first_error = "the build did not finish in " + seconds_text(kBuildTimeout) + " s";
  } else if (found < lines.size()) {
    b.first_error = one_line(strip_prefixes(lines[found], prefixes), 400);
  } else {
    b.first_error = "the build failed (" +
                    (run.exited ? "exit code " + std::to_string(run.exit_code)
                                : "signal " + std::to_string(run.signal)) +
                    ")";
    found = lines.size() > 12 ? lines.size() - 12 : 0;
  }
  // The compiler's lines after it, without make's own.
  std::size_t shown = 0;
  for (std::size_t i = found; i < lines.size() && shown < 16; ++i) {
    const std::string& l = lines[i];
    const bool progress_line = !l.empty() && l[0] == '[' && l.find("%]") != std::string::npos;
    if (l.rfind("gmake", 0) == 0 || l.rfind("make", 0) == 0 || l.rfind("ninja:", 0) == 0 ||
        l.rfind("FAILED:", 0) == 0 || progress_line || l.empty())
      continue;
    b.context += strip_prefixes(l, prefixes) + "\n";
    ++shown;
  }
  return b;
}

BuildResult run_build(const std::string& build_dir, const std::vector<std::string>& targets,
                      const std::vector<std::string>& prefixes) {
  std::vector<std::string> argv = {"cmake", "--build", build_dir, "--target"};
  argv.insert(argv.end(), targets.begin(), targets.end());
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  argv.push_back("--parallel");
  argv.push_back(std::to_string(cores));
  RunLimits limits;
  limits.timeout_seconds = kBuildTimeout;
  limits.output_limit_bytes = kBuildOutputLimit;
  limits.memory_limit_bytes = kBuildMemoryLimit;
  const ProcessResult run = run_process(argv, environment_with({"LC_ALL=C"}), limits);
  if (run.started && run.exited && run.exit_code == 0) return BuildResult{true, "", ""};
  return build_failure(run, prefixes);
}

/// Builds the test program of each lesson; returns, for each lesson that did not build, what
/// went wrong. All at once first; when that fails, one lesson at a time, so a lesson that does
/// not compile costs only its own exercises.
std::map<std::string, BuildResult> build_lessons(const std::string& build_dir,
                                                 const std::vector<const Lesson*>& lessons,
                                                 bool solution,
                                                 const std::vector<std::string>& prefixes,
                                                 std::ostream* progress) {
  std::map<std::string, BuildResult> failed;
  if (lessons.empty()) return failed;
  std::vector<std::string> targets;
  for (const Lesson* l : lessons) targets.push_back(l->test_target(solution));
  if (progress != nullptr)
    *progress << "building the " << (solution ? "reference solutions" : "student's code") << " of "
              << lessons.size() << (lessons.size() == 1 ? " lesson" : " lessons") << " in "
              << build_dir << "\n"
              << std::flush;
  if (run_build(build_dir, targets, prefixes).ok) return failed;
  for (const Lesson* l : lessons) {
    BuildResult b = run_build(build_dir, {l->test_target(solution)}, prefixes);
    if (!b.ok) {
      if (progress != nullptr)
        *progress << "  " << l->student_file() << " does not compile: " << b.first_error << "\n"
                  << std::flush;
      failed.emplace(l->path(), std::move(b));
    }
  }
  return failed;
}

// ---- a submission's tree ---------------------------------------------------------------------

/// The files of the instructor's tree, relative to it: what git tracks or would track, else
/// every file outside build folders and .git.
std::vector<std::string> source_files(const fs::path& source, const fs::path& work_dir) {
  std::vector<std::string> files;
  auto keep = [&](const std::string& rel) {
    if (rel.empty() || rel.rfind("build/", 0) == 0 || rel.rfind(".git/", 0) == 0) return;
    const fs::path full = source / rel;
    if (is_inside(full, work_dir)) return;
    std::error_code ec;
    if (fs::is_regular_file(full, ec)) files.push_back(rel);
  };
  if (!find_executable("git").empty() && fs::exists(source / ".git")) {
    RunLimits limits;
    limits.timeout_seconds = 120;
    limits.output_limit_bytes = 64u << 20;
    const ProcessResult run = run_process({"git", "-C", source.string(), "ls-files", "-z",
                                           "--cached", "--others", "--exclude-standard"},
                                          environment_with({}), limits);
    if (run.started && run.exited && run.exit_code == 0 && !run.output_truncated) {
      std::size_t start = 0;
      while (start < run.output.size()) {
        auto end = run.output.find('\0', start);
        if (end == std::string::npos) end = run.output.size();
        keep(run.output.substr(start, end - start));
        start = end + 1;
      }
      if (!files.empty()) return files;
    }
  }
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(source, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& p = it->path();
    const std::string name = p.filename().string();
    if (it->is_directory(ec)) {
      if (name == ".git" || name == "build" || is_inside(p, work_dir) ||
          fs::exists(p / "CMakeCache.txt"))
        it.disable_recursion_pending();
      continue;
    }
    keep(fs::relative(p, source, ec).string());
  }
  return files;
}

/// Writes `text` to `path` unless it already holds exactly that, so that make's timestamps keep
/// meaning "changed".
void sync_file(const fs::path& path, const std::string& text, fs::perms perms) {
  if (const auto old = read_file(path); old && *old == text) return;
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  fs::remove(path, ec);  // a symlink or read-only file left there is replaced, not followed
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw GradeError("cannot write " + path.string() + ": " + std::strerror(errno));
  fs::permissions(path, perms, ec);
}

/// Makes `<work>/src` the instructor's tree with the submission's student files over it.
void prepare_tree(const fs::path& source, const fs::path& work, const fs::path& submission,
                  const std::vector<Lesson>& lessons, const std::vector<const Lesson*>& graded,
                  std::vector<std::string>& notes) {
  const fs::path mirror = work / "src";
  std::map<std::string, std::string> overlay;  // relative path -> the submission's text
  std::vector<std::string> missing;
  for (const Lesson& l : lessons) {
    const fs::path file = submission / l.student_file();
    std::error_code ec;
    const auto status = fs::symlink_status(file, ec);
    const bool noted = std::find(graded.begin(), graded.end(), &l) != graded.end();
    if (ec || !fs::exists(status)) {
      if (noted) missing.push_back(l.student_file());
      continue;
    }
    if (!fs::is_regular_file(status)) {
      notes.push_back(l.student_file() +
                      " in the submission is not a regular file: ignored, graded as the untouched "
                      "stub");
      continue;
    }
    if (fs::file_size(file, ec) > kSubmissionFileLimit) {
      notes.push_back(l.student_file() + " in the submission is larger than " +
                      std::to_string(kSubmissionFileLimit >> 20) +
                      " MiB: ignored, graded as the untouched stub");
      continue;
    }
    const auto text = read_file(file);
    if (!text) {
      notes.push_back(l.student_file() + " in the submission cannot be read (" +
                      std::strerror(errno) + "): graded as the untouched stub");
      continue;
    }
    overlay.emplace(l.student_file(), *text);
  }
  if (overlay.empty() && !graded.empty()) {
    notes.push_back("the submission holds none of the lessons' files (" +
                    graded.front()->student_file() +
                    " ...): every exercise is graded as the untouched stub");
  } else {
    for (const auto& m : missing)
      notes.push_back("the submission has no " + m +
                      ": its exercises are graded as the untouched stub");
  }

  std::set<std::string> wanted;
  for (const std::string& rel : source_files(source, work)) {
    wanted.insert(rel);
    std::error_code ec;
    const fs::perms perms = fs::status(source / rel, ec).permissions();
    if (const auto it = overlay.find(rel); it != overlay.end()) {
      sync_file(mirror / rel, it->second,
                fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                    fs::perms::others_read);
      continue;
    }
    const auto text = read_file(source / rel);
    if (!text) throw GradeError("cannot read " + (source / rel).string());
    sync_file(mirror / rel, *text, perms);
  }
  for (const auto& [rel, text] : overlay) {
    if (wanted.insert(rel).second)
      sync_file(mirror / rel, text, fs::perms::owner_read | fs::perms::owner_write);
  }
  // Files the instructor's tree no longer has.
  std::error_code ec;
  std::vector<fs::path> stale;
  for (auto it = fs::recursive_directory_iterator(mirror, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec)) continue;
    const std::string rel = fs::relative(it->path(), mirror, ec).string();
    if (wanted.count(rel) == 0) stale.push_back(it->path());
  }
  for (const auto& p : stale) fs::remove(p, ec);
}

void configure(const fs::path& work, std::ostream* progress) {
  const fs::path build = work / "build";
  if (fs::exists(build / "CMakeCache.txt")) return;
  if (progress != nullptr)
    *progress << "configuring the grading build in " << build.string() << "\n" << std::flush;
  RunLimits limits;
  limits.timeout_seconds = 600;
  limits.output_limit_bytes = kBuildOutputLimit;
  const ProcessResult run = run_process(
      {"cmake", "-S", (work / "src").string(), "-B", build.string(), "-DCMAKE_BUILD_TYPE=Release",
       "-DDLC_BUILD_DOCS=OFF", "-DDLC_BUILD_BENCHMARKS=OFF", "-DDLC_WERROR=OFF"},
      environment_with({"LC_ALL=C"}), limits);
  if (!(run.started && run.exited && run.exit_code == 0)) {
    const BuildResult b = build_failure(run, {(work / "src").string()});
    std::error_code ec;
    fs::remove(build / "CMakeCache.txt", ec);  // configure again next time
    throw GradeError("cannot configure the grading build in " + build.string() + ": " +
                     b.first_error);
  }
}

// ---- running one exercise --------------------------------------------------------------------

struct RunContext {
  std::vector<std::string> env;
  fs::path temp;
  std::vector<std::string> prefixes;
};

ExerciseResult run_exercise(const Exercise& exercise, const std::string& program,
                            const GradeOptions& options, const RunContext& context) {
  const fs::path report = context.temp / (exercise.id + ".xml");
  const fs::path cwd = context.temp / "run";
  std::error_code ec;
  fs::remove(report, ec);
  fs::permissions(cwd, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(cwd, ec);
  fs::create_directories(cwd, ec);

  RunLimits limits;
  limits.timeout_seconds =
      exercise.timeout_seconds > 0 ? exercise.timeout_seconds : options.timeout_seconds;
  // A sanitized program reserves terabytes of address space: no RLIMIT_AS, but the memory limit
  // of a control group, where the machine gives one.
  std::optional<SubmissionCgroup> group;
  std::size_t memory_limit = options.memory_limit_bytes;
  if (kSanitizedBuild) {
    limits.memory_limit_bytes = 0;
    if (memory_limit > 0) {
      SubmissionLimits group_limits;
      group_limits.memory_bytes = memory_limit;
      group.emplace(group_limits);
      if (group->enforced())
        limits.join_cgroup_files = group->join_files();
      else
        memory_limit = 0;
    }
  } else {
    limits.memory_limit_bytes = memory_limit;
  }
  limits.output_limit_bytes = options.output_limit_bytes;
  limits.file_size_limit_bytes = kReportLimit;
  limits.cpu_limit_seconds = limits.timeout_seconds * 4 + 10;

  const ProcessResult run =
      run_process({program, "[" + exercise.id + "]", "--reporter", "xml", "--out", report.string()},
                  context.env, limits, cwd.string());
  std::optional<std::string> text;
  if (fs::exists(fs::symlink_status(report, ec))) text = read_file(report, kReportLimit);

  DecideOptions decide_options;
  decide_options.timeout_seconds = limits.timeout_seconds;
  decide_options.memory_limit_bytes = memory_limit;
  decide_options.output_limit_bytes = options.output_limit_bytes;
  decide_options.source_prefixes = context.prefixes;
  return decide(exercise, run, text, decide_options);
}

ExerciseResult without_run(const Exercise& e, Outcome outcome, std::string summary,
                           std::string detail) {
  ExerciseResult r;
  r.id = e.id;
  r.lecture = e.lecture;
  r.title = e.title;
  r.points = e.points;
  r.outcome = outcome;
  r.summary = std::move(summary);
  r.detail = std::move(detail);
  return r;
}

}  // namespace

std::vector<Lesson> read_lessons(const std::string& source_dir, const std::string& build_dir) {
  const fs::path root(source_dir);
  const fs::path list = fs::path(build_dir) / "lessons.txt";
  const auto text = read_file(list);
  if (!text)
    throw GradeError(list.string() + ": cannot read (" + std::strerror(errno) +
                     "); configure the build first: cmake --preset release");
  std::vector<Lesson> lessons;
  std::istringstream in(*text);
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    std::istringstream words(line);
    std::string path;
    if (!(words >> path)) continue;
    const auto slash = path.find('/');
    Lesson l;
    if (slash != std::string::npos) {
      l.block = path.substr(0, slash);
      l.name = path.substr(slash + 1);
    }
    for (std::string dep; words >> dep;) l.depends.push_back(dep);
    if (l.block.empty() || l.name.empty() || l.name.find('/') != std::string::npos)
      throw GradeError(list.string() + ":" + std::to_string(number) +
                       ": expected <block>/<lesson>, not \"" + line + "\"");
    const std::string solution = "solutions/" + l.path() + ".cpp";
    const auto code = read_file(root / solution);
    if (!code)
      throw GradeError((root / solution).string() + ": cannot read: " + std::strerror(errno));
    try {
      for (const auto& region : stubgen::regions(*code, solution, l.block))
        if (std::find(l.exercise_ids.begin(), l.exercise_ids.end(), region.id) ==
            l.exercise_ids.end())
          l.exercise_ids.push_back(region.id);
    } catch (const stubgen::Error& e) {
      throw GradeError(e.what());
    }
    lessons.push_back(std::move(l));
  }
  return lessons;
}

std::string outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::kPassed:
      return "passed";
    case Outcome::kFailed:
      return "failed";
    case Outcome::kNotImplemented:
      return "not_implemented";
    case Outcome::kCrashed:
      return "crashed";
    case Outcome::kTimedOut:
      return "timed_out";
    case Outcome::kExitedEarly:
      return "exited_early";
    case Outcome::kThrew:
      return "threw";
    case Outcome::kDoesNotCompile:
      return "does_not_compile";
    case Outcome::kNoTests:
      return "no_tests";
  }
  return "unknown";
}

std::string did_you_mean(const Manifest& manifest, const std::string& word) {
  std::vector<std::string> ids;
  for (const auto& e : manifest.exercises)
    if (e.id.substr(e.id.find('.') + 1) == word) ids.push_back(e.id);
  if (ids.empty()) return {};
  std::string out = " (did you mean ";
  for (std::size_t i = 0; i < ids.size(); ++i)
    out += (i == 0 ? "" : i + 1 == ids.size() ? " or " : ", ") + ids[i];
  return out + "?)";
}

std::vector<Exercise> select_exercises(const Manifest& manifest,
                                       const std::vector<std::string>& selection) {
  if (selection.empty()) return manifest.exercises;
  std::set<std::string> chosen;
  for (const auto& word : selection) {
    bool any = false;
    for (const auto& e : manifest.exercises) {
      if (e.id == word || e.block() == word) {
        chosen.insert(e.id);
        any = true;
      }
    }
    if (!any)
      throw SelectionError("no exercise or block is called \"" + word + "\"" +
                           did_you_mean(manifest, word));
  }
  std::vector<Exercise> out;
  for (const auto& e : manifest.exercises)
    if (chosen.count(e.id) != 0) out.push_back(e);
  return out;
}

GradeReport grade(const GradeOptions& options) {
  const auto start = Clock::now();
  GradeReport report;
  std::ostream* progress = options.progress;

  if (options.source_dir.empty()) throw GradeError("no source folder given");
  const std::string source = absolute(options.source_dir);
  const Manifest manifest = read_manifest((fs::path(source) / "exercises.ini").string());
  const std::vector<Exercise> selected = select_exercises(manifest, options.selection);
  std::error_code ec;
  if (options.build_dir.empty() || !fs::is_directory(options.build_dir, ec))
    throw GradeError("no build folder " +
                     (options.build_dir.empty() ? std::string("given") : options.build_dir) +
                     " (configure and build the project first: cmake --preset release && cmake "
                     "--build --preset release)");
  const std::string build = absolute(options.build_dir);
  if (options.solution && !options.submission_dir.empty())
    throw GradeError("grade either the reference solutions or a submission, not both");
  const std::vector<Lesson> lessons = read_lessons(source, build);
  if ((options.build || !options.submission_dir.empty()) && find_executable("cmake").empty())
    throw GradeError("cmake is not installed (or not in PATH): the grader builds with it");

  std::map<std::string, const Lesson*> lesson_of;
  for (const Lesson& l : lessons)
    for (const auto& id : l.exercise_ids) lesson_of.emplace(id, &l);
  std::vector<const Lesson*> needed;
  for (const Lesson& l : lessons) {
    const bool wanted = std::any_of(selected.begin(), selected.end(), [&](const Exercise& e) {
      const auto it = lesson_of.find(e.id);
      return it != lesson_of.end() && it->second == &l;
    });
    if (wanted) needed.push_back(&l);
  }

  std::vector<std::string> prefixes = {source, build};
  std::string tree_build = build;
  std::unique_ptr<FolderLock> lock;
  if (!options.submission_dir.empty()) {
    const fs::path submission = absolute(options.submission_dir);
    if (!fs::is_directory(submission, ec))
      throw GradeError("the submission " + options.submission_dir + " is not a folder");
    const fs::path work = absolute(options.work_dir.empty() ? (fs::path(build) / "grading").string()
                                                            : options.work_dir);
    fs::create_directories(work, ec);
    if (ec) throw GradeError("cannot make the work folder " + work.string() + ": " + ec.message());
    lock = std::make_unique<FolderLock>(work, progress);
    if (progress != nullptr)
      *progress << "grading the submission " << submission.string() << "\n" << std::flush;
    prepare_tree(source, work, submission, lessons, needed, report.notes);
    if (progress != nullptr)
      for (const auto& n : report.notes) *progress << "note: " << n << "\n";
    configure(work, progress);
    tree_build = (work / "build").string();
    prefixes.insert(prefixes.begin(), (work / "src").string());
    prefixes.push_back(tree_build);
  }

  std::map<std::string, BuildResult> broken;
  if (options.build) {
    broken = build_lessons(tree_build, needed, options.solution, prefixes, progress);
  }

  RunContext context;
  TempDir temp("dlc-grade");
  context.temp = temp.path();
  context.prefixes = prefixes;
  std::vector<std::string> env_changes = {"OPENBLAS_NUM_THREADS=1", "OMP_NUM_THREADS=1",
                                          "GOTO_NUM_THREADS=1"};
  for (const auto& e : sanitizer_environment()) env_changes.push_back(e);
  const fs::path shared = fs::path(source).parent_path() / "shared" / "data";
  if (fs::is_directory(shared, ec)) env_changes.push_back("DLC_SHARED_DATA=" + shared.string());
  context.env = environment_with(env_changes);

  std::size_t index = 0;
  for (const Exercise& e : selected) {
    ++index;
    ExerciseResult r;
    const auto it = lesson_of.find(e.id);
    if (it == lesson_of.end()) {
      r = without_run(e, Outcome::kNoTests,
                      "no lesson of lessons.cmake marks " + e.id + " in its solution",
                      "exercises.ini lists " + e.id +
                          ", but no solution file marks it with // BEGIN SOLUTION " + e.id + "\n");
    } else if (const auto b = broken.find(it->second->path()); b != broken.end()) {
      r = without_run(e, Outcome::kDoesNotCompile, "does not compile: " + b->second.first_error,
                      b->second.context);
    } else {
      const std::string program =
          (fs::path(tree_build) / "bin" / it->second->test_target(options.solution)).string();
      if (!fs::exists(program, ec)) {
        r = without_run(e, Outcome::kDoesNotCompile,
                        "does not compile: its test program " + program + " is not built",
                        "build it: cmake --build " + tree_build + " --target " +
                            it->second->test_target(options.solution) + "\n");
      } else {
        r = run_exercise(e, program, options, context);
      }
    }
    if (progress != nullptr) {
      *progress << "[" << index << "/" << selected.size() << "] " << r.id << ": " << r.score
                << " / " << r.points << "  " << r.summary << " (" << seconds_text(r.seconds)
                << " s)\n"
                << std::flush;
    }
    report.score += r.score;
    report.max_score += r.points;
    report.exercises.push_back(std::move(r));
  }
  report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return report;
}

ExerciseResult grade_program(const Exercise& exercise, const std::string& program,
                             const GradeOptions& options) {
  RunContext context;
  TempDir temp("dlc-grade");
  context.temp = temp.path();
  if (!options.source_dir.empty()) context.prefixes.push_back(absolute(options.source_dir));
  std::vector<std::string> env_changes = {"OPENBLAS_NUM_THREADS=1", "OMP_NUM_THREADS=1"};
  for (const auto& e : sanitizer_environment()) env_changes.push_back(e);
  context.env = environment_with(env_changes);
  return run_exercise(exercise, program, options, context);
}

std::vector<SubmissionGrade> grade_submissions(const GradeOptions& options,
                                               const std::string& submissions_dir) {
  // The instructor's own problems stop the batch before it starts.
  read_manifest((fs::path(options.source_dir) / "exercises.ini").string());
  std::error_code ec;
  if (options.build_dir.empty() || !fs::is_directory(options.build_dir, ec))
    throw GradeError("no build folder " + options.build_dir);
  if (!fs::is_directory(submissions_dir, ec))
    throw GradeError("the submissions folder " + submissions_dir + " is not a folder");
  std::vector<std::string> names;
  for (auto it = fs::directory_iterator(submissions_dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    if (it->is_directory(ec)) names.push_back(it->path().filename().string());
  }
  std::sort(names.begin(), names.end());

  std::vector<SubmissionGrade> out;
  for (const auto& name : names) {
    SubmissionGrade s;
    s.name = name;
    GradeOptions one = options;
    one.submission_dir = (fs::path(submissions_dir) / name).string();
    one.solution = false;
    if (options.progress != nullptr) *options.progress << "== " << name << "\n" << std::flush;
    try {
      s.report = grade(one);
      s.graded = true;
      for (const auto& n : s.report.notes) s.note += (s.note.empty() ? "" : "; ") + n;
    } catch (const ManifestError&) {
      throw;
    } catch (const SelectionError&) {
      throw;
    } catch (const std::exception& e) {
      s.note = std::string("not graded: ") + e.what();
      if (options.progress != nullptr) *options.progress << s.note << "\n" << std::flush;
    }
    if (options.progress != nullptr && s.graded)
      *options.progress << name << ": " << s.report.score << " / " << s.report.max_score
                        << " points\n"
                        << std::flush;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace dlc::grader
