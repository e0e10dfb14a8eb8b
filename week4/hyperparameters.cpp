// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/week4/hyperparameters.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "week4/hyperparameters.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "common/checks.hpp"
#include "common/exercise.hpp"
#include "common/training.hpp"

namespace dlc::week4 {

std::vector<LearningRateRun> learning_rate_sweep(const Matrix& X, const Matrix& Y,
                                                 const LayerDims& layers_dims,
                                                 const std::vector<double>& learning_rates,
                                                 long num_iterations, std::uint32_t seed) {
  // Everything is checked before the first run, so that a bad rate at the end of the list does
  // not waste the runs before it.
  if (learning_rates.empty()) {
    throw std::invalid_argument(
        "learning_rate_sweep: the list of learning rates is empty; give at least one");
  }
  for (std::size_t k = 0; k < learning_rates.size(); ++k) {
    const double alpha = learning_rates[k];
    if (!(alpha > 0.0) || !std::isfinite(alpha)) {
      throw std::invalid_argument("learning_rate_sweep: learning_rates[" + std::to_string(k) +
                                  "] is " + python_repr(alpha) +
                                  " but every learning rate must be a positive number");
    }
  }
  check_iterations("learning_rate_sweep", num_iterations, 1);
  check_training_data("learning_rate_sweep", X, Y, layers_dims);

  std::vector<LearningRateRun> runs;
  for (const double alpha : learning_rates) {
    LearningRateRun run;
    run.learning_rate = alpha;
    DLC_TODO("week4.learning_rate_sweep");
    runs.push_back(std::move(run));
  }
  return runs;
}

}  // namespace dlc::week4
