// Tests of lecture C2 1.9: normalizing the inputs with the training set's mean and standard
// deviation, and the same two numbers for the test set.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "common/random.hpp"
#include "course2/normalizing_inputs.hpp"
#include "tests/support/compare.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::course2::normalizing_inputs;

namespace {

// Three features, five examples. Per feature (row): means 3, 2, 2; spreads after centering
// sqrt(2), 4, sqrt(8). Per example (column) the means are 1/3, 2/3, 5/3, 8/3, 7: a mean over
// the wrong axis differs in shape and value. Before centering the mean squares are 11, 20, 12,
// so a variance taken before subtracting mu differs too; and sigma^2 (2, 16, 8) differs from
// sigma in every row.
const Matrix kTrain{{1, 2, 3, 4, 5}, {0, 0, 0, 0, 10}, {-2, 0, 2, 4, 6}};
const Matrix kMu{{3.0}, {2.0}, {2.0}};
const Matrix kSigma{{std::sqrt(2.0)}, {4.0}, {std::sqrt(8.0)}};

// A test set from elsewhere: its own means (1.5, 5, -1) and spreads differ from kTrain's.
const Matrix kTest{{0, 3, 1, 2}, {10, 0, 2, 8}, {-4, 1, 0, -1}};

// (x - mu) / sigma entry by entry, by loops: the expectation, computed without the code tested.
Matrix by_hand(const Matrix& X, const Matrix& mu, const Matrix& sigma) {
  Matrix out(X.rows(), X.cols());
  for (std::size_t j = 0; j < X.rows(); ++j)
    for (std::size_t i = 0; i < X.cols(); ++i) out(j, i) = (X(j, i) - mu(j, 0)) / sigma(j, 0);
  return out;
}

// Each row's mean and mean square, by loops.
Matrix row_means(const Matrix& X, bool squared) {
  Matrix out(X.rows(), 1);
  for (std::size_t j = 0; j < X.rows(); ++j) {
    double s = 0.0;
    for (std::size_t i = 0; i < X.cols(); ++i) s += squared ? X(j, i) * X(j, i) : X(j, i);
    out(j, 0) = s / static_cast<double>(X.cols());
  }
  return out;
}

// Features on very different scales and offsets: (4, 9), seeded.
Matrix scaled_features() {
  dlc::RandomState rng(7);
  Matrix X = rng.randn(4, 9);
  const double scale[4] = {1.0, 100.0, 0.01, 5.0}, shift[4] = {0.0, 300.0, -2.0, 40.0};
  for (std::size_t j = 0; j < 4; ++j)
    for (std::size_t i = 0; i < 9; ++i) X(j, i) = scale[j] * X(j, i) + shift[j];
  return X;
}

}  // namespace

TEST_CASE("normalization_parameters: a (3, 5) case by hand", "[course2.normalization_parameters]") {
  const auto [mu, sigma] = normalization_parameters(kTrain);
  CHECK_THAT(mu, IsClose(kMu, 1e-14, "mu = 1/m sum_i x(i), one mean per feature (row)"));
  CHECK_THAT(sigma, IsClose(kSigma, 1e-14,
                            "sigma = sqrt(1/m sum_i (x(i) - mu)^2): the standard deviation, "
                            "not sigma^2, of the centered values"));
}

TEST_CASE("normalization_parameters: each feature then has mean 0 and mean square 1",
          "[course2.normalization_parameters]") {
  const Matrix X = scaled_features();
  const auto [mu, sigma] = normalization_parameters(X);
  REQUIRE(mu.shape() == dlc::Shape{4, 1});
  REQUIRE(sigma.shape() == dlc::Shape{4, 1});
  const Matrix normalized = by_hand(X, mu, sigma);
  CHECK_THAT(row_means(normalized, false),
             IsClose(Matrix::zeros(4, 1), 1e-12, "mean of (x - mu) / sigma is 0"));
  CHECK_THAT(row_means(normalized, true),
             IsClose(Matrix::ones(4, 1), 1e-12, "mean of ((x - mu) / sigma)^2 is 1"));
}

