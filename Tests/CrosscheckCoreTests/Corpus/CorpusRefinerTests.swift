import Testing
@testable import CrosscheckCore

@Suite struct CorpusRefinerTests {
  func article(_ id: String, outlet: String, body: String, footer: String, date: String? = nil) -> Document {
    Document(
      id: id, origin: id, text: "\(body)\n\n\(footer)\n", format: .text,
      metadata: DocumentMetadata(outlet: MetadataValue(outlet), date: date.map { MetadataValue($0) }))
  }

  @Test func removesLinesOneOutletRepeatsOnEveryArticle() {
    let footer = "Portville Post is read by 40,000 households every morning"
    let documents = CorpusRefiner.refine([
      article("a", outlet: "Portville Post", body: "A crane fell at Pier 4 on Monday. Nobody was hurt.", footer: footer),
      article("b", outlet: "Portville Post", body: "The council approved the budget on Tuesday.", footer: footer),
      article("c", outlet: "Tidewire", body: "Tides rose along the coast.", footer: footer),
    ])
    #expect(documents[0].boilerplate.map(\.reason) == [.boilerplate(.outletRepeated)])
    #expect(documents[1].boilerplate.map(\.reason) == [.boilerplate(.outletRepeated)])
    // Another outlet's copy of the line is its own business.
    #expect(documents[2].boilerplate.isEmpty)
    #expect(documents[0].paragraphs.count == 1)
    // Refining again changes nothing.
    #expect(CorpusRefiner.refine(documents).map(\.boilerplate) == documents.map(\.boilerplate))
    // With one of the outlet's articles gone, the line is the other's own text again.
    let left = CorpusRefiner.refineAfterRemoval([documents[0], documents[2]])
    #expect(left[0].boilerplate.isEmpty && left[0].paragraphs.count == 2)
  }

  @Test func keepsTheCommonTextOfTwoVersionsOfOneArticle() {
    let body = "A crane fell at Pier 4 on Monday.\n\nPort officials said 12 workers had left."
    let documents = CorpusRefiner.refine([
      article("v1", outlet: "Portville Post", body: body, footer: "Nobody was hurt."),
      article("v2", outlet: "Portville Post", body: body, footer: "One worker was hurt."),
    ])
    #expect(documents.allSatisfy { $0.boilerplate.isEmpty })
  }

  @Test func givesABareDatelineTheYearOfTheOtherDocuments() {
    let wire = Document(id: "wire", origin: "wire", text: "Nov. 14 (Coastwire) — A levee failed on Thursday.", format: .text)
    #expect(wire.metadata.date?.value == "Nov. 14")
    let dated = article("paper", outlet: "Metro Herald", body: "A levee failed.", footer: "More soon.", date: "2024-11-15")
    let refined = CorpusRefiner.refine([wire, dated])
    #expect(refined[0].metadata.date?.value == "2024-11-14")
    #expect(refined[0].metadata.date?.inferred == true)
    #expect(CorpusRefiner.refine([wire])[0].metadata.date?.value == "Nov. 14")
  }

  @Test func datesTheSampleCorpusAsItsAnswerKeyDoes() throws {
    let folder = GoldCorpus.packageRoot + "/samples/riverton-flood"
    let documents = CorpusRefiner.refine(DocumentLoader().load([folder], existing: Corpus()).loaded)
    let dates = Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0.metadata.date?.value) })
    for record in try GoldCorpus(path: folder).records() {
      let id = try #require(record["id"] as? String)
      #expect(dates[id] == record["date"] as? String, "\(id)")
    }
  }
}
