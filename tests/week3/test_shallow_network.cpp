// Tests of lecture 3.9: the network with one hidden layer. Numbers marked "notebook" are what
// the course's planar-data notebook prints (recomputed with numpy 1.24 on the same arithmetic).
#include <catch2/catch.hpp>
#include <cmath>
#include <iostream>
#include <sstream>
#include <string>

#include "common/gradient_check.hpp"
#include "common/random.hpp"
#include "common/toy_datasets.hpp"
#include "common/training.hpp"
#include "tests/support/capture.hpp"
#include "tests/support/compare.hpp"
#include "week3/shallow_network.hpp"

using dlc::Matrix;
using dlc::testing::CaptureCout;
using dlc::testing::IsClose;
using namespace dlc::week3;

namespace {

// Non-square, m > 1: catches a wrong transpose or a sum over the wrong axis.
struct Problem {
  Matrix X, Y;
  Parameters p;
};
Problem random_problem(std::size_t n_x, std::size_t n_h, std::size_t m, std::uint32_t seed) {
  dlc::RandomState rng(seed);
  Problem q{rng.randn(n_x, m), Matrix(1, m), {}};
  const Matrix u = rng.rand(1, m);
  for (std::size_t i = 0; i < m; ++i) q.Y(0, i) = u(0, i) > 0.5 ? 1.0 : 0.0;
  q.p = Parameters{rng.randn(n_h, n_x) * 0.5, rng.randn(n_h, 1) * 0.5, rng.randn(1, n_h) * 0.5,
                   rng.randn(1, 1) * 0.5};
  return q;
}

double cost_at(const Parameters& p, const Matrix& X, const Matrix& Y) {
  return compute_cost(forward_propagation(X, p).A2, Y);
}

}  // namespace

TEST_CASE("layer_sizes: n_x from X, n_y from Y", "[week3.layer_sizes]") {
  const LayerSizes s = layer_sizes(Matrix(5, 3), Matrix(2, 3));
  CHECK(s.n_x == 5);
  CHECK(s.n_h == 4);
  CHECK(s.n_y == 2);
  CHECK(layer_sizes(Matrix(2, 400), Matrix(1, 400), 7).n_h == 7);
  CHECK_THROWS_AS(layer_sizes(Matrix(2, 4), Matrix(1, 4), 0), std::invalid_argument);
  CHECK_THROWS_AS(layer_sizes(Matrix(2, 4), Matrix(1, 5)), dlc::ShapeError);
}

TEST_CASE("initialize_parameters: randn * 0.01, W1 drawn first, zero biases",
          "[week3.initialize_parameters]") {
  dlc::RandomState rng(3);
  const Parameters p = initialize_parameters(2, 4, 1, rng);
  // numpy: np.random.seed(3); np.random.randn(4, 2) * 0.01 (first row)
  CHECK_THAT(p.W1.cols_range(0, 2),
             IsClose(dlc::RandomState(3).randn(4, 2) * 0.01, 0.0, "W1 = randn(n_h, n_x) * 0.01"));
  CHECK(p.W1(0, 0) == 0.017886284734303187);
  CHECK(p.W1(3, 1) == -0.0062700067682384735);
  CHECK(p.W2.shape() == dlc::Shape{1, 4});
  CHECK_THAT(p.b1, IsClose(Matrix(4, 1), 0.0, "b1 = 0"));
  CHECK_THAT(p.b2, IsClose(Matrix(1, 1), 0.0, "b2 = 0"));
  // W2 comes after W1 in the random stream.
  dlc::RandomState again(3);
  again.randn(4, 2);
  CHECK_THAT(p.W2, IsClose(again.randn(1, 4) * 0.01, 0.0, "W2 = randn(n_y, n_h) * 0.01"));
  CHECK_THROWS_AS(initialize_parameters(2, 0, 1, rng), std::invalid_argument);
}

TEST_CASE("initialize_parameters: n_y = 2 outputs, W2 (n_y, n_h) drawn after W1, b2 (n_y, 1)",
          "[week3.initialize_parameters]") {
  // n_x = 3, n_h = 5, n_y = 2: no two sizes alike, so b2 = zeros(1, 1) or W2 drawn as
  // randn(n_h, n_y) and transposed (which agree with the right ones when n_y = 1) show.
  dlc::RandomState rng(6);
  const Parameters p = initialize_parameters(3, 5, 2, rng);
  dlc::RandomState stream(6);
  const Matrix W1 = stream.randn(5, 3) * 0.01;  // np.random.randn(n_h, n_x) * 0.01
  const Matrix W2 = stream.randn(2, 5) * 0.01;  // then np.random.randn(n_y, n_h) * 0.01
  CHECK_THAT(p.W1, IsClose(W1, 0.0, "W1 = randn(n_h, n_x) * 0.01"));
  CHECK_THAT(p.b1, IsClose(Matrix::zeros(5, 1), 0.0, "b1 = zeros(n_h, 1)"));
  CHECK_THAT(p.W2, IsClose(W2, 0.0, "W2 = randn(n_y, n_h) * 0.01, after W1"));
  CHECK_THAT(p.b2, IsClose(Matrix::zeros(2, 1), 0.0, "b2 = zeros(n_y, 1)"));
}

