// Tests of lecture 4.6: a learning-rate sweep over the same network. The data is small and
// synthetic (40 examples of 5 features, labelled by a fixed linear rule), so each run takes
// milliseconds; the numbers checked are the sweep's own against single runs of L_layer_model.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <iostream>
#include <limits>
#include <vector>

#include "common/random.hpp"
#include "common/training.hpp"
#include "tests/support/capture.hpp"
#include "week4/application.hpp"
#include "week4/hyperparameters.hpp"

using dlc::Matrix;
using namespace dlc::week4;

namespace {

// 40 random examples of 5 features; y = 1 where x1 - x2 + 0.5 x3 > 0. On this data, with the
// layers below and seed 1, alpha = 10 oscillates without diverging and alpha = 50 diverges at
// iteration 2.
struct Data {
  Matrix X, Y;
};
Data synthetic() {
  dlc::RandomState rng(7);
  Data d{rng.randn(5, 40), Matrix(1, 40)};
  for (std::size_t j = 0; j < 40; ++j)
    d.Y(0, j) = d.X(0, j) - d.X(1, j) + 0.5 * d.X(2, j) > 0.0 ? 1.0 : 0.0;
  return d;
}

const LayerDims kDims = {5, 4, 3, 1};
constexpr long kIterations = 200;
constexpr double kTiny = 1e-4, kModerate = 0.5, kLarge = 10.0, kHuge = 50.0;

// Every cost of one run of L_layer_model, or the iteration it diverged at.
struct Single {
  std::vector<double> costs;
  long diverged_at = -1;
};
Single single_run(const Data& d, double alpha) {
  Single s;
  try {
    L_layer_model(d.X, d.Y, kDims, alpha, kIterations, false, 1,
                  [&s](long, double cost) { s.costs.push_back(cost); });
  } catch (const dlc::TrainingDiverged& e) {
    s.diverged_at = e.iteration();
  }
  return s;
}

}  // namespace

TEST_CASE("learning_rate_sweep: one run per rate, in order, each from the same first cost",
          "[week4.learning_rate_sweep]") {
  const Data d = synthetic();
  const std::vector<double> rates = {kTiny, 0.01, kModerate};
  const std::vector<LearningRateRun> runs =
      learning_rate_sweep(d.X, d.Y, kDims, rates, kIterations);
  REQUIRE(runs.size() == 3);
  // Same layers, same seed: the same initial parameters, so iteration 0 costs the same.
  const double first = single_run(d, kTiny).costs.at(0);
  for (std::size_t k = 0; k < runs.size(); ++k) {
    INFO("run " << k << ", learning rate " << rates[k]);
    CHECK(runs[k].learning_rate == rates[k]);
    CHECK_FALSE(runs[k].diverged);
    CHECK(runs[k].diverged_at == -1);
    REQUIRE(runs[k].costs.size() == static_cast<std::size_t>(kIterations));
    CHECK(runs[k].costs[0] == first);  // the cost before the first step: no rate in it yet
  }
  // The other seed gives another start (so the equality above is no accident).
  std::vector<double> other;
  L_layer_model(d.X, d.Y, kDims, kTiny, 1, false, 2, [&](long, double c) { other.push_back(c); });
  CHECK(other.at(0) != first);
}

TEST_CASE("learning_rate_sweep: every iteration's cost, as L_layer_model computes it",
          "[week4.learning_rate_sweep]") {
  const Data d = synthetic();
  const std::vector<LearningRateRun> runs =
      learning_rate_sweep(d.X, d.Y, kDims, {kModerate, kTiny}, kIterations);
  REQUIRE(runs.size() == 2);
  // costs[i] is J after i steps of this very rate: the sweep must equal single runs exactly.
  CHECK(runs[0].costs == single_run(d, kModerate).costs);
  CHECK(runs[1].costs == single_run(d, kTiny).costs);
}

TEST_CASE("learning_rate_sweep: the seed argument is every run's seed, and nothing is printed",
          "[week4.learning_rate_sweep]") {
  // Seed 2 instead of the default 1: each run is L_layer_model with seed 2 (print_cost false),
  // whose first cost is another one than seed 1's.
  const Data d = synthetic();
  dlc::testing::CaptureCout out;
  const std::vector<LearningRateRun> runs =
      learning_rate_sweep(d.X, d.Y, kDims, {kModerate, kTiny}, 20, 2);
  CHECK(out.text().empty());  // L_layer_model(..., print_cost = false, ...)
  REQUIRE(runs.size() == 2);
  for (std::size_t k = 0; k < 2; ++k) {
    const double alpha = k == 0 ? kModerate : kTiny;
    INFO("learning rate " << alpha);
    std::vector<double> expected;
    L_layer_model(d.X, d.Y, kDims, alpha, 20, false, 2,
                  [&](long, double c) { expected.push_back(c); });
    CHECK(runs[k].costs == expected);
  }
  CHECK(runs[0].costs.at(0) != single_run(d, kModerate).costs.at(0));  // seed 1's start
}

