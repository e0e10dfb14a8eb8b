// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/course2/panda.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "course2/panda.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "common/checkpoint.hpp"
#include "common/checks.hpp"
#include "common/exercise.hpp"
#include "common/training.hpp"
#include "course2/learning_rate_decay.hpp"

namespace dlc::course2::panda {

namespace {

/// `[2, 5, 2, 1]`.
std::string to_text(const LayerDims& layers_dims) {
  std::string text = "[";
  for (std::size_t l = 0; l < layers_dims.size(); ++l)
    text += (l > 0 ? ", " : "") + std::to_string(layers_dims[l]);
  return text + "]";
}

/// Throws ShapeError naming `what` unless the parameters, v and s of `state` are those of the
/// network `settings.layers_dims` on `n_x` features.
void check_state(const char* what, const TrainingState& state, std::size_t n_x) {
  const LayerDims& n = state.settings.layers_dims;
  check_three_layers(what, state.parameters, n_x);
  for (std::size_t l = 1; l < n.size(); ++l) {
    const Shape W{static_cast<std::size_t>(n[l]), static_cast<std::size_t>(n[l - 1])};
    if (state.parameters.W[l].shape() != W) {
      throw ShapeError(std::string(what) + ": W[" + std::to_string(l) + "] is " +
                       to_string(state.parameters.W[l].shape()) + " but the settings' layers " +
                       to_text(n) + " make it " + to_string(W));
    }
  }
  optimizers::check_averages(what, "v", state.parameters, state.v);
  optimizers::check_averages(what, "s", state.parameters, state.s);
  if (state.t < 0 || state.epoch < 0) {
    throw std::invalid_argument(std::string(what) + ": t is " + std::to_string(state.t) +
                                " and epoch is " + std::to_string(state.epoch) +
                                " but both count from 0");
  }
  if (state.rng_state.pos > RandomState::kStateSize) {
    throw std::invalid_argument(std::string(what) + ": the generator's position is " +
                                std::to_string(state.rng_state.pos) + " but must be at most " +
                                std::to_string(RandomState::kStateSize));
  }
}

}  // namespace

void check_settings(const char* what, const Settings& settings) {
  const Settings& o = settings;
  check_layers_dims(what, o.layers_dims);
  if (o.layers_dims.size() != 4 || o.layers_dims[3] != 1) {
    throw std::invalid_argument(std::string(what) + ": layers_dims is " + to_text(o.layers_dims) +
                                " but the week's network has three layers and one output unit: "
                                "[n_x, n1, n2, 1]");
  }
  check_learning_rate(what, o.learning_rate);
  mini_batch::check_mini_batch_size(what, o.mini_batch_size);
  optimizers::check_beta(what, "beta1", o.beta1);
  optimizers::check_beta(what, "beta2", o.beta2);
  optimizers::check_epsilon(what, o.epsilon);
}

std::vector<mini_batch::MiniBatch> mini_batches_in_order(
    const Matrix& X, const Matrix& Y, const std::vector<std::size_t>& permutation,
    int mini_batch_size) {
  mini_batch::check_mini_batch_size("mini_batches_in_order", mini_batch_size);
  const std::size_t m = X.cols();
  if (m == 0 || Y.shape() != Shape{1, m} || permutation.size() != m) {
    throw ShapeError("mini_batches_in_order: X is " + to_string(X.shape()) + ", Y is " +
                     to_string(Y.shape()) + " and the permutation has " +
                     std::to_string(permutation.size()) +
                     " entries, but Y must be (1, m) and the permutation m long, m = X.cols");
  }
  std::vector<bool> seen(m, false);
  for (const std::size_t j : permutation) {
    if (j >= m || seen[j]) {
      throw ShapeError("mini_batches_in_order: the permutation holds " + std::to_string(j) +
                       (j >= m ? " (past the last column)" : " twice") +
                       ": it must hold each of 0.." + std::to_string(m - 1) + " once");
    }
    seen[j] = true;
  }
  const auto size = static_cast<std::size_t>(mini_batch_size);
  const Matrix shuffled_X = X.columns(permutation);  // X[:, permutation]
  const Matrix shuffled_Y = Y.columns(permutation);  // Y[:, permutation]
  std::vector<mini_batch::MiniBatch> mini_batches;
  for (std::size_t k = 0; k < m / size; ++k) {
    mini_batches.push_back({shuffled_X.cols_range(k * size, (k + 1) * size),
                            shuffled_Y.cols_range(k * size, (k + 1) * size)});
  }
  if (m % size != 0) {
    mini_batches.push_back(
        {shuffled_X.cols_range(m / size * size, m), shuffled_Y.cols_range(m / size * size, m)});
  }
  return mini_batches;
}

TrainingState train_epoch(const Matrix& X, const Matrix& Y, TrainingState state) {
  check_settings("train_epoch", state.settings);
  check_examples("train_epoch", X, Y);
  check_state("train_epoch", state, X.rows());
  const Settings& o = state.settings;
  const double m = static_cast<double>(X.cols());  // the number of training examples
  const std::size_t costs_before = state.costs.size();
  DLC_TODO("course2.panda_train_epoch");
  if (state.costs.size() == costs_before + 1) {
    check_cost(state.costs.back(), state.epoch - 1, o.learning_rate);
  }
  return state;
}

TrainingState start(const Settings& settings) {
  check_settings("start", settings);
  TrainingState state;
  state.settings = settings;
  state.parameters = initialization::initialize_parameters_he(settings.layers_dims);  // seed 3
  auto [v, s] = optimizers::initialize_adam(state.parameters);                        // zeros
  state.v = std::move(v);
  state.s = std::move(s);
  state.t = 0;
  state.rng_state = RandomState(settings.seed).get_state();  // np.random.seed(seed)
  state.epoch = 0;
  return state;
}

void save_checkpoint(const std::string& path, const TrainingState& state) {
  dlc::save_checkpoint(path, kCheckpointKind, state);
}

TrainingState load_checkpoint(const std::string& path, const LayerDims& layers_dims) {
  TrainingState state = dlc::load_checkpoint<TrainingState>(path, kCheckpointKind);
  if (state.settings.layers_dims != layers_dims) {
    throw CheckpointError(path + ": a checkpoint of the network " +
                          to_text(state.settings.layers_dims) + ", not of this run's " +
                          to_text(layers_dims));
  }
  try {
    check_settings("checkpoint", state.settings);
    check_state("checkpoint", state, static_cast<std::size_t>(layers_dims[0]));
    if (state.costs.size() != static_cast<std::size_t>(state.epoch)) {
      throw std::invalid_argument("it holds " + std::to_string(state.costs.size()) + " costs for " +
                                  std::to_string(state.epoch) + " epochs");
    }
  } catch (const std::exception& e) {
    throw CheckpointError(path + ": an inconsistent checkpoint: " + e.what());
  }
  return state;
}

TrainingState resume(TrainingState checkpoint, std::optional<double> learning_rate) {
  if (learning_rate) {
    check_learning_rate("resume", *learning_rate);
    checkpoint.settings.learning_rate = *learning_rate;  // the panda's babysitting
  }
  return checkpoint;  // epoch, parameters, v, s, t and the generator as they were saved
}

RunResult train(const Matrix& X, const Matrix& Y, TrainingState state, const RunOptions& options,
                std::ostream& out) {
  if (options.print_every < 1 || options.every < 1) {
    throw std::invalid_argument("train: print_every is " + std::to_string(options.print_every) +
                                " and every is " + std::to_string(options.every) +
                                " but both must be at least 1 epoch");
  }
  RunResult result;
  auto save = [&] {
    save_checkpoint(options.checkpoint, state);
    out << "Checkpoint saved: " << options.checkpoint << " (" << state.epoch << " epochs done)\n"
        << std::flush;
  };
  while (state.epoch < options.num_epochs) {
    const long i = state.epoch;  // the epoch being trained
    state = train_epoch(X, Y, std::move(state));
    if (i % options.print_every == 0) {
      out << "Cost after epoch " << i << ": " << percent_f(state.costs.back()) << "\n"
          << std::flush;
    }
    const bool stop = options.stop_requested && options.stop_requested();
    if (!options.checkpoint.empty() && (state.epoch % options.every == 0 || stop)) {
      save();
      result.saved = true;
    } else {
      result.saved = false;
    }
    if (stop && state.epoch < options.num_epochs) {
      result.stopped = true;
      break;
    }
  }
  result.state = std::move(state);
  return result;
}

}  // namespace dlc::course2::panda
