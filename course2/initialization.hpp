/// \file
/// \brief Lectures C2 1.10-1.11: why deep networks need their weights started at the right
/// scale, and the three initializations of the course's notebook (zeros, large random, He);
/// with the network the three notebooks of Course 2 week 1 share.
///
/// This header's lectures on \ref course2_week1 "Course 2 week 1's page":
/// \ref lecture_c2_1_10 "C2 1.10" and \ref lecture_c2_1_11 "C2 1.11".
///
/// **The week's network (given code).** The initialization, regularization and gradient-checking
/// notebooks all train one network, LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID,
/// with the helpers their utility files give: `forward_propagation`, `backward_propagation`,
/// `compute_cost` (the initialization notebook calls it `compute_loss`), `update_parameters`,
/// `predict`. They live once, here, in `namespace dlc::course2`; each lesson's own functions
/// (its `model` above all, a name every notebook reuses) live in its own namespace,
/// `dlc::course2::initialization`, `dlc::course2::regularization` ...
/// \f[ Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \quad A^{[l]} = \mathrm{relu}(Z^{[l]})
///     \ (l = 1, 2), \quad A^{[3]} = \sigma(Z^{[3]}) \f]
/// \f[ J = -\frac{1}{m} \sum_i \left( y^{(i)} \log a^{[3](i)} + (1 - y^{(i)})
///     \log(1 - a^{[3](i)}) \right) \f]
/// and backward, with the \f$ \frac{1}{m} \f$ taken into \f$ dZ^{[3]} \f$ as the utility files do:
/// \f[ dZ^{[3]} = \tfrac{1}{m}(A^{[3]} - Y), \quad dW^{[l]} = dZ^{[l]} A^{[l-1]T}, \quad
///     db^{[l]} = \textstyle\sum_i dZ^{[l](i)}, \quad
///     dZ^{[l-1]} = W^{[l]T} dZ^{[l]} \ast 1\{A^{[l-1]} > 0\} \f]
///
/// **Vanishing and exploding (C2 1.10).** In a deep network with linear activations and every
/// \f$ W^{[l]} \f$ a little larger than the identity (1.5 I), the output is
/// \f$ 1.5^{L-1} \f$ times the input: it explodes exponentially with depth; a little smaller
/// (0.5 I), it vanishes exponentially. The gradients do the same, so a deep network trained from
/// such weights learns nothing, or very slowly. `layer_scales` measures this layer by layer.
///
/// **The cure (C2 1.11).** Choose the variance of each weight so that
/// \f$ z = \sum_j w_j x_j \f$ keeps the variance of its inputs: with \f$ n^{[l-1]} \f$ inputs,
/// \f$ \mathrm{Var}(w) = 1/n^{[l-1]} \f$ (Xavier, for tanh) or, for ReLU, which zeroes half its
/// inputs, \f$ \mathrm{Var}(w) = 2/n^{[l-1]} \f$ (He et al. 2015):
/// \f[ W^{[l]} = \texttt{randn}(n^{[l]}, n^{[l-1]}) \cdot \sqrt{2 / n^{[l-1]}},
///     \qquad b^{[l]} = 0 \f]
///
/// **The notebook's experiment.** The same model on the circles data (`load_dataset`), with
/// layers [2, 10, 5, 1], learning rate 0.01 and 15000 iterations, from three starts:
/// - zeros: every unit of a layer stays the same unit (the symmetry of lecture 3.10), the cost
///   stays \f$ \log 2 \f$ = 0.6931471805599453 and every prediction is 0: accuracy 0.5;
/// - `randn * 10`: the output saturates at once, the first cost is `inf` (a log of 0), and the
///   network learns slowly: 0.83 on the training set, 0.86 on the test set;
/// - He: 0.9933333333333333 on the training set and 0.96 on the test set.
///
/// **Expected output.** `dlc run course2.initialization --solution` (He) prints
/// `Cost after iteration 0: 0.8830537463419761`, ... `Cost after iteration 14000:
/// 0.07357895962677366`, then `On the train set:` / `Accuracy: 0.9933333333333333` and
/// `On the test set:` / `Accuracy: 0.96`; `--init zeros` and `--init random` print the other two
/// runs. `initialize_parameters_he({2, 4, 1})` gives the notebook's W1 = [[1.78862847
/// 0.43650985] [0.09649747 -1.8634927] [-0.2773882 -0.35475898] [-0.08274148 -0.62700068]] and
/// W2 = [[-0.03098412 -0.33744411 -0.92904268 0.62552248]].
#pragma once

#include <cstddef>
#include <iostream>
#include <string>
#include <vector>

#include "common/matrix.hpp"
#include "common/toy_datasets.hpp"

