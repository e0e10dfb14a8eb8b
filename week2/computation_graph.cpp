// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.
// Generated from solutions/week2/computation_graph.cpp; instructors edit that file and
// run `cmake --build <build> --target stubs`, never this one.

#include "week2/computation_graph.hpp"

#include "common/exercise.hpp"

namespace dlc::week2 {

GraphForward graph_forward(double a, double b, double c) {
  GraphForward f;
  f.a = a;
  f.b = b;
  f.c = c;
  DLC_TODO("week2.graph_forward");
  return f;
}

GraphBackward graph_backward(const GraphForward& f) {
  GraphBackward g;
  DLC_TODO("week2.graph_backward");
  return g;
}

}  // namespace dlc::week2
