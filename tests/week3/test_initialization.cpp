// Tests of lecture 3.10: zero (or equal) initial weights keep every hidden unit identical through
// training; small random weights break the symmetry; large ones saturate tanh.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <vector>

#include "common/random.hpp"
#include "tests/support/compare.hpp"
#include "week3/initialization.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::week3;

namespace {

// A random problem: n_x = 3 features, m = 40 examples, labels from a non-linear rule.
struct Problem {
  Matrix X, Y;
};
Problem random_problem(std::uint32_t seed) {
  dlc::RandomState rng(seed);
  Problem p{rng.randn(3, 40), Matrix(1, 40)};
  for (std::size_t i = 0; i < 40; ++i) p.Y(0, i) = p.X(0, i) * p.X(1, i) > 0.0 ? 1.0 : 0.0;
  return p;
}

// Trains for `steps` gradient steps, returning the costs before each step.
std::vector<double> train(TwoLayerParameters& params, const Problem& p, int steps) {
  std::vector<double> costs;
  for (int i = 0; i < steps; ++i) costs.push_back(two_layer_gradient_step(params, p.X, p.Y, 1.0));
  return costs;
}

// Whether every entry of a (1, n_h) row of output weights equals the first, within tol.
bool outputs_identical(const Matrix& W2, double tol) {
  for (std::size_t j = 1; j < W2.cols(); ++j)
    if (!(std::fabs(W2(0, j) - W2(0, 0)) <= tol)) return false;
  return true;
}

}  // namespace

TEST_CASE("initialize_zeros: every parameter zero, with the right shapes", "[given]") {
  const TwoLayerParameters p = initialize_zeros(3, 4, 1);
  CHECK_THAT(p.W1, IsClose(Matrix::zeros(4, 3), 0.0, "W1 = 0, (n_h, n_x)"));
  CHECK_THAT(p.b1, IsClose(Matrix::zeros(4, 1), 0.0, "b1 = 0, (n_h, 1)"));
  CHECK_THAT(p.W2, IsClose(Matrix::zeros(1, 4), 0.0, "W2 = 0, (n_y, n_h)"));
  CHECK_THAT(p.b2, IsClose(Matrix::zeros(1, 1), 0.0, "b2 = 0, (n_y, 1)"));
  CHECK_THROWS_AS(initialize_zeros(3, 0, 1), std::invalid_argument);
}

TEST_CASE("hidden_units_identical: compares every row of W1 and entry of b1", "[given]") {
  CHECK(hidden_units_identical(Matrix{{1, 2}, {1, 2}, {1, 2}}, Matrix{{0.5}, {0.5}, {0.5}}));
  CHECK_FALSE(hidden_units_identical(Matrix{{1, 2}, {1, 2}, {1, 3}}, Matrix{{0}, {0}, {0}}));
  CHECK_FALSE(hidden_units_identical(Matrix{{1, 2}, {1, 2}}, Matrix{{0}, {1e-3}}));
  CHECK(hidden_units_identical(Matrix{{1, 2}, {1, 2 + 1e-12}}, Matrix{{0}, {0}}, 1e-10));
  CHECK_THROWS_AS(hidden_units_identical(Matrix(3, 2), Matrix(2, 1)), dlc::ShapeError);
}

//! [symmetry]
TEST_CASE("zero or equal initial weights: the hidden units stay identical through training",
          "[symmetry]") {
  const Problem p = random_problem(21);
  SECTION("all zeros: W1 and W2 never leave 0, only the output bias learns") {
    TwoLayerParameters params = initialize_zeros(3, 4, 1);
    const std::vector<double> costs = train(params, p, 100);
    CHECK(hidden_units_identical(params.W1, params.b1, 1e-12));
    CHECK(outputs_identical(params.W2, 1e-12));
    CHECK(params.b2(0, 0) != 0.0);
  }
  SECTION("every hidden unit starting with the same non-zero weights") {
    // The lecture's argument needs only that the units start equal: the rows of W1 are equal,
    // and so are their weights in W2. Then a1_1 = a1_2 = ..., dz1_1 = dz1_2 = ..., the rows of
    // dW1 are equal, and the update keeps them equal, step after step.
    TwoLayerParameters params = initialize_zeros(3, 4, 1);
    for (std::size_t j = 0; j < 4; ++j) {
      params.W1(j, 0) = 0.5;
      params.W1(j, 1) = -0.3;
      params.W1(j, 2) = 0.8;
      params.b1(j, 0) = 0.1;
      params.W2(0, j) = 0.7;
    }
    const Matrix W1_start = params.W1;
    const std::vector<double> costs = train(params, p, 100);
    CHECK(dlc::max_abs_diff(params.W1, W1_start) > 0.01);        // the weights did move...
    CHECK(hidden_units_identical(params.W1, params.b1, 1e-12));  // ...but all alike
    CHECK(outputs_identical(params.W2, 1e-12));
    CHECK(costs.back() < costs.front());
  }
}
//! [symmetry]

