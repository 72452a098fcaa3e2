extension ReuseAnalysis {
  /// Rebuilds the comparison of a corpus from the pairs a saved session keeps: only the
  /// documents' shingles are worked out again (each document on its own, on every core),
  /// not the candidate search or the passages, which are what cost time on a large corpus.
  ///
  /// The pairs must be the ones `init(_:method:)` found for the same documents.
  /// - Parameters:
  ///   - documents: the documents compared, in corpus order.
  ///   - method: the candidate method the pairs were found with.
  ///   - pairs: the related pairs, sorted by corpus position.
  package init(restoring documents: [Document], method: CandidateMethod, pairs: [PairComparison]) {
    self.documents = documents
    self.fingerprints = parallelMap(documents) { Fingerprint($0) }
    self.method = method
    self.pairs = pairs
  }
}

extension PairComparison {
  /// Rebuilds a pair's comparison as a saved session keeps it.
  package init(
    restoringA a: Int, b: Int, score: SimilarityScore, passages: [PassageSpan], judgement: ReuseJudgement,
    hint: DerivationHint?
  ) {
    self.init(a: a, b: b, score: score, passages: passages, judgement: judgement, hint: hint)
  }
}

extension PassageSpan {
  /// Rebuilds a shared passage as a saved session keeps it.
  /// - Parameters:
  ///   - a: word positions in the first document's fingerprint.
  ///   - b: word positions in the second's.
  ///   - matched: words the alignment matched.
  ///   - aBytes: bytes in the first document's text; `bBytes` in the second's.
  package init(
    restoringA a: Range<Int>, b: Range<Int>, matched: Int, aBytes: Range<Int>, bBytes: Range<Int>, quotedInA: Bool,
    quotedInB: Bool
  ) {
    self.init(
      words: SharedPassage(a: a, b: b, matched: matched), aBytes: aBytes, bBytes: bBytes, quotedInA: quotedInA,
      quotedInB: quotedInB)
  }
}

extension DerivationHint {
  /// Rebuilds a derivation hint as a saved session keeps it.
  package init(restoringDerived derived: Int?, source: Int?, reason: String) {
    self.init(derived: derived, source: source, reason: reason)
  }
}
