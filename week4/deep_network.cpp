// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/week4/deep_network.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "week4/deep_network.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "common/checks.hpp"
#include "common/exercise.hpp"

namespace dlc::week4 {

void check_parameters(const char* what, const Parameters& parameters, std::size_t n_x) {
  const std::size_t L = parameters.L();
  if (L == 0 || parameters.b.size() != parameters.W.size()) {
    throw ShapeError(std::string(what) + ": parameters have " +
                     std::to_string(parameters.W.size()) + " W and " +
                     std::to_string(parameters.b.size()) +
                     " b entries; a network of L layers needs W[0..L] and b[0..L] with L >= 1 "
                     "(entry 0 unused)");
  }
  if (!parameters.W[0].empty() || !parameters.b[0].empty()) {
    throw ShapeError(std::string(what) + ": W[0] is " + to_string(parameters.W[0].shape()) +
                     " and b[0] is " + to_string(parameters.b[0].shape()) +
                     " but both must be empty: layer 0 is the input, and layer l's weights are "
                     "W[l] for l = 1..L (L + 1 entries, as the lecture numbers them)");
  }
  std::size_t n_prev = n_x;
  for (std::size_t l = 1; l <= L; ++l) {
    const Matrix& W = parameters.W[l];
    const std::string Wl = "W[" + std::to_string(l) + "]";
    if (W.rows() == 0 || W.cols() != n_prev) {
      throw ShapeError(
          std::string(what) + ": " + Wl + " is " + to_string(W.shape()) + " but n[" +
          std::to_string(l - 1) + "] is " + std::to_string(n_prev) +
          (l == 1 ? " (the rows of X)" : " (the rows of W[" + std::to_string(l - 1) + "])") +
          "; W[l] is (n[l], n[l-1])");
    }
    if (parameters.b[l].shape() != Shape{W.rows(), 1}) {
      throw ShapeError(std::string(what) + ": b[" + std::to_string(l) + "] is " +
                       to_string(parameters.b[l].shape()) + " but " + Wl + " is " +
                       to_string(W.shape()) + "; b[l] is (n[l], 1)");
    }
    n_prev = W.rows();
  }
  if (n_prev != 1) {
    throw ShapeError(std::string(what) + ": W[" + std::to_string(L) + "] is " +
                     to_string(parameters.W[L].shape()) +
                     " but the output layer has one sigmoid unit; W[L] must have 1 row");
  }
}

namespace {

bool is_empty(const Cache& cache) {
  return cache.activation_cache.empty() && cache.linear_cache.A_prev.empty() &&
         cache.linear_cache.W.empty() && cache.linear_cache.b.empty();
}

// The caches L_model_forward returns for AL: L + 1 of them, caches[0] empty, caches[l] layer
// l's, each layer's input the size of the one before's output, and Z[L] shaped as AL.
void check_caches(const char* what, const std::vector<Cache>& caches, const Matrix& AL) {
  const std::string expected =
      " L_model_forward returns L + 1 caches for L layers: caches[l] is layer l's for "
      "l = 1..L, and caches[0] is empty (layer 0 is the input)";
  if (caches.size() < 2) {
    throw std::invalid_argument(std::string(what) + ": caches has " +
                                std::to_string(caches.size()) +
                                (caches.size() == 1 ? " entry" : " entries") + ", but" + expected);
  }
  const std::size_t L = caches.size() - 1;
  if (!is_empty(caches[0])) {
    const std::string n = std::to_string(caches.size());
    throw std::invalid_argument(
        std::string(what) + ": caches has " + n +
        " entries and caches[0] is a layer's cache (Z is " +
        to_string(caches[0].activation_cache.shape()) + "): that is the notebook's list of L = " +
        n + " caches, layer l at index l - 1; L_model_forward returns L + 1 = " +
        std::to_string(caches.size() + 1) + " caches for " + n +
        " layers: caches[l] is layer l's for l = 1..L, and caches[0] is empty (layer 0 is the "
        "input)");
  }
  for (std::size_t l = 1; l <= L; ++l) {
    const Cache& cache = caches[l];
    const std::string at = std::string(what) + ": caches[" + std::to_string(l) + "]";
    if (is_empty(cache)) throw std::invalid_argument(at + " is empty;" + expected);
    const LinearCache& c = cache.linear_cache;
    check_layer_input(what, static_cast<int>(l), c.W, c.b, c.A_prev);
    if (cache.activation_cache.shape() != Shape{c.W.rows(), c.A_prev.cols()}) {
      throw ShapeError(at + ": Z is " + to_string(cache.activation_cache.shape()) + " but W is " +
                       to_string(c.W.shape()) + " and A_prev is " + to_string(c.A_prev.shape()) +
                       "; Z[l] = W[l] A[l-1] + b[l] is (n[l], m)");
    }
    if (l > 1 && c.A_prev.shape() != caches[l - 1].activation_cache.shape()) {
      throw std::invalid_argument(at + ": A_prev is " + to_string(c.A_prev.shape()) +
                                  " but caches[" + std::to_string(l - 1) + "]'s Z is " +
                                  to_string(caches[l - 1].activation_cache.shape()) +
                                  "; layer l's input is layer l-1's output, A[l-1] shaped as "
                                  "Z[l-1], and" +
                                  expected);
    }
  }
  if (AL.shape() != caches[L].activation_cache.shape()) {
    throw ShapeError(std::string(what) + ": AL is " + to_string(AL.shape()) + " but caches[" +
                     std::to_string(L) + "]'s Z is " +
                     to_string(caches[L].activation_cache.shape()) + "; AL = sigma(Z[" +
                     std::to_string(L) + "]) has the shape of the last layer's Z");
  }
}

}  // namespace

ActivationForward sigmoid(const Matrix& Z) {
  Matrix A(Z.rows(), Z.cols());
  const double* z = Z.data();
  double* a = A.data();
  for (std::size_t k = 0; k < Z.size(); ++k) a[k] = 1.0 / (1.0 + std::exp(-z[k]));
  return {A, Z};  // A, cache = Z
}

ActivationForward relu(const Matrix& Z) {
  Matrix A(Z.rows(), Z.cols());
  const double* z = Z.data();
  double* a = A.data();
  // np.maximum(0, Z): a NaN stays NaN.
  for (std::size_t k = 0; k < Z.size(); ++k) a[k] = z[k] > 0.0 || std::isnan(z[k]) ? z[k] : 0.0;
  return {A, Z};  // A, cache = Z
}

Matrix sigmoid_backward(const Matrix& dA, const Matrix& activation_cache) {
  const Matrix& Z = activation_cache;
  check_same_shape("sigmoid_backward", 0, "dA", dA, "Z", Z);
  Matrix dZ(Z.rows(), Z.cols());
  const double* da = dA.data();
  const double* z = Z.data();
  double* dz = dZ.data();
  for (std::size_t k = 0; k < Z.size(); ++k) {
    const double s = 1.0 / (1.0 + std::exp(-z[k]));
    dz[k] = da[k] * s * (1.0 - s);  // dZ = dA * s * (1 - s)
  }
  return dZ;
}

Matrix relu_backward(const Matrix& dA, const Matrix& activation_cache) {
  const Matrix& Z = activation_cache;
  check_same_shape("relu_backward", 0, "dA", dA, "Z", Z);
  Matrix dZ(Z.rows(), Z.cols());
  const double* da = dA.data();
  const double* z = Z.data();
  double* dz = dZ.data();
  for (std::size_t k = 0; k < Z.size(); ++k) dz[k] = z[k] <= 0.0 ? 0.0 : da[k];  // dZ[Z <= 0] = 0
  return dZ;
}

Parameters initialize_parameters(int n_x, int n_h, int n_y, RandomState& rng) {
  check_layer_dims("initialize_parameters", {n_x, n_h, n_y});
  const auto nx = static_cast<std::size_t>(n_x), nh = static_cast<std::size_t>(n_h),
             ny = static_cast<std::size_t>(n_y);
  Parameters parameters;
  parameters.W.resize(3);
  parameters.b.resize(3);
  DLC_TODO("week4.initialize_parameters");
  return parameters;
}

Parameters initialize_parameters_deep(const LayerDims& layer_dims, RandomState& rng,
                                      WeightScale scale) {
  check_layer_dims("initialize_parameters_deep", layer_dims);
  const std::size_t L = layer_dims.size() - 1;
  Parameters parameters;
  parameters.W.resize(L + 1);
  parameters.b.resize(L + 1);
  for (std::size_t l = 1; l <= L; ++l) {
    const auto n_l = static_cast<std::size_t>(layer_dims[l]);
    const auto n_prev = static_cast<std::size_t>(layer_dims[l - 1]);
    DLC_TODO("week4.initialize_parameters_deep");
  }
  return parameters;
}

LinearForward linear_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b) {
  check_layer_input("linear_forward", 0, W, b, A_prev);
  Matrix Z;
  DLC_TODO("week4.linear_forward");
  const LinearCache linear_cache{A_prev, W, b};  // cache = (A, W, b)
  return {Z, linear_cache};
}

