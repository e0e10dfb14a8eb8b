// Tests of the cat notebook (Deep Neural Network - Application): the two-layer and the L-layer
// model trained on the course's own cat files, printing the notebook's numbers.
//
// Those two train for 2500 iterations (some seconds each) and are tagged [cat] only: CTest runs
// them with the rest of this file, while grading an exercise runs the fast tests below, which
// catch the same mistakes on a small set (every planted mistake of tests/mutants/week4.mutants).
//
// The other tests run the notebook's algorithms on a small data set drawn from numpy's
// generator: numbers marked "numpy" come from numpy 1.24 running the cat notebook's own
// two_layer_model and L_layer_model (with its dnn_app_utils helpers) on the same draws.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/datasets.hpp"
#include "common/gradient_check.hpp"
#include "common/random.hpp"
#include "common/training.hpp"
#include "tests/support/capture.hpp"
#include "tests/support/compare.hpp"
#include "tests/support/data_path.hpp"
#include "week4/application.hpp"

using dlc::Matrix;
using dlc::Shape;
using dlc::testing::CaptureCout;
using dlc::testing::IsClose;
using namespace dlc::week4;

namespace {

// "Cost after iteration 100: 0.6720534400822914" -> 0.6720534400822914, for iteration i.
double printed_cost(const std::string& out, long i) {
  const std::string key = "Cost after iteration " + std::to_string(i) + ": ";
  const auto at = out.find(key);
  REQUIRE(at != std::string::npos);
  return std::stod(out.substr(at + key.size()));
}

// A model of the notebook as both have the same signature.
using Model = TrainedModel (*)(const Matrix&, const Matrix&, const LayerDims&, double, long, bool,
                               std::uint32_t, const Observer&);

// Trains `model` on the course's cat files as the notebook does (learning rate 0.0075, 2500
// iterations, costs printed) and checks the printed costs, to six decimals exactly and to 16
// digits nearly (BLAS rounding), the returned `costs` (one per 100 iterations, the very numbers
// printed), and predict's two accuracies as Python prints them.
void check_cat_notebook(Model model, const LayerDims& layers_dims,
                        const std::vector<std::pair<long, double>>& notebook_costs,
                        const char* train_accuracy, const char* test_accuracy) {
  const auto dir = dlc::testing::shared_data_dir("catvnoncat");
  DLC_REQUIRE_DATA(dir, "the course's cat files (../shared/data/catvnoncat or $DLC_SHARED_DATA)");
  const dlc::TrainTest data = dlc::load_catvnoncat(*dir);
  const Matrix train_x = image_matrix(data.train.images);
  const Matrix test_x = image_matrix(data.test.images);
  std::string out;
  TrainedModel trained;
  {
    CaptureCout capture;
    trained = model(train_x, data.train.labels, layers_dims, 0.0075, 2500, true, 1, nullptr);
    out = capture.text();
  }
  const auto& [parameters, costs] = trained;
  REQUIRE(costs.size() == 25);  // iterations 0, 100, ..., 2400
  for (const auto& [i, cost] : notebook_costs) {
    INFO("Cost after iteration " << i);
    const double printed = printed_cost(out, i);
    CHECK(dlc::percent_f(printed) == dlc::percent_f(cost));
    CHECK(printed == Approx(cost).epsilon(1e-13));
    if (i % 100 == 0) CHECK(costs[static_cast<std::size_t>(i / 100)] == printed);
  }
  CHECK(dlc::python_repr(accuracy(predict(train_x, parameters), data.train.labels)) ==
        train_accuracy);
  CHECK(dlc::python_repr(accuracy(predict(test_x, parameters), data.test.labels)) == test_accuracy);
}

}  // namespace

// The numbers are the notebook's (Deep Neural Network - Application).
TEST_CASE("L_layer_model on the cat files prints the notebook's costs and accuracies", "[cat]") {
  check_cat_notebook(L_layer_model, {12288, 20, 7, 5, 1},
                     {{0, 0.7717493284237686},
                      {100, 0.6720534400822914},
                      {200, 0.6482632048575212},
                      {1000, 0.3151869888600615},
                      {2000, 0.1138206066863371},
                      {2400, 0.09287821526472395},
                      {2499, 0.088439943441702}},
                     "0.9856459330143539", "0.8");
}

