// dlc-run-as UID GID NPROC DIR [NAME=value ...] -- PROGRAM [ARG ...]
//
// The first program of every command of the user sandbox (apps/grader/user_sandbox.hpp), run by
// root: it gives up the controlling terminal, limits the processes of user UID to NPROC
// (RLIMIT_NPROC), becomes UID and GID for good (no supplementary group, no new privileges),
// dies with its parent, enters DIR and runs PROGRAM (a path) with exactly the environment given.
// Whatever fails ends it with exit code 126 and one line on stderr, before PROGRAM runs.

#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "apps/grader/user_sandbox.hpp"

namespace {

constexpr int kFailed = 126;

int fail(const std::string& what) {
  std::cerr << "dlc-run-as: " << what << '\n';
  return kFailed;
}

bool read_number(const char* text, unsigned long& value) {
  char* end = nullptr;
  errno = 0;
  value = std::strtoul(text, &end, 10);
  return errno == 0 && end != text && *end == '\0';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 7)
    return fail("usage: dlc-run-as UID GID NPROC DIR [NAME=value ...] -- PROGRAM [ARG ...]");
  unsigned long uid = 0, gid = 0, nproc = 0;
  if (!read_number(argv[1], uid) || !read_number(argv[2], gid) || !read_number(argv[3], nproc) ||
      nproc == 0)
    return fail("UID, GID and NPROC must be whole numbers");
  if (::geteuid() != 0) return fail("only root can run a command as another user");
  const char* dir = argv[4];
  std::vector<char*> env;
  int i = 5;
  for (; i < argc && std::strcmp(argv[i], "--") != 0; ++i) {
    if (std::strchr(argv[i], '=') == nullptr)
      return fail(std::string("not NAME=value: ") + argv[i]);
    env.push_back(argv[i]);
  }
  env.push_back(nullptr);
  if (i + 1 >= argc) return fail("no program after --");
  char** command = argv + i + 1;

  // No controlling terminal: nothing it runs can push input into the terminal of the grader
  // (TIOCSTI), and it stays in the process group the grader kills at a time limit.
  const int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (tty >= 0) {
    ::ioctl(tty, TIOCNOTTY);
    ::close(tty);
  }
  struct rlimit processes {};
  processes.rlim_cur = nproc;
  processes.rlim_max = nproc;
  if (::setrlimit(RLIMIT_NPROC, &processes) != 0)
    return fail(std::string("cannot set RLIMIT_NPROC: ") + std::strerror(errno));
  if (const char* failed =
          dlc::grader::become_user(static_cast<uid_t>(uid), static_cast<gid_t>(gid)))
    return fail(std::string("cannot become user ") + argv[1] + ": " + failed + ": " +
                std::strerror(errno));
  // The parent-death signal is cleared when the user changes: set again.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  ::umask(077);
  if (::chdir(dir) != 0)
    return fail(std::string("cannot enter ") + dir + ": " + std::strerror(errno));
  ::execve(command[0], command, env.data());
  return fail(std::string("cannot run ") + command[0] + ": " + std::strerror(errno));
}
