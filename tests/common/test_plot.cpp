// Tests of common/plot.hpp, the gnuplot front end: every kind of picture is drawn into a
// temporary folder and checked to be a real PNG of the asked size; a missing, failing or hanging
// gnuplot, bad input and text that gnuplot could misread each give one clear error.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "common/files.hpp"
#include "common/plot.hpp"
#include "common/toy_datasets.hpp"

namespace fs = std::filesystem;
using dlc::Matrix;
using namespace dlc::plot;

namespace {

using Scratch = dlc::TempDir;

// What a PNG file says about itself: the signature, then the IHDR chunk with width and height.
struct PngInfo {
  bool signature = false;
  unsigned width = 0, height = 0;
  std::uintmax_t bytes = 0;
};

PngInfo png_info(const std::string& path) {
  PngInfo info;
  std::ifstream in(path, std::ios::binary);
  unsigned char head[24] = {};
  in.read(reinterpret_cast<char*>(head), sizeof head);
  if (!in) return info;
  const unsigned char signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  info.signature = std::equal(signature, signature + 8, head);
  auto be32 = [&head](int at) {
    return (unsigned{head[at]} << 24) | (unsigned{head[at + 1]} << 16) |
           (unsigned{head[at + 2]} << 8) | unsigned{head[at + 3]};
  };
  info.width = be32(16);
  info.height = be32(20);
  info.bytes = fs::file_size(path);
  return info;
}

// A picture that gnuplot drew: a PNG of the expected size, neither empty nor absurdly large,
// without a warning from gnuplot.
void check_picture(const Picture& picture, const std::string& path, unsigned width,
                   unsigned height) {
  INFO("picture " << path << ", gnuplot said: " << picture.messages);
  CHECK(picture.path == path);
  REQUIRE(fs::exists(path));
  const PngInfo info = png_info(path);
  CHECK(info.signature);
  CHECK(info.width == width);
  CHECK(info.height == height);
  CHECK(info.bytes == picture.bytes);
  CHECK(info.bytes > 5000);     // axes, text and points: more than a blank canvas
  CHECK(info.bytes < 5000000);  // and no runaway
  // gnuplot's own complaints about the script; the system's font configuration may add notes.
  CHECK_THAT(picture.messages, !Catch::Contains("warning", Catch::CaseSensitive::No));
  CHECK_FALSE(fs::exists(path + ".partial"));
}

// A classifier with a known boundary: class 1 above the line x2 = x1.
Matrix above_diagonal(const Matrix& points) {
  Matrix out(1, points.cols());
  for (std::size_t j = 0; j < points.cols(); ++j) out(0, j) = points(1, j) > points(0, j);
  return out;
}

// A stand-in for gnuplot: a shell script with the given body, made executable.
std::string fake_gnuplot(const Scratch& scratch, const std::string& name, const std::string& body) {
  const std::string path = scratch.file(name);
  std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
  ::chmod(path.c_str(), 0755);
  return path;
}

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) {
      old_ = old;
      had_ = true;
    }
    ::setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (had_) {
      ::setenv(name_, old_.c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

const char* const kMissing = "gnuplot not found; install Debian's gnuplot-nox";

}  // namespace

TEST_CASE("gnuplot is installed (Debian's gnuplot-nox)", "[plot]") {
  // Every other picture test needs it; say so plainly when it is missing.
  INFO("apt-get install gnuplot-nox");
  REQUIRE_NOTHROW(find_gnuplot());
  CHECK(find_gnuplot().find('/') != std::string::npos);
}

TEST_CASE("scatter: the labelled set in two colours", "[plot]") {
  Scratch scratch;
  const dlc::ToyData d = dlc::planar_flower();
  Axes axes;
  axes.title = "The planar data set";
  Style style;
  style.width = 640;
  style.height = 480;
  const std::string png = scratch.file("data.png");
  check_picture(scatter(png, d.X, d.Y, axes, {}, style), png, 640, 480);
}

TEST_CASE("decision_boundary: regions and points, evaluated on a grid", "[plot]") {
  Scratch scratch;
  const dlc::ToyData d = dlc::planar_flower(1, 40);
  Axes axes;
  axes.title = "Above the diagonal";
  const std::string png = scratch.file("boundary.png");
  check_picture(decision_boundary(png, above_diagonal, d.X, d.Y, axes), png, 800, 600);

  SECTION("the classifier sees the course's grid: min - 1 to max + 1 on each axis") {
    Style style;
    style.grid_points = 5;
    double lo = 1e9, hi = -1e9;
    std::size_t seen = 0;
    const Classifier spy = [&](const Matrix& points) {
      for (std::size_t j = 0; j < points.cols(); ++j) {
        lo = std::min(lo, points(0, j));
        hi = std::max(hi, points(0, j));
      }
      seen += points.cols();
      return above_diagonal(points);
    };
    decision_boundary(scratch.file("spy.png"), spy, d.X, d.Y, axes, {}, style);
    CHECK(seen == 25);
    double x_min = d.X(0, 0), x_max = d.X(0, 0);
    for (std::size_t j = 0; j < d.X.cols(); ++j) {
      x_min = std::min(x_min, d.X(0, j));
      x_max = std::max(x_max, d.X(0, j));
    }
    CHECK(lo == x_min - 1.0);
    CHECK(hi == Approx(x_max + 1.0).epsilon(1e-12));
    // A closer view: the plane ends plane_margin beyond the points.
    lo = 1e9, hi = -1e9;
    style.plane_margin = 0.1;
    decision_boundary(scratch.file("spy.png"), spy, d.X, d.Y, axes, {}, style);
    CHECK(lo == x_min - 0.1);
    CHECK(hi == Approx(x_max + 0.1).epsilon(1e-12));
    style.plane_margin = 0.0;
    CHECK_THROWS_WITH(decision_boundary(scratch.file("spy.png"), spy, d.X, d.Y, axes, {}, style),
                      Catch::Contains("margin"));
  }
  SECTION("a classifier returning the wrong shape is named") {
    const Classifier wrong = [](const Matrix& points) { return Matrix(2, points.cols()); };
    CHECK_THROWS_AS(decision_boundary(scratch.file("bad.png"), wrong, d.X, d.Y, axes),
                    dlc::ShapeError);
    CHECK_THROWS_WITH(decision_boundary(scratch.file("bad.png"), wrong, d.X, d.Y, axes),
                      Catch::Contains("the classifier returned (2, "));
    CHECK_FALSE(fs::exists(scratch.file("bad.png")));
  }
}

TEST_CASE("decision_boundaries: a grid of panels with one legend", "[plot]") {
  Scratch scratch;
  const dlc::ToyData d = dlc::planar_flower(1, 60);
  const Classifier all_ones = [](const Matrix& p) { return Matrix::ones(1, p.cols()); };
  Style style;
  style.panel = 300;
  style.grid_points = 100;
  SECTION("three panels in two columns: the fourth slot holds the legend") {
    const std::vector<Panel> panels = {{"diagonal", above_diagonal},
                                       {"everything 1", all_ones},
                                       {"diagonal again", above_diagonal}};
    const std::string png = scratch.file("grid.png");
    check_picture(decision_boundaries(png, panels, d.X, d.Y, "Three classifiers", 2, {}, style),
                  png, 600, 650);  // 50 pixels for the title
  }
  SECTION("a full grid shows the legend in a strip of its own") {
    const std::vector<Panel> panels = {{"a", above_diagonal}, {"b", all_ones}};
    const std::string png = scratch.file("full.png");
    check_picture(decision_boundaries(png, panels, d.X, d.Y, "Two", 2, {}, style), png, 600,
                  400);  // 50 pixels for the title, 50 for the legend
  }
  CHECK_THROWS_AS(decision_boundaries(scratch.file("none.png"), {}, d.X, d.Y, "t", 2),
                  std::invalid_argument);
  CHECK_THROWS_AS(
      decision_boundaries(scratch.file("zero.png"), {{"a", all_ones}}, d.X, d.Y, "t", 0),
      std::invalid_argument);
}

TEST_CASE("line_plot: cost curves with a legend", "[plot]") {
  Scratch scratch;
  Curve fast{"learning rate 1.2", {}, {}}, slow{"learning rate 0.1", {}, {}};
  for (int i = 0; i < 200; ++i) {
    fast.x.push_back(i);
    fast.y.push_back(0.2 + 0.5 * std::exp(-i / 20.0));
    slow.x.push_back(i);
    slow.y.push_back(0.2 + 0.5 * std::exp(-i / 80.0));
  }
  Axes axes;
  axes.title = "Cost";
  axes.xlabel = "iteration";
  axes.ylabel = "cost J";
  const std::string png = scratch.file("cost.png");
  check_picture(line_plot(png, {fast, slow}, axes), png, 800, 600);
  const std::string log_png = scratch.file("cost_log.png");
  check_picture(line_plot(log_png, {fast}, axes, true), log_png, 800, 600);

  SECTION("bad curves are refused before gnuplot runs") {
    CHECK_THROWS_WITH(line_plot(scratch.file("x.png"), {}, axes), Catch::Contains("no curve"));
    Curve uneven{"uneven", {1, 2, 3}, {1, 2}};
    CHECK_THROWS_WITH(line_plot(scratch.file("x.png"), {uneven}, axes),
                      Catch::Contains("'uneven' has 3 x and 2 y values"));
    Curve nan{"nan", {0, 1}, {0.5, std::nan("")}};
    CHECK_THROWS_WITH(line_plot(scratch.file("x.png"), {nan}, axes),
                      Catch::Contains("finite number"));
    Curve zero{"zero", {0, 1}, {0.5, 0.0}};
    CHECK_THROWS_WITH(line_plot(scratch.file("x.png"), {zero}, axes, true),
                      Catch::Contains("logarithmic"));
    CHECK_FALSE(fs::exists(scratch.file("x.png")));
  }
}

TEST_CASE("chart: a function drawn as a line, with marked points", "[plot]") {
  Scratch scratch;
  // The week 1 picture in small: a ReLU line and a few points near it.
  Curve line{"ReLU(2 x - 1)", {}, {}};
  for (int i = 0; i <= 40; ++i) {
    const double x = i / 10.0;
    line.x.push_back(x);
    line.y.push_back(std::max(0.0, 2.0 * x - 1.0));
  }
  const Curve dots{"data", {1.0, 2.0, 3.0}, {1.2, 2.9, 5.1}};
  Chart c;
  c.axes.title = "A neuron and its data";
  c.axes.xlabel = "x";
  c.axes.ylabel = "y";
  c.lines = {line};
  c.points = {dots};
  const std::string png = scratch.file("chart.png");
  check_picture(chart(png, c), png, 800, 600);

  SECTION("points alone, or lines alone, with the zero axes") {
    Chart only_points;
    only_points.points = {dots};
    only_points.zero_axes = true;
    const std::string p1 = scratch.file("points.png");
    check_picture(chart(p1, only_points), p1, 800, 600);
  }
  SECTION("bad charts are refused before gnuplot runs") {
    Chart empty;
    empty.axes.title = "nothing";
    CHECK_THROWS_WITH(chart(scratch.file("x.png"), empty),
                      "chart: the chart 'nothing' has no curve and no point to draw");
    Chart uneven;
    uneven.points = {Curve{"uneven", {1, 2}, {1}}};
    CHECK_THROWS_WITH(chart(scratch.file("x.png"), uneven),
                      Catch::Contains("'uneven' has 2 x and 1 y values"));
    Chart inf;
    inf.lines = {Curve{"inf", {0, 1}, {0, std::numeric_limits<double>::infinity()}}};
    CHECK_THROWS_WITH(chart(scratch.file("x.png"), inf), Catch::Contains("finite number"));
    CHECK_FALSE(fs::exists(scratch.file("x.png")));
  }
}

TEST_CASE("charts: a grid of panels under one title", "[plot]") {
  Scratch scratch;
  std::vector<Chart> panels;
  for (const char* name : {"sigmoid", "tanh", "ReLU"}) {
    Chart c;
    c.axes.title = name;
    c.axes.xlabel = "z";
    c.zero_axes = true;
    Curve g{std::string("g(z) = ") + name, {}, {}};
    for (int i = -20; i <= 20; ++i) {
      g.x.push_back(i / 5.0);
      g.y.push_back(std::tanh(i / 5.0));
    }
    c.lines = {g};
    c.points = {Curve{"g(0)", {0.0}, {0.0}}};
    panels.push_back(c);
  }
  Style style;
  style.panel = 300;
  const std::string png = scratch.file("grid.png");
  // Two columns of 450 pixels, two rows of 300 and a 50-pixel strip for the title.
  check_picture(charts(png, panels, "Three panels", 2, style), png, 900, 650);
  const std::string row = scratch.file("row.png");
  check_picture(charts(row, panels, "One row", 5, style), row, 1350, 350);
  CHECK_THROWS_AS(charts(scratch.file("none.png"), {}, "t", 2), std::invalid_argument);
  CHECK_THROWS_AS(charts(scratch.file("zero.png"), panels, "t", 0), std::invalid_argument);
  CHECK_THROWS_WITH(charts(scratch.file("bad.png"), {Chart{}}, "t", 1),
                    Catch::StartsWith("charts: the chart '' has no curve"));
}

TEST_CASE("contour: level lines of a function of two variables, with a path over them", "[plot]") {
  Scratch scratch;
  // An elongated bowl and a few steps down it.
  ContourChart c;
  c.axes.title = "J(w1, w2) = w1^2 + 10 w2^2";
  c.axes.xlabel = "w1";
  c.axes.ylabel = "w2";
  c.f = [](double x, double y) { return x * x + 10.0 * y * y; };
  c.x_min = -3.0;
  c.x_max = 3.0;
  c.y_min = -1.5;
  c.y_max = 1.5;
  c.levels = {0.5, 2.0, 4.0, 8.0};
  c.paths = {Curve{"gradient descent", {-2.5, -2.0, -1.6, -1.3}, {1.0, -0.8, 0.6, -0.5}},
             Curve{"minimum", {0.0}, {0.0}}};
  const std::string png = scratch.file("contour.png");
  check_picture(contour(png, c), png, 800, 600);

  SECTION("the function is sampled on the rectangle's grid, corners included") {
    std::size_t calls = 0;
    double lo_x = 1e9, hi_x = -1e9, lo_y = 1e9, hi_y = -1e9;
    ContourChart spy = c;
    spy.samples = 7;
    spy.f = [&](double x, double y) {
      ++calls;
      lo_x = std::min(lo_x, x);
      hi_x = std::max(hi_x, x);
      lo_y = std::min(lo_y, y);
      hi_y = std::max(hi_y, y);
      return x * x + 10.0 * y * y;
    };
    contour(scratch.file("spy.png"), spy);
    CHECK(calls == 49);
    CHECK(lo_x == -3.0);
    CHECK(hi_x == 3.0);
    CHECK(lo_y == -1.5);
    CHECK(hi_y == 1.5);
  }
  SECTION("a grid of panels under one title") {
    ContourChart round = c;
    round.axes.title = "round";
    round.f = [](double x, double y) { return x * x + y * y; };
    round.equal_scales = false;
    Style style;
    style.panel = 300;
    const std::string grid = scratch.file("contours.png");
    // Two square panels of 300 pixels side by side, and a 50-pixel strip for the title.
    check_picture(contours(grid, {c, round}, "Elongated and round", 2, style), grid, 600, 350);
    CHECK_THROWS_AS(contours(scratch.file("x.png"), {}, "t", 2), std::invalid_argument);
    CHECK_THROWS_AS(contours(scratch.file("x.png"), {c}, "t", 0), std::invalid_argument);
  }
  SECTION("bad charts are refused before gnuplot runs") {
    ContourChart bad = c;
    bad.f = nullptr;
    CHECK_THROWS_WITH(contour(scratch.file("x.png"), bad),
                      "contour: the chart 'J(w1, w2) = w1^2 + 10 w2^2' has no function to draw");
    bad = c;
    bad.levels.clear();
    CHECK_THROWS_WITH(contour(scratch.file("x.png"), bad), Catch::Contains("has no level"));
    bad = c;
    bad.x_max = -3.0;
    CHECK_THROWS_WITH(contour(scratch.file("x.png"), bad),
                      Catch::Contains("has the rectangle [-3, -3] x [-1.5, 1.5]"));
    bad = c;
    bad.levels = {1.0, std::nan("")};
    CHECK_THROWS_WITH(contour(scratch.file("x.png"), bad), Catch::Contains("the level nan"));
    bad = c;
    bad.samples = 1;
    CHECK_THROWS_WITH(contour(scratch.file("x.png"), bad), Catch::Contains("give 2 to 1000"));
    bad = c;
    bad.f = [](double x, double) { return 1.0 / (x - 3.0); };
    CHECK_THROWS_WITH(contour(scratch.file("x.png"), bad),
                      Catch::Contains("is inf at (3, -1.5); every value must be a finite"));
    bad = c;
    bad.paths = {Curve{"uneven", {1, 2}, {1}}};
    CHECK_THROWS_WITH(contours(scratch.file("x.png"), {c, bad}, "t", 2),
                      Catch::Contains("'uneven' has 2 x and 1 y values"));
    CHECK_FALSE(fs::exists(scratch.file("x.png")));
  }
}

// A stand-in for gnuplot that keeps a copy of the folder of its script (the data files and the
// script) as `kept`, then fails: what the picture functions hand to gnuplot, to read back.
std::string keeping_gnuplot(const Scratch& scratch, const std::string& kept) {
  return fake_gnuplot(scratch, "keeping", "cp -R \"$(dirname \"$1\")\" '" + kept + "'\nexit 1");
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST_CASE("heatmap: a confusion matrix with its counts, the first row on top", "[plot]") {
  Scratch scratch;
  const std::vector<std::string> classes = {"T-shirt/top", "Trouser",   "Pullover", "Dress",
                                            "Coat",        "Sandal",    "Shirt",    "Sneaker",
                                            "Bag",         "Ankle boot"};
  Heatmap map;
  map.axes.title = "Confusion matrix";
  map.axes.xlabel = "predicted class";
  map.axes.ylabel = "true class";
  map.values = Matrix(10, 10);
  for (std::size_t i = 0; i < 10; ++i) {
    for (std::size_t j = 0; j < 10; ++j)
      map.values(i, j) = i == j ? 900.0 + static_cast<double>(i) : static_cast<double>(i + 3 * j);
  }
  map.row_labels = classes;
  map.col_labels = classes;
  const std::string png = scratch.file("confusion.png");
  check_picture(heatmap(png, map), png, 800, 600);

  // A (2, 3) matrix: rows and columns differ, so a transposed drawing shows.
  Heatmap small;
  small.values = Matrix{{0.125, 0.25, 0.5}, {0.75, 0.875, 1.0}};
  small.row_labels = {"first", "second"};
  small.col_labels = {"a", "b", "c"};
  small.decimals = 2;
  const std::string small_png = scratch.file("small.png");
  Style style;
  style.width = 500;
  style.height = 400;
  check_picture(heatmap(small_png, small, style), small_png, 500, 400);

  SECTION("cell (i, j) is drawn at x = j, y = i, with the vertical axis running downwards") {
    const std::string kept = scratch.file("kept");
    style.gnuplot = keeping_gnuplot(scratch, kept);
    CHECK_THROWS_AS(heatmap(scratch.file("x.png"), small, style), PlotError);
    const std::string cells = read_text(kept + "/cells.dat");
    CHECK(cells.rfind("0 0 0.125\n1 0 0.25\n2 0 0.5\n0 1 0.75\n", 0) == 0);
    const std::string script = read_text(kept + "/picture.gp");
    CHECK_THAT(script, Catch::Contains("set yrange [1.5:-0.5]"));
    CHECK_THAT(script, Catch::Contains("set xrange [-0.5:2.5]"));
    CHECK_THAT(script, Catch::Contains("set xtics ('a' 0, 'b' 1, 'c' 2) rotate"));
    // The values as written in the cells, two decimals, the light ones in white.
    CHECK(read_text(kept + "/light.dat") == "0 0 0.12\n1 0 0.25\n2 0 0.50\n");
    CHECK(read_text(kept + "/dark.dat") == "0 1 0.75\n1 1 0.88\n2 1 1.00\n");
  }
  SECTION("bad matrices are refused before gnuplot runs") {
    Heatmap bad = small;
    bad.row_labels = {"only one"};
    CHECK_THROWS_AS(heatmap(scratch.file("x.png"), bad), dlc::ShapeError);
    CHECK_THROWS_WITH(heatmap(scratch.file("x.png"), bad),
                      "heatmap: the matrix '' is (2, 3) but has 1 row labels and 3 column "
                      "labels; it needs one label per row and one per column");
    bad = small;
    bad.col_labels.push_back("d");
    CHECK_THROWS_AS(heatmap(scratch.file("x.png"), bad), dlc::ShapeError);
    bad = small;
    bad.values(1, 2) = std::nan("");
    CHECK_THROWS_WITH(heatmap(scratch.file("x.png"), bad),
                      Catch::Contains("has nan at (1, 2); every value must be a finite number"));
    bad = small;
    bad.decimals = 7;
    CHECK_THROWS_WITH(heatmap(scratch.file("x.png"), bad), Catch::Contains("give 0 to 6"));
    bad = Heatmap{};
    CHECK_THROWS_WITH(heatmap(scratch.file("x.png"), bad),
                      Catch::Contains("is (0, 0); it needs at least one row and one column"));
    CHECK_FALSE(fs::exists(scratch.file("x.png")));
  }
}

TEST_CASE("image_grid: small images with captions, row 0 of the pixels at the top", "[plot]") {
  Scratch scratch;
  // 24 images of 28 x 28, as a 4 x 6 grid of test images: an 'F' (a bar along row 3, one down
  // column 5, shorter one along row 13) shifted a little in each, to see top and left.
  std::vector<Image> images;
  for (std::size_t k = 0; k < 24; ++k) {
    Matrix F(28, 28);
    const std::size_t s = k % 4;
    for (std::size_t i = 3; i < 25; ++i) F(i, 5 + s) = 1.0;
    for (std::size_t j = 5; j < 22; ++j) F(3 + s, j) = 1.0;
    for (std::size_t j = 5; j < 16; ++j) F(13, j) = 0.5;
    images.push_back(Image{F, "Sneaker (Sandal)", k % 5 == 0});
  }
  Style style;
  const std::string png = scratch.file("grid.png");
  const auto start = std::chrono::steady_clock::now();
  // Six cells of 112 + 16 pixels (the captions of 16 characters need 7 x 16 = 112), four rows
  // of 22 + 112 + 16 pixels under the 44-pixel title strip.
  check_picture(image_grid(png, images, 6, "Predicted (true)", style), png, 768, 644);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));

  SECTION("long captions widen the cells; a non-square image is fitted by its longer side") {
    images[3].caption = "T-shirt/top (Pullover), 20 characters more";  // 42 characters
    const std::string wide = scratch.file("wide.png");
    check_picture(image_grid(wide, images, 6, "Long captions", style), wide, 6 * (7 * 42 + 16),
                  644);
    // Two images of height 20 and width 40: one shaded from left to right, one speckled.
    Matrix across(20, 40), speckled(20, 40);
    for (std::size_t i = 0; i < 20; ++i) {
      for (std::size_t j = 0; j < 40; ++j) {
        across(i, j) = static_cast<double>(j) / 39.0;
        speckled(i, j) = static_cast<double>((i * 40 + j) * 2654435761u % 1000) / 999.0;
      }
    }
    const std::vector<Image> flat = {Image{across, "left to right", false},
                                     Image{speckled, "speckled", true}};
    style.thumbnail = 280;
    const std::string flat_png = scratch.file("flat.png");
    check_picture(image_grid(flat_png, flat, 5, "Two", style), flat_png, 2 * 296,
                  44 + 22 + 140 + 16);
  }
  SECTION("the pixels reach gnuplot bottom row first, as its binary arrays go up") {
    const std::string kept = scratch.file("kept");
    style.gnuplot = keeping_gnuplot(scratch, kept);
    const Matrix P{{0.0, 0.25, 0.5}, {0.75, 1.0, 0.125}};  // (2, 3): height 2, width 3
    CHECK_THROWS_AS(image_grid(scratch.file("x.png"), {Image{P, "p", false}}, 1, "t", style),
                    PlotError);
    const std::string bytes = read_text(kept + "/image0.bin");
    REQUIRE(bytes.size() == 6 * sizeof(double));
    std::vector<double> values(6);
    std::memcpy(values.data(), bytes.data(), bytes.size());
    CHECK(values == std::vector<double>{0.75, 1.0, 0.125, 0.0, 0.25, 0.5});
    CHECK_THAT(read_text(kept + "/picture.gp"), Catch::Contains("binary array=(3,2)"));
  }
  SECTION("bad images are refused before gnuplot runs") {
    CHECK_THROWS_WITH(image_grid(scratch.file("x.png"), {}, 6, "t"),
                      "image_grid: no image to draw");
    CHECK_THROWS_WITH(image_grid(scratch.file("x.png"), images, 0, "t"),
                      "image_grid: columns must be at least 1");
    std::vector<Image> bad = images;
    bad[7].pixels = Matrix(28, 27);
    CHECK_THROWS_AS(image_grid(scratch.file("x.png"), bad, 6, "t"), dlc::ShapeError);
    CHECK_THROWS_WITH(image_grid(scratch.file("x.png"), bad, 6, "t"),
                      "image_grid: image 7 is (28, 27) but image 0 is (28, 28); all images must "
                      "have one shape (height, width)");
    bad = images;
    bad[2].pixels(4, 9) = 1.5;
    CHECK_THROWS_WITH(image_grid(scratch.file("x.png"), bad, 6, "t"),
                      "image_grid: image 2 has 1.5 at (4, 9); every pixel must be in [0, 1]");
    bad[2].pixels(4, 9) = std::nan("");
    CHECK_THROWS_WITH(image_grid(scratch.file("x.png"), bad, 6, "t"),
                      Catch::Contains("has nan at (4, 9)"));
    Style tiny;
    tiny.thumbnail = 4;
    CHECK_THROWS_WITH(image_grid(scratch.file("x.png"), images, 6, "t", tiny),
                      "image_grid: style.thumbnail is 4; give 8 to 2000 pixels");
    CHECK_THROWS_WITH(image_grid(scratch.file("x.png"), {Image{}}, 6, "t"),
                      Catch::Contains("image 0 is (0, 0); an image needs at least one pixel"));
    CHECK_FALSE(fs::exists(scratch.file("x.png")));
  }
}

