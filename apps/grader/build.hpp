/// \file
/// \brief `cmake --build` of some targets, as the grader runs it: under a time limit, with the
/// first error of a failed build on one line.
#pragma once

#include <string>
#include <vector>

namespace dlc::grader {

/// How a build went.
struct BuildResult {
  bool ok = false;
  std::string first_error;  ///< one line: `week2/x.cpp:12:3: error: ...`
  std::string context;      ///< the lines around it
};

/// \brief Builds `targets` of the configured build `build_dir` (`cmake --build`, on every core),
/// under the grader's time, memory and output limits.
/// \param[in] prefixes folders removed from the file names of the messages (the source and build
///            folders), so that an error reads `week2/x.cpp:12:3: error: ...`
BuildResult run_build(const std::string& build_dir, const std::vector<std::string>& targets,
                      const std::vector<std::string>& prefixes);

}  // namespace dlc::grader
