/// \file
/// \brief The program of lecture C2 3.3's panda: one long run of the moons model with Adam that
/// saves a checkpoint every K epochs, stops cleanly on Ctrl-C and resumes from its checkpoint,
/// with the learning rate changed if asked.

#include <signal.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "common/checkpoint.hpp"
#include "common/matrix.hpp"
#include "common/training.hpp"
#include "course2/learning_rate_decay.hpp"
#include "course2/panda.hpp"

namespace dlc::runner {

namespace {

namespace panda = course2::panda;

/// The exit code of a run stopped by Ctrl-C (or SIGTERM) after saving its checkpoint: 128 + 2,
/// what a shell reports for a program that SIGINT ended.
constexpr int kExitInterrupted = 130;

/// Set by the first SIGINT or SIGTERM; the run stops after the epoch in progress.
volatile std::sig_atomic_t g_stop_requested = 0;

extern "C" void request_stop(int) { g_stop_requested = 1; }

/// From here on the first SIGINT or SIGTERM asks the run to stop; a second one ends the program
/// at once (the handler is reset by the first), which leaves the last whole checkpoint.
void stop_on_interrupt() {
  struct sigaction action {};
  action.sa_handler = request_stop;
  action.sa_flags = SA_RESETHAND;
  ::sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
}

/// `--hidden 5,2` as the layers [2, 5, 2, 1].
course2::LayerDims layers_of(const std::string& hidden) {
  course2::LayerDims layers = {2};
  std::stringstream in(hidden);
  for (std::string size; std::getline(in, size, ',');) {
    const long n = cli::parse_integer("--hidden", size);
    if (n < 1 || n > 1000) {
      throw cli::UsageError("--hidden: " + size + " is not a layer size from 1 to 1000");
    }
    layers.push_back(static_cast<int>(n));
  }
  if (layers.size() != 3 || hidden.empty() || hidden.back() == ',') {
    throw cli::UsageError("--hidden: \"" + hidden +
                          "\" is not two layer sizes separated by a comma, as 5,2");
  }
  layers.push_back(1);
  return layers;
}

/// `dlc run course2.panda`: the run, with its checkpoints.
int panda_run(const cli::Arguments& args, const RunContext& context) {
  const std::string file = args.text("--checkpoint");
  const course2::LayerDims layers = layers_of(args.text("--hidden"));
  panda::RunOptions options;
  options.num_epochs = args.integer("--epochs");
  options.every = args.integer("--every");
  options.print_every = args.integer("--print-every");
  options.checkpoint = file;
  options.stop_requested = [] { return g_stop_requested != 0; };
  const ToyData d = course2::learning_rate_decay::load_dataset();

  panda::TrainingState state;
  if (args.given("--resume")) {
    state = panda::load_checkpoint(file, layers);
    const double saved_rate = state.settings.learning_rate;
    std::optional<double> learning_rate;
    if (args.given("--learning-rate")) learning_rate = args.real("--learning-rate");
    state = panda::resume(std::move(state), learning_rate);
    std::cout << "Resuming " << file << " after epoch " << state.epoch - 1 << " (" << state.epoch
              << " epochs done), learning rate " << python_repr(state.settings.learning_rate);
    if (state.settings.learning_rate != saved_rate)
      std::cout << " (was " << python_repr(saved_rate) << ")";
    std::cout << "\n" << std::flush;
  } else {
    std::error_code ec;
    if (std::filesystem::exists(file, ec)) {
      std::cerr << "dlc: " << file
                << " exists: continue its run with --resume, or remove it (or name another "
                   "--checkpoint) to start afresh\n";
      return cli::kExitFailure;
    }
    panda::Settings settings;
    settings.layers_dims = layers;
    settings.learning_rate = args.real("--learning-rate");
    state = panda::start(settings);
  }

  const long first_epoch = state.epoch;
  stop_on_interrupt();
  const auto start = std::chrono::steady_clock::now();
  panda::RunResult result;
  try {
    result = panda::train(d.X, d.Y, std::move(state), options, std::cout);
  } catch (const TrainingDiverged& e) {
    std::cout.flush();
    std::cerr << "dlc: training diverged at epoch " << e.iteration() << " (learning rate "
              << python_repr(e.learning_rate()) << "): the cost is " << python_repr(e.cost())
              << "; resume from the last checkpoint with a smaller --learning-rate\n";
    return cli::kExitFailure;
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  const long epochs = result.state.epoch;
  if (result.stopped) {
    std::cout << "Interrupted after epoch " << epochs - 1 << ": the run is in " << file << ", "
              << epochs << " epochs done.\n"
              << "To continue: dlc run course2.panda"
              << (context.flavour == "solution" ? " --solution" : "") << " --resume --checkpoint "
              << file << " --epochs " << options.num_epochs << " [--learning-rate X]\n"
              << std::flush;
    return kExitInterrupted;
  }
  if (epochs == first_epoch) {
    std::cout << "Nothing to train: " << file << " has " << epochs << " epochs done, --epochs is "
              << options.num_epochs << "\n";
  } else if (!result.saved) {
    panda::save_checkpoint(file, result.state);
    std::cout << "Checkpoint saved: " << file << " (" << epochs << " epochs done)\n";
  }
  course2::predict(d.X, d.Y, result.state.parameters, std::cout);
  char timing[96];
  std::snprintf(timing, sizeof timing, "training: %.3f s (%ld epochs)\n", took.count(),
                epochs - first_epoch);
  std::cout << timing << std::flush;
  return cli::kExitOk;
}

cli::ProgramSpec panda_spec() {
  cli::ProgramSpec p;
  p.name = "course2.panda";
  p.lecture = "C2 3.3";
  p.summary = "one long run babysat: checkpoints, Ctrl-C, resume with a new learning rate";
  p.options = {
      cli::number_option("--epochs", cli::Kind::kInteger, "N", "5000", cli::Bound::kPositive,
                         "train until N epochs are done (a resumed run too)", 100000000),
      cli::text_option("--checkpoint", "FILE", "panda.ckpt", "the checkpoint file"),
      cli::number_option("--every", cli::Kind::kInteger, "K", "1000", cli::Bound::kPositive,
                         "save a checkpoint after every K epochs"),
      cli::flag_option("--resume", "continue the run of the checkpoint FILE"),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.0007", cli::Bound::kPositive,
                         "Adam's learning rate; with --resume, a new one (else the checkpoint's)"),
      cli::number_option("--print-every", cli::Kind::kInteger, "N", "1000", cli::Bound::kPositive,
                         "print the cost of every N-th epoch"),
      cli::text_option("--hidden", "N1,N2", "5,2", "the two hidden layers' sizes"),
  };
  p.details = {
      "The moons model of course2.optimization (layers [2, 5, 2, 1], He initialization, "
      "mini-batches of 64, Adam with beta1 0.9, beta2 0.999), its mini-batch orders drawn from "
      "one generator seeded once (10). Prints 'Cost after epoch i: ...' every N-th epoch, saves "
      "the whole state (parameters, Adam's v, s and t, the generator, the epoch, the settings) "
      "to FILE every K epochs and at the end, atomically, then prints the accuracy on the "
      "training set. A FILE that exists is never overwritten by a new run: continue it with "
      "--resume.",
      "Ctrl-C (SIGINT) or SIGTERM: the epoch in progress is finished, a checkpoint saved, the "
      "command that resumes printed, and the exit code is 130; a second Ctrl-C ends it at once "
      "(the last checkpoint stays whole). --resume continues with the same numbers as a run "
      "never stopped, or with --learning-rate X from the next epoch on. A missing, truncated, "
      "corrupt or foreign checkpoint, or one of another network (--hidden), is refused with "
      "one line and exit code 1. Your code runs: train_epoch.",
  };
  p.validate = [](const cli::Arguments& args) { layers_of(args.text("--hidden")); };
  return p;
}
DLC_PROGRAM(panda_spec, panda_run);

}  // namespace

}  // namespace dlc::runner
