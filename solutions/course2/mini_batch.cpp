#include "course2/mini_batch.hpp"

#include <stdexcept>
#include <string>

#include "common/checks.hpp"
#include "common/exercise.hpp"
#include "common/random.hpp"

namespace dlc::course2::mini_batch {

void check_mini_batch_size(const char* what, long mini_batch_size) {
  if (mini_batch_size < 1) {
    throw std::invalid_argument(std::string(what) + ": mini_batch_size is " +
                                std::to_string(mini_batch_size) +
                                " but a mini-batch needs at least 1 example");
  }
}

void check_gradients(const char* what, const Parameters& parameters, const Gradients& grads) {
  const std::size_t L = parameters.L();
  if (parameters.b.size() != parameters.W.size() || grads.dW.size() != L + 1 ||
      grads.db.size() != L + 1) {
    throw ShapeError(std::string(what) + ": the parameters have " + std::to_string(L) +
                     " layers (" + std::to_string(parameters.W.size()) + " W and " +
                     std::to_string(parameters.b.size()) + " b entries) but grads has " +
                     std::to_string(grads.dW.size()) + " dW and " +
                     std::to_string(grads.db.size()) + " db entries; each needs " +
                     std::to_string(L + 1) + " (entry 0 empty)");
  }
  for (std::size_t l = 1; l <= L; ++l) {
    if (grads.dW[l].shape() != parameters.W[l].shape() ||
        grads.db[l].shape() != parameters.b[l].shape()) {
      throw ShapeError(
          std::string(what) + ": layer " + std::to_string(l) + ": dW is " +
          to_string(grads.dW[l].shape()) + " and db is " + to_string(grads.db[l].shape()) +
          " but W is " + to_string(parameters.W[l].shape()) + " and b is " +
          to_string(parameters.b[l].shape()) + "; each gradient has its parameter's shape");
    }
  }
}

Parameters update_parameters_with_gd(Parameters parameters, const Gradients& grads,
                                     double learning_rate) {
  check_learning_rate("update_parameters_with_gd", learning_rate);
  check_gradients("update_parameters_with_gd", parameters, grads);
  const std::size_t L = parameters.L();
  // BEGIN SOLUTION course2.update_parameters_with_gd
  for (std::size_t l = 1; l <= L; ++l) {
    // W[l] = W[l] - alpha dW[l], in one pass over W[l]'s entries
    parameters.W[l].update_entries([=](double W, double dW) { return W - learning_rate * dW; },
                                   grads.dW[l]);
    // b[l] = b[l] - alpha db[l]
    parameters.b[l].update_entries([=](double b, double db) { return b - learning_rate * db; },
                                   grads.db[l]);
  }
  // END SOLUTION
  return parameters;
}

std::vector<MiniBatch> random_mini_batches(const Matrix& X, const Matrix& Y, int mini_batch_size,
                                           std::uint32_t seed) {
  check_mini_batch_size("random_mini_batches", mini_batch_size);
  if (X.cols() == 0 || Y.shape() != Shape{1, X.cols()}) {
    throw ShapeError("random_mini_batches: X is " + to_string(X.shape()) + " and Y is " +
                     to_string(Y.shape()) + " but Y must be (1, m) with m = X.cols, at least 1");
  }
  RandomState rng(seed);  // np.random.seed(seed)
  const std::size_t m = X.cols();
  const auto size = static_cast<std::size_t>(mini_batch_size);
  std::vector<MiniBatch> mini_batches;
  // BEGIN SOLUTION course2.random_mini_batches
  // Step 1: shuffle X and Y by the same permutation of the columns.
  const std::vector<std::size_t> permutation = rng.permutation(m);  // np.random.permutation(m)
  const Matrix shuffled_X = X.columns(permutation);                 // X[:, permutation]
  const Matrix shuffled_Y = Y.columns(permutation);                 // Y[:, permutation]
  // Step 2: partition, the complete mini-batches first.
  const std::size_t num_complete_minibatches = m / size;  // floor(m / mini_batch_size)
  for (std::size_t k = 0; k < num_complete_minibatches; ++k) {
    mini_batches.push_back({shuffled_X.cols_range(k * size, (k + 1) * size),    // columns
                            shuffled_Y.cols_range(k * size, (k + 1) * size)});  // [k s, (k+1) s)
  }
  if (m % size != 0) {  // the last mini-batch: the m % size columns left
    mini_batches.push_back({shuffled_X.cols_range(num_complete_minibatches * size, m),
                            shuffled_Y.cols_range(num_complete_minibatches * size, m)});
  }
  // END SOLUTION
  return mini_batches;
}

}  // namespace dlc::course2::mini_batch
