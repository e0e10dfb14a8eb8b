/// \file
/// \brief Lectures 4.1-4.3: the notation of a deep network and the shape of every matrix in it.
///
/// This header's lectures on \ref week4 "week 4's page": \ref lecture_4_1 "4.1",
/// \ref lecture_4_2 "4.2" and \ref lecture_4_3 "4.3".
///
/// **Notation (4.1).** A network of \f$ L \f$ layers counts its hidden layers and its output
/// layer, not its input: logistic regression is a one-layer network, the planar network of
/// week 3 a two-layer one. Layer \f$ l \f$ has \f$ n^{[l]} \f$ units; the input is layer 0, with
/// \f$ n^{[0]} = n_x \f$ features, and \f$ A^{[0]} = X \f$. Layer l computes
/// \f[ Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad A^{[l]} = g^{[l]}(Z^{[l]}) \f]
/// and the output is \f$ \hat{Y} = A^{[L]} \f$. In code the sizes are one list,
/// `layer_dims = {n[0], n[1], ..., n[L]}`: the cat classifier's `{12288, 20, 7, 5, 1}` is a
/// four-layer network on 64x64x3 images.
///
/// **Forward propagation (4.2)** is that one line in a loop over \f$ l = 1, \dots, L \f$: there
/// is no way around this loop (every layer needs the previous one), while inside a layer the m
/// examples are handled at once, by one matrix product.
///
/// **Getting the dimensions right (4.3).** The shapes follow from the sizes alone:
/// \f[ W^{[l]}: (n^{[l]}, n^{[l-1]}), \qquad b^{[l]}: (n^{[l]}, 1), \qquad
///     Z^{[l]}, A^{[l]}: (n^{[l]}, m) \f]
/// and every gradient has the shape of what it differentiates: \f$ dW^{[l]} \f$ that of
/// \f$ W^{[l]} \f$, \f$ db^{[l]} \f$ that of \f$ b^{[l]} \f$, \f$ dZ^{[l]}, dA^{[l]} \f$ that of
/// \f$ Z^{[l]}, A^{[l]} \f$. The bias \f$ b^{[l]} \f$ stays \f$ (n^{[l]}, 1) \f$ for any m;
/// broadcasting adds it to each of the m columns. Checking these shapes is the lecture's best
/// tool against bugs, and every function of week 4 does it, citing the rule it checks.
///
/// **Expected output.** `dlc run week4.shapes --layers 12288,20,7,5,1 --examples 209` prints the
/// table, from `A[0] (12288, 209)` to `W[4] (1, 5)`, `b[4] (1, 1)`, `Z[4]` and `A[4] (1, 209)`.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "common/matrix.hpp"

namespace dlc::week4 {

/// The layer sizes \f$ n^{[0]}, n^{[1]}, \dots, n^{[L]} \f$, input first, as the notebooks'
/// `layer_dims` list: `{12288, 20, 7, 5, 1}`.
using LayerDims = std::vector<int>;

/// \brief Checks a `layer_dims` list: at least two entries (the input and one layer), each at
/// least 1. Given code.
/// \throws std::invalid_argument naming `what` and the first bad entry, e.g.
///   `L_layer_model: layer_dims[2] is 0 but every layer needs at least 1 unit`.
void check_layer_dims(const char* what, const LayerDims& layer_dims);

/// The shapes of one layer's matrices for m examples.
struct LayerShapes {
  Shape W;  ///< \f$ (n^{[l]}, n^{[l-1]}) \f$; (0, 0) for the input layer, which has no weights
  Shape b;  ///< \f$ (n^{[l]}, 1) \f$; (0, 0) for the input layer
  Shape Z;  ///< \f$ (n^{[l]}, m) \f$; (0, 0) for the input layer
  Shape A;  ///< \f$ (n^{[l]}, m) \f$; for the input layer, the shape of X
};

/// \brief The lecture's table of dimensions (4.3): the shapes of \f$ W^{[l]}, b^{[l]}, Z^{[l]},
/// A^{[l]} \f$ for every layer.
/// \param[in] layer_dims \f$ n^{[0]}, \dots, n^{[L]} \f$, checked by `check_layer_dims`
/// \param[in] m the number of examples (columns of X), at least 1
/// \return L + 1 entries: entry l is layer l; entry 0 (the input) has only its `A`,
///   \f$ (n^{[0]}, m) \f$, and the other shapes (0, 0).
///
/// Exercise `week4.layer_shapes`.
std::vector<LayerShapes> layer_shapes(const LayerDims& layer_dims, std::size_t m);

/// \brief The table as `dlc run week4.shapes` prints it: one line per layer,
/// `l  W[l]  b[l]  Z[l]  A[l]`, with the rule of each column in the header. Given code.
std::string shapes_table(const std::vector<LayerShapes>& shapes);

/// \name Shape checks that cite the rule (given code)
/// Each throws `ShapeError` naming the function, the layer and the rule it checks, e.g.
/// `linear_forward: W[2] is (7, 21) but A[1] is (20, 209); W[l] is (n[l], n[l-1]), so
/// W[l].cols must equal A[l-1].rows`. A layer number of 0 leaves the `[l]` out (a lone layer).
///@{

/// W (n[l], n[l-1]) against A_prev (n[l-1], m), and b (n[l], 1).
void check_layer_input(const char* what, int l, const Matrix& W, const Matrix& b,
                       const Matrix& A_prev);
/// `name` (for example `"dZ"`) must have the shape of `like_name` (`"Z"`) in layer l.
void check_same_shape(const char* what, int l, const char* name, const Matrix& value,
                      const char* like_name, const Matrix& like);
///@}

}  // namespace dlc::week4
