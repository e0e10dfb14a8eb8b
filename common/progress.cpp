#include "common/progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <limits>
#include <utility>

namespace dlc {

namespace {

// At most ten drawings a second.
constexpr double kRedrawInterval = 0.1;
// The bar's widest and narrowest; narrower than this, it is left out.
constexpr std::size_t kMaxBar = 30;
constexpr std::size_t kMinBar = 10;

double steady_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

// The terminal's width, from the terminal itself, else $COLUMNS, else 80.
std::size_t terminal_width() {
  winsize ws{};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* c = std::getenv("COLUMNS")) {
    const long n = std::strtol(c, nullptr, 10);
    if (n > 0 && n < 10000) return static_cast<std::size_t>(n);
  }
  return 80;
}

bool stderr_is_terminal() {
  if (::isatty(STDERR_FILENO) == 0) return false;
  const char* term = std::getenv("TERM");
  return term == nullptr || std::strcmp(term, "dumb") != 0;
}

}  // namespace

std::string format_duration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0.0 || seconds >= 100.0 * 3600.0) return "--:--";
  const long s = std::lround(seconds);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

std::string progress_line(const std::string& label, long done, long total, double cost,
                          double elapsed, std::size_t width) {
  total = std::max(total, 1L);
  done = std::clamp(done, 0L, total);
  const double fraction = static_cast<double>(done) / static_cast<double>(total);
  // The count is padded to the width of the total, so that the bar keeps its length.
  const int digits = static_cast<int>(std::to_string(total).size());
  char counts[64];
  std::snprintf(counts, sizeof counts, "  %*ld/%ld  %3d%%", digits, done, total,
                static_cast<int>(std::floor(fraction * 100.0)));
  std::string tail = counts;
  std::size_t cost_room = 15;  // "  cost 0.693147", kept free even before a cost is known
  if (!std::isnan(cost)) {
    char c[48];
    std::snprintf(c, sizeof c, "  cost %f", cost);
    tail += c;
    cost_room = std::max(cost_room, std::strlen(c));
  }
  const double left = done > 0
                          ? elapsed * static_cast<double>(total - done) / static_cast<double>(done)
                          : std::numeric_limits<double>::quiet_NaN();
  const std::string time_left = "  " + format_duration(left) + " left";
  const std::string time_done = "  done in " + format_duration(elapsed);
  // The bar leaves room for the longer of the two, so that it keeps its length at the end.
  const std::size_t time_room = std::max({time_left.size(), time_done.size(), std::size_t{12}});
  const std::size_t base = std::strlen(counts) + cost_room;
  tail += done == total ? time_done : time_left;

  // The line must stay shorter than the terminal, or redrawing it in place would fail.
  const std::size_t room = width > 1 ? width - 1 : 0;
  const std::size_t fixed = label.size() + base + time_room + 3;  // " [" and "]"
  std::string line;
  if (fixed + kMinBar <= room) {
    const std::size_t bar = std::min(kMaxBar, room - fixed);
    const auto full = static_cast<std::size_t>(std::floor(fraction * static_cast<double>(bar)));
    line = label + " [" + std::string(full, '#') + std::string(bar - full, '.') + "]" + tail;
  } else {
    line = label + tail;
  }
  if (line.size() > room) line.resize(room);
  return line;
}

Progress::Progress(std::string label, long total)
    : Progress(std::move(label), total, stderr_is_terminal() ? &std::cerr : nullptr,
               stderr_is_terminal() ? terminal_width() : 80, steady_seconds) {}

Progress::Progress(std::string label, long total, std::ostream* out, std::size_t width, Clock clock)
    : label_(std::move(label)),
      total_(std::max(total, 1L)),
      out_(out),
      width_(width),
      clock_(std::move(clock)),
      cost_(std::numeric_limits<double>::quiet_NaN()) {
  if (!clock_) clock_ = steady_seconds;
  start_ = clock_();
}

Progress::~Progress() {
  if (!finished_) clear();
}

void Progress::update(long done, double cost) {
  if (out_ == nullptr || finished_) return;
  done_ = done;
  cost_ = cost;
  const double now = clock_();
  if (!drawn_ || !shown_ || done >= total_ || now - last_draw_ >= kRedrawInterval) draw();
}

void Progress::restart(std::string label, long total) {
  label_ = std::move(label);
  total_ = std::max(total, 1L);
  done_ = 0;
  cost_ = std::numeric_limits<double>::quiet_NaN();
  start_ = clock_();
}

void Progress::clear() {
  if (out_ == nullptr || !shown_) return;
  *out_ << "\r\033[K" << std::flush;
  shown_ = false;
}

void Progress::finish() {
  if (out_ == nullptr || finished_) return;
  // A line that was cleared for text stays cleared; a shown one is brought up to date and kept.
  if (shown_) {
    if (done_ != total_) draw();
    *out_ << '\n' << std::flush;
  }
  shown_ = false;
  finished_ = true;
}

void Progress::draw() {
  const double now = clock_();
  *out_ << '\r' << progress_line(label_, done_, total_, cost_, now - start_, width_) << "\033[K"
        << std::flush;
  last_draw_ = now;
  shown_ = true;
  drawn_ = true;
}

}  // namespace dlc
