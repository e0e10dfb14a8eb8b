// Tests of lectures 3.6 and 3.8: sigmoid, tanh, ReLU and leaky ReLU, and their derivatives.
// Each derivative is compared with a centred difference of its activation at many points away
// from 0, and its value at exactly 0 is checked on its own.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>

#include "common/random.hpp"
#include "tests/support/compare.hpp"
#include "week3/activations.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::week3;

namespace {

// Points where every derivative exists: a grid over [-6, 6] plus random points, none closer to
// 0 than 1e-3 (the kink of ReLU and leaky ReLU). Non-square, so the shape is checked too.
Matrix test_points() {
  dlc::RandomState rng(38);
  Matrix z = rng.randn(6, 20) * 2.5;
  for (std::size_t k = 0; k < 20; ++k) z(0, k) = -6.0 + 12.0 * static_cast<double>(k) / 19.0;
  for (std::size_t k = 0; k < z.size(); ++k) {
    double& v = z.data()[k];
    if (std::fabs(v) < 1e-3) v = v < 0.0 ? -0.5 : 0.5;
  }
  return z;
}

// The centred difference (g(z + h) - g(z - h)) / 2h, entry by entry.
Matrix centred_difference(const std::function<Matrix(const Matrix&)>& g, const Matrix& z) {
  const double h = 1e-6;
  return (g(z + h) - g(z - h)) / (2.0 * h);
}

// Large |z|, (2, 3): where e^z or e^-z overflows to infinity (|z| > 709), so that formulas
// written with both, such as e^z / (1 + e^z) or (e^z - e^-z) / (e^z + e^-z), give inf / inf =
// NaN, while the course's formulas stay finite.
const Matrix kWide{{-1000.0, -800.0, -50.0}, {50.0, 800.0, 1000.0}};

}  // namespace

//! [sigmoid]
TEST_CASE("sigmoid: 1 / (1 + e^-z)", "[week3.sigmoid]") {
  // sigma(0) = 1/2; sigma(2) = 1 / (1 + e^-2) = 0.8807970779778823 (Python's math module).
  CHECK_THAT(sigmoid(Matrix{{0.0, 2.0}}),
             IsClose(Matrix{{0.5, 0.8807970779778823}}, 1e-15, "sigma(z) = 1 / (1 + e^-z)"));
  const Matrix z = test_points();
  CHECK_THAT(sigmoid(-z), IsClose(1.0 - sigmoid(z), 1e-15, "sigma(-z) = 1 - sigma(z)"));
  CHECK(sigmoid(z).shape() == z.shape());
}
//! [sigmoid]

TEST_CASE("sigmoid: saturates to 0 and 1 without NaN at |z| up to 1000", "[week3.sigmoid]") {
  // 1 / (1 + e^-z): e^1000 = inf gives 1 / inf = 0; e^-1000 = 0 gives 1. sigma(-50) = 1 / (1 +
  // e^50) = 1.9287498479639176e-22 (numpy), sigma(50) = 1 - 1.9e-22 rounds to 1.
  CHECK_THAT(sigmoid(kWide), IsClose(Matrix{{0.0, 0.0, 1.9287498479639176e-22}, {1.0, 1.0, 1.0}},
                                     1e-15, "sigma(z) = 1 / (1 + e^-z) at large |z|"));
}

//! [sigmoid_derivative]
TEST_CASE("sigmoid_derivative: sigma'(z) = a(1 - a)", "[week3.sigmoid_derivative]") {
  // At 0: a = 1/2, a(1 - a) = 1/4, the largest slope. At 2: a = 0.8807970779778823, so
  // a(1 - a) = 0.10499358540350662 (Python). z(1 - z) would give 0 and -2.
  CHECK_THAT(sigmoid_derivative(Matrix{{0.0, 2.0}}),
             IsClose(Matrix{{0.25, 0.10499358540350662}}, 1e-15, "sigma'(z) = a(1 - a)"));
  const Matrix z = test_points();
  CHECK_THAT(sigmoid_derivative(z),
             IsClose(centred_difference(sigmoid, z), 1e-8, "sigma'(z) = a(1 - a), numerically"));
  CHECK(sigmoid_derivative(z).shape() == z.shape());
}
//! [sigmoid_derivative]

