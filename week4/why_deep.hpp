/// \file
/// \brief Lecture 4.4: why deep representations. Some functions that a deep network computes
/// with a few units per layer need exponentially many units when the network may have only one
/// hidden layer. The lecture's example from circuit theory is the parity (the XOR) of n bits;
/// here both networks are built exactly, weight by weight, and then trained.
///
/// This header's lectures on \ref week4 "week 4's page": \ref lecture_4_4 "4.4".
///
/// **The idea.** The early layers of a deep network compute simple features of the input, and
/// each later layer combines the features of the layer before into more complex ones (edges,
/// then parts of faces, then faces; sounds, then phonemes, then words). Composition is cheap:
/// a feature computed once is reused by every feature built on it. A single hidden layer cannot
/// reuse anything and may have to list every case on its own.
///
/// **Parity.** For \f$ x \in \{0, 1\}^n \f$,
/// \f[ \mathrm{parity}(x) = x_1 \oplus x_2 \oplus \dots \oplus x_n
///     = \Big( \textstyle\sum_i x_i \Big) \bmod 2 \f]
/// is 1 when x has an odd number of ones. The data set of the lesson lists all \f$ 2^n \f$ bit
/// vectors: X is \f$ (n, 2^n) \f$, column j holding the binary digits of j (row i is bit i,
/// \f$ X_{ij} = \lfloor j / 2^i \rfloor \bmod 2 \f$), and Y is \f$ (1, 2^n) \f$.
///
/// **One XOR gate from two ReLU units.** For \f$ a, b \in \{0, 1\} \f$,
/// \f[ a \oplus b = \mathrm{ReLU}(a - b) + \mathrm{ReLU}(b - a) \f]
/// (the two units are 0 and 0 when a = b, and 1 and 0 or 0 and 1 when they differ). The sum
/// needs no unit of its own: the next layer's weights add the two units up, since
/// \f$ W (h_1 + h_2) = W h_1 + W h_2 \f$.
///
/// **The deep network** is a balanced tree of such gates: layer 1 XORs the bits in pairs
/// \f$ (x_1, x_2), (x_3, x_4), \dots \f$, layer 2 XORs those results in pairs, and so on, until
/// one value is left. With n bits it has
/// \f[ L - 1 = \lceil \log_2 n \rceil \text{ hidden layers and } 2(n - 1) + r(n) \le 2(n - 1) +
///     \lceil \log_2 n \rceil \text{ hidden units}, \f]
/// n - 1 gates of two units each, plus r(n), one unit for each layer whose number of values is
/// odd: the last value of such a layer has no partner and is carried to the next layer by one
/// unit, \f$ \mathrm{ReLU}(u) = u \f$ for \f$ u \ge 0 \f$ (r(n) = 0 when n is a power of 2).
///
/// **The shallow network** has one hidden layer with one unit per bit vector of odd parity,
/// \f$ 2^{n-1} \f$ of them. The unit of the pattern p (a bit vector with \f$ |p| \f$ ones) is
/// \f[ h_p(x) = \mathrm{ReLU}\Big( \sum_{i: p_i = 1} x_i - \sum_{i: p_i = 0} x_i + 1 - |p| \Big)
///     = \mathrm{ReLU}\big( 1 - \#\{i : x_i \ne p_i\} \big), \f]
/// which is 1 when x = p and 0 for every other x: an AND of the n literals \f$ x_i \f$ or
/// \f$ \lnot x_i \f$. The sum of these units is the parity. This is the two-level circuit
/// "OR of ANDs" of circuit theory, and there it cannot be smaller: an AND that leaves out a bit
/// is 1 on two vectors of different parity, so every AND must name all n bits and recognise one
/// vector alone, and the \f$ 2^{n-1} \f$ vectors of odd parity need one each.
///
/// **The output layer** of both is one sigmoid unit on the value \f$ h \in \{0, 1\} \f$ that
/// the last hidden layer computes (as a sum of its units),
/// \f[ \hat{y} = \sigma\big( c\, h - c / 2 \big), \qquad c = 20 \f]
/// (`kParityOutputScale`): \f$ \sigma(10) \approx 0.99995 \f$ when the parity is 1 and
/// \f$ \sigma(-10) \approx 0.0000454 \f$ when it is 0, so that `predict` (\f$ \hat{y} > 0.5 \f$)
/// is right on every input and the cross-entropy cost is \f$ \log(1 + e^{-10}) \approx
/// 4.54 \cdot 10^{-5} \f$. Both networks are ordinary `Parameters`: `L_model_forward`
/// ([LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID) evaluates them as it evaluates a trained one.
///
/// **A caveat, which the demo prints too.** The \f$ 2^{n-1} \f$ is a count of logic gates.
/// ReLU units are more than logic gates: since the parity depends only on
/// \f$ s = \sum_i x_i \f$, one hidden layer of n units \f$ \mathrm{ReLU}(s - k) \f$,
/// \f$ k = 0, \dots, n - 1 \f$, with output weights \f$ 1, -2, 2, -2, \dots \f$ draws the
/// zig-zag 0, 1, 0, 1, ... through the integers and computes the parity exactly
/// (`counting_parity_network`). For parity a shallow ReLU network need not be exponential; the
/// gain of depth is real for the gates of circuit theory and for other functions (composing a
/// zig-zag with itself k times doubles its teeth k times, with two units per layer).
///
/// **Building is not learning.** That a network of some shape *can* compute parity does not
/// mean that gradient descent from a random start *finds* those weights. `dlc run
/// week4.parity` trains both shapes on the parity data with `L_layer_model` and prints what
/// really happens.
///
/// **Expected output.** `dlc run week4.parity --solution` prints the sizes for n = 2, ..., 16
/// (n = 16: the deep tree has 4 hidden layers of 30 units in all, the pattern network 32768
/// units, the counting network 16), checks the three built networks on all \f$ 2^n \f$ inputs
/// for n = 1, ..., 10 (every prediction right, cost \f$ 4.54 \cdot 10^{-5} \f$), and then the
/// training comparison.
#pragma once

