// Tests of lectures 4.2 and 4.5 (and the correction of lecture 4.8's summary slide): the building
// blocks of a deep network.
//
// Numbers marked "numpy" were computed with numpy 1.24 running the step-by-step notebook's code
// (its `*_test_case` functions, seeded as there) on the same draws: RandomState reproduces
// np.random bit for bit, so the inputs here are numpy's inputs. Every backward function is also
// checked against a numerical gradient of the cost through a whole network of four layers, with
// no square matrix and m > 1, so that a missing 1/m, a wrong transpose or a sum over the wrong
// axis cannot pass; the gradient with respect to X (the notebook's dA0) is checked the same way.
// The caches hold values: tests make them from temporaries, copy them, change what they were
// made from, and check that nothing they hold moves.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "common/gradient_check.hpp"
#include "common/matrix.hpp"
#include "common/random.hpp"
#include "tests/support/compare.hpp"
#include "week4/deep_network.hpp"

using dlc::Matrix;
using dlc::Shape;
using dlc::testing::IsClose;
using namespace dlc::week4;

namespace {

// A network and a data set drawn from numpy's generator: X (n[0], m), labels Y (1, m) with both
// classes, W[l] = randn * scale and b[l] = randn * scale + 0.5 (so that a forgotten b shows, and
// most ReLU units are on for most examples while some are off).
struct Net {
  Matrix X, Y;
  Parameters p;
};
Net random_net(const LayerDims& n, std::size_t m, std::uint32_t seed, double scale = 0.6) {
  dlc::RandomState rng(seed);
  Net q;
  q.X = rng.randn(static_cast<std::size_t>(n[0]), m);
  q.Y = dlc::greater(rng.rand(1, m), 0.5);
  q.Y(0, 0) = 1.0;
  q.Y(0, 1) = 0.0;
  q.p.W.resize(n.size());
  q.p.b.resize(n.size());
  for (std::size_t l = 1; l < n.size(); ++l) {
    const auto rows = static_cast<std::size_t>(n[l]), cols = static_cast<std::size_t>(n[l - 1]);
    q.p.W[l] = rng.randn(rows, cols) * scale;
    q.p.b[l] = rng.randn(rows, 1) * scale + 0.5;  // mostly positive: most ReLU units on
  }
  return q;
}

// The lecture's forward pass written out with plain Matrix operations (independent of the
// exercises and of the given activations): Z[l] = W[l] A[l-1] + b[l], ReLU for l < L, sigmoid
// for l = L. The caches are the ones L_model_forward returns: caches[l] = ((A[l-1], W[l], b[l]),
// Z[l]) for l = 1..L, caches[0] empty.
struct Forward {
  std::vector<Matrix> A;      // A[0] = X, ..., A[L] = AL
  std::vector<Cache> caches;  // caches[0] empty
};
Forward reference_forward(const Matrix& X, const Parameters& p) {
  const std::size_t L = p.L();
  Forward f;
  f.A.assign(L + 1, Matrix());
  f.caches.assign(L + 1, Cache{});
  f.A[0] = X;
  for (std::size_t l = 1; l <= L; ++l) {
    const Matrix Z = dlc::dot(p.W[l], f.A[l - 1]) + p.b[l];
    f.A[l] = l < L ? dlc::maximum(Z, 0.0) : 1.0 / (1.0 + dlc::exp(-Z));
    f.caches[l] = Cache{LinearCache{f.A[l - 1], p.W[l], p.b[l]}, Z};
  }
  return f;
}

// J = -1/m sum(Y log(AL) + (1 - Y) log(1 - AL)), written out (independent of compute_cost).
double reference_cost(const Matrix& AL, const Matrix& Y) {
  const double m = static_cast<double>(Y.cols());
  return -dlc::sum(Y * dlc::log(AL) + (1.0 - Y) * dlc::log(1.0 - AL)) / m;
}

double cost_at(const Matrix& X, const Matrix& Y, const Parameters& p) {
  return reference_cost(reference_forward(X, p).A[p.L()], Y);
}

// dAL = -(Y / AL - (1 - Y) / (1 - AL)), written out.
Matrix reference_dAL(const Matrix& AL, const Matrix& Y) {
  return -(Y / AL - (1.0 - Y) / (1.0 - AL));
}

// Compares a backward pass's gradient with the centred-difference one, printing both.
void compare_gradient(const std::string& name, const Matrix& analytic, const Matrix& numeric) {
  INFO(name << "\nbackward:  " << analytic << "\nnumerical: " << numeric);
  CHECK(analytic.shape() == numeric.shape());
  if (analytic.shape() == numeric.shape()) {
    CHECK(dlc::relative_difference(analytic, numeric) < 1e-7);
  }
}

// Every dW[l] and db[l], and dA[0] (with respect to X, the notebook's dA0), against the
// numerical gradient of the whole network's cost.
void check_all_gradients(const Net& q, const std::vector<Matrix>& dW, const std::vector<Matrix>& db,
                         const Matrix& dA0, const std::string& how) {
  const std::size_t L = q.p.L();
  REQUIRE(dW.size() == L + 1);
  REQUIRE(db.size() == L + 1);
  CHECK(dW[0].empty());
  CHECK(db[0].empty());
  for (std::size_t l = 1; l <= L; ++l) {
    const std::string layer = std::to_string(l);
    const Matrix nW = dlc::numerical_gradient(
        [&](const Matrix& theta) {
          Parameters p = q.p;
          p.W[l] = theta;
          return cost_at(q.X, q.Y, p);
        },
        q.p.W[l]);
    // A layer whose units are all off would check nothing: most entries must carry a gradient.
    CHECK(dlc::sum(dlc::greater(dlc::abs(nW), 1e-6)) >= 0.5 * static_cast<double>(nW.size()));
    compare_gradient(
        how + ": dW[" + layer + "] = 1/m dZ[" + layer + "] A[" + std::to_string(l - 1) + "]^T",
        dW[l], nW);
    const Matrix nb = dlc::numerical_gradient(
        [&](const Matrix& theta) {
          Parameters p = q.p;
          p.b[l] = theta;
          return cost_at(q.X, q.Y, p);
        },
        q.p.b[l]);
    compare_gradient(how + ": db[" + layer + "] = 1/m sum(dZ[" + layer + "], axis=1)", db[l], nb);
  }
  const Matrix nX =
      dlc::numerical_gradient([&](const Matrix& theta) { return cost_at(theta, q.Y, q.p); }, q.X);
  // The course's dA[l] are the derivatives of the sum of the m losses (the 1/m comes in dW and
  // db), so dA[0] is m times the gradient of J with respect to X.
  const double m = static_cast<double>(q.X.cols());
  compare_gradient(how + ": dA[0] = W[1]^T dZ[1], with respect to X (times 1/m)", dA0 / m, nX);
}

// {n[0], ..., n[L]}: four layers, every size different, m = 7.
const LayerDims kDims = {5, 4, 3, 2, 1};
constexpr std::size_t kM = 7;

Parameters two_layers(const Matrix& W1, const Matrix& b1, const Matrix& W2, const Matrix& b2) {
  Parameters p;
  p.W = {Matrix(), W1, W2};
  p.b = {Matrix(), b1, b2};
  return p;
}

}  // namespace

// ---- given code: the activations, their backward steps, and the caches as values -------------

TEST_CASE("sigmoid, relu and their backward steps (the notebook's dnn_utils)", "[given]") {
  const Matrix Z{{-1.0, 0.0, 2.0}, {0.5, -3.0, 0.0}};
  {
    auto [A, activation_cache] = sigmoid(Z);
    CHECK_THAT(A, IsClose(1.0 / (1.0 + dlc::exp(-Z)), 0.0, "sigma(Z)"));
    CHECK(A(0, 1) == 0.5);
    CHECK_THAT(activation_cache, IsClose(Z, 0.0, "the cache is Z"));
  }
  {
    auto [A, activation_cache] = relu(Z);
    CHECK_THAT(A, IsClose(Matrix{{0.0, 0.0, 2.0}, {0.5, 0.0, 0.0}}, 0.0, "max(0, Z)"));
    CHECK_THAT(activation_cache, IsClose(Z, 0.0, "the cache is Z"));
  }
  CHECK(std::isnan(relu(Matrix{{std::numeric_limits<double>::quiet_NaN()}}).A(0, 0)));  // as np

  const Matrix dA{{1.0, 2.0, 3.0}, {4.0, 5.0, 6.0}};
  // dZ = dA where Z > 0; Z == 0 counts as "not above" (numpy: dZ[Z <= 0] = 0)
  CHECK_THAT(relu_backward(dA, Z),
             IsClose(Matrix{{0.0, 0.0, 3.0}, {4.0, 0.0, 0.0}}, 0.0, "dA * [Z > 0]"));
  const Matrix s = 1.0 / (1.0 + dlc::exp(-Z));
  const Matrix dZ = sigmoid_backward(dA, Z);
  CHECK_THAT(dZ, IsClose(dA * s * (1.0 - s), 0.0, "dA * s (1 - s)"));
  CHECK(dZ(0, 1) == 2.0 * 0.25);
  CHECK_THROWS_AS(relu_backward(Matrix(2, 2), Z), dlc::ShapeError);
  CHECK_THROWS_WITH(sigmoid_backward(Matrix(3, 2), Z),
                    Catch::Contains("dA is (3, 2) but Z is (2, 3)"));
}

