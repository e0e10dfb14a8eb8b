// Every lesson's test program takes one option of the grader's before Catch2's own:
//
//   test_week2_logistic_regression_solution --dlc-remote <exercise> <runner> <status> [Catch2...]
//
// which sends every call of <exercise> to the runner started by the command in the file
// <runner> (its arguments separated by NUL bytes) and writes how the runner ended to <status>
// (common/remote.hpp). Without it the program is an ordinary Catch2 test program.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "common/files.hpp"
#include "common/remote.hpp"

extern "C" int dlc_before_tests(int* argc, char** argv) {
  if (*argc < 2 || std::strcmp(argv[1], "--dlc-remote") != 0) return 0;
  if (*argc < 5) {
    std::cerr << "usage: " << argv[0] << " --dlc-remote <exercise> <runner> <status> [...]\n";
    return 2;
  }
  const auto text = dlc::read_file(argv[3]);
  if (!text) {
    std::cerr << "--dlc-remote: cannot read " << argv[3] << "\n";
    return 2;
  }
  std::vector<std::string> command;
  std::string::size_type start = 0;
  while (start < text->size()) {
    const auto end = text->find('\0', start);
    command.push_back(text->substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  try {
    dlc::remote::start_judge(argv[2], command, argv[4]);
  } catch (const std::exception& e) {
    std::cerr << "--dlc-remote: " << e.what() << "\n";
    return 2;
  }
  for (int i = 5; i <= *argc; ++i) argv[i - 4] = argv[i];  // argv[argc] is the null pointer
  *argc -= 4;
  return 0;
}
