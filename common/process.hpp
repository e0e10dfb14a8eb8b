/// \file
/// \brief The one way the project runs another program (the grader's test programs and builds,
/// gnuplot for the pictures, `dlc` in the tests): in its own process group, with a wall-clock
/// timeout after which the whole group is killed, resource limits, stdin from /dev/null and its
/// output (stdout and stderr together) kept up to a cap. It is safe for a program that is not
/// trusted.
///
/// No shell is involved: the program and its arguments are passed to execve() as they are.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace dlc {

/// The limits a child runs under. A zero means "no limit".
struct RunLimits {
  double timeout_seconds = 0;             ///< wall clock; then SIGKILL to the whole process group
  std::size_t memory_limit_bytes = 0;     ///< RLIMIT_AS (address space)
  std::size_t output_limit_bytes = 0;     ///< output kept; the rest is read and dropped
  std::size_t file_size_limit_bytes = 0;  ///< RLIMIT_FSIZE: a larger write gets SIGXFSZ
  double cpu_limit_seconds = 0;           ///< RLIMIT_CPU, a backstop to the wall clock
  /// Files the child writes "0" into after fork(), before anything else, to join control groups
  /// (a cgroup's `cgroup.procs`); a failure to join is a start error.
  std::vector<std::string> join_cgroup_files;
  /// RLIMIT_NPROC, the fallback when no control group limits the processes: fork() fails once
  /// the child's real user id runs this many processes and threads. It counts every process of
  /// that user, not only the child's (so add running_processes_of_this_user() to the allowance),
  /// and root is exempt from it.
  std::size_t max_processes = 0;
};

/// How a child ended.
struct ProcessResult {
  bool started = false;           ///< false: it could not be started (see `start_error`)
  std::string start_error;        ///< why not: `cannot run /x/y: No such file or directory`
  bool timed_out = false;         ///< killed at the time limit
  bool exited = false;            ///< ended by exit() / return from main (see `exit_code`)
  int exit_code = -1;             ///< when `exited`
  int signal = 0;                 ///< the signal that ended it, when not `exited` (or timed out)
  std::string output;             ///< stdout and stderr, interleaved, up to the limit
  std::size_t output_bytes = 0;   ///< how much it wrote in all
  bool output_truncated = false;  ///< output_bytes > output.size()
  double seconds = 0;             ///< wall-clock time from start to end
};

/// \brief Runs `argv` (argv[0] an absolute path, or a name looked up in PATH) with the
/// environment `env` (`NAME=value` strings) in `working_dir` (empty: the caller's), under
/// `limits`.
///
/// The child gets a process group of its own (every process it starts is in it unless it
/// leaves), stdin from /dev/null, core dumps off, and the limits of `limits`. When it ends, or
/// at the time limit, every process left in its group is killed with SIGKILL. The call always
/// returns: it never waits longer than the time limit plus a fraction of a second, even for a
/// grandchild that keeps the output pipe open.
ProcessResult run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                          const RunLimits& limits, const std::string& working_dir = "");

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that kill the process group of every child
/// run_process() is running, in any thread (so that Ctrl-C on the grader leaves nothing behind), then end this
/// process by the same signal.
void kill_children_on_interrupt();

/// This process's environment with some variables set (`NAME=value`) and others removed
/// (`NAME`), in the form run_process() takes.
std::vector<std::string> environment_with(const std::vector<std::string>& changes);

/// The full path of a program: `name` itself when it holds a '/', else the first executable
/// `<dir>/name` of PATH; empty when there is none.
std::string find_executable(const std::string& name);

/// How many processes and threads run under this process's real user id now, as RLIMIT_NPROC
/// counts them (those this process can see in /proc).
std::size_t running_processes_of_this_user();

/// The name of a signal: `Segmentation fault` (strsignal), or `signal N` when it has none.
std::string signal_description(int signal);

}  // namespace dlc
