// Tests of lecture C2 3.3, the panda: one epoch as a function of the run's state, the checkpoint
// that holds that state (written whole, read back only when whole and of this network), and the
// resumed run that continues with the very numbers of a run never stopped.
#include <catch2/catch.hpp>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/checkpoint.hpp"
#include "common/files.hpp"
#include "common/random.hpp"
#include "common/training.hpp"
#include "common/wire.hpp"
#include "course2/learning_rate_decay.hpp"
#include "course2/panda.hpp"
#include "tests/support/compare.hpp"

using dlc::CheckpointError;
using dlc::Matrix;
using dlc::RandomState;
using dlc::TempDir;
using dlc::testing::IsClose;
using namespace dlc::course2;
using namespace dlc::course2::panda;

namespace {

const dlc::ToyData& moons() {
  static const dlc::ToyData d = learning_rate_decay::load_dataset();  // X (2, 300), Y (1, 300)
  return d;
}

/// The bytes of a value: two values with the same bytes are the same, bit for bit.
template <class T>
std::string bits(const T& value) {
  return dlc::wire::encode(value);
}

/// True when `a` and `b` are the same bit for bit (every double, every word of a generator).
template <class T>
bool same_bits(const T& a, const T& b) {
  return bits(a) == bits(b);
}

/// One epoch written out here, from the given code and the lecture's Adam formulas, for the
/// comparison: the state's generator, t counting updates, the cost summed then divided by m.
TrainingState reference_epoch(const Matrix& X, const Matrix& Y, TrainingState state) {
  const Settings& o = state.settings;
  RandomState rng(12345);
  rng.set_state(state.rng_state);
  const auto permutation = rng.permutation(X.cols());
  double cost_total = 0.0;
  for (const auto& [mX, mY] : mini_batches_in_order(X, Y, permutation, o.mini_batch_size)) {
    const auto [a3, cache] = forward_propagation(mX, state.parameters);
    cost_total += learning_rate_decay::compute_cost(a3, mY);
    const Gradients g = backward_propagation(mX, mY, cache);
    state.t += 1;
    const double c1 = 1.0 - std::pow(o.beta1, state.t);  // 1 - beta1^t
    const double c2 = 1.0 - std::pow(o.beta2, state.t);  // 1 - beta2^t
    for (std::size_t l = 1; l <= 3; ++l) {
      state.v.dW[l] = o.beta1 * state.v.dW[l] + (1.0 - o.beta1) * g.dW[l];
      state.v.db[l] = o.beta1 * state.v.db[l] + (1.0 - o.beta1) * g.db[l];
      state.s.dW[l] = o.beta2 * state.s.dW[l] + (1.0 - o.beta2) * (g.dW[l] * g.dW[l]);
      state.s.db[l] = o.beta2 * state.s.db[l] + (1.0 - o.beta2) * (g.db[l] * g.db[l]);
      state.parameters.W[l] = state.parameters.W[l] - o.learning_rate * (state.v.dW[l] / c1) /
                                                          (sqrt(state.s.dW[l] / c2) + o.epsilon);
      state.parameters.b[l] = state.parameters.b[l] - o.learning_rate * (state.v.db[l] / c1) /
                                                          (sqrt(state.s.db[l] / c2) + o.epsilon);
    }
  }
  state.costs.push_back(cost_total / static_cast<double>(X.cols()));
  state.rng_state = rng.get_state();
  state.epoch += 1;
  return state;
}

void check_close(const TrainingState& actual, const TrainingState& expected, double tol) {
  REQUIRE(actual.epoch == expected.epoch);
  CHECK(actual.t == expected.t);
  CHECK(same_bits(actual.rng_state, expected.rng_state));
  REQUIRE(actual.costs.size() == expected.costs.size());
  for (std::size_t e = 0; e < expected.costs.size(); ++e) {
    INFO("the average cost of epoch " << e << ": cost_total / m");
    CHECK(dlc::testing::near(actual.costs[e], expected.costs[e], tol));
  }
  for (std::size_t l = 1; l <= 3; ++l) {
    INFO("layer " << l);
    CHECK_THAT(actual.parameters.W[l], IsClose(expected.parameters.W[l], tol, "Adam's W[l]"));
    CHECK_THAT(actual.parameters.b[l], IsClose(expected.parameters.b[l], tol, "Adam's b[l]"));
    CHECK_THAT(actual.v.dW[l], IsClose(expected.v.dW[l], tol, "v = beta1 v + (1 - beta1) dW"));
    CHECK_THAT(actual.s.dW[l], IsClose(expected.s.dW[l], tol, "s = beta2 s + (1 - beta2) dW^2"));
  }
}

/// Runs `train` quietly from `state` to `num_epochs`, saving to `checkpoint` every `every`.
RunResult run(TrainingState state, long num_epochs, const std::string& checkpoint = "",
              long every = 1000) {
  RunOptions options;
  options.num_epochs = num_epochs;
  options.checkpoint = checkpoint;
  options.every = every;
  std::ostringstream out;
  return train(moons().X, moons().Y, std::move(state), options, out);
}

}  // namespace

