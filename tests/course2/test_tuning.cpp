// Tests of lectures C2 3.1-3.2: sampling hyperparameters on the right scale, grids and random
// points, and coarse to fine. The expected samples come from numpy (/usr/bin/python3) with the
// same u.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>

#include "common/random.hpp"
#include "course2/tuning.hpp"
#include "tests/support/compare.hpp"

using dlc::Matrix;
using dlc::RandomState;
using dlc::testing::IsClose;
using dlc::testing::near;
using namespace dlc::course2::tuning;

namespace {

/// Uniform draws at places where the wrong variants differ: the ends, a quarter, a half.
const Matrix kU{{0.0, 0.1, 0.25}, {0.5, 0.75, 0.999}};

/// The share of the entries of `a` that are at most `threshold`.
double share_at_most(const Matrix& a, double threshold) {
  std::size_t count = 0;
  for (std::size_t j = 0; j < a.cols(); ++j)
    for (std::size_t i = 0; i < a.rows(); ++i) count += a(i, j) <= threshold ? 1 : 0;
  return static_cast<double>(count) / static_cast<double>(a.size());
}

double min_entry(const Matrix& a) {
  double m = a(0, 0);
  for (std::size_t j = 0; j < a.cols(); ++j)
    for (std::size_t i = 0; i < a.rows(); ++i) m = std::min(m, a(i, j));
  return m;
}

double max_entry(const Matrix& a) {
  double m = a(0, 0);
  for (std::size_t j = 0; j < a.cols(); ++j)
    for (std::size_t i = 0; i < a.rows(); ++i) m = std::max(m, a(i, j));
  return m;
}

}  // namespace

// ---- C2 3.2 the right scale --------------------------------------------------------------------

TEST_CASE("sample_log_uniform: r = log10(high) + (log10(low) - log10(high)) u, alpha = 10^r",
          "[course2.sample_log_uniform]") {
  // numpy: r = np.log10(hi) + (np.log10(lo) - np.log10(hi)) * u; 10 ** r
  const Matrix lecture =
      Matrix{{1.0, 0.3981071705534972, 0.09999999999999999}, {0.01, 0.001, 0.00010092528860766844}};
  CHECK_THAT(sample_log_uniform(1e-4, 1.0, kU),
             IsClose(lecture, 1e-14, "r = -4 rand(), alpha = 10^r for [1e-4, 1]"));
  const Matrix small =
      Matrix{{0.09999999999999999, 0.05011872336272722, 0.01778279410038923},
             {0.0031622776601683794, 0.000562341325190349, 0.00010069316688518045}};
  CHECK_THAT(sample_log_uniform(1e-4, 0.1, kU),
             IsClose(small, 1e-14, "r = log10(0.1) + (log10(1e-4) - log10(0.1)) u"));
  const Matrix wide = Matrix{{6.999999999999999, 3.2232972783639284, 1.007172463996738},
                             {0.14491376746189438, 0.02085045089166379, 0.00302335560434246}};
  CHECK_THAT(sample_log_uniform(0.003, 7.0, kU),
             IsClose(wide, 1e-13, "r = log10(7) + (log10(0.003) - log10(7)) u, alpha = 10^r"));
  // A column (n, 1) keeps its shape.
  CHECK_THAT(sample_log_uniform(1e-4, 1.0, Matrix{{0.5}, {0.75}}),
             IsClose(Matrix{{0.01}, {0.001}}, 1e-16));
}

