/// \file
/// \brief MATLAB's `.mat` files (level 5, compressed or not, and level 7.3), read through
/// Debian's libmatio: the regularization notebook's `datasets/data.mat`.
///
/// A variable is read as a `Matrix` of MATLAB's own shape: `X` of size 211 x 2 in MATLAB is a
/// (211, 2) `Matrix` here, entry `(i, j)` being `X(i+1, j+1)`; MATLAB stores it by columns, as
/// `Matrix` does. A lesson turns it into the course's `(features, examples)` layout itself
/// (the notebook's `X.T`).
///
/// Every failure is a `DataError` (common/datasets.hpp) naming the file and what was wrong: a
/// missing file, a file that is not a MATLAB file, a missing variable, a variable that is not a
/// real double matrix (a struct, a cell, text, complex or sparse numbers, more than two
/// dimensions), a shape other than the one asked for, a truncated or corrupt body. libmatio's
/// own messages are kept from stderr; the last one is put in the error instead.
#pragma once

#include <cstddef>
#include <string>

#include "common/datasets.hpp"
#include "common/matrix.hpp"

namespace dlc {

/// No check of that dimension: `read_mat_matrix(path, "X", kAnySize, 2)` takes any number of
/// rows and exactly two columns.
inline constexpr std::size_t kAnySize = 0;

/// \brief Variable `name` of the MATLAB file `path`, a real matrix of doubles.
/// \param[in] path the `.mat` file
/// \param[in] name the variable, as MATLAB names it (`"X"`, `"yval"`)
/// \param[in] rows the rows it must have, or `kAnySize`
/// \param[in] cols the columns it must have, or `kAnySize`
/// \return a `(rows, cols)` `Matrix` of its entries; a variable with no entries is refused.
/// \throws DataError `"<path>: ..."` saying what was wrong: `no such file`, `not a MATLAB file`,
///   `no variable X`, `X is a struct; expected a real matrix of doubles`,
///   `X is (211, 3); expected (n, 2)`, `cannot read X: the file is truncated or corrupt (...)`.
Matrix read_mat_matrix(const std::string& path, const std::string& name,
                       std::size_t rows = kAnySize, std::size_t cols = kAnySize);

}  // namespace dlc
