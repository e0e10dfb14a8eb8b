// Tests of dlc::wire, the byte format of values sent between processes.
//
// Every struct that an exercise of weeks 1 to 4 takes or returns goes through encode and decode
// and must come back with the same bits (NaN payloads, infinities and -0 included; empty and
// non-square matrices; nested vectors of caches). Then the reader is attacked: every truncation
// of valid bytes, absurd counts, overflowing matrix shapes, invalid flags, and thousands of
// seeded random corruptions must each give a value or a ProtocolError, never anything else.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <typeinfo>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/datasets.hpp"
#include "common/matrix.hpp"
#include "common/random.hpp"
#include "common/toy_datasets.hpp"
#include "common/wire.hpp"
#include "week1/neuron.hpp"
#include "week1/scale.hpp"
#include "week2/computation_graph.hpp"
#include "week2/logistic_regression.hpp"
#include "week2/vectorization.hpp"
#include "week3/initialization.hpp"
#include "week3/linear_network.hpp"
#include "week3/representation.hpp"
#include "week3/shallow_network.hpp"
#include "week4/application.hpp"
#include "week4/deep_network.hpp"
#include "week4/dimensions.hpp"
#include "week4/hyperparameters.hpp"
#include "week4/why_deep.hpp"

namespace wire = dlc::wire;
using dlc::Matrix;
using dlc::RandomState;
using dlc::Shape;
using wire::ProtocolError;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// A NaN whose payload is not the default one: its bits must survive too.
double payload_nan() {
  const std::uint64_t bits = 0x7ff8'0000'dead'beefULL;
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

// True when a and b have the very same bits (so NaN equals the same NaN, and -0 differs from 0).
bool same(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Same shape and the very same bits in every entry.
bool same(const Matrix& a, const Matrix& b) {
  return a.shape() == b.shape() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

bool same(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same(a[i], b[i])) return false;
  return true;
}

bool same(const std::vector<Matrix>& a, const std::vector<Matrix>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!same(a[i], b[i])) return false;
  return true;
}

// randn entries with NaN (two payloads), +-infinity, -0 and a subnormal scattered among them.
Matrix odd_matrix(RandomState& rng, std::size_t rows, std::size_t cols) {
  Matrix m = rng.randn(rows, cols);
  const double specials[] = {kNaN, kInf, -0.0, -kInf, payload_nan(), 4.9e-324};
  std::size_t k = 0;
  for (double s : specials) {
    if (m.empty()) break;
    m.data()[(k * 7 + 1) % m.size()] = s;
    ++k;
  }
  return m;
}

// Encodes, decodes, and checks that the decoded value encodes to the very same bytes.
template <class T>
T round_trip(const T& value) {
  const std::string bytes = wire::encode(value);
  T back = wire::decode<T>(bytes);
  CHECK(wire::encode(back) == bytes);
  return back;
}

// Prefix lengths of `bytes` (all but the whole) that get<T> does not refuse with ProtocolError.
template <class T>
std::vector<std::size_t> prefixes_not_refused(const std::string& bytes) {
  std::vector<std::size_t> bad;
  for (std::size_t len = 0; len < bytes.size(); ++len) {
    wire::Reader r(std::string_view(bytes).substr(0, len));
    try {
      (void)wire::get<T>(r);
      bad.push_back(len);
    } catch (const ProtocolError&) {
      // refused, as it must be
    }
  }
  return bad;
}

// The caches of an L-layer network on m examples, as L_model_forward returns them: caches[0]
// empty, layer l's (A_prev, W, b) and Z, with the odd entries of odd_matrix.
dlc::week4::ModelForward model_forward(RandomState& rng, const std::vector<std::size_t>& n,
                                       std::size_t m) {
  dlc::week4::ModelForward f;
  f.caches.resize(n.size());
  for (std::size_t l = 1; l < n.size(); ++l) {
    auto& c = f.caches[l];
    c.linear_cache = {odd_matrix(rng, n[l - 1], m), odd_matrix(rng, n[l], n[l - 1]),
                      odd_matrix(rng, n[l], 1)};
    c.activation_cache = odd_matrix(rng, n[l], m);
  }
  f.AL = odd_matrix(rng, n.back(), m);
  return f;
}

// A class that is not an aggregate (private state, a constructor), opted in with
// wire_put/wire_get found by argument-dependent lookup.
class Money {
 public:
  Money() = default;
  explicit Money(long cents) : cents_(cents) {}
  long cents() const { return cents_; }

 private:
  long cents_ = 0;
};
void wire_put(wire::Writer& w, const Money& m) { wire::put(w, m.cents()); }
void wire_get(wire::Reader& r, Money& m) { m = Money(wire::get<long>(r)); }

// Twenty fields, the most an aggregate may have, with default values, nested aggregates,
// matrices and containers among them.
struct Wide {
  double f0 = 1.5;
  int f1 = -2;
  bool f2 = true;
  Matrix f3;
  std::vector<double> f4;
  std::string f5 = "five";
  Shape f6{6, 7};
  std::uint8_t f7 = 8;
  std::optional<Matrix> f8;
  std::vector<bool> f9;
  float f10 = -0.0f;
  long f11 = -11;
  dlc::week4::Activation f12 = dlc::week4::Activation::kRelu;
  std::pair<int, std::string> f13{13, "thirteen"};
  std::array<double, 3> f14{14, 15, 16};
  std::map<std::string, int> f15;
  char f16 = 'x';
  std::tuple<int, Matrix> f17;
  Money f18{1800};
  dlc::week4::Cache f19;
};

// A recursive type: each level of nesting is a vector, which the reader limits.
struct Tree {
  std::vector<Tree> children;
};

}  // namespace

