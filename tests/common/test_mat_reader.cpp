// The MATLAB reader (common/mat_reader.hpp): small files written by hand (tests/support/
// mat_writer.hpp) in a fresh temporary folder, valid, truncated, corrupted, without the variable
// asked for or of the wrong kind; and the regularization notebook's data.mat against the CSVs
// written from it (../shared/data/reg2d).
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/datasets.hpp"
#include "common/files.hpp"
#include "common/mat_reader.hpp"
#include "tests/support/data_path.hpp"
#include "tests/support/mat_writer.hpp"

using Catch::Matchers::Contains;
using dlc::DataError;
using dlc::Matrix;
using dlc::read_mat_matrix;
using dlc::testing::MatVariable;

namespace {

// A (3, 2) matrix whose entries all differ, so that a transposed or row-major read shows.
Matrix three_by_two() { return Matrix{{1.5, -2.0}, {3.25, 4.0}, {-5.0, 6.125}}; }

// The CSV's rows as a (rows, 3) matrix: x1, x2, y.
Matrix read_csv(const std::string& path) {
  std::ifstream f(path);
  std::string line;
  std::getline(f, line);  // x1,x2,y
  std::vector<double> values;
  std::size_t rows = 0;
  while (std::getline(f, line)) {
    std::stringstream row(line);
    for (std::string cell; std::getline(row, cell, ',');)
      values.push_back(std::strtod(cell.c_str(), nullptr));
    ++rows;
  }
  return Matrix::from_row_major(rows, 3, values);
}

}  // namespace

TEST_CASE("read_mat_matrix: a level-5 file written by hand, entry for entry", "[mat]") {
  dlc::TempDir dir("dlc-mat");
  const std::string path = dir.file("two.mat");
  const Matrix a = three_by_two();
  const Matrix b{{7.0, 8.0, 9.0, 10.0}};
  dlc::testing::write_bytes(path, dlc::testing::mat5_bytes({{"A", a}, {"row", b}}));
  const Matrix got = read_mat_matrix(path, "A");
  REQUIRE(got.shape() == a.shape());
  for (std::size_t i = 0; i < 3; ++i)
    for (std::size_t j = 0; j < 2; ++j) CHECK(got(i, j) == a(i, j));
  CHECK(read_mat_matrix(path, "row", 1, 4)(0, 3) == 10.0);
  CHECK(read_mat_matrix(path, "A", dlc::kAnySize, 2).shape() == a.shape());
}

TEST_CASE("read_mat_matrix: what is wrong is named with the file", "[mat]") {
  dlc::TempDir dir("dlc-mat");
  const std::string path = dir.file("data.mat");
  const auto write = [&path](const std::vector<MatVariable>& vars) {
    dlc::testing::write_bytes(path, dlc::testing::mat5_bytes(vars));
  };

  SECTION("no file") {
    CHECK_THROWS_WITH(read_mat_matrix(dir.file("none.mat"), "X"),
                      Contains("none.mat: no such file"));
  }
  SECTION("a folder") {
    CHECK_THROWS_WITH(read_mat_matrix(dir.path().string(), "X"), Contains("not a regular file"));
  }
  SECTION("not a MATLAB file") {
    dlc::testing::write_bytes(path, std::vector<char>(300, 'x'));
    CHECK_THROWS_WITH(read_mat_matrix(path, "X"), Contains(path) && Contains("not a MATLAB file"));
  }
  SECTION("an empty file") {
    dlc::testing::write_bytes(path, {});
    CHECK_THROWS_WITH(read_mat_matrix(path, "X"), Contains(path) && Contains("not a MATLAB file"));
  }
  SECTION("a file without the variable, naming those it holds") {
    write({{"Xval", three_by_two()}, {"yval", Matrix{{1.0}, {0.0}, {1.0}}}});
    CHECK_THROWS_WITH(read_mat_matrix(path, "X"),
                      Contains(path + ": no variable X (the file holds Xval, yval)"));
    CHECK_THROWS_WITH(read_mat_matrix(path, "y"), Contains("no variable y"));
  }
  SECTION("integers, complex numbers, a wrong shape") {
    write({{"X", three_by_two(), 12}, {"C", three_by_two(), 6, true}, {"y", three_by_two()}});
    CHECK_THROWS_WITH(
        read_mat_matrix(path, "X"),
        Contains(path + ": X is a matrix of integers; expected a real matrix of doubles"));
    CHECK_THROWS_WITH(read_mat_matrix(path, "C"), Contains("C holds complex numbers"));
    CHECK_THROWS_WITH(read_mat_matrix(path, "y", dlc::kAnySize, 1),
                      Contains(path + ": y is (3, 2); expected (n, 1)"));
    CHECK_THROWS_WITH(read_mat_matrix(path, "y", 4, 2), Contains("y is (3, 2); expected (4, 2)"));
  }
  SECTION("a file cut anywhere gives an error, never a crash or a wrong matrix") {
    write({{"A", three_by_two()}, {"X", three_by_two()}});
    const std::vector<char> whole = dlc::testing::read_bytes(path);
    for (std::size_t n = 0; n < whole.size(); n += 3) {
      dlc::testing::write_bytes(path, std::vector<char>(whole.begin(), whole.begin() + n));
      INFO("the first " << n << " of " << whole.size() << " bytes");
      CHECK_THROWS_AS(read_mat_matrix(path, "X"), DataError);
    }
  }
}

