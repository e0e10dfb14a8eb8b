/// \file
/// \brief Small text helpers shared by the tools that read source files line by line
/// (`dlc-stubgen`, the mutants of the tests).
#pragma once

#include <string_view>

namespace dlc::text {

/// A space, a tab or a carriage return.
inline bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/// `s` without blanks at either end.
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

/// True when `s` begins with `prefix`.
inline bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace dlc::text
