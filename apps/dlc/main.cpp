/// \file
/// \brief `dlc`, the course's command: `dlc run <program> [--solution] [options]`.
///
/// The driver links no lesson code, so that a student's broken or crashing code can never break
/// the command itself. `dlc run` checks the command line against the catalogue of programs
/// (apps/cli/programs.hpp), then replaces itself (execv) with the lesson runner of the chosen
/// flavour, found beside its own executable: `dlc-lessons-student` (the student's code) or, with
/// `--solution`, `dlc-lessons-solution` (the reference solutions). The runner's output and exit
/// code are the command's.
///
/// Each subcommand is one entry of `kCommands`: `run`, and the autograder's `grade`, `list` and
/// `hint` (apps/grader/grader.hpp), which build and run the lessons' test programs as separate
/// processes and so never link lesson code either; `grade` keeps the results of the student's
/// tree (apps/grader/results_store.hpp) that `list` shows, and `watch` (apps/dlc/watch.hpp)
/// grades a lesson each time its file is saved.
/// `tune` is `dlc run course2.tune --solution`: the hyperparameter search
/// (apps/lessons/course2_tune.cpp).
///
/// Where things are: `dlc` lives in `<build_dir>/bin/`, so the build folder is its parent; the
/// source folder is compiled in (DLC_SOURCE_DIR) and `--source-dir` overrides it; the manifest is
/// `<source_dir>/exercises.ini`.

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "apps/cli/options.hpp"
#include "apps/cli/programs.hpp"
#include "apps/dlc/watch.hpp"
#include "apps/grader/batch.hpp"
#include "apps/grader/grader.hpp"
#include "apps/grader/gradescope.hpp"
#include "apps/grader/internal.hpp"
#include "apps/grader/release.hpp"
#include "apps/grader/results_store.hpp"
#include "common/process.hpp"