TEST_CASE("forward_propagation: tanh hidden layer, sigmoid output", "[week3.forward_propagation]") {
  // By hand, one example x = (1, 2), two hidden units:
  // Z1 = [[0.5*1 - 0.25*2 + 0.1], [1*1 + 0*2 - 0.2]] = [[0.1], [0.8]]
  const Parameters p{Matrix{{0.5, -0.25}, {1.0, 0.0}}, Matrix{{0.1}, {-0.2}}, Matrix{{2.0, -1.0}},
                     Matrix{{0.3}}};
  const Cache c = forward_propagation(Matrix{{1.0}, {2.0}}, p);
  CHECK_THAT(c.Z1, IsClose(Matrix{{0.1}, {0.8}}, 1e-15, "Z1 = W1 X + b1"));
  CHECK_THAT(c.A1, IsClose(Matrix{{std::tanh(0.1)}, {std::tanh(0.8)}}, 1e-15, "A1 = tanh(Z1)"));
  const double z2 = 2.0 * std::tanh(0.1) - std::tanh(0.8) + 0.3;
  CHECK_THAT(c.Z2, IsClose(Matrix{{z2}}, 1e-15, "Z2 = W2 A1 + b2"));
  CHECK_THAT(c.A2, IsClose(Matrix{{1.0 / (1.0 + std::exp(-z2))}}, 1e-15, "A2 = sigma(Z2)"));
  SECTION("shapes are checked and named") {
    CHECK_THROWS_WITH(forward_propagation(Matrix(3, 5), p),
                      Catch::Contains("W1 must be (n_h, n_x)"));
    Parameters bad = p;
    bad.W2 = Matrix(1, 3);
    CHECK_THROWS_WITH(forward_propagation(Matrix(2, 5), bad),
                      Catch::Contains("W2 must be (n_y, n_h)"));
  }
}

TEST_CASE("forward_propagation: tanh and sigma stay finite at |z| up to 1000",
          "[week3.forward_propagation]") {
  // z reach +-800 and +-1000, where e^z or e^-z overflows (|z| > 709): tanh written
  // (e^z - e^-z) / (e^z + e^-z) or sigma written e^z / (1 + e^z) give inf / inf = NaN there.
  // n_x = 2, n_h = 3, m = 4. By hand: Z1 = W1 X + b1; rows 0 and 1 of A1 = tanh(Z1) saturate
  // to +-1 (|z| >= 40); Z2 = 1000 A1[0] = (1000, -1000, 1000, -1000), so A2 = (1, 0, 1, 0).
  const Matrix X{{2.0, -2.5, 0.1, -1.0}, {2.0, 0.5, 0.2, 3.0}};
  const Parameters p{Matrix{{400.0, 0.0}, {0.0, -400.0}, {1.0, 1.0}}, Matrix{{0.0}, {0.0}, {-0.5}},
                     Matrix{{1000.0, 0.0, 0.0}}, Matrix{{0.0}}};
  const Cache c = forward_propagation(X, p);
  CHECK_THAT(c.Z1, IsClose(Matrix{{800.0, -1000.0, 40.0, -400.0},
                                  {-800.0, -200.0, -80.0, -1200.0},
                                  {3.5, -2.5, -0.2, 1.5}},
                           1e-15, "Z1 = W1 X + b1"));
  CHECK_THAT(c.A1,
             IsClose(Matrix{{1.0, -1.0, 1.0, -1.0},
                            {-1.0, -1.0, -1.0, -1.0},
                            {std::tanh(3.5), std::tanh(-2.5), std::tanh(-0.2), std::tanh(1.5)}},
                     1e-15, "A1 = tanh(Z1)"));
  CHECK_THAT(c.Z2, IsClose(Matrix{{1000.0, -1000.0, 1000.0, -1000.0}}, 1e-15, "Z2 = W2 A1 + b2"));
  CHECK_THAT(c.A2, IsClose(Matrix{{1.0, 0.0, 1.0, 0.0}}, 1e-15, "A2 = 1 / (1 + e^-Z2)"));
}

TEST_CASE("compute_cost: the cross-entropy of A2 against Y", "[week3.compute_cost]") {
  CHECK(compute_cost(Matrix{{0.5, 0.5}}, Matrix{{1, 0}}) == Approx(std::log(2.0)).epsilon(1e-15));
  const double expected = -(std::log(0.9) + std::log(0.7) + std::log(0.2)) / 3.0;
  CHECK(compute_cost(Matrix{{0.9, 0.3, 0.2}}, Matrix{{1, 0, 1}}) ==
        Approx(expected).epsilon(1e-14));
}

