// Tests of lectures C2 2.6-2.8: momentum, RMSprop and Adam, each checked against the formulas
// written out with plain Matrix operations, and Adam against the notebook's case.
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "common/random.hpp"
#include "course2/optimizers.hpp"
#include "tests/support/compare.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::course2;
using namespace dlc::course2::optimizers;

namespace {

/// Layers [4, 3, 2]: parameters, gradients, and two averages with entries of their own (not
/// the zeros of a start, so that a forgotten term of an update shows).
struct Problem {
  Parameters parameters;
  Gradients grads;
  Averages v, s;
};
Problem two_layers(std::uint32_t seed = 5) {
  dlc::RandomState rng(seed);
  Problem p;
  p.parameters.W = {Matrix(), rng.randn(3, 4), rng.randn(2, 3)};
  p.parameters.b = {Matrix(), rng.randn(3, 1), rng.randn(2, 1)};
  p.grads.dW = {Matrix(), rng.randn(3, 4), rng.randn(2, 3)};
  p.grads.db = {Matrix(), rng.randn(3, 1), rng.randn(2, 1)};
  p.v.dW = {Matrix(), rng.randn(3, 4), rng.randn(2, 3)};
  p.v.db = {Matrix(), rng.randn(3, 1), rng.randn(2, 1)};
  p.s.dW = {Matrix(), dlc::square(rng.randn(3, 4)), dlc::square(rng.randn(2, 3))};
  p.s.db = {Matrix(), dlc::square(rng.randn(3, 1)), dlc::square(rng.randn(2, 1))};
  return p;
}

/// The notebook's update_parameters_with_adam_test_case: after np.random.seed(1), W1, b1, W2,
/// b2, then dW1, db1, dW2, db2, by randn in that order.
Problem adam_test_case() {
  dlc::RandomState rng(1);
  Problem p;
  p.parameters.W = {Matrix(), Matrix(), Matrix()};
  p.parameters.b = {Matrix(), Matrix(), Matrix()};
  p.parameters.W[1] = rng.randn(2, 3);
  p.parameters.b[1] = rng.randn(2, 1);
  p.parameters.W[2] = rng.randn(3, 3);
  p.parameters.b[2] = rng.randn(3, 1);
  p.grads.dW = {Matrix(), Matrix(), Matrix()};
  p.grads.db = {Matrix(), Matrix(), Matrix()};
  p.grads.dW[1] = rng.randn(2, 3);
  p.grads.db[1] = rng.randn(2, 1);
  p.grads.dW[2] = rng.randn(3, 3);
  p.grads.db[2] = rng.randn(3, 1);
  return p;
}

/// Zeros of the parameters' shapes, written out here (not with the exercises).
Averages zeros_like(const Parameters& parameters) {
  Averages a{std::vector<Matrix>(parameters.W.size()), std::vector<Matrix>(parameters.W.size())};
  for (std::size_t l = 1; l < parameters.W.size(); ++l) {
    a.dW[l] = Matrix::zeros(parameters.W[l].rows(), parameters.W[l].cols());
    a.db[l] = Matrix::zeros(parameters.b[l].rows(), parameters.b[l].cols());
  }
  return a;
}

/// Checks that `a` holds zeros of the shapes of the parameters of `p`, layer by layer.
void check_zeros_like(const Averages& a, const Parameters& p, const char* name) {
  REQUIRE(a.dW.size() == p.W.size());
  REQUIRE(a.db.size() == p.b.size());
  for (std::size_t l = 1; l < p.W.size(); ++l) {
    INFO(name << ", layer " << l);
    CHECK_THAT(a.dW[l], IsClose(Matrix::zeros(p.W[l].rows(), p.W[l].cols()), 0.0, "zeros_like(W)"));
    CHECK_THAT(a.db[l], IsClose(Matrix::zeros(p.b[l].rows(), p.b[l].cols()), 0.0, "zeros_like(b)"));
  }
}

/// Adam's step on one parameter, written out with plain Matrix operations, as numpy does it.
struct AdamOne {
  Matrix param, v, s, v_corrected, s_corrected;
};
AdamOne adam_one(const Matrix& param, const Matrix& grad, const Matrix& v0, const Matrix& s0, int t,
                 double lr, double beta1, double beta2, double eps) {
  AdamOne r;
  r.v = beta1 * v0 + (1 - beta1) * grad;
  r.v_corrected = r.v / (1 - std::pow(beta1, t));
  r.s = beta2 * s0 + (1 - beta2) * dlc::square(grad);
  r.s_corrected = r.s / (1 - std::pow(beta2, t));
  r.param = param - lr * r.v_corrected / (dlc::sqrt(r.s_corrected) + eps);
  return r;
}

}  // namespace

