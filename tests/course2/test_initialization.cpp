// Tests of lectures C2 1.10-1.11: the week's network (given code), zero, large random and He
// initialization, and the notebook's three runs on the circles.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "common/gradient_check.hpp"
#include "common/random.hpp"
#include "common/training.hpp"
#include "course2/initialization.hpp"
#include "tests/support/compare.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::course2;
using namespace dlc::course2::initialization;

namespace {

/// A three-layer network [3, 4, 2, 1] with random weights and biases, and 5 examples whose
/// labels are 0 and 1.
struct Problem {
  Matrix X, Y;
  Parameters parameters;
};
Problem small_problem() {
  dlc::RandomState rng(7);
  Problem p;
  p.X = rng.randn(3, 5);
  p.Y = Matrix{{1, 0, 1, 1, 0}};
  p.parameters.W = {Matrix(), rng.randn(4, 3), rng.randn(2, 4), rng.randn(1, 2)};
  p.parameters.b = {Matrix(), rng.randn(4, 1), rng.randn(2, 1), rng.randn(1, 1)};
  return p;
}

/// Every entry of `m` equal to `value`.
bool all_equal(const Matrix& m, double value) {
  for (std::size_t i = 0; i < m.rows(); ++i)
    for (std::size_t j = 0; j < m.cols(); ++j)
      if (m(i, j) != value) return false;
  return true;
}

/// The root mean square of a matrix's entries.
double rms(const Matrix& m) { return std::sqrt(dlc::mean(dlc::square(m))); }

struct Run {
  std::string printed;
  std::string train, test;  // predict's lines
};

/// The notebook's run of `model` with one initialization, as its cells print it.
Run notebook_run(const std::string& initialization) {
  const Dataset d = load_dataset();
  std::ostringstream out, train, test;
  const Parameters p = model(d.train_X, d.train_Y, 0.01, 15000, true, initialization, out);
  predict(d.train_X, d.train_Y, p, train);
  predict(d.test_X, d.test_Y, p, test);
  return Run{out.str(), train.str(), test.str()};
}

/// The cost printed for iteration `i` in `printed`, as a number.
double printed_cost(const std::string& printed, int i) {
  const std::string key = "Cost after iteration " + std::to_string(i) + ": ";
  const auto at = printed.find(key);
  if (at == std::string::npos) return std::numeric_limits<double>::quiet_NaN();
  return std::stod(printed.substr(at + key.size()));
}

}  // namespace

// ---- the week's network (given code) -----------------------------------------------------------

TEST_CASE("forward_propagation: relu, relu, sigmoid, with every Z and A kept", "[given]") {
  const Problem p = small_problem();
  const auto [a3, cache] = forward_propagation(p.X, p.parameters);
  const auto& W = p.parameters.W;
  const auto& b = p.parameters.b;
  const Matrix Z1 = dlc::dot(W[1], p.X) + b[1];
  const Matrix A1 = dlc::maximum(Z1, 0.0);
  const Matrix Z2 = dlc::dot(W[2], A1) + b[2];
  const Matrix A2 = dlc::maximum(Z2, 0.0);
  const Matrix Z3 = dlc::dot(W[3], A2) + b[3];
  CHECK_THAT(cache.Z[1], IsClose(Z1, 1e-12, "Z1 = W1 X + b1"));
  CHECK_THAT(cache.A[2], IsClose(A2, 1e-12, "A2 = relu(Z2)"));
  CHECK_THAT(a3, IsClose(1.0 / (1.0 + dlc::exp(-Z3)), 1e-12, "a3 = sigmoid(Z3)"));
  CHECK(a3.shape() == dlc::Shape{1, 5});
  CHECK_THROWS_AS(forward_propagation(Matrix(2, 5), p.parameters), dlc::ShapeError);
  Parameters two = p.parameters;
  two.W.pop_back();
  two.b.pop_back();
  CHECK_THROWS_AS(forward_propagation(p.X, two), dlc::ShapeError);
}

