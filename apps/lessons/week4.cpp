/// \file
/// \brief The week-4 programs of `dlc run` around the deep network: the table of shapes, the two-layer and the L-layer cat classifier.

#include <vector>

#include "apps/lessons/runner.hpp"

namespace dlc::runner {

const std::vector<ProgramImpl>& week4_programs() {
  static const std::vector<ProgramImpl> all = {};
  return all;
}

}  // namespace dlc::runner