TEST_CASE("backward_propagation: every gradient agrees with a numerical gradient of the cost",
          "[week3.backward_propagation]") {
  // n_x = 3, n_h = 5, m = 7: no square matrix anywhere.
  const Problem q = random_problem(3, 5, 7, 21);
  const Gradients g = backward_propagation(q.p, forward_propagation(q.X, q.p), q.X, q.Y);
  auto check = [&](const char* name, Matrix Parameters::*member, const Matrix& analytic) {
    const Matrix numeric = dlc::numerical_gradient(
        [&](const Matrix& theta) {
          Parameters p = q.p;
          p.*member = theta;
          return cost_at(p, q.X, q.Y);
        },
        q.p.*member);
    INFO(name << ": backward " << analytic << "\nnumerical " << numeric);
    CHECK(analytic.shape() == numeric.shape());
    CHECK(dlc::relative_difference(analytic, numeric) < 1e-7);
  };
  check("dW1 = 1/m dZ1 X^T", &Parameters::W1, g.dW1);
  check("db1 = 1/m sum(dZ1, axis=1)", &Parameters::b1, g.db1);
  check("dW2 = 1/m dZ2 A1^T", &Parameters::W2, g.dW2);
  check("db2 = 1/m sum(dZ2, axis=1)", &Parameters::b2, g.db2);
}

TEST_CASE("backward_propagation: the notebook's first step on the flower",
          "[week3.backward_propagation]") {
  const dlc::ToyData d = dlc::planar_flower();
  dlc::RandomState rng(3);
  const Parameters p = initialize_parameters(2, 4, 1, rng);
  const Cache c = forward_propagation(d.X, p);
  // notebook: the cost of the first iteration, and its gradients
  CHECK(compute_cost(c.A2, d.Y) == Approx(0.6931621661402946).epsilon(1e-13));
  const Gradients g = backward_propagation(p, c, d.X, d.Y);
  CHECK(g.dW1.shape() == dlc::Shape{4, 2});
  CHECK(g.db2.shape() == dlc::Shape{1, 1});
}

TEST_CASE("update_parameters: theta := theta - alpha dtheta", "[week3.update_parameters]") {
  const Parameters p{Matrix{{1.0, 2.0}}, Matrix{{0.5}}, Matrix{{-1.0}}, Matrix{{0.0}}};
  const Gradients g{Matrix{{0.1, -0.2}}, Matrix{{1.0}}, Matrix{{0.5}}, Matrix{{-0.25}}};
  const Parameters u = update_parameters(p, g, 2.0);
  CHECK_THAT(u.W1, IsClose(Matrix{{0.8, 2.4}}, 1e-15, "W1 - alpha dW1"));
  CHECK_THAT(u.b1, IsClose(Matrix{{-1.5}}, 1e-15, "b1 - alpha db1"));
  CHECK_THAT(u.W2, IsClose(Matrix{{-2.0}}, 1e-15, "W2 - alpha dW2"));
  CHECK_THAT(u.b2, IsClose(Matrix{{0.5}}, 1e-15, "b2 - alpha db2"));
  CHECK_THROWS_AS(update_parameters(p, g, 0.0), std::invalid_argument);
}

TEST_CASE("nn_model on the flower reproduces the notebook", "[week3.nn_model]") {
  const dlc::ToyData d = dlc::planar_flower();
  CaptureCout out;
  const Parameters p = nn_model(d.X, d.Y, 4, 10000, true);
  // notebook: up to iteration 6000 the printed costs are stable; after that, rounding decides.
  const std::string text = out.text();
  for (const char* line :
       {"Cost after iteration 0: 0.693162\n", "Cost after iteration 1000: 0.258625\n",
        "Cost after iteration 2000: 0.239334\n", "Cost after iteration 3000: 0.230802\n",
        "Cost after iteration 4000: 0.225528\n", "Cost after iteration 5000: 0.221845\n",
        "Cost after iteration 6000: 0.219094\n"}) {
    CHECK_THAT(text, Catch::Contains(line));
  }
  // notebook: print('Accuracy: %d' % accuracy + '%') prints "Accuracy: 90%"; the value
  // itself is 90.75 (chaotic after iteration 6000, so only the printed whole number is sure).
  CHECK(static_cast<int>(accuracy(predict(p, d.X), d.Y)) == 90);
}

