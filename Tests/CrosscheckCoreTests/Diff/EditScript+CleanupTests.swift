import Testing

@testable import CrosscheckCore

/// Tests of the display clean-up.
@Suite struct EditScriptCleanupTests {
  /// The clean-up of any script is still a valid script from source to target, and it
  /// never reports fewer edits than the raw one.
  @Test(arguments: EditScriptTests.algorithms)
  func cleanedScriptsStayValid(algorithm: DiffAlgorithm) {
    var generator = SeededGenerator(seed: 300)
    for index in 0..<400 {
      let pair = RandomPair.make(using: &generator)
      let raw = EditScript(from: pair.source, to: pair.target, algorithm: algorithm)
      let cleaned = raw.cleanedUp(from: pair.source, to: pair.target, kind: arbitraryKind(of:))
      let violation = cleaned.violation(from: pair.source, to: pair.target)
      #expect(violation == nil, "case \(index): \(violation ?? "")")
      #expect(cleaned.editCount >= raw.editCount, "case \(index)")
    }
  }

  /// Cleaning up swapped sequences gives a valid script too, and identical sequences
  /// stay unchanged.
  @Test func swappedAndIdenticalSequences() {
    var generator = SeededGenerator(seed: 301)
    for index in 0..<400 {
      let pair = RandomPair.make(using: &generator)
      let swapped = EditScript(from: pair.target, to: pair.source)
        .cleanedUp(from: pair.target, to: pair.source, kind: arbitraryKind(of:))
      #expect(swapped.violation(from: pair.target, to: pair.source) == nil, "case \(index)")
      let identical = EditScript(from: pair.source, to: pair.source)
        .cleanedUp(from: pair.source, to: pair.source, kind: arbitraryKind(of:))
      #expect(identical.editCount == 0, "case \(index)")
    }
  }

  /// Sliding alone never changes the edit count: with only words, nothing merges.
  @Test func slidingKeepsTheEditCount() {
    var generator = SeededGenerator(seed: 302)
    for index in 0..<400 {
      let pair = RandomPair.make(using: &generator)
      let raw = EditScript(from: pair.source, to: pair.target)
      // Every equal run has a word, and changes of one token have at most one, so
      // only single-word equal runs between two changes can merge; none of two or more.
      let cleaned = raw.cleanedUp(from: pair.source, to: pair.target) { _ in .word }
      #expect(cleaned.violation(from: pair.source, to: pair.target) == nil, "case \(index)")
      let raw2 = raw.operations.filter { $0.kind != .equal }.count
      #expect(cleaned.operations.filter { $0.kind != .equal }.count <= raw2, "case \(index)")
    }
  }

  /// The raw script is left as it was.
  @Test func rawScriptIsUnchanged() {
    let fixture = WordDiffFixture("a b c", "a b b c")
    let raw = fixture.script()
    let copy = raw
    _ = raw.cleanedUp(from: fixture.source, to: fixture.target) { fixture.kinds[Int($0)] }
    #expect(raw == copy)
    #expect(raw.editCount == 2)
  }

  /// Cleaned-up scripts of small word examples.
  @Test(arguments: [
    // Edits slide to word boundaries: the deletion starts with the word.
    ("a c", "a b c", "a {+b +}c"),
    ("I said that that was fine.", "I said that was fine.", "I said that [-that -]was fine."),
    // A whole sentence slides to the sentence boundary.
    ("The cat sat. The dog ran. The end.", "The cat sat. The end.", "The cat sat. [-The dog ran. -]The end."),
    ("One. Two.", "One. Three. Two.", "One. {+Three. +}Two."),
    // A lone space or a single word between two changes is merged into them.
    ("a b", "c d", "[-a b-]{+c d+}"),
    ("the quick brown fox", "the slow brown dog", "the [-quick brown fox-]{+slow brown dog+}"),
    // Two words between one-word changes, or a line break, are kept.
    ("alpha beta gamma delta", "omega beta gamma theta", "[-alpha-]{+omega+} beta gamma [-delta-]{+theta+}"),
    ("a\nb", "c\nd", "[-a-]{+c+}\n[-b-]{+d+}"),
    // Edits at the ends stay at the ends.
    ("b c", "a b c", "{+a +}b c"),
    ("a b", "a b c", "a b{+ c+}"),
  ])
  func wordExamples(old: String, new: String, expected: String) {
    let fixture = WordDiffFixture(old, new)
    for algorithm in EditScriptTests.algorithms {
      let cleaned = fixture.cleanedScript(algorithm)
      #expect(fixture.render(cleaned) == expected, "\(algorithm.method)")
      #expect(cleaned.violation(from: fixture.source, to: fixture.target) == nil)
    }
  }
}