namespace dlc::course2 {

/// \name The week's network (given code)
///@{

/// The layer sizes \f$ n^{[0]}, n^{[1]}, \dots, n^{[L]} \f$, as the notebook's `layers_dims`.
using LayerDims = std::vector<int>;

/// \brief Checks that `layers_dims` has at least two sizes, each at least 1.
/// \throws std::invalid_argument naming `what` and the bad size.
void check_layers_dims(const char* what, const LayerDims& layers_dims);

/// The notebook's `parameters` dictionary: `W[l]` is \f$ (n^{[l]}, n^{[l-1]}) \f$ and `b[l]`
/// is \f$ (n^{[l]}, 1) \f$ for \f$ l = 1, \dots, L \f$ (`parameters["W1"]` is `W[1]`);
/// `W[0]` and `b[0]` are empty.
struct Parameters {
  std::vector<Matrix> W;  ///< `W[l]`, l = 1..L
  std::vector<Matrix> b;  ///< `b[l]`, l = 1..L
  /// The number of layers L (0 when empty).
  std::size_t L() const { return W.empty() ? 0 : W.size() - 1; }
};

/// \brief Checks that `parameters` is the week's network on `n_x` input features: three layers,
/// `W[1]` is `(n[1], n_x)`, each `W[l]` is `(n[l], n[l-1])`, each `b[l]` is `(n[l], 1)`, and
/// `W[3]` has one row.
/// \throws ShapeError naming `what`, the layer and the rule.
void check_three_layers(const char* what, const Parameters& parameters, std::size_t n_x);

/// What `forward_propagation` keeps for `backward_propagation`: the notebook's tuple
/// `(z1, a1, W1, b1, z2, a2, W2, b2, z3, a3, W3, b3)`, each list indexed by layer, 1 to 3;
/// with dropout, also the masks `D[1]` and `D[2]`.
struct Cache {
  std::vector<Matrix> Z;  ///< `Z[l]`, \f$ (n^{[l]}, m) \f$
  std::vector<Matrix> A;  ///< `A[l]`, \f$ (n^{[l]}, m) \f$ (the input X is not kept)
  std::vector<Matrix> W;  ///< `W[l]`, as used
  std::vector<Matrix> b;  ///< `b[l]`, as used
  std::vector<Matrix> D;  ///< dropout masks `D[1]`, `D[2]`; empty without dropout
};

/// What `forward_propagation` returns, as the notebook's `a3, cache = forward_propagation(...)`.
struct Forward {
  Matrix a3;    ///< \f$ A^{[3]} \f$, the output, \f$ (1, m) \f$
  Cache cache;  ///< for the backward pass
};

/// The notebook's `gradients` dictionary, each list indexed by layer: `dZ[l]`, `dW[l]`,
/// `db[l]` for l = 1..3, and `dA[l]` for l = 1, 2 (`gradients["da2"]` is `dA[2]`).
struct Gradients {
  std::vector<Matrix> dZ;  ///< `dZ[l]`
  std::vector<Matrix> dA;  ///< `dA[l]`, l = 1, 2
  std::vector<Matrix> dW;  ///< `dW[l]`, the shape of `W[l]`
  std::vector<Matrix> db;  ///< `db[l]`, the shape of `b[l]`
};

/// \brief Checks that `cache` is a forward pass of the week's network on `X` (n_x, m) and `Y`
/// its labels, (1, m): Z, A, W and b of layers 1 to 3, each Z[l] and A[l] (n[l], m); with
/// `dropout_masks`, also the masks D[1] and D[2] of A[1]'s and A[2]'s shapes. The backward
/// passes of the week's notebooks call it first.
/// \throws ShapeError naming `what` and what does not fit.
void check_cache(const char* what, const Matrix& X, const Matrix& Y, const Cache& cache,
                 bool dropout_masks = false);

/// `1 / (1 + exp(-x))`, entry by entry.
Matrix sigmoid(const Matrix& x);
/// `max(0, x)`, entry by entry.
Matrix relu(const Matrix& x);

/// \brief LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID on `X` (n_x, m).
/// \throws ShapeError when `parameters` is not three layers on n_x features.
Forward forward_propagation(const Matrix& X, const Parameters& parameters);

/// \brief The cross-entropy cost of output `a3` against labels `Y`, both (1, m), summed as
/// numpy's `nansum` does: an example whose term is NaN (\f$ 0 \cdot \log 0 \f$) counts 0, and a
/// log of 0 with a label that needs it gives `inf`, as the notebook prints it.
/// \throws ShapeError when the shapes differ or are not one row.
double compute_cost(const Matrix& a3, const Matrix& Y);

/// \brief The gradients of `compute_cost` with respect to every Z, A, W and b, from the cache
/// of `forward_propagation` (the utility files' order: \f$ dZ^{[3]} = \frac{1}{m}(A^{[3]} - Y)
/// \f$ first).
/// \throws ShapeError when X, Y and the cache do not fit together.
Gradients backward_propagation(const Matrix& X, const Matrix& Y, const Cache& cache);

/// \brief One step of gradient descent, \f$ W^{[l]} := W^{[l]} - \alpha\, dW^{[l]} \f$ and
/// \f$ b^{[l]} := b^{[l]} - \alpha\, db^{[l]} \f$ for every layer.
/// \throws ShapeError when a gradient's shape is not its parameter's;
///   std::invalid_argument when the learning rate is not positive.
Parameters update_parameters(Parameters parameters, const Gradients& grads, double learning_rate);

/// \brief The predictions, 1 where \f$ a^{[3]} > 0.5 \f$ and 0 elsewhere, (1, m); prints
/// `Accuracy: ` and the share of predictions equal to `y` as Python prints a float, on `out`.
Matrix predict(const Matrix& X, const Matrix& y, const Parameters& parameters,
               std::ostream& out = std::cout);

/// \brief The prediction alone, for drawing a decision boundary: 1 where
/// \f$ a^{[3]} > 0.5 \f$ (the notebook's `predict_dec`).
Matrix predict_dec(const Parameters& parameters, const Matrix& X);

/// The four sets the notebooks' `load_dataset` returns, one example per column.
struct Dataset {
  Matrix train_X;  ///< (2, m_train)
  Matrix train_Y;  ///< (1, m_train)
  Matrix test_X;   ///< (2, m_test)
  Matrix test_Y;   ///< (1, m_test)
};

/// \brief The circles of the initialization notebook: `make_circles(300, noise=.05)` after
/// `np.random.seed(1)` for training and `make_circles(100, noise=.05)` after
/// `np.random.seed(2)` for test, number for number.
Dataset load_dataset();

///@}

}  // namespace dlc::course2