TEST_CASE("bands: middle lines in translucent shaded ranges", "[plot]") {
  Scratch scratch;
  // A distribution that stays put and one that drifts and widens, over 100 iterations.
  Band steady{"with batch norm", {}, {}, {}, {}}, drifting{"without batch norm", {}, {}, {}, {}};
  for (int i = 1; i <= 100; ++i) {
    steady.x.push_back(i);
    steady.lower.push_back(-1.0);
    steady.middle.push_back(0.05 * std::sin(i / 10.0));
    steady.upper.push_back(1.0);
    drifting.x.push_back(i);
    drifting.lower.push_back(0.02 * i - 0.5 - 0.03 * i);
    drifting.middle.push_back(0.02 * i);
    drifting.upper.push_back(0.02 * i + 0.5 + 0.03 * i);
  }
  Axes axes;
  axes.title = "Layer 3's z: median, 15.9th to 84.1st percentile";
  axes.xlabel = "iteration";
  axes.ylabel = "z";
  const std::string png = scratch.file("bands.png");
  check_picture(bands(png, {steady, drifting}, axes), png, 800, 600);
  axes.log_x = true;
  const std::string log_png = scratch.file("bands_log.png");
  check_picture(bands(log_png, {drifting}, axes), log_png, 800, 600);

  SECTION("bad bands are refused before gnuplot runs") {
    CHECK_THROWS_WITH(bands(scratch.file("x.png"), {}, axes), "bands: no band to draw");
    Band bad = steady;
    bad.upper.pop_back();
    CHECK_THROWS_WITH(bands(scratch.file("x.png"), {steady, bad}, axes),
                      "bands: the band 'with batch norm' has 100 x, 100 lower, 100 middle and 99 "
                      "upper values; it needs as many of each, at least two");
    const Band single{"single", {1.0}, {0.0}, {0.5}, {1.0}};
    CHECK_THROWS_WITH(bands(scratch.file("x.png"), {single}, axes),
                      Catch::Contains("at least two"));
    bad = steady;
    bad.middle[4] = 1.5;
    CHECK_THROWS_WITH(bands(scratch.file("x.png"), {bad}, axes),
                      Catch::Contains("has (lower, middle, upper) = (-1, 1.5, 1) at x = 5; it "
                                      "needs lower <= middle <= upper"));
    bad = steady;
    bad.lower[0] = -std::numeric_limits<double>::infinity();
    CHECK_THROWS_WITH(bands(scratch.file("x.png"), {bad}, axes),
                      Catch::Contains("every value must be a finite number"));
    bad = steady;
    bad.x[3] = bad.x[2];
    CHECK_THROWS_WITH(bands(scratch.file("x.png"), {bad}, axes),
                      Catch::Contains("has x = 3 after 3; x must increase"));
    bad = steady;
    bad.x[0] = 0.0;
    CHECK_THROWS_WITH(bands(scratch.file("x.png"), {bad}, axes),
                      Catch::Contains("x = 0; every x must be positive on a logarithmic axis"));
    axes.log_x = false;
    CHECK_NOTHROW(bands(scratch.file("zero.png"), {bad}, axes));
    CHECK_FALSE(fs::exists(scratch.file("x.png")));
  }
}

