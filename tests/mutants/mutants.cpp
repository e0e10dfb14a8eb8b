#include "tests/mutants/mutants.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/files.hpp"
#include "tools/stubgen_lib.hpp"
#include "tools/text.hpp"

namespace dlc::mutants {

namespace fs = std::filesystem;

namespace {

using text::is_blank;
using text::starts_with;
using text::trim;

std::string at(std::string_view path, std::size_t line) {
  return std::string(path) + ":" + std::to_string(line) + ": ";
}

std::string backticked(std::string_view text) { return "`" + std::string(text) + "`"; }

bool is_identifier(std::string_view s) {
  if (s.empty() || std::isdigit(static_cast<unsigned char>(s.front()))) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

/// `<block>.<name>`, both identifiers.
bool is_exercise_id(std::string_view id) {
  const std::size_t dot = id.find('.');
  return dot != std::string_view::npos && is_identifier(id.substr(0, dot)) &&
         is_identifier(id.substr(dot + 1));
}

/// The words of `text`, split at blanks.
std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

/// `keyword` followed by a blank or the end of the line: the rest, trimmed; otherwise nothing.
bool keyword(std::string_view line, std::string_view word, std::string_view& rest) {
  if (!starts_with(line, word)) return false;
  const std::string_view after = line.substr(word.size());
  if (!after.empty() && !is_blank(after.front())) return false;
  rest = trim(after);
  return true;
}

/// The text after a `-` or `+` marker: one following space (if any) is part of the marker.
std::string after_marker(std::string_view line) {
  line.remove_prefix(1);
  if (!line.empty() && line.front() == ' ') line.remove_prefix(1);
  while (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return std::string(line);
}

const std::pair<const char*, Expect> kOutcomes[] = {{"lost_points", Expect::kLostPoints},
                                                    {"failed", Expect::kFailed},
                                                    {"crashed", Expect::kCrashed},
                                                    {"timed_out", Expect::kTimedOut},
                                                    {"exited_early", Expect::kExitedEarly},
                                                    {"threw", Expect::kThrew},
                                                    {"does_not_compile", Expect::kDoesNotCompile},
                                                    {"forged", Expect::kForged}};

std::string outcome_list() {
  std::string out;
  for (const auto& [name, expect] : kOutcomes) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

/// Parses `<outcome> ["text"]`.
void parse_expect(std::string_view rest, Mutant& m, const std::string& where) {
  std::size_t end = 0;
  while (end < rest.size() && !is_blank(rest[end])) ++end;
  const std::string_view outcome = rest.substr(0, end);
  const auto* found = std::find_if(std::begin(kOutcomes), std::end(kOutcomes),
                                   [&](const auto& o) { return outcome == o.first; });
  if (found == std::end(kOutcomes))
    throw Error(where + "unknown outcome " + backticked(outcome) + "; write one of " +
                outcome_list());
  m.expect = found->second;
  const std::string_view text = trim(rest.substr(end));
  if (text.empty()) return;
  if (text.size() < 3 || text.front() != '"' || text.back() != '"')
    throw Error(where + "the text after the outcome must be quoted and not empty, e.g. " +
                "`expect crashed \"signal\"`");
  m.expect_text = std::string(text.substr(1, text.size() - 2));
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    if (end == std::string_view::npos) {
      lines.push_back(text);
      break;
    }
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  return lines;
}

/// The lecture block of a solution's path, `solutions/<block>/<lesson>.cpp`.
std::string block_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::size_t before = slash == std::string_view::npos || slash == 0
                                 ? std::string_view::npos
                                 : path.rfind('/', slash - 1);
  if (slash == std::string_view::npos) return {};
  const std::size_t start = before == std::string_view::npos ? 0 : before + 1;
  return std::string(path.substr(start, slash - start));
}

/// The marked regions of a solution, read by dlc-stubgen's reader of the markers.
std::vector<stubgen::Region> regions_of(std::string_view solution, std::string_view path) {
  try {
    return stubgen::regions(solution, path, block_of(path));
  } catch (const stubgen::Error& e) {
    throw Error(e.what());
  }
}

std::string read_text(const fs::path& path, const std::string& shown) {
  std::optional<std::string> text = read_file(path);
  if (!text) throw Error(shown + ":1: cannot be read");
  return *std::move(text);
}

}  // namespace

const char* to_string(Expect expect) {
  for (const auto& [name, e] : kOutcomes)
    if (e == expect) return name;
  return "?";
}

std::string Mutant::where() const { return source + ":" + std::to_string(line); }

std::string Mutant::name() const { return exercise + ": " + description; }

std::string squeeze(std::string_view line) {
  std::string out;
  for (char c : line)
    if (!is_blank(c)) out += c;
  return out;
}

std::vector<Mutant> parse(std::string_view text, std::string_view path) {
  std::vector<Mutant> mutants;
  Mutant* current = nullptr;  // the mutant being read: between its `mutant` and `expect` lines
  bool in_hunk = false;       // the last line was a `-` or `+` line
  bool adding = false;        // ... and it was a `+` line
  const std::vector<std::string_view> lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::size_t number = i + 1;
    const std::string where = at(path, number);
    const std::string_view line = trim(lines[i]);
    if (line.empty() || line.front() == '#') {
      in_hunk = false;
      continue;
    }
    std::string_view rest;
    if (keyword(line, "mutant", rest)) {
      if (current)
        throw Error(where + "the mutant of line " + std::to_string(current->line) +
                    " has no `expect` line before this one");
      const std::size_t colon = rest.find(':');
      const std::string_view id = trim(rest.substr(0, colon));
      if (colon == std::string_view::npos || !is_exercise_id(id))
        throw Error(where + "write `mutant <block>.<name>: <what the mistake is>`");
      const std::string_view description = trim(rest.substr(colon + 1));
      if (description.empty())
        throw Error(where + "say what the mistake is after `mutant " + std::string(id) + ":`");
      mutants.push_back(Mutant{std::string(path),
                               number,
                               std::string(id),
                               std::string(description),
                               {},
                               {},
                               {},
                               Expect::kLostPoints,
                               {}});
      current = &mutants.back();
      in_hunk = false;
      continue;
    }
    if (!current)
      throw Error(where + "expected `mutant <block>.<name>: <what the mistake is>`, found " +
                  backticked(line));
    if (line.front() == '-' || line.front() == '+') {
      const bool plus = line.front() == '+';
      if (plus && !in_hunk) throw Error(where + "a `+` line must follow the `-` lines it replaces");
      if (!plus && (!in_hunk || adding)) {
        current->hunks.push_back(Hunk{number, {}, {}});
      }
      (plus ? current->hunks.back().add : current->hunks.back().remove)
          .push_back(after_marker(trim(lines[i])));
      in_hunk = true;
      adding = plus;
      continue;
    }
    in_hunk = false;
    if (keyword(line, "file", rest) || keyword(line, "grade", rest)) {
      const bool is_file = starts_with(line, "file");
      if (!current->hunks.empty())
        throw Error(where + "`" + (is_file ? "file" : "grade") +
                    "` must come before the first `-` line");
      if (is_file) {
        if (!current->file.empty()) throw Error(where + "a second `file` line");
        if (rest.empty() || rest.find_first_of(" \t") != std::string_view::npos)
          throw Error(where + "write `file solutions/<block>/<lesson>.cpp`");
        current->file = std::string(rest);
      } else {
        const std::vector<std::string> more = words(rest);
        if (more.empty()) throw Error(where + "`grade` needs at least one exercise");
        for (const std::string& id : more)
          if (!is_exercise_id(id) && !is_identifier(id))
            throw Error(where + backticked(id) +
                        " is neither an exercise id <block>.<name> nor a block");
        current->grade.insert(current->grade.end(), more.begin(), more.end());
      }
      continue;
    }
    if (keyword(line, "expect", rest)) {
      if (current->hunks.empty())
        throw Error(where + "the mutant of line " + std::to_string(current->line) +
                    " changes nothing: give `-` lines (and `+` lines) before `expect`");
      parse_expect(rest, *current, where);
      current = nullptr;
      continue;
    }
    throw Error(where + "unknown line " + backticked(line) +
                "; inside a mutant write `file`, `grade`, `-`, `+` or `expect` lines");
  }
  if (current)
    throw Error(at(path, current->line) + "the mutant " + backticked(current->name()) +
                " has no `expect` line");
  return mutants;
}

std::vector<Mutant> load(const std::string& root, const std::string& relative_path) {
  return parse(read_text(fs::path(root) / relative_path, relative_path), relative_path);
}

std::vector<std::string> list_files(const std::string& root, const std::string& folder) {
  std::vector<std::string> files;
  const fs::path dir = fs::path(root) / folder;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().extension() == ".mutants")
      files.push_back((fs::path(folder) / entry.path().filename()).generic_string());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> exercises_of(std::string_view solution, std::string_view path) {
  std::vector<std::string> ids;
  for (const stubgen::Region& region : regions_of(solution, path))
    if (std::find(ids.begin(), ids.end(), region.id) == ids.end()) ids.push_back(region.id);
  return ids;
}

std::string solution_file(const Mutant& mutant, const std::string& root) {
  if (!mutant.file.empty()) return mutant.file;
  const std::string block = mutant.exercise.substr(0, mutant.exercise.find('.'));
  const fs::path dir = fs::path(root) / "solutions" / block;
  std::vector<std::string> found;
  if (fs::is_directory(dir)) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".cpp") continue;
      const std::string relative = "solutions/" + block + "/" + entry.path().filename().string();
      const std::vector<std::string> ids =
          exercises_of(read_text(entry.path(), relative), relative);
      if (std::find(ids.begin(), ids.end(), mutant.exercise) != ids.end())
        found.push_back(relative);
    }
  }
  if (found.size() != 1)
    throw Error(mutant.where() + ": " +
                (found.empty() ? "no solution in solutions/" + block + "/ marks "
                               : std::string("several solutions mark ")) +
                backticked(mutant.exercise) + "; name its file with a `file` line");
  return found.front();
}

