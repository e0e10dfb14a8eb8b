/// \file
/// \brief Lectures C2 2.1-2.2: mini-batch gradient descent. Instead of one step per pass over
/// all m examples, shuffle them and take one step per mini-batch of 64 (or 128, 256, ...):
/// many steps per epoch, each on a noisy but cheap estimate of the gradient.
///
/// This header's lectures on \ref course2_week2 "Course 2 week 2's page":
/// \ref lecture_c2_2_1 "C2 2.1" and \ref lecture_c2_2_2 "C2 2.2".
///
/// **Gradient descent, the reference (C2 2.1).** The plain update every optimizer of the week
/// improves on, for \f$ l = 1, \dots, L \f$:
/// \f[ W^{[l]} := W^{[l]} - \alpha\, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha\, db^{[l]} \f]
/// With a mini-batch of one example it is *stochastic* gradient descent; with all m,
/// *batch* gradient descent; in between, *mini-batch* gradient descent, which keeps the speed of
/// vectorized code and still takes many steps per epoch.
///
/// **Making the mini-batches (C2 2.2).** Two steps, as the notebook's `random_mini_batches`:
/// - *Shuffle*: one random order of the m examples (`np.random.permutation(m)` after
///   `np.random.seed(seed)`), applied to the columns of X **and** of Y, so that each label stays
///   with its example.
/// - *Partition*: \f$ \lfloor m / \text{mini\_batch\_size} \rfloor \f$ complete mini-batches
///   of consecutive columns, the k-th being columns
///   \f$ [k \cdot \text{size}, (k + 1) \cdot \text{size}) \f$; when m is not a multiple of
///   the size, one last, smaller mini-batch with the \f$ m \bmod \text{size} \f$ columns left.
///
/// **Expected output.** The notebook's check: after `np.random.seed(1)`,
/// `X = randn(12288, 148)`, `Y = randn(1, 148) < 0.5`, `random_mini_batches(X, Y, 64)` (seed 0)
/// gives mini-batches of 64, 64 and 20 columns, and the first three entries of the first
/// mini-batch's first row are `[ 0.90085595 -0.7612069 0.2344157 ]`. The mini-batches train the
/// notebook's model in \ref course2/learning_rate_decay.hpp, and
/// `dlc run course2.optimization --optimizer gd --solution` prints `Cost after epoch 0:
/// 0.702405` ... `Cost after epoch 4000: 0.573367` and `Accuracy: 0.7166666666666667`.
#pragma once

#include <cstdint>
#include <vector>

#include "common/matrix.hpp"
#include "course2/initialization.hpp"

/// The optimization notebook's mini-batches and its plain gradient descent.
namespace dlc::course2::mini_batch {

/// One mini-batch, the notebook's tuple `(mini_batch_X, mini_batch_Y)`.
struct MiniBatch {
  Matrix mini_batch_X;  ///< (n_x, size): examples, one per column
  Matrix mini_batch_Y;  ///< (1, size): their labels, in the same order
};

/// \brief One step of gradient descent on every layer:
/// \f$ W^{[l]} := W^{[l]} - \alpha\, dW^{[l]} \f$ and \f$ b^{[l]} := b^{[l]} - \alpha\, db^{[l]}
/// \f$, for \f$ l = 1, \dots, L \f$, each parameter updated in one pass over its entries.
/// \param[in] parameters `W[l]` \f$ (n^{[l]}, n^{[l-1]}) \f$ and `b[l]` \f$ (n^{[l]}, 1) \f$,
///   l = 1..L (pass it with `std::move` to update it in its own storage)
/// \param[in] grads `dW[l]` and `db[l]` of the same shapes (`dZ` and `dA` are not used)
/// \param[in] learning_rate \f$ \alpha \f$, positive
/// \return the updated parameters.
/// \throws ShapeError when a gradient's shape is not its parameter's or grads has another
///   number of layers; std::invalid_argument when the learning rate is not positive.
///
/// Exercise `course2.update_parameters_with_gd`.
Parameters update_parameters_with_gd(Parameters parameters, const Gradients& grads,
                                     double learning_rate);

/// \brief The notebook's `random_mini_batches`: the columns of X and Y in the order of
/// `np.random.permutation(m)` drawn after `np.random.seed(seed)`, cut into mini-batches of
/// `mini_batch_size` consecutive columns, then the rest.
/// \param[in] X examples, (n_x, m), m at least 1
/// \param[in] Y labels, (1, m)
/// \param[in] mini_batch_size the columns of each complete mini-batch, at least 1
/// \param[in] seed the seed of `np.random.seed`
/// \return \f$ \lfloor m / \text{size} \rfloor \f$ mini-batches of `mini_batch_size` columns,
///   then, when m is not a multiple of the size, one of \f$ m \bmod \text{size} \f$ columns.
/// \throws ShapeError when Y is not (1, m) or X has no column; std::invalid_argument when
///   mini_batch_size is below 1.
///
/// Exercise `course2.random_mini_batches`.
std::vector<MiniBatch> random_mini_batches(const Matrix& X, const Matrix& Y,
                                           int mini_batch_size = 64, std::uint32_t seed = 0);

/// \brief Throws std::invalid_argument naming `what` unless `mini_batch_size` is at least 1.
void check_mini_batch_size(const char* what, long mini_batch_size);

/// \brief Checks that `grads` has a `dW[l]` and a `db[l]` of the shape of each `W[l]` and
/// `b[l]` of `parameters` (entry 0 aside).
/// \throws ShapeError naming `what`, the layer and both shapes.
void check_gradients(const char* what, const Parameters& parameters, const Gradients& grads);

}  // namespace dlc::course2::mini_batch
