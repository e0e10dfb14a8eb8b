/// \file
/// \brief Lecture C2 3.3's caviar: many trials at once. `dlc tune` plans a search over the moons
/// model's hyperparameters (random, grid or coarse to fine), runs each trial as a process of its
/// own (`course2.tune_trial`) on the cores of one machine, or writes the trials as independent
/// commands for GNU parallel or a Slurm job array, and gathers the trials' result files into one
/// CSV and pictures.
///
/// The folder of a search (`--out DIR`):
///
/// | file | what |
/// | --- | --- |
/// | plan.txt | the settings, then one trial a line: its id and hyperparameters |
/// | results/trial-NNNN.txt | one trial's result, `key: value` lines, written whole or not at all |
/// | results/trial-NNNN.log | what the trial printed |
/// | commands.txt, tune.sbatch | with `--emit`: one command a trial, and a Slurm array script |
/// | results.csv, accuracy_vs_NAME.png | the trials gathered, and the score against each one |

#include <sched.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "apps/cli/programs.hpp"
#include "apps/lessons/runner.hpp"
#include "apps/lessons/shared.hpp"
#include "common/checkpoint.hpp"
#include "common/matrix.hpp"
#include "common/plot.hpp"
#include "common/process.hpp"
#include "common/random.hpp"
#include "common/training.hpp"
#include "course2/learning_rate_decay.hpp"
#include "course2/tuning.hpp"

namespace dlc::runner {

namespace {

namespace decay = course2::learning_rate_decay;
namespace tuning = course2::tuning;
namespace fs = std::filesystem;

/// The exit code of a search stopped by Ctrl-C: 128 + SIGINT, as a shell reports it.
constexpr int kExitInterrupted = 130;

/// The hyperparameters a search may vary, in the order their columns are written.
const std::vector<std::string> kHyperparameters = {"learning_rate", "beta1", "beta2", "epsilon",
                                                   "mini_batch_size"};

/// `learning_rate` as its option, `--learning-rate`.
std::string option_of(const std::string& name) {
  std::string option = "--" + name;
  std::replace(option.begin(), option.end(), '_', '-');
  return option;
}

// ---- the search space ---------------------------------------------------------------------------

/// The scale a hyperparameter is searched on.
enum class Scale {
  kLinear,       ///< low + (high - low) u
  kLog,          ///< 10^r, r uniform between log10(low) and log10(high) (sample_log_uniform)
  kOneMinusLog,  ///< 1 - 10^r, r uniform between log10(1 - low) and log10(1 - high) (sample_beta)
  kLog2,         ///< on the log scale, then rounded to a power of 2 (a mini-batch size)
};

const std::map<std::string, Scale> kScales = {{"linear", Scale::kLinear},
                                              {"log", Scale::kLog},
                                              {"one_minus_log", Scale::kOneMinusLog},
                                              {"log2", Scale::kLog2}};

std::string scale_name(Scale scale) {
  for (const auto& [name, s] : kScales)
    if (s == scale) return name;
  return "?";
}

/// Whether the scale's pictures use a log axis.
bool log_axis(Scale scale) { return scale != Scale::kLinear; }

/// One hyperparameter of a search: its name, scale and range.
struct Dimension {
  std::string name;
  Scale scale = Scale::kLinear;
  double low = 0.0;
  double high = 1.0;
};

using Space = std::vector<Dimension>;

/// The space as `--space` takes it inline: `learning_rate=log:0.0001:0.1,beta1=...`.
std::string space_text(const Space& space) {
  std::string text;
  for (const Dimension& d : space) {
    text += (text.empty() ? "" : ",") + d.name + "=" + scale_name(d.scale) + ":" + plain(d.low) +
            ":" + plain(d.high);
  }
  return text;
}

/// Reads and checks one hyperparameter's `name scale low high`.
Dimension parse_dimension(const std::vector<std::string>& words, const std::string& where) {
  const std::string prefix = "--space: " + where;
  if (words.size() != 4) {
    throw cli::UsageError(prefix + "is not 'name scale low high' (inline: name=scale:low:high)");
  }
  Dimension d;
  d.name = words[0];
  if (std::find(kHyperparameters.begin(), kHyperparameters.end(), d.name) ==
      kHyperparameters.end()) {
    throw cli::UsageError(prefix + "unknown hyperparameter '" + d.name +
                          "'; the moons model has learning_rate, beta1, beta2, epsilon and "
                          "mini_batch_size");
  }
  const auto scale = kScales.find(words[1]);
  if (scale == kScales.end()) {
    throw cli::UsageError(prefix + "unknown scale '" + words[1] + "' for " + d.name +
                          "; the scales are linear, log, one_minus_log and log2");
  }
  d.scale = scale->second;
  d.low = cli::parse_real("--space", words[2]);
  d.high = cli::parse_real("--space", words[3]);
  const std::string range = "[" + words[2] + ", " + words[3] + "]";
  if (!(d.low < d.high)) {
    throw cli::UsageError(prefix + d.name + "'s range " + range + " is " +
                          (d.low == d.high ? "empty" : "reversed") + ": low must be below high");
  }
  if ((d.scale == Scale::kLog || d.scale == Scale::kLog2) && d.low <= 0.0) {
    throw cli::UsageError(prefix + d.name + "'s range " + range + " includes 0 (or less) but " +
                          words[1] + " is a log scale: its low end must be above 0");
  }
  if (d.scale == Scale::kOneMinusLog && (d.low < 0.0 || d.high >= 1.0)) {
    throw cli::UsageError(prefix + d.name + "'s range " + range +
                          " is not inside [0, 1): one_minus_log puts 1 - value on a log scale");
  }
  if (d.name == "mini_batch_size" && d.low < 1.0) {
    throw cli::UsageError(prefix + "mini_batch_size's range " + range + " starts below 1");
  }
  if (d.scale == Scale::kLog2 &&
      std::ceil(std::log2(d.low) - 1e-12) > std::floor(std::log2(d.high) + 1e-12)) {
    throw cli::UsageError(prefix + d.name + "'s range " + range + " holds no power of 2");
  }
  if (d.scale == Scale::kLog2 && d.name != "mini_batch_size") {
    throw cli::UsageError(prefix + "log2 rounds to a power of 2: it is for mini_batch_size, not " +
                          d.name);
  }
  return d;
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, separator);) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.push_back("");
  return parts;
}

