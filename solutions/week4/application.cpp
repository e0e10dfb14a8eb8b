#include "week4/application.hpp"

#include <cmath>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/checks.hpp"
#include "common/exercise.hpp"
#include "common/training.hpp"

namespace dlc::week4 {

namespace {

// What both models do after each iteration: stop when the cost is no longer a number, print
// it every 100 iterations and after the last one, record it every 100 in `costs` (as the
// notebooks do), and tell the observer.
void end_iteration(long i, double cost, long num_iterations, double learning_rate, bool print_cost,
                   const Observer& observe, std::vector<double>& costs) {
  check_cost(cost, i, learning_rate);
  if (print_cost && (i % 100 == 0 || i == num_iterations - 1)) {
    std::cout << "Cost after iteration " << i << ": " << python_repr(cost) << '\n';
  }
  if (i % 100 == 0) costs.push_back(cost);
  if (observe) observe(i, cost);
}

}  // namespace

void check_training_data(const char* what, const Matrix& X, const Matrix& Y,
                         const LayerDims& layer_dims) {
  check_layer_dims(what, layer_dims);
  if (static_cast<std::size_t>(layer_dims.front()) != X.rows()) {
    throw ShapeError(std::string(what) + ": layer_dims[0] is " +
                     std::to_string(layer_dims.front()) + " but X has " + std::to_string(X.rows()) +
                     " rows (features); the first layer size must be the number of features");
  }
  if (layer_dims.back() != 1) {
    throw std::invalid_argument(std::string(what) + ": the last layer size is " +
                                std::to_string(layer_dims.back()) +
                                " but the output is one sigmoid unit; it must be 1");
  }
  check_examples(what, X, Y);
  const double* x = X.data();
  for (std::size_t k = 0; k < X.size(); ++k) {
    if (!std::isfinite(x[k])) {
      throw std::invalid_argument(std::string(what) + ": X(" + std::to_string(k % X.rows()) + ", " +
                                  std::to_string(k / X.rows()) + ") is " + std::to_string(x[k]) +
                                  "; every entry of X must be finite");
    }
  }
}

TrainedModel two_layer_model(const Matrix& X, const Matrix& Y, const LayerDims& layers_dims,
                             double learning_rate, long num_iterations, bool print_cost,
                             std::uint32_t seed, const Observer& observe) {
  check_training_data("two_layer_model", X, Y, layers_dims);
  if (layers_dims.size() != 3) {
    throw std::invalid_argument("two_layer_model: layers_dims has " +
                                std::to_string(layers_dims.size()) +
                                " entries but must be {n_x, n_h, n_y}");
  }
  check_learning_rate("two_layer_model", learning_rate);
  check_iterations("two_layer_model", num_iterations);
  RandomState rng(seed);
  Parameters parameters =
      initialize_parameters(layers_dims[0], layers_dims[1], layers_dims[2], rng);
  std::vector<double> costs;
  for (long i = 0; i < num_iterations; ++i) {
    double cost = 0.0;
    // BEGIN SOLUTION week4.two_layer_model
    auto [A1, cache1] =
        linear_activation_forward(X, parameters.W[1], parameters.b[1], Activation::kRelu);
    auto [A2, cache2] =
        linear_activation_forward(A1, parameters.W[2], parameters.b[2], Activation::kSigmoid);
    cost = compute_cost(A2, Y);
    const Matrix dA2 = -(Y / A2 - (1.0 - Y) / (1.0 - A2));  // dA2 = -(Y/A2 - (1-Y)/(1-A2))
    auto [dA1, dW2, db2] = linear_activation_backward(dA2, cache2, Activation::kSigmoid);
    auto [dA0, dW1, db1] = linear_activation_backward(dA1, cache1, Activation::kRelu);
    Gradients grads;
    grads.dW = {Matrix(), dW1, dW2};  // grads['dW1'], grads['dW2']
    grads.db = {Matrix(), db1, db2};
    parameters = update_parameters(parameters, grads, learning_rate);
    // END SOLUTION
    end_iteration(i, cost, num_iterations, learning_rate, print_cost, observe, costs);
  }
  return {parameters, costs};
}

TrainedModel L_layer_model(const Matrix& X, const Matrix& Y, const LayerDims& layers_dims,
                           double learning_rate, long num_iterations, bool print_cost,
                           std::uint32_t seed, const Observer& observe) {
  check_training_data("L_layer_model", X, Y, layers_dims);
  check_learning_rate("L_layer_model", learning_rate);
  check_iterations("L_layer_model", num_iterations);
  RandomState rng(seed);
  Parameters parameters = initialize_parameters_deep(layers_dims, rng);
  std::vector<double> costs;
  for (long i = 0; i < num_iterations; ++i) {
    double cost = 0.0;
    // BEGIN SOLUTION week4.L_layer_model
    auto [AL, caches] = L_model_forward(X, parameters);                // forward
    cost = compute_cost(AL, Y);                                        // cost
    const Gradients grads = L_model_backward(AL, Y, caches);           // backward
    parameters = update_parameters(parameters, grads, learning_rate);  // update
    // END SOLUTION
    end_iteration(i, cost, num_iterations, learning_rate, print_cost, observe, costs);
  }
  return {parameters, costs};
}

Matrix predict(const Matrix& X, const Parameters& parameters) {
  check_parameters("predict", parameters, X.rows());
  Matrix p;
  // BEGIN SOLUTION week4.predict
  auto [probas, caches] = L_model_forward(X, parameters);
  p = greater(probas, 0.5);  // 1 where the probability is above 0.5
  // END SOLUTION
  return p;
}

double accuracy(const Matrix& p, const Matrix& Y) {
  if (p.shape() != Y.shape() || Y.rows() != 1 || Y.cols() == 0) {
    throw ShapeError("accuracy: p is " + to_string(p.shape()) + " and Y is " +
                     to_string(Y.shape()) + "; both must be the same (1, m) with m >= 1");
  }
  // np.sum((p == y) / m): each right answer counts 1/m, added pairwise as numpy adds.
  const double m = static_cast<double>(Y.cols());
  return sum(equal(p, Y) / m);
}

}  // namespace dlc::week4
