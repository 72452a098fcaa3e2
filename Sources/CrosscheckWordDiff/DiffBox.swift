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
    pending: inout DiffBoxStack, _ solvePiece: (DiffBox, inout DiffBoxStack, inout ChangeMarks) -> Void
  ) {
    pending.push(box)
    while var piece = pending.pop() {
      piece.trim(source: source, target: target)
      if piece.hasEmptySide {
        marks.change(piece)
        continue
      }
      solvePiece(piece, &pending, &marks)
    }
  }
}

/// A stack of boxes in memory of its own: a push is a store and a pop a load, where an
/// array checks that its buffer is unique on every change. Its owner calls `deallocate()`
/// when done with it.
struct DiffBoxStack {
  private var base: UnsafeMutablePointer<DiffBox>
  private var capacity: Int
  /// The number of boxes on the stack.
  private(set) var count = 0

  /// An empty stack with room for `capacity` boxes before it grows.
  init(capacity: Int = 64) {
    base = .allocate(capacity: capacity)
    self.capacity = capacity
  }

  /// Puts a box on top.
  @inline(__always)
  mutating func push(_ box: DiffBox) {
    if count == capacity { grow() }
    (base + count).initialize(to: box)
    count += 1
  }

  /// Takes the top box off, or returns `nil` when the stack is empty.
  @inline(__always)
  mutating func pop() -> DiffBox? {
    guard count > 0 else { return nil }
    count -= 1
    return (base + count).move()
  }

  /// Doubles the room.
  private mutating func grow() {
    let larger = UnsafeMutablePointer<DiffBox>.allocate(capacity: capacity * 2)
    larger.moveInitialize(from: base, count: count)
    base.deallocate()
    base = larger
    capacity *= 2
  }

  /// Frees the memory; the stack must not be used afterwards.
  func deallocate() {
    base.deallocate()
  }
}
