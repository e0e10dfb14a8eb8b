// Lecture 2.9 and 2.11, timed: an explicit loop against one BLAS call, for a dot product and for
// a whole forward-and-backward pass of logistic regression on cat-sized data.
//
// As in every benchmark here, the fast path is first checked against the loop (the reference)
// on non-square data with m > 1; only then does anything get timed.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <exception>

#include "common/exercise.hpp"
#include "common/random.hpp"
#include "week2/logistic_regression.hpp"
#include "week2/vectorization.hpp"

namespace {

using dlc::Matrix;

void BM_DotLoop(benchmark::State& state) {
  dlc::RandomState rng(0);
  const auto n = static_cast<std::size_t>(state.range(0));
  const Matrix a = rng.rand(n, 1), b = rng.rand(n, 1);
  for (auto _ : state) benchmark::DoNotOptimize(dlc::week2::dot_loop(a, b));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_DotVectorized(benchmark::State& state) {
  dlc::RandomState rng(0);
  const auto n = static_cast<std::size_t>(state.range(0));
  const Matrix a = rng.rand(n, 1), b = rng.rand(n, 1);
  for (auto _ : state) benchmark::DoNotOptimize(dlc::week2::dot_vectorized(a, b));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The cat set's shape: n_x = 12288 features, m examples.
struct Problem {
  Matrix w, X, Y;
};
Problem cat_sized(std::size_t m) {
  dlc::RandomState rng(1);
  Problem p{rng.randn(12288, 1) * 0.01, rng.rand(12288, m), Matrix(1, m)};
  for (std::size_t i = 0; i < m; ++i) p.Y(0, i) = static_cast<double>(i % 2);
  return p;
}

void BM_PropagateLoop(benchmark::State& state) {
  const Problem p = cat_sized(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(dlc::week2::propagate_loop(p.w, 0.1, p.X, p.Y));
}

void BM_Propagate(benchmark::State& state) {
  const Problem p = cat_sized(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(dlc::week2::propagate(p.w, 0.1, p.X, p.Y));
}

BENCHMARK(BM_DotLoop)->RangeMultiplier(10)->Range(1000, 1000000);
BENCHMARK(BM_DotVectorized)->RangeMultiplier(10)->Range(1000, 1000000);
BENCHMARK(BM_PropagateLoop)->Arg(209)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Propagate)->Arg(209)->Unit(benchmark::kMillisecond);

// The fast paths must give the reference's numbers before they are timed.
bool fast_paths_agree() {
  dlc::RandomState rng(7);
  const Matrix a = rng.randn(1001, 1), b = rng.randn(1001, 1);
  const double loop = dlc::week2::dot_loop(a, b), vec = dlc::week2::dot_vectorized(a, b);
  if (std::fabs(loop - vec) > 1e-10 * (1.0 + std::fabs(loop))) {
    std::fprintf(stderr, "dot_vectorized gives %.17g but the loop gives %.17g\n", vec, loop);
    return false;
  }
  const Problem p = cat_sized(7);
  const auto l = dlc::week2::propagate_loop(p.w, 0.1, p.X, p.Y);
  const auto v = dlc::week2::propagate(p.w, 0.1, p.X, p.Y);
  const double dw_diff = dlc::max_abs_diff(l.grads.dw, v.grads.dw);
  if (dw_diff > 1e-12 || std::fabs(l.cost - v.cost) > 1e-12 ||
      std::fabs(l.grads.db - v.grads.db) > 1e-12) {
    std::fprintf(stderr, "propagate and propagate_loop differ (dw by %g)\n", dw_diff);
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  try {
    if (!fast_paths_agree()) return 1;
  } catch (const dlc::NotImplemented& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 3;
  }
  std::printf("Loop and vectorized versions agree. Starting benchmarks.\n");
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
