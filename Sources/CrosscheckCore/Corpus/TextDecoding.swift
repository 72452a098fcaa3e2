#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The result of decoding a file's bytes as text.
package struct DecodedText: Sendable, Equatable {
  /// The text, without a byte order mark, with CRLF and lone CR turned into LF.
  package var text: String
  /// The encoding that was found.
  package var encoding: String
  /// How many invalid byte sequences were replaced by U+FFFD.
  package var replacedSequences: Int
  /// Whether the file used CRLF line endings.
  package var hadCRLF: Bool
}

/// Why bytes could not be read as text.
package enum TextDecodingFailure: Error, Sendable, Equatable {
  case empty
  case binary(reason: String)

  package var description: String {
    switch self {
    case .empty: return "empty file"
    case .binary(let reason): return "binary file (\(reason))"
    }
  }
}

/// Decodes files as text: UTF-8 (with or without BOM) and UTF-16 with a BOM.
///
/// Line endings become LF, as Python's text mode reads them, so that offsets agree with
/// `open(path, encoding="utf-8").read()` indices.
package enum TextDecoder {
  /// How much of a file is sampled to tell text from binary.
  static let sniffLength = 8192

  /// Decodes `bytes`.
  /// - Throws: `TextDecodingFailure` for an empty (or white-space-only) or binary file.
  package static func decode(_ bytes: [UInt8]) throws(TextDecodingFailure) -> DecodedText {
    var encoding = "UTF-8"
    var replaced = 0
    var text: String
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let littleEndian = bytes[0] == 0xFF
      encoding = littleEndian ? "UTF-16LE" : "UTF-16BE"
      var units: [UInt16] = []
      units.reserveCapacity(bytes.count / 2)
      var index = 2
      while index + 1 < bytes.count {
        let unit = littleEndian
          ? UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
          : UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
        units.append(unit)
        index += 2
      }
      text = String(decoding: units, as: UTF16.self)
      replaced = text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count
    } else {
      let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
      if let reason = binaryReason(body) { throw .binary(reason: reason) }
      replaced = invalidSequenceCount(body)
      text = String(decoding: body, as: UTF8.self)
    }
    let hadCRLF = text.utf8.withContiguousStorageIfAvailable { bytes in
      bytes.baseAddress.map { memchr($0, 0x0D, bytes.count) != nil } ?? false
    } ?? text.utf8.contains(0x0D)
    if hadCRLF {
      text = text.replacingCRLF()
    }
    if text.unicodeScalars.allSatisfy(Characters.isSpace) { throw .empty }
    if encoding != "UTF-8", text.unicodeScalars.contains("\u{0}") { throw .binary(reason: "contains NUL characters") }
    return DecodedText(text: text, encoding: encoding, replacedSequences: replaced, hadCRLF: hadCRLF)
  }

  /// Why the bytes look binary, or nil when they look like text.
  static func binaryReason(_ bytes: [UInt8]) -> String? {
    let sample = bytes.prefix(sniffLength)
    // One pass: NUL bytes, and control characters other than tab, line feed, form feed,
    // carriage return and escape.
    var hasNUL = false
    var controls = 0
    sample.withUnsafeBytes { raw in
      var index = 0
      while index < raw.count {
        // Eight bytes at a time: skip a word none of whose bytes is below 0x20 (a test
        // that is exact for the word as a whole).
        if index + 8 <= raw.count {
          let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
          if (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080 == 0 {
            index += 8
            continue
          }
        }
        let end = min(index + 8, raw.count)
        for byte in raw[index..<end] where byte < 0x20 {
          if byte == 0 { hasNUL = true }
          if byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D && byte != 0x1B { controls += 1 }
        }
        index = end
      }
    }
    if hasNUL { return "contains NUL bytes" }
    if sample.count >= 32, controls * 10 > sample.count { return "mostly control bytes" }
    return nil
  }

  /// The number of maximal invalid UTF-8 subsequences (each becomes one U+FFFD).
  static func invalidSequenceCount(_ bytes: [UInt8]) -> Int {
    // ASCII bytes are always valid and end any sequence before them: decode from the first
    // byte that is not ASCII.
    let firstNonASCII = bytes.withUnsafeBytes { raw -> Int? in
      var index = 0
      while index + 8 <= raw.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { index += 8 }
      return raw[index...].firstIndex { $0 >= 0x80 }
    }
    guard let start = firstNonASCII else { return 0 }
    var count = 0
    var iterator = bytes[start...].makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue: continue
      case .emptyInput: return count
      case .error: count += 1
      }
    }
  }
}

extension String {
  /// The string with CRLF and lone CR line endings turned into LF.
  func replacingCRLF() -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count)
    var previousWasCR = false
    for byte in utf8 {
      if byte == 0x0D {
        bytes.append(0x0A)
        previousWasCR = true
        continue
      }
      if byte == 0x0A, previousWasCR {
        previousWasCR = false
        continue
      }
      previousWasCR = false
      bytes.append(byte)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