TEST_CASE("sample_log_uniform: each decade gets its share; 75 % of [1e-4, 1] below 0.1",
          "[course2.sample_log_uniform]") {
  RandomState rng(0);
  const Matrix u = rng.rand(100, 100);  // np.random.seed(0); np.random.rand(100, 100)
  const Matrix alpha = sample_log_uniform(1e-4, 1.0, u);
  REQUIRE(alpha.shape() == u.shape());
  CHECK(min_entry(alpha) >= 1e-4);
  CHECK(max_entry(alpha) <= 1.0);
  // numpy: np.mean(10 ** (-4 * U) <= 0.1) is 0.745 (uniformly drawn alpha: 0.1)
  CHECK(share_at_most(alpha, 0.1) == Approx(0.745).margin(1e-12));
  CHECK(share_at_most(alpha, 0.001) == Approx(0.2494).margin(0.01));  // two decades of four
  // On [1e-4, 0.1], a third of the samples in each decade.
  const Matrix small = sample_log_uniform(1e-4, 0.1, u);
  CHECK(min_entry(small) >= 1e-4);
  CHECK(max_entry(small) <= 0.1);
  CHECK(share_at_most(small, 1e-3) == Approx(1.0 / 3).margin(0.02));
  CHECK(share_at_most(small, 1e-2) == Approx(2.0 / 3).margin(0.02));
}

TEST_CASE("sample_log_uniform refuses a range a log scale cannot take, and u outside [0, 1)",
          "[course2.sample_log_uniform]") {
  const Matrix u{{0.5, 0.25}};
  CHECK_THROWS_WITH(sample_log_uniform(0.0, 1.0, u),
                    Catch::Contains("sample_log_uniform: the range [0.0, 1.0] includes 0"));
  CHECK_THROWS_WITH(sample_log_uniform(-1.0, 1.0, u), Catch::Contains("includes 0"));
  CHECK_THROWS_WITH(sample_log_uniform(1.0, 0.1, u),
                    Catch::Contains("the range [1.0, 0.1] is empty or reversed"));
  CHECK_THROWS_WITH(sample_log_uniform(0.1, 0.1, u), Catch::Contains("empty or reversed"));
  CHECK_THROWS_WITH(sample_log_uniform(1e-4, std::numeric_limits<double>::infinity(), u),
                    Catch::Contains("is not finite"));
  CHECK_THROWS_WITH(sample_log_uniform(1e-4, 1.0, Matrix{{0.5, 1.0}}),
                    Catch::Contains("u(0, 1) is 1.0 but uniform draws are in [0, 1)"));
  CHECK_THROWS_AS(sample_log_uniform(1e-4, 1.0, Matrix{{-0.1}}), std::invalid_argument);
}

TEST_CASE("sample_beta: r = log10(1 - low) + (log10(1 - high) - log10(1 - low)) u, beta = 1 - 10^r",
          "[course2.sample_beta]") {
  // numpy: r = np.log10(1 - lo) + (np.log10(1 - hi) - np.log10(1 - lo)) * u; 1 - 10 ** r
  const Matrix betas = Matrix{{0.9, 0.9369042655519807, 0.9683772233983162},
                              {0.99, 0.9968377223398316, 0.9989953842097216}};
  CHECK_THAT(sample_beta(0.9, 0.999, kU),
             IsClose(betas, 1e-15, "beta = 1 - 10^r, r in [-3, -1] for [0.9, 0.999]"));
  const Matrix from_zero = Matrix{{0.0, 0.2588655508930522, 0.527129195498412},
                                  {0.776393202250021, 0.8942628736559435, 0.9498499888018169}};
  CHECK_THAT(sample_beta(0.0, 0.95, kU), IsClose(from_zero, 1e-15, "beta = 1 - 10^r"));
  // The ends: u = 0 is low; u near 1 is just below high.
  CHECK(sample_beta(0.9, 0.999, Matrix{{0.0}}).item() == Approx(0.9).epsilon(1e-15));
  const double top = sample_beta(0.9, 0.999, Matrix{{1.0 - 1e-12}}).item();
  CHECK(top < 0.999);
  CHECK(top == Approx(0.999).epsilon(1e-12));
}

TEST_CASE("sample_beta: half the samples of [0.9, 0.999] average fewer than 100 values",
          "[course2.sample_beta]") {
  RandomState rng(0);
  const Matrix u = rng.rand(100, 100);
  const Matrix beta = sample_beta(0.9, 0.999, u);
  REQUIRE(beta.shape() == u.shape());
  CHECK(min_entry(beta) >= 0.9);
  CHECK(max_entry(beta) < 0.999);
  // numpy: 0.5064 of the samples in [0.9, 0.99] (beta drawn uniformly: 0.9089)
  CHECK(share_at_most(beta, 0.99) == Approx(0.5064).margin(1e-12));
}

