// Tests of lecture 1.4: learning curves (test accuracy against the number of training examples)
// on small built-in data, the planar flower of week 3, which no straight line separates: the
// traditional learner (logistic regression) levels off near chance however much data it gets,
// while a network keeps improving with more. Each test takes well under a second.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "common/matrix.hpp"
#include "common/random.hpp"
#include "common/toy_datasets.hpp"
#include "tests/support/compare.hpp"
#include "week1/scale.hpp"
#include "week4/application.hpp"
#include "week4/deep_network.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::week1;

namespace {

// The flower of week 3 for training (400 points, all of class 0 first, then class 1) and
// another flower, drawn with another seed, as the fixed test set.
struct Flowers {
  dlc::ToyData train = dlc::planar_flower(1, 400);
  dlc::ToyData test = dlc::planar_flower(2, 400);
};

const std::vector<ScaleModel> kModels = {{"logistic regression", {}}, {"network", {16, 8}}};

}  // namespace

TEST_CASE("learning_curve: each point is the model trained on the first m of the balanced order",
          "[week1.learning_curve]") {
  const Flowers f;
  const std::vector<std::size_t> sizes = {6, 40};
  ScaleSettings settings;
  settings.learning_rate = 0.3;
  settings.num_iterations = 50;
  settings.seed = 3;
  std::vector<std::pair<std::string, std::size_t>> observed;
  const std::vector<LearningCurve> curves =
      learning_curve(f.train.X, f.train.Y, f.test.X, f.test.Y, kModels, sizes, settings,
                     [&](const LearningCurve& c, const ScalePoint& p) {
                       observed.emplace_back(c.model.name, p.m);
                     });
  REQUIRE(curves.size() == 2);
  // The observer sees every model for the first size, then every model for the next.
  const std::vector<std::pair<std::string, std::size_t>> expected_order = {
      {"logistic regression", 6}, {"network", 6}, {"logistic regression", 40}, {"network", 40}};
  CHECK(observed == expected_order);

  // What the curve must hold, computed step by step with the given functions and week 4's.
  const std::vector<std::size_t> order = balanced_order(f.train.Y, 3);
  for (std::size_t k = 0; k < 2; ++k) {
    const LearningCurve& curve = curves[k];
    CHECK(curve.model.name == kModels[k].name);
    CHECK(curve.layers_dims == layers_of(kModels[k], 2));
    REQUIRE(curve.points.size() == sizes.size());
    for (std::size_t s = 0; s < sizes.size(); ++s) {
      const std::size_t m = sizes[s];
      const Matrix X_m = first_columns(f.train.X, order, m);
      const Matrix Y_m = first_columns(f.train.Y, order, m);
      const auto [p, costs] =
          dlc::week4::L_layer_model(X_m, Y_m, layers_of(kModels[k], 2), 0.3, 50, false, 3);
      const double train_accuracy = dlc::week4::accuracy(dlc::week4::predict(X_m, p), Y_m);
      const double test_accuracy = dlc::week4::accuracy(dlc::week4::predict(f.test.X, p), f.test.Y);
      INFO(kModels[k].name << ", m = " << m);
      CHECK(curve.points[s].m == m);
      CHECK(curve.points[s].train_accuracy == train_accuracy);  // same arithmetic: exact
      CHECK(curve.points[s].test_accuracy == test_accuracy);
    }
  }
}

TEST_CASE("learning_curve: the network keeps improving with data, logistic regression levels off",
          "[week1.learning_curve]") {
  const Flowers f;
  const std::vector<std::size_t> sizes = {4, 16, 64, 400};
  ScaleSettings settings;
  settings.learning_rate = 0.3;
  settings.num_iterations = 1500;
  settings.seed = 1;
  const std::vector<LearningCurve> curves =
      learning_curve(f.train.X, f.train.Y, f.test.X, f.test.Y, kModels, sizes, settings);
  REQUIRE(curves.size() == 2);
  REQUIRE(curves[0].points.size() == 4);
  REQUIRE(curves[1].points.size() == 4);
  const std::vector<ScalePoint>& logreg = curves[0].points;
  const std::vector<ScalePoint>& network = curves[1].points;
  for (std::size_t s = 0; s < sizes.size(); ++s) {
    INFO("m = " << sizes[s] << ": test accuracy " << logreg[s].test_accuracy
                << " (logistic regression), " << network[s].test_accuracy << " (network)");
    // A straight line through the flower: never much better than chance.
    CHECK(logreg[s].test_accuracy < 0.7);
  }
  INFO("network: " << network[0].test_accuracy << " at m = 4, " << network[3].test_accuracy
                   << " at m = 400; logistic regression " << logreg[0].test_accuracy << ", "
                   << logreg[3].test_accuracy);
  // With 4 examples the two are alike; with all 400 the network is far ahead.
  CHECK(std::abs(network[0].test_accuracy - logreg[0].test_accuracy) < 0.15);
  CHECK(network[3].test_accuracy > 0.8);
  CHECK(network[3].test_accuracy > logreg[3].test_accuracy + 0.25);
  CHECK(network[3].test_accuracy > network[0].test_accuracy + 0.2);
}

