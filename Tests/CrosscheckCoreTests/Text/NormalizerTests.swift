import Testing
@testable import CrosscheckCore

@Suite struct NormalizerTests {
  let normalizer = Normalizer()

  @Test(arguments: [
    ("“Kyiv’s” bid", "\"kyiv's\" bid"),
    ("NATO — the alliance – said", "nato - the alliance - said"),
    ("Zelenskyy  and\u{A0}Rutte\n\nmet", "zelenskyy and rutte met"),
    ("Café Müller, São Paulo, Łódź, Straße", "cafe muller, sao paulo, lodz, strasse"),
    ("defence defences offence licence", "defense defenses offense license"),
    ("five-storey block, storeys", "five-story block, stories"),
    ("30 kilometres from the centre", "30 kilometers from the center"),
    ("organise organised organising organisation", "organize organized organizing organization"),
    ("analyse paralysed", "analyze paralyzed"),
    ("colour neighbourhood unfavourable Labour", "color neighborhood unfavorable labor"),
    ("travelled cancelling modeller", "traveled canceling modeler"),
    ("tyre programme grey", "tire program gray"),
  ])
  func folds(input: String, expected: String) {
    #expect(normalizer.normalized(input) == expected)
  }

  @Test(arguments: ["advise", "surprise", "exercise", "promise", "raise", "four", "hour", "your", "tour", "pour", "flour", "metre-long"])
  func leavesWordsWithoutAVariantAlone(word: String) {
    let folded = normalizer.normalized(word)
    #expect(folded == word || (word == "metre-long" && folded == "meter-long"))
  }

  @Test func isIdempotentAndKeepsTheOriginalText() {
    let text = "The Defence Ministry’s “organisation” — 4.6 kilometres."
    let once = normalizer.normalized(text)
    #expect(normalizer.normalized(once) == once)
    #expect(text == "The Defence Ministry’s “organisation” — 4.6 kilometres.")
  }

  @Test func foldsOnlyWhatIsAsked() {
    #expect(Normalizer(options: [.caseFolding]).normalized("Defence “Ministry”") == "defence “ministry”")
  }

  @Test func foldsTokensOfADocumentWithoutTouchingItsText() {
    let text = "The five-storey block’s “defence” — 30 kilometres away."
    let document = Document(id: "t", origin: "t", text: text, format: .text)
    let words = document.tokens.filter(\.isWordLike).map { normalizer.normalized($0, in: document.buffer) }
    #expect(words == ["the", "five-story", "block's", "defense", "30", "kilometers", "away"])
    #expect(document.text == text)
  }
}
