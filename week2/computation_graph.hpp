/// \file
/// \brief Lectures 2.5-2.6: the computation graph of \f$ J(a, b, c) = 3(a + bc) \f$, forward
/// (left to right) and backward (right to left, by the chain rule).
///
/// This header's lectures on \ref week2 "week 2's page": \ref lecture_2_5 "2.5" and
/// \ref lecture_2_6 "2.6".
///
/// The lecture breaks the function into three steps, one node each:
/// \f[ u = bc, \qquad v = a + u, \qquad J = 3v \f]
/// The forward pass computes them left to right. The backward pass walks right to left,
/// each derivative reusing the one after it (the chain rule):
/// \f[ \frac{dJ}{dv} = 3, \quad \frac{dJ}{da} = \frac{dJ}{dv}\frac{dv}{da} = 3, \quad
///     \frac{dJ}{du} = \frac{dJ}{dv}\frac{dv}{du} = 3, \quad
///     \frac{dJ}{db} = \frac{dJ}{du}\frac{du}{db} = 3c, \quad
///     \frac{dJ}{dc} = \frac{dJ}{du}\frac{du}{dc} = 3b \f]
/// In code, as in the course, `dvar` names \f$ dJ/d\,\text{var} \f$: `da`, `db`, `dc`, `du`,
/// `dv`.
///
/// **Expected output.** With a = 5, b = 3, c = 2: u = 6, v = 11, J = 33, and
/// dv = 3, da = 3, du = 3, db = 6, dc = 9 (`dlc run week2.graph`).
#pragma once

namespace dlc::week2 {

/// The values at every node of the graph.
struct GraphForward {
  double a = 0.0, b = 0.0, c = 0.0;  ///< input c (2 in the lecture)
  double u = 0.0;                    ///< u = b c
  double v = 0.0;                    ///< v = a + u
  double J = 0.0;                    ///< J = 3 v
};
/// \var GraphForward::a
/// input a (5 in the lecture)
/// \var GraphForward::b
/// input b (3 in the lecture)

/// The derivative of the final output J with respect to every node.
struct GraphBackward {
  double dv = 0.0;  ///< dJ/dv
  double du = 0.0;  ///< dJ/du
  double da = 0.0;  ///< dJ/da
  double db = 0.0;  ///< dJ/db
  double dc = 0.0;  ///< dJ/dc
};

/// \brief The forward pass: \f$ u = bc,\ v = a + u,\ J = 3v \f$.
/// \return every node's value; (5, 3, 2) gives u = 6, v = 11, J = 33.
///
/// Exercise `week2.graph_forward`.
GraphForward graph_forward(double a, double b, double c);

/// \brief The backward pass, right to left by the chain rule.
/// \param[in] f the forward pass's values (the backward pass needs b and c)
/// \return dv = 3, du = 3, da = 3, db = 3c, dc = 3b.
///
/// Exercise `week2.graph_backward`.
GraphBackward graph_backward(const GraphForward& f);

}  // namespace dlc::week2
