// Tests of dlc::Matrix: construction, broadcasting, numpy's sums, and dot's BLAS dispatch.
// Numbers marked "numpy" were printed by numpy 1.24 for the same expression.
#include <array>
#include <catch2/catch.hpp>
#include <cmath>
#include <sstream>
#include <utility>

#include "common/gradient_check.hpp"
#include "common/matrix.hpp"
#include "common/random.hpp"
#include "tests/support/compare.hpp"

using dlc::Matrix;
using dlc::Shape;
using dlc::testing::IsClose;

namespace {
// A naive triple loop: the reference every BLAS path is compared with.
Matrix naive_product(const Matrix& a, const Matrix& b) {
  Matrix c(a.rows(), b.cols());
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < b.cols(); ++j) {
      double s = 0.0;
      for (std::size_t k = 0; k < a.cols(); ++k) s += a(i, k) * b(k, j);
      c(i, j) = s;
    }
  return c;
}
// Entries that tell their position apart: (i, j) -> 1 + i + 0.1 j + 0.01 seed.
Matrix numbered(std::size_t r, std::size_t c, double seed = 0) {
  Matrix m(r, c);
  for (std::size_t i = 0; i < r; ++i)
    for (std::size_t j = 0; j < c; ++j)
      m(i, j) = 1.0 + static_cast<double>(i) + 0.1 * static_cast<double>(j) + 0.01 * seed;
  return m;
}
}  // namespace

TEST_CASE("a literal is written row by row, as np.array", "[matrix]") {
  Matrix a{{1, 2, 3}, {4, 5, 6}};
  CHECK(a.rows() == 2);
  CHECK(a.cols() == 3);
  CHECK(a(0, 2) == 3);
  CHECK(a(1, 0) == 4);
  // column-major storage: the first column comes first
  CHECK(a.data()[1] == 4);
  CHECK_THROWS_AS((Matrix{{1, 2}, {3}}), dlc::ShapeError);
  CHECK_THROWS_AS(a.at(2, 0), std::out_of_range);
  CHECK(Matrix::from_row_major(2, 3, {1, 2, 3, 4, 5, 6})(1, 0) == 4);
  CHECK_THROWS_AS(Matrix::from_row_major(2, 2, {1, 2, 3}), dlc::ShapeError);
}

TEST_CASE("transpose, reshape and column ranges follow numpy", "[matrix]") {
  const Matrix a{{1, 2, 3}, {4, 5, 6}};
  CHECK_THAT(a.transposed(), IsClose(Matrix{{1, 4}, {2, 5}, {3, 6}}, 0.0, "A.T"));
  CHECK(a.T().shape() == Shape{3, 2});
  // reshape keeps numpy's C order: [[1 2 3] [4 5 6]] -> [[1 2] [3 4] [5 6]]
  CHECK_THAT(a.reshaped(3, 2), IsClose(Matrix{{1, 2}, {3, 4}, {5, 6}}, 0.0, "A.reshape(3, 2)"));
  CHECK_THROWS_AS(a.reshaped(4, 2), dlc::ShapeError);
  CHECK_THAT(a.cols_range(1, 3), IsClose(Matrix{{2, 3}, {5, 6}}, 0.0, "A[:, 1:3]"));
  CHECK_THROWS_AS(a.cols_range(2, 4), dlc::ShapeError);
  CHECK(Matrix{{7}}.item() == 7);
  CHECK_THROWS_AS(a.item(), dlc::ShapeError);
}

