import Testing
@testable import CrosscheckCore

/// The byte-level string helpers give what the character-level operations they stand in for give.
@Suite struct CharactersTests {
  /// Pieces that make ASCII and non-ASCII texts, with the awkward cases: a space a combining
  /// mark clings to, CR LF, no-break spaces, and a Kelvin sign (canonically a "K").
  static let pieces = [
    "a", "B", "z", "1", " ", " ", "  ", "|", ",", "/", "-", ".", "\u{A0}", "·", "•", "é", "e\u{301}", "\u{301}",
    "\r\n", "\r", "\n", "\u{212A}", "İ", "’", "»", "\t",
  ]

  static func text(_ generator: inout SeededGenerator, asciiOnly: Bool) -> String {
    let source = asciiOnly ? pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } } : pieces
    return (0..<generator.inRange(0...24)).map { _ in source[generator.below(source.count)] }.joined()
  }

  @Test(arguments: [[" "], [" ", "\u{A0}"], [" ", "|", ",", "·", "•", "/"], [" ", "\u{A0}", "|"], ["|"]] as [[Character]])
  func splitAtAnyEqualsTheCharacterSplit(separators: [Character]) {
    var generator = SeededGenerator(seed: 7)
    for round in 0..<3_000 {
      let text = Self.text(&generator, asciiOnly: round % 2 == 0)
      for maxSplits in [0, 1, 2, 4, Int.max] {
        // The same pieces at the same places, not just equal texts.
        let expected = text.split(maxSplits: maxSplits, whereSeparator: { separators.contains($0) }).map { $0.startIndex..<$0.endIndex }
        let pieces = text.split(atAny: separators, maxSplits: maxSplits).map { $0.startIndex..<$0.endIndex }
        #expect(pieces == expected, "\(text.debugDescription) maxSplits \(maxSplits)")
        let sub = text.dropFirst()
        let expectedInSub = sub.split(maxSplits: maxSplits, whereSeparator: { separators.contains($0) }).map { $0.startIndex..<$0.endIndex }
        #expect(sub.split(atAny: separators, maxSplits: maxSplits).map { $0.startIndex..<$0.endIndex } == expectedInSub)
      }
    }
  }

  @Test func includesEqualsASearchOfTheBytes() {
    var generator = SeededGenerator(seed: 11)
    for round in 0..<5_000 {
      let haystack = Self.text(&generator, asciiOnly: round % 3 == 0)
      let needle = generator.chance(0.5) && !haystack.isEmpty
        ? String(decoding: Array(haystack.utf8).dropFirst(generator.below(haystack.utf8.count)).prefix(generator.inRange(1...6)), as: UTF8.self)
        : Self.text(&generator, asciiOnly: false)
      let bytes = Array(haystack.utf8)
      let pattern = Array(needle.utf8)
      let found = pattern.isEmpty || (bytes.count >= pattern.count && (0...(bytes.count - pattern.count)).contains { Array(bytes[$0..<($0 + pattern.count)]) == pattern })
      #expect(haystack.includes(needle) == found, "\(haystack.debugDescription) \(needle.debugDescription)")
    }
  }

  @Test func trimmingSpacesKeepsTheScalarsBetweenTheFirstAndLastVisibleOnes() {
    var generator = SeededGenerator(seed: 13)
    for _ in 0..<3_000 {
      let text = Self.text(&generator, asciiOnly: false)
      let scalars = Array(text.unicodeScalars)
      var expected = ""
      if let first = scalars.firstIndex(where: { !Characters.isSpace($0) }), let last = scalars.lastIndex(where: { !Characters.isSpace($0) }) {
        expected.unicodeScalars.append(contentsOf: scalars[first...last])
      }
      let trimmed = text.trimmingSpaces()
      #expect(Array(trimmed.unicodeScalars) == Array(expected.unicodeScalars), "\(text.debugDescription)")
    }
  }
}
