/// \file
/// \brief Lectures 2.2-2.4, 2.7-2.8, 2.10-2.11 and 2.13: logistic regression as a neural
/// network with one unit, trained by gradient descent, written twice: with explicit loops
/// over the examples and the features (2.8) and vectorized (2.10-2.11).
///
/// This header's lectures on \ref week2 "week 2's page": \ref lecture_2_2 "2.2",
/// \ref lecture_2_3 "2.3", \ref lecture_2_4 "2.4", \ref lecture_2_7 "2.7", \ref lecture_2_8 "2.8",
/// \ref lecture_2_10 "2.10", \ref lecture_2_11 "2.11", \ref lecture_2_13 "2.13" and
/// \ref week2_cat "the cat classifier".
///
/// **Shapes.** `X` holds one example per column, `(n_x, m)`; `Y` holds the labels, `(1, m)`,
/// each 0 or 1; the weights `w` are a column `(n_x, 1)` and the bias `b` a number.
///
/// **The model (2.2).** For one example \f$ x \f$,
/// \f[ z = w^T x + b, \qquad \hat{y} = a = \sigma(z) = \frac{1}{1 + e^{-z}} \f]
/// so \f$ a \f$ is the predicted probability that \f$ y = 1 \f$.
///
/// **The cost (2.3).** The loss of one example and the cost over the training set are
/// \f[ \mathcal{L}(a, y) = -\big(y \log a + (1 - y) \log(1 - a)\big), \qquad
///     J(w, b) = \frac{1}{m} \sum_{i=1}^{m} \mathcal{L}(a^{(i)}, y^{(i)}) \f]
/// Lecture 2.13 explains where it comes from: \f$ P(y \mid x) = a^y (1 - a)^{1 - y} \f$, and
/// minimising \f$ J \f$ is maximising the log-likelihood of the labels (`log_likelihood`).
///
/// **The gradients (2.7).** Through the computation graph \f$ z \to a \to \mathcal{L} \f$,
/// \f[ \frac{\partial \mathcal{L}}{\partial a} = -\frac{y}{a} + \frac{1 - y}{1 - a}, \qquad
///     dz = \frac{\partial \mathcal{L}}{\partial z} = a - y, \qquad
///     dw_j = x_j \, dz, \qquad db = dz \f]
/// averaged over the m examples (2.8). Vectorized over all examples at once (2.10-2.11):
/// \f[ Z = w^T X + b, \quad A = \sigma(Z), \quad dZ = A - Y, \quad
///     dw = \frac{1}{m} X \, dZ^T, \quad db = \frac{1}{m} \sum_{i=1}^{m} dZ^{(i)} \f]
///
/// **Gradient descent (2.4).** \f$ w := w - \alpha \, dw, \quad b := b - \alpha \, db \f$.
///
/// **Expected output.** On the course's cat / non-cat images (209 training images of
/// 64 x 64 x 3, flattened and divided by 255), `model` with 2000 iterations and learning rate
/// 0.005 prints `Cost after iteration 0: 0.693147`, ... `Cost after iteration 1900: 0.140872`,
/// then `train accuracy: 99.04306220095694 %` and `test accuracy: 70.0 %`:
/// `dlc run week2.logreg --data-dir DIR`.
#pragma once

#include <cstddef>
#include <vector>

#include "common/matrix.hpp"