TEST_CASE("broadcasting follows numpy's rule for two dimensions", "[matrix][broadcast]") {
  const Matrix A{{1, 2, 3}, {4, 5, 6}};
  SECTION("equal shapes") {
    CHECK_THAT(A + A, IsClose(Matrix{{2, 4, 6}, {8, 10, 12}}, 0.0, "A + A"));
    CHECK_THAT(A * A, IsClose(Matrix{{1, 4, 9}, {16, 25, 36}}, 0.0, "A * A element-wise"));
  }
  SECTION("a column is repeated across the columns") {
    CHECK_THAT((A - Matrix{{1}, {4}}), IsClose(Matrix{{0, 1, 2}, {0, 1, 2}}, 0.0, "A - (2, 1)"));
  }
  SECTION("a row is repeated down the rows") {
    CHECK_THAT((A / Matrix{{1, 2, 3}}), IsClose(Matrix{{1, 1, 1}, {4, 2.5, 2}}, 0.0, "A / (1, 3)"));
  }
  SECTION("a column and a row make a matrix") {
    CHECK_THAT((Matrix{{1}, {2}} + Matrix{{10, 20, 30}}),
               IsClose(Matrix{{11, 21, 31}, {12, 22, 32}}, 0.0, "(2, 1) + (1, 3)"));
  }
  SECTION("(1, 1) and scalars go everywhere") {
    CHECK_THAT(A * Matrix{{2}}, IsClose(A + A, 0.0, "A * (1, 1)"));
    CHECK_THAT(1.0 - A, IsClose(Matrix{{0, -1, -2}, {-3, -4, -5}}, 0.0, "1 - A"));
    CHECK_THAT(6.0 / A, IsClose(Matrix{{6, 3, 2}, {1.5, 1.2, 1}}, 0.0, "6 / A"));
  }
  SECTION("incompatible shapes name the operation and both shapes") {
    CHECK_THROWS_WITH(A + Matrix(3, 3),
                      "add: cannot broadcast (2, 3) with (3, 3); along each "
                      "axis the sizes must be equal or one of them 1");
    CHECK_THROWS_WITH(A * Matrix(1, 2), Catch::StartsWith("multiply: cannot broadcast (2, 3) "
                                                          "with (1, 2)"));
  }
  SECTION("in place: the right side broadcasts to the left side's shape only") {
    Matrix B = A;
    B -= Matrix{{1, 1, 1}};
    CHECK_THAT(B, IsClose(Matrix{{0, 1, 2}, {3, 4, 5}}, 0.0, "B -= row"));
    Matrix col{{1}, {2}};
    CHECK_THROWS_AS(col += A, dlc::ShapeError);
  }
}

TEST_CASE("element-wise functions are the C library's", "[matrix]") {
  const Matrix z{{-1.0, 0.0, 2.0}};
  CHECK(dlc::exp(z)(0, 2) == std::exp(2.0));
  CHECK(dlc::log(Matrix{{1.0, M_E}})(0, 1) == std::log(M_E));
  CHECK(dlc::tanh(z)(0, 0) == std::tanh(-1.0));
  CHECK_THAT(dlc::abs(z), IsClose(Matrix{{1, 0, 2}}, 0.0, "|z|"));
  CHECK_THAT(dlc::maximum(z, 0.0), IsClose(Matrix{{0, 0, 2}}, 0.0, "max(z, 0)"));
  CHECK_THAT(dlc::greater(z, 0.0), IsClose(Matrix{{0, 0, 1}}, 0.0, "z > 0"));
  CHECK_THAT(dlc::equal(z, Matrix{{-1.0}}), IsClose(Matrix{{1, 0, 0}}, 0.0, "z == -1"));
  CHECK(std::isnan(dlc::maximum(Matrix{{std::nan("")}}, 0.0)(0, 0)));
  CHECK_FALSE(dlc::all_finite(Matrix{{1.0, INFINITY}}));
}

TEST_CASE("sum follows numpy's pairwise summation to the last bit", "[matrix][sum]") {
  // numpy: np.sum(np.full(209, 1/209)) == 0.9999999999999998 (the cat notebook's accuracy)
  CHECK(dlc::sum(Matrix(1, 209, 1.0 / 209)) == 0.9999999999999998);
  CHECK(dlc::sum(Matrix(1, 10000, 0.1)) == 1000.0000000000002);  // numpy
  CHECK(dlc::sum(Matrix(1, 20000, 0.1)) == 2000.0000000000005);  // numpy, two 8192 buffers+
  CHECK(dlc::sum(Matrix(2, 5000, 0.1)) == 1000.0000000000002);   // numpy, C order
  Matrix r(1, 1000);
  for (std::size_t j = 0; j < 1000; ++j) r(0, j) = static_cast<double>(j) * 0.1;
  CHECK(dlc::sum(r) == 49950.0);  // numpy
  // A (3, 4) table: numpy's np.sum over each axis and over all.
  Matrix A(3, 4);
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 4; ++j) A(i, j) = static_cast<double>(i * 4 + j) * 0.1 + 0.05;
  const Matrix rows = dlc::sum(A, 1);
  CHECK(rows.shape() == Shape{3, 1});
  CHECK(rows(0, 0) == 0.8);
  CHECK(rows(1, 0) == 2.4000000000000004);
  CHECK(rows(2, 0) == 4.000000000000001);
  const Matrix cols = dlc::sum(A, 0);
  CHECK(cols.shape() == Shape{1, 4});
  CHECK(cols(0, 0) == 1.35);
  CHECK(cols(0, 1) == 1.6500000000000001);
  CHECK(cols(0, 3) == 2.25);
  CHECK(dlc::sum(A) == 7.200000000000001);
  // Along rows with more than 128 entries: numpy gives 299.99999999999994 for 3000 x 0.1.
  const Matrix wide = dlc::sum(Matrix(3, 3000, 0.1), 1);
  CHECK(wide(2, 0) == 299.99999999999994);
  CHECK(dlc::mean(Matrix(1, 209, 1.0 / 3)) == 0.3333333333333333);
  CHECK_THROWS_AS(dlc::sum(A, 2), std::invalid_argument);
}

