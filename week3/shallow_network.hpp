/// \file
/// \brief Lecture 3.9: a neural network with one hidden layer, trained by gradient descent on
/// the planar "flower" data set.
///
/// This header's lectures on \ref week3 "week 3's page": \ref lecture_3_9 "3.9" and
/// \ref week3_planar "the planar flower".
///
/// **The network.** Two inputs, \f$ n_h \f$ tanh units, one sigmoid output. For all m examples
/// at once (X is \f$ (n_x, m) \f$):
/// \f[ Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]}), \quad
///     Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]}) \f]
/// with \f$ W^{[1]} \f$ of shape \f$ (n_h, n_x) \f$, \f$ b^{[1]} \f$ \f$ (n_h, 1) \f$,
/// \f$ W^{[2]} \f$ \f$ (n_y, n_h) \f$ and \f$ b^{[2]} \f$ \f$ (n_y, 1) \f$.
///
/// **The cost** is the cross-entropy of lecture 2.3:
/// \f[ J = -\frac{1}{m} \sum_{i=1}^{m} \Big( y^{(i)} \log a^{[2](i)}
///        + (1 - y^{(i)}) \log(1 - a^{[2](i)}) \Big) \f]
///
/// **Backward, the six equations** (the tanh derivative is \f$ 1 - a^2 \f$, lecture 3.8):
/// \f[ dZ^{[2]} = A^{[2]} - Y, \qquad dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}, \qquad
///     db^{[2]} = \frac{1}{m} \textstyle\sum_{\text{examples}} dZ^{[2]} \f]
/// \f[ dZ^{[1]} = W^{[2]T} dZ^{[2]} \ast \big(1 - (A^{[1]})^2\big), \qquad
///     dW^{[1]} = \frac{1}{m} dZ^{[1]} X^T, \qquad
///     db^{[1]} = \frac{1}{m} \textstyle\sum_{\text{examples}} dZ^{[1]} \f]
/// where \f$ \ast \f$ is the element-wise product and the sums run along each row
/// (`sum(dZ, 1)`, numpy's `axis=1, keepdims=True`).
///
/// **Expected output.** `dlc run week3.planar --solution`: 4 hidden units, 10,000 iterations,
/// learning rate 1.2, `RandomState(3)` for the initialization, prints
/// `Cost after iteration 0: 0.693162`, `1000: 0.258625`, ... `6000: 0.219094` and
/// `Accuracy: 90%`. `dlc run week3.sweep --solution` trains 1, 2, 3, 4, 5, 20 and 50 hidden
/// units for 5000 iterations each and prints `Accuracy for 1 hidden units: 67.5 %` up to
/// `Accuracy for 50 hidden units: 90.25 %`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "common/matrix.hpp"
#include "common/random.hpp"

