// The data-set readers. Each test writes its own small files (valid and broken IDX files with
// zlib, valid and broken HDF5 files with libhdf5's C API) in a fresh temporary folder; the
// course's real files are read too when present, and those tests are skipped, saying so, when
// they are not.
#include <hdf5.h>
#include <zlib.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "common/datasets.hpp"
#include "common/files.hpp"
#include "tests/support/data_path.hpp"

namespace fs = std::filesystem;
using Bytes = std::vector<std::uint8_t>;
using Catch::Matchers::Contains;

namespace {

using dlc::TempDir;

void write_bytes(const std::string& path, const Bytes& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()),
            static_cast<std::streamsize>(bytes.size()));
  REQUIRE(out.good());
}

Bytes read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// `bytes` gzip-compressed, as a `.gz` file holds them.
void write_gzip(const std::string& path, const Bytes& bytes) {
  gzFile f = gzopen(path.c_str(), "wb");
  REQUIRE(f != nullptr);
  REQUIRE(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())) ==
          static_cast<int>(bytes.size()));
  REQUIRE(gzclose(f) == Z_OK);
}

void put_be32(Bytes& b, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) b.push_back(static_cast<std::uint8_t>(v >> shift));
}

/// An IDX images file: magic 0x803, count, rows, cols, then the pixels.
Bytes idx_images(std::uint32_t count, std::uint32_t rows, std::uint32_t cols, const Bytes& pixels,
                 std::uint32_t magic = 0x00000803) {
  Bytes b;
  put_be32(b, magic);
  put_be32(b, count);
  put_be32(b, rows);
  put_be32(b, cols);
  b.insert(b.end(), pixels.begin(), pixels.end());
  return b;
}

/// An IDX labels file: magic 0x801, count, then the labels.
Bytes idx_labels(const Bytes& labels) {
  Bytes b;
  put_be32(b, 0x00000801);
  put_be32(b, static_cast<std::uint32_t>(labels.size()));
  b.insert(b.end(), labels.begin(), labels.end());
  return b;
}

/// Pixels 0, 1, 2, ... of `count` images of 2 x 2.
Bytes ramp(std::size_t n) {
  Bytes p(n);
  std::iota(p.begin(), p.end(), std::uint8_t{0});
  return p;
}

/// The message of the `DataError` that `f` throws (other exceptions propagate and fail the
/// test), or a note that it threw nothing.
template <class F>
std::string data_error(F&& f) {
  try {
    f();
  } catch (const dlc::DataError& e) {
    return e.what();
  }
  return "<no DataError was thrown>";
}

/// What to put in a small cat-like HDF5 file.
struct CatSpec {
  hsize_t m = 4, h = 2, w = 2, c = 3;    ///< shape of <prefix>_set_x
  std::vector<long long> y{0, 1, 1, 0};  ///< <prefix>_set_y
  bool with_x = true, with_y = true, with_classes = true;
  bool vlen_classes = false;    ///< list_classes as variable-length strings
  hid_t x_type = H5T_STD_U8LE;  ///< element type of <prefix>_set_x in the file
  int x_rank = 4;               ///< rank of <prefix>_set_x
};

