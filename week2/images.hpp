/// \file
/// \brief Lecture 2.1: an image becomes a feature vector, a set of images a matrix X.
///
/// This header's lectures on \ref week2 "week 2's page": \ref lecture_2_1 "2.1".
///
/// A colour image of 64 x 64 pixels is three 64 x 64 grids of intensities (red, green, blue).
/// Logistic regression takes one column of numbers per example, so each image is unrolled into
/// a column of \f$ n_x = 64 \cdot 64 \cdot 3 = 12288 \f$ values, and the m images of a set sit
/// side by side as the columns of
/// \f[ X = \big[ x^{(1)} \; x^{(2)} \; \cdots \; x^{(m)} \big], \qquad X \in \mathbb{R}^{n_x \times m} \f]
/// The notebook does this with `train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T`:
/// within a column the pixels follow numpy's C order, row by row, each pixel's channels
/// together (R, G, B of pixel (0, 0), then of pixel (0, 1), ...).
///
/// Pixel values run from 0 to 255; dividing by 255 puts every feature in [0, 1], which keeps
/// \f$ w^T x + b \f$ in a range where gradient descent behaves (the notebook's
/// `train_set_x_flatten / 255.`).
///
/// **Expected output.** The cat set's 209 training images of (64, 64, 3) become X of shape
/// (12288, 209); the first entry of the first column is the red value of the first image's top
/// left pixel, divided by 255.
#pragma once

#include "common/datasets.hpp"
#include "common/matrix.hpp"

namespace dlc::week2 {

/// \brief Unrolls each image into one column: `images.reshape(m, -1).T`.
/// \param[in] images m images of height h, width w and c channels, as numpy's (m, h, w, c)
/// \return X of shape (h * w * c, m): entry (k, i) is pixel value k of image i in C order,
///         that is \f$ k = (y \cdot w + x) \cdot c + \text{channel} \f$.
/// \throws ShapeError when the set is empty or its pixel count does not match its shape.
///
/// Exercise `week2.flatten_images`.
Matrix flatten_images(const ImageSet& images);

/// \brief Scales pixel values from [0, 255] to [0, 1]: `X / 255.`
/// \param[in] X any shape, entries in [0, 255]
/// \return the same shape, every entry divided by 255.
///
/// Exercise `week2.standardize_pixels`.
Matrix standardize_pixels(const Matrix& X);

}  // namespace dlc::week2
