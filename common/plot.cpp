#include "common/plot.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/checks.hpp"
#include "common/files.hpp"
#include "common/process.hpp"

namespace dlc::plot {

namespace {

namespace fs = std::filesystem;

// The colours: strong ones for the points (the ends of the course's Spectral map, red for 0 and
// blue for 1), light ones for the predicted regions behind them.
constexpr const char* kPointColour[2] = {"#c62828", "#1f4e9a"};
constexpr const char* kRegionColour[2] = {"#f6c1bc", "#bcd3ee"};
// Curves: the ten colours of matplotlib's default cycle, which students know from the notebooks.
constexpr std::array<const char*, 10> kCurveColours = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e",
                                                       "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
                                                       "#bcbd22", "#17becf"};
// The PNG signature: the first eight bytes of every PNG file.
constexpr unsigned char kPngSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
// Grid points classified per call of the classifier, so that a wide hidden layer never needs
// one huge matrix.
constexpr std::size_t kChunk = 16384;

std::string number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", x);
  return buf;
}

void write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) throw PlotError("cannot write the temporary file " + path);
}

// The smallest and largest of each coordinate, widened by 1 on each side as the course does.
struct Bounds {
  double x0, x1, y0, y1;
};

Bounds bounds_of(const Matrix& X, double margin) {
  if (!(margin > 0.0) || !std::isfinite(margin))
    throw std::invalid_argument("plot: the plane's margin must be a positive number");
  Bounds b{X(0, 0), X(0, 0), X(1, 0), X(1, 0)};
  for (std::size_t j = 0; j < X.cols(); ++j) {
    b.x0 = std::min(b.x0, X(0, j));
    b.x1 = std::max(b.x1, X(0, j));
    b.y0 = std::min(b.y0, X(1, j));
    b.y1 = std::max(b.y1, X(1, j));
  }
  if (!std::isfinite(b.x0) || !std::isfinite(b.x1) || !std::isfinite(b.y0) ||
      !std::isfinite(b.y1)) {
    throw std::invalid_argument("plot: a point has a coordinate that is not a finite number");
  }
  return {b.x0 - margin, b.x1 + margin, b.y0 - margin, b.y1 + margin};
}

// Checks a labelled 2-D set: X (2, m), Y (1, m) of 0/1, m >= 1.
void check_points(const char* what, const Matrix& X, const Matrix& Y) {
  check_examples(what, X, Y);
  if (X.rows() != 2) {
    throw ShapeError(std::string(what) + ": X is " + to_string(X.shape()) +
                     " but a picture of the plane needs 2 rows (x1, x2), shape (2, m)");
  }
}

// The points of each label, one "x1 x2" line each, in two files; returns the plot elements.
std::string point_elements(const TempDir& dir, const Matrix& X, const Matrix& Y,
                           const Classes& classes, bool with_titles) {
  std::string elements;
  for (int label = 0; label < 2; ++label) {
    std::string text;
    for (std::size_t j = 0; j < X.cols(); ++j) {
      if (Y(0, j) == static_cast<double>(label))
        text += number(X(0, j)) + ' ' + number(X(1, j)) + '\n';
    }
    if (text.empty()) continue;  // gnuplot warns about an empty file
    const std::string file = dir.file("class" + std::to_string(label) + ".dat");
    write_file(file, text);
    if (!elements.empty()) elements += ", \\\n     ";
    elements += gnuplot_quote(file) + " using 1:2 with points pt 7 ps 0.85 lc rgb '" +
                kPointColour[label] + "' " +
                (with_titles ? "title " + gnuplot_quote(label == 0 ? classes.zero : classes.one)
                             : std::string("notitle"));
  }
  return elements;
}

// The classifier's prediction on a grid x fastest, as bytes 0/1, in a binary file; returns the
// plot element that draws it as an image.
std::string region_element(const TempDir& dir, const std::string& name, const Classifier& classify,
                           const Bounds& b, std::size_t n, const char* what) {
  if (!classify) throw std::invalid_argument(std::string(what) + ": the classifier is empty");
  n = std::max<std::size_t>(n, 2);
  const double dx = (b.x1 - b.x0) / static_cast<double>(n - 1);
  const double dy = (b.y1 - b.y0) / static_cast<double>(n - 1);
  std::string bytes(n * n, '\0');
  for (std::size_t start = 0; start < n * n; start += kChunk) {
    const std::size_t k = std::min(kChunk, n * n - start);
    Matrix points(2, k);
    for (std::size_t c = 0; c < k; ++c) {
      const std::size_t i = (start + c) % n, j = (start + c) / n;
      points(0, c) = b.x0 + static_cast<double>(i) * dx;
      points(1, c) = b.y0 + static_cast<double>(j) * dy;
    }
    const Matrix labels = classify(points);
    if (labels.shape() != Shape{1, k}) {
      throw ShapeError(std::string(what) + ": the classifier returned " +
                       to_string(labels.shape()) + " for " + to_string(points.shape()) +
                       " points; it must return (1, " + std::to_string(k) + ")");
    }
    for (std::size_t c = 0; c < k; ++c) bytes[start + c] = labels(0, c) > 0.5 ? 1 : 0;
  }
  const std::string file = dir.file(name);
  write_file(file, bytes);
  return gnuplot_quote(file) + " binary array=(" + std::to_string(n) + "," + std::to_string(n) +
         ") dx=" + number(dx) + " dy=" + number(dy) + " origin=(" + number(b.x0) + "," +
         number(b.y0) + ") format='%uchar' with image notitle";
}

