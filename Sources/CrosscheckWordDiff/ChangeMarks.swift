/// One flag per token of each side of a diff: whether the token is deleted (source) or
/// inserted (target). Unmarked tokens are matched in order, so the two sides' unmarked
/// tokens form a common subsequence.
///
/// This is the form in which the compute stage hands its result to the emission stage,
/// like the `rchg` arrays of git's xdiff.
struct ChangeMarks {
  /// For each source token, whether it is deleted.
  var deleted: ChangeFlags
  /// For each target token, whether it is inserted.
  var inserted: ChangeFlags

  /// Creates marks with every token unchanged.
  ///
  /// - Parameters:
  ///   - sourceCount: The number of source tokens.
  ///   - targetCount: The number of target tokens.
  init(sourceCount: Int, targetCount: Int) {
    deleted = ChangeFlags(count: sourceCount)
    inserted = ChangeFlags(count: targetCount)
  }

  /// Marks every source token of `range` as deleted.
  ///
  /// - Complexity: O(*k* / 64), where *k* is the length of `range`.
  mutating func delete(_ range: Range<Int>) {
    deleted.set(range)
  }

  /// Marks every target token of `range` as inserted.
  ///
  /// - Complexity: O(*k* / 64), where *k* is the length of `range`.
  mutating func insert(_ range: Range<Int>) {
    inserted.set(range)
  }

  /// Marks every token of `box` as changed: all its source tokens deleted and all its
  /// target tokens inserted.
  ///
  /// - Complexity: O(*k* / 64), where *k* is the number of tokens in the box.
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
    private let deleted: ChangeFlags
    private let inserted: ChangeFlags
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
    /// - Complexity: O(*k* / 64 + 1) for an operation of *k* tokens.
    mutating func next() -> EditScript.Operation? {
      let (x, y) = (self.x, self.y)
      guard x < deleted.count || y < inserted.count else { return nil }
      // Unchanged tokens pair off in order: the equal run ends at the first change on
      // either side, found by reading both sides' flags in step, 64 at a time (searching
      // each side on its own would read a side without changes to its end every time).
      let equal = ChangeFlags.unflaggedRun(deleted, from: x, inserted, from: y)
      let kind: EditScript.Operation.Kind
      let (endX, endY): (Int, Int)
      if equal > 0 {
        (endX, endY, kind) = (x + equal, y + equal, .equal)
      } else {
        (endX, endY) = (deleted.firstClear(from: x), inserted.firstClear(from: y))
        precondition(endX > x || endY > y, "change marks leave unequal numbers of unchanged tokens")
        kind = endX == x ? .insert : endY == y ? .delete : .replace
      }
      self.x = endX
      self.y = endY
      return EditScript.Operation(kind: kind, sourceRange: x..<endX, targetRange: y..<endY)
    }
  }
}

/// A flag per token, sixty-four to a word: a long text's marks take an eighth of a byte
/// per token, and runs of unset or set flags are found a word at a time.
struct ChangeFlags: RandomAccessCollection, Equatable {
  /// The flags, the first in the lowest bit of the first word; bits past `count` are 0.
  private var words: [UInt64]
  /// The number of flags.
  let count: Int

  /// `count` unset flags.
  init(count: Int) {
    self.count = count
    words = [UInt64](repeating: 0, count: (count + 63) / 64)
  }

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  subscript(index: Int) -> Bool {
    get {
      precondition(index >= 0 && index < count, "flag index out of range")
      return words[index >> 6] >> UInt64(index & 63) & 1 != 0
    }
    set {
      precondition(index >= 0 && index < count, "flag index out of range")
      let bit: UInt64 = 1 << UInt64(index & 63)
      if newValue {
        words[index >> 6] |= bit
      } else {
        words[index >> 6] &= ~bit
      }
    }
  }

  /// Sets every flag of `range`.
  ///
  /// - Complexity: O(*k* / 64) for a range of *k* flags.
  mutating func set(_ range: Range<Int>) {
    guard !range.isEmpty else { return }
    precondition(range.lowerBound >= 0 && range.upperBound <= count, "flag range out of range")
    words.withUnsafeMutableBufferPointer { words in
      let first = range.lowerBound >> 6
      let last = (range.upperBound - 1) >> 6
      // The bits from the range's start in its first word, and up to its end in its last.
      let head: UInt64 = ~0 << UInt64(range.lowerBound & 63)
      let tail: UInt64 = ~0 >> UInt64(63 - (range.upperBound - 1) & 63)
      if first == last {
        words[first] |= head & tail
        return
      }
      words[first] |= head
      for index in (first + 1)..<last { words[index] = ~0 }
      words[last] |= tail
    }
  }

  /// The 64 flags from `index` on, the first in the lowest bit; 0 past the end.
  @inline(__always)
  private func flags(at index: Int) -> UInt64 {
    let word = index >> 6
    let shift = UInt64(index & 63)
    guard word < words.count else { return 0 }
    let low = words[word] >> shift
    guard shift != 0, word + 1 < words.count else { return low }
    return low | words[word + 1] << (64 - shift)
  }

  /// How many flags from `first` in `a` and from `second` in `b` are unset on both, taken
  /// in step, until either is set or either side ends.
  ///
  /// - Complexity: O(*k* / 64 + 1) for a run of *k*.
  static func unflaggedRun(_ a: ChangeFlags, from first: Int, _ b: ChangeFlags, from second: Int) -> Int {
    let limit = Swift.min(a.count - first, b.count - second)
    var run = 0
    while run < limit {
      let either = a.flags(at: first + run) | b.flags(at: second + run)
      if either != 0 { return Swift.min(run + either.trailingZeroBitCount, limit) }
      run += 64
    }
    return limit
  }

  /// The index of the first unset flag at or after `start`, or `count` if there is none.
  ///
  /// - Complexity: O(*k* / 64 + 1) for a run of *k* set flags.
  func firstClear(from start: Int) -> Int {
    guard start < count else { return count }
    return words.withUnsafeBufferPointer { words in
      var index = start >> 6
      // Flipped, so that the unset flags are the set bits; bits past `count` become set.
      var word = ~words[index] & (~0 << UInt64(start & 63))
      while word == 0 {
        index += 1
        guard index < words.count else { return count }
        word = ~words[index]
      }
      return Swift.min(index << 6 + word.trailingZeroBitCount, count)
    }
  }

  /// Calls `body` with the index of every set flag, in order.
  ///
  /// - Complexity: O(*n* / 64 + *k*) for *k* set flags.
  func forEachSet(_ body: (Int) -> Void) {
    words.withUnsafeBufferPointer { words in
      for (index, var word) in words.enumerated() {
        while word != 0 {
          body(index << 6 + word.trailingZeroBitCount)
          word &= word &- 1
        }
      }
    }
  }
}
