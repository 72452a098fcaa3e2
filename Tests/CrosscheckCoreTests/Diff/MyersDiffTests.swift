import Testing

@testable import CrosscheckCore
@testable import CrosscheckWordDiff

/// Property tests of Myers' algorithm against the dynamic-programming reference.
@Suite struct MyersDiffTests {
  /// The number of random pairs each property is checked on.
  static let caseCount = 400

  /// The script is valid and its edit count is the true minimal edit distance.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func scriptIsMinimal(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for index in 0..<Self.caseCount {
      let pair = RandomPair.make(using: &generator)
      let script = EditScript(from: pair.source, to: pair.target, algorithm: .myers)
      let minimal =
        pair.source.count + pair.target.count
        - 2 * longestCommonSubsequenceLength(pair.source, pair.target)
      let violation = script.violation(from: pair.source, to: pair.target)
      #expect(violation == nil, "case \(index): \(violation ?? "")")
      #expect(script.editCount == minimal, "case \(index): \(pair)")
      if violation != nil || script.editCount != minimal {
        return
      }
    }
  }

  /// Swapping the sequences swaps the deletions and insertions.
  @Test func swappingSidesSwapsCounts() {
    var generator = SeededGenerator(seed: 4)
    for index in 0..<Self.caseCount {
      let pair = RandomPair.make(using: &generator)
      let forward = EditScript(from: pair.source, to: pair.target)
      let backward = EditScript(from: pair.target, to: pair.source)
      #expect(backward.violation(from: pair.target, to: pair.source) == nil, "case \(index)")
      #expect(forward.deletedCount == backward.insertedCount, "case \(index)")
      #expect(forward.insertedCount == backward.deletedCount, "case \(index)")
    }
  }

  /// With a cost limit the script stays valid, and is never shorter than the minimum.
  @Test(arguments: [1, 2, 5, 20])
  func costLimitKeepsScriptsValid(limit: Int) {
    var generator = SeededGenerator(seed: 5 + UInt64(limit))
    for index in 0..<Self.caseCount {
      let pair = RandomPair.make(using: &generator)
      let script = EditScript(from: pair.source, to: pair.target, algorithm: .myers(costLimit: limit))
      let minimal = EditScript(from: pair.source, to: pair.target, algorithm: .myers)
      let violation = script.violation(from: pair.source, to: pair.target)
      #expect(violation == nil, "case \(index): \(violation ?? "")")
      #expect(script.editCount >= minimal.editCount, "case \(index)")
    }
  }

  /// Lopsided boxes (one side much longer) reach the edges of the edit graph early, the
  /// case the search's treatment of paths that run off the box is for.
  @Test func lopsidedPairsAreMinimal() {
    var generator = SeededGenerator(seed: 6)
    for index in 0..<Self.caseCount {
      let alphabet = generator.inRange(2...6)
      let short = (0..<generator.inRange(1...8)).map { _ in Int32(generator.below(alphabet)) }
      let long = (0..<generator.inRange(20...120)).map { _ in Int32(generator.below(alphabet)) }
      for (a, b) in [(short, long), (long, short)] {
        let script = EditScript(from: a, to: b)
        #expect(script.violation(from: a, to: b) == nil, "case \(index)")
        #expect(script.editCount == a.count + b.count - 2 * longestCommonSubsequenceLength(a, b), "case \(index)")
      }
    }
  }

  /// The core alone (without the preparation stage's trimming and discarding) is minimal.
  @Test func coreIsMinimalWithoutPreparation() {
    var generator = SeededGenerator(seed: 7)
    for index in 0..<Self.caseCount {
      let pair = RandomPair.make(using: &generator)
      var marks = ChangeMarks(sourceCount: pair.source.count, targetCount: pair.target.count)
      let box = DiffBox(sourceStart: 0, sourceEnd: pair.source.count, targetStart: 0, targetEnd: pair.target.count)
      pair.source.withUnsafeBufferPointer { a in
        pair.target.withUnsafeBufferPointer { b in
          MyersDiff.markChanges(source: a, target: b, in: box, costLimit: nil, marks: &marks)
        }
      }
      let script = EditScript(marks: marks)
      #expect(script.violation(from: pair.source, to: pair.target) == nil, "case \(index)")
      let minimal =
        pair.source.count + pair.target.count
        - 2 * longestCommonSubsequenceLength(pair.source, pair.target)
      #expect(script.editCount == minimal, "case \(index)")
    }
  }
}