namespace dlc::week3 {

/// The sizes of the three layers.
struct LayerSizes {
  std::size_t n_x = 0;  ///< input features
  std::size_t n_h = 0;  ///< hidden units
  std::size_t n_y = 0;  ///< outputs
};

/// \brief The layer sizes the data implies: n_x from X, n_y from Y, and the chosen n_h.
/// \param[in] X examples, shape (n_x, m)
/// \param[in] Y labels, shape (n_y, m)
/// \param[in] n_h hidden units (4 in the notebook), at least 1
///
/// Exercise `week3.layer_sizes`.
LayerSizes layer_sizes(const Matrix& X, const Matrix& Y, std::size_t n_h = 4);

/// The parameters of the two layers.
struct Parameters {
  Matrix W1;  ///< (n_h, n_x)
  Matrix b1;  ///< (n_h, 1)
  Matrix W2;  ///< (n_y, n_h)
  Matrix b2;  ///< (n_y, 1)
};

/// \brief Small random weights and zero biases (lecture 3.10):
/// `W1 = randn(n_h, n_x) * 0.01`, `b1 = 0`, `W2 = randn(n_y, n_h) * 0.01`, `b2 = 0`, drawing
/// W1 first.
/// \param[in] n_x, n_h, n_y the layer sizes, each at least 1
/// \param[in,out] rng the random generator (the notebook's `np.random.seed(3)` is
///                `RandomState rng(3)`)
///
/// Exercise `week3.initialize_parameters`.
Parameters initialize_parameters(std::size_t n_x, std::size_t n_h, std::size_t n_y,
                                 RandomState& rng);

/// What the forward pass keeps for the backward pass.
struct Cache {
  Matrix Z1;  ///< (n_h, m)
  Matrix A1;  ///< (n_h, m)
  Matrix Z2;  ///< (n_y, m)
  Matrix A2;  ///< (n_y, m)
};

/// \brief The forward pass over all m examples (the four equations above).
/// \param[in] X examples, shape (n_x, m)
/// \param[in] parameters W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1)
/// \return the cache; `cache.A2`, shape (n_y, m), is the output.
/// \throws ShapeError when the parameters do not fit each other or X.
///
/// Exercise `week3.forward_propagation`.
Cache forward_propagation(const Matrix& X, const Parameters& parameters);

/// \brief The cross-entropy cost of the output A2 against the labels Y.
/// \param[in] A2 the network's output, shape (1, m)
/// \param[in] Y labels, shape (1, m)
///
/// Exercise `week3.compute_cost`.
double compute_cost(const Matrix& A2, const Matrix& Y);

/// The gradients of the cost, each the shape of its parameter.
struct Gradients {
  Matrix dW1;  ///< (n_h, n_x)
  Matrix db1;  ///< (n_h, 1)
  Matrix dW2;  ///< (n_y, n_h)
  Matrix db2;  ///< (n_y, 1)
};

/// \brief The backward pass: the six equations above.
/// \param[in] parameters the parameters the forward pass used
/// \param[in] cache what the forward pass kept
/// \param[in] X examples, shape (n_x, m)
/// \param[in] Y labels, shape (1, m)
///
/// Exercise `week3.backward_propagation`.
Gradients backward_propagation(const Parameters& parameters, const Cache& cache, const Matrix& X,
                               const Matrix& Y);

/// \brief One gradient-descent step on every parameter: \f$ \theta := \theta - \alpha\,
/// d\theta \f$.
/// \param[in] parameters the current parameters
/// \param[in] grads their gradients (same shapes)
/// \param[in] learning_rate \f$ \alpha \f$ (1.2 in the notebook)
///
/// Exercise `week3.update_parameters`.
Parameters update_parameters(const Parameters& parameters, const Gradients& grads,
                             double learning_rate = 1.2);

/// \brief The whole model: `RandomState rng(seed)`, `initialize_parameters`, then
/// `num_iterations` of forward, cost, backward, update.
/// \param[in] X examples, shape (n_x, m)
/// \param[in] Y labels, shape (1, m), each 0 or 1
/// \param[in] n_h hidden units, at least 1
/// \param[in] num_iterations gradient-descent steps (10,000 in the notebook)
/// \param[in] print_cost print `Cost after iteration i: 0.693162` every `print_every` steps
/// \param[in] learning_rate \f$ \alpha > 0 \f$
/// \param[in] seed the seed of the initialization (3 in the notebook)
/// \param[in] print_every how often to print (1000 in the notebook)
/// \param[in] observe when set, called after every iteration with its number and its cost
///            (progress bars and cost curves use it)
/// \throws TrainingDiverged when the cost stops being finite, naming the iteration.
///
/// Exercise `week3.nn_model`.
Parameters nn_model(const Matrix& X, const Matrix& Y, std::size_t n_h, long num_iterations = 10000,
                    bool print_cost = false, double learning_rate = 1.2, std::uint32_t seed = 3,
                    long print_every = 1000,
                    const std::function<void(long iteration, double cost)>& observe = nullptr);

/// \brief Predicts 1 where the network's output is above 0.5, else 0.
/// \param[in] parameters trained parameters
/// \param[in] X examples, shape (n_x, m)
/// \return (1, m) of 0.0 and 1.0.
///
/// Exercise `week3.predict`.
Matrix predict(const Parameters& parameters, const Matrix& X);

/// \brief The percentage of predictions equal to the labels, computed as the notebook does:
/// `(Y . p^T + (1 - Y) . (1 - p)^T) / m * 100`. Given code.
/// \param[in] predictions (1, m) of 0/1
/// \param[in] Y labels, (1, m) of 0/1
double accuracy(const Matrix& predictions, const Matrix& Y);

}  // namespace dlc::week3
