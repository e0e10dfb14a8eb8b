// grade(): builds what is needed, then runs each exercise's tests in a process of its own.

#include "apps/grader/grader.hpp"

#include <cxxabi.h>
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

#include "apps/grader/batch.hpp"
#include "apps/grader/catch_report.hpp"
#include "apps/grader/internal.hpp"
#include "apps/grader/lessons.hpp"
#include "apps/grader/release.hpp"
#include "apps/grader/results_store.hpp"
#include "apps/grader/sandbox.hpp"
#include "apps/grader/user_sandbox.hpp"
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
/// How much memory the compiler may use on one student's file: `#include "/dev/zero"` or a
/// template that recurses without end is "does not compile", not a grader that waits (its time
/// limit is GradeOptions::compile_timeout_seconds; never retried).
constexpr std::size_t kCompileMemoryLimit = std::size_t{3} << 30;
constexpr std::size_t kBuildOutputLimit = 4u << 20;
constexpr std::size_t kBuildMemoryLimit = std::size_t{4} << 30;
/// The largest student file taken from a submission.
constexpr std::uintmax_t kSubmissionFileLimit = 4u << 20;

// ---- building ------------------------------------------------------------------------------

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

}  // namespace

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

namespace {

// ---- the kit: what a student's file is compiled and linked with --------------------------

/// What CMake wrote for the grader (build/grading/kit.txt): how to compile a student's file and
/// link a runner from it, and, for each lesson, its judge (the test program linked with the
/// reference solutions), its table of exercises and its reference objects for runners.
struct Kit {
  std::string compiler;
  std::vector<std::string> flags;
  std::string include;  ///< the course's headers, alone
  std::vector<std::string> system_includes;
  std::vector<std::string> runner_main;
  std::vector<std::string> libraries;
  struct LessonKit {
    std::string judge;
    std::vector<std::string> table;
    std::vector<std::string> reference;
  };
  std::map<std::string, LessonKit> lessons;  ///< by `week2/logistic_regression`
};

Kit read_kit(const std::string& build) {
  const fs::path file = fs::path(build) / "grading" / "kit.txt";
  const auto text = read_file(file);
  if (!text)
    throw GradeError(file.string() + ": cannot read (" + std::strerror(errno) +
                     "); configure the build again: cmake --preset release");
  Kit kit;
  std::string lesson;
  std::istringstream in(*text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> words;
    std::istringstream fields(line);
    for (std::string w; std::getline(fields, w, '\t');)
      if (!w.empty()) words.push_back(w);
    if (words.empty()) continue;
    const std::string key = words.front();
    words.erase(words.begin());
    const std::string first = words.empty() ? "" : words.front();
    if (key == "compiler")
      kit.compiler = first;
    else if (key == "flags")
      kit.flags = words;
    else if (key == "include")
      kit.include = first;
    else if (key == "system_include")
      kit.system_includes = words;
    else if (key == "runner_main")
      kit.runner_main = words;
    else if (key == "libraries")
      kit.libraries = words;
    else if (key == "lesson")
      lesson = first;
    else if (key == "judge")
      kit.lessons[lesson].judge = first;
    else if (key == "table")
      kit.lessons[lesson].table = words;
    else if (key == "reference")
      kit.lessons[lesson].reference = words;
  }
  if (kit.compiler.empty() || kit.include.empty() || kit.runner_main.empty())
    throw GradeError(file.string() + " is incomplete; configure the build again");
  return kit;
}

// ---- where a submission's code runs ------------------------------------------------------

/// How every process of one grading that touches the student's code is confined: in a
/// bubblewrap sandbox (unless the machine has none and the caller allowed that) or as the
/// user of a user sandbox, in the submission's control group when there is one, under
/// per-process limits always.
struct Confinement {
  bool sandbox = false;
  UserSandbox* user = nullptr;  ///< run as its user instead (user_sandbox.hpp)
  const SubmissionCgroup* cgroup = nullptr;
  std::size_t max_processes = 0;  ///< RLIMIT_NPROC when no cgroup
  /// Folders every sandbox of the grading sees read-only (the build's objects, the kit).
  std::vector<std::string> read_only;
  double compile_timeout_seconds = 120;  ///< of compiling or linking the student's file
};

RunLimits confined_limits(const Confinement& c, double timeout, std::size_t memory,
                          std::size_t output) {
  RunLimits limits;
  limits.timeout_seconds = timeout;
  limits.memory_limit_bytes = kSanitizedBuild ? 0 : memory;
  limits.output_limit_bytes = output;
  limits.file_size_limit_bytes = kReportLimit;
  limits.cpu_limit_seconds = timeout * 4 + 10;
  if (c.cgroup != nullptr && c.cgroup->enforced())
    limits.join_cgroup_files = c.cgroup->join_files();
  else
    limits.max_processes = c.max_processes;
  return limits;
}

/// The argv of `command` confined as `c` says: in a sandbox that sees, at their own paths, the
/// system's programs and libraries, `read_only` and `read_write`, and nothing else.
std::vector<std::string> confined(const Confinement& c, const std::vector<std::string>& read_only,
                                  const std::vector<std::string>& read_write,
                                  const std::string& working_dir,
                                  const std::vector<std::string>& env,
                                  const std::vector<std::string>& command) {
  // As the user sandbox's user: what it may read is set by the files' owners and modes.
  if (c.user != nullptr) return c.user->command(env, command, working_dir);
  if (!c.sandbox) {
    // Still only `env`: nothing of the grader's environment reaches the submission's code.
    std::vector<std::string> argv = {"env", "-i"};
    argv.insert(argv.end(), env.begin(), env.end());
    argv.insert(argv.end(), command.begin(), command.end());
    return argv;
  }
  SandboxSpec spec;
  for (const auto& p : read_only) spec.read_only.emplace_back(p, p);
  for (const auto& p : read_write) spec.read_write.emplace_back(p, p);
  spec.working_dir = working_dir;
  spec.env = env;
  return sandboxed(spec, command);
}

std::vector<std::string> tool_environment() {
  return {"PATH=/usr/bin:/bin", "LC_ALL=C", "HOME=/tmp", "TMPDIR=/tmp"};
}

/// Runs a tool (the compiler, nm, objcopy, the linker) on the student's file or object, confined,
/// in `working_dir`, seeing `read_only` and `read_write` besides the system.
ProcessResult run_tool(const Confinement& c, const std::vector<std::string>& read_only,
                       const std::vector<std::string>& read_write, const std::string& working_dir,
                       const std::vector<std::string>& argv, double timeout) {
  std::optional<UserSandbox::Step> step;
  if (c.user != nullptr)
    step.emplace(*c.user, std::find(read_only.begin(), read_only.end(), c.user->link_dir()) !=
                              read_only.end());
  return run_process(
      confined(c, read_only, read_write, working_dir, tool_environment(), argv), tool_environment(),
      confined_limits(c, timeout, kCompileMemoryLimit, kBuildOutputLimit), working_dir);
}

/// A compiler's or linker's output, kept to the lines about `file` (the student's file): a
/// message located in a header or a library is summed up without quoting it.
BuildResult student_messages(const ProcessResult& run, const std::string& file,
                             const std::vector<std::string>& prefixes, const std::string& what,
                             double timeout) {
  BuildResult b;
  if (!run.started) {
    b.first_error = run.start_error;
    return b;
  }
  if (run.timed_out) {
    b.first_error = what + " did not finish in " + seconds_text(timeout) + " s";
    return b;
  }
  std::istringstream in(run.output);
  std::size_t shown = 0;
  bool elsewhere = false;
  for (std::string line; std::getline(in, line);) {
    line = strip_prefixes(line, prefixes);
    const bool about_file = line.rfind(file + ":", 0) == 0;
    const bool is_error = line.find("error:") != std::string::npos ||
                          line.find("undefined reference") != std::string::npos;
    if (!about_file) {
      if (is_error || line.find("In file included from") != std::string::npos) elsewhere = true;
      continue;
    }
    if (b.first_error.empty() && is_error) b.first_error = one_line(line, 400);
    if (shown < 16) {
      b.context += line + "\n";
      ++shown;
    }
  }
  if (elsewhere) b.context += "(messages about files other than " + file + " are not shown)\n";
  if (b.first_error.empty())
    b.first_error = what + " failed (" +
                    (run.exited ? "exit code " + std::to_string(run.exit_code)
                                : "signal " + std::to_string(run.signal) + ", " +
                                      signal_description(run.signal)) +
                    ")" + (elsewhere ? " in a file other than " + file : "");
  return b;
}

/// One lesson of a submission, compiled: its object, made weak (see link_runner()), and the
/// names of what it defines.
struct CompiledLesson {
  bool ok = false;
  BuildResult failure;
  std::string object;             ///< every global symbol weak
  std::set<std::string> defined;  ///< its defined global symbols, mangled
};

std::set<std::string> defined_symbols(const std::string& nm_output) {
  std::set<std::string> names;
  std::istringstream in(nm_output);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string name, type;
    if (words >> name >> type && type != "U" && type != "w" && type != "v") names.insert(name);
  }
  return names;
}

