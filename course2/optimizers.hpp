/// \file
/// \brief Lectures C2 2.6-2.8: gradient descent with momentum, RMSprop and Adam. Each keeps an
/// exponentially weighted average (lectures C2 2.3-2.5) of the gradients, or of their squares,
/// and steps with it instead of with the raw, noisy gradient of one mini-batch.
///
/// This header's lectures on \ref course2_week2 "Course 2 week 2's page":
/// \ref lecture_c2_2_6 "C2 2.6", \ref lecture_c2_2_7 "C2 2.7" and \ref lecture_c2_2_8 "C2 2.8".
///
/// **Momentum (C2 2.6).** Average the gradients, then step along the average: the oscillations
/// across the valley cancel out and the steady drift along it adds up.
/// \f[ v_{dW^{[l]}} = \beta\, v_{dW^{[l]}} + (1 - \beta)\, dW^{[l]}, \qquad
///     W^{[l]} := W^{[l]} - \alpha\, v_{dW^{[l]}} \f]
/// and the same for \f$ b^{[l]} \f$, from \f$ v = 0 \f$; \f$ \beta = 0.9 \f$ averages about the
/// last 10 gradients.
///
/// **RMSprop (C2 2.7).** Average the *squared* gradients, and divide each step by the root of
/// that average: a direction that oscillates (large squares) is slowed, a quiet one sped up.
/// \f[ s_{dW^{[l]}} = \beta_2\, s_{dW^{[l]}} + (1 - \beta_2)\, (dW^{[l]})^2, \qquad
///     W^{[l]} := W^{[l]} - \alpha \frac{dW^{[l]}}{\sqrt{s_{dW^{[l]}}} + \varepsilon} \f]
/// (squares and roots entry by entry; \f$ \varepsilon \f$ keeps the division away from 0).
///
/// **Adam (C2 2.8).** Both averages, each corrected for its start at 0 (after t steps the
/// average holds only \f$ 1 - \beta^t \f$ of the weight it should), \f$ t \f$ counting the
/// updates made so far, this one included:
/// \f[ v_{dW} = \beta_1 v_{dW} + (1 - \beta_1)\, dW, \qquad
///     v^{\text{corrected}}_{dW} = \frac{v_{dW}}{1 - \beta_1^t} \f]
/// \f[ s_{dW} = \beta_2 s_{dW} + (1 - \beta_2)\, dW^2, \qquad
///     s^{\text{corrected}}_{dW} = \frac{s_{dW}}{1 - \beta_2^t} \f]
/// \f[ W := W - \alpha \frac{v^{\text{corrected}}_{dW}}{\sqrt{s^{\text{corrected}}_{dW}} +
///     \varepsilon} \f]
/// with the lecture's defaults \f$ \beta_1 = 0.9 \f$, \f$ \beta_2 = 0.999 \f$,
/// \f$ \varepsilon = 10^{-8} \f$; only \f$ \alpha \f$ usually needs tuning.
///
/// **Speed.** Every formula line is one pass over the entries of the matrix it updates
/// (`Matrix::update_entries`), with no temporary matrix; pass the parameters and the averages
/// with `std::move` and the updates happen in their own storage. `dlc-bench-optimizers-solution`
/// times one Adam step against the number of parameters.
///
/// **Expected output.** The notebook's `update_parameters_with_adam_test_case` (after
/// `np.random.seed(1)`: W1 (2, 3), b1 (2, 1), W2 (3, 3), b2 (3, 1), then dW1, db1, dW2, db2 of
/// the same shapes, all by randn in that order), with v and s from `initialize_adam`, t = 2,
/// learning rate 0.02, beta1 0.8, beta2 0.888 and epsilon 1e-2, gives
/// W1 = [[ 1.63942428 -0.6268425 -0.54320974] [-1.08782943 0.85036983 -2.2865723 ]].
/// On the moons, `dlc run course2.optimization --optimizer adam --solution` prints
/// `Cost after epoch 0: 0.702166` ... `Cost after epoch 4000: 0.136066` and
/// `Accuracy: 0.9433333333333334`; `--optimizer momentum` prints 0.702413 ... 0.573444 and
/// `Accuracy: 0.7166666666666667`.
#pragma once

#include <vector>

#include "common/matrix.hpp"
#include "course2/initialization.hpp"

