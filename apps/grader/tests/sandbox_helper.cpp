// dlc-sandbox-test-helper <mode> [args]: a program that tries, one way per mode, to reach past
// the sandbox or the limits a submission runs under, and says on stdout how far it got.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <vector>

extern char** environ;

namespace {

const char* why() { return std::strerror(errno); }

/// `read PATH`: 0 when the file can be read.
int read_file(const char* path) {
  std::FILE* f = std::fopen(path, "r");
  if (f == nullptr) {
    std::printf("cannot read %s: %s\n", path, why());
    return 1;
  }
  std::fclose(f);
  std::printf("read %s\n", path);
  return 0;
}

/// `fill PATH BYTES`: writes BYTES to PATH; 0 when all were written.
int fill(const char* path, long long bytes) {
  std::FILE* f = std::fopen(path, "w");
  if (f == nullptr) {
    std::printf("cannot create %s: %s\n", path, why());
    return 1;
  }
  const std::string block(64 << 10, 'z');
  long long written = 0;
  while (written < bytes) {
    const auto n = static_cast<std::size_t>(
        std::min<long long>(static_cast<long long>(block.size()), bytes - written));
    if (std::fwrite(block.data(), 1, n, f) != n || std::fflush(f) != 0) {
      std::printf("wrote %lld bytes of %s, then: %s\n", written, path, why());
      std::fclose(f);
      return 1;
    }
    written += static_cast<long long>(n);
  }
  if (std::fclose(f) != 0) {
    std::printf("cannot close %s: %s\n", path, why());
    return 1;
  }
  std::printf("wrote %lld bytes of %s\n", written, path);
  return 0;
}

/// `connect PORT`: 0 when a TCP connection to 127.0.0.1:PORT is made.
int connect_to(int port) {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  if (s < 0) {
    std::printf("no socket: %s\n", why());
    return 1;
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(s, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    std::printf("cannot connect to 127.0.0.1:%d: %s\n", port, why());
    return 1;
  }
  std::printf("connected to 127.0.0.1:%d\n", port);
  return 0;
}

/// `pid OUTSIDE`: prints its own PID, then whether it can signal the process OUTSIDE (signal 0:
/// nothing is sent).
int pid(int outside) {
  std::printf("pid %d\n", static_cast<int>(::getpid()));
  if (::kill(outside, 0) == 0) {
    std::printf("can signal %d\n", outside);
    return 0;
  }
  std::printf("cannot signal %d: %s\n", outside, why());
  return 1;
}

/// `background MARKER`: starts a process of its own session that sleeps with MARKER in its
/// argv, then exits as soon as it runs.
int background(const char* marker) {
  int ready[2];
  if (::pipe(ready) != 0) return 3;
  const pid_t child = ::fork();
  if (child < 0) return 3;
  if (child == 0) {
    ::close(ready[0]);
    ::setsid();
    ::signal(SIGHUP, SIG_IGN);
    char name[] = "dlc-sandbox-test-helper";
    char sleeper[] = "sleeper";
    std::vector<char*> argv = {name, sleeper, const_cast<char*>(marker), nullptr};
    ::dup2(ready[1], 3);  // the sleeper writes a byte to it once running
    ::execv("/proc/self/exe", argv.data());
    ::_exit(4);
  }
  ::close(ready[1]);
  char c = 0;
  const bool started = ::read(ready[0], &c, 1) == 1;
  std::printf(started ? "left %s running\n" : "could not start %s\n", marker);
  return started ? 0 : 1;
}

/// `forkbomb`: forks children that wait forever until fork() fails; prints how many it made.
int forkbomb() {
  int made = 0;
  for (; made < 100000; ++made) {
    const pid_t p = ::fork();
    if (p < 0) {
      std::printf("forked %d, then: %s\n", made, why());
      return 0;
    }
    if (p == 0) {
      for (;;) ::pause();
    }
  }
  std::printf("forked %d without a limit\n", made);
  return 1;
}

/// `alloc MIB`: allocates and touches MIB MiB, 16 MiB at a time.
int alloc(long long mib) {
  std::vector<char*> blocks;
  try {
    for (long long got = 0; got < mib; got += 16) {
      char* p = new char[16 << 20];
      std::memset(p, 1, 16 << 20);
      blocks.push_back(p);
    }
  } catch (const std::bad_alloc&) {
    std::printf("bad_alloc after %zu MiB\n", blocks.size() * 16);
    return 7;
  }
  std::printf("allocated %lld MiB\n", mib);
  return 0;
}

volatile int* volatile null_pointer = nullptr;

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc > 1 ? argv[1] : "";
  const char* arg = argc > 2 ? argv[2] : "";
  if (mode == "sleeper") {
    // Holds no output pipe open; says it runs.
    const int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    if (::write(3, "x", 1) != 1) return 5;
    ::close(3);
    for (;;) ::pause();
  }
  std::setvbuf(stdout, nullptr, _IONBF, 0);
  if (mode == "read") return read_file(arg);
  if (mode == "fill") return fill(arg, argc > 3 ? std::atoll(argv[3]) : 0);
  if (mode == "connect") return connect_to(std::atoi(arg));
  if (mode == "env") {
    for (char** e = environ; e != nullptr && *e != nullptr; ++e) std::printf("%s\n", *e);
    return 0;
  }
  if (mode == "pid") return pid(std::atoi(arg));
  if (mode == "background") return background(arg);
  if (mode == "forkbomb") return forkbomb();
  if (mode == "alloc") return alloc(std::atoll(arg));
  if (mode == "segfault") return *null_pointer;
  if (mode == "exit") return std::atoi(arg);
  std::fprintf(stderr,
               "usage: dlc-sandbox-test-helper read|fill|connect|env|pid|background|"
               "forkbomb|alloc|segfault|exit [args]\n");
  return 2;
}
