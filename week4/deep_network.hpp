/// \file
/// \brief Lectures 4.2, 4.5 and 4.7: the building blocks of a deep network, forward and
/// backward, one layer at a time, with the course's names and caches.
///
/// **One block per layer (4.5).** Layer l's forward block takes \f$ A^{[l-1]} \f$ and returns
/// \f$ A^{[l]} \f$, keeping a *cache* for later; its backward block takes \f$ dA^{[l]} \f$ and
/// the cache and returns \f$ dA^{[l-1]} \f$, \f$ dW^{[l]} \f$ and \f$ db^{[l]} \f$. Chaining the
/// L forward blocks gives the prediction, chaining the L backward blocks in reverse gives every
/// gradient, and one step of gradient descent updates every layer.
///
/// **Forward, layer l (4.2, 4.6):**
/// \f[ Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad A^{[l]} = g^{[l]}(Z^{[l]}) \f]
/// with \f$ g = \mathrm{ReLU} \f$ (`max(0, z)`) for the hidden layers
/// \f$ l = 1, \dots, L-1 \f$ and \f$ g = \sigma \f$ for the output layer L.
///
/// **The cost** (cross-entropy, as in weeks 2 and 3):
/// \f[ J = -\frac{1}{m} \left( Y \log(A^{[L]})^T + (1 - Y) \log(1 - A^{[L]})^T \right) \f]
///
/// **Backward, layer l (4.5):**
/// \f[ dZ^{[l]} = dA^{[l]} \ast g^{[l]\prime}(Z^{[l]}), \qquad
///     dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}, \qquad
///     db^{[l]} = \frac{1}{m} \textstyle\sum_{\text{examples}} dZ^{[l]}, \qquad
///     dA^{[l-1]} = W^{[l]T} dZ^{[l]} \f]
/// starting from the derivative of the cost with respect to the output,
/// \f[ dA^{[L]} = -\left( \frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}} \right) \f]
/// (entry by entry). For the sigmoid, \f$ g'(z) = \sigma(z)(1 - \sigma(z)) \f$; for ReLU,
/// \f$ g'(z) \f$ is 1 where \f$ z > 0 \f$ and 0 elsewhere.
///
/// **The errata (4.7).** The lecture's summary slide writes \f$ dW^{[L]} = \frac{1}{m}
/// dZ^{[L]} A^{[L]T} \f$ and \f$ dZ^{[L-1]} = dW^{[L]T} dZ^{[L]} \ast g'(Z^{[L-1]}) \f$. Both are
/// slips: the gradient of \f$ W^{[L]} \f$ pairs \f$ dZ^{[L]} \f$ with the *input* of layer L,
/// \f$ A^{[L-1]} \f$ (the shapes say so too: \f$ dZ^{[L]} A^{[L]T} \f$ is \f$ (n^{[L]},
/// n^{[L]}) \f$, not the \f$ (n^{[L]}, n^{[L-1]}) \f$ of \f$ W^{[L]} \f$), and the error flows
/// back through the weights \f$ W^{[L]} \f$, not through their gradient. The right forms are
/// \f$ dW^{[L]} = \frac{1}{m} dZ^{[L]} A^{[L-1]T} \f$ and \f$ dZ^{[L-1]} = W^{[L]T} dZ^{[L]}
/// \ast g'(Z^{[L-1]}) \f$; the tests show that the slide's forms fail a gradient check.
///
/// **Buffers.** The notebooks return fresh arrays from every function. Here the outputs are
/// passed in and filled (`Matrix&`), and the caches and gradients live across iterations, so
/// that a training loop reuses the same memory every iteration and allocates nothing once it
/// has run one. `dot(a, b, out)` and `sum(a, 1, out)` are numpy's `np.dot(a, b, out=out)` and
/// `np.sum(a, axis=1, keepdims=True, out=out)`. Assigning a fresh result (`Z = dot(W, A) + b`)
/// gives the same numbers, only slower.
///
/// **Indexing.** Layers are numbered as in the lecture: `parameters.W[l]` is \f$ W^{[l]} \f$ for
/// \f$ l = 1, \dots, L \f$, and so are `caches[l]`, `grads.dW[l]` ...; entry 0 of each is unused
/// (empty), because layer 0 is the input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/matrix.hpp"
#include "common/random.hpp"
#include "week4/dimensions.hpp"

