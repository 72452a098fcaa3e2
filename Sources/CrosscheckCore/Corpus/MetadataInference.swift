/// Metadata read from an article's own text: a dateline's agency, a headline line.
package enum MetadataInference {
  /// What the text says about itself.
  package struct Result: Sendable {
    package var metadata = DocumentMetadata()
    /// The byte range of a first paragraph that is a headline, not body text.
    package var headline: Range<Int>?
  }

  /// Longest headline, in words; longer first lines are ledes.
  static let maximumHeadlineWords = 20

  /// Infers metadata from the first paragraphs of a document.
  package static func infer(buffer: TextBuffer, paragraphs: [Range<Int>], format: DocumentFormat) -> Result {
    var result = Result()
    guard let first = paragraphs.first else { return result }
    let firstText = buffer.string(first)
    if paragraphs.count > 1, isHeadline(firstText, format: format) {
      result.headline = first
      result.metadata.title = MetadataValue(firstText.strippingMarkdownHeading(), inferred: true, evidence: firstText)
    }
    // The dateline opens the first paragraph of the body.
    let lede = result.headline == nil ? firstText : buffer.string(paragraphs[1])
    if let (agency, evidence) = datelineAgency(in: lede) {
      result.metadata.outlet = MetadataValue(agency, inferred: true, evidence: evidence)
    }
    return result
  }

  /// Whether a first paragraph reads as a headline: short, no final full stop, no dateline,
  /// not a navigation trail.
  static func isHeadline(_ text: String, format: DocumentFormat) -> Bool {
    if format == .markdown, text.hasPrefix("# ") { return true }
    let words = text.split(whereSeparator: { $0 == " " })
    guard words.count >= 2, words.count <= maximumHeadlineWords, let last = text.unicodeScalars.last else { return false }
    if ".:;,".unicodeScalars.contains(last) { return false }
    // Navigation trails and menus ("Home » World", "News | Politics").
    if text.contains("»") || text.contains(" | ") || text.contains(" > ") { return false }
    if datelineAgency(in: text) != nil { return false }
    // A headline starts with a capital letter or a digit.
    guard let head = text.unicodeScalars.first, Characters.isUppercase(head) || Characters.isDigit(head) || head == "‘" || head == "“" || head == "\"" || head == "'"
    else { return false }
    return true
  }

  /// The news agency named in a dateline such as `Oct. 3 (UPI) —` or
  /// `KYIV, Ukraine (AP) —`: a short parenthesized name near the start, followed by a dash.
  /// - Returns: the agency and the dateline text, or nil.
  package static func datelineAgency(in text: String) -> (String, String)? {
    let window = 120
    let scalars = Array(text.unicodeScalars.prefix(window))
    guard let open = scalars.firstIndex(of: "("), let close = scalars[open...].firstIndex(of: ")") else { return nil }
    let inside = String(String.UnicodeScalarView(scalars[(open + 1)..<close])).trimmingSpaces()
    let insideWords = inside.split(separator: " ")
    guard !inside.isEmpty, insideWords.count <= 4, inside.unicodeScalars.first.map(Characters.isUppercase) == true,
      !inside.unicodeScalars.contains(where: Characters.isDigit)
    else { return nil }
    // A dash must follow the closing bracket.
    var index = close + 1
    while index < scalars.count, Characters.isSpace(scalars[index]) { index += 1 }
    guard index < scalars.count, ["\u{2014}", "\u{2013}", "-"].contains(scalars[index]) else { return nil }
    // The dateline before the bracket is short: a place and/or a date.
    let before = String(String.UnicodeScalarView(scalars[..<open])).trimmingSpaces()
    guard before.split(separator: " ").count <= 6 else { return nil }
    let evidence = String(String.UnicodeScalarView(scalars[...index]))
    return (inside, evidence)
  }
}
