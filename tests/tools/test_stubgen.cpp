// Tests of dlc-stubgen: a stub is its solution with each marked region replaced by one
// DLC_TODO line, bad markers are errors naming file and line, and --check notices any drift.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/files.hpp"
#include "tools/stubgen_lib.hpp"

namespace fs = std::filesystem;
using Catch::Contains;
using Catch::StartsWith;
using dlc::stubgen::generate;

namespace {

const char* const kPath = "solutions/week2/sigmoid.cpp";

/// A solution with two exercises, at two indentations, and given code around them.
const char* const kSolution =
    "#include \"week2/sigmoid.hpp\"\n"
    "\n"
    "namespace dlc::week2 {\n"
    "\n"
    "double sigmoid(double z) {\n"
    "  // BEGIN SOLUTION week2.sigmoid\n"
    "  return 1.0 / (1.0 + std::exp(-z));\n"
    "  // END SOLUTION\n"
    "}\n"
    "\n"
    "double given(double x) { return 2 * x; }\n"
    "\n"
    "Matrix relu(const Matrix& Z) {\n"
    "  Matrix A = Z;\n"
    "  for (auto& a : A) {\n"
    "    // BEGIN SOLUTION week2.relu\n"
    "    a = a > 0 ? a : 0;\n"
    "    // END SOLUTION\n"
    "  }\n"
    "  return A;\n"
    "}\n"
    "\n"
    "}  // namespace dlc::week2\n";

const char* const kStubBody =
    "#include \"week2/sigmoid.hpp\"\n"
    "\n"
    "namespace dlc::week2 {\n"
    "\n"
    "double sigmoid(double z) {\n"
    "  DLC_TODO(\"week2.sigmoid\");\n"
    "}\n"
    "\n"
    "double given(double x) { return 2 * x; }\n"
    "\n"
    "Matrix relu(const Matrix& Z) {\n"
    "  Matrix A = Z;\n"
    "  for (auto& a : A) {\n"
    "    DLC_TODO(\"week2.relu\");\n"
    "  }\n"
    "  return A;\n"
    "}\n"
    "\n"
    "}  // namespace dlc::week2\n";

/// The message `generate` throws for `solution`, or "" when it does not throw.
std::string error_of(const std::string& solution) {
  try {
    generate(solution, kPath, "week2");
  } catch (const dlc::stubgen::Error& e) {
    return e.what();
  }
  return "";
}

/// A scratch source root under the system's temporary folder, removed afterwards.
struct TempRoot {
  dlc::TempDir dir{"dlc-stubgen-test"};
  fs::path path = dir.path();
  TempRoot() { fs::create_directories(path / "solutions" / "week2"); }
  void write(const std::string& relative, const std::string& text) const {
    fs::create_directories((path / relative).parent_path());
    std::ofstream(path / relative, std::ios::binary) << text;
  }
  std::string read(const std::string& relative) const {
    return dlc::read_file(path / relative).value_or("");
  }
};

struct Result {
  int code;
  std::string out;
  std::string err;
};

Result stubgen(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = dlc::stubgen::run(args, out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("a stub is the solution with each region replaced by one DLC_TODO line", "[stubgen]") {
  const dlc::stubgen::Stub stub = generate(kSolution, kPath, "week2");
  CHECK(stub.text == dlc::stubgen::banner(kPath) + kStubBody);
  REQUIRE(stub.regions.size() == 2);
  CHECK(stub.regions[0].id == "week2.sigmoid");
  CHECK(stub.regions[0].line == 6);
  CHECK(stub.regions[0].end_line == 8);
  CHECK(stub.regions[1].id == "week2.relu");
  CHECK(stub.regions[1].line == 16);
}

TEST_CASE("the banner says whose file it is and where it comes from", "[stubgen]") {
  const std::string banner = dlc::stubgen::banner(kPath);
  CHECK_THAT(banner, StartsWith("// "));
  CHECK_THAT(banner, Contains("replace each DLC_TODO"));
  CHECK_THAT(banner, Contains("solutions/week2/sigmoid.cpp"));
  CHECK_THAT(banner, Contains("cmake --build <build> --target stubs"));
  std::istringstream lines(banner);
  int comment_lines = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    CHECK_THAT(line, StartsWith("//"));
    CHECK(line.size() <= 100);
    ++comment_lines;
  }
  CHECK(comment_lines >= 2);
  CHECK(comment_lines <= 3);
}

TEST_CASE("the stub keeps the BEGIN line's indentation, tabs included", "[stubgen]") {
  const std::string solution =
      "void f() {\n"
      "\t\t// BEGIN SOLUTION week2.f\n"
      "\t\tx();\n"
      "\t\t// END SOLUTION\n"
      "}\n";
  const std::string text = generate(solution, kPath, "week2").text;
  CHECK_THAT(text, Contains("{\n\t\tDLC_TODO(\"week2.f\");\n}\n"));
}

TEST_CASE("a marker holds the exercise id alone: hints live in exercises.ini", "[stubgen]") {
  CHECK(error_of("// BEGIN SOLUTION week2.f: a hint\nx();\n// END SOLUTION\n") ==
        "solutions/week2/sigmoid.cpp:1: text after the exercise id `week2.f`; a hint goes to the "
        "exercise's section of exercises.ini (hint = ...), and the marker is `// BEGIN SOLUTION "
        "week2.<name>` alone");
  CHECK_THAT(error_of("// BEGIN SOLUTION week2.f:\nx();\n// END SOLUTION\n"),
             Contains("a hint goes to the exercise's section of exercises.ini"));
  CHECK_THAT(error_of("// BEGIN SOLUTION week2.f more words\nx();\n// END SOLUTION\n"),
             StartsWith("solutions/week2/sigmoid.cpp:1: text after the exercise id `week2.f`"));
  CHECK(generate("// BEGIN SOLUTION week2.f  \nx();\n// END SOLUTION\n", kPath, "week2").text ==
        dlc::stubgen::banner(kPath) + "DLC_TODO(\"week2.f\");\n");
}

TEST_CASE("regions gives each region's id and its BEGIN and END lines", "[stubgen]") {
  const auto regions = dlc::stubgen::regions(kSolution, kPath, "week2");
  REQUIRE(regions.size() == 2);
  CHECK(regions[1].id == "week2.relu");
  CHECK(regions[1].line == 16);
  CHECK(regions[1].end_line == 18);
}

TEST_CASE("one exercise may span several regions of its file", "[stubgen]") {
  const std::string solution =
      "// BEGIN SOLUTION week2.propagate\n"
      "a();\n"
      "// END SOLUTION\n"
      "given();\n"
      "// BEGIN SOLUTION week2.propagate\n"
      "b();\n"
      "// END SOLUTION\n";
  const dlc::stubgen::Stub stub = generate(solution, kPath, "week2");
  CHECK(stub.text == dlc::stubgen::banner(kPath) +
                         "DLC_TODO(\"week2.propagate\");\n"
                         "given();\n"
                         "DLC_TODO(\"week2.propagate\");\n");
  CHECK(stub.regions.size() == 2);
}

TEST_CASE("an exercise's function is qualified by the namespace its solution opens", "[stubgen]") {
  const std::string lesson =
      "namespace dlc::course2 {\n"
      "Matrix relu(const Matrix& Z) { return Z; }\n"
      "}  // namespace dlc::course2\n"
      "\n"
      "namespace dlc::course2::regularization {\n"
      "namespace {\n"
      "double helper() { return 1.0; }\n"
      "}  // namespace\n"
      "\n"
      "double compute_cost(const Matrix& A) {\n"
      "  // BEGIN SOLUTION course2.compute_cost_with_regularization\n"
      "  return 0.0;\n"
      "  // END SOLUTION\n"
      "}\n"
      "}  // namespace dlc::course2::regularization\n";
  const char* const path = "solutions/course2/regularization.cpp";
  CHECK(dlc::stubgen::enclosing_namespace(lesson, 2) == "dlc::course2");
  CHECK(dlc::stubgen::enclosing_namespace(lesson, 4) == "");
  CHECK(dlc::stubgen::enclosing_namespace(lesson, 7) == "dlc::course2::regularization");
  CHECK(dlc::stubgen::enclosing_namespace(lesson, 11) == "dlc::course2::regularization");
  const auto found = dlc::stubgen::exercise_functions(lesson, path, "course2");
  REQUIRE(found.size() == 1);
  CHECK(found[0].function == "dlc::course2::regularization::compute_cost");
  CHECK_THAT(dlc::stubgen::remote_table(lesson, path, "course2"),
             Contains("DLC_REMOTE_EXERCISE(\"course2.compute_cost_with_regularization\", "
                      "dlc::course2::regularization::compute_cost)"));
  // A file that opens no namespace at the left margin keeps dlc::<block>.
  const std::string bare =
      "double f() {\n  // BEGIN SOLUTION week2.f\n  return 0.0;\n  // END SOLUTION\n}\n";
  CHECK(dlc::stubgen::exercise_functions(bare, kPath, "week2")[0].function == "dlc::week2::f");
}

TEST_CASE("a file without a final newline keeps it that way", "[stubgen]") {
  const std::string text =
      generate("int x;\n// BEGIN SOLUTION week2.f\nx = 1;\n// END SOLUTION", kPath, "week2").text;
  CHECK(text == dlc::stubgen::banner(kPath) + "int x;\nDLC_TODO(\"week2.f\");");
  CHECK(generate("int y;", kPath, "week2").text == dlc::stubgen::banner(kPath) + "int y;");
}

TEST_CASE("marker errors name the file and the line", "[stubgen]") {
  SECTION("BEGIN without END") {
    CHECK(error_of("a\n  // BEGIN SOLUTION week2.f\nx();\n") ==
          "solutions/week2/sigmoid.cpp:2: BEGIN SOLUTION week2.f has no END SOLUTION before the "
          "end of the file");
  }
  SECTION("END without BEGIN") {
    CHECK(error_of("a\nb\n  // END SOLUTION\n") ==
          "solutions/week2/sigmoid.cpp:3: END SOLUTION without BEGIN SOLUTION");
  }
  SECTION("nested BEGIN") {
    CHECK(error_of("// BEGIN SOLUTION week2.f\n// BEGIN SOLUTION week2.g\n// END SOLUTION\n"
                   "// END SOLUTION\n") ==
          "solutions/week2/sigmoid.cpp:2: BEGIN SOLUTION inside the region of week2.f opened at "
          "line 1 (missing END SOLUTION?)");
  }
  SECTION("BEGIN with no id") {
    CHECK_THAT(error_of("// BEGIN SOLUTION\n// END SOLUTION\n"),
               StartsWith("solutions/week2/sigmoid.cpp:1: BEGIN SOLUTION without an exercise id"));
    CHECK_THAT(error_of("// BEGIN SOLUTION: hint\n// END SOLUTION\n"),
               StartsWith("solutions/week2/sigmoid.cpp:1: BEGIN SOLUTION without an exercise id"));
  }
  SECTION("an id without a block") {
    CHECK(error_of("// BEGIN SOLUTION sigmoid: h\n// END SOLUTION\n") ==
          "solutions/week2/sigmoid.cpp:1: `sigmoid` is not an exercise id of the form "
          "week2.<name>");
    CHECK_THAT(error_of("// BEGIN SOLUTION week2.: h\n// END SOLUTION\n"),
               Contains("`week2.` is not an exercise id"));
    CHECK_THAT(error_of("// BEGIN SOLUTION week2.a.b: h\n// END SOLUTION\n"),
               Contains("`week2.a.b` is not an exercise id"));
  }
  SECTION("an id of another block") {
    CHECK(error_of("\n// BEGIN SOLUTION week3.sigmoid\n// END SOLUTION\n") ==
          "solutions/week2/sigmoid.cpp:2: exercise id `week3.sigmoid` must start with `week2.`, "
          "the folder of this file");
  }
  SECTION("a misspelt marker is an error, not code copied into the stub") {
    CHECK_THAT(error_of("//BEGIN SOLUTION week2.f: h\n// END SOLUTION\n"),
               StartsWith("solutions/week2/sigmoid.cpp:1: malformed BEGIN marker"));
    CHECK_THAT(error_of("// BEGIN  SOLUTION week2.f: h\n// END SOLUTION\n"),
               StartsWith("solutions/week2/sigmoid.cpp:1: malformed BEGIN marker"));
    CHECK_THAT(error_of("// BEGIN SOLUTION week2.f\n// END SOLUTION week2.f\n"),
               StartsWith("solutions/week2/sigmoid.cpp:2: malformed END marker"));
  }
}

TEST_CASE("doc comments and other comments are not markers", "[stubgen]") {
  const std::string solution =
      "/// // BEGIN SOLUTION week2.sigmoid\n"
      "/// BEGIN SOLUTION in a doc comment\n"
      "// BEGIN here is not a marker\n"
      "int x;  // BEGIN SOLUTION after code is not a marker\n";
  CHECK(generate(solution, kPath, "week2").text == dlc::stubgen::banner(kPath) + solution);
}

TEST_CASE("first_difference reports the first differing line", "[stubgen]") {
  CHECK(!dlc::stubgen::first_difference("a\nb\n", "a\nb\n"));
  auto d = dlc::stubgen::first_difference("a\nbcd\ne\n", "a\nbCd\ne\n");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->expected == "`bcd`");
  CHECK(d->actual == "`bCd`");
  d = dlc::stubgen::first_difference("a\nb\n", "a\n");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->actual == "(end of file)");
  d = dlc::stubgen::first_difference("a\nb\n", "a\nb");
  REQUIRE(d);
  CHECK(d->line == 2);
  CHECK(d->actual == "`b` (no final newline)");
}

