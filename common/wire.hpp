/// \file
/// \brief `dlc::wire`: the byte format in which two processes exchange values (the arguments
/// of an exercise going one way, its results coming back), and its reader, which trusts
/// nothing it reads.
///
/// One process writes a value with `put`, the other reads it back with `get`:
///
///     dlc::wire::Writer w;
///     dlc::wire::put(w, propagation);                     // a week2::Propagation
///     ... send w.take() ...
///     dlc::wire::Reader r(bytes);
///     auto p = dlc::wire::get<dlc::week2::Propagation>(r);
///     r.expect_done();                                     // nothing may be left over
///
/// **The format.** A value is its parts, one after the other, with no names, tags or padding:
/// both ends know the type. Numbers are little-endian and as wide as the type is (`int` 4 bytes,
/// `long` and `std::size_t` 8); both ends are the same build on the same machine.
///
/// | type | bytes |
/// | --- | --- |
/// | `bool` | 1 byte, 0 or 1 |
/// | arithmetic `T` | `sizeof(T)` bytes, the value's own bits (a double's NaN payload, infinities and -0 kept) |
/// | enum | its underlying integer |
/// | a count (`put_count`) | 8 bytes, unsigned |
/// | `std::string` | count, then the characters |
/// | `std::vector<T>` | count, then each element (numbers and bytes: one block of memory) |
/// | `std::vector<bool>` | count, then 1 byte (0 or 1) per element |
/// | `std::array<T, N>` | the N elements (no count) |
/// | `std::pair`, `std::tuple` | the members in order |
/// | `std::optional<T>` | 1 byte (0: empty, 1: a value follows), then the value |
/// | `std::map`, `std::unordered_map` | count, then key and value of each entry |
/// | `dlc::Matrix` | rows, cols (8 bytes each), then the `rows * cols` doubles column-major |
/// | `dlc::RandomState` | its `RandomState::State`: 624 words, pos, has_gauss, the cached normal |
/// | aggregate struct | its fields in declaration order |
///
/// **Aggregates.** A struct with public fields and no constructors (the caches, gradients and
/// results of the lessons) needs no code: its fields are found by counting how many values of
/// a type that converts to anything initialize it (`T{any, any, ...}`), then binding them with
/// a structured binding. Up to `kMaxFields` fields, which may be numbers, matrices, vectors,
/// other aggregates and have default values. Not: base classes, C arrays, bit-fields,
/// references. Member functions are fine (`week4::Parameters::L()`).
///
/// **Other classes** opt in with two functions found by argument-dependent lookup, in the
/// class's namespace:
///
///     void wire_put(dlc::wire::Writer& w, const Money& m) { dlc::wire::put(w, m.cents()); }
///     void wire_get(dlc::wire::Reader& r, Money& m) { m = Money(dlc::wire::get<long>(r)); }
///
/// These take precedence over everything else, so an aggregate may opt out of field-by-field
/// encoding too. Each value's encoding must take at least one byte (a container counts on it to
/// check its count against the bytes left). A type that is none of the above does not compile:
/// a `static_assert` says why (a `std::function`, which is code and not data; a pointer; an
/// enum without a fixed underlying type; anything else).
///
/// **Hostile input.** The reader treats its bytes as written by an adversary. Every read checks
/// that enough bytes remain; every count is checked against the bytes left (a count of
/// \f$ 2^{60} \f$ elements throws before anything is allocated, and no container is ever given
/// more elements than the bytes left could encode), a matrix's `rows * cols` must not overflow,
/// a `bool` or an optional's flag must be 0 or 1, a map's keys must be distinct, a
/// `RandomState`'s `pos` at most 624, containers nest at most `kMaxDepth` deep. Whatever the
/// bytes, `get` either returns a value or throws `ProtocolError`: it never crashes, reads out of
/// bounds, or allocates more than a small multiple of the input's size.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/matrix.hpp"
#include "common/random.hpp"

namespace dlc::wire {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "dlc::wire copies numbers as they are in memory, which is little-endian only on a "
              "little-endian machine");

/// The most fields of an aggregate struct that `put` and `get` find by themselves.
inline constexpr std::size_t kMaxFields = 20;

/// The deepest that containers (vectors, optionals, maps) may nest in what a `Reader` reads.
inline constexpr int kMaxDepth = 200;

