// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/course2/batch_norm.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "course2/batch_norm.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "common/exercise.hpp"
#include "common/training.hpp"

namespace dlc::course2::batch_norm {

void check_epsilon(const char* what, double epsilon) {
  if (!(epsilon > 0.0) || !std::isfinite(epsilon)) {
    throw std::invalid_argument(std::string(what) + ": epsilon is " + python_repr(epsilon) +
                                " but must be positive and finite: it keeps the division by "
                                "sqrt(sigma^2 + epsilon) away from 0");
  }
}

void check_scale_shift(const char* what, const Matrix& Z, const Matrix& gamma, const Matrix& beta) {
  const Shape column{Z.rows(), 1};
  if (gamma.shape() != column || beta.shape() != column) {
    throw ShapeError(std::string(what) + ": Z is " + to_string(Z.shape()) + " but gamma is " +
                     to_string(gamma.shape()) + " and beta is " + to_string(beta.shape()) +
                     "; each must be " + to_string(column) + ", one value per unit (row of Z)");
  }
}

RunningAverages initialize_running_averages(std::size_t n) {
  return RunningAverages{Matrix::zeros(n, 1), Matrix::ones(n, 1)};
}

BatchNormForward batchnorm_forward(const Matrix& Z, const Matrix& gamma, const Matrix& beta,
                                   double epsilon) {
  const char* what = "batchnorm_forward";
  check_epsilon(what, epsilon);
  check_scale_shift(what, Z, gamma, beta);
  if (Z.cols() == 0) {
    throw std::invalid_argument(std::string(what) + ": Z is " + to_string(Z.shape()) +
                                ": a mini-batch needs examples (columns) to take a mean over");
  }
  if (Z.cols() == 1) {
    throw std::invalid_argument(
        std::string(what) + ": Z is " + to_string(Z.shape()) +
        ": a mini-batch of one example has variance 0, so batch norm cannot normalize it "
        "(every z_norm would be 0); in training use mini-batches of 2 or more examples, and "
        "batchnorm_at_test_time for one example");
  }
  const double m = static_cast<double>(Z.cols());
  Matrix mu, var, Z_norm, Z_tilde;
  DLC_TODO("course2.batchnorm_forward");
  return BatchNormForward{std::move(Z_tilde), BatchNormCache{Z, std::move(mu), std::move(var),
                                                             std::move(Z_norm), gamma, epsilon}};
}

BatchNormGradients batchnorm_backward(const Matrix& dZ_tilde, const BatchNormCache& cache) {
  const char* what = "batchnorm_backward";
  const auto& [Z, mu, var, Z_norm, gamma, epsilon] = cache;
  expect_shape(what, "dZ_tilde", dZ_tilde.shape(), Z.shape());
  const Shape column{Z.rows(), 1};
  expect_shape(what, "cache.mu", mu.shape(), column);
  expect_shape(what, "cache.var", var.shape(), column);
  expect_shape(what, "cache.gamma", gamma.shape(), column);
  expect_shape(what, "cache.Z_norm", Z_norm.shape(), Z.shape());
  check_epsilon(what, epsilon);
  const double m = static_cast<double>(Z.cols());
  BatchNormGradients grads;
  auto& [dZ, dgamma, dbeta] = grads;
  DLC_TODO("course2.batchnorm_backward");
  return grads;
}

RunningAverages update_running_averages(RunningAverages running, const Matrix& mu,
                                        const Matrix& var, double momentum) {
  const char* what = "update_running_averages";
  if (!(momentum >= 0.0 && momentum < 1.0)) {
    throw std::invalid_argument(std::string(what) + ": momentum is " + python_repr(momentum) +
                                " but must be in [0, 1): the weight of the past in the average");
  }
  const Shape column{running.mu.rows(), 1};
  expect_shape(what, "running.mu", running.mu.shape(), column);
  expect_shape(what, "running.var", running.var.shape(), column);
  expect_shape(what, "mu", mu.shape(), column);
  expect_shape(what, "var", var.shape(), column);
  const double beta = momentum;
  DLC_TODO("course2.update_running_averages");
  return running;
}

Matrix batchnorm_at_test_time(const Matrix& Z, const Matrix& gamma, const Matrix& beta,
                              const RunningAverages& running, double epsilon) {
  const char* what = "batchnorm_at_test_time";
  check_epsilon(what, epsilon);
  check_scale_shift(what, Z, gamma, beta);
  const Shape column{Z.rows(), 1};
  expect_shape(what, "running.mu", running.mu.shape(), column);
  expect_shape(what, "running.var", running.var.shape(), column);
  Matrix Z_tilde;
  DLC_TODO("course2.batchnorm_at_test_time");
  return Z_tilde;
}

}  // namespace dlc::course2::batch_norm
