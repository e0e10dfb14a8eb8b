#include "common/training.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace dlc {

static std::string diverged_message(double cost, long iteration, double learning_rate) {
  return "training diverged: the cost is " + python_repr(cost) + " at iteration " +
         std::to_string(iteration) + " (learning rate " + python_repr(learning_rate) +
         "); try a smaller learning rate";
}

TrainingDiverged::TrainingDiverged(double cost, long iteration, double learning_rate)
    : std::runtime_error(diverged_message(cost, iteration, learning_rate)),
      cost_(cost),
      iteration_(iteration),
      learning_rate_(learning_rate) {}

void check_cost(double cost, long iteration, double learning_rate) {
  if (!std::isfinite(cost)) throw TrainingDiverged(cost, iteration, learning_rate);
}

std::string python_repr(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  // The shortest round-trip digits and exponent, from the scientific form of to_chars.
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  const std::string sci(buf, res.ptr);
  const auto e_pos = sci.find('e');
  std::string mantissa = sci.substr(0, e_pos);
  const int exponent = std::atoi(sci.c_str() + e_pos + 1);
  const bool negative = mantissa[0] == '-';
  if (negative) mantissa.erase(0, 1);
  std::string digits;
  for (char c : mantissa)
    if (c != '.') digits += c;
  std::string out;
  if (exponent < -4 || exponent >= 16) {
    // Python: 1e-05, 1.5e+16
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    out += ebuf;
  } else if (exponent < 0) {
    out = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
  } else {
    const auto int_len = static_cast<std::size_t>(exponent) + 1;
    if (digits.size() <= int_len) {
      out = digits + std::string(int_len - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, int_len) + "." + digits.substr(int_len);
    }
  }
  return negative ? "-" + out : out;
}

std::string percent_f(double x) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%f", x);
  return buf;
}

}  // namespace dlc
