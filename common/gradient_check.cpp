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

double norm(const Matrix& a) {
  if (a.empty()) return 0.0;
  const Matrix row = a.reshaped(1, a.size());  // a.ravel(), in numpy's C order
  return std::sqrt(dot(row, row.T()).item());  // sqrt(x . x), one ddot as numpy's
}

double relative_difference(const Matrix& a, const Matrix& b) {
  if (a.shape() != b.shape()) {
    throw ShapeError("relative_difference: shapes " + to_string(a.shape()) + " and " +
                     to_string(b.shape()) + " differ; they must be equal");
  }
  const double numerator = norm(a - b);          // ||a - b||_2
  const double denominator = norm(a) + norm(b);  // ||a||_2 + ||b||_2
  return denominator == 0.0 ? 0.0 : numerator / denominator;
}

}  // namespace dlc