TEST_CASE("caches are values: a copy keeps its own matrices", "[given]") {
  const Matrix A_prev{{1.0, 2.0}, {3.0, 4.0}, {5.0, 6.0}}, W{{1.0, 0.0, -1.0}, {2.0, 1.0, 0.0}},
      b{{0.5}, {-0.5}}, Z{{-3.5, -3.5}, {4.5, 7.5}};  // Z = W A_prev + b
  Cache original{LinearCache{A_prev, W, b}, Z};
  const Cache copy = original;
  std::vector<Cache> caches = {Cache{}, original};
  const std::vector<Cache> caches_copy = caches;
  // Changing the original (or the list) leaves the copies as they were, and the other way round.
  original.linear_cache.A_prev(0, 0) = 100.0;
  original.linear_cache.W(1, 2) = 100.0;
  original.activation_cache(1, 1) = 100.0;
  caches[1].linear_cache.b(0, 0) = 100.0;
  CHECK_THAT(copy.linear_cache.A_prev, IsClose(A_prev, 0.0, "the copy's A_prev"));
  CHECK_THAT(copy.linear_cache.W, IsClose(W, 0.0, "the copy's W"));
  CHECK_THAT(copy.linear_cache.b, IsClose(b, 0.0, "the copy's b"));
  CHECK_THAT(copy.activation_cache, IsClose(Z, 0.0, "the copy's Z"));
  CHECK_THAT(caches_copy[1].linear_cache.b, IsClose(b, 0.0, "the copied list's b"));
  CHECK_THAT(caches[1].linear_cache.A_prev, IsClose(A_prev, 0.0, "the list's own A_prev"));
  Cache second = copy;
  second.activation_cache(0, 0) = -1.0;
  CHECK(copy.activation_cache(0, 0) == -3.5);
}

TEST_CASE("check_parameters: names the layer and the rule", "[given]") {
  const Net q = random_net({3, 4, 1}, 2, 1);
  CHECK_NOTHROW(check_parameters("f", q.p, 3));
  CHECK_THROWS_WITH(check_parameters("predict", q.p, 5),
                    Catch::Contains("predict: W[1] is (4, 3) but n[0] is 5 (the rows of X)") &&
                        Catch::Contains("W[l] is (n[l], n[l-1])"));
  Parameters p = q.p;
  p.b[2] = Matrix(2, 1);
  CHECK_THROWS_WITH(check_parameters("f", p, 3),
                    Catch::Contains("b[2] is (2, 1)") && Catch::Contains("b[l] is (n[l], 1)"));
  p = q.p;
  p.W[2] = Matrix(2, 4);
  p.b[2] = Matrix(2, 1);
  CHECK_THROWS_WITH(check_parameters("f", p, 3), Catch::Contains("W[L] must have 1 row"));
  CHECK_THROWS_AS(check_parameters("f", Parameters{}, 3), dlc::ShapeError);
  // The notebook's numbering (W1 in entry 0) is refused, not read as a smaller network.
  p.W = {q.p.W[1], q.p.W[2]};
  p.b = {q.p.b[1], q.p.b[2]};
  CHECK_THROWS_WITH(check_parameters("f", p, 3),
                    Catch::Contains("W[0] is (4, 3) and b[0] is (4, 1) but both must be empty") &&
                        Catch::Contains("L + 1 entries"));
}

// ---- initialization --------------------------------------------------------------------------

TEST_CASE("initialize_parameters: the two-layer notebook's numbers, seed 1",
          "[week4.initialize_parameters]") {
  dlc::RandomState rng(1);
  const Parameters p = initialize_parameters(3, 2, 1, rng);
  REQUIRE(p.L() == 2);
  REQUIRE(p.b.size() == 3);
  // numpy: np.random.seed(1); W1 = np.random.randn(2, 3) * 0.01; W2 = np.random.randn(1, 2) * 0.01
  const Matrix W1{{0.01624345363663242, -0.006117564136500754, -0.005281717522634557},
                  {-0.010729686221561705, 0.008654076293246785, -0.02301538696880283}};
  const Matrix W2{{0.0174481176421648, -0.007612069008951028}};
  CHECK_THAT(p.W[1], IsClose(W1, 1e-15, "W[1] = randn(n_h, n_x) * 0.01, drawn first"));
  CHECK_THAT(p.W[2], IsClose(W2, 1e-15, "W[2] = randn(n_y, n_h) * 0.01, drawn second"));
  CHECK_THAT(p.b[1], IsClose(Matrix(2, 1), 0.0, "b[1] = zeros (n_h, 1)"));
  CHECK_THAT(p.b[2], IsClose(Matrix(1, 1), 0.0, "b[2] = zeros (n_y, 1)"));
}

TEST_CASE("initialize_parameters: shapes, the draw order and small weights for any sizes",
          "[week4.initialize_parameters]") {
  dlc::RandomState rng(7);
  const Parameters p = initialize_parameters(6, 4, 1, rng);
  REQUIRE(p.L() == 2);
  CHECK(p.W[1].shape() == Shape{4, 6});
  CHECK(p.b[1].shape() == Shape{4, 1});
  CHECK(p.W[2].shape() == Shape{1, 4});
  CHECK(p.b[2].shape() == Shape{1, 1});
  // The same stream, drawn as the notebook draws it: W1 first, then W2.
  dlc::RandomState again(7);
  const Matrix W1 = again.randn(4, 6) * 0.01;
  const Matrix W2 = again.randn(1, 4) * 0.01;
  CHECK_THAT(p.W[1], IsClose(W1, 1e-15, "W[1] = randn(4, 6) * 0.01"));
  CHECK_THAT(p.W[2], IsClose(W2, 1e-15, "W[2] = randn(1, 4) * 0.01 after W[1]"));
  // The generator has moved on by exactly those 28 draws.
  CHECK(rng.standard_normal() == again.standard_normal());
  CHECK_THROWS_WITH(initialize_parameters(6, 0, 1, rng),
                    Catch::Contains("layer_dims[1] is 0 but every layer needs at least 1 unit"));
}

TEST_CASE("initialize_parameters: n_y = 2 outputs, W[2] (n_y, n_h) drawn after W[1], b[2] (n_y, 1)",
          "[week4.initialize_parameters]") {
  // n_x = 3, n_h = 5, n_y = 2: b[2] = zeros(1, 1), or W[2] drawn as randn(n_h, n_y) and
  // transposed, agree with the right ones only when n_y = 1.
  dlc::RandomState rng(6);
  const Parameters p = initialize_parameters(3, 5, 2, rng);
  REQUIRE(p.L() == 2);
  dlc::RandomState stream(6);
  const Matrix W1 = stream.randn(5, 3) * 0.01;  // np.random.randn(n_h, n_x) * 0.01
  const Matrix W2 = stream.randn(2, 5) * 0.01;  // then np.random.randn(n_y, n_h) * 0.01
  CHECK_THAT(p.W[1], IsClose(W1, 0.0, "W[1] = randn(n_h, n_x) * 0.01"));
  CHECK_THAT(p.b[1], IsClose(Matrix(5, 1), 0.0, "b[1] = zeros (n_h, 1)"));
  CHECK_THAT(p.W[2], IsClose(W2, 0.0, "W[2] = randn(n_y, n_h) * 0.01, after W[1]"));
  CHECK_THAT(p.b[2], IsClose(Matrix(2, 1), 0.0, "b[2] = zeros (n_y, 1)"));
}

TEST_CASE("initialize_parameters_deep: the step-by-step notebook's numbers, [5, 4, 3], seed 3",
          "[week4.initialize_parameters_deep]") {
  dlc::RandomState rng(3);
  const Parameters p = initialize_parameters_deep({5, 4, 3}, rng, WeightScale::kTimes001);
  REQUIRE(p.L() == 2);
  REQUIRE(p.b.size() == 3);
  // numpy: np.random.seed(3); np.random.randn(4, 5) * 0.01, then np.random.randn(3, 4) * 0.01
  const Matrix W1{{0.017886284734303187, 0.004365098505119894, 0.0009649746807200863,
                   -0.01863492703364491, -0.0027738820251439907},
                  {-0.0035475897926898676, -0.0008274148148245977, -0.0062700067682384735,
                   -0.0004381816897592824, -0.004772180303595027},
                  {-0.013138647533626821, 0.008846223804995846, 0.008813180422075299,
                   0.017095730636529485, 0.0005003364217686021},
                  {-0.0040467741460089085, -0.0054535994761953045, -0.015464773155829684,
                   0.009823674342581601, -0.011010676301114757}};
  const Matrix W2{
      {-0.011850465270201728, -0.0020564989942254107, 0.014861483550745902, 0.0023671626722691235},
      {-0.010237851399264681, -0.007129932001120494, 0.006252449661628293, -0.0016051336318692391},
      {-0.0076883635031923005, -0.0023003072227793906, 0.007450562664053709, 0.019761107831263027}};
  CHECK_THAT(p.W[1], IsClose(W1, 1e-15, "W[1] = randn(n[1], n[0]) * 0.01"));
  CHECK_THAT(p.W[2], IsClose(W2, 1e-15, "W[2] = randn(n[2], n[1]) * 0.01, drawn after W[1]"));
  CHECK_THAT(p.b[1], IsClose(Matrix(4, 1), 0.0, "b[1] = zeros (4, 1)"));
  CHECK_THAT(p.b[2], IsClose(Matrix(3, 1), 0.0, "b[2] = zeros (3, 1)"));
}

