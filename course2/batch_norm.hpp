/// \file
/// \brief Lectures C2 3.4-3.7: batch normalization, forward and backward through one layer, and
/// at test time.
///
/// This header's lectures on \ref course2_week3 "Course 2 week 3's page":
/// \ref lecture_c2_3_4 "C2 3.4", \ref lecture_c2_3_5 "C2 3.5" and \ref lecture_c2_3_7 "C2 3.7".
///
/// **Forward (C2 3.4).** For one layer and one mini-batch of m examples, normalize each unit's
/// \f$ z \f$ over the mini-batch, then let the network choose its mean and spread:
/// \f[ \mu = \frac{1}{m} \sum_i z^{(i)}, \qquad
///     \sigma^2 = \frac{1}{m} \sum_i (z^{(i)} - \mu)^2 \f]
/// \f[ z^{(i)}_{\text{norm}} = \frac{z^{(i)} - \mu}{\sqrt{\sigma^2 + \varepsilon}}, \qquad
///     \tilde z^{(i)} = \gamma\, z^{(i)}_{\text{norm}} + \beta \f]
/// row by row (one row is one unit): \f$ \mu \f$, \f$ \sigma^2 \f$, \f$ \gamma \f$ and
/// \f$ \beta \f$ are \f$ (n^{[l]}, 1) \f$. The variance is the biased one (divided by m, as
/// the lecture writes it). A layer that is normalized has no bias \f$ b^{[l]} \f$: subtracting
/// the mean removes it, and \f$ \beta^{[l]} \f$ takes its place (C2 3.5).
///
/// **Backward.** With \f$ d\tilde Z \f$ per example (the lecture's convention, as
/// \f$ dZ = A - Y \f$: the \f$ \frac{1}{m} \f$ comes with the parameters' gradients):
/// \f[ d\gamma = \frac{1}{m} \sum_i d\tilde z^{(i)} z^{(i)}_{\text{norm}}, \qquad
///     d\beta = \frac{1}{m} \sum_i d\tilde z^{(i)} \f]
/// and \f$ dZ \f$ through \f$ z_{\text{norm}} \f$, \f$ \sigma^2 \f$ and \f$ \mu \f$ (each term
/// is written out in the solution):
/// \f[ dz_{\text{norm}} = \gamma\, d\tilde z, \quad
///     d\sigma^2 = -\frac{1}{2} (\sigma^2 + \varepsilon)^{-3/2} \sum_i dz^{(i)}_{\text{norm}}
///     (z^{(i)} - \mu), \quad
///     d\mu = -\frac{1}{\sqrt{\sigma^2 + \varepsilon}} \sum_i dz^{(i)}_{\text{norm}} \f]
/// \f[ dz^{(i)} = \frac{dz^{(i)}_{\text{norm}}}{\sqrt{\sigma^2 + \varepsilon}} +
///     d\sigma^2 \frac{2 (z^{(i)} - \mu)}{m} + \frac{d\mu}{m} \f]
///
/// **At test time (C2 3.7).** One example has no mini-batch to take a mean over, so training
/// keeps exponentially weighted averages (C2 2.3) of each mini-batch's \f$ \mu \f$ and
/// \f$ \sigma^2 \f$, and a prediction normalizes with those:
/// \f[ \mu_{\text{run}} := \beta\, \mu_{\text{run}} + (1 - \beta)\, \mu^{\{t\}}, \qquad
///     \sigma^2_{\text{run}} := \beta\, \sigma^2_{\text{run}} + (1 - \beta)\, \sigma^{2\{t\}} \f]
/// with \f$ \beta \f$ = 0.9, from \f$ \mu_{\text{run}} = 0 \f$ and
/// \f$ \sigma^2_{\text{run}} = 1 \f$ (the values that leave z as it is, PyTorch's start).
#pragma once

#include <cstddef>

#include "common/matrix.hpp"

