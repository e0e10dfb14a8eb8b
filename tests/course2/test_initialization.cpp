// Tests of lectures C2 1.10-1.11: the week's network (given code), zero, large random and He
// initialization, and the notebook's three runs on the circles.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "common/random.hpp"
#include "common/toy_datasets.hpp"
#include "course2/initialization.hpp"
#include "tests/support/compare.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::course2;
using namespace dlc::course2::initialization;

TEST_CASE("initialize_parameters_he: the notebook's case", "[course2.initialize_parameters_he]") {
  const Parameters p = initialize_parameters_he({2, 4, 1});
  REQUIRE(p.L() == 2);
  CHECK_THAT(p.W[1], IsClose(Matrix{{1.78862847, 0.43650985},
                                    {0.09649747, -1.8634927},
                                    {-0.2773882, -0.35475898},
                                    {-0.08274148, -0.62700068}},
                             1e-8, "W1 = randn(4, 2) * sqrt(2 / 2)"));
  CHECK_THAT(p.W[2], IsClose(Matrix{{-0.03098412, -0.33744411, -0.92904268, 0.62552248}}, 1e-8,
                             "W2 = randn(1, 4) * sqrt(2 / 4)"));
}
