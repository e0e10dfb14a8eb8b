/// \file
/// \brief The week-3 programs of `dlc run`: the network with one hidden layer on the planar
/// flower (lecture 3.9), the notebook's sweep over hidden-layer sizes, and logistic regression
/// on the same data for comparison, each printing what the notebook prints and drawing its
/// pictures with gnuplot (common/plot.hpp).

#include <algorithm>
#include <cmath>
#include <cstdint>
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
#include "common/progress.hpp"
#include "common/toy_datasets.hpp"
#include "common/training.hpp"
#include "week2/logistic_regression.hpp"
#include "week3/shallow_network.hpp"

namespace dlc::runner {

namespace {

// The legend of the flower's two classes, as the notebook colours them.
const plot::Classes kFlowerClasses{"y = 0 (red)", "y = 1 (blue)"};

// The most points a cost curve keeps: every iteration up to this many, else every k-th, so that
// a very long run neither fills the memory nor gives gnuplot millions of points.
constexpr long kMaxCurvePoints = 100000;

/// A trained network and its costs.
struct Trained {
  week3::Parameters parameters;
  std::vector<double> curve_x;  ///< iterations (every one, or every k-th for long runs)
  std::vector<double> curve_y;  ///< the cost computed in each of those iterations
  std::vector<std::pair<long, double>> printed;  ///< (i, cost) every print_every iterations
  double last_cost = 0.0;                        ///< the cost of the last iteration, if any
};

/// \brief The notebook's `nn_model`, with every iteration's cost shown on the progress bar,
/// kept for the cost curve, and printed every `print_every` iterations as the notebook prints
/// it.
Trained train(const Matrix& X, const Matrix& Y, std::size_t n_h, long iterations,
              double learning_rate, std::uint32_t seed, long print_every, bool print_cost,
              Progress& progress) {
  Trained t;
  const long stride = std::max(1L, (iterations + kMaxCurvePoints - 1) / kMaxCurvePoints);
  auto observe = [&](long i, double cost) {
    t.last_cost = cost;
    if (i % stride == 0 || i == iterations - 1) {
      t.curve_x.push_back(static_cast<double>(i));
      t.curve_y.push_back(cost);
    }
    if (i % print_every == 0) {
      t.printed.emplace_back(i, cost);
      if (print_cost) {
        progress.clear();
        std::cout << "Cost after iteration " << i << ": " << percent_f(cost) << '\n' << std::flush;
      }
    }
    progress.update(i + 1, cost);
  };
  t.parameters = week3::nn_model(X, Y, n_h, iterations, /*print_cost=*/false, learning_rate, seed,
                                 print_every, observe);
  return t;
}

/// The classifier `predict(parameters, .)`, for the pictures.
plot::Classifier network(const week3::Parameters& parameters) {
  return [parameters](const Matrix& points) { return week3::predict(parameters, points); };
}

/// The cost curve of a run, named for the legend.
plot::Curve cost_curve(std::string name, const Trained& t) {
  return plot::Curve{std::move(name), t.curve_x, t.curve_y};
}

/// `1 hidden unit`, `4 hidden units`.
std::string hidden_units(std::size_t n_h) {
  return std::to_string(n_h) + (n_h == 1 ? " hidden unit" : " hidden units");
}

/// `--sizes 1,2,3` as numbers (the catalogue has checked the text).
std::vector<std::size_t> sizes_of(const cli::Arguments& args) {
  std::vector<std::size_t> sizes;
  for (const long n : cli::parse_sizes(args.text("--sizes")))
    sizes.push_back(static_cast<std::size_t>(n));
  return sizes;
}

/// `dlc run week3.planar`: the notebook's network with 4 hidden units on the flower.
int planar(const cli::Arguments& args, const RunContext& context) {
  const bool json = args.given("--json");
  const auto n_h = static_cast<std::size_t>(args.integer("--hidden"));
  const long iterations = args.integer("--iterations");
  const double learning_rate = args.real("--learning-rate");
  const long print_every = args.integer("--print-every");
  const auto seed = cli::seed(args);
  Pictures pictures(args);

  const ToyData data = planar_flower();
  Progress progress(hidden_units(n_h), iterations);
  const Trained t = train(data.X, data.Y, n_h, iterations, learning_rate, seed, print_every,
                          /*print_cost=*/!json, progress);
  progress.finish();
  const double accuracy = week3::accuracy(week3::predict(t.parameters, data.X), data.Y);
  // The notebook: print('Accuracy: %d' % accuracy + '%'), %d cutting off the decimals.
  if (!json) std::cout << "Accuracy: " << static_cast<long>(accuracy) << "%\n" << std::flush;

  if (pictures.enabled()) {
    const plot::Style& style = pictures.style();
    plot::Axes axes;
    axes.title = "The planar data set: " + std::to_string(data.X.cols()) + " points";
    pictures.made(plot::scatter(pictures.path("planar_data.png"), data.X, data.Y, axes,
                                kFlowerClasses, style),
                  "the data set");
    axes.title = "Decision boundary for hidden layer size " + std::to_string(n_h) + " (accuracy " +
                 python_repr(accuracy) + " %)";
    pictures.made(
        plot::decision_boundary(pictures.path("planar_boundary_nn.png"), network(t.parameters),
                                data.X, data.Y, axes, kFlowerClasses, style),
        "the network's decision boundary");
    if (!t.curve_x.empty()) {
      plot::Axes cost_axes;
      cost_axes.title = "Cost during training (" + hidden_units(n_h) + ", learning rate " +
                        python_repr(learning_rate) + ")";
      cost_axes.xlabel = "iteration";
      cost_axes.ylabel = "cost J";
      pictures.made(plot::line_plot(pictures.path("planar_cost.png"),
                                    {cost_curve(hidden_units(n_h), t)}, cost_axes, false, style),
                    "the cost during training");
    }
  }
  if (!json) {
    pictures.report();
    return cli::kExitOk;
  }

  nlohmann::ordered_json costs = nlohmann::ordered_json::array();
  for (const auto& [i, cost] : t.printed) costs.push_back({{"iteration", i}, {"cost", cost}});
  const nlohmann::ordered_json out = {{"program", "week3.planar"},
                                      {"flavour", context.flavour},
                                      {"m", data.X.cols()},
                                      {"n_h", n_h},
                                      {"iterations", iterations},
                                      {"learning_rate", learning_rate},
                                      {"seed", seed},
                                      {"print_every", print_every},
                                      {"costs", costs},
                                      {"accuracy", accuracy},
                                      {"pictures", pictures.paths()}};
  std::cout << json_line(out) << '\n';
  return cli::kExitOk;
}

cli::ProgramSpec planar_spec() {
  cli::ProgramSpec p;
  p.name = "week3.planar";
  p.lecture = "3.9";
  p.summary = "a network with one hidden layer learns the planar flower";
  p.options = {
      cli::number_option("--hidden", cli::Kind::kInteger, "N", "4", cli::Bound::kPositive,
                         "hidden units n_h", cli::kMaxHiddenUnits),
      cli::number_option("--iterations", cli::Kind::kInteger, "N", "10000",
                         cli::Bound::kNonNegative, "gradient-descent steps"),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "1.2", cli::Bound::kPositive,
                         "the learning rate alpha"),
      cli::number_option("--print-every", cli::Kind::kInteger, "N", "1000", cli::Bound::kPositive,
                         "print the cost every N iterations"),
      cli::seed_option("3", "seed of the initialization's RandomState"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.options.push_back(cli::flag_option(
      "--json", "print one JSON object (settings, costs, accuracy, pictures) instead"));
  p.details = {
      "The notebook's run: the 400 points of the flower, n_h tanh units and a sigmoid output, "
      "initialized with RandomState(3) and randn * 0.01, trained by gradient descent. It prints "
      "'Cost after iteration 0: 0.693162' ... every 1000 iterations (after about 6000 the run is "
      "chaotic: its last digits depend on rounding) and 'Accuracy: 90%', then draws "
      "planar_data.png (the data), planar_boundary_nn.png (the decision boundary) and "
      "planar_cost.png (the cost at every iteration) in the --plots folder.",
      "Your code runs: nn_model, which calls forward_propagation, compute_cost, "
      "backward_propagation and update_parameters at every step, and predict. On a terminal a "
      "progress bar on stderr shows the iteration, the cost and the time left.",
  };
  p.validate = cli::validate_plots;
  return p;
}
DLC_PROGRAM(planar_spec, planar);

/// `dlc run week3.sweep`: the notebook's networks with 1, 2, 3, 4, 5, 20 and 50 hidden units.
int sweep(const cli::Arguments& args, const RunContext& context) {
  const bool json = args.given("--json");
  const long iterations = args.integer("--iterations");
  const double learning_rate = args.real("--learning-rate");
  const auto seed = cli::seed(args);
  const std::vector<std::size_t> sizes = sizes_of(args);
  Pictures pictures(args);

  const ToyData data = planar_flower();
  struct Result {
    std::size_t n_h;
    double accuracy;
    Trained trained;
  };
  std::vector<Result> results;
  // One bar, started over for each size: the time per iteration grows with the size, so each
  // size gets its own time left.
  Progress progress("", iterations);
  for (std::size_t k = 0; k < sizes.size(); ++k) {
    const std::size_t n_h = sizes[k];
    progress.restart("n_h = " + std::to_string(n_h) + " (" + std::to_string(k + 1) + " of " +
                         std::to_string(sizes.size()) + ")",
                     iterations);
    Trained t = train(data.X, data.Y, n_h, iterations, learning_rate, seed, 1, false, progress);
    const double accuracy = week3::accuracy(week3::predict(t.parameters, data.X), data.Y);
    if (!json) {
      progress.clear();
      // The notebook: print("Accuracy for {} hidden units: {} %".format(n_h, accuracy))
      std::cout << "Accuracy for " << n_h << " hidden units: " << python_repr(accuracy) << " %\n"
                << std::flush;
    }
    results.push_back({n_h, accuracy, std::move(t)});
  }
  progress.finish();

  if (pictures.enabled()) {
    std::vector<plot::Panel> panels;
    std::vector<plot::Curve> curves;
    for (const Result& r : results) {
      panels.push_back(
          {"Hidden layer of size " + std::to_string(r.n_h) + ": " + python_repr(r.accuracy) + " %",
           network(r.trained.parameters)});
      if (!r.trained.curve_x.empty()) curves.push_back(cost_curve(hidden_units(r.n_h), r.trained));
    }
    const std::string title = "Decision boundaries after " + std::to_string(iterations) +
                              " iterations, learning rate " + python_repr(learning_rate) +
                              " (accuracy on the training set)";
    pictures.made(plot::decision_boundaries(pictures.path("planar_sweep.png"), panels, data.X,
                                            data.Y, title, 3, kFlowerClasses, pictures.style()),
                  "a decision boundary for each hidden-layer size");
    if (!curves.empty()) {
      plot::Axes axes;
      axes.title = "Cost during training, by hidden-layer size (learning rate " +
                   python_repr(learning_rate) + ")";
      axes.xlabel = "iteration";
      axes.ylabel = "cost J";
      pictures.made(plot::line_plot(pictures.path("planar_sweep_cost.png"), curves, axes, false,
                                    pictures.style()),
                    "the cost curves of every size");
    }
  }
  if (!json) {
    pictures.report();
    return cli::kExitOk;
  }

  nlohmann::ordered_json by_size = nlohmann::ordered_json::array();
  for (const Result& r : results) {
    by_size.push_back(
        {{"n_h", r.n_h},
         {"accuracy", r.accuracy},
         {"final_cost", r.trained.curve_x.empty() ? nlohmann::ordered_json(nullptr)
                                                  : nlohmann::ordered_json(r.trained.last_cost)}});
  }
  const nlohmann::ordered_json out = {{"program", "week3.sweep"},
                                      {"flavour", context.flavour},
                                      {"iterations", iterations},
                                      {"learning_rate", learning_rate},
                                      {"seed", seed},
                                      {"results", by_size},
                                      {"pictures", pictures.paths()}};
  std::cout << json_line(out) << '\n';
  return cli::kExitOk;
}

cli::ProgramSpec sweep_spec() {
  cli::ProgramSpec p;
  p.name = "week3.sweep";
  p.lecture = "3.9";
  p.summary = "the flower learned with 1, 2, 3, 4, 5, 20 and 50 hidden units";
  p.options = {
      cli::number_option("--iterations", cli::Kind::kInteger, "N", "5000", cli::Bound::kNonNegative,
                         "gradient-descent steps for each size"),
      cli::text_option("--sizes", "N,N,...", "1,2,3,4,5,20,50",
                       "the hidden-layer sizes, 1 to 12 of them, each from 1 to 1000"),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "1.2", cli::Bound::kPositive,
                         "the learning rate alpha"),
      cli::seed_option("3", "seed of the initialization's RandomState"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.options.push_back(
      cli::flag_option("--json", "print one JSON object (settings, accuracies, pictures) instead"));
  p.details = {
      "The notebook's tuning of the hidden-layer size: for each size, nn_model for 5000 "
      "iterations, then 'Accuracy for 1 hidden units: 67.5 %' ... 'Accuracy for 50 hidden units: "
      "90.25 %'. Draws planar_sweep.png (every decision boundary in a grid) and "
      "planar_sweep_cost.png (the cost curves).",
  };
  p.validate = [](const cli::Arguments& args) {
    cli::validate_plots(args);
    cli::parse_sizes(args.text("--sizes"));
  };
  return p;
}
DLC_PROGRAM(sweep_spec, sweep);

/// `dlc run week3.logreg`: week 2's logistic regression on the flower, which a straight line
/// cannot separate.
int logreg(const cli::Arguments& args, const RunContext& context) {
  const bool json = args.given("--json");
  const long iterations = args.integer("--iterations");
  const double learning_rate = args.real("--learning-rate");
  Pictures pictures(args);

  const ToyData data = planar_flower();
  // week 2's model wants a test set; the notebook measures the training set, so it is both.
  const week2::Model d = week2::model(data.X, data.Y, data.X, data.Y, iterations, learning_rate,
                                      /*print_cost=*/false, /*record_every=*/100);
  const week2::Parameters params = d.params;
  const plot::Classifier classify = [params](const Matrix& points) {
    return week2::predict(params.w, params.b, points);
  };
  // The notebook's formula (Y . p^T + (1 - Y) . (1 - p)^T) / m * 100, printed with %d.
  const double accuracy = week3::accuracy(d.Y_prediction_train, data.Y);
  if (!json) {
    std::cout << "Accuracy of logistic regression: " << static_cast<long>(accuracy)
              << " % (percentage of correctly labelled datapoints)\n"
              << std::flush;
  }
  if (pictures.enabled()) {
    plot::Axes axes;
    axes.title = "Logistic regression (accuracy " + python_repr(accuracy) + " %)";
    pictures.made(plot::decision_boundary(pictures.path("planar_boundary_logreg.png"), classify,
                                          data.X, data.Y, axes, kFlowerClasses, pictures.style()),
                  "logistic regression's decision boundary");
  }
  if (!json) {
    pictures.report();
    return cli::kExitOk;
  }

  std::vector<double> w(params.w.rows());
  for (std::size_t i = 0; i < params.w.rows(); ++i) w[i] = params.w(i, 0);
  const nlohmann::ordered_json out = {{"program", "week3.logreg"},
                                      {"flavour", context.flavour},
                                      {"iterations", iterations},
                                      {"learning_rate", learning_rate},
                                      {"w", w},
                                      {"b", params.b},
                                      {"accuracy", accuracy},
                                      {"pictures", pictures.paths()}};
  std::cout << json_line(out) << '\n';
  return cli::kExitOk;
}

cli::ProgramSpec logreg_spec() {
  cli::ProgramSpec p;
  p.name = "week3.logreg";
  p.lecture = "3.9";
  p.summary = "logistic regression (week 2) on the flower, for comparison";
  p.options = {
      cli::number_option("--iterations", cli::Kind::kInteger, "N", "2000", cli::Bound::kNonNegative,
                         "gradient-descent steps"),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.5", cli::Bound::kPositive,
                         "the learning rate alpha"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.options.push_back(cli::flag_option(
      "--json", "print one JSON object (settings, w, b, accuracy, pictures) instead"));
  p.details = {
      "Week 2's model (zero initialization, gradient descent) on the flower's 400 points, "
      "printing 'Accuracy of logistic regression: 47 % (percentage of correctly labelled "
      "datapoints)' as the notebook does, and drawing its decision boundary, a straight line, in "
      "planar_boundary_logreg.png. The data is not linearly separable: no line does much better "
      "than chance, which is why the notebook turns to a hidden layer.",
  };
  p.validate = cli::validate_plots;
  return p;
}
DLC_PROGRAM(logreg_spec, logreg);

}  // namespace

}  // namespace dlc::runner
