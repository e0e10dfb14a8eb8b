// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/week3/initialization.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "week3/initialization.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "common/checks.hpp"
#include "common/exercise.hpp"
#include "week3/representation.hpp"

namespace dlc::week3 {

static void check_sizes(const char* what, std::size_t n_x, std::size_t n_h, std::size_t n_y) {
  if (n_x == 0 || n_h == 0 || n_y == 0) {
    throw std::invalid_argument(
        std::string(what) + ": n_x = " + std::to_string(n_x) + ", n_h = " + std::to_string(n_h) +
        ", n_y = " + std::to_string(n_y) + " but every layer needs at least 1 unit");
  }
}

TwoLayerParameters initialize_zeros(std::size_t n_x, std::size_t n_h, std::size_t n_y) {
  check_sizes("initialize_zeros", n_x, n_h, n_y);
  return TwoLayerParameters{Matrix::zeros(n_h, n_x), Matrix::zeros(n_h, 1), Matrix::zeros(n_y, n_h),
                            Matrix::zeros(n_y, 1)};
}

TwoLayerParameters initialize_random(std::size_t n_x, std::size_t n_h, std::size_t n_y,
                                     RandomState& rng, double scale) {
  check_sizes("initialize_random", n_x, n_h, n_y);
  TwoLayerParameters p;
  DLC_TODO("week3.initialize_random");
  return p;
}

bool hidden_units_identical(const Matrix& W1, const Matrix& b1, double tol) {
  if (b1.shape() != Shape{W1.rows(), 1}) {
    throw ShapeError("hidden_units_identical: W1 is " + to_string(W1.shape()) + " and b1 is " +
                     to_string(b1.shape()) + " but b1 must be (n_h, 1) with n_h = W1.rows");
  }
  for (std::size_t j = 1; j < W1.rows(); ++j) {
    if (!(std::fabs(b1(j, 0) - b1(0, 0)) <= tol)) return false;
    for (std::size_t k = 0; k < W1.cols(); ++k) {
      if (!(std::fabs(W1(j, k) - W1(0, k)) <= tol)) return false;  // row j = row 0
    }
  }
  return true;
}

double two_layer_gradient_step(TwoLayerParameters& params, const Matrix& X, const Matrix& Y,
                               double learning_rate) {
  check_two_layer_shapes("two_layer_gradient_step", "X", X, params.W1, params.b1, params.W2,
                         params.b2);
  if (Y.shape() != Shape{params.W2.rows(), X.cols()}) {
    throw ShapeError("two_layer_gradient_step: Y is " + to_string(Y.shape()) + " and X is " +
                     to_string(X.shape()) + " but Y must be (n_y, m) with n_y = W2.rows = " +
                     std::to_string(params.W2.rows()) + " and m = X.cols");
  }
  check_learning_rate("two_layer_gradient_step", learning_rate);
  const double m = static_cast<double>(X.cols());
  auto& [W1, b1, W2, b2] = params;
  // forward (3.4)
  const Matrix A1 = tanh(dot(W1, X) + b1);                   // A1 = tanh(W1 X + b1)
  const Matrix A2 = 1.0 / (1.0 + exp(-(dot(W2, A1) + b2)));  // A2 = sigma(W2 A1 + b2)
  const double cost = (-1.0 / m) * sum(Y * log(A2) + (1.0 - Y) * log(1.0 - A2));
  // backward (3.9)
  const Matrix dZ2 = A2 - Y;                                 // dZ2 = A2 - Y
  const Matrix dW2 = (1.0 / m) * dot(dZ2, A1.T());           // dW2 = 1/m dZ2 A1^T
  const Matrix db2 = (1.0 / m) * sum(dZ2, 1);                // db2 = 1/m sum over examples
  const Matrix dZ1 = dot(W2.T(), dZ2) * (1.0 - square(A1));  // dZ1 = W2^T dZ2 * (1 - A1^2)
  const Matrix dW1 = (1.0 / m) * dot(dZ1, X.T());            // dW1 = 1/m dZ1 X^T
  const Matrix db1 = (1.0 / m) * sum(dZ1, 1);                // db1 = 1/m sum over examples
  // update
  W1 -= learning_rate * dW1;
  b1 -= learning_rate * db1;
  W2 -= learning_rate * dW2;
  b2 -= learning_rate * db2;
  return cost;
}

double mean_tanh_slope(const TwoLayerParameters& params, const Matrix& X) {
  check_two_layer_shapes("mean_tanh_slope", "X", X, params.W1, params.b1, params.W2, params.b2);
  const Matrix A1 = tanh(dot(params.W1, X) + params.b1);  // A1 = tanh(W1 X + b1)
  return mean(1.0 - square(A1));                          // mean of tanh'(Z1) = 1 - A1^2
}

}  // namespace dlc::week3
