/// \file
/// \brief Lectures 4.2 and 4.5: the building blocks of a deep network, forward and backward,
/// one layer at a time, with the course's names and caches; and the notes' correction of the
/// summary slide shown in lecture 4.8.
///
/// This header's lectures on \ref week4 "week 4's page": \ref lecture_4_2 "4.2",
/// \ref lecture_4_5 "4.5" and \ref lecture_4_8 "4.8".
///
/// **One block per layer (4.5).** Layer l's forward block takes \f$ A^{[l-1]} \f$ and returns
/// \f$ A^{[l]} \f$ with a *cache* for later; its backward block takes \f$ dA^{[l]} \f$ and
/// the cache and returns \f$ dA^{[l-1]} \f$, \f$ dW^{[l]} \f$ and \f$ db^{[l]} \f$. Chaining the
/// L forward blocks gives the prediction, chaining the L backward blocks in reverse gives every
/// gradient, and one step of gradient descent updates every layer.
///
/// **Forward, layer l (4.2):**
/// \f[ Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad A^{[l]} = g^{[l]}(Z^{[l]}) \f]
/// with \f$ g = \mathrm{ReLU} \f$ (`max(0, z)`) for the hidden layers
/// \f$ l = 1, \dots, L-1 \f$ and \f$ g = \sigma \f$ for the output layer L.
///
/// **The cost** (cross-entropy, as in weeks 2 and 3):
/// \f[ J = -\frac{1}{m} \left( Y \log(A^{[L]})^T + (1 - Y) \log(1 - A^{[L]})^T \right) \f]
///
/// **Backward, layer l (4.2):**
/// \f[ dZ^{[l]} = dA^{[l]} \ast g^{[l]\prime}(Z^{[l]}), \qquad
///     dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T}, \qquad
///     db^{[l]} = \frac{1}{m} \textstyle\sum_{\text{examples}} dZ^{[l]}, \qquad
///     dA^{[l-1]} = W^{[l]T} dZ^{[l]} \f]
/// starting from the derivative of the cost with respect to the output,
/// \f[ dA^{[L]} = -\left( \frac{Y}{A^{[L]}} - \frac{1 - Y}{1 - A^{[L]}} \right) \f]
/// (entry by entry). For the sigmoid, \f$ g'(z) = \sigma(z)(1 - \sigma(z)) \f$; for ReLU,
/// \f$ g'(z) \f$ is 1 where \f$ z > 0 \f$ and 0 elsewhere.
///
/// **The errata (4.8).** The summary slide shown in lecture 4.8 writes \f$ dW^{[L]} = \frac{1}{m}
/// dZ^{[L]} A^{[L]T} \f$ and \f$ dZ^{[L-1]} = dW^{[L]T} dZ^{[L]} \ast g'(Z^{[L-1]}) \f$, and the
/// notes correct both just before it. The gradient of \f$ W^{[L]} \f$ pairs \f$ dZ^{[L]} \f$
/// with the *input* of layer L, \f$ A^{[L-1]} \f$ (the shapes say so too: \f$ dZ^{[L]}
/// A^{[L]T} \f$ is \f$ (n^{[L]}, n^{[L]}) \f$, not the \f$ (n^{[L]}, n^{[L-1]}) \f$ of
/// \f$ W^{[L]} \f$), and the error flows back through the weights \f$ W^{[L]} \f$, not through
/// their gradient. The right forms are \f$ dW^{[L]} = \frac{1}{m} dZ^{[L]} A^{[L-1]T} \f$ and
/// \f$ dZ^{[L-1]} = W^{[L]T} dZ^{[L]} \ast g'(Z^{[L-1]}) \f$; the tests show that the slide's
/// forms fail a gradient check.
///
/// **Values, as in the notebook.** Every function returns what the notebook's returns, and the
/// tuples read as Python's: `auto [Z, linear_cache] = linear_forward(A_prev, W, b);` is the
/// notebook's `Z, linear_cache = linear_forward(A_prev, W, b)`, and `auto [AL, caches] =
/// L_model_forward(X, parameters);`, `Gradients grads = L_model_backward(AL, Y, caches);`,
/// `parameters = update_parameters(parameters, grads, learning_rate);` are one training step.
/// A cache holds its matrices as values, so it stays valid whatever becomes of the matrices it
/// was made from. Copying a `Matrix` shares its storage (copy-on-write), so a cache that keeps
/// A_prev, W and b copies no entries; and a product whose result nobody reads is never computed,
/// so the gradient with respect to X that layer 1's backward step returns, as the notebook's
/// does, costs nothing.
///
/// **Indexing.** Layers are numbered as in the lecture: `parameters.W[l]` is \f$ W^{[l]} \f$ for
/// \f$ l = 1, \dots, L \f$, and so are `caches[l]`, `grads.dW[l]`, `grads.db[l]`; entry 0 of
/// each is empty, because layer 0 is the input. `grads.dA[l]` is \f$ dA^{[l]} \f$ for
/// \f$ l = 0, \dots, L \f$: `dA[L]` is where the backward pass starts and `dA[0]`, with respect
/// to X, is the notebook's `dA0`. (The notebook's `caches` is a list of L, layer l at index
/// l - 1; here it has L + 1 entries like everything else, and a list of L is refused, saying so.)
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
/// unit: `W[0]` and `b[0]` empty, `W[1]` is `(n[1], n_x)`, each `W[l]` is `(n[l], n[l-1])`,
/// each `b[l]` is `(n[l], 1)`, and `W[L]` has one row. Given code.
/// \throws ShapeError naming `what`, the layer and the rule.
void check_parameters(const char* what, const Parameters& parameters, std::size_t n_x);

