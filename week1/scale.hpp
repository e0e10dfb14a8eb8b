/// \file
/// \brief Lecture 1.4: why deep learning is taking off. Scale, measured: the test accuracy of
/// logistic regression and of small, medium and large networks against the number of training
/// examples.
///
/// This header's lectures on \ref week1 "week 1's page": \ref lecture_1_4 "1.4".
///
/// **The lecture's claim.** Plot a model's performance against the amount of labelled data
/// \f$ m \f$. With little data every method does about as well as every other (what decides is
/// how well features are engineered). As \f$ m \f$ grows, a traditional learner such as logistic
/// regression levels off: one linear boundary can only use so much data. A small network keeps
/// improving for longer, a medium one longer still, and a large one longest. Reaching the top
/// right of that figure takes both a large network and a lot of data; digitized data and faster
/// computers (and algorithms that train faster, such as ReLU in place of the sigmoid) made both
/// possible, which is why deep learning took off when it did.
///
/// **Logistic regression is a one-layer network.** With `layers_dims = {n_x, 1}`, `L_layer_model`
/// has no hidden layer: its forward pass is \f$ \hat{Y} = \sigma(W^{[1]} X + b^{[1]}) \f$, its
/// cost is the cross-entropy of lecture 2.3, and its backward pass gives
/// \f$ dW^{[1]} = \frac{1}{m} (A^{[1]} - Y) X^T \f$ and
/// \f$ db^{[1]} = \frac{1}{m} \sum (A^{[1]} - Y) \f$: week 2's logistic regression, with
/// \f$ w = W^{[1]T} \f$ (only the start differs: random small weights instead of zeros, which
/// does not matter for a convex cost). So one function trains every model of the figure.
///
/// **The experiment** (`learning_curve`). The training examples are put in a *balanced, seeded*
/// order (`balanced_order`): each class shuffled by `RandomState(seed)`, then the two classes
/// taken in turn, so that the first m examples are half of each class for every m. For each
/// size m, each model is trained on those first m examples, with the same learning rate, number
/// of iterations and seed, and measured on the same fixed test set. The curves are then
/// test accuracy against m, one per model.
///
/// **Expected output.** `dlc run week1.scale --solution` trains the four models of
/// `default_scale_models()` on Fashion-MNIST shirts against T-shirts/tops for m = 16, 64, 256,
/// 1024 and 3000 (learning rate 0.2, 200 iterations) and prints a table of test accuracies: all
/// four near 0.74 at m = 16; at m = 3000 logistic regression 0.8025, the small network 0.824,
/// the medium 0.8265 and the large 0.831. Then it draws the four curves with m on a logarithmic
/// axis.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/matrix.hpp"
#include "week4/dimensions.hpp"

namespace dlc::week1 {

/// One model of the comparison: a name for tables and legends, and its hidden layers.
struct ScaleModel {
  std::string name;         ///< `"logistic regression"`, `"small network (784-4-1)"` ...
  std::vector<int> hidden;  ///< \f$ n^{[1]}, \dots, n^{[L-1]} \f$; empty: logistic regression
};

/// \brief The four models of the lecture's figure, from the traditional learner to the large
/// network: logistic regression (no hidden layer), a small network (4 hidden units), a medium
/// one (16) and a large one (64 and 16 units in two hidden layers). Given code.
/// \param[in] n_x the number of features, only for the names (`"small network (784-4-1)"`)
std::vector<ScaleModel> default_scale_models(std::size_t n_x);

/// \brief The layer sizes of `model` on inputs of `n_x` features: `{n_x, hidden..., 1}`. Given
/// code.
/// \throws std::invalid_argument naming the model when a hidden size is below 1.
week4::LayerDims layers_of(const ScaleModel& model, std::size_t n_x);

/// \brief The balanced, seeded order of the training examples. Given code.
///
/// `RandomState rng(seed)` shuffles the indices of the examples labelled 0 (`rng.shuffle`, in
/// file order before), then those labelled 1; the order takes one of each in turn, 0 first,
/// and the rest of the larger class at the end. Every prefix of even length 2k, up to twice the
/// smaller class, holds k examples of each class.
/// \param[in] Y labels, \f$ (1, m) \f$ of 0/1
/// \param[in] seed the shuffle's seed
/// \return the m column indices of Y, each once.
/// \throws ShapeError unless Y is \f$ (1, m) \f$; std::invalid_argument for a label that is not
///   0 or 1.
std::vector<std::size_t> balanced_order(const Matrix& Y, std::uint32_t seed);

/// \brief The columns `order[0], ..., order[m-1]` of `A`, in that order: the first m examples
/// of an order, as numpy's `A[:, order[:m]]`. Given code.
/// \throws std::invalid_argument when m exceeds the order's length or an index is out of range.
Matrix first_columns(const Matrix& A, const std::vector<std::size_t>& order, std::size_t m);

/// How every model is trained (the same for all, so that only the model and m differ).
struct ScaleSettings {
  double learning_rate = 0.2;  ///< \f$ \alpha \f$ of every run
  long num_iterations = 200;   ///< gradient-descent steps of every run
  std::uint32_t seed = 1;      ///< of `balanced_order` and of every initialization
};

/// One measurement: a model trained on m examples.
struct ScalePoint {
  std::size_t m = 0;            ///< training examples used
  double train_accuracy = 0.0;  ///< on those m examples
  double test_accuracy = 0.0;   ///< on the whole test set
};

/// A model's learning curve: one point per training-set size, in the order of the sizes.
struct LearningCurve {
  ScaleModel model;                ///< which model
  week4::LayerDims layers_dims;    ///< its `{n_x, hidden..., 1}`
  std::vector<ScalePoint> points;  ///< one per size
};

/// Called after every model trained, with the curve it belongs to and the point just measured
/// (progress displays).
using ScaleObserver = std::function<void(const LearningCurve& curve, const ScalePoint& point)>;

/// \brief Test accuracy against the number of training examples, for every model.
///
/// With `order = balanced_order(Y_train, settings.seed)`, for each size m of `sizes` (outer
/// loop) and each model (inner loop): the first m examples of the order,
/// `X_m = first_columns(X_train, order, m)` and `Y_m` likewise; then
/// `L_layer_model(X_m, Y_m, layers_of(model, n_x), ...)` with the settings' learning rate,
/// iterations and seed; then the accuracy of `predict` on `X_m` (train) and on `X_test` (test).
/// \param[in] X_train, Y_train the training set, \f$ (n_x, m_{train}) \f$ and \f$ (1, m_{train})
///   \f$ of 0/1
/// \param[in] X_test, Y_test the fixed test set, \f$ (n_x, m_{test}) \f$ and \f$ (1, m_{test}) \f$
/// \param[in] models at least one
/// \param[in] sizes at least one; each from 2 to the number of training examples
/// \param[in] settings learning rate, iterations and seed of every run
/// \param[in] observe when set, called after each model is measured
/// \return one curve per model, in the order of `models`, each with one point per size.
/// \throws std::invalid_argument or ShapeError for bad input, before any training;
///   TrainingDiverged when a run diverges.
///
/// Exercise `week1.learning_curve`.
std::vector<LearningCurve> learning_curve(const Matrix& X_train, const Matrix& Y_train,
                                          const Matrix& X_test, const Matrix& Y_test,
                                          const std::vector<ScaleModel>& models,
                                          const std::vector<std::size_t>& sizes,
                                          const ScaleSettings& settings,
                                          const ScaleObserver& observe = nullptr);

}  // namespace dlc::week1
