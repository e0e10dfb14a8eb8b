/// \file
/// \brief Lectures C2 2.3-2.5: exponentially weighted averages, the running mean that momentum,
/// RMSprop and Adam keep of the gradients; how many values it averages, and its bias
/// correction.
///
/// This header's lectures on Course 2 week 2's page: \ref lecture_c2_2_3 "C2 2.3",
/// \ref lecture_c2_2_4 "C2 2.4" and \ref lecture_c2_2_5 "C2 2.5".
///
/// **The average (C2 2.3).** A noisy series \f$ \theta_1, \theta_2, \dots, \theta_T \f$ (the
/// lecture's daily temperatures) is smoothed by keeping one number, updated once per value:
/// \f[ v_0 = 0, \qquad v_t = \beta\, v_{t-1} + (1 - \beta)\, \theta_t \quad (t = 1, \dots, T) \f]
/// \f$ \beta \f$ in \f$ [0, 1) \f$ says how much of the past is kept. \f$ \beta = 0.9 \f$ gives
/// a smooth curve that follows the data; \f$ \beta = 0.98 \f$ a smoother one that lags behind
/// it (it adapts slowly when the temperature changes); \f$ \beta = 0.5 \f$ a noisy one that
/// follows every jump; \f$ \beta = 0 \f$ is the series itself.
///
/// **What it averages (C2 2.4).** Unrolled, \f$ v_t \f$ is a weighted sum of every value seen:
/// \f[ v_t = (1 - \beta) \sum_{i=1}^{t} \beta^{\,t-i}\, \theta_i \f]
/// The weights decay exponentially into the past: a value \f$ k \f$ days old weighs
/// \f$ \beta^k \f$ times the newest. Since \f$ \beta^{1/(1-\beta)} \approx 1/e \f$
/// (\f$ 0.9^{10} = 0.35 \f$, \f$ 0.98^{50} = 0.36 \f$), \f$ v_t \f$ averages roughly the last
/// \f$ 1/(1-\beta) \f$ values: about 10 days for 0.9, 50 for 0.98, 2 for 0.5. On a step (the
/// series jumps from 0 to 1) it covers \f$ 1 - 1/e \f$ of the jump after about that many
/// days. One number and one line per value, with no window of past values kept: that is why
/// the optimizers use it.
///
/// **Bias correction (C2 2.5).** Starting from \f$ v_0 = 0 \f$ pulls the first values towards
/// 0: \f$ v_1 = (1 - \beta)\theta_1 \f$, only 2 % of the first temperature for
/// \f$ \beta = 0.98 \f$. The weights of \f$ v_t \f$ add up to
/// \f$ (1 - \beta)\sum_{i=1}^{t} \beta^{t-i} = 1 - \beta^t \f$, not 1; dividing by that sum
/// removes the bias:
/// \f[ \hat v_t = \frac{v_t}{1 - \beta^t} = \frac{\sum_{i=1}^{t} \beta^{\,t-i}\,\theta_i}
///     {\sum_{i=1}^{t} \beta^{\,t-i}} \f]
/// which is exactly the mean of the values seen so far, weighted by \f$ \beta^{t-i} \f$. At
/// \f$ t = 1 \f$ it is \f$ \theta_1 \f$; as \f$ t \f$ grows \f$ \beta^t \to 0 \f$ and the
/// correction fades. (Here \f$ t \f$ counts from 1: the first value is divided by
/// \f$ 1 - \beta \f$, never by \f$ 1 - \beta^0 = 0 \f$.) Adam (C2 2.8) corrects both its
/// averages this way.
///
/// **Another start.** An article on these hyperparameters starts the average at the first value
/// instead, `v[0] = temp[0]`, so that the curve begins inside the data. That is
/// \f$ v_1 = \theta_1 \f$, then the same recursion; its first values weigh
/// \f$ \theta_1 \f$ with \f$ \beta^{t-1} \f$, much more than the bias-corrected average does.
/// `average_from_first_value` (given code) computes it, and `dlc run course2.ewa` shows it
/// beside the other two.
///
/// **The data.** `temperature_series(days, seed)` is built in: a seasonal curve in degrees
/// Fahrenheit, cold in January and warm in July as the lecture's London year, plus noise,
/// \f[ \theta_t = 55 - 20 \cos\!\left( \frac{2\pi (t - 15)}{365} \right) + 5\, z_t, \qquad
///     t = 1, \dots, \text{days} \f]
/// with \f$ z_1, \dots, z_{\text{days}} \f$ = `RandomState(seed).randn(1, days)` (numpy's
/// `np.random.seed(seed); np.random.randn(1, days)`), so that the series is the same on every
/// machine.
///
/// **Shapes.** A series is one row, (1, T), its value of day t in column t - 1; every function
/// returns (1, T), \f$ v_1 \f$ to \f$ v_T \f$ (\f$ v_0 = 0 \f$ is not returned).
///
/// **Expected output.** For \f$ \theta = (1, 2, 3) \f$ and \f$ \beta = 0.5 \f$:
/// `exponentially_weighted_average` gives (0.5, 1.25, 2.125) and `bias_corrected_average`
/// (1, 5/3, 17/7). `dlc run course2.ewa --solution` prints the first days of the built-in 200
/// days with \f$ \beta \f$ = 0.9, 0.98 and 0.5, the 0.98 average corrected and started at the
/// first value, and how many days each \f$ \beta \f$ averages; with `--plots DIR` it draws
/// `ewa_temperatures.png` and `ewa_bias_correction.png`.
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/matrix.hpp"

