/// \file
/// \brief Lecture 1.2: what a neural network is, told with house prices. One neuron, a ReLU
/// applied to a straight line, fitted to six houses; then neurons stacked into a tiny network
/// whose hidden units have names.
///
/// This header's lectures on \ref week1 "week 1's page": \ref lecture_1_2 "1.2" and
/// \ref week1_demos "the demos".
///
/// **The ReLU.** A rectified linear unit passes positive numbers through and replaces negative
/// ones by zero:
/// \f[ \mathrm{ReLU}(z) = \max(0, z) \f]
///
/// **One neuron.** Given the size of a house, predict its price with a line that is not
/// allowed to go below zero (a price is never negative):
/// \f[ z = w x + b, \qquad \hat{y} = \mathrm{ReLU}(z) \f]
/// where \f$ x \f$ is the size and \f$ \hat{y} \f$ the predicted price. The single circle of
/// the lecture's drawing is exactly this: take the input, compute a line, rectify it.
///
/// **Fitting it.** The six houses of `housing_table()` (made-up numbers) are the training set:
/// sizes \f$ x^{(i)} \f$ and prices \f$ y^{(i)} \f$, each a `(1, m)` row with \f$ m = 6 \f$. The
/// neuron is fitted by gradient descent on the mean squared error,
/// \f[ J(w, b) = \frac{1}{m} \sum_{i=1}^{m} \big(\hat{y}^{(i)} - y^{(i)}\big)^2 \f]
/// whose derivatives go through the ReLU, whose slope is 1 where \f$ z > 0 \f$ and 0 where
/// \f$ z \le 0 \f$ (this lesson, like the course's `relu_backward`, takes 0 at exactly
/// \f$ z = 0 \f$):
/// \f[ dz^{(i)} = \frac{2}{m} \big(\hat{y}^{(i)} - y^{(i)}\big) \, [z^{(i)} > 0], \qquad
///     \frac{\partial J}{\partial w} = \sum_{i=1}^{m} dz^{(i)} x^{(i)}, \qquad
///     \frac{\partial J}{\partial b} = \sum_{i=1}^{m} dz^{(i)} \f]
/// and one step is \f$ w := w - \alpha \, \partial J / \partial w \f$,
/// \f$ b := b - \alpha \, \partial J / \partial b \f$. The neuron sees the size in thousands of
/// square feet (`x = size / 1000`), so that w and b live on similar scales and a learning rate of
/// 0.1 converges.
///
/// **Stacking neurons.** With four features per house (size, number of bedrooms, zip code,
/// wealth of the neighbourhood) the lecture draws three hidden units, each a ReLU neuron that
/// looks at some of the features:
/// - *family size* depends on the size and the number of bedrooms;
/// - *walkability* depends on the zip code;
/// - *school quality* depends on the zip code and the wealth;
///
/// and the price is a ReLU neuron of those three. As a 4-3-1 network, for a batch of houses
/// `X` of shape (4, m):
/// \f[ A^{[1]} = \mathrm{ReLU}\big((M \ast W^{[1]}) X + b^{[1]}\big), \qquad
///     \hat{Y} = \mathrm{ReLU}\big(W^{[2]} A^{[1]} + b^{[2]}\big) \f]
/// where \f$ M \f$ is the (3, 4) connectivity mask of `housing_mask()`, 1 where the drawing has
/// an edge and 0 where it has none, and \f$ \ast \f$ multiplies entry by entry: a weight without
/// an edge never counts, whatever its value. (A real network is fully connected and lets
/// training decide what each hidden unit means; the mask is the lecture's story made literal.)
///
/// **Expected output.** Fitting from \f$ w = 1, b = 0 \f$ with learning rate 0.1: the cost is
/// 46848.99 at iteration 0 and 17.4504 after 2000 iterations, with \f$ w \approx 140.249 \f$ and
/// \f$ b \approx -26.238 \f$, the least-squares line (every fitted \f$ z \f$ is positive, so the
/// ReLU is not in the way): a 2000 square-foot house is predicted at about 254 thousand dollars.
/// The hand-set network of `example_housing_network()` gives the house
/// (2000 sq ft, 3 bedrooms, zip-code centrality 0.5, wealth 1.2) a family size of 2.5, a
/// walkability of 1, a school quality of 3.6 and a price of 374 (thousands of dollars).
#pragma once

#include <vector>

#include "common/matrix.hpp"

