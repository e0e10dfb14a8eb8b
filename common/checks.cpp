#include "common/checks.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "common/training.hpp"

namespace dlc {

void check_examples(const char* what, const Matrix& X, const Matrix& Y) {
  if (X.cols() == 0) {
    throw ShapeError(std::string(what) + ": X is " + to_string(X.shape()) +
                     " but needs at least one example (one column)");
  }
  if (Y.shape() != Shape{1, X.cols()}) {
    throw ShapeError(std::string(what) + ": X is " + to_string(X.shape()) + " and Y is " +
                     to_string(Y.shape()) +
                     " but Y must be (1, m) with m = X.cols = " + std::to_string(X.cols()));
  }
  for (std::size_t i = 0; i < Y.cols(); ++i) {
    if (Y(0, i) != 0.0 && Y(0, i) != 1.0) {
      throw std::invalid_argument(std::string(what) + ": label Y[0, " + std::to_string(i) +
                                  "] is " + python_repr(Y(0, i)) + " but labels must be 0 or 1");
    }
  }
}

void check_learning_rate(const char* what, double learning_rate) {
  if (!(learning_rate > 0.0) || !std::isfinite(learning_rate)) {
    throw std::invalid_argument(std::string(what) + ": learning_rate is " +
                                python_repr(learning_rate) + " but must be a positive number");
  }
}

void check_iterations(const char* what, long num_iterations, long at_least) {
  if (num_iterations < at_least) {
    throw std::invalid_argument(
        std::string(what) + ": num_iterations is " + std::to_string(num_iterations) +
        " but must be " +
        (at_least == 0 ? std::string("0 or more") : "at least " + std::to_string(at_least)));
  }
}

}  // namespace dlc