// ---------------------------------------------------------------------------------------------
// The format itself

TEST_CASE(
    "numbers are their little-endian bytes, a matrix its shape then its column-major "
    "entries",
    "[wire]") {
  CHECK(wire::encode(std::int32_t{0x01020304}) == std::string("\x04\x03\x02\x01", 4));
  CHECK(wire::encode(true) == std::string("\x01", 1));
  CHECK(wire::encode(std::string("ab")) == std::string("\x02\0\0\0\0\0\0\0ab", 10));

  const Matrix a{{1, 2, 3}, {4, 5, 6}};
  const std::string bytes = wire::encode(a);
  REQUIRE(bytes.size() == 16 + 6 * sizeof(double));
  std::uint64_t rows = 0, cols = 0;
  std::memcpy(&rows, bytes.data(), 8);
  std::memcpy(&cols, bytes.data() + 8, 8);
  CHECK(rows == 2);
  CHECK(cols == 3);
  double entries[6];
  std::memcpy(entries, bytes.data() + 16, sizeof entries);
  const double column_major[6] = {1, 4, 2, 5, 3, 6};
  for (int k = 0; k < 6; ++k) CHECK(entries[k] == column_major[k]);
}

TEST_CASE("numbers of every width come back with the same bits", "[wire]") {
  CHECK(round_trip(std::numeric_limits<std::int64_t>::min()) ==
        std::numeric_limits<std::int64_t>::min());
  CHECK(round_trip(std::numeric_limits<std::uint64_t>::max()) ==
        std::numeric_limits<std::uint64_t>::max());
  CHECK(round_trip(static_cast<signed char>(-128)) == -128);
  CHECK(round_trip(std::uint16_t{65535}) == 65535);
  CHECK(round_trip(-7L) == -7L);
  CHECK(round_trip(false) == false);
  CHECK(round_trip(true) == true);
  for (double d : {kNaN, payload_nan(), kInf, -kInf, -0.0, 0.0, 4.9e-324, 1e308, -1.0 / 3.0}) {
    CHECK(same(round_trip(d), d));
  }
  CHECK(std::signbit(round_trip(-0.0)));
  CHECK(std::isnan(round_trip(std::numeric_limits<float>::quiet_NaN())));
  CHECK(round_trip(dlc::week4::Activation::kSigmoid) == dlc::week4::Activation::kSigmoid);
  CHECK(round_trip(dlc::week4::WeightScale::kTimes001) == dlc::week4::WeightScale::kTimes001);
}

TEST_CASE("matrices come back with their shape and bits, empty ones included", "[wire]") {
  RandomState rng(1);
  for (Shape s : {Shape{3, 5}, Shape{5, 3}, Shape{1, 7}, Shape{7, 1}, Shape{1, 1}, Shape{0, 0},
                  Shape{0, 4}, Shape{4, 0}}) {
    const Matrix m = odd_matrix(rng, s.rows, s.cols);
    const Matrix back = round_trip(m);
    INFO("shape " << dlc::to_string(s));
    CHECK(same(back, m));
  }
  // a product not computed yet is computed and sent
  const Matrix a = rng.randn(3, 4), b = rng.randn(4, 2);
  const Matrix product = dot(a, b);
  CHECK(same(round_trip(product), product));
  // decoding overwrites a matrix that had another shape and values
  Matrix target = Matrix::ones(2, 2);
  const Matrix source = odd_matrix(rng, 3, 1);
  const std::string source_bytes = wire::encode(source);
  wire::Reader r(source_bytes);
  wire::get(r, target);
  CHECK(same(target, source));
  CHECK(r.done());
}

