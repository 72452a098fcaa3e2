extension WordDiff {
  /// Diffs two texts already split into tokens (loaded documents, typed strings), comparing
  /// their tokens as `ignoring` says.
  ///
  /// - Parameters:
  ///   - source: The first text (A).
  ///   - target: The second text (B).
  ///   - ignoring: Differences to overlook.
  package init(source: DiffSide, target: DiffSide, ignoring: DiffIgnoring = []) {
    let vocabulary = DiffVocabulary(source: source, target: target, ignoring: ignoring)
    self.init(
      source: Side(body: source.buffer.bytes, tokens: source.tokens), sourceIDs: vocabulary.sourceIDs,
      target: Side(body: target.buffer.bytes, tokens: target.tokens), targetIDs: vocabulary.targetIDs,
      isWord: vocabulary.isWord)
  }
}
