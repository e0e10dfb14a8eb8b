/// \file
/// \brief Lecture 4.6: parameters and hyperparameters, and the learning rate found by trying
/// several values on the same network.
///
/// This header's lectures on \ref week4 "week 4's page": \ref lecture_4_6 "4.6".
///
/// **Parameters** are what gradient descent learns: \f$ W^{[1]}, b^{[1]}, \dots, W^{[L]},
/// b^{[L]} \f$. **Hyperparameters** are every other choice that decides what those parameters
/// end up being: the learning rate \f$ \alpha \f$, the number of iterations, the number of
/// layers \f$ L \f$, the units \f$ n^{[l]} \f$ of each layer, the activations, the seed of the
/// initialization (and, in Course 2, momentum, the mini-batch size, regularization ...). No
/// formula gives them; one finds them by experiment: try a value, train, look at the cost,
/// try another.
///
/// **The learning rate** is the first one to tune. Each step of gradient descent is
/// \f[ W^{[l]} := W^{[l]} - \alpha\, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha\, db^{[l]} \f]
/// With \f$ \alpha \f$ too small the cost \f$ J \f$ falls, but slowly; with a good
/// \f$ \alpha \f$ it falls fast; with \f$ \alpha \f$ too large the steps overshoot, \f$ J \f$
/// goes up and down or grows, and in the end it is no longer a number (a sigmoid output of
/// exactly 0 or 1 on a wrongly labelled example makes \f$ \log 0 \f$): the run *diverges*.
/// `learning_rate_sweep` runs that experiment: the same network (same `layers_dims`, same seed,
/// so the same initial parameters and the same first cost), the same data and the same number
/// of iterations, once per learning rate, keeping every iteration's cost. A run that diverges
/// is recorded as such, with the iteration, and the sweep goes on with the next rate.
///
/// **Expected output.** `dlc run week4.learning_rates --solution` (Fashion-MNIST sneakers
/// against ankle boots, the first 500 training images, layers `784,20,7,5,1`, 300 iterations,
/// seed 1) prints `Cost after iteration 0 ...: 0.693365` (every rate's first cost), then the
/// final costs: `alpha = 0.001: final cost 0.691779` and `alpha = 0.01: 0.661944` (too small),
/// `alpha = 0.1: 0.079902` and `alpha = 1: 0.061619` (fast, the second with large jumps),
/// `alpha = 5: 0.692179` (every hidden unit knocked out: a constant guess) and
/// `alpha = 10: diverged at iteration 3`, and draws every cost curve on one picture.
#pragma once

#include <cstdint>
#include <vector>

#include "common/matrix.hpp"
#include "week4/application.hpp"
#include "week4/dimensions.hpp"

namespace dlc::week4 {

/// One training run of a sweep: its learning rate, the cost of each iteration, and whether and
/// where it diverged.
struct LearningRateRun {
  double learning_rate = 0.0;  ///< \f$ \alpha \f$
  /// `costs[i]` is the cost of iteration i. A run that diverged at iteration k has the k costs
  /// of iterations 0 to k-1 (the first cost that is not a number is not kept).
  std::vector<double> costs;
  bool diverged = false;  ///< the run stopped with `TrainingDiverged`
  long diverged_at = -1;  ///< the iteration whose cost was not finite; -1 when it did not diverge
};

/// \brief The same network trained once per learning rate.
///
/// For each \f$ \alpha \f$ of `learning_rates`, in order:
/// `L_layer_model(X, Y, layers_dims, alpha, num_iterations, false, seed, observe)` with an
/// observer that appends each cost to the run's `costs`. When the model throws `TrainingDiverged`, the run is marked `diverged`, with
/// `diverged_at` the exception's `iteration()`, and the sweep continues.
/// \param[in] X examples, \f$ (n_x, m) \f$
/// \param[in] Y labels, \f$ (1, m) \f$ of 0/1
/// \param[in] layers_dims \f$ n^{[0]} = n_x, \dots, n^{[L]} = 1 \f$
/// \param[in] learning_rates at least one, each a positive finite number
/// \param[in] num_iterations gradient-descent steps of each run, at least 1
/// \param[in] seed the initialization's seed, the same for every run
/// \return one run per learning rate, in the order given.
/// \throws std::invalid_argument for an empty list, a learning rate that is not positive and
///   finite, or fewer than 1 iteration; what `check_training_data` throws for bad data (all
///   before any training).
///
/// Exercise `week4.learning_rate_sweep`.
std::vector<LearningRateRun> learning_rate_sweep(const Matrix& X, const Matrix& Y,
                                                 const LayerDims& layers_dims,
                                                 const std::vector<double>& learning_rates,
                                                 long num_iterations, std::uint32_t seed = 1);

}  // namespace dlc::week4
