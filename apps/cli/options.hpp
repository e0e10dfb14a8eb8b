/// \file
/// \brief The command line of `dlc run`: option specifications, a strict parser, and the exit
/// codes, shared by the driver `dlc` and the lesson runners `dlc-lessons-student` and
/// `dlc-lessons-solution`.
///
/// The driver checks a command line with the same parser as the runner before it starts the
/// runner, so a bad command line gets the same answer (exit code 2) whether or not the runner
/// is built, and a student's unfinished code can never change how the command line is read.
///
/// The parser is strict: an unknown option, an option given twice, a missing value, a value that
/// is not a number, a number out of its range or a text outside its choices is a `UsageError`
/// with one line of explanation. Values follow their option (`--iterations 100`) or are joined
/// to it (`--iterations=100`).
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace dlc::cli {

/// The exit codes of `dlc` and of the lesson runners.
enum ExitCode : int {
  kExitOk = 0,              ///< the program ran to its end
  kExitFailure = 1,         ///< a run-time error: missing or corrupt data, divergence, a bad shape
  kExitUsage = 2,           ///< a bad command line
  kExitNotImplemented = 3,  ///< the program reached an exercise the student has not written yet
};

/// A bad command line. The message is one line without the tool's name, e.g.
/// `--learning-rate: "abc" is not a number`.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// What an option takes.
enum class Kind {
  kFlag,     ///< no value: `--json`
  kInteger,  ///< a whole number: `--iterations 2000`
  kReal,     ///< a finite real number: `--learning-rate 0.005`, `--a -1.5`
  kText,     ///< any text, or one of `choices`: `--data-dir DIR`, `--dataset cat`
};

/// The range a number must lie in.
enum class Bound {
  kAny,          ///< any finite value
  kNonNegative,  ///< 0 or more
  kPositive,     ///< more than 0 (for integers: at least 1)
};

/// One option of a program.
struct OptionSpec {
  std::string name;                  ///< with its dashes: `--learning-rate`
  Kind kind = Kind::kFlag;           ///< what the option takes
  std::string metavar;               ///< the value's name in the help: `X`, `N`, `DIR`
  std::string default_value;         ///< read as if given; empty means no default
  std::string help;                  ///< one line for `--help`
  Bound bound = Bound::kAny;         ///< range of a number
  long max = 0;                      ///< the largest integer allowed; 0 means no limit
  std::vector<std::string> choices;  ///< the values a text may take; empty means any
};

class Arguments;

/// What a program of `dlc run` is told besides its options.
struct RunContext {
  std::string flavour;  ///< `student` or `solution`, the lesson code the runner links
};

/// A program's body: it prints its output and returns the exit code; errors are exceptions,
/// which the runner turns into one line and an exit code.
using ProgramBody = int (*)(const Arguments& args, const RunContext& context);

/// One program of `dlc run` (or one command of `dlc`): its name, what it shows, its options and
/// the checks that involve more than one option.
struct ProgramSpec {
  std::string name;                  ///< `week2.logreg`
  std::string lecture;               ///< the lecture sections it shows: `2.2-2.4, 2.7-2.13`
  std::string summary;               ///< one line for the list of programs, after the lecture
  std::vector<OptionSpec> options;   ///< the options it accepts (besides `--help`)
  std::vector<std::string> details;  ///< paragraphs for its `--help`, wrapped when printed
  /// Checks across options (for example `--classes` only with Fashion-MNIST); throws
  /// `UsageError`. May be empty.
  std::function<void(const Arguments&)> validate;
  /// What it runs; null where no lesson code is linked (in the driver `dlc`).
  ProgramBody body = nullptr;
};

/// The options of one program after parsing: every option given, and every option with a
/// default, each already checked and converted.
class Arguments {
 public:
  /// The program's name.
  const std::string& program() const { return program_; }
  /// True when `--help` or `-h` was given: nothing else was checked after it.
  bool help() const { return help_; }
  /// True when the option was on the command line (not merely defaulted).
  bool given(const std::string& name) const;
  /// True when the option has a value, given or defaulted (a flag: when given).
  bool has(const std::string& name) const;
  /// The text of an option that has a value; throws `std::logic_error` otherwise.
  const std::string& text(const std::string& name) const;
  /// The value of an integer option that has a value; throws `std::logic_error` otherwise.
  long integer(const std::string& name) const;
  /// The value of a real option that has a value; throws `std::logic_error` otherwise.
  double real(const std::string& name) const;

 private:
  struct Value {
    std::string text;
    long integer = 0;
    double real = 0.0;
    bool given = false;
  };
  const Value& value(const std::string& name) const;

  std::string program_;
  bool help_ = false;
  std::map<std::string, Value> values_;

  friend Arguments parse_options(const ProgramSpec& spec, const std::vector<std::string>& args);
};

/// \brief Parses the options of one program, strictly, and runs the program's `validate`.
/// \param[in] spec the program's specification
/// \param[in] args the words after the program's name
/// \return every option given or defaulted; or, when `--help` came first among the options,
///         an `Arguments` whose `help()` is true.
/// \throws UsageError with one line naming the offending option and value.
Arguments parse_options(const ProgramSpec& spec, const std::vector<std::string>& args);

/// \brief A whole number, strictly: optional `-`, digits, nothing else.
/// \param[in] option the option's name, for the message
/// \param[in] text the value
/// \throws UsageError when `text` is not a whole number or does not fit a `long`.
long parse_integer(const std::string& option, const std::string& text);

/// \brief A finite real number, strictly (`0.005`, `1e6`, `-2`); no spaces, no `inf`, no `nan`.
/// \param[in] option the option's name, for the message
/// \param[in] text the value
/// \throws UsageError when `text` is not a finite number.
double parse_real(const std::string& option, const std::string& text);

/// The width help text is wrapped to.
inline constexpr std::size_t kHelpWidth = 96;

/// \brief `text` wrapped at spaces into lines of at most `width` characters (a longer word gets
/// a line of its own), every line after the first indented by `indent` spaces.
std::string wrap(const std::string& text, std::size_t width, std::size_t indent);

/// \brief The options part of a program's help: one row per option with its default, the
/// descriptions wrapped to `kHelpWidth` columns.
/// \param[in] spec the program
/// \param[in] indent spaces before each row
/// \param[in] with_solution start with `dlc run`'s own `--solution`
std::string options_help(const ProgramSpec& spec, int indent, bool with_solution);

}  // namespace dlc::cli
