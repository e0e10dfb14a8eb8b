// Tests of lectures 2.2-2.4, 2.7-2.8, 2.10-2.11 and 2.13: logistic regression.
// Expected numbers marked "notebook" are what the course's notebook prints for the same inputs
// (recomputed with numpy 1.24 on the same arithmetic).
#include <catch2/catch.hpp>
#include <cmath>
#include <iostream>
#include <sstream>
#include <string>

#include "common/datasets.hpp"
#include "common/gradient_check.hpp"
#include "common/random.hpp"
#include "common/training.hpp"
#include "tests/support/capture.hpp"
#include "tests/support/compare.hpp"
#include "tests/support/data_path.hpp"
#include "week2/logistic_regression.hpp"

using dlc::Matrix;
using dlc::testing::CaptureCout;
using dlc::testing::IsClose;
using namespace dlc::week2;

namespace {

// The notebook's small example for propagate and optimize.
const Matrix kW{{1.0}, {2.0}};
const double kB = 2.0;
const Matrix kX{{1.0, 2.0, -1.0}, {3.0, 4.0, -3.2}};
const Matrix kY{{1.0, 0.0, 1.0}};

// Random, non-square data with m > 1: catches a wrong transpose or a sum over the wrong axis.
struct RandomProblem {
  Matrix w, X, Y;
  double b;
};
RandomProblem random_problem(std::size_t n_x, std::size_t m, std::uint32_t seed) {
  dlc::RandomState rng(seed);
  RandomProblem p{rng.randn(n_x, 1) * 0.5, rng.randn(n_x, m), Matrix(1, m), 0.3};
  const Matrix u = rng.rand(1, m);
  for (std::size_t i = 0; i < m; ++i) p.Y(0, i) = u(0, i) > 0.5 ? 1.0 : 0.0;
  return p;
}

}  // namespace

//! [sigmoid]
TEST_CASE("sigmoid: 1 / (1 + e^-z) entry by entry", "[week2.sigmoid]") {
  // notebook: sigmoid([0, 2]) = [0.5, 0.88079708]
  const Matrix s = sigmoid(Matrix{{0.0, 2.0}});
  CHECK_THAT(s, IsClose(Matrix{{0.5, 0.8807970779778823}}, 1e-15, "sigma(z) = 1 / (1 + e^-z)"));

  SECTION("sigma(-z) = 1 - sigma(z), any shape") {
    const Matrix z{{-3.0, -0.5, 0.0}, {0.25, 1.0, 4.0}};
    CHECK_THAT(sigmoid(-z), IsClose(1.0 - sigmoid(z), 1e-15, "sigma(-z) = 1 - sigma(z)"));
    CHECK(sigmoid(z).shape() == z.shape());
  }
  SECTION("saturates without NaN") {
    const Matrix s2 = sigmoid(Matrix{{-1000.0, 1000.0}});
    CHECK(s2(0, 0) == 0.0);
    CHECK(s2(0, 1) == 1.0);
  }
}
//! [sigmoid]

TEST_CASE("initialize_with_zeros: w is (dim, 1) zeros, b = 0", "[week2.initialize_with_zeros]") {
  const Parameters p = initialize_with_zeros(2);
  CHECK(p.w.shape() == dlc::Shape{2, 1});
  CHECK(p.w(0, 0) == 0.0);
  CHECK(p.w(1, 0) == 0.0);
  CHECK(p.b == 0.0);
  CHECK(initialize_with_zeros(12288).w.shape() == dlc::Shape{12288, 1});
  CHECK_THROWS_AS(initialize_with_zeros(0), std::invalid_argument);
}

//! [cost]
TEST_CASE("compute_cost: J = -1/m sum(y log a + (1-y) log(1-a))", "[week2.compute_cost]") {
  // A = 0.5 everywhere gives log 2 whatever the labels: the first cost the notebook prints.
  CHECK(compute_cost(Matrix{{0.5, 0.5, 0.5, 0.5}}, Matrix{{1, 0, 0, 1}}) ==
        Approx(std::log(2.0)).epsilon(1e-15));
  // By hand: -(log 0.9 + log(1 - 0.2) + log 0.6) / 3; both terms of the loss are needed.
  const double expected = -(std::log(0.9) + std::log(0.8) + std::log(0.6)) / 3.0;
  CHECK(compute_cost(Matrix{{0.9, 0.2, 0.6}}, Matrix{{1, 0, 1}}) ==
        Approx(expected).epsilon(1e-14));
  // The mean, not the sum: doubling the examples leaves J unchanged.
  CHECK(compute_cost(Matrix{{0.9, 0.2, 0.6, 0.9, 0.2, 0.6}}, Matrix{{1, 0, 1, 1, 0, 1}}) ==
        Approx(expected).epsilon(1e-14));
  CHECK_THROWS_AS(compute_cost(Matrix{{0.5, 0.5}}, Matrix{{1, 0, 1}}), dlc::ShapeError);
}
//! [cost]