namespace dlc::week4 {

/// The weights and biases of every layer: `W[l]` is \f$ (n^{[l]}, n^{[l-1]}) \f$ and `b[l]` is
/// \f$ (n^{[l]}, 1) \f$ for \f$ l = 1, \dots, L \f$; `W[0]` and `b[0]` are empty.
struct Parameters {
  std::vector<Matrix> W;  ///< `W[l]`, l = 1..L
  std::vector<Matrix> b;  ///< `b[l]`, l = 1..L
  /// The number of layers L (0 when empty).
  std::size_t L() const { return W.empty() ? 0 : W.size() - 1; }
};

/// \brief Checks that `parameters` form a network on inputs of `n_x` features with one output
/// unit: `W[1]` is `(n[1], n_x)`, each `W[l]` is `(n[l], n[l-1])`, each `b[l]` is `(n[l], 1)`,
/// and `W[L]` has one row. Given code.
/// \throws ShapeError naming `what`, the layer and the rule.
void check_parameters(const char* what, const Parameters& parameters, std::size_t n_x);

/// The activation of a layer.
enum class Activation {
  kSigmoid,  ///< \f$ \sigma(z) = 1 / (1 + e^{-z}) \f$, the output layer
  kRelu,     ///< \f$ \max(0, z) \f$, the hidden layers
};

/// \name The activations and their backward steps (given, as the notebook's `dnn_utils`)
/// Each writes its output into the last argument, resized to the input's shape.
///@{

/// `A = 1 / (1 + exp(-Z))`.
void sigmoid(const Matrix& Z, Matrix& A);
/// `A = max(0, Z)`.
void relu(const Matrix& Z, Matrix& A);
/// \f$ dZ = dA \ast s (1 - s) \f$ with \f$ s = \sigma(Z) \f$. Throws `ShapeError` unless dA and
/// Z have the same shape.
void sigmoid_backward(const Matrix& dA, const Matrix& Z, Matrix& dZ);
/// \f$ dZ = dA \f$ where \f$ Z > 0 \f$, 0 elsewhere. Throws `ShapeError` unless dA and Z have
/// the same shape.
void relu_backward(const Matrix& dA, const Matrix& Z, Matrix& dZ);
///@}

/// \brief Layer sizes `{n_x, n_h, n_y}` of the two-layer model, each weight matrix drawn from
/// the standard normal distribution and scaled by 0.01, the biases zero:
/// `W[1] = randn(n_h, n_x) * 0.01`, `b[1] = 0`, `W[2] = randn(n_y, n_h) * 0.01`, `b[2] = 0`,
/// drawing W[1] first.
/// \param[in] n_x, n_h, n_y the layer sizes, each at least 1
/// \param[in,out] rng the generator (the notebooks' `np.random.seed(1)` is `RandomState rng(1)`)
/// \return parameters with L() == 2.
///
/// Exercise `week4.initialize_parameters`.
Parameters initialize_parameters(int n_x, int n_h, int n_y, RandomState& rng);

/// How `initialize_parameters_deep` scales its random weights.
enum class WeightScale {
  /// `randn(n[l], n[l-1]) / sqrt(n[l-1])`, as the cat notebook's helper does: the sum
  /// \f$ W^{[l]} a^{[l-1]} \f$ keeps a variance near one however wide the layer before.
  kInverseSqrtFanIn,
  /// `randn(n[l], n[l-1]) * 0.01`, as the step-by-step notebook does.
  kTimes001,
};

/// \brief Random weights and zero biases for every layer of `layer_dims`, drawing `W[1]`,
/// then `W[2]`, ... from `rng` in that order (the biases draw nothing).
/// \param[in] layer_dims \f$ n^{[0]}, \dots, n^{[L]} \f$, checked by `check_layer_dims`
/// \param[in,out] rng the generator: `RandomState rng(1)` for the cat notebook, `(3)` for the
///   step-by-step one
/// \param[in] scale the cat notebook's `/ sqrt(n[l-1])` (default) or the step-by-step
///   notebook's `* 0.01`
///
/// Exercise `week4.initialize_parameters_deep`.
Parameters initialize_parameters_deep(const LayerDims& layer_dims, RandomState& rng,
                                      WeightScale scale = WeightScale::kInverseSqrtFanIn);

/// What `linear_forward` keeps for `linear_backward`: the notebook's tuple `(A_prev, W, b)`.
/// Like Python's tuple it refers to the three matrices and does not copy them, so they must
/// outlive the cache (in `L_model_forward` they are X, the previous layer's cache and the
/// parameters).
struct LinearCache {
  const Matrix* A_prev = nullptr;  ///< \f$ A^{[l-1]} \f$, \f$ (n^{[l-1]}, m) \f$
  const Matrix* W = nullptr;       ///< \f$ W^{[l]} \f$, \f$ (n^{[l]}, n^{[l-1]}) \f$
  const Matrix* b = nullptr;       ///< \f$ b^{[l]} \f$, \f$ (n^{[l]}, 1) \f$
};

/// What a layer's forward block keeps: the notebook's `(linear_cache, activation_cache)` with
/// the activation cache \f$ Z^{[l]} \f$, and the layer's output \f$ A^{[l]} \f$, which the next
/// layer's linear cache refers to.
struct Cache {
  LinearCache linear_cache;  ///< the inputs of the linear part
  Matrix Z;                  ///< \f$ Z^{[l]} \f$, \f$ (n^{[l]}, m) \f$: the activation cache
  Matrix A;                  ///< \f$ A^{[l]} = g(Z^{[l]}) \f$, \f$ (n^{[l]}, m) \f$
};

/// \brief The linear part of a layer's forward block: \f$ Z = W A_{prev} + b \f$.
/// \param[in] A_prev activations of the previous layer (or X), \f$ (n^{[l-1]}, m) \f$
/// \param[in] W weights, \f$ (n^{[l]}, n^{[l-1]}) \f$
/// \param[in] b bias, \f$ (n^{[l]}, 1) \f$, added to every column
/// \param[out] Z the result, resized to \f$ (n^{[l]}, m) \f$
/// \param[out] cache records A_prev, W and b (by address)
/// \throws ShapeError citing `W[l] is (n[l], n[l-1])` or `b[l] is (n[l], 1)`.
///
/// Exercise `week4.linear_forward`.
void linear_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b, Matrix& Z,
                    LinearCache& cache);