TEST_CASE("two_layer_model on the cat files prints the notebook's costs and accuracies", "[cat]") {
  check_cat_notebook(two_layer_model, {12288, 7, 1},
                     {{0, 0.6930497356599888},
                      {100, 0.6464320953428849},
                      {1000, 0.3394281538366412},
                      {2000, 0.07439078704319081},
                      {2499, 0.04421498215868956}},
                     "0.9999999999999998", "0.72");
}

// ---- a small data set: the algorithms against numpy, gradients against numerical ones ------------

namespace {

// numpy: np.random.seed(4); X = np.random.randn(5, 12); Y = (np.random.rand(1, 12) > 0.5) * 1.
struct Data {
  Matrix X, Y;
};
Data small_data() {
  dlc::RandomState rng(4);
  Data d{rng.randn(5, 12), Matrix()};
  d.Y = dlc::greater(rng.rand(1, 12), 0.5);
  return d;
}

// The lecture's forward pass and cost written out with plain Matrix operations (independent of
// the exercises): ReLU for the hidden layers, sigmoid for the output, cross-entropy.
Matrix forward_AL(const Matrix& X, const Parameters& p) {
  Matrix A = X;
  for (std::size_t l = 1; l <= p.L(); ++l) {
    const Matrix Z = dlc::dot(p.W[l], A) + p.b[l];
    A = l < p.L() ? dlc::maximum(Z, 0.0) : 1.0 / (1.0 + dlc::exp(-Z));
  }
  return A;
}
double cost_of(const Matrix& X, const Matrix& Y, const Parameters& p) {
  const Matrix AL = forward_AL(X, p);
  return -dlc::sum(Y * dlc::log(AL) + (1.0 - Y) * dlc::log(1.0 - AL)) /
         static_cast<double>(Y.cols());
}

// One step of gradient descent from p0 to p1 with learning rate alpha moved each parameter by
// -alpha times its gradient: (p0 - p1) / alpha is the gradient the model's backward pass
// computed. It must agree with the numerical gradient of the whole network's cost at p0 (nudges
// of 1e-5: the gradients of the small initial weights are small, and a smaller nudge would
// leave them in rounding noise).
void check_first_step(const Matrix& X, const Matrix& Y, const Parameters& p0, const Parameters& p1,
                      double alpha) {
  REQUIRE(p1.L() == p0.L());
  for (std::size_t l = 1; l <= p0.L(); ++l) {
    for (const bool weights : {true, false}) {
      const Matrix& before = weights ? p0.W[l] : p0.b[l];
      const Matrix& after = weights ? p1.W[l] : p1.b[l];
      const std::string name = std::string(weights ? "dW[" : "db[") + std::to_string(l) + "]";
      REQUIRE(after.shape() == before.shape());
      const Matrix backward = (before - after) / alpha;
      const Matrix numeric = dlc::numerical_gradient(
          [&](const Matrix& theta) {
            Parameters p = p0;
            (weights ? p.W[l] : p.b[l]) = theta;
            return cost_of(X, Y, p);
          },
          before, 1e-5);
      INFO(name << " from the first step: " << backward << "\nnumerical: " << numeric);
      CHECK(dlc::relative_difference(backward, numeric) < 1e-7);
    }
  }
}

// The costs the observer sees, one per iteration.
struct CostLog {
  std::vector<double> costs;
  Observer observer() {
    return [this](long i, double cost) {
      CHECK(i == static_cast<long>(costs.size()));
      costs.push_back(cost);
    };
  }
};

}  // namespace

TEST_CASE("the small data set is numpy's", "[given]") {
  const Data d = small_data();
  // numpy: Y = [[1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1]]
  CHECK_THAT(d.Y, IsClose(Matrix{{1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1}}, 0.0, "Y"));
  CHECK(d.X.shape() == Shape{5, 12});
}

