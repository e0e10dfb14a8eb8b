// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/week2/logistic_regression.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "week2/logistic_regression.hpp"

#include <cmath>
#include <iostream>
#include <stdexcept>
#include <string>

#include "common/checks.hpp"
#include "common/exercise.hpp"
#include "common/training.hpp"

namespace dlc::week2 {

static void check_weights(const char* what, const Matrix& w, const Matrix& X) {
  if (w.shape() != Shape{X.rows(), 1}) {
    throw ShapeError(std::string(what) + ": w is " + to_string(w.shape()) + " but X is " +
                     to_string(X.shape()) +
                     "; w must be (n_x, 1) with n_x = X.rows = " + std::to_string(X.rows()));
  }
}

Matrix sigmoid(const Matrix& z) {
  DLC_TODO("week2.sigmoid");
}

Parameters initialize_with_zeros(std::size_t dim) {
  if (dim == 0) throw std::invalid_argument("initialize_with_zeros: dim must be at least 1");
  DLC_TODO("week2.initialize_with_zeros");
}

double compute_cost(const Matrix& A, const Matrix& Y) {
  if (A.shape() != Y.shape() || A.rows() != 1 || A.cols() == 0) {
    throw ShapeError("compute_cost: A is " + to_string(A.shape()) + " and Y is " +
                     to_string(Y.shape()) + " but both must be the same (1, m) with m >= 1");
  }
  const double m = static_cast<double>(Y.cols());
  DLC_TODO("week2.compute_cost");
}

Propagation propagate(const Matrix& w, double b, const Matrix& X, const Matrix& Y) {
  check_examples("propagate", X, Y);
  check_weights("propagate", w, X);
  const double m = static_cast<double>(X.cols());
  Propagation out;
  DLC_TODO("week2.propagate");
  return out;
}

Propagation propagate_loop(const Matrix& w, double b, const Matrix& X, const Matrix& Y) {
  check_examples("propagate_loop", X, Y);
  check_weights("propagate_loop", w, X);
  const std::size_t n_x = X.rows(), m = X.cols();
  Propagation out;
  out.grads.dw = Matrix::zeros(n_x, 1);
  DLC_TODO("week2.propagate_loop");
  return out;
}

Optimization optimize(Matrix w, double b, const Matrix& X, const Matrix& Y, long num_iterations,
                      double learning_rate, bool print_cost, long record_every) {
  check_examples("optimize", X, Y);
  check_weights("optimize", w, X);
  check_iterations("optimize", num_iterations);
  check_learning_rate("optimize", learning_rate);
  if (record_every < 1) {
    throw std::invalid_argument("optimize: record_every is " + std::to_string(record_every) +
                                " but must be at least 1");
  }
  Optimization out;
  for (long i = 0; i < num_iterations; ++i) {
    Propagation step;
    DLC_TODO("week2.optimize");
    check_cost(step.cost, i, learning_rate);
    if (i % record_every == 0) {
      out.costs.push_back(step.cost);
      if (print_cost)
        std::cout << "Cost after iteration " << i << ": " << percent_f(step.cost) << '\n';
    }
    out.grads = std::move(step.grads);
  }
  out.params = Parameters{w, b};
  return out;
}

Matrix predict(const Matrix& w, double b, const Matrix& X) {
  check_weights("predict", w, X);
  const std::size_t m = X.cols();
  Matrix Y_prediction(1, m);
  DLC_TODO("week2.predict");
  return Y_prediction;
}

Model model(const Matrix& X_train, const Matrix& Y_train, const Matrix& X_test,
            const Matrix& Y_test, long num_iterations, double learning_rate, bool print_cost,
            long record_every) {
  check_examples("model (training set)", X_train, Y_train);
  check_examples("model (test set)", X_test, Y_test);
  if (X_test.rows() != X_train.rows()) {
    throw ShapeError("model: X_train is " + to_string(X_train.shape()) + " and X_test is " +
                     to_string(X_test.shape()) + "; both must have n_x rows");
  }
  if (!all_finite(X_train) || !all_finite(X_test)) {
    throw std::invalid_argument("model: X_train or X_test holds a NaN or an infinity");
  }
  Model d;
  d.learning_rate = learning_rate;
  d.num_iterations = num_iterations;
  DLC_TODO("week2.model");
  d.train_accuracy = 100.0 - mean(abs(d.Y_prediction_train - Y_train)) * 100.0;
  d.test_accuracy = 100.0 - mean(abs(d.Y_prediction_test - Y_test)) * 100.0;
  if (print_cost) {
    std::cout << "train accuracy: " << python_repr(d.train_accuracy) << " %\n"
              << "test accuracy: " << python_repr(d.test_accuracy) << " %\n";
  }
  return d;
}

double log_likelihood(const Matrix& A, const Matrix& Y) {
  if (A.shape() != Y.shape() || A.rows() != 1) {
    throw ShapeError("log_likelihood: A is " + to_string(A.shape()) + " and Y is " +
                     to_string(Y.shape()) + " but both must be the same (1, m)");
  }
  // log P(y | x) = log(a^y (1 - a)^(1 - y)), summed over the examples.
  double total = 0.0;
  for (std::size_t i = 0; i < A.cols(); ++i) {
    const double a = A(0, i), y = Y(0, i);
    total += std::log(std::pow(a, y) * std::pow(1.0 - a, 1.0 - y));
  }
  return total;
}

}  // namespace dlc::week2
