// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/course2/gradient_checking.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "course2/gradient_checking.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <stdexcept>
#include <string>

#include "common/exercise.hpp"
#include "common/gradient_check.hpp"
#include "common/random.hpp"
#include "common/training.hpp"

namespace dlc::course2::gradient_checking {

/// Refuses an epsilon that cannot nudge anything.
static void check_epsilon(const char* what, double epsilon) {
  if (!(epsilon > 0.0) || !std::isfinite(epsilon)) {
    throw std::invalid_argument(std::string(what) + ": epsilon is " + python_repr(epsilon) +
                                " but must be positive and finite");
  }
}

std::string check_message(double difference, bool colour) {
  const bool wrong = difference > 2e-7;  // the notebook's line: 2e-7
  const std::string text =
      (wrong ? "There is a mistake in the backward propagation! difference = "
             : "Your backward propagation works perfectly fine! difference = ") +
      python_repr(difference);
  if (!colour) return text;
  return (wrong ? "\033[93m" : "\033[92m") + text + "\033[0m";  // yellow or green, as the notebook
}

bool stdout_shows_colour() {
  if (::isatty(STDOUT_FILENO) == 0 || std::getenv("NO_COLOR") != nullptr) return false;
  const char* term = std::getenv("TERM");
  return term == nullptr || std::strcmp(term, "dumb") != 0;
}

double forward_propagation(double x, double theta) {
  DLC_TODO("course2.gc_forward_propagation");
}

double backward_propagation(double x, [[maybe_unused]] double theta) {
  DLC_TODO("course2.gc_backward_propagation");
}

double gradient_check(double x, double theta, double epsilon) {
  check_epsilon("gradient_check", epsilon);
  double difference = 0.0;
  DLC_TODO("course2.gradient_check");
  std::cout << check_message(difference, stdout_shows_colour()) << '\n';
  return difference;
}

CostAndCache forward_propagation_n(const Matrix& X, const Matrix& Y, const Parameters& parameters) {
  check_three_layers("forward_propagation_n", parameters, X.rows());
  if (Y.shape() != Shape{1, X.cols()} || X.cols() == 0) {
    throw ShapeError("forward_propagation_n: Y is " + to_string(Y.shape()) + " and X is " +
                     to_string(X.shape()) + " but Y must be (1, m) with m = X.cols at least 1");
  }
  const double m = static_cast<double>(X.cols());
  // LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID, the week's network
  auto [A3, cache] = course2::forward_propagation(X, parameters);
  const Matrix logprobs =
      (-log(A3)) * Y + (-log(1.0 - A3)) * (1.0 - Y);  // -y log a - (1-y) log(1-a)
  const double cost = 1.0 / m * sum(logprobs);        // J = 1/m np.sum(logprobs)
  return CostAndCache{cost, std::move(cache)};
}

Gradients backward_propagation_n(const Matrix& X, const Matrix& Y, const Cache& cache, Bugs bugs) {
  check_cache("backward_propagation_n", X, Y, cache);
  const double m = static_cast<double>(X.cols());
  const auto& [Z, A, W, b, D] = cache;
  const bool planted = bugs == Bugs::kPlanted;
  Gradients g;
  g.dZ.resize(4);
  g.dA.resize(3);
  g.dW.resize(4);
  g.db.resize(4);
  g.dZ[3] = A[3] - Y;                          // dZ3 = A3 - Y
  g.dW[3] = 1.0 / m * dot(g.dZ[3], A[2].T());  // dW3 = 1/m dZ3 A2^T
  g.db[3] = 1.0 / m * sum(g.dZ[3], 1);         // db3 = 1/m sum(dZ3)
  g.dA[2] = dot(W[3].T(), g.dZ[3]);            // dA2 = W3^T dZ3
  g.dZ[2] = g.dA[2] * greater(A[2], 0.0);      // dZ2 = dA2 * (A2 > 0)
  if (planted) {
    g.dW[2] = 1.0 / m * dot(g.dZ[2], A[1].T()) * 2.0;  // the notebook's mistake: * 2
  } else {
    g.dW[2] = 1.0 / m * dot(g.dZ[2], A[1].T());  // dW2 = 1/m dZ2 A1^T
  }
  g.db[2] = 1.0 / m * sum(g.dZ[2], 1);      // db2 = 1/m sum(dZ2)
  g.dA[1] = dot(W[2].T(), g.dZ[2]);         // dA1 = W2^T dZ2
  g.dZ[1] = g.dA[1] * greater(A[1], 0.0);   // dZ1 = dA1 * (A1 > 0)
  g.dW[1] = 1.0 / m * dot(g.dZ[1], X.T());  // dW1 = 1/m dZ1 X^T
  if (planted) {
    g.db[1] = 4.0 / m * sum(g.dZ[1], 1);  // the notebook's mistake: 4/m
  } else {
    g.db[1] = 1.0 / m * sum(g.dZ[1], 1);  // db1 = 1/m sum(dZ1)
  }
  return g;
}

/// Appends `a`'s entries to `theta` from `at` on, in numpy's C order (row by row).
static void append_row_major(const Matrix& a, Matrix& theta, std::size_t& at) {
  for (std::size_t i = 0; i < a.rows(); ++i)
    for (std::size_t j = 0; j < a.cols(); ++j) theta(at++, 0) = a(i, j);
}

/// The number of entries of the W and b of layers 1..L.
static std::size_t count_parameters(const std::vector<Matrix>& W, const std::vector<Matrix>& b) {
  std::size_t n = 0;
  for (std::size_t l = 1; l < W.size(); ++l) n += W[l].size() + b[l].size();
  return n;
}

/// Checks that W and b are lists of the same length with every b[l] a column of W[l].rows().
static void check_pairs(const char* what, const char* w, const char* b_name,
                        const std::vector<Matrix>& W, const std::vector<Matrix>& b) {
  if (W.size() != b.size() || W.size() < 2) {
    throw ShapeError(std::string(what) + ": " + std::to_string(W.size()) + " " + w + " and " +
                     std::to_string(b.size()) + " " + b_name +
                     " entries; both lists need the same length, entry 0 empty and then at least "
                     "one layer");
  }
  for (std::size_t l = 1; l < W.size(); ++l) {
    if (b[l].shape() != Shape{W[l].rows(), 1}) {
      throw ShapeError(std::string(what) + ": " + b_name + std::to_string(l) + " is " +
                       to_string(b[l].shape()) + " but must be (" + std::to_string(W[l].rows()) +
                       ", 1), a column with one entry per row of " + w + std::to_string(l));
    }
  }
}

ParameterVector dictionary_to_vector(const Parameters& parameters) {
  check_pairs("dictionary_to_vector", "W", "b", parameters.W, parameters.b);
  ParameterVector out;
  out.theta = Matrix(count_parameters(parameters.W, parameters.b), 1);
  std::size_t at = 0;
  for (std::size_t l = 1; l <= parameters.L(); ++l) {
    const std::string layer = std::to_string(l);
    append_row_major(parameters.W[l], out.theta, at);  // np.reshape(W, (-1, 1))
    out.keys.insert(out.keys.end(), parameters.W[l].size(), "W" + layer);
    append_row_major(parameters.b[l], out.theta, at);  // np.reshape(b, (-1, 1))
    out.keys.insert(out.keys.end(), parameters.b[l].size(), "b" + layer);
  }
  return out;
}

LayerDims layers_dims_of(const Parameters& parameters) {
  if (parameters.L() == 0)
    throw ShapeError("layers_dims_of: parameters has no layer (W must hold W[1], W[2], ...)");
  LayerDims dims = {static_cast<int>(parameters.W[1].cols())};
  for (std::size_t l = 1; l <= parameters.L(); ++l)
    dims.push_back(static_cast<int>(parameters.W[l].rows()));
  return dims;
}

Parameters vector_to_dictionary(const Matrix& theta, const LayerDims& layers_dims) {
  check_layers_dims("vector_to_dictionary", layers_dims);
  const std::size_t L = layers_dims.size() - 1;
  std::size_t needed = 0;
  for (std::size_t l = 1; l <= L; ++l)
    needed += static_cast<std::size_t>(layers_dims[l]) * (layers_dims[l - 1] + 1);
  if (theta.shape() != Shape{needed, 1}) {
    throw ShapeError("vector_to_dictionary: theta is " + to_string(theta.shape()) +
                     " but must be (" + std::to_string(needed) +
                     ", 1), one entry per parameter of the layers");
  }
  Parameters parameters{std::vector<Matrix>(L + 1), std::vector<Matrix>(L + 1)};
  std::size_t at = 0;
  for (std::size_t l = 1; l <= L; ++l) {
    const auto n = static_cast<std::size_t>(layers_dims[l]);
    const auto n_prev = static_cast<std::size_t>(layers_dims[l - 1]);
    parameters.W[l] = Matrix(n, n_prev);  // theta[at : at + n n_prev].reshape((n, n_prev))
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n_prev; ++j) parameters.W[l](i, j) = theta(at++, 0);
    parameters.b[l] = Matrix(n, 1);  // theta[at : at + n].reshape((n, 1))
    for (std::size_t i = 0; i < n; ++i) parameters.b[l](i, 0) = theta(at++, 0);
  }
  return parameters;
}

