/// \file
/// \brief Pictures as PNG files, drawn by gnuplot: a labelled 2-D data set, a classifier's
/// decision boundary (one panel or a grid of them), cost curves, charts of functions with
/// marked points (one panel or a grid of them), contour lines of a function of two variables
/// with paths drawn over them (one panel or a grid of them), a matrix as coloured cells with its
/// values written in them (a confusion matrix), small grayscale images in a grid with captions,
/// and bands (a middle line in a shaded range, such as a distribution's percentiles over
/// training).
///
/// This is a small front end, not a plotting library. Each function writes the data to files in
/// a fresh temporary folder, writes a gnuplot script beside them, runs `gnuplot script.gp`
/// (fork and exec with an argument vector, no shell), waits for it with a time limit, checks its
/// exit status, checks that what it wrote starts with the PNG signature, and copies the picture
/// to its destination. The temporary folder is removed afterwards, whatever happened.
///
/// gnuplot comes from Debian's `gnuplot-nox` package (its `pngcairo` terminal draws
/// anti-aliased PNGs without any display). When it is missing, every function throws
/// `PlotError` with the message `gnuplot not found; install Debian's gnuplot-nox`.
///
/// Text (titles, axis labels, legend entries) is passed to gnuplot as single-quoted strings, in
/// which gnuplot substitutes nothing (no backquoted commands, no macros), with the `noenhanced`
/// text mode, so that `x_1`, `^` or `{}` are printed as they are written.
///
/// The decision boundary follows the course's `plot_decision_boundary`: the plane from each
/// coordinate's minimum minus 1 to its maximum plus 1 is cut into a grid, the classifier labels
/// every grid point, the two predicted regions are filled with two light colours, and the data
/// points are drawn on top in the two strong colours of their labels (red for y = 0, blue for
/// y = 1, as the course's Spectral colour map shows them).
#pragma once

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/matrix.hpp"

