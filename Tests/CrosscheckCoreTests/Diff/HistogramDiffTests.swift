import Testing

@testable import CrosscheckCore

/// Property and example tests of the histogram algorithm.
@Suite struct HistogramDiffTests {
  /// The number of random pairs each property is checked on.
  static let caseCount = 400

  /// The script is valid, and never shorter than the minimal one.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func scriptIsValid(seed: UInt64) {
    var generator = SeededGenerator(seed: 100 + seed)
    for index in 0..<Self.caseCount {
      let pair = RandomPair.make(using: &generator)
      let script = EditScript(from: pair.source, to: pair.target, algorithm: .histogram)
      let violation = script.violation(from: pair.source, to: pair.target)
      #expect(violation == nil, "case \(index): \(violation ?? "")")
      let minimal =
        pair.source.count + pair.target.count
        - 2 * longestCommonSubsequenceLength(pair.source, pair.target)
      #expect(script.editCount >= minimal, "case \(index)")
    }
  }

  /// Swapped sequences give a valid script too (histogram is not symmetric, so the counts
  /// may differ).
  @Test func swappedSidesGiveValidScripts() {
    var generator = SeededGenerator(seed: 104)
    for index in 0..<Self.caseCount {
      let pair = RandomPair.make(using: &generator)
      let script = EditScript(from: pair.target, to: pair.source, algorithm: .histogram)
      #expect(script.violation(from: pair.target, to: pair.source) == nil, "case \(index)")
    }
  }

  /// When every token is more frequent than the chain limit, the Myers fallback runs.
  @Test func frequentTokensFallBackToMyers() {
    var generator = SeededGenerator(seed: 105)
    let source = (0..<600).map { _ in Int32(generator.below(3)) }
    let target = (0..<600).map { _ in Int32(generator.below(3)) }
    let script = EditScript(from: source, to: target, algorithm: .histogram)
    #expect(script.violation(from: source, to: target) == nil)
    // Regions this small are under the fallback's smallest cost limit, so minimal.
    let minimal = source.count + target.count - 2 * longestCommonSubsequenceLength(source, target)
    #expect(script.editCount == minimal)
  }

  /// When anchors keep splitting off single tokens (every neighbour pair swapped), the
  /// scan budget runs out and Myers' algorithm finishes the job: still a valid script.
  @Test func exhaustedScanBudgetStaysValid() {
    let source = (0..<3_000).map { Int32($0) }
    var target = source
    for index in stride(from: 0, to: target.count - 1, by: 2) {
      target.swapAt(index, index + 1)
    }
    let script = EditScript(from: source, to: target, algorithm: .histogram)
    #expect(script.violation(from: source, to: target) == nil)
    #expect(script.editCount >= source.count)
  }

  /// A rare token anchors the alignment even where matching frequent ones would give
  /// fewer edits, as in git: the unique token stays, the frequent run moves around it.
  @Test func rareTokensAnchorTheAlignment() {
    let source: [Int32] = [5, 1, 1, 1]
    let target: [Int32] = [1, 1, 1, 5]
    let histogram = EditScript(from: source, to: target, algorithm: .histogram)
    #expect(
      histogram.operations == [
        .init(kind: .insert, sourceRange: 0..<0, targetRange: 0..<3),
        .init(kind: .equal, sourceRange: 0..<1, targetRange: 3..<4),
        .init(kind: .delete, sourceRange: 1..<4, targetRange: 4..<4),
      ])
    let myers = EditScript(from: source, to: target, algorithm: .myers)
    #expect(myers.editCount == 2)
  }
}