/// \brief `--space SPEC`: a file of lines `name scale low high` (blank lines and `#` comments
/// skipped), or inline `name=scale:low:high,...` (when SPEC holds a `=`).
/// \throws cli::UsageError with one line naming what is wrong.
Space parse_space(const std::string& spec) {
  Space space;
  const auto add = [&space](const Dimension& d) {
    for (const Dimension& e : space)
      if (e.name == d.name) throw cli::UsageError("--space: " + d.name + " is given twice");
    space.push_back(d);
  };
  if (spec.find('=') != std::string::npos) {
    for (const std::string& item : split(spec, ',')) {
      const auto equals = item.find('=');
      if (equals == std::string::npos) {
        throw cli::UsageError("--space: '" + item + "' is not name=scale:low:high");
      }
      std::vector<std::string> words = {item.substr(0, equals)};
      for (const std::string& w : split(item.substr(equals + 1), ':')) words.push_back(w);
      add(parse_dimension(words, "'" + item + "': "));
    }
  } else {
    std::ifstream in(spec);
    if (!in) {
      throw cli::UsageError("--space: cannot read the file '" + spec +
                            "' (inline, the space is name=scale:low:high,...)");
    }
    int number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      line = line.substr(0, line.find('#'));
      std::stringstream words_in(line);
      std::vector<std::string> words;
      for (std::string w; words_in >> w;) words.push_back(w);
      if (words.empty()) continue;
      add(parse_dimension(words, spec + " line " + std::to_string(number) + ": "));
    }
  }
  if (space.empty()) throw cli::UsageError("--space: '" + spec + "' names no hyperparameter");
  return space;
}

/// A mini-batch size's value made whole: a power of 2 inside the range on the log2 scale (the
/// nearest one), the nearest whole number otherwise.
double whole_size(const Dimension& d, double x) {
  if (d.scale != Scale::kLog2) return std::max(1.0, std::round(x));
  const double lowest = std::ceil(std::log2(d.low) - 1e-12);
  const double highest = std::floor(std::log2(d.high) + 1e-12);
  double exponent = std::round(std::log2(x));
  if (lowest <= highest) exponent = std::clamp(exponent, lowest, highest);
  return std::max(1.0, std::exp2(exponent));
}

/// The values of `d` for the uniform draws `u` (1, n), each on its scale: the tuning lesson's
/// samplers.
std::vector<double> sample(const Dimension& d, const Matrix& u) {
  Matrix values;
  switch (d.scale) {
    case Scale::kLinear:
      values = d.low + (d.high - d.low) * u;  // low + (high - low) u
      break;
    case Scale::kLog:
    case Scale::kLog2:
      values = tuning::sample_log_uniform(d.low, d.high, u);  // 10^r
      break;
    case Scale::kOneMinusLog:
      values = tuning::sample_beta(d.low, d.high, u);  // 1 - 10^r
      break;
  }
  check_result(d.scale == Scale::kOneMinusLog ? "sample_beta" : "sample_log_uniform", "its result",
               values, u.shape());
  std::vector<double> out;
  for (std::size_t j = 0; j < values.cols(); ++j) {
    out.push_back(d.name == "mini_batch_size" ? whole_size(d, values(0, j)) : values(0, j));
  }
  return out;
}

/// `count` values of `d` evenly spaced on its scale, ends included.
std::vector<double> grid_values(const Dimension& d, int count) {
  std::vector<double> out;
  for (int i = 0; i < count; ++i) {
    const double t = static_cast<double>(i) / (count - 1);
    double x = 0.0;
    switch (d.scale) {
      case Scale::kLinear:
        x = d.low + (d.high - d.low) * t;
        break;
      case Scale::kLog:
      case Scale::kLog2:
        x = std::pow(10.0, std::log10(d.low) + (std::log10(d.high) - std::log10(d.low)) * t);
        break;
      case Scale::kOneMinusLog:
        x = 1.0 - std::pow(10.0, std::log10(1.0 - d.low) +
                                     (std::log10(1.0 - d.high) - std::log10(1.0 - d.low)) * t);
        break;
    }
    out.push_back(d.name == "mini_batch_size" ? whole_size(d, x) : x);
  }
  return out;
}

// ---- the plan ------------------------------------------------------------------------------------

/// One trial of a plan: its id and a value for each hyperparameter of the space, in its order.
struct PlannedTrial {
  int id = 0;
  std::vector<double> values;
};

/// A search's settings, from the command line or read back from plan.txt.
struct Settings {
  std::string search = "random";
  Space space;
  int trials = 0;  ///< per round for coarse-to-fine
  std::uint32_t seed = 1;
  int epochs = 0;
};

/// The share of round 1's trials around which coarse-to-fine zooms.
constexpr double kKeep = 0.25;

/// A value as the plan and the commands write it: a mini-batch size whole, a real number as
/// Python's repr.
std::string value_text(const std::string& name, double x) {
  if (name == "mini_batch_size") return std::to_string(static_cast<long>(x));
  return python_repr(x);
}

/// The plan's header: everything the trials of round 1 follow from.
std::string plan_header(const Settings& s) {
  std::string header =
      "# dlc tune's plan: the settings, then one trial a line (its id and hyperparameters)\n";
  header += "search: " + s.search + "\n";
  header += "space: " + space_text(s.space) + "\n";
  header += "trials: " + std::to_string(s.trials) + "\n";
  header += "seed: " + std::to_string(s.seed) + "\n";
  header += "epochs: " + std::to_string(s.epochs) + "\n";
  header += "trial";
  for (const Dimension& d : s.space) header += " " + d.name;
  return header + "\n";
}

std::string trial_lines(const Space& space, const std::vector<PlannedTrial>& trials) {
  std::string text;
  for (const PlannedTrial& t : trials) {
    text += std::to_string(t.id);
    for (std::size_t k = 0; k < space.size(); ++k)
      text += " " + value_text(space[k].name, t.values[k]);
    text += "\n";
  }
  return text;
}