TEST_CASE("two_layer_model: the notebook's algorithm on a small set, as numpy runs it",
          "[week4.two_layer_model]") {
  const Data d = small_data();
  CostLog log;
  auto [p, costs] = two_layer_model(d.X, d.Y, {5, 4, 1}, 1.0, 50, false, 1, log.observer());
  REQUIRE(log.costs.size() == 50);
  CHECK(costs == std::vector<double>{log.costs[0]});  // one per 100 iterations: iteration 0
  // numpy: costs[0], costs[1], costs[10], costs[49] of the cat notebook's two_layer_model with
  // layers_dims (5, 4, 1), learning_rate 1.0, 50 iterations, np.random.seed(1)
  CHECK(log.costs[0] == Approx(0.6931544702752982).epsilon(1e-13));
  CHECK(log.costs[1] == Approx(0.6870717289691488).epsilon(1e-12));
  CHECK(log.costs[10] == Approx(0.6786391076730591).epsilon(1e-11));
  CHECK(log.costs[49] == Approx(0.06066247159814192).epsilon(1e-9));
  REQUIRE(p.L() == 2);
  CHECK_THAT(p.W[1],
             IsClose(Matrix{{-0.5793938752887544, -0.38302671328279003, 0.3951452382187993,
                             -1.110216990640155, -0.6326000817692387},
                            {0.629488660253202, 0.9416620238245492, 0.41549198722097824,
                             0.6993503866614423, 0.16132317868480722},
                            {0.7166894139617014, 0.8504303061471981, 0.4196430293295616,
                             0.6379149566967468, 0.21466662074963827},
                            {-0.08461173264424676, -0.017697226822445636, -0.1273495159979432,
                             0.029403265513008994, 0.031347318164636984}},
                     1e-9, "W[1] after 50 iterations (numpy)"));
  CHECK_THAT(p.b[1], IsClose(Matrix{{0.690696050339371},
                                    {1.0232404577524115},
                                    {0.9769403655638581},
                                    {0.03395659820938703}},
                             1e-9, "b[1] after 50 iterations (numpy)"));
  CHECK_THAT(p.W[2], IsClose(Matrix{{-1.656777488894055, 1.6892261617882753, 1.6322271094565741,
                                     -0.16270296669574083}},
                             1e-9, "W[2] after 50 iterations (numpy)"));
  CHECK_THAT(p.b[2], IsClose(Matrix{{-0.4525142565850083}}, 1e-9, "b[2] (numpy)"));
}

TEST_CASE("two_layer_model: its first step is -alpha times the numerical gradient",
          "[week4.two_layer_model]") {
  // The backward pass inside two_layer_model, seen through one step from its initialization
  // (W = randn * 0.01 with np.random.seed(5), W[1] first, zero biases). X is scaled by 50 so that
  // the gradients of the small initial weights stand well above the numerical gradient's noise.
  const Data d = small_data();
  const Matrix X = d.X * 50.0;
  dlc::RandomState rng(5);
  Parameters p0;
  p0.W = {Matrix(), rng.randn(4, 5) * 0.01, Matrix()};
  p0.W[2] = rng.randn(1, 4) * 0.01;
  p0.b = {Matrix(), Matrix(4, 1), Matrix(1, 1)};
  const double alpha = 0.01;
  CostLog log;
  const Parameters p1 =
      two_layer_model(X, d.Y, {5, 4, 1}, alpha, 1, false, 5, log.observer()).parameters;
  REQUIRE(log.costs.size() == 1);
  CHECK(log.costs[0] == Approx(cost_of(X, d.Y, p0)).epsilon(1e-12));  // the cost before the step
  check_first_step(X, d.Y, p0, p1, alpha);
}

TEST_CASE("two_layer_model: bad input, and a diverging run names the iteration",
          "[week4.two_layer_model]") {
  const Data d = small_data();
  CHECK_THROWS_WITH(two_layer_model(d.X, d.Y, {5, 4, 3, 1}, 0.1, 1),
                    Catch::Contains("must be {n_x, n_h, n_y}"));
  CHECK_THROWS_WITH(two_layer_model(d.X, d.Y, {4, 4, 1}, 0.1, 1),
                    Catch::Contains("layer_dims[0] is 4 but X has 5 rows"));
  CHECK_THROWS_WITH(two_layer_model(d.X, d.Y, {5, 4, 1}, -0.1, 1),
                    Catch::Contains("must be a positive number"));
  try {
    two_layer_model(d.X * 100.0, d.Y, {5, 4, 1}, 1e6, 100);
    FAIL("a learning rate of 1e6 should make the cost infinite or NaN");
  } catch (const dlc::TrainingDiverged& e) {
    CHECK(e.iteration() > 0);
    CHECK(e.learning_rate() == 1e6);
    CHECK_THAT(e.what(), Catch::Contains("at iteration " + std::to_string(e.iteration())) &&
                             Catch::Contains("(learning rate 1000000.0)"));
  }
}