/// Writes `<prefix>_set_x` (pixel i of the file is i % 251), `<prefix>_set_y` and
/// `list_classes` ([b'non-cat', b'cat'], fixed-length as h5py writes numpy's |S7) with libhdf5.
void write_cat(const std::string& path, const std::string& prefix, const CatSpec& s) {
  const hid_t file = H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT);
  REQUIRE(file >= 0);
  if (s.with_x) {
    const hsize_t dims[4] = {s.m, s.h, s.w, s.c};
    const hsize_t n = s.m * s.h * s.w * s.c;
    std::vector<unsigned char> x(n);
    for (hsize_t i = 0; i < n; ++i) x[i] = static_cast<unsigned char>(i % 251);
    const hid_t space = H5Screate_simple(s.x_rank, dims, nullptr);
    const hid_t d = H5Dcreate2(file, (prefix + "_set_x").c_str(), s.x_type, space, H5P_DEFAULT,
                               H5P_DEFAULT, H5P_DEFAULT);
    REQUIRE(H5Dwrite(d, H5T_NATIVE_UCHAR, H5S_ALL, H5S_ALL, H5P_DEFAULT, x.data()) >= 0);
    H5Dclose(d);
    H5Sclose(space);
  }
  if (s.with_y) {
    const hsize_t dims[1] = {s.y.size()};
    const hid_t space = H5Screate_simple(1, dims, nullptr);
    const hid_t d = H5Dcreate2(file, (prefix + "_set_y").c_str(), H5T_STD_I64LE, space, H5P_DEFAULT,
                               H5P_DEFAULT, H5P_DEFAULT);
    REQUIRE(H5Dwrite(d, H5T_NATIVE_LLONG, H5S_ALL, H5S_ALL, H5P_DEFAULT, s.y.data()) >= 0);
    H5Dclose(d);
    H5Sclose(space);
  }
  if (s.with_classes) {
    const hsize_t dims[1] = {2};
    const hid_t space = H5Screate_simple(1, dims, nullptr);
    const hid_t type = H5Tcopy(H5T_C_S1);
    if (s.vlen_classes) {
      H5Tset_size(type, H5T_VARIABLE);
      const char* names[2] = {"non-cat", "cat"};
      const hid_t d =
          H5Dcreate2(file, "list_classes", type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
      REQUIRE(H5Dwrite(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, names) >= 0);
      H5Dclose(d);
    } else {
      H5Tset_size(type, 7);
      H5Tset_strpad(type, H5T_STR_NULLPAD);
      const char names[14] = {'n', 'o', 'n', '-', 'c', 'a', 't', 'c', 'a', 't', 0, 0, 0, 0};
      const hid_t d =
          H5Dcreate2(file, "list_classes", type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
      REQUIRE(H5Dwrite(d, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, names) >= 0);
      H5Dclose(d);
    }
    H5Tclose(type);
    H5Sclose(space);
  }
  REQUIRE(H5Fclose(file) >= 0);
}

/// A folder with a valid test file and a training file written from `train`.
void write_cat_pair(const TempDir& dir, const CatSpec& train) {
  write_cat(dir.file("train_catvnoncat.h5"), "train", train);
  CatSpec test;
  test.m = 2;
  test.y = {1, 0};
  write_cat(dir.file("test_catvnoncat.h5"), "test", test);
}

}  // namespace

// ---------------------------------------------------------------------------------------- IDX

TEST_CASE("IDX: a tiny valid pair reads the same plain and gzipped", "[datasets]") {
  TempDir dir;
  write_bytes(dir.file("images"), idx_images(3, 2, 2, ramp(12)));
  write_gzip(dir.file("images.gz"), idx_images(3, 2, 2, ramp(12)));
  write_bytes(dir.file("labels"), idx_labels({7, 0, 9}));
  write_gzip(dir.file("labels.gz"), idx_labels({7, 0, 9}));

  for (const std::string suffix : {"", ".gz"}) {
    INFO("file suffix: '" << suffix << "'");
    const dlc::ImageSet im = dlc::read_idx_images(dir.file("images" + suffix));
    CHECK(im.count == 3);
    CHECK(im.height == 2);
    CHECK(im.width == 2);
    CHECK(im.channels == 1);
    CHECK(im.pixels == ramp(12));
    // image 2, row 1, column 0 is pixel 2*4 + 1*2 + 0 = 10 of the ramp
    CHECK(im.at(2, 1, 0, 0) == 10);
    CHECK_THROWS_AS(im.at(3, 0, 0, 0), std::out_of_range);
    CHECK_THROWS_AS(im.at(0, 0, 0, 1), std::out_of_range);
    CHECK(dlc::read_idx_labels(dir.file("labels" + suffix)) == Bytes{7, 0, 9});
  }
  // An empty set is valid too.
  write_bytes(dir.file("none"), idx_images(0, 28, 28, {}));
  CHECK(dlc::read_idx_images(dir.file("none")).count == 0);
}

