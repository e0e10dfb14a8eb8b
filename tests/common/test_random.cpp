// Tests of dlc::RandomState, numpy's legacy generator.
//
// The main test replays tests/fixtures/numpy_random.txt, written by numpy itself
// (/usr/bin/python3 tools/gen_random_fixture.py), and compares every number with ==. The other
// test cases check properties that can be seen by hand.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/matrix.hpp"
#include "common/random.hpp"

using dlc::Matrix;
using dlc::RandomState;

#ifndef DLC_FIXTURE_DIR
#error "DLC_FIXTURE_DIR (the folder of tests/fixtures) must be defined by the build"
#endif

namespace {

// ---------------------------------------------------------------------------------------------
// Reading the fixture

// One line of the fixture: `op args... : values...` (see the file's header for the format).
struct Record {
  std::string where;  // "numpy_random.txt:123", for messages
  std::string op;
  std::vector<std::string> args;
  std::vector<std::string> values;
};

struct FixtureError : std::runtime_error {
  explicit FixtureError(const std::string& m) : std::runtime_error(m) {}
};

std::vector<std::string> split_words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// Reads every record of `in`; throws FixtureError naming `name` and the line when a line is not
// `op args... : values...` (or `seed S`).
std::vector<Record> read_records(std::istream& in, const std::string& name) {
  std::vector<Record> records;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    Record r;
    r.where = name + ":" + std::to_string(number);
    const auto colon = line.find(':');
    std::vector<std::string> head = split_words(line.substr(0, colon));
    if (head.empty()) throw FixtureError(r.where + ": no operation before ':'");
    r.op = head[0];
    r.args.assign(head.begin() + 1, head.end());
    if (colon == std::string::npos) {
      if (r.op != "seed") throw FixtureError(r.where + ": no ':' before the values of " + r.op);
    } else {
      r.values = split_words(line.substr(colon + 1));
    }
    records.push_back(std::move(r));
  }
  if (records.empty()) throw FixtureError(name + ": no records");
  if (records.front().op != "seed") {
    throw FixtureError(records.front().where + ": the first record must be 'seed S'");
  }
  return records;
}

std::string fixture_path() { return std::string(DLC_FIXTURE_DIR) + "/numpy_random.txt"; }

std::vector<Record> read_fixture() {
  const std::string path = fixture_path();
  std::ifstream in(path);
  if (!in) {
    throw FixtureError("cannot open the fixture " + path +
                       "; write it with `/usr/bin/python3 tools/gen_random_fixture.py`");
  }
  return read_records(in, "numpy_random.txt");
}

// Strict number parsing: the whole word must be the number.
double parse_double(const Record& r, const std::string& s) {
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0' || errno == ERANGE) {
    throw FixtureError(r.where + ": '" + s + "' is not a double");
  }
  return v;
}

long parse_long(const Record& r, const std::string& s) {
  errno = 0;
  char* end = nullptr;
  const long long v = std::strtoll(s.c_str(), &end, 10);
  if (s.empty() || *end != '\0' || errno == ERANGE) {
    throw FixtureError(r.where + ": '" + s + "' is not a 64-bit integer");
  }
  return static_cast<long>(v);
}

std::size_t parse_size(const Record& r, const std::string& s) {
  errno = 0;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(s.c_str(), &end, 10);
  if (s.empty() || s[0] == '-' || *end != '\0' || errno == ERANGE) {
    throw FixtureError(r.where + ": '" + s + "' is not a count");
  }
  return static_cast<std::size_t>(v);
}

void expect_counts(const Record& r, std::size_t n_args, std::size_t n_values) {
  if (r.args.size() != n_args || r.values.size() != n_values) {
    throw FixtureError(r.where + ": '" + r.op + "' with " + std::to_string(r.args.size()) +
                       " arguments and " + std::to_string(r.values.size()) + " values; expected " +
                       std::to_string(n_args) + " arguments and " + std::to_string(n_values) +
                       " values");
  }
}

// ---------------------------------------------------------------------------------------------
// Replaying a record: each returns "" when every value equals numpy's, else what differs.

std::string show(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}
std::string show(long v) { return std::to_string(v); }
std::string show(std::size_t v) { return std::to_string(v); }
std::string show(std::uint32_t v) { return std::to_string(v); }