TEST_CASE("L_layer_model: the notebook's algorithm on a small set, as numpy runs it",
          "[week4.L_layer_model]") {
  const Data d = small_data();
  CostLog log;
  auto [p, costs] = L_layer_model(d.X, d.Y, {5, 4, 3, 1}, 0.1, 50, false, 1, log.observer());
  REQUIRE(log.costs.size() == 50);
  CHECK(costs == std::vector<double>{log.costs[0]});  // one per 100 iterations: iteration 0
  // numpy: costs[0], costs[1], costs[10], costs[49] of the cat notebook's L_layer_model with
  // layers_dims [5, 4, 3, 1], learning_rate 0.1, 50 iterations, np.random.seed(1)
  CHECK(log.costs[0] == Approx(0.7235809161416371).epsilon(1e-13));
  CHECK(log.costs[1] == Approx(0.7195094848592182).epsilon(1e-12));
  CHECK(log.costs[10] == Approx(0.6944349181581339).epsilon(1e-11));
  CHECK(log.costs[49] == Approx(0.6615794081698791).epsilon(1e-10));
  REQUIRE(p.L() == 3);
  CHECK_THAT(p.W[1],
             IsClose(Matrix{{0.7236446206421331, -0.2621054386867601, -0.21507961116492927,
                             -0.43191164742512267, 0.3962908808982543},
                            {-1.0336590598381699, 0.7004187668112442, -0.3369486001427833,
                             0.04593420355383568, -0.050894343016034835},
                            {0.6068778641564989, -0.987161388709149, -0.0737913541325038,
                             -0.2912250121967593, 0.4541706350535909},
                            {-0.48911656023713534, -0.09802936132703798, -0.39995691409773826,
                             -0.0005746813083244316, 0.2908447138340244}},
                     1e-10, "W[1] after 50 iterations (numpy)"));
  CHECK_THAT(p.b[1], IsClose(Matrix{{-0.016239234818138642},
                                    {-0.0166821201778869},
                                    {0.04763571845448134},
                                    {0.05318467392654839}},
                             1e-10, "b[1] (numpy)"));
  CHECK_THAT(p.W[2], IsClose(Matrix{{-0.5601374304903862, 0.47910074636557204, 0.49827922262654406,
                                     0.27335853946130845},
                                    {0.36889535649037, -0.34186392958716655, -0.12682415070578165,
                                     -0.48726141353717595},
                                    {-0.13394403981300795, 0.1702448024910113, -0.3458303758626545,
                                     -0.18731550863495902}},
                             1e-10, "W[2] (numpy)"));
  CHECK_THAT(p.b[2],
             IsClose(Matrix{{0.005737778557409328}, {-0.11542558033223926}, {-0.00270400062375169}},
                     1e-10, "b[2] (numpy)"));
  CHECK_THAT(p.W[3],
             IsClose(Matrix{{-0.35644060564818864, -0.4634098428437079, -0.3230962218530354}},
                     1e-10, "W[3] (numpy)"));
  CHECK_THAT(p.b[3], IsClose(Matrix{{0.3654943293348826}}, 1e-10, "b[3] (numpy)"));
}