/// Round 1 of a search (for random and grid search, the whole of it), ids from 0.
std::vector<PlannedTrial> first_round(const Settings& s) {
  std::vector<PlannedTrial> trials;
  const std::size_t dims = s.space.size();
  if (s.search == "grid") {
    int per_axis = static_cast<int>(std::floor(std::pow(s.trials, 1.0 / dims) + 1e-9));
    if (per_axis < 2) {
      throw cli::UsageError("--search grid over " + std::to_string(dims) + " hyperparameter" +
                            (dims == 1 ? "" : "s") + " needs at least " +
                            std::to_string(static_cast<long>(std::pow(2, dims))) +
                            " trials (2 values each), not " + std::to_string(s.trials));
    }
    std::vector<std::vector<double>> axes;
    for (const Dimension& d : s.space) axes.push_back(grid_values(d, per_axis));
    std::size_t total = 1;
    for (std::size_t k = 0; k < dims; ++k) total *= static_cast<std::size_t>(per_axis);
    for (std::size_t i = 0; i < total; ++i) {
      PlannedTrial t{static_cast<int>(i), std::vector<double>(dims)};
      std::size_t rest = i;
      for (std::size_t k = dims; k-- > 0;) {  // the first hyperparameter varies slowest
        t.values[k] = axes[k][rest % static_cast<std::size_t>(per_axis)];
        rest /= static_cast<std::size_t>(per_axis);
      }
      trials.push_back(t);
    }
    return trials;
  }
  RandomState rng(s.seed);
  const Matrix u = rng.rand(dims, static_cast<std::size_t>(s.trials));  // np.random.rand(d, n)
  trials.resize(static_cast<std::size_t>(s.trials));
  for (std::size_t j = 0; j < trials.size(); ++j) {
    trials[j].id = static_cast<int>(j);
    trials[j].values.resize(dims);
  }
  for (std::size_t k = 0; k < dims; ++k) {
    Matrix row(1, trials.size());  // the draws of hyperparameter k: u[k, :]
    for (std::size_t j = 0; j < trials.size(); ++j) row(0, j) = u(k, j);
    const std::vector<double> values = sample(s.space[k], row);
    for (std::size_t j = 0; j < trials.size(); ++j) trials[j].values[k] = values[j];
  }
  return trials;
}

/// One hyperparameter as an axis of the tuning lesson's Box: a log scale in log10, a beta as
/// 1 - beta in log10.
tuning::Axis axis_of(const Dimension& d) {
  if (d.scale == Scale::kOneMinusLog) return {1.0 - d.high, 1.0 - d.low, true};
  return {d.low, d.high, d.scale != Scale::kLinear};
}
double axis_value(const Dimension& d, double x) {
  return d.scale == Scale::kOneMinusLog ? 1.0 - x : x;
}
Dimension from_axis(const Dimension& d, const tuning::Axis& a) {
  Dimension z = d;
  if (d.scale == Scale::kOneMinusLog) {
    z.low = 1.0 - a.high;
    z.high = 1.0 - a.low;
  } else {
    z.low = a.low;
    z.high = a.high;
  }
  return z;
}

/// Coarse-to-fine's round 2: the box around round 1's best trials (zoom_box), and as many
/// random trials there (seed + 1), ids after round 1's.
std::pair<Space, std::vector<PlannedTrial>> second_round(const Settings& s,
                                                         const std::vector<PlannedTrial>& round1,
                                                         const std::vector<double>& scores) {
  const tuning::Box box{axis_of(s.space[0]), axis_of(s.space[1])};
  Matrix points(2, round1.size()), score(1, round1.size());
  for (std::size_t j = 0; j < round1.size(); ++j) {
    points(0, j) = axis_value(s.space[0], round1[j].values[0]);
    points(1, j) = axis_value(s.space[1], round1[j].values[1]);
    score(0, j) = scores[j];
  }
  const tuning::Box fine = tuning::zoom(box, points, score, kKeep);
  const Space zoomed = {from_axis(s.space[0], fine.x), from_axis(s.space[1], fine.y)};
  Settings round2 = s;
  round2.space = zoomed;
  round2.seed = s.seed + 1;
  std::vector<PlannedTrial> trials = first_round(round2);
  for (PlannedTrial& t : trials) t.id += static_cast<int>(round1.size());
  return {zoomed, trials};
}

/// What plan.txt holds: its settings, round 1's text, and the trials of every round written.
struct Plan {
  Settings settings;
  std::string round1_text;  ///< the header and round 1's lines, exactly
  std::vector<PlannedTrial> trials;
  bool has_round2 = false;
  std::string round2_space;  ///< coarse-to-fine: round 2's box, as written
};

const char* const kRound2Mark = "round 2: ";

/// Reads DIR/plan.txt (nullopt when there is none).
/// \throws std::runtime_error naming the file when it is not a plan.
std::optional<Plan> read_plan(const fs::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  Plan plan;
  std::map<std::string, std::string> keys;
  bool in_round2 = false;
  const auto bad = [&file](const std::string& what) {
    return std::runtime_error(file.string() + " is not a plan of dlc tune: " + what +
                              "; delete the folder or choose another --out");
  };
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(kRound2Mark, 0) == 0) {
      in_round2 = true;
      plan.has_round2 = true;
      plan.round2_space = line.substr(std::strlen(kRound2Mark));
      continue;
    }
    if (!in_round2) plan.round1_text += line + "\n";
    if (line.empty() || line[0] == '#' || line.rfind("trial ", 0) == 0) continue;
    if (std::isdigit(static_cast<unsigned char>(line[0]))) {
      std::stringstream words(line);
      PlannedTrial t;
      words >> t.id;
      for (double x; words >> x;) t.values.push_back(x);
      plan.trials.push_back(t);
      continue;
    }
    const auto colon = line.find(": ");
    if (colon == std::string::npos) throw bad("the line '" + line + "'");
    keys[line.substr(0, colon)] = line.substr(colon + 2);
  }
  for (const char* key : {"search", "space", "trials", "seed", "epochs"})
    if (keys.count(key) == 0) throw bad(std::string("no line '") + key + ": ...'");
  try {
    plan.settings.search = keys["search"];
    plan.settings.space = parse_space(keys["space"]);
    plan.settings.trials = static_cast<int>(cli::parse_integer("trials", keys["trials"]));
    plan.settings.seed = static_cast<std::uint32_t>(cli::parse_integer("seed", keys["seed"]));
    plan.settings.epochs = static_cast<int>(cli::parse_integer("epochs", keys["epochs"]));
  } catch (const cli::UsageError& e) {
    throw bad(e.what());
  }
  for (std::size_t j = 0; j < plan.trials.size(); ++j) {
    if (plan.trials[j].id != static_cast<int>(j) ||
        plan.trials[j].values.size() != plan.settings.space.size())
      throw bad("its trial lines are not numbered 0, 1, 2 ... with a value per hyperparameter");
  }
  return plan;
}

// ---- the results ---------------------------------------------------------------------------------

/// One trial's result as its file says.
struct Result {
  std::string status;  ///< ok, diverged, crashed, killed (read); missing, corrupt (collected)
  double accuracy = std::nan("");
  double cost = std::nan("");
  double seconds = std::nan("");
  std::string detail;  ///< crashed, killed: how it ended; diverged: when
};

