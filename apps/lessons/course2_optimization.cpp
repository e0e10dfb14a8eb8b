/// \file
/// \brief The programs of Course 2 week 2's optimization lessons: the notebook's model on the
/// moons with gradient descent, momentum or Adam, with or without learning rate decay
/// (C2 2.1-2.2, 2.6-2.9), and the four decays of lecture C2 2.9 side by side.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"
#include "common/training.hpp"
#include "course2/learning_rate_decay.hpp"

namespace dlc::runner {

namespace {

namespace decay = course2::learning_rate_decay;

const plot::Classes kMoonClasses{"y = 0 (upper moon)", "y = 1 (lower moon)"};

/// `dlc run course2.optimization`: the notebook's model on the moons, printing what its cells
/// print.
int optimization(const cli::Arguments& args, const RunContext&) {
  decay::ModelOptions o;
  o.optimizer = args.text("--optimizer");
  const std::string decay_name = args.text("--decay");
  o.decay = decay_name == "none" ? "" : decay_name == "schedule" ? "schedule_lr_decay" : decay_name;
  o.learning_rate = args.real("--learning-rate");
  o.num_epochs = static_cast<int>(args.integer("--epochs"));
  o.mini_batch_size = static_cast<int>(args.integer("--mini-batch-size"));
  o.beta = args.real("--beta");
  o.beta1 = args.real("--beta1");
  o.beta2 = args.real("--beta2");
  o.epsilon = args.real("--epsilon");
  o.decay_rate = args.real("--decay-rate");
  Pictures pictures(args);
  const ToyData d = decay::load_dataset();

  decay::Trained trained;
  const auto start = std::chrono::steady_clock::now();
  try {
    trained = decay::train_model(d.X, d.Y, o, std::cout);
  } catch (const TrainingDiverged& e) {
    std::cout.flush();
    std::cerr << "dlc: training diverged at epoch " << e.iteration() << " (learning rate "
              << python_repr(e.learning_rate()) << "): the cost is " << python_repr(e.cost())
              << "; try a smaller learning rate\n";
    return cli::kExitFailure;
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  const Matrix predictions = course2::predict(d.X, d.Y, trained.parameters, std::cout);
  char timing[96];
  std::snprintf(timing, sizeof timing, "training: %.3f s (%d epochs)\n", took.count(),
                o.num_epochs);
  std::cout << timing << std::flush;

  if (pictures.enabled()) {
    const std::string name = o.optimizer + (o.decay.empty() ? "" : "_" + decay_name);
    const course2::Parameters parameters = trained.parameters;
    plot::Axes boundary;
    boundary.title = "Model with " +
                     std::string(o.optimizer == "gd"         ? "gradient descent"
                                 : o.optimizer == "momentum" ? "momentum"
                                                             : "Adam") +
                     (o.decay.empty() ? "" : ", decay " + decay_name) + ": accuracy " +
                     percent_f(mean(equal(predictions, d.Y))).substr(0, 5);
    pictures.made(
        plot::decision_boundary(
            pictures.path("optimization_" + name + "_boundary.png"),
            [parameters](const Matrix& points) { return course2::predict_dec(parameters, points); },
            d.X, d.Y, boundary, kMoonClasses, pictures.style()),
        "the decision boundary on the training set");
    std::vector<double> epochs;
    for (std::size_t k = 0; k < trained.costs.size(); ++k)
      epochs.push_back(static_cast<double>(100 * k));
    plot::Axes axes;
    axes.title = "Learning rate = " + python_repr(o.learning_rate) + ", " + o.optimizer +
                 (o.decay.empty() ? "" : ", decay " + decay_name);
    axes.xlabel = "epochs";
    axes.ylabel = "cost";
    pictures.made(plot::line_plot(pictures.path("optimization_" + name + "_cost.png"),
                                  {plot::Curve{"average cost of the epoch", epochs, trained.costs}},
                                  axes, false, pictures.style()),
                  "the cost every 100 epochs");
    pictures.report();
  }
  return cli::kExitOk;
}

cli::ProgramSpec optimization_spec() {
  cli::ProgramSpec p;
  p.name = "course2.optimization";
  p.lecture = "C2 2.1-2.2, 2.6-2.9";
  p.summary = "the moons learned with mini-batch gradient descent, momentum or Adam, with decay";
  p.options = {
      cli::text_option("--optimizer", "NAME", "gd", "the update: gd, momentum or adam",
                       {"gd", "momentum", "adam"}),
      cli::text_option("--decay", "NAME", "none",
                       "the learning rate decay after each epoch: none, update_lr "
                       "(alpha0 / (1 + rate * epoch)) or schedule (by steps of 1000 epochs)",
                       {"none", "update_lr", "schedule"}),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.0007", cli::Bound::kPositive,
                         "the learning rate alpha (alpha0 with decay)"),
      cli::number_option("--epochs", cli::Kind::kInteger, "N", "5000", cli::Bound::kNonNegative,
                         "passes over the 300 examples"),
      cli::number_option("--mini-batch-size", cli::Kind::kInteger, "N", "64", cli::Bound::kAny,
                         "examples per mini-batch, at least 1", 1000000),
      cli::number_option("--beta", cli::Kind::kReal, "X", "0.9", cli::Bound::kAny,
                         "momentum's beta, in [0, 1)"),
      cli::number_option("--decay-rate", cli::Kind::kReal, "X", "1", cli::Bound::kNonNegative,
                         "the decay's rate"),
  };
  for (auto& o : cli::adam_options()) p.options.push_back(std::move(o));
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "The optimization notebook's model: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID "
      "with layers [2, 5, 2, 1] on make_moons(300, noise=.2) (seed 3), He initialization (seed "
      "3), new mini-batches every epoch (random_mini_batches with seeds 11, 12, ...), one "
      "update per mini-batch; prints 'Cost after epoch i: ...' (the epoch's average cost) every "
      "1000 epochs, with decay also the learning rate, then the accuracy on the training set. "
      "The notebook's runs: gd 0.702405 ... 0.573367, 'Accuracy: 0.7166666666666667'; momentum "
      "0.702413 ... 0.573444, the same accuracy; adam 0.702166 ... 0.136066, "
      "'Accuracy: 0.9433333333333334'; with --learning-rate 0.1 --decay schedule, gd reaches "
      "0.9433333333333334 and momentum 0.9533333333333334; adam with 0.01 and schedule 0.94.",
      "With --plots DIR draws optimization_<optimizer>[_<decay>]_boundary.png and _cost.png. "
      "Your code runs: random_mini_batches, the update chosen, and the decay.",
  };
  return p;
}
DLC_PROGRAM(optimization_spec, optimization);

/// `dlc run course2.learning_rate_decay`: the four decays of lecture C2 2.9, as numbers and as
/// curves.
int learning_rate_decay(const cli::Arguments& args, const RunContext&) {
  const double learning_rate0 = args.real("--learning-rate0");
  const double decay_rate = args.real("--decay-rate");
  const double base = args.real("--base");
  const double factor = args.real("--factor");
  const long interval = args.integer("--interval");
  const long epochs = args.integer("--epochs");
  Pictures pictures(args);

  std::cout << "The lecture's example: alpha0 = 0.2, decay_rate = 1, "
               "alpha = alpha0 / (1 + decay_rate * epoch_num):\n";
  for (long epoch = 1; epoch <= 4; ++epoch) {
    char line[96];
    std::snprintf(line, sizeof line, "  epoch %ld: alpha = %.3f\n", epoch,
                  decay::update_lr(0.2, epoch, 1.0));
    std::cout << line;
  }
  std::cout << "\nalpha0 = " << python_repr(learning_rate0) << ", " << epochs
            << " epochs: update_lr and schedule_lr_decay with decay_rate "
            << python_repr(decay_rate) << ", the exponential with base " << python_repr(base)
            << ", the staircase times " << python_repr(factor)
            << "; schedule and staircase step every " << interval << " epochs\n";
  {
    char header[128];
    std::snprintf(header, sizeof header, "  %7s  %12s  %18s  %12s  %12s\n", "epoch", "update_lr",
                  "schedule_lr_decay", "exponential", "staircase");
    std::cout << header;
  }
  std::set<long> rows = {0, 1, 2, 10, 100};  // and each step's last epoch and first
  for (long e = interval; e <= epochs; e += interval) rows.insert({e - 1, e});
  for (const long epoch : rows) {
    if (epoch > epochs) continue;
    char line[128];
    std::snprintf(line, sizeof line, "  %7ld  %12.6g  %18.6g  %12.6g  %12.6g\n", epoch,
                  decay::update_lr(learning_rate0, epoch, decay_rate),
                  decay::schedule_lr_decay(learning_rate0, epoch, decay_rate, interval),
                  decay::exponential_lr_decay(learning_rate0, epoch, base),
                  decay::staircase_lr_decay(learning_rate0, epoch, factor, interval));
    std::cout << line;
  }
  std::cout << std::flush;

  if (pictures.enabled()) {
    std::vector<double> x, a, b, c, s;
    for (long e = 0; e <= epochs; e += std::max(1L, epochs / 1000)) {
      x.push_back(static_cast<double>(e));
      a.push_back(decay::update_lr(learning_rate0, e, decay_rate));
      b.push_back(decay::schedule_lr_decay(learning_rate0, e, decay_rate, interval));
      c.push_back(decay::exponential_lr_decay(learning_rate0, e, base));
      s.push_back(decay::staircase_lr_decay(learning_rate0, e, factor, interval));
    }
    plot::Axes axes;
    axes.title = "Learning rate decay from alpha0 = " + python_repr(learning_rate0);
    axes.xlabel = "epoch";
    axes.ylabel = "learning rate (log scale)";
    pictures.made(plot::line_plot(pictures.path("learning_rate_decay.png"),
                                  {plot::Curve{"1 / (1 + rate * epoch), update_lr", x, a},
                                   plot::Curve{"the same by steps, schedule_lr_decay", x, b},
                                   plot::Curve{"base^epoch, exponential", x, c},
                                   plot::Curve{"x factor every interval, staircase", x, s}},
                                  axes, true, pictures.style()),
                  "the four decays over the epochs, on a log scale");
    pictures.report();
  }
  return cli::kExitOk;
}

cli::ProgramSpec learning_rate_decay_spec() {
  cli::ProgramSpec p;
  p.name = "course2.learning_rate_decay";
  p.lecture = "C2 2.9";
  p.summary = "four learning rate decays, epoch by epoch";
  p.options = {
      cli::number_option("--learning-rate0", cli::Kind::kReal, "X", "0.1", cli::Bound::kPositive,
                         "the first learning rate alpha0"),
      cli::number_option("--decay-rate", cli::Kind::kReal, "X", "1", cli::Bound::kNonNegative,
                         "the rate of update_lr and schedule_lr_decay"),
      cli::number_option("--base", cli::Kind::kReal, "X", "0.999", cli::Bound::kPositive,
                         "the exponential decay's factor per epoch, at most 1"),
      cli::number_option("--factor", cli::Kind::kReal, "X", "0.5", cli::Bound::kPositive,
                         "the staircase's factor per stair, at most 1"),
      cli::number_option("--interval", cli::Kind::kInteger, "N", "1000", cli::Bound::kPositive,
                         "epochs per step of schedule_lr_decay and per stair"),
      cli::number_option("--epochs", cli::Kind::kInteger, "N", "5000", cli::Bound::kNonNegative,
                         "the last epoch shown", 10000000),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "Prints the lecture's example (alpha0 = 0.2, decay_rate = 1: 0.100, 0.067, 0.050, 0.040 "
      "after epochs 1 to 4), then the learning rate of update_lr, schedule_lr_decay, the "
      "exponential decay and the staircase at chosen epochs. With --plots DIR draws "
      "learning_rate_decay.png, the four curves on a log scale. Your code runs: the four "
      "decays.",
  };
  return p;
}
DLC_PROGRAM(learning_rate_decay_spec, learning_rate_decay);

}  // namespace

}  // namespace dlc::runner
