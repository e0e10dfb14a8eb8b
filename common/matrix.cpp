#include "common/matrix.hpp"

#include <cblas.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <memory>
#include <mutex>
#include <ostream>
#include <sstream>

namespace dlc {

std::string to_string(Shape shape) {
  return "(" + std::to_string(shape.rows) + ", " + std::to_string(shape.cols) + ")";
}

std::ostream& operator<<(std::ostream& os, Shape shape) { return os << to_string(shape); }

void expect_shape(const char* what, const char* name, Shape actual, Shape expected) {
  if (actual != expected) {
    throw ShapeError(std::string(what) + ": " + name + " is " + to_string(actual) +
                     " but expected " + to_string(expected));
  }
}

namespace {

// dst (cols, rows) column-major = transpose of src (rows, cols) column-major. Tiles of 8 source
// rows by 256 source columns: the writes run along dst's columns, and a tile's source lines stay
// in the cache even when a stride is a multiple of the page size. Each entry is multiplied by
// `scale` on its way, rounding as a multiplication after the transpose would (times 1, every
// double stays exactly what it is).
void transpose_into(const double* src, std::size_t rows, std::size_t cols, double* dst,
                    double scale = 1.0) {
  constexpr std::size_t kRows = 8, kCols = 256;
  for (std::size_t i0 = 0; i0 < rows; i0 += kRows) {
    const std::size_t i1 = std::min(rows, i0 + kRows);
    for (std::size_t j0 = 0; j0 < cols; j0 += kCols) {
      const std::size_t j1 = std::min(cols, j0 + kCols);
      for (std::size_t i = i0; i < i1; ++i)
        for (std::size_t j = j0; j < j1; ++j) dst[j + i * cols] = src[i + j * rows] * scale;
    }
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Construction and access

std::shared_ptr<Matrix::Storage> Matrix::allocate(std::size_t n) {
  if (n == 0) return nullptr;
  auto storage = std::make_shared<Storage>();
  storage->values.reset(new double[n]);  // uninitialized: every caller writes each entry
  storage->capacity = n;
  return storage;
}

void Matrix::Storage::run_compute() {
  // The entries get their memory only now: a product nobody reads allocates nothing either.
  if (!values) values.reset(new double[capacity]);
  compute(values.get(), scale);
  compute = nullptr;  // run once; lets go of the operands it kept
}

bool Matrix::fold_scale(double s) {
  if (!storage_ || storage_.use_count() > 1 || !storage_->compute || !storage_->scalable ||
      storage_->scale != 1.0) {
    return false;
  }
  storage_->scale = s;
  return true;
}

double* Matrix::own() {
  if (storage_.use_count() > 1) {
    // Shared with another matrix: this one gets a copy of the entries (a deferred product is
    // computed first, once, for both).
    const double* shared = storage_->read();
    std::shared_ptr<Storage> copy = allocate(size());
    std::copy(shared, shared + size(), copy->values.get());
    storage_ = std::move(copy);
  }
  return const_cast<double*>(storage_->read());
}

Matrix::Matrix(std::size_t rows, std::size_t cols, double fill)
    : rows_(rows), cols_(cols), storage_(allocate(rows * cols)) {
  if (storage_) std::fill(storage_->values.get(), storage_->values.get() + size(), fill);
}

Matrix::Matrix(std::initializer_list<std::initializer_list<double>> rows) {
  const std::size_t n_rows = rows.size();
  const std::size_t n_cols = n_rows == 0 ? 0 : rows.begin()->size();
  std::size_t i = 0;
  for (const auto& row : rows) {
    if (row.size() != n_cols) {
      throw ShapeError("Matrix: row " + std::to_string(i) + " has " + std::to_string(row.size()) +
                       " values but row 0 has " + std::to_string(n_cols) +
                       "; every row of a literal must have the same length");
    }
    ++i;
  }
  *this = Matrix(n_rows, n_cols);
  i = 0;
  for (const auto& row : rows) {
    std::size_t j = 0;
    for (double v : row) (*this)(i, j++) = v;
    ++i;
  }
}

Matrix Matrix::from_row_major(std::size_t rows, std::size_t cols, const std::vector<double>& v) {
  if (v.size() != rows * cols) {
    throw ShapeError("from_row_major: " + std::to_string(v.size()) + " values cannot fill " +
                     to_string(Shape{rows, cols}));
  }
  Matrix m(rows, cols);
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < cols; ++j) m(i, j) = v[i * cols + j];
  return m;
}

Matrix Matrix::from_col_major(std::size_t rows, std::size_t cols, const std::vector<double>& v) {
  if (v.size() != rows * cols) {
    throw ShapeError("from_col_major: " + std::to_string(v.size()) + " values cannot fill " +
                     to_string(Shape{rows, cols}));
  }
  Matrix m;
  m.rows_ = rows;
  m.cols_ = cols;
  m.storage_ = allocate(v.size());
  std::copy(v.begin(), v.end(), m.data());
  return m;
}

Matrix Matrix::deferred(std::size_t rows, std::size_t cols, std::function<void(double*)> compute) {
  Matrix m = deferred_scalable(
      rows, cols, [compute = std::move(compute)](double* out, double) { compute(out); });
  if (m.storage_) m.storage_->scalable = false;  // it computes what it computes, unscaled
  return m;
}

Matrix Matrix::deferred_scalable(std::size_t rows, std::size_t cols,
                                 std::function<void(double*, double)> compute) {
  Matrix m;
  m.rows_ = rows;
  m.cols_ = cols;
  if (rows * cols == 0) return m;
  m.storage_ = std::make_shared<Storage>();
  m.storage_->capacity = rows * cols;  // allocated when first read
  m.storage_->compute = std::move(compute);
  m.storage_->scalable = true;
  return m;
}

double& Matrix::at(std::size_t i, std::size_t j) {
  if (i >= rows_ || j >= cols_) throw_index_error(i, j);
  return data()[i + j * rows_];
}

double Matrix::at(std::size_t i, std::size_t j) const {
  if (i >= rows_ || j >= cols_) throw_index_error(i, j);
  return data()[i + j * rows_];
}

double Matrix::item() const {
  if (rows_ != 1 || cols_ != 1) {
    throw ShapeError("item: the matrix is " + to_string(shape()) + " but expected (1, 1)");
  }
  return data()[0];
}

Matrix Matrix::transposed() const {
  Matrix t;
  t.resize_for_overwrite(cols_, rows_);
  transpose_into(data(), rows_, cols_, t.data());
  return t;
}

Matrix Matrix::reshaped(std::size_t rows, std::size_t cols) const {
  if (rows * cols != size()) {
    throw ShapeError("reshape: cannot reshape " + to_string(shape()) + " into " +
                     to_string(Shape{rows, cols}) + "; the number of entries must stay the same");
  }
  // numpy's reshape reads and writes in C order: entry k of the flat C order keeps its place.
  Matrix r(rows, cols);
  for (std::size_t k = 0; k < size(); ++k) r(k / cols, k % cols) = (*this)(k / cols_, k % cols_);
  return r;
}

Matrix Matrix::cols_range(std::size_t begin, std::size_t end) const {
  if (begin > end || end > cols_) {
    throw ShapeError("cols_range: columns [" + std::to_string(begin) + ", " + std::to_string(end) +
                     ") do not fit in " + to_string(shape()));
  }
  Matrix r;
  r.resize_for_overwrite(rows_, end - begin);
  if (!r.empty()) std::copy(data() + begin * rows_, data() + end * rows_, r.data());
  return r;
}

Matrix Matrix::columns(const std::vector<std::size_t>& order) const {
  for (const std::size_t j : order) {
    if (j >= cols_) {
      throw std::out_of_range("columns: column " + std::to_string(j) + " is out of range for " +
                              to_string(shape()));
    }
  }
  Matrix r;
  r.resize_for_overwrite(rows_, order.size());
  if (r.empty()) return r;
  const double* from = data();
  double* to = r.data();
  for (std::size_t k = 0; k < order.size(); ++k)
    std::copy(from + order[k] * rows_, from + (order[k] + 1) * rows_, to + k * rows_);
  return r;
}

void Matrix::fill(double value) {
  if (!empty()) std::fill(data(), data() + size(), value);
}

void Matrix::resize_for_overwrite(std::size_t rows, std::size_t cols) {
  const std::size_t n = rows * cols;
  if (!storage_ || storage_.use_count() > 1 || storage_->capacity < n || !storage_->values) {
    storage_ = allocate(n);
  } else {
    storage_->compute = nullptr;  // a pending product would overwrite the caller's entries
  }
  rows_ = rows;
  cols_ = cols;
#ifndef NDEBUG
  fill(std::numeric_limits<double>::quiet_NaN());
#endif
}

Shape Transposed::shape() const { return Shape{m_.cols(), m_.rows()}; }
Transposed::operator Matrix() const { return m_.transposed(); }
double Transposed::operator()(std::size_t i, std::size_t j) const { return m_(j, i); }

// ---------------------------------------------------------------------------------------------
// Broadcasting

Shape broadcast_shape(const char* op, Shape a, Shape b) {
  auto dim = [](std::size_t x, std::size_t y, bool& ok) {
    if (x == y || y == 1) return x;
    if (x == 1) return y;
    ok = false;
    return x;
  };
  bool ok = true;
  Shape out{dim(a.rows, b.rows, ok), dim(a.cols, b.cols, ok)};
  if (!ok) {
    throw ShapeError(std::string(op) + ": cannot broadcast " + to_string(a) + " with " +
                     to_string(b) + "; along each axis the sizes must be equal or one of them 1");
  }
  return out;
}

namespace {

// out(i, j) = f(a(i', j'), b(i'', j'')) where a size-1 axis is repeated. The common cases
// (equal shapes; a column or row vector against a matrix) each run as one straight pass.
template <class F>
Matrix broadcast_binary(const char* op, const Matrix& a, const Matrix& b, F f) {
  const Shape s = broadcast_shape(op, a.shape(), b.shape());
  Matrix out;
  out.resize_for_overwrite(s.rows, s.cols);
  double* o = out.data();
  const double* pa = a.data();
  const double* pb = b.data();
  if (a.shape() == b.shape()) {
    for (std::size_t k = 0; k < out.size(); ++k) o[k] = f(pa[k], pb[k]);
    return out;
  }
  // Column by column; within a column each side is either a column of its own or one value
  // repeated, and each of the four cases is a loop of its own, which the compiler vectorizes.
  const bool a_repeats = a.rows() == 1 && s.rows > 1;
  const bool b_repeats = b.rows() == 1 && s.rows > 1;
  for (std::size_t j = 0; j < s.cols; ++j) {
    const double* ca = pa + (a.cols() == 1 ? 0 : j * a.rows());
    const double* cb = pb + (b.cols() == 1 ? 0 : j * b.rows());
    double* co = o + j * s.rows;
    if (!a_repeats && !b_repeats) {
      for (std::size_t i = 0; i < s.rows; ++i) co[i] = f(ca[i], cb[i]);
    } else if (!a_repeats) {
      const double y = cb[0];
      for (std::size_t i = 0; i < s.rows; ++i) co[i] = f(ca[i], y);
    } else if (!b_repeats) {
      const double x = ca[0];
      for (std::size_t i = 0; i < s.rows; ++i) co[i] = f(x, cb[i]);
    } else {
      co[0] = f(ca[0], cb[0]);  // a row against a row: one row of results
    }
  }
  return out;
}

// a(i, j) = f(a(i, j), b(...)) in place; b must broadcast to exactly a's shape.
template <class F>
void broadcast_inplace(const char* op, Matrix& a, const Matrix& b, F f) {
  const Shape s = broadcast_shape(op, a.shape(), b.shape());
  if (s != a.shape()) {
    throw ShapeError(std::string(op) + ": the result would be " + to_string(s) +
                     " but the left side is " + to_string(a.shape()) +
                     "; an in-place operation cannot change the left side's shape");
  }
  if (a.shares_storage()) {
    // Writing would copy a's entries first: compute the result into storage of its own instead,
    // one pass rather than two.
    a = broadcast_binary(op, a, b, f);
    return;
  }
  double* pa = a.data();
  const double* pb = b.data();
  if (a.shape() == b.shape()) {
    for (std::size_t k = 0; k < a.size(); ++k) pa[k] = f(pa[k], pb[k]);
    return;
  }
  const bool b_repeats = b.rows() == 1 && a.rows() > 1;
  for (std::size_t j = 0; j < a.cols(); ++j) {
    const double* cb = pb + (b.cols() == 1 ? 0 : j * b.rows());
    double* ca = pa + j * a.rows();
    if (b_repeats) {
      const double y = cb[0];
      for (std::size_t i = 0; i < a.rows(); ++i) ca[i] = f(ca[i], y);
    } else {
      for (std::size_t i = 0; i < a.rows(); ++i) ca[i] = f(ca[i], cb[i]);
    }
  }
}

template <class F>
Matrix map(const Matrix& a, F f) {
  Matrix out;
  out.resize_for_overwrite(a.rows(), a.cols());
  const double* pa = a.data();
  double* o = out.data();
  for (std::size_t k = 0; k < a.size(); ++k) o[k] = f(pa[k]);
  return out;
}

template <class F>
void map_inplace(Matrix& a, F f) {
  if (a.shares_storage()) {
    a = map(a, f);  // one pass into storage of its own, rather than a copy and a pass
    return;
  }
  double* pa = a.data();
  for (std::size_t k = 0; k < a.size(); ++k) pa[k] = f(pa[k]);
}

constexpr auto kAdd = [](double x, double y) { return x + y; };
constexpr auto kSub = [](double x, double y) { return x - y; };
constexpr auto kMul = [](double x, double y) { return x * y; };
constexpr auto kDiv = [](double x, double y) { return x / y; };

}  // namespace

Matrix& Matrix::operator+=(const Matrix& b) {
  broadcast_inplace("add", *this, b, kAdd);
  return *this;
}
Matrix& Matrix::operator-=(const Matrix& b) {
  broadcast_inplace("subtract", *this, b, kSub);
  return *this;
}
Matrix& Matrix::operator*=(const Matrix& b) {
  broadcast_inplace("multiply", *this, b, kMul);
  return *this;
}
Matrix& Matrix::operator/=(const Matrix& b) {
  broadcast_inplace("divide", *this, b, kDiv);
  return *this;
}
void throw_update_shape_error(Shape target, Shape operand) {
  throw ShapeError("update_entries: the matrix updated is " + to_string(target) +
                   " but an operand is " + to_string(operand) +
                   "; an update rule takes operands of the same shape (no broadcasting)");
}

Matrix& Matrix::operator+=(double s) {
  map_inplace(*this, [s](double x) { return x + s; });
  return *this;
}
Matrix& Matrix::operator-=(double s) {
  map_inplace(*this, [s](double x) { return x - s; });
  return *this;
}
Matrix& Matrix::operator*=(double s) {
  map_inplace(*this, [s](double x) { return x * s; });
  return *this;
}
Matrix& Matrix::operator/=(double s) {
  map_inplace(*this, [s](double x) { return x / s; });
  return *this;
}

Matrix operator+(const Matrix& a, const Matrix& b) { return broadcast_binary("add", a, b, kAdd); }
Matrix operator-(const Matrix& a, const Matrix& b) {
  return broadcast_binary("subtract", a, b, kSub);
}
Matrix operator*(const Matrix& a, const Matrix& b) {
  return broadcast_binary("multiply", a, b, kMul);
}
Matrix operator/(const Matrix& a, const Matrix& b) {
  return broadcast_binary("divide", a, b, kDiv);
}
Matrix operator+(const Matrix& a, double s) {
  return map(a, [s](double x) { return x + s; });
}
Matrix operator-(const Matrix& a, double s) {
  return map(a, [s](double x) { return x - s; });
}
Matrix operator*(const Matrix& a, double s) {
  return map(a, [s](double x) { return x * s; });
}
Matrix operator/(const Matrix& a, double s) {
  return map(a, [s](double x) { return x / s; });
}
Matrix operator+(double s, const Matrix& a) {
  return map(a, [s](double x) { return s + x; });
}
Matrix operator-(double s, const Matrix& a) {
  return map(a, [s](double x) { return s - x; });
}
Matrix operator*(Matrix&& a, double s) {
  if (!a.fold_scale(s)) a *= s;
  return std::move(a);
}
Matrix operator*(double s, Matrix&& a) {
  if (!a.fold_scale(s)) map_inplace(a, [s](double x) { return s * x; });
  return std::move(a);
}
Matrix operator/(Matrix&& a, double s) {
  a /= s;
  return std::move(a);
}
Matrix operator*(double s, const Matrix& a) {
  return map(a, [s](double x) { return s * x; });
}
Matrix operator/(double s, const Matrix& a) {
  return map(a, [s](double x) { return s / x; });
}
Matrix operator-(const Matrix& a) {
  return map(a, [](double x) { return -x; });
}

Matrix exp(const Matrix& a) {
  return map(a, [](double x) { return std::exp(x); });
}
Matrix log(const Matrix& a) {
  return map(a, [](double x) { return std::log(x); });
}
Matrix tanh(const Matrix& a) {
  return map(a, [](double x) { return std::tanh(x); });
}
Matrix sin(const Matrix& a) {
  return map(a, [](double x) { return std::sin(x); });
}
Matrix cos(const Matrix& a) {
  return map(a, [](double x) { return std::cos(x); });
}
Matrix abs(const Matrix& a) {
  return map(a, [](double x) { return std::fabs(x); });
}
Matrix sqrt(const Matrix& a) {
  return map(a, [](double x) { return std::sqrt(x); });
}
Matrix square(const Matrix& a) {
  return map(a, [](double x) { return x * x; });
}
Matrix maximum(const Matrix& a, double s) {
  // numpy's maximum propagates NaN.
  return map(a, [s](double x) { return (std::isnan(x) || x >= s) ? x : s; });
}
Matrix minimum(const Matrix& a, double s) {
  return map(a, [s](double x) { return (std::isnan(x) || x <= s) ? x : s; });
}
Matrix greater(const Matrix& a, double s) {
  return map(a, [s](double x) { return x > s ? 1.0 : 0.0; });
}
Matrix equal(const Matrix& a, const Matrix& b) {
  return broadcast_binary("equal", a, b, [](double x, double y) { return x == y ? 1.0 : 0.0; });
}

// ---------------------------------------------------------------------------------------------
// Sums: numpy's pairwise summation (numpy/core/src/umath/loops_utils.h.src, `pairwise_sum`).

double pairwise_sum(const double* a, std::size_t n, std::size_t stride) {
  constexpr std::size_t kBlock = 128;  // numpy's PW_BLOCKSIZE
  if (n < 8) {
    // numpy starts from -0.0 so that a sum of negative zeros stays -0.0.
    double res = -0.0;
    for (std::size_t i = 0; i < n; ++i) res += a[i * stride];
    return res;
  }
  if (n <= kBlock) {
    double r[8];
    for (std::size_t j = 0; j < 8; ++j) r[j] = a[j * stride];
    std::size_t i = 8;
    for (; i < n - (n % 8); i += 8)
      for (std::size_t j = 0; j < 8; ++j) r[j] += a[(i + j) * stride];
    double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; ++i) res += a[i * stride];
    return res;
  }
  std::size_t n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise_sum(a, n2, stride) + pairwise_sum(a + n2 * stride, n - n2, stride);
}

double reduce_add(const double* values, std::size_t n, std::size_t stride) {
  // numpy's add.reduce starts from 0.0 and feeds its inner loop at most one buffer
  // (8192 values) at a time; each piece is summed pairwise and added to the total.
  constexpr std::size_t kBuffer = 8192;
  double total = 0.0;
  for (std::size_t start = 0; start < n; start += kBuffer)
    total += pairwise_sum(values + start * stride, std::min(kBuffer, n - start), stride);
  return total;
}

namespace {

// pairwise_sum of every row of the (rows, n) column-major block at `a` at once: the same
// additions in the same order for each row as pairwise_sum(a + i, n, rows), but walking the
// columns, which are contiguous, so that each step is one pass down a column that the compiler
// vectorizes, rather than a stride of `rows` doubles per value. `r` holds 8 * rows doubles of
// scratch; `res` receives the rows' sums.
void pairwise_sum_rows(const double* a, std::size_t rows, std::size_t n, double* r, double* res) {
  constexpr std::size_t kBlock = 128;  // numpy's PW_BLOCKSIZE
  if (n < 8) {
    for (std::size_t i = 0; i < rows; ++i) res[i] = -0.0;
    for (std::size_t j = 0; j < n; ++j) {
      const double* col = a + j * rows;
      for (std::size_t i = 0; i < rows; ++i) res[i] += col[i];
    }
    return;
  }
  if (n <= kBlock) {
    // r[j][i] is row i's accumulator j, as numpy's r[j]: columns j, j + 8, j + 16 ...
    for (std::size_t j = 0; j < 8; ++j) std::copy(a + j * rows, a + (j + 1) * rows, r + j * rows);
    std::size_t k = 8;
    for (; k < n - (n % 8); k += 8) {
      for (std::size_t j = 0; j < 8; ++j) {
        double* acc = r + j * rows;
        const double* col = a + (k + j) * rows;
        for (std::size_t i = 0; i < rows; ++i) acc[i] += col[i];
      }
    }
    const double *r0 = r, *r1 = r + rows, *r2 = r + 2 * rows, *r3 = r + 3 * rows;
    const double *r4 = r + 4 * rows, *r5 = r + 5 * rows, *r6 = r + 6 * rows, *r7 = r + 7 * rows;
    for (std::size_t i = 0; i < rows; ++i)
      res[i] = ((r0[i] + r1[i]) + (r2[i] + r3[i])) + ((r4[i] + r5[i]) + (r6[i] + r7[i]));
    for (; k < n; ++k) {
      const double* col = a + k * rows;
      for (std::size_t i = 0; i < rows; ++i) res[i] += col[i];
    }
    return;
  }
  std::size_t n2 = n / 2;
  n2 -= n2 % 8;
  std::vector<double> right(rows);
  pairwise_sum_rows(a, rows, n2, r, res);
  pairwise_sum_rows(a + n2 * rows, rows, n - n2, r, right.data());
  for (std::size_t i = 0; i < rows; ++i) res[i] += right[i];
}

}  // namespace

void reduce_add_rows(const double* a, std::size_t rows, std::size_t cols, double* out) {
  // reduce_add of each row, as numpy's add.reduce along the fast axis: from 0.0, one buffer of
  // 8192 values at a time, each piece summed pairwise and added to the total.
  constexpr std::size_t kBuffer = 8192;
  std::vector<double> scratch(9 * rows);
  double* r = scratch.data();
  double* piece = r + 8 * rows;
  std::fill(out, out + rows, 0.0);
  for (std::size_t start = 0; start < cols; start += kBuffer) {
    pairwise_sum_rows(a + start * rows, rows, std::min(kBuffer, cols - start), r, piece);
    for (std::size_t i = 0; i < rows; ++i) out[i] += piece[i];
  }
}

double sum(const Matrix& a) {
  // np.sum(a) of a C-ordered array is one reduction over its C order. For a row or column
  // vector that is the storage order too; otherwise gather the rows first.
  if (a.rows() == 1 || a.cols() == 1) return reduce_add(a.data(), a.size(), 1);
  std::vector<double> c_order(a.size());
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.cols(); ++j) c_order[i * a.cols() + j] = a(i, j);
  return reduce_add(c_order.data(), c_order.size(), 1);
}

Matrix sum(const Matrix& a, int axis) {
  Matrix out;
  sum(a, axis, out);
  return out;
}

void sum(const Matrix& a, int axis, Matrix& out) {
  if (&out == &a) throw std::invalid_argument("sum: out must not be the matrix being summed");
  if (axis == 0) {
    // Down each column. numpy walks a C-ordered array row after row here, adding each row
    // into the running total: a plain sequential sum, not a pairwise one.
    out.resize_for_overwrite(1, a.cols());
    for (std::size_t j = 0; j < a.cols(); ++j) {
      if (a.rows() == 1) {
        out(0, j) = a(0, j);
        continue;
      }
      double s = 0.0;
      const double* col = a.data() + j * a.rows();
      for (std::size_t i = 0; i < a.rows(); ++i) s += col[i];
      out(0, j) = s;
    }
    return;
  }
  if (axis == 1) {
    // Along each row: numpy's fast axis, summed pairwise, every row at once (see
    // reduce_add_rows).
    out.resize_for_overwrite(a.rows(), 1);
    reduce_add_rows(a.data(), a.rows(), a.cols(), out.data());
    return;
  }
  throw std::invalid_argument("sum: axis must be 0 (down columns) or 1 (along rows), not " +
                              std::to_string(axis));
}

double mean(const Matrix& a) { return sum(a) / static_cast<double>(a.size()); }

Matrix mean(const Matrix& a, int axis) {
  Matrix s = sum(a, axis);
  s /= static_cast<double>(axis == 0 ? a.rows() : a.cols());
  return s;
}

// ---------------------------------------------------------------------------------------------
// Products: np.dot's dispatch to BLAS (numpy/core/src/common/cblasfuncs.c).

namespace {

struct Operand {
  const Matrix* m;
  bool transposed;
  std::size_t rows() const { return transposed ? m->cols() : m->rows(); }
  std::size_t cols() const { return transposed ? m->rows() : m->cols(); }
  Shape shape() const { return Shape{rows(), cols()}; }
  double at(std::size_t i, std::size_t j) const { return transposed ? (*m)(j, i) : (*m)(i, j); }
};

// numpy classifies each 2-D operand as a scalar (1, 1), a column (n, 1), a row (1, n) or a
// matrix, and picks scal, dot, gemv or gemm from the pair.
enum class Kind { kScalar, kColumn, kRow, kMatrix };
Kind kind_of(const Operand& x) {
  if (x.rows() > 1 && x.cols() > 1) return Kind::kMatrix;
  if (x.rows() > 1) return Kind::kColumn;
  if (x.cols() > 1) return Kind::kRow;
  return Kind::kScalar;
}

int blas_int(std::size_t n) { return static_cast<int>(n); }

// OpenBLAS splits a product among its threads, and some kernels add up in a different order
// depending on the split; a chaotic training run (the flower's sweep) then ends differently. The
// course's numbers were printed with two threads, so every product here uses two, whatever the
// machine, unless DLC_BLAS_THREADS says otherwise.
void pin_blas_threads() {
  static std::once_flag once;
  std::call_once(once, [] {
    int threads = kBlasThreads;
    if (const char* env = std::getenv("DLC_BLAS_THREADS"); env != nullptr && *env != '\0') {
      const int n = std::atoi(env);
      if (n >= 1 && n <= 256) threads = n;
    }
    openblas_set_num_threads(threads);
  });
}

// The product's shape, checked as numpy checks it.
Shape product_shape(const Operand& a, const Operand& b) {
  if (a.cols() != b.rows()) {
    throw ShapeError("dot: shapes " + to_string(a.shape()) + " and " + to_string(b.shape()) +
                     " are not aligned; the first's columns (" + std::to_string(a.cols()) +
                     ") must equal the second's rows (" + std::to_string(b.rows()) + ")");
  }
  return Shape{a.rows(), b.cols()};
}

// From this many rows of the result on, a product is computed as it is rather than as numpy's
// transpose (see product_into).
constexpr std::size_t kDirectProductRows = 64;
// The longest sum whose product takes a scale as BLAS's alpha (see product_into): well within
// one block of OpenBLAS's kernels along k.
constexpr std::size_t kScaledProductDepth = 128;

// out (n, m), column-major, = a b, with numpy's choice of BLAS call. The shapes are checked.
void product_into(const Operand& a, const Operand& b, double* out, double scale) {
  pin_blas_threads();
  const std::size_t n = a.rows(), k = a.cols(), m = b.cols();
  if (n == 0 || m == 0) return;
  if (k == 0) {
    std::fill(out, out + n * m, 0.0 * scale);  // an empty sum is zero
    return;
  }
  // The paths below that do not take `scale` into their BLAS call multiply afterwards.
  const auto scale_after = [&] {
    if (scale != 1.0)
      for (std::size_t e = 0; e < n * m; ++e) out[e] = out[e] * scale;
  };
  const double* pa = a.m->data();
  const double* pb = b.m->data();
  const Kind ka = kind_of(a), kb = kind_of(b);
  if (ka == Kind::kScalar || kb == Kind::kScalar) {
    // One side is (1, 1) (so k == 1): out = s * other.
    for (std::size_t j = 0; j < m; ++j)
      for (std::size_t i = 0; i < n; ++i) out[i + j * n] = a.at(i, 0) * b.at(0, j);
    scale_after();
    return;
  }
  // Every vector here is contiguous in memory, whatever its transpose flag.
  if (ka != Kind::kMatrix && kb != Kind::kMatrix) {
    if (ka == Kind::kRow && kb == Kind::kColumn) {
      out[0] = cblas_ddot(blas_int(k), pa, 1, pb, 1);
    } else {
      // (n, 1) times (1, m): an outer product; numpy computes it with gemm.
      cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, blas_int(n), blas_int(m), 1, 1.0, pa,
                  blas_int(n), pb, 1, 0.0, out, blas_int(n));
    }
    scale_after();
    return;
  }
  if (ka == Kind::kMatrix && kb != Kind::kMatrix) {
    // matrix (n, k) times column (k, 1): gemv.
    const CBLAS_TRANSPOSE ta = a.transposed ? CblasTrans : CblasNoTrans;
    cblas_dgemv(CblasColMajor, ta, blas_int(a.m->rows()), blas_int(a.m->cols()), 1.0, pa,
                blas_int(a.m->rows()), pb, 1, 0.0, out, 1);
    scale_after();
    return;
  }
  if (ka != Kind::kMatrix && kb == Kind::kMatrix) {
    // row (1, k) times matrix (k, m) is (b^T a^T)^T: gemv with b's transpose flipped.
    const CBLAS_TRANSPOSE tb = b.transposed ? CblasNoTrans : CblasTrans;
    cblas_dgemv(CblasColMajor, tb, blas_int(b.m->rows()), blas_int(b.m->cols()), 1.0, pb,
                blas_int(b.m->rows()), pa, 1, 0.0, out, 1);
    scale_after();
    return;
  }
  // numpy's result is a C-ordered array, and OpenBLAS computes a C-ordered product as its
  // transpose in column-major terms: out^T = b^T a^T, with out's columns as the kernel's rows.
  // Making the same call keeps numpy's kernel, and its speed: OpenBLAS is slow on a product with
  // few rows and a long sum (20 hidden units against 12288 pixels), fast on its transpose. The
  // (m, n) result is then transposed into place, a pass much cheaper than the product.
  // The scratch buffer grows to the largest product a thread has made and is never cleared
  // (BLAS overwrites it), so a training loop allocates it once.
  if (n >= kDirectProductRows) {
    // Enough rows for OpenBLAS to be fast on the product as it is: computed straight into
    // column-major out, with no transpose after it. Each entry is the same chain of
    // multiply-adds over k either way (OpenBLAS splits the work among threads by rows and
    // columns, never along k), so the numbers are numpy's. With a sum short enough to be one
    // block of OpenBLAS's kernel, the kernel multiplies each finished sum by alpha, which
    // rounds as a multiplication afterwards would: the scale goes in as alpha.
    const bool scale_in_blas = k <= kScaledProductDepth;
    cblas_dgemm(CblasColMajor, a.transposed ? CblasTrans : CblasNoTrans,
                b.transposed ? CblasTrans : CblasNoTrans, blas_int(n), blas_int(m), blas_int(k),
                scale_in_blas ? scale : 1.0, pa, blas_int(a.m->rows()), pb, blas_int(b.m->rows()),
                0.0, out, blas_int(n));
    if (!scale_in_blas) scale_after();
    return;
  }
  thread_local std::unique_ptr<double[]> transposed_out;
  thread_local std::size_t capacity = 0;
  if (capacity < n * m) {
    transposed_out.reset(new double[n * m]);  // uninitialized: BLAS writes every entry
    capacity = n * m;
  }
  cblas_dgemm(CblasColMajor, b.transposed ? CblasNoTrans : CblasTrans,
              a.transposed ? CblasNoTrans : CblasTrans, blas_int(m), blas_int(n), blas_int(k), 1.0,
              pb, blas_int(b.m->rows()), pa, blas_int(a.m->rows()), 0.0, transposed_out.get(),
              blas_int(m));
  transpose_into(transposed_out.get(), m, n, out, scale);
}

// np.dot(a, b, out=out).
void product_into(const Operand& a, const Operand& b, Matrix& out) {
  const Shape s = product_shape(a, b);
  if (&out == a.m || &out == b.m) {
    throw std::invalid_argument("dot: out must be a matrix of its own, not one of the factors");
  }
  out.resize_for_overwrite(s.rows, s.cols);
  product_into(a, b, out.data(), 1.0);
}

// np.dot(a, b), computed when first read. The operands are kept as copies (sharing storage), so
// the product is the one of the values they have now.
Matrix deferred_product(const Matrix& a, bool a_transposed, const Matrix& b, bool b_transposed) {
  const Shape s = product_shape({&a, a_transposed}, {&b, b_transposed});
  return Matrix::deferred_scalable(
      s.rows, s.cols, [a, a_transposed, b, b_transposed](double* out, double scale) {
        product_into({&a, a_transposed}, {&b, b_transposed}, out, scale);
      });
}

}  // namespace