/// Bytes that are not a valid encoding of what was expected (truncated, corrupt, too large).
/// The message says what was wrong, as `wire: 8 bytes needed but only 3 left`.
class ProtocolError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Collects the bytes of the values `put` into it.
class Writer {
 public:
  /// Appends `size` raw bytes from `data` (which may be null when `size` is 0).
  void bytes(const void* data, std::size_t size);
  /// Everything written so far.
  const std::string& data() const { return data_; }
  /// Moves everything written out, and leaves the writer empty.
  std::string take();

 private:
  std::string data_;
};

namespace detail {
struct Nesting;
}

/// Reads values from bytes it does not own (they must outlive it), checking every step.
class Reader {
 public:
  /// A reader of `data`, starting at its first byte.
  explicit Reader(std::string_view data) : data_(data) {}
  /// Refused at compile time: a reader of a temporary `std::string` would outlive its bytes.
  template <class S, std::enable_if_t<std::is_same_v<std::remove_cv_t<S>, std::string>, int> = 0>
  explicit Reader(S&& temporary) = delete;

  /// Copies the next `size` bytes to `out`; throws `ProtocolError` when fewer remain.
  void bytes(void* out, std::size_t size);
  /// The next `size` bytes, without copying them (valid as long as the bytes given to the
  /// constructor); throws `ProtocolError` when fewer remain.
  std::string_view view(std::size_t size);
  /// \brief Reads a count written by `put_count()`, and throws `ProtocolError` unless
  /// `count * min_element_bytes <= remaining()`: the least number of bytes each counted element
  /// takes. A `min_element_bytes` of 0 is taken as 1, so that no count exceeds the bytes left.
  std::size_t count(std::size_t min_element_bytes);
  /// Bytes not read yet.
  std::size_t remaining() const { return data_.size() - pos_; }
  /// True when nothing is left.
  bool done() const { return remaining() == 0; }
  /// Throws `ProtocolError` saying how many bytes are left, unless none is: a whole message
  /// has been read and nothing may follow it.
  void expect_done() const;

 private:
  friend struct detail::Nesting;
  std::string_view data_;
  std::size_t pos_ = 0;
  int depth_ = 0;
};

/// Writes the count `n`, as 8 bytes.
void put_count(Writer& w, std::size_t n);

/// Appends the encoding of `value` (see the table of this file) to `w`.
template <class T>
void put(Writer& w, const T& value);

/// Reads a `T` into `value`, overwriting all of it; throws `ProtocolError` on bytes that are
/// not a valid encoding of a `T` (and then `value` may be partly overwritten: discard it).
template <class T>
void get(Reader& r, T& value);

/// Reads a `T`: a default-constructed `T` (for a `RandomState`, one seeded with 0) into which
/// the bytes are read by `get(r, value)`.
template <class T>
T get(Reader& r);

/// The bytes of `value`: `put` into a new `Writer`.
template <class T>
std::string encode(const T& value);

/// The `T` that `bytes` hold, all of them: `get<T>`, then `expect_done()`.
template <class T>
T decode(std::string_view bytes);

/// \cond DETAIL
namespace detail {

/// Counts one level of container nesting while alive; throws past `kMaxDepth`.
struct Nesting {
  explicit Nesting(Reader& r) : reader(r) {
    if (++reader.depth_ > kMaxDepth) {
      --reader.depth_;
      throw ProtocolError("wire: containers nested deeper than " + std::to_string(kMaxDepth));
    }
  }
  ~Nesting() { --reader.depth_; }
  Nesting(const Nesting&) = delete;
  Nesting& operator=(const Nesting&) = delete;
  Reader& reader;
};

void put_matrix(Writer& w, const Matrix& m);
void get_matrix(Reader& r, Matrix& m);
[[noreturn]] void throw_bad_flag(const char* what, unsigned value);
[[noreturn]] void throw_duplicate_key();
[[noreturn]] void throw_bad_random_state(std::size_t pos);

template <class T>
using Plain = std::remove_cv_t<std::remove_reference_t<T>>;

template <class T>
inline constexpr bool kAlwaysFalse = false;

// --- What kind of type T is --------------------------------------------------------------------

template <class T>
struct IsVector : std::false_type {};
template <class T, class A>
struct IsVector<std::vector<T, A>> : std::true_type {};
template <class T>
struct IsStdArray : std::false_type {};
template <class T, std::size_t N>
struct IsStdArray<std::array<T, N>> : std::true_type {};
template <class T>
struct IsPairOrTuple : std::false_type {};
template <class A, class B>
struct IsPairOrTuple<std::pair<A, B>> : std::true_type {};
template <class... A>
struct IsPairOrTuple<std::tuple<A...>> : std::true_type {};
template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};
template <class T>
struct IsMap : std::false_type {};
template <class K, class V, class C, class A>
struct IsMap<std::map<K, V, C, A>> : std::true_type {};
template <class K, class V, class H, class E, class A>
struct IsMap<std::unordered_map<K, V, H, E, A>> : std::true_type {};
template <class T>
struct IsFunction : std::false_type {};
template <class F>
struct IsFunction<std::function<F>> : std::true_type {};

