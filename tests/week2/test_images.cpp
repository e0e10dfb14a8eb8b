// Tests of lecture 2.1: images to feature vectors.
#include <catch2/catch.hpp>

#include "common/datasets.hpp"
#include "tests/support/compare.hpp"
#include "tests/support/data_path.hpp"
#include "week2/images.hpp"

using dlc::Matrix;
using dlc::testing::IsClose;
using namespace dlc::week2;

namespace {
// Two images of 2 x 3 pixels with 2 channels; pixel value = 100 * image + 10 * (y*3+x) + c,
// so every value says where it came from.
dlc::ImageSet small_set() {
  dlc::ImageSet s;
  s.count = 2;
  s.height = 2;
  s.width = 3;
  s.channels = 2;
  for (std::size_t i = 0; i < 2; ++i)
    for (std::size_t p = 0; p < 6; ++p)
      for (std::size_t c = 0; c < 2; ++c)
        s.pixels.push_back(static_cast<std::uint8_t>(100 * i + 10 * p + c));
  return s;
}
}  // namespace

//! [flatten]
TEST_CASE("flatten_images: one image per column, pixels in C order", "[week2.flatten_images]") {
  const Matrix X = flatten_images(small_set());
  REQUIRE(X.shape() == dlc::Shape{12, 2});  // (h * w * c, m)
  // Column 1 is image 1: pixel (y, x) channel c sits at row (y * w + x) * c_count + c.
  CHECK(X(0, 0) == 0);    // image 0, pixel 0, channel 0
  CHECK(X(1, 0) == 1);    // image 0, pixel 0, channel 1: the channels of a pixel are together
  CHECK(X(2, 0) == 10);   // image 0, pixel 1, channel 0
  CHECK(X(11, 0) == 51);  // image 0, pixel 5, channel 1
  CHECK(X(0, 1) == 100);  // image 1 starts column 1
  CHECK(X(7, 1) == 131);  // image 1, pixel 3, channel 1
  // reshape(m, -1).T followed by reshape back gives the images again.
  const Matrix back = X.transposed().reshaped(1, 24);
  for (std::size_t k = 0; k < 24; ++k) CHECK(back(0, k) == small_set().pixels[k]);
}
//! [flatten]

TEST_CASE("flatten_images: rejects an empty or inconsistent set", "[week2.flatten_images]") {
  dlc::ImageSet broken = small_set();
  broken.pixels.pop_back();
  CHECK_THROWS_AS(flatten_images(broken), dlc::ShapeError);
  CHECK_THROWS_AS(flatten_images(dlc::ImageSet{}), dlc::ShapeError);
}

TEST_CASE("standardize_pixels: divide by 255", "[week2.standardize_pixels]") {
  CHECK_THAT(standardize_pixels(Matrix{{0, 255}, {51, 102}}),
             IsClose(Matrix{{0.0, 1.0}, {0.2, 0.4}}, 1e-15, "x / 255"));
  const Matrix s = standardize_pixels(flatten_images(small_set()));
  CHECK(s(11, 1) == 151.0 / 255.0);  // exactly numpy's x / 255.
}

TEST_CASE("flatten_images on the cat images gives (12288, 209)", "[week2.flatten_images][cat]") {
  const auto dir = dlc::testing::shared_data_dir("catvnoncat");
  DLC_REQUIRE_DATA(dir, "the course's cat files (../shared/data/catvnoncat or $DLC_SHARED_DATA)");
  const dlc::TrainTest data = dlc::load_catvnoncat(*dir);
  const Matrix X = flatten_images(data.train.images);
  CHECK(X.shape() == dlc::Shape{12288, 209});
  // notebook: train_set_x_flatten[0:5, 0] = [17 31 56 22 33]
  CHECK_THAT(X.cols_range(0, 1).reshaped(1, 12288).cols_range(0, 5),
             IsClose(Matrix{{17, 31, 56, 22, 33}}, 0.0, "x = image.reshape(-1)"));
}
