// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/course2/optimizers.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

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
  DLC_TODO("course2.initialize_velocity");
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
  DLC_TODO("course2.update_parameters_with_momentum");
  return MomentumStep{std::move(parameters), std::move(v)};
}

AdamAverages initialize_adam(const Parameters& parameters) {
  check_parameters("initialize_adam", parameters);
  const std::size_t L = parameters.L();
  AdamAverages a{{std::vector<Matrix>(L + 1), std::vector<Matrix>(L + 1)},
                 {std::vector<Matrix>(L + 1), std::vector<Matrix>(L + 1)}};
  auto& [v, s] = a;
  DLC_TODO("course2.initialize_adam");
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
  DLC_TODO("course2.update_parameters_with_adam");
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
  DLC_TODO("course2.update_parameters_with_rmsprop");
  return RmspropStep{std::move(parameters), std::move(s)};
}

}  // namespace dlc::course2::optimizers