TEST_CASE("containers of every kind come back equal", "[wire]") {
  RandomState rng(2);
  const std::vector<bool> bits{true, false, false, true, true};
  CHECK(round_trip(bits) == bits);
  CHECK(round_trip(std::vector<bool>{}).empty());
  std::vector<std::uint8_t> bytes(256);
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<std::uint8_t>(255 - i);
  CHECK(round_trip(bytes) == bytes);
  const std::vector<double> doubles{kNaN, -0.0, kInf, 2.5};
  CHECK(same(round_trip(doubles), doubles));
  CHECK(round_trip(std::vector<double>{}).empty());
  const std::string with_nul("a\0b\xff", 4);
  CHECK(round_trip(with_nul) == with_nul);
  CHECK(round_trip(std::string()).empty());
  const std::vector<std::string> words{"", "cat", with_nul};
  CHECK(round_trip(words) == words);
  const std::array<double, 3> arr{1, -0.0, kInf};
  const auto arr_back = round_trip(arr);
  for (int k = 0; k < 3; ++k) CHECK(same(arr_back[k], arr[k]));
  const std::array<Matrix, 2> mats{odd_matrix(rng, 2, 3), Matrix(0, 2)};
  const auto mats_back = round_trip(mats);
  CHECK(same(mats_back[0], mats[0]));
  CHECK(same(mats_back[1], mats[1]));
  const std::pair<int, std::string> p{-3, "three"};
  CHECK(round_trip(p) == p);
  const auto t = std::make_tuple(2.5, odd_matrix(rng, 2, 2), true, std::string("x"));
  const auto t_back = round_trip(t);
  CHECK(std::get<0>(t_back) == 2.5);
  CHECK(same(std::get<1>(t_back), std::get<1>(t)));
  CHECK(std::get<2>(t_back));
  CHECK(std::get<3>(t_back) == "x");
  CHECK(!round_trip(std::optional<Matrix>{}).has_value());
  const std::optional<Matrix> om = odd_matrix(rng, 2, 3);
  CHECK(same(*round_trip(om), *om));
  const std::map<std::string, int> dict{{"a", 1}, {"b", -2}, {"", 0}};
  CHECK(round_trip(dict) == dict);
  // (an unordered map's entries may come back in another order, and so encode differently)
  const std::unordered_map<int, std::vector<double>> table{{1, {1.0, 2.0}}, {-5, {}}, {7, {3}}};
  CHECK(wire::decode<std::unordered_map<int, std::vector<double>>>(wire::encode(table)) == table);
  const std::vector<std::vector<Matrix>> nested{{}, {odd_matrix(rng, 1, 2)}, {Matrix(0, 3)}};
  const auto nested_back = round_trip(nested);
  REQUIRE(nested_back.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) CHECK(same(nested_back[i], nested[i]));
  const std::vector<Shape> shapes{{1, 2}, {0, 9}};
  CHECK(round_trip(shapes) == shapes);

  // decoding overwrites containers that held something else
  std::vector<Matrix> target{Matrix::ones(4, 4), Matrix::ones(1, 1), Matrix::ones(2, 2)};
  std::map<std::string, int> target_map{{"z", 26}};
  std::optional<Matrix> target_optional = Matrix::ones(3, 3);
  wire::Writer w;
  wire::put(w, nested[1]);
  wire::put(w, dict);
  wire::put(w, std::optional<Matrix>{});
  wire::Reader r(w.data());
  wire::get(r, target);
  wire::get(r, target_map);
  wire::get(r, target_optional);
  CHECK(same(target, nested[1]));
  CHECK(target_map == dict);
  CHECK(!target_optional.has_value());
  CHECK(r.done());
}

TEST_CASE("an aggregate of twenty fields, and a class with wire_put/wire_get, come back equal",
          "[wire]") {
  RandomState rng(3);
  Wide wide;
  wide.f0 = kNaN;
  wide.f3 = odd_matrix(rng, 2, 5);
  wide.f4 = {-0.0, 3};
  wide.f8 = odd_matrix(rng, 1, 3);
  wide.f9 = {true, false};
  wide.f15 = {{"k", 1}};
  wide.f17 = {17, odd_matrix(rng, 3, 2)};
  wide.f19.linear_cache.W = odd_matrix(rng, 2, 2);
  wide.f19.activation_cache = Matrix(0, 4);
  const Wide back = round_trip(wide);
  CHECK(same(back.f0, wide.f0));
  CHECK(back.f1 == -2);
  CHECK(back.f2);
  CHECK(same(back.f3, wide.f3));
  CHECK(same(back.f4, wide.f4));
  CHECK(back.f5 == "five");
  CHECK(back.f6 == Shape{6, 7});
  CHECK(back.f7 == 8);
  CHECK(same(*back.f8, *wide.f8));
  CHECK(back.f9 == wide.f9);
  CHECK(std::signbit(back.f10));
  CHECK(back.f11 == -11);
  CHECK(back.f12 == dlc::week4::Activation::kRelu);
  CHECK(back.f13 == wide.f13);
  CHECK(back.f14 == wide.f14);
  CHECK(back.f15 == wide.f15);
  CHECK(back.f16 == 'x');
  CHECK(std::get<0>(back.f17) == 17);
  CHECK(same(std::get<1>(back.f17), std::get<1>(wide.f17)));
  CHECK(back.f18.cents() == 1800);
  CHECK(same(back.f19.linear_cache.W, wide.f19.linear_cache.W));
  CHECK(same(back.f19.activation_cache, wide.f19.activation_cache));
  static_assert(wire::detail::field_count<Wide>() == wire::kMaxFields);

  const std::vector<std::optional<Money>> wallet{Money(-5), std::nullopt, Money(7)};
  const auto wallet_back = round_trip(wallet);
  REQUIRE(wallet_back.size() == 3);
  CHECK(wallet_back[0]->cents() == -5);
  CHECK(!wallet_back[1].has_value());
  CHECK(wallet_back[2]->cents() == 7);
}

// ---------------------------------------------------------------------------------------------
// The structs of the exercises of weeks 1 to 4, and the data sets they take

