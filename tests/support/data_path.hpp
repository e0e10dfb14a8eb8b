/// \file
/// \brief Where tests find the course's data files, and how they skip when those are absent.
#pragma once

#include <optional>
#include <string>

namespace dlc::testing {

/// The folder of the course's shared data: `$DLC_SHARED_DATA` when set, else `../shared/data`
/// beside the project. `sub` (for example `"catvnoncat"`) is appended. Empty when the folder is
/// missing.
std::optional<std::string> shared_data_dir(const std::string& sub);

/// Fashion-MNIST's folder from Debian's `dataset-fashion-mnist` package
/// (`$DLC_FASHION_MNIST` when set), or empty when it is not installed.
std::optional<std::string> fashion_mnist_dir();

}  // namespace dlc::testing

/// Skips the rest of the current test case, saying why, when `dir` (an optional path) is
/// empty. Catch2 v2 has no skip, so the test case ends there with a warning and no failure.
#define DLC_REQUIRE_DATA(dir, what)                                               \
  do {                                                                            \
    if (!(dir)) {                                                                 \
      WARN("skipped: " << (what) << " not found; set the path to run this test"); \
      return;                                                                     \
    }                                                                             \
  } while (false)
