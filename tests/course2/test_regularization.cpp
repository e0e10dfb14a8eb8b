// Tests of lectures C2 1.4-1.8: the L2-regularized cost and its gradients, inverted dropout
// forward and backward, the notebook's initialize_parameters and model, its data, and its
// three runs on the football field (../shared/data/reg2d).
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/datasets.hpp"
#include "common/files.hpp"
#include "common/gradient_check.hpp"
#include "common/random.hpp"
#include "common/training.hpp"
#include "course2/initialization.hpp"
#include "course2/regularization.hpp"
#include "tests/support/compare.hpp"
#include "tests/support/data_path.hpp"
#include "tests/support/mat_writer.hpp"

using Catch::Matchers::Contains;
using dlc::Matrix;
using dlc::RandomState;
using dlc::testing::IsClose;
using namespace dlc::course2;
using namespace dlc::course2::regularization;

namespace {

// The notebook's test cases: after np.random.seed(1), W1 (2, 3), b1 (2, 1), W2 (3, 2), b2
// (3, 1), W3 (1, 3), b3 (1, 1) drawn by randn in that order (after X (3, 5) when `with_X`).
struct NotebookCase {
  Matrix X;
  Matrix Y = Matrix{{1, 1, 0, 1, 0}};
  Parameters parameters;
};
NotebookCase notebook_case(bool with_X) {
  RandomState rng(1);
  NotebookCase c;
  if (with_X) c.X = rng.randn(3, 5);
  c.parameters.W.resize(4);
  c.parameters.b.resize(4);
  const std::size_t rows[] = {0, 2, 3, 1}, cols[] = {0, 3, 2, 3};
  for (std::size_t l = 1; l <= 3; ++l) {
    c.parameters.W[l] = rng.randn(rows[l], cols[l]);
    c.parameters.b[l] = rng.randn(rows[l], 1);
  }
  return c;
}

// A network and data of the given sizes, every bias nonzero (so that a gradient that wrongly
// involves b shows), labels 0 and 1 drawn at random.
struct Net {
  Matrix X, Y;
  Parameters parameters;
};
Net random_net(std::size_t n_x, std::size_t n1, std::size_t n2, std::size_t m, std::uint32_t seed) {
  RandomState rng(seed);
  Net net;
  net.X = rng.randn(n_x, m);
  net.Y = dlc::greater(rng.rand(1, m), 0.5);
  const std::size_t n[] = {n_x, n1, n2, 1};
  net.parameters.W.resize(4);
  net.parameters.b.resize(4);
  for (std::size_t l = 1; l <= 3; ++l) {
    net.parameters.W[l] = rng.randn(n[l], n[l - 1]) * (1.0 / std::sqrt(double(n[l - 1])));
    net.parameters.b[l] = rng.randn(n[l], 1) * 0.5;
  }
  return net;
}

// A forward pass with the masks given (not drawn): the network that backward with dropout
// differentiates, written from the lecture for the tests.
Forward forward_with_masks(const Matrix& X, const Parameters& p, const Matrix& D1, const Matrix& D2,
                           double keep_prob) {
  Cache c{std::vector<Matrix>(4), std::vector<Matrix>(4), p.W, p.b, {Matrix(), D1, D2}};
  c.Z[1] = dlc::dot(p.W[1], X) + p.b[1];
  c.A[1] = relu(c.Z[1]) * D1 / keep_prob;
  c.Z[2] = dlc::dot(p.W[2], c.A[1]) + p.b[2];
  c.A[2] = relu(c.Z[2]) * D2 / keep_prob;
  c.Z[3] = dlc::dot(p.W[3], c.A[2]) + p.b[3];
  c.A[3] = sigmoid(c.Z[3]);
  return Forward{c.A[3], c};
}

// The share of ones in a 0/1 matrix.
double share(const Matrix& mask) { return dlc::mean(mask); }

// Every W[l] and b[l] of `grads` against the numerical gradient of `J`.
void check_gradients(const Parameters& parameters, const Gradients& grads,
                     const std::function<double(const Parameters&)>& J, const char* formula) {
  for (std::size_t l = 1; l <= 3; ++l) {
    for (const bool weights : {true, false}) {
      const Matrix& theta = weights ? parameters.W[l] : parameters.b[l];
      const Matrix numerical = dlc::numerical_gradient(
          [&](const Matrix& t) {
            Parameters p = parameters;
            (weights ? p.W[l] : p.b[l]) = t;
            return J(p);
          },
          theta);
      const Matrix& analytic = weights ? grads.dW[l] : grads.db[l];
      INFO(formula << ": " << (weights ? "dW" : "db") << l << " = " << analytic
                   << "\nnumerical: " << numerical);
      REQUIRE(analytic.shape() == theta.shape());
      CHECK(dlc::relative_difference(analytic, numerical) < 1e-7);
    }
  }
}

}  // namespace