TEST_CASE("IDX: broken files throw DataError naming the file and the fault", "[datasets]") {
  TempDir dir;
  const Bytes good = idx_images(3, 2, 2, ramp(12));

  SECTION("a missing file") {
    const std::string p = dir.file("nowhere.gz");
    CHECK_THAT(data_error([&] { dlc::read_idx_images(p); }),
               Contains(p) && Contains("no such file"));
    CHECK_THAT(data_error([&] { dlc::read_idx_labels(p); }),
               Contains(p) && Contains("no such file"));
  }
  SECTION("a folder instead of a file") {
    CHECK_THAT(data_error([&] { dlc::read_idx_images(dir.path().string()); }),
               Contains(dir.path().string()) && Contains("not a regular file"));
  }
  SECTION("an empty file") {
    const std::string p = dir.file("empty");
    write_bytes(p, {});
    CHECK_THAT(data_error([&] { dlc::read_idx_images(p); }),
               Contains(p) && Contains("truncated header: 0 of 16 bytes"));
  }
  SECTION("a wrong magic number") {
    const std::string p = dir.file("magic");
    write_bytes(p, idx_images(3, 2, 2, ramp(12), 0x00000804));
    CHECK_THAT(data_error([&] { dlc::read_idx_images(p); }),
               Contains(p) && Contains("bad magic number 0x00000804") && Contains("0x00000803"));
    // a labels file where images are expected, and the other way round
    const std::string labels = dir.file("labels");
    write_bytes(labels, idx_labels({1, 2, 3}));
    CHECK_THAT(data_error([&] { dlc::read_idx_images(labels); }),
               Contains(labels) && Contains("bad magic number 0x00000801"));
    const std::string images = dir.file("images");
    write_bytes(images, good);
    CHECK_THAT(data_error([&] { dlc::read_idx_labels(images); }),
               Contains(images) && Contains("bad magic number 0x00000803"));
  }
  SECTION("a truncated header") {
    const std::string p = dir.file("header");
    write_bytes(p, Bytes(good.begin(), good.begin() + 10));
    CHECK_THAT(data_error([&] { dlc::read_idx_images(p); }),
               Contains(p) && Contains("truncated header: 10 of 16 bytes"));
    const std::string gz = dir.file("header.gz");
    write_gzip(gz, Bytes(good.begin(), good.begin() + 10));
    CHECK_THAT(data_error([&] { dlc::read_idx_images(gz); }),
               Contains(gz) && Contains("truncated header"));
  }
  SECTION("truncated data") {
    const std::string p = dir.file("data");
    write_bytes(p, Bytes(good.begin(), good.end() - 5));
    // a plain file's size tells at once that the 12 bytes the header claims are not there
    CHECK_THAT(data_error([&] { dlc::read_idx_images(p); }),
               Contains(p) && Contains("header claims 3 images of 2 x 2 (12 bytes)") &&
                   Contains("more than the file can hold after its header (at most 7 bytes)"));
    const std::string gz = dir.file("data.gz");
    write_gzip(gz, Bytes(good.begin(), good.end() - 5));
    CHECK_THAT(data_error([&] { dlc::read_idx_images(gz); }),
               Contains(gz) && Contains("truncated data") && Contains("7 of 12 bytes"));
    const std::string labels = dir.file("labels.gz");
    const Bytes l = idx_labels({1, 2, 3, 4});
    write_gzip(labels, Bytes(l.begin(), l.end() - 1));
    CHECK_THAT(data_error([&] { dlc::read_idx_labels(labels); }),
               Contains(labels) && Contains("3 of 4 bytes"));
  }
  SECTION("data after the images the header announces") {
    const std::string p = dir.file("long");
    Bytes b = good;
    b.push_back(42);
    write_bytes(p, b);
    CHECK_THAT(data_error([&] { dlc::read_idx_images(p); }),
               Contains(p) && Contains("1 unexpected byte after the 3 images of 2 x 2"));
  }
  SECTION("a header claiming huge sizes is rejected before allocating") {
    const std::string p = dir.file("huge");
    write_bytes(p, idx_images(0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, ramp(12)));
    CHECK_THAT(data_error([&] { dlc::read_idx_images(p); }),
               Contains(p) && Contains("header claims 4294967295 images") &&
                   Contains("more than the 100000000 bytes"));
    // below the absolute bound but more than a 28-byte plain file can hold
    const std::string q = dir.file("big");
    write_bytes(q, idx_images(60000, 28, 28, ramp(12)));
    CHECK_THAT(
        data_error([&] { dlc::read_idx_images(q); }),
        Contains(q) && Contains("more than the file can hold after its header (at most 12 bytes)"));
    // and more than a small gzip file can hold even at deflate's best ratio
    const std::string gz = dir.file("big.gz");
    write_gzip(gz, idx_images(60000, 28, 28, ramp(12)));
    CHECK_THAT(data_error([&] { dlc::read_idx_images(gz); }),
               Contains(gz) && Contains("more than the file can hold"));
    const std::string labels = dir.file("labels");
    Bytes l;
    put_be32(l, 0x00000801);
    put_be32(l, 0xFFFFFFF0);
    write_bytes(labels, l);
    CHECK_THAT(data_error([&] { dlc::read_idx_labels(labels); }),
               Contains(labels) && Contains("header claims 4294967280 labels"));
  }
  SECTION("images of zero rows or columns") {
    const std::string p = dir.file("zero");
    write_bytes(p, idx_images(3, 0, 2, {}));
    CHECK_THAT(data_error([&] { dlc::read_idx_images(p); }),
               Contains(p) && Contains("0 x 2 pixels"));
  }
  SECTION("corrupt gzip data") {
    const std::string gz = dir.file("good.gz");
    write_gzip(gz, good);
    const Bytes z = read_bytes(gz);
    REQUIRE(z.size() > 20);

    // deflate data replaced by 0xFF bytes: a block of the reserved type 3
    Bytes bad = z;
    for (std::size_t i = 10; i < bad.size() - 8; ++i) bad[i] = 0xFF;
    const std::string p = dir.file("block.gz");
    write_bytes(p, bad);
    CHECK_THAT(data_error([&] { dlc::read_idx_images(p); }),
               Contains(p) && Contains("corrupt gzip data"));

    // a wrong CRC-32 in the trailer: the data decode, the check fails
    bad = z;
    bad[bad.size() - 8] ^= 0x5A;
    const std::string crc = dir.file("crc.gz");
    write_bytes(crc, bad);
    CHECK_THAT(data_error([&] { dlc::read_idx_images(crc); }),
               Contains(crc) && Contains("corrupt gzip data (incorrect data check)"));

    // the gzip stream cut in half
    const std::string cut = dir.file("cut.gz");
    write_bytes(cut, Bytes(z.begin(), z.begin() + static_cast<std::ptrdiff_t>(z.size() / 2)));
    CHECK_THAT(data_error([&] { dlc::read_idx_images(cut); }),
               Contains(cut) && Contains("truncated"));

    // random bytes after a gzip header, many seeds: never a crash or a hang
    std::mt19937 rng(1);
    for (int trial = 0; trial < 50; ++trial) {
      Bytes r(z.begin(), z.begin() + 10);
      for (int i = 0; i < 200; ++i) r.push_back(static_cast<std::uint8_t>(rng()));
      const std::string rp = dir.file("random.gz");
      write_bytes(rp, r);
      CHECK_THAT(data_error([&] { dlc::read_idx_images(rp); }), Contains(rp));
    }
  }
}