namespace {

using dlc::cli::kExitFailure;
using dlc::cli::kExitOk;
using dlc::cli::kExitUsage;
using Args = std::vector<std::string>;

/// One subcommand: its name, one line of help, and what runs it.
struct Command {
  const char* name;
  const char* usage;
  const char* summary;
  int (*run)(const Args& args);
};

int run_command(const Args& args);
int grade_command(const Args& args);
int list_command(const Args& args);
int hint_command(const Args& args);
int watch_command(const Args& args);
int tune_command(const Args& args);
int gradescope_command(const Args& args);
int release_command(const Args& args);

const Command kCommands[] = {
    {"run", "run <program> [--solution] [options]",
     "run a lesson's program with your code (or the reference solution)", run_command},
    {"grade", "grade [EXERCISE|BLOCK ...] [--solution] [--submission DIR] [--json FILE] ...",
     "grade your exercises (or a submission, or a folder of them), each in its own process",
     grade_command},
    {"list", "list [EXERCISE|BLOCK ...] [--regrade]",
     "every exercise in course order: lecture, points, and its status at the last grading",
     list_command},
    {"hint", "hint EXERCISE", "the lecture section to read and one more hint each time you ask",
     hint_command},
    {"watch", "watch [EXERCISE|BLOCK]",
     "regrade the exercise you are writing each time you save its file", watch_command},
    {"tune", "tune --space SPEC [--search random|grid|coarse-to-fine] [--trials N] [--out DIR] ...",
     "a hyperparameter search of many trials on the moons, over this machine's cores, GNU "
     "parallel or Slurm",
     tune_command},
    {"gradescope", "gradescope DIR",
     "write DIR/autograder.zip, Gradescope's autograder: setup.sh, run_autograder and this "
     "course tree",
     gradescope_command},
    {"release", "release DIR",
     "write what students get into DIR (stubs, headers, tests, dlc, the docs' HTML; no "
     "solutions), as a tree that builds and grades on its own",
     release_command},
};

/// `dlc`'s help.
std::string usage() {
  std::string out = "usage: dlc <command> [options]\n\nCommands:\n";
  for (const auto& c : kCommands) {
    out += "  " + std::string(c.usage) + "\n      " + c.summary + "\n";
  }
  out +=
      "\nOptions:\n"
      "  -h, --help    show this help\n"
      "  --version     print the version\n\n"
      "'dlc run --help' lists the programs and their options; 'dlc grade --help', 'dlc list\n"
      "--help', 'dlc watch --help' and 'dlc hint --help' the grader's; 'dlc tune --help' the\n"
      "search's.\n";
  return out;
}

/// \brief Whether `DLC_TEST_PARSE_ONLY=1` is set: then `dlc` reads and checks its command line as
/// always (a bad one still ends with the usage message and exit code 2), and stops with exit code
/// 0 before it runs, builds or grades anything. CTest's docs.commands sets it to check every
/// command the README and the docs quote; it is a test's switch, so no help text mentions it.
bool parse_only() {
  const char* value = std::getenv("DLC_TEST_PARSE_ONLY");
  return value != nullptr && std::string(value) == "1";
}

/// A bad command line: one line saying what was wrong, the usage hint, exit code 2.
int usage_error(const std::string& message, const std::string& hint) {
  std::cerr << "dlc: " << message << '\n' << hint << '\n';
  return kExitUsage;
}

/// The folder holding this executable, from /proc/self/exe (empty when it cannot be read).
std::string own_directory() {
  std::vector<char> buf(4096);
  const ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  if (n <= 0) return {};
  const std::string path(buf.data(), static_cast<std::size_t>(n));
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}

int run_command(const Args& args);

/// `dlc tune ...`: the search program `course2.tune` run with the reference solutions, as
/// `dlc run course2.tune --solution ...` runs it.
int tune_command(const Args& args) {
  Args words = {"course2.tune", "--solution"};
  words.insert(words.end(), args.begin(), args.end());
  return run_command(words);
}

/// `dlc run`: check the command line, then hand it to the runner of the chosen flavour.
int run_command(const Args& args) {
  const std::string general_hint = dlc::cli::usage_hint("");
  if (args.empty()) return usage_error("run: which program?", general_hint);
  if (args[0] == "--help" || args[0] == "-h") {
    std::cout << dlc::cli::run_help();
    return kExitOk;
  }

  // --solution may come anywhere; it chooses the runner and is not passed on.
  std::string flavour = "student";
  Args rest;
  for (const auto& a : args) {
    if (a == "--solution") {
      flavour = "solution";
    } else {
      rest.push_back(a);
    }
  }
  if (rest.empty()) return usage_error("run: which program?", general_hint);
  const std::string& program = rest[0];
  if (program == "--help" || program == "-h") {
    std::cout << dlc::cli::run_help();
    return kExitOk;
  }
  if (program.rfind('-', 0) == 0) {
    return usage_error("run: the program's name comes first, before " + program, general_hint);
  }

  // The same strict check the runner makes, so that a bad command line is answered the same
  // whether or not the runner is built.
  try {
    const auto& spec = dlc::cli::program_or_usage_error(program);
    const auto parsed = dlc::cli::parse_options(spec, Args(rest.begin() + 1, rest.end()));
    if (parsed.help()) {
      std::cout << dlc::cli::program_help(spec);
      return kExitOk;
    }
  } catch (const dlc::cli::UsageError& e) {
    return usage_error(e.what(), dlc::cli::usage_hint(program));
  }
  if (parse_only()) return kExitOk;

  if (flavour == "solution" && !dlc::grader::has_solutions(DLC_SOURCE_DIR)) {
    std::cerr << "dlc run: this release has no reference solutions (they are in the instructor's "
                 "tree); run your own code without --solution\n";
    return kExitFailure;
  }

  const std::string dir = own_directory();
  const std::string runner = (dir.empty() ? std::string(".") : dir) + "/dlc-lessons-" + flavour;
  if (::access(runner.c_str(), X_OK) != 0) {
    std::cerr << "dlc: the lesson runner " << runner << " is missing (" << std::strerror(errno)
              << "); build it with 'cmake --build --preset release' (or 'cmake --build <build "
                 "dir> --target dlc-lessons-"
              << flavour << "')\n";
    return kExitFailure;
  }

  std::vector<std::string> words;
  words.push_back(runner);
  words.insert(words.end(), rest.begin(), rest.end());
  std::vector<char*> argv;
  argv.reserve(words.size() + 1);
  for (auto& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);
  std::cout.flush();
  ::execv(runner.c_str(), argv.data());
  std::cerr << "dlc: cannot run " << runner << ": " << std::strerror(errno) << '\n';
  return kExitFailure;
}

// ---- the autograder: grade, list, hint --------------------------------------------------------

namespace fs = std::filesystem;
namespace grader = dlc::grader;
using dlc::cli::flag_option;
using dlc::cli::Kind;
using dlc::cli::OptionSpec;
using dlc::cli::ProgramSpec;
using dlc::cli::text_option;

/// `--timeout SECONDS`, a positive number with a default.
OptionSpec timeout_option() {
  return dlc::cli::number_option("--timeout", Kind::kReal, "SECONDS", "5",
                                 dlc::cli::Bound::kPositive,
                                 "each exercise's time limit, unless exercises.ini sets one");
}

/// The options every grader command shares: where the tree and its build are.
std::vector<OptionSpec> location_options() {
  return {
      text_option("--source-dir", "DIR", "",
                  "the course's source tree (default: " DLC_SOURCE_DIR ")"),
      text_option("--build-dir", "DIR", "",
                  "its configured build (default: the folder above dlc's own bin/)"),
  };
}

ProgramSpec grade_spec() {
  ProgramSpec spec;
  spec.name = "grade";
  spec.summary = "grade exercises, each in its own process";
  spec.options = {
      flag_option("--solution", "grade the reference solutions (they earn full marks)"),
      text_option("--submission", "DIR", "",
                  "grade a student's files (DIR/week2/logistic_regression.cpp ...) without "
                  "touching this tree"),
      text_option("--submissions", "DIR", "",
                  "grade every subfolder of DIR as one submission, in name order, into one CSV"),
      text_option("--csv", "FILE", "",
                  "with --submissions: write the gradebook there, one row per submission: "
                  "status, score, each exercise's points and outcome, a note (default: print "
                  "it)"),
      text_option("--outcomes", "FILE", "",
                  "with --submissions: write one row per submission and exercise there: lecture, "
                  "score, max_score, outcome and the reason in one line"),
      dlc::cli::number_option(
          "--jobs", Kind::kInteger, "N", "1", dlc::cli::Bound::kPositive,
          "with --submissions: grade N submissions at once, each in its own sandbox (with up "
          "to 4 GiB), then print the time per submission after the first: (wall time - the "
          "time until the first ended) / (submissions - 1). 1 unless told: time limits are "
          "wall time, which submissions graded beside would slow"),
      text_option("--json", "FILE", "", "write Gradescope's results.json there"),
      text_option("--junit", "FILE", "", "write a JUnit XML report there"),
      timeout_option(),
      flag_option("--unsafe-no-sandbox",
                  "grade submissions even where no sandbox can be made (bubblewrap missing): "
                  "their code then runs with your rights"),
      text_option("--sandbox", "bwrap|user:NAME", "bwrap",
                  "where the submission's code runs: a bubblewrap sandbox, or (as root, where "
                  "bubblewrap cannot make namespaces) as the unprivileged user NAME, who must "
                  "not be able to read the source tree and its build"),
      flag_option("--no-build", "grade the test programs as they are built"),
      flag_option("--quiet", "print only the table, not the progress"),
  };
  for (auto& o : location_options()) spec.options.push_back(o);
  spec.validate = [](const dlc::cli::Arguments& a) {
    using dlc::cli::UsageError;
    if (a.given("--submission") && a.given("--submissions"))
      throw UsageError(
          "--submission grades one submission, --submissions a folder of them: "
          "choose one");
    if (a.given("--solution") && (a.given("--submission") || a.given("--submissions")))
      throw UsageError("--solution grades the reference solutions, not a submission");
    if (a.given("--csv") && !a.given("--submissions"))
      throw UsageError("--csv is for --submissions DIR");
    if (a.given("--outcomes") && !a.given("--submissions"))
      throw UsageError("--outcomes is for --submissions DIR");
    if (a.given("--jobs") && !a.given("--submissions"))
      throw UsageError("--jobs is for --submissions DIR: it grades that many submissions at once");
    if (a.given("--submissions") && (a.given("--json") || a.given("--junit")))
      throw UsageError("--json and --junit report one submission; with --submissions use --csv");
    if (a.given("--sandbox")) {
      const std::string kind = a.text("--sandbox");
      if (kind != "bwrap" && (kind.rfind("user:", 0) != 0 || kind.size() == 5))
        throw UsageError("--sandbox is bwrap or user:NAME (a user's name), not \"" + kind + "\"");
      if (a.given("--unsafe-no-sandbox"))
        throw UsageError("--sandbox and --unsafe-no-sandbox: choose one");
      if (kind != "bwrap" && a.given("--jobs") && a.integer("--jobs") > 1)
        throw UsageError(
            "--sandbox user:NAME grades one submission at a time (they would share the user): "
            "--jobs must be 1");
    }
  };
  return spec;
}

ProgramSpec list_spec() {
  ProgramSpec spec;
  spec.name = "list";
  spec.summary = "every exercise and its status";
  spec.options = {
      flag_option("--regrade", "grade first (as 'dlc grade' does, storing the results), then list"),
      flag_option("--solution", "grade the reference solutions and list their status"),
      timeout_option()};
  for (auto& o : location_options()) spec.options.push_back(o);
  return spec;
}

ProgramSpec hint_spec() {
  ProgramSpec spec;
  spec.name = "hint";
  spec.summary = "one more hint";
  spec.options = {flag_option(
      "--reset", "forget the hints shown (of EXERCISE, or of every exercise without one)")};
  for (auto& o : location_options()) spec.options.push_back(o);
  return spec;
}

/// Splits a command line into its positional words and its options (with their values), then
/// reads the options strictly.
std::pair<Args, dlc::cli::Arguments> split_and_parse(const ProgramSpec& spec, const Args& args) {
  Args words;
  Args options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.size() > 1 && a[0] == '-') {
      options.push_back(a);
      const std::string name = a.substr(0, a.find('='));
      const auto o = std::find_if(spec.options.begin(), spec.options.end(),
                                  [&](const OptionSpec& x) { return x.name == name; });
      const bool takes_value = o != spec.options.end() && o->kind != Kind::kFlag;
      if (takes_value && a.find('=') == std::string::npos && i + 1 < args.size() &&
          args[i + 1].rfind("--", 0) != 0)
        options.push_back(args[++i]);
    } else {
      words.push_back(a);
    }
  }
  return {words, dlc::cli::parse_options(spec, options)};
}

