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
    Self.expectIDsFollowTheBytes(in: Self.texts(count: 300, seed: 501))
  }

  /// Scans `texts` with one scanner and expects equal ids exactly for equal bytes, dense
  /// in the order tokens are first seen, with `isWord` for words and numbers.
  static func expectIDsFollowTheBytes(in texts: [String]) {
    var scanner = WordScanner()
    var reference: [[UInt8]: Int32] = [:]
    for text in texts {
      let bytes = Array(text.utf8)
      let scanned = bytes.withUnsafeBufferPointer { scanner.scan($0) }
      for (token, id) in zip(scanned.tokens, scanned.ids) {
        let key = Array(bytes[token.range])
        if let known = reference[key] {
          #expect(known == id, "\(String(decoding: key, as: UTF8.self))")
        } else {
          #expect(Int(id) == reference.count, "\(String(decoding: key, as: UTF8.self))")
          reference[key] = id
        }
        #expect(scanner.isWord[Int(id)] == token.isWordLike)
      }
    }
    #expect(scanner.count == reference.count)
  }

  /// Pieces for texts that cross the scanner's 64-byte blocks in every way: runs of ASCII
  /// letters and digits of every length, joiners and number separators inside and at the
  /// ends of tokens, and characters beyond ASCII of two, three and four bytes (letters,
  /// digits, spaces, punctuation, apostrophes and hyphens that join), control characters.
  static let blockPieces = [
    "a", "I", "the", "said", "Zelensky", "1", "2024", "1,200", "44.1", "3.", ",5", "1,2,3", "a,1", "U.S.5", "9.a",
    "'", "-", ",", ".", "a'", "'a", "a-", "-a", "a-b", "a'b", "a--b", "a'-b", "1-2", "1'2", "x.y", "e.g.",
    "’", "‘", "“", "”", "a’b", "a‐b", "a‑b", "a\u{2BC}b", "—", "–", "…", "é", "naïve", "Зеленський", "東京", "🙂", "١٢٣",
    "٣,٥", "5,٥", "a\u{301}", "\u{A0}", "\u{2009}", "\u{3000}", "\u{85}", "\u{FEFF}", "\u{200B}", "\u{7}", "\u{0}",
    "\u{1F}", "\u{7F}", "\t", "\n", "\r\n", "\u{B}", "\u{C}", " ", "  ",
  ]

  /// A random text of `blockPieces`, random ASCII words and numbers, and long runs, joined
  /// by spaces or nothing.
  static func blockText(_ generator: inout SeededGenerator) -> String {
    let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    var text = ""
    for _ in 0..<generator.inRange(0...80) {
      switch generator.below(4) {
      case 0:
        text += blockPieces[generator.below(blockPieces.count)]
      case 1:
        // Words of up to 20 letters or digits, and now and then a run past a whole block.
        let length = generator.chance(0.05) ? generator.inRange(60...200) : generator.inRange(1...20)
        text += String((0..<length).map { _ in letters[generator.below(generator.chance(0.8) ? 52 : letters.count)] })
      case 2:
        text += "\(generator.below(100_000))" + (generator.chance(0.5) ? [",", ".", "'", "-"][generator.below(4)] : "")
      default:
        text += ["'", "-", ",", "."][generator.below(4)]
      }
      if generator.chance(0.55) { text += generator.chance(0.9) ? " " : "\u{A0}" }
    }
    return text
  }

  /// The tokens `Tokenizer` finds in `bytes`, as raw bytes (which may be cut inside a
  /// character).
  static func expectedTokens(_ bytes: [UInt8]) -> [Token] {
    bytes.withUnsafeBufferPointer { Tokenizer().tokens(in: $0, range: 0..<$0.count) }
  }

  @Test func tokensAreTheTokenizersAcrossBlocks() {
    var generator = SeededGenerator(seed: 502)
    var scanner = WordScanner()
    for _ in 0..<1_500 {
      let bytes = Array(Self.blockText(&generator).utf8)
      let scanned = bytes.withUnsafeBufferPointer { scanner.scan($0) }
      #expect(scanned.tokens == Self.expectedTokens(bytes), "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
    }
  }

  /// Texts that end at every byte, inside tokens and inside characters, and that start at
  /// every offset of a block.
  @Test func textsEndingAndStartingAnywhere() {
    var generator = SeededGenerator(seed: 503)
    var scanner = WordScanner()
    for _ in 0..<12 {
      let bytes = Array(Self.blockText(&generator).utf8)
      for end in 0...bytes.count {
        let prefix = Array(bytes[..<end])
        let scanned = prefix.withUnsafeBufferPointer { scanner.scan($0) }
        #expect(scanned.tokens == Self.expectedTokens(prefix), "\(String(decoding: prefix, as: UTF8.self).debugDescription)")
      }
      for shift in 0..<70 {
        let shifted = [UInt8](repeating: 0x20, count: shift) + bytes
        let scanned = shifted.withUnsafeBufferPointer { scanner.scan($0) }
        #expect(scanned.tokens == Self.expectedTokens(shifted), "shift \(shift)")
      }
    }
  }

  /// Ids follow the bytes on the random texts too, across texts scanned by one scanner,
  /// and are dense in the order tokens are first seen.
  @Test func idsFollowTheBytesAcrossBlocks() {
    var generator = SeededGenerator(seed: 504)
    Self.expectIDsFollowTheBytes(in: (0..<400).map { _ in Self.blockText(&generator) })
  }

  /// A copy of a scanner goes on with the ids it had, apart from the original.
  @Test func copiesAreIndependent() {
    var scanner = WordScanner()
    let first = Array("alpha beta".utf8)
    _ = first.withUnsafeBufferPointer { scanner.scan($0) }
    var copy = scanner
    let second = Array("gamma alpha".utf8)
    let fromCopy = second.withUnsafeBufferPointer { copy.scan($0) }
    let third = Array("delta alpha".utf8)
    let fromOriginal = third.withUnsafeBufferPointer { scanner.scan($0) }
    #expect(fromCopy.ids == [2, 0])
    #expect(fromOriginal.ids == [2, 0])
    #expect(copy.count == 3 && scanner.count == 3)
  }

  /// Long tokens that share their first eight or sixteen bytes and their length, or only
  /// their length, are told apart.
  @Test func longTokensAreComparedWhole() {
    var scanner = WordScanner()
    let words = ["internationalA", "internationalB", "internationalAB", "xnternationalA", "internationalA",
      String(repeating: "w", count: 300) + "a", String(repeating: "w", count: 300) + "b", String(repeating: "w", count: 301)]
    let bytes = Array(words.joined(separator: " ").utf8)
    let scanned = bytes.withUnsafeBufferPointer { scanner.scan($0) }
    #expect(scanned.ids == [0, 1, 2, 3, 0, 4, 5, 6])
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