TEST_CASE("bad data is refused with the input checks' messages", "[plot]") {
  Scratch scratch;
  const Axes axes;
  const std::string png = scratch.file("x.png");
  CHECK_THROWS_WITH(scatter(png, Matrix(3, 4), Matrix(1, 4), axes),
                    Catch::Contains("needs 2 rows"));
  CHECK_THROWS_AS(scatter(png, Matrix(2, 4), Matrix(1, 5), axes), dlc::ShapeError);
  CHECK_THROWS_WITH(scatter(png, Matrix(2, 2), Matrix{{0.0, 2.0}}, axes),
                    Catch::Contains("labels must be 0 or 1"));
  CHECK_THROWS_AS(decision_boundary(png, above_diagonal, Matrix(2, 0), Matrix(1, 0), axes),
                  dlc::ShapeError);
  Matrix X{{0.0, 1.0}, {0.0, 1.0}};
  X(0, 1) = std::numeric_limits<double>::infinity();
  CHECK_THROWS_WITH(scatter(png, X, Matrix{{0.0, 1.0}}, axes), Catch::Contains("finite"));
  CHECK_FALSE(fs::exists(png));
}

TEST_CASE("text reaches gnuplot as it is written, never as a command", "[plot]") {
  CHECK(gnuplot_quote("plain") == "'plain'");
  CHECK(gnuplot_quote("it's") == "'it''s'");
  CHECK(gnuplot_quote("") == "''");
  CHECK(gnuplot_quote("'") == "\"'\".''");
  CHECK(gnuplot_quote("''x'") == "\"'\".\"'\".'x'''");
  CHECK(gnuplot_quote("two\nlines\t") == "'two lines '");
  CHECK(gnuplot_quote("x_1^2 {a} @m $v \\n \"q\"") == "'x_1^2 {a} @m $v \\n \"q\"'");

  Scratch scratch;
  const std::string marker = scratch.file("substituted");
  Axes axes;
  // In a double-quoted gnuplot string the backquotes would run `touch`; in ours they are text.
  axes.title = "it's `touch " + marker + "` \"quoted\" @macro $1 \\ x_1^2 {braces}\nnew line";
  axes.xlabel = "'";
  axes.ylabel = "``";
  const dlc::ToyData d = dlc::planar_flower(1, 20);
  const std::string png = scratch.file("it's a \"title\".png");
  check_picture(scatter(png, d.X, d.Y, axes, {"zero's", "`one`"}), png, 800, 600);
  CHECK_FALSE(fs::exists(marker));
}

