#include "apps/cli/programs.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "common/datasets.hpp"

namespace dlc::cli {

namespace {

/// The registered programs, in the order they registered: filled during static initialization,
/// so it is built on first use (whichever file registers first).
std::vector<std::pair<ProgramSpec (*)(), ProgramBody>>& registered() {
  static std::vector<std::pair<ProgramSpec (*)(), ProgramBody>> all;
  return all;
}

/// The catalogue from the registrations, checked and in lecture order.
std::vector<ProgramSpec> make_programs() {
  std::vector<ProgramSpec> all;
  for (const auto& [describe, body] : registered()) {
    ProgramSpec spec = describe();
    spec.body = body;
    if (spec.name.empty() || spec.lecture.empty() || spec.summary.empty())
      throw std::logic_error("a program of dlc run lacks a name, a lecture or a summary (\"" +
                             spec.name + "\")");
    for (const auto& other : all)
      if (other.name == spec.name)
        throw std::logic_error("two programs of dlc run are called " + spec.name);
    lecture_order(spec.lecture);  // throws for a lecture it cannot read
    all.push_back(std::move(spec));
  }
  std::stable_sort(all.begin(), all.end(), [](const ProgramSpec& a, const ProgramSpec& b) {
    return lecture_order(a.lecture) < lecture_order(b.lecture);
  });
  return all;
}

}  // namespace

Registration::Registration(ProgramSpec (*describe)(), ProgramBody body) {
  registered().emplace_back(describe, body);
}

std::vector<int> lecture_order(const std::string& lecture) {
  std::size_t at = 0;
  int course = 1;
  if (lecture.compare(0, 3, "C2 ") == 0) {
    course = 2;
    at = 3;
  }
  std::vector<int> key = {course};
  for (int part = 0; part < 2; ++part) {
    const std::size_t start = at;
    int n = 0;
    while (at < lecture.size() && lecture[at] >= '0' && lecture[at] <= '9' && at - start < 4)
      n = 10 * n + (lecture[at++] - '0');
    if (at == start || (part == 0 && (at >= lecture.size() || lecture[at++] != '.')))
      throw std::logic_error("the lecture \"" + lecture +
                             "\" of a program does not start with a section such as 2.3 or C2 2.8");
    key.push_back(n);
  }
  return key;
}

std::string fashion_classes_line() {
  std::string line = "Fashion-MNIST classes:";
  for (std::size_t k = 0; k < kFashionMnistClasses.size(); ++k)
    line += (k == 0 ? " " : ", ") + std::to_string(k) + " " + kFashionMnistClasses[k];
  return line;
}

OptionSpec flag_option(std::string name, std::string help) {
  OptionSpec o;
  o.name = std::move(name);
  o.kind = Kind::kFlag;
  o.help = std::move(help);
  return o;
}

OptionSpec number_option(std::string name, Kind kind, std::string metavar,
                         std::string default_value, Bound bound, std::string help, long max) {
  OptionSpec o;
  o.name = std::move(name);
  o.kind = kind;
  o.metavar = std::move(metavar);
  o.default_value = std::move(default_value);
  o.bound = bound;
  o.max = max;
  o.help = std::move(help);
  return o;
}

OptionSpec seed_option(std::string default_value, std::string help) {
  return number_option("--seed", Kind::kInteger, "N", std::move(default_value), Bound::kNonNegative,
                       std::move(help), 4'294'967'295);
}

std::uint32_t seed(const Arguments& args) {
  return static_cast<std::uint32_t>(args.integer("--seed"));
}

OptionSpec text_option(std::string name, std::string metavar, std::string default_value,
                       std::string help, std::vector<std::string> choices) {
  OptionSpec o;
  o.name = std::move(name);
  o.kind = Kind::kText;
  o.metavar = std::move(metavar);
  o.default_value = std::move(default_value);
  o.help = std::move(help);
  o.choices = std::move(choices);
  return o;
}

std::vector<OptionSpec> data_options() {
  return {
      text_option("--data-dir", "DIR", "",
                  "folder with the course's train_catvnoncat.h5 and test_catvnoncat.h5 (implies "
                  "--dataset cat)"),
      text_option("--dataset", "NAME", "",
                  "cat or fashion-mnist (default: cat with --data-dir, else fashion-mnist)",
                  {"cat", "fashion-mnist"}),
      text_option("--classes", "A,B", "7,9",
                  "two different Fashion-MNIST classes 0-9; A becomes y = 0, B y = 1"),
      text_option("--fashion-dir", "DIR", "",
                  "folder of Fashion-MNIST's IDX files (default: where Debian's "
                  "dataset-fashion-mnist puts them)"),
      number_option("--train-size", Kind::kInteger, "N", "", Bound::kPositive,
                    "keep at most the first N training examples (for quick runs)"),
      number_option("--test-size", Kind::kInteger, "N", "", Bound::kPositive,
                    "keep at most the first N test examples (for quick runs)"),
  };
}

void validate_data(const Arguments& args) {
  const bool cat = chosen_dataset(args) == Dataset::kCat;
  if (cat && !args.given("--data-dir")) {
    throw UsageError(
        "--dataset cat needs --data-dir DIR, the folder with train_catvnoncat.h5 and "
        "test_catvnoncat.h5");
  }
  if (!cat && args.given("--data-dir"))
    throw UsageError(
        "--data-dir is the cat files' folder; it cannot go with --dataset "
        "fashion-mnist (use --fashion-dir)");
  if (cat && args.given("--classes"))
    throw UsageError("--classes chooses Fashion-MNIST classes; it cannot go with the cat data");
  if (cat && args.given("--fashion-dir"))
    throw UsageError("--fashion-dir cannot go with the cat data (use --data-dir)");
  if (!cat) parse_classes(args.text("--classes"));
}

std::vector<OptionSpec> plot_options() {
  return {
      text_option("--plots", "DIR", "dlc-plots",
                  "folder for the pictures (PNG files drawn by gnuplot), made when missing"),
      flag_option("--no-plots", "draw no pictures (gnuplot is then not needed)"),
  };
}

std::vector<OptionSpec> adam_options() {
  return {
      number_option("--beta1", Kind::kReal, "X", "0.9", Bound::kAny, "Adam's beta1, in [0, 1)"),
      number_option("--beta2", Kind::kReal, "X", "0.999", Bound::kAny, "Adam's beta2, in [0, 1)"),
      number_option("--epsilon", Kind::kReal, "X", "1e-8", Bound::kAny, "Adam's epsilon, positive"),
  };
}

void validate_plots(const Arguments& args) {
  if (args.given("--plots") && args.given("--no-plots"))
    throw UsageError("--plots and --no-plots cannot go together");
}

const std::vector<ProgramSpec>& programs() {
  static const std::vector<ProgramSpec> all = make_programs();
  return all;
}

const ProgramSpec* find_program(const std::string& name) {
  for (const auto& p : programs())
    if (p.name == name) return &p;
  return nullptr;
}

const ProgramSpec& program_or_usage_error(const std::string& name) {
  if (const ProgramSpec* p = find_program(name)) return *p;
  std::string known;
  for (const auto& p : programs()) known += (known.empty() ? "" : ", ") + p.name;
  throw UsageError("unknown program \"" + name + "\"; the programs are " + known);
}

std::string run_help() {
  std::ostringstream os;
  os << "usage: dlc run <program> [--solution] [options]\n\n"
     << "Runs a lesson's program built with your code (week2/*.cpp, ...); with --solution, "
        "built\n"
     << "with the reference solutions instead.\n\n"
     << "General options:\n"
     << "  --solution    run the reference solution instead of your code\n"
     << "  -h, --help    show this help (after a program: that program's help)\n\n"
     << "Programs:\n";
  for (const auto& p : programs()) {
    os << "\n  " << p.name << "  " << p.lecture << ": " << p.summary << '\n';
    if (p.options.empty()) {
      os << "    (no options)\n";
    } else {
      os << options_help(p, 4, false);
    }
  }
  os << "\nExit codes: 0 done, 1 run-time error (data, divergence, shapes), 2 bad command line,\n"
     << "3 an exercise is not implemented yet.\n";
  return os.str();
}

std::string program_help(const ProgramSpec& spec) {
  std::ostringstream os;
  os << "usage: dlc run " << spec.name << " [--solution] [options]\n\n"
     << wrap(spec.lecture + ": " + spec.summary, kHelpWidth, 0) << "\n";
  for (const auto& paragraph : spec.details) os << '\n' << wrap(paragraph, kHelpWidth, 0) << '\n';
  os << "\nOptions:\n" << options_help(spec, 2, true);
  return os.str();
}

std::string usage_hint(const std::string& program) {
  if (find_program(program) != nullptr) {
    return "usage: dlc run " + program + " [--solution] [options]; 'dlc run " + program +
           " --help' lists the options";
  }
  return "usage: dlc run <program> [--solution] [options]; 'dlc run --help' lists the programs";
}

Dataset chosen_dataset(const Arguments& args) {
  if (args.given("--dataset"))
    return args.text("--dataset") == "cat" ? Dataset::kCat : Dataset::kFashionMnist;
  return args.given("--data-dir") ? Dataset::kCat : Dataset::kFashionMnist;
}

std::pair<int, int> parse_classes(const std::string& text) {
  const auto bad = [&text](const std::string& why) {
    return UsageError("--classes: \"" + text + "\" " + why);
  };
  const auto comma = text.find(',');
  if (comma == std::string::npos) throw bad("is not two classes A,B (for example 7,9)");
  const std::string a = text.substr(0, comma), b = text.substr(comma + 1);
  auto one = [&bad](const std::string& s) {
    if (s.size() != 1 || s[0] < '0' || s[0] > '9')
      throw bad("is not two classes A,B, each a number from 0 to 9");
    return s[0] - '0';
  };
  const int ka = one(a), kb = one(b);
  if (ka == kb) throw bad("names the same class twice; choose two different classes");
  return {ka, kb};
}

namespace {

// A list of whole numbers separated by commas, each from 1 to max_value, min_count to max_count
// of them; `example` shows the form in the message.
std::vector<long> parse_counts(const char* option, const std::string& text, const char* what,
                               const char* example, long max_value, std::size_t min_count,
                               std::size_t max_count) {
  const auto bad = [&](const std::string& why) {
    return UsageError(std::string(option) + ": \"" + text + "\" " + why);
  };
  if (text.empty()) throw bad(std::string("is empty; give ") + what + " such as " + example);
  std::vector<long> values;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    const std::string item =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    const bool negative = item.size() > 1 && item[0] == '-';
    const std::string digits = negative ? item.substr(1) : item;
    if (digits.empty() || digits.size() > 9 ||
        digits.find_first_not_of("0123456789") != std::string::npos) {
      throw bad(std::string("is not a list of ") + what + " such as " + example);
    }
    const long n = negative ? -std::stol(digits) : std::stol(digits);
    if (n < 1 || n > max_value) {
      throw bad("has the size " + item + "; each size must be from 1 to " +
                std::to_string(max_value));
    }
    values.push_back(n);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  const std::string count =
      std::to_string(values.size()) + (values.size() == 1 ? " size" : " sizes");
  if (values.size() > max_count)
    throw bad("has " + count + "; at most " + std::to_string(max_count));
  if (values.size() < min_count) {
    throw bad("has " + count + "; it needs at least " + std::to_string(min_count));
  }
  return values;
}

}  // namespace

std::vector<long> parse_sizes(const std::string& text) {
  return parse_counts("--sizes", text, "hidden-layer sizes", "1,2,3,4,5,20,50", kMaxHiddenUnits, 1,
                      12);
}

std::vector<long> parse_layers(const std::string& text) {
  return parse_counts("--layers", text, "layer sizes (the features n[0], then each layer)",
                      "12288,20,7,5,1", 1'000'000, 2, 20);
}

std::vector<double> parse_reals(const std::string& option, const std::string& text,
                                std::size_t min_count, std::size_t max_count) {
  std::vector<double> values;
  std::size_t start = 0;
  for (;;) {
    const std::size_t comma = text.find(',', start);
    const std::string item =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    try {
      values.push_back(parse_real(option, item));
    } catch (const UsageError&) {
      throw UsageError(option + ": \"" + text + "\" is not a list of numbers separated by " +
                       "commas (\"" + item + "\" is not a number)");
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (values.size() < min_count || values.size() > max_count) {
    throw UsageError(option + ": \"" + text + "\" has " + std::to_string(values.size()) +
                     (values.size() == 1 ? " number" : " numbers") + "; give " +
                     (min_count == max_count
                          ? std::to_string(min_count)
                          : std::to_string(min_count) + " to " + std::to_string(max_count)));
  }
  return values;
}

std::vector<double> parse_house(const std::string& text) {
  const std::vector<double> h = parse_reals("--house", text, 4, 4);
  const auto bad = [&text](const std::string& why) {
    return UsageError("--house: \"" + text + "\" " + why);
  };
  if (!(h[0] > 0.0)) throw bad("has a size of 0 or less; the size (1000s of square feet) is S > 0");
  if (h[1] < 0.0) throw bad("has a negative number of bedrooms");
  if (h[2] < 0.0 || h[2] > 1.0) throw bad("has a zip-code centrality outside 0 to 1");
  if (h[3] < 0.0) throw bad("has a negative wealth");
  return h;
}

std::string fashion_class_name(int k) {
  return kFashionMnistClasses.at(static_cast<std::size_t>(k));
}

}  // namespace dlc::cli
