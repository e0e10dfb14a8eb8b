// Tests of lectures 2.5-2.6: the computation graph J = 3(a + bc).
#include <catch2/catch.hpp>

#include "week2/computation_graph.hpp"

using namespace dlc::week2;

//! [forward]
TEST_CASE("graph_forward: u = bc, v = a + u, J = 3v", "[week2.graph_forward]") {
  // The lecture: a = 5, b = 3, c = 2 gives u = 6, v = 11, J = 33.
  const GraphForward f = graph_forward(5, 3, 2);
  CHECK(f.u == 6);
  CHECK(f.v == 11);
  CHECK(f.J == 33);
  // Another point, where a + bc and (a + b)c differ: 3(1 + 4 * -2) = -21.
  CHECK(graph_forward(1, 4, -2).J == -21);
}
//! [forward]

//! [backward]
TEST_CASE("graph_backward: the chain rule right to left", "[week2.graph_backward]") {
  // The lecture: dJ/dv = 3, dJ/da = 3, dJ/du = 3, dJ/db = 3c = 6, dJ/dc = 3b = 9.
  const GraphBackward g = graph_backward(graph_forward(5, 3, 2));
  CHECK(g.dv == 3);
  CHECK(g.du == 3);
  CHECK(g.da == 3);
  CHECK(g.db == 6);
  CHECK(g.dc == 9);
}
//! [backward]

TEST_CASE("graph_backward agrees with numerical derivatives",
          "[week2.graph_backward][week2.graph_forward]") {
  const double a = 0.7, b = -1.3, c = 2.9, h = 1e-6;
  const GraphBackward g = graph_backward(graph_forward(a, b, c));
  auto J = [](double x, double y, double z) { return graph_forward(x, y, z).J; };
  CHECK(g.da == Approx((J(a + h, b, c) - J(a - h, b, c)) / (2 * h)).epsilon(1e-8));
  CHECK(g.db == Approx((J(a, b + h, c) - J(a, b - h, c)) / (2 * h)).epsilon(1e-8));
  CHECK(g.dc == Approx((J(a, b, c + h) - J(a, b, c - h)) / (2 * h)).epsilon(1e-8));
}
