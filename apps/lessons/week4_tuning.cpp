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
  const auto seed = static_cast<std::uint32_t>(args.integer("--seed"));
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
  settings.seed = static_cast<std::uint32_t>(args.integer("--seed"));
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

}  // namespace

const std::vector<ProgramImpl>& week4_tuning_programs() {
  static const std::vector<ProgramImpl> all = {
      {"week4.learning_rates", learning_rates},
      {"week1.scale", scale},
  };
  return all;
}

}  // namespace dlc::runner
