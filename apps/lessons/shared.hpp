/// \file
/// \brief What the programs of `dlc run` share: the folder their pictures go to (`--plots DIR`,
/// `--no-plots`) and numbers printed as a person writes them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "apps/cli/options.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"

namespace dlc::runner {

/// Where the pictures go (`--plots DIR`), or none (`--no-plots`).
class Pictures {
 public:
  /// Checks, before any training, that gnuplot is there and the folder can be made, so that a
  /// long run never ends without its pictures.
  /// \throws plot::PlotError with one line when gnuplot is missing or the folder cannot be made.
  explicit Pictures(const cli::Arguments& args);

  /// Whether pictures are to be drawn (no `--no-plots`).
  bool enabled() const { return enabled_; }
  /// How gnuplot is run.
  const plot::Style& style() const { return style_; }

  /// The path of picture `name` in the folder.
  std::string path(const std::string& name) const;

  /// Records a picture made, saying what it shows (printed by `report`).
  void made(const plot::Picture& picture, const std::string& what);

  /// One line per picture: `Picture saved: dlc-plots/planar_data.png (the data set)`.
  void report() const;

  /// The pictures' paths, in the order they were made.
  std::vector<std::string> paths() const;

 private:
  bool enabled_;
  std::string dir_;
  plot::Style style_;
  std::vector<std::pair<std::string, std::string>> written_;
};

/// `value` as one line of JSON, the numbers as Python's repr writes them (`0.6931471805599453`,
/// `70.0`, `1e-05`), NaN and infinities as null, any invalid UTF-8 replaced.
std::string json_line(const nlohmann::ordered_json& value);

/// \brief Checks the shape of what a student's function returned before a program reads its
/// entries.
/// \param[in] function the function, named in the message (`relu`)
/// \param[in] what the result, named in the message (`its result`, `z1`)
/// \param[in] result what the function returned
/// \param[in] expected the shape it must have
/// \throws ShapeError `relu returned its result of shape (1, 1) but it must be (1, 6)`.
void check_result(const std::string& function, const std::string& what, const Matrix& result,
                  Shape expected);

/// A number as a person writes it: whole numbers without ".0" (33, -1.5, 0.1); otherwise
/// Python's shortest repr.
std::string plain(double x);

/// A number with at most `decimals` decimals, trailing zeros dropped: `0.119203`, `0.25`, `4`,
/// `-0.04`; never `-0`.
std::string fixed(double x, int decimals = 6);

/// A time in milliseconds with about three significant digits: 474.30, 1.50, 0.281, 0.00012.
std::string milliseconds(double ms);

/// A small positive quantity, such as a rounding difference, with three significant digits:
/// `4.44e-16`, `0.0123`, `1.5`; exactly 0 is `0`.
std::string short_number(double x);

}  // namespace dlc::runner