TEST_CASE("Fashion-MNIST's loader on a tiny folder: counts, labels, file names", "[datasets]") {
  TempDir dir;
  const Bytes labels{2, 0, 1};
  write_gzip(dir.file("train-images-idx3-ubyte.gz"), idx_images(3, 2, 2, ramp(12)));
  write_gzip(dir.file("train-labels-idx1-ubyte.gz"), idx_labels(labels));
  // the test half is plain (no .gz): both are accepted
  write_bytes(dir.file("t10k-images-idx3-ubyte"), idx_images(1, 2, 2, ramp(4)));
  write_bytes(dir.file("t10k-labels-idx1-ubyte"), idx_labels({9}));

  SECTION("valid files") {
    const dlc::TrainTest d = dlc::load_fashion_mnist(dir.path().string());
    CHECK(d.train.images.count == 3);
    CHECK(d.train.labels.shape() == dlc::Shape{1, 3});
    CHECK(d.train.labels(0, 0) == 2);
    CHECK(d.train.labels(0, 2) == 1);
    CHECK(d.test.images.count == 1);
    CHECK(d.test.labels(0, 0) == 9);
    REQUIRE(d.train.classes.size() == 10);
    CHECK(d.train.classes[0] == "T-shirt/top");
    CHECK(d.train.classes[9] == "Ankle boot");
  }
  SECTION("image and label counts that differ") {
    const std::string p = dir.file("train-labels-idx1-ubyte.gz");
    write_gzip(p, idx_labels({2, 0}));
    CHECK_THAT(data_error([&] { dlc::load_fashion_mnist(dir.path().string()); }),
               Contains(p) && Contains("holds 2 labels but") &&
                   Contains("train-images-idx3-ubyte.gz holds 3 images"));
  }
  SECTION("a label of 10") {
    const std::string p = dir.file("t10k-labels-idx1-ubyte");
    write_bytes(p, idx_labels({10}));
    CHECK_THAT(data_error([&] { dlc::load_fashion_mnist(dir.path().string()); }),
               Contains(p) && Contains("label 10 of example 0 is not a Fashion-MNIST class"));
  }
  SECTION("a missing file or folder") {
    fs::remove(dir.file("t10k-images-idx3-ubyte"));
    CHECK_THAT(data_error([&] { dlc::load_fashion_mnist(dir.path().string()); }),
               Contains(dir.file("t10k-images-idx3-ubyte.gz")) && Contains("no such file"));
    const std::string nowhere = dir.file("nowhere");
    CHECK_THAT(data_error([&] { dlc::load_fashion_mnist(nowhere); }),
               Contains(nowhere) && Contains("no such directory"));
  }
}

