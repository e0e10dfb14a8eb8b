#include "common/remote.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <thread>

#include "common/checks.hpp"
#include "common/datasets.hpp"
#include "common/exercise.hpp"
#include "common/plot.hpp"
#include "common/process.hpp"
#include "common/training.hpp"

namespace dlc::remote {
namespace detail {

std::vector<Entry>& table() {
  static std::vector<Entry> entries;
  return entries;
}

bool add(const Entry& entry) {
  table().push_back(entry);
  return true;
}

}  // namespace detail

namespace {

using detail::Event;

/// The largest message either side accepts: far above any exercise's data (the cat images are
/// 20 MB), far below what would exhaust the judge.
constexpr std::uint64_t kMaxMessage = std::uint64_t{1} << 30;
/// What one call may print and have sent back; the rest is dropped.
constexpr std::size_t kMaxOutput = 1 << 20;
/// The longest exception message sent back.
constexpr std::size_t kMaxWhat = 64 << 10;

const detail::Entry* find_entry(const std::string& id) {
  for (const detail::Entry& e : detail::table())
    if (id == e.id) return &e;
  return nullptr;
}

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

/// False at end of file or on an error before `size` bytes.
bool read_all(int fd, char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::read(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool write_message(int fd, const std::string& message) {
  wire::Writer header;
  wire::put(header, static_cast<std::uint64_t>(message.size()));
  return write_all(fd, header.data().data(), header.data().size()) &&
         write_all(fd, message.data(), message.size());
}

enum class Read { kMessage, kEnd, kTooLarge };

Read read_message(int fd, std::string& message) {
  char header[8];
  if (!read_all(fd, header, sizeof header)) return Read::kEnd;
  wire::Reader r(std::string_view(header, sizeof header));
  const auto size = wire::get<std::uint64_t>(r);
  if (size > kMaxMessage) return Read::kTooLarge;
  message.resize(static_cast<std::size_t>(size));
  return read_all(fd, message.data(), message.size()) ? Read::kMessage : Read::kEnd;
}

// ---- The judge ----------------------------------------------------------------------------

struct Judge {
  pid_t runner = -1;
  int to_runner = -1;
  int from_runner = -1;
  std::string status_file;
  bool answered = false;  ///< the runner has answered at least one call
  std::string failure;    ///< why it stopped answering; empty while it answers
};

Judge& judge() {
  static Judge j;
  return j;
}

void write_status(const std::string& line) {
  std::ofstream file(judge().status_file, std::ios::trunc);
  file << line << "\n";
}

/// Waits for the runner to end, killing it after a grace period; `signal N`, `exited N`.
std::string reap_runner() {
  Judge& j = judge();
  if (j.runner <= 0) return "ok";
  int status = 0;
  pid_t done = 0;
  for (int i = 0; i < 100 && (done = ::waitpid(j.runner, &status, WNOHANG)) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  if (done == 0) {
    ::kill(j.runner, SIGKILL);
    done = ::waitpid(j.runner, &status, 0);
  }
  j.runner = -1;
  if (done < 0) return "ok";
  if (WIFSIGNALED(status)) return "signal " + std::to_string(WTERMSIG(status));
  // bubblewrap reports a child killed by signal N as the exit code 128 + N.
  if (WIFEXITED(status) && WEXITSTATUS(status) > 128 && WEXITSTATUS(status) < 128 + 65)
    return "signal " + std::to_string(WEXITSTATUS(status) - 128);
  if (WIFEXITED(status)) return "exited " + std::to_string(WEXITSTATUS(status));
  return "ok";
}

std::string describe_end(const std::string& status) {
  if (status.rfind("signal ", 0) == 0)
    return "the exercise's process was killed by signal " + status.substr(7) + " (" +
           signal_description(std::atoi(status.c_str() + 7)) + ")";
  if (status.rfind("exited ", 0) == 0)
    return "the exercise's process exited with code " + status.substr(7);
  return "the exercise's process stopped answering";
}

/// Stops using the runner: records why (for the grader) and throws it into the test.
[[noreturn]] void runner_failed(const std::string& status, const std::string& message) {
  Judge& j = judge();
  if (j.failure.empty()) {
    j.failure = message;
    if (j.to_runner >= 0) ::close(j.to_runner);
    j.to_runner = -1;
    if (j.runner > 0) ::kill(j.runner, SIGKILL);
    reap_runner();
    write_status(status + (j.answered ? "" : " before answering") + "\t" + message);
  }
  throw RunnerFailed(j.failure);
}

void end_judge() {
  Judge& j = judge();
  if (!j.failure.empty() || j.status_file.empty()) return;
  if (j.to_runner >= 0) ::close(j.to_runner);
  j.to_runner = -1;
  write_status("ended " + reap_runner());
}

/// Rewrites the first instruction of `from` into a jump to `to` (same signature).
void redirect(const void* from, const void* to) {
#if defined(__x86_64__)
  auto* code = static_cast<unsigned char*>(const_cast<void*>(from));
  const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const std::uintptr_t first = reinterpret_cast<std::uintptr_t>(code) & ~(page - 1);
  const std::uintptr_t last =
      (reinterpret_cast<std::uintptr_t>(code) + 12 + page - 1) & ~(page - 1);
  void* pages = reinterpret_cast<void*>(first);
  if (::mprotect(pages, last - first, PROT_READ | PROT_WRITE | PROT_EXEC) != 0)
    throw std::runtime_error(std::string("cannot redirect the exercise: mprotect: ") +
                             std::strerror(errno));
  const std::intptr_t delta =
      reinterpret_cast<std::intptr_t>(to) - (reinterpret_cast<std::intptr_t>(code) + 5);
  if (delta >= INT32_MIN && delta <= INT32_MAX) {
    const auto rel = static_cast<std::int32_t>(delta);
    code[0] = 0xE9;  // jmp rel32
    std::memcpy(code + 1, &rel, 4);
  } else {
    const auto address = reinterpret_cast<std::uint64_t>(to);
    code[0] = 0x48;  // movabs rax, address
    code[1] = 0xB8;
    std::memcpy(code + 2, &address, 8);
    code[10] = 0xFF;  // jmp rax
    code[11] = 0xE0;
  }
  ::mprotect(pages, last - first, PROT_READ | PROT_EXEC);
  __builtin___clear_cache(reinterpret_cast<char*>(code), reinterpret_cast<char*>(code) + 12);
#else
  (void)from;
  (void)to;
  throw std::runtime_error("grading in a separate process needs an x86-64 machine");
#endif
}

// ---- The runner ---------------------------------------------------------------------------

struct Capture {
  int fd;
  Event event;
};

Capture g_captures[2] = {{1, Event::kStdout}, {2, Event::kStderr}};
std::size_t g_output_left = kMaxOutput;
wire::Writer g_reply;

/// Points fd at an anonymous file whose contents flush_output() collects.
void capture(int fd, const char* name) {
  int file = ::memfd_create(name, 0);
  if (file < 0) {
    char path[] = "/tmp/dlc-output-XXXXXX";
    file = ::mkstemp(path);
    if (file >= 0) ::unlink(path);
  }
  if (file < 0) return;
  ::dup2(file, fd);
  ::close(file);
}

enum class Kind : std::uint8_t {
  kNotImplemented,
  kShapeError,
  kDataError,
  kTrainingDiverged,
  kPlotError,
  kInvalidArgument,
  kDomainError,
  kLengthError,
  kOutOfRange,
  kLogicError,
  kRangeError,
  kOverflowError,
  kUnderflowError,
  kRuntimeError,
  kBadAlloc,
  kOther,
  kNonStandard,
};

std::string capped(const char* what) {
  std::string s(what ? what : "");
  if (s.size() > kMaxWhat) s.resize(kMaxWhat);
  return s;
}

}  // namespace

namespace detail {

std::string exchange(const std::string& request) {
  Judge& j = judge();
  if (!j.failure.empty()) throw RunnerFailed(j.failure);
  if (!write_message(j.to_runner, request)) {
    const std::string status = reap_runner();
    runner_failed(status, describe_end(status));
  }
  std::string answer;
  switch (read_message(j.from_runner, answer)) {
    case Read::kMessage:
      j.answered = true;
      return answer;
    case Read::kTooLarge:
      runner_failed("garbled", "the exercise's process sent an answer larger than 1 GiB");
    case Read::kEnd:
      break;
  }
  const std::string status = reap_runner();
  runner_failed(status, describe_end(status) + " during this call");
}

void garbled(const std::string& why) {
  runner_failed("garbled", "the exercise's process sent what is not an answer (" + why + ")");
}

wire::Writer& reply() { return g_reply; }

void flush_output() {
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  for (const Capture& c : g_captures) {
    const off_t size = ::lseek(c.fd, 0, SEEK_END);
    if (size <= 0) continue;
    const std::size_t keep = std::min(static_cast<std::size_t>(size), g_output_left);
    std::string text(keep, '\0');
    const ssize_t n = keep > 0 ? ::pread(c.fd, text.data(), keep, 0) : 0;
    text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
    g_output_left -= text.size();
    if (text.size() < static_cast<std::size_t>(size))
      text += "\n(output cut: a call may print " + std::to_string(kMaxOutput >> 20) + " MiB)\n";
    wire::put(g_reply, c.event);
    wire::put(g_reply, text);
    if (::ftruncate(c.fd, 0) != 0) {
      // A file that cannot be emptied keeps its text; it is sent once more at worst.
    }
    ::lseek(c.fd, 0, SEEK_SET);
  }
  // A write that failed (past the file size limit) left the streams failed: the next call's
  // output is captured again.
  std::cout.clear();
  std::cerr.clear();
  std::clearerr(stdout);
  std::clearerr(stderr);
}

void put_exception(wire::Writer& w, std::exception_ptr e) {
  auto put = [&](Kind kind, const char* what) {
    wire::put(w, kind);
    wire::put(w, capped(what));
  };
  try {
    std::rethrow_exception(e);
  } catch (const NotImplemented& x) {
    wire::put(w, Kind::kNotImplemented);
    wire::put(w, capped(x.exercise().c_str()));
    wire::put(w, capped(x.file().c_str()));
  } catch (const ShapeError& x) {
    put(Kind::kShapeError, x.what());
  } catch (const DataError& x) {
    put(Kind::kDataError, x.what());
  } catch (const TrainingDiverged& x) {
    wire::put(w, Kind::kTrainingDiverged);
    wire::put(w, x.cost());
    wire::put(w, static_cast<std::int64_t>(x.iteration()));
    wire::put(w, x.learning_rate());
  } catch (const plot::PlotError& x) {
    put(Kind::kPlotError, x.what());
  } catch (const std::invalid_argument& x) {
    put(Kind::kInvalidArgument, x.what());
  } catch (const std::domain_error& x) {
    put(Kind::kDomainError, x.what());
  } catch (const std::length_error& x) {
    put(Kind::kLengthError, x.what());
  } catch (const std::out_of_range& x) {
    put(Kind::kOutOfRange, x.what());
  } catch (const std::logic_error& x) {
    put(Kind::kLogicError, x.what());
  } catch (const std::range_error& x) {
    put(Kind::kRangeError, x.what());
  } catch (const std::overflow_error& x) {
    put(Kind::kOverflowError, x.what());
  } catch (const std::underflow_error& x) {
    put(Kind::kUnderflowError, x.what());
  } catch (const std::runtime_error& x) {
    put(Kind::kRuntimeError, x.what());
  } catch (const std::bad_alloc& x) {
    put(Kind::kBadAlloc, x.what());
  } catch (const std::exception& x) {
    put(Kind::kOther, x.what());
  } catch (...) {
    put(Kind::kNonStandard, "");
  }
}

void rethrow(wire::Reader& r) {
  const auto kind = wire::get<Kind>(r);
  if (kind == Kind::kNotImplemented) {
    auto exercise = wire::get<std::string>(r);
    auto file = wire::get<std::string>(r);
    if (!r.done()) garbled("bytes after the exception");
    throw NotImplemented(std::move(exercise), std::move(file));
  }
  if (kind == Kind::kTrainingDiverged) {
    const auto cost = wire::get<double>(r);
    const auto iteration = wire::get<std::int64_t>(r);
    const auto learning_rate = wire::get<double>(r);
    if (!r.done()) garbled("bytes after the exception");
    throw TrainingDiverged(cost, static_cast<long>(iteration), learning_rate);
  }
  const auto what = wire::get<std::string>(r);
  if (!r.done()) garbled("bytes after the exception");
  switch (kind) {
    case Kind::kShapeError:
      throw ShapeError(what);
    case Kind::kDataError:
      throw DataError(what);
    case Kind::kPlotError:
      throw plot::PlotError(what);
    case Kind::kInvalidArgument:
      throw std::invalid_argument(what);
    case Kind::kDomainError:
      throw std::domain_error(what);
    case Kind::kLengthError:
      throw std::length_error(what);
    case Kind::kOutOfRange:
      throw std::out_of_range(what);
    case Kind::kLogicError:
      throw std::logic_error(what);
    case Kind::kRangeError:
      throw std::range_error(what);
    case Kind::kOverflowError:
      throw std::overflow_error(what);
    case Kind::kUnderflowError:
      throw std::underflow_error(what);
    case Kind::kRuntimeError:
      throw std::runtime_error(what);
    case Kind::kBadAlloc:
      throw std::bad_alloc();
    case Kind::kOther:
      throw RemoteException(what);
    case Kind::kNonStandard:
      throw RemoteNonStandardException{};
    default:
      garbled("an unknown kind of exception");
  }
}

void replay_output(Event event, wire::Reader& r) {
  const auto text = wire::get<std::string>(r);
  std::ostream& os = event == Event::kStdout ? std::cout : std::cerr;
  os << text;
  os.flush();
}

}  // namespace detail

void start_judge(const std::string& id, const std::vector<std::string>& runner_command,
                 const std::string& status_file) {
  const detail::Entry* entry = find_entry(id);
  if (entry == nullptr)
    throw std::invalid_argument("this test program has no exercise " + id +
                                " to send to another process");
  if (runner_command.empty()) throw std::invalid_argument("no command to start the runner");
  Judge& j = judge();
  j.status_file = status_file;
  ::signal(SIGPIPE, SIG_IGN);
  int requests[2], replies[2];
  if (::pipe2(requests, O_CLOEXEC) != 0 || ::pipe2(replies, O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("cannot start the runner: pipe: ") + std::strerror(errno));
  std::vector<char*> argv;
  for (const std::string& a : runner_command) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0)
    throw std::runtime_error(std::string("cannot start the runner: fork: ") + std::strerror(errno));
  if (pid == 0) {
    // Fds 3 and 4 of the runner: its requests and its replies. Moved above 4 first, so that
    // neither dup2 overwrites the other.
    const int in = ::fcntl(requests[0], F_DUPFD_CLOEXEC, 10);
    const int out = ::fcntl(replies[1], F_DUPFD_CLOEXEC, 10);
    const int null = ::open("/dev/null", O_RDWR);
    if (in < 0 || out < 0 || null < 0 || ::dup2(in, 3) < 0 || ::dup2(out, 4) < 0 ||
        ::dup2(null, 0) < 0 || ::dup2(null, 1) < 0 || ::dup2(null, 2) < 0)
      ::_exit(126);
    // Nothing of the judge's environment (the grader's) goes with it: the command sets what the
    // runner needs (bubblewrap's --setenv), and a sandbox's first process, which keeps the
    // environment it started with, is readable from inside as /proc/1/environ.
    char* no_environment[] = {nullptr};
    ::execvpe(argv[0], argv.data(), no_environment);
    ::_exit(127);
  }
  ::close(requests[0]);
  ::close(replies[1]);
  j.runner = pid;
  j.to_runner = requests[1];
  j.from_runner = replies[0];
  std::atexit(end_judge);
  redirect(entry->function, entry->proxy);
}

int serve(const std::string& id, int requests, int replies) {
  const detail::Entry* entry = find_entry(id);
  if (entry == nullptr) return 2;
  capture(1, "stdout");
  capture(2, "stderr");
  // Output past the file size limit is cut (flush_output() keeps 1 MiB of each call's anyway),
  // not the end of the process: a write over the limit fails instead of raising SIGXFSZ.
  ::signal(SIGXFSZ, SIG_IGN);
  for (;;) {
    std::string request;
    const Read got = read_message(requests, request);
    if (got == Read::kEnd) return 0;
    if (got == Read::kTooLarge) return 3;
    try {
      wire::Reader in(request);
      if (wire::get<std::string>(in) != id) return 3;
      g_reply = wire::Writer();
      g_output_left = kMaxOutput;
      entry->serve(in);
    } catch (const wire::ProtocolError&) {
      return 3;
    }
    if (!write_message(replies, g_reply.take())) return 0;
  }
}

}  // namespace dlc::remote
