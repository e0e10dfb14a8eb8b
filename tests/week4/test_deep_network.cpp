// Tests of lectures 4.2, 4.5 and 4.7: the building blocks of a deep network.
#include <catch2/catch.hpp>

#include "common/random.hpp"
#include "week4/deep_network.hpp"

using dlc::Matrix;
using namespace dlc::week4;

TEST_CASE("initialize_parameters_deep: shapes", "[week4.initialize_parameters_deep]") {
  dlc::RandomState rng(3);
  const Parameters p = initialize_parameters_deep({5, 4, 3}, rng, WeightScale::kTimes001);
  CHECK(p.L() == 2);
  CHECK(p.W[1].shape() == dlc::Shape{4, 5});
}