std::string command_help(const ProgramSpec& spec, const std::string& usage_line,
                         const std::string& text) {
  return "usage: dlc " + usage_line + "\n\n" + dlc::cli::wrap(text, dlc::cli::kHelpWidth, 0) +
         "\n\nOptions:\n" + dlc::cli::options_help(spec, 2, false);
}

const char* const kGradeUsage =
    "grade [EXERCISE|BLOCK ...] [--solution] [--submission DIR] [--json FILE]\n"
    "                 [--junit FILE] [--timeout SECONDS] [--unsafe-no-sandbox] [--quiet]\n"
    "       dlc grade --submissions DIR [--jobs N] [--csv FILE] [--outcomes FILE]\n"
    "                 [EXERCISE|BLOCK ...] [options]";

/// Where the source tree and the build are, from the options or from where dlc is.
struct Places {
  std::string source_dir;
  std::string build_dir;
};

Places places(const dlc::cli::Arguments& a) {
  Places p;
  p.source_dir = a.given("--source-dir") ? a.text("--source-dir") : std::string(DLC_SOURCE_DIR);
  if (a.given("--build-dir")) {
    p.build_dir = a.text("--build-dir");
  } else {
    const std::string dir = own_directory();
    p.build_dir = dir.empty() ? std::string() : fs::path(dir).parent_path().string();
  }
  return p;
}

