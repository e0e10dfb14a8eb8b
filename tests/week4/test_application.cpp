// Tests of the cat notebook (Deep Neural Network - Application): the two-layer and the L-layer
// model trained on the course's own cat files, printing the notebook's numbers.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "common/datasets.hpp"
#include "common/training.hpp"
#include "tests/support/capture.hpp"
#include "tests/support/data_path.hpp"
#include "week4/application.hpp"

using dlc::Matrix;
using dlc::testing::CaptureCout;
using namespace dlc::week4;

namespace {

// "Cost after iteration 100: 0.6720534400822914" -> 0.6720534400822914, for iteration i.
double printed_cost(const std::string& out, long i) {
  const std::string key = "Cost after iteration " + std::to_string(i) + ": ";
  const auto at = out.find(key);
  REQUIRE(at != std::string::npos);
  return std::stod(out.substr(at + key.size()));
}

}  // namespace

TEST_CASE("L_layer_model on the cat files prints the notebook's costs and accuracies",
          "[week4.L_layer_model][week4.predict]") {
  const auto dir = dlc::testing::shared_data_dir("catvnoncat");
  DLC_REQUIRE_DATA(dir, "the course's cat files (../shared/data/catvnoncat or $DLC_SHARED_DATA)");
  const dlc::TrainTest data = dlc::load_catvnoncat(*dir);
  const Matrix train_x = image_matrix(data.train.images);
  const Matrix test_x = image_matrix(data.test.images);
  std::string out;
  Parameters parameters;
  {
    CaptureCout capture;
    parameters = L_layer_model(train_x, data.train.labels, {12288, 20, 7, 5, 1}, 0.0075, 2500,
                               true);
    out = capture.text();
  }
  // The notebook's numbers; six decimals must agree exactly, 16 digits nearly.
  const std::pair<long, double> notebook[] = {
      {0, 0.7717493284237686},    {100, 0.6720534400822914},  {200, 0.6482632048575212},
      {1000, 0.3151869888600615}, {2000, 0.1138206066863371}, {2400, 0.09287821526472395},
      {2499, 0.088439943441702}};
  for (const auto& [i, cost] : notebook) {
    INFO("Cost after iteration " << i);
    const double printed = printed_cost(out, i);
    CHECK(dlc::percent_f(printed) == dlc::percent_f(cost));
    CHECK(printed == Approx(cost).epsilon(1e-13));
  }
  CHECK(dlc::python_repr(accuracy(predict(train_x, parameters), data.train.labels)) ==
        "0.9856459330143539");
  CHECK(dlc::python_repr(accuracy(predict(test_x, parameters), data.test.labels)) == "0.8");
}

TEST_CASE("two_layer_model on the cat files prints the notebook's costs and accuracies",
          "[week4.two_layer_model][week4.predict]") {
  const auto dir = dlc::testing::shared_data_dir("catvnoncat");
  DLC_REQUIRE_DATA(dir, "the course's cat files (../shared/data/catvnoncat or $DLC_SHARED_DATA)");
  const dlc::TrainTest data = dlc::load_catvnoncat(*dir);
  const Matrix train_x = image_matrix(data.train.images);
  const Matrix test_x = image_matrix(data.test.images);
  std::string out;
  Parameters parameters;
  {
    CaptureCout capture;
    parameters = two_layer_model(train_x, data.train.labels, {12288, 7, 1}, 0.0075, 2500, true);
    out = capture.text();
  }
  const std::pair<long, double> notebook[] = {{0, 0.6930497356599888},
                                              {100, 0.6464320953428849},
                                              {1000, 0.3394281538366412},
                                              {2000, 0.07439078704319081},
                                              {2499, 0.04421498215868956}};
  for (const auto& [i, cost] : notebook) {
    INFO("Cost after iteration " << i);
    const double printed = printed_cost(out, i);
    CHECK(dlc::percent_f(printed) == dlc::percent_f(cost));
    CHECK(printed == Approx(cost).epsilon(1e-13));
  }
  CHECK(dlc::python_repr(accuracy(predict(train_x, parameters), data.train.labels)) ==
        "0.9999999999999998");
  CHECK(dlc::python_repr(accuracy(predict(test_x, parameters), data.test.labels)) == "0.72");
}
