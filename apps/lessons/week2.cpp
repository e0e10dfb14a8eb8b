/// \file
/// \brief The week-2 programs of `dlc run`: images, logistic regression, the computation graph,
/// vectorization and broadcasting, each printing what the lecture or the notebook shows.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

#include "apps/cli/programs.hpp"
#include "apps/lessons/data.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"
#include "common/training.hpp"
#include "week2/broadcasting.hpp"
#include "week2/computation_graph.hpp"
#include "week2/images.hpp"
#include "week2/logistic_regression.hpp"
#include "week2/vectorization.hpp"

namespace dlc::runner {

namespace {

// numpy's shape of a 4-D array of images, `(m, h, w, c)`.
std::string image_shape(const ImageSet& im) {
  return "(" + std::to_string(im.count) + ", " + std::to_string(im.height) + ", " +
         std::to_string(im.width) + ", " + std::to_string(im.channels) + ")";
}

/// `dlc run week2.images`: the notebook's shapes before and after flattening, and its sanity
/// check on the first column.
int images(const cli::Arguments& args, const RunContext&) {
  const LessonData data = load_lesson_data(args);
  const ImageSet& train = data.sets.train.images;
  const ImageSet& test = data.sets.test.images;
  std::cout << describe(data) << "\n\n";
  std::cout << "Number of training examples: m_train = " << train.count << '\n'
            << "Number of testing examples: m_test = " << test.count << '\n';
  if (train.height == train.width) {
    std::cout << "Height/Width of each image: num_px = " << train.height << '\n';
  } else {
    std::cout << "Height x width of each image: " << train.height << " x " << train.width << '\n';
  }
  std::cout << "Each image is of size: (" << train.height << ", " << train.width << ", "
            << train.channels << ")\n"
            << "train_set_x shape: " << image_shape(train) << '\n'
            << "train_set_y shape: " << data.sets.train.labels.shape() << '\n'
            << "test_set_x shape: " << image_shape(test) << '\n'
            << "test_set_y shape: " << data.sets.test.labels.shape() << "\n\n"
            << std::flush;

  const Matrix train_flat = week2::flatten_images(train);
  const Matrix test_flat = week2::flatten_images(test);
  std::cout << "train_set_x_flatten shape: " << train_flat.shape() << '\n'
            << "train_set_y shape: " << data.sets.train.labels.shape() << '\n'
            << "test_set_x_flatten shape: " << test_flat.shape() << '\n'
            << "test_set_y shape: " << data.sets.test.labels.shape() << '\n';
  const std::size_t k = std::min<std::size_t>(5, train_flat.rows());
  if (train_flat.cols() == 0) return cli::kExitOk;
  std::cout << "sanity check after reshaping: [";
  for (std::size_t i = 0; i < k; ++i) std::cout << (i ? " " : "") << plain(train_flat(i, 0));
  std::cout << "]\n" << std::flush;

  const Matrix first = train_flat.cols_range(0, 1);
  const Matrix scaled = week2::standardize_pixels(first);
  Matrix head(1, k);
  for (std::size_t i = 0; i < k; ++i) head(0, i) = scaled(i, 0);
  std::cout << "the same entries after standardize_pixels (/ 255.): " << head << '\n';
  return cli::kExitOk;
}

cli::ProgramSpec images_spec() {
  cli::ProgramSpec p;
  p.name = "week2.images";
  p.lecture = "2.1";
  p.summary = "images become the columns of X; the shapes before and after flattening";
  p.options = cli::data_options();
  p.details = {
      "Loads the images as week2.logreg does, prints the notebook's shapes, flattens them with "
      "flatten_images and prints the first 5 entries of the first column: the notebook's "
      "sanity check, [17 31 56 22 33] on the cat data.",
      cli::fashion_classes_line(),
  };
  p.validate = cli::validate_data;
  return p;
}
DLC_PROGRAM(images_spec, images);

/// `dlc run week2.logreg`: the notebook's model on the chosen data, as text or as JSON.
int logreg(const cli::Arguments& args, const RunContext& context) {
  const bool json = args.given("--json");
  const long iterations = args.integer("--iterations");
  const double learning_rate = args.real("--learning-rate");
  const long print_every = args.integer("--print-every");

  const LessonData data = load_lesson_data(args);
  if (!json) std::cout << describe(data) << '\n' << std::flush;

  // The notebook: flatten (n_x, m), then divide by 255.
  const Matrix X_train = week2::standardize_pixels(week2::flatten_images(data.sets.train.images));
  const Matrix X_test = week2::standardize_pixels(week2::flatten_images(data.sets.test.images));
  Pictures pictures(args);  // before the training: no gnuplot, or no folder, stops it here
  const week2::Model d =
      week2::model(X_train, data.sets.train.labels, X_test, data.sets.test.labels, iterations,
                   learning_rate, /*print_cost=*/!json, /*record_every=*/print_every);

  if (pictures.enabled() && !d.costs.empty()) {
    // The notebook's plt.plot(costs): the cost recorded every print_every iterations.
    plot::Curve costs{"cost", {}, d.costs};
    for (std::size_t k = 0; k < d.costs.size(); ++k)
      costs.x.push_back(static_cast<double>(k) * static_cast<double>(print_every));
    const auto& classes = data.sets.train.classes;
    plot::Axes axes;
    axes.title = "Logistic regression: " +
                 (classes.size() == 2 ? classes[1] + " vs " + classes[0] : data.label) +
                 ", learning rate " + python_repr(learning_rate);
    axes.xlabel = "iteration";
    axes.ylabel = "cost J";
    pictures.made(
        plot::line_plot(pictures.path("logreg_cost.png"), {costs}, axes, false, pictures.style()),
        "the cost during training");
  }
  if (!json) {
    pictures.report();
    return cli::kExitOk;
  }

  nlohmann::ordered_json costs = nlohmann::ordered_json::array();
  for (std::size_t k = 0; k < d.costs.size(); ++k)
    costs.push_back({{"iteration", static_cast<long long>(k) * print_every}, {"cost", d.costs[k]}});
  const nlohmann::ordered_json out = {{"program", "week2.logreg"},
                                      {"flavour", context.flavour},
                                      {"dataset", data.dataset},
                                      {"classes", data.sets.train.classes},
                                      {"m_train", X_train.cols()},
                                      {"m_test", X_test.cols()},
                                      {"n_x", X_train.rows()},
                                      {"iterations", iterations},
                                      {"learning_rate", learning_rate},
                                      {"print_every", print_every},
                                      {"costs", costs},
                                      {"train_accuracy", d.train_accuracy},
                                      {"test_accuracy", d.test_accuracy},
                                      {"pictures", pictures.paths()}};
  std::cout << json_line(out) << '\n';
  return cli::kExitOk;
}

cli::ProgramSpec logreg_spec() {
  cli::ProgramSpec p;
  p.name = "week2.logreg";
  p.lecture = "2.2-2.4, 2.7-2.13";
  p.summary = "logistic regression trained by gradient descent";
  p.options = cli::data_options();
  p.options.push_back(cli::number_option("--iterations", cli::Kind::kInteger, "N", "2000",
                                         cli::Bound::kNonNegative, "gradient-descent steps"));
  p.options.push_back(cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.005",
                                         cli::Bound::kPositive, "the learning rate alpha"));
  p.options.push_back(cli::number_option("--print-every", cli::Kind::kInteger, "N", "100",
                                         cli::Bound::kPositive,
                                         "record (and print) the cost every N iterations"));
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.options.push_back(cli::flag_option(
      "--json", "print one JSON object (settings, costs, accuracies, pictures) instead of text"));
  p.details = {
      "The notebook's pipeline: load, flatten_images, standardize_pixels, then model, which "
      "prints 'Cost after iteration 0: 0.693147' ... and the train and test accuracies. With "
      "the course's cat files: dlc run week2.logreg --data-dir DIR",
      "It draws the costs it printed, as the notebook's plot does, in logreg_cost.png.",
      "--json prints one object instead: program, flavour, dataset, classes (names by label y), "
      "m_train, m_test, n_x, iterations, learning_rate, print_every, costs ([{iteration, cost}] "
      "at full precision), train_accuracy, test_accuracy, pictures (the files written).",
      cli::fashion_classes_line(),
  };
  p.validate = [](const cli::Arguments& args) {
    cli::validate_data(args);
    cli::validate_plots(args);
  };
  return p;
}
DLC_PROGRAM(logreg_spec, logreg);

/// `dlc run week2.graph`: the lecture's computation graph, forward then backward.
int graph(const cli::Arguments& args, const RunContext&) {
  const double a = args.real("--a"), b = args.real("--b"), c = args.real("--c");
  std::cout << "The computation graph of J(a, b, c) = 3(a + bc), with a = " << plain(a)
            << ", b = " << plain(b) << ", c = " << plain(c) << "\n\n"
            << std::flush;
  const week2::GraphForward f = week2::graph_forward(a, b, c);
  std::cout << "Forward pass (left to right):\n"
            << "  u = bc    = " << plain(f.u) << '\n'
            << "  v = a + u = " << plain(f.v) << '\n'
            << "  J = 3v    = " << plain(f.J) << "\n\n"
            << std::flush;
  const week2::GraphBackward g = week2::graph_backward(f);
  std::cout << "Backward pass (right to left, by the chain rule; in code dvar means dJ/dvar):\n"
            << "  dv = dJ/dv                  = " << plain(g.dv) << '\n'
            << "  da = dJ/dv * dv/da = dv     = " << plain(g.da) << '\n'
            << "  du = dJ/dv * dv/du = dv     = " << plain(g.du) << '\n'
            << "  db = dJ/du * du/db = du * c = " << plain(g.db) << '\n'
            << "  dc = dJ/du * du/dc = du * b = " << plain(g.dc) << '\n';
  return cli::kExitOk;
}

cli::ProgramSpec graph_spec() {
  cli::ProgramSpec p;
  p.name = "week2.graph";
  p.lecture = "2.5-2.6";
  p.summary = "the computation graph of J = 3(a + bc), forward and backward";
  p.options = {
      cli::number_option("--a", cli::Kind::kReal, "X", "5", cli::Bound::kAny, "input a"),
      cli::number_option("--b", cli::Kind::kReal, "X", "3", cli::Bound::kAny, "input b"),
      cli::number_option("--c", cli::Kind::kReal, "X", "2", cli::Bound::kAny, "input c"),
  };
  p.details = {
      "Prints u = bc, v = a + u, J = 3v left to right, then dJ/dv, dJ/da, dJ/du, dJ/db, dJ/dc "
      "right to left by the chain rule.",
  };
  return p;
}
DLC_PROGRAM(graph_spec, graph);

/// `dlc run week2.vectorization`: the lecture's timing of a for loop against one BLAS call.
int vectorization(const cli::Arguments& args, const RunContext&) {
  const auto n = static_cast<std::size_t>(args.integer("--n"));
  const auto seed = cli::seed(args);
  const int repeats = static_cast<int>(args.integer("--repeats"));
  std::cout << "a = np.random.rand(" << n << "), b = np.random.rand(" << n << ") (seed " << seed
            << "); c = a^T b, the fastest of " << repeats << " runs each\n\n"
            << std::flush;
  const week2::DotTiming t = week2::time_dot_products(n, seed, repeats);
  std::cout << "c = " << python_repr(t.c_vectorized) << '\n'
            << "Vectorized version: " << milliseconds(t.vectorized_ms) << "ms\n"
            << "c = " << python_repr(t.c_loop) << '\n'
            << "For loop: " << milliseconds(t.loop_ms) << "ms\n\n";

  // Both sum the same products in different orders, so they agree up to rounding.
  const double diff = std::fabs(t.c_vectorized - t.c_loop);
  const double scale = std::max({std::fabs(t.c_vectorized), std::fabs(t.c_loop), 1.0});
  if (!(diff <= 1e-9 * scale)) {
    std::cout << std::flush;
    std::cerr << "dlc: the two results differ by " << python_repr(diff)
              << ", more than rounding explains; dot_loop or dot_vectorized is wrong\n";
    return cli::kExitFailure;
  }
  std::cout << "The results agree (they differ by " << python_repr(diff) << ", rounding).\n";
  if (t.vectorized_ms > 0.0 && t.loop_ms > 0.0) {
    char ratio[160];
    if (t.loop_ms >= t.vectorized_ms) {
      std::snprintf(ratio, sizeof ratio,
                    "The for loop took %.3g times as long as the vectorized version.",
                    t.loop_ms / t.vectorized_ms);
    } else {
      std::snprintf(ratio, sizeof ratio,
                    "Here the for loop was %.3g times as fast: for so few numbers the cost of "
                    "calling BLAS dominates.",
                    t.vectorized_ms / t.loop_ms);
    }
    std::cout << ratio << '\n';
  }
  return cli::kExitOk;
}

cli::ProgramSpec vectorization_spec() {
  cli::ProgramSpec p;
  p.name = "week2.vectorization";
  p.lecture = "2.9";
  p.summary = "a dot product of a million numbers, for loop against BLAS, timed";
  p.options = {
      cli::number_option("--n", cli::Kind::kInteger, "N", "1000000", cli::Bound::kPositive,
                         "length of the two random vectors", 100'000'000),
      cli::number_option("--repeats", cli::Kind::kInteger, "N", "5", cli::Bound::kPositive,
                         "runs of each version; the fastest counts", 1000),
      cli::seed_option("1", "seed of np.random.rand"),
  };
  p.details = {
      "Prints both results (they agree up to rounding), both times and their ratio.",
  };
  return p;
}
DLC_PROGRAM(vectorization_spec, vectorization);

/// `dlc run week2.broadcasting`: the lecture's calories example, and a shape that does not
/// broadcast.
int broadcasting(const cli::Arguments&, const RunContext&) {
  const Matrix A = week2::calories_table();
  std::cout << "A: calories from carbohydrate, protein, fat (rows) in 100 g of\n"
            << "   apples, beef, eggs, potatoes (columns), shape " << A.shape() << ":\n"
            << A << "\n\n";
  const Matrix cal = sum(A, 0);
  std::cout << "cal = A.sum(axis=0), shape " << cal.shape() << ":\n" << cal << "\n\n" << std::flush;
  const Matrix percentage = week2::calorie_percentages(A);
  std::cout << "percentage = 100 * A / cal, (3, 4) / (1, 4) broadcast over the rows, shape "
            << percentage.shape() << ":\n"
            << percentage << "\n\n";

  const Matrix B{{1.0, 2.0, 3.0}};
  std::cout << "A / B with B of shape " << B.shape()
            << " breaks the rule (along each axis the sizes are equal or one is 1):\n";
  try {
    const Matrix C = A / B;
    std::cout << "  no error?! the result has shape " << C.shape() << '\n';
    return cli::kExitFailure;
  } catch (const ShapeError& e) {
    std::cout << "  ShapeError: " << e.what() << '\n';
  }
  return cli::kExitOk;
}

cli::ProgramSpec broadcasting_spec() {
  cli::ProgramSpec p;
  p.name = "week2.broadcasting";
  p.lecture = "2.12";
  p.summary = "the calories table, its column sums and percentages by broadcasting";
  p.details = {
      "Prints the table, its column sums and the percentages, then what a shape that does not "
      "broadcast does: A / B with B of shape (1, 3) throws ShapeError.",
  };
  return p;
}
DLC_PROGRAM(broadcasting_spec, broadcasting);

}  // namespace

}  // namespace dlc::runner
