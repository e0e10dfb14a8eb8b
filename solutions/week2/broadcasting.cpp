#include "week2/broadcasting.hpp"

#include "common/exercise.hpp"

namespace dlc::week2 {

Matrix calories_table() {
  return Matrix{{56.0, 0.0, 4.4, 68.0},    // carbohydrate
                {1.2, 104.0, 52.0, 8.0},   // protein
                {1.8, 135.0, 99.0, 0.9}};  // fat
}

Matrix calorie_percentages(const Matrix& A) {
  if (A.empty())
    throw ShapeError("calorie_percentages: A is " + to_string(A.shape()) +
                     " but must not be empty");
  // BEGIN SOLUTION week2.calorie_percentages
  const Matrix cal = sum(A, 0);  // cal = A.sum(axis=0), (1, k)
  return 100.0 * A / cal;        // percentage = 100 * A / cal, broadcast over the rows
  // END SOLUTION
}

}  // namespace dlc::week2
