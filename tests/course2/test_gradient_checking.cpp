// Tests of lectures C2 1.12-1.14: the two-sided difference in one dimension, and gradient
// checking of the week's network with the notebook's planted mistakes, then without them.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "common/gradient_check.hpp"
#include "common/random.hpp"
#include "common/training.hpp"
#include "course2/gradient_checking.hpp"
#include "tests/support/capture.hpp"
#include "tests/support/compare.hpp"

using dlc::Matrix;
using dlc::ShapeError;
using dlc::testing::CaptureCout;
using dlc::testing::IsClose;
using namespace dlc::course2;
using namespace dlc::course2::gradient_checking;

namespace {

// What a check printed, without the colour codes it writes when standard output is a terminal.
std::string plain(const std::string& text) {
  std::string out;
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] == '\033') {
      while (k < text.size() && text[k] != 'm') ++k;  // "\033[93m", "\033[0m"
      continue;
    }
    out += text[k];
  }
  return out;
}

const std::string kFine = "Your backward propagation works perfectly fine! difference = ";
const std::string kMistake = "There is a mistake in the backward propagation! difference = ";

// The 1-D check written out as the notebook's formulas, J = theta x and dJ/dtheta = x, without the
// lesson's functions: the oracle of gradient_check.
double one_d_difference(double x, double theta, double epsilon) {
  const double J_plus = (theta + epsilon) * x;
  const double J_minus = (theta - epsilon) * x;
  const double gradapprox = (J_plus - J_minus) / (2 * epsilon);
  return std::abs(x - gradapprox) / (std::abs(x) + std::abs(gradapprox));
}

// A network other than the notebook's: [3, 4, 2, 1] on m = 5 examples of both labels, so that a
// loop over the wrong count, or a layout of the wrong order, shows.
TestCase other_network() {
  dlc::RandomState rng(2);
  TestCase t;
  t.X = rng.randn(3, 5);
  t.Y = Matrix{{1.0, 0.0, 1.0, 1.0, 0.0}};
  t.parameters.W = {Matrix(), rng.randn(4, 3), rng.randn(2, 4), rng.randn(1, 2)};
  t.parameters.b = {Matrix(), rng.randn(4, 1), rng.randn(2, 1), rng.randn(1, 1)};
  return t;
}

// The gradients of the notebook's backward pass at t's parameters.
Gradients gradients_of(const TestCase& t, Bugs bugs) {
  const CostAndCache f = forward_propagation_n(t.X, t.Y, t.parameters);
  return backward_propagation_n(t.X, t.Y, f.cache, bugs);
}

// The same check by common/gradient_check.hpp: relative_difference(grad, numerical_gradient(J)).
double common_difference(const TestCase& t, const Gradients& g, double epsilon) {
  const LayerDims dims = layers_dims_of(t.parameters);
  const auto J = [&](const Matrix& theta) {
    return forward_propagation_n(t.X, t.Y, vector_to_dictionary(theta, dims)).cost;
  };
  const Matrix theta = dictionary_to_vector(t.parameters).theta;
  return dlc::relative_difference(gradients_to_vector(g),
                                  dlc::numerical_gradient(J, theta, epsilon));
}

}  // namespace

// ---- One dimension -----------------------------------------------------------------------------

TEST_CASE("forward_propagation: J = theta x, by hand", "[course2.gc_forward_propagation]") {
  CHECK(forward_propagation(2.0, 4.0) == 8.0);  // the notebook's x, theta = 2, 4
  CHECK(forward_propagation(3.0, 4.0) == 12.0);
  CHECK(forward_propagation(-1.5, 0.25) == -0.375);
  CHECK(forward_propagation(5.0, 0.0) == 0.0);
  CHECK(forward_propagation(0.0, 7.0) == 0.0);
}

TEST_CASE("backward_propagation: dJ/dtheta = x, whatever theta",
          "[course2.gc_backward_propagation]") {
  CHECK(backward_propagation(3.0, 4.0) == 3.0);  // the notebook's x, theta = 3, 4
  CHECK(backward_propagation(2.0, 4.0) == 2.0);
  CHECK(backward_propagation(-1.5, 0.25) == -1.5);
  CHECK(backward_propagation(4.0, 4.0) == 4.0);
  // The slope of theta x by the two-sided difference, written out: x.
  for (const double x : {2.0, -0.5, 7.0}) {
    const double theta = 1.5, h = 1e-3;
    const double slope = ((theta + h) * x - (theta - h) * x) / (2 * h);
    CHECK(backward_propagation(x, theta) == Approx(slope).epsilon(1e-9));
  }
}

