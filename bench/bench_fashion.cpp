// One training step of Course 2 week 3's Fashion-MNIST network (784-256-128-10, batch norm in
// the hidden layers, softmax, Adam, a mini-batch of 64), and each of its parts timed alone, so
// that an epoch's time (938 steps) can be traced to where it goes: the mini-batch's columns
// gathered, forward propagation, the cost, backward propagation, the running averages, and
// Adam. Each benchmark also reports its heap allocations per step. The inputs are random
// pixels in [0, 1]: the time of a step does not depend on them.
#include <benchmark/benchmark.h>

#include <numeric>
#include <vector>

#include "bench/allocation_count.hpp"
#include "common/random.hpp"
#include "course2/batch_norm.hpp"
#include "course2/fashion.hpp"
#include "course2/softmax.hpp"

namespace {

using dlc::Matrix;
using namespace dlc::course2::fashion;
namespace bn = dlc::course2::batch_norm;
namespace sm = dlc::course2::softmax;

constexpr std::size_t kExamples = 6400;  // the training set the mini-batches come from
constexpr std::size_t kBatch = 64;

struct Setup {
  Parameters parameters;
  Running running;
  AdamState adam;
  Matrix X, labels, Y;
  std::vector<std::size_t> order;
  explicit Setup(bool batch_norm) {
    dlc::RandomState rng(1);
    parameters = initialize_parameters({784, 256, 128, 10}, batch_norm, rng);
    running = initialize_running(parameters);
    adam = initialize_adam(parameters);
    X = rng.rand(784, kExamples);
    labels = Matrix(1, kExamples);
    for (std::size_t j = 0; j < kExamples; ++j) labels(0, j) = static_cast<double>(j % 10);
    Y = sm::one_hot(labels, 10);
    order = rng.permutation(kExamples);
  }
  std::vector<std::size_t> batch(std::size_t k) const {
    const auto first = order.begin() + static_cast<long>((k * kBatch) % kExamples);
    return std::vector<std::size_t>(first, first + kBatch);
  }
};

void report_allocations(benchmark::State& state, long allocations) {
  state.counters["allocs/step"] = benchmark::Counter(static_cast<double>(allocations) /
                                                     static_cast<double>(state.iterations()));
}

// The whole step, as `train` takes it.
void BM_step(benchmark::State& state) {
  Setup s(state.range(0) != 0);
  std::size_t k = 0;
  const long before = dlc::bench::allocations_so_far();
  for (auto _ : state) {
    const std::vector<std::size_t> batch = s.batch(k++);
    const Matrix X = s.X.columns(batch);
    const Matrix Y = s.Y.columns(batch);
    const Forward forward = forward_propagation(X, s.parameters);
    benchmark::DoNotOptimize(sm::compute_cost(forward.AL, Y));
    const Gradients grads = backward_propagation(Y, forward, s.parameters);
    for (std::size_t l = 1; l < 3; ++l) {
      if (!batch_normalized(s.parameters, l)) continue;
      s.running[l] = bn::update_running_averages(std::move(s.running[l]), forward.caches[l].bn.mu,
                                                 forward.caches[l].bn.var);
    }
    update_parameters_with_adam(s.parameters, grads, s.adam, AdamSettings{});
  }
  report_allocations(state, dlc::bench::allocations_so_far() - before);
}
BENCHMARK(BM_step)->ArgName("batch_norm")->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

void BM_gather(benchmark::State& state) {
  Setup s(true);
  std::size_t k = 0;
  for (auto _ : state) {
    const std::vector<std::size_t> batch = s.batch(k++);
    benchmark::DoNotOptimize(s.X.columns(batch).data());
    benchmark::DoNotOptimize(s.Y.columns(batch).data());
  }
}
BENCHMARK(BM_gather)->Unit(benchmark::kMicrosecond);

void BM_forward(benchmark::State& state) {
  Setup s(true);
  const Matrix X = s.X.columns(s.batch(0));
  for (auto _ : state) benchmark::DoNotOptimize(forward_propagation(X, s.parameters).AL.data());
}
BENCHMARK(BM_forward)->Unit(benchmark::kMicrosecond);

void BM_backward(benchmark::State& state) {
  Setup s(true);
  const std::vector<std::size_t> batch = s.batch(0);
  const Matrix X = s.X.columns(batch);
  const Matrix Y = s.Y.columns(batch);
  const Forward forward = forward_propagation(X, s.parameters);
  for (auto _ : state) {
    const Gradients grads = backward_propagation(Y, forward, s.parameters);
    benchmark::DoNotOptimize(grads.dW[1].data());
  }
}
BENCHMARK(BM_backward)->Unit(benchmark::kMicrosecond);

void BM_batchnorm_forward_backward(benchmark::State& state) {
  dlc::RandomState rng(2);
  const Matrix Z = rng.randn(256, kBatch), gamma = rng.randn(256, 1), beta = rng.randn(256, 1);
  const Matrix dZ_tilde = rng.randn(256, kBatch);
  for (auto _ : state) {
    const bn::BatchNormForward f = bn::batchnorm_forward(Z, gamma, beta);
    benchmark::DoNotOptimize(bn::batchnorm_backward(dZ_tilde, f.cache).dZ.data());
  }
}
BENCHMARK(BM_batchnorm_forward_backward)->Unit(benchmark::kMicrosecond);

void BM_adam(benchmark::State& state) {
  Setup s(true);
  const std::vector<std::size_t> batch = s.batch(0);
  const Forward forward = forward_propagation(s.X.columns(batch), s.parameters);
  const Gradients grads = backward_propagation(s.Y.columns(batch), forward, s.parameters);
  for (auto _ : state) update_parameters_with_adam(s.parameters, grads, s.adam, AdamSettings{});
}
BENCHMARK(BM_adam)->Unit(benchmark::kMicrosecond);

// The eight products of a step, each alone (0 to 7: Z1 = W1 X, Z2, Z3, dW1 = dZ1 X^T, dW2, dA1
// = W2^T dZ2, dW3, dA2), and all eight (9).
void BM_products(benchmark::State& state) {
  dlc::RandomState rng(2);
  const Matrix W1 = rng.randn(256, 784), X = rng.rand(784, kBatch), W2 = rng.randn(128, 256);
  const Matrix A1 = rng.rand(256, kBatch), W3 = rng.randn(10, 128), A2 = rng.rand(128, kBatch);
  const Matrix dZ1 = rng.randn(256, kBatch), dZ2 = rng.randn(128, kBatch),
               dZ3 = rng.randn(10, kBatch);
  const int which = static_cast<int>(state.range(0));
  for (auto _ : state) {
    if (which == 0 || which == 9) benchmark::DoNotOptimize(dot(W1, X).data());
    if (which == 1 || which == 9) benchmark::DoNotOptimize(dot(W2, A1).data());
    if (which == 2 || which == 9) benchmark::DoNotOptimize(dot(W3, A2).data());
    if (which == 3 || which == 9) benchmark::DoNotOptimize(dot(dZ1, X.T()).data());
    if (which == 4 || which == 9) benchmark::DoNotOptimize(dot(dZ2, A1.T()).data());
    if (which == 5 || which == 9) benchmark::DoNotOptimize(dot(W2.T(), dZ2).data());
    if (which == 6 || which == 9) benchmark::DoNotOptimize(dot(dZ3, A2.T()).data());
    if (which == 7 || which == 9) benchmark::DoNotOptimize(dot(W3.T(), dZ3).data());
  }
}
BENCHMARK(BM_products)->DenseRange(0, 7)->Arg(9)->Unit(benchmark::kMicrosecond);

// dW1 = 1/m dZ1 X^T: the product alone (0) and with its 1/m (1), which BLAS applies as it
// writes the product.
void BM_scaled_dW1(benchmark::State& state) {
  dlc::RandomState rng(2);
  const Matrix X = rng.rand(784, kBatch), dZ1 = rng.randn(256, kBatch);
  for (auto _ : state) {
    if (state.range(0) == 0) benchmark::DoNotOptimize(dot(dZ1, X.T()).data());
    if (state.range(0) == 1) benchmark::DoNotOptimize(((1.0 / 64) * dot(dZ1, X.T())).data());
  }
}
BENCHMARK(BM_scaled_dW1)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
