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
      appendVarint(UInt32(token.start - previousEnd), to: &bytes)
      appendVarint(UInt32(token.end - token.start), to: &bytes)
      previousEnd = token.end
    }
    return bytes
  }

  /// Decodes `count` tokens, or returns nil when the bytes do not hold them.
  /// - Complexity: O(n).
  package static func decode(_ bytes: UnsafeRawBufferPointer, count: Int) -> [Token]? {
    var tokens: [Token] = []
    tokens.reserveCapacity(count)
    var index = 0
    var previousEnd = 0
    func varint() -> Int? {
      var value = 0
      var shift = 0
      while index < bytes.count, shift <= 28 {
        let byte = bytes[index]
        index += 1
        value |= Int(byte & 0x7F) << shift
        if byte & 0x80 == 0 { return value }
        shift += 7
      }
      return nil
    }
    while tokens.count < count {
      guard index < bytes.count, let kind = TokenKind(rawValue: bytes[index]) else { return nil }
      index += 1
      guard let gap = varint(), let length = varint() else { return nil }
      let start = previousEnd + gap
      let end = start + length
      guard end <= Int(Int32.max) else { return nil }
      tokens.append(Token(kind: kind, start: start, end: end))
      previousEnd = end
    }
    return index == bytes.count ? tokens : nil
  }

  private static func appendVarint(_ value: UInt32, to bytes: inout [UInt8]) {
    var value = value
    while value >= 0x80 {
      bytes.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }
}
