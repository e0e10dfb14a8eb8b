/// \file
/// \brief Input checks every lesson shares, with messages that say what was expected.
#pragma once

#include "common/matrix.hpp"

namespace dlc {

/// \brief Checks a labelled set: X has at least one example (column), Y is (1, m) with
/// m = X.cols(), and every label is 0 or 1.
/// \param[in] what the function or set being checked, for the message (`"propagate"`)
/// \param[in] X examples, shape (n_x, m)
/// \param[in] Y labels, shape (1, m)
/// \throws ShapeError naming both shapes, or std::invalid_argument naming the first label that
///         is neither 0 nor 1.
void check_examples(const char* what, const Matrix& X, const Matrix& Y);

/// \brief Throws std::invalid_argument naming `what` unless `learning_rate` is a positive,
/// finite number.
void check_learning_rate(const char* what, double learning_rate);

/// \brief Throws std::invalid_argument naming `what` unless `num_iterations` is at least
/// `at_least` (0: a run of no steps is allowed), e.g. `nn_model: num_iterations is -5 but must
/// be 0 or more`.
void check_iterations(const char* what, long num_iterations, long at_least = 0);

}  // namespace dlc
