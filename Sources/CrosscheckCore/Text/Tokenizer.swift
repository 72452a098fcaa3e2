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

  /// The tokens of `bytes[range]`.
  package func tokens(in bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Token] {
    var result: [Token] = []
    result.reserveCapacity(range.count / 5)
    var index = range.lowerBound
    let end = range.upperBound
    while index < end {
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
