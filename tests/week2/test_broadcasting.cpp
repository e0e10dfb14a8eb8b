// Tests of lecture 2.12: broadcasting with the calories table.
#include <catch2/catch.hpp>

#include "common/matrix.hpp"
#include "tests/support/compare.hpp"
#include "week2/broadcasting.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::week2;

//! [calories]
TEST_CASE("calorie_percentages: 100 * A / sum(A, axis=0)", "[week2.calorie_percentages]") {
  const Matrix p = calorie_percentages(calories_table());
  // The lecture: apples get 56 / 59 = 94.9 % of their calories from carbohydrate.
  // The rest from numpy: 100 * A / A.sum(axis=0).reshape(1, 4)
  const Matrix expected{
      {94.91525423728814, 0.0, 2.8314028314028317, 88.42652795838751},
      {2.0338983050847457, 43.51464435146443, 33.46203346203346, 10.403120936280883},
      {3.0508474576271185, 56.48535564853557, 63.706563706563706, 1.1703511053315994}};
  CHECK_THAT(p, IsClose(expected, 1e-15, "percentage = 100 A / cal"));
  // Every column sums to 100: the division went down the columns, not along the rows.
  CHECK_THAT(dlc::sum(p, 0), IsClose(Matrix{{100, 100, 100, 100}}, 1e-13, "column sums"));
}
//! [calories]

TEST_CASE("calorie_percentages: any (n, k) table", "[week2.calorie_percentages]") {
  CHECK_THAT(calorie_percentages(Matrix{{1, 3}, {3, 1}}),
             IsClose(Matrix{{25, 75}, {75, 25}}, 1e-15, "percentage = 100 A / cal"));
  CHECK_THROWS_AS(calorie_percentages(Matrix()), dlc::ShapeError);
}

TEST_CASE("broadcasting: what fits and what does not", "[broadcasting]") {
  const Matrix A = calories_table();
  // (3, 4) / (1, 4) and (3, 4) + (3, 1) and (3, 4) + scalar all broadcast.
  CHECK((A / dlc::sum(A, 0)).shape() == dlc::Shape{3, 4});
  CHECK((A + Matrix{{1}, {2}, {3}})(2, 3) == 0.9 + 3);
  CHECK((A + 100.0)(0, 1) == 100.0);
  // (3, 4) with (1, 3) or (2, 4) break the rule, and the message names both shapes.
  const Matrix row3{{1, 2, 3}};
  CHECK_THROWS_WITH(A / row3,
                    "divide: cannot broadcast (3, 4) with (1, 3); along each axis the sizes "
                    "must be equal or one of them 1");
  CHECK_THROWS_AS(A + Matrix(2, 4), dlc::ShapeError);
}