TEST_CASE("learning_rate_sweep: too small is slow, a good rate is much faster",
          "[week4.learning_rate_sweep]") {
  const Data d = synthetic();
  const std::vector<LearningRateRun> runs =
      learning_rate_sweep(d.X, d.Y, kDims, {kTiny, kModerate}, kIterations);
  REQUIRE(runs.size() == 2);
  const std::vector<double>& tiny = runs[0].costs;
  const std::vector<double>& moderate = runs[1].costs;
  REQUIRE(tiny.size() == static_cast<std::size_t>(kIterations));
  REQUIRE(moderate.size() == static_cast<std::size_t>(kIterations));
  // A tiny step goes downhill at every iteration, but hardly gets anywhere.
  for (std::size_t i = 1; i < tiny.size(); ++i) {
    INFO("alpha = 1e-4, iteration " << i << ": " << tiny[i - 1] << " -> " << tiny[i]);
    REQUIRE(tiny[i] < tiny[i - 1]);
  }
  const double tiny_drop = tiny.front() - tiny.back();
  const double moderate_drop = moderate.front() - moderate.back();
  INFO("J drops by " << tiny_drop << " with alpha = 1e-4 and by " << moderate_drop
                     << " with alpha = 0.5, from " << tiny.front());
  CHECK(tiny_drop > 0.0);
  CHECK(tiny_drop < 0.02);
  CHECK(moderate_drop > 50.0 * tiny_drop);
  CHECK(moderate.back() < 0.5 * moderate.front());
}

TEST_CASE("learning_rate_sweep: a rate too large overshoots: the cost ends above its start",
          "[week4.learning_rate_sweep]") {
  const Data d = synthetic();
  const std::vector<LearningRateRun> runs =
      learning_rate_sweep(d.X, d.Y, kDims, {kModerate, kLarge}, kIterations);
  REQUIRE(runs.size() == 2);
  const LearningRateRun& large = runs[1];
  REQUIRE_FALSE(large.diverged);  // every cost a number, ...
  REQUIRE(large.costs.size() == static_cast<std::size_t>(kIterations));
  // ... but the steps jump across the valley: J goes up, and ends higher than it began.
  INFO("alpha = 10: J from " << large.costs.front() << " to " << large.costs.back());
  CHECK(large.costs.back() > large.costs.front());
  CHECK(large.costs.back() > 10.0 * runs[0].costs.back());
  std::size_t rises = 0;
  for (std::size_t i = 1; i < large.costs.size(); ++i) rises += large.costs[i] > large.costs[i - 1];
  CHECK(rises > 10);
}

TEST_CASE(
    "learning_rate_sweep: a huge rate diverges, is reported with its iteration, and the "
    "sweep goes on",
    "[week4.learning_rate_sweep]") {
  const Data d = synthetic();
  const Single alone = single_run(d, kHuge);
  REQUIRE(alone.diverged_at > 1);  // L_layer_model on its own stops there, after some steps
  const std::vector<LearningRateRun> runs =
      learning_rate_sweep(d.X, d.Y, kDims, {kHuge, kModerate}, kIterations);
  REQUIRE(runs.size() == 2);
  const LearningRateRun& huge = runs[0];
  CHECK(huge.learning_rate == kHuge);
  CHECK(huge.diverged);
  CHECK(huge.diverged_at == alone.diverged_at);
  // The curve ends where the run diverged: the costs of iterations 0 .. diverged_at - 1, all
  // finite, the same as the single run's.
  CHECK(huge.costs.size() == static_cast<std::size_t>(alone.diverged_at));
  CHECK(huge.costs == alone.costs);
  for (const double c : huge.costs) CHECK(std::isfinite(c));
  // The rate after it still ran, in full.
  CHECK_FALSE(runs[1].diverged);
  CHECK(runs[1].diverged_at == -1);
  CHECK(runs[1].costs.size() == static_cast<std::size_t>(kIterations));
}

TEST_CASE("learning_rate_sweep: bad input is rejected with a clear message, before training",
          "[given]") {
  const Data d = synthetic();
  CHECK_THROWS_WITH(learning_rate_sweep(d.X, d.Y, kDims, {}, 10),
                    Catch::Contains("the list of learning rates is empty"));
  CHECK_THROWS_WITH(learning_rate_sweep(d.X, d.Y, kDims, {0.1, 0.0}, 10),
                    Catch::Contains("learning_rates[1] is 0.0 but every learning rate must be a "
                                    "positive number"));
  CHECK_THROWS_WITH(learning_rate_sweep(d.X, d.Y, kDims, {-0.5}, 10),
                    Catch::Contains("learning_rates[0] is -0.5"));
  CHECK_THROWS_WITH(
      learning_rate_sweep(d.X, d.Y, kDims, {std::numeric_limits<double>::quiet_NaN()}, 10),
      Catch::Contains("learning_rates[0] is nan"));
  CHECK_THROWS_WITH(learning_rate_sweep(d.X, d.Y, kDims, {0.1}, 0),
                    Catch::Contains("num_iterations is 0 but must be at least 1"));
  CHECK_THROWS_WITH(learning_rate_sweep(d.X, d.Y, {3, 1}, {0.1}, 10),
                    Catch::Contains("layer_dims[0] is 3 but X has 5 rows"));
  CHECK_THROWS_AS(learning_rate_sweep(d.X, d.Y, kDims, {0.1}, -1), std::invalid_argument);
}
