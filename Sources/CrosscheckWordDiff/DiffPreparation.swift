/// The preparation stage of a diff, as git's `xdl_prepare_env`: it trims the common prefix
/// and suffix, makes the ids dense, and can discard the tokens that occur on one side only,
/// remembering where every remaining token came from.
///
/// A token that does not occur on the other side can never be matched, so every script
/// deletes (or inserts) it; removing such tokens before the compute stage leaves the
/// longest common subsequence, and so the minimal edit distance, unchanged (git's
/// `xdl_cleanup_records` does the same, but this one never discards a token that has a
/// match). It shortens the problem and makes Myers' search cheaper.
struct DiffPreparation {
  /// The source tokens the compute stage sees: what is left after trimming and
  /// discarding, with dense ids; or, when `isInPlace`, the source as given.
  let source: [Int32]
  /// The target tokens the compute stage sees, or the target as given when `isInPlace`.
  let target: [Int32]
  /// Whether `source` and `target` are the sequences as given, their ids already dense and
  /// nothing discarded: the compute stage then diffs `box`, the middle left after trimming,
  /// and its marks are the marks of the whole sequences. A long text's copy is spared.
  let isInPlace: Bool
  /// The part of `source` and `target` the compute stage diffs.
  var box: DiffBox {
    isInPlace
      ? DiffBox(
        sourceStart: sourceMiddle.lowerBound, sourceEnd: sourceMiddle.upperBound,
        targetStart: targetMiddle.lowerBound, targetEnd: targetMiddle.upperBound)
      : DiffBox(sourceStart: 0, sourceEnd: source.count, targetStart: 0, targetEnd: target.count)
  }
  /// One more than the largest id in `source` and `target`.
  let alphabetSize: Int
  /// The original source indices left after trimming the common prefix and suffix.
  let sourceMiddle: Range<Int>
  /// The original target indices left after trimming the common prefix and suffix.
  let targetMiddle: Range<Int>
  /// For each token of `source`, its original index; `nil` when nothing was discarded,
  /// so that `source` is the whole of `sourceMiddle`.
  let sourceIndices: [Int32]?
  /// For each token of `target`, its original index; `nil` when nothing was discarded.
  let targetIndices: [Int32]?

  /// The largest id kept as it is, for a problem of `count` tokens; larger ids are
  /// renumbered so that tables indexed by id stay proportional to the input.
  private static func denseLimit(forTokenCount count: Int) -> Int {
    2 * count + 4096
  }

  /// Prepares `source` and `target` for the compute stage.
  ///
  /// - Parameters:
  ///   - source: The source token ids.
  ///   - target: The target token ids.
  ///   - discardingUnmatched: Whether to drop tokens that occur on one side only.
  /// - Complexity: O(*N* + *M*) time and space; ids that are negative or large compared
  ///   with the input are renumbered through a hash table.
  init(source: [Int32], target: [Int32], discardingUnmatched: Bool) {
    let shorter = min(source.count, target.count)
    var prefix = 0
    while prefix < shorter && source[prefix] == target[prefix] {
      prefix += 1
    }
    var suffix = 0
    while suffix < shorter - prefix
      && source[source.count - 1 - suffix] == target[target.count - 1 - suffix]
    {
      suffix += 1
    }
    sourceMiddle = prefix..<(source.count - suffix)
    targetMiddle = prefix..<(target.count - suffix)

    if !discardingUnmatched, let size = Self.denseAlphabetSize(source, target) {
      self.source = source
      self.target = target
      alphabetSize = size
      isInPlace = true
      sourceIndices = nil
      targetIndices = nil
      return
    }
    isInPlace = false
    // Without common ends the arrays are shared, not copied (densify copies on write).
    var a = sourceMiddle == source.indices ? source : Array(source[sourceMiddle])
    var b = targetMiddle == target.indices ? target : Array(target[targetMiddle])
    alphabetSize = Self.densify(&a, &b)

    guard discardingUnmatched, !a.isEmpty, !b.isEmpty else {
      self.source = a
      self.target = b
      sourceIndices = nil
      targetIndices = nil
      return
    }
    var inSource = [Bool](repeating: false, count: alphabetSize)
    var inTarget = [Bool](repeating: false, count: alphabetSize)
    for token in a {
      inSource[Int(token)] = true
    }
    for token in b {
      inTarget[Int(token)] = true
    }
    (self.source, sourceIndices) = Self.keeping(a, from: prefix, where: inTarget)
    (self.target, targetIndices) = Self.keeping(b, from: prefix, where: inSource)
  }