CompiledLesson compile_lesson(const Kit& kit, const Confinement& c, const fs::path& work,
                              const Lesson& lesson, const std::vector<std::string>& prefixes) {
  CompiledLesson out;
  const fs::path src = work / "src";
  const fs::path obj = work / "obj";
  const std::string file = lesson.student_file();
  const std::string object = (obj / (lesson.block + "_" + lesson.name + ".o")).string();
  std::vector<std::string> argv = {kit.compiler};
  argv.insert(argv.end(), kit.flags.begin(), kit.flags.end());
  argv.push_back("-I" + kit.include);
  for (const auto& d : kit.system_includes) argv.push_back("-isystem" + d);
  for (const char* f :
       {"-w", "-fmax-errors=20", "-fno-diagnostics-show-caret", "-fdiagnostics-color=never", "-c"})
    argv.push_back(f);
  argv.push_back(file);
  argv.push_back("-o");
  argv.push_back(object);
  std::vector<std::string> seen = {kit.include, src.string()};
  seen.insert(seen.end(), kit.system_includes.begin(), kit.system_includes.end());
  const ProcessResult run =
      run_tool(c, seen, {obj.string()}, src.string(), argv, c.compile_timeout_seconds);
  if (!(run.started && run.exited && run.exit_code == 0)) {
    out.failure = student_messages(run, file, prefixes, "the compiler", c.compile_timeout_seconds);
    return out;
  }
  // What the file defines, and the same object with every global symbol weak.
  const std::string weak = (obj / (lesson.block + "_" + lesson.name + ".weak.o")).string();
  const ProcessResult nm = run_tool(c, {obj.string()}, {}, obj.string(),
                                    {"nm", "-g", "--defined-only", "--format=posix", object}, 60);
  const ProcessResult copy =
      run_tool(c, {}, {obj.string()}, obj.string(), {"objcopy", "--weaken", object, weak}, 60);
  if (!(nm.exited && nm.exit_code == 0 && !nm.output_truncated && copy.exited &&
        copy.exit_code == 0)) {
    out.failure.first_error = "its object file cannot be read (nm, objcopy failed)";
    out.failure.context = one_line(nm.output + copy.output, 400) + "\n";
    return out;
  }
  out.ok = true;
  // Of a user sandbox, out of its user's hands before any code of the submission runs.
  out.object = c.user != nullptr ? c.user->take(weak) : weak;
  out.defined = defined_symbols(nm.output);
  return out;
}

