#include "common/gradient_check.hpp"

#include <cmath>

namespace dlc {

Matrix numerical_gradient(const std::function<double(const Matrix&)>& J, const Matrix& theta,
                          double epsilon) {
  Matrix grad(theta.rows(), theta.cols());
  Matrix nudged = theta;
  for (std::size_t k = 0; k < theta.size(); ++k) {
    const double original = nudged.data()[k];
    nudged.data()[k] = original + epsilon;
    const double plus = J(nudged);
    nudged.data()[k] = original - epsilon;
    const double minus = J(nudged);
    nudged.data()[k] = original;
    grad.data()[k] = (plus - minus) / (2.0 * epsilon);
  }
  return grad;
}

double relative_difference(const Matrix& a, const Matrix& b) {
  if (a.shape() != b.shape()) {
    throw ShapeError("relative_difference: shapes " + to_string(a.shape()) + " and " +
                     to_string(b.shape()) + " differ; they must be equal");
  }
  double diff = 0.0, na = 0.0, nb = 0.0;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const double x = a.data()[k], y = b.data()[k];
    diff += (x - y) * (x - y);
    na += x * x;
    nb += y * y;
  }
  const double denom = std::sqrt(na) + std::sqrt(nb);
  return denom == 0.0 ? 0.0 : std::sqrt(diff) / denom;
}

}  // namespace dlc
