#include "apps/grader/xml.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>

namespace dlc::grader {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_name_start(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || u >= 0x80;
}

bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

/// A cursor over the document that knows its line, for messages.
class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  XmlElement document() {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // a UTF-8 byte order mark
    skip_misc();
    if (at_end()) fail("no root element (empty or blank document)");
    if (peek() != '<') fail("text before the root element");
    XmlElement root = element();
    skip_misc();
    if (!at_end()) {
      fail(peek() == '<' ? "a second element after the root element ends"
                         : "text after the root element ends");
    }
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    const auto line = 1 + std::count(s_.begin(), s_.begin() + std::min(pos_, s_.size()), '\n');
    throw XmlError("line " + std::to_string(line) + ": " + what);
  }
  [[noreturn]] void truncated(const char* inside) const {
    fail(std::string("the document ends inside ") + inside + " (truncated?)");
  }

  bool at_end() const { return pos_ >= s_.size(); }
  char peek() const { return s_[pos_]; }
  bool starts(std::string_view what) const { return s_.substr(pos_, what.size()) == what; }
  void skip_spaces() {
    while (!at_end() && is_space(peek())) ++pos_;
  }

  /// Skips past `terminator`, which must come before the end.
  void skip_past(std::string_view terminator, const char* inside) {
    const auto end = s_.find(terminator, pos_);
    if (end == std::string_view::npos) truncated(inside);
    pos_ = end + terminator.size();
  }

  /// Blanks, comments, processing instructions and a DOCTYPE, outside the root.
  void skip_misc() {
    while (true) {
      skip_spaces();
      if (starts("<?")) {
        skip_past("?>", "a processing instruction");
      } else if (starts("<!--")) {
        comment();
      } else if (starts("<!DOCTYPE")) {
        const auto end = s_.find('>', pos_);
        if (end == std::string_view::npos) truncated("a DOCTYPE");
        if (s_.substr(pos_, end - pos_).find('[') != std::string_view::npos)
          fail("a DOCTYPE with an internal subset is not supported");
        pos_ = end + 1;
      } else {
        return;
      }
    }
  }

  void comment() {
    pos_ += 4;
    const auto end = s_.find("--", pos_);
    if (end == std::string_view::npos) truncated("a comment");
    if (s_.substr(end, 3) != "-->") fail("`--` inside a comment");
    pos_ = end + 3;
  }

  std::string name() {
    if (at_end()) truncated("a tag");
    if (!is_name_start(peek())) fail(std::string("a name cannot start with '") + peek() + "'");
    const std::size_t first = pos_;
    while (!at_end() && is_name_char(peek())) ++pos_;
    return std::string(s_.substr(first, pos_ - first));
  }