TEST_CASE("sample_beta refuses a range outside [0, 1) and u outside [0, 1)",
          "[course2.sample_beta]") {
  const Matrix u{{0.5}};
  CHECK_THROWS_WITH(sample_beta(0.9, 1.0, u),
                    Catch::Contains("sample_beta: the range [0.9, 1.0] reaches 1"));
  CHECK_THROWS_WITH(sample_beta(-0.1, 0.9, u), Catch::Contains("starts below 0"));
  CHECK_THROWS_WITH(sample_beta(0.999, 0.9, u),
                    Catch::Contains("the range [0.999, 0.9] is empty or reversed"));
  CHECK_THROWS_WITH(sample_beta(0.9, 0.999, Matrix{{0.2, std::nan("")}}),
                    Catch::Contains("u(0, 1) is nan"));
}

// ---- C2 3.1 coarse to fine ---------------------------------------------------------------------

namespace {

/// x: alpha on a log scale over [1e-4, 1]; y: a linear hyperparameter over [0, 10].
const Box kBox{{1e-4, 1.0, true}, {0.0, 10.0, false}};

/// Ten trials: the best three at x = 1e-3, 10^-2.5, 1e-2 and y = 2, 4, 3 (scores 0.9, 0.95,
/// 0.92), the others worse, spread around the box.
struct Trials {
  Matrix points;
  Matrix scores;
};

Trials ten_trials() {
  const double x_mid = std::pow(10.0, -2.5);
  Trials t;
  t.points = Matrix{{0.5, 1e-3, 2e-4, x_mid, 0.3, 1e-2, 0.05, 1e-4, 0.9, 0.02},
                    {9.0, 2.0, 0.5, 4.0, 7.0, 3.0, 8.0, 1.0, 0.2, 6.0}};
  t.scores = Matrix{{0.5, 0.9, 0.6, 0.95, 0.55, 0.92, 0.7, 0.52, 0.51, 0.8}};
  return t;
}

}  // namespace

TEST_CASE(
    "zoom: the smallest box around the best trials, 10 % wider each side, log10 on a log axis",
    "[course2.zoom_box]") {
  const Trials t = ten_trials();
  const Box z = zoom(kBox, t.points, t.scores, 0.3);  // the best 3 of 10
  // x in log10: [-3, -2] is 1 wide, 0.1 each side: [-3.1, -1.9]
  CHECK(near(z.x.low, std::pow(10.0, -3.1), 1e-13));
  CHECK(near(z.x.high, std::pow(10.0, -1.9), 1e-13));
  // y linear: [2, 4] is 2 wide, 0.2 each side
  CHECK(near(z.y.low, 1.8, 1e-14));
  CHECK(near(z.y.high, 4.2, 1e-14));
  CHECK(z.x.log);
  CHECK_FALSE(z.y.log);
  // The best 4: the fourth best (x = 0.02, y = 6, score 0.8) joins them.
  const Box z4 = zoom(kBox, t.points, t.scores, 0.4);
  const double w = std::log10(0.02) + 3.0;  // [-3, log10 0.02]
  CHECK(near(z4.x.low, std::pow(10.0, -3.0 - 0.1 * w), 1e-13));
  CHECK(near(z4.x.high, std::pow(10.0, std::log10(0.02) + 0.1 * w), 1e-13));
  CHECK(near(z4.y.low, 1.6, 1e-14));  // [2, 6], 0.4 each side
  CHECK(near(z4.y.high, 6.4, 1e-14));
}

