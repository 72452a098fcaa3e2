/// One flag per token of each side of a diff: whether the token is deleted (source) or
/// inserted (target). Unmarked tokens are matched in order, so the two sides' unmarked
/// tokens form a common subsequence.
///
/// This is the form in which the compute stage hands its result to the emission stage,
/// like the `rchg` arrays of git's xdiff.
struct ChangeMarks {
  /// For each source token, whether it is deleted.
  var deleted: [Bool]
  /// For each target token, whether it is inserted.
  var inserted: [Bool]

  /// Creates marks with every token unchanged.
  ///
  /// - Parameters:
  ///   - sourceCount: The number of source tokens.
  ///   - targetCount: The number of target tokens.
  init(sourceCount: Int, targetCount: Int) {
    deleted = Array(repeating: false, count: sourceCount)
    inserted = Array(repeating: false, count: targetCount)
  }

  /// Marks every source token of `range` as deleted.
  ///
  /// - Complexity: O(*k*), where *k* is the length of `range`.
  mutating func delete(_ range: Range<Int>) {
    deleted.withUnsafeMutableBufferPointer { UnsafeMutableBufferPointer(rebasing: $0[range]).update(repeating: true) }
  }

  /// Marks every target token of `range` as inserted.
  ///
  /// - Complexity: O(*k*), where *k* is the length of `range`.
  mutating func insert(_ range: Range<Int>) {
    inserted.withUnsafeMutableBufferPointer { UnsafeMutableBufferPointer(rebasing: $0[range]).update(repeating: true) }
  }

  /// Marks every token of `box` as changed: all its source tokens deleted and all its
  /// target tokens inserted.
  ///
  /// - Complexity: O(*k*), where *k* is the number of tokens in the box.
  mutating func change(_ box: DiffBox) {
    delete(box.sourceStart..<box.sourceEnd)
    insert(box.targetStart..<box.targetEnd)
  }

  /// The operations the marks describe, in order: runs of unchanged tokens as `equal`, and
  /// each run of changes between them as one `delete`, `insert` or `replace`. Read as they
  /// are needed, so a long script costs no memory of its own.
  var operations: Operations { Operations(marks: self) }

  /// The operations of change marks, read off the flags one operation at a time.
  struct Operations: Sequence, IteratorProtocol {
    private let deleted: [Bool]
    private let inserted: [Bool]
    /// Where the next operation starts on each side.
    private var x = 0
    private var y = 0

    fileprivate init(marks: ChangeMarks) {
      deleted = marks.deleted
      inserted = marks.inserted
    }

    /// The next operation, or `nil` after the last.
    ///
    /// - Precondition: As many tokens are unchanged on both sides.
    /// - Complexity: O(*k*) for an operation of *k* tokens; long unchanged runs are read
    ///   eight flags at a time.
    mutating func next() -> EditScript.Operation? {
      let (x, y) = (self.x, self.y)
      let (endX, endY, kind): (Int, Int, EditScript.Operation.Kind?) = deleted.withUnsafeBufferPointer { deleted in
        inserted.withUnsafeBufferPointer { inserted in
          let sourceCount = deleted.count
          let targetCount = inserted.count
          guard x < sourceCount || y < targetCount else { return (x, y, nil) }
          var endX = x
          var endY = y
          // Eight unchanged tokens on both sides at once: the flags are bytes, 0 or 1.
          while endX + 8 <= sourceCount && endY + 8 <= targetCount
            // Both buffers hold the eight flags read.
            && UnsafeRawPointer(deleted.baseAddress! + endX).loadUnaligned(as: UInt64.self)
              | UnsafeRawPointer(inserted.baseAddress! + endY).loadUnaligned(as: UInt64.self) == 0
          {
            endX += 8
            endY += 8
          }
          while endX < sourceCount && endY < targetCount && !deleted[endX] && !inserted[endY] {
            endX += 1
            endY += 1
          }
          if endX > x { return (endX, endY, .equal) }
          while endX < sourceCount && deleted[endX] {
            endX += 1
          }
          while endY < targetCount && inserted[endY] {
            endY += 1
          }
          precondition(endX > x || endY > y, "change marks leave unequal numbers of unchanged tokens")
          return (endX, endY, endX == x ? .insert : endY == y ? .delete : .replace)
        }
      }
      guard let kind else { return nil }
      self.x = endX
      self.y = endY
      return EditScript.Operation(kind: kind, sourceRange: x..<endX, targetRange: y..<endY)
    }
  }
}