// A customized type: wire_put(Writer&, const T&) and wire_get(Reader&, T&), found by ADL.
template <class T, class = void>
struct HasWirePut : std::false_type {};
template <class T>
struct HasWirePut<
    T, std::void_t<decltype(wire_put(std::declval<Writer&>(), std::declval<const T&>()))>>
    : std::true_type {};
template <class T, class = void>
struct HasWireGet : std::false_type {};
template <class T>
struct HasWireGet<T, std::void_t<decltype(wire_get(std::declval<Reader&>(), std::declval<T&>()))>>
    : std::true_type {};

// An enum has a fixed underlying type (enum class E, enum E : int) exactly when E{integer}
// compiles; only then is every value of that integer a valid E.
template <class E, class = void>
struct IsFixedEnum : std::false_type {};
template <class E>
struct IsFixedEnum<E, std::void_t<decltype(E{std::declval<std::underlying_type_t<E>>()})>>
    : std::true_type {};

// --- Counting the fields of an aggregate -------------------------------------------------------

// Converts to any type; only ever named in unevaluated probes, never called.
struct AnyField {
  template <class U>
  operator U() const;
};
template <std::size_t>
using AnyFieldAt = AnyField;

template <class T, class... Args>
auto brace_probe(int) -> decltype(T{std::declval<Args>()...}, std::true_type{});
template <class T, class... Args>
std::false_type brace_probe(...);

// True when T{any_0, ..., any_{N-1}} compiles: T has at least N fields.
template <class T, std::size_t... I>
constexpr bool initializable_from_n(std::index_sequence<I...>) {
  return decltype(brace_probe<T, AnyFieldAt<I>...>(0))::value;
}

// The number of fields of the aggregate T: the largest N <= kMaxFields + 1 that initializes it.
template <class T, std::size_t N = kMaxFields + 1>
constexpr std::size_t field_count() {
  if constexpr (N == 0) {
    return 0;
  } else if constexpr (initializable_from_n<T>(std::make_index_sequence<N>{})) {
    return N;
  } else {
    return field_count<T, N - 1>();
  }
}

// --- Classifying a type once, for put, get and min_size ----------------------------------------

enum class Kind {
  kCustom,
  kBool,
  kArithmetic,
  kEnum,
  kString,
  kMatrix,
  kRandomState,
  kVector,
  kStdArray,
  kPairOrTuple,
  kOptional,
  kMap,
  kAggregate,
  // not encodable: each is refused by a static_assert naming the problem
  kHalfCustom,
  kFunction,
  kPointer,
  kUnfixedEnum,
  kUncountedAggregate,
  kTooManyFields,
  kUnsupported,
};