TEST_CASE("the structs of week 1 come back equal", "[wire]") {
  RandomState rng(4);
  namespace w1 = dlc::week1;
  const w1::HousingTable table{odd_matrix(rng, 1, 6), odd_matrix(rng, 1, 6)};
  const auto table_back = round_trip(table);
  CHECK(same(table_back.size, table.size));
  CHECK(same(table_back.price, table.price));

  const w1::NeuronFit fit{{0.25, -0.0}, {kNaN, 3.0, kInf}};
  const auto fit_back = round_trip(fit);
  CHECK(fit_back.params.w == 0.25);
  CHECK(same(fit_back.params.b, -0.0));
  CHECK(same(fit_back.costs, fit.costs));

  const w1::HousingNetwork net{odd_matrix(rng, 3, 4), odd_matrix(rng, 3, 1), odd_matrix(rng, 1, 3),
                               odd_matrix(rng, 1, 1)};
  const auto net_back = round_trip(net);
  CHECK(same(net_back.W1, net.W1));
  CHECK(same(net_back.b1, net.b1));
  CHECK(same(net_back.W2, net.W2));
  CHECK(same(net_back.b2, net.b2));

  const w1::HousingForward forward{odd_matrix(rng, 3, 5), odd_matrix(rng, 1, 5)};
  const auto forward_back = round_trip(forward);
  CHECK(same(forward_back.hidden, forward.hidden));
  CHECK(same(forward_back.price, forward.price));

  const w1::ScaleSettings settings{0.05, 321, 4000000000U};
  const auto settings_back = round_trip(settings);
  CHECK(settings_back.learning_rate == 0.05);
  CHECK(settings_back.num_iterations == 321);
  CHECK(settings_back.seed == 4000000000U);

  const w1::LearningCurve curve{
      {"small network (784-4-1)", {4}}, {784, 4, 1}, {{10, 0.5, 0.25}, {20, 1.0, kNaN}}};
  const auto curve_back = round_trip(curve);
  CHECK(curve_back.model.name == curve.model.name);
  CHECK(curve_back.model.hidden == curve.model.hidden);
  CHECK(curve_back.layers_dims == curve.layers_dims);
  REQUIRE(curve_back.points.size() == 2);
  CHECK(curve_back.points[1].m == 20);
  CHECK(curve_back.points[1].train_accuracy == 1.0);
  CHECK(std::isnan(curve_back.points[1].test_accuracy));
  CHECK(round_trip(std::vector<w1::LearningCurve>{curve, {}}).size() == 2);
}

TEST_CASE("the structs of week 2 come back equal", "[wire]") {
  RandomState rng(5);
  namespace w2 = dlc::week2;
  const w2::GraphForward gf{5, 3, 2, 6, 11, 33};
  const auto gf_back = round_trip(gf);
  CHECK((gf_back.a == 5 && gf_back.b == 3 && gf_back.c == 2));
  CHECK((gf_back.u == 6 && gf_back.v == 11 && gf_back.J == 33));
  const w2::GraphBackward gb{3, 3, 3, 6, 9};
  const auto gb_back = round_trip(gb);
  CHECK((gb_back.dv == 3 && gb_back.du == 3 && gb_back.da == 3 && gb_back.db == 6 &&
         gb_back.dc == 9));

  const w2::Propagation prop{{odd_matrix(rng, 4, 1), -0.0}, kNaN};
  const auto prop_back = round_trip(prop);
  CHECK(same(prop_back.grads.dw, prop.grads.dw));
  CHECK(same(prop_back.grads.db, -0.0));
  CHECK(std::isnan(prop_back.cost));

  const w2::Optimization opt{{odd_matrix(rng, 3, 1), 1.5}, {odd_matrix(rng, 3, 1), 0.5}, {}};
  const auto opt_back = round_trip(opt);
  CHECK(same(opt_back.params.w, opt.params.w));
  CHECK(opt_back.params.b == 1.5);
  CHECK(same(opt_back.grads.dw, opt.grads.dw));
  CHECK(opt_back.grads.db == 0.5);
  CHECK(opt_back.costs.empty());

  const w2::Model model{{0.69, kInf},
                        odd_matrix(rng, 1, 50),
                        odd_matrix(rng, 1, 209),
                        {Matrix(0, 1), -1},
                        0.005,
                        2000,
                        99.04306220095694,
                        70.0};
  const auto model_back = round_trip(model);
  CHECK(same(model_back.costs, model.costs));
  CHECK(same(model_back.Y_prediction_test, model.Y_prediction_test));
  CHECK(same(model_back.Y_prediction_train, model.Y_prediction_train));
  CHECK(same(model_back.params.w, model.params.w));
  CHECK(model_back.params.b == -1);
  CHECK(model_back.learning_rate == 0.005);
  CHECK(model_back.num_iterations == 2000);
  CHECK(model_back.train_accuracy == 99.04306220095694);
  CHECK(model_back.test_accuracy == 70.0);

  const w2::DotTiming timing{1000000, 249.9, 249.90000000000003, 0.5, 60.25};
  const auto timing_back = round_trip(timing);
  CHECK(timing_back.n == 1000000);
  CHECK(timing_back.c_vectorized == 249.9);
  CHECK(timing_back.c_loop == 249.90000000000003);
  CHECK(timing_back.vectorized_ms == 0.5);
  CHECK(timing_back.loop_ms == 60.25);
}