TEST_CASE("initialize_parameters_deep: the cat notebook's randn / sqrt(n[l-1]), seed 1",
          "[week4.initialize_parameters_deep]") {
  dlc::RandomState rng(1);
  const Parameters p = initialize_parameters_deep({5, 4, 3}, rng);  // the default scale
  REQUIRE(p.L() == 2);
  // numpy: np.random.seed(1); np.random.randn(4, 5) / np.sqrt(5), np.random.randn(3, 4) / np.sqrt(4)
  const Matrix W1{{0.726429330417525, -0.2735857853186097, -0.23620558837125305,
                   -0.4798461553730968, 0.3870220574833843},
                  {-1.029279395814119, 0.7803035425458769, -0.34042207506867905, 0.1426786212527515,
                   -0.1115218222284271},
                  {0.653874547534909, -0.9213229339302802, -0.14418935705792416,
                   -0.17175432881867822, 0.5070371087748131},
                  {-0.49188632831451307, -0.07711223866424337, -0.39259021941852135,
                   0.01887856144820481, 0.2606428872379293}};
  const Matrix W2{
      {-0.5503095886064606, 0.5723618549198071, 0.4507953602963978, 0.2512471694509341},
      {0.4504279746322059, -0.34186392958716655, -0.061445112759324086, -0.4678847171295344},
      {-0.13394403981300795, 0.265177733369093, -0.3458303758626545, -0.19837676342798868}};
  CHECK_THAT(p.W[1], IsClose(W1, 1e-15, "W[1] = randn(4, 5) / sqrt(n[0] = 5)"));
  CHECK_THAT(p.W[2], IsClose(W2, 1e-15, "W[2] = randn(3, 4) / sqrt(n[1] = 4)"));
  CHECK_THAT(p.b[2], IsClose(Matrix(3, 1), 0.0, "b[2] = zeros (3, 1)"));
}

TEST_CASE("initialize_parameters_deep: every layer, in order, for any depth",
          "[week4.initialize_parameters_deep]") {
  const LayerDims n = {6, 9, 2, 5, 1};
  dlc::RandomState rng(11);
  const Parameters p = initialize_parameters_deep(n, rng);
  dlc::RandomState rng001(11);
  const Parameters q = initialize_parameters_deep(n, rng001, WeightScale::kTimes001);
  REQUIRE(p.L() == 4);
  REQUIRE(p.b.size() == 5);
  REQUIRE(q.L() == 4);
  dlc::RandomState stream(11);
  for (std::size_t l = 1; l <= 4; ++l) {
    INFO("layer " << l);
    const auto rows = static_cast<std::size_t>(n[l]), cols = static_cast<std::size_t>(n[l - 1]);
    const Matrix draw = stream.randn(rows, cols);  // W[1], W[2], ... in turn; b draws nothing
    CHECK_THAT(p.W[l], IsClose(draw / std::sqrt(static_cast<double>(cols)), 1e-15,
                               "W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1])"));
    CHECK_THAT(q.W[l], IsClose(draw * 0.01, 1e-15, "W[l] = randn(n[l], n[l-1]) * 0.01"));
    CHECK_THAT(p.b[l], IsClose(Matrix(rows, 1), 0.0, "b[l] = zeros (n[l], 1)"));
  }
  // Weights random, not zero and not all equal: the symmetry is broken.
  CHECK(p.W[1](0, 0) != p.W[1](1, 0));
  CHECK_THROWS_WITH(initialize_parameters_deep({4}, rng), Catch::Contains("needs at least 2"));
  CHECK_THROWS_WITH(initialize_parameters_deep({4, -1, 1}, rng),
                    Catch::Contains("layer_dims[1] is -1"));
}

// ---- forward ---------------------------------------------------------------------------------

TEST_CASE("linear_forward: Z = W A_prev + b, by hand and the notebook's case",
          "[week4.linear_forward]") {
  // By hand: W (2, 3), A_prev (3, 2), b (2, 1):
  // Z[0] = [1*1 + 2*2 + 3*(-1) + 0.5, 1*0 + 2*1 + 3*4 + 0.5] = [2.5, 14.5]
  // Z[1] = [0*1 - 1*2 + 0.5*(-1) - 1, 0*0 - 1*1 + 0.5*4 - 1] = [-3.5, 0]
  const Matrix W{{1.0, 2.0, 3.0}, {0.0, -1.0, 0.5}};
  const Matrix A_prev{{1.0, 0.0}, {2.0, 1.0}, {-1.0, 4.0}};
  const Matrix b{{0.5}, {-1.0}};
  {
    auto [Z, linear_cache] = linear_forward(A_prev, W, b);
    CHECK_THAT(Z, IsClose(Matrix{{2.5, 14.5}, {-3.5, 0.0}}, 1e-15, "Z = W A_prev + b"));
    // The cache is the notebook's (A_prev, W, b), as values.
    CHECK_THAT(linear_cache.A_prev, IsClose(A_prev, 0.0, "cache = (A_prev, W, b): A_prev"));
    CHECK_THAT(linear_cache.W, IsClose(W, 0.0, "cache = (A_prev, W, b): W"));
    CHECK_THAT(linear_cache.b, IsClose(b, 0.0, "cache = (A_prev, W, b): b"));
  }

  // numpy, linear_forward_test_case: np.random.seed(1); A = randn(3, 2); W = randn(1, 3);
  // b = randn(1, 1); Z = np.dot(W, A) + b
  dlc::RandomState rng(1);
  const Matrix A1 = rng.randn(3, 2), W1 = rng.randn(1, 3), b1 = rng.randn(1, 1);
  CHECK_THAT(linear_forward(A1, W1, b1).Z,
             IsClose(Matrix{{3.262953374654174, -1.2342998686128757}}, 1e-14,
                     "Z = W A_prev + b (the notebook's case)"));
}

TEST_CASE("linear_forward: a cache made from temporaries is safe to use afterwards",
          "[week4.linear_forward]") {
  // linear_forward(rng.randn(3, 2), W, b): A_prev is a temporary, gone after the call. The
  // cache keeps its values, and so it does for a W and a b that were temporaries too.
  const Matrix W{{1.0, 2.0, 3.0}, {0.0, -1.0, 0.5}};
  const Matrix b{{0.5}, {-1.0}};
  dlc::RandomState rng(9);
  auto [Z, linear_cache] = linear_forward(rng.randn(3, 2), W, b);
  auto [Z2, cache2] = linear_forward(linear_cache.A_prev, W * 2.0, b - 1.0);
  // Allocate and fill matrices of the same sizes, where the temporaries' memory was.
  std::vector<Matrix> other;
  for (int k = 0; k < 8; ++k) other.emplace_back(3, 2, -7.0);
  for (int k = 0; k < 8; ++k) other.emplace_back(2, 3, -7.0);
  dlc::RandomState again(9);
  const Matrix A_prev = again.randn(3, 2);
  CHECK_THAT(linear_cache.A_prev, IsClose(A_prev, 0.0, "the cache's A_prev, after the call"));
  CHECK_THAT(Z, IsClose(dlc::dot(W, A_prev) + b, 1e-15, "Z = W A_prev + b"));
  CHECK_THAT(cache2.W, IsClose(W * 2.0, 0.0, "a W that was a temporary"));
  CHECK_THAT(cache2.b, IsClose(b - 1.0, 0.0, "a b that was a temporary"));
  CHECK_THAT(Z2, IsClose(dlc::dot(W * 2.0, A_prev) + (b - 1.0), 1e-15, "Z = W A_prev + b"));
  // What the backward step computes from the cache, written out, is the value of its matrices.
  CHECK_THAT(dlc::dot(cache2.W, cache2.A_prev) + cache2.b, IsClose(Z2, 1e-15, "W A_prev + b"));
}

TEST_CASE("linear_forward: shapes on non-square data, and bad shapes cite the rule",
          "[week4.linear_forward]") {
  const Net q = random_net({6, 4, 1}, 9, 5);
  auto [Z, linear_cache] = linear_forward(q.X, q.p.W[1], q.p.b[1]);
  CHECK(Z.shape() == Shape{4, 9});
  // Entry by entry, as the lecture's sum z_ij = sum_k w_ik a_kj + b_i.
  for (std::size_t i = 0; i < 4; ++i) {
    for (std::size_t j = 0; j < 9; ++j) {
      double z = q.p.b[1](i, 0);
      for (std::size_t k = 0; k < 6; ++k) z += q.p.W[1](i, k) * q.X(k, j);
      CHECK(Z(i, j) == Approx(z).epsilon(1e-13).margin(1e-14));
    }
  }
  CHECK(linear_cache.A_prev.shape() == Shape{6, 9});
  CHECK_THROWS_WITH(linear_forward(Matrix(5, 9), q.p.W[1], q.p.b[1]),
                    Catch::Contains("W is (4, 6) but A_prev is (5, 9)") &&
                        Catch::Contains("W[l] is (n[l], n[l-1])"));
  CHECK_THROWS_WITH(linear_forward(q.X, q.p.W[1], Matrix(1, 4)),
                    Catch::Contains("b is (1, 4)") && Catch::Contains("b[l] is (n[l], 1)"));
  CHECK_THROWS_AS(linear_forward(q.X, q.p.W[1], Matrix(4, 9)), dlc::ShapeError);
}

