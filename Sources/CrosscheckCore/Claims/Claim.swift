/// A quantity as one source states it: the sentence, what it measures, and who says so.
package struct Claim: Sendable {
  /// The occurrence id, `c1…` in corpus order.
  package var id: String
  /// The document's id.
  package var document: String
  package var quantity: Quantity
  /// The quantity's words as written.
  package var text: String
  /// UTF-8 byte range of the sentence that holds it.
  package var sentence: Range<Int>
  /// Normalized content words near the quantity: what it measures ("people injured").
  package var topic: [String]
  /// The words of the topic as written, for display.
  package var topicText: String
  /// Who asserts it: the outlet, or the person quoted.
  package var asserter: String
  /// How the asserter was found: `outlet`, `quotation`, `according to`.
  package var asserterRule: String
  /// Qualifiers from frames in the same sentence ("within a year", "per year").
  package var frames: [Qualifier]
  /// When the claim is a frame (a duration bounding another amount), the index of that claim.
  package var frameOf: Int?
  /// The document's reference date, for updates over time.
  package var published: CivilDate?
  /// The time it was published, in minutes after midnight, when the document gives one.
  package var publishedMinute: Int?
  /// The noun a hyphenated measure describes ("60-foot section" → `breach`), normalized.
  package var measured: String?
  /// The index of its sentence in the document (-1 for a headline).
  package var sentenceIndex: Int
}