// ---- C2 2.6 momentum ---------------------------------------------------------------------------

TEST_CASE("initialize_velocity: zeros of every W and b's shape", "[course2.initialize_velocity]") {
  const Problem p = two_layers();
  check_zeros_like(initialize_velocity(p.parameters), p.parameters, "v");
  Parameters three = p.parameters;
  three.W.push_back(Matrix(5, 2, 1.0));
  three.b.push_back(Matrix(5, 1, 1.0));
  check_zeros_like(initialize_velocity(three), three, "v of three layers");
  Parameters bad = p.parameters;
  bad.b.pop_back();
  CHECK_THROWS_AS(initialize_velocity(bad), dlc::ShapeError);
}

TEST_CASE("update_parameters_with_momentum: v = beta v + (1 - beta) dW, then W - alpha v",
          "[course2.update_parameters_with_momentum]") {
  const Problem p = two_layers();
  const double beta = 0.9, alpha = 0.01;
  const auto [parameters, v] =
      update_parameters_with_momentum(p.parameters, p.grads, p.v, beta, alpha);
  for (std::size_t l = 1; l <= 2; ++l) {
    INFO("layer " << l);
    const Matrix vW = beta * p.v.dW[l] + (1 - beta) * p.grads.dW[l];
    const Matrix vb = beta * p.v.db[l] + (1 - beta) * p.grads.db[l];
    CHECK_THAT(v.dW[l], IsClose(vW, 1e-15, "v_dW = beta v_dW + (1 - beta) dW"));
    CHECK_THAT(v.db[l], IsClose(vb, 1e-15, "v_db = beta v_db + (1 - beta) db"));
    CHECK_THAT(parameters.W[l],
               IsClose(p.parameters.W[l] - alpha * vW, 1e-15, "W = W - alpha v_dW"));
    CHECK_THAT(parameters.b[l],
               IsClose(p.parameters.b[l] - alpha * vb, 1e-15, "b = b - alpha v_db"));
  }
}

TEST_CASE("update_parameters_with_momentum: two steps from v = 0, by hand",
          "[course2.update_parameters_with_momentum]") {
  Parameters parameters;
  parameters.W = {Matrix(), Matrix{{1, 2}, {3, 4}, {5, 6}}};
  parameters.b = {Matrix(), Matrix{{0}, {1}, {2}}};
  Gradients grads;
  grads.dW = {Matrix(), Matrix{{10, 20}, {-10, 0}, {30, 40}}};
  grads.db = {Matrix(), Matrix{{10}, {20}, {-20}}};
  const Averages v0 = zeros_like(parameters);
  // beta = 0.5, alpha = 0.1: v = 0.5 dW, W - 0.05 dW; then v = 0.75 dW, W - 0.05 dW - 0.075 dW
  auto [p1, v1] = update_parameters_with_momentum(parameters, grads, v0, 0.5, 0.1);
  CHECK_THAT(v1.dW[1], IsClose(Matrix{{5, 10}, {-5, 0}, {15, 20}}, 1e-14, "v = 0.5 dW"));
  CHECK_THAT(p1.W[1], IsClose(Matrix{{0.5, 1}, {3.5, 4}, {3.5, 4}}, 1e-14, "W - 0.1 v"));
  CHECK_THAT(p1.b[1], IsClose(Matrix{{-0.5}, {0}, {3}}, 1e-14, "b - 0.1 v_db"));
  auto [p2, v2] = update_parameters_with_momentum(p1, grads, v1, 0.5, 0.1);
  CHECK_THAT(v2.dW[1], IsClose(Matrix{{7.5, 15}, {-7.5, 0}, {22.5, 30}}, 1e-14, "v = 0.75 dW"));
  CHECK_THAT(p2.W[1], IsClose(Matrix{{-0.25, -0.5}, {4.25, 4}, {1.25, 1}}, 1e-14, "W - 0.1 v"));
  CHECK_THAT(p2.b[1], IsClose(Matrix{{-1.25}, {-1.5}, {4.5}}, 1e-14, "b - 0.1 v_db"));
}

