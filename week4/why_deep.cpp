// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/week4/why_deep.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "week4/why_deep.hpp"

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/exercise.hpp"

namespace dlc::week4 {

namespace {

// Checks n before anything is allocated; `why` says what the limit protects.
void check_bits(const char* what, int n, int max_bits, const std::string& why) {
  if (n < 1 || n > max_bits) {
    throw std::invalid_argument(std::string(what) + ": n is " + std::to_string(n) +
                                " but must be from 1 to " + std::to_string(max_bits) + " bits" +
                                (n > max_bits ? why : std::string()));
  }
}

// Zero weights and biases of the sizes `layer_dims`: W[l] (n[l], n[l-1]), b[l] (n[l], 1).
Parameters zero_parameters(const LayerDims& layer_dims) {
  Parameters p;
  p.W.resize(layer_dims.size());
  p.b.resize(layer_dims.size());
  for (std::size_t l = 1; l < layer_dims.size(); ++l) {
    const auto rows = static_cast<std::size_t>(layer_dims[l]);
    p.W[l] = Matrix::zeros(rows, static_cast<std::size_t>(layer_dims[l - 1]));
    p.b[l] = Matrix::zeros(rows, 1);
  }
  return p;
}

// 2^(n-1), the units of a pattern network on n bits, for the messages.
std::string units_text(int n) {
  return n >= 1 && n < 64 ? std::to_string(1ULL << (n - 1)) : "2^" + std::to_string(n - 1);
}

}  // namespace

ParityData parity_data(int n) {
  check_bits("parity_data", n, kMaxParityBits,
             "; X would be (" + std::to_string(n) + ", 2^" + std::to_string(n) + ")");
  const std::size_t bits = static_cast<std::size_t>(n);
  const std::size_t m = std::size_t{1} << bits;  // 2^n examples
  ParityData data{Matrix::zeros(bits, m), Matrix::zeros(1, m)};
  DLC_TODO("week4.parity_data");
  return data;
}

LayerDims deep_parity_dims(int n) {
  check_bits("deep_parity_dims", n, kMaxDeepParityBits, "");
  LayerDims dims{n};
  // k values left; each layer XORs them in pairs and carries the odd one out.
  for (int k = n; k > 1; k = (k + 1) / 2) dims.push_back(2 * (k / 2) + k % 2);
  dims.push_back(1);
  return dims;
}

LayerDims shallow_parity_dims(int n) {
  check_bits("shallow_parity_dims", n, kMaxParitySizeBits,
             ": 2^(n-1) = " + units_text(n) + " units do not fit in a layer size");
  return {n, static_cast<int>(1UL << (n - 1)), 1};
}

Parameters deep_parity_network(int n) {
  check_bits("deep_parity_network", n, kMaxDeepParityBits, "");
  Parameters p = zero_parameters(deep_parity_dims(n));
  const std::size_t L = p.L();
  const double c = kParityOutputScale;
  DLC_TODO("week4.deep_parity_network");
  return p;
}

Parameters shallow_parity_network(int n) {
  check_bits("shallow_parity_network", n, kMaxParityBits,
             ": one hidden layer would need 2^(n-1) = " + units_text(n) + " units");
  Parameters p = zero_parameters(shallow_parity_dims(n));
  const std::size_t bits = static_cast<std::size_t>(n);
  const double c = kParityOutputScale;
  DLC_TODO("week4.shallow_parity_network");
  return p;
}

Parameters counting_parity_network(int n) {
  check_bits("counting_parity_network", n, kMaxDeepParityBits, "");
  Parameters p = zero_parameters({n, n, 1});
  const double c = kParityOutputScale;
  for (int k = 0; k < n; ++k) {
    const auto row = static_cast<std::size_t>(k);
    for (std::size_t i = 0; i < static_cast<std::size_t>(n); ++i) p.W[1](row, i) = 1.0;
    p.b[1](row, 0) = -static_cast<double>(k);  // h_k = ReLU(s - k)
    // The zig-zag 0, 1, 0, 1, ...: slope +1 from s = 0, then -1, +1, ... after each integer.
    p.W[2](0, row) = c * (k == 0 ? 1.0 : (k % 2 == 1 ? -2.0 : 2.0));
  }
  p.b[2](0, 0) = -c / 2.0;
  return p;
}

NetworkSize network_size(const LayerDims& layer_dims) {
  check_layer_dims("network_size", layer_dims);
  NetworkSize size;
  size.hidden_layers = layer_dims.size() - 2;
  for (std::size_t l = 1; l < layer_dims.size(); ++l) {
    const auto units = static_cast<std::size_t>(layer_dims[l]);
    if (l + 1 < layer_dims.size()) size.hidden_units += units;
    size.parameters += units * (static_cast<std::size_t>(layer_dims[l - 1]) + 1);
  }
  return size;
}

}  // namespace dlc::week4
