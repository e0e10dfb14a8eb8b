/// \file
/// \brief Placeholder: the programs of this part of week 4 are added here.

#include <vector>

#include "apps/lessons/runner.hpp"

namespace dlc::runner {

const std::vector<ProgramImpl>& week4_why_deep_programs() {
  static const std::vector<ProgramImpl> all = {};
  return all;
}

}  // namespace dlc::runner
