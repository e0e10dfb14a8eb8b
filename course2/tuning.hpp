/// \file
/// \brief Lectures C2 3.1-3.2: the tuning process. Random search rather than a grid, each
/// hyperparameter sampled on the scale it acts on (a learning rate on a log scale, a momentum's
/// \f$ \beta \f$ through \f$ 1 - \beta \f$), and coarse to fine: search a box, zoom to a smaller
/// box around the best trials, search again.
///
/// This header's lectures on \ref course2_week3 "Course 2 week 3's page":
/// \ref lecture_c2_3_1 "C2 3.1" and \ref lecture_c2_3_2 "C2 3.2".
///
/// **Grid against random (C2 3.1).** With two hyperparameters of which only one matters (the
/// learning rate \f$ \alpha \f$, say, against Adam's \f$ \varepsilon \f$), a 5 x 5 grid trains
/// 25 models but tries only 5 values of \f$ \alpha \f$; 25 random points try 25. Nobody knows
/// beforehand which hyperparameter matters most for a new problem, so random points are the
/// safer bet.
///
/// **The right scale (C2 3.2).** Drawing \f$ \alpha \f$ uniformly from
/// \f$ [10^{-4}, 1] \f$ spends 90 % of the trials in \f$ [0.1, 1] \f$. Drawn uniformly in its
/// exponent, each decade gets the same share:
/// \f[ r = \log_{10}(\text{high}) + (\log_{10}(\text{low}) - \log_{10}(\text{high}))\, u,
///     \qquad \alpha = 10^r \f]
/// for \f$ u \f$ uniform in \f$ [0, 1) \f$; for \f$ [10^{-4}, 1] \f$ this is the lecture's
/// \f$ r = -4 \cdot \text{rand}() \f$. An average's \f$ \beta \f$ acts through
/// \f$ 1 / (1 - \beta) \f$, the number of values it averages over, which changes fast near 1
/// (0.999 to 0.9995 doubles it, 0.9 to 0.9005 hardly moves it), so \f$ 1 - \beta \f$ is drawn on
/// the log scale:
/// \f[ r = \log_{10}(1 - \text{low}) + (\log_{10}(1 - \text{high}) - \log_{10}(1 - \text{low}))\,
///     u, \qquad \beta = 1 - 10^r \f]
/// (for \f$ [0.9, 0.999] \f$, \f$ r \f$ runs over \f$ [-3, -1] \f$).
///
/// **Coarse to fine (C2 3.1).** After a first search over a large box, `zoom` returns the
/// smallest box around the best trials (on each axis's own scale: in \f$ \log_{10} \f$ for a log
/// axis), widened by `kZoomMargin` of its width on each side and clipped to the first box; the
/// second search spends its trials there.
///
/// **Expected output.** `sample_log_uniform(1e-4, 1, u)` for u = 0, 0.25, 0.5, 0.75 gives 1,
/// 0.09999999999999999, 0.01, 0.001 (as numpy does); `sample_beta(0.9, 0.999, u)` for u = 0,
/// 0.5 gives 0.9 and 0.99. `dlc run course2.sampling_scale --solution` puts 0.1021 of 10000
/// uniform samples of [0.0001, 1] in [0.0001, 0.1] and 0.745 of the log-scale ones.
/// `dlc run course2.grid_vs_random --solution` (1000 epochs per trial on the moons) prints
/// `best accuracy: 0.94 at alpha = 0.01778, epsilon = 1e-10` for the 5 x 5 grid and
/// `best accuracy: 0.9433333333333334 at alpha = 0.00561, epsilon = 2.64e-10` for 25 random
/// points; `dlc run course2.coarse_to_fine --solution` zooms from alpha in [0.0001, 1] to
/// [0.005017, 0.03004], and the median trial improves from 0.9366666666666666 in round 1 to
/// 0.94 in round 2.
#pragma once

#include <cstdint>

#include "common/matrix.hpp"