// Legend entries for the two predicted regions.
std::string region_key_elements() {
  return std::string("keyentry with boxes fs solid 1.0 noborder fc rgb '") + kRegionColour[0] +
         "' title 'predicted y = 0', \\\n     keyentry with boxes fs solid 1.0 noborder fc rgb '" +
         kRegionColour[1] + "' title 'predicted y = 1'";
}

std::string terminal(const std::string& png, int width, int height, int font_size) {
  return "set terminal pngcairo noenhanced size " + std::to_string(width) + "," +
         std::to_string(height) + " font 'Sans," + std::to_string(font_size) +
         "' background rgb 'white'\n"
         "set encoding utf8\n"
         "set output " +
         gnuplot_quote(png) + "\n";
}

std::string plane_settings(const Bounds& b, const Axes& axes) {
  return "set title " + gnuplot_quote(axes.title) + " font ',13'\n" + "set xlabel " +
         gnuplot_quote(axes.xlabel) + "\n" + "set ylabel " + gnuplot_quote(axes.ylabel) + "\n" +
         "set xrange [" + number(b.x0) + ":" + number(b.x1) + "]\n" + "set yrange [" +
         number(b.y0) + ":" + number(b.y1) + "]\n" +
         "set size ratio -1\n"
         "set tics out nomirror\n"
         "set palette defined (0 '" +
         kRegionColour[0] + "', 1 '" + kRegionColour[1] +
         "')\n"
         "set cbrange [0:1]\n"
         "unset colorbox\n";
}

// The one line of gnuplot's stderr that says what went wrong: the `"file" line N: ...` line
// when there is one, else the last line; at most 300 characters.
std::string error_line(const std::string& text) {
  std::istringstream in(text);
  std::string line, last, located;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t^") == std::string::npos) continue;
    last = line;
    if (located.empty() && line.find("\" line ") != std::string::npos) located = line;
  }
  std::string out = located.empty() ? last : located;
  if (out.size() > 300) out = out.substr(0, 297) + "...";
  return out.empty() ? std::string("(nothing on stderr)") : out;
}

// Runs `gnuplot script` (stdin from /dev/null), waits at most `timeout` seconds, and returns what
// it wrote. Throws PlotError when it fails.
std::string run_gnuplot(const std::string& exe, const std::string& script, double timeout) {
  RunLimits limits;
  limits.timeout_seconds = timeout;
  limits.output_limit_bytes = 64u << 10;
  const ProcessResult run = run_process({exe, script}, environment_with({}), limits);
  if (!run.started) throw PlotError("cannot start gnuplot: " + run.start_error);
  if (run.timed_out) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", timeout);
    throw PlotError(std::string("gnuplot did not finish within ") + buf + " s and was stopped");
  }
  if (!run.exited) {
    throw PlotError("gnuplot was killed by signal " + std::to_string(run.signal) + ": " +
                    error_line(run.output));
  }
  if (run.exit_code != 0) {
    throw PlotError("gnuplot failed (exit status " + std::to_string(run.exit_code) +
                    "): " + error_line(run.output));
  }
  return run.output;
}

// Runs the script, checks the PNG it wrote and copies it to `png`.
Picture render(const TempDir& dir, const std::string& body, const std::string& png,
               const Style& style, int width, int height, int font_size = 11) {
  const std::string exe = find_gnuplot(style);
  const std::string out = dir.file("picture.png");
  const std::string script = dir.file("picture.gp");
  write_file(script, terminal(out, width, height, font_size) + body + "unset output\n");
  Picture picture;
  picture.messages = run_gnuplot(exe, script, style.timeout_seconds);
  while (!picture.messages.empty() &&
         (picture.messages.back() == '\n' || picture.messages.back() == ' '))
    picture.messages.pop_back();

  std::ifstream in(out, std::ios::binary);
  unsigned char head[8] = {};
  in.read(reinterpret_cast<char*>(head), sizeof head);
  if (!in || std::memcmp(head, kPngSignature, sizeof head) != 0) {
    throw PlotError("gnuplot wrote no PNG for " + png +
                    (picture.messages.empty() ? "" : ": " + error_line(picture.messages)));
  }
  in.close();

  // Copied beside the destination, then renamed: a reader never sees half a picture.
  std::error_code ec;
  const std::string partial = png + ".partial";
  fs::copy_file(out, partial, fs::copy_options::overwrite_existing, ec);
  if (!ec) fs::rename(partial, png, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    throw PlotError("cannot write " + png + ": " + ec.message());
  }
  picture.path = png;
  picture.bytes = static_cast<std::size_t>(fs::file_size(png, ec));
  return picture;
}

// Checks one curve: as many x as y values, at least one, every value finite (and positive on a
// logarithmic axis).
void check_curve(const char* what, const Curve& c, bool log_y, bool log_x = false) {
  if (c.x.size() != c.y.size() || c.x.empty()) {
    throw std::invalid_argument(std::string(what) + ": the curve '" + c.name + "' has " +
                                std::to_string(c.x.size()) + " x and " +
                                std::to_string(c.y.size()) +
                                " y values; it needs as many of each, at least one");
  }
  for (std::size_t i = 0; i < c.x.size(); ++i) {
    if (!std::isfinite(c.x[i]) || !std::isfinite(c.y[i]) || (log_y && !(c.y[i] > 0.0)) ||
        (log_x && !(c.x[i] > 0.0))) {
      throw std::invalid_argument(
          std::string(what) + ": the curve '" + c.name + "' has the point (" + number(c.x[i]) +
          ", " + number(c.y[i]) + ")" +
          (log_y || log_x ? "; every value must be a positive number on a logarithmic axis"
                          : "; every value must be a finite number"));
    }
  }
}

