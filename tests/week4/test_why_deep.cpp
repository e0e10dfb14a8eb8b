// Tests of lecture 4.4: the parity of n bits computed exactly by a deep tree of XOR gates
// (about 2(n-1) units in ceil(log2 n) hidden layers) and by one hidden layer of 2^(n-1) units,
// each network checked on all 2^n inputs.
//
// The networks are evaluated here by a forward pass of this file (ReLU hidden layers, a sigmoid
// output), so that these exercises are graded on their own, whatever the state of
// L_model_forward and predict.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <string>
#include <vector>

#include "tests/support/compare.hpp"
#include "week4/why_deep.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::week4;

namespace {

// All 2^n bit vectors, column j holding the bits of j (row i is bit i), built independently of
// parity_data.
Matrix all_inputs(int n) {
  const std::size_t m = std::size_t{1} << n;
  Matrix X(static_cast<std::size_t>(n), m);
  for (std::size_t j = 0; j < m; ++j)
    for (std::size_t i = 0; i < X.rows(); ++i) X(i, j) = (j >> i) & 1U ? 1.0 : 0.0;
  return X;
}

// The parity of every column of all_inputs(n), (1, 2^n).
Matrix parities(int n) {
  const std::size_t m = std::size_t{1} << n;
  Matrix Y(1, m);
  for (std::size_t j = 0; j < m; ++j) Y(0, j) = __builtin_popcountll(j) % 2 == 1 ? 1.0 : 0.0;
  return Y;
}

// [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID, written out; A[l] for l = 0..L.
std::vector<Matrix> forward(const Matrix& X, const Parameters& p) {
  check_parameters("forward (test)", p, X.rows());
  std::vector<Matrix> A{X};
  for (std::size_t l = 1; l <= p.L(); ++l) {
    const Matrix Z = dot(p.W[l], A.back()) + p.b[l];
    A.push_back(l < p.L() ? maximum(Z, 0.0) : 1.0 / (1.0 + exp(-Z)));
  }
  return A;
}

// The layer sizes of a network, read from its weights.
LayerDims dims_of(const Parameters& p) {
  LayerDims dims{static_cast<int>(p.W.at(1).cols())};
  for (std::size_t l = 1; l <= p.L(); ++l) dims.push_back(static_cast<int>(p.W[l].rows()));
  return dims;
}

// sigma(c h - c/2) for the parity h of every input: sigma(10) where it is 1, sigma(-10) where 0.
Matrix exact_output(const Matrix& Y) {
  const double c = kParityOutputScale;
  return 1.0 / (1.0 + exp(-(c * Y - c / 2.0)));
}

// Units the deep tree carries a value through: one for each layer with an odd number of values.
std::size_t carries(int n) {
  std::size_t r = 0;
  for (int k = n; k > 1; k = (k + 1) / 2) r += static_cast<std::size_t>(k % 2);
  return r;
}

// Checks that `p` computes the parity of n bits: predictions (y_hat > 0.5) right on all 2^n
// inputs, and y_hat exactly sigma(+-c/2).
void check_computes_parity(const Parameters& p, int n) {
  const Matrix X = all_inputs(n), Y = parities(n);
  const Matrix AL = forward(X, p).back();
  INFO("n = " << n << " bits, all " << X.cols() << " inputs");
  CHECK_THAT(greater(AL, 0.5), IsClose(Y, 0.0, "predictions = parity(x)"));
  CHECK_THAT(AL, IsClose(exact_output(Y), 1e-12, "y_hat = sigma(c parity(x) - c/2)"));
}

}  // namespace

