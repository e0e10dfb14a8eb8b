// Tests of lectures 3.1-3.5: the two-layer network's forward pass, one example at a time with
// loops over the units, and for all examples at once.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>

#include "common/random.hpp"
#include "tests/support/compare.hpp"
#include "week3/representation.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::week3;

namespace {

// The small network of the header's "Expected output": n_x = 2, n_h = 3, n_y = 1.
const Matrix kW1{{0.5, -1.0}, {1.0, 0.25}, {0.0, 0.0}};
const Matrix kB1{{1.0}, {-1.5}, {0.0}};
const Matrix kW2{{1.0, 2.0, 3.0}};
const Matrix kB2{{-0.5}};

// Random parameters and data, non-square everywhere: n_x = 3, n_h = 5, n_y = 2, m = 7.
struct RandomNetwork {
  Matrix X, W1, b1, W2, b2;
};
RandomNetwork random_network(std::size_t n_x, std::size_t n_h, std::size_t n_y, std::size_t m,
                             std::uint32_t seed) {
  dlc::RandomState rng(seed);
  RandomNetwork r;
  r.X = rng.randn(n_x, m);
  r.W1 = rng.randn(n_h, n_x) * 0.8;
  r.b1 = rng.randn(n_h, 1) * 0.5;
  r.W2 = rng.randn(n_y, n_h) * 0.8;
  r.b2 = rng.randn(n_y, 1) * 0.5;
  return r;
}

// A network whose z reach +-800 and +-1000, where e^z or e^-z overflows (|z| > 709): tanh
// written (e^z - e^-z) / (e^z + e^-z) or sigma written e^z / (1 + e^z) give inf / inf = NaN
// there, std::tanh and 1 / (1 + e^-z) give +-1 and 0 or 1. n_x = 2, n_h = 3, n_y = 2, m = 4.
struct WideNetwork {
  Matrix X{{2.0, -2.5, 0.1, -1.0}, {2.0, 0.5, 0.2, 3.0}};
  Matrix W1{{400.0, 0.0}, {0.0, -400.0}, {1.0, 1.0}};
  Matrix b1{{0.0}, {0.0}, {-0.5}};
  Matrix W2{{1000.0, 0.0, 0.0}, {0.0, 0.0, 1.0}};
  Matrix b2{{0.0}, {0.0}};
  // By hand: Z1 = W1 X + b1.
  Matrix Z1{
      {800.0, -1000.0, 40.0, -400.0}, {-800.0, -200.0, -80.0, -1200.0}, {3.5, -2.5, -0.2, 1.5}};
  // tanh(Z1): rows 0 and 1 saturate to +-1 (|z| >= 40: 1 - tanh|z| < 1e-34), row 2 by std::tanh.
  Matrix A1{{1.0, -1.0, 1.0, -1.0},
            {-1.0, -1.0, -1.0, -1.0},
            {std::tanh(3.5), std::tanh(-2.5), std::tanh(-0.2), std::tanh(1.5)}};
  // Z2 = W2 A1 + b2: row 0 is 1000 A1[0], row 1 is A1[2].
  Matrix Z2{{1000.0, -1000.0, 1000.0, -1000.0}, {A1(2, 0), A1(2, 1), A1(2, 2), A1(2, 3)}};
  // sigma(Z2): row 0 saturates to 1 and 0 exactly, row 1 is 1 / (1 + e^-z).
  Matrix A2{{1.0, 0.0, 1.0, 0.0},
            {1.0 / (1.0 + std::exp(-Z2(1, 0))), 1.0 / (1.0 + std::exp(-Z2(1, 1))),
             1.0 / (1.0 + std::exp(-Z2(1, 2))), 1.0 / (1.0 + std::exp(-Z2(1, 3)))}};
};

}  // namespace

//! [one_example]
TEST_CASE("forward_one_example: z1_j = w1_j^T x + b1_j, a1 = tanh(z1), a2 = sigma(z2)",
          "[week3.forward_one_example]") {
  // By hand: z1 = (0.5 - 2 + 1, 1 + 0.5 - 1.5, 0) = (-0.5, 0, 0); a1 = (tanh(-0.5), 0, 0);
  // z2 = tanh(-0.5) + 0 + 0 - 0.5; a2 = 1 / (1 + e^{-z2}). Values from Python's math module.
  const OneExampleForward f = forward_one_example(Matrix{{1.0}, {2.0}}, kW1, kB1, kW2, kB2);
  CHECK_THAT(f.z1, IsClose(Matrix{{-0.5}, {0.0}, {0.0}}, 1e-15, "z1_j = w1_j^T x + b1_j"));
  CHECK_THAT(f.a1,
             IsClose(Matrix{{-0.46211715726000974}, {0.0}, {0.0}}, 1e-15, "a1_j = tanh(z1_j)"));
  CHECK_THAT(f.z2, IsClose(Matrix{{-0.9621171572600098}}, 1e-15, "z2 = w2^T a1 + b2"));
  CHECK_THAT(f.a2, IsClose(Matrix{{0.27645450502269786}}, 1e-15, "a2 = sigma(z2)"));
}
//! [one_example]

