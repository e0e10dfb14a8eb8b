// Tests of lectures C2 2.1-2.2: gradient descent's update and the notebook's mini-batches.
#include <catch2/catch.hpp>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "common/random.hpp"
#include "course2/mini_batch.hpp"
#include "tests/support/compare.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::course2;
using namespace dlc::course2::mini_batch;

namespace {

/// Parameters of layers [4, 3, 2, 1] and gradients of their shapes, all drawn at random.
struct Problem {
  Parameters parameters;
  Gradients grads;
};
Problem three_layers() {
  dlc::RandomState rng(5);
  Problem p;
  p.parameters.W = {Matrix(), rng.randn(3, 4), rng.randn(2, 3), rng.randn(1, 2)};
  p.parameters.b = {Matrix(), rng.randn(3, 1), rng.randn(2, 1), rng.randn(1, 1)};
  p.grads.dW = {Matrix(), rng.randn(3, 4), rng.randn(2, 3), rng.randn(1, 2)};
  p.grads.db = {Matrix(), rng.randn(3, 1), rng.randn(2, 1), rng.randn(1, 1)};
  return p;
}

/// X whose column j holds j and -j, and Y whose entry j is j: any mini-batch tells which
/// example each column came from.
struct Numbered {
  Matrix X, Y;
};
Numbered numbered(std::size_t m) {
  Numbered d{Matrix(2, m), Matrix(1, m)};
  for (std::size_t j = 0; j < m; ++j) {
    d.X(0, j) = static_cast<double>(j);
    d.X(1, j) = -static_cast<double>(j);
    d.Y(0, j) = static_cast<double>(j);
  }
  return d;
}

}  // namespace

TEST_CASE("update_parameters_with_gd: W - alpha dW and b - alpha db on every layer",
          "[course2.update_parameters_with_gd]") {
  const Problem p = three_layers();
  const double alpha = 0.01;
  const Parameters updated = update_parameters_with_gd(p.parameters, p.grads, alpha);
  REQUIRE(updated.W.size() == 4);
  REQUIRE(updated.b.size() == 4);
  for (std::size_t l = 1; l <= 3; ++l) {
    INFO("layer " << l);
    CHECK_THAT(updated.W[l],
               IsClose(p.parameters.W[l] - alpha * p.grads.dW[l], 1e-15, "W = W - alpha dW"));
    CHECK_THAT(updated.b[l],
               IsClose(p.parameters.b[l] - alpha * p.grads.db[l], 1e-15, "b = b - alpha db"));
  }
}

TEST_CASE("update_parameters_with_gd: a hand-computed step, and the caller's copy untouched",
          "[course2.update_parameters_with_gd]") {
  Parameters parameters;
  parameters.W = {Matrix(), Matrix{{1, 2, 3}, {4, 5, 6}}};
  parameters.b = {Matrix(), Matrix{{1}, {-1}}};
  Gradients grads;
  grads.dW = {Matrix(), Matrix{{10, 0, -10}, {20, 30, 40}}};
  grads.db = {Matrix(), Matrix{{2}, {4}}};
  const Parameters before = parameters;
  const Parameters updated = update_parameters_with_gd(parameters, grads, 0.5);
  CHECK_THAT(updated.W[1], IsClose(Matrix{{-4, 2, 8}, {-6, -10, -14}}, 0.0, "W - 0.5 dW"));
  CHECK_THAT(updated.b[1], IsClose(Matrix{{0}, {-3}}, 0.0, "b - 0.5 db"));
  CHECK_THAT(parameters.W[1], IsClose(before.W[1], 0.0, "the caller's W, unchanged"));
}

TEST_CASE("update_parameters_with_gd: bad input is refused",
          "[course2.update_parameters_with_gd]") {
  Problem p = three_layers();
  CHECK_THROWS_AS(update_parameters_with_gd(p.parameters, p.grads, 0.0), std::invalid_argument);
  p.grads.dW[2] = Matrix(3, 2);
  CHECK_THROWS_WITH(update_parameters_with_gd(p.parameters, p.grads, 0.1),
                    Catch::Contains("layer 2") && Catch::Contains("(3, 2)"));
  p = three_layers();
  p.grads.db.pop_back();
  CHECK_THROWS_AS(update_parameters_with_gd(p.parameters, p.grads, 0.1), dlc::ShapeError);
}