std::string apply(const Mutant& mutant, std::string_view solution, std::string_view path) {
  const std::vector<std::string_view> lines = split_lines(solution);
  const bool final_newline = !solution.empty() && solution.back() == '\n';

  // Which lines lie inside the exercise's regions (the marker lines themselves do not).
  std::vector<bool> inside(lines.size(), false);
  bool any_region = false;
  for (const stubgen::Region& region : regions_of(solution, path)) {
    if (region.id != mutant.exercise) continue;
    any_region = true;
    for (std::size_t number = region.line + 1; number < region.end_line; ++number)
      inside[number - 1] = true;
  }
  if (!any_region)
    throw Error(at(mutant.source, mutant.line) + std::string(path) + " has no region marked " +
                backticked("// BEGIN SOLUTION " + mutant.exercise));

  // Where each hunk goes: its `-` lines, squeezed, against every run of lines inside a region.
  struct Place {
    std::size_t first, count;
    const Hunk* hunk;
  };
  std::vector<Place> places;
  for (const Hunk& hunk : mutant.hunks) {
    std::vector<std::string> pattern;
    for (const std::string& l : hunk.remove) pattern.push_back(squeeze(l));
    std::vector<std::size_t> matches;
    for (std::size_t i = 0; i + pattern.size() <= lines.size(); ++i) {
      bool ok = true;
      for (std::size_t k = 0; k < pattern.size() && ok; ++k)
        ok = inside[i + k] && squeeze(lines[i + k]) == pattern[k];
      if (ok) matches.push_back(i);
    }
    const std::string where = at(mutant.source, hunk.line);
    if (matches.empty())
      throw Error(where + "the `-` lines match no lines of the " + mutant.exercise + " region of " +
                  std::string(path) + " (has the solution changed?); first " +
                  backticked(trim(hunk.remove.front())));
    if (matches.size() > 1) {
      std::string at_lines;
      for (std::size_t m : matches)
        at_lines += (at_lines.empty() ? "" : ", ") + std::to_string(m + 1);
      throw Error(where + "the `-` lines match " + std::to_string(matches.size()) + " places of " +
                  std::string(path) + " (lines " + at_lines +
                  "); add a neighbouring line to make them unique");
    }
    places.push_back(Place{matches.front(), pattern.size(), &hunk});
  }
  std::sort(places.begin(), places.end(),
            [](const Place& a, const Place& b) { return a.first < b.first; });
  for (std::size_t k = 1; k < places.size(); ++k)
    if (places[k].first < places[k - 1].first + places[k - 1].count)
      throw Error(at(mutant.source, places[k].hunk->line) + "this hunk overlaps the hunk of line " +
                  std::to_string(places[k - 1].hunk->line));

  std::string out;
  bool changed = false;
  std::size_t next = 0;
  auto emit = [&](std::string_view line) {
    out.append(line);
    out += '\n';
  };
  for (const Place& place : places) {
    for (; next < place.first; ++next) emit(lines[next]);
    const std::string_view first = lines[place.first];
    const std::string indent(first.substr(0, first.find_first_not_of(" \t")));
    std::vector<std::string> removed, added;
    for (std::size_t k = 0; k < place.count; ++k) removed.push_back(squeeze(lines[next + k]));
    for (const std::string& l : place.hunk->add) {
      emit(trim(l).empty() ? std::string() : indent + l);
      added.push_back(squeeze(l));
    }
    changed = changed || removed != added;
    next = place.first + place.count;
  }
  for (; next < lines.size(); ++next) emit(lines[next]);
  if (!final_newline && !out.empty()) out.pop_back();
  if (!changed)
    throw Error(at(mutant.source, mutant.line) + "the mutant " + backticked(mutant.name()) +
                " changes nothing but spaces");
  return out;
}

std::string write_submission(const Mutant& mutant, const std::string& root,
                             const std::string& submission) {
  const std::string file = solution_file(mutant, root);
  const std::string prefix = "solutions/";
  if (!starts_with(file, prefix))
    throw Error(mutant.where() + ": " + backticked(file) + " is not under solutions/");
  const std::string relative = file.substr(prefix.size());
  const std::string text = apply(mutant, read_text(fs::path(root) / file, file), file);
  const fs::path target = fs::path(submission) / relative;
  std::error_code ec;
  fs::create_directories(target.parent_path(), ec);
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (ec || !out) throw Error(mutant.where() + ": cannot write " + target.string());
  return relative;
}

}  // namespace dlc::mutants