TEST_CASE("linear_activation_forward: the notebook's case, sigmoid and ReLU",
          "[week4.linear_activation_forward]") {
  // numpy, linear_activation_forward_test_case: np.random.seed(2); A_prev = randn(3, 2);
  // W = randn(1, 3); b = randn(1, 1)
  dlc::RandomState rng(2);
  const Matrix A_prev = rng.randn(3, 2), W = rng.randn(1, 3), b = rng.randn(1, 1);
  auto [A, cache] = linear_activation_forward(A_prev, W, b, Activation::kSigmoid);
  CHECK_THAT(A, IsClose(Matrix{{0.968900232783661, 0.11013289483978989}}, 1e-14,
                        "A = sigmoid(W A_prev + b)"));
  // cache = (linear_cache, activation_cache): ((A_prev, W, b), Z)
  CHECK_THAT(cache.activation_cache,
             IsClose(dlc::dot(W, A_prev) + b, 1e-14, "the activation cache is Z = W A_prev + b"));
  CHECK_THAT(cache.linear_cache.A_prev, IsClose(A_prev, 0.0, "linear_cache = (A_prev, W, b)"));
  CHECK_THAT(cache.linear_cache.W, IsClose(W, 0.0, "linear_cache = (A_prev, W, b)"));
  CHECK_THAT(cache.linear_cache.b, IsClose(b, 0.0, "linear_cache = (A_prev, W, b)"));
  auto [A_relu, relu_cache] = linear_activation_forward(A_prev, W, b, Activation::kRelu);
  // numpy: relu(Z) = [[3.4389613134945427, 0.0]]
  CHECK_THAT(A_relu, IsClose(Matrix{{3.4389613134945427, 0.0}}, 1e-14, "A = relu(W A_prev + b)"));
  CHECK_THAT(relu_cache.activation_cache,
             IsClose(cache.activation_cache, 0.0, "the same Z, whatever the activation"));
}

TEST_CASE("linear_activation_forward: ReLU by hand on non-square data, and bad shapes",
          "[week4.linear_activation_forward]") {
  // By hand: W (2, 3), A_prev (3, 2), b (2, 1) as in linear_forward's case: Z = [[2.5, 14.5],
  // [-3.5, 0]], so ReLU gives [[2.5, 14.5], [0, 0]] and the sigmoid 1 / (1 + e^{-z}). The inputs
  // are temporaries: the cache must hold their values.
  const Matrix W{{1.0, 2.0, 3.0}, {0.0, -1.0, 0.5}};
  const Matrix A_prev{{1.0, 0.0}, {2.0, 1.0}, {-1.0, 4.0}};
  const Matrix b{{0.5}, {-1.0}};
  {
    auto [A, cache] = linear_activation_forward(A_prev * 1.0, W * 1.0, b * 1.0, Activation::kRelu);
    CHECK_THAT(cache.activation_cache,
               IsClose(Matrix{{2.5, 14.5}, {-3.5, 0.0}}, 1e-15, "Z = W A_prev + b"));
    CHECK_THAT(A, IsClose(Matrix{{2.5, 14.5}, {0.0, 0.0}}, 1e-15, "A = max(0, Z)"));
    CHECK_THAT(cache.linear_cache.A_prev, IsClose(A_prev, 0.0, "A_prev, kept by value"));
    CHECK_THAT(cache.linear_cache.W, IsClose(W, 0.0, "W, kept by value"));
    CHECK_THAT(cache.linear_cache.b, IsClose(b, 0.0, "b, kept by value"));
  }
  auto [A, cache] = linear_activation_forward(A_prev, W, b, Activation::kSigmoid);
  CHECK_THAT(A, IsClose(Matrix{{1.0 / (1.0 + std::exp(-2.5)), 1.0 / (1.0 + std::exp(-14.5))},
                               {1.0 / (1.0 + std::exp(3.5)), 0.5}},
                        1e-15, "A = sigma(Z)"));
  CHECK_THROWS_WITH(
      linear_activation_forward(Matrix(2, 2), W, b, Activation::kRelu),
      Catch::Contains("linear_activation_forward") && Catch::Contains("W[l] is (n[l], n[l-1])"));
  CHECK_THROWS_WITH(linear_activation_forward(A_prev, W, Matrix(3, 1), Activation::kRelu),
                    Catch::Contains("b[l] is (n[l], 1)"));
}

namespace {

// A layer whose Z reaches +-800 and +-1000, where e^Z or e^-Z overflows (|z| > 709): a sigmoid
// written e^Z / (1 + e^Z) gives inf / inf = NaN there, 1 / (1 + e^-Z) gives 0 or 1. W (3, 2),
// A_prev (2, 4), b (3, 1); by hand, Z = W A_prev + b is kWideZ.
const Matrix kWideA{{2.0, -2.5, 0.1, -1.0}, {2.0, 0.5, 0.2, 3.0}};
const Matrix kWideW{{400.0, 0.0}, {0.0, -400.0}, {1.0, 1.0}};
const Matrix kWideB{{0.0}, {0.0}, {-0.5}};
const Matrix kWideZ{
    {800.0, -1000.0, 40.0, -400.0}, {-800.0, -200.0, -80.0, -1200.0}, {3.5, -2.5, -0.2, 1.5}};

}  // namespace

TEST_CASE("linear_activation_forward: the sigmoid stays finite at |z| up to 1000",
          "[week4.linear_activation_forward]") {
  auto [A, cache] = linear_activation_forward(kWideA, kWideW, kWideB, Activation::kSigmoid);
  CHECK_THAT(cache.activation_cache, IsClose(kWideZ, 1e-15, "Z = W A_prev + b"));
  // 1 / (1 + e^-z) entry by entry; it is exactly 1 at z = 800 and 40 and exactly 0 at
  // z = -800, -1000 and -1200.
  CHECK_THAT(A, IsClose(1.0 / (1.0 + dlc::exp(-kWideZ)), 1e-15, "A = 1 / (1 + e^-Z)"));
  CHECK(A(0, 0) == 1.0);
  CHECK(A(0, 1) == 0.0);
  CHECK(A(1, 0) == 0.0);
  auto [A_relu, relu_cache] = linear_activation_forward(kWideA, kWideW, kWideB, Activation::kRelu);
  CHECK_THAT(A_relu,
             IsClose(Matrix{{800.0, 0.0, 40.0, 0.0}, {0.0, 0.0, 0.0, 0.0}, {3.5, 0.0, 0.0, 1.5}},
                     0.0, "A = max(0, Z)"));
}

TEST_CASE("L_model_forward: the notebook's two-hidden-layer case", "[week4.L_model_forward]") {
  // numpy, L_model_forward_test_case_2hidden: np.random.seed(6); X = randn(5, 4);
  // W1 = randn(4, 5); b1 = randn(4, 1); W2 = randn(3, 4); b2 = randn(3, 1); W3 = randn(1, 3);
  // b3 = randn(1, 1)
  dlc::RandomState rng(6);
  const Matrix X = rng.randn(5, 4);
  Parameters p;
  p.W.resize(4);
  p.b.resize(4);
  p.W[1] = rng.randn(4, 5);
  p.b[1] = rng.randn(4, 1);
  p.W[2] = rng.randn(3, 4);
  p.b[2] = rng.randn(3, 1);
  p.W[3] = rng.randn(1, 3);
  p.b[3] = rng.randn(1, 1);
  auto [AL, caches] = L_model_forward(X, p);
  CHECK_THAT(AL, IsClose(Matrix{{0.039216679222503596, 0.7049892075012225, 0.19734387234713996,
                                 0.04728177161977344}},
                         1e-13, "AL = sigma(W3 relu(W2 relu(W1 X + b1) + b2) + b3)"));
  // The notebook's list has the L = 3 caches; here they are caches[1..3], caches[0] empty.
  REQUIRE(caches.size() == 4);
  CHECK(caches[0].activation_cache.empty());
  CHECK(caches[0].linear_cache.W.empty());
  CHECK_THAT(caches[1].linear_cache.A_prev, IsClose(X, 0.0, "caches[1]'s A_prev is X"));
  CHECK_THAT(
      AL, IsClose(1.0 / (1.0 + dlc::exp(-caches[3].activation_cache)), 1e-15, "AL = sigma(Z[3])"));
}

TEST_CASE("L_model_forward: every layer's cache on a four-layer network, m > 1",
          "[week4.L_model_forward]") {
  const Net q = random_net(kDims, kM, 3);
  const Forward expected = reference_forward(q.X, q.p);
  Parameters p = q.p;
  auto [AL, caches] = L_model_forward(q.X, p);
  REQUIRE(caches.size() == 5);
  CHECK(AL.shape() == Shape{1, kM});
  CHECK_THAT(AL, IsClose(expected.A[4], 1e-13, "AL = A[4]"));
  for (std::size_t l = 1; l <= 4; ++l) {
    INFO("layer " << l << (l < 4 ? " (ReLU)" : " (sigmoid)"));
    const Cache& cache = caches[l];
    CHECK_THAT(cache.activation_cache,
               IsClose(expected.caches[l].activation_cache, 1e-13, "Z[l] = W[l] A[l-1] + b[l]"));
    // The linear cache holds layer l's input and parameters: X, then the layer before's output.
    CHECK_THAT(cache.linear_cache.A_prev, IsClose(expected.A[l - 1], 1e-13, "A_prev = A[l-1]"));
    CHECK_THAT(cache.linear_cache.W, IsClose(q.p.W[l], 0.0, "W[l]"));
    CHECK_THAT(cache.linear_cache.b, IsClose(q.p.b[l], 0.0, "b[l]"));
  }
  // The hidden layers are ReLU (some units off, none negative): their outputs, caches[l + 1]'s
  // A_prev, are max(0, Z[l]).
  double zeros = 0.0;
  for (std::size_t l = 1; l < 4; ++l) {
    const Matrix& A = caches[l + 1].linear_cache.A_prev;
    CHECK_THAT(A, IsClose(dlc::maximum(caches[l].activation_cache, 0.0), 0.0, "A[l] = relu(Z[l])"));
    zeros += dlc::sum(dlc::equal(A, Matrix(1, 1)));
  }
  CHECK(zeros > 0.0);
  for (std::size_t j = 0; j < kM; ++j) {
    CHECK(AL(0, j) > 0.0);
    CHECK(AL(0, j) < 1.0);
  }
  // The caches hold values: a step of gradient descent on the parameters afterwards, or a copy
  // of the list whose original is dropped, leaves what they hold as it was.
  p.W[2] *= 0.5;
  p.b[3] += 1.0;
  std::vector<Cache> kept;
  {
    auto [AL2, caches2] = L_model_forward(q.X, q.p);
    kept = caches2;
    caches2[2].activation_cache *= 0.0;
    CHECK_THAT(AL2, IsClose(AL, 0.0, "the same AL, run again"));
  }
  for (std::size_t l = 1; l <= 4; ++l) {
    INFO("layer " << l);
    CHECK_THAT(caches[l].linear_cache.W, IsClose(q.p.W[l], 0.0, "W[l] as it was"));
    CHECK_THAT(caches[l].linear_cache.b, IsClose(q.p.b[l], 0.0, "b[l] as it was"));
    CHECK_THAT(kept[l].activation_cache, IsClose(caches[l].activation_cache, 0.0, "a copy's Z"));
    CHECK_THAT(kept[l].linear_cache.A_prev,
               IsClose(caches[l].linear_cache.A_prev, 0.0, "a copy's A_prev"));
  }
}