// ---- C2 1.4 the L2-regularized cost ------------------------------------------------------------

TEST_CASE("compute_cost_with_regularization: the notebook's case",
          "[course2.compute_cost_with_regularization]") {
  const NotebookCase c = notebook_case(false);
  const Matrix A3{{0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402}};
  const double cost = compute_cost_with_regularization(A3, c.Y, c.parameters, 0.1);
  INFO(
      "J = cross-entropy + 1/m lambda/2 (|W1|^2 + |W2|^2 + |W3|^2); the notebook prints "
      "cost = 1.7864859451590758, got "
      << dlc::python_repr(cost));
  CHECK(dlc::testing::near(cost, 1.7864859451590758, 1e-13));
}

TEST_CASE("compute_cost_with_regularization: by hand, every W counted, no b",
          "[course2.compute_cost_with_regularization]") {
  // W1 (2, 3) of ones, W2 (3, 2) of twos, W3 (1, 3) of threes: 6 + 24 + 27 = 57. m = 4.
  Parameters p;
  p.W = {Matrix(), Matrix(2, 3, 1.0), Matrix(3, 2, 2.0), Matrix(1, 3, 3.0)};
  p.b = {Matrix(), Matrix(2, 1, 10.0), Matrix(3, 1, -10.0), Matrix(1, 1, 10.0)};
  const Matrix A3{{0.9, 0.2, 0.6, 0.3}};
  const Matrix Y{{1, 0, 1, 1}};
  const double cross_entropy = compute_cost(A3, Y);
  // 1/4 * 0.8/2 * 57 = 5.7
  CHECK(dlc::testing::near(compute_cost_with_regularization(A3, Y, p, 0.8), cross_entropy + 5.7,
                           1e-14));
  CHECK(compute_cost_with_regularization(A3, Y, p, 0.0) == cross_entropy);
  // Twice lambda, twice the L2 term.
  CHECK(dlc::testing::near(compute_cost_with_regularization(A3, Y, p, 1.6), cross_entropy + 11.4,
                           1e-14));
}

TEST_CASE("compute_cost_with_regularization: bad input is refused",
          "[course2.compute_cost_with_regularization]") {
  const NotebookCase c = notebook_case(false);
  const Matrix A3{{0.4, 0.1, 0.2, 0.1, 0.4}};
  CHECK_THROWS_WITH(compute_cost_with_regularization(A3, c.Y, c.parameters, -0.1),
                    Contains("lambd is -0.1"));
  CHECK_THROWS_AS(compute_cost_with_regularization(A3, Matrix{{1, 0}}, c.parameters, 0.1),
                  dlc::ShapeError);
  Parameters two = c.parameters;
  two.W.pop_back();
  two.b.pop_back();
  CHECK_THROWS_AS(compute_cost_with_regularization(A3, c.Y, two, 0.1), dlc::ShapeError);
}

// ---- C2 1.4 backward with L2 ------------------------------------------------------------------

TEST_CASE("backward_propagation_with_regularization: the notebook's case, lambd = 0.7",
          "[course2.backward_propagation_with_regularization]") {
  const NotebookCase c = notebook_case(true);
  const Forward f = forward_propagation(c.X, c.parameters);
  const Gradients g = backward_propagation_with_regularization(c.X, c.Y, f.cache, 0.7);
  CHECK_THAT(g.dW[1], IsClose(Matrix{{-0.25604646, 0.12298827, -0.28297129},
                                     {-0.17706303, 0.34536094, -0.4410571}},
                              1e-8, "dW1 = 1/m dZ1 X^T + lambda/m W1"));
  CHECK_THAT(g.dW[2], IsClose(Matrix{{0.79276486, 0.85133918},
                                     {-0.0957219, -0.01720463},
                                     {-0.13100772, -0.03750433}},
                              1e-8, "dW2 = 1/m dZ2 A1^T + lambda/m W2"));
  CHECK_THAT(g.dW[3], IsClose(Matrix{{-1.77691347, -0.11832879, -0.09397446}}, 1e-8,
                              "dW3 = 1/m dZ3 A2^T + lambda/m W3"));
}

