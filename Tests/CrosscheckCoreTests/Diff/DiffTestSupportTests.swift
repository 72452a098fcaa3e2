import Testing

/// Checks that the property tests' random cases span the ranges they claim to.
@Suite struct DiffTestSupportTests {
  /// Lengths reach 0 and nearly 200, and both unrelated and edited pairs occur.
  @Test func randomPairsSpanTheirRanges() {
    var generator = SeededGenerator(seed: 1)
    var lengths: [Int] = []
    var equalPairs = 0
    for _ in 0..<400 {
      let pair = RandomPair.make(using: &generator)
      lengths.append(pair.source.count)
      equalPairs += pair.source == pair.target ? 1 : 0
    }
    #expect(lengths.min() ?? -1 <= 5)
    #expect(lengths.max() ?? 0 >= 190)
    #expect(equalPairs < 40)
  }

  /// The reference LCS is right on textbook examples.
  @Test func referenceLongestCommonSubsequence() {
    #expect(longestCommonSubsequenceLength([1, 2, 3, 2, 4, 1, 2], [2, 4, 3, 1, 2, 1]) == 4)
    #expect(longestCommonSubsequenceLength([], [1]) == 0)
    #expect(longestCommonSubsequenceLength([1, 1], [1, 1, 1]) == 2)
  }
}
