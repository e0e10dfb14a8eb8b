/// \file
/// \brief The course's cat / non-cat HDF5 files, read through libhdf5's C API.
///
/// Every HDF5 identifier is held by a `Handle` that closes it, so that no path (a missing
/// dataset, a wrong shape, a failed read) leaks one. libhdf5's own printing of its error stack
/// is silenced while a file is read; its innermost message is put in the `DataError` instead.
#include <hdf5.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "common/datasets.hpp"

namespace dlc {
namespace {

namespace fs = std::filesystem;

/// Owns one HDF5 identifier and closes it with `close` (H5Fclose, H5Dclose, ...).
class Handle {
 public:
  Handle(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
  ~Handle() {
    if (id_ >= 0) close_(id_);
  }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle(Handle&& other) noexcept
      : id_(std::exchange(other.id_, H5I_INVALID_HID)), close_(other.close_) {}
  Handle& operator=(Handle&& other) noexcept {
    if (this != &other) {
      if (id_ >= 0) close_(id_);
      id_ = std::exchange(other.id_, H5I_INVALID_HID);
      close_ = other.close_;
    }
    return *this;
  }

  hid_t get() const { return id_; }
  bool valid() const { return id_ >= 0; }

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

/// Turns off libhdf5's printing of its error stack to stderr while alive, and restores the
/// previous handler after.
class SilenceHdf5Errors {
 public:
  SilenceHdf5Errors() {
    H5Eget_auto2(H5E_DEFAULT, &func_, &data_);
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  }
  ~SilenceHdf5Errors() { H5Eset_auto2(H5E_DEFAULT, func_, data_); }
  SilenceHdf5Errors(const SilenceHdf5Errors&) = delete;
  SilenceHdf5Errors& operator=(const SilenceHdf5Errors&) = delete;

 private:
  H5E_auto2_t func_ = nullptr;
  void* data_ = nullptr;
};

herr_t innermost_error(unsigned n, const H5E_error2_t* err, void* out) {
  if (n == 0 && err != nullptr && err->desc != nullptr) *static_cast<std::string*>(out) = err->desc;
  return 0;
}

/// The most specific message on libhdf5's error stack, as `" (message)"`, or empty.
std::string hdf5_detail() {
  std::string desc;
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, innermost_error, &desc);
  return desc.empty() ? std::string() : " (" + desc + ")";
}

/// Reads the datasets of one file; every failure is a DataError naming the file.
class CatFile {
 public:
  explicit CatFile(const std::string& path) : path_(path), file_(H5I_INVALID_HID, H5Fclose) {
    std::error_code ec;
    const fs::file_status st = fs::status(path, ec);
    if (!fs::exists(st)) fail("no such file");
    if (!fs::is_regular_file(st)) fail("not a regular file");
    file_ = Handle(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    if (!file_.valid()) fail("cannot open as an HDF5 file" + hdf5_detail());
  }

  [[noreturn]] void fail(const std::string& what) const { throw DataError(path_ + ": " + what); }

  /// A dataset, its element type and its dimensions.
  struct Dataset {
    std::string name;
    Handle dataset;
    Handle type;
    std::vector<hsize_t> dims;
    std::uint64_t elements = 1;
  };

  /// Opens dataset `name`, checks that it has `rank` dimensions and elements of `cls`.
  Dataset open(const std::string& name, int rank, H5T_class_t cls, const char* cls_name) {
    const htri_t exists = H5Lexists(file_.get(), name.c_str(), H5P_DEFAULT);
    if (exists < 0) fail("cannot look up dataset " + name + hdf5_detail());
    if (exists == 0) fail("no dataset " + name);
    Dataset d{name,
              Handle(H5Dopen2(file_.get(), name.c_str(), H5P_DEFAULT), H5Dclose),
              Handle(H5I_INVALID_HID, H5Tclose),
              {}};
    if (!d.dataset.valid()) fail(name + " is not a readable dataset" + hdf5_detail());
    d.type = Handle(H5Dget_type(d.dataset.get()), H5Tclose);
    if (!d.type.valid()) fail("cannot read the element type of " + name + hdf5_detail());
    if (H5Tget_class(d.type.get()) != cls) fail(name + " does not hold " + cls_name);
    Handle space(H5Dget_space(d.dataset.get()), H5Sclose);
    if (!space.valid()) fail("cannot read the shape of " + name + hdf5_detail());
    const int ndims = H5Sget_simple_extent_ndims(space.get());
    if (ndims < 0) fail("cannot read the shape of " + name + hdf5_detail());
    if (ndims != rank)
      fail(name + " has " + std::to_string(ndims) + " dimensions; expected " +
           std::to_string(rank));
    d.dims.resize(static_cast<std::size_t>(rank));
    if (H5Sget_simple_extent_dims(space.get(), d.dims.data(), nullptr) < 0)
      fail("cannot read the shape of " + name + hdf5_detail());
    for (hsize_t n : d.dims) {
      if (n != 0 && d.elements > kMaxDatasetItems / n)
        fail(name + " has shape " + shape_of(d) + ", more than the " +
             std::to_string(kMaxDatasetItems) + " elements a data set may hold");
      d.elements *= n;
    }
    return d;
  }

  /// Reads all of `d` as elements of the memory type `mem_type` into `out`.
  void read(const Dataset& d, hid_t mem_type, void* out) {
    if (H5Dread(d.dataset.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out) < 0)
      fail("cannot read " + d.name + hdf5_detail());
  }

  /// `"(209, 64, 64, 3)"`, as numpy prints a shape.
  static std::string shape_of(const Dataset& d) {
    std::string s = "(";
    for (std::size_t i = 0; i < d.dims.size(); ++i)
      s += (i > 0 ? ", " : "") + std::to_string(d.dims[i]);
    return s + (d.dims.size() == 1 ? ",)" : ")");
  }

  /// The strings of a 1-D dataset of fixed- or variable-length strings.
  std::vector<std::string> read_strings(const Dataset& d) {
    const auto n = static_cast<std::size_t>(d.dims[0]);
    std::vector<std::string> out;
    const htri_t variable = H5Tis_variable_str(d.type.get());
    if (variable < 0) fail("cannot read the string type of " + d.name + hdf5_detail());
    if (variable > 0) {
      Handle mem(H5Tcopy(H5T_C_S1), H5Tclose);
      if (!mem.valid() || H5Tset_size(mem.get(), H5T_VARIABLE) < 0 ||
          H5Tset_cset(mem.get(), H5Tget_cset(d.type.get())) < 0)
        fail("cannot read " + d.name + hdf5_detail());
      std::vector<char*> ptrs(n, nullptr);
      read(d, mem.get(), ptrs.data());
      for (const char* p : ptrs) out.emplace_back(p != nullptr ? p : "");
      Handle space(H5Dget_space(d.dataset.get()), H5Sclose);
      if (space.valid()) {
#if H5_VERSION_GE(1, 12, 0)
        H5Treclaim(mem.get(), space.get(), H5P_DEFAULT, ptrs.data());
#else
        H5Dvlen_reclaim(mem.get(), space.get(), H5P_DEFAULT, ptrs.data());
#endif
      }
      return out;
    }
    const std::size_t size = H5Tget_size(d.type.get());
    if (size == 0 || size > 4096)
      fail(d.name + " holds strings of " + std::to_string(size) + " bytes");
    std::vector<char> buf(n * size);
    read(d, d.type.get(), buf.data());
    for (std::size_t i = 0; i < n; ++i) {
      std::string s(buf.data() + i * size, size);
      s.resize(s.find('\0') == std::string::npos ? s.size() : s.find('\0'));
      while (!s.empty() && s.back() == ' ') s.pop_back();  // space-padded strings
      out.push_back(s);
    }
    return out;
  }

 private:
  std::string path_;
  Handle file_;
};

/// One of the course's files: `<prefix>_set_x`, `<prefix>_set_y`, `list_classes`.
LabeledImages read_cat_file(const std::string& path, const std::string& prefix) {
  SilenceHdf5Errors silence;
  CatFile file(path);
  const std::string x_name = prefix + "_set_x", y_name = prefix + "_set_y";

  const CatFile::Dataset x = file.open(x_name, 4, H5T_INTEGER, "integers");
  if (H5Tget_size(x.type.get()) != 1 || H5Tget_sign(x.type.get()) != H5T_SGN_NONE)
    file.fail(x_name + " holds " + std::to_string(H5Tget_size(x.type.get())) +
              "-byte integers; expected unsigned 8-bit pixels");
  if (x.dims[3] != 3 || x.dims[1] == 0 || x.dims[2] == 0)
    file.fail(x_name + " has shape " + CatFile::shape_of(x) +
              "; expected (m, height, width, 3) RGB images");
  const CatFile::Dataset y = file.open(y_name, 1, H5T_INTEGER, "integers");
  if (x.dims[0] != y.dims[0])
    file.fail(x_name + " holds " + std::to_string(x.dims[0]) + " images but " + y_name + " holds " +
              std::to_string(y.dims[0]) + " labels");
  const CatFile::Dataset names = file.open("list_classes", 1, H5T_STRING, "strings");
  if (names.dims[0] != 2)
    file.fail("list_classes holds " + std::to_string(names.dims[0]) +
              " names; expected 2 (non-cat, cat)");

  LabeledImages out;
  ImageSet& im = out.images;
  im.count = static_cast<std::size_t>(x.dims[0]);
  im.height = static_cast<std::size_t>(x.dims[1]);
  im.width = static_cast<std::size_t>(x.dims[2]);
  im.channels = static_cast<std::size_t>(x.dims[3]);
  im.pixels.resize(static_cast<std::size_t>(x.elements));
  file.read(x, H5T_NATIVE_UINT8, im.pixels.data());

  std::vector<long long> labels(im.count);
  file.read(y, H5T_NATIVE_LLONG, labels.data());
  out.labels = Matrix(1, im.count);
  for (std::size_t j = 0; j < im.count; ++j) {
    if (labels[j] != 0 && labels[j] != 1)
      file.fail(y_name + "[" + std::to_string(j) + "] is " + std::to_string(labels[j]) +
                "; labels must be 0 (non-cat) or 1 (cat)");
    out.labels(0, j) = static_cast<double>(labels[j]);
  }
  out.classes = file.read_strings(names);
  return out;
}

}  // namespace

TrainTest load_catvnoncat(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw DataError(dir + ": no such directory");
  TrainTest out;
  out.train = read_cat_file((fs::path(dir) / "train_catvnoncat.h5").string(), "train");
  out.test = read_cat_file((fs::path(dir) / "test_catvnoncat.h5").string(), "test");
  return out;
}

}  // namespace dlc
