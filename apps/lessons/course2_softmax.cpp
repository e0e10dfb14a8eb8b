/// \file
/// \brief `dlc run course2.softmax_regions`, lectures C2 3.8-3.9: softmax regression with no
/// hidden layer, Z = W X + b, trained by gradient descent on three or four Gaussian blobs in the
/// plane, and the picture of its decision regions, cut by straight lines.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <limits>
#include <string>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"
#include "common/random.hpp"
#include "common/training.hpp"
#include "course2/softmax.hpp"

namespace dlc::runner {

namespace {

namespace sm = course2::softmax;

constexpr double kPi = 3.14159265358979323846;

/// The blobs: `per_class` points of each class k = 0..C-1, drawn around the centre
/// 2 (cos(pi/2 + 2 pi k / C), sin(...)) as centre + spread * np.random.randn(2, per_class), class
/// after class, after np.random.seed(seed).
struct Blobs {
  Matrix X;       ///< (2, m)
  Matrix labels;  ///< (1, m), 0..C-1
};

Blobs make_blobs(int C, std::size_t per_class, double spread, std::uint32_t seed) {
  RandomState rng(seed);
  const std::size_t m = per_class * static_cast<std::size_t>(C);
  Blobs blobs{Matrix(2, m), Matrix(1, m)};
  for (int k = 0; k < C; ++k) {
    const double angle = kPi / 2 + 2 * kPi * k / C;
    const double centre[2] = {2.0 * std::cos(angle), 2.0 * std::sin(angle)};
    const Matrix noise = rng.randn(2, per_class);
    for (std::size_t i = 0; i < per_class; ++i) {
      const std::size_t col = static_cast<std::size_t>(k) * per_class + i;
      for (std::size_t r = 0; r < 2; ++r) blobs.X(r, col) = centre[r] + spread * noise(r, i);
      blobs.labels(0, col) = k;
    }
  }
  return blobs;
}

/// The part of the line z_j = z_k inside the rectangle where classes j and k score highest: a
/// segment, since the line meets each half-plane z_j >= z_l in a half-line. Empty when the two
/// classes never border each other there.
std::vector<double> boundary_segment(const Matrix& W, const Matrix& b, std::size_t j, std::size_t k,
                                     const double box[4]) {
  const double wx = W(j, 0) - W(k, 0), wy = W(j, 1) - W(k, 1), c = b(j, 0) - b(k, 0);
  const double norm2 = wx * wx + wy * wy;
  if (norm2 == 0.0) return {};
  // the line: p(t) = p0 + t d, with p0 its point nearest the origin and d a unit direction
  const double p0[2] = {-c * wx / norm2, -c * wy / norm2};
  const double d[2] = {-wy / std::sqrt(norm2), wx / std::sqrt(norm2)};
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  // alpha + beta t >= 0
  const auto keep = [&](double alpha, double beta) {
    if (beta > 0) {
      lo = std::max(lo, -alpha / beta);
    } else if (beta < 0) {
      hi = std::min(hi, -alpha / beta);
    } else if (alpha < 0) {
      hi = -std::numeric_limits<double>::infinity();
    }
  };
  for (std::size_t axis = 0; axis < 2; ++axis) {
    keep(p0[axis] - box[2 * axis], d[axis]);       // x >= min
    keep(box[2 * axis + 1] - p0[axis], -d[axis]);  // x <= max
  }
  for (std::size_t l = 0; l < W.rows(); ++l) {
    if (l == j || l == k) continue;
    const double ux = W(j, 0) - W(l, 0), uy = W(j, 1) - W(l, 1);
    keep(ux * p0[0] + uy * p0[1] + b(j, 0) - b(l, 0), ux * d[0] + uy * d[1]);  // z_j >= z_l
  }
  if (!(lo < hi)) return {};
  return {p0[0] + lo * d[0], p0[1] + lo * d[1], p0[0] + hi * d[0], p0[1] + hi * d[1]};
}

/// `dlc run course2.softmax_regions`.
int softmax_regions(const cli::Arguments& args, const RunContext&) {
  const int C = static_cast<int>(args.integer("--classes"));
  const std::size_t per_class = static_cast<std::size_t>(args.integer("--per-class"));
  const long iterations = args.integer("--iterations");
  const double learning_rate = args.real("--learning-rate");
  const std::uint32_t seed = static_cast<std::uint32_t>(args.integer("--seed"));
  Pictures pictures(args);

  const Blobs blobs = make_blobs(C, per_class, 1.0, seed);
  const Matrix& X = blobs.X;
  const std::size_t m = X.cols();
  std::cout << "Lectures C2 3.8-3.9: softmax regression with no hidden layer, Z = W X + b, on " << C
            << " Gaussian blobs\nof " << per_class
            << " points each (spread 1, centres at distance 2 "
            << "from the origin), after np.random.seed(" << seed << ").\n"
            << "Gradient descent from W = 0, b = 0, learning rate " << plain(learning_rate) << ", "
            << iterations << " iterations:\n\n"
            << std::flush;

  const Matrix Y = sm::one_hot(blobs.labels, C);
  check_result("one_hot", "Y", Y, Shape{static_cast<std::size_t>(C), m});
  Matrix W = Matrix::zeros(C, 2);
  Matrix b = Matrix::zeros(C, 1);
  Matrix A;
  for (long i = 0; i <= iterations; ++i) {
    A = sm::softmax(dot(W, X) + b);  // A = softmax(W X + b)
    check_result("softmax", "A", A, Y.shape());
    const double cost = sm::compute_cost(A, Y);
    if (i % std::max(1L, iterations / 10) == 0 || i == iterations) {
      std::cout << "Cost after iteration " << i << ": " << fixed(cost, 6) << '\n' << std::flush;
    }
    check_cost(cost, i, learning_rate);
    if (i == iterations) break;
    const Matrix dZ = sm::softmax_backward(A, Y);  // dZ = A - Y
    check_result("softmax_backward", "dZ", dZ, Y.shape());
    const Matrix dW = (1.0 / m) * dot(dZ, X.T());  // dW = 1/m dZ X^T
    const Matrix db = (1.0 / m) * sum(dZ, 1);      // db = 1/m sum(dZ)
    W -= learning_rate * dW;                       // W := W - alpha dW
    b -= learning_rate * db;                       // b := b - alpha db
  }
  const Matrix p = sm::predict(A);
  check_result("predict", "its result", p, Shape{1, m});
  const double accuracy = sum(equal(p, blobs.labels)) / static_cast<double>(m);
  std::cout << "\nTraining accuracy: " << python_repr(accuracy) << "\nW = " << W << "\nb = " << b
            << "\n"
            << std::flush;

  if (pictures.enabled()) {
    double box[4] = {X(0, 0), X(0, 0), X(1, 0), X(1, 0)};  // x min, x max, y min, y max
    for (std::size_t i = 0; i < m; ++i) {
      for (std::size_t r = 0; r < 2; ++r) {
        box[2 * r] = std::min(box[2 * r], X(r, i) - 0.5);
        box[2 * r + 1] = std::max(box[2 * r + 1], X(r, i) + 0.5);
      }
    }
    plot::Chart chart;
    chart.axes.title = "Softmax regression, no hidden layer: " + std::to_string(C) +
                       " classes, training accuracy " + fixed(100 * accuracy, 1) + " %";
    for (std::size_t j = 0; j < static_cast<std::size_t>(C); ++j) {
      for (std::size_t k = j + 1; k < static_cast<std::size_t>(C); ++k) {
        const std::vector<double> s = boundary_segment(W, b, j, k, box);
        if (s.empty()) continue;
        chart.lines.push_back(
            plot::Curve{"boundary " + std::to_string(j) + " | " + std::to_string(k),
                        {s[0], s[2]},
                        {s[1], s[3]}});
      }
    }
    for (int k = 0; k < C; ++k) {
      plot::Curve points{"class " + std::to_string(k), {}, {}};
      for (std::size_t i = 0; i < m; ++i) {
        if (blobs.labels(0, i) != k) continue;
        points.x.push_back(X(0, i));
        points.y.push_back(X(1, i));
      }
      chart.points.push_back(points);
    }
    plot::Style style = pictures.style();
    style.width = 760;
    style.height = 640;
    pictures.made(plot::chart(pictures.path("softmax_regions.png"), chart, style),
                  "the blobs and the straight boundaries between the predicted classes");
  }
  pictures.report();
  return cli::kExitOk;
}

cli::ProgramSpec softmax_regions_spec() {
  cli::ProgramSpec p;
  p.name = "course2.softmax_regions";
  p.lecture = "C2 3.8-3.9";
  p.summary = "softmax regression with no hidden layer on blobs in the plane: straight boundaries";
  p.options = {
      cli::number_option("--classes", cli::Kind::kInteger, "N", "3", cli::Bound::kPositive,
                         "the number of blobs and classes, 2 to 6", 6),
      cli::number_option("--per-class", cli::Kind::kInteger, "N", "100", cli::Bound::kPositive,
                         "the points of each class", 10000),
      cli::number_option("--iterations", cli::Kind::kInteger, "N", "1000", cli::Bound::kNonNegative,
                         "the gradient-descent steps", 100'000),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.5", cli::Bound::kPositive,
                         "the learning rate alpha"),
      cli::number_option("--seed", cli::Kind::kInteger, "N", "1", cli::Bound::kNonNegative,
                         "the seed of the blobs, as np.random.seed(N)", 4294967295),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "Lectures C2 3.8-3.9: --classes Gaussian blobs of --per-class points each (spread 1, "
      "centres at distance 2 from the origin, evenly around it, drawn class after class after "
      "np.random.seed(--seed)); their labels one-hot; softmax regression with no hidden layer, "
      "A = softmax(W X + b), trained from W = 0, b = 0 by gradient descent (dZ = A - Y, "
      "dW = 1/m dZ X^T, db = 1/m sum(dZ)); the cost every tenth of the run, the training "
      "accuracy of the arg max, W and b.",
      "With pictures: softmax_regions.png, the points of each class and the straight "
      "boundaries between the predicted classes (z_j = z_k where j and k score highest).",
      "Your code runs: one_hot, softmax, compute_cost, softmax_backward and predict "
      "(course2/softmax.cpp).",
  };
  p.validate = [](const cli::Arguments& args) {
    cli::validate_plots(args);
    if (args.integer("--classes") < 2) {
      throw cli::UsageError("--classes must be at least 2, not " +
                            std::to_string(args.integer("--classes")));
    }
  };
  return p;
}
DLC_PROGRAM(softmax_regions_spec, softmax_regions);

}  // namespace

}  // namespace dlc::runner