/// \brief A layer's whole forward block: `linear_forward`, then the activation.
/// \param[in] A_prev, W, b as for `linear_forward`
/// \param[in] activation `kRelu` for hidden layers, `kSigmoid` for the output
/// \param[out] cache filled: its linear cache, Z and A
/// \return `cache.A`, the layer's output \f$ A^{[l]} \f$.
///
/// Exercise `week4.linear_activation_forward`.
const Matrix& linear_activation_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                        Activation activation, Cache& cache);

/// \brief The forward pass of the whole network: [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.
/// \param[in] X examples, \f$ (n^{[0]}, m) \f$
/// \param[in] parameters W[l], b[l] for l = 1..L, checked by `check_parameters`
/// \param[in,out] caches resized to L + 1 entries; `caches[l]` is layer l's cache (entry 0
///   unused). Reusing the same vector across iterations reuses its memory.
/// \return \f$ A^{[L]} \f$, the predictions \f$ (1, m) \f$: a reference to `caches[L].A`.
///
/// Exercise `week4.L_model_forward`.
const Matrix& L_model_forward(const Matrix& X, const Parameters& parameters,
                              std::vector<Cache>& caches);

/// \brief The cross-entropy cost, written as the cat notebook writes it (two dot products):
/// `(1./m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))`.
/// \param[in] AL predictions, \f$ (1, m) \f$, each in (0, 1)
/// \param[in] Y labels, \f$ (1, m) \f$
/// \return J, a number (the notebook's `np.squeeze(cost)`).
///
/// Exercise `week4.compute_cost`.
double compute_cost(const Matrix& AL, const Matrix& Y);