//! [parity_data]
TEST_CASE("parity_data: every bit vector of n bits and its parity", "[week4.parity_data]") {
  // By hand, n = 2: the columns are 0 = (0, 0), 1 = (1, 0), 2 = (0, 1), 3 = (1, 1).
  const ParityData two = parity_data(2);
  CHECK_THAT(two.X, IsClose(Matrix{{0, 1, 0, 1}, {0, 0, 1, 1}}, 0.0, "X_ij = bit i of j"));
  CHECK_THAT(two.Y, IsClose(Matrix{{0, 1, 1, 0}}, 0.0, "Y = x_0 XOR x_1"));
  // n = 1: the parity of one bit is the bit.
  const ParityData one = parity_data(1);
  CHECK_THAT(one.X, IsClose(Matrix{{0, 1}}, 0.0, "X_0j = j"));
  CHECK_THAT(one.Y, IsClose(Matrix{{0, 1}}, 0.0, "Y = x_0"));
  for (int n : {3, 5, 8, 11}) {
    INFO("n = " << n);
    const ParityData d = parity_data(n);
    CHECK_THAT(d.X, IsClose(all_inputs(n), 0.0, "X_ij = floor(j / 2^i) mod 2"));
    CHECK_THAT(d.Y, IsClose(parities(n), 0.0, "Y = (sum_i X_ij) mod 2"));
  }
  // Half of the 2^n vectors have odd parity.
  CHECK(sum(parity_data(7).Y) == 64.0);
}
//! [parity_data]

TEST_CASE("parity_data refuses a number of bits it cannot hold", "[week4.parity_data]") {
  CHECK_THROWS_WITH(parity_data(0),
                    Catch::Contains("parity_data: n is 0") && Catch::Contains("from 1 to 16 bits"));
  CHECK_THROWS_AS(parity_data(-3), std::invalid_argument);
  CHECK_THROWS_WITH(parity_data(17), Catch::Contains("n is 17") && Catch::Contains("2^17"));
  CHECK_THROWS_AS(parity_data(1000000), std::invalid_argument);
  CHECK(parity_data(kMaxParityBits).X.cols() == 65536);
}

//! [deep_by_hand]
TEST_CASE("deep_parity_network: n = 3 by hand, one gate and one carry, then one gate",
          "[week4.deep_parity_network]") {
  // Layer 1 XORs (x0, x1) with units 0 and 1 and carries x2 with unit 2; layer 2 XORs
  // v0 = h0 + h1 with v1 = h2 (units 0 and 1); the output adds them up: c (h0 + h1) - c/2.
  const Parameters p = deep_parity_network(3);
  REQUIRE(p.L() == 3);
  CHECK_THAT(p.W[1], IsClose(Matrix{{1, -1, 0}, {-1, 1, 0}, {0, 0, 1}}, 0.0,
                             "W[1]: ReLU(x0 - x1), ReLU(x1 - x0), ReLU(x2)"));
  CHECK_THAT(p.b[1], IsClose(Matrix::zeros(3, 1), 0.0, "b[1] = 0"));
  CHECK_THAT(p.W[2], IsClose(Matrix{{1, 1, -1}, {-1, -1, 1}}, 0.0,
                             "W[2]: ReLU(v0 - v1), ReLU(v1 - v0) with v0 = h0 + h1, v1 = h2"));
  CHECK_THAT(p.b[2], IsClose(Matrix::zeros(2, 1), 0.0, "b[2] = 0"));
  CHECK_THAT(p.W[3], IsClose(Matrix{{20, 20}}, 0.0, "W[3] = (c, c)"));
  CHECK_THAT(p.b[3], IsClose(Matrix{{-10}}, 0.0, "b[3] = -c/2"));
}
//! [deep_by_hand]

