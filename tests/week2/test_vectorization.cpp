// Tests of lecture 2.9: vectorization. The loop is the reference; BLAS must agree with it.
#include <catch2/catch.hpp>

#include "common/random.hpp"
#include "week2/vectorization.hpp"

using dlc::Matrix;
using namespace dlc::week2;

//! [dot_loop]
TEST_CASE("dot_loop: sum of a_i b_i", "[week2.dot_loop]") {
  // 1*4 + 2*(-5) + 3*6 = 12
  CHECK(dot_loop(Matrix{{1}, {2}, {3}}, Matrix{{4}, {-5}, {6}}) == 12.0);
  CHECK(dot_loop(Matrix{{2.5}}, Matrix{{4}}) == 10.0);
  CHECK_THROWS_AS(dot_loop(Matrix{{1}, {2}}, Matrix{{1}, {2}, {3}}), dlc::ShapeError);
  CHECK_THROWS_AS(dot_loop(Matrix{{1, 2}}, Matrix{{1, 2}}), dlc::ShapeError);
}
//! [dot_loop]

TEST_CASE("dot_vectorized: one BLAS call, same number", "[week2.dot_vectorized]") {
  CHECK(dot_vectorized(Matrix{{1}, {2}, {3}}, Matrix{{4}, {-5}, {6}}) == 12.0);
  CHECK_THROWS_AS(dot_vectorized(Matrix{{1}, {2}}, Matrix{{1}}), dlc::ShapeError);
}

TEST_CASE("dot_loop and dot_vectorized agree on a million random numbers",
          "[week2.dot_loop][week2.dot_vectorized]") {
  dlc::RandomState rng(0);
  const Matrix a = rng.rand(1000000, 1), b = rng.rand(1000000, 1);
  const double loop = dot_loop(a, b), vec = dot_vectorized(a, b);
  // The sum of a million products near 0.25 each: about 250,000.
  CHECK(loop == Approx(250000).epsilon(0.01));
  CHECK(vec == Approx(loop).epsilon(1e-12));
}

TEST_CASE("time_dot_products reports both results and positive times",
          "[week2.dot_loop][week2.dot_vectorized]") {
  const DotTiming t = time_dot_products(100000, 1, 2);
  CHECK(t.n == 100000);
  CHECK(t.c_vectorized == Approx(t.c_loop).epsilon(1e-12));
  CHECK(t.loop_ms > 0.0);
  CHECK(t.vectorized_ms > 0.0);
}
