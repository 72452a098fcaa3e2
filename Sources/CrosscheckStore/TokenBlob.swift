import CrosscheckCore

/// The compact encoding of a document's tokens kept in the `tokens` table.
///
/// Each token is its kind (one byte), then the gap from the previous token's end to its
/// start and its length, both as unsigned LEB128 varints. News text has short tokens and
/// single spaces between them, so a token takes about three bytes instead of nine.
package enum TokenBlob {
  /// Encodes tokens, which must be in text order and not overlap.
  /// - Complexity: O(n).
  package static func encode(_ tokens: [Token]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(tokens.count * 3)
    var previousEnd: Int32 = 0
    for token in tokens {
      bytes.append(token.kind.rawValue)
      Varint.append(UInt32(token.start - previousEnd), to: &bytes)
      Varint.append(UInt32(token.end - token.start), to: &bytes)
      previousEnd = token.end
    }
    return bytes
  }

  /// Decodes `count` tokens, or returns nil when the bytes do not hold them.
  /// - Complexity: O(n).
  package static func decode(_ bytes: UnsafeRawBufferPointer, count: Int) -> [Token]? {
    var tokens: [Token] = []
    tokens.reserveCapacity(count)
    var reader = Varint.Reader(bytes)
    var previousEnd = 0
    while tokens.count < count {
      guard let kindByte = reader.byte(), let kind = TokenKind(rawValue: kindByte) else { return nil }
      guard let gap = reader.next(), let length = reader.next() else { return nil }
      let start = previousEnd + gap
      let end = start + length
      guard end <= Int(Int32.max), length <= Token.maximumLength else { return nil }
      tokens.append(Token(kind: kind, start: start, end: end))
      previousEnd = end
    }
    return reader.isAtEnd ? tokens : nil
  }
}
