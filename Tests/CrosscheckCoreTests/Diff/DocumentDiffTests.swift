import Testing

@testable import CrosscheckCore

@Suite struct DocumentDiffTests {
  /// The diff rendered as git's word diff marks it, segments on lines of their own.
  static func marked(_ diff: DocumentDiff) -> String {
    diff.segments.map { segment in
      diff.pieces(of: segment).map { piece in
        switch piece.kind {
        case .same: return piece.text
        case .deleted: return "[-" + piece.text + "-]"
        case .inserted: return "{+" + piece.text + "+}"
        }
      }.joined()
    }.joined(separator: "\n")
  }

  static func diff(_ a: String, _ b: String, ignoring: DiffIgnoring = [], cleanUp: Bool = true) -> DocumentDiff {
    DocumentDiff(from: DiffSide(text: a), to: DiffSide(text: b), ignoring: ignoring, cleanUp: cleanUp)
  }

  @Test(arguments: [
    ("Rutte visited Kyiv on Thursday.", "Rutte visited Kyiv on Friday.", "Rutte visited Kyiv on [-Thursday-]{+Friday+}."),
    ("He said it was urgent.", "He said it was very urgent.", "He said it was {+very+} urgent."),
    ("Aid rose. Talks stalled.", "Aid rose. Talks stalled.", "Aid rose.\nTalks stalled."),
  ])
  func wordDiffsInsideSentences(_ a: String, _ b: String, _ expected: String) {
    #expect(Self.marked(Self.diff(a, b)) == expected)
  }

  @Test func ignoringCasePunctuationAndSpelling() {
    let a = "The defence minister organised a march, in the centre."
    let b = "The Defense Minister organized a march in the center!"
    #expect(Self.diff(a, b).statistics.wordsChanged > 0)
    let ignored = Self.diff(a, b, ignoring: [.caseDifferences, .punctuation, .spelling])
    #expect(ignored.statistics.wordsChanged == 0)
    #expect(ignored.segments.allSatisfy { $0.operations.allSatisfy { $0.kind == .equal } })
    // Spelling alone still sees the capitals.
    #expect(Self.diff(a, b, ignoring: [.spelling, .punctuation]).statistics.wordsChanged == 4)
  }

  /// Random texts from a small vocabulary, and edited copies.
  static func randomPair(_ generator: inout SeededGenerator) -> (String, String) {
    let words = ["Rutte", "said", "the", "alliance", "Kyiv", "aid", "would", "grow", "Zelensky", "asked", "for", "missiles", "44.1", "billion"]
    func sentence() -> [String] { (0..<generator.inRange(3...9)).map { _ in words[generator.below(words.count)] } }
    let source = (0..<generator.inRange(0...8)).map { _ in sentence() }
    var target: [[String]] = []
    for var s in source {
      if generator.chance(0.15) { continue }
      if generator.chance(0.4) { s[generator.below(s.count)] = words[generator.below(words.count)] }
      if generator.chance(0.2) { s.insert(words[generator.below(words.count)], at: generator.below(s.count + 1)) }
      target.append(s)
      if generator.chance(0.15) { target.append(sentence()) }
    }
    if target.count > 2, generator.chance(0.3) { target.swapAt(0, target.count - 1) }
    func text(_ sentences: [[String]]) -> String { sentences.map { $0.joined(separator: " ") + "." }.joined(separator: " ") }
    return (text(source), text(target))
  }

