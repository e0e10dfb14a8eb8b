// Tests of lectures C2 3.4, 3.5 and 3.7: batch norm forward against numpy, backward against
// numerical gradients (through batch norm alone and through a small network), the running
// averages against the exponentially weighted average written out, and test time against
// training.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <limits>
#include <stdexcept>
#include <vector>

#include "common/gradient_check.hpp"
#include "common/random.hpp"
#include "course2/batch_norm.hpp"
#include "course2/initialization.hpp"
#include "tests/support/compare.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::course2::batch_norm;

namespace {

/// Four units, six examples. Row 2 has a tiny variance (1.39e-4, close to epsilon), so that
/// sqrt(sigma^2 + eps) and sqrt(sigma^2) + eps differ by 5 % there; row 3 has a mean of 1 and a
/// variance of 10, so that a mean or variance over the wrong axis, or divided by m - 1, shows.
Matrix four_units() {
  return Matrix{{1.0, -2.0, 0.5, 3.0, -1.5, 2.0},
                {0.3, 0.1, -0.4, 0.8, 0.2, -0.6},
                {5.00, 5.01, 4.99, 5.02, 4.985, 5.005},
                {-3.0, 4.0, 1.0, -2.0, 0.0, 6.0}};
}
const Matrix kGamma{{1.5}, {0.5}, {2.0}, {-0.8}};
const Matrix kBeta{{0.2}, {-1.0}, {0.3}, {0.7}};

/// Row sums of a matrix, written out (not with the exercise's sum).
Matrix row_means(const Matrix& a) {
  Matrix out(a.rows(), 1);
  for (std::size_t i = 0; i < a.rows(); ++i) {
    for (std::size_t j = 0; j < a.cols(); ++j) out(i, 0) += a(i, j);
    out(i, 0) /= static_cast<double>(a.cols());
  }
  return out;
}

}  // namespace

TEST_CASE("batchnorm_forward: mu, sigma^2, z_norm and z~ as numpy computes them",
          "[course2.batchnorm_forward]") {
  const Matrix Z = four_units();
  const BatchNormForward out = batchnorm_forward(Z, kGamma, kBeta);
  // numpy: mu = Z.mean(axis=1, keepdims=True), var = Z.var(axis=1, keepdims=True),
  // Z_norm = (Z - mu) / np.sqrt(var + 1e-5), Z_tilde = gamma * Z_norm + beta
  const Matrix mu{{0.5}, {0.06666666666666667}, {5.001666666666666}, {1.0}};
  const Matrix var{{3.1666666666666665}, {0.21222222222222223}, {0.00013888888888888298}, {10.0}};
  const Matrix Z_norm{{0.2809752998296482, -1.404876499148241, 0.0, 1.404876499148241,
                       -1.1239011993185928, 0.8429258994889446},
                      {0.5064902908279408, 0.07235575583256298, -1.0129805816558817,
                       1.5918266283163856, 0.28942302333025194, -1.4471151166512595},
                      {-0.13658959117698954, 0.6829479558852388, -0.9561271382392179,
                       1.502485502947467, -1.365895911770332, 0.27317918235412464},
                      {-1.264910431612294, 0.9486828237092206, 0.0, -0.9486828237092206,
                       -0.3162276079030735, 1.5811380395153676}};
  const Matrix Z_tilde{{0.6214629497444724, -1.9073147487223616, 0.2, 2.3073147487223618,
                        -1.4858517989778892, 1.4643888492334167},
                       {-0.7467548545860296, -0.9638221220837185, -1.5064902908279407,
                        -0.20408668584180722, -0.855288488334874, -1.7235575583256297},
                       {0.0268208176460209, 1.6658959117704777, -1.6122542764784358,
                        3.304971005894934, -2.431791823540664, 0.8463583647082493},
                       {1.7119283452898353, -0.0589462589673766, 0.7, 1.4589462589673765,
                        0.9529820863224587, -0.5649104316122942}};
  CHECK_THAT(out.cache.mu, IsClose(mu, 1e-12, "mu = 1/m sum_i z(i), one per row"));
  CHECK_THAT(out.cache.var, IsClose(var, 1e-9, "sigma^2 = 1/m sum_i (z(i) - mu)^2 (over m)"));
  CHECK_THAT(out.cache.Z_norm, IsClose(Z_norm, 1e-9, "z_norm = (z - mu) / sqrt(sigma^2 + eps)"));
  CHECK_THAT(out.Z_tilde, IsClose(Z_tilde, 1e-9, "z~ = gamma z_norm + beta"));
  // The cache keeps what backward needs.
  CHECK_THAT(out.cache.Z, IsClose(Z, 0.0, "cache.Z"));
  CHECK_THAT(out.cache.gamma, IsClose(kGamma, 0.0, "cache.gamma"));
  CHECK(out.cache.epsilon == kEpsilon);
}

