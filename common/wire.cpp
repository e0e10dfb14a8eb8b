#include "common/wire.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

namespace dlc::wire {

namespace {

std::string bytes_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " byte" : " bytes"); }

}  // namespace

void Writer::bytes(const void* data, std::size_t size) {
  if (size > 0) data_.append(static_cast<const char*>(data), size);
}

std::string Writer::take() {
  std::string taken = std::move(data_);
  data_.clear();  // a moved-from string is valid but unspecified: make it empty
  return taken;
}

std::string_view Reader::view(std::size_t size) {
  if (size > remaining()) {
    throw ProtocolError("wire: " + bytes_text(size) + " needed but only " +
                        bytes_text(remaining()) + " left");
  }
  const std::string_view part = data_.substr(pos_, size);
  pos_ += size;
  return part;
}

void Reader::bytes(void* out, std::size_t size) {
  const std::string_view part = view(size);
  if (size > 0) std::memcpy(out, part.data(), size);
}

std::size_t Reader::count(std::size_t min_element_bytes) {
  std::uint64_t n = 0;
  bytes(&n, sizeof n);
  const std::size_t each = std::max<std::size_t>(min_element_bytes, 1);
  if (n > remaining() / each) {
    throw ProtocolError("wire: a count of " + std::to_string(n) + " elements of at least " +
                        bytes_text(each) + " each does not fit in the " + bytes_text(remaining()) +
                        " left");
  }
  return static_cast<std::size_t>(n);
}

void Reader::expect_done() const {
  if (!done()) {
    throw ProtocolError("wire: " + bytes_text(remaining()) + " left over after the value");
  }
}

void put_count(Writer& w, std::size_t n) {
  const std::uint64_t count = n;
  w.bytes(&count, sizeof count);
}

namespace detail {

void put_matrix(Writer& w, const Matrix& m) {
  put_count(w, m.rows());
  put_count(w, m.cols());
  w.bytes(m.data(), m.size() * sizeof(double));  // column-major, as stored
}

void get_matrix(Reader& r, Matrix& m) {
  std::uint64_t rows = 0;
  std::uint64_t cols = 0;
  r.bytes(&rows, sizeof rows);
  r.bytes(&cols, sizeof cols);
  const std::string shape = "(" + std::to_string(rows) + ", " + std::to_string(cols) + ")";
  constexpr std::uint64_t kMaxEntries = std::numeric_limits<std::size_t>::max() / sizeof(double);
  if (cols != 0 && rows > kMaxEntries / cols) {
    throw ProtocolError("wire: a Matrix of shape " + shape +
                        " has more entries than fit in memory");
  }
  const std::size_t n = static_cast<std::size_t>(rows * cols);
  if (n > r.remaining() / sizeof(double)) {
    throw ProtocolError("wire: a Matrix of shape " + shape + " needs " +
                        bytes_text(n * sizeof(double)) + " but only " + bytes_text(r.remaining()) +
                        " are left");
  }
  m.resize_for_overwrite(static_cast<std::size_t>(rows), static_cast<std::size_t>(cols));
  r.bytes(m.data(), n * sizeof(double));
}

void throw_bad_flag(const char* what, unsigned value) {
  throw ProtocolError(std::string("wire: ") + what + " must be the byte 0 or 1, not " +
                      std::to_string(value));
}

void throw_duplicate_key() { throw ProtocolError("wire: a map holds the same key twice"); }

void throw_bad_random_state(std::size_t pos) {
  throw ProtocolError("wire: a RandomState's pos is " + std::to_string(pos) +
                      " but must be at most " + std::to_string(RandomState::kStateSize));
}

}  // namespace detail

}  // namespace dlc::wire