TEST_CASE("L_layer_model: its first step is -alpha times the numerical gradient of 4 layers",
          "[week4.L_layer_model]") {
  // The initialization it starts from is the cat notebook's: np.random.seed(8), then
  // W[l] = randn(n[l], n[l-1]) / sqrt(n[l-1]) layer after layer, zero biases. With this seed
  // (numpy) no unit is off for every example and no Z is within 0.002 of ReLU's kink at 0, so the
  // centred differences see the same slopes as the backward pass.
  const Data d = small_data();
  const LayerDims n = {5, 6, 4, 3, 1};
  dlc::RandomState rng(8);
  Parameters p0;
  p0.W.resize(5);
  p0.b.resize(5);
  for (std::size_t l = 1; l < n.size(); ++l) {
    const auto rows = static_cast<std::size_t>(n[l]), cols = static_cast<std::size_t>(n[l - 1]);
    p0.W[l] = rng.randn(rows, cols) / std::sqrt(static_cast<double>(cols));
    p0.b[l] = Matrix(rows, 1);
  }
  const double alpha = 0.01;
  CostLog log;
  const Parameters p1 = L_layer_model(d.X, d.Y, n, alpha, 1, false, 8, log.observer()).parameters;
  REQUIRE(log.costs.size() == 1);
  CHECK(log.costs[0] == Approx(cost_of(d.X, d.Y, p0)).epsilon(1e-12));
  check_first_step(d.X, d.Y, p0, p1, alpha);
  // and training lowers the cost: 201 steps of 0.1, whose costs list has iterations 0, 100, 200
  CostLog longer;
  const TrainedModel trained = L_layer_model(d.X, d.Y, n, 0.1, 201, false, 8, longer.observer());
  REQUIRE(longer.costs.size() == 201);
  CHECK(longer.costs.back() < longer.costs.front() - 0.05);
  CHECK(trained.costs ==
        std::vector<double>{longer.costs[0], longer.costs[100], longer.costs[200]});
}

TEST_CASE("L_layer_model: bad input is refused, and a diverging run names the iteration",
          "[week4.L_layer_model]") {
  const Data d = small_data();
  CHECK_THROWS_WITH(L_layer_model(d.X, d.Y, {}, 0.1, 1),
                    Catch::Contains("L_layer_model: layer_dims has 0 entries"));
  CHECK_THROWS_WITH(L_layer_model(d.X, d.Y, {5}, 0.1, 1),
                    Catch::Contains("layer_dims has 1 entry but needs at least 2"));
  CHECK_THROWS_WITH(L_layer_model(d.X, d.Y, {5, 0, 1}, 0.1, 1),
                    Catch::Contains("layer_dims[1] is 0 but every layer needs at least 1 unit"));
  CHECK_THROWS_AS(L_layer_model(d.X, d.Y, {784, 4, 1}, 0.1, 1), dlc::ShapeError);
  CHECK_THROWS_WITH(L_layer_model(d.X, d.Y, {784, 4, 1}, 0.1, 1),
                    Catch::Contains("layer_dims[0] is 784 but X has 5 rows (features)"));
  CHECK_THROWS_WITH(L_layer_model(d.X, d.Y, {5, 4, 2}, 0.1, 1), Catch::Contains("it must be 1"));
  Matrix Y = d.Y;
  Y(0, 3) = 0.5;
  CHECK_THROWS_WITH(L_layer_model(d.X, Y, {5, 4, 1}, 0.1, 1),
                    Catch::Contains("labels must be 0 or 1"));
  CHECK_THROWS_AS(L_layer_model(d.X, Matrix(1, 11), {5, 4, 1}, 0.1, 1), dlc::ShapeError);
  Matrix X = d.X;
  X(1, 2) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_WITH(
      L_layer_model(X, d.Y, {5, 4, 1}, 0.1, 1),
      Catch::Contains("X(1, 2) is") && Catch::Contains("every entry of X must be finite"));
  CHECK_THROWS_WITH(L_layer_model(d.X, d.Y, {5, 4, 1}, 0.0, 1),
                    Catch::Contains("must be a positive number"));
  CHECK_THROWS_WITH(L_layer_model(d.X, d.Y, {5, 4, 1}, 0.1, -1),
                    Catch::Contains("num_iterations is -1"));
  try {
    L_layer_model(d.X * 100.0, d.Y, {5, 4, 3, 1}, 1e6, 100);
    FAIL("a learning rate of 1e6 should make the cost infinite or NaN");
  } catch (const dlc::TrainingDiverged& e) {
    CHECK(e.iteration() > 0);
    CHECK(e.learning_rate() == 1e6);
    CHECK_THAT(e.what(), Catch::StartsWith("training diverged: the cost is ") &&
                             Catch::Contains("at iteration " + std::to_string(e.iteration())) &&
                             Catch::Contains("(learning rate 1000000.0)"));
  }
}