TEST_CASE("read_mat_matrix: the notebook's data.mat, truncated and corrupted", "[mat]") {
  const auto dir = dlc::testing::shared_data_dir("reg2d");
  DLC_REQUIRE_DATA(dir,
                   "the regularization notebook's data (../shared/data/reg2d or $DLC_SHARED_DATA)");
  const std::string real = *dir + "/data.mat";
  const std::vector<char> whole = dlc::testing::read_bytes(real);
  dlc::TempDir tmp("dlc-mat");
  const std::string path = tmp.file("data.mat");

  SECTION("truncated: every variable either reads whole or fails, naming the file") {
    for (const std::size_t n : {std::size_t{0}, std::size_t{64}, std::size_t{127}, std::size_t{128},
                                std::size_t{136}, std::size_t{200}, whole.size() / 4,
                                whole.size() / 2, whole.size() - 100, whole.size() - 1}) {
      dlc::testing::write_bytes(path, std::vector<char>(whole.begin(), whole.begin() + n));
      INFO("the first " << n << " of " << whole.size() << " bytes");
      for (const char* name : {"X", "y", "Xval", "yval"}) {
        try {
          const Matrix m = read_mat_matrix(path, name);
          const Matrix want = read_mat_matrix(real, name);  // a variable before the cut is whole
          REQUIRE(m.shape() == want.shape());
          CHECK(dlc::max_abs_diff(m, want) == 0.0);
        } catch (const DataError& e) {
          CHECK_THAT(e.what(), Contains(path));
        }
      }
      CHECK_THROWS_AS(read_mat_matrix(path, "yval"), DataError);  // the last variable is cut
    }
  }
  SECTION("corrupted: bytes of the compressed data overwritten") {
    for (const std::size_t at : {std::size_t{140}, std::size_t{400}, whole.size() / 2}) {
      std::vector<char> bad = whole;
      for (std::size_t k = at; k < at + 16 && k < bad.size(); ++k) bad[k] = static_cast<char>(0xA5);
      dlc::testing::write_bytes(path, bad);
      INFO("16 bytes overwritten at " << at);
      bool failed = false;
      for (const char* name : {"X", "y", "Xval", "yval"}) {
        try {
          read_mat_matrix(path, name);
        } catch (const DataError& e) {
          failed = true;
          CHECK_THAT(e.what(), Contains(path));
        }
      }
      CHECK(failed);
    }
  }
}

TEST_CASE("read_mat_matrix: data.mat holds the numbers of train.csv and test.csv", "[mat]") {
  const auto dir = dlc::testing::shared_data_dir("reg2d");
  DLC_REQUIRE_DATA(dir,
                   "the regularization notebook's data (../shared/data/reg2d or $DLC_SHARED_DATA)");
  const std::string path = *dir + "/data.mat";
  const Matrix X = read_mat_matrix(path, "X", dlc::kAnySize, 2);
  const Matrix y = read_mat_matrix(path, "y", dlc::kAnySize, 1);
  const Matrix Xval = read_mat_matrix(path, "Xval", dlc::kAnySize, 2);
  const Matrix yval = read_mat_matrix(path, "yval", dlc::kAnySize, 1);
  CHECK(X.shape() == dlc::Shape{211, 2});
  CHECK(y.shape() == dlc::Shape{211, 1});
  CHECK(Xval.shape() == dlc::Shape{200, 2});
  CHECK(yval.shape() == dlc::Shape{200, 1});
  const Matrix train = read_csv(*dir + "/train.csv");
  const Matrix test = read_csv(*dir + "/test.csv");
  REQUIRE(train.rows() == 211);
  REQUIRE(test.rows() == 200);
  for (std::size_t i = 0; i < 211; ++i) {
    INFO("training example " << i);
    CHECK(X(i, 0) == train(i, 0));
    CHECK(X(i, 1) == train(i, 1));
    CHECK(y(i, 0) == train(i, 2));
  }
  for (std::size_t i = 0; i < 200; ++i) {
    INFO("test example " << i);
    CHECK(Xval(i, 0) == test(i, 0));
    CHECK(Xval(i, 1) == test(i, 1));
    CHECK(yval(i, 0) == test(i, 2));
  }
}
