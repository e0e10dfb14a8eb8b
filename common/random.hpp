/// \file
/// \brief `dlc::RandomState`: numpy's legacy random generator, bit for bit.
///
/// The course's notebooks seed numpy's legacy generator (`np.random.seed(1)`) and then draw
/// initial weights (`np.random.randn(n_h, n_x) * 0.01`), dropout masks
/// (`np.random.rand(r, c) < keep_prob`) and mini-batch orders (`np.random.permutation(m)`).
/// `RandomState` reproduces those draws exactly (the same doubles, compared with `==`), so a
/// seeded C++ initialization prints the very numbers the notebooks print:
///
///     dlc::RandomState rng(1);                // np.random.seed(1)
///     Matrix W1 = rng.randn(4, 2) * 0.01;     // np.random.randn(4, 2) * 0.01
///
/// What is reproduced is numpy's `np.random.RandomState` (numpy 1.17 to at least 1.26, whose
/// legacy streams numpy promises never to change):
/// - the generator is the 32-bit Mersenne Twister MT19937, seeded from an integer by
///   `init_genrand` (numpy's `mt19937_seed`);
/// - a uniform double takes two 32-bit draws \f$ a, b \f$ and is
///   \f$ (\lfloor a / 2^5 \rfloor \cdot 2^{26} + \lfloor b / 2^6 \rfloor) / 2^{53} \f$;
/// - a normal draw is the polar Box-Muller method, which makes two normals per accepted pair and
///   keeps the second for the next call (numpy's `legacy_gauss`);
/// - bounded integers use masked rejection sampling (numpy's `random_interval` and
///   `random_bounded_uint64_fill` with `use_masked = true`);
/// - arrays are filled in numpy's C (row-major) order: draw \f$ k \f$ of a `(rows, cols)` result
///   goes to entry \f$ (\lfloor k / cols \rfloor, k \bmod cols) \f$.
///
/// The new `np.random.default_rng()` generators (PCG64, ziggurat normals) are not reproduced:
/// the course does not use them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/matrix.hpp"

namespace dlc {

/// numpy's legacy random generator, `np.random.RandomState`, seeded from an integer.
///
/// Every draw of numpy's global functions (`np.random.randn`, `np.random.rand`, ...) after
/// `np.random.seed(s)` is the same draw of the same method of a `RandomState rng(s)`, in the same
/// order. A `RandomState` is a plain value: copying it copies the whole state, and the copy then
/// draws the same numbers as the original.
class RandomState {
 public:
  /// A generator seeded as `np.random.seed(seed)` (or `np.random.RandomState(seed)`) seeds
  /// numpy's: MT19937's `init_genrand(seed)`, and no normal value cached. Every seed numpy
  /// accepts as an integer, \f$ 0 \le seed < 2^{32} \f$, is a `std::uint32_t`.
  explicit RandomState(std::uint32_t seed);

  /// Reseeds, as `np.random.seed(seed)`: the generator restarts and the cached second normal
  /// value of `standard_normal` is forgotten.
  void seed(std::uint32_t seed);

  /// MT19937's number of 32-bit words of state, \f$ N = 624 \f$.
  static constexpr std::size_t kStateSize = 624;

  /// \brief The generator's complete state, as numpy's `RandomState.get_state()` returns it
  /// (the key, the position, whether a normal value is cached, and that value): a generator
  /// given this state by set_state() draws exactly what the generator it was taken from draws
  /// next, the cached normal value of standard_normal() included.
  struct State {
    std::array<std::uint32_t, kStateSize> key{};  ///< MT19937's 624 words
    std::size_t pos = kStateSize;  ///< the next word to use; 624: twist all words first
    bool has_gauss = false;        ///< `standard_normal` has a second value cached
    double cached_gaussian = 0.0;  ///< that value (0 when none is cached)
  };

  /// The complete state, as numpy's `get_state()`.
  State get_state() const;

  /// Continues from `state`, as numpy's `set_state(state)`. Throws `std::invalid_argument`
  /// unless \f$ pos \le 624 \f$.
  void set_state(const State& state);

  /// \name Single draws
  ///@{

  /// The next raw 32-bit output of MT19937, uniform on \f$ [0, 2^{32}) \f$; the draw every other
  /// method is made of (numpy's `MT19937.random_raw()`, `next_uint32`).
  std::uint32_t random_uint32();

  /// A uniform double on \f$ [0, 1) \f$ with 53 random bits, as `np.random.random_sample()`
  /// (and each entry of `np.random.rand`). Two 32-bit draws \f$ a \f$ then \f$ b \f$ give
  /// \f[ \frac{\lfloor a / 2^5 \rfloor \cdot 2^{26} + \lfloor b / 2^6 \rfloor}{2^{53}}. \f]
  double random_sample();