TEST_CASE("batchnorm_forward: each row of z_norm has mean 0 and variance sigma^2/(sigma^2+eps)",
          "[course2.batchnorm_forward]") {
  dlc::RandomState rng(3);
  // Rows of different means and spreads (3 + 2 randn, and so on), so that no row is a copy of
  // another's statistics.
  Matrix Z = rng.randn(5, 7);
  for (std::size_t i = 0; i < 5; ++i)
    for (std::size_t j = 0; j < 7; ++j) Z(i, j) = (i + 1.0) * Z(i, j) + 2.0 * i - 3.0;
  const double epsilon = 0.01;  // large, so that sigma^2 / (sigma^2 + eps) is not 1
  const BatchNormForward out = batchnorm_forward(Z, Matrix(5, 1, 1.0), Matrix(5, 1, 0.0), epsilon);
  const Matrix mean_of_rows = row_means(out.cache.Z_norm);
  const Matrix var_of_rows = row_means(dlc::square(out.cache.Z_norm));
  const Matrix& var = out.cache.var;
  CHECK_THAT(mean_of_rows, IsClose(Matrix(5, 1, 0.0), 1e-12, "mean of each row of z_norm = 0"));
  CHECK_THAT(var_of_rows, IsClose(var / (var + epsilon), 1e-12,
                                  "1/m sum_i z_norm(i)^2 = sigma^2 / (sigma^2 + eps)"));
  // sigma^2 is the biased variance of the row: the mean of the squares minus the mean squared.
  const Matrix mu = row_means(Z);
  CHECK_THAT(var, IsClose(row_means(dlc::square(Z)) - dlc::square(mu), 1e-10,
                          "sigma^2 = 1/m sum z^2 - mu^2"));
  // gamma 1 and beta 0 leave z_norm as it is.
  CHECK_THAT(out.Z_tilde, IsClose(out.cache.Z_norm, 1e-15, "z~ = 1 z_norm + 0"));
}

TEST_CASE("batchnorm_forward: gamma sets each row's spread and beta its mean",
          "[course2.batchnorm_forward]") {
  const Matrix Z = four_units();
  const BatchNormForward plain = batchnorm_forward(Z, Matrix(4, 1, 1.0), Matrix(4, 1, 0.0));
  const BatchNormForward out = batchnorm_forward(Z, kGamma, kBeta);
  CHECK_THAT(row_means(out.Z_tilde), IsClose(kBeta, 1e-12, "mean of each row of z~ = beta"));
  for (std::size_t i = 0; i < 4; ++i) {
    for (std::size_t j = 0; j < 6; ++j) {
      INFO("unit " << i << ", example " << j << ": z~ = gamma z_norm + beta");
      CHECK(out.Z_tilde(i, j) ==
            Approx(kGamma(i, 0) * plain.Z_tilde(i, j) + kBeta(i, 0)).epsilon(1e-12).margin(1e-14));
    }
  }
  // gamma = sqrt(sigma^2 + eps) and beta = mu undo the normalization (lecture C2 3.4): z~ = z.
  const Matrix& mu = plain.cache.mu;
  const Matrix& var = plain.cache.var;
  const BatchNormForward identity = batchnorm_forward(Z, dlc::sqrt(var + kEpsilon), mu);
  CHECK_THAT(identity.Z_tilde, IsClose(Z, 1e-12, "gamma = sqrt(sigma^2 + eps), beta = mu: z~ = z"));
}

