// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/week3/activations.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "week3/activations.hpp"

#include <cstddef>

#include "common/exercise.hpp"

namespace dlc::week3 {

Matrix sigmoid(const Matrix& z) {
  DLC_TODO("week3.sigmoid");
}

Matrix sigmoid_derivative(const Matrix& z) {
  DLC_TODO("week3.sigmoid_derivative");
}

Matrix tanh_activation(const Matrix& z) {
  DLC_TODO("week3.tanh_activation");
}

Matrix tanh_derivative(const Matrix& z) {
  DLC_TODO("week3.tanh_derivative");
}

Matrix relu(const Matrix& z) {
  DLC_TODO("week3.relu");
}

Matrix relu_derivative(const Matrix& z) {
  DLC_TODO("week3.relu_derivative");
}

Matrix leaky_relu(const Matrix& z) {
  DLC_TODO("week3.leaky_relu");
}

Matrix leaky_relu_derivative(const Matrix& z) {
  DLC_TODO("week3.leaky_relu_derivative");
}

}  // namespace dlc::week3
