import Testing

@testable import CrosscheckCore

/// The scanner splits text exactly as `Tokenizer` does and gives equal ids to equal bytes.
@Suite struct WordScannerTests {
  /// Pieces of news text that exercise every rule of the tokenizer: joiners inside and at
  /// the ends of words, number separators, curly quotes, dashes, letters and digits beyond
  /// ASCII, no-break and other spaces, control characters, long tokens.
  static let pieces = [
    "Kyiv’s", "can't", "Secretary-General", "32-member", "1,200", "44.1", "33rd", "$44.1bn", "U.S.", "—", "–",
    "“quoted”", "‘single’", "«guillemets»", "(brackets)", "end.", "end...", "e.g.", "co-operate", "ex-", "-pre",
    "Zelensky", "Зеленський", "Ελλάδα", "naïve", "façade", "Straße", "١٢٣", "٣,٥", "東京", "🙂", "x\u{301}",
    "\u{00A0}", "\u{2009}", "\t", "\n", "\r\n", "\u{7}", "\u{200E}", "'", "’", "-", ",", ".", "5,", "5.", "a'", "a’b",
    "extraordinarily", "internationalisation", "1,234,567.89", "well-known-ish", " ", "  ",
  ]

  /// Random texts made of those pieces, joined by spaces or nothing.
  static func texts(count: Int, seed: UInt64) -> [String] {
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
      (0..<generator.inRange(0...60)).map { _ in
        pieces[generator.below(pieces.count)] + (generator.chance(0.6) ? " " : "")
      }.joined()
    }
  }

  @Test func tokensAreTheTokenizers() {
    var scanner = WordScanner()
    for text in Self.texts(count: 400, seed: 500) {
      let bytes = Array(text.utf8)
      let expected = Tokenizer().tokens(in: TextBuffer(text))
      let scanned = bytes.withUnsafeBufferPointer { scanner.scan($0) }
      #expect(scanned.tokens == expected, "\(text.debugDescription)")
    }
  }

  /// Two tokens get the same id exactly when their bytes are equal, across texts, and
  /// ids say whether the token is a word.
  @Test func idsFollowTheBytes() {
    var scanner = WordScanner()
    var reference: [[UInt8]: Int32] = [:]
    for text in Self.texts(count: 300, seed: 501) {
      let bytes = Array(text.utf8)
      let scanned = bytes.withUnsafeBufferPointer { scanner.scan($0) }
      for (token, id) in zip(scanned.tokens, scanned.ids) {
        let key = Array(bytes[token.range])
        if let known = reference[key] {
          #expect(known == id, "\(String(decoding: key, as: UTF8.self))")
        } else {
          #expect(!reference.values.contains(id))
          reference[key] = id
        }
        #expect(scanner.isWord[Int(id)] == token.isWordLike)
      }
    }
    #expect(scanner.count == reference.count)
  }

  /// Many distinct tokens, short and long, survive the growth of the table.
  @Test func manyDistinctTokens() {
    var scanner = WordScanner()
    let words = (0..<30_000).map { "w\($0)" + ($0 % 3 == 0 ? "-extraordinarily-long" : "") }
    let text = words.joined(separator: " ")
    let bytes = Array(text.utf8)
    let first = bytes.withUnsafeBufferPointer { scanner.scan($0) }
    #expect(first.ids == (0..<30_000).map { Int32($0) })
    let second = bytes.withUnsafeBufferPointer { scanner.scan($0) }
    #expect(second.ids == first.ids)
    #expect(scanner.count == 30_000)
  }
}
