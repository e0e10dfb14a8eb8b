// docs.commands: every `dlc ...` command line the README, the docs pages and the lesson headers
// quote is read by dlc's own parser, so that the documentation never tells a student to type a
// command that does not exist.
//
//   test_docs_commands <dlc> <source-dir> <block,block,...>
//
// A command is quoted in a code span (`dlc run week2.logreg --solution`, which may wrap onto the
// next line), or on a line of a code block (`build/release/bin/dlc grade week2  # one block`,
// `$dlc grade --submission DIR`). Each one runs as `dlc <words>` with DLC_TEST_PARSE_ONLY=1, so
// dlc checks it as always and stops before it runs, builds or grades anything. Synopses
// (`dlc run <program> [options]`, `dlc grade [EXERCISE|BLOCK ...]`) and the bare name of a command
// in prose (`every dlc run command`) are not command lines and are skipped. Every command that
// dlc refuses is reported with its file, its line and dlc's message; the exit code is then 1.

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "common/files.hpp"
#include "common/process.hpp"

namespace fs = std::filesystem;

namespace {

/// One quoted command: where it is and its words after `dlc`.
struct Command {
  std::string file;
  std::size_t line;
  std::vector<std::string> words;
};

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream in(text);
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

/// The command in `text` when its first word is dlc (`dlc`, `build/release/bin/dlc`, `$dlc`) and
/// it is a command line rather than a synopsis or a mention of a command's name.
void add_command(const std::string& text, const std::string& file, std::size_t line,
                 std::vector<Command>& out) {
  std::vector<std::string> words = split_words(text);
  if (words.empty()) return;
  const std::string& first = words.front();
  const bool is_dlc = first == "dlc" || first == "$dlc" ||
                      (first.size() > 4 && first.compare(first.size() - 4, 4, "/dlc") == 0);
  if (!is_dlc || words.size() < 3) return;  // not dlc, or only a command's name
  for (const std::string& w : words)
    if (w.find_first_of("<>[]|") != std::string::npos || w == "..." || w == "...)") return;
  words.erase(words.begin());
  out.push_back({file, line, words});
}

/// The commands of one line of a code block: `#` starts a comment; `&&` and `;` separate commands.
void add_code_line(std::string text, const std::string& file, std::size_t line,
                   std::vector<Command>& out) {
  const std::size_t comment = text.find(" #");
  if (comment != std::string::npos) text.erase(comment);
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = std::min(text.find("&&", start), text.find(';', start));
    if (end == std::string::npos) end = text.size();
    add_command(text.substr(start, end - start), file, line, out);
    start = end + (end < text.size() && text[end] == '&' ? 2 : 1);
  }
}