TEST_CASE("batchnorm_forward: rejects a bad epsilon, a mini-batch of one, and bad shapes",
          "[course2.batchnorm_forward]") {
  const Matrix Z = four_units();
  for (double epsilon : {0.0, -1e-5, std::numeric_limits<double>::infinity(),
                         std::numeric_limits<double>::quiet_NaN()}) {
    INFO("epsilon = " << epsilon);
    CHECK_THROWS_AS(batchnorm_forward(Z, kGamma, kBeta, epsilon), std::invalid_argument);
    CHECK_THROWS_WITH(
        batchnorm_forward(Z, kGamma, kBeta, epsilon),
        Catch::Contains("batchnorm_forward: epsilon is") && Catch::Contains("must be positive"));
  }
  CHECK_THROWS_AS(batchnorm_forward(Z.cols_range(2, 3), kGamma, kBeta), std::invalid_argument);
  CHECK_THROWS_WITH(batchnorm_forward(Z.cols_range(2, 3), kGamma, kBeta),
                    Catch::Contains("(4, 1)") && Catch::Contains("one example has variance 0") &&
                        Catch::Contains("cannot normalize"));
  CHECK_THROWS_AS(batchnorm_forward(Z, Matrix(4, 2, 1.0), kBeta), dlc::ShapeError);
  CHECK_THROWS_WITH(
      batchnorm_forward(Z, kGamma, Matrix(3, 1)),
      Catch::Contains("gamma is (4, 1) and beta is (3, 1)") && Catch::Contains("must be (4, 1)"));
}

namespace {

/// A cost of z~ with a different weight on every entry: J = 1/m sum_ij C_ij z~_ij. Its
/// gradient per example (the lecture's dZ, m times dJ/dZ) with respect to z~ is C.
double weighted_cost(const Matrix& Z_tilde, const Matrix& C) {
  double J = 0.0;
  for (std::size_t i = 0; i < C.rows(); ++i)
    for (std::size_t j = 0; j < C.cols(); ++j) J += C(i, j) * Z_tilde(i, j);
  return J / static_cast<double>(C.cols());
}

}  // namespace

TEST_CASE("batchnorm_backward: dZ, dgamma and dbeta against centred differences of a cost",
          "[course2.batchnorm_backward]") {
  dlc::RandomState rng(7);
  const Matrix Z = dlc::RandomState(11).randn(4, 6) * 2.0 + 1.0;
  const Matrix gamma = rng.randn(4, 1);
  const Matrix beta = rng.randn(4, 1);
  const Matrix C = rng.randn(4, 6);
  const double epsilon = 0.05;  // large enough to show in every term
  const double m = 6.0;
  const BatchNormForward out = batchnorm_forward(Z, gamma, beta, epsilon);
  const BatchNormGradients grads = batchnorm_backward(C, out.cache);

  const auto J_of_Z = [&](const Matrix& z) {
    return weighted_cost(batchnorm_forward(z, gamma, beta, epsilon).Z_tilde, C);
  };
  const auto J_of_gamma = [&](const Matrix& g) {
    return weighted_cost(batchnorm_forward(Z, g, beta, epsilon).Z_tilde, C);
  };
  const auto J_of_beta = [&](const Matrix& b) {
    return weighted_cost(batchnorm_forward(Z, gamma, b, epsilon).Z_tilde, C);
  };
  // dZ is per example, as dZ = A - Y: m times dJ/dZ. dgamma and dbeta carry their 1/m.
  const Matrix dZ_numerical = m * dlc::numerical_gradient(J_of_Z, Z, 1e-6);
  const Matrix dgamma_numerical = dlc::numerical_gradient(J_of_gamma, gamma, 1e-6);
  const Matrix dbeta_numerical = dlc::numerical_gradient(J_of_beta, beta, 1e-6);
  CHECK_THAT(grads.dZ, IsClose(dZ_numerical, 1e-7,
                               "dz = dz_norm / sqrt(sigma^2 + eps) + dsigma^2 2 (z - mu) / m "
                               "+ dmu / m"));
  CHECK_THAT(grads.dgamma, IsClose(dgamma_numerical, 1e-7, "dgamma = 1/m sum_i dz~ z_norm"));
  CHECK_THAT(grads.dbeta, IsClose(dbeta_numerical, 1e-7, "dbeta = 1/m sum_i dz~"));
  CHECK(dlc::relative_difference(grads.dZ, dZ_numerical) < 1e-7);
}

