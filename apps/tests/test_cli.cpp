// The command line's parts on their own: the strict option parser and the catalogue of programs.
// The binaries themselves are tested by dlc_cli_test.sh.

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

#include "apps/cli/options.hpp"
#include "apps/cli/programs.hpp"
#include "common/files.hpp"

using namespace dlc::cli;
using Words = std::vector<std::string>;

namespace {

Arguments parse(const std::string& program, const Words& words) {
  return parse_options(*find_program(program), words);
}

}  // namespace

TEST_CASE("the defaults of week2.logreg are the notebook's", "[apps][cli]") {
  const Arguments a = parse("week2.logreg", {});
  CHECK(a.integer("--iterations") == 2000);
  CHECK(a.real("--learning-rate") == 0.005);
  CHECK(a.integer("--print-every") == 100);
  CHECK(a.text("--classes") == "7,9");
  CHECK_FALSE(a.given("--iterations"));
  CHECK_FALSE(a.has("--data-dir"));
  CHECK_FALSE(a.has("--json"));
  CHECK(chosen_dataset(a) == Dataset::kFashionMnist);
}

TEST_CASE("values follow their option or are joined to it with =", "[apps][cli]") {
  const Arguments a = parse("week2.logreg", {"--iterations=0", "--learning-rate", "1e-3", "--json",
                                             "--data-dir", "/some dir"});
  CHECK(a.integer("--iterations") == 0);
  CHECK(a.real("--learning-rate") == 1e-3);
  CHECK(a.given("--json"));
  CHECK(a.text("--data-dir") == "/some dir");
  CHECK(chosen_dataset(a) == Dataset::kCat);
  const Arguments g = parse("week2.graph", {"--a", "-1.5", "--b=-2"});
  CHECK(g.real("--a") == -1.5);
  CHECK(g.real("--b") == -2.0);
  CHECK(g.real("--c") == 2.0);
}

TEST_CASE("a bad command line is one UsageError naming the option", "[apps][cli]") {
  using Catch::Matchers::Equals;
  const auto error = [](const std::string& program, const Words& words) -> std::string {
    try {
      parse(program, words);
    } catch (const UsageError& e) {
      return e.what();
    }
    return "(no error)";
  };
  CHECK_THAT(error("week2.logreg", {"--frobnicate"}),
             Equals("unknown option --frobnicate for week2.logreg"));
  CHECK_THAT(error("week2.logreg", {"--learning-rate", "abc"}),
             Equals("--learning-rate: \"abc\" is not a number"));
  CHECK_THAT(error("week2.logreg", {"--learning-rate", "-1"}),
             Equals("--learning-rate must be a positive number, not -1"));
  CHECK_THAT(error("week2.logreg", {"--learning-rate", "inf"}),
             Equals("--learning-rate: \"inf\" is not a number"));
  CHECK_THAT(error("week2.logreg", {"--learning-rate", " 1"}),
             Equals("--learning-rate: \" 1\" is not a number"));
  CHECK_THAT(error("week2.logreg", {"--iterations", "x"}),
             Equals("--iterations: \"x\" is not a whole number"));
  CHECK_THAT(error("week2.logreg", {"--iterations", "+5"}),
             Equals("--iterations: \"+5\" is not a whole number"));
  CHECK_THAT(error("week2.logreg", {"--iterations", "-1"}),
             Equals("--iterations must be 0 or more, not -1"));
  CHECK_THAT(error("week2.logreg", {"--iterations="}),
             Equals("--iterations: \"\" is not a whole number"));
  CHECK_THAT(error("week2.logreg", {"--print-every", "0"}),
             Equals("--print-every must be at least 1, not 0"));
  CHECK_THAT(error("week2.logreg", {"--iterations"}), Equals("--iterations needs a value (N)"));
  CHECK_THAT(error("week2.logreg", {"--data-dir", "--json"}),
             Equals("--data-dir needs a value (DIR)"));
  CHECK_THAT(error("week2.logreg", {"--data-dir="}),
             Equals("--data-dir needs a non-empty value (DIR)"));
  CHECK_THAT(error("week2.logreg", {"--dataset", "dogs"}),
             Equals("unknown --dataset \"dogs\"; choose one of: cat, fashion-mnist"));
  CHECK_THAT(error("week2.logreg", {"--classes", "3,3"}),
             Equals("--classes: \"3,3\" names the same class twice; choose two different classes"));
  CHECK_THAT(error("week2.logreg", {"--json", "--json"}), Equals("--json is given twice"));
  CHECK_THAT(error("week2.vectorization", {"--n", "100000001"}),
             Equals("--n must be at most 100000000, not 100000001"));
  CHECK_THAT(error("week2.graph", {"a"}),
             Equals("unexpected argument \"a\"; options start with --"));
}

TEST_CASE("--help stops the parsing; an unknown program lists the known ones", "[apps][cli]") {
  CHECK(parse("week2.logreg", {"--help", "--frobnicate"}).help());
  CHECK(parse("week2.logreg", {"--iterations", "3", "-h"}).help());
  CHECK_THROWS_WITH(program_or_usage_error("week2.nope"),
                    Catch::Matchers::StartsWith("unknown program \"week2.nope\"; the programs are "
                                                "week1.neuron, week1.housing, week1.scale, "
                                                "week2.images"));
  CHECK(find_program("week2.graph") != nullptr);
}

