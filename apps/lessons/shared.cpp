#include "apps/lessons/shared.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <system_error>

#include "common/training.hpp"

namespace dlc::runner {

Pictures::Pictures(const cli::Arguments& args) : enabled_(!args.given("--no-plots")) {
  if (!enabled_) return;
  dir_ = args.text("--plots");
  try {
    plot::find_gnuplot(style_);
  } catch (const plot::PlotError& e) {
    throw plot::PlotError(std::string(e.what()) + " (or run with --no-plots)");
  }
  std::error_code ec;
  std::filesystem::create_directories(dir_, ec);
  if (ec || !std::filesystem::is_directory(dir_)) {
    throw plot::PlotError("cannot make the folder for the pictures " + dir_ + ": " +
                          (ec ? ec.message() : std::string("a file of that name is in the way")));
  }
}

std::string Pictures::path(const std::string& name) const {
  return (std::filesystem::path(dir_) / name).string();
}

void Pictures::made(const plot::Picture& picture, const std::string& what) {
  written_.push_back({picture.path, what});
}

void Pictures::report() const {
  for (const auto& [path, what] : written_)
    std::cout << "Picture saved: " << path << " (" << what << ")\n";
}

std::vector<std::string> Pictures::paths() const {
  std::vector<std::string> out;
  for (const auto& p : written_) out.push_back(p.first);
  return out;
}

std::string json_line(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void check_result(const std::string& function, const std::string& what, const Matrix& result,
                  Shape expected) {
  if (result.shape() != expected) {
    throw ShapeError(function + " returned " + what + " of shape " + to_string(result.shape()) +
                     " but it must be " + to_string(expected));
  }
}

std::string plain(double x) {
  if (std::isfinite(x) && x == std::floor(x) && std::fabs(x) < 1e15) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", x == 0.0 ? 0.0 : x);
    return buf;
  }
  return python_repr(x);
}

std::string fixed(double x, int decimals) {
  if (!std::isfinite(x)) return python_repr(x);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, x);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string milliseconds(double ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, ms >= 1.0 ? "%.2f" : "%.3g", ms);
  return buf;
}

std::string short_number(double x) {
  if (x == 0.0) return "0";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", x);
  return buf;
}

}  // namespace dlc::runner