TEST_CASE("batchnorm_backward: the rows of dZ sum to 0 and are orthogonal to z_norm's",
          "[course2.batchnorm_backward]") {
  // z_norm does not change when the same number is added to a row of z (the mean absorbs it)
  // nor when a row is scaled (the spread absorbs it, up to eps): dZ is orthogonal to both.
  dlc::RandomState rng(2);
  const Matrix Z = rng.randn(5, 8) * 3.0;
  const BatchNormForward out = batchnorm_forward(Z, rng.randn(5, 1), rng.randn(5, 1));
  const Matrix dZ_tilde = rng.randn(5, 8);
  const BatchNormGradients grads = batchnorm_backward(dZ_tilde, out.cache);
  CHECK_THAT(row_means(grads.dZ), IsClose(Matrix(5, 1, 0.0), 1e-12, "sum_i dz(i) = 0"));
  // With eps small next to sigma^2, z scaled by (1 + t) leaves z_norm almost as it was.
  CHECK_THAT(row_means(grads.dZ * Z), IsClose(Matrix(5, 1, 0.0), 1e-4, "sum_i dz(i) z(i) ~ 0"));
  CHECK(grads.dgamma.rows() == 5);
  CHECK(grads.dgamma.cols() == 1);
  CHECK(grads.dbeta.rows() == 5);
  CHECK(grads.dbeta.cols() == 1);
  CHECK_THROWS_AS(batchnorm_backward(Matrix(5, 7), out.cache), dlc::ShapeError);
  CHECK_THROWS_WITH(batchnorm_backward(Matrix(8, 5), out.cache),
                    Catch::Contains("dZ_tilde is (8, 5)") && Catch::Contains("(5, 8)"));
}

namespace {

/// X -> Z1 = W1 X -> batch norm (gamma1, beta1) -> A1 = relu -> Z2 = W2 A1 + b2 -> A2 = sigmoid
/// -> the cross-entropy cost. Layer 1 has no b1: batch norm's mean removes it (C2 3.5).
struct Network {
  Matrix W1, gamma1, beta1, W2, b2;
};
struct NetworkGradients {
  Matrix dW1, dgamma1, dbeta1, dW2, db2;
};

double network_cost(const Network& p, const Matrix& X, const Matrix& Y) {
  const Matrix Z1 = dlc::dot(p.W1, X);
  const Matrix A1 = dlc::course2::relu(batchnorm_forward(Z1, p.gamma1, p.beta1).Z_tilde);
  const Matrix A2 = dlc::course2::sigmoid(dlc::dot(p.W2, A1) + p.b2);
  const double m = static_cast<double>(X.cols());
  return -dlc::sum(Y * dlc::log(A2) + (1.0 - Y) * dlc::log(1.0 - A2)) / m;
}

NetworkGradients network_backward(const Network& p, const Matrix& X, const Matrix& Y) {
  const double m = static_cast<double>(X.cols());
  const Matrix Z1 = dlc::dot(p.W1, X);
  const BatchNormForward bn = batchnorm_forward(Z1, p.gamma1, p.beta1);
  const Matrix A1 = dlc::course2::relu(bn.Z_tilde);
  const Matrix A2 = dlc::course2::sigmoid(dlc::dot(p.W2, A1) + p.b2);
  NetworkGradients g;
  const Matrix dZ2 = A2 - Y;                                     // per example
  g.dW2 = (1.0 / m) * dlc::dot(dZ2, A1.T());                     // dW2 = 1/m dZ2 A1^T
  g.db2 = (1.0 / m) * dlc::sum(dZ2, 1);                          // db2 = 1/m sum dZ2
  const Matrix dA1 = dlc::dot(p.W2.T(), dZ2);                    // dA1 = W2^T dZ2
  const Matrix dZ1_tilde = dA1 * dlc::greater(bn.Z_tilde, 0.0);  // relu'(z~)
  const BatchNormGradients bn_grads = batchnorm_backward(dZ1_tilde, bn.cache);
  g.dgamma1 = bn_grads.dgamma;
  g.dbeta1 = bn_grads.dbeta;
  g.dW1 = (1.0 / m) * dlc::dot(bn_grads.dZ, X.T());  // dW1 = 1/m dZ1 X^T
  return g;
}

}  // namespace

