// Tests of lectures 4.1-4.3: the shapes of every matrix of a deep network.
#include <catch2/catch.hpp>

#include "week4/dimensions.hpp"

using dlc::Shape;
using namespace dlc::week4;

TEST_CASE("layer_shapes: the cat network's table", "[week4.layer_shapes]") {
  const auto s = layer_shapes({12288, 20, 7, 5, 1}, 209);
  REQUIRE(s.size() == 5);
  CHECK(s[0].A == Shape{12288, 209});
  CHECK(s[1].W == Shape{20, 12288});
  CHECK(s[1].b == Shape{20, 1});
  CHECK(s[2].W == Shape{7, 20});
  CHECK(s[4].Z == Shape{1, 209});
  CHECK(s[4].A == Shape{1, 209});
}
