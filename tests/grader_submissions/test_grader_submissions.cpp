// The grader against mutants of the reference solutions, graded as students' submissions:
//
//   [mutants]      every planted mistake of tests/mutants/*.mutants must cost its exercise
//                  points (and the unmutated solution must earn them): the tests are worth their
//                  points. Prints "planted mistakes caught: N / M".
//   [adversarial]  every submission of tests/grader_submissions/*.mutants must score 0 on its
//                  misbehaving exercise with the expected outcome, leave every other graded
//                  exercise its full points, and grade() must return.
//
// Each submission holds every lesson's solution, one of them mutated. Planted mistakes of lessons
// that do not depend on each other are graded together. The attacks on the grader itself are in
// test_attacks.cpp.
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "apps/grader/grader.hpp"
#include "apps/grader/lessons.hpp"
#include "apps/grader/sandbox.hpp"
#include "tests/grader_submissions/submissions.hpp"
#include "tests/mutants/mutants.hpp"

namespace fs = std::filesystem;
using dlc::grader::ExerciseResult;
using dlc::grader::GradeOptions;
using dlc::grader::GradeReport;
using dlc::grader::Lesson;
using dlc::grader::Outcome;
using dlc::mutants::Expect;
using dlc::mutants::Mutant;

using dlc::grader_tests::Course;
using dlc::grader_tests::find_result;
using dlc::grader_tests::kSource;
using dlc::grader_tests::load_mutants;
using dlc::grader_tests::options_for;
using dlc::grader_tests::read_course;
using dlc::grader_tests::Scratch;
using dlc::grader_tests::seconds;
using dlc::grader_tests::write_submission;

TEST_CASE("planted mistakes: each one costs its exercise points", "[mutants]") {
  const Course course = read_course();
  const std::vector<Mutant> planted = load_mutants("tests/mutants");
  REQUIRE(!planted.empty());
  for (const Mutant& m : planted) {
    INFO(m.where() << ": " << m.name());
    CHECK(m.expect == Expect::kLostPoints);  // other outcomes belong in tests/grader_submissions
    REQUIRE(course.lesson_of.count(m.exercise) == 1);
    REQUIRE(course.manifest.find(m.exercise) != nullptr);
  }
  // Every exercise of the manifest has at least one planted mistake: checked first, since the
  // gradings take minutes.
  std::set<std::string> mutated;
  for (const Mutant& m : planted) mutated.insert(m.exercise);
  std::string without;
  for (const auto& e : course.manifest.exercises)
    if (mutated.count(e.id) == 0) without += " " + e.id;
  INFO(
      "exercises of exercises.ini without a planted mistake: add one to "
      "tests/mutants/<block>.mutants for each of"
      << without);
  REQUIRE(without.empty());

  const Scratch scratch("grader-mutants");
  std::ostringstream progress;
  auto selection_of = [](const Mutant& m) {
    return m.grade.empty() ? std::vector<std::string>{m.exercise} : m.grade;
  };

  // The unmutated solutions first: each mutated exercise must earn its points without its
  // mistake, or losing them would prove nothing.
  write_submission(course, scratch / "solutions", {});
  GradeOptions baseline_options = options_for(
      scratch / "solutions", std::vector<std::string>(mutated.begin(), mutated.end()), progress);
  baseline_options.timeout_seconds = 10;
  const GradeReport baseline = dlc::grader::grade(baseline_options);
  std::cout << "the unmutated solutions: " << baseline.score << " / " << baseline.max_score
            << " points, " << seconds(baseline.seconds) << "\n";
  for (const ExerciseResult& r : baseline.exercises) {
    INFO(r.id << " graded from the unmutated solutions: " << r.summary << "\n" << r.detail);
    REQUIRE(r.outcome == Outcome::kPassed);
  }

  // Rounds: one mutant per lesson (and none of lessons that depend on each other) in each.
  std::vector<std::vector<const Mutant*>> rounds;
  for (const Mutant& m : planted) {
    const std::string lesson = course.lesson_of.at(m.exercise);
    auto fits = [&](const std::vector<const Mutant*>& round) {
      return std::none_of(round.begin(), round.end(), [&](const Mutant* other) {
        return course.related(lesson, course.lesson_of.at(other->exercise));
      });
    };
    const auto round = std::find_if(rounds.begin(), rounds.end(), fits);
    if (round == rounds.end()) {
      rounds.push_back({&m});
    } else {
      round->push_back(&m);
    }
  }

  std::size_t caught = 0;
  std::ostringstream table;
  for (std::size_t k = 0; k < rounds.size(); ++k) {
    const fs::path dir = scratch / ("round-" + std::to_string(k + 1));
    write_submission(course, dir, rounds[k]);
    std::vector<std::string> selection;
    for (const Mutant* m : rounds[k])
      for (const std::string& word : selection_of(*m)) selection.push_back(word);
    GradeOptions options = options_for(dir, selection, progress);
    options.timeout_seconds = 10;
    const GradeReport report = dlc::grader::grade(options);
    table << "grading " << k + 1 << " of " << rounds.size() << ": " << rounds[k].size()
          << (rounds[k].size() == 1 ? " mutant, " : " mutants, ") << seconds(report.seconds)
          << "\n";
    for (const Mutant* m : rounds[k]) {
      const ExerciseResult* r = find_result(report, m->exercise);
      // A mutant that does not compile proves nothing about the tests: it is the mutant's bug.
      const bool compiles =
          r != nullptr && r->outcome != Outcome::kDoesNotCompile && r->outcome != Outcome::kNoTests;
      const bool lost = compiles && r->score < r->points;
      caught += lost ? 1 : 0;
      table << (lost       ? "caught      "
                : compiles ? "NOT CAUGHT  "
                           : "BROKEN      ")
            << m->where() << "  " << m->name() << "\n            -> "
            << (r ? dlc::grader::outcome_name(r->outcome) + ": " + r->summary : "not graded")
            << "\n";
      INFO(m->where() << ": " << m->name() << "\n"
                      << (r ? r->summary + "\n" + r->detail : "not graded"));
      CHECK(compiles);
      CHECK(lost);
    }
  }

  std::cout << table.str() << "planted mistakes caught: " << caught << " / " << planted.size()
            << " (" << mutated.size() << " exercises, " << rounds.size() << " gradings)\n";
  CHECK(caught == planted.size());
}