TEST_CASE("--write generates every stub and --check then passes", "[stubgen]") {
  TempRoot root;
  root.write("solutions/week2/sigmoid.cpp", kSolution);
  root.write("solutions/week3/other.cpp", "// BEGIN SOLUTION week3.g\n// END SOLUTION\n");
  const std::string dir = root.path.string();

  Result r = stubgen({"--write", dir});
  CHECK(r.code == 0);
  CHECK_THAT(r.out, Contains("wrote week2/sigmoid.cpp"));
  CHECK(root.read("week2/sigmoid.cpp") == dlc::stubgen::banner(kPath) + kStubBody);
  CHECK_THAT(root.read("week3/other.cpp"), Contains("DLC_TODO(\"week3.g\");"));

  r = stubgen({"--check", dir});
  CHECK(r.code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == "dlc-stubgen: 2 stubs up to date with their solutions (3 exercises)\n");

  r = stubgen({"--write", dir});  // nothing to rewrite the second time
  CHECK(r.code == 0);
  CHECK_THAT(r.out, !Contains("wrote"));

  r = stubgen({"--list", dir});
  CHECK(r.code == 0);
  CHECK_THAT(r.out, StartsWith("week2.sigmoid "));
  CHECK_THAT(r.out, Contains("solutions/week2/sigmoid.cpp:6\nweek2.relu "));
  CHECK_THAT(r.out, Contains("solutions/week3/other.cpp:1\n"));
}

