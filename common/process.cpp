#include "common/process.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

extern char** environ;

namespace dlc {

namespace {

using Clock = std::chrono::steady_clock;

/// The process groups of the children running now (one per thread that runs one: a batch grades
/// several submissions at once), for the interrupt handler; 0 marks a free slot.
constexpr std::size_t kRunningSlots = 256;
std::atomic<pid_t> g_running_groups[kRunningSlots];
static_assert(std::atomic<pid_t>::is_always_lock_free, "the interrupt handler reads the slots");

extern "C" void on_interrupt(int sig) {
  for (auto& slot : g_running_groups) {
    const pid_t group = slot.load();
    if (group > 0) ::kill(-group, SIGKILL);
  }
  ::signal(sig, SIG_DFL);
  ::raise(sig);
}

/// Holds a child's process group in a slot of g_running_groups while it runs.
class RunningGroup {
 public:
  explicit RunningGroup(pid_t group) {
    for (auto& slot : g_running_groups) {
      pid_t free = 0;
      if (slot.compare_exchange_strong(free, group)) {
        slot_ = &slot;
        return;
      }
    }
  }
  RunningGroup(const RunningGroup&) = delete;
  RunningGroup& operator=(const RunningGroup&) = delete;
  ~RunningGroup() { release(); }
  void release() {
    if (slot_ != nullptr) slot_->store(0);
    slot_ = nullptr;
  }

 private:
  std::atomic<pid_t>* slot_ = nullptr;
};

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Closes a file descriptor once.
struct Fd {
  int fd = -1;
  Fd() = default;
  explicit Fd(int f) : fd(f) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) ::close(fd);
    fd = -1;
  }
};

/// In the child: reports what failed (`what`, errno) through the error pipe and exits.
[[noreturn]] void child_failed(int error_fd, int what) {
  const int e = errno;
  int msg[2] = {what, e};
  ssize_t ignored = ::write(error_fd, msg, sizeof msg);
  (void)ignored;
  ::_exit(127);
}

/// The control groups to join: `what` of a failure to join the i-th is kJoinFailure + i.
constexpr int kJoinFailure = 100;

/// In the child, after fork(): only async-signal-safe calls until execve().
[[noreturn]] void child(const char* path, char* const* argv, char* const* envp, int out_fd,
                        int error_fd, const char* dir, const RunLimits& limits,
                        const char* const* join_files, std::size_t join_count, pid_t parent) {
  auto die = [error_fd](int what) { child_failed(error_fd, what); };
  ::setpgid(0, 0);
  // Should the grader die (Ctrl-C, kill), its child dies with it instead of hanging on.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(127);

  // Into the control groups first, so that all it does is counted there.
  for (std::size_t i = 0; i < join_count; ++i) {
    const int fd = ::open(join_files[i], O_WRONLY | O_CLOEXEC);
    if (fd < 0) die(kJoinFailure + static_cast<int>(i));
    if (::write(fd, "0", 1) != 1) die(kJoinFailure + static_cast<int>(i));
    ::close(fd);
  }

  // Signals as a fresh program expects them, whatever the grader set.
  sigset_t none;
  ::sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  for (const int s : {SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGHUP, SIGCHLD, SIGXFSZ, SIGXCPU})
    ::sigaction(s, &dfl, nullptr);

  const int devnull = ::open("/dev/null", O_RDONLY);
  if (devnull < 0 || ::dup2(devnull, 0) < 0) die(1);
  if (::dup2(out_fd, 1) < 0 || ::dup2(out_fd, 2) < 0) die(1);
  if (devnull > 2) ::close(devnull);
  if (out_fd > 2) ::close(out_fd);
    // Nothing else of the grader's leaks into the child (the error pipe is close-on-exec too).
#ifdef CLOSE_RANGE_CLOEXEC
  ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
#endif

  auto limit = [&](int resource, rlim_t value) {
    struct rlimit r {};
    r.rlim_cur = value;
    r.rlim_max = value;
    if (::setrlimit(resource, &r) != 0) {
      // A hard limit below `value` cannot be raised: lower the soft limit only.
      if (::getrlimit(resource, &r) == 0 && r.rlim_max != RLIM_INFINITY && r.rlim_max < value)
        return;
      die(2);
    }
  };
  limit(RLIMIT_CORE, 0);
  if (limits.memory_limit_bytes > 0) limit(RLIMIT_AS, limits.memory_limit_bytes);
  if (limits.file_size_limit_bytes > 0) limit(RLIMIT_FSIZE, limits.file_size_limit_bytes);
  if (limits.cpu_limit_seconds > 0)
    limit(RLIMIT_CPU, static_cast<rlim_t>(std::ceil(limits.cpu_limit_seconds)));
  if (limits.max_processes > 0) limit(RLIMIT_NPROC, limits.max_processes);

  if (dir != nullptr && ::chdir(dir) != 0) die(3);
  ::execve(path, argv, envp);
  child_failed(error_fd, 4);
}

