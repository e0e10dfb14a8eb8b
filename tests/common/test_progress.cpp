// Tests of common/progress.hpp: the text of the progress line for given progress and times, the
// throttled redrawing, and the silence when stderr is not a terminal.
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

#include "common/progress.hpp"

using dlc::format_duration;
using dlc::Progress;
using dlc::progress_line;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("format_duration: a clock's m:ss or h:mm:ss", "[progress]") {
  CHECK(format_duration(0.0) == "0:00");
  CHECK(format_duration(7.4) == "0:07");
  CHECK(format_duration(59.6) == "1:00");
  CHECK(format_duration(754.0) == "12:34");
  CHECK(format_duration(3723.0) == "1:02:03");
  CHECK(format_duration(-1.0) == "--:--");
  CHECK(format_duration(std::nan("")) == "--:--");
  CHECK(format_duration(HUGE_VAL) == "--:--");
  CHECK(format_duration(1e9) == "--:--");
}

TEST_CASE("progress_line: label, bar, count, percentage, cost and time left", "[progress]") {
  // A quarter done after 1 s: 3 s left. 80 columns leave room for a 14-character bar, since
  // room is kept for the longer "  done in 0:01" of the last line. The count is padded to the
  // width of the total.
  CHECK(progress_line("4 hidden units", 2500, 10000, 0.23, 1.0, 80) ==
        "4 hidden units [###...........]   2500/10000   25%  cost 0.230000  0:03 left");
  // The bar keeps its length from the first line to the last.
  const auto bar_of = [](const std::string& line) { return line.find(']') - line.find('['); };
  CHECK(bar_of(progress_line("n_h = 20 (2 of 7)", 0, 5000, std::nan(""), 0.0, 80)) ==
        bar_of(progress_line("n_h = 20 (2 of 7)", 5000, 5000, 0.2, 1.0, 80)));
  CHECK(bar_of(progress_line("n_h = 20 (2 of 7)", 17, 5000, 0.5, 0.1, 80)) ==
        bar_of(progress_line("n_h = 20 (2 of 7)", 5000, 5000, 0.2, 1.0, 80)));
  // Wider terminals get at most 30 characters of bar.
  CHECK(progress_line("4 hidden units", 2500, 10000, 0.23, 1.0, 200) ==
        "4 hidden units [#######.......................]   2500/10000   25%  cost 0.230000  0:03 "
        "left");
  // The end: the whole bar and the time it took.
  CHECK(progress_line("n_h = 4", 10000, 10000, 0.219094, 4.4, 120) ==
        "n_h = 4 [##############################]  10000/10000  100%  cost 0.219094  done in 0:04");
  // Nothing done yet: no time left can be estimated, and no cost is known.
  CHECK(progress_line("x", 0, 10, std::nan(""), 0.0, 80) ==
        "x [..............................]   0/10    0%  --:-- left");
  // The ETA is elapsed * (total - done) / done: 90 s for 10 % after 10 s.
  CHECK_THAT(progress_line("x", 1, 10, 0.5, 10.0, 80), Catch::EndsWith("  1:30 left"));
  // Out-of-range counts are clamped, a zero total counts as one step.
  CHECK_THAT(progress_line("x", 20, 10, 0.5, 1.0, 80), Catch::Contains("10/10  100%"));
  CHECK_THAT(progress_line("x", -3, 10, 0.5, 1.0, 80), Catch::Contains(" 0/10    0%"));
  CHECK_THAT(progress_line("x", 0, 0, 0.5, 1.0, 80), Catch::Contains("0/1    0%"));
}

TEST_CASE("progress_line: never as wide as the terminal, so that \\r redraws it", "[progress]") {
  // Too narrow for a bar: the line without it, cut to width - 1.
  const std::string narrow = progress_line("4 hidden units", 2500, 10000, 0.23, 1.0, 40);
  CHECK(narrow == "4 hidden units   2500/10000   25%  cost");
  CHECK(narrow.size() == 39);
  for (std::size_t width : {1u, 2u, 20u, 57u, 58u, 59u, 60u, 61u, 62u, 71u, 72u, 73u, 300u}) {
    INFO("width " << width);
    CHECK(progress_line("4 hidden units", 5000, 10000, 0.2, 3.0, width).size() < width + 1);
    CHECK(progress_line("4 hidden units", 5000, 10000, 0.2, 3.0, width).size() <=
          (width > 0 ? width - 1 : 0));
  }
  CHECK(progress_line("x", 1, 2, 0.1, 1.0, 0).empty());
}

