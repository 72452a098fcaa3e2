import Testing
@testable import CrosscheckCore

/// Which quantities become claims.
@Suite struct ClaimExtractorTests {
  static func claims(_ text: String) -> [String] {
    var metadata = DocumentMetadata()
    metadata.date = MetadataValue("2025-07-19")
    let document = Document(id: "t", origin: "t", text: text, format: .text, metadata: metadata)
    return ClaimExtractor().claims(in: Corpus([document])).map(\.text)
  }

  @Test func aLiveBlogsTimestampIsNoClaim() {
    let found = Self.claims("12:05\nAmbulance crews have treated 36 people since 11:15.\n\n11:48\nOrganisers stopped the race.")
    #expect(found == ["36 people", "11:15"])
  }
}