TEST_CASE("L_model_forward: the output sigmoid stays finite at |z| up to 16500",
          "[week4.L_model_forward]") {
  // Layer 1 is the layer of kWideZ with ReLU: A[1] = [[800, 0, 40, 0], [0, 0, 0, 0],
  // [3.5, 0, 0, 1.5]]. Layer 2: W[2] = [[25, 0, -1000]], b[2] = 0, so by hand
  // Z[2] = 25 A[1][0] - 1000 A[1][2] = [20000 - 3500, 0, 1000, -1500] and
  // AL = 1 / (1 + e^-Z[2]) = [1, 0.5, 1, 0] exactly. e^Z / (1 + e^Z) would be NaN at 16500.
  const Parameters p = two_layers(kWideW, kWideB, Matrix{{25.0, 0.0, -1000.0}}, Matrix{{0.0}});
  auto [AL, caches] = L_model_forward(kWideA, p);
  REQUIRE(caches.size() == 3);
  CHECK_THAT(caches[2].activation_cache,
             IsClose(Matrix{{16500.0, 0.0, 1000.0, -1500.0}}, 1e-15, "Z[2] = W[2] A[1] + b[2]"));
  CHECK_THAT(AL, IsClose(Matrix{{1.0, 0.5, 1.0, 0.0}}, 0.0, "AL = 1 / (1 + e^-Z[2])"));
}

TEST_CASE("L_model_forward: bad parameters are named with the rule", "[week4.L_model_forward]") {
  const Net q = random_net(kDims, kM, 3);
  CHECK_THROWS_WITH(L_model_forward(Matrix(4, kM), q.p),
                    Catch::Contains("L_model_forward: W[1] is (4, 5) but n[0] is 4") &&
                        Catch::Contains("W[l] is (n[l], n[l-1])"));
  Parameters p = q.p;
  p.b[3] = Matrix(1, 2);
  CHECK_THROWS_WITH(L_model_forward(q.X, p), Catch::Contains("b[l] is (n[l], 1)"));
  // The notebook's numbering, W1 in entry 0: refused, never run as a network of L - 1 layers.
  p = q.p;
  p.W.erase(p.W.begin());
  p.b.erase(p.b.begin());
  CHECK_THROWS_WITH(L_model_forward(q.X, p),
                    Catch::Contains("W[0] is (4, 5)") && Catch::Contains("must be empty"));
  CHECK_NOTHROW(L_model_forward(q.X, q.p));
}

// ---- cost ------------------------------------------------------------------------------------

TEST_CASE("compute_cost: the notebook's case and by hand", "[week4.compute_cost]") {
  // numpy, compute_cost_test_case: Y = [[1, 1, 0]], AL = [[.8, .9, .4]]
  CHECK(compute_cost(Matrix{{0.8, 0.9, 0.4}}, Matrix{{1, 1, 0}}) ==
        Approx(0.2797765635793422).epsilon(1e-15));
  // By hand: AL = 0.5 everywhere costs log 2 whatever the labels.
  CHECK(compute_cost(Matrix{{0.5, 0.5, 0.5, 0.5}}, Matrix{{1, 0, 0, 1}}) ==
        Approx(std::log(2.0)).epsilon(1e-15));
  // By hand: one example of each label, J = -(log 0.9 + log(1 - 0.3)) / 2.
  CHECK(compute_cost(Matrix{{0.9, 0.3}}, Matrix{{1, 0}}) ==
        Approx(-(std::log(0.9) + std::log(0.7)) / 2.0).epsilon(1e-15));
}

TEST_CASE("compute_cost: the mean of the examples' losses, and bad shapes",
          "[week4.compute_cost]") {
  // Property: J is the mean over m = 11 examples of -y log a - (1 - y) log(1 - a), each > 0,
  // and better predictions cost less.
  dlc::RandomState rng(8);
  const Matrix AL = 0.05 + 0.9 * rng.rand(1, 11);
  const Matrix Y = dlc::greater(rng.rand(1, 11), 0.5);
  double total = 0.0;
  for (std::size_t j = 0; j < 11; ++j)
    total += Y(0, j) == 1.0 ? -std::log(AL(0, j)) : -std::log(1.0 - AL(0, j));
  const double J = compute_cost(AL, Y);
  CHECK(J == Approx(total / 11.0).epsilon(1e-13));
  CHECK(J > 0.0);
  CHECK(compute_cost(0.5 * AL + 0.5 * Y, Y) < J);
  CHECK_THROWS_WITH(
      compute_cost(Matrix(1, 3, 0.5), Matrix(1, 4)),
      Catch::Contains("AL is (1, 3) and Y is (1, 4)") && Catch::Contains("the same (1, m)"));
  CHECK_THROWS_AS(compute_cost(Matrix(3, 1, 0.5), Matrix(3, 1)), dlc::ShapeError);
}

// ---- backward --------------------------------------------------------------------------------

TEST_CASE("linear_backward: by hand and the notebook's case", "[week4.linear_backward]") {
  // By hand, n[l] = 2, n[l-1] = 3, m = 4 (no two sizes alike, so a wrong transpose cannot even
  // be computed and a sum over the wrong axis has the wrong shape):
  //   dZ = [[1, 0, 2, -1], [0, 3, 1, 2]], A_prev = [[1, 2, 0, 1], [0, 1, 1, 0], [2, 0, 1, 1]],
  //   W = [[1, -1, 0], [2, 0, 1]].
  // dZ A_prev^T = [[1 + 0 + 0 - 1, 0 + 0 + 2 + 0, 2 + 0 + 2 - 1], [0 + 6 + 0 + 2, 0 + 3 + 1 + 0,
  //   0 + 0 + 1 + 2]] = [[0, 2, 3], [8, 4, 3]], so dW = 1/4 of it = [[0, 0.5, 0.75], [2, 1, 0.75]];
  // the rows of dZ sum to 2 and 6, so db = [[0.5], [1.5]];
  // dA_prev = W^T dZ, column j = W^T (dZ's column j): [[1, 6, 4, 3], [-1, 0, -2, 1], [0, 3, 1, 2]].
  const Matrix dZ{{1.0, 0.0, 2.0, -1.0}, {0.0, 3.0, 1.0, 2.0}};
  const Matrix A_prev{{1.0, 2.0, 0.0, 1.0}, {0.0, 1.0, 1.0, 0.0}, {2.0, 0.0, 1.0, 1.0}};
  const Matrix W{{1.0, -1.0, 0.0}, {2.0, 0.0, 1.0}};
  const Matrix b{{0.5}, {-1.0}};
  {
    auto [dA_prev, dW, db] = linear_backward(dZ, LinearCache{A_prev, W, b});
    CHECK_THAT(dW,
               IsClose(Matrix{{0.0, 0.5, 0.75}, {2.0, 1.0, 0.75}}, 1e-15, "dW = 1/m dZ A_prev^T"));
    CHECK_THAT(db, IsClose(Matrix{{0.5}, {1.5}}, 1e-15, "db = 1/m sum(dZ, axis=1)"));
    CHECK_THAT(dA_prev,
               IsClose(Matrix{{1.0, 6.0, 4.0, 3.0}, {-1.0, 0.0, -2.0, 1.0}, {0.0, 3.0, 1.0, 2.0}},
                       1e-15, "dA_prev = W^T dZ"));
  }

  // numpy, linear_backward_test_case: np.random.seed(1); dZ = randn(3, 4); A = randn(5, 4);
  // W = randn(3, 5); b = randn(3, 1)
  dlc::RandomState rng(1);
  const Matrix dZ1 = rng.randn(3, 4), A1 = rng.randn(5, 4), W1 = rng.randn(3, 5),
               b1 = rng.randn(3, 1);
  auto [dA_prev, dW, db] = linear_backward(dZ1, LinearCache{A1, W1, b1});
  const Matrix dA_prev_np = Matrix::from_row_major(
      5, 4, {-1.151713362800674,   0.06718465115487993, -0.3204695951240231, 2.0981271157690573,
             0.6034587881597019,   -3.725087007081199,  5.817007414837717,   -3.8432683612931164,
             -0.4319552024857888,  -1.309874173571225,  1.7235470475890922,  0.050705776358989506,
             -0.38981414839982087, 0.6081124403750794,  -1.259384235864949,  1.4719159268171638,
             -2.5221492584556406,  2.678825515032264,   -0.6794746486966324, 1.4811954761548511});
  const Matrix dW_np = Matrix::from_row_major(
      3, 5,
      {0.07313866218612716, -0.09767149686597656, -0.8758582845472835, 0.7376336184595694,
       0.00785715946106047, 0.855088183651413, 0.3753041280392743, -0.5991265527518606,
       0.7127818943133358, -0.5893180778933307, 0.9791330403844923, -0.2437649374859614,
       -0.08839670601518547, 0.5515119182005701, -0.10290907379316316});
  const Matrix db_np{{-0.14713785610161495}, {-0.11313155105855677}, {-0.13209101296824788}};
  CHECK_THAT(dA_prev, IsClose(dA_prev_np, 1e-13, "dA_prev = W^T dZ (the notebook's case)"));
  CHECK_THAT(dW, IsClose(dW_np, 1e-13, "dW = 1/m dZ A_prev^T (the notebook's case)"));
  CHECK_THAT(db, IsClose(db_np, 1e-13, "db = 1/m sum(dZ, axis=1) (the notebook's case)"));

  // A cache made of temporaries (the same draws again): the same gradients.
  dlc::RandomState again(1);
  const Matrix dZ2 = again.randn(3, 4);
  const LinearCache from_temporaries{again.randn(5, 4), again.randn(3, 5), again.randn(3, 1)};
  const LayerGradients g = linear_backward(dZ2, from_temporaries);
  CHECK_THAT(g.dW, IsClose(dW_np, 1e-13, "dW from a cache of temporaries"));
  CHECK_THAT(g.dA_prev, IsClose(dA_prev_np, 1e-13, "dA_prev from a cache of temporaries"));
}

