/// \file
/// \brief Test helpers: compare matrices and numbers, printing what was expected on failure.
#pragma once

#include <catch2/catch.hpp>
#include <string>

#include "common/matrix.hpp"

namespace dlc::testing {

/// A Catch2 matcher: `CHECK_THAT(dW, IsClose(expected, 1e-12, "dW = 1/m dZ A^T"))` passes when
/// the shapes are equal and every entry is within `tol` (absolute, plus `tol` relative to the
/// expected entry). On failure it prints the formula, the expected and actual matrices, and the
/// largest difference.
class IsCloseMatcher : public Catch::MatcherBase<Matrix> {
 public:
  IsCloseMatcher(Matrix expected, double tol, std::string formula);
  bool match(const Matrix& actual) const override;
  std::string describe() const override;

 private:
  Matrix expected_;
  double tol_;
  std::string formula_;
  mutable std::string detail_;
};

/// See `IsCloseMatcher`.
IsCloseMatcher IsClose(const Matrix& expected, double tol, const std::string& formula = "");

/// Relative-and-absolute closeness of two numbers: `|a - b| <= tol * (1 + |b|)`.
bool near(double actual, double expected, double tol);

}  // namespace dlc::testing