//! [log_likelihood]
TEST_CASE("compute_cost is minus the mean log-likelihood of the labels (lecture 2.13)",
          "[week2.compute_cost]") {
  const Matrix A{{0.9, 0.2, 0.6, 0.35, 0.99}};
  const Matrix Y{{1, 0, 1, 0, 1}};
  CHECK(compute_cost(A, Y) == Approx(-log_likelihood(A, Y) / 5.0).epsilon(1e-14));
}
//! [log_likelihood]

//! [propagate]
TEST_CASE("propagate: the notebook's example", "[week2.propagate]") {
  const Propagation r = propagate(kW, kB, kX, kY);
  // notebook: dw = [[0.99845601] [2.39507239]], db = 0.00145557813678, cost = 5.801545319394553
  CHECK_THAT(r.grads.dw, IsClose(Matrix{{0.998456014637956}, {2.3950723884862066}}, 1e-14,
                                 "dw = 1/m X (A - Y)^T"));
  CHECK(r.grads.db == Approx(0.001455578136784208).epsilon(1e-12));
  CHECK(r.cost == Approx(5.801545319394553).epsilon(1e-14));
}
//! [propagate]

//! [gradient_check]
TEST_CASE("propagate: gradients agree with a numerical gradient of the cost", "[week2.propagate]") {
  const RandomProblem p = random_problem(4, 7, 11);
  const Propagation r = propagate(p.w, p.b, p.X, p.Y);
  const Matrix dw_approx = dlc::numerical_gradient(
      [&](const Matrix& w) { return propagate(w, p.b, p.X, p.Y).cost; }, p.w);
  INFO("dw = " << r.grads.dw << "\nnumerical = " << dw_approx);
  CHECK(dlc::relative_difference(r.grads.dw, dw_approx) < 1e-7);
  const double eps = 1e-7;
  const double db_approx =
      (propagate(p.w, p.b + eps, p.X, p.Y).cost - propagate(p.w, p.b - eps, p.X, p.Y).cost) /
      (2 * eps);
  CHECK(r.grads.db == Approx(db_approx).epsilon(1e-6));
}
//! [gradient_check]

namespace {

// Examples whose z = w^T x + b reaches +-800 and +-1000, where e^z overflows: w = (1, -1), b = 0,
// z = (800, -800, -1, 0.5, 1000), labels (1, 0, 1, 0, 1). The saturated examples are predicted
// right (a = 1 for y = 1, a = 0 for y = 0), so dz = a - y is 0 there and only the two moderate
// ones carry a gradient. e^z / (1 + e^z) gives inf / inf = NaN at z = 800; 1 / (1 + e^-z) gives 1.
const Matrix kWideW{{1.0}, {-1.0}};
const Matrix kWideX{{500.0, -400.0, 1.0, 0.5, 600.0}, {-300.0, 400.0, 2.0, 0.0, -400.0}};
const Matrix kWideY{{1.0, 0.0, 1.0, 0.0, 1.0}};
// numpy: dZ = [0, 0, sigma(-1) - 1, sigma(0.5), 0]; dw = X @ dZ.T / 5, db = dZ.sum() / 5
const Matrix kWideDw{{-0.08396578260581553}, {-0.29242343145200195}};
const double kWideDb = -0.02171984948563006;

}  // namespace

TEST_CASE("propagate: |z| up to 1000 gives finite gradients, as 1 / (1 + e^-z) does",
          "[week2.propagate]") {
  // The cost itself is NaN here (0 * log 0, in numpy too); the gradients are not.
  const Propagation r = propagate(kWideW, 0.0, kWideX, kWideY);
  CHECK_THAT(r.grads.dw, IsClose(kWideDw, 1e-14, "dw = 1/m X (A - Y)^T, A = 1 / (1 + e^-z)"));
  CHECK(r.grads.db == Approx(kWideDb).epsilon(1e-13));
}

