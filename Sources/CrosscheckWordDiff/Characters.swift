#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Character classes shared by the tokenizer, the sentence splitter and normalization.
///
/// The classes are `@inlinable`: the core's tokenizer, sentence splitter and normalization,
/// in another module, call them for every character. The type is public, its members are
/// not: the compiler does not inline across modules the members of a `package` type.
public enum Characters {
  /// Decodes the scalar starting at `index` in UTF-8 `bytes`.
  /// - Returns: the scalar (U+FFFD for a malformed sequence) and its length in bytes.
  @inlinable @inline(__always)
  package static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length: Int
    var value: UInt32
    switch lead {
    case 0xC0...0xDF: length = 2; value = UInt32(lead & 0x1F)
    case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
    case 0xF0...0xF7: length = 4; value = UInt32(lead & 0x07)
    default: return ("\u{FFFD}", 1)
    }
    guard index + length <= bytes.count else { return ("\u{FFFD}", 1) }
    for offset in 1..<length {
      let byte = bytes[index + offset]
      guard byte & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
  }

  /// White space, including the no-break and typographic spaces news text uses.
  @inlinable @inline(__always)
  package static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
      return true
    default:
      return false
    }
  }

  /// Letters and combining marks (which continue a word).
  @inlinable @inline(__always)
  package static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if scalar.isASCII {
      return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }
    // The scripts and punctuation news text is mostly made of, decided without a lookup of
    // the character's properties (which a test checks these ranges against).
    switch v {
    case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2AF, 0x400...0x481, 0x483...0x52F, 0x4E00...0x9FFF: return true
    case 0x80...0xA9, 0xAB...0xB4, 0xB6...0xB9, 0xBB...0xBF, 0xD7, 0xF7, 0x2000...0x206F: return false
    default: return isLetterByProperties(scalar)
    }
  }

  /// `isLetter` for the characters it does not decide by range.
  @inlinable
  package static func isLetterByProperties(_ scalar: Unicode.Scalar) -> Bool {
    let properties = scalar.properties
    if properties.isAlphabetic { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark: return true
    default: return false
    }
  }

  /// Decimal digits.
  @inlinable @inline(__always)
  package static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 }
    // No decimal digit lies before the Arabic-Indic ones, among punctuation and symbols, or
    // among the CJK ideographs (which a test checks).
    switch scalar.value {
    case 0x80..<0x660, 0x2000...0x2BFF, 0x3000...0x9FFF: return false
    default: return isDigitByProperties(scalar)
    }
  }

  /// `isDigit` for the characters it does not decide by range.
  @inlinable
  package static func isDigitByProperties(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.numericType == .decimal
  }

  /// Apostrophes that can join the parts of a word ("can’t", "Kyiv's").
  @inlinable @inline(__always)
  package static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "'" || scalar == "\u{2019}" || scalar == "\u{02BC}"
  }

  /// Hyphens that can join the parts of a word ("32-member"); dashes never do.
  @inlinable @inline(__always)
  package static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
  }

  /// Whether the scalar is an uppercase letter.
  @inlinable @inline(__always)
  package static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar.value >= 0x41 && scalar.value <= 0x5A }
    return scalar.properties.isUppercase
  }

  /// Opening quotation marks and brackets.
  @inlinable
  package static func isOpening(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", "\u{201C}", "\u{2018}", "\u{201E}", "\u{00AB}", "(", "[", "{": return true
    default: return false
    }
  }

  /// Closing quotation marks and brackets that may follow a sentence's final punctuation.
  @inlinable
  package static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\"", "'", "\u{201D}", "\u{2019}", "\u{00BB}", ")", "]", "}": return true
    default: return false
    }
  }
}
