/// Tells whether a paragraph stops mid-sentence: a scraped article cut off at its end, or
/// a paragraph cut off inside the text ("… further cooperation with neighbor" and no full stop).
///
/// A paragraph is cut off when it is longer than a subheading and its last token is a word,
/// a number, or a comma, semicolon or hyphen, or when the article's last paragraph trails
/// off with an ellipsis. Closing quotation marks count as an ending: news copy sometimes
/// closes a quote without a full stop.
package struct TruncationDetector: Sendable {
  /// Longest line that can be a subheading ("NATO membership"), which needs no full stop.
  static let maximumHeadingWords = 10

  /// A detector with the built-in thresholds.
  package init() {}

  /// Whether `paragraph` stops mid-sentence.
  /// - Parameters:
  ///   - buffer: the document's text.
  ///   - paragraph: the paragraph, with its token range.
  ///   - tokens: the document's tokens.
  ///   - isLast: whether it is the body's last paragraph (where a trailing ellipsis also counts).
  package func isCutOff(buffer: TextBuffer, paragraph: Paragraph, tokens: [Token], isLast: Bool) -> Bool {
    guard !paragraph.tokens.isEmpty else { return false }
    let bytes = buffer.bytes
    // Headings and list items need no full stop.
    if bytes[paragraph.range.lowerBound] == UInt8(ascii: "#") || ParagraphSplitter.isListItem(bytes, paragraph.range) { return false }
    let last = tokens[paragraph.tokens.upperBound - 1]
    let words = tokens[paragraph.tokens].reduce(0) { $0 + ($1.isWordLike ? 1 : 0) }
    let lastScalar = bytes.withUnsafeBufferPointer { Characters.scalar(in: $0, at: Int(last.start)).0 }
    switch last.kind {
    case .word, .number:
      return words > Self.maximumHeadingWords
    case .punctuation:
      if lastScalar == "," || lastScalar == ";" || Characters.isHyphen(lastScalar) { return words > 2 }
      if isLast, words > Self.maximumHeadingWords {
        if lastScalar == "\u{2026}" { return true }
        let count = paragraph.tokens.count
        if count >= 3, (1...3).allSatisfy({ bytes[Int(tokens[paragraph.tokens.upperBound - $0].start)] == UInt8(ascii: ".") }) {
          return true
        }
      }
      return false
    }
  }
}
