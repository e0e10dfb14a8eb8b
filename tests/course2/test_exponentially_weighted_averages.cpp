// Tests of lectures C2 2.3-2.5: the exponentially weighted average v_t = beta v_{t-1} +
// (1 - beta) theta_t from v_0 = 0, the about 1/(1 - beta) values it averages, and its bias
// correction v_t / (1 - beta^t).
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "common/random.hpp"
#include "course2/exponentially_weighted_averages.hpp"
#include "tests/support/compare.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::course2::exponentially_weighted_averages;

namespace {

// Four values that go up and down, so that a lagged or a reversed sum differs at every t.
const Matrix kTheta{{10.0, 4.0, -2.0, 6.0}};

// The weighted mean of theta_1..theta_t with weights beta^(t-i), by loops, for every t: what
// the bias-corrected average must equal, computed without v.
Matrix weighted_means(const Matrix& theta, double beta) {
  Matrix out(1, theta.cols());
  for (std::size_t t = 1; t <= theta.cols(); ++t) {
    double weighted = 0.0, weights = 0.0;
    for (std::size_t i = 1; i <= t; ++i) {
      const double w = std::pow(beta, static_cast<double>(t - i));  // beta^(t-i)
      weighted += w * theta(0, i - 1);
      weights += w;
    }
    out(0, t - 1) = weighted / weights;
  }
  return out;
}

}  // namespace

TEST_CASE("exponentially_weighted_average: four values by hand, for beta 0.9, 0.98 and 0.5",
          "[course2.exponentially_weighted_average]") {
  // v_1 = (1 - beta) 10, v_2 = beta v_1 + (1 - beta) 4, v_3 = beta v_2 - (1 - beta) 2, ...
  SECTION("beta = 0.9") {
    // 0.1 * 10 = 1; 0.9 + 0.4 = 1.3; 1.17 - 0.2 = 0.97; 0.873 + 0.6 = 1.473
    CHECK_THAT(exponentially_weighted_average(kTheta, 0.9),
               IsClose(Matrix{{1.0, 1.3, 0.97, 1.473}}, 1e-13,
                       "v_t = beta v_{t-1} + (1 - beta) theta_t, v_0 = 0, beta = 0.9"));
  }
  SECTION("beta = 0.98") {
    // 0.02 * 10 = 0.2; 0.196 + 0.08 = 0.276; 0.27048 - 0.04 = 0.23048; 0.2258704 + 0.12
    CHECK_THAT(exponentially_weighted_average(kTheta, 0.98),
               IsClose(Matrix{{0.2, 0.276, 0.23048, 0.3458704}}, 1e-13,
                       "v_t = beta v_{t-1} + (1 - beta) theta_t, v_0 = 0, beta = 0.98"));
  }
  SECTION("beta = 0.5") {
    // 5; 2.5 + 2 = 4.5; 2.25 - 1 = 1.25; 0.625 + 3 = 3.625
    CHECK_THAT(exponentially_weighted_average(kTheta, 0.5),
               IsClose(Matrix{{5.0, 4.5, 1.25, 3.625}}, 1e-13,
                       "v_t = beta v_{t-1} + (1 - beta) theta_t, v_0 = 0, beta = 0.5"));
  }
}

TEST_CASE("exponentially_weighted_average: v_1 = (1 - beta) theta_1, the bias of starting at 0",
          "[course2.exponentially_weighted_average]") {
  // The lecture's first day, 40 degrees: v_1 is only (1 - beta) of it.
  const Matrix theta{{40.0, 49.0, 45.0}};
  for (const double beta : {0.0, 0.5, 0.9, 0.98, 0.999}) {
    CAPTURE(beta);
    const Matrix v = exponentially_weighted_average(theta, beta);
    REQUIRE(v.shape() == dlc::Shape{1, 3});
    CHECK(v(0, 0) == Approx((1.0 - beta) * 40.0).epsilon(1e-14));  // v_1 = (1 - beta) theta_1
    CHECK(v(0, 1) == Approx(beta * (1.0 - beta) * 40.0 + (1.0 - beta) * 49.0).epsilon(1e-14));
  }
}

TEST_CASE("exponentially_weighted_average: beta = 0 keeps no past, the series itself",
          "[course2.exponentially_weighted_average]") {
  const Matrix theta = temperature_series(30, 4);
  CHECK_THAT(exponentially_weighted_average(theta, 0.0),
             IsClose(theta, 0.0, "v_t = 0 v_{t-1} + 1 theta_t = theta_t"));
}