TEST_CASE("pairwise_sum is numpy's algorithm below, at and above 8 and 128 values",
          "[matrix][sum]") {
  for (std::size_t n : {0u, 1u, 7u, 8u, 9u, 127u, 128u, 129u, 300u, 1000u}) {
    std::vector<double> v(n);
    for (std::size_t i = 0; i < n; ++i) v[i] = 1.0 / static_cast<double>(i + 3);
    // The exact result, in long double, is within a few ulps of the pairwise one.
    long double exact = 0.0L;
    for (double x : v) exact += x;
    CHECK(dlc::pairwise_sum(v.data(), n) == Approx(static_cast<double>(exact)).epsilon(1e-15));
  }
}

TEST_CASE("sum along rows adds every row in numpy's order, bit for bit", "[matrix][sum]") {
  // Values of very different sizes, so that any other order of the additions shows.
  for (std::size_t rows : {1u, 3u, 17u}) {
    for (std::size_t cols : {0u, 1u, 7u, 8u, 9u, 64u, 127u, 128u, 129u, 300u, 8200u, 17000u}) {
      Matrix A(rows, cols);
      for (std::size_t j = 0; j < cols; ++j)
        for (std::size_t i = 0; i < rows; ++i)
          A(i, j) = std::pow(10.0, static_cast<double>((i * 7 + j * 13) % 17) - 8.0) *
                    ((i + j) % 3 == 0 ? -1.0 : 1.0);
      const Matrix sums = dlc::sum(A, 1);
      for (std::size_t i = 0; i < rows; ++i) {
        INFO(rows << " x " << cols << ", row " << i);
        CHECK(sums(i, 0) == dlc::reduce_add(A.data() + i, cols, rows));
      }
    }
  }
}

TEST_CASE("a number times a product not yet computed: the same bits as multiplying after",
          "[matrix][dot]") {
  dlc::RandomState rng(4);
  // Results with few and many rows (numpy's transposed call, and the direct one), sums short
  // (the scale goes into BLAS) and long (it does not), and the vector paths.
  for (const auto& [n, k, m] : std::vector<std::array<std::size_t, 3>>{
           {20, 300, 7}, {256, 64, 200}, {100, 200, 30}, {70, 1, 5}, {1, 50, 1}, {9, 40, 1}}) {
    INFO(n << " x " << k << " times " << k << " x " << m);
    const Matrix A = rng.randn(n, k), B = rng.randn(m, k);
    Matrix expected = dlc::dot(A, B.T());
    expected.data();  // computed
    for (const double s : {1.0 / 64, -3.7, 1.0 / 209}) {
      Matrix by_hand = expected;
      for (std::size_t e = 0; e < by_hand.size(); ++e) by_hand.data()[e] = by_hand.data()[e] * s;
      const Matrix folded = s * dlc::dot(A, B.T());
      const Matrix folded_right = dlc::dot(A, B.T()) * s;
      CHECK(dlc::max_abs_diff(folded, by_hand) == 0.0);
      CHECK(dlc::max_abs_diff(folded_right, by_hand) == 0.0);
      // Scaled twice: each multiplication rounds on its own, as numpy's would.
      Matrix twice = by_hand;
      for (std::size_t e = 0; e < twice.size(); ++e) twice.data()[e] = twice.data()[e] * 0.3;
      CHECK(dlc::max_abs_diff(0.3 * (s * dlc::dot(A, B.T())), twice) == 0.0);
    }
  }
  // A product another matrix shares is not changed by scaling one of them.
  const Matrix A = rng.randn(80, 10), B = rng.randn(10, 90);
  Matrix P = dlc::dot(A, B);
  const Matrix Q = P;
  const Matrix R = 2.0 * std::move(P);
  CHECK(dlc::max_abs_diff(R, 2.0 * Q) == 0.0);
  CHECK(dlc::max_abs_diff(Q, dlc::dot(A, B)) == 0.0);
}