TEST_CASE("compute_cost: cross-entropy, summed as np.nansum", "[given]") {
  const Matrix a3{{0.8, 0.1, 0.6}};
  const Matrix Y{{1, 0, 0}};
  const double expected = -(std::log(0.8) + std::log(0.9) + std::log(0.4)) / 3.0;
  CHECK(compute_cost(a3, Y) == Approx(expected).epsilon(1e-14));
  // 0 log 0 is NaN, which nansum skips; a log of 0 that a label needs is infinite.
  CHECK(compute_cost(Matrix{{0.0, 1.0, 0.5}}, Matrix{{0, 1, 1}}) ==
        Approx(-std::log(0.5) / 3.0).epsilon(1e-14));
  CHECK(std::isinf(compute_cost(Matrix{{0.0, 0.5}}, Matrix{{1, 1}})));
  CHECK_THROWS_AS(compute_cost(Matrix(1, 3), Matrix(1, 4)), dlc::ShapeError);
  CHECK_THROWS_AS(compute_cost(Matrix(2, 3), Matrix(2, 3)), dlc::ShapeError);
}

TEST_CASE("backward_propagation: the gradients of compute_cost, checked numerically", "[given]") {
  const Problem p = small_problem();
  const auto [a3, cache] = forward_propagation(p.X, p.parameters);
  const Gradients grads = backward_propagation(p.X, p.Y, cache);
  for (std::size_t l = 1; l <= 3; ++l) {
    INFO("layer " << l);
    const auto cost_of_W = [&](const Matrix& W) {
      Parameters q = p.parameters;
      q.W[l] = W;
      return compute_cost(forward_propagation(p.X, q).a3, p.Y);
    };
    const auto cost_of_b = [&](const Matrix& b) {
      Parameters q = p.parameters;
      q.b[l] = b;
      return compute_cost(forward_propagation(p.X, q).a3, p.Y);
    };
    CHECK(dlc::relative_difference(grads.dW[l],
                                   dlc::numerical_gradient(cost_of_W, p.parameters.W[l])) < 1e-7);
    CHECK(dlc::relative_difference(grads.db[l],
                                   dlc::numerical_gradient(cost_of_b, p.parameters.b[l])) < 1e-7);
  }
  CHECK_THAT(grads.dZ[3], IsClose((a3 - p.Y) / 5.0, 1e-15, "dZ3 = 1/m (a3 - Y)"));
  CHECK_THROWS_AS(backward_propagation(p.X, Matrix(1, 4), cache), dlc::ShapeError);
}

TEST_CASE("update_parameters: one step against every gradient", "[given]") {
  Parameters p{{Matrix(), Matrix{{1, 2}, {3, 4}}}, {Matrix(), Matrix{{1}, {-1}}}};
  Gradients g;
  g.dW = {Matrix(), Matrix{{10, 0}, {0, -10}}};
  g.db = {Matrix(), Matrix{{2}, {4}}};
  const Parameters q = update_parameters(p, g, 0.1);
  CHECK_THAT(q.W[1], IsClose(Matrix{{0, 2}, {3, 5}}, 1e-15, "W = W - alpha dW"));
  CHECK_THAT(q.b[1], IsClose(Matrix{{0.8}, {-1.4}}, 1e-15, "b = b - alpha db"));
  g.db[1] = Matrix(1, 2);
  CHECK_THROWS_AS(update_parameters(p, g, 0.1), dlc::ShapeError);
  CHECK_THROWS_AS(update_parameters(p, g, 0.0), std::invalid_argument);
}

TEST_CASE("predict: 1 where a3 > 0.5, and the accuracy as Python prints it", "[given]") {
  const Problem p = small_problem();
  const Matrix a3 = forward_propagation(p.X, p.parameters).a3;
  std::ostringstream out;
  const Matrix predictions = predict(p.X, p.Y, p.parameters, out);
  CHECK_THAT(predictions, IsClose(dlc::greater(a3, 0.5), 0.0, "p = a3 > 0.5"));
  CHECK(out.str() ==
        "Accuracy: " + dlc::python_repr(dlc::mean(dlc::equal(predictions, p.Y))) + "\n");
}

TEST_CASE("load_dataset: 300 training and 100 test points on two circles", "[given]") {
  const Dataset d = load_dataset();
  CHECK(d.train_X.shape() == dlc::Shape{2, 300});
  CHECK(d.train_Y.shape() == dlc::Shape{1, 300});
  CHECK(d.test_X.shape() == dlc::Shape{2, 100});
  CHECK(dlc::sum(d.train_Y) == 150.0);
  // numpy's first training point (../shared/data/generated/circles_train_seed1_n300_noise0.05.csv)
  CHECK(d.train_X(0, 0) == -0.07741354010048114);
  CHECK(d.train_X(1, 0) == 0.8526022642742742);
}

