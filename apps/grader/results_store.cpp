// The last results of grading a student's own tree (results_store.hpp).
//
// The file, one line each:
//
//   dlc-results 1
//   source /absolute/path/of/the/tree
//   <id> TAB <outcome> TAB <score> TAB <points> TAB <file> TAB <hash> TAB <summary>
//   ...
//   end <number of result lines>
//
// The `end` line tells a complete file from a truncated one.

#include "apps/grader/results_store.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "apps/grader/catch_report.hpp"
#include "common/files.hpp"

namespace dlc::grader {

namespace fs = std::filesystem;

namespace {

/// The largest results file read: 100 exercises take about 20 KiB.
constexpr std::size_t kResultsFileLimit = 4u << 20;
/// The longest summary kept.
constexpr std::size_t kSummaryLimit = 400;

const Outcome kOutcomes[] = {Outcome::kPassed,  Outcome::kFailed,         Outcome::kNotImplemented,
                             Outcome::kCrashed, Outcome::kTimedOut,       Outcome::kExitedEarly,
                             Outcome::kThrew,   Outcome::kDoesNotCompile, Outcome::kNoTests};

bool outcome_from_name(const std::string& name, Outcome& outcome) {
  for (const Outcome o : kOutcomes) {
    if (outcome_name(o) == name) {
      outcome = o;
      return true;
    }
  }
  return false;
}

bool whole_number(const std::string& text, int& value) {
  if (text.empty() || text.size() > 6) return false;
  value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

std::string absolute(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) p = fs::absolute(path);
  return p.lexically_normal().string();
}

/// The source folder the build was configured from (CMakeCache.txt), or empty.
std::string configured_source(const std::string& build_dir) {
  const auto cache = read_file(fs::path(build_dir) / "CMakeCache.txt", 1u << 20);
  if (!cache) return {};
  const std::string key = "CMAKE_HOME_DIRECTORY:INTERNAL=";
  const auto at = cache->find("\n" + key);
  if (at == std::string::npos) return {};
  const auto start = at + 1 + key.size();
  return cache->substr(start, cache->find('\n', start) - start);
}

/// `text` cut to `width` characters (UTF-8 aware), with `...` when cut.
std::string cut(const std::string& text, std::size_t width) {
  std::size_t characters = 0;
  for (const char c : text)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++characters;
  if (characters <= width || width < 4) return text;
  std::string out;
  std::size_t kept = 0;
  for (const char c : text) {
    const bool starts_character = (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    if (starts_character && kept++ == width - 3) break;
    out += c;
  }
  return out + "...";
}

}  // namespace

const StoredResult* StoredResults::find(const std::string& id) const {
  for (const auto& r : results)
    if (r.id == id) return &r;
  return nullptr;
}

std::string content_hash(const std::string& text) {
  std::uint64_t h = 14695981039346656037ull;  // FNV-1a's offset basis
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;  // FNV's 64-bit prime
  }
  static const char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<std::size_t>(i)] = kHex[h & 0xF];
  return out;
}

std::string results_file(const std::string& build_dir, const std::string& source_dir) {
  const std::string source = absolute(source_dir);
  const std::string configured = configured_source(build_dir);
  if (configured.empty() || absolute(configured) == source)
    return (fs::path(build_dir) / "dlc-results.txt").string();
  return (fs::path(build_dir) / ("dlc-results-" + content_hash(source) + ".txt")).string();
}

StoredResults parse_results(const std::string& text, const std::string& name,
                            const std::string& source_dir) {
  StoredResults out;
  auto corrupt = [&](std::size_t line, const std::string& what) {
    StoredResults none;
    none.note = "ignored the stored results in " + name + " (line " + std::to_string(line) + ": " +
                what + "); 'dlc grade' stores them again";
    return none;
  };
  std::istringstream in(text);
  std::string line;
  std::size_t number = 0;
  const std::string header = "dlc-results " + std::to_string(kResultsFormatVersion);
  if (!std::getline(in, line)) return corrupt(1, "the file is empty");
  ++number;
  if (line.rfind("dlc-results ", 0) != 0) return corrupt(1, "it is not a results file");
  if (line != header)
    return corrupt(1, "format \"" + one_line(line, 40) + "\", this dlc reads \"" + header + "\"");
  if (!std::getline(in, line) || line.rfind("source ", 0) != 0) return corrupt(2, "no source line");
  ++number;
  if (line.substr(7) != absolute(source_dir))
    return corrupt(2, "they are the results of " + one_line(line.substr(7), 200));
  bool ended = false;
  while (std::getline(in, line)) {
    ++number;
    if (ended) return corrupt(number, "text after the end line");
    if (line.rfind("end ", 0) == 0) {
      int count = 0;
      if (!whole_number(line.substr(4), count) ||
          static_cast<std::size_t>(count) != out.results.size())
        return corrupt(number, "the end line counts " + one_line(line.substr(4), 20) +
                                   " results, the file holds " +
                                   std::to_string(out.results.size()));
      ended = true;
      continue;
    }
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos && fields.size() < 6;
         start = tab + 1)
      fields.push_back(line.substr(start, tab - start));
    fields.push_back(line.substr(start));
    if (fields.size() != 7) return corrupt(number, "expected 7 fields separated by tabs");
    StoredResult r;
    r.id = fields[0];
    if (r.id.empty() || r.id.find(' ') != std::string::npos || r.id.find('.') == std::string::npos)
      return corrupt(number, "\"" + one_line(r.id, 40) + "\" is not an exercise id");
    if (!outcome_from_name(fields[1], r.outcome))
      return corrupt(number, "unknown outcome \"" + one_line(fields[1], 40) + "\"");
    if (!whole_number(fields[2], r.score) || !whole_number(fields[3], r.points) ||
        r.score > r.points)
      return corrupt(number, "the points are not two whole numbers, score <= points");
    r.file = fields[4];
    r.file_hash = fields[5];
    if (r.file.empty() || r.file_hash.size() != 16)
      return corrupt(number, "no lesson file or no hash of it");
    r.summary = fields[6];
    if (out.find(r.id) != nullptr) return corrupt(number, r.id + " appears twice");
    out.results.push_back(std::move(r));
  }
  if (!ended) return corrupt(number + 1, "no end line: the file is truncated");
  return out;
}