fs::path result_path(const fs::path& dir, int id) {
  char name[32];
  std::snprintf(name, sizeof name, "trial-%04d", id);
  return dir / "results" / (std::string(name) + ".txt");
}
fs::path log_path(const fs::path& dir, int id) {
  return fs::path(result_path(dir, id)).replace_extension(".log");
}

/// Reads a result file. nullopt and `problem` empty: there is none; nullopt and `problem` set:
/// it is not a whole result of this trial (what is wrong).
std::optional<Result> read_result(const fs::path& file, const PlannedTrial& trial,
                                  const Space& space, std::string& problem) {
  problem.clear();
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::map<std::string, std::string> keys;
  for (std::string line; std::getline(in, line);) {
    const auto colon = line.find(": ");
    if (colon == std::string::npos) {
      problem = "the line '" + line.substr(0, 40) + "' is not 'key: value'";
      return std::nullopt;
    }
    keys[line.substr(0, colon)] = line.substr(colon + 2);
  }
  const auto number = [&](const std::string& key, double& x) {
    if (keys.count(key) == 0) {
      problem = "no '" + key + ":' line";
      return false;
    }
    char* end = nullptr;
    x = std::strtod(keys[key].c_str(), &end);
    if (keys[key].empty() || *end != '\0') {
      problem = key + " '" + keys[key] + "' is not a number";
      return false;
    }
    return true;
  };
  Result r;
  double id = 0;
  if (!number("trial", id)) return std::nullopt;
  if (id != trial.id) {
    problem = "it is the result of trial " + keys["trial"];
    return std::nullopt;
  }
  r.status = keys.count("status") ? keys["status"] : "";
  const std::set<std::string> statuses = {"ok", "diverged", "crashed", "killed"};
  if (statuses.count(r.status) == 0) {
    problem = "status '" + r.status + "' is not ok, diverged, crashed or killed";
    return std::nullopt;
  }
  for (std::size_t k = 0; k < space.size(); ++k) {
    double x = 0;
    if (!number(space[k].name, x)) return std::nullopt;
    if (value_text(space[k].name, x) != value_text(space[k].name, trial.values[k])) {
      problem = space[k].name + " is " + keys[space[k].name] + ", not the plan's " +
                value_text(space[k].name, trial.values[k]);
      return std::nullopt;
    }
  }
  if (r.status == "ok") {
    if (!number("accuracy", r.accuracy) || !number("cost", r.cost) || !number("seconds", r.seconds))
      return std::nullopt;
    if (!(r.accuracy >= 0.0 && r.accuracy <= 1.0)) {
      problem = "accuracy " + keys["accuracy"] + " is not in [0, 1]";
      return std::nullopt;
    }
  } else {
    if (keys.count("seconds")) number("seconds", r.seconds);
    if (keys.count("cost")) number("cost", r.cost);
    problem.clear();
    r.detail = keys.count("detail") ? keys["detail"] : "";
  }
  return r;
}

/// A result file's text.
std::string result_text(const PlannedTrial& trial, const Space& space, const Result& r) {
  std::string text = "trial: " + std::to_string(trial.id) + "\nstatus: " + r.status + "\n";
  if (r.status == "ok") text += "accuracy: " + python_repr(r.accuracy) + "\n";
  if (!std::isnan(r.cost)) text += "cost: " + python_repr(r.cost) + "\n";
  if (!std::isnan(r.seconds)) text += "seconds: " + python_repr(r.seconds) + "\n";
  if (!r.detail.empty()) text += "detail: " + r.detail + "\n";
  for (std::size_t k = 0; k < space.size(); ++k)
    text += space[k].name + ": " + value_text(space[k].name, trial.values[k]) + "\n";
  return text;
}

// ---- the trial program ----------------------------------------------------------------------------