TEST_CASE("layer_scales: weights 1.5 I explode layer by layer, 0.5 I vanish (C2 1.10)", "[given]") {
  dlc::RandomState rng(1);
  const Matrix X = rng.randn(4, 10);
  const LayerScales big = layer_scales(X, 20, 1.5);
  const LayerScales small = layer_scales(X, 20, 0.5);
  REQUIRE(big.activation.size() == 20);
  REQUIRE(big.gradient.size() == 20);
  for (std::size_t l = 0; l < 20; ++l) {
    INFO("layer " << l + 1);
    CHECK(big.activation[l] == Approx(std::pow(1.5, l + 1) * rms(X)).epsilon(1e-12));
    CHECK(small.activation[l] == Approx(std::pow(0.5, l + 1) * rms(X)).epsilon(1e-12));
  }
  // The gradient flowing back grows (shrinks) by the same factor at every layer it crosses:
  // dA[l] = w^(L-l) A[L].
  for (std::size_t l = 0; l < 20; ++l) {
    INFO("layer " << l + 1);
    CHECK(big.gradient[l] == Approx(std::pow(1.5, 19 - l) * big.activation[19]).epsilon(1e-12));
    CHECK(small.gradient[l] == Approx(std::pow(0.5, 19 - l) * small.activation[19]).epsilon(1e-12));
  }
  CHECK_THROWS_AS(layer_scales(X, 0, 1.5), std::invalid_argument);
  CHECK_THROWS_AS(layer_scales(X, 3, 0.0), std::invalid_argument);
}

// ---- the exercises -----------------------------------------------------------------------------

TEST_CASE("initialize_parameters_zeros: every W[l] and b[l] zero, in its shape",
          "[course2.initialize_parameters_zeros]") {
  const Parameters p = initialize_parameters_zeros({3, 5, 4, 1});
  REQUIRE(p.L() == 3);
  REQUIRE(p.b.size() == 4);
  const std::vector<dlc::Shape> W_shapes = {{5, 3}, {4, 5}, {1, 4}};
  for (std::size_t l = 1; l <= 3; ++l) {
    INFO("layer " << l);
    CHECK(p.W[l].shape() == W_shapes[l - 1]);
    CHECK(p.b[l].shape() == dlc::Shape{W_shapes[l - 1].rows, 1});
    CHECK(all_equal(p.W[l], 0.0));
    CHECK(all_equal(p.b[l], 0.0));
  }
  CHECK_THROWS_AS(initialize_parameters_zeros({3}), std::invalid_argument);
  CHECK_THROWS_AS(initialize_parameters_zeros({3, 0, 1}), std::invalid_argument);
}

TEST_CASE("initialize_parameters_random: the notebook's case, randn * 10 after seed 3",
          "[course2.initialize_parameters_random]") {
  const Parameters p = initialize_parameters_random({3, 2, 1});
  REQUIRE(p.L() == 2);
  CHECK_THAT(p.W[1], IsClose(Matrix{{17.88628473, 4.36509851, 0.96497468},
                                    {-18.63492703, -2.77388203, -3.54758979}},
                             1e-8, "W1 = randn(2, 3) * 10"));
  CHECK_THAT(p.W[2], IsClose(Matrix{{-0.82741481, -6.27000677}}, 1e-8, "W2 = randn(1, 2) * 10"));
  CHECK_THAT(p.b[1], IsClose(Matrix::zeros(2, 1), 0.0, "b1 = 0"));
  CHECK_THAT(p.b[2], IsClose(Matrix::zeros(1, 1), 0.0, "b2 = 0"));
  // A third layer draws after the second, from the same stream.
  const Parameters q = initialize_parameters_random({3, 2, 2, 1});
  dlc::RandomState rng(3);
  rng.randn(2, 3);
  CHECK_THAT(q.W[2], IsClose(rng.randn(2, 2) * 10.0, 0.0, "W2 drawn right after W1"));
  CHECK_THAT(q.W[3], IsClose(rng.randn(1, 2) * 10.0, 0.0, "W3 drawn right after W2"));
}

