// Tests of lectures 4.1-4.3: the shapes of every matrix of a deep network.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/matrix.hpp"
#include "week4/dimensions.hpp"

using dlc::Matrix;
using dlc::Shape;
using namespace dlc::week4;

TEST_CASE("layer_shapes: the cat network's table", "[week4.layer_shapes]") {
  // Lecture 4.3 on the cat notebook's network {12288, 20, 7, 5, 1} and its 209 training images:
  // W[l] is (n[l], n[l-1]), b[l] is (n[l], 1), Z[l] and A[l] are (n[l], m), by hand.
  const auto s = layer_shapes({12288, 20, 7, 5, 1}, 209);
  REQUIRE(s.size() == 5);
  CHECK(s[0].A == Shape{12288, 209});
  CHECK(s[0].W == Shape{});
  CHECK(s[0].b == Shape{});
  CHECK(s[0].Z == Shape{});
  CHECK(s[1].W == Shape{20, 12288});
  CHECK(s[1].b == Shape{20, 1});
  CHECK(s[1].Z == Shape{20, 209});
  CHECK(s[1].A == Shape{20, 209});
  CHECK(s[2].W == Shape{7, 20});
  CHECK(s[2].b == Shape{7, 1});
  CHECK(s[3].W == Shape{5, 7});
  CHECK(s[3].Z == Shape{5, 209});
  CHECK(s[4].W == Shape{1, 5});
  CHECK(s[4].b == Shape{1, 1});
  CHECK(s[4].Z == Shape{1, 209});
  CHECK(s[4].A == Shape{1, 209});
}

TEST_CASE("layer_shapes: the lecture's five-layer example, one example", "[week4.layer_shapes]") {
  // Lecture 4.3's drawing: n = {2, 3, 5, 4, 2, 1}; with m = 1 every Z[l] is a column (n[l], 1),
  // the shape of b[l] (by hand).
  const auto s = layer_shapes({2, 3, 5, 4, 2, 1}, 1);
  REQUIRE(s.size() == 6);
  CHECK(s[0].A == Shape{2, 1});
  CHECK(s[1].W == Shape{3, 2});
  CHECK(s[2].W == Shape{5, 3});
  CHECK(s[3].W == Shape{4, 5});
  CHECK(s[4].W == Shape{2, 4});
  CHECK(s[5].W == Shape{1, 2});
  for (std::size_t l = 1; l < s.size(); ++l) {
    INFO("layer " << l);
    CHECK(s[l].Z == s[l].b);
    CHECK(s[l].A == s[l].b);
  }
}

TEST_CASE("layer_shapes: every product and sum of the forward pass fits, for any sizes and m",
          "[week4.layer_shapes]") {
  // Property: Z[l] = W[l] A[l-1] + b[l] must be computable from the table alone: W[l].cols ==
  // A[l-1].rows, the product is (W[l].rows, A[l-1].cols) == Z[l], b[l] is one column of Z[l]'s
  // height, and A[l] has Z[l]'s shape. Sizes all different and m > 1, so that no swapped
  // pair of numbers can pass.
  const LayerDims dims[] = {{3, 6, 2, 4, 1}, {7, 1, 9}, {4, 11, 5, 8, 3, 2}};
  const std::size_t ms[] = {13, 2, 57};
  for (std::size_t k = 0; k < 3; ++k) {
    const LayerDims& n = dims[k];
    const std::size_t m = ms[k];
    const auto s = layer_shapes(n, m);
    REQUIRE(s.size() == n.size());
    CHECK(s[0].A == Shape{static_cast<std::size_t>(n[0]), m});
    for (std::size_t l = 1; l < n.size(); ++l) {
      INFO("layer_dims case " << k << ", layer " << l);
      const auto nl = static_cast<std::size_t>(n[l]), np = static_cast<std::size_t>(n[l - 1]);
      CHECK(s[l].W == Shape{nl, np});
      CHECK(s[l].W.cols == s[l - 1].A.rows);
      CHECK(Shape{s[l].W.rows, s[l - 1].A.cols} == s[l].Z);
      CHECK(s[l].b == Shape{s[l].Z.rows, 1});
      CHECK(s[l].A == s[l].Z);
      CHECK(s[l].Z == Shape{nl, m});
    }
  }
  // The table's shapes are the ones real matrices get: a product and a broadcast on them work.
  const auto s = layer_shapes({3, 4, 1}, 5);
  const Matrix W(s[1].W.rows, s[1].W.cols, 0.5), b(s[1].b.rows, s[1].b.cols, 1.0);
  const Matrix X(s[0].A.rows, s[0].A.cols, 2.0);
  CHECK((dlc::dot(W, X) + b).shape() == s[1].Z);
}