/// The grader cannot work (no build, a broken manifest ...): one line, exit code 1.
int grader_failure(const std::string& command, const std::string& message) {
  std::cerr << "dlc " << command << ": " << message << '\n';
  return kExitFailure;
}

/// Reads the command line of `dlc <command>` into its words and options. A bad command line
/// prints the usage error and gives its exit code; nullopt means the options are good.
std::optional<int> parse_command(const std::string& command, const ProgramSpec& spec,
                                 const Args& args, const std::string& hint, Args& words,
                                 dlc::cli::Arguments& options) {
  try {
    std::tie(words, options) = split_and_parse(spec, args);
  } catch (const dlc::cli::UsageError& e) {
    return usage_error(command + ": " + e.what(), hint);
  }
  return std::nullopt;
}

/// What `dlc grade` and `dlc list` both take from their command line: where things are, the
/// flavour, the exercises named and the time limit.
grader::GradeOptions grade_options(const dlc::cli::Arguments& a, const Args& selection) {
  const Places where = places(a);
  grader::GradeOptions options;
  options.source_dir = where.source_dir;
  options.build_dir = where.build_dir;
  options.solution = a.given("--solution");
  options.selection = selection;
  options.timeout_seconds = a.real("--timeout");
  return options;
}

/// The manifest's exercises that `options.selection` names (all when it is empty); a word that
/// names nothing throws grader::SelectionError.
std::vector<grader::Exercise> selected_exercises(const grader::GradeOptions& options) {
  const grader::Manifest manifest =
      grader::read_manifest((fs::path(options.source_dir) / "exercises.ini").string());
  return grader::select_exercises(manifest, options.selection);
}

/// `dlc grade --submissions DIR`: every submission of DIR, `--jobs` at a time, into the CSV files.
int grade_submissions_command(const dlc::cli::Arguments& a, const grader::GradeOptions& options,
                              const std::vector<grader::Exercise>& exercises) {
  const std::string dir = a.text("--submissions");
  const grader::BatchReport batch =
      grader::grade_submissions(options, dir, static_cast<int>(a.integer("--jobs")));
  if (!batch.ignored.empty())
    std::cerr << "dlc grade: " << grader::ignored_entries_note(batch, dir) << '\n';
  const std::string scores = grader::scores_csv(exercises, batch.submissions);
  if (a.given("--csv")) {
    grader::write_file_atomically(a.text("--csv"), scores);
  } else {
    std::cout << scores << std::flush;
  }
  if (a.given("--outcomes"))
    grader::write_file_atomically(a.text("--outcomes"),
                                  grader::outcomes_csv(exercises, batch.submissions));
  if (options.progress != nullptr) {
    if (a.given("--csv"))
      std::cerr << "wrote the gradebook of " << batch.submissions.size() << " submissions to "
                << a.text("--csv") << '\n';
    if (a.given("--outcomes"))
      std::cerr << "wrote each exercise's outcome to " << a.text("--outcomes") << '\n';
    std::cerr << grader::batch_summary(batch) << '\n';
  }
  return kExitOk;
}

