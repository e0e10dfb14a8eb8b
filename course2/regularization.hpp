/// \file
/// \brief Lectures C2 1.1-1.8: train, dev and test sets, bias and variance, and what cures a
/// network that overfits: L2 regularization, dropout, and stopping early; with the course's
/// regularization notebook, whose network learns where a goalkeeper should kick the ball.
///
/// This header's lectures on \ref course2_week1 "Course 2 week 1's page":
/// \ref lecture_c2_1_1 "C2 1.1-1.3", \ref lecture_c2_1_4 "C2 1.4",
/// \ref lecture_c2_1_5 "C2 1.5", \ref lecture_c2_1_6 "C2 1.6", \ref lecture_c2_1_7 "C2 1.7" and
/// \ref lecture_c2_1_8 "C2 1.8".
///
/// **The data.** The notebook's 2-D points (`datasets/data.mat`, read by `load_2D_dataset`):
/// 211 training and 200 test positions on a football field, labelled 1 where a player of the
/// team headed the ball and 0 where an opponent did. The week's network (given in
/// course2/initialization.hpp) with layers [2, 20, 3, 1], started by this notebook's own
/// `initialize_parameters` (`randn(n[l], n[l-1]) / sqrt(n[l-1])` after `np.random.seed(3)`),
/// and 30000 steps of gradient descent at learning rate 0.3.
///
/// **L2 regularization (C2 1.4-1.5).** Add the squared Frobenius norms of the weights to the
/// cost; the biases are left alone:
/// \f[ J_{\text{regularized}} = \underbrace{-\frac{1}{m} \sum_{i=1}^{m} \left( y^{(i)} \log
///     a^{[3](i)} + (1 - y^{(i)}) \log(1 - a^{[3](i)}) \right)}_{\text{cross-entropy cost}}
///     + \underbrace{\frac{1}{m} \frac{\lambda}{2} \sum_{l} \sum_{k} \sum_{j}
///     \left( W_{k,j}^{[l]} \right)^2}_{\text{L2 regularization cost}} \f]
/// Its gradient adds \f$ \frac{\lambda}{m} W^{[l]} \f$ to each \f$ dW^{[l]} \f$, so every step
/// first shrinks the weights by the factor \f$ 1 - \alpha\lambda/m \f$ ("weight decay"):
/// \f[ dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T} + \frac{\lambda}{m} W^{[l]}, \qquad
///     db^{[l]} = \frac{1}{m} \textstyle\sum_i dZ^{[l](i)} \f]
/// Small weights keep each \f$ z \f$ near 0, where ReLU and sigmoid's neighbours behave almost
/// linearly, and a nearly linear network cannot draw the wiggly boundary that memorizes noise.
///
/// **Dropout (C2 1.6-1.7).** At each iteration, shut down every unit of the hidden layers with
/// probability \f$ 1 - \text{keep\_prob} \f$, and divide the survivors by keep_prob so that the
/// expected value of each activation stays what it was ("inverted dropout"):
/// \f[ D^{[l]} = (\texttt{rand}(n^{[l]}, m) < \text{keep\_prob}), \qquad
///     A^{[l]} := A^{[l]} \ast D^{[l]} / \text{keep\_prob} \quad (l = 1, 2) \f]
/// Backward, the same units are shut down and the same factor applied:
/// \f$ dA^{[l]} := dA^{[l]} \ast D^{[l]} / \text{keep\_prob} \f$. A unit that cannot count on
/// any one input spreads its weights, which shrinks them as L2 does. Dropout is for training
/// only: predictions use the plain `forward_propagation`. As the notebook does, every call of
/// `forward_propagation_with_dropout` starts from `np.random.seed(1)`, so each iteration draws
/// the same masks, D1 first, then D2.
///
/// **The notebook's three runs** (`dlc run course2.regularization`, with `--lambd 0.7` or
/// `--keep-prob 0.86`): without regularization the network fits the training set's noise
/// (train 0.9478672985781991, test 0.915); with \f$ \lambda = 0.7 \f$ it is 0.9383886255924171
/// and 0.93; with dropout at keep_prob 0.86, 0.9289099526066351 and 0.95.
///
/// **Stopping early (C2 1.8)** and **bias and variance (C2 1.1-1.3)** are the programs
/// `dlc run course2.early_stopping` and `dlc run course2.bias_variance`, with `train_model`
/// (given code) and the test set playing the dev set.
///
/// **Expected output.** `dlc run course2.regularization --solution` prints
/// `Cost after iteration 0: 0.6557412523481002`, `Cost after iteration 10000:
/// 0.16329987525724188`, `Cost after iteration 20000: 0.13851642423250857`, then
/// `On the training set:` / `Accuracy: 0.9478672985781991` and `On the test set:` /
/// `Accuracy: 0.915`. The notebook's test of `compute_cost_with_regularization` gives
/// `cost = 1.7864859451590758`.
#pragma once

#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "common/matrix.hpp"
#include "course2/initialization.hpp"