void dot(const Matrix& a, const Matrix& b, Matrix& out) {
  product_into({&a, false}, {&b, false}, out);
}
void dot(const Transposed& a, const Matrix& b, Matrix& out) {
  product_into({&a.base(), true}, {&b, false}, out);
}
void dot(const Matrix& a, const Transposed& b, Matrix& out) {
  product_into({&a, false}, {&b.base(), true}, out);
}
void dot(const Transposed& a, const Transposed& b, Matrix& out) {
  product_into({&a.base(), true}, {&b.base(), true}, out);
}
Matrix dot(const Matrix& a, const Matrix& b) { return deferred_product(a, false, b, false); }
Matrix dot(const Transposed& a, const Matrix& b) {
  return deferred_product(a.base(), true, b, false);
}
Matrix dot(const Matrix& a, const Transposed& b) {
  return deferred_product(a, false, b.base(), true);
}
Matrix dot(const Transposed& a, const Transposed& b) {
  return deferred_product(a.base(), true, b.base(), true);
}

// ---------------------------------------------------------------------------------------------
// Comparison and printing

static void expect_same_shape(const char* what, const Matrix& a, const Matrix& b) {
  if (a.shape() != b.shape()) {
    throw ShapeError(std::string(what) + ": shapes " + to_string(a.shape()) + " and " +
                     to_string(b.shape()) + " differ; they must be equal");
  }
}

