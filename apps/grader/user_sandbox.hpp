/// \file
/// \brief The second confinement of a submission's code, for machines where bubblewrap cannot
/// make namespaces (a Docker container without CAP_SYS_ADMIN, as Gradescope's): every process
/// that touches the submission's code runs as an unprivileged user of its own.
///
///     const SandboxUser user = find_sandbox_user("dlc-sandbox");  // needs root
///     // The answers must be out of its reach, or nothing is graded:
///     if (const auto path = reachable_by(user, {source + "/solutions"}); !path.empty()) ...
///     UserSandbox sandbox(user, work, build + "/bin/dlc-run-as", 64);
///     const auto argv = sandbox.command({"PATH=/usr/bin:/bin"}, {"/usr/bin/c++", "-c", ...});
///     run_process(argv, {}, limits, work + "/src");  // as the user, from a root grader
///
/// `dlc-run-as` (apps/grader/run_as.cpp) is the first program of each such command: run by root,
/// it drops every privilege (supplementary groups, group, user, no new privileges, no
/// controlling terminal), sets RLIMIT_NPROC for the user, enters its folder and runs the command
/// with exactly the environment given. The user's processes are killed (all of them, by
/// `kill(-1, SIGKILL)` sent as the user) before every step that opens a folder of the grader to
/// it, and when the sandbox goes.
///
/// What it does not do, unlike bubblewrap: hide the machine's world-readable files, the
/// network, other users' processes (their names and command lines in /proc) or the shared /tmp;
/// it relies on file permissions alone for the grader's files.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace dlc::grader {

/// An unprivileged user that runs a submission's code.
struct SandboxUser {
  std::string name;
  uid_t uid = 0;
  gid_t gid = 0;
};

/// \brief The user `name`, checked: this process runs as root (only root can become another
/// user), the user exists and is not root (uid and gid not 0).
/// \throws GradeError saying which of these fails.
SandboxUser find_sandbox_user(const std::string& name);

/// \brief The first of `paths` that `user` can open for reading or writing (checked by a
/// process that becomes the user), or empty when it can reach none of them.
std::string reachable_by(const SandboxUser& user, const std::vector<std::string>& paths);

/// \brief The grading folder of one submission, laid out for the user.
///
/// Owned by root, group the user's: `work` (searchable only), `work/src` and `work/include`
/// (readable: the submission's copy and the course's headers), `work/obj` and `work/tmp` (the
/// user's own: its objects, its runners, its temporary files), `work/link` (what a runner is
/// linked from: readable by the user only during a link), `work/judge` (root's alone: the
/// judges' reports).
class UserSandbox {
 public:
  /// \brief Sets up `work` (an existing folder of root's) for `user`, whose commands start
  /// with `run_as` (dlc-run-as), and kills any process the user has.
  /// \param[in] max_processes RLIMIT_NPROC of the user's commands: all their processes and
  ///            threads together
  /// \throws GradeError when a folder cannot be prepared, the user cannot reach `work` (a
  ///         parent folder that others cannot search), or another user sandbox of this process
  ///         has the same user (its processes would be killed with this one's).
  UserSandbox(const SandboxUser& user, const std::string& work, const std::string& run_as,
              int max_processes);
  /// Kills every process of the user.
  ~UserSandbox();
  UserSandbox(const UserSandbox&) = delete;
  UserSandbox& operator=(const UserSandbox&) = delete;

  const SandboxUser& user() const { return user_; }
  /// `work/link`.
  const std::string& link_dir() const { return link_; }

  /// \brief The argv that runs `command` as the user, with the environment `env` alone (its
  /// HOME and TMPDIR are `work/tmp`), in `working_dir` when it is inside `work`, else in
  /// `work/tmp`; `command[0]` a path or a name in PATH.
  std::vector<std::string> command(const std::vector<std::string>& env,
                                   const std::vector<std::string>& command,
                                   const std::string& working_dir = "") const;

  /// \brief Copies the file `path` of the instructor's build into `work/link` and returns the
  /// copy's path.
  /// \throws GradeError when it cannot be copied.
  std::string copy_for_link(const std::string& path);
  /// \brief Takes the file `path` that a tool wrote as the user (the student's object) out of
  /// the user's hands: copies it (never through a symbolic link) into `work/link` and returns the
  /// copy's path, so that no later process of the user can change what is linked.
  /// \throws GradeError when it is not a regular file or cannot be copied.
  std::string take(const std::string& path);
  /// \brief Copies the folder `dir` (the course's headers) to `work/include`, readable by the
  /// user, and returns that path.
  std::string copy_headers(const std::string& dir);
  /// Makes `dir` (under `work`, written by root) and everything in it readable by the user.
  void share(const std::string& dir) const;

  /// \brief One step of the grading that runs a tool as the user (compiling, linking): every
  /// process of the user is killed first, so that no code of the submission runs while the step
  /// sees more; `work/link` is readable while the step lasts when `open_link`.
  class Step {
   public:
    Step(const UserSandbox& sandbox, bool open_link);
    ~Step();
    Step(const Step&) = delete;
    Step& operator=(const Step&) = delete;

   private:
    const UserSandbox& sandbox_;
    bool open_link_;
  };

  /// \brief Kills every process of the user and waits until none is left (at most about 2 s);
  /// false when one survived.
  bool kill_all() const;

 private:
  void prepare();

  SandboxUser user_;
  std::string work_, link_, tmp_, run_as_;
  int max_processes_ = 64;
  unsigned copies_ = 0;
};

/// \brief Drops every privilege of this process for `user`'s: no supplementary group, the
/// user's group and user as real, effective and saved ids, checked (root cannot be regained),
/// no new privileges (a set-user-ID program runs with the user's rights). For a child after
/// fork(): it only makes system calls.
/// \return nullptr, or what failed (a constant string; errno says why).
const char* become_user(uid_t uid, gid_t gid);

}  // namespace dlc::grader