/// The tuning process: sampling hyperparameters, grids, random points, coarse to fine.
namespace dlc::course2::tuning {

/// One hyperparameter's range, searched on a linear or a log scale.
struct Axis {
  double low = 0.0;   ///< the smallest value, below high; above 0 on a log scale
  double high = 1.0;  ///< the largest value
  bool log = false;   ///< searched in \f$ \log_{10} \f$ (each decade alike) rather than linearly
};

/// The box of two hyperparameters a search covers: x and y, each on its own scale.
struct Box {
  Axis x;  ///< the first hyperparameter (row 0 of the points)
  Axis y;  ///< the second hyperparameter (row 1 of the points)
};

/// The share of the zoomed box's width added on each side by `zoom`.
inline constexpr double kZoomMargin = 0.1;

/// \name Exercises
///@{

/// \brief Samples on a log scale: for each uniform draw \f$ u \f$ in \f$ [0, 1) \f$,
/// \f$ r = \log_{10}(\text{high}) + (\log_{10}(\text{low}) - \log_{10}(\text{high}))\, u \f$
/// and the sample is \f$ 10^r \f$.
/// \param[in] low the range's lower end, above 0
/// \param[in] high the range's upper end, above low
/// \param[in] u uniform draws in \f$ [0, 1) \f$, any shape (`RandomState::rand`)
/// \return the samples, of u's shape, in (low, high]; u = 0 gives high. For [1e-4, 1] and
///   u = 0.25, 0.5, 0.75: 0.1, 0.01, 0.001.
/// \throws std::invalid_argument for a range that includes 0 (low not above 0), is empty or
///   reversed (low not below high) or is not finite, and for a u outside [0, 1), naming it.
///
/// Exercise `course2.sample_log_uniform`.
Matrix sample_log_uniform(double low, double high, const Matrix& u);

/// \brief Samples a \f$ \beta \f$ with \f$ 1 - \beta \f$ on a log scale: for each \f$ u \f$,
/// \f$ r = \log_{10}(1 - \text{low}) + (\log_{10}(1 - \text{high}) - \log_{10}(1 - \text{low}))\,
/// u \f$ and \f$ \beta = 1 - 10^r \f$.
/// \param[in] low the smallest \f$ \beta \f$, 0 or more
/// \param[in] high the largest, above low and below 1
/// \param[in] u uniform draws in \f$ [0, 1) \f$, any shape
/// \return the samples, of u's shape, in [low, high); u = 0 gives low. For [0.9, 0.999],
///   r runs over [-3, -1] and u = 0.5 gives 0.99.
/// \throws std::invalid_argument for low below 0, high not below 1, an empty or reversed range,
///   and a u outside [0, 1).
///
/// Exercise `course2.sample_beta`.
Matrix sample_beta(double low, double high, const Matrix& u);

/// \brief Coarse to fine: the smallest box around the best trials, widened and clipped.
///
/// The best `keep` share of the trials (the \f$ \lceil \text{keep} \cdot n \rceil \f$ highest
/// scores; on a tie the earlier trial first) give, on each axis's own scale (\f$ \log_{10} \f$
/// of the values on a log axis), the smallest interval \f$ [s_{min}, s_{max}] \f$ holding them.
/// It is widened by \f$ m = \text{kZoomMargin} \cdot (s_{max} - s_{min}) \f$ on each side (when
/// the kept values are all equal, \f$ m \f$ is kZoomMargin of the box's own width on that
/// scale), taken back from the scale (\f$ 10^s \f$ on a log axis) and clipped to the box.
/// \param[in] box the box searched; the zoomed box keeps its scales
/// \param[in] points the trials, shape (2, n), n at least 1: row 0 the x values, row 1 the y
/// \param[in] scores the trials' scores, shape (1, n), higher is better, finite
/// \param[in] keep the share of the trials kept, in (0, 1]
/// \return the zoomed box, inside `box`.
/// \throws ShapeError for points that are not (2, n) or scores not (1, n);
///   std::invalid_argument for a bad box, a keep outside (0, 1], a score that is not finite, or
///   a point that is not finite (or not above 0 on a log axis).
///
/// Exercise `course2.zoom_box`.
Box zoom(const Box& box, const Matrix& points, const Matrix& scores, double keep);

///@}

/// \name Given code
///@{

/// \brief Throws std::invalid_argument naming `what` and the axis unless each axis's range is
/// finite and low < high, and a log axis's low is above 0
/// (`grid_points: the box's x range [0, 0.1] includes 0 but x is on a log scale`).
void check_box(const char* what, const Box& box);

/// \brief A grid of `per_axis` x `per_axis` points: on each axis `per_axis` values evenly spaced
/// on its scale from low to high, ends included (`np.linspace`, or `np.logspace` of the
/// exponents on a log axis).
/// \param[in] box the box, each axis on its scale
/// \param[in] per_axis values per axis, at least 2
/// \return the points, shape (2, per_axis^2): column \f$ i \cdot k + j \f$ is
///   (x value i, y value j), k = per_axis. A 5 x 5 grid tries 5 values of each hyperparameter.
/// \throws std::invalid_argument for a bad box or per_axis below 2.
Matrix grid_points(const Box& box, int per_axis);

/// \brief `count` random points, each axis sampled on its scale from the draws of
/// `RandomState(seed).rand(2, count)`: row 0's draws give x, row 1's give y; a log axis by
/// `sample_log_uniform(low, high, u)`, a linear one as \f$ \text{low} + (\text{high} -
/// \text{low})\, u \f$.
/// \param[in] box the box, each axis on its scale
/// \param[in] count the number of points, at least 1
/// \param[in] seed the random numbers' seed, as `np.random.seed`
/// \return the points, shape (2, count). 25 points try 25 values of each hyperparameter.
/// \throws std::invalid_argument for a bad box or a count below 1.
Matrix random_points(const Box& box, int count, std::uint32_t seed);

///@}

}  // namespace dlc::course2::tuning