  /// One reference after its `&`, decoded into `out`.
  void reference(std::string& out) {
    // A reference is `&` + letters, digits or `#` (at most 12) + `;`.
    std::size_t semi = pos_;
    while (semi < s_.size() && semi - pos_ <= 12 &&
           (std::isalnum(static_cast<unsigned char>(s_[semi])) || s_[semi] == '#'))
      ++semi;
    if (semi >= s_.size()) truncated("an entity");
    if (s_[semi] != ';' || semi == pos_) fail("a bare '&' (write &amp;)");
    const std::string_view ref = s_.substr(pos_, semi - pos_);
    if (ref == "lt") {
      out += '<';
    } else if (ref == "gt") {
      out += '>';
    } else if (ref == "amp") {
      out += '&';
    } else if (ref == "quot") {
      out += '"';
    } else if (ref == "apos") {
      out += '\'';
    } else if (ref.size() >= 2 && ref[0] == '#') {
      const bool hex = ref[1] == 'x';
      const std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty() || digits.size() > 8)
        fail("a bad character reference &" + std::string(ref) + ";");
      std::uint32_t cp = 0;
      for (const char c : digits) {
        int d = -1;
        if (c >= '0' && c <= '9') d = c - '0';
        if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
        if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
        if (d < 0) fail("a bad character reference &" + std::string(ref) + ";");
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
      }
      if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        fail("a character reference to an invalid character &" + std::string(ref) + ";");
      append_utf8(out, cp);
    } else {
      fail("an unknown entity &" + std::string(ref) + ";");
    }
    pos_ = semi + 1;
  }

  void attributes(XmlElement& e) {
    while (true) {
      const std::size_t before = pos_;
      skip_spaces();
      if (at_end()) truncated("a start tag");
      if (peek() == '>' || peek() == '/') return;
      if (pos_ == before) fail("attributes must be separated by blanks");
      std::string key = name();
      skip_spaces();
      if (at_end()) truncated("a start tag");
      if (peek() != '=') fail("attribute " + key + " has no '=value'");
      ++pos_;
      skip_spaces();
      if (at_end()) truncated("a start tag");
      const char quote = peek();
      if (quote != '"' && quote != '\'') fail("attribute " + key + "'s value is not quoted");
      ++pos_;
      std::string value;
      while (true) {
        if (at_end()) truncated("an attribute value");
        const char c = peek();
        if (c == quote) break;
        if (c == '<') fail("'<' inside attribute " + key + "'s value");
        if (c == '&') {
          ++pos_;
          reference(value);
        } else {
          value += c;
          ++pos_;
        }
      }
      ++pos_;
      for (const auto& [k, v] : e.attributes)
        if (k == key) fail("attribute " + key + " is given twice");
      e.attributes.emplace_back(std::move(key), std::move(value));
    }
  }

  /// The element starting at `<`, with everything inside it; nested elements are kept on an
  /// explicit stack, never by recursion.
  XmlElement element() {
    std::vector<XmlElement> open;
    while (true) {
      // Here: at a '<' that starts an element.
      ++pos_;
      XmlElement e;
      e.name = name();
      attributes(e);
      if (peek() == '/') {
        ++pos_;
        if (at_end()) truncated("a start tag");
        if (peek() != '>') fail("expected '>' after '/' in <" + e.name);
        ++pos_;
        if (open.empty()) return e;
        open.back().children.push_back(std::move(e));
      } else {
        ++pos_;  // '>'
        if (open.size() >= kMaxXmlDepth) fail("elements nest too deeply");
        open.push_back(std::move(e));
      }
      // The content of the innermost open element, up to its next child or its end.
      while (true) {
        if (at_end()) truncated(("element <" + open.back().name + ">").c_str());
        const char c = peek();
        if (c == '&') {
          ++pos_;
          reference(open.back().text);
        } else if (c != '<') {
          const auto next = s_.find_first_of("<&", pos_);
          const auto stop = next == std::string_view::npos ? s_.size() : next;
          open.back().text.append(s_.substr(pos_, stop - pos_));
          pos_ = stop;
        } else if (starts("<!--")) {
          comment();
        } else if (starts("<![CDATA[")) {
          pos_ += 9;
          const auto end = s_.find("]]>", pos_);
          if (end == std::string_view::npos) truncated("a CDATA section");
          open.back().text.append(s_.substr(pos_, end - pos_));
          pos_ = end + 3;
        } else if (starts("<?")) {
          skip_past("?>", "a processing instruction");
        } else if (starts("</")) {
          pos_ += 2;
          const std::string closing = name();
          skip_spaces();
          if (at_end()) truncated("an end tag");
          if (peek() != '>') fail("expected '>' to end </" + closing);
          ++pos_;
          if (closing != open.back().name) {
            fail("</" + closing + "> closes <" + open.back().name + ">");
          }
          XmlElement done = std::move(open.back());
          open.pop_back();
          if (open.empty()) return done;
          open.back().children.push_back(std::move(done));
        } else if (starts("<!")) {
          fail("unexpected markup <!");
        } else {
          break;  // a child element starts: the outer loop reads it
        }
      }
    }
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

}  // namespace

const std::string* XmlElement::attribute(std::string_view attribute_name) const {
  for (const auto& [k, v] : attributes)
    if (k == attribute_name) return &v;
  return nullptr;
}

const XmlElement* XmlElement::child(std::string_view child_name) const {
  for (const auto& c : children)
    if (c.name == child_name) return &c;
  return nullptr;
}

XmlElement parse_xml(std::string_view text) { return Parser(text).document(); }

}  // namespace dlc::grader