TEST_CASE("propagate: checks its shapes", "[week2.propagate]") {
  CHECK_THROWS_AS(propagate(Matrix{{1.0}, {2.0}, {3.0}}, 0.0, kX, kY), dlc::ShapeError);
  CHECK_THROWS_AS(propagate(kW, 0.0, kX, Matrix{{1, 0}}), dlc::ShapeError);
  CHECK_THROWS_WITH(propagate(kW, 0.0, kX, Matrix{{1, 0, 2}}),
                    Catch::Contains("labels must be 0 or 1"));
}

//! [propagate_loop]
TEST_CASE("propagate_loop: the notebook's example, one example and one feature at a time",
          "[week2.propagate_loop]") {
  const Propagation r = propagate_loop(kW, kB, kX, kY);
  CHECK_THAT(r.grads.dw, IsClose(Matrix{{0.998456014637956}, {2.3950723884862066}}, 1e-14,
                                 "dw_j = 1/m sum_i x_j(i) dz(i)"));
  CHECK(r.grads.db == Approx(0.001455578136784208).epsilon(1e-12));
  CHECK(r.cost == Approx(5.801545319394553).epsilon(1e-14));
}
//! [propagate_loop]

TEST_CASE("propagate_loop: |z| up to 1000 gives finite gradients, as 1 / (1 + e^-z) does",
          "[week2.propagate_loop]") {
  const Propagation r = propagate_loop(kWideW, 0.0, kWideX, kWideY);
  CHECK_THAT(r.grads.dw, IsClose(kWideDw, 1e-14, "dw_j = 1/m sum_i x_j(i) (a(i) - y(i))"));
  CHECK(r.grads.db == Approx(kWideDb).epsilon(1e-13));
}

//! [loop_vs_vectorized]
TEST_CASE("propagate_loop and propagate give the same numbers",
          "[week2.propagate_loop][week2.propagate]") {
  // Non-square, m > 1, and n_x != m so that every feature and every example is visited.
  for (auto [n_x, m] : {std::pair<std::size_t, std::size_t>{5, 7}, {9, 2}, {1, 13}}) {
    const RandomProblem p = random_problem(n_x, m, static_cast<std::uint32_t>(n_x * 100 + m));
    const Propagation loop = propagate_loop(p.w, p.b, p.X, p.Y);
    const Propagation vec = propagate(p.w, p.b, p.X, p.Y);
    CHECK_THAT(loop.grads.dw, IsClose(vec.grads.dw, 1e-12, "loop dw = vectorized dw"));
    CHECK(loop.grads.db == Approx(vec.grads.db).margin(1e-14).epsilon(1e-12));
    CHECK(loop.cost == Approx(vec.cost).epsilon(1e-12));
  }
}
//! [loop_vs_vectorized]

//! [optimize]
TEST_CASE("optimize: the notebook's 100 steps", "[week2.optimize]") {
  const Optimization r = optimize(kW, kB, kX, kY, 100, 0.009);
  // notebook: w = [[0.19033591] [0.12259159]], b = 1.92535983008,
  //           dw = [[0.67752042] [1.41625495]], db = 0.219194504541
  CHECK_THAT(r.params.w, IsClose(Matrix{{0.19033590888604332}, {0.12259159246561413}}, 1e-13,
                                 "w := w - alpha dw"));
  CHECK(r.params.b == Approx(1.9253598300845747).epsilon(1e-13));
  CHECK_THAT(r.grads.dw,
             IsClose(Matrix{{0.6775204222153582}, {1.416254952638088}}, 1e-13, "last dw"));
  CHECK(r.grads.db == Approx(0.21919450454067657).epsilon(1e-13));
  REQUIRE(r.costs.size() == 1);  // recorded at iteration 0 only
  CHECK(r.costs[0] == Approx(5.801545319394553).epsilon(1e-14));
}
//! [optimize]

