/// \file
/// \brief The programs of Course 2 week 3 on Fashion-MNIST: the ten classes learned by a network
/// with batch norm and softmax (C2 3.5, 3.9), and why batch norm helps, made visible (C2 3.6):
/// a hidden unit's input over training with and without it, and the learning rates each
/// tolerates.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/datasets.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"
#include "common/training.hpp"
#include "course2/fashion.hpp"
#include "course2/softmax.hpp"

namespace dlc::runner {

namespace {

namespace fashion = course2::fashion;

std::string fashion_dir(const cli::Arguments& args) {
  return args.has("--fashion-dir") ? args.text("--fashion-dir") : default_fashion_mnist_dir();
}

/// The mean of each run of `every` consecutive values (the last run may be shorter), with the
/// step each run ends at: a noisy per-step curve made readable.
plot::Curve smoothed(const std::string& name, const std::vector<double>& values,
                     std::size_t every) {
  plot::Curve curve{name, {}, {}};
  for (std::size_t first = 0; first < values.size(); first += every) {
    const std::size_t last = std::min(first + every, values.size());
    double total = 0.0;
    for (std::size_t k = first; k < last; ++k) total += values[k];
    curve.x.push_back(static_cast<double>(last));
    curve.y.push_back(total / static_cast<double>(last - first));
  }
  return curve;
}

/// Trains, turning a divergence into one line on stderr; false when it diverged.
bool train_or_report(const fashion::Data& data, const fashion::Options& options,
                     fashion::Trained& trained, const fashion::StepObserver& observe = {}) {
  try {
    trained = fashion::train(data, options, std::cout, observe);
    return true;
  } catch (const TrainingDiverged& e) {
    std::cout.flush();
    std::cerr << "dlc: training diverged at step " << e.iteration() << " (learning rate "
              << python_repr(e.learning_rate()) << "): the cost is " << python_repr(e.cost())
              << "; try a smaller learning rate\n";
    return false;
  }
}

double training_seconds(const fashion::Trained& trained) {
  double seconds = 0.0;
  for (const fashion::EpochReport& e : trained.epochs) seconds += e.seconds;
  return seconds;
}

std::vector<std::string> class_names() {
  return std::vector<std::string>(kFashionMnistClasses.begin(), kFashionMnistClasses.end());
}

/// `dlc run course2.fashion`: the ten classes, printing each epoch's cost and accuracies.
int fashion_run(const cli::Arguments& args, const RunContext&) {
  fashion::Options o;
  o.epochs = static_cast<int>(args.integer("--epochs"));
  o.mini_batch_size = static_cast<int>(args.integer("--batch-size"));
  o.adam.learning_rate = args.real("--learning-rate");
  o.decay_rate = args.real("--decay-rate");
  o.batch_norm = !args.has("--no-batch-norm");
  o.seed = cli::seed(args);
  Pictures pictures(args);
  const auto train_size = static_cast<std::size_t>(args.integer("--train-size"));
  const fashion::Data data = fashion::load_data(fashion_dir(args), train_size);
  std::cout << "Fashion-MNIST: " << data.train.X.cols() << " training and " << data.test.X.cols()
            << " test images of 28x28, ten classes\n"
            << "Network: 784-256-128-10, " << (o.batch_norm ? "batch norm" : "no batch norm")
            << " in the hidden layers, softmax; Adam (learning rate "
            << python_repr(o.adam.learning_rate) << ", decay rate " << python_repr(o.decay_rate)
            << "), mini-batches of " << o.mini_batch_size << ", seed " << o.seed << "\n"
            << std::flush;

  fashion::Trained trained;
  if (!train_or_report(data, o, trained)) return cli::kExitFailure;
  char timing[96];
  std::snprintf(timing, sizeof timing, "training: %.3f s (%d epochs)\n", training_seconds(trained),
                o.epochs);
  std::cout << timing << std::flush;
  if (!pictures.enabled() || trained.epochs.empty()) return cli::kExitOk;

  const Matrix probabilities =
      fashion::predict_probabilities(data.test.X, trained.parameters, trained.running);
  const Matrix predictions = course2::softmax::predict(probabilities);
  plot::Axes cost_axes;
  cost_axes.title = std::string(o.batch_norm ? "With batch norm" : "Without batch norm") +
                    ": the mini-batches' cost, each 50 averaged";
  cost_axes.xlabel = "step (mini-batches of " + std::to_string(o.mini_batch_size) + ")";
  cost_axes.ylabel = "cost";
  pictures.made(
      plot::line_plot(pictures.path("fashion_cost.png"), {smoothed("cost", trained.step_costs, 50)},
                      cost_axes, false, pictures.style()),
      "the cost during training");

  plot::Heatmap confusion;
  confusion.axes.title = "Confusion matrix of the " + std::to_string(data.test.X.cols()) +
                         " test images (test accuracy " +
                         percent_f(trained.epochs.back().test_accuracy).substr(0, 6) + ")";
  confusion.axes.xlabel = "predicted class";
  confusion.axes.ylabel = "true class";
  confusion.values = fashion::confusion_matrix(predictions, data.test.labels, 10);
  confusion.row_labels = class_names();
  confusion.col_labels = class_names();
  pictures.made(plot::heatmap(pictures.path("fashion_confusion.png"), confusion, pictures.style()),
                "the confusion matrix on the test set");

  std::vector<plot::Image> images;
  for (std::size_t j = 0; j < 24 && j < data.test.X.cols(); ++j) {
    const auto predicted = static_cast<int>(predictions(0, j));
    const auto truth = static_cast<int>(data.test.labels(0, j));
    Matrix pixels(28, 28);  // row r, column c of the image is feature 28 r + c
    for (std::size_t r = 0; r < 28; ++r) {
      for (std::size_t c = 0; c < 28; ++c) pixels(r, c) = data.test.X(28 * r + c, j);
    }
    images.push_back(
        plot::Image{pixels,
                    cli::fashion_class_name(predicted) +
                        (predicted == truth ? "" : " (" + cli::fashion_class_name(truth) + ")"),
                    predicted != truth});
  }
  pictures.made(plot::image_grid(pictures.path("fashion_predictions.png"), images, 6,
                                 "The first 24 test images: predicted class (true class, in red "
                                 "when wrong)",
                                 pictures.style()),
                "test images with their predicted and true classes");
  pictures.report();
  return cli::kExitOk;
}

cli::ProgramSpec fashion_spec() {
  cli::ProgramSpec p;
  p.name = "course2.fashion";
  p.lecture = "C2 3.5, 3.9";
  p.summary = "the ten classes of Fashion-MNIST: batch norm, softmax and Adam";
  p.options = {
      cli::number_option("--epochs", cli::Kind::kInteger, "N", "5", cli::Bound::kNonNegative,
                         "passes over the training set", 1000),
      cli::number_option("--batch-size", cli::Kind::kInteger, "N", "64", cli::Bound::kPositive,
                         "examples per mini-batch", 60000),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.002", cli::Bound::kPositive,
                         "Adam's learning rate alpha0"),
      cli::number_option("--decay-rate", cli::Kind::kReal, "X", "1", cli::Bound::kNonNegative,
                         "learning rate decay: alpha0 / (1 + X (epoch - 1)) in each epoch"),
      cli::flag_option("--no-batch-norm", "hidden layers Z = W A + b, without batch norm"),
      cli::number_option("--train-size", cli::Kind::kInteger, "N", "0", cli::Bound::kNonNegative,
                         "train on the first N training images (0: all 60000)", 60000),
      cli::seed_option("1", "the start (He initialization) and each epoch's order"),
      cli::text_option("--fashion-dir", "DIR", "",
                       "the folder of Fashion-MNIST's four files (default: Debian's "
                       "/usr/share/datasets/fashion-mnist)"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.validate = cli::validate_plots;
  p.details = {
      "Trains the network 784-256-128-10 (ReLU hidden layers with batch norm, softmax output) "
      "on the ten classes with Adam, and prints for each epoch 'Epoch N: cost C, train accuracy "
      "A, test accuracy T': the mean cost and the accuracy of the epoch's mini-batches as they "
      "were trained, then the accuracy on the 10000 test images at test time (batch norm with "
      "its running averages). Then 'training: S s (N epochs)', the time of the training steps.",
      "With --plots DIR draws fashion_cost.png (the cost during training), "
      "fashion_confusion.png (the confusion matrix of the test set) and fashion_predictions.png "
      "(24 test images with their predicted classes). Your code runs: softmax, one_hot, "
      "compute_cost, softmax_backward, predict, batchnorm_forward, batchnorm_backward, "
      "update_running_averages, batchnorm_at_test_time and the network's forward and backward "
      "propagation.",
  };
  return p;
}
DLC_PROGRAM(fashion_spec, fashion_run);

// ---- C2 3.6: why batch norm works ----

/// The 15.9th, 50th and 84.1st percentiles of row `unit` of `Z` (the middle and one standard
/// deviation either side, for a normal distribution).
void percentiles(const Matrix& Z, std::size_t unit, double& lower, double& middle, double& upper) {
  std::vector<double> row(Z.cols());
  for (std::size_t j = 0; j < Z.cols(); ++j) row[j] = Z(unit, j);
  std::sort(row.begin(), row.end());
  const auto at = [&](double q) {
    const double position = q * static_cast<double>(row.size() - 1);
    const auto below = static_cast<std::size_t>(position);
    const std::size_t above = std::min(below + 1, row.size() - 1);
    return row[below] + (position - static_cast<double>(below)) * (row[above] - row[below]);
  };
  lower = at(0.159);
  middle = at(0.5);
  upper = at(0.841);
}

/// The learning rates of `--learning-rates`: 1 to 12, each positive.
/// \throws cli::UsageError for anything else.
std::vector<double> learning_rates(const cli::Arguments& args) {
  const std::vector<double> rates =
      cli::parse_reals("--learning-rates", args.text("--learning-rates"), 1, 12);
  for (const double rate : rates) {
    if (!(rate > 0)) {
      std::ostringstream text;  // the command line's checks run without the lesson code
      text << rate;
      throw cli::UsageError("--learning-rates: " + text.str() +
                            " is not a learning rate; each must be positive");
    }
  }
  return rates;
}

int batch_norm_shift(const cli::Arguments& args, const RunContext&) {
  const auto train_size = static_cast<std::size_t>(args.integer("--train-size"));
  const auto unit = static_cast<std::size_t>(args.integer("--unit"));
  const std::vector<double> rates = learning_rates(args);
  Pictures pictures(args);
  const fashion::Data data = fashion::load_data(fashion_dir(args), train_size);
  fashion::Options o;
  o.epochs = static_cast<int>(args.integer("--epochs"));
  o.adam.learning_rate = args.real("--learning-rate");
  o.seed = cli::seed(args);

  // 1. One hidden unit's input z~[2] over training, with and without batch norm.
  std::cout << "Unit " << unit << " of hidden layer 2: its input to the relu, z~[2], on each "
            << "mini-batch (15.9th, 50th and 84.1st percentiles), " << data.train.X.cols()
            << " training images, learning rate " << python_repr(o.adam.learning_rate) << "\n";
  std::vector<plot::Band> bands;
  for (const bool batch_norm : {false, true}) {
    o.batch_norm = batch_norm;
    plot::Band band;
    band.name = batch_norm ? "with batch norm" : "without batch norm";
    const auto observe = [&](long step, const fashion::Forward& forward) {
      double lower = 0, middle = 0, upper = 0;
      percentiles(forward.caches[2].Z_tilde, unit, lower, middle, upper);
      band.x.push_back(static_cast<double>(step));
      band.lower.push_back(lower);
      band.middle.push_back(middle);
      band.upper.push_back(upper);
    };
    std::cout << band.name << ":\n";
    fashion::Trained trained;
    if (!train_or_report(data, o, trained, observe)) return cli::kExitFailure;
    const std::size_t steps = band.x.size();
    for (const std::size_t k : {std::size_t{0}, steps / 4, steps / 2, steps - 1}) {
      char line[160];
      std::snprintf(line, sizeof line,
                    "  step %5.0f: 15.9%% %8.3f   median %8.3f   84.1%% %8.3f   spread %7.3f\n",
                    band.x[k], band.lower[k], band.middle[k], band.upper[k],
                    band.upper[k] - band.lower[k]);
      std::cout << line;
    }
    bands.push_back(std::move(band));
  }

  // 2. The learning rates each tolerates: the test accuracy after training at each.
  std::cout << "\nTest accuracy after " << o.epochs << " epoch(s) at each learning rate:\n";
  char header[96];
  std::snprintf(header, sizeof header, "  %13s  %18s  %15s\n", "learning rate",
                "without batch norm", "with batch norm");
  std::cout << header;
  std::vector<plot::Curve> accuracy_curves{{"without batch norm", {}, {}},
                                           {"with batch norm", {}, {}}};
  std::ostringstream quiet;
  for (const double rate : rates) {
    std::string cells[2];
    for (const bool batch_norm : {false, true}) {
      o.batch_norm = batch_norm;
      o.adam.learning_rate = rate;
      std::string& cell = cells[batch_norm ? 1 : 0];
      try {
        const fashion::Trained trained = fashion::train(data, o, quiet);
        const double test = trained.epochs.back().test_accuracy;
        cell = python_repr(test);
        plot::Curve& curve = accuracy_curves[batch_norm ? 1 : 0];
        curve.x.push_back(rate);
        curve.y.push_back(test);
      } catch (const TrainingDiverged& e) {
        cell = "diverged";
      }
    }
    char line[128];
    std::snprintf(line, sizeof line, "  %13s  %18s  %15s\n", python_repr(rate).c_str(),
                  cells[0].c_str(), cells[1].c_str());
    std::cout << line;
  }
  std::cout << std::flush;

  if (pictures.enabled()) {
    plot::Axes shift_axes;
    shift_axes.title = "Hidden layer 2, unit " + std::to_string(unit) +
                       ": the input of its relu on each mini-batch";
    shift_axes.xlabel = "step";
    shift_axes.ylabel = "z~ (15.9th, 50th, 84.1st percentiles)";
    pictures.made(
        plot::bands(pictures.path("batch_norm_shift.png"), bands, shift_axes, pictures.style()),
        "a hidden unit's input over training, with and without batch norm");
    plot::Axes rate_axes;
    rate_axes.title = "Test accuracy after " + std::to_string(o.epochs) +
                      " epoch(s) against Adam's learning rate";
    rate_axes.xlabel = "learning rate (log scale)";
    rate_axes.ylabel = "test accuracy";
    rate_axes.log_x = true;
    pictures.made(plot::line_plot(pictures.path("batch_norm_learning_rates.png"), accuracy_curves,
                                  rate_axes, false, pictures.style()),
                  "the learning rates each network tolerates");
    pictures.report();
  }
  return cli::kExitOk;
}

cli::ProgramSpec batch_norm_shift_spec() {
  cli::ProgramSpec p;
  p.name = "course2.batch_norm_shift";
  p.lecture = "C2 3.6";
  p.summary = "why batch norm works: a hidden unit's input over training, and learning rates";
  p.options = {
      cli::number_option("--train-size", cli::Kind::kInteger, "N", "10000", cli::Bound::kPositive,
                         "train on the first N training images", 60000),
      cli::number_option("--epochs", cli::Kind::kInteger, "N", "1", cli::Bound::kPositive,
                         "epochs of each run", 100),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.001", cli::Bound::kPositive,
                         "Adam's learning rate for the first experiment"),
      cli::number_option("--unit", cli::Kind::kInteger, "K", "0", cli::Bound::kNonNegative,
                         "the unit of hidden layer 2 watched (0 to 127)", 127),
      cli::text_option("--learning-rates", "X,Y,...", "0.0003,0.001,0.003,0.01,0.03,0.1,0.3",
                       "the learning rates of the second experiment"),
      cli::seed_option("1", "the start and the orders of every run"),
      cli::text_option("--fashion-dir", "DIR", "",
                       "the folder of Fashion-MNIST's four files (default: Debian's "
                       "/usr/share/datasets/fashion-mnist)"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.validate = [](const cli::Arguments& args) {
    cli::validate_plots(args);
    learning_rates(args);
  };
  p.details = {
      "Lecture C2 3.6 made visible on Fashion-MNIST with the network of course2.fashion. First, "
      "the distribution of one hidden unit's input over training: without batch norm it drifts "
      "and spreads as the layers before it learn (the covariate shift); with batch norm its "
      "mean and spread stay where beta and gamma put them. Second, the test accuracy after "
      "training at each learning rate, with and without batch norm: batch norm tolerates a "
      "wider range.",
      "With --plots DIR draws batch_norm_shift.png and batch_norm_learning_rates.png. Your code "
      "runs: the same as course2.fashion.",
  };
  return p;
}
DLC_PROGRAM(batch_norm_shift_spec, batch_norm_shift);

}  // namespace

}  // namespace dlc::runner
