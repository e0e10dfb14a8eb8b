/// \file
/// \brief Lecture C2 3.3, the panda: one model, babysat through a long run that saves a
/// checkpoint every so many epochs, can be stopped (Ctrl-C) and resumed from its last
/// checkpoint, with the learning rate changed if the cost says so, and whose resumed run
/// continues with the very numbers of a run never stopped.
///
/// This header's lecture on \ref course2_week3 "Course 2 week 3's page":
/// \ref lecture_c2_3_3 "C2 3.3".
///
/// **The model.** The moons model of \ref course2/learning_rate_decay.hpp, trained with Adam:
/// layers [2, 5, 2, 1], He initialization (`np.random.seed(3)`), mini-batches of 64, one Adam
/// update per mini-batch, \f$ t \f$ counting every update. One change: the notebook seeds a new
/// generator every epoch (seeds 11, 12, ...); here, as in the frameworks, one generator is
/// seeded once (`settings.seed`, 10) and each epoch draws its order of the examples from where
/// the last one left it. Its state is then part of the run's state, as Adam's are.
///
/// **An epoch as a function of the state.** Everything that decides the next epoch is in a
/// `TrainingState`: the parameters, Adam's \f$ v \f$, \f$ s \f$ and \f$ t \f$, the generator's
/// complete state (numpy's `get_state()`: 624 words, the position, a cached normal value), the
/// epochs done, the settings (the learning rate among them) and the costs so far. `train_epoch`
/// takes a state and returns the next; nothing else is read. So a checkpoint is simply the
/// state written to a file, and a run resumed from it draws the same mini-batches, takes the
/// same steps and prints the same costs as a run that was never stopped: bit for bit.
/// Forget one piece and the resumed run drifts: re-seed the generator and the mini-batches
/// repeat an earlier epoch's; restart \f$ t \f$ at 0 and the bias correction
/// \f$ 1 / (1 - \beta_1^t) \f$ blows up the first steps again; zero \f$ v \f$ and \f$ s \f$ and
/// Adam forgets its averages.
///
/// **The file** (given code, \ref common/checkpoint.hpp): the state as `dlc::wire` bytes behind
/// a header with a magic number, a version, the size and a CRC-32, written to a temporary file,
/// `fsync`ed and renamed over the previous checkpoint, so that a crash at any moment leaves a
/// whole checkpoint; a reader that refuses a missing, truncated, corrupt or foreign file, or the
/// checkpoint of another network (other layer sizes), with one message naming the file.
///
/// **Expected output.** `dlc run course2.panda --solution --epochs 5000 --checkpoint run.ckpt
/// --every 1000` prints `Cost after epoch 0: 0.701907`, `Cost after epoch 1000: 0.169080` ...
/// `Cost after epoch 4000: 0.136134` (the notebook's Adam run, with its other orders of the
/// mini-batches, prints 0.702166 ... 0.136066), says `Checkpoint saved: run.ckpt (1000 epochs
/// done)` every 1000 epochs, and ends with `Accuracy: 0.94` on the training set. Ctrl-C
/// finishes the epoch in progress, saves, prints the command that resumes and exits with code
/// 130; `--resume` continues with the same costs, the same accuracy and, bit for bit, the same
/// final checkpoint as a run never stopped.
#pragma once

#include <cstdint>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "common/matrix.hpp"
#include "common/random.hpp"
#include "course2/initialization.hpp"
#include "course2/mini_batch.hpp"
#include "course2/optimizers.hpp"