TEST_CASE("two_class_subset keeps two classes in file order, relabelled 0 and 1", "[datasets]") {
  dlc::LabeledImages data;
  data.images = {5, 2, 2, 1, ramp(20)};
  data.labels = dlc::Matrix{{2, 0, 1, 0, 2}};
  data.classes = {"zero", "one", "two"};

  const dlc::LabeledImages s = dlc::two_class_subset(data, 2, 0);
  CHECK(s.images.count == 4);  // examples 0, 1, 3, 4
  CHECK(s.labels.shape() == dlc::Shape{1, 4});
  CHECK(s.labels(0, 0) == 0);  // example 0 was class 2 = class_a
  CHECK(s.labels(0, 1) == 1);
  CHECK(s.labels(0, 2) == 1);
  CHECK(s.labels(0, 3) == 0);
  CHECK(s.classes == std::vector<std::string>{"two", "zero"});
  CHECK(s.images.at(2, 0, 0, 0) == 12);  // example 3's first pixel: 3 * 4
  CHECK(s.images.pixels.size() == 16);

  const dlc::LabeledImages first = dlc::two_class_subset(data, 2, 0, 3);
  CHECK(first.images.count == 3);
  CHECK(first.images.at(2, 1, 1, 0) == 15);  // example 3's last pixel

  CHECK_THROWS_AS(dlc::two_class_subset(data, 1, 1), std::invalid_argument);
  CHECK_THROWS_AS(dlc::two_class_subset(data, 0, 3), std::invalid_argument);
  CHECK_THROWS_AS(dlc::two_class_subset(data, -1, 0), std::invalid_argument);
  data.labels = dlc::Matrix(1, 4);
  CHECK_THROWS_AS(dlc::two_class_subset(data, 0, 1), dlc::ShapeError);
}

// --------------------------------------------------------------------------------------- HDF5

TEST_CASE("HDF5: a tiny valid cat-like pair reads", "[datasets]") {
  TempDir dir;
  CatSpec train;
  SECTION("list_classes of fixed-length strings, as the course's files") {}
  SECTION("list_classes of variable-length strings") { train.vlen_classes = true; }
  write_cat_pair(dir, train);

  const dlc::TrainTest d = dlc::load_catvnoncat(dir.path().string());
  const dlc::ImageSet& im = d.train.images;
  CHECK(im.count == 4);
  CHECK(im.height == 2);
  CHECK(im.width == 2);
  CHECK(im.channels == 3);
  REQUIRE(im.pixels.size() == 48);
  CHECK(im.at(3, 1, 0, 2) == ((3 * 2 + 1) * 2 + 0) * 3 + 2);  // pixel i of the file is i
  CHECK(d.train.labels.shape() == dlc::Shape{1, 4});
  CHECK(d.train.labels(0, 1) == 1);
  CHECK(d.train.labels(0, 3) == 0);
  CHECK(d.train.classes == std::vector<std::string>{"non-cat", "cat"});
  CHECK(d.test.images.count == 2);
  CHECK(d.test.labels(0, 0) == 1);
  CHECK(H5Fget_obj_count(H5F_OBJ_ALL, H5F_OBJ_ALL) == 0);  // every handle closed
}

