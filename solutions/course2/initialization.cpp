#include "course2/initialization.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "common/checks.hpp"
#include "common/exercise.hpp"
#include "common/random.hpp"
#include "common/training.hpp"

namespace dlc::course2 {

void check_layers_dims(const char* what, const LayerDims& layers_dims) {
  if (layers_dims.size() < 2) {
    throw std::invalid_argument(std::string(what) + ": layers_dims has " +
                                std::to_string(layers_dims.size()) +
                                " sizes but needs at least two, n[0] (the input) and n[1]");
  }
  for (std::size_t l = 0; l < layers_dims.size(); ++l) {
    if (layers_dims[l] < 1) {
      throw std::invalid_argument(std::string(what) + ": layers_dims[" + std::to_string(l) +
                                  "] is " + std::to_string(layers_dims[l]) +
                                  " but every layer needs at least 1 unit");
    }
  }
}

void check_three_layers(const char* what, const Parameters& parameters, std::size_t n_x) {
  if (parameters.W.size() != 4 || parameters.b.size() != 4) {
    throw ShapeError(std::string(what) + ": parameters has " + std::to_string(parameters.W.size()) +
                     " W and " + std::to_string(parameters.b.size()) +
                     " b entries but the week's network needs 4 of each: entry 0 empty, then "
                     "layers 1, 2 and 3");
  }
  std::size_t n_prev = n_x;
  for (std::size_t l = 1; l <= 3; ++l) {
    const Matrix& W = parameters.W[l];
    const Matrix& b = parameters.b[l];
    const std::string layer = std::to_string(l);
    if (W.cols() != n_prev || W.rows() == 0) {
      throw ShapeError(std::string(what) + ": W" + layer + " is " + to_string(W.shape()) +
                       " but must be (n[" + layer + "], " + std::to_string(n_prev) +
                       "): its columns are the units of the layer before" +
                       (l == 1 ? std::string(", the features of X") : std::string()));
    }
    if (b.shape() != Shape{W.rows(), 1}) {
      throw ShapeError(std::string(what) + ": b" + layer + " is " + to_string(b.shape()) +
                       " but must be (" + std::to_string(W.rows()) +
                       ", 1), one bias per unit of W" + layer);
    }
    n_prev = W.rows();
  }
  if (parameters.W[3].rows() != 1) {
    throw ShapeError(std::string(what) + ": W3 is " + to_string(parameters.W[3].shape()) +
                     " but the output layer has one unit: W3 must have one row");
  }
}

Matrix sigmoid(const Matrix& x) { return 1.0 / (1.0 + exp(-x)); }  // s = 1 / (1 + e^-x)

Matrix relu(const Matrix& x) { return maximum(x, 0.0); }  // max(0, x)

Forward forward_propagation(const Matrix& X, const Parameters& parameters) {
  check_three_layers("forward_propagation", parameters, X.rows());
  const auto& W = parameters.W;
  const auto& b = parameters.b;
  Cache cache;
  cache.Z.resize(4);
  cache.A.resize(4);
  cache.W = W;
  cache.b = b;
  cache.Z[1] = dot(W[1], X) + b[1];           // z1 = W1 X + b1
  cache.A[1] = relu(cache.Z[1]);              // a1 = relu(z1)
  cache.Z[2] = dot(W[2], cache.A[1]) + b[2];  // z2 = W2 a1 + b2
  cache.A[2] = relu(cache.Z[2]);              // a2 = relu(z2)
  cache.Z[3] = dot(W[3], cache.A[2]) + b[3];  // z3 = W3 a2 + b3
  cache.A[3] = sigmoid(cache.Z[3]);           // a3 = sigmoid(z3)
  return Forward{cache.A[3], std::move(cache)};
}

double compute_cost(const Matrix& a3, const Matrix& Y) {
  if (a3.shape() != Y.shape() || a3.rows() != 1 || a3.cols() == 0) {
    throw ShapeError("compute_cost: a3 is " + to_string(a3.shape()) + " and Y is " +
                     to_string(Y.shape()) + " but both must be the same (1, m), m at least 1");
  }
  const double m = static_cast<double>(Y.cols());
  Matrix logprobs = (-log(a3)) * Y + (-log(1.0 - a3)) * (1.0 - Y);  // -y log a - (1-y) log(1-a)
  for (std::size_t i = 0; i < logprobs.cols(); ++i)
    if (std::isnan(logprobs(0, i))) logprobs(0, i) = 0.0;  // np.nansum: NaN counts as 0
  return 1.0 / m * sum(logprobs);                          // J = 1/m nansum(logprobs)
}

void check_cache(const char* what, const Matrix& X, const Matrix& Y, const Cache& cache,
                 bool dropout_masks) {
  if (cache.Z.size() != 4 || cache.A.size() != 4 || cache.W.size() != 4 || cache.b.size() != 4) {
    throw ShapeError(std::string(what) +
                     ": the cache must hold Z, A, W and b of layers 1 to 3 (4 entries each, "
                     "entry 0 empty), as the forward propagation makes it");
  }
  check_three_layers(what, Parameters{cache.W, cache.b}, X.rows());
  for (std::size_t l = 1; l <= 3; ++l) {
    const Shape want{cache.W[l].rows(), X.cols()};
    if (cache.Z[l].shape() != want || cache.A[l].shape() != want) {
      throw ShapeError(std::string(what) + ": Z" + std::to_string(l) + " is " +
                       to_string(cache.Z[l].shape()) + " and A" + std::to_string(l) + " is " +
                       to_string(cache.A[l].shape()) + " but both must be " + to_string(want) +
                       " for X " + to_string(X.shape()));
    }
  }
  if (Y.shape() != Shape{1, X.cols()}) {
    throw ShapeError(std::string(what) + ": Y is " + to_string(Y.shape()) + " and X is " +
                     to_string(X.shape()) + " but Y must be (1, m) with m = X.cols");
  }
  if (!dropout_masks) return;
  if (cache.D.size() != 3 || cache.D[1].shape() != cache.A[1].shape() ||
      cache.D[2].shape() != cache.A[2].shape()) {
    throw ShapeError(std::string(what) + ": the cache must hold the dropout masks D1 " +
                     to_string(cache.A[1].shape()) + " and D2 " + to_string(cache.A[2].shape()) +
                     " (3 entries, entry 0 empty), as forward_propagation_with_dropout makes it");
  }
}

Gradients backward_propagation(const Matrix& X, const Matrix& Y, const Cache& cache) {
  check_cache("backward_propagation", X, Y, cache);
  const double m = static_cast<double>(X.cols());
  const auto& [Z, A, W, b, D] = cache;
  Gradients g;
  g.dZ.resize(4);
  g.dA.resize(3);
  g.dW.resize(4);
  g.db.resize(4);
  g.dZ[3] = 1.0 / m * (A[3] - Y);          // dz3 = 1/m (a3 - y)
  g.dW[3] = dot(g.dZ[3], A[2].T());        // dW3 = dz3 a2^T
  g.db[3] = sum(g.dZ[3], 1);               // db3 = sum(dz3) over examples
  g.dA[2] = dot(W[3].T(), g.dZ[3]);        // da2 = W3^T dz3
  g.dZ[2] = g.dA[2] * greater(A[2], 0.0);  // dz2 = da2 * (a2 > 0)
  g.dW[2] = dot(g.dZ[2], A[1].T());        // dW2 = dz2 a1^T
  g.db[2] = sum(g.dZ[2], 1);               // db2 = sum(dz2)
  g.dA[1] = dot(W[2].T(), g.dZ[2]);        // da1 = W2^T dz2
  g.dZ[1] = g.dA[1] * greater(A[1], 0.0);  // dz1 = da1 * (a1 > 0)
  g.dW[1] = dot(g.dZ[1], X.T());           // dW1 = dz1 X^T
  g.db[1] = sum(g.dZ[1], 1);               // db1 = sum(dz1)
  return g;
}

Parameters update_parameters(Parameters parameters, const Gradients& grads, double learning_rate) {
  check_learning_rate("update_parameters", learning_rate);
  const std::size_t L = parameters.L();
  if (grads.dW.size() != L + 1 || grads.db.size() != L + 1) {
    throw ShapeError("update_parameters: the parameters have " + std::to_string(L) +
                     " layers but grads has " + std::to_string(grads.dW.size()) + " dW and " +
                     std::to_string(grads.db.size()) + " db entries; it needs " +
                     std::to_string(L + 1) + " of each (entry 0 empty)");
  }
  for (std::size_t l = 1; l <= L; ++l) {
    if (grads.dW[l].shape() != parameters.W[l].shape() ||
        grads.db[l].shape() != parameters.b[l].shape()) {
      throw ShapeError("update_parameters: layer " + std::to_string(l) + ": dW is " +
                       to_string(grads.dW[l].shape()) + " and db is " +
                       to_string(grads.db[l].shape()) + " but W is " +
                       to_string(parameters.W[l].shape()) + " and b is " +
                       to_string(parameters.b[l].shape()));
    }
    parameters.W[l] = parameters.W[l] - learning_rate * grads.dW[l];  // W = W - alpha dW
    parameters.b[l] = parameters.b[l] - learning_rate * grads.db[l];  // b = b - alpha db
  }
  return parameters;
}

Matrix predict_dec(const Parameters& parameters, const Matrix& X) {
  return greater(forward_propagation(X, parameters).a3, 0.5);  // 1 where a3 > 0.5
}

Matrix predict(const Matrix& X, const Matrix& y, const Parameters& parameters, std::ostream& out) {
  if (y.shape() != Shape{1, X.cols()}) {
    throw ShapeError("predict: y is " + to_string(y.shape()) + " and X is " + to_string(X.shape()) +
                     " but y must be (1, m) with m = X.cols");
  }
  const Matrix p = predict_dec(parameters, X);
  out << "Accuracy: " << python_repr(mean(equal(p, y))) << "\n";  // mean(p == y)
  return p;
}

Dataset load_dataset() {
  RandomState train_rng(1);  // np.random.seed(1)
  const ToyData train = make_circles(train_rng, 300, 0.05);
  RandomState test_rng(2);  // np.random.seed(2)
  const ToyData test = make_circles(test_rng, 100, 0.05);
  return Dataset{train.X, train.Y, test.X, test.Y};
}

}  // namespace dlc::course2

