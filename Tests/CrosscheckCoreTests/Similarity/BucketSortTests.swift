import Testing
@testable import CrosscheckCore

@Suite struct BucketSortTests {
  /// Evenly spread hashes, repeats, values that share their top bits (one crowded bucket),
  /// and ordered and reversed input.
  static func cases(count: Int) -> [[UInt64]] {
    var generator = SeededGenerator(seed: UInt64(count) + 1)
    let spread = (0..<count).map { _ in generator.next() }
    let repeated = (0..<count).map { _ in UInt64(generator.below(max(1, count / 4))) &* 0x9E37_79B9_7F4A_7C15 }
    let crowded = (0..<count).map { _ in 0xABCD_0000_0000_0000 | generator.next() >> 20 }
    return [spread, repeated, crowded, spread.sorted(), spread.sorted().reversed()]
  }

  @Test(arguments: [0, 1, 63, 64, 65, 600, 5_000, 70_000])
  func sortsHashesAscending(count: Int) {
    for values in Self.cases(count: count) {
      #expect(bucketSorted(values, key: { $0 }, by: <) == values.sorted())
    }
  }

  @Test(arguments: [64, 600, 5_000])
  func sortsEntriesByHashThenByTheirOwnOrder(count: Int) {
    var generator = SeededGenerator(seed: 99)
    for hashes in Self.cases(count: count) {
      let entries = hashes.map { ($0, Int32(generator.below(50))) }
      let sorted = bucketSorted(entries, key: { $0.0 }, by: CandidateFinder.isInKeyOrder)
      let expected = entries.sorted(by: CandidateFinder.isInKeyOrder)
      #expect(sorted.map(\.0) == expected.map(\.0))
      #expect(sorted.map(\.1) == expected.map(\.1))
    }
  }
}
