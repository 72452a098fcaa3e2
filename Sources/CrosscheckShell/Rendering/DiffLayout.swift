import CrosscheckCore

/// Lays out a `DocumentDiff` as blocks: one line per sentence link, or two columns. It
/// picks what to show (context) and how to style it; the diff itself is computed in the core.
enum DiffLayout {
  /// The blocks of the line view.
  static func lines(_ diff: DocumentDiff, context: Int) -> [Block] {
    var blocks: [Block] = []
    for item in visibleItems(diff, context: context) {
      switch item {
      case .skipped(let count): blocks.append(.message(skippedNote(count)))
      case .segment(let segment):
        let label = label(segment)
        if isRewritten(segment) {
          // A rewritten sentence reads better as its two versions, one above the other.
          let indent = String(repeating: " ", count: TerminalText.width(label) + 2)
          let sides = diff.sides(of: segment)
          blocks.append(.text(StyledText(
            [StyledRun(label, .bold), StyledRun("  A: ")] + runs(sides.source, segment)
              + [StyledRun("\n" + indent + "B: ")] + runs(sides.target, segment))))
        } else {
          blocks.append(.text(StyledText([StyledRun(label, .bold), StyledRun("  ")] + runs(diff, segment, side: nil))))
        }
      }
    }
    if diff.segments.isEmpty { blocks.append(.message(StyledText("(both texts are empty)", .dim))) }
    return blocks
  }

  /// The blocks of the side-by-side view.
  static func sideBySide(_ diff: DocumentDiff, context: Int) -> [Block] {
    var blocks: [Block] = []
    var rows: [SideBySideRow] = []
    func flush() {
      if !rows.isEmpty { blocks.append(.sideBySide(rows)) }
      rows = []
    }
    for item in visibleItems(diff, context: context) {
      switch item {
      case .skipped(let count):
        flush()
        blocks.append(.message(skippedNote(count)))
      case .segment(let segment):
        if !rows.isEmpty { rows.append(SideBySideRow("", "")) }
        let link = segment.link
        let left = link.a.isEmpty || link.kind == .movedIn ? [] : [StyledRun(sentenceNumbers("A", link.a) + " ", .bold)] + runs(diff, segment, side: .source)
        let right = link.b.isEmpty || link.kind == .movedOut ? [] : [StyledRun(sentenceNumbers("B", link.b) + " ", .bold)] + runs(diff, segment, side: .target)
        var leftText = StyledText(left)
        var rightText = StyledText(right)
        if link.kind == .movedOut { rightText = StyledText("(moved to \(sentenceNumbers("B", link.b)))", .dim) }
        if link.kind == .movedIn { leftText = StyledText("(moved from \(sentenceNumbers("A", link.a)))", .dim) }
        rows.append(SideBySideRow(leftText, rightText))
      }
    }
    flush()
    return blocks
  }

  /// The `--stat` fields.
  static func statistics(_ diff: DocumentDiff) -> [Field] {
    let s = diff.statistics
    return [
      Field("words changed", StyledText("\(s.wordsChanged.grouped) (\(s.sourceWordsDeleted.grouped) deleted, \(s.targetWordsInserted.grouped) inserted)")),
      Field("sentences aligned", StyledText("\(s.sentencesAligned.grouped) (\(s.sentencesChanged.grouped) changed)")),
      Field("sentences moved", StyledText(s.sentencesMoved.grouped)),
      Field("only in A", StyledText(s.sentencesOnlyInA.grouped)),
      Field("only in B", StyledText(s.sentencesOnlyInB.grouped)),
      Field("alignment", StyledText(diff.method == .sentenceSimilarity ? "by sentence similarity" : "by histogram word diff")),
    ]
  }

  /// The closing line of the line views.
  static func summary(_ diff: DocumentDiff) -> String {
    let s = diff.statistics
    return "\(s.sentencesAligned) aligned (\(s.sentencesChanged) changed), \(s.sentencesMoved) moved, "
      + "\(s.sentencesOnlyInA) only in A, \(s.sentencesOnlyInB) only in B; "
      + "\(s.sourceWordsDeleted) word\(s.sourceWordsDeleted == 1 ? "" : "s") deleted, \(s.targetWordsInserted) inserted"
  }

  /// Above this share of changed tokens, an aligned pair is shown as two lines.
  static let rewrittenShare = 0.4

