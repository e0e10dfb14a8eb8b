#include "week1/neuron.hpp"

#include <stdexcept>
#include <string>

#include "common/checks.hpp"
#include "common/exercise.hpp"
#include "common/training.hpp"

namespace dlc::week1 {

// Inputs and targets of the single neuron: both (1, m) with m >= 1.
static void check_neuron_data(const char* what, const Matrix& x, const Matrix& y) {
  if (x.rows() != 1 || x.cols() == 0 || y.shape() != x.shape()) {
    throw ShapeError(std::string(what) + ": x is " + to_string(x.shape()) + " and y is " +
                     to_string(y.shape()) +
                     " but both must be the same (1, m) with m >= 1, one house per column");
  }
}

Matrix relu(const Matrix& z) {
  // BEGIN SOLUTION week1.relu
  return maximum(z, 0.0);  // ReLU(z) = max(0, z)
  // END SOLUTION
}

HousingTable housing_table() {
  // Made-up, plausible numbers: bigger houses cost more, roughly 140 thousand dollars per 1000
  // square feet, with some scatter.
  return HousingTable{Matrix{{850, 1100, 1400, 1700, 2100, 2600}},
                      Matrix{{90, 135, 165, 215, 265, 340}}};
}

double neuron_cost(const NeuronParams& p, const Matrix& x, const Matrix& y) {
  check_neuron_data("neuron_cost", x, y);
  const Matrix y_hat = maximum(p.w * x + p.b, 0.0);  // y_hat = ReLU(w x + b)
  return mean(square(y_hat - y));                    // J = 1/m sum (y_hat - y)^2
}

NeuronParams neuron_step(const NeuronParams& p, const Matrix& x, const Matrix& y,
                         double learning_rate) {
  check_neuron_data("neuron_step", x, y);
  check_learning_rate("neuron_step", learning_rate);
  const double m = static_cast<double>(x.cols());
  NeuronParams next = p;
  // BEGIN SOLUTION week1.neuron_step
  const Matrix z = p.w * x + p.b;                               // z = w x + b, (1, m)
  const Matrix y_hat = relu(z);                                 // y_hat = ReLU(z)
  const Matrix dz = (2.0 / m) * (y_hat - y) * greater(z, 0.0);  // dz = 2/m (y_hat - y) [z > 0]
  const double dw = sum(dz * x);                                // dJ/dw = sum_i dz_i x_i
  const double db = sum(dz);                                    // dJ/db = sum_i dz_i
  next.w = p.w - learning_rate * dw;                            // w := w - alpha dw
  next.b = p.b - learning_rate * db;                            // b := b - alpha db
  // END SOLUTION
  return next;
}

NeuronFit fit_neuron(const Matrix& x, const Matrix& y, NeuronParams start, long num_iterations,
                     double learning_rate, long record_every) {
  check_neuron_data("fit_neuron", x, y);
  check_learning_rate("fit_neuron", learning_rate);
  check_iterations("fit_neuron", num_iterations);
  if (record_every < 1) {
    throw std::invalid_argument("fit_neuron: record_every is " + std::to_string(record_every) +
                                " but must be at least 1");
  }
  NeuronFit fit{start, {}};
  for (long i = 0; i < num_iterations; ++i) {
    if (i % record_every == 0) {
      const double cost = neuron_cost(fit.params, x, y);
      check_cost(cost, i, learning_rate);
      fit.costs.push_back(cost);
    }
    fit.params = neuron_step(fit.params, x, y, learning_rate);
  }
  check_cost(neuron_cost(fit.params, x, y), num_iterations, learning_rate);
  return fit;
}

Matrix housing_mask() {
  //             size bedrooms zip wealth
  return Matrix{{1, 1, 0, 0},   // family size
                {0, 0, 1, 0},   // walkability
                {0, 0, 1, 1}};  // school quality
}

HousingNetwork example_housing_network() {
  HousingNetwork net;
  //            size bedrooms zip wealth
  net.W1 = Matrix{{1.0, 0.5, 0.0, 0.0},   // family size = ReLU(size + 0.5 bedrooms - 1)
                  {0.0, 0.0, 4.0, 0.0},   // walkability = ReLU(4 zip - 1)
                  {0.0, 0.0, 2.0, 3.0}};  // school quality = ReLU(2 zip + 3 wealth - 1)
  net.b1 = Matrix{{-1.0}, {-1.0}, {-1.0}};
  net.W2 = Matrix{{60.0, 30.0, 40.0}};  // thousands of dollars per unit of each hidden quantity
  net.b2 = Matrix{{50.0}};
  return net;
}

HousingForward housing_network_forward(const Matrix& X, const HousingNetwork& params) {
  const char* what = "housing_network_forward";
  if (X.rows() != 4) {
    throw ShapeError(std::string(what) + ": X is " + to_string(X.shape()) +
                     " but must be (4, m): size, bedrooms, zip code and wealth, one house per "
                     "column");
  }
  expect_shape(what, "W1 (hidden units, features)", params.W1.shape(), Shape{3, 4});
  expect_shape(what, "b1 (hidden units, 1)", params.b1.shape(), Shape{3, 1});
  expect_shape(what, "W2 (1, hidden units)", params.W2.shape(), Shape{1, 3});
  expect_shape(what, "b2", params.b2.shape(), Shape{1, 1});
  const Matrix M = housing_mask();
  HousingForward out;
  // BEGIN SOLUTION week1.housing_forward
  out.hidden = relu(dot(M * params.W1, X) + params.b1);      // A1 = ReLU((M * W1) X + b1)
  out.price = relu(dot(params.W2, out.hidden) + params.b2);  // Y_hat = ReLU(W2 A1 + b2)
  // END SOLUTION
  return out;
}

}  // namespace dlc::week1
