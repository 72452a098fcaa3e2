import Testing

@testable import CrosscheckCore

/// Tests of the edit script and the whole pipeline, for every algorithm.
@Suite struct EditScriptTests {
  /// The algorithms every property holds for.
  static let algorithms: [DiffAlgorithm] = [.myers, .histogram, .patience, .myers(costLimit: 4)]

  /// Diffing a sequence with itself gives equal runs only.
  @Test(arguments: algorithms)
  func identicalSequencesHaveNoChanges(algorithm: DiffAlgorithm) {
    var generator = SeededGenerator(seed: 200)
    for _ in 0..<300 {
      let pair = RandomPair.make(using: &generator)
      let script = EditScript(from: pair.source, to: pair.source, algorithm: algorithm)
      #expect(script.operations.allSatisfy { $0.kind == .equal })
      #expect(script.operations.count == (pair.source.isEmpty ? 0 : 1))
      #expect(script.editCount == 0 && script.unchangedCount == pair.source.count)
    }
  }

  /// Operations cover both sequences in order, and applying them gives the target.
  @Test(arguments: algorithms)
  func scriptsCoverBothSequences(algorithm: DiffAlgorithm) {
    var generator = SeededGenerator(seed: 201)
    for index in 0..<300 {
      let pair = RandomPair.make(using: &generator)
      let script = EditScript(from: pair.source, to: pair.target, algorithm: algorithm)
      let violation = script.violation(from: pair.source, to: pair.target)
      #expect(violation == nil, "case \(index): \(violation ?? "")")
    }
  }

  /// Empty sides give a single insertion or deletion, or nothing.
  @Test(arguments: algorithms)
  func emptySides(algorithm: DiffAlgorithm) {
    let tokens: [Int32] = [3, 1, 4, 1, 5]
    let insertion = EditScript(from: [], to: tokens, algorithm: algorithm)
    #expect(insertion.operations == [.init(kind: .insert, sourceRange: 0..<0, targetRange: 0..<5)])
    let deletion = EditScript(from: tokens, to: [], algorithm: algorithm)
    #expect(deletion.operations == [.init(kind: .delete, sourceRange: 0..<5, targetRange: 0..<0)])
    #expect(EditScript(from: [], to: [], algorithm: algorithm).operations.isEmpty)
  }

  /// Scripts of small word examples, as `git diff --word-diff` would show them.
  @Test(arguments: [
    ("the quick brown fox", "the quick red fox", "the quick [-brown-]{+red+} fox"),
    ("", "hello world", "{+hello world+}"),
    ("hello world", "", "[-hello world-]"),
    ("one two three", "one two three", "one two three"),
    ("a b c d", "a c d", "a [-b -]c d"),
    ("we said it", "we never said it", "we {+never +}said it"),
    ("the cat sat", "the dog ran", "the [-cat-]{+dog+} [-sat-]{+ran+}"),
    ("Prices rose 5% in May.", "Prices rose 7% in June.", "Prices rose [-5-]{+7+}% in [-May-]{+June+}."),
  ])
  func wordExamples(old: String, new: String, expected: String) {
    let fixture = WordDiffFixture(old, new)
    let script = fixture.script()
    #expect(fixture.render(script) == expected)
    #expect(script.violation(from: fixture.source, to: fixture.target) == nil)
  }

  /// Operation ranges and counts of one example, spelled out.
  @Test func operationsOfAnExample() {
    // the␣quick␣brown␣fox → the␣quick␣red␣fox
    let fixture = WordDiffFixture("the quick brown fox", "the quick red fox")
    let script = fixture.script()
    #expect(
      script.operations == [
        .init(kind: .equal, sourceRange: 0..<4, targetRange: 0..<4),
        .init(kind: .replace, sourceRange: 4..<5, targetRange: 4..<5),
        .init(kind: .equal, sourceRange: 5..<7, targetRange: 5..<7),
      ])
    #expect(script.deletedCount == 1 && script.insertedCount == 1)
    #expect(script.unchangedCount == 6 && script.editCount == 2)
    #expect(script.sourceCount == 7 && script.targetCount == 7)
  }

  /// Ids far apart or negative are renumbered and give the same script as dense ones.
  @Test func sparseIdsGiveTheSameScript() {
    let dense: ([Int32], [Int32]) = ([0, 1, 2, 1, 3], [1, 2, 4, 3, 0])
    let scatter = { (id: Int32) -> Int32 in id == 0 ? Int32.min : id &* 700_000_001 }
    let sparse = (dense.0.map(scatter), dense.1.map(scatter))
    for algorithm in Self.algorithms {
      #expect(
        EditScript(from: dense.0, to: dense.1, algorithm: algorithm)
          == EditScript(from: sparse.0, to: sparse.1, algorithm: algorithm))
    }
  }

  /// Only unlimited Myers promises minimal scripts.
  @Test func minimality() {
    #expect(DiffAlgorithm.myers.isMinimal)
    #expect(!DiffAlgorithm.histogram.isMinimal)
    #expect(!DiffAlgorithm.myers(costLimit: 10).isMinimal)
    #expect(DiffAlgorithm.myers(costLimit: 10).costLimit == 10)
  }

  /// Long inputs with few edits: valid scripts, and Myers no longer than histogram.
  @Test func longInputs() {
    var generator = SeededGenerator(seed: 202)
    let source = (0..<20_000).map { _ in Int32(generator.below(2_000)) }
    var target = source
    for _ in 0..<200 {
      target[generator.below(target.count)] = Int32(generator.below(2_000))
      target.remove(at: generator.below(target.count))
      target.insert(Int32(generator.below(2_000)), at: generator.below(target.count))
    }
    let myers = EditScript(from: source, to: target, algorithm: .myers)
    let histogram = EditScript(from: source, to: target, algorithm: .histogram)
    #expect(myers.violation(from: source, to: target) == nil)
    #expect(histogram.violation(from: source, to: target) == nil)
    #expect(myers.editCount <= histogram.editCount)
    #expect(myers.editCount <= 1_200)
  }
}
