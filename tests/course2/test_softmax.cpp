// Tests of lectures C2 3.8-3.9: softmax, the labels one-hot, the cross-entropy, its gradient and
// the prediction. Each exercise's tests call that exercise alone: where another's result is
// needed (a softmax output, a one-hot Y), the test writes it out or computes it itself.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>

#include "course2/softmax.hpp"
#include "tests/support/compare.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using dlc::testing::near;
using namespace dlc::course2::softmax;

namespace {

// Scores of 4 classes for 5 examples: the largest entry is in a different row in each column,
// and column 2 has a tie (rows 0 and 2).
const Matrix kZ{{1.5, -0.3, 2.0, 0.0, -4.1},
                {0.2, 2.7, -1.0, 0.0, 3.3},
                {-2.4, 0.9, 2.0, 0.5, 1.2},
                {3.1, -1.6, 0.4, -0.5, 0.7}};

// softmax(kZ) from numpy: t = np.exp(Z - Z.max(axis=0, keepdims=True));
// A = t / t.sum(axis=0, keepdims=True). Softmax along the rows instead differs by up to 0.48.
const Matrix kA{{0.1601074351918976, 0.04052161753825814, 0.44411213283099404, 0.2350037122015945,
                 0.0005105083921717172},
                {0.04363436639092483, 0.813898445251973, 0.02211104112025457, 0.2350037122015945,
                 0.8351837809751832},
                {0.0032408805249692562, 0.13453650812542892, 0.44411213283099404,
                 0.3874556190002601, 0.10227362275304172},
                {0.7930173178922083, 0.011043429084339976, 0.08966469321775757, 0.14253695659655097,
                 0.06203208787960339}};

// The labels of the 5 examples, and their one-hot (4, 5) Y written out.
const Matrix kLabels{{3, 1, 0, 2, 1}};
const Matrix kY{{0, 0, 1, 0, 0}, {0, 1, 0, 0, 1}, {0, 0, 0, 1, 0}, {1, 0, 0, 0, 0}};

/// Each column's entries summed, as a (1, m) row.
Matrix column_sums(const Matrix& A) {
  Matrix s(1, A.cols());
  for (std::size_t i = 0; i < A.cols(); ++i) {
    for (std::size_t j = 0; j < A.rows(); ++j) s(0, i) += A(j, i);
  }
  return s;
}

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

/// The cross-entropy of softmax(Z) against the one-hot Y, computed here (not by the exercises)
/// as -1/m sum_i (z_{label i} - log sum_j e^{z_j}), with the column's max taken out of the sum.
double reference_cost_of_Z(const Matrix& Z, const Matrix& Y) {
  double total = 0.0;
  for (std::size_t i = 0; i < Z.cols(); ++i) {
    double z_max = Z(0, i);
    for (std::size_t j = 1; j < Z.rows(); ++j) z_max = std::max(z_max, Z(j, i));
    double t_sum = 0.0;
    for (std::size_t j = 0; j < Z.rows(); ++j) t_sum += std::exp(Z(j, i) - z_max);
    const double log_sum = z_max + std::log(t_sum);
    for (std::size_t j = 0; j < Z.rows(); ++j) total += Y(j, i) * (Z(j, i) - log_sum);
  }
  return -total / static_cast<double>(Z.cols());
}

}  // namespace

// ---- C2 3.8 softmax -----------------------------------------------------------------------------

TEST_CASE("softmax: the lecture's example, z = (5, 2, -1, 3)", "[course2.softmax]") {
  // C2 3.8: t = (148.4, 7.4, 0.4, 20.1), sum 176.3, a = (0.842, 0.042, 0.002, 0.114);
  // the digits from numpy
  const Matrix expected{
      {0.8420335723974581}, {0.041922383036988954}, {0.0020871925504063493}, {0.1139568520151468}};
  CHECK_THAT(softmax(Matrix{{5}, {2}, {-1}, {3}}), IsClose(expected, 1e-15, "a = e^z / sum e^z"));
}

