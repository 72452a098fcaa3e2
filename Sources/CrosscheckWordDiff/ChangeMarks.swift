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
    for index in range {
      deleted[index] = true
    }
  }

  /// Marks every target token of `range` as inserted.
  ///
  /// - Complexity: O(*k*), where *k* is the length of `range`.
  mutating func insert(_ range: Range<Int>) {
    for index in range {
      inserted[index] = true
    }
  }

  /// Marks every token of `box` as changed: all its source tokens deleted and all its
  /// target tokens inserted.
  ///
  /// - Complexity: O(*k*), where *k* is the number of tokens in the box.
  mutating func change(_ box: DiffBox) {
    delete(box.sourceStart..<box.sourceEnd)
    insert(box.targetStart..<box.targetEnd)
  }
}