TEST_CASE("zoom: best trials in a corner give a box clipped to the first box",
          "[course2.zoom_box]") {
  // The best two at the top right corner: x = 1, 0.1; y = 10, 9.
  const Matrix points{{1.0, 0.1, 1e-4, 1e-3, 1e-2}, {10.0, 9.0, 0.0, 5.0, 1.0}};
  const Matrix scores{{0.99, 0.98, 0.5, 0.6, 0.4}};
  const Box z = zoom(kBox, points, scores, 0.4);
  CHECK(near(z.x.low, std::pow(10.0, -1.1), 1e-13));  // log10: [-1, 0], 0.1 each side
  CHECK(z.x.high == 1.0);                             // 10^0.1 clipped to the box
  CHECK(near(z.y.low, 8.9, 1e-14));                   // [9, 10], 0.1 each side
  CHECK(z.y.high == 10.0);                            // 10.1 clipped
  // The same at the bottom left corner.
  const Matrix low_scores{{0.4, 0.5, 0.99, 0.98, 0.6}};  // 1e-4 and 1e-3 best
  const Box zl = zoom(kBox, points, low_scores, 0.4);
  CHECK(zl.x.low == 1e-4);  // 10^-4.1 clipped
  CHECK(near(zl.x.high, std::pow(10.0, -2.9), 1e-13));
  CHECK(zl.y.low == 0.0);  // -0.5 clipped
  CHECK(near(zl.y.high, 5.5, 1e-14));
}

TEST_CASE("zoom: one trial kept is widened by 10 % of the box; ties keep the earlier trial",
          "[course2.zoom_box]") {
  const Trials t = ten_trials();
  const Box z = zoom(kBox, t.points, t.scores, 0.1);        // only x = 10^-2.5, y = 4
  CHECK(near(z.x.low, std::pow(10.0, -2.5 - 0.4), 1e-13));  // the box is 4 decades wide
  CHECK(near(z.x.high, std::pow(10.0, -2.5 + 0.4), 1e-13));
  CHECK(near(z.y.low, 3.0, 1e-14));  // the box is 10 wide
  CHECK(near(z.y.high, 5.0, 1e-14));
  // Trials 1 and 3 tie for the best: the earlier one (x = 1e-2, y = 2) is kept.
  const Matrix points{{0.5, 1e-2, 1e-3, 1e-3}, {5.0, 2.0, 7.0, 6.0}};
  const Matrix scores{{0.1, 0.9, 0.2, 0.9}};
  const Box tie = zoom(kBox, points, scores, 0.25);
  CHECK(near(tie.x.low, std::pow(10.0, -2.4), 1e-13));
  CHECK(near(tie.y.low, 1.0, 1e-14));
}

TEST_CASE("zoom: a random search's zoomed box lies in the box and holds its best trial",
          "[course2.zoom_box]") {
  const Box box{{1e-5, 1e-1, true}, {0.5, 0.99, false}};
  RandomState rng(7);
  const Matrix u = rng.rand(3, 40);
  Matrix points(2, 40), scores(1, 40);
  std::size_t best = 0;
  for (std::size_t j = 0; j < 40; ++j) {
    points(0, j) = std::pow(10.0, -5.0 + 4.0 * u(0, j));
    points(1, j) = 0.5 + 0.49 * u(1, j);
    scores(0, j) = u(2, j);
    if (scores(0, j) > scores(0, best)) best = j;
  }
  const Box z = zoom(box, points, scores, 0.2);
  CHECK(z.x.low >= box.x.low);
  CHECK(z.x.high <= box.x.high);
  CHECK(z.y.low >= box.y.low);
  CHECK(z.y.high <= box.y.high);
  CHECK(z.x.low < points(0, best));
  CHECK(points(0, best) < z.x.high);
  CHECK(z.y.low < points(1, best));
  CHECK(points(1, best) < z.y.high);
}

