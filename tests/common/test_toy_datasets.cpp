// The toy data sets, checked against the CSVs numpy wrote from the same seeds (../shared/data).
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "common/random.hpp"
#include "common/toy_datasets.hpp"
#include "tests/support/data_path.hpp"

using dlc::Matrix;

namespace {
// Reads an `x1,x2,y` CSV into a ToyData; fails the test on a malformed line.
dlc::ToyData read_csv(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in.good());
  std::string line;
  std::getline(in, line);
  REQUIRE(line == "x1,x2,y");
  std::vector<double> x1, x2, y;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string a, b, c;
    REQUIRE(std::getline(fields, a, ','));
    REQUIRE(std::getline(fields, b, ','));
    REQUIRE(std::getline(fields, c));
    x1.push_back(std::strtod(a.c_str(), nullptr));
    x2.push_back(std::strtod(b.c_str(), nullptr));
    y.push_back(std::strtod(c.c_str(), nullptr));
  }
  dlc::ToyData d{Matrix(2, x1.size()), Matrix(1, x1.size())};
  for (std::size_t i = 0; i < x1.size(); ++i) {
    d.X(0, i) = x1[i];
    d.X(1, i) = x2[i];
    d.Y(0, i) = y[i];
  }
  return d;
}

/// How many points of `d` differ from those of `expected`, of the same shape, in x1, x2 or y
/// (compared with ==: the generators must give numpy's doubles exactly).
std::size_t points_differing(const dlc::ToyData& d, const dlc::ToyData& expected) {
  std::size_t differ = 0;
  for (std::size_t i = 0; i < d.X.cols(); ++i) {
    if (d.X(0, i) != expected.X(0, i) || d.X(1, i) != expected.X(1, i) ||
        d.Y(0, i) != expected.Y(0, i))
      ++differ;
  }
  return differ;
}
}  // namespace

TEST_CASE("planar_flower equals numpy's load_planar_dataset() bit for bit", "[toy_datasets]") {
  const auto dir = dlc::testing::shared_data_dir("generated");
  DLC_REQUIRE_DATA(dir, "the numpy-written CSVs (../shared/data/generated or $DLC_SHARED_DATA)");
  const dlc::ToyData expected = read_csv(*dir + "/planar_flower_seed1_m400.csv");
  const dlc::ToyData d = dlc::planar_flower(1, 400);
  REQUIRE(d.X.shape() == expected.X.shape());
  INFO("first point: " << d.X(0, 0) << ", " << d.X(1, 0) << " against " << expected.X(0, 0) << ", "
                       << expected.X(1, 0));
  CHECK(points_differing(d, expected) == 0);
}

TEST_CASE("make_circles equals scikit-learn's, drawn from numpy's seeds, bit for bit",
          "[toy_datasets]") {
  const auto dir = dlc::testing::shared_data_dir("generated");
  DLC_REQUIRE_DATA(dir, "the numpy-written CSVs (../shared/data/generated or $DLC_SHARED_DATA)");
  struct Case {
    const char* file;
    std::uint32_t seed;
    std::size_t n;
  };
  for (const Case c : {Case{"circles_train_seed1_n300_noise0.05.csv", 1, 300},
                       Case{"circles_test_seed2_n100_noise0.05.csv", 2, 100}}) {
    const dlc::ToyData expected = read_csv(*dir + "/" + c.file);
    dlc::RandomState rng(c.seed);
    const dlc::ToyData d = dlc::make_circles(rng, c.n, 0.05);
    REQUIRE(d.X.shape() == expected.X.shape());
    INFO(c.file << ": first point " << d.X(0, 0) << ", " << d.X(1, 0) << " against "
                << expected.X(0, 0) << ", " << expected.X(1, 0));
    CHECK(points_differing(d, expected) == 0);
  }
}

