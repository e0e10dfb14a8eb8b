// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/course2/learning_rate_decay.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "course2/learning_rate_decay.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "common/checks.hpp"
#include "common/exercise.hpp"
#include "common/random.hpp"
#include "common/training.hpp"
#include "course2/mini_batch.hpp"
#include "course2/optimizers.hpp"

namespace dlc::course2::learning_rate_decay {

namespace {

/// Throws std::invalid_argument naming `what` unless the first rate is positive and the epoch
/// is 0 or more.
void check_rate_and_epoch(const char* what, double learning_rate0, long epoch_num) {
  if (!(learning_rate0 > 0.0) || !std::isfinite(learning_rate0)) {
    throw std::invalid_argument(std::string(what) + ": learning_rate0 is " +
                                python_repr(learning_rate0) + " but must be positive");
  }
  if (epoch_num < 0) {
    throw std::invalid_argument(std::string(what) + ": epoch_num is " + std::to_string(epoch_num) +
                                " but epochs count from 0");
  }
}

/// Throws std::invalid_argument naming `what` unless the decay rate is 0 or more.
void check_decay_rate(const char* what, double decay_rate) {
  if (!(decay_rate >= 0.0) || !std::isfinite(decay_rate)) {
    throw std::invalid_argument(std::string(what) + ": decay_rate is " + python_repr(decay_rate) +
                                " but must be 0 or more");
  }
}

/// Throws std::invalid_argument naming `what` and `name` unless the interval is at least 1.
void check_interval(const char* what, const char* name, long interval) {
  if (interval < 1) {
    throw std::invalid_argument(std::string(what) + ": " + name + " is " +
                                std::to_string(interval) + " but must be at least 1 epoch");
  }
}

/// Throws std::invalid_argument naming `what` and `name` unless 0 < factor <= 1.
void check_factor(const char* what, const char* name, double factor) {
  if (!(factor > 0.0 && factor <= 1.0)) {
    throw std::invalid_argument(std::string(what) + ": " + name + " is " + python_repr(factor) +
                                " but must be in (0, 1]: a decay never raises the rate");
  }
}

}  // namespace

double update_lr(double learning_rate0, long epoch_num, double decay_rate) {
  check_rate_and_epoch("update_lr", learning_rate0, epoch_num);
  check_decay_rate("update_lr", decay_rate);
  double learning_rate = 0.0;
  DLC_TODO("course2.update_lr");
  return learning_rate;
}

double schedule_lr_decay(double learning_rate0, long epoch_num, double decay_rate,
                         long time_interval) {
  check_rate_and_epoch("schedule_lr_decay", learning_rate0, epoch_num);
  check_decay_rate("schedule_lr_decay", decay_rate);
  check_interval("schedule_lr_decay", "time_interval", time_interval);
  double learning_rate = 0.0;
  DLC_TODO("course2.schedule_lr_decay");
  return learning_rate;
}

double exponential_lr_decay(double learning_rate0, long epoch_num, double base) {
  check_rate_and_epoch("exponential_lr_decay", learning_rate0, epoch_num);
  check_factor("exponential_lr_decay", "base", base);
  double learning_rate = 0.0;
  DLC_TODO("course2.exponential_lr_decay");
  return learning_rate;
}

double staircase_lr_decay(double learning_rate0, long epoch_num, double factor, long step) {
  check_rate_and_epoch("staircase_lr_decay", learning_rate0, epoch_num);
  check_factor("staircase_lr_decay", "factor", factor);
  check_interval("staircase_lr_decay", "step", step);
  double learning_rate = 0.0;
  DLC_TODO("course2.staircase_lr_decay");
  return learning_rate;
}

ToyData load_dataset() {
  RandomState rng(3);                // np.random.seed(3)
  return make_moons(rng, 300, 0.2);  // make_moons(n_samples=300, noise=.2), X.T, y (1, m)
}

double compute_cost(const Matrix& a3, const Matrix& Y) {
  if (a3.shape() != Y.shape() || a3.rows() != 1 || a3.cols() == 0) {
    throw ShapeError("compute_cost: a3 is " + to_string(a3.shape()) + " and Y is " +
                     to_string(Y.shape()) + " but both must be the same (1, m), m at least 1");
  }
  const Matrix logprobs = (-log(a3)) * Y + (-log(1.0 - a3)) * (1.0 - Y);  // -y log a - ...
  return sum(logprobs);  // the sum over the examples, not their mean
}

Trained train_model(const Matrix& X, const Matrix& Y, const ModelOptions& options,
                    std::ostream& out) {
  const ModelOptions& o = options;
  check_learning_rate("model", o.learning_rate);
  check_iterations("model", o.num_epochs);
  mini_batch::check_mini_batch_size("model", o.mini_batch_size);
  optimizers::check_beta("model", "beta", o.beta);
  optimizers::check_beta("model", "beta1", o.beta1);
  optimizers::check_beta("model", "beta2", o.beta2);
  optimizers::check_epsilon("model", o.epsilon);
  check_decay_rate("model", o.decay_rate);
  check_interval("model", "time_interval", o.time_interval);
  if (o.optimizer != "gd" && o.optimizer != "momentum" && o.optimizer != "adam") {
    throw std::invalid_argument("model: optimizer is \"" + o.optimizer +
                                "\" but must be \"gd\", \"momentum\" or \"adam\"");
  }
  if (!o.decay.empty() && o.decay != "update_lr" && o.decay != "schedule_lr_decay") {
    throw std::invalid_argument("model: decay is \"" + o.decay +
                                "\" but must be \"update_lr\", \"schedule_lr_decay\" or none");
  }
  check_layers_dims("model", o.layers_dims);
  if (o.layers_dims.size() != 4) {
    throw std::invalid_argument("model: layers_dims has " + std::to_string(o.layers_dims.size()) +
                                " sizes but the week's network has three layers: 4 sizes");
  }
  check_examples("model", X, Y);
  if (static_cast<std::size_t>(o.layers_dims[0]) != X.rows()) {
    throw ShapeError("model: layers_dims[0] is " + std::to_string(o.layers_dims[0]) + " but X is " +
                     to_string(X.shape()) + ": n[0] must be its rows");
  }
  if (o.layers_dims[3] != 1) {
    throw std::invalid_argument("model: layers_dims[3] is " + std::to_string(o.layers_dims[3]) +
                                " but the output layer has one unit");
  }

  const double m = static_cast<double>(X.cols());  // the number of training examples
  const double learning_rate0 = o.learning_rate;
  double learning_rate = o.learning_rate;
  int t = 0;                // Adam's counter of updates
  std::uint32_t seed = 10;  // the notebook's seed, one more each epoch
  Trained trained{initialization::initialize_parameters_he(o.layers_dims), {}};
  Parameters& parameters = trained.parameters;
  optimizers::Averages v, s;
  if (o.optimizer == "momentum") {
    v = optimizers::initialize_velocity(parameters);
  } else if (o.optimizer == "adam") {
    auto [v0, s0] = optimizers::initialize_adam(parameters);
    v = std::move(v0);
    s = std::move(s0);
  }

  for (int i = 0; i < o.num_epochs; ++i) {
    // A new shuffle each epoch: the seed grows by one.
    seed = seed + 1;
    const std::vector<mini_batch::MiniBatch> minibatches =
        mini_batch::random_mini_batches(X, Y, o.mini_batch_size, seed);
    double cost_total = 0.0;
    for (const auto& [minibatch_X, minibatch_Y] : minibatches) {
      Gradients grads;
      {
        const auto [a3, cache] = forward_propagation(minibatch_X, parameters);
        if (std::isnan(sum(a3))) throw TrainingDiverged(std::nan(""), i, learning_rate);
        cost_total += compute_cost(a3, minibatch_Y);
        grads = backward_propagation(minibatch_X, minibatch_Y, cache);
      }  // the cache's copies of W and b are gone: the update writes in place
      if (o.optimizer == "gd") {
        parameters =
            mini_batch::update_parameters_with_gd(std::move(parameters), grads, learning_rate);
      } else if (o.optimizer == "momentum") {
        auto [p, v1] = optimizers::update_parameters_with_momentum(
            std::move(parameters), grads, std::move(v), o.beta, learning_rate);
        parameters = std::move(p);
        v = std::move(v1);
      } else {
        t = t + 1;  // Adam's counter counts updates, not epochs
        auto step = optimizers::update_parameters_with_adam(
            std::move(parameters), grads, std::move(v), std::move(s), t, learning_rate, o.beta1,
            o.beta2, o.epsilon);
        parameters = std::move(step.parameters);
        v = std::move(step.v);
        s = std::move(step.s);
      }
    }
    const double cost_avg = cost_total / m;
    // A saturated output (a3 exactly 0 or 1) makes 0 log 0 = NaN, or log 0 = -inf: stop there.
    if (!std::isfinite(cost_avg)) throw TrainingDiverged(cost_avg, i, learning_rate);
    if (o.decay == "update_lr") {
      learning_rate = update_lr(learning_rate0, i, o.decay_rate);
    } else if (o.decay == "schedule_lr_decay") {
      learning_rate = schedule_lr_decay(learning_rate0, i, o.decay_rate, o.time_interval);
    }
    if (o.print_cost && i % 1000 == 0) {
      out << "Cost after epoch " << i << ": " << percent_f(cost_avg) << "\n";
      if (!o.decay.empty())
        out << "learning rate after epoch " << i << ": " << percent_f(learning_rate) << "\n";
      out << std::flush;
    }
    if (o.print_cost && i % 100 == 0) trained.costs.push_back(cost_avg);
  }
  return trained;
}

Trained model(const Matrix& X, const Matrix& Y, const LayerDims& layers_dims,
              const std::string& optimizer, double learning_rate, int mini_batch_size, double beta,
              double beta1, double beta2, double epsilon, int num_epochs, bool print_cost,
              const std::string& decay, double decay_rate, std::ostream& out) {
  ModelOptions options;
  options.layers_dims = layers_dims;
  options.optimizer = optimizer;
  options.learning_rate = learning_rate;
  options.mini_batch_size = mini_batch_size;
  options.beta = beta;
  options.beta1 = beta1;
  options.beta2 = beta2;
  options.epsilon = epsilon;
  options.num_epochs = num_epochs;
  options.print_cost = print_cost;
  options.decay = decay;
  options.decay_rate = decay_rate;
  return train_model(X, Y, options, out);
}

}  // namespace dlc::course2::learning_rate_decay