TEST_CASE("update_parameters_with_momentum: beta = 0 is gradient descent",
          "[course2.update_parameters_with_momentum]") {
  const Problem p = two_layers();
  const auto [parameters, v] =
      update_parameters_with_momentum(p.parameters, p.grads, p.v, 0.0, 0.3);
  CHECK_THAT(parameters.W[2],
             IsClose(p.parameters.W[2] - 0.3 * p.grads.dW[2], 1e-15, "W - alpha dW"));
  CHECK_THAT(v.db[1], IsClose(p.grads.db[1], 0.0, "v = dW"));
}

TEST_CASE("update_parameters_with_momentum: bad input is refused",
          "[course2.update_parameters_with_momentum]") {
  Problem p = two_layers();
  CHECK_THROWS_WITH(update_parameters_with_momentum(p.parameters, p.grads, p.v, 1.0, 0.1),
                    Catch::Contains("beta is 1.0") && Catch::Contains("[0, 1)"));
  CHECK_THROWS_AS(update_parameters_with_momentum(p.parameters, p.grads, p.v, -0.1, 0.1),
                  std::invalid_argument);
  CHECK_THROWS_AS(update_parameters_with_momentum(p.parameters, p.grads, p.v, 0.9, -1.0),
                  std::invalid_argument);
  p.v.dW[1] = Matrix(4, 3);
  CHECK_THROWS_WITH(update_parameters_with_momentum(p.parameters, p.grads, p.v, 0.9, 0.1),
                    Catch::Contains("v.dW is (4, 3)"));
}

// ---- C2 2.7 RMSprop ----------------------------------------------------------------------------

TEST_CASE(
    "update_parameters_with_rmsprop: s = beta2 s + (1 - beta2) dW^2, then "
    "W - alpha dW / (sqrt(s) + eps)",
    "[course2.update_parameters_with_rmsprop]") {
  const Problem p = two_layers();
  const double beta2 = 0.9, alpha = 0.01, eps = 1e-2;  // an epsilon large enough to show
  const auto [parameters, s] =
      update_parameters_with_rmsprop(p.parameters, p.grads, p.s, beta2, alpha, eps);
  for (std::size_t l = 1; l <= 2; ++l) {
    INFO("layer " << l);
    const Matrix sW = beta2 * p.s.dW[l] + (1 - beta2) * dlc::square(p.grads.dW[l]);
    const Matrix sb = beta2 * p.s.db[l] + (1 - beta2) * dlc::square(p.grads.db[l]);
    CHECK_THAT(s.dW[l], IsClose(sW, 1e-15, "s_dW = beta2 s_dW + (1 - beta2) dW^2"));
    CHECK_THAT(s.db[l], IsClose(sb, 1e-15, "s_db = beta2 s_db + (1 - beta2) db^2"));
    CHECK_THAT(parameters.W[l],
               IsClose(p.parameters.W[l] - alpha * p.grads.dW[l] / (dlc::sqrt(sW) + eps), 1e-15,
                       "W = W - alpha dW / (sqrt(s_dW) + eps)"));
    CHECK_THAT(parameters.b[l],
               IsClose(p.parameters.b[l] - alpha * p.grads.db[l] / (dlc::sqrt(sb) + eps), 1e-15,
                       "b = b - alpha db / (sqrt(s_db) + eps)"));
  }
}

TEST_CASE(
    "update_parameters_with_rmsprop: the first step from s = 0 moves each entry by "
    "about alpha / sqrt(1 - beta2)",
    "[course2.update_parameters_with_rmsprop]") {
  const Problem p = two_layers();
  const auto [parameters, s] = update_parameters_with_rmsprop(
      p.parameters, p.grads, zeros_like(p.parameters), 0.99, 0.001, 1e-12);
  // s = 0.01 dW^2, so dW / sqrt(s) = 10 sign(dW): every entry moves by 0.01
  const Matrix step = p.parameters.W[1] - parameters.W[1];
  for (std::size_t i = 0; i < step.rows(); ++i)
    for (std::size_t j = 0; j < step.cols(); ++j)
      CHECK(std::fabs(std::fabs(step(i, j)) - 0.01) < 1e-9);
}