TEST_CASE("sigmoid_derivative: 0, not NaN, at |z| up to 1000", "[week3.sigmoid_derivative]") {
  // a (1 - a) with a = 0 or 1 is 0; e^-z / (1 + e^-z)^2 is inf / inf = NaN at z = -800.
  // At z = -50: a (1 - a) = 1.9287498479639176e-22 (numpy); at z = 50, a = 1 and a (1 - a) = 0.
  CHECK_THAT(sigmoid_derivative(kWide),
             IsClose(Matrix{{0.0, 0.0, 1.9287498479639176e-22}, {0.0, 0.0, 0.0}}, 1e-15,
                     "sigma'(z) = a(1 - a) at large |z|"));
}

//! [tanh]
TEST_CASE("tanh_activation: (e^z - e^-z) / (e^z + e^-z)", "[week3.tanh_activation]") {
  // tanh(0) = 0; tanh(2) = 0.9640275800758169 (Python).
  CHECK_THAT(tanh_activation(Matrix{{0.0, 2.0}}),
             IsClose(Matrix{{0.0, 0.9640275800758169}}, 1e-15, "tanh(z)"));
  // The lecture: tanh is a shifted, stretched sigmoid, tanh(z) = 2 sigma(2z) - 1.
  const Matrix z = test_points();
  CHECK_THAT(tanh_activation(z),
             IsClose(2.0 / (1.0 + dlc::exp(-2.0 * z)) - 1.0, 1e-14, "tanh(z) = 2 sigma(2z) - 1"));
  CHECK_THAT(tanh_activation(-z), IsClose(-tanh_activation(z), 1e-15, "tanh(-z) = -tanh(z)"));
}
//! [tanh]

TEST_CASE("tanh_activation: saturates to -1 and 1 without NaN at |z| up to 1000",
          "[week3.tanh_activation]") {
  // tanh(50) = 1 - 2e-43 rounds to 1; (e^z - e^-z) / (e^z + e^-z) is inf / inf = NaN at 800.
  CHECK_THAT(tanh_activation(kWide),
             IsClose(Matrix{{-1.0, -1.0, -1.0}, {1.0, 1.0, 1.0}}, 1e-15, "tanh(z) at large |z|"));
}

//! [tanh_derivative]
TEST_CASE("tanh_derivative: tanh'(z) = 1 - a^2", "[week3.tanh_derivative]") {
  // At 0: 1. At 2: 1 - 0.9640275800758169^2 = 0.07065082485316443 (Python); 1 - z^2 gives -3.
  CHECK_THAT(tanh_derivative(Matrix{{0.0, 2.0}}),
             IsClose(Matrix{{1.0, 0.07065082485316443}}, 1e-14, "tanh'(z) = 1 - a^2"));
  const Matrix z = test_points();
  CHECK_THAT(tanh_derivative(z), IsClose(centred_difference(tanh_activation, z), 1e-8,
                                         "tanh'(z) = 1 - a^2, numerically"));
}
//! [tanh_derivative]

TEST_CASE("tanh_derivative: 0, not NaN, at |z| up to 1000", "[week3.tanh_derivative]") {
  // 1 - a^2 with a = +-1 is 0 (the true value, 4 e^-2|z| at most 1.5e-43, rounds away).
  CHECK_THAT(tanh_derivative(kWide), IsClose(Matrix{{0.0, 0.0, 0.0}, {0.0, 0.0, 0.0}}, 1e-15,
                                             "tanh'(z) = 1 - a^2 at large |z|"));
}

//! [relu]
TEST_CASE("relu: max(0, z)", "[week3.relu]") {
  CHECK_THAT(relu(Matrix{{-2.0, 0.0, 3.5}, {1e-300, -1e-300, 7.0}}),
             IsClose(Matrix{{0.0, 0.0, 3.5}, {1e-300, 0.0, 7.0}}, 0.0, "ReLU(z) = max(0, z)"));
  const Matrix z = test_points();
  CHECK_THAT(relu(z) - relu(-z), IsClose(z, 0.0, "max(0, z) - max(0, -z) = z"));
}
//! [relu]