TEST_CASE("backward_propagation_with_regularization: the gradient of the regularized cost",
          "[course2.backward_propagation_with_regularization]") {
  const Net net = random_net(4, 6, 5, 9, 11);
  const double lambd = 0.9;
  const Forward f = forward_propagation(net.X, net.parameters);
  const Gradients g = backward_propagation_with_regularization(net.X, net.Y, f.cache, lambd);
  check_gradients(
      net.parameters, g,
      [&](const Parameters& p) {
        return compute_cost_with_regularization(forward_propagation(net.X, p).a3, net.Y, p, lambd);
      },
      "J = cross-entropy + 1/m lambda/2 sum |W|^2");
}

TEST_CASE("backward_propagation_with_regularization: the plain gradients plus lambda/m W",
          "[course2.backward_propagation_with_regularization]") {
  const Net net = random_net(3, 7, 4, 6, 5);
  const double m = 6.0, lambd = 2.5;
  const Forward f = forward_propagation(net.X, net.parameters);
  const Gradients plain = backward_propagation(net.X, net.Y, f.cache);
  const Gradients g = backward_propagation_with_regularization(net.X, net.Y, f.cache, lambd);
  const Gradients none = backward_propagation_with_regularization(net.X, net.Y, f.cache, 0.0);
  for (std::size_t l = 1; l <= 3; ++l) {
    INFO("layer " << l);
    CHECK_THAT(none.dW[l], IsClose(plain.dW[l], 1e-12, "lambda = 0: dW = 1/m dZ A^T"));
    CHECK_THAT(g.dW[l], IsClose(plain.dW[l] + lambd / m * net.parameters.W[l], 1e-12,
                                "dW = 1/m dZ A^T + lambda/m W"));
    CHECK_THAT(g.db[l], IsClose(plain.db[l], 1e-12, "db = 1/m sum(dZ): no lambda term"));
    CHECK_THAT(g.dZ[l], IsClose(plain.dZ[l] * m, 1e-12, "dZ3 = A3 - Y, dZ = dA * (A > 0)"));
  }
  CHECK_THAT(g.dA[2], IsClose(plain.dA[2] * m, 1e-12, "dA2 = W3^T dZ3"));
  CHECK_THAT(g.dA[1], IsClose(plain.dA[1] * m, 1e-12, "dA1 = W2^T dZ2"));
}

TEST_CASE("backward_propagation_with_regularization: bad input is refused",
          "[course2.backward_propagation_with_regularization]") {
  const Net net = random_net(3, 4, 2, 5, 2);
  const Forward f = forward_propagation(net.X, net.parameters);
  CHECK_THROWS_WITH(backward_propagation_with_regularization(net.X, net.Y, f.cache, -1.0),
                    Contains("lambd is -1.0"));
  CHECK_THROWS_AS(
      backward_propagation_with_regularization(net.X.cols_range(0, 4), net.Y, f.cache, 0.1),
      dlc::ShapeError);
  CHECK_THROWS_AS(backward_propagation_with_regularization(net.X, Matrix{{1, 0}}, f.cache, 0.1),
                  dlc::ShapeError);
}

// ---- C2 1.6 forward with dropout --------------------------------------------------------------

TEST_CASE("forward_propagation_with_dropout: the notebook's case, keep_prob = 0.7",
          "[course2.forward_propagation_with_dropout]") {
  const NotebookCase c = notebook_case(true);
  const Forward f = forward_propagation_with_dropout(c.X, c.parameters, 0.7);
  CHECK_THAT(f.a3, IsClose(Matrix{{0.36974721, 0.00305176, 0.04565099, 0.49683389, 0.36974721}},
                           1e-8, "A3 = sigmoid(W3 A2 + b3), A1 and A2 with dropout"));
}

