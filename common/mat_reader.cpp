/// \file
/// \brief MATLAB files through libmatio's C API (common/mat_reader.hpp).
///
/// Every libmatio object is held by a `std::unique_ptr` that frees it, so that no path leaks
/// one. libmatio reports what went wrong through a log function, by default on stderr; this
/// reader installs its own, which keeps the last message for the `DataError` instead.
///
/// libmatio reads a level-5 variable whose bytes end early without a word (the missing
/// entries come back as whatever was in memory), so the reader first walks the file's data
/// elements itself (`check_level5`): each must fit in the file, each compressed one must
/// inflate to one whole matrix element with a correct zlib checksum, and each matrix's
/// sub-elements must fit in it. Only then does libmatio read the variable.
#include "common/mat_reader.hpp"

#include <matio.h>
#include <zlib.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <mutex>
#include <string>
#include <system_error>
#include <vector>

namespace dlc {
namespace {

namespace fs = std::filesystem;

/// libmatio's log function is global: one read at a time, and its last message kept here.
std::mutex& matio_mutex() {
  static std::mutex m;
  return m;
}
std::string& matio_message() {
  static std::string message;
  return message;
}

void keep_matio_message(int /*log_level*/, char* message) {
  if (message != nullptr) matio_message() = message;
}

/// The last message libmatio logged, as `" (message)"`, or empty.
std::string matio_detail() {
  const std::string& m = matio_message();
  return m.empty() ? std::string() : " (" + m + ")";
}

struct CloseMat {
  void operator()(mat_t* mat) const { Mat_Close(mat); }
};
struct FreeVar {
  void operator()(matvar_t* var) const { Mat_VarFree(var); }
};
using MatFile = std::unique_ptr<mat_t, CloseMat>;
using MatVar = std::unique_ptr<matvar_t, FreeVar>;

/// What MATLAB calls a variable's class, for the message.
std::string class_name(matio_classes c) {
  switch (c) {
    case MAT_C_CELL:
      return "a cell array";
    case MAT_C_STRUCT:
      return "a struct";
    case MAT_C_OBJECT:
      return "an object";
    case MAT_C_CHAR:
      return "text (char)";
    case MAT_C_SPARSE:
      return "a sparse matrix";
    case MAT_C_SINGLE:
      return "a matrix of singles";
    case MAT_C_INT8:
    case MAT_C_UINT8:
    case MAT_C_INT16:
    case MAT_C_UINT16:
    case MAT_C_INT32:
    case MAT_C_UINT32:
    case MAT_C_INT64:
    case MAT_C_UINT64:
      return "a matrix of integers";
    case MAT_C_FUNCTION:
      return "a function handle";
    default:
      return "of an unknown class";
  }
}

/// The variables' names, `"y, Xval, yval"`, or empty when libmatio cannot list them.
std::string variable_names(mat_t* mat) {
  size_t n = 0;
  char* const* names = Mat_GetDir(mat, &n);
  std::string out;
  for (size_t i = 0; names != nullptr && i < n; ++i)
    if (names[i] != nullptr) out += (out.empty() ? "" : ", ") + std::string(names[i]);
  return out;
}

std::string shape_text(std::size_t rows, std::size_t cols) {
  const auto dim = [](std::size_t n, const char* any) {
    return n == kAnySize ? std::string(any) : std::to_string(n);
  };
  return "(" + dim(rows, "n") + ", " + dim(cols, "k") + ")";
}

// The element types of level 5 that the walk needs.
constexpr std::uint32_t kMiMatrix = 14, kMiCompressed = 15;
// The largest matrix element a compressed one may inflate to: 256 MiB.
constexpr std::size_t kMaxInflated = std::size_t{256} << 20;

/// Reads the 32-bit word at `p` in the file's byte order (`swap`: the file's is not ours).
std::uint32_t word(const unsigned char* p, bool swap) {
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  return swap ? __builtin_bswap32(w) : w;
}

/// Checks the sub-elements of one matrix element (`data`, `n` bytes after its tag): each tag
/// and its data fit; a small element (the size in the tag's upper half) holds at most 4 bytes.
void check_matrix(const unsigned char* data, std::size_t n, bool swap, std::size_t at,
                  const std::function<void(const std::string&)>& fail) {
  std::size_t k = 0;
  while (k < n) {
    if (n - k < 8)
      fail("the matrix element at byte " + std::to_string(at) + " ends inside a sub-element's tag");
    const std::uint32_t type = word(data + k, swap);
    if ((type >> 16) != 0) {  // small data element: 4 bytes of data in the tag
      if ((type >> 16) > 4)
        fail("the matrix element at byte " + std::to_string(at) + " has a corrupt sub-element");
      k += 8;
      continue;
    }
    const std::uint64_t bytes = word(data + k + 4, swap);
    const std::uint64_t padded = (bytes + 7) / 8 * 8;
    if (padded > n - k - 8)
      fail("the matrix element at byte " + std::to_string(at) + " holds a sub-element of " +
           std::to_string(bytes) + " bytes but only " + std::to_string(n - k - 8) +
           " are left: the file is truncated or corrupt");
    k += 8 + static_cast<std::size_t>(padded);
  }
}

/// Inflates the zlib stream `data` (`n` bytes) whole, or fails saying why.
std::vector<unsigned char> inflate_whole(const unsigned char* data, std::size_t n, std::size_t at,
                                         const std::function<void(const std::string&)>& fail) {
  z_stream z{};
  if (inflateInit(&z) != Z_OK) fail("cannot start zlib");
  std::vector<unsigned char> out;
  std::array<unsigned char, 1 << 16> chunk{};
  z.next_in = const_cast<unsigned char*>(data);
  z.avail_in = static_cast<uInt>(n);
  int status = Z_OK;
  while (status == Z_OK) {
    z.next_out = chunk.data();
    z.avail_out = static_cast<uInt>(chunk.size());
    status = inflate(&z, Z_NO_FLUSH);
    out.insert(out.end(), chunk.data(), chunk.data() + (chunk.size() - z.avail_out));
    if (out.size() > kMaxInflated) status = Z_MEM_ERROR;
    if (status == Z_BUF_ERROR && z.avail_in == 0) break;  // the stream ends early
  }
  const std::string detail = z.msg != nullptr ? std::string(" (") + z.msg + ")" : std::string();
  const std::size_t left = z.avail_in;
  inflateEnd(&z);
  const std::string where = "the compressed variable at byte " + std::to_string(at);
  if (status == Z_MEM_ERROR)
    fail(where + " inflates to more than " + std::to_string(kMaxInflated) + " bytes");
  if (status != Z_STREAM_END) fail(where + " is truncated or corrupt: corrupt zlib data" + detail);
  if (left != 0) fail(where + " has " + std::to_string(left) + " bytes after its zlib stream");
  return out;
}

/// Walks the data elements of a level-5 file (see the file's comment).
void check_level5(const std::vector<unsigned char>& file, bool swap,
                  const std::function<void(const std::string&)>& fail) {
  std::size_t at = 128;
  while (at < file.size()) {
    if (file.size() - at < 8)
      fail("the file ends inside the tag of the data element at byte " + std::to_string(at) +
           ": it is truncated");
    const std::uint32_t type = word(&file[at], swap);
    const std::uint64_t bytes = word(&file[at + 4], swap);
    const std::uint64_t span = type == kMiCompressed ? bytes : (bytes + 7) / 8 * 8;
    if (span > file.size() - at - 8)
      fail("the data element at byte " + std::to_string(at) + " claims " + std::to_string(bytes) +
           " bytes but the file ends after " + std::to_string(file.size() - at - 8) +
           ": it is truncated");
    const unsigned char* data = &file[at + 8];
    if (type == kMiCompressed) {
      const std::vector<unsigned char> inner = inflate_whole(data, bytes, at, fail);
      if (inner.size() < 8 || word(inner.data(), swap) != kMiMatrix ||
          word(inner.data() + 4, swap) != inner.size() - 8)
        fail("the compressed variable at byte " + std::to_string(at) +
             " does not inflate to one whole matrix element: the file is corrupt");
      check_matrix(inner.data() + 8, inner.size() - 8, swap, at, fail);
    } else if (type == kMiMatrix) {
      check_matrix(data, static_cast<std::size_t>(bytes), swap, at, fail);
    }
    at += 8 + static_cast<std::size_t>(span);
  }
}

/// Reads the file's header (the first 128 bytes): a level-5 or level-7.3 file, and which byte
/// order; for level 5, walks its elements.
void check_file(const std::string& path, const std::function<void(const std::string&)>& fail) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("cannot open the file");
  std::array<unsigned char, 128> header{};
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  const bool im = header[126] == 'I' && header[127] == 'M';
  const bool mi = header[126] == 'M' && header[127] == 'I';
  if (in.gcount() < 128 || !(im || mi))
    fail("not a MATLAB file: no level-5 or level-7.3 header of 128 bytes ending in IM or MI");
  const bool swap = mi;  // this machine is little-endian, so "IM" reads as is
  const unsigned version =
      swap ? (header[124] << 8 | header[125]) : (header[125] << 8 | header[124]);
  if (version == 0x0200) return;  // level 7.3 is an HDF5 file, which libhdf5 checks
  if (version != 0x0100)
    fail("not a MATLAB file: its header's version is 0x" + std::to_string(version));
  const std::uintmax_t size = fs::file_size(path);
  if (size > 8 * kMaxDatasetItems)
    fail("the file is " + std::to_string(size) + " bytes, more than a data set may hold");
  in.seekg(0);
  const std::vector<unsigned char> file((std::istreambuf_iterator<char>(in)),
                                        std::istreambuf_iterator<char>());
  check_level5(file, swap, fail);
}

}  // namespace