/// The panda: one long run, with checkpoints.
namespace dlc::course2::panda {

/// What a run is trained with: all a checkpoint must keep, besides the state, to continue.
struct Settings {
  LayerDims layers_dims = {2, 5, 2, 1};  ///< n[0] = 2 features, ..., n[3] = 1 output
  double learning_rate = 0.0007;         ///< \f$ \alpha \f$, positive; may change on resuming
  int mini_batch_size = 64;              ///< at least 1
  double beta1 = 0.9;                    ///< Adam's \f$ \beta_1 \f$, in [0, 1)
  double beta2 = 0.999;                  ///< Adam's \f$ \beta_2 \f$, in [0, 1)
  double epsilon = 1e-8;                 ///< Adam's \f$ \varepsilon \f$, positive
  std::uint32_t seed = 10;               ///< the seed of the generator of the mini-batch orders
};

/// Everything that decides the rest of a run: what a checkpoint holds.
struct TrainingState {
  Settings settings;             ///< what the run trains with
  long epoch = 0;                ///< epochs done (the next epoch to train has this number)
  Parameters parameters;         ///< `W[l]`, `b[l]` after those epochs
  optimizers::Averages v;        ///< Adam's average of the gradients
  optimizers::Averages s;        ///< Adam's average of the squared gradients
  int t = 0;                     ///< Adam's updates so far
  RandomState::State rng_state;  ///< the generator of the mini-batch orders, where it stopped
  std::vector<double> costs;     ///< the average cost of each epoch done, epoch 0 first
};

/// \name Exercise
///@{

/// \brief One epoch of training, from the state alone: the generator restored from
/// `state.rng_state` draws this epoch's order of the m examples (`permutation(m)`), the
/// examples in that order are cut into mini-batches of `mini_batch_size`
/// (`mini_batches_in_order`), and for each mini-batch: forward propagation, its summed cost
/// (`learning_rate_decay::compute_cost`), backward propagation, \f$ t := t + 1 \f$ and one Adam
/// update with the settings' learning rate and betas. Then the epoch's average cost
/// (the summed costs over m) is appended to `costs`, the generator's state is put back in
/// `rng_state`, and `epoch` grows by one.
/// \param[in] X examples, (2, m), m at least 1
/// \param[in] Y labels 0 or 1, (1, m)
/// \param[in] state the state after `state.epoch` epochs
/// \return the state after `state.epoch + 1` epochs.
/// \throws ShapeError when X, Y and the parameters do not fit, or v or s is not the shape of the
///   parameters; std::invalid_argument for bad settings; TrainingDiverged (the epoch and the
///   learning rate) when the epoch's cost is not finite.
///
/// Exercise `course2.panda_train_epoch`.
TrainingState train_epoch(const Matrix& X, const Matrix& Y, TrainingState state);

///@}

/// \name Given code: starting, saving, resuming, the run
///@{

/// \brief The mini-batches of the columns of X and Y taken in the order `permutation`
/// (`X[:, permutation]`), cut as `random_mini_batches` cuts them: complete mini-batches of
/// `mini_batch_size` columns, then the rest.
/// \throws ShapeError when Y is not (1, m) or `permutation` is not a permutation of 0..m-1's
///   size; std::invalid_argument for a size below 1.
std::vector<mini_batch::MiniBatch> mini_batches_in_order(
    const Matrix& X, const Matrix& Y, const std::vector<std::size_t>& permutation,
    int mini_batch_size);

/// \brief The state before the first epoch: He initialization of `settings.layers_dims`
/// (seed 3), Adam's v and s zeros, t = 0, the generator seeded with `settings.seed`, epoch 0.
/// \throws std::invalid_argument for bad settings (as `check_settings`).
TrainingState start(const Settings& settings);

/// \brief Checks the settings: four layer sizes with n[3] = 1, a positive learning rate and
/// epsilon, betas in [0, 1), a mini-batch size of at least 1.
/// \throws std::invalid_argument naming `what` and the bad setting.
void check_settings(const char* what, const Settings& settings);

/// The kind written in the panda's checkpoints (common/checkpoint.hpp).
inline constexpr const char* kCheckpointKind = "course2.panda moons Adam";

/// \brief Saves `state` to the checkpoint `path`, whole or not at all.
/// \throws CheckpointError naming the file.
void save_checkpoint(const std::string& path, const TrainingState& state);

/// \brief The state of the checkpoint `path`, for a run of the network `layers_dims`.
/// \throws CheckpointError naming the file when it is missing, not a checkpoint, of another
///   version, truncated, corrupt, not the panda's, or of another network: `run.ckpt: a
///   checkpoint of the network [2, 5, 2, 1], not of this run's [2, 10, 2, 1]`; also when the
///   state it holds is inconsistent (parameters, v and s of other shapes than its layers).
TrainingState load_checkpoint(const std::string& path, const LayerDims& layers_dims);

/// \brief The state a resumed run continues from: the checkpoint's state, with the learning rate
/// `learning_rate` when one is given (the panda's babysitting: the cost is flat, lower it), the
/// checkpoint's otherwise.
/// \throws std::invalid_argument when the learning rate given is not positive.
TrainingState resume(TrainingState checkpoint, std::optional<double> learning_rate);

/// How `train` runs.
struct RunOptions {
  long num_epochs = 5000;   ///< train until this many epochs are done
  long print_every = 1000;  ///< print the cost of epochs 0, print_every, ...; at least 1
  std::string checkpoint;   ///< the checkpoint file; empty: none is saved
  long every = 1000;        ///< save after every `every` epochs; at least 1
  /// Asked after each epoch: true stops the run there (Ctrl-C's flag, say); empty: never.
  std::function<bool()> stop_requested;
};

/// What `train` ends with.
struct RunResult {
  TrainingState state;   ///< after the last epoch trained
  bool stopped = false;  ///< true when `stop_requested` said so before `num_epochs` were done
  bool saved = false;    ///< a checkpoint of `state` was saved at the end
};

/// \brief Trains from `state` until `num_epochs` epochs are done, with `train_epoch`: prints
/// `Cost after epoch i: %f` for each epoch i that is a multiple of `print_every`, saves a
/// checkpoint (saying `Checkpoint saved: FILE (N epochs done)`) after every `every`-th epoch, and
/// when `stop_requested` returns true finishes the epoch in progress, saves a checkpoint and returns.
/// \throws std::invalid_argument for `print_every` or `every` below 1; what `train_epoch` and
///   `save_checkpoint` throw.
RunResult train(const Matrix& X, const Matrix& Y, TrainingState state, const RunOptions& options,
                std::ostream& out = std::cout);

///@}

}  // namespace dlc::course2::panda
