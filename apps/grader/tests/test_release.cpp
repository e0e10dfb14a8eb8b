// `dlc release` end to end: the release of this tree is written into a temporary folder, checked
// for the answers (no solutions/, no planted mistakes, no line of a solution's marked region),
// configured and built on its own as a student would (Release, only `dlc` and what `dlc grade`
// builds), graded to 0 with every exercise "not implemented yet", then graded again with one
// lesson's reference solution written into the student's file, which earns that lesson's points.

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "apps/grader/grader.hpp"
#include "common/files.hpp"
#include "common/process.hpp"
#include "tools/stubgen_lib.hpp"

namespace {

namespace fs = std::filesystem;
using dlc::ProcessResult;
using dlc::RunLimits;
using dlc::TempDir;
using Json = nlohmann::json;

std::string text_of(const fs::path& path) {
  const auto text = dlc::read_file(path);
  return text ? *text : std::string();
}

std::string trimmed(const std::string& line) {
  const auto first = line.find_first_not_of(" \t\r");
  if (first == std::string::npos) return {};
  const auto last = line.find_last_not_of(" \t\r");
  return line.substr(first, last - first + 1);
}

std::set<std::string> trimmed_lines(const std::string& text) {
  std::set<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.insert(trimmed(line));
  return lines;
}

/// An HTML page's text as a reader sees it: the tags dropped, the entities read, so that a line
/// of code Doxygen marked up reads as the line.
std::string html_text(const std::string& html) {
  std::string text;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') {
      in_tag = true;
    } else if (c == '>' && in_tag) {
      in_tag = false;
    } else if (!in_tag) {
      text += c;
    }
  }
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"},   {"&gt;", ">"},   {"&quot;", "\""}, {"&#39;", "'"},
      {"&#160;", " "}, {"&nbsp;", " "}, {"&amp;", "&"}};
  for (const auto& [entity, plain] : entities) {
    const std::string e(entity);
    for (auto at = text.find(e); at != std::string::npos; at = text.find(e, at + 1))
      text.replace(at, e.size(), plain);
  }
  return text;
}

/// A line's code, trimmed: without the `//` comment after it, and without the `///`, `//` or `*`
/// before it, so that code quoted in a comment (a Doxygen example) reads as code.
std::string code_of(const std::string& line) {
  std::string code = trimmed(line);
  for (const char* lead : {"///", "//!", "//", "*"}) {
    if (code.rfind(lead, 0) == 0) {
      code = trimmed(code.substr(std::string(lead).size()));
      break;
    }
  }
  return trimmed(code.substr(0, code.find("//")));
}

/// The answers a release must not hold, from the solutions' marked regions.
struct Answers {
  /// Every exercise id marked in a solution: `BEGIN SOLUTION <id>` anywhere quotes a region.
  std::set<std::string> ids;
  /// The statements of the regions that give an answer away, by their code (a comment after it
  /// may differ), each with where it is: a line of a region that is a whole statement (it ends
  /// with `;`) of at least 24 characters and that no file of the course's given code holds. The
  /// given code is what a release ships by design, written beside the solutions: the lessons'
  /// stubs and headers, their tests (a test states the formula it checks:
  /// `gradapprox = (J_plus - J_minus) / (2 * epsilon)`) and the lesson programs (`dlc run
  /// week2.broadcasting` prints the lecture's `cal = A.sum(axis=0)`). What the check guards is
  /// everything else: the docs, the README, the hints, the toolkit, the tools. Shorter lines
  /// (`return p;`), loop and `try` headers and halves of statements are the common stock of any
  /// C++ file and give nothing away.
  std::map<std::string, std::string> statements;
};

Answers answers_of(const fs::path& source) {
  Answers out;
  std::set<std::string> given;
  std::vector<fs::path> given_folders = {source / "apps" / "lessons"};
  for (const auto& block : dlc::stubgen::blocks(source.string())) {
    given_folders.push_back(source / block);
    given_folders.push_back(source / "tests" / block);
  }
  for (const auto& folder : given_folders)
    for (const auto& entry : fs::directory_iterator(folder))
      for (const auto& line : trimmed_lines(text_of(entry.path()))) given.insert(code_of(line));
  for (const auto& block : dlc::stubgen::blocks(source.string())) {
    for (const auto& entry : fs::directory_iterator(source / "solutions" / block)) {
      if (entry.path().extension() != ".cpp") continue;
      const std::string relative = "solutions/" + block + "/" + entry.path().filename().string();
      const std::string solution = text_of(entry.path());
      std::vector<std::string> lines;
      std::istringstream in(solution);
      for (std::string line; std::getline(in, line);) lines.push_back(line);
      for (const auto& region : dlc::stubgen::regions(solution, relative, block)) {
        out.ids.insert(region.id);
        for (std::size_t n = region.line + 1; n < region.end_line; ++n) {
          const std::string code = code_of(lines[n - 1]);
          if (code.size() < 24 || code.back() != ';' || given.count(code) != 0) continue;
          out.statements.emplace(code, relative + ":" + std::to_string(n));
        }
      }
    }
  }
  return out;
}