TEST_CASE("initialize_parameters_he: the notebook's case, randn * sqrt(2 / n[l-1])",
          "[course2.initialize_parameters_he]") {
  const Parameters p = initialize_parameters_he({2, 4, 1});
  REQUIRE(p.L() == 2);
  CHECK_THAT(p.W[1], IsClose(Matrix{{1.78862847, 0.43650985},
                                    {0.09649747, -1.8634927},
                                    {-0.2773882, -0.35475898},
                                    {-0.08274148, -0.62700068}},
                             1e-8, "W1 = randn(4, 2) * sqrt(2 / 2)"));
  CHECK_THAT(p.W[2], IsClose(Matrix{{-0.03098412, -0.33744411, -0.92904268, 0.62552248}}, 1e-8,
                             "W2 = randn(1, 4) * sqrt(2 / 4)"));
  CHECK_THAT(p.b[1], IsClose(Matrix::zeros(4, 1), 0.0, "b1 = 0"));
  CHECK_THAT(p.b[2], IsClose(Matrix::zeros(1, 1), 0.0, "b2 = 0"));
  // Wide layers: the spread of W[l] is sqrt(2 / n[l-1]), the fan-in.
  const Parameters wide = initialize_parameters_he({400, 300, 50});
  CHECK(rms(wide.W[1]) == Approx(std::sqrt(2.0 / 400)).epsilon(0.02));
  CHECK(rms(wide.W[2]) == Approx(std::sqrt(2.0 / 300)).epsilon(0.02));
}

TEST_CASE("model from zeros: the cost stays log 2 and the accuracy 0.5 (the notebook's run)",
          "[course2.initialize_parameters_zeros]") {
  const Run run = notebook_run("zeros");
  for (int i = 0; i < 15000; i += 1000) {
    INFO(run.printed);
    CHECK(printed_cost(run.printed, i) == Approx(0.6931471805599453).margin(1e-12));
  }
  CHECK(run.train == "Accuracy: 0.5\n");
  CHECK(run.test == "Accuracy: 0.5\n");
}

TEST_CASE("model from randn * 10: inf at first, then 0.83 and 0.86 (the notebook's run)",
          "[course2.initialize_parameters_random]") {
  const Run run = notebook_run("random");
  INFO(run.printed);
  CHECK(run.printed.rfind("Cost after iteration 0: inf\n", 0) == 0);
  CHECK(run.train == "Accuracy: 0.83\n");
  CHECK(run.test == "Accuracy: 0.86\n");
}

TEST_CASE("model from He: 0.9933333333333333 and 0.96 (the notebook's run)",
          "[course2.initialize_parameters_he]") {
  const Run run = notebook_run("he");
  INFO(run.printed);
  CHECK(printed_cost(run.printed, 0) == Approx(0.8830537463419761).margin(5e-7));
  CHECK(printed_cost(run.printed, 14000) == Approx(0.07357895962677366).margin(5e-7));
  CHECK(run.train == "Accuracy: 0.9933333333333333\n");
  CHECK(run.test == "Accuracy: 0.96\n");
}

TEST_CASE("model: bad input gets one clear error", "[given]") {
  const Dataset d = load_dataset();
  std::ostringstream out;
  CHECK_THROWS_AS(model(d.train_X, d.train_Y, 0.01, 10, false, "xavier", out),
                  std::invalid_argument);
  CHECK_THROWS_AS(model(d.train_X, d.train_Y, -0.01, 10, false, "he", out), std::invalid_argument);
  CHECK_THROWS_AS(model(d.train_X, d.test_Y, 0.01, 10, false, "he", out), dlc::ShapeError);
  // A learning rate so large that the weights overflow makes the output NaN, whose cost nansum
  // would print as 0: training stops there, naming the iteration.
  try {
    model(d.train_X, d.train_Y, 1e200, 100, false, "he", out);
    FAIL("no TrainingDiverged");
  } catch (const dlc::TrainingDiverged& e) {
    CHECK(std::isnan(e.cost()));
    CHECK(e.iteration() == 2);
    CHECK_THAT(e.what(), Catch::Contains("at iteration 2"));
  }
}
