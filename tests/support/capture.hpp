/// \file
/// \brief Captures what a block of code prints on `std::cout`, for tests of printed output.
#pragma once

#include <iostream>
#include <sstream>
#include <string>

namespace dlc::testing {

/// While it lives, `std::cout` writes into a buffer; `text()` is what was written.
class CaptureCout {
 public:
  CaptureCout() : old_(std::cout.rdbuf(buffer_.rdbuf())) {}
  ~CaptureCout() { std::cout.rdbuf(old_); }
  CaptureCout(const CaptureCout&) = delete;
  CaptureCout& operator=(const CaptureCout&) = delete;
  /// Everything printed so far.
  std::string text() const { return buffer_.str(); }

 private:
  std::ostringstream buffer_;
  std::streambuf* old_;
};

}  // namespace dlc::testing