TEST_CASE("forward_one_example: every output unit, and the biases, count",
          "[week3.forward_one_example]") {
  // Zero weights leave only the biases: z1 = b1, a1 = tanh(b1), z2 = W2 tanh(b1) + b2.
  const Matrix W1 = Matrix::zeros(2, 3), b1{{0.3}, {-0.7}};
  const Matrix W2{{1.0, -1.0}, {2.0, 0.5}}, b2{{0.1}, {-0.2}};
  const OneExampleForward f = forward_one_example(Matrix{{5.0}, {-3.0}, {1.0}}, W1, b1, W2, b2);
  CHECK_THAT(f.z1, IsClose(b1, 0.0, "z1 = W1 x + b1 with W1 = 0"));
  const double t1 = std::tanh(0.3), t2 = std::tanh(-0.7);
  CHECK_THAT(f.z2,
             IsClose(Matrix{{t1 - t2 + 0.1}, {2 * t1 + 0.5 * t2 - 0.2}}, 1e-15, "z2 = W2 a1 + b2"));
  CHECK_THAT(f.a2, IsClose(1.0 / (1.0 + dlc::exp(-f.z2)), 1e-15, "a2 = sigma(z2)"));
}

TEST_CASE("forward_one_example: tanh and sigma stay finite at |z| up to 1000",
          "[week3.forward_one_example]") {
  const WideNetwork n;
  for (std::size_t i = 0; i < 4; ++i) {
    INFO("example " << i);
    const OneExampleForward f =
        forward_one_example(n.X.cols_range(i, i + 1), n.W1, n.b1, n.W2, n.b2);
    CHECK_THAT(f.z1, IsClose(n.Z1.cols_range(i, i + 1), 1e-15, "z1_j = w1_j^T x + b1_j"));
    CHECK_THAT(f.a1, IsClose(n.A1.cols_range(i, i + 1), 1e-15, "a1_j = tanh(z1_j)"));
    CHECK_THAT(f.z2, IsClose(n.Z2.cols_range(i, i + 1), 1e-13, "z2 = W2 a1 + b2"));
    CHECK_THAT(f.a2, IsClose(n.A2.cols_range(i, i + 1), 1e-15, "a2 = 1 / (1 + e^-z2)"));
  }
}

//! [vectorized]
TEST_CASE("forward_vectorized: Z1 = W1 X + b1, A1 = tanh(Z1), Z2 = W2 A1 + b2, A2 = sigma(Z2)",
          "[week3.forward_vectorized]") {
  // Two examples: the header's x = (1, 2), and x = (0, 0), where Z1 = b1.
  const VectorizedForward f =
      forward_vectorized(Matrix{{1.0, 0.0}, {2.0, 0.0}}, kW1, kB1, kW2, kB2);
  CHECK_THAT(f.Z1, IsClose(Matrix{{-0.5, 1.0}, {0.0, -1.5}, {0.0, 0.0}}, 1e-15, "Z1 = W1 X + b1"));
  CHECK_THAT(f.A1, IsClose(dlc::tanh(f.Z1), 0.0, "A1 = tanh(Z1)"));
  // Second column by hand: tanh(1) + 2 tanh(-1.5) + 0 - 0.5.
  const double z2 = std::tanh(1.0) + 2.0 * std::tanh(-1.5) - 0.5;
  CHECK_THAT(f.Z2, IsClose(Matrix{{-0.9621171572600098, z2}}, 1e-15, "Z2 = W2 A1 + b2"));
  CHECK_THAT(f.A2, IsClose(Matrix{{0.27645450502269786, 1.0 / (1.0 + std::exp(-z2))}}, 1e-15,
                           "A2 = sigma(Z2)"));
  CHECK(f.Z1.shape() == dlc::Shape{3, 2});
  CHECK(f.A2.shape() == dlc::Shape{1, 2});
}
//! [vectorized]

TEST_CASE("forward_vectorized: tanh and sigma stay finite at |z| up to 1000",
          "[week3.forward_vectorized]") {
  const WideNetwork n;
  const VectorizedForward f = forward_vectorized(n.X, n.W1, n.b1, n.W2, n.b2);
  CHECK_THAT(f.Z1, IsClose(n.Z1, 1e-15, "Z1 = W1 X + b1"));
  CHECK_THAT(f.A1, IsClose(n.A1, 1e-15, "A1 = tanh(Z1)"));
  CHECK_THAT(f.Z2, IsClose(n.Z2, 1e-13, "Z2 = W2 A1 + b2"));
  CHECK_THAT(f.A2, IsClose(n.A2, 1e-15, "A2 = 1 / (1 + e^-Z2)"));
}