/// The activation of a layer.
enum class Activation {
  kSigmoid,  ///< \f$ \sigma(z) = 1 / (1 + e^{-z}) \f$, the output layer
  kRelu,     ///< \f$ \max(0, z) \f$, the hidden layers
};

/// What an activation returns, as the notebook's `A, activation_cache = sigmoid(Z)`.
struct ActivationForward {
  Matrix A;                 ///< \f$ A = g(Z) \f$, the shape of Z
  Matrix activation_cache;  ///< Z itself, kept for the backward step
};

/// \name The activations and their backward steps (given, as the notebook's dnn_utils)
///@{

/// `A = 1 / (1 + exp(-Z))`, and Z as the cache.
ActivationForward sigmoid(const Matrix& Z);
/// `A = max(0, Z)`, and Z as the cache.
ActivationForward relu(const Matrix& Z);
/// \f$ dZ = dA \ast s (1 - s) \f$ with \f$ s = \sigma(Z) \f$, Z being the activation cache.
/// Throws `ShapeError` unless dA and Z have the same shape.
Matrix sigmoid_backward(const Matrix& dA, const Matrix& activation_cache);
/// \f$ dZ = dA \f$ where \f$ Z > 0 \f$, 0 elsewhere, Z being the activation cache. Throws
/// `ShapeError` unless dA and Z have the same shape.
Matrix relu_backward(const Matrix& dA, const Matrix& activation_cache);
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

/// The notebook's `linear_cache`, the tuple `(A_prev, W, b)` that `linear_forward` keeps for
/// `linear_backward`. It holds the three matrices as values: a cache made from temporaries, or
/// copied, or kept after its arguments are gone, is as good as the first.
struct LinearCache {
  Matrix A_prev;  ///< \f$ A^{[l-1]} \f$, \f$ (n^{[l-1]}, m) \f$
  Matrix W;       ///< \f$ W^{[l]} \f$, \f$ (n^{[l]}, n^{[l-1]}) \f$
  Matrix b;       ///< \f$ b^{[l]} \f$, \f$ (n^{[l]}, 1) \f$
};