namespace dlc::week2 {

/// \brief The sigmoid function, applied to every entry (lecture 2.2).
/// \f[ \sigma(z) = \frac{1}{1 + e^{-z}} \f]
/// \param[in] z any shape
/// \return the same shape, every entry in (0, 1); `sigmoid({{0}})` is 0.5.
///
/// Exercise `week2.sigmoid`.
Matrix sigmoid(const Matrix& z);

/// The parameters of logistic regression.
struct Parameters {
  Matrix w;        ///< weights, shape (n_x, 1)
  double b = 0.0;  ///< bias
};

/// \brief Zero weights and a zero bias (for logistic regression zero is a fine start: with a
/// single unit there is no symmetry to break; lecture 3.10 shows why deeper networks differ).
/// \param[in] dim n_x, the number of features (at least 1)
/// \return `w` of shape (dim, 1), all zeros, and `b = 0`.
///
/// Exercise `week2.initialize_with_zeros`.
Parameters initialize_with_zeros(std::size_t dim);

/// \brief The cross-entropy cost of predictions A against labels Y (lecture 2.3).
/// \f[ J = -\frac{1}{m} \sum_{i=1}^{m} \Big( y^{(i)} \log a^{(i)}
///        + (1 - y^{(i)}) \log(1 - a^{(i)}) \Big) \f]
/// \param[in] A predicted probabilities, shape (1, m)
/// \param[in] Y labels, shape (1, m), each 0 or 1
/// \return J, a number; for A all 0.5 it is \f$ \log 2 \approx 0.693147 \f$.
///
/// Exercise `week2.compute_cost`.
double compute_cost(const Matrix& A, const Matrix& Y);

/// The gradients of the cost with respect to the parameters.
struct Gradients {
  Matrix dw;        ///< \f$ \partial J / \partial w \f$, shape (n_x, 1)
  double db = 0.0;  ///< \f$ \partial J / \partial b \f$
};

/// What one forward and backward pass gives: the gradients and the cost.
struct Propagation {
  Gradients grads;    ///< dw and db
  double cost = 0.0;  ///< J at the current parameters
};

/// \brief Forward and backward propagation, vectorized over all m examples (2.10-2.11).
/// \f[ A = \sigma(w^T X + b), \quad J = -\frac{1}{m} \sum \big(Y \log A + (1-Y) \log(1-A)\big),
///     \quad dw = \frac{1}{m} X (A - Y)^T, \quad db = \frac{1}{m} \sum (A - Y) \f]
/// \param[in] w weights, shape (n_x, 1)
/// \param[in] b bias
/// \param[in] X examples, shape (n_x, m), one example per column
/// \param[in] Y labels, shape (1, m)
/// \return dw (n_x, 1), db, and the cost.
/// \throws ShapeError when the shapes do not fit together.
///
/// Exercise `week2.propagate`.
Propagation propagate(const Matrix& w, double b, const Matrix& X, const Matrix& Y);

/// \brief The same forward and backward pass written with explicit loops, one example at a
/// time and one feature at a time, as lecture 2.8 first writes it (`for i = 1 to m`,
/// `for j = 1 to n_x`). Gives the same numbers as `propagate` (up to rounding) and shows why
/// vectorizing pays off.
/// \param[in] w weights, shape (n_x, 1)
/// \param[in] b bias
/// \param[in] X examples, shape (n_x, m)
/// \param[in] Y labels, shape (1, m)
/// \return dw (n_x, 1), db, and the cost.
///
/// Exercise `week2.propagate_loop`.
Propagation propagate_loop(const Matrix& w, double b, const Matrix& X, const Matrix& Y);

/// What gradient descent returns, as the notebook's `optimize`.
struct Optimization {
  Parameters params;          ///< the learned w and b
  Gradients grads;            ///< the last gradients computed
  std::vector<double> costs;  ///< the cost at iterations 0, record_every, 2 record_every, ...
};

/// \brief Gradient descent (lecture 2.4): `num_iterations` steps of
/// \f$ w := w - \alpha \, dw \f$, \f$ b := b - \alpha \, db \f$ with the gradients of
/// `propagate`.
/// \param[in] w starting weights, shape (n_x, 1), taken by value: the steps update this copy,
///            as the notebook's `w = copy.deepcopy(w)` does, and the caller's stays as it was
/// \param[in] b starting bias
/// \param[in] X examples, shape (n_x, m)
/// \param[in] Y labels, shape (1, m)
/// \param[in] num_iterations number of steps (0 or more)
/// \param[in] learning_rate \f$ \alpha > 0 \f$
/// \param[in] print_cost print `Cost after iteration i: 0.693147` each time a cost is recorded
/// \param[in] record_every record (and print) the cost every this many iterations (100 in the
///            notebook)
/// \return the learned parameters, the last gradients and the recorded costs.
/// \throws TrainingDiverged when the cost becomes NaN or infinite, naming the iteration.
///
/// Exercise `week2.optimize`.
Optimization optimize(Matrix w, double b, const Matrix& X, const Matrix& Y, long num_iterations,
                      double learning_rate, bool print_cost = false, long record_every = 100);

/// \brief Predicts labels: 1 where \f$ \sigma(w^T x + b) > 0.5 \f$, else 0.
/// \param[in] w weights, shape (n_x, 1)
/// \param[in] b bias
/// \param[in] X examples, shape (n_x, m)
/// \return predictions, shape (1, m), each 0.0 or 1.0.
///
/// Exercise `week2.predict`.
Matrix predict(const Matrix& w, double b, const Matrix& X);

/// What the whole model returns, as the notebook's dictionary `d`.
struct Model {
  std::vector<double> costs;    ///< recorded every `record_every` iterations
  Matrix Y_prediction_test;     ///< (1, m_test)
  Matrix Y_prediction_train;    ///< (1, m_train)
  Parameters params;            ///< the learned w and b
  double learning_rate = 0.0;   ///< \f$ \alpha \f$, as passed
  long num_iterations = 0;      ///< gradient-descent steps, as passed
  double train_accuracy = 0.0;  ///< in percent: 100 - mean(|prediction - Y|) * 100
  double test_accuracy = 0.0;   ///< in percent
};

/// \brief The whole model: zero initialization, `optimize`, `predict` on both sets, and the
/// accuracies `100 - mean(|Y_prediction - Y|) * 100` (printed when `print_cost` is set, as
/// `train accuracy: 99.04306220095694 %`).
/// \param[in] X_train training examples, shape (n_x, m_train)
/// \param[in] Y_train training labels, shape (1, m_train)
/// \param[in] X_test test examples, shape (n_x, m_test)
/// \param[in] Y_test test labels, shape (1, m_test)
/// \param[in] num_iterations gradient-descent steps (2000 in the notebook)
/// \param[in] learning_rate \f$ \alpha \f$ (0.005 in the notebook)
/// \param[in] print_cost print the costs and the accuracies
/// \param[in] record_every record the cost every this many iterations
///
/// Exercise `week2.model`.
Model model(const Matrix& X_train, const Matrix& Y_train, const Matrix& X_test,
            const Matrix& Y_test, long num_iterations = 2000, double learning_rate = 0.5,
            bool print_cost = false, long record_every = 100);

/// \brief The log-likelihood of the labels under the model (lecture 2.13):
/// \f[ \log \prod_{i=1}^{m} P(y^{(i)} \mid x^{(i)})
///     = \sum_{i=1}^{m} \Big( y^{(i)} \log a^{(i)} + (1 - y^{(i)}) \log(1 - a^{(i)}) \Big) \f]
/// so that the cost is \f$ J = -\frac{1}{m} \times \f$ this. Given code (not an exercise).
/// \param[in] A predicted probabilities, shape (1, m)
/// \param[in] Y labels, shape (1, m)
double log_likelihood(const Matrix& A, const Matrix& Y);

}  // namespace dlc::week2
