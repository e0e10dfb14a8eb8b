// The sandbox and the control group a submission runs in, tried from inside by
// dlc-sandbox-test-helper: each case is one way out, and checks that it is closed. On a machine
// where bubblewrap cannot run, or no cgroup is writable, the cases say so and are skipped.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "apps/grader/sandbox.hpp"
#include "common/files.hpp"
#include "common/process.hpp"

using dlc::ProcessResult;
using dlc::run_process;
using dlc::RunLimits;
using dlc::TempDir;
using dlc::grader::sandboxed;
using dlc::grader::SandboxSpec;
using dlc::grader::SubmissionCgroup;
using dlc::grader::SubmissionLimits;
namespace fs = std::filesystem;

namespace {

const std::string kHelper = DLC_SANDBOX_HELPER;
const std::string kInside = "/grade/dlc-sandbox-test-helper";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// False, with a warning saying why, when this machine cannot run a sandbox.
bool sandbox_available() {
  const std::string why = dlc::grader::sandbox_unavailable_reason();
  if (!why.empty()) WARN("skipped: no sandbox on this machine: " << why);
  return why.empty();
}

/// The helper bound read-only at kInside, the sanitizers' options and one variable of our own.
SandboxSpec helper_spec() {
  SandboxSpec spec;
  spec.read_only = {{kHelper, kInside}};
  spec.env = dlc::grader::sanitizer_environment();
  spec.env.push_back("PATH=/usr/bin:/bin");
  spec.env.push_back("DLC_SANDBOX_TEST=value with spaces = and equals");
  return spec;
}

RunLimits limits(double timeout = 20) {
  RunLimits l;
  l.timeout_seconds = timeout;
  l.output_limit_bytes = 64 << 10;
  return l;
}

ProcessResult inside(const SandboxSpec& spec, const std::vector<std::string>& args,
                     const RunLimits& run_limits = limits()) {
  std::vector<std::string> command = {kInside};
  command.insert(command.end(), args.begin(), args.end());
  ProcessResult r =
      dlc::grader::sandboxed_result(run_process(sandboxed(spec, command), {}, run_limits));
  INFO("inside: " << args.front() << " -> " << r.output);
  REQUIRE(r.started);
  return r;
}

bool exited_with(const ProcessResult& r, int code) { return r.exited && r.exit_code == code; }

/// The processes whose command line holds `marker`.
std::vector<int> processes_with(const std::string& marker) {
  std::vector<int> found;
  std::error_code ec;
  for (auto it = fs::directory_iterator("/proc", ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmdline = slurp(it->path().string() + "/cmdline");
    std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
    const std::string stat = slurp(it->path().string() + "/stat");
    if (contains(cmdline, marker) && !contains(stat, ") Z ")) found.push_back(std::stoi(name));
  }
  return found;
}

/// Waits up to a second for no process to hold `marker`.
bool none_left_with(const std::string& marker) {
  for (int i = 0; i < 100; ++i) {
    if (processes_with(marker).empty()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

/// Waits up to `seconds` for `group` to hold no process: processes the kernel has just killed
/// leave their group a moment later, later still on a loaded machine.
bool empties_within(const SubmissionCgroup& group, double seconds) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!group.empty()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

/// A TCP socket listening on 127.0.0.1 at a free port.
struct Listener {
  int fd = -1;
  int port = 0;
  Listener() {
    fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0 &&
        ::listen(fd, 8) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0)
      port = ntohs(address.sin_port);
  }
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;
  ~Listener() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

TEST_CASE("sandbox: only the binds of the host are visible, read-only ones cannot be written",
          "[sandbox]") {
  if (!sandbox_available()) return;
  TempDir temp("dlc-sandbox-test");
  const fs::path data = temp.path() / "data";
  const fs::path out = temp.path() / "out";
  fs::create_directories(data);
  fs::create_directories(out);
  std::ofstream(data / "given.txt") << "given\n";
  SandboxSpec spec = helper_spec();
  spec.read_only.push_back({data.string(), "/data"});
  spec.read_write.push_back({out.string(), "/out"});
  spec.working_dir = "/out";

  // The host's files are there outside, and not inside.
  REQUIRE(fs::exists("/etc/passwd"));
  CHECK(exited_with(inside(spec, {"read", "/etc/passwd"}), 1));
  REQUIRE(fs::exists(DLC_SOURCE_DIR "/CMakeLists.txt"));
  CHECK(exited_with(inside(spec, {"read", DLC_SOURCE_DIR "/CMakeLists.txt"}), 1));
  CHECK(exited_with(inside(spec, {"read", kHelper}), 1));  // its host path, not its bind
  // What is bound is.
  CHECK(exited_with(inside(spec, {"read", "/data/given.txt"}), 0));
  CHECK(exited_with(inside(spec, {"read", "/usr/include/stdio.h"}), 0));

  // A read-only bind, the root and /usr cannot be written; a read-write bind can.
  ProcessResult r = inside(spec, {"fill", "/data/given.txt", "10"});
  CHECK(exited_with(r, 1));
  CHECK(contains(r.output, "Read-only file system"));
  CHECK(slurp((data / "given.txt").string()) == "given\n");
  CHECK(exited_with(inside(spec, {"fill", "/data/new.txt", "10"}), 1));
  CHECK(!fs::exists(data / "new.txt"));
  CHECK(exited_with(inside(spec, {"fill", "/planted", "10"}), 1));
  CHECK(exited_with(inside(spec, {"fill", "/usr/planted", "10"}), 1));
  CHECK(!fs::exists("/usr/planted"));
  CHECK(exited_with(inside(spec, {"fill", "/out/made.txt", "10"}), 0));
  CHECK(fs::file_size(out / "made.txt") == 10);
  // Relative to the working folder.
  CHECK(exited_with(inside(spec, {"fill", "relative.txt", "3"}), 0));
  CHECK(fs::file_size(out / "relative.txt") == 3);
}

TEST_CASE("sandbox: no network, exactly the environment given, its own PIDs", "[sandbox]") {
  if (!sandbox_available()) return;
  const SandboxSpec spec = helper_spec();

  // A port this process listens on: reachable from here, not from inside.
  Listener listener;
  REQUIRE(listener.port > 0);
  const std::string port = std::to_string(listener.port);
  ProcessResult r =
      run_process({kHelper, "connect", port},
                  dlc::environment_with(dlc::grader::sanitizer_environment()), limits());
  CHECK(exited_with(r, 0));  // the listener works
  r = inside(spec, {"connect", port});
  CHECK(exited_with(r, 1));
  CHECK(contains(r.output, "cannot connect"));

  // The environment: spec.env and nothing else, whatever this process has.
  REQUIRE(::setenv("DLC_SANDBOX_LEAK", "secret", 1) == 0);
  r = inside(spec, {"env"});
  CHECK(exited_with(r, 0));
  std::multiset<std::string> seen;
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);) seen.insert(line);
  std::multiset<std::string> expected(spec.env.begin(), spec.env.end());
  expected.insert("PWD=" + spec.working_dir);
  CHECK(seen == expected);
  ::unsetenv("DLC_SANDBOX_LEAK");

  // A PID namespace of its own: it is a low PID, and this process is not there to signal.
  const int me = static_cast<int>(::getpid());
  r = inside(spec, {"pid", std::to_string(me)});
  int seen_pid = 0;
  std::istringstream(r.output.substr(r.output.find("pid ") + 4)) >> seen_pid;
  CHECK(seen_pid > 0);
  CHECK(seen_pid < 10);
  CHECK(exited_with(r, 1));
  CHECK(contains(r.output, "cannot signal " + std::to_string(me)));
  // Nor its parent's parent, the first process of this machine's namespace.
  if (me > 10) {
    r = inside(spec, {"pid", std::to_string(::getppid())});
    CHECK(exited_with(r, 1));
  }
}

TEST_CASE("sandbox: the command's exit code, or the signal that ended it", "[sandbox]") {
  if (!sandbox_available()) return;
  const SandboxSpec spec = helper_spec();
  CHECK(exited_with(inside(spec, {"exit", "0"}), 0));
  CHECK(exited_with(inside(spec, {"exit", "3"}), 3));
  // A crash is the signal, also in a sanitized build (sanitizer_environment()).
  const ProcessResult r = inside(spec, {"segfault"});
  CHECK(!r.exited);
  CHECK(r.signal == SIGSEGV);
}

TEST_CASE("sandbox: /tmp is private and as large as tmp_bytes", "[sandbox]") {
  if (!sandbox_available()) return;
  SandboxSpec spec = helper_spec();
  spec.tmp_bytes = 1 << 20;
  const std::string name = "dlc-sandbox-test-" + std::to_string(::getpid());
  const std::string host_file = (fs::temp_directory_path() / name).string();
  std::ofstream(host_file) << "host\n";
  CHECK(exited_with(inside(spec, {"read", "/tmp/" + name}), 1));  // the host's /tmp is not there
  fs::remove(host_file);

  ProcessResult r = inside(spec, {"fill", "/tmp/" + name, std::to_string(512 << 10)});
  CHECK(exited_with(r, 0));
  CHECK(!fs::exists(host_file));  // nor does its /tmp reach the host's
  r = inside(spec, {"fill", "/tmp/big", std::to_string(2 << 20)});
  CHECK(exited_with(r, 1));
  CHECK(contains(r.output, "No space left on device"));
  r = inside(spec, {"fill", "/dev/shm/big", std::to_string(2 << 20)});
  CHECK(exited_with(r, 1));
  CHECK(exited_with(inside(spec, {"fill", "/dev/planted", "1"}), 1));
}

TEST_CASE("sandbox: nothing it starts outlives it", "[sandbox]") {
  if (!sandbox_available()) return;
  const std::string marker = "dlc-sandbox-marker-" + std::to_string(::getpid());
  const ProcessResult r = inside(helper_spec(), {"background", marker});
  CHECK(exited_with(r, 0));
  CHECK(contains(r.output, "left " + marker + " running"));
  // Its own session, out of the process group run_process() kills: only the PID namespace
  // takes it.
  CHECK(none_left_with(marker));
}

TEST_CASE("sandbox: a submission's control group bounds processes and memory together",
          "[sandbox]") {
  if (!sandbox_available()) return;
  const SandboxSpec spec = helper_spec();
  {
    SubmissionLimits few;
    few.max_processes = 16;
    few.memory_bytes = 1ull << 30;
    SubmissionCgroup group(few);
    if (!group.enforced()) {
      WARN("skipped: no control group limits a submission here: " << group.why_not());
      return;
    }
    CHECK(group.why_not().empty());
    CHECK(!group.join_files().empty());
    CHECK(group.empty());
    CHECK(!group.process_limit_hit());
    RunLimits run = limits();
    run.join_cgroup_files = group.join_files();
    const ProcessResult r = inside(spec, {"forkbomb"}, run);
    CHECK(exited_with(r, 0));
    int forked = -1;
    const auto at = r.output.find("forked ");
    if (at != std::string::npos) std::istringstream(r.output.substr(at + 7)) >> forked;
    CHECK(forked >= 0);
    CHECK(forked < 16);  // bwrap's own two processes count too
    CHECK(group.process_limit_hit());
    CHECK(!group.memory_limit_hit());
    CHECK(empties_within(group, 5.0));  // the sandbox took its children with it
  }
  {
    SubmissionLimits small;
    small.memory_bytes = 128u << 20;
    SubmissionCgroup group(small);
    REQUIRE(group.enforced());
    RunLimits run = limits();
    run.join_cgroup_files = group.join_files();
    // 64 MiB fit; 1 GiB is stopped, by std::bad_alloc or by the kernel's OOM killer.
    ProcessResult r = inside(spec, {"alloc", "64"}, run);
    CHECK(exited_with(r, 0));
    CHECK(!group.memory_limit_hit());
    r = inside(spec, {"alloc", "1024"}, run);
    INFO("exit code " << r.exit_code << ", signal " << r.signal << ": " << r.output);
    CHECK(!exited_with(r, 0));
    CHECK((exited_with(r, 7) || r.signal == SIGKILL));
    CHECK(group.memory_limit_hit());
    CHECK(!group.process_limit_hit());
  }
  {
    // A process that leaves the process group is still in the control group: kill_all() ends it,
    // and the destructor removes the group.
    std::vector<std::string> folders;
    const std::string marker = "dlc-cgroup-marker-" + std::to_string(::getpid());
    {
      SubmissionCgroup group(SubmissionLimits{});
      REQUIRE(group.enforced());
      folders = group.folders();
      RunLimits run = limits();
      run.join_cgroup_files = group.join_files();
      const ProcessResult r =
          run_process({kHelper, "background", marker},
                      dlc::environment_with(dlc::grader::sanitizer_environment()), run);
      CHECK(exited_with(r, 0));
      CHECK(processes_with(marker).size() == 1);
      CHECK(!group.empty());
      group.kill_all();
      CHECK(group.empty());
      CHECK(none_left_with(marker));
    }
    for (const auto& f : folders) CHECK(!fs::exists(f));
  }
}

TEST_CASE("process: a control group that cannot be joined is a start error", "[sandbox]") {
  RunLimits run = limits();
  run.join_cgroup_files = {"/nonexistent/cgroup.procs"};
  const ProcessResult r = run_process({kHelper, "env"}, {}, run);
  CHECK(!r.started);
  CHECK(r.start_error == "cannot join the control group of " + kHelper +
                             " (/nonexistent/cgroup.procs): No such file or directory");
}

TEST_CASE("process: RLIMIT_NPROC is the fallback limit of processes", "[sandbox]") {
  if (::getuid() == 0) {
    WARN("skipped: root is exempt from RLIMIT_NPROC");
    return;
  }
  RunLimits run = limits();
  run.max_processes = dlc::running_processes_of_this_user() + 16;
  const ProcessResult r = run_process(
      {kHelper, "forkbomb"}, dlc::environment_with(dlc::grader::sanitizer_environment()), run);
  CHECK(exited_with(r, 0));
  CHECK(contains(r.output, "Resource temporarily unavailable"));
}
