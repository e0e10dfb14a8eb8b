// The cat notebook's training iteration, timed: one step of gradient descent (forward, cost,
// backward, update) of the L-layer network [n_x, n1, 7, 5, 1] and of the two-layer network
// [n_x, n1, 1], with n_x = 12288 features as the cat images have. The arguments are m (the
// examples) and n1 (the width of the first layer): the time grows about linearly in each, since
// the two products of the first layer, (n1, n_x) x (n_x, m) forward and (n1, m) x (m, n_x)
// backward, are almost all of the work.
//
// Before anything is timed, the iteration written with the course's blocks, as the notebook
// writes it (L_model_forward, compute_cost, L_model_backward, update_parameters, each returning
// its values), is checked against a straightforward iteration written with plain Matrix
// operations. The counters report the heap allocations and bytes of one iteration after the
// first, whatever the blocks and Matrix's storage make of them.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>

#include "bench/allocation_count.hpp"
#include "common/exercise.hpp"
#include "common/random.hpp"
#include "week4/application.hpp"
#include "week4/deep_network.hpp"

namespace {

using dlc::Matrix;
using namespace dlc::week4;

constexpr int kFeatures = 12288;

struct Problem {
  Matrix X, Y;
  Parameters parameters;
};

// Random images and labels of the cat set's shape, and the notebook's initialization.
Problem make_problem(const LayerDims& dims, std::size_t m) {
  dlc::RandomState rng(1);
  Problem p;
  p.X = rng.rand(static_cast<std::size_t>(dims[0]), m);
  p.Y = dlc::greater(rng.rand(1, m), 0.5);
  p.parameters = initialize_parameters_deep(dims, rng);
  return p;
}

// One iteration with the course's blocks, as L_layer_model runs it.
double iteration(Problem& p) {
  auto [AL, caches] = L_model_forward(p.X, p.parameters);
  const double cost = compute_cost(AL, p.Y);
  const Gradients grads = L_model_backward(AL, p.Y, caches);
  p.parameters = update_parameters(p.parameters, grads, 0.0075);
  return cost;
}

// The same iteration written the plain way, with Matrix operations only: the reference the
// blocks are checked against before they are timed.
double plain_iteration(const Matrix& X, const Matrix& Y, Parameters& parameters) {
  const std::size_t L = parameters.L();
  const double m = static_cast<double>(X.cols());
  std::vector<Matrix> A(L + 1), Z(L + 1);
  A[0] = X;
  for (std::size_t l = 1; l <= L; ++l) {
    Z[l] = dot(parameters.W[l], A[l - 1]) + parameters.b[l];
    A[l] = l < L ? dlc::maximum(Z[l], 0.0) : 1.0 / (1.0 + dlc::exp(-Z[l]));
  }
  const double cost = -dlc::sum(Y * dlc::log(A[L]) + (1.0 - Y) * dlc::log(1.0 - A[L])) / m;
  Matrix dZ = A[L] - Y;  // through the sigmoid
  for (std::size_t l = L; l >= 1; --l) {
    const Matrix dW = (1.0 / m) * dot(dZ, A[l - 1].T());
    const Matrix db = (1.0 / m) * dlc::sum(dZ, 1);
    if (l > 1) dZ = dot(parameters.W[l].T(), dZ) * dlc::greater(Z[l - 1], 0.0);
    parameters.W[l] = parameters.W[l] - 0.0075 * dW;
    parameters.b[l] = parameters.b[l] - 0.0075 * db;
  }
  return cost;
}

// Three iterations each way from the same start must agree to rounding.
bool check_against_plain() {
  const LayerDims dims = {300, 20, 7, 5, 1};
  Problem blocks = make_problem(dims, 64);
  Problem plain = make_problem(dims, 64);
  for (int i = 0; i < 3; ++i) {
    const double a = iteration(blocks);
    const double b = plain_iteration(plain.X, plain.Y, plain.parameters);
    if (!(std::fabs(a - b) <= 1e-12 * std::fabs(b))) {
      std::fprintf(stderr, "iteration %d: the cost is %.17g, the plain version's %.17g\n", i, a, b);
      return false;
    }
  }
  for (std::size_t l = 1; l <= blocks.parameters.L(); ++l) {
    if (dlc::max_abs_diff(blocks.parameters.W[l], plain.parameters.W[l]) > 1e-12) {
      std::fprintf(stderr, "W[%zu] differs from the plain version's\n", l);
      return false;
    }
  }
  return true;
}

void time_iterations(benchmark::State& state, const LayerDims& dims) {
  const auto m = static_cast<std::size_t>(state.range(0));
  Problem p = make_problem(dims, m);
  iteration(p);  // the first iteration (BLAS sets itself up)
  const long allocations = dlc::bench::allocations_so_far();
  const long bytes = dlc::bench::allocated_bytes_so_far();
  iteration(p);
  state.counters["allocs/iter"] =
      static_cast<double>(dlc::bench::allocations_so_far() - allocations);
  state.counters["bytes/iter"] = static_cast<double>(dlc::bench::allocated_bytes_so_far() - bytes);
  for (auto _ : state) benchmark::DoNotOptimize(iteration(p));
  // Forward and backward each multiply the first layer's (n1, n_x) weights with m examples.
  state.counters["GFLOP/s"] = benchmark::Counter(
      4.0 * dims[1] * dims[0] * static_cast<double>(m) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate, benchmark::Counter::kIs1000);
}

void BM_LLayerIteration(benchmark::State& state) {
  time_iterations(state, {kFeatures, static_cast<int>(state.range(1)), 7, 5, 1});
}

void BM_TwoLayerIteration(benchmark::State& state) {
  time_iterations(state, {kFeatures, static_cast<int>(state.range(1)), 1});
}

// Growth with m at the notebook's widths, then with the width at the notebook's m = 209.
BENCHMARK(BM_LLayerIteration)
    ->ArgNames({"m", "n1"})
    ->Args({52, 20})
    ->Args({104, 20})
    ->Args({209, 20})
    ->Args({418, 20})
    ->Args({836, 20})
    ->Args({209, 5})
    ->Args({209, 10})
    ->Args({209, 40})
    ->Args({209, 80})
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TwoLayerIteration)
    ->ArgNames({"m", "n1"})
    ->Args({209, 7})
    ->Args({418, 7})
    ->Args({836, 7})
    ->Args({209, 14})
    ->Args({209, 28})
    ->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  try {
    if (!check_against_plain()) return 1;
  } catch (const dlc::NotImplemented& e) {
    std::fprintf(stderr, "not implemented yet: %s; run the solution flavour's benchmark\n",
                 e.exercise().c_str());
    return 1;
  }
  std::fprintf(stderr, "The training iteration agrees with the plain version. Timing.\n");
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
