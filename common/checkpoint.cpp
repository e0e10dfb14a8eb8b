#include "common/checkpoint.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <optional>

#include "common/files.hpp"

namespace dlc {

namespace {

/// `error` as a CheckpointError naming `path` and errno's text.
[[noreturn]] void fail(const std::string& path, const std::string& what, int error) {
  throw CheckpointError(path + ": " + what + ": " + std::strerror(error));
}

/// zlib's CRC-32 of `bytes`, fed in pieces that fit zlib's `uInt`.
std::uint32_t crc32_of(std::string_view bytes) {
  uLong crc = ::crc32(0L, Z_NULL, 0);
  const auto* data = reinterpret_cast<const Bytef*>(bytes.data());
  std::size_t left = bytes.size();
  while (left > 0) {
    const auto piece = static_cast<uInt>(std::min<std::size_t>(left, 1u << 30));
    crc = ::crc32(crc, data, piece);
    data += piece;
    left -= piece;
  }
  return static_cast<std::uint32_t>(crc);
}

/// Writes all of `bytes` to `fd`, through short writes and interruptions.
bool write_all(int fd, std::string_view bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view bytes) {
  const std::filesystem::path target(path);
  const std::filesystem::path folder =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  // The temporary file in the target's folder: rename() is atomic only within one file system.
  std::string temporary = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) fail(path, "cannot create a temporary file in " + folder.string(), errno);
  auto give_up = [&](const std::string& what) {
    const int error = errno;
    ::close(fd);
    ::unlink(temporary.c_str());
    fail(path, what, error);
  };
  if (::fchmod(fd, 0644) != 0) give_up("cannot set the permissions of " + temporary);
  if (!write_all(fd, bytes)) give_up("cannot write " + temporary);
  if (::fsync(fd) != 0) give_up("cannot flush " + temporary + " to the disk");
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    fail(path, "cannot close " + temporary, error);
  }
  if (::rename(temporary.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    fail(path, "cannot rename " + temporary + " to it", error);
  }
  // The rename is an entry of the folder: sync the folder so that it survives a power loss.
  const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

void write_checkpoint(const std::string& path, const std::string& kind,
                      std::string_view value_bytes) {
  wire::Writer body;
  wire::put(body, kind);
  body.bytes(value_bytes.data(), value_bytes.size());
  const std::string& b = body.data();
  const auto size = static_cast<std::uint64_t>(b.size());
  const std::uint32_t crc = crc32_of(b);
  wire::Writer file;
  file.bytes(kCheckpointMagic.data(), kCheckpointMagic.size());
  wire::put(file, kCheckpointVersion);
  wire::put(file, size);
  wire::put(file, crc);
  file.bytes(b.data(), b.size());
  write_file_atomically(path, file.data());
}

std::string read_checkpoint(const std::string& path, const std::string& kind) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw CheckpointError(path + ": no such checkpoint (the file does not exist)");
  }
  if (std::filesystem::is_directory(path, ec)) {
    throw CheckpointError(path + ": is a folder, not a checkpoint");
  }
  const std::optional<std::string> content = read_file(path);
  if (!content) fail(path, "cannot read the checkpoint", errno != 0 ? errno : EIO);
  const std::string& bytes = *content;
  const std::string size_text = std::to_string(bytes.size()) + " bytes";

  // The magic first: a file that is no checkpoint is said to be one, not "truncated".
  const std::string_view head(bytes.data(), std::min(bytes.size(), kCheckpointMagic.size()));
  if (head != kCheckpointMagic.substr(0, head.size())) {
    throw CheckpointError(path + ": not a checkpoint (it does not start with \"" +
                          std::string(kCheckpointMagic) + "\")");
  }
  if (bytes.size() < kCheckpointHeaderSize) {
    throw CheckpointError(path + ": truncated: " + size_text + ", less than the " +
                          std::to_string(kCheckpointHeaderSize) + " of a checkpoint's header");
  }
  wire::Reader header(std::string_view(bytes).substr(kCheckpointMagic.size()));
  const auto version = wire::get<std::uint32_t>(header);
  const auto body_size = wire::get<std::uint64_t>(header);
  const auto crc = wire::get<std::uint32_t>(header);
  if (version != kCheckpointVersion) {
    throw CheckpointError(path + ": a checkpoint of version " + std::to_string(version) +
                          ", but this program reads version " + std::to_string(kCheckpointVersion));
  }
  const std::size_t have = bytes.size() - kCheckpointHeaderSize;
  if (body_size > have) {
    throw CheckpointError(path + ": truncated: " + size_text + ", its header announces " +
                          std::to_string(body_size + kCheckpointHeaderSize));
  }
  if (body_size < have) {
    throw CheckpointError(path + ": corrupt: " + size_text + ", its header announces " +
                          std::to_string(body_size + kCheckpointHeaderSize));
  }
  const std::string_view body = std::string_view(bytes).substr(kCheckpointHeaderSize);
  if (crc32_of(body) != crc) {
    throw CheckpointError(path + ": corrupt: its CRC-32 does not match its contents");
  }
  wire::Reader r(body);
  std::string its_kind;
  try {
    its_kind = wire::get<std::string>(r);
  } catch (const wire::ProtocolError& e) {
    throw CheckpointError(path + ": corrupt: it names no kind (" + e.what() + ")");
  }
  if (its_kind != kind) {
    throw CheckpointError(path + ": a checkpoint of " + its_kind + ", not of " + kind);
  }
  const std::size_t value_size = r.remaining();
  return std::string(r.view(value_size));
}

}  // namespace dlc
