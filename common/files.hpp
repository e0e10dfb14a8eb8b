/// \file
/// \brief Files for the tools and the lesson programs alike: reading a whole file, and a private
/// temporary folder that removes itself.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace dlc {

/// \brief The bytes of the file `path`, or nothing when it cannot be opened or read.
/// \param[in] path the file
/// \param[in] limit read at most this many bytes (0: the whole file)
std::optional<std::string> read_file(const std::filesystem::path& path, std::size_t limit = 0);

/// A fresh private folder `<temporary folder>/<name>-XXXXXX` ($TMPDIR, else /tmp), removed with
/// everything in it when the object goes.
class TempDir {
 public:
  /// \throws std::runtime_error naming the folder when it cannot be made.
  explicit TempDir(const std::string& name = "dlc");
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();

  /// The folder.
  const std::filesystem::path& path() const { return path_; }
  /// The path of `name` in the folder.
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace dlc
