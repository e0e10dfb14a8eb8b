/// \file
/// \brief Numerical gradients by centred differences, to check every backward function.
///
/// For a function \f$ J(\theta) \f$ of a matrix of parameters, the derivative with respect to
/// one entry is approximated by nudging that entry both ways:
/// \f[ \frac{\partial J}{\partial \theta_i} \approx
///     \frac{J(\theta + \varepsilon e_i) - J(\theta - \varepsilon e_i)}{2 \varepsilon} \f]
/// whose error shrinks like \f$ \varepsilon^2 \f$. A backward pass is right when its gradient
/// and this one agree to a small relative difference,
/// \f[ \frac{\lVert g - g_{\text{approx}} \rVert_2}
///          {\lVert g \rVert_2 + \lVert g_{\text{approx}} \rVert_2} < 10^{-7}
///     \text{ or so.} \f]
/// These are the formulas of the gradient-checking notebook of Course 2
/// (`course2/gradient_checking.hpp`), computed as numpy computes them: the same nudges, the
/// same \f$ 2\varepsilon \f$, and norms as `np.linalg.norm`'s, so that a check prints the
/// notebook's differences digit for digit.
#pragma once

#include <functional>

#include "common/matrix.hpp"

namespace dlc {

/// \brief The centred-difference gradient of `J` at `theta`.
/// \param[in] J the cost as a function of the parameters
/// \param[in] theta the point, any shape
/// \param[in] epsilon the nudge \f$ \varepsilon \f$
/// \return the same shape as `theta`: entry i is \f$ (J(\theta + \varepsilon e_i) -
///         J(\theta - \varepsilon e_i)) / 2\varepsilon \f$.
Matrix numerical_gradient(const std::function<double(const Matrix&)>& J, const Matrix& theta,
                          double epsilon = 1e-7);

/// \brief The Euclidean norm of all of `a`'s entries, \f$ \lVert a \rVert_2 =
/// \sqrt{\sum_k a_k^2} \f$, as `np.linalg.norm(a)` computes it: the square root of BLAS's dot
/// product (`ddot`) of the entries with themselves, taken in numpy's C (row-major) order.
/// 0 for an empty matrix.
double norm(const Matrix& a);

/// \brief \f$ \lVert a - b \rVert_2 / (\lVert a \rVert_2 + \lVert b \rVert_2) \f$, with
/// `norm`'s norms (numpy's), 0 when both are zero; shapes must be equal.
/// \throws ShapeError when the shapes differ.
double relative_difference(const Matrix& a, const Matrix& b);

}  // namespace dlc
