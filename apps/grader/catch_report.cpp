#include "apps/grader/catch_report.hpp"

#include <signal.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <pugixml.hpp>
#include <sstream>

namespace dlc::grader {

namespace {

constexpr std::string_view kNotImplemented = "not implemented yet:";

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string trimmed(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

std::string attribute_or(const pugi::xml_node& e, const char* name, std::string fallback = "") {
  const pugi::xml_attribute a = e.attribute(name);
  return a ? std::string(a.value()) : fallback;
}

/// The character data directly inside an element (its text and CDATA pieces, entities decoded).
std::string text_of(const pugi::xml_node& e) {
  std::string text;
  for (const pugi::xml_node& c : e.children())
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) text += c.value();
  return text;
}

int line_of(const pugi::xml_node& e) {
  const std::string text = attribute_or(e, "line", "0");
  int line = 0;
  for (const char c : text) {
    if (c < '0' || c > '9' || line > 100000000) return 0;
    line = line * 10 + (c - '0');
  }
  return line;
}

/// Reads the failures of a test case or section, in order; `info` holds the INFO messages seen
/// since the last assertion. `depth` counts the sections around, which may nest kMaxXmlDepth
/// deep, so that no report can exhaust the stack.
void walk(const pugi::xml_node& container, CatchTestCase& test_case,
          std::vector<std::string>& sections, std::vector<std::string>& info, std::size_t depth) {
  if (depth > kMaxXmlDepth)
    throw XmlError("the sections of test case \"" + test_case.name +
                   "\" nest too deeply (more than " + std::to_string(kMaxXmlDepth) + " levels)");
  for (const pugi::xml_node& e : container.children()) {
    if (e.type() != pugi::node_element) continue;
    const std::string name = e.name();
    if (name == "Info" || name == "Warning") {
      info.push_back(trimmed(text_of(e)));
    } else if (name == "Section") {
      sections.push_back(attribute_or(e, "name"));
      walk(e, test_case, sections, info, depth + 1);
      sections.pop_back();
    } else if (name == "Expression" || name == "Exception" || name == "FatalErrorCondition" ||
               name == "Failure") {
      const bool expression = name == "Expression";
      if (expression && attribute_or(e, "success") == "true") {
        info.clear();
        continue;
      }
      CatchFailure f;
      f.test_case = test_case.name;
      f.sections = sections;
      f.file = attribute_or(e, "filename");
      f.line = line_of(e);
      f.info = std::move(info);
      info.clear();
      if (expression) {
        f.kind = CatchFailure::Kind::kExpression;
        f.macro = attribute_or(e, "type");
        if (const pugi::xml_node o = e.child("Original")) f.original = trimmed(text_of(o));
        if (const pugi::xml_node x = e.child("Expanded")) f.expanded = trimmed(text_of(x));
        if (const pugi::xml_node x = e.child("Exception")) {
          f.threw = true;
          f.message = trimmed(text_of(x));
        } else if (const pugi::xml_node fatal = e.child("FatalErrorCondition")) {
          f.kind = CatchFailure::Kind::kFatal;
          f.message = trimmed(text_of(fatal));
        } else if (const pugi::xml_node failure = e.child("Failure")) {
          f.message = trimmed(text_of(failure));
        }
      } else {
        f.kind = name == "Exception"             ? CatchFailure::Kind::kException
                 : name == "FatalErrorCondition" ? CatchFailure::Kind::kFatal
                                                 : CatchFailure::Kind::kExplicit;
        f.message = trimmed(text_of(e));
      }
      test_case.failures.push_back(std::move(f));
    } else if (name == "OverallResult") {
      test_case.finished = true;
      test_case.success = attribute_or(e, "success") == "true";
      if (const pugi::xml_node out = e.child("StdOut")) test_case.std_out = trimmed(text_of(out));
      if (const pugi::xml_node err = e.child("StdErr")) test_case.std_err = trimmed(text_of(err));
    }
  }
}

CatchTestCase read_test_case(const pugi::xml_node& e) {
  CatchTestCase t;
  t.name = attribute_or(e, "name");
  t.tags = attribute_or(e, "tags");
  std::vector<std::string> sections;
  std::vector<std::string> info;
  walk(e, t, sections, info, 0);
  if (!t.finished)
    throw XmlError("test case \"" + t.name + "\" has no result: the report is incomplete");
  // A failed test case with nothing to show for it still failed.
  if (!t.success && t.failures.empty()) {
    CatchFailure f;
    f.kind = CatchFailure::Kind::kExplicit;
    f.test_case = t.name;
    f.message = "the test case failed";
    t.failures.push_back(std::move(f));
  }
  return t;
}

bool is_not_implemented(const CatchFailure& f) {
  if (f.kind == CatchFailure::Kind::kFatal) return false;
  if (f.message.find(kNotImplemented) != std::string::npos) return true;
  // CHECK_THROWS_WITH compares the message, which its expansion then shows.
  return f.kind == CatchFailure::Kind::kExpression && !f.threw &&
         f.expanded.find(kNotImplemented) != std::string::npos;
}

/// The exercise id after "not implemented yet: " in a stub's failure.
std::string not_implemented_id(const CatchFailure& f) {
  const std::string& text =
      f.message.find(kNotImplemented) != std::string::npos ? f.message : f.expanded;
  auto at = text.find(kNotImplemented);
  if (at == std::string::npos) return {};
  at += kNotImplemented.size();
  while (at < text.size() && text[at] == ' ') ++at;
  std::size_t end = at;
  while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                               text[end] == '_' || text[end] == '.'))
    ++end;
  return text.substr(at, end - at);
}