/// `dlc run course2.tune_trial`: one trial, its result written to --result.
int tune_trial(const cli::Arguments& args, const RunContext&) {
  decay::ModelOptions o;
  o.optimizer = "adam";
  o.print_cost = false;
  o.learning_rate = args.real("--learning-rate");
  o.beta1 = args.real("--beta1");
  o.beta2 = args.real("--beta2");
  o.epsilon = args.real("--epsilon");
  o.mini_batch_size = static_cast<int>(args.integer("--mini-batch-size"));
  o.num_epochs = static_cast<int>(args.integer("--epochs"));
  const std::string file = args.text("--result");
  const ToyData d = decay::load_dataset();

  Space space;
  PlannedTrial trial{static_cast<int>(args.integer("--trial")), {}};
  for (const std::string& name : kHyperparameters) {
    space.push_back(Dimension{name, Scale::kLinear, 0, 1});
    trial.values.push_back(name == "mini_batch_size" ? static_cast<double>(o.mini_batch_size)
                                                     : args.real(option_of(name)));
  }
  Result r;
  const auto start = std::chrono::steady_clock::now();
  try {
    const decay::Trained trained = decay::train_model(d.X, d.Y, o, std::cout);
    const Matrix a3 = course2::forward_propagation(d.X, trained.parameters).a3;
    r.status = "ok";
    r.accuracy = mean(equal(course2::predict_dec(trained.parameters, d.X), d.Y));
    r.cost = decay::compute_cost(a3, d.Y) / static_cast<double>(d.Y.cols());  // J = 1/m sum L
  } catch (const TrainingDiverged& e) {
    r.status = "diverged";
    r.cost = e.cost();
    r.detail =
        "the cost is " + python_repr(e.cost()) + " at epoch " + std::to_string(e.iteration());
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  r.seconds = std::round(took.count() * 1000.0) / 1000.0;
  write_file_atomically(file, result_text(trial, space, r));
  std::cout << "trial " << trial.id << ": " << r.status;
  if (r.status == "ok") std::cout << ", accuracy " << python_repr(r.accuracy);
  std::cout << " (" << python_repr(r.seconds) << " s)\n";
  return cli::kExitOk;
}

cli::ProgramSpec tune_trial_spec() {
  cli::ProgramSpec p;
  p.name = "course2.tune_trial";
  p.lecture = "C2 3.3";
  p.summary = "one trial of dlc tune: the moons model with Adam, its result written to a file";
  p.options = {
      cli::number_option("--learning-rate", cli::Kind::kReal, "X", "0.0007", cli::Bound::kPositive,
                         "the learning rate alpha"),
      cli::number_option("--mini-batch-size", cli::Kind::kInteger, "N", "64", cli::Bound::kPositive,
                         "examples per mini-batch", 1000000),
      cli::number_option("--epochs", cli::Kind::kInteger, "N", "5000", cli::Bound::kNonNegative,
                         "passes over the 300 examples", 1000000),
      cli::text_option("--result", "FILE", "",
                       "where the result goes (written whole or not at all)"),
      cli::number_option("--trial", cli::Kind::kInteger, "ID", "0", cli::Bound::kNonNegative,
                         "the trial's id, written in the result"),
  };
  for (auto& o : cli::adam_options()) p.options.push_back(std::move(o));
  p.validate = [](const cli::Arguments& args) {
    if (!args.given("--result")) throw cli::UsageError("--result FILE is required");
  };
  p.details = {
      "One trial of 'dlc tune': trains the optimization notebook's moons model ([2, 5, 2, 1], "
      "Adam, He initialization) with the hyperparameters given and writes its result to --result "
      "FILE, whole or not at all: 'key: value' lines with trial, status (ok, or diverged when the "
      "cost stops being finite: a result, not a failure), accuracy on the 300 training "
      "examples, the final cost on them, seconds, and each hyperparameter.",
  };
  return p;
}
DLC_PROGRAM(tune_trial_spec, tune_trial);

// ---- running trials ------------------------------------------------------------------------------

/// The path of this runner, which the trials run too.
std::string own_executable() {
  std::vector<char> buf(4096);
  const ssize_t n = ::readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  if (n <= 0) throw std::runtime_error("cannot find this program's own path in /proc/self/exe");
  return std::string(buf.data(), static_cast<std::size_t>(n));
}

/// A trial's command line: the runner, the trial program and its options.
std::vector<std::string> trial_argv(const std::string& runner, const fs::path& dir,
                                    const Settings& s, const PlannedTrial& t) {
  std::vector<std::string> argv = {
      runner,     "course2.tune_trial",     "--trial",  std::to_string(t.id),
      "--epochs", std::to_string(s.epochs), "--result", result_path(dir, t.id).string()};
  for (std::size_t k = 0; k < s.space.size(); ++k) {
    argv.push_back(option_of(s.space[k].name));
    argv.push_back(value_text(s.space[k].name, t.values[k]));
  }
  return argv;
}

/// A word as the shell reads it back: as it is when it is plain, else in single quotes.
std::string shell_quote(const std::string& word) {
  const bool plain_word =
      !word.empty() && word.find_first_not_of(
                           "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                           "0123456789_./:=+-,@%") == std::string::npos;
  if (plain_word) return word;
  std::string quoted = "'";
  for (char c : word) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

/// Set by SIGINT and SIGTERM: 1 asks the search to stop after the trials in progress, 2 to kill
/// them.
volatile std::sig_atomic_t g_interrupts = 0;

extern "C" void count_interrupt(int) { g_interrupts = g_interrupts + 1; }

/// Without SA_RESTART, so that waitpid() returns at once with EINTR.
void count_interrupts() {
  struct sigaction action {};
  action.sa_handler = count_interrupt;
  ::sigemptyset(&action.sa_mask);
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
}

/// Starts one trial in a process group of its own (so that Ctrl-C reaches the search alone), its
/// output to its log.
pid_t start_trial(const std::vector<std::string>& argv, const fs::path& log) {
  const pid_t pid = ::fork();
  if (pid < 0)
    throw std::runtime_error(std::string("cannot start a trial: ") + std::strerror(errno));
  if (pid == 0) {
    ::setpgid(0, 0);
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    std::FILE* out = std::fopen(log.c_str(), "w");
    std::FILE* in = std::fopen("/dev/null", "r");
    if (out != nullptr) {
      ::dup2(::fileno(out), 1);
      ::dup2(::fileno(out), 2);
    }
    if (in != nullptr) ::dup2(::fileno(in), 0);
    ::setenv("OPENBLAS_NUM_THREADS", "1", 1);
    std::vector<char*> words;
    for (const std::string& w : argv) words.push_back(const_cast<char*>(w.c_str()));
    words.push_back(nullptr);
    ::execv(words[0], words.data());
    std::fprintf(stderr, "cannot run %s: %s\n", words[0], std::strerror(errno));
    ::_exit(127);
  }
  ::setpgid(pid, pid);
  return pid;
}

/// The last line a trial printed (for the record of a crash).
std::string last_line(const fs::path& log) {
  std::ifstream in(log);
  std::string last;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) last = line;
  return last.substr(0, 200);
}

/// Counts and prints what a folder's results hold, writes results.csv and the pictures.
/// Returns the number of trials that ended ok.
int collect(const fs::path& dir, const Plan& plan, bool pictures);

/// The outcome of a trial process that ended with `status` (waitpid's): its own result, or one
/// written here saying how it ended.
Result record_trial(const fs::path& dir, const Settings& s, const PlannedTrial& t, int status,
                    double seconds) {
  std::string problem;
  if (auto r = read_result(result_path(dir, t.id), t, s.space, problem)) return *r;
  Result r;
  r.seconds = std::round(seconds * 1000.0) / 1000.0;
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const bool killed = sig == SIGKILL || sig == SIGTERM || sig == SIGINT || sig == SIGHUP;
    r.status = killed ? "killed" : "crashed";
    r.detail = "signal " + std::to_string(sig) + " (" + signal_description(sig) + ")";
  } else {
    r.status = "crashed";
    r.detail = "exit code " + std::to_string(WEXITSTATUS(status));
    const std::string why = last_line(log_path(dir, t.id));
    if (!why.empty()) r.detail += ": " + why;
  }
  if (!problem.empty()) r.detail += "; its result file: " + problem;
  write_file_atomically(result_path(dir, t.id).string(), result_text(t, s.space, r));
  return r;
}

/// Runs `trials` at most `jobs` at a time. Returns false when Ctrl-C stopped it.
bool run_trials(const fs::path& dir, const Settings& s, const std::vector<PlannedTrial>& trials,
                int jobs) {
  const std::string runner = own_executable();
  struct Running {
    const PlannedTrial* trial;
    std::chrono::steady_clock::time_point start;
  };
  std::map<pid_t, Running> running;
  std::size_t next = 0;
  std::size_t done = 0;
  bool told = false;
  while (next < trials.size() || !running.empty()) {
    while (g_interrupts == 0 && next < trials.size() && static_cast<int>(running.size()) < jobs) {
      const PlannedTrial& t = trials[next++];
      const pid_t pid = start_trial(trial_argv(runner, dir, s, t), log_path(dir, t.id));
      running[pid] = Running{&t, std::chrono::steady_clock::now()};
    }
    if (running.empty()) break;
    if (g_interrupts > 0 && !told) {
      told = true;
      std::cout << "\nStopping: waiting for the " << running.size()
                << " trials in progress (Ctrl-C again kills them)" << std::endl;
    }
    if (g_interrupts > 1) {
      for (const auto& [pid, r] : running) ::kill(-pid, SIGKILL);
      for (const auto& [pid, r] : running) {
        ::waitpid(pid, nullptr, 0);
        ::unlink(result_path(dir, r.trial->id).c_str());  // a killed trial is run again
      }
      std::cout << "Killed the " << running.size() << " trials in progress" << std::endl;
      running.clear();
      break;
    }
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("waitpid: ") + std::strerror(errno));
    }
    const auto it = running.find(pid);
    if (it == running.end()) continue;
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - it->second.start;
    const PlannedTrial& t = *it->second.trial;
    running.erase(it);
    const Result r = record_trial(dir, s, t, status, took.count());
    ++done;
    std::cout << "[" << done << "/" << trials.size() << "] trial " << t.id << ": " << r.status;
    if (r.status == "ok") std::cout << ", accuracy " << python_repr(r.accuracy);
    if (!r.detail.empty()) std::cout << " (" << r.detail << ")";
    std::cout << std::endl;
  }
  return g_interrupts == 0;
}