/// The mangled name of each (qualified) function of the lesson's exercises among
/// the global symbols of its reference objects (one `nm` for the whole lesson); a function the
/// objects do not define is left out.
std::map<std::string, std::string> exercise_symbols(const std::vector<std::string>& objects,
                                                    const Lesson& lesson) {
  RunLimits limits;
  limits.timeout_seconds = 60;
  limits.output_limit_bytes = kBuildOutputLimit;
  std::vector<std::string> argv = {"nm", "-g", "--defined-only", "--format=posix"};
  argv.insert(argv.end(), objects.begin(), objects.end());
  const ProcessResult nm = run_process(argv, environment_with({"LC_ALL=C"}), limits);
  std::map<std::string, std::string> symbols;
  for (const std::string& name : defined_symbols(nm.output)) {
    int status = 0;
    std::unique_ptr<char, void (*)(void*)> plain(
        abi::__cxa_demangle(name.c_str(), nullptr, nullptr, &status), std::free);
    if (status != 0 || !plain) continue;
    const std::string demangled(plain.get());
    for (const std::string& function : lesson.functions)
      if (demangled.rfind(function + "(", 0) == 0) symbols.emplace(function, name);
  }
  return symbols;
}

/// Links the runner of exercise `symbol` (mangled) of `lesson`: the student's object (every
/// symbol weak) first, then the reference objects of the lesson, with the exercise's own made
/// weak, and of the lessons it depends on. Of two weak definitions the linker keeps the first,
/// the student's; a strong one wins over a weak one, so every other exercise is the reference's;
/// and --gc-sections drops the reference's version of the exercise, which nothing calls.
BuildResult link_runner(const Kit& kit, const Confinement& c, const fs::path& work,
                        const Lesson& lesson, const std::vector<const Lesson*>& depends,
                        const CompiledLesson& student, const std::string& symbol,
                        const std::string& runner, const std::vector<std::string>& prefixes) {
  const Kit::LessonKit& own = kit.lessons.at(lesson.path());
  const fs::path obj = work / "obj";
  // The reference objects are the instructor's, not the student's: weakened outside any
  // sandbox, into the submission's folder (of a user sandbox, the folder its user reads only
  // while linking), and removed once linked.
  const fs::path weak_dir = c.user != nullptr ? fs::path(c.user->link_dir()) : obj;
  std::vector<std::string> weakened;
  struct Remove {
    std::vector<std::string>& files;
    ~Remove() {
      std::error_code ec;
      for (const auto& f : files) fs::remove(f, ec);
    }
  } remove_weakened{weakened};
  std::vector<std::string> argv = {kit.compiler};
  argv.insert(argv.end(), kit.flags.begin(), kit.flags.end());
  argv.push_back(student.object);
  std::size_t k = 0;
  for (const std::string& reference : own.reference) {
    const std::string weak = (weak_dir / (symbol + "." + std::to_string(k++) + ".o")).string();
    weakened.push_back(weak);
    RunLimits limits;
    limits.timeout_seconds = 60;
    limits.output_limit_bytes = kBuildOutputLimit;
    const ProcessResult copy =
        run_process({"objcopy", "--weaken-symbol=" + symbol, reference, weak},
                    environment_with({"LC_ALL=C"}), limits);
    if (!(copy.exited && copy.exit_code == 0))
      return BuildResult{false, "objcopy failed on " + reference + ": " + one_line(copy.output),
                         ""};
    argv.push_back(weak);
  }
  for (const Lesson* d : depends)
    for (const std::string& reference : kit.lessons.at(d->path()).reference)
      argv.push_back(reference);
  argv.insert(argv.end(), own.table.begin(), own.table.end());
  argv.insert(argv.end(), kit.runner_main.begin(), kit.runner_main.end());
  argv.push_back("-Wl,--gc-sections");
  argv.insert(argv.end(), kit.libraries.begin(), kit.libraries.end());
  argv.push_back("-o");
  argv.push_back(runner);
  const ProcessResult run =
      run_tool(c, c.read_only, {obj.string()}, obj.string(), argv, c.compile_timeout_seconds);
  if (run.started && run.exited && run.exit_code == 0) return BuildResult{true, "", ""};
  return student_messages(run, lesson.student_file(), prefixes, "the linker",
                          c.compile_timeout_seconds);
}

