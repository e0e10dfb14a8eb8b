/// \file
/// \brief Lectures 4.1-4.6 put to work: the course's cat classifier, a two-layer and an
/// L-layer network trained by gradient descent on real images, as the notebook *Deep Neural
/// Network - Application* writes them.
///
/// This header's lectures on \ref week4 "week 4's page": \ref week4_cat "the cat notebook",
/// built on \ref lecture_4_5 "4.5".
///
/// **The models.** `two_layer_model` is LINEAR -> RELU -> LINEAR -> SIGMOID with
/// `initialize_parameters`; `L_layer_model` is [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID
/// with `initialize_parameters_deep` (`randn / sqrt(n[l-1])`). Each iteration is the four steps
/// of lecture 4.5: forward, cost, backward, update. X is \f$ (n_x, m) \f$ (flattened images
/// scaled to [0, 1]) and Y is \f$ (1, m) \f$ of 0/1.
///
/// **Expected output** (the course's cat files, `dlc run week4.deep --solution --data-dir DIR`,
/// layers 12288,20,7,5,1, learning rate 0.0075, 2500 iterations, seed 1):
/// `Cost after iteration 0: 0.7717493284237686`, `100: 0.6720534400822914`, ...,
/// `2400: 0.09287821526472395`, `2499: 0.088439943441702`, then `Accuracy: 0.9856459330143539`
/// on the training set and `Accuracy: 0.8` on the test set. `dlc run week4.two_layer
/// --solution` (12288,7,1) prints `0: 0.6930497356599888` ... `2499: 0.04421498215868956`,
/// `Accuracy: 0.9999999999999998` and `Accuracy: 0.72`. The last digit or two of the 16-digit
/// costs may differ on another BLAS; six decimals agree.
///
/// **Speed.** Every product is one BLAS call. The loop is written as the notebook's, values in
/// and values out: copies of a `Matrix` share its storage, and a product nobody reads (the
/// gradient with respect to X of layer 1) is never computed. `bench/deep_vs_numpy.sh` times it
/// against the notebook's numpy code.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "common/datasets.hpp"
#include "common/matrix.hpp"
#include "week4/deep_network.hpp"
#include "week4/dimensions.hpp"

namespace dlc::week4 {

/// The notebook's given preparation of images, `x.reshape(m, -1).T / 255.` (in common/).
using dlc::image_matrix;

/// Called after every iteration with its number and its cost (progress bars, cost curves).
using Observer = std::function<void(long iteration, double cost)>;

/// \brief Checks a training set against the layer sizes: `layer_dims` valid, its first entry
/// equal to X's rows (the features), its last equal to 1 (one sigmoid output), Y `(1, m)` with
/// every label 0 or 1, and every entry of X finite. Given code.
/// \throws std::invalid_argument or ShapeError with one message naming what was expected, e.g.
///   `L_layer_model: layer_dims[0] is 784 but X has 12288 rows (features); the first layer size
///   must be the number of features`.
void check_training_data(const char* what, const Matrix& X, const Matrix& Y,
                         const LayerDims& layer_dims);

/// What the two models return: the notebook's `parameters, costs`.
struct TrainedModel {
  Parameters parameters;      ///< the trained W[l], b[l]
  std::vector<double> costs;  ///< the cost of iterations 0, 100, 200, ...: one per 100 iterations
};

/// \brief The two-layer model: `RandomState rng(seed)`, `initialize_parameters`, then
/// `num_iterations` of linear_activation_forward (relu, then sigmoid), compute_cost,
/// dA2 = -(Y / A2 - (1 - Y) / (1 - A2)), linear_activation_backward (sigmoid, then relu),
/// update_parameters.
/// \param[in] X examples, \f$ (n_x, m) \f$
/// \param[in] Y labels, \f$ (1, m) \f$ of 0/1
/// \param[in] layers_dims `{n_x, n_h, n_y}` with n_x = X's rows and n_y = 1
/// \param[in] learning_rate \f$ \alpha > 0 \f$
/// \param[in] num_iterations gradient-descent steps, 0 or more
/// \param[in] print_cost print `Cost after iteration i: J` (J as Python prints a float) every
///   100 iterations and after the last
/// \param[in] seed seed of the initialization (1 in the notebook)
/// \param[in] observe when set, called after every iteration with its cost
/// \return `{parameters, costs}`: the trained parameters, and the cost of every 100th
///   iteration (0, 100, ...), as the notebook's `costs` list records it.
/// \throws TrainingDiverged naming the iteration and the learning rate when the cost stops
///   being finite.
///
/// Exercise `week4.two_layer_model`.
TrainedModel two_layer_model(const Matrix& X, const Matrix& Y, const LayerDims& layers_dims,
                             double learning_rate = 0.0075, long num_iterations = 3000,
                             bool print_cost = false, std::uint32_t seed = 1,
                             const Observer& observe = nullptr);

/// \brief The L-layer model: `RandomState rng(seed)`, `initialize_parameters_deep`, then
/// `num_iterations` of L_model_forward, compute_cost, L_model_backward, update_parameters.
/// Arguments and result as for `two_layer_model`, with `layers_dims` of any length of at
/// least 2: `auto [parameters, costs] = L_layer_model(X, Y, layers_dims, 0.0075, 2500, true);`.
///
/// Exercise `week4.L_layer_model`.
TrainedModel L_layer_model(const Matrix& X, const Matrix& Y, const LayerDims& layers_dims,
                           double learning_rate = 0.0075, long num_iterations = 3000,
                           bool print_cost = false, std::uint32_t seed = 1,
                           const Observer& observe = nullptr);

/// \brief Predictions of a trained network: 1 where \f$ A^{[L]} > 0.5 \f$, else 0, as the
/// notebook's `predict(X, y, parameters)` computes them (its printed accuracy is `accuracy`).
/// \param[in] X examples, \f$ (n_x, m) \f$
/// \param[in] parameters a trained network (two-layer or L-layer)
/// \return \f$ (1, m) \f$ of 0.0 and 1.0.
///
/// Exercise `week4.predict`.
Matrix predict(const Matrix& X, const Parameters& parameters);

/// \brief The fraction of predictions equal to the labels, computed as the notebook prints
/// it, `np.sum((p == y) / m)` (numpy's pairwise sum, hence `0.9999999999999998` for 209 right
/// answers out of 209). Given code.
/// \param[in] p predictions, \f$ (1, m) \f$
/// \param[in] Y labels, \f$ (1, m) \f$
double accuracy(const Matrix& p, const Matrix& Y);

}  // namespace dlc::week4
