/// \file
/// \brief The programs of Course 2's regularization lesson: the notebook's three runs on the
/// football field (C2 1.4-1.7), stopping early on the dev set's cost (C2 1.8), and a table of
/// bias and variance (C2 1.1-1.3).

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"
#include "common/training.hpp"
#include "course2/initialization.hpp"
#include "course2/regularization.hpp"

namespace dlc::runner {

namespace {

namespace reg = course2::regularization;

// The legend of the field's two classes: who headed the ball.
const plot::Classes kFieldClasses{"y = 0: the opponents (red)", "y = 1: our team (blue)"};

/// `--data-dir DIR`: the folder of the notebook's `data.mat`.
cli::OptionSpec data_dir_option() {
  return cli::text_option(
      "--data-dir", "DIR", "",
      "folder holding the notebook's data.mat (default: $DLC_SHARED_DATA/reg2d, "
      "else ../shared/data/reg2d beside the source tree)");
}

/// The folder of `data.mat`: `--data-dir`, else `$DLC_SHARED_DATA/reg2d`, else
/// `../shared/data/reg2d` beside the source tree.
std::string data_dir(const cli::Arguments& args) {
  if (args.given("--data-dir")) return args.text("--data-dir");
  if (const char* env = std::getenv("DLC_SHARED_DATA"); env != nullptr && *env != '\0')
    return (std::filesystem::path(env) / "reg2d").string();
  return (std::filesystem::path(DLC_SOURCE_DIR) / ".." / "shared" / "data" / "reg2d")
      .lexically_normal()
      .string();
}

/// The network's predictions as a picture's classifier (the notebook's `predict_dec`).
plot::Classifier network(const course2::Parameters& parameters) {
  return [parameters](const Matrix& points) { return course2::predict_dec(parameters, points); };
}

/// The share of predictions equal to the labels.
double accuracy(const course2::Parameters& parameters, const Matrix& X, const Matrix& Y) {
  return mean(equal(course2::predict_dec(parameters, X), Y));
}

/// `dlc run course2.regularization`: the notebook's model without regularization, with L2
/// (`--lambd`) or with dropout (`--keep-prob`).
int regularization(const cli::Arguments& args, const RunContext&) {
  const double lambd = args.real("--lambd");
  const double keep_prob = args.real("--keep-prob");
  const double learning_rate = args.real("--learning-rate");
  const auto iterations = static_cast<int>(args.integer("--iterations"));
  Pictures pictures(args);
  const course2::Dataset d = reg::load_2D_dataset(data_dir(args));

  const reg::Trained t = reg::model(d.train_X, d.train_Y, learning_rate, iterations,
                                    /*print_cost=*/true, lambd, keep_prob);
  std::cout << "On the training set:\n";
  course2::predict(d.train_X, d.train_Y, t.parameters);
  std::cout << "On the test set:\n";
  course2::predict(d.test_X, d.test_Y, t.parameters);
  std::cout << std::flush;

  if (pictures.enabled()) {
    const std::string run = lambd != 0.0 ? "l2" : keep_prob < 1.0 ? "dropout" : "none";
    const std::string title =
        lambd != 0.0      ? "Model with L2 regularization, lambda = " + python_repr(lambd)
        : keep_prob < 1.0 ? "Model with dropout, keep_prob = " + python_repr(keep_prob)
                          : "Model without regularization";
    plot::Axes axes;
    axes.title =
        title + " (test accuracy " + python_repr(accuracy(t.parameters, d.test_X, d.test_Y)) + ")";
    plot::Style style = pictures.style();
    style.plane_margin = 0.1;  // close to the points, as the notebook draws the field
    pictures.made(plot::decision_boundary(pictures.path("regularization_" + run + ".png"),
                                          network(t.parameters), d.train_X, d.train_Y, axes,
                                          kFieldClasses, style),
                  "the decision boundary on the training set");
  }
  pictures.report();
  return cli::kExitOk;
}

void validate_regularization(const cli::Arguments& args) {
  cli::validate_plots(args);
  if (args.real("--keep-prob") > 1.0) {
    std::ostringstream os;  // (the driver checks this line without the lessons' number printing)
    os << "--keep-prob must be at most 1 (1 keeps every unit), not " << args.real("--keep-prob");
    throw cli::UsageError(os.str());
  }
  if (args.real("--lambd") != 0.0 && args.real("--keep-prob") < 1.0)
    throw cli::UsageError(
        "--lambd and --keep-prob cannot go together: the notebook's model uses one "
        "regularization at a time");
}

cli::ProgramSpec regularization_spec() {
  cli::ProgramSpec p;
  p.name = "course2.regularization";
  p.lecture = "C2 1.4-1.7";
  p.summary =
      "the notebook's network on the football field, without regularization, with L2 "
      "or with dropout";
  p.options = {
      data_dir_option(),
      cli::number_option("--lambd", cli::Kind::kReal, "X", "0", cli::Bound::kNonNegative,
                         "lambda of L2 regularization (the notebook: 0.7); 0: none"),
      cli::number_option("--keep-prob", cli::Kind::kReal, "X", "1", cli::Bound::kPositive,
                         "dropout's probability to keep a unit, at most 1 (the notebook: 0.86); "
                         "1: no dropout"),
      cli::number_option("--iterations", cli::Kind::kInteger, "N", "30000",
                         cli::Bound::kNonNegative, "gradient-descent steps"),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.3", cli::Bound::kPositive,
                         "the learning rate alpha"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "The notebook's model: layers [2, 20, 3, 1] started by its initialize_parameters "
      "(RandomState(3), randn / sqrt(n[l-1])), 30000 steps at learning rate 0.3 on the 211 "
      "training points of data.mat, then the accuracy on the training set and on the 200 test "
      "points. It prints 'Cost after iteration 0: 0.6557412523481002' ... and 'Accuracy: "
      "0.9478672985781991', 'Accuracy: 0.915' without regularization; --lambd 0.7 gives 0.93 on "
      "the test set and --keep-prob 0.86 gives 0.95. The decision boundary is drawn to "
      "regularization_none.png, regularization_l2.png or regularization_dropout.png.",
      "Your code runs: compute_cost_with_regularization and "
      "backward_propagation_with_regularization with --lambd, forward_propagation_with_dropout "
      "and backward_propagation_with_dropout with --keep-prob. Without either, only the week's "
      "given network runs.",
  };
  p.validate = validate_regularization;
  return p;
}
DLC_PROGRAM(regularization_spec, regularization);

// The iterations the early-stopping table shows: every 2500th, and the last.
constexpr long kTableEvery = 2500;

/// `dlc run course2.early_stopping`: the training and dev costs of the unregularized model, and
/// the iteration where the dev cost is lowest.
int early_stopping(const cli::Arguments& args, const RunContext&) {
  const auto iterations = static_cast<int>(args.integer("--iterations"));
  const auto every = static_cast<int>(args.integer("--every"));
  Pictures pictures(args);
  const course2::Dataset d = reg::load_2D_dataset(data_dir(args));

  std::vector<double> at, train_costs, dev_costs;
  int best_iteration = -1;
  double best_dev = 0.0, best_train = 0.0;
  course2::Parameters best;
  reg::ModelOptions options;
  options.num_iterations = iterations;
  options.print_cost = false;
  options.observe = [&](int i, const course2::Parameters& parameters, double cost) {
    if (i % every != 0) return;
    const double dev =
        course2::compute_cost(course2::forward_propagation(d.test_X, parameters).a3, d.test_Y);
    at.push_back(i);
    train_costs.push_back(cost);
    dev_costs.push_back(dev);
    if (best_iteration < 0 || dev < best_dev) {
      best_iteration = i;
      best_dev = dev;
      best_train = cost;
      best = parameters;
    }
  };
  const reg::Trained t = reg::train_model(d.train_X, d.train_Y, options);

  std::cout << "Training without regularization (layers [2, 20, 3, 1], learning rate 0.3), "
               "the test set as the dev set:\n"
            << "  iteration   train cost   dev cost\n";
  for (std::size_t k = 0; k < at.size(); ++k) {
    const auto i = static_cast<long>(at[k]);
    if (i % kTableEvery != 0 && k + 1 != at.size()) continue;
    std::cout << "  " << std::setw(9) << i << "   " << std::setw(10) << percent_f(train_costs[k])
              << "   " << percent_f(dev_costs[k]) << "\n";
  }
  std::cout << "The dev cost is lowest at iteration " << best_iteration << ": "
            << percent_f(best_dev) << " (train cost " << percent_f(best_train) << ")\n"
            << "Stopped there:  train accuracy "
            << python_repr(accuracy(best, d.train_X, d.train_Y)) << ", dev accuracy "
            << python_repr(accuracy(best, d.test_X, d.test_Y)) << "\n"
            << "After " << iterations << " iterations: train accuracy "
            << python_repr(accuracy(t.parameters, d.train_X, d.train_Y)) << ", dev accuracy "
            << python_repr(accuracy(t.parameters, d.test_X, d.test_Y)) << ", dev cost "
            << percent_f(course2::compute_cost(
                   course2::forward_propagation(d.test_X, t.parameters).a3, d.test_Y))
            << "\n"
            << std::flush;

  if (pictures.enabled() && !at.empty()) {
    plot::Axes axes;
    axes.title =
        "Early stopping: the dev cost is lowest at iteration " + std::to_string(best_iteration);
    axes.xlabel = "iteration";
    axes.ylabel = "cost J";
    pictures.made(
        plot::line_plot(
            pictures.path("early_stopping.png"),
            {plot::Curve{"training set (211 points)", at, train_costs},
             plot::Curve{"dev set (200 points)", at, dev_costs},
             plot::Curve{"lowest dev cost", {static_cast<double>(best_iteration)}, {best_dev}}},
            axes, false, pictures.style()),
        "the training and dev costs");
  }
  pictures.report();
  return cli::kExitOk;
}

cli::ProgramSpec early_stopping_spec() {
  cli::ProgramSpec p;
  p.name = "course2.early_stopping";
  p.lecture = "C2 1.8";
  p.summary = "the training and dev costs of the unregularized model, and where to stop";
  p.options = {
      data_dir_option(),
      cli::number_option("--iterations", cli::Kind::kInteger, "N", "30000", cli::Bound::kPositive,
                         "gradient-descent steps"),
      cli::number_option("--every", cli::Kind::kInteger, "N", "100", cli::Bound::kPositive,
                         "measure the dev cost every N iterations"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "Trains the notebook's model without regularization and measures, every N iterations, "
      "its cost on the training set and on the test set (here the dev set). The training cost "
      "keeps falling; the dev cost falls, then rises a little as the network fits the training "
      "set's noise. Early stopping keeps the parameters of the iteration whose dev cost is "
      "lowest. Prints both costs every 2500 iterations and that iteration with its accuracies; "
      "draws early_stopping.png: both curves and that iteration.",
  };
  p.validate = cli::validate_plots;
  return p;
}
DLC_PROGRAM(early_stopping_spec, early_stopping);

/// One model of the bias and variance table.
struct Fit {
  std::string name;
  std::string settings;
  reg::ModelOptions options;
};

/// `dlc run course2.bias_variance`: train and dev error of an underfitting, a fitting and an
/// overfitting model, with the lecture's diagnosis.
int bias_variance(const cli::Arguments& args, const RunContext&) {
  const double base = args.real("--base-error");
  const double margin = args.real("--margin");
  const course2::Dataset d = reg::load_2D_dataset(data_dir(args));

  std::vector<Fit> fits(3);
  fits[0].name = "tiny network";
  fits[0].settings = "layers [2, 1, 1, 1], 30000 iterations";
  fits[0].options.hidden = {1, 1};
  fits[1].name = "L2, lambda = 0.7";
  fits[1].settings = "layers [2, 20, 3, 1], 30000 iterations";
  fits[1].options.lambd = 0.7;
  fits[2].name = "no regularization";
  fits[2].settings = "layers [2, 20, 3, 1], 60000 iterations";
  fits[2].options.num_iterations = 60000;
  std::cout << "Base error (the lecture's optimal error, set by --base-error): "
            << python_repr(100 * base) << " %; a gap above " << python_repr(100 * margin)
            << " points counts as high.\n\n"
            << "  model               train error   dev error   diagnosis\n";
  for (Fit& f : fits) {
    f.options.print_cost = false;
    const reg::Trained t = reg::train_model(d.train_X, d.train_Y, f.options);
    const double train_error = 1.0 - accuracy(t.parameters, d.train_X, d.train_Y);
    const double dev_error = 1.0 - accuracy(t.parameters, d.test_X, d.test_Y);
    const bool high_bias = train_error - base > margin;  // avoidable bias
    const bool high_variance = dev_error - train_error > margin;
    const std::string diagnosis = high_bias && high_variance ? "high bias and high variance"
                                  : high_bias                ? "high bias (underfitting)"
                                  : high_variance            ? "high variance (overfitting)"
                                                             : "low bias, low variance";
    std::ostringstream row;
    row << "  " << std::left << std::setw(20) << f.name << std::right << std::fixed
        << std::setprecision(1) << std::setw(9) << 100 * train_error << " %" << std::setw(10)
        << 100 * dev_error << " %   " << diagnosis << "  (" << f.settings << ")";
    std::cout << row.str() << "\n" << std::flush;
  }
  std::cout << "\nHigh bias: a bigger network, longer training. High variance: more data, "
               "regularization (L2, dropout).\n";
  return cli::kExitOk;
}

cli::ProgramSpec bias_variance_spec() {
  cli::ProgramSpec p;
  p.name = "course2.bias_variance";
  p.lecture = "C2 1.1-1.3";
  p.summary = "train and dev error of an underfitting, a fitting and an overfitting network";
  p.options = {
      data_dir_option(),
      cli::number_option("--base-error", cli::Kind::kReal, "X", "0.05", cli::Bound::kNonNegative,
                         "the error the best classifier still makes (the lecture's optimal "
                         "error), a fraction"),
      cli::number_option("--margin", cli::Kind::kReal, "X", "0.02", cli::Bound::kPositive,
                         "a gap above this (a fraction) counts as high"),
  };
  p.details = {
      "Trains three networks on the notebook's 211 training points and measures their errors "
      "on them and on the 200 test points (the dev set): a network with one unit in each "
      "hidden layer, the notebook's network with L2 regularization (lambda = 0.7), and the "
      "notebook's network without regularization trained twice as long. The lecture's "
      "diagnosis: the training error far above the base error is high bias; the dev error far "
      "above the training error is high variance.",
  };
  return p;
}
DLC_PROGRAM(bias_variance_spec, bias_variance);

}  // namespace

}  // namespace dlc::runner