TEST_CASE("train_epoch: one epoch from the state, its generator, t and Adam's averages",
          "[course2.panda_train_epoch]") {
  const auto& d = moons();
  const TrainingState s0 = start(Settings{});
  const TrainingState s1 = train_epoch(d.X, d.Y, s0);
  // 300 examples in mini-batches of 64: 4 of 64 and one of 44, so 5 updates.
  CHECK(s1.epoch == 1);
  CHECK(s1.t == 5);
  REQUIRE(s1.costs.size() == 1);
  // The generator drew exactly one permutation of 300 from the seeded state.
  RandomState rng(10);
  const auto order = rng.permutation(300);
  CHECK(same_bits(s1.rng_state, rng.get_state()));
  check_close(s1, reference_epoch(d.X, d.Y, s0), 1e-12);
  // The settings are carried as they are.
  CHECK(same_bits(s1.settings, s0.settings));

  // Three more epochs: each draws a new order from where the last left the generator, and t
  // keeps counting across epochs.
  TrainingState actual = s1, expected = reference_epoch(d.X, d.Y, s0);
  for (int e = 0; e < 3; ++e) {
    actual = train_epoch(d.X, d.Y, actual);
    expected = reference_epoch(d.X, d.Y, expected);
  }
  CHECK(actual.t == 20);
  check_close(actual, expected, 1e-12);
  // The orders differ: a generator re-seeded every epoch would repeat the first.
  CHECK(!same_bits(actual.rng_state, s1.rng_state));
}

TEST_CASE("train_epoch: the learning rate and betas of the state's settings",
          "[course2.panda_train_epoch]") {
  const auto& d = moons();
  Settings settings;
  settings.learning_rate = 0.01;
  settings.beta1 = 0.8;
  settings.beta2 = 0.99;
  settings.mini_batch_size = 32;  // 9 of 32 and one of 12: 10 updates
  settings.seed = 7;
  TrainingState state = start(settings);
  TrainingState expected = state;
  for (int e = 0; e < 2; ++e) {
    state = train_epoch(d.X, d.Y, state);
    expected = reference_epoch(d.X, d.Y, expected);
  }
  CHECK(state.t == 20);
  check_close(state, expected, 1e-12);
  // The cost falls over a few epochs at this rate.
  for (int e = 0; e < 8; ++e) state = train_epoch(d.X, d.Y, state);
  CHECK(state.costs.back() < state.costs.front());
}

TEST_CASE("train_epoch: depends on the state alone, so a resumed run continues exactly",
          "[course2.panda_train_epoch]") {
  const auto& d = moons();
  // Epochs 0..5 in one go, and 0..2 then again from a copy of the state after 3: equal.
  TrainingState a = start(Settings{});
  for (int e = 0; e < 6; ++e) a = train_epoch(d.X, d.Y, a);
  TrainingState b = start(Settings{});
  for (int e = 0; e < 3; ++e) b = train_epoch(d.X, d.Y, b);
  const TrainingState saved = dlc::wire::decode<TrainingState>(bits(b));  // through bytes
  TrainingState c = saved;
  for (int e = 0; e < 3; ++e) c = train_epoch(d.X, d.Y, c);
  CHECK(same_bits(c, a));
  // The same state twice gives the same epoch twice: nothing is kept between calls.
  CHECK(same_bits(train_epoch(d.X, d.Y, saved), train_epoch(d.X, d.Y, saved)));
}

