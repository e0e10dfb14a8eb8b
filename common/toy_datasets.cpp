#include "common/toy_datasets.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

#include "common/random.hpp"

namespace dlc {

Matrix linspace(double start, double stop, std::size_t num) {
  Matrix y(1, num);
  if (num == 0) return y;
  if (num == 1) {
    y(0, 0) = start;
    return y;
  }
  const double step = (stop - start) / static_cast<double>(num - 1);
  for (std::size_t i = 0; i < num; ++i) y(0, i) = static_cast<double>(i) * step + start;
  y(0, num - 1) = stop;
  return y;
}

ToyData planar_flower(std::uint32_t seed, std::size_t m) {
  if (m < 2 || m % 2 != 0) {
    throw std::invalid_argument("planar_flower: m is " + std::to_string(m) +
                                " but must be even and at least 2 (two classes of m / 2)");
  }
  RandomState rng(seed);
  const std::size_t N = m / 2;
  const double a = 4.0;  // the petals' length
  ToyData d{Matrix(2, m), Matrix(1, m)};
  for (std::size_t j = 0; j < 2; ++j) {
    const double jd = static_cast<double>(j);
    const Matrix t = linspace(jd * 3.12, (jd + 1.0) * 3.12, N) + rng.randn(1, N) * 0.2;
    const Matrix r = a * sin(4.0 * t) + rng.randn(1, N) * 0.2;
    for (std::size_t i = 0; i < N; ++i) {
      const std::size_t col = N * j + i;
      d.X(0, col) = r(0, i) * std::sin(t(0, i));
      d.X(1, col) = r(0, i) * std::cos(t(0, i));
      d.Y(0, col) = jd;
    }
  }
  return d;
}

}  // namespace dlc
