import Testing
@testable import CrosscheckCore

@Suite struct CandidateFinderTests {
  /// Independent texts, and copies of parts of them with light edits.
  static func corpus(seed: UInt64, originals: Int, copies: Int) -> [Document] {
    var generator = SeededGenerator(seed: seed)
    var texts: [[String]] = (0..<originals).map { _ in RandomTexts.words(300, &generator) }
    for _ in 0..<copies {
      let source = texts[Int.random(in: 0..<originals, using: &generator)]
      let start = Int.random(in: 0..<200, using: &generator)
      let passage = RandomTexts.edited(Array(source[start..<(start + 60)]), rate: 0.03, &generator)
      texts.append(RandomTexts.words(100, &generator) + passage + RandomTexts.words(100, &generator))
    }
    return texts.enumerated().map { RandomTexts.document("d\($0.offset)", $0.element) }
  }

  @Test func minHashFindsTheReusedPairsWithTheExactScores() {
    let fingerprints = Self.corpus(seed: 7, originals: 60, copies: 40).map(Fingerprint.init)
    let exact = CandidateFinder(documentCount: fingerprints.count, method: .exactIndex).pairs(fingerprints)
    let lsh = CandidateFinder(documentCount: fingerprints.count, method: .minHashLSH).pairs(fingerprints)
    let exactByPair = Dictionary(uniqueKeysWithValues: exact.map { ("\($0.a)-\($0.b)", $0.score) })
    // Same answers on the pairs both find; LSH finds nothing the index does not.
    for pair in lsh { #expect(exactByPair["\(pair.a)-\(pair.b)"] == pair.score) }
    let reused = exact.filter { $0.score.shared >= 20 }
    let found = Set(lsh.map { "\($0.a)-\($0.b)" })
    let recall = Double(reused.filter { found.contains("\($0.a)-\($0.b)") }.count) / Double(max(1, reused.count))
    #expect(reused.count >= 40)
    #expect(recall >= 0.95)
  }

  @Test(arguments: [CandidateMethod.exactIndex, .minHashLSH])
  func manyCopiesOfOneStoryAreAllRelated(_ method: CandidateMethod) {
    // More copies than the 200 documents beyond which a shingle counts as boilerplate.
    var generator = SeededGenerator(seed: 11)
    let story = RandomTexts.words(80, &generator)
    var fingerprints = (0..<250).map { _ in Fingerprint(RandomTexts.document("copy", story)) }
    fingerprints += (0..<20).map { _ in Fingerprint(RandomTexts.document("other", RandomTexts.words(80, &generator))) }
    let pairs = CandidateFinder(documentCount: fingerprints.count, method: method).pairs(fingerprints)
    #expect(pairs.filter { $0.a < 250 && $0.b < 250 && $0.score.jaccard == 1 }.count == 250 * 249 / 2)
  }

  @Test func theMethodFollowsTheCorpusSize() {
    #expect(CandidateFinder(documentCount: 5).method == .exactIndex)
    #expect(CandidateFinder(documentCount: CandidateFinder.exactLimit + 1).method == .minHashLSH)
  }

  @Test func minHashEstimatesJaccard() {
    let documents = Self.corpus(seed: 3, originals: 1, copies: 0)
    let words = documents[0].text.split(separator: " ").map(String.init)
    let other = RandomTexts.document("b", Array(words[0..<200]))
    let a = Fingerprint(documents[0])
    let b = Fingerprint(other)
    let hasher = MinHasher(permutations: 256)
    let estimate = MinHasher.estimate(hasher.signature(of: a.set), hasher.signature(of: b.set))
    #expect(abs(estimate - SimilarityScore(a, b).jaccard) < 0.12)
    let densified = MinHasher.estimate(
      MinHasher.densifiedSignature(of: a.set, bins: 256), MinHasher.densifiedSignature(of: b.set, bins: 256))
    #expect(abs(densified - SimilarityScore(a, b).jaccard) < 0.12)
  }
}