// Checks a chart: something to draw, every curve and set of points sound.
void check_chart(const char* what, const Chart& chart) {
  if (chart.lines.empty() && chart.points.empty()) {
    throw std::invalid_argument(std::string(what) + ": the chart '" + chart.axes.title +
                                "' has no curve and no point to draw");
  }
  for (const Curve& c : chart.lines) check_curve(what, c, false, chart.axes.log_x);
  for (const Curve& c : chart.points) check_curve(what, c, false, chart.axes.log_x);
}

// The settings and the plot command of one chart; its data files are named after `tag`.
std::string chart_body(const TempDir& dir, const Chart& chart, const std::string& tag) {
  std::string body = "set title " + gnuplot_quote(chart.axes.title) + " font ',13'\n" +
                     "set xlabel " + gnuplot_quote(chart.axes.xlabel) + "\n" + "set ylabel " +
                     gnuplot_quote(chart.axes.ylabel) + "\n" +
                     "set grid lc rgb '#e0e0e0'\n"
                     "set tics out nomirror\n"
                     "set key inside top left Left reverse opaque box lc rgb '#c0c0c0'\n"
                     // A margin above and below, so that nothing lies on the frame (a ReLU's
                     // flat part at the bottom, say).
                     "set offsets graph 0, graph 0, graph 0.06, graph 0.06\n" +
                     (chart.axes.log_x ? "set logscale x\n" : "unset logscale x\n") +
                     (chart.zero_axes ? "set xzeroaxis lt 1 lw 1 lc rgb '#909090'\n"
                                        "set yzeroaxis lt 1 lw 1 lc rgb '#909090'\n"
                                      : "unset xzeroaxis\nunset yzeroaxis\n") +
                     "plot ";
  std::size_t k = 0;
  const auto element = [&](const Curve& c, bool dots) {
    std::string text;
    for (std::size_t i = 0; i < c.x.size(); ++i)
      text += number(c.x[i]) + ' ' + number(c.y[i]) + '\n';
    const std::string file = dir.file(tag + "_" + std::to_string(k) + ".dat");
    write_file(file, text);
    if (k > 0) body += ", \\\n     ";
    body += gnuplot_quote(file) + " using 1:2 with " +
            (dots ? "points pt 7 ps 1.4" : "lines lw 2") + " lc rgb '" +
            kCurveColours[k % kCurveColours.size()] + "' title " + gnuplot_quote(c.name);
    ++k;
  };
  for (const Curve& c : chart.lines) element(c, false);
  for (const Curve& c : chart.points) element(c, true);
  return body + "\n";
}

// Checks a contour chart: a function, a rectangle, levels and paths that can be drawn.
void check_contour(const char* what, const ContourChart& c) {
  const std::string chart = std::string(what) + ": the chart '" + c.axes.title + "'";
  if (!c.f) throw std::invalid_argument(chart + " has no function to draw");
  const bool finite = std::isfinite(c.x_min) && std::isfinite(c.x_max) && std::isfinite(c.y_min) &&
                      std::isfinite(c.y_max);
  if (!finite || !(c.x_min < c.x_max) || !(c.y_min < c.y_max)) {
    throw std::invalid_argument(chart + " has the rectangle [" + number(c.x_min) + ", " +
                                number(c.x_max) + "] x [" + number(c.y_min) + ", " +
                                number(c.y_max) +
                                "]; it needs finite bounds with x_min < x_max and y_min < y_max");
  }
  if (c.levels.empty()) throw std::invalid_argument(chart + " has no level to draw a line at");
  for (const double level : c.levels) {
    if (!std::isfinite(level)) {
      throw std::invalid_argument(chart + " has the level " + number(level) +
                                  "; every level must be a finite number");
    }
  }
  if (c.samples < 2 || c.samples > 1000) {
    throw std::invalid_argument(chart + " asks for " + std::to_string(c.samples) +
                                " samples along each axis; give 2 to 1000");
  }
  for (const Curve& path : c.paths) check_curve(what, path, false);
}

// Samples the chart's function on its grid into gnuplot's grid format (one block per x), and
// returns the commands that trace its contour lines into the table file `<tag>_lines.dat`
// (x, y, level on each line; a blank line between two pieces of line).
std::string contour_table(const TempDir& dir, const ContourChart& c, const std::string& tag,
                          const char* what) {
  const std::size_t n = c.samples;
  const double dx = (c.x_max - c.x_min) / static_cast<double>(n - 1);
  const double dy = (c.y_max - c.y_min) / static_cast<double>(n - 1);
  std::string text;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = i + 1 == n ? c.x_max : c.x_min + static_cast<double>(i) * dx;
    for (std::size_t j = 0; j < n; ++j) {
      const double y = j + 1 == n ? c.y_max : c.y_min + static_cast<double>(j) * dy;
      const double z = c.f(x, y);
      if (!std::isfinite(z)) {
        throw std::invalid_argument(std::string(what) + ": the function of the chart '" +
                                    c.axes.title + "' is " + number(z) + " at (" + number(x) +
                                    ", " + number(y) + "); every value must be a finite number");
      }
      text += number(x) + ' ' + number(y) + ' ' + number(z) + '\n';
    }
    text += '\n';
  }
  const std::string grid = dir.file(tag + "_grid.dat");
  write_file(grid, text);
  std::string levels;
  for (const double level : c.levels) levels += (levels.empty() ? "" : ",") + number(level);
  return "set contour base\nunset surface\nset view map\nset cntrparam linear\n"
         "set cntrparam levels discrete " +
         levels + "\nset table " + gnuplot_quote(dir.file(tag + "_lines.dat")) + "\nsplot " +
         gnuplot_quote(grid) +
         " using 1:2:3 with lines notitle\nunset table\nunset contour\nset surface\n";
}