TEST_CASE("random_mini_batches: the notebook's check, 148 examples in mini-batches of 64",
          "[course2.random_mini_batches]") {
  dlc::RandomState rng(1);  // np.random.seed(1)
  const Matrix X = rng.randn(12288, 148);
  const Matrix Y = dlc::greater(0.5 - rng.randn(1, 148), 0.0);  // randn(1, 148) < 0.5
  const std::vector<MiniBatch> mini_batches = random_mini_batches(X, Y, 64);
  REQUIRE(mini_batches.size() == 3);
  CHECK(mini_batches[0].mini_batch_X.shape() == dlc::Shape{12288, 64});
  CHECK(mini_batches[1].mini_batch_X.shape() == dlc::Shape{12288, 64});
  CHECK(mini_batches[2].mini_batch_X.shape() == dlc::Shape{12288, 20});
  CHECK(mini_batches[0].mini_batch_Y.shape() == dlc::Shape{1, 64});
  CHECK(mini_batches[1].mini_batch_Y.shape() == dlc::Shape{1, 64});
  CHECK(mini_batches[2].mini_batch_Y.shape() == dlc::Shape{1, 20});
  // from the notebook: mini_batches[0][0][0][0:3] = [ 0.90085595 -0.7612069   0.2344157 ]
  const Matrix& first = mini_batches[0].mini_batch_X;
  const Matrix first_three{{first(0, 0), first(0, 1), first(0, 2)}};
  CHECK_THAT(first_three, IsClose(Matrix{{0.90085595, -0.7612069, 0.2344157}}, 1e-8,
                                  "the first three entries of the first mini-batch's first row"));
}

TEST_CASE("random_mini_batches: X and Y in one order, numpy's permutation of the seed",
          "[course2.random_mini_batches]") {
  const Numbered d = numbered(10);
  const std::vector<MiniBatch> mini_batches = random_mini_batches(d.X, d.Y, 4, 3);
  dlc::RandomState rng(3);
  const std::vector<std::size_t> order = rng.permutation(10);
  REQUIRE(mini_batches.size() == 3);
  std::size_t k = 0;
  for (const MiniBatch& b : mini_batches) {
    for (std::size_t j = 0; j < b.mini_batch_X.cols(); ++j, ++k) {
      INFO("column " << j << " of a mini-batch, example " << k << " of the shuffle");
      CHECK(b.mini_batch_X(0, j) == static_cast<double>(order[k]));
      CHECK(b.mini_batch_X(1, j) == -static_cast<double>(order[k]));
      CHECK(b.mini_batch_Y(0, j) == static_cast<double>(order[k]));  // the label stays with it
    }
  }
  CHECK(k == 10);
  bool moved = false;  // the permutation of seed 3 is not the identity
  for (std::size_t j = 0; j < 10; ++j) moved |= order[j] != j;
  CHECK(moved);
}

TEST_CASE("random_mini_batches: complete mini-batches, then the rest, every example once",
          "[course2.random_mini_batches]") {
  struct Case {
    std::size_t m;
    int size;
    std::vector<std::size_t> sizes;
  };
  for (const Case& c :
       {Case{148, 64, {64, 64, 20}}, Case{128, 64, {64, 64}}, Case{7, 1, {1, 1, 1, 1, 1, 1, 1}},
        Case{5, 8, {5}}, Case{9, 3, {3, 3, 3}}}) {
    INFO("m = " << c.m << ", mini_batch_size = " << c.size);
    const Numbered d = numbered(c.m);
    const std::vector<MiniBatch> mini_batches = random_mini_batches(d.X, d.Y, c.size, 0);
    REQUIRE(mini_batches.size() == c.sizes.size());
    std::vector<int> seen(c.m, 0);
    for (std::size_t k = 0; k < mini_batches.size(); ++k) {
      CHECK(mini_batches[k].mini_batch_X.cols() == c.sizes[k]);
      CHECK(mini_batches[k].mini_batch_Y.cols() == c.sizes[k]);
      for (std::size_t j = 0; j < mini_batches[k].mini_batch_Y.cols(); ++j)
        ++seen[static_cast<std::size_t>(mini_batches[k].mini_batch_Y(0, j))];
    }
    for (std::size_t j = 0; j < c.m; ++j) CHECK(seen[j] == 1);
  }
}

TEST_CASE("random_mini_batches: the seed decides the order", "[course2.random_mini_batches]") {
  const Numbered d = numbered(50);
  const auto a = random_mini_batches(d.X, d.Y, 16, 11);
  const auto b = random_mini_batches(d.X, d.Y, 16, 12);
  const auto again = random_mini_batches(d.X, d.Y, 16, 11);
  CHECK_THAT(a[0].mini_batch_Y,
             IsClose(again[0].mini_batch_Y, 0.0, "the same seed, the same order"));
  CHECK(dlc::max_abs_diff(a[0].mini_batch_Y, b[0].mini_batch_Y) > 0.0);
}

TEST_CASE("random_mini_batches: bad input is refused", "[course2.random_mini_batches]") {
  const Numbered d = numbered(10);
  CHECK_THROWS_WITH(random_mini_batches(d.X, d.Y, 0), Catch::Contains("mini_batch_size is 0"));
  CHECK_THROWS_AS(random_mini_batches(d.X, d.Y, -3), std::invalid_argument);
  CHECK_THROWS_AS(random_mini_batches(d.X, Matrix(1, 9), 4), dlc::ShapeError);
  CHECK_THROWS_AS(random_mini_batches(d.X, Matrix(2, 10), 4), dlc::ShapeError);
  CHECK_THROWS_AS(random_mini_batches(Matrix(2, 0), Matrix(1, 0), 4), dlc::ShapeError);
}
