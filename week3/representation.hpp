/// \file
/// \brief Lectures 3.1-3.5: what a network with one hidden layer computes, first for one
/// example with explicit loops over the units (3.3), then for all m examples at once with two
/// matrix products (3.4-3.5).
///
/// This header's lectures on \ref week3 "week 3's page": \ref lecture_3_1 "3.1",
/// \ref lecture_3_2 "3.2", \ref lecture_3_3 "3.3", \ref lecture_3_4 "3.4" and
/// \ref lecture_3_5 "3.5".
///
/// **Notation (3.2).** The input layer is layer 0: \f$ a^{[0]} = x \f$, with \f$ n_x \f$
/// features. The hidden layer (layer 1) has \f$ n_h \f$ units, the output layer (layer 2)
/// \f$ n_y \f$ units (one, for a yes/no answer); the input layer is not counted, so this is a
/// *two-layer* network. A superscript in square brackets names the layer, a subscript the unit
/// within it, and a superscript in round brackets the example: \f$ a^{[1](i)}_j \f$ is the
/// activation of hidden unit j on example i.
///
/// **One example, unit by unit (3.3).** Every unit is a small logistic regression: a weighted
/// sum of its inputs plus a bias, then an activation. Hidden unit j, whose weights are the
/// j-th row \f$ w^{[1]T}_j \f$ of \f$ W^{[1]} \f$, computes
/// \f[ z^{[1]}_j = w^{[1]T}_j x + b^{[1]}_j, \qquad a^{[1]}_j = \tanh(z^{[1]}_j) \f]
/// and output unit r, from the hidden activations,
/// \f[ z^{[2]}_r = w^{[2]T}_r a^{[1]} + b^{[2]}_r, \qquad a^{[2]}_r = \sigma(z^{[2]}_r) \f]
/// Stacking the rows gives the same thing as matrix products: \f$ z^{[1]} = W^{[1]} x + b^{[1]}
/// \f$ and \f$ z^{[2]} = W^{[2]} a^{[1]} + b^{[2]} \f$. (Lectures 3.3-3.4 first draw sigmoid
/// hidden units; from 3.6 on the hidden layer uses tanh, as here and in the notebook. The output
/// keeps the sigmoid, so that \f$ \hat{y} = a^{[2]} \f$ is a probability.)
///
/// **All examples at once (3.4-3.5).** Put the examples side by side as the columns of
/// \f$ X \f$, shape \f$ (n_x, m) \f$. Then column i of \f$ W^{[1]} X \f$ is \f$ W^{[1]} x^{(i)} \f$,
/// and adding the column \f$ b^{[1]} \f$ to every column (broadcasting) finishes
/// \f$ z^{[1](i)} \f$ for every i:
/// \f[ Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]}), \quad
///     Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]}) \f]
/// Horizontally the matrices run over the examples, vertically over the units of a layer.
///
/// **Shapes.** \f$ W^{[1]} \f$ is \f$ (n_h, n_x) \f$, \f$ b^{[1]} \f$ is \f$ (n_h, 1) \f$,
/// \f$ W^{[2]} \f$ is \f$ (n_y, n_h) \f$, \f$ b^{[2]} \f$ is \f$ (n_y, 1) \f$; for one example
/// \f$ x \f$ is \f$ (n_x, 1) \f$, and \f$ Z^{[1]}, A^{[1]} \f$ are \f$ (n_h, m) \f$ and
/// \f$ Z^{[2]}, A^{[2]} \f$ are \f$ (n_y, m) \f$.
///
/// **Expected output.** With \f$ x = (1, 2)^T \f$, \f$ W^{[1]} = \begin{pmatrix} 0.5 & -1 \\ 1 &
/// 0.25 \\ 0 & 0 \end{pmatrix} \f$, \f$ b^{[1]} = (1, -1.5, 0)^T \f$, \f$ W^{[2]} = (1, 2, 3) \f$
/// and \f$ b^{[2]} = -0.5 \f$: \f$ z^{[1]} = (-0.5, 0, 0)^T \f$,
/// \f$ a^{[1]} = (\tanh(-0.5), 0, 0)^T \approx (-0.462117, 0, 0)^T \f$,
/// \f$ z^{[2]} \approx -0.962117 \f$ and \f$ a^{[2]} \approx 0.276455 \f$. The loop over the
/// examples and the vectorized pass agree to within rounding (about 1e-15) on any data.
#pragma once

#include "common/matrix.hpp"