/// The optimization notebook's momentum and Adam, and RMSprop.
namespace dlc::course2::optimizers {

/// A running average kept per parameter: the notebook's dictionaries `v` and `s`, whose
/// `v["dW" + str(l)]` is `dW[l]` here; `dW[l]` has the shape of `W[l]` and `db[l]` that of
/// `b[l]`, l = 1..L, entry 0 empty.
struct Averages {
  std::vector<Matrix> dW;  ///< the average of (a function of) the dW[l]
  std::vector<Matrix> db;  ///< the average of (a function of) the db[l]
};

/// What `update_parameters_with_momentum` returns: the notebook's `parameters, v`.
struct MomentumStep {
  Parameters parameters;  ///< after the step
  Averages v;             ///< the velocity, updated
};

/// What `initialize_adam` returns: the notebook's `v, s`.
struct AdamAverages {
  Averages v;  ///< the first moment, zeros
  Averages s;  ///< the second moment, zeros
};

/// What `update_parameters_with_adam` returns: the notebook's
/// `parameters, v, s, v_corrected, s_corrected`.
struct AdamStep {
  Parameters parameters;  ///< after the step
  Averages v;             ///< the average of the gradients, updated
  Averages s;             ///< the average of the squared gradients, updated
  Averages v_corrected;   ///< \f$ v / (1 - \beta_1^t) \f$
  Averages s_corrected;   ///< \f$ s / (1 - \beta_2^t) \f$
};

/// What `update_parameters_with_rmsprop` returns: `parameters, s`.
struct RmspropStep {
  Parameters parameters;  ///< after the step
  Averages s;             ///< the average of the squared gradients, updated
};

/// \brief Throws std::invalid_argument naming `what` and `name` unless \f$ 0 \le \beta < 1
/// \f$ (at 1 the average never moves from its start).
void check_beta(const char* what, const char* name, double beta);

/// \brief Throws std::invalid_argument naming `what` unless \f$ \varepsilon > 0 \f$ and finite.
void check_epsilon(const char* what, double epsilon);

/// \brief Checks that `average` has a `dW[l]` and a `db[l]` of the shape of each `W[l]` and
/// `b[l]` of `parameters`.
/// \throws ShapeError naming `what`, `name`, the layer and both shapes.
void check_averages(const char* what, const char* name, const Parameters& parameters,
                    const Averages& average);

/// \brief The velocity at its start: `v.dW[l]` zeros of `W[l]`'s shape and `v.db[l]` zeros of
/// `b[l]`'s, for l = 1..L.
/// \param[in] parameters `W[l]` and `b[l]`, l = 1..L (only their shapes are used)
/// \throws ShapeError when parameters has not as many b as W.
///
/// Exercise `course2.initialize_velocity`.
Averages initialize_velocity(const Parameters& parameters);

/// \brief One step of gradient descent with momentum, for l = 1..L:
/// \f$ v_{dW^{[l]}} = \beta v_{dW^{[l]}} + (1 - \beta) dW^{[l]} \f$, then
/// \f$ W^{[l]} := W^{[l]} - \alpha v_{dW^{[l]}} \f$, and the same for b.
/// \param[in] parameters `W[l]`, `b[l]`, l = 1..L
/// \param[in] grads `dW[l]`, `db[l]` of the same shapes
/// \param[in] v the velocity, of the same shapes (from `initialize_velocity`, then from the
///   previous step)
/// \param[in] beta the momentum, in [0, 1)
/// \param[in] learning_rate \f$ \alpha \f$, positive
/// \return the parameters and the velocity, both updated.
/// \throws ShapeError when the shapes do not fit; std::invalid_argument for beta outside
///   [0, 1) or a learning rate that is not positive.
///
/// Exercise `course2.update_parameters_with_momentum`.
MomentumStep update_parameters_with_momentum(Parameters parameters, const Gradients& grads,
                                             Averages v, double beta, double learning_rate);

/// \brief Adam's two averages at their start: `v` and `s`, each with `dW[l]` zeros of
/// `W[l]`'s shape and `db[l]` zeros of `b[l]`'s, for l = 1..L.
/// \throws ShapeError when parameters has not as many b as W.
///
/// Exercise `course2.initialize_adam`.
AdamAverages initialize_adam(const Parameters& parameters);

/// \brief One step of Adam, for l = 1..L and for W and b alike: v, its correction, s, its
/// correction, then the step (the formulas of this header).
/// \param[in] parameters `W[l]`, `b[l]`, l = 1..L
/// \param[in] grads `dW[l]`, `db[l]` of the same shapes
/// \param[in] v, s the two averages of the previous step (`initialize_adam` before the first)
/// \param[in] t the number of this update, counted over every mini-batch of every epoch: 1 for
///   the first
/// \param[in] learning_rate \f$ \alpha \f$, positive
/// \param[in] beta1 \f$ \beta_1 \f$, in [0, 1)
/// \param[in] beta2 \f$ \beta_2 \f$, in [0, 1)
/// \param[in] epsilon \f$ \varepsilon \f$, positive
/// \return the parameters, v and s updated, and the corrected averages of this step.
/// \throws ShapeError when the shapes do not fit; std::invalid_argument for t below 1, a beta
///   outside [0, 1), epsilon not positive, or a learning rate that is not positive.
///
/// Exercise `course2.update_parameters_with_adam`.
AdamStep update_parameters_with_adam(Parameters parameters, const Gradients& grads, Averages v,
                                     Averages s, int t, double learning_rate = 0.01,
                                     double beta1 = 0.9, double beta2 = 0.999,
                                     double epsilon = 1e-8);

/// \brief One step of RMSprop (lecture C2 2.7; the notebook skips it), for l = 1..L and for W
/// and b alike: \f$ s_{dW} = \beta_2 s_{dW} + (1 - \beta_2) dW^2 \f$, then
/// \f$ W := W - \alpha\, dW / (\sqrt{s_{dW}} + \varepsilon) \f$.
/// \param[in] parameters `W[l]`, `b[l]`, l = 1..L
/// \param[in] grads `dW[l]`, `db[l]` of the same shapes
/// \param[in] s the average of the squared gradients (zeros before the first step)
/// \param[in] beta2 \f$ \beta_2 \f$, in [0, 1)
/// \param[in] learning_rate \f$ \alpha \f$, positive
/// \param[in] epsilon \f$ \varepsilon \f$, positive
/// \return the parameters and s, both updated.
/// \throws ShapeError when the shapes do not fit; std::invalid_argument for beta2 outside
///   [0, 1), epsilon not positive, or a learning rate that is not positive.
///
/// Exercise `course2.update_parameters_with_rmsprop`.
RmspropStep update_parameters_with_rmsprop(Parameters parameters, const Gradients& grads,
                                           Averages s, double beta2, double learning_rate,
                                           double epsilon);

}  // namespace dlc::course2::optimizers
