#include <catch2/catch.hpp>

#include "common/matrix.hpp"
#include "tests/support/compare.hpp"

using dlc::Matrix;

TEST_CASE("a literal is written row by row, as np.array", "[matrix]") {
  Matrix a{{1, 2, 3}, {4, 5, 6}};
  CHECK(a.rows() == 2);
  CHECK(a.cols() == 3);
  CHECK(a(0, 2) == 3);
  CHECK(a(1, 0) == 4);
  // column-major storage: the first column comes first
  CHECK(a.data()[1] == 4);
  CHECK_THROWS_AS((Matrix{{1, 2}, {3}}), dlc::ShapeError);
}
