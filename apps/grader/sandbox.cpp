// The bubblewrap sandbox and the control group of a submission.

#include "apps/grader/sandbox.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <thread>

#include "common/files.hpp"

namespace dlc::grader {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

/// How long kill_all() waits for the group to empty, and remove() for its folders to go.
constexpr auto kEmptyWait = std::chrono::seconds(2);

// ---- the sandbox -----------------------------------------------------------------------------

std::size_t depth(const std::string& path) {
  return static_cast<std::size_t>(std::count(path.begin(), path.end(), '/'));
}

/// The binds of `spec.system`: /usr, /lib*, /bin, /sbin as on the host (a symlink stays a
/// symlink), /etc/ld.so.cache and /etc/alternatives.
void system_binds(std::vector<std::string>& argv) {
  std::vector<std::string> names = {"usr"};
  std::error_code ec;
  std::vector<std::string> libs;
  for (auto it = fs::directory_iterator("/", ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("lib", 0) == 0) libs.push_back(name);
  }
  std::sort(libs.begin(), libs.end());
  names.insert(names.end(), libs.begin(), libs.end());
  names.push_back("bin");
  names.push_back("sbin");
  for (const auto& name : names) {
    const fs::path host = fs::path("/") / name;
    const auto status = fs::symlink_status(host, ec);
    if (ec || !fs::exists(status)) continue;
    if (fs::is_symlink(status)) {
      const fs::path target = fs::read_symlink(host, ec);
      if (!ec) argv.insert(argv.end(), {"--symlink", target.string(), host.string()});
    } else if (fs::is_directory(status)) {
      argv.insert(argv.end(), {"--ro-bind", host.string(), host.string()});
    }
  }
  for (const char* file : {"/etc/ld.so.cache", "/etc/alternatives"})
    if (fs::exists(file, ec)) argv.insert(argv.end(), {"--ro-bind", file, file});
}

// ---- files of a control group ----------------------------------------------------------------

/// A control group's or /proc's file; empty when it cannot be read.
std::string read_text(const std::string& path) { return read_file(path).value_or(std::string()); }

/// Writes `text` to a control group's file; on failure, why (empty on success).
std::string write_text(const std::string& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return "cannot open " + path + ": " + std::strerror(errno);
  const ssize_t n = ::write(fd, text.data(), text.size());
  const int error = errno;
  ::close(fd);
  if (n != static_cast<ssize_t>(text.size()))
    return "cannot write \"" + text + "\" to " + path + ": " + std::strerror(error);
  return {};
}

/// The value of `key` in a flat-keyed file (`oom_kill 3`, `max 0`); -1 when absent.
long long keyed_value(const std::string& text, const std::string& key) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string k;
    long long v = 0;
    if (words >> k >> v && k == key) return v;
  }
  return -1;
}

std::vector<std::string> words_of(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

bool has_word(const std::string& text, const std::string& word) {
  const auto w = words_of(text);
  return std::find(w.begin(), w.end(), word) != w.end();
}

/// One mount of a cgroup file system, from /proc/self/mountinfo.
struct CgroupMount {
  std::string root;         ///< the folder of the hierarchy mounted there
  std::string mount_point;  ///< where
  bool v2 = false;
  std::vector<std::string> controllers;  ///< of a v1 mount: its super options (pids, memory ...)
};

std::vector<CgroupMount> cgroup_mounts() {
  std::vector<CgroupMount> mounts;
  std::istringstream in(read_text("/proc/self/mountinfo"));
  for (std::string line; std::getline(in, line);) {
    const auto dash = line.find(" - ");
    if (dash == std::string::npos) continue;
    const auto before = words_of(line.substr(0, dash));
    const auto after = words_of(line.substr(dash + 3));
    if (before.size() < 5 || after.size() < 3) continue;
    CgroupMount m;
    m.root = before[3];
    m.mount_point = before[4];
    if (after[0] == "cgroup2") {
      m.v2 = true;
    } else if (after[0] == "cgroup") {
      std::stringstream options(after[2]);
      for (std::string o; std::getline(options, o, ',');) m.controllers.push_back(o);
    } else {
      continue;
    }
    mounts.push_back(m);
  }
  return mounts;
}

/// This process's group in the hierarchy of `controller` (v1), or in the v2 hierarchy when
/// `controller` is empty: the path /proc/self/cgroup writes.
std::string own_group(const std::string& controller) {
  std::istringstream in(read_text("/proc/self/cgroup"));
  for (std::string line; std::getline(in, line);) {
    const auto first = line.find(':');
    const auto second = line.find(':', first + 1);
    if (first == std::string::npos || second == std::string::npos) continue;
    const std::string hierarchy = line.substr(0, first);
    const std::string list = line.substr(first + 1, second - first - 1);
    const std::string path = line.substr(second + 1);
    if (controller.empty()) {
      if (hierarchy == "0" && list.empty()) return path;
      continue;
    }
    std::stringstream names(list);
    for (std::string n; std::getline(names, n, ',');)
      if (n == controller) return path;
  }
  return {};
}

/// The folder of group `group` (a /proc/self/cgroup path) under mount `m`; empty when the mount
/// does not show it.
std::string folder_of(const CgroupMount& m, const std::string& group) {
  std::string root = m.root == "/" ? "" : m.root;
  if (group.compare(0, root.size(), root) != 0) return {};
  const std::string dir = m.mount_point + group.substr(root.size());
  std::error_code ec;
  return fs::is_directory(dir, ec) ? dir : std::string();
}

std::string join_path(const std::string& dir, const std::string& name) {
  return dir.empty() || dir.back() != '/' ? dir + "/" + name : dir + name;
}

std::atomic<unsigned> g_group_count{0};

/// The folder under which this process makes its v2 groups, once it has one (see create_v2).
std::mutex g_v2_mutex;
std::string g_v2_parent;

int pidfd_open(int pid) { return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)); }
int pidfd_send_signal(int fd, int sig) {
  return static_cast<int>(::syscall(SYS_pidfd_send_signal, fd, sig, nullptr, 0));
}

}  // namespace

