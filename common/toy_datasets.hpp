/// \file
/// \brief Small two-dimensional data sets made by formula from a seeded `RandomState`, number
/// for number as the course's notebooks make them with numpy.
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/matrix.hpp"
#include "common/random.hpp"

namespace dlc {

/// Examples and labels of a toy set: X is (2, m), one point per column; Y is (1, m) of 0/1.
struct ToyData {
  Matrix X;  ///< points, shape (2, m)
  Matrix Y;  ///< labels, shape (1, m)
};

/// \brief numpy's `np.linspace(start, stop, num)` as a (1, num) row: entry i is
/// `i * step + start` with `step = (stop - start) / (num - 1)`, and the last entry is `stop`.
Matrix linspace(double start, double stop, std::size_t num);

/// \brief The planar "flower" of the week 3 notebook (`load_planar_dataset`).
///
/// With `RandomState(seed)` and N = m / 2 points per class, for class j = 0, 1:
/// \f[ t = \mathrm{linspace}(3.12 j,\ 3.12 (j + 1),\ N) + 0.2\,\varepsilon_t, \qquad
///     r = 4 \sin(4t) + 0.2\,\varepsilon_r \f]
/// where the N noises \f$ \varepsilon_t \f$ are drawn before the N noises
/// \f$ \varepsilon_r \f$, and the points are \f$ (r \sin t,\ r \cos t) \f$ with label j (class 0
/// first). Seed 1 and m = 400 give the notebook's data set exactly.
/// \param[in] seed the seed of `np.random.seed`
/// \param[in] m the number of points, even and at least 2
ToyData planar_flower(std::uint32_t seed = 1, std::size_t m = 400);

/// \brief scikit-learn's `make_circles(n_samples, noise=noise, factor=factor)` drawing from
/// `rng`, as the Course 2 initialization notebook calls it after `np.random.seed(1)` (training,
/// 300 points) and `np.random.seed(2)` (test, 100 points).
///
/// The n_out = n_samples / 2 (rounded down) points of the outer circle and the
/// n_in = n_samples - n_out of the inner one are evenly spaced in angle,
/// \f[ (\cos \phi_i, \sin \phi_i), \quad \phi_i = 2\pi i / n_{out}; \qquad
///     f \cdot (\cos \psi_i, \sin \psi_i), \quad \psi_i = 2\pi i / n_{in}, \f]
/// labelled 0 (outer) and 1 (inner); their order is shuffled (`rng.shuffle` of 0..n-1, as
/// scikit-learn's `shuffle`), then noise \f$ \mathcal{N}(0, \texttt{noise}^2) \f$ is added
/// to x1 and x2 of each point in turn.
/// \param[in,out] rng the generator
/// \param[in] n_samples the number of points, at least 2
/// \param[in] noise the standard deviation of the noise, at least 0
/// \param[in] factor the inner circle's radius, in (0, 1)
/// \throws std::invalid_argument for any other value.
ToyData make_circles(RandomState& rng, std::size_t n_samples, double noise, double factor = 0.8);

/// \brief scikit-learn's `make_moons(n_samples, noise=noise)` drawing from `rng`, as the
/// Course 2 optimization notebook calls it after `np.random.seed(3)` (300 points, noise 0.2).
///
/// The n_out = n_samples / 2 (rounded down) points of the upper moon and the
/// n_in = n_samples - n_out of the lower one are evenly spaced in angle over \f$ [0, \pi] \f$
/// (`np.linspace(0, pi, n)`),
/// \f[ (\cos \phi_i, \sin \phi_i) \ \text{(label 0)}, \qquad
///     (1 - \cos \psi_i,\ 1 - \sin \psi_i - 0.5) \ \text{(label 1)}; \f]
/// their order is shuffled (`rng.permutation`, as scikit-learn's `shuffle`), then noise
/// \f$ \mathcal{N}(0, \texttt{noise}^2) \f$ is added to x1 and x2 of each point in turn.
/// \param[in,out] rng the generator
/// \param[in] n_samples the number of points, at least 2
/// \param[in] noise the standard deviation of the noise, at least 0
/// \throws std::invalid_argument for any other value.
ToyData make_moons(RandomState& rng, std::size_t n_samples, double noise);

}  // namespace dlc
