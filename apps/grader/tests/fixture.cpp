// dlc-grader-test-fixture: a Catch2 test program whose "exercises" (tags [fx.*]) misbehave on
// purpose, one way each, so that the grader's tests can check how each is graded end to end.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

int add(int a, int b) { return a + b + (a == 2 ? 1 : 0); }  // wrong for a == 2

volatile int* volatile null_pointer = nullptr;

[[noreturn]] void stub(const char* id) {
  throw std::logic_error(std::string("not implemented yet: ") + id + " (hint: write it)");
}

}  // namespace

TEST_CASE("passes", "[fx.pass]") { CHECK(add(1, 1) == 2); }
TEST_CASE("passes too", "[fx.pass][other]") { REQUIRE(add(3, 4) == 7); }

TEST_CASE("adds two and two", "[fx.fail]") {
  CHECK(add(1, 2) == 3);
  SECTION("outer") {
    SECTION("inner <&>") {
      INFO("the formula: a + b");
      CHECK(add(2, 2) == 4);
    }
  }
}

TEST_CASE("stub", "[fx.stub]") {
  CHECK(add(1, 1) == 2);
  stub("fx.stub");
}
TEST_CASE("stub in a check", "[fx.stub]") { CHECK_NOTHROW(stub("fx.stub")); }
TEST_CASE("calls an unwritten exercise", "[fx.needs]") { CHECK_NOTHROW(stub("fx.other")); }

TEST_CASE("throws a std::exception", "[fx.throw_std]") {
  throw std::runtime_error("boom: a runtime error");
}
TEST_CASE("throws an int", "[fx.throw_int]") { throw 42; }

TEST_CASE("segfaults", "[fx.segv]") { CHECK(*null_pointer == 0); }
TEST_CASE("aborts", "[fx.abort]") { std::abort(); }
TEST_CASE("loops forever", "[fx.loop]") {
  for (volatile unsigned long i = 0;; i = i + 1) {
  }
}
TEST_CASE("sleeps forever", "[fx.sleep]") {
  for (;;) ::pause();
}

TEST_CASE("exits in the middle", "[fx.exit0]") {
  CHECK(add(1, 1) == 2);
  std::exit(0);
}
TEST_CASE("_exits in the middle", "[fx._exit0]") {
  CHECK(add(1, 1) == 2);
  ::_exit(0);
}
TEST_CASE("prints a passing report, then leaves", "[fx.fake]") {
  std::printf(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Catch name=\"x\"><Group name=\"x\">"
      "<TestCase name=\"fake\" tags=\"[fx.fake]\"><OverallResult success=\"true\"/></TestCase>"
      "<OverallResults successes=\"1\" failures=\"0\" expectedFailures=\"0\"/></Group>"
      "</Catch>\n===============\nAll tests passed (1 assertion in 1 test case)\n");
  std::cout << "</Catch> All tests passed\n";
  std::fflush(stdout);
  ::_exit(0);
}

TEST_CASE("allocates without bound", "[fx.alloc]") {
  std::vector<std::vector<char>> blocks;
  for (;;) blocks.emplace_back(std::size_t(256) << 20, 'x');
}
TEST_CASE("prints a lot, then passes", "[fx.output]") {
  const std::string line(1023, 'o');
  for (int i = 0; i < 20000; ++i) std::printf("%s\n", line.c_str());
  CHECK(add(1, 1) == 2);
}
TEST_CASE("writes a huge file", "[fx.file]") {
  std::FILE* f = std::fopen("huge.bin", "w");
  REQUIRE(f != nullptr);
  const std::string block(1 << 20, 'z');
  for (int i = 0; i < 4096; ++i) std::fwrite(block.data(), 1, block.size(), f);
  std::fclose(f);
}
TEST_CASE("explicit failure", "[fx.explicit]") { FAIL("this is not done: see lecture 2.3"); }