template <typename T>
std::string compare_values(const Record& r, const std::vector<T>& expected,
                           const std::vector<T>& actual) {
  std::size_t wrong = 0;
  std::string first;
  for (std::size_t k = 0; k < expected.size(); ++k) {
    if (!(actual[k] == expected[k])) {
      if (wrong++ == 0) {
        first = "value " + std::to_string(k) + " (C order): numpy " + show(expected[k]) +
                ", RandomState " + show(actual[k]);
      }
    }
  }
  if (wrong == 0) return "";
  std::string call = r.op;
  for (const auto& a : r.args) call += " " + a;
  return r.where + ": " + call + ": " + std::to_string(wrong) + " of " +
         std::to_string(expected.size()) + " values differ; first: " + first;
}

// A matrix's entries in numpy's C order: row after row.
std::vector<double> c_order(const Matrix& m) {
  std::vector<double> v;
  for (std::size_t i = 0; i < m.rows(); ++i)
    for (std::size_t j = 0; j < m.cols(); ++j) v.push_back(m(i, j));
  return v;
}

std::vector<double> doubles(const Record& r) {
  std::vector<double> v;
  for (const auto& s : r.values) v.push_back(parse_double(r, s));
  return v;
}

std::string replay(const Record& r, RandomState& rng) {
  const std::string& op = r.op;
  if (op == "randn" || op == "rand" || op == "bernoulli") {
    if (r.args.size() < 2) throw FixtureError(r.where + ": " + op + " needs R C");
    const std::size_t rows = parse_size(r, r.args[0]);
    const std::size_t cols = parse_size(r, r.args[1]);
    expect_counts(r, op == "bernoulli" ? 3 : 2, rows * cols);
    Matrix m = op == "randn"  ? rng.randn(rows, cols)
               : op == "rand" ? rng.rand(rows, cols)
                              : rng.bernoulli_mask(rows, cols, parse_double(r, r.args[2]));
    if (m.rows() != rows || m.cols() != cols) return r.where + ": wrong shape";
    return compare_values(r, doubles(r), c_order(m));
  }
  if (op == "standard_normal" || op == "random_sample") {
    expect_counts(r, 0, 1);
    const double v = op == "standard_normal" ? rng.standard_normal() : rng.random_sample();
    return compare_values(r, doubles(r), std::vector<double>{v});
  }
  if (op == "uint32") {
    if (r.args.size() != 1) throw FixtureError(r.where + ": uint32 needs N");
    const std::size_t n = parse_size(r, r.args[0]);
    expect_counts(r, 1, n);
    std::vector<std::uint32_t> expected, actual;
    for (const auto& s : r.values) {
      const std::size_t v = parse_size(r, s);
      if (v > 0xffffffffULL) throw FixtureError(r.where + ": '" + s + "' is not 32-bit");
      expected.push_back(static_cast<std::uint32_t>(v));
      actual.push_back(rng.random_uint32());
    }
    return compare_values(r, expected, actual);
  }
  if (op == "randint") {
    if (r.args.size() != 2 && r.args.size() != 3) {
      throw FixtureError(r.where + ": randint needs LOW HIGH [N]");
    }
    const long low = parse_long(r, r.args[0]);
    const long high = parse_long(r, r.args[1]);
    std::vector<long> expected;
    for (const auto& s : r.values) expected.push_back(parse_long(r, s));
    if (r.args.size() == 2) {
      expect_counts(r, 2, 1);
      return compare_values(r, expected, std::vector<long>{rng.randint(low, high)});
    }
    expect_counts(r, 3, parse_size(r, r.args[2]));
    return compare_values(r, expected, rng.randint(low, high, expected.size()));
  }
  if (op == "permutation") {
    if (r.args.size() != 1) throw FixtureError(r.where + ": permutation needs N");
    expect_counts(r, 1, parse_size(r, r.args[0]));
    std::vector<std::size_t> expected;
    for (const auto& s : r.values) expected.push_back(parse_size(r, s));
    return compare_values(r, expected, rng.permutation(expected.size()));
  }
  if (op == "shuffle_columns") {
    if (r.args.size() != 2) throw FixtureError(r.where + ": shuffle_columns needs R C");
    const std::size_t rows = parse_size(r, r.args[0]);
    const std::size_t cols = parse_size(r, r.args[1]);
    expect_counts(r, 2, rows * cols);
    Matrix X(rows, cols);  // np.arange(R * C).reshape(R, C)
    for (std::size_t i = 0; i < rows; ++i)
      for (std::size_t j = 0; j < cols; ++j) X(i, j) = static_cast<double>(i * cols + j);
    rng.shuffle_columns(X);
    std::vector<double> expected;
    for (const auto& s : r.values) expected.push_back(static_cast<double>(parse_long(r, s)));
    return compare_values(r, expected, c_order(X));
  }
  throw FixtureError(r.where + ": unknown operation '" + op + "'");
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// numpy's own numbers

TEST_CASE("RandomState gives numpy's legacy numbers, record by record of numpy_random.txt",
          "[random]") {
  std::vector<Record> records;
  try {
    records = read_fixture();
  } catch (const FixtureError& e) {
    FAIL(e.what());
  }

  std::optional<RandomState> rng;
  std::set<std::uint32_t> seeds;
  std::map<std::string, int> replayed;  // operation -> records checked
  for (const Record& r : records) {
    if (r.op == "seed") {
      if (r.args.size() != 1 || !r.values.empty()) {
        FAIL(r.where + ": expected 'seed S'");
      }
      std::uint32_t s = 0;
      try {
        const std::size_t v = parse_size(r, r.args[0]);
        if (v > 0xffffffffULL) throw FixtureError(r.where + ": seed above 2**32 - 1");
        s = static_cast<std::uint32_t>(v);
      } catch (const FixtureError& e) {
        FAIL(e.what());
      }
      // One generator reseeded, as np.random.seed does, so that a normal value cached by the
      // previous block must be forgotten by seed().
      if (rng) {
        rng->seed(s);
      } else {
        rng.emplace(s);
      }
      seeds.insert(s);
      continue;
    }
    std::string mismatch;
    try {
      mismatch = replay(r, *rng);
    } catch (const FixtureError& e) {
      FAIL(e.what());
    }
    if (!mismatch.empty()) FAIL_CHECK(mismatch);
    ++replayed[r.op];
  }

  // A truncated fixture must not pass quietly: every seed and every operation was there.
  CHECK(seeds == std::set<std::uint32_t>{0U, 1U, 2U, 3U, 42U, 4294967295U});
  for (const char* op : {"randn", "rand", "standard_normal", "random_sample", "uint32", "randint",
                         "permutation", "bernoulli", "shuffle_columns"}) {
    INFO("operation " << op);
    CHECK(replayed[op] >= 6);
  }
}

TEST_CASE("the fixture reader says what is wrong with a malformed fixture", "[random]") {
  auto read = [](const std::string& text) {
    std::istringstream in(text);
    return read_records(in, "f.txt");
  };
  CHECK_THROWS_WITH(read("# only comments\n"), "f.txt: no records");
  CHECK_THROWS_WITH(read("randn 1 1 : 0.5\n"), "f.txt:1: the first record must be 'seed S'");
  CHECK_THROWS_WITH(read("seed 1\nrandn 1 1 0.5\n"), "f.txt:2: no ':' before the values of randn");

  RandomState rng(1);
  auto replay_text = [&](const std::string& text) {
    std::vector<Record> records = read("seed 1\n" + text);
    return replay(records.at(1), rng);
  };
  CHECK_THROWS_WITH(replay_text("randn 1 2 : 0.5\n"),
                    "f.txt:2: 'randn' with 2 arguments and 1 values; expected 2 arguments and 2 "
                    "values");
  CHECK_THROWS_WITH(replay_text("rand 1 1 : 0.5x\n"), "f.txt:2: '0.5x' is not a double");
  CHECK_THROWS_WITH(replay_text("permutation -1 : \n"), "f.txt:2: '-1' is not a count");
  CHECK_THROWS_WITH(replay_text("gamma 1 : 0.5\n"), "f.txt:2: unknown operation 'gamma'");
}

TEST_CASE("RandomState(1).randn(2, 3) is the course's np.random.seed(1); np.random.randn(2, 3)",
          "[random]") {
  RandomState rng(1);
  const Matrix W = rng.randn(2, 3);
  // printed by numpy 1.24 (and by the course notebooks' seeded initializations)
  const Matrix expected{{1.6243453636632417, -0.6117564136500754, -0.5281717522634557},
                        {-1.0729686221561705, 0.8654076293246785, -2.3015386968802827}};
  REQUIRE(W.shape() == expected.shape());
  for (std::size_t i = 0; i < 2; ++i)
    for (std::size_t j = 0; j < 3; ++j) {
      INFO("entry (" << i << ", " << j << ")");
      CHECK(W(i, j) == expected(i, j));
    }

  // C order: draw k goes to (k / cols, k % cols)
  RandomState again(1);
  for (std::size_t k = 0; k < 6; ++k) CHECK(W(k / 3, k % 3) == again.standard_normal());
}

// ---------------------------------------------------------------------------------------------
// Properties that can be checked by hand

TEST_CASE("the raw draws are MT19937's, seeded by init_genrand as std::mt19937 is", "[random]") {
  for (std::uint32_t seed : {0U, 1U, 42U, 5489U, 4294967295U}) {
    INFO("seed " << seed);
    RandomState rng(seed);
    std::mt19937 reference(seed);  // the C++ standard's MT19937: the same init_genrand
    bool same = true;
    for (int k = 0; k < 2000 && same; ++k) same = rng.random_uint32() == reference();
    CHECK(same);
  }
  // The C++ standard fixes the 10000th output of MT19937 seeded with 5489: 4123659995.
  RandomState rng(5489);
  for (int k = 1; k < 10000; ++k) rng.random_uint32();
  CHECK(rng.random_uint32() == 4123659995U);
}

TEST_CASE("random_sample is (a >> 5) 2^26 + (b >> 6) over 2^53, in [0, 1)", "[random]") {
  RandomState rng(7), raw(7);
  for (int k = 0; k < 1000; ++k) {
    const double a = raw.random_uint32() >> 5;
    const double b = raw.random_uint32() >> 6;
    const double u = rng.random_sample();
    CHECK(u == (a * 67108864.0 + b) / 9007199254740992.0);
    CHECK(u >= 0.0);
    CHECK(u < 1.0);
  }
}

TEST_CASE("the same seed gives the same sequence; a copy draws what the original draws",
          "[random]") {
  RandomState a(42), b(42), c(43);
  CHECK(c_order(a.randn(4, 5)) == c_order(b.randn(4, 5)));
  CHECK(a.permutation(50) == b.permutation(50));
  CHECK(c_order(a.rand(3, 3)) == c_order(b.rand(3, 3)));
  CHECK(c_order(RandomState(42).randn(4, 5)) != c_order(c.randn(4, 5)));

  RandomState d(42);
  d.standard_normal();  // a value is now cached
  RandomState copy = d;
  CHECK(copy.standard_normal() == d.standard_normal());
  CHECK(c_order(copy.randn(3, 3)) == c_order(d.randn(3, 3)));
}

TEST_CASE("the second normal value of a pair is cached until used or reseeded", "[random]") {
  RandomState fresh(5);
  const double first = fresh.standard_normal();
  const double second = fresh.standard_normal();  // from the cache: no draw

  // the cache survives uniform draws in between
  RandomState rng(5);
  CHECK(rng.standard_normal() == first);
  rng.rand(2, 2);
  CHECK(rng.standard_normal() == second);

  // using the cache draws nothing: the next raw draw is the same with or without it
  RandomState x(5), y(5);
  x.standard_normal();
  y.standard_normal();
  x.standard_normal();  // cached value
  CHECK(x.random_uint32() == y.random_uint32());

  // seed() forgets the cached value: after reseeding the first normal is `first` again
  RandomState z(5);
  z.standard_normal();  // `second` is cached now
  z.seed(5);
  CHECK(z.standard_normal() == first);
  z.seed(5);
  CHECK(z.standard_normal() == first);
  CHECK(z.standard_normal() == second);
}

TEST_CASE("permutation(n) is a permutation of 0 .. n-1", "[random]") {
  RandomState rng(0);
  for (std::size_t n : {0, 1, 2, 3, 10, 1000}) {
    INFO("n = " << n);
    std::vector<std::size_t> p = rng.permutation(n);
    REQUIRE(p.size() == n);
    std::sort(p.begin(), p.end());
    for (std::size_t i = 0; i < n; ++i) CHECK(p[i] == i);
  }
  // permutation(1) and permutation(0) draw nothing
  RandomState a(3), b(3);
  a.permutation(1);
  a.permutation(0);
  CHECK(a.random_uint32() == b.random_uint32());
  // shuffle of 0 .. n-1 is permutation(n)
  RandomState c(9), d(9);
  std::vector<std::size_t> v{0, 1, 2, 3, 4, 5, 6, 7};
  c.shuffle(v);
  CHECK(v == d.permutation(8));
}

TEST_CASE("shuffle_columns moves whole columns, in permutation's order", "[random]") {
  Matrix X(3, 6);
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 6; ++j) X(i, j) = 10.0 * i + j;
  Matrix Y = X;
  RandomState a(11), b(11);
  a.shuffle_columns(Y);
  const std::vector<std::size_t> p = b.permutation(6);
  for (std::size_t j = 0; j < 6; ++j)
    for (std::size_t i = 0; i < 3; ++i) CHECK(Y(i, j) == X(i, p[j]));
}