template <class T>
constexpr Kind kind_of() {
  if constexpr (HasWirePut<T>::value && HasWireGet<T>::value) {
    return Kind::kCustom;
  } else if constexpr (HasWirePut<T>::value || HasWireGet<T>::value) {
    return Kind::kHalfCustom;
  } else if constexpr (std::is_same_v<T, bool>) {
    return Kind::kBool;
  } else if constexpr (std::is_arithmetic_v<T>) {
    return Kind::kArithmetic;
  } else if constexpr (std::is_enum_v<T>) {
    return IsFixedEnum<T>::value ? Kind::kEnum : Kind::kUnfixedEnum;
  } else if constexpr (std::is_same_v<T, std::string>) {
    return Kind::kString;
  } else if constexpr (std::is_same_v<T, Matrix>) {
    return Kind::kMatrix;
  } else if constexpr (std::is_same_v<T, RandomState>) {
    return Kind::kRandomState;
  } else if constexpr (IsVector<T>::value) {
    return Kind::kVector;
  } else if constexpr (IsStdArray<T>::value) {
    return Kind::kStdArray;
  } else if constexpr (IsPairOrTuple<T>::value) {
    return Kind::kPairOrTuple;
  } else if constexpr (IsOptional<T>::value) {
    return Kind::kOptional;
  } else if constexpr (IsMap<T>::value) {
    return Kind::kMap;
  } else if constexpr (IsFunction<T>::value) {
    return Kind::kFunction;
  } else if constexpr (std::is_pointer_v<T> || std::is_member_pointer_v<T>) {
    return Kind::kPointer;
  } else if constexpr (std::is_aggregate_v<T> && std::is_class_v<T>) {
    constexpr std::size_t n = field_count<T>();
    if constexpr (n > kMaxFields) {
      return Kind::kTooManyFields;
    } else if constexpr (n == 0 && !std::is_empty_v<T>) {
      return Kind::kUncountedAggregate;
    } else {
      return Kind::kAggregate;
    }
  } else {
    return Kind::kUnsupported;
  }
}

// kind_of<T>(), refusing with a message what cannot be encoded.
template <class T>
constexpr Kind checked_kind() {
  constexpr Kind kind = kind_of<T>();
  static_assert(kind != Kind::kHalfCustom,
                "dlc::wire: this type has only one of wire_put and wire_get; it needs both");
  static_assert(kind != Kind::kFunction,
                "dlc::wire: a std::function cannot be encoded: it is code, not data (a struct "
                "with a std::function field cannot be either)");
  static_assert(kind != Kind::kPointer,
                "dlc::wire: a pointer cannot be encoded: the other process has other addresses; "
                "send the value it points to");
  static_assert(kind != Kind::kUnfixedEnum,
                "dlc::wire: an enum without a fixed underlying type cannot be decoded safely; "
                "make it an `enum class` or give it one (`enum E : int`)");
  static_assert(kind != Kind::kUncountedAggregate,
                "dlc::wire: cannot count the fields of this aggregate (a base class, a C array, "
                "a reference or a field that converts from anything?); give it "
                "wire_put/wire_get");
  static_assert(kind != Kind::kTooManyFields,
                "dlc::wire: this aggregate has more than kMaxFields fields; give it "
                "wire_put/wire_get");
  static_assert(kind != Kind::kUnsupported,
                "dlc::wire: this type cannot be encoded: it is none of bool, an arithmetic "
                "type, an enum, std::string, std::vector, std::array, std::pair, std::tuple, "
                "std::optional, std::map, std::unordered_map, dlc::Matrix, dlc::RandomState, an "
                "aggregate struct; give it wire_put/wire_get");
  return kind;
}

// The fields of the aggregate `value` (const or not), as a tuple of references.
template <class Aggregate>
auto tie_fields(Aggregate& value) {
  constexpr std::size_t n = field_count<std::remove_const_t<Aggregate>>();
  if constexpr (n == 0) {
    return std::tie();
  } else if constexpr (n == 1) {
    auto& [f0] = value;
    return std::tie(f0);
  } else if constexpr (n == 2) {
    auto& [f0, f1] = value;
    return std::tie(f0, f1);
  } else if constexpr (n == 3) {
    auto& [f0, f1, f2] = value;
    return std::tie(f0, f1, f2);
  } else if constexpr (n == 4) {
    auto& [f0, f1, f2, f3] = value;
    return std::tie(f0, f1, f2, f3);
  } else if constexpr (n == 5) {
    auto& [f0, f1, f2, f3, f4] = value;
    return std::tie(f0, f1, f2, f3, f4);
  } else if constexpr (n == 6) {
    auto& [f0, f1, f2, f3, f4, f5] = value;
    return std::tie(f0, f1, f2, f3, f4, f5);
  } else if constexpr (n == 7) {
    auto& [f0, f1, f2, f3, f4, f5, f6] = value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6);
  } else if constexpr (n == 8) {
    auto& [f0, f1, f2, f3, f4, f5, f6, f7] = value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6, f7);
  } else if constexpr (n == 9) {
    auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8] = value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6, f7, f8);
  } else if constexpr (n == 10) {
    auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9] = value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9);
  } else if constexpr (n == 11) {
    auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10] = value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10);
  } else if constexpr (n == 12) {
    auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11] = value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11);
  } else if constexpr (n == 13) {
    auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12] = value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12);
  } else if constexpr (n == 14) {
    auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13] = value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13);
  } else if constexpr (n == 15) {
    auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14] = value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14);
  } else if constexpr (n == 16) {
    auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15] = value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15);
  } else if constexpr (n == 17) {
    auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16] = value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16);
  } else if constexpr (n == 18) {
    auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17] = value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17);
  } else if constexpr (n == 19) {
    auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18] =
        value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17,
                    f18);
  } else if constexpr (n == 20) {
    auto& [f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18,
           f19] = value;
    return std::tie(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17,
                    f18, f19);
  } else {
    static_assert(kAlwaysFalse<Aggregate>, "dlc::wire: more fields than kMaxFields");
  }
}