struct RunContext {
  std::vector<std::string> env;
  fs::path temp;
  std::vector<std::string> prefixes;
};

/// The ending of the runner as the judge wrote it (common/remote.hpp): `signal 11`,
/// `exited 0`, `garbled`, each maybe followed by ` before answering` and a tab and a message.
void apply_runner_status(ExerciseResult& r, const std::optional<std::string>& status) {
  if (!status || r.outcome == Outcome::kPassed || r.outcome == Outcome::kTimedOut) return;
  const std::string line = status->substr(0, status->find('\n'));
  const std::string head = line.substr(0, line.find('\t'));
  const std::string message =
      line.find('\t') == std::string::npos ? "" : line.substr(line.find('\t') + 1);
  if (head.rfind("signal ", 0) == 0) {
    const int signal = std::atoi(head.c_str() + 7);
    r.outcome = Outcome::kCrashed;
    r.summary =
        "crashed with signal " + std::to_string(signal) + " (" + signal_description(signal) + ")";
  } else if (head.rfind("exited ", 0) == 0) {
    r.outcome = Outcome::kExitedEarly;
    r.summary = "exited early (exit code " + std::to_string(std::atoi(head.c_str() + 7)) +
                ") before its tests finished";
  } else if (head.rfind("garbled", 0) == 0) {
    r.outcome = Outcome::kForged;
    r.summary = "forged: " + message;
  } else {
    return;
  }
  r.score = 0;
  if (!message.empty()) r.detail = message + "\n" + r.detail;
}

/// Runs the tests of `exercise` in its lesson's judge, which sends every call of the exercise
/// to `runner_command` (the runner, confined).
ExerciseResult run_exercise(const Exercise& exercise, const std::string& program,
                            const std::vector<std::string>& runner_command,
                            const GradeOptions& options, const RunContext& context,
                            const Confinement& confinement) {
  const fs::path report = context.temp / (exercise.id + ".xml");
  const fs::path status = context.temp / (exercise.id + ".status");
  const fs::path command = context.temp / (exercise.id + ".runner");
  const fs::path cwd = context.temp / "run";
  std::error_code ec;
  fs::remove(report, ec);
  fs::remove(status, ec);
  fs::permissions(cwd, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(cwd, ec);
  fs::create_directories(cwd, ec);
  std::vector<std::string> argv = {program};
  if (!runner_command.empty()) {
    std::string command_text;
    for (const auto& a : runner_command) command_text += a + '\0';
    command_text.pop_back();
    write_file_atomically(command.string(), command_text);
    argv.insert(argv.end(), {"--dlc-remote", exercise.id, command.string(), status.string()});
  }
  argv.insert(argv.end(), {"[" + exercise.id + "]", "--reporter", "xml", "--out", report.string()});

  const double timeout =
      exercise.timeout_seconds > 0 ? exercise.timeout_seconds : options.timeout_seconds;
  const RunLimits limits =
      confined_limits(confinement, timeout, options.memory_limit_bytes, options.output_limit_bytes);
  const ProcessResult run = run_process(argv, context.env, limits, cwd.string());
  std::optional<std::string> text;
  if (fs::exists(fs::symlink_status(report, ec))) text = read_file(report, kReportLimit);

  DecideOptions decide_options;
  decide_options.timeout_seconds = limits.timeout_seconds;
  const bool grouped = confinement.cgroup != nullptr && confinement.cgroup->enforced();
  decide_options.memory_limit_bytes = limits.memory_limit_bytes > 0
                                          ? limits.memory_limit_bytes
                                          : (grouped ? options.memory_limit_bytes : 0);
  decide_options.output_limit_bytes = options.output_limit_bytes;
  decide_options.source_prefixes = context.prefixes;
  ExerciseResult r = decide(exercise, run, text, decide_options);
  apply_runner_status(r, read_file(status, 4096));
  return r;
}

}  // namespace

