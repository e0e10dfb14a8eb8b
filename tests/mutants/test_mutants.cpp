// Tests of the mutant format (tests/mutants/mutants.hpp): parsing, applying, and the errors that
// keep a mutant from going stale silently. The last test applies every mutant of the project.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "tests/mutants/mutants.hpp"

namespace fs = std::filesystem;
using Catch::Contains;
using Catch::StartsWith;
using dlc::mutants::apply;
using dlc::mutants::Error;
using dlc::mutants::Expect;
using dlc::mutants::Mutant;
using dlc::mutants::parse;

namespace {

const char* const kPath = "solutions/week2/logistic_regression.cpp";

const char* const kSolution =
    "Matrix sigmoid(const Matrix& z) {\n"
    "  // BEGIN SOLUTION week2.sigmoid\n"
    "  return 1.0 / (1.0 + exp(-z));  // sigma(z) = 1 / (1 + e^{-z})\n"
    "  // END SOLUTION\n"
    "}\n"
    "\n"
    "Propagation propagate(const Matrix& w, double b, const Matrix& X, const Matrix& Y) {\n"
    "  const double m = static_cast<double>(X.cols());\n"
    "  // BEGIN SOLUTION week2.propagate\n"
    "  const Matrix dZ = A - Y;                    // dZ = A - Y, (1, m)\n"
    "  out.grads.dw = (1.0 / m) * dot(X, dZ.T());  // dw = 1/m X dZ^T, (n_x, 1)\n"
    "  out.grads.db = (1.0 / m) * sum(dZ);         // db = 1/m sum(dZ)\n"
    "  // END SOLUTION\n"
    "  const double unrelated = (1.0 / m);\n"
    "  // BEGIN SOLUTION week2.propagate\n"
    "  if (m > 0) {\n"
    "    return out;\n"
    "  }\n"
    "  // END SOLUTION\n"
    "}\n";

Mutant one(const std::string& text) {
  const std::vector<Mutant> all = parse(text, "week2.mutants");
  REQUIRE(all.size() == 1);
  return all.front();
}

/// The message of the Error that `f` throws, or "" when it throws none.
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("mutants: parse a file of mutants", "[mutants]") {
  const std::vector<Mutant> all = parse(
      "# Planted mistakes.\n"
      "\n"
      "mutant week2.propagate: forgets the 1/m in dw\n"
      "- out.grads.dw = (1.0 / m) * dot(X, dZ.T());  // dw = 1/m X dZ^T, (n_x, 1)\n"
      "+ out.grads.dw = dot(X, dZ.T());\n"
      "expect lost_points\n"
      "\n"
      "  mutant   week2.sigmoid :  crashes  \n"
      "  file solutions/week2/logistic_regression.cpp\n"
      "  grade week2.sigmoid  week2.propagate\n"
      "  grade week3\n"
      "  -  return 1.0 / (1.0 + exp(-z));  // sigma(z) = 1 / (1 + e^{-z})\n"
      "  +  *static_cast<volatile int*>(nullptr) = 1;\n"
      "  + return z;\n"
      "  - out.grads.db = (1.0 / m) * sum(dZ);\n"
      "  -\n"
      "  + out.grads.db = 0;\n"
      "  # a comment ends a hunk\n"
      "  - return out;\n"
      "  expect crashed \"signal 11\"\n",
      "tests/mutants/week2.mutants");
  REQUIRE(all.size() == 2);
  CHECK(all[0].exercise == "week2.propagate");
  CHECK(all[0].description == "forgets the 1/m in dw");
  CHECK(all[0].line == 3);
  CHECK(all[0].where() == "tests/mutants/week2.mutants:3");
  CHECK(all[0].name() == "week2.propagate: forgets the 1/m in dw");
  CHECK(all[0].file.empty());
  CHECK(all[0].grade.empty());
  REQUIRE(all[0].hunks.size() == 1);
  CHECK(all[0].hunks[0].line == 4);
  CHECK(all[0].hunks[0].remove ==
        std::vector<std::string>{
            "out.grads.dw = (1.0 / m) * dot(X, dZ.T());  // dw = 1/m X dZ^T, (n_x, 1)"});
  CHECK(all[0].hunks[0].add == std::vector<std::string>{"out.grads.dw = dot(X, dZ.T());"});
  CHECK(all[0].expect == Expect::kLostPoints);

  const Mutant& m = all[1];
  CHECK(m.exercise == "week2.sigmoid");
  CHECK(m.description == "crashes");
  CHECK(m.file == "solutions/week2/logistic_regression.cpp");
  CHECK(m.grade == std::vector<std::string>{"week2.sigmoid", "week2.propagate", "week3"});
  // A `-` after a `+` starts a hunk, a comment ends one; one space after the marker is dropped.
  REQUIRE(m.hunks.size() == 3);
  CHECK(m.hunks[0].remove ==
        std::vector<std::string>{" return 1.0 / (1.0 + exp(-z));  // sigma(z) = 1 / (1 + e^{-z})"});
  CHECK(m.hunks[0].add ==
        std::vector<std::string>{" *static_cast<volatile int*>(nullptr) = 1;", "return z;"});
  CHECK(m.hunks[1].line == 15);
  CHECK(m.hunks[1].remove == std::vector<std::string>{"out.grads.db = (1.0 / m) * sum(dZ);", ""});
  CHECK(m.hunks[2].add.empty());
  CHECK(m.expect == Expect::kCrashed);
  CHECK(m.expect_text == "signal 11");
}

TEST_CASE("mutants: every outcome has a spelling", "[mutants]") {
  for (const char* outcome : {"lost_points", "failed", "crashed", "timed_out", "exited_early",
                              "threw", "does_not_compile", "forged"}) {
    const Mutant m = one(std::string("mutant week2.sigmoid: x\n- a\n+ b\nexpect ") + outcome);
    CHECK(std::string(to_string(m.expect)) == outcome);
  }
}

TEST_CASE("mutants: format errors name the file and line", "[mutants]") {
  auto err = [](const std::string& text) {
    return error_of([&] { parse(text, "tests/mutants/week2.mutants"); });
  };
  CHECK_THAT(err("# ok\n- a\n"),
             StartsWith("tests/mutants/week2.mutants:2: expected `mutant <block>.<name>:"));
  CHECK_THAT(err("mutant sigmoid: x\n"),
             StartsWith("tests/mutants/week2.mutants:1: write `mutant"));
  CHECK_THAT(err("mutant week2.sigmoid x\n"), StartsWith("tests/mutants/week2.mutants:1: write"));
  CHECK_THAT(err("mutant week2.sigmoid:   \n"),
             StartsWith("tests/mutants/week2.mutants:1: say what the mistake is"));
  CHECK_THAT(err("mutant week2.sigmoid: x\n+ a\n"),
             StartsWith("tests/mutants/week2.mutants:2: a `+` line must follow the `-` lines"));
  CHECK_THAT(err("mutant week2.sigmoid: x\n- a\n\n+ b\nexpect crashed\n"),
             StartsWith("tests/mutants/week2.mutants:4: a `+` line must follow"));
  CHECK_THAT(err("mutant week2.sigmoid: x\nexpect crashed\n"),
             StartsWith("tests/mutants/week2.mutants:2: the mutant of line 1 changes nothing"));
  CHECK_THAT(err("mutant week2.sigmoid: x\n- a\n+ b\nexpect exploded\n"),
             StartsWith("tests/mutants/week2.mutants:4: unknown outcome `exploded`; write one of "
                        "lost_points, failed,"));
  CHECK_THAT(
      err("mutant week2.sigmoid: x\n- a\nexpect crashed signal\n"),
      StartsWith("tests/mutants/week2.mutants:3: the text after the outcome must be quoted"));
  CHECK_THAT(err("mutant week2.sigmoid: x\n- a\n+ b\n\nmutant week2.predict: y\n"),
             StartsWith("tests/mutants/week2.mutants:5: the mutant of line 1 has no `expect`"));
  CHECK_THAT(err("\n\nmutant week2.sigmoid: x\n- a\n+ b\n"),
             StartsWith("tests/mutants/week2.mutants:3: the mutant `week2.sigmoid: x` has no "
                        "`expect` line"));
  CHECK_THAT(err("mutant week2.sigmoid: x\n- a\nfile solutions/week2/a.cpp\n"),
             StartsWith("tests/mutants/week2.mutants:3: `file` must come before the first `-`"));
  CHECK_THAT(err("mutant week2.sigmoid: x\nfile a.cpp\nfile b.cpp\n"),
             StartsWith("tests/mutants/week2.mutants:3: a second `file` line"));
  CHECK_THAT(err("mutant week2.sigmoid: x\ngrade week2.sigmoid week2.\n"),
             StartsWith("tests/mutants/week2.mutants:2: `week2.` is neither an exercise id"));
  CHECK_THAT(err("mutant week2.sigmoid: x\ngrade\n"),
             StartsWith("tests/mutants/week2.mutants:2: `grade` needs at least one exercise"));
  CHECK_THAT(err("mutant week2.sigmoid: x\n- a\nexpected crashed\n"),
             StartsWith("tests/mutants/week2.mutants:3: unknown line `expected crashed`"));
}

TEST_CASE("mutants: apply replaces the matched lines, keeping their indentation", "[mutants]") {
  const Mutant m =
      one("mutant week2.propagate: forgets the 1/m in dw, and db sums A\n"
          "-out.grads.dw=(1.0/m)*dot(X,dZ.T());// dw = 1/m X dZ^T, (n_x, 1)\n"
          "+ out.grads.dw = dot(X, dZ.T());\n"
          "+   // more indented\n"
          "+\n"
          "- out.grads.db = (1.0 / m) * sum(dZ);         // db = 1/m sum(dZ)\n"
          "- // END SOLUTION\n"  // marker lines are not inside the region
          "expect lost_points\n");
  CHECK_THAT(error_of([&] { apply(m, kSolution, kPath); }),
             StartsWith("week2.mutants:6: the `-` lines match no lines of the week2.propagate "
                        "region of solutions/week2/logistic_regression.cpp (has the solution "
                        "changed?); first `out.grads.db = (1.0 / m) * sum(dZ);"));

  const Mutant ok =
      one("mutant week2.propagate: forgets the 1/m in dw, and returns early\n"
          "-out.grads.dw=(1.0/m)*dot(X,dZ.T());// dw = 1/m X dZ^T, (n_x, 1)\n"
          "+ out.grads.dw = dot(X, dZ.T());\n"
          "+   // more indented\n"
          "+\n"
          "- if (m > 0) {\n"
          "-   return out;\n"
          "+ return out;\n"
          "expect lost_points\n");
  const std::string mutated = apply(ok, kSolution, kPath);
  CHECK(mutated ==
        "Matrix sigmoid(const Matrix& z) {\n"
        "  // BEGIN SOLUTION week2.sigmoid\n"
        "  return 1.0 / (1.0 + exp(-z));  // sigma(z) = 1 / (1 + e^{-z})\n"
        "  // END SOLUTION\n"
        "}\n"
        "\n"
        "Propagation propagate(const Matrix& w, double b, const Matrix& X, const Matrix& Y) {\n"
        "  const double m = static_cast<double>(X.cols());\n"
        "  // BEGIN SOLUTION week2.propagate\n"
        "  const Matrix dZ = A - Y;                    // dZ = A - Y, (1, m)\n"
        "  out.grads.dw = dot(X, dZ.T());\n"
        "    // more indented\n"
        "\n"
        "  out.grads.db = (1.0 / m) * sum(dZ);         // db = 1/m sum(dZ)\n"
        "  // END SOLUTION\n"
        "  const double unrelated = (1.0 / m);\n"
        "  // BEGIN SOLUTION week2.propagate\n"
        "  return out;\n"
        "  }\n"
        "  // END SOLUTION\n"
        "}\n");
  // No final newline stays no final newline.
  const std::string solution = std::string(kSolution);
  CHECK(apply(ok, solution.substr(0, solution.size() - 1), kPath).back() == '}');
}

TEST_CASE("mutants: a stale or ambiguous mutant is an error naming its line", "[mutants]") {
  // Only the exercise's own regions count: this line exists, but in week2.sigmoid's region.
  CHECK_THAT(error_of([&] {
               apply(one("mutant week2.propagate: x\n\n"
                         "- return 1.0 / (1.0 + exp(-z));  // sigma(z) = 1 / (1 + e^{-z})\n"
                         "+ return z;\nexpect crashed\n"),
                     kSolution, kPath);
             }),
             StartsWith("week2.mutants:3: the `-` lines match no lines of the week2.propagate"));
  // Nor does given code outside the regions.
  CHECK_THAT(error_of([&] {
               apply(one("mutant week2.propagate: x\n- const double unrelated = (1.0 / m);\n"
                         "expect crashed\n"),
                     kSolution, kPath);
             }),
             Contains("match no lines"));
  // A solution without the exercise.
  CHECK_THAT(error_of([&] {
               apply(one("mutant week2.predict: x\n- a\nexpect crashed\n"), kSolution, kPath);
             }),
             StartsWith("week2.mutants:1: solutions/week2/logistic_regression.cpp has no region "
                        "marked `// BEGIN SOLUTION week2.predict`"));
  CHECK_THAT(error_of([&] {
               apply(one("mutant week2.propagate: x\n- -\n+ x\nexpect threw\n"), kSolution, kPath);
             }),
             Contains("match no lines"));
  const std::string two = error_of([&] {
    apply(one("mutant week2.propagate: x\n"
              "- out.grads.db = (1.0 / m) * sum(dZ);         // db = 1/m sum(dZ)\n"
              "+ out.grads.db = 0;\n"
              "- out.grads.db=(1.0/m)*sum(dZ);// db = 1/m sum(dZ)\n"
              "+ out.grads.db = 1;\n"
              "expect lost_points\n"),
          kSolution, kPath);
  });
  CHECK_THAT(two, StartsWith("week2.mutants:4: this hunk overlaps the hunk of line 2"));
  CHECK_THAT(error_of([&] {
               apply(one("mutant week2.sigmoid: x\n"
                         "- return 1.0 / (1.0 + exp(-z));  // sigma(z) = 1 / (1 + e^{-z})\n"
                         "+ return 1.0/(1.0+exp(-z));// sigma(z) = 1 / (1 + e^{-z})\n"
                         "expect lost_points\n"),
                     kSolution, kPath);
             }),
             StartsWith("week2.mutants:1: the mutant `week2.sigmoid: x` changes nothing but "
                        "spaces"));
}

TEST_CASE("mutants: a `-` block matching twice is refused", "[mutants]") {
  const std::string text =
      "x() {\n"
      "  // BEGIN SOLUTION week2.dot_loop\n"
      "  c += 1;\n"
      "  c += 1;\n"
      "  // END SOLUTION\n"
      "}\n";
  CHECK_THAT(error_of([&] {
               apply(one("mutant week2.dot_loop: x\n- c += 1;\n+ c += 2;\nexpect lost_points\n"),
                     text, "solutions/week2/vectorization.cpp");
             }),
             StartsWith("week2.mutants:2: the `-` lines match 2 places of "
                        "solutions/week2/vectorization.cpp (lines 3, 4); add a neighbouring line"));
  CHECK(apply(one("mutant week2.dot_loop: x\n- c += 1;\n-c+=1;\n+ c += 2;\nexpect lost_points\n"),
              text, "solutions/week2/vectorization.cpp") ==
        "x() {\n  // BEGIN SOLUTION week2.dot_loop\n  c += 2;\n  // END SOLUTION\n}\n");
}

TEST_CASE("mutants: exercises_of lists a solution's exercises once each", "[mutants]") {
  CHECK(dlc::mutants::exercises_of(kSolution, kPath) ==
        std::vector<std::string>{"week2.sigmoid", "week2.propagate"});
}

TEST_CASE("mutants: write_submission finds the solution and writes <block>/<lesson>.cpp",
          "[mutants]") {
  const fs::path root =
      fs::temp_directory_path() / ("dlc-mutants-test-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "solutions/week2");
  std::ofstream(root / "solutions/week2/logistic_regression.cpp") << kSolution;
  std::ofstream(root / "solutions/week2/other.cpp")
      << "// BEGIN SOLUTION week2.other\n// END SOLUTION\n";
  const Mutant m =
      one("mutant week2.sigmoid: e^{z}\n"
          "- return 1.0 / (1.0 + exp(-z));  // sigma(z) = 1 / (1 + e^{-z})\n"
          "+ return 1.0 / (1.0 + exp(z));\n"
          "expect lost_points\n");
  CHECK(dlc::mutants::solution_file(m, root.string()) == "solutions/week2/logistic_regression.cpp");
  CHECK(dlc::mutants::write_submission(m, root.string(), (root / "sub").string()) ==
        "week2/logistic_regression.cpp");
  std::ifstream in(root / "sub/week2/logistic_regression.cpp");
  const std::string written{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  CHECK_THAT(written, Contains("  return 1.0 / (1.0 + exp(z));\n"));
  CHECK_THAT(error_of([&] {
               dlc::mutants::solution_file(one("mutant week2.missing: x\n- a\nexpect crashed\n"),
                                           root.string());
             }),
             StartsWith("week2.mutants:1: no solution in solutions/week2/ marks `week2.missing`"));
  fs::remove_all(root);
}

TEST_CASE("mutants: every mutant of the project still applies to its solution", "[mutants]") {
  // Cheap and without grading: a solution edited under a mutant fails here first, naming the
  // mutant's line. (ctest grader.mutants and grader.adversarial grade them.)
  const std::string root = DLC_SOURCE_DIR;
  const fs::path dir =
      fs::temp_directory_path() / ("dlc-mutants-check-" + std::to_string(::getpid()));
  std::size_t count = 0;
  for (const char* folder : {"tests/mutants", "tests/grader_submissions"}) {
    for (const std::string& file : dlc::mutants::list_files(root, folder)) {
      for (const Mutant& m : dlc::mutants::load(root, file)) {
        INFO(m.where() << " " << m.name());
        CHECK_NOTHROW(dlc::mutants::write_submission(m, root, dir.string()));
        ++count;
      }
    }
  }
  fs::remove_all(dir);
  CHECK(count >= 15);
}