bool allclose(const Matrix& a, const Matrix& b, double rtol, double atol) {
  expect_same_shape("allclose", a, b);
  for (std::size_t k = 0; k < a.size(); ++k) {
    const double x = a.data()[k], y = b.data()[k];
    if (x == y) continue;  // equal infinities
    if (!(std::fabs(x - y) <= atol + rtol * std::fabs(y))) return false;
  }
  return true;
}

double max_abs_diff(const Matrix& a, const Matrix& b) {
  expect_same_shape("max_abs_diff", a, b);
  double d = 0.0;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const double e = std::fabs(a.data()[k] - b.data()[k]);
    if (std::isnan(e)) return e;
    d = std::max(d, e);
  }
  return d;
}

bool all_finite(const Matrix& a) {
  return std::all_of(a.data(), a.data() + a.size(), [](double x) { return std::isfinite(x); });
}

namespace {
// One entry the way numpy prints it: up to 8 decimals, trailing zeros dropped, a whole number
// as "3.", and scientific notation when the magnitudes call for it.
std::string format_entry(double x, bool scientific) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  char buf[64];
  if (scientific) {
    std::snprintf(buf, sizeof buf, "%.8e", x);
    std::string s(buf);
    const auto e = s.find('e');
    std::string mant = s.substr(0, e), ex = s.substr(e);
    while (mant.size() > 1 && mant.back() == '0') mant.pop_back();
    return mant + ex;
  }
  std::snprintf(buf, sizeof buf, "%.8f", x);
  std::string s(buf);
  while (s.back() == '0') s.pop_back();
  return s;
}
}  // namespace