StoredResults read_results(const std::string& path, const std::string& source_dir) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return {};
  StoredResults none;
  if (fs::is_regular_file(path, ec) && fs::file_size(path, ec) > kResultsFileLimit) {
    none.note = "ignored the stored results in " + path + ": larger than " +
                std::to_string(kResultsFileLimit >> 20) + " MiB; 'dlc grade' stores them again";
    return none;
  }
  const auto text = read_file(path, kResultsFileLimit);
  if (!text) {
    none.note = "cannot read the stored results in " + path + ": " + std::strerror(errno);
    return none;
  }
  return parse_results(*text, path, source_dir);
}

std::string format_results(const StoredResults& results, const std::string& source_dir) {
  std::string out = "dlc-results " + std::to_string(kResultsFormatVersion) + "\n";
  out += "source " + absolute(source_dir) + "\n";
  for (const auto& r : results.results) {
    out += r.id + "\t" + outcome_name(r.outcome) + "\t" + std::to_string(r.score) + "\t" +
           std::to_string(r.points) + "\t" + r.file + "\t" + r.file_hash + "\t" +
           one_line(r.summary, kSummaryLimit) + "\n";
  }
  out += "end " + std::to_string(results.results.size()) + "\n";
  return out;
}

void merge_results(StoredResults& merged, const GradeReport& report) {
  for (const auto& e : report.exercises) {
    if (e.file.empty() || e.file_hash.empty()) continue;
    StoredResult r;
    r.id = e.id;
    r.outcome = e.outcome;
    r.score = e.score;
    r.points = e.points;
    r.file = e.file;
    r.file_hash = e.file_hash;
    r.summary = one_line(e.summary, kSummaryLimit);
    const auto it = std::find_if(merged.results.begin(), merged.results.end(),
                                 [&](const StoredResult& x) { return x.id == r.id; });
    if (it == merged.results.end()) {
      merged.results.push_back(std::move(r));
    } else {
      *it = std::move(r);
    }
  }
}

StoredResults store_results(const std::string& path, const std::string& source_dir,
                            const GradeReport& report) {
  StoredResults merged = read_results(path, source_dir);
  merged.note.clear();
  merge_results(merged, report);
  write_file_atomically(path, format_results(merged, source_dir));
  return merged;
}

bool ExerciseStatus::passing() const {
  return stored != nullptr && !changed && stored->outcome == Outcome::kPassed;
}

std::string ExerciseStatus::text(std::size_t width) const {
  if (stored == nullptr) return "not graded yet";
  std::string was;
  switch (stored->outcome) {
    case Outcome::kPassed:
      was = "passing";
      break;
    case Outcome::kNotImplemented:
      was = "not implemented yet";
      break;
    default:
      was = "failing";
      break;
  }
  if (changed) return "changed since graded (was " + was + ")";
  if (was != "failing") return was;
  std::string summary = stored->summary;
  if (summary.rfind("failed: ", 0) == 0) summary = summary.substr(8);
  return cut("failing: " + summary, width);
}

ExerciseStatus exercise_status(const StoredResults& stored, const std::string& id,
                               const std::string& source_dir,
                               std::map<std::string, std::string>& hashes) {
  ExerciseStatus s;
  s.stored = stored.find(id);
  if (s.stored == nullptr) return s;
  auto it = hashes.find(s.stored->file);
  if (it == hashes.end()) {
    const auto text = read_file(fs::path(source_dir) / s.stored->file);
    it = hashes.emplace(s.stored->file, text ? content_hash(*text) : std::string()).first;
  }
  s.changed = it->second != s.stored->file_hash;
  return s;
}

}  // namespace dlc::grader