// ---- the sandbox -----------------------------------------------------------------------------

std::vector<std::string> sandboxed(const SandboxSpec& spec,
                                   const std::vector<std::string>& command) {
  std::string bwrap = find_executable("bwrap");
  if (bwrap.empty()) bwrap = "bwrap";
  std::vector<std::string> argv = {
      bwrap,           "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent",
      "--new-session", "--hostname",    "sandbox",        "--clearenv"};
  for (const auto& e : spec.env) {
    const auto eq = e.find('=');
    if (eq == std::string::npos || eq == 0) continue;
    argv.insert(argv.end(), {"--setenv", e.substr(0, eq), e.substr(eq + 1)});
  }
  if (spec.system) system_binds(argv);
  argv.insert(argv.end(), {"--proc", "/proc", "--dev", "/dev"});
  const std::string size = std::to_string(spec.tmp_bytes);
  argv.insert(argv.end(),
              {"--size", size, "--tmpfs", "/tmp", "--size", size, "--tmpfs", "/dev/shm"});

  // Parents first, so that a bind inside another is mounted over it; at equal depth the
  // read-only one last, so it wins.
  struct Bind {
    std::string host, inside;
    bool writable;
  };
  std::vector<Bind> binds;
  for (const auto& [host, inside] : spec.read_write) binds.push_back({host, inside, true});
  for (const auto& [host, inside] : spec.read_only) binds.push_back({host, inside, false});
  std::stable_sort(binds.begin(), binds.end(),
                   [](const Bind& a, const Bind& b) { return depth(a.inside) < depth(b.inside); });
  for (const auto& b : binds)
    argv.insert(argv.end(), {b.writable ? "--bind" : "--ro-bind", b.host, b.inside});

  argv.insert(argv.end(),
              {"--remount-ro", "/dev", "--remount-ro", "/", "--chdir",
               spec.working_dir.empty() ? "/" : spec.working_dir, "--cap-drop", "ALL", "--"});
  argv.insert(argv.end(), command.begin(), command.end());
  return argv;
}

ProcessResult sandboxed_result(ProcessResult run) {
  constexpr int kSignalBase = 128;
  if (run.started && run.exited && run.exit_code > kSignalBase &&
      run.exit_code <= kSignalBase + 64) {
    run.exited = false;
    run.signal = run.exit_code - kSignalBase;
    run.exit_code = -1;
  }
  return run;
}

