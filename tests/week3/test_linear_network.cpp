// Tests of lecture 3.7: a two-layer network with linear (identity) activations is one linear
// layer W' x + b' with W' = W2 W1 and b' = W2 b1 + b2; with tanh hidden units it is not.
#include <catch2/catch.hpp>
#include <cstddef>

#include "common/random.hpp"
#include "tests/support/compare.hpp"
#include "week3/linear_network.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::week3;

namespace {

// The header's example: n_x = 2, n_h = 3, n_y = 1.
const Matrix kW1{{1.0, 2.0}, {0.0, 1.0}, {-1.0, 1.0}};
const Matrix kB1{{1.0}, {0.0}, {-1.0}};
const Matrix kW2{{2.0, -1.0, 3.0}};
const Matrix kB2{{0.5}};

// Random, non-square parameters and data: n_x = 3, n_h = 5, n_y = 2, m = 7.
struct RandomNetwork {
  Matrix X, W1, b1, W2, b2;
};
RandomNetwork random_network(std::uint32_t seed) {
  dlc::RandomState rng(seed);
  RandomNetwork r;
  r.X = rng.randn(3, 7);
  r.W1 = rng.randn(5, 3);
  r.b1 = rng.randn(5, 1);
  r.W2 = rng.randn(2, 5);
  r.b2 = rng.randn(2, 1);
  return r;
}

}  // namespace

//! [linear_forward]
TEST_CASE("linear_network_forward: A1 = W1 X + b1, A2 = W2 A1 + b2",
          "[week3.linear_network_forward]") {
  // By hand, x = (1, 1): A1 = (1 + 2 + 1, 0 + 1 + 0, -1 + 1 - 1) = (4, 1, -1),
  // A2 = 2 * 4 - 1 * 1 + 3 * (-1) + 0.5 = 4.5. And x = (0, -2): A1 = (-3, -2, -3),
  // A2 = -6 + 2 - 9 + 0.5 = -12.5 (a negative output: no activation clips it).
  CHECK_THAT(linear_network_forward(Matrix{{1.0, 0.0}, {1.0, -2.0}}, kW1, kB1, kW2, kB2),
             IsClose(Matrix{{4.5, -12.5}}, 1e-15, "A2 = W2 (W1 X + b1) + b2"));
  const RandomNetwork r = random_network(1);
  CHECK(linear_network_forward(r.X, r.W1, r.b1, r.W2, r.b2).shape() == dlc::Shape{2, 7});
}
//! [linear_forward]

//! [collapse]
TEST_CASE("collapse_linear_network: W' = W2 W1, b' = W2 b1 + b2",
          "[week3.collapse_linear_network]") {
  // By hand: W2 W1 = (2 - 3, 4 - 1 + 3) = (-1, 6); W2 b1 + b2 = 2 - 3 + 0.5 = -0.5.
  const CollapsedLayer c = collapse_linear_network(kW1, kB1, kW2, kB2);
  CHECK_THAT(c.W, IsClose(Matrix{{-1.0, 6.0}}, 1e-15, "W' = W2 W1"));
  CHECK_THAT(c.b, IsClose(Matrix{{-0.5}}, 1e-15, "b' = W2 b1 + b2"));

  const RandomNetwork r = random_network(2);
  const CollapsedLayer d = collapse_linear_network(r.W1, r.b1, r.W2, r.b2);
  CHECK(d.W.shape() == dlc::Shape{2, 3});
  CHECK(d.b.shape() == dlc::Shape{2, 1});
}
//! [collapse]