TEST_CASE("exponentially_weighted_average: is (1 - beta) sum_i beta^(t-i) theta_i",
          "[course2.exponentially_weighted_average]") {
  const Matrix theta = temperature_series(60, 2);
  for (const double beta : {0.5, 0.9, 0.98}) {
    CAPTURE(beta);
    Matrix unrolled(1, theta.cols());
    for (std::size_t t = 1; t <= theta.cols(); ++t) {
      double s = 0.0;
      for (std::size_t i = 1; i <= t; ++i)
        s += (1.0 - beta) * std::pow(beta, static_cast<double>(t - i)) * theta(0, i - 1);
      unrolled(0, t - 1) = s;
    }
    CHECK_THAT(exponentially_weighted_average(theta, beta),
               IsClose(unrolled, 1e-12, "v_t = (1 - beta) sum_{i=1..t} beta^(t-i) theta_i"));
  }
}

TEST_CASE("exponentially_weighted_average: on a step it averages about 1/(1 - beta) days",
          "[course2.exponentially_weighted_average]") {
  // 0 for five days, then 1: k days after the step, v = 1 - beta^k. It has covered 1 - 1/e of
  // the step after exactly round(1 / (1 - beta)) days, since beta^(1/(1-beta)) is about 1/e.
  const std::size_t before = 5, after = 250;
  Matrix step(1, before + after);
  for (std::size_t t = before; t < before + after; ++t) step(0, t) = 1.0;
  for (const double beta : {0.5, 0.9, 0.98, 0.99}) {
    CAPTURE(beta);
    const Matrix v = exponentially_weighted_average(step, beta);
    REQUIRE(v.shape() == dlc::Shape{1, before + after});
    for (std::size_t t = 0; t < before; ++t) CHECK(v(0, t) == 0.0);
    std::size_t days = 0;  // the first k with v >= 1 - 1/e
    for (std::size_t k = 1; k <= after; ++k) {
      CHECK(v(0, before + k - 1) ==
            Approx(1.0 - std::pow(beta, static_cast<double>(k))).epsilon(1e-12));
      if (days == 0 && v(0, before + k - 1) >= 1.0 - std::exp(-1.0)) days = k;
    }
    CHECK(days == static_cast<std::size_t>(std::lround(1.0 / (1.0 - beta))));
  }
}

TEST_CASE("exponentially_weighted_average: bad input", "[course2.exponentially_weighted_average]") {
  CHECK_THROWS_WITH(
      exponentially_weighted_average(kTheta, 1.0),
      Catch::StartsWith("exponentially_weighted_average: beta is 1") && Catch::Contains("[0, 1)"));
  CHECK_THROWS_AS(exponentially_weighted_average(kTheta, -0.1), std::invalid_argument);
  CHECK_THROWS_AS(exponentially_weighted_average(kTheta, std::numeric_limits<double>::quiet_NaN()),
                  std::invalid_argument);
  CHECK_THROWS_WITH(exponentially_weighted_average(Matrix(1, 0), 0.9),
                    Catch::StartsWith("exponentially_weighted_average: theta is (1, 0), an empty"));
  CHECK_THROWS_WITH(exponentially_weighted_average(Matrix(4, 1), 0.9),
                    "exponentially_weighted_average: theta is (4, 1) but must be (1, T), one "
                    "value per day in one row");
  CHECK_THROWS_AS(exponentially_weighted_average(Matrix(2, 3), 0.9), dlc::ShapeError);
}

TEST_CASE("bias_corrected_average: three values by hand", "[course2.bias_corrected_average]") {
  // beta = 0.5: v = (0.5, 1.25, 2.125), divided by 1 - 0.5^t = (0.5, 0.75, 0.875)
  CHECK_THAT(
      bias_corrected_average(Matrix{{1.0, 2.0, 3.0}}, 0.5),
      IsClose(Matrix{{1.0, 5.0 / 3.0, 17.0 / 7.0}}, 1e-14, "v_t / (1 - beta^t), t = 1, 2, 3"));
  // beta = 0.9 on kTheta: v = (1, 1.3, 0.97, 1.473), divided by (0.1, 0.19, 0.271, 0.3439)
  CHECK_THAT(bias_corrected_average(kTheta, 0.9),
             IsClose(Matrix{{10.0, 1.3 / 0.19, 0.97 / 0.271, 1.473 / 0.3439}}, 1e-13,
                     "v_t / (1 - beta^t), t = 1, 2, 3, 4"));
}

