// The display clean-up: a separate pass over a finished script, so the raw script stays
// available unchanged.
extension EditScript {
  /// Returns the script rearranged for display; the script itself stays as it is.
  ///
  /// Two passes run, both keeping the script valid (it still turns `source` into `target`):
  ///
  /// 1. Sliding, like git's `xdl_change_compact`: a lone insertion or deletion between
  ///    equal runs can often move along the text with the same effect ("a b [+b +]c" is
  ///    "a [+b +]b c"). Each is moved to the place with the best boundaries: a line break,
  ///    then a sentence end, then other punctuation, then whitespace, and on a tie the
  ///    place where it starts with a non-space token, then the latest place. The edit count
  ///    is unchanged.
  /// 2. Merging: an equal run between two changes is folded into them, making one
  ///    `replace`, when it has no line break and no more words than the larger side of
  ///    each neighbouring change (a lone space or comma always qualifies), as the semantic
  ///    clean-up of diff-match-patch does. This adds edits but makes fewer, more readable
  ///    pieces.
  ///
  /// - Parameters:
  ///   - source: The source token ids the script was computed from.
  ///   - target: The target token ids the script was computed from.
  ///   - kind: The kind of the token with a given id.
  /// - Returns: The cleaned-up script.
  /// - Complexity: O(*N* + *M*) plus the length of the slides, calling `kind` a bounded
  ///   number of times per token.
  package func cleanedUp(
    from source: [Int32], to target: [Int32], kind: (Int32) -> DiffTokenKind
  ) -> EditScript {
    precondition(
      source.count == sourceCount && target.count == targetCount,
      "the sequences are not those the script was computed from")
    var operations = operations
    // Empty equal runs at both ends let every lone change slide to the edge.
    if operations.first?.kind != .equal {
      operations.insert(Operation(kind: .equal, sourceRange: 0..<0, targetRange: 0..<0), at: 0)
    }
    if operations.last?.kind != .equal {
      let end = Operation(
        kind: .equal, sourceRange: sourceCount..<sourceCount, targetRange: targetCount..<targetCount)
      operations.append(end)
    }
    Self.slideLoneChanges(&operations, source: source, target: target, kind: kind)
    operations.removeAll { $0.kind == .equal && $0.sourceRange.isEmpty }
    let merged = Self.mergingTrivialEqualities(operations, source: source, target: target, kind: kind)
    return EditScript(operations: merged, sourceCount: sourceCount, targetCount: targetCount)
  }

  /// Returns the script rearranged for display, with token kinds given by id.
  ///
  /// - Parameters:
  ///   - source: The source token ids the script was computed from.
  ///   - target: The target token ids the script was computed from.
  ///   - kinds: The kind of every id, indexed by id (as a `TokenInterner` numbers them).
  /// - Returns: The cleaned-up script; see `cleanedUp(from:to:kind:)`.
  /// - Complexity: As `cleanedUp(from:to:kind:)`.
  package func cleanedUp(from source: [Int32], to target: [Int32], kinds: [DiffTokenKind]) -> EditScript {
    cleanedUp(from: source, to: target) { kinds[Int($0)] }
  }

  /// Moves every insertion and deletion that sits between two equal runs to its best
  /// place, without emptying an equal run that lies between two changes.
  ///
  /// - Precondition: `operations` starts and ends with an equal run (possibly empty).
  private static func slideLoneChanges(
    _ operations: inout [Operation], source: [Int32], target: [Int32],
    kind: (Int32) -> DiffTokenKind
  ) {
    for index in operations.indices where operations[index].kind == .insert || operations[index].kind == .delete {
      let onSource = operations[index].kind == .delete
      let tokens = onSource ? source : target
      let range = onSource ? operations[index].sourceRange : operations[index].targetRange
      let before = onSource ? operations[index - 1].sourceRange : operations[index - 1].targetRange
      let after = onSource ? operations[index + 1].sourceRange : operations[index + 1].targetRange
      let lowest = index - 1 == 0 ? before.lowerBound : before.lowerBound + 1
      let highest = index + 1 == operations.count - 1 ? after.upperBound : after.upperBound - 1
      let length = range.count

      var start = range.lowerBound
      while start > lowest && tokens[start - 1] == tokens[start - 1 + length] {
        start -= 1
      }
      var bestStart = start
      var bestScore = placementScore(of: start..<start + length, in: tokens, kind: kind)
      while start + length < highest && tokens[start] == tokens[start + length] {
        start += 1
        let score = placementScore(of: start..<start + length, in: tokens, kind: kind)
        if score >= bestScore {
          bestStart = start
          bestScore = score
        }
      }

      let shift = bestStart - range.lowerBound
      if shift != 0 {
        let previous = operations[index - 1]
        let next = operations[index + 1]
        operations[index - 1].sourceRange = previous.sourceRange.lowerBound..<previous.sourceRange.upperBound + shift
        operations[index - 1].targetRange = previous.targetRange.lowerBound..<previous.targetRange.upperBound + shift
        operations[index].sourceRange = operations[index].sourceRange.shifted(by: shift)
        operations[index].targetRange = operations[index].targetRange.shifted(by: shift)
        operations[index + 1].sourceRange = next.sourceRange.lowerBound + shift..<next.sourceRange.upperBound
        operations[index + 1].targetRange = next.targetRange.lowerBound + shift..<next.targetRange.upperBound
      }
    }
  }

