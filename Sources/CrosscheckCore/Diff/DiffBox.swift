/// A sub-problem of a diff: `source[sourceStart..<sourceEnd]` against
/// `target[targetStart..<targetEnd]`, a rectangle of the edit graph.
struct DiffBox {
  /// The first source index in the box.
  var sourceStart: Int
  /// One past the last source index in the box.
  var sourceEnd: Int
  /// The first target index in the box.
  var targetStart: Int
  /// One past the last target index in the box.
  var targetEnd: Int

  /// Whether one side is empty, so that every token of the box is changed.
  var hasEmptySide: Bool { sourceStart == sourceEnd || targetStart == targetEnd }

  /// The number of tokens on both sides.
  var tokenCount: Int { (sourceEnd - sourceStart) + (targetEnd - targetStart) }

  /// Removes the common prefix and suffix of the two ranges from the box.
  ///
  /// Equal tokens at the ends are always matched by some minimal script, so trimming
  /// them keeps the result minimal.
  ///
  /// - Complexity: O(*k*), where *k* is the number of tokens trimmed.
  @inline(__always)
  mutating func trim(source: UnsafeBufferPointer<Int32>, target: UnsafeBufferPointer<Int32>) {
    while sourceStart < sourceEnd && targetStart < targetEnd
      && source[sourceStart] == target[targetStart]
    {
      sourceStart += 1
      targetStart += 1
    }
    while sourceStart < sourceEnd && targetStart < targetEnd
      && source[sourceEnd - 1] == target[targetEnd - 1]
    {
      sourceEnd -= 1
      targetEnd -= 1
    }
  }
}
