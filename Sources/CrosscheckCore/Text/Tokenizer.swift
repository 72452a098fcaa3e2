/// Splits text into words, numbers and punctuation marks, keeping each token's byte range.
///
/// Words hold internal apostrophes ("Kyiv’s") and hyphens ("Secretary-General"); numbers
/// hold internal separators followed by a digit ("1,200", "44.1") and trailing letters
/// ("33rd"); every other visible character is a token of its own. White space (including
/// no-break spaces) separates tokens and is not a token.
package struct Tokenizer: Sendable {
  package init() {}

  /// The tokens of `buffer.bytes[range]`.
  /// - Complexity: O(n) in the number of bytes.
  package func tokens(in buffer: TextBuffer, range: Range<Int>? = nil) -> [Token] {
    buffer.bytes.withUnsafeBufferPointer { tokens(in: $0, range: range ?? 0..<$0.count) }
  }

  /// Whether `byte` is an ASCII letter or digit: a scalar that `Characters.isLetter` or
  /// `Characters.isDigit` accepts, read without decoding.
  @inline(__always)
  static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
  }

  /// The tokens of `bytes[range]`.
  package func tokens(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Token] {
    var result: [Token] = []
    result.reserveCapacity(range.count / 5)
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
      if bytes[index] == 0x20 {
        index += 1
        continue
      }
      let (scalar, length) = Characters.scalar(in: bytes, at: index)
      if Characters.isSpace(scalar) {
        index += length
        continue
      }
      let start = index
      if Characters.isLetter(scalar) || Characters.isDigit(scalar) {
        let kind: TokenKind = Characters.isDigit(scalar) ? .number : .word
        index += length
        while index < end {
          // ASCII letters and digits continue the token without decoding; a space ends it.
          let byte = bytes[index]
          if Self.isASCIILetterOrDigit(byte) {
            index += 1
            continue
          }
          if byte == 0x20 { break }
          let (next, nextLength) = Characters.scalar(in: bytes, at: index)
          if Characters.isLetter(next) || Characters.isDigit(next) {
            index += nextLength
            continue
          }
          // A joiner stays inside the token only when a letter or digit follows it.
          let joins: Bool
          if Characters.isApostrophe(next) || Characters.isHyphen(next) {
            joins = true
          } else if kind == .number, next == "," || next == "." {
            joins = true
          } else {
            joins = false
          }
          guard joins, index + nextLength < end else { break }
          let (after, _) = Characters.scalar(in: bytes, at: index + nextLength)
          let continues: Bool
          if kind == .number, next == "," || next == "." {
            continues = Characters.isDigit(after)
          } else {
            continues = Characters.isLetter(after) || Characters.isDigit(after)
          }
          guard continues else { break }
          index += nextLength
        }
        result.append(Token(kind: kind, start: start, end: index))
      } else {
        index += length
        result.append(Token(kind: .punctuation, start: start, end: index))
      }
    }
    return result
  }
}