//! [relu_derivative]
TEST_CASE("relu_derivative: 1 where z > 0, 0 where z <= 0", "[week3.relu_derivative]") {
  // At exactly 0 the lesson takes the left slope, 0, as the course's relu_backward does.
  CHECK(relu_derivative(Matrix{{0.0}})(0, 0) == 0.0);
  CHECK_THAT(relu_derivative(Matrix{{-3.0, -1e-9, 1e-9, 2.0}}),
             IsClose(Matrix{{0.0, 0.0, 1.0, 1.0}}, 0.0, "ReLU'(z) = [z > 0]"));
  const Matrix z = test_points();
  CHECK_THAT(relu_derivative(z),
             IsClose(centred_difference(relu, z), 1e-8, "ReLU'(z) = [z > 0], numerically"));
}
//! [relu_derivative]

//! [leaky_relu]
TEST_CASE("leaky_relu: max(0.01 z, z)", "[week3.leaky_relu]") {
  // By hand: -2 -> -0.02, 0 -> 0, 3 -> 3, -100 -> -1.
  CHECK_THAT(leaky_relu(Matrix{{-2.0, 0.0, 3.0, -100.0}}),
             IsClose(Matrix{{-0.02, 0.0, 3.0, -1.0}}, 1e-15, "LeakyReLU(z) = max(0.01 z, z)"));
  const Matrix z = test_points();
  CHECK(leaky_relu(z).shape() == z.shape());
}
//! [leaky_relu]

TEST_CASE("leaky_relu: every entry of a matrix of several rows and columns", "[week3.leaky_relu]") {
  // (3, 4), a negative in every row and every column, so that a loop over rows() or cols()
  // instead of all size() entries leaves some unchanged. By hand: 0.01 z where z <= 0.
  const Matrix z{{-2.0, 1.0, 0.5, -4.0}, {3.0, -5.0, -1.0, 2.0}, {-300.0, 7.0, -0.25, -6.0}};
  CHECK_THAT(leaky_relu(z), IsClose(Matrix{{-0.02, 1.0, 0.5, -0.04},
                                           {3.0, -0.05, -0.01, 2.0},
                                           {-3.0, 7.0, -0.0025, -0.06}},
                                    1e-15, "LeakyReLU(z) = max(0.01 z, z), entry by entry"));
}

//! [leaky_relu_derivative]
TEST_CASE("leaky_relu_derivative: 1 where z > 0, 0.01 where z <= 0",
          "[week3.leaky_relu_derivative]") {
  // At exactly 0 the lesson takes the left slope, 0.01, as ReLU takes its left slope 0.
  CHECK(leaky_relu_derivative(Matrix{{0.0}})(0, 0) == kLeakySlope);
  CHECK_THAT(leaky_relu_derivative(Matrix{{-3.0, -1e-9, 1e-9, 2.0}}),
             IsClose(Matrix{{0.01, 0.01, 1.0, 1.0}}, 1e-15, "LeakyReLU'(z)"));
  const Matrix z = test_points();
  CHECK_THAT(leaky_relu_derivative(z), IsClose(centred_difference(leaky_relu, z), 1e-8,
                                               "LeakyReLU'(z) = 0.01 or 1, numerically"));
}
//! [leaky_relu_derivative]

TEST_CASE("the saturating activations have small slopes far from 0 (lecture 3.6)",
          "[week3.sigmoid_derivative][week3.tanh_derivative][week3.relu_derivative]") {
  const Matrix far{{-10.0, 10.0}};
  const Matrix s = sigmoid_derivative(far), t = tanh_derivative(far), r = relu_derivative(far);
  CHECK(s(0, 0) < 1e-4);
  CHECK(s(0, 1) < 1e-4);
  CHECK(t(0, 0) < 1e-8);
  CHECK(t(0, 1) < 1e-8);
  CHECK(r(0, 1) == 1.0);  // ReLU keeps slope 1 for every positive z
}