  /// How good a place `range` is for a changed run: twice the sum of its two boundary
  /// scores, plus one if it starts with a token other than whitespace.
  private static func placementScore(
    of range: Range<Int>, in tokens: [Int32], kind: (Int32) -> DiffTokenKind
  ) -> Int {
    let boundaries =
      boundaryScore(at: range.lowerBound, in: tokens, kind: kind)
      + boundaryScore(at: range.upperBound, in: tokens, kind: kind)
    return 2 * boundaries + (kind(tokens[range.lowerBound]).isSpace ? 0 : 1)
  }

  /// How good a place for an edit boundary the gap before `tokens[position]` is, from 6
  /// (an end of the text) down to 0 (between two words with nothing between them).
  private static func boundaryScore(
    at position: Int, in tokens: [Int32], kind: (Int32) -> DiffTokenKind
  ) -> Int {
    if position == 0 || position == tokens.count {
      return 6
    }
    let before = kind(tokens[position - 1])
    let after = kind(tokens[position])
    if before == .lineBreak || after == .lineBreak {
      return 5
    }
    // What a space before the gap follows: "end. |Next" is a sentence boundary too.
    let beforeSpace = before == .whitespace && position >= 2 ? kind(tokens[position - 2]) : nil
    if before == .sentenceEnd || beforeSpace == .sentenceEnd {
      return 4
    }
    if (before == .punctuation && after.isSpace) || beforeSpace == .punctuation {
      return 3
    }
    if before.isSpace || after.isSpace {
      return 2
    }
    if before != .word || after != .word {
      return 1
    }
    return 0
  }

  /// An operation with the number of words it covers on each side.
  private struct WeighedOperation {
    /// The operation.
    var operation: Operation
    /// The number of word tokens in the operation's source range.
    var sourceWords: Int
    /// The number of word tokens in the operation's target range.
    var targetWords: Int
    /// Whether the operation covers a line break.
    var hasLineBreak: Bool

    /// The larger of the two word counts.
    var words: Int {
      max(sourceWords, targetWords)
    }
  }

  /// Returns `operations` with every trivial equal run between two changes folded into
  /// them; see `cleanedUp(from:to:kind:)`.
  ///
  /// - Complexity: O(*N* + *M*): each merge removes operations for good.
  private static func mergingTrivialEqualities(
    _ operations: [Operation], source: [Int32], target: [Int32], kind: (Int32) -> DiffTokenKind
  ) -> [Operation] {
    func weighed(_ operation: Operation) -> WeighedOperation {
      var sourceWords = 0
      var hasLineBreak = false
      for index in operation.sourceRange {
        let tokenKind = kind(source[index])
        sourceWords += tokenKind == .word ? 1 : 0
        hasLineBreak = hasLineBreak || tokenKind == .lineBreak
      }
      var targetWords = sourceWords
      if operation.kind != .equal {
        targetWords = 0
        for index in operation.targetRange where kind(target[index]) == .word {
          targetWords += 1
        }
      }
      return WeighedOperation(
        operation: operation, sourceWords: sourceWords, targetWords: targetWords,
        hasLineBreak: hasLineBreak)
    }

    var merged: [WeighedOperation] = []
    merged.reserveCapacity(operations.count)
    for operation in operations {
      merged.append(weighed(operation))
      // A merge makes a bigger change, which may make the equal run before it trivial.
      while merged.count >= 3 {
        let right = merged[merged.count - 1]
        let middle = merged[merged.count - 2]
        let left = merged[merged.count - 3]
        guard right.operation.kind != .equal, middle.operation.kind == .equal,
          left.operation.kind != .equal, !middle.hasLineBreak,
          middle.words <= min(left.words, right.words)
        else {
          break
        }
        merged.removeLast(3)
        let replacement = Operation(
          kind: .replace,
          sourceRange: left.operation.sourceRange.lowerBound..<right.operation.sourceRange.upperBound,
          targetRange: left.operation.targetRange.lowerBound..<right.operation.targetRange.upperBound)
        merged.append(
          WeighedOperation(
            operation: replacement,
            sourceWords: left.sourceWords + middle.sourceWords + right.sourceWords,
            targetWords: left.targetWords + middle.targetWords + right.targetWords,
            hasLineBreak: left.hasLineBreak || middle.hasLineBreak || right.hasLineBreak))
      }
    }
    return merged.map(\.operation)
  }
}

// Shifting ranges while sliding changes.
extension Range where Bound == Int {
  /// The range moved by `offset` positions.
  fileprivate func shifted(by offset: Int) -> Range<Int> {
    (lowerBound + offset)..<(upperBound + offset)
  }
}
