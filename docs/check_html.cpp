/// \file
/// \brief `dlc-docs-check`: two checks of the generated HTML that Doxygen does not make.
///
///     dlc-docs-check markup <html dir>   # CTest: docs.markup
///     dlc-docs-check local <html dir>    # CTest: docs.self_contained
///
/// **markup** fails on every place where a page shows markup that should have been rendered:
/// an escaped HTML tag (`&lt;table class="markdownTable"&gt;`, `&lt;tt&gt;`), a formula left as
/// source (`\f$ v \f$`), a Doxygen command or Markdown printed as text (`\ref`, `**`, a stray
/// backtick), an entity escaped twice (`&amp;rsquo;`). Doxygen warns about none of these: they
/// come from a `\ref` whose text breaks over a line inside an HTML table, from Markdown in a
/// `\name` title, from a quote inside a backtick span, and the like. Code is left alone: the
/// header listings (`*_source.html`), code blocks and inline code spans show source as written.
///
/// **local** fails when a page loads a script, stylesheet or image from outside the html folder
/// (an absolute path such as `/usr/share/javascript/mathjax/MathJax.js`, `file:`, the network) or
/// from a relative path that does not exist in it: the folder must work copied anywhere, opened
/// from disk or served over http.
///
/// Each problem is printed as `file:line: what` with the text found; the exit status is 1 when
/// there is any, 0 when there is none, 2 for a bad command line.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Check {
  const char* what;
  std::regex pattern;
};

const std::vector<Check>& markup_checks() {
  static const std::string tags =
      "table|tr|td|th|thead|tbody|tt|code|b|i|em|strong|p|br|div|span|a|ul|ol|li|pre|sub|sup|"
      "img|h[1-6]|hr|small|dl|dt|dd|kbd|blockquote|center|caption";
  static const std::string commands =
      "ref|subpage|snippet|image|include|param|tparam|return|returns|brief|file|anchor|section|"
      "subsection|page|mainpage|name|code|endcode|throws|see|note";
  static const std::vector<Check> checks = {
      {"escaped HTML tag", std::regex("&lt;/?(" + tags + ")( [^&]*)?/?&gt;")},
      {"formula left as source", std::regex(R"(\\f[$\[\](){}])")},
      {"entity escaped twice", std::regex("&amp;#?[a-zA-Z0-9]+;")},
      {"Doxygen command printed as text", std::regex("[\\\\@](" + commands + ")([^a-zA-Z]|$)")},
      {"Markdown bold printed as text", std::regex(R"(\*\*[A-Za-z])")},
      {"backtick printed as text", std::regex("`")},
  };
  return checks;
}