/// The exercise ids that follow `BEGIN SOLUTION ` in `text` (a quoted marker), if any.
std::vector<std::string> quoted_markers(const std::string& text, const std::set<std::string>& ids) {
  std::vector<std::string> found;
  const std::string marker = "BEGIN SOLUTION ";
  for (auto at = text.find(marker); at != std::string::npos; at = text.find(marker, at + 1)) {
    const auto start = at + marker.size();
    const auto end = text.find_first_of(" \t\r\n\"'<`)", start);
    const std::string word = text.substr(start, end == std::string::npos ? end : end - start);
    if (ids.count(word) != 0) found.push_back(word);
  }
  return found;
}

struct Run {
  ProcessResult result;
  std::string command;
};

Run run(const std::vector<std::string>& argv, const fs::path& cwd, double timeout,
        const std::vector<std::string>& env_changes = {}) {
  RunLimits limits;
  limits.timeout_seconds = timeout;
  limits.output_limit_bytes = 8u << 20;
  Run r;
  for (const auto& a : argv) r.command += (r.command.empty() ? "" : " ") + a;
  r.result = dlc::run_process(argv, dlc::environment_with(env_changes), limits, cwd.string());
  return r;
}

void require_ok(const Run& r) {
  INFO("$ " << r.command << "\n" << r.result.output);
  REQUIRE(r.result.started);
  REQUIRE(r.result.exited);
  REQUIRE(r.result.exit_code == 0);
}