/// The commands quoted in one file. Headers contribute their `///` lines, the rest blank.
std::vector<Command> commands_of(const std::string& file, const std::string& text, bool header) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (header) {
      const std::size_t at = l.find_first_not_of(" \t");
      l = (at != std::string::npos && l.compare(at, 3, "///") == 0) ? l.substr(at + 3) : "";
      if (!l.empty() && l[0] == ' ') l.erase(0, 1);
    }
    lines.push_back(l);
  }
  std::vector<Command> out;
  bool fenced = false;
  std::string paragraph;            // prose lines since the last blank line, joined by spaces
  std::vector<std::size_t> starts;  // where each of them begins in `paragraph`, and its line
  std::size_t first_line = 0;
  const auto flush = [&]() {
    // Code spans: text between single backticks, within one paragraph.
    std::size_t at = 0;
    while ((at = paragraph.find('`', at)) != std::string::npos) {
      std::size_t ticks = paragraph.find_first_not_of('`', at) - at;
      if (at + ticks >= paragraph.size()) break;
      const std::size_t close = paragraph.find(std::string(ticks, '`'), at + ticks);
      if (close == std::string::npos) break;
      std::size_t line = first_line;
      for (std::size_t k = 0; k < starts.size() && starts[k] <= at; ++k) line = first_line + k;
      if (ticks == 1) add_command(paragraph.substr(at + 1, close - at - 1), file, line + 1, out);
      at = close + ticks;
    }
    paragraph.clear();
    starts.clear();
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string l = lines[i];
    const std::size_t indent = l.find_first_not_of(' ');
    if (indent != std::string::npos && l.compare(indent, 3, "```") == 0) {
      flush();
      fenced = !fenced;
      continue;
    }
    const bool indented_code =
        !fenced && indent != std::string::npos && indent >= 4 &&
        (i == 0 || lines[i - 1].find_first_not_of(' ') == std::string::npos ||
         lines[i - 1].find_first_not_of(' ') >= 4);
    if (fenced || indented_code) {
      flush();
      // A line ending in a backslash goes on with the next one.
      const std::size_t line = i + 1;
      while (!l.empty() && l.back() == '\\' && i + 1 < lines.size()) l.pop_back(), l += lines[++i];
      add_code_line(l, file, line, out);
      continue;
    }
    if (indent == std::string::npos) {
      flush();
      continue;
    }
    if (paragraph.empty()) first_line = i;
    starts.push_back(paragraph.size());
    paragraph += l + " ";
  }
  flush();
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: test_docs_commands <dlc> <source-dir> <block,block,...>\n";
    return 2;
  }
  const std::string dlc = argv[1];
  const fs::path root = argv[2];

  std::vector<std::pair<std::string, bool>> files = {{"README.md", false}};
  std::vector<std::string> folders = {"common"};
  for (std::string blocks = argv[3]; !blocks.empty();) {
    const std::size_t comma = std::min(blocks.find(','), blocks.size());
    folders.push_back(blocks.substr(0, comma));
    blocks.erase(0, comma + 1);
  }
  std::vector<std::string> found;
  for (const auto& [folder, ext] : {std::pair{std::string("docs"), std::string(".md")}}) {
    for (const auto& e : fs::directory_iterator(root / folder))
      if (e.path().extension() == ext) found.push_back(folder + "/" + e.path().filename().string());
  }
  for (const std::string& folder : folders) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(root / folder, ec))
      if (e.path().extension() == ".hpp")
        found.push_back(folder + "/" + e.path().filename().string());
  }
  std::sort(found.begin(), found.end());
  for (const std::string& f : found)
    files.emplace_back(f, f.size() > 4 && f.substr(f.size() - 4) == ".hpp");

  dlc::RunLimits limits;
  limits.timeout_seconds = 60;
  limits.output_limit_bytes = 64u << 10;
  const std::vector<std::string> env = dlc::environment_with({"DLC_TEST_PARSE_ONLY=1"});
  std::size_t checked = 0;
  std::size_t refused = 0;
  for (const auto& [file, header] : files) {
    const auto text = dlc::read_file(root / file);
    if (!text) {
      std::cout << file << ": cannot be read\n";
      ++refused;
      continue;
    }
    for (const Command& c : commands_of(file, *text, header)) {
      std::vector<std::string> argv_run = {dlc};
      argv_run.insert(argv_run.end(), c.words.begin(), c.words.end());
      const dlc::ProcessResult r = dlc::run_process(argv_run, env, limits);
      ++checked;
      std::string shown = "dlc";
      for (const std::string& w : c.words) shown += " " + w;
      if (r.started && r.exited && r.exit_code == 0) continue;
      ++refused;
      std::string why = r.started ? r.output.substr(0, r.output.find('\n')) : r.start_error;
      if (r.started && !r.exited) why = "killed by signal " + std::to_string(r.signal);
      std::cout << c.file << ":" << c.line << ": `" << shown << "`: " << why << '\n';
    }
  }
  std::cout << "docs.commands: " << checked << " quoted dlc commands, " << refused << " refused\n";
  return refused == 0 && checked > 0 ? 0 : 1;
}