/// The notebook's `cache` of one layer, the tuple `(linear_cache, activation_cache)`.
struct Cache {
  LinearCache linear_cache;  ///< `(A_prev, W, b)`, the inputs of the linear part
  Matrix activation_cache;   ///< \f$ Z^{[l]} \f$, \f$ (n^{[l]}, m) \f$, the activation's input
};

/// What `linear_forward` returns: the notebook's `Z, linear_cache`.
struct LinearForward {
  Matrix Z;  ///< \f$ Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]} \f$, \f$ (n^{[l]}, m) \f$
  LinearCache linear_cache;  ///< `(A_prev, W, b)`
};

/// \brief The linear part of a layer's forward block: \f$ Z = W A_{prev} + b \f$.
/// \param[in] A_prev activations of the previous layer (or X), \f$ (n^{[l-1]}, m) \f$
/// \param[in] W weights, \f$ (n^{[l]}, n^{[l-1]}) \f$
/// \param[in] b bias, \f$ (n^{[l]}, 1) \f$, added to every column
/// \return `{Z, linear_cache}`: Z is \f$ (n^{[l]}, m) \f$, the cache is `(A_prev, W, b)`.
/// \throws ShapeError citing `W[l] is (n[l], n[l-1])` or `b[l] is (n[l], 1)`.
///
/// Exercise `week4.linear_forward`.
LinearForward linear_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b);

/// What `linear_activation_forward` returns: the notebook's `A, cache`.
struct LayerForward {
  Matrix A;     ///< \f$ A^{[l]} = g(Z^{[l]}) \f$, \f$ (n^{[l]}, m) \f$
  Cache cache;  ///< `(linear_cache, activation_cache)`
};

/// \brief A layer's whole forward block: `linear_forward`, then the activation.
/// \param[in] A_prev, W, b as for `linear_forward`
/// \param[in] activation `kRelu` for hidden layers, `kSigmoid` for the output
/// \return `{A, cache}` with `cache = (linear_cache, activation_cache)`, the activation cache
///   being \f$ Z^{[l]} \f$.
///
/// Exercise `week4.linear_activation_forward`.
LayerForward linear_activation_forward(const Matrix& A_prev, const Matrix& W, const Matrix& b,
                                       Activation activation);

/// What `L_model_forward` returns: the notebook's `AL, caches`.
struct ModelForward {
  Matrix AL;                  ///< \f$ A^{[L]} \f$, the predictions, \f$ (1, m) \f$
  std::vector<Cache> caches;  ///< L + 1 entries: `caches[l]` is layer l's, `caches[0]` empty
};

/// \brief The forward pass of the whole network: [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID.
/// \param[in] X examples, \f$ (n^{[0]}, m) \f$
/// \param[in] parameters W[l], b[l] for l = 1..L, checked by `check_parameters`
/// \return `{AL, caches}`: \f$ A^{[L]} \f$, \f$ (1, m) \f$, and the caches of the L layers,
///   `caches[l]` for l = 1..L (`caches[0]` empty, as `W[0]`).
///
/// Exercise `week4.L_model_forward`.
ModelForward L_model_forward(const Matrix& X, const Parameters& parameters);

/// \brief The cross-entropy cost, written as the cat notebook writes it (two dot products):
/// `(1./m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))`.
/// \param[in] AL predictions, \f$ (1, m) \f$, each in (0, 1)
/// \param[in] Y labels, \f$ (1, m) \f$
/// \return J, a number (the notebook's `np.squeeze(cost)`).
///
/// Exercise `week4.compute_cost`.
double compute_cost(const Matrix& AL, const Matrix& Y);

/// What a layer's backward steps return: the notebook's `dA_prev, dW, db`.
struct LayerGradients {
  Matrix dA_prev;  ///< \f$ dA^{[l-1]} \f$, \f$ (n^{[l-1]}, m) \f$
  Matrix dW;       ///< \f$ dW^{[l]} \f$, \f$ (n^{[l]}, n^{[l-1]}) \f$
  Matrix db;       ///< \f$ db^{[l]} \f$, \f$ (n^{[l]}, 1) \f$
};

