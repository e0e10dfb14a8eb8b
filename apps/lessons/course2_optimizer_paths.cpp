/// \file
/// \brief `dlc run course2.optimizer_paths`, lectures C2 2.6-2.8 and 2.10: gradient descent,
/// momentum, RMSprop and Adam on an elongated bowl (the lectures' oscillation picture) and on a
/// saddle (the plateau of C2 2.10), each step taken by the lesson's own update functions.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"
#include "course2/initialization.hpp"
#include "course2/mini_batch.hpp"
#include "course2/optimizers.hpp"

namespace dlc::runner {

namespace {

namespace opt = course2::optimizers;
using course2::Gradients;
using course2::Parameters;

/// A cost of two weights and its gradient: J(w) = (a w1^2 + b w2^2) / 2, so dJ/dw = (a w1, b w2).
/// a = 1, b = 50 is the elongated bowl; a = 1, b = -1 the saddle.
struct Quadratic {
  double a;  ///< the curvature along w1
  double b;  ///< the curvature along w2 (negative: a saddle)
  double cost(double w1, double w2) const { return (a * w1 * w1 + b * w2 * w2) / 2.0; }
};

/// A cost in the table: three significant digits in scientific notation, `1.23e-04`.
std::string sci(double x) {
  std::ostringstream out;
  out << std::scientific << std::setprecision(2) << x;
  return out.str();
}

/// The four optimizers, in the order of the table and the legends.
enum class Method { kGd, kMomentum, kRmsprop, kAdam };
const std::vector<Method> kMethods = {Method::kGd, Method::kMomentum, Method::kRmsprop,
                                      Method::kAdam};

std::string name_of(Method m) {
  switch (m) {
    case Method::kGd:
      return "gd";
    case Method::kMomentum:
      return "momentum";
    case Method::kRmsprop:
      return "rmsprop";
    case Method::kAdam:
      return "adam";
  }
  return "";
}

/// The default learning rates: gradient descent and momentum as large as the narrow direction
/// (curvature 50) allows without diverging (alpha < 2 / 50), RMSprop and Adam, whose steps are
/// about alpha long whatever the gradient, 0.1.
double default_rate(Method m) {
  switch (m) {
    case Method::kGd:
      return 0.035;
    case Method::kMomentum:
      return 0.1;
    case Method::kRmsprop:
      return 0.05;
    case Method::kAdam:
      return 0.1;
  }
  return 0.0;
}

/// The point (w1, w2) as the lesson's parameters: W[1] = [w1 w2], b[1] = [0].
Parameters point(double w1, double w2) {
  Parameters p;
  p.W = {Matrix(), Matrix{{w1, w2}}};
  p.b = {Matrix(), Matrix(1, 1)};
  return p;
}

/// The gradient of J at the parameters' point: dW[1] = [a w1, b w2], db[1] = [0].
Gradients gradient(const Quadratic& j, const Parameters& p) {
  Gradients g;
  g.dW = {Matrix(), Matrix{{j.a * p.W[1](0, 0), j.b * p.W[1](0, 1)}}};
  g.db = {Matrix(), Matrix(1, 1)};
  return g;
}

/// The path of one optimizer: the points w_0 (the start), w_1, ..., w_steps, as a curve.
plot::Curve run(Method m, const Quadratic& j, double w1, double w2, int steps,
                double learning_rate) {
  Parameters p = point(w1, w2);
  opt::Averages v = opt::initialize_velocity(p);
  opt::AdamAverages adam = opt::initialize_adam(p);
  opt::Averages s = adam.s;
  plot::Curve path{name_of(m) + ", alpha = " + plain(learning_rate), {w1}, {w2}};
  for (int t = 1; t <= steps; ++t) {
    const Gradients grads = gradient(j, p);
    switch (m) {
      case Method::kGd:
        p = course2::mini_batch::update_parameters_with_gd(std::move(p), grads, learning_rate);
        break;
      case Method::kMomentum: {
        auto step = opt::update_parameters_with_momentum(std::move(p), grads, std::move(v), 0.9,
                                                         learning_rate);
        p = std::move(step.parameters);
        v = std::move(step.v);
        break;
      }
      case Method::kRmsprop: {
        auto step = opt::update_parameters_with_rmsprop(std::move(p), grads, std::move(s), 0.9,
                                                        learning_rate, 1e-8);
        p = std::move(step.parameters);
        s = std::move(step.s);
        break;
      }
      case Method::kAdam: {
        auto step = opt::update_parameters_with_adam(std::move(p), grads, std::move(adam.v),
                                                     std::move(adam.s), t, learning_rate);
        p = std::move(step.parameters);
        adam.v = std::move(step.v);
        adam.s = std::move(step.s);
        break;
      }
    }
    check_result(name_of(m), "its W[1]", p.W[1], Shape{1, 2});
    path.x.push_back(p.W[1](0, 0));
    path.y.push_back(p.W[1](0, 1));
  }
  return path;
}

/// The steps of the cost table: 0, 1, 2, 5, 10, 20, 50, 100, ... up to `steps`, and `steps`.
std::vector<int> table_steps(int steps) {
  std::vector<int> out;
  for (int t = 1, k = 0; t < steps; t = (k % 3 == 1 ? t * 5 / 2 : t * 2), ++k) out.push_back(t);
  out.insert(out.begin(), 0);
  out.push_back(steps);
  return out;
}

/// `dlc run course2.optimizer_paths`.
int optimizer_paths_program(const cli::Arguments& args, const RunContext&) {
  const int steps = static_cast<int>(args.integer("--steps"));
  Pictures pictures(args);
  auto rate = [&](Method m) {
    return args.has("--learning-rate") ? args.real("--learning-rate") : default_rate(m);
  };

  const Quadratic bowl{1.0, 50.0};
  const double start1 = -4.0, start2 = 1.0;
  std::cout << "Lectures C2 2.6-2.8: J(w1, w2) = (w1^2 + 50 w2^2) / 2, an elongated bowl with "
               "its minimum\nat (0, 0), from ("
            << plain(start1) << ", " << plain(start2) << "); " << steps
            << " steps of each optimizer (momentum beta = 0.9, RMSprop beta2 = 0.9,\nAdam "
               "0.9 and 0.999, epsilon 1e-8), the point as W[1] = [w1 w2] and dW[1] = [w1, 50 "
               "w2].\n\n";
  std::vector<plot::Curve> paths;
  for (const Method m : kMethods) paths.push_back(run(m, bowl, start1, start2, steps, rate(m)));

  std::cout << "J after step";
  for (const Method m : kMethods) std::cout << std::setw(13) << name_of(m);
  std::cout << '\n';
  for (const int t : table_steps(steps)) {
    std::cout << std::setw(12) << t;
    for (const auto& path : paths)
      std::cout << std::setw(13) << sci(bowl.cost(path.x[t], path.y[t]));
    std::cout << '\n';
  }
  std::cout << "alpha       ";
  for (const Method m : kMethods) std::cout << std::setw(13) << plain(rate(m));
  std::cout << "\n\nThe zig-zag across the narrow direction: the steps on which w2 changes sign:";
  for (std::size_t i = 0; i < paths.size(); ++i) {
    int flips = 0;
    for (std::size_t t = 1; t < paths[i].y.size(); ++t)
      if (paths[i].y[t] * paths[i].y[t - 1] < 0.0) ++flips;
    std::cout << (i == 0 ? "\n  " : ", ") << name_of(kMethods[i]) << ' ' << flips;
  }
  std::cout << " (of " << steps << ").\n";

  // C2 2.10: the saddle J = (w1^2 - w2^2) / 2, from just off its ridge w2 = 0.
  const Quadratic saddle{1.0, -1.0};
  const double offset = 1e-3;
  const int saddle_steps = 3 * steps;
  std::cout << "\nLecture C2 2.10: the saddle J(w1, w2) = (w1^2 - w2^2) / 2 from (" << plain(start1)
            << ", " << plain(offset) << "), " << saddle_steps
            << " steps: the gradient along w2\nis tiny near the ridge, a plateau; the step at "
               "which |w2| first exceeds 1 (the way off the saddle):\n";
  std::vector<plot::Curve> saddle_paths;
  for (const Method m : kMethods) {
    plot::Curve path = run(m, saddle, start1, offset, saddle_steps, rate(m));
    std::size_t left = 0;
    for (std::size_t t = 0; t < path.y.size() && left == 0; ++t)
      if (std::abs(path.y[t]) > 1.0) left = t;
    std::cout << "  " << std::left << std::setw(9) << name_of(m) << std::right;
    if (left > 0)
      std::cout << "step " << left << '\n';
    else
      std::cout << "still on the plateau after " << saddle_steps
                << " steps (|w2| = " << sci(std::abs(path.y.back())) << ")\n";
    // Keep the picture's part: up to the first point beyond |w2| = 3.
    std::size_t keep = 0;
    while (keep < path.y.size() && std::abs(path.y[keep]) <= 3.0) ++keep;
    path.x.resize(std::min(path.x.size(), keep + 1));
    path.y.resize(path.x.size());
    saddle_paths.push_back(std::move(path));
  }
  std::cout << std::flush;

  if (pictures.enabled()) {
    plot::ContourChart c;
    c.axes.title = "J = (w1^2 + 50 w2^2) / 2 and " + std::to_string(steps) + " steps of each";
    c.axes.xlabel = "w1";
    c.axes.ylabel = "w2";
    c.f = [bowl](double w1, double w2) { return bowl.cost(w1, w2); };
    c.x_min = -4.5;
    c.x_max = 1.0;
    c.y_min = -1.5;
    c.y_max = 1.5;
    c.levels = {0.05, 0.2, 0.5, 1.0, 2.0, 4.0, 8.0, 12.0, 20.0};
    c.levels_title = "contours of J";
    c.paths = paths;
    c.samples = 241;
    plot::Style style = pictures.style();
    style.width = 1000;
    style.height = 640;
    pictures.made(plot::contour(pictures.path("optimizer_paths.png"), c, style),
                  "the four paths over the bowl's contours");

    std::vector<plot::Curve> costs;
    for (const auto& path : paths) {
      plot::Curve curve{path.name, {}, {}};
      for (std::size_t t = 0; t < path.x.size(); ++t) {
        curve.x.push_back(static_cast<double>(t));
        curve.y.push_back(std::max(bowl.cost(path.x[t], path.y[t]), 1e-300));
      }
      costs.push_back(std::move(curve));
    }
    plot::Axes axes;
    axes.title = "J(w1, w2) = (w1^2 + 50 w2^2) / 2 against the step";
    axes.xlabel = "step";
    axes.ylabel = "J";
    pictures.made(plot::line_plot(pictures.path("optimizer_paths_cost.png"), costs, axes, true,
                                  pictures.style()),
                  "J against the step, log scale");

    plot::ContourChart sc;
    sc.axes.title = "The saddle J = (w1^2 - w2^2) / 2, from (-4, 0.001)";
    sc.axes.xlabel = "w1";
    sc.axes.ylabel = "w2";
    sc.f = [saddle](double w1, double w2) { return saddle.cost(w1, w2); };
    sc.x_min = -4.5;
    sc.x_max = 4.5;
    sc.y_min = -3.5;
    sc.y_max = 3.5;
    sc.levels = {-4.0, -2.0, -1.0, -0.25, 0.0, 0.25, 1.0, 2.0, 4.0, 8.0};
    sc.levels_title = "contours of J";
    sc.paths = saddle_paths;
    pictures.made(plot::contour(pictures.path("optimizer_saddle.png"), sc, style),
                  "the four paths leaving the saddle");
  }
  pictures.report();
  return cli::kExitOk;
}

cli::ProgramSpec optimizer_paths_spec() {
  cli::ProgramSpec p;
  p.name = "course2.optimizer_paths";
  p.lecture = "C2 2.6-2.8, 2.10";
  p.summary = "gradient descent, momentum, RMSprop and Adam on an elongated bowl and a saddle";
  p.options = {
      cli::number_option("--steps", cli::Kind::kInteger, "N", "100", cli::Bound::kPositive,
                         "the steps of each optimizer", 100000),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "", cli::Bound::kPositive,
                         "alpha for all four (default: gd 0.035, momentum 0.1, RMSprop "
                         "0.05, Adam 0.1)"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "Lectures C2 2.6-2.8: on J(w1, w2) = (w1^2 + 50 w2^2) / 2 from (-4, 1), --steps steps of "
      "gradient descent, momentum (beta 0.9), RMSprop (beta2 0.9) and Adam (0.9, 0.999), with "
      "a table of J after steps 0, 1, 2, 5, 10, 20, 50, ... and the last. Gradient descent "
      "zig-zags across the narrow direction, momentum damps the zig-zag, RMSprop and Adam take "
      "steps of about alpha in both directions.",
      "Lecture C2 2.10: on the saddle J = (w1^2 - w2^2) / 2 from (-4, 0.001), the step at which "
      "|w2| first exceeds 1, for each optimizer, in 3 --steps steps.",
      "With pictures: optimizer_paths.png (the four paths over the bowl's contours), "
      "optimizer_paths_cost.png (J against the step, log scale) and optimizer_saddle.png (the "
      "paths leaving the saddle).",
      "Your code runs: update_parameters_with_gd (course2/mini_batch.cpp), initialize_velocity, "
      "update_parameters_with_momentum, initialize_adam, update_parameters_with_rmsprop and "
      "update_parameters_with_adam (course2/optimizers.cpp).",
  };
  p.validate = [](const cli::Arguments& args) { cli::validate_plots(args); };
  return p;
}
DLC_PROGRAM(optimizer_paths_spec, optimizer_paths_program);

}  // namespace

}  // namespace dlc::runner
