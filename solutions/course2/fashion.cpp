#include "course2/fashion.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ostream>
#include <stdexcept>
#include <string>
#include <utility>

#include "common/exercise.hpp"
#include "common/training.hpp"
#include "course2/batch_norm.hpp"
#include "course2/initialization.hpp"
#include "course2/softmax.hpp"

namespace dlc::course2::fashion {

namespace {

std::string layer_name(const char* matrix, std::size_t l) {
  return std::string(matrix) + "[" + std::to_string(l) + "]";
}

void expect_size(const char* what, const char* name, std::size_t size, std::size_t expected) {
  if (size != expected) {
    throw ShapeError(std::string(what) + ": " + name + " has " + std::to_string(size) +
                     " entries but the network has " + std::to_string(expected - 1) +
                     " layers; it needs one per layer plus the empty entry 0");
  }
}

/// Checks forward's caches against the parameters for `backward_propagation`.
void check_forward(const char* what, const Matrix& Y, const Forward& forward,
                   const Parameters& parameters) {
  const std::size_t L = parameters.W.size() - 1;
  expect_shape(what, "Y", Y.shape(), forward.AL.shape());
  expect_size(what, "forward.caches", forward.caches.size(), L + 1);
  for (std::size_t l = 1; l <= L; ++l) {
    const LayerCache& c = forward.caches[l];
    expect_shape(what, layer_name("caches", l).append(".A_prev").c_str(), c.A_prev.shape(),
                 Shape{parameters.W[l].cols(), Y.cols()});
    if (l == L) continue;
    const Shape z{parameters.W[l].rows(), Y.cols()};
    expect_shape(what, layer_name("caches", l).append(".Z_tilde").c_str(), c.Z_tilde.shape(), z);
    if (batch_normalized(parameters, l)) {
      expect_shape(what, layer_name("caches", l).append(".bn.Z").c_str(), c.bn.Z.shape(), z);
    }
  }
}

/// Adam's numbers for one step.
struct AdamCoefficients {
  double beta1, beta2;         // the averages' betas
  double inverse_correction1;  // 1 / (1 - beta1^t)
  double inverse_correction2;  // 1 / (1 - beta2^t)
  double alpha, epsilon;       // the learning rate, and epsilon
};

/// Adam's update of one parameter's n entries, each read and written once. The corrections
/// multiply by 1 / (1 - beta^t) rather than divide by 1 - beta^t: one division per entry
/// instead of three, the slowest instruction of the loop (the results differ from dividing in
/// the last bit at most). Compiled three times, for AVX-512, AVX2 and any x86-64, the machine
/// choosing when the program starts; the three give the same numbers (each operation is IEEE's,
/// correctly rounded, and none is fused).
[[gnu::target_clones("avx512f", "avx2", "default")]] void adam_entries(
    std::size_t n, double* __restrict p, double* __restrict v, double* __restrict s,
    const double* __restrict g, const AdamCoefficients c) {
  for (std::size_t k = 0; k < n; ++k) {
    v[k] = c.beta1 * v[k] + (1 - c.beta1) * g[k];             // v = beta1 v + (1 - beta1) g
    s[k] = c.beta2 * s[k] + (1 - c.beta2) * (g[k] * g[k]);    // s = beta2 s + (1 - beta2) g^2
    const double v_corrected = v[k] * c.inverse_correction1;  // v / (1 - beta1^t)
    const double s_corrected = s[k] * c.inverse_correction2;  // s / (1 - beta2^t)
    p[k] = p[k] - c.alpha * v_corrected / (std::sqrt(s_corrected) + c.epsilon);
  }
}

}  // namespace

bool batch_normalized(const Parameters& parameters, std::size_t l) {
  return l < parameters.gamma.size() && !parameters.gamma[l].empty();
}

void check_parameters(const char* what, const Parameters& parameters) {
  const std::size_t size = parameters.W.size();
  if (size < 2) {
    throw std::invalid_argument(std::string(what) +
                                ": parameters.W has no layer; it needs W[1] .. W[L]");
  }
  expect_size(what, "parameters.b", parameters.b.size(), size);
  expect_size(what, "parameters.gamma", parameters.gamma.size(), size);
  expect_size(what, "parameters.beta", parameters.beta.size(), size);
  const std::size_t L = size - 1;
  for (std::size_t l = 1; l <= L; ++l) {
    const Matrix& W = parameters.W[l];
    if (W.empty()) throw ShapeError(std::string(what) + ": " + layer_name("W", l) + " is empty");
    if (l > 1 && W.cols() != parameters.W[l - 1].rows()) {
      throw ShapeError(std::string(what) + ": " + layer_name("W", l) + " is " +
                       to_string(W.shape()) + " but " + layer_name("W", l - 1) + " is " +
                       to_string(parameters.W[l - 1].shape()) + "; W[l] needs as many columns " +
                       "as W[l-1] has rows");
    }
    const Shape column{W.rows(), 1};
    const bool normalized = batch_normalized(parameters, l);
    if (normalized && l == L) {
      throw std::invalid_argument(std::string(what) + ": the output layer " + std::to_string(L) +
                                  " has a gamma; batch norm is for the hidden layers only");
    }
    if (normalized) {
      expect_shape(what, layer_name("gamma", l).c_str(), parameters.gamma[l].shape(), column);
      expect_shape(what, layer_name("beta", l).c_str(), parameters.beta[l].shape(), column);
      if (!parameters.b[l].empty()) {
        throw std::invalid_argument(std::string(what) + ": layer " + std::to_string(l) +
                                    " has both a gamma and a b; with batch norm, beta takes "
                                    "the place of b, which must be empty");
      }
    } else {
      expect_shape(what, layer_name("b", l).c_str(), parameters.b[l].shape(), column);
      if (!parameters.beta[l].empty()) {
        throw std::invalid_argument(std::string(what) + ": layer " + std::to_string(l) +
                                    " has a beta but no gamma");
      }
    }
  }
}

Parameters initialize_parameters(const LayerDims& layers_dims, bool batch_norm, RandomState& rng) {
  check_layers_dims("initialize_parameters", layers_dims);
  const std::size_t L = layers_dims.size() - 1;
  Parameters p;
  p.W.resize(L + 1);
  p.b.resize(L + 1);
  p.gamma.resize(L + 1);
  p.beta.resize(L + 1);
  for (std::size_t l = 1; l <= L; ++l) {
    const auto n = static_cast<std::size_t>(layers_dims[l]);
    const auto n_prev = static_cast<std::size_t>(layers_dims[l - 1]);
    p.W[l] = rng.randn(n, n_prev) * std::sqrt(2.0 / static_cast<double>(n_prev));
    if (batch_norm && l < L) {
      p.gamma[l] = Matrix::ones(n, 1);
      p.beta[l] = Matrix::zeros(n, 1);
    } else {
      p.b[l] = Matrix::zeros(n, 1);
    }
  }
  return p;
}

Running initialize_running(const Parameters& parameters) {
  check_parameters("initialize_running", parameters);
  Running running(parameters.W.size());
  for (std::size_t l = 1; l < parameters.W.size(); ++l) {
    if (batch_normalized(parameters, l)) {
      running[l] = batch_norm::initialize_running_averages(parameters.W[l].rows());
    }
  }
  return running;
}

Matrix predict_probabilities(const Matrix& X, const Parameters& parameters,
                             const Running& running) {
  check_parameters("predict_probabilities", parameters);
  const std::size_t L = parameters.W.size() - 1;
  expect_size("predict_probabilities", "running", running.size(), L + 1);
  expect_shape("predict_probabilities", "X", X.shape(), Shape{parameters.W[1].cols(), X.cols()});
  Matrix A = X;
  for (std::size_t l = 1; l < L; ++l) {
    const Matrix Z = dot(parameters.W[l], A);
    const Matrix Z_tilde = batch_normalized(parameters, l)
                               ? batch_norm::batchnorm_at_test_time(Z, parameters.gamma[l],
                                                                    parameters.beta[l], running[l])
                               : Z + parameters.b[l];
    A = relu(Z_tilde);
  }
  return softmax::softmax(dot(parameters.W[L], A) + parameters.b[L]);
}

AdamState initialize_adam(const Parameters& parameters) {
  check_parameters("initialize_adam", parameters);
  const auto zeros_like = [](const std::vector<Matrix>& ps) {
    std::vector<Matrix> zs;
    for (const Matrix& p : ps) zs.push_back(Matrix::zeros(p.rows(), p.cols()));
    return zs;
  };
  Gradients zeros{zeros_like(parameters.W), zeros_like(parameters.b), zeros_like(parameters.gamma),
                  zeros_like(parameters.beta)};
  return AdamState{zeros, zeros, 0};
}

void update_parameters_with_adam(Parameters& parameters, const Gradients& grads, AdamState& state,
                                 const AdamSettings& settings) {
  const std::size_t size = parameters.W.size();
  expect_size("update_parameters_with_adam", "grads.dW", grads.dW.size(), size);
  expect_size("update_parameters_with_adam", "grads.db", grads.db.size(), size);
  expect_size("update_parameters_with_adam", "grads.dgamma", grads.dgamma.size(), size);
  expect_size("update_parameters_with_adam", "grads.dbeta", grads.dbeta.size(), size);
  state.t += 1;
  const double correction1 = 1 - std::pow(settings.beta1, double(state.t));  // 1 - beta1^t
  const double correction2 = 1 - std::pow(settings.beta2, double(state.t));  // 1 - beta2^t
  const AdamCoefficients c{settings.beta1,  settings.beta2,         1 / correction1,
                           1 / correction2, settings.learning_rate, settings.epsilon};
  // One parameter, its gradient and its two averages, in one pass over their entries.
  const auto step = [&](const char* name, std::size_t l, Matrix& p, const Matrix& g, Matrix& v,
                        Matrix& s) {
    expect_shape("update_parameters_with_adam", layer_name(name, l).c_str(), g.shape(), p.shape());
    adam_entries(p.size(), p.data(), v.data(), s.data(), g.data(), c);
  };
  for (std::size_t l = 1; l < size; ++l) {
    step("dW", l, parameters.W[l], grads.dW[l], state.v.dW[l], state.s.dW[l]);
    if (!parameters.b[l].empty()) {
      step("db", l, parameters.b[l], grads.db[l], state.v.db[l], state.s.db[l]);
    }
    if (!parameters.gamma[l].empty()) {
      step("dgamma", l, parameters.gamma[l], grads.dgamma[l], state.v.dgamma[l], state.s.dgamma[l]);
      step("dbeta", l, parameters.beta[l], grads.dbeta[l], state.v.dbeta[l], state.s.dbeta[l]);
    }
  }
}

Forward forward_propagation(const Matrix& X, const Parameters& parameters) {
  check_parameters("forward_propagation", parameters);
  const std::size_t L = parameters.W.size() - 1;
  expect_shape("forward_propagation", "X", X.shape(), Shape{parameters.W[1].cols(), X.cols()});
  Forward forward;
  forward.caches.resize(L + 1);
  // BEGIN SOLUTION course2.forward_propagation_with_batchnorm
  Matrix A = X;
  for (std::size_t l = 1; l < L; ++l) {
    LayerCache& cache = forward.caches[l];
    cache.A_prev = A;
    const Matrix Z = dot(parameters.W[l], A);  // Z[l] = W[l] A[l-1]
    if (batch_normalized(parameters, l)) {
      auto [Z_tilde, bn] = batch_norm::batchnorm_forward(Z, parameters.gamma[l],
                                                         parameters.beta[l]);  // Z~ = BN(Z)
      cache.Z_tilde = std::move(Z_tilde);
      cache.bn = std::move(bn);
    } else {
      cache.Z_tilde = Z + parameters.b[l];  // Z~[l] = Z[l] + b[l]
    }
    A = relu(cache.Z_tilde);  // A[l] = relu(Z~[l])
  }
  forward.caches[L].A_prev = A;
  const Matrix ZL = dot(parameters.W[L], A) + parameters.b[L];  // Z[L] = W[L] A[L-1] + b[L]
  forward.AL = softmax::softmax(ZL);                            // A[L] = softmax(Z[L])
  // END SOLUTION
  return forward;
}

Gradients backward_propagation(const Matrix& Y, const Forward& forward,
                               const Parameters& parameters) {
  check_parameters("backward_propagation", parameters);
  check_forward("backward_propagation", Y, forward, parameters);
  const std::size_t L = parameters.W.size() - 1;
  const double m = static_cast<double>(Y.cols());
  Gradients grads;
  grads.dW.resize(L + 1);
  grads.db.resize(L + 1);
  grads.dgamma.resize(L + 1);
  grads.dbeta.resize(L + 1);
  // BEGIN SOLUTION course2.backward_propagation_with_batchnorm
  Matrix dZ = softmax::softmax_backward(forward.AL, Y);  // dZ[L] = A[L] - Y
  grads.db[L] = (1 / m) * sum(dZ, 1);                    // db[L] = 1/m sum(dZ[L])
  for (std::size_t l = L; l >= 1; --l) {
    const LayerCache& cache = forward.caches[l];
    grads.dW[l] = (1 / m) * dot(dZ, cache.A_prev.T());  // dW[l] = 1/m dZ[l] A[l-1]^T
    if (l == 1) break;
    Matrix dA = dot(parameters.W[l].T(), dZ);  // dA[l-1] = W[l]^T dZ[l]
    const LayerCache& below = forward.caches[l - 1];
    Matrix dZ_tilde = std::move(dA);  // dZ~[l-1] = dA[l-1] * relu'(Z~[l-1])
    dZ_tilde.update_entries([](double da, double z) { return z > 0 ? da : 0.0; }, below.Z_tilde);
    if (batch_normalized(parameters, l - 1)) {
      auto [dZ_prev, dgamma, dbeta] = batch_norm::batchnorm_backward(dZ_tilde, below.bn);
      dZ = std::move(dZ_prev);
      grads.dgamma[l - 1] = std::move(dgamma);
      grads.dbeta[l - 1] = std::move(dbeta);
    } else {
      dZ = std::move(dZ_tilde);                // no batch norm: dZ[l-1] = dZ~[l-1]
      grads.db[l - 1] = (1 / m) * sum(dZ, 1);  // db[l-1] = 1/m sum(dZ[l-1])
    }
  }
  // END SOLUTION
  return grads;
}

Data load_data(const std::string& dir, std::size_t train_size) {
  const TrainTest sets = load_fashion_mnist(dir);
  Data data;
  data.train.X = image_matrix(sets.train.images);
  data.train.labels = sets.train.labels;
  if (train_size > 0 && train_size < data.train.X.cols()) {
    data.train.X = data.train.X.cols_range(0, train_size);
    data.train.labels = data.train.labels.cols_range(0, train_size);
  }
  data.test.X = image_matrix(sets.test.images);
  data.test.labels = sets.test.labels;
  return data;
}

double accuracy(const Matrix& probabilities, const Matrix& labels) {
  expect_shape("accuracy", "labels", labels.shape(), Shape{1, probabilities.cols()});
  return mean(equal(softmax::predict(probabilities), labels));
}

Matrix confusion_matrix(const Matrix& predictions, const Matrix& labels, int classes) {
  expect_shape("confusion_matrix", "predictions", predictions.shape(), labels.shape());
  const auto C = static_cast<std::size_t>(classes);
  Matrix counts = Matrix::zeros(C, C);
  for (std::size_t j = 0; j < labels.cols(); ++j) {
    const double truth = labels(0, j);
    const double predicted = predictions(0, j);
    if (!(truth >= 0 && truth < classes && predicted >= 0 && predicted < classes)) {
      throw std::invalid_argument("confusion_matrix: example " + std::to_string(j) + " has label " +
                                  python_repr(truth) + " and prediction " + python_repr(predicted) +
                                  "; both must be in 0.." + std::to_string(classes - 1));
    }
    counts(static_cast<std::size_t>(truth), static_cast<std::size_t>(predicted)) += 1;
  }
  return counts;
}

Trained train(const Data& data, const Options& options, std::ostream& out,
              const StepObserver& observe) {
  check_layers_dims("train", options.layers_dims);
  if (options.epochs < 0) throw std::invalid_argument("train: epochs must be at least 0");
  if (options.mini_batch_size < 1) {
    throw std::invalid_argument("train: the mini-batch size must be at least 1");
  }
  if (!(options.adam.learning_rate > 0)) {
    throw std::invalid_argument("train: the learning rate must be positive");
  }
  if (!(options.decay_rate >= 0)) {
    throw std::invalid_argument("train: the decay rate must be 0 or more");
  }
  const Matrix& X = data.train.X;
  const std::size_t m = X.cols();
  const std::size_t size = static_cast<std::size_t>(options.mini_batch_size);
  if (m == 0) throw std::invalid_argument("train: the training set is empty");
  const auto classes = options.layers_dims.back();
  const Matrix Y = softmax::one_hot(data.train.labels, classes);
  expect_shape("train", "X", X.shape(), Shape{std::size_t(options.layers_dims[0]), m});
  if (options.batch_norm && size == 1) {
    throw std::invalid_argument(
        "train: batch norm needs mini-batches of at least 2 examples (the variance of one "
        "example is 0)");
  }
  // The last mini-batch of an epoch holds m % size examples; batch norm cannot normalize one.
  std::size_t used = m;
  if (options.batch_norm && m % size == 1) {
    used = m - 1;
    out << "note: " << m << " examples in mini-batches of " << size
        << " leave one example alone in the last mini-batch of each epoch; batch norm cannot "
           "normalize a single example (its variance is 0), so it is left out\n";
  }

  RandomState rng(options.seed);
  Trained trained;
  trained.parameters = initialize_parameters(options.layers_dims, options.batch_norm, rng);
  trained.running = initialize_running(trained.parameters);
  AdamState adam = initialize_adam(trained.parameters);
  Parameters& parameters = trained.parameters;
  const std::size_t L = parameters.W.size() - 1;
  long step = 0;
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    // C2 2.9's decay, once per epoch: alpha = alpha0 / (1 + decay_rate * epoch_num).
    AdamSettings adam_settings = options.adam;
    adam_settings.learning_rate =
        options.adam.learning_rate / (1 + options.decay_rate * static_cast<double>(epoch - 1));
    const std::vector<std::size_t> order = rng.permutation(m);
    double cost_sum = 0.0;
    std::size_t correct = 0;
    for (std::size_t first = 0; first < used; first += size) {
      const std::size_t last = std::min(first + size, used);
      const std::vector<std::size_t> batch(order.begin() + static_cast<long>(first),
                                           order.begin() + static_cast<long>(last));
      const Matrix X_batch = X.columns(batch);
      const Matrix Y_batch = Y.columns(batch);
      const Forward forward = forward_propagation(X_batch, parameters);
      const double cost = softmax::compute_cost(forward.AL, Y_batch);
      ++step;
      check_cost(cost, step, adam_settings.learning_rate);
      cost_sum += cost * static_cast<double>(batch.size());
      correct += static_cast<std::size_t>(
          sum(equal(softmax::predict(forward.AL), data.train.labels.columns(batch))));
      const Gradients grads = backward_propagation(Y_batch, forward, parameters);
      for (std::size_t l = 1; l < L; ++l) {
        if (!batch_normalized(parameters, l)) continue;
        const batch_norm::BatchNormCache& bn = forward.caches[l].bn;
        trained.running[l] = batch_norm::update_running_averages(std::move(trained.running[l]),
                                                                 bn.mu, bn.var, options.momentum);
      }
      update_parameters_with_adam(parameters, grads, adam, adam_settings);
      trained.step_costs.push_back(cost);
      if (observe) observe(step, forward);
    }
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    EpochReport report;
    report.epoch = epoch;
    report.cost = cost_sum / static_cast<double>(used);
    report.train_accuracy = static_cast<double>(correct) / static_cast<double>(used);
    report.test_accuracy =
        accuracy(predict_probabilities(data.test.X, parameters, trained.running), data.test.labels);
    report.seconds = took.count();
    trained.epochs.push_back(report);
    out << "Epoch " << epoch << ": cost " << python_repr(report.cost) << ", train accuracy "
        << python_repr(report.train_accuracy) << ", test accuracy "
        << python_repr(report.test_accuracy) << std::endl;
  }
  return trained;
}

}  // namespace dlc::course2::fashion
