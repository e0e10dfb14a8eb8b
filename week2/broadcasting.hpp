/// \file
/// \brief Lecture 2.12: broadcasting, with the lecture's table of calories.
///
/// This header's lectures on \ref week2 "week 2's page": \ref lecture_2_12 "2.12".
///
/// The table gives the calories from carbohydrate, protein and fat in 100 g of four foods
/// (columns: apples, beef, eggs, potatoes):
/// \f[ A = \begin{bmatrix} 56.0 & 0.0 & 4.4 & 68.0 \\ 1.2 & 104.0 & 52.0 & 8.0 \\ 1.8 & 135.0 & 99.0 & 0.9 \end{bmatrix} \f]
/// The share of each food's calories that comes from each nutrient is each column divided by
/// its own sum, in two lines:
/// \f[ \text{cal} = \sum_{\text{rows}} A \;\; (1 \times 4), \qquad
///     \text{percentage} = 100 \cdot A / \text{cal} \;\; (3 \times 4) \f]
/// The division of a (3, 4) matrix by a (1, 4) row works because of broadcasting: along each
/// axis the sizes are equal, or one of them is 1 and that row (or column) is repeated. So
/// (3, 4) / (1, 4) divides every row by the row of sums, (3, 4) + (3, 1) adds the column to
/// every column, and (m, n) + a number adds it everywhere. Shapes that break the rule, such as
/// (3, 4) with (1, 3) or (3, 4) with (2, 4), throw `ShapeError`:
/// `divide: cannot broadcast (3, 4) with (1, 3); along each axis the sizes must be equal or
/// one of them 1`.
///
/// **Expected output.** Apples get 94.91525424 % of their calories from carbohydrate
/// (56 / 59), beef 43.51 % from protein: `dlc run week2.broadcasting`.
#pragma once

#include "common/matrix.hpp"

namespace dlc::week2 {

/// The lecture's table: calories from carbs, protein, fat (rows) in 100 g of apples, beef,
/// eggs, potatoes (columns); shape (3, 4). Given data.
Matrix calories_table();

/// \brief The percentage of each column's total in every entry: `100 * A / sum(A, axis=0)`.
/// \param[in] A non-negative table, shape (n, k), no column summing to zero
/// \return shape (n, k); every column sums to 100.
///
/// Exercise `week2.calorie_percentages`.
Matrix calorie_percentages(const Matrix& A);

}  // namespace dlc::week2