TEST_CASE("optimize: records and prints the cost every record_every iterations",
          "[week2.optimize]") {
  const RandomProblem p = random_problem(3, 20, 5);
  CaptureCout out;
  const Optimization r = optimize(p.w, p.b, p.X, p.Y, 25, 0.1, true, 10);
  REQUIRE(r.costs.size() == 3);  // iterations 0, 10, 20
  CHECK(r.costs[0] == Approx(propagate(p.w, p.b, p.X, p.Y).cost).epsilon(1e-15));
  CHECK(r.costs[2] < r.costs[1]);
  CHECK(r.costs[1] < r.costs[0]);
  const std::string text = out.text();
  CHECK(text.rfind("Cost after iteration 0: ", 0) == 0);
  CHECK(text.find("Cost after iteration 20: ") != std::string::npos);
  CHECK(text.find("Cost after iteration 5: ") == std::string::npos);
}

TEST_CASE("optimize: a diverging run stops and names the iteration", "[week2.optimize]") {
  // Huge features and a huge rate saturate the sigmoid: log(0) turns the cost infinite or NaN.
  const Matrix X{{100.0, -100.0, 50.0}};
  const Matrix Y{{0.0, 1.0, 1.0}};
  try {
    optimize(Matrix{{0.0}}, 0.0, X, Y, 50, 1e6);
    FAIL("expected TrainingDiverged");
  } catch (const dlc::TrainingDiverged& e) {
    CHECK(e.iteration() >= 0);
    CHECK(e.iteration() < 50);
    CHECK_THAT(e.what(), Catch::Contains("at iteration") && Catch::Contains("learning rate"));
  }
  CHECK_THROWS_AS(optimize(kW, kB, kX, kY, 10, -0.1), std::invalid_argument);
  CHECK_THROWS_AS(optimize(kW, kB, kX, kY, 10, std::nan("")), std::invalid_argument);
}

//! [predict]
TEST_CASE("predict: 1 where sigma(w^T x + b) > 0.5", "[week2.predict]") {
  // notebook: predict(w=[[0.1124579],[0.23106775]], b=-0.3, X) = [[1. 1. 0.]]
  const Matrix w{{0.1124579}, {0.23106775}};
  const Matrix X{{1.0, -1.1, -3.2}, {1.2, 2.0, 0.1}};
  CHECK_THAT(predict(w, -0.3, X), IsClose(Matrix{{1.0, 1.0, 0.0}}, 0.0, "A > 0.5"));
  // Exactly 0.5 is not above 0.5.
  CHECK_THAT(predict(Matrix{{0.0}}, 0.0, Matrix{{3.0, -2.0}}),
             IsClose(Matrix{{0.0, 0.0}}, 0.0, "A > 0.5"));
  // b matters: the same w with a large bias predicts 1 everywhere.
  CHECK_THAT(predict(w, 10.0, X), IsClose(Matrix{{1.0, 1.0, 1.0}}, 0.0, "A > 0.5"));
  CHECK_THROWS_AS(predict(Matrix{{1.0}}, 0.0, X), dlc::ShapeError);
}

TEST_CASE("predict: |z| up to 1000 still predicts, as 1 / (1 + e^-z) does", "[week2.predict]") {
  // z = (800, -800, -1, 0.5, 1000): sigma(z) = (1, 0, 0.27, 0.62, 1) by hand. e^z / (1 + e^z)
  // is NaN at z = 800 and 1000, and NaN > 0.5 is false: it would predict 0 there.
  CHECK_THAT(predict(kWideW, 0.0, kWideX),
             IsClose(Matrix{{1.0, 0.0, 0.0, 1.0, 1.0}}, 0.0, "A > 0.5 with A = 1 / (1 + e^-z)"));
}
//! [predict]

TEST_CASE("model: learns a separable problem", "[week2.model]") {
  // Two features; label 1 exactly when x1 + x2 > 0 (a margin keeps it separable).
  dlc::RandomState rng(3);
  Matrix X = rng.randn(2, 60);
  Matrix Y(1, 60);
  for (std::size_t i = 0; i < 60; ++i) {
    const double s = X(0, i) + X(1, i);
    X(0, i) += s > 0 ? 0.3 : -0.3;
    Y(0, i) = s > 0 ? 1.0 : 0.0;
  }
  const Matrix X_test = X.cols_range(0, 20);
  const Matrix Y_test = Y.cols_range(0, 20);
  const Model d = model(X, Y, X_test, Y_test, 1000, 0.5);
  CHECK(d.costs.size() == 10);
  CHECK(d.costs.front() == Approx(std::log(2.0)).epsilon(1e-14));  // zero start: A = 0.5
  CHECK(d.costs.back() < 0.2);
  CHECK(d.train_accuracy == 100.0);
  CHECK(d.test_accuracy == 100.0);
  CHECK(d.Y_prediction_train.shape() == dlc::Shape{1, 60});
  CHECK(d.Y_prediction_test.shape() == dlc::Shape{1, 20});
  CHECK(d.params.w(0, 0) > 0.0);
  CHECK(d.params.w(1, 0) > 0.0);
  CHECK_THROWS_AS(model(X, Y, Matrix(3, 20), Y_test, 10, 0.5), dlc::ShapeError);
}

