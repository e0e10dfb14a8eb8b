#include "week3/activations.hpp"

#include <cstddef>

#include "common/exercise.hpp"

namespace dlc::week3 {

Matrix sigmoid(const Matrix& z) {
  // BEGIN SOLUTION week3.sigmoid
  return 1.0 / (1.0 + exp(-z));  // sigma(z) = 1 / (1 + e^{-z})
  // END SOLUTION
}

Matrix sigmoid_derivative(const Matrix& z) {
  // BEGIN SOLUTION week3.sigmoid_derivative
  const Matrix a = sigmoid(z);  // a = sigma(z)
  return a * (1.0 - a);         // sigma'(z) = a (1 - a)
  // END SOLUTION
}

Matrix tanh_activation(const Matrix& z) {
  // BEGIN SOLUTION week3.tanh_activation
  return dlc::tanh(z);  // tanh(z) = (e^z - e^-z) / (e^z + e^-z)
  // END SOLUTION
}

Matrix tanh_derivative(const Matrix& z) {
  // BEGIN SOLUTION week3.tanh_derivative
  const Matrix a = tanh_activation(z);  // a = tanh(z)
  return 1.0 - a * a;                   // tanh'(z) = 1 - a^2
  // END SOLUTION
}

Matrix relu(const Matrix& z) {
  // BEGIN SOLUTION week3.relu
  return maximum(z, 0.0);  // ReLU(z) = max(0, z)
  // END SOLUTION
}

Matrix relu_derivative(const Matrix& z) {
  // BEGIN SOLUTION week3.relu_derivative
  return greater(z, 0.0);  // ReLU'(z) = 1 if z > 0, else 0
  // END SOLUTION
}

Matrix leaky_relu(const Matrix& z) {
  // BEGIN SOLUTION week3.leaky_relu
  Matrix a = z;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const double v = a.data()[k];
    a.data()[k] = v > 0.0 ? v : kLeakySlope * v;  // max(0.01 z, z)
  }
  return a;
  // END SOLUTION
}

Matrix leaky_relu_derivative(const Matrix& z) {
  // BEGIN SOLUTION week3.leaky_relu_derivative
  const Matrix step = greater(z, 0.0);       // 1 where z > 0, else 0
  return step + kLeakySlope * (1.0 - step);  // 1 if z > 0, else 0.01
  // END SOLUTION
}

}  // namespace dlc::week3
