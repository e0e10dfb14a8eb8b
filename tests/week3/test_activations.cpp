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