// The settings and the plot command of one contour chart, whose lines `contour_table` traced.
std::string contour_body(const TempDir& dir, const ContourChart& c, const std::string& tag) {
  std::string body =
      "set title " + gnuplot_quote(c.axes.title) + " font ',13'\n" + "set xlabel " +
      gnuplot_quote(c.axes.xlabel) + "\n" + "set ylabel " + gnuplot_quote(c.axes.ylabel) + "\n" +
      "set xrange [" + number(c.x_min) + ":" + number(c.x_max) + "]\n" + "set yrange [" +
      number(c.y_min) + ":" + number(c.y_max) + "]\n" +
      (c.equal_scales ? "set size ratio -1\n" : "set size noratio\n") +
      "set tics out nomirror\n"
      "unset grid\n"
      "set key outside below center Left reverse maxrows 2\n"
      "plot " +
      gnuplot_quote(dir.file(tag + "_lines.dat")) +
      " using 1:2 with lines lw 1.2 lc rgb '#9a9a9a' title " + gnuplot_quote(c.levels_title);
  for (std::size_t k = 0; k < c.paths.size(); ++k) {
    const Curve& path = c.paths[k];
    std::string text;
    for (std::size_t i = 0; i < path.x.size(); ++i)
      text += number(path.x[i]) + ' ' + number(path.y[i]) + '\n';
    const std::string file = dir.file(tag + "_path" + std::to_string(k) + ".dat");
    write_file(file, text);
    body += ", \\\n     " + gnuplot_quote(file) + " using 1:2 with linespoints lw 2 pt 7 ps 0.8 " +
            "lc rgb '" + kCurveColours[k % kCurveColours.size()] + "' title " +
            gnuplot_quote(path.name);
  }
  return body + "\n";
}

// The characters of a UTF-8 text (its bytes that do not continue a character).
std::size_t characters(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

// Checks one band: at least two points, as many lower, middle and upper values as x, every value
// finite (x positive on a logarithmic axis), x increasing, lower <= middle <= upper.
void check_band(const Band& b, bool log_x) {
  const std::string band = "bands: the band '" + b.name + "'";
  const std::size_t n = b.x.size();
  if (n < 2 || b.lower.size() != n || b.middle.size() != n || b.upper.size() != n) {
    throw std::invalid_argument(
        band + " has " + std::to_string(n) + " x, " + std::to_string(b.lower.size()) + " lower, " +
        std::to_string(b.middle.size()) + " middle and " + std::to_string(b.upper.size()) +
        " upper values; it needs as many of each, at least two");
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::string at = " at x = " + number(b.x[i]);
    if (!std::isfinite(b.x[i]) || !std::isfinite(b.lower[i]) || !std::isfinite(b.middle[i]) ||
        !std::isfinite(b.upper[i])) {
      throw std::invalid_argument(band + " has (lower, middle, upper) = (" + number(b.lower[i]) +
                                  ", " + number(b.middle[i]) + ", " + number(b.upper[i]) + ")" +
                                  at + "; every value must be a finite number");
    }
    if (log_x && !(b.x[i] > 0.0)) {
      throw std::invalid_argument(band + " has x = " + number(b.x[i]) +
                                  "; every x must be positive on a logarithmic axis");
    }
    if (i > 0 && !(b.x[i] > b.x[i - 1])) {
      throw std::invalid_argument(band + " has x = " + number(b.x[i]) + " after " +
                                  number(b.x[i - 1]) + "; x must increase");
    }
    if (!(b.lower[i] <= b.middle[i] && b.middle[i] <= b.upper[i])) {
      throw std::invalid_argument(band + " has (lower, middle, upper) = (" + number(b.lower[i]) +
                                  ", " + number(b.middle[i]) + ", " + number(b.upper[i]) + ")" +
                                  at + "; it needs lower <= middle <= upper");
    }
  }
}

bool executable_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

}  // namespace

std::string gnuplot_quote(const std::string& text) {
  // gnuplot reads '' at the start of a string as an empty string, so leading quotes are joined
  // on as "'" (a double-quoted string, safe because it holds nothing but the quote).
  std::size_t lead = 0;
  std::string out;
  while (lead < text.size() && text[lead] == '\'') {
    out += "\"'\".";
    ++lead;
  }
  out += "'";
  for (const char c : text.substr(lead)) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\'') {
      out += "''";
    } else if (u < 0x20 || u == 0x7f) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string find_gnuplot(const Style& style) {
  const std::string& name = style.gnuplot;
  const std::string missing = name == "gnuplot" || name.empty()
                                  ? std::string("gnuplot not found")
                                  : "gnuplot not found (looked for " + name + ")";
  const std::string path = name.empty() ? std::string() : find_executable(name);
  if (path.empty() || !executable_file(path))
    throw PlotError(missing + "; install Debian's gnuplot-nox");
  return path;
}

