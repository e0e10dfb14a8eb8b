#include "course2/tuning.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/exercise.hpp"
#include "common/random.hpp"
#include "common/training.hpp"

namespace dlc::course2::tuning {

namespace {

/// "[low, high]" as Python writes the numbers.
std::string range_text(double low, double high) {
  return "[" + python_repr(low) + ", " + python_repr(high) + "]";
}

/// Throws std::invalid_argument naming `what` unless every entry of u is in [0, 1).
void check_uniform(const char* what, const Matrix& u) {
  for (std::size_t j = 0; j < u.cols(); ++j) {
    for (std::size_t i = 0; i < u.rows(); ++i) {
      if (!(u(i, j) >= 0.0 && u(i, j) < 1.0)) {
        throw std::invalid_argument(std::string(what) + ": u(" + std::to_string(i) + ", " +
                                    std::to_string(j) + ") is " + python_repr(u(i, j)) +
                                    " but uniform draws are in [0, 1)");
      }
    }
  }
}

/// Throws std::invalid_argument naming `what` unless low < high, both finite.
void check_order(const std::string& what, const std::string& range, double low, double high) {
  if (!std::isfinite(low) || !std::isfinite(high)) {
    throw std::invalid_argument(what + ": the " + range + " " + range_text(low, high) +
                                " is not finite");
  }
  if (!(low < high)) {
    throw std::invalid_argument(what + ": the " + range + " " + range_text(low, high) +
                                " is empty or reversed: low must be below high");
  }
}

/// Throws std::invalid_argument naming `what` and `name` unless the axis is a range that its
/// scale can take.
void check_axis(const char* what, const char* name, const Axis& axis) {
  const std::string range = std::string("box's ") + name + " range";
  check_order(what, range, axis.low, axis.high);
  if (axis.log && !(axis.low > 0.0)) {
    throw std::invalid_argument(std::string(what) + ": the " + range + " " +
                                range_text(axis.low, axis.high) + " includes 0 but " + name +
                                " is on a log scale");
  }
}

/// `per_axis` values evenly spaced on the axis's scale, ends included.
std::vector<double> axis_values(const Axis& axis, int per_axis) {
  const double a = axis.log ? std::log10(axis.low) : axis.low;
  const double b = axis.log ? std::log10(axis.high) : axis.high;
  std::vector<double> values;
  for (int i = 0; i < per_axis; ++i) {
    const double s = a + (b - a) * i / (per_axis - 1);  // np.linspace(a, b, per_axis)
    values.push_back(axis.log ? std::pow(10.0, s) : s);
  }
  values.back() = axis.high;  // the end itself, whatever the rounding
  values.front() = axis.low;
  return values;
}

}  // namespace

void check_box(const char* what, const Box& box) {
  check_axis(what, "x", box.x);
  check_axis(what, "y", box.y);
}

Matrix sample_log_uniform(double low, double high, const Matrix& u) {
  check_order("sample_log_uniform", "range", low, high);
  if (!(low > 0.0)) {
    throw std::invalid_argument("sample_log_uniform: the range " + range_text(low, high) +
                                " includes 0 but a log scale needs 0 < low < high");
  }
  check_uniform("sample_log_uniform", u);
  Matrix samples = u;
  // BEGIN SOLUTION course2.sample_log_uniform
  const double a = std::log10(high);  // a = log10(high); for [1e-4, 1]: 0
  const double b = std::log10(low);   // b = log10(low); for [1e-4, 1]: -4
  samples.update_entries([a, b](double u) {
    const double r = a + (b - a) * u;  // r = a + (b - a) u; for [1e-4, 1]: r = -4 u
    return std::pow(10.0, r);          // alpha = 10^r
  });
  // END SOLUTION
  return samples;
}

Matrix sample_beta(double low, double high, const Matrix& u) {
  check_order("sample_beta", "range", low, high);
  if (!(low >= 0.0)) {
    throw std::invalid_argument("sample_beta: the range " + range_text(low, high) +
                                " starts below 0 but beta must be 0 or more");
  }
  if (!(high < 1.0)) {
    throw std::invalid_argument("sample_beta: the range " + range_text(low, high) +
                                " reaches 1 but beta must be below 1: 1 - beta is on a log scale");
  }
  check_uniform("sample_beta", u);
  Matrix samples = u;
  // BEGIN SOLUTION course2.sample_beta
  const double a = std::log10(1.0 - low);   // a = log10(1 - low); for [0.9, 0.999]: -1
  const double b = std::log10(1.0 - high);  // b = log10(1 - high); for [0.9, 0.999]: -3
  samples.update_entries([a, b](double u) {
    const double r = a + (b - a) * u;  // r = a + (b - a) u, in [-3, -1]
    return 1.0 - std::pow(10.0, r);    // beta = 1 - 10^r
  });
  // END SOLUTION
  return samples;
}

Box zoom(const Box& box, const Matrix& points, const Matrix& scores, double keep) {
  check_box("zoom", box);
  if (points.rows() != 2 || points.cols() == 0) {
    throw ShapeError("zoom: points is " + to_string(points.shape()) +
                     " but must be (2, n): one column per trial, n at least 1");
  }
  if (scores.shape() != Shape{1, points.cols()}) {
    throw ShapeError("zoom: points is " + to_string(points.shape()) + " but scores is " +
                     to_string(scores.shape()) + "; scores must be (1, n), one per trial");
  }
  if (!(keep > 0.0 && keep <= 1.0)) {
    throw std::invalid_argument("zoom: keep is " + python_repr(keep) +
                                " but the share of trials kept must be in (0, 1]");
  }
  const std::size_t n = points.cols();
  for (std::size_t j = 0; j < n; ++j) {
    if (!std::isfinite(scores(0, j))) {
      throw std::invalid_argument("zoom: the score of trial " + std::to_string(j) + " is " +
                                  python_repr(scores(0, j)) + " but scores must be finite");
    }
    for (std::size_t row = 0; row < 2; ++row) {
      const bool log = row == 0 ? box.x.log : box.y.log;
      const double v = points(row, j);
      if (!std::isfinite(v) || (log && !(v > 0.0))) {
        throw std::invalid_argument("zoom: trial " + std::to_string(j) + " has " +
                                    (row == 0 ? "x" : "y") + " = " + python_repr(v) + " but " +
                                    (log ? "a log axis takes values above 0" : "must be finite"));
      }
    }
  }
  // The number of trials kept: ceil(keep n), at least 1 (a hair below, so that 0.2 * 20 is 4).
  const std::size_t kept =
      std::clamp<std::size_t>(static_cast<std::size_t>(std::ceil(keep * n - 1e-9)), 1, n);
  Box zoomed = box;
  // BEGIN SOLUTION course2.zoom_box
  // The trials from the best to the worst: the highest score first, ties in trial order.
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&scores](std::size_t i, std::size_t j) { return scores(0, i) > scores(0, j); });
  for (std::size_t row = 0; row < 2; ++row) {
    Axis& axis = row == 0 ? zoomed.x : zoomed.y;
    const bool log = axis.log;
    const auto scaled = [log](double v) { return log ? std::log10(v) : v; };        // s = log10(v)
    const auto unscaled = [log](double s) { return log ? std::pow(10.0, s) : s; };  // v = 10^s
    double s_min = scaled(points(row, order[0]));
    double s_max = s_min;
    for (std::size_t k = 1; k < kept; ++k) {  // the best `kept` trials
      s_min = std::min(s_min, scaled(points(row, order[k])));
      s_max = std::max(s_max, scaled(points(row, order[k])));
    }
    // m = 10 % of the width (of the box's width when the kept values are all equal)
    const double width = s_max > s_min ? s_max - s_min : scaled(axis.high) - scaled(axis.low);
    const double margin = kZoomMargin * width;
    axis.low = std::max(unscaled(s_min - margin), axis.low);    // widened, clipped to the box
    axis.high = std::min(unscaled(s_max + margin), axis.high);  // widened, clipped to the box
  }
  // END SOLUTION
  return zoomed;
}

