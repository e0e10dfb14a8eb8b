/// \file
/// \brief Where a submission's code runs: a bubblewrap sandbox that sees only what it is given
/// (no network, no file of the host but those bound in, its own PID namespace, no capabilities),
/// and a control group that limits all of a submission's processes together.
///
///     SandboxSpec spec;
///     spec.read_only = {{program, "/grade/test"}};
///     spec.read_write = {{work_dir, "/work"}};
///     spec.working_dir = "/work";
///     spec.env = {"PATH=/usr/bin:/bin", "OPENBLAS_NUM_THREADS=1"};
///     SubmissionCgroup group(SubmissionLimits{});
///     RunLimits limits;
///     limits.timeout_seconds = 5;
///     if (group.enforced()) limits.join_cgroup_files = group.join_files();
///     else limits.max_processes = running_processes_of_this_user() + 64;  // RLIMIT_NPROC
///     const ProcessResult run = run_process(sandboxed(spec, {"/grade/test", "[week2.sigmoid]"}),
///                                           {}, limits);
///
/// run_process() gives the sandbox its time limit and process group; bubblewrap (`bwrap`, Debian's
/// `bubblewrap` package) builds the sandbox; the control group (cgroup v1 `pids` and `memory`,
/// or cgroup v2 with both delegated to this user) bounds the processes and memory of everything
/// a submission runs, its compiler included.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "common/process.hpp"

namespace dlc::grader {

/// What a sandboxed command may see and do.
struct SandboxSpec {
  std::vector<std::pair<std::string, std::string>> read_only;   ///< host path -> path inside
  std::vector<std::pair<std::string, std::string>> read_write;  ///< host path -> path inside
  std::string working_dir = "/";                                ///< inside
  /// The WHOLE environment (`NAME=value`); nothing else leaks in.
  std::vector<std::string> env;
  /// The size of the private tmpfs at /tmp (and of the one at /dev/shm).
  std::size_t tmp_bytes = 64 << 20;
  /// Bind read-only what compilers and programs need: /usr, /lib*, /bin, /sbin (a symlink on the
  /// host is the same symlink inside), /etc/ld.so.cache and /etc/alternatives (only these of
  /// /etc).
  bool system = true;
};

/// \brief The argv that runs `command` (argv[0] a path valid inside) in a bubblewrap sandbox.
///
/// The sandbox has no network (`--unshare-all`: network, IPC, UTS, cgroup, user and PID
/// namespaces; no further user namespace inside), its own PID namespace (the command is PID 2,
/// and every process it leaves behind dies with it), `--die-with-parent`, `--new-session` (no
/// terminal to inject input into), `--clearenv` then `spec.env`, a fresh /proc, a minimal /dev,
/// size-limited tmpfs at /tmp and /dev/shm, and no capability (`--cap-drop ALL`). Nothing of the
/// host is visible but the binds; the root, /dev and everything not bound read-write are
/// read-only. Binds are mounted parents first, so a bind inside another shows through it.
/// The environment is `spec.env` and `PWD=<working_dir>`, which bubblewrap sets.
///
/// bubblewrap ends as the command ends, but a signal N that ends the command becomes bubblewrap's
/// exit code 128 + N: sandboxed_result() turns it back into the signal.
std::vector<std::string> sandboxed(const SandboxSpec& spec,
                                   const std::vector<std::string>& command);

/// \brief The result of a run of sandboxed() as the command's own: an exit code 128 + N (N a
/// signal, 1 to 64) becomes signal N, as bubblewrap reports a command ended by signal N. A
/// command that itself exits with such a code reads as ended by that signal.
dlc::ProcessResult sandboxed_result(dlc::ProcessResult run);

/// \brief Empty when bubblewrap can run a sandbox on this machine (it is in PATH and a trial
/// run of `true` in one succeeds; found out once per process); else one line saying why:
/// `bubblewrap (bwrap) is not installed: apt-get install bubblewrap`, or
/// `bwrap cannot create namespaces here: <its message>`.
std::string sandbox_unavailable_reason();

/// The environment a graded program gets from the sanitizers' side (`ASAN_OPTIONS=...`,
/// `UBSAN_OPTIONS=...`): a fatal signal stays that signal (a segmentation fault is graded as one,
/// not as AddressSanitizer's exit code), no leak check at exit, and UndefinedBehaviorSanitizer's
/// reports printed without ending the program. Harmless for a program built without them.
/// With `memory_limit_bytes` (not 0), AddressSanitizer ends the program (as abort() does) once its
/// resident memory passes that: the per-process memory limit of a sanitized program, which cannot
/// have an address-space limit (its operator new never throws std::bad_alloc).
std::vector<std::string> sanitizer_environment(std::size_t memory_limit_bytes = 0);

/// True when this build is compiled with a sanitizer that reserves terabytes of address space
/// (AddressSanitizer, ThreadSanitizer, MemorySanitizer), as the `debug` preset is: the test
/// programs of the same build are too, so they cannot run under an address-space limit
/// (RLIMIT_AS); their memory is bounded by a SubmissionCgroup when one is enforced.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kSanitizedBuild = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
inline constexpr bool kSanitizedBuild = true;
#else
inline constexpr bool kSanitizedBuild = false;
#endif
#else
inline constexpr bool kSanitizedBuild = false;
#endif

/// The limits of everything one submission runs, together (not per process).
struct SubmissionLimits {
  int max_processes = 64;                 ///< all processes and threads of the submission at once
  std::size_t memory_bytes = 4ull << 30;  ///< all its memory together (swap included)
};

/// \brief A control group holding every process of one submission.
///
/// Created below this process's own control group: with cgroup v1, one group in the `pids` and
/// one in the `memory` hierarchy; with cgroup v2, one group, when `pids` and `memory` are
/// delegated to this process's group (`systemd-run --user --scope -p Delegate=yes dlc grade
/// ...`). Under cgroup v2, a group that holds this process alone is split first: this process
/// moves into a leaf `dlc-grader` of it, so that the controllers can be enabled for its
/// children. A trial process joins the new group before it is declared enforced.
///
/// Creating it never throws: when the machine gives no writable cgroup, `enforced()` is false
/// and `why_not()` says why; the caller then falls back to per-process limits (RLIMIT_NPROC,
/// which counts every process of the user; RLIMIT_AS, which counts address space, not memory).
/// The destructor kills what is left in it and removes it. Not copyable.
class SubmissionCgroup {
 public:
  explicit SubmissionCgroup(const SubmissionLimits& limits);
  ~SubmissionCgroup();
  SubmissionCgroup(const SubmissionCgroup&) = delete;
  SubmissionCgroup& operator=(const SubmissionCgroup&) = delete;