TEST_CASE("dot equals the naive product on every BLAS path, transposes included", "[matrix][dot]") {
  const Matrix A = numbered(3, 4, 1), B = numbered(4, 5, 2);
  const Matrix v = numbered(4, 1, 3), r = numbered(1, 4, 4), s{{2.5}};
  // gemm, with each transpose flag
  CHECK_THAT(dlc::dot(A, B), IsClose(naive_product(A, B), 1e-14, "A B (gemm)"));
  const Matrix At = A.transposed(), Bt = B.transposed();
  CHECK_THAT(dlc::dot(At.T(), B), IsClose(naive_product(A, B), 1e-14, "(A^T)^T B"));
  CHECK_THAT(dlc::dot(A, Bt.T()), IsClose(naive_product(A, B), 1e-14, "A (B^T)^T"));
  CHECK_THAT(dlc::dot(At.T(), Bt.T()), IsClose(naive_product(A, B), 1e-14, "both flagged"));
  CHECK_THAT(dlc::dot(B.T(), A.T()), IsClose(naive_product(Bt, At), 1e-14, "B^T A^T"));
  // gemv: matrix times column, and row times matrix, with and without transposes
  CHECK_THAT(dlc::dot(A, v), IsClose(naive_product(A, v), 1e-14, "A v (gemv)"));
  CHECK_THAT(dlc::dot(r, B), IsClose(naive_product(r, B), 1e-14, "r B (gemv)"));
  CHECK_THAT(dlc::dot(v.T(), B), IsClose(naive_product(v.transposed(), B), 1e-14, "v^T B"));
  CHECK_THAT(dlc::dot(B.T(), v.T().base()),
             IsClose(naive_product(Bt, v), 1e-14, "B^T v (gemv, transposed)"));
  CHECK_THAT(dlc::dot(A, r.T()), IsClose(naive_product(A, r.transposed()), 1e-14, "A r^T"));
  // ddot and the outer product
  CHECK(dlc::dot(r, v).item() == Approx(naive_product(r, v).item()).epsilon(1e-15));
  CHECK_THAT(dlc::dot(v, r), IsClose(naive_product(v, r), 1e-14, "v r (outer)"));
  // a (1, 1) operand scales
  CHECK_THAT(dlc::dot(s, r), IsClose(r * 2.5, 0.0, "s r"));
  CHECK_THAT(dlc::dot(v, s), IsClose(v * 2.5, 0.0, "v s"));
  // the course's shapes: w^T X and X dZ^T, non-square, m > 1
  const Matrix w = numbered(6, 1, 5), X = numbered(6, 9, 6), dZ = numbered(1, 9, 7);
  CHECK_THAT(dlc::dot(w.T(), X), IsClose(naive_product(w.transposed(), X), 1e-14, "w^T X"));
  CHECK_THAT(dlc::dot(X, dZ.T()), IsClose(naive_product(X, dZ.transposed()), 1e-14, "X dZ^T"));
}

TEST_CASE("dot rejects shapes that are not aligned, naming both", "[matrix][dot]") {
  const Matrix W(4, 5), A_prev(3, 10);
  CHECK_THROWS_WITH(dlc::dot(W, A_prev),
                    "dot: shapes (4, 5) and (3, 10) are not aligned; the first's columns (5) "
                    "must equal the second's rows (3)");
  // dW = dZ A_prev^T with the slide's typo A^T instead of A_prev^T does not fit.
  CHECK_THROWS_AS(dlc::dot(Matrix(4, 10), Matrix(4, 10).T().base()), dlc::ShapeError);
  CHECK(dlc::dot(Matrix(2, 0), Matrix(0, 3)).shape() == Shape{2, 3});
}

TEST_CASE("a copy is a value: writing one never changes the other", "[matrix][storage]") {
  Matrix a = numbered(3, 4, 1);
  const Matrix original = a;
  Matrix b = a;  // shares a's storage until one of them is written
  b(2, 3) = -1.0;
  CHECK(a(2, 3) == original(2, 3));
  CHECK(b(2, 3) == -1.0);
  a += 1.0;  // and the other way round
  CHECK(b(0, 0) == original(0, 0));
  CHECK(a(0, 0) == original(0, 0) + 1.0);
  // A pointer from data() writes only its own matrix, even to a matrix copied before.
  Matrix c = original;
  double* p = c.data();
  p[5] = 42.0;
  CHECK(original.data()[5] != 42.0);
  CHECK(c.data()[5] == 42.0);
}

