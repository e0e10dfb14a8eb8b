/// \file
/// \brief The image data of the week-2 programs, chosen by the command line: the course's cat
/// files or two classes of Fashion-MNIST.
#pragma once

#include <string>

#include "apps/cli/options.hpp"
#include "common/datasets.hpp"

namespace dlc::runner {

/// A binary-classification data set, ready for `flatten_images`.
struct LessonData {
  std::string dataset;  ///< `cat` or `fashion-mnist`
  std::string label;    ///< for the header line: `cat vs non-cat`
  TrainTest sets;       ///< training and test images; labels 0 and 1, `classes` names them
};

/// \brief Loads the data `args` chose (`--data-dir`, `--dataset`, `--classes`, `--fashion-dir`)
/// and keeps at most `--train-size` and `--test-size` examples of each set.
/// \param[in] args the program's options
/// \param[in] fashion_train_default on Fashion-MNIST without `--train-size`, keep at most this
///   many training examples (0: all of them), for programs whose default run must stay short
/// \throws DataError naming the file when a file is missing or corrupt.
LessonData load_lesson_data(const cli::Arguments& args, std::size_t fashion_train_default = 0);

/// \brief The header line: `Data: cat vs non-cat, 209 training and 50 test images of 64x64x3
/// (n_x = 12288)`.
std::string describe(const LessonData& data);

}  // namespace dlc::runner
