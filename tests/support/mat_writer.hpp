/// \file
/// \brief Writes small MATLAB level-5 files by hand, byte by byte as the format describes them,
/// for the tests of the `.mat` reader (which must not test itself with its own library).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/matrix.hpp"

namespace dlc::testing {

/// One variable of a level-5 MAT file, uncompressed.
struct MatVariable {
  std::string name;  ///< as MATLAB names it
  Matrix value;      ///< its entries and shape (written by columns, as MATLAB stores them)
  /// MATLAB's class: 6 for double; 12 (int32) writes the entries as 32-bit integers.
  std::uint8_t mx_class = 6;
  bool complex = false;  ///< also write an imaginary part (all zeros)
};

/// The bytes of a level-5 MAT file holding `variables`, in order: the 128-byte header
/// (text, version 0x0100, "IM" little-endian) and one miMATRIX element per variable.
std::vector<char> mat5_bytes(const std::vector<MatVariable>& variables);

/// Writes `bytes` to `path`.
void write_bytes(const std::string& path, const std::vector<char>& bytes);

/// The bytes of the file `path`.
std::vector<char> read_bytes(const std::string& path);

}  // namespace dlc::testing