namespace dlc::week1 {

/// \brief The rectified linear unit, entry by entry (lecture 1.2).
/// \f[ \mathrm{ReLU}(z) = \max(0, z) \f]
/// \param[in] z any shape
/// \return the same shape; `relu({{-2, 0, 3}})` is `{{0, 0, 3}}`.
///
/// Exercise `week1.relu`.
Matrix relu(const Matrix& z);

/// The six houses of the lecture's first plot. The numbers are made up for this lesson (they
/// are plausible, not real sales).
struct HousingTable {
  Matrix size;   ///< floor area in square feet, shape (1, 6): 850 to 2600
  Matrix price;  ///< sale price in thousands of dollars, shape (1, 6): 90 to 340
};

/// \brief The built-in table of six houses (made-up numbers).
/// \return sizes 850, 1100, 1400, 1700, 2100, 2600 square feet and prices 90, 135, 165, 215,
///         265, 340 (thousands of dollars).
HousingTable housing_table();

/// The two parameters of the single neuron \f$ \hat{y} = \mathrm{ReLU}(w x + b) \f$.
struct NeuronParams {
  double w = 0.0;  ///< slope: price per unit of size
  double b = 0.0;  ///< intercept
};

/// \brief The mean squared error of the neuron on the data (given code).
/// \f[ J(w, b) = \frac{1}{m} \sum_{i=1}^{m} \big(\mathrm{ReLU}(w x^{(i)} + b) - y^{(i)}\big)^2 \f]
/// \param[in] p the neuron's w and b
/// \param[in] x inputs, shape (1, m), m at least 1
/// \param[in] y targets, shape (1, m)
/// \throws ShapeError when x and y are not both (1, m).
double neuron_cost(const NeuronParams& p, const Matrix& x, const Matrix& y);

/// \brief One step of gradient descent on the mean squared error, through the ReLU.
/// \f[ z = w x + b, \quad \hat{y} = \mathrm{ReLU}(z), \quad
///     dz = \frac{2}{m} (\hat{y} - y) \ast [z > 0], \quad
///     w := w - \alpha \sum_i dz^{(i)} x^{(i)}, \quad b := b - \alpha \sum_i dz^{(i)} \f]
/// Where \f$ z \le 0 \f$ the ReLU is flat, so that house contributes nothing to the step.
/// \param[in] p the current w and b
/// \param[in] x inputs, shape (1, m), m at least 1
/// \param[in] y targets, shape (1, m)
/// \param[in] learning_rate \f$ \alpha > 0 \f$
/// \return the new w and b. By hand: w = 1, b = -1.5, x = (1, 2), y = (1, 1), rate 0.1 give
///         z = (-0.5, 0.5), only the second house counts, and the step gives w = 1.1,
///         b = -1.45.
/// \throws ShapeError when x and y are not both (1, m).
///
/// Exercise `week1.neuron_step`.
NeuronParams neuron_step(const NeuronParams& p, const Matrix& x, const Matrix& y,
                         double learning_rate);

/// What `fit_neuron` returns.
struct NeuronFit {
  NeuronParams params;        ///< the fitted w and b
  std::vector<double> costs;  ///< the cost before iterations 0, record_every, 2 record_every, ...
};

/// \brief Gradient descent: `num_iterations` calls of `neuron_step` (given code).
/// \param[in] x inputs, shape (1, m)
/// \param[in] y targets, shape (1, m)
/// \param[in] start the starting w and b (not both 0: at w = b = 0 every z is 0, the ReLU's
///            slope is 0 everywhere and the neuron never moves)
/// \param[in] num_iterations number of steps (0 or more)
/// \param[in] learning_rate \f$ \alpha > 0 \f$ (0.1 for sizes in thousands of square feet)
/// \param[in] record_every record the cost every this many iterations (at least 1)
/// \return the fitted parameters and the recorded costs. A learning rate far too large (1 here)
///         overshoots until \f$ z \le 0 \f$ for every house: the neuron then predicts 0, its
///         gradient is 0 and it never recovers, a "dead" ReLU stuck at \f$ J = \frac{1}{m}
///         \sum y^2 \f$.
/// \throws TrainingDiverged when the cost stops being finite.
NeuronFit fit_neuron(const Matrix& x, const Matrix& y, NeuronParams start, long num_iterations,
                     double learning_rate, long record_every = 100);

/// The names of the four input features of the housing network, in the rows of X.
inline constexpr const char* kHousingFeatures[4] = {"size", "bedrooms", "zip code", "wealth"};
/// The names of the three hidden units of the housing network, in the rows of A1.
inline constexpr const char* kHousingHiddenUnits[3] = {"family size", "walkability",
                                                       "school quality"};

/// The parameters of the 4-3-1 housing network.
struct HousingNetwork {
  Matrix W1;  ///< (3, 4): row j holds the weights of hidden unit j; only edges of the mask count
  Matrix b1;  ///< (3, 1)
  Matrix W2;  ///< (1, 3)
  Matrix b2;  ///< (1, 1)
};

/// \brief The lecture's connectivity as a (3, 4) mask: row j is 1 for the features hidden unit
/// j looks at and 0 elsewhere (given code).
/// \return `{{1, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 1, 1}}`: family size from size and bedrooms;
///         walkability from the zip code; school quality from the zip code and the wealth.
Matrix housing_mask();

/// \brief Hand-set weights for the housing network, to print and to test with (given code; the
/// numbers are made up).
///
/// With the features x = (size in 1000s of square feet, bedrooms, zip-code centrality in
/// [0, 1], median income of the area in hundreds of thousands of dollars):
/// family size = ReLU(size + 0.5 bedrooms - 1), walkability = ReLU(4 zip - 1),
/// school quality = ReLU(2 zip + 3 wealth - 1), and
/// price = ReLU(60 family + 30 walkability + 40 school + 50) in thousands of dollars.
HousingNetwork example_housing_network();

/// What the housing network computes for a batch of houses.
struct HousingForward {
  Matrix hidden;  ///< \f$ A^{[1]} \f$, shape (3, m): family size, walkability, school quality
  Matrix price;   ///< \f$ \hat{Y} \f$, shape (1, m), in thousands of dollars
};

/// \brief The forward pass of the 4-3-1 housing network, the mask applied to W1.
/// \f[ A^{[1]} = \mathrm{ReLU}\big((M \ast W^{[1]}) X + b^{[1]}\big), \qquad
///     \hat{Y} = \mathrm{ReLU}\big(W^{[2]} A^{[1]} + b^{[2]}\big) \f]
/// \param[in] X houses, shape (4, m), one house per column, features as in `kHousingFeatures`
/// \param[in] params W1 (3, 4), b1 (3, 1), W2 (1, 3), b2 (1, 1)
/// \return the hidden units (3, m) and the prices (1, m). Entries of W1 where `housing_mask()`
///         is 0 never change the result.
/// \throws ShapeError naming the argument and both shapes when a shape is wrong.
///
/// Exercise `week1.housing_forward`.
HousingForward housing_network_forward(const Matrix& X, const HousingNetwork& params);

}  // namespace dlc::week1