TEST_CASE("train_epoch checks its inputs", "[course2.panda_train_epoch]") {
  const auto& d = moons();
  const TrainingState s0 = start(Settings{});
  TrainingState bad = s0;
  bad.v.dW[2] = Matrix(3, 3);
  CHECK_THROWS_AS(train_epoch(d.X, d.Y, bad), dlc::ShapeError);
  CHECK_THROWS_AS(train_epoch(Matrix(1, 300), d.Y, s0), dlc::ShapeError);
  bad = s0;
  bad.settings.learning_rate = -1.0;
  CHECK_THROWS_AS(train_epoch(d.X, d.Y, bad), std::invalid_argument);
  bad = s0;
  bad.rng_state.pos = 625;
  CHECK_THROWS_AS(train_epoch(d.X, d.Y, bad), std::invalid_argument);
}

TEST_CASE("the resume test: N epochs in one run, or K, a checkpoint and a resumed run to N",
          "[given][resume]") {
  const TempDir dir("dlc-panda-test");
  const std::string file = dir.file("run.ckpt");
  const long N = 250, K = 100;
  const RunResult whole = run(start(Settings{}), N);
  REQUIRE(whole.state.epoch == N);
  REQUIRE_FALSE(whole.stopped);

  const RunResult first = run(start(Settings{}), K, file, 50);
  REQUIRE(first.saved);
  const TrainingState loaded = load_checkpoint(file, Settings{}.layers_dims);
  CHECK(loaded.epoch == K);
  CHECK(same_bits(loaded, first.state));  // the checkpoint is the whole state
  const RunResult rest = run(resume(loaded, std::nullopt), N);
  // The same costs and, bit for bit, the same parameters, Adam state and generator.
  CHECK(rest.state.costs == whole.state.costs);
  CHECK(same_bits(rest.state.parameters, whole.state.parameters));
  CHECK(same_bits(rest.state, whole.state));
  // The accuracy is then the same too.
  std::ostringstream a, b;
  CHECK(same_bits(predict(moons().X, moons().Y, rest.state.parameters, a),
                  predict(moons().X, moons().Y, whole.state.parameters, b)));
  CHECK(a.str() == b.str());
}

TEST_CASE("resume: a new learning rate, everything else as saved", "[given][resume]") {
  const RunResult first = run(start(Settings{}), 20);
  const TrainingState same = resume(first.state, std::nullopt);
  CHECK(same_bits(same, first.state));
  const TrainingState lower = resume(first.state, 0.0001);
  CHECK(lower.settings.learning_rate == 0.0001);
  TrainingState expected = first.state;
  expected.settings.learning_rate = 0.0001;
  CHECK(same_bits(lower, expected));
  CHECK_THROWS_AS(resume(first.state, 0.0), std::invalid_argument);
  // Continued with it, the run differs from one that kept 0.0007.
  CHECK(run(lower, 30).state.costs.back() != run(same, 30).state.costs.back());
}

TEST_CASE("train prints the costs, saves every K epochs and stops when asked", "[given]") {
  const TempDir dir("dlc-panda-test");
  const std::string file = dir.file("run.ckpt");
  RunOptions options;
  options.num_epochs = 30;
  options.print_every = 10;
  options.checkpoint = file;
  options.every = 12;
  int asked = 0;
  options.stop_requested = [&asked] { return ++asked == 17; };  // during epoch 16
  std::ostringstream out;
  const RunResult r = train(moons().X, moons().Y, start(Settings{}), options, out);
  CHECK(r.stopped);
  CHECK(r.saved);
  CHECK(r.state.epoch == 17);
  CHECK(out.str() == "Cost after epoch 0: " + dlc::percent_f(r.state.costs[0]) +
                         "\nCost after epoch 10: " + dlc::percent_f(r.state.costs[10]) +
                         "\nCheckpoint saved: " + file +
                         " (12 epochs done)\nCheckpoint saved: " + file + " (17 epochs done)\n");
  CHECK(load_checkpoint(file, {2, 5, 2, 1}).epoch == 17);
  // No temporary file is left beside the checkpoint.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
    (void)entry;
    ++files;
  }
  CHECK(files == 1);
  options.every = 0;
  CHECK_THROWS_AS(train(moons().X, moons().Y, start(Settings{}), options, out),
                  std::invalid_argument);
}

