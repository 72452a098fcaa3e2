/// A half-open range of offsets into one document, in 8 bytes instead of a `Range<Int>`'s 16.
///
/// Byte offsets fit because a document is at most 256 MB; token and sentence indices are
/// fewer than its bytes.
struct CompactRange: Sendable, Equatable {
  private var lower: Int32
  private var upper: Int32

  init(_ range: Range<Int>) {
    lower = Int32(range.lowerBound)
    upper = Int32(range.upperBound)
  }

  var range: Range<Int> { Int(lower)..<Int(upper) }
}
