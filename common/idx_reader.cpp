/// \file
/// \brief IDX files (MNIST, Fashion-MNIST), gzip-compressed or plain, read through zlib.
///
/// An IDX file is a big-endian header, the magic number `0x0000TTDD` (`TT` the element type,
/// `0x08` for unsigned bytes; `DD` the number of dimensions) and one 32-bit size per dimension,
/// followed by the elements in C order. zlib's `gzread` reads gzip and plain files alike.
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "common/datasets.hpp"

namespace dlc {
namespace {

namespace fs = std::filesystem;

/// deflate never compresses better than 1032:1 (zlib's technical details), so a gzip file of
/// `n` bytes cannot hold more than `1032 n` bytes of data.
constexpr std::uint64_t kMaxDeflateRatio = 1032;

std::string hex32(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(v));
  return buf;
}

std::uint32_t big_endian32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

/// A file open for reading through zlib; closes itself. Every failure is a DataError naming it.
class GzReader {
 public:
  explicit GzReader(const std::string& path) : path_(path) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (!fs::exists(st)) fail("no such file");
    if (!fs::is_regular_file(st)) fail("not a regular file");
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) fail("cannot read its size (" + ec.message() + ")");
    errno = 0;
    file_ = gzopen(path.c_str(), "rb");
    if (file_ == nullptr)
      fail(std::string("cannot open (") + (errno != 0 ? std::strerror(errno) : "out of memory") +
           ")");
    gzbuffer(file_, 1 << 17);
    // gzdirect is 1 for a plain file: its data are the file's bytes, no more.
    const bool plain = gzdirect(file_) == 1;
    max_bytes_ = plain ? size : size * kMaxDeflateRatio;
  }
  ~GzReader() {
    if (file_ != nullptr) gzclose(file_);
  }
  GzReader(const GzReader&) = delete;
  GzReader& operator=(const GzReader&) = delete;

  /// The most bytes of data the rest of the file can hold.
  std::uint64_t max_bytes() const { return max_bytes_ > consumed_ ? max_bytes_ - consumed_ : 0; }

  [[noreturn]] void fail(const std::string& what) const { throw DataError(path_ + ": " + what); }

  /// Reads up to `n` bytes; fewer only at the end of the data. Corrupt or truncated gzip data
  /// throw.
  std::size_t read(void* out, std::size_t n) {
    auto* dst = static_cast<unsigned char*>(out);
    std::size_t done = 0;
    while (done < n) {
      const auto chunk = static_cast<unsigned>(std::min<std::size_t>(n - done, 1u << 24));
      const int got = gzread(file_, dst + done, chunk);
      if (got < 0) {
        check_stream();
        fail("read error");
      }
      done += static_cast<std::size_t>(got);
      consumed_ += static_cast<std::size_t>(got);
      if (static_cast<unsigned>(got) < chunk) {
        check_stream();  // a short read: the end of the data, or of a cut gzip stream
        break;
      }
    }
    return done;
  }

  /// Reads exactly `n` bytes of `what` or throws naming what was cut short.
  void read_exactly(void* out, std::size_t n, const char* what) {
    const std::size_t got = read(out, n);
    if (got < n)
      fail(std::string("truncated ") + what + ": " + std::to_string(got) + " of " +
           std::to_string(n) + " bytes");
  }

  /// Fails unless the data end here. Reading past the end also makes zlib check the gzip
  /// trailer (CRC-32 and length), so corruption anywhere in the stream is caught.
  void expect_end(const std::string& after) {
    unsigned char extra[256];
    std::size_t more = 0;
    for (std::size_t got; (got = read(extra, sizeof extra)) > 0;) {
      more += got;
      if (more >= (1u << 20)) break;
    }
    if (more > 0)
      fail(std::string(more >= (1u << 20) ? "more than " : "") + std::to_string(more) +
           (more == 1 ? " unexpected byte after " : " unexpected bytes after ") + after);
  }

 private:
  void check_stream() {
    int code = Z_OK;
    const char* msg = gzerror(file_, &code);
    if (code == Z_OK) return;
    if (code == Z_BUF_ERROR) fail("truncated gzip data (unexpected end of file)");
    if (code == Z_ERRNO) fail(std::string("read error (") + std::strerror(errno) + ")");
    // zlib's message starts with the path; keep only what was wrong
    std::string what = msg != nullptr ? msg : "unknown zlib error";
    if (what.rfind(path_ + ": ", 0) == 0) what.erase(0, path_.size() + 2);
    fail("corrupt gzip data (" + what + ")");
  }

  std::string path_;
  gzFile file_ = nullptr;
  std::uint64_t max_bytes_ = 0;
  std::uint64_t consumed_ = 0;
};