TEST_CASE("a missing gnuplot gives one clear error", "[plot]") {
  Scratch scratch;
  const dlc::ToyData d = dlc::planar_flower(1, 20);
  const std::string png = scratch.file("x.png");
  SECTION("PATH without gnuplot") {
    const ScopedEnv path("PATH", "");
    CHECK_THROWS_AS(find_gnuplot(), PlotError);
    CHECK_THROWS_WITH(find_gnuplot(), kMissing);
    CHECK_THROWS_WITH(scatter(png, d.X, d.Y, {}), kMissing);
    CHECK_THROWS_WITH(line_plot(png, {{"c", {0, 1}, {1, 0}}}, {}), kMissing);
  }
  SECTION("PATH naming only folders without gnuplot") {
    const ScopedEnv path("PATH", (scratch.file("nowhere") + ":/nonexistent").c_str());
    CHECK_THROWS_WITH(decision_boundary(png, above_diagonal, d.X, d.Y, {}), kMissing);
  }
  SECTION("an executable named by path that is not there, or not executable") {
    Style style;
    style.gnuplot = "/nonexistent/gnuplot";
    CHECK_THROWS_WITH(scatter(png, d.X, d.Y, {}, {}, style),
                      "gnuplot not found (looked for /nonexistent/gnuplot); install Debian's "
                      "gnuplot-nox");
    style.gnuplot = scratch.file("plain-file");
    std::ofstream(style.gnuplot) << "not a program\n";
    CHECK_THROWS_WITH(scatter(png, d.X, d.Y, {}, {}, style), Catch::Contains("gnuplot not found"));
  }
  CHECK_FALSE(fs::exists(png));
}