/// Stores the results of grading the student's own tree (results_store.hpp) and returns them; when
/// the file cannot be written, says so in one line and returns them all the same.
grader::StoredResults store_own_results(const std::string& command,
                                        const grader::GradeOptions& options,
                                        const grader::GradeReport& report) {
  const std::string path = grader::results_file(options.build_dir, options.source_dir);
  try {
    return grader::store_results(path, options.source_dir, report);
  } catch (const std::exception& e) {
    std::cerr << "dlc " << command << ": cannot store the results for 'dlc list': " << e.what()
              << '\n';
    grader::StoredResults results = grader::read_results(path, options.source_dir);
    results.note.clear();
    grader::merge_results(results, report);
    return results;
  }
}

int grade_command(const Args& args) {
  const ProgramSpec spec = grade_spec();
  const std::string hint =
      "usage: dlc grade [EXERCISE|BLOCK ...] [options]; 'dlc grade --help' "
      "lists the options";
  Args selection;
  dlc::cli::Arguments a;
  if (const auto bad = parse_command("grade", spec, args, hint, selection, a)) return *bad;
  if (a.help()) {
    std::cout << command_help(
        spec, kGradeUsage,
        "Grades each exercise of exercises.ini (or only those named, or a block such as week2) by "
        "running its tests in a process of its own, with a time limit, a memory limit and a cap "
        "on its output, and prints a table: exercise, lecture, points earned / points, and what "
        "happened (passed, not implemented yet, failed with the first failed check, crashed, "
        "timed out, exited early, threw, does not compile, forged). It builds the test programs "
        "first. The exit code is 0 whenever grading finished, whatever the scores.");
    return kExitOk;
  }
  grader::GradeOptions options = grade_options(a, selection);
  options.build = !a.given("--no-build");
  options.unsafe_no_sandbox = a.given("--unsafe-no-sandbox");
  if (a.given("--sandbox") && a.text("--sandbox").rfind("user:", 0) == 0)
    options.sandbox_user = a.text("--sandbox").substr(5);
  if (a.given("--submission")) options.submission_dir = a.text("--submission");
  if (!a.given("--quiet")) options.progress = &std::cerr;
  dlc::kill_children_on_interrupt();

  try {
    // A selection word that names nothing is a bad command line (exit 2), found before any build.
    std::vector<grader::Exercise> exercises;
    try {
      exercises = selected_exercises(options);
    } catch (const grader::SelectionError& e) {
      return usage_error(std::string("grade: ") + e.what(), hint);
    }
    if (parse_only()) return kExitOk;
    if (const std::string why = grader::release_refusal(options, a.given("--submissions"));
        !why.empty())
      return grader_failure("grade", why);

    if (a.given("--submissions")) return grade_submissions_command(a, options, exercises);

    const grader::GradeReport report = grader::grade(options);
    std::cout.flush();
    grader::write_table(std::cout, report);
    if (!options.solution && options.submission_dir.empty())
      store_own_results("grade", options, report);
    if (a.given("--json")) grader::write_gradescope_json(a.text("--json"), report);
    if (a.given("--junit")) grader::write_junit(a.text("--junit"), report);
    if (options.progress != nullptr) {
      std::cerr << "graded " << report.exercises.size()
                << (report.exercises.size() == 1 ? " exercise in " : " exercises in ")
                << grader::fixed(report.seconds, 1) << " s\n";
    }
    return kExitOk;
  } catch (const std::exception& e) {
    return grader_failure("grade", e.what());
  }
}

