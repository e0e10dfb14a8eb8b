// Tests of the autograder (apps/grader): the manifest reader, the XML reader, the decision on
// hand-written reports, the process runner against a helper that misbehaves on purpose, whole
// gradings of a Catch2 program whose exercises misbehave, the reports, the manifest against the
// solutions' markers ([manifest]), and `dlc grade` on this tree ([stubs], [solution]).
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "apps/grader/batch.hpp"
#include "apps/grader/catch_report.hpp"
#include "apps/grader/grader.hpp"
#include "apps/grader/lessons.hpp"
#include "apps/grader/sandbox.hpp"
#include "common/files.hpp"
#include "common/process.hpp"
#include "tools/stubgen_lib.hpp"

namespace fs = std::filesystem;
using namespace dlc::grader;
using dlc::environment_with;
using dlc::ProcessResult;
using dlc::run_process;
using dlc::RunLimits;
using dlc::signal_description;

namespace {

// ---- helpers ---------------------------------------------------------------------------------

using Scratch = dlc::TempDir;

std::string slurp(const std::string& path) { return dlc::read_file(path).value_or(""); }

void spit(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream out(path, std::ios::binary);
  out << text;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string manifest_error(const std::string& text) {
  try {
    parse_manifest(text, "exercises.ini");
  } catch (const ManifestError& e) {
    return e.what();
  }
  return "(no error)";
}

/// The XmlError read_catch_report() throws for `text`, or "(no error)".
std::string xml_error(const std::string& text) {
  try {
    read_catch_report(text);
  } catch (const XmlError& e) {
    return e.what();
  }
  return "(no error)";
}

using Json = nlohmann::json;

Json read_json(const std::string& path) { return Json::parse(slurp(path)); }

/// Checks a results.json against Gradescope's documented fields and types, and that the score is
/// the sum of the tests' scores.
void check_gradescope_fields(const Json& j) {
  REQUIRE(j.is_object());
  const std::set<std::string> top = {
      "score",      "max_score", "execution_time",    "output",     "output_format",
      "visibility", "tests",     "stdout_visibility", "extra_data", "leaderboard"};
  for (const auto& item : j.items()) {
    INFO("top-level key " << item.key());
    CHECK(top.count(item.key()) == 1);
  }
  REQUIRE(j.contains("score"));
  REQUIRE(j.at("score").is_number());
  REQUIRE(j.contains("tests"));
  REQUIRE(j.at("tests").is_array());
  const std::set<std::string> visibilities = {"hidden", "after_due_date", "after_published",
                                              "visible"};
  CHECK(visibilities.count(j.at("visibility").get<std::string>()) == 1);
  double sum = 0;
  for (const Json& t : j.at("tests")) {
    const std::set<std::string> fields = {"score",       "max_score",  "status",    "name",
                                          "name_format", "number",     "output",    "output_format",
                                          "tags",        "visibility", "extra_data"};
    for (const auto& item : t.items()) {
      INFO("test key " << item.key());
      CHECK(fields.count(item.key()) == 1);
    }
    REQUIRE(t.at("score").is_number());
    REQUIRE(t.at("max_score").is_number());
    REQUIRE(t.at("name").is_string());
    REQUIRE(t.at("number").is_string());
    REQUIRE(t.at("output").is_string());
    const std::string status = t.at("status").get<std::string>();
    CHECK((status == "passed" || status == "failed"));
    CHECK(visibilities.count(t.at("visibility").get<std::string>()) == 1);
    CHECK(t.at("score").get<double>() <= t.at("max_score").get<double>());
    sum += t.at("score").get<double>();
  }
  CHECK(j.at("score").get<double>() == sum);
}

const char* const kSampleManifest =
    "# a comment\n"
    "[week2.sigmoid]\n"
    "lecture = 2.2\n"
    "title = The sigmoid function\n"
    "points = 1\n"
    "hint = first\n"
    "hint = second # not a comment\n"
    "\n"
    "[week2.model]\n"
    "lecture = 2.4\r\n"
    "title = The whole model\n"
    "points = 3\n"
    "timeout = 60\n";

Exercise exercise(const std::string& id, int points = 2) {
  Exercise e;
  e.id = id;
  e.lecture = "2.2";
  e.title = "t";
  e.points = points;
  return e;
}

ProcessResult exited(int code, std::string output = "") {
  ProcessResult r;
  r.started = true;
  r.exited = true;
  r.exit_code = code;
  r.output_bytes = output.size();
  r.output = std::move(output);
  r.seconds = 0.1;
  return r;
}

std::string report_of(const std::string& test_cases) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Catch name=\"t\" filters=\"[x]\">\n"
         "  <Group name=\"t\">\n" +
         test_cases +
         "    <OverallResults successes=\"1\" failures=\"0\" expectedFailures=\"0\"/>\n"
         "  </Group>\n"
         "  <OverallResults successes=\"1\" failures=\"0\" expectedFailures=\"0\"/>\n"
         "</Catch>";
}

const std::string kPassingCase =
    "<TestCase name=\"ok\" tags=\"[x.a]\" filename=\"/src/tests/t.cpp\" line=\"3\">\n"
    "  <OverallResult success=\"true\"/>\n</TestCase>\n";

const std::string kStubCase =
    "<TestCase name=\"stub\" tags=\"[x.a]\" filename=\"/src/tests/t.cpp\" line=\"5\">\n"
    "  <Exception filename=\"/src/tests/t.cpp\" line=\"5\">\n"
    "    not implemented yet: x.a (hint: write it)\n  </Exception>\n"
    "  <OverallResult success=\"false\"/>\n</TestCase>\n";

const std::string kFailingCase =
    "<TestCase name=\"adds &amp; carries\" tags=\"[x.a]\" filename=\"/src/tests/t.cpp\" "
    "line=\"9\">\n"
    "  <Section name=\"small\" filename=\"/src/tests/t.cpp\" line=\"10\">\n"
    "    <Info>the formula: a + b</Info>\n"
    "    <Expression success=\"false\" type=\"CHECK\" filename=\"/src/tests/t.cpp\" line=\"12\">\n"
    "      <Original>\n        add(2, 2) == 4\n      </Original>\n"
    "      <Expanded>\n        5 == 4\n      </Expanded>\n"
    "    </Expression>\n"
    "    <OverallResults successes=\"0\" failures=\"1\" expectedFailures=\"0\"/>\n"
    "  </Section>\n"
    "  <OverallResult success=\"false\">\n    <StdOut>\nprinted &lt;this&gt;\n    </StdOut>\n"
    "  </OverallResult>\n</TestCase>\n";

DecideOptions decide_options() {
  DecideOptions o;
  o.timeout_seconds = 3;
  o.memory_limit_bytes = 2ull << 30;
  o.source_prefixes = {"/src"};
  return o;
}

std::string helper() { return DLC_GRADER_HELPER; }

RunLimits limits(double timeout) {
  RunLimits l;
  l.timeout_seconds = timeout;
  l.output_limit_bytes = 64 << 10;
  return l;
}

}  // namespace