//! [deep_exact]
TEST_CASE("deep_parity_network computes the parity on all 2^n inputs",
          "[week4.deep_parity_network]") {
  for (int n : {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13}) {
    INFO("n = " << n);
    const Parameters p = deep_parity_network(n);
    // Shapes: the sizes of deep_parity_dims, ceil(log2 n) hidden layers.
    REQUIRE(dims_of(p) == deep_parity_dims(n));
    check_parameters("deep_parity_network", p, static_cast<std::size_t>(n));
    const NetworkSize size = network_size(dims_of(p));
    CHECK(size.hidden_layers == static_cast<std::size_t>(std::ceil(std::log2(n))));
    CHECK(size.hidden_units == 2 * static_cast<std::size_t>(n - 1) + carries(n));
    for (std::size_t l = 1; l < p.L(); ++l)
      CHECK_THAT(p.b[l], IsClose(Matrix::zeros(p.b[l].rows(), 1), 0.0, "hidden biases are 0"));
    check_computes_parity(p, n);
  }
  // A power of 2 needs no carry: exactly 2(n - 1) units, n - 1 gates.
  CHECK(network_size(dims_of(deep_parity_network(16))).hidden_units == 30);
  CHECK(network_size(dims_of(deep_parity_network(64))).hidden_units == 126);
}
//! [deep_exact]

TEST_CASE("deep_parity_network: every hidden value is a bit", "[week4.deep_parity_network]") {
  // With n = 11 (values 11, 6, 3, 2, 1: carries at 11 and 3), each gate's two units hold
  // a XOR b between them, one of them 0; each unit is 0 or 1 on every input.
  const std::vector<Matrix> A = forward(all_inputs(11), deep_parity_network(11));
  for (std::size_t l = 1; l + 1 < A.size(); ++l) {
    INFO("layer " << l);
    const Matrix& a = A[l];
    CHECK_THAT(a * (1.0 - a), IsClose(Matrix::zeros(a.rows(), a.cols()), 0.0, "a in {0, 1}"));
  }
}

//! [shallow_by_hand]
TEST_CASE("shallow_parity_network: n = 3 by hand, one unit per odd pattern 1, 2, 4, 7",
          "[week4.shallow_parity_network]") {
  const Parameters p = shallow_parity_network(3);
  REQUIRE(p.L() == 2);
  CHECK_THAT(p.W[1], IsClose(Matrix{{1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}, {1, 1, 1}}, 0.0,
                             "W[1](k, i) = 2 p_i - 1"));
  CHECK_THAT(p.b[1], IsClose(Matrix{{0}, {0}, {0}, {-2}}, 0.0, "b[1](k) = 1 - |p|"));
  CHECK_THAT(p.W[2], IsClose(Matrix{{20, 20, 20, 20}}, 0.0, "W[2] = c on every unit"));
  CHECK_THAT(p.b[2], IsClose(Matrix{{-10}}, 0.0, "b[2] = -c/2"));
}
//! [shallow_by_hand]

//! [shallow_exact]
TEST_CASE("shallow_parity_network computes the parity with 2^(n-1) pattern units",
          "[week4.shallow_parity_network]") {
  for (int n : {1, 2, 3, 4, 5, 6, 7, 9, 10}) {
    INFO("n = " << n);
    const Parameters p = shallow_parity_network(n);
    REQUIRE(dims_of(p) == shallow_parity_dims(n));
    const NetworkSize size = network_size(dims_of(p));
    CHECK(size.hidden_layers == 1);
    CHECK(size.hidden_units == std::size_t{1} << (n - 1));
    check_computes_parity(p, n);
    // Each unit is 1 on exactly one input, an odd one, and 0 on all the others; each odd input
    // has its own unit.
    const Matrix X = all_inputs(n), Y = parities(n);
    const Matrix H = forward(X, p)[1];
    CHECK_THAT(H * (1.0 - H), IsClose(Matrix::zeros(H.rows(), H.cols()), 0.0, "h in {0, 1}"));
    CHECK_THAT(sum(H, 1), IsClose(Matrix::ones(H.rows(), 1), 0.0, "each unit: one input"));
    CHECK_THAT(sum(H, 0), IsClose(Y, 0.0, "each odd input: one unit, each even one: none"));
  }
}
//! [shallow_exact]