TEST_CASE("batchnorm_backward: a network with batch norm, against centred differences",
          "[course2.batchnorm_backward]") {
  dlc::RandomState rng(4);
  const Matrix X = rng.randn(3, 8);
  const Matrix Y{{1, 0, 0, 1, 1, 0, 1, 0}};
  Network p{rng.randn(4, 3), rng.randn(4, 1) + 1.0, rng.randn(4, 1) * 0.5, rng.randn(1, 4),
            rng.randn(1, 1)};
  const NetworkGradients g = network_backward(p, X, Y);
  const auto numerical = [&](Matrix Network::*member) {
    return dlc::numerical_gradient(
        [&](const Matrix& theta) {
          Network q = p;
          q.*member = theta;
          return network_cost(q, X, Y);
        },
        p.*member, 1e-6);
  };
  const double tol = 1e-7;
  CHECK_THAT(g.dW2, IsClose(numerical(&Network::W2), tol, "dW2 = 1/m dZ2 A1^T"));
  CHECK_THAT(g.db2, IsClose(numerical(&Network::b2), tol, "db2 = 1/m sum dZ2"));
  CHECK_THAT(g.dgamma1, IsClose(numerical(&Network::gamma1), tol, "dgamma1 = 1/m sum dz~ z_norm"));
  CHECK_THAT(g.dbeta1, IsClose(numerical(&Network::beta1), tol, "dbeta1 = 1/m sum dz~"));
  CHECK_THAT(g.dW1, IsClose(numerical(&Network::W1), tol,
                            "dW1 = 1/m dZ1 X^T, dZ1 from batchnorm_backward"));
}

TEST_CASE("update_running_averages: the exponentially weighted average of mu and sigma^2",
          "[course2.update_running_averages]") {
  const RunningAverages start = initialize_running_averages(3);
  CHECK_THAT(start.mu, IsClose(Matrix(3, 1, 0.0), 0.0, "mu_run starts at 0"));
  CHECK_THAT(start.var, IsClose(Matrix(3, 1, 1.0), 0.0, "sigma^2_run starts at 1"));

  const std::vector<Matrix> mus{Matrix{{1.0}, {-2.0}, {0.5}}, Matrix{{3.0}, {0.0}, {-1.0}},
                                Matrix{{2.0}, {4.0}, {0.25}}};
  const std::vector<Matrix> vars{Matrix{{0.5}, {2.0}, {1.5}}, Matrix{{4.0}, {0.1}, {3.0}},
                                 Matrix{{1.0}, {1.0}, {0.2}}};
  RunningAverages running = start;
  for (std::size_t t = 0; t < 3; ++t) running = update_running_averages(running, mus[t], vars[t]);
  // Three steps with beta = 0.9, written out:
  // v3 = 0.9^3 v0 + 0.1 (0.9^2 x1 + 0.9 x2 + x3)
  for (std::size_t i = 0; i < 3; ++i) {
    const double mu3 = 0.1 * (0.81 * mus[0](i, 0) + 0.9 * mus[1](i, 0) + mus[2](i, 0));
    const double var3 =
        0.729 * 1.0 + 0.1 * (0.81 * vars[0](i, 0) + 0.9 * vars[1](i, 0) + vars[2](i, 0));
    INFO("unit " << i << ": mu_run = beta mu_run + (1 - beta) mu, three times from 0 and 1");
    CHECK(running.mu(i, 0) == Approx(mu3).epsilon(1e-12).margin(1e-14));
    CHECK(running.var(i, 0) == Approx(var3).epsilon(1e-12).margin(1e-14));
  }
  // Another momentum: one step of 0.5 is the midpoint.
  const RunningAverages half = update_running_averages(start, mus[0], vars[0], 0.5);
  CHECK_THAT(half.mu, IsClose(0.5 * mus[0], 1e-15, "0.5 * 0 + 0.5 mu"));
  CHECK_THAT(half.var, IsClose(0.5 + 0.5 * vars[0], 1e-15, "0.5 * 1 + 0.5 sigma^2"));
  // momentum 0 forgets the past.
  const RunningAverages last = update_running_averages(running, mus[1], vars[1], 0.0);
  CHECK_THAT(last.mu, IsClose(mus[1], 1e-15, "momentum 0: mu_run = mu"));
  CHECK_THAT(last.var, IsClose(vars[1], 1e-15, "momentum 0: sigma^2_run = sigma^2"));
}

TEST_CASE("update_running_averages: rejects a momentum outside [0, 1) and shapes that differ",
          "[course2.update_running_averages]") {
  const RunningAverages start = initialize_running_averages(3);
  const Matrix mu(3, 1, 1.0), var(3, 1, 2.0);
  for (double momentum : {-0.1, 1.0, 1.5, std::numeric_limits<double>::quiet_NaN()}) {
    INFO("momentum = " << momentum);
    CHECK_THROWS_AS(update_running_averages(start, mu, var, momentum), std::invalid_argument);
    CHECK_THROWS_WITH(update_running_averages(start, mu, var, momentum),
                      Catch::Contains("momentum is") && Catch::Contains("[0, 1)"));
  }
  CHECK_THROWS_AS(update_running_averages(start, Matrix(4, 1), var), dlc::ShapeError);
  CHECK_THROWS_AS(update_running_averages(start, mu, Matrix(3, 2)), dlc::ShapeError);
}

