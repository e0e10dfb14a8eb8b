#include "week1/scale.hpp"

#include <stdexcept>
#include <string>
#include <utility>

#include "common/checks.hpp"
#include "common/exercise.hpp"
#include "common/random.hpp"
#include "week4/application.hpp"
#include "week4/deep_network.hpp"

namespace dlc::week1 {

namespace {

// "784-16-1": the layer sizes as the names show them.
std::string dims_text(const week4::LayerDims& dims) {
  std::string text;
  for (const int n : dims) text += (text.empty() ? "" : "-") + std::to_string(n);
  return text;
}

}  // namespace

std::vector<ScaleModel> default_scale_models(std::size_t n_x) {
  std::vector<ScaleModel> models = {{"logistic regression", {}},
                                    {"small network", {4}},
                                    {"medium network", {16}},
                                    {"large network", {64, 16}}};
  for (ScaleModel& model : models) model.name += " (" + dims_text(layers_of(model, n_x)) + ")";
  return models;
}

week4::LayerDims layers_of(const ScaleModel& model, std::size_t n_x) {
  week4::LayerDims dims{static_cast<int>(n_x)};
  for (std::size_t k = 0; k < model.hidden.size(); ++k) {
    if (model.hidden[k] < 1) {
      throw std::invalid_argument("layers_of: the model '" + model.name + "' has hidden[" +
                                  std::to_string(k) + "] = " + std::to_string(model.hidden[k]) +
                                  " but every hidden layer needs at least 1 unit");
    }
    dims.push_back(model.hidden[k]);
  }
  dims.push_back(1);  // one sigmoid output
  return dims;
}

std::vector<std::size_t> balanced_order(const Matrix& Y, std::uint32_t seed) {
  check_examples("balanced_order", Matrix(1, Y.cols()), Y);
  std::vector<std::size_t> zeros, ones;
  for (std::size_t j = 0; j < Y.cols(); ++j) (Y(0, j) == 0.0 ? zeros : ones).push_back(j);
  RandomState rng(seed);
  rng.shuffle(zeros);
  rng.shuffle(ones);
  std::vector<std::size_t> order;
  order.reserve(Y.cols());
  for (std::size_t k = 0; k < zeros.size() || k < ones.size(); ++k) {
    if (k < zeros.size()) order.push_back(zeros[k]);
    if (k < ones.size()) order.push_back(ones[k]);
  }
  return order;
}

Matrix first_columns(const Matrix& A, const std::vector<std::size_t>& order, std::size_t m) {
  if (m > order.size()) {
    throw std::invalid_argument("first_columns: m is " + std::to_string(m) +
                                " but the order has only " + std::to_string(order.size()) +
                                " examples");
  }
  Matrix out(A.rows(), m);
  for (std::size_t j = 0; j < m; ++j) {
    if (order[j] >= A.cols()) {
      throw std::invalid_argument("first_columns: order[" + std::to_string(j) + "] is " +
                                  std::to_string(order[j]) + " but the matrix has " +
                                  std::to_string(A.cols()) + " columns");
    }
    for (std::size_t i = 0; i < A.rows(); ++i) out(i, j) = A(i, order[j]);
  }
  return out;
}

std::vector<LearningCurve> learning_curve(const Matrix& X_train, const Matrix& Y_train,
                                          const Matrix& X_test, const Matrix& Y_test,
                                          const std::vector<ScaleModel>& models,
                                          const std::vector<std::size_t>& sizes,
                                          const ScaleSettings& settings,
                                          const ScaleObserver& observe) {
  // Everything is checked before the first run.
  check_examples("learning_curve (training set)", X_train, Y_train);
  check_examples("learning_curve (test set)", X_test, Y_test);
  if (X_test.rows() != X_train.rows()) {
    throw ShapeError("learning_curve: X_train is " + to_string(X_train.shape()) +
                     " but X_test is " + to_string(X_test.shape()) +
                     "; both need the same features (rows)");
  }
  if (models.empty()) throw std::invalid_argument("learning_curve: no model to train");
  if (sizes.empty()) throw std::invalid_argument("learning_curve: no training-set size given");
  for (const std::size_t m : sizes) {
    if (m < 2 || m > X_train.cols()) {
      throw std::invalid_argument("learning_curve: the size " + std::to_string(m) +
                                  " is not from 2 to the " + std::to_string(X_train.cols()) +
                                  " training examples");
    }
  }
  check_learning_rate("learning_curve", settings.learning_rate);
  check_iterations("learning_curve", settings.num_iterations, 1);
  const std::size_t n_x = X_train.rows();
  std::vector<LearningCurve> curves;
  for (const ScaleModel& model : models) curves.push_back({model, layers_of(model, n_x), {}});

  const std::vector<std::size_t> order = balanced_order(Y_train, settings.seed);
  for (const std::size_t m : sizes) {
    for (LearningCurve& curve : curves) {
      ScalePoint point;
      point.m = m;
      // BEGIN SOLUTION week1.learning_curve
      const Matrix X_m = first_columns(X_train, order, m);  // the first m of the balanced order
      const Matrix Y_m = first_columns(Y_train, order, m);
      const auto [parameters, costs] =
          week4::L_layer_model(X_m, Y_m, curve.layers_dims, settings.learning_rate,
                               settings.num_iterations, false, settings.seed);
      point.train_accuracy = week4::accuracy(week4::predict(X_m, parameters), Y_m);
      point.test_accuracy = week4::accuracy(week4::predict(X_test, parameters), Y_test);
      // END SOLUTION
      curve.points.push_back(point);
      if (observe) observe(curve, point);
    }
  }
  return curves;
}

}  // namespace dlc::week1
