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
  // BEGIN SOLUTION week3.layer_sizes
  sizes.n_x = X.rows();  // features per example
  sizes.n_h = n_h;
  sizes.n_y = Y.rows();  // outputs per example
  // END SOLUTION
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
  // BEGIN SOLUTION week3.initialize_parameters
  p.W1 = rng.randn(n_h, n_x) * 0.01;  // small, random: breaks the symmetry
  p.b1 = Matrix::zeros(n_h, 1);
  p.W2 = rng.randn(n_y, n_h) * 0.01;
  p.b2 = Matrix::zeros(n_y, 1);
  // END SOLUTION
  return p;
}

Cache forward_propagation(const Matrix& X, const Parameters& parameters) {
  check_parameters("forward_propagation", parameters, X.rows());
  const Matrix& W1 = parameters.W1;
  const Matrix& b1 = parameters.b1;
  const Matrix& W2 = parameters.W2;
  const Matrix& b2 = parameters.b2;
  Cache cache;
  // BEGIN SOLUTION week3.forward_propagation
  cache.Z1 = dot(W1, X) + b1;               // Z1 = W1 X + b1, (n_h, m)
  cache.A1 = tanh(cache.Z1);                // A1 = tanh(Z1)
  cache.Z2 = dot(W2, cache.A1) + b2;        // Z2 = W2 A1 + b2, (n_y, m)
  cache.A2 = 1.0 / (1.0 + exp(-cache.Z2));  // A2 = sigma(Z2)
  // END SOLUTION
  return cache;
}

double compute_cost(const Matrix& A2, const Matrix& Y) {
  if (A2.shape() != Y.shape() || A2.rows() != 1 || A2.cols() == 0) {
    throw ShapeError("compute_cost: A2 is " + to_string(A2.shape()) + " and Y is " +
                     to_string(Y.shape()) + " but both must be the same (1, m) with m >= 1");
  }
  const double m = static_cast<double>(Y.cols());
  // BEGIN SOLUTION week3.compute_cost
  const Matrix logprobs = log(A2) * Y + log(1.0 - A2) * (1.0 - Y);
  return -sum(logprobs) / m;  // J = -1/m sum(y log a + (1-y) log(1-a))
  // END SOLUTION
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
  // BEGIN SOLUTION week3.backward_propagation
  const Matrix dZ2 = A2 - Y;                              // dZ2 = A2 - Y
  g.dW2 = (1.0 / m) * dot(dZ2, A1.T());                   // dW2 = 1/m dZ2 A1^T
  g.db2 = (1.0 / m) * sum(dZ2, 1);                        // db2 = 1/m sum(dZ2, axis=1)
  const Matrix dZ1 = dot(W2.T(), dZ2) * (1.0 - A1 * A1);  // dZ1 = W2^T dZ2 * g'(Z1), g' = 1 - a^2
  g.dW1 = (1.0 / m) * dot(dZ1, X.T());                    // dW1 = 1/m dZ1 X^T
  g.db1 = (1.0 / m) * sum(dZ1, 1);                        // db1 = 1/m sum(dZ1, axis=1)
  // END SOLUTION
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
  // BEGIN SOLUTION week3.update_parameters
  p.W1 = parameters.W1 - learning_rate * grads.dW1;  // W1 := W1 - alpha dW1
  p.b1 = parameters.b1 - learning_rate * grads.db1;
  p.W2 = parameters.W2 - learning_rate * grads.dW2;
  p.b2 = parameters.b2 - learning_rate * grads.db2;
  // END SOLUTION
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
  // BEGIN SOLUTION week3.nn_model
  const LayerSizes s = layer_sizes(X, Y, n_h);
  parameters = initialize_parameters(s.n_x, s.n_h, s.n_y, rng);
  // END SOLUTION
  for (long i = 0; i < num_iterations; ++i) {
    double cost = 0.0;
    // BEGIN SOLUTION week3.nn_model
    const Cache cache = forward_propagation(X, parameters);
    cost = compute_cost(cache.A2, Y);
    const Gradients grads = backward_propagation(parameters, cache, X, Y);
    parameters = update_parameters(parameters, grads, learning_rate);
    // END SOLUTION
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
  // BEGIN SOLUTION week3.predict
  const Cache cache = forward_propagation(X, parameters);
  predictions = greater(cache.A2, 0.5);  // 1 where A2 > 0.5
  // END SOLUTION
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
