/// \file
/// \brief Lectures C2 3.8-3.9: softmax regression, the output layer for C classes, and how a
/// softmax classifier is trained: its cost and the gradient of that cost.
///
/// This header's lectures on \ref course2_week3 "Course 2 week 3's page":
/// \ref lecture_c2_3_8 "C2 3.8" and \ref lecture_c2_3_9 "C2 3.9".
///
/// **Softmax (C2 3.8).** The last layer has one unit per class, \f$ n^{[L]} = C \f$; its
/// activation turns the C numbers of each column of \f$ Z^{[L]} \f$ into probabilities that
/// sum to 1:
/// \f[ t = e^{z^{[L]}}, \qquad a^{[L]}_i = \frac{t_i}{\sum_{j=1}^{C} t_j} \f]
/// column by column (one column is one example). Adding the same number to every entry of a
/// column leaves its softmax unchanged, so the code subtracts the column's largest entry first:
/// \f$ e^{1000} \f$ overflows a double, \f$ e^{0} \f$ does not.
///
/// **Its cost (C2 3.9).** With \f$ Y \f$ the labels one-hot, (C, m), the cross-entropy
/// \f[ J = -\frac{1}{m} \sum_{i=1}^{m} \sum_{j=1}^{C} y^{(i)}_j \log a^{[L](i)}_j \f]
/// keeps only the log-probability of each example's true class. Its gradient with respect to
/// \f$ Z^{[L]} \f$ is as simple as logistic regression's:
/// \f[ dZ^{[L]} = A^{[L]} - Y \f]
/// (the lecture's convention: the \f$ \frac{1}{m} \f$ comes with \f$ dW \f$ and \f$ db \f$).
/// With C = 2, softmax is logistic regression: the first row's probability is
/// \f$ \sigma(z_1 - z_2) \f$.
///
/// **Expected output.** `dlc run course2.softmax_regions --solution` trains softmax regression
/// with no hidden layer on three blobs in the plane with these functions: the cost is
/// 1.098612 (log 3) at iteration 0 and 0.179719 at iteration 1000, as numpy prints for the same
/// blobs, and the training accuracy 0.92.
#pragma once

#include "common/matrix.hpp"

/// Softmax regression: the activation, the labels one-hot, the cost, its gradient, the
/// prediction.
namespace dlc::course2::softmax {

/// \brief Softmax column by column: \f$ a_i = e^{z_i - \max z} / \sum_j e^{z_j - \max z} \f$.
/// \param[in] Z (C, m), any finite values
/// \return A of Z's shape, each column positive and summing to 1.
/// \throws ShapeError when Z is empty.
///
/// Exercise `course2.softmax`.
Matrix softmax(const Matrix& Z);

/// \brief The labels one-hot: column i is 1 in row `labels(0, i)` and 0 elsewhere
/// (the course's `convert_to_one_hot`).
/// \param[in] labels (1, m), whole numbers in 0..C-1
/// \param[in] C the number of classes, at least 2
/// \return Y, (C, m).
/// \throws ShapeError when labels is not one row; std::invalid_argument naming the first label
///   that is not a whole number in 0..C-1, or a C below 2.
///
/// Exercise `course2.one_hot`.
Matrix one_hot(const Matrix& labels, int C);

/// \brief The cross-entropy of softmax regression,
/// \f$ J = -\frac{1}{m} \sum_i \sum_j y^{(i)}_j \log a^{(i)}_j \f$; a term whose
/// \f$ y^{(i)}_j \f$ is 0 adds nothing, even where \f$ a^{(i)}_j \f$ is 0.
/// \param[in] A the softmax output, (C, m)
/// \param[in] Y the labels one-hot, (C, m)
/// \return J, a number.
/// \throws ShapeError when A and Y differ in shape (a one-hot of the wrong C among them).
///
/// Exercise `course2.softmax_cost`.
double compute_cost(const Matrix& A, const Matrix& Y);

/// \brief The gradient of the cross-entropy with respect to the last layer's Z, per example:
/// \f$ dZ^{[L]} = A^{[L]} - Y \f$.
/// \param[in] A the softmax output, (C, m)
/// \param[in] Y the labels one-hot, (C, m)
/// \return dZ, (C, m).
/// \throws ShapeError when A and Y differ in shape.
///
/// Exercise `course2.softmax_backward`.
Matrix softmax_backward(const Matrix& A, const Matrix& Y);

/// \brief The predicted class of each example: the row of the largest entry of its column
/// (`np.argmax(A, axis=0)`; the first such row on a tie).
/// \param[in] A (C, m)
/// \return (1, m), whole numbers in 0..C-1.
/// \throws ShapeError when A is empty.
///
/// Exercise `course2.softmax_predict`.
Matrix predict(const Matrix& A);

}  // namespace dlc::course2::softmax
