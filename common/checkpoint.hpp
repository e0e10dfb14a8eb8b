/// \file
/// \brief Checkpoints: the state of a long run written to a file whole or not at all, and a
/// reader that refuses, with one message naming the file, anything that is not a whole
/// checkpoint of the kind asked for.
///
///     dlc::save_checkpoint("run.ckpt", "course2.panda", state);        // any wire-encodable value
///     auto state = dlc::load_checkpoint<State>("run.ckpt", "course2.panda");
///
/// **The file.** A header of 24 bytes, then the body:
///
/// | bytes | what |
/// | --- | --- |
/// | 8 | the magic `dlc-ckpt` |
/// | 4 | the format's version, 1 |
/// | 8 | the body's size in bytes |
/// | 4 | zlib's CRC-32 of the body |
/// | the body | the kind (a `dlc::wire` string, e.g. `course2.panda`), then the value (`dlc::wire`) |
///
/// Numbers are little-endian, as `dlc::wire` writes them. The kind says what the value is, so
/// that a checkpoint of one program is never read as another's.
///
/// **Whole or not at all.** `write_checkpoint` writes to a new temporary file in the target's
/// folder, flushes it to the disk (`fsync`), then renames it over the target, which POSIX makes
/// atomic: a crash or a kill at any moment leaves either the previous checkpoint or the new one,
/// never half of one. The folder is then synced too, so that the rename itself survives a power
/// loss.
///
/// **The reader trusts nothing.** A missing file, another magic (not a checkpoint), another
/// version, a file cut anywhere (before the header ends or inside the body), a body whose CRC-32
/// differs (a flipped byte), bytes after the body, a checkpoint of another kind, a body that
/// does not decode as the type asked for: each is a `CheckpointError` whose message starts with
/// the file's path and says which.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "common/wire.hpp"

namespace dlc {

/// A checkpoint that cannot be written or read. The message names the file and what was
/// wrong: `run.ckpt: truncated: 1000 bytes of the 3512 its header announces`.
class CheckpointError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The first 8 bytes of every checkpoint.
inline constexpr std::string_view kCheckpointMagic = "dlc-ckpt";
/// The version of the format this code writes and reads.
inline constexpr std::uint32_t kCheckpointVersion = 1;
/// The header's size: magic, version, body size, CRC-32.
inline constexpr std::size_t kCheckpointHeaderSize = 8 + 4 + 8 + 4;

/// \brief Writes `bytes` to `path` whole or not at all: to a temporary file in the same
/// folder, `fsync`, then `rename` over `path`, and `fsync` of the folder.
/// \throws CheckpointError naming `path` when any step fails (the temporary file is removed and
///   `path` is left as it was).
void write_file_atomically(const std::string& path, std::string_view bytes);

/// \brief Writes a checkpoint of kind `kind` holding `value_bytes` (a `dlc::wire` encoding) to
/// `path`, atomically (`write_file_atomically`).
/// \throws CheckpointError naming `path`.
void write_checkpoint(const std::string& path, const std::string& kind,
                      std::string_view value_bytes);

/// \brief Reads the checkpoint `path` and returns the bytes of its value, after checking the
/// magic, the version, the sizes, the CRC-32 and that its kind is `kind`.
/// \throws CheckpointError naming `path` and what is wrong.
std::string read_checkpoint(const std::string& path, const std::string& kind);

/// \brief Saves `value` (anything `dlc::wire` encodes) as a checkpoint of kind `kind`.
/// \throws CheckpointError naming `path`.
template <class T>
void save_checkpoint(const std::string& path, const std::string& kind, const T& value) {
  write_checkpoint(path, kind, wire::encode(value));
}

/// \brief Loads the value of the checkpoint `path`, of kind `kind`, as a `T`.
/// \throws CheckpointError naming `path` when the file is not a whole checkpoint of that kind or
///   its value is not a `T`.
template <class T>
T load_checkpoint(const std::string& path, const std::string& kind) {
  const std::string bytes = read_checkpoint(path, kind);
  try {
    return wire::decode<T>(bytes);
  } catch (const wire::ProtocolError& e) {
    throw CheckpointError(path + ": corrupt: its " + kind + " state does not decode (" + e.what() +
                          ")");
  }
}

}  // namespace dlc