TEST_CASE("--check notices a one-character drift, a missing stub and an orphan", "[stubgen]") {
  TempRoot root;
  root.write("solutions/week2/sigmoid.cpp", kSolution);
  const std::string dir = root.path.string();
  REQUIRE(stubgen({"--write", dir}).code == 0);

  SECTION("one character changed in the stub") {
    std::string stub = root.read("week2/sigmoid.cpp");
    const std::size_t at = stub.find("return A;");
    REQUIRE(at != std::string::npos);
    stub[at + 7] = 'B';
    root.write("week2/sigmoid.cpp", stub);
    const Result r = stubgen({"--check", dir});
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Contains("week2/sigmoid.cpp:20: differs from what "
                               "solutions/week2/sigmoid.cpp generates\n"
                               "  generated: `  return A;`\n"
                               "  committed: `  return B;`\n"));
    CHECK_THAT(r.err, Contains("1 of 1 stubs out of date"));
  }
  SECTION("one character changed in the solution") {
    std::string solution = kSolution;
    solution.replace(solution.find("2 * x"), 5, "3 * x");
    root.write("solutions/week2/sigmoid.cpp", solution);
    const Result r = stubgen({"--check", dir});
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Contains("week2/sigmoid.cpp:13: differs"));
  }
  SECTION("a stub deleted") {
    fs::remove(root.path / "week2" / "sigmoid.cpp");
    const Result r = stubgen({"--check", dir});
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Contains("week2/sigmoid.cpp: missing"));
  }
  SECTION("a stub whose solution is gone") {
    root.write("week2/old.cpp", "int old;\n");
    Result r = stubgen({"--check", dir});
    CHECK(r.code == 1);
    CHECK_THAT(r.err, Contains("week2/old.cpp: a stub without a solution"));
    r = stubgen({"--write", dir});
    CHECK(r.code == 1);
  }
}

