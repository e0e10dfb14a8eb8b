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

void sigmoid(const Matrix& Z, Matrix& A) {
  A.resize(Z.rows(), Z.cols());
  const double* z = Z.data();
  double* a = A.data();
  for (std::size_t k = 0; k < Z.size(); ++k) a[k] = 1.0 / (1.0 + std::exp(-z[k]));
}

void relu(const Matrix& Z, Matrix& A) {
  A.resize(Z.rows(), Z.cols());
  const double* z = Z.data();
  double* a = A.data();
  // np.maximum(0, Z): a NaN stays NaN.
  for (std::size_t k = 0; k < Z.size(); ++k) a[k] = z[k] > 0.0 || std::isnan(z[k]) ? z[k] : 0.0;
}

void sigmoid_backward(const Matrix& dA, const Matrix& Z, Matrix& dZ) {
  check_same_shape("sigmoid_backward", 0, "dA", dA, "Z", Z);
  dZ.resize(Z.rows(), Z.cols());
  const double* da = dA.data();
  const double* z = Z.data();
  double* dz = dZ.data();
  for (std::size_t k = 0; k < Z.size(); ++k) {
    const double s = 1.0 / (1.0 + std::exp(-z[k]));
    dz[k] = da[k] * s * (1.0 - s);  // dZ = dA * s * (1 - s)
  }
}

void relu_backward(const Matrix& dA, const Matrix& Z, Matrix& dZ) {
  check_same_shape("relu_backward", 0, "dA", dA, "Z", Z);
  dZ.resize(Z.rows(), Z.cols());
  const double* da = dA.data();
  const double* z = Z.data();
  double* dz = dZ.data();
  for (std::size_t k = 0; k < Z.size(); ++k) dz[k] = z[k] <= 0.0 ? 0.0 : da[k];  // dZ[Z <= 0] = 0
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

void linear_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b, Matrix& Z,
                    LinearCache& cache) {
  check_layer_input("linear_forward", 0, W, b, A_prev);
  DLC_TODO("week4.linear_forward");
}

const Matrix& linear_activation_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                        Activation activation, Cache& cache) {
  check_layer_input("linear_activation_forward", 0, W, b, A_prev);
  DLC_TODO("week4.linear_activation_forward");
  return cache.A;
}

const Matrix& L_model_forward(const Matrix& X, const Parameters& parameters,
                              std::vector<Cache>& caches) {
  check_parameters("L_model_forward", parameters, X.rows());
  const std::size_t L = parameters.L();
  caches.resize(L + 1);  // caches[l] for l = 1..L; the same memory every iteration
  const Matrix* A = &X;  // A[0] = X
  for (std::size_t l = 1; l < L; ++l) {
    DLC_TODO("week4.L_model_forward");
  }
  DLC_TODO("week4.L_model_forward");
  return *A;
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

void linear_backward(const Matrix& dZ, const LinearCache& cache, Matrix* dA_prev, Matrix& dW,
                     Matrix& db) {
  if (cache.A_prev == nullptr || cache.W == nullptr || cache.b == nullptr) {
    throw std::invalid_argument(
        "linear_backward: the cache is empty; fill it with linear_forward first");
  }
  const Matrix& A_prev = *cache.A_prev;
  const Matrix& W = *cache.W;
  check_layer_input("linear_backward", 0, W, *cache.b, A_prev);
  if (dZ.shape() != Shape{W.rows(), A_prev.cols()}) {
    throw ShapeError("linear_backward: dZ is " + to_string(dZ.shape()) + " but W is " +
                     to_string(W.shape()) + " and A_prev is " + to_string(A_prev.shape()) +
                     "; dZ[l] is shaped as Z[l], (n[l], m)");
  }
  const double m = static_cast<double>(A_prev.cols());
  DLC_TODO("week4.linear_backward");
}

void linear_activation_backward(const Matrix& dA, const Cache& cache, Activation activation,
                                Matrix& dZ, Matrix* dA_prev, Matrix& dW, Matrix& db) {
  check_same_shape("linear_activation_backward", 0, "dA", dA, "Z", cache.Z);
  DLC_TODO("week4.linear_activation_backward");
}

void L_model_backward(const Matrix& AL, const Matrix& Y, const std::vector<Cache>& caches,
                      Gradients& grads) {
  if (AL.shape() != Y.shape() || AL.rows() != 1) {
    throw ShapeError("L_model_backward: AL is " + to_string(AL.shape()) + " and Y is " +
                     to_string(Y.shape()) + " but both must be the same (1, m)");
  }
  if (caches.size() < 2) {
    throw std::invalid_argument("L_model_backward: " + std::to_string(caches.size()) +
                                " caches, but L_model_forward leaves L + 1 >= 2 of them");
  }
  const std::size_t L = caches.size() - 1;
  check_same_shape("L_model_backward", static_cast<int>(L), "A", AL, "A", caches[L].A);
  grads.resize(L);
  Matrix& dAL = grads.dA[L];
  dAL.resize(AL.rows(), AL.cols());
  DLC_TODO("week4.L_model_backward");
  for (std::size_t l = L; l >= 1; --l) {
    DLC_TODO("week4.L_model_backward");
  }
}

void update_parameters(Parameters& parameters, const Gradients& grads, double learning_rate) {
  check_learning_rate("update_parameters", learning_rate);
  const std::size_t L = parameters.L();
  if (grads.dW.size() != L + 1 || grads.db.size() != L + 1) {
    throw std::invalid_argument("update_parameters: the parameters have " + std::to_string(L) +
                                " layers but the gradients " +
                                std::to_string(grads.dW.empty() ? 0 : grads.dW.size() - 1));
  }
  for (std::size_t l = 1; l <= L; ++l) {
    const int layer = static_cast<int>(l);
    check_same_shape("update_parameters", layer, "dW", grads.dW[l], "W", parameters.W[l]);
    check_same_shape("update_parameters", layer, "db", grads.db[l], "b", parameters.b[l]);
    DLC_TODO("week4.update_parameters");
  }
}

}  // namespace dlc::week4
