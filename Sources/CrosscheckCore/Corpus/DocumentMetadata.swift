/// A metadata value and where it came from.
package struct MetadataValue: Sendable, Equatable {
  /// The value as given or inferred.
  package var value: String
  /// Whether it was inferred from the text rather than stated in metadata.
  package var inferred: Bool
  /// The text it was inferred from, when inferred.
  package var evidence: String?

  package init(_ value: String, inferred: Bool = false, evidence: String? = nil) {
    self.value = value
    self.inferred = inferred
    self.evidence = evidence
  }
}

/// What is known about a document besides its text.
package struct DocumentMetadata: Sendable, Equatable {
  package var title: MetadataValue?
  package var outlet: MetadataValue?
  package var date: MetadataValue?
  package var author: MetadataValue?
  package var url: MetadataValue?
  /// Whom the text credits as its source ("Source: Reuters"), as distinct from the outlet that ran it.
  package var credit: MetadataValue?

  package init(
    title: MetadataValue? = nil, outlet: MetadataValue? = nil, date: MetadataValue? = nil,
    author: MetadataValue? = nil, url: MetadataValue? = nil, credit: MetadataValue? = nil
  ) {
    self.title = title
    self.outlet = outlet
    self.date = date
    self.author = author
    self.url = url
    self.credit = credit
  }

  /// Fills each field that is missing here from `other`.
  package func filling(from other: DocumentMetadata) -> DocumentMetadata {
    DocumentMetadata(
      title: title ?? other.title, outlet: outlet ?? other.outlet, date: date ?? other.date,
      author: author ?? other.author, url: url ?? other.url, credit: credit ?? other.credit)
  }
}