// ---- the manifest ----------------------------------------------------------------------------

TEST_CASE("manifest: the sample reads in file order with every field",
          "[grader][manifest-reader]") {
  const Manifest m = parse_manifest(kSampleManifest, "exercises.ini");
  REQUIRE(m.exercises.size() == 2);
  const Exercise& s = m.exercises[0];
  CHECK(s.id == "week2.sigmoid");
  CHECK(s.block() == "week2");
  CHECK(s.lecture == "2.2");
  CHECK(s.title == "The sigmoid function");
  CHECK(s.points == 1);
  CHECK(s.timeout_seconds == 0);
  REQUIRE(s.hints.size() == 2);
  CHECK(s.hints[1] == "second # not a comment");
  CHECK(m.exercises[1].lecture == "2.4");  // the \r of a CRLF line is not part of the value
  CHECK(m.exercises[1].timeout_seconds == 60);
  CHECK(m.find("week2.model") == &m.exercises[1]);
  CHECK(m.find("week2.nothing") == nullptr);
  CHECK(m.total_points() == 4);
}

TEST_CASE("manifest: every mistake is named with file:line", "[grader][manifest-reader]") {
  CHECK(manifest_error("[week2.a]\nlecture 2.2\n") ==
        "exercises.ini:2: expected `key = value`, a [section], or a # comment");
  CHECK(manifest_error("lecture = 2.2\n") ==
        "exercises.ini:1: `lecture` comes before the first [exercise] section");
  CHECK(contains(manifest_error("[week2.a]\nlecture = 1\ntitle = t\npoints = 1\ncolour = red\n"),
                 "exercises.ini:5: unknown key \"colour\""));
  CHECK(manifest_error("[week2.a]\nlecture = 1\ntitle = t\npoints = 1\n[week2.a]\n") ==
        "exercises.ini:5: exercise week2.a is listed twice (first at line 1)");
  CHECK(contains(manifest_error("[week2.a]\nlecture = 1\ntitle = t\n\n[week2.b]\n"),
                 "exercises.ini:1: exercise week2.a has no points"));
  CHECK(contains(manifest_error("[week2.a]\nlecture = 1\npoints = 1\n"),
                 "exercises.ini:1: exercise week2.a has no title"));
  for (const char* bad : {"two", "0", "-1", "1.5", "1x", ""}) {
    INFO("points = " << bad);
    const std::string e =
        manifest_error(std::string("[week2.a]\nlecture = 1\ntitle = t\npoints = ") + bad + "\n");
    CHECK(contains(e, "exercises.ini:4: "));
  }
  CHECK(contains(manifest_error("[week2.a]\nlecture = 1\ntitle = t\npoints = 1\ntimeout = 0\n"),
                 "exercises.ini:5: timeout must be a positive number"));
  CHECK(contains(manifest_error("[week2.a]\nlecture = 1\nlecture = 2\n"),
                 "exercises.ini:3: `lecture` is given twice"));
  CHECK(contains(manifest_error("[sigmoid]\n"), "exercises.ini:1: \"sigmoid\" is not an exercise"));
  CHECK(contains(manifest_error("[week2.a\n"), "exercises.ini:1: a section must look like"));
  CHECK(contains(manifest_error("# nothing\n"), "no exercise is listed"));
  CHECK(contains(manifest_error("[week2.a]\nlecture =\n"),
                 "exercises.ini:2: `lecture` has no value"));
  try {
    read_manifest("/nonexistent/exercises.ini");
    FAIL("no error");
  } catch (const ManifestError& e) {
    CHECK(contains(e.what(), "/nonexistent/exercises.ini: cannot read"));
  }
}

TEST_CASE("manifest: the course's exercises.ini reads", "[grader][manifest-reader]") {
  const Manifest m = read_manifest(DLC_SOURCE_DIR "/exercises.ini");
  CHECK(m.exercises.size() >= 1);
  for (const auto& e : m.exercises) {
    INFO(e.id);
    CHECK(!e.hints.empty());
  }
}

TEST_CASE("selection: ids and blocks, in course order; unknown words refused", "[grader]") {
  const Manifest m = parse_manifest(
      std::string(kSampleManifest) + "[week3.layer]\nlecture = 3.1\ntitle = t\npoints = 1\n",
      "exercises.ini");
  CHECK(select_exercises(m, {}).size() == 3);
  auto ids = [](const std::vector<Exercise>& es) {
    std::vector<std::string> out;
    for (const auto& e : es) out.push_back(e.id);
    return out;
  };
  CHECK(ids(select_exercises(m, {"week3.layer", "week2.sigmoid"})) ==
        std::vector<std::string>{"week2.sigmoid", "week3.layer"});
  CHECK(ids(select_exercises(m, {"week2"})) ==
        std::vector<std::string>{"week2.sigmoid", "week2.model"});
  CHECK_THROWS_WITH(select_exercises(m, {"sigmoid"}),
                    "no exercise or block is called \"sigmoid\" (did you mean week2.sigmoid?)");
  CHECK_THROWS_AS(select_exercises(m, {"week9"}), SelectionError);
}

// ---- reading Catch2's report (pugixml), whatever a submission made of it ----------------------

TEST_CASE("xml: a report's entities, character references and CDATA are decoded", "[grader][xml]") {
  const CatchReport r = read_catch_report(
      "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n"
      "<Catch name='a &amp; b'><Group name=\"g\">\n"
      "<TestCase name=\"x &lt;&gt;&quot;&apos;\" tags=\"[x.a]\">\n"
      "  <Expression success=\"false\" type=\"CHECK\" filename=\"t.cpp\" line=\"7\">\n"
      "    <Original>a &amp;&amp; &#65;&#x42;&#x20AC; <![CDATA[<raw>&]]><!-- skip --></Original>\n"
      "    <Expanded>false</Expanded>\n"
      "  </Expression>\n"
      "  <OverallResult success=\"false\"/>\n"
      "</TestCase></Group></Catch>\n<!-- after -->\n");
  REQUIRE(r.test_cases.size() == 1);
  CHECK(r.test_cases[0].name == "x <>\"'");
  REQUIRE(r.test_cases[0].failures.size() == 1);
  CHECK(r.test_cases[0].failures[0].original == "a && AB\xE2\x82\xAC <raw>&");
  CHECK(r.test_cases[0].failures[0].line == 7);
}

