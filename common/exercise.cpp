#include "common/exercise.hpp"

#include <utility>

namespace dlc {

NotImplemented::NotImplemented(std::string exercise, std::string hint)
    : std::logic_error("not implemented yet: " + exercise + " (hint: " + hint + ")"),
      exercise_(std::move(exercise)),
      hint_(std::move(hint)) {}

void not_implemented(const char* exercise, const char* hint) {
  throw NotImplemented(exercise, hint);
}

}  // namespace dlc