TEST_CASE("HDF5: broken files throw DataError naming the file and the fault", "[datasets]") {
  TempDir dir;
  const std::string train = dir.file("train_catvnoncat.h5");
  // The DataError's message; and no HDF5 file, dataset or type is left open on the error path.
  auto message = [&] {
    const std::string m = data_error([&] { dlc::load_catvnoncat(dir.path().string()); });
    CHECK(H5Fget_obj_count(H5F_OBJ_ALL, H5F_OBJ_ALL) == 0);
    return m;
  };

  SECTION("a missing folder or file") {
    const std::string nowhere = dir.file("nowhere");
    CHECK_THAT(data_error([&] { dlc::load_catvnoncat(nowhere); }),
               Contains(nowhere) && Contains("no such directory"));
    CHECK_THAT(message(), Contains(train) && Contains("no such file"));
  }
  SECTION("no train_set_y") {
    CatSpec s;
    s.with_y = false;
    write_cat_pair(dir, s);
    CHECK_THAT(message(), Contains(train) && Contains("no dataset train_set_y"));
  }
  SECTION("no train_set_x") {
    CatSpec s;
    s.with_x = false;
    write_cat_pair(dir, s);
    CHECK_THAT(message(), Contains(train) && Contains("no dataset train_set_x"));
  }
  SECTION("x and y counts that differ") {
    CatSpec s;
    s.y = {0, 1, 1};
    write_cat_pair(dir, s);
    CHECK_THAT(
        message(),
        Contains(train) && Contains("train_set_x holds 4 images but train_set_y holds 3 labels"));
  }
  SECTION("a label of 2") {
    CatSpec s;
    s.y = {0, 1, 2, 0};
    write_cat_pair(dir, s);
    CHECK_THAT(message(), Contains(train) && Contains("train_set_y[2] is 2"));
  }
  SECTION("images with one channel, or three dimensions, or 64-bit pixels") {
    CatSpec s;
    s.c = 1;
    write_cat_pair(dir, s);
    CHECK_THAT(message(), Contains(train) && Contains("has shape (4, 2, 2, 1)"));
    s = CatSpec{};
    s.x_rank = 3;
    write_cat_pair(dir, s);
    CHECK_THAT(message(), Contains(train) && Contains("train_set_x has 3 dimensions; expected 4"));
    s = CatSpec{};
    s.x_type = H5T_STD_I64LE;
    write_cat_pair(dir, s);
    CHECK_THAT(message(), Contains(train) && Contains("8-byte integers"));
    s = CatSpec{};
    s.x_type = H5T_IEEE_F64LE;
    write_cat_pair(dir, s);
    CHECK_THAT(message(), Contains(train) && Contains("train_set_x does not hold integers"));
  }
  SECTION("no list_classes") {
    CatSpec s;
    s.with_classes = false;
    write_cat_pair(dir, s);
    CHECK_THAT(message(), Contains(train) && Contains("no dataset list_classes"));
  }
  SECTION("a valid file cut in half") {
    write_cat_pair(dir, CatSpec{});
    const Bytes whole = read_bytes(train);
    REQUIRE(whole.size() > 100);
    write_bytes(
        train, Bytes(whole.begin(), whole.begin() + static_cast<std::ptrdiff_t>(whole.size() / 2)));
    CHECK_THAT(message(), Contains(train));
  }
  SECTION("a file of random bytes") {
    write_cat_pair(dir, CatSpec{});
    std::mt19937 rng(7);
    Bytes noise(4096);
    for (auto& b : noise) b = static_cast<std::uint8_t>(rng());
    write_bytes(train, noise);
    CHECK_THAT(message(), Contains(train) && Contains("cannot open as an HDF5 file"));
  }
  SECTION("the test file is checked as well") {
    write_cat_pair(dir, CatSpec{});
    const std::string test = dir.file("test_catvnoncat.h5");
    CatSpec s;
    s.m = 2;
    s.y = {1, 5};
    write_cat(test, "test", s);
    CHECK_THAT(message(), Contains(test) && Contains("test_set_y[1] is 5"));
  }
}

