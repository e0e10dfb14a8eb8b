// The user sandbox (user_sandbox.hpp), tried as its user: who the commands run as, with which
// environment, what of the grading folder they can reach, and that nothing of the user outlives
// kill_all(). They need root and the user dlc-sandbox (which the Gradescope package's setup.sh
// makes: useradd --system dlc-sandbox), a user of its own, since kill_all() ends all of its
// processes; without either, the cases say so and are skipped.
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "apps/grader/grader.hpp"
#include "apps/grader/user_sandbox.hpp"
#include "common/files.hpp"
#include "common/process.hpp"

using dlc::ProcessResult;
using dlc::run_process;
using dlc::RunLimits;
using dlc::TempDir;
using dlc::grader::SandboxUser;
using dlc::grader::UserSandbox;
namespace fs = std::filesystem;

namespace {

const std::string kRunAs = DLC_RUN_AS;
const char* const kUser = "dlc-sandbox";

/// False, with a warning saying why, when the cases cannot run here.
bool user_sandbox_available() {
  if (::geteuid() != 0) {
    WARN("skipped: the user sandbox needs root");
    return false;
  }
  if (::getpwnam(kUser) == nullptr) {
    WARN("skipped: no user " << kUser << " (useradd --system " << kUser << ")");
    return false;
  }
  return true;
}

/// Runs a shell command as the sandbox's user, in `dir` (inside the work folder).
ProcessResult run_as_user(const UserSandbox& sandbox, const std::string& script,
                          const std::string& dir = "") {
  RunLimits limits;
  limits.timeout_seconds = 30;
  limits.output_limit_bytes = 1 << 16;
  return run_process(sandbox.command({"PATH=/usr/bin:/bin", "MARK=1"}, {"sh", "-c", script}, dir),
                     {"GRADER_SECRET=1"}, limits);
}

void write(const fs::path& path, const std::string& text) { std::ofstream(path) << text; }

}  // namespace

TEST_CASE("find_sandbox_user refuses root and a user that does not exist", "[user_sandbox]") {
  if (::geteuid() != 0) {
    CHECK_THROWS_WITH(dlc::grader::find_sandbox_user("nobody"), Catch::Contains("needs root"));
    return;
  }
  CHECK_THROWS_WITH(dlc::grader::find_sandbox_user("root"), Catch::Contains("is root"));
  CHECK_THROWS_WITH(dlc::grader::find_sandbox_user("no-such-user-dlc"),
                    Catch::Contains("no user no-such-user-dlc"));
}

TEST_CASE("the user's commands run as the user, with the environment given alone",
          "[user_sandbox]") {
  if (!user_sandbox_available()) return;
  const SandboxUser user = dlc::grader::find_sandbox_user(kUser);
  TempDir temp("dlc-user-sandbox-test");
  UserSandbox sandbox(user, temp.path().string(), kRunAs, 64);
  const ProcessResult run =
      run_as_user(sandbox,
                  "id -u; id -g; id -G; awk '/Max processes/ { print $3 }' /proc/self/limits; echo "
                  "\"$HOME\"; pwd; env | sort | tr '\\n' ' '");
  INFO(run.output << run.start_error);
  REQUIRE(run.exited);
  REQUIRE(run.exit_code == 0);
  const std::string tmp = temp.file("tmp");
  const std::string uid = std::to_string(user.uid);
  const std::string gid = std::to_string(user.gid);
  // Its user and group, no other group, the process limit, its own folder.
  CHECK(run.output.rfind(uid + "\n" + gid + "\n" + gid + "\n64\n" + tmp + "\n" + tmp + "\n", 0) ==
        0);
  CHECK(run.output.find("MARK=1") != std::string::npos);
  CHECK(run.output.find("TMPDIR=" + tmp) != std::string::npos);
  CHECK(run.output.find("GRADER_SECRET") == std::string::npos);
  // Root cannot be had back, even through a set-user-ID program (no new privileges).
  const ProcessResult su = run_as_user(sandbox, "su -c 'id -u' root </dev/null 2>&1; id -u");
  CHECK(su.output.find("\n0\n") == std::string::npos);
  CHECK(su.output.rfind("0\n", 0) != 0);
}