TEST_CASE("the structs of week 3 come back equal", "[wire]") {
  RandomState rng(6);
  namespace w3 = dlc::week3;
  const w3::TwoLayerParameters two{odd_matrix(rng, 4, 2), odd_matrix(rng, 4, 1),
                                   odd_matrix(rng, 1, 4), odd_matrix(rng, 1, 1)};
  const auto two_back = round_trip(two);
  CHECK((same(two_back.W1, two.W1) && same(two_back.b1, two.b1) && same(two_back.W2, two.W2) &&
         same(two_back.b2, two.b2)));

  const w3::CollapsedLayer collapsed{odd_matrix(rng, 2, 3), odd_matrix(rng, 2, 1)};
  const auto collapsed_back = round_trip(collapsed);
  CHECK((same(collapsed_back.W, collapsed.W) && same(collapsed_back.b, collapsed.b)));

  const w3::OneExampleForward one{odd_matrix(rng, 4, 1), odd_matrix(rng, 4, 1),
                                  odd_matrix(rng, 1, 1), odd_matrix(rng, 1, 1)};
  const auto one_back = round_trip(one);
  CHECK((same(one_back.z1, one.z1) && same(one_back.a1, one.a1) && same(one_back.z2, one.z2) &&
         same(one_back.a2, one.a2)));

  const w3::VectorizedForward vec{odd_matrix(rng, 4, 3), odd_matrix(rng, 4, 3),
                                  odd_matrix(rng, 1, 3), odd_matrix(rng, 1, 3)};
  const auto vec_back = round_trip(vec);
  CHECK((same(vec_back.Z1, vec.Z1) && same(vec_back.A1, vec.A1) && same(vec_back.Z2, vec.Z2) &&
         same(vec_back.A2, vec.A2)));

  const w3::LayerSizes sizes{5, 4, 2};
  const auto sizes_back = round_trip(sizes);
  CHECK((sizes_back.n_x == 5 && sizes_back.n_h == 4 && sizes_back.n_y == 2));

  const w3::Parameters params{odd_matrix(rng, 4, 2), odd_matrix(rng, 4, 1), odd_matrix(rng, 1, 4),
                              odd_matrix(rng, 1, 1)};
  const auto params_back = round_trip(params);
  CHECK((same(params_back.W1, params.W1) && same(params_back.b1, params.b1) &&
         same(params_back.W2, params.W2) && same(params_back.b2, params.b2)));

  const w3::Cache cache{odd_matrix(rng, 4, 3), odd_matrix(rng, 4, 3), odd_matrix(rng, 1, 3),
                        Matrix(1, 0)};
  const auto cache_back = round_trip(cache);
  CHECK((same(cache_back.Z1, cache.Z1) && same(cache_back.A1, cache.A1) &&
         same(cache_back.Z2, cache.Z2) && same(cache_back.A2, cache.A2)));

  const w3::Gradients grads{odd_matrix(rng, 4, 2), odd_matrix(rng, 4, 1), odd_matrix(rng, 1, 4),
                            odd_matrix(rng, 1, 1)};
  const auto grads_back = round_trip(grads);
  CHECK((same(grads_back.dW1, grads.dW1) && same(grads_back.db1, grads.db1) &&
         same(grads_back.dW2, grads.dW2) && same(grads_back.db2, grads.db2)));
}

TEST_CASE("the structs of week 4 come back equal, nested vectors of caches included", "[wire]") {
  RandomState rng(7);
  namespace w4 = dlc::week4;
  const w4::ModelForward forward = model_forward(rng, {5, 4, 3, 1}, 6);
  const auto forward_back = round_trip(forward);
  CHECK(same(forward_back.AL, forward.AL));
  REQUIRE(forward_back.caches.size() == 4);
  for (std::size_t l = 0; l < 4; ++l) {
    INFO("caches[" << l << "]");
    const auto& a = forward_back.caches[l];
    const auto& b = forward.caches[l];
    CHECK(same(a.linear_cache.A_prev, b.linear_cache.A_prev));
    CHECK(same(a.linear_cache.W, b.linear_cache.W));
    CHECK(same(a.linear_cache.b, b.linear_cache.b));
    CHECK(same(a.activation_cache, b.activation_cache));
  }
  // the argument of L_model_backward: the caches alone, and vectors of them
  const std::vector<std::vector<w4::Cache>> runs{forward.caches, {}, {forward.caches[2]}};
  const auto runs_back = round_trip(runs);
  REQUIRE(runs_back.size() == 3);
  CHECK(runs_back[0].size() == 4);
  CHECK(runs_back[1].empty());
  REQUIRE(runs_back[2].size() == 1);
  CHECK(same(runs_back[2][0].linear_cache.W, forward.caches[2].linear_cache.W));

  const w4::Parameters params{{Matrix(), odd_matrix(rng, 4, 5), odd_matrix(rng, 1, 4)},
                              {Matrix(), odd_matrix(rng, 4, 1), odd_matrix(rng, 1, 1)}};
  const auto params_back = round_trip(params);
  CHECK(same(params_back.W, params.W));
  CHECK(same(params_back.b, params.b));
  CHECK(params_back.L() == 2);

  const w4::ActivationForward act{odd_matrix(rng, 3, 4), odd_matrix(rng, 3, 4)};
  const auto act_back = round_trip(act);
  CHECK((same(act_back.A, act.A) && same(act_back.activation_cache, act.activation_cache)));

  const w4::LinearForward lin{odd_matrix(rng, 3, 4), forward.caches[1].linear_cache};
  const auto lin_back = round_trip(lin);
  CHECK(same(lin_back.Z, lin.Z));
  CHECK(same(lin_back.linear_cache.A_prev, lin.linear_cache.A_prev));

  const w4::LayerForward layer{odd_matrix(rng, 3, 6), forward.caches[3]};
  const auto layer_back = round_trip(layer);
  CHECK(same(layer_back.A, layer.A));
  CHECK(same(layer_back.cache.activation_cache, layer.cache.activation_cache));
  CHECK(same(layer_back.cache.linear_cache.b, layer.cache.linear_cache.b));

  const w4::LayerGradients lg{odd_matrix(rng, 5, 6), odd_matrix(rng, 4, 5), odd_matrix(rng, 4, 1)};
  const auto lg_back = round_trip(lg);
  CHECK((same(lg_back.dA_prev, lg.dA_prev) && same(lg_back.dW, lg.dW) && same(lg_back.db, lg.db)));

  const w4::Gradients grads{{odd_matrix(rng, 5, 6), odd_matrix(rng, 4, 6), odd_matrix(rng, 1, 6)},
                            {Matrix(), odd_matrix(rng, 4, 5), odd_matrix(rng, 1, 4)},
                            {Matrix(), odd_matrix(rng, 4, 1), odd_matrix(rng, 1, 1)}};
  const auto grads_back = round_trip(grads);
  CHECK((same(grads_back.dA, grads.dA) && same(grads_back.dW, grads.dW) &&
         same(grads_back.db, grads.db)));

  const w4::TrainedModel trained{params, {0.693, kNaN}};
  const auto trained_back = round_trip(trained);
  CHECK(same(trained_back.parameters.W, params.W));
  CHECK(same(trained_back.costs, trained.costs));

  const std::vector<w4::LayerShapes> shapes{{{}, {}, {}, {12288, 209}},
                                            {{20, 12288}, {20, 1}, {20, 209}, {20, 209}}};
  const auto shapes_back = round_trip(shapes);
  REQUIRE(shapes_back.size() == 2);
  CHECK(shapes_back[0].A == Shape{12288, 209});
  CHECK(shapes_back[1].W == Shape{20, 12288});
  CHECK(shapes_back[1].b == Shape{20, 1});
  CHECK(shapes_back[1].Z == Shape{20, 209});

  const std::vector<w4::LearningRateRun> runs_lr{{0.0075, {0.69, 0.5}, false, -1},
                                                 {10.0, {0.69, kInf}, true, 1}};
  const auto runs_lr_back = round_trip(runs_lr);
  REQUIRE(runs_lr_back.size() == 2);
  CHECK(runs_lr_back[0].learning_rate == 0.0075);
  CHECK(runs_lr_back[0].costs == runs_lr[0].costs);
  CHECK(!runs_lr_back[0].diverged);
  CHECK(runs_lr_back[0].diverged_at == -1);
  CHECK(runs_lr_back[1].diverged);
  CHECK(runs_lr_back[1].diverged_at == 1);
  CHECK(same(runs_lr_back[1].costs, runs_lr[1].costs));

  const w4::ParityData parity{odd_matrix(rng, 3, 8), odd_matrix(rng, 1, 8)};
  const auto parity_back = round_trip(parity);
  CHECK((same(parity_back.X, parity.X) && same(parity_back.Y, parity.Y)));

  const w4::NetworkSize size{3, 12, 97};
  const auto size_back = round_trip(size);
  CHECK(
      (size_back.hidden_layers == 3 && size_back.hidden_units == 12 && size_back.parameters == 97));

  const w4::LayerDims dims{12288, 20, 7, 5, 1};
  CHECK(round_trip(dims) == dims);
}

