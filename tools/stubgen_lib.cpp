#include "tools/stubgen_lib.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <sstream>

#include "common/files.hpp"
#include "tools/text.hpp"

namespace dlc::stubgen {

namespace fs = std::filesystem;

namespace {

const char* const kRegenerate = "cmake --build <build> --target stubs";

using text::is_blank;
using text::starts_with;
using text::trim;

bool is_identifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front()))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

/// The text of a file split in lines; `final_newline` says whether the last line ended in '\n'.
struct Lines {
  std::vector<std::string_view> lines;
  bool final_newline = false;
};

Lines split_lines(std::string_view text) {
  Lines result;
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    if (end == std::string_view::npos) {
      result.lines.push_back(text);
      return result;
    }
    result.lines.push_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  result.final_newline = !result.lines.empty();
  return result;
}

enum class Marker { none, begin, end };

/// Whether a line is meant as a marker: a `//` comment (not `///` or `//!`) whose first words are
/// BEGIN SOLUTION or END SOLUTION, however spaced, so that a misspelt marker is an error rather
/// than a solution copied into the stub.
Marker marker_kind(std::string_view line) {
  std::string_view body = trim(line);
  if (!starts_with(body, "//") || starts_with(body, "///") || starts_with(body, "//!"))
    return Marker::none;
  const std::string_view words = trim(body.substr(2));
  for (auto [keyword, kind] : {std::pair{"BEGIN", Marker::begin}, {"END", Marker::end}}) {
    std::string_view rest = words;
    if (!starts_with(rest, keyword)) continue;
    rest.remove_prefix(std::strlen(keyword));
    if (rest.empty() || !is_blank(rest.front())) continue;
    if (starts_with(trim(rest), "SOLUTION")) return kind;
  }
  return Marker::none;
}

/// Shows a line or a word of a file in a message.
std::string quoted(std::string_view text) { return "`" + std::string(text) + "`"; }

std::string at(std::string_view path, std::size_t line) {
  return std::string(path) + ":" + std::to_string(line) + ": ";
}

/// Parses a BEGIN marker, `// BEGIN SOLUTION <block>.<name>`.
Region parse_begin(std::string_view line, std::string_view path, std::size_t number,
                   std::string_view block) {
  const std::string where = at(path, number);
  const std::string form = "`// BEGIN SOLUTION " + std::string(block) + ".<name>`";
  const std::string_view prefix = "// BEGIN SOLUTION";
  const std::string_view body = trim(line);
  if (!starts_with(body, prefix) ||
      (body.size() > prefix.size() && body[prefix.size()] != ' ' && body[prefix.size()] != ':'))
    throw Error(where + "malformed BEGIN marker " + quoted(body) + "; write " + form);
  std::string_view rest = trim(body.substr(prefix.size()));
  std::size_t id_end = 0;
  while (id_end < rest.size() && rest[id_end] != ':' && !is_blank(rest[id_end])) ++id_end;
  const std::string_view id = rest.substr(0, id_end);
  if (id.empty()) throw Error(where + "BEGIN SOLUTION without an exercise id; write " + form);
  const std::size_t dot = id.find('.');
  if (dot == std::string_view::npos || !is_identifier(id.substr(0, dot)) ||
      !is_identifier(id.substr(dot + 1)))
    throw Error(where + quoted(id) + " is not an exercise id of the form " + std::string(block) +
                ".<name>");
  if (id.substr(0, dot) != block)
    throw Error(where + "exercise id " + quoted(id) + " must start with `" + std::string(block) +
                ".`, the folder of this file");
  rest = trim(rest.substr(id_end));
  if (starts_with(rest, ":"))
    throw Error(where + "text after the exercise id " + quoted(id) +
                "; a hint goes to the exercise's section of exercises.ini (hint = ...), and the "
                "marker is " +
                form + " alone");
  if (!rest.empty())
    throw Error(where + "text after the exercise id " + quoted(id) + "; write " + form + " alone");
  return Region{std::string(id), number, 0};
}

// ---- The project: solutions, stubs and the command line. ----

struct Lesson {
  std::string solution;  ///< from the source root, e.g. solutions/week2/sigmoid.cpp
  std::string stub;      ///< from the source root, e.g. week2/sigmoid.cpp
};

