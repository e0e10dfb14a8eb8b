// One step of Adam (C2 2.8), timed against the number of parameters: a network of two layers
// [n, n, 1] holds n^2 + 2n + 1 parameters, and each step reads every one of them, their
// gradients and both averages once, and writes the parameter and the averages once. The
// counters report the step's heap allocations and bytes (the corrected averages, which the
// notebook's function returns, are its only new matrices) and the parameters updated per second.
//
// Before anything is timed, update_parameters_with_adam is checked against Adam written the
// plain way, each formula a new Matrix, over three steps.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <utility>

#include "bench/allocation_count.hpp"
#include "common/random.hpp"
#include "course2/optimizers.hpp"

namespace {

using dlc::Matrix;
using namespace dlc::course2;
using namespace dlc::course2::optimizers;

struct Problem {
  Parameters parameters;
  Gradients grads;
  Averages v, s;
  int t = 0;
};

// Layers [n, n, 1]: random parameters and gradients, Adam's averages at their start.
Problem make_problem(std::size_t n) {
  dlc::RandomState rng(1);
  Problem p;
  p.parameters.W = {Matrix(), rng.randn(n, n), rng.randn(1, n)};
  p.parameters.b = {Matrix(), rng.randn(n, 1), rng.randn(1, 1)};
  p.grads.dW = {Matrix(), rng.randn(n, n), rng.randn(1, n)};
  p.grads.db = {Matrix(), rng.randn(n, 1), rng.randn(1, 1)};
  auto [v, s] = initialize_adam(p.parameters);
  p.v = std::move(v);
  p.s = std::move(s);
  return p;
}

// One step, as the model takes it: everything moved in, and back.
void step(Problem& p) {
  p.t = p.t + 1;
  AdamStep r = update_parameters_with_adam(std::move(p.parameters), p.grads, std::move(p.v),
                                           std::move(p.s), p.t, 1e-3);
  p.parameters = std::move(r.parameters);
  p.v = std::move(r.v);
  p.s = std::move(r.s);
}

// Adam the plain way, every formula a new Matrix: the reference.
void plain_step(Problem& p) {
  p.t = p.t + 1;
  const double beta1 = 0.9, beta2 = 0.999, eps = 1e-8, lr = 1e-3;
  auto one = [&](Matrix& param, const Matrix& grad, Matrix& v, Matrix& s) {
    v = beta1 * v + (1 - beta1) * grad;
    const Matrix v_corrected = v / (1 - std::pow(beta1, p.t));
    s = beta2 * s + (1 - beta2) * dlc::square(grad);
    const Matrix s_corrected = s / (1 - std::pow(beta2, p.t));
    param = param - lr * v_corrected / (dlc::sqrt(s_corrected) + eps);
  };
  for (std::size_t l = 1; l <= p.parameters.L(); ++l) {
    one(p.parameters.W[l], p.grads.dW[l], p.v.dW[l], p.s.dW[l]);
    one(p.parameters.b[l], p.grads.db[l], p.v.db[l], p.s.db[l]);
  }
}

bool same_as_plain() {
  Problem fast = make_problem(37), plain = make_problem(37);
  for (int i = 0; i < 3; ++i) {
    step(fast);
    plain_step(plain);
  }
  for (std::size_t l = 1; l <= 2; ++l) {
    if (dlc::max_abs_diff(fast.parameters.W[l], plain.parameters.W[l]) != 0.0 ||
        dlc::max_abs_diff(fast.parameters.b[l], plain.parameters.b[l]) != 0.0 ||
        dlc::max_abs_diff(fast.s.dW[l], plain.s.dW[l]) != 0.0) {
      std::fprintf(stderr, "layer %zu: Adam's step differs from the plain version's\n", l);
      return false;
    }
  }
  return true;
}

void BM_AdamStep(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  Problem p = make_problem(n);
  step(p);
  const long allocations = dlc::bench::allocations_so_far();
  const long bytes = dlc::bench::allocated_bytes_so_far();
  step(p);
  state.counters["allocs/step"] =
      static_cast<double>(dlc::bench::allocations_so_far() - allocations);
  state.counters["bytes/step"] = static_cast<double>(dlc::bench::allocated_bytes_so_far() - bytes);
  const double parameters = static_cast<double>(n * n + 2 * n + 1);
  state.counters["parameters"] = parameters;
  for (auto _ : state) {
    step(p);
    benchmark::DoNotOptimize(p.parameters.W[1].data());
  }
  state.counters["parameters/s"] = benchmark::Counter(
      parameters * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AdamStep)->Arg(32)->Arg(100)->Arg(316)->Arg(1000)->Arg(3162);

}  // namespace

int main(int argc, char** argv) {
  if (!same_as_plain()) return 1;
  std::printf("update_parameters_with_adam equals the plain version over three steps.\n");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
