extension Document {
  /// Rebuilds a document from the parts a saved session keeps, without analysing it again.
  ///
  /// The parts must be the ones an earlier `init(id:origin:text:format:metadata:excluded:notes:)`
  /// computed for the same text; they are taken as given.
  /// - Parameters:
  ///   - id: the document id.
  ///   - origin: where it was loaded from.
  ///   - text: its text as decoded.
  ///   - format: the kind of file it came from.
  ///   - metadata: stated and inferred metadata.
  ///   - excluded: the spans analyses leave out.
  ///   - tokens: the body's tokens.
  ///   - paragraphs: the body's paragraphs.
  ///   - sentences: the body's sentences.
  ///   - wordCount: the number of word and number tokens.
  ///   - notes: remarks from loading.
  package init(
    restoringID id: String, origin: String, text: String, format: DocumentFormat, metadata: DocumentMetadata,
    excluded: [ExcludedSpan], tokens: [Token], paragraphs: [Paragraph], sentences: [Sentence], wordCount: Int,
    notes: [String]
  ) {
    self.id = id
    self.origin = origin
    self.format = format
    self.buffer = TextBuffer(text)
    self.metadata = metadata
    self.excluded = excluded
    self.tokens = tokens
    self.paragraphs = paragraphs
    self.sentences = sentences
    self.wordCount = wordCount
    self.notes = notes
  }
}

extension ExcludedSpan {
  /// An excluded span, as read back from a saved session.
  package init(restoring range: Range<Int>, reason: Reason) {
    self.range = range
    self.reason = reason
  }
}

extension Paragraph {
  /// A paragraph, as read back from a saved session.
  package init(restoring range: Range<Int>, tokens: Range<Int>, sentences: Range<Int>) {
    self.range = range
    self.tokens = tokens
    self.sentences = sentences
  }
}

extension Sentence {
  /// A sentence, as read back from a saved session.
  package init(restoring range: Range<Int>, tokens: Range<Int>) {
    self.range = range
    self.tokens = tokens
  }
}
