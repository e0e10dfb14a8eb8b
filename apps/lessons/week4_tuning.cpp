/// \file
/// \brief The programs of `dlc run` for lecture 4.6 (the same network trained with several
/// learning rates, every cost curve on one picture) and lecture 1.4 (test accuracy against the
/// number of training examples for logistic regression and three networks), both on image data.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/data.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/datasets.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"
#include "common/training.hpp"
#include "week1/scale.hpp"
#include "week4/application.hpp"
#include "week4/hyperparameters.hpp"

namespace dlc::runner {

namespace {

/// `784-20-7-5-1`.
std::string dims_text(const week4::LayerDims& dims) {
  std::string text;
  for (const int n : dims) text += (text.empty() ? "" : "-") + std::to_string(n);
  return text;
}

/// The whole numbers of a list option the catalogue has checked (`--hidden 20,7,5`).
std::vector<long> whole_numbers(const cli::Arguments& args, const std::string& option) {
  std::vector<long> out;
  for (const double x : cli::parse_reals(option, args.text(option), 1, 100))
    out.push_back(static_cast<long>(x));
  return out;
}

/// Seconds since `start`, as `12.3 s`.
std::string seconds_since(std::chrono::steady_clock::time_point start) {
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

/// `dlc run week4.learning_rates`: lecture 4.6's experiment, one network, several rates.
int learning_rates(const cli::Arguments& args, const RunContext&) {
  const long iterations = args.integer("--iterations");
  const auto seed = cli::seed(args);
  const std::vector<double> rates = cli::parse_reals("--rates", args.text("--rates"), 1, 8);
  Pictures pictures(args);

  const LessonData data = load_lesson_data(args);
  const Matrix X = week4::image_matrix(data.sets.train.images);
  const Matrix& Y = data.sets.train.labels;
  week4::LayerDims dims{static_cast<int>(X.rows())};
  for (const long n : whole_numbers(args, "--hidden")) dims.push_back(static_cast<int>(n));
  dims.push_back(1);
  const ImageSet& im = data.sets.train.images;
  std::cout << "Data: " << data.label << ", " << X.cols() << " training images of " << im.height
            << "x" << im.width << "x" << im.channels << " (n_x = " << X.rows() << ")\n"
            << "Network: layers " << dims_text(dims) << ", " << iterations
            << " iterations for each learning rate, seed " << seed
            << " (the same initial parameters for every rate)\n"
            << std::flush;

  const auto start = std::chrono::steady_clock::now();
  const std::vector<week4::LearningRateRun> runs =
      week4::learning_rate_sweep(X, Y, dims, rates, iterations, seed);
  if (!runs.empty() && !runs.front().costs.empty()) {
    std::cout << "Cost after iteration 0 (before the first step, the same for every rate): "
              << percent_f(runs.front().costs.front()) << "\n\n";
  }
  for (const week4::LearningRateRun& run : runs) {
    std::cout << "alpha = " << plain(run.learning_rate) << ": ";
    if (run.diverged) {
      std::cout << "diverged at iteration " << run.diverged_at;
      if (!run.costs.empty()) {
        std::cout << " (largest cost before: "
                  << percent_f(*std::max_element(run.costs.begin(), run.costs.end())) << ")";
      }
      std::cout << '\n';
    } else if (!run.costs.empty()) {
      std::cout << "final cost " << percent_f(run.costs.back()) << " after " << run.costs.size()
                << " iterations\n";
    } else {
      std::cout << "no cost recorded\n";
    }
  }
  std::cout << "(" << runs.size() << " runs in " << seconds_since(start) << ")\n" << std::flush;

  if (pictures.enabled()) {
    // Every run from iteration 0; a diverged run is a short curve (drawn with a dot on each of
    // its few points) that stops at its last finite cost.
    std::vector<plot::Curve> curves;
    for (const week4::LearningRateRun& run : runs) {
      if (run.costs.empty()) continue;
      plot::Curve c;
      c.name = "alpha = " + plain(run.learning_rate);
      if (run.diverged) c.name += ": diverged at iteration " + std::to_string(run.diverged_at);
      for (std::size_t i = 0; i < run.costs.size(); ++i) {
        c.x.push_back(static_cast<double>(i));
        c.y.push_back(run.costs[i]);
      }
      curves.push_back(std::move(c));
    }
    if (!curves.empty()) {
      plot::Axes axes;
      axes.title = "Cost per iteration, one run per learning rate (layers " + dims_text(dims) + ")";
      axes.xlabel = "iteration";
      axes.ylabel = "cost J (logarithmic scale)";
      plot::Style style = pictures.style();
      style.width = 1000;  // room for the legend beside the curves
      pictures.made(plot::line_plot(pictures.path("learning_rates.png"), curves, axes,
                                    /*log_y=*/true, style),
                    "the cost curves of every learning rate");
    }
  }
  pictures.report();
  return cli::kExitOk;
}

/// `dlc run week1.scale`: lecture 1.4's figure measured.
int scale(const cli::Arguments& args, const RunContext&) {
  const auto [a, b] = cli::parse_classes(args.text("--classes"));
  week1::ScaleSettings settings;
  settings.learning_rate = args.real("--learning-rate");
  settings.num_iterations = args.integer("--iterations");
  settings.seed = cli::seed(args);
  std::vector<std::size_t> sizes;
  for (const long m : whole_numbers(args, "--sizes")) sizes.push_back(static_cast<std::size_t>(m));
  Pictures pictures(args);

  const std::string dir =
      args.has("--fashion-dir") ? args.text("--fashion-dir") : default_fashion_mnist_dir();
  const TrainTest all = load_fashion_mnist(dir);
  const std::size_t test_limit =
      args.has("--test-size") ? static_cast<std::size_t>(args.integer("--test-size")) : 0;
  const LabeledImages train = two_class_subset(all.train, a, b);
  const LabeledImages test = two_class_subset(all.test, a, b, test_limit);
  const Matrix X_train = week4::image_matrix(train.images);
  const Matrix X_test = week4::image_matrix(test.images);
  const std::size_t largest = *std::max_element(sizes.begin(), sizes.end());
  if (largest > X_train.cols()) {
    throw std::invalid_argument("--sizes asks for " + std::to_string(largest) +
                                " training examples but the two classes have only " +
                                std::to_string(X_train.cols()));
  }
  std::cout << "Data: Fashion-MNIST " << train.classes.at(0) << " (class " << a << ", y = 0) vs "
            << train.classes.at(1) << " (class " << b << ", y = 1): the first m of a balanced, "
            << "seeded shuffle of " << X_train.cols() << " training images; " << X_test.cols()
            << " test images (n_x = " << X_train.rows() << ")\n"
            << "Every model: learning rate " << python_repr(settings.learning_rate) << ", "
            << settings.num_iterations << " iterations of gradient descent, seed " << settings.seed
            << "\n\n"
            << std::flush;

  const std::vector<week1::ScaleModel> models = week1::default_scale_models(X_train.rows());
  // The table: one row per m, printed as soon as every model has its point.
  const auto header = [&] {
    std::cout << "Test accuracy:\n"
              << "       m";
    for (const week1::ScaleModel& model : models) {
      std::string name = model.name.substr(0, model.name.find(" ("));
      std::cout << "  " << std::string(name.size() < 20 ? 20 - name.size() : 0, ' ') << name;
    }
    std::cout << '\n' << std::flush;
  };
  header();
  std::vector<double> row;
  const auto start = std::chrono::steady_clock::now();
  const week1::ScaleObserver observe = [&](const week1::LearningCurve&,
                                           const week1::ScalePoint& point) {
    row.push_back(point.test_accuracy);
    if (row.size() == models.size()) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%8zu", point.m);
      std::cout << buf;
      for (const double acc : row) {
        std::snprintf(buf, sizeof buf, "  %20.4f", acc);
        std::cout << buf;
      }
      std::cout << "   (" << seconds_since(start) << ")\n" << std::flush;
      row.clear();
    }
  };
  const std::vector<week1::LearningCurve> curves = week1::learning_curve(
      X_train, train.labels, X_test, test.labels, models, sizes, settings, observe);
  std::cout << '\n';
  for (const week1::LearningCurve& curve : curves) {
    if (curve.points.empty()) continue;
    const week1::ScalePoint& last = curve.points.back();
    std::cout << curve.model.name << ": test accuracy "
              << fixed(curve.points.front().test_accuracy, 4)
              << " at m = " << curve.points.front().m << ", " << fixed(last.test_accuracy, 4)
              << " at m = " << last.m << " (training accuracy there "
              << fixed(last.train_accuracy, 4) << ")\n";
  }
  std::cout << std::flush;

  if (pictures.enabled()) {
    std::vector<plot::Curve> lines;
    for (const week1::LearningCurve& curve : curves) {
      plot::Curve c;
      c.name = curve.model.name;
      for (const week1::ScalePoint& p : curve.points) {
        c.x.push_back(static_cast<double>(p.m));
        c.y.push_back(p.test_accuracy);
      }
      lines.push_back(std::move(c));
    }
    plot::Axes axes;
    axes.title = "Test accuracy against m (Fashion-MNIST " + train.classes.at(0) + " vs " +
                 train.classes.at(1) + ")";
    axes.xlabel = "m, training examples (logarithmic scale)";
    axes.ylabel = "accuracy on " + std::to_string(X_test.cols()) + " test images";
    axes.log_x = true;
    plot::Style style = pictures.style();
    style.width = 1000;  // room for the legend beside the curves
    pictures.made(plot::line_plot(pictures.path("scale.png"), lines, axes, false, style),
                  "test accuracy against m, one curve per model");
  }
  pictures.report();
  return cli::kExitOk;
}

// A number as the command line would write it: 12000, 0.5, -1e-05.
std::string plain_number(double x) {
  std::ostringstream os;
  os << x;
  return os.str();
}

// Checks that `option` is a list of whole numbers from `low` to `high`, 1 to `most` of them
// (--hidden, --sizes).
void whole_list(const cli::Arguments& args, const std::string& option, double low, double high,
                std::size_t most, const std::string& what) {
  for (const double x : cli::parse_reals(option, args.text(option), 1, most)) {
    if (x < low || x > high || x != static_cast<double>(static_cast<long>(x))) {
      throw cli::UsageError(option + ": \"" + args.text(option) + "\" has " + plain_number(x) +
                            "; each " + what + " must be a whole number from " + plain_number(low) +
                            " to " + plain_number(high));
    }
  }
}

cli::ProgramSpec learning_rates_spec() {
  cli::ProgramSpec p;
  p.name = "week4.learning_rates";
  p.lecture = "4.6";
  p.summary =
      "the same network trained with several learning rates, every cost curve on one picture";
  p.options = cli::data_options();
  for (cli::OptionSpec& o : p.options) {
    if (o.name == "--train-size") {
      o.default_value = "500";
      o.help = "train on the first N training examples (default 500 keeps the run to seconds)";
    }
  }
  p.options.push_back(cli::text_option("--rates", "X,X,...", "0.001,0.01,0.1,1,5,10",
                                       "the learning rates to try, 1 to 8 positive numbers"));
  p.options.push_back(cli::text_option(
      "--hidden", "N,N,...", "20,7,5",
      "the hidden layers' units n[1], ..., n[L-1]: 1 to 6 whole numbers from 1 to 1000 "
      "(the input and the one output unit are added)"));
  p.options.push_back(cli::number_option("--iterations", cli::Kind::kInteger, "N", "300",
                                         cli::Bound::kPositive,
                                         "gradient-descent steps for each rate", 100'000));
  p.options.push_back(cli::seed_option("1", "seed of the initialization, the same for every rate"));
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "Lecture 4.6's experiment with the learning rate, a hyperparameter: the L-layer network of "
      "week 4 (ReLU hidden layers, a sigmoid output, initialized with seed 1) trained on the "
      "same images once per learning rate, from the same initial parameters. It prints the "
      "first cost (the same for every rate), then each rate's final cost, or 'diverged at "
      "iteration i' for a rate so large that the cost stopped being a number (the other rates "
      "still run), and draws learning_rates.png: every cost curve on one picture, a diverged "
      "one ending where it diverged.",
      "Your code runs: learning_rate_sweep (week4/hyperparameters.cpp), which calls your "
      "L_layer_model. The default data is Fashion-MNIST's sneakers against ankle boots (as "
      "week2.logreg); --data-dir DIR uses the course's cat files instead.",
      cli::fashion_classes_line(),
  };
  p.validate = [](const cli::Arguments& args) {
    cli::validate_data(args);
    cli::validate_plots(args);
    for (const double x : cli::parse_reals("--rates", args.text("--rates"), 1, 8)) {
      if (!(x > 0.0)) {
        throw cli::UsageError("--rates: \"" + args.text("--rates") + "\" has " + plain_number(x) +
                              "; every learning rate must be a positive number");
      }
    }
    whole_list(args, "--hidden", 1, 1000, 6, "size");
  };
  return p;
}
DLC_PROGRAM(learning_rates_spec, learning_rates);

cli::ProgramSpec scale_spec() {
  cli::ProgramSpec p;
  p.name = "week1.scale";
  p.lecture = "1.4";
  p.summary =
      "test accuracy against the number of training examples, logistic regression and "
      "three networks";
  p.options = {
      cli::text_option("--classes", "A,B", "6,0",
                       "two different Fashion-MNIST classes 0-9; A becomes y = 0, B y = 1"),
      cli::text_option(
          "--fashion-dir", "DIR", "",
          "folder of Fashion-MNIST's IDX files (default: where Debian's dataset-fashion-mnist "
          "puts them)"),
      cli::text_option("--sizes", "M,M,...", "16,64,256,1024,3000",
                       "the training-set sizes m, 1 to 12 whole numbers from 2 to 12000"),
      cli::number_option("--iterations", cli::Kind::kInteger, "N", "200", cli::Bound::kPositive,
                         "gradient-descent steps of every run", 100'000),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.2", cli::Bound::kPositive,
                         "the learning rate alpha of every run"),
      cli::seed_option("1", "seed of the balanced shuffle and of every initialization"),
      cli::number_option(
          "--test-size", cli::Kind::kInteger, "N", "", cli::Bound::kPositive,
          "measure on at most the first N test images (default: all 2000 of the two classes)"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "Lecture 1.4's figure, measured: logistic regression (a network with no hidden layer), a "
      "small network (4 hidden units), a medium one (16) and a large one (64 and 16), each "
      "trained by full-batch gradient descent on the first m images of a balanced, seeded "
      "shuffle of two Fashion-MNIST classes (by default shirts, y = 0, against T-shirts/tops, "
      "y = 1: similar shapes, so that the task is not easy), for every m of --sizes, and "
      "measured on the fixed test set. It prints a table of test accuracies, one row per m, "
      "and draws scale.png: test accuracy against m on a logarithmic axis, one curve per "
      "model. The default run takes some seconds; more --sizes or --iterations take longer.",
      "Your code runs: learning_curve (week1/scale.cpp), which calls your L_layer_model and "
      "predict.",
      cli::fashion_classes_line(),
  };
  p.validate = [](const cli::Arguments& args) {
    cli::validate_plots(args);
    cli::parse_classes(args.text("--classes"));
    whole_list(args, "--sizes", 2, 12000, 12, "size");
  };
  return p;
}
DLC_PROGRAM(scale_spec, scale);

}  // namespace

}  // namespace dlc::runner