TEST_CASE(
    "forward_propagation_with_dropout: D1 then D2 from RandomState(1), A = relu(Z) * D / "
    "keep_prob",
    "[course2.forward_propagation_with_dropout]") {
  const Net net = random_net(3, 6, 4, 9, 3);
  const double keep_prob = 0.6;
  const Forward f = forward_propagation_with_dropout(net.X, net.parameters, keep_prob);
  const Cache& c = f.cache;
  RandomState rng(1);  // np.random.seed(1), then D1 = rand(6, 9) < keep_prob, D2 = rand(4, 9) < ...
  const Matrix D1 = rng.bernoulli_mask(6, 9, keep_prob);
  const Matrix D2 = rng.bernoulli_mask(4, 9, keep_prob);
  REQUIRE(c.D.size() == 3);
  CHECK_THAT(c.D[1], IsClose(D1, 0.0, "D1 = rand(A1.shape) < keep_prob, drawn first"));
  CHECK_THAT(c.D[2], IsClose(D2, 0.0, "D2 = rand(A2.shape) < keep_prob, drawn after D1"));
  const auto& W = net.parameters.W;
  const auto& b = net.parameters.b;
  const Matrix Z1 = dlc::dot(W[1], net.X) + b[1];
  const Matrix A1 = relu(Z1) * D1 / keep_prob;
  const Matrix Z2 = dlc::dot(W[2], A1) + b[2];
  const Matrix A2 = relu(Z2) * D2 / keep_prob;
  const Matrix Z3 = dlc::dot(W[3], A2) + b[3];
  CHECK_THAT(c.Z[1], IsClose(Z1, 1e-12, "Z1 = W1 X + b1"));
  CHECK_THAT(c.A[1], IsClose(A1, 1e-12, "A1 = relu(Z1) * D1 / keep_prob"));
  CHECK_THAT(c.Z[2], IsClose(Z2, 1e-12, "Z2 = W2 A1 + b2"));
  CHECK_THAT(c.A[2], IsClose(A2, 1e-12, "A2 = relu(Z2) * D2 / keep_prob"));
  CHECK_THAT(c.Z[3], IsClose(Z3, 1e-12, "Z3 = W3 A2 + b3"));
  CHECK_THAT(f.a3, IsClose(sigmoid(Z3), 1e-12, "A3 = sigmoid(Z3), no dropout on the output"));
  CHECK_THAT(c.A[3], IsClose(sigmoid(Z3), 1e-12, "the cache's A3 is a3"));
  // np.random.seed(1) at the top of every call: the same masks again.
  const Forward again = forward_propagation_with_dropout(net.X, net.parameters, keep_prob);
  CHECK_THAT(again.cache.D[1], IsClose(D1, 0.0, "the same D1 on every call"));
}

TEST_CASE("forward_propagation_with_dropout: keeps about keep_prob of the units and E[A]",
          "[course2.forward_propagation_with_dropout]") {
  const Net net = random_net(5, 40, 30, 500, 8);
  const double keep_prob = 0.8;
  const Forward f = forward_propagation_with_dropout(net.X, net.parameters, keep_prob);
  // 20000 and 15000 draws: the share's standard deviation is about 0.003.
  INFO("share of D1 kept: " << share(f.cache.D[1]) << ", of D2: " << share(f.cache.D[2]));
  CHECK(std::abs(share(f.cache.D[1]) - keep_prob) < 0.015);
  CHECK(std::abs(share(f.cache.D[2]) - keep_prob) < 0.015);
  // Inverted dropout: the mean of A1 over its 20000 entries stays that of relu(Z1).
  const double before = dlc::mean(relu(f.cache.Z[1]));
  const double after = dlc::mean(f.cache.A[1]);
  INFO("mean of relu(Z1): " << before << ", of A1 after dropout: " << after);
  CHECK(std::abs(after / before - 1.0) < 0.03);
  // keep_prob = 1 keeps everything: the plain forward propagation.
  const Forward all = forward_propagation_with_dropout(net.X, net.parameters, 1.0);
  const Forward plain = forward_propagation(net.X, net.parameters);
  CHECK(share(all.cache.D[1]) == 1.0);
  CHECK_THAT(all.a3, IsClose(plain.a3, 1e-12, "keep_prob = 1: no unit shut down"));
}