namespace {

std::string read_bytes(const std::string& path) { return dlc::read_file(path).value(); }

void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

/// The message of the CheckpointError that loading `path` throws (empty: none thrown).
std::string refusal(const std::string& path, const LayerDims& layers = {2, 5, 2, 1}) {
  try {
    load_checkpoint(path, layers);
  } catch (const CheckpointError& e) {
    return e.what();
  }
  return "";
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

}  // namespace

TEST_CASE("checkpoint: written whole, read back the same", "[given][checkpoint]") {
  const TempDir dir("dlc-panda-test");
  const std::string file = dir.file("run.ckpt");
  const TrainingState state = run(start(Settings{}), 3).state;
  save_checkpoint(file, state);
  const std::string bytes = read_bytes(file);
  CHECK(bytes.substr(0, 8) == "dlc-ckpt");
  CHECK(same_bits(load_checkpoint(file, {2, 5, 2, 1}), state));
  // A second save replaces the first whole.
  const TrainingState later = run(state, 5).state;
  save_checkpoint(file, later);
  CHECK(load_checkpoint(file, {2, 5, 2, 1}).epoch == 5);
  // A folder that does not exist: refused, naming the file.
  try {
    save_checkpoint(dir.file("nowhere/run.ckpt"), state);
    FAIL("no error");
  } catch (const CheckpointError& e) {
    CHECK(starts_with(e.what(), dir.file("nowhere/run.ckpt") + ": "));
  }
}

TEST_CASE("checkpoint: every refusal names the file and says what is wrong",
          "[given][checkpoint]") {
  const TempDir dir("dlc-panda-test");
  const std::string good = dir.file("good.ckpt");
  save_checkpoint(good, run(start(Settings{}), 2).state);
  const std::string bytes = read_bytes(good);
  const std::string file = dir.file("bad.ckpt");

  SECTION("missing") {
    const std::string message = refusal(dir.file("missing.ckpt"));
    CHECK(message == dir.file("missing.ckpt") + ": no such checkpoint (the file does not exist)");
  }
  SECTION("truncated anywhere") {
    for (const std::size_t size :
         {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{8}, std::size_t{12},
          std::size_t{23}, std::size_t{24}, std::size_t{30}, bytes.size() / 2, bytes.size() - 1}) {
      write_bytes(file, bytes.substr(0, size));
      const std::string message = refusal(file);
      INFO("cut at " << size << " of " << bytes.size() << " bytes: " << message);
      CHECK(starts_with(message, file + ": truncated: " + std::to_string(size) + " bytes"));
    }
  }
  SECTION("a flipped byte") {
    for (const std::size_t at :
         {std::size_t{24}, std::size_t{40}, std::size_t{100}, bytes.size() / 2, bytes.size() - 1}) {
      std::string flipped = bytes;
      flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
      write_bytes(file, flipped);
      INFO("byte " << at);
      CHECK(refusal(file) == file + ": corrupt: its CRC-32 does not match its contents");
    }
    std::string flipped = bytes;
    flipped[20] = static_cast<char>(flipped[20] ^ 1);  // in the CRC itself
    write_bytes(file, flipped);
    CHECK(refusal(file) == file + ": corrupt: its CRC-32 does not match its contents");
  }
  SECTION("bytes after the end") {
    write_bytes(file, bytes + "x");
    CHECK(starts_with(refusal(file), file + ": corrupt: "));
  }
  SECTION("not a checkpoint") {
    write_bytes(file, "Cost after epoch 0: 0.702166\n" + bytes);
    CHECK(refusal(file) == file + ": not a checkpoint (it does not start with \"dlc-ckpt\")");
  }
  SECTION("another version") {
    std::string other = bytes;
    other[8] = 2;
    write_bytes(file, other);
    CHECK(refusal(file) == file + ": a checkpoint of version 2, but this program reads version 1");
  }
  SECTION("another kind of checkpoint") {
    dlc::save_checkpoint(file, "course2.fashion", std::vector<double>{1.0, 2.0});
    CHECK(refusal(file) ==
          file + ": a checkpoint of course2.fashion, not of " + std::string(kCheckpointKind));
  }
  SECTION("another network") {
    Settings wider;
    wider.layers_dims = {2, 10, 2, 1};
    save_checkpoint(file, run(start(wider), 1).state);
    CHECK(refusal(file) == file +
                               ": a checkpoint of the network [2, 10, 2, 1], not of this run's "
                               "[2, 5, 2, 1]");
    CHECK(load_checkpoint(file, {2, 10, 2, 1}).epoch == 1);
  }
  SECTION("a whole file whose state does not hold together") {
    TrainingState odd = run(start(Settings{}), 2).state;
    odd.s.dW[1] = Matrix(1, 1);
    save_checkpoint(file, odd);
    CHECK(starts_with(refusal(file), file + ": an inconsistent checkpoint: "));
    odd = run(start(Settings{}), 2).state;
    odd.costs.pop_back();
    save_checkpoint(file, odd);
    CHECK(starts_with(refusal(file), file + ": an inconsistent checkpoint: "));
  }
  SECTION("a folder") {
    CHECK(refusal(dir.path().string()) == dir.path().string() + ": is a folder, not a checkpoint");
  }
}

TEST_CASE("start: He initialization, zeros, the seeded generator, epoch 0", "[given]") {
  const TrainingState s = start(Settings{});
  CHECK(s.epoch == 0);
  CHECK(s.t == 0);
  CHECK(s.costs.empty());
  CHECK(same_bits(s.parameters, initialization::initialize_parameters_he({2, 5, 2, 1})));
  CHECK(same_bits(s.rng_state, RandomState(10).get_state()));
  CHECK_THAT(s.v.dW[1], IsClose(Matrix(5, 2), 0.0, "v = 0"));
  CHECK_THAT(s.s.db[3], IsClose(Matrix(1, 1), 0.0, "s = 0"));
  Settings bad;
  bad.layers_dims = {2, 5, 1};
  CHECK_THROWS_AS(start(bad), std::invalid_argument);
  bad = Settings{};
  bad.beta2 = 1.0;
  CHECK_THROWS_AS(start(bad), std::invalid_argument);
}

TEST_CASE("mini_batches_in_order: the columns in the order given, cut as random_mini_batches",
          "[given]") {
  Matrix X(2, 5), Y(1, 5);
  for (std::size_t j = 0; j < 5; ++j) {
    X(0, j) = static_cast<double>(j);
    X(1, j) = 10.0 + static_cast<double>(j);
    Y(0, j) = static_cast<double>(j % 2);
  }
  const auto batches = mini_batches_in_order(X, Y, {3, 0, 4, 1, 2}, 2);
  REQUIRE(batches.size() == 3);
  CHECK(batches[0].mini_batch_X(0, 0) == 3.0);
  CHECK(batches[0].mini_batch_X(1, 1) == 10.0);
  CHECK(batches[1].mini_batch_X(0, 0) == 4.0);
  CHECK(batches[2].mini_batch_X.cols() == 1);
  CHECK(batches[2].mini_batch_X(1, 0) == 12.0);
  CHECK(batches[2].mini_batch_Y(0, 0) == 0.0);
  CHECK(batches[0].mini_batch_Y(0, 0) == 1.0);
  CHECK_THROWS_AS(mini_batches_in_order(X, Y, {0, 1, 1, 2, 3}, 2), dlc::ShapeError);
  CHECK_THROWS_AS(mini_batches_in_order(X, Y, {0, 1, 2, 3}, 2), dlc::ShapeError);
  CHECK_THROWS_AS(mini_batches_in_order(X, Y, {0, 1, 2, 3, 4}, 0), std::invalid_argument);
}
