import Testing
@testable import CrosscheckCore

/// Explanations say the rule that fired and the words it read: they come from the evidence
/// the extractors keep, so they change when the rule that decided changes.
@Suite struct ExplanationTests {
  static func document(_ id: String, _ text: String) -> Document {
    Document(id: id, origin: id, text: text, format: .text)
  }

  @Test(arguments: [
    ("“We are ready,” Jane Smith said on Tuesday.", "Credited to Jane Smith because the words right after the quote say “Jane Smith said”."),
    ("Mayor Jane Smith said: “We are ready.”", "Credited to Jane Smith because the words before the quote say “Mayor Jane Smith said”."),
    ("According to Jane Smith, “the levee held through the night.”", "Credited to Jane Smith because the quote is introduced by “According to Jane Smith”."),
  ])
  func anAttributionSaysItsRuleAndWords(_ text: String, _ expected: String) throws {
    let (quotes, people) = QuoteAnalysis.quotes(in: Self.document("t", text))
    let attribution = try #require(quotes.first?.attribution)
    let speaker = try #require(attribution.person.map { people.people[$0].name })
    #expect(attribution.sentence(crediting: speaker) == expected)
  }

  @Test func aDescriptionIsResolvedWithTheWordsThatStateTheTitle() throws {
    let text = "Fire Chief Ray Dufresne toured the levee.\nResidents waited for news.\n“Stay out of the water,” the fire chief said."
    let (quotes, _) = QuoteAnalysis.quotes(in: Self.document("t", text))
    let attribution = try #require(quotes.first?.attribution)
    #expect(attribution.resolution == "“the fire chief” is Ray Dufresne: earlier the text gives that title in “Fire Chief Ray Dufresne”")
  }

  @Test func eachSourcesNameForASpeakerCarriesTheRuleThatJoinedIt() throws {
    let analysis = QuoteAnalysis(documents: [
      Self.document("a", "Mayor Adaeze Okonkwo spoke.\n“Stay out of the water,” Okonkwo said."),
      Self.document("b", "Mayor Adaeze Okonqwo spoke.\n“We will rebuild the quay,” Okonqwo said."),
    ])
    let speaker = try #require(analysis.speakers.first { $0.speaker.name.hasPrefix("Adaeze") })
    #expect(speaker.speaker.joins.map(\.document) == [0, 1])
    #expect(speaker.speaker.joins[0].reason.hasPrefix("the first source to quote this person"))
    #expect(speaker.speaker.joins[1].reason.contains("surnames one letter apart"))
    #expect(speaker.speaker.joins[1].reason.contains("“mayor”"))
  }

  @Test func aTransliterationIsNamedAsOneSurnameSpelledTwoWays() throws {
    let analysis = QuoteAnalysis(documents: [
      Self.document("a", "President Volodymyr Zelensky spoke.\n“We need air defence now,” Zelensky said."),
      Self.document("b", "President Volodymyr Zelenskyy spoke.\n“The winter will be hard,” Zelenskyy said."),
    ])
    let speaker = try #require(analysis.speakers.first)
    #expect(speaker.speaker.joins.last?.reason == "“Volodymyr Zelenskyy” is “Volodymyr Zelensky” spelled another way (“Zelenskyy” and “Zelensky” are spellings of one surname)")
  }

  @Test func aPairExplanationNamesItsVerdictsEvidence() {
    let shared = "A container crane toppled onto the quay at Pier 4 on Monday evening during a violent storm, injuring two dock workers."
    let analysis = ReuseAnalysis([
      Self.document("wire", "PORTVILLE, March 3 (Tidewire) — " + shared),
      Self.document("copy", "Residents were shocked. " + shared),
      Self.document("other", "The city council met on Tuesday to talk about parking downtown and new benches."),
    ])
    let copied = analysis.comparison(0, 1).explanation(documents: analysis.documents)
    #expect(copied.hasPrefix("wire and copy share 1 passage of 10 or more words outside quotation marks"))
    #expect(copied.contains("begins “A container crane toppled"))
    #expect(copied.contains("): copy looks derived from wire"))
    let apart = analysis.comparison(0, 2).explanation(documents: analysis.documents)
    #expect(apart.hasPrefix("wire and other share no passage of 10 or more words"))
  }
}