TEST_CASE("linear_backward: a numerical gradient check through a four-layer network",
          "[week4.linear_backward]") {
  // The backward pass chained by hand from linear_backward and the given activation steps:
  // dZ[l] = dA[l] * g'(Z[l]), then linear_backward gives dA[l-1], dW[l], db[l], for every layer
  // down to the first, whose dA_prev is dA[0], the gradient with respect to X.
  const Net q = random_net(kDims, kM, 21);
  const Forward f = reference_forward(q.X, q.p);
  const std::size_t L = q.p.L();
  std::vector<Matrix> dW(L + 1), db(L + 1);
  Matrix dA = reference_dAL(f.A[L], q.Y);
  for (std::size_t l = L; l >= 1; --l) {
    const Matrix& Z = f.caches[l].activation_cache;
    const Matrix dZ = l == L ? sigmoid_backward(dA, Z) : relu_backward(dA, Z);
    auto [dA_prev, dW_l, db_l] = linear_backward(dZ, f.caches[l].linear_cache);
    CHECK(dW_l.shape() == q.p.W[l].shape());
    CHECK(db_l.shape() == q.p.b[l].shape());
    CHECK(dA_prev.shape() == f.A[l - 1].shape());
    dW[l] = dW_l;
    db[l] = db_l;
    dA = dA_prev;
  }
  check_all_gradients(q, dW, db, dA, "linear_backward");
}

TEST_CASE("linear_backward: bad shapes and an empty cache are refused", "[week4.linear_backward]") {
  const Matrix A_prev(3, 5), W(2, 3), b(2, 1);
  CHECK_THROWS_WITH(
      linear_backward(Matrix(2, 4), LinearCache{A_prev, W, b}),
      Catch::Contains("dZ is (2, 4)") && Catch::Contains("dZ[l] is shaped as Z[l], (n[l], m)"));
  CHECK_THROWS_WITH(linear_backward(Matrix(2, 5), LinearCache{}),
                    Catch::Contains("the cache is empty"));
  CHECK_THROWS_WITH(linear_backward(Matrix(2, 5), LinearCache{A_prev, Matrix(2, 4), b}),
                    Catch::Contains("W[l] is (n[l], n[l-1])"));
  auto [dA_prev, dW, db] = linear_backward(Matrix(2, 5, 1.0), LinearCache{A_prev, W, b});
  CHECK(dW.shape() == Shape{2, 3});
  CHECK(db.shape() == Shape{2, 1});
  CHECK(dA_prev.shape() == Shape{3, 5});
  CHECK_THAT(db, IsClose(Matrix(2, 1, 1.0), 1e-15, "db = 1/m sum of m ones = 1"));
}

TEST_CASE("linear_activation_backward: the notebook's case, sigmoid and ReLU",
          "[week4.linear_activation_backward]") {
  // numpy, linear_activation_backward_test_case: np.random.seed(2); dA = randn(1, 2);
  // A = randn(3, 2); W = randn(1, 3); b = randn(1, 1); Z = randn(1, 2)
  dlc::RandomState rng(2);
  const Matrix dA = rng.randn(1, 2), A_prev = rng.randn(3, 2), W = rng.randn(1, 3),
               b = rng.randn(1, 1);
  const Matrix Z = rng.randn(1, 2);  // numpy: [[0.04153939299840346, -1.1179254451135168]]
  const Cache cache{LinearCache{A_prev, W, b}, Z};
  {
    auto [dA_prev, dW, db] = linear_activation_backward(dA, cache, Activation::kSigmoid);
    CHECK_THAT(dA_prev, IsClose(Matrix{{0.11017993605984744, 0.011053394707826071},
                                       {0.09466817036241483, 0.009497234167163682},
                                       {-0.057430922006483635, -0.005761544906208916}},
                                1e-13, "sigmoid: dA_prev = W^T (dA * s (1 - s))"));
    CHECK_THAT(dW,
               IsClose(Matrix{{0.10266786376828207, 0.09778550500304704, -0.019680842338378784}},
                       1e-13, "sigmoid: dW = 1/m dZ A_prev^T"));
    CHECK_THAT(db, IsClose(Matrix{{-0.057296222176291135}}, 1e-13, "sigmoid: db"));
  }
  auto [dA_prev, dW, db] = linear_activation_backward(dA, cache, Activation::kRelu);
  CHECK_THAT(dA_prev, IsClose(Matrix{{0.4409098893909097, 0.0},
                                     {0.37883605687209465, 0.0},
                                     {-0.2298228005482083, 0.0}},
                              1e-13, "relu: dA_prev = W^T (dA * [Z > 0])"));
  CHECK_THAT(dW, IsClose(Matrix{{0.44513824323337786, 0.37371417697309084, -0.1047898884574992}},
                         1e-13, "relu: dW = 1/m dZ A_prev^T"));
  CHECK_THAT(db, IsClose(Matrix{{-0.2083789237027353}}, 1e-13, "relu: db"));
}

TEST_CASE("linear_activation_backward: the slopes at Z = 0, by hand on two units",
          "[week4.linear_activation_backward]") {
  // By hand: two units, m = 3, Z = [[0, 2, -1], [3, -2, 0]] (exact zeros, as a dead unit with
  // b = 0 gives), A_prev = [[1, 1, 1]], W = [[2], [1]].
  // ReLU with dA = [[5, 6, 7], [1, 2, 3]]: g'(Z) = [Z > 0] = [[0, 1, 0], [1, 0, 0]], so
  // dZ = [[0, 6, 0], [1, 0, 0]]; dW = 1/3 dZ A_prev^T = 1/3 [[6], [1]], db = 1/3 [[6], [1]],
  // dA_prev = W^T dZ = [[2*0 + 1*1, 2*6 + 0, 0]] = [[1, 12, 0]].
  const Matrix A_prev{{1.0, 1.0, 1.0}}, W{{2.0}, {1.0}}, b{{0.0}, {0.0}};
  const Cache cache{LinearCache{A_prev, W, b}, Matrix{{0.0, 2.0, -1.0}, {3.0, -2.0, 0.0}}};
  {
    auto [dA_prev, dW, db] = linear_activation_backward(Matrix{{5.0, 6.0, 7.0}, {1.0, 2.0, 3.0}},
                                                        cache, Activation::kRelu);
    CHECK_THAT(dW,
               IsClose(Matrix{{2.0}, {1.0 / 3.0}}, 1e-15, "dW = 1/m dZ A_prev^T, dZ = 0 at Z = 0"));
    CHECK_THAT(db, IsClose(Matrix{{2.0}, {1.0 / 3.0}}, 1e-15, "db = 1/m sum(dZ, axis=1)"));
    CHECK_THAT(dA_prev, IsClose(Matrix{{1.0, 12.0, 0.0}}, 1e-15, "dA_prev = W^T dZ"));
  }
  // The sigmoid with dA = [[4, 0, 0], [0, 0, 8]]: only the two Z = 0 entries carry a gradient,
  // s (1 - s) = 1/4 there, so dZ = [[1, 0, 0], [0, 0, 2]]; dW = db = 1/3 [[1], [2]],
  // dA_prev = W^T dZ = [[2, 0, 2]].
  auto [dA_prev, dW, db] = linear_activation_backward(Matrix{{4.0, 0.0, 0.0}, {0.0, 0.0, 8.0}},
                                                      cache, Activation::kSigmoid);
  CHECK_THAT(dW, IsClose(Matrix{{1.0 / 3.0}, {2.0 / 3.0}}, 1e-15, "dW, dZ = dA s (1 - s)"));
  CHECK_THAT(db, IsClose(Matrix{{1.0 / 3.0}, {2.0 / 3.0}}, 1e-15, "db, dZ = dA s (1 - s)"));
  CHECK_THAT(dA_prev, IsClose(Matrix{{2.0, 0.0, 2.0}}, 1e-15, "dA_prev = W^T dZ"));
  CHECK_THROWS_WITH(linear_activation_backward(Matrix(2, 2), cache, Activation::kRelu),
                    Catch::Contains("dA is (2, 2) but Z is (2, 3)") &&
                        Catch::Contains("a gradient has the shape of what it differentiates"));
}

