extension Claim {
  /// Rebuilds a claim a saved session keeps, without reading the text again.
  ///
  /// The values must be the ones `ClaimExtractor.claims(in:)` gave for the same corpus;
  /// they are taken as given.
  package init(
    restoringID id: String, document: String, quantity: Quantity, text: String, sentence: Range<Int>, topic: [String],
    topicText: String, asserter: String, asserterRule: String, frames: [Qualifier], frameOf: Int?, published: CivilDate?,
    publishedMinute: Int?, measured: String?, sentenceIndex: Int
  ) {
    self.init(
      id: id, document: document, quantity: quantity, text: text, sentence: sentence, topic: topic, topicText: topicText,
      asserter: asserter, asserterRule: asserterRule, frames: frames, frameOf: frameOf, published: published,
      publishedMinute: publishedMinute, measured: measured, sentenceIndex: sentenceIndex)
  }
}

extension ClaimGroup {
  /// Rebuilds a claim group a saved session keeps, with its verdict as `ClaimGrouper` gave it.
  /// - Parameter members: indices into the corpus's claims, in the grouper's order.
  package init(restoringID id: String, members: [Int], topic: String, agreement: Agreement, reason: String) {
    self.init(id: id, members: members, topic: topic, agreement: agreement, reason: reason)
  }
}