//! [initialize_random]
TEST_CASE("initialize_random: W = randn * 0.01, b = 0, W1 drawn first",
          "[week3.initialize_random]") {
  dlc::RandomState rng(2);
  const TwoLayerParameters p = initialize_random(2, 4, 1, rng);
  // notebook (planar data, initialize_parameters with np.random.seed(2)):
  CHECK_THAT(p.W1, IsClose(Matrix{{-0.00416758, -0.00056267},
                                  {-0.02136196, 0.01640271},
                                  {-0.01793436, -0.00841747},
                                  {0.00502881, -0.01245288}},
                           1e-8, "W1 = randn(n_h, n_x) * 0.01"));
  CHECK_THAT(p.W2, IsClose(Matrix{{-0.01057952, -0.00909008, 0.00551454, 0.02292208}}, 1e-8,
                           "W2 = randn(n_y, n_h) * 0.01"));
  CHECK_THAT(p.b1, IsClose(Matrix::zeros(4, 1), 0.0, "b1 = zeros(n_h, 1)"));
  CHECK_THAT(p.b2, IsClose(Matrix::zeros(1, 1), 0.0, "b2 = zeros(n_y, 1)"));

  SECTION("exactly numpy's draws, in numpy's order, and the scale is used") {
    dlc::RandomState a(7), b(7);
    const TwoLayerParameters q = initialize_random(3, 5, 2, a, 0.5);
    const Matrix W1 = b.randn(5, 3) * 0.5;  // np.random.randn(n_h, n_x) * scale
    const Matrix W2 = b.randn(2, 5) * 0.5;  // then np.random.randn(n_y, n_h) * scale
    CHECK_THAT(q.W1, IsClose(W1, 0.0, "W1 = randn(n_h, n_x) * scale, drawn first"));
    CHECK_THAT(q.W2, IsClose(W2, 0.0, "W2 = randn(n_y, n_h) * scale, drawn second"));
    CHECK(q.b1.shape() == dlc::Shape{5, 1});
    CHECK(q.b2.shape() == dlc::Shape{2, 1});
    CHECK(a.random_uint32() == b.random_uint32());  // no extra draws
  }
  CHECK_THROWS_AS(initialize_random(0, 4, 1, rng), std::invalid_argument);
}
//! [initialize_random]

//! [symmetry_broken]
TEST_CASE("random initial weights: the hidden units differ, and go on differing",
          "[week3.initialize_random]") {
  const Problem p = random_problem(21);
  dlc::RandomState rng(3);
  TwoLayerParameters params = initialize_random(3, 4, 1, rng);
  CHECK_FALSE(hidden_units_identical(params.W1, params.b1, 1e-6));
  const std::vector<double> costs = train(params, p, 100);
  CHECK_FALSE(hidden_units_identical(params.W1, params.b1, 1e-3));
  CHECK_FALSE(outputs_identical(params.W2, 1e-3));
  CHECK(costs.back() < costs.front());
}
//! [symmetry_broken]

//! [saturation]
TEST_CASE("large initial weights saturate tanh: the slope 1 - a^2 is near 0",
          "[week3.initialize_random]") {
  // 5 features and 20 hidden units, so that the mean is over many units. With scale s each z1
  // is roughly normal with a standard deviation near s * sqrt(5); tanh' = 1 - a^2 is then close
  // to 1 for s = 0.01 and close to 0 for most examples when s = 10.
  dlc::RandomState rng(5);
  const Matrix X = rng.randn(5, 500);
  const TwoLayerParameters small = initialize_random(5, 20, 1, rng, 0.01);
  const TwoLayerParameters unit = initialize_random(5, 20, 1, rng, 1.0);
  const TwoLayerParameters large = initialize_random(5, 20, 1, rng, 10.0);
  const double s_small = mean_tanh_slope(small, X), s_unit = mean_tanh_slope(unit, X),
               s_large = mean_tanh_slope(large, X);
  INFO("mean 1 - a^2: scale 0.01 -> " << s_small << ", 1 -> " << s_unit << ", 10 -> " << s_large);
  CHECK(s_small > 0.99);
  CHECK(s_large < 0.1);
  CHECK(s_small > s_unit);
  CHECK(s_unit > s_large);
}
//! [saturation]

TEST_CASE("two_layer_gradient_step and mean_tanh_slope check their shapes", "[given]") {
  TwoLayerParameters params = initialize_zeros(3, 4, 1);
  CHECK_THROWS_WITH(two_layer_gradient_step(params, Matrix(2, 5), Matrix(1, 5), 0.1),
                    Catch::Contains("W1 is (4, 3)") && Catch::Contains("X is (2, 5)"));
  CHECK_THROWS_WITH(two_layer_gradient_step(params, Matrix(3, 5), Matrix(1, 4), 0.1),
                    Catch::Contains("Y is (1, 4)"));
  CHECK_THROWS_AS(mean_tanh_slope(params, Matrix(4, 5)), dlc::ShapeError);
}