TEST_CASE("softmax: hand-computed columns, e^z = 1, 2, 3, 4 gives 0.1, 0.2, 0.3, 0.4",
          "[course2.softmax]") {
  const double l2 = std::log(2.0), l3 = std::log(3.0), l4 = std::log(4.0);
  // column 0: e^z = (1, 2, 3, 4); column 1: all equal; column 2: (4, 3, 2, 1) shifted by 5;
  // column 3: e^z = (1, 1, 2, 4) shifted by -7
  const Matrix Z{{0.0, 0.0, l4 + 5, -7.0},
                 {l2, 0.0, l3 + 5, -7.0},
                 {l3, 0.0, l2 + 5, l2 - 7},
                 {l4, 0.0, 5.0, l4 - 7}};
  const Matrix expected{{0.1, 0.25, 0.4, 0.125},
                        {0.2, 0.25, 0.3, 0.125},
                        {0.3, 0.25, 0.2, 0.25},
                        {0.4, 0.25, 0.1, 0.5}};
  CHECK_THAT(softmax(Z), IsClose(expected, 1e-15, "a_i = t_i / sum_j t_j, column by column"));
}

TEST_CASE("softmax: numpy's softmax of a (4, 5) Z, column by column", "[course2.softmax]") {
  const Matrix A = softmax(kZ);
  CHECK_THAT(A, IsClose(kA, 1e-15, "softmax(Z) along axis 0 (each column)"));
  CHECK_THAT(column_sums(A), IsClose(Matrix(1, 5, 1.0), 1e-15, "each column sums to 1"));
}

TEST_CASE("softmax: z = 1000 does not overflow, z = -1000 does not underflow to 0 / 0",
          "[course2.softmax]") {
  SECTION("one column") {
    // e^1000 overflows a double; e^{z - max z} = (1, e^-1000, e^-1005, e^-1)
    const Matrix A = softmax(Matrix{{1000}, {0}, {-5}, {999}});
    REQUIRE(dlc::all_finite(A));
    const double e = std::exp(-1.0);
    CHECK_THAT(A, IsClose(Matrix{{1 / (1 + e)}, {0}, {0}, {e / (1 + e)}}, 1e-15,
                          "a = e^{z - max z} / sum e^{z - max z}"));
  }
  SECTION("a column of -1000: e^-1000 is 0 in a double, its shift is not") {
    const Matrix A = softmax(Matrix(4, 3, -1000.0));
    REQUIRE(dlc::all_finite(A));
    CHECK_THAT(A, IsClose(Matrix(4, 3, 0.25), 1e-15, "equal scores, equal probabilities"));
  }
  SECTION("a column around 0 beside one around 1000: each column's own max, not the matrix's") {
    // from numpy: softmax of (0, 1, 2, -1) and of (1000, 1001, 999, 1000)
    const Matrix Z{{0, 1000}, {1, 1001}, {2, 999}, {-1, 1000}};
    const Matrix expected{{0.08714431874203256, 0.1966119332414819},
                          {0.23688281808991016, 0.534446645388523},
                          {0.6439142598879724, 0.07232948812851327},
                          {0.03205860328008498, 0.1966119332414819}};
    const Matrix A = softmax(Z);
    REQUIRE(dlc::all_finite(A));
    CHECK_THAT(A, IsClose(expected, 1e-15, "t = e^{z - max of the column}"));
  }
}

