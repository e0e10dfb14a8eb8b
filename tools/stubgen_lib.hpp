/// \file
/// \brief `dlc-stubgen`: writes each student's file from its reference solution, and the one
/// reader of the markers that say which parts of a solution the student writes.
///
/// A solution `solutions/<block>/<lesson>.cpp` marks each part the student writes:
///
///     // BEGIN SOLUTION <block>.<exercise>
///     ...  the reference code, which the student writes
///     // END SOLUTION
///
/// and its stub `<block>/<lesson>.cpp` is the same file with a short banner on top and each
/// marked region replaced by one line, indented as its BEGIN line,
///
///     DLC_TODO("<block>.<exercise>");
///
/// Everything outside the regions is copied verbatim. One exercise may span several regions of
/// its file; an exercise id belongs to one file only. The hints are in `exercises.ini`, never in
/// a marker (`dlc hint week2.sigmoid` shows them).
#pragma once

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace dlc::stubgen {

/// The lecture blocks of the source tree `root`: the folders of `root/solutions/`, sorted
/// (`solutions/<block>/` holds the solutions of `<block>/`).
std::vector<std::string> blocks(const std::string& root);

/// A malformed marker or an unreadable file; `what()` is one line, `file:line: what`.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// One marked region of a solution file.
struct Region {
  std::string id;        ///< the exercise id, e.g. `week2.sigmoid`
  std::size_t line;      ///< the 1-based line of its BEGIN marker
  std::size_t end_line;  ///< the 1-based line of its END marker
};

/// \brief The marked regions of one solution file, in file order.
/// \param solution the solution's text
/// \param path     its path from the source root, e.g. `solutions/week2/sigmoid.cpp`, named in
///                 error messages
/// \param block    the block every exercise id of the file must start with, e.g. `week2`
/// \throws Error for the first malformed, unbalanced or nested marker
std::vector<Region> regions(std::string_view solution, std::string_view path,
                            std::string_view block);

/// A generated stub and the regions it replaced, in file order.
struct Stub {
  std::string text;
  std::vector<Region> regions;
};

/// Generates the stub of one solution file.
/// \param solution the solution's text
/// \param path     its path from the source root, e.g. `solutions/week2/sigmoid.cpp`, named in
///                 the banner and in error messages
/// \param block    the block every exercise id of the file must start with, e.g. `week2`
/// \throws Error for the first malformed, unbalanced or nested marker
Stub generate(std::string_view solution, std::string_view path, std::string_view block);

/// The `//` lines a stub starts with: whose file it is and where it comes from.
std::string banner(std::string_view solution_path);

/// Where two texts first differ: a 1-based line and that line in each text, quoted, or
/// `(end of file)` / `(no final newline)` when one text stops first.
struct Difference {
  std::size_t line;
  std::string expected;
  std::string actual;
};

/// The first line where `actual` differs from `expected`, or nothing when they are equal.
std::optional<Difference> first_difference(std::string_view expected, std::string_view actual);

/// \brief The name of the function whose body holds line `line` (1-based) of a solution: the
/// identifier before the first `(` of the nearest line above it that starts a definition at
/// the left margin (`Matrix sigmoid(const Matrix& z) {` gives `sigmoid`).
/// \throws Error naming `path:line` when no such line is found.
std::string enclosing_function(std::string_view solution, std::string_view path, std::size_t line);

/// One exercise of a solution file: its id and the function whose body it is.
struct ExerciseFunction {
  std::string id;        ///< `week2.sigmoid`
  std::string function;  ///< `dlc::week2::sigmoid`: the function, qualified by its namespace
};

/// \brief The namespace open at line `line` (1-based) of a solution: the names of the
/// `namespace X {` lines at the left margin above it not yet closed by a `}  // namespace X`
/// line, joined by `::` (`dlc::course2::regularization`); empty when none is open.
std::string enclosing_namespace(std::string_view solution, std::size_t line);

/// \brief The exercises a solution marks, each once, in file order, with their functions
/// (enclosing_function() of their first region, in its enclosing_namespace(), or in
/// `dlc::<block>` when the file opens none at the left margin).
/// \throws Error for bad markers or a marker outside any function.
std::vector<ExerciseFunction> exercise_functions(std::string_view solution, std::string_view path,
                                                 std::string_view block);

/// \brief The C++ file that lets the grader call each exercise of one lesson in another process
/// (common/remote.hpp): one `DLC_REMOTE_EXERCISE("<id>", <qualified function>)` per
/// exercise the solution marks, after `#include "<block>/<lesson>.hpp"`.
/// \param solution the solution's text; \param path its path from the source root
/// (`solutions/week2/logistic_regression.cpp`); \param block `week2`.
/// \throws Error for bad markers or a marker outside any function.
std::string remote_table(std::string_view solution, std::string_view path, std::string_view block);

/// The whole command line, `dlc-stubgen (--write | --check | --list) <source-root>`, with its
/// output sent to `out` and its problems to `err`. Returns the exit code: 0 done, 1 stubs out of
/// date (or a stub without a solution), 2 bad markers, unreadable files or bad usage.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace dlc::stubgen
