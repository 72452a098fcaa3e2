import Testing

@testable import CrosscheckCore

@Suite struct SentenceAlignerTests {
  /// Sentences as word lists; the ids are interned across both sides.
  static func align(_ source: [String], _ target: [String]) -> [SentenceLink] {
    var interner = TokenInterner<Substring>()
    let a = source.map { interner.intern(contentsOf: $0.split(separator: " ")) }
    let b = target.map { interner.intern(contentsOf: $0.split(separator: " ")) }
    return SentenceAligner().links(source: a, target: b)
  }

  static func summary(_ links: [SentenceLink]) -> [String] {
    links.map { "\($0.kind.rawValue) \($0.a.lowerBound)..<\($0.a.upperBound) \($0.b.lowerBound)..<\($0.b.upperBound)" }
  }

  @Test func rewordedSentencesAlignInOrder() {
    let links = Self.align(
      ["rutte visited kyiv on thursday", "he pledged military aid to ukraine", "zelensky asked for air defence"],
      ["on thursday rutte made a surprise visit to kyiv", "military aid to ukraine was pledged", "zelensky urged allies to send air defence"])
    #expect(Self.summary(links) == ["aligned 0..<1 0..<1", "aligned 1..<2 1..<2", "aligned 2..<3 2..<3"])
  }

  @Test func mergedAndSplitSentences() {
    let merged = Self.align(
      ["rutte visited kyiv on thursday", "he met zelensky at the palace"],
      ["rutte visited kyiv on thursday and met zelensky at the palace"])
    #expect(Self.summary(merged) == ["aligned 0..<2 0..<1"])
    let split = Self.align(
      ["rutte visited kyiv on thursday and met zelensky at the palace"],
      ["rutte visited kyiv on thursday", "he met zelensky at the palace"])
    #expect(Self.summary(split) == ["aligned 0..<1 0..<2"])
  }

  @Test func unrelatedSentencesAreOneSided() {
    let links = Self.align(
      ["rutte visited kyiv on thursday", "prices of grain rose sharply in odessa"],
      ["rutte visited kyiv on thursday", "the weather in brussels was cold and wet"])
    #expect(Self.summary(links) == ["aligned 0..<1 0..<1", "only_a 1..<2 1..<1", "only_b 2..<2 1..<2"])
  }

  @Test func movedSentencesAreFound() {
    let links = Self.align(
      ["zelensky asked for air defence systems", "rutte visited kyiv on thursday", "he pledged military aid to ukraine"],
      ["rutte visited kyiv on thursday", "he pledged military aid to ukraine", "zelensky asked for air defence systems"])
    #expect(Self.summary(links) == [
      "moved_out 0..<1 2..<3", "aligned 1..<2 0..<1", "aligned 2..<3 1..<2", "moved_in 0..<1 2..<3",
    ])
  }

  @Test func emptySides() {
    #expect(Self.align([], []).isEmpty)
    #expect(Self.summary(Self.align(["a b"], [])) == ["only_a 0..<1 0..<0"])
    #expect(Self.summary(Self.align([], ["a b"])) == ["only_b 0..<0 0..<1"])
  }
}
