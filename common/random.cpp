#include "common/random.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace dlc {

namespace {

// MT19937's constants (Matsumoto and Nishimura, 1998), as in numpy's mt19937.h.
constexpr std::size_t kN = 624;
constexpr std::size_t kM = 397;
constexpr std::uint32_t kMatrixA = 0x9908b0dfU;
constexpr std::uint32_t kUpperMask = 0x80000000U;
constexpr std::uint32_t kLowerMask = 0x7fffffffU;

// The smallest 2^k - 1 that is >= max: the mask of numpy's masked rejection sampling.
std::uint64_t mask_for(std::uint64_t max) {
  std::uint64_t mask = max;
  mask |= mask >> 1;
  mask |= mask >> 2;
  mask |= mask >> 4;
  mask |= mask >> 8;
  mask |= mask >> 16;
  mask |= mask >> 32;
  return mask;
}

void check_range(const char* what, long low, long high) {
  if (!(low < high)) {
    throw std::invalid_argument(std::string(what) + ": low (" + std::to_string(low) +
                                ") must be less than high (" + std::to_string(high) +
                                "); the values are drawn from [low, high)");
  }
}

}  // namespace

RandomState::RandomState(std::uint32_t seed) { this->seed(seed); }

void RandomState::seed(std::uint32_t seed) {
  // numpy's mt19937_seed, which is MT19937's init_genrand:
  // key[0] = seed, key[i] = 1812433253 (key[i-1] xor (key[i-1] >> 30)) + i  (mod 2^32)
  key_[0] = seed;
  for (std::size_t i = 1; i < kN; ++i) {
    const std::uint32_t prev = key_[i - 1];
    key_[i] = 1812433253U * (prev ^ (prev >> 30)) + static_cast<std::uint32_t>(i);
  }
  pos_ = kN;  // the first draw twists the whole state
  // RandomState._reset_state_variables: no cached normal value.
  has_gauss_ = false;
  gauss_ = 0.0;
}

RandomState::State RandomState::get_state() const { return State{key_, pos_, has_gauss_, gauss_}; }

void RandomState::set_state(const State& state) {
  if (state.pos > kN) {
    throw std::invalid_argument("RandomState::set_state: pos is " + std::to_string(state.pos) +
                                " but must be at most " + std::to_string(kN));
  }
  key_ = state.key;
  pos_ = state.pos;
  has_gauss_ = state.has_gauss;
  gauss_ = state.cached_gaussian;
}

void RandomState::generate() {
  // numpy's mt19937_gen: the twist of all 624 words.
  auto twist = [](std::uint32_t upper, std::uint32_t lower, std::uint32_t far) {
    const std::uint32_t y = (upper & kUpperMask) | (lower & kLowerMask);
    return far ^ (y >> 1) ^ (-(y & 1U) & kMatrixA);
  };
  std::size_t i = 0;
  for (; i < kN - kM; ++i) key_[i] = twist(key_[i], key_[i + 1], key_[i + kM]);
  for (; i < kN - 1; ++i) key_[i] = twist(key_[i], key_[i + 1], key_[i + kM - kN]);
  key_[kN - 1] = twist(key_[kN - 1], key_[0], key_[kM - 1]);
  pos_ = 0;
}

std::uint32_t RandomState::random_uint32() {
  if (pos_ == kN) generate();
  std::uint32_t y = key_[pos_++];
  // tempering
  y ^= (y >> 11);
  y ^= (y << 7) & 0x9d2c5680U;
  y ^= (y << 15) & 0xefc60000U;
  y ^= (y >> 18);
  return y;
}

std::uint64_t RandomState::random_uint64() {
  // numpy's mt19937_next64: (uint64_t)next << 32 | next, the first draw being the high half.
  const std::uint64_t high = random_uint32();
  const std::uint64_t low = random_uint32();
  return (high << 32) | low;
}

double RandomState::random_sample() {
  const std::uint32_t a = random_uint32() >> 5;      // 27 bits
  const std::uint32_t b = random_uint32() >> 6;      // 26 bits
  return (a * 67108864.0 + b) / 9007199254740992.0;  // (a 2^26 + b) / 2^53
}

double RandomState::standard_normal() {
  if (has_gauss_) {
    has_gauss_ = false;
    const double cached = gauss_;
    gauss_ = 0.0;
    return cached;
  }
  double x1, x2, r2;
  do {
    x1 = 2.0 * random_sample() - 1.0;
    x2 = 2.0 * random_sample() - 1.0;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1.0 || r2 == 0.0);
  const double f = std::sqrt(-2.0 * std::log(r2) / r2);  // polar Box-Muller
  gauss_ = f * x1;                                       // kept for the next call
  has_gauss_ = true;
  return f * x2;
}

