/// \file
/// \brief The week-1 programs of `dlc run` (lecture 1.2): the housing-price neuron fitted to six
/// houses, with its picture, and the 4-3-1 housing network showing its named hidden units.

#include <cstddef>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"
#include "common/training.hpp"
#include "week1/neuron.hpp"

namespace dlc::runner {

namespace {

// The neuron sees the size in thousands of square feet (week1/neuron.hpp).
constexpr double kSizeUnit = 1000.0;

/// `254.3`, `93.0`: one decimal, always.
std::string one_decimal(double x) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(1) << (x == 0.0 ? 0.0 : x);
  return os.str();
}

/// `2.50`, `0.00`: two decimals, always.
std::string two_decimals(double x) {
  std::ostringstream os;
  os << std::fixed << std::setprecision(2) << (x == 0.0 ? 0.0 : x);
  return os.str();
}

/// `dlc run week1.neuron`: the neuron fitted by gradient descent, its predictions and picture.
int neuron(const cli::Arguments& args, const RunContext&) {
  const long iterations = args.integer("--iterations");
  const double learning_rate = args.real("--learning-rate");
  const long print_every = args.integer("--print-every");
  Pictures pictures(args);

  const week1::HousingTable table = week1::housing_table();
  const Matrix x = table.size / kSizeUnit;
  const week1::NeuronParams start{1.0, 0.0};
  std::cout << "The six houses of housing_table() (made-up numbers). The neuron sees the size\n"
            << "in thousands of square feet, x = size / 1000, and predicts the price in thousands\n"
            << "of dollars: price = ReLU(w x + b). Gradient descent on the mean squared error,\n"
            << "from w = " << plain(start.w) << ", b = " << plain(start.b) << ", learning rate "
            << python_repr(learning_rate) << ", " << iterations << " iterations:\n\n"
            << std::flush;

  const week1::NeuronFit fit =
      week1::fit_neuron(x, table.price, start, iterations, learning_rate, print_every);
  for (std::size_t k = 0; k < fit.costs.size(); ++k) {
    std::cout << "Cost after iteration " << static_cast<long>(k) * print_every << ": "
              << percent_f(fit.costs[k]) << '\n';
  }
  const week1::NeuronParams p = fit.params;
  std::cout << "Cost after the last iteration: " << percent_f(week1::neuron_cost(p, x, table.price))
            << "\n\n"
            << "Fitted: w = " << fixed(p.w, 3) << ", b = " << fixed(p.b, 3)
            << "  (price = ReLU(w x + b) in thousands of dollars)\n\n"
            << std::flush;

  const Matrix predicted = week1::relu(p.w * x + p.b);
  check_result("relu", "its result", predicted, x.shape());
  std::cout << "  size (sq ft)   price ($1000s)   predicted ($1000s)\n";
  for (std::size_t i = 0; i < x.cols(); ++i) {
    std::cout << std::setw(14) << plain(table.size(0, i)) << std::setw(17)
              << plain(table.price(0, i)) << std::setw(21) << one_decimal(predicted(0, i)) << '\n';
  }
  const Matrix two_thousand = week1::relu(p.w * Matrix{{2.0}} + p.b);
  check_result("relu", "its result", two_thousand, Shape{1, 1});
  std::cout << "\nA 2000 square-foot house would sell for about " << one_decimal(two_thousand(0, 0))
            << " thousand dollars.\n";
  if (dlc::sum(dlc::abs(predicted)) == 0.0) {
    std::cout << "Every prediction is 0: the neuron is dead. Where w x + b <= 0 for every house "
                 "the ReLU is flat,\nits slope and so the gradient are 0, and gradient descent "
                 "never moves again; try a smaller\nlearning rate.\n";
  }

  if (pictures.enabled()) {
    plot::Chart chart;
    chart.axes.title = "The housing-price neuron: price = ReLU(w x + b), x = size / 1000";
    chart.axes.xlabel = "size (square feet)";
    chart.axes.ylabel = "price (thousands of dollars)";
    chart.zero_axes = true;
    // The fitted ReLU from 0 to 3000 square feet, every 10: the kink where w x + b = 0 shows
    // when it falls in that range.
    plot::Curve line{"fitted in " + std::to_string(iterations) + " iterations: ReLU(" +
                         fixed(p.w, 3) + " x " + (p.b < 0 ? "- " : "+ ") +
                         fixed(p.b < 0 ? -p.b : p.b, 3) + ")",
                     {},
                     {}};
    Matrix sizes(1, 301);
    for (std::size_t k = 0; k < sizes.cols(); ++k) sizes(0, k) = 10.0 * static_cast<double>(k);
    const Matrix line_y = week1::relu(p.w * (sizes / kSizeUnit) + p.b);
    check_result("relu", "its result", line_y, sizes.shape());
    for (std::size_t k = 0; k < sizes.cols(); ++k) {
      line.x.push_back(sizes(0, k));
      line.y.push_back(line_y(0, k));
    }
    plot::Curve houses{"the six houses (made-up numbers)", {}, {}};
    for (std::size_t i = 0; i < x.cols(); ++i) {
      houses.x.push_back(table.size(0, i));
      houses.y.push_back(table.price(0, i));
    }
    chart.lines = {line};
    chart.points = {houses};
    pictures.made(plot::chart(pictures.path("week1_neuron.png"), chart, pictures.style()),
                  "the six houses and the fitted ReLU line");
  }
  pictures.report();
  return cli::kExitOk;
}

cli::ProgramSpec neuron_spec() {
  cli::ProgramSpec p;
  p.name = "week1.neuron";
  p.lecture = "1.2";
  p.summary = "one ReLU neuron, price = ReLU(w size + b), fitted to six houses";
  p.options = {
      cli::number_option("--iterations", cli::Kind::kInteger, "N", "2000", cli::Bound::kNonNegative,
                         "gradient-descent steps"),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.1", cli::Bound::kPositive,
                         "the learning rate alpha"),
      cli::number_option("--print-every", cli::Kind::kInteger, "N", "200", cli::Bound::kPositive,
                         "print the cost every N iterations"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "Fits the neuron of lecture 1.2 to the six made-up houses of housing_table() by gradient "
      "descent on the mean squared error, from w = 1, b = 0, with the size in thousands of "
      "square feet. It prints 'Cost after iteration 0: 46848.992083' ... the fitted w and b "
      "(about 140.249 and -26.238), and a table of every house's size, price and prediction, "
      "then draws week1_neuron.png (the houses and the fitted ReLU line) in the --plots folder.",
      "Your code runs: neuron_step at every step (through fit_neuron), and relu for the "
      "predictions. A learning rate far too large (try 1) kills the neuron: it then predicts 0 "
      "for every house and never recovers.",
  };
  p.validate = cli::validate_plots;
  return p;
}
DLC_PROGRAM(neuron_spec, neuron);

/// `coefficient name + ... + bias` as a person writes it: `size + 0.5 bedrooms - 1`.
std::string linear_text(const std::vector<double>& coefficients,
                        const std::vector<std::string>& names, double bias) {
  std::string text;
  const auto term = [&text](double c, const std::string& name) {
    if (c == 0.0) return;
    const double a = c < 0 ? -c : c;
    if (text.empty()) {
      text += c < 0 ? "-" : "";
    } else {
      text += c < 0 ? " - " : " + ";
    }
    text += (a == 1.0 && !name.empty()) ? name : plain(a) + (name.empty() ? "" : " " + name);
  };
  for (std::size_t k = 0; k < coefficients.size(); ++k) term(coefficients[k], names[k]);
  term(bias, "");
  return text.empty() ? "0" : text;
}

/// `dlc run week1.housing`: the 4-3-1 network with named hidden units, house by house.
int housing(const cli::Arguments& args, const RunContext&) {
  const week1::HousingNetwork net = week1::example_housing_network();
  const Matrix W1 = week1::housing_mask() * net.W1;  // the weights that count
  const std::vector<std::string> features(std::begin(week1::kHousingFeatures),
                                          std::end(week1::kHousingFeatures));
  const std::vector<std::string> hidden(std::begin(week1::kHousingHiddenUnits),
                                        std::end(week1::kHousingHiddenUnits));

  std::cout << "The 4-3-1 network of lecture 1.2, with the hand-set weights of\n"
            << "example_housing_network() (made-up numbers). Each hidden unit looks only at the\n"
            << "features the lecture's drawing connects it to:\n\n";
  for (std::size_t j = 0; j < 3; ++j) {
    std::vector<double> row;
    for (std::size_t k = 0; k < 4; ++k) row.push_back(W1(j, k));
    std::cout << "  " << std::left << std::setw(15) << hidden[j] << std::right << "= ReLU("
              << linear_text(row, features, net.b1(j, 0)) << ")\n";
  }
  std::vector<double> out;
  for (std::size_t j = 0; j < 3; ++j) out.push_back(net.W2(0, j));
  std::cout << "  " << std::left << std::setw(15) << "price" << std::right << "= ReLU("
            << linear_text(out, hidden, net.b2(0, 0)) << ")\n\n"
            << "The features: size in thousands of square feet; bedrooms; zip code as the "
               "centrality of the\narea, from 0 (edge of town) to 1 (centre); wealth as the "
               "area's median income in\n$100,000s. The price is in thousands of dollars.\n\n"
            << std::flush;

  // The built-in houses, one per column: size, bedrooms, zip code, wealth (made-up numbers).
  std::vector<std::vector<double>> houses = {{0.85, 1, 0.2, 0.4},
                                             {0.9, 1, 0.1, 0.2},
                                             {1.4, 2, 0.6, 0.8},
                                             {2.0, 3, 0.5, 1.2},
                                             {2.6, 4, 0.1, 2.0}};
  std::vector<std::string> labels = {"1", "2", "3", "4", "5"};
  if (args.given("--house")) {
    houses.push_back(cli::parse_house(args.text("--house")));
    labels.push_back("yours");
  }
  Matrix X(4, houses.size());
  for (std::size_t i = 0; i < houses.size(); ++i)
    for (std::size_t k = 0; k < 4; ++k) X(k, i) = houses[i][k];

  const week1::HousingForward f = week1::housing_network_forward(X, net);
  check_result("housing_network_forward", "hidden", f.hidden, Shape{3, X.cols()});
  check_result("housing_network_forward", "price", f.price, Shape{1, X.cols()});
  // The table as the network sees it: one house per column, X's rows, then A1's, then Y_hat.
  const auto row = [&](const std::string& name, const Matrix& values, std::size_t r,
                       std::string (*format)(double)) {
    std::cout << "  " << std::left << std::setw(16) << name << std::right;
    for (std::size_t i = 0; i < values.cols(); ++i)
      std::cout << std::setw(9) << format(values(r, i));
    std::cout << '\n';
  };
  std::cout << std::setw(18) << "";
  for (const std::string& label : labels)
    std::cout << std::setw(9) << (label == "yours" ? label : "house " + label);
  std::cout << "\nX, the features (one house per column):\n";
  for (std::size_t k = 0; k < 4; ++k) row(features[k], X, k, plain);
  std::cout << "A1, the hidden units:\n";
  for (std::size_t j = 0; j < 3; ++j) row(hidden[j], f.hidden, j, two_decimals);
  std::cout << "Y_hat, the price:\n";
  row("price ($1000s)", f.price, 0, one_decimal);
  std::cout << "\nA hidden unit of 0 is a ReLU below its kink: that quality adds nothing to the "
               "price. House 2\nis far from the centre in a poor area: its walkability and "
               "school quality are both 0.\n";
  return cli::kExitOk;
}

cli::ProgramSpec housing_spec() {
  cli::ProgramSpec p;
  p.name = "week1.housing";
  p.lecture = "1.2";
  p.summary = "the 4-3-1 housing network, its hidden units named, house by house";
  p.options = {
      cli::text_option("--house", "S,B,Z,W", "",
                       "add a house of your own: size in 1000s of square feet, bedrooms, zip-code "
                       "centrality (0 to 1), wealth (median income in $100,000s)"),
  };
  p.details = {
      "Runs housing_network_forward with the hand-set weights of example_housing_network() on "
      "five built-in houses and prints them one per column, as the network sees them: the four "
      "features (the rows of X), the three hidden units (family size, walkability, school "
      "quality: the rows of A1) and the price in thousands of dollars. The house "
      "(2, 3, 0.5, 1.2) gets 2.5, 1, 3.6 and 374.",
  };
  p.validate = [](const cli::Arguments& args) {
    if (args.given("--house")) cli::parse_house(args.text("--house"));
  };
  return p;
}
DLC_PROGRAM(housing_spec, housing);

}  // namespace

}  // namespace dlc::runner
