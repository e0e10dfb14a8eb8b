/// \file
/// \brief Lecture C2 2.9: learning rate decay, four ways; and the optimization notebook's model
/// (given code), which trains the week's network on the moons with mini-batch gradient
/// descent, momentum or Adam, with or without decay.
///
/// This header's lectures on \ref course2_week2 "Course 2 week 2's page":
/// \ref lecture_c2_2_9 "C2 2.9", and the notebook's runs in \ref lecture_c2_2_1 "C2 2.1",
/// \ref lecture_c2_2_6 "C2 2.6" and \ref lecture_c2_2_8 "C2 2.8".
///
/// **Why decay (C2 2.9).** With a fixed learning rate, mini-batch gradient descent never
/// settles: each mini-batch's gradient is noisy, and the steps keep wandering around the
/// minimum. Shrinking \f$ \alpha \f$ as training goes on takes large steps early and small,
/// careful ones late. One *epoch* is one pass over the training set; with
/// \f$ \alpha_0 \f$ the first rate and \f$ \text{epoch\_num} \f$ counted from 0:
/// \f[ \alpha = \frac{1}{1 + \text{decay\_rate} \cdot \text{epoch\_num}}\, \alpha_0
///     \quad \text{(update\_lr)} \f]
/// \f[ \alpha = \frac{1}{1 + \text{decay\_rate} \cdot \lfloor \text{epoch\_num} /
///     \text{time\_interval} \rfloor}\, \alpha_0 \quad \text{(schedule\_lr\_decay: the same,
///     by steps)} \f]
/// \f[ \alpha = \text{base}^{\,\text{epoch\_num}}\, \alpha_0 \ (\text{base} = 0.95, \text{say})
///     \quad \text{(exponential)}, \qquad
///     \alpha = \text{factor}^{\lfloor \text{epoch\_num} / \text{step} \rfloor}\, \alpha_0
///     \quad \text{(staircase: halve every step epochs)} \f]
/// The first decays so fast that over 5000 epochs the model barely moves after the first few
/// (the notebook's gd run with update_lr ends at 0.6533333333333333); the scheduled one keeps
/// \f$ \alpha \f$ constant for 1000 epochs at a time.
///
/// **The notebook's model (given code).** Layers [2, 5, 2, 1] of the week's network, He
/// initialization (`np.random.seed(3)`), then for each epoch i: new mini-batches of 64 from
/// seed 10 + i + 1 (`random_mini_batches`), and for each mini-batch forward, cost, backward
/// and one update (gd, momentum or Adam, Adam's t counting every update); after the epoch the
/// average cost `cost_total / m` and, with decay, the new learning rate (so epoch 0 trains with
/// \f$ \alpha_0 \f$). The cost summed here is opt_utils' `compute_cost`, a **sum** over the
/// mini-batch (not its mean), so that `cost_total / m` is the epoch's mean.
///
/// **Expected output.** `update_lr(0.5, 2, 1)` is 0.16666666666666666 and
/// `schedule_lr_decay(0.5, 100, 0.3, 100)` is 0.3846153846153846 (the notebook's checks). The
/// notebook's seven runs, `dlc run course2.optimization --solution` with
/// `--optimizer gd|momentum|adam [--decay update_lr|schedule] [--learning-rate X]`, print
/// `Cost after epoch 0: ...` every 1000 epochs and the accuracy on the training set:
///
/// | run | epoch 0 | epoch 4000 | accuracy |
/// | --- | --- | --- | --- |
/// | gd, 0.0007 | 0.702405 | 0.573367 | 0.7166666666666667 |
/// | momentum, 0.0007 | 0.702413 | 0.573444 | 0.7166666666666667 |
/// | adam, 0.0007 | 0.702166 | 0.136066 | 0.9433333333333334 |
/// | gd, 0.1, update_lr | 0.701091 | 0.655486 | 0.6533333333333333 |
/// | gd, 0.1, schedule | 0.701091 | 0.117512 | 0.9433333333333334 |
/// | momentum, 0.1, schedule | 0.702226 | 0.123218 | 0.9533333333333334 |
/// | adam, 0.01, schedule | 0.699346 | 0.128361 | 0.94 |
#pragma once