/// `dlc gradescope DIR`: Gradescope's autograder package (apps/grader/gradescope.hpp).
int gradescope_command(const Args& args) {
  ProgramSpec spec;
  spec.name = "gradescope";
  spec.summary = "Gradescope's autograder package";
  spec.options = {text_option("--source-dir", "DIR", "",
                              "the course's source tree (default: " DLC_SOURCE_DIR ")")};
  const std::string hint = "usage: dlc gradescope DIR; 'dlc gradescope --help' says more";
  Args words;
  dlc::cli::Arguments a;
  if (const auto bad = parse_command("gradescope", spec, args, hint, words, a)) return *bad;
  if (a.help()) {
    std::cout << command_help(
        spec, "gradescope DIR [--source-dir DIR]",
        "Writes DIR/autograder.zip (DIR new or empty, outside the source tree), the autograder "
        "of a Gradescope programming assignment: setup.sh, run_autograder and the course tree "
        "without its builds. setup.sh installs the Debian packages and builds what grading "
        "needs, then makes the tree readable by root alone; run_autograder grades "
        "/autograder/submission into /autograder/results/results.json, in a bubblewrap sandbox "
        "where one can be made, else as the unprivileged user dlc-sandbox.");
    return kExitOk;
  }
  if (words.size() != 1)
    return usage_error(words.empty() ? "gradescope: which folder?" : "gradescope: one folder",
                       hint);
  if (parse_only()) return kExitOk;
  const std::string source =
      a.given("--source-dir") ? a.text("--source-dir") : std::string(DLC_SOURCE_DIR);
  try {
    const std::string zip = grader::write_gradescope_package(source, words[0]);
    std::error_code ec;
    const auto bytes = fs::file_size(zip, ec);
    std::cout << "wrote " << zip << " (" << (bytes + 512 * 1024) / (1024 * 1024)
              << " MiB): upload it as the autograder of a Gradescope programming assignment\n";
    return kExitOk;
  } catch (const std::exception& e) {
    return grader_failure("gradescope", e.what());
  }
}

int list_command(const Args& args) {
  const ProgramSpec spec = list_spec();
  const std::string hint =
      "usage: dlc list [EXERCISE|BLOCK ...] [options]; 'dlc list --help' "
      "lists the options";
  Args selection;
  dlc::cli::Arguments a;
  if (const auto bad = parse_command("list", spec, args, hint, selection, a)) return *bad;
  if (a.help()) {
    std::cout << command_help(
        spec, "list [EXERCISE|BLOCK ...] [--regrade] [options]",
        "Every exercise in course order, with its lecture section, its points and its status at "
        "the last grading of your tree (kept in the build folder by 'dlc grade', 'dlc list "
        "--regrade' and 'dlc watch'): passing, failing (with the first failed check, short), not "
        "implemented yet, not graded yet, or changed since graded when its lesson's file is not "
        "the one graded; then the total of the points stored. It answers at once, grading "
        "nothing; --regrade grades first.");
    return kExitOk;
  }
  const grader::GradeOptions options = grade_options(a, selection);
  dlc::kill_children_on_interrupt();
  try {
    std::vector<grader::Exercise> exercises;
    try {
      exercises = selected_exercises(options);
    } catch (const grader::SelectionError& e) {
      return usage_error(std::string("list: ") + e.what(), hint);
    }
    if (parse_only()) return kExitOk;
    const bool regrade = a.given("--regrade") || options.solution;
    grader::StoredResults stored;
    if (regrade) {
      const grader::GradeReport report = grader::grade(options);
      if (options.solution)
        grader::merge_results(stored, report);
      else
        stored = store_own_results("list", options, report);
    } else {
      stored = grader::read_results(grader::results_file(options.build_dir, options.source_dir),
                                    options.source_dir);
      if (!stored.note.empty()) std::cerr << "dlc list: " << stored.note << '\n';
    }

    constexpr std::size_t kStatusWidth = 48;
    std::map<std::string, std::string> hashes;
    std::vector<std::string> statuses;
    int passing = 0, changed = 0, not_graded = 0, score = 0, max_score = 0;
    std::size_t id_width = 8, lecture_width = 7, status_width = 6;
    for (const auto& e : exercises) {
      grader::ExerciseStatus s;
      if (options.solution)  // the solutions are graded, not the files of the tree
        s.stored = stored.find(e.id);
      else
        s = grader::exercise_status(stored, e.id, options.source_dir, hashes);
      statuses.push_back(s.text(kStatusWidth));
      passing += s.passing() ? 1 : 0;
      changed += s.changed ? 1 : 0;
      not_graded += s.stored == nullptr ? 1 : 0;
      score += s.stored == nullptr ? 0 : s.stored->score;
      max_score += e.points;
      id_width = std::max(id_width, e.id.size());
      lecture_width = std::max(lecture_width, e.lecture.size());
      status_width = std::max(status_width, statuses.back().size());
    }
    auto pad = [](const std::string& s, std::size_t width) {
      return s + std::string(width > s.size() ? width - s.size() : 0, ' ');
    };
    std::cout << pad("Exercise", id_width + 2) << pad("Lecture", lecture_width + 2) << "Points  "
              << pad("Status", status_width + 2) << "Title\n";
    for (std::size_t i = 0; i < exercises.size(); ++i) {
      const auto& e = exercises[i];
      std::cout << pad(e.id, id_width + 2) << pad(e.lecture, lecture_width + 2)
                << pad(std::to_string(e.points), 8) << pad(statuses[i], status_width + 2) << e.title
                << '\n';
    }
    std::cout << passing << " of " << exercises.size() << " exercises passing";
    if (changed > 0 || not_graded > 0) {
      std::cout << " (";
      if (changed > 0) std::cout << changed << " changed since graded";
      if (changed > 0 && not_graded > 0) std::cout << ", ";
      if (not_graded > 0) std::cout << not_graded << " not graded yet";
      std::cout << ")";
    }
    std::cout << '\n';
    std::cout << "Total: " << score << " / " << max_score << " points"
              << (regrade ? "" : " at the last grading") << '\n';
    if (!regrade)
      std::cout << "These are the last results stored; 'dlc grade' (or 'dlc list --regrade') "
                   "grades again.\n";
    return kExitOk;
  } catch (const std::exception& e) {
    return grader_failure("list", e.what());
  }
}

