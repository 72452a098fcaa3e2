/// One side of a diff: a text with its tokens and sentences, from a loaded document or
/// from a string typed at the prompt.
package struct DiffSide: Sendable {
  /// The text, with byte-to-scalar offset conversion.
  package let buffer: TextBuffer
  /// The tokens the diff compares (a document's body tokens).
  package let tokens: [Token]
  /// The sentences the alignment works on, in order.
  package let sentences: [Sentence]

  /// A loaded document's body.
  package init(document: Document) {
    buffer = document.buffer
    tokens = document.tokens
    sentences = document.sentences
  }

  /// A string, split into sentences as a document's paragraph would be.
  package init(text: String) {
    let buffer = TextBuffer(text)
    self.buffer = buffer
    let tokens = Tokenizer().tokens(in: buffer)
    self.tokens = tokens
    sentences = SentenceSplitter().sentences(bytes: buffer.bytes, tokens: tokens, range: 0..<tokens.count)
  }

  /// The text of a byte range.
  package func string(_ range: Range<Int>) -> String { buffer.string(range) }

  /// A byte range as scalar offsets.
  package func scalarRange(_ range: Range<Int>) -> Range<Int> {
    buffer.scalarOffset(ofByte: range.lowerBound)..<buffer.scalarOffset(ofByte: range.upperBound)
  }

  /// The bytes from the first to the last of a range of tokens; an empty range gives the
  /// empty range where its first token would start.
  package func byteRange(ofTokens range: Range<Int>) -> Range<Int> {
    guard !range.isEmpty else {
      let position = range.lowerBound < tokens.count ? Int(tokens[range.lowerBound].start)
        : Int(tokens.last?.end ?? 0)
      return position..<position
    }
    return Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end)
  }
}
