/// \file
/// \brief What every training loop shares: stopping on divergence, and printing numbers the
/// way the notebooks print them.
#pragma once

#include <stdexcept>
#include <string>

namespace dlc {

/// Thrown when a training run's cost stops being a finite number. The message names the
/// iteration and the learning rate, e.g. `training diverged: the cost is nan at iteration
/// 37 (learning rate 10); try a smaller learning rate`.
class TrainingDiverged : public std::runtime_error {
 public:
  /// The error for a `cost` that is not finite at `iteration`, with `learning_rate` in use.
  TrainingDiverged(double cost, long iteration, double learning_rate);
  double cost() const { return cost_; }                    ///< the cost that is not finite
  long iteration() const { return iteration_; }            ///< the iteration whose cost failed
  double learning_rate() const { return learning_rate_; }  ///< the learning rate in use

 private:
  double cost_;
  long iteration_;
  double learning_rate_;
};

/// Throws `TrainingDiverged` unless `cost` is finite.
void check_cost(double cost, long iteration, double learning_rate);

/// A double as Python's `repr`/`str` prints it: the shortest text that reads back to the same
/// number (`0.1`, `70.0`, `0.9999999999999998`, `1e-05`). This is how the notebooks print
/// `np.float64` values and accuracies.
std::string python_repr(double x);

/// A double as Python's `"%f" % x` prints it: six decimals (`0.693147`).
std::string percent_f(double x);

}  // namespace dlc