TEST_CASE("xml: malformed input is refused with its line", "[grader][xml]") {
  CHECK(contains(xml_error(""), "line 1: "));
  CHECK(contains(xml_error("<Catch>\n<Group></Catch>"), "line 2: "));
  CHECK(contains(xml_error("<Catch></Catch><Catch/>"), "2 root elements"));
  CHECK(contains(xml_error("<Catch x=1/>"), "line 1: "));
  CHECK(contains(xml_error("<1a/>"), "line 1: "));
  CHECK(xml_error("<Catch>\n<Group>") ==
        "line 2: Start-end tags mismatch at its end (the report is cut short)");
  CHECK(contains(xml_error("<Catch x=\"abc"), "line 1: "));
  CHECK(contains(xml_error("<Catch><!-- x"), "line 1: "));
  CHECK(xml_error("<NotCatch/>") == "the root element is <NotCatch>, not Catch2's <Catch>");
  CHECK(contains(xml_error("<Catch><TestCase name=\"t\"></TestCase></Catch>"),
                 "test case \"t\" has no result"));
}

TEST_CASE("xml: every truncation of a real report is refused, never crashes", "[grader][xml]") {
  const std::string full = report_of(kPassingCase + kFailingCase + kStubCase);
  REQUIRE_NOTHROW(read_catch_report(full));
  for (std::size_t n = 0; n < full.size(); ++n) {
    const std::string cut = full.substr(0, n);
    INFO("the first " << n << " bytes");
    CHECK_THROWS_AS(read_catch_report(cut), XmlError);
  }
}

TEST_CASE("xml: garbage, hostile nesting and huge reports are refused or read, never a crash",
          "[grader][xml]") {
  std::mt19937 rng(12345);
  const std::string alphabet = "<>/=\"'&;#x! ?-[]CDATAab\n\x01\xff";
  for (int round = 0; round < 3000; ++round) {
    std::string junk;
    const int length = static_cast<int>(rng() % 200);
    for (int i = 0; i < length; ++i) junk += alphabet[rng() % alphabet.size()];
    try {
      read_catch_report(junk);
    } catch (const XmlError&) {
    }
  }
  // Deep nesting: unclosed, or closed and inside a test case (walked section by section).
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<a>";
  CHECK_THROWS_AS(read_catch_report(deep), XmlError);
  std::string sections;
  for (int i = 0; i < 100000; ++i) sections += "<Section name=\"s\">";
  for (int i = 0; i < 100000; ++i) sections += "</Section>";
  CHECK(contains(xml_error("<Catch><TestCase name=\"t\">" + sections +
                           "<OverallResult success=\"true\"/></TestCase></Catch>"),
                 "nest too deeply"));
  // Wide: many test cases; huge: 16 MiB of captured output.
  std::string wide = "<Catch>";
  for (int i = 0; i < 100000; ++i)
    wide += "<TestCase name=\"c\"><OverallResult success=\"true\"/></TestCase>";
  wide += "</Catch>";
  CHECK(read_catch_report(wide).test_cases.size() == 100000);
  const std::string huge = "<Catch><TestCase name=\"t\"><OverallResult success=\"true\"><StdOut>" +
                           std::string(16u << 20, 'x') +
                           "</StdOut></OverallResult></TestCase></Catch>";
  CHECK(read_catch_report(huge).test_cases.at(0).std_out.size() == (16u << 20));
}

// ---- the decision ----------------------------------------------------------------------------

TEST_CASE("decide: passed only with a complete report, every case passing, exit code 0",
          "[grader][decide]") {
  const Exercise e = exercise("x.a", 2);
  const auto o = decide_options();
  const ExerciseResult pass = decide(e, exited(0), report_of(kPassingCase + kPassingCase), o);
  CHECK(pass.outcome == Outcome::kPassed);
  CHECK(pass.score == 2);
  CHECK(pass.points == 2);
  CHECK(pass.summary == "passed (2 test cases)");

  // The same report with exit code 1: not a pass.
  const ExerciseResult odd = decide(e, exited(1), report_of(kPassingCase), o);
  CHECK(odd.outcome == Outcome::kFailed);
  CHECK(odd.score == 0);

  // A report without </Catch>: exited early, even with exit code 0 and passing cases.
  std::string cut = report_of(kPassingCase);
  cut = cut.substr(0, cut.rfind("</Catch>"));
  const ExerciseResult early = decide(e, exited(0), cut, o);
  CHECK(early.outcome == Outcome::kExitedEarly);
  CHECK(early.summary == "exited early (exit code 0) before its tests finished");
  CHECK(early.score == 0);

  // No report at all, but output that looks like a pass.
  const ExerciseResult fake = decide(
      e, exited(0, "All tests passed (1 assertion in 1 test case)\n" + report_of(kPassingCase)),
      std::nullopt, o);
  CHECK(fake.outcome == Outcome::kExitedEarly);
  CHECK(fake.score == 0);

  // A report with no test case.
  const ExerciseResult none = decide(e, exited(0), report_of(""), o);
  CHECK(none.outcome == Outcome::kNoTests);
  CHECK(none.summary == "no test case is tagged [x.a]");
}

TEST_CASE("decide: a stub's failures are not implemented yet", "[grader][decide]") {
  const auto o = decide_options();
  const ExerciseResult r = decide(exercise("x.a"), exited(1), report_of(kStubCase + kStubCase), o);
  CHECK(r.outcome == Outcome::kNotImplemented);
  CHECK(r.summary == "not implemented yet");
  CHECK(r.score == 0);
  CHECK(contains(r.detail, "not implemented yet: x.a (hint: write it)"));

  // An exercise whose tests stop at another, unwritten exercise.
  const ExerciseResult other = decide(exercise("x.b"), exited(1), report_of(kStubCase), o);
  CHECK(other.outcome == Outcome::kNotImplemented);
  CHECK(other.summary == "not implemented yet (it calls x.a, not written yet)");

  // Stub failures, then a wrong value: the wrong value decides.
  const ExerciseResult mixed =
      decide(exercise("x.a"), exited(2), report_of(kStubCase + kFailingCase), o);
  CHECK(mixed.outcome == Outcome::kFailed);
}

TEST_CASE("decide: a wrong value names the check, its values and where", "[grader][decide]") {
  const ExerciseResult r = decide(exercise("x.a"), exited(1, "some output"),
                                  report_of(kPassingCase + kFailingCase), decide_options());
  CHECK(r.outcome == Outcome::kFailed);
  CHECK(r.summary == "failed: adds & carries: CHECK( add(2, 2) == 4 ) with expansion 5 == 4");
  CHECK(contains(r.detail, "in test case \"adds & carries\", section \"small\"\n"));
  CHECK(contains(r.detail, "at tests/t.cpp:12\n"));
  CHECK(contains(r.detail, "  CHECK( add(2, 2) == 4 )\n"));
  CHECK(contains(r.detail, "with expansion:\n  5 == 4\n"));
  CHECK(contains(r.detail, "with message:\n  the formula: a + b\n"));
  CHECK(contains(r.detail, "printed <this>"));
  CHECK(contains(r.detail, "output:\n  some output\n"));
}