TEST_CASE("forward_propagation_with_dropout: bad input is refused",
          "[course2.forward_propagation_with_dropout]") {
  const Net net = random_net(3, 4, 2, 5, 2);
  CHECK_THROWS_WITH(forward_propagation_with_dropout(net.X, net.parameters, 0.0),
                    Contains("keep_prob is 0.0"));
  CHECK_THROWS_WITH(forward_propagation_with_dropout(net.X, net.parameters, 1.5),
                    Contains("keep_prob is 1.5"));
  CHECK_THROWS_AS(forward_propagation_with_dropout(net.X.transposed(), net.parameters, 0.5),
                  dlc::ShapeError);
}

// ---- C2 1.6 backward with dropout -------------------------------------------------------------

TEST_CASE("backward_propagation_with_dropout: the gradient of the network the masks made",
          "[course2.backward_propagation_with_dropout]") {
  // Masks that RandomState(1) would not draw: a backward pass that draws its own shows.
  const Net net = random_net(4, 6, 5, 8, 21);
  const double keep_prob = 0.75;
  RandomState other(7);
  const Matrix D1 = other.bernoulli_mask(6, 8, keep_prob);
  const Matrix D2 = other.bernoulli_mask(5, 8, keep_prob);
  const Forward f = forward_with_masks(net.X, net.parameters, D1, D2, keep_prob);
  const Gradients g = backward_propagation_with_dropout(net.X, net.Y, f.cache, keep_prob);
  check_gradients(
      net.parameters, g,
      [&](const Parameters& p) {
        return compute_cost(forward_with_masks(net.X, p, D1, D2, keep_prob).a3, net.Y);
      },
      "J of the network with the cache's masks D1, D2");
  const auto& W = net.parameters.W;
  const Matrix dZ3 = f.a3 - net.Y;
  const Matrix dA2 = dlc::dot(W[3].T(), dZ3) * D2 / keep_prob;
  CHECK_THAT(g.dA[2], IsClose(dA2, 1e-12, "dA2 = W3^T dZ3 * D2 / keep_prob"));
  const Matrix dZ2 = dA2 * dlc::greater(f.cache.A[2], 0.0);
  CHECK_THAT(g.dA[1], IsClose(dlc::dot(W[2].T(), dZ2) * D1 / keep_prob, 1e-12,
                              "dA1 = W2^T dZ2 * D1 / keep_prob"));
}

TEST_CASE(
    "backward_propagation_with_dropout: masks of ones and keep_prob = 1 give the plain "
    "gradients",
    "[course2.backward_propagation_with_dropout]") {
  const Net net = random_net(3, 7, 4, 6, 5);
  const Forward f =
      forward_with_masks(net.X, net.parameters, Matrix(7, 6, 1.0), Matrix(4, 6, 1.0), 1.0);
  const Gradients plain = backward_propagation(net.X, net.Y, f.cache);
  const Gradients g = backward_propagation_with_dropout(net.X, net.Y, f.cache, 1.0);
  for (std::size_t l = 1; l <= 3; ++l) {
    INFO("layer " << l);
    CHECK_THAT(g.dW[l], IsClose(plain.dW[l], 1e-12, "dW = 1/m dZ A^T"));
    CHECK_THAT(g.db[l], IsClose(plain.db[l], 1e-12, "db = 1/m sum(dZ)"));
  }
}

TEST_CASE("backward_propagation_with_dropout: bad input is refused",
          "[course2.backward_propagation_with_dropout]") {
  const Net net = random_net(3, 4, 2, 5, 2);
  const Forward plain = forward_propagation(net.X, net.parameters);
  CHECK_THROWS_WITH(backward_propagation_with_dropout(net.X, net.Y, plain.cache, 0.5),
                    Contains("dropout masks"));
  const Forward f = forward_propagation_with_dropout(net.X, net.parameters, 0.5);
  CHECK_THROWS_WITH(backward_propagation_with_dropout(net.X, net.Y, f.cache, 0.0),
                    Contains("keep_prob is 0.0"));
  CHECK_THROWS_AS(backward_propagation_with_dropout(net.X, Matrix{{1, 0, 1}}, f.cache, 0.5),
                  dlc::ShapeError);
}

// ---- Given code: initialize_parameters, model, load_2D_dataset --------------------------------

