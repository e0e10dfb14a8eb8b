/// \file
/// \brief The week-4 programs of `dlc run` around the deep network: the table of shapes (4.3)
/// and the cat notebook's two-layer and L-layer models on real images.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/data.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/matrix.hpp"
#include "common/progress.hpp"
#include "common/training.hpp"
#include "week4/application.hpp"
#include "week4/deep_network.hpp"
#include "week4/dimensions.hpp"

namespace dlc::runner {

namespace {

// `--layers` as the lesson's type (the catalogue has checked the text); empty when it has no
// value (the models' default depends on the data).
week4::LayerDims layers_of(const cli::Arguments& args) {
  week4::LayerDims dims;
  if (!args.has("--layers")) return dims;
  for (const long n : cli::parse_layers(args.text("--layers"))) dims.push_back(static_cast<int>(n));
  return dims;
}

// `12288, 20, 7, 5, 1`.
std::string join(const week4::LayerDims& dims) {
  std::string text;
  for (const int n : dims) text += (text.empty() ? "" : ", ") + std::to_string(n);
  return text;
}

/// `dlc run week4.shapes`: the lecture's table of dimensions.
int shapes(const cli::Arguments& args, const RunContext&) {
  const week4::LayerDims dims = layers_of(args);  // --layers has a default here
  const auto m = static_cast<std::size_t>(args.integer("--examples"));
  std::cout << "layer_dims = [" << join(dims) << "] (L = " << dims.size() - 1 << "), m = " << m
            << "\n\n"
            << std::flush;
  std::cout << week4::shapes_table(week4::layer_shapes(dims, m));
  return cli::kExitOk;
}

// The two models of the cat notebook, called alike.
using Model = week4::TrainedModel (*)(const Matrix&, const Matrix&, const week4::LayerDims&, double,
                                      long, bool, std::uint32_t, const week4::Observer&);

// On Fashion-MNIST, the training images a run uses unless --train-size says otherwise: the
// notebook's 2500 iterations then take seconds, not minutes.
constexpr std::size_t kFashionTrainDefault = 2000;

// The most points a cost curve keeps (every iteration for the notebook's 2500).
constexpr long kMaxCurvePoints = 5000;

/// Trains `model` on the chosen data as the notebook's cells do, prints the costs and
/// predict's accuracies, and draws the cost curve as `picture`.
int train_and_report(const cli::Arguments& args, const char* model_name, Model model,
                     const week4::LayerDims& default_hidden, const std::string& picture) {
  const long iterations = args.integer("--iterations");
  const double learning_rate = args.real("--learning-rate");
  const auto seed = cli::seed(args);
  Pictures pictures(args);

  const LessonData data = load_lesson_data(args, kFashionTrainDefault);
  std::cout << describe(data) << '\n' << std::flush;
  // The notebook: train_x = train_x_orig.reshape(m, -1).T / 255.
  const Matrix train_x = week4::image_matrix(data.sets.train.images);
  const Matrix test_x = week4::image_matrix(data.sets.test.images);
  const Matrix& train_y = data.sets.train.labels;
  const Matrix& test_y = data.sets.test.labels;

  week4::LayerDims dims = layers_of(args);
  if (dims.empty()) {
    dims.push_back(static_cast<int>(train_x.rows()));
    dims.insert(dims.end(), default_hidden.begin(), default_hidden.end());
  }
  std::cout << "layers_dims = [" << join(dims) << "]; learning rate " << python_repr(learning_rate)
            << ", " << iterations << " iterations, seed " << seed << "\n\n"
            << std::flush;

  std::vector<double> curve_x, curve_y;
  const long stride = std::max(1L, (iterations + kMaxCurvePoints - 1) / kMaxCurvePoints);
  Progress progress(model_name, iterations);
  const auto observe = [&](long i, double cost) {
    if (i % stride == 0 || i == iterations - 1) {
      curve_x.push_back(static_cast<double>(i));
      curve_y.push_back(cost);
    }
    // The notebook prints every 100 iterations and the last one, as Python prints a float.
    if (i % 100 == 0 || i == iterations - 1) {
      progress.clear();
      std::cout << "Cost after iteration " << i << ": " << python_repr(cost) << '\n' << std::flush;
    }
    progress.update(i + 1, cost);
  };
  const auto start = std::chrono::steady_clock::now();
  const auto [parameters, costs] =
      model(train_x, train_y, dims, learning_rate, iterations, /*print_cost=*/false, seed, observe);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  progress.finish();

  // The notebook's predict(X, y, parameters) prints the accuracy as it returns.
  std::cout << "\npredictions_train = predict(train_x, train_y, parameters)\n"
            << "Accuracy: "
            << python_repr(week4::accuracy(week4::predict(train_x, parameters), train_y)) << '\n'
            << "predictions_test = predict(test_x, test_y, parameters)\n"
            << "Accuracy: "
            << python_repr(week4::accuracy(week4::predict(test_x, parameters), test_y)) << "\n\n";
  // The lecture's point about vectorization, in seconds (initialization included, as the
  // notebook's cell times it).
  char timing[160];
  std::snprintf(timing, sizeof timing, "%s: %ld iterations in %.2f s (%s ms each)\n", model_name,
                iterations, took.count(),
                milliseconds(iterations > 0 ? 1000.0 * took.count() / iterations : 0.0).c_str());
  std::cout << timing << std::flush;

  if (pictures.enabled() && !curve_x.empty()) {
    plot::Axes axes;
    // Short enough for the picture: the model, its layers, the two classes and alpha.
    const auto& classes = data.sets.train.classes;
    const std::string task = classes.size() == 2 ? classes[1] + " vs " + classes[0] : data.label;
    axes.title = std::string(model_name) + " [" + join(dims) + "]: " + task + ", learning rate " +
                 python_repr(learning_rate);
    axes.xlabel = "iteration";
    axes.ylabel = "cost J";
    pictures.made(plot::line_plot(pictures.path(picture), {plot::Curve{"cost", curve_x, curve_y}},
                                  axes, false, pictures.style()),
                  "the cost during training");
  }
  pictures.report();
  return cli::kExitOk;
}

/// `dlc run week4.deep`: the notebook's L_layer_model, [12288, 20, 7, 5, 1] on the cat files.
int deep(const cli::Arguments& args, const RunContext&) {
  return train_and_report(args, "L_layer_model", week4::L_layer_model, {20, 7, 5, 1},
                          "deep_cost.png");
}

/// `dlc run week4.two_layer`: the notebook's two_layer_model, [12288, 7, 1] on the cat files.
int two_layer(const cli::Arguments& args, const RunContext&) {
  return train_and_report(args, "two_layer_model", week4::two_layer_model, {7, 1},
                          "two_layer_cost.png");
}

// The deep models' options: the data, the layers, and the training run.
std::vector<cli::OptionSpec> deep_options(const char* layers_default, const char* layers_help) {
  std::vector<cli::OptionSpec> options = cli::data_options();
  options.push_back(cli::text_option("--layers", "N,N,...", layers_default, layers_help));
  options.push_back(cli::number_option("--iterations", cli::Kind::kInteger, "N", "2500",
                                       cli::Bound::kNonNegative, "gradient-descent steps"));
  options.push_back(cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.0075",
                                       cli::Bound::kPositive, "the learning rate alpha"));
  options.push_back(cli::seed_option("1", "seed of the initialization's RandomState"));
  for (auto& o : cli::plot_options()) options.push_back(std::move(o));
  return options;
}

void validate_deep(const cli::Arguments& args) {
  cli::validate_data(args);
  cli::validate_plots(args);
  if (args.given("--layers")) cli::parse_layers(args.text("--layers"));
}

cli::ProgramSpec shapes_spec() {
  cli::ProgramSpec p;
  p.name = "week4.shapes";
  p.lecture = "4.1-4.3";
  p.summary = "the shape of every W[l], b[l], Z[l], A[l] of a deep network";
  p.options = {
      cli::text_option("--layers", "N,N,...", "12288,20,7,5,1",
                       "the layer sizes n[0] (features), n[1], ..., n[L]"),
      cli::number_option("--examples", cli::Kind::kInteger, "N", "209", cli::Bound::kPositive,
                         "m, the examples", 1'000'000'000),
  };
  p.details = {
      "Prints the lecture's table of dimensions from layer_shapes: for each layer l, W[l] "
      "(n[l], n[l-1]), b[l] (n[l], 1), Z[l] and A[l] (n[l], m); layer 0 is the input, A[0] = X. "
      "The default is the cat notebook's network on its 209 training images.",
  };
  p.validate = [](const cli::Arguments& args) { cli::parse_layers(args.text("--layers")); };
  return p;
}
DLC_PROGRAM(shapes_spec, shapes);

cli::ProgramSpec deep_spec() {
  cli::ProgramSpec p;
  p.name = "week4.deep";
  p.lecture = "4.1-4.6";
  p.summary = "the L-layer network of the cat notebook, trained on real images";
  p.options = deep_options("",
                           "layer sizes n[0],...,n[L] (default: n_x,20,7,5,1, the "
                           "notebook's 12288,20,7,5,1 on the cat files)");
  p.details = {
      "The notebook's L_layer_model: [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID, initialized "
      "with RandomState(seed) and randn / sqrt(n[l-1]), trained by gradient descent. It prints "
      "the cost every 100 iterations and after the last, as Python prints a float, then "
      "predict's accuracy on the training set and on the test set. On the course's cat files "
      "(--data-dir DIR): 'Cost after iteration 0: 0.7717493284237686' ... "
      "'2499: 0.088439943441702', 'Accuracy: 0.9856459330143539' and 'Accuracy: 0.8'.",
      "Without --data-dir it learns two classes of Fashion-MNIST (784 features), the first 2000 "
      "training images unless --train-size says otherwise, and all 2000 test images. Draws "
      "deep_cost.png, the cost curve. Your code runs: L_layer_model and everything it calls, "
      "and predict; on a terminal a progress bar on stderr shows the iteration and the cost.",
      cli::fashion_classes_line(),
  };
  p.validate = validate_deep;
  return p;
}
DLC_PROGRAM(deep_spec, deep);

cli::ProgramSpec two_layer_spec() {
  cli::ProgramSpec p;
  p.name = "week4.two_layer";
  p.lecture = "4.5-4.6";
  p.summary = "the two-layer network of the cat notebook, on real images";
  p.options =
      deep_options("", "three layer sizes n_x,n_h,1 (default: n_x,7,1, the notebook's 12288,7,1)");
  p.details = {
      "The notebook's two_layer_model: LINEAR -> RELU -> LINEAR -> SIGMOID, initialized with "
      "RandomState(seed) and randn * 0.01. Prints as week4.deep does; on the cat files: "
      "'Cost after iteration 0: 0.6930497356599888' ... '2499: 0.04421498215868956', "
      "'Accuracy: 0.9999999999999998' and 'Accuracy: 0.72'. On Fashion-MNIST it uses the first "
      "2000 training images unless --train-size says otherwise. Draws two_layer_cost.png.",
      cli::fashion_classes_line(),
  };
  p.validate = [](const cli::Arguments& args) {
    validate_deep(args);
    if (args.given("--layers") && cli::parse_layers(args.text("--layers")).size() != 3)
      throw cli::UsageError("--layers: the two-layer model takes three sizes, n_x,n_h,1");
  };
  return p;
}
DLC_PROGRAM(two_layer_spec, two_layer);

}  // namespace

}  // namespace dlc::runner
