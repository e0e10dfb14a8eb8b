/// \file
/// \brief The course's image data sets: the cat / non-cat HDF5 files and Fashion-MNIST.
///
/// Images are kept as numpy keeps them in the notebooks, `(m, height, width, channels)` bytes
/// in C order, so that `train_set_x_orig[25]` in a notebook is image 25 here. A lesson turns
/// them into its `X` of shape \f$ (n_x, m) \f$ (one flattened, scaled example per column) itself,
/// which is a step the course asks students to write.
///
/// Labels are a `(1, m)` `Matrix`, one label per column, as the course's `Y`.
///
/// Every reader checks what it reads and throws `dlc::DataError` naming the file and what was
/// wrong: a missing file, a wrong magic number, a truncated header or body, corrupt gzip data,
/// a missing HDF5 dataset, shapes that do not agree. No reader allocates more than the file can
/// hold or more than `kMaxDatasetItems` bytes, whatever a header claims.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/matrix.hpp"

namespace dlc {

/// The most pixels (or labels) a reader accepts from one file: \f$ 10^8 \f$ bytes. A header
/// claiming more is rejected before anything is allocated. Fashion-MNIST's training images are
/// \f$ 60000 \cdot 28 \cdot 28 \approx 4.7 \cdot 10^7 \f$.
inline constexpr std::uint64_t kMaxDatasetItems = 100'000'000;

/// Images as numpy holds them: count x height x width x channels, uint8, C order.
///
/// Pixel `(n, y, x, c)` is `pixels[((n * height + y) * width + x) * channels + c]`.
struct ImageSet {
  std::size_t count = 0;             ///< number of images, \f$ m \f$
  std::size_t height = 0;            ///< rows of each image
  std::size_t width = 0;             ///< columns of each image
  std::size_t channels = 0;          ///< 3 for RGB, 1 for grey
  std::vector<std::uint8_t> pixels;  ///< size count*height*width*channels, C order (m, h, w, c)

  /// Pixel `c` of row `y`, column `x` of image `n`, as numpy's `x[n, y, x, c]`. Checked: throws
  /// `std::out_of_range` naming the index and the shape.
  std::uint8_t at(std::size_t n, std::size_t y, std::size_t x, std::size_t c) const;
};

/// Labelled images: `labels` is `(1, count)`, one label per column as the course's `Y`, and
/// `classes[k]` names label `k`.
struct LabeledImages {
  ImageSet images;                   ///< the examples, `(m, height, width, channels)`
  Matrix labels;                     ///< shape `(1, m)`: label of example `j` in column `j`
  std::vector<std::string> classes;  ///< class names, indexed by label
};

/// A training set and a test set, as the notebooks' `load_dataset()` returns them.
struct TrainTest {
  LabeledImages train;  ///< the training set
  LabeledImages test;   ///< the test set
};

/// Thrown by every reader: the message names the file and what was wrong, as
/// `"<file>: <what was wrong>"`.
class DataError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The course's cat / non-cat files: `DIR/train_catvnoncat.h5` and `DIR/test_catvnoncat.h5`.
///
/// The training file holds `train_set_x` (uint8, `(209, 64, 64, 3)`), `train_set_y` (int64,
/// `(209,)`) and `list_classes` (`[b'non-cat', b'cat']`); the test file `test_set_x`
/// (`(50, 64, 64, 3)`), `test_set_y` (`(50,)`) and `list_classes`. The notebooks' `Y` is
/// `train_set_y.reshape((1, m))`: here `labels`, a `(1, m)` `Matrix` of 0 (non-cat) and 1 (cat).
///
/// Each dataset must exist and have the expected rank and element type (images: 4-D unsigned
/// 8-bit integers with 3 channels; labels: 1-D integers, each 0 or 1; `list_classes`: two
/// strings) and the images and labels must be equally many.
/// \param[in] dir the folder holding the two files
/// \throws DataError naming the folder or file and what was wrong
TrainTest load_catvnoncat(const std::string& dir);

/// Fashion-MNIST in IDX format, gzip-compressed (`*.gz`) or plain, as Debian's
/// `dataset-fashion-mnist` package installs it in `/usr/share/datasets/fashion-mnist/`:
/// `train-images-idx3-ubyte.gz`, `train-labels-idx1-ubyte.gz`, `t10k-images-idx3-ubyte.gz`,
/// `t10k-labels-idx1-ubyte.gz` (each name is tried with `.gz` first, then without).
///
/// Images are `(m, 28, 28, 1)` (60000 for training, 10000 for testing), labels 0..9 and
/// `classes` the ten names, from `"T-shirt/top"` (0) to `"Ankle boot"` (9).
/// \param[in] dir the folder holding the four files, e.g. `default_fashion_mnist_dir()`
/// \throws DataError naming the file when one is missing or corrupt, when a file's image and
///   label counts differ, or when a label is not below 10
TrainTest load_fashion_mnist(const std::string& dir);

/// Fashion-MNIST's ten class names, indexed by label (from the data set's own description).
inline constexpr std::array<const char*, 10> kFashionMnistClasses = {
    "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
    "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};

/// The folder Debian's `dataset-fashion-mnist` package installs into:
/// `/usr/share/datasets/fashion-mnist`.
std::string default_fashion_mnist_dir();

/// A binary subset: the examples of `class_a` (which become label 0) and `class_b` (label 1),
/// in file order, at most `limit` of them in all when `limit > 0`. `classes` become
/// `{classes[class_a], classes[class_b]}`, so that a logistic-regression lesson can learn, say,
/// sneakers against ankle boots.
/// \param[in] data labelled images whose `labels` is `(1, images.count)`
/// \param[in] class_a the label that becomes 0; must index `data.classes`
/// \param[in] class_b the label that becomes 1; must index `data.classes` and differ from class_a
/// \param[in] limit the most examples kept (the first ones in file order); 0 keeps all
/// \throws std::invalid_argument for a bad class, `ShapeError` when the labels' shape is wrong
LabeledImages two_class_subset(const LabeledImages& data, int class_a, int class_b,
                               std::size_t limit = 0);

/// Reads an IDX file of images (magic number `0x00000803`: unsigned bytes, three dimensions
/// count, rows, columns), gzip-compressed or plain. The result has one channel.
/// \param[in] path the file
/// \throws DataError naming the file when it is missing, its magic number is wrong, its header
///   or data are truncated, its dimensions are zero or claim more than the file can hold (or
///   more than `kMaxDatasetItems`), data follow the images, or the gzip data are corrupt
ImageSet read_idx_images(const std::string& path);

/// Reads an IDX file of labels (magic number `0x00000801`: unsigned bytes, one dimension),
/// gzip-compressed or plain.
/// \param[in] path the file
/// \throws DataError naming the file, as read_idx_images()
std::vector<std::uint8_t> read_idx_labels(const std::string& path);

/// \brief The notebooks' given preparation of images: `x.reshape(m, -1).T / 255.`, one
/// flattened image per column (its bytes in C order: row, column, channel), each pixel scaled
/// to [0, 1].
/// \param[in] images m images of h x w x c bytes
/// \return X, \f$ (h w c, m) \f$.
/// \throws ShapeError when the pixels are not as many as the header says.
Matrix image_matrix(const ImageSet& images);

}  // namespace dlc
