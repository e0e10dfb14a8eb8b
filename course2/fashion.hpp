/// \file
/// \brief Lectures C2 3.5, 3.6 and 3.9 on real data: a network with batch norm in its hidden
/// layers and softmax at its output, trained with Adam on mini-batches of the ten classes of
/// Fashion-MNIST.
///
/// This header's lectures on \ref course2_week3 "Course 2 week 3's page":
/// \ref lecture_c2_3_5 "C2 3.5", \ref lecture_c2_3_6 "C2 3.6" and \ref course2_fashion
/// "the ten classes of Fashion-MNIST".
///
/// **The network (C2 3.5).** Layers \f$ n^{[0]} = 784 \f$, 256, 128 and \f$ n^{[3]} = 10 \f$;
/// each hidden layer computes
/// \f[ Z^{[l]} = W^{[l]} A^{[l-1]}, \quad
///     \tilde Z^{[l]} = \text{batch norm}_{\gamma^{[l]}, \beta^{[l]}}(Z^{[l]}), \quad
///     A^{[l]} = \mathrm{relu}(\tilde Z^{[l]}) \f]
/// with no \f$ b^{[l]} \f$ (batch norm's \f$ \beta^{[l]} \f$ takes its place), and the output
/// layer \f$ A^{[L]} = \mathrm{softmax}(W^{[L]} A^{[L-1]} + b^{[L]}) \f$. Without batch norm a
/// hidden layer is the familiar \f$ \tilde Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]} \f$. Backward
/// runs the same steps in reverse, per example until the parameters' gradients take their
/// \f$ \frac{1}{m} \f$:
/// \f[ dZ^{[L]} = A^{[L]} - Y, \quad dW^{[l]} = \tfrac{1}{m} dZ^{[l]} A^{[l-1]T}, \quad
///     dA^{[l-1]} = W^{[l]T} dZ^{[l]}, \quad
///     d\tilde Z^{[l]} = dA^{[l]} \ast 1\{\tilde Z^{[l]} > 0\} \f]
/// and \f$ dZ^{[l]} \f$, \f$ d\gamma^{[l]} \f$, \f$ d\beta^{[l]} \f$ from
/// `batch_norm::batchnorm_backward`. Every parameter, \f$ \gamma \f$ and \f$ \beta \f$ included,
/// is then updated by Adam (C2 2.8).
///
/// **Training (given code).** `train` draws the He initialization from a `RandomState` seeded
/// with the seed, then, each epoch, one permutation of the training examples from the same
/// generator, and takes one Adam step per mini-batch of consecutive examples of that order
/// (the last one smaller). After each step the running averages of every batch-norm layer take
/// the mini-batch's \f$ \mu \f$ and \f$ \sigma^2 \f$ (C2 3.7); tests and predictions use them.
/// A last mini-batch of a single example is left out with batch norm (its variance is 0), and
/// `train` says so.
///
/// **Speed.** Each product is one BLAS call on the whole mini-batch; the product
/// \f$ dA^{[0]} = W^{[1]T} dZ^{[1]} \f$ that nothing reads is never computed (see `Matrix`);
/// Adam updates each parameter in one pass. `bench/fashion_vs_peers.sh` times one epoch against
/// numpy and PyTorch.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "common/datasets.hpp"
#include "common/matrix.hpp"
#include "common/random.hpp"
#include "course2/batch_norm.hpp"