/// Reads the magic number, checks it, then reads the `dims` sizes that follow it.
std::vector<std::uint64_t> read_header(GzReader& in, std::uint32_t magic, const char* kind) {
  const std::size_t dims = magic & 0xFFu;
  std::vector<unsigned char> header(4 * (1 + dims));
  const std::size_t got = in.read(header.data(), 4);
  if (got == 4) {
    const std::uint32_t found = big_endian32(header.data());
    if (found != magic)
      in.fail("bad magic number " + hex32(found) + " (expected " + hex32(magic) + ": IDX file of " +
              kind + ")");
  }
  const std::size_t rest = got < 4 ? 0 : in.read(header.data() + 4, header.size() - 4);
  if (got + rest < header.size())
    in.fail("truncated header: " + std::to_string(got + rest) + " of " +
            std::to_string(header.size()) + " bytes");
  std::vector<std::uint64_t> sizes(dims);
  for (std::size_t d = 0; d < dims; ++d) sizes[d] = big_endian32(header.data() + 4 * (d + 1));
  return sizes;
}

/// Checks that `items` bytes can be in the file (and are below `kMaxDatasetItems`) before
/// anything of that size is allocated.
void check_claim(const GzReader& in, std::uint64_t items, const std::string& claim) {
  if (items > kMaxDatasetItems)
    in.fail("header claims " + claim + ", more than the " + std::to_string(kMaxDatasetItems) +
            " bytes a data set may hold");
  if (items > in.max_bytes())
    in.fail("header claims " + claim + " (" + std::to_string(items) +
            " bytes), more than the file can hold after its header (at most " +
            std::to_string(in.max_bytes()) + " bytes)");
}

}  // namespace

ImageSet read_idx_images(const std::string& path) {
  GzReader in(path);
  const std::vector<std::uint64_t> dims = read_header(in, 0x00000803u, "images (3-D ubyte)");
  const std::uint64_t count = dims[0], rows = dims[1], cols = dims[2];
  if (rows == 0 || cols == 0)
    in.fail("images of " + std::to_string(rows) + " x " + std::to_string(cols) +
            " pixels; expected both sizes above 0");
  const std::string claim =
      std::to_string(count) + " images of " + std::to_string(rows) + " x " + std::to_string(cols);
  // rows * cols < 2^64 since each is below 2^32; count * rows * cols is checked for overflow.
  const std::uint64_t per_image = rows * cols;
  if (count > kMaxDatasetItems / per_image) check_claim(in, kMaxDatasetItems + 1, claim);
  const std::uint64_t items = count * per_image;
  check_claim(in, items, claim);

  ImageSet out;
  out.count = static_cast<std::size_t>(count);
  out.height = static_cast<std::size_t>(rows);
  out.width = static_cast<std::size_t>(cols);
  out.channels = 1;
  out.pixels.resize(static_cast<std::size_t>(items));
  in.read_exactly(out.pixels.data(), out.pixels.size(), ("data (" + claim + ")").c_str());
  in.expect_end("the " + claim);
  return out;
}

std::vector<std::uint8_t> read_idx_labels(const std::string& path) {
  GzReader in(path);
  const std::uint64_t count = read_header(in, 0x00000801u, "labels (1-D ubyte)")[0];
  const std::string claim = std::to_string(count) + " labels";
  check_claim(in, count, claim);
  std::vector<std::uint8_t> labels(static_cast<std::size_t>(count));
  in.read_exactly(labels.data(), labels.size(), ("data (" + claim + ")").c_str());
  in.expect_end("the " + claim);
  return labels;
}

}  // namespace dlc