TEST_CASE("softmax: properties on a (6, 7) Z with a wide spread", "[course2.softmax]") {
  Matrix Z(6, 7);
  for (std::size_t j = 0; j < 6; ++j) {
    for (std::size_t i = 0; i < 7; ++i) Z(j, i) = 9.0 * std::sin(1.7 * j + 0.9 * i * i + 0.3);
  }
  const Matrix A = softmax(Z);
  REQUIRE(A.shape() == Z.shape());
  SECTION("every entry in (0, 1], every column sums to 1") {
    for (std::size_t k = 0; k < A.size(); ++k) {
      CHECK(A.data()[k] > 0.0);
      CHECK(A.data()[k] <= 1.0);
    }
    CHECK_THAT(column_sums(A), IsClose(Matrix(1, 7, 1.0), 1e-15, "sum_j a_j = 1"));
  }
  SECTION("adding a constant to each column changes nothing; a constant per row does") {
    Matrix shifted_columns = Z;
    Matrix shifted_rows = Z;
    for (std::size_t j = 0; j < 6; ++j) {
      for (std::size_t i = 0; i < 7; ++i) {
        shifted_columns(j, i) += 40.0 * i - 100.0;  // column i moves by 40 i - 100
        shifted_rows(j, i) += 3.0 * j;              // row j moves by 3 j
      }
    }
    CHECK_THAT(softmax(shifted_columns), IsClose(A, 1e-13, "softmax(z + c) = softmax(z)"));
    CHECK(dlc::max_abs_diff(softmax(shifted_rows), A) > 0.1);
  }
  SECTION("the order of the classes in a column only reorders its probabilities") {
    Matrix flipped(6, 7);
    for (std::size_t j = 0; j < 6; ++j) {
      for (std::size_t i = 0; i < 7; ++i) flipped(5 - j, i) = Z(j, i);
    }
    const Matrix B = softmax(flipped);
    for (std::size_t j = 0; j < 6; ++j) {
      for (std::size_t i = 0; i < 7; ++i) CHECK(near(B(5 - j, i), A(j, i), 1e-15));
    }
  }
}

TEST_CASE("softmax: with C = 2 it is logistic regression, a_1 = sigma(z_1 - z_2)",
          "[course2.softmax]") {
  const Matrix Z{{0.0, 2.0, -3.0, 10.0, 0.5, -40.0}, {0.0, -1.0, 4.0, 9.0, 0.5, 0.0}};
  const Matrix A = softmax(Z);
  REQUIRE(A.shape() == Z.shape());
  for (std::size_t i = 0; i < Z.cols(); ++i) {
    INFO("column " << i << ": z = (" << Z(0, i) << ", " << Z(1, i) << ")");
    CHECK(near(A(0, i), sigmoid(Z(0, i) - Z(1, i)), 1e-15));
    CHECK(near(A(1, i), sigmoid(Z(1, i) - Z(0, i)), 1e-15));
  }
}

TEST_CASE("softmax: an empty Z is refused", "[course2.softmax]") {
  CHECK_THROWS_AS(softmax(Matrix(0, 3)), dlc::ShapeError);
  CHECK_THROWS_WITH(softmax(Matrix(4, 0)), Catch::Contains("softmax: Z is (4, 0)"));
}

// ---- C2 3.9 the labels one-hot -------------------------------------------------------------------

TEST_CASE("one_hot: labels (1, m) become Y (C, m), a 1 in each column's label row",
          "[course2.one_hot]") {
  CHECK_THAT(one_hot(kLabels, 4), IsClose(kY, 0.0, "Y[label_i, i] = 1"));
  // a class no example has keeps a row of zeros
  const Matrix Y = one_hot(Matrix{{2, 0, 0, 1, 2, 0}}, 5);
  const Matrix expected{{0, 1, 1, 0, 0, 1},
                        {0, 0, 0, 1, 0, 0},
                        {1, 0, 0, 0, 1, 0},
                        {0, 0, 0, 0, 0, 0},
                        {0, 0, 0, 0, 0, 0}};
  CHECK_THAT(Y, IsClose(expected, 0.0, "np.eye(C)[labels.reshape(-1)].T"));
  CHECK_THAT(one_hot(Matrix{{1, 0}}, 2), IsClose(Matrix{{0, 1}, {1, 0}}, 0.0, "C = 2"));
}