/// The Fashion-MNIST network of Course 2 week 3: batch norm and softmax, trained with Adam.
namespace dlc::course2::fashion {

/// The layer sizes \f$ n^{[0]}, \dots, n^{[L]} \f$.
using LayerDims = std::vector<int>;

/// The network's parameters, l = 1..L (entry 0 empty). With batch norm, a hidden layer has
/// `W[l]`, `gamma[l]` and `beta[l]` and an empty `b[l]`; without, `W[l]` and `b[l]` and empty
/// `gamma[l]`, `beta[l]`. The output layer always has `W[L]` and `b[L]`.
struct Parameters {
  std::vector<Matrix> W;      ///< \f$ (n^{[l]}, n^{[l-1]}) \f$
  std::vector<Matrix> b;      ///< \f$ (n^{[l]}, 1) \f$, or empty
  std::vector<Matrix> gamma;  ///< \f$ (n^{[l]}, 1) \f$, or empty
  std::vector<Matrix> beta;   ///< \f$ (n^{[l]}, 1) \f$, or empty
};

/// What backward needs from one layer's forward step.
struct LayerCache {
  Matrix A_prev;                  ///< \f$ A^{[l-1]} \f$ (X for layer 1)
  Matrix Z_tilde;                 ///< the activation's input \f$ \tilde Z^{[l]} \f$ (hidden layers)
  batch_norm::BatchNormCache bn;  ///< batch norm's cache (hidden layers with batch norm)
};

/// What `forward_propagation` returns.
struct Forward {
  Matrix AL;                       ///< \f$ A^{[L]} \f$, the softmax output, (C, m)
  std::vector<LayerCache> caches;  ///< `caches[l]`, l = 1..L (entry 0 empty)
};

/// The gradients, l = 1..L, shaped as the parameters (empty where the parameter is).
struct Gradients {
  std::vector<Matrix> dW;      ///< \f$ dW^{[l]} \f$
  std::vector<Matrix> db;      ///< \f$ db^{[l]} \f$
  std::vector<Matrix> dgamma;  ///< \f$ d\gamma^{[l]} \f$
  std::vector<Matrix> dbeta;   ///< \f$ d\beta^{[l]} \f$
};

/// \name The network (given code)
///@{

/// \brief True when hidden layer l of `parameters` is batch-normalized (it has a gamma).
bool batch_normalized(const Parameters& parameters, std::size_t l);

/// \brief Checks that `parameters` is a network of the kind this header describes: W, b, gamma
/// and beta with one entry per layer plus the empty entry 0, each W's columns the rows of the
/// one before, each hidden layer either (gamma, beta) or b, and the output layer b.
/// \throws ShapeError or std::invalid_argument naming `what`, the layer and what was expected.
void check_parameters(const char* what, const Parameters& parameters);

/// \brief He initialization, drawn from `rng` layer by layer:
/// \f$ W^{[l]} = \texttt{randn}(n^{[l]}, n^{[l-1]}) \sqrt{2 / n^{[l-1]}} \f$; with batch norm
/// \f$ \gamma^{[l]} = 1 \f$, \f$ \beta^{[l]} = 0 \f$ in the hidden layers, otherwise
/// \f$ b^{[l]} = 0 \f$.
/// \throws std::invalid_argument for fewer than two sizes or a size below 1.
Parameters initialize_parameters(const LayerDims& layers_dims, bool batch_norm, RandomState& rng);

/// The running averages of every batch-normalized layer, l = 1..L (empty elsewhere).
using Running = std::vector<batch_norm::RunningAverages>;

/// \brief The running averages at their start (`batch_norm::initialize_running_averages` for
/// every batch-normalized layer).
Running initialize_running(const Parameters& parameters);

/// \brief The softmax output at test time: each batch-normalized layer uses `running` (so every
/// example's output is its own, whatever else is in X), the others their b.
/// \param[in] X \f$ (n^{[0]}, m) \f$, any m
/// \param[in] parameters the trained network
/// \param[in] running the running averages training kept
/// \return \f$ A^{[L]} \f$, (C, m).
/// \throws ShapeError when X or running does not fit the parameters.
Matrix predict_probabilities(const Matrix& X, const Parameters& parameters, const Running& running);

/// Adam's two averages for every parameter, shaped as `Gradients`.
struct AdamState {
  Gradients v;  ///< the average of the gradients
  Gradients s;  ///< the average of their squares
  long t = 0;   ///< the updates made so far
};

/// \brief Adam's averages at their start: zeros shaped as each parameter.
AdamState initialize_adam(const Parameters& parameters);

/// The settings of Adam (C2 2.8), the lecture's defaults.
struct AdamSettings {
  double learning_rate = 0.001;  ///< \f$ \alpha \f$
  double beta1 = 0.9;            ///< \f$ \beta_1 \f$
  double beta2 = 0.999;          ///< \f$ \beta_2 \f$
  double epsilon = 1e-8;         ///< \f$ \varepsilon \f$
};

/// \brief One Adam step on every parameter (W, b, gamma and beta alike), each updated in one
/// pass over its entries: `state.t` is counted up first, then for each entry
/// \f$ v = \beta_1 v + (1 - \beta_1) g \f$, \f$ s = \beta_2 s + (1 - \beta_2) g^2 \f$,
/// \f$ p := p - \alpha \frac{v / (1 - \beta_1^t)}{\sqrt{s / (1 - \beta_2^t)} + \varepsilon} \f$.
/// \throws ShapeError when a gradient's shape differs from its parameter's.
void update_parameters_with_adam(Parameters& parameters, const Gradients& grads, AdamState& state,
                                 const AdamSettings& settings);

///@}

/// \name Exercises
///@{

/// \brief Forward propagation in training (C2 3.5): for each hidden layer
/// \f$ Z = W A \f$, batch norm with this mini-batch's \f$ \mu \f$ and \f$ \sigma^2 \f$ (or
/// \f$ Z + b \f$ without it), relu; then softmax of \f$ W^{[L]} A + b^{[L]} \f$.
/// \param[in] X a mini-batch, \f$ (n^{[0]}, m) \f$, m at least 2 with batch norm
/// \param[in] parameters as `check_parameters` wants them
/// \return \f$ A^{[L]} \f$ and the caches.
/// \throws ShapeError when X's rows are not \f$ n^{[0]} \f$, or the parameters are not a
///   network of this header.
///
/// Exercise `course2.forward_propagation_with_batchnorm`.
Forward forward_propagation(const Matrix& X, const Parameters& parameters);

/// \brief Backward propagation (C2 3.5): \f$ dZ^{[L]} = A^{[L]} - Y \f$, then layer by layer
/// \f$ dW \f$ (and \f$ db \f$ where there is a b), \f$ dA^{[l-1]} \f$, the relu's derivative,
/// and batch norm's backward.
/// \param[in] Y the labels one-hot, \f$ (n^{[L]}, m) \f$
/// \param[in] forward what `forward_propagation` returned for this mini-batch
/// \param[in] parameters the same parameters
/// \return the gradients, shaped as the parameters.
/// \throws ShapeError when Y is not the shape of \f$ A^{[L]} \f$ or the caches do not fit.
///
/// Exercise `course2.backward_propagation_with_batchnorm`.
Gradients backward_propagation(const Matrix& Y, const Forward& forward,
                               const Parameters& parameters);

///@}

/// \name Fashion-MNIST (given code)
///@{

/// The ten classes' examples, one per column.
struct Examples {
  Matrix X;       ///< pixels / 255, (784, m)
  Matrix labels;  ///< (1, m), 0..9
};

/// The training and the test examples.
struct Data {
  Examples train;  ///< the first `train_size` training images (all 60000 by default)
  Examples test;   ///< the 10000 test images
};

/// \brief Fashion-MNIST from `dir` (`default_fashion_mnist_dir()` by default), the first
/// `train_size` training images (0: all).
/// \throws DataError naming the file when one is missing, truncated or corrupt.
Data load_data(const std::string& dir, std::size_t train_size = 0);

/// The settings of one training run.
struct Options {
  LayerDims layers_dims = {784, 256, 128, 10};  ///< the network's sizes
  bool batch_norm = true;                       ///< batch norm in the hidden layers
  int epochs = 5;                               ///< passes over the training set
  int mini_batch_size = 64;                     ///< examples per step
  AdamSettings adam{0.002};  ///< the optimizer: Adam with alpha0 = 0.002 and the usual betas
  /// The learning rate decay of C2 2.9 after each epoch: in epoch e (1 for the first)
  /// \f$ \alpha = \alpha_0 / (1 + \text{decay\_rate} \cdot (e - 1)) \f$; 0 keeps it.
  double decay_rate = 1.0;
  double momentum = 0.9;   ///< the running averages' \f$ \beta \f$ (C2 3.7)
  std::uint32_t seed = 1;  ///< of the `RandomState` for the start and the orders
};

/// What one epoch measured.
struct EpochReport {
  int epoch = 0;                ///< 1 for the first
  double cost = 0.0;            ///< the mean cost of its mini-batches, weighted by their sizes
  double train_accuracy = 0.0;  ///< on its mini-batches, as they were trained (in training mode)
  double test_accuracy = 0.0;   ///< on the test set, at test time, after the epoch
  double seconds = 0.0;         ///< the training steps of the epoch, wall clock
};

/// A trained network.
struct Trained {
  Parameters parameters;            ///< after the last epoch
  Running running;                  ///< the batch-norm layers' running averages
  std::vector<EpochReport> epochs;  ///< one per epoch
  std::vector<double> step_costs;   ///< the cost of every mini-batch, in order
};

/// Called after every step with the step's number (1 for the first) and the forward pass it
/// trained on (the covariate-shift picture reads a hidden layer from it).
using StepObserver = std::function<void(long step, const Forward& forward)>;

/// \brief Trains a network on `data.train`, with the test accuracy after each epoch.
/// \param[in] data examples and labels
/// \param[in] options the settings
/// \param[in] out where each epoch's line goes:
///   `Epoch N: cost C, train accuracy A, test accuracy T`
/// \param[in] observe called after every step, when set
/// \throws std::invalid_argument for a setting out of range; TrainingDiverged when a cost is not
///   finite.
Trained train(const Data& data, const Options& options, std::ostream& out,
              const StepObserver& observe = {});

/// \brief The share of examples whose predicted class (the arg max of each column of
/// `probabilities`) is their label.
double accuracy(const Matrix& probabilities, const Matrix& labels);

/// \brief The confusion matrix: entry (i, j) counts the examples of class i predicted as j.
Matrix confusion_matrix(const Matrix& predictions, const Matrix& labels, int classes);

///@}

}  // namespace dlc::course2::fashion