  /// Returns the tokens of `tokens` whose flag in `present` is set, with their original
  /// indices (`tokens[0]` being at `offset`), or the tokens unchanged and `nil` if all are
  /// kept.
  private static func keeping(_ tokens: [Int32], from offset: Int, where present: [Bool]) -> ([Int32], [Int32]?) {
    var keptCount = 0
    for token in tokens where present[Int(token)] {
      keptCount += 1
    }
    if keptCount == tokens.count {
      return (tokens, nil)
    }
    var kept: [Int32] = []
    var indices: [Int32] = []
    kept.reserveCapacity(keptCount)
    indices.reserveCapacity(keptCount)
    for (index, token) in tokens.enumerated() where present[Int(token)] {
      kept.append(token)
      indices.append(Int32(truncatingIfNeeded: offset + index))
    }
    return (kept, indices)
  }

  /// Renumbers the ids of `a` and `b` into `0..<alphabetSize` if they are not already in
  /// a small enough range, and returns `alphabetSize`.
  private static func densify(_ a: inout [Int32], _ b: inout [Int32]) -> Int {
    if let size = denseAlphabetSize(a, b) { return size }
    var ids: [Int32: Int32] = [:]
    func renumber(_ tokens: inout [Int32]) {
      for index in tokens.indices {
        if let id = ids[tokens[index]] {
          tokens[index] = id
        } else {
          let id = Int32(truncatingIfNeeded: ids.count)
          ids[tokens[index]] = id
          tokens[index] = id
        }
      }
    }
    renumber(&a)
    renumber(&b)
    return ids.count
  }

  /// One more than the largest id of `a` and `b` when their ids are small enough to index
  /// tables by (none negative, none above `denseLimit`); 0 when both are empty.
  private static func denseAlphabetSize(_ a: [Int32], _ b: [Int32]) -> Int? {
    guard !a.isEmpty || !b.isEmpty else {
      return 0
    }
    var lowest = Int32.max
    var highest = Int32.min
    for token in a {
      lowest = min(lowest, token)
      highest = max(highest, token)
    }
    for token in b {
      lowest = min(lowest, token)
      highest = max(highest, token)
    }
    guard lowest >= 0 && Int(highest) < denseLimit(forTokenCount: a.count + b.count) else { return nil }
    return Int(highest) + 1
  }

  /// Returns the marks of the original sequences, given the marks the compute stage set
  /// on `source` and `target`: trimmed tokens are unchanged, discarded ones changed.
  ///
  /// - Parameters:
  ///   - reduced: Marks for `source` and `target`.
  ///   - sourceCount: The length of the original source.
  ///   - targetCount: The length of the original target.
  /// - Complexity: O(*N* + *M*).
  func changeMarks(from reduced: ChangeMarks, sourceCount: Int, targetCount: Int) -> ChangeMarks {
    if isInPlace { return reduced }
    var marks = ChangeMarks(sourceCount: sourceCount, targetCount: targetCount)
    if let sourceIndices {
      marks.delete(sourceMiddle)
      for (position, index) in sourceIndices.enumerated() {
        marks.deleted[Int(index)] = reduced.deleted[position]
      }
    } else {
      for (position, isDeleted) in reduced.deleted.enumerated() {
        marks.deleted[sourceMiddle.lowerBound + position] = isDeleted
      }
    }
    if let targetIndices {
      marks.insert(targetMiddle)
      for (position, index) in targetIndices.enumerated() {
        marks.inserted[Int(index)] = reduced.inserted[position]
      }
    } else {
      for (position, isInserted) in reduced.inserted.enumerated() {
        marks.inserted[targetMiddle.lowerBound + position] = isInserted
      }
    }
    return marks
  }
}
