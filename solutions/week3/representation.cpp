#include "week3/representation.hpp"

#include <cmath>
#include <cstddef>
#include <string>

#include "common/exercise.hpp"

namespace dlc::week3 {

void check_two_layer_shapes(const char* what, const char* x_name, const Matrix& X, const Matrix& W1,
                            const Matrix& b1, const Matrix& W2, const Matrix& b2) {
  const std::string w = std::string(what) + ": ";
  const std::string x = x_name;
  if (X.rows() == 0 || X.cols() == 0) {
    throw ShapeError(w + x + " is " + to_string(X.shape()) +
                     " but needs at least one feature and one example");
  }
  if (W1.cols() != X.rows() || W1.rows() == 0) {
    throw ShapeError(w + "W1 is " + to_string(W1.shape()) + " but " + x + " is " +
                     to_string(X.shape()) + "; W1 is (n_h, n_x), so W1.cols must equal " + x +
                     ".rows = " + std::to_string(X.rows()));
  }
  if (b1.shape() != Shape{W1.rows(), 1}) {
    throw ShapeError(w + "b1 is " + to_string(b1.shape()) + " but W1 is " + to_string(W1.shape()) +
                     "; b1 is (n_h, 1) with n_h = W1.rows = " + std::to_string(W1.rows()));
  }
  if (W2.cols() != W1.rows() || W2.rows() == 0) {
    throw ShapeError(w + "W2 is " + to_string(W2.shape()) + " but W1 is " + to_string(W1.shape()) +
                     "; W2 is (n_y, n_h), so W2.cols must equal n_h = "
                     "W1.rows = " +
                     std::to_string(W1.rows()));
  }
  if (b2.shape() != Shape{W2.rows(), 1}) {
    throw ShapeError(w + "b2 is " + to_string(b2.shape()) + " but W2 is " + to_string(W2.shape()) +
                     "; b2 is (n_y, 1) with n_y = W2.rows = " + std::to_string(W2.rows()));
  }
}

OneExampleForward forward_one_example(const Matrix& x, const Matrix& W1, const Matrix& b1,
                                      const Matrix& W2, const Matrix& b2) {
  if (x.cols() != 1) {
    throw ShapeError("forward_one_example: x is " + to_string(x.shape()) +
                     " but one example is a column (n_x, 1); use forward_vectorized for many");
  }
  check_two_layer_shapes("forward_one_example", "x", x, W1, b1, W2, b2);
  const std::size_t n_x = W1.cols(), n_h = W1.rows(), n_y = W2.rows();
  OneExampleForward f{Matrix(n_h, 1), Matrix(n_h, 1), Matrix(n_y, 1), Matrix(n_y, 1)};
  // BEGIN SOLUTION week3.forward_one_example
  for (std::size_t j = 0; j < n_h; ++j) {
    double z = b1(j, 0);
    for (std::size_t k = 0; k < n_x; ++k) z += W1(j, k) * x(k, 0);  // z1_j = w1_j^T x + b1_j
    f.z1(j, 0) = z;
    f.a1(j, 0) = std::tanh(z);  // a1_j = tanh(z1_j)
  }
  for (std::size_t r = 0; r < n_y; ++r) {
    double z = b2(r, 0);
    for (std::size_t j = 0; j < n_h; ++j) z += W2(r, j) * f.a1(j, 0);  // z2_r = w2_r^T a1 + b2_r
    f.z2(r, 0) = z;
    f.a2(r, 0) = 1.0 / (1.0 + std::exp(-z));  // a2_r = sigma(z2_r)
  }
  // END SOLUTION
  return f;
}

VectorizedForward forward_vectorized(const Matrix& X, const Matrix& W1, const Matrix& b1,
                                     const Matrix& W2, const Matrix& b2) {
  check_two_layer_shapes("forward_vectorized", "X", X, W1, b1, W2, b2);
  VectorizedForward f;
  // BEGIN SOLUTION week3.forward_vectorized
  f.Z1 = dot(W1, X) + b1;           // Z1 = W1 X + b1, (n_h, m)
  f.A1 = tanh(f.Z1);                // A1 = tanh(Z1)
  f.Z2 = dot(W2, f.A1) + b2;        // Z2 = W2 A1 + b2, (n_y, m)
  f.A2 = 1.0 / (1.0 + exp(-f.Z2));  // A2 = sigma(Z2)
  // END SOLUTION
  return f;
}

}  // namespace dlc::week3