#include <cstddef>

#include "common/matrix.hpp"
#include "week4/deep_network.hpp"
#include "week4/dimensions.hpp"

namespace dlc::week4 {

/// The most bits `parity_data` and `shallow_parity_network` accept: both grow as \f$ 2^n \f$
/// (at n = 16, X is (16, 65536) and the pattern network has 32768 hidden units).
constexpr int kMaxParityBits = 16;

/// The most bits `deep_parity_network`, `deep_parity_dims` and `counting_parity_network` accept:
/// the networks grow as \f$ n^2 \f$ (their W[1] is about (n, n)).
constexpr int kMaxDeepParityBits = 1024;

/// The most bits `shallow_parity_dims` accepts: a layer size is an `int`, and \f$ 2^{n-1} \f$
/// must fit in one.
constexpr int kMaxParitySizeBits = 31;

/// c, the output unit's scale: \f$ \hat{y} = \sigma(c h - c/2) \f$.
constexpr double kParityOutputScale = 20.0;

/// The parity data set: every bit vector of n bits and its parity.
struct ParityData {
  Matrix X;  ///< \f$ (n, 2^n) \f$: column j holds the bits of j, row i is bit i (0 or 1)
  Matrix Y;  ///< \f$ (1, 2^n) \f$: 1 where column j has an odd number of ones, else 0
};

/// \brief All \f$ 2^n \f$ bit vectors of n bits and their parity.
/// \f[ X_{ij} = \lfloor j / 2^i \rfloor \bmod 2, \qquad
///     Y_{0j} = \Big( \textstyle\sum_i X_{ij} \Big) \bmod 2 \f]
/// \param[in] n the number of bits, 1 to `kMaxParityBits`
/// \return X \f$ (n, 2^n) \f$ and Y \f$ (1, 2^n) \f$ of 0.0 and 1.0. For n = 2:
///   `X = [[0, 1, 0, 1], [0, 0, 1, 1]]`, `Y = [[0, 1, 1, 0]]`.
/// \throws std::invalid_argument when n is out of range, before allocating anything.
///
/// Exercise `week4.parity_data`.
ParityData parity_data(int n);

/// \brief The layer sizes of the deep XOR tree on n bits (given code): \f$ n^{[0]} = n \f$;
/// while k values are left (k = n at the input), the next layer has \f$ 2 \lfloor k/2 \rfloor
/// + (k \bmod 2) \f$ units and leaves \f$ \lceil k/2 \rceil \f$ values; the output layer has 1.
/// For n = 5: `{5, 5, 3, 2, 1}`; for n = 8: `{8, 8, 4, 2, 1}`; for n = 1: `{1, 1}`.
/// \param[in] n 1 to `kMaxDeepParityBits`
/// \throws std::invalid_argument when n is out of range.
LayerDims deep_parity_dims(int n);

/// \brief The layer sizes of the one-hidden-layer pattern network (given code):
/// `{n, 2^(n-1), 1}`.
/// \param[in] n 1 to `kMaxParitySizeBits`
/// \throws std::invalid_argument when n is out of range.
LayerDims shallow_parity_dims(int n);

/// \brief The deep network that computes the parity of n bits exactly: a tree of XOR gates.
///
/// Layer l takes the values \f$ v_0, v_1, \dots, v_{k-1} \f$ the layer below computes (at the
/// input, the bits \f$ x_0, \dots, x_{n-1} \f$; above it, each value is the sum of one or two
/// units of the layer below) and pairs them in order, \f$ (v_0, v_1), (v_2, v_3), \dots \f$.
/// Gate g of the layer is its units 2g and 2g + 1,
/// \f[ h_{2g} = \mathrm{ReLU}(v_{2g} - v_{2g+1}), \qquad
///     h_{2g+1} = \mathrm{ReLU}(v_{2g+1} - v_{2g}), \f]
/// whose sum is \f$ v_{2g} \oplus v_{2g+1} \f$; when k is odd, the layer's last unit carries
/// \f$ v_{k-1} \f$ unchanged (weight 1 on it). A weight of +1 or -1 on a value \f$ v \f$ is that
/// weight on every unit of the layer below whose sum is v. Every bias of the hidden layers is
/// 0, every other weight 0. The output layer puts c = `kParityOutputScale` on the last
/// hidden layer's units (the gate whose sum is the parity) with bias -c/2.
///
/// For n = 3: `W[1] = [[1, -1, 0], [-1, 1, 0], [0, 0, 1]]` (one gate, one carry),
/// `W[2] = [[1, 1, -1], [-1, -1, 1]]`, `W[3] = [[20, 20]]`, `b[3] = [[-10]]`.
/// \param[in] n the number of bits, 1 to `kMaxDeepParityBits` (for n = 1 there is no hidden
///   layer: \f$ \hat{y} = \sigma(c x_0 - c/2) \f$)
/// \return parameters with the sizes `deep_parity_dims(n)`: W[l] \f$ (n^{[l]}, n^{[l-1]}) \f$,
///   b[l] \f$ (n^{[l]}, 1) \f$, l = 1..L with \f$ L = \lceil \log_2 n \rceil + 1 \f$.
/// \throws std::invalid_argument when n is out of range.
///
/// Exercise `week4.deep_parity_network`.
Parameters deep_parity_network(int n);

/// \brief The one-hidden-layer network that computes the parity of n bits exactly: one unit for
/// each bit vector of odd parity.
///
/// Unit k is the pattern p = the k-th odd-parity column of `parity_data(n).X` (the odd-parity
/// values j in increasing order; the bits of j as the column holds them). Its weights and bias:
/// \f[ W^{[1]}_{ki} = 2 p_i - 1 = \begin{cases} +1 & p_i = 1 \\ -1 & p_i = 0 \end{cases},
///     \qquad b^{[1]}_k = 1 - |p| \f]
/// so that \f$ z_k = 1 - \#\{i : x_i \ne p_i\} \f$ is 1 on p and at most 0 on every other
/// input. The output layer puts c = `kParityOutputScale` on every unit, bias -c/2.
///
/// For n = 3 the patterns are 1, 2, 4, 7: `W[1] = [[1, -1, -1], [-1, 1, -1], [-1, -1, 1],
/// [1, 1, 1]]`, `b[1] = [[0], [0], [0], [-2]]`, `W[2] = [[20, 20, 20, 20]]`, `b[2] = [[-10]]`.
/// \param[in] n the number of bits, 1 to `kMaxParityBits`
/// \return parameters with the sizes `shallow_parity_dims(n)`, L = 2.
/// \throws std::invalid_argument when n is out of range (saying how many units it would need),
///   before allocating anything.
///
/// Exercise `week4.shallow_parity_network`.
Parameters shallow_parity_network(int n);

/// \brief The counting network of the caveat above (given code): one hidden layer of n ReLU
/// units \f$ h_k = \mathrm{ReLU}(s - k) \f$ with \f$ s = \sum_i x_i \f$ (every weight of W[1] is
/// 1, \f$ b^{[1]}_k = -k \f$), k = 0..n-1, and the output
/// \f$ \sigma(c (h_0 - 2 h_1 + 2 h_2 - \dots) - c/2) \f$, which is the parity for every input
/// of 0s and 1s.
/// \param[in] n the number of bits, 1 to `kMaxDeepParityBits`
/// \return parameters with the sizes `{n, n, 1}`.
/// \throws std::invalid_argument when n is out of range.
Parameters counting_parity_network(int n);

/// The size of a network, as the lecture counts it.
struct NetworkSize {
  std::size_t hidden_layers = 0;  ///< L - 1
  std::size_t hidden_units = 0;   ///< \f$ n^{[1]} + \dots + n^{[L-1]} \f$
  /// weights and biases, \f$ \sum_{l=1}^{L} n^{[l]} (n^{[l-1]} + 1) \f$
  std::size_t parameters = 0;
};

/// \brief The size of a network of layer sizes `layer_dims` (given code).
/// \param[in] layer_dims \f$ n^{[0]}, \dots, n^{[L]} \f$, checked by `check_layer_dims`
NetworkSize network_size(const LayerDims& layer_dims);

}  // namespace dlc::week4
