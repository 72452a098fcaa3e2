/// One step of the word-level script, with token and byte ranges in both texts.
package struct DiffOperation: Sendable, Equatable {
  /// What the operation does.
  package var kind: EditScript.Operation.Kind
  /// Token indices in the source.
  package var sourceTokens: Range<Int>
  /// Token indices in the target.
  package var targetTokens: Range<Int>
  /// Bytes of the source, from the first token to the last (empty at the place of an insertion).
  package var sourceBytes: Range<Int>
  /// Bytes of the target.
  package var targetBytes: Range<Int>

  /// An operation over these ranges.
  package init(
    kind: EditScript.Operation.Kind, sourceTokens: Range<Int>, targetTokens: Range<Int>, sourceBytes: Range<Int>,
    targetBytes: Range<Int>
  ) {
    self.kind = kind
    self.sourceTokens = sourceTokens
    self.targetTokens = targetTokens
    self.sourceBytes = sourceBytes
    self.targetBytes = targetBytes
  }
}

/// How a run of a diff's text is shown: kept, removed or added.
package enum DiffRunKind: Sendable { case same, deleted, inserted }