Matrix gradients_to_vector(const Gradients& gradients) {
  check_pairs("gradients_to_vector", "dW", "db", gradients.dW, gradients.db);
  Matrix theta(count_parameters(gradients.dW, gradients.db), 1);
  std::size_t at = 0;
  for (std::size_t l = 1; l < gradients.dW.size(); ++l) {
    append_row_major(gradients.dW[l], theta, at);  // np.reshape(dW, (-1, 1))
    append_row_major(gradients.db[l], theta, at);  // np.reshape(db, (-1, 1))
  }
  return theta;
}

TestCase gradient_check_n_test_case() {
  RandomState rng(1);  // np.random.seed(1)
  TestCase t;
  t.X = rng.randn(4, 3);
  t.Y = Matrix{{1.0, 1.0, 0.0}};
  t.parameters.W.resize(4);
  t.parameters.b.resize(4);
  t.parameters.W[1] = rng.randn(5, 4);
  t.parameters.b[1] = rng.randn(5, 1);
  t.parameters.W[2] = rng.randn(3, 5);
  t.parameters.b[2] = rng.randn(3, 1);
  t.parameters.W[3] = rng.randn(1, 3);
  t.parameters.b[3] = rng.randn(1, 1);
  return t;
}

/// Checks that each gradient has the shape of its parameter.
static void check_gradients(const Parameters& parameters, const Gradients& gradients) {
  const std::size_t L = parameters.L();
  if (gradients.dW.size() != L + 1 || gradients.db.size() != L + 1) {
    throw ShapeError("gradient_check_n: the parameters have " + std::to_string(L) +
                     " layers but gradients has " + std::to_string(gradients.dW.size()) +
                     " dW and " + std::to_string(gradients.db.size()) + " db entries; it needs " +
                     std::to_string(L + 1) + " of each (entry 0 empty)");
  }
  for (std::size_t l = 1; l <= L; ++l) {
    if (gradients.dW[l].shape() != parameters.W[l].shape() ||
        gradients.db[l].shape() != parameters.b[l].shape()) {
      throw ShapeError(
          "gradient_check_n: layer " + std::to_string(l) + ": dW is " +
          to_string(gradients.dW[l].shape()) + " and db is " + to_string(gradients.db[l].shape()) +
          " but W is " + to_string(parameters.W[l].shape()) + " and b is " +
          to_string(parameters.b[l].shape()) + "; each gradient has its parameter's shape");
    }
  }
}

double gradient_check_n(const Parameters& parameters, const Gradients& gradients, const Matrix& X,
                        const Matrix& Y, double epsilon) {
  check_epsilon("gradient_check_n", epsilon);
  check_three_layers("gradient_check_n", parameters, X.rows());
  check_gradients(parameters, gradients);
  // Set-up variables
  auto [parameters_values, keys] = dictionary_to_vector(parameters);
  const Matrix grad = gradients_to_vector(gradients);
  const LayerDims layers_dims = layers_dims_of(parameters);
  const std::size_t num_parameters = parameters_values.rows();
  Matrix J_plus = Matrix::zeros(num_parameters, 1);
  Matrix J_minus = Matrix::zeros(num_parameters, 1);
  Matrix gradapprox = Matrix::zeros(num_parameters, 1);
  double difference = 0.0;
  DLC_TODO("course2.gradient_check_n");
  std::cout << check_message(difference, stdout_shows_colour()) << '\n';
  return difference;
}

}  // namespace dlc::course2::gradient_checking
