// The user sandbox: a submission's code run as an unprivileged user of its own.

#include "apps/grader/user_sandbox.hpp"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "apps/grader/grader.hpp"
#include "common/process.hpp"

namespace dlc::grader {

namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

/// How long kill_all() tries before it says a process survived.
constexpr auto kKillWait = std::chrono::seconds(2);

/// The users of the user sandboxes of this process now: one grading at a time each, since
/// kill_all() ends every process of its user.
std::mutex g_users_mutex;
std::set<uid_t> g_users;

/// Runs `body` in a child that has become `user`; its exit code (-1 when it could not start or
/// did not exit). `body` runs after fork(): system calls only.
template <typename Body>
int as_user(const SandboxUser& user, Body body) {
  const pid_t pid = ::fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    if (become_user(user.uid, user.gid) != nullptr) ::_exit(125);
    ::_exit(body());
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// The processes of `uid` that still run (as any of their user ids), zombies aside.
std::vector<pid_t> processes_of(uid_t uid, std::vector<pid_t>* zombies_of_ours = nullptr) {
  std::vector<pid_t> pids;
  const std::string me = std::to_string(::getpid());
  std::error_code ec;
  for (auto it = fs::directory_iterator("/proc", ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.empty() || name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream status(it->path() / "status");
    bool ours = false;
    bool zombie = false;
    std::string parent;
    for (std::string line; std::getline(status, line);) {
      std::istringstream words(line);
      std::string key;
      words >> key;
      if (key == "State:") {
        std::string state;
        words >> state;
        zombie = state == "Z" || state == "X";
      } else if (key == "PPid:") {
        words >> parent;
      } else if (key == "Uid:") {
        for (long id = 0; words >> id;) ours = ours || static_cast<uid_t>(id) == uid;
      }
    }
    const auto pid = static_cast<pid_t>(std::stol(name));
    if (ours && !zombie) pids.push_back(pid);
    if (ours && zombie && parent == me && zombies_of_ours != nullptr)
      zombies_of_ours->push_back(pid);
  }
  return pids;
}

void set_owner(const std::string& path, uid_t uid, gid_t gid, mode_t mode) {
  if (::lchown(path.c_str(), uid, gid) != 0 || ::chmod(path.c_str(), mode) != 0)
    throw GradeError("cannot prepare " + path + " for the sandbox's user: " + std::strerror(errno));
}

}  // namespace

const char* become_user(uid_t uid, gid_t gid) {
  if (uid == 0 || gid == 0) return "the sandbox's user must not be root";
  if (::setgroups(0, nullptr) != 0) return "setgroups";
  if (::setresgid(gid, gid, gid) != 0) return "setresgid";
  if (::setresuid(uid, uid, uid) != 0) return "setresuid";
  uid_t r = 0, e = 0, s = 0;
  if (::getresuid(&r, &e, &s) != 0 || r != uid || e != uid || s != uid)
    return "the user ids did not change";
  if (::setuid(0) == 0 || ::setgid(0) == 0) return "root could be regained";
  if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return "PR_SET_NO_NEW_PRIVS";
  return nullptr;
}

SandboxUser find_sandbox_user(const std::string& name) {
  if (::geteuid() != 0)
    throw GradeError("--sandbox user:" + name +
                     " needs root (the grader becomes that user to run the submission's code); "
                     "run it as root, or use --sandbox bwrap");
  errno = 0;
  const struct passwd* pw = ::getpwnam(name.c_str());
  if (pw == nullptr)
    throw GradeError("no user " + name + " on this machine (make one: useradd --system " + name +
                     ")");
  SandboxUser user;
  user.name = name;
  user.uid = pw->pw_uid;
  user.gid = pw->pw_gid;
  if (user.uid == 0 || user.gid == 0)
    throw GradeError("the user " + name +
                     " is root or in root's group: the sandbox needs an "
                     "unprivileged user of its own");
  return user;
}

std::string reachable_by(const SandboxUser& user, const std::vector<std::string>& paths) {
  std::vector<const char*> c_paths;
  for (const auto& p : paths) c_paths.push_back(p.c_str());
  const int code = as_user(user, [&]() {
    for (std::size_t i = 0; i < c_paths.size(); ++i) {
      const int fd = ::open(c_paths[i], O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
      if (fd >= 0 || ::access(c_paths[i], W_OK) == 0) return static_cast<int>(10 + i);
    }
    return 0;
  });
  if (code == 0) return {};
  if (code >= 10 && static_cast<std::size_t>(code - 10) < paths.size())
    return paths[static_cast<std::size_t>(code - 10)];
  return "(no process could become " + user.name + ")";
}

UserSandbox::UserSandbox(const SandboxUser& user, const std::string& work,
                         const std::string& run_as, int max_processes)
    : user_(user),
      work_(work),
      link_(work + "/link"),
      tmp_(work + "/tmp"),
      run_as_(run_as),
      max_processes_(max_processes) {
  {
    const std::lock_guard<std::mutex> lock(g_users_mutex);
    if (!g_users.insert(user.uid).second)
      throw GradeError("the user " + user.name +
                       " already runs another submission's code: with the user sandbox, "
                       "submissions are graded one at a time");
  }
  try {
    prepare();
  } catch (...) {
    const std::lock_guard<std::mutex> lock(g_users_mutex);
    g_users.erase(user_.uid);
    throw;
  }
}

void UserSandbox::prepare() {
  const SandboxUser& user = user_;
  const std::string& work = work_;
  // Orphans of the user's commands become the grader's children, not those of a PID 1 that may
  // never reap them (a container's): kill_all() reaps them.
  ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
  if (!kill_all()) throw GradeError("processes of the user " + user.name + " cannot be killed");
  std::error_code ec;
  for (const char* dir : {"src", "obj", "judge", "link", "tmp"})
    fs::create_directories(fs::path(work) / dir, ec);
  set_owner(work_, 0, user.gid, 0710);
  set_owner(work_ + "/judge", 0, 0, 0700);
  set_owner(link_, 0, user.gid, 0700);
  set_owner(work_ + "/obj", user.uid, user.gid, 0700);
  set_owner(tmp_, user.uid, user.gid, 0700);
  share(work_ + "/src");
  if (reachable_by(user_, {tmp_}).empty())
    throw GradeError("the user " + user.name + " cannot reach the grading folder " + work +
                     ": a folder above it is not searchable by others (set TMPDIR to one that "
                     "is, such as /tmp)");
}

UserSandbox::~UserSandbox() {
  kill_all();
  ::prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
  const std::lock_guard<std::mutex> lock(g_users_mutex);
  g_users.erase(user_.uid);
}

std::vector<std::string> UserSandbox::command(const std::vector<std::string>& env,
                                              const std::vector<std::string>& command,
                                              const std::string& working_dir) const {
  const std::string dir = working_dir.rfind(work_ + "/", 0) == 0 ? working_dir : tmp_;
  std::vector<std::string> argv = {run_as_, std::to_string(user_.uid), std::to_string(user_.gid),
                                   std::to_string(max_processes_), dir};
  for (const auto& e : env) {
    const std::string name = e.substr(0, e.find('='));
    if (e.find('=') == std::string::npos || name == "HOME" || name == "TMPDIR") continue;
    argv.push_back(e);
  }
  argv.push_back("HOME=" + tmp_);
  argv.push_back("TMPDIR=" + tmp_);
  argv.push_back("--");
  if (command.empty()) return argv;
  const std::string program = find_executable(command[0]);
  argv.push_back(program.empty() ? command[0] : program);
  argv.insert(argv.end(), command.begin() + 1, command.end());
  return argv;
}

std::string UserSandbox::copy_for_link(const std::string& path) {
  const std::string copy =
      link_ + "/" + std::to_string(copies_++) + "_" + fs::path(path).filename().string();
  std::error_code ec;
  fs::copy_file(path, copy, fs::copy_options::overwrite_existing, ec);
  if (ec) throw GradeError("cannot copy " + path + " for the sandbox: " + ec.message());
  set_owner(copy, 0, user_.gid, 0640);
  return copy;
}

std::string UserSandbox::take(const std::string& path) {
  const int in = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  struct stat st {};
  if (in < 0 || ::fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
    if (in >= 0) ::close(in);
    throw GradeError(path + " is not a regular file the grader can read");
  }
  const std::string copy =
      link_ + "/" + std::to_string(copies_++) + "_" + fs::path(path).filename().string();
  const int out = ::open(copy.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  bool ok = out >= 0;
  char buffer[1 << 16];
  for (ssize_t n = 0; ok && (n = ::read(in, buffer, sizeof buffer)) != 0;)
    ok = n > 0 && ::write(out, buffer, static_cast<std::size_t>(n)) == n;
  ::close(in);
  if (out >= 0) ::close(out);
  if (!ok) throw GradeError("cannot copy " + path + " to " + copy + ": " + std::strerror(errno));
  set_owner(copy, 0, user_.gid, 0640);
  return copy;
}

std::string UserSandbox::copy_headers(const std::string& dir) {
  const std::string copy = work_ + "/include";
  std::error_code ec;
  fs::copy(dir, copy, fs::copy_options::recursive, ec);
  if (ec) throw GradeError("cannot copy " + dir + " for the sandbox: " + ec.message());
  share(copy);
  return copy;
}

void UserSandbox::share(const std::string& dir) const {
  set_owner(dir, 0, user_.gid, 0750);
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const auto status = it->symlink_status(ec);
    if (fs::is_directory(status))
      set_owner(it->path().string(), 0, user_.gid, 0750);
    else if (fs::is_regular_file(status))
      set_owner(it->path().string(), 0, user_.gid, 0640);
  }
}

UserSandbox::Step::Step(const UserSandbox& sandbox, bool open_link)
    : sandbox_(sandbox), open_link_(open_link) {
  if (!sandbox_.kill_all())
    throw GradeError("processes of the user " + sandbox_.user_.name + " survived being killed");
  if (open_link_) set_owner(sandbox_.link_, 0, sandbox_.user_.gid, 0750);
}

UserSandbox::Step::~Step() {
  if (open_link_) ::chmod(sandbox_.link_.c_str(), 0700);
}

bool UserSandbox::kill_all() const {
  const auto deadline = Clock::now() + kKillWait;
  while (true) {
    std::vector<pid_t> zombies;
    const bool none = processes_of(user_.uid, &zombies).empty();
    // Zombies left by the user's commands, whose parent the grader is.
    for (const pid_t z : zombies) ::waitpid(z, nullptr, WNOHANG);
    if (none) return true;
    if (Clock::now() >= deadline) return false;
    // As the user: every process the user may signal, which is every process of the user (and
    // none of root's), at once, so that none can fork away from it.
    as_user(user_, []() { return ::kill(-1, SIGKILL) == 0 || errno == ESRCH ? 0 : 1; });
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace dlc::grader
