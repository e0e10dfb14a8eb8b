/// \file
/// \brief A one-line progress display for long training runs: on a terminal, a bar on stderr
/// redrawn in place with the iteration, the cost and the time left; elsewhere, nothing.
///
///     Progress progress("4 hidden units", 10000);
///     for (long i = 0; i < 10000; ++i) {
///       ...
///       progress.update(i + 1, cost);
///     }
///     progress.finish();
///
/// draws, at most ten times a second,
///
///     4 hidden units [###########.........]   5500/10000   55%  cost 0.221400  0:01 left
///
/// When stderr is not a terminal (a pipe, a file, CI), the display stays silent: the lines a
/// program prints on stdout (`Cost after iteration 1000: 0.258625`) are the record of the run,
/// and a log must not fill with redrawn bars. Lines printed on stdout while the bar is shown
/// should be preceded by `clear()`, so that they do not land in the middle of the bar.
///
/// The text of the line is made by the pure function `progress_line`, which the tests check.
#pragma once

#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

namespace dlc {

/// \brief A duration as a clock shows it: `0:07`, `12:34`, `1:02:03`; `--:--` when unknown
/// (negative, not finite, or beyond 100 hours).
std::string format_duration(double seconds);

/// \brief The text of the progress line (without `\r` or escape sequences).
/// \param[in] label what is running (`4 hidden units`)
/// \param[in] done steps done so far, 0 to total
/// \param[in] total steps in all, at least 1
/// \param[in] cost the latest cost, printed with six decimals (not printed when NaN)
/// \param[in] elapsed seconds since the start
/// \param[in] width the terminal's width: the line is at most `width - 1` characters, the bar
///            shrinking (or dropped) to fit
/// \return e.g. `4 hidden units [#####...............]   2500/10000   25%  cost 0.230000  0:03
///         left` (the count padded to the width of the total, so that the bar keeps its length),
///         or, when `done == total`, `... 100%  cost 0.219000  done in 0:04`.
///
/// The time left is the elapsed time scaled by the steps still to do, `elapsed * (total - done)
/// / done`; it is `--:--` until a step is done.
std::string progress_line(const std::string& label, long done, long total, double cost,
                          double elapsed, std::size_t width = 80);

/// A progress bar on stderr when it is a terminal; silent otherwise.
class Progress {
 public:
  /// Seconds from some fixed moment (a steady clock).
  using Clock = std::function<double()>;

  /// \brief A display of `total` steps on stderr, shown only when stderr is a terminal (and
  /// `TERM` is not `dumb`).
  Progress(std::string label, long total);

  /// \brief A display writing to `out` (nullptr: silent), `width` columns wide, reading the
  /// time from `clock`: for tests, and for programs that decide themselves where it goes.
  Progress(std::string label, long total, std::ostream* out, std::size_t width, Clock clock);

  /// Erases the line if it is still shown (an exception ending the run leaves a clean line).
  ~Progress();

  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// True when the display draws anything at all.
  bool active() const { return out_ != nullptr; }

  /// \brief Records that `done` steps are done and the latest cost; redraws the line when
  /// at least 0.1 s has passed since the last drawing, or when `done == total`.
  void update(long done, double cost);

  /// \brief Starts over with a new label and number of steps, on the same line (for runs one
  /// after another, each with its own time left).
  void restart(std::string label, long total);

  /// Erases the line, so that a line of text can be printed; the next update draws it again.
  void clear();

  /// \brief Ends the display: a line on the screen is brought up to date and kept, ended by a
  /// newline; a line erased by `clear()` stays erased. Afterwards the display draws nothing.
  void finish();

 private:
  void draw();

  std::string label_;
  long total_;
  std::ostream* out_;
  std::size_t width_;
  Clock clock_;
  double start_ = 0.0;
  double last_draw_ = 0.0;
  long done_ = 0;
  double cost_;
  bool shown_ = false;     // the line is on the screen now
  bool drawn_ = false;     // something has been drawn since the start
  bool finished_ = false;  // finish() was called
};

}  // namespace dlc
