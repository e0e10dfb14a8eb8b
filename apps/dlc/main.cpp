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
/// Each subcommand is one entry of `kCommands`; later ones (`list`, `grade`, `hint`) are added
/// there.

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "apps/cli/options.hpp"
#include "apps/cli/programs.hpp"

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

const Command kCommands[] = {
    {"run", "run <program> [--solution] [options]",
     "run a lesson's program with your code (or the reference solution)", run_command},
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
      "'dlc run --help' lists the programs and their options.\n";
  return out;
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