/// The initialization notebook's own functions.
namespace dlc::course2::initialization {

/// \brief Every weight and bias zero: the start that cannot break the symmetry.
/// \param[in] layers_dims \f$ n^{[0]}, \dots, n^{[L]} \f$, at least two sizes, each at least 1
/// \return `W[l]` zeros \f$ (n^{[l]}, n^{[l-1]}) \f$ and `b[l]` zeros \f$ (n^{[l]}, 1) \f$.
/// \throws std::invalid_argument for bad `layers_dims`.
///
/// Exercise `course2.initialize_parameters_zeros`.
Parameters initialize_parameters_zeros(const LayerDims& layers_dims);

/// \brief Large random weights, `randn(n[l], n[l-1]) * 10`, after `np.random.seed(3)`, drawing
/// W1, W2, ... in turn; zero biases.
/// \throws std::invalid_argument for bad `layers_dims`.
///
/// Exercise `course2.initialize_parameters_random`.
Parameters initialize_parameters_random(const LayerDims& layers_dims);

/// \brief He initialization, `randn(n[l], n[l-1]) * sqrt(2 / n[l-1])`, after
/// `np.random.seed(3)`, drawing W1, W2, ... in turn; zero biases.
/// \throws std::invalid_argument for bad `layers_dims`.
///
/// Exercise `course2.initialize_parameters_he`.
Parameters initialize_parameters_he(const LayerDims& layers_dims);

/// \brief The notebook's `model` (given code): layers [n_x, 10, 5, 1] started by
/// `initialization` ("zeros", "random" or "he"), then `num_iterations` steps of gradient
/// descent, printing `Cost after iteration i: ...` every 1000 iterations when `print_cost`.
/// \return the trained parameters.
/// \throws std::invalid_argument for an unknown initialization or a learning rate that is not
///   positive; ShapeError when X and Y do not fit; TrainingDiverged when the output becomes
///   NaN (whose cost `nansum` would print as 0), naming the iteration; an infinite cost, as
///   random's first, is printed and training goes on, as in the notebook.
Parameters model(const Matrix& X, const Matrix& Y, double learning_rate = 0.01,
                 int num_iterations = 15000, bool print_cost = true,
                 const std::string& initialization = "he", std::ostream& out = std::cout);

/// The spread of the activations and of the gradients, layer by layer, of one pass through a
/// deep network (lecture C2 1.10).
struct LayerScales {
  std::vector<double> activation;  ///< root mean square of \f$ A^{[l]} \f$, l = 1..L
  std::vector<double> gradient;    ///< root mean square of \f$ dA^{[l]} \f$, l = 1..L
};

/// \brief Lecture C2 1.10 made real (given code): a network of `depth` linear layers of
/// `width` units whose weights are `scale` times the identity and whose biases are 0, fed `X`
/// (width, m); forward, then backward from \f$ dA^{[L]} = A^{[L]} \f$ (the cost
/// \f$ \frac{1}{2} \lVert A^{[L]} \rVert^2 \f$) through \f$ dA^{[l-1]} = W^{[l]T} dA^{[l]} \f$,
/// measuring the activations and the gradient that reaches each layer by the root mean square
/// of their entries. (In a linear network every \f$ dW^{[l]} = dA^{[l]} A^{[l-1]T} \f$ has the
/// same size, \f$ \mathrm{scale}^{2L-1} \f$ times the input's: the gradient that flows back
/// shows where the growth happens.)
/// \throws std::invalid_argument when depth is 0 or scale is not positive; ShapeError when X
///   is empty.
LayerScales layer_scales(const Matrix& X, std::size_t depth, double scale);

}  // namespace dlc::course2::initialization