/// \brief The linear part of a layer's backward block.
/// \f[ dW = \frac{1}{m} dZ\, A_{prev}^T, \quad db = \frac{1}{m} \textstyle\sum_{\text{examples}}
///     dZ, \quad dA_{prev} = W^T dZ \f]
/// \param[in] dZ \f$ (n^{[l]}, m) \f$
/// \param[in] linear_cache the layer's `(A_prev, W, b)` from `linear_forward`
/// \return `{dA_prev, dW, db}`, each shaped as what it differentiates.
/// \throws ShapeError when dZ is not \f$ (n^{[l]}, m) \f$ for the cache's W and A_prev.
///
/// Exercise `week4.linear_backward`.
LayerGradients linear_backward(const Matrix& dZ, const LinearCache& linear_cache);

/// \brief A layer's whole backward block: \f$ dZ = dA \ast g'(Z) \f$ by `relu_backward` or
/// `sigmoid_backward` on the activation cache, then `linear_backward` on the linear cache.
/// \param[in] dA \f$ (n^{[l]}, m) \f$
/// \param[in] cache the layer's `(linear_cache, activation_cache)` from the forward pass
/// \param[in] activation the layer's activation
/// \return `{dA_prev, dW, db}` as `linear_backward` returns them.
///
/// Exercise `week4.linear_activation_backward`.
LayerGradients linear_activation_backward(const Matrix& dA, const Cache& cache,
                                          Activation activation);

/// The gradients of the cost, the notebook's `grads`, layer by layer: each has the shape of
/// what it differentiates.
struct Gradients {
  std::vector<Matrix> dA;  ///< `dA[l]`, l = 0..L: `dA[L]` is dAL, `dA[0]` the notebook's `dA0`
  std::vector<Matrix> dW;  ///< `dW[l]`, l = 1..L (`dW[0]` empty)
  std::vector<Matrix> db;  ///< `db[l]`, l = 1..L (`db[0]` empty)
};

/// \brief The backward pass of the whole network, from
/// \f$ dA^{[L]} = -(Y / A^{[L]} - (1 - Y) / (1 - A^{[L]})) \f$ through the sigmoid layer L and
/// the ReLU layers L-1, ..., 1.
/// \param[in] AL the output of `L_model_forward`, \f$ (1, m) \f$
/// \param[in] Y labels, \f$ (1, m) \f$
/// \param[in] caches the caches of `L_model_forward`: L + 1 entries, `caches[0]` empty
/// \return `grads` with `dA[0..L]`, `dW[1..L]`, `db[1..L]`.
/// \throws std::invalid_argument when `caches` is not L + 1 entries with `caches[0]` empty
///   (the notebook's list of L caches is refused, saying so) or its layers do not chain;
///   ShapeError when AL and Y differ or AL is not the shape of the last layer's Z.
///
/// Exercise `week4.L_model_backward`.
Gradients L_model_backward(const Matrix& AL, const Matrix& Y, const std::vector<Cache>& caches);

/// \brief One step of gradient descent on every layer:
/// \f$ W^{[l]} := W^{[l]} - \alpha\, dW^{[l]} \f$, \f$ b^{[l]} := b^{[l]} - \alpha\, db^{[l]} \f$.
/// \param[in] parameters the parameters before the step (a copy: the caller's are untouched)
/// \param[in] grads gradients of the same shapes, `dW[l]` and `db[l]` for l = 1..L
/// \param[in] learning_rate \f$ \alpha > 0 \f$
/// \return the parameters after the step.
///
/// Exercise `week4.update_parameters`.
Parameters update_parameters(Parameters parameters, const Gradients& grads, double learning_rate);

}  // namespace dlc::week4