std::string strip_prefix(const std::string& file, const std::vector<std::string>& prefixes) {
  for (const auto& p : prefixes) {
    if (p.empty()) continue;
    const std::string dir = p.back() == '/' ? p : p + "/";
    if (file.compare(0, dir.size(), dir) == 0) return file.substr(dir.size());
  }
  return file;
}

std::string indented(const std::string& text, const std::string& indent) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out += indent + text.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return out;
}

/// A number with at most two decimals and no trailing zeros: `3`, `0.5`, `62.25`.
std::string seconds_text(double s) {
  std::ostringstream os;
  os.setf(std::ios::fixed);
  os.precision(2);
  os << s;
  std::string t = os.str();
  while (!t.empty() && t.back() == '0') t.pop_back();
  if (!t.empty() && t.back() == '.') t.pop_back();
  return t;
}

std::string bytes_text(std::size_t bytes) {
  const double kib = static_cast<double>(bytes) / 1024.0;
  const double mib = kib / 1024.0;
  if (mib >= 1024 && std::fmod(mib, 1024) == 0) return seconds_text(mib / 1024) + " GiB";
  if (mib >= 1) return seconds_text(std::round(mib * 10) / 10) + " MiB";
  if (kib >= 1) return seconds_text(std::round(kib * 10) / 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

std::string check_as_written(const CatchFailure& f) {
  if (f.macro.empty()) return f.original;
  return f.macro + "( " + f.original + " )";
}

std::string where(const CatchFailure& f, const DecideOptions& options) {
  if (f.file.empty()) return {};
  return strip_prefix(f.file, options.source_prefixes) +
         (f.line > 0 ? ":" + std::to_string(f.line) : std::string());
}

/// The failure in full, for the detail.
std::string failure_detail(const CatchFailure& f, const DecideOptions& options) {
  std::string d = "in test case \"" + f.test_case + "\"";
  for (const auto& s : f.sections) d += ", section \"" + s + "\"";
  d += "\n";
  const std::string place = where(f, options);
  if (!place.empty()) d += "at " + place + "\n";
  switch (f.kind) {
    case CatchFailure::Kind::kExpression:
      d += indented(check_as_written(f), "  ");
      if (f.threw) {
        d += "threw:\n" + indented(f.message, "  ");
      } else {
        if (!f.expanded.empty() && f.expanded != f.original)
          d += "with expansion:\n" + indented(f.expanded, "  ");
        if (!f.message.empty()) d += "with message:\n" + indented(f.message, "  ");
      }
      break;
    case CatchFailure::Kind::kException:
      d += "an exception escaped the test case:\n" + indented(f.message, "  ");
      break;
    case CatchFailure::Kind::kFatal:
      d += "fatal error:\n" + indented(f.message, "  ");
      break;
    case CatchFailure::Kind::kExplicit:
      d += "FAIL:\n" + indented(f.message, "  ");
      break;
  }
  for (const auto& m : f.info) d += "with message:\n" + indented(m, "  ");
  return d;
}

std::string capped(const std::string& text, std::size_t cap) {
  if (cap == 0 || text.size() <= cap) return text;
  return text.substr(0, cap) + "\n[... " + std::to_string(text.size() - cap) + " more bytes]";
}

/// The output of the run (and what Catch2 captured in the test cases), for the detail.
std::string output_detail(const ProcessResult& run, const CatchReport* report,
                          const DecideOptions& options) {
  std::string d;
  if (report != nullptr) {
    for (const auto& t : report->test_cases) {
      if (!t.std_out.empty())
        d += "std::cout of \"" + t.name + "\":\n" +
             indented(capped(t.std_out, options.output_limit_bytes), "  ");
      if (!t.std_err.empty())
        d += "std::cerr of \"" + t.name + "\":\n" +
             indented(capped(t.std_err, options.output_limit_bytes), "  ");
    }
  }
  const std::string out = trimmed(run.output);
  if (!out.empty()) {
    d += "output";
    if (run.output_truncated)
      d += " (the first " + std::to_string(run.output.size()) + " of " +
           std::to_string(run.output_bytes) + " bytes)";
    d += ":\n" + indented(out, "  ");
  }
  return d;
}

}  // namespace

std::string one_line(std::string_view text, std::size_t max) {
  std::string out;
  bool blank = false;
  for (const char c : text) {
    if (is_space(c)) {
      blank = !out.empty();
      continue;
    }
    if (blank) out += ' ';
    blank = false;
    out += c;
  }
  if (out.size() > max && max > 3) out = out.substr(0, max - 3) + "...";
  return out;
}

CatchReport read_catch_report(std::string_view xml) {
  // pugixml parses without recursion, keeps no DTD and expands no entity of its own, so a report
  // written by anything at all can only be refused.
  pugi::xml_document document;
  const pugi::xml_parse_result parsed =
      document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    const auto at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0));
    const std::string_view before = xml.substr(0, std::min(at, xml.size()));
    const auto line = 1 + std::count(before.begin(), before.end(), '\n');
    throw XmlError("line " + std::to_string(line) + ": " + parsed.description() +
                   (at + 1 >= xml.size() ? " at its end (the report is cut short)" : ""));
  }
  std::size_t roots = 0;
  for (const pugi::xml_node& n : document.children())
    if (n.type() == pugi::node_element) ++roots;
  const pugi::xml_node root = document.document_element();
  if (roots != 1)
    throw XmlError("the report has " + std::to_string(roots) + " root elements, not one");
  const std::string root_name = root.name();
  if (root_name != "Catch" && root_name != "Catch2TestRun")
    throw XmlError("the root element is <" + root_name + ">, not Catch2's <Catch>");
  CatchReport report;
  for (const pugi::xml_node& e : root.children()) {
    if (std::string_view(e.name()) == "Group") {
      for (const pugi::xml_node& t : e.children("TestCase"))
        report.test_cases.push_back(read_test_case(t));
    } else if (std::string_view(e.name()) == "TestCase") {
      report.test_cases.push_back(read_test_case(e));
    }
  }
  return report;
}