TEST_CASE("decide: exceptions, crashes, timeouts and early exits", "[grader][decide]") {
  const Exercise e = exercise("x.a");
  const auto o = decide_options();
  auto thrown = [](const std::string& message) {
    return report_of(
        "<TestCase name=\"t\" tags=\"[x.a]\" filename=\"/src/t.cpp\" line=\"1\">\n"
        "<Exception filename=\"/src/t.cpp\" line=\"1\">\n" +
        message + "\n</Exception>\n<OverallResult success=\"false\"/>\n</TestCase>\n");
  };
  const ExerciseResult std_ex = decide(e, exited(1), thrown("boom"), o);
  CHECK(std_ex.outcome == Outcome::kThrew);
  CHECK(std_ex.summary == "threw an exception: boom");
  const ExerciseResult other = decide(e, exited(1), thrown("Unknown exception"), o);
  CHECK(other.outcome == Outcome::kThrew);
  CHECK(other.summary == "threw an exception that is not a std::exception");
  const ExerciseResult memory = decide(e, exited(1), thrown("std::bad_alloc"), o);
  CHECK(memory.summary == "threw std::bad_alloc: it ran out of memory (the limit is 2 GiB)");

  // An exception inside a check.
  const ExerciseResult in_check = decide(
      e, exited(1),
      report_of("<TestCase name=\"t\" tags=\"[x.a]\" filename=\"/src/t.cpp\" line=\"1\">\n"
                "<Expression success=\"false\" type=\"CHECK\" filename=\"/src/t.cpp\" line=\"2\">"
                "<Original>f() == 1</Original><Expanded>f() == 1</Expanded>"
                "<Exception filename=\"/src/t.cpp\" line=\"2\">bad shape</Exception></Expression>"
                "<OverallResult success=\"false\"/></TestCase>"),
      o);
  CHECK(in_check.outcome == Outcome::kThrew);
  CHECK(in_check.summary == "threw an exception: bad shape");

  ProcessResult segv;
  segv.started = true;
  segv.signal = SIGSEGV;
  const ExerciseResult crash = decide(e, segv, std::nullopt, o);
  CHECK(crash.outcome == Outcome::kCrashed);
  CHECK(crash.summary == "crashed with signal 11 (Segmentation fault)");
  // Catch2 finishes its report from its signal handler: the signal still decides.
  const ExerciseResult crash2 = decide(e, segv, report_of(kPassingCase), o);
  CHECK(crash2.outcome == Outcome::kCrashed);
  CHECK(crash2.score == 0);

  ProcessResult slow;
  slow.started = true;
  slow.timed_out = true;
  slow.signal = SIGKILL;
  const ExerciseResult timeout =
      decide(e, slow, std::string("<Catch><Group><TestCase name=\"slow &amp; steady\""), o);
  CHECK(timeout.outcome == Outcome::kTimedOut);
  CHECK(timeout.summary == "timed out after 3 s");
  CHECK(contains(timeout.detail, "in test case \"slow & steady\""));

  const ExerciseResult early = decide(e, exited(0), std::string("garbage"), o);
  CHECK(early.outcome == Outcome::kExitedEarly);

  ProcessResult missing;
  missing.start_error = "cannot run /x: No such file or directory";
  CHECK(decide(e, missing, std::nullopt, o).outcome == Outcome::kDoesNotCompile);
}

TEST_CASE("decide: output past the limit fails an exercise whose tests pass", "[grader][decide]") {
  auto o = decide_options();
  o.output_limit_bytes = 100;
  ProcessResult loud = exited(0, std::string(100, 'x'));
  loud.output_bytes = 5000;
  loud.output_truncated = true;
  const ExerciseResult r = decide(exercise("x.a"), loud, report_of(kPassingCase), o);
  CHECK(r.outcome == Outcome::kFailed);
  CHECK(r.score == 0);
  CHECK(contains(r.summary, "of output, more than the limit of 100 bytes"));
  CHECK(contains(r.detail, "(the first 100 of 5000 bytes)"));
}

TEST_CASE("outcome names", "[grader]") {
  CHECK(outcome_name(Outcome::kPassed) == "passed");
  CHECK(outcome_name(Outcome::kFailed) == "failed");
  CHECK(outcome_name(Outcome::kNotImplemented) == "not_implemented");
  CHECK(outcome_name(Outcome::kCrashed) == "crashed");
  CHECK(outcome_name(Outcome::kTimedOut) == "timed_out");
  CHECK(outcome_name(Outcome::kExitedEarly) == "exited_early");
  CHECK(outcome_name(Outcome::kThrew) == "threw");
  CHECK(outcome_name(Outcome::kDoesNotCompile) == "does_not_compile");
  CHECK(outcome_name(Outcome::kNoTests) == "no_tests");
}

// ---- the process runner ----------------------------------------------------------------------

TEST_CASE("process: exit codes, signals, stdin, environment, folder", "[grader][process]") {
  // As the grader runs a test program: a crash stays a signal in a sanitized build too.
  std::vector<std::string> changes = sanitizer_environment();
  changes.insert(changes.end(), {"DLC_TEST_VALUE=42", "HOME"});
  const auto env = environment_with(changes);
  ProcessResult r = run_process({helper(), "ok"}, env, limits(10));
  CHECK(r.started);
  CHECK(r.exited);
  CHECK(r.exit_code == 0);
  CHECK(r.output == "fine\n");

  r = run_process({helper(), "exit3"}, env, limits(10));
  CHECK(r.exit_code == 3);

  r = run_process({helper(), "segfault"}, env, limits(10));
  CHECK(!r.exited);
  CHECK(r.signal == SIGSEGV);
  CHECK(signal_description(r.signal) == "Segmentation fault");

  r = run_process({helper(), "abort"}, env, limits(10));
  CHECK(r.signal == SIGABRT);

  r = run_process({helper(), "throw"}, env, limits(10));
  CHECK(r.signal == SIGABRT);
  CHECK(contains(r.output, "terminate"));

  r = run_process({helper(), "stdin"}, env, limits(10));
  CHECK(r.output == "stdin gave -1\n");

  r = run_process({helper(), "env", "DLC_TEST_VALUE"}, env, limits(10));
  CHECK(r.output == "DLC_TEST_VALUE=42\n");
  r = run_process({helper(), "env", "HOME"}, env, limits(10));
  CHECK(r.output == "HOME=(unset)\n");

  Scratch scratch;
  r = run_process({helper(), "pwd"}, env, limits(10), scratch.path().string());
  CHECK(r.output == fs::canonical(scratch.path()).string() + "\n");

  r = run_process({"/nonexistent/program"}, env, limits(10));
  CHECK(!r.started);
  CHECK(r.start_error == "cannot run /nonexistent/program: No such file or directory");
  r = run_process({helper(), "ok"}, env, limits(10), "/nonexistent/folder");
  CHECK(!r.started);
  CHECK(contains(r.start_error, "cannot enter /nonexistent/folder"));

  r = run_process({"true"}, env, limits(10));  // found in PATH
  CHECK(r.exited);
  CHECK(r.exit_code == 0);
}