TEST_CASE("nn_model: the notebook's hidden-layer sweep (5000 iterations each)",
          "[week3.nn_model][sweep]") {
  const dlc::ToyData d = dlc::planar_flower();
  // notebook: Accuracy for n hidden units: ... %
  const std::pair<std::size_t, const char*> expected[] = {{1, "67.5"},  {2, "67.25"}, {3, "90.75"},
                                                          {4, "90.5"},  {5, "91.25"}, {20, "91.0"},
                                                          {50, "90.25"}};
  for (const auto& [n_h, text] : expected) {
    INFO(n_h << " hidden units");
    const Parameters p = nn_model(d.X, d.Y, n_h, 5000);
    CHECK(dlc::python_repr(accuracy(predict(p, d.X), d.Y)) == text);
  }
}

TEST_CASE("nn_model: the seed argument is the initialization's seed", "[week3.nn_model]") {
  // One step with a learning rate of 1e-9 leaves the parameters within 1e-10 of where they
  // started: W1 = randn(4, 2) * 0.01 and then W2 = randn(1, 4) * 0.01 from RandomState(seed),
  // zero biases. Two seeds, two different starts, each its own generator's draws.
  const dlc::ToyData d = dlc::planar_flower();
  for (const std::uint32_t seed : {3u, 7u}) {
    INFO("seed " << seed);
    const Parameters p = nn_model(d.X, d.Y, 4, 1, false, 1e-9, seed);
    dlc::RandomState stream(seed);
    const Matrix W1 = stream.randn(4, 2) * 0.01;
    const Matrix W2 = stream.randn(1, 4) * 0.01;
    CHECK_THAT(p.W1, IsClose(W1, 1e-10, "W1 = randn(n_h, n_x) * 0.01 from RandomState(seed)"));
    CHECK_THAT(p.W2, IsClose(W2, 1e-10, "W2 = randn(n_y, n_h) * 0.01, after W1"));
    CHECK_THAT(p.b1, IsClose(Matrix::zeros(4, 1), 1e-10, "b1 starts at 0"));
  }
  CHECK(dlc::max_abs_diff(nn_model(d.X, d.Y, 4, 1, false, 1e-9, 3).W1,
                          nn_model(d.X, d.Y, 4, 1, false, 1e-9, 7).W1) > 1e-3);
}

TEST_CASE("nn_model: bad input gets a clear message", "[week3.nn_model]") {
  const dlc::ToyData d = dlc::planar_flower(1, 20);
  CHECK_THROWS_WITH(nn_model(d.X, d.Y, 0, 10), Catch::Contains("n_h is 0"));
  CHECK_THROWS_WITH(nn_model(d.X, d.Y, 4, 10, false, -1.0),
                    Catch::Contains("must be a positive number"));
  CHECK_THROWS_AS(nn_model(d.X, Matrix(1, 19), 4, 10), dlc::ShapeError);
  Matrix Y = d.Y;
  Y(0, 3) = 2.0;
  CHECK_THROWS_WITH(nn_model(d.X, Y, 4, 10), Catch::Contains("labels must be 0 or 1"));
  // A huge learning rate saturates the output: the cost turns infinite or NaN, and training
  // stops naming the iteration.
  CHECK_THROWS_WITH(nn_model(d.X * 100.0, d.Y, 4, 200, false, 1e6),
                    Catch::Contains("at iteration"));
}

TEST_CASE("predict: 1 where A2 > 0.5", "[week3.predict]") {
  const Parameters p{Matrix{{1.0, 0.0}}, Matrix{{0.0}}, Matrix{{10.0}}, Matrix{{0.0}}};
  // A2 = sigma(10 tanh(x1)): above 0.5 exactly when x1 > 0; x1 = 0 gives 0.5, not above.
  CHECK_THAT(predict(p, Matrix{{0.3, -0.2, 0.0}, {5.0, 5.0, 5.0}}),
             IsClose(Matrix{{1.0, 0.0, 0.0}}, 0.0, "A2 > 0.5"));
}

TEST_CASE("planar_flower is the notebook's data set, number for number", "[planar]") {
  const dlc::ToyData d = dlc::planar_flower();
  REQUIRE(d.X.shape() == dlc::Shape{2, 400});
  // numpy: load_planar_dataset() -> X[:, 0] = (1.204442292254319, 3.5761141481288448), class 0
  CHECK(d.X(0, 0) == 1.204442292254319);
  CHECK(d.X(1, 0) == 3.5761141481288448);
  CHECK(dlc::sum(d.Y) == 200.0);
  CHECK(d.Y(0, 199) == 0.0);
  CHECK(d.Y(0, 200) == 1.0);
  CHECK_THROWS_AS(dlc::planar_flower(1, 7), std::invalid_argument);
  // linspace as numpy: the ends exact, the steps equal.
  const Matrix l = dlc::linspace(0.0, 3.12, 200);
  CHECK(l(0, 199) == 3.12);
  CHECK(l(0, 1) == 3.12 / 199);
}