TEST_CASE("update_parameters_with_rmsprop: bad input is refused",
          "[course2.update_parameters_with_rmsprop]") {
  Problem p = two_layers();
  CHECK_THROWS_AS(update_parameters_with_rmsprop(p.parameters, p.grads, p.s, 1.0, 0.1, 1e-8),
                  std::invalid_argument);
  CHECK_THROWS_WITH(update_parameters_with_rmsprop(p.parameters, p.grads, p.s, 0.9, 0.1, 0.0),
                    Catch::Contains("epsilon is 0.0"));
  CHECK_THROWS_AS(update_parameters_with_rmsprop(p.parameters, p.grads, p.s, 0.9, 0.0, 1e-8),
                  std::invalid_argument);
  p.s.db.pop_back();
  CHECK_THROWS_AS(update_parameters_with_rmsprop(p.parameters, p.grads, p.s, 0.9, 0.1, 1e-8),
                  dlc::ShapeError);
}

// ---- C2 2.8 Adam -------------------------------------------------------------------------------

TEST_CASE("initialize_adam: v and s, zeros of every W and b's shape", "[course2.initialize_adam]") {
  const Problem p = two_layers();
  const auto [v, s] = initialize_adam(p.parameters);
  check_zeros_like(v, p.parameters, "v");
  check_zeros_like(s, p.parameters, "s");
  Parameters bad = p.parameters;
  bad.W.pop_back();
  CHECK_THROWS_AS(initialize_adam(bad), dlc::ShapeError);
}

TEST_CASE("update_parameters_with_adam: the notebook's case, t = 2",
          "[course2.update_parameters_with_adam]") {
  const Problem p = adam_test_case();
  const Averages zeros = zeros_like(p.parameters);
  const AdamStep r =
      update_parameters_with_adam(p.parameters, p.grads, zeros, zeros, 2, 0.02, 0.8, 0.888, 1e-2);
  // from the notebook: W1 = [[ 1.63942428 -0.6268425  -0.54320974]
  //                          [-1.08782943  0.85036983 -2.2865723 ]]
  CHECK_THAT(r.parameters.W[1], IsClose(Matrix{{1.63942428, -0.6268425, -0.54320974},
                                               {-1.08782943, 0.85036983, -2.2865723}},
                                        1e-8, "W1 after one Adam step at t = 2"));
  // numpy's values of the same case, to 16 digits
  CHECK_THAT(r.parameters.b[1],
             IsClose(Matrix{{1.7585435685760604}, {-0.746160665556771}}, 1e-15, "b1"));
  CHECK_THAT(r.parameters.W[2],
             IsClose(Matrix{{0.3335613900636921, -0.2642519905761627, 1.477077717184704},
                            {-2.045384578870576, -0.307449328092881, -0.36903141357748637},
                            {1.1487303594386344, -1.092568707474973, -0.15734651109626235}},
                     1e-15, "W2"));
  CHECK_THAT(r.parameters.b[2],
             IsClose(Matrix{{-0.8922802400762183}, {0.02707192820995998}, {0.5678256085947565}},
                     1e-15, "b2"));
  CHECK_THAT(r.v.dW[1],
             IsClose(Matrix{{-0.2201238354425842, 0.22894474196792278, 0.18031814411855906},
                            {0.10049886778037362, 0.18017118985288233, -0.1367455718348666}},
                     1e-15, "v_dW1 = 0.2 dW1"));
  CHECK_THAT(r.v_corrected.dW[1],
             IsClose(Matrix{{-0.611455098451623, 0.6359576165775634, 0.5008837336626643},
                            {0.279163521612149, 0.5004755273691177, -0.3798488106524074}},
                     1e-15, "v_corrected_dW1 = v / (1 - 0.8^2)"));
  CHECK_THAT(r.s.dW[1],
             IsClose(Matrix{{0.13567260820387095, 0.14676394564932455, 0.09104097267541206},
                            {0.02828006279038367, 0.09089264142840946, 0.05235818396604507}},
                     1e-15, "s_dW1 = 0.112 dW1^2"));
  CHECK_THAT(r.s_corrected.dW[1],
             IsClose(Matrix{{0.641611532441127, 0.6940637562865304, 0.43054334081516754},
                            {0.13373970372268307, 0.42984186510862527, 0.2476079371880915}},
                     1e-15, "s_corrected_dW1 = s / (1 - 0.888^2)"));
}

