// Attacks on the grader itself ([adversarial]): submissions that try to win points they did not
// earn, read what they must not, or harm the grading of others. Each must score 0 on its own
// exercise, leave every other graded exercise its points, leave no process behind, and leave the
// grader's results (the report, the results file written after it, a batch's CSV) as the grader
// computed them.
//
// The submissions:
// - A one-line student file (the table kWholeFile below): includes of the reference solution, of
//   files that never end (/proc/self/fd/1, /dev/zero, /dev/stdin), of /etc/passwd.
// - tests/grader_submissions/attacks/<name>.cpp put before the reference solution of
//   week2/logistic_regression, whose sigmoid then calls the attack's dlc_attack(z) (the mutant
//   of attacks/week2.mutants). In an attack's text @SOURCE@, @BUILD@, @SUBMISSIONS@, @JSON@,
//   @PORT@, @ABSTRACT@, @MARKER@ and @SECRET_NAME@ are replaced by what the attacker would most
//   like to know: the instructor's folders, the batch's folder, the results file's path, the
//   port and the socket name of a server the test listens on, a word of its process's command
//   lines, the name of a variable of the grader's environment.
// The other lessons' files are their reference solutions.
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "apps/grader/batch.hpp"
#include "apps/grader/grader.hpp"
#include "common/files.hpp"
#include "tests/grader_submissions/submissions.hpp"
#include "tests/mutants/mutants.hpp"

namespace fs = std::filesystem;
using dlc::grader::ExerciseResult;
using dlc::grader::GradeOptions;
using dlc::grader::GradeReport;
using dlc::grader::Outcome;
using dlc::grader_tests::Course;
using dlc::grader_tests::find_result;
using dlc::grader_tests::kBuild;
using dlc::grader_tests::kSource;
using dlc::grader_tests::Scratch;
using dlc::grader_tests::seconds;

