// The toy data sets, checked against the CSVs numpy wrote from the same seeds (../shared/data).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

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
}  // namespace

TEST_CASE("planar_flower equals numpy's load_planar_dataset() bit for bit", "[toy_datasets]") {
  const auto dir = dlc::testing::shared_data_dir("generated");
  DLC_REQUIRE_DATA(dir, "the numpy-written CSVs (../shared/data/generated or $DLC_SHARED_DATA)");
  const dlc::ToyData expected = read_csv(*dir + "/planar_flower_seed1_m400.csv");
  const dlc::ToyData d = dlc::planar_flower(1, 400);
  REQUIRE(d.X.shape() == expected.X.shape());
  std::size_t differ = 0;
  for (std::size_t i = 0; i < d.X.cols(); ++i) {
    if (d.X(0, i) != expected.X(0, i) || d.X(1, i) != expected.X(1, i) ||
        d.Y(0, i) != expected.Y(0, i))
      ++differ;
  }
  INFO("first point: " << d.X(0, 0) << ", " << d.X(1, 0) << " against " << expected.X(0, 0) << ", "
                       << expected.X(1, 0));
  CHECK(differ == 0);
}

TEST_CASE("linspace is numpy's", "[toy_datasets]") {
  const Matrix l = dlc::linspace(3.12, 6.24, 200);
  CHECK(l(0, 0) == 3.12);
  CHECK(l(0, 199) == 6.24);
  CHECK(l(0, 7) == 7.0 * ((6.24 - 3.12) / 199.0) + 3.12);
  CHECK(dlc::linspace(2.0, 5.0, 1)(0, 0) == 2.0);
  CHECK(dlc::linspace(2.0, 5.0, 0).cols() == 0);
}