std::string sandbox_unavailable_reason() {
  static const std::string reason = [] {
    if (find_executable("bwrap").empty())
      return std::string("bubblewrap (bwrap) is not installed: apt-get install bubblewrap");
    std::string truth = find_executable("true");
    if (truth.empty()) truth = "/usr/bin/true";
    RunLimits limits;
    limits.timeout_seconds = 30;
    limits.output_limit_bytes = 4096;
    const ProcessResult run = run_process(sandboxed(SandboxSpec{}, {truth}), {}, limits);
    if (run.started && run.exited && run.exit_code == 0) return std::string();
    std::string why = run.started ? run.output : run.start_error;
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    if (const auto nl = why.rfind('\n'); nl != std::string::npos) why = why.substr(nl + 1);
    if (why.empty())
      why = run.timed_out ? "a trial run did not end in 30 s"
            : run.exited  ? "a trial run ended with exit code " + std::to_string(run.exit_code)
                          : "a trial run ended with " + signal_description(run.signal);
    return "bwrap cannot create namespaces here: " + why;
  }();
  return reason;
}

std::vector<std::string> sanitizer_environment(std::size_t memory_limit_bytes) {
  // handle_segv/handle_sigbus/handle_sigfpe=0: the signal ends the program as it would without
  // AddressSanitizer; handle_abort=0 and abort_on_error=1 likewise for abort() and for
  // AddressSanitizer's own reports; detect_leaks=0: no leak report turns a passing run into a
  // failing exit code.
  const std::string rss_limit =
      memory_limit_bytes > 0 ? ":hard_rss_limit_mb=" + std::to_string(memory_limit_bytes >> 20)
                             : "";
  return {
      "ASAN_OPTIONS=handle_segv=0:handle_sigbus=0:handle_sigfpe=0:handle_abort=0:"
      "allow_user_segv_handler=1:abort_on_error=1:detect_leaks=0" +
          rss_limit,
      "UBSAN_OPTIONS=handle_segv=0:handle_sigbus=0:handle_sigfpe=0:handle_abort=0:"
      "allow_user_segv_handler=1:print_stacktrace=1:halt_on_error=0",
      "LSAN_OPTIONS=detect_leaks=0",
  };
}

// ---- the control group -----------------------------------------------------------------------

SubmissionCgroup::SubmissionCgroup(const SubmissionLimits& limits) {
  const std::string name = "dlc-submission-" + std::to_string(::getpid()) + "-" +
                           std::to_string(g_group_count.fetch_add(1));
  std::string v1_why;
  if (create_v1(limits, name) && trial_join()) {
    why_not_.clear();
  } else {
    v1_why = why_not_;
    remove();
    why_not_.clear();
    if (!(create_v2(limits, name) && trial_join())) {
      remove();
      // Both reasons, but of a kind of cgroup the machine does not have, none.
      if (why_not_.rfind("cgroup v2: no cgroup2", 0) == 0)
        why_not_ = v1_why;
      else if (v1_why.rfind("cgroup v1: no ", 0) != 0)
        why_not_ = v1_why + "; " + why_not_;
    }
  }
  if (!why_not_.empty()) {
    hierarchies_.clear();
    return;
  }
  for (const auto& h : hierarchies_) {
    join_files_.push_back(join_path(h.dir, "cgroup.procs"));
    folders_.push_back(h.dir);
  }
}

bool SubmissionCgroup::create_v1(const SubmissionLimits& limits, const std::string& name) {
  v2_ = false;
  const auto mounts = cgroup_mounts();
  for (const std::string controller : {"pids", "memory"}) {
    const auto m = std::find_if(mounts.begin(), mounts.end(), [&](const CgroupMount& c) {
      return !c.v2 && std::find(c.controllers.begin(), c.controllers.end(), controller) !=
                          c.controllers.end();
    });
    if (m == mounts.end()) {
      why_not_ = "cgroup v1: no " + controller + " hierarchy is mounted";
      return false;
    }
    const std::string group = own_group(controller);
    std::string parent = folder_of(*m, group);
    std::string parent_group = group;
    if (parent.empty()) {  // this process's group is not visible: the hierarchy's root
      parent = m->mount_point;
      parent_group = m->root;
    }
    Hierarchy h;
    h.dir = join_path(parent, name);
    h.relative = join_path(parent_group, name);
    h.controller = controller;
    if (::mkdir(h.dir.c_str(), 0755) != 0) {
      why_not_ = "cgroup v1: cannot make " + h.dir + ": " + std::strerror(errno);
      return false;
    }
    hierarchies_.push_back(h);
  }
  std::string failed = write_text(file("pids", "pids.max"), std::to_string(limits.max_processes));
  if (failed.empty())
    failed =
        write_text(file("memory", "memory.limit_in_bytes"), std::to_string(limits.memory_bytes));
  // Swap counts too, where the kernel accounts it.
  const std::string memsw = file("memory", "memory.memsw.limit_in_bytes");
  if (failed.empty() && ::access(memsw.c_str(), F_OK) == 0)
    failed = write_text(memsw, std::to_string(limits.memory_bytes));
  if (!failed.empty()) {
    why_not_ = "cgroup v1: " + failed;
    return false;
  }
  return true;
}

