/// \file
/// \brief The lesson runner, `dlc-lessons-student` or `dlc-lessons-solution` (the flavour is
/// `DLC_FLAVOUR`): `dlc-lessons-<flavour> <program> [options]`, normally started by `dlc run`.
///
/// It parses the command line strictly (as `dlc` did), runs the program, and turns every error
/// into one line on stderr and an exit code, so that a student's unfinished or wrong code is
/// reported, never a crash:
///
/// - a bad command line (`UsageError`): exit code 2, the error and a usage line;
/// - an exercise that is still a stub (`NotImplemented`): exit code 3,
///   `not implemented yet: week2.sigmoid — write it in week2/logistic_regression.cpp, or run
///   with --solution ('dlc hint week2.sigmoid' gives a hint)`;
/// - missing or corrupt data (`DataError`), divergence (`TrainingDiverged`), bad shapes or values
///   (`ShapeError`, `std::invalid_argument`), anything else: exit code 1, `dlc: <message>`.

#include <malloc.h>

#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "apps/cli/options.hpp"
#include "apps/cli/programs.hpp"
#include "common/datasets.hpp"
#include "common/exercise.hpp"
#include "common/matrix.hpp"
#include "common/training.hpp"

#ifndef DLC_FLAVOUR
#error "DLC_FLAVOUR must name the flavour this runner is built with (student or solution)"
#endif

namespace {

using namespace dlc;

/// One line for an exercise that is still a stub: which one, where to write it, where the hints
/// are.
std::string not_implemented_line(const NotImplemented& e) {
  return "not implemented yet: " + e.exercise() + " \u2014 write it in " + e.file() +
         ", or run with --solution ('dlc hint " + e.exercise() + "' gives a hint)";
}

/// Runs the program, mapping each kind of error to one line and an exit code.
int run(const std::string& program, const std::vector<std::string>& options) {
  try {
    const cli::ProgramSpec& spec = cli::program_or_usage_error(program);
    const cli::Arguments args = cli::parse_options(spec, options);
    if (args.help()) {
      std::cout << cli::program_help(spec);
      return cli::kExitOk;
    }
    return spec.body(args, cli::RunContext{DLC_FLAVOUR});
  } catch (const cli::UsageError& e) {
    std::cout.flush();
    std::cerr << "dlc: " << e.what() << '\n' << cli::usage_hint(program) << '\n';
    return cli::kExitUsage;
  } catch (const NotImplemented& e) {
    std::cout.flush();
    std::cerr << not_implemented_line(e) << '\n';
    return cli::kExitNotImplemented;
  } catch (const DataError& e) {
    std::cout.flush();
    std::cerr << "dlc: " << e.what() << '\n';
    return cli::kExitFailure;
  } catch (const TrainingDiverged& e) {
    std::cout.flush();
    std::cerr << "dlc: " << e.what() << '\n';
    return cli::kExitFailure;
  } catch (const ShapeError& e) {
    std::cout.flush();
    std::cerr << "dlc: shape error: " << e.what() << '\n';
    return cli::kExitFailure;
  } catch (const std::invalid_argument& e) {
    std::cout.flush();
    std::cerr << "dlc: invalid argument: " << e.what() << '\n';
    return cli::kExitFailure;
  } catch (const std::bad_alloc&) {
    std::cout.flush();
    std::cerr << "dlc: out of memory\n";
    return cli::kExitFailure;
  } catch (const std::exception& e) {
    std::cout.flush();
    std::cerr << "dlc: " << e.what() << '\n';
    return cli::kExitFailure;
  } catch (...) {
    std::cout.flush();
    std::cerr << "dlc: " << program << " stopped with an unknown exception\n";
    return cli::kExitFailure;
  }
}

}  // namespace

/// `dlc-lessons-<flavour> <program> [options]`, or `--help` for the list of programs.
int main(int argc, char** argv) {
  // A training loop frees and allocates the same few large matrices every iteration (a layer's
  // W, dW, Z ...). By default glibc hands blocks above 128 KiB back to the kernel, and trims the
  // heap's free top, so each iteration would pay a page fault for every 4 KiB of them again.
  // Keep them instead: blocks up to 64 MiB come from the heap, which keeps up to 512 MiB freed.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::cerr << "dlc: which program?\n" << cli::usage_hint("") << '\n';
    return cli::kExitUsage;
  }
  if (args[0] == "--help" || args[0] == "-h") {
    std::cout << cli::run_help();
    return cli::kExitOk;
  }
  return run(args[0], std::vector<std::string>(args.begin() + 1, args.end()));
}