  /// True when the limits hold for every process that joins it.
  bool enforced() const;
  /// Why not, on one line (`cgroup v2: pids and memory are not delegated to
  /// /user.slice/...; run the grader under systemd-run --user --scope -p Delegate=yes`); empty
  /// when enforced.
  const std::string& why_not() const;
  /// The files a child writes "0" into (before exec) to join this group; empty when not enforced.
  /// RunLimits::join_cgroup_files takes them as they are.
  const std::vector<std::string>& join_files() const;
  /// The group's folders (one per hierarchy), for messages; empty when not enforced.
  const std::vector<std::string>& folders() const;
  /// SIGKILL every process in it and wait until it is empty (at most about 2 s; a process stuck
  /// in the kernel may outlast that).
  void kill_all();
  /// True when no process is in it (always true when not enforced).
  bool empty() const;
  /// True when its memory limit was reached so that a process was killed for it (cgroup v1:
  /// `oom_kill` of memory.oom_control, or memory.failcnt on kernels without it; v2: `oom` or
  /// `oom_kill` of memory.events), since it was created.
  bool memory_limit_hit() const;
  /// True when a fork() or a new thread was refused for its process limit (`max` of
  /// pids.events), since it was created.
  bool process_limit_hit() const;

 private:
  struct Hierarchy {
    std::string dir;         ///< the group's folder: /sys/fs/cgroup/pids/.../dlc-submission-1-0
    std::string relative;    ///< its path inside the hierarchy, as /proc/<pid>/cgroup writes it
    std::string controller;  ///< "pids", "memory", or "" for the one group of cgroup v2
  };
  bool create_v1(const SubmissionLimits& limits, const std::string& name);
  bool create_v2(const SubmissionLimits& limits, const std::string& name);
  bool trial_join();
  void remove();
  std::vector<int> members() const;
  bool holds(int pid) const;
  std::string file(const std::string& controller, const std::string& name) const;

  std::vector<Hierarchy> hierarchies_;
  bool v2_ = false;
  std::string why_not_;
  std::vector<std::string> join_files_;
  std::vector<std::string> folders_;
};

}  // namespace dlc::grader