/// The `.cpp` files right inside `dir` (anything not a folder, so that a dangling link is
/// reported as unreadable rather than skipped), sorted by name.
std::vector<std::string> cpp_files(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return names;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".cpp" && !entry.is_directory(ec))
      names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string usage() {
  return "usage: dlc-stubgen (--write | --check | --list) <source-root>\n"
         "  --write  write each stub <block>/<lesson>.cpp from solutions/<block>/<lesson>.cpp\n"
         "  --check  exit 1 when a committed stub differs from what --write would write\n"
         "  --list   print every exercise id with the file and line that mark it\n"
         "       dlc-stubgen --remote <solution> <block> <output>\n"
         "  write the table that lets the grader call the lesson's exercises in another "
         "process\n";
}

}  // namespace

std::string banner(std::string_view solution_path) {
  std::string text =
      "// Student's file: replace each DLC_TODO(...) line with your code; `dlc hint <id>` helps.\n";
  text += "// Generated from " + std::string(solution_path) + "; instructors edit that file and\n";
  text += "// run `" + std::string(kRegenerate) + "`, never this one.\n\n";
  return text;
}

std::vector<std::string> blocks(const std::string& root) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(fs::path(root) / "solutions", ec))
    if (entry.is_directory(ec)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<Region> regions(std::string_view solution, std::string_view path,
                            std::string_view block) {
  const Lines file = split_lines(solution);
  std::vector<Region> found;
  std::optional<Region> open;  // the region being read, if any
  for (std::size_t i = 0; i < file.lines.size(); ++i) {
    const std::string_view line = file.lines[i];
    const std::size_t number = i + 1;
    switch (marker_kind(line)) {
      case Marker::begin:
        if (open)
          throw Error(at(path, number) + "BEGIN SOLUTION inside the region of " + open->id +
                      " opened at line " + std::to_string(open->line) + " (missing END SOLUTION?)");
        open = parse_begin(line, path, number, block);
        break;
      case Marker::end:
        if (trim(line) != "// END SOLUTION")
          throw Error(at(path, number) + "malformed END marker " + quoted(trim(line)) +
                      "; write `// END SOLUTION` alone on its line");
        if (!open) throw Error(at(path, number) + "END SOLUTION without BEGIN SOLUTION");
        open->end_line = number;
        found.push_back(*open);
        open.reset();
        break;
      case Marker::none:
        break;
    }
  }
  if (open)
    throw Error(at(path, open->line) + "BEGIN SOLUTION " + open->id +
                " has no END SOLUTION before the end of the file");
  return found;
}

Stub generate(std::string_view solution, std::string_view path, std::string_view block) {
  const Lines file = split_lines(solution);
  Stub stub;
  stub.text = banner(path);
  stub.regions = regions(solution, path, block);
  auto region = stub.regions.begin();
  for (std::size_t i = 0; i < file.lines.size(); ++i) {
    const std::string_view line = file.lines[i];
    const std::size_t number = i + 1;
    const bool newline = i + 1 < file.lines.size() || file.final_newline;
    if (region != stub.regions.end() && number >= region->line) {
      if (number == region->line) {
        const std::size_t indent = line.find_first_not_of(" \t");
        stub.text += std::string(line.substr(0, indent)) + "DLC_TODO(\"" + region->id + "\");";
      } else if (number == region->end_line) {
        if (newline) stub.text += '\n';  // the DLC_TODO line's
        ++region;
      }
      continue;
    }
    stub.text += line;
    if (newline) stub.text += '\n';
  }
  return stub;
}

std::string enclosing_function(std::string_view solution, std::string_view path, std::size_t line) {
  const Lines file = split_lines(solution);
  for (std::size_t i = std::min(line, file.lines.size()); i-- > 0;) {
    const std::string_view text = file.lines[i];
    if (text.empty() || is_blank(text[0]) || text[0] == '}' || text[0] == '/' || text[0] == '#')
      continue;
    const std::size_t paren = text.find('(');
    if (paren == std::string_view::npos) continue;
    std::size_t end = paren;
    while (end > 0 && is_blank(text[end - 1])) --end;
    std::size_t begin = end;
    while (begin > 0 &&
           (std::isalnum(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '_'))
      --begin;
    const std::string_view name = text.substr(begin, end - begin);
    if (is_identifier(name)) return std::string(name);
  }
  throw Error(at(path, line) + "this region is not inside a function defined at the left margin");
}

std::string enclosing_namespace(std::string_view solution, std::size_t line) {
  const Lines file = split_lines(solution);
  std::vector<std::string> open;  // the namespaces opened at the left margin and not yet closed
  for (std::size_t i = 0; i < std::min(line, file.lines.size()); ++i) {
    const std::string_view text = file.lines[i];
    if (text.rfind("namespace ", 0) == 0 && text.find('{') != std::string_view::npos) {
      open.push_back(std::string(trim(text.substr(10, text.find('{') - 10))));
    } else if (text.rfind("}", 0) == 0 && text.find("// namespace") != std::string_view::npos &&
               !open.empty()) {
      open.pop_back();
    }
  }
  std::string name;
  for (const std::string& n : open) name += (name.empty() || n.empty() ? "" : "::") + n;
  return name;
}

std::vector<ExerciseFunction> exercise_functions(std::string_view solution, std::string_view path,
                                                 std::string_view block) {
  std::vector<ExerciseFunction> found;
  for (const Region& region : regions(solution, path, block)) {
    const bool seen = std::any_of(found.begin(), found.end(),
                                  [&](const ExerciseFunction& e) { return e.id == region.id; });
    if (seen) continue;
    std::string space = enclosing_namespace(solution, region.line);
    if (space.empty()) space = "dlc::" + std::string(block);
    found.push_back({region.id, space + "::" + enclosing_function(solution, path, region.line)});
  }
  return found;
}

std::string remote_table(std::string_view solution, std::string_view path, std::string_view block) {
  const std::string lesson(fs::path(std::string(path)).stem().string());
  std::string text = "// Generated by dlc-stubgen from " + std::string(path) +
                     ": each exercise of the lesson,\n// callable in another process "
                     "(common/remote.hpp). Do not edit.\n";
  text += "#include \"common/remote.hpp\"\n#include \"" + std::string(block) + "/" + lesson +
          ".hpp\"\n\n";
  for (const ExerciseFunction& e : exercise_functions(solution, path, block))
    text += "DLC_REMOTE_EXERCISE(\"" + e.id + "\", " + e.function + ")\n";
  return text;
}

std::optional<Difference> first_difference(std::string_view expected, std::string_view actual) {
  if (expected == actual) return std::nullopt;
  const Lines e = split_lines(expected);
  const Lines a = split_lines(actual);
  const std::size_t common = std::min(e.lines.size(), a.lines.size());
  for (std::size_t i = 0; i < common; ++i) {
    if (e.lines[i] != a.lines[i]) return Difference{i + 1, quoted(e.lines[i]), quoted(a.lines[i])};
  }
  const char* const eof = "(end of file)";
  if (e.lines.size() > common) return Difference{common + 1, quoted(e.lines[common]), eof};
  if (a.lines.size() > common) return Difference{common + 1, eof, quoted(a.lines[common])};
  // Same lines: only the newline after the last one differs.
  const std::string last = quoted(e.lines.back());
  const std::string bare = last + " (no final newline)";
  return Difference{common, e.final_newline ? last : bare, a.final_newline ? last : bare};
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (!args.empty() && args[0] == "--remote") {
    // --remote <solution> <block> <output>: written only when it changes, so that the build
    // recompiles it only then.
    if (args.size() != 4) {
      err << usage();
      return 2;
    }
    const std::optional<std::string> text = read_file(args[1]);
    if (!text) {
      err << args[1] << ": cannot read: " << std::strerror(errno) << "\n";
      return 2;
    }
    try {
      const fs::path path(args[1]);
      const std::string relative = "solutions/" + args[2] + "/" + path.filename().string();
      const std::string table = remote_table(*text, relative, args[2]);
      if (read_file(args[3]) != table) {
        std::ofstream file(args[3], std::ios::binary | std::ios::trunc);
        file << table;
        if (!file.flush()) throw Error(args[3] + ": cannot write");
      }
    } catch (const std::exception& e) {
      err << e.what() << "\n";
      return 2;
    }
    return 0;
  }
  if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
    out << usage();
    return 0;
  }
  if (args.size() != 2 || (args[0] != "--write" && args[0] != "--check" && args[0] != "--list")) {
    for (const auto& arg : args) {
      if (starts_with(arg, "-") && arg != "--write" && arg != "--check" && arg != "--list") {
        err << "dlc-stubgen: unknown option " << arg << "\n";
        break;
      }
    }
    err << usage();
    return 2;
  }
  const std::string mode = args[0];
  const fs::path root = args[1];
  std::error_code ec;
  if (!fs::is_directory(root / "solutions", ec)) {
    err << root.string() << ": not a dl-companion source root (it has no solutions/ folder)\n";
    return 2;
  }

  // Every solution, generated; every error, collected before anything is written.
  std::vector<Lesson> lessons;
  std::vector<Stub> stubs;
  std::vector<std::string> errors;
  std::map<std::string, std::string> marked_at;  // exercise id -> file:line of its first region
  for (const std::string& block : blocks(root.string())) {
    for (const auto& name : cpp_files(root / "solutions" / block)) {
      Lesson lesson{"solutions/" + block + "/" + name, block + "/" + name};
      const std::optional<std::string> text = read_file(root / lesson.solution);
      if (!text) {
        errors.push_back(lesson.solution + ": cannot read: " + std::strerror(errno));
        continue;
      }
      try {
        Stub stub = stubgen::generate(*text, lesson.solution, block);
        for (const auto& region : stub.regions) {
          const std::string here = lesson.solution + ":" + std::to_string(region.line);
          auto [it, fresh] = marked_at.emplace(region.id, here);
          if (!fresh && !starts_with(it->second, lesson.solution + ":"))
            errors.push_back(here + ": exercise " + region.id + " is already marked in " +
                             it->second + "; an exercise belongs to one file");
        }
        lessons.push_back(lesson);
        stubs.push_back(std::move(stub));
      } catch (const Error& e) {
        errors.push_back(e.what());
      }
    }
  }
  if (!errors.empty()) {
    for (const auto& e : errors) err << e << "\n";
    return 2;
  }

  // Stubs whose solution is gone.
  std::vector<std::string> orphans;
  for (const std::string& block : blocks(root.string())) {
    for (const auto& name : cpp_files(root / block)) {
      const std::string stub = block + "/" + name;
      if (!fs::exists(root / "solutions" / block / name, ec)) orphans.push_back(stub);
    }
  }
  auto report_orphans = [&] {
    for (const auto& stub : orphans)
      err << stub << ": a stub without a solution (no solutions/" << stub
          << "); delete it or restore its solution\n";
  };

  const std::size_t exercises = marked_at.size();
  if (mode == "--list") {
    for (std::size_t i = 0; i < lessons.size(); ++i) {
      std::map<std::string, int> seen;
      for (const auto& region : stubs[i].regions) ++seen[region.id];
      for (const auto& region : stubs[i].regions) {
        auto it = seen.find(region.id);
        if (it->second == 0) continue;  // already listed at its first region
        const std::size_t pad = region.id.size() < 40 ? 40 - region.id.size() : 1;
        out << region.id << std::string(pad, ' ') << lessons[i].solution << ":" << region.line;
        if (it->second > 1) out << " (" << it->second << " regions)";
        out << "\n";
        it->second = 0;
      }
    }
    return 0;
  }

  if (mode == "--write") {
    std::size_t written = 0;
    for (std::size_t i = 0; i < lessons.size(); ++i) {
      const fs::path target = root / lessons[i].stub;
      if (read_file(target) == stubs[i].text) continue;  // leave its timestamp alone
      fs::create_directories(target.parent_path(), ec);
      std::ofstream file(target, std::ios::binary | std::ios::trunc);
      file << stubs[i].text;
      file.close();
      if (!file) {
        err << lessons[i].stub << ": cannot write: " << std::strerror(errno) << "\n";
        return 2;
      }
      out << "dlc-stubgen: wrote " << lessons[i].stub << "\n";
      ++written;
    }
    out << "dlc-stubgen: " << lessons.size() << " stubs (" << exercises << " exercises), "
        << written << " rewritten\n";
    report_orphans();
    return orphans.empty() ? 0 : 1;
  }

  // --check
  std::size_t stale = 0;
  for (std::size_t i = 0; i < lessons.size(); ++i) {
    const std::optional<std::string> committed = read_file(root / lessons[i].stub);
    if (!committed) {
      err << lessons[i].stub << ": missing; it is generated from " << lessons[i].solution << "\n";
      ++stale;
      continue;
    }
    if (auto diff = first_difference(stubs[i].text, *committed)) {
      err << lessons[i].stub << ":" << diff->line << ": differs from what " << lessons[i].solution
          << " generates\n"
          << "  generated: " << diff->expected << "\n"
          << "  committed: " << diff->actual << "\n";
      ++stale;
    }
  }
  report_orphans();
  if (stale > 0 || !orphans.empty()) {
    err << "dlc-stubgen: " << stale << " of " << lessons.size() << " stubs out of date"
        << (orphans.empty() ? "" : ", " + std::to_string(orphans.size()) + " without a solution")
        << "; edit the solutions, then run `" << kRegenerate << "`\n";
    return 1;
  }
  out << "dlc-stubgen: " << lessons.size() << " stubs up to date with their solutions ("
      << exercises << " exercises)\n";
  return 0;
}

}  // namespace dlc::stubgen