TEST_CASE("process: the timeout kills the whole process group", "[grader][process]") {
  const auto env = environment_with({});
  const auto start = std::chrono::steady_clock::now();
  ProcessResult r = run_process({helper(), "spin"}, env, limits(0.5));
  CHECK(r.timed_out);
  CHECK(!r.exited);
  CHECK(r.seconds < 2.0);

  r = run_process({helper(), "sleep"}, env, limits(0.3));
  CHECK(r.timed_out);

  Scratch scratch;
  const std::string pid_file = scratch.file("child.pid");
  r = run_process({helper(), "fork-spin", pid_file}, env, limits(0.5));
  CHECK(r.timed_out);
  const pid_t grandchild = std::atoi(slurp(pid_file).c_str());
  REQUIRE(grandchild > 0);
  // The grandchild was in the group: it is gone (or a zombie about to be reaped by init).
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    const std::string stat = slurp("/proc/" + std::to_string(grandchild) + "/stat");
    gone = stat.empty() || contains(stat, ") Z ");
    if (!gone) ::usleep(10000);
  }
  CHECK(gone);

  // A child left behind holding the output pipe does not keep the runner waiting.
  r = run_process({helper(), "fork-sleep"}, env, limits(30));
  CHECK(r.exited);
  CHECK(r.exit_code == 0);
  CHECK(!r.timed_out);
  CHECK(r.output == "parent exits\n");
  CHECK(r.seconds < 5);
  const double total =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(total < 10);
}

TEST_CASE("process: output is capped, memory and file size limited", "[grader][process]") {
  const auto env = environment_with({});
  ProcessResult r = run_process({helper(), "output"}, env, limits(30));
  CHECK(r.exited);
  CHECK(r.exit_code == 0);
  CHECK(r.output.size() == 64u << 10);
  CHECK(r.output_bytes == 64u << 20);
  CHECK(r.output_truncated);

  r = run_process({helper(), "output-forever"}, env, limits(0.5));
  CHECK(r.timed_out);
  CHECK(r.output.size() == 64u << 10);
  CHECK(r.output_bytes > r.output.size());

  RunLimits memory = limits(30);
  if (!kSanitizedBuild) {
    memory.memory_limit_bytes = 512u << 20;
    r = run_process({helper(), "alloc"}, env, memory);
    CHECK(r.exited);
    CHECK(r.exit_code == 7);  // std::bad_alloc, caught
    CHECK(contains(r.output, "bad_alloc after"));
  } else {
    // No address-space limit for a sanitized program: a control group's memory limit, which the
    // kernel enforces by killing it (a sanitizer's allocator never throws std::bad_alloc).
    SubmissionLimits group_limits;
    group_limits.memory_bytes = 512u << 20;
    SubmissionCgroup group(group_limits);
    if (group.enforced()) {
      memory.join_cgroup_files = group.join_files();
      r = run_process({helper(), "alloc"}, env, memory);
      CHECK(r.signal == SIGKILL);
      CHECK(group.memory_limit_hit());
    } else {
      WARN("sanitized build without a control group (" << group.why_not()
                                                       << "): its memory is not limited");
    }
  }

  Scratch scratch;
  RunLimits files = limits(30);
  files.file_size_limit_bytes = 8u << 20;
  r = run_process({helper(), "file", scratch.file("big")}, env, files);
  CHECK(!r.exited);
  CHECK(r.signal == SIGXFSZ);
  CHECK(fs::file_size(scratch.file("big")) <= (8u << 20));
}

// ---- whole gradings of a misbehaving Catch2 program -------------------------------------------

TEST_CASE("grade_program: each kind of misbehaviour is graded as what it is", "[grader][fixture]") {
  GradeOptions options;
  options.timeout_seconds = 20;
  options.memory_limit_bytes = 512ull << 20;
  struct Case {
    const char* id;
    Outcome outcome;
    const char* summary;  // the start of the summary
  };
  const Case cases[] = {
      {"fx.pass", Outcome::kPassed, "passed (2 test cases)"},
      {"fx.fail", Outcome::kFailed,
       "failed: adds two and two: CHECK( add(2, 2) == 4 ) with expansion 5 == 4"},
      {"fx.stub", Outcome::kNotImplemented, "not implemented yet"},
      {"fx.needs", Outcome::kNotImplemented, "not implemented yet (it calls fx.other"},
      {"fx.throw_std", Outcome::kThrew, "threw an exception: boom: a runtime error"},
      {"fx.throw_int", Outcome::kThrew, "threw an exception that is not a std::exception"},
      {"fx.segv", Outcome::kCrashed, "crashed with signal 11 (Segmentation fault)"},
      {"fx.abort", Outcome::kCrashed, "crashed with signal 6 (Aborted)"},
      {"fx.loop", Outcome::kTimedOut, "timed out after 0.5 s"},
      {"fx.sleep", Outcome::kTimedOut, "timed out after 0.5 s"},
      {"fx.exit0", Outcome::kExitedEarly, "exited early (exit code 0) before its tests finished"},
      {"fx._exit0", Outcome::kExitedEarly, "exited early (exit code 0) before its tests finished"},
      {"fx.fake", Outcome::kExitedEarly, "exited early (exit code 0)"},
      {"fx.alloc", Outcome::kThrew,
       "threw std::bad_alloc: it ran out of memory (the limit is 512 MiB)"},
      {"fx.output", Outcome::kFailed, "failed: its tests passed, but it wrote"},
      {"fx.file", Outcome::kCrashed, "crashed with signal 25 (File size limit exceeded)"},
      {"fx.explicit", Outcome::kFailed,
       "failed: explicit failure: FAIL: this is not done: see lecture 2.3"},
      {"fx.untagged", Outcome::kNoTests, "no test case is tagged [fx.untagged]"},
  };
  // A sanitized program's memory is limited by a control group, which the kernel enforces by
  // killing it; without one, it is not limited at all.
  const bool memory_limited = !kSanitizedBuild || SubmissionCgroup(SubmissionLimits{}).enforced();
  for (Case c : cases) {
    if (kSanitizedBuild && std::string(c.id) == "fx.alloc") {
      if (!memory_limited) {
        WARN("fx.alloc skipped: a sanitized build without a control group limits no memory");
        continue;
      }
      c = {"fx.alloc", Outcome::kCrashed, "crashed with signal 9 (Killed)"};
    }
    Exercise e = exercise(c.id, 3);
    if (c.outcome == Outcome::kTimedOut) e.timeout_seconds = 0.5;  // as exercises.ini may set
    const ExerciseResult r = grade_program(e, DLC_GRADER_FIXTURE, options);
    INFO(c.id << ": " << r.summary << "\n" << r.detail);
    CHECK(r.id == c.id);
    CHECK(outcome_name(r.outcome) == outcome_name(c.outcome));
    CHECK(r.summary.rfind(c.summary, 0) == 0);
    CHECK(r.score == (c.outcome == Outcome::kPassed ? 3 : 0));
    CHECK(r.points == 3);
  }
  // The timeout an exercise sets in the manifest wins over the default.
  Exercise patient = exercise("fx.sleep");
  patient.timeout_seconds = 0.25;
  const ExerciseResult r = grade_program(patient, DLC_GRADER_FIXTURE, options);
  CHECK(r.summary == "timed out after 0.25 s");
  CHECK(r.seconds < 1);
  // A program that is not there.
  const ExerciseResult none = grade_program(exercise("fx.pass"), "/nonexistent/test", options);
  CHECK(none.outcome == Outcome::kDoesNotCompile);
}

