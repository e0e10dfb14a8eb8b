/// \file
/// \brief One exercise called in another process: how the grader keeps a student's code away
/// from the process that decides the grade.
///
/// The grader runs an exercise's tests in the lesson's test program linked with the reference
/// solutions (the *judge*). It never runs the student's code there. Instead, the one exercise
/// being graded is answered by a second process (the *runner*), linked from the student's file
/// and the reference versions of every other exercise, and run in a sandbox. Each call of the
/// exercise in the judge becomes a request to the runner: the arguments go as bytes
/// (common/wire.hpp); the runner calls the student's function and sends back what happened, in
/// order: what it printed, the callbacks it made (an `Observer` ...), then either what it
/// returned (with every argument it may change, such as a `RandomState&`) or the exception it
/// threw. The judge replays that as if the function had run in place, so the tests read exactly
/// as they do against the solution, and their assertions run only in the judge.
///
/// Nothing the runner sends is trusted: it is parsed as hostile input, and whatever it is, it
/// can only be the exercise's answer (right or wrong), never a verdict.
///
/// Each lesson has a table of its exercises, generated from the solution's markers:
///
///     #include "common/remote.hpp"
///     #include "week2/logistic_regression.hpp"
///     DLC_REMOTE_EXERCISE("week2.sigmoid", dlc::week2::sigmoid)
///
/// In the judge, `start_judge("week2.sigmoid", ...)` starts the runner and redirects the
/// function `dlc::week2::sigmoid` to its proxy, which sends the call away (the redirection
/// rewrites the function's first instruction into a jump, as a debugger's breakpoint does:
/// every call of it, from the tests or from reference code, reaches the student's version, and
/// only the exercise being graded is touched). In the runner, `serve()` answers the requests.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "common/wire.hpp"

namespace dlc::remote {

/// The runner did not answer a call: it ended, or sent what is not an answer. Thrown into the
/// test that made the call; the grader reports the runner's end (a crash, an exit ...).
class RunnerFailed : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// An exception the student's code threw whose type the judge does not know (a class of its
/// own deriving from std::exception): carries its `what()`.
class RemoteException : public std::exception {
 public:
  /// The exception with the student's `what()`.
  explicit RemoteException(std::string what) : what_(std::move(what)) {}
  /// What the student's exception said.
  const char* what() const noexcept override { return what_.c_str(); }

