#include "course2/optimizers.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "common/checks.hpp"
#include "common/exercise.hpp"
#include "common/training.hpp"
#include "course2/mini_batch.hpp"

namespace dlc::course2::optimizers {

void check_beta(const char* what, const char* name, double beta) {
  if (!(beta >= 0.0 && beta < 1.0)) {
    throw std::invalid_argument(std::string(what) + ": " + name + " is " + python_repr(beta) +
                                " but must be in [0, 1): the weight of the past in the average");
  }
}

void check_epsilon(const char* what, double epsilon) {
  if (!(epsilon > 0.0) || !std::isfinite(epsilon)) {
    throw std::invalid_argument(std::string(what) + ": epsilon is " + python_repr(epsilon) +
                                " but must be positive: it keeps the division away from 0");
  }
}

void check_averages(const char* what, const char* name, const Parameters& parameters,
                    const Averages& average) {
  const std::size_t L = parameters.L();
  if (average.dW.size() != L + 1 || average.db.size() != L + 1) {
    throw ShapeError(std::string(what) + ": the parameters have " + std::to_string(L) +
                     " layers but " + name + " has " + std::to_string(average.dW.size()) +
                     " dW and " + std::to_string(average.db.size()) + " db entries; each needs " +
                     std::to_string(L + 1) + " (entry 0 empty)");
  }
  for (std::size_t l = 1; l <= L; ++l) {
    if (average.dW[l].shape() != parameters.W[l].shape() ||
        average.db[l].shape() != parameters.b[l].shape()) {
      throw ShapeError(std::string(what) + ": layer " + std::to_string(l) + ": " + name +
                       ".dW is " + to_string(average.dW[l].shape()) + " and " + name + ".db is " +
                       to_string(average.db[l].shape()) + " but W is " +
                       to_string(parameters.W[l].shape()) + " and b is " +
                       to_string(parameters.b[l].shape()));
    }
  }
}

namespace {

/// Checks that parameters has as many b as W (the number of layers, L, is W.size() - 1).
void check_parameters(const char* what, const Parameters& parameters) {
  if (parameters.b.size() != parameters.W.size()) {
    throw ShapeError(std::string(what) + ": parameters has " + std::to_string(parameters.W.size()) +
                     " W and " + std::to_string(parameters.b.size()) +
                     " b entries; each layer needs both (entry 0 empty)");
  }
}

}  // namespace

Averages initialize_velocity(const Parameters& parameters) {
  check_parameters("initialize_velocity", parameters);
  const std::size_t L = parameters.L();
  Averages v{std::vector<Matrix>(L + 1), std::vector<Matrix>(L + 1)};
  // BEGIN SOLUTION course2.initialize_velocity
  for (std::size_t l = 1; l <= L; ++l) {
    v.dW[l] = Matrix::zeros(parameters.W[l].rows(), parameters.W[l].cols());  // zeros_like(W[l])
    v.db[l] = Matrix::zeros(parameters.b[l].rows(), parameters.b[l].cols());  // zeros_like(b[l])
  }
  // END SOLUTION
  return v;
}

MomentumStep update_parameters_with_momentum(Parameters parameters, const Gradients& grads,
                                             Averages v, double beta, double learning_rate) {
  check_beta("update_parameters_with_momentum", "beta", beta);
  check_learning_rate("update_parameters_with_momentum", learning_rate);
  mini_batch::check_gradients("update_parameters_with_momentum", parameters, grads);
  check_averages("update_parameters_with_momentum", "v", parameters, v);
  const std::size_t L = parameters.L();
  auto& W = parameters.W;
  auto& b = parameters.b;
  // BEGIN SOLUTION course2.update_parameters_with_momentum
  for (std::size_t l = 1; l <= L; ++l) {
    // v_dW = beta v_dW + (1 - beta) dW
    v.dW[l].update_entries([=](double v, double dW) { return beta * v + (1 - beta) * dW; },
                           grads.dW[l]);
    // v_db = beta v_db + (1 - beta) db
    v.db[l].update_entries([=](double v, double db) { return beta * v + (1 - beta) * db; },
                           grads.db[l]);
    // W = W - alpha v_dW
    W[l].update_entries([=](double W, double v) { return W - learning_rate * v; }, v.dW[l]);
    // b = b - alpha v_db
    b[l].update_entries([=](double b, double v) { return b - learning_rate * v; }, v.db[l]);
  }
  // END SOLUTION
  return MomentumStep{std::move(parameters), std::move(v)};
}

AdamAverages initialize_adam(const Parameters& parameters) {
  check_parameters("initialize_adam", parameters);
  const std::size_t L = parameters.L();
  AdamAverages a{{std::vector<Matrix>(L + 1), std::vector<Matrix>(L + 1)},
                 {std::vector<Matrix>(L + 1), std::vector<Matrix>(L + 1)}};
  auto& [v, s] = a;
  // BEGIN SOLUTION course2.initialize_adam
  for (std::size_t l = 1; l <= L; ++l) {
    const Shape W = parameters.W[l].shape();
    const Shape b = parameters.b[l].shape();
    v.dW[l] = Matrix::zeros(W.rows, W.cols);  // v["dW" + str(l)] = zeros_like(W[l])
    v.db[l] = Matrix::zeros(b.rows, b.cols);  // v["db" + str(l)] = zeros_like(b[l])
    s.dW[l] = Matrix::zeros(W.rows, W.cols);  // s["dW" + str(l)] = zeros_like(W[l])
    s.db[l] = Matrix::zeros(b.rows, b.cols);  // s["db" + str(l)] = zeros_like(b[l])
  }
  // END SOLUTION
  return a;
}

AdamStep update_parameters_with_adam(Parameters parameters, const Gradients& grads, Averages v,
                                     Averages s, int t, double learning_rate, double beta1,
                                     double beta2, double epsilon) {
  const char* what = "update_parameters_with_adam";
  if (t < 1) {
    throw std::invalid_argument(std::string(what) + ": t is " + std::to_string(t) +
                                " but counts the updates, this one included: 1 for the first");
  }
  check_learning_rate(what, learning_rate);
  check_beta(what, "beta1", beta1);
  check_beta(what, "beta2", beta2);
  check_epsilon(what, epsilon);
  mini_batch::check_gradients(what, parameters, grads);
  check_averages(what, "v", parameters, v);
  check_averages(what, "s", parameters, s);
  const std::size_t L = parameters.L();
  auto& W = parameters.W;
  auto& b = parameters.b;
  Averages v_corrected{std::vector<Matrix>(L + 1), std::vector<Matrix>(L + 1)};
  Averages s_corrected{std::vector<Matrix>(L + 1), std::vector<Matrix>(L + 1)};
  // BEGIN SOLUTION course2.update_parameters_with_adam
  for (std::size_t l = 1; l <= L; ++l) {
    // v_dW = beta1 v_dW + (1 - beta1) dW, and the same for b
    v.dW[l].update_entries([=](double v, double dW) { return beta1 * v + (1 - beta1) * dW; },
                           grads.dW[l]);
    v.db[l].update_entries([=](double v, double db) { return beta1 * v + (1 - beta1) * db; },
                           grads.db[l]);
    // v_corrected = v / (1 - beta1^t): the bias correction of the first moment
    v_corrected.dW[l] = v.dW[l] / (1 - std::pow(beta1, t));
    v_corrected.db[l] = v.db[l] / (1 - std::pow(beta1, t));
    // s_dW = beta2 s_dW + (1 - beta2) dW^2, and the same for b
    s.dW[l].update_entries([=](double s, double dW) { return beta2 * s + (1 - beta2) * (dW * dW); },
                           grads.dW[l]);
    s.db[l].update_entries([=](double s, double db) { return beta2 * s + (1 - beta2) * (db * db); },
                           grads.db[l]);
    // s_corrected = s / (1 - beta2^t): the bias correction of the second moment
    s_corrected.dW[l] = s.dW[l] / (1 - std::pow(beta2, t));
    s_corrected.db[l] = s.db[l] / (1 - std::pow(beta2, t));
    // W = W - alpha v_corrected / (sqrt(s_corrected) + epsilon), and the same for b
    W[l].update_entries(
        [=](double W, double v_corr, double s_corr) {
          return W - learning_rate * v_corr / (std::sqrt(s_corr) + epsilon);
        },
        v_corrected.dW[l], s_corrected.dW[l]);
    b[l].update_entries(
        [=](double b, double v_corr, double s_corr) {
          return b - learning_rate * v_corr / (std::sqrt(s_corr) + epsilon);
        },
        v_corrected.db[l], s_corrected.db[l]);
  }
  // END SOLUTION
  return AdamStep{std::move(parameters), std::move(v), std::move(s), std::move(v_corrected),
                  std::move(s_corrected)};
}

RmspropStep update_parameters_with_rmsprop(Parameters parameters, const Gradients& grads,
                                           Averages s, double beta2, double learning_rate,
                                           double epsilon) {
  const char* what = "update_parameters_with_rmsprop";
  check_beta(what, "beta2", beta2);
  check_learning_rate(what, learning_rate);
  check_epsilon(what, epsilon);
  mini_batch::check_gradients(what, parameters, grads);
  check_averages(what, "s", parameters, s);
  const std::size_t L = parameters.L();
  auto& W = parameters.W;
  auto& b = parameters.b;
  // BEGIN SOLUTION course2.update_parameters_with_rmsprop
  for (std::size_t l = 1; l <= L; ++l) {
    // s_dW = beta2 s_dW + (1 - beta2) dW^2, and the same for b
    s.dW[l].update_entries([=](double s, double dW) { return beta2 * s + (1 - beta2) * (dW * dW); },
                           grads.dW[l]);
    s.db[l].update_entries([=](double s, double db) { return beta2 * s + (1 - beta2) * (db * db); },
                           grads.db[l]);
    // W = W - alpha dW / (sqrt(s_dW) + epsilon), and the same for b
    W[l].update_entries(
        [=](double W, double dW, double s_dW) {
          return W - learning_rate * dW / (std::sqrt(s_dW) + epsilon);
        },
        grads.dW[l], s.dW[l]);
    b[l].update_entries(
        [=](double b, double db, double s_db) {
          return b - learning_rate * db / (std::sqrt(s_db) + epsilon);
        },
        grads.db[l], s.db[l]);
  }
  // END SOLUTION
  return RmspropStep{std::move(parameters), std::move(s)};
}

}  // namespace dlc::course2::optimizers