TEST_CASE("gradient_check: the notebooks' cases and their message", "[course2.gradient_check]") {
  {
    CaptureCout out;
    const double difference = gradient_check(2.0, 4.0);
    // From the earlier notebook: difference = 2.919335883291695e-10. A one-sided difference
    // gives 1.4021566110735082e-09 here.
    CHECK(difference == Approx(2.919335883291695e-10).epsilon(1e-6));
    CHECK(plain(out.text()) == kFine + "2.919335883291695e-10\n");
  }
  {
    CaptureCout out;
    const double difference = gradient_check(3.0, 4.0);
    // From the later notebook: 7.814075313343006e-11.
    CHECK(difference == Approx(7.814075313343006e-11).epsilon(1e-6));
    CHECK(plain(out.text()) == kFine + "7.814075313343006e-11\n");
  }
}

TEST_CASE("gradient_check: the two-sided difference's formula, over 2 epsilon",
          "[course2.gradient_check]") {
  struct Case {
    double x, theta, epsilon;
  };
  // A linear J leaves only rounding, which each wrong formula changes: a one-sided difference,
  // a missing 2 (the difference becomes 1/3), a denominator without its plus.
  for (const Case c : {Case{2.0, 4.0, 1e-7}, Case{-1.5, 0.25, 1e-7}, Case{2.0, 4.0, 1e-3},
                       Case{0.3, -2.0, 1e-5}, Case{2.0, 4.0, 1e-12}}) {
    INFO("x = " << c.x << ", theta = " << c.theta << ", epsilon = " << c.epsilon);
    CaptureCout out;
    const double expected = one_d_difference(c.x, c.theta, c.epsilon);
    const double difference = gradient_check(c.x, c.theta, c.epsilon);
    CHECK(difference == Approx(expected).epsilon(1e-6));
    // epsilon = 1e-12 loses the slope in rounding: the difference, 4.4e-05, is over the line.
    const std::string& message = expected > 2e-7 ? kMistake : kFine;
    CHECK(plain(out.text()) == message + dlc::python_repr(difference) + "\n");
  }
}

TEST_CASE("gradient_check: refuses an epsilon that nudges nothing", "[course2.gradient_check]") {
  for (const double bad : {0.0, -1e-7, std::numeric_limits<double>::infinity(),
                           std::numeric_limits<double>::quiet_NaN()}) {
    CaptureCout out;
    CHECK_THROWS_WITH(gradient_check(2.0, 4.0, bad),
                      Catch::Matchers::StartsWith("gradient_check: epsilon is "));
  }
}

// ---- The week's network: the notebook's given code ---------------------------------------------

TEST_CASE("gradient_check_n_test_case: the notebook's numbers, seed 1", "[given]") {
  const TestCase t = gradient_check_n_test_case();
  // np.random.seed(1); np.random.randn(4, 3), filled row by row.
  CHECK_THAT(t.X, IsClose(Matrix{{1.62434536, -0.61175641, -0.52817175},
                                 {-1.07296862, 0.86540763, -2.3015387},
                                 {1.74481176, -0.7612069, 0.3190391},
                                 {-0.24937038, 1.46210794, -2.06014071}},
                          1e-8, "X = randn(4, 3)"));
  CHECK_THAT(t.Y, IsClose(Matrix{{1.0, 1.0, 0.0}}, 0.0, "Y = [[1, 1, 0]]"));
  REQUIRE(t.parameters.L() == 3);
  CHECK(t.parameters.W[1].shape() == dlc::Shape{5, 4});
  CHECK(t.parameters.W[1](0, 0) == Approx(-0.3224172).epsilon(1e-6));  // the 13th randn
  CHECK(t.parameters.W[2].shape() == dlc::Shape{3, 5});
  CHECK(t.parameters.W[3].shape() == dlc::Shape{1, 3});
  CHECK(t.parameters.b[3].shape() == dlc::Shape{1, 1});
}

TEST_CASE("forward_propagation_n: the notebook's cost, and the week's network", "[given]") {
  const TestCase t = gradient_check_n_test_case();
  const CostAndCache f = forward_propagation_n(t.X, t.Y, t.parameters);
  // numpy, on the notebook's code: cost = 2.407833389834357.
  CHECK(f.cost == Approx(2.407833389834357).epsilon(1e-14));
  const Forward w = dlc::course2::forward_propagation(t.X, t.parameters);
  CHECK_THAT(f.cache.A[3], IsClose(w.a3, 0.0, "A3 of the week's network"));
  CHECK(f.cost == compute_cost(w.a3, t.Y));  // np.sum and np.nansum agree without a NaN
  CHECK_THROWS_AS(forward_propagation_n(t.X, Matrix{{1.0, 0.0}}, t.parameters), ShapeError);
  CHECK_THROWS_AS(forward_propagation_n(t.X.T(), t.Y, t.parameters), ShapeError);
}

