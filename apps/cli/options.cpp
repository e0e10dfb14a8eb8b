#include "apps/cli/options.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <sstream>
#include <system_error>

namespace dlc::cli {

namespace {

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

const OptionSpec* find_option(const ProgramSpec& spec, const std::string& name) {
  for (const auto& o : spec.options)
    if (o.name == name) return &o;
  return nullptr;
}

std::string join(const std::vector<std::string>& words, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) out += (i == 0 ? "" : sep) + words[i];
  return out;
}

// Checks a number against the option's range; `shown` is the value as the user wrote it.
void check_bound(const OptionSpec& o, double value, const std::string& shown) {
  switch (o.bound) {
    case Bound::kAny:
      break;
    case Bound::kNonNegative:
      if (value < 0) throw UsageError(o.name + " must be 0 or more, not " + shown);
      break;
    case Bound::kPositive:
      if (!(value > 0)) {
        throw UsageError(o.name +
                         (o.kind == Kind::kInteger ? " must be at least 1, not "
                                                   : " must be a positive number, not ") +
                         shown);
      }
      break;
  }
}

}  // namespace

long parse_integer(const std::string& option, const std::string& text) {
  long value = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec == std::errc::result_out_of_range)
    throw UsageError(option + ": " + quoted(text) + " is too large");
  if (text.empty() || ec != std::errc() || ptr != last)
    throw UsageError(option + ": " + quoted(text) + " is not a whole number");
  return value;
}

double parse_real(const std::string& option, const std::string& text) {
  double value = 0.0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec == std::errc::result_out_of_range)
    throw UsageError(option + ": " + quoted(text) + " is out of range");
  if (text.empty() || ec != std::errc() || ptr != last || !std::isfinite(value))
    throw UsageError(option + ": " + quoted(text) + " is not a number");
  return value;
}

bool Arguments::given(const std::string& name) const {
  const auto it = values_.find(name);
  return it != values_.end() && it->second.given;
}

bool Arguments::has(const std::string& name) const { return values_.count(name) != 0; }

const Arguments::Value& Arguments::value(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end())
    throw std::logic_error("option " + name + " of " + program_ + " has no value");
  return it->second;
}

const std::string& Arguments::text(const std::string& name) const { return value(name).text; }
long Arguments::integer(const std::string& name) const { return value(name).integer; }
double Arguments::real(const std::string& name) const { return value(name).real; }

Arguments parse_options(const ProgramSpec& spec, const std::vector<std::string>& args) {
  Arguments out;
  out.program_ = spec.name;

  // Reads `text` as the value of option `o`, checked, into `value`.
  auto read_value = [](const OptionSpec& o, const std::string& text, Arguments::Value& value) {
    value.text = text;
    switch (o.kind) {
      case Kind::kFlag:
        break;
      case Kind::kInteger:
        value.integer = parse_integer(o.name, text);
        check_bound(o, static_cast<double>(value.integer), text);
        if (o.max > 0 && value.integer > o.max)
          throw UsageError(o.name + " must be at most " + std::to_string(o.max) + ", not " + text);
        break;
      case Kind::kReal:
        value.real = parse_real(o.name, text);
        check_bound(o, value.real, text);
        break;
      case Kind::kText:
        if (text.empty()) throw UsageError(o.name + " needs a non-empty value (" + o.metavar + ")");
        if (!o.choices.empty() &&
            std::find(o.choices.begin(), o.choices.end(), text) == o.choices.end()) {
          throw UsageError("unknown " + o.name + " " + quoted(text) +
                           "; choose one of: " + join(o.choices, ", "));
        }
        break;
    }
  };

  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--help" || word == "-h") {
      out.help_ = true;
      return out;
    }
    if (word.size() < 2 || word[0] != '-') {
      throw UsageError("unexpected argument " + quoted(word) + "; options start with --");
    }
    const auto eq = word.find('=');
    const std::string name = word.substr(0, eq);
    const OptionSpec* o = find_option(spec, name);
    if (o == nullptr) throw UsageError("unknown option " + name + " for " + spec.name);
    if (out.given(name)) throw UsageError(name + " is given twice");

    Arguments::Value value;
    value.given = true;
    if (o->kind == Kind::kFlag) {
      if (eq != std::string::npos) throw UsageError(name + " takes no value");
    } else if (eq != std::string::npos) {
      read_value(*o, word.substr(eq + 1), value);
    } else {
      // The next word is the value; a word that is itself an option (`--json`) is not a text
      // value, so `--data-dir --json` says the value is missing. Numbers read it and complain
      // that it is not a number.
      const bool missing =
          i + 1 >= args.size() || (o->kind == Kind::kText && args[i + 1].rfind("--", 0) == 0);
      if (missing) throw UsageError(name + " needs a value (" + o->metavar + ")");
      read_value(*o, args[++i], value);
    }
    out.values_[name] = value;
  }

  for (const auto& o : spec.options) {
    if (o.default_value.empty() || out.has(o.name)) continue;
    Arguments::Value value;
    read_value(o, o.default_value, value);
    out.values_[o.name] = value;
  }
  if (spec.validate) spec.validate(out);
  return out;
}

std::string wrap(const std::string& text, std::size_t width, std::size_t indent) {
  std::istringstream words(text);
  std::string word, line, out;
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > width) {
      out += (out.empty() ? "" : "\n" + std::string(indent, ' ')) + line;
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += (out.empty() ? "" : "\n" + std::string(indent, ' ')) + line;
  return out;
}

std::string options_help(const ProgramSpec& spec, int indent, bool with_solution) {
  std::vector<std::pair<std::string, std::string>> rows;
  if (with_solution) rows.emplace_back("--solution", "run the reference solution, not your code");
  for (const auto& o : spec.options) {
    std::string left = o.name + (o.metavar.empty() ? "" : " " + o.metavar);
    std::string right = o.help;
    if (!o.default_value.empty()) right += " (default: " + o.default_value + ")";
    rows.emplace_back(std::move(left), std::move(right));
  }
  rows.emplace_back("-h, --help", "show this help");
  std::size_t width = 0;
  for (const auto& r : rows) width = std::max(width, r.first.size());
  const std::size_t column = static_cast<std::size_t>(indent) + width + 2;
  const std::size_t room = kHelpWidth > column + 30 ? kHelpWidth - column : 30;
  std::ostringstream os;
  for (const auto& r : rows) {
    os << std::string(static_cast<std::size_t>(indent), ' ') << r.first
       << std::string(width - r.first.size() + 2, ' ') << wrap(r.second, room, column) << '\n';
  }
  return os.str();
}

}  // namespace dlc::cli
