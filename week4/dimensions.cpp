// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/week4/dimensions.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "week4/dimensions.hpp"

#include <sstream>
#include <stdexcept>
#include <string>

#include "common/exercise.hpp"

namespace dlc::week4 {

namespace {

// "W[2]" for layer 2; plain "W" for a lone layer (l == 0).
std::string layered(const char* name, int l) {
  return l > 0 ? std::string(name) + "[" + std::to_string(l) + "]" : std::string(name);
}

}  // namespace

void check_layer_dims(const char* what, const LayerDims& layer_dims) {
  if (layer_dims.size() < 2) {
    throw std::invalid_argument(
        std::string(what) + ": layer_dims has " + std::to_string(layer_dims.size()) +
        (layer_dims.size() == 1 ? " entry" : " entries") +
        " but needs at least 2: the input size n[0] and the size of each layer up to n[L]");
  }
  for (std::size_t l = 0; l < layer_dims.size(); ++l) {
    if (layer_dims[l] < 1) {
      throw std::invalid_argument(std::string(what) + ": layer_dims[" + std::to_string(l) +
                                  "] is " + std::to_string(layer_dims[l]) +
                                  " but every layer needs at least 1 unit");
    }
  }
}

std::vector<LayerShapes> layer_shapes(const LayerDims& layer_dims, std::size_t m) {
  check_layer_dims("layer_shapes", layer_dims);
  if (m == 0) throw std::invalid_argument("layer_shapes: m is 0 but needs at least 1 example");
  std::vector<LayerShapes> shapes(layer_dims.size());
  const auto n = [&](std::size_t l) { return static_cast<std::size_t>(layer_dims[l]); };
  shapes[0].A = Shape{n(0), m};  // A[0] = X
  for (std::size_t l = 1; l < layer_dims.size(); ++l) {
    DLC_TODO("week4.layer_shapes");
  }
  return shapes;
}

std::string shapes_table(const std::vector<LayerShapes>& shapes) {
  const auto cell = [](Shape s) { return s == Shape{} ? std::string("-") : to_string(s); };
  std::size_t width = 12;
  for (const LayerShapes& s : shapes) width = std::max(width, cell(s.A).size() + 2);
  const auto pad = [&](const std::string& text) {
    return text + std::string(width > text.size() ? width - text.size() : 1, ' ');
  };
  std::ostringstream out;
  out << "l   " << pad("W[l]") << pad("b[l]") << pad("Z[l]") << "A[l]\n"
      << "    " << pad("(n[l],n[l-1])") << pad("(n[l],1)") << pad("(n[l],m)") << "(n[l],m)\n";
  for (std::size_t l = 0; l < shapes.size(); ++l) {
    std::string index = std::to_string(l);
    index.resize(4, ' ');
    out << index << pad(cell(shapes[l].W)) << pad(cell(shapes[l].b)) << pad(cell(shapes[l].Z))
        << cell(shapes[l].A) << '\n';
  }
  return out.str();
}

void check_layer_input(const char* what, int l, const Matrix& W, const Matrix& b,
                       const Matrix& A_prev) {
  const std::string Wl = layered("W", l), bl = layered("b", l);
  const std::string Aprev = l > 0 ? "A[" + std::to_string(l - 1) + "]" : std::string("A_prev");
  if (W.rows() == 0 || W.cols() != A_prev.rows()) {
    throw ShapeError(std::string(what) + ": " + Wl + " is " + to_string(W.shape()) + " but " +
                     Aprev + " is " + to_string(A_prev.shape()) + "; W[l] is (n[l], n[l-1]), so " +
                     Wl + ".cols must equal " + Aprev + ".rows");
  }
  if (b.shape() != Shape{W.rows(), 1}) {
    throw ShapeError(std::string(what) + ": " + bl + " is " + to_string(b.shape()) + " but " + Wl +
                     " is " + to_string(W.shape()) + "; b[l] is (n[l], 1), so " + bl + " must be " +
                     to_string(Shape{W.rows(), 1}));
  }
}

void check_same_shape(const char* what, int l, const char* name, const Matrix& value,
                      const char* like_name, const Matrix& like) {
  if (value.shape() != like.shape()) {
    throw ShapeError(std::string(what) + ": " + layered(name, l) + " is " +
                     to_string(value.shape()) + " but " + layered(like_name, l) + " is " +
                     to_string(like.shape()) + "; a gradient has the shape of what it " +
                     "differentiates, so " + name + "[l] is shaped as " + like_name + "[l]");
  }
}

}  // namespace dlc::week4
