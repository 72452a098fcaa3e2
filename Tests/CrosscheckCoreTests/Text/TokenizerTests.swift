import Testing
@testable import CrosscheckCore

@Suite struct TokenizerTests {
  func tokens(_ text: String) -> [(String, TokenKind)] {
    let buffer = TextBuffer(text)
    return Tokenizer().tokens(in: buffer).map { (buffer.string($0.range), $0.kind) }
  }

  @Test(arguments: [
    ("Kyiv’s bid", ["Kyiv’s", "bid"]),
    ("the 32-member alliance", ["the", "32-member", "alliance"]),
    ("$44.1 billion", ["$", "44.1", "billion"]),
    ("1,200 people, 14 injured", ["1,200", "people", ",", "14", "injured"]),
    ("Secretary-General Rutte", ["Secretary-General", "Rutte"]),
    ("“irreversible”", ["“", "irreversible", "”"]),
    ("Oct. 3 (UPI) — NATO", ["Oct", ".", "3", "(", "UPI", ")", "—", "NATO"]),
    ("can’t, won't", ["can’t", ",", "won't"]),
    ("end.", ["end", "."]),
    ("a\u{00A0}b", ["a", "b"]),
    ("U.S. allies", ["U", ".", "S", ".", "allies"]),
    ("Zelenskyy’s ‘Shaheds,’", ["Zelenskyy’s", "‘", "Shaheds", ",", "’"]),
    ("the 33rd floor", ["the", "33rd", "floor"]),
    ("café naïve", ["café", "naïve"]),
    ("rock—and", ["rock", "—", "and"]),
    ("well-", ["well", "-"]),
  ])
  func splitsNewsText(_ text: String, _ expected: [String]) {
    #expect(tokens(text).map(\.0) == expected)
  }

  @Test func kindsAreAssigned() {
    #expect(tokens("In 2022, “Rutte”").map(\.1) == [.word, .number, .punctuation, .punctuation, .word, .punctuation])
  }

  @Test func rangesCoverEveryNonSpaceCharacterInOrder() {
    var generator = SeededGenerator(seed: 7)
    let alphabet = Array("ab é1,.’'-— \n\u{00A0}“”")
    for _ in 0..<300 {
      let text = String((0..<Int.random(in: 0...60, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
      let buffer = TextBuffer(text)
      let tokens = Tokenizer().tokens(in: buffer)
      var covered = ""
      var previousEnd = 0
      for token in tokens {
        #expect(token.start >= previousEnd && token.end > token.start)
        let gap = buffer.string(previousEnd..<Int(token.start))
        #expect(gap.unicodeScalars.allSatisfy(Characters.isSpace))
        covered += buffer.string(token.range)
        previousEnd = Int(token.end)
      }
      #expect(buffer.string(previousEnd..<buffer.bytes.count).unicodeScalars.allSatisfy(Characters.isSpace))
      #expect(covered == String(String.UnicodeScalarView(text.unicodeScalars.filter { !Characters.isSpace($0) })))
    }
  }

  @Test func scalarOffsetsMatchCodePointIndices() {
    let text = String(repeating: "é“x” ", count: 200) + "end"
    let buffer = TextBuffer(text)
    let scalars = Array(text.unicodeScalars)
    var byte = 0
    for (index, scalar) in scalars.enumerated() {
      #expect(buffer.scalarOffset(ofByte: byte) == index)
      byte += String(scalar).utf8.count
    }
    #expect(buffer.scalarCount == scalars.count)
  }
}
