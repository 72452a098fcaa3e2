/// Unsigned LEB128 varints: seven bits a byte, low bits first, the high bit set on every
/// byte but the last. The store's blobs (tokens, postings, sentence lengths) are made of them.
enum Varint {
  /// Appends `value` to `bytes`.
  static func append(_ value: UInt32, to bytes: inout [UInt8]) {
    var value = value
    while value >= 0x80 {
      bytes.append(UInt8(value & 0x7F) | 0x80)
      value >>= 7
    }
    bytes.append(UInt8(value))
  }

  /// Reads varints one after another from a buffer.
  struct Reader {
    let bytes: UnsafeRawBufferPointer
    private(set) var index = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Whether every byte has been read.
    var isAtEnd: Bool { index >= bytes.count }

    /// The next byte as it is, or nil at the end.
    mutating func byte() -> UInt8? {
      guard index < bytes.count else { return nil }
      defer { index += 1 }
      return bytes[index]
    }

    /// The next varint, or nil when the bytes end inside one or it does not fit 32 bits.
    mutating func next() -> Int? {
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
  }
}
