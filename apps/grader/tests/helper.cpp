// dlc-grader-test-helper <mode>: a program that misbehaves on purpose, for the tests of the
// grader's process runner. Each mode is one thing a submission might do.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

namespace {

volatile int* volatile null_pointer = nullptr;

int run(const std::string& mode, const char* arg) {
  if (mode == "ok") {
    std::printf("fine\n");
    return 0;
  }
  if (mode == "exit3") return 3;
  if (mode == "segfault") return *null_pointer;
  if (mode == "abort") std::abort();
  if (mode == "throw") throw 42;  // not caught: std::terminate, then abort
  if (mode == "sleep") {
    for (;;) ::pause();
  }
  if (mode == "spin") {
    for (volatile unsigned long i = 0;; i = i + 1) {
    }
  }
  if (mode == "fork-sleep") {
    // A child in the same process group that outlives its parent and holds the output pipe.
    if (::fork() == 0) {
      for (;;) ::pause();
    }
    std::printf("parent exits\n");
    return 0;
  }
  if (mode == "fork-spin") {
    // Parent and child both hang: the timeout must kill the whole group.
    if (::fork() == 0) {
      std::FILE* f = std::fopen(arg, "w");
      if (f != nullptr) {
        std::fprintf(f, "%d\n", static_cast<int>(::getpid()));
        std::fclose(f);
      }
      for (;;) ::pause();
    }
    for (;;) ::pause();
  }
  if (mode == "output") {
    // About 64 MiB of output, then a normal exit.
    std::string line(1023, 'x');
    line += '\n';
    for (int i = 0; i < 65536; ++i) std::fwrite(line.data(), 1, line.size(), stdout);
    return 0;
  }
  if (mode == "output-forever") {
    std::string line(1023, 'y');
    line += '\n';
    for (;;) std::fwrite(line.data(), 1, line.size(), stdout);
  }
  if (mode == "alloc") {
    // Allocates without bound, touching every page; under a memory limit this ends in
    // std::bad_alloc.
    std::vector<char*> blocks;
    try {
      for (;;) {
        char* p = new char[64 << 20];
        std::memset(p, 1, 64 << 20);
        blocks.push_back(p);
      }
    } catch (const std::bad_alloc&) {
      std::printf("bad_alloc after %zu MiB\n", blocks.size() * 64);
      return 7;
    }
  }
  if (mode == "file") {
    // Writes a huge file: the file size limit stops it with SIGXFSZ.
    std::FILE* f = std::fopen(arg, "w");
    if (f == nullptr) return 9;
    std::string block(1 << 20, 'z');
    for (int i = 0; i < 4096; ++i) {
      if (std::fwrite(block.data(), 1, block.size(), f) != block.size()) return 8;
      std::fflush(f);
    }
    std::fclose(f);
    return 0;
  }
  if (mode == "stdin") {
    // Reads stdin: /dev/null, so at once the end.
    int c = std::getchar();
    std::printf("stdin gave %d\n", c);
    return 0;
  }
  if (mode == "env") {
    const char* v = std::getenv(arg);
    std::printf("%s=%s\n", arg, v != nullptr ? v : "(unset)");
    return 0;
  }
  if (mode == "pwd") {
    char buf[4096];
    std::printf("%s\n", ::getcwd(buf, sizeof buf) != nullptr ? buf : "?");
    return 0;
  }
  std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: dlc-grader-test-helper <mode> [arg]\n");
    return 2;
  }
  return run(argv[1], argc > 2 ? argv[2] : "");
}