int hint_command(const Args& args) {
  const ProgramSpec spec = hint_spec();
  const std::string usage = "usage: dlc hint EXERCISE [--reset]; 'dlc list' shows every exercise";
  Args words;
  dlc::cli::Arguments a;
  if (const auto bad = parse_command("hint", spec, args, usage, words, a)) return *bad;
  if (a.help()) {
    std::cout << command_help(spec, "hint EXERCISE [--reset]",
                              "The lecture section to read for EXERCISE (an id such as "
                              "week2.sigmoid) and its hints: the ones shown before, plus one more "
                              "each time you ask. --reset forgets what was shown.");
    return kExitOk;
  }
  if (words.size() > 1) return usage_error("hint: one exercise at a time", usage);
  if (words.empty() && !a.given("--reset")) return usage_error("hint: which exercise?", usage);
  const Places where = places(a);
  grader::Manifest manifest;
  try {
    manifest = grader::read_manifest((fs::path(where.source_dir) / "exercises.ini").string());
  } catch (const std::exception& e) {
    return grader_failure("hint", e.what());
  }
  const grader::Exercise* exercise = nullptr;
  if (!words.empty()) {
    exercise = manifest.find(words[0]);
    if (exercise == nullptr) {
      return usage_error("hint: no exercise is called \"" + words[0] + "\"" +
                             grader::did_you_mean(manifest, words[0]),
                         usage);
    }
  }

  if (parse_only()) return kExitOk;
  const std::string state_file = (fs::path(where.build_dir) / "dlc-hints.state").string();
  auto state = grader::read_hint_state(state_file);
  auto save = [&]() {
    try {
      grader::write_hint_state(state_file, state);
    } catch (const std::exception& e) {
      std::cerr << "dlc hint: cannot remember the hints shown: " << e.what() << '\n';
    }
  };
  if (a.given("--reset")) {
    if (exercise == nullptr) {
      state.clear();
    } else {
      state.erase(std::remove_if(state.begin(), state.end(),
                                 [&](const auto& p) { return p.first == exercise->id; }),
                  state.end());
    }
    save();
    std::cout << "dlc hint: forgot the hints shown"
              << (exercise == nullptr ? std::string() : " of " + exercise->id) << '\n';
    return kExitOk;
  }

  auto entry = std::find_if(state.begin(), state.end(),
                            [&](const auto& p) { return p.first == exercise->id; });
  const int shown_before = entry == state.end() ? 0 : entry->second;
  const int total = static_cast<int>(exercise->hints.size());
  const int shown = std::min(total, shown_before + 1);
  std::cout << exercise->id << ": " << exercise->title << '\n';
  std::cout << "Read lecture " << exercise->lecture << ".\n";
  if (total == 0) {
    std::cout << "There are no hints for " << exercise->id << ".\n";
    return kExitOk;
  }
  for (int i = 0; i < shown; ++i)
    std::cout << "Hint " << (i + 1) << " of " << total << ": " << exercise->hints[i] << '\n';
  if (shown_before >= total) {
    std::cout << "No more hints: all " << total << " are shown above.\n";
  } else if (shown == total) {
    std::cout << "That was the last hint.\n";
  } else {
    const int left = total - shown;
    std::cout << left << " more hint" << (left == 1 ? "" : "s") << ": run 'dlc hint "
              << exercise->id << "' again.\n";
  }
  if (shown != shown_before) {
    if (entry == state.end()) {
      state.emplace_back(exercise->id, shown);
    } else {
      entry->second = shown;
    }
    save();
  }
  return kExitOk;
}

ProgramSpec release_spec() {
  ProgramSpec spec;
  spec.name = "release";
  spec.summary = "what students get";
  spec.options = location_options();
  return spec;
}