// ---- reports ---------------------------------------------------------------------------------

namespace {

GradeReport sample_report() {
  GradeReport report;
  ExerciseResult a;
  a.id = "week2.sigmoid";
  a.lecture = "2.2";
  a.title = "The sigmoid function";
  a.points = 1;
  a.score = 1;
  a.outcome = Outcome::kPassed;
  a.summary = "passed (2 test cases)";
  ExerciseResult b;
  b.id = "week2.propagate";
  b.lecture = "2.10-2.11";
  b.title = "Forward & backward, \"vectorized\"";
  b.points = 2;
  b.outcome = Outcome::kCrashed;
  b.summary = "crashed with signal 11 (Segmentation fault)";
  b.detail = "in test case \"x\"\noutput:\n  <garbage> \x01\xff\xfe end\n";
  ExerciseResult c;
  c.id = "week2.model";
  c.lecture = "2.4";
  c.title = "The whole model";
  c.points = 2;
  c.outcome = Outcome::kNotImplemented;
  c.summary = "not implemented yet";
  c.detail = "not implemented yet: week2.model (hint: x)\n";
  report.exercises = {a, b, c};
  report.score = 1;
  report.max_score = 5;
  report.seconds = 1.25;
  report.notes = {"the submission has no week2/images.cpp"};
  return report;
}

}  // namespace

TEST_CASE("reports: the table", "[grader][reports]") {
  std::ostringstream os;
  write_table(os, sample_report());
  const std::string t = os.str();
  CHECK(contains(t, "note: the submission has no week2/images.cpp\n"));
  CHECK(contains(t, "Exercise         Lecture    Points  Result\n"));
  CHECK(contains(t, "week2.sigmoid    2.2         1 / 1  passed (2 test cases)\n"));
  CHECK(contains(t, "week2.propagate  2.10-2.11   0 / 2  crashed with signal 11"));
  CHECK(contains(t, "\n    in test case \"x\"\n"));  // the detail, indented
  CHECK(!contains(t, "hint: x"));                    // not for a stub
  CHECK(t.size() > 20);
  CHECK(t.substr(t.size() - 20) == "Total: 1 / 5 points\n");
}

TEST_CASE("reports: results.json has Gradescope's fields, valid JSON from any output",
          "[grader][reports]") {
  Scratch scratch;
  const std::string path = scratch.file("results.json");
  write_gradescope_json(path, sample_report());
  const Json j = read_json(path);
  check_gradescope_fields(j);
  CHECK(j.at("score").get<double>() == 1);
  CHECK(j.at("max_score").get<double>() == 5);
  const auto& tests = j.at("tests");
  REQUIRE(tests.size() == 3);
  CHECK(tests[0].at("status").get<std::string>() == "passed");
  CHECK(tests[1].at("status").get<std::string>() == "failed");
  CHECK(tests[1].at("name").get<std::string>() ==
        "week2.propagate: Forward & backward, \"vectorized\" (lecture 2.10-2.11)");
  CHECK(tests[1].at("number").get<std::string>() == "2");
  CHECK(tests[1].at("extra_data").at("outcome").get<std::string>() == "crashed");
  CHECK(contains(tests[1].at("output").get<std::string>(),
                 "<garbage> \\x01\xEF\xBF\xBD\xEF\xBF\xBD end"));
  // Written whole: nothing else is left in the folder.
  CHECK(std::distance(fs::directory_iterator(scratch.path()), fs::directory_iterator()) == 1);
  CHECK_THROWS_AS(write_gradescope_json("/nonexistent/folder/results.json", sample_report()),
                  std::runtime_error);
}

TEST_CASE("reports: JUnit XML reads back", "[grader][reports]") {
  Scratch scratch;
  const std::string path = scratch.file("junit.xml");
  write_junit(path, sample_report());
  pugi::xml_document document;
  REQUIRE(document.load_file(path.c_str()));
  const pugi::xml_node root = document.document_element();
  CHECK(std::string(root.name()) == "testsuites");
  CHECK(std::string(root.attribute("tests").value()) == "3");
  CHECK(std::string(root.attribute("failures").value()) == "1");
  CHECK(std::string(root.attribute("errors").value()) == "1");
  const pugi::xml_node suite = root.child("testsuite");
  REQUIRE(suite);
  std::vector<pugi::xml_node> cases;
  for (const pugi::xml_node& c : suite.children("testcase")) cases.push_back(c);
  REQUIRE(cases.size() == 3);
  CHECK(!cases[0].child("failure"));
  REQUIRE(cases[1].child("error"));
  CHECK(std::string(cases[1].child("error").attribute("type").value()) == "crashed");
  REQUIRE(cases[2].child("failure"));
  CHECK(std::string(cases[2].child("failure").attribute("message").value()) ==
        "not implemented yet");
}