Picture scatter(const std::string& png, const Matrix& X, const Matrix& Y, const Axes& axes,
                const Classes& classes, const Style& style) {
  check_points("scatter", X, Y);
  find_gnuplot(style);
  TempDir dir("dlc-plot");
  const std::string body = plane_settings(bounds_of(X, style.plane_margin), axes) +
                           "set key outside right top Left reverse\n"
                           "set grid lc rgb '#e0e0e0'\n"
                           "plot " +
                           point_elements(dir, X, Y, classes, true) + "\n";
  return render(dir, body, png, style, style.width, style.height);
}

Picture decision_boundary(const std::string& png, const Classifier& classify, const Matrix& X,
                          const Matrix& Y, const Axes& axes, const Classes& classes,
                          const Style& style) {
  check_points("decision_boundary", X, Y);
  find_gnuplot(style);
  TempDir dir("dlc-plot");
  const Bounds b = bounds_of(X, style.plane_margin);
  const std::string body =
      plane_settings(b, axes) + "set key outside right top Left reverse\n" + "plot " +
      region_element(dir, "regions.bin", classify, b, style.grid_points, "decision_boundary") +
      ", \\\n     " + region_key_elements() + ", \\\n     " +
      point_elements(dir, X, Y, classes, true) + "\n";
  return render(dir, body, png, style, style.width, style.height);
}

Picture decision_boundaries(const std::string& png, const std::vector<Panel>& panels,
                            const Matrix& X, const Matrix& Y, const std::string& title,
                            std::size_t columns, const Classes& classes, const Style& style) {
  check_points("decision_boundaries", X, Y);
  if (panels.empty()) throw std::invalid_argument("decision_boundaries: no panel to draw");
  if (columns == 0) throw std::invalid_argument("decision_boundaries: columns must be at least 1");
  columns = std::min(columns, panels.size());
  const std::size_t rows = (panels.size() + columns - 1) / columns;
  find_gnuplot(style);
  TempDir dir("dlc-plot");
  const Bounds b = bounds_of(X, style.plane_margin);

  // The panels are placed by hand (origin and size in fractions of the canvas): a strip for the
  // title at the top, then the rows of panels. The legend takes the first free slot of the
  // grid, or, when the grid is full, a strip of its own at the bottom.
  const bool legend_slot = rows * columns > panels.size();
  const double title_px = 50, strip_px = legend_slot ? 0 : 50, panel_px = style.panel;
  const double width = static_cast<double>(columns) * panel_px;
  const double height = title_px + static_cast<double>(rows) * panel_px + strip_px;
  const auto place = [&](double x_px, double y_px, double w_px, double h_px) {
    return "set origin " + number(x_px / width) + "," + number(y_px / height) + "\nset size " +
           number(w_px / width) + "," + number(h_px / height) + "\n";
  };
  const auto slot = [&](std::size_t k) {
    const double row = static_cast<double>(k / columns), col = static_cast<double>(k % columns);
    return place(col * panel_px, height - title_px - (row + 1.0) * panel_px, panel_px, panel_px);
  };

  std::string body = "set multiplot title " + gnuplot_quote(title) + " font ',17'\n";
  for (std::size_t k = 0; k < panels.size(); ++k) {
    Axes axes;
    axes.title = panels[k].title;
    body += slot(k) + plane_settings(b, axes) + "unset key\nplot " +
            region_element(dir, "regions" + std::to_string(k) + ".bin", panels[k].classify, b,
                           style.grid_points, "decision_boundaries") +
            ", \\\n     " + point_elements(dir, X, Y, classes, false) + "\n";
  }
  // The legend alone: the key of invisible entries in an empty frame.
  body += (legend_slot ? slot(panels.size()) : place(0, 0, width, strip_px)) +
          "unset title\nunset xlabel\nunset ylabel\nunset tics\nunset border\n"
          "set size noratio\nset xrange [0:1]\nset yrange [0:1]\n" +
          (legend_slot ? "set key center center vertical box font ',14' spacing 1.5 samplen 2 "
                         "Left reverse\n"
                       : "set key center center horizontal maxrows 1 font ',14' samplen 2 "
                         "Left reverse\n") +
          // A curve outside the frame: gnuplot needs something real to plot besides keyentry.
          "plot 2 with lines notitle, \\\n     " + region_key_elements() +
          ", \\\n     keyentry with points pt 7 ps 1.2 lc rgb '" + kPointColour[0] + "' title " +
          gnuplot_quote(classes.zero) + ", \\\n     keyentry with points pt 7 ps 1.2 lc rgb '" +
          kPointColour[1] + "' title " + gnuplot_quote(classes.one) + "\nunset multiplot\n";
  // Larger text than a single picture's: a grid is usually shown scaled down.
  return render(dir, body, png, style, static_cast<int>(width), static_cast<int>(height), 13);
}

Picture line_plot(const std::string& png, const std::vector<Curve>& curves, const Axes& axes,
                  bool log_y, const Style& style) {
  if (curves.empty()) throw std::invalid_argument("line_plot: no curve to draw");
  for (const Curve& c : curves) check_curve("line_plot", c, log_y, axes.log_x);
  find_gnuplot(style);
  TempDir dir("dlc-plot");
  std::string body =
      "set title " + gnuplot_quote(axes.title) + " font ',13'\n" + "set xlabel " +
      gnuplot_quote(axes.xlabel) + "\n" + "set ylabel " + gnuplot_quote(axes.ylabel) + "\n" +
      "set grid lc rgb '#e0e0e0'\n"
      "set tics out nomirror\n"
      "set key outside right top Left reverse\n" +
      (log_y ? "set logscale y\n" : "") + (axes.log_x ? "set logscale x\n" : "") + "plot ";
  for (std::size_t k = 0; k < curves.size(); ++k) {
    std::string text;
    for (std::size_t i = 0; i < curves[k].x.size(); ++i)
      text += number(curves[k].x[i]) + ' ' + number(curves[k].y[i]) + '\n';
    const std::string file = dir.file("curve" + std::to_string(k) + ".dat");
    write_file(file, text);
    if (k > 0) body += ", \\\n     ";
    const bool single = curves[k].x.size() == 1, few = curves[k].x.size() <= 20;
    body += gnuplot_quote(file) + " using 1:2 with " +
            (single ? "points pt 7"
             : few  ? "linespoints lw 2 pt 7 ps 1.2"
                    : "lines lw 2") +
            " lc rgb '" + kCurveColours[k % kCurveColours.size()] + "' title " +
            gnuplot_quote(curves[k].name);
  }
  body += "\n";
  return render(dir, body, png, style, style.width, style.height);
}

