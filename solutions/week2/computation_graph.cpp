#include "week2/computation_graph.hpp"

#include "common/exercise.hpp"

namespace dlc::week2 {

GraphForward graph_forward(double a, double b, double c) {
  GraphForward f;
  f.a = a;
  f.b = b;
  f.c = c;
  // BEGIN SOLUTION week2.graph_forward: fill f.u, f.v and f.J left to right: u = b c, v = a + u, J = 3 v
  f.u = b * c;      // u = bc
  f.v = a + f.u;    // v = a + u
  f.J = 3.0 * f.v;  // J = 3v
  // END SOLUTION
  return f;
}

GraphBackward graph_backward(const GraphForward& f) {
  GraphBackward g;
  // BEGIN SOLUTION week2.graph_backward: right to left, each derivative times the local one: dv = 3, du = dv * dv/du, da = dv * dv/da, db = du * du/db, dc = du * du/dc
  g.dv = 3.0;         // J = 3v
  g.du = g.dv * 1.0;  // v = a + u: dv/du = 1
  g.da = g.dv * 1.0;  // v = a + u: dv/da = 1
  g.db = g.du * f.c;  // u = bc: du/db = c
  g.dc = g.du * f.b;  // u = bc: du/dc = b
  // END SOLUTION
  return g;
}

}  // namespace dlc::week2