TEST_CASE("zoom checks its box, shapes, share and scores", "[course2.zoom_box]") {
  const Trials t = ten_trials();
  CHECK_THROWS_WITH(zoom(kBox, t.points, t.scores, 0.0),
                    Catch::Contains("zoom: keep is 0.0 but the share of trials kept"));
  CHECK_THROWS_AS(zoom(kBox, t.points, t.scores, 1.5), std::invalid_argument);
  CHECK_THROWS_WITH(zoom(kBox, t.points, t.scores.cols_range(0, 9), 0.3),
                    Catch::Contains("scores is (1, 9)"));
  CHECK_THROWS_WITH(zoom(kBox, Matrix(3, 10, 0.5), t.scores, 0.3),
                    Catch::Contains("points is (3, 10) but must be (2, n)"));
  Matrix nan_scores = t.scores;
  nan_scores(0, 4) = std::nan("");
  CHECK_THROWS_WITH(zoom(kBox, t.points, nan_scores, 0.3),
                    Catch::Contains("the score of trial 4 is nan"));
  Matrix negative = t.points;
  negative(0, 2) = -1e-3;
  CHECK_THROWS_WITH(zoom(kBox, negative, t.scores, 0.3),
                    Catch::Contains("trial 2 has x = -0.001 but a log axis takes values above 0"));
  const Box zero_log{{0.0, 1.0, true}, {0.0, 10.0, false}};
  CHECK_THROWS_WITH(zoom(zero_log, t.points, t.scores, 0.3),
                    Catch::Contains("the box's x range [0.0, 1.0] includes 0"));
  const Box reversed{{1e-4, 1.0, true}, {10.0, 0.0, false}};
  CHECK_THROWS_WITH(zoom(reversed, t.points, t.scores, 0.3),
                    Catch::Contains("the box's y range [10.0, 0.0] is empty or reversed"));
}

// ---- given code: grids and random points -------------------------------------------------------

TEST_CASE("grid_points: k values per axis on each axis's scale, ends included", "[given]") {
  const Box box{{1e-4, 1e-1, true}, {0.0, 1.0, false}};
  const Matrix g = grid_points(box, 4);
  REQUIRE(g.shape() == dlc::Shape{2, 16});
  const double xs[] = {1e-4, 1e-3, 1e-2, 1e-1};  // np.logspace(-4, -1, 4)
  const double ys[] = {0.0, 1.0 / 3, 2.0 / 3, 1.0};
  for (std::size_t i = 0; i < 4; ++i) {
    for (std::size_t j = 0; j < 4; ++j) {
      INFO("column " << i * 4 + j);
      CHECK(near(g(0, i * 4 + j), xs[i], 1e-14));
      CHECK(near(g(1, i * 4 + j), ys[j], 1e-15));
    }
  }
  // A 5 x 5 grid tries 5 values of each hyperparameter.
  const Matrix g5 = grid_points(box, 5);
  CHECK(g5.cols() == 25);
  CHECK(near(g5(0, 5), std::pow(10.0, -3.25), 1e-14));
  CHECK_THROWS_WITH(grid_points(box, 1), Catch::Contains("per_axis is 1"));
  const Box bad{{0.0, 1e-1, true}, {0.0, 1.0, false}};
  CHECK_THROWS_WITH(grid_points(bad, 5),
                    Catch::Contains("grid_points: the box's x range [0.0, 0.1] includes 0"));
}

TEST_CASE("random_points: RandomState(seed).rand(2, count), each row on its axis's scale",
          "[given]") {
  const Box box{{1e-4, 1e-1, true}, {2.0, 5.0, false}};
  const Matrix p = random_points(box, 5, 1);
  // numpy: np.random.seed(1); u = np.random.rand(2, 5);
  // 10 ** (np.log10(0.1) + (np.log10(1e-4) - np.log10(0.1)) * u[0]); 2 + 3 * u[1]
  const Matrix expected{{0.005609627014818208, 0.0006902819537958846, 0.09992102387773923,
                         0.012388030961011473, 0.03628543446991494},
                        {2.2770157843063936, 2.558780634133013, 3.036682181129143, 3.19030242269201,
                         3.616450202010071}};
  CHECK_THAT(p, IsClose(expected, 1e-14, "x on a log scale, y linear"));
  CHECK_THROWS_WITH(random_points(box, 0, 1), Catch::Contains("count is 0"));
}
