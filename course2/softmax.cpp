// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/course2/softmax.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "course2/softmax.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>

#include "common/exercise.hpp"
#include "common/training.hpp"

namespace dlc::course2::softmax {

namespace {

/// Throws ShapeError naming `what` when `A` has no entry.
void check_not_empty(const char* what, const char* name, const Matrix& A) {
  if (A.empty()) {
    throw ShapeError(std::string(what) + ": " + name + " is " + to_string(A.shape()) +
                     " but must have at least one class (row) and one example (column)");
  }
}

/// Throws ShapeError naming `what` unless the probabilities A and the one-hot labels Y are the
/// same (C, m), saying whether the classes or the examples differ.
void check_probabilities_and_labels(const char* what, const Matrix& A, const Matrix& Y) {
  check_not_empty(what, "A", A);
  const std::string shapes = std::string(what) + ": A is " + to_string(A.shape()) + " but Y is " +
                             to_string(Y.shape()) + ": ";
  if (A.rows() != Y.rows()) {
    throw ShapeError(shapes + "the number of classes differs (A has " + std::to_string(A.rows()) +
                     " rows, Y has " + std::to_string(Y.rows()) +
                     "); Y must be one_hot(labels, C) with A's C = " + std::to_string(A.rows()));
  }
  if (A.cols() != Y.cols()) {
    throw ShapeError(shapes + "the number of examples differs (A has " + std::to_string(A.cols()) +
                     " columns, Y has " + std::to_string(Y.cols()) + "); both must be (C, m)");
  }
}

}  // namespace

Matrix softmax(const Matrix& Z) {
  check_not_empty("softmax", "Z", Z);
  const std::size_t C = Z.rows();
  const std::size_t m = Z.cols();
  DLC_TODO("course2.softmax");
}

Matrix one_hot(const Matrix& labels, int C) {
  if (labels.rows() != 1) {
    throw ShapeError("one_hot: labels is " + to_string(labels.shape()) +
                     " but must be one row (1, m), one label per example");
  }
  if (C < 2) {
    throw std::invalid_argument("one_hot: C is " + std::to_string(C) +
                                " but must be at least 2: the number of classes");
  }
  const std::size_t m = labels.cols();
  for (std::size_t i = 0; i < m; ++i) {
    const double label = labels(0, i);
    if (!(label >= 0.0 && label <= C - 1.0 && label == std::floor(label))) {
      throw std::invalid_argument("one_hot: labels(0, " + std::to_string(i) + ") is " +
                                  python_repr(label) + " but must be a whole number in 0.." +
                                  std::to_string(C - 1) + " (C = " + std::to_string(C) + ")");
    }
  }
  DLC_TODO("course2.one_hot");
}

double compute_cost(const Matrix& A, const Matrix& Y) {
  check_probabilities_and_labels("compute_cost", A, Y);
  const double m = static_cast<double>(Y.cols());
  DLC_TODO("course2.softmax_cost");
}

Matrix softmax_backward(const Matrix& A, const Matrix& Y) {
  check_probabilities_and_labels("softmax_backward", A, Y);
  DLC_TODO("course2.softmax_backward");
}

Matrix predict(const Matrix& A) {
  check_not_empty("predict", "A", A);
  const std::size_t C = A.rows();
  const std::size_t m = A.cols();
  DLC_TODO("course2.softmax_predict");
}

}  // namespace dlc::course2::softmax