TEST_CASE("linear_activation_backward: a numerical gradient check through a four-layer network",
          "[week4.linear_activation_backward]") {
  // Both activations: the output layer's sigmoid and the three hidden layers' ReLU. The caches
  // are copies whose originals are gone before they are used.
  const Net q = random_net(kDims, kM, 22);
  std::vector<Cache> caches;
  Matrix AL;
  {
    const Forward f = reference_forward(q.X, q.p);
    caches = f.caches;
    AL = f.A[4];
  }
  const std::size_t L = q.p.L();
  std::vector<Matrix> dW(L + 1), db(L + 1);
  Matrix dA = reference_dAL(AL, q.Y);
  for (std::size_t l = L; l >= 1; --l) {
    auto [dA_prev, dW_l, db_l] = linear_activation_backward(
        dA, caches[l], l == L ? Activation::kSigmoid : Activation::kRelu);
    CHECK(dA_prev.shape() == caches[l].linear_cache.A_prev.shape());
    dW[l] = dW_l;
    db[l] = db_l;
    dA = dA_prev;
  }
  check_all_gradients(q, dW, db, dA, "linear_activation_backward");
}

TEST_CASE("L_model_backward: the notebook's case", "[week4.L_model_backward]") {
  // numpy, L_model_backward_test_case: np.random.seed(3); AL = randn(1, 2); Y = [[1, 0]];
  // then layer 1's (A_prev, W, b), Z and layer 2's (A_prev, W, b), Z, drawn in that order. The
  // notebook's caches = [cache1, cache2] are caches[1] and caches[2] here.
  dlc::RandomState rng(3);
  const Matrix AL = rng.randn(1, 2);
  const Matrix Y{{1.0, 0.0}};
  std::vector<Cache> caches(3);
  const Matrix A0 = rng.randn(4, 2), W1 = rng.randn(3, 4), b1 = rng.randn(3, 1);
  caches[1] = Cache{LinearCache{A0, W1, b1}, rng.randn(3, 2)};
  const Matrix A1 = rng.randn(3, 2), W2 = rng.randn(1, 3), b2 = rng.randn(1, 1);
  caches[2] = Cache{LinearCache{A1, W2, b2}, rng.randn(1, 2)};
  const Gradients grads = L_model_backward(AL, Y, caches);
  REQUIRE(grads.dW.size() == 3);
  REQUIRE(grads.db.size() == 3);
  REQUIRE(grads.dA.size() == 3);
  CHECK(grads.dW[0].empty());
  CHECK_THAT(grads.dA[2], IsClose(Matrix{{-0.5590875997194383, 1.7746539152611702}}, 1e-14,
                                  "dAL = -(Y / AL - (1 - Y) / (1 - AL))"));
  CHECK_THAT(grads.dW[2],
             IsClose(Matrix{{-0.392024321654423, -0.1332585501664456, -0.04601088924542733}}, 1e-13,
                     "dW[2] (sigmoid layer)"));
  CHECK_THAT(grads.db[2], IsClose(Matrix{{0.15187860780843926}}, 1e-13, "db[2]"));
  CHECK_THAT(grads.dA[1], IsClose(Matrix{{0.1291316175545915, -0.4401412678058249},
                                         {-0.1417565465329586, 0.48317296176062136},
                                         {0.016637075426056504, -0.05670697548189487}},
                                  1e-13, "dA[1] = W[2]^T dZ[2]"));
  CHECK_THAT(grads.dW[1], IsClose(Matrix{{0.4101000205028755, 0.07807203345047609,
                                          0.13798443640617922, 0.10502167445111507},
                                         {0.0, 0.0, 0.0, 0.0},
                                         {0.052836517520190085, 0.01005865436969424,
                                          0.0177776560038907, 0.01353079557355724}},
                                  1e-13, "dW[1] (ReLU layer)"));
  CHECK_THAT(grads.db[1], IsClose(Matrix{{-0.22007063390291245}, {0.0}, {-0.028353487740947435}},
                                  1e-13, "db[1]"));
  // numpy: the notebook's grads["dA0"] = W1^T dZ1
  CHECK_THAT(grads.dA[0], IsClose(Matrix{{0.0, 0.522579012261749},
                                         {0.0, -0.32692060097785447},
                                         {0.0, -0.3207040360847321},
                                         {0.0, -0.7407918718384887}},
                                  1e-13, "dA[0] = W[1]^T dZ[1] (the notebook's dA0)"));
}

TEST_CASE("L_model_backward: a numerical gradient check of every layer",
          "[week4.L_model_backward]") {
  for (const auto& [dims, seed] : {std::pair<LayerDims, std::uint32_t>{kDims, 23},
                                   std::pair<LayerDims, std::uint32_t>{{3, 6, 5, 1}, 24}}) {
    INFO("layer_dims of size " << dims.size() << ", seed " << seed);
    const Net q = random_net(dims, kM, seed);
    const Forward f = reference_forward(q.X, q.p);
    const std::size_t L = q.p.L();
    const Gradients grads = L_model_backward(f.A[L], q.Y, f.caches);
    REQUIRE(grads.dA.size() == L + 1);
    CHECK_THAT(grads.dA[L],
               IsClose(reference_dAL(f.A[L], q.Y), 1e-15, "dAL = -(Y/AL - (1-Y)/(1-AL))"));
    for (std::size_t l = 0; l < L; ++l) {
      INFO("layer " << l);
      CHECK(grads.dA[l].shape() == f.A[l].shape());
    }
    // The output layer: dZ[L] = AL - Y (the sigmoid's and the cross-entropy's derivatives
    // meet), so dA[L-1] = W[L]^T (AL - Y).
    CHECK_THAT(grads.dA[L - 1], IsClose(dlc::dot(q.p.W[L].T(), f.A[L] - q.Y), 1e-12,
                                        "dA[L-1] = W[L]^T dZ[L], dZ[L] = AL - Y"));
    check_all_gradients(q, grads.dW, grads.db, grads.dA[0], "L_model_backward");
  }
}

TEST_CASE("L_model_backward: lecture 4.8's slide formulas fail the gradient check",
          "[week4.L_model_backward]") {
  // The summary slide of lecture 4.8 writes dW[L] = 1/m dZ[L] A[L]^T and
  // dZ[L-1] = dW[L]^T dZ[L] * g'(Z[L-1]) (the notes correct both). They are computable only
  // when n[L-1] == n[L]: dZ[L] A[L]^T is (n[L], n[L]), while W[L] is (n[L], n[L-1]). So the
  // slide is tried on {3, 4, 1, 1} (layer 2 a single ReLU unit, kept on by a positive bias),
  // where every shape agrees and only the values can tell. What this shows: with the shapes
  // right, the slide's dW[3] and the dW[2] that follows from its dZ[2] disagree with the
  // numerical gradient, while L_model_backward (the corrected forms, A[L-1] and W[L]) agrees
  // with it.
  Net q = random_net({3, 4, 1, 1}, kM, 25);
  q.p.b[2] = Matrix{{3.0}};
  const Forward f = reference_forward(q.X, q.p);
  REQUIRE(dlc::sum(dlc::greater(f.caches[2].activation_cache, 0.0)) > 4.0);  // mostly on
  const double m = static_cast<double>(kM);
  const Matrix& A1 = f.A[1];
  const Matrix& A2 = f.A[2];
  const Matrix& AL = f.A[3];
  const Matrix dZ3 = AL - q.Y;
  const Matrix relu_slope2 = dlc::greater(f.caches[2].activation_cache, 0.0);
  // the slide
  const Matrix slide_dW3 = (1.0 / m) * dlc::dot(dZ3, AL.T());
  const Matrix slide_dZ2 = dlc::dot(slide_dW3.T(), dZ3) * relu_slope2;
  const Matrix slide_dW2 = (1.0 / m) * dlc::dot(slide_dZ2, A1.T());
  // the corrected forms, written out the same way
  const Matrix dW3 = (1.0 / m) * dlc::dot(dZ3, A2.T());
  const Matrix dZ2 = dlc::dot(q.p.W[3].T(), dZ3) * relu_slope2;
  const Matrix dW2 = (1.0 / m) * dlc::dot(dZ2, A1.T());

  auto numeric_dW = [&](std::size_t l) {
    return dlc::numerical_gradient(
        [&](const Matrix& theta) {
          Parameters p = q.p;
          p.W[l] = theta;
          return cost_at(q.X, q.Y, p);
        },
        q.p.W[l]);
  };
  const Matrix n3 = numeric_dW(3), n2 = numeric_dW(2);
  REQUIRE(slide_dW3.shape() == n3.shape());
  REQUIRE(slide_dW2.shape() == n2.shape());
  INFO("slide dW[3] " << slide_dW3 << " numerical " << n3 << "\nslide dW[2] " << slide_dW2
                      << " numerical " << n2);
  CHECK(dlc::relative_difference(slide_dW3, n3) > 1e-2);
  CHECK(dlc::relative_difference(slide_dW2, n2) > 1e-2);
  CHECK(dlc::relative_difference(dW3, n3) < 1e-7);
  CHECK(dlc::relative_difference(dW2, n2) < 1e-7);

  const Gradients grads = L_model_backward(AL, q.Y, f.caches);
  compare_gradient("L_model_backward: dW[3] = 1/m dZ[3] A[2]^T", grads.dW[3], n3);
  compare_gradient("L_model_backward: dW[2] from dZ[2] = W[3]^T dZ[3] * g'(Z[2])", grads.dW[2], n2);

  // With n[L-1] != n[L] the slide's dW[L] does not even have the shape of W[L].
  const Net r = random_net(kDims, kM, 26);
  const Forward rf = reference_forward(r.X, r.p);
  const Matrix slide = dlc::dot(rf.A[4] - r.Y, rf.A[4].T());
  CHECK(slide.shape() == Shape{1, 1});
  CHECK(slide.shape() != r.p.W[4].shape());  // W[4] is (1, 2)
  CHECK(L_model_backward(rf.A[4], r.Y, rf.caches).dW[4].shape() == r.p.W[4].shape());
}