bool SubmissionCgroup::create_v2(const SubmissionLimits& limits, const std::string& name) {
  v2_ = true;
  const auto mounts = cgroup_mounts();
  const auto m =
      std::find_if(mounts.begin(), mounts.end(), [](const CgroupMount& c) { return c.v2; });
  if (m == mounts.end()) {
    why_not_ = "cgroup v2: no cgroup2 file system is mounted";
    return false;
  }
  std::string parent;
  {
    const std::lock_guard<std::mutex> lock(g_v2_mutex);
    if (g_v2_parent.empty()) {
      const std::string group = own_group("");
      const std::string dir = folder_of(*m, group);
      if (dir.empty()) {
        why_not_ = "cgroup v2: this process's group " + group + " is not under " + m->mount_point;
        return false;
      }
      const std::string controllers = read_text(join_path(dir, "cgroup.controllers"));
      if (!has_word(controllers, "pids") || !has_word(controllers, "memory")) {
        why_not_ = "cgroup v2: pids and memory are not delegated to " + group +
                   "; run the grader under systemd-run --user --scope -p Delegate=yes";
        return false;
      }
      const std::string subtree = read_text(join_path(dir, "cgroup.subtree_control"));
      if (!has_word(subtree, "pids") || !has_word(subtree, "memory")) {
        // Controllers reach children only of a group that holds no process itself: this process
        // moves into a leaf of its own, when it is alone in its group.
        const auto procs = words_of(read_text(join_path(dir, "cgroup.procs")));
        if (procs.size() != 1 || procs[0] != std::to_string(::getpid())) {
          why_not_ = "cgroup v2: " + group +
                     " holds other processes, so its pids and memory controllers cannot be "
                     "given to a group of ours; run the grader under systemd-run --user --scope "
                     "-p Delegate=yes";
          return false;
        }
        const std::string leaf = join_path(dir, "dlc-grader");
        if (::mkdir(leaf.c_str(), 0755) != 0 && errno != EEXIST) {
          why_not_ = "cgroup v2: cannot make " + leaf + ": " + std::strerror(errno);
          return false;
        }
        std::string failed =
            write_text(join_path(leaf, "cgroup.procs"), std::to_string(::getpid()));
        if (failed.empty())
          failed = write_text(join_path(dir, "cgroup.subtree_control"), "+pids +memory");
        if (!failed.empty()) {
          why_not_ = "cgroup v2: " + failed;
          return false;
        }
      }
      g_v2_parent = dir;
    }
    parent = g_v2_parent;
  }
  Hierarchy h;
  h.dir = join_path(parent, name);
  h.relative = parent.substr(m->mount_point.size());
  if (m->root != "/") h.relative = m->root + h.relative;
  h.relative = join_path(h.relative.empty() ? "/" : h.relative, name);
  if (::mkdir(h.dir.c_str(), 0755) != 0) {
    why_not_ = "cgroup v2: cannot make " + h.dir + ": " + std::strerror(errno);
    return false;
  }
  hierarchies_.push_back(h);
  std::string failed =
      write_text(join_path(h.dir, "pids.max"), std::to_string(limits.max_processes));
  if (failed.empty())
    failed = write_text(join_path(h.dir, "memory.max"), std::to_string(limits.memory_bytes));
  if (failed.empty() && ::access(join_path(h.dir, "memory.swap.max").c_str(), F_OK) == 0)
    failed = write_text(join_path(h.dir, "memory.swap.max"), "0");
  if (!failed.empty()) {
    why_not_ = "cgroup v2: " + failed;
    return false;
  }
  return true;
}