TEST_CASE("the programs are in lecture order, each registered once", "[apps][cli]") {
  CHECK(lecture_order("2.2-2.4, 2.7-2.13") == std::vector<int>{1, 2, 2});
  CHECK(lecture_order("3.10") == std::vector<int>{1, 3, 10});
  CHECK(lecture_order("C2 2.8") == std::vector<int>{2, 2, 8});
  CHECK(lecture_order("3.9") < lecture_order("3.10"));
  CHECK(lecture_order("4.6") < lecture_order("C2 1.1"));
  for (const char* bad : {"", "x", "3", "3.", ".3", "C2", "C3 1.1"})
    CHECK_THROWS_AS(lecture_order(bad), std::logic_error);
  const auto& all = programs();
  REQUIRE(all.size() >= 20);
  for (std::size_t i = 1; i < all.size(); ++i) {
    INFO(all[i - 1].name << " (" << all[i - 1].lecture << ") before " << all[i].name << " ("
                         << all[i].lecture << ")");
    CHECK(lecture_order(all[i - 1].lecture) <= lecture_order(all[i].lecture));
    CHECK(all[i - 1].name != all[i].name);
  }
  // The driver's catalogue has the specs without the bodies (it links no lesson code).
  for (const auto& p : all) CHECK(p.body == nullptr);
}

TEST_CASE("every program's help lists its options and defaults", "[apps][cli]") {
  const std::string all = run_help();
  for (const auto& p : programs()) {
    CHECK_THAT(all, Catch::Matchers::Contains("  " + p.name + "  "));
    const std::string help = program_help(p);
    CHECK_THAT(help, Catch::Matchers::StartsWith("usage: dlc run " + p.name));
    for (const auto& o : p.options) CHECK_THAT(help, Catch::Matchers::Contains(o.name));
  }
  CHECK_THAT(program_help(*find_program("week2.logreg")),
             Catch::Matchers::Contains("(default: 0.005)"));
}

TEST_CASE("parse_classes reads two different classes 0-9", "[apps][cli]") {
  CHECK(parse_classes("7,9") == std::pair<int, int>{7, 9});
  CHECK(parse_classes("0,1") == std::pair<int, int>{0, 1});
  for (const char* bad : {"7", "7,", ",9", "7,9,1", "a,b", "07,9", "10,1", "-1,2", "7;9", ""})
    CHECK_THROWS_AS(parse_classes(bad), UsageError);
  CHECK(fashion_class_name(7) == "Sneaker");
  CHECK(fashion_class_name(9) == "Ankle boot");
}

TEST_CASE("parse_reals reads a list of numbers; parse_house four of them", "[apps][cli]") {
  CHECK(parse_reals("--z", "-4,-2,0,2.5,1e1", 1, 9) == std::vector<double>{-4, -2, 0, 2.5, 10});
  CHECK(parse_reals("--z", "0", 1, 9) == std::vector<double>{0});
  CHECK_THROWS_WITH(parse_reals("--z", "1,,2", 1, 9),
                    "--z: \"1,,2\" is not a list of numbers separated by commas (\"\" is not a "
                    "number)");
  CHECK_THROWS_WITH(parse_reals("--z", "1,x", 1, 9), Catch::Matchers::Contains("\"x\" is not"));
  CHECK_THROWS_WITH(parse_reals("--z", "1,2,3", 1, 2), "--z: \"1,2,3\" has 3 numbers; give 1 to 2");
  for (const char* bad : {"", ",", "1,", "nan", "1,inf", "1 ,2", "1;2"})
    CHECK_THROWS_AS(parse_reals("--z", bad, 1, 9), UsageError);

  CHECK(parse_house("2,3,0.5,1.2") == std::vector<double>{2, 3, 0.5, 1.2});
  CHECK(parse_house("0.5,0,0,0") == std::vector<double>{0.5, 0, 0, 0});
  CHECK_THROWS_WITH(parse_house("2,3,0.5"), "--house: \"2,3,0.5\" has 3 numbers; give 4");
  CHECK_THROWS_WITH(parse_house("0,3,0.5,1"), Catch::Matchers::Contains("size of 0 or less"));
  CHECK_THROWS_WITH(parse_house("2,-1,0.5,1"), Catch::Matchers::Contains("negative number of"));
  CHECK_THROWS_WITH(parse_house("2,3,1.5,1"), Catch::Matchers::Contains("outside 0 to 1"));
  CHECK_THROWS_WITH(parse_house("2,3,0.5,-1"), Catch::Matchers::Contains("negative wealth"));
}

TEST_CASE("every program has a CLI test and is named in the docs", "[.][programs]") {
  namespace fs = std::filesystem;
  const fs::path root = DLC_SOURCE_DIR;
  const std::string script = dlc::read_file(root / "apps/tests/dlc_cli_test.sh").value_or("");
  REQUIRE(!script.empty());
  // The docs: the pages of docs/ and the lesson headers of every block (Doxygen publishes both).
  std::string pages;
  for (const auto& e : fs::directory_iterator(root / "docs"))
    if (e.path().extension() == ".md") pages += dlc::read_file(e.path()).value_or("");
  for (std::string blocks = DLC_BLOCKS; !blocks.empty();) {
    const std::size_t comma = std::min(blocks.find(','), blocks.size());
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root / blocks.substr(0, comma), ec))
      if (e.path().extension() == ".hpp") pages += dlc::read_file(e.path()).value_or("");
    blocks.erase(0, comma + 1);
  }
  REQUIRE(!pages.empty());
  for (const auto& p : programs()) {
    INFO(p.name);
    CHECK_THAT(script, Catch::Matchers::Contains(" run " + p.name + " ") ||
                           Catch::Matchers::Contains(" run " + p.name + "\n"));
    // `dlc run <name>`, in a page or in a header's comment, which may wrap after `run`.
    CHECK_THAT(pages, Catch::Matchers::Contains("dlc run " + p.name) ||
                          Catch::Matchers::Contains("run\n/// " + p.name));
  }
}