TEST_CASE("one_hot: a label that is not a whole number in 0..C-1, or C below 2, is refused",
          "[course2.one_hot]") {
  CHECK_THROWS_WITH(one_hot(Matrix{{0, 1, 4, 2}}, 4),
                    Catch::Contains("labels(0, 2) is 4.0") && Catch::Contains("0..3"));
  CHECK_THROWS_WITH(one_hot(Matrix{{0, 1, 3, -1, 7}}, 4), Catch::Contains("labels(0, 3) is -1.0"));
  CHECK_THROWS_WITH(one_hot(Matrix{{2.5, 1}}, 4), Catch::Contains("labels(0, 0) is 2.5"));
  CHECK_THROWS_AS(one_hot(Matrix{{0, std::nan("")}}, 4), std::invalid_argument);
  CHECK_THROWS_WITH(one_hot(Matrix{{0, 0, 0}}, 1), Catch::Contains("C is 1"));
  CHECK_THROWS_AS(one_hot(Matrix{{0, 1}}, 0), std::invalid_argument);
  CHECK_THROWS_AS(one_hot(Matrix{{0, 1}, {1, 0}}, 2), dlc::ShapeError);
}

// ---- C2 3.9 the cost ----------------------------------------------------------------------------

TEST_CASE("compute_cost: -1/m sum sum y log a, by hand and from numpy", "[course2.softmax_cost]") {
  // by hand: the true classes have a = 0.5, 1, 0.9, 0.5, so J = -(log 0.5 + log 1 + log 0.9 +
  // log 0.5) / 4 = 0.37291371919442917 (numpy); A has zeros where y = 0: they add nothing
  const Matrix A{{0.5, 0.0, 0.1, 0.2}, {0.25, 1.0, 0.0, 0.3}, {0.25, 0.0, 0.9, 0.5}};
  const Matrix Y{{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 1}};
  const double J = compute_cost(A, Y);
  CHECK(std::isfinite(J));
  CHECK(near(J, 0.37291371919442917, 1e-15));
  // numpy: -1/5 * np.sum(Y * np.log(A)) with A = softmax(kZ), the labels kLabels
  CHECK(near(compute_cost(kA, kY), 0.4755531093554085, 1e-15));
  // a certain, right prediction costs nothing; a = 0 at the true class costs +inf
  CHECK(compute_cost(kY, kY) == 0.0);
  CHECK(std::isinf(compute_cost(Matrix{{1.0, 0.0}, {0.0, 1.0}}, Matrix{{0, 0}, {1, 1}})));
}

TEST_CASE("compute_cost: with C = 2 it is the logistic cross-entropy", "[course2.softmax_cost]") {
  // row 1 is a = sigma(z), row 0 is 1 - a; the label y is the one-hot's row 1
  const double z[] = {0.3, -2.0, 1.5, 4.0, -0.7, 0.0};
  const double y[] = {1, 0, 0, 1, 1, 0};
  Matrix A(2, 6), Y(2, 6);
  double logistic = 0.0;
  for (std::size_t i = 0; i < 6; ++i) {
    const double a = sigmoid(z[i]);
    A(0, i) = 1.0 - a;
    A(1, i) = a;
    Y(0, i) = 1.0 - y[i];
    Y(1, i) = y[i];
    logistic += y[i] * std::log(a) + (1.0 - y[i]) * std::log(1.0 - a);
  }
  logistic *= -1.0 / 6.0;  // -1/m sum (y log a + (1 - y) log(1 - a))
  CHECK(near(compute_cost(A, Y), logistic, 1e-15));
}

TEST_CASE("compute_cost: a one-hot of the wrong C, or of other examples, is refused",
          "[course2.softmax_cost]") {
  CHECK_THROWS_AS(compute_cost(kA, Matrix(3, 5)), dlc::ShapeError);
  CHECK_THROWS_WITH(compute_cost(kA, Matrix(10, 5)),
                    Catch::Contains("A is (4, 5) but Y is (10, 5)") &&
                        Catch::Contains("number of classes differs"));
  CHECK_THROWS_WITH(compute_cost(kA, kY.cols_range(0, 4)),
                    Catch::Contains("number of examples differs"));
  CHECK_THROWS_AS(compute_cost(Matrix(), Matrix()), dlc::ShapeError);
}

