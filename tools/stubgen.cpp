// dlc-stubgen: writes each student's file <block>/<lesson>.cpp from its reference solution
// solutions/<block>/<lesson>.cpp, or checks that the committed stubs are what it would write.
// The logic is in stubgen_lib.cpp, where the unit tests reach it.
#include <iostream>
#include <string>
#include <vector>

#include "tools/stubgen_lib.hpp"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return dlc::stubgen::run(args, std::cout, std::cerr);
}