  /// In reading order, the operations cover every token of both texts exactly once, in
  /// order; equal runs hold equal tokens; moved sentences count once.
  @Test(arguments: [true, false])
  func operationsCoverBothTextsInOrder(cleanUp: Bool) {
    var generator = SeededGenerator(seed: 11)
    for index in 0..<300 {
      let (a, b) = Self.randomPair(&generator)
      let source = DiffSide(text: a)
      let target = DiffSide(text: b)
      let diff = DocumentDiff(from: source, to: target, cleanUp: cleanUp)
      var sourceCovered: [Int] = []
      var targetCovered: [Int] = []
      for segment in diff.segments {
        for operation in segment.operations {
          if segment.link.kind != .movedIn { sourceCovered += Array(operation.sourceTokens) }
          if segment.link.kind != .movedOut { targetCovered += Array(operation.targetTokens) }
          if operation.kind == .equal {
            #expect(operation.sourceTokens.map { source.string(source.tokens[$0].range) }
              == operation.targetTokens.map { target.string(target.tokens[$0].range) }, "case \(index)")
          }
        }
      }
      #expect(sourceCovered.sorted() == Array(source.tokens.indices), "case \(index): \(a) → \(b)")
      #expect(targetCovered.sorted() == Array(target.tokens.indices), "case \(index): \(a) → \(b)")
    }
  }

  @Test func aTextAgainstItselfHasNoChanges() {
    var generator = SeededGenerator(seed: 12)
    for _ in 0..<100 {
      let (a, _) = Self.randomPair(&generator)
      let diff = Self.diff(a, a)
      #expect(diff.statistics.wordsChanged == 0)
      #expect(diff.segments.allSatisfy { $0.isUnchanged })
    }
  }

  /// Within one pair of sentences (whose alignment cannot differ either way round), the
  /// counts swap exactly; the engine's own tests check the scripts themselves.
  @Test func swappingTheTextsSwapsInsertionsAndDeletions() {
    var generator = SeededGenerator(seed: 13)
    for index in 0..<200 {
      let (a, b) = Self.randomPair(&generator)
      guard let a = a.split(separator: ".").first.map({ String($0) + "." }), let b = b.split(separator: ".").first.map({ String($0) + "." }) else { continue }
      let forward = Self.diff(a, b, cleanUp: false).statistics
      let backward = Self.diff(b, a, cleanUp: false).statistics
      #expect(forward.sourceWordsDeleted == backward.targetWordsInserted, "case \(index): \(a) → \(b)")
      #expect(forward.targetWordsInserted == backward.sourceWordsDeleted, "case \(index): \(a) → \(b)")
      #expect(forward.sentencesOnlyInA == backward.sentencesOnlyInB, "case \(index)")
    }
  }

  /// The histogram alignment for long texts gives the same kind of result.
  @Test func histogramAlignmentOnEditedText() {
    var generator = SeededGenerator(seed: 14)
    let (a, b) = Self.randomPair(&generator)
    let source = DiffSide(text: a + " Zelensky asked for more missiles today.")
    let target = DiffSide(text: b + " Zelensky asked for more missiles today.")
    let byHistogram = DocumentDiff(from: source, to: target, method: .tokenHistogram)
    #expect(byHistogram.method == .tokenHistogram)
    #expect(byHistogram.segments.last?.isUnchanged == true)
    let same = DocumentDiff(from: source, to: source, method: .tokenHistogram)
    #expect(same.statistics.wordsChanged == 0 && same.statistics.sentencesAligned > 0)
  }

  /// Long texts are aligned through the histogram diff; a sentence that moved and was
  /// edited is still found as a move.
  @Test func histogramAlignmentFindsEditedMoves() {
    let a = "Zelensky asked allies for Patriot batteries on Friday. Rutte visited Kyiv. He pledged more aid. Talks went on late."
    let b = "Rutte visited Kyiv. He pledged more aid. Talks went on late. Zelensky asked allies for more Patriot batteries."
    let diff = DocumentDiff(from: DiffSide(text: a), to: DiffSide(text: b), method: .tokenHistogram)
    #expect(diff.segments.map(\.link.kind) == [.movedOut, .aligned, .aligned, .aligned, .movedIn])
    #expect(diff.statistics.sentencesMoved == 1)
    #expect(diff.statistics.wordsChanged == 3)
  }
}
