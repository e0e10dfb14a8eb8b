/// \file
/// \brief `dlc::Matrix`: the 2-D array every lesson computes with.
///
/// A `Matrix` is what a numpy `ndarray` of two dimensions is in the course's notebooks:
/// `double` entries, always two dimensions (a column vector is `(n, 1)`, a row vector is
/// `(1, m)`; there are no rank-1 arrays), stored column-major and contiguous so that every
/// matrix product is one BLAS call.
///
/// Element-wise arithmetic follows numpy's broadcasting rule for two dimensions: along each
/// axis the sizes are equal or one of them is 1, and a size-1 axis is repeated to match the
/// other. Anything else throws `dlc::ShapeError` naming the operation and both shapes, for
/// example `add: cannot broadcast (3, 4) with (2, 4)`.
///
/// Sums follow numpy's pairwise summation (`np.sum`, `np.mean`) so that results print the
/// very digits the notebooks print.
#pragma once

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace dlc {

/// The shape of a matrix, printed as numpy prints a shape: `(rows, cols)`.
struct Shape {
  std::size_t rows = 0;  ///< number of rows
  std::size_t cols = 0;  ///< number of columns
  /// Equal when both the rows and the columns are.
  friend bool operator==(const Shape& a, const Shape& b) {
    return a.rows == b.rows && a.cols == b.cols;
  }
  /// Not equal.
  friend bool operator!=(const Shape& a, const Shape& b) { return !(a == b); }
};

/// `"(3, 4)"`.
std::string to_string(Shape shape);

/// Thrown when an operation gets arguments whose shapes do not fit. The message names the
/// operation, the shapes, and the rule that was broken.
class ShapeError : public std::invalid_argument {
 public:
  /// An error with the full `message`.
  explicit ShapeError(const std::string& message) : std::invalid_argument(message) {}
};

/// Throws `ShapeError("<what>: <name> is (r, c) but expected (R, C)")` unless `actual`
/// equals `expected`. The helper every public function uses to check its inputs.
void expect_shape(const char* what, const char* name, Shape actual, Shape expected);

class Transposed;

/// \brief A dense 2-D matrix of `double`, column-major: entry `(i, j)` is
/// `data()[i + j * rows()]`.
///
/// **Values, shared storage.** A `Matrix` behaves as a value: a copy is equal to the original and
/// changing one never changes the other. Copies share their storage until one of them is
/// written to (copy-on-write), so passing, returning and keeping matrices (the caches of a
/// network keep `A_prev`, `W` and `b`) costs no copying of entries.
///
/// **Products when read.** The result of `dot(a, b)` is computed when its entries are first
/// read; a product that nothing reads is never computed, nor given memory. `linear_backward` of the first layer
/// returns \f$ dA^{[0]} = W^{[1]T} dZ^{[1]} \f$, which no one uses: it costs nothing. The shape
/// is known (and checked) at once, and the operands are kept as copies, so a later change to
/// them does not change the product.
///
/// **Indexing.** `A(i, j)` is checked in Debug builds (throws `std::out_of_range` naming the
/// index and the shape) and unchecked in Release; `A.at(i, j)` is always checked.
class Matrix {
 public:
  /// An empty `(0, 0)` matrix.
  Matrix() = default;
  /// A `(rows, cols)` matrix with every entry `fill`.
  Matrix(std::size_t rows, std::size_t cols, double fill = 0.0);
  /// Literal construction row by row, as `np.array([[1, 2], [3, 4]])`:
  /// `Matrix{{1, 2}, {3, 4}}` is `(2, 2)`. Rows of unequal length throw `ShapeError`.
  Matrix(std::initializer_list<std::initializer_list<double>> rows);

  /// `np.zeros((rows, cols))`.
  static Matrix zeros(std::size_t rows, std::size_t cols) { return Matrix(rows, cols, 0.0); }
  /// `np.ones((rows, cols))`.
  static Matrix ones(std::size_t rows, std::size_t cols) { return Matrix(rows, cols, 1.0); }
  /// A matrix from values listed in numpy's C (row-major) order, as numpy stores them.
  static Matrix from_row_major(std::size_t rows, std::size_t cols, const std::vector<double>& v);
  /// A matrix from values listed column by column (this class's own order).
  static Matrix from_col_major(std::size_t rows, std::size_t cols, const std::vector<double>& v);
  /// \brief A `(rows, cols)` matrix whose entries are computed by `compute(data)` when they are
  /// first read; `compute` must write all `rows * cols` entries of `data` (column-major) and
  /// must hold copies, not references, of what it reads. What `dot` returns.
  static Matrix deferred(std::size_t rows, std::size_t cols, std::function<void(double*)> compute);
  /// \brief As deferred(), for a result that can take a later multiplication by a number into
  /// its own computation: `compute(data, s)` must write \f$ s \f$ times the result, rounded as
  /// the result's entries multiplied by \f$ s \f$ one by one would be. `s * M` and `M * s` of
  /// such a matrix, not yet computed and not shared, only record \f$ s \f$ (a product of BLAS
  /// scales its result as it writes it: `(1.0 / m) * dot(dZ, A.T())` is one pass, not two).
  static Matrix deferred_scalable(std::size_t rows, std::size_t cols,
                                  std::function<void(double*, double)> compute);

  std::size_t rows() const { return rows_; }           ///< number of rows
  std::size_t cols() const { return cols_; }           ///< number of columns
  std::size_t size() const { return rows_ * cols_; }   ///< rows * cols
  Shape shape() const { return Shape{rows_, cols_}; }  ///< (rows, cols)
  bool empty() const { return size() == 0; }           ///< true when size() == 0
  /// True when another matrix shares this one's storage, so that a write copies it first.
  bool shares_storage() const { return storage_.use_count() > 1; }
  /// Column-major storage, for reading (computes a product not yet computed).
  const double* data() const { return storage_ ? storage_->read() : nullptr; }
  /// Column-major storage, for writing: first makes the storage this matrix's own, copying it
  /// when another matrix shares it.
  double* data() { return storage_ ? own() : nullptr; }

  /// Entry `(i, j)`; checked only in Debug builds (the hot path of loops).
  double& operator()(std::size_t i, std::size_t j) {
    check_index_in_debug(i, j);
    return data()[i + j * rows_];
  }
  /// Entry `(i, j)`; checked only in Debug builds.
  double operator()(std::size_t i, std::size_t j) const {
    check_index_in_debug(i, j);
    return data()[i + j * rows_];
  }
  /// Entry `(i, j)`, checked: throws `std::out_of_range` naming the index and the shape.
  double& at(std::size_t i, std::size_t j);
  /// Entry `(i, j)`, checked.
  double at(std::size_t i, std::size_t j) const;
  /// The one entry of a `(1, 1)` matrix, as numpy's `float(a)`; throws `ShapeError` otherwise.
  double item() const;

  /// The transpose, as numpy's `A.T`: passed to `dot` as a BLAS flag, never copied.
  Transposed T() const;
  /// A transposed copy.
  Matrix transposed() const;
  /// A copy with a new shape and the same entries in numpy's C order, as `A.reshape(r, c)`.
  Matrix reshaped(std::size_t rows, std::size_t cols) const;
  /// Columns `[begin, end)`, as `A[:, begin:end]`.
  Matrix cols_range(std::size_t begin, std::size_t end) const;
  /// The columns listed in `order`, in that order, as `A[:, order]` (an index may repeat);
  /// throws `std::out_of_range` naming an index that is not a column.
  Matrix columns(const std::vector<std::size_t>& order) const;
  /// Sets every entry to `value`.
  void fill(double value);
  /// \brief Gives the matrix the shape `(rows, cols)` with entries that are *not* set, for an
  /// output that the caller overwrites entirely (numpy's `out=`). The storage is kept when it is
  /// this matrix's own and large enough. In Debug builds every entry becomes NaN, so an entry the
  /// caller forgets to write shows.
  void resize_for_overwrite(std::size_t rows, std::size_t cols);

  Matrix& operator+=(const Matrix& b);  ///< `A += B`, B broadcast to A's shape
  Matrix& operator-=(const Matrix& b);  ///< `A -= B`, B broadcast to A's shape
  Matrix& operator*=(const Matrix& b);  ///< `A *= B`, B broadcast to A's shape
  Matrix& operator/=(const Matrix& b);  ///< `A /= B`, B broadcast to A's shape
  Matrix& operator+=(double s);         ///< adds `s` to every entry
  Matrix& operator-=(double s);         ///< subtracts `s` from every entry
  Matrix& operator*=(double s);         ///< multiplies every entry by `s`
  Matrix& operator/=(double s);         ///< divides every entry by `s`

  /// \brief An update rule applied in one pass, in place: every entry `x` becomes
  /// `rule(x, o...)`, where `o...` are the entries at the same place of `others`, each of this
  /// matrix's shape (no broadcasting). An optimizer's formula line is written with it, and reads
  /// its operands once and writes this matrix once, with no temporary matrix:
  ///
  ///     // v = beta v + (1 - beta) dW
  ///     v.update_entries([=](double v, double dW) { return beta * v + (1 - beta) * dW; }, dW);
  ///
  /// An operand may share this matrix's storage: it is read as it was before the update.
  /// \throws ShapeError when an operand's shape is not this matrix's.
  template <class Rule, class... Others>
  Matrix& update_entries(Rule rule, const Others&... others);

 private:
  // The entries, shared by copies. While a deferred product is not computed, `compute` is set
  // and `values` is null (capacity is the size it will have).
  struct Storage {
    std::unique_ptr<double[]> values;
    std::size_t capacity = 0;
    std::function<void(double*, double)> compute;  // writes scale times the entries
    double scale = 1.0;                            // the number compute multiplies by
    bool scalable = false;  // compute scales as a multiplication after it would round
    const double* read() {
      if (compute) run_compute();
      return values.get();
    }
    void run_compute();
  };
  static std::shared_ptr<Storage> allocate(std::size_t n);  // entries not set
  // Records `s` in a deferred result that can scale itself; false when it cannot (computed
  // already, shared, not scalable, or scaled once already).
  bool fold_scale(double s);
  friend Matrix operator*(Matrix&& a, double s);
  friend Matrix operator*(double s, Matrix&& a);
  double* own();
  void check_index_in_debug([[maybe_unused]] std::size_t i, [[maybe_unused]] std::size_t j) const {
#ifndef NDEBUG
    if (i >= rows_ || j >= cols_) throw_index_error(i, j);
#endif
  }
  // Inline, so that a Debug build's checked A(i, j) needs nothing from the library.
  [[noreturn]] void throw_index_error(std::size_t i, std::size_t j) const {
    throw std::out_of_range("Matrix: index (" + std::to_string(i) + ", " + std::to_string(j) +
                            ") is out of range for shape (" + std::to_string(rows_) + ", " +
                            std::to_string(cols_) + ")");
  }

  std::size_t rows_ = 0;
  std::size_t cols_ = 0;
  std::shared_ptr<Storage> storage_;  // null when empty
};

/// A transposed matrix, made by `Matrix::T()`: passed to `dot`, where the transpose becomes a
/// flag to BLAS and nothing is copied, or turned into a `Matrix` copy. It holds the matrix the
/// way a copy of a `Matrix` does (sharing its storage), so it cannot dangle: `auto t =
/// log(A).T();` stays valid after the temporary `log(A)` is gone.
class Transposed {
 public:
  /// The transpose of `m`.
  explicit Transposed(Matrix m) : m_(std::move(m)) {}
  const Matrix& base() const { return m_; }               ///< the matrix before transposing
  Shape shape() const;                                    ///< shape after transposing
  operator Matrix() const;                                ///< a transposed copy
  double operator()(std::size_t i, std::size_t j) const;  ///< entry (i, j) of the transpose

 private:
  Matrix m_;
};

inline Transposed Matrix::T() const { return Transposed(*this); }

/// Throws `ShapeError` for `update_entries` when an operand's shape differs from the target's.
[[noreturn]] void throw_update_shape_error(Shape target, Shape operand);

template <class Rule, class... Others>
Matrix& Matrix::update_entries(Rule rule, const Others&... others) {
  static_assert((std::is_same_v<Others, Matrix> && ...), "update_entries takes Matrix operands");
  ((others.shape() == shape() ? void() : throw_update_shape_error(shape(), others.shape())), ...);
  if (empty()) return *this;
  double* x = own();  // this matrix's own storage: an operand sharing it keeps the old entries
  const std::size_t n = size();
  if constexpr (sizeof...(Others) == 0) {
    for (std::size_t k = 0; k < n; ++k) x[k] = rule(x[k]);
  } else {
    const auto operands = std::make_tuple(others.data()...);
    for (std::size_t k = 0; k < n; ++k) {
      x[k] = std::apply([&](const auto*... o) { return rule(x[k], o[k]...); }, operands);
    }
  }
  return *this;
}

/// \name Element-wise arithmetic with numpy's broadcasting
/// `A + B`, `A - B`, `A * B` (element-wise, as numpy's `*`), `A / B`; a scalar on either side
/// applies to every entry. Shapes must be equal or 1 along each axis.
///@{
Matrix operator+(const Matrix& a, const Matrix& b);  ///< `a + b`
Matrix operator-(const Matrix& a, const Matrix& b);  ///< `a - b`
Matrix operator*(const Matrix& a, const Matrix& b);  ///< `a * b`, entry by entry
Matrix operator/(const Matrix& a, const Matrix& b);  ///< `a / b`, entry by entry
Matrix operator+(const Matrix& a, double s);         ///< `a + s`
Matrix operator-(const Matrix& a, double s);         ///< `a - s`
Matrix operator*(const Matrix& a, double s);         ///< `a * s`
Matrix operator/(const Matrix& a, double s);         ///< `a / s`
Matrix operator+(double s, const Matrix& a);         ///< `s + a`
Matrix operator-(double s, const Matrix& a);         ///< `s - a`
Matrix operator*(double s, const Matrix& a);         ///< `s * a`
Matrix operator*(Matrix&& a, double s);              ///< `a * s`, in a's storage when it is its own
Matrix operator*(double s, Matrix&& a);              ///< `s * a`, in a's storage when it is its own
Matrix operator/(Matrix&& a, double s);              ///< `a / s`, in a's storage when it is its own
Matrix operator/(double s, const Matrix& a);         ///< `s / a`
Matrix operator-(const Matrix& a);                   ///< `-a`
///@}

/// The shape numpy's broadcasting gives `a op b`; throws `ShapeError` naming `op` when the
/// shapes are incompatible.
Shape broadcast_shape(const char* op, Shape a, Shape b);

/// \name Element-wise functions (the C library's, as numpy's)
///@{
Matrix exp(const Matrix& a);                ///< \f$ e^{a} \f$
Matrix log(const Matrix& a);                ///< natural logarithm
Matrix tanh(const Matrix& a);               ///< hyperbolic tangent
Matrix sin(const Matrix& a);                ///< sine
Matrix cos(const Matrix& a);                ///< cosine
Matrix abs(const Matrix& a);                ///< absolute value
Matrix sqrt(const Matrix& a);               ///< square root
Matrix square(const Matrix& a);             ///< \f$ a^2 \f$
Matrix maximum(const Matrix& a, double s);  ///< `np.maximum(a, s)`
Matrix minimum(const Matrix& a, double s);  ///< `np.minimum(a, s)`
/// 1.0 where `a > s`, else 0.0 (numpy's boolean turned into numbers).
Matrix greater(const Matrix& a, double s);
/// 1.0 where `a == b` exactly (with broadcasting), else 0.0: `(p == y)`.
Matrix equal(const Matrix& a, const Matrix& b);
///@}

/// \name Sums and means (numpy's pairwise summation)
///@{

/// `np.sum(a)`: every entry, in numpy's C order, summed pairwise.
double sum(const Matrix& a);
/// `np.sum(a, axis=axis, keepdims=True)`: axis 0 sums down each column giving `(1, cols)`;
/// axis 1 sums along each row giving `(rows, 1)`. Any other axis throws `std::invalid_argument`.
Matrix sum(const Matrix& a, int axis);
/// `np.sum(a, axis, keepdims=True, out=out)`: as `sum(a, axis)`, written into `out` (resized).
void sum(const Matrix& a, int axis, Matrix& out);
/// `np.mean(a)`.
double mean(const Matrix& a);
/// `np.mean(a, axis=axis, keepdims=True)`.
Matrix mean(const Matrix& a, int axis);
/// numpy's pairwise summation of `n` values spaced `stride` apart (numpy's `pairwise_sum`):
/// below 8 values a plain loop, up to 128 eight accumulators, above that the two halves.
double pairwise_sum(const double* values, std::size_t n, std::size_t stride = 1);
/// numpy's `np.add.reduce` over `n` values spaced `stride` apart: 0.0 plus the pairwise sums
/// of consecutive pieces of at most 8192 values (numpy's buffer size).
double reduce_add(const double* values, std::size_t n, std::size_t stride = 1);
/// reduce_add of every row of a (rows, cols) column-major array: `out[i]` is
/// `reduce_add(a + i, cols, rows)`, bit for bit, computed column by column (contiguous reads).
void reduce_add_rows(const double* a, std::size_t rows, std::size_t cols, double* out);
///@}

/// The number of threads OpenBLAS uses for every product (`DLC_BLAS_THREADS` overrides it):
/// fixed, because some of OpenBLAS's kernels add up in an order that depends on how the work
/// is split, and the course's printed numbers were made with two.
inline constexpr int kBlasThreads = 2;

/// \name Matrix products (one BLAS call each)
/// `dot(a, b)` is numpy's `np.dot(a, b)` for 2-D arrays, and sends the product to BLAS by
/// numpy's own rules: a `(1, 1)` operand scales the other; a row or column vector times a
/// vector is `cblas_ddot`; a matrix times a vector is `cblas_dgemv`; a matrix times a matrix
/// is `cblas_dgemm`. An operand written `A.T()` is passed to BLAS as transposed, never copied.
/// Throws `ShapeError` unless `a.cols` equals `b.rows`.
///@{
Matrix dot(const Matrix& a, const Matrix& b);          ///< \f$ a b \f$
Matrix dot(const Transposed& a, const Matrix& b);      ///< \f$ a^T b \f$
Matrix dot(const Matrix& a, const Transposed& b);      ///< \f$ a b^T \f$
Matrix dot(const Transposed& a, const Transposed& b);  ///< \f$ a^T b^T \f$
///@}

/// \name Matrix products into a buffer, as numpy's np.dot(a, b, out=out)
/// The same products, by the same BLAS calls, written into `out`, which is resized to the
/// product's shape (and so allocated only the first time a loop uses it). `out` must not be
/// `a` or `b`: throws `std::invalid_argument` when it is.
///@{
void dot(const Matrix& a, const Matrix& b, Matrix& out);          ///< \f$ out = a b \f$
void dot(const Transposed& a, const Matrix& b, Matrix& out);      ///< \f$ out = a^T b \f$
void dot(const Matrix& a, const Transposed& b, Matrix& out);      ///< \f$ out = a b^T \f$
void dot(const Transposed& a, const Transposed& b, Matrix& out);  ///< \f$ out = a^T b^T \f$
///@}

/// Element-wise closeness as numpy's `np.allclose`: `|a - b| <= atol + rtol * |b|` everywhere.
/// Shapes must be equal (no broadcasting); NaN is never close.
bool allclose(const Matrix& a, const Matrix& b, double rtol = 1e-05, double atol = 1e-08);

/// The largest `|a - b|` over all entries (shapes must be equal).
double max_abs_diff(const Matrix& a, const Matrix& b);

/// True when every entry is finite (no NaN, no infinity).
bool all_finite(const Matrix& a);

/// Prints as numpy prints a 2-D array, e.g. `[[1. 2.]\n [3. 4.]]`.
std::ostream& operator<<(std::ostream& os, const Matrix& a);
/// Prints a shape, `(3, 4)`.
std::ostream& operator<<(std::ostream& os, Shape shape);

}  // namespace dlc