/// A process of ours joins the group, as run_process()'s child will, and exits: what a
/// permission check of the files cannot tell (cgroup v2 asks for rights on the common ancestor).
bool SubmissionCgroup::trial_join() {
  std::vector<std::string> files;
  for (const auto& h : hierarchies_) files.push_back(join_path(h.dir, "cgroup.procs"));
  std::vector<const char*> paths;
  for (const auto& f : files) paths.push_back(f.c_str());
  const pid_t pid = ::fork();
  if (pid < 0) {
    why_not_ = std::string("cannot start a process to join the group: ") + std::strerror(errno);
    return false;
  }
  if (pid == 0) {
    for (std::size_t i = 0; i < paths.size(); ++i) {
      const int fd = ::open(paths[i], O_WRONLY | O_CLOEXEC);
      if (fd < 0 || ::write(fd, "0", 1) != 1)
        ::_exit(static_cast<int>(10 + std::min<std::size_t>(i, 100)));
      ::close(fd);
    }
    ::_exit(0);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return true;
  const std::size_t index =
      WIFEXITED(status) && WEXITSTATUS(status) >= 10 ? WEXITSTATUS(status) - 10 : 0;
  why_not_ = std::string(v2_ ? "cgroup v2" : "cgroup v1") + ": a process cannot join " +
             (index < files.size() ? files[index] : std::string("the group"));
  return false;
}

std::string SubmissionCgroup::file(const std::string& controller, const std::string& name) const {
  for (const auto& h : hierarchies_)
    if (h.controller == controller || h.controller.empty()) return join_path(h.dir, name);
  return {};
}

std::vector<int> SubmissionCgroup::members() const {
  std::vector<int> pids;
  for (const auto& h : hierarchies_) {
    for (const auto& w : words_of(read_text(join_path(h.dir, "cgroup.procs")))) {
      const int pid = std::atoi(w.c_str());
      if (pid > 0 && std::find(pids.begin(), pids.end(), pid) == pids.end()) pids.push_back(pid);
    }
  }
  return pids;
}

/// True when process `pid` is in one of the group's folders now.
bool SubmissionCgroup::holds(int pid) const {
  std::istringstream in(read_text("/proc/" + std::to_string(pid) + "/cgroup"));
  for (std::string line; std::getline(in, line);) {
    const auto colon = line.find(':', line.find(':') + 1);
    if (colon == std::string::npos) continue;
    const std::string path = line.substr(colon + 1);
    for (const auto& h : hierarchies_)
      if (path == h.relative) return true;
  }
  return false;
}

void SubmissionCgroup::kill_all() {
  if (hierarchies_.empty()) return;
  const auto deadline = Clock::now() + kEmptyWait;
  const std::string kill_file = v2_ ? file("", "cgroup.kill") : std::string();
  while (true) {
    const std::vector<int> pids = members();
    if (pids.empty() || Clock::now() >= deadline) return;
    if (!kill_file.empty() && ::access(kill_file.c_str(), F_OK) == 0 &&
        write_text(kill_file, "1").empty()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
      continue;
    }
    for (const int pid : pids) {
      // By pidfd, checked to be in the group after it is opened: a pid that ended and was
      // reused by a process outside is never signalled.
      const int fd = pidfd_open(pid);
      if (fd >= 0) {
        if (holds(pid)) pidfd_send_signal(fd, SIGKILL);
        ::close(fd);
      } else if (errno == ENOSYS && holds(pid)) {
        ::kill(pid, SIGKILL);
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

bool SubmissionCgroup::empty() const { return members().empty(); }

bool SubmissionCgroup::memory_limit_hit() const {
  if (hierarchies_.empty()) return false;
  if (v2_) {
    const std::string events = read_text(file("", "memory.events"));
    return keyed_value(events, "oom") > 0 || keyed_value(events, "oom_kill") > 0;
  }
  const long long kills = keyed_value(read_text(file("memory", "memory.oom_control")), "oom_kill");
  if (kills >= 0) return kills > 0;
  return std::atoll(read_text(file("memory", "memory.failcnt")).c_str()) > 0;
}

bool SubmissionCgroup::process_limit_hit() const {
  if (hierarchies_.empty()) return false;
  return keyed_value(read_text(file("pids", "pids.events")), "max") > 0;
}

void SubmissionCgroup::remove() {
  kill_all();
  for (auto h = hierarchies_.rbegin(); h != hierarchies_.rend(); ++h) {
    const auto deadline = Clock::now() + kEmptyWait;
    // A process just killed leaves its group a moment later.
    while (::rmdir(h->dir.c_str()) != 0 && errno == EBUSY && Clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  hierarchies_.clear();
}

SubmissionCgroup::~SubmissionCgroup() { remove(); }

bool SubmissionCgroup::enforced() const { return !hierarchies_.empty(); }
const std::string& SubmissionCgroup::why_not() const { return why_not_; }
const std::vector<std::string>& SubmissionCgroup::join_files() const { return join_files_; }
const std::vector<std::string>& SubmissionCgroup::folders() const { return folders_; }

}  // namespace dlc::grader
