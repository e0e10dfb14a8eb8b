// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/week3/shallow_network.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "week3/shallow_network.hpp"

#include <iostream>
#include <stdexcept>
#include <string>

#include "common/checks.hpp"
#include "common/exercise.hpp"
#include "common/training.hpp"

namespace dlc::week3 {

namespace {

// The shapes every function expects of the parameters, with the rule each one follows.
void check_parameters(const char* what, const Parameters& p, std::size_t n_x) {
  const std::size_t n_h = p.W1.rows(), n_y = p.W2.rows();
  if (p.W1.shape() != Shape{n_h, n_x} || n_h == 0) {
    throw ShapeError(std::string(what) + ": W1 is " + to_string(p.W1.shape()) + " but X has " +
                     std::to_string(n_x) + " rows; W1 must be (n_h, n_x)");
  }
  expect_shape(what, "b1 (must be (n_h, 1))", p.b1.shape(), Shape{n_h, 1});
  if (p.W2.shape() != Shape{n_y, n_h} || n_y == 0) {
    throw ShapeError(std::string(what) + ": W2 is " + to_string(p.W2.shape()) + " but W1 is " +
                     to_string(p.W1.shape()) + "; W2 must be (n_y, n_h)");
  }
  expect_shape(what, "b2 (must be (n_y, 1))", p.b2.shape(), Shape{n_y, 1});
}

}  // namespace

LayerSizes layer_sizes(const Matrix& X, const Matrix& Y, std::size_t n_h) {
  if (n_h == 0) throw std::invalid_argument("layer_sizes: n_h is 0 but needs at least 1 unit");
  if (X.cols() != Y.cols()) {
    throw ShapeError("layer_sizes: X is " + to_string(X.shape()) + " and Y is " +
                     to_string(Y.shape()) + "; both need one column per example");
  }
  LayerSizes sizes;
  DLC_TODO("week3.layer_sizes");
  return sizes;
}

Parameters initialize_parameters(std::size_t n_x, std::size_t n_h, std::size_t n_y,
                                 RandomState& rng) {
  if (n_x == 0 || n_h == 0 || n_y == 0) {
    throw std::invalid_argument("initialize_parameters: sizes (" + std::to_string(n_x) + ", " +
                                std::to_string(n_h) + ", " + std::to_string(n_y) +
                                ") must each be at least 1");
  }
  Parameters p;
  DLC_TODO("week3.initialize_parameters");
  return p;
}

Cache forward_propagation(const Matrix& X, const Parameters& parameters) {
  check_parameters("forward_propagation", parameters, X.rows());
  const Matrix& W1 = parameters.W1;
  const Matrix& b1 = parameters.b1;
  const Matrix& W2 = parameters.W2;
  const Matrix& b2 = parameters.b2;
  Cache cache;
  DLC_TODO("week3.forward_propagation");
  return cache;
}

double compute_cost(const Matrix& A2, const Matrix& Y) {
  if (A2.shape() != Y.shape() || A2.rows() != 1 || A2.cols() == 0) {
    throw ShapeError("compute_cost: A2 is " + to_string(A2.shape()) + " and Y is " +
                     to_string(Y.shape()) + " but both must be the same (1, m) with m >= 1");
  }
  const double m = static_cast<double>(Y.cols());
  DLC_TODO("week3.compute_cost");
}

Gradients backward_propagation(const Parameters& parameters, const Cache& cache, const Matrix& X,
                               const Matrix& Y) {
  check_parameters("backward_propagation", parameters, X.rows());
  check_examples("backward_propagation", X, Y);
  expect_shape("backward_propagation", "cache.A1 (must be (n_h, m))", cache.A1.shape(),
               Shape{parameters.W1.rows(), X.cols()});
  expect_shape("backward_propagation", "cache.A2 (must be (1, m))", cache.A2.shape(), Y.shape());
  const double m = static_cast<double>(X.cols());
  const Matrix& W2 = parameters.W2;
  const Matrix& A1 = cache.A1;
  const Matrix& A2 = cache.A2;
  Gradients g;
  DLC_TODO("week3.backward_propagation");
  return g;
}

Parameters update_parameters(const Parameters& parameters, const Gradients& grads,
                             double learning_rate) {
  check_learning_rate("update_parameters", learning_rate);
  expect_shape("update_parameters", "dW1", grads.dW1.shape(), parameters.W1.shape());
  expect_shape("update_parameters", "db1", grads.db1.shape(), parameters.b1.shape());
  expect_shape("update_parameters", "dW2", grads.dW2.shape(), parameters.W2.shape());
  expect_shape("update_parameters", "db2", grads.db2.shape(), parameters.b2.shape());
  Parameters p;
  DLC_TODO("week3.update_parameters");
  return p;
}

Parameters nn_model(const Matrix& X, const Matrix& Y, std::size_t n_h, long num_iterations,
                    bool print_cost, double learning_rate, std::uint32_t seed, long print_every,
                    const std::function<void(long iteration, double cost)>& observe) {
  check_examples("nn_model", X, Y);
  check_learning_rate("nn_model", learning_rate);
  if (n_h == 0) throw std::invalid_argument("nn_model: n_h is 0 but needs at least 1 hidden unit");
  check_iterations("nn_model", num_iterations);
  if (print_every < 1) {
    throw std::invalid_argument("nn_model: print_every is " + std::to_string(print_every) +
                                " but must be at least 1");
  }
  RandomState rng(seed);
  Parameters parameters;
  DLC_TODO("week3.nn_model");
  for (long i = 0; i < num_iterations; ++i) {
    double cost = 0.0;
    DLC_TODO("week3.nn_model");
    check_cost(cost, i, learning_rate);
    if (print_cost && i % print_every == 0) {
      std::cout << "Cost after iteration " << i << ": " << percent_f(cost) << '\n';
    }
    if (observe) observe(i, cost);
  }
  return parameters;
}

Matrix predict(const Parameters& parameters, const Matrix& X) {
  check_parameters("predict", parameters, X.rows());
  Matrix predictions;
  DLC_TODO("week3.predict");
  return predictions;
}

double accuracy(const Matrix& predictions, const Matrix& Y) {
  if (predictions.shape() != Y.shape() || Y.rows() != 1 || Y.cols() == 0) {
    throw ShapeError("accuracy: predictions are " + to_string(predictions.shape()) + " and Y is " +
                     to_string(Y.shape()) + "; both must be the same (1, m)");
  }
  // (Y . p^T + (1 - Y) . (1 - p)^T) / m * 100: the count of right answers, as a percentage.
  double right = 0.0;
  for (std::size_t i = 0; i < Y.cols(); ++i) {
    right += Y(0, i) * predictions(0, i) + (1.0 - Y(0, i)) * (1.0 - predictions(0, i));
  }
  return right / static_cast<double>(Y.cols()) * 100.0;
}

}  // namespace dlc::week3