 private:
  std::string what_;
};

/// What the student's code threw when it was not a std::exception (an `int`, a string ...).
struct RemoteNonStandardException {};

/// \brief In the judge: starts the runner (`runner_command`, an argv, found in PATH, started with
/// an empty environment: the command sets what it needs) and sends every call of
/// exercise `id` to it from now on. `status_file` receives, when the judge ends, one line on how
/// the runner ended, for the grader: `signal 11`, `exited 3` or `garbled` when it failed during
/// a call (then ` before answering` when it never answered, a tab and a message), `ended ...`
/// when the judge ended first.
/// \throws std::invalid_argument when no table entry has this id; std::runtime_error when the
///         runner cannot be started or the function cannot be redirected.
void start_judge(const std::string& id, const std::vector<std::string>& runner_command,
                 const std::string& status_file);

/// \brief In the runner: answers the calls of exercise `id` read from `requests` (a file
/// descriptor) on `replies`, until the judge closes `requests`. What the student's code prints
/// is captured and sent with each answer. Returns the exit code of the runner.
int serve(const std::string& id, int requests, int replies);

/// \cond DETAIL
namespace detail {

/// What a reply is made of, in order.
enum class Event : std::uint8_t {
  kStdout = 1,    ///< text the call printed on stdout
  kStderr = 2,    ///< text the call printed on stderr
  kCallback = 3,  ///< a call of a std::function argument: its index, then its arguments
  kReturned = 4,  ///< the return value, then every argument passed by non-const reference
  kThrew = 5,     ///< the exception (see put_exception)
};

/// One exercise of a lesson's table.
struct Entry {
  const char* id;                     ///< `week2.sigmoid`
  const void* function;               ///< the function as linked here
  const void* proxy;                  ///< same signature: sends the call away
  void (*serve)(wire::Reader& args);  ///< runner: calls the function, writes reply()
};

/// Adds an entry to the table (at static initialization); returns true.
bool add(const Entry& entry);

/// Judge: sends one request and returns its reply. \throws RunnerFailed.
std::string exchange(const std::string& request);
/// Judge: the runner's answer is not an answer; stops using it. \throws RunnerFailed.
[[noreturn]] void garbled(const std::string& why);
/// Runner: the reply being written for the call being served.
wire::Writer& reply();
/// Runner: moves what the call printed so far into the reply, as kStdout/kStderr events.
void flush_output();
/// Runner: the exception `e` as a kind and its fields.
void put_exception(wire::Writer& w, std::exception_ptr e);
/// Judge: reads what put_exception() wrote and throws it again, as the same type where the
/// judge knows the type.
[[noreturn]] void rethrow(wire::Reader& r);
/// Judge: shows text the call printed, on std::cout or std::cerr as it was printed.
void replay_output(Event event, wire::Reader& r);

template <class T>
struct is_function : std::false_type {};
template <class R, class... A>
struct is_function<std::function<R(A...)>> : std::true_type {};

/// A parameter the function may change and the caller then sees: `T&`, T not const.
template <class A>
inline constexpr bool is_out =
    std::is_lvalue_reference_v<A> && !std::is_const_v<std::remove_reference_t<A>>;

template <class A>
using stored = std::remove_cv_t<std::remove_reference_t<A>>;

template <class A>
void put_argument(wire::Writer& w, const stored<A>& value) {
  if constexpr (is_function<stored<A>>::value)
    wire::put(w, static_cast<bool>(value));
  else
    wire::put(w, value);
}

/// Runner: a std::function argument becomes a recorder of its calls.
template <std::size_t I, class R, class... A>
std::function<R(A...)> get_callback(wire::Reader& r, const std::function<R(A...)>*) {
  static_assert(std::is_void_v<R>, "an exercise's callback must return void");
  if (!wire::get<bool>(r)) return nullptr;
  return [](A... a) {
    flush_output();
    wire::put(reply(), Event::kCallback);
    wire::put(reply(), static_cast<std::uint32_t>(I));
    (wire::put(reply(), static_cast<const stored<A>&>(a)), ...);
  };
}

/// Runner: argument number I, read from the request.
template <std::size_t I, class A>
stored<A> get_argument(wire::Reader& r) {
  if constexpr (is_function<stored<A>>::value)
    return get_callback<I>(r, static_cast<const stored<A>*>(nullptr));
  else
    return wire::get<stored<A>>(r);
}

/// Judge: replays a call of the callback `f` with the arguments read from `r`.
template <class R, class... A>
void replay_callback(const std::function<R(A...)>& f, wire::Reader& r) {
  std::tuple<stored<A>...> args;
  std::apply([&](auto&... a) { (wire::get(r, a), ...); }, args);
  if (!f) throw wire::ProtocolError("a callback that was not passed was called");
  std::apply([&](auto&... a) { f(a...); }, args);
}

template <class Tuple, std::size_t... I>
void replay_callback_at(const Tuple& args, std::uint32_t index, wire::Reader& r,
                        std::index_sequence<I...>) {
  bool found = false;
  (
      [&] {
        using A = std::tuple_element_t<I, Tuple>;
        if constexpr (is_function<stored<A>>::value) {
          if (I == index) {
            found = true;
            replay_callback(std::get<I>(args), r);
          }
        }
      }(),
      ...);
  if (!found) throw wire::ProtocolError("a callback of an argument that is not a function");
}

template <auto F>
struct Remote;

template <class R, class... A, R (*F)(A...)>
struct Remote<F> {
  static inline const char* id = nullptr;