TEST_CASE("normalization_parameters: a constant feature gets sigma = 1",
          "[course2.normalization_parameters]") {
  // 0.1 seven times: its computed mean need not be exactly 0.1, so the computed variance need
  // not be exactly 0; sigma must still be 1, not a tiny number.
  Matrix X{
      {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, {1, 2, 3, 4, 5, 6, 7}, {-3, -3, -3, -3, -3, -3, -3}};
  const auto [mu, sigma] = normalization_parameters(X);
  CHECK(sigma(0, 0) == 1.0);
  CHECK(sigma(1, 0) == Approx(2.0).epsilon(1e-14));  // the mean square of -3..3 is 4
  CHECK(sigma(2, 0) == 1.0);
  CHECK(mu(0, 0) == Approx(0.1).epsilon(1e-14));
  CHECK(mu(2, 0) == -3.0);
  SECTION("one example: every feature is constant") {
    const auto [mu1, sigma1] = normalization_parameters(Matrix{{4.0}, {-1.0}});
    CHECK_THAT(mu1, IsClose(Matrix{{4.0}, {-1.0}}, 0.0, "mu of one example is the example"));
    CHECK_THAT(sigma1, IsClose(Matrix::ones(2, 1), 0.0, "sigma of a constant feature is 1"));
  }
}

TEST_CASE("normalization_parameters: an empty training set is refused",
          "[course2.normalization_parameters]") {
  CHECK_THROWS_AS(normalization_parameters(Matrix(3, 0)), dlc::ShapeError);
  CHECK_THROWS_WITH(normalization_parameters(Matrix(0, 5)),
                    Catch::Contains("X_train is (0, 5) but must be (n_x, m)"));
}

TEST_CASE("normalize_inputs: (x - mu) / sigma with the numbers given",
          "[course2.normalize_inputs]") {
  // mu and sigma are not X's own: the function must use what it is given.
  const Matrix mu{{1.0}, {10.0}, {-2.0}};
  const Matrix sigma{{2.0}, {0.5}, {4.0}};
  const Matrix expected{
      {0.0, 0.5, 1.0, 1.5, 2.0}, {-20.0, -20.0, -20.0, -20.0, 0.0}, {0.0, 0.5, 1.0, 1.5, 2.0}};
  CHECK_THAT(normalize_inputs(kTrain, mu, sigma),
             IsClose(expected, 1e-15, "(x - mu) / sigma, mu and sigma one per feature (row)"));
}

TEST_CASE("normalize_inputs: the test set goes through the training set's mu and sigma",
          "[course2.normalize_inputs]") {
  const Matrix normalized = normalize_inputs(kTest, kMu, kSigma);
  CHECK_THAT(normalized, IsClose(by_hand(kTest, kMu, kSigma), 1e-14,
                                 "(x_test - mu_train) / sigma_train: never recomputed on the test "
                                 "set"));
  // The test set's own statistics would have centered it; the training set's do not.
  CHECK(std::abs(row_means(normalized, false)(1, 0)) > 0.5);
  SECTION("a single test example is moved, not zeroed") {
    const Matrix one{{5.0}, {2.0}, {2.0 + std::sqrt(8.0)}};
    CHECK_THAT(normalize_inputs(one, kMu, kSigma),
               IsClose(Matrix{{std::sqrt(2.0)}, {0.0}, {1.0}}, 1e-14,
                       "(x - mu_train) / sigma_train of one example"));
  }
}

TEST_CASE("normalize_inputs: shapes and sigmas are checked", "[course2.normalize_inputs]") {
  CHECK_THROWS_WITH(normalize_inputs(kTrain, Matrix(1, 3), kSigma),
                    "normalize_inputs: X is (3, 5), mu is (1, 3) and sigma is (3, 1) but mu and "
                    "sigma must both be (3, 1), one number per feature (row) of X");
  CHECK_THROWS_AS(normalize_inputs(kTrain, kMu, Matrix(3, 5)), dlc::ShapeError);
  CHECK_THROWS_AS(normalize_inputs(kTrain, Matrix(2, 1), Matrix(2, 1)), dlc::ShapeError);
  Matrix zero = kSigma;
  zero(1, 0) = 0.0;
  CHECK_THROWS_WITH(normalize_inputs(kTrain, kMu, zero),
                    Catch::StartsWith("normalize_inputs: sigma of feature 1 is 0"));
  Matrix negative = kSigma;
  negative(2, 0) = -1.0;
  CHECK_THROWS_AS(normalize_inputs(kTrain, kMu, negative), std::invalid_argument);
  Matrix nan = kSigma;
  nan(0, 0) = std::numeric_limits<double>::quiet_NaN();
  CHECK_THROWS_AS(normalize_inputs(kTrain, kMu, nan), std::invalid_argument);
}

TEST_CASE("normalize_train_test: both sets through the training set's mu and sigma",
          "[course2.normalize_train_test]") {
  const NormalizedSets sets = normalize_train_test(kTrain, kTest);
  CHECK_THAT(sets.mu, IsClose(kMu, 1e-14, "mu from the training set"));
  CHECK_THAT(sets.sigma, IsClose(kSigma, 1e-14, "sigma from the training set"));
  CHECK_THAT(sets.train_X, IsClose(by_hand(kTrain, kMu, kSigma), 1e-14, "(x_train - mu) / sigma"));
  CHECK_THAT(sets.test_X, IsClose(by_hand(kTest, kMu, kSigma), 1e-14,
                                  "(x_test - mu_train) / sigma_train, not the test set's own"));
  CHECK_THAT(row_means(sets.train_X, true),
             IsClose(Matrix::ones(3, 1), 1e-14, "the training set's mean square is 1"));
}

TEST_CASE("normalize_train_test: sets of different features are refused",
          "[course2.normalize_train_test]") {
  CHECK_THROWS_WITH(normalize_train_test(kTrain, Matrix(2, 4)),
                    Catch::Contains("train_X is (3, 5) and test_X is (2, 4)"));
  CHECK_THROWS_AS(normalize_train_test(Matrix(3, 0), kTest), dlc::ShapeError);
  // An empty test set is fine: nothing to normalize.
  CHECK(normalize_train_test(kTrain, Matrix(3, 0)).test_X.shape() == dlc::Shape{3, 0});
}
