/// \file
/// \brief Lecture 3.7: why a network needs a non-linear activation. Without one, two layers
/// compute exactly what a single linear layer computes.
///
/// This header's lectures on \ref week3 "week 3's page": \ref lecture_3_7 "3.7".
///
/// **The argument.** Take the two-layer network of lecture 3.3 and drop the activations, i.e.
/// use the identity \f$ g(z) = z \f$ (a "linear" activation):
/// \f[ a^{[1]} = z^{[1]} = W^{[1]} x + b^{[1]}, \qquad a^{[2]} = z^{[2]} = W^{[2]} a^{[1]} +
///     b^{[2]} \f]
/// Substituting the first line into the second,
/// \f[ a^{[2]} = W^{[2]} (W^{[1]} x + b^{[1]}) + b^{[2]}
///           = \underbrace{W^{[2]} W^{[1]}}_{W'} x + \underbrace{W^{[2]} b^{[1]} +
///             b^{[2]}}_{b'} \f]
/// so the whole network is one linear layer \f$ W' x + b' \f$, with \f$ W' \f$ of shape
/// \f$ (n_y, n_x) \f$ and \f$ b' \f$ of shape \f$ (n_y, 1) \f$. However many linear layers are
/// stacked, the result is still linear in x: the hidden layer buys nothing. With a non-linear
/// \f$ g \f$ (tanh, ReLU, ...) in the hidden layer the substitution no longer simplifies, and
/// the network can represent functions no single layer can.
///
/// The one place where a linear activation is at home is the output unit of a regression
/// (predicting a real number, a price say); the hidden units still need a non-linear one.
///
/// **A test that any affine map passes.** A map \f$ f(x) = W' x + b' \f$ satisfies
/// \f$ f(u) + f(v) = f(u + v) + f(0) \f$ for all inputs u, v. The linear network does; the
/// same network with tanh hidden units does not.
///
/// **Expected output.** With \f$ W^{[1]} = \begin{pmatrix} 1 & 2 \\ 0 & 1 \\ -1 & 1
/// \end{pmatrix} \f$, \f$ b^{[1]} = (1, 0, -1)^T \f$, \f$ W^{[2]} = (2, -1, 3) \f$,
/// \f$ b^{[2]} = 0.5 \f$: \f$ W' = (-1, 6) \f$ and \f$ b' = -0.5 \f$, and the input
/// \f$ x = (1, 1)^T \f$ gives 4.5 both ways.
#pragma once

#include "common/matrix.hpp"

namespace dlc::week3 {

/// \brief The two-layer network with identity activations, for all m examples (lecture 3.7).
/// \f[ A^{[1]} = Z^{[1]} = W^{[1]} X + b^{[1]}, \qquad A^{[2]} = Z^{[2]} = W^{[2]} A^{[1]} +
///     b^{[2]} \f]
/// \param[in] X examples, shape (n_x, m)
/// \param[in] W1 shape (n_h, n_x)
/// \param[in] b1 shape (n_h, 1)
/// \param[in] W2 shape (n_y, n_h)
/// \param[in] b2 shape (n_y, 1)
/// \return \f$ A^{[2]} \f$, shape (n_y, m).
/// \throws ShapeError naming the shapes that do not fit.
///
/// Exercise `week3.linear_network_forward`.
Matrix linear_network_forward(const Matrix& X, const Matrix& W1, const Matrix& b1, const Matrix& W2,
                              const Matrix& b2);

/// The single linear layer \f$ W' x + b' \f$ a linear two-layer network collapses to.
struct CollapsedLayer {
  Matrix W;  ///< \f$ W' = W^{[2]} W^{[1]} \f$, shape (n_y, n_x)
  Matrix b;  ///< \f$ b' = W^{[2]} b^{[1]} + b^{[2]} \f$, shape (n_y, 1)
};

/// \brief The one linear layer that computes what the linear two-layer network computes.
/// \f[ W' = W^{[2]} W^{[1]}, \qquad b' = W^{[2]} b^{[1]} + b^{[2]} \f]
/// \param[in] W1 shape (n_h, n_x)
/// \param[in] b1 shape (n_h, 1)
/// \param[in] W2 shape (n_y, n_h)
/// \param[in] b2 shape (n_y, 1)
/// \return \f$ W' \f$ (n_y, n_x) and \f$ b' \f$ (n_y, 1); \f$ W' X + b' \f$ equals
///         `linear_network_forward(X, W1, b1, W2, b2)` for every X (up to rounding).
/// \throws ShapeError naming the shapes that do not fit.
///
/// Exercise `week3.collapse_linear_network`.
CollapsedLayer collapse_linear_network(const Matrix& W1, const Matrix& b1, const Matrix& W2,
                                       const Matrix& b2);

/// \brief The same network with tanh hidden units and a linear output, for comparison (given
/// code).
/// \f[ A^{[2]} = W^{[2]} \tanh(W^{[1]} X + b^{[1]}) + b^{[2]} \f]
/// \param[in] X examples, shape (n_x, m)
/// \param[in] W1 shape (n_h, n_x)
/// \param[in] b1 shape (n_h, 1)
/// \param[in] W2 shape (n_y, n_h)
/// \param[in] b2 shape (n_y, 1)
/// \return \f$ A^{[2]} \f$, shape (n_y, m).
Matrix tanh_network_forward(const Matrix& X, const Matrix& W1, const Matrix& b1, const Matrix& W2,
                            const Matrix& b2);

}  // namespace dlc::week3