namespace dlc::plot {

/// A picture could not be made: gnuplot is missing, failed, timed out or wrote no PNG, or the
/// destination cannot be written. The message is one line.
class PlotError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How gnuplot is run and how large the pictures are.
struct Style {
  /// The gnuplot executable: a name looked up in `PATH`, or a path (with a `/`).
  std::string gnuplot = "gnuplot";
  int width = 800;                ///< pixels, for a single picture
  int height = 600;               ///< pixels, for a single picture
  int panel = 420;                ///< pixels per side of one panel of a grid
  std::size_t grid_points = 400;  ///< decision boundaries: grid points along each axis
  /// Scatter plots and decision boundaries: how far the plane extends beyond the points on each
  /// side, in the points' units (the notebooks draw the flower with 1, the regularization
  /// notebook's field with about 0.1).
  double plane_margin = 1.0;
  double timeout_seconds = 120.0;  ///< gnuplot is stopped (and PlotError thrown) after this
  /// `image_grid`: pixels per side of one image (112 draws each pixel of a 28 x 28 image as a
  /// square of 4 x 4).
  int thumbnail = 112;
};

/// The text around a plot.
struct Axes {
  std::string title;          ///< above the plot
  std::string xlabel = "x1";  ///< under the horizontal axis
  std::string ylabel = "x2";  ///< beside the vertical axis
  /// A logarithmic horizontal axis (`line_plot` and the charts; every x must then be positive).
  bool log_x = false;
};

/// The legend's names of the two classes of a labelled set.
struct Classes {
  std::string zero = "y = 0";  ///< label 0, drawn red
  std::string one = "y = 1";   ///< label 1, drawn blue
};

/// What a picture function made.
struct Picture {
  std::string path;       ///< the PNG written
  std::size_t bytes = 0;  ///< its size
  /// What gnuplot wrote on stderr although it succeeded (normally nothing; font configuration
  /// notes of the system can appear here).
  std::string messages;
};

/// \brief A classifier: labels each column of `points`, shape (2, k), returning (1, k) of 0/1
/// (any value above 0.5 counts as 1). `week3::predict` with its parameters bound is one.
using Classifier = std::function<Matrix(const Matrix& points)>;

/// One panel of a grid of decision boundaries.
struct Panel {
  std::string title;    ///< above the panel
  Classifier classify;  ///< the classifier whose regions the panel shows
};

/// One curve of a line plot.
struct Curve {
  std::string name;       ///< its legend entry
  std::vector<double> x;  ///< abscissae (for a cost: the iterations)
  std::vector<double> y;  ///< ordinates, as many as x
};

/// \brief One chart: curves drawn as lines and sets of points drawn as dots, on common axes,
/// each with a legend entry. The lines take the colours of `line_plot` in order, the points the
/// colours after them.
struct Chart {
  Axes axes;                  ///< title and axis labels
  std::vector<Curve> lines;   ///< drawn as lines (a function sampled densely, a fitted model)
  std::vector<Curve> points;  ///< drawn as filled dots (data, a value worth marking)
  bool zero_axes = false;     ///< also draw the axes x = 0 and y = 0 as thin grey lines
};

/// A function of two variables, such as a cost as a function of two weights.
using Surface = std::function<double(double x, double y)>;

/// \brief One contour picture: the lines where a function of two variables takes given values,
/// seen from above, with paths (the steps of gradient descent, say) drawn over them.
struct ContourChart {
  Axes axes;  ///< title and axis labels (log_x is not used)
  Surface f;  ///< the function, sampled on a grid over the rectangle; every value must be finite
  double x_min = 0.0;                          ///< the rectangle's left edge, below x_max
  double x_max = 1.0;                          ///< the rectangle's right edge
  double y_min = 0.0;                          ///< the rectangle's bottom edge, below y_max
  double y_max = 1.0;                          ///< the rectangle's top edge
  std::vector<double> levels;                  ///< the values of f to draw a line at, at least one
  std::string levels_title = "contour lines";  ///< the legend entry of the contour lines
  std::vector<Curve> paths;   ///< drawn over the contours as lines with a dot on each point
  bool equal_scales = true;   ///< one unit as long on both axes, so that a circle looks round
  std::size_t samples = 121;  ///< grid points along each axis, 2 to 1000
};

/// \brief Contour lines of `chart.f` with its paths over them (gnuplot traces the lines on the
/// sampled grid).
/// \param[in] png where to write the picture
/// \param[in] chart the function, its rectangle, the levels and the paths
/// \param[in] style how to run gnuplot, picture size (`style.width` by `style.height`)
/// \throws std::invalid_argument for no function, an empty rectangle, no level, a value of f or
///         a level that is not finite, a bad path or sample count; PlotError when drawing fails.
Picture contour(const std::string& png, const ContourChart& chart, const Style& style = {});

/// \brief Several contour pictures as a grid of square panels (one gnuplot multiplot), filled
/// row by row, under one title. Each panel is `style.panel` pixels a side.
/// \param[in] png where to write the picture
/// \param[in] charts the panels, at least one, each as for `contour`
/// \param[in] title the title above the grid
/// \param[in] columns panels per row, at least 1
/// \param[in] style how to run gnuplot, panel size
/// \throws std::invalid_argument as `contour` does, and for no chart or no column; PlotError
///         when drawing fails.
Picture contours(const std::string& png, const std::vector<ContourChart>& charts,
                 const std::string& title, std::size_t columns, const Style& style = {});

/// \brief A matrix to draw as coloured cells, each with its value written in it: a confusion
/// matrix, say, with the true classes as rows and the predicted classes as columns.
struct Heatmap {
  Axes axes;      ///< title, `xlabel` under the columns, `ylabel` beside the rows (log_x unused)
  Matrix values;  ///< the cells, shape (rows, cols), at least (1, 1), every value finite
  std::vector<std::string> row_labels;  ///< one per row, written left of it, top to bottom
  std::vector<std::string> col_labels;  ///< one per column, written under it, slanted
  int decimals = 0;                     ///< digits after the point in each cell, 0 to 6
};

/// \brief A matrix as a grid of coloured cells (light for the smallest value, dark blue for the
/// largest, with a colour bar), each cell's value written in it (white on the dark cells), the
/// first row at the top as a confusion matrix is read. The column labels are slanted so that long ones stay readable.
/// \param[in] png where to write the picture
/// \param[in] map the values, the labels of the rows and columns, the text
/// \param[in] style how to run gnuplot, picture size (`style.width` by `style.height`)
/// \throws ShapeError when the labels are not as many as the rows and columns;
///         std::invalid_argument for an empty matrix, a value that is not finite or a bad
///         `decimals`; PlotError when drawing fails.
Picture heatmap(const std::string& png, const Heatmap& map, const Style& style = {});

/// One small grayscale image with a caption.
struct Image {
  /// The pixels, shape (height, width), row 0 at the top, column 0 at the left, each value in
  /// [0, 1]: 0 is drawn black, 1 white (Fashion-MNIST's light garment on a black ground stays as
  /// it is).
  Matrix pixels;
  std::string caption;     ///< written above the image (such as "predicted (true)")
  bool highlight = false;  ///< the caption in red instead of black (a wrong prediction, say)
};

/// \brief Small grayscale images in a grid, filled row by row, each under its caption, all under
/// one title. Each image is drawn `style.thumbnail` pixels along its longer side, in a thin grey
/// frame. The picture is a 44-pixel strip for the title over the rows of cells; a cell is a
/// 22-pixel strip for the caption, the image and a 16-pixel gap, as wide as the image plus the
/// gap or, for longer captions, as 7 pixels a character plus the gap.
/// \param[in] png where to write the picture
/// \param[in] images the images, at least one, all of the same shape
/// \param[in] columns images per row, at least 1
/// \param[in] title the title above the grid
/// \param[in] style how to run gnuplot, image size
/// \throws ShapeError when the images' shapes differ; std::invalid_argument for no image, no
///         column, an empty image, a pixel outside [0, 1] or a `style.thumbnail` outside 8 to
///         2000; PlotError when drawing fails.
Picture image_grid(const std::string& png, const std::vector<Image>& images, std::size_t columns,
                   const std::string& title, const Style& style = {});

/// \brief One band: a middle line over x and a shaded range from a lower to an upper line, such
/// as a distribution's median with its 15.9th and 84.1st percentiles (one standard deviation
/// either side for a normal distribution) over the iterations of training.
struct Band {
  std::string name;            ///< its legend entry
  std::vector<double> x;       ///< abscissae, increasing, at least two
  std::vector<double> lower;   ///< the shaded range's lower edge, one per x
  std::vector<double> middle;  ///< the line, one per x, from lower to upper
  std::vector<double> upper;   ///< the shaded range's upper edge, one per x
};

/// \brief One or more bands on common axes, each in its own colour (those of `line_plot`) with
/// a legend entry: its middle drawn as a line, its range shaded translucently, so that
/// overlapping bands both show.
/// \param[in] png where to write the picture
/// \param[in] bands the bands, at least one
/// \param[in] axes title and axis labels; `log_x` for a logarithmic horizontal axis (every x
///            must then be positive)
/// \param[in] style how to run gnuplot, picture size (`style.width` by `style.height`)
/// \throws std::invalid_argument for no band, a band of fewer than two points, lengths that
///         differ, x that does not increase, a value that is not finite or a middle outside
///         [lower, upper]; PlotError when drawing fails.
Picture bands(const std::string& png, const std::vector<Band>& bands, const Axes& axes,
              const Style& style = {});

/// \brief The full path of the gnuplot that `style` names.
/// \throws PlotError `gnuplot not found; install Debian's gnuplot-nox` when there is none.
std::string find_gnuplot(const Style& style = {});

/// \brief A scatter plot of a labelled 2-D set, one colour per label.
/// \param[in] png where to write the picture (its folder must exist)
/// \param[in] X points, shape (2, m)
/// \param[in] Y labels, shape (1, m), each 0 or 1
/// \param[in] axes title and axis labels
/// \param[in] classes the legend's names of the two labels
/// \param[in] style how to run gnuplot, picture size
/// \throws ShapeError or std::invalid_argument for bad X or Y; PlotError when drawing fails.
Picture scatter(const std::string& png, const Matrix& X, const Matrix& Y, const Axes& axes,
                const Classes& classes = {}, const Style& style = {});

/// \brief A classifier's decision boundary: the plane coloured by its predictions, the labelled
/// points on top (the course's `plot_decision_boundary`).
/// \param[in] png where to write the picture
/// \param[in] classify the classifier, evaluated on a grid of `style.grid_points` squared points
/// \param[in] X points, shape (2, m)
/// \param[in] Y labels, shape (1, m), each 0 or 1
/// \param[in] axes title and axis labels
/// \param[in] classes the legend's names of the two labels
/// \param[in] style how to run gnuplot, picture size, grid size
/// \throws ShapeError when the classifier returns a wrong shape; PlotError when drawing fails.
Picture decision_boundary(const std::string& png, const Classifier& classify, const Matrix& X,
                          const Matrix& Y, const Axes& axes, const Classes& classes = {},
                          const Style& style = {});

/// \brief Several decision boundaries on the same data, as a grid of panels (one gnuplot
/// multiplot), filled row by row.
/// \param[in] png where to write the picture
/// \param[in] panels the classifiers and their titles, at least one
/// \param[in] X points, shape (2, m)
/// \param[in] Y labels, shape (1, m), each 0 or 1
/// \param[in] title the title above the grid
/// \param[in] columns panels per row, at least 1
/// \param[in] classes the legend's names of the two labels
/// \param[in] style how to run gnuplot, panel size, grid size
Picture decision_boundaries(const std::string& png, const std::vector<Panel>& panels,
                            const Matrix& X, const Matrix& Y, const std::string& title,
                            std::size_t columns, const Classes& classes = {},
                            const Style& style = {});

/// \brief One or more curves (costs against iterations), each with a legend entry. A curve of
/// at most 20 points (a few measurements) gets a dot on each point as well.
/// \param[in] png where to write the picture
/// \param[in] curves the curves, at least one, each with at least one point
/// \param[in] axes title and axis labels
/// \param[in] log_y a logarithmic vertical axis (every y must then be positive)
/// \param[in] style how to run gnuplot, picture size
/// \throws std::invalid_argument for no curve, an empty curve, x and y of different lengths or
///         a value that is not finite; PlotError when drawing fails.
Picture line_plot(const std::string& png, const std::vector<Curve>& curves, const Axes& axes,
                  bool log_y = false, const Style& style = {});

/// \brief One chart of lines and points: a function and the data it was fitted to, say.
/// \param[in] png where to write the picture
/// \param[in] chart the curves, the points and the text; at least one curve or set of points,
///            each with at least one point
/// \param[in] style how to run gnuplot, picture size (`style.width` by `style.height`)
/// \throws std::invalid_argument for a chart with nothing to draw, an empty curve, x and y of
///         different lengths or a value that is not finite; PlotError when drawing fails.
Picture chart(const std::string& png, const Chart& chart, const Style& style = {});

/// \brief Several charts as a grid of panels (one gnuplot multiplot), filled row by row, under
/// one title. Each panel is `style.panel` pixels high and one and a half times as wide.
/// \param[in] png where to write the picture
/// \param[in] charts the panels, at least one, each as for `chart`
/// \param[in] title the title above the grid
/// \param[in] columns panels per row, at least 1
/// \param[in] style how to run gnuplot, panel size
/// \throws std::invalid_argument as `chart` does, and for no chart or no column; PlotError when
///         drawing fails.
Picture charts(const std::string& png, const std::vector<Chart>& charts, const std::string& title,
               std::size_t columns, const Style& style = {});

/// \brief `text` as a gnuplot string: in single quotes, a quote doubled, control characters
/// replaced by spaces. gnuplot substitutes nothing inside such a string. (Quotes at the very
/// start are joined on as <code>"'".</code>, since gnuplot reads a leading <code>''</code> as an
/// empty string.)
std::string gnuplot_quote(const std::string& text);

}  // namespace dlc::plot