Picture chart(const std::string& png, const Chart& chart, const Style& style) {
  check_chart("chart", chart);
  find_gnuplot(style);
  TempDir dir("dlc-plot");
  return render(dir, chart_body(dir, chart, "chart"), png, style, style.width, style.height);
}

Picture charts(const std::string& png, const std::vector<Chart>& charts, const std::string& title,
               std::size_t columns, const Style& style) {
  if (charts.empty()) throw std::invalid_argument("charts: no chart to draw");
  if (columns == 0) throw std::invalid_argument("charts: columns must be at least 1");
  for (const Chart& c : charts) check_chart("charts", c);
  columns = std::min(columns, charts.size());
  const std::size_t rows = (charts.size() + columns - 1) / columns;
  find_gnuplot(style);
  TempDir dir("dlc-plot");
  // Placed by hand as in decision_boundaries: a strip for the title, then the rows of panels.
  const double title_px = 50, panel_h = style.panel, panel_w = 1.5 * style.panel;
  const double width = static_cast<double>(columns) * panel_w;
  const double height = title_px + static_cast<double>(rows) * panel_h;
  std::string body = "set multiplot title " + gnuplot_quote(title) + " font ',17'\n";
  for (std::size_t k = 0; k < charts.size(); ++k) {
    const double row = static_cast<double>(k / columns), col = static_cast<double>(k % columns);
    body += "set origin " + number(col * panel_w / width) + "," +
            number((height - title_px - (row + 1.0) * panel_h) / height) + "\nset size " +
            number(panel_w / width) + "," + number(panel_h / height) + "\n" +
            chart_body(dir, charts[k], "chart" + std::to_string(k));
  }
  body += "unset multiplot\n";
  return render(dir, body, png, style, static_cast<int>(width), static_cast<int>(height), 12);
}

Picture contour(const std::string& png, const ContourChart& chart, const Style& style) {
  check_contour("contour", chart);
  find_gnuplot(style);
  TempDir dir("dlc-plot");
  const std::string body =
      contour_table(dir, chart, "chart", "contour") + contour_body(dir, chart, "chart");
  return render(dir, body, png, style, style.width, style.height);
}

Picture contours(const std::string& png, const std::vector<ContourChart>& charts,
                 const std::string& title, std::size_t columns, const Style& style) {
  if (charts.empty()) throw std::invalid_argument("contours: no chart to draw");
  if (columns == 0) throw std::invalid_argument("contours: columns must be at least 1");
  for (const ContourChart& c : charts) check_contour("contours", c);
  columns = std::min(columns, charts.size());
  const std::size_t rows = (charts.size() + columns - 1) / columns;
  find_gnuplot(style);
  TempDir dir("dlc-plot");
  // The contour lines are traced first (gnuplot writes no table inside a multiplot), then the
  // panels are placed by hand as in decision_boundaries: a strip for the title, then the rows.
  std::string body;
  for (std::size_t k = 0; k < charts.size(); ++k)
    body += contour_table(dir, charts[k], "chart" + std::to_string(k), "contours");
  const double title_px = 50, panel_px = style.panel;
  const double width = static_cast<double>(columns) * panel_px;
  const double height = title_px + static_cast<double>(rows) * panel_px;
  body += "set multiplot title " + gnuplot_quote(title) + " font ',17'\n";
  for (std::size_t k = 0; k < charts.size(); ++k) {
    const double row = static_cast<double>(k / columns), col = static_cast<double>(k % columns);
    body += "set origin " + number(col * panel_px / width) + "," +
            number((height - title_px - (row + 1.0) * panel_px) / height) + "\nset size " +
            number(panel_px / width) + "," + number(panel_px / height) + "\n" +
            contour_body(dir, charts[k], "chart" + std::to_string(k));
  }
  body += "unset multiplot\n";
  return render(dir, body, png, style, static_cast<int>(width), static_cast<int>(height), 12);
}

