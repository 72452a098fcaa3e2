import Testing

@testable import CrosscheckCore

/// The patience algorithm on inputs long enough to use its anchors (short regions go to
/// Myers' algorithm).
@Suite struct PatienceDiffTests {
  /// A text-like sequence of `count` tokens from a Zipf-like vocabulary (a few very common
  /// tokens, many rare ones), and a copy with substitutions, insertions, deletions and a
  /// few moved blocks at `rate`.
  static func editedPair(count: Int, rate: Double, using generator: inout SeededGenerator) -> RandomPair {
    func token() -> Int32 {
      // The square of a uniform number favours small ids, as word frequencies do.
      let uniform = Double(generator.below(1_000_000)) / 1_000_000
      return Int32(uniform * uniform * 5_000)
    }
    let source = (0..<count).map { _ in token() }
    var target: [Int32] = []
    var moved: [Int32] = []
    for id in source {
      guard generator.chance(rate) else {
        target.append(id)
        continue
      }
      switch generator.below(10) {
      case 0: moved.append(id)  // taken out, put back later
      case 1, 2: break
      case 3, 4: target.append(contentsOf: [token(), id])
      default: target.append(token())
      }
      if moved.count >= 8, generator.chance(0.2) {
        target.append(contentsOf: moved)
        moved.removeAll()
      }
    }
    return RandomPair(source: source, target: target + moved)
  }

  /// Applying the script to A gives B, on long edited and on unrelated sequences.
  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func scriptsAreValid(seed: UInt64) {
    var generator = SeededGenerator(seed: 400 + seed)
    for rate in [0.005, 0.02, 0.2, 0.6] {
      let pair = Self.editedPair(count: generator.inRange(500...6_000), rate: rate, using: &generator)
      let script = EditScript(from: pair.source, to: pair.target, algorithm: .patience)
      #expect(script.violation(from: pair.source, to: pair.target) == nil, "rate \(rate)")
    }
    let unrelated = RandomPair(
      source: (0..<3_000).map { _ in Int32(generator.below(40)) }, target: (0..<2_000).map { _ in Int32(generator.below(40)) })
    let script = EditScript(from: unrelated.source, to: unrelated.target, algorithm: .patience)
    #expect(script.violation(from: unrelated.source, to: unrelated.target) == nil)
  }

  /// On edited text-like sequences the script is close to minimal: within 5% of the
  /// dynamic-programming edit distance (plus a couple of edits for tiny distances).
  @Test(arguments: [0.01, 0.05, 0.2])
  func scriptsAreNearlyMinimal(rate: Double) {
    var generator = SeededGenerator(seed: 450)
    for _ in 0..<4 {
      let pair = Self.editedPair(count: 1_500, rate: rate, using: &generator)
      let script = EditScript(from: pair.source, to: pair.target, algorithm: .patience)
      let minimal = pair.source.count + pair.target.count - 2 * longestCommonSubsequenceLength(pair.source, pair.target)
      #expect(script.editCount >= minimal)
      #expect(Double(script.editCount) <= Double(minimal) * 1.05 + 2, "\(script.editCount) edits, minimal \(minimal)")
    }
  }

  /// Tokens unique on both sides anchor the alignment even where frequent tokens would
  /// offer a longer run elsewhere; the gaps between anchors are diffed on their own.
  @Test func uniqueTokensAnchorTheAlignment() {
    // 100 and 200 occur once on each side; the common tokens 1 and 2 fill the rest.
    let filler = [Int32](repeating: 1, count: 70) + [Int32](repeating: 2, count: 70)
    let source = filler + [100] + filler + [200] + filler
    let target = filler + [3] + [100] + filler + [200] + [4] + filler
    let script = EditScript(from: source, to: target, algorithm: .patience)
    #expect(script.violation(from: source, to: target) == nil)
    #expect(script.editCount == 2)
    #expect(script.operations.filter { $0.kind == .insert }.map(\.targetRange) == [140..<141, 283..<284])
  }

  /// A region whose common tokens are all repeated goes to Myers' algorithm, which is
  /// minimal on a region this small.
  @Test func repeatedTokensFallBackToMyers() {
    var generator = SeededGenerator(seed: 460)
    let source = (0..<400).map { _ in Int32(generator.below(3)) }
    var target = source
    for _ in 0..<20 { target[generator.below(target.count)] = Int32(generator.below(3)) }
    let script = EditScript(from: source, to: target, algorithm: .patience)
    #expect(script.violation(from: source, to: target) == nil)
    let minimal = source.count + target.count - 2 * longestCommonSubsequenceLength(source, target)
    #expect(script.editCount == minimal)
  }
}