TEST_CASE("bias_corrected_average: the first value is theta_1, for every beta",
          "[course2.bias_corrected_average]") {
  for (const double beta : {0.0, 0.5, 0.9, 0.98, 0.999}) {
    CAPTURE(beta);
    CHECK(bias_corrected_average(kTheta, beta)(0, 0) == Approx(10.0).epsilon(1e-12));
  }
}

TEST_CASE("bias_corrected_average: the mean of the values seen, weighted by beta^(t-i)",
          "[course2.bias_corrected_average]") {
  const Matrix theta = temperature_series(40, 3);
  for (const double beta : {0.5, 0.9, 0.98}) {
    CAPTURE(beta);
    const Matrix corrected = bias_corrected_average(theta, beta);
    CHECK_THAT(corrected,
               IsClose(weighted_means(theta, beta), 1e-12,
                       "v_t / (1 - beta^t) = sum_i beta^(t-i) theta_i / sum_i beta^(t-i)"));
  }
  SECTION("beta = 0: the series itself") {
    CHECK_THAT(bias_corrected_average(theta, 0.0), IsClose(theta, 0.0, "1 - 0^t = 1"));
  }
  SECTION("late in the series the correction has faded") {
    const Matrix long_theta = temperature_series(200, 3);
    const Matrix v = exponentially_weighted_average(long_theta, 0.9);
    const Matrix corrected = bias_corrected_average(long_theta, 0.9);
    CHECK(corrected(0, 199) == Approx(v(0, 199)).epsilon(1e-8));  // 0.9^200 is about 7e-10
    CHECK(std::abs(corrected(0, 0) - v(0, 0)) > 10.0);            // but not at t = 1
  }
}

TEST_CASE("bias_corrected_average: bad input", "[course2.bias_corrected_average]") {
  CHECK_THROWS_WITH(bias_corrected_average(kTheta, 1.5),
                    Catch::StartsWith("bias_corrected_average: beta is 1.5"));
  CHECK_THROWS_AS(bias_corrected_average(kTheta, -1e-9), std::invalid_argument);
  CHECK_THROWS_WITH(bias_corrected_average(Matrix(1, 0), 0.5),
                    Catch::StartsWith("bias_corrected_average: theta is (1, 0), an empty"));
  CHECK_THROWS_AS(bias_corrected_average(Matrix(3, 2), 0.5), dlc::ShapeError);
}

TEST_CASE("average_from_first_value: v_1 = theta_1, then the same recursion", "[given]") {
  // beta = 0.5: 10; 5 + 2 = 7; 3.5 - 1 = 2.5; 1.25 + 3 = 4.25
  CHECK_THAT(average_from_first_value(kTheta, 0.5),
             IsClose(Matrix{{10.0, 7.0, 2.5, 4.25}}, 1e-14, "v[0] = temp[0], then v_t"));
  CHECK_THROWS_WITH(average_from_first_value(kTheta, 1.0),
                    Catch::StartsWith("average_from_first_value: beta is 1"));
  CHECK_THROWS_AS(average_from_first_value(Matrix(1, 0), 0.5), std::invalid_argument);
}

TEST_CASE("temperature_series: 55 - 20 cos(2 pi (t - 15) / 365) + 5 z_t, z seeded", "[given]") {
  const Matrix theta = temperature_series(200, 1);
  REQUIRE(theta.shape() == dlc::Shape{1, 200});
  dlc::RandomState rng(1);
  const Matrix z = rng.randn(1, 200);
  const double pi = std::acos(-1.0);
  for (const std::size_t t : {1, 2, 100, 200}) {
    CAPTURE(t);
    const double season =
        55.0 - 20.0 * std::cos(2.0 * pi * (static_cast<double>(t) - 15.0) / 365.0);
    CHECK(theta(0, t - 1) == Approx(season + 5.0 * z(0, t - 1)).epsilon(1e-14));
  }
  // Cold in January, warm in July; another seed, other noise.
  CHECK(theta(0, 0) < 45.0);
  CHECK(theta(0, 190) > 60.0);
  CHECK(temperature_series(200, 2)(0, 0) != theta(0, 0));
  CHECK(temperature_series(3, 1).shape() == dlc::Shape{1, 3});
  CHECK_THROWS_AS(temperature_series(0, 1), std::invalid_argument);
}
