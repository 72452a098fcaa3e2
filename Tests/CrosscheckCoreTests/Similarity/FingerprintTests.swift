import Testing
@testable import CrosscheckCore

// SeededGenerator (SplitMix64) is shared with the tokenizer tests.

/// Random article-like texts over a small vocabulary, with copies and edits between them.
enum RandomTexts {
  static let vocabulary = [
    "the", "of", "and", "to", "a", "in", "said", "river", "levee", "mayor", "town", "water", "flood", "crews",
    "homes", "night", "boats", "dam", "gates", "residents", "officials", "storm", "rain", "street", "quay",
    "harbour", "crane", "port", "workers", "engineers", "inquiry", "report", "north", "south", "bridge",
  ]

  static func words(_ count: Int, _ generator: inout SeededGenerator) -> [String] {
    (0..<count).map { _ in vocabulary.randomElement(using: &generator)! }  // the vocabulary is not empty
  }

  /// `words` with about `rate` of them replaced, and some dropped or inserted.
  static func edited(_ words: [String], rate: Double, _ generator: inout SeededGenerator) -> [String] {
    var result: [String] = []
    for word in words {
      let roll = Double.random(in: 0..<1, using: &generator)
      if roll < rate / 2 {
        result.append(vocabulary.randomElement(using: &generator)! + "x")
      } else if roll < rate * 3 / 4 {
        continue
      } else if roll < rate {
        result.append(word)
        result.append("inserted")
      } else {
        result.append(word)
      }
    }
    return result
  }

  static func document(_ id: String, _ words: [String]) -> Document {
    Document(id: id, origin: id, text: words.joined(separator: " ") + ".", format: .text)
  }
}

@Suite struct FingerprintTests {
  func fingerprint(_ text: String) -> Fingerprint {
    Fingerprint(Document(id: "t", origin: "t", text: text, format: .text))
  }

  @Test func foldsCaseQuotesApostrophesAndDashesAndDropsPunctuation() {
    let a = fingerprint("Kyiv’s mayor said: “the self‐defence plan, it is working” today.")
    let b = fingerprint("kyiv's MAYOR said the self-defence plan -- it is working today")
    #expect(a.set == b.set)
    #expect(a.wordHashes.count == 10)
  }

  @Test func differentWordsHashDifferently() {
    let a = fingerprint("one two three four five six")
    let b = fingerprint("one two three four five seven")
    #expect(a.set.count == 2)
    #expect(a.sharedCount(with: b) == 1)
  }

  @Test func hashesAreTheSameInEveryProcess() {
    // A fixed value: shingles, signatures and output must not depend on the process.
    #expect(fingerprint("alpha beta gamma delta epsilon").shingles == [6_079_671_668_767_828_777])
  }

  @Test func tooShortTextsHaveNoShingles() {
    #expect(fingerprint("four words only here").shingles.isEmpty)
    #expect(SimilarityScore(fingerprint("a b c"), fingerprint("a b c")).jaccard == 0)
  }

  @Test(arguments: 0..<40)
  func scoresAreSymmetricBoundedAndConsistent(_ seed: Int) {
    var generator = SeededGenerator(seed: UInt64(seed))
    let base = RandomTexts.words(Int.random(in: 20...200, using: &generator), &generator)
    let cut = Int.random(in: 0...base.count, using: &generator)
    let other = RandomTexts.edited(Array(base[..<cut]), rate: 0.1, &generator) + RandomTexts.words(Int.random(in: 0...100, using: &generator), &generator)
    let a = RandomTexts.document("a", base)
    let b = RandomTexts.document("b", other)
    let fa = Fingerprint(a)
    let fb = Fingerprint(b)
    let ab = SimilarityScore(fa, fb)
    let ba = SimilarityScore(fb, fa)
    #expect(ab.jaccard == ba.jaccard)
    #expect(ab.containmentAInB == ba.containmentBInA)
    #expect(ab.containmentBInA == ba.containmentAInB)
    for value in [ab.jaccard, ab.containmentAInB, ab.containmentBInA] { #expect(value >= 0 && value <= 1) }
    // Jaccard never exceeds either containment, and 1/J = 1/cA + 1/cB − 1 when they share anything.
    #expect(ab.jaccard <= min(ab.containmentAInB, ab.containmentBInA) + 1e-12)
    if ab.shared > 0 {
      let inverse: Double = 1 / ab.containmentAInB + 1 / ab.containmentBInA - 1
      let difference: Double = abs(1 / ab.jaccard - inverse)
      #expect(difference < 1e-9)
    }
    #expect(SimilarityScore(fa, fa).jaccard == (fa.set.isEmpty ? 0 : 1))
  }
}