TEST_CASE("make_moons equals scikit-learn's, drawn from numpy's seed 3, bit for bit",
          "[toy_datasets]") {
  const auto dir = dlc::testing::shared_data_dir("generated");
  DLC_REQUIRE_DATA(dir, "the numpy-written CSVs (../shared/data/generated or $DLC_SHARED_DATA)");
  const dlc::ToyData expected = read_csv(*dir + "/moons_seed3_n300_noise0.2.csv");
  dlc::RandomState rng(3);
  const dlc::ToyData d = dlc::make_moons(rng, 300, 0.2);
  REQUIRE(d.X.shape() == expected.X.shape());
  INFO("first point " << d.X(0, 0) << ", " << d.X(1, 0) << " against " << expected.X(0, 0) << ", "
                      << expected.X(1, 0));
  CHECK(points_differing(d, expected) == 0);
}

TEST_CASE("make_moons: two half circles, the upper one labelled 0, shuffled", "[toy_datasets]") {
  dlc::RandomState rng(0);
  const dlc::ToyData d = dlc::make_moons(rng, 41, 0.0);
  std::size_t lower = 0;
  for (std::size_t i = 0; i < d.X.cols(); ++i) {
    const bool upper = d.Y(0, i) == 0.0;
    // upper: on the unit circle around (0, 0), y >= 0; lower: around (1, 0.5), y <= 0.5
    const double r =
        upper ? std::hypot(d.X(0, i), d.X(1, i)) : std::hypot(d.X(0, i) - 1.0, d.X(1, i) - 0.5);
    CHECK(std::fabs(r - 1.0) < 1e-12);
    CHECK((upper ? d.X(1, i) >= -1e-12 : d.X(1, i) <= 0.5 + 1e-12));
    lower += !upper;
  }
  CHECK(lower == 21);  // n_in = n - n / 2
  bool shuffled = false;
  for (std::size_t i = 1; i < d.Y.cols(); ++i) shuffled |= d.Y(0, i - 1) == 1.0 && d.Y(0, i) == 0.0;
  CHECK(shuffled);
  dlc::RandomState again(0);
  CHECK_THROWS_AS(dlc::make_moons(again, 1, 0.2), std::invalid_argument);
  CHECK_THROWS_AS(dlc::make_moons(again, 10, -0.1), std::invalid_argument);
}

TEST_CASE("make_circles: two circles of radius 1 and factor, half each, shuffled",
          "[toy_datasets]") {
  dlc::RandomState rng(0);
  const dlc::ToyData d = dlc::make_circles(rng, 41, 0.0, 0.5);
  std::size_t inner = 0;
  for (std::size_t i = 0; i < d.X.cols(); ++i) {
    const double r = std::hypot(d.X(0, i), d.X(1, i));
    CHECK(std::fabs(r - (d.Y(0, i) == 1.0 ? 0.5 : 1.0)) < 1e-12);
    inner += d.Y(0, i) == 1.0;
  }
  CHECK(inner == 21);     // n_in = n - n / 2
  bool shuffled = false;  // an inner point (1) before an outer one (0): not outer first
  for (std::size_t i = 1; i < d.Y.cols(); ++i) shuffled |= d.Y(0, i - 1) == 1.0 && d.Y(0, i) == 0.0;
  CHECK(shuffled);
  dlc::RandomState again(0);
  CHECK_THROWS_AS(dlc::make_circles(again, 1, 0.05), std::invalid_argument);
  CHECK_THROWS_AS(dlc::make_circles(again, 10, -0.1), std::invalid_argument);
  CHECK_THROWS_AS(dlc::make_circles(again, 10, 0.05, 1.0), std::invalid_argument);
}

TEST_CASE("linspace is numpy's", "[toy_datasets]") {
  const Matrix l = dlc::linspace(3.12, 6.24, 200);
  CHECK(l(0, 0) == 3.12);
  CHECK(l(0, 199) == 6.24);
  CHECK(l(0, 7) == 7.0 * ((6.24 - 3.12) / 199.0) + 3.12);
  CHECK(dlc::linspace(2.0, 5.0, 1)(0, 0) == 2.0);
  CHECK(dlc::linspace(2.0, 5.0, 0).cols() == 0);
}