TEST_CASE("randint stays in [low, high)", "[random]") {
  RandomState rng(2);
  const long big = std::numeric_limits<long>::max();
  const long small = std::numeric_limits<long>::min();
  struct Range {
    long low, high;
  };
  for (Range r : {Range{0, 2}, Range{-3, 4}, Range{0, 1000}, Range{-(1L << 40), 1L << 40},
                  Range{0, (1L << 32) + 1}, Range{small, big}, Range{big - 3, big}}) {
    INFO("[" << r.low << ", " << r.high << ")");
    for (long v : rng.randint(r.low, r.high, 500)) {
      CHECK(v >= r.low);
      CHECK(v < r.high);
    }
  }
  // [0, 2) gives both values; a range of one value gives it without drawing
  const std::vector<long> bits = rng.randint(0, 2, 100);
  CHECK(std::count(bits.begin(), bits.end(), 0L) > 0);
  CHECK(std::count(bits.begin(), bits.end(), 1L) > 0);
  RandomState a(4), b(4);
  CHECK(a.randint(7, 8) == 7);
  CHECK(a.randint(7, 8, 3) == std::vector<long>{7, 7, 7});
  CHECK(a.random_uint32() == b.random_uint32());
  // n values are n single draws
  RandomState c(4), d(4);
  const std::vector<long> many = c.randint(-50, 50, 10);
  for (long v : many) CHECK(v == d.randint(-50, 50));
}

