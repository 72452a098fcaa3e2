import Testing
@testable import CrosscheckCore

/// Speakers across documents and quote groups with their variants.
@Suite struct QuoteAnalysisTests {
  static func corpus(_ texts: [String]) -> QuoteAnalysis {
    QuoteAnalysis(documents: texts.enumerated().map { Document(id: "d\($0.offset)", origin: "d\($0.offset)", text: $0.element, format: .text) })
  }

  @Test func mergesTransliterationsAndOneLetterSpellingsWithTheSameRole() {
    let analysis = Self.corpus([
      "Ukrainian President Volodymyr Zelensky spoke.\n“We need air defence now,” Zelensky said.",
      "Ukrainian President Volodymyr Zelenskyy spoke.\n“We need air defence,” Zelenskyy said.",
      "Ukrainian President Vladimir Zelenskiy spoke.\n“Air defence is urgent for us,” Zelenskiy said.",
      "Mayor Adaeze Okonqwo spoke.\n“The people deserve answers,” Okonqwo said.",
      "Mayor Adaeze Okonkwo spoke.\n“We want the answers,” Okonkwo said.\n“We also want boats,” said Ben Okonkwo, a farmer.",
    ])
    let names = analysis.speakers.map(\.speaker.name)
    #expect(names.contains("Volodymyr Zelensky"))
    #expect(names.filter { $0.contains("Zelensk") }.count == 1)
    #expect(names.filter { $0.hasPrefix("Adaeze") }.count == 1)
    #expect(names.contains("Ben Okonkwo"))
    let zelensky = analysis.speakers.first { $0.speaker.name == "Volodymyr Zelensky" }
    #expect(zelensky?.quotes.count == 3)
    #expect(zelensky?.speaker.aliases.contains("Zelenskyy") == true)
  }

  @Test func groupsRenderingsAndClassifiesThem() throws {
    let analysis = Self.corpus([
      "“We are asking everyone to stay out of the water and away from the levee,” Mayor Ann Wu said.",
      "“We are asking everyone to stay out of the water and away from the levee,” Mayor Ann Wu said.",
      "“We are asking everyone to stay out of the water,” Mayor Ann Wu said.",
      "“We are asking everyone to stay out of the water; and away from the levee,” Mayor Ann Wu said.",
      "“We are asking everyone to stay out of the floodwater and away from the levee,” Mayor Ann Wu said.",
      "“We are asking everyone to stay out of the water and away from the levee,” Fire Chief Ray Dufresne said.",
      "“The budget will be balanced by spring,” Mayor Ann Wu said.",
    ])
    #expect(analysis.groups.count == 2)
    let variants = analysis.groups[0].members.map { analysis.occurrences[$0].variantLabel }
    #expect(variants == ["verbatim", "verbatim", "trimmed", "punctuation", "reworded", "verbatim; misattributed"])
    #expect(analysis.groups.map(\.id) == ["Q1", "Q2"])
    #expect(analysis.occurrences.map(\.id).prefix(2) == ["q1", "q2"])
  }

  @Test func aNestedQuoteJoinsItsOuterQuotesGroup() {
    let analysis = Self.corpus(["“Intercepting missiles, and especially ‘Shaheds,’ which link the regimes, is right,” Zelensky said."])
    #expect(analysis.occurrences.count == 2)
    #expect(analysis.occurrences[1].nestedIn == 0)
    #expect(analysis.occurrences[0].group == analysis.occurrences[1].group)
    #expect(analysis.occurrences[1].kind == .scare)
  }

  @Test func aParaphraseByTheSameSpeakerInAnotherSourceJoinsTheUtterance() {
    let analysis = Self.corpus([
      "“We were lucky. Nobody was hurt, and the fuel did not catch fire,” Fire Chief Dana Cole said.",
      "Fire Chief Dana Cole told us: “We were lucky, nobody got hurt and nothing caught fire.”",
      // The same words from someone else, and a second remark of the chief's in one article: apart.
      "“Nobody was hurt because the wind dropped before the fire reached the houses,” Mayor Ann Wu said.",
      "“We were lucky. Nobody was hurt, and the fuel did not catch fire,” Fire Chief Dana Cole said. "
        + "Later she added: “Nobody got hurt, but the fuel will take days to clean from the creek.”",
    ])
    let groupOf = analysis.occurrences.map(\.group)
    #expect(groupOf[0] == groupOf[1])
    #expect(analysis.occurrences[1].variant == .reworded)
    #expect(groupOf[2] != groupOf[0])
    #expect(groupOf[3] == groupOf[0])
    #expect(groupOf[4] != groupOf[0])
  }
}
