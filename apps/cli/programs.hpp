/// \file
/// \brief The programs of `dlc run`, in lecture order: their names, options and help text.
///
/// This catalogue is data only (no lesson code), so that the driver `dlc` can list the programs
/// and check a command line without linking anything a student writes. The lesson runners
/// implement each program under the same name.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "apps/cli/options.hpp"

namespace dlc::cli {

/// Every program of `dlc run`, in lecture order.
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
