// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/course2/normalizing_inputs.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "course2/normalizing_inputs.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "common/exercise.hpp"

namespace dlc::course2::normalizing_inputs {

// The training set must have at least one feature and one example.
static void check_training_set(const char* what, const char* name, const Matrix& X) {
  if (X.rows() == 0 || X.cols() == 0) {
    throw ShapeError(std::string(what) + ": " + name + " is " + to_string(X.shape()) +
                     " but must be (n_x, m) with at least one feature and one example");
  }
}

NormalizationParameters normalization_parameters(const Matrix& X_train) {
  check_training_set("normalization_parameters", "X_train", X_train);
  NormalizationParameters p;
  DLC_TODO("course2.normalization_parameters");
  return p;
}

Matrix normalize_inputs(const Matrix& X, const Matrix& mu, const Matrix& sigma) {
  const Shape column{X.rows(), 1};
  if (mu.shape() != column || sigma.shape() != column) {
    throw ShapeError("normalize_inputs: X is " + to_string(X.shape()) + ", mu is " +
                     to_string(mu.shape()) + " and sigma is " + to_string(sigma.shape()) +
                     " but mu and sigma must both be " + to_string(column) +
                     ", one number per feature (row) of X");
  }
  for (std::size_t j = 0; j < sigma.rows(); ++j) {
    if (!(sigma(j, 0) > 0.0) || !std::isfinite(sigma(j, 0))) {
      throw std::invalid_argument("normalize_inputs: sigma of feature " + std::to_string(j) +
                                  " is " + std::to_string(sigma(j, 0)) +
                                  " but every sigma must be a positive, finite number (a "
                                  "constant feature gets 1 from normalization_parameters)");
    }
  }
  DLC_TODO("course2.normalize_inputs");
}

NormalizedSets normalize_train_test(const Matrix& train_X, const Matrix& test_X) {
  check_training_set("normalize_train_test", "train_X", train_X);
  if (test_X.rows() != train_X.rows()) {
    throw ShapeError("normalize_train_test: train_X is " + to_string(train_X.shape()) +
                     " and test_X is " + to_string(test_X.shape()) +
                     " but both sets must have the same features: test_X.rows must equal "
                     "train_X.rows");
  }
  NormalizedSets out;
  DLC_TODO("course2.normalize_train_test");
  return out;
}

}  // namespace dlc::course2::normalizing_inputs
