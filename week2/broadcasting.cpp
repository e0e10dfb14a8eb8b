// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/week2/broadcasting.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

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
  DLC_TODO("week2.calorie_percentages");
}

}  // namespace dlc::week2
