import Testing

@testable import CrosscheckCore

@Suite struct CollationTests {
  static func words(_ text: String) -> [String] { text.split(separator: " ").map(String.init) }

  /// The table as text: one line per witness, `-` for a gap, `*` over variant columns.
  static func table(_ collation: Collation<String>) -> [String] {
    let marks = collation.columns.map { $0.isVariant ? "*" : "" }
    let rows = (0..<collation.witnessCount).map { collation.row($0).map { $0 ?? "-" } }
    return [marks.joined(separator: "|")] + rows.map { $0.joined(separator: "|") }
  }

  @Test func alignsThreeWitnessesOnSharedWords() {
    let collation = Collation(witnesses: [
      Self.words("the cat sat on the mat"),
      Self.words("the black cat sat on a mat"),
      Self.words("the cat lay on the mat"),
    ])
    #expect(Self.table(collation) == [
      "|*||*||*|",
      "the|-|cat|sat|on|the|mat",
      "the|black|cat|sat|on|a|mat",
      "the|-|cat|lay|on|the|mat",
    ])
    #expect(collation.variantColumns == [1, 3, 5])
  }

  @Test func identicalWitnessesHaveNoVariants() {
    let quote = Self.words("Ukraine is closer to NATO than ever before")
    let collation = Collation(witnesses: [quote, quote, quote])
    #expect(collation.columns.count == quote.count)
    #expect(collation.variantColumns.isEmpty)
    for witness in 0..<3 { #expect(collation.row(witness).compactMap { $0 } == quote) }
  }

  /// Every row, gaps left out, reads as its witness.
  @Test func everyRowReadsAsItsWitness() {
    var generator = SeededGenerator(seed: 21)
    let vocabulary = ["Russia", "has", "no", "vote", "and", "veto", "on", "this", "issue"]
    for _ in 0..<200 {
      let witnesses = (0..<generator.inRange(1...5)).map { _ in
        (0..<generator.inRange(0...10)).map { _ in vocabulary[generator.below(vocabulary.count)] }
      }
      let collation = Collation(witnesses: witnesses)
      for (index, witness) in witnesses.enumerated() {
        #expect(collation.row(index).compactMap { $0 } == witness)
      }
      #expect(collation.columns.allSatisfy { $0.cells.count == witnesses.count && $0.cells.contains { $0 != nil } })
    }
  }

  @Test func noWitnesses() {
    #expect(Collation<String>(witnesses: []).columns.isEmpty)
  }
}
