import Testing
@testable import CrosscheckCore

@Suite struct PassageFinderTests {
  func passages(_ a: String, _ b: String) -> [SharedPassage] {
    let x = Document(id: "a", origin: "a", text: a, format: .text)
    let y = Document(id: "b", origin: "b", text: b, format: .text)
    return PassageFinder().passages(Fingerprint(x), Fingerprint(y))
  }

  @Test func findsAVerbatimPassageWithItsWordSpans() {
    let found = passages(
      "Earlier text here. The levee gave way before dawn on Thursday and flooded the quay. Then more.",
      "Other words first, then: the levee gave way before dawn on Thursday and flooded the quay!")
    let passage = found[0]
    #expect(passage.a == 3..<15)
    #expect(passage.b == 4..<16)
    #expect(passage.matched == 12)
    #expect(passage.identity == 1)
  }

  @Test func aSmallEditDoesNotSplitThePassage() {
    let a = "the crane one of six on the north terminal fell at about seven as gusts of more than sixty miles an hour swept across the harbour the port authority said in a statement"
    let b = "the crane one of six on the north terminal fell at about seven as strong gusts of more than sixty miles an hour swept over the harbour the port authority said in a statement"
    let found = passages(a, b)
    #expect(found.count == 1)
    #expect(found[0].a == 0..<33)
    #expect(found[0].b == 0..<34)
    #expect(found[0].matched == 32)
    #expect(found[0].identity > 0.9 && found[0].identity < 1)
  }

  @Test func unrelatedTextsShareNothing() {
    #expect(passages("one two three four five six seven", "eight nine ten eleven twelve thirteen").isEmpty)
  }

  @Test(arguments: 0..<20)
  func passagesStayInsideBothTexts(_ seed: Int) {
    var generator = SeededGenerator(seed: UInt64(seed) + 100)
    let base = RandomTexts.words(150, &generator)
    let copy = RandomTexts.words(30, &generator) + RandomTexts.edited(Array(base[20..<120]), rate: 0.05, &generator)
    let a = Fingerprint(RandomTexts.document("a", base))
    let b = Fingerprint(RandomTexts.document("b", copy))
    let found = PassageFinder().passages(a, b)
    #expect(!found.isEmpty)
    for passage in found {
      #expect(passage.a.lowerBound >= 0 && passage.a.upperBound <= a.words.count)
      #expect(passage.b.lowerBound >= 0 && passage.b.upperBound <= b.words.count)
      #expect(passage.matched <= min(passage.a.count, passage.b.count))
      #expect(passage.identity > 0 && passage.identity <= 1)
    }
    #expect(found.reduce(0) { $0 + $1.matched } >= 70)
  }
}