TEST_CASE(
    "the user reaches its own folders, the link folder only during a step, never the "
    "judges'",
    "[user_sandbox]") {
  if (!user_sandbox_available()) return;
  const SandboxUser user = dlc::grader::find_sandbox_user(kUser);
  TempDir temp("dlc-user-sandbox-test");
  const fs::path work = temp.path();
  fs::create_directories(work / "src" / "week2");
  write(work / "src" / "week2" / "x.cpp", "student");
  fs::create_directories(work / "judge");
  write(work / "judge" / "report.xml", "judge");
  UserSandbox sandbox(user, work.string(), kRunAs, 64);
  write(work / "built.o", "reference");
  const std::string copy = sandbox.copy_for_link((work / "built.o").string());
  const std::string script = "cat '" + (work / "src/week2/x.cpp").string() + "'; cat '" + copy +
                             "' 2>/dev/null; cat '" + (work / "judge/report.xml").string() +
                             "' 2>/dev/null; touch '" + (work / "obj/mine.o").string() +
                             "' && echo wrote; touch '" + (work / "src/new").string() +
                             "' 2>/dev/null && echo wrote-src";
  const ProcessResult outside = run_as_user(sandbox, script);
  CHECK(outside.output == "studentwrote\n");
  {
    UserSandbox::Step step(sandbox, true);
    const ProcessResult inside = run_as_user(sandbox, script);
    CHECK(inside.output == "studentreferencewrote\n");
  }
  CHECK(run_as_user(sandbox, script).output == "studentwrote\n");
  // What a tool wrote as the user, taken out of its hands: a symbolic link is refused.
  const std::string taken = sandbox.take((work / "obj/mine.o").string());
  struct stat st {};
  REQUIRE(::lstat(taken.c_str(), &st) == 0);
  CHECK(st.st_uid == 0);
  CHECK(run_as_user(sandbox, "ln -s /etc/shadow '" + (work / "obj/link.o").string() + "'")
            .exit_code == 0);
  CHECK_THROWS_AS(sandbox.take((work / "obj/link.o").string()), dlc::grader::GradeError);
  // A second sandbox with the same user, while this one lives, is refused.
  TempDir other("dlc-user-sandbox-test");
  CHECK_THROWS_WITH(UserSandbox(user, other.path().string(), kRunAs, 64),
                    Catch::Contains("one at a time"));
}

TEST_CASE("reachable_by names the first path the user can open", "[user_sandbox]") {
  if (!user_sandbox_available()) return;
  const SandboxUser user = dlc::grader::find_sandbox_user(kUser);
  TempDir temp("dlc-user-sandbox-test");
  const fs::path open = temp.path() / "open";
  const fs::path closed = temp.path() / "closed";
  fs::create_directories(open);
  fs::create_directories(closed);
  write(closed / "answer.cpp", "answer");
  ::chmod(temp.path().c_str(), 0711);
  ::chmod(open.c_str(), 0755);
  ::chmod(closed.c_str(), 0700);
  CHECK(dlc::grader::reachable_by(user, {closed.string(), (closed / "answer.cpp").string()}) == "");
  CHECK(dlc::grader::reachable_by(user, {closed.string(), open.string()}) == open.string());
}

TEST_CASE("kill_all ends every process of the user, a daemon that left its session included",
          "[user_sandbox]") {
  if (!user_sandbox_available()) return;
  const SandboxUser user = dlc::grader::find_sandbox_user(kUser);
  TempDir temp("dlc-user-sandbox-test");
  UserSandbox sandbox(user, temp.path().string(), kRunAs, 64);
  const ProcessResult run =
      run_as_user(sandbox, "setsid sh -c 'while :; do sleep 1; done' >/dev/null 2>&1 & echo $!");
  REQUIRE(run.exit_code == 0);
  const std::string daemon = "/proc/" + std::to_string(std::stol(run.output));
  CHECK(fs::exists(daemon));
  CHECK(sandbox.kill_all());
  CHECK_FALSE(fs::exists(daemon));
}