Matrix read_mat_matrix(const std::string& path, const std::string& name, std::size_t rows,
                       std::size_t cols) {
  const auto fail = [&path](const std::string& what) { return DataError(path + ": " + what); };
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (!fs::exists(st)) throw fail("no such file");
  if (!fs::is_regular_file(st)) throw fail("not a regular file");

  check_file(path, [&fail](const std::string& what) { throw fail(what); });

  const std::lock_guard<std::mutex> lock(matio_mutex());
  Mat_LogInitFunc("dlc", keep_matio_message);
  matio_message().clear();

  const MatFile mat(Mat_Open(path.c_str(), MAT_ACC_RDONLY));
  if (!mat) throw fail("not a MATLAB file, or its header is truncated" + matio_detail());

  const MatVar info(Mat_VarReadInfo(mat.get(), name.c_str()));
  if (!info) {
    if (!matio_message().empty())
      throw fail("cannot find variable " + name + ": the file is truncated or corrupt" +
                 matio_detail());
    const std::string names = variable_names(mat.get());
    throw fail("no variable " + name +
               (names.empty() ? std::string() : " (the file holds " + names + ")"));
  }
  if (info->class_type != MAT_C_DOUBLE)
    throw fail(name + " is " + class_name(info->class_type) +
               "; expected a real matrix of doubles");
  if (info->isComplex != 0) throw fail(name + " holds complex numbers; expected real doubles");
  if (info->rank != 2 || info->dims == nullptr)
    throw fail(name + " has " + std::to_string(info->rank) + " dimensions; expected a matrix (2)");
  const std::size_t r = info->dims[0], c = info->dims[1];
  if ((rows != kAnySize && r != rows) || (cols != kAnySize && c != cols) || r == 0 || c == 0)
    throw fail(name + " is (" + std::to_string(r) + ", " + std::to_string(c) + "); expected " +
               shape_text(rows, cols) + ", not empty");
  if (r > kMaxDatasetItems / c)
    throw fail(name + " is (" + std::to_string(r) + ", " + std::to_string(c) + "), more than the " +
               std::to_string(kMaxDatasetItems) + " entries a data set may hold");

  const MatVar var(Mat_VarRead(mat.get(), name.c_str()));
  if (!var || var->data == nullptr || var->class_type != MAT_C_DOUBLE || var->rank != 2 ||
      var->dims[0] != r || var->dims[1] != c || var->nbytes != r * c * sizeof(double))
    throw fail("cannot read " + name + ": the file is truncated or corrupt" + matio_detail());
  Matrix out(r, c);
  const auto* values = static_cast<const double*>(var->data);
  for (std::size_t j = 0; j < c; ++j)
    for (std::size_t i = 0; i < r; ++i) out(i, j) = values[j * r + i];  // MATLAB: by columns
  return out;
}

}  // namespace dlc
