#include "week3/linear_network.hpp"

#include "common/exercise.hpp"
#include "week3/representation.hpp"

namespace dlc::week3 {

Matrix linear_network_forward(const Matrix& X, const Matrix& W1, const Matrix& b1, const Matrix& W2,
                              const Matrix& b2) {
  check_two_layer_shapes("linear_network_forward", "X", X, W1, b1, W2, b2);
  Matrix A2;
  // BEGIN SOLUTION week3.linear_network_forward
  const Matrix A1 = dot(W1, X) + b1;  // A1 = Z1 = W1 X + b1, (n_h, m)
  A2 = dot(W2, A1) + b2;              // A2 = Z2 = W2 A1 + b2, (n_y, m)
  // END SOLUTION
  return A2;
}

CollapsedLayer collapse_linear_network(const Matrix& W1, const Matrix& b1, const Matrix& W2,
                                       const Matrix& b2) {
  if (W1.cols() == 0) {
    throw ShapeError("collapse_linear_network: W1 is " + to_string(W1.shape()) +
                     " but W1 is (n_h, n_x) with at least one input feature");
  }
  // The parameters must fit an input of n_x = W1.cols features; one zero example stands for it.
  check_two_layer_shapes("collapse_linear_network", "x", Matrix(W1.cols(), 1), W1, b1, W2, b2);
  CollapsedLayer layer;
  // BEGIN SOLUTION week3.collapse_linear_network
  layer.W = dot(W2, W1);       // W' = W2 W1, (n_y, n_x)
  layer.b = dot(W2, b1) + b2;  // b' = W2 b1 + b2, (n_y, 1)
  // END SOLUTION
  return layer;
}

Matrix tanh_network_forward(const Matrix& X, const Matrix& W1, const Matrix& b1, const Matrix& W2,
                            const Matrix& b2) {
  check_two_layer_shapes("tanh_network_forward", "X", X, W1, b1, W2, b2);
  return dot(W2, tanh(dot(W1, X) + b1)) + b2;  // A2 = W2 tanh(W1 X + b1) + b2
}

}  // namespace dlc::week3