TEST_CASE("layer_shapes: bad sizes are rejected with the rule", "[week4.layer_shapes]") {
  CHECK_THROWS_WITH(layer_shapes({}, 3), Catch::Contains("needs at least 2"));
  CHECK_THROWS_WITH(layer_shapes({5}, 3), Catch::Contains("layer_dims has 1 entry"));
  CHECK_THROWS_WITH(layer_shapes({5, 0, 1}, 3),
                    Catch::Contains("layer_dims[1] is 0 but every layer needs at least 1 unit"));
  CHECK_THROWS_WITH(layer_shapes({5, 3, 1}, 0), Catch::Contains("m is 0"));
  // and a good list still works
  CHECK(layer_shapes({5, 3, 1}, 2)[2].A == Shape{1, 2});
}

TEST_CASE("check_layer_dims: at least two sizes, each at least 1", "[given]") {
  CHECK_NOTHROW(check_layer_dims("f", {1, 1}));
  CHECK_NOTHROW(check_layer_dims("f", {12288, 20, 7, 5, 1}));
  CHECK_THROWS_AS(check_layer_dims("f", {}), std::invalid_argument);
  CHECK_THROWS_WITH(check_layer_dims("L_layer_model", {}),
                    Catch::StartsWith("L_layer_model: layer_dims has 0 entries but needs at "
                                      "least 2"));
  CHECK_THROWS_WITH(check_layer_dims("f", {3}),
                    Catch::Contains("layer_dims has 1 entry but needs at least 2"));
  CHECK_THROWS_WITH(check_layer_dims("L_layer_model", {12288, 20, 0, 5, 1}),
                    Catch::Equals("L_layer_model: layer_dims[2] is 0 but every layer needs at "
                                  "least 1 unit"));
  CHECK_THROWS_WITH(check_layer_dims("f", {-4, 2}), Catch::Contains("layer_dims[0] is -4"));
}

TEST_CASE("shapes_table: one line per layer, with each column's rule", "[given]") {
  std::vector<LayerShapes> s(3);
  s[0].A = Shape{4, 10};
  s[1] = LayerShapes{Shape{3, 4}, Shape{3, 1}, Shape{3, 10}, Shape{3, 10}};
  s[2] = LayerShapes{Shape{1, 3}, Shape{1, 1}, Shape{1, 10}, Shape{1, 10}};
  const std::string t = shapes_table(s);
  CHECK_THAT(t, Catch::Contains("W[l]") && Catch::Contains("(n[l],n[l-1])") &&
                    Catch::Contains("(n[l],1)") && Catch::Contains("(n[l],m)"));
  CHECK(std::count(t.begin(), t.end(), '\n') == 5);  // two header lines and three layers
  CHECK_THAT(t,
             Catch::Contains("(3, 4)") && Catch::Contains("(1, 10)") && Catch::Contains("(4, 10)"));
}

TEST_CASE("check_layer_input and check_same_shape cite the rule they check", "[given]") {
  const Matrix W(7, 21), b(7, 1), A(20, 209);
  CHECK_THROWS_AS(check_layer_input("linear_forward", 2, W, b, A), dlc::ShapeError);
  CHECK_THROWS_WITH(check_layer_input("linear_forward", 2, W, b, A),
                    Catch::Equals("linear_forward: W[2] is (7, 21) but A[1] is (20, 209); W[l] is "
                                  "(n[l], n[l-1]), so W[2].cols must equal A[1].rows"));
  CHECK_THROWS_WITH(check_layer_input("f", 0, Matrix(7, 20), Matrix(1, 7), A),
                    Catch::Contains("b is (1, 7)") && Catch::Contains("b[l] is (n[l], 1)"));
  CHECK_NOTHROW(check_layer_input("f", 1, Matrix(7, 20), b, A));
  CHECK_THROWS_WITH(check_same_shape("f", 3, "dZ", Matrix(2, 5), "Z", Matrix(2, 4)),
                    Catch::Contains("dZ[3] is (2, 5) but Z[3] is (2, 4)") &&
                        Catch::Contains("a gradient has the shape of what it differentiates"));
  CHECK_NOTHROW(check_same_shape("f", 3, "dZ", Matrix(2, 4), "Z", Matrix(2, 4)));
}