GradingPlan::GradingPlan(const GradeOptions& options) {
  if (options.source_dir.empty()) throw GradeError("no source folder given");
  source = absolute(options.source_dir);
  const Manifest manifest = read_manifest((fs::path(source) / "exercises.ini").string());
  selected = select_exercises(manifest, options.selection);
  std::error_code ec;
  if (options.build_dir.empty() || !fs::is_directory(options.build_dir, ec))
    throw GradeError("no build folder " +
                     (options.build_dir.empty() ? std::string("given") : options.build_dir) +
                     " (configure and build the project first: cmake --preset release && cmake "
                     "--build --preset release)");
  build = absolute(options.build_dir);
  lessons = read_lessons(source, build);
  for (const Lesson& l : lessons) {
    for (const auto& id : l.exercise_ids) lesson_of.emplace(id, &l);
    by_path.emplace(l.path(), &l);
  }
  for (const Lesson& l : lessons) {
    const bool wanted = std::any_of(selected.begin(), selected.end(), [&](const Exercise& e) {
      const auto it = lesson_of.find(e.id);
      return it != lesson_of.end() && it->second == &l;
    });
    if (wanted) needed.push_back(&l);
  }
}

std::string absolute(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) p = fs::absolute(path);
  return p.lexically_normal().string();
}

bool inside(const std::string& path, const std::string& dir) {
  if (dir.empty()) return false;
  const std::string d = dir.back() == '/' ? dir : dir + "/";
  return path == dir || path.rfind(d, 0) == 0;
}

std::string seconds_text(double s) { return fixed(s, s < 10 ? 2 : 1); }

std::string output_folder_refusal(const std::string& given, const std::string& target,
                                  const std::vector<std::pair<std::string, std::string>>& trees) {
  for (const auto& [name, folder] : trees)
    if (inside(target, folder))
      return given + " is inside " + name + " " + folder +
             "; nothing written (choose a folder outside it)";
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(target, ec))) return {};
  if (!fs::is_directory(target, ec)) return given + " exists and is not a folder; nothing written";
  if (fs::directory_iterator(target, ec) != fs::directory_iterator() || ec)
    return given + " is not empty; nothing written (choose a new or an empty folder)";
  return {};
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

