/// The escape sequences that color deleted and inserted runs at a terminal.
package struct DiffColors: Sendable {
  /// Starts a deleted run.
  package var deleted: String
  /// Starts an inserted run.
  package var inserted: String
  /// Ends a colored run.
  package var reset: String

  /// Colors made of these sequences.
  package init(deleted: String, inserted: String, reset: String) {
    self.deleted = deleted
    self.inserted = inserted
    self.reset = reset
  }
}

extension WordDiff {
  /// Writes the diff as one text: A's text with deleted runs as `[-deleted-]` and B's
  /// inserted runs as `{+inserted+}` (or between `colors`' sequences), in chunks.
  ///
  /// Runs whose bytes a terminal could misread (control characters, bidirectional
  /// controls; see `isShownAsIs`) go to `escaping`, which writes them in a safe form.
  ///
  /// - Parameters:
  ///   - output: Where the text goes; flushed at the end.
  ///   - colors: The sequences to color runs with, or `nil` for the bracket marks.
  ///   - escaping: Writes a run that cannot be written as it is; `nil` when both texts are
  ///     known to be shown as they are (`isPlainText`), so that no run needs checking.
  /// - Complexity: O(*n*) in the size of the two texts.
  package func writeMarkedText(
    to output: inout ChunkedOutput, colors: DiffColors?,
    escaping: ((DiffRunKind, UnsafeBufferPointer<UInt8>, inout ChunkedOutput) -> Void)?
  ) {
    // The color sequences as bytes, made once.
    let marks = colors.map { (deleted: Array($0.deleted.utf8), inserted: Array($0.inserted.utf8), reset: Array($0.reset.utf8)) }
    source.bytes.withUnsafeBufferPointer { sourceBytes in
      target.bytes.withUnsafeBufferPointer { targetBytes in
        forEachRun { run in
          let bytes = UnsafeBufferPointer(rebasing: (run.isTarget ? targetBytes : sourceBytes)[run.bytes])
          if let escaping, !Self.isShownAsIs(bytes) {
            escaping(run.kind, bytes, &output)
            return
          }
          switch (run.kind, marks) {
          case (.same, _):
            output.append(bytes)
          case (.deleted, nil):
            output.append(bytes, between: "[-", and: "-]")
          case (.inserted, nil):
            output.append(bytes, between: "{+", and: "+}")
          case (.deleted, let marks?):
            output.append(marks.deleted); output.append(bytes); output.append(marks.reset)
          case (.inserted, let marks?):
            output.append(marks.inserted); output.append(bytes); output.append(marks.reset)
          }
        }
      }
    }
    output.flush()
  }

  /// Whether a terminal shows these UTF-8 bytes as they are: no control characters other
  /// than tab and line feed, no C1 controls, no bidirectional controls (the characters the
  /// shell's terminal escaping rewrites).
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  package static func isShownAsIs(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    isShownAsIs(bytes, validatingUTF8: false)
  }

  /// Whether the character whose UTF-8 lead byte (at least 0x80) is at `index` is one a
  /// terminal must not be handed: a C1 control (U+0080 to U+009F) or a bidirectional
  /// control (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069). Bytes missing at
  /// the end of the buffer count as no such character.
  @inline(__always)
  private static func isHiddenControl(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let count = bytes.count
    switch bytes[index] {
    case 0xC2:
      return index + 1 < count && bytes[index + 1] <= 0x9F
    case 0xD8:
      return index + 1 < count && bytes[index + 1] == 0x9C
    case 0xE2:
      guard index + 2 < count else { return false }
      let second = bytes[index + 1]
      let third = bytes[index + 2]
      if second == 0x80 { return third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third) }
      return second == 0x81 && (0xA6...0xA9).contains(third)
    default:
      return false
    }
  }

  /// Whether the thirty-two bytes from `index` are all printable ASCII, tested together.
  @inline(__always)
  private static func isPrintableASCII(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    // The caller checked that the buffer holds the bytes.
    let start = UnsafeRawPointer(bytes.baseAddress! + index)
    let bits = unprintableBits(start.loadUnaligned(as: UInt64.self))
      | unprintableBits(start.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
      | unprintableBits(start.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
      | unprintableBits(start.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    return bits == 0
  }

  /// Zero when all eight bytes of `word` are printable ASCII (U+0020 to U+007E): none has
  /// its high bit set, none is below 0x20 (subtracting 0x20 borrows into the high bit) and
  /// none is 0x7F (adding 1 carries into it). A borrow or carry that crosses into the next
  /// byte only follows a byte that is not printable, so the answer is exact.
  @inline(__always)
  private static func unprintableBits(_ word: UInt64) -> UInt64 {
    let high: UInt64 = 0x8080_8080_8080_8080
    let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word
    let delete = word &+ 0x0101_0101_0101_0101
    return (word | belowSpace | delete) & high
  }

  /// Whether a file's bytes can be diffed and written exactly as read: well-formed UTF-8
  /// without a byte order mark, and shown as is (`isShownAsIs`, which also rules out
  /// carriage returns and NUL bytes). Such a text needs no decoding and none of its runs
  /// needs escaping; other files need the full decoder.
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  package static func isPlainText(_ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBufferPointer(isPlainText)
  }

  /// Whether a file's bytes can be diffed and written exactly as read; see
  /// `isPlainText(_:)`.
  package static func isPlainText(_ bytes: TextBytes) -> Bool {
    bytes.withUnsafeBufferPointer(isPlainText)
  }

  /// Whether these bytes can be diffed and written exactly as read; see `isPlainText(_:)`.
  private static func isPlainText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    !bytes.starts(with: [0xEF, 0xBB, 0xBF]) && isShownAsIs(bytes, validatingUTF8: true)
  }

  /// Whether a terminal shows these bytes as they are (see `isShownAsIs(_:)`) and, when
  /// `validating`, they are well-formed UTF-8: printable ASCII passes thirty-two or eight
  /// bytes at a time, and from a word that holds anything else the check goes straight to
  /// its first such byte (a line break, a letter with an accent).
  private static func isShownAsIs(_ bytes: UnsafeBufferPointer<UInt8>, validatingUTF8 validating: Bool) -> Bool {
    var index = 0
    let count = bytes.count
    while index < count {
      if index + 32 <= count, isPrintableASCII(bytes, at: index) {
        index += 32
        continue
      }
      if index + 8 <= count {
        // The buffer holds the eight bytes from `index`.
        let bits = unprintableBits(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
        if bits == 0 {
          index += 8
          continue
        }
        // The lowest flagged byte is the first that is not printable ASCII.
        index += bits.trailingZeroBitCount >> 3
      }
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x7F || byte == 0x0A || byte == 0x09 {
        index += 1
        continue
      }
      guard byte >= 0x80, !isHiddenControl(bytes, at: index) else { return false }
      guard validating else {
        index += 1
        continue
      }
      // The sequence is decoded once, and its continuation bytes skipped.
      let length = sequenceLength(bytes, at: index)
      guard length > 0 else { return false }
      index += length
    }
    return true
  }
}
