#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How line breaks delimit paragraphs.
package enum ParagraphStyle: Sendable {
  /// Every non-blank line is a paragraph (news text saved from the web).
  case linePerParagraph
  /// Paragraphs are separated by blank lines; lines inside one are joined (Markdown, hard-wrapped text).
  case blankLineSeparated
}

/// Splits text into paragraphs and lines by byte range.
package enum ParagraphSplitter {
  /// The byte ranges of the lines of `bytes[range]`, without their line breaks.
  /// - Complexity: O(n).
  package static func lines(in bytes: [UInt8], range: Range<Int>? = nil) -> [Range<Int>] {
    let range = range ?? 0..<bytes.count
    var lines: [Range<Int>] = []
    var start = range.lowerBound
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      // Lines run to hundreds of bytes: memchr finds each break far faster than a byte loop.
      while start < range.upperBound, let hit = memchr(base + start, 0x0A, range.upperBound - start) {
        let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        lines.append(start..<index)
        start = index + 1
      }
    }
    lines.append(start..<range.upperBound)
    return lines
  }

  /// Whether a line holds nothing but white space.
  package static func isBlank(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
    for index in line where bytes[index] != 0x20 && bytes[index] != 0x09 && bytes[index] != 0x0D {
      // A no-break space alone on a line still counts as blank.
      if bytes[index] == 0xC2, index + 1 < line.upperBound, bytes[index + 1] == 0xA0 { continue }
      if bytes[index] == 0xA0, index > line.lowerBound, bytes[index - 1] == 0xC2 { continue }
      return false
    }
    return true
  }

  /// Guesses the paragraph style of plain text: hard-wrapped text (most lines short and
  /// several lines in a row without a blank between them) is blank-line separated.
  package static func style(ofPlainText bytes: [UInt8]) -> ParagraphStyle {
    let lines = lines(in: bytes).filter { !isBlank(bytes, $0) }
    guard lines.count >= 6 else { return .linePerParagraph }
    // Typewriter and e-mail wrapping stays under 80 columns; web paragraphs rarely do.
    let wrapWidth = 80
    let short = lines.filter { $0.count <= wrapWidth }.count
    return short * 10 >= lines.count * 9 && hasRunsOfLines(bytes) ? .blankLineSeparated : .linePerParagraph
  }

  private static func hasRunsOfLines(_ bytes: [UInt8]) -> Bool {
    var run = 0
    for line in lines(in: bytes) {
      if isBlank(bytes, line) { run = 0 } else {
        run += 1
        if run >= 3 { return true }
      }
    }
    return false
  }

  /// The paragraphs of `bytes[range]`, each trimmed of surrounding white space.
  package static func paragraphs(in bytes: [UInt8], range: Range<Int>, style: ParagraphStyle) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var current: Range<Int>? = nil
    for line in lines(in: bytes, range: range) {
      let trimmed = trim(bytes, line)
      if trimmed.isEmpty {
        if let paragraph = current { result.append(paragraph) }
        current = nil
        continue
      }
      switch style {
      case .linePerParagraph:
        result.append(trimmed)
      case .blankLineSeparated:
        // A list item starts a block of its own, as in Markdown.
        if let paragraph = current, isListItem(bytes, trimmed) {
          result.append(paragraph)
          current = trimmed
          continue
        }
        current = current.map { $0.lowerBound..<trimmed.upperBound } ?? trimmed
      }
    }
    if let paragraph = current { result.append(paragraph) }
    return result
  }

  /// Whether a trimmed line opens with a list marker ("- ", "* ", "• ").
  static func isListItem(_ bytes: [UInt8], _ line: Range<Int>) -> Bool {
    guard line.count >= 2 else { return false }
    let first = bytes[line.lowerBound]
    if (first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+")) && bytes[line.lowerBound + 1] == 0x20 { return true }
    // "•" is E2 80 A2 in UTF-8.
    return line.count >= 4 && first == 0xE2 && bytes[line.lowerBound + 1] == 0x80 && bytes[line.lowerBound + 2] == 0xA2
  }

  /// `line` without leading and trailing ASCII white space and carriage returns.
  package static func trim(_ bytes: [UInt8], _ line: Range<Int>) -> Range<Int> {
    var lower = line.lowerBound
    var upper = line.upperBound
    func isTrimmable(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0B || byte == 0x0C }
    while lower < upper, isTrimmable(bytes[lower]) { lower += 1 }
    while upper > lower, isTrimmable(bytes[upper - 1]) { upper -= 1 }
    return lower..<upper
  }
}
