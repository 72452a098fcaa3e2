import Testing
@testable import CrosscheckCore

/// Which quantities become claims.
@Suite struct ClaimExtractorTests {
  static func extract(_ text: String) -> [Claim] {
    var metadata = DocumentMetadata()
    metadata.date = MetadataValue("2025-07-19")
    metadata.outlet = MetadataValue("The Ledger")
    let document = Document(id: "t", origin: "t", text: text, format: .text, metadata: metadata)
    return ClaimExtractor().claims(in: Corpus([document]))
  }

  static func claims(_ text: String) -> [String] { extract(text).map(\.text) }

  /// Who asserts each claim of the first sentence.
  @Test(arguments: [
    ("The Calder County Sheriff’s Office said 1,400 people had been evacuated.", "Calder County Sheriff’s Office", "reported speech"),
    ("Riverton General Hospital said it treated 14 people.", "Riverton General Hospital", "reported speech"),
    ("About 1,200 people fled, according to the regional weather service.", "the regional weather service", "according to"),
    ("Officials said 300 homes were flooded.", "The Ledger", "outlet"),
    ("Mayor Ann Wu said at a briefing on Saturday that the levee held.", "The Ledger", "outlet"),
    ("Mayor Ann Wu said that the talks would start on Monday.", "Mayor Ann Wu", "reported speech"),
  ])
  func creditsTheSourceASentenceReports(_ text: String, _ asserter: String, _ rule: String) throws {
    let claim = try #require(Self.extract(text).first)
    #expect(claim.asserter == asserter)
    #expect(claim.asserterRule == rule)
  }

  @Test func aLiveBlogsTimestampIsNoClaim() {
    let found = Self.claims("12:05\nAmbulance crews have treated 36 people since 11:15.\n\n11:48\nOrganisers stopped the race.")
    #expect(found == ["36 people", "11:15"])
  }
}