// ---- the search program --------------------------------------------------------------------------

/// The trials of `plan` with no whole result in `dir`; reports on stderr the result files that
/// are not whole.
std::vector<PlannedTrial> trials_to_run(const fs::path& dir, const Plan& plan,
                                        const std::vector<PlannedTrial>& trials) {
  std::vector<PlannedTrial> todo;
  for (const PlannedTrial& t : trials) {
    std::string problem;
    if (read_result(result_path(dir, t.id), t, plan.settings.space, problem)) continue;
    if (!problem.empty()) {
      std::cerr << "dlc tune: " << result_path(dir, t.id).string() << " is not a whole result ("
                << problem << "): trial " << t.id << " runs again\n";
    }
    todo.push_back(t);
  }
  return todo;
}

/// Each trial's score for coarse-to-fine's zoom: its accuracy, 0 unless it ended ok.
std::vector<double> scores_of(const fs::path& dir, const Plan& plan,
                              const std::vector<PlannedTrial>& trials) {
  std::vector<double> scores;
  for (const PlannedTrial& t : trials) {
    std::string problem;
    const auto r = read_result(result_path(dir, t.id), t, plan.settings.space, problem);
    scores.push_back(r && r->status == "ok" ? r->accuracy : 0.0);
  }
  return scores;
}

std::string plan_text(const Plan& plan) {
  std::string text = plan.round1_text;
  if (plan.has_round2) {
    const int n = plan.settings.trials;
    text += kRound2Mark + plan.round2_space + "\n";
    text += trial_lines(plan.settings.space,
                        std::vector<PlannedTrial>(plan.trials.begin() + n, plan.trials.end()));
  }
  return text;
}

/// Adds coarse-to-fine's round 2 to the plan once round 1 has its results (and writes it).
void plan_round2(const fs::path& dir, Plan& plan) {
  const std::vector<PlannedTrial> round1(plan.trials.begin(),
                                         plan.trials.begin() + plan.settings.trials);
  auto [zoomed, trials] = second_round(plan.settings, round1, scores_of(dir, plan, round1));
  plan.has_round2 = true;
  plan.round2_space = space_text(zoomed);
  plan.trials.insert(plan.trials.end(), trials.begin(), trials.end());
  write_file_atomically((dir / "plan.txt").string(), plan_text(plan));
  std::cout << "Round 2 zooms to " << plan.round2_space << " (around the best "
            << plain(100 * kKeep) << " % of round 1's trials)" << std::endl;
}

/// Whether every trial of `trials` has a whole result.
bool all_done(const fs::path& dir, const Plan& plan, const std::vector<PlannedTrial>& trials) {
  for (const PlannedTrial& t : trials) {
    std::string problem;
    if (!read_result(result_path(dir, t.id), t, plan.settings.space, problem)) return false;
  }
  return true;
}

/// The CSV's cell for a number: Python's repr, empty when there is none.
std::string cell(double x) { return std::isnan(x) ? std::string() : python_repr(x); }

