// Tests of Course 2 week 3's network (C2 3.5, 3.9): forward and backward propagation through
// hidden layers with batch norm and a softmax output, checked against the formulas written out
// and against a numerical gradient of the whole network; its given code (Adam, the running
// averages, predictions at test time); and a short seeded run on Fashion-MNIST against the
// numbers of the same algorithm in numpy (bench/fashion_numpy.py).
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/random.hpp"
#include "common/training.hpp"
#include "course2/batch_norm.hpp"
#include "course2/fashion.hpp"
#include "course2/softmax.hpp"
#include "tests/support/compare.hpp"
#include "tests/support/data_path.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::course2::fashion;

namespace {

/// A small network [5, 4, 3, 3], with or without batch norm, its b, gamma and beta drawn (not
/// the 0 and 1 of a start, so that a forgotten term shows), and a mini-batch of 6 examples.
struct Problem {
  Parameters parameters;
  Matrix X;
  Matrix Y;
};
Problem small_network(bool batch_norm, std::uint32_t seed = 3) {
  dlc::RandomState rng(seed);
  Problem p;
  p.parameters = initialize_parameters({5, 4, 3, 3}, batch_norm, rng);
  for (std::size_t l = 1; l <= 3; ++l) {
    if (!p.parameters.b[l].empty()) p.parameters.b[l] = rng.randn(p.parameters.b[l].rows(), 1);
    if (!p.parameters.gamma[l].empty()) {
      p.parameters.gamma[l] = 1.0 + 0.5 * rng.randn(p.parameters.gamma[l].rows(), 1);
      p.parameters.beta[l] = rng.randn(p.parameters.beta[l].rows(), 1);
    }
  }
  p.X = rng.randn(5, 6);
  p.Y = dlc::course2::softmax::one_hot(Matrix{{0, 2, 1, 1, 0, 2}}, 3);
  return p;
}

/// The network written out with plain Matrix operations, for comparison.
Matrix forward_by_hand(const Matrix& X, const Parameters& p) {
  Matrix A = X;
  for (std::size_t l = 1; l <= 2; ++l) {
    Matrix Z = dot(p.W[l], A);
    if (!p.gamma[l].empty()) {
      const Matrix mu = mean(Z, 1);
      const Matrix var = mean(square(Z - mu), 1);
      Z = p.gamma[l] * ((Z - mu) / sqrt(var + 1e-5)) + p.beta[l];
    } else {
      Z = Z + p.b[l];
    }
    A = maximum(Z, 0.0);
  }
  const Matrix ZL = dot(p.W[3], A) + p.b[3];
  const Matrix t = exp(ZL);
  Matrix AL = t;
  for (std::size_t j = 0; j < AL.cols(); ++j) {
    double total = 0.0;
    for (std::size_t i = 0; i < AL.rows(); ++i) total += t(i, j);
    for (std::size_t i = 0; i < AL.rows(); ++i) AL(i, j) = t(i, j) / total;
  }
  return AL;
}

double cost_of(const Matrix& X, const Matrix& Y, const Parameters& p) {
  const Matrix AL = forward_by_hand(X, p);
  double total = 0.0;
  for (std::size_t k = 0; k < AL.size(); ++k) total -= Y.data()[k] * std::log(AL.data()[k]);
  return total / static_cast<double>(X.cols());
}

/// Checks every entry of `analytic` against central differences of the cost in `parameter`.
void check_numerically(Problem& p, Matrix& parameter, const Matrix& analytic,
                       const std::string& name) {
  INFO(name);
  REQUIRE(analytic.shape() == parameter.shape());
  const double h = 1e-6;
  for (std::size_t k = 0; k < parameter.size(); ++k) {
    const double saved = parameter.data()[k];
    parameter.data()[k] = saved + h;
    const double plus = cost_of(p.X, p.Y, p.parameters);
    parameter.data()[k] = saved - h;
    const double minus = cost_of(p.X, p.Y, p.parameters);
    parameter.data()[k] = saved;
    INFO("entry " << k);
    CHECK(analytic.data()[k] == Approx((plus - minus) / (2 * h)).margin(1e-7).epsilon(1e-5));
  }
}

}  // namespace

