/// \file
/// \brief How a program of `dlc run` is declared: its spec and its body side by side in
/// `apps/lessons/<block>*.cpp`, registered by one line.
///
///     /// `dlc run week2.graph`: ...
///     int graph(const cli::Arguments& args, const RunContext&) { ... }
///
///     cli::ProgramSpec graph_spec() {
///       cli::ProgramSpec p;
///       p.name = "week2.graph";
///       p.lecture = "2.5-2.6";
///       p.summary = "the computation graph of J = 3(a + bc), forward and backward";
///       p.options = {cli::number_option("--a", cli::Kind::kReal, "X", "5", cli::Bound::kAny,
///                                       "input a")};
///       return p;
///     }
///     DLC_PROGRAM(graph_spec, graph);
///
/// Every file of apps/lessons/ named after a lecture block (`week2.cpp`, `week3_lectures.cpp`,
/// `course2.cpp` ...) is compiled twice: into the runners `dlc-lessons-student` and
/// `dlc-lessons-solution`, with the bodies and the lesson code they call, and into the driver
/// `dlc` with `DLC_CATALOGUE_ONLY` defined, where `DLC_PROGRAM` registers the spec alone. The
/// bodies and the helpers only they call are then never referenced, and so never emitted: keep
/// them in the file's anonymous namespace (as everything of these files is), so that the driver
/// never links lesson code.
#pragma once

#include "apps/cli/options.hpp"
#include "apps/cli/programs.hpp"

namespace dlc::runner {

using cli::RunContext;

}  // namespace dlc::runner

#ifdef DLC_CATALOGUE_ONLY
/// Registers program `body` with the spec `spec_function()` returns (the driver: the spec alone).
#define DLC_PROGRAM(spec_function, body) \
  const ::dlc::cli::Registration body##_registration(spec_function, nullptr)
#else
/// Registers program `body` with the spec `spec_function()` returns.
#define DLC_PROGRAM(spec_function, body) \
  const ::dlc::cli::Registration body##_registration(spec_function, body)
#endif