TEST_CASE("the data sets come back equal", "[wire]") {
  RandomState rng(8);
  dlc::LabeledImages labeled;
  labeled.images = {2, 2, 2, 3, {}};
  for (int k = 0; k < 24; ++k) labeled.images.pixels.push_back(static_cast<std::uint8_t>(k * 11));
  labeled.labels = Matrix{{0, 1}};
  labeled.classes = {"non-cat", "cat"};
  const dlc::TrainTest sets{labeled, {}};
  const auto sets_back = round_trip(sets);
  const auto& images = sets_back.train.images;
  CHECK((images.count == 2 && images.height == 2 && images.width == 2 && images.channels == 3));
  CHECK(images.pixels == labeled.images.pixels);
  CHECK(images.at(1, 1, 1, 2) == labeled.images.at(1, 1, 1, 2));
  CHECK(same(sets_back.train.labels, labeled.labels));
  CHECK(sets_back.train.classes == labeled.classes);
  CHECK(sets_back.test.images.pixels.empty());
  CHECK(sets_back.test.labels.shape() == Shape{0, 0});

  const dlc::ToyData toy{odd_matrix(rng, 2, 9), odd_matrix(rng, 1, 9)};
  const auto toy_back = round_trip(toy);
  CHECK((same(toy_back.X, toy.X) && same(toy_back.Y, toy.Y)));
}

TEST_CASE(
    "a RandomState comes back with its whole state: the stream continues identically, "
    "the cached normal value first",
    "[wire][random]") {
  RandomState original(42);
  (void)original.random_sample();
  (void)original.randn(3, 3);  // 9 normals drawn: the 9th left its partner cached
  REQUIRE(original.get_state().has_gauss);

  RandomState copy = wire::decode<RandomState>(wire::encode(original));
  const auto a = original.get_state(), b = copy.get_state();
  CHECK(a.key == b.key);
  CHECK(a.pos == b.pos);
  CHECK(b.has_gauss);
  CHECK(same(a.cached_gaussian, b.cached_gaussian));
  // the next draws, of every kind, are the same
  CHECK(same(copy.standard_normal(), original.standard_normal()));  // the cached one
  for (int k = 0; k < 2000; ++k) {
    INFO("draw " << k);
    switch (k % 4) {
      case 0:
        REQUIRE(same(copy.standard_normal(), original.standard_normal()));
        break;
      case 1:
        REQUIRE(same(copy.random_sample(), original.random_sample()));
        break;
      case 2:
        REQUIRE(copy.randint(0, 1000003) == original.randint(0, 1000003));
        break;
      default:
        REQUIRE(copy.random_uint32() == original.random_uint32());
    }
  }
  // decoding into a generator overwrites its state
  RandomState other(7);
  const std::string original_bytes = wire::encode(original);
  wire::Reader r(original_bytes);
  wire::get(r, other);
  CHECK(same(other.randn(2, 3), original.randn(2, 3)));

  // set_state refuses a position past the end of the state
  auto state = original.get_state();
  state.pos = RandomState::kStateSize + 1;
  CHECK_THROWS_AS(other.set_state(state), std::invalid_argument);
  state.pos = RandomState::kStateSize;  // legal: the next draw twists the words first
  other.set_state(state);
  RandomState twin(0);
  twin.set_state(state);
  CHECK(other.random_uint32() == twin.random_uint32());
}

