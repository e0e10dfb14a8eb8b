// The stored results of `dlc grade` (apps/grader/results_store.hpp): written whole, merged by
// exercise, and read back, or refused with a note, whatever the file holds.

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "apps/grader/results_store.hpp"
#include "common/files.hpp"

namespace fs = std::filesystem;
using namespace dlc::grader;

namespace {

ExerciseResult result(const std::string& id, Outcome outcome, int score, int points,
                      const std::string& file, const std::string& text,
                      const std::string& summary) {
  ExerciseResult r;
  r.id = id;
  r.outcome = outcome;
  r.score = score;
  r.points = points;
  r.file = file;
  r.file_hash = content_hash(text);
  r.summary = summary;
  return r;
}

/// Two exercises of week 2: sigmoid passed, propagate failed.
GradeReport two_results() {
  GradeReport report;
  report.exercises.push_back(result("week2.sigmoid", Outcome::kPassed, 1, 1,
                                    "week2/logistic_regression.cpp", "v1", "passed"));
  report.exercises.push_back(
      result("week2.propagate", Outcome::kFailed, 0, 2, "week2/logistic_regression.cpp", "v1",
             "failed: propagate: CHECK( dw == expected )\twith expansion\n0.99 == 0.5"));
  return report;
}

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("results store: written, read back, and merged by exercise", "[grader][results]") {
  dlc::TempDir dir("dlc-results-test");
  const std::string source = dir.file("tree");
  const std::string path = dir.file("dlc-results.txt");

  const StoredResults written = store_results(path, source, two_results());
  const StoredResults read = read_results(path, source);
  CHECK(read.note.empty());
  REQUIRE(read.results.size() == 2);
  CHECK(read.results[0].id == "week2.sigmoid");
  CHECK(read.results[0].outcome == Outcome::kPassed);
  CHECK(read.results[1].outcome == Outcome::kFailed);
  CHECK(read.results[1].score == 0);
  CHECK(read.results[1].points == 2);
  CHECK(read.results[1].file == "week2/logistic_regression.cpp");
  CHECK(read.results[1].file_hash == content_hash("v1"));
  // The summary is kept on one line: its tab and line break are spaces.
  CHECK(read.results[1].summary ==
        "failed: propagate: CHECK( dw == expected ) with expansion 0.99 == 0.5");

  // A partial grade replaces only the exercises it graded.
  GradeReport again;
  again.exercises.push_back(result("week2.propagate", Outcome::kPassed, 2, 2,
                                   "week2/logistic_regression.cpp", "v2", "passed"));
  again.exercises.push_back(result("week3.sigmoid", Outcome::kNotImplemented, 0, 1,
                                   "week3/shallow_network.cpp", "stub", "not implemented yet"));
  // An exercise with no lesson file is not stored.
  again.exercises.push_back(result("week9.nothing", Outcome::kNoTests, 0, 1, "", "", "no tests"));
  again.exercises.back().file_hash.clear();
  store_results(path, source, again);
  const StoredResults merged = read_results(path, source);
  CHECK(merged.note.empty());
  REQUIRE(merged.results.size() == 3);
  REQUIRE(merged.find("week2.sigmoid") != nullptr);
  CHECK(merged.find("week2.sigmoid")->file_hash == content_hash("v1"));
  CHECK(merged.find("week2.propagate")->outcome == Outcome::kPassed);
  CHECK(merged.find("week2.propagate")->file_hash == content_hash("v2"));
  CHECK(merged.find("week3.sigmoid")->outcome == Outcome::kNotImplemented);
  CHECK(merged.find("week9.nothing") == nullptr);

  // A missing file is no results, and nothing to say.
  const StoredResults none = read_results(dir.file("absent.txt"), source);
  CHECK(none.results.empty());
  CHECK(none.note.empty());
}

TEST_CASE("results store: a truncated file is no results, with a note", "[grader][results]") {
  const std::string source = "/course";
  const std::string text = format_results(
      [&] {
        StoredResults r;
        merge_results(r, two_results());
        return r;
      }(),
      source);
  REQUIRE(parse_results(text, "f", source).results.size() == 2);
  // Every cut but the one that drops only the last line break loses the end line or more.
  for (std::size_t n = 0; n + 1 < text.size(); ++n) {
    INFO("the first " << n << " bytes of the file");
    const StoredResults cut = parse_results(text.substr(0, n), "f", source);
    CHECK(cut.results.empty());
    CHECK(cut.note.find("ignored the stored results in f") == 0);
    CHECK(cut.note.find('\n') == std::string::npos);
  }
  CHECK(parse_results(text.substr(0, text.size() - 1), "f", source).results.size() == 2);
}

TEST_CASE("results store: a corrupt file is no results, with a note naming the line",
          "[grader][results]") {
  const std::string source = "/course";
  const std::string head = "dlc-results 1\nsource /course\n";
  const std::string good =
      "week2.sigmoid\tpassed\t1\t1\tweek2/logistic_regression.cpp\t0123456789abcdef\tpassed\n";
  REQUIRE(parse_results(head + good + "end 1\n", "f", source).results.size() == 1);
  const std::pair<std::string, std::string> cases[] = {
      {"", "line 1: the file is empty"},
      {"\x7f"
       "ELF\x01\x02\n\0\0",
       "line 1: it is not a results file"},
      {"dlc-results 2\nsource /course\nend 0\n", "line 1: format \"dlc-results 2\""},
      {"dlc-results 1\nend 0\n", "line 2: no source line"},
      {"dlc-results 1\nsource /elsewhere\nend 0\n", "line 2: they are the results of /elsewhere"},
      {head + "week2.sigmoid\tpassed\t1\t1\n" + "end 1\n", "line 3: expected 7 fields"},
      {head + "week2.sigmoid\tsucceeded\t1\t1\tf.cpp\t0123456789abcdef\tx\nend 1\n",
       "line 3: unknown outcome \"succeeded\""},
      {head + "week2.sigmoid\tpassed\t2\t1\tf.cpp\t0123456789abcdef\tx\nend 1\n",
       "line 3: the points"},
      {head + "week2.sigmoid\tpassed\t-1\t1\tf.cpp\t0123456789abcdef\tx\nend 1\n",
       "line 3: the points"},
      {head + "week2.sigmoid\tpassed\t1\t1\tf.cpp\tabc\tx\nend 1\n", "line 3: no lesson file"},
      {head + "sigmoid\tpassed\t1\t1\tf.cpp\t0123456789abcdef\tx\nend 1\n",
       "line 3: \"sigmoid\" is not an exercise id"},
      {head + good + good + "end 2\n", "line 4: week2.sigmoid appears twice"},
      {head + good + "end 2\n", "line 4: the end line counts 2 results, the file holds 1"},
      {head + good + "end 1\nmore\n", "line 5: text after the end line"},
      {head + good, "line 4: no end line: the file is truncated"},
  };
  for (const auto& [text, expected] : cases) {
    INFO("file: " << text);
    const StoredResults r = parse_results(text, "f", source);
    CHECK(r.results.empty());
    CHECK(r.note.find("ignored the stored results in f (" + expected) == 0);
    CHECK(r.note.find('\n') == std::string::npos);
  }
}

TEST_CASE("results store: an oversized or unreadable file is no results, with a note",
          "[grader][results]") {
  dlc::TempDir dir("dlc-results-test");
  const fs::path big = dir.file("big.txt");
  write(big, std::string((4u << 20) + 1, 'x'));
  const StoredResults r = read_results(big.string(), "/course");
  CHECK(r.results.empty());
  CHECK(r.note.find("larger than 4 MiB") != std::string::npos);
  const StoredResults folder = read_results(dir.path().string(), "/course");
  CHECK(folder.results.empty());
  CHECK_FALSE(folder.note.empty());
}

TEST_CASE("results store: each exercise's status, from its lesson file as it is now",
          "[grader][results]") {
  dlc::TempDir dir("dlc-results-test");
  const std::string source = dir.file("tree");
  fs::create_directories(fs::path(source) / "week2");
  const fs::path file = fs::path(source) / "week2" / "logistic_regression.cpp";
  write(file, "v1");
  StoredResults stored;
  merge_results(stored, two_results());
  stored.results.push_back(StoredResult{"week2.model", Outcome::kNotImplemented, 0, 2,
                                        "week2/logistic_regression.cpp", content_hash("v1"),
                                        "not implemented yet"});

  std::map<std::string, std::string> hashes;
  ExerciseStatus sigmoid = exercise_status(stored, "week2.sigmoid", source, hashes);
  CHECK(sigmoid.passing());
  CHECK(sigmoid.text(40) == "passing");
  const ExerciseStatus propagate = exercise_status(stored, "week2.propagate", source, hashes);
  CHECK_FALSE(propagate.passing());
  CHECK(propagate.text(200) ==
        "failing: propagate: CHECK( dw == expected ) with expansion 0.99 == 0.5");
  CHECK(propagate.text(30) == "failing: propagate: CHECK( ...");
  CHECK(exercise_status(stored, "week2.model", source, hashes).text(40) == "not implemented yet");
  const ExerciseStatus never = exercise_status(stored, "week2.predict", source, hashes);
  CHECK_FALSE(never.passing());
  CHECK(never.text(40) == "not graded yet");

  write(file, "v2");
  hashes.clear();
  sigmoid = exercise_status(stored, "week2.sigmoid", source, hashes);
  CHECK(sigmoid.changed);
  CHECK_FALSE(sigmoid.passing());
  CHECK(sigmoid.text(40) == "changed since graded (was passing)");
  fs::remove(file);
  hashes.clear();
  CHECK(exercise_status(stored, "week2.sigmoid", source, hashes).changed);
}

TEST_CASE("results store: another tree graded with a build keeps a file of its own",
          "[grader][results]") {
  dlc::TempDir dir("dlc-results-test");
  const fs::path build = dir.path() / "build";
  fs::create_directories(build);
  const std::string tree = dir.file("tree");
  const std::string copy = dir.file("copy");
  fs::create_directories(tree);
  fs::create_directories(copy);
  write(build / "CMakeCache.txt", "# cache\nCMAKE_HOME_DIRECTORY:INTERNAL=" + tree + "\n");
  CHECK(results_file(build.string(), tree) == (build / "dlc-results.txt").string());
  const std::string other = results_file(build.string(), copy);
  CHECK(other != (build / "dlc-results.txt").string());
  CHECK(fs::path(other).parent_path() == build);
  CHECK(fs::path(other).filename().string().rfind("dlc-results-", 0) == 0);
}
