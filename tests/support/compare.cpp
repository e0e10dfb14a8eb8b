#include "tests/support/compare.hpp"

#include <cmath>
#include <sstream>
#include <utility>

namespace dlc::testing {

IsCloseMatcher::IsCloseMatcher(Matrix expected, double tol, std::string formula)
    : expected_(std::move(expected)), tol_(tol), formula_(std::move(formula)) {}

bool IsCloseMatcher::match(const Matrix& actual) const {
  std::ostringstream os;
  if (actual.shape() != expected_.shape()) {
    os << "shape " << actual.shape() << " but expected " << expected_.shape();
    detail_ = os.str();
    return false;
  }
  double worst = 0.0;
  bool ok = true;
  for (std::size_t k = 0; k < actual.size(); ++k) {
    const double a = actual.data()[k], e = expected_.data()[k];
    const double d = std::fabs(a - e);
    if (!(d <= tol_ * (1.0 + std::fabs(e)))) ok = false;
    if (std::isnan(d) || d > worst) worst = std::isnan(d) ? d : std::max(worst, d);
  }
  os.precision(17);
  os << "\n  expected: " << expected_ << "\n  largest difference " << worst << " (tolerance "
     << tol_ << ")";
  detail_ = os.str();
  return ok;
}

std::string IsCloseMatcher::describe() const {
  std::string s = formula_.empty() ? "is close to the expected matrix" : "follows " + formula_;
  return s + ": " + detail_;
}

IsCloseMatcher IsClose(const Matrix& expected, double tol, const std::string& formula) {
  return IsCloseMatcher(expected, tol, formula);
}

bool near(double actual, double expected, double tol) {
  return std::fabs(actual - expected) <= tol * (1.0 + std::fabs(expected));
}

}  // namespace dlc::testing