TEST_CASE("initialize_parameters: randn / sqrt(n[l-1]) after seed 3, as numpy draws them",
          "[given]") {
  const Parameters p = initialize_parameters({2, 20, 3, 1});
  REQUIRE(p.L() == 3);
  CHECK(p.W[1].shape() == dlc::Shape{20, 2});
  const Matrix W1_top{{p.W[1](0, 0), p.W[1](0, 1)}, {p.W[1](1, 0), p.W[1](1, 1)}};
  CHECK_THAT(W1_top, IsClose(Matrix{{1.26475132, 0.30865908}, {0.06823401, -1.31768833}}, 1e-8,
                             "W1 = randn(20, 2) / sqrt(2), its first two rows"));
  CHECK_THAT(p.W[3], IsClose(Matrix{{0.5047691, -0.74682372, -0.04603845}}, 1e-8,
                             "W3 = randn(1, 3) / sqrt(3)"));
  CHECK(dlc::max_abs_diff(p.b[2], Matrix::zeros(3, 1)) == 0.0);
}

TEST_CASE("model: bad settings are refused with one clear message", "[given]") {
  const Net net = random_net(2, 3, 2, 6, 4);
  std::ostringstream out;
  const auto run = [&](double lambd, double keep_prob) {
    return model(net.X, net.Y, 0.3, 3, false, lambd, keep_prob, out);
  };
  CHECK_THROWS_WITH(run(0.0, 0.0), Contains("model: keep_prob is 0.0"));
  CHECK_THROWS_WITH(run(0.0, 1.2), Contains("keep_prob is 1.2"));
  CHECK_THROWS_WITH(run(-0.5, 1.0), Contains("lambd is -0.5"));
  CHECK_THROWS_WITH(run(0.7, 0.86), Contains("one regularization at a time"));
  CHECK_THROWS_AS(model(net.X, net.Y.cols_range(0, 5), 0.3, 3, false, 0.0, 1.0, out),
                  dlc::ShapeError);
  CHECK_THROWS_AS(model(net.X, net.Y, -0.3, 3, false, 0.0, 1.0, out), std::invalid_argument);
  ModelOptions options;
  options.hidden = {0, 3};
  CHECK_THROWS_WITH(train_model(net.X, net.Y, options, out), Contains("layers_dims[1] is 0"));
  CHECK(out.str().empty());
}

TEST_CASE("model: a cost that turns NaN stops training, naming the iteration", "[given]") {
  const Net net = random_net(2, 3, 2, 6, 4);
  std::ostringstream out;
  // A huge step blows the weights up; their squares overflow and the L2 term becomes NaN.
  CHECK_THROWS_AS(model(net.X, net.Y, 1e4, 100, false, 0.7, 1.0, out), dlc::TrainingDiverged);
}

TEST_CASE("model: prints every 10000th cost, keeps every 1000th, calls the observer", "[given]") {
  const Net net = random_net(2, 3, 2, 6, 4);
  std::ostringstream out;
  ModelOptions options;
  options.num_iterations = 10001;
  options.lambd = 0.1;
  std::vector<double> seen;
  options.observe = [&seen](int, const Parameters&, double cost) { seen.push_back(cost); };
  const Trained t = train_model(net.X, net.Y, options, out);
  REQUIRE(seen.size() == 10001);
  REQUIRE(t.costs.size() == 11);
  CHECK(t.costs[1] == seen[1000]);
  CHECK(out.str() == "Cost after iteration 0: " + dlc::python_repr(seen[0]) +
                         "\nCost after iteration 10000: " + dlc::python_repr(seen[10000]) + "\n");
}

TEST_CASE("load_2D_dataset: a file whose labels are not 0/1 or do not match is refused",
          "[given]") {
  dlc::TempDir dir("dlc-reg2d");
  const Matrix X{{0.1, 0.2}, {0.3, 0.4}, {0.5, 0.6}};
  const auto write = [&](const Matrix& y) {
    dlc::testing::write_bytes(
        dir.file("data.mat"),
        dlc::testing::mat5_bytes({{"X", X}, {"y", y}, {"Xval", X}, {"yval", y}}));
  };
  write(Matrix{{1}, {0}, {1}});
  const Dataset d = load_2D_dataset(dir.path().string());
  CHECK_THAT(d.train_X, IsClose(X.transposed(), 0.0, "train_X = X.T"));
  CHECK_THAT(d.test_Y, IsClose(Matrix{{1, 0, 1}}, 0.0, "test_Y = yval.T"));
  write(Matrix{{1}, {2}, {1}});
  CHECK_THROWS_WITH(load_2D_dataset(dir.path().string()),
                    Contains("data.mat: y(2) is 2.0; labels must be 0 or 1"));
  write(Matrix{{1}, {0}});
  CHECK_THROWS_WITH(load_2D_dataset(dir.path().string()),
                    Contains("y holds 2 labels but the points are 3"));
  CHECK_THROWS_WITH(load_2D_dataset(dir.file("none")), Contains("no such file"));
}

