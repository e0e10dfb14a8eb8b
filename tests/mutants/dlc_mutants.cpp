// dlc-mutants: lists the mutants of the project and writes one as a student's submission.
//
//   dlc-mutants list <source-root>                      every mutant: file:line, expectation, name
//   dlc-mutants write <source-root> <file:line> <dir>   <dir>/<block>/<lesson>.cpp, mutated
//
// `dlc grade --submission <dir>` then grades it as `test_grader_submissions` does.
#include <iostream>
#include <string>
#include <vector>

#include "tests/mutants/mutants.hpp"

namespace {

std::vector<dlc::mutants::Mutant> all_mutants(const std::string& root) {
  std::vector<dlc::mutants::Mutant> all;
  for (const char* folder : {"tests/mutants", "tests/grader_submissions"})
    for (const std::string& file : dlc::mutants::list_files(root, folder))
      for (dlc::mutants::Mutant& m : dlc::mutants::load(root, file)) all.push_back(std::move(m));
  return all;
}

int usage() {
  std::cerr << "usage: dlc-mutants list <source-root>\n"
               "       dlc-mutants write <source-root> <file:line> <submission-dir>\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 2 && args[0] == "list") {
      for (const dlc::mutants::Mutant& m : all_mutants(args[1]))
        std::cout << m.where() << "  " << to_string(m.expect) << "  " << m.name() << '\n';
      return 0;
    }
    if (args.size() == 4 && args[0] == "write") {
      for (const dlc::mutants::Mutant& m : all_mutants(args[1])) {
        if (m.where() != args[2]) continue;
        std::cout << args[3] << '/' << dlc::mutants::write_submission(m, args[1], args[3]) << '\n';
        return 0;
      }
      std::cerr << "dlc-mutants: no mutant starts at " << args[2] << " (see dlc-mutants list)\n";
      return 1;
    }
  } catch (const dlc::mutants::Error& e) {
    std::cerr << e.what() << '\n';
    return 1;
  }
  return usage();
}