namespace {

/// The records of an RFC 4180 CSV text, each a list of fields: quoted fields may hold commas,
/// line breaks and doubled quotes. Fails the test on a malformed text.
std::vector<std::vector<std::string>> read_csv(const std::string& text) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool was_quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      INFO("a quote inside an unquoted field at byte " << i);
      REQUIRE(field.empty());
      REQUIRE(!was_quoted);
      quoted = was_quoted = true;
    } else if (c == ',' || c == '\n') {
      record.push_back(field);
      field.clear();
      was_quoted = false;
      if (c == '\n') {
        records.push_back(record);
        record.clear();
      }
    } else {
      INFO("text after a quoted field at byte " << i);
      REQUIRE(!was_quoted);
      field += c;
    }
  }
  REQUIRE(!quoted);
  REQUIRE(field.empty());
  REQUIRE(record.empty());  // the last record ends with a line break
  return records;
}

/// A batch of two: `alice` graded (sample_report(), its crash's summary made to hold a comma, a
/// quote and a line break, as a compiler's message may), `bob, jr` not graded.
std::vector<SubmissionGrade> sample_batch() {
  SubmissionGrade good;
  good.name = "alice";
  good.graded = true;
  good.report = sample_report();
  good.report.exercises[1].outcome = Outcome::kDoesNotCompile;
  good.report.exercises[1].summary =
      "does not compile: week2/x.cpp:3:1: error: static assertion failed: a \"quoted\", message\n"
      "and a second line";
  good.note = "the submission has no week2/images.cpp";
  SubmissionGrade broken;
  broken.name = "bob, jr";
  broken.note = "not graded: \"cmake\" failed";
  return {good, broken};
}

Manifest sample_manifest() {
  return parse_manifest(
      "[week2.sigmoid]\nlecture=2.2\ntitle=t\npoints=1\n[week2.propagate]\nlecture=2.10-2.11\n"
      "title=t\npoints=2\n[week2.model]\nlecture=2.4\ntitle=t\npoints=2\n",
      "m");
}

}  // namespace

TEST_CASE("reports: a CSV field is quoted as RFC 4180 asks", "[grader][reports]") {
  CHECK(csv_field("week2.sigmoid") == "week2.sigmoid");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a, b") == "\"a, b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(csv_field("\"") == "\"\"\"\"");
  CHECK(csv_field("two\nlines") == "\"two\nlines\"");
  // What a submission printed may be any bytes: made printable, as in the other reports.
  CHECK(csv_field("a\r\nb") == "\"a\nb\"");
  CHECK(csv_field("bell\x07") == "bell\\x07");
  CHECK(csv_field("bad \xff byte") == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("reports: the gradebook of a batch", "[grader][reports]") {
  const std::string csv = scores_csv(sample_manifest().exercises, sample_batch());
  CHECK(csv ==
        "submission,status,score,max_score,week2.sigmoid,week2.propagate,week2.model,"
        "week2.sigmoid:outcome,week2.propagate:outcome,week2.model:outcome,note\n"
        "alice,graded,1,5,1,0,0,passed,does_not_compile,not_implemented,"
        "the submission has no week2/images.cpp\n"
        "\"bob, jr\",not_graded,0,5,0,0,0,not_graded,not_graded,not_graded,"
        "\"not graded: \"\"cmake\"\" failed\"\n");
  const auto records = read_csv(csv);
  REQUIRE(records.size() == 3);
  for (const auto& r : records) CHECK(r.size() == 11);
  CHECK(records[2][0] == "bob, jr");
  CHECK(records[2][10] == "not graded: \"cmake\" failed");
}

TEST_CASE("reports: each exercise's outcome and reason in a batch", "[grader][reports]") {
  const std::vector<SubmissionGrade> batch = sample_batch();
  const std::string csv = outcomes_csv(sample_manifest().exercises, batch);
  const auto records = read_csv(csv);
  REQUIRE(records.size() == 7);
  CHECK(records[0] == std::vector<std::string>{"submission", "exercise", "lecture", "score",
                                               "max_score", "outcome", "reason"});
  for (const auto& r : records) CHECK(r.size() == 7);
  CHECK(records[1] == std::vector<std::string>{"alice", "week2.sigmoid", "2.2", "1", "1", "passed",
                                               "passed (2 test cases)"});
  // The compiler's message comes back whole: its comma, its quotes and its line break.
  CHECK(records[2] == std::vector<std::string>{"alice", "week2.propagate", "2.10-2.11", "0", "2",
                                               "does_not_compile",
                                               batch[0].report.exercises[1].summary});
  CHECK(records[3][5] == "not_implemented");
  // Every exercise of a submission not graded says why.
  for (std::size_t k = 4; k < 7; ++k) {
    CHECK(records[k][0] == "bob, jr");
    CHECK(records[k][3] == "0");
    CHECK(records[k][5] == "not_graded");
    CHECK(records[k][6] == "not graded: \"cmake\" failed");
  }
  CHECK(records[5][4] == "2");
}

TEST_CASE("batch: the time per submission after the first", "[grader][reports]") {
  BatchReport batch;
  batch.jobs = 2;
  batch.submissions.resize(3);
  batch.seconds = 10;
  batch.first_seconds = 4;
  CHECK(batch.seconds_per_submission() == Approx(3.0));
  CHECK(batch_summary(batch) ==
        "graded 3 submissions in 10.0 s, 2 at a time: 3.0 s per submission after the first");
  batch.submissions.resize(1);
  batch.jobs = 1;
  CHECK(batch.seconds_per_submission() == 0);
  CHECK(batch_summary(batch) == "graded 1 submission in 10.0 s, 1 at a time");
}

TEST_CASE("batch: the files of a submission that are not lesson files", "[grader][reports]") {
  Lesson lr;
  lr.block = "week2";
  lr.name = "logistic_regression";
  Lesson images;
  images.block = "week2";
  images.name = "images";
  const std::vector<Lesson> lessons = {lr, images};
  Scratch scratch;
  const std::string dir = scratch.file("alice");
  spit(dir + "/week2/logistic_regression.cpp", "x");
  fs::create_directories(dir + "/week3");  // an empty folder is no file
  CHECK(ignored_files_note(dir, lessons).empty());
  spit(dir + "/notes.txt", "x");
  CHECK(ignored_files_note(dir, lessons) == "ignored 1 file that is not a lesson file: notes.txt");
  spit(dir + "/week2/old, version.cpp", "x");
  spit(dir + "/zz/deep/a.cpp", "x");
  spit(dir + "/images.cpp", "x");  // a lesson's file out of its folder
  CHECK(ignored_files_note(dir, lessons) ==
        "ignored 4 files that are not lesson files: images.cpp, notes.txt, week2/old, "
        "version.cpp, ... (week2/images.cpp must be at that path in the submission)");
}

TEST_CASE("batch: a folder with no submission, jobs below 1", "[grader][reports]") {
  GradeOptions options;
  options.source_dir = DLC_SOURCE_DIR;
  options.build_dir = DLC_BUILD_DIR;
  Scratch scratch;
  auto error_of = [&](const std::string& dir, int jobs) -> std::string {
    try {
      grade_submissions(options, dir, jobs);
    } catch (const std::exception& e) {
      return e.what();
    }
    return "(no error)";
  };
  CHECK(contains(error_of(scratch.path().string(), 1), " holds no submission (a submission is"));
  spit(scratch.file("scores.csv"), "x");
  spit(scratch.file(".hidden/week2/images.cpp"), "x");
  CHECK(contains(error_of(scratch.path().string(), 1), "), only .hidden, scores.csv"));
  CHECK(contains(error_of(scratch.file("none"), 1), " is not a folder"));
  CHECK_THROWS_AS(grade_submissions(options, scratch.path().string(), 0), std::invalid_argument);
}

TEST_CASE("reports: the hint state", "[grader][reports]") {
  Scratch scratch;
  const std::string state = scratch.file("dlc-hints.state");
  CHECK(read_hint_state(state).empty());
  write_hint_state(state, {{"week2.sigmoid", 2}, {"week2.model", 1}});
  CHECK(read_hint_state(state) ==
        std::vector<std::pair<std::string, int>>{{"week2.sigmoid", 2}, {"week2.model", 1}});
  spit(state, "week2.sigmoid 2\ngarbage\nweek2.model -3\nweek2.x 1 extra\n\x01\x02\n");
  CHECK(read_hint_state(state) == std::vector<std::pair<std::string, int>>{{"week2.sigmoid", 2}});
}

// ---- the manifest against the code ------------------------------------------------------------

TEST_CASE("manifest: exercises.ini lists exactly the exercises the solutions mark",
          "[.][manifest]") {
  // The ids the solutions mark, from dlc-stubgen's own listing.
  std::ostringstream out;
  std::ostringstream err;
  REQUIRE(dlc::stubgen::run({"--list", DLC_SOURCE_DIR}, out, err) == 0);
  std::set<std::string> in_code;
  std::istringstream lines(out.str());
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string id;
    if (words >> id) in_code.insert(id);
  }
  REQUIRE(!in_code.empty());

  const Manifest manifest = read_manifest(DLC_SOURCE_DIR "/exercises.ini");
  std::set<std::string> in_manifest;
  for (const auto& e : manifest.exercises) in_manifest.insert(e.id);

  std::string missing_from_manifest;
  for (const auto& id : in_code)
    if (in_manifest.count(id) == 0) missing_from_manifest += " " + id;
  std::string without_code;
  for (const auto& id : in_manifest)
    if (in_code.count(id) == 0) without_code += " " + id;
  INFO("exercises the solutions mark but exercises.ini lacks:" << missing_from_manifest);
  INFO("exercises of exercises.ini that no solution marks:" << without_code);
  CHECK(missing_from_manifest.empty());
  CHECK(without_code.empty());

  // Every exercise belongs to a lesson of lessons.cmake, so the grader can build and run it.
  std::set<std::string> in_lessons;
  for (const auto& lesson : read_lessons(DLC_SOURCE_DIR, DLC_BUILD_DIR))
    for (const auto& id : lesson.exercise_ids) in_lessons.insert(id);
  std::string not_in_a_lesson;
  for (const auto& id : in_manifest)
    if (in_lessons.count(id) == 0) not_in_a_lesson += " " + id;
  INFO("exercises whose solution is not a lesson of lessons.cmake:" << not_in_a_lesson);
  CHECK(not_in_a_lesson.empty());
}

