#include "common/exercise.hpp"

#include <utility>

namespace dlc {

NotImplemented::NotImplemented(std::string exercise, std::string file)
    : std::logic_error("not implemented yet: " + exercise + " (write it in " + file + ")"),
      exercise_(std::move(exercise)),
      file_(std::move(file)) {}

void not_implemented(const char* exercise, const char* file) {
  throw NotImplemented(exercise, file);
}

}  // namespace dlc