// ---------------------------------------------------------------------------------------------
// Hostile bytes

TEST_CASE("every truncation of a valid encoding is refused", "[wire][hostile]") {
  RandomState rng(9);
  const dlc::week2::Propagation prop{{odd_matrix(rng, 3, 1), 0.5}, 0.25};
  CHECK(prefixes_not_refused<dlc::week2::Propagation>(wire::encode(prop)).empty());
  const auto forward = model_forward(rng, {3, 2, 1}, 2);
  CHECK(prefixes_not_refused<dlc::week4::ModelForward>(wire::encode(forward)).empty());
  dlc::LabeledImages labeled;
  labeled.images = {1, 2, 2, 1, std::vector<std::uint8_t>{1, 2, 3, 4}};
  labeled.labels = Matrix{{1}};
  labeled.classes = {"a", ""};
  CHECK(prefixes_not_refused<dlc::LabeledImages>(wire::encode(labeled)).empty());
  Wide wide;
  wide.f8 = Matrix(1, 1, 2.0);
  wide.f9 = {true};
  wide.f15 = {{"k", 1}};
  CHECK(prefixes_not_refused<Wide>(wire::encode(wide)).empty());
  const std::map<std::string, std::vector<bool>> dict{{"x", {true, false}}, {"y", {}}};
  CHECK(prefixes_not_refused<std::map<std::string, std::vector<bool>>>(wire::encode(dict)).empty());
  CHECK(prefixes_not_refused<RandomState>(wire::encode(RandomState(1))).empty());
}

TEST_CASE("a count larger than the bytes left is refused before anything is allocated",
          "[wire][hostile]") {
  wire::Writer w;
  wire::put_count(w, std::size_t{1} << 60);
  wire::put(w, 1.0);  // a few bytes follow, far fewer than the count claims
  const std::string huge = w.take();
  CHECK(w.data().empty());
  CHECK_THROWS_AS(wire::decode<std::vector<double>>(huge), ProtocolError);
  CHECK_THROWS_AS(wire::decode<std::vector<std::uint8_t>>(huge), ProtocolError);
  CHECK_THROWS_AS(wire::decode<std::vector<bool>>(huge), ProtocolError);
  CHECK_THROWS_AS(wire::decode<std::string>(huge), ProtocolError);
  CHECK_THROWS_AS(wire::decode<std::vector<Matrix>>(huge), ProtocolError);
  CHECK_THROWS_AS(wire::decode<std::vector<std::vector<char>>>(huge), ProtocolError);
  CHECK_THROWS_AS((wire::decode<std::map<int, int>>(huge)), ProtocolError);
  CHECK_THROWS_AS(wire::decode<dlc::week4::ModelForward>(wire::encode(Matrix()) + huge),
                  ProtocolError);
  CHECK_THROWS_WITH(wire::decode<std::vector<double>>(huge),
                    Catch::Contains("a count of 1152921504606846976 elements"));

  // the count is checked against the least size of an element: 3 matrices need 48 bytes at least
  wire::Writer three;
  wire::put_count(three, 3);
  wire::put(three, Matrix());
  wire::put(three, Matrix());
  CHECK_THROWS_AS(wire::decode<std::vector<Matrix>>(three.data()), ProtocolError);
  wire::Reader r(three.data());
  CHECK_THROWS_AS(r.count(11), ProtocolError);  // 3 * 11 > 32
  wire::Reader r2(three.data());
  CHECK(r2.count(10) == 3);
  CHECK(r2.remaining() == 32);
}

TEST_CASE("a matrix whose rows * cols overflows, or does not fit in the bytes left, is refused",
          "[wire][hostile]") {
  const auto matrix_header = [](std::uint64_t rows, std::uint64_t cols) {
    wire::Writer w;
    wire::put(w, rows);
    wire::put(w, cols);
    wire::put(w, 1.0);
    return w.take();
  };
  // 2^32 * 2^32 wraps to 0: a careless reader would accept it as empty
  CHECK_THROWS_WITH(wire::decode<Matrix>(matrix_header(1ULL << 32, 1ULL << 32)),
                    Catch::Contains("(4294967296, 4294967296)"));
  CHECK_THROWS_AS(wire::decode<Matrix>(matrix_header(1ULL << 62, 4)), ProtocolError);
  CHECK_THROWS_AS(wire::decode<Matrix>(matrix_header(1ULL << 61, 1)), ProtocolError);  // * 8
  CHECK_THROWS_AS(wire::decode<Matrix>(matrix_header(~0ULL, ~0ULL)), ProtocolError);
  CHECK_THROWS_AS(wire::decode<Matrix>(matrix_header(3, 1000)), ProtocolError);
  CHECK_THROWS_AS(wire::decode<Matrix>(matrix_header(1, 2)), ProtocolError);
  CHECK(wire::decode<Matrix>(matrix_header(1, 1)).item() == 1.0);
}