/// Batch normalization of one layer: forward in training, backward, and at test time.
namespace dlc::course2::batch_norm {

/// The lecture's \f$ \varepsilon \f$ in \f$ \sqrt{\sigma^2 + \varepsilon} \f$ (PyTorch's
/// default too).
inline constexpr double kEpsilon = 1e-5;

/// What backward needs from forward.
struct BatchNormCache {
  Matrix Z;        ///< the layer's input, (n, m)
  Matrix mu;       ///< the mini-batch's mean of each row, (n, 1)
  Matrix var;      ///< its variance \f$ \sigma^2 \f$ (divided by m), (n, 1)
  Matrix Z_norm;   ///< \f$ (Z - \mu) / \sqrt{\sigma^2 + \varepsilon} \f$, (n, m)
  Matrix gamma;    ///< the scale, (n, 1)
  double epsilon;  ///< \f$ \varepsilon \f$
};

/// What `batchnorm_forward` returns.
struct BatchNormForward {
  Matrix Z_tilde;        ///< \f$ \gamma Z_{\text{norm}} + \beta \f$, (n, m)
  BatchNormCache cache;  ///< for `batchnorm_backward`
};

/// What `batchnorm_backward` returns.
struct BatchNormGradients {
  Matrix dZ;      ///< per example, (n, m)
  Matrix dgamma;  ///< (n, 1), with the 1/m
  Matrix dbeta;   ///< (n, 1), with the 1/m
};

/// The running averages of one layer's \f$ \mu \f$ and \f$ \sigma^2 \f$, kept for test time.
struct RunningAverages {
  Matrix mu;   ///< (n, 1)
  Matrix var;  ///< (n, 1)
};

/// \brief Throws std::invalid_argument naming `what` unless \f$ \varepsilon > 0 \f$ and finite.
void check_epsilon(const char* what, double epsilon);

/// \brief Checks that gamma and beta are (n, 1) for a Z of n rows.
/// \throws ShapeError naming `what`, the matrix and both shapes.
void check_scale_shift(const char* what, const Matrix& Z, const Matrix& gamma, const Matrix& beta);

/// \brief Batch norm of one layer on one mini-batch, in training: \f$ \mu \f$,
/// \f$ \sigma^2 \f$, \f$ Z_{\text{norm}} \f$ and \f$ \tilde Z \f$ (this header's formulas).
/// \param[in] Z the layer's \f$ W^{[l]} A^{[l-1]} \f$, (n, m), m at least 2
/// \param[in] gamma, beta (n, 1)
/// \param[in] epsilon \f$ \varepsilon \f$, positive
/// \return \f$ \tilde Z \f$ and the cache.
/// \throws ShapeError when gamma or beta is not (n, 1); std::invalid_argument for an
///   epsilon that is not positive, or a mini-batch of one example (its variance is 0: every
///   \f$ z_{\text{norm}} \f$ would be 0, whatever the input).
///
/// Exercise `course2.batchnorm_forward`.
BatchNormForward batchnorm_forward(const Matrix& Z, const Matrix& gamma, const Matrix& beta,
                                   double epsilon = kEpsilon);

/// \brief Backward through batch norm: \f$ dZ \f$, \f$ d\gamma \f$ and \f$ d\beta \f$ from
/// \f$ d\tilde Z \f$ (this header's formulas).
/// \param[in] dZ_tilde the gradient of the cost with respect to \f$ \tilde Z \f$, per example,
///   (n, m)
/// \param[in] cache from `batchnorm_forward` on the same mini-batch
/// \throws ShapeError when dZ_tilde is not the shape of the cache's Z.
///
/// Exercise `course2.batchnorm_backward`.
BatchNormGradients batchnorm_backward(const Matrix& dZ_tilde, const BatchNormCache& cache);

/// \brief The running averages at their start: \f$ \mu = 0 \f$ and \f$ \sigma^2 = 1 \f$,
/// (n, 1) each.
RunningAverages initialize_running_averages(std::size_t n);

/// \brief One step of the running averages: \f$ \mu_{\text{run}} := \beta \mu_{\text{run}} +
/// (1 - \beta) \mu \f$, and the same for \f$ \sigma^2 \f$.
/// \param[in] running the averages so far
/// \param[in] mu, var this mini-batch's, from its cache, (n, 1)
/// \param[in] momentum \f$ \beta \f$, in [0, 1)
/// \throws ShapeError when the shapes differ; std::invalid_argument for a momentum outside
///   [0, 1).
///
/// Exercise `course2.update_running_averages`.
RunningAverages update_running_averages(RunningAverages running, const Matrix& mu,
                                        const Matrix& var, double momentum = 0.9);

/// \brief Batch norm at test time: \f$ \tilde Z = \gamma (Z - \mu_{\text{run}}) /
/// \sqrt{\sigma^2_{\text{run}} + \varepsilon} + \beta \f$, each example on its own (any m,
/// 1 included), the running averages left as they are.
/// \param[in] Z (n, m)
/// \param[in] gamma, beta (n, 1)
/// \param[in] running the averages training kept, (n, 1) each
/// \param[in] epsilon \f$ \varepsilon \f$, positive
/// \throws ShapeError when a shape does not fit; std::invalid_argument for an epsilon that is
///   not positive.
///
/// Exercise `course2.batchnorm_at_test_time`.
Matrix batchnorm_at_test_time(const Matrix& Z, const Matrix& gamma, const Matrix& beta,
                              const RunningAverages& running, double epsilon = kEpsilon);

}  // namespace dlc::course2::batch_norm
