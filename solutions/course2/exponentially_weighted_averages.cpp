#include "course2/exponentially_weighted_averages.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "common/exercise.hpp"
#include "common/random.hpp"

namespace dlc::course2::exponentially_weighted_averages {

// A series is one row with at least one value, and beta is in [0, 1).
static void check_series(const char* what, const Matrix& theta, double beta) {
  if (theta.rows() != 1) {
    throw ShapeError(std::string(what) + ": theta is " + to_string(theta.shape()) +
                     " but must be (1, T), one value per day in one row");
  }
  if (theta.cols() == 0) {
    throw std::invalid_argument(std::string(what) +
                                ": theta is (1, 0), an empty series; it needs at least one value");
  }
  if (!(beta >= 0.0 && beta < 1.0)) {
    throw std::invalid_argument(std::string(what) + ": beta is " + std::to_string(beta) +
                                " but must be in [0, 1) (0 keeps no past; 1 would never move)");
  }
}

Matrix temperature_series(std::size_t days, std::uint32_t seed) {
  if (days == 0) {
    throw std::invalid_argument("temperature_series: days is 0 but must be at least 1");
  }
  const double pi = std::acos(-1.0);
  RandomState rng(seed);
  const Matrix z = rng.randn(1, days);  // np.random.seed(seed); np.random.randn(1, days)
  Matrix theta(1, days);
  for (std::size_t i = 0; i < days; ++i) {
    const double t = static_cast<double>(i + 1);  // day t, from 1
    theta(0, i) = 55.0 - 20.0 * std::cos(2.0 * pi * (t - 15.0) / 365.0) + 5.0 * z(0, i);
  }
  return theta;
}

Matrix exponentially_weighted_average(const Matrix& theta, double beta) {
  check_series("exponentially_weighted_average", theta, beta);
  Matrix v(1, theta.cols());
  // BEGIN SOLUTION course2.exponentially_weighted_average
  const std::size_t T = theta.cols();  // the number of days
  double v_t = 0.0;                    // v_0 = 0
  for (std::size_t t = 1; t <= T; ++t) {
    v_t = beta * v_t + (1.0 - beta) * theta(0, t - 1);  // v_t = beta v_{t-1} + (1 - beta) theta_t
    v(0, t - 1) = v_t;
  }
  // END SOLUTION
  return v;
}

Matrix bias_corrected_average(const Matrix& theta, double beta) {
  check_series("bias_corrected_average", theta, beta);
  Matrix v_corrected(1, theta.cols());
  // BEGIN SOLUTION course2.bias_corrected_average
  const std::size_t T = theta.cols();                            // the number of days
  const Matrix v = exponentially_weighted_average(theta, beta);  // v_1 .. v_T, from v_0 = 0
  for (std::size_t t = 1; t <= T; ++t) {
    v_corrected(0, t - 1) = v(0, t - 1) / (1.0 - std::pow(beta, t));  // v_t / (1 - beta^t)
  }
  // END SOLUTION
  return v_corrected;
}

Matrix average_from_first_value(const Matrix& theta, double beta) {
  check_series("average_from_first_value", theta, beta);
  Matrix v(1, theta.cols());
  v(0, 0) = theta(0, 0);  // v[0] = temp[0]: v_1 = theta_1
  for (std::size_t t = 2; t <= theta.cols(); ++t) {
    v(0, t - 1) = beta * v(0, t - 2) + (1.0 - beta) * theta(0, t - 1);  // the same recursion
  }
  return v;
}

}  // namespace dlc::course2::exponentially_weighted_averages
