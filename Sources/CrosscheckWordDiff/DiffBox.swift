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

  /// Solves `box` piece by piece: each piece is trimmed, a piece with an empty side is
  /// marked changed, and any other goes to `solvePiece`, which marks it or pushes smaller
  /// pieces onto the stack it is given. Pieces wait on that explicit stack, so deep splits
  /// cannot overflow the call stack.
  ///
  /// - Parameters:
  ///   - box: The whole problem.
  ///   - source: The source tokens.
  ///   - target: The target tokens.
  ///   - marks: The marks to set.
  ///   - pending: The stack to keep pieces on, empty (and left empty); a caller that solves
  ///     many boxes passes the same one to spare its allocation.
  ///   - solvePiece: Solves or splits a trimmed piece with both sides non-empty.
  static func solve(
    _ box: DiffBox, source: UnsafeBufferPointer<Int32>, target: UnsafeBufferPointer<Int32>, marks: inout ChangeMarks,
    pending: inout [DiffBox], _ solvePiece: (DiffBox, inout [DiffBox], inout ChangeMarks) -> Void
  ) {
    pending.append(box)
    while var piece = pending.popLast() {
      piece.trim(source: source, target: target)
      if piece.hasEmptySide {
        marks.change(piece)
        continue
      }
      solvePiece(piece, &pending, &marks)
    }
  }
}