TEST_CASE("predict: 1 where AL > 0.5, by hand", "[week4.predict]") {
  // By hand: W[1] = [[1, 0]], b[1] = 0, so A[1] = max(0, x1) = [0.75, 0.5, 0, 0.25]; W[2] = [[2]],
  // b[2] = -1, so Z[2] = [0.5, 0, -1, -0.5] (exactly) and AL = [sigma(0.5), 0.5, sigma(-1),
  // sigma(-0.5)]. Exactly 0.5 is not above 0.5: p = [1, 0, 0, 0].
  Parameters p;
  p.W = {Matrix(), Matrix{{1.0, 0.0}}, Matrix{{2.0}}};
  p.b = {Matrix(), Matrix{{0.0}}, Matrix{{-1.0}}};
  const Matrix X{{0.75, 0.5, -0.2, 0.25}, {5.0, 5.0, 5.0, 5.0}};
  CHECK_THAT(predict(X, p), IsClose(Matrix{{1.0, 0.0, 0.0, 0.0}}, 0.0, "p = [AL > 0.5]"));
  CHECK_THROWS_WITH(predict(Matrix(3, 4), p),
                    Catch::Contains("predict: W[1] is (1, 2) but n[0] is 3") &&
                        Catch::Contains("W[l] is (n[l], n[l-1])"));
}

TEST_CASE("predict: the forward pass of any depth, thresholded", "[week4.predict]") {
  // Property: on a four-layer network and m = 12, p is (1, m) of 0 and 1, and 1 exactly where
  // the lecture's forward pass (written out here) gives AL > 0.5.
  const Data d = small_data();
  dlc::RandomState rng(12);
  const LayerDims n = {5, 6, 3, 2, 1};
  Parameters p;
  p.W.resize(5);
  p.b.resize(5);
  for (std::size_t l = 1; l <= 4; ++l) {
    p.W[l] = rng.randn(static_cast<std::size_t>(n[l]), static_cast<std::size_t>(n[l - 1]));
    p.b[l] = rng.randn(static_cast<std::size_t>(n[l]), 1) * 0.5;
  }
  const Matrix AL = forward_AL(d.X, p);
  const Matrix pred = predict(d.X, p);
  REQUIRE(pred.shape() == Shape{1, 12});
  CHECK_THAT(pred, IsClose(dlc::greater(AL, 0.5), 0.0, "p = [AL > 0.5]"));
  const double ones = dlc::sum(pred);
  CHECK(ones > 0.0);  // both classes appear, so a constant answer cannot pass
  CHECK(ones < 12.0);
}

TEST_CASE("accuracy, image_matrix and check_training_data", "[given]") {
  // numpy: np.sum((p == y) / m) for 209 right answers out of 209 is 0.9999999999999998;
  // for [[1,0,1,1,0,1,1]] against [[1,1,1,1,0,0,1]] it is 0.7142857142857142.
  CHECK(dlc::python_repr(accuracy(Matrix(1, 209, 1.0), Matrix(1, 209, 1.0))) ==
        "0.9999999999999998");
  CHECK(dlc::python_repr(accuracy(Matrix{{1, 0, 1, 1, 0, 1, 1}}, Matrix{{1, 1, 1, 1, 0, 0, 1}})) ==
        "0.7142857142857142");
  CHECK_THROWS_AS(accuracy(Matrix(1, 3), Matrix(1, 4)), dlc::ShapeError);

  // Two images of 1 x 2 pixels x 3 channels: image j's bytes in C order become column j / 255.
  dlc::ImageSet images;
  images.count = 2;
  images.height = 1;
  images.width = 2;
  images.channels = 3;
  images.pixels = {0, 51, 102, 153, 204, 255, 255, 0, 0, 0, 0, 255};
  const Matrix X = image_matrix(images);
  CHECK_THAT(X,
             IsClose(Matrix{{0.0, 1.0}, {0.2, 0.0}, {0.4, 0.0}, {0.6, 0.0}, {0.8, 0.0}, {1.0, 1.0}},
                     1e-15, "x.reshape(m, -1).T / 255."));
  images.pixels.pop_back();
  CHECK_THROWS_AS(image_matrix(images), dlc::ShapeError);

  const Data d = small_data();
  CHECK_NOTHROW(check_training_data("f", d.X, d.Y, {5, 3, 1}));
  CHECK_THROWS_WITH(check_training_data("f", d.X, d.Y, {6, 3, 1}),
                    Catch::Contains("the first layer size must be the number of features"));
}
