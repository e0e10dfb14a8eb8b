/// \file
/// \brief Lectures 3.6 and 3.8: four activation functions and their derivatives.
///
/// This header's lectures on \ref week3 "week 3's page": \ref lecture_3_6 "3.6" and
/// \ref lecture_3_8 "3.8".
///
/// **The four activations (3.6).** A unit computes \f$ z = w^T x + b \f$ and then
/// \f$ a = g(z) \f$ for some non-linear \f$ g \f$:
/// \f[ \sigma(z) = \frac{1}{1 + e^{-z}}, \qquad
///     \tanh(z) = \frac{e^z - e^{-z}}{e^z + e^{-z}}, \qquad
///     \mathrm{ReLU}(z) = \max(0, z), \qquad
///     \mathrm{LeakyReLU}(z) = \max(0.01 z, z) \f]
/// - *sigmoid*: values in (0, 1); today used almost only for the output unit of a yes/no
///   classifier, where \f$ \hat{y} \f$ must be a probability.
/// - *tanh*: values in (-1, 1), a shifted and stretched sigmoid,
///   \f$ \tanh(z) = 2\sigma(2z) - 1 \f$. Its outputs are centred on 0, which makes the next
///   layer's learning easier, so it beats the sigmoid in hidden layers.
/// - *ReLU*: the default choice for hidden units. Its slope is 1 for every positive z, so it
///   does not slow learning down the way the flat ends of sigmoid and tanh do.
/// - *leaky ReLU*: a ReLU with a small slope (here 0.01) for negative z, so that a unit
///   whose z is negative still gets a gradient.
///
/// **Their derivatives (3.8),** written as the lecture writes them: from the activation's value
/// \f$ a = g(z) \f$ where that is simplest, which is also why the forward pass keeps \f$ a \f$.
/// \f[ \sigma'(z) = \sigma(z)\big(1 - \sigma(z)\big) = a(1 - a), \qquad
///     \tanh'(z) = 1 - \tanh^2(z) = 1 - a^2 \f]
/// \f[ \mathrm{ReLU}'(z) = \begin{cases} 0 & z \le 0 \\ 1 & z > 0 \end{cases}, \qquad
///     \mathrm{LeakyReLU}'(z) = \begin{cases} 0.01 & z \le 0 \\ 1 & z > 0 \end{cases} \f]
/// The sigmoid's slope is at most 1/4 (at z = 0) and the tanh's at most 1; both tend to 0 as
/// \f$ |z| \f$ grows: a saturated unit learns slowly.
///
/// **At exactly z = 0** ReLU and leaky ReLU have no derivative (the left and right slopes
/// differ). Any value between the two slopes works in practice, since z is almost never exactly
/// 0. This lesson picks the left slope: \f$ \mathrm{ReLU}'(0) = 0 \f$, as the course's
/// `relu_backward` does (`dZ[Z <= 0] = 0`), and for the same reason
/// \f$ \mathrm{LeakyReLU}'(0) = 0.01 \f$.
///
/// All functions work entry by entry on a `Matrix` of any shape and return the same shape.
/// The derivatives take \f$ z \f$ (not \f$ a \f$) and compute \f$ a \f$ from it.
///
/// **Expected output.** At z = 0: \f$ \sigma = 0.5 \f$, \f$ \sigma' = 0.25 \f$,
/// \f$ \tanh = 0 \f$, \f$ \tanh' = 1 \f$, ReLU = 0, ReLU' = 0, leaky ReLU = 0, leaky ReLU' = 0.01.
/// At z = 2: \f$ \sigma = 0.880797 \f$, \f$ \sigma' = 0.104994 \f$, \f$ \tanh = 0.964028 \f$,
/// \f$ \tanh' = 0.070651 \f$, ReLU = 2, ReLU' = 1. At z = -2: leaky ReLU = -0.02, its slope 0.01.
#pragma once

#include "common/matrix.hpp"

namespace dlc::week3 {

/// The slope of the leaky ReLU for negative z (lecture 3.8: 0.01).
inline constexpr double kLeakySlope = 0.01;

/// \brief The sigmoid, entry by entry.
/// \f[ \sigma(z) = \frac{1}{1 + e^{-z}} \f]
/// \param[in] z any shape
/// \return the same shape, each entry in (0, 1) (0 or 1 exactly only when rounding forces it).
///
/// Exercise `week3.sigmoid`.
Matrix sigmoid(const Matrix& z);

/// \brief The sigmoid's derivative, from its value (lecture 3.8).
/// \f[ \sigma'(z) = a(1 - a), \qquad a = \sigma(z) \f]
/// \param[in] z any shape (the pre-activation, not \f$ a \f$)
/// \return the same shape, each entry in [0, 1/4]; 1/4 at z = 0.
///
/// Exercise `week3.sigmoid_derivative`.
Matrix sigmoid_derivative(const Matrix& z);

/// \brief The hyperbolic tangent as an activation, entry by entry (named so that it does not
/// hide `dlc::tanh`).
/// \f[ \tanh(z) = \frac{e^z - e^{-z}}{e^z + e^{-z}} \f]
/// \param[in] z any shape
/// \return the same shape, each entry in [-1, 1].
///
/// Exercise `week3.tanh_activation`.
Matrix tanh_activation(const Matrix& z);

/// \brief The tanh's derivative, from its value (lecture 3.8).
/// \f[ \tanh'(z) = 1 - a^2, \qquad a = \tanh(z) \f]
/// \param[in] z any shape
/// \return the same shape, each entry in [0, 1]; 1 at z = 0.
///
/// Exercise `week3.tanh_derivative`.
Matrix tanh_derivative(const Matrix& z);

/// \brief The rectified linear unit, entry by entry.
/// \f[ \mathrm{ReLU}(z) = \max(0, z) \f]
/// \param[in] z any shape
/// \return the same shape.
///
/// Exercise `week3.relu`.
Matrix relu(const Matrix& z);

/// \brief The ReLU's derivative, a step (lecture 3.8), taking 0 at z = 0.
/// \f[ \mathrm{ReLU}'(z) = \begin{cases} 0 & z \le 0 \\ 1 & z > 0 \end{cases} \f]
/// \param[in] z any shape
/// \return the same shape, each entry 0.0 or 1.0.
///
/// Exercise `week3.relu_derivative`.
Matrix relu_derivative(const Matrix& z);

/// \brief The leaky ReLU with slope `kLeakySlope` = 0.01, entry by entry.
/// \f[ \mathrm{LeakyReLU}(z) = \max(0.01 z, z) \f]
/// \param[in] z any shape
/// \return the same shape: z where z > 0, 0.01 z elsewhere.
///
/// Exercise `week3.leaky_relu`.
Matrix leaky_relu(const Matrix& z);

/// \brief The leaky ReLU's derivative, taking the left slope 0.01 at z = 0.
/// \f[ \mathrm{LeakyReLU}'(z) = \begin{cases} 0.01 & z \le 0 \\ 1 & z > 0 \end{cases} \f]
/// \param[in] z any shape
/// \return the same shape, each entry 0.01 or 1.0.
///
/// Exercise `week3.leaky_relu_derivative`.
Matrix leaky_relu_derivative(const Matrix& z);

}  // namespace dlc::week3