Picture heatmap(const std::string& png, const Heatmap& map, const Style& style) {
  const Matrix& V = map.values;
  const std::string name = "heatmap: the matrix '" + map.axes.title + "'";
  if (V.rows() == 0 || V.cols() == 0) {
    throw std::invalid_argument(name + " is " + to_string(V.shape()) +
                                "; it needs at least one row and one column");
  }
  if (map.row_labels.size() != V.rows() || map.col_labels.size() != V.cols()) {
    throw ShapeError(name + " is " + to_string(V.shape()) + " but has " +
                     std::to_string(map.row_labels.size()) + " row labels and " +
                     std::to_string(map.col_labels.size()) +
                     " column labels; it needs one label per row and one per column");
  }
  if (map.decimals < 0 || map.decimals > 6) {
    throw std::invalid_argument(name + " asks for " + std::to_string(map.decimals) +
                                " decimals; give 0 to 6");
  }
  double lo = V(0, 0), hi = V(0, 0);
  for (std::size_t i = 0; i < V.rows(); ++i) {
    for (std::size_t j = 0; j < V.cols(); ++j) {
      if (!std::isfinite(V(i, j))) {
        throw std::invalid_argument(name + " has " + number(V(i, j)) + " at (" + std::to_string(i) +
                                    ", " + std::to_string(j) +
                                    "); every value must be a finite number");
      }
      lo = std::min(lo, V(i, j));
      hi = std::max(hi, V(i, j));
    }
  }
  if (hi == lo) hi = lo + 1.0;  // one colour for all, and a colour bar gnuplot can draw
  find_gnuplot(style);
  TempDir dir("dlc-plot");

  // Cell (i, j) is drawn at x = j, y = i; the vertical axis runs downwards, so row 0 is on top.
  // Each value is written in white on a dark cell and in black on a light one.
  std::string cells, dark, light;
  for (std::size_t i = 0; i < V.rows(); ++i) {
    for (std::size_t j = 0; j < V.cols(); ++j) {
      const std::string at = std::to_string(j) + ' ' + std::to_string(i) + ' ';
      char text[64];
      std::snprintf(text, sizeof text, "%.*f", map.decimals, V(i, j));
      cells += at + number(V(i, j)) + '\n';
      ((V(i, j) - lo) / (hi - lo) > 0.55 ? dark : light) += at + text + '\n';
    }
  }
  const std::string cells_file = dir.file("cells.dat");
  write_file(cells_file, cells);
  const auto tics = [](const std::vector<std::string>& labels) {
    std::string list;
    for (std::size_t k = 0; k < labels.size(); ++k)
      list += (k == 0 ? "" : ", ") + gnuplot_quote(labels[k]) + " " + std::to_string(k);
    return "(" + list + ")";
  };
  std::string body = "set title " + gnuplot_quote(map.axes.title) + " font ',13'\n" +
                     "set xlabel " + gnuplot_quote(map.axes.xlabel) + "\n" + "set ylabel " +
                     gnuplot_quote(map.axes.ylabel) + "\n" +
                     "set xrange [-0.5:" + number(static_cast<double>(V.cols()) - 0.5) + "]\n" +
                     "set yrange [" + number(static_cast<double>(V.rows()) - 0.5) + ":-0.5]\n" +
                     "set size ratio -1\n"
                     "set xtics " +
                     tics(map.col_labels) + " rotate by 40 right scale 0 nomirror\n" +
                     "set ytics " + tics(map.row_labels) +
                     " scale 0 nomirror\n"
                     "set palette defined (0 '#f7fbff', 0.5 '#6baed6', 1 '#08306b')\n"
                     "set cbrange [" +
                     number(lo) + ":" + number(hi) +
                     "]\n"
                     "set cbtics scale 0.5 out\n"
                     "unset key\n"
                     "plot " +
                     gnuplot_quote(cells_file) + " using 1:2:3 with image";
  const auto labels = [&](const std::string& text, const std::string& file, const char* colour) {
    if (text.empty()) return;  // gnuplot warns about an empty file
    write_file(dir.file(file), text);
    body += ", \\\n     " + gnuplot_quote(dir.file(file)) +
            " using 1:2:3 with labels font ',10' tc rgb '" + colour + "'";
  };
  labels(dark, "dark.dat", "#ffffff");
  labels(light, "light.dat", "#202020");
  body += "\n";
  return render(dir, body, png, style, style.width, style.height);
}

