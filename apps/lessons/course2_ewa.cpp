/// \file
/// \brief `dlc run course2.ewa`, lectures C2 2.3-2.5: exponentially weighted averages of the
/// built-in temperature series with beta 0.9, 0.98 and 0.5, the bias of starting at 0 and its
/// correction, the start at the first value, and how many days each beta averages.

#include <algorithm>
#include <cmath>
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
#include "common/plot.hpp"
#include "course2/exponentially_weighted_averages.hpp"

namespace dlc::runner {

namespace {

namespace ewa = course2::exponentially_weighted_averages;

/// Days 1..n of a (1, T) series as a curve, day t at x = t.
plot::Curve curve(const std::string& name, const Matrix& series, std::size_t n) {
  plot::Curve c{name, {}, {}};
  for (std::size_t t = 1; t <= n; ++t) {
    c.x.push_back(static_cast<double>(t));
    c.y.push_back(series(0, t - 1));
  }
  return c;
}

/// The days of the table: the first `rows`, then some later ones, the last among them.
std::vector<std::size_t> table_days(std::size_t rows, std::size_t days) {
  std::vector<std::size_t> out;
  for (std::size_t t = 1; t <= std::min(rows, days); ++t) out.push_back(t);
  for (const std::size_t t : {std::size_t{25}, std::size_t{50}, std::size_t{100}, std::size_t{150},
                              std::size_t{200}, days})
    if (t <= days && (out.empty() || t > out.back())) out.push_back(t);
  return out;
}

/// `dlc run course2.ewa`.
int ewa_program(const cli::Arguments& args, const RunContext&) {
  const auto days = static_cast<std::size_t>(args.integer("--days"));
  const auto seed = static_cast<std::uint32_t>(args.integer("--seed"));
  const auto rows = static_cast<std::size_t>(args.integer("--rows"));
  Pictures pictures(args);

  const Matrix theta = ewa::temperature_series(days, seed);
  std::cout << "Lectures C2 2.3-2.5: " << days
            << " days of temperatures (degrees F),\ntheta_t = 55 - 20 cos(2 pi (t - 15) / 365) + "
               "5 z_t with z = RandomState("
            << seed << ").randn(1, " << days
            << ").\nThe exponentially weighted average: v_t = beta v_{t-1} + (1 - beta) "
               "theta_t from v_0 = 0;\ncorrected: v_t / (1 - beta^t); from theta_1: the same "
               "recursion from v_1 = theta_1.\n\n"
            << std::flush;

  const Shape shape{1, days};
  const Matrix v09 = ewa::exponentially_weighted_average(theta, 0.9);
  check_result("exponentially_weighted_average", "its result", v09, shape);
  const Matrix v098 = ewa::exponentially_weighted_average(theta, 0.98);
  check_result("exponentially_weighted_average", "its result", v098, shape);
  const Matrix v05 = ewa::exponentially_weighted_average(theta, 0.5);
  check_result("exponentially_weighted_average", "its result", v05, shape);
  const Matrix corrected = ewa::bias_corrected_average(theta, 0.98);
  check_result("bias_corrected_average", "its result", corrected, shape);
  const Matrix from_first = ewa::average_from_first_value(theta, 0.98);

  std::cout << "               v_t from v_0 = 0                 beta = 0.98\n"
            << "  day  theta_t   beta 0.9  beta 0.98  beta 0.5   corrected  from theta_1\n"
            << std::fixed << std::setprecision(2);
  for (const std::size_t t : table_days(rows, days)) {
    const std::size_t i = t - 1;
    std::cout << std::setw(5) << t << std::setw(9) << theta(0, i) << std::setw(11) << v09(0, i)
              << std::setw(11) << v098(0, i) << std::setw(10) << v05(0, i) << std::setw(12)
              << corrected(0, i) << std::setw(14) << from_first(0, i) << '\n';
  }
  std::cout.unsetf(std::ios_base::floatfield);
  std::cout << std::setprecision(6)
            << "\nThe weight of a value k days old is beta^k times the newest's; it falls to "
               "about 1/e after\n1/(1 - beta) days, so v_t averages about that many days:\n";
  for (const double beta : {0.9, 0.98, 0.5}) {
    const double n = std::round(1.0 / (1.0 - beta));  // 10, 50, 2 (1 / 0.02 is not exact)
    std::cout << "  beta " << std::left << std::setw(6) << plain(beta) << std::right << "about "
              << std::setw(2) << plain(n) << " days  (" << plain(beta) << "^" << plain(n) << " = "
              << fixed(std::pow(beta, n), 3) << "; 1/e = " << fixed(std::exp(-1.0), 3) << ")\n";
  }
  std::cout << "On day 1, v_1 = (1 - beta) theta_1 is " << fixed(v098(0, 0), 2)
            << " for beta = 0.98; corrected, it is theta_1 = " << fixed(corrected(0, 0), 2) << ".\n"
            << std::flush;

  if (pictures.enabled()) {
    // The three averages bias-corrected, so that each starts inside the data and the picture
    // shows what beta itself does: smoothness and lag (the second picture shows the bias).
    plot::Chart all;
    all.axes.title = std::to_string(days) + " days of temperatures and their averages (corrected)";
    all.axes.xlabel = "day t";
    all.axes.ylabel = "degrees F";
    all.lines = {curve("beta = 0.9 (about 10 days)", ewa::bias_corrected_average(theta, 0.9), days),
                 curve("beta = 0.98 (about 50 days)", corrected, days),
                 curve("beta = 0.5 (about 2 days)", ewa::bias_corrected_average(theta, 0.5), days)};
    all.points = {curve("temperature theta_t", theta, days)};
    pictures.made(plot::chart(pictures.path("ewa_temperatures.png"), all, pictures.style()),
                  "the temperatures with beta = 0.9, 0.98 and 0.5, bias-corrected");

    const std::size_t first = std::min<std::size_t>(days, 60);
    plot::Chart start;
    start.axes.title = "beta = 0.98 on the first " + std::to_string(first) + " days";
    start.axes.xlabel = "day t";
    start.axes.ylabel = "degrees F";
    start.lines = {curve("v_t from v_0 = 0", v098, first),
                   curve("bias corrected, v_t / (1 - beta^t)", corrected, first),
                   curve("from v_1 = theta_1", from_first, first)};
    start.points = {curve("temperature theta_t", theta, first)};
    pictures.made(plot::chart(pictures.path("ewa_bias_correction.png"), start, pictures.style()),
                  "the start of beta = 0.98: from 0, corrected, and from the first value");
  }
  pictures.report();
  return cli::kExitOk;
}

cli::ProgramSpec ewa_spec() {
  cli::ProgramSpec p;
  p.name = "course2.ewa";
  p.lecture = "C2 2.3-2.5";
  p.summary = "exponentially weighted averages of a temperature series, and bias correction";
  p.options = {
      cli::number_option("--days", cli::Kind::kInteger, "N", "200", cli::Bound::kPositive,
                         "the length of the built-in temperature series", 3650),
      cli::number_option("--seed", cli::Kind::kInteger, "N", "1", cli::Bound::kNonNegative,
                         "the seed of the series' noise, as np.random.seed(N)", 4294967295),
      cli::number_option("--rows", cli::Kind::kInteger, "N", "10", cli::Bound::kPositive,
                         "the first N days in the table (then days 25, 50, 100, ...)", 3650),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "Lectures C2 2.3-2.5 on the built-in series of daily temperatures, temperature_series "
      "(--days, --seed): the exponentially weighted averages with beta = 0.9, 0.98 and 0.5 "
      "(from v_0 = 0), the 0.98 average bias-corrected and started at the first value, in a "
      "table of the first --rows days and some later ones; then how many days each beta "
      "averages, about 1 / (1 - beta).",
      "With pictures: ewa_temperatures.png, the series with the three averages (bias-corrected), "
      "and "
      "ewa_bias_correction.png, the first 60 days of the 0.98 average from 0, corrected, and "
      "from the first value.",
      "Your code runs: exponentially_weighted_average and bias_corrected_average "
      "(course2/exponentially_weighted_averages.cpp).",
  };
  p.validate = [](const cli::Arguments& args) { cli::validate_plots(args); };
  return p;
}
DLC_PROGRAM(ewa_spec, ewa_program);

}  // namespace

}  // namespace dlc::runner
