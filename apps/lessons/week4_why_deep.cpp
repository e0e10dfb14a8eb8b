/// \file
/// \brief `dlc run week4.parity`, lecture 4.4: why deep. The parity of n bits computed exactly by
/// a deep tree of XOR gates and by one hidden layer of pattern units, their sizes side by side,
/// and then both shapes trained on the parity data.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/matrix.hpp"
#include "week4/application.hpp"
#include "week4/deep_network.hpp"
#include "week4/dimensions.hpp"
#include "week4/why_deep.hpp"

namespace dlc::runner {

namespace {

// The largest n whose three built networks are checked on all 2^n inputs.
constexpr int kCheckBits = 10;

// `{6, 6, 3, 2, 1}`.
std::string dims_text(const week4::LayerDims& dims) {
  std::string text;
  for (const int n : dims) text += (text.empty() ? "{" : ", ") + std::to_string(n);
  return text + "}";
}

// A matrix of 0s and 1s as rows of digits, every line after the first indented.
std::string bits_text(const Matrix& a, const std::string& indent) {
  std::string text;
  for (std::size_t i = 0; i < a.rows(); ++i) {
    text += (i == 0 ? "[" : "\n" + indent + " ");
    for (std::size_t j = 0; j < a.cols(); ++j) text += (j ? " " : "") + plain(a(i, j));
  }
  return text + "]";
}

// 98.4 %, from a fraction.
std::string percent(double fraction) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(1) << 100.0 * fraction << " %";
  return os.str();
}

// The sizes of the deep tree and the pattern network, n = 2..max_bits (given code only).
void print_sizes(int max_bits) {
  std::cout << "How many units each network needs (deep_parity_dims, shallow_parity_dims, "
               "network_size):\n\n"
            << "        deep tree of XOR gates          one hidden layer, a unit per odd "
               "pattern\n"
            << "   n   hidden layers  units  parameters   units (2^(n-1))      parameters\n";
  for (int n = 2; n <= max_bits; ++n) {
    const week4::NetworkSize deep = week4::network_size(week4::deep_parity_dims(n));
    const week4::NetworkSize shallow = week4::network_size(week4::shallow_parity_dims(n));
    std::cout << std::setw(4) << n << std::setw(16) << deep.hidden_layers << std::setw(7)
              << deep.hidden_units << std::setw(12) << deep.parameters << std::setw(18)
              << shallow.hidden_units << std::setw(16) << shallow.parameters << '\n';
  }
  std::cout << "\nThe deep tree grows like 2(n - 1) units in ceil(log2 n) layers, the one layer of "
               "patterns like\n2^(n-1): each added bit doubles it.\n\n"
            << std::flush;
}

// Right predictions of `parameters` on `data` with predict, and the cost with L_model_forward.
struct Check {
  std::size_t right = 0;
  double cost = 0.0;
};

Check check_network(const week4::Parameters& parameters, const week4::ParityData& data) {
  const Matrix p = week4::predict(data.X, parameters);
  check_result("predict", "its result", p, data.Y.shape());
  const auto [AL, caches] = week4::L_model_forward(data.X, parameters);
  check_result("L_model_forward", "A[L]", AL, data.Y.shape());
  Check c;
  c.right = static_cast<std::size_t>(sum(equal(p, data.Y)));
  c.cost = week4::compute_cost(AL, data.Y);
  return c;
}

// "64/64, cost 4.54e-05".
std::string check_text(const Check& c, std::size_t m) {
  std::ostringstream os;
  os << std::setprecision(3) << c.right << "/" << m << ", cost " << c.cost;
  return os.str();
}

// The three built networks on all 2^n inputs, n = 1..max_bits.
void print_checks(int max_bits) {
  std::cout << "The networks built exactly, evaluated with L_model_forward and predict on all "
               "2^n inputs of\nparity_data(n) (right predictions, and the cross-entropy "
               "cost):\n\n"
            << "   n   deep_parity_network         shallow_parity_network      "
               "counting_parity_network\n"
            << std::flush;
  for (int n = 1; n <= max_bits; ++n) {
    const week4::ParityData data = week4::parity_data(n);
    const std::size_t m = data.X.cols();
    const Check deep = check_network(week4::deep_parity_network(n), data);
    const Check shallow = check_network(week4::shallow_parity_network(n), data);
    const Check counting = check_network(week4::counting_parity_network(n), data);
    std::cout << std::setw(4) << n << "   " << std::left << std::setw(28) << check_text(deep, m)
              << std::setw(28) << check_text(shallow, m) << check_text(counting, m) << std::right
              << '\n'
              << std::flush;
  }
  std::cout << "\nEach output is sigma(10) or sigma(-10): every prediction is right and the cost "
               "is log(1 + e^-10).\nThe counting network (given code) is the caveat of the "
               "lesson: ReLU units are more than\nlogic gates. Parity depends only on the sum "
               "s of the bits, and n units ReLU(s - k) draw the\nzig-zag 0, 1, 0, 1, ... in "
               "one hidden layer. The 2^(n-1) of the pattern network is the count of\ncircuit "
               "theory, where each unit is a logic gate (an AND of the bits or their "
               "negations).\n\n";
}

// One shape trained from several seeds: its training accuracies.
struct Trained {
  std::string name;
  week4::LayerDims dims;
  std::vector<double> accuracy;  ///< one per seed
  long all_right = 0;            ///< the runs that got every input right
};

// The mean training accuracy of a shape over its runs.
double mean_accuracy(const Trained& run) {
  double mean = 0.0;
  for (const double a : run.accuracy) mean += a / static_cast<double>(run.accuracy.size());
  return mean;
}

/// `dlc run week4.parity`: the sizes, the built networks, then training.
int parity(const cli::Arguments& args, const RunContext&) {
  const int max_bits = static_cast<int>(args.integer("--bits"));
  const int n = static_cast<int>(args.integer("--train-bits"));
  const long iterations = args.integer("--iterations");
  const double learning_rate = args.real("--learning-rate");
  const auto seed = cli::seed(args);
  const auto seeds = static_cast<std::uint32_t>(args.integer("--seeds"));

  std::cout << "Lecture 4.4: the parity of n bits, x_1 XOR x_2 XOR ... XOR x_n (1 when the "
               "number of ones is odd).\n\n";
  print_sizes(max_bits);

  const week4::ParityData three = week4::parity_data(3);
  check_result("parity_data", "X", three.X, Shape{3, 8});
  check_result("parity_data", "Y", three.Y, Shape{1, 8});
  std::cout << "parity_data(3): column j holds the bits of j, row i bit i.\n"
            << "  X = " << bits_text(three.X, "      ")
            << "\n  Y = " << bits_text(three.Y, "      ") << "\n\n"
            << std::flush;

  print_checks(std::min(max_bits, kCheckBits));

  // Training: the shape of the deep tree, one hidden layer with as many units, and one hidden
  // layer with as many units as the pattern network, each from the same seeds.
  const week4::ParityData data = week4::parity_data(n);
  const week4::LayerDims deep_dims = week4::deep_parity_dims(n);
  const int deep_units = static_cast<int>(week4::network_size(deep_dims).hidden_units);
  std::vector<Trained> runs = {
      {"deep, the tree's shape", deep_dims, {}, 0},
      {"one hidden layer, as many units", {n, deep_units, 1}, {}, 0},
      {"one hidden layer, 2^(n-1) units", week4::shallow_parity_dims(n), {}, 0},
  };
  std::cout << "Training each shape with L_layer_model on all " << data.X.cols()
            << " inputs of parity_data(" << n << "), learning rate " << plain(learning_rate)
            << ",\n"
            << iterations << " iterations, from the random starts of RandomState(" << seed << ")"
            << (seeds > 1 ? " to RandomState(" +
                                std::to_string(static_cast<std::uint32_t>(seed + seeds - 1)) + ")"
                          : "")
            << "\n(initialize_parameters_deep). Accuracy on the training set, per seed:\n\n"
            << std::flush;
  for (Trained& run : runs) {
    const week4::NetworkSize size = week4::network_size(run.dims);
    std::cout << "  " << std::left << std::setw(33) << run.name << std::setw(18)
              << dims_text(run.dims) << std::right << std::setw(4) << size.hidden_units << " units "
              << std::setw(5) << size.parameters << " parameters\n   " << std::flush;
    for (std::uint32_t k = 0; k < seeds; ++k) {
      const std::uint32_t s = seed + k;  // wraps past 2^32 - 1, as the seeds printed above
      const auto [trained, costs] =
          week4::L_layer_model(data.X, data.Y, run.dims, learning_rate, iterations, false, s);
      const Matrix p = week4::predict(data.X, trained);
      check_result("predict", "its result", p, data.Y.shape());
      run.accuracy.push_back(week4::accuracy(p, data.Y));
      if (sum(equal(p, data.Y)) == static_cast<double>(data.X.cols())) ++run.all_right;
      std::cout << ' ' << std::setw(7) << percent(run.accuracy.back()) << std::flush;
    }
    std::cout << "\n    mean " << percent(mean_accuracy(run)) << ", all " << data.X.cols()
              << " right in " << run.all_right << " of " << seeds << " runs\n"
              << std::flush;
  }
  const double deep_mean = mean_accuracy(runs[0]), same_units_mean = mean_accuracy(runs[1]);
  std::cout << "\nWith " << deep_units << " units, the deep shape's mean is " << percent(deep_mean)
            << " and one hidden layer's " << percent(same_units_mean) << ":\n"
            << (deep_mean > same_units_mean   ? "here the deep shape is ahead"
                : deep_mean < same_units_mean ? "here one hidden layer is ahead"
                                              : "here they are level")
            << ".\n"
            << "What to read in it: the tree's shape can compute the parity exactly "
               "(deep_parity_network above),\nbut gradient descent from a random start rarely "
               "finds those weights, and with as many units\nneither shape learns the parity "
               "reliably; which one does better changes with n and the\nsettings (try "
               "--train-bits 4 to 8). One hidden layer of 2^(n-1) units has more parameters "
               "than\nthere are inputs and fits (nearly) all of them: it memorises the table, "
               "which is not the\ncompact representation the lecture is about.\n";
  return cli::kExitOk;
}

cli::ProgramSpec parity_spec() {
  cli::ProgramSpec p;
  p.name = "week4.parity";
  p.lecture = "4.4";
  p.summary = "parity of n bits by a deep XOR tree and by one wide layer, then trained";
  p.options = {
      cli::number_option(
          "--bits", cli::Kind::kInteger, "N", "16", cli::Bound::kPositive,
          "the sizes table runs from n = 2 to N bits (the built networks are checked up to "
          "n = 10)",
          31),
      cli::number_option("--train-bits", cli::Kind::kInteger, "N", "6", cli::Bound::kPositive,
                         "n, the bits of the parity data the networks are trained on", 10),
      cli::number_option("--iterations", cli::Kind::kInteger, "N", "5000", cli::Bound::kNonNegative,
                         "gradient-descent steps of each training run", 100'000),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.1", cli::Bound::kPositive,
                         "the learning rate alpha"),
      cli::seed_option("1", "seed of the first run's RandomState (initialize_parameters_deep)"),
      cli::number_option("--seeds", cli::Kind::kInteger, "N", "5", cli::Bound::kPositive,
                         "training runs per network, with the seeds seed, seed + 1, ...", 10),
  };
  p.details = {
      "Prints three things. First a table, for n = 2 to --bits, of the hidden layers, hidden "
      "units and parameters of the deep tree of XOR gates (about 2(n - 1) units in "
      "ceil(log2 n) layers) and of the one-hidden-layer network with a unit per odd pattern "
      "(2^(n-1) units). Then parity_data(3), and the networks built by deep_parity_network, "
      "shallow_parity_network and the given counting_parity_network, checked with "
      "L_model_forward and predict on all 2^n inputs for n = 1 to 10: every prediction right, "
      "cost 4.54e-05.",
      "Last, L_layer_model trains three shapes on all 2^n inputs of parity_data(--train-bits): "
      "the deep tree's layer sizes, one hidden layer with as many units, and one hidden layer "
      "of 2^(n-1) units, each from --seeds random starts, and prints the training accuracy of "
      "every run, its mean, and how many runs got every input right.",
  };
  return p;
}
DLC_PROGRAM(parity_spec, parity);

}  // namespace

}  // namespace dlc::runner
