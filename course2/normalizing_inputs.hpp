/// \file
/// \brief Lecture C2 1.9: normalizing the inputs. Subtract each feature's mean, divide by its
/// standard deviation, both measured on the training set, and use the same two numbers for
/// every other set.
///
/// This header's lecture on \ref course2_week1 "Course 2 week 1's page":
/// \ref lecture_c2_1_9 "C2 1.9".
///
/// **The two steps.** With the training examples \f$ x^{(1)}, \dots, x^{(m)} \f$ as the columns
/// of `X_train` (n_x, m), first center each feature,
/// \f[ \mu = \frac{1}{m} \sum_{i=1}^{m} x^{(i)}, \qquad x := x - \mu \f]
/// then scale it by its spread, measured on the centered values, entry by entry:
/// \f[ \sigma^2 = \frac{1}{m} \sum_{i=1}^{m} \big(x^{(i)} - \mu\big)^2, \qquad
///     x := \frac{x - \mu}{\sigma} \f]
/// \f$ \mu \f$ and \f$ \sigma \f$ are (n_x, 1), one number per feature (per row), averaged
/// over the examples (the columns); `X - mu` broadcasts them along each row. After it, every
/// feature has mean 0 and variance (mean square) 1 on the training set.
///
/// **The standard deviation, not the variance.** The lecture's slide writes the last step as
/// \f$ x /= \sigma^2 \f$. The lecture notes, the batch-normalization lecture (C2 3.4, which
/// divides by \f$ \sqrt{\sigma^2 + \varepsilon} \f$) and every library divide by the standard
/// deviation \f$ \sigma = \sqrt{\sigma^2} \f$, and only that gives variance 1: dividing a
/// feature by a number \f$ s \f$ divides its variance by \f$ s^2 \f$, so dividing by
/// \f$ \sigma^2 \f$ leaves the variance \f$ 1 / \sigma^2 \f$ (still 1000 for a feature of
/// spread \f$ 10^{-3/2} \f$, still \f$ 10^{-4} \f$ for one of spread 100). This code divides by
/// \f$ \sigma \f$, and its tests tell the two apart.
///
/// **The training set's numbers for every set.** The network learns on
/// normalized training data; a test example must go through the very same map
/// \f$ x \mapsto (x - \mu) / \sigma \f$ to land where the network expects it. Recomputing
/// \f$ \mu \f$ and \f$ \sigma \f$ on the test set moves each test example by an amount that
/// depends on the other test examples (a test set of one example would be all zeros). So
/// `normalization_parameters` is called on the training set only, and `normalize_inputs` takes
/// the numbers it returned.
///
/// **A constant feature.** A feature that takes one value on the whole training set has
/// \f$ \sigma = 0 \f$, and dividing by it would give NaN. `normalization_parameters` sets its
/// \f$ \sigma \f$ to 1 (as scikit-learn's `StandardScaler` does): the feature is centered to 0
/// and stays 0, it carries no information anyway. (It checks that every value equals the
/// first, not that the computed \f$ \sigma^2 \f$ is 0, which rounding can miss.)
/// `normalize_inputs` refuses a \f$ \sigma \f$ that is not a positive, finite number.
///
/// **Why it helps.** With features on very different scales (\f$ x_1 \f$ from 0 to 1,
/// \f$ x_2 \f$ from 1 to 1000) the weights of the large feature move the cost much more than
/// those of the small one: seen from above, the cost's contours are long thin ellipses. Gradient
/// descent must take a learning rate small enough for the steep direction, where a larger one
/// overshoots and diverges, so it zig-zags across the valley and crawls along it. Normalized,
/// the contours are round(er): the gradient points at the minimum and a larger learning rate
/// goes there in few steps. It costs nothing and never hurts, so normalize whenever the
/// features' scales differ.
///
/// **Expected output.** `normalization_parameters` of the (3, 5) matrix
/// [[1 2 3 4 5] [10 10 10 10 10] [-2 0 2 4 6]] is \f$ \mu = (3, 10, 2) \f$ and
/// \f$ \sigma = (\sqrt 2, 1, \sqrt 8) \f$ (the constant second feature gets 1).
/// `dlc run course2.normalizing_inputs --solution` trains the week's network on the circles
/// whose \f$ x_2 \f$ is stretched to `100 * x2 + 300`, raw and normalized, at several learning
/// rates, and prints the iterations each needs to reach a cost of 0.25 as a table; with
/// `--plots DIR` it draws the contours of a two-weight linear regression's cost, raw and
/// normalized, with the path of gradient descent on each (`normalizing_contours.png`).
#pragma once

#include "common/matrix.hpp"

/// The normalization lesson's own functions.
namespace dlc::course2::normalizing_inputs {

/// What `normalization_parameters` returns, as the notebook-style
/// `mu, sigma = normalization_parameters(X_train)`.
struct NormalizationParameters {
  Matrix mu;  ///< \f$ \mu \f$, each feature's mean on the training set, (n_x, 1)
  Matrix
      sigma;  ///< \f$ \sigma \f$, each feature's standard deviation (1 for a constant one), (n_x, 1)
};

/// \brief Each feature's mean and standard deviation over the examples of the training set.
/// \param[in] X_train training examples, shape (n_x, m), one example per column, m at least 1
/// \return \f$ \mu = \frac{1}{m} \sum_i x^{(i)} \f$ and
///   \f$ \sigma = \sqrt{\frac{1}{m} \sum_i (x^{(i)} - \mu)^2} \f$, each (n_x, 1); a feature
///   whose values are all equal gets \f$ \sigma = 1 \f$.
/// \throws ShapeError when X_train has no row or no column.
///
/// Exercise `course2.normalization_parameters`.
NormalizationParameters normalization_parameters(const Matrix& X_train);

/// \brief The examples `X` normalized with the given parameters: \f$ (x - \mu) / \sigma \f$ for
/// every column, whatever set `X` is.
/// \param[in] X examples, shape (n_x, m), from the training set or any other
/// \param[in] mu the training set's means, shape (n_x, 1)
/// \param[in] sigma the training set's standard deviations, shape (n_x, 1), each positive
/// \return the normalized examples, shape (n_x, m).
/// \throws ShapeError when mu or sigma is not (n_x, 1); std::invalid_argument naming the
///   feature when an entry of sigma is not a positive, finite number.
///
/// Exercise `course2.normalize_inputs`.
Matrix normalize_inputs(const Matrix& X, const Matrix& mu, const Matrix& sigma);

/// What `normalize_train_test` returns: both sets normalized, and the parameters used.
struct NormalizedSets {
  Matrix train_X;  ///< the training set normalized, (n_x, m_train)
  Matrix test_X;   ///< the test set normalized with the training set's parameters, (n_x, m_test)
  Matrix mu;       ///< the training set's means, (n_x, 1)
  Matrix sigma;    ///< the training set's standard deviations, (n_x, 1)
};

/// \brief The lecture's recipe whole: \f$ \mu \f$ and \f$ \sigma \f$ from the training set,
/// then both sets normalized with them.
/// \param[in] train_X training examples, shape (n_x, m_train), m_train at least 1
/// \param[in] test_X test examples, shape (n_x, m_test), the same features
/// \throws ShapeError when the sets have different numbers of features, or the training set has
///   no example.
///
/// Exercise `course2.normalize_train_test`.
NormalizedSets normalize_train_test(const Matrix& train_X, const Matrix& test_X);

}  // namespace dlc::course2::normalizing_inputs
