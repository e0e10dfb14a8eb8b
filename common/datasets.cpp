/// \file
/// \brief `ImageSet`, Fashion-MNIST and two-class subsets (the file readers are in
/// `idx_reader.cpp` and `hdf5_reader.cpp`).
#include "common/datasets.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace dlc {

namespace fs = std::filesystem;

std::uint8_t ImageSet::at(std::size_t n, std::size_t y, std::size_t x, std::size_t c) const {
  if (n >= count || y >= height || x >= width || c >= channels)
    throw std::out_of_range("ImageSet::at: index (" + std::to_string(n) + ", " + std::to_string(y) +
                            ", " + std::to_string(x) + ", " + std::to_string(c) +
                            ") is outside the images' shape (" + std::to_string(count) + ", " +
                            std::to_string(height) + ", " + std::to_string(width) + ", " +
                            std::to_string(channels) + ")");
  return pixels[((n * height + y) * width + x) * channels + c];
}

namespace {

/// Fashion-MNIST's class names as strings, indexed by label.
const std::vector<std::string>& fashion_classes() {
  static const std::vector<std::string> names(kFashionMnistClasses.begin(),
                                              kFashionMnistClasses.end());
  return names;
}

/// `dir/name.gz` when it exists, else `dir/name`; a DataError naming both when neither does.
std::string find_idx(const std::string& dir, const std::string& name) {
  std::error_code ec;
  const fs::path gz = fs::path(dir) / (name + ".gz");
  if (fs::exists(gz, ec)) return gz.string();
  const fs::path plain = fs::path(dir) / name;
  if (fs::exists(plain, ec)) return plain.string();
  throw DataError(gz.string() + ": no such file (nor " + plain.string() + ")");
}

/// One half of Fashion-MNIST: `<prefix>-images-idx3-ubyte` and `<prefix>-labels-idx1-ubyte`.
LabeledImages read_fashion_part(const std::string& dir, const std::string& prefix) {
  const std::string images_path = find_idx(dir, prefix + "-images-idx3-ubyte");
  const std::string labels_path = find_idx(dir, prefix + "-labels-idx1-ubyte");
  LabeledImages out;
  out.images = read_idx_images(images_path);
  const std::vector<std::uint8_t> labels = read_idx_labels(labels_path);
  if (labels.size() != out.images.count)
    throw DataError(labels_path + ": holds " + std::to_string(labels.size()) + " labels but " +
                    images_path + " holds " + std::to_string(out.images.count) + " images");
  const std::size_t n_classes = fashion_classes().size();
  out.labels = Matrix(1, labels.size());
  for (std::size_t j = 0; j < labels.size(); ++j) {
    if (labels[j] >= n_classes)
      throw DataError(labels_path + ": label " + std::to_string(labels[j]) + " of example " +
                      std::to_string(j) + " is not a Fashion-MNIST class (0.." +
                      std::to_string(n_classes - 1) + ")");
    out.labels(0, j) = labels[j];
  }
  out.classes = fashion_classes();
  return out;
}

}  // namespace

TrainTest load_fashion_mnist(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw DataError(dir + ": no such directory");
  TrainTest out;
  out.train = read_fashion_part(dir, "train");
  out.test = read_fashion_part(dir, "t10k");
  return out;
}

std::string default_fashion_mnist_dir() { return "/usr/share/datasets/fashion-mnist"; }

LabeledImages two_class_subset(const LabeledImages& data, int class_a, int class_b,
                               std::size_t limit) {
  const ImageSet& im = data.images;
  expect_shape("two_class_subset", "data.labels", data.labels.shape(), Shape{1, im.count});
  if (im.pixels.size() != im.count * im.height * im.width * im.channels)
    throw std::invalid_argument("two_class_subset: the images hold " +
                                std::to_string(im.pixels.size()) +
                                " pixels, not count * height * " + "width * channels");
  const auto n_classes = static_cast<long long>(data.classes.size());
  for (const int k : {class_a, class_b})
    if (k < 0 || k >= n_classes)
      throw std::invalid_argument("two_class_subset: class " + std::to_string(k) +
                                  " is not one of the data's " + std::to_string(n_classes) +
                                  " classes (0.." + std::to_string(n_classes - 1) + ")");
  if (class_a == class_b)
    throw std::invalid_argument("two_class_subset: class_a and class_b are both " +
                                std::to_string(class_a) + "; expected two different classes");

  // The examples kept, in file order, and their new labels 0 (class_a) and 1 (class_b).
  std::vector<std::size_t> kept;
  std::vector<double> new_labels;
  for (std::size_t j = 0; j < im.count && (limit == 0 || kept.size() < limit); ++j) {
    const double label = data.labels(0, j);
    if (label == class_a || label == class_b) {
      kept.push_back(j);
      new_labels.push_back(label == class_a ? 0.0 : 1.0);
    }
  }

  LabeledImages out;
  out.images.count = kept.size();
  out.images.height = im.height;
  out.images.width = im.width;
  out.images.channels = im.channels;
  const std::size_t per_image = im.height * im.width * im.channels;
  out.images.pixels.resize(kept.size() * per_image);
  out.labels = Matrix(1, kept.size());
  for (std::size_t k = 0; k < kept.size(); ++k) {
    std::copy_n(im.pixels.begin() + static_cast<std::ptrdiff_t>(kept[k] * per_image), per_image,
                out.images.pixels.begin() + static_cast<std::ptrdiff_t>(k * per_image));
    out.labels(0, k) = new_labels[k];
  }
  out.classes = {data.classes[static_cast<std::size_t>(class_a)],
                 data.classes[static_cast<std::size_t>(class_b)]};
  return out;
}

Matrix image_matrix(const ImageSet& images) {
  const std::size_t n_x = images.height * images.width * images.channels;
  if (images.pixels.size() != n_x * images.count) {
    throw ShapeError("image_matrix: " + std::to_string(images.pixels.size()) +
                     " pixels but the header says " + std::to_string(images.count) + " images of " +
                     std::to_string(images.height) + "x" + std::to_string(images.width) + "x" +
                     std::to_string(images.channels));
  }
  // Image j's bytes, in C order (row, column, channel), become column j: numpy's
  // reshape(m, -1).T. Then / 255. as the notebook divides.
  Matrix X(n_x, images.count);
  for (std::size_t j = 0; j < images.count; ++j) {
    const std::uint8_t* image = images.pixels.data() + j * n_x;
    for (std::size_t i = 0; i < n_x; ++i) X(i, j) = static_cast<double>(image[i]) / 255.0;
  }
  return X;
}

}  // namespace dlc
