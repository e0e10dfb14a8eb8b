// The grader's reports: the terminal table, Gradescope's results.json, JUnit XML, and the hint
// state; every file written whole (a temporary file, then rename).

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "apps/grader/grader.hpp"
#include "apps/grader/internal.hpp"

namespace dlc::grader {

namespace {

/// `text` as valid UTF-8 without control characters other than tab and newline: what a
/// submission printed may be any bytes, and JSON and XML readers reject the rest. Invalid bytes
/// become U+FFFD, control characters `\xNN`.
std::string clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c == '\t' || c == '\n' || (c >= 0x20 && c != 0x7F)) {
        out += static_cast<char>(c);
      } else if (c != '\r') {
        static const char* hex = "0123456789ABCDEF";
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 15];
      }
      ++i;
      continue;
    }
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      n = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 4;
      cp = c & 0x07;
    }
    bool ok = n != 0 && i + n <= text.size();
    for (std::size_t k = 1; ok && k < n; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // No overlong forms, surrogates or code points past U+10FFFF.
    if (ok) {
      const std::uint32_t min = n == 2 ? 0x80 : n == 3 ? 0x800 : 0x10000;
      ok = cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (ok) {
      out.append(text.substr(i, n));
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  for (const char c : clean(text)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string indented(const std::string& text, const std::string& indent) {
  std::string out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out += indent + line + "\n";
  return out;
}

std::string total_line(const GradeReport& report) {
  return "Total: " + std::to_string(report.score) + " / " + std::to_string(report.max_score) +
         " points";
}

/// An outcome that is a wrong answer (JUnit's failure) rather than a broken run (its error).
bool is_failure(Outcome o) {
  return o == Outcome::kFailed || o == Outcome::kNotImplemented || o == Outcome::kNoTests;
}

}  // namespace

std::string printable(std::string_view text) { return clean(text); }

void write_file_atomically(const std::string& path, const std::string& text) {
  // A name of its own beside `path`, created with the mode a new file gets: 0666 less the umask,
  // which the kernel applies (the umask is the process's, shared by its threads: never changed).
  static std::atomic<unsigned> count{0};
  std::string temp;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    temp = path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(count.fetch_add(1));
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
  const char* data = text.data();
  std::size_t left = text.size();
  int error = 0;
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      error = errno;
      break;
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  if (error == 0 && ::fsync(fd) != 0) error = errno;
  if (::close(fd) != 0 && error == 0) error = errno;
  if (error == 0 && ::rename(temp.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) {
    ::unlink(temp.c_str());
    throw std::runtime_error("cannot write " + path + ": " + std::strerror(error));
  }
}

void write_table(std::ostream& os, const GradeReport& report) {
  const std::ios::fmtflags flags = os.flags();
  for (const auto& n : report.notes) os << "note: " << n << "\n";
  std::size_t id_width = 8;
  std::size_t lecture_width = 7;
  std::size_t points_width = 6;
  auto points_of = [](const ExerciseResult& r) {
    return std::to_string(r.score) + " / " + std::to_string(r.points);
  };
  for (const auto& r : report.exercises) {
    id_width = std::max(id_width, r.id.size());
    lecture_width = std::max(lecture_width, r.lecture.size());
    points_width = std::max(points_width, points_of(r).size());
  }
  auto row = [&](const std::string& id, const std::string& lecture, const std::string& points,
                 const std::string& result) {
    os << std::left << std::setw(static_cast<int>(id_width + 2)) << id
       << std::setw(static_cast<int>(lecture_width + 2)) << lecture << std::right
       << std::setw(static_cast<int>(points_width)) << points << "  " << result << "\n";
  };
  row("Exercise", "Lecture", "Points", "Result");
  for (const auto& r : report.exercises) {
    row(r.id, r.lecture, points_of(r), clean(r.summary));
    const bool show_detail =
        r.outcome != Outcome::kPassed && r.outcome != Outcome::kNotImplemented && !r.detail.empty();
    if (show_detail) os << indented(clean(r.detail), "    ");
  }
  os << total_line(report) << "\n";
  os.flags(flags);
}

void write_gradescope_json(const std::string& path, const GradeReport& report) {
  using Json = nlohmann::ordered_json;
  std::string overall;
  for (const auto& n : report.notes) overall += "note: " + n + "\n";
  overall += total_line(report);
  Json tests = Json::array();
  int number = 0;
  for (const auto& r : report.exercises) {
    ++number;
    std::string output = r.summary;
    if (!r.detail.empty() && r.outcome != Outcome::kPassed) output += "\n\n" + r.detail;
    tests.push_back(
        {{"name", clean(r.id + ": " + r.title + " (lecture " + r.lecture + ")")},
         {"number", std::to_string(number)},
         {"score", r.score},
         {"max_score", r.points},
         {"status", r.outcome == Outcome::kPassed ? "passed" : "failed"},
         {"output", clean(output)},
         {"output_format", "text"},
         {"tags", {clean(r.id.substr(0, r.id.find('.'))), clean("lecture " + r.lecture)}},
         {"visibility", "visible"},
         {"extra_data",
          {{"id", clean(r.id)},
           {"lecture", clean(r.lecture)},
           {"outcome", outcome_name(r.outcome)},
           {"summary", clean(r.summary)},
           {"seconds", std::round(r.seconds * 1000) / 1000}}}});
  }
  const Json results = {{"score", report.score},
                        {"max_score", report.max_score},
                        {"execution_time", static_cast<long long>(std::ceil(report.seconds))},
                        {"output", clean(overall)},
                        {"output_format", "text"},
                        {"visibility", "visible"},
                        {"stdout_visibility", "hidden"},
                        {"tests", tests}};
  write_file_atomically(path, results.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n");
}

void write_junit(const std::string& path, const GradeReport& report) {
  int failures = 0;
  int errors = 0;
  for (const auto& r : report.exercises) {
    if (r.outcome == Outcome::kPassed) continue;
    (is_failure(r.outcome) ? failures : errors) += 1;
  }
  const std::string counts = " tests=\"" + std::to_string(report.exercises.size()) +
                             "\" failures=\"" + std::to_string(failures) + "\" errors=\"" +
                             std::to_string(errors) + "\" skipped=\"0\" time=\"" +
                             fixed(report.seconds, 3) + "\"";
  std::ostringstream os;
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  os << "<testsuites name=\"dl-companion\"" << counts << ">\n";
  os << "  <testsuite name=\"dl-companion exercises\"" << counts << ">\n";
  os << "    <properties>\n";
  os << "      <property name=\"score\" value=\"" << report.score << "\"/>\n";
  os << "      <property name=\"max_score\" value=\"" << report.max_score << "\"/>\n";
  for (const auto& n : report.notes)
    os << "      <property name=\"note\" value=\"" << xml_escape(n) << "\"/>\n";
  os << "    </properties>\n";
  for (const auto& r : report.exercises) {
    os << "    <testcase classname=\"" << xml_escape(r.id.substr(0, r.id.find('.'))) << "\" name=\""
       << xml_escape(r.id) << "\" time=\"" << fixed(r.seconds, 3) << "\">\n";
    os << "      <properties>\n";
    os << "        <property name=\"lecture\" value=\"" << xml_escape(r.lecture) << "\"/>\n";
    os << "        <property name=\"title\" value=\"" << xml_escape(r.title) << "\"/>\n";
    os << "        <property name=\"points\" value=\"" << r.points << "\"/>\n";
    os << "        <property name=\"score\" value=\"" << r.score << "\"/>\n";
    os << "      </properties>\n";
    if (r.outcome != Outcome::kPassed) {
      const char* element = is_failure(r.outcome) ? "failure" : "error";
      os << "      <" << element << " type=\"" << outcome_name(r.outcome) << "\" message=\""
         << xml_escape(r.summary) << "\">" << xml_escape(r.detail) << "</" << element << ">\n";
    }
    os << "    </testcase>\n";
  }
  os << "  </testsuite>\n</testsuites>\n";
  write_file_atomically(path, os.str());
}

std::vector<std::pair<std::string, int>> read_hint_state(const std::string& path) {
  std::vector<std::pair<std::string, int>> state;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    std::istringstream words(line);
    std::string id;
    long count = 0;
    std::string rest;
    if (!(words >> id >> count) || (words >> rest) || count < 0 || count > 1000) continue;
    auto it =
        std::find_if(state.begin(), state.end(), [&](const auto& p) { return p.first == id; });
    if (it != state.end()) {
      it->second = static_cast<int>(count);
    } else {
      state.emplace_back(id, static_cast<int>(count));
    }
  }
  return state;
}

void write_hint_state(const std::string& path,
                      const std::vector<std::pair<std::string, int>>& state) {
  std::string text = "# dlc hint: how many hints of each exercise have been shown\n";
  for (const auto& [id, count] : state) text += id + " " + std::to_string(count) + "\n";
  write_file_atomically(path, text);
}

std::string fixed(double x, int digits) {
  std::ostringstream os;
  os.setf(std::ios::fixed);
  os.precision(digits);
  os << x;
  return os.str();
}

}  // namespace dlc::grader
