#include "common/toy_datasets.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

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

ToyData make_circles(RandomState& rng, std::size_t n_samples, double noise, double factor) {
  if (n_samples < 2) {
    throw std::invalid_argument("make_circles: n_samples is " + std::to_string(n_samples) +
                                " but must be at least 2 (a point on each circle)");
  }
  if (!(noise >= 0.0) || !std::isfinite(noise)) {
    throw std::invalid_argument("make_circles: noise is " + std::to_string(noise) +
                                " but must be a finite standard deviation, at least 0");
  }
  if (!(factor > 0.0 && factor < 1.0)) {
    throw std::invalid_argument("make_circles: factor is " + std::to_string(factor) +
                                " but the inner circle's radius must be in (0, 1)");
  }
  const std::size_t n_out = n_samples / 2;
  const std::size_t n_in = n_samples - n_out;
  const double two_pi = 2.0 * M_PI;
  ToyData circles{Matrix(2, n_samples), Matrix(1, n_samples)};
  for (std::size_t i = 0; i < n_out; ++i) {
    const double phi = static_cast<double>(i) * (two_pi / static_cast<double>(n_out));
    circles.X(0, i) = std::cos(phi);
    circles.X(1, i) = std::sin(phi);
    circles.Y(0, i) = 0.0;
  }
  for (std::size_t i = 0; i < n_in; ++i) {
    const double psi = static_cast<double>(i) * (two_pi / static_cast<double>(n_in));
    circles.X(0, n_out + i) = std::cos(psi) * factor;
    circles.X(1, n_out + i) = std::sin(psi) * factor;
    circles.Y(0, n_out + i) = 1.0;
  }
  const std::vector<std::size_t> order = rng.permutation(n_samples);  // sklearn's shuffle
  ToyData shuffled{Matrix(2, n_samples), Matrix(1, n_samples)};
  for (std::size_t i = 0; i < n_samples; ++i) {
    shuffled.X(0, i) = circles.X(0, order[i]);
    shuffled.X(1, i) = circles.X(1, order[i]);
    shuffled.Y(0, i) = circles.Y(0, order[i]);
  }
  for (std::size_t i = 0; i < n_samples; ++i) {  // normal(scale=noise, size=(n, 2)), row by row
    shuffled.X(0, i) += noise * rng.standard_normal();
    shuffled.X(1, i) += noise * rng.standard_normal();
  }
  return shuffled;
}

ToyData make_moons(RandomState& rng, std::size_t n_samples, double noise) {
  if (n_samples < 2) {
    throw std::invalid_argument("make_moons: n_samples is " + std::to_string(n_samples) +
                                " but must be at least 2 (a point on each moon)");
  }
  if (!(noise >= 0.0) || !std::isfinite(noise)) {
    throw std::invalid_argument("make_moons: noise is " + std::to_string(noise) +
                                " but must be a finite standard deviation, at least 0");
  }
  const std::size_t n_out = n_samples / 2;
  const std::size_t n_in = n_samples - n_out;
  const Matrix phi = linspace(0.0, M_PI, n_out);  // np.linspace(0, np.pi, n_samples_out)
  const Matrix psi = linspace(0.0, M_PI, n_in);   // np.linspace(0, np.pi, n_samples_in)
  ToyData moons{Matrix(2, n_samples), Matrix(1, n_samples)};
  for (std::size_t i = 0; i < n_out; ++i) {
    moons.X(0, i) = std::cos(phi(0, i));  // outer_circ_x = cos(phi)
    moons.X(1, i) = std::sin(phi(0, i));  // outer_circ_y = sin(phi)
    moons.Y(0, i) = 0.0;
  }
  for (std::size_t i = 0; i < n_in; ++i) {
    moons.X(0, n_out + i) = 1.0 - std::cos(psi(0, i));        // inner_circ_x = 1 - cos(psi)
    moons.X(1, n_out + i) = 1.0 - std::sin(psi(0, i)) - 0.5;  // inner_circ_y = 1 - sin(psi) - .5
    moons.Y(0, n_out + i) = 1.0;
  }
  const std::vector<std::size_t> order = rng.permutation(n_samples);  // sklearn's shuffle
  ToyData shuffled{moons.X.columns(order), moons.Y.columns(order)};
  for (std::size_t i = 0; i < n_samples; ++i) {  // normal(scale=noise, size=(n, 2)), row by row
    shuffled.X(0, i) += noise * rng.standard_normal();
    shuffled.X(1, i) += noise * rng.standard_normal();
  }
  return shuffled;
}

}  // namespace dlc