TEST_CASE("project errors stop everything with exit code 2", "[stubgen]") {
  TempRoot root;
  const std::string dir = root.path.string();
  SECTION("the same id in two files") {
    root.write("solutions/week2/a.cpp", "// BEGIN SOLUTION week2.f\n// END SOLUTION\n");
    root.write("solutions/week2/b.cpp", "\n// BEGIN SOLUTION week2.f\n// END SOLUTION\n");
    const Result r = stubgen({"--write", dir});
    CHECK(r.code == 2);
    CHECK(r.err ==
          "solutions/week2/b.cpp:2: exercise week2.f is already marked in "
          "solutions/week2/a.cpp:1; an exercise belongs to one file\n");
    CHECK(!fs::exists(root.path / "week2" / "a.cpp"));  // nothing written
  }
  SECTION("a marker error") {
    root.write("solutions/week2/a.cpp", "x\n// END SOLUTION\n");
    const Result r = stubgen({"--check", dir});
    CHECK(r.code == 2);
    CHECK(r.err == "solutions/week2/a.cpp:2: END SOLUTION without BEGIN SOLUTION\n");
  }
  SECTION("a file that cannot be read") {
    fs::create_symlink(root.path / "nowhere.cpp", root.path / "solutions" / "week2" / "a.cpp");
    const Result r = stubgen({"--list", dir});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, StartsWith("solutions/week2/a.cpp: cannot read"));
  }
  SECTION("not a source root") {
    const Result r = stubgen({"--check", (root.path / "solutions").string()});
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Contains("no solutions/ folder"));
  }
}

TEST_CASE("bad command lines print the usage and exit with 2", "[stubgen]") {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {}, {"--frobnicate", "."}, {"--check"}, {"--check", ".", "extra"}, {"."}}) {
    const Result r = stubgen(args);
    CHECK(r.code == 2);
    CHECK_THAT(r.err, Contains("usage: dlc-stubgen"));
  }
  CHECK_THAT(stubgen({"--frobnicate", "."}).err, StartsWith("dlc-stubgen: unknown option"));
  const Result help = stubgen({"--help"});
  CHECK(help.code == 0);
  CHECK_THAT(help.out, StartsWith("usage: dlc-stubgen"));
}