std::vector<fs::path> pages(const fs::path& html, bool with_subfolders) {
  std::vector<fs::path> found;
  for (const auto& entry : fs::recursive_directory_iterator(html)) {
    const fs::path& path = entry.path();
    if (!entry.is_regular_file() || path.extension() != ".html") continue;
    if (!with_subfolders && path.parent_path() != html) continue;
    found.push_back(path);
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<std::string> read_lines(const fs::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string excerpt(const std::string& line, std::size_t at, std::size_t length) {
  const std::size_t from = at > 40 ? at - 40 : 0;
  return line.substr(from, std::min<std::size_t>(line.size() - from, length + 80));
}

/// The page's line without what shows code as written: a code block (a `<div class="line">` per
/// line of a \snippet or \code, `<pre>` for an indented block) and inline code spans.
std::string text_outside_code(std::string line, bool& in_pre) {
  static const std::regex code_span("<code>.*?</code>");
  static const std::regex pre_block("<pre[ >].*?</pre>");
  if (in_pre) {
    const std::size_t end = line.find("</pre>");
    if (end == std::string::npos) return "";
    in_pre = false;
    line.erase(0, end + 6);
  }
  line = std::regex_replace(line, pre_block, "");
  const std::size_t pre = line.find("<pre");
  if (pre != std::string::npos) {
    in_pre = true;
    line.erase(pre);
  }
  const std::size_t code_line = line.find("<div class=\"line\">");
  if (code_line != std::string::npos) line.erase(code_line);
  return std::regex_replace(line, code_span, "");
}

int check_markup(const fs::path& html) {
  int problems = 0;
  std::size_t checked = 0;
  for (const fs::path& page : pages(html, false)) {
    const std::string name = page.filename().string();
    if (name.size() > 12 && name.compare(name.size() - 12, 12, "_source.html") == 0) continue;
    ++checked;
    bool in_pre = false;
    const std::vector<std::string> lines = read_lines(page);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::string text = text_outside_code(lines[i], in_pre);
      for (const Check& check : markup_checks()) {
        std::smatch match;
        if (!std::regex_search(text, match, check.pattern)) continue;
        ++problems;
        std::cout << name << ":" << i + 1 << ": " << check.what << " '" << match.str(0)
                  << "' in: " << excerpt(text, match.position(0), match.length(0)) << "\n";
      }
    }
  }
  if (problems > 0) {
    std::cout << "docs.markup: " << problems << " place(s) in " << html.string()
              << " show markup that should have been rendered\n";
    return 1;
  }
  std::cout << "docs.markup: " << checked << " pages checked, no raw markup\n";
  return 0;
}

int check_local(const fs::path& html) {
  static const std::regex resource(R"((<link[^>]*\shref|\ssrc)=["']([^"']*)["'])");
  int problems = 0;
  std::size_t resources = 0;
  const std::vector<fs::path> all = pages(html, true);
  for (const fs::path& page : all) {
    const std::string name = fs::relative(page, html).string();
    const std::vector<std::string> lines = read_lines(page);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      const std::string& line = lines[i];
      for (auto it = std::sregex_iterator(line.begin(), line.end(), resource);
           it != std::sregex_iterator(); ++it) {
        std::string target = (*it)[2].str();
        target = target.substr(0, target.find_first_of("?#"));
        // Nothing to load: an empty target, a script run in place, data written out in full.
        if (target.empty() || target.rfind("javascript:", 0) == 0 || target.rfind("data:", 0) == 0)
          continue;
        ++resources;
        std::string problem;
        if (target.front() == '/' || target.find(':') != std::string::npos) {
          problem = "loads from outside the html folder";
        } else {
          const fs::path file = fs::weakly_canonical(page.parent_path() / target);
          const fs::path root = fs::weakly_canonical(html);
          const std::string inside = fs::relative(file, root).string();
          if (inside.empty() || inside.compare(0, 2, "..") == 0) {
            problem = "loads from outside the html folder";
          } else if (!fs::exists(file)) {
            problem = "loads a file that is not in the html folder";
          }
        }
        if (problem.empty()) continue;
        ++problems;
        std::cout << name << ":" << i + 1 << ": " << problem << ": " << (*it)[2].str() << "\n";
      }
    }
  }
  if (problems > 0) {
    std::cout << "docs.self_contained: " << problems << " resource(s) of " << html.string()
              << " would not load from a copy of the folder\n";
    return 1;
  }
  std::cout << "docs.self_contained: " << all.size() << " pages, " << resources
            << " scripts, stylesheets and images, all inside the folder\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string usage = "usage: dlc-docs-check markup|local <html dir>";
  if (argc != 3) {
    std::cerr << usage << "\n";
    return 2;
  }
  const std::string mode = argv[1];
  const fs::path html = argv[2];
  if (!fs::is_regular_file(html / "index.html")) {
    std::cerr << "dlc-docs-check: no " << (html / "index.html").string()
              << "; build the docs first\n";
    return 2;
  }
  if (mode == "markup") return check_markup(html);
  if (mode == "local") return check_local(html);
  std::cerr << usage << "\n";
  return 2;
}
