/// \file
/// \brief Lecture C2 2.2's choice of the mini-batch size, measured: the moons trained by plain
/// gradient descent with mini-batches of m (batch), 1 (stochastic) and 64, the cost of every
/// step; and the time of one epoch for sizes 1 to m.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"
#include "common/training.hpp"
#include "course2/initialization.hpp"
#include "course2/learning_rate_decay.hpp"
#include "course2/mini_batch.hpp"

namespace dlc::runner {

namespace {

namespace decay = course2::learning_rate_decay;
namespace mb = course2::mini_batch;

/// The week's network [2, 5, 2, 1], as the notebook's model builds it.
const course2::LayerDims kLayers = {2, 5, 2, 1};

/// One training run: the cost of each mini-batch step (averaged over that mini-batch).
struct StepCosts {
  std::vector<double> costs;
  bool diverged = false;
};

/// One step of gradient descent on one mini-batch; returns the mini-batch's average cost.
double gd_step(course2::Parameters& parameters, const mb::MiniBatch& batch, double learning_rate) {
  course2::Gradients grads;
  double cost = 0.0;
  {
    const auto [a3, cache] = course2::forward_propagation(batch.mini_batch_X, parameters);
    cost = decay::compute_cost(a3, batch.mini_batch_Y) /
           static_cast<double>(batch.mini_batch_Y.cols());
    grads = course2::backward_propagation(batch.mini_batch_X, batch.mini_batch_Y, cache);
  }  // the cache's copies of W and b are gone: the update writes in place
  parameters = mb::update_parameters_with_gd(std::move(parameters), grads, learning_rate);
  return cost;
}

/// `updates` steps of gradient descent with mini-batches of `size` (He initialization, new
/// mini-batches each epoch from seeds seed + 1, seed + 2, ...), recording each step's cost.
StepCosts train_steps(const ToyData& d, int size, long updates, double learning_rate,
                      std::uint32_t seed) {
  StepCosts run;
  course2::Parameters parameters = course2::initialization::initialize_parameters_he(kLayers);
  while (static_cast<long>(run.costs.size()) < updates) {
    seed = seed + 1;
    for (const auto& batch : mb::random_mini_batches(d.X, d.Y, size, seed)) {
      if (static_cast<long>(run.costs.size()) == updates) break;
      const double cost = gd_step(parameters, batch, learning_rate);
      if (!std::isfinite(cost)) {
        run.diverged = true;
        return run;
      }
      run.costs.push_back(cost);
    }
  }
  return run;
}

/// The median of the times of `epochs` epochs with mini-batches of `size`, in milliseconds
/// (each epoch: the shuffle and partition, then forward, backward and update per mini-batch).
double epoch_ms(const ToyData& d, int size, long epochs, double learning_rate, std::uint32_t seed) {
  course2::Parameters parameters = course2::initialization::initialize_parameters_he(kLayers);
  std::vector<double> times;
  double sink = 0.0;
  for (long e = 0; e < epochs; ++e) {
    seed = seed + 1;
    const auto start = std::chrono::steady_clock::now();
    for (const auto& batch : mb::random_mini_batches(d.X, d.Y, size, seed))
      sink += gd_step(parameters, batch, learning_rate);
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    times.push_back(took.count());
  }
  if (sink < 0.0) std::cout << "";  // keeps the work observable
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

/// `dlc run course2.batch_sizes`: the three mini-batch sizes' cost curves and the time of an
/// epoch against the size.
int batch_sizes(const cli::Arguments& args, const RunContext&) {
  const long updates = args.integer("--updates");
  const long epochs = args.integer("--epochs");
  const double learning_rate = args.real("--learning-rate");
  const std::uint32_t seed = cli::seed(args);
  Pictures pictures(args);
  const ToyData d = decay::load_dataset();
  const int m = static_cast<int>(d.X.cols());

  // Part 1: the same number of updates with each size.
  std::cout << "Plain gradient descent on the moons (m = " << m
            << "), layers [2, 5, 2, 1], He initialization, learning rate "
            << python_repr(learning_rate) << ", " << updates << " updates each:\n";
  struct Run {
    std::string name;
    int size;
    StepCosts steps;
  };
  std::vector<Run> runs = {{"batch (size m = " + std::to_string(m) + ")", m, {}},
                           {"mini-batch (size 64)", 64, {}},
                           {"stochastic (size 1)", 1, {}}};
  {
    char header[160];
    std::snprintf(header, sizeof header, "  %-24s %8s %12s %12s %14s\n", "run", "epochs",
                  "first cost", "last cost", "last 50 mean");
    std::cout << header;
  }
  for (Run& r : runs) {
    r.steps = train_steps(d, r.size, updates, learning_rate, seed);
    if (r.steps.diverged) {
      std::cout.flush();
      std::cerr << "dlc: training diverged with mini-batches of " << r.size << " at update "
                << r.steps.costs.size() << " (learning rate " << python_repr(learning_rate)
                << "); try a smaller learning rate\n";
      return cli::kExitFailure;
    }
    const std::vector<double>& c = r.steps.costs;
    const std::size_t tail = std::min<std::size_t>(50, c.size());
    double tail_sum = 0.0;
    for (std::size_t k = c.size() - tail; k < c.size(); ++k) tail_sum += c[k];
    const double per_epoch = std::ceil(static_cast<double>(m) / r.size);
    char line[160];
    std::snprintf(line, sizeof line, "  %-24s %8.1f %12.6f %12.6f %14.6f\n", r.name.c_str(),
                  static_cast<double>(c.size()) / per_epoch, c.empty() ? NAN : c.front(),
                  c.empty() ? NAN : c.back(), tail == 0 ? NAN : tail_sum / tail);
    std::cout << line;
  }

  // Part 2: the time of one epoch against the size.
  std::cout << "\nThe time of one epoch (median of " << epochs
            << " epochs: shuffle, then forward, backward and update per mini-batch):\n";
  {
    char header[160];
    std::snprintf(header, sizeof header, "  %6s %10s %14s %16s\n", "size", "batches",
                  "ms per epoch", "us per example");
    std::cout << header;
  }
  std::vector<double> sizes, ms;
  for (const int size : {1, 8, 32, 64, 128, 256, m}) {
    const double t = epoch_ms(d, size, std::max(1L, epochs), learning_rate, seed);
    sizes.push_back(size);
    ms.push_back(t);
    char line[160];
    std::snprintf(line, sizeof line, "  %6d %10d %14.3f %16.2f\n", size, (m + size - 1) / size, t,
                  1000.0 * t / m);
    std::cout << line;
  }
  std::cout << std::flush;

  if (pictures.enabled()) {
    std::vector<plot::Curve> curves;
    for (const Run& r : runs) {
      std::vector<double> x;
      for (std::size_t k = 0; k < r.steps.costs.size(); ++k) x.push_back(static_cast<double>(k));
      curves.push_back(plot::Curve{r.name, x, r.steps.costs});
    }
    std::reverse(curves.begin(), curves.end());  // the smooth curve drawn last, on top
    plot::Axes axes;
    axes.title = "Cost of each mini-batch step, learning rate " + python_repr(learning_rate);
    axes.xlabel = "update";
    axes.ylabel = "cost of the mini-batch";
    pictures.made(plot::line_plot(pictures.path("batch_sizes_cost.png"), curves, axes, false,
                                  pictures.style()),
                  "the cost of each step with mini-batches of m, 64 and 1");
    plot::Axes time_axes;
    time_axes.title = "Time of one epoch over the " + std::to_string(m) + " moons";
    time_axes.xlabel = "mini-batch size (log scale)";
    time_axes.ylabel = "ms per epoch (log scale)";
    time_axes.log_x = true;
    pictures.made(plot::line_plot(pictures.path("batch_sizes_time.png"),
                                  {plot::Curve{"ms per epoch", sizes, ms}}, time_axes, true,
                                  pictures.style()),
                  "the time of one epoch against the mini-batch size");
    pictures.report();
  }
  return cli::kExitOk;
}

cli::ProgramSpec batch_sizes_spec() {
  cli::ProgramSpec p;
  p.name = "course2.batch_sizes";
  p.lecture = "C2 2.2";
  p.summary =
      "batch, mini-batch and stochastic gradient descent: noise of the cost, time per epoch";
  p.options = {
      cli::number_option("--updates", cli::Kind::kInteger, "N", "1500", cli::Bound::kPositive,
                         "parameter updates of each of the three runs", 1000000),
      cli::number_option("--epochs", cli::Kind::kInteger, "N", "51", cli::Bound::kPositive,
                         "epochs timed for each size (the median is printed)", 100000),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.05", cli::Bound::kPositive,
                         "the learning rate alpha of every run"),
      cli::seed_option("10", "the shuffles: seeds N + 1, N + 2, ..., one per epoch"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "The optimization notebook's moons (make_moons(300, noise=.2), seed 3) and the week's "
      "network [2, 5, 2, 1] with He initialization, trained by plain gradient descent with "
      "mini-batches of m = 300 (batch gradient descent), 64 and 1 (stochastic) for the same "
      "number of updates; prints each run's epochs, first and last step's cost (the cost of "
      "that mini-batch, averaged over its examples) and the mean of the last 50. Then times "
      "one epoch with mini-batches of 1, 8, 32, 64, 128, 256 and m: the size, the mini-batches "
      "per epoch, the milliseconds per epoch (median) and the microseconds per example.",
      "With --plots DIR draws batch_sizes_cost.png (the three runs' step costs against the "
      "update) and batch_sizes_time.png (ms per epoch against the size, both on log scales). "
      "Your code runs: random_mini_batches and update_parameters_with_gd.",
  };
  return p;
}
DLC_PROGRAM(batch_sizes_spec, batch_sizes);

}  // namespace

}  // namespace dlc::runner