std::ostream& operator<<(std::ostream& os, const Matrix& a) {
  double max_abs = 0.0, min_abs = 0.0;
  bool first = true;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const double x = a.data()[k];
    if (!std::isfinite(x)) continue;
    const double v = std::fabs(x);
    max_abs = std::max(max_abs, v);
    if (v != 0.0 && (first || v < min_abs)) {
      min_abs = v;
      first = false;
    }
  }
  const bool scientific = max_abs >= 1e8 || (min_abs != 0.0 && min_abs < 1e-4);
  // numpy aligns the decimal points: the integer parts are padded on the left and the
  // fractional parts on the right to the widest of each.
  std::vector<std::string> cells(a.size());
  std::size_t int_width = 0, frac_width = 0;
  auto split = [](const std::string& c) {
    const auto dot = c.find('.');
    return dot == std::string::npos ? c.size() : dot;
  };
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.cols(); ++j) {
      auto& c = cells[i * a.cols() + j];
      c = format_entry(a(i, j), scientific);
      const std::size_t d = split(c);
      int_width = std::max(int_width, d);
      frac_width = std::max(frac_width, c.size() - d);
    }
  for (auto& c : cells) {
    const std::size_t d = split(c);
    c = std::string(int_width - d, ' ') + c + std::string(frac_width - (c.size() - d), ' ');
  }
  os << '[';
  for (std::size_t i = 0; i < a.rows(); ++i) {
    if (i > 0) os << "\n ";
    os << '[';
    for (std::size_t j = 0; j < a.cols(); ++j) {
      if (j > 0) os << ' ';
      os << cells[i * a.cols() + j];
    }
    os << ']';
  }
  return os << ']';
}

}  // namespace dlc