//! [loop_vs_vectorized]
TEST_CASE("forward_vectorized: column i is forward_one_example of example i",
          "[week3.forward_vectorized][week3.forward_one_example]") {
  // Non-square everywhere (n_x = 3, n_h = 5, m = 7, and n_y = 1 or 2) so that a transposed
  // product or a bias added along the wrong axis cannot fit by accident.
  for (std::size_t n_y : {1, 2}) {
    const RandomNetwork r = random_network(3, 5, n_y, 7, static_cast<std::uint32_t>(40 + n_y));
    const VectorizedForward f = forward_vectorized(r.X, r.W1, r.b1, r.W2, r.b2);
    REQUIRE(f.Z1.shape() == dlc::Shape{5, 7});
    REQUIRE(f.A1.shape() == dlc::Shape{5, 7});
    REQUIRE(f.Z2.shape() == (dlc::Shape{n_y, 7}));
    REQUIRE(f.A2.shape() == (dlc::Shape{n_y, 7}));
    for (std::size_t i = 0; i < 7; ++i) {
      INFO("example " << i << ", n_y = " << n_y);
      const OneExampleForward g =
          forward_one_example(r.X.cols_range(i, i + 1), r.W1, r.b1, r.W2, r.b2);
      CHECK_THAT(g.z1, IsClose(f.Z1.cols_range(i, i + 1), 1e-14, "z1(i) = column i of Z1"));
      CHECK_THAT(g.a1, IsClose(f.A1.cols_range(i, i + 1), 1e-14, "a1(i) = column i of A1"));
      CHECK_THAT(g.z2, IsClose(f.Z2.cols_range(i, i + 1), 1e-14, "z2(i) = column i of Z2"));
      CHECK_THAT(g.a2, IsClose(f.A2.cols_range(i, i + 1), 1e-14, "a2(i) = column i of A2"));
    }
  }
}
//! [loop_vs_vectorized]

TEST_CASE("forward_one_example and forward_vectorized check their shapes",
          "[week3.forward_vectorized][week3.forward_one_example]") {
  const RandomNetwork r = random_network(3, 5, 1, 7, 9);
  // W1 must be (n_h, n_x): a (5, 4) W1 does not take 3 features.
  CHECK_THROWS_WITH(forward_vectorized(r.X, Matrix(5, 4), r.b1, r.W2, r.b2),
                    Catch::Contains("W1 is (5, 4)") && Catch::Contains("X is (3, 7)") &&
                        Catch::Contains("W1 is (n_h, n_x)"));
  // The transposed W1, the classic mistake.
  CHECK_THROWS_WITH(forward_vectorized(r.X, r.W1.transposed(), r.b1, r.W2, r.b2),
                    Catch::Contains("W1 is (3, 5)") && Catch::Contains("W1 is (n_h, n_x)"));
  CHECK_THROWS_WITH(forward_vectorized(r.X, r.W1, Matrix(1, 5), r.W2, r.b2),
                    Catch::Contains("b1 is (1, 5)") && Catch::Contains("(n_h, 1)"));
  CHECK_THROWS_WITH(forward_vectorized(r.X, r.W1, r.b1, Matrix(1, 4), r.b2),
                    Catch::Contains("W2 is (1, 4)") && Catch::Contains("W2 is (n_y, n_h)"));
  CHECK_THROWS_WITH(forward_vectorized(r.X, r.W1, r.b1, r.W2, Matrix(2, 1)),
                    Catch::Contains("b2 is (2, 1)") && Catch::Contains("(n_y, 1)"));
  CHECK_THROWS_WITH(forward_one_example(Matrix(4, 1), r.W1, r.b1, r.W2, r.b2),
                    Catch::Contains("W1 is (5, 3)") && Catch::Contains("x is (4, 1)") &&
                        Catch::Contains("W1 is (n_h, n_x)"));
  CHECK_THROWS_WITH(forward_one_example(r.X, r.W1, r.b1, r.W2, r.b2),
                    Catch::Contains("x is (3, 7)") && Catch::Contains("(n_x, 1)"));
  // Shapes that fit are accepted (and the stub says it is not written yet).
  CHECK(forward_vectorized(r.X, r.W1, r.b1, r.W2, r.b2).A2.shape() == dlc::Shape{1, 7});
  CHECK(forward_one_example(r.X.cols_range(0, 1), r.W1, r.b1, r.W2, r.b2).a2.shape() ==
        dlc::Shape{1, 1});
}