// --- The least number of bytes a T's encoding takes --------------------------------------------

template <class T>
constexpr std::size_t min_size();

template <class Tuple, std::size_t... I>
constexpr std::size_t min_size_of_members(std::index_sequence<I...>) {
  return (std::size_t{0} + ... + min_size<Plain<std::tuple_element_t<I, Tuple>>>());
}

template <class T>
constexpr std::size_t min_size() {
  constexpr Kind kind = checked_kind<T>();
  if constexpr (kind == Kind::kCustom) {
    return 1;  // the documented promise of a custom encoding
  } else if constexpr (kind == Kind::kBool || kind == Kind::kArithmetic || kind == Kind::kEnum) {
    return sizeof(T);
  } else if constexpr (kind == Kind::kString || kind == Kind::kVector || kind == Kind::kMap) {
    return sizeof(std::uint64_t);  // the count
  } else if constexpr (kind == Kind::kMatrix) {
    return 2 * sizeof(std::uint64_t);  // rows and cols
  } else if constexpr (kind == Kind::kRandomState) {
    return min_size<RandomState::State>();
  } else if constexpr (kind == Kind::kStdArray) {
    return std::tuple_size_v<T> * min_size<typename T::value_type>();
  } else if constexpr (kind == Kind::kPairOrTuple) {
    return min_size_of_members<T>(std::make_index_sequence<std::tuple_size_v<T>>{});
  } else if constexpr (kind == Kind::kOptional) {
    return 1;  // the flag
  } else if constexpr (kind == Kind::kAggregate) {
    using Fields = decltype(tie_fields(std::declval<T&>()));
    return min_size_of_members<Fields>(std::make_index_sequence<std::tuple_size_v<Fields>>{});
  } else {
    return 1;  // not reached: checked_kind refused the type
  }
}

// Numbers (not bool, whose bytes must be checked) are copied as blocks of memory.
template <class T>
inline constexpr bool kIsBlock = std::is_arithmetic_v<T> && !std::is_same_v<T, bool>;

// A T to read into: default-constructed, or for a RandomState one seeded with 0.
template <class T>
T blank() {
  if constexpr (std::is_same_v<T, RandomState>) {
    return RandomState(0);
  } else {
    return T{};
  }
}

inline bool get_flag(Reader& r, const char* what) {
  unsigned char byte = 0;
  r.bytes(&byte, 1);
  if (byte > 1) throw_bad_flag(what, byte);
  return byte == 1;
}

}  // namespace detail
/// \endcond

template <class T>
void put(Writer& w, const T& value) {
  constexpr detail::Kind kind = detail::checked_kind<T>();
  using detail::Kind;
  if constexpr (kind == Kind::kCustom) {
    wire_put(w, value);
  } else if constexpr (kind == Kind::kBool) {
    const unsigned char byte = value ? 1 : 0;
    w.bytes(&byte, 1);
  } else if constexpr (kind == Kind::kArithmetic || kind == Kind::kEnum) {
    w.bytes(&value, sizeof(T));
  } else if constexpr (kind == Kind::kString) {
    put_count(w, value.size());
    w.bytes(value.data(), value.size());
  } else if constexpr (kind == Kind::kMatrix) {
    detail::put_matrix(w, value);
  } else if constexpr (kind == Kind::kRandomState) {
    wire::put(w, value.get_state());
  } else if constexpr (kind == Kind::kVector) {
    using Element = typename T::value_type;
    put_count(w, value.size());
    if constexpr (detail::kIsBlock<Element>) {
      w.bytes(value.data(), value.size() * sizeof(Element));
    } else {
      for (const auto& element : value) wire::put(w, static_cast<const Element&>(element));
    }
  } else if constexpr (kind == Kind::kStdArray) {
    using Element = typename T::value_type;
    if constexpr (detail::kIsBlock<Element>) {
      w.bytes(value.data(), value.size() * sizeof(Element));
    } else {
      for (const auto& element : value) wire::put(w, element);
    }
  } else if constexpr (kind == Kind::kPairOrTuple) {
    std::apply([&w](const auto&... member) { (wire::put(w, member), ...); }, value);
  } else if constexpr (kind == Kind::kOptional) {
    wire::put(w, value.has_value());
    if (value) wire::put(w, *value);
  } else if constexpr (kind == Kind::kMap) {
    put_count(w, value.size());
    for (const auto& [key, mapped] : value) {
      wire::put(w, key);
      wire::put(w, mapped);
    }
  } else if constexpr (kind == Kind::kAggregate) {
    std::apply([&w](const auto&... field) { (wire::put(w, field), ...); },
               detail::tie_fields(value));
  }
}

