/// \file
/// \brief Lectures C2 1.12-1.14: the two-sided difference, gradient checking, and how to use it;
/// the gradient-checking notebook of Course 2, in one dimension and then on the week's network.
///
/// This header's lectures on \ref course2_week1 "Course 2 week 1's page":
/// \ref lecture_c2_1_12 "C2 1.12", \ref lecture_c2_1_13 "C2 1.13" and
/// \ref lecture_c2_1_14 "C2 1.14".
///
/// **The two-sided difference (C2 1.12).** The derivative of \f$ J \f$ at \f$ \theta \f$ is
/// approximated by nudging \f$ \theta \f$ both ways:
/// \f[ \frac{\partial J}{\partial \theta} \approx
///     \frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon} \f]
/// whose error shrinks like \f$ \varepsilon^2 \f$, where the one-sided
/// \f$ (J(\theta + \varepsilon) - J(\theta)) / \varepsilon \f$ errs like \f$ \varepsilon \f$.
/// For \f$ J = \theta^3 \f$ at \f$ \theta = 1 \f$ with \f$ \varepsilon = 0.01 \f$ (the
/// lecture's example) the two-sided difference is 3.0001, the one-sided 3.0301; the slope is 3.
///
/// **Gradient checking (C2 1.13).** Put every parameter \f$ W^{[1]}, b^{[1]}, \dots, b^{[L]} \f$
/// into one column \f$ \theta \f$ (`dictionary_to_vector`), and the gradients of backward
/// propagation into a column \f$ d\theta \f$ of the same layout (`gradients_to_vector`). For each
/// entry \f$ i \f$,
/// \f[ d\theta_{\text{approx}}[i] = \frac{J(\theta + \varepsilon e_i) -
///     J(\theta - \varepsilon e_i)}{2 \varepsilon}, \qquad
///     \text{difference} = \frac{\lVert d\theta - d\theta_{\text{approx}} \rVert_2}
///     {\lVert d\theta \rVert_2 + \lVert d\theta_{\text{approx}} \rVert_2} \f]
/// With \f$ \varepsilon = 10^{-7} \f$ a difference near \f$ 10^{-7} \f$ says the backward pass is
/// right, near \f$ 10^{-5} \f$ deserves a look, near \f$ 10^{-3} \f$ or more says it is wrong.
/// The notebook draws the line at \f$ 2 \cdot 10^{-7} \f$.
///
/// **Using it (C2 1.14).** Check once (it costs two forward passes per parameter), not while
/// training; when it fails, look at which parameters differ (`keys` of `dictionary_to_vector`
/// names the parameter of every entry); include the regularization term in \f$ J \f$ if there is
/// one; switch dropout off; and check at the random start, and perhaps again after some
/// training, since some bugs show only when the weights have grown.
///
/// **The notebook.** In one dimension, \f$ J(\theta) = \theta x \f$ and
/// \f$ \partial J / \partial \theta = x \f$: `gradient_check(2, 4)` returns
/// 2.919335883291695e-10 (the earlier notebook's case; the later one's, `gradient_check(3, 4)`,
/// 7.814075313343006e-11). Then the week's network, LINEAR -> RELU -> LINEAR -> RELU -> LINEAR
/// -> SIGMOID, on the 3 examples of `gradient_check_n_test_case`, whose given
/// `backward_propagation_n` hides two mistakes (`dW2` twice too large, `db1` four times):
/// `gradient_check_n` finds them, difference 0.2850931567761623; with them fixed it prints
/// 1.1890913024229996e-07. Both are the notebook's numbers to the last digit, because every step
/// is numpy's: BLAS's products, glibc's `log`, numpy's pairwise sums and `np.linalg.norm`
/// computed as BLAS's `ddot` (the fixed case's difference is rounding error divided by
/// \f$ \varepsilon \f$, so another libm or BLAS changes its third digit).
///
/// **The messages** are the later notebook's, for both checks:
/// `Your backward propagation works perfectly fine! difference = <difference>` when the
/// difference is at most \f$ 2 \cdot 10^{-7} \f$, else
/// `There is a mistake in the backward propagation! difference = <difference>`, the number
/// printed as Python prints it. The notebook colours them green and yellow; here the colour codes
/// are written only when standard output is a terminal (and `NO_COLOR` is not set), so that
/// piped or captured output is plain text.
///
/// **Expected output.** `dlc run course2.gradient_checking --solution` prints
/// `Your backward propagation works perfectly fine! difference = 2.919335883291695e-10`, then
/// `There is a mistake in the backward propagation! difference = 0.2850931567761623` and, with the
/// mistakes fixed, `Your backward propagation works perfectly fine! difference =
/// 1.1890913024229996e-07`.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/matrix.hpp"
#include "course2/initialization.hpp"

