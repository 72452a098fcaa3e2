import Foundation
import Testing

@testable import CrosscheckCore

/// The whole-text word diff: its script, its counts, its runs, its file reading.
@Suite struct WordDiffTests {
  /// Random texts from a small vocabulary with punctuation, and edited copies.
  static func pair(words: Int, rate: Double, using generator: inout SeededGenerator) -> (String, String) {
    let vocabulary = ["the", "a", "minister", "said", "Kyiv’s", "aid", "44.1", "billion", "on", "Thursday", "NATO", "“", "”", ",", ".", "—", "war", "talks"]
    func word() -> String { vocabulary[generator.below(vocabulary.count)] }
    let source = (0..<words).map { _ in word() }
    var target: [String] = []
    for token in source {
      guard generator.chance(rate) else {
        target.append(token)
        continue
      }
      switch generator.below(4) {
      case 0: break
      case 1: target += [word(), token]
      default: target.append(word())
      }
    }
    return (source.joined(separator: generator.chance(0.5) ? " " : "\n"), target.joined(separator: " "))
  }

  /// The tokens' bytes of one side, in order.
  static func tokens(_ side: WordDiff.Side) -> [[UInt8]] {
    side.tokens.map { Array(side.bytes[$0.range]) }
  }

  /// Applying the operations to A's tokens gives B's; where the diff claims minimality
  /// its edit count is the dynamic-programming edit distance; the counts add up.
  @Test(arguments: [1, 2, 3] as [UInt64])
  func scriptsTurnAIntoB(seed: UInt64) {
    var generator = SeededGenerator(seed: 600 + seed)
    for index in 0..<60 {
      let long = index % 10 == 0
      let (a, b) = Self.pair(words: long ? generator.inRange(3_000...5_000) : generator.inRange(0...120), rate: [0.02, 0.2, 0.7][index % 3], using: &generator)
      let diff = WordDiff(source: Array(a.utf8), target: Array(b.utf8))
      let sourceTokens = Self.tokens(diff.source)
      let targetTokens = Self.tokens(diff.target)
      var rebuilt: [[UInt8]] = []
      var deletedWords = 0
      var insertedWords = 0
      diff.forEachOperation { op in
        if op.kind == .equal {
          #expect(sourceTokens[op.sourceTokens] == targetTokens[op.targetTokens])
          rebuilt += sourceTokens[op.sourceTokens]
        } else {
          rebuilt += targetTokens[op.targetTokens]
          deletedWords += diff.source.tokens[op.sourceTokens].filter(\.isWordLike).count
          insertedWords += diff.target.tokens[op.targetTokens].filter(\.isWordLike).count
        }
      }
      #expect(rebuilt == targetTokens, "case \(index)")
      #expect(diff.wordsDeleted == deletedWords && diff.wordsInserted == insertedWords)
      #expect(diff.isMinimal == !long)
      if diff.isMinimal {
        var interner = TokenInterner<[UInt8]>()
        let x = interner.intern(contentsOf: sourceTokens)
        let y = interner.intern(contentsOf: targetTokens)
        #expect(diff.script.editCount == x.count + y.count - 2 * longestCommonSubsequenceLength(x, y), "case \(index)")
      }
    }
  }

  /// A text against itself has no changes; swapping the texts swaps deletions and
  /// insertions.
  @Test func identityAndSymmetry() {
    var generator = SeededGenerator(seed: 610)
    for _ in 0..<40 {
      let (a, b) = Self.pair(words: generator.inRange(0...150), rate: 0.3, using: &generator)
      let same = WordDiff(source: Array(a.utf8), target: Array(a.utf8))
      #expect(same.wordsChanged == 0 && same.script.editCount == 0)
      let forward = WordDiff(source: Array(a.utf8), target: Array(b.utf8))
      let backward = WordDiff(source: Array(b.utf8), target: Array(a.utf8))
      #expect(forward.script.deletedCount == backward.script.insertedCount)
      #expect(forward.script.insertedCount == backward.script.deletedCount)
    }
  }

  /// The runs show all of A once, in order, with B's inserted words at their places.
  @Test func runsCoverTheSourceText() {
    var generator = SeededGenerator(seed: 620)
    for index in 0..<100 {
      let (a, b) = Self.pair(words: generator.inRange(0...80), rate: 0.25, using: &generator)
      let diff = WordDiff(source: Array(a.utf8), target: Array(b.utf8))
      var source: [UInt8] = []
      var inserted: [UInt8] = []
      diff.forEachRun { run in
        #expect(!run.bytes.isEmpty)
        if !run.isTarget { source += diff.source.bytes[run.bytes] }
        if run.kind == .inserted { inserted += diff.target.bytes[run.bytes] }
        #expect(run.kind != .deleted || !run.isTarget)
        #expect(run.kind != .inserted || run.isTarget)
      }
      #expect(source == Array(a.utf8), "case \(index)")
      var expected: [UInt8] = []
      diff.forEachOperation { op in
        if op.kind == .insert || op.kind == .replace { expected += diff.target.bytes[op.targetBytes] }
      }
      #expect(inserted == expected)
    }
  }