std::string csv_text(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

int collect(const fs::path& dir, const Plan& plan, bool pictures) {
  const Space& space = plan.settings.space;
  std::map<std::string, int> counts;
  struct Row {
    const PlannedTrial* trial;
    Result result;
  };
  std::vector<Row> rows;
  for (const PlannedTrial& t : plan.trials) {
    std::string problem;
    auto r = read_result(result_path(dir, t.id), t, space, problem);
    Result result;
    if (r) {
      result = *r;
    } else if (problem.empty()) {
      result.status = "missing";
    } else {
      result.status = "corrupt";
      result.detail = problem;
      std::cerr << "dlc tune: skipped " << result_path(dir, t.id).string()
                << ": not a whole result (" << problem << ")\n";
    }
    ++counts[result.status];
    rows.push_back(Row{&t, result});
  }
  std::string csv = "trial,status,accuracy,cost,seconds";
  for (const Dimension& d : space) csv += "," + d.name;
  csv += ",detail\n";
  for (const Row& row : rows) {
    csv += std::to_string(row.trial->id) + "," + row.result.status + "," +
           cell(row.result.accuracy) + "," + cell(row.result.cost) + "," + cell(row.result.seconds);
    for (std::size_t k = 0; k < space.size(); ++k)
      csv += "," + value_text(space[k].name, row.trial->values[k]);
    csv += "," + csv_text(row.result.detail) + "\n";
  }
  write_file_atomically((dir / "results.csv").string(), csv);

  std::cout << "\n" << plan.trials.size() << " trials planned:";
  bool first = true;
  for (const char* status : {"ok", "diverged", "crashed", "killed", "missing", "corrupt"}) {
    if (counts[status] == 0 && std::string(status) != "ok") continue;
    std::cout << (first ? " " : ", ") << counts[status] << " " << status;
    first = false;
  }
  std::cout << "\nWrote " << (dir / "results.csv").string() << "\n";

  std::vector<const Row*> ok;
  for (const Row& row : rows)
    if (row.result.status == "ok") ok.push_back(&row);
  std::stable_sort(ok.begin(), ok.end(), [](const Row* a, const Row* b) {
    if (a->result.accuracy != b->result.accuracy) return a->result.accuracy > b->result.accuracy;
    return a->result.cost < b->result.cost;
  });
  if (!ok.empty()) {
    std::cout << "The best trials (accuracy on the training set, then the lower cost):\n";
    for (std::size_t i = 0; i < ok.size() && i < 5; ++i) {
      const Row& row = *ok[i];
      std::cout << "  trial " << row.trial->id << ": accuracy " << python_repr(row.result.accuracy)
                << ", cost " << fixed(row.result.cost, 6);
      for (std::size_t k = 0; k < space.size(); ++k)
        std::cout << ", " << space[k].name << " "
                  << value_text(space[k].name, row.trial->values[k]);
      std::cout << "\n";
    }
    std::cout << "best accuracy: " << python_repr(ok[0]->result.accuracy) << " (trial "
              << ok[0]->trial->id << ")\n";
  }
  std::cout << std::flush;

  if (pictures && !ok.empty()) {
    plot::Style style;
    try {
      plot::find_gnuplot(style);
      for (std::size_t k = 0; k < space.size(); ++k) {
        const Dimension& d = space[k];
        const bool beta = d.scale == Scale::kOneMinusLog;
        plot::Chart chart;
        chart.axes.title = "Accuracy against " + d.name + " (" + std::to_string(ok.size()) +
                           " trials that ended ok)";
        chart.axes.xlabel =
            (beta ? "1 - " + d.name : d.name) + (log_axis(d.scale) ? " (log scale)" : "");
        chart.axes.ylabel = "accuracy on the training set";
        chart.axes.log_x = log_axis(d.scale);
        plot::Curve trials{"a trial", {}, {}};
        plot::Curve best{"the best trial", {}, {}};
        for (const Row* row : ok) {
          const double x = beta ? 1.0 - row->trial->values[k] : row->trial->values[k];
          trials.x.push_back(x);
          trials.y.push_back(row->result.accuracy);
        }
        best.x.push_back(trials.x[0]);
        best.y.push_back(trials.y[0]);
        chart.points = {trials, best};
        const fs::path png = dir / ("accuracy_vs_" + d.name + ".png");
        plot::chart(png.string(), chart, style);
        std::cout << "Picture saved: " << png.string() << "\n";
      }
    } catch (const plot::PlotError& e) {
      std::cout << "No pictures: " << e.what() << "\n";
    }
  }
  std::cout << std::flush;
  return counts["ok"];
}

/// The number of cores this process may run on.
int cores() {
  cpu_set_t set;
  if (::sched_getaffinity(0, sizeof set, &set) == 0) return std::max(1, CPU_COUNT(&set));
  return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

/// Writes commands.txt (and with slurm, tune.sbatch) for the trials still to run.
void emit(const fs::path& dir, const Plan& plan, const std::vector<PlannedTrial>& todo,
          const std::string& engine, const cli::Arguments& args, int jobs) {
  const std::string runner = own_executable();
  std::string commands;
  for (const PlannedTrial& t : todo) {
    std::string line = "OPENBLAS_NUM_THREADS=1";
    for (const std::string& w : trial_argv(runner, dir, plan.settings, t))
      line += " " + shell_quote(w);
    line += " > " + shell_quote(log_path(dir, t.id).string()) + " 2>&1";
    commands += line + "\n";
  }
  const fs::path file = dir / "commands.txt";
  write_file_atomically(file.string(), commands);
  std::cout << "Wrote " << todo.size() << " commands, one a trial, to " << file.string() << "\n";
  const std::string collect_line = "dlc tune --collect --out " + shell_quote(dir.string());
  if (engine == "parallel") {
    std::cout << "Run them with GNU parallel on this machine:\n  parallel --jobs " << jobs << " < "
              << shell_quote(file.string()) << "\n";
    const std::string hosts =
        args.given("--sshlogin") ? args.text("--sshlogin") : std::string("host1,host2");
    std::cout << "or over machines that share this folder (and the build) at the same path:\n"
              << "  parallel --jobs " << jobs << " --sshlogin " << shell_quote(hosts) << " < "
              << shell_quote(file.string()) << "\n";
  } else {
    std::string script =
        "#!/bin/sh\n"
        "# dlc tune: one trial per task of the array; task k runs line k + 1 of commands.txt.\n"
        "#SBATCH --job-name=dlc-tune\n"
        "#SBATCH --array=0-" +
        std::to_string(todo.size() - 1) +
        "\n"
        "#SBATCH --cpus-per-task=1\n"
        "#SBATCH --output=" +
        (dir / "results" / "slurm-%A_%a.out").string() +
        "\n"
        ": \"${SLURM_ARRAY_TASK_ID:?run this script with sbatch (or set SLURM_ARRAY_TASK_ID)}\"\n"
        "line=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" " +
        shell_quote(file.string()) +
        ")\n"
        "if [ -z \"$line\" ]; then\n"
        "  echo \"dlc tune: no line $((SLURM_ARRAY_TASK_ID + 1)) in " +
        file.string() +
        "\" >&2\n"
        "  exit 1\n"
        "fi\n"
        "exec sh -c \"$line\"\n";
    const fs::path sbatch = dir / "tune.sbatch";
    write_file_atomically(sbatch.string(), script);
    std::cout << "Wrote the Slurm job-array script " << sbatch.string() << " (" << todo.size()
              << " tasks); submit it with:\n  sbatch " << shell_quote(sbatch.string()) << "\n";
  }
  std::cout << "Then gather the results:\n  " << collect_line << "\n";
  if (plan.settings.search == "coarse-to-fine" && !plan.has_round2) {
    std::cout << "(coarse-to-fine: these are round 1's trials; once they are done, run this "
                 "command again for round 2's)\n";
  }
}

/// `dlc tune` (`dlc run course2.tune`): plan a search, run it, emit it, or collect it.
int tune(const cli::Arguments& args, const RunContext&) {
  const fs::path dir = fs::absolute(args.text("--out")).lexically_normal();
  const fs::path plan_file = dir / "plan.txt";
  const bool pictures = !args.given("--no-plots");

  if (args.given("--collect")) {
    const std::optional<Plan> plan = read_plan(plan_file);
    if (!plan) {
      throw std::runtime_error("--collect: " + dir.string() +
                               " holds no plan.txt: it is not the folder of a dlc tune search");
    }
    return collect(dir, *plan, pictures) > 0 ? cli::kExitOk : cli::kExitFailure;
  }

  if (!args.given("--space")) throw cli::UsageError("--space SPEC is required (or --collect)");
  Settings s;
  s.search = args.text("--search");
  s.space = parse_space(args.text("--space"));
  s.trials = static_cast<int>(args.integer("--trials"));
  s.seed = cli::seed(args);
  s.epochs = static_cast<int>(args.integer("--epochs"));
  if (s.search == "coarse-to-fine" && s.space.size() != 2) {
    throw cli::UsageError(
        "--search coarse-to-fine zooms over two hyperparameters, but --space "
        "names " +
        std::to_string(s.space.size()));
  }
  const int jobs = args.given("--jobs") ? static_cast<int>(args.integer("--jobs")) : cores();

  Plan plan;
  plan.settings = s;
  plan.trials = first_round(s);
  plan.round1_text = plan_header(s) + trial_lines(s.space, plan.trials);
  if (const std::optional<Plan> old = read_plan(plan_file)) {
    if (old->round1_text != plan.round1_text) {
      throw std::runtime_error(plan_file.string() +
                               " holds another search's plan (other --space, --search, --trials, "
                               "--seed or --epochs): run it with its own settings, or choose "
                               "another --out");
    }
    plan = *old;
  } else {
    fs::create_directories(dir / "results");
    write_file_atomically(plan_file.string(), plan.round1_text);
  }
  fs::create_directories(dir / "results");

  std::cout << "dlc tune: " << s.search << " search over " << space_text(s.space) << ", "
            << plan.trials.size() << " trials planned"
            << (s.search == "coarse-to-fine"
                    ? " (" + std::to_string(s.trials) + " a round, round 2 after round 1)"
                    : std::string())
            << ", " << s.epochs
            << " epochs each (the moons model, Adam); plan: " << plan_file.string() << "\n";

  const auto round1_end =
      plan.trials.begin() +
      std::min<std::ptrdiff_t>(s.trials, static_cast<std::ptrdiff_t>(plan.trials.size()));
  if (s.search == "coarse-to-fine" && !plan.has_round2 &&
      all_done(dir, plan, std::vector<PlannedTrial>(plan.trials.begin(), round1_end))) {
    plan_round2(dir, plan);
  }

  if (args.given("--emit")) {
    const std::vector<PlannedTrial> todo = trials_to_run(dir, plan, plan.trials);
    if (todo.empty()) {
      std::cout << "Every trial of the plan has its result; gather them with\n  dlc tune "
                   "--collect --out "
                << shell_quote(dir.string()) << "\n";
      return cli::kExitOk;
    }
    emit(dir, plan, todo, args.text("--emit"), args, jobs);
    return cli::kExitOk;
  }

  count_interrupts();
  for (int round = 1; round <= 2; ++round) {
    const std::vector<PlannedTrial> todo = trials_to_run(dir, plan, plan.trials);
    const std::size_t done = plan.trials.size() - todo.size();
    if (done > 0 && round == 1) {
      std::cout << done << " of the " << plan.trials.size()
                << " trials planned have their result already and are not run again\n";
    }
    if (!todo.empty()) {
      std::cout << "Running " << todo.size() << " trials, " << jobs << " at a time" << std::endl;
      if (!run_trials(dir, plan.settings, todo, jobs)) {
        std::cout << "Stopped. The trials finished are kept in " << (dir / "results").string()
                  << "; run the same command again to resume with the others." << std::endl;
        return kExitInterrupted;
      }
    }
    if (s.search != "coarse-to-fine" || plan.has_round2) break;
    plan_round2(dir, plan);
  }
  return collect(dir, plan, pictures) > 0 ? cli::kExitOk : cli::kExitFailure;
}

cli::ProgramSpec tune_spec() {
  cli::ProgramSpec p;
  p.name = "course2.tune";
  p.lecture = "C2 3.3";
  p.summary = "dlc tune: a search of many trials on the moons over cores, GNU parallel or Slurm";
  p.options = {
      cli::text_option("--space", "SPEC", "",
                       "the hyperparameters searched: a file of lines 'name scale low high', or "
                       "inline name=scale:low:high,... (names learning_rate, beta1, beta2, "
                       "epsilon, mini_batch_size; scales linear, log, one_minus_log, log2)"),
      cli::text_option("--search", "HOW", "random", "random, grid or coarse-to-fine",
                       {"random", "grid", "coarse-to-fine"}),
      cli::number_option("--trials", cli::Kind::kInteger, "N", "12", cli::Bound::kPositive,
                         "trials (coarse-to-fine: per round; grid: the largest full grid)", 100000),
      cli::number_option("--epochs", cli::Kind::kInteger, "N", "1000", cli::Bound::kPositive,
                         "epochs of each trial", 1000000),
      cli::seed_option("1", "the random trials (coarse-to-fine's round 2: seed + 1)"),
      cli::text_option("--out", "DIR", "dlc-tune", "the search's folder: plan, results, CSV"),
      cli::number_option("--jobs", cli::Kind::kInteger, "N", "", cli::Bound::kPositive,
                         "trials at a time (default: one per core)", 1024),
      cli::text_option("--emit", "ENGINE", "",
                       "write the trials as commands instead of running them: parallel (GNU "
                       "parallel) or slurm (a job-array script)",
                       {"parallel", "slurm"}),
      cli::text_option("--sshlogin", "HOSTS", "",
                       "with --emit parallel: the machines named in the command printed"),
      cli::flag_option("--collect", "gather DIR's results into results.csv and the pictures"),
      cli::flag_option("--no-plots", "no pictures"),
  };
  p.validate = [](const cli::Arguments& args) {
    if (args.given("--sshlogin") && args.text("--emit") != "parallel")
      throw cli::UsageError("--sshlogin goes with --emit parallel");
    if (args.given("--collect") && (args.given("--emit") || args.given("--space")))
      throw cli::UsageError("--collect gathers a search's results: it takes --out DIR alone");
  };
  p.details = {
      "Lecture C2 3.3's caviar: many models trained at once, each trial a process of its own "
      "(course2.tune_trial: the moons model with Adam, its accuracy on the training set). "
      "Writes the plan DIR/plan.txt (one trial a line, from the space, the search, --trials, "
      "--seed and --epochs), then runs the trials --jobs at a time, each writing "
      "DIR/results/trial-NNNN.txt; a trial that crashes or is killed is recorded as such. "
      "Running the same command again resumes: trials with a result are not run again. Ctrl-C "
      "stops after the trials in progress (twice: kills them).",
      "--emit parallel writes DIR/commands.txt, one command a trial, for 'parallel < "
      "DIR/commands.txt' (with --sshlogin over machines sharing the folder); --emit slurm also "
      "DIR/tune.sbatch, a job array ('sbatch DIR/tune.sbatch'). Then --collect writes "
      "DIR/results.csv (trial, status, accuracy, cost, seconds, the hyperparameters, detail), "
      "prints the best trials and draws DIR/accuracy_vs_NAME.png.",
  };
  return p;
}
DLC_PROGRAM(tune_spec, tune);

}  // namespace

}  // namespace dlc::runner
