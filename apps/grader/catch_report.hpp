/// \file
/// \brief Reading Catch2's XML report of one exercise's tests, and deciding the exercise's
/// outcome from that report and from how the test process ended.
///
/// The decision trusts only two things: the report Catch2 wrote to its own file (complete,
/// well-formed, every test case with `<OverallResult success="true"/>`) and the exit status the
/// kernel gave (exited normally, code 0). What the tested code printed is shown to the student
/// but never read as a result.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "apps/grader/grader.hpp"
#include "common/process.hpp"

namespace dlc::grader {

/// A report that cannot be read: malformed, truncated, or not Catch2's; `what()` is one line,
/// `line 12: what was wrong`.
class XmlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How deeply a report's sections may nest (Catch2 writes one per level of SECTION).
inline constexpr std::size_t kMaxXmlDepth = 256;

/// One failed assertion, unexpected exception, fatal condition or FAIL() of a Catch2 report.
struct CatchFailure {
  /// What Catch2 reported.
  enum class Kind {
    kExpression,  ///< a check that failed (`threw` when it failed by an exception)
    kException,   ///< an exception that escaped the test case, outside any check
    kFatal,       ///< a signal Catch2 caught (a crash)
    kExplicit,    ///< FAIL("...")
  };
  Kind kind = Kind::kExpression;
  std::string test_case;              ///< the test case's name
  std::vector<std::string> sections;  ///< the SECTIONs it was in, outermost first
  std::string file;                   ///< where, as compiled
  int line = 0;                       ///< where
  std::string macro;                  ///< `CHECK`, `REQUIRE_THAT` ... (expressions)
  std::string original;               ///< the check as written (expressions)
  std::string expanded;               ///< its values, as Catch2 expanded them (expressions)
  bool threw = false;                 ///< an expression that failed by an exception
  std::string message;                ///< the exception's what(), FAIL's or the fatal message
  std::vector<std::string> info;      ///< INFO / CAPTURE / WARN messages captured with it
};

/// One test case of a report.
struct CatchTestCase {
  std::string name;                    ///< as written in TEST_CASE
  std::string tags;                    ///< `[week2.sigmoid][cat]`
  bool finished = false;               ///< it has its <OverallResult>
  bool success = false;                ///< <OverallResult success="true"/>
  std::vector<CatchFailure> failures;  ///< in report order
  std::string std_out;                 ///< what it wrote to std::cout (Catch2 captures it)
  std::string std_err;                 ///< what it wrote to std::cerr / std::clog
};

/// A complete Catch2 report.
struct CatchReport {
  std::vector<CatchTestCase> test_cases;  ///< in the order they ran
};

/// \brief Reads a Catch2 (v2) XML report (with pugixml).
/// \throws XmlError when it is not well-formed or incomplete (a report cut short by a crash or
///         an early exit), or not a Catch2 report (its root is not `<Catch>`), or a test case
///         lacks its <OverallResult>.
CatchReport read_catch_report(std::string_view xml);

/// The name of the last test case a report started, read leniently from a report that may be
/// truncated or malformed; empty when there is none.
std::string last_test_case_started(std::string_view xml);

/// What decide() needs besides the run and its report.
struct DecideOptions {
  double timeout_seconds = 0;                 ///< the limit the run had, for "timed out after 3 s"
  std::size_t memory_limit_bytes = 0;         ///< the run's memory limit, for "ran out of memory"
  std::size_t output_limit_bytes = 64 << 10;  ///< how much output the detail shows
  /// Path prefixes removed from file names in messages (the source tree, the build mirror),
  /// so `/home/x/dlc/week2/images.cpp:12` reads `week2/images.cpp:12`.
  std::vector<std::string> source_prefixes;
};

/// \brief The grade of one exercise from one run of its tests.
/// \param[in] exercise the exercise (id, points, lecture, title)
/// \param[in] run how the test program ended, and its output
/// \param[in] report the text of Catch2's report file; nothing when the file does not exist
/// \param[in] options the limits of the run, for the messages
///
/// In this order: a run that could not start is kDoesNotCompile (the program is missing);
/// one killed at its time limit is kTimedOut; one killed by a signal is kCrashed; one whose
/// report is missing, truncated or malformed is kExitedEarly; one whose report has no test case
/// is kNoTests; every test case successful and exit code 0 is kPassed; every failure a
/// "not implemented yet:" exception is kNotImplemented; else the first other failure decides:
/// an exception (kThrew), a crash Catch2 caught (kCrashed), a wrong value or FAIL (kFailed).
ExerciseResult decide(const Exercise& exercise, const ProcessResult& run,
                      const std::optional<std::string>& report, const DecideOptions& options);

/// `text` with every run of blanks and newlines made one space, and cut to `max` characters
/// (ending in `...`) when longer.
std::string one_line(std::string_view text, std::size_t max = 240);

}  // namespace dlc::grader