/// \brief The linear part of a layer's backward block.
/// \f[ dW = \frac{1}{m} dZ\, A_{prev}^T, \quad db = \frac{1}{m} \textstyle\sum_{\text{examples}}
///     dZ, \quad dA_{prev} = W^T dZ \f]
/// \param[in] dZ \f$ (n^{[l]}, m) \f$
/// \param[in] cache the layer's linear cache (A_prev, W, b)
/// \param[out] dA_prev \f$ (n^{[l-1]}, m) \f$, or `nullptr` when nobody needs it (the first
///   layer's, the gradient with respect to X, is never used)
/// \param[out] dW \f$ (n^{[l]}, n^{[l-1]}) \f$
/// \param[out] db \f$ (n^{[l]}, 1) \f$
///
/// Exercise `week4.linear_backward`.
void linear_backward(const Matrix& dZ, const LinearCache& cache, Matrix* dA_prev, Matrix& dW,
                     Matrix& db);

/// \brief A layer's whole backward block: \f$ dZ = dA \ast g'(Z) \f$ by `relu_backward` or
/// `sigmoid_backward`, then `linear_backward`.
/// \param[in] dA \f$ (n^{[l]}, m) \f$
/// \param[in] cache the layer's cache from the forward pass
/// \param[in] activation the layer's activation
/// \param[out] dZ \f$ (n^{[l]}, m) \f$, kept for the reader (and reused as a buffer)
/// \param[out] dA_prev, dW, db as for `linear_backward` (dA_prev may be `nullptr`)
///
/// Exercise `week4.linear_activation_backward`.
void linear_activation_backward(const Matrix& dA, const Cache& cache, Activation activation,
                                Matrix& dZ, Matrix* dA_prev, Matrix& dW, Matrix& db);

/// The gradients of the cost, layer by layer (entry 0 unused): each has the shape of what it
/// differentiates.
struct Gradients {
  std::vector<Matrix> dA;  ///< `dA[l]`, l = 1..L; `dA[L]` is dAL, where backward starts
  std::vector<Matrix> dZ;  ///< `dZ[l]`, l = 1..L
  std::vector<Matrix> dW;  ///< `dW[l]`, l = 1..L
  std::vector<Matrix> db;  ///< `db[l]`, l = 1..L
  /// Gives each vector L + 1 entries, keeping the matrices already there (and their memory).
  void resize(std::size_t L) {
    for (std::vector<Matrix>* v : {&dA, &dZ, &dW, &db}) v->resize(L + 1);
  }
};

/// \brief The backward pass of the whole network, from
/// \f$ dA^{[L]} = -(Y / A^{[L]} - (1 - Y) / (1 - A^{[L]})) \f$ through the sigmoid layer L and
/// the ReLU layers L-1, ..., 1. \f$ dA^{[0]} \f$ (with respect to X) is not computed.
/// \param[in] AL the output of `L_model_forward`, \f$ (1, m) \f$
/// \param[in] Y labels, \f$ (1, m) \f$
/// \param[in] caches the caches of `L_model_forward`
/// \param[in,out] grads resized to L + 1 entries per vector and filled; reusing the same
///   object across iterations reuses its memory.
///
/// Exercise `week4.L_model_backward`.
void L_model_backward(const Matrix& AL, const Matrix& Y, const std::vector<Cache>& caches,
                      Gradients& grads);

/// \brief One step of gradient descent on every layer, in place:
/// \f$ W^{[l]} := W^{[l]} - \alpha\, dW^{[l]} \f$, \f$ b^{[l]} := b^{[l]} - \alpha\, db^{[l]} \f$.
/// \param[in,out] parameters updated
/// \param[in] grads gradients of the same shapes
/// \param[in] learning_rate \f$ \alpha > 0 \f$
///
/// Exercise `week4.update_parameters`.
void update_parameters(Parameters& parameters, const Gradients& grads, double learning_rate);

}  // namespace dlc::week4
