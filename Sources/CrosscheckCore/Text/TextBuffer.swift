/// A document's text as UTF-8 bytes, with conversion from byte offsets to the
/// Unicode scalar (code point) offsets that every public result uses.
///
/// Analyses scan `bytes`; results are converted with `scalarOffset(ofByte:)`
/// at the edge, as the design asks (offsets equal Python `str` indices). Only the bytes are
/// kept: a session holds every document's text, and a second copy as a `String` would
/// double it.
package struct TextBuffer: Sendable {
  /// The text's UTF-8 encoding, exactly as long as the text.
  package let bytes: [UInt8]
  /// Scalar count before every `stride`-th byte.
  private let checkpoints: [Int32]
  private static let stride = 256

  /// Creates a buffer over `text`.
  /// - Complexity: O(n) in the length of `text`.
  package init(_ text: String) {
    let bytes = Array(text.utf8)
    self.bytes = bytes
    var checkpoints: [Int32] = []
    checkpoints.reserveCapacity(bytes.count / Self.stride + 1)
    var scalars: Int32 = 0
    for (index, byte) in bytes.enumerated() {
      if index % Self.stride == 0 { checkpoints.append(scalars) }
      if byte & 0xC0 != 0x80 { scalars += 1 }
    }
    if bytes.count % Self.stride == 0 { checkpoints.append(scalars) }
    self.checkpoints = checkpoints
  }

  /// The text as decoded (made from the bytes on each call).
  package var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The number of Unicode scalars in the text.
  package var scalarCount: Int { scalarOffset(ofByte: bytes.count) }

  /// The scalar offset of the scalar that starts at (or contains) byte `offset`.
  /// - Complexity: O(1) amortized (at most 255 bytes are scanned).
  package func scalarOffset(ofByte offset: Int) -> Int {
    let clamped = min(max(offset, 0), bytes.count)
    let block = clamped / Self.stride
    var scalars = Int(checkpoints[block])
    var index = block * Self.stride
    while index < clamped {
      if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
      index += 1
    }
    return scalars
  }

  /// The text between two byte offsets.
  package func string(_ range: Range<Int>) -> String {
    String(decoding: bytes[range], as: UTF8.self)
  }
}
