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
  // BEGIN SOLUTION week2.flatten_images
  // In C order the values of image i are the n_x consecutive values starting at i * n_x.
  for (std::size_t i = 0; i < m; ++i)
    for (std::size_t k = 0; k < n_x; ++k) X(k, i) = images.pixels[i * n_x + k];
  // END SOLUTION
  return X;
}

Matrix standardize_pixels(const Matrix& X) {
  // BEGIN SOLUTION week2.standardize_pixels
  return X / 255.0;  // x / 255
  // END SOLUTION
}

}  // namespace dlc::week2