TEST_CASE("model: optimize from zeros on the training set, print_cost and record_every passed on",
          "[week2.model]") {
  // Without the cat files this is what catches training on X_test or dropping the last two
  // arguments: the separable problem above reaches 100 % either way.
  const RandomProblem train = random_problem(3, 30, 7), test = random_problem(3, 10, 8);
  CaptureCout out;
  const Model d = model(train.X, train.Y, test.X, test.Y, 60, 0.1, true, 25);
  const Optimization fit = optimize(Matrix::zeros(3, 1), 0.0, train.X, train.Y, 60, 0.1);
  CHECK_THAT(d.params.w, IsClose(fit.params.w, 1e-14, "w = optimize(zeros, X_train, Y_train).w"));
  CHECK(d.params.b == Approx(fit.params.b).epsilon(1e-14));
  CHECK_THAT(d.Y_prediction_test,
             IsClose(predict(fit.params.w, fit.params.b, test.X), 0.0, "predict(w, b, X_test)"));
  REQUIRE(d.costs.size() == 3);  // iterations 0, 25 and 50
  CHECK(d.costs[0] == Approx(std::log(2.0)).epsilon(1e-14));
  CHECK(out.text().find("Cost after iteration 50: ") != std::string::npos);
}

TEST_CASE("model on the course's cat images reproduces the notebook", "[week2.model][cat]") {
  const auto dir = dlc::testing::shared_data_dir("catvnoncat");
  DLC_REQUIRE_DATA(dir, "the course's cat files (../shared/data/catvnoncat or $DLC_SHARED_DATA)");
  const dlc::TrainTest data = dlc::load_catvnoncat(*dir);
  // The notebook's preprocessing, written out here so that this test needs only week2.model:
  // X = images.reshape(m, -1).T / 255.
  auto flatten = [](const dlc::ImageSet& s) {
    const std::size_t n_x = s.height * s.width * s.channels;
    Matrix X(n_x, s.count);
    for (std::size_t i = 0; i < s.count; ++i)
      for (std::size_t k = 0; k < n_x; ++k) X(k, i) = s.pixels[i * n_x + k] / 255.0;
    return X;
  };
  const Matrix X_train = flatten(data.train.images), X_test = flatten(data.test.images);
  CaptureCout out;
  const Model d = model(X_train, data.train.labels, X_test, data.test.labels, 2000, 0.005, true);
  // notebook: Cost after iteration 0: 0.693147 ... 1900: 0.140872, printed with "%f"
  const char* expected[] = {"0.693147", "0.584508", "0.466949", "0.376007", "0.331463",
                            "0.303273", "0.279880", "0.260042", "0.242941", "0.228004",
                            "0.214820", "0.203078", "0.192544", "0.183033", "0.174399",
                            "0.166521", "0.159305", "0.152667", "0.146542", "0.140872"};
  REQUIRE(d.costs.size() == 20);
  for (std::size_t k = 0; k < 20; ++k) {
    INFO("iteration " << k * 100);
    CHECK(dlc::percent_f(d.costs[k]) == expected[k]);
  }
  CHECK(d.costs[19] == Approx(0.14087207570310156).epsilon(1e-12));
  CHECK(dlc::python_repr(d.train_accuracy) == "99.04306220095694");
  CHECK(dlc::python_repr(d.test_accuracy) == "70.0");
  const std::string text = out.text();
  CHECK(text.find("Cost after iteration 1900: 0.140872\n") != std::string::npos);
  CHECK(text.find("train accuracy: 99.04306220095694 %\n") != std::string::npos);
  CHECK(text.find("test accuracy: 70.0 %\n") != std::string::npos);
}
