// Student's file: replace each DLC_TODO(...) line with your code.
// Generated from solutions/week3/activations.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "week3/activations.hpp"

#include <cstddef>

#include "common/exercise.hpp"

namespace dlc::week3 {

Matrix sigmoid(const Matrix& z) {
  DLC_TODO("week3.sigmoid", "1 / (1 + e^{-z}) for every entry; exp() and the operators work on a whole Matrix");
}

Matrix sigmoid_derivative(const Matrix& z) {
  DLC_TODO("week3.sigmoid_derivative", "first the value a = sigmoid(z), then the slope a (1 - a), entry by entry");
}

Matrix tanh_activation(const Matrix& z) {
  DLC_TODO("week3.tanh_activation", "(e^z - e^{-z}) / (e^z + e^{-z}); dlc::tanh(z) computes it for every entry");
}

Matrix tanh_derivative(const Matrix& z) {
  DLC_TODO("week3.tanh_derivative", "first the value a = tanh_activation(z), then the slope 1 - a^2, entry by entry");
}

Matrix relu(const Matrix& z) {
  DLC_TODO("week3.relu", "max(0, z) for every entry; see maximum()");
}

Matrix relu_derivative(const Matrix& z) {
  DLC_TODO("week3.relu_derivative", "1 where z > 0, 0 where z <= 0 (also at exactly 0); greater(z, 0.0) makes that matrix");
}

Matrix leaky_relu(const Matrix& z) {
  DLC_TODO("week3.leaky_relu", "max(0.01 z, z) for every entry: z where z > 0, kLeakySlope * z elsewhere");
}

Matrix leaky_relu_derivative(const Matrix& z) {
  DLC_TODO("week3.leaky_relu_derivative", "1 where z > 0, kLeakySlope (0.01) where z <= 0, including exactly 0");
}

}  // namespace dlc::week3
