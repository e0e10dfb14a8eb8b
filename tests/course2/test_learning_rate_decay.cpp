// Tests of lecture C2 2.9: the four decays; and the optimization notebook's model (given code)
// on the moons, its seven runs printed as the notebook prints them.
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/training.hpp"
#include "course2/learning_rate_decay.hpp"
#include "tests/support/compare.hpp"

using dlc::Matrix;
using dlc::python_repr;
using namespace dlc::course2;
using namespace dlc::course2::learning_rate_decay;

TEST_CASE("update_lr: alpha0 / (1 + decay_rate epoch_num)", "[course2.update_lr]") {
  // from the notebook: update_lr(0.5, 2, 1) = 0.16666666666666666
  CHECK(python_repr(update_lr(0.5, 2, 1)) == "0.16666666666666666");
  CHECK(update_lr(0.2, 0, 3.0) == 0.2);                                 // epoch 0: alpha0
  CHECK(python_repr(update_lr(0.3, 4, 0.5)) == "0.09999999999999999");  // 1 / 3 * 0.3
  CHECK(update_lr(0.2, 9, 0.0) == 0.2);                                 // no decay
  CHECK(std::fabs(update_lr(1.0, 1, 0.25) - 0.8) < 1e-16);
  CHECK_THROWS_AS(update_lr(0.0, 1, 1), std::invalid_argument);
  CHECK_THROWS_AS(update_lr(0.1, -1, 1), std::invalid_argument);
  CHECK_THROWS_AS(update_lr(0.1, 1, -1), std::invalid_argument);
}

TEST_CASE("schedule_lr_decay: alpha0 / (1 + decay_rate floor(epoch_num / time_interval))",
          "[course2.schedule_lr_decay]") {
  // from the notebook: schedule_lr_decay(0.5, 100, 0.3, 100) = 0.3846153846153846
  CHECK(python_repr(schedule_lr_decay(0.5, 100, 0.3, 100)) == "0.3846153846153846");
  CHECK(python_repr(schedule_lr_decay(0.5, 150, 0.3, 100)) == "0.3846153846153846");  // the floor
  CHECK(schedule_lr_decay(0.5, 99, 0.3, 100) == 0.5);
  CHECK(python_repr(schedule_lr_decay(0.1, 2999, 1, 1000)) == "0.03333333333333333");
  CHECK(python_repr(schedule_lr_decay(0.1, 3000, 1)) == "0.025");  // time_interval 1000
  CHECK_THROWS_AS(schedule_lr_decay(0.1, 10, 1, 0), std::invalid_argument);
  CHECK_THROWS_AS(schedule_lr_decay(-0.1, 10, 1, 10), std::invalid_argument);
  CHECK_THROWS_AS(schedule_lr_decay(0.1, -10, 1, 10), std::invalid_argument);
}