// ---------------------------------------------------------------------------- real data sets

TEST_CASE("the course's cat / non-cat files", "[datasets][real-data]") {
  const auto dir = dlc::testing::shared_data_dir("catvnoncat");
  DLC_REQUIRE_DATA(dir, "the course's catvnoncat folder");
  const dlc::TrainTest d = dlc::load_catvnoncat(*dir);

  CHECK(d.train.images.count == 209);
  CHECK(d.train.images.height == 64);
  CHECK(d.train.images.width == 64);
  CHECK(d.train.images.channels == 3);
  CHECK(d.test.images.count == 50);
  CHECK(d.train.labels.shape() == dlc::Shape{1, 209});
  CHECK(d.test.labels.shape() == dlc::Shape{1, 50});
  // 72 cats of 209 and 33 of 50 (shared/data/README.md)
  CHECK(dlc::sum(d.train.labels) == 72);
  CHECK(dlc::sum(d.test.labels) == 33);
  CHECK(d.train.classes == std::vector<std::string>{"non-cat", "cat"});
  // From /usr/bin/python3 with h5py: train_set_y[:10] is [0 0 1 0 0 0 0 1 0 0],
  // train_set_x[25, 30, 40] is [29 44 53], train_set_x[0, 0, 0] is [17 31 56],
  // test_set_x[1, 2, 3] is [164 160 153].
  CHECK(d.train.labels(0, 2) == 1);
  CHECK(d.train.labels(0, 7) == 1);
  CHECK(d.train.labels(0, 8) == 0);
  CHECK(d.train.images.at(25, 30, 40, 0) == 29);
  CHECK(d.train.images.at(25, 30, 40, 1) == 44);
  CHECK(d.train.images.at(25, 30, 40, 2) == 53);
  CHECK(d.train.images.at(0, 0, 0, 2) == 56);
  CHECK(d.test.images.at(1, 2, 3, 0) == 164);
}

TEST_CASE("Fashion-MNIST from Debian's dataset-fashion-mnist", "[datasets][real-data]") {
  const auto dir = dlc::testing::fashion_mnist_dir();
  DLC_REQUIRE_DATA(dir, "Fashion-MNIST (Debian package dataset-fashion-mnist)");
  const dlc::TrainTest d = dlc::load_fashion_mnist(*dir);

  CHECK(d.train.images.count == 60000);
  CHECK(d.test.images.count == 10000);
  CHECK(d.train.images.height == 28);
  CHECK(d.train.images.width == 28);
  CHECK(d.train.images.channels == 1);
  CHECK(d.train.labels.shape() == dlc::Shape{1, 60000});
  std::vector<int> per_class(10, 0);
  for (std::size_t j = 0; j < 60000; ++j)
    ++per_class[static_cast<std::size_t>(d.train.labels(0, j))];
  CHECK(per_class == std::vector<int>(10, 6000));
  // From /usr/bin/python3 with gzip: the first training and test labels are both 9 (Ankle
  // boot), and pixel (14, 14) of training image 0 is 217.
  CHECK(d.train.labels(0, 0) == 9);
  CHECK(d.test.labels(0, 0) == 9);
  CHECK(d.train.images.at(0, 14, 14, 0) == 217);
  CHECK(d.train.classes[9] == "Ankle boot");

  const dlc::LabeledImages boots = dlc::two_class_subset(d.train, 7, 9);  // sneakers vs boots
  CHECK(boots.images.count == 12000);
  CHECK(dlc::sum(boots.labels) == 6000);
  CHECK(boots.classes == std::vector<std::string>{"Sneaker", "Ankle boot"});
  CHECK(boots.labels(0, 0) == 1);  // training example 0 is an ankle boot
  const dlc::LabeledImages few = dlc::two_class_subset(d.test, 7, 9, 500);
  CHECK(few.images.count == 500);
  CHECK(few.labels.shape() == dlc::Shape{1, 500});
}