TEST_CASE("backward_propagation_n: right when fixed, the two planted mistakes otherwise",
          "[given]") {
  for (const TestCase& t : {gradient_check_n_test_case(), other_network()}) {
    const Gradients fixed = gradients_of(t, Bugs::kFixed);
    const Gradients planted = gradients_of(t, Bugs::kPlanted);
    CHECK(common_difference(t, fixed, 1e-6) < 1e-8);
    CHECK_THAT(planted.dW[2], IsClose(2.0 * fixed.dW[2], 1e-15, "dW2 * 2, the first mistake"));
    CHECK_THAT(planted.db[1], IsClose(4.0 * fixed.db[1], 1e-15, "db1 * 4, the second mistake"));
    for (const std::size_t l : {std::size_t{1}, std::size_t{3}})
      CHECK_THAT(planted.dW[l], IsClose(fixed.dW[l], 0.0));
    for (const std::size_t l : {std::size_t{2}, std::size_t{3}})
      CHECK_THAT(planted.db[l], IsClose(fixed.db[l], 0.0));
  }
}

TEST_CASE("dictionary_to_vector, vector_to_dictionary, gradients_to_vector: the notebook's layout",
          "[given]") {
  const TestCase t = gradient_check_n_test_case();
  const auto& [W, b] = t.parameters;
  const auto [theta, keys] = dictionary_to_vector(t.parameters);
  REQUIRE(theta.shape() == dlc::Shape{47, 1});
  REQUIRE(keys.size() == 47);
  // W1 = theta[:20].reshape(5, 4), b1 = [20:25], W2 = [25:40].reshape(3, 5), b2 = [40:43],
  // W3 = [43:46], b3 = [46:47]: each matrix row by row.
  CHECK(theta(0, 0) == W[1](0, 0));
  CHECK(theta(1, 0) == W[1](0, 1));
  CHECK(theta(4, 0) == W[1](1, 0));
  CHECK(theta(19, 0) == W[1](4, 3));
  CHECK(theta(20, 0) == b[1](0, 0));
  CHECK(theta(24, 0) == b[1](4, 0));
  CHECK(theta(26, 0) == W[2](0, 1));
  CHECK(theta(30, 0) == W[2](1, 0));
  CHECK(theta(40, 0) == b[2](0, 0));
  CHECK(theta(45, 0) == W[3](0, 2));
  CHECK(theta(46, 0) == b[3](0, 0));
  const std::vector<std::pair<std::string, std::size_t>> runs = {{"W1", 20}, {"b1", 5}, {"W2", 15},
                                                                 {"b2", 3},  {"W3", 3}, {"b3", 1}};
  std::size_t at = 0;
  for (const auto& [key, count] : runs)
    for (std::size_t k = 0; k < count; ++k) CHECK(keys[at++] == key);
  CHECK(layers_dims_of(t.parameters) == LayerDims{4, 5, 3, 1});

  for (const TestCase& c : {t, other_network()}) {
    const Parameters back = vector_to_dictionary(dictionary_to_vector(c.parameters).theta,
                                                 layers_dims_of(c.parameters));
    for (std::size_t l = 1; l <= 3; ++l) {
      CHECK_THAT(back.W[l], IsClose(c.parameters.W[l], 0.0, "W round trip"));
      CHECK_THAT(back.b[l], IsClose(c.parameters.b[l], 0.0, "b round trip"));
    }
    // Gradients in the very layout of the parameters.
    const Gradients as_gradients{{}, {}, c.parameters.W, c.parameters.b};
    CHECK_THAT(gradients_to_vector(as_gradients),
               IsClose(dictionary_to_vector(c.parameters).theta, 0.0, "the same layout"));
  }
  CHECK_THROWS_AS(vector_to_dictionary(theta, {4, 5, 3, 2}), ShapeError);
  CHECK_THROWS_AS(vector_to_dictionary(theta.T(), {4, 5, 3, 1}), ShapeError);
}

TEST_CASE("norm and relative_difference: np.linalg.norm's formula", "[given]") {
  CHECK(dlc::norm(Matrix{{3.0}, {4.0}}) == 5.0);
  CHECK(dlc::norm(Matrix{{1.0, 2.0}, {3.0, 4.0}}) == Approx(std::sqrt(30.0)).epsilon(1e-15));
  CHECK(dlc::norm(Matrix(0, 0)) == 0.0);
  CHECK(dlc::relative_difference(Matrix{{3.0}, {4.0}}, Matrix{{3.0}, {4.0}}) == 0.0);
  // ||(3, 4) - (0, 0)|| / (5 + 0) = 1; ||(1, 0) - (0, 1)|| / (1 + 1) = sqrt(2) / 2.
  CHECK(dlc::relative_difference(Matrix{{3.0}, {4.0}}, Matrix{{0.0}, {0.0}}) == 1.0);
  CHECK(dlc::relative_difference(Matrix{{1.0}, {0.0}}, Matrix{{0.0}, {1.0}}) ==
        Approx(std::sqrt(2.0) / 2.0).epsilon(1e-15));
}

