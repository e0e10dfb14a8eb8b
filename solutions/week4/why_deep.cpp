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
  // BEGIN SOLUTION week4.parity_data
  for (std::size_t j = 0; j < m; ++j) {
    std::size_t ones = 0;
    for (std::size_t i = 0; i < bits; ++i) {
      const std::size_t bit = (j >> i) & 1U;  // X_ij = floor(j / 2^i) mod 2
      data.X(i, j) = static_cast<double>(bit);
      ones += bit;
    }
    data.Y(0, j) = static_cast<double>(ones % 2);  // parity = (sum_i x_i) mod 2
  }
  // END SOLUTION
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
  // BEGIN SOLUTION week4.deep_parity_network
  // value[k]: the units of the layer below whose sum is v_k; at the input, v_i = x_i.
  std::vector<std::vector<std::size_t>> value(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < value.size(); ++i) value[i] = {i};
  for (std::size_t l = 1; l < L; ++l) {
    Matrix& W = p.W[l];
    std::vector<std::vector<std::size_t>> next;
    std::size_t unit = 0;
    for (std::size_t k = 0; k + 1 < value.size(); k += 2, unit += 2) {
      // a XOR b = ReLU(a - b) + ReLU(b - a): units `unit` and `unit + 1`
      for (std::size_t u : value[k]) {
        W(unit, u) = 1.0;
        W(unit + 1, u) = -1.0;
      }
      for (std::size_t u : value[k + 1]) {
        W(unit, u) = -1.0;
        W(unit + 1, u) = 1.0;
      }
      next.push_back({unit, unit + 1});  // the next layer adds the two up
    }
    if (value.size() % 2 == 1) {  // no partner: carried, ReLU(v) = v for v >= 0
      for (std::size_t u : value.back()) W(unit, u) = 1.0;
      next.push_back({unit});
    }
    value = next;
  }
  for (std::size_t u : value.front()) p.W[L](0, u) = c;  // y_hat = sigma(c h - c/2)
  p.b[L](0, 0) = -c / 2.0;
  // END SOLUTION
  return p;
}

Parameters shallow_parity_network(int n) {
  check_bits("shallow_parity_network", n, kMaxParityBits,
             ": one hidden layer would need 2^(n-1) = " + units_text(n) + " units");
  Parameters p = zero_parameters(shallow_parity_dims(n));
  const std::size_t bits = static_cast<std::size_t>(n);
  const double c = kParityOutputScale;
  // BEGIN SOLUTION week4.shallow_parity_network
  std::size_t k = 0;  // the unit of the next odd-parity pattern
  for (std::size_t j = 0; j < (std::size_t{1} << bits); ++j) {
    std::size_t ones = 0;
    for (std::size_t i = 0; i < bits; ++i) ones += (j >> i) & 1U;
    if (ones % 2 == 0) continue;  // even parity: no unit
    for (std::size_t i = 0; i < bits; ++i) {
      p.W[1](k, i) = ((j >> i) & 1U) ? 1.0 : -1.0;  // +1 on the pattern's ones, -1 on its zeros
    }
    p.b[1](k, 0) = 1.0 - static_cast<double>(ones);  // z = 1 - (bits that differ from p)
    p.W[2](0, k) = c;
    ++k;
  }
  p.b[2](0, 0) = -c / 2.0;
  // END SOLUTION
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