TEST_CASE(
    "flags that are not 0 or 1, duplicate keys, a bad generator state, nesting too deep "
    "and bytes left over are refused",
    "[wire][hostile]") {
  CHECK_THROWS_WITH(wire::decode<bool>(std::string("\x02", 1)),
                    Catch::Contains("must be the byte 0 or 1, not 2"));
  CHECK_THROWS_AS(wire::decode<std::vector<bool>>(wire::encode(std::vector<std::uint8_t>{1, 7})),
                  ProtocolError);
  CHECK_THROWS_AS(wire::decode<std::optional<int>>(std::string("\x05\0\0\0\0", 5)), ProtocolError);

  wire::Writer dup;
  wire::put_count(dup, 2);
  wire::put(dup, std::make_pair(std::string("k"), 1));
  wire::put(dup, std::make_pair(std::string("k"), 2));
  CHECK_THROWS_WITH((wire::decode<std::map<std::string, int>>(dup.data())),
                    Catch::Contains("same key twice"));
  CHECK_THROWS_AS((wire::decode<std::unordered_map<std::string, int>>(dup.data())), ProtocolError);

  auto state = RandomState(1).get_state();
  state.pos = 625;
  CHECK_THROWS_WITH(wire::decode<RandomState>(wire::encode(state)), Catch::Contains("pos is 625"));

  // trees nest one vector per level: 150 levels are fine, 10000 are refused
  const auto deep = [](int levels) {
    wire::Writer w;
    for (int i = 0; i < levels; ++i) wire::put_count(w, 1);
    wire::put_count(w, 0);
    return w.take();
  };
  Tree tree = wire::decode<Tree>(deep(150));
  int depth = 0;
  for (const Tree* t = &tree; !t->children.empty(); t = &t->children[0]) ++depth;
  CHECK(depth == 150);
  CHECK_THROWS_WITH(wire::decode<Tree>(deep(10000)), Catch::Contains("nested deeper"));

  CHECK_THROWS_WITH(wire::decode<int>(std::string(5, '\0')), Catch::Contains("1 byte left over"));
  const std::string four(4, '\0');
  wire::Reader r(four);
  (void)wire::get<int>(r);
  CHECK(r.done());
  CHECK_NOTHROW(r.expect_done());
  CHECK_THROWS_WITH(wire::get<int>(r), Catch::Contains("4 bytes needed but only 0 bytes left"));
}

TEST_CASE(
    "thousands of random corruptions of valid bytes each give a value or a "
    "ProtocolError, never a crash or another exception",
    "[wire][hostile]") {
  RandomState rng(10);
  using Mixed = std::tuple<std::vector<std::string>, std::optional<Matrix>, std::vector<bool>,
                           std::map<int, std::vector<double>>, dlc::week2::Propagation>;
  const Mixed mixed{{"a", "bc", ""},
                    odd_matrix(rng, 2, 1),
                    {true, false, true},
                    {{1, {0.5}}, {2, {}}},
                    {{odd_matrix(rng, 2, 1), 1}, 2}};
  const std::string forward_bytes = wire::encode(model_forward(rng, {3, 2, 1}, 2));
  const std::string mixed_bytes = wire::encode(mixed);

  std::mt19937_64 gen(20240601);
  std::size_t decoded = 0, refused = 0;
  std::vector<std::string> other_errors;
  constexpr int kTrials = 10000;
  for (int trial = 0; trial < kTrials; ++trial) {
    std::string bytes = trial % 2 == 0 ? forward_bytes : mixed_bytes;
    const auto position = [&] { return static_cast<std::size_t>(gen() % bytes.size()); };
    switch (gen() % 4) {
      case 0:  // a few bytes changed to random values
        for (int k = 0, n = 1 + static_cast<int>(gen() % 4); k < n; ++k)
          bytes[position()] = static_cast<char>(gen());
        break;
      case 1: {  // 8 bytes (a count, a shape) overwritten with a random, often huge, number
        const std::uint64_t v = gen() >> (gen() % 64);
        const std::size_t at = position();
        bytes.replace(at, 8, reinterpret_cast<const char*>(&v),
                      std::min<std::size_t>(8, bytes.size() - at));
        break;
      }
      case 2:  // truncated, with one byte flipped
        bytes[position()] ^= static_cast<char>(1 << (gen() % 8));
        bytes.resize(position());
        break;
      default:  // random bytes inserted
        bytes.insert(position(), std::string(1 + gen() % 9, static_cast<char>(gen())));
    }
    try {
      if (trial % 2 == 0) {
        (void)wire::decode<dlc::week4::ModelForward>(bytes);
      } else {
        (void)wire::decode<Mixed>(bytes);
      }
      ++decoded;
    } catch (const ProtocolError&) {
      ++refused;
    } catch (const std::exception& e) {
      other_errors.push_back(std::string(typeid(e).name()) + ": " + e.what());
    }
  }
  INFO("decoded " << decoded << ", refused " << refused);
  CHECK(other_errors.empty());
  if (!other_errors.empty()) FAIL("first other exception: " << other_errors.front());
  CHECK(refused > kTrials / 2);  // most corruptions are seen
  CHECK(decoded + refused == kTrials);
}