LayerForward linear_activation_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                       Activation activation) {
  check_layer_input("linear_activation_forward", 0, W, b, A_prev);
  DLC_TODO("week4.linear_activation_forward");
}

ModelForward L_model_forward(const Matrix& X, const Parameters& parameters) {
  check_parameters("L_model_forward", parameters, X.rows());
  const std::size_t L = parameters.L();
  std::vector<Cache> caches(L + 1);  // caches[l] for l = 1..L; caches[0] stays empty
  Matrix A = X;                      // A[0] = X
  for (std::size_t l = 1; l < L; ++l) {
    DLC_TODO("week4.L_model_forward");
  }
  DLC_TODO("week4.L_model_forward");
}

double compute_cost(const Matrix& AL, const Matrix& Y) {
  if (AL.shape() != Y.shape() || AL.rows() != 1 || AL.cols() == 0) {
    throw ShapeError("compute_cost: AL is " + to_string(AL.shape()) + " and Y is " +
                     to_string(Y.shape()) + " but both must be the same (1, m) with m >= 1");
  }
  const double m = static_cast<double>(Y.cols());
  double cost = 0.0;
  DLC_TODO("week4.compute_cost");
  return cost;
}

LayerGradients linear_backward(const Matrix& dZ, const LinearCache& linear_cache) {
  const auto& [A_prev, W, b] = linear_cache;
  if (A_prev.empty() || W.empty() || b.empty()) {
    throw std::invalid_argument("linear_backward: the cache is empty (A_prev is " +
                                to_string(A_prev.shape()) + ", W " + to_string(W.shape()) + ", b " +
                                to_string(b.shape()) +
                                "); it is the (A_prev, W, b) that linear_forward returns");
  }
  check_layer_input("linear_backward", 0, W, b, A_prev);
  if (dZ.shape() != Shape{W.rows(), A_prev.cols()}) {
    throw ShapeError("linear_backward: dZ is " + to_string(dZ.shape()) + " but W is " +
                     to_string(W.shape()) + " and A_prev is " + to_string(A_prev.shape()) +
                     "; dZ[l] is shaped as Z[l], (n[l], m)");
  }
  const double m = static_cast<double>(A_prev.cols());
  Matrix dA_prev, dW, db;
  DLC_TODO("week4.linear_backward");
  return {dA_prev, dW, db};
}

