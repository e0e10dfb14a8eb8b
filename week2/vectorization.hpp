/// \file
/// \brief Lecture 2.9: vectorization. The same dot product, once as an explicit loop and once
/// as one call to BLAS, and the time each takes.
///
/// This header's lectures on \ref week2 "week 2's page": \ref lecture_2_9 "2.9".
///
/// The lecture's demonstration: two vectors of a million random numbers,
/// \f[ c = a^T b = \sum_{i=1}^{n} a_i b_i \f]
/// computed first by `np.dot(a, b)` and then by a `for` loop. The loop touches one pair of
/// numbers at a time; the vectorized call hands the whole vectors to a routine (here
/// `cblas_ddot` from OpenBLAS) that uses the processor's SIMD instructions and keeps the data
/// streaming through the cache. Both give the same number up to rounding; the lecture's
/// notebook saw about 1.5 ms against 474 ms.
///
/// **Expected output.** `dlc run week2.vectorization` prints both results, both times and
/// their ratio; `dlc-bench-vectorization` times them with Google Benchmark. In C++ the loop is
/// compiled, not interpreted, so the gap is much smaller than in Python, but BLAS still wins.
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/matrix.hpp"

namespace dlc::week2 {

/// \brief \f$ a^T b \f$ by an explicit loop: `c = 0; for i: c += a[i] * b[i]`.
/// \param[in] a column vector, shape (n, 1)
/// \param[in] b column vector, shape (n, 1)
/// \return the dot product.
/// \throws ShapeError unless both are (n, 1) with the same n.
///
/// Exercise `week2.dot_loop`.
double dot_loop(const Matrix& a, const Matrix& b);

/// \brief \f$ a^T b \f$ in one vectorized call: `dot(a.T(), b)`, which BLAS computes.
/// \param[in] a column vector, shape (n, 1)
/// \param[in] b column vector, shape (n, 1)
/// \return the dot product.
///
/// Exercise `week2.dot_vectorized`.
double dot_vectorized(const Matrix& a, const Matrix& b);

/// What the lecture's timing demonstration measures.
struct DotTiming {
  std::size_t n = 0;           ///< length of the vectors
  double c_vectorized = 0.0;   ///< result of `dot_vectorized`
  double c_loop = 0.0;         ///< result of `dot_loop`
  double vectorized_ms = 0.0;  ///< best time of `dot_vectorized` over the repeats, milliseconds
  double loop_ms = 0.0;        ///< best time of `dot_loop` over the repeats, milliseconds
};

/// \brief The lecture's demonstration: `a = rand(n)`, `b = rand(n)` from `RandomState(seed)`,
/// then both versions timed (the best of `repeats` runs each). Given code.
/// \param[in] n length of the vectors (1,000,000 in the lecture)
/// \param[in] seed seed of the random vectors
/// \param[in] repeats how many times each version runs; the fastest run counts
DotTiming time_dot_products(std::size_t n, std::uint32_t seed, int repeats = 5);

}  // namespace dlc::week2