/// The gradient-checking notebook's own functions.
namespace dlc::course2::gradient_checking {

/// \name One dimension: J(theta) = theta x
///@{

/// \brief The forward pass of the one-parameter model, \f$ J = \theta x \f$.
///
/// Exercise `course2.gc_forward_propagation`.
double forward_propagation(double x, double theta);

/// \brief Its backward pass, \f$ \partial J / \partial \theta = x \f$.
///
/// Exercise `course2.gc_backward_propagation`.
double backward_propagation(double x, double theta);

/// \brief Checks `backward_propagation` against the two-sided difference of
/// `forward_propagation` at `theta`, prints the notebook's message and returns the difference
/// \f$ |g - g_{\text{approx}}| / (|g| + |g_{\text{approx}}|) \f$ (the norms of numbers).
/// \param[in] x the model's input
/// \param[in] theta its parameter, at which the slope is checked
/// \param[in] epsilon the nudge \f$ \varepsilon \f$, positive and finite
/// \throws std::invalid_argument for a bad epsilon.
///
/// Exercise `course2.gradient_check`.
double gradient_check(double x, double theta, double epsilon = 1e-7);

///@}

/// \name N dimensions: the week's network (given code)
///@{

/// What `forward_propagation_n` returns, as the notebook's `cost, cache = ...`.
struct CostAndCache {
  double cost = 0.0;  ///< the cross-entropy cost J
  Cache cache;        ///< the forward pass, as `dlc::course2::forward_propagation` keeps it
};

/// \brief The week's network forward on `X` (n_x, m) with labels `Y` (1, m), and the cost
/// \f$ J = \frac{1}{m} \sum_i \left( -y^{(i)} \log a^{[3](i)} - (1 - y^{(i)})
/// \log(1 - a^{[3](i)}) \right) \f$ summed with `np.sum` (a NaN stays NaN).
/// \throws ShapeError when `parameters` is not three layers on n_x features or Y is not (1, m).
CostAndCache forward_propagation_n(const Matrix& X, const Matrix& Y, const Parameters& parameters);

/// Which `backward_propagation_n` to run: the notebook's, with its two planted mistakes, or the
/// one the student writes after finding them.
enum class Bugs {
  kPlanted,  ///< `dW2 = 1/m dZ2 A1^T * 2` and `db1 = 4/m sum(dZ1)`, as the notebook gives it
  kFixed,    ///< `dW2 = 1/m dZ2 A1^T` and `db1 = 1/m sum(dZ1)`
};

/// \brief The notebook's backward pass of the week's network, with \f$ \frac{1}{m} \f$ in each
/// gradient: \f$ dZ^{[3]} = A^{[3]} - Y \f$, \f$ dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]T} \f$,
/// \f$ db^{[l]} = \frac{1}{m} \sum_i dZ^{[l](i)} \f$,
/// \f$ dZ^{[l-1]} = W^{[l]T} dZ^{[l]} \ast 1\{A^{[l-1]} > 0\} \f$; by default with the
/// notebook's two mistakes (`Bugs::kPlanted`), which `gradient_check_n` is there to find.
/// \throws ShapeError when X, Y and the cache do not fit together.
Gradients backward_propagation_n(const Matrix& X, const Matrix& Y, const Cache& cache,
                                 Bugs bugs = Bugs::kPlanted);

/// What `dictionary_to_vector` returns, as the notebook's `theta, keys`.
struct ParameterVector {
  Matrix theta;                   ///< every parameter in one column, (n, 1)
  std::vector<std::string> keys;  ///< the parameter of each entry: "W1", ..., "b3"
};

/// \brief All parameters in one column: `W1`, `b1`, `W2`, `b2`, ... in turn, each flattened in
/// numpy's C order (row by row, as `np.reshape(W, (-1, 1))`). For the notebook's network
/// [4, 5, 3, 1], `theta` is (47, 1): W1 is entries 0-19, b1 20-24, W2 25-39, b2 40-42,
/// W3 43-45, b3 46.
/// \throws ShapeError when a `b[l]` is not a column of `W[l].rows()` entries.
ParameterVector dictionary_to_vector(const Parameters& parameters);

/// \brief The layer sizes \f$ n^{[0]}, \dots, n^{[L]} \f$ of `parameters` (W1's columns, then
/// each W's rows), for `vector_to_dictionary`.
/// \throws ShapeError when there is no layer.
LayerDims layers_dims_of(const Parameters& parameters);

/// \brief The inverse of `dictionary_to_vector` for a network of sizes `layers_dims`: `W[l]`
/// is the next \f$ n^{[l]} n^{[l-1]} \f$ entries as an (n[l], n[l-1]) matrix filled row by row
/// (numpy's `reshape`), `b[l]` the next \f$ n^{[l]} \f$. The notebook's (for [4, 5, 3, 1]):
/// `W1 = theta[:20].reshape((5, 4))`, `b1 = theta[20:25]`, ..., `b3 = theta[46:47]`.
/// \throws ShapeError when theta is not a column of exactly as many entries as the network has
///   parameters; std::invalid_argument for bad `layers_dims`.
Parameters vector_to_dictionary(const Matrix& theta, const LayerDims& layers_dims);

/// \brief The gradients in one column, `dW1`, `db1`, `dW2`, ... in the layout of
/// `dictionary_to_vector`.
/// \throws ShapeError when the lists of dW and db differ in length, or a db is not a column.
Matrix gradients_to_vector(const Gradients& gradients);

/// The notebook's `X, Y, parameters = gradient_check_n_test_case()`.
struct TestCase {
  Matrix X;               ///< (4, 3)
  Matrix Y;               ///< (1, 3): 1, 1, 0
  Parameters parameters;  ///< W1 (5, 4), b1 (5, 1), W2 (3, 5), b2 (3, 1), W3 (1, 3), b3 (1, 1)
};

/// \brief After `np.random.seed(1)`: `X = randn(4, 3)`, `Y = [[1, 1, 0]]`, then `randn` for
/// W1, b1, W2, b2, W3, b3 in turn.
TestCase gradient_check_n_test_case();

///@}

/// \brief Checks `gradients` (from a backward pass) against the two-sided differences of
/// `forward_propagation_n`'s cost, one parameter at a time; prints the notebook's message and
/// returns the difference
/// \f$ \lVert g - g_{\text{approx}} \rVert_2 / (\lVert g \rVert_2 + \lVert g_{\text{approx}}
/// \rVert_2) \f$.
/// \param[in] parameters the week's network at which to check, three layers on X's features
/// \param[in] gradients dW and db of every layer, each the shape of its parameter
/// \param[in] X examples, shape (n_x, m)
/// \param[in] Y labels, shape (1, m)
/// \param[in] epsilon the nudge \f$ \varepsilon \f$, positive and finite
/// \throws ShapeError when the shapes do not fit; std::invalid_argument for a bad epsilon.
///
/// Exercise `course2.gradient_check_n`.
double gradient_check_n(const Parameters& parameters, const Gradients& gradients, const Matrix& X,
                        const Matrix& Y, double epsilon = 1e-7);

/// \brief The notebook's message for a difference, as the two checks print it (without the
/// newline): "Your backward propagation works perfectly fine! difference = ..." when
/// `difference` is at most \f$ 2 \cdot 10^{-7} \f$, else "There is a mistake in the backward
/// propagation! difference = ...", in colour when `colour` is true.
std::string check_message(double difference, bool colour);

/// True when standard output is a terminal that shows colours (not `TERM=dumb`, no
/// `NO_COLOR`): what the checks pass to `check_message`.
bool stdout_shows_colour();

}  // namespace dlc::course2::gradient_checking
