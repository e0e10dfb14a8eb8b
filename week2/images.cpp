// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/week2/images.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "week2/images.hpp"

#include <string>

#include "common/exercise.hpp"

namespace dlc::week2 {

Matrix flatten_images(const ImageSet& images) {
  const std::size_t m = images.count;
  const std::size_t n_x = images.height * images.width * images.channels;
  if (m == 0 || n_x == 0) {
    throw ShapeError("flatten_images: the image set is (" + std::to_string(m) + ", " +
                     std::to_string(images.height) + ", " + std::to_string(images.width) + ", " +
                     std::to_string(images.channels) +
                     ") but needs at least one pixel and one image");
  }
  if (images.pixels.size() != m * n_x) {
    throw ShapeError("flatten_images: the image set claims (" + std::to_string(m) + ", " +
                     std::to_string(images.height) + ", " + std::to_string(images.width) + ", " +
                     std::to_string(images.channels) + ") = " + std::to_string(m * n_x) +
                     " pixel values but holds " + std::to_string(images.pixels.size()));
  }
  Matrix X(n_x, m);
  DLC_TODO("week2.flatten_images");
  return X;
}

Matrix standardize_pixels(const Matrix& X) {
  DLC_TODO("week2.standardize_pixels");
}

}  // namespace dlc::week2
