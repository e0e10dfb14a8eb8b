/// \file
/// \brief The programs of Course 2's initialization lesson: the notebook's model from zeros,
/// from large random weights and from He's (C2 1.11), and lecture C2 1.10's exploding and
/// vanishing activations in a deep linear network.

#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"
#include "common/random.hpp"
#include "common/training.hpp"
#include "course2/initialization.hpp"

namespace dlc::runner {

namespace {

const plot::Classes kCircleClasses{"y = 0 (outer circle)", "y = 1 (inner circle)"};

/// The initializations `--init` chooses, in the notebook's order.
const std::vector<std::string> kInitializations = {"zeros", "random", "he"};

/// `dlc run course2.initialization`: the notebook's model on the circles, from one start (or
/// all three), printing what its cells print.
int initialization(const cli::Arguments& args, const RunContext&) {
  const std::string chosen = args.text("--init");
  const long iterations = args.integer("--iterations");
  const double learning_rate = args.real("--learning-rate");
  Pictures pictures(args);
  const course2::Dataset d = course2::load_dataset();

  std::vector<plot::Panel> panels;
  for (const std::string& init : kInitializations) {
    if (chosen != "all" && chosen != init) continue;
    if (chosen == "all") std::cout << "initialization = \"" << init << "\"\n";
    const course2::Parameters parameters = course2::initialization::model(
        d.train_X, d.train_Y, learning_rate, static_cast<int>(iterations), true, init, std::cout);
    std::cout << "On the train set:\n";
    const Matrix train = course2::predict(d.train_X, d.train_Y, parameters, std::cout);
    std::cout << "On the test set:\n";
    const Matrix test = course2::predict(d.test_X, d.test_Y, parameters, std::cout);
    if (chosen == "all") std::cout << "\n";
    std::cout << std::flush;
    // Short enough for a panel: the initialization and its two accuracies.
    const std::string title = std::string(init == "he" ? "He" : init) + ": train " +
                              percent_f(mean(equal(train, d.train_Y))).substr(0, 5) + ", test " +
                              percent_f(mean(equal(test, d.test_Y))).substr(0, 5);
    panels.push_back({title, [parameters](const Matrix& points) {
                        return course2::predict_dec(parameters, points);
                      }});
  }

  if (pictures.enabled()) {
    if (panels.size() == 1) {
      plot::Axes axes;
      axes.title = panels[0].title;
      pictures.made(plot::decision_boundary(pictures.path("init_" + chosen + "_boundary.png"),
                                            panels[0].classify, d.train_X, d.train_Y, axes,
                                            kCircleClasses, pictures.style()),
                    "the decision boundary on the training set");
    } else {
      pictures.made(plot::decision_boundaries(pictures.path("init_boundaries.png"), panels,
                                              d.train_X, d.train_Y,
                                              "The circles after " + std::to_string(iterations) +
                                                  " iterations from each initialization",
                                              3, kCircleClasses, pictures.style()),
                    "the three decision boundaries on the training set");
    }
    pictures.report();
  }
  return cli::kExitOk;
}

cli::ProgramSpec initialization_spec() {
  cli::ProgramSpec p;
  p.name = "course2.initialization";
  p.lecture = "C2 1.11";
  p.summary = "the circles learned from zeros, from randn * 10 and from He initialization";
  p.options = {
      cli::text_option("--init", "NAME", "he",
                       "the initialization: zeros, random (randn * 10), he, or all three",
                       {"zeros", "random", "he", "all"}),
      cli::number_option("--iterations", cli::Kind::kInteger, "N", "15000",
                         cli::Bound::kNonNegative, "gradient-descent steps"),
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.01", cli::Bound::kPositive,
                         "the learning rate alpha"),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "The notebook's model: LINEAR -> RELU -> LINEAR -> RELU -> LINEAR -> SIGMOID with layers "
      "[2, 10, 5, 1] on make_circles(300) (seed 1; the test set: 100 points, seed 2), started "
      "by initialize_parameters_zeros, _random or _he (seed 3), printing the cost every 1000 "
      "iterations, then the accuracy on the train and the test set. He: 'Cost after iteration "
      "0: 0.8830537463419761' ... '14000: 0.07357895962677366', 'Accuracy: 0.9933333333333333' "
      "and 'Accuracy: 0.96'; zeros: 0.6931471805599453 throughout, 0.5 and 0.5; random: 'inf' "
      "first, 0.83 and 0.86.",
      "With --plots DIR draws init_<init>_boundary.png, or init_boundaries.png with all three. "
      "Your code runs: the initialization chosen.",
  };
  return p;
}
DLC_PROGRAM(initialization_spec, initialization);

/// `dlc run course2.exploding`: lecture C2 1.10 in numbers, a deep linear network whose weights
/// are a little more, or a little less, than the identity.
int exploding(const cli::Arguments& args, const RunContext&) {
  const auto depth = static_cast<std::size_t>(args.integer("--depth"));
  const auto width = static_cast<std::size_t>(args.integer("--width"));
  Pictures pictures(args);
  RandomState rng(1);
  const Matrix X = rng.randn(width, 100);
  const double large = 1.5, small = 0.5;
  const course2::initialization::LayerScales up =
      course2::initialization::layer_scales(X, depth, large);
  const course2::initialization::LayerScales down =
      course2::initialization::layer_scales(X, depth, small);
  std::cout << "A network of " << depth << " linear layers of " << width
            << " units, W[l] = w I, on 100 examples of randn:\n"
            << "the root mean square of A[l] and of the gradient dA[l] that flows back to it\n\n"
            << "layer   A[l], w = 1.5   dA[l], w = 1.5   A[l], w = 0.5   dA[l], w = 0.5\n";
  for (std::size_t l = 0; l < depth; ++l) {
    char line[128];
    std::snprintf(line, sizeof line, "%5zu  %14.6g  %15.6g  %14.6g  %15.6g\n", l + 1,
                  up.activation[l], up.gradient[l], down.activation[l], down.gradient[l]);
    std::cout << line;
  }
  std::cout << "\nw = 1.5: A[L] is 1.5^" << depth << " = " << python_repr(std::pow(large, depth))
            << " times the input's scale; w = 0.5: 0.5^" << depth << " = "
            << python_repr(std::pow(small, depth)) << " times.\n"
            << std::flush;

  if (pictures.enabled()) {
    std::vector<double> layers;
    for (std::size_t l = 1; l <= depth; ++l) layers.push_back(static_cast<double>(l));
    plot::Axes axes;
    axes.title = "Deep linear network, W[l] = w I: activations and gradients by layer";
    axes.xlabel = "layer l";
    axes.ylabel = "root mean square (log scale)";
    pictures.made(plot::line_plot(pictures.path("init_exploding.png"),
                                  {plot::Curve{"A[l], w = 1.5", layers, up.activation},
                                   plot::Curve{"dA[l], w = 1.5", layers, up.gradient},
                                   plot::Curve{"A[l], w = 0.5", layers, down.activation},
                                   plot::Curve{"dA[l], w = 0.5", layers, down.gradient}},
                                  axes, true, pictures.style()),
                  "activations and gradients layer by layer, on a log scale");
    pictures.report();
  }
  return cli::kExitOk;
}

cli::ProgramSpec exploding_spec() {
  cli::ProgramSpec p;
  p.name = "course2.exploding";
  p.lecture = "C2 1.10";
  p.summary = "exploding and vanishing activations and gradients in a deep network";
  p.options = {
      cli::number_option("--depth", cli::Kind::kInteger, "L", "20", cli::Bound::kPositive,
                         "the number of layers", 200),
      cli::number_option("--width", cli::Kind::kInteger, "N", "4", cli::Bound::kPositive,
                         "the units of every layer", 1000),
  };
  for (auto& o : cli::plot_options()) p.options.push_back(std::move(o));
  p.details = {
      "Lecture C2 1.10 made real: a network of L linear layers whose weights are w times the "
      "identity, w = 1.5 and w = 0.5, fed 100 examples; prints the root mean square of each "
      "layer's activations A[l] and of the gradient dA[l] that reaches it (the cost 1/2 |A[L]|^2). "
      "With 1.5 the activations grow as 1.5^l and the gradient as it flows back, with 0.5 both "
      "shrink. With --plots DIR draws "
      "init_exploding.png on a log scale. Only given code runs.",
  };
  return p;
}
DLC_PROGRAM(exploding_spec, exploding);

}  // namespace

}  // namespace dlc::runner