/// The regularization notebook's own functions.
namespace dlc::course2::regularization {

/// \name Given code
///@{

/// \brief The notebook's `load_2D_dataset()`: the four matrices of `DIR/data.mat`, turned into
/// the course's layout, one example per column: `train_X = X.T` (2, 211), `train_Y = y.T`
/// (1, 211), `test_X = Xval.T` (2, 200), `test_Y = yval.T` (1, 200).
/// \param[in] dir the folder holding `data.mat` (this project's tests look in
///   `../shared/data/reg2d`)
/// \throws DataError naming the file and what was wrong: a missing or corrupt file, a missing
///   variable, a shape other than (n, 2) and (n, 1) with as many labels as points, or a label
///   other than 0 and 1.
Dataset load_2D_dataset(const std::string& dir);

/// \brief The notebook's `initialize_parameters`: after `np.random.seed(3)`, for l = 1..L,
/// `W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1])` and `b[l] = zeros(n[l], 1)`.
/// \throws std::invalid_argument for bad `layer_dims` (fewer than two sizes, a size below 1).
Parameters initialize_parameters(const LayerDims& layer_dims);

/// \brief Called by `train_model` once per iteration, after the cost and before the update:
/// the iteration i, the parameters that cost was computed with, and the cost.
using Observer = std::function<void(int iteration, const Parameters& parameters, double cost)>;

/// How `train_model` trains: the notebook's `model`'s arguments, plus the hidden layers' sizes
/// and an optional observer.
struct ModelOptions {
  double learning_rate = 0.3;  ///< \f$ \alpha \f$, positive
  int num_iterations = 30000;  ///< steps of gradient descent, 0 or more
  bool print_cost = true;      ///< print `Cost after iteration i: ...` every 10000
  double lambd = 0.0;          ///< \f$ \lambda \f$ of L2 regularization; 0: none
  double keep_prob = 1.0;      ///< dropout's probability to keep a unit, in (0, 1]; 1: none
  LayerDims hidden = {20, 3};  ///< \f$ n^{[1]}, n^{[2]} \f$ (the output has one unit)
  Observer observe;            ///< called every iteration when set
};

/// What `model` returns: the notebook's `parameters`, and the `costs` it plots.
struct Trained {
  Parameters parameters;      ///< after the last step
  std::vector<double> costs;  ///< the cost of iterations 0, 1000, 2000, ... (when print_cost)
};

/// \brief The notebook's `model` (given code) with every setting of `options`: layers
/// [n_x, hidden[0], hidden[1], 1] started by `initialize_parameters`, then, each iteration,
/// forward (with dropout when keep_prob < 1), the cost (with the L2 term when lambd != 0),
/// backward (plain, with L2, or with dropout) and `update_parameters`. Prints
/// `Cost after iteration i: <cost>` every 10000 iterations on `out` when print_cost, and keeps
/// the cost of every 1000th in `costs`.
/// \throws std::invalid_argument for a learning rate that is not positive, negative iterations,
///   keep_prob outside (0, 1], a negative or non-finite lambd, lambd != 0 together with
///   keep_prob < 1 (the notebook asserts that it uses one at a time), or two hidden sizes not
///   both at least 1, or a label other than 0 and 1; ShapeError when X (n_x, m) and Y (1, m)
///   do not fit; TrainingDiverged naming the iteration when the cost becomes NaN.
Trained train_model(const Matrix& X, const Matrix& Y, const ModelOptions& options,
                    std::ostream& out = std::cout);

/// \brief The notebook's `model(X, Y, learning_rate = 0.3, num_iterations = 30000,
/// print_cost = True, lambd = 0, keep_prob = 1)`: `train_model` with layers [n_x, 20, 3, 1].
/// \throws as `train_model`.
Trained model(const Matrix& X, const Matrix& Y, double learning_rate = 0.3,
              int num_iterations = 30000, bool print_cost = true, double lambd = 0.0,
              double keep_prob = 1.0, std::ostream& out = std::cout);

///@}

/// \name Exercises
///@{

/// \brief The cost with L2 regularization: `compute_cost(A3, Y)` plus
/// \f$ \frac{1}{m} \frac{\lambda}{2} \left( \lVert W^{[1]} \rVert_F^2 + \lVert W^{[2]} \rVert_F^2
/// + \lVert W^{[3]} \rVert_F^2 \right) \f$.
/// \param[in] A3 the network's output, (1, m)
/// \param[in] Y the labels, (1, m)
/// \param[in] parameters the week's three layers (only the W are used)
/// \param[in] lambd \f$ \lambda \f$, 0 or more
/// \return the regularized cost, a number. The notebook's case (`np.random.seed(1)`,
///   `Y = [[1, 1, 0, 1, 0]]`, W1 (2, 3), b1, W2 (3, 2), b2, W3 (1, 3), b3 drawn by randn in that
///   order, `A3 = [[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]]`,
///   lambd = 0.1) gives 1.7864859451590758.
/// \throws ShapeError when A3 and Y are not the same (1, m) or the parameters are not three
///   layers; std::invalid_argument when lambd is negative or not finite.
///
/// Exercise `course2.compute_cost_with_regularization`.
double compute_cost_with_regularization(const Matrix& A3, const Matrix& Y,
                                        const Parameters& parameters, double lambd);

/// \brief Backward propagation of the regularized cost: the plain gradients, each \f$ dW^{[l]}
/// \f$ plus \f$ \frac{\lambda}{m} W^{[l]} \f$.
/// \f[ dZ^{[3]} = A^{[3]} - Y, \quad dW^{[3]} = \tfrac{1}{m} dZ^{[3]} A^{[2]T}
///     + \tfrac{\lambda}{m} W^{[3]}, \quad db^{[3]} = \tfrac{1}{m} \textstyle\sum_i dZ^{[3](i)} \f]
/// \f[ dA^{[2]} = W^{[3]T} dZ^{[3]}, \quad dZ^{[2]} = dA^{[2]} \ast 1\{A^{[2]} > 0\}, \quad
///     dW^{[2]} = \tfrac{1}{m} dZ^{[2]} A^{[1]T} + \tfrac{\lambda}{m} W^{[2]}, \ \dots \f]
/// down to \f$ dW^{[1]} = \frac{1}{m} dZ^{[1]} X^T + \frac{\lambda}{m} W^{[1]} \f$ and
/// \f$ db^{[1]} \f$.
/// \param[in] X the input, (n_x, m)
/// \param[in] Y the labels, (1, m)
/// \param[in] cache from `forward_propagation(X, parameters)`
/// \param[in] lambd \f$ \lambda \f$, 0 or more
/// \return `dZ[l]`, `dW[l]`, `db[l]` for l = 1..3 and `dA[l]` for l = 1, 2, each the shape of
///   what it is the gradient of.
/// \throws ShapeError when X, Y and the cache do not fit together; std::invalid_argument when
///   lambd is negative or not finite.
///
/// Exercise `course2.backward_propagation_with_regularization`.
Gradients backward_propagation_with_regularization(const Matrix& X, const Matrix& Y,
                                                   const Cache& cache, double lambd);

/// \brief Forward propagation with inverted dropout on the two hidden layers. It starts with
/// its own `RandomState(1)` (the notebook's `np.random.seed(1)` at the top of the function),
/// then Z1, A1 = relu(Z1), `D1 = rand(A1.shape) < keep_prob`, `A1 = A1 * D1 / keep_prob`, then
/// the same for layer 2 with D2, then Z3 and A3 = sigmoid(Z3).
/// \param[in] X the input, (n_x, m)
/// \param[in] parameters the week's three layers on n_x features
/// \param[in] keep_prob the probability to keep a unit, in (0, 1]
/// \return `a3` (1, m) and the cache: `Z[l]`, `A[l]` (A1 and A2 after dropout), `W[l]`, `b[l]`
///   for l = 1..3, and the masks `D[1]` (n1, m) and `D[2]` (n2, m) of 0.0 and 1.0.
/// \throws ShapeError when the parameters do not fit X; std::invalid_argument when keep_prob
///   is not in (0, 1].
///
/// Exercise `course2.forward_propagation_with_dropout`.
Forward forward_propagation_with_dropout(const Matrix& X, const Parameters& parameters,
                                         double keep_prob = 0.5);

/// \brief Backward propagation through the network that `forward_propagation_with_dropout`
/// ran: the plain gradients, except that \f$ dA^{[2]} \f$ and \f$ dA^{[1]} \f$ are shut down
/// by the cache's own masks and scaled as the forward pass scaled the activations:
/// \f[ dA^{[l]} = W^{[l+1]T} dZ^{[l+1]}, \quad dA^{[l]} := dA^{[l]} \ast D^{[l]} /
///     \text{keep\_prob}, \quad dZ^{[l]} = dA^{[l]} \ast 1\{A^{[l]} > 0\} \f]
/// with \f$ dZ^{[3]} = A^{[3]} - Y \f$ and \f$ dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T} \f$,
/// \f$ db^{[l]} = \frac{1}{m} \sum_i dZ^{[l](i)} \f$. Nothing is drawn at random here.
/// \param[in] X the input, (n_x, m)
/// \param[in] Y the labels, (1, m)
/// \param[in] cache from `forward_propagation_with_dropout`, with `D[1]` and `D[2]`
/// \param[in] keep_prob the value the forward pass used, in (0, 1]
/// \return the gradients, as `backward_propagation_with_regularization` returns them.
/// \throws ShapeError when X, Y and the cache (masks included) do not fit together;
///   std::invalid_argument when keep_prob is not in (0, 1].
///
/// Exercise `course2.backward_propagation_with_dropout`.
Gradients backward_propagation_with_dropout(const Matrix& X, const Matrix& Y, const Cache& cache,
                                            double keep_prob);

///@}

}  // namespace dlc::course2::regularization