TEST_CASE("forward_propagation: batch norm in the hidden layers, softmax at the output",
          "[course2.forward_propagation_with_batchnorm]") {
  for (const bool batch_norm : {true, false}) {
    INFO("batch norm " << batch_norm);
    const Problem p = small_network(batch_norm);
    const Forward forward = forward_propagation(p.X, p.parameters);
    CHECK_THAT(forward.AL, IsClose(forward_by_hand(p.X, p.parameters), 1e-12));
    // Every column a distribution over the 3 classes.
    CHECK_THAT(sum(forward.AL, 0), IsClose(Matrix(1, 6, 1.0), 1e-12));
    // The caches: what each layer read, and the relu's input.
    REQUIRE(forward.caches.size() == 4);
    CHECK_THAT(forward.caches[1].A_prev, IsClose(p.X, 0.0));
    CHECK_THAT(forward.caches[2].A_prev, IsClose(maximum(forward.caches[1].Z_tilde, 0.0), 0.0));
    CHECK_THAT(forward.caches[3].A_prev, IsClose(maximum(forward.caches[2].Z_tilde, 0.0), 0.0));
    for (std::size_t l = 1; l <= 2; ++l) {
      if (batch_norm) {
        const Matrix Z = dot(p.parameters.W[l], forward.caches[l].A_prev);
        CHECK_THAT(forward.caches[l].bn.Z, IsClose(Z, 1e-12));
        CHECK_THAT(forward.caches[l].bn.mu, IsClose(mean(Z, 1), 1e-12));
        // Z~ has the mean beta and the standard deviation gamma (up to epsilon) in each row.
        CHECK_THAT(mean(forward.caches[l].Z_tilde, 1), IsClose(p.parameters.beta[l], 1e-9));
      } else {
        CHECK(forward.caches[l].bn.Z.empty());
      }
    }
  }
}

TEST_CASE("forward_propagation checks its inputs", "[course2.forward_propagation_with_batchnorm]") {
  Problem p = small_network(true);
  CHECK_THROWS_WITH(forward_propagation(Matrix(4, 6), p.parameters),
                    Catch::Contains("forward_propagation") && Catch::Contains("X"));
  p.parameters.b[1] = Matrix::zeros(4, 1);
  CHECK_THROWS_WITH(forward_propagation(p.X, p.parameters),
                    Catch::Contains("beta takes the place of b"));
  // A mini-batch of one example cannot be batch-normalized.
  const Problem q = small_network(true);
  CHECK_THROWS_AS(forward_propagation(q.X.cols_range(0, 1), q.parameters), std::invalid_argument);
}

TEST_CASE("backward_propagation: every gradient of the whole network, checked numerically",
          "[course2.backward_propagation_with_batchnorm]") {
  for (const bool batch_norm : {true, false}) {
    INFO("batch norm " << batch_norm);
    Problem p = small_network(batch_norm);
    const Forward forward = forward_propagation(p.X, p.parameters);
    const Gradients grads = backward_propagation(p.Y, forward, p.parameters);
    REQUIRE(grads.dW.size() == 4);
    for (std::size_t l = 1; l <= 3; ++l) {
      check_numerically(p, p.parameters.W[l], grads.dW[l], "dW" + std::to_string(l));
      if (!p.parameters.b[l].empty()) {
        check_numerically(p, p.parameters.b[l], grads.db[l], "db" + std::to_string(l));
      } else {
        CHECK(grads.db[l].empty());
      }
      if (!p.parameters.gamma[l].empty()) {
        check_numerically(p, p.parameters.gamma[l], grads.dgamma[l], "dgamma" + std::to_string(l));
        check_numerically(p, p.parameters.beta[l], grads.dbeta[l], "dbeta" + std::to_string(l));
      } else {
        CHECK(grads.dgamma[l].empty());
        CHECK(grads.dbeta[l].empty());
      }
    }
  }
}

