/// \file
/// \brief A small JSON writer for the machine-readable output of `dlc` (`--json`), with no
/// library behind it: objects, arrays, strings (escaped as RFC 8259 asks), numbers, booleans.
///
///     JsonWriter json(std::cout);
///     json.begin_object().key("program").string("week2.logreg").key("costs").begin_array();
///     ...
///     json.end_array().end_object();
///
/// writes `{"program":"week2.logreg","costs":[...]}` on one line. Commas are placed by the
/// writer; a misuse (a value where a key is due, closing what is not open) throws
/// `std::logic_error`.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace dlc::cli {

/// `s` as a JSON string, with its quotes: `"`, `\` and control characters escaped
/// (`\"`, `\\`, `\n`, `\t`, `\u001b` ...). Other bytes, UTF-8 included, pass unchanged.
std::string json_string(std::string_view s);

/// `x` as a JSON number with every digit needed to read it back exactly, as Python's `repr`
/// writes it (`0.6931471805599453`, `70.0`, `1e-05`); `null` for NaN and infinities, which JSON
/// cannot hold.
std::string json_number(double x);

/// Writes one JSON value to a stream, piece by piece.
class JsonWriter {
 public:
  /// Writes to `os`, which must outlive the writer.
  explicit JsonWriter(std::ostream& os) : os_(os) {}

  JsonWriter& begin_object();              ///< `{`
  JsonWriter& end_object();                ///< `}`
  JsonWriter& begin_array();               ///< `[`
  JsonWriter& end_array();                 ///< `]`
  JsonWriter& key(std::string_view name);  ///< `"name":` inside an object
  JsonWriter& string(std::string_view s);  ///< a string value
  JsonWriter& number(double x);            ///< a number value (see json_number())
  JsonWriter& integer(long long n);        ///< a whole-number value
  JsonWriter& boolean(bool b);             ///< `true` or `false`
  JsonWriter& null();                      ///< `null`

  /// True when one complete value has been written and every object and array is closed.
  bool complete() const { return done_ && stack_.empty(); }

 private:
  struct Level {
    bool object = false;    // an object (else an array)
    bool first = true;      // nothing written in it yet
    bool key_done = false;  // an object's key is written and its value is due
  };
  void before_value();  // a comma where needed; checks that a value may come here
  JsonWriter& raw_value(const std::string& text);

  std::ostream& os_;
  std::vector<Level> stack_;
  bool done_ = false;
};

}  // namespace dlc::cli
