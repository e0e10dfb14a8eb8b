// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/course2/regularization.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "course2/regularization.hpp"

#include <cmath>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>

#include "common/checks.hpp"
#include "common/datasets.hpp"
#include "common/exercise.hpp"
#include "common/mat_reader.hpp"
#include "common/random.hpp"
#include "common/training.hpp"

namespace dlc::course2::regularization {

namespace {

/// Throws std::invalid_argument naming `what` unless lambd is a finite number, 0 or more.
void check_lambd(const char* what, double lambd) {
  if (!(lambd >= 0.0) || !std::isfinite(lambd)) {
    throw std::invalid_argument(std::string(what) + ": lambd is " + python_repr(lambd) +
                                " but must be a finite number, 0 or more");
  }
}

/// Throws std::invalid_argument naming `what` unless 0 < keep_prob <= 1.
void check_keep_prob(const char* what, double keep_prob) {
  if (!(keep_prob > 0.0 && keep_prob <= 1.0)) {
    throw std::invalid_argument(std::string(what) + ": keep_prob is " + python_repr(keep_prob) +
                                " but must be in (0, 1]: the probability to keep a unit");
  }
}

/// The labels of a set, (1, m), from MATLAB's (m, 1), each 0 or 1.
Matrix labels_of(const std::string& path, const char* name, const Matrix& y, std::size_t m) {
  if (y.rows() != m) {
    throw DataError(path + ": " + name + " holds " + std::to_string(y.rows()) +
                    " labels but the points are " + std::to_string(m));
  }
  for (std::size_t i = 0; i < m; ++i) {
    if (y(i, 0) != 0.0 && y(i, 0) != 1.0) {
      throw DataError(path + ": " + name + "(" + std::to_string(i + 1) + ") is " +
                      python_repr(y(i, 0)) + "; labels must be 0 or 1");
    }
  }
  return y.transposed();
}

}  // namespace

Dataset load_2D_dataset(const std::string& dir) {
  const std::string path = (std::filesystem::path(dir) / "data.mat").string();
  const Matrix X = read_mat_matrix(path, "X", kAnySize, 2);
  const Matrix y = read_mat_matrix(path, "y", kAnySize, 1);
  const Matrix Xval = read_mat_matrix(path, "Xval", kAnySize, 2);
  const Matrix yval = read_mat_matrix(path, "yval", kAnySize, 1);
  Dataset data;
  data.train_X = X.transposed();                             // train_X = X.T
  data.train_Y = labels_of(path, "y", y, X.rows());          // train_Y = y.T
  data.test_X = Xval.transposed();                           // test_X = Xval.T
  data.test_Y = labels_of(path, "yval", yval, Xval.rows());  // test_Y = yval.T
  return data;
}

Parameters initialize_parameters(const LayerDims& layer_dims) {
  check_layers_dims("initialize_parameters", layer_dims);
  RandomState rng(3);  // np.random.seed(3)
  const std::size_t L = layer_dims.size() - 1;
  Parameters parameters{std::vector<Matrix>(L + 1), std::vector<Matrix>(L + 1)};
  for (std::size_t l = 1; l <= L; ++l) {
    const auto n = static_cast<std::size_t>(layer_dims[l]);
    const auto n_prev = static_cast<std::size_t>(layer_dims[l - 1]);
    // W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1])
    parameters.W[l] = rng.randn(n, n_prev) / std::sqrt(static_cast<double>(n_prev));
    parameters.b[l] = Matrix::zeros(n, 1);  // b[l] = zeros(n[l], 1)
  }
  return parameters;
}

double compute_cost_with_regularization(const Matrix& A3, const Matrix& Y,
                                        const Parameters& parameters, double lambd) {
  if (A3.shape() != Y.shape() || A3.rows() != 1 || A3.cols() == 0) {
    throw ShapeError("compute_cost_with_regularization: A3 is " + to_string(A3.shape()) +
                     " and Y is " + to_string(Y.shape()) +
                     " but both must be the same (1, m), m at least 1");
  }
  check_three_layers("compute_cost_with_regularization", parameters,
                     parameters.W.size() == 4 ? parameters.W[1].cols() : 0);
  check_lambd("compute_cost_with_regularization", lambd);
  const double m = static_cast<double>(Y.cols());
  const auto& W = parameters.W;
  DLC_TODO("course2.compute_cost_with_regularization");
}

Gradients backward_propagation_with_regularization(const Matrix& X, const Matrix& Y,
                                                   const Cache& cache, double lambd) {
  check_cache("backward_propagation_with_regularization", X, Y, cache, /*dropout_masks=*/false);
  check_lambd("backward_propagation_with_regularization", lambd);
  const double m = static_cast<double>(X.cols());
  const auto& [Z, A, W, b, D] = cache;
  Gradients g{std::vector<Matrix>(4), std::vector<Matrix>(3), std::vector<Matrix>(4),
              std::vector<Matrix>(4)};
  auto& [dZ, dA, dW, db] = g;
  DLC_TODO("course2.backward_propagation_with_regularization");
  return g;
}

Forward forward_propagation_with_dropout(const Matrix& X, const Parameters& parameters,
                                         double keep_prob) {
  check_three_layers("forward_propagation_with_dropout", parameters, X.rows());
  check_keep_prob("forward_propagation_with_dropout", keep_prob);
  RandomState rng(1);  // np.random.seed(1)
  Cache cache{std::vector<Matrix>(4), std::vector<Matrix>(4), parameters.W, parameters.b,
              std::vector<Matrix>(3)};
  auto& [Z, A, W, b, D] = cache;
  const std::size_t m = X.cols();
  DLC_TODO("course2.forward_propagation_with_dropout");
  return Forward{cache.A[3], std::move(cache)};
}

Gradients backward_propagation_with_dropout(const Matrix& X, const Matrix& Y, const Cache& cache,
                                            double keep_prob) {
  check_cache("backward_propagation_with_dropout", X, Y, cache, /*dropout_masks=*/true);
  check_keep_prob("backward_propagation_with_dropout", keep_prob);
  const double m = static_cast<double>(X.cols());
  const auto& [Z, A, W, b, D] = cache;
  Gradients g{std::vector<Matrix>(4), std::vector<Matrix>(3), std::vector<Matrix>(4),
              std::vector<Matrix>(4)};
  auto& [dZ, dA, dW, db] = g;
  DLC_TODO("course2.backward_propagation_with_dropout");
  return g;
}

Trained train_model(const Matrix& X, const Matrix& Y, const ModelOptions& options,
                    std::ostream& out) {
  check_learning_rate("model", options.learning_rate);
  check_iterations("model", options.num_iterations);
  check_lambd("model", options.lambd);
  check_keep_prob("model", options.keep_prob);
  if (options.lambd != 0.0 && options.keep_prob < 1.0) {
    throw std::invalid_argument("model: lambd is " + python_repr(options.lambd) +
                                " and keep_prob is " + python_repr(options.keep_prob) +
                                " but the notebook's model uses one regularization at a time: "
                                "lambd = 0 or keep_prob = 1");
  }
  if (options.hidden.size() != 2) {
    throw std::invalid_argument("model: hidden has " + std::to_string(options.hidden.size()) +
                                " sizes but the week's network has two hidden layers");
  }
  check_examples("model", X, Y);
  const LayerDims layers_dims = {static_cast<int>(X.rows()), options.hidden[0], options.hidden[1],
                                 1};
  check_layers_dims("model", layers_dims);
  const double lambd = options.lambd, keep_prob = options.keep_prob;
  Trained trained{initialize_parameters(layers_dims), {}};
  Parameters& parameters = trained.parameters;
  for (int i = 0; i < options.num_iterations; ++i) {
    // Forward: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, with dropout or not.
    const auto [a3, cache] = keep_prob == 1.0
                                 ? forward_propagation(X, parameters)
                                 : forward_propagation_with_dropout(X, parameters, keep_prob);
    const double cost = lambd == 0.0 ? compute_cost(a3, Y)
                                     : compute_cost_with_regularization(a3, Y, parameters, lambd);
    if (std::isnan(cost)) throw TrainingDiverged(cost, i, options.learning_rate);
    if (options.observe) options.observe(i, parameters, cost);
    Gradients grads;
    if (lambd == 0.0 && keep_prob == 1.0) {
      grads = backward_propagation(X, Y, cache);
    } else if (lambd != 0.0) {
      grads = backward_propagation_with_regularization(X, Y, cache, lambd);
    } else {
      grads = backward_propagation_with_dropout(X, Y, cache, keep_prob);
    }
    parameters = update_parameters(std::move(parameters), grads, options.learning_rate);
    if (options.print_cost && i % 10000 == 0)
      out << "Cost after iteration " << i << ": " << python_repr(cost) << "\n" << std::flush;
    if (options.print_cost && i % 1000 == 0) trained.costs.push_back(cost);
  }
  return trained;
}

Trained model(const Matrix& X, const Matrix& Y, double learning_rate, int num_iterations,
              bool print_cost, double lambd, double keep_prob, std::ostream& out) {
  ModelOptions options;
  options.learning_rate = learning_rate;
  options.num_iterations = num_iterations;
  options.print_cost = print_cost;
  options.lambd = lambd;
  options.keep_prob = keep_prob;
  return train_model(X, Y, options, out);
}

}  // namespace dlc::course2::regularization