Matrix grid_points(const Box& box, int per_axis) {
  check_box("grid_points", box);
  if (per_axis < 2) {
    throw std::invalid_argument("grid_points: per_axis is " + std::to_string(per_axis) +
                                " but a grid needs at least 2 values per axis");
  }
  const std::vector<double> xs = axis_values(box.x, per_axis);
  const std::vector<double> ys = axis_values(box.y, per_axis);
  const std::size_t k = static_cast<std::size_t>(per_axis);
  Matrix points(2, k * k);
  for (std::size_t i = 0; i < k; ++i) {
    for (std::size_t j = 0; j < k; ++j) {
      points(0, i * k + j) = xs[i];  // x value i
      points(1, i * k + j) = ys[j];  // y value j
    }
  }
  return points;
}

Matrix random_points(const Box& box, int count, std::uint32_t seed) {
  check_box("random_points", box);
  if (count < 1) {
    throw std::invalid_argument("random_points: count is " + std::to_string(count) +
                                " but a search needs at least 1 trial");
  }
  RandomState rng(seed);
  const Matrix u = rng.rand(2, static_cast<std::size_t>(count));  // np.random.rand(2, count)
  Matrix points(2, static_cast<std::size_t>(count));
  for (std::size_t row = 0; row < 2; ++row) {
    const Axis& axis = row == 0 ? box.x : box.y;
    Matrix u_row(1, u.cols());  // u[row, :]
    for (std::size_t j = 0; j < u.cols(); ++j) u_row(0, j) = u(row, j);
    const Matrix values = axis.log ? sample_log_uniform(axis.low, axis.high, u_row)
                                   : axis.low + (axis.high - axis.low) * u_row;
    if (values.shape() != u_row.shape()) {
      throw ShapeError("random_points: sample_log_uniform returned " + to_string(values.shape()) +
                       " but it must be " + to_string(u_row.shape()));
    }
    for (std::size_t j = 0; j < points.cols(); ++j) points(row, j) = values(0, j);
  }
  return points;
}

}  // namespace dlc::course2::tuning