namespace dlc::course2::initialization {

Parameters initialize_parameters_zeros(const LayerDims& layers_dims) {
  check_layers_dims("initialize_parameters_zeros", layers_dims);
  const std::size_t L = layers_dims.size() - 1;
  Parameters parameters{std::vector<Matrix>(L + 1), std::vector<Matrix>(L + 1)};
  for (std::size_t l = 1; l <= L; ++l) {
    const auto n = static_cast<std::size_t>(layers_dims[l]);
    const auto n_prev = static_cast<std::size_t>(layers_dims[l - 1]);
    // BEGIN SOLUTION course2.initialize_parameters_zeros
    parameters.W[l] = Matrix::zeros(n, n_prev);  // W[l] = zeros(n[l], n[l-1])
    parameters.b[l] = Matrix::zeros(n, 1);       // b[l] = zeros(n[l], 1)
    // END SOLUTION
  }
  return parameters;
}

Parameters initialize_parameters_random(const LayerDims& layers_dims) {
  check_layers_dims("initialize_parameters_random", layers_dims);
  RandomState rng(3);  // np.random.seed(3)
  const std::size_t L = layers_dims.size() - 1;
  Parameters parameters{std::vector<Matrix>(L + 1), std::vector<Matrix>(L + 1)};
  for (std::size_t l = 1; l <= L; ++l) {
    const auto n = static_cast<std::size_t>(layers_dims[l]);
    const auto n_prev = static_cast<std::size_t>(layers_dims[l - 1]);
    // BEGIN SOLUTION course2.initialize_parameters_random
    parameters.W[l] = rng.randn(n, n_prev) * 10.0;  // W[l] = randn(n[l], n[l-1]) * 10
    parameters.b[l] = Matrix::zeros(n, 1);          // b[l] = zeros(n[l], 1)
    // END SOLUTION
  }
  return parameters;
}

Parameters initialize_parameters_he(const LayerDims& layers_dims) {
  check_layers_dims("initialize_parameters_he", layers_dims);
  RandomState rng(3);  // np.random.seed(3)
  const std::size_t L = layers_dims.size() - 1;
  Parameters parameters{std::vector<Matrix>(L + 1), std::vector<Matrix>(L + 1)};
  for (std::size_t l = 1; l <= L; ++l) {
    const auto n = static_cast<std::size_t>(layers_dims[l]);
    const auto n_prev = static_cast<std::size_t>(layers_dims[l - 1]);
    // BEGIN SOLUTION course2.initialize_parameters_he
    const double he = std::sqrt(2.0 / layers_dims[l - 1]);  // sqrt(2 / n[l-1])
    parameters.W[l] = rng.randn(n, n_prev) * he;            // W[l] = randn(n[l], n[l-1]) * he
    parameters.b[l] = Matrix::zeros(n, 1);                  // b[l] = zeros(n[l], 1)
    // END SOLUTION
  }
  return parameters;
}

Parameters model(const Matrix& X, const Matrix& Y, double learning_rate, int num_iterations,
                 bool print_cost, const std::string& initialization, std::ostream& out) {
  check_learning_rate("model", learning_rate);
  check_iterations("model", num_iterations);
  check_examples("model", X, Y);
  const LayerDims layers_dims = {static_cast<int>(X.rows()), 10, 5, 1};
  Parameters parameters;
  if (initialization == "zeros") {
    parameters = initialize_parameters_zeros(layers_dims);
  } else if (initialization == "random") {
    parameters = initialize_parameters_random(layers_dims);
  } else if (initialization == "he") {
    parameters = initialize_parameters_he(layers_dims);
  } else {
    throw std::invalid_argument("model: initialization is \"" + initialization +
                                "\" but must be \"zeros\", \"random\" or \"he\"");
  }
  for (int i = 0; i < num_iterations; ++i) {
    const auto [a3, cache] = forward_propagation(X, parameters);
    const double cost = compute_cost(a3, Y);
    // nansum would print a cost of a NaN output as 0: stop instead. An infinite cost is the
    // notebook's own (random's first), printed as it prints it.
    if (std::isnan(sum(a3))) throw TrainingDiverged(std::nan(""), i, learning_rate);
    const Gradients grads = backward_propagation(X, Y, cache);
    parameters = update_parameters(std::move(parameters), grads, learning_rate);
    if (print_cost && i % 1000 == 0)
      out << "Cost after iteration " << i << ": " << python_repr(cost) << "\n" << std::flush;
  }
  return parameters;
}

/// The root mean square of a matrix's entries.
static double rms(const Matrix& a) { return std::sqrt(mean(square(a))); }

LayerScales layer_scales(const Matrix& X, std::size_t depth, double scale) {
  if (depth == 0) throw std::invalid_argument("layer_scales: depth is 0 but needs a layer");
  if (!(scale > 0.0) || !std::isfinite(scale)) {
    throw std::invalid_argument("layer_scales: scale is " + python_repr(scale) +
                                " but must be positive");
  }
  const std::size_t width = X.rows();
  if (width == 0 || X.cols() == 0)
    throw ShapeError("layer_scales: X is " + to_string(X.shape()) + " but must not be empty");
  Matrix W = Matrix::zeros(width, width);
  for (std::size_t k = 0; k < width; ++k) W(k, k) = scale;  // W[l] = scale * I
  std::vector<Matrix> A(depth + 1);
  A[0] = X;
  LayerScales scales;
  for (std::size_t l = 1; l <= depth; ++l) {
    A[l] = dot(W, A[l - 1]);  // A[l] = W[l] A[l-1], a linear activation
    scales.activation.push_back(rms(A[l]));
  }
  scales.gradient.resize(depth);
  Matrix dA = A[depth];  // J = 1/2m |A[L]|^2 gives dA[L] = A[L] / m; the 1/m is left out
  for (std::size_t l = depth; l >= 1; --l) {
    scales.gradient[l - 1] = rms(dA);  // the gradient that reaches layer l
    dA = dot(W.T(), dA);               // dA[l-1] = W[l]^T dA[l]
  }
  return scales;
}

}  // namespace dlc::course2::initialization
