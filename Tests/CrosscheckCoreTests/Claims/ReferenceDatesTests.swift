import Testing
@testable import CrosscheckCore

@Suite struct ReferenceDatesTests {
  static func document(_ id: String, _ text: String, date: String? = nil) -> Document {
    var metadata = DocumentMetadata()
    if let date { metadata.date = MetadataValue(date) }
    return Document(id: id, origin: id, text: text, format: .text, metadata: metadata)
  }

  @Test func prefersMetadataThenBylineThenConsensus() {
    let corpus = Corpus([
      Self.document("a", "Storms hit the coast.\n\nMore rain is due.", date: "2024-11-15"),
      Self.document("b", "By Jo Smith | Nov. 14, 2024\n\nStorms hit the coast on Thursday."),
      Self.document("c", "Storms hit the coast on Thursday.\n\nMore rain is due."),
    ])
    let dates = ReferenceDates(corpus: corpus)
    #expect(dates["a"] == ReferenceDates.Entry(date: CivilDate(year: 2024, month: 11, day: 15), source: .metadata))
    // The loader reads the byline's date into the metadata (marked inferred).
    #expect(dates["b"] == ReferenceDates.Entry(date: CivilDate(year: 2024, month: 11, day: 14), source: .metadata))
    // A tie between the two dates goes to the earlier.
    #expect(dates["c"] == ReferenceDates.Entry(date: CivilDate(year: 2024, month: 11, day: 14), source: .consensus))
  }

  @Test func givesADatelineTheYearInWhichItsWeekdayFalls() {
    let corpus = Corpus([
      Self.document("wire", "Oct. 3 (UPI) — The minister visited Kyiv on Thursday, a year after the war began in February 2022."),
      Self.document("other", "The minister visited Kyiv on Thursday.\n\nCopyright © 2025 All rights reserved."),
    ])
    let dates = ReferenceDates(corpus: corpus)
    #expect(dates["wire"] == ReferenceDates.Entry(date: CivilDate(year: 2024, month: 10, day: 3), source: .dateline))
    #expect(dates["other"]?.date == CivilDate(year: 2024, month: 10, day: 3))
  }

  @Test func keepsTheTimeOfPublication() {
    #expect(ReferenceDates.parseWithTime("2024-11-15T18:12:00Z")?.1 == 18 * 60 + 12)
    #expect(ReferenceDates.parseWithTime("November 15, 2024 at 6:12 PM")?.1 == 18 * 60 + 12)
    #expect(ReferenceDates.parseWithTime("2024-11-15")?.1 == nil)
  }

  @Test(arguments: [
    ("2024-11-15", "2024-11-15"), ("November 15, 2024", "2024-11-15"), ("Nov. 15, 2024", "2024-11-15"),
    ("15 November 2024", "2024-11-15"), ("2024-11-15T18:12:00Z", "2024-11-15"),
  ])
  func parsesMetadataDates(_ text: String, _ iso: String) {
    #expect(ReferenceDates.parse(text)?.iso == iso)
  }
}