TEST_CASE("a product is computed once, when first read, from the operands' values at the call",
          "[matrix][storage][dot]") {
  Matrix A = numbered(5, 3, 1), B = numbered(3, 4, 2);
  const Matrix expected = naive_product(A, B);
  const Matrix P = dlc::dot(A, B);
  A *= 10.0;  // changing the operands afterwards does not change the product
  B(0, 0) = 1e6;
  CHECK(P.shape() == Shape{5, 4});
  CHECK_THAT(P, IsClose(expected, 1e-14, "A B, read after A and B changed"));
  const Matrix Q = dlc::dot(A.T(), A);  // (3, 5) (5, 3) through a view of a named matrix
  CHECK_THAT(Q, IsClose(naive_product(A.transposed(), A), 1e-12, "A^T A"));

  // The mechanism: the computation runs on the first read only, shared by copies.
  int runs = 0;
  const Matrix D = Matrix::deferred(2, 3, [&runs](double* out) {
    ++runs;
    for (int k = 0; k < 6; ++k) out[k] = k;
  });
  const Matrix E = D;
  CHECK(runs == 0);
  CHECK(D.shape() == Shape{2, 3});
  CHECK(E(1, 2) == 5.0);  // column-major: (1, 2) is entry 1 + 2 * 2
  CHECK(D(0, 1) == 2.0);
  CHECK(runs == 1);
  Matrix F = D;
  F(0, 0) = 7.0;
  CHECK(D(0, 0) == 0.0);
  CHECK(runs == 1);
}

TEST_CASE("the deferred, the out= and the naive products agree to the last bit", "[matrix][dot]") {
  // Shapes of the cat network: a product with a long sum and few rows, and its transposes.
  const Matrix W = numbered(7, 300, 1), X = numbered(300, 9, 2), dZ = numbered(7, 9, 3);
  Matrix out;
  dlc::dot(W, X, out);
  CHECK(dlc::max_abs_diff(dlc::dot(W, X), out) == 0.0);
  dlc::dot(dZ, X.T(), out);
  CHECK(dlc::max_abs_diff(dlc::dot(dZ, X.T()), out) == 0.0);
  CHECK(out.shape() == Shape{7, 300});
  dlc::dot(W.T(), dZ, out);
  CHECK(dlc::max_abs_diff(dlc::dot(W.T(), dZ), out) == 0.0);
  CHECK_THAT(out, IsClose(naive_product(W.transposed(), dZ), 1e-12, "W^T dZ"));
  // out may share storage with an operand's copy; it is then given storage of its own.
  Matrix shared = W;
  dlc::dot(W.T(), dZ, shared);
  CHECK_THAT(shared, IsClose(naive_product(W.transposed(), dZ), 1e-12, "into a copy of W"));
  CHECK(W.shape() == Shape{7, 300});
  CHECK_THROWS_AS(dlc::dot(out, dZ, out), std::invalid_argument);
}

TEST_CASE("the transpose of a temporary cannot dangle", "[matrix][storage]") {
  const Matrix A = numbered(4, 3, 1), B = numbered(4, 2, 2);
  const auto t = (A * 2.0).T();  // the temporary A * 2.0 is gone after this line
  CHECK(t.shape() == Shape{3, 4});
  CHECK(t(2, 1) == 2.0 * A(1, 2));
  CHECK_THAT(dlc::dot(t, B), IsClose(naive_product((A * 2.0).transposed(), B), 1e-13, "t B"));
  const Matrix copy = t;
  CHECK_THAT(copy, IsClose((A * 2.0).transposed(), 0.0, "(2A)^T"));
}

TEST_CASE("resize_for_overwrite gives the shape and leaves other copies alone",
          "[matrix][storage]") {
  Matrix a = numbered(3, 3, 1);
  const Matrix keep = a;
  a.resize_for_overwrite(2, 5);
  CHECK(a.shape() == Shape{2, 5});
  a.fill(4.0);
  CHECK_THAT(keep, IsClose(numbered(3, 3, 1), 0.0, "the copy made before"));
  a.resize_for_overwrite(1, 4);  // smaller: keeps its own storage
  CHECK(a.shape() == Shape{1, 4});
#ifndef NDEBUG
  // Debug builds make every entry NaN, so an entry the caller forgets to write shows.
  CHECK(std::isnan(a(0, 3)));
#endif
}

