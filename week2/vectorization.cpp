// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/week2/vectorization.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "week2/vectorization.hpp"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>

#include "common/exercise.hpp"
#include "common/random.hpp"

namespace dlc::week2 {

static void check_vectors(const char* what, const Matrix& a, const Matrix& b) {
  if (a.cols() != 1 || b.shape() != a.shape()) {
    throw ShapeError(std::string(what) + ": a is " + to_string(a.shape()) + " and b is " +
                     to_string(b.shape()) + " but both must be the same column (n, 1)");
  }
}

double dot_loop(const Matrix& a, const Matrix& b) {
  check_vectors("dot_loop", a, b);
  DLC_TODO("week2.dot_loop");
}

double dot_vectorized(const Matrix& a, const Matrix& b) {
  check_vectors("dot_vectorized", a, b);
  DLC_TODO("week2.dot_vectorized");
}

DotTiming time_dot_products(std::size_t n, std::uint32_t seed, int repeats) {
  if (n == 0) throw std::invalid_argument("time_dot_products: n must be at least 1");
  if (repeats < 1) throw std::invalid_argument("time_dot_products: repeats must be at least 1");
  RandomState rng(seed);
  const Matrix a = rng.rand(n, 1);
  const Matrix b = rng.rand(n, 1);
  using Clock = std::chrono::steady_clock;
  auto best_ms = [repeats](auto&& f, double& result) {
    double best = 0.0;
    for (int r = 0; r < repeats; ++r) {
      const auto tic = Clock::now();
      result = f();
      const auto toc = Clock::now();
      const double ms = std::chrono::duration<double, std::milli>(toc - tic).count();
      best = r == 0 ? ms : std::min(best, ms);
    }
    return best;
  };
  DotTiming t;
  t.n = n;
  t.vectorized_ms = best_ms([&] { return dot_vectorized(a, b); }, t.c_vectorized);
  t.loop_ms = best_ms([&] { return dot_loop(a, b); }, t.c_loop);
  return t;
}

}  // namespace dlc::week2
