/// \file
/// \brief Lecture 3.10: why the weights of a network must start random, and small.
///
/// This header's lectures on \ref week3 "week 3's page": \ref lecture_3_10 "3.10".
///
/// **Zero weights keep the hidden units identical.** Start a two-layer network with
/// \f$ W^{[1]} = 0 \f$ (or any \f$ W^{[1]} \f$ whose rows are all equal) and \f$ b^{[1]} = 0 \f$.
/// Every hidden unit then computes the same function of the input, so
/// \f$ a^{[1]}_1 = a^{[1]}_2 = \dots \f$; if the output weights \f$ W^{[2]} \f$ are equal too,
/// every hidden unit has the same influence on the output, so backpropagation gives them the same
/// \f$ dz^{[1]}_j \f$, and the rows of \f$ dW^{[1]} \f$ are equal. After the update
/// \f$ W^{[1]} := W^{[1]} - \alpha\, dW^{[1]} \f$ the rows are still equal, and by induction they
/// stay equal however long the training runs. The units are *symmetric*: n_h hidden units are no
/// better than one. (For logistic regression zero weights were fine: one unit has nothing to be
/// symmetric with. Zero biases are fine here too: the weights alone break the symmetry.)
///
/// **Random weights break the symmetry.** The lecture's recipe:
/// \f[ W^{[1]} = \texttt{randn}(n_h, n_x) \cdot 0.01, \quad b^{[1]} = 0, \quad
///     W^{[2]} = \texttt{randn}(n_y, n_h) \cdot 0.01, \quad b^{[2]} = 0 \f]
///
/// **Why small.** With large weights \f$ z^{[1]} = W^{[1]} x + b^{[1]} \f$ is large in
/// magnitude, and tanh (or sigmoid) sits on its flat ends, where the slope
/// \f$ 1 - a^2 \f$ is nearly 0: gradient descent starts out very slowly. 0.01 keeps a shallow
/// network near the middle, where the slope is nearly 1. (Deeper networks want other scales;
/// Course 2 comes back to this.)
///
/// The network used to show all this is the one of the week: tanh hidden units and a sigmoid
/// output, trained on the cross-entropy cost with the gradients of lecture 3.9:
/// \f[ dZ^{[2]} = A^{[2]} - Y, \quad dW^{[2]} = \frac{1}{m} dZ^{[2]} A^{[1]T}, \quad
///     db^{[2]} = \frac{1}{m} \textstyle\sum_i dZ^{[2](i)} \f]
/// \f[ dZ^{[1]} = W^{[2]T} dZ^{[2]} \ast (1 - A^{[1]2}), \quad
///     dW^{[1]} = \frac{1}{m} dZ^{[1]} X^T, \quad
///     db^{[1]} = \frac{1}{m} \textstyle\sum_i dZ^{[1](i)} \f]
/// (`two_layer_gradient_step` is given code; week 3's `shallow_network` lesson is where these
/// equations are the exercise.)
///
/// **Expected output.** `RandomState rng(2); initialize_random(2, 4, 1, rng)` gives the
/// notebook's \f$ W^{[1]} \f$ = [[-0.00416758 -0.00056267] [-0.02136196 0.01640271]
/// [-0.01793436 -0.00841747] [0.00502881 -0.01245288]] and \f$ W^{[2]} \f$ = [[-0.01057952
/// -0.00909008 0.00551454 0.02292208]]. On random data, 100 gradient steps from zero (or
/// equal-row) weights leave every hidden unit identical, while from `initialize_random` they
/// differ. With scale 0.01 the mean slope \f$ 1 - a^2 \f$ of the hidden units is above 0.99;
/// with scale 10 it is below 0.1.
#pragma once

#include <cstddef>

#include "common/matrix.hpp"
#include "common/random.hpp"