TEST_CASE("update_entries: one pass, in place, an operand's entries read as they were",
          "[matrix]") {
  Matrix v{{1, 2, 3}, {4, 5, 6}};
  const Matrix dW{{10, 20, 30}, {40, 50, 60}};
  const double* storage = v.data();
  v.update_entries([](double v_, double dW_) { return 0.5 * v_ + 0.5 * dW_; }, dW);
  CHECK(v.data() == storage);  // in place: no new storage
  CHECK(v(0, 0) == 5.5);
  CHECK(v(1, 2) == 33.0);
  CHECK(v(1, 0) == 22.0);  // row 1, column 0: the column-major order is followed entry by entry
  Matrix W{{1, 2}, {3, 4}};
  W.update_entries([](double w, double a, double b) { return w - a / b; }, Matrix{{2, 4}, {6, 8}},
                   Matrix{{2, 2}, {3, 4}});
  CHECK(W(0, 0) == 0.0);
  CHECK(W(0, 1) == 0.0);
  CHECK(W(1, 0) == 1.0);
  CHECK(W(1, 1) == 2.0);
  W.update_entries([](double w) { return 2 * w; });
  CHECK(W(1, 1) == 4.0);
  // A copy shares the storage: the update copies first, and the copy keeps the old entries;
  // the copy as an operand is read as it was.
  Matrix a{{1, 2}, {3, 4}};
  const Matrix old = a;
  a.update_entries([](double x, double y) { return x + y; }, old);
  CHECK(a(1, 1) == 8.0);
  CHECK(old(1, 1) == 4.0);
  CHECK_THROWS_WITH(a.update_entries([](double x, double y) { return x + y; }, Matrix(2, 1)),
                    Catch::Contains("(2, 2)") && Catch::Contains("(2, 1)"));
  Matrix empty;
  empty.update_entries([](double x) { return x + 1; });
  CHECK(empty.empty());
}

TEST_CASE("columns: A[:, order], in the order given", "[matrix]") {
  const Matrix a{{1, 2, 3, 4}, {5, 6, 7, 8}};
  const Matrix c = a.columns({3, 0, 0, 2});
  REQUIRE(c.shape() == dlc::Shape{2, 4});
  CHECK(c(0, 0) == 4.0);
  CHECK(c(1, 0) == 8.0);
  CHECK(c(0, 1) == 1.0);
  CHECK(c(1, 2) == 5.0);
  CHECK(c(1, 3) == 7.0);
  CHECK(a.columns({}).shape() == dlc::Shape{2, 0});
  CHECK_THROWS_AS(a.columns({1, 4}), std::out_of_range);
}

TEST_CASE("indexing out of range is an error naming the index and the shape", "[matrix]") {
  Matrix a(2, 3);
  CHECK_THROWS_WITH(a.at(2, 0), "Matrix: index (2, 0) is out of range for shape (2, 3)");
  CHECK_THROWS_AS(std::as_const(a).at(0, 3), std::out_of_range);
#ifndef NDEBUG
  // A(i, j) is checked in Debug builds (the sanitizer preset), unchecked in Release.
  CHECK_THROWS_WITH(a(0, 3), "Matrix: index (0, 3) is out of range for shape (2, 3)");
  CHECK_THROWS_AS(std::as_const(a)(5, 5), std::out_of_range);
#endif
}

TEST_CASE("matrices print as numpy prints them", "[matrix]") {
  std::ostringstream os;
  os << Matrix{{1, 2}, {3, 4}};
  CHECK(os.str() == "[[1. 2.]\n [3. 4.]]");
  std::ostringstream os2;
  os2 << Matrix{{0.5, 0.88079708}};
  CHECK(os2.str() == "[[0.5        0.88079708]]");
  std::ostringstream os3;
  os3 << Shape{3, 4};
  CHECK(os3.str() == "(3, 4)");
}

TEST_CASE("numerical_gradient matches a known derivative", "[gradient_check]") {
  // J(theta) = sum(theta^3) has gradient 3 theta^2.
  const Matrix theta{{0.5, -1.0}, {2.0, 0.1}};
  const Matrix g =
      dlc::numerical_gradient([](const Matrix& t) { return dlc::sum(t * t * t); }, theta);
  CHECK(dlc::relative_difference(g, 3.0 * theta * theta) < 1e-8);
  // A wrong gradient (2 theta^2) is far off.
  CHECK(dlc::relative_difference(g, 2.0 * theta * theta) > 0.1);
}
