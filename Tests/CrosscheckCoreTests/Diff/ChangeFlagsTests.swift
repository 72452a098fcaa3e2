import Testing

@testable import CrosscheckWordDiff

/// Flags packed sixty-four to a word behave as an array of booleans.
@Suite struct ChangeFlagsTests {
  @Test(arguments: [1, 2, 3, 4] as [UInt64])
  func agreeWithAnArrayOfBooleans(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    for _ in 0..<200 {
      let count = generator.inRange(0...300)
      var flags = ChangeFlags(count: count)
      var reference = [Bool](repeating: false, count: count)
      for _ in 0..<generator.inRange(0...6) where count > 0 {
        let start = generator.below(count)
        let end = generator.inRange(start...count)
        flags.set(start..<end)
        for index in start..<end { reference[index] = true }
        if generator.chance(0.3) {
          let index = generator.below(count)
          let value = generator.chance(0.5)
          flags[index] = value
          reference[index] = value
        }
      }
      #expect(Array(flags) == reference)
      for start in 0...count {
        #expect(flags.firstClear(from: start) == (reference[start...].firstIndex(of: false) ?? count))
      }
      // The run of unset flags in step with another set of flags, from every pair of starts
      // a few apart (runs cross word boundaries on both sides).
      let other = (0..<generator.inRange(0...300)).map { _ in generator.chance(0.05) }
      var otherFlags = ChangeFlags(count: other.count)
      for (index, flag) in other.enumerated() where flag { otherFlags[index] = true }
      for first in stride(from: 0, through: count, by: 7) {
        for second in stride(from: 0, through: other.count, by: 11) {
          var run = 0
          while first + run < count && second + run < other.count && !reference[first + run] && !other[second + run] {
            run += 1
          }
          #expect(ChangeFlags.unflaggedRun(flags, from: first, otherFlags, from: second) == run)
        }
      }
      var set: [Int] = []
      flags.forEachSet { set.append($0) }
      #expect(set == reference.indices.filter { reference[$0] })
    }
  }
}
