#include "week2/computation_graph.hpp"

#include "common/exercise.hpp"

namespace dlc::week2 {

GraphForward graph_forward(double a, double b, double c) {
  GraphForward f;
  f.a = a;
  f.b = b;
  f.c = c;
  // BEGIN SOLUTION week2.graph_forward
  f.u = b * c;      // u = bc
  f.v = a + f.u;    // v = a + u
  f.J = 3.0 * f.v;  // J = 3v
  // END SOLUTION
  return f;
}

GraphBackward graph_backward(const GraphForward& f) {
  GraphBackward g;
  // BEGIN SOLUTION week2.graph_backward
  g.dv = 3.0;         // J = 3v
  g.du = g.dv * 1.0;  // v = a + u: dv/du = 1
  g.da = g.dv * 1.0;  // v = a + u: dv/da = 1
  g.db = g.du * f.c;  // u = bc: du/db = c
  g.dc = g.du * f.b;  // u = bc: du/dc = b
  // END SOLUTION
  return g;
}

}  // namespace dlc::week2