// ---- C2 3.9 the gradient ------------------------------------------------------------------------

TEST_CASE("softmax_backward: dZ = A - Y", "[course2.softmax_backward]") {
  // from numpy: A - Y with A = softmax(kZ)
  const Matrix expected{{0.1601074351918976, 0.04052161753825814, -0.555887867169006,
                         0.2350037122015945, 0.0005105083921717172},
                        {0.04363436639092483, -0.18610155474802703, 0.02211104112025457,
                         0.2350037122015945, -0.1648162190248168},
                        {0.0032408805249692562, 0.13453650812542892, 0.44411213283099404,
                         -0.61254438099974, 0.10227362275304172},
                        {-0.2069826821077917, 0.011043429084339976, 0.08966469321775757,
                         0.14253695659655097, 0.06203208787960339}};
  CHECK_THAT(softmax_backward(kA, kY), IsClose(expected, 1e-15, "dZ = A - Y"));
  CHECK_THROWS_WITH(softmax_backward(kA, Matrix(3, 5)),
                    Catch::Contains("number of classes differs"));
}

TEST_CASE("softmax_backward: gradient check, dJ/dZ = 1/m (A - Y) by central differences",
          "[course2.softmax_backward]") {
  // J(Z) = -1/m sum y log softmax(Z), computed in this file; A = softmax(kZ) from numpy
  const double m = 5.0;
  const double eps = 1e-6;
  const Matrix dZ = softmax_backward(kA, kY);
  REQUIRE(dZ.shape() == kZ.shape());
  for (std::size_t j = 0; j < 4; ++j) {
    for (std::size_t i = 0; i < 5; ++i) {
      Matrix plus = kZ, minus = kZ;
      plus(j, i) += eps;
      minus(j, i) -= eps;
      const double numeric =
          (reference_cost_of_Z(plus, kY) - reference_cost_of_Z(minus, kY)) / (2 * eps);
      INFO("dJ/dZ(" << j << ", " << i << "): numeric " << numeric << ", 1/m dZ " << dZ(j, i) / m);
      CHECK(std::fabs(numeric - dZ(j, i) / m) < 1e-9);
    }
  }
}

// ---- C2 3.9 the prediction ----------------------------------------------------------------------

TEST_CASE("predict: the row of each column's largest entry", "[course2.softmax_predict]") {
  // np.argmax(A, axis=0) = [3, 1, 0, 2, 1]; column 2 ties rows 0 and 2: the first
  const Matrix p = predict(kA);
  CHECK_THAT(p, IsClose(Matrix{{3, 1, 0, 2, 1}}, 0.0, "np.argmax(A, axis=0)"));
  // a square A whose rows' argmax (0, 2, 1) differs from its columns' (1, 0, 2)
  const Matrix square{{0.2, 0.5, 0.3}, {0.7, 0.1, 0.0}, {0.1, 0.4, 0.7}};
  CHECK_THAT(predict(square), IsClose(Matrix{{1, 0, 2}}, 0.0, "np.argmax(A, axis=0)"));
}

TEST_CASE("predict: on a tie the first row wins, as np.argmax", "[course2.softmax_predict]") {
  const Matrix A{{0.3, 0.1, 0.25, 0.1, 0.0},
                 {0.3, 0.4, 0.25, 0.2, 0.5},
                 {0.2, 0.4, 0.25, 0.3, 0.0},
                 {0.2, 0.1, 0.25, 0.4, 0.5}};
  CHECK_THAT(predict(A), IsClose(Matrix{{0, 1, 0, 3, 1}}, 0.0, "the first largest"));
  CHECK_THAT(predict(Matrix(3, 4, -2.0)), IsClose(Matrix(1, 4, 0.0), 0.0, "all equal: row 0"));
  CHECK_THROWS_AS(predict(Matrix(0, 4)), dlc::ShapeError);
}