namespace dlc::week3 {

/// The parameters of a two-layer network (the same four matrices as `shallow_network`'s, kept
/// separate so that this lesson stands on its own).
struct TwoLayerParameters {
  Matrix W1;  ///< \f$ W^{[1]} \f$, shape (n_h, n_x)
  Matrix b1;  ///< \f$ b^{[1]} \f$, shape (n_h, 1)
  Matrix W2;  ///< \f$ W^{[2]} \f$, shape (n_y, n_h)
  Matrix b2;  ///< \f$ b^{[2]} \f$, shape (n_y, 1)
};

/// \brief All parameters zero: the start that lecture 3.10 warns against (given code).
/// \param[in] n_x input features, at least 1
/// \param[in] n_h hidden units, at least 1
/// \param[in] n_y output units, at least 1
/// \return W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h), b2 (n_y, 1), every entry 0.
/// \throws std::invalid_argument when a size is 0.
TwoLayerParameters initialize_zeros(std::size_t n_x, std::size_t n_h, std::size_t n_y);

/// \brief Small random weights and zero biases (lecture 3.10).
/// \f[ W^{[1]} = \texttt{randn}(n_h, n_x) \cdot s, \quad b^{[1]} = 0, \quad
///     W^{[2]} = \texttt{randn}(n_y, n_h) \cdot s, \quad b^{[2]} = 0 \f]
/// drawing \f$ W^{[1]} \f$ first and then \f$ W^{[2]} \f$, as the notebook does.
/// \param[in] n_x input features, at least 1
/// \param[in] n_h hidden units, at least 1
/// \param[in] n_y output units, at least 1
/// \param[in,out] rng the random generator (`np.random.seed(2)` is `RandomState rng(2)`)
/// \param[in] scale \f$ s \f$, 0.01 in the lecture
/// \return W1 (n_h, n_x), b1 (n_h, 1) zeros, W2 (n_y, n_h), b2 (n_y, 1) zeros.
/// \throws std::invalid_argument when a size is 0.
///
/// Exercise `week3.initialize_random`.
TwoLayerParameters initialize_random(std::size_t n_x, std::size_t n_h, std::size_t n_y,
                                     RandomState& rng, double scale = 0.01);

/// \brief Whether all hidden units are the same unit: every row of W1 equal to the first row,
/// and every entry of b1 equal to the first, within `tol` (given code).
/// \param[in] W1 shape (n_h, n_x)
/// \param[in] b1 shape (n_h, 1)
/// \param[in] tol the largest difference still counted as equal (0 for exact equality)
/// \throws ShapeError when b1 is not (W1.rows, 1).
bool hidden_units_identical(const Matrix& W1, const Matrix& b1, double tol = 0.0);

/// \brief One step of gradient descent on the cross-entropy cost for the tanh/sigmoid network,
/// with the gradients of lecture 3.9 (given code).
/// \param[in,out] params the parameters, updated in place: \f$ \theta := \theta - \alpha\,
///                d\theta \f$ for each of W1, b1, W2, b2
/// \param[in] X examples, shape (n_x, m)
/// \param[in] Y labels, shape (n_y, m), each 0 or 1
/// \param[in] learning_rate \f$ \alpha > 0 \f$
/// \return the cost before the step.
/// \throws ShapeError when the shapes do not fit.
double two_layer_gradient_step(TwoLayerParameters& params, const Matrix& X, const Matrix& Y,
                               double learning_rate);

/// \brief The mean slope of the hidden units on the data: the mean over all hidden units and
/// examples of \f$ 1 - a^2 \f$ with \f$ A^{[1]} = \tanh(W^{[1]} X + b^{[1]}) \f$ (given code).
/// Near 1 when the units work in tanh's steep middle, near 0 when they are saturated.
/// \param[in] params the parameters (only W1 and b1 are used)
/// \param[in] X examples, shape (n_x, m)
/// \throws ShapeError when the shapes do not fit.
double mean_tanh_slope(const TwoLayerParameters& params, const Matrix& X);

}  // namespace dlc::week3