TEST_CASE("exponential_lr_decay: base^epoch_num alpha0", "[course2.exponential_lr_decay]") {
  double expected = 0.2;
  for (int epoch = 0; epoch <= 30; ++epoch) {
    INFO("epoch " << epoch);
    CHECK(std::fabs(exponential_lr_decay(0.2, epoch) - expected) < 1e-16);  // base 0.95
    expected *= 0.95;
  }
  CHECK(std::fabs(exponential_lr_decay(0.1, 3, 0.5) - 0.0125) < 1e-17);
  CHECK(exponential_lr_decay(0.1, 7, 1.0) == 0.1);
  CHECK_THROWS_AS(exponential_lr_decay(0.1, 3, 1.5), std::invalid_argument);
  CHECK_THROWS_AS(exponential_lr_decay(0.1, 3, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(exponential_lr_decay(0.1, -3), std::invalid_argument);
}

TEST_CASE("staircase_lr_decay: alpha0 times factor every step epochs",
          "[course2.staircase_lr_decay]") {
  CHECK(staircase_lr_decay(0.2, 0) == 0.2);
  CHECK(staircase_lr_decay(0.2, 999) == 0.2);
  CHECK(staircase_lr_decay(0.2, 1000) == 0.1);
  CHECK(staircase_lr_decay(0.2, 2500) == 0.05);
  CHECK(std::fabs(staircase_lr_decay(0.9, 25, 0.1, 10) - 0.009) < 1e-17);
  CHECK(staircase_lr_decay(0.9, 9, 0.1, 10) == 0.9);
  CHECK_THROWS_AS(staircase_lr_decay(0.2, 10, 0.5, 0), std::invalid_argument);
  CHECK_THROWS_AS(staircase_lr_decay(0.2, 10, 2.0, 5), std::invalid_argument);
}

// ---- the notebook's model (given code) ---------------------------------------------------------

namespace {

/// One of the notebook's runs: what it printed, every 1000 epochs, and the accuracy line.
struct Run {
  std::vector<std::string> costs;  // "0.702405", ...
  std::vector<std::string> rates;  // the learning rates printed with decay
  std::string accuracy;            // "Accuracy: ..."
  std::string printed;
};

Run notebook_run(const std::string& optimizer, double learning_rate, const std::string& decay) {
  const dlc::ToyData d = learning_rate_decay::load_dataset();
  std::ostringstream out, accuracy;
  const Trained trained = model(d.X, d.Y, {2, 5, 2, 1}, optimizer, learning_rate, 64, 0.9, 0.9,
                                0.999, 1e-8, 5000, true, decay, 1.0, out);
  predict(d.X, d.Y, trained.parameters, accuracy);
  Run run;
  run.printed = out.str();
  std::istringstream lines(run.printed);
  std::string line;
  while (std::getline(lines, line)) {
    const auto colon = line.rfind(": ");
    if (line.rfind("Cost after epoch ", 0) == 0) run.costs.push_back(line.substr(colon + 2));
    if (line.rfind("learning rate after epoch ", 0) == 0)
      run.rates.push_back(line.substr(colon + 2));
  }
  run.accuracy = accuracy.str();
  CHECK(trained.costs.size() == 50);  // every 100th epoch
  return run;
}

}  // namespace

TEST_CASE("model: the notebook's seven runs on the moons", "[given][model]") {
  struct Case {
    const char* optimizer;
    double learning_rate;
    const char* decay;
    std::vector<std::string> costs;  // from the notebook: epochs 0, 1000, ..., 4000
    const char* accuracy;
  };
  const std::vector<std::string> decayed = {"0.100000", "0.050000", "0.033333", "0.025000",
                                            "0.020000"};
  for (const Case& c : {
           Case{"gd",
                0.0007,
                "",
                {"0.702405", "0.668101", "0.635288", "0.600491", "0.573367"},
                "Accuracy: 0.7166666666666667\n"},
           Case{"momentum",
                0.0007,
                "",
                {"0.702413", "0.668167", "0.635388", "0.600591", "0.573444"},
                "Accuracy: 0.7166666666666667\n"},
           Case{"adam",
                0.0007,
                "",
                {"0.702166", "0.167845", "0.141316", "0.138788", "0.136066"},
                "Accuracy: 0.9433333333333334\n"},
           Case{"gd",
                0.1,
                "update_lr",
                {"0.701091", "0.661884", "0.658620", "0.656765", "0.655486"},
                "Accuracy: 0.6533333333333333\n"},
           Case{"gd",
                0.1,
                "schedule_lr_decay",
                {"0.701091", "0.127161", "0.120304", "0.117033", "0.117512"},
                "Accuracy: 0.9433333333333334\n"},
           Case{"momentum",
                0.1,
                "schedule_lr_decay",
                {"0.702226", "0.128974", "0.125965", "0.123375", "0.123218"},
                "Accuracy: 0.9533333333333334\n"},
           Case{"adam",
                0.01,
                "schedule_lr_decay",
                {"0.699346", "0.130074", "0.129826", "0.129282", "0.128361"},
                "Accuracy: 0.94\n"},
       }) {
    INFO(c.optimizer << ", learning rate " << c.learning_rate << ", decay '" << c.decay << "'");
    const Run run = notebook_run(c.optimizer, c.learning_rate, c.decay);
    INFO(run.printed);
    CHECK(run.costs == c.costs);
    CHECK(run.accuracy == c.accuracy);
    if (std::string(c.decay) == "update_lr") {
      CHECK(run.rates ==
            std::vector<std::string>{"0.100000", "0.000100", "0.000050", "0.000033", "0.000025"});
    } else if (std::string(c.decay) == "schedule_lr_decay") {
      std::vector<std::string> expected = decayed;
      if (c.learning_rate == 0.01)
        expected = {"0.010000", "0.005000", "0.003333", "0.002500", "0.002000"};
      CHECK(run.rates == expected);
    } else {
      CHECK(run.rates.empty());
    }
  }
}

TEST_CASE("model: bad settings are refused with one clear message", "[given]") {
  const dlc::ToyData d = learning_rate_decay::load_dataset();
  ModelOptions o;
  o.num_epochs = 1;
  o.print_cost = false;
  auto refused = [&](ModelOptions bad, const std::string& message) {
    INFO(message);
    CHECK_THROWS_WITH(train_model(d.X, d.Y, bad), Catch::Contains(message));
  };
  ModelOptions bad = o;
  bad.optimizer = "rmsprop";
  refused(bad, "optimizer is \"rmsprop\"");
  bad = o;
  bad.decay = "exponential";
  refused(bad, "decay is \"exponential\"");
  bad = o;
  bad.beta = 1.0;
  refused(bad, "beta is 1.0");
  bad = o;
  bad.beta1 = -0.1;
  refused(bad, "beta1 is -0.1");
  bad = o;
  bad.beta2 = 1.5;
  refused(bad, "beta2 is 1.5");
  bad = o;
  bad.epsilon = 0.0;
  refused(bad, "epsilon is 0.0");
  bad = o;
  bad.mini_batch_size = 0;
  refused(bad, "mini_batch_size is 0");
  bad = o;
  bad.learning_rate = -1;
  refused(bad, "learning");
  bad = o;
  bad.layers_dims = {3, 5, 2, 1};
  CHECK_THROWS_AS(train_model(d.X, d.Y, bad), dlc::ShapeError);
  CHECK_THROWS_AS(train_model(d.X, Matrix(1, 7), o), dlc::ShapeError);
}

TEST_CASE("model: a run whose output turns NaN stops, naming the epoch and the learning rate",
          "[given]") {
  // A ReLU network driven by a huge learning rate dies (its units stop firing) rather than
  // turning NaN; a point far out, 1e308, overflows the first layer at once: inf - inf is NaN.
  dlc::ToyData d = learning_rate_decay::load_dataset();
  d.X(0, 17) = 1e308;
  d.X(1, 17) = -1e308;
  ModelOptions o;
  o.optimizer = "momentum";
  o.learning_rate = 0.25;
  o.num_epochs = 3;
  o.print_cost = false;
  try {
    train_model(d.X, d.Y, o);
    FAIL("expected TrainingDiverged");
  } catch (const dlc::TrainingDiverged& e) {
    CHECK(e.learning_rate() == 0.25);
    CHECK(e.iteration() == 0);
    CHECK_THAT(std::string(e.what()), Catch::Contains("0.25"));
  }
}

TEST_CASE("model: an output saturated at 0 or 1 (a NaN cost) stops, naming the epoch", "[given]") {
  const dlc::ToyData d = learning_rate_decay::load_dataset();
  ModelOptions o;
  o.learning_rate = 1e300;
  o.mini_batch_size = 1;
  o.num_epochs = 3;
  std::ostringstream out;
  try {
    train_model(d.X, d.Y, o, out);
    FAIL("expected TrainingDiverged");
  } catch (const dlc::TrainingDiverged& e) {
    CHECK(std::isnan(e.cost()));
    CHECK(e.iteration() == 0);
    CHECK(e.learning_rate() == 1e300);
  }
  CHECK(out.str().empty());  // nothing printed: no "Cost after epoch 0: nan"
}

TEST_CASE("model: prints every 1000th epoch, the rate with decay, keeps every 100th cost",
          "[given]") {
  const dlc::ToyData d = learning_rate_decay::load_dataset();
  ModelOptions o;
  o.optimizer = "adam";
  o.learning_rate = 0.01;
  o.num_epochs = 2001;
  o.decay = "update_lr";
  std::ostringstream out;
  const Trained trained = train_model(d.X, d.Y, o, out);
  CHECK(trained.costs.size() == 21);
  std::istringstream lines(out.str());
  std::vector<std::string> all;
  for (std::string line; std::getline(lines, line);) all.push_back(line);
  REQUIRE(all.size() == 6);
  CHECK(all[0].rfind("Cost after epoch 0: 0.", 0) == 0);
  CHECK(all[1] == "learning rate after epoch 0: 0.010000");  // epoch 0 trained with alpha0
  CHECK(all[3] == "learning rate after epoch 1000: 0.000010");
  CHECK(all[5] == "learning rate after epoch 2000: 0.000005");
  CHECK(dlc::percent_f(trained.costs[10]) == all[2].substr(all[2].rfind(' ') + 1));
}