TEST_CASE("L_model_backward: caches of the wrong length are refused, saying what was expected",
          "[week4.L_model_backward]") {
  const Net q = random_net(kDims, kM, 27);
  const Forward f = reference_forward(q.X, q.p);
  const Matrix& AL = f.A[4];
  CHECK_THROWS_WITH(L_model_backward(AL, Matrix(1, kM + 1), f.caches),
                    Catch::Contains("both must be the same (1, m)"));
  // The notebook's list of L = 4 caches, layer l at index l - 1: never a network of 3 layers.
  const std::vector<Cache> notebook(f.caches.begin() + 1, f.caches.end());
  CHECK_THROWS_AS(L_model_backward(AL, q.Y, notebook), std::invalid_argument);
  CHECK_THROWS_WITH(
      L_model_backward(AL, q.Y, notebook),
      Catch::Contains("caches has 4 entries and caches[0] is a layer's cache (Z is (4, 7))") &&
          Catch::Contains("the notebook's list of L = 4 caches, layer l at index l - 1") &&
          Catch::Contains("L_model_forward returns L + 1 = 5 caches for 4 layers") &&
          Catch::Contains("caches[0] is empty"));
  // One entry too many: an empty cache where layer 1's should be.
  std::vector<Cache> longer = f.caches;
  longer.insert(longer.begin(), Cache{});
  CHECK_THROWS_WITH(L_model_backward(AL, q.Y, longer),
                    Catch::Contains("caches[1] is empty") &&
                        Catch::Contains("caches[l] is layer l's for l = 1..L"));
  // A layer too many at the end: it does not chain onto the one before.
  longer = f.caches;
  longer.push_back(f.caches[4]);
  CHECK_THROWS_WITH(L_model_backward(AL, q.Y, longer),
                    Catch::Contains("caches[5]: A_prev is (2, 7) but caches[4]'s Z is (1, 7)"));
  // The last layer dropped: AL is not its output.
  std::vector<Cache> shorter(f.caches.begin(), f.caches.end() - 1);
  CHECK_THROWS_WITH(L_model_backward(AL, q.Y, shorter),
                    Catch::Contains("AL is (1, 7) but caches[3]'s Z is (2, 7)"));
  CHECK_THROWS_WITH(
      L_model_backward(AL, q.Y, std::vector<Cache>(1)),
      Catch::Contains("caches has 1 entry, but L_model_forward returns L + 1 caches"));
  CHECK_THROWS_WITH(L_model_backward(Matrix(1, 3, 0.5), Matrix(1, 3), f.caches),
                    Catch::Contains("AL is (1, 3) but caches[4]'s Z is (1, 7)"));
  CHECK(L_model_backward(AL, q.Y, f.caches).dW[1].shape() == Shape{4, 5});
}

// ---- update ----------------------------------------------------------------------------------

TEST_CASE("update_parameters: the notebook's case", "[week4.update_parameters]") {
  // numpy, update_parameters_test_case: np.random.seed(2); W1 = randn(3, 4); b1 = randn(3, 1);
  // W2 = randn(1, 3); b2 = randn(1, 1); dW1 = randn(3, 4); db1 = randn(3, 1); dW2 = randn(1, 3);
  // db2 = randn(1, 1); learning rate 0.1
  dlc::RandomState rng(2);
  const Matrix W1 = rng.randn(3, 4), b1 = rng.randn(3, 1), W2 = rng.randn(1, 3),
               b2 = rng.randn(1, 1);
  const Parameters before = two_layers(W1, b1, W2, b2);
  Gradients g;  // drawn after the parameters, in the notebook's order
  g.dW.resize(3);
  g.db.resize(3);
  g.dW[1] = rng.randn(3, 4);
  g.db[1] = rng.randn(3, 1);
  g.dW[2] = rng.randn(1, 3);
  g.db[2] = rng.randn(1, 1);
  const Parameters p = update_parameters(before, g, 0.1);
  CHECK_THAT(p.W[1], IsClose(Matrix::from_row_major(
                                 3, 4,
                                 {-0.41766037250280313, 0.03154396209770473, -2.1205526786299917,
                                  1.6146137632048592, -1.694557680317901, -0.8078651690532843,
                                  0.5264998202433029, -1.1815225853588014, -0.9391909902238105,
                                  -0.7668858921964367, 0.5668035641141193, 2.319113708836559}),
                             1e-14, "W[1] := W[1] - alpha dW[1]"));
  CHECK_THAT(p.b[1],
             IsClose(Matrix{{-0.181597285890257}, {-0.8744486874614124}, {0.5277856700991239}},
                     1e-14, "b[1] := b[1] - alpha db[1]"));
  CHECK_THAT(p.W[2], IsClose(Matrix{{-0.6332041534727905, -0.1550938827884111, 1.1248154988221597}},
                             1e-14, "W[2] := W[2] - alpha dW[2]"));
  CHECK_THAT(p.b[2], IsClose(Matrix{{-0.6634495789108763}}, 1e-14, "b[2] := b[2] - alpha db[2]"));
  // The parameters passed in are not changed: the step returns new ones, as the notebook's.
  CHECK_THAT(before.W[1], IsClose(W1, 0.0, "the caller's W[1], untouched"));
  CHECK_THAT(before.b[2], IsClose(b2, 0.0, "the caller's b[2], untouched"));
}

TEST_CASE("update_parameters: every layer moves against its gradient, and bad input",
          "[week4.update_parameters]") {
  const Net q = random_net(kDims, kM, 31);
  const Net d = random_net(kDims, kM, 32);  // its parameters serve as gradients
  Gradients g;
  g.dW = d.p.W;
  g.db = d.p.b;
  const Parameters p = update_parameters(q.p, g, 0.25);
  REQUIRE(p.L() == 4);
  for (std::size_t l = 1; l <= 4; ++l) {
    INFO("layer " << l);
    CHECK_THAT(p.W[l], IsClose(q.p.W[l] - 0.25 * g.dW[l], 1e-15, "W[l] := W[l] - alpha dW[l]"));
    CHECK_THAT(p.b[l], IsClose(q.p.b[l] - 0.25 * g.db[l], 1e-15, "b[l] := b[l] - alpha db[l]"));
  }
  // A step against the gradient of the cost lowers the cost (small enough a step).
  const Net r = random_net(kDims, kM, 33);
  const Forward f = reference_forward(r.X, r.p);
  Gradients rg;
  rg.dW.assign(5, Matrix());
  rg.db.assign(5, Matrix());
  Matrix dA = reference_dAL(f.A[4], r.Y);
  for (std::size_t l = 4; l >= 1; --l) {
    const Matrix& Z = f.caches[l].activation_cache;
    const Matrix dZ = l == 4 ? sigmoid_backward(dA, Z) : relu_backward(dA, Z);
    rg.dW[l] = (1.0 / kM) * dlc::dot(dZ, f.A[l - 1].T());
    rg.db[l] = (1.0 / kM) * dlc::sum(dZ, 1);
    dA = dlc::dot(r.p.W[l].T(), dZ);
  }
  CHECK(cost_at(r.X, r.Y, update_parameters(r.p, rg, 0.01)) < cost_at(r.X, r.Y, r.p));

  Gradients bad = g;
  bad.dW[2] = Matrix(3, 3);
  CHECK_THROWS_WITH(update_parameters(q.p, bad, 0.1),
                    Catch::Contains("dW[2] is (3, 3) but W[2] is (3, 4)") &&
                        Catch::Contains("dW[l] is shaped as W[l]"));
  bad = g;
  bad.db[3] = Matrix(1, 2);
  CHECK_THROWS_WITH(
      update_parameters(q.p, bad, 0.1),
      Catch::Contains("db[3] is (1, 2)") && Catch::Contains("db[l] is shaped as b[l]"));
  // The notebook's numbering, dW1 in entry 0: L entries, where L + 1 are expected.
  bad = g;
  bad.dW.erase(bad.dW.begin());
  bad.db.erase(bad.db.begin());
  CHECK_THROWS_AS(update_parameters(q.p, bad, 0.1), std::invalid_argument);
  CHECK_THROWS_WITH(update_parameters(q.p, bad, 0.1),
                    Catch::Contains("the parameters have 4 layers (W has 5 entries) but "
                                    "grads.dW has 4 and grads.db 4") &&
                        Catch::Contains("L + 1 = 5 each"));
  CHECK_THROWS_WITH(update_parameters(q.p, g, 0.0), Catch::Contains("positive"));
}