TEST_CASE("a failing, silent or hanging gnuplot is reported, never waited for forever", "[plot]") {
  Scratch scratch;
  const dlc::ToyData d = dlc::planar_flower(1, 20);
  const std::string png = scratch.file("x.png");
  Style style;
  SECTION("a non-zero exit status, with the line gnuplot said") {
    style.gnuplot = fake_gnuplot(scratch, "failing",
                                 "echo 'plot x' >&2\n"
                                 "echo '\"script.gp\" line 7: undefined variable: x' >&2\n"
                                 "exit 1");
    CHECK_THROWS_WITH(scatter(png, d.X, d.Y, {}, {}, style),
                      "gnuplot failed (exit status 1): \"script.gp\" line 7: undefined variable: "
                      "x");
  }
  SECTION("success without a PNG") {
    style.gnuplot = fake_gnuplot(scratch, "silent", "exit 0");
    CHECK_THROWS_WITH(scatter(png, d.X, d.Y, {}, {}, style),
                      Catch::StartsWith("gnuplot wrote no PNG for " + png));
  }
  SECTION("a run past the time limit is stopped") {
    style.gnuplot = fake_gnuplot(scratch, "hanging", "exec sleep 30");
    style.timeout_seconds = 0.3;
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_WITH(scatter(png, d.X, d.Y, {}, {}, style),
                      "gnuplot did not finish within 0.3 s and was stopped");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  }
  SECTION("a destination folder that does not exist") {
    CHECK_THROWS_WITH(scatter(scratch.file("no/such/folder/x.png"), d.X, d.Y, {}),
                      Catch::StartsWith("cannot write " + scratch.file("no/such/folder/x.png")));
  }
  CHECK_FALSE(fs::exists(png));
}