template <class T>
void get(Reader& r, T& value) {
  constexpr detail::Kind kind = detail::checked_kind<T>();
  using detail::Kind;
  if constexpr (kind == Kind::kCustom) {
    wire_get(r, value);
  } else if constexpr (kind == Kind::kBool) {
    value = detail::get_flag(r, "a bool");
  } else if constexpr (kind == Kind::kArithmetic || kind == Kind::kEnum) {
    r.bytes(&value, sizeof(T));
  } else if constexpr (kind == Kind::kString) {
    value.assign(r.view(r.count(1)));
  } else if constexpr (kind == Kind::kMatrix) {
    detail::get_matrix(r, value);
  } else if constexpr (kind == Kind::kRandomState) {
    const auto state = wire::get<RandomState::State>(r);
    if (state.pos > RandomState::kStateSize) detail::throw_bad_random_state(state.pos);
    value.set_state(state);
  } else if constexpr (kind == Kind::kVector) {
    using Element = typename T::value_type;
    const detail::Nesting nesting(r);
    const std::size_t n = r.count(detail::min_size<Element>());
    if constexpr (detail::kIsBlock<Element>) {
      value.resize(n);
      r.bytes(value.data(), n * sizeof(Element));
    } else {
      // n is at most the bytes left, so reserving it allocates a bounded multiple of them.
      value.clear();
      value.reserve(n);
      for (std::size_t i = 0; i < n; ++i) value.push_back(wire::get<Element>(r));
    }
  } else if constexpr (kind == Kind::kStdArray) {
    using Element = typename T::value_type;
    if constexpr (detail::kIsBlock<Element>) {
      r.bytes(value.data(), value.size() * sizeof(Element));
    } else {
      for (auto& element : value) wire::get(r, element);
    }
  } else if constexpr (kind == Kind::kPairOrTuple) {
    std::apply([&r](auto&... member) { (wire::get(r, member), ...); }, value);
  } else if constexpr (kind == Kind::kOptional) {
    const detail::Nesting nesting(r);
    if (detail::get_flag(r, "the flag of an optional")) {
      if (!value) value.emplace(detail::blank<typename T::value_type>());
      wire::get(r, *value);
    } else {
      value.reset();
    }
  } else if constexpr (kind == Kind::kMap) {
    using Key = typename T::key_type;
    using Mapped = typename T::mapped_type;
    const detail::Nesting nesting(r);
    const std::size_t n = r.count(detail::min_size<Key>() + detail::min_size<Mapped>());
    value.clear();
    for (std::size_t i = 0; i < n; ++i) {
      Key key = wire::get<Key>(r);
      Mapped mapped = wire::get<Mapped>(r);
      if (!value.emplace(std::move(key), std::move(mapped)).second) detail::throw_duplicate_key();
    }
  } else if constexpr (kind == Kind::kAggregate) {
    std::apply([&r](auto&... field) { (wire::get(r, field), ...); }, detail::tie_fields(value));
  }
}

template <class T>
T get(Reader& r) {
  T value = detail::blank<T>();
  wire::get(r, value);
  return value;
}

template <class T>
std::string encode(const T& value) {
  Writer w;
  wire::put(w, value);
  return w.take();
}

template <class T>
T decode(std::string_view bytes) {
  Reader r(bytes);
  T value = wire::get<T>(r);
  r.expect_done();
  return value;
}

}  // namespace dlc::wire
