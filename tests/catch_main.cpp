// The one translation unit that holds Catch2's main(). A test program may define
// dlc_before_tests() (tests/judge_main.cpp does, for the lessons' test programs) to take its
// own options off the command line before Catch2 reads it.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

/// Called first when defined: may remove its options from argv; a non-zero return ends the
/// program with that code.
extern "C" int dlc_before_tests(int* argc, char** argv) __attribute__((weak));

int main(int argc, char** argv) {
  if (dlc_before_tests != nullptr) {
    if (const int code = dlc_before_tests(&argc, argv); code != 0) return code;
  }
  return Catch::Session().run(argc, argv);
}