TEST_CASE("adversarial submissions: the exercise scores 0 as what it is, the others keep theirs",
          "[adversarial]") {
  const Course course = read_course();
  const std::vector<Mutant> cases = load_mutants("tests/grader_submissions");
  REQUIRE(!cases.empty());
  const Scratch scratch("grader-adversarial");
  std::size_t k = 0;
  for (const Mutant& m : cases) {
    INFO(m.where() << ": " << m.name());
    REQUIRE(m.expect != Expect::kLostPoints);  // planted mistakes belong in tests/mutants
    REQUIRE(course.lesson_of.count(m.exercise) == 1);
    const std::string lesson = course.lesson_of.at(m.exercise);
    std::vector<std::string> selection = m.grade;
    if (selection.empty()) {
      for (const Lesson& l : course.lessons)
        if (l.path() == lesson) selection = l.exercise_ids;
    }
    const fs::path dir = scratch / ("case-" + std::to_string(++k));
    write_submission(course, dir, {&m});
    std::ostringstream progress;
    GradeOptions options = options_for(dir, selection, progress);
    options.timeout_seconds = 4;
    // Small enough that the allocating attack reaches it well within the timeout even where
    // each page's first touch is slow (a freshly booted virtual machine).
    options.memory_limit_bytes = std::size_t{512} << 20;
    GradeReport report;
    REQUIRE_NOTHROW(report = dlc::grader::grade(options));
    INFO("the grading:\n" << progress.str());
    std::vector<std::string> graded, selected;
    for (const ExerciseResult& r : report.exercises) graded.push_back(r.id);
    for (const auto& e : dlc::grader::select_exercises(course.manifest, selection))
      selected.push_back(e.id);
    REQUIRE(graded == selected);
    REQUIRE(find_result(report, m.exercise) != nullptr);

    for (const ExerciseResult& r : report.exercises) {
      // Code that does not compile costs its whole lesson; anything else, its exercise only.
      const bool misbehaves = m.expect == Expect::kDoesNotCompile
                                  ? course.lesson_of.at(r.id) == lesson
                                  : r.id == m.exercise;
      INFO(r.id << ": " << dlc::grader::outcome_name(r.outcome) << ": " << r.summary << "\n"
                << r.detail);
      // AddressSanitizer's operator new never throws std::bad_alloc: in a sanitized build the
      // memory limit ends the program instead (see dlc::grader::sanitizer_environment()).
      const bool ended_at_limit = dlc::grader::kSanitizedBuild && m.expect_text == "bad_alloc";
      if (misbehaves) {
        CHECK(r.score == 0);
        CHECK(dlc::grader::outcome_name(r.outcome) ==
              (ended_at_limit ? "crashed" : dlc::mutants::to_string(m.expect)));
        CHECK_THAT(r.summary,
                   Catch::Contains(ended_at_limit ? "crashed with signal" : m.expect_text));
      } else {
        CHECK(r.outcome == Outcome::kPassed);
        CHECK(r.score == r.points);
      }
    }
    const ExerciseResult& r = *find_result(report, m.exercise);
    std::cout << m.where() << "  " << m.name() << "\n    -> " << r.id << ": " << r.summary << " ("
              << seconds(r.seconds) << "); " << report.exercises.size() - 1
              << " other exercises graded, " << report.score << " / " << report.max_score
              << " points, " << seconds(report.seconds) << "\n";
  }
}
