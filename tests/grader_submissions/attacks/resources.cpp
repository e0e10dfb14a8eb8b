// Takes what it can: 600 processes (each waits for ever), then 1 GiB of files in /tmp, in its
// working folder and at the root; SIGXFSZ ignored, so that a write over the file size limit
// fails instead of ending the process. Throws how far it got.
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "common/matrix.hpp"

namespace {

std::string fill(const std::string& path) {
  static const std::string megabyte(1 << 20, 'x');
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) return path + ": cannot create (" + std::strerror(errno) + ")";
  int written = 0;
  std::string why = "no error";
  for (; written < 1024; ++written) {
    if (::write(fd, megabyte.data(), megabyte.size()) != static_cast<ssize_t>(megabyte.size())) {
      why = std::strerror(errno);
      break;
    }
  }
  ::close(fd);
  return path + ": " + std::to_string(written) + " MiB written (" + why + ")";
}

}  // namespace

dlc::Matrix dlc_attack(const dlc::Matrix& z) {
  ::signal(SIGXFSZ, SIG_IGN);
  int forked = 0;
  std::string why = "no error";
  for (; forked < 600; ++forked) {
    const pid_t pid = ::fork();
    if (pid == 0) {
      for (;;) ::pause();
    }
    if (pid < 0) {
      why = std::strerror(errno);
      break;
    }
  }
  std::string said = "resources: " + std::to_string(forked) + " processes started (" + why + ")";
  for (const char* path : {"/tmp/fill", "fill", "/fill"}) said += "; " + fill(path);
  throw std::runtime_error(said);
  return z;
}
