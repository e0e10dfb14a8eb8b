#include "tests/support/mat_writer.hpp"

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace dlc::testing {

namespace {

// The element types of the format.
constexpr std::uint32_t kMiInt8 = 1, kMiInt32 = 5, kMiUint32 = 6, kMiDouble = 9, kMiMatrix = 14;

template <typename T>
void put(std::vector<char>& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));  // little-endian on this machine, as "IM" says
  out.insert(out.end(), bytes, bytes + sizeof(T));
}

// A data element: its tag (type, byte count), its data, zeros up to a multiple of 8.
void element(std::vector<char>& out, std::uint32_t type, const std::vector<char>& data) {
  put(out, type);
  put(out, static_cast<std::uint32_t>(data.size()));
  out.insert(out.end(), data.begin(), data.end());
  out.resize(out.size() + (8 - data.size() % 8) % 8, '\0');
}

std::vector<char> matrix_element(const MatVariable& v) {
  std::vector<char> body, data;
  put(data, static_cast<std::uint32_t>(v.mx_class | (v.complex ? 0x0800u : 0u)));
  put(data, std::uint32_t{0});
  element(body, kMiUint32, data);  // array flags
  data.clear();
  put(data, static_cast<std::int32_t>(v.value.rows()));
  put(data, static_cast<std::int32_t>(v.value.cols()));
  element(body, kMiInt32, data);                                            // dimensions
  element(body, kMiInt8, std::vector<char>(v.name.begin(), v.name.end()));  // name
  for (int part = 0; part < (v.complex ? 2 : 1); ++part) {
    data.clear();
    for (std::size_t j = 0; j < v.value.cols(); ++j) {
      for (std::size_t i = 0; i < v.value.rows(); ++i) {
        const double x = part == 0 ? v.value(i, j) : 0.0;
        if (v.mx_class == 12) {
          put(data, static_cast<std::int32_t>(x));
        } else {
          put(data, x);
        }
      }
    }
    element(body, v.mx_class == 12 ? kMiInt32 : kMiDouble, data);
  }
  return body;
}

}  // namespace

std::vector<char> mat5_bytes(const std::vector<MatVariable>& variables) {
  std::vector<char> out(128, ' ');
  const std::string text = "MATLAB 5.0 MAT-file, written by the tests of dl-companion";
  std::memcpy(out.data(), text.data(), text.size());
  std::memset(out.data() + 116, 0, 8);  // no subsystem data
  out[124] = 0x00;                      // version 0x0100, little-endian
  out[125] = 0x01;
  out[126] = 'I';
  out[127] = 'M';
  for (const auto& v : variables) element(out, kMiMatrix, matrix_element(v));
  return out;
}

void write_bytes(const std::string& path, const std::vector<char>& bytes) {
  std::ofstream f(path, std::ios::binary);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!f) throw std::runtime_error("cannot write " + path);
}

std::vector<char> read_bytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read " + path);
  return std::vector<char>(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

}  // namespace dlc::testing