  /// How the runs place white space around changes.
  @Test(arguments: [
    ("the cat", "the big cat", "the {+big+} cat"),
    ("cat sat", "the cat sat", "{+the+} cat sat"),
    ("the cat sat.", "the cat sat. It ran.\n", "the cat sat. {+It ran.+}\n"),
    ("said Smith,", "said,", "said [-Smith-],"),
    ("x y", "x, y", "x{+,+} y"),
    ("a small step", "a big step", "a [-small-]{+big+} step"),
  ])
  func runsReadAsText(old: String, new: String, expected: String) {
    let diff = WordDiff(source: Array(old.utf8), target: Array(new.utf8))
    var text = ""
    diff.forEachRun { run in
      let piece = String(decoding: (run.isTarget ? diff.target : diff.source).bytes[run.bytes], as: UTF8.self)
      text += run.kind == .deleted ? "[-\(piece)-]" : run.kind == .inserted ? "{+\(piece)+}" : piece
    }
    #expect(text == expected)
  }

  /// Loaded texts with ignored differences compare as the vocabulary says.
  @Test func ignoringDifferences() {
    let a = DiffSide(text: "The Defence minister, he said, resigned.")
    let b = DiffSide(text: "The defense minister he said resigned!")
    #expect(WordDiff(source: a, target: b).wordsChanged == 2)
    let lenient = WordDiff(source: a, target: b, ignoring: [.caseDifferences, .spelling, .punctuation])
    #expect(lenient.script.editCount == 0)
  }

  /// Files are read as documents are decoded: byte order mark dropped, CRLF turned into
  /// LF, invalid sequences replaced; a missing file or a folder is an error.
  @Test func readsFilesAsDecodedText() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("word-diff-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let cases: [([UInt8], String)] = [
      (Array("plain text\n".utf8), "plain text\n"),
      ([0xEF, 0xBB, 0xBF] + Array("with a mark\r\nand CRLF\r\n".utf8), "with a mark\nand CRLF\n"),
      (Array("bad ".utf8) + [0xFF] + Array(" byte".utf8), "bad \u{FFFD} byte"),
      ([], ""),
    ]
    for (index, (bytes, expected)) in cases.enumerated() {
      let path = folder + "/\(index).txt"
      #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
      #expect(try WordDiff.text(ofFile: path) == Array(expected.utf8))
    }
    #expect(throws: WordDiffReadError.self) { try WordDiff.text(ofFile: folder + "/missing.txt") }
    #expect(throws: WordDiffReadError.self) { try WordDiff.text(ofFile: folder) }
  }

  /// A regular file is mapped and reads as its bytes; an empty file, a pipe and an array
  /// give the same bytes; a missing file or a folder is an error.
  @Test func mappedFilesReadAsTheirBytes() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("word-diff-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    var generator = SeededGenerator(seed: 12)
    // Longer than a page, so that the mapping spans several.
    let text = Array((0..<3_000).map { _ in "word\(generator.below(50)) " }.joined().utf8)
    for (name, bytes) in [("long.txt", text), ("empty.txt", [UInt8]())] {
      let path = folder + "/" + name
      #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
      let mapped = try WordDiff.mappedContents(ofFile: path)
      #expect(Array(mapped) == bytes)
      #expect(mapped.withUnsafeBufferPointer { Array($0) } == bytes)
      let middle = min(5, bytes.count)..<min(40, bytes.count)
      #expect(Array(mapped[middle]) == Array(bytes[middle]))
    }
    let pipe = folder + "/pipe"
    #expect(mkfifo(pipe, 0o600) == 0)
    let writer = Thread {
      guard let handle = FileHandle(forWritingAtPath: pipe) else { return }
      handle.write(Data("through a pipe\n".utf8))
      try? handle.close()
    }
    writer.start()
    #expect(Array(try WordDiff.mappedContents(ofFile: pipe)) == Array("through a pipe\n".utf8))
    #expect(WordDiff.isPlainText(TextBytes(text)))
    #expect(throws: WordDiffReadError.self) { try WordDiff.mappedContents(ofFile: folder + "/missing.txt") }
    #expect(throws: WordDiffReadError.self) { try WordDiff.mappedContents(ofFile: folder) }
  }

  /// The UTF-8 check agrees with the standard library's on random bytes, mostly ASCII
  /// with every kind of lead and continuation byte mixed in.
  @Test func utf8CheckAgreesWithTheStandardLibrary() {
    var generator = SeededGenerator(seed: 630)
    let special: [UInt8] = [0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xA0, 0x9F, 0xED, 0xEF, 0xF0, 0x90, 0x8F, 0xF4, 0xF5, 0xFF]
    for _ in 0..<3_000 {
      let bytes = (0..<generator.inRange(0...40)).map { _ in
        generator.chance(0.7) ? UInt8(generator.below(0x80)) : special[generator.below(special.count)]
      }
      #expect(WordDiff.isValidUTF8(bytes) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
    }
    for text in ["plain", "Kyiv’s “aid” — €1.2bn", "東京 🙂 naïve", String(repeating: "ascii ", count: 9) + "é"] {
      #expect(WordDiff.isValidUTF8(Array(text.utf8)))
    }
  }

  /// Code point offsets of increasing byte offsets.
  @Test func scalarOffsets() {
    let bytes = Array("a “b” é 🙂 c".utf8)
    var offsets = ScalarOffsets()
    let text = String(decoding: bytes, as: UTF8.self)
    bytes.withUnsafeBufferPointer { buffer in
      var byte = 0
      for (scalarIndex, scalar) in text.unicodeScalars.enumerated() {
        #expect(offsets.offset(ofByte: byte, in: buffer) == scalarIndex)
        byte += String(scalar).utf8.count
      }
      #expect(offsets.offset(ofByte: bytes.count, in: buffer) == text.unicodeScalars.count)
    }
  }
}