// ---- `dlc grade` on this tree ----------------------------------------------------------------

namespace {

/// Runs `dlc grade <args> --no-build --json <file>` and returns the parsed results.json. The test
/// programs are graded as the build made them, as every other test of CTest runs what was built
/// (building here could relink a program another test is running).
Json dlc_grade(const std::vector<std::string>& args, Scratch& scratch, std::string& table,
               double& seconds) {
  const std::string json = scratch.file("results.json");
  std::vector<std::string> argv = {DLC_EXECUTABLE, "grade"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.insert(argv.end(), {"--no-build", "--json", json});
  RunLimits l;
  l.timeout_seconds = 600;
  l.output_limit_bytes = 4u << 20;
  const ProcessResult r = run_process(argv, environment_with({}), l);
  table = r.output;
  seconds = r.seconds;
  INFO(r.output);
  REQUIRE(r.started);
  REQUIRE(r.exited);
  REQUIRE(r.exit_code == 0);
  return read_json(json);
}

}  // namespace

TEST_CASE("dlc grade: the untouched stubs grade to 0, every exercise not implemented yet",
          "[.][stubs]") {
  Scratch scratch;
  std::string table;
  double seconds = 0;
  const Json j = dlc_grade({}, scratch, table, seconds);
  INFO(table);
  check_gradescope_fields(j);
  const Manifest manifest = read_manifest(DLC_SOURCE_DIR "/exercises.ini");
  CHECK(j.at("score").get<double>() == 0);
  CHECK(j.at("max_score").get<double>() == manifest.total_points());
  const auto& tests = j.at("tests");
  REQUIRE(tests.size() == manifest.exercises.size());
  for (std::size_t i = 0; i < tests.size(); ++i) {
    INFO(manifest.exercises[i].id << ": " << tests[i].at("output").get<std::string>());
    CHECK(tests[i].at("extra_data").at("id").get<std::string>() == manifest.exercises[i].id);
    CHECK(tests[i].at("extra_data").at("outcome").get<std::string>() == "not_implemented");
    CHECK(tests[i].at("score").get<double>() == 0);
    CHECK(tests[i].at("max_score").get<double>() == manifest.exercises[i].points);
  }
  CHECK(contains(table, "Total: 0 / " + std::to_string(manifest.total_points()) + " points\n"));
  // How long a whole class's untouched tree takes, said rather than checked: the time grows with
  // every lesson and moves with the machine (the benchmarks measure speed, not the tests).
  WARN("dlc grade of the untouched stubs took " << seconds << " s");
}

TEST_CASE("dlc grade --solution: the reference solutions earn full marks", "[.][solution]") {
  Scratch scratch;
  std::string table;
  double seconds = 0;
  const Json j = dlc_grade({"--solution"}, scratch, table, seconds);
  INFO(table);
  check_gradescope_fields(j);
  const Manifest manifest = read_manifest(DLC_SOURCE_DIR "/exercises.ini");
  CHECK(j.at("score").get<double>() == manifest.total_points());
  for (const Json& t : j.at("tests")) {
    INFO(t.at("name").get<std::string>() << ": " << t.at("output").get<std::string>());
    CHECK(t.at("status").get<std::string>() == "passed");
  }
}