// ---- gradient_check_n --------------------------------------------------------------------------

TEST_CASE("gradient_check_n: the notebook's differences, with the mistakes and without",
          "[course2.gradient_check_n]") {
  const TestCase t = gradient_check_n_test_case();
  {
    CaptureCout out;
    const double difference =
        gradient_check_n(t.parameters, gradients_of(t, Bugs::kPlanted), t.X, t.Y);
    // From the notebook: 0.2850931567761623.
    CHECK(difference == Approx(0.2850931567761623).epsilon(1e-9));
    CHECK(plain(out.text()) == kMistake + "0.2850931567761623\n");
  }
  {
    CaptureCout out;
    const double difference =
        gradient_check_n(t.parameters, gradients_of(t, Bugs::kFixed), t.X, t.Y);
    // From the notebook: 1.1890913024229996e-07. This difference is the rounding of the costs
    // divided by epsilon: the same BLAS and libm as numpy's give all its digits; a one-sided
    // difference gives 1.699e-07, the sum of absolute values for the norms 1.568e-07.
    CHECK(difference == Approx(1.1890913024229996e-07).epsilon(1e-6));
    CHECK(plain(out.text()) == kFine + "1.1890913024229996e-07\n");
  }
}

TEST_CASE("gradient_check_n: is common's numerical_gradient and relative_difference",
          "[course2.gradient_check_n]") {
  // Both compute (J(theta + eps e_i) - J(theta - eps e_i)) / 2 eps and the same norms: the
  // differences agree up to rounding, at every epsilon, on both networks, right or wrong.
  for (const TestCase& t : {gradient_check_n_test_case(), other_network()}) {
    for (const Bugs bugs : {Bugs::kPlanted, Bugs::kFixed}) {
      const Gradients g = gradients_of(t, bugs);
      for (const double epsilon : {1e-7, 1e-5, 1e-3}) {
        INFO("n[0] = " << t.X.rows() << ", " << (bugs == Bugs::kFixed ? "fixed" : "planted")
                       << ", epsilon = " << epsilon);
        CaptureCout out;
        const double expected = common_difference(t, g, epsilon);
        const double difference = gradient_check_n(t.parameters, g, t.X, t.Y, epsilon);
        CHECK(difference == Approx(expected).epsilon(1e-9));
      }
    }
  }
}

TEST_CASE("gradient_check_n: a one-sided difference would cross the line at epsilon = 1e-4",
          "[course2.gradient_check_n]") {
  // The cost is not linear: the two-sided difference errs like eps^2 (1.9e-10 here), the
  // one-sided like eps (1.9e-06, over the notebook's 2e-7).
  const TestCase t = gradient_check_n_test_case();
  CaptureCout out;
  const double difference =
      gradient_check_n(t.parameters, gradients_of(t, Bugs::kFixed), t.X, t.Y, 1e-4);
  CHECK(difference < 1e-9);
  CHECK(plain(out.text()) == kFine + dlc::python_repr(difference) + "\n");
}

TEST_CASE(
    "gradient_check_n: one wrong gradient entry shows, on a network other than the notebook's",
    "[course2.gradient_check_n]") {
  const TestCase t = other_network();
  Gradients g = gradients_of(t, Bugs::kFixed);
  g.db[3](0, 0) += 1e-3;  // the last entry of theta, which a loop that stops early never reaches
  CaptureCout out;
  const double difference = gradient_check_n(t.parameters, g, t.X, t.Y);
  CHECK(difference > 2e-7);
  CHECK(difference == Approx(common_difference(t, g, 1e-7)).epsilon(1e-9));
  CHECK(plain(out.text()) == kMistake + dlc::python_repr(difference) + "\n");
}

TEST_CASE("gradient_check_n: refuses gradients and epsilons that do not fit",
          "[course2.gradient_check_n]") {
  const TestCase t = gradient_check_n_test_case();
  Gradients g = gradients_of(t, Bugs::kFixed);
  CaptureCout out;
  CHECK_THROWS_AS(gradient_check_n(t.parameters, g, t.X, t.Y, 0.0), std::invalid_argument);
  Gradients transposed = g;
  transposed.dW[2] = g.dW[2].transposed();
  CHECK_THROWS_WITH(gradient_check_n(t.parameters, transposed, t.X, t.Y),
                    Catch::Matchers::StartsWith("gradient_check_n: layer 2: dW is (5, 3)"));
  CHECK_THROWS_AS(gradient_check_n(t.parameters, g, t.X.T(), t.Y), ShapeError);
}