  /// Whether much of an aligned pair changed: then one line of interleaved changes is
  /// harder to read than the two sentences.
  static func isRewritten(_ segment: DocumentDiff.Segment) -> Bool {
    guard segment.link.kind == .aligned || segment.link.kind == .movedIn else { return false }
    var changed = 0
    var total = 0
    for operation in segment.operations {
      let tokens = operation.sourceTokens.count + operation.targetTokens.count
      total += tokens
      if operation.kind != .equal { changed += tokens }
    }
    return total > 0 && Double(changed) > rewrittenShare * Double(total)
  }

  enum Item {
    case segment(DocumentDiff.Segment)
    case skipped(Int)
  }

  /// Changed segments, and unchanged ones within `context` of a change; runs of others
  /// are counted.
  static func visibleItems(_ diff: DocumentDiff, context: Int) -> [Item] {
    let segments = diff.segments
    var shown = [Bool](repeating: false, count: segments.count)
    for (index, segment) in segments.enumerated() where !segment.isUnchanged {
      for near in max(0, index - context)...min(segments.count - 1, index + context) { shown[near] = true }
    }
    var items: [Item] = []
    var skipped = 0
    for (index, segment) in segments.enumerated() {
      if shown[index] {
        if skipped > 0 { items.append(.skipped(skipped)) }
        skipped = 0
        items.append(.segment(segment))
      } else {
        skipped += segment.link.a.count
      }
    }
    if skipped > 0 { items.append(.skipped(skipped)) }
    return items
  }

  static func skippedNote(_ count: Int) -> StyledText {
    StyledText("… \(count) unchanged sentence\(count == 1 ? "" : "s")", .dim)
  }

  enum Side { case source, target }

  /// The styled text of a segment: both sides merged, or one side.
  static func runs(_ diff: DocumentDiff, _ segment: DocumentDiff.Segment, side: Side?) -> [StyledRun] {
    switch side {
    case nil: return runs(diff.pieces(of: segment), segment)
    case .source: return runs(diff.sides(of: segment).source, segment)
    case .target: return runs(diff.sides(of: segment).target, segment)
    }
  }

  /// Styled runs of pieces of a segment.
  static func runs(_ pieces: [DocumentDiff.Piece], _ segment: DocumentDiff.Segment) -> [StyledRun] {
    // A sentence that moved away is shown where it was, without marking every word.
    if segment.link.kind == .movedOut { return [StyledRun(pieces.map(\.text).joined(), .dim)] }
    var trimmed = pieces
    // A side that starts after a deletion would start with the space before the next word.
    while let first = trimmed.first, first.text.hasPrefix(" ") {
      trimmed[0].text.removeFirst()
      if trimmed[0].text.isEmpty { trimmed.removeFirst() }
    }
    return trimmed.map { piece in
      switch piece.kind {
      case .same: return StyledRun(piece.text)
      case .deleted: return StyledRun(piece.text, .deleted)
      case .inserted: return StyledRun(piece.text, .inserted)
      }
    }
  }

  /// `~ A3 B3` (`=` when unchanged), `- A5`, `+ B6`, `> A7 → B12`, `< B12 ← A7`.
  static func label(_ segment: DocumentDiff.Segment) -> String {
    let link = segment.link
    switch link.kind {
    case .aligned:
      return "\(segment.isUnchanged ? "=" : "~") \(sentenceNumbers("A", link.a)) \(sentenceNumbers("B", link.b))"
    case .onlyInA: return "- \(sentenceNumbers("A", link.a))"
    case .onlyInB: return "+ \(sentenceNumbers("B", link.b))"
    case .movedOut: return "> \(sentenceNumbers("A", link.a)) → \(sentenceNumbers("B", link.b))"
    case .movedIn: return "< \(sentenceNumbers("B", link.b)) ← \(sentenceNumbers("A", link.a))"
    }
  }

  /// `A3` or `A3-4`, numbered from 1 as `show --sentences` does.
  static func sentenceNumbers(_ side: String, _ range: Range<Int>) -> String {
    range.count > 1 ? "\(side)\(range.lowerBound + 1)-\(range.upperBound)" : "\(side)\(range.lowerBound + 1)"
  }
}