TEST_CASE("update_parameters_with_adam: every line of the update, over three steps t = 1, 2, 3",
          "[course2.update_parameters_with_adam]") {
  Problem p = two_layers(9);
  const double lr = 0.05, beta1 = 0.7, beta2 = 0.8, eps = 0.1;  // far from the defaults
  Parameters parameters = p.parameters;
  Averages v = p.v, s = p.s;
  for (int t = 1; t <= 3; ++t) {
    const AdamStep r =
        update_parameters_with_adam(parameters, p.grads, v, s, t, lr, beta1, beta2, eps);
    for (std::size_t l = 1; l <= 2; ++l) {
      INFO("t = " << t << ", layer " << l);
      const AdamOne w =
          adam_one(parameters.W[l], p.grads.dW[l], v.dW[l], s.dW[l], t, lr, beta1, beta2, eps);
      const AdamOne b =
          adam_one(parameters.b[l], p.grads.db[l], v.db[l], s.db[l], t, lr, beta1, beta2, eps);
      CHECK_THAT(r.v.dW[l], IsClose(w.v, 1e-14, "v = beta1 v + (1 - beta1) dW"));
      CHECK_THAT(r.v.db[l], IsClose(b.v, 1e-14, "v_db = beta1 v_db + (1 - beta1) db"));
      CHECK_THAT(r.v_corrected.dW[l], IsClose(w.v_corrected, 1e-14, "v / (1 - beta1^t)"));
      CHECK_THAT(r.v_corrected.db[l], IsClose(b.v_corrected, 1e-14, "v_db / (1 - beta1^t)"));
      CHECK_THAT(r.s.dW[l], IsClose(w.s, 1e-14, "s = beta2 s + (1 - beta2) dW^2"));
      CHECK_THAT(r.s.db[l], IsClose(b.s, 1e-14, "s_db = beta2 s_db + (1 - beta2) db^2"));
      CHECK_THAT(r.s_corrected.dW[l], IsClose(w.s_corrected, 1e-14, "s / (1 - beta2^t)"));
      CHECK_THAT(r.s_corrected.db[l], IsClose(b.s_corrected, 1e-14, "s_db / (1 - beta2^t)"));
      CHECK_THAT(r.parameters.W[l],
                 IsClose(w.param, 1e-14, "W = W - alpha v_corr / (sqrt(s_corr) + eps)"));
      CHECK_THAT(r.parameters.b[l],
                 IsClose(b.param, 1e-14, "b = b - alpha v_corr_db / (sqrt(s_corr_db) + eps)"));
    }
    parameters = r.parameters;
    v = r.v;
    s = r.s;
  }
}

TEST_CASE("update_parameters_with_adam: the first step moves every entry by about alpha",
          "[course2.update_parameters_with_adam]") {
  // With the bias corrections, t = 1 gives v_corr = dW and s_corr = dW^2, so each entry moves
  // by alpha |dW| / (|dW| + eps): alpha, whatever the scale of the gradient.
  Problem p = two_layers();
  p.grads.dW[1] = 1e3 * p.grads.dW[1];
  const auto [v, s] = std::pair(zeros_like(p.parameters), zeros_like(p.parameters));
  const AdamStep r = update_parameters_with_adam(p.parameters, p.grads, v, s, 1, 0.01);
  const Matrix step = p.parameters.W[1] - r.parameters.W[1];
  for (std::size_t i = 0; i < step.rows(); ++i)
    for (std::size_t j = 0; j < step.cols(); ++j)
      CHECK(std::fabs(std::fabs(step(i, j)) - 0.01) < 1e-6);
}

TEST_CASE("update_parameters_with_adam: bad input is refused",
          "[course2.update_parameters_with_adam]") {
  Problem p = two_layers();
  CHECK_THROWS_WITH(update_parameters_with_adam(p.parameters, p.grads, p.v, p.s, 0),
                    Catch::Contains("t is 0"));
  CHECK_THROWS_WITH(update_parameters_with_adam(p.parameters, p.grads, p.v, p.s, 1, 0.01, 1.0),
                    Catch::Contains("beta1 is 1.0"));
  CHECK_THROWS_WITH(
      update_parameters_with_adam(p.parameters, p.grads, p.v, p.s, 1, 0.01, 0.9, -0.5),
      Catch::Contains("beta2 is -0.5"));
  CHECK_THROWS_WITH(
      update_parameters_with_adam(p.parameters, p.grads, p.v, p.s, 1, 0.01, 0.9, 0.999, -1e-8),
      Catch::Contains("epsilon is -1e-08"));
  CHECK_THROWS_AS(update_parameters_with_adam(p.parameters, p.grads, p.v, p.s, 1, 0.0),
                  std::invalid_argument);
  p.s.dW[2] = Matrix(2, 2);
  CHECK_THROWS_WITH(update_parameters_with_adam(p.parameters, p.grads, p.v, p.s, 1),
                    Catch::Contains("s.dW is (2, 2)"));
}