namespace dlc::week3 {

/// What the network computes for one example: every quantity of lecture 3.3, as columns.
struct OneExampleForward {
  Matrix z1;  ///< \f$ z^{[1]} \f$, shape (n_h, 1)
  Matrix a1;  ///< \f$ a^{[1]} = \tanh(z^{[1]}) \f$, shape (n_h, 1)
  Matrix z2;  ///< \f$ z^{[2]} \f$, shape (n_y, 1)
  Matrix a2;  ///< \f$ a^{[2]} = \sigma(z^{[2]}) = \hat{y} \f$, shape (n_y, 1)
};

/// What the network computes for m examples at once: one column per example.
struct VectorizedForward {
  Matrix Z1;  ///< \f$ Z^{[1]} \f$, shape (n_h, m)
  Matrix A1;  ///< \f$ A^{[1]} = \tanh(Z^{[1]}) \f$, shape (n_h, m)
  Matrix Z2;  ///< \f$ Z^{[2]} \f$, shape (n_y, m)
  Matrix A2;  ///< \f$ A^{[2]} = \sigma(Z^{[2]}) \f$, shape (n_y, m)
};

/// \brief The forward pass for one example, with explicit loops over the units (lecture 3.3).
/// \f[ z^{[1]}_j = \sum_{k=1}^{n_x} W^{[1]}_{jk} x_k + b^{[1]}_j, \quad
///     a^{[1]}_j = \tanh(z^{[1]}_j), \quad
///     z^{[2]}_r = \sum_{j=1}^{n_h} W^{[2]}_{rj} a^{[1]}_j + b^{[2]}_r, \quad
///     a^{[2]}_r = \sigma(z^{[2]}_r) = \frac{1}{1 + e^{-z^{[2]}_r}} \f]
/// \param[in] x one example, shape (n_x, 1)
/// \param[in] W1 hidden weights, shape (n_h, n_x): row j belongs to hidden unit j
/// \param[in] b1 hidden biases, shape (n_h, 1)
/// \param[in] W2 output weights, shape (n_y, n_h)
/// \param[in] b2 output biases, shape (n_y, 1)
/// \return z1, a1 (n_h, 1) and z2, a2 (n_y, 1).
/// \throws ShapeError naming the shapes that do not fit, e.g. `forward_one_example: W1 is (4, 3)
///         but x is (2, 1); W1 is (n_h, n_x), so W1.cols must equal x.rows`.
///
/// Exercise `week3.forward_one_example`.
OneExampleForward forward_one_example(const Matrix& x, const Matrix& W1, const Matrix& b1,
                                      const Matrix& W2, const Matrix& b2);

/// \brief The forward pass for all m examples at once (lectures 3.4-3.5).
/// \f[ Z^{[1]} = W^{[1]} X + b^{[1]}, \quad A^{[1]} = \tanh(Z^{[1]}), \quad
///     Z^{[2]} = W^{[2]} A^{[1]} + b^{[2]}, \quad A^{[2]} = \sigma(Z^{[2]}) \f]
/// Column i of every result is what `forward_one_example` gives for column i of X.
/// \param[in] X examples, shape (n_x, m), one example per column
/// \param[in] W1 shape (n_h, n_x)
/// \param[in] b1 shape (n_h, 1), added to every column
/// \param[in] W2 shape (n_y, n_h)
/// \param[in] b2 shape (n_y, 1), added to every column
/// \return Z1, A1 (n_h, m) and Z2, A2 (n_y, m).
/// \throws ShapeError naming the shapes that do not fit.
///
/// Exercise `week3.forward_vectorized`.
VectorizedForward forward_vectorized(const Matrix& X, const Matrix& W1, const Matrix& b1,
                                     const Matrix& W2, const Matrix& b2);

/// \brief Checks that the parameters of a two-layer network fit each other and the examples
/// (given code, shared by the lessons of week 3).
///
/// Requires X (n_x, m) with m at least 1, W1 (n_h, n_x), b1 (n_h, 1), W2 (n_y, n_h) and
/// b2 (n_y, 1), with n_x = X.rows, n_h = W1.rows and n_y = W2.rows.
/// \param[in] what the calling function, named in the message
/// \param[in] x_name what X is called there (`"x"` or `"X"`)
/// \param[in] X examples, shape (n_x, m)
/// \param[in] W1 shape (n_h, n_x)
/// \param[in] b1 shape (n_h, 1)
/// \param[in] W2 shape (n_y, n_h)
/// \param[in] b2 shape (n_y, 1)
/// \throws ShapeError naming the two shapes that do not fit and the rule, e.g.
///         `forward_vectorized: W1 is (5, 4) but X is (3, 7); W1 is (n_h, n_x), so W1.cols must
///         equal X.rows = 3`.
void check_two_layer_shapes(const char* what, const char* x_name, const Matrix& X, const Matrix& W1,
                            const Matrix& b1, const Matrix& W2, const Matrix& b2);

}  // namespace dlc::week3