#include <iostream>
#include <string>
#include <vector>

#include "common/matrix.hpp"
#include "common/toy_datasets.hpp"
#include "course2/initialization.hpp"

/// Learning rate decay, and the optimization notebook's model.
namespace dlc::course2::learning_rate_decay {

/// \name Exercises
///@{

/// \brief \f$ \alpha = \alpha_0 / (1 + \text{decay\_rate} \cdot \text{epoch\_num}) \f$.
/// \param[in] learning_rate0 \f$ \alpha_0 \f$, positive
/// \param[in] epoch_num the epoch, 0 or more
/// \param[in] decay_rate 0 or more
/// \return the learning rate; `update_lr(0.5, 2, 1)` is 0.16666666666666666.
/// \throws std::invalid_argument for a negative epoch or decay rate, or \f$ \alpha_0 \f$ not
///   positive.
///
/// Exercise `course2.update_lr`.
double update_lr(double learning_rate0, long epoch_num, double decay_rate);

/// \brief \f$ \alpha = \alpha_0 / (1 + \text{decay\_rate} \cdot \lfloor \text{epoch\_num} /
/// \text{time\_interval} \rfloor) \f$: the rate falls by steps, every `time_interval` epochs.
/// \param[in] learning_rate0 \f$ \alpha_0 \f$, positive
/// \param[in] epoch_num the epoch, 0 or more
/// \param[in] decay_rate 0 or more
/// \param[in] time_interval epochs per step, at least 1
/// \return the learning rate; `schedule_lr_decay(0.5, 100, 0.3, 100)` is 0.3846153846153846.
/// \throws std::invalid_argument for a negative epoch or decay rate, \f$ \alpha_0 \f$ not
///   positive, or a time interval below 1.
///
/// Exercise `course2.schedule_lr_decay`.
double schedule_lr_decay(double learning_rate0, long epoch_num, double decay_rate,
                         long time_interval = 1000);

/// \brief Exponential decay, \f$ \alpha = \text{base}^{\,\text{epoch\_num}} \alpha_0 \f$.
/// \param[in] learning_rate0 \f$ \alpha_0 \f$, positive
/// \param[in] epoch_num the epoch, 0 or more
/// \param[in] base the factor per epoch, in (0, 1]
/// \return the learning rate; (0.2, 10, 0.95) gives 0.2 * 0.95^10 = 0.11975385...
/// \throws std::invalid_argument for a negative epoch, \f$ \alpha_0 \f$ not positive, or a base
///   outside (0, 1].
///
/// Exercise `course2.exponential_lr_decay`.
double exponential_lr_decay(double learning_rate0, long epoch_num, double base = 0.95);

/// \brief A staircase: \f$ \alpha = \text{factor}^{\lfloor \text{epoch\_num} / \text{step}
/// \rfloor} \alpha_0 \f$, the rate multiplied by `factor` every `step` epochs.
/// \param[in] learning_rate0 \f$ \alpha_0 \f$, positive
/// \param[in] epoch_num the epoch, 0 or more
/// \param[in] factor the factor per stair, in (0, 1]; 0.5 halves the rate
/// \param[in] step epochs per stair, at least 1
/// \return the learning rate; (0.2, 2500, 0.5, 1000) gives 0.05.
/// \throws std::invalid_argument for a negative epoch, \f$ \alpha_0 \f$ not positive, a factor
///   outside (0, 1], or a step below 1.
///
/// Exercise `course2.staircase_lr_decay`.
double staircase_lr_decay(double learning_rate0, long epoch_num, double factor = 0.5,
                          long step = 1000);

///@}

/// \name Given code: the notebook's model on the moons
///@{

/// \brief scikit-learn's moons as the notebook's `load_dataset()` draws them:
/// `np.random.seed(3)`, `make_moons(n_samples=300, noise=.2)`, one example per column:
/// X (2, 300), Y (1, 300).
ToyData load_dataset();

/// \brief opt_utils' `compute_cost`: the cross-entropy of output `a3` against labels `Y`,
/// both (1, m), **summed** over the examples, \f$ \sum_i -y^{(i)} \log a^{(i)} - (1 - y^{(i)})
/// \log(1 - a^{(i)}) \f$ (numpy's pairwise `np.sum`), so that the model can add up the
/// mini-batches of an epoch and divide by m once.
/// \throws ShapeError when the shapes differ or are not one row.
double compute_cost(const Matrix& a3, const Matrix& Y);

/// How `train_model` trains: the notebook's `model`'s arguments.
struct ModelOptions {
  LayerDims layers_dims = {2, 5, 2, 1};  ///< the week's three layers; n[0] must be X's rows
  std::string optimizer = "gd";          ///< "gd", "momentum" or "adam"
  double learning_rate = 0.0007;         ///< \f$ \alpha_0 \f$, positive
  int mini_batch_size = 64;              ///< at least 1
  double beta = 0.9;                     ///< momentum's \f$ \beta \f$, in [0, 1)
  double beta1 = 0.9;                    ///< Adam's \f$ \beta_1 \f$, in [0, 1)
  double beta2 = 0.999;                  ///< Adam's \f$ \beta_2 \f$, in [0, 1)
  double epsilon = 1e-8;                 ///< Adam's \f$ \varepsilon \f$, positive
  int num_epochs = 5000;                 ///< 0 or more
  bool print_cost = true;                ///< print every 1000 epochs
  std::string decay;                     ///< "" (none), "update_lr" or "schedule_lr_decay"
  double decay_rate = 1.0;               ///< the decay's rate, 0 or more
  long time_interval = 1000;             ///< schedule_lr_decay's interval, at least 1
};

/// What `model` returns: the notebook's `parameters`, and the `costs` it plots.
struct Trained {
  Parameters parameters;      ///< after the last epoch
  std::vector<double> costs;  ///< the average cost of epochs 0, 100, 200, ...
};

/// \brief The notebook's `model` (given code): layers `layers_dims` started by He
/// initialization, then `num_epochs` epochs of mini-batch training with the optimizer chosen.
/// Prints `Cost after epoch i: %f` every 1000 epochs on `out` when print_cost, and with decay
/// `learning rate after epoch i: %f`; keeps the cost of every 100th epoch.
/// \throws std::invalid_argument for an unknown optimizer or decay, a learning rate that is not
///   positive, a beta outside [0, 1), epsilon not positive, a mini-batch size below 1, negative
///   epochs, bad layers_dims or a label other than 0 and 1; ShapeError when X (n_x, m) and
///   Y (1, m) do not fit or n[0] is not n_x; TrainingDiverged naming the epoch and the learning
///   rate when the network's output becomes NaN or an epoch's cost is not finite (an output
///   saturated at exactly 0 or 1).
Trained train_model(const Matrix& X, const Matrix& Y, const ModelOptions& options,
                    std::ostream& out = std::cout);

/// \brief The notebook's `model`, with its arguments and defaults: `train_model` with the
/// options of the same names (`learning_rate = 0.0007`, `mini_batch_size = 64`, `beta = 0.9`,
/// `beta1 = 0.9`, `beta2 = 0.999`, `epsilon = 1e-8`, `num_epochs = 5000`, `print_cost = True`,
/// `decay = None`, here "", and `decay_rate = 1`).
/// \throws as `train_model`.
Trained model(const Matrix& X, const Matrix& Y, const LayerDims& layers_dims,
              const std::string& optimizer, double learning_rate = 0.0007, int mini_batch_size = 64,
              double beta = 0.9, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8,
              int num_epochs = 5000, bool print_cost = true, const std::string& decay = "",
              double decay_rate = 1.0, std::ostream& out = std::cout);

///@}

}  // namespace dlc::course2::learning_rate_decay