TEST_CASE("batchnorm_at_test_time: normalizes with the running averages, as numpy computes it",
          "[course2.batchnorm_at_test_time]") {
  const Matrix Z = four_units();
  const RunningAverages running{Matrix{{0.4}, {0.1}, {5.0}, {0.5}},
                                Matrix{{2.5}, {0.3}, {0.0001}, {8.0}}};
  // numpy: gamma * (Z - mu_run) / np.sqrt(var_run + 1e-5) + beta
  const Matrix expected{{0.7692088404137658, -2.076835361655063, 0.29486814006896095,
                         2.6665716417929857, -1.6024946613102584, 1.7178902411033758},
                        {-0.8174288569919714, -1.0, -1.4564278575200715, -0.3610009994718999,
                         -0.9087144284959857, -1.6389990005281},
                        {0.3, 2.206925178491144, -1.606925178491144, 4.113850356982288,
                         -2.5603877677367164, 1.253462589245572},
                        {1.6899488749433131, -0.28994887494331323, 0.5585787321509552,
                         1.4071063392452237, 0.8414212678490447, -0.8556339463394922}};
  const Matrix Z_tilde = batchnorm_at_test_time(Z, kGamma, kBeta, running);
  CHECK_THAT(Z_tilde,
             IsClose(expected, 1e-9, "z~ = gamma (z - mu_run) / sqrt(sigma^2_run + eps) + beta"));
}

TEST_CASE("batchnorm_at_test_time: one example alone is predicted as inside a batch",
          "[course2.batchnorm_at_test_time]") {
  dlc::RandomState rng(9);
  const Matrix Z = rng.randn(4, 6) * 2.0;
  const RunningAverages running{rng.randn(4, 1), dlc::square(rng.randn(4, 1)) + 0.1};
  const Matrix batch = batchnorm_at_test_time(Z, kGamma, kBeta, running);
  for (std::size_t j = 0; j < 6; ++j) {
    INFO("example " << j << " alone (m = 1) and in the batch of 6");
    const Matrix alone = batchnorm_at_test_time(Z.cols_range(j, j + 1), kGamma, kBeta, running);
    CHECK_THAT(alone, IsClose(batch.cols_range(j, j + 1), 1e-15, "each example on its own"));
  }
}

TEST_CASE("batchnorm_at_test_time: with a batch's own mu and sigma^2 it is batchnorm_forward",
          "[course2.batchnorm_at_test_time]") {
  const Matrix Z = four_units();
  // The batch's own statistics, computed here from their definitions.
  const Matrix mu = row_means(Z);
  const Matrix var = row_means(dlc::square(Z - mu));
  const RunningAverages own{mu, var};
  const Matrix Z_tilde = batchnorm_at_test_time(Z, kGamma, kBeta, own, 0.001);
  const Matrix expected = kGamma * (Z - mu) / dlc::sqrt(var + 0.001) + kBeta;
  CHECK_THAT(Z_tilde, IsClose(expected, 1e-12, "z~ = gamma (z - mu) / sqrt(sigma^2 + eps) + beta"));
  CHECK_THAT(Z_tilde, IsClose(batchnorm_forward(Z, kGamma, kBeta, 0.001).Z_tilde, 1e-12,
                              "the running averages equal to the batch's: training's z~"));
}

TEST_CASE("batchnorm_at_test_time: rejects a bad epsilon and shapes that do not fit",
          "[course2.batchnorm_at_test_time]") {
  const Matrix Z = four_units();
  const RunningAverages running = initialize_running_averages(4);
  for (double epsilon : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN()}) {
    INFO("epsilon = " << epsilon);
    CHECK_THROWS_WITH(batchnorm_at_test_time(Z, kGamma, kBeta, running, epsilon),
                      Catch::Contains("batchnorm_at_test_time: epsilon is"));
  }
  CHECK_THROWS_AS(batchnorm_at_test_time(Z, kGamma, kBeta, initialize_running_averages(3)),
                  dlc::ShapeError);
  CHECK_THROWS_AS(batchnorm_at_test_time(Z, Matrix(3, 1), kBeta, running), dlc::ShapeError);
}