Json read_json(const fs::path& path) { return Json::parse(text_of(path)); }

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("dlc release: the release builds and grades to 0 on its own, without the answers",
          "[release]") {
  const auto start = std::chrono::steady_clock::now();
  const fs::path source = DLC_SOURCE_DIR;
  const dlc::grader::Manifest manifest =
      dlc::grader::read_manifest((source / "exercises.ini").string());
  TempDir temp("dlc-release-test");
  const fs::path release = temp.path() / "course" / "release";  // made with its parent

  // Writing it.
  require_ok(run({DLC_EXECUTABLE, "release", release.string(), "--source-dir", source.string(),
                  "--build-dir", DLC_BUILD_DIR},
                 temp.path(), 1800));
  const double write_seconds = seconds_since(start);
  REQUIRE(fs::is_regular_file(release / "docs" / "html" / "index.html"));
  REQUIRE(fs::is_regular_file(release / "week2" / "logistic_regression.cpp"));
  REQUIRE(fs::is_regular_file(release / "tests" / "week2" / "test_logistic_regression.cpp"));
  CHECK_FALSE(fs::exists(release / "solutions"));
  CHECK_FALSE(fs::exists(release / "tests" / "mutants"));
  CHECK_FALSE(fs::exists(release / "tests" / "grader_submissions"));
  CHECK_FALSE(fs::exists(release / "bench"));

  // No answer in any file: no marker of a solution's region (`BEGIN SOLUTION <id>`; the words
  // alone, where the tools and the docs describe the markers, quote nothing), no statement of a
  // marked region that no stub or header holds (in the HTML, as the page reads).
  const Answers answers = answers_of(source);
  REQUIRE(answers.ids.size() == manifest.exercises.size());
  REQUIRE(answers.statements.size() > 100);  // the check has something to find
  std::string found;
  std::size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(release)) {
    if (!entry.is_regular_file()) continue;
    ++files;
    const std::string name = entry.path().lexically_relative(release).generic_string();
    if (entry.path().extension() == ".mutants") found += "\n" + name + ": a file of mutants";
    std::string text = text_of(entry.path());
    if (entry.path().extension() == ".html" || entry.path().extension() == ".js")
      text = html_text(text);
    for (const auto& id : quoted_markers(text, answers.ids))
      found += "\n" + name + ": holds `BEGIN SOLUTION " + id + "`";
    for (const auto& line : trimmed_lines(text))
      if (const auto it = answers.statements.find(code_of(line)); it != answers.statements.end())
        found += "\n" + name + ": `" + line + "`, from " + it->second;
  }
  INFO("the release gives answers away:" << found);
  CHECK(found.empty());

  // Building it as a student does: the Release preset, only `dlc`; `dlc grade` builds the rest.
  // A compiler launcher (ccache) in the environment is used, with paths relative to the release.
  std::vector<std::string> env;
  if (const char* launcher = std::getenv("CMAKE_CXX_COMPILER_LAUNCHER");
      launcher != nullptr && *launcher != '\0')
    env.push_back("CCACHE_BASEDIR=" + release.string());
  auto phase = std::chrono::steady_clock::now();
  require_ok(run({"cmake", "--preset", "release"}, release, 600, env));
  require_ok(
      run({"cmake", "--build", "--preset", "release", "--target", "dlc"}, release, 1800, env));
  const double build_seconds = seconds_since(phase);
  const fs::path dlc = release / "build" / "release" / "bin" / "dlc";
  CHECK_FALSE(fs::exists(release / "build" / "release" / "bin" / "dlc-lessons-solution"));

  // Grading the untouched stubs: 0 points, every exercise not implemented yet.
  phase = std::chrono::steady_clock::now();
  const fs::path json = temp.path() / "results.json";
  const Run grade = run({dlc.string(), "grade", "--json", json.string()}, release, 3600, env);
  const double grade_seconds = seconds_since(phase);
  require_ok(grade);
  {
    INFO(grade.result.output);
    CHECK(grade.result.output.find("Total: 0 / " + std::to_string(manifest.total_points()) +
                                   " points\n") != std::string::npos);
    const Json j = read_json(json);
    const auto& tests = j.at("tests");
    REQUIRE(tests.size() == manifest.exercises.size());
    for (std::size_t i = 0; i < tests.size(); ++i) {
      INFO(manifest.exercises[i].id << ": " << tests[i].at("output").get<std::string>());
      CHECK(tests[i].at("extra_data").at("id").get<std::string>() == manifest.exercises[i].id);
      CHECK(tests[i].at("extra_data").at("outcome").get<std::string>() == "not_implemented");
    }
  }

  // What needs the reference says so, in one line, with exit code 1.
  for (const std::vector<std::string>& words :
       {std::vector<std::string>{"run", "week2.logreg", "--solution"},
        std::vector<std::string>{"grade", "--solution"},
        std::vector<std::string>{"grade", "--submission", temp.path().string()}}) {
    std::vector<std::string> argv = {dlc.string()};
    argv.insert(argv.end(), words.begin(), words.end());
    const Run r = run(argv, release, 60);
    INFO("$ " << r.command << "\n" << r.result.output);
    CHECK(r.result.exit_code == 1);
    CHECK(std::count(r.result.output.begin(), r.result.output.end(), '\n') == 1);
    CHECK((r.result.output.find("has no reference solutions") != std::string::npos ||
           r.result.output.find("needs the instructor's tree") != std::string::npos));
  }

  // One lesson's reference solution in the student's file earns exactly that lesson's points:
  // the in-process path grades for real.
  const std::string lesson = "week2/logistic_regression.cpp";
  const std::string solution = text_of(source / "solutions" / lesson);
  std::set<std::string> solved;
  for (const auto& e : dlc::stubgen::exercise_functions(solution, "solutions/" + lesson, "week2"))
    solved.insert(e.id);
  REQUIRE(solved.size() > 3);
  {
    std::ofstream out(release / lesson, std::ios::binary | std::ios::trunc);
    out << solution;
  }
  phase = std::chrono::steady_clock::now();
  const Run week2 =
      run({dlc.string(), "grade", "week2", "--json", json.string()}, release, 1800, env);
  const double regrade_seconds = seconds_since(phase);
  require_ok(week2);
  INFO(week2.result.output);
  int expected = 0;
  int week2_points = 0;
  for (const auto& e : manifest.exercises) {
    if (e.block() != "week2") continue;
    week2_points += e.points;
    if (solved.count(e.id) != 0) expected += e.points;
  }
  CHECK(week2.result.output.find("Total: " + std::to_string(expected) + " / " +
                                 std::to_string(week2_points) + " points\n") != std::string::npos);
  for (const Json& t : read_json(json).at("tests")) {
    const std::string id = t.at("extra_data").at("id").get<std::string>();
    INFO(id << ": " << t.at("output").get<std::string>());
    CHECK(t.at("extra_data").at("outcome").get<std::string>() ==
          (solved.count(id) != 0 ? "passed" : "not_implemented"));
  }

  WARN("release.builds: " << files << " files; written in " << write_seconds << " s, dlc built in "
                          << build_seconds << " s, dlc grade (building the tests) " << grade_seconds
                          << " s, dlc grade week2 with one lesson solved " << regrade_seconds
                          << " s; " << seconds_since(start) << " s in all");
}