TEST_CASE("learning_curve: bad input is rejected before any training", "[given]") {
  const Flowers f;
  const ScaleSettings settings;
  const auto run = [&](const std::vector<ScaleModel>& models,
                       const std::vector<std::size_t>& sizes) {
    return learning_curve(f.train.X, f.train.Y, f.test.X, f.test.Y, models, sizes, settings);
  };
  CHECK_THROWS_WITH(run({}, {10}), Catch::Contains("no model to train"));
  CHECK_THROWS_WITH(run(kModels, {}), Catch::Contains("no training-set size"));
  CHECK_THROWS_WITH(run(kModels, {1}),
                    Catch::Contains("the size 1 is not from 2 to the 400 training examples"));
  CHECK_THROWS_WITH(run(kModels, {401}), Catch::Contains("the size 401 is not from 2"));
  CHECK_THROWS_WITH(run({{"bad", {3, 0}}}, {10}), Catch::Contains("hidden[1] = 0"));
  CHECK_THROWS_AS(
      learning_curve(f.train.X, f.train.Y, Matrix(3, 5), Matrix(1, 5), kModels, {10}, settings),
      dlc::ShapeError);
  ScaleSettings no_steps;
  no_steps.num_iterations = 0;
  CHECK_THROWS_WITH(
      learning_curve(f.train.X, f.train.Y, f.test.X, f.test.Y, kModels, {10}, no_steps),
      Catch::Contains("num_iterations is 0"));
}

TEST_CASE("balanced_order: each class shuffled by the seed, then taken in turn", "[given]") {
  // Labels by hand: zeros at 0, 1, 2, 3, 7, 8; ones at 4, 5, 6, 9.
  const Matrix Y{{0, 0, 0, 0, 1, 1, 1, 0, 0, 1}};
  std::vector<std::size_t> zeros = {0, 1, 2, 3, 7, 8}, ones = {4, 5, 6, 9};
  dlc::RandomState rng(5);
  rng.shuffle(zeros);  // zeros first, then ones, from one generator
  rng.shuffle(ones);
  const std::vector<std::size_t> expected = {zeros[0], ones[0],  zeros[1], ones[1],  zeros[2],
                                             ones[2],  zeros[3], ones[3],  zeros[4], zeros[5]};
  const std::vector<std::size_t> order = balanced_order(Y, 5);
  CHECK(order == expected);
  // Every even prefix up to twice the smaller class is half and half.
  for (std::size_t k = 1; k <= 4; ++k) {
    double ones_seen = 0;
    for (std::size_t j = 0; j < 2 * k; ++j) ones_seen += Y(0, order[j]);
    CHECK(ones_seen == static_cast<double>(k));
  }
  CHECK(balanced_order(Y, 6) != order);  // another seed, another order
  CHECK_THROWS_AS(balanced_order(Matrix{{0, 2}}, 1), std::invalid_argument);
  CHECK_THROWS_AS(balanced_order(Matrix(2, 3), 1), dlc::ShapeError);
}

TEST_CASE("first_columns, layers_of and the default models", "[given]") {
  const Matrix A{{1, 2, 3, 4}, {5, 6, 7, 8}};
  CHECK_THAT(first_columns(A, {3, 0, 2}, 2), IsClose(Matrix{{4, 1}, {8, 5}}, 0.0, "A[:, [3, 0]]"));
  CHECK_THROWS_AS(first_columns(A, {3, 0}, 3), std::invalid_argument);
  CHECK_THROWS_AS(first_columns(A, {4}, 1), std::invalid_argument);
  CHECK(layers_of({"logistic regression", {}}, 784) == dlc::week4::LayerDims{784, 1});
  CHECK(layers_of({"deep", {64, 16}}, 784) == dlc::week4::LayerDims{784, 64, 16, 1});
  const std::vector<ScaleModel> models = default_scale_models(784);
  REQUIRE(models.size() == 4);
  CHECK(models[0].name == "logistic regression (784-1)");
  CHECK(models[0].hidden.empty());
  CHECK(models[3].name == "large network (784-64-16-1)");
}

TEST_CASE("a one-layer network is logistic regression: the same step as week 2's formulas",
          "[given]") {
  // layers {n_x, 1}: no hidden layer. One step of L_layer_model from its initial parameters
  // must be w := w - alpha (1/m) X (A - Y)^T, b := b - alpha (1/m) sum(A - Y) with
  // A = sigma(w^T X + b), written here with W = w^T.
  dlc::RandomState data(11);
  const Matrix X = data.randn(3, 8);
  const Matrix Y{{1, 0, 0, 1, 1, 0, 1, 0}};
  dlc::RandomState rng(4);
  const dlc::week4::Parameters start = dlc::week4::initialize_parameters_deep({3, 1}, rng);
  const double alpha = 0.7;
  const Matrix A = 1.0 / (1.0 + exp(-(dot(start.W[1], X) + start.b[1])));
  const Matrix dZ = A - Y;
  const Matrix dW = dot(dZ, X.T()) / 8.0;  // (1/m) (A - Y) X^T
  const double db = sum(dZ) / 8.0;         // (1/m) sum(A - Y)
  const auto [p, costs] = dlc::week4::L_layer_model(X, Y, {3, 1}, alpha, 1, false, 4);
  REQUIRE(p.L() == 1);
  CHECK_THAT(p.W[1], IsClose(start.W[1] - alpha * dW, 1e-14, "W := W - alpha (1/m) (A - Y) X^T"));
  CHECK_THAT(p.b[1], IsClose(start.b[1] - alpha * db, 1e-14, "b := b - alpha (1/m) sum(A - Y)"));
}