std::uint64_t RandomState::random_interval(std::uint64_t max) {
  // numpy's random_interval: uniform on [0, max] by masked rejection.
  if (max == 0) return 0;
  const std::uint64_t mask = mask_for(max);
  std::uint64_t value;
  if (max <= 0xffffffffULL) {
    while ((value = (random_uint32() & mask)) > max) {
    }
  } else {
    while ((value = (random_uint64() & mask)) > max) {
    }
  }
  return value;
}

long RandomState::randint(long low, long high) {
  check_range("randint", low, high);
  // numpy's _rand_int64 then random_bounded_uint64_fill(off = low, rng = high - 1 - low,
  // use_masked = true); the arithmetic is modulo 2^64 as numpy's casts to uint64_t are.
  const std::uint64_t off = static_cast<std::uint64_t>(low);
  const std::uint64_t rng = static_cast<std::uint64_t>(high) - 1U - off;
  std::uint64_t value;
  if (rng == 0) {
    value = 0;  // nothing is drawn
  } else if (rng <= 0xffffffffULL) {
    // 32-bit draws, masked (rng == 2^32 - 1 takes every draw: numpy's unmasked branch there
    // gives the same values)
    const std::uint64_t mask = mask_for(rng);
    while ((value = (random_uint32() & mask)) > rng) {
    }
  } else {
    // 64-bit draws, masked (rng can't be 2^64 - 1 for a range of longs)
    const std::uint64_t mask = mask_for(rng);
    while ((value = (random_uint64() & mask)) > rng) {
    }
  }
  return static_cast<long>(off + value);
}

std::vector<long> RandomState::randint(long low, long high, std::size_t n) {
  check_range("randint", low, high);
  std::vector<long> out(n);
  for (long& v : out) v = randint(low, high);
  return out;
}

Matrix RandomState::rand(std::size_t rows, std::size_t cols) {
  Matrix out(rows, cols);
  for (std::size_t i = 0; i < rows; ++i)  // C order: along each row, row after row
    for (std::size_t j = 0; j < cols; ++j) out(i, j) = random_sample();
  return out;
}

Matrix RandomState::randn(std::size_t rows, std::size_t cols) {
  Matrix out(rows, cols);
  for (std::size_t i = 0; i < rows; ++i)  // C order: along each row, row after row
    for (std::size_t j = 0; j < cols; ++j) out(i, j) = standard_normal();
  return out;
}

Matrix RandomState::bernoulli_mask(std::size_t rows, std::size_t cols, double keep_prob) {
  if (!(keep_prob >= 0.0 && keep_prob <= 1.0)) {  // also rejects NaN
    throw std::invalid_argument("bernoulli_mask: keep_prob is " + std::to_string(keep_prob) +
                                " but must be a probability in [0, 1]");
  }
  Matrix mask = rand(rows, cols);
  for (std::size_t j = 0; j < cols; ++j)
    for (std::size_t i = 0; i < rows; ++i) mask(i, j) = mask(i, j) < keep_prob ? 1.0 : 0.0;
  return mask;
}

std::vector<std::size_t> RandomState::permutation(std::size_t n) {
  std::vector<std::size_t> out(n);
  for (std::size_t i = 0; i < n; ++i) out[i] = i;  // np.arange(n)
  shuffle(out);
  return out;
}

void RandomState::shuffle(std::vector<std::size_t>& x) {
  // numpy's legacy _shuffle_raw: for i = n-1 down to 1, swap x[i] and x[random_interval(i)].
  for (std::size_t i = x.size(); i-- > 1;) {
    const std::size_t j = static_cast<std::size_t>(random_interval(i));
    std::swap(x[i], x[j]);
  }
}

void RandomState::shuffle_columns(Matrix& X) {
  const std::size_t rows = X.rows();
  if (rows == 0) {
    // numpy shuffles nothing (and draws nothing) when the array is empty
    return;
  }
  for (std::size_t i = X.cols(); i-- > 1;) {
    const std::size_t j = static_cast<std::size_t>(random_interval(i));
    if (i == j) continue;
    for (std::size_t r = 0; r < rows; ++r) std::swap(X(r, i), X(r, j));
  }
}

}  // namespace dlc