Picture image_grid(const std::string& png, const std::vector<Image>& images, std::size_t columns,
                   const std::string& title, const Style& style) {
  if (images.empty()) throw std::invalid_argument("image_grid: no image to draw");
  if (columns == 0) throw std::invalid_argument("image_grid: columns must be at least 1");
  const Shape shape = images[0].pixels.shape();
  if (shape.rows == 0 || shape.cols == 0) {
    throw std::invalid_argument("image_grid: image 0 is " + to_string(shape) +
                                "; an image needs at least one pixel");
  }
  for (std::size_t k = 0; k < images.size(); ++k) {
    const Matrix& P = images[k].pixels;
    if (P.shape() != shape) {
      throw ShapeError("image_grid: image " + std::to_string(k) + " is " + to_string(P.shape()) +
                       " but image 0 is " + to_string(shape) +
                       "; all images must have one shape (height, width)");
    }
    for (std::size_t i = 0; i < P.rows(); ++i) {
      for (std::size_t j = 0; j < P.cols(); ++j) {
        if (!(P(i, j) >= 0.0 && P(i, j) <= 1.0)) {
          throw std::invalid_argument("image_grid: image " + std::to_string(k) + " has " +
                                      number(P(i, j)) + " at (" + std::to_string(i) + ", " +
                                      std::to_string(j) + "); every pixel must be in [0, 1]");
        }
      }
    }
  }
  if (style.thumbnail < 8 || style.thumbnail > 2000) {
    throw std::invalid_argument("image_grid: style.thumbnail is " +
                                std::to_string(style.thumbnail) + "; give 8 to 2000 pixels");
  }
  columns = std::min(columns, images.size());
  const std::size_t rows = (images.size() + columns - 1) / columns;
  find_gnuplot(style);
  TempDir dir("dlc-plot");

  // Everything is placed in pixels on one plot without margins: a strip for the title, then
  // rows of cells, each a caption strip over an image. A cell is as wide as the image or the
  // longest caption (about 7 pixels a character), with a gap between cells.
  const double scale = style.thumbnail / static_cast<double>(std::max(shape.rows, shape.cols));
  const double image_w = scale * static_cast<double>(shape.cols);
  const double image_h = scale * static_cast<double>(shape.rows);
  std::size_t longest = 0;
  for (const Image& image : images) longest = std::max(longest, characters(image.caption));
  const double gap = 16, title_px = 44, caption_px = 22;
  const double cell_w = std::max(image_w, 7.0 * static_cast<double>(longest)) + gap;
  const double cell_h = caption_px + image_h + gap;
  const double width = std::ceil(static_cast<double>(columns) * cell_w);
  const double height = std::ceil(title_px + static_cast<double>(rows) * cell_h);
  std::string body =
      "set lmargin at screen 0\nset rmargin at screen 1\n"
      "set bmargin at screen 0\nset tmargin at screen 1\n"
      "unset border\nunset tics\nunset key\nunset colorbox\n"
      "set xrange [0:" +
      number(width) + "]\nset yrange [0:" + number(height) +
      "]\n"
      "set palette defined (0 'black', 1 'white')\n"
      "set cbrange [0:1]\n"
      "set label 1 " +
      gnuplot_quote(title) + " at " + number(width / 2) + "," + number(height - title_px / 2) +
      " center font ',15'\n";
  std::string plot = "plot ";
  for (std::size_t k = 0; k < images.size(); ++k) {
    const Matrix& P = images[k].pixels;
    const double row = static_cast<double>(k / columns), col = static_cast<double>(k % columns);
    const double left = col * cell_w + (cell_w - image_w) / 2;
    const double bottom = height - title_px - (row + 1) * cell_h + gap / 2;
    // gnuplot puts a binary array's first row at the bottom: the rows are written last first.
    std::string bytes;
    bytes.reserve(P.rows() * P.cols() * sizeof(double));
    for (std::size_t i = P.rows(); i-- > 0;) {
      for (std::size_t j = 0; j < P.cols(); ++j) {
        const double value = P(i, j);
        bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
      }
    }
    const std::string file = dir.file("image" + std::to_string(k) + ".bin");
    write_file(file, bytes);
    // A thin grey frame, for images with a light edge.
    body += "set object " + std::to_string(k + 1) + " rect from " + number(left) + "," +
            number(bottom) + " to " + number(left + image_w) + "," + number(bottom + image_h) +
            " front fillstyle empty border lc rgb '#a0a0a0' lw 0.5\n";
    body += "set label " + std::to_string(k + 2) + " " + gnuplot_quote(images[k].caption) + " at " +
            number(col * cell_w + cell_w / 2) + "," + number(bottom + image_h + caption_px / 2) +
            " center font ',10' tc rgb '" + (images[k].highlight ? kPointColour[0] : "#202020") +
            "'\n";
    plot += std::string(k == 0 ? "" : ", \\\n     ") + gnuplot_quote(file) + " binary array=(" +
            std::to_string(P.cols()) + "," + std::to_string(P.rows()) + ") dx=" + number(scale) +
            " dy=" + number(scale) + " origin=(" + number(left + scale / 2) + "," +
            number(bottom + scale / 2) + ") format='%float64' with image notitle";
  }
  return render(dir, body + plot + "\n", png, style, static_cast<int>(width),
                static_cast<int>(height));
}

Picture bands(const std::string& png, const std::vector<Band>& bands, const Axes& axes,
              const Style& style) {
  if (bands.empty()) throw std::invalid_argument("bands: no band to draw");
  for (const Band& b : bands) check_band(b, axes.log_x);
  find_gnuplot(style);
  TempDir dir("dlc-plot");
  std::string body = "set title " + gnuplot_quote(axes.title) + " font ',13'\n" + "set xlabel " +
                     gnuplot_quote(axes.xlabel) + "\n" + "set ylabel " +
                     gnuplot_quote(axes.ylabel) + "\n" +
                     "set grid lc rgb '#e0e0e0'\n"
                     "set tics out nomirror\n"
                     // Below the plot, which keeps the whole width for long runs and titles.
                     "set key outside below center horizontal Left reverse height 1\n"
                     "set autoscale xfix\n"
                     "set style fill transparent solid 0.25 noborder\n" +
                     (axes.log_x ? "set logscale x\n" : "") + "plot ";
  // The shaded ranges first, then the lines over all of them.
  std::string lines;
  for (std::size_t k = 0; k < bands.size(); ++k) {
    const Band& b = bands[k];
    std::string text;
    for (std::size_t i = 0; i < b.x.size(); ++i) {
      text += number(b.x[i]) + ' ' + number(b.lower[i]) + ' ' + number(b.middle[i]) + ' ' +
              number(b.upper[i]) + '\n';
    }
    const std::string file = dir.file("band" + std::to_string(k) + ".dat");
    write_file(file, text);
    const std::string colour =
        std::string(" lc rgb '") + kCurveColours[k % kCurveColours.size()] + "'";
    body += (k == 0 ? "" : ", \\\n     ") + gnuplot_quote(file) + " using 1:2:4 with filledcurves" +
            colour + " notitle";
    lines += ", \\\n     " + gnuplot_quote(file) + " using 1:3 with lines lw 2" + colour +
             " title " + gnuplot_quote(b.name);
  }
  return render(dir, body + lines + "\n", png, style, style.width, style.height);
}

}  // namespace dlc::plot