/// `dlc release DIR`: what students get, as nbgrader's release step writes it (release.hpp).
int release_command(const Args& args) {
  const ProgramSpec spec = release_spec();
  const std::string hint = "usage: dlc release DIR; 'dlc release --help' says what it writes";
  Args words;
  dlc::cli::Arguments a;
  if (const auto bad = parse_command("release", spec, args, hint, words, a)) return *bad;
  if (a.help()) {
    std::cout << command_help(
        spec, "release DIR [--source-dir DIR] [--build-dir DIR]",
        "Writes into DIR (a new or empty folder outside the source tree and its build) what "
        "students get: the lessons' headers and stubs, common/, the lessons' tests, apps/ (dlc, "
        "the grader, the lesson programs), the build files, exercises.ini with its hints and the "
        "docs as HTML (the docs target is built first when it is not). No solutions/, no planted "
        "mistakes, no benchmarks of the reference. The release builds and grades on its own: "
        "cmake --preset release && cmake --build --preset release --target dlc, then dlc grade. "
        "It refuses, writing nothing, when a committed stub differs from what its solution "
        "generates.");
    return kExitOk;
  }
  if (words.size() != 1)
    return usage_error(words.empty() ? "release: into which folder?" : "release: one folder", hint);
  if (parse_only()) return kExitOk;
  const Places where = places(a);
  grader::ReleaseOptions options;
  options.source_dir = where.source_dir;
  options.build_dir = where.build_dir;
  options.target_dir = words[0];
  options.progress = &std::cerr;
  dlc::kill_children_on_interrupt();
  try {
    const grader::ReleaseSummary s = grader::write_release(options);
    std::cout << "dlc release: wrote " << s.files << " files ("
              << grader::fixed(static_cast<double>(s.bytes) / (1 << 20), 1) << " MiB) to "
              << s.target_dir << ", without solutions/\n";
    std::string top;
    for (const auto& t : s.top) top += (top.empty() ? "" : " ") + t;
    std::cout << "  " << top << '\n';
    return kExitOk;
  } catch (const std::exception& e) {
    return grader_failure("release", e.what());
  }
}

ProgramSpec watch_spec() {
  ProgramSpec spec;
  spec.name = "watch";
  spec.summary = "regrade on save";
  spec.options = {timeout_option(),
                  dlc::cli::number_option("--interval", Kind::kReal, "SECONDS", "0.5",
                                          dlc::cli::Bound::kPositive,
                                          "how often the lesson files are looked at")};
  for (auto& o : location_options()) spec.options.push_back(o);
  return spec;
}

int watch_command(const Args& args) {
  const ProgramSpec spec = watch_spec();
  const std::string hint =
      "usage: dlc watch [EXERCISE|BLOCK] [options]; 'dlc watch --help' lists the options";
  Args selection;
  dlc::cli::Arguments a;
  if (const auto bad = parse_command("watch", spec, args, hint, selection, a)) return *bad;
  if (a.help()) {
    std::cout << command_help(
        spec, "watch [EXERCISE|BLOCK] [options]",
        "Shows the first exercise, in course order, that does not pass at the last grading (its "
        "lecture, the file to edit, its status), then watches your lesson files. Each time you "
        "save one, every exercise of its lesson is graded (as 'dlc grade' does, storing the "
        "results that 'dlc list' shows) and shown in a short table with the first failure's "
        "detail; when the exercise you are on passes, the next one that does not is shown. "
        "With EXERCISE (week2.sigmoid) or BLOCK (week2) it watches only the files of those "
        "exercises. It runs until you stop it with Ctrl-C.");
    return kExitOk;
  }
  if (selection.size() > 1) return usage_error("watch: one exercise or block at a time", hint);
  dlc::watch::WatchOptions options;
  options.grade = grade_options(a, selection);
  options.interval_seconds = a.real("--interval");
  try {
    try {
      selected_exercises(options.grade);
    } catch (const grader::SelectionError& e) {
      return usage_error(std::string("watch: ") + e.what(), hint);
    }
    if (parse_only()) return kExitOk;
    dlc::kill_children_on_interrupt();
    dlc::watch::watch(options, std::cout);
  } catch (const std::exception& e) {
    return grader_failure("watch", e.what());
  }
}

}  // namespace

/// `dlc <command> ...`: dispatches to the subcommand; `--help`, `--version`.
int main(int argc, char** argv) {
  try {
    const Args args(argv + 1, argv + argc);
    if (args.empty()) {
      std::cerr << usage();
      return kExitUsage;
    }
    const std::string& first = args[0];
    if (first == "--help" || first == "-h" || first == "help") {
      std::cout << usage();
      return kExitOk;
    }
    if (first == "--version") {
      std::cout << "dlc " << DLC_VERSION << '\n';
      return kExitOk;
    }
    for (const auto& c : kCommands) {
      if (first == c.name) return c.run(Args(args.begin() + 1, args.end()));
    }
    std::cerr << "dlc: " << (first.rfind('-', 0) == 0 ? "unknown option " : "unknown command ")
              << first << "\n"
              << usage();
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "dlc: " << e.what() << '\n';
    return kExitFailure;
  }
}