void add_result(GradeReport& report, ExerciseResult r, std::size_t index, std::size_t total,
                std::ostream* progress) {
  if (progress != nullptr)
    *progress << "[" << index << "/" << total << "] " << r.id << ": " << r.score << " / "
              << r.points << "  " << r.summary << " (" << seconds_text(r.seconds) << " s)\n"
              << std::flush;
  report.score += r.score;
  report.max_score += r.points;
  report.exercises.push_back(std::move(r));
}

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
    if (!has_solutions(source_dir)) {  // a release: the ids `dlc release` wrote down
      l.exercise_ids = released_exercise_ids(source_dir, l.path());
      lessons.push_back(std::move(l));
      continue;
    }
    const std::string solution = "solutions/" + l.path() + ".cpp";
    const auto code = read_file(root / solution);
    if (!code)
      throw GradeError((root / solution).string() + ": cannot read: " + std::strerror(errno));
    try {
      for (const auto& e : stubgen::exercise_functions(*code, solution, l.block)) {
        l.exercise_ids.push_back(e.id);
        l.functions.push_back(e.function);
      }
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
    case Outcome::kForged:
      return "forged";
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

namespace {

/// The program that starts every command of the user sandbox (apps/grader/run_as.cpp), in the
/// build's bin/.
constexpr const char* kRunAs = "dlc-run-as";

/// The user `name` of a user sandbox, once it is known that it can reach none of the answers:
/// the solutions, the tests, the build (the judges).
SandboxUser user_without_the_answers(const std::string& name, const std::string& source,
                                     const std::string& build, const std::vector<Lesson>& lessons) {
  const SandboxUser user = find_sandbox_user(name);
  std::vector<std::string> answers = {source + "/solutions", source + "/tests", build,
                                      build + "/bin"};
  if (!lessons.empty()) answers.push_back(source + "/solutions/" + lessons.front().path() + ".cpp");
  const std::string reached = reachable_by(user, answers);
  if (!reached.empty())
    throw GradeError("the sandbox's user " + name + " can reach " + reached +
                     ", so a submission could read the answers: make the source tree and its "
                     "build root's alone (chmod -R go-rwx " +
                     source + ") or use --sandbox bwrap");
  return user;
}

/// The kit with the files of the instructor's build that compiling and linking the runners of
/// `needed` (and of the lessons they depend on) read copied into the user sandbox's folders.
Kit kit_for_user(const Kit& kit, UserSandbox& sandbox, const std::string& build,
                 const std::vector<const Lesson*>& needed,
                 const std::map<std::string, const Lesson*>& by_path) {
  Kit out = kit;
  const std::string prefix = build + "/";
  auto copy = [&](std::vector<std::string>& files) {
    for (auto& f : files)
      if (f.rfind(prefix, 0) == 0) f = sandbox.copy_for_link(f);
  };
  out.include = sandbox.copy_headers(kit.include);
  copy(out.runner_main);
  copy(out.libraries);
  std::set<std::string> lessons;
  for (const Lesson* l : needed) {
    lessons.insert(l->path());
    for (const auto& d : l->depends)
      if (by_path.count(d) != 0) lessons.insert(d);
  }
  for (const auto& path : lessons) {
    const auto it = out.lessons.find(path);
    if (it == out.lessons.end()) continue;
    copy(it->second.table);
    copy(it->second.reference);
  }
  return out;
}

}  // namespace

GradeReport grade(const GradeOptions& options) {
  // A release (no solutions/) grades the student's code in-process (release.cpp).
  if (!options.source_dir.empty() && !has_solutions(options.source_dir))
    return grade_release(options);
  const auto start = Clock::now();
  GradeReport report;
  std::ostream* progress = options.progress;

  if (options.solution && !options.submission_dir.empty())
    throw GradeError("grade either the reference solutions or a submission, not both");
  const GradingPlan plan(options);
  const std::string& source = plan.source;
  const std::string& build = plan.build;
  const std::vector<Exercise>& selected = plan.selected;
  const std::vector<Lesson>& lessons = plan.lessons;
  const auto& lesson_of = plan.lesson_of;
  const auto& by_path = plan.by_path;
  const std::vector<const Lesson*>& needed = plan.needed;
  std::error_code ec;
  fs::path submission;
  if (!options.submission_dir.empty()) {
    submission = absolute(options.submission_dir);
    if (!fs::is_directory(submission, ec))
      throw GradeError("the submission " + options.submission_dir + " is not a folder");
  }

  // Where the submission's code runs. A submission is graded only in a sandbox, unless the
  // instructor says otherwise; a student's own tree is graded in one when the machine has it.
  // The user sandbox, when asked for, instead of bubblewrap.
  Confinement confinement;
  std::optional<SandboxUser> sandbox_user;
  if (!options.sandbox_user.empty())
    sandbox_user = user_without_the_answers(options.sandbox_user, source, build, lessons);
  const std::string unavailable = sandbox_user ? std::string() : sandbox_unavailable_reason();
  confinement.sandbox = !sandbox_user && unavailable.empty() && !options.unsafe_no_sandbox;
  if (!submission.empty() && !sandbox_user && !confinement.sandbox && !options.unsafe_no_sandbox)
    throw GradeError("cannot grade a submission safely: " + unavailable +
                     ". Its code would run with your rights, see your files and the network. "
                     "Install bubblewrap, or grade anyway with --unsafe-no-sandbox");
  if (!sandbox_user && !confinement.sandbox) {
    report.notes.push_back(options.unsafe_no_sandbox
                               ? "graded without a sandbox (--unsafe-no-sandbox)"
                               : "graded without a sandbox: " + unavailable);
  }

  // The instructor's build: each lesson's judge and what its runners are linked from.
  if (options.build && !needed.empty()) {
    if (find_executable("cmake").empty())
      throw GradeError("cmake is not installed (or not in PATH): the grader builds with it");
    std::vector<std::string> targets = {"dlc_runner_main"};
    if (sandbox_user) targets.push_back(kRunAs);
    std::set<std::string> lessons_built;
    for (const Lesson* l : needed) {
      lessons_built.insert(l->path());
      for (const auto& d : l->depends) lessons_built.insert(d);
    }
    for (const std::string& path : lessons_built) {
      const std::string id = path.substr(0, path.find('/')) + "_" + path.substr(path.find('/') + 1);
      targets.push_back("test_" + id + "_solution");
      targets.push_back("runner_reference_" + id);
      targets.push_back("remote_" + id);
    }
    if (progress != nullptr)
      *progress << "building the reference of " << lessons_built.size()
                << (lessons_built.size() == 1 ? " lesson" : " lessons") << " in " << build << "\n"
                << std::flush;
    const BuildResult b = run_build(build, targets, {source, build});
    if (!b.ok) throw GradeError("the reference solutions do not build: " + b.first_error);
  }
  if (options.build_only) return report;
  Kit kit = read_kit(build);

  // The submission's own folder: its files, its objects, its runners; removed at the end, after
  // every process of the submission is gone.
  TempDir temp("dlc-grade");
  const fs::path work = temp.path();
  fs::create_directories(work / "src", ec);
  fs::create_directories(work / "obj", ec);
  fs::create_directories(work / "judge", ec);
  SubmissionLimits submission_limits;
  submission_limits.memory_bytes = options.submission_memory_bytes;
  submission_limits.max_processes = options.max_processes;
  SubmissionCgroup cgroup(submission_limits);
  confinement.cgroup = &cgroup;
  confinement.max_processes =
      cgroup.enforced() ? 0 : running_processes_of_this_user() + options.max_processes;
  confinement.read_only = {build};
  confinement.compile_timeout_seconds = options.compile_timeout_seconds;
  std::optional<UserSandbox> user_sandbox;
  if (sandbox_user) {
    const std::string run_as = (fs::path(build) / "bin" / kRunAs).string();
    if (::access(run_as.c_str(), X_OK) != 0)
      throw GradeError(run_as + " is missing (" + std::strerror(errno) +
                       "); build it: cmake --build " + build + " --target " + kRunAs);
    user_sandbox.emplace(*sandbox_user, work.string(), run_as, options.max_processes);
    kit = kit_for_user(kit, *user_sandbox, build, needed, by_path);
    confinement.user = &*user_sandbox;
    confinement.read_only = {user_sandbox->link_dir()};
  }
  std::vector<std::string> prefixes = {(work / "src").string(), work.string(), source, build};

  // The student's file of each lesson: from the submission, the tree, or the solutions.
  std::map<std::string, CompiledLesson> compiled;
  std::map<std::string, std::string> graded_hash;  // of each lesson's file as graded, by path
  std::vector<std::string> missing;
  bool any_file = submission.empty();
  for (const Lesson* l : needed) {
    std::optional<std::string> text;
    const fs::path tree_file = fs::path(source) / l->student_file();
    if (options.solution) {
      text = read_file(fs::path(source) / "solutions" / l->student_file());
    } else if (!submission.empty()) {
      const fs::path file = submission / l->student_file();
      const auto status = fs::symlink_status(file, ec);
      if (ec || !fs::exists(status)) {
        missing.push_back(l->student_file());
      } else if (!fs::is_regular_file(status)) {
        report.notes.push_back(l->student_file() +
                               " in the submission is not a regular file: ignored, graded as "
                               "the untouched stub");
      } else if (fs::file_size(file, ec) > kSubmissionFileLimit) {
        report.notes.push_back(l->student_file() + " in the submission is larger than " +
                               std::to_string(kSubmissionFileLimit >> 20) +
                               " MiB: ignored, graded as the untouched stub");
      } else if (!(text = read_file(file, kSubmissionFileLimit))) {
        report.notes.push_back(l->student_file() + " in the submission cannot be read (" +
                               std::strerror(errno) + "): graded as the untouched stub");
      } else {
        any_file = true;
      }
      if (!text) text = read_file(tree_file);
    } else {
      text = read_file(tree_file);
    }
    if (!text) throw GradeError("cannot read " + tree_file.string());
    graded_hash.emplace(l->path(), content_hash(*text));
    const fs::path dest = work / "src" / l->student_file();
    fs::create_directories(dest.parent_path(), ec);
    write_file_atomically(dest.string(), *text);
  }
  if (user_sandbox) user_sandbox->share((work / "src").string());
  if (!any_file && !needed.empty()) {
    report.notes.push_back("the submission holds none of the lessons' files (" +
                           needed.front()->student_file() +
                           " ...): every exercise is graded as the untouched stub");
  } else {
    for (const auto& m : missing)
      report.notes.push_back("the submission has no " + m +
                             ": its exercises are graded as the untouched stub");
  }
  if (!submission.empty())
    if (std::string note = ignored_files_note(submission.string(), lessons); !note.empty())
      report.notes.push_back(std::move(note));
  if (progress != nullptr)
    for (const auto& n : report.notes) *progress << "note: " << n << "\n";
  for (const Lesson* l : needed) {
    if (progress != nullptr)
      *progress << "compiling " << l->student_file() << (confinement.sandbox ? " in a sandbox" : "")
                << "\n"
                << std::flush;
    compiled.emplace(l->path(), compile_lesson(kit, confinement, work, *l, prefixes));
  }

  RunContext context;
  context.temp = work / "judge";
  context.prefixes = prefixes;
  std::vector<std::string> env_changes = {"OPENBLAS_NUM_THREADS=1", "OMP_NUM_THREADS=1",
                                          "GOTO_NUM_THREADS=1"};
  const fs::path shared = fs::path(source).parent_path() / "shared" / "data";
  if (fs::is_directory(shared, ec)) env_changes.push_back("DLC_SHARED_DATA=" + shared.string());
  for (const auto& e : sanitizer_environment()) env_changes.push_back(e);
  context.env = environment_with(env_changes);
  std::vector<std::string> runner_env = {"PATH=/usr/bin:/bin", "LC_ALL=C", "HOME=/tmp",
                                         "OPENBLAS_NUM_THREADS=1", "OMP_NUM_THREADS=1"};
  for (const auto& e : sanitizer_environment(options.memory_limit_bytes)) runner_env.push_back(e);

  std::map<std::string, std::map<std::string, std::string>> symbols_of;  // by lesson path
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
    } else if (const CompiledLesson& c = compiled.at(it->second->path()); !c.ok) {
      r = without_run(e, Outcome::kDoesNotCompile, "does not compile: " + c.failure.first_error,
                      c.failure.context);
    } else {
      const Lesson& l = *it->second;
      const std::size_t k = static_cast<std::size_t>(
          std::find(l.exercise_ids.begin(), l.exercise_ids.end(), e.id) - l.exercise_ids.begin());
      const Kit::LessonKit& lk = kit.lessons.at(l.path());
      auto symbols = symbols_of.find(l.path());
      if (symbols == symbols_of.end())
        symbols = symbols_of.emplace(l.path(), exercise_symbols(lk.reference, l)).first;
      const auto found = symbols->second.find(l.functions.at(k));
      const std::string symbol = found == symbols->second.end() ? "" : found->second;
      std::vector<const Lesson*> depends;
      for (const auto& d : l.depends)
        if (by_path.count(d) != 0) depends.push_back(by_path.at(d));
      const std::string runner = (work / "obj" / ("runner-" + e.id)).string();
      BuildResult linked;
      if (symbol.empty()) {
        linked.first_error =
            "the reference solution defines no " + l.functions.at(k) + " (rebuild the project)";
      } else if (c.defined.count(symbol) == 0) {
        linked.first_error = l.student_file() + " does not define " + l.functions.at(k) + " as " +
                             l.block + "/" + l.name + ".hpp declares it";
      } else {
        linked = link_runner(kit, confinement, work, l, depends, c, symbol, runner, prefixes);
      }
      if (!linked.ok) {
        r = without_run(e, Outcome::kDoesNotCompile, "does not compile: " + linked.first_error,
                        linked.context);
      } else {
        const std::vector<std::string> runner_command =
            confined(confinement, {runner}, {}, "/tmp", runner_env, {runner, e.id});
        r = run_exercise(e, lk.judge, runner_command, options, context, confinement);
      }
      // Linked with the reference versions of the lesson's other exercises: no later runner
      // may read it.
      fs::remove(runner, ec);
    }
    if (it != lesson_of.end()) {
      r.file = it->second->student_file();
      r.file_hash = graded_hash.at(it->second->path());
    }
    add_result(report, std::move(r), index, selected.size(), progress);
  }
  // Nothing of the submission outlives its grading.
  cgroup.kill_all();
  if (!cgroup.empty())
    throw GradeError("processes of the submission survived being killed in " +
                     cgroup.folders().front());
  if (user_sandbox && !user_sandbox->kill_all())
    throw GradeError("processes of the user " + sandbox_user->name + " survived being killed");
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
  // A sanitized program reserves terabytes of address space: no RLIMIT_AS, but the memory limit
  // of a control group, where the machine gives one.
  Confinement confinement;
  std::optional<SubmissionCgroup> group;
  if (kSanitizedBuild && options.memory_limit_bytes > 0) {
    SubmissionLimits limits;
    limits.memory_bytes = options.memory_limit_bytes;
    limits.max_processes = options.max_processes;
    group.emplace(limits);
    confinement.cgroup = &*group;
  }
  return run_exercise(exercise, program, {}, options, context, confinement);
}

}  // namespace dlc::grader
