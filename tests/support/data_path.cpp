#include "tests/support/data_path.hpp"

#include <cstdlib>
#include <filesystem>

namespace dlc::testing {

namespace fs = std::filesystem;

static std::optional<std::string> existing(const fs::path& p) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) return p.string();
  return std::nullopt;
}

std::optional<std::string> shared_data_dir(const std::string& sub) {
  if (const char* env = std::getenv("DLC_SHARED_DATA"); env != nullptr && *env != '\0')
    return existing(fs::path(env) / sub);
  return existing(fs::path(DLC_SOURCE_DIR) / ".." / "shared" / "data" / sub);
}

std::optional<std::string> fashion_mnist_dir() {
  if (const char* env = std::getenv("DLC_FASHION_MNIST"); env != nullptr && *env != '\0')
    return existing(env);
  return existing("/usr/share/datasets/fashion-mnist");
}

}  // namespace dlc::testing