//! [depth_buys_nothing]
TEST_CASE("a linear two-layer network and its collapsed layer give the same output",
          "[week3.linear_network_forward][week3.collapse_linear_network]") {
  for (std::uint32_t seed : {3u, 4u, 5u}) {
    const RandomNetwork r = random_network(seed);
    const CollapsedLayer c = collapse_linear_network(r.W1, r.b1, r.W2, r.b2);
    CHECK_THAT(linear_network_forward(r.X, r.W1, r.b1, r.W2, r.b2),
               IsClose(dot(c.W, r.X) + c.b, 1e-12, "W2 (W1 X + b1) + b2 = W' X + b'"));
  }
  SECTION("three linear layers collapse too: collapse the first two, then that with the third") {
    dlc::RandomState rng(6);
    const RandomNetwork r = random_network(7);
    const Matrix W3 = rng.randn(4, 2), b3 = rng.randn(4, 1);
    const CollapsedLayer c12 = collapse_linear_network(r.W1, r.b1, r.W2, r.b2);
    const CollapsedLayer c123 = collapse_linear_network(c12.W, c12.b, W3, b3);
    const Matrix deep = dot(W3, linear_network_forward(r.X, r.W1, r.b1, r.W2, r.b2)) + b3;
    CHECK_THAT(deep, IsClose(dot(c123.W, r.X) + c123.b, 1e-12, "W3 (W2 (W1 X + b1) + b2) + b3"));
  }
}
//! [depth_buys_nothing]

//! [nonlinear]
TEST_CASE("with tanh hidden units the network is not a linear layer",
          "[week3.linear_network_forward][week3.collapse_linear_network]") {
  const RandomNetwork r = random_network(8);
  const CollapsedLayer c = collapse_linear_network(r.W1, r.b1, r.W2, r.b2);
  const Matrix with_tanh = tanh_network_forward(r.X, r.W1, r.b1, r.W2, r.b2);
  CHECK(dlc::max_abs_diff(with_tanh, dot(c.W, r.X) + c.b) > 0.1);

  // Any affine map f(x) = W x + b has f(u) + f(v) = f(u + v) + f(0). Take u and v the first two
  // examples: the linear network keeps the identity, the tanh network breaks it.
  const Matrix u = r.X.cols_range(0, 1), v = r.X.cols_range(1, 2), zero = Matrix::zeros(3, 1);
  auto lin = [&](const Matrix& x) { return linear_network_forward(x, r.W1, r.b1, r.W2, r.b2); };
  auto tnh = [&](const Matrix& x) { return tanh_network_forward(x, r.W1, r.b1, r.W2, r.b2); };
  CHECK_THAT(lin(u) + lin(v),
             IsClose(lin(u + v) + lin(zero), 1e-12, "f(u) + f(v) = f(u+v) + f(0)"));
  CHECK(dlc::max_abs_diff(tnh(u) + tnh(v), tnh(u + v) + tnh(zero)) > 0.1);
}
//! [nonlinear]

TEST_CASE("linear_network_forward and collapse_linear_network check their shapes",
          "[week3.linear_network_forward][week3.collapse_linear_network]") {
  const RandomNetwork r = random_network(9);
  CHECK_THROWS_WITH(linear_network_forward(r.X, r.W1.transposed(), r.b1, r.W2, r.b2),
                    Catch::Contains("W1 is (3, 5)") && Catch::Contains("X is (3, 7)") &&
                        Catch::Contains("W1 is (n_h, n_x)"));
  CHECK_THROWS_WITH(collapse_linear_network(r.W1, r.b1, r.W2.transposed(), r.b2),
                    Catch::Contains("W2 is (5, 2)") && Catch::Contains("W2 is (n_y, n_h)"));
  CHECK_THROWS_WITH(collapse_linear_network(r.W1, r.b1, r.W2, Matrix(1, 2)),
                    Catch::Contains("b2 is (1, 2)"));
  CHECK_THROWS_AS(collapse_linear_network(Matrix(5, 0), r.b1, r.W2, r.b2), dlc::ShapeError);
  // Shapes that fit are accepted (and the stubs say they are not written yet).
  CHECK(linear_network_forward(r.X, r.W1, r.b1, r.W2, r.b2).shape() == dlc::Shape{2, 7});
  CHECK(collapse_linear_network(r.W1, r.b1, r.W2, r.b2).W.shape() == dlc::Shape{2, 3});
}
