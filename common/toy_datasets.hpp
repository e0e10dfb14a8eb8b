/// \file
/// \brief Small two-dimensional data sets made by formula from a seeded `RandomState`, number
/// for number as the course's notebooks make them with numpy.
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/matrix.hpp"

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

}  // namespace dlc
