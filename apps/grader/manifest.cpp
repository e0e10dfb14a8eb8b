// The manifest, exercises.ini: one [section] per exercise, `key = value` lines, `#` comments.

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string_view>

#include "apps/grader/grader.hpp"

namespace dlc::grader {

namespace {

std::string_view trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

bool is_word(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

/// `<block>.<name>`, each an identifier of letters, digits and underscores.
bool is_exercise_id(std::string_view id) {
  const auto dot = id.find('.');
  if (dot == std::string_view::npos) return false;
  return is_word(id.substr(0, dot)) && is_word(id.substr(dot + 1));
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

}  // namespace

std::string Exercise::block() const { return id.substr(0, id.find('.')); }

const Exercise* Manifest::find(const std::string& id) const {
  for (const auto& e : exercises)
    if (e.id == id) return &e;
  return nullptr;
}

int Manifest::total_points() const {
  int total = 0;
  for (const auto& e : exercises) total += e.points;
  return total;
}

Manifest parse_manifest(const std::string& text, const std::string& name) {
  Manifest manifest;
  std::map<std::string, std::size_t> line_of_id;  // id -> the line of its section
  std::map<std::string, std::size_t> keys_seen;   // key -> its line, in the current section
  std::size_t section_line = 0;

  auto error = [&](std::size_t line, const std::string& what) {
    return ManifestError(name + ":" + std::to_string(line) + ": " + what);
  };
  // The section just read must have every required field.
  auto finish_section = [&]() {
    if (manifest.exercises.empty()) return;
    const Exercise& e = manifest.exercises.back();
    for (const char* key : {"lecture", "title", "points"}) {
      if (keys_seen.count(key) == 0)
        throw error(section_line, "exercise " + e.id + " has no " + key + " (add `" + key +
                                      " = ...` under [" + e.id + "])");
    }
  };

  std::size_t number = 0;
  std::size_t start = 0;
  std::string_view all(text);
  if (all.substr(0, 3) == "\xEF\xBB\xBF") start = 3;  // a UTF-8 byte order mark
  while (start <= all.size()) {
    const auto end = all.find('\n', start);
    const std::string_view raw =
        all.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    start = end == std::string_view::npos ? all.size() + 1 : end + 1;
    ++number;
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;

    if (line.front() == '[') {
      if (line.back() != ']') throw error(number, "a section must look like [week2.sigmoid]");
      const std::string_view id = trim(line.substr(1, line.size() - 2));
      if (!is_exercise_id(id)) {
        throw error(number, quoted(id) +
                                " is not an exercise id (<block>.<name>, letters, digits and "
                                "underscores, e.g. [week2.sigmoid])");
      }
      finish_section();
      const auto [it, fresh] = line_of_id.emplace(std::string(id), number);
      if (!fresh) {
        throw error(number, "exercise " + std::string(id) + " is listed twice (first at line " +
                                std::to_string(it->second) + ")");
      }
      Exercise e;
      e.id = std::string(id);
      manifest.exercises.push_back(std::move(e));
      keys_seen.clear();
      section_line = number;
      continue;
    }

    const auto eq = line.find('=');
    if (eq == std::string_view::npos)
      throw error(number, "expected `key = value`, a [section], or a # comment");
    const std::string key(trim(line.substr(0, eq)));
    const std::string value(trim(line.substr(eq + 1)));
    if (manifest.exercises.empty())
      throw error(number, "`" + key + "` comes before the first [exercise] section");
    Exercise& e = manifest.exercises.back();
    const bool known =
        key == "lecture" || key == "title" || key == "points" || key == "timeout" || key == "hint";
    if (!known) {
      throw error(number, "unknown key " + quoted(key) +
                              " (the keys are lecture, title, points, timeout, hint)");
    }
    if (value.empty()) throw error(number, "`" + key + "` has no value");
    if (key != "hint") {
      const auto [it, fresh] = keys_seen.emplace(key, number);
      if (!fresh) {
        throw error(number, "`" + key + "` is given twice for " + e.id + " (first at line " +
                                std::to_string(it->second) + ")");
      }
    }
    if (key == "lecture") {
      e.lecture = value;
    } else if (key == "title") {
      e.title = value;
    } else if (key == "hint") {
      e.hints.push_back(value);
    } else if (key == "points") {
      int points = 0;
      const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), points);
      if (ec != std::errc() || ptr != value.data() + value.size() || points < 1) {
        throw error(number, "points must be a whole number of at least 1, not " + quoted(value));
      }
      e.points = points;
    } else {  // timeout
      double seconds = 0;
      const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
      if (ec != std::errc() || ptr != value.data() + value.size() || !std::isfinite(seconds) ||
          seconds <= 0) {
        throw error(number, "timeout must be a positive number of seconds, not " + quoted(value));
      }
      e.timeout_seconds = seconds;
    }
  }
  finish_section();
  if (manifest.exercises.empty()) throw error(number, "no exercise is listed");
  return manifest;
}

Manifest read_manifest(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ManifestError(path + ": cannot read: " + std::strerror(errno));
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw ManifestError(path + ": cannot read: " + std::strerror(errno));
  return parse_manifest(text.str(), path);
}

}  // namespace dlc::grader