/// The exponentially weighted averages lesson's own functions.
namespace dlc::course2::exponentially_weighted_averages {

/// \brief The built-in series: `days` daily temperatures in degrees Fahrenheit,
/// \f$ \theta_t = 55 - 20 \cos(2\pi (t - 15) / 365) + 5 z_t \f$ with
/// \f$ z \f$ = `RandomState(seed).randn(1, days)` (given code).
/// \param[in] days how many days, from January 1st, at least 1
/// \param[in] seed the seed of the noise, as `np.random.seed(seed)`
/// \return the series, shape (1, days), day t in column t - 1.
/// \throws std::invalid_argument when `days` is 0.
Matrix temperature_series(std::size_t days = 200, std::uint32_t seed = 1);

/// \brief The exponentially weighted average of a series, started at 0:
/// \f$ v_0 = 0 \f$, \f$ v_t = \beta v_{t-1} + (1 - \beta) \theta_t \f$.
/// \param[in] theta the series \f$ \theta_1, \dots, \theta_T \f$, shape (1, T), T at least 1
/// \param[in] beta how much of the past is kept, \f$ 0 \le \beta < 1 \f$
/// \return \f$ v_1, \dots, v_T \f$, shape (1, T).
/// \throws ShapeError when theta is not one row; std::invalid_argument naming the function when
///   theta is empty or beta is outside [0, 1).
///
/// Exercise `course2.exponentially_weighted_average`.
Matrix exponentially_weighted_average(const Matrix& theta, double beta);

/// \brief The same average with its bias corrected:
/// \f$ \hat v_t = v_t / (1 - \beta^t) \f$, t counted from 1.
/// \param[in] theta the series, shape (1, T), T at least 1
/// \param[in] beta \f$ 0 \le \beta < 1 \f$
/// \return \f$ \hat v_1, \dots, \hat v_T \f$, shape (1, T); \f$ \hat v_1 = \theta_1 \f$, and each
///   \f$ \hat v_t \f$ is the mean of \f$ \theta_1, \dots, \theta_t \f$ weighted by
///   \f$ \beta^{t-i} \f$.
/// \throws as `exponentially_weighted_average` does, naming `bias_corrected_average`.
///
/// Exercise `course2.bias_corrected_average`.
Matrix bias_corrected_average(const Matrix& theta, double beta);

/// \brief The average started at the first value, as `v[0] = temp[0]` of the article:
/// \f$ v_1 = \theta_1 \f$, \f$ v_t = \beta v_{t-1} + (1 - \beta) \theta_t \f$ for
/// \f$ t \ge 2 \f$ (given code).
/// \param[in] theta the series, shape (1, T), T at least 1
/// \param[in] beta \f$ 0 \le \beta < 1 \f$
/// \return \f$ v_1, \dots, v_T \f$, shape (1, T).
/// \throws as `exponentially_weighted_average` does, naming `average_from_first_value`.
Matrix average_from_first_value(const Matrix& theta, double beta);

}  // namespace dlc::course2::exponentially_weighted_averages
