/// \file
/// \brief The programs of `dlc run`: the catalogue each program's own file adds itself to, the
/// help built from it, and the option groups and value parsers several programs share.
///
/// A program is declared once, beside its body, in `apps/lessons/<block>*.cpp`: a function that
/// returns its ProgramSpec (name, lecture, summary, options, help, checks) and one line
/// `DLC_PROGRAM(spec_function, body)` that registers both (apps/lessons/runner.hpp). The same
/// files are compiled twice: into the lesson runners, with the bodies, and into the driver `dlc`
/// without them, so that the driver lists the programs and checks a command line without
/// linking anything a student writes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "apps/cli/options.hpp"

namespace dlc::cli {

/// \brief Adds a program to the catalogue when the program starts; one namespace-scope object
/// per program, made by `DLC_PROGRAM` (apps/lessons/runner.hpp).
class Registration {
 public:
  /// \param[in] describe returns the program's spec; called on the catalogue's first use
  /// \param[in] body what the program runs (null in the driver, which links no lesson code)
  Registration(ProgramSpec (*describe)(), ProgramBody body);
};

/// \brief Every registered program of `dlc run`, in lecture order: by the first lecture section
/// of `lecture` (Course 1's `2.2-2.4` before Course 2's `C2 1.1`), programs of the same section
/// in the order they are registered.
/// \throws std::logic_error when two programs have one name, or a program lacks a name, a
/// lecture or a summary: a mistake in the catalogue, found on its first use.
const std::vector<ProgramSpec>& programs();

/// The program called `name`, or nullptr.
const ProgramSpec* find_program(const std::string& name);

/// \brief The program called `name`.
/// \throws UsageError naming the unknown program and listing the known ones.
const ProgramSpec& program_or_usage_error(const std::string& name);

/// `dlc run`'s help: the usage line, the general options and every program with its options.
std::string run_help();

/// One program's help: its usage line, summary, details and options.
std::string program_help(const ProgramSpec& spec);

/// The short usage hint printed under a command-line error: for a program when `program` is
/// one, else for `dlc run` in general.
std::string usage_hint(const std::string& program);

/// \brief The first lecture section of `lecture` as numbers, for sorting: `2.2-2.4, 2.7` is
/// (1, 2, 2), `C2 2.8` is (2, 2, 8).
/// \throws std::logic_error when `lecture` does not start with `W.V` or `C2 W.V`.
std::vector<int> lecture_order(const std::string& lecture);

// ---- What programs share: option makers, option groups and value parsers ----

/// A flag: `--json`.
OptionSpec flag_option(std::string name, std::string help);

/// A number (`Kind::kInteger` or `Kind::kReal`) with its default (empty: none), its range and,
/// for integers, its largest value (0: no limit).
OptionSpec number_option(std::string name, Kind kind, std::string metavar,
                         std::string default_value, Bound bound, std::string help, long max = 0);

/// `--seed N`, a seed as numpy's RandomState takes it (0 <= N < 2^32), with its default and
/// what it seeds.
OptionSpec seed_option(std::string default_value, std::string help);

/// The value of `--seed` (see seed_option()).
std::uint32_t seed(const Arguments& args);

/// A text, with its default (empty: none) and its choices (empty: any text).
OptionSpec text_option(std::string name, std::string metavar, std::string default_value,
                       std::string help, std::vector<std::string> choices = {});

/// The options that choose and limit the image data: `--data-dir`, `--dataset`, `--classes`,
/// `--fashion-dir`, `--train-size`, `--test-size`.
std::vector<OptionSpec> data_options();

/// \brief The checks across data_options(): `--dataset cat` needs `--data-dir`, `--classes` and
/// `--fashion-dir` only with Fashion-MNIST, and the classes are two different ones.
/// \throws UsageError for a combination that does not fit.
void validate_data(const Arguments& args);

/// Where the pictures go: `--plots DIR` (default `dlc-plots`) and `--no-plots`.
std::vector<OptionSpec> plot_options();

/// Adam's settings with the lecture's defaults: `--beta1 0.9`, `--beta2 0.999`, `--epsilon 1e-8`
/// (checked by the lesson code that takes them, so that a bad value gets its message).
std::vector<OptionSpec> adam_options();

/// \brief `--plots` and `--no-plots` cannot go together.
/// \throws UsageError when both are given.
void validate_plots(const Arguments& args);

/// `Fashion-MNIST classes: 0 T-shirt/top, 1 Trouser, ...`, one line for a program's help.
std::string fashion_classes_line();

/// The largest hidden layer the week-3 programs train (a picture's grid is classified in chunks,
/// so memory stays small even then).
inline constexpr long kMaxHiddenUnits = 1000;

/// The image data a program reads.
enum class Dataset {
  kCat,           ///< the course's cat / non-cat HDF5 files (`--data-dir DIR`)
  kFashionMnist,  ///< two classes of Fashion-MNIST (`--classes A,B`)
};

/// The data set `args` chose: `--dataset` when given, else the cat files when `--data-dir` is
/// given, else Fashion-MNIST.
Dataset chosen_dataset(const Arguments& args);

/// \brief The two Fashion-MNIST classes of `--classes A,B`: two different numbers from 0 to 9.
/// \throws UsageError for anything else.
std::pair<int, int> parse_classes(const std::string& text);

/// \brief The hidden-layer sizes of `--sizes 1,2,3,4,5,20,50`: 1 to 12 whole numbers, each from 1
/// to 1000, separated by commas.
/// \throws UsageError for anything else.
std::vector<long> parse_sizes(const std::string& text);

/// \brief The layer sizes of `--layers 12288,20,7,5,1`: n[0] (the features), then each layer's
/// units up to n[L]; 2 to 20 whole numbers, each from 1 to 1,000,000, separated by commas.
/// \throws UsageError for anything else (an empty list, a size of 0, a negative size ...).
std::vector<long> parse_layers(const std::string& text);

/// \brief A list of numbers separated by commas, such as `--z -4,-2,0,2,4`: each a finite number
/// as `parse_real` reads it, from `min_count` to `max_count` of them.
/// \param[in] option the option's name, for the message
/// \param[in] text the value
/// \param[in] min_count the fewest numbers allowed
/// \param[in] max_count the most numbers allowed
/// \throws UsageError naming the option and what is wrong.
std::vector<double> parse_reals(const std::string& option, const std::string& text,
                                std::size_t min_count, std::size_t max_count);

/// \brief The house of `dlc run week1.housing --house S,B,Z,W`: its size in thousands of square
/// feet (more than 0), its bedrooms, the zip code's centrality and the area's wealth (each 0 or
/// more), four numbers in the order of the network's inputs.
/// \throws UsageError for anything else.
std::vector<double> parse_house(const std::string& text);

/// The name of Fashion-MNIST class `k` (0 to 9): `"T-shirt/top"` ... `"Ankle boot"`.
std::string fashion_class_name(int k);

}  // namespace dlc::cli
