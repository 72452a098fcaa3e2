/// Escaping and small pieces of HTML markup.
///
/// Document text is untrusted: everything taken from a document (text, ids, metadata,
/// speakers' names) goes through `escape`, in element content and attribute values alike,
/// and nothing from a document is ever put inside a `<script>` element.
enum HTML {
  /// `text` safe in element content and in a quoted attribute value: `& < > " '` become
  /// character references, and control characters other than tab, line feed and carriage
  /// return become their visible Control Pictures (U+2400…), since HTML forbids them.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      case "\u{0}"..."\u{1F}": result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
      case "\u{7F}": result += "\u{2421}"
      case "\u{80}"..."\u{9F}": result += "\u{FFFD}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// ` class="…" title="…"` for the values given, escaped.
  static func attributes(class className: String? = nil, title: String? = nil, id: String? = nil) -> String {
    var result = ""
    if let id { result += " id=\"\(escape(id))\"" }
    if let className, !className.isEmpty { result += " class=\"\(escape(className))\"" }
    if let title, !title.isEmpty { result += " title=\"\(escape(title))\"" }
    return result
  }

  /// Styled text as escaped HTML: insertions as `<ins>`, deletions as `<del>`, highlights as
  /// `<mark>`, the other styles as classes.
  static func styled(_ text: StyledText, shown: (String) -> String = { $0 }) -> String {
    text.runs.map { run -> String in
      let content = escape(shown(run.text))
      switch run.style {
      case .plain: return content
      case .bold, .heading: return "<strong>\(content)</strong>"
      case .dim: return "<span class=\"dim\">\(content)</span>"
      case .inserted: return "<ins>\(content)</ins>"
      case .deleted: return "<del>\(content)</del>"
      case .highlight: return "<mark>\(content)</mark>"
      case .warning, .error: return "<span class=\"warning\">\(content)</span>"
      }
    }.joined()
  }
}