TEST_CASE("backward_propagation checks Y and the caches",
          "[course2.backward_propagation_with_batchnorm]") {
  const Problem p = small_network(true);
  const Forward forward = forward_propagation(p.X, p.parameters);
  // A one-hot of the wrong number of classes.
  CHECK_THROWS_WITH(backward_propagation(Matrix(4, 6), forward, p.parameters),
                    Catch::Contains("backward_propagation") && Catch::Contains("Y"));
  Forward short_caches = forward;
  short_caches.caches.pop_back();
  CHECK_THROWS_WITH(backward_propagation(p.Y, short_caches, p.parameters),
                    Catch::Contains("caches"));
}

TEST_CASE("predict_probabilities: each example on its own, with the running averages", "[given]") {
  Problem p = small_network(true);
  Running running = initialize_running(p.parameters);
  dlc::RandomState rng(9);
  for (std::size_t l = 1; l <= 2; ++l) {
    running[l].mu = rng.randn(running[l].mu.rows(), 1);
    running[l].var = 0.5 + square(rng.randn(running[l].var.rows(), 1));
  }
  const Matrix all = predict_probabilities(p.X, p.parameters, running);
  for (std::size_t j = 0; j < p.X.cols(); ++j) {
    INFO("example " << j);
    const Matrix one = predict_probabilities(p.X.cols_range(j, j + 1), p.parameters, running);
    CHECK_THAT(one, IsClose(all.cols_range(j, j + 1), 1e-12));
  }
  // With a batch's own mu and sigma^2 as the running averages, test time is training's forward.
  const Forward forward = forward_propagation(p.X, p.parameters);
  for (std::size_t l = 1; l <= 2; ++l) {
    running[l] = {forward.caches[l].bn.mu, forward.caches[l].bn.var};
  }
  CHECK_THAT(predict_probabilities(p.X, p.parameters, running), IsClose(forward.AL, 1e-12));
}

TEST_CASE("update_parameters_with_adam: W, b, gamma and beta, with the bias correction",
          "[given]") {
  Problem p = small_network(true);
  const Forward forward = forward_propagation(p.X, p.parameters);
  const Gradients grads = backward_propagation(p.Y, forward, p.parameters);
  AdamState state = initialize_adam(p.parameters);
  const Parameters before = p.parameters;
  const AdamSettings settings{0.01, 0.9, 0.999, 1e-8};
  update_parameters_with_adam(p.parameters, grads, state, settings);
  CHECK(state.t == 1);
  // After one step the corrected averages are g and g^2: each entry moves by about alpha.
  const auto expected = [&](const Matrix& param, const Matrix& g) {
    return param - 0.01 * (g / (sqrt(square(g)) + 1e-8));
  };
  CHECK_THAT(p.parameters.W[2], IsClose(expected(before.W[2], grads.dW[2]), 1e-12));
  CHECK_THAT(p.parameters.b[3], IsClose(expected(before.b[3], grads.db[3]), 1e-12));
  CHECK_THAT(p.parameters.gamma[1], IsClose(expected(before.gamma[1], grads.dgamma[1]), 1e-12));
  CHECK_THAT(p.parameters.beta[2], IsClose(expected(before.beta[2], grads.dbeta[2]), 1e-12));
  CHECK_THAT(state.v.dW[1], IsClose(0.1 * grads.dW[1], 1e-15));
  CHECK_THAT(state.s.dgamma[2], IsClose(0.001 * square(grads.dgamma[2]), 1e-15));
  Gradients wrong = grads;
  wrong.dW[2] = Matrix(2, 2);
  CHECK_THROWS_AS(update_parameters_with_adam(p.parameters, wrong, state, settings),
                  dlc::ShapeError);
}

TEST_CASE("check_parameters names what is wrong", "[given]") {
  Problem p = small_network(true);
  Parameters no_beta = p.parameters;
  no_beta.beta[2] = Matrix();
  CHECK_THROWS_WITH(check_parameters("f", no_beta), Catch::Contains("beta[2]"));
  Parameters gamma_out = p.parameters;
  gamma_out.gamma[3] = Matrix::ones(3, 1);
  CHECK_THROWS_WITH(check_parameters("f", gamma_out), Catch::Contains("output layer"));
  Parameters mismatched = p.parameters;
  mismatched.W[2] = Matrix(3, 5);
  CHECK_THROWS_WITH(check_parameters("f", mismatched), Catch::Contains("W[2]"));
}

