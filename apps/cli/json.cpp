#include "apps/cli/json.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace dlc::cli {

std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  out += '"';
  return out;
}

std::string json_number(double x) {
  if (!std::isfinite(x)) return "null";
  // The shortest text that reads back to x; Python's repr differs only in writing whole
  // numbers below 1e16 with ".0", which keeps a float looking like one.
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, x);
  std::string out(buf, res.ptr);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

void JsonWriter::before_value() {
  if (stack_.empty()) {
    if (done_) throw std::logic_error("JsonWriter: a second top-level value");
    return;
  }
  Level& top = stack_.back();
  if (top.object) {
    if (!top.key_done) throw std::logic_error("JsonWriter: a value in an object needs a key");
    top.key_done = false;
    return;  // the key wrote the comma
  }
  if (!top.first) os_ << ',';
  top.first = false;
}

JsonWriter& JsonWriter::raw_value(const std::string& text) {
  before_value();
  os_ << text;
  if (stack_.empty()) done_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  os_ << '{';
  stack_.push_back(Level{true, true, false});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  if (stack_.empty() || !stack_.back().object || stack_.back().key_done)
    throw std::logic_error("JsonWriter: end_object without an open object (or after a key)");
  stack_.pop_back();
  os_ << '}';
  if (stack_.empty()) done_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  os_ << '[';
  stack_.push_back(Level{false, true, false});
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  if (stack_.empty() || stack_.back().object)
    throw std::logic_error("JsonWriter: end_array without an open array");
  stack_.pop_back();
  os_ << ']';
  if (stack_.empty()) done_ = true;
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  if (stack_.empty() || !stack_.back().object || stack_.back().key_done)
    throw std::logic_error("JsonWriter: a key outside an object, or two keys in a row");
  Level& top = stack_.back();
  if (!top.first) os_ << ',';
  top.first = false;
  top.key_done = true;
  os_ << json_string(name) << ':';
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view s) { return raw_value(json_string(s)); }
JsonWriter& JsonWriter::number(double x) { return raw_value(json_number(x)); }
JsonWriter& JsonWriter::integer(long long n) { return raw_value(std::to_string(n)); }
JsonWriter& JsonWriter::boolean(bool b) { return raw_value(b ? "true" : "false"); }
JsonWriter& JsonWriter::null() { return raw_value("null"); }

}  // namespace dlc::cli