/// The JSON form of `diff`, documented in docs/json.md.
enum DiffJSON {
  static func value(of diff: DocumentDiff, names: (String?, String?), ignoring: [String]) -> JSONValue {
    var alignment: [JSONValue] = []
    var ops: [JSONValue] = []
    for (index, segment) in diff.segments.enumerated() {
      let link = segment.link
      let sourceBytes = range(diff.source, DocumentDiffBytes.sentences(link.a, in: diff.source))
      let targetBytes = range(diff.target, DocumentDiffBytes.sentences(link.b, in: diff.target))
      var fields: [(String, JSONValue)] = [
        ("kind", .string(link.kind.rawValue)),
        ("a_sentence_start", .int(link.a.lowerBound)), ("a_sentence_end", .int(link.a.upperBound)),
        ("b_sentence_start", .int(link.b.lowerBound)), ("b_sentence_end", .int(link.b.upperBound)),
        ("a_start", .int(sourceBytes.lowerBound)), ("a_end", .int(sourceBytes.upperBound)),
        ("b_start", .int(targetBytes.lowerBound)), ("b_end", .int(targetBytes.upperBound)),
        ("similarity", .double((link.similarity * 1000).rounded() / 1000)),
      ]
      if link.kind == .movedIn {
        // The moved sentence's own changes; in `ops` it is an insertion here.
        fields.append(("ops", .array(segment.operations.map { operation(diff, $0, link: nil) })))
        let whole = DocumentDiff.Operation(
          kind: .insert, sourceTokens: 0..<0, targetTokens: 0..<0,
          sourceBytes: segment.operations.first.map { $0.sourceBytes.lowerBound..<$0.sourceBytes.lowerBound } ?? 0..<0,
          targetBytes: DocumentDiffBytes.sentences(link.b, in: diff.target))
        ops.append(operation(diff, whole, link: index, placeA: lastSourceEnd(ops)))
      } else {
        for op in segment.operations { ops.append(operation(diff, op, link: index)) }
      }
      alignment.append(.object(fields))
    }
    return .object([
      ("a", .string(names.0)), ("b", .string(names.1)),
      ("alignment_method", .string(diff.method.rawValue)),
      ("ignore", .array(ignoring.map(JSONValue.string))),
      ("stats", statistics(diff.statistics)),
      ("alignment", .array(alignment)),
      ("ops", .array(ops)),
    ])
  }

  static func statistics(_ s: DocumentDiff.Statistics) -> JSONValue {
    .object([
      ("words_changed", .int(s.wordsChanged)), ("words_deleted", .int(s.sourceWordsDeleted)),
      ("words_inserted", .int(s.targetWordsInserted)), ("sentences_aligned", .int(s.sentencesAligned)),
      ("sentences_changed", .int(s.sentencesChanged)), ("sentences_moved", .int(s.sentencesMoved)),
      ("sentences_only_a", .int(s.sentencesOnlyInA)), ("sentences_only_b", .int(s.sentencesOnlyInB)),
    ])
  }

  private static func lastSourceEnd(_ ops: [JSONValue]) -> Int? {
    guard case .object(let fields)? = ops.last, case .int(let end)? = fields.first(where: { $0.0 == "a_end" })?.1 else { return nil }
    return end
  }

  static func range(_ side: DiffSide, _ bytes: Range<Int>) -> Range<Int> { side.scalarRange(bytes) }

  static func operation(_ diff: DocumentDiff, _ op: DocumentDiff.Operation, link: Int?, placeA: Int? = nil) -> JSONValue {
    var a = diff.source.scalarRange(op.sourceBytes)
    if let placeA { a = placeA..<placeA }
    let b = diff.target.scalarRange(op.targetBytes)
    var fields: [(String, JSONValue)] = [
      ("op", .string(name(op.kind))),
      ("a_start", .int(a.lowerBound)), ("a_end", .int(a.upperBound)),
      ("b_start", .int(b.lowerBound)), ("b_end", .int(b.upperBound)),
      ("a_text", .string(diff.source.string(op.sourceBytes))),
      ("b_text", .string(diff.target.string(op.targetBytes))),
    ]
    if let link { fields.append(("link", .int(link))) }
    return .object(fields)
  }

  static func name(_ kind: EditScript.Operation.Kind) -> String {
    switch kind {
    case .equal: return "equal"
    case .insert: return "insert"
    case .delete: return "delete"
    case .replace: return "replace"
    }
  }
}

/// Byte ranges of sentence ranges.
enum DocumentDiffBytes {
  static func sentences(_ range: Range<Int>, in side: DiffSide) -> Range<Int> {
    side.byteRange(ofTokens: DocumentDiff.tokens(of: range, in: side))
  }
}