std::string last_test_case_started(std::string_view xml) {
  const std::string_view tag = "<TestCase name=\"";
  const auto at = xml.rfind(tag);
  if (at == std::string_view::npos) return {};
  const auto start = at + tag.size();
  const auto end = xml.find('"', start);
  if (end == std::string_view::npos || end - start > 400) return {};
  std::string name(xml.substr(start, end - start));
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    std::string::size_type p = 0;
    while ((p = name.find(from, p)) != std::string::npos) {
      name.replace(p, std::char_traits<char>::length(from), to);
      p += std::char_traits<char>::length(to);
    }
  }
  return name;
}

ExerciseResult decide(const Exercise& exercise, const ProcessResult& run,
                      const std::optional<std::string>& report, const DecideOptions& options) {
  ExerciseResult r;
  r.id = exercise.id;
  r.lecture = exercise.lecture;
  r.title = exercise.title;
  r.points = exercise.points;
  r.score = 0;
  r.seconds = run.seconds;

  const std::string running = report ? last_test_case_started(*report) : std::string();
  const std::string in_test = running.empty() ? "" : "in test case \"" + running + "\"\n";

  if (!run.started) {
    r.outcome = Outcome::kDoesNotCompile;
    r.summary = "does not compile: its test program cannot run (" + run.start_error + ")";
    r.detail = run.start_error + "\n";
    return r;
  }
  if (run.timed_out) {
    r.outcome = Outcome::kTimedOut;
    r.summary = "timed out after " + seconds_text(options.timeout_seconds) + " s";
    r.detail = in_test + "still running after " + seconds_text(options.timeout_seconds) +
               " s: every process it started was killed\n" + output_detail(run, nullptr, options);
    return r;
  }

  // A report may be complete even after a crash (Catch2 finishes it from its signal handler):
  // read it for the details, but the signal decides.
  std::optional<CatchReport> parsed;
  std::string report_problem;
  if (!report) {
    report_problem = "it wrote no test report";
  } else {
    try {
      parsed = read_catch_report(*report);
    } catch (const XmlError& e) {
      report_problem = std::string("its test report is incomplete or malformed (") + e.what() + ")";
    }
  }

  if (!run.exited) {
    r.outcome = Outcome::kCrashed;
    r.summary = "crashed with signal " + std::to_string(run.signal) + " (" +
                signal_description(run.signal) + ")";
    std::string why;
    if (run.signal == SIGXFSZ) {
      why = "a file it wrote grew past the grader's file size limit\n";
    } else if (run.signal == SIGXCPU) {
      why = "it used more processor time than the grader's limit\n";
    } else if (run.signal == SIGKILL) {
      why = "something killed it (the system, for lack of memory?)\n";
    }
    std::string where_text = in_test;
    if (parsed) {
      for (const auto& t : parsed->test_cases)
        for (const auto& f : t.failures)
          if (f.kind == CatchFailure::Kind::kFatal && where_text == in_test)
            where_text = failure_detail(f, options);
    }
    r.detail = where_text + why + output_detail(run, parsed ? &*parsed : nullptr, options);
    return r;
  }

  if (!parsed) {
    r.outcome = Outcome::kExitedEarly;
    r.summary =
        "exited early (exit code " + std::to_string(run.exit_code) + ") before its tests finished";
    r.detail = in_test + report_problem + "\n" + output_detail(run, nullptr, options);
    return r;
  }
  if (parsed->test_cases.empty()) {
    r.outcome = Outcome::kNoTests;
    r.summary = "no test case is tagged [" + exercise.id + "]";
    r.detail = output_detail(run, &*parsed, options);
    return r;
  }

  std::vector<const CatchFailure*> failures;
  for (const auto& t : parsed->test_cases)
    for (const auto& f : t.failures) failures.push_back(&f);
  const bool all_passed = std::all_of(parsed->test_cases.begin(), parsed->test_cases.end(),
                                      [](const CatchTestCase& t) { return t.success; });

  if (all_passed) {
    // Output past the limit is a failure of its own, as in a judge's "output limit exceeded":
    // what the program wrote to the pipe plus what Catch2 captured of std::cout and std::cerr.
    std::size_t written = run.output_bytes;
    for (const auto& t : parsed->test_cases) written += t.std_out.size() + t.std_err.size();
    if (options.output_limit_bytes > 0 && written > options.output_limit_bytes) {
      r.outcome = Outcome::kFailed;
      r.summary = "failed: its tests passed, but it wrote " + bytes_text(written) +
                  " of output, more than the limit of " + bytes_text(options.output_limit_bytes);
      r.detail = output_detail(run, &*parsed, options);
      return r;
    }
    if (run.exit_code == 0) {
      r.outcome = Outcome::kPassed;
      r.score = exercise.points;
      const std::size_t n = parsed->test_cases.size();
      r.summary = "passed (" + std::to_string(n) + (n == 1 ? " test case)" : " test cases)");
      return r;
    }
    r.outcome = Outcome::kFailed;
    r.summary = "failed: its tests passed, but the program then exited with code " +
                std::to_string(run.exit_code);
    r.detail = output_detail(run, &*parsed, options);
    return r;
  }

  const auto first = std::find_if(failures.begin(), failures.end(),
                                  [](const CatchFailure* f) { return !is_not_implemented(*f); });
  if (first == failures.end()) {
    r.outcome = Outcome::kNotImplemented;
    std::vector<std::string> others;  // the unwritten exercises it calls, besides itself
    bool itself = false;
    for (const CatchFailure* f : failures) {
      const std::string id = not_implemented_id(*f);
      if (id == exercise.id) {
        itself = true;
      } else if (!id.empty() && std::find(others.begin(), others.end(), id) == others.end()) {
        others.push_back(id);
      }
    }
    r.summary = "not implemented yet";
    if (!others.empty() && !itself) {
      r.summary += " (it calls ";
      for (std::size_t i = 0; i < others.size(); ++i) r.summary += (i == 0 ? "" : ", ") + others[i];
      r.summary += ", not written yet)";
    }
    r.detail = failures.front()->threw || failures.front()->kind != CatchFailure::Kind::kExpression
                   ? failures.front()->message + "\n"
                   : failures.front()->expanded + "\n";
    return r;
  }

  const CatchFailure& f = **first;
  std::string more;
  const auto later = static_cast<std::size_t>(failures.end() - first) - 1;
  if (later > 0)
    more = "(and " + std::to_string(later) + " more failure" + (later == 1 ? "" : "s") + ")\n";
  r.detail = failure_detail(f, options) + more + output_detail(run, &*parsed, options);
  if (f.kind == CatchFailure::Kind::kFatal) {
    r.outcome = Outcome::kCrashed;
    r.summary = "crashed: " + one_line(f.message);
  } else if (f.kind == CatchFailure::Kind::kException || f.threw) {
    r.outcome = Outcome::kThrew;
    if (f.message == "Unknown exception") {
      r.summary = "threw an exception that is not a std::exception";
    } else if (f.message == "std::bad_alloc") {
      r.summary = "threw std::bad_alloc: it ran out of memory";
      if (options.memory_limit_bytes > 0)
        r.summary += " (the limit is " + bytes_text(options.memory_limit_bytes) + ")";
    } else {
      r.summary = "threw an exception: " + one_line(f.message);
    }
  } else {
    r.outcome = Outcome::kFailed;
    if (f.kind == CatchFailure::Kind::kExplicit) {
      r.summary = "failed: " + f.test_case + ": FAIL: " + one_line(f.message);
    } else {
      r.summary = "failed: " + f.test_case + ": " + one_line(check_as_written(f), 160);
      if (!f.expanded.empty() && f.expanded != f.original)
        r.summary += " with expansion " + one_line(f.expanded, 200);
    }
  }
  return r;
}

}  // namespace dlc::grader