std::string start_error(const std::string& path, const std::string& dir, const RunLimits& limits,
                        int what, int err) {
  const std::string why = std::strerror(err);
  if (what >= kJoinFailure &&
      static_cast<std::size_t>(what - kJoinFailure) < limits.join_cgroup_files.size())
    return "cannot join the control group of " + path + " (" +
           limits.join_cgroup_files[static_cast<std::size_t>(what - kJoinFailure)] + "): " + why;
  switch (what) {
    case 1:
      return "cannot set up the standard streams of " + path + ": " + why;
    case 2:
      return "cannot set the resource limits of " + path + ": " + why;
    case 3:
      return "cannot enter " + dir + " to run " + path + ": " + why;
    default:
      return "cannot run " + path + ": " + why;
  }
}

}  // namespace

void kill_children_on_interrupt() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  ::sigemptyset(&action.sa_mask);
  for (const int s : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(s, &action, nullptr);
}

std::string find_executable(const std::string& name) {
  if (name.empty()) return {};
  if (name.find('/') != std::string::npos) return name;
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    auto end = dirs.find(':', start);
    if (end == std::string::npos) end = dirs.size();
    std::string dir = dirs.substr(start, end - start);
    if (dir.empty()) dir = ".";
    const std::string candidate = dir + "/" + name;
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
        ::access(candidate.c_str(), X_OK) == 0)
      return candidate;
    start = end + 1;
  }
  return {};
}

std::vector<std::string> environment_with(const std::vector<std::string>& changes) {
  std::vector<std::string> env;
  auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
  for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::string name = name_of(entry);
    const bool changed = std::any_of(changes.begin(), changes.end(),
                                     [&](const std::string& c) { return name_of(c) == name; });
    if (!changed) env.push_back(entry);
  }
  for (const auto& c : changes)
    if (c.find('=') != std::string::npos) env.push_back(c);
  return env;
}

std::size_t running_processes_of_this_user() {
  const std::string me = std::to_string(::getuid());
  std::size_t count = 0;
  DIR* proc = ::opendir("/proc");
  if (proc == nullptr) return 0;
  while (const dirent* entry = ::readdir(proc)) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    std::ifstream status(std::string("/proc/") + entry->d_name + "/status");
    std::string real_uid;
    std::size_t threads = 0;
    for (std::string line; std::getline(status, line);) {
      if (line.rfind("Uid:", 0) == 0) std::istringstream(line.substr(4)) >> real_uid;
      if (line.rfind("Threads:", 0) == 0) std::istringstream(line.substr(8)) >> threads;
    }
    if (real_uid == me) count += std::max<std::size_t>(threads, 1);
  }
  ::closedir(proc);
  return count;
}

std::string signal_description(int signal) {
  const char* name = ::strsignal(signal);
  if (name == nullptr || std::strncmp(name, "Unknown signal", 14) == 0 ||
      std::strncmp(name, "Real-time signal", 16) == 0)
    return "signal " + std::to_string(signal);
  return name;
}

ProcessResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                          const RunLimits& limits, const std::string& working_dir) {
  ProcessResult result;
  const auto start = Clock::now();
  if (argv.empty()) {
    result.start_error = "no program to run";
    return result;
  }
  const std::string path = find_executable(argv[0]);
  if (path.empty()) {
    result.start_error = "cannot run " + argv[0] + ": not found in PATH";
    return result;
  }

  // Everything the child needs, prepared before fork().
  std::vector<std::string> args = argv;
  std::vector<std::string> envs = env;
  std::vector<char*> c_argv;
  for (auto& a : args) c_argv.push_back(a.data());
  c_argv.push_back(nullptr);
  std::vector<char*> c_env;
  for (auto& e : envs) c_env.push_back(e.data());
  c_env.push_back(nullptr);
  std::vector<const char*> c_join;
  for (const auto& f : limits.join_cgroup_files) c_join.push_back(f.c_str());

  int out_pipe[2];
  int err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    result.start_error = std::string("cannot make a pipe: ") + std::strerror(errno);
    return result;
  }
  Fd out_read(out_pipe[0]);
  Fd out_write(out_pipe[1]);
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    result.start_error = std::string("cannot make a pipe: ") + std::strerror(errno);
    return result;
  }
  Fd err_read(err_pipe[0]);
  Fd err_write(err_pipe[1]);

  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    result.start_error = std::string("cannot start a process: ") + std::strerror(errno);
    return result;
  }
  if (pid == 0) {
    child(path.c_str(), c_argv.data(), c_env.data(), out_write.fd, err_write.fd,
          working_dir.empty() ? nullptr : working_dir.c_str(), limits, c_join.data(), c_join.size(),
          parent);
  }
  ::setpgid(pid, pid);  // also here, so the group exists before either side goes on
  RunningGroup running(pid);
  out_write.reset();
  err_write.reset();

  // Did execve() succeed? The error pipe closes on exec, or carries what went wrong.
  int failure[2] = {0, 0};
  ssize_t got = 0;
  do {
    got = ::read(err_read.fd, failure, sizeof failure);
  } while (got < 0 && errno == EINTR);
  err_read.reset();
  if (got == static_cast<ssize_t>(sizeof failure)) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    running.release();
    result.start_error = start_error(path, working_dir, limits, failure[0], failure[1]);
    result.seconds = seconds_since(start);
    return result;
  }
  result.started = true;

  ::fcntl(out_read.fd, F_SETFL, ::fcntl(out_read.fd, F_GETFL) | O_NONBLOCK);
  std::vector<char> buffer(1 << 16);
  bool pipe_open = true;
  // Reads what is there now, at most a few buffers, so that a child writing without pause
  // cannot keep the grader from its clock.
  auto read_available = [&]() {
    for (int reads = 0; pipe_open && reads < 16; ++reads) {
      const ssize_t n = ::read(out_read.fd, buffer.data(), buffer.size());
      if (n > 0) {
        const auto count = static_cast<std::size_t>(n);
        result.output_bytes += count;
        const std::size_t cap = limits.output_limit_bytes;
        const std::size_t room =
            cap == 0 ? count : (result.output.size() < cap ? cap - result.output.size() : 0);
        result.output.append(buffer.data(), std::min(room, count));
      } else if (n == 0) {
        pipe_open = false;
      } else {
        if (errno == EINTR) continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK) pipe_open = false;
        return;
      }
    }
  };

  const bool has_deadline = limits.timeout_seconds > 0;
  const auto deadline =
      start + std::chrono::duration_cast<Clock::duration>(
                  std::chrono::duration<double>(has_deadline ? limits.timeout_seconds : 0));
  int status = 0;
  while (true) {
    // Has it ended? Look without reaping, so that its process group cannot disappear before it
    // is killed.
    siginfo_t info{};
    info.si_pid = 0;
    if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
        info.si_pid == pid)
      break;
    if (has_deadline && Clock::now() >= deadline) {
      result.timed_out = true;
      ::kill(-pid, SIGKILL);
      ::kill(pid, SIGKILL);
      break;
    }
    int wait_ms = 50;
    if (has_deadline) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      wait_ms = static_cast<int>(std::clamp<long long>(left.count() + 1, 1, 50));
    }
    if (pipe_open) {
      struct pollfd p {};
      p.fd = out_read.fd;
      p.events = POLLIN;
      const int ready = ::poll(&p, 1, wait_ms);
      if (ready > 0) read_available();
    } else {
      ::usleep(static_cast<useconds_t>(wait_ms) * 1000);
    }
  }
  // Whatever is left of its group goes too, then it is reaped.
  ::kill(-pid, SIGKILL);
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  running.release();
  result.seconds = seconds_since(start);
  if (result.timed_out) {
    result.signal = SIGKILL;
  } else if (WIFEXITED(status)) {
    result.exited = true;
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }

  // The rest of its output; a process outside the group may hold the pipe open, so only for a
  // moment.
  const auto drain_until = Clock::now() + std::chrono::milliseconds(200);
  while (pipe_open && Clock::now() < drain_until) {
    struct pollfd p {};
    p.fd = out_read.fd;
    p.events = POLLIN;
    if (::poll(&p, 1, 20) > 0) read_available();
  }
  result.output_truncated = result.output_bytes > result.output.size();
  return result;
}

}  // namespace dlc
