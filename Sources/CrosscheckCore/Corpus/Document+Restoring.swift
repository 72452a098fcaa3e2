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
  ///   - truncated: whether the text ends mid-sentence.
  ///   - internalTruncations: paragraphs cut off mid-sentence inside the text.
  package init(
    restoringID id: String, origin: String, text: String, format: DocumentFormat, metadata: DocumentMetadata,
    excluded: [ExcludedSpan], tokens: [Token], paragraphs: [Paragraph], sentences: [Sentence], wordCount: Int,
    notes: [String], truncated: Bool, internalTruncations: [Range<Int>]
  ) {
    // What the file stated is what was not inferred; front matter is what the loader gave.
    func stated(_ value: MetadataValue?) -> MetadataValue? { value?.inferred == false ? value : nil }
    let storage = DocumentStorage(
      origin: origin, format: format, buffer: TextBuffer(text), metadata: metadata, excluded: excluded, tokens: tokens,
      paragraphs: paragraphs, sentences: sentences, wordCount: wordCount, notes: notes, truncated: truncated,
      internalTruncations: internalTruncations,
      stated: DocumentMetadata(
        title: stated(metadata.title), outlet: stated(metadata.outlet), date: stated(metadata.date),
        author: stated(metadata.author), url: stated(metadata.url), credit: stated(metadata.credit)),
      given: excluded.filter { $0.reason == .frontMatter })
    self.init(id: id, storage: storage)
  }
}

extension ExcludedSpan.Reason {
  /// The reason whose `name` this is (as a saved session stores it).
  package init?(name: String) {
    switch name {
    case "front matter": self = .frontMatter
    case "headline": self = .headline
    default:
      guard let kind = BoilerplateKind(rawValue: name) else { return nil }
      self = .boilerplate(kind)
    }
  }
}
