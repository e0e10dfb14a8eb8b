/// \file
/// \brief `dlc run course2.normalizing_inputs`, lecture C2 1.9: the week's network trained on
/// inputs whose two features have very different scales, raw and normalized, at several learning
/// rates; and the picture of the lecture, the elongated and the round contours of a two-weight
/// cost with the path of gradient descent on each.

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
#include "common/random.hpp"
#include "common/training.hpp"
#include "course2/initialization.hpp"
#include "course2/normalizing_inputs.hpp"

namespace dlc::runner {

namespace {

namespace ni = course2::normalizing_inputs;

// ---- The week's network on stretched circles ----

/// The circles with their second feature stretched: x2 := scale * x2 + shift.
Matrix stretch_x2(Matrix X, double scale, double shift) {
  for (std::size_t i = 0; i < X.cols(); ++i) X(1, i) = scale * X(1, i) + shift;
  return X;
}

/// How one training run went.
struct Run {
  double learning_rate = 0.0;
  long reached = -1;        ///< the first iteration whose cost is at most the target, or -1
  long diverged_at = -1;    ///< the iteration whose cost became NaN or infinite, or -1
  double final_cost = 0.0;  ///< the cost when the run stopped
  int dead_units = 0;       ///< hidden ReLU units that output 0 on every example at the end
  course2::Parameters parameters;
};

/// The week's network [n_x, 10, 5, 1], He-initialized, trained by gradient descent with the
/// given code (forward_propagation, compute_cost, backward_propagation, update_parameters) until
/// its cost is at most `target`, it diverges, or `max_iterations` steps are done. It diverges
/// when its cost becomes NaN, or infinite after it was finite (a cost that starts infinite, a
/// sigmoid saturated by unscaled inputs, has not diverged).
Run train(const Matrix& X, const Matrix& Y, double learning_rate, long max_iterations,
          double target) {
  Run run;
  run.learning_rate = learning_rate;
  run.parameters =
      course2::initialization::initialize_parameters_he({static_cast<int>(X.rows()), 10, 5, 1});
  bool finite_before = false;
  for (long i = 0;; ++i) {
    const auto [a3, cache] = course2::forward_propagation(X, run.parameters);
    const double cost = course2::compute_cost(a3, Y);
    run.final_cost = cost;
    run.dead_units = 0;
    for (std::size_t l = 1; l <= 2; ++l)
      for (std::size_t j = 0; j < cache.A[l].rows(); ++j) {
        bool dead = true;
        for (std::size_t i = 0; i < cache.A[l].cols() && dead; ++i) dead = cache.A[l](j, i) == 0.0;
        run.dead_units += dead ? 1 : 0;
      }
    if (std::isnan(cost) || (finite_before && !std::isfinite(cost))) {
      run.diverged_at = i;
      return run;
    }
    if (cost <= target) {
      run.reached = i;
      return run;
    }
    if (i == max_iterations) return run;
    finite_before = finite_before || std::isfinite(cost);
    const course2::Gradients grads = course2::backward_propagation(X, Y, cache);
    run.parameters = course2::update_parameters(run.parameters, grads, learning_rate);
  }
}

/// One cell of the table: `1234`, `diverged at 17`, `not in 10000 (0.6931)`.
std::string cell(const Run& run, long max_iterations) {
  std::ostringstream os;
  if (run.reached >= 0) {
    os << run.reached;
  } else if (run.diverged_at >= 0) {
    os << "diverged at " << run.diverged_at;
  } else {
    os << "not in " << max_iterations << " (" << std::fixed << std::setprecision(4)
       << run.final_cost;
    if (run.dead_units > 0) os << ", " << run.dead_units << " dead";
    os << ")";
  }
  return os.str();
}

/// The share of predictions equal to the labels (the network's a3 > 0.5).
double accuracy(const Matrix& X, const Matrix& Y, const course2::Parameters& parameters) {
  const Matrix p = course2::predict_dec(parameters, X);
  return sum(equal(p, Y)) / static_cast<double>(Y.cols());
}

// ---- The two-weight picture ----

/// Linear regression with two features and no bias, y_hat = w1 x1 + w2 x2, on centered data:
/// J(w) = 1/(2m) sum_i (w^T x(i) - y(i))^2, whose contours are ellipses.
struct TwoWeights {
  Matrix X;  ///< (2, m)
  Matrix y;  ///< (1, m)
  /// The cost at (w1, w2).
  double cost(double w1, double w2) const {
    const double m = static_cast<double>(X.cols());
    double s = 0.0;
    for (std::size_t i = 0; i < X.cols(); ++i) {
      const double r = w1 * X(0, i) + w2 * X(1, i) - y(0, i);
      s += r * r;
    }
    return s / (2.0 * m);
  }
  /// The largest curvature of J, the largest eigenvalue of X X^T / m: gradient descent
  /// diverges for learning rates above 2 / it.
  double largest_curvature() const {
    const double m = static_cast<double>(X.cols());
    const Matrix H = dot(X, X.T()) / m;
    const double a = H(0, 0), b = H(0, 1), d = H(1, 1);
    return 0.5 * (a + d) + std::sqrt(0.25 * (a - d) * (a - d) + b * b);
  }
  /// The minimum of J, by the normal equations (X X^T) w = X y^T.
  std::vector<double> minimum() const {
    const Matrix H = dot(X, X.T());
    const Matrix g = dot(X, y.T());
    const double det = H(0, 0) * H(1, 1) - H(0, 1) * H(1, 0);
    return {(H(1, 1) * g(0, 0) - H(0, 1) * g(1, 0)) / det,
            (H(0, 0) * g(1, 0) - H(1, 0) * g(0, 0)) / det};
  }
  /// `steps` steps of gradient descent from `start`, every point visited.
  plot::Curve descend(std::vector<double> w, double learning_rate, int steps,
                      const std::string& name) const {
    const double m = static_cast<double>(X.cols());
    plot::Curve path{name, {w[0]}, {w[1]}};
    for (int k = 0; k < steps; ++k) {
      double g0 = 0.0, g1 = 0.0;
      for (std::size_t i = 0; i < X.cols(); ++i) {
        const double r = w[0] * X(0, i) + w[1] * X(1, i) - y(0, i);
        g0 += r * X(0, i) / m;  // dJ/dw1 = 1/m sum_i r(i) x1(i)
        g1 += r * X(1, i) / m;  // dJ/dw2 = 1/m sum_i r(i) x2(i)
      }
      w[0] -= learning_rate * g0;
      w[1] -= learning_rate * g1;
      path.x.push_back(w[0]);
      path.y.push_back(w[1]);
    }
    return path;
  }
};

/// The picture's data: m = 100 examples, x1 of spread about 1 and x2 of spread about
/// `x2_scale`, centered, with y = 2 x1 + 0.3 x2 + noise.
TwoWeights picture_data(double x2_scale, std::uint32_t seed) {
  RandomState rng(seed);
  const std::size_t m = 100;
  Matrix X = rng.randn(2, m);
  for (std::size_t i = 0; i < m; ++i) X(1, i) *= x2_scale;
  const Matrix noise = rng.randn(1, m);
  Matrix y(1, m);
  for (std::size_t i = 0; i < m; ++i) y(0, i) = 2.0 * X(0, i) + 0.3 * X(1, i) + 0.5 * noise(0, i);
  X = X - mean(X, 1);  // centered: the model needs no bias, and only the scales differ
  y = y - mean(y);
  return TwoWeights{X, y};
}

/// One panel: the cost's contours around the minimum and the path of gradient descent.
plot::ContourChart panel(const TwoWeights& model, const plot::Curve& path,
                         const std::vector<double>& w_min, const std::string& title,
                         double learning_rate) {
  plot::ContourChart c;
  c.axes.title = title;
  c.axes.xlabel = "w1";
  c.axes.ylabel = "w2";
  double half_x = 0.0, half_y = 0.0;
  for (std::size_t k = 0; k < path.x.size(); ++k) {
    half_x = std::max(half_x, std::abs(path.x[k] - w_min[0]));
    half_y = std::max(half_y, std::abs(path.y[k] - w_min[1]));
  }
  const double half = 1.15 * std::max(half_x, half_y);  // a square, so that round looks round
  c.x_min = w_min[0] - half;
  c.x_max = w_min[0] + half;
  c.y_min = w_min[1] - half;
  c.y_max = w_min[1] + half;
  const double j_min = model.cost(w_min[0], w_min[1]);
  const double j_start = model.cost(path.x.front(), path.y.front());
  for (const double f : {0.01, 0.04, 0.1, 0.2, 0.35, 0.55, 0.8, 1.1})
    c.levels.push_back(j_min + f * (j_start - j_min));
  c.levels_title = "contours of J";
  c.f = [model](double w1, double w2) { return model.cost(w1, w2); };
  plot::Curve descent = path;
  descent.name = "gradient descent, alpha = " + fixed(learning_rate, 4);
  c.paths = {descent, plot::Curve{"minimum", {w_min[0]}, {w_min[1]}}};
  return c;
}

/// Steps until the cost is within `tolerance` of its minimum (relative to where it started).
int steps_to_minimum(const TwoWeights& model, const plot::Curve& path, double tolerance) {
  const double j_min = model.cost(model.minimum()[0], model.minimum()[1]);
  const double j_start = model.cost(path.x.front(), path.y.front());
  for (std::size_t k = 0; k < path.x.size(); ++k)
    if (model.cost(path.x[k], path.y[k]) - j_min <= tolerance * (j_start - j_min))
      return static_cast<int>(k);
  return -1;
}

/// `dlc run course2.normalizing_inputs`.
int normalizing_inputs(const cli::Arguments& args, const RunContext&) {
  const double scale = args.real("--scale");
  const double shift = args.real("--shift");
  const double target = args.real("--target");
  const long max_iterations = args.integer("--iterations");
  const std::vector<double> rates = cli::parse_reals("--rates", args.text("--rates"), 1, 8);
  Pictures pictures(args);

  const course2::Dataset circles = course2::load_dataset();
  const Matrix train_X = stretch_x2(circles.train_X, scale, shift);
  const Matrix test_X = stretch_x2(circles.test_X, scale, shift);
  std::cout << "Lecture C2 1.9: the circles of load_dataset() with x2 stretched to " << plain(scale)
            << " * x2 + " << plain(shift) << ",\nso that x1 lies in about [-1, 1] and x2 in about ["
            << plain(shift - scale) << ", " << plain(shift + scale) << "].\n\n"
            << std::flush;

  const ni::NormalizedSets sets = ni::normalize_train_test(train_X, test_X);
  check_result("normalize_train_test", "mu", sets.mu, Shape{2, 1});
  check_result("normalize_train_test", "sigma", sets.sigma, Shape{2, 1});
  check_result("normalize_train_test", "train_X", sets.train_X, train_X.shape());
  check_result("normalize_train_test", "test_X", sets.test_X, test_X.shape());
  std::cout << "On the training set (" << train_X.cols()
            << " examples): mu = " << python_repr(sets.mu(0, 0)) << ", "
            << python_repr(sets.mu(1, 0)) << "; sigma = " << python_repr(sets.sigma(0, 0)) << ", "
            << python_repr(sets.sigma(1, 0))
            << ".\nBoth sets are normalized with these numbers: x := (x - mu) / sigma.\n\n";

  std::cout << "The week's network [2, 10, 5, 1], He initialization, gradient descent until "
               "the cost is at most "
            << plain(target) << "\n(at most " << max_iterations
            << " iterations). Iterations needed:\n\n"
            << "  learning rate   raw inputs                        normalized inputs\n"
            << std::flush;
  std::vector<Run> raw, normalized;
  for (const double rate : rates) {
    raw.push_back(train(train_X, circles.train_Y, rate, max_iterations, target));
    normalized.push_back(train(sets.train_X, circles.train_Y, rate, max_iterations, target));
    std::cout << "  " << std::left << std::setw(16) << plain(rate) << std::setw(34)
              << cell(raw.back(), max_iterations) << cell(normalized.back(), max_iterations)
              << std::right << '\n'
              << std::flush;
  }
  std::cout << "\n(a cell 'not in N (J, k dead)': the cost J where the run stopped, and the k of "
               "its 15 hidden\nReLU units that output 0 on every example: a unit that never "
               "fires never learns again.)\n";
  // The test set, through the training set's mu and sigma, with the fastest normalized run.
  const Run* best = nullptr;
  for (const Run& r : normalized)
    if (r.reached >= 0 && (best == nullptr || r.reached < best->reached)) best = &r;
  if (best != nullptr) {
    std::cout << "Normalized, learning rate " << plain(best->learning_rate) << ": train accuracy "
              << python_repr(accuracy(sets.train_X, circles.train_Y, best->parameters))
              << ", test accuracy "
              << python_repr(accuracy(sets.test_X, circles.test_Y, best->parameters))
              << " (the test set normalized with the training set's mu and sigma).\n";
  }

  // The lecture's picture: a two-weight cost, elongated on raw features and round on
  // normalized ones, and gradient descent on each with the same rule for its learning rate.
  const TwoWeights raw_model = picture_data(5.0, 1);
  const ni::NormalizationParameters p = ni::normalization_parameters(raw_model.X);
  check_result("normalization_parameters", "sigma", p.sigma, Shape{2, 1});
  const TwoWeights norm_model{ni::normalize_inputs(raw_model.X, p.mu, p.sigma), raw_model.y};
  const int steps = 25;
  const double raw_rate = 1.5 / raw_model.largest_curvature();
  const double norm_rate = 1.5 / norm_model.largest_curvature();
  const std::vector<double> raw_min = raw_model.minimum(), norm_min = norm_model.minimum();
  // The same starting model in both pictures: w_normalized = w_raw * sigma.
  const std::vector<double> raw_start{raw_min[0] - 2.0, raw_min[1] + 0.3};
  const std::vector<double> norm_start{raw_start[0] * p.sigma(0, 0), raw_start[1] * p.sigma(1, 0)};
  const plot::Curve raw_path = raw_model.descend(raw_start, raw_rate, steps, "raw");
  const plot::Curve norm_path = norm_model.descend(norm_start, norm_rate, steps, "normalized");
  const auto steps_text = [&](const TwoWeights& model, const plot::Curve& path) {
    const int k = steps_to_minimum(model, path, 1e-3);
    return k < 0 ? "more than " + std::to_string(steps) : std::to_string(k);
  };
  std::cout << "\nTwo-weight linear regression (y_hat = w1 x1 + w2 x2, 100 examples, x2 spread "
               "5 times x1's),\nlearning rate 1.5 / the largest curvature of J, from the same "
               "start: steps until J is within\n0.1 % of its minimum (of the way down): raw "
            << steps_text(raw_model, raw_path) << " (alpha = " << fixed(raw_rate, 4)
            << "), normalized " << steps_text(norm_model, norm_path)
            << " (alpha = " << fixed(norm_rate, 4) << ").\n"
            << std::flush;

  if (pictures.enabled()) {
    plot::Style style = pictures.style();
    style.panel = 480;
    pictures.made(
        plot::contours(pictures.path("normalizing_contours.png"),
                       {panel(raw_model, raw_path, raw_min, "raw features: elongated", raw_rate),
                        panel(norm_model, norm_path, norm_min, "normalized: round", norm_rate)},
                       "The cost J(w1, w2) from above, and " + std::to_string(steps) +
                           " steps of gradient descent",
                       2, style),
        "the cost's contours, raw and normalized, with gradient descent on each");
  }
  pictures.report();
  return cli::kExitOk;
}

cli::ProgramSpec normalizing_inputs_spec() {
  cli::ProgramSpec p;
  p.name = "course2.normalizing_inputs";
  p.lecture = "C2 1.9";
  p.summary = "the week's network on raw and on normalized inputs, and the contours of the cost";
  p.options = {
      cli::number_option("--scale", cli::Kind::kReal, "X", "100", cli::Bound::kPositive,
                         "x2 is stretched to X * x2 + shift"),
      cli::number_option("--shift", cli::Kind::kReal, "X", "300", cli::Bound::kAny,
                         "x2 is stretched to scale * x2 + X"),
      cli::text_option("--rates", "X,X,...", "0.0001,0.001,0.01,0.1,1",
                       "the learning rates to try, 1 to 8 positive numbers"),
      cli::number_option("--target", cli::Kind::kReal, "X", "0.25", cli::Bound::kPositive,
                         "train until the cost is at most X"),
      cli::number_option("--iterations", cli::Kind::kInteger, "N", "10000", cli::Bound::kPositive,
                         "the most gradient-descent steps of each run", 100'000),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "Lecture C2 1.9's experiment: the circles of the initialization notebook with their "
      "second feature stretched (by default to 100 * x2 + 300), normalized with "
      "normalize_train_test (mu and sigma from the training set, used for both sets). The "
      "week's network (He initialization, the given forward_propagation, compute_cost, "
      "backward_propagation and update_parameters) is trained on the raw and on the "
      "normalized inputs with each learning rate of --rates, until its cost is at most "
      "--target; the table shows the iterations each run needed, 'diverged at i' for a run "
      "whose cost became NaN or infinite, or the cost where it stopped.",
      "Then a two-weight linear regression whose features differ in spread fivefold, raw and "
      "normalized with normalization_parameters and normalize_inputs: the steps gradient "
      "descent needs, and with pictures normalizing_contours.png, the cost's contours seen "
      "from above (elongated, round) with the path of gradient descent on each.",
      "Your code runs: normalize_train_test, normalization_parameters, normalize_inputs "
      "(course2/normalizing_inputs.cpp) and initialize_parameters_he "
      "(course2/initialization.cpp).",
  };
  p.validate = [](const cli::Arguments& args) {
    cli::validate_plots(args);
    for (const double x : cli::parse_reals("--rates", args.text("--rates"), 1, 8)) {
      if (!(x > 0.0)) {
        std::ostringstream os;  // as the command line writes it: 0, -0.5
        os << x;
        throw cli::UsageError("--rates: \"" + args.text("--rates") + "\" has " + os.str() +
                              "; every learning rate must be a positive number");
      }
    }
  };
  return p;
}
DLC_PROGRAM(normalizing_inputs_spec, normalizing_inputs);

}  // namespace

}  // namespace dlc::runner