TEST_CASE("the networks refuse n out of range, the shallow one before allocating 2^(n-1) units",
          "[week4.deep_parity_network][week4.shallow_parity_network]") {
  CHECK_THROWS_WITH(shallow_parity_network(17),
                    Catch::Contains("shallow_parity_network: n is 17") &&
                        Catch::Contains("2^(n-1) = 65536 units"));
  CHECK_THROWS_WITH(shallow_parity_network(200), Catch::Contains("2^(n-1) = 2^199 units"));
  CHECK_THROWS_WITH(shallow_parity_network(0), Catch::Contains("from 1 to 16 bits"));
  CHECK_THROWS_AS(shallow_parity_network(-1), std::invalid_argument);
  CHECK_THROWS_WITH(deep_parity_network(0), Catch::Contains("deep_parity_network: n is 0"));
  CHECK_THROWS_WITH(deep_parity_network(1025), Catch::Contains("from 1 to 1024 bits"));
  // The largest allowed: the deep tree stays small where the pattern network is at its limit.
  CHECK(deep_parity_network(kMaxDeepParityBits).L() == 11);
  CHECK(shallow_parity_network(kMaxParityBits).W[1].rows() == 32768);
}

//! [sizes]
TEST_CASE("the sizes of the networks follow the formulas", "[given]") {
  CHECK(deep_parity_dims(1) == LayerDims{1, 1});
  CHECK(deep_parity_dims(2) == LayerDims{2, 2, 1});
  CHECK(deep_parity_dims(5) == LayerDims{5, 5, 3, 2, 1});
  CHECK(deep_parity_dims(8) == LayerDims{8, 8, 4, 2, 1});
  CHECK(shallow_parity_dims(8) == LayerDims{8, 128, 1});
  CHECK(shallow_parity_dims(31) == LayerDims{31, 1 << 30, 1});
  CHECK_THROWS_WITH(shallow_parity_dims(32), Catch::Contains("n is 32"));
  CHECK_THROWS_AS(deep_parity_dims(0), std::invalid_argument);

  // {8, 8, 4, 2, 1}: 8 * 9 + 4 * 9 + 2 * 5 + 1 * 3 = 121 weights and biases.
  const NetworkSize deep = network_size(deep_parity_dims(8));
  CHECK(deep.hidden_layers == 3);
  CHECK(deep.hidden_units == 14);
  CHECK(deep.parameters == 121);
  // {8, 128, 1}: 128 * 9 + 1 * 129 = 1281.
  const NetworkSize shallow = network_size(shallow_parity_dims(8));
  CHECK(shallow.hidden_layers == 1);
  CHECK(shallow.hidden_units == 128);
  CHECK(shallow.parameters == 1281);
  // At the limit: 2^30 units, 2^30 (31 + 1) + 2^30 + 1 parameters.
  const NetworkSize big = network_size(shallow_parity_dims(31));
  CHECK(big.parameters == (std::size_t{1} << 30) * 33 + 1);
  for (int n = 2; n <= 1024; ++n) {
    INFO("n = " << n);
    const NetworkSize s = network_size(deep_parity_dims(n));
    REQUIRE(s.hidden_layers == static_cast<std::size_t>(std::ceil(std::log2(n))));
    REQUIRE(s.hidden_units >= 2 * static_cast<std::size_t>(n - 1));
    REQUIRE(s.hidden_units <= 2 * static_cast<std::size_t>(n - 1) + s.hidden_layers);
  }
  CHECK_THROWS_AS(network_size(LayerDims{3}), std::invalid_argument);
}
//! [sizes]

TEST_CASE("counting_parity_network: n ReLU units of the sum of the bits compute the parity",
          "[given]") {
  for (int n : {1, 2, 3, 6, 9, 12}) {
    INFO("n = " << n);
    const Parameters p = counting_parity_network(n);
    CHECK(dims_of(p) == LayerDims{n, n, 1});
    check_computes_parity(p, n);
  }
  CHECK_THROWS_AS(counting_parity_network(0), std::invalid_argument);
}
