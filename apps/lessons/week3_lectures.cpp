/// \file
/// \brief The small week-3 programs of `dlc run`, one per lecture that has no notebook of its
/// own: the forward pass by loops against the vectorized one (3.3-3.5), the activations and
/// their derivatives (3.6, 3.8), why a non-linearity (3.7) and why random initialization
/// (3.10).

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"
#include "common/random.hpp"
#include "common/toy_datasets.hpp"
#include "common/training.hpp"
#include "week3/activations.hpp"
#include "week3/initialization.hpp"
#include "week3/linear_network.hpp"
#include "week3/representation.hpp"

namespace dlc::runner {

namespace {

// The largest numbers of the small demos (they print whole matrices).
constexpr long kMaxSmall = 20;

using Clock = std::chrono::steady_clock;

double elapsed_ms(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

/// A column as a transposed row, `(-0.5, 0, 0)^T`, or a (1, 1) matrix as its number.
std::string column_text(const Matrix& c, int decimals = 6) {
  if (c.size() == 1) return fixed(c(0, 0), decimals);
  std::string text = "(";
  for (std::size_t i = 0; i < c.rows(); ++i) text += (i ? ", " : "") + fixed(c(i, 0), decimals);
  return text + ")^T";
}

/// A matrix as numpy prints it, every line after the first indented.
std::string matrix_text(const Matrix& a, const std::string& indent) {
  std::ostringstream os;
  os << a;
  std::string text, line;
  std::istringstream in(os.str());
  bool first = true;
  while (std::getline(in, line)) {
    text += (first ? "" : "\n" + indent) + line;
    first = false;
  }
  return text;
}

/// Stops the program when two results that should agree up to rounding do not.
void expect_rounding(double diff, double scale, const std::string& what, const std::string& who) {
  if (!(diff <= 1e-9 * std::max(scale, 1.0))) {
    std::cout << std::flush;
    throw std::runtime_error(what + " differ by " + short_number(diff) +
                             ", more than rounding explains; " + who + " is wrong");
  }
}

// ------------------------------------------------------------------------------------------
// 3.3-3.5

/// Checks the shapes of what forward_one_example returned.
void check_one(const week3::OneExampleForward& f, std::size_t n_h) {
  check_result("forward_one_example", "z1", f.z1, Shape{n_h, 1});
  check_result("forward_one_example", "a1", f.a1, Shape{n_h, 1});
  check_result("forward_one_example", "z2", f.z2, Shape{1, 1});
  check_result("forward_one_example", "a2", f.a2, Shape{1, 1});
}

/// Checks the shapes of what forward_vectorized returned.
void check_all(const week3::VectorizedForward& f, std::size_t n_h, std::size_t m) {
  check_result("forward_vectorized", "Z1", f.Z1, Shape{n_h, m});
  check_result("forward_vectorized", "A1", f.A1, Shape{n_h, m});
  check_result("forward_vectorized", "Z2", f.Z2, Shape{1, m});
  check_result("forward_vectorized", "A2", f.A2, Shape{1, m});
}

/// `dlc run week3.representation`: one example by loops, then all m at once, timed.
int representation(const cli::Arguments& args, const RunContext&) {
  const auto m = static_cast<std::size_t>(args.integer("--examples"));
  const auto n_h = static_cast<std::size_t>(args.integer("--hidden"));
  const int repeats = static_cast<int>(args.integer("--repeats"));
  const auto seed = cli::seed(args);

  // The example of week3/representation.hpp, worked out there by hand.
  const Matrix x{{1.0}, {2.0}};
  const Matrix W1{{0.5, -1.0}, {1.0, 0.25}, {0.0, 0.0}}, b1{{1.0}, {-1.5}, {0.0}};
  const Matrix W2{{1.0, 2.0, 3.0}}, b2{{-0.5}};
  std::cout << "The lesson's example (week3/representation.hpp): 2 inputs, 3 hidden units, 1 "
               "output.\n"
            << "  x  = " << column_text(x) << '\n'
            << "  W1 = " << matrix_text(W1, "       ") << '\n'
            << "  b1 = " << column_text(b1) << '\n'
            << "  W2 = " << matrix_text(W2, "       ") << '\n'
            << "  b2 = " << plain(b2(0, 0)) << "\n\n"
            << "forward_one_example, a loop over the units:\n"
            << std::flush;
  const week3::OneExampleForward one = week3::forward_one_example(x, W1, b1, W2, b2);
  check_one(one, 3);
  std::cout << "  z1 = W1 x + b1   = " << column_text(one.z1) << '\n'
            << "  a1 = tanh(z1)    = " << column_text(one.a1) << '\n'
            << "  z2 = W2 a1 + b2  = " << column_text(one.z2) << '\n'
            << "  a2 = sigmoid(z2) = " << column_text(one.a2) << "  (y_hat)\n"
            << std::flush;
  const week3::VectorizedForward all = week3::forward_vectorized(x, W1, b1, W2, b2);
  check_all(all, 3, 1);
  std::cout << "forward_vectorized on the same x, as a (2, 1) matrix X: A2 = "
            << column_text(all.A2) << "\n\n"
            << std::flush;

  // Random parameters and examples, drawn in this order from one generator.
  RandomState rng(seed);
  const Matrix rW1 = rng.randn(n_h, 2), rb1 = rng.randn(n_h, 1);
  const Matrix rW2 = rng.randn(1, n_h), rb2 = rng.randn(1, 1);
  const Matrix X = rng.randn(2, m);
  std::cout << "m = " << m << " random examples, n_x = 2, n_h = " << n_h
            << ", n_y = 1 (the parameters, then X, from\nRandomState(" << seed
            << ").randn); the fastest of " << repeats << (repeats == 1 ? " run" : " runs")
            << " of each version:\n"
            << std::flush;

  double loop_ms = 0.0, vectorized_ms = 0.0;
  week3::VectorizedForward looped{Matrix(n_h, m), Matrix(n_h, m), Matrix(1, m), Matrix(1, m)};
  week3::VectorizedForward vectorized;
  for (int r = 0; r < repeats; ++r) {
    auto start = Clock::now();
    for (std::size_t i = 0; i < m; ++i) {
      const week3::OneExampleForward f =
          week3::forward_one_example(X.cols_range(i, i + 1), rW1, rb1, rW2, rb2);
      if (i == 0) check_one(f, n_h);
      for (std::size_t j = 0; j < n_h; ++j) {
        looped.Z1(j, i) = f.z1(j, 0);
        looped.A1(j, i) = f.a1(j, 0);
      }
      looped.Z2(0, i) = f.z2(0, 0);
      looped.A2(0, i) = f.a2(0, 0);
    }
    const double t_loop = elapsed_ms(start);
    start = Clock::now();
    vectorized = week3::forward_vectorized(X, rW1, rb1, rW2, rb2);
    const double t_vectorized = elapsed_ms(start);
    check_all(vectorized, n_h, m);
    loop_ms = r == 0 ? t_loop : std::min(loop_ms, t_loop);
    vectorized_ms = r == 0 ? t_vectorized : std::min(vectorized_ms, t_vectorized);
  }
  std::cout << std::left << std::setw(66)
            << "  a loop over the examples, forward_one_example on each column:"
            << milliseconds(loop_ms) << " ms\n"
            << std::setw(66)
            << "  forward_vectorized, all the columns at once:" << milliseconds(vectorized_ms)
            << " ms\n"
            << std::right;
  if (loop_ms > 0.0 && vectorized_ms > 0.0) {
    std::ostringstream ratio;
    ratio << std::setprecision(3)
          << (loop_ms >= vectorized_ms ? loop_ms / vectorized_ms : vectorized_ms / loop_ms);
    std::cout << (loop_ms >= vectorized_ms
                      ? "  The loop took " + ratio.str() + " times as long.\n"
                      : "  Here the loop was " + ratio.str() + " times as fast.\n")
              << "  (In numpy the loop over the examples runs in the Python interpreter, which "
                 "makes it far\n  slower than one call; a compiled C++ loop does not pay that "
                 "price, and both versions spend\n  most of their time on the same n_h m values "
                 "of tanh.)\n";
  }
  const double diff =
      std::max({max_abs_diff(looped.Z1, vectorized.Z1), max_abs_diff(looped.A1, vectorized.A1),
                max_abs_diff(looped.Z2, vectorized.Z2), max_abs_diff(looped.A2, vectorized.A2)});
  expect_rounding(diff, max_abs_diff(looped.Z2, Matrix(1, m)), "the loop and the vectorized pass",
                  "forward_one_example or forward_vectorized");
  std::cout << "  Largest difference between the two, over Z1, A1, Z2 and A2: "
            << short_number(diff)
            << "\n  (rounding: the same sums, added up in a different order).\n";
  return cli::kExitOk;
}

cli::ProgramSpec representation_spec() {
  cli::ProgramSpec p;
  p.name = "week3.representation";
  p.lecture = "3.3-3.5";
  p.summary = "the forward pass for one example by loops, then for all m at once, timed";
  p.options = {
      cli::number_option("--examples", cli::Kind::kInteger, "N", "10000", cli::Bound::kPositive,
                         "m, the random examples of the timing (m n_h at most 4,000,000)",
                         1'000'000),
      cli::number_option("--hidden", cli::Kind::kInteger, "N", "4", cli::Bound::kPositive,
                         "hidden units n_h", cli::kMaxHiddenUnits),
      cli::number_option("--repeats", cli::Kind::kInteger, "N", "3", cli::Bound::kPositive,
                         "runs of each version; the fastest counts", 100),
      cli::seed_option("1", "seed of the RandomState drawing the parameters and the examples"),
  };
  p.details = {
      "First the lesson's example by hand: forward_one_example on x = (1, 2) prints z1, a1, z2 "
      "and a2 = 0.276455, and forward_vectorized on the same column agrees. Then m random "
      "examples (2 features, randn parameters): a loop calling forward_one_example on each "
      "column against one call of forward_vectorized, both timed, and the largest difference "
      "between their results (rounding, about 1e-16).",
  };
  p.validate = [](const cli::Arguments& args) {
    const long cells = args.integer("--examples") * args.integer("--hidden");
    if (cells > 4'000'000) {
      throw cli::UsageError("--examples " + std::to_string(args.integer("--examples")) +
                            " with --hidden " + std::to_string(args.integer("--hidden")) +
                            " makes Z1 and A1 of " + std::to_string(cells) +
                            " numbers each; m n_h may be at most 4000000");
    }
  };
  return p;
}
DLC_PROGRAM(representation_spec, representation);

// ------------------------------------------------------------------------------------------
// 3.6, 3.8

/// One activation: its name, the function, its derivative and how the derivative is written.
struct Activation {
  std::string name;                 ///< as the lecture names it
  std::string function;             ///< the C++ function computing g
  std::string derivative_function;  ///< the C++ function computing g'
  Matrix (*g)(const Matrix&);
  Matrix (*dg)(const Matrix&);
  std::string formula;     ///< g(z)
  std::string derivative;  ///< g'(z)
};

const std::vector<Activation>& activation_list() {
  static const std::vector<Activation> all = {
      {"sigmoid", "sigmoid", "sigmoid_derivative", week3::sigmoid, week3::sigmoid_derivative,
       "1 / (1 + e^-z)", "a (1 - a)"},
      {"tanh", "tanh_activation", "tanh_derivative", week3::tanh_activation, week3::tanh_derivative,
       "(e^z - e^-z) / (e^z + e^-z)", "1 - a^2"},
      {"ReLU", "relu", "relu_derivative", week3::relu, week3::relu_derivative, "max(0, z)",
       "0 if z <= 0, 1 if z > 0"},
      {"leaky ReLU", "leaky_relu", "leaky_relu_derivative", week3::leaky_relu,
       week3::leaky_relu_derivative, "max(0.01 z, z)", "0.01 if z <= 0, 1 if z > 0"},
  };
  return all;
}

/// g'(0), by the student's function.
double slope_at_zero(const Activation& a) {
  const Matrix d = a.dg(Matrix{{0.0}});
  check_result(a.derivative_function, "its result", d, Shape{1, 1});
  return d(0, 0);
}

/// `dlc run week3.activations`: a table of g(z) and g'(z), and their picture.
int activations(const cli::Arguments& args, const RunContext&) {
  const std::vector<double> zs = cli::parse_reals("--z", args.text("--z"), 1, 9);
  Pictures pictures(args);
  Matrix z(1, zs.size());
  for (std::size_t k = 0; k < zs.size(); ++k) z(0, k) = zs[k];

  std::cout << "The four activations of lecture 3.6 and their derivatives (3.8), where a = g(z):\n";
  for (const Activation& a : activation_list()) {
    std::cout << "  " << std::left << std::setw(11) << a.name << std::right
              << "g(z) = " << std::left << std::setw(29) << a.formula << std::right
              << "g'(z) = " << a.derivative << '\n';
  }
  std::cout << '\n' << std::setw(22) << "";
  for (double v : zs) std::cout << std::setw(12) << ("z = " + plain(v));
  std::cout << '\n' << std::flush;
  for (const Activation& a : activation_list()) {
    const Matrix g = a.g(z), dg = a.dg(z);
    check_result(a.function, "its result", g, z.shape());
    check_result(a.derivative_function, "its result", dg, z.shape());
    std::cout << std::left << std::setw(22) << (a.name + "(z)") << std::right;
    for (std::size_t k = 0; k < zs.size(); ++k) std::cout << std::setw(12) << fixed(g(0, k));
    std::cout << '\n' << std::left << std::setw(22) << (a.name + "'(z)") << std::right;
    for (std::size_t k = 0; k < zs.size(); ++k) std::cout << std::setw(12) << fixed(dg(0, k));
    std::cout << '\n' << std::flush;
  }
  const std::vector<Activation>& list = activation_list();
  std::cout << "\nThe slopes of sigmoid and tanh are largest at z = 0 (" +
                   fixed(slope_at_zero(list[0])) + " and " + fixed(slope_at_zero(list[1])) +
                   ") and fade to 0 as |z| grows:\nthere the units are saturated and learn "
                   "slowly. ReLU keeps the slope 1 for every z > 0.\n"
            << "At exactly z = 0 ReLU and leaky ReLU have no derivative (the slope is 0 or 0.01 "
               "on the left,\n1 on the right). This code takes the left slope: ReLU'(0) = "
            << fixed(slope_at_zero(list[2]))
            << ", as the course's\nrelu_backward does, and leaky ReLU'(0) = "
            << fixed(slope_at_zero(list[3])) << ".\n";

  if (pictures.enabled()) {
    // z from -4 to 4 in steps of 0.02, with z = 0 exactly among them.
    Matrix grid(1, 401);
    for (std::size_t k = 0; k < grid.cols(); ++k)
      grid(0, k) = (static_cast<double>(k) - 200.0) / 50.0;
    std::vector<plot::Chart> panels;
    for (const Activation& a : activation_list()) {
      const Matrix g = a.g(grid), dg = a.dg(grid);
      check_result(a.function, "its result", g, grid.shape());
      check_result(a.derivative_function, "its result", dg, grid.shape());
      plot::Chart c;
      c.axes.title = a.name + ": g(z) = " + a.formula;
      c.axes.xlabel = "z";
      c.axes.ylabel = "";
      c.zero_axes = true;
      plot::Curve value{"g(z)", {}, {}}, slope{"g'(z) = " + a.derivative, {}, {}};
      for (std::size_t k = 0; k < grid.cols(); ++k) {
        value.x.push_back(grid(0, k));
        value.y.push_back(g(0, k));
        slope.x.push_back(grid(0, k));
        slope.y.push_back(dg(0, k));
      }
      const double at_zero = slope_at_zero(a);
      c.lines = {value, slope};
      c.points = {plot::Curve{"g'(0) = " + fixed(at_zero), {0.0}, {at_zero}}};
      panels.push_back(c);
    }
    pictures.made(plot::charts(pictures.path("activations.png"), panels,
                               "Four activations g(z) and their slopes g'(z)", 2, pictures.style()),
                  "the four activations and their derivatives");
  }
  pictures.report();
  return cli::kExitOk;
}

cli::ProgramSpec activations_spec() {
  cli::ProgramSpec p;
  p.name = "week3.activations";
  p.lecture = "3.6, 3.8";
  p.summary = "sigmoid, tanh, ReLU and leaky ReLU and their derivatives";
  p.options = {
      cli::text_option("--z", "Z,Z,...", "-4,-2,0,2,4",
                       "the values of z in the table, 1 to 9 numbers"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "Prints a table of g(z) and g'(z) for the four activations at each z (at exactly 0 the "
      "ReLUs have no derivative: this code takes the left slope, ReLU'(0) = 0 and leaky "
      "ReLU'(0) = 0.01), then draws activations.png: one panel per activation, g and g' from "
      "z = -4 to 4.",
  };
  p.validate = [](const cli::Arguments& args) {
    cli::validate_plots(args);
    cli::parse_reals("--z", args.text("--z"), 1, 9);
  };
  return p;
}
DLC_PROGRAM(activations_spec, activations);

// ------------------------------------------------------------------------------------------
// 3.7

/// The largest gap of the test f(u) + f(v) = f(u + v) + f(0), which every linear layer passes.
template <typename F>
double affine_gap(const F& f, const Matrix& U, const Matrix& V) {
  const Matrix zero = Matrix::zeros(U.rows(), U.cols());
  return max_abs_diff(f(U) + f(V), f(U + V) + f(zero));
}

/// `dlc run week3.linear`: identity activations collapse two layers into one.
int linear(const cli::Arguments& args, const RunContext&) {
  const auto n_x = static_cast<std::size_t>(args.integer("--features"));
  const auto n_h = static_cast<std::size_t>(args.integer("--hidden"));
  const auto n_y = static_cast<std::size_t>(args.integer("--outputs"));
  const auto m = static_cast<std::size_t>(args.integer("--examples"));
  const auto seed = cli::seed(args);

  RandomState rng(seed);
  const Matrix W1 = rng.randn(n_h, n_x), b1 = rng.randn(n_h, 1);
  const Matrix W2 = rng.randn(n_y, n_h), b2 = rng.randn(n_y, 1);
  std::cout << "A two-layer network with n_x = " << n_x << ", n_h = " << n_h << ", n_y = " << n_y
            << " and the identity g(z) = z as the activation\nof both layers. Nothing is trained: "
               "the parameters are drawn with RandomState("
            << seed << ").randn.\n"
            << "W1 = " << matrix_text(W1, "     ") << "\nb1 = " << matrix_text(b1, "     ")
            << "\nW2 = " << matrix_text(W2, "     ") << "\nb2 = " << matrix_text(b2, "     ")
            << "\n\n"
            << std::flush;

  const week3::CollapsedLayer layer = week3::collapse_linear_network(W1, b1, W2, b2);
  std::cout << "collapse_linear_network: the one linear layer W' x + b' they amount to,\n"
            << "W' = W2 W1 = " << matrix_text(layer.W, "             ")
            << "\nb' = W2 b1 + b2 = " << matrix_text(layer.b, "                  ") << "\n\n"
            << std::flush;

  const Matrix X = rng.randn(n_x, m), V = rng.randn(n_x, m);
  const auto two_layers = [&](const Matrix& in) {
    return week3::linear_network_forward(in, W1, b1, W2, b2);
  };
  const auto one_layer = [&](const Matrix& in) { return dot(layer.W, in) + layer.b; };
  const auto with_tanh = [&](const Matrix& in) {
    return week3::tanh_network_forward(in, W1, b1, W2, b2);
  };
  const Matrix A2 = two_layers(X), collapsed = one_layer(X);
  if (A2.shape() != collapsed.shape()) {
    throw ShapeError("linear_network_forward returned " + to_string(A2.shape()) +
                     " but W' X + b' is " + to_string(collapsed.shape()));
  }
  const double scale = max_abs_diff(A2, Matrix::zeros(A2.rows(), A2.cols()));
  const double diff = max_abs_diff(A2, collapsed);
  expect_rounding(diff, scale, "the two layers and W' X + b'",
                  "linear_network_forward or collapse_linear_network");
  const double gap = affine_gap(two_layers, X, V);
  std::cout << "On m = " << m << " random inputs X (RandomState(" << seed
            << ").randn, drawn next):\n"
            << "  largest difference between linear_network_forward(X) and W' X + b': "
            << short_number(diff) << "\n    (rounding: the two layers are one linear layer)\n"
            << "  largest gap of the test f(u) + f(v) = f(u + v) + f(0): " << short_number(gap)
            << "\n    (rounding: it passes, as every linear layer does)\n\n"
            << std::flush;

  const Matrix T = with_tanh(X);
  std::cout << "The same parameters with tanh hidden units (tanh_network_forward):\n"
            << "  largest difference between the network and W' X + b': "
            << short_number(max_abs_diff(T, collapsed))
            << "\n    (not rounding: with a non-linear g the network is no longer that layer)\n"
            << "  largest gap of the test f(u) + f(v) = f(u + v) + f(0): "
            << short_number(affine_gap(with_tanh, X, V))
            << "\n    (it fails: no linear layer at all computes this network)\n";
  return cli::kExitOk;
}

cli::ProgramSpec linear_spec() {
  cli::ProgramSpec p;
  p.name = "week3.linear";
  p.lecture = "3.7";
  p.summary = "with identity activations two layers are one linear layer";
  p.options = {
      cli::number_option("--features", cli::Kind::kInteger, "N", "3", cli::Bound::kPositive,
                         "input features n_x", kMaxSmall),
      cli::number_option("--hidden", cli::Kind::kInteger, "N", "4", cli::Bound::kPositive,
                         "hidden units n_h", kMaxSmall),
      cli::number_option("--outputs", cli::Kind::kInteger, "N", "1", cli::Bound::kPositive,
                         "output units n_y", kMaxSmall),
      cli::number_option("--examples", cli::Kind::kInteger, "N", "1000", cli::Bound::kPositive,
                         "m, the random inputs the two are compared on", 100'000),
      cli::seed_option("1", "seed of the RandomState drawing the parameters and the inputs"),
  };
  p.details = {
      "Trains nothing. Draws W1, b1, W2, b2 with randn, prints W' = W2 W1 and b' = W2 b1 + b2 "
      "(collapse_linear_network) and the largest difference between the two-layer network "
      "with g(z) = z (linear_network_forward) and the one layer W' X + b' on m random inputs: "
      "rounding, about 1e-16. Then the same parameters with tanh hidden units "
      "(tanh_network_forward): the difference is no longer rounding, and the test "
      "f(u) + f(v) = f(u + v) + f(0), which every linear layer passes, fails.",
  };
  return p;
}
DLC_PROGRAM(linear_spec, linear);

// ------------------------------------------------------------------------------------------
// 3.10

/// The cost and the accuracy of the tanh/sigmoid network on (X, Y).
struct Scores {
  double cost = 0.0;
  double accuracy = 0.0;  ///< per cent of the examples labelled right (a2 > 0.5 means 1)
};

Scores scores(const week3::TwoLayerParameters& p, const Matrix& X, const Matrix& Y) {
  const Matrix A1 = tanh(dot(p.W1, X) + p.b1);                   // A1 = tanh(W1 X + b1)
  const Matrix A2 = 1.0 / (1.0 + exp(-(dot(p.W2, A1) + p.b2)));  // A2 = sigma(W2 A1 + b2)
  const double m = static_cast<double>(X.cols());
  Scores s;
  s.cost = (-1.0 / m) * sum(Y * log(A2) + (1.0 - Y) * log(1.0 - A2));
  s.accuracy = 100.0 * mean(equal(greater(A2, 0.5), Y));
  return s;
}

/// Trains from `params` and prints what became of the hidden units.
void train_and_show(const std::string& title, week3::TwoLayerParameters params, const Matrix& X,
                    const Matrix& Y, long iterations, double learning_rate) {
  std::cout << title << '\n'
            << "  W1 at the start (row j: the weights of hidden unit j):\n  "
            << matrix_text(params.W1, "  ") << '\n';
  const Scores before = scores(params, X, Y);
  for (long i = 0; i < iterations; ++i) {
    const double cost = week3::two_layer_gradient_step(params, X, Y, learning_rate);
    check_cost(cost, i, learning_rate);
  }
  const Scores after = scores(params, X, Y);
  check_cost(after.cost, iterations, learning_rate);
  const bool identical = week3::hidden_units_identical(params.W1, params.b1, 1e-12);
  double spread = 0.0;
  for (std::size_t j = 1; j < params.W1.rows(); ++j)
    for (std::size_t k = 0; k < params.W1.cols(); ++k)
      spread = std::max(spread, std::fabs(params.W1(j, k) - params.W1(0, k)));
  std::cout << "  W1 after " << iterations << " iterations:\n  " << matrix_text(params.W1, "  ")
            << '\n'
            << "  cost " << percent_f(before.cost) << " -> " << percent_f(after.cost)
            << ", accuracy " << fixed(after.accuracy, 2) << " %\n"
            << "  every hidden unit identical (equal rows of W1, equal entries of b1): "
            << (identical ? "yes"
                          : "no\n  (the rows of W1 differ by up to " + short_number(spread) + ")")
            << "\n\n"
            << std::flush;
}

/// `dlc run week3.symmetry`: zero, equal and random starts; then the scale of the weights.
int symmetry(const cli::Arguments& args, const RunContext&) {
  const auto n_h = static_cast<std::size_t>(args.integer("--hidden"));
  const long iterations = args.integer("--iterations");
  const double learning_rate = args.real("--learning-rate");
  const auto seed = cli::seed(args);
  const ToyData data = planar_flower();
  const std::size_t n_x = data.X.rows();

  std::cout << "The network of lecture 3.9 (" << n_x << " inputs, " << n_h
            << " tanh hidden units, a sigmoid output) on the planar\nflower (" << data.X.cols()
            << " points), trained from three starts with two_layer_gradient_step, " << iterations
            << "\niterations at learning rate " << python_repr(learning_rate) << " each.\n\n"
            << std::flush;

  train_and_show("1. Zero weights (initialize_zeros): W1 = 0, b1 = 0, W2 = 0, b2 = 0.",
                 week3::initialize_zeros(n_x, n_h, 1), data.X, data.Y, iterations, learning_rate);
  std::cout << "  With W2 = 0 no gradient reaches the hidden layer: W1 never leaves 0, only b2 "
               "learns.\n\n";

  // Every hidden unit starts as the same unit: one random row of small weights for all, and
  // the same output weight for all.
  RandomState same(seed);
  const Matrix row = same.randn(1, n_x) * 0.01;
  const double out = same.randn(1, 1)(0, 0) * 0.01;
  week3::TwoLayerParameters equal_start = week3::initialize_zeros(n_x, n_h, 1);
  for (std::size_t j = 0; j < n_h; ++j) {
    for (std::size_t k = 0; k < n_x; ++k) equal_start.W1(j, k) = row(0, k);
    equal_start.W2(0, j) = out;
  }
  train_and_show(
      "2. Equal non-zero weights: every row of W1 the same randn * 0.01 draws, and every\n"
      "   entry of W2 the same.",
      equal_start, data.X, data.Y, iterations, learning_rate);
  std::cout << "  The weights move, but every unit gets the same gradient, so they move alike: "
            << n_h
            << " identical\n  units compute what one unit computes (compare the cost and "
               "the accuracy with those of 3. below).\n\n"
            << std::flush;

  RandomState rng(seed);
  train_and_show("3. Random weights: initialize_random, randn * 0.01 with RandomState(" +
                     std::to_string(seed) + ").",
                 week3::initialize_random(n_x, n_h, 1, rng), data.X, data.Y, iterations,
                 learning_rate);
  std::cout << "  The symmetry is broken: each unit learns a feature of its own.\n\n";

  std::cout << "Why small: the mean slope tanh'(z) = 1 - a^2 of the hidden units over the "
            << data.X.cols() << " points,\nright after initialize_random (RandomState(" << seed
            << ")) with the scale s:\n"
            << std::flush;
  for (const double s : {0.01, 1.0, 10.0}) {
    RandomState r(seed);
    const double slope =
        week3::mean_tanh_slope(week3::initialize_random(n_x, n_h, 1, r, s), data.X);
    std::ostringstream value;
    value << std::fixed << std::setprecision(4) << slope;
    std::cout << "  s = " << std::left << std::setw(6) << (plain(s) + ":") << std::right
              << value.str()
              << (s < 0.1   ? "  z near 0, tanh's steep middle: learning at full speed"
                  : s < 5.0 ? "  already much smaller"
                            : "  |z| large, tanh's flat ends: saturated units, slow learning")
              << '\n';
  }
  return cli::kExitOk;
}

cli::ProgramSpec symmetry_spec() {
  cli::ProgramSpec p;
  p.name = "week3.symmetry";
  p.lecture = "3.10";
  p.summary = "zero weights keep the hidden units identical; large ones saturate";
  p.options = {
      cli::number_option("--hidden", cli::Kind::kInteger, "N", "4", cli::Bound::kPositive,
                         "hidden units n_h", kMaxSmall),
      cli::number_option("--iterations", cli::Kind::kInteger, "N", "1000", cli::Bound::kNonNegative,
                         "gradient-descent steps from each start"),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "1.2", cli::Bound::kPositive,
                         "the learning rate alpha"),
      cli::seed_option("3", "seed of the RandomState of initialize_random"),
  };
  p.details = {
      "Trains the network of 3.9 on the planar flower from three starts and prints W1 after "
      "training: from zero weights (every hidden unit identical: the rows of W1 stay equal), "
      "from equal non-zero weights (they move, but stay equal), and from initialize_random, "
      "randn * 0.01 (they differ, and the cost goes much lower). Then the mean slope "
      "tanh'(z) = 1 - a^2 of the hidden units right after initialize_random with the scales "
      "0.01, 1 and 10: near 1, smaller, near 0 (saturated units learn slowly).",
  };
  return p;
}
DLC_PROGRAM(symmetry_spec, symmetry);

}  // namespace

}  // namespace dlc::runner
