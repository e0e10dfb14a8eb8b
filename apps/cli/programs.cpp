#include "apps/cli/programs.hpp"

#include <sstream>
#include <utility>

#include "common/datasets.hpp"

namespace dlc::cli {

namespace {

// The classes for --classes, in one line.
std::string fashion_classes_line() {
  std::string line = "Fashion-MNIST classes:";
  for (std::size_t k = 0; k < kFashionMnistClasses.size(); ++k)
    line += (k == 0 ? " " : ", ") + std::to_string(k) + " " + kFashionMnistClasses[k];
  return line;
}

// Option makers, so that each option of the catalogue reads as one line.
OptionSpec flag(std::string name, std::string help) {
  OptionSpec o;
  o.name = std::move(name);
  o.kind = Kind::kFlag;
  o.help = std::move(help);
  return o;
}

OptionSpec number(std::string name, Kind kind, std::string metavar, std::string default_value,
                  Bound bound, std::string help, long max = 0) {
  OptionSpec o;
  o.name = std::move(name);
  o.kind = kind;
  o.metavar = std::move(metavar);
  o.default_value = std::move(default_value);
  o.bound = bound;
  o.max = max;
  o.help = std::move(help);
  return o;
}

OptionSpec text(std::string name, std::string metavar, std::string default_value, std::string help,
                std::vector<std::string> choices = {}) {
  OptionSpec o;
  o.name = std::move(name);
  o.kind = Kind::kText;
  o.metavar = std::move(metavar);
  o.default_value = std::move(default_value);
  o.help = std::move(help);
  o.choices = std::move(choices);
  return o;
}

// The options that choose and limit the image data (week2.images, week2.logreg).
std::vector<OptionSpec> data_options() {
  return {
      text("--data-dir", "DIR", "",
           "folder with the course's train_catvnoncat.h5 and test_catvnoncat.h5 (implies "
           "--dataset cat)"),
      text("--dataset", "NAME", "",
           "cat or fashion-mnist (default: cat with --data-dir, else fashion-mnist)",
           {"cat", "fashion-mnist"}),
      text("--classes", "A,B", "7,9",
           "two different Fashion-MNIST classes 0-9; A becomes y = 0, B y = 1"),
      text("--fashion-dir", "DIR", "",
           "folder of Fashion-MNIST's IDX files (default: where Debian's dataset-fashion-mnist "
           "puts them)"),
      number("--train-size", Kind::kInteger, "N", "", Bound::kPositive,
             "keep at most the first N training examples (for quick runs)"),
      number("--test-size", Kind::kInteger, "N", "", Bound::kPositive,
             "keep at most the first N test examples (for quick runs)"),
  };
}

// The checks across the data options.
void validate_data(const Arguments& args) {
  const bool cat = chosen_dataset(args) == Dataset::kCat;
  if (cat && !args.given("--data-dir")) {
    throw UsageError(
        "--dataset cat needs --data-dir DIR, the folder with train_catvnoncat.h5 and "
        "test_catvnoncat.h5");
  }
  if (!cat && args.given("--data-dir"))
    throw UsageError(
        "--data-dir is the cat files' folder; it cannot go with --dataset "
        "fashion-mnist (use --fashion-dir)");
  if (cat && args.given("--classes"))
    throw UsageError("--classes chooses Fashion-MNIST classes; it cannot go with the cat data");
  if (cat && args.given("--fashion-dir"))
    throw UsageError("--fashion-dir cannot go with the cat data (use --data-dir)");
  if (!cat) parse_classes(args.text("--classes"));
}

// The largest hidden layer the week-3 programs train (a picture's grid is classified in chunks,
// so memory stays small even then).
constexpr long kMaxHidden = 1000;

// Where the pictures go (the week-3 programs).
std::vector<OptionSpec> plot_options() {
  return {
      text("--plots", "DIR", "dlc-plots",
           "folder for the pictures (PNG files drawn by gnuplot), made when missing"),
      flag("--no-plots", "draw no pictures (gnuplot is then not needed)"),
  };
}

void validate_plots(const Arguments& args) {
  if (args.given("--plots") && args.given("--no-plots"))
    throw UsageError("--plots and --no-plots cannot go together");
}

// The largest numbers of the small demos of weeks 1 and 3 (they print whole matrices).
constexpr long kMaxSmall = 20;

std::vector<ProgramSpec> make_programs() {
  std::vector<ProgramSpec> all;

  ProgramSpec neuron;
  neuron.name = "week1.neuron";
  neuron.summary = "1.2: one ReLU neuron, price = ReLU(w size + b), fitted to six houses";
  neuron.options = {
      number("--iterations", Kind::kInteger, "N", "2000", Bound::kNonNegative,
             "gradient-descent steps"),
      number("--learning-rate", Kind::kReal, "X", "0.1", Bound::kPositive,
             "the learning rate alpha"),
      number("--print-every", Kind::kInteger, "N", "200", Bound::kPositive,
             "print the cost every N iterations"),
  };
  for (auto& o : plot_options()) neuron.options.push_back(std::move(o));
  neuron.details = {
      "Fits the neuron of lecture 1.2 to the six made-up houses of housing_table() by gradient "
      "descent on the mean squared error, from w = 1, b = 0, with the size in thousands of "
      "square feet. It prints 'Cost after iteration 0: 46848.992083' ... the fitted w and b "
      "(about 140.249 and -26.238), and a table of every house's size, price and prediction, "
      "then draws week1_neuron.png (the houses and the fitted ReLU line) in the --plots folder.",
      "Your code runs: neuron_step at every step (through fit_neuron), and relu for the "
      "predictions. A learning rate far too large (try 1) kills the neuron: it then predicts 0 "
      "for every house and never recovers.",
  };
  neuron.validate = validate_plots;
  all.push_back(neuron);

  ProgramSpec housing;
  housing.name = "week1.housing";
  housing.summary = "1.2: the 4-3-1 housing network, its hidden units named, house by house";
  housing.options = {
      text("--house", "S,B,Z,W", "",
           "add a house of your own: size in 1000s of square feet, bedrooms, zip-code "
           "centrality (0 to 1), wealth (median income in $100,000s)"),
  };
  housing.details = {
      "Runs housing_network_forward with the hand-set weights of example_housing_network() on "
      "five built-in houses and prints them one per column, as the network sees them: the four "
      "features (the rows of X), the three hidden units (family size, walkability, school "
      "quality: the rows of A1) and the price in thousands of dollars. The house "
      "(2, 3, 0.5, 1.2) gets 2.5, 1, 3.6 and 374.",
  };
  housing.validate = [](const Arguments& args) {
    if (args.given("--house")) parse_house(args.text("--house"));
  };
  all.push_back(housing);

  ProgramSpec images;
  images.name = "week2.images";
  images.summary = "2.1: images become the columns of X; the shapes before and after flattening";
  images.options = data_options();
  images.details = {
      "Loads the images as week2.logreg does, prints the notebook's shapes, flattens them with "
      "flatten_images and prints the first 5 entries of the first column: the notebook's "
      "sanity check, [17 31 56 22 33] on the cat data.",
      fashion_classes_line(),
  };
  images.validate = validate_data;
  all.push_back(images);

  ProgramSpec logreg;
  logreg.name = "week2.logreg";
  logreg.summary = "2.2-2.4, 2.7-2.13: logistic regression trained by gradient descent";
  logreg.options = data_options();
  logreg.options.push_back(number("--iterations", Kind::kInteger, "N", "2000", Bound::kNonNegative,
                                  "gradient-descent steps"));
  logreg.options.push_back(number("--learning-rate", Kind::kReal, "X", "0.005", Bound::kPositive,
                                  "the learning rate alpha"));
  logreg.options.push_back(number("--print-every", Kind::kInteger, "N", "100", Bound::kPositive,
                                  "record (and print) the cost every N iterations"));
  for (auto& o : plot_options()) logreg.options.push_back(std::move(o));
  logreg.options.push_back(flag(
      "--json", "print one JSON object (settings, costs, accuracies, pictures) instead of text"));
  logreg.details = {
      "The notebook's pipeline: load, flatten_images, standardize_pixels, then model, which "
      "prints 'Cost after iteration 0: 0.693147' ... and the train and test accuracies. With "
      "the course's cat files: dlc run week2.logreg --data-dir DIR",
      "It draws the costs it printed, as the notebook's plot does, in logreg_cost.png.",
      "--json prints one object instead: program, flavour, dataset, classes (names by label y), "
      "m_train, m_test, n_x, iterations, learning_rate, print_every, costs ([{iteration, cost}] "
      "at full precision), train_accuracy, test_accuracy, pictures (the files written).",
      fashion_classes_line(),
  };
  logreg.validate = [](const Arguments& args) {
    validate_data(args);
    validate_plots(args);
  };
  all.push_back(logreg);

  ProgramSpec graph;
  graph.name = "week2.graph";
  graph.summary = "2.5-2.6: the computation graph of J = 3(a + bc), forward and backward";
  graph.options = {
      number("--a", Kind::kReal, "X", "5", Bound::kAny, "input a"),
      number("--b", Kind::kReal, "X", "3", Bound::kAny, "input b"),
      number("--c", Kind::kReal, "X", "2", Bound::kAny, "input c"),
  };
  graph.details = {
      "Prints u = bc, v = a + u, J = 3v left to right, then dJ/dv, dJ/da, dJ/du, dJ/db, dJ/dc "
      "right to left by the chain rule.",
  };
  all.push_back(graph);

  ProgramSpec vectorization;
  vectorization.name = "week2.vectorization";
  vectorization.summary = "2.9: a dot product of a million numbers, for loop against BLAS, timed";
  vectorization.options = {
      number("--n", Kind::kInteger, "N", "1000000", Bound::kPositive,
             "length of the two random vectors", 100'000'000),
      number("--repeats", Kind::kInteger, "N", "5", Bound::kPositive,
             "runs of each version; the fastest counts", 1000),
      number("--seed", Kind::kInteger, "N", "1", Bound::kNonNegative, "seed of np.random.rand",
             4'294'967'295),
  };
  vectorization.details = {
      "Prints both results (they agree up to rounding), both times and their ratio.",
  };
  all.push_back(vectorization);

  ProgramSpec broadcasting;
  broadcasting.name = "week2.broadcasting";
  broadcasting.summary =
      "2.12: the calories table, its column sums and percentages by broadcasting";
  broadcasting.details = {
      "Prints the table, its column sums and the percentages, then what a shape that does not "
      "broadcast does: A / B with B of shape (1, 3) throws ShapeError.",
  };
  all.push_back(broadcasting);

  ProgramSpec representation;
  representation.name = "week3.representation";
  representation.summary =
      "3.3-3.5: the forward pass for one example by loops, then for all m at once, timed";
  representation.options = {
      number("--examples", Kind::kInteger, "N", "10000", Bound::kPositive,
             "m, the random examples of the timing (m n_h at most 4,000,000)", 1'000'000),
      number("--hidden", Kind::kInteger, "N", "4", Bound::kPositive, "hidden units n_h",
             kMaxHidden),
      number("--repeats", Kind::kInteger, "N", "3", Bound::kPositive,
             "runs of each version; the fastest counts", 100),
      number("--seed", Kind::kInteger, "N", "1", Bound::kNonNegative,
             "seed of the RandomState drawing the parameters and the examples", 4'294'967'295),
  };
  representation.details = {
      "First the lesson's example by hand: forward_one_example on x = (1, 2) prints z1, a1, z2 "
      "and a2 = 0.276455, and forward_vectorized on the same column agrees. Then m random "
      "examples (2 features, randn parameters): a loop calling forward_one_example on each "
      "column against one call of forward_vectorized, both timed, and the largest difference "
      "between their results (rounding, about 1e-16).",
  };
  representation.validate = [](const Arguments& args) {
    const long cells = args.integer("--examples") * args.integer("--hidden");
    if (cells > 4'000'000) {
      throw UsageError("--examples " + std::to_string(args.integer("--examples")) +
                       " with --hidden " + std::to_string(args.integer("--hidden")) +
                       " makes Z1 and A1 of " + std::to_string(cells) +
                       " numbers each; m n_h may be at most 4000000");
    }
  };
  all.push_back(representation);

  ProgramSpec activations;
  activations.name = "week3.activations";
  activations.summary = "3.6, 3.8: sigmoid, tanh, ReLU and leaky ReLU and their derivatives";
  activations.options = {
      text("--z", "Z,Z,...", "-4,-2,0,2,4", "the values of z in the table, 1 to 9 numbers"),
  };
  for (auto& o : plot_options()) activations.options.push_back(std::move(o));
  activations.details = {
      "Prints a table of g(z) and g'(z) for the four activations at each z (at exactly 0 the "
      "ReLUs have no derivative: this code takes the left slope, ReLU'(0) = 0 and leaky "
      "ReLU'(0) = 0.01), then draws activations.png: one panel per activation, g and g' from "
      "z = -4 to 4.",
  };
  activations.validate = [](const Arguments& args) {
    validate_plots(args);
    parse_reals("--z", args.text("--z"), 1, 9);
  };
  all.push_back(activations);

  ProgramSpec linear;
  linear.name = "week3.linear";
  linear.summary = "3.7: with identity activations two layers are one linear layer";
  linear.options = {
      number("--features", Kind::kInteger, "N", "3", Bound::kPositive, "input features n_x",
             kMaxSmall),
      number("--hidden", Kind::kInteger, "N", "4", Bound::kPositive, "hidden units n_h", kMaxSmall),
      number("--outputs", Kind::kInteger, "N", "1", Bound::kPositive, "output units n_y",
             kMaxSmall),
      number("--examples", Kind::kInteger, "N", "1000", Bound::kPositive,
             "m, the random inputs the two are compared on", 100'000),
      number("--seed", Kind::kInteger, "N", "1", Bound::kNonNegative,
             "seed of the RandomState drawing the parameters and the inputs", 4'294'967'295),
  };
  linear.details = {
      "Trains nothing. Draws W1, b1, W2, b2 with randn, prints W' = W2 W1 and b' = W2 b1 + b2 "
      "(collapse_linear_network) and the largest difference between the two-layer network "
      "with g(z) = z (linear_network_forward) and the one layer W' X + b' on m random inputs: "
      "rounding, about 1e-16. Then the same parameters with tanh hidden units "
      "(tanh_network_forward): the difference is no longer rounding, and the test "
      "f(u) + f(v) = f(u + v) + f(0), which every linear layer passes, fails.",
  };
  all.push_back(linear);

  ProgramSpec planar;
  planar.name = "week3.planar";
  planar.summary = "3.9: a network with one hidden layer learns the planar flower";
  planar.options = {
      number("--hidden", Kind::kInteger, "N", "4", Bound::kPositive, "hidden units n_h",
             kMaxHidden),
      number("--iterations", Kind::kInteger, "N", "10000", Bound::kNonNegative,
             "gradient-descent steps"),
      number("--learning-rate", Kind::kReal, "X", "1.2", Bound::kPositive,
             "the learning rate alpha"),
      number("--print-every", Kind::kInteger, "N", "1000", Bound::kPositive,
             "print the cost every N iterations"),
      number("--seed", Kind::kInteger, "N", "3", Bound::kNonNegative,
             "seed of the initialization's RandomState", 4'294'967'295),
  };
  for (auto& o : plot_options()) planar.options.push_back(std::move(o));
  planar.options.push_back(
      flag("--json", "print one JSON object (settings, costs, accuracy, pictures) instead"));
  planar.details = {
      "The notebook's run: the 400 points of the flower, n_h tanh units and a sigmoid output, "
      "initialized with RandomState(3) and randn * 0.01, trained by gradient descent. It prints "
      "'Cost after iteration 0: 0.693162' ... every 1000 iterations (after about 6000 the run is "
      "chaotic: its last digits depend on rounding) and 'Accuracy: 90%', then draws "
      "planar_data.png (the data), planar_boundary_nn.png (the decision boundary) and "
      "planar_cost.png (the cost at every iteration) in the --plots folder.",
      "Your code runs: nn_model, which calls forward_propagation, compute_cost, "
      "backward_propagation and update_parameters at every step, and predict. On a terminal a "
      "progress bar on stderr shows the iteration, the cost and the time left.",
  };
  planar.validate = validate_plots;
  all.push_back(planar);

  ProgramSpec sweep;
  sweep.name = "week3.sweep";
  sweep.summary = "3.9: the flower learned with 1, 2, 3, 4, 5, 20 and 50 hidden units";
  sweep.options = {
      number("--iterations", Kind::kInteger, "N", "5000", Bound::kNonNegative,
             "gradient-descent steps for each size"),
      text("--sizes", "N,N,...", "1,2,3,4,5,20,50",
           "the hidden-layer sizes, 1 to 12 of them, each from 1 to 1000"),
      number("--learning-rate", Kind::kReal, "X", "1.2", Bound::kPositive,
             "the learning rate alpha"),
      number("--seed", Kind::kInteger, "N", "3", Bound::kNonNegative,
             "seed of the initialization's RandomState", 4'294'967'295),
  };
  for (auto& o : plot_options()) sweep.options.push_back(std::move(o));
  sweep.options.push_back(
      flag("--json", "print one JSON object (settings, accuracies, pictures) instead"));
  sweep.details = {
      "The notebook's tuning of the hidden-layer size: for each size, nn_model for 5000 "
      "iterations, then 'Accuracy for 1 hidden units: 67.5 %' ... 'Accuracy for 50 hidden units: "
      "90.25 %'. Draws planar_sweep.png (every decision boundary in a grid) and "
      "planar_sweep_cost.png (the cost curves).",
  };
  sweep.validate = [](const Arguments& args) {
    validate_plots(args);
    parse_sizes(args.text("--sizes"));
  };
  all.push_back(sweep);

  ProgramSpec logreg3;
  logreg3.name = "week3.logreg";
  logreg3.summary = "3.9: logistic regression (week 2) on the flower, for comparison";
  logreg3.options = {
      number("--iterations", Kind::kInteger, "N", "2000", Bound::kNonNegative,
             "gradient-descent steps"),
      number("--learning-rate", Kind::kReal, "X", "0.5", Bound::kPositive,
             "the learning rate alpha"),
  };
  for (auto& o : plot_options()) logreg3.options.push_back(std::move(o));
  logreg3.options.push_back(
      flag("--json", "print one JSON object (settings, w, b, accuracy, pictures) instead"));
  logreg3.details = {
      "Week 2's model (zero initialization, gradient descent) on the flower's 400 points, "
      "printing 'Accuracy of logistic regression: 47 % (percentage of correctly labelled "
      "datapoints)' as the notebook does, and drawing its decision boundary, a straight line, in "
      "planar_boundary_logreg.png. The data is not linearly separable: no line does much better "
      "than chance, which is why the notebook turns to a hidden layer.",
  };
  logreg3.validate = validate_plots;
  all.push_back(logreg3);

  ProgramSpec symmetry;
  symmetry.name = "week3.symmetry";
  symmetry.summary = "3.10: zero weights keep the hidden units identical; large ones saturate";
  symmetry.options = {
      number("--hidden", Kind::kInteger, "N", "4", Bound::kPositive, "hidden units n_h", kMaxSmall),
      number("--iterations", Kind::kInteger, "N", "1000", Bound::kNonNegative,
             "gradient-descent steps from each start"),
      number("--learning-rate", Kind::kReal, "X", "1.2", Bound::kPositive,
             "the learning rate alpha"),
      number("--seed", Kind::kInteger, "N", "3", Bound::kNonNegative,
             "seed of the RandomState of initialize_random", 4'294'967'295),
  };
  symmetry.details = {
      "Trains the network of 3.9 on the planar flower from three starts and prints W1 after "
      "training: from zero weights (every hidden unit identical: the rows of W1 stay equal), "
      "from equal non-zero weights (they move, but stay equal), and from initialize_random, "
      "randn * 0.01 (they differ, and the cost goes much lower). Then the mean slope "
      "tanh'(z) = 1 - a^2 of the hidden units right after initialize_random with the scales "
      "0.01, 1 and 10: near 1, smaller, near 0 (saturated units learn slowly).",
  };
  all.push_back(symmetry);

  // ---- week 4: the deep network and the cat notebook (4.1-4.3, 4.5) ----
  ProgramSpec shapes;
  shapes.name = "week4.shapes";
  shapes.summary = "4.1-4.3: the shape of every W[l], b[l], Z[l], A[l] of a deep network";
  shapes.options = {
      text("--layers", "N,N,...", "12288,20,7,5,1",
           "the layer sizes n[0] (features), n[1], ..., n[L]"),
      number("--examples", Kind::kInteger, "N", "209", Bound::kPositive, "m, the examples",
             1'000'000'000),
  };
  shapes.details = {
      "Prints the lecture's table of dimensions from layer_shapes: for each layer l, W[l] "
      "(n[l], n[l-1]), b[l] (n[l], 1), Z[l] and A[l] (n[l], m); layer 0 is the input, A[0] = X. "
      "The default is the cat notebook's network on its 209 training images.",
  };
  shapes.validate = [](const Arguments& args) { parse_layers(args.text("--layers")); };
  all.push_back(shapes);

  // The deep models' options: the data, the layers, and the training run.
  const auto deep_options = [](const char* layers_default, const char* layers_help) {
    std::vector<OptionSpec> options = data_options();
    options.push_back(text("--layers", "N,N,...", layers_default, layers_help));
    options.push_back(number("--iterations", Kind::kInteger, "N", "2500", Bound::kNonNegative,
                             "gradient-descent steps"));
    options.push_back(number("--learning-rate", Kind::kReal, "X", "0.0075", Bound::kPositive,
                             "the learning rate alpha"));
    options.push_back(number("--seed", Kind::kInteger, "N", "1", Bound::kNonNegative,
                             "seed of the initialization's RandomState", 4'294'967'295));
    for (auto& o : plot_options()) options.push_back(std::move(o));
    return options;
  };
  const auto validate_deep = [](const Arguments& args) {
    validate_data(args);
    validate_plots(args);
    if (args.given("--layers")) parse_layers(args.text("--layers"));
  };

  ProgramSpec deep;
  deep.name = "week4.deep";
  deep.summary = "4.1-4.6: the L-layer network of the cat notebook, trained on real images";
  deep.options = deep_options("",
                              "layer sizes n[0],...,n[L] (default: n_x,20,7,5,1, the "
                              "notebook's 12288,20,7,5,1 on the cat files)");
  deep.details = {
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
      fashion_classes_line(),
  };
  deep.validate = validate_deep;
  all.push_back(deep);

  ProgramSpec two_layer;
  two_layer.name = "week4.two_layer";
  two_layer.summary = "4.5-4.6: the two-layer network of the cat notebook, on real images";
  two_layer.options =
      deep_options("", "three layer sizes n_x,n_h,1 (default: n_x,7,1, the notebook's 12288,7,1)");
  two_layer.details = {
      "The notebook's two_layer_model: LINEAR -> RELU -> LINEAR -> SIGMOID, initialized with "
      "RandomState(seed) and randn * 0.01. Prints as week4.deep does; on the cat files: "
      "'Cost after iteration 0: 0.6930497356599888' ... '2499: 0.04421498215868956', "
      "'Accuracy: 0.9999999999999998' and 'Accuracy: 0.72'. On Fashion-MNIST it uses the first "
      "2000 training images unless --train-size says otherwise. Draws two_layer_cost.png.",
      fashion_classes_line(),
  };
  two_layer.validate = [validate_deep](const Arguments& args) {
    validate_deep(args);
    if (args.given("--layers") && parse_layers(args.text("--layers")).size() != 3)
      throw UsageError("--layers: the two-layer model takes three sizes, n_x,n_h,1");
  };
  all.push_back(two_layer);

  // ---- week 4: why deep (4.4) ----
  ProgramSpec parity;
  parity.name = "week4.parity";
  parity.summary = "4.4: parity of n bits by a deep XOR tree and by one wide layer, then trained";
  parity.options = {
      number("--bits", Kind::kInteger, "N", "16", Bound::kPositive,
             "the sizes table runs from n = 2 to N bits (the built networks are checked up to "
             "n = 10)",
             31),
      number("--train-bits", Kind::kInteger, "N", "6", Bound::kPositive,
             "n, the bits of the parity data the networks are trained on", 10),
      number("--iterations", Kind::kInteger, "N", "5000", Bound::kNonNegative,
             "gradient-descent steps of each training run", 100'000),
      number("--learning-rate", Kind::kReal, "X", "0.1", Bound::kPositive,
             "the learning rate alpha"),
      number("--seed", Kind::kInteger, "N", "1", Bound::kNonNegative,
             "seed of the first run's RandomState (initialize_parameters_deep)", 4'294'967'295),
      number("--seeds", Kind::kInteger, "N", "5", Bound::kPositive,
             "training runs per network, with the seeds seed, seed + 1, ...", 10),
  };
  parity.details = {
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
  all.push_back(parity);

  // ---- week 4: tuning (4.6) and scale (1.4) ----

  // A number as the command line would write it: 12000, 0.5, -1e-05.
  const auto plain_number = [](double x) {
    std::ostringstream os;
    os << x;
    return os.str();
  };
  // A list of whole numbers from `low` to `high`, 1 to `most` of them (--hidden, --sizes).
  const auto whole_list = [plain_number](const Arguments& args, const std::string& option,
                                         double low, double high, std::size_t most,
                                         const std::string& what) {
    for (const double x : parse_reals(option, args.text(option), 1, most)) {
      if (x < low || x > high || x != static_cast<double>(static_cast<long>(x))) {
        throw UsageError(option + ": \"" + args.text(option) + "\" has " + plain_number(x) +
                         "; each " + what + " must be a whole number from " + plain_number(low) +
                         " to " + plain_number(high));
      }
    }
  };

  ProgramSpec learning_rates;
  learning_rates.name = "week4.learning_rates";
  learning_rates.summary =
      "4.6: the same network trained with several learning rates, every cost curve on one picture";
  learning_rates.options = data_options();
  for (OptionSpec& o : learning_rates.options) {
    if (o.name == "--train-size") {
      o.default_value = "500";
      o.help = "train on the first N training examples (default 500 keeps the run to seconds)";
    }
  }
  learning_rates.options.push_back(text("--rates", "X,X,...", "0.001,0.01,0.1,1,5,10",
                                        "the learning rates to try, 1 to 8 positive numbers"));
  learning_rates.options.push_back(
      text("--hidden", "N,N,...", "20,7,5",
           "the hidden layers' units n[1], ..., n[L-1]: 1 to 6 whole numbers from 1 to 1000 "
           "(the input and the one output unit are added)"));
  learning_rates.options.push_back(number("--iterations", Kind::kInteger, "N", "300",
                                          Bound::kPositive, "gradient-descent steps for each rate",
                                          100'000));
  learning_rates.options.push_back(number("--seed", Kind::kInteger, "N", "1", Bound::kNonNegative,
                                          "seed of the initialization, the same for every rate",
                                          4'294'967'295));
  for (auto& o : plot_options()) learning_rates.options.push_back(std::move(o));
  learning_rates.details = {
      "Lecture 4.6's experiment with the learning rate, a hyperparameter: the L-layer network of "
      "week 4 (ReLU hidden layers, a sigmoid output, initialized with seed 1) trained on the "
      "same images once per learning rate, from the same initial parameters. It prints the "
      "first cost (the same for every rate), then each rate's final cost, or 'diverged at "
      "iteration i' for a rate so large that the cost stopped being a number (the other rates "
      "still run), and draws learning_rates.png: every cost curve on one picture, a diverged "
      "one ending where it diverged.",
      "Your code runs: learning_rate_sweep (week4/hyperparameters.cpp), which calls your "
      "L_layer_model. The default data is Fashion-MNIST's sneakers against ankle boots (as "
      "week2.logreg); --data-dir DIR uses the course's cat files instead.",
      fashion_classes_line(),
  };
  learning_rates.validate = [whole_list, plain_number](const Arguments& args) {
    validate_data(args);
    validate_plots(args);
    for (const double x : parse_reals("--rates", args.text("--rates"), 1, 8)) {
      if (!(x > 0.0)) {
        throw UsageError("--rates: \"" + args.text("--rates") + "\" has " + plain_number(x) +
                         "; every learning rate must be a positive number");
      }
    }
    whole_list(args, "--hidden", 1, 1000, 6, "size");
  };
  all.push_back(learning_rates);

  ProgramSpec scale;
  scale.name = "week1.scale";
  scale.summary =
      "1.4: test accuracy against the number of training examples, logistic regression and "
      "three networks";
  scale.options = {
      text("--classes", "A,B", "6,0",
           "two different Fashion-MNIST classes 0-9; A becomes y = 0, B y = 1"),
      text("--fashion-dir", "DIR", "",
           "folder of Fashion-MNIST's IDX files (default: where Debian's dataset-fashion-mnist "
           "puts them)"),
      text("--sizes", "M,M,...", "16,64,256,1024,3000",
           "the training-set sizes m, 1 to 12 whole numbers from 2 to 12000"),
      number("--iterations", Kind::kInteger, "N", "200", Bound::kPositive,
             "gradient-descent steps of every run", 100'000),
      number("--learning-rate", Kind::kReal, "X", "0.2", Bound::kPositive,
             "the learning rate alpha of every run"),
      number("--seed", Kind::kInteger, "N", "1", Bound::kNonNegative,
             "seed of the balanced shuffle and of every initialization", 4'294'967'295),
      number("--test-size", Kind::kInteger, "N", "", Bound::kPositive,
             "measure on at most the first N test images (default: all 2000 of the two classes)"),
  };
  for (auto& o : plot_options()) scale.options.push_back(std::move(o));
  scale.details = {
      "Lecture 1.4's figure, measured: logistic regression (a network with no hidden layer), a "
      "small network (4 hidden units), a medium one (16) and a large one (64 and 16), each "
      "trained by full-batch gradient descent on the first m images of a balanced, seeded "
      "shuffle of two Fashion-MNIST classes (by default shirts, y = 0, against T-shirts/tops, "
      "y = 1: similar shapes, so that the task is not easy), for every m of --sizes, and "
      "measured on the fixed test set. It prints a table of test accuracies, one row per m, "
      "and draws scale.png: test accuracy against m on a logarithmic axis, one curve per "
      "model. The default run takes some seconds; more --sizes or --iterations take longer.",
      "Your code runs: learning_curve (week1/scale.cpp), which calls your L_layer_model and "
      "predict.",
      fashion_classes_line(),
  };
  scale.validate = [whole_list](const Arguments& args) {
    validate_plots(args);
    parse_classes(args.text("--classes"));
    whole_list(args, "--sizes", 2, 12000, 12, "size");
  };
  all.push_back(scale);

  return all;
}

}  // namespace

const std::vector<ProgramSpec>& programs() {
  static const std::vector<ProgramSpec> all = make_programs();
  return all;
}

const ProgramSpec* find_program(const std::string& name) {
  for (const auto& p : programs())
    if (p.name == name) return &p;
  return nullptr;
}

const ProgramSpec& program_or_usage_error(const std::string& name) {
  if (const ProgramSpec* p = find_program(name)) return *p;
  std::string known;
  for (const auto& p : programs()) known += (known.empty() ? "" : ", ") + p.name;
  throw UsageError("unknown program \"" + name + "\"; the programs are " + known);
}

std::string run_help() {
  std::ostringstream os;
  os << "usage: dlc run <program> [--solution] [options]\n\n"
     << "Runs a lesson's program built with your code (week2/*.cpp, ...); with --solution, "
        "built\n"
     << "with the reference solutions instead.\n\n"
     << "General options:\n"
     << "  --solution    run the reference solution instead of your code\n"
     << "  -h, --help    show this help (after a program: that program's help)\n\n"
     << "Programs:\n";
  for (const auto& p : programs()) {
    os << "\n  " << p.name << "  " << p.summary << '\n';
    if (p.options.empty()) {
      os << "    (no options)\n";
    } else {
      os << options_help(p, 4, false);
    }
  }
  os << "\nExit codes: 0 done, 1 run-time error (data, divergence, shapes), 2 bad command line,\n"
     << "3 an exercise is not implemented yet.\n";
  return os.str();
}

std::string program_help(const ProgramSpec& spec) {
  std::ostringstream os;
  os << "usage: dlc run " << spec.name << " [--solution] [options]\n\n"
     << wrap(spec.summary, kHelpWidth, 0) << "\n";
  for (const auto& paragraph : spec.details) os << '\n' << wrap(paragraph, kHelpWidth, 0) << '\n';
  os << "\nOptions:\n" << options_help(spec, 2, true);
  return os.str();
}

std::string usage_hint(const std::string& program) {
  if (find_program(program) != nullptr) {
    return "usage: dlc run " + program + " [--solution] [options]; 'dlc run " + program +
           " --help' lists the options";
  }
  return "usage: dlc run <program> [--solution] [options]; 'dlc run --help' lists the programs";
}

Dataset chosen_dataset(const Arguments& args) {
  if (args.given("--dataset"))
    return args.text("--dataset") == "cat" ? Dataset::kCat : Dataset::kFashionMnist;
  return args.given("--data-dir") ? Dataset::kCat : Dataset::kFashionMnist;
}

std::pair<int, int> parse_classes(const std::string& text) {
  const auto bad = [&text](const std::string& why) {
    return UsageError("--classes: \"" + text + "\" " + why);
  };
  const auto comma = text.find(',');
  if (comma == std::string::npos) throw bad("is not two classes A,B (for example 7,9)");
  const std::string a = text.substr(0, comma), b = text.substr(comma + 1);
  auto one = [&bad](const std::string& s) {
    if (s.size() != 1 || s[0] < '0' || s[0] > '9')
      throw bad("is not two classes A,B, each a number from 0 to 9");
    return s[0] - '0';
  };
  const int ka = one(a), kb = one(b);
  if (ka == kb) throw bad("names the same class twice; choose two different classes");
  return {ka, kb};
}

namespace {

// A list of whole numbers separated by commas, each from 1 to max_value, min_count to max_count
// of them; `example` shows the form in the message.
std::vector<long> parse_counts(const char* option, const std::string& text, const char* what,
                               const char* example, long max_value, std::size_t min_count,
                               std::size_t max_count) {
  const auto bad = [&](const std::string& why) {
    return UsageError(std::string(option) + ": \"" + text + "\" " + why);
  };
  if (text.empty()) throw bad(std::string("is empty; give ") + what + " such as " + example);
  std::vector<long> values;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    const std::string item =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const bool negative = item.size() > 1 && item[0] == '-';
    const std::string digits = negative ? item.substr(1) : item;
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
      throw bad(std::string("is not a list of ") + what + " such as " + example);
    }
    const long n = negative ? -std::stol(digits) : std::stol(digits);
    if (n < 1 || n > max_value) {
      throw bad("has the size " + item + "; each size must be from 1 to " +
                std::to_string(max_value));
    }
    values.push_back(n);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  const std::string count =
      std::to_string(values.size()) + (values.size() == 1 ? " size" : " sizes");
  if (values.size() > max_count)
    throw bad("has " + count + "; at most " + std::to_string(max_count));
  if (values.size() < min_count) {
    throw bad("has " + count + "; it needs at least " + std::to_string(min_count));
  }
  return values;
}

}  // namespace

std::vector<long> parse_sizes(const std::string& text) {
  return parse_counts("--sizes", text, "hidden-layer sizes", "1,2,3,4,5,20,50", kMaxHidden, 1, 12);
}

std::vector<long> parse_layers(const std::string& text) {
  return parse_counts("--layers", text, "layer sizes (the features n[0], then each layer)",
                      "12288,20,7,5,1", 1'000'000, 2, 20);
}

std::vector<double> parse_reals(const std::string& option, const std::string& text,
                                std::size_t min_count, std::size_t max_count) {
  std::vector<double> values;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    const std::string item =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    try {
      values.push_back(parse_real(option, item));
    } catch (const UsageError&) {
      throw UsageError(option + ": \"" + text + "\" is not a list of numbers separated by " +
                       "commas (\"" + item + "\" is not a number)");
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (values.size() < min_count || values.size() > max_count) {
    throw UsageError(option + ": \"" + text + "\" has " + std::to_string(values.size()) +
                     (values.size() == 1 ? " number" : " numbers") + "; give " +
                     (min_count == max_count
                          ? std::to_string(min_count)
                          : std::to_string(min_count) + " to " + std::to_string(max_count)));
  }
  return values;
}

std::vector<double> parse_house(const std::string& text) {
  const std::vector<double> h = parse_reals("--house", text, 4, 4);
  const auto bad = [&text](const std::string& why) {
    return UsageError("--house: \"" + text + "\" " + why);
  };
  if (!(h[0] > 0.0)) throw bad("has a size of 0 or less; the size (1000s of square feet) is S > 0");
  if (h[1] < 0.0) throw bad("has a negative number of bedrooms");
  if (h[2] < 0.0 || h[2] > 1.0) throw bad("has a zip-code centrality outside 0 to 1");
  if (h[3] < 0.0) throw bad("has a negative wealth");
  return h;
}

std::string fashion_class_name(int k) {
  return kFashionMnistClasses.at(static_cast<std::size_t>(k));
}

}  // namespace dlc::cli