namespace {

const std::string kLesson = "week2/logistic_regression";
const std::string kAttacked = "week2.sigmoid";
/// Graded with each run-time attack: the attacked exercise, one that does not call it, and one
/// whose tests call it (propagate), which keeps its points since its runner calls the
/// reference's sigmoid.
const std::vector<std::string> kRunTimeSelection = {"week2.sigmoid", "week2.initialize_with_zeros",
                                                    "week2.propagate"};
/// The compile time limit of these gradings: what an include that never ends costs.
constexpr double kCompileTimeout = 10;

/// The file's text; empty when it cannot be read.
std::string slurp(const fs::path& path) { return dlc::read_file(path).value_or(std::string()); }

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

/// A word in the command lines of this test's attacks' processes, and the name and value of a
/// variable of the grader's environment that no submission must see.
std::string marker() { return "dlc-attack-marker-" + std::to_string(::getpid()); }
const std::string kSecretName = "DLC_ATTACK_SECRET";
std::string secret() { return "dlc-secret-value-" + std::to_string(::getpid()) + "-x7Qz"; }

/// What each attack's placeholders become.
using Placeholders = std::map<std::string, std::string>;

Placeholders base_placeholders() {
  return {{"@SOURCE@", kSource},
          {"@BUILD@", kBuild},
          {"@MARKER@", marker()},
          {"@SECRET_NAME@", kSecretName}};
}

/// The student file of week2/logistic_regression for attack `name`: the attack's text, then the
/// reference solution with sigmoid calling it.
std::string attack_file(const std::string& name, const Placeholders& placeholders,
                        const fs::path& scratch) {
  std::string attack =
      slurp(fs::path(kSource) / "tests/grader_submissions/attacks" / (name + ".cpp"));
  REQUIRE(!attack.empty());
  for (const auto& [from, to] : placeholders) attack = replace_all(attack, from, to);
  REQUIRE(attack.find("@") == std::string::npos);
  const auto hooks = dlc::mutants::load(kSource, "tests/grader_submissions/attacks/week2.mutants");
  REQUIRE(hooks.size() == 1);
  const fs::path hooked = scratch / "hook";
  dlc::mutants::write_submission(hooks.front(), kSource, hooked.string());
  return attack + "\n" + slurp(hooked / (kLesson + ".cpp"));
}

/// Every lesson's reference solution, and `text` as week2/logistic_regression.cpp.
void write_with(const Course& course, const fs::path& dir, const std::string& text) {
  dlc::grader_tests::write_submission(course, dir, {});
  std::ofstream(dir / (kLesson + ".cpp"), std::ios::trunc) << text;
}

GradeOptions attack_options(const fs::path& submission, std::vector<std::string> selection,
                            std::ostream& progress) {
  GradeOptions o = dlc::grader_tests::options_for(submission, std::move(selection), progress);
  o.timeout_seconds = 10;
  o.memory_limit_bytes = std::size_t{1} << 30;
  o.compile_timeout_seconds = kCompileTimeout;
  return o;
}

/// The processes of this machine whose command line holds `word` (this one's aside).
std::vector<std::string> processes_with(const std::string& word) {
  std::vector<std::string> found;
  std::error_code ec;
  const std::string self = std::to_string(::getpid());
  for (auto it = fs::directory_iterator("/proc", ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    const std::string pid = it->path().filename().string();
    if (pid == self || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmdline = slurp(it->path() / "cmdline");
    std::replace(cmdline.begin(), cmdline.end(), '\0', ' ');
    if (cmdline.find(word) != std::string::npos) found.push_back(pid + ": " + cmdline);
  }
  return found;
}

/// A hash of every test program of the build, by name.
std::map<std::string, std::size_t> judges_hash() {
  std::map<std::string, std::size_t> out;
  for (const auto& entry : fs::directory_iterator(fs::path(kBuild) / "bin"))
    if (entry.path().filename().string().rfind("test_", 0) == 0)
      out[entry.path().filename().string()] = std::hash<std::string>{}(slurp(entry.path()));
  return out;
}

/// The attacked exercise scored 0 as `outcome` (its summary holding `text`); every other graded
/// exercise passed; nothing of the attack is left running.
void check_report(const GradeReport& report, const std::string& attacked, Outcome outcome,
                  const std::string& text) {
  for (const ExerciseResult& r : report.exercises) {
    INFO(r.id << ": " << dlc::grader::outcome_name(r.outcome) << ": " << r.summary << "\n"
              << r.detail);
    if (r.id == attacked) {
      CHECK(r.score == 0);
      CHECK(dlc::grader::outcome_name(r.outcome) == dlc::grader::outcome_name(outcome));
      CHECK_THAT(r.summary, Catch::Contains(text));
    } else {
      CHECK(r.outcome == Outcome::kPassed);
      CHECK(r.score == r.points);
    }
  }
  INFO("processes left behind");
  CHECK(processes_with(marker()).empty());
}

/// Grades `dir` (nothing built) and prints the attacked exercise's result.
GradeReport grade_attack(const std::string& name, const fs::path& dir,
                         const std::vector<std::string>& selection, const std::string& attacked) {
  std::ostringstream progress;
  GradeReport report;
  const GradeOptions options = attack_options(dir, selection, progress);
  INFO("the grading:\n" << progress.str());
  REQUIRE_NOTHROW(report = dlc::grader::grade(options));
  REQUIRE(report.exercises.size() ==
          dlc::grader::select_exercises(dlc::grader::read_manifest(kSource + "/exercises.ini"),
                                        selection)
              .size());
  const ExerciseResult* r = find_result(report, attacked);
  REQUIRE(r != nullptr);
  std::cout << "attack " << name << "\n    -> " << r->id << ": "
            << dlc::grader::outcome_name(r->outcome) << ": " << r->summary.substr(0, 300) << " ("
            << seconds(r->seconds) << "); " << report.score << " / " << report.max_score
            << " points, " << seconds(report.seconds) << "\n";
  return report;
}

/// Checks, once, that the reference earns full marks in these gradings (CTest runs after the
/// build, so nothing is built here).
void reference_passes_once() {
  static bool checked = false;
  if (checked) return;
  std::ostringstream progress;
  GradeOptions o =
      dlc::grader_tests::options_for("", {"week2.sigmoid", "week2.dot_loop"}, progress);
  o.solution = true;
  const GradeReport report = dlc::grader::grade(o);
  INFO(progress.str());
  REQUIRE(report.score == report.max_score);
  checked = true;
}

/// A listening socket of this process: TCP on 127.0.0.1 (an ephemeral port), or an abstract
/// Unix socket; accepts without waiting.
class Server {
 public:
  explicit Server(const std::string& abstract_name = "") {
    if (abstract_name.empty()) {
      fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
      sockaddr_in in{};
      in.sin_family = AF_INET;
      in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&in), sizeof in) == 0);
      socklen_t size = sizeof in;
      REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&in), &size) == 0);
      port_ = ntohs(in.sin_port);
    } else {
      fd_ = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
      sockaddr_un un{};
      un.sun_family = AF_UNIX;
      std::memcpy(un.sun_path + 1, abstract_name.data(), abstract_name.size());
      const auto size =
          static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + abstract_name.size());
      REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&un), size) == 0);
    }
    REQUIRE(::listen(fd_, 16) == 0);
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  ~Server() { ::close(fd_); }
  int port() const { return port_; }
  /// True when a connection is waiting.
  bool connected() const {
    const int c = ::accept(fd_, nullptr, nullptr);
    if (c >= 0) ::close(c);
    return c >= 0;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace

TEST_CASE("attacks at compile time: each file does not compile and shows nothing it reached",
          "[adversarial]") {
  reference_passes_once();
  const Course course = dlc::grader_tests::read_course();
  const Scratch scratch("grader-attacks-compile");
  const std::string passwd = slurp("/etc/passwd");
  struct WholeFile {
    std::string name;
    std::string text;
  };
  const std::vector<WholeFile> kWholeFile = {
      {"include the solution", "#include \"solutions/week2/logistic_regression.cpp\"\n"},
      {"include ../solutions", "#include \"../solutions/week2/logistic_regression.cpp\"\n"},
      {"include ../../solutions", "#include \"../../solutions/week2/logistic_regression.cpp\"\n"},
      {"include the instructor's solution by its path",
       "#include \"" + kSource + "/solutions/week2/logistic_regression.cpp\"\n"},
      {"include /etc/passwd", "#include \"/etc/passwd\"\n"},
      {"include /proc/self/fd/1", "#include \"/proc/self/fd/1\"\n"},
      {"include /dev/zero", "#include \"/dev/zero\"\n"},
      {"include /dev/stdin", "#include \"/dev/stdin\"\n"},
      {"incbin the judge and the solution",
       attack_file("incbin", base_placeholders(), scratch.path())},
  };
  const std::vector<std::string> selection = {kAttacked, "week2.dot_loop"};
  const auto before = judges_hash();
  std::size_t k = 0;
  for (const WholeFile& w : kWholeFile) {
    INFO(w.name);
    const fs::path dir = scratch / ("case-" + std::to_string(++k));
    write_with(course, dir, w.text);
    const GradeReport report = grade_attack(w.name, dir, selection, kAttacked);
    // The compiler's time limit, never retried, plus the other exercises' gradings.
    CHECK(report.seconds < 2 * kCompileTimeout + 30);
    check_report(report, kAttacked, Outcome::kDoesNotCompile, "does not compile");
    const ExerciseResult& r = *find_result(report, kAttacked);
    const std::string shown = r.summary + "\n" + r.detail;
    std::istringstream lines(passwd);
    for (std::string line; std::getline(lines, line);) {
      if (line.empty()) continue;
      INFO("a line of /etc/passwd in what the report shows: " << line);
      CHECK(shown.find(line) == std::string::npos);
    }
    CHECK(shown.find("BEGIN SOLUTION") == std::string::npos);
  }
  CHECK(judges_hash() == before);
}

TEST_CASE("attacks at run time: each scores 0 on its exercise and reaches nothing",
          "[adversarial]") {
  reference_passes_once();
  const Course course = dlc::grader_tests::read_course();
  const Scratch scratch("grader-attacks-run");
  ::setenv(kSecretName.c_str(), secret().c_str(), 1);
  const auto before = judges_hash();

  SECTION("a forged Catch2 report, then _exit(0)") {
    const fs::path dir = scratch / "forge";
    write_with(course, dir, attack_file("forge_report", base_placeholders(), scratch.path()));
    const GradeReport report = grade_attack("forge_report", dir, kRunTimeSelection, kAttacked);
    check_report(report, kAttacked, Outcome::kExitedEarly, "exit code 0");
    // What the attack found, as it printed: no report path, no test program.
    const ExerciseResult& r = *find_result(report, kAttacked);
    CHECK_THAT(r.detail, Catch::Contains("report paths found: 0;"));
    CHECK_THAT(r.detail, Catch::Contains("test programs found: 0"));
  }

  SECTION("a process that leaves its session and rewrites the results file") {
    const fs::path dir = scratch / "daemon";
    const fs::path json = scratch / "results.json";
    Placeholders p = base_placeholders();
    p["@JSON@"] = json.string();
    write_with(course, dir, attack_file("daemon", p, scratch.path()));
    const GradeReport report = grade_attack("daemon", dir, kRunTimeSelection, kAttacked);
    check_report(report, kAttacked, Outcome::kFailed, "");
    // The attack's own word that its process ran while it was graded.
    CHECK_THAT(find_result(report, kAttacked)->detail, Catch::Contains("daemon: 1 running"));
    dlc::grader::write_gradescope_json(json.string(), report);
    const std::string written = slurp(json);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    CHECK(slurp(json) == written);
    CHECK(processes_with(marker()).empty());
  }

  SECTION("reads /etc/passwd, the solution, the tests and the environment, and prints them") {
    const fs::path dir = scratch / "secrets";
    write_with(course, dir, attack_file("read_secrets", base_placeholders(), scratch.path()));
    const GradeReport report = grade_attack("read_secrets", dir, kRunTimeSelection, kAttacked);
    check_report(report, kAttacked, Outcome::kThrew, "secrets:");
    const ExerciseResult& r = *find_result(report, kAttacked);
    const std::string shown = r.summary + "\n" + r.detail;
    std::cout << "    " << shown.substr(0, 800) << "\n";
    CHECK(shown.find(secret()) == std::string::npos);
    CHECK(shown.find("BEGIN SOLUTION") == std::string::npos);
    std::istringstream passwd(slurp("/etc/passwd"));
    for (std::string line; std::getline(passwd, line);) {
      if (line.empty()) continue;
      INFO("a line of /etc/passwd in the report: " << line);
      CHECK(shown.find(line) == std::string::npos);
    }
    std::istringstream tests(slurp(fs::path(kSource) / "tests/week2/test_logistic_regression.cpp"));
    for (std::string line; std::getline(tests, line);) {
      if (line.rfind("TEST_CASE(", 0) != 0) continue;
      INFO("a line of the tests in the report: " << line);
      CHECK(shown.find(line) == std::string::npos);
    }
  }

  SECTION("connects to a server on 127.0.0.1 and to an abstract Unix socket") {
    const Server tcp;
    const std::string name = "dlc-attack-socket-" + std::to_string(::getpid());
    const Server unix_socket(name);
    Placeholders p = base_placeholders();
    p["@PORT@"] = std::to_string(tcp.port());
    p["@ABSTRACT@"] = name;
    const fs::path dir = scratch / "network";
    write_with(course, dir, attack_file("network", p, scratch.path()));
    const GradeReport report = grade_attack("network", dir, kRunTimeSelection, kAttacked);
    check_report(report, kAttacked, Outcome::kThrew, "network:");
    CHECK_THAT(find_result(report, kAttacked)->summary, !Catch::Contains("connected"));
    CHECK_FALSE(tcp.connected());
    CHECK_FALSE(unix_socket.connected());
  }

  SECTION("600 processes and 1 GiB of files") {
    const fs::path dir = scratch / "resources";
    write_with(course, dir, attack_file("resources", base_placeholders(), scratch.path()));
    const GradeReport report = grade_attack("resources", dir, kRunTimeSelection, kAttacked);
    check_report(report, kAttacked, Outcome::kThrew, "resources:");
    const std::string& summary = find_result(report, kAttacked)->summary;
    CHECK_THAT(summary, !Catch::Contains("600 processes started"));
    CHECK_THAT(summary, !Catch::Contains("1024 MiB written"));
  }

  CHECK(judges_hash() == before);
  ::unsetenv(kSecretName.c_str());
}

TEST_CASE("attacks in a batch: a classmate's grade and the batch's CSV are untouched",
          "[adversarial]") {
  reference_passes_once();
  const Course course = dlc::grader_tests::read_course();
  const Scratch scratch("grader-attacks-batch");
  const fs::path batch = scratch / "submissions";
  Placeholders p = base_placeholders();
  p["@SUBMISSIONS@"] = batch.string();
  // Graded in this order: the attackers first.
  write_with(course, batch / "a-overwrite", attack_file("overwrite", p, scratch.path()));
  write_with(course, batch / "b-kill", attack_file("kill", p, scratch.path()));
  dlc::grader_tests::write_submission(course, batch / "c-classmate", {});
  const std::string classmate_file = slurp(batch / "c-classmate" / (kLesson + ".cpp"));
  const auto before = judges_hash();

  std::ostringstream progress;
  GradeOptions options = attack_options("", {kAttacked, "week2.initialize_with_zeros"}, progress);
  std::vector<dlc::grader::SubmissionGrade> graded;
  INFO("the grading:\n" << progress.str());
  REQUIRE_NOTHROW(graded = dlc::grader::grade_submissions(options, batch.string()).submissions);
  const auto exercises = dlc::grader::select_exercises(course.manifest, options.selection);
  const std::string csv = dlc::grader::scores_csv(exercises, graded);
  std::cout << "attacks in a batch:\n" << csv;
  REQUIRE(graded.size() == 3);
  for (const auto& s : graded) REQUIRE(s.graded);
  INFO(csv);
  check_report(graded[0].report, kAttacked, Outcome::kThrew, "overwrite: reached 0 of");
  check_report(graded[1].report, kAttacked, Outcome::kFailed, "");
  CHECK(graded[2].report.score == graded[2].report.max_score);
  CHECK(slurp(batch / "c-classmate" / (kLesson + ".cpp")) == classmate_file);
  CHECK(judges_hash() == before);
  // The CSV says what the grader computed: 0 + 1 points for each attacker, 2 for the classmate.
  std::istringstream rows(csv);
  std::vector<std::string> lines;
  for (std::string line; std::getline(rows, line);) lines.push_back(line);
  REQUIRE(lines.size() == 4);
  CHECK(lines[1].rfind("a-overwrite,graded,1,2,0,1,threw,passed", 0) == 0);
  CHECK(lines[2].rfind("b-kill,graded,1,2,0,1,failed,passed", 0) == 0);
  CHECK(lines[3].rfind("c-classmate,graded,2,2,1,1,passed,passed", 0) == 0);
}