TEST_CASE("bernoulli_mask is (rand(r, c) < keep_prob) as 1.0 and 0.0", "[random]") {
  RandomState a(1), b(1);
  const Matrix mask = a.bernoulli_mask(5, 7, 0.8);
  const Matrix u = b.rand(5, 7);
  REQUIRE(mask.shape() == u.shape());
  for (std::size_t i = 0; i < 5; ++i)
    for (std::size_t j = 0; j < 7; ++j) CHECK(mask(i, j) == (u(i, j) < 0.8 ? 1.0 : 0.0));

  RandomState c(1);
  const Matrix none = c.bernoulli_mask(3, 4, 0.0);
  const Matrix all = c.bernoulli_mask(3, 4, 1.0);
  for (std::size_t k = 0; k < 12; ++k) {
    CHECK(none.data()[k] == 0.0);
    CHECK(all.data()[k] == 1.0);
  }
}

TEST_CASE("bad arguments throw std::invalid_argument saying what was wrong", "[random]") {
  using Catch::Matchers::Contains;
  RandomState rng(0);
  CHECK_THROWS_AS(rng.randint(3, 3), std::invalid_argument);
  CHECK_THROWS_AS(rng.randint(4, 3), std::invalid_argument);
  CHECK_THROWS_AS(rng.randint(0, 0, 5), std::invalid_argument);
  CHECK_THROWS_WITH(rng.randint(4, 3), Contains("low (4) must be less than high (3)"));
  CHECK_THROWS_AS(rng.bernoulli_mask(2, 2, -0.1), std::invalid_argument);
  CHECK_THROWS_AS(rng.bernoulli_mask(2, 2, 1.5), std::invalid_argument);
  CHECK_THROWS_AS(rng.bernoulli_mask(2, 2, std::nan("")), std::invalid_argument);
  CHECK_THROWS_WITH(rng.bernoulli_mask(2, 2, 1.5), Contains("keep_prob"));
  // a rejected call draws nothing
  RandomState fresh(0);
  CHECK(rng.random_uint32() == fresh.random_uint32());
}
