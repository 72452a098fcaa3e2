extension WordDiff {
  /// The text of a file as UTF-8 bytes, decoded as loaded documents are (see `TextDecoder`):
  /// without a byte order mark, with CRLF and lone CR turned into LF, UTF-16 with a byte
  /// order mark converted, invalid sequences replaced by U+FFFD, so that offsets agree with
  /// the code point indices of the text as decoded. Plain UTF-8 with LF line endings, by far
  /// the most common, is used as read, without a copy. An empty file is an empty text.
  ///
  /// - Parameter path: The file to read.
  /// - Throws: `WordDiffReadError` when the file cannot be opened or read, or is binary.
  /// - Complexity: O(*n*) in the size of the file.
  package static func text(ofFile path: String) throws(WordDiffReadError) -> [UInt8] {
    let bytes = try contents(ofFile: path)
    let isPlain = !bytes.starts(with: [0xEF, 0xBB, 0xBF]) && !bytes.starts(with: [0xFF, 0xFE])
      && !bytes.starts(with: [0xFE, 0xFF]) && !bytes.contains(0x0D)
      && TextDecoder.binaryReason(bytes) == nil && isValidUTF8(bytes)
    if isPlain { return bytes }
    do {
      return Array(try TextDecoder.decode(bytes).text.utf8)
    } catch .empty {
      return []
    } catch {
      throw WordDiffReadError(path: path, reason: error.description)
    }
  }
}
