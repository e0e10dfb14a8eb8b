/// \file
/// \brief A small, careful XML reader for Catch2's reports.
///
/// It reads what Catch2's XML reporter writes (elements, attributes, text, comments, processing
/// instructions, CDATA, the five predefined entities and numeric character references) and
/// rejects anything else with an `XmlError` naming the line: a report truncated by a crash, a
/// file a submission scribbled over, garbage. It never recurses on the input, so no nesting can
/// exhaust the stack; nesting deeper than `kMaxXmlDepth` is refused.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dlc::grader {

/// Malformed or truncated XML; `what()` is one line, `line 12: what was wrong`.
class XmlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How deeply elements may nest (Catch2 nests a section per level of SECTION).
inline constexpr std::size_t kMaxXmlDepth = 256;

/// One element: its name, attributes (entities decoded, in document order), the character data
/// directly inside it (every text piece concatenated, entities decoded) and its child elements.
struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string text;
  std::vector<XmlElement> children;

  /// The value of an attribute, or nullptr.
  const std::string* attribute(std::string_view attribute_name) const;
  /// The first child element with this name, or nullptr.
  const XmlElement* child(std::string_view child_name) const;
};

/// \brief Parses a whole XML document.
/// \param[in] text the document (an XML declaration, comments and blanks may surround the root)
/// \return the root element
/// \throws XmlError for anything malformed: truncation, a mismatched end tag, a bad name, an
///         unknown entity, a second root, text outside the root, nesting deeper than
///         kMaxXmlDepth.
XmlElement parse_xml(std::string_view text);

}  // namespace dlc::grader