TEST_CASE("Progress: throttled redraws in place, a clean line for text, a newline at the end",
          "[progress]") {
  double now = 100.0;
  std::ostringstream out;
  {
    Progress p("run", 100, &out, 80, [&now] { return now; });
    CHECK(p.active());
    p.update(1, 0.5);  // the first update draws
    CHECK(count(out.str(), "\r") == 1);
    now += 0.05;
    p.update(2, 0.4);  // 0.05 s later: not redrawn
    CHECK(count(out.str(), "\r") == 1);
    now += 0.1;
    p.update(20, 0.3);  // 0.15 s after the last drawing: redrawn
    CHECK(count(out.str(), "\r") == 2);
    CHECK_THAT(out.str(), Catch::EndsWith("   20/100   20%  cost 0.300000  0:01 left\033[K"));

    p.clear();  // erase the bar before a line of text
    CHECK_THAT(out.str(), Catch::EndsWith("\r\033[K"));
    p.clear();  // nothing to erase twice
    CHECK(count(out.str(), "\r") == 3);
    p.update(21, 0.3);  // drawn again at once after a clear
    CHECK(count(out.str(), "\r") == 4);

    now += 0.01;
    p.update(100, 0.1);  // the last step is always drawn
    CHECK_THAT(out.str(), Catch::EndsWith("100/100  100%  cost 0.100000  done in 0:00\033[K"));
    p.finish();
    CHECK_THAT(out.str(), Catch::EndsWith("done in 0:00\033[K\n"));
    const std::string before = out.str();
    p.update(100, 0.1);
    p.finish();
    p.clear();
    CHECK(out.str() == before);  // nothing after finish
  }
  SECTION("restart: a new label and count on the same line") {
    std::ostringstream o;
    Progress p("first", 10, &o, 80, [&now] { return now; });
    p.update(10, 0.2);
    now += 5.0;
    p.restart("second", 4);
    now += 1.0;
    p.update(1, 0.1);
    CHECK_THAT(o.str(), Catch::EndsWith("second [#######.......................]  1/4   25%  cost "
                                        "0.100000  0:03 left\033[K"));
  }
  SECTION("an unfinished display erases its line when it goes (an error follows)") {
    std::ostringstream o;
    {
      Progress p("run", 10, &o, 80, [&now] { return now; });
      p.update(3, 0.2);
    }
    CHECK_THAT(o.str(), Catch::EndsWith("\r\033[K"));
  }
  SECTION("a line cleared for text stays cleared at the end") {
    std::ostringstream o;
    Progress p("run", 10, &o, 80, [&now] { return now; });
    p.update(10, 0.2);
    p.clear();
    const std::string before = o.str();
    p.finish();
    CHECK(o.str() == before);
  }
  SECTION("nothing drawn, nothing to finish") {
    std::ostringstream o;
    Progress p("run", 10, &o, 80, [&now] { return now; });
    p.finish();
    CHECK(o.str().empty());
  }
}

TEST_CASE("Progress: silent when stderr is not a terminal", "[progress]") {
  SECTION("no stream at all") {
    Progress p("run", 10, nullptr, 80, nullptr);
    CHECK_FALSE(p.active());
    p.update(5, 0.1);
    p.clear();
    p.finish();
  }
  SECTION("stderr sent to a file, as in a pipe or a CI log") {
    char name[] = "/tmp/dlc-test-progress.XXXXXX";
    const int file = ::mkstemp(name);
    REQUIRE(file >= 0);
    std::cerr.flush();
    const int saved = ::dup(STDERR_FILENO);
    REQUIRE(saved >= 0);
    REQUIRE(::dup2(file, STDERR_FILENO) >= 0);
    std::ostringstream captured;
    std::streambuf* old = std::cerr.rdbuf(captured.rdbuf());
    bool active = true;
    {
      Progress p("run", 1000);
      active = p.active();
      for (long i = 1; i <= 1000; ++i) p.update(i, 1.0 / static_cast<double>(i));
      p.clear();
      p.finish();
    }
    std::cerr.rdbuf(old);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    const off_t size = ::lseek(file, 0, SEEK_END);
    ::close(file);
    ::unlink(name);
    CHECK_FALSE(active);
    CHECK(captured.str().empty());
    CHECK(size == 0);
  }
}
