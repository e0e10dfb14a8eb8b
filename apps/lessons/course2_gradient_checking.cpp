/// \file
/// \brief `dlc run course2.gradient_checking`: the two-sided difference (C2 1.12), the
/// notebook's gradient checks in one dimension and on the week's network (C2 1.13), and where
/// the planted mistakes are (C2 1.14).

#include <cmath>
#include <cstddef>
#include <iostream>
#include <string>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/gradient_check.hpp"
#include "common/matrix.hpp"
#include "common/training.hpp"
#include "course2/gradient_checking.hpp"

namespace dlc::runner {

namespace {

namespace gc = course2::gradient_checking;

/// The entries `[begin, end)` of a column.
Matrix rows_of(const Matrix& column, std::size_t begin, std::size_t end) {
  Matrix part(end - begin, 1);
  for (std::size_t k = begin; k < end; ++k) part(k - begin, 0) = column(k, 0);
  return part;
}

/// C2 1.14: the relative difference of each parameter's block of entries, from the two-sided
/// differences of common/gradient_check.hpp, so that a failed check says where to look.
void print_by_parameter(const gc::TestCase& t, const course2::Gradients& gradients,
                        double epsilon) {
  const auto [theta, keys] = gc::dictionary_to_vector(t.parameters);
  const course2::LayerDims dims = gc::layers_dims_of(t.parameters);
  const auto J = [&](const Matrix& values) {
    return gc::forward_propagation_n(t.X, t.Y, gc::vector_to_dictionary(values, dims)).cost;
  };
  const Matrix grad = gc::gradients_to_vector(gradients);
  const Matrix gradapprox = numerical_gradient(J, theta, epsilon);
  std::cout << "  each parameter's own difference:";
  for (std::size_t begin = 0; begin < keys.size();) {
    std::size_t end = begin;
    while (end < keys.size() && keys[end] == keys[begin]) ++end;
    const double d =
        relative_difference(rows_of(grad, begin, end), rows_of(gradapprox, begin, end));
    std::cout << "  " << keys[begin] << " " << short_number(d);
    begin = end;
  }
  std::cout << '\n';
}

/// `dlc run course2.gradient_checking`.
int gradient_checking(const cli::Arguments& args, const RunContext&) {
  const double x = args.real("--x");
  const double theta = args.real("--theta");
  const double epsilon = args.real("--epsilon");

  // C2 1.12: the lecture's J = theta^3 at theta = 1 with epsilon = 0.01.
  const auto cube = [](double t) { return t * t * t; };
  const double two_sided = (cube(1.01) - cube(0.99)) / (2 * 0.01);
  const double one_sided = (cube(1.01) - cube(1.0)) / 0.01;
  std::cout << "C2 1.12, the two-sided difference: J(theta) = theta^3 at theta = 1, epsilon = "
               "0.01, whose slope is 3\n"
            << "  (J(theta + eps) - J(theta - eps)) / 2 eps = " << fixed(two_sided, 6)
            << "  (error " << fixed(two_sided - 3.0, 6) << ", like eps^2)\n"
            << "  (J(theta + eps) - J(theta)) / eps         = " << fixed(one_sided, 6)
            << "  (error " << fixed(one_sided - 3.0, 6) << ", like eps)\n\n"
            << std::flush;

  std::cout << "C2 1.13, gradient checking in one dimension: J(theta) = theta x, x = " << plain(x)
            << ", theta = " << plain(theta) << ", epsilon = " << python_repr(epsilon) << "\n"
            << "gradient_check(x, theta):\n"
            << std::flush;
  gc::gradient_check(x, theta, epsilon);

  const gc::TestCase t = gc::gradient_check_n_test_case();
  const auto [cost, cache] = gc::forward_propagation_n(t.X, t.Y, t.parameters);
  const std::size_t n = gc::dictionary_to_vector(t.parameters).theta.rows();
  std::cout << "\nC2 1.13, gradient checking of the week's network [4, 5, 3, 1], " << n
            << " parameters,\non gradient_check_n_test_case() (m = 3 examples, cost "
            << python_repr(cost) << ")\n"
            << "backward_propagation_n as the notebook gives it:\n"
            << std::flush;
  const course2::Gradients planted = gc::backward_propagation_n(t.X, t.Y, cache);
  gc::gradient_check_n(t.parameters, planted, t.X, t.Y, epsilon);
  print_by_parameter(t, planted, epsilon);
  std::cout << "  (C2 1.14: look where it fails: dW2 and db1 are wrong, the notebook's planted\n"
               "  dW2 = 1/m dZ2 A1^T * 2 and db1 = 4/m sum(dZ1); the rest is rounding, near "
               "1e-7)\n"
            << "backward_propagation_n with them fixed:\n"
            << std::flush;
  const course2::Gradients fixed_gradients =
      gc::backward_propagation_n(t.X, t.Y, cache, gc::Bugs::kFixed);
  gc::gradient_check_n(t.parameters, fixed_gradients, t.X, t.Y, epsilon);
  return cli::kExitOk;
}

cli::ProgramSpec gradient_checking_spec() {
  cli::ProgramSpec p;
  p.name = "course2.gradient_checking";
  p.lecture = "C2 1.12-1.14";
  p.summary = "two-sided differences check backpropagation; the notebook's two planted mistakes";
  p.options = {
      cli::number_option("--x", cli::Kind::kReal, "X", "2", cli::Bound::kAny,
                         "x of the one-dimensional J(theta) = theta x"),
      cli::number_option("--theta", cli::Kind::kReal, "X", "4", cli::Bound::kAny,
                         "theta at which the one-dimensional check is made"),
      cli::number_option("--epsilon", cli::Kind::kReal, "X", "1e-07", cli::Bound::kPositive,
                         "the nudge epsilon of both checks"),
  };
  p.details = {
      "Shows the lecture's example of the two-sided difference (J = theta^3), then runs the "
      "notebook's checks: gradient_check on J(theta) = theta x (x = 2, theta = 4: difference "
      "2.919335883291695e-10), and gradient_check_n on the week's three-layer network with the "
      "notebook's backward_propagation_n, whose two planted mistakes give difference "
      "0.2850931567761623, then with them fixed (1.1890913024229996e-07). After each check of "
      "the network, the difference of each parameter alone shows where the mistakes are. The "
      "messages are coloured, as in the notebook, only on a terminal.",
  };
  return p;
}
DLC_PROGRAM(gradient_checking_spec, gradient_checking);

}  // namespace

}  // namespace dlc::runner