  /// A standard normal value, \f$ \mathcal{N}(0, 1) \f$, as `np.random.standard_normal()` (and
  /// each entry of `np.random.randn`): numpy's `legacy_gauss`. When no value is cached it draws
  /// uniform pairs \f$ x_1 = 2u_1 - 1 \f$, \f$ x_2 = 2u_2 - 1 \f$ until
  /// \f$ 0 < r^2 = x_1^2 + x_2^2 < 1 \f$, returns \f$ f x_2 \f$ and caches \f$ f x_1 \f$, with
  /// \f$ f = \sqrt{-2 \ln(r^2) / r^2} \f$; the next call returns the cached value without drawing.
  /// The cache lives between calls (also across `randn`, `rand` and the others) until `seed`.
  double standard_normal();

  /// One integer uniform on \f$ [low, high) \f$, as `np.random.randint(low, high)` with numpy's
  /// default `int64` dtype. numpy's legacy algorithm: with \f$ r = high - 1 - low \f$, nothing is
  /// drawn when \f$ r = 0 \f$; for \f$ r < 2^{32} \f$ 32-bit draws are masked with the smallest
  /// \f$ 2^k - 1 \ge r \f$ and rejected while above \f$ r \f$; larger ranges do the same with
  /// 64-bit draws, each made of two 32-bit draws (the first one the high half).
  /// Throws `std::invalid_argument` unless `low < high`.
  long randint(long low, long high);

  ///@}

  /// \name Arrays (filled in numpy's C order)
  ///@{

  /// A `(rows, cols)` matrix of `random_sample` draws, as `np.random.rand(rows, cols)`:
  /// draw \f$ k \f$ goes to entry \f$ (\lfloor k / cols \rfloor, k \bmod cols) \f$.
  Matrix rand(std::size_t rows, std::size_t cols);

  /// A `(rows, cols)` matrix of `standard_normal` draws, as `np.random.randn(rows, cols)`:
  /// draw \f$ k \f$ goes to entry \f$ (\lfloor k / cols \rfloor, k \bmod cols) \f$.
  /// `RandomState(1).randn(2, 3)` equals `np.random.seed(1); np.random.randn(2, 3)` exactly.
  Matrix randn(std::size_t rows, std::size_t cols);

  /// `n` integers uniform on \f$ [low, high) \f$, as `np.random.randint(low, high, size=n)`:
  /// the same values, in the same order, as `n` calls of `randint(low, high)`.
  /// Throws `std::invalid_argument` unless `low < high`.
  std::vector<long> randint(long low, long high, std::size_t n);

  /// A dropout mask as the course writes it, `(np.random.rand(rows, cols) < keep_prob)`: a
  /// `(rows, cols)` matrix whose entry is 1.0 where the `rand` draw is below `keep_prob` and 0.0
  /// elsewhere, so each entry is kept with probability \f$ keep\_prob \f$. It draws exactly what
  /// `rand(rows, cols)` draws. Throws `std::invalid_argument` unless
  /// \f$ 0 \le keep\_prob \le 1 \f$.
  Matrix bernoulli_mask(std::size_t rows, std::size_t cols, double keep_prob);

  ///@}

  /// \name Permutations
  ///@{

  /// A random order of \f$ 0, 1, \ldots, n - 1 \f$, as `np.random.permutation(n)` (how the
  /// course shuffles its mini-batches: `X[:, permutation]`): `0, ..., n - 1` shuffled by
  /// `shuffle`.
  std::vector<std::size_t> permutation(std::size_t n);

  /// Shuffles `x` in place, as `np.random.shuffle(x)` on a 1-D array: numpy's legacy
  /// Fisher-Yates, which for \f$ i = n - 1 \f$ down to \f$ 1 \f$ swaps `x[i]` with `x[j]`, \f$ j \f$
  /// uniform on \f$ [0, i] \f$ by masked rejection (numpy's `random_interval`: 32-bit draws when
  /// \f$ i < 2^{32} \f$, else 64-bit draws).
  void shuffle(std::vector<std::size_t>& x);

  /// Shuffles the columns of `X` (its examples) in place, as `np.random.shuffle(X.T)`, which
  /// moves whole columns: the same swaps, from the same draws, as `shuffle` of a vector of
  /// `X.cols()` entries.
  void shuffle_columns(Matrix& X);

  ///@}

 private:
  void generate();                // MT19937's twist of all 624 words (numpy's mt19937_gen)
  std::uint64_t random_uint64();  // numpy's mt19937_next64: high half first
  std::uint64_t random_interval(std::uint64_t max);  // uniform on [0, max], numpy's

  std::array<std::uint32_t, kStateSize> key_{};
  std::size_t pos_ = kStateSize;
  bool has_gauss_ = false;
  double gauss_ = 0.0;
};

}  // namespace dlc
