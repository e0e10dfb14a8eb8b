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
  // BEGIN SOLUTION course2.batchnorm_forward
  mu = sum(Z, 1) / m;                // mu = 1/m sum_i z(i), (n, 1)
  Z_norm = Z - mu;                   // z(i) - mu, (n, m): divided by the spread two lines below
  var = sum(square(Z_norm), 1) / m;  // sigma^2 = 1/m sum_i (z(i) - mu)^2, (n, 1)
  Z_norm /= sqrt(var + epsilon);     // z_norm(i) = (z(i) - mu) / sqrt(sigma^2 + eps)
  Z_tilde = gamma * Z_norm + beta;   // z~(i) = gamma z_norm(i) + beta
  // END SOLUTION
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
  // BEGIN SOLUTION course2.batchnorm_backward
  // In the forward pass: z~ = gamma z_norm + beta, z_norm = (z - mu) / sqrt(sigma^2 + eps).
  dgamma = sum(dZ_tilde * Z_norm, 1) / m;    // dgamma = 1/m sum_i dz~(i) z_norm(i)
  dbeta = sum(dZ_tilde, 1) / m;              // dbeta = 1/m sum_i dz~(i)
  const Matrix sigma = sqrt(var + epsilon);  // sqrt(sigma^2 + eps), (n, 1)
  const Matrix Z_mu = Z - mu;                // z(i) - mu, (n, m)
  // dz_norm = gamma dz~
  const Matrix dZ_norm = dZ_tilde * gamma;
  // dsigma^2 = -1/2 (sigma^2 + eps)^(-3/2) sum_i dz_norm(i) (z(i) - mu)
  const Matrix dvar = -0.5 / (sigma * sigma * sigma) * sum(dZ_norm * Z_mu, 1);
  // dmu = -1/sqrt(sigma^2 + eps) sum_i dz_norm(i)
  const Matrix dmu = -1.0 / sigma * sum(dZ_norm, 1);
  // dz(i) = dz_norm(i) / sqrt(sigma^2 + eps) + dsigma^2 2 (z(i) - mu) / m + dmu / m, term by term:
  dZ = dZ_norm / sigma;           // through z_norm
  dZ += Z_mu * (2.0 / m * dvar);  // through sigma^2
  dZ += dmu / m;                  // through mu
  // END SOLUTION
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
  // BEGIN SOLUTION course2.update_running_averages
  // mu_run = beta mu_run + (1 - beta) mu
  running.mu.update_entries(
      [=](double mu_run, double mu) { return beta * mu_run + (1 - beta) * mu; }, mu);
  // sigma^2_run = beta sigma^2_run + (1 - beta) sigma^2
  running.var.update_entries(
      [=](double var_run, double var) { return beta * var_run + (1 - beta) * var; }, var);
  // END SOLUTION
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
  // BEGIN SOLUTION course2.batchnorm_at_test_time
  Matrix Z_norm = Z - running.mu;         // z - mu_run
  Z_norm /= sqrt(running.var + epsilon);  // z_norm = (z - mu_run) / sqrt(sigma^2_run + eps)
  Z_tilde = gamma * Z_norm + beta;        // z~ = gamma z_norm + beta
  // END SOLUTION
  return Z_tilde;
}

}  // namespace dlc::course2::batch_norm