// ---- The notebook's data and its three runs (../shared/data/reg2d) ----------------------------

#define DLC_REG2D(dir)                                     \
  const auto dir = dlc::testing::shared_data_dir("reg2d"); \
  DLC_REQUIRE_DATA(                                        \
      dir, "the regularization notebook's data.mat (../shared/data/reg2d or $DLC_SHARED_DATA)")

TEST_CASE("load_2D_dataset: X.T, y.T, Xval.T, yval.T of the notebook's data.mat", "[reg2d]") {
  DLC_REG2D(dir);
  const Dataset d = load_2D_dataset(*dir);
  CHECK(d.train_X.shape() == dlc::Shape{2, 211});
  CHECK(d.train_Y.shape() == dlc::Shape{1, 211});
  CHECK(d.test_X.shape() == dlc::Shape{2, 200});
  CHECK(d.test_Y.shape() == dlc::Shape{1, 200});
  // The first lines of train.csv and test.csv.
  CHECK(d.train_X(0, 0) == -0.158986);
  CHECK(d.train_X(1, 0) == 0.423977);
  CHECK(d.train_Y(0, 0) == 1.0);
  CHECK(d.test_X(0, 1) == -0.22712580445463926);
  CHECK(d.test_X(1, 1) == 0.44731975952748404);
  CHECK(d.test_Y(0, 0) == 0.0);
}

namespace {

// Runs the notebook's model on its data and checks the printed costs (6 decimals) and the two
// accuracies (exactly).
void check_run(const std::string& dir, double lambd, double keep_prob,
               const std::vector<double>& costs, const std::string& train_accuracy,
               const std::string& test_accuracy) {
  const Dataset d = load_2D_dataset(dir);
  std::ostringstream out;
  const Trained t = model(d.train_X, d.train_Y, 0.3, 30000, true, lambd, keep_prob, out);
  std::ostringstream expected;
  for (std::size_t k = 0; k < costs.size(); ++k)
    expected << "Cost after iteration " << 10000 * k << ": " << dlc::percent_f(costs[k]) << "\n";
  std::ostringstream printed;
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) {
    const auto colon = line.rfind(": ");
    printed << line.substr(0, colon + 2) << dlc::percent_f(std::stod(line.substr(colon + 2)))
            << "\n";
  }
  INFO("the notebook prints (to 6 decimals)\n" << expected.str() << "got\n" << out.str());
  CHECK(printed.str() == expected.str());
  CHECK(t.costs.size() == 30);
  std::ostringstream train, test;
  predict(d.train_X, d.train_Y, t.parameters, train);
  predict(d.test_X, d.test_Y, t.parameters, test);
  CHECK(train.str() == "Accuracy: " + train_accuracy + "\n");
  CHECK(test.str() == "Accuracy: " + test_accuracy + "\n");
}

}  // namespace

TEST_CASE("model without regularization: the notebook's run", "[reg2d]") {
  DLC_REG2D(dir);
  check_run(*dir, 0.0, 1.0, {0.6557412523481002, 0.16329987525724188, 0.13851642423250857},
            "0.9478672985781991", "0.915");
}

TEST_CASE("model with L2 regularization, lambd = 0.7: the notebook's run", "[reg2d]") {
  DLC_REG2D(dir);
  check_run(*dir, 0.7, 1.0, {0.6974484493131264, 0.2684918873282239, 0.26809163371273015},
            "0.9383886255924171", "0.93");
}

TEST_CASE("model with dropout, keep_prob = 0.86: the notebook's run", "[reg2d]") {
  DLC_REG2D(dir);
  check_run(*dir, 0.0, 0.86, {0.6543912405149825, 0.0610169865749056, 0.060582435798513114},
            "0.9289099526066351", "0.95");
}
