// Student's file: replace each DLC_TODO(...) line with your code.
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
  DLC_TODO("week2.graph_forward", "fill f.u, f.v and f.J left to right: u = b c, v = a + u, J = 3 v");
  return f;
}

GraphBackward graph_backward(const GraphForward& f) {
  GraphBackward g;
  DLC_TODO("week2.graph_backward", "right to left, each derivative times the local one: dv = 3, du = dv * dv/du, da = dv * dv/da, db = du * du/db, dc = du * du/dc");
  return g;
}

}  // namespace dlc::week2
