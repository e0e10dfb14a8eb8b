/// \file
/// \brief The programs of lectures C2 3.1-3.2, the tuning process: grid against random search on
/// the moons model, sampling a learning rate and a beta on the right scale, and two rounds of
/// coarse-to-fine random search.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"
#include "common/random.hpp"
#include "common/training.hpp"
#include "course2/learning_rate_decay.hpp"
#include "course2/tuning.hpp"

namespace dlc::runner {

namespace {

namespace decay = course2::learning_rate_decay;
namespace tuning = course2::tuning;

/// A number with four significant digits, as `%.4g` writes it (0.0123, 3.162e-05).
std::string g4(double x) {
  char text[32];
  std::snprintf(text, sizeof text, "%.4g", x);
  return text;
}

/// One trial: the moons model trained with Adam and the options given; its accuracy on the
/// training set, or `diverged`.
struct Trial {
  double x = 0.0;         ///< the first hyperparameter's value
  double y = 0.0;         ///< the second's
  double accuracy = 0.0;  ///< on the 300 training examples; 0 when diverged
  bool diverged = false;  ///< training stopped on a cost that is not finite
};

/// Trains the moons model with `options` (Adam, no printing) and returns its accuracy on the
/// training set, or NaN when training diverged.
double moons_accuracy(const ToyData& d, decay::ModelOptions options) {
  options.optimizer = "adam";
  options.print_cost = false;
  try {
    const decay::Trained trained = decay::train_model(d.X, d.Y, options, std::cout);
    return mean(equal(course2::predict_dec(trained.parameters, d.X), d.Y));
  } catch (const TrainingDiverged&) {
    return std::nan("");
  }
}

/// A rectangle's outline as a closed curve, for a chart.
plot::Curve outline(const std::string& name, const tuning::Box& box) {
  return plot::Curve{name,
                     {box.x.low, box.x.high, box.x.high, box.x.low, box.x.low},
                     {box.y.low, box.y.low, box.y.high, box.y.high, box.y.low}};
}

/// The trial with the highest accuracy (the first of equals).
const Trial& best_of(const std::vector<Trial>& trials) {
  return *std::max_element(trials.begin(), trials.end(),
                           [](const Trial& a, const Trial& b) { return a.accuracy < b.accuracy; });
}

/// "[low, high]" with four significant digits.
std::string range_text(const tuning::Axis& axis) {
  return "[" + g4(axis.low) + ", " + g4(axis.high) + "]";
}

// ---- C2 3.1 grid against random -----------------------------------------------------------------

/// `dlc run course2.grid_vs_random`: a 5 x 5 grid and 25 random points over alpha and Adam's
/// epsilon, each trial a short training of the moons model.
int grid_vs_random(const cli::Arguments& args, const RunContext&) {
  const int per_axis = static_cast<int>(args.integer("--per-axis"));
  const int epochs = static_cast<int>(args.integer("--epochs"));
  const std::uint32_t seed = cli::seed(args);
  Pictures pictures(args);
  const ToyData d = decay::load_dataset();
  const tuning::Box box{{1e-4, 1e-1, true}, {1e-10, 1e-6, true}};
  const int count = per_axis * per_axis;

  std::cout << "Lecture C2 3.1: " << count << " trials of each search over alpha in "
            << range_text(box.x) << " and Adam's epsilon in " << range_text(box.y)
            << ", both on a log scale;\neach trial trains the moons model with Adam for " << epochs
            << " epochs and scores its accuracy on the 300 training examples.\n";

  struct Search {
    std::string name;
    Matrix points;
    std::vector<Trial> trials;
  };
  std::vector<Search> searches = {
      {"grid search (" + std::to_string(per_axis) + " x " + std::to_string(per_axis) + ")",
       tuning::grid_points(box, per_axis),
       {}},
      {"random search (" + std::to_string(count) + " points, seed " + std::to_string(seed) + ")",
       tuning::random_points(box, count, seed),
       {}}};
  for (Search& s : searches) {
    for (std::size_t j = 0; j < s.points.cols(); ++j) {
      decay::ModelOptions o;
      o.learning_rate = s.points(0, j);
      o.epsilon = s.points(1, j);
      o.num_epochs = epochs;
      const double accuracy = moons_accuracy(d, o);
      s.trials.push_back(Trial{s.points(0, j), s.points(1, j),
                               std::isnan(accuracy) ? 0.0 : accuracy, std::isnan(accuracy)});
    }
    // The distinct alphas tried, each with the accuracies its trials reached.
    std::set<double> alphas;
    for (const Trial& t : s.trials) alphas.insert(t.x);
    std::cout << "\n" << s.name << ": " << alphas.size() << " distinct values of alpha\n";
    std::cout << "  "
              << (alphas.size() < s.trials.size() ? "alpha      accuracy (over epsilon)"
                                                  : "alpha      accuracy   (epsilon)")
              << "\n";
    for (const double alpha : alphas) {
      double low = 1.0, high = 0.0, epsilon = 0.0;
      int diverged = 0;
      for (const Trial& t : s.trials) {
        if (t.x != alpha) continue;
        low = std::min(low, t.accuracy);
        high = std::max(high, t.accuracy);
        epsilon = t.y;
        diverged += t.diverged ? 1 : 0;
      }
      char line[160];
      if (alphas.size() < s.trials.size()) {
        const std::string spread = low == high ? fixed(low, 4) + " with every epsilon"
                                               : fixed(low, 4) + " to " + fixed(high, 4);
        std::snprintf(line, sizeof line, "  %-10s %s%s\n", g4(alpha).c_str(), spread.c_str(),
                      diverged > 0 ? " (some diverged)" : "");
      } else {
        std::snprintf(line, sizeof line, "  %-10s %-10s (%s)%s\n", g4(alpha).c_str(),
                      fixed(low, 4).c_str(), g4(epsilon).c_str(), diverged > 0 ? " diverged" : "");
      }
      std::cout << line;
    }
    const Trial& best = best_of(s.trials);
    std::cout << "best accuracy: " << python_repr(best.accuracy) << " at alpha = " << g4(best.x)
              << ", epsilon = " << g4(best.y) << "\n";
  }
  std::cout << std::flush;

  if (pictures.enabled()) {
    std::vector<plot::Chart> planes;
    plot::Chart accuracy;
    accuracy.axes.title = "Accuracy against alpha: the grid tries " + std::to_string(per_axis) +
                          " values, random search " + std::to_string(count);
    accuracy.axes.xlabel = "alpha (log scale)";
    accuracy.axes.ylabel = "accuracy on the training set";
    accuracy.axes.log_x = true;
    for (const Search& s : searches) {
      plot::Curve points{s.name, {}, {}};
      plot::Curve scores{s.name, {}, {}};
      for (const Trial& t : s.trials) {
        points.x.push_back(t.x);
        points.y.push_back(std::log10(t.y));
        scores.x.push_back(t.x);
        scores.y.push_back(t.accuracy);
      }
      plot::Chart plane;
      plane.axes.title = s.name + ": " +
                         std::to_string(std::set<double>(points.x.begin(), points.x.end()).size()) +
                         " values of alpha";
      plane.axes.xlabel = "alpha (log scale)";
      plane.axes.ylabel = "log10(epsilon)";
      plane.axes.log_x = true;
      plane.points.push_back(points);
      planes.push_back(plane);
      accuracy.points.push_back(scores);
    }
    pictures.made(
        plot::charts(pictures.path("grid_vs_random_trials.png"), planes,
                     "The same number of trials: a grid and random points", 2, pictures.style()),
        "the trials of both searches in the plane of alpha and epsilon");
    pictures.made(
        plot::chart(pictures.path("grid_vs_random_accuracy.png"), accuracy, pictures.style()),
        "the accuracy of every trial against alpha");
    pictures.report();
  }
  return cli::kExitOk;
}

cli::ProgramSpec grid_vs_random_spec() {
  cli::ProgramSpec p;
  p.name = "course2.grid_vs_random";
  p.lecture = "C2 3.1";
  p.summary = "a grid against random search over alpha and Adam's epsilon on the moons";
  p.options = {
      cli::number_option("--per-axis", cli::Kind::kInteger, "N", "5", cli::Bound::kAny,
                         "values per axis of the grid, 2 to 10; random search tries N * N "
                         "points",
                         10),
      cli::number_option("--epochs", cli::Kind::kInteger, "N", "1000", cli::Bound::kPositive,
                         "epochs of each trial", 100000),
      cli::seed_option("1", "the random search's points"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.validate = [](const cli::Arguments& args) {
    if (args.integer("--per-axis") < 2) {
      throw cli::UsageError("--per-axis must be at least 2, not " +
                            std::to_string(args.integer("--per-axis")));
    }
  };
  p.details = {
      "Lecture C2 3.1's two searches with the same budget: a grid of N x N points and N * N "
      "random points (RandomState(seed).rand), over the learning rate alpha in [0.0001, 0.1] "
      "and Adam's epsilon in [1e-10, 1e-06], both on a log scale. Each trial trains the "
      "optimization notebook's moons model ([2, 5, 2, 1], Adam, mini-batches of 64) for "
      "--epochs epochs (1000 by default, a tenth of a second; the notebook trains 5000) and "
      "scores its accuracy on the training set. Prints each search's distinct alphas with their "
      "accuracies and its best trial: alpha matters, epsilon hardly at all, so the grid's 25 "
      "trials try only 5 alphas.",
      "With --plots DIR draws grid_vs_random_trials.png (the trials in the plane) and "
      "grid_vs_random_accuracy.png (accuracy against alpha, both searches). Your code runs: "
      "sample_log_uniform (the random points), the model's Adam and mini-batches.",
  };
  return p;
}
DLC_PROGRAM(grid_vs_random_spec, grid_vs_random);

// ---- C2 3.2 the right scale ---------------------------------------------------------------------

/// The share of `values` in [low, high].
double share_in(const Matrix& values, double low, double high) {
  std::size_t count = 0;
  for (std::size_t j = 0; j < values.cols(); ++j)
    count += values(0, j) >= low && values(0, j) <= high ? 1 : 0;
  return static_cast<double>(count) / static_cast<double>(values.cols());
}

/// `dlc run course2.sampling_scale`: alpha and beta drawn uniformly and on the log scale.
int sampling_scale(const cli::Arguments& args, const RunContext&) {
  const long samples = args.integer("--samples");
  const std::uint32_t seed = cli::seed(args);
  Pictures pictures(args);
  RandomState rng(seed);
  const std::size_t n = static_cast<std::size_t>(samples);
  const Matrix u = rng.rand(1, n);  // np.random.rand(1, n)

  const Matrix alpha_uniform = 1e-4 + (1.0 - 1e-4) * u;
  const Matrix alpha_log = tuning::sample_log_uniform(1e-4, 1.0, u);
  check_result("sample_log_uniform", "its result", alpha_log, u.shape());
  std::cout << "Lecture C2 3.2: " << samples << " samples of alpha in [0.0001, 1] (seed " << seed
            << ")\n";
  std::cout << "  share in           uniformly   log scale (r = -4 * rand(), alpha = 10^r)\n";
  const double edges[] = {1e-4, 1e-3, 1e-2, 1e-1, 1.0};
  for (int k = 0; k < 4; ++k) {
    char line[128];
    const std::string range = "[" + plain(edges[k]) + ", " + plain(edges[k + 1]) + "]";
    std::snprintf(line, sizeof line, "  %-17s %10s   %9s\n", range.c_str(),
                  fixed(share_in(alpha_uniform, edges[k], edges[k + 1]), 4).c_str(),
                  fixed(share_in(alpha_log, edges[k], edges[k + 1]), 4).c_str());
    std::cout << line;
  }
  {
    char line[128];
    std::snprintf(line, sizeof line, "  %-17s %10s   %9s\n", "[0.0001, 0.1]",
                  fixed(share_in(alpha_uniform, 1e-4, 0.1), 4).c_str(),
                  fixed(share_in(alpha_log, 1e-4, 0.1), 4).c_str());
    std::cout << line;
  }

  std::cout << "\nbeta averages about 1 / (1 - beta) values:\n";
  for (const auto& [from, to] : {std::pair{0.9, 0.9005}, std::pair{0.999, 0.9995}}) {
    std::cout << "  beta " << plain(from) << " -> " << plain(to) << ": 1 / (1 - beta) from "
              << fixed(1.0 / (1.0 - from), 2) << " to " << fixed(1.0 / (1.0 - to), 2) << "\n";
  }
  const Matrix beta_uniform = 0.9 + (0.999 - 0.9) * u;
  const Matrix beta_log = tuning::sample_beta(0.9, 0.999, u);
  check_result("sample_beta", "its result", beta_log, u.shape());
  std::cout << samples << " samples of beta in [0.9, 0.999]\n";
  std::cout << "  share in          uniformly   1 - beta on the log scale (beta = 1 - 10^r)\n";
  const double beta_edges[] = {0.9, 0.99, 0.999};
  for (int k = 0; k < 2; ++k) {
    char line[128];
    const std::string range = "[" + plain(beta_edges[k]) + ", " + plain(beta_edges[k + 1]) + "]";
    std::snprintf(line, sizeof line, "  %-16s %10s   %9s\n", range.c_str(),
                  fixed(share_in(beta_uniform, beta_edges[k], beta_edges[k + 1]), 4).c_str(),
                  fixed(share_in(beta_log, beta_edges[k], beta_edges[k + 1]), 4).c_str());
    std::cout << line;
  }
  std::cout << std::flush;

  if (pictures.enabled()) {
    // The samples sorted: sample i of n against its rank i / n (the inverse of the cumulative
    // share), at most 1000 of them.
    const auto sorted = [](const Matrix& m, bool days) {
      std::vector<double> v(m.data(), m.data() + m.size());
      std::sort(v.begin(), v.end());
      plot::Curve c;
      const std::size_t step = std::max<std::size_t>(1, v.size() / 1000);
      for (std::size_t i = 0; i < v.size(); i += step) {
        c.x.push_back(static_cast<double>(i) / static_cast<double>(v.size()));
        c.y.push_back(days ? 1.0 / (1.0 - v[i]) : v[i]);
      }
      return c;
    };
    plot::Curve a_uniform = sorted(alpha_uniform, false), a_log = sorted(alpha_log, false);
    a_uniform.name = "alpha drawn uniformly";
    a_log.name = "alpha = 10^r, r = -4 * rand()";
    plot::Axes axes;
    axes.title = std::to_string(samples) + " samples of alpha in [0.0001, 1], sorted";
    axes.xlabel = "share of the samples below";
    axes.ylabel = "alpha (log scale)";
    pictures.made(plot::line_plot(pictures.path("sampling_scale_alpha.png"), {a_uniform, a_log},
                                  axes, true, pictures.style()),
                  "alpha's samples sorted, uniformly and on the log scale");
    plot::Curve b_uniform = sorted(beta_uniform, true), b_log = sorted(beta_log, true);
    b_uniform.name = "beta drawn uniformly";
    b_log.name = "beta = 1 - 10^r, r in [-3, -1]";
    axes.title = std::to_string(samples) + " samples of beta in [0.9, 0.999], sorted";
    axes.ylabel = "values averaged, 1 / (1 - beta) (log scale)";
    pictures.made(plot::line_plot(pictures.path("sampling_scale_beta.png"), {b_uniform, b_log},
                                  axes, true, pictures.style()),
                  "beta's samples sorted, as the number of values each averages");
    pictures.report();
  }
  return cli::kExitOk;
}

cli::ProgramSpec sampling_scale_spec() {
  cli::ProgramSpec p;
  p.name = "course2.sampling_scale";
  p.lecture = "C2 3.2";
  p.summary = "alpha and beta sampled uniformly and on the log scale";
  p.options = {
      cli::number_option("--samples", cli::Kind::kInteger, "N", "10000", cli::Bound::kPositive,
                         "samples of each", 10000000),
      cli::seed_option("0", "the uniform draws u, shared by both ways of sampling"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "Lecture C2 3.2: the same uniform draws u give alpha in [0.0001, 1] uniformly "
      "(0.0001 + 0.9999 u) and on the log scale (sample_log_uniform: r = -4 u, alpha = 10^r); "
      "prints the share of each in every decade and in [0.0001, 0.1] (about 10 % against 75 "
      "%). Then beta: 0.9 -> 0.9005 moves the number of values averaged, 1 / (1 - beta), from "
      "10 to 10.05, 0.999 -> 0.9995 from 1000 to 2000; and the shares of beta in [0.9, 0.99] "
      "and [0.99, 0.999], drawn uniformly and by sample_beta (beta = 1 - 10^r).",
      "With --plots DIR draws sampling_scale_alpha.png and sampling_scale_beta.png, the samples "
      "sorted. Your code runs: sample_log_uniform and sample_beta.",
  };
  return p;
}
DLC_PROGRAM(sampling_scale_spec, sampling_scale);

// ---- C2 3.1 coarse to fine ----------------------------------------------------------------------

/// One round of random search over alpha and the mini-batch size (rounded to a whole number).
std::vector<Trial> search_round(const ToyData& d, const tuning::Box& box, int trials, int epochs,
                                std::uint32_t seed) {
  const Matrix points = tuning::random_points(box, trials, seed);
  std::vector<Trial> result;
  for (std::size_t j = 0; j < points.cols(); ++j) {
    decay::ModelOptions o;
    o.learning_rate = points(0, j);
    o.mini_batch_size = static_cast<int>(std::lround(points(1, j)));
    o.num_epochs = epochs;
    const double accuracy = moons_accuracy(d, o);
    result.push_back(Trial{points(0, j), static_cast<double>(o.mini_batch_size),
                           std::isnan(accuracy) ? 0.0 : accuracy, std::isnan(accuracy)});
  }
  return result;
}

/// Prints a round's best trials, best first.
void print_round(const std::string& name, const tuning::Box& box, std::vector<Trial> trials,
                 int shown) {
  std::cout << name << ": " << trials.size() << " random trials, alpha in " << range_text(box.x)
            << ", mini-batch size in " << range_text(box.y) << "\n";
  std::stable_sort(trials.begin(), trials.end(),
                   [](const Trial& a, const Trial& b) { return a.accuracy > b.accuracy; });
  int diverged = 0;
  for (const Trial& t : trials) diverged += t.diverged ? 1 : 0;
  std::cout << "  accuracy   alpha      mini-batch size\n";
  for (int k = 0; k < shown && k < static_cast<int>(trials.size()); ++k) {
    char line[128];
    std::snprintf(line, sizeof line, "  %-10s %-10s %d\n", fixed(trials[k].accuracy, 4).c_str(),
                  g4(trials[k].x).c_str(), static_cast<int>(trials[k].y));
    std::cout << line;
  }
  if (diverged > 0) std::cout << "  (" << diverged << " diverged, scored 0)\n";
  const Trial& median = trials[(trials.size() - 1) / 2];  // the middle one, best first
  std::cout << "  best accuracy: " << python_repr(trials[0].accuracy)
            << "; median accuracy: " << python_repr(median.accuracy) << "\n";
}

/// `dlc run course2.coarse_to_fine`: two rounds of random search, the second in the box around
/// the first one's best trials.
int coarse_to_fine(const cli::Arguments& args, const RunContext&) {
  const int trials = static_cast<int>(args.integer("--trials"));
  const int epochs = static_cast<int>(args.integer("--epochs"));
  const double keep = args.real("--keep");
  const std::uint32_t seed = cli::seed(args);
  Pictures pictures(args);
  const ToyData d = decay::load_dataset();
  const tuning::Box box{{1e-4, 1.0, true}, {16.0, 256.0, true}};

  std::cout << "Lecture C2 3.1, coarse to fine: alpha and the mini-batch size (rounded), both on "
               "a log scale;\neach trial trains the moons model with Adam for "
            << epochs << " epochs and scores its accuracy on the 300 training examples.\n\n";
  const std::vector<Trial> round1 = search_round(d, box, trials, epochs, seed);
  print_round("round 1", box, round1, 5);

  Matrix points(2, round1.size()), scores(1, round1.size());
  for (std::size_t j = 0; j < round1.size(); ++j) {
    points(0, j) = round1[j].x;
    points(1, j) = round1[j].y;
    scores(0, j) = round1[j].accuracy;
  }
  const tuning::Box fine = tuning::zoom(box, points, scores, keep);
  std::cout << "\nzoom_box around the best " << python_repr(keep) << " of the trials: alpha in "
            << range_text(fine.x) << ", mini-batch size in " << range_text(fine.y) << "\n\n";
  const std::vector<Trial> round2 = search_round(d, fine, trials, epochs, seed + 1);
  print_round("round 2", fine, round2, 5);
  std::cout << std::flush;

  if (pictures.enabled()) {
    plot::Chart chart;
    chart.axes.title = "Coarse to fine: round 1 in the box, round 2 in the zoomed box";
    chart.axes.xlabel = "alpha (log scale)";
    chart.axes.ylabel = "mini-batch size";
    chart.axes.log_x = true;
    chart.lines = {outline("the first box", box), outline("the zoomed box", fine)};
    for (const auto* round : {&round1, &round2}) {
      plot::Curve c{round == &round1 ? "round 1" : "round 2", {}, {}};
      for (const Trial& t : *round) {
        c.x.push_back(t.x);
        c.y.push_back(t.y);
      }
      chart.points.push_back(c);
    }
    pictures.made(plot::chart(pictures.path("coarse_to_fine.png"), chart, pictures.style()),
                  "both rounds' trials and the two boxes");
    pictures.report();
  }
  return cli::kExitOk;
}

cli::ProgramSpec coarse_to_fine_spec() {
  cli::ProgramSpec p;
  p.name = "course2.coarse_to_fine";
  p.lecture = "C2 3.1";
  p.summary = "two rounds of random search on the moons, the second in a zoomed box";
  p.options = {
      cli::number_option("--trials", cli::Kind::kInteger, "N", "20", cli::Bound::kPositive,
                         "trials per round", 1000),
      cli::number_option("--epochs", cli::Kind::kInteger, "N", "1000", cli::Bound::kPositive,
                         "epochs of each trial", 100000),
      cli::number_option("--keep", cli::Kind::kReal, "X", "0.2", cli::Bound::kPositive,
                         "the share of round 1's trials the zoomed box holds, at most 1"),
      cli::seed_option("1", "round 1's points; round 2 uses seed + 1"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.validate = [](const cli::Arguments& args) {
    if (args.real("--keep") > 1.0) {
      throw cli::UsageError("--keep must be at most 1, not " + args.text("--keep"));
    }
  };
  p.details = {
      "Lecture C2 3.1's coarse to fine: round 1 draws --trials random points (random_points, "
      "seed N) in the box alpha in [0.0001, 1] and mini-batch size in [16, 256], both on a log "
      "scale (the size rounded to a whole number); each trial trains the optimization "
      "notebook's moons model with Adam for --epochs epochs (1000 by default) and scores its "
      "accuracy on the training set. zoom_box takes the best --keep share of the trials and "
      "returns the smallest box around them (in log10 on each axis), 10 % wider on each side "
      "and clipped to the first box; round 2 draws as many points there (seed N + 1). Prints "
      "each round's five best trials, its best and median accuracy, and the zoomed box.",
      "With --plots DIR draws coarse_to_fine.png: both rounds' trials and the two boxes. Your "
      "code runs: sample_log_uniform, zoom_box, the model's Adam and mini-batches.",
  };
  return p;
}
DLC_PROGRAM(coarse_to_fine_spec, coarse_to_fine);

}  // namespace

}  // namespace dlc::runner
