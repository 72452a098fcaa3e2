/// A half-open range of offsets into one document, stored in 8 bytes instead of a
/// `Range<Int>`'s 16.
///
/// Byte offsets fit because a document is at most 256 MB; token and sentence indices are
/// fewer than its bytes.
@propertyWrapper
package struct CompactRange: Sendable, Equatable {
  private var lower: Int32
  private var upper: Int32

  /// A range whose bounds fit in 32 bits (a larger one stops the program).
  package init(wrappedValue: Range<Int>) {
    lower = Int32(wrappedValue.lowerBound)
    upper = Int32(wrappedValue.upperBound)
  }

  /// The range, as the `Range<Int>` that callers use.
  package var wrappedValue: Range<Int> {
    get { Int(lower)..<Int(upper) }
    set { self = CompactRange(wrappedValue: newValue) }
  }
}
