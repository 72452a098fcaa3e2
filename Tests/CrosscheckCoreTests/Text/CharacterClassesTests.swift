import Testing

@testable import CrosscheckWordDiff

/// The character classes that decide some ranges without looking up properties agree with
/// the lookup on every scalar.
@Suite struct CharacterClassesTests {
  /// Every Unicode scalar.
  static let scalars = (0...0x10FFFF).compactMap { Unicode.Scalar(UInt32($0)) }

  @Test func lettersAreTheAlphabeticScalarsAndMarks() {
    let disagreeing = Self.scalars.filter { !$0.isASCII && Characters.isLetter($0) != Characters.isLetterByProperties($0) }
    #expect(disagreeing.isEmpty, "\(disagreeing.prefix(20).map { String($0.value, radix: 16) })")
    #expect(Characters.isLetter("é") && Characters.isLetter("Ж") && Characters.isLetter("東") && Characters.isLetter("\u{301}"))
    #expect(!Characters.isLetter("’") && !Characters.isLetter("—") && !Characters.isLetter("×") && !Characters.isLetter("\u{482}"))
  }

  @Test func digitsAreTheDecimalScalars() {
    let disagreeing = Self.scalars.filter { !$0.isASCII && Characters.isDigit($0) != Characters.isDigitByProperties($0) }
    #expect(disagreeing.isEmpty, "\(disagreeing.prefix(20).map { String($0.value, radix: 16) })")
    #expect(Characters.isDigit("٣") && Characters.isDigit("7") && !Characters.isDigit("²") && !Characters.isDigit("〇"))
  }
}