TEST_CASE("confusion_matrix counts true class by predicted class", "[given]") {
  const Matrix counts = confusion_matrix(Matrix{{0, 1, 1, 2, 2, 2}}, Matrix{{0, 1, 2, 2, 2, 0}}, 3);
  CHECK_THAT(counts, IsClose(Matrix{{1, 0, 1}, {0, 1, 0}, {0, 1, 2}}, 0.0));
  CHECK_THROWS_AS(confusion_matrix(Matrix{{0, 3}}, Matrix{{0, 1}}, 3), std::invalid_argument);
}

TEST_CASE("a short seeded run on Fashion-MNIST prints the numbers of the same run in numpy",
          "[given]") {
  const auto dir = dlc::testing::fashion_mnist_dir();
  DLC_REQUIRE_DATA(dir, "Fashion-MNIST (Debian's dataset-fashion-mnist)");
  const Data data = load_data(*dir, 1000);
  REQUIRE(data.train.X.shape() == dlc::Shape{784, 1000});
  REQUIRE(data.test.X.shape() == dlc::Shape{784, 10000});
  // bench/fashion_numpy.py --train-size 1000 --epochs 2 [--no-batch-norm] prints these.
  struct Expected {
    bool batch_norm;
    double cost[2], train[2], test[2];
  };
  for (const Expected& e :
       {Expected{true, {0.9953775670793614, 0.5128536113080465}, {0.682, 0.836}, {0.7134, 0.7748}},
        Expected{
            false, {1.2618127597762516, 0.7539845588802914}, {0.566, 0.737}, {0.6471, 0.7382}}}) {
    INFO("batch norm " << e.batch_norm);
    Options options;
    options.epochs = 2;
    options.batch_norm = e.batch_norm;
    std::ostringstream out;
    const Trained trained = train(data, options, out);
    REQUIRE(trained.epochs.size() == 2);
    for (std::size_t k = 0; k < 2; ++k) {
      CHECK(trained.epochs[k].cost == Approx(e.cost[k]).epsilon(1e-12));
      CHECK(trained.epochs[k].train_accuracy == e.train[k]);
      CHECK(trained.epochs[k].test_accuracy == e.test[k]);
    }
    CHECK(trained.step_costs.size() ==
          2 * 16);  // 1000 examples: 15 mini-batches of 64 and one of 40
    // The lines train prints, with the numbers as Python prints them.
    CHECK_THAT(out.str(),
               Catch::StartsWith("Epoch 1: cost " + dlc::python_repr(e.cost[0]).substr(0, 12)) &&
                   Catch::Contains(", test accuracy " + dlc::python_repr(e.test[1]) + "\n"));
  }
}

TEST_CASE("train leaves out a lone last example with batch norm, and says so", "[given]") {
  // 2 x 65 examples of 8 features: mini-batches of 64 leave one alone, which batch norm
  // cannot normalize.
  dlc::RandomState rng(6);
  Data data;
  data.train.X = rng.rand(8, 65);
  data.train.labels = Matrix(1, 65);
  for (std::size_t j = 0; j < 65; ++j) data.train.labels(0, j) = static_cast<double>(j % 3);
  data.test = data.train;
  Options options;
  options.layers_dims = {8, 5, 4, 3};
  options.epochs = 1;
  std::ostringstream out;
  const Trained trained = train(data, options, out);
  CHECK(trained.step_costs.size() == 1);
  CHECK_THAT(out.str(), Catch::Contains("left out"));
  // Without batch norm the lone example is a mini-batch of its own.
  options.batch_norm = false;
  CHECK(train(data, options, out).step_costs.size() == 2);
  // Mini-batches of one example cannot be batch-normalized at all.
  options.batch_norm = true;
  options.mini_batch_size = 1;
  CHECK_THROWS_WITH(train(data, options, out), Catch::Contains("at least 2 examples"));
}