LayerGradients linear_activation_backward(const Matrix& dA, const Cache& cache,
                                          Activation activation) {
  const auto& [linear_cache, activation_cache] = cache;
  check_same_shape("linear_activation_backward", 0, "dA", dA, "Z", activation_cache);
  Matrix dZ;
  DLC_TODO("week4.linear_activation_backward");
}

Gradients L_model_backward(const Matrix& AL, const Matrix& Y, const std::vector<Cache>& caches) {
  if (AL.shape() != Y.shape() || AL.rows() != 1) {
    throw ShapeError("L_model_backward: AL is " + to_string(AL.shape()) + " and Y is " +
                     to_string(Y.shape()) + " but both must be the same (1, m)");
  }
  check_caches("L_model_backward", caches, AL);
  const std::size_t L = caches.size() - 1;
  Gradients grads;
  grads.dA.resize(L + 1);  // dA[0..L]
  grads.dW.resize(L + 1);  // dW[1..L]; dW[0] stays empty
  grads.db.resize(L + 1);
  DLC_TODO("week4.L_model_backward");
  for (std::size_t l = L; l >= 1; --l) {
    DLC_TODO("week4.L_model_backward");
  }
  return grads;
}

Parameters update_parameters(Parameters parameters, const Gradients& grads, double learning_rate) {
  check_learning_rate("update_parameters", learning_rate);
  const std::size_t L = parameters.L();
  if (grads.dW.size() != L + 1 || grads.db.size() != L + 1) {
    throw std::invalid_argument(
        "update_parameters: the parameters have " + std::to_string(L) + " layers (W has " +
        std::to_string(parameters.W.size()) + " entries) but grads.dW has " +
        std::to_string(grads.dW.size()) + " and grads.db " + std::to_string(grads.db.size()) +
        "; dW[l] and db[l] for l = 1..L with entry 0 empty make L + 1 = " + std::to_string(L + 1) +
        " each");
  }
  for (std::size_t l = 1; l <= L; ++l) {
    const int layer = static_cast<int>(l);
    check_same_shape("update_parameters", layer, "dW", grads.dW[l], "W", parameters.W[l]);
    check_same_shape("update_parameters", layer, "db", grads.db[l], "b", parameters.b[l]);
    DLC_TODO("week4.update_parameters");
  }
  return parameters;
}

}  // namespace dlc::week4
