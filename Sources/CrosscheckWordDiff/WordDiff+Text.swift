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
  ///   - escaping: Writes a run that cannot be written as it is.
  /// - Complexity: O(*n*) in the size of the two texts.
  package func writeMarkedText(
    to output: inout ChunkedOutput, colors: DiffColors?,
    escaping: (DiffRunKind, UnsafeBufferPointer<UInt8>, inout ChunkedOutput) -> Void
  ) {
    source.bytes.withUnsafeBufferPointer { sourceBytes in
      target.bytes.withUnsafeBufferPointer { targetBytes in
        forEachRun { run in
          let bytes = UnsafeBufferPointer(rebasing: (run.isTarget ? targetBytes : sourceBytes)[run.bytes])
          guard Self.isShownAsIs(bytes) else {
            escaping(run.kind, bytes, &output)
            return
          }
          switch (run.kind, colors) {
          case (.same, _):
            output.append(bytes)
          case (.deleted, let colors?):
            output.append(colors.deleted); output.append(bytes); output.append(colors.reset)
          case (.inserted, let colors?):
            output.append(colors.inserted); output.append(bytes); output.append(colors.reset)
          case (.deleted, nil):
            output.append("[-"); output.append(bytes); output.append("-]")
          case (.inserted, nil):
            output.append("{+"); output.append(bytes); output.append("+}")
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
    var index = 0
    let count = bytes.count
    while index < count {
      // Most text is printable ASCII: eight such bytes are passed at once, and a block
      // that holds anything else (a line break, a letter with an accent) byte by byte.
      if index + 8 <= count,
        // The buffer holds the eight bytes from `index`.
        isPrintableASCII(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
      {
        index += 8
        continue
      }
      let blockEnd = min(index + 8, count)
      while index < blockEnd {
        let byte = bytes[index]
        index += 1
        if byte >= 0x20 && byte < 0x7F { continue }
        switch byte {
        case 0x09, 0x0A:
          break
        case 0xC2:
          // U+0080 to U+009F.
          if index < count, bytes[index] <= 0x9F { return false }
        case 0xD8:
          // U+061C.
          if index < count, bytes[index] == 0x9C { return false }
        case 0xE2:
          // U+200E, U+200F, U+202A to U+202E; U+2066 to U+2069.
          if index + 1 < count {
            let second = bytes[index]
            let third = bytes[index + 1]
            if second == 0x80, third == 0x8E || third == 0x8F || (0xAA...0xAE).contains(third) { return false }
            if second == 0x81, (0xA6...0xA9).contains(third) { return false }
          }
        default:
          if byte < 0x80 { return false }
        }
      }
    }
    return true
  }

  /// Whether all eight bytes of `word` are printable ASCII (U+0020 to U+007E): none has
  /// its high bit set, none is below 0x20 (subtracting 0x20 borrows into the high bit) and
  /// none is 0x7F (adding 1 carries into it).
  @inline(__always)
  private static func isPrintableASCII(_ word: UInt64) -> Bool {
    let high: UInt64 = 0x8080_8080_8080_8080
    let belowSpace = (word &- 0x2020_2020_2020_2020) & ~word
    let delete = word &+ 0x0101_0101_0101_0101
    return (word | belowSpace | delete) & high == 0
  }

  /// Whether a file's bytes can be diffed and written exactly as read: well-formed UTF-8
  /// without a byte order mark, and shown as is (`isShownAsIs`, which also rules out
  /// carriage returns and NUL bytes). Such a text needs no decoding and none of its runs
  /// needs escaping; other files need the full decoder.
  ///
  /// - Complexity: O(*n*) in the number of bytes.
  package static func isPlainText(_ bytes: [UInt8]) -> Bool {
    guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]), isValidUTF8(bytes) else { return false }
    return bytes.withUnsafeBufferPointer(isShownAsIs)
  }
}