  /// Judge: what calls of F become.
  static R proxy(A... a) {
    wire::Writer w;
    wire::put(w, std::string(id));
    (put_argument<A>(w, a), ...);
    const std::string answer = exchange(w.take());
    try {
      return replay(answer, std::tie(a...));
    } catch (const wire::ProtocolError& e) {
      garbled(e.what());
    }
  }

  /// Runner: reads the arguments, calls F, writes what happened into reply().
  static void serve(wire::Reader& in) { serve_with(in, std::index_sequence_for<A...>{}); }

 private:
  /// Judge: does in place what the answer says the function did.
  template <class Tuple>
  static R replay(const std::string& answer, Tuple args) {
    wire::Reader r(answer);
    for (;;) {
      const auto event = wire::get<Event>(r);
      if (event == Event::kStdout || event == Event::kStderr) {
        replay_output(event, r);
      } else if (event == Event::kCallback) {
        const auto index = wire::get<std::uint32_t>(r);
        replay_callback_at(args, index, r, std::index_sequence_for<A...>{});
      } else if (event == Event::kThrew) {
        rethrow(r);
      } else if (event == Event::kReturned) {
        if constexpr (std::is_void_v<R>) {
          get_outs(r, args, std::index_sequence_for<A...>{});
          finish(r);
          return;
        } else {
          R result = wire::get<stored<R>>(r);
          get_outs(r, args, std::index_sequence_for<A...>{});
          finish(r);
          return result;
        }
      } else {
        throw wire::ProtocolError("an unknown event " + std::to_string(static_cast<int>(event)));
      }
    }
  }

  template <class Tuple, std::size_t... I>
  static void get_outs(wire::Reader& r, Tuple& args, std::index_sequence<I...>) {
    (
        [&] {
          if constexpr (is_out<std::tuple_element_t<I, std::tuple<A...>>>)
            wire::get(r, std::get<I>(args));
        }(),
        ...);
  }

  static void finish(wire::Reader& r) {
    if (!r.done()) throw wire::ProtocolError("the answer has bytes after its end");
  }

  template <std::size_t... I>
  static void serve_with(wire::Reader& in, std::index_sequence<I...>) {
    // Read in order: the elements of a braced list are evaluated left to right.
    std::tuple<stored<A>...> args{get_argument<I, A>(in)...};
    if (!in.done()) throw wire::ProtocolError("the request has bytes after its arguments");
    wire::Writer& out = reply();
    try {
      if constexpr (std::is_void_v<R>) {
        F(pass<A>(std::get<I>(args))...);
        flush_output();
        wire::put(out, Event::kReturned);
      } else {
        const stored<R> result = F(pass<A>(std::get<I>(args))...);
        flush_output();
        wire::put(out, Event::kReturned);
        wire::put(out, result);
      }
      (
          [&] {
            if constexpr (is_out<A>) wire::put(out, std::get<I>(args));
          }(),
          ...);
    } catch (...) {
      flush_output();
      wire::put(out, Event::kThrew);
      put_exception(out, std::current_exception());
    }
  }

  template <class P>
  static decltype(auto) pass(stored<P>& value) {
    if constexpr (std::is_lvalue_reference_v<P>)
      return static_cast<P>(value);
    else
      return std::move(value);
  }
};

template <auto F>
bool register_exercise(const char* id) {
  Remote<F>::id = id;
  return add(Entry{id, reinterpret_cast<const void*>(F),
                   reinterpret_cast<const void*>(&Remote<F>::proxy), &Remote<F>::serve});
}

}  // namespace detail
/// \endcond
}  // namespace dlc::remote

/// \cond DETAIL
#define DLC_REMOTE_CONCAT2(a, b) a##b
#define DLC_REMOTE_CONCAT(a, b) DLC_REMOTE_CONCAT2(a, b)
/// \endcond
/// Makes exercise `id` (a string literal), the function `function`, callable in another process.
#define DLC_REMOTE_EXERCISE(id, function)                                       \
  [[maybe_unused]] static const bool DLC_REMOTE_CONCAT(dlc_remote_, __LINE__) = \
      ::dlc::remote::detail::register_exercise<&function>(id);
