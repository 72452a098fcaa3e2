/// A word diff of two whole texts: one edit script over all their tokens, without sentence
/// alignment and without the clean-up for reading. It is the fast path for long texts and
/// for two files that need not be loaded as documents.
///
/// The preparation stage tokenizes and interns both texts (`WordScanner`, or the tokens and
/// `DiffVocabulary` of loaded texts when differences are ignored); the compute stage is
/// Myers' algorithm on short texts, where the script is minimal, and the patience algorithm
/// on longer ones (anchors on tokens unique on both sides, Myers in the gaps); the emission
/// stage is this value, which renderers read through `forEachOperation` and `forEachRun`.
package struct WordDiff: Sendable {
  /// One text: its UTF-8 bytes and its tokens.
  package struct Side: Sendable {
    /// The text, as UTF-8.
    package let bytes: TextBytes
    /// The tokens, with their byte ranges in `bytes`.
    package let tokens: [Token]
    /// The bytes the text view shows: all of them, or for a loaded document only its body,
    /// from its first token to the line break after its last.
    package let shown: Range<Int>

    /// A text and its tokens, all of it shown.
    package init(bytes: TextBytes, tokens: [Token]) {
      self.bytes = bytes
      self.tokens = tokens
      shown = 0..<bytes.count
    }

    /// A text whose tokens are only part of it (a document's body): the view shows the
    /// bytes from the first token to the line break after the last.
    package init(body bytes: [UInt8], tokens: [Token]) {
      self.bytes = TextBytes(bytes)
      self.tokens = tokens
      guard let first = tokens.first, let last = tokens.last else {
        shown = 0..<0
        return
      }
      var end = Int(last.end)
      if end < bytes.count && bytes[end] == UInt8(ascii: "\n") { end += 1 }
      shown = Int(first.start)..<end
    }

    /// The bytes from the first to the last of a range of tokens; an empty range gives the
    /// empty range where its first token would start (or the end of the text).
    package func byteRange(ofTokens range: Range<Int>) -> Range<Int> {
      guard !range.isEmpty else {
        let position = range.lowerBound < tokens.count ? Int(tokens[range.lowerBound].start) : bytes.count
        return position..<position
      }
      return Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end)
    }
  }

  /// A run of text as shown: kept, deleted or inserted, taken from one of the two texts.
  package struct Run: Sendable, Equatable {
    /// How the run is shown.
    package var kind: DiffRunKind
    /// Whether the bytes are the target's (otherwise the source's).
    package var isTarget: Bool
    /// The bytes of that text.
    package var bytes: Range<Int>
  }

  /// Texts with at most this many compared tokens (both sides together) are diffed with
  /// Myers' algorithm, which is minimal; longer ones with the patience algorithm, whose time
  /// stays close to linear however much changed. About 2,000 words a side: a long article.
  package static let minimalTokenLimit = 5_000

  /// The id of a token left out of the comparison (a difference the user asked to overlook).
  package static let ignoredID: Int32 = -1

  /// The first text (A).
  package let source: Side
  /// The second text (B).
  package let target: Side
  /// Which compared tokens the script deletes and inserts; the operations are read off
  /// these as they are needed, never stored (a long text's script would take more memory
  /// than its tokens).
  private let marks: ChangeMarks
  /// The edit script over the compared tokens, made from the marks on each call.
  package var script: EditScript { EditScript(marks: marks) }
  /// The algorithm that computed the script.
  package let algorithm: DiffAlgorithm
  /// For each compared source token, its index in `source.tokens`; `nil` when every token
  /// is compared.
  private let sourcePositions: [Int32]?
  /// For each compared target token, its index in `target.tokens`; `nil` when every token
  /// is compared.
  private let targetPositions: [Int32]?
  /// Words (and numbers) of A the script deletes, replaced ones included.
  package let wordsDeleted: Int
  /// Words (and numbers) of B the script inserts, replacing ones included.
  package let wordsInserted: Int

  /// Whether the script is minimal: no script deletes and inserts fewer tokens.
  package var isMinimal: Bool { algorithm.isMinimal }
  /// Words deleted plus words inserted.
  package var wordsChanged: Int { wordsDeleted + wordsInserted }

  /// Diffs two UTF-8 texts, tokenized and interned by a `WordScanner`: nothing is ignored.
  ///
  /// - Parameters:
  ///   - source: The first text (A), as UTF-8.
  ///   - target: The second text (B), as UTF-8.
  /// - Complexity: O(*N* + *M*) to prepare, then Myers' or the patience algorithm (see
  ///   `minimalTokenLimit`).
  package init(source: [UInt8], target: [UInt8]) {
    self.init(source: TextBytes(source), target: TextBytes(target))
  }

  /// Diffs two UTF-8 texts, tokenized and interned by a `WordScanner`: nothing is ignored.
  ///
  /// - Parameters:
  ///   - source: The first text (A).
  ///   - target: The second text (B).
  package init(source: TextBytes, target: TextBytes) {
    var scanner = WordScanner()
    let a = source.withUnsafeBufferPointer { scanner.scan($0) }
    let b = target.withUnsafeBufferPointer { scanner.scan($0) }
    self.init(
      source: Side(bytes: source, tokens: a.tokens), sourceIDs: a.ids,
      target: Side(bytes: target, tokens: b.tokens), targetIDs: b.ids, isWord: scanner.isWord, ignoresNone: true)
  }

  /// Diffs two tokenized texts by the ids of their tokens.
  ///
  /// - Parameters:
  ///   - source: The first text.
  ///   - sourceIDs: The id of every source token, or `WordDiff.ignoredID` for a token
  ///     left out of the comparison.
  ///   - target: The second text.
  ///   - targetIDs: The id of every target token, or `WordDiff.ignoredID`.
  ///   - isWord: For every id, whether it is a word or number (counted as a changed word).
  package init(source: Side, sourceIDs: [Int32], target: Side, targetIDs: [Int32], isWord: [Bool]) {
    self.init(source: source, sourceIDs: sourceIDs, target: target, targetIDs: targetIDs, isWord: isWord, ignoresNone: false)
  }

  /// Diffs two tokenized texts by the ids of their tokens; `ignoresNone` says that no id is
  /// `WordDiff.ignoredID`, which spares a pass over both texts.
  private init(
    source: Side, sourceIDs: [Int32], target: Side, targetIDs: [Int32], isWord: [Bool], ignoresNone: Bool
  ) {
    self.source = source
    self.target = target
    let (a, sourcePositions) = ignoresNone ? (sourceIDs, nil) : Self.compared(sourceIDs)
    let (b, targetPositions) = ignoresNone ? (targetIDs, nil) : Self.compared(targetIDs)
    self.sourcePositions = sourcePositions
    self.targetPositions = targetPositions
    algorithm = a.count + b.count <= Self.minimalTokenLimit ? .myers : .patience
    marks = EditScript.changeMarks(from: a, to: b, algorithm: algorithm)
    let deleted = Self.countWords(flagged: marks.deleted, ids: a, isWord: isWord)
    let inserted = Self.countWords(flagged: marks.inserted, ids: b, isWord: isWord)
    wordsDeleted = deleted
    wordsInserted = inserted
  }

  /// The number of flagged tokens that are words or numbers.
  private static func countWords(flagged: ChangeFlags, ids: [Int32], isWord: [Bool]) -> Int {
    ids.withUnsafeBufferPointer { ids in
      isWord.withUnsafeBufferPointer { isWord in
        var count = 0
        flagged.forEachSet { index in
          if isWord[Int(ids[index])] { count += 1 }
        }
        return count
      }
    }
  }

  /// The ids that take part in the comparison and their token indices, or the ids
  /// themselves and `nil` when none is ignored.
  private static func compared(_ ids: [Int32]) -> ([Int32], [Int32]?) {
    guard ids.contains(WordDiff.ignoredID) else { return (ids, nil) }
    var kept: [Int32] = []
    var positions: [Int32] = []
    for (index, id) in ids.enumerated() where id != WordDiff.ignoredID {
      kept.append(id)
      positions.append(Int32(truncatingIfNeeded: index))
    }
    return (kept, positions)
  }

  /// Token indices of a range of compared tokens: from the first to the last, or the
  /// place of the next compared token (or the end of the text) for an empty range.
  private static func tokenRange(_ range: Range<Int>, _ positions: [Int32]?, tokenCount: Int) -> Range<Int> {
    guard let positions else { return range }
    if range.isEmpty {
      let position = range.lowerBound < positions.count ? Int(positions[range.lowerBound]) : tokenCount
      return position..<position
    }
    return Int(positions[range.lowerBound])..<Int(positions[range.upperBound - 1]) + 1
  }

  /// Calls `body` with every operation of the script, in order, with token and byte ranges
  /// into both texts.
  ///
  /// - Complexity: O((*N* + *M*) / 64 + *k*) for *k* operations: the marks are read a
  ///   word of 64 at a time.
  package func forEachOperation(_ body: (DiffOperation) throws -> Void) rethrows {
    for operation in marks.operations {
      let sourceTokens = Self.tokenRange(operation.sourceRange, sourcePositions, tokenCount: source.tokens.count)
      let targetTokens = Self.tokenRange(operation.targetRange, targetPositions, tokenCount: target.tokens.count)
      try body(
        DiffOperation(
          kind: operation.kind, sourceTokens: sourceTokens, targetTokens: targetTokens,
          sourceBytes: source.byteRange(ofTokens: sourceTokens), targetBytes: target.byteRange(ofTokens: targetTokens)))
    }
  }

  /// Calls `body` with the runs that show the diff as one text: A's text with its deleted
  /// runs, and B's inserted runs at their places. Kept text and the white space between
  /// tokens come from A, but an insertion brings B's white space before it, and after an
  /// insertion B's white space stands in where A has none ("{+New+} text", not "{+New+}text").
  /// Together the runs cover A's shown bytes (`Side.shown`) exactly once, in order.
  ///
  /// - Complexity: O((*N* + *M*) / 64 + *k*) for *k* operations.
  package func forEachRun(_ body: (Run) throws -> Void) rethrows {
    var sourceCursor = source.shown.lowerBound
    var targetCursor = target.shown.lowerBound
    var afterInsertion = false
    func emit(_ kind: DiffRunKind, _ isTarget: Bool, _ bytes: Range<Int>) throws {
      if !bytes.isEmpty { try body(Run(kind: kind, isTarget: isTarget, bytes: bytes)) }
    }
    try forEachOperation { operation in
      let a = operation.sourceBytes
      let b = operation.targetBytes
      switch operation.kind {
      case .equal:
        if afterInsertion && a.lowerBound == sourceCursor {
          try emit(.same, true, targetCursor..<b.lowerBound)
        }
        try emit(.same, false, sourceCursor..<a.upperBound)
      case .delete:
        try emit(.same, false, sourceCursor..<a.lowerBound)
        try emit(.deleted, false, a)
      case .insert:
        try emit(.same, true, targetCursor..<b.lowerBound)
        try emit(.inserted, true, b)
      case .replace:
        try emit(.same, false, sourceCursor..<a.lowerBound)
        try emit(.deleted, false, a)
        try emit(.inserted, true, b)
      }
      if operation.kind != .insert { sourceCursor = a.upperBound }
      if operation.kind != .delete { targetCursor = b.upperBound }
      afterInsertion = operation.kind == .insert || operation.kind == .replace
    }
    if afterInsertion && sourceCursor == source.shown.upperBound {
      // Nothing of A follows the last insertion: end as B does (its final line break).
      try emit(.same, true, targetCursor..<max(targetCursor, target.shown.upperBound))
    }
    try emit(.same, false, sourceCursor..<max(sourceCursor, source.shown.upperBound))
  }
}
