#include "apps/lessons/data.hpp"

#include <algorithm>
#include <cstddef>

#include "apps/cli/programs.hpp"

namespace dlc::runner {

namespace {

// The first `n` examples of a set (all of them when it has fewer), as `x[:n]`, `y[:, :n]`.
LabeledImages head(const LabeledImages& set, std::size_t n) {
  if (n >= set.images.count) return set;
  LabeledImages out;
  out.images = set.images;
  out.images.count = n;
  out.images.pixels.resize(n * set.images.height * set.images.width * set.images.channels);
  out.labels = set.labels.cols_range(0, n);
  out.classes = set.classes;
  return out;
}

std::size_t limit(const cli::Arguments& args, const std::string& option) {
  return args.has(option) ? static_cast<std::size_t>(args.integer(option)) : 0;
}

}  // namespace

LessonData load_lesson_data(const cli::Arguments& args, std::size_t fashion_train_default) {
  LessonData data;
  std::size_t train_limit = limit(args, "--train-size");
  if (train_limit == 0 && cli::chosen_dataset(args) == cli::Dataset::kFashionMnist)
    train_limit = fashion_train_default;
  const std::size_t test_limit = limit(args, "--test-size");
  if (cli::chosen_dataset(args) == cli::Dataset::kCat) {
    data.dataset = "cat";
    TrainTest all = load_catvnoncat(args.text("--data-dir"));
    data.sets.train = train_limit > 0 ? head(all.train, train_limit) : std::move(all.train);
    data.sets.test = test_limit > 0 ? head(all.test, test_limit) : std::move(all.test);
    const auto& names = data.sets.train.classes;  // [b'non-cat', b'cat']
    data.label = names.size() == 2 ? names[1] + " vs " + names[0] : "cat vs non-cat";
  } else {
    data.dataset = "fashion-mnist";
    const auto [a, b] = cli::parse_classes(args.text("--classes"));
    const std::string dir =
        args.has("--fashion-dir") ? args.text("--fashion-dir") : default_fashion_mnist_dir();
    const TrainTest all = load_fashion_mnist(dir);
    data.sets.train = two_class_subset(all.train, a, b, train_limit);
    data.sets.test = two_class_subset(all.test, a, b, test_limit);
    const auto& names = data.sets.train.classes;
    data.label = "Fashion-MNIST " + names.at(0) + " (class " + std::to_string(a) + ", y = 0) vs " +
                 names.at(1) + " (class " + std::to_string(b) + ", y = 1)";
  }
  return data;
}

std::string describe(const LessonData& data) {
  const ImageSet& im = data.sets.train.images;
  const std::size_t n_x = im.height * im.width * im.channels;
  return "Data: " + data.label + ", " + std::to_string(im.count) + " training and " +
         std::to_string(data.sets.test.images.count) + " test images of " +
         std::to_string(im.height) + "x" + std::to_string(im.width) + "x" +
         std::to_string(im.channels) + " (n_x = " + std::to_string(n_x) + ")";
}

}  // namespace dlc::runner
