/// \file
/// \brief The lesson runner's parts: the programs of `dlc run`, implemented against the lesson
/// APIs, and what they share.
///
/// One source, compiled twice: `dlc-lessons-student` links the student flavour of every lesson
/// (`lesson_week2_images_student`, ...) and `dlc-lessons-solution` the solution flavour. The
/// programs' names and options come from the catalogue in apps/cli/programs.hpp.
#pragma once

#include <string>
#include <vector>

#include "apps/cli/options.hpp"

namespace dlc::runner {

/// What every program is told besides its options.
struct RunContext {
  std::string flavour;  ///< `student` or `solution`, the lesson code this runner links
};

/// A program's body: it prints its output and returns the exit code; errors are exceptions,
/// which the runner's main turns into one line and an exit code.
using ProgramFn = int (*)(const cli::Arguments& args, const RunContext& context);

/// A program of the catalogue and its body.
struct ProgramImpl {
  const char* name;  ///< as in the catalogue: `week2.logreg`
  ProgramFn run;     ///< its body
};

/// The programs of week 1 (lecture 1.2).
const std::vector<ProgramImpl>& week1_programs();

/// The programs of week 2 (lectures 2.1-2.13).
const std::vector<ProgramImpl>& week2_programs();

/// The programs of week 3 around the planar flower (lecture 3.9).
const std::vector<ProgramImpl>& week3_programs();

/// The programs of week 3's other lectures (3.3-3.8 and 3.10), one small demo each.
const std::vector<ProgramImpl>& week3_lecture_programs();

/// The programs of week 4 around the deep network (4.1-4.3, 4.5 and the cat notebook).
const std::vector<ProgramImpl>& week4_programs();

/// The program of lecture 4.4: why deep (parity).
const std::vector<ProgramImpl>& week4_why_deep_programs();

/// The programs of lectures 4.6 (a learning-rate sweep) and 1.4 (scale: data against accuracy).
const std::vector<ProgramImpl>& week4_tuning_programs();

/// \brief The student's file holding exercise `id`, e.g. `week2/logistic_regression.cpp` for
/// `week2.sigmoid`; empty when the exercise is unknown. Generated at build time from the
/// `BEGIN SOLUTION <id>` markers of solutions/.
std::string exercise_file(const std::string& id);

}  // namespace dlc::runner
